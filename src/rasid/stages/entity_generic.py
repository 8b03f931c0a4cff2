"""A country's forces and authorities named bare: "الشرطة", "قوات الأمن", "السلطات".

News names the police of the country it reports on without saying which ("وقتلت القوات الأمنية
ثلاثة من المهاجمين"). ``generic_entries`` gives every country of the table its bodies (the
knowledge-base entry that already goes by "الشرطة التونسية", else a new one); ``link_generic_bodies``
reads a bare name as the body of the country its sentence, else its article, is about.
The table is ``rules/generic_bodies.json``.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from rasid.model import Mention, NormalDoc
from rasid.resources import KBEntry, Resources
from rasid.stages.normalize import fold


def _key(name: str) -> str:
    """"القوات الأمنية" and "قوات أمنية" alike: folded, each word without its article."""
    return " ".join(w[2:] if w.startswith("ال") and len(w) > 4 else w for w in fold(name).split())


def _names(kind: dict[str, Any], country: list[str]) -> tuple[str, str, list[str]]:
    adj, name, fem, masc = country[:4]  # further nisbas are other spellings: الأميركية
    fill = {"adj": adj, "country": name, "f": fem, "m": masc}
    aliases = [a.format(**fill) for a in (*kind.get("aliases_ar", ()), *kind.get("aliases_en", ()))]
    return kind["name_ar"].format(**fill), kind["name_en"].format(**fill), aliases


def generic_entries(entries: dict[str, KBEntry], table: dict[str, Any]) -> dict[str, KBEntry]:
    """The entries to add: for each kind and country, none where the knowledge base already has the body
    (it goes by one of the made names), else a new entry ``rasid:org:<adjective>-<kind>``."""
    owner = _owners(entries)
    out: dict[str, KBEntry] = {}
    for kind_name, kind in (table.get("kinds") or {}).items():
        for code, country in (table.get("countries") or {}).items():
            name_ar, name_en, aliases = _names(kind, country)
            if any(_key(n) in owner for n in (name_ar, name_en, *aliases)):
                continue
            entity_id = f"rasid:org:{_slug(country[0])}-{kind_name.replace('_', '-')}"
            out[entity_id] = KBEntry(id=entity_id, kind="organization", name_en=name_en, name_ar=name_ar,
                                     aliases=tuple(aliases), category=kind["category"], country=code)
    return out


def _owners(entries: dict[str, KBEntry]) -> dict[str, str]:
    """Folded organisation name -> the entry that goes by it (the first one)."""
    owner: dict[str, str] = {}
    for e in entries.values():
        if e.kind == "organization":
            for n in e.all_names:
                owner.setdefault(_key(n), e.id)
    return owner


def _slug(words: str) -> str:
    return re.sub(r"[^a-z]+", "-", words.lower()).strip("-")


@dataclass(frozen=True)
class GenericIndex:
    """Folded bare forms -> kind; (kind, country) -> entity id; folded nisba -> country."""

    forms: re.Pattern[str]
    kind_of: dict[str, str]
    body: dict[tuple[str, str], str]
    nisba: dict[str, str]


def build_generic_index(res: Resources) -> GenericIndex:
    table = res.rules.get("generic_bodies") or {}
    owner = _owners(res.entries)
    kind_of: dict[str, str] = {}
    body: dict[tuple[str, str], str] = {}
    nisba: dict[str, str] = {}
    for code, country in (table.get("countries") or {}).items():
        for form in country[2:]:
            nisba[fold(form)] = code
    for kind_name, kind in (table.get("kinds") or {}).items():
        for form in kind["forms"]:
            kind_of[fold(form)] = kind_name
        for code, country in (table.get("countries") or {}).items():
            name_ar, name_en, aliases = _names(kind, country)
            found = next((owner[_key(n)] for n in (name_ar, name_en, *aliases) if _key(n) in owner), None)
            if found:
                body[(kind_name, code)] = found
    alternatives = sorted(kind_of, key=len, reverse=True)
    with_lam = [f"ل{f[1:]}" for f in alternatives if f.startswith("ال")]  # "للشرطة"
    forms = re.compile(r"(?<!\w)(?:[وفبل]|وب|ول|فب)?(" + "|".join(map(re.escape, alternatives)) + r")(?!\w)"
                       + "|" + r"(?<!\w)(?:[وف])?(" + "|".join(map(re.escape, with_lam)) + r")(?!\w)")
    return GenericIndex(forms, kind_of, body, nisba)


def link_generic_bodies(doc: NormalDoc, mentions: list[Mention], res: Resources) -> list[Mention]:
    """Mentions of bare forces and authorities, each the body of the country its sentence or its
    article is about; a form qualified by another word ("قوات الأمن الداخلي") names another body."""
    index: GenericIndex = res.cached("generic_index", build_generic_index)
    if not index.body:
        return []
    places = [(m, res.get(m.entity_id)) for m in mentions if m.kind == "location"]
    located = [(m, e.country) for m, e in places if e is not None and e.country]
    main = main_country(doc, [(m.start, code) for m, code in located])
    taken = [(m.start, m.end) for m in mentions]
    text = doc.clean.full_text
    out: list[Mention] = []
    for hit in index.forms.finditer(doc.norm):
        folded = hit.group(1) or "ال" + hit.group(2)[2:]  # "للشرطة": ل + الشرطة
        start = hit.start(1) if hit.group(1) else hit.start(2) + 1
        s, e = doc.orig_span(start, hit.end())
        if any(a < e and s < b for a, b in taken):
            continue
        kind = index.kind_of[folded]
        following = [w for w in doc.norm[hit.end():hit.end() + 40].split()[:3] if not w.startswith("وال")][:1]
        code = index.nisba.get(following[0]) if following else None  # "الأمنية والعسكرية التونسية"
        if following and code is None and _qualifies(following[0], kind):
            continue  # "قوات الأمن الداخلي", "الحكومة المؤقتة", "السلطات المحلية": another body
        if kind == "government" and set(doc.norm[max(0, hit.start() - 20):hit.start()].split()[-1:]) & _OFFICES:
            continue  # "رئيس الحكومة", "المتحدثة باسم الحكومة": an office, said of whichever government
        code = code or _country_nearby(text, s, e, located) or main
        entity_id = index.body.get((kind, code or ""))
        if entity_id:
            out.append(Mention(s, e, text[s:e], entity_id, "organization", "generic"))
    return out


def nisba_countries(text: str, res: Resources) -> list[str]:
    """The countries of the nisbas that open ``text``, past the adjectives of a strike: " جوية أميركية",
    " الجوية الروسية والحكومية السورية" -> US; RU, SY."""
    return _nisbas_and_length(text, res)[0]


def force_nisba_countries(words: list[str], res: Resources) -> list[str]:
    """The countries of a force named by its nisba just before a verb: "مقاتلات عراقية شنت", "الطيران
    الحربي الروسي يقصف" (the last two words may be the verb and its particle)."""
    for k, word in enumerate(words):
        if _FORCE_WORD.fullmatch(word.strip("،,.:؛\"'«»()")):
            codes, used = _nisbas_and_length(" ".join(words[k:]), res)
            if codes and len(words) - k - used <= 2:
                return codes
    return []


def _nisbas_and_length(text: str, res: Resources) -> tuple[list[str], int]:
    index: GenericIndex = res.cached("generic_index", build_generic_index)
    found: list[str] = []
    used = 0
    for word in text.split()[:6]:
        word = word.strip("،,.:؛\"'«»()")
        bare = word[1:] if word.startswith("و") and len(word) > 4 else word
        code = index.nisba.get(bare) or index.nisba.get("ال" + bare)
        if code:
            found.append(code)
        elif not (_STRIKE_ADJECTIVE.fullmatch(bare) and (not found or bare.startswith("ال"))):
            break
        used += 1
    return found, used


_FORCE_WORD = re.compile(r"(?:و)?(?:ال)?(?:طيران|طايرات|مقاتلات|مدفعيه|مروحيات|بوارج)")
_STRIKE_ADJECTIVE = re.compile(r"(?:ال)?(?:جوي|حربي|عسكري|بري|بحري|صاروخي|مدفعي|مسير|حكومي|طيران|طاير|مقاتل|مروحي)(?:ه|ة|ات|ين)?"
                               r"|(?:التي|الذي)|(?:نفذ|شن)(?:ت|ها|تها|ته|وا|وها)?")  # "غارات نفذتها طائرات إسرائيلية"


def is_body_of(entity_id: str, code: str, res: Resources) -> bool:
    """"الجيش الأمريكي" is a body of the US: one of its Arabic names carries the country's nisba."""
    index: GenericIndex = res.cached("generic_index", build_generic_index)
    entry = res.get(entity_id)
    return entry is not None and any(index.nisba.get(w) == code for n in entry.all_names for w in fold(n).split())


def state_of(code: str, res: Resources) -> str | None:
    """The party a state's nisba names: the country, or the forces the table names for it ("Syrian
    government forces": news never calls the regime's strikes Syria's)."""
    table = res.rules.get("generic_bodies") or {}
    doer = (table.get("state_doers") or {}).get(code)
    if doer and res.get(doer) is not None:
        return str(doer)
    countries: dict[str, str] = res.cached("country_ids", _country_ids)
    return countries.get(code)


def _country_ids(res: Resources) -> dict[str, str]:
    out: dict[str, str] = {}
    for e in res.entries.values():
        if e.feature == "country" and e.country:
            out.setdefault(e.country, e.id)
    return out


def _qualifies(word: str, kind: str) -> bool:
    """An adjective right after the form names another body: "قوات الأمن الداخلي", "الشرطة العسكرية",
    "الحكومة الانتقالية", "السلطات المحلية" (a local police is still the country's: "الشرطة المحلية")."""
    return word.startswith("ال") and word.endswith(("ي", "يه")) and not (kind != "government" and word in _SAME_BODY)


_SAME_BODY = frozenset({"المحليه", "المحلي", "الرسميه"})
_OFFICES = frozenset({"رييس", "رييسا", "لرييس", "ورييس", "رياسه", "نايب", "وزير", "باسم", "مكتب"})  # folded


def main_country(doc: NormalDoc, placed: list[tuple[int, str]]) -> str | None:
    """The country the article is about: the one its places (start offset, country) belong to most
    (title places count twice)."""
    votes: Counter[str] = Counter()
    for start, code in placed:
        votes[code] += 2 if start < doc.clean.body_offset else 1
    return votes.most_common(1)[0][0] if votes else None


def _country_nearby(text: str, start: int, end: int, located: list[tuple[Mention, str]]) -> str | None:
    """"وصل إلى تونس لكن السلطات اعتقلته": a place a few words away names the country; one at the other
    end of the sentence ("على طول الحدود مع الجزائر") does not."""
    near: list[tuple[int, str]] = []
    for m, code in located:
        gap = text[min(end, m.start):max(start, m.end)]
        if len(gap.split()) <= _NEAR_WORDS and not re.search(r"[.\n]", gap):
            near.append((len(gap.split()), code))
    return min(near)[1] if near else None


_NEAR_WORDS = 6
