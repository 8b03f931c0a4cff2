"""Entity recognition and linking: one automaton pass over the folded text, clitic-aware.

Every alias of the knowledge base goes into one Aho-Corasick automaton, keyed on its folded
form with a leading article removed, so that "بالرقة", "للتحالف" and "والدولة الإسلامية" are
found by the same key as "الرقة", "التحالف" and "الدولة الإسلامية". Context-only names
("التنظيم", a surname alone) link to an entity the article has already named in full.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from rasid.model import Entity, Event, Mention, NormalDoc
from rasid.resources import KBEntry, Resources
from rasid.stages.entity_generic import link_generic_bodies, main_country
from rasid.stages.entity_patterns import (
    Lexicon,
    Tok,
    build_lexicon,
    find_orgs,
    find_persons,
    find_places,
    is_not_place,
    romanize,
    slug,
    strip_clitic,
    tokenize,
)
from rasid.stages.normalize import fold

_ARTICLE_PREFIXES = frozenset({"ال", "وال", "فال", "بال", "كال", "لل", "ولل", "فلل", "وبال", "وكال", "فبال"})
_BARE_PREFIXES = frozenset({"", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك"})
_KIND_RANK = {"organization": 0, "media_outlet": 0, "publication": 0, "platform": 0, "person": 1, "location": 2}
_PUNCT = re.compile(r"[\"'`’‘“”«»().,،:؛\-–_/]+")


def _is_letter(ch: str) -> bool:
    return ch.isalnum()


@dataclass(frozen=True)
class _Key:
    entry_id: str
    has_article: bool
    is_latin: bool
    is_context: bool


def _alias_key(name: str) -> tuple[str, bool] | None:
    """Folded automaton key of an alias and whether a leading article was removed.

    >>> _alias_key("الرقة")
    ('رقه', True)
    >>> _alias_key("Islamic State")
    ('islamic state', False)
    """
    key = " ".join(_PUNCT.sub(" ", fold(name)).split())
    if not key:
        return None
    if key.startswith("ال") and len(key) > 4:
        return key[2:], True
    return key, False


def build_alias_index(res: Resources) -> Any:
    """Aho-Corasick automaton: folded alias key -> list of _Key (built once per Resources)."""
    import ahocorasick

    table: dict[str, list[_Key]] = defaultdict(list)
    for entry in res.entries.values():
        for is_context, names in ((False, entry.all_names), (True, entry.context_aliases + _heads_of(entry))):
            for name in names:
                got = _alias_key(name)
                if got is None:
                    continue
                key, has_article = got
                is_latin = key.isascii()
                if len(key) < (2 if is_latin else 3) and not has_article:
                    continue
                k = _Key(entry.id, has_article, is_latin, is_context)
                if k not in table[key]:
                    table[key].append(k)
    automaton = ahocorasick.Automaton()
    for key, keys in table.items():
        automaton.add_word(key, (key, tuple(keys)))
    automaton.make_automaton()
    return automaton


def _heads_of(entry: KBEntry) -> tuple[str, ...]:
    """"جماعة الحوثي" -> "الجماعة", "حركة الشباب" -> "الحركة": the head noun alone names the body again,
    linked like any context name (to the one the article named in full)."""
    if entry.kind != "organization":
        return ()
    heads = {name.split()[0] for name in entry.aliases + (entry.name_ar,) if len(name.split()) > 1}
    return tuple(f"ال{h}" for h in sorted(heads & _HEAD_NOUNS))


_HEAD_NOUNS = frozenset({"جماعة", "حركة", "ميليشيا", "مليشيا", "جبهة"})


@dataclass(frozen=True)
class _Hit:
    start: int  # folded offsets, including the clitic/article prefix
    end: int
    name_start: int  # where the name itself starts (after a clitic)
    keys: tuple[_Key, ...]


def _word_start(norm: str, i: int) -> int:
    while i > 0 and _is_letter(norm[i - 1]):
        i -= 1
    return i


def match_aliases(doc: NormalDoc, res: Resources) -> list[_Hit]:
    """Every alias occurrence whose edges fall on word boundaries (allowing Arabic clitics)."""
    automaton = res.cached("alias_automaton", build_alias_index)
    norm = doc.norm
    n = len(norm)
    hits: list[_Hit] = []
    if len(automaton) == 0:
        return hits
    for end_idx, (key, keys) in automaton.iter(norm):
        end = end_idx + 1
        start = end - len(key)
        if end < n and _is_letter(norm[end]):
            continue
        wstart = _word_start(norm, start)
        prefix = norm[wstart:start]
        ok: list[_Key] = []
        for k in keys:
            if k.is_latin:
                if prefix == "":
                    ok.append(k)
            elif k.has_article:
                if prefix in _ARTICLE_PREFIXES:
                    ok.append(k)
            elif prefix in _BARE_PREFIXES:
                ok.append(k)
        if ok:
            name_start = start
            if ok[0].has_article and not ok[0].is_latin:
                name_start = wstart + (len(prefix) - 2 if prefix.endswith("ال") else len(prefix) - 1)
                name_start = max(wstart, name_start)
            else:
                name_start = start
            hits.append(_Hit(wstart if prefix else start, end, name_start, tuple(ok)))
    return hits


def _longest_first(hits: list[_Hit]) -> list[_Hit]:
    """Drop hits contained in a longer one ("الدولة الإسلامية" inside "تنظيم الدولة الإسلامية")."""
    chosen: list[_Hit] = []
    taken = bytearray()
    for h in sorted(hits, key=lambda h: (-(h.end - h.name_start), h.start)):
        if len(taken) < h.end:
            taken.extend(b"\0" * (h.end - len(taken)))
        if any(taken[h.name_start:h.end]):
            continue
        for i in range(h.name_start, h.end):
            taken[i] = 1
        chosen.append(h)
    return sorted(chosen, key=lambda h: h.start)


_PLACE_CUES = frozenset(fold(w) for w in (
    "في", "مدينة", "بلدة", "قرية", "محافظة", "ريف", "مخيم", "منطقة", "ناحية", "حي", "قضاء", "ولاية", "إلى", "من",
    "شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي", "قرب", "بالقرب", "مدينتي", "بلدتي", "أطراف",
))


_CORE_COUNTRIES = frozenset({"SY", "IQ", "YE", "LY", "EG", "LB", "JO", "TN", "SA"})


def _previous_word(norm: str, start: int) -> str:
    words = norm[max(0, start - 20):start].split()
    return words[-1] if words else ""


def _has_place_cue(norm: str, start: int) -> bool:
    words = norm[max(0, start - 40):start].split()
    return bool(words) and any(w.lstrip("وفب") in _PLACE_CUES or w in _PLACE_CUES for w in words[-2:])


def _has_strong_place_cue(norm: str, start: int, lex: Lexicon) -> bool:
    words = norm[max(0, start - 30):start].split()
    return bool(words) and any(b in lex.place_cues for _, b in strip_clitic(words[-1], ("و", "ب", "ل", "وب", "ول")))


def _choose(hit: _Hit, doc_context: dict[str, Any], res: Resources) -> KBEntry | None:
    """Pick one entry for a hit: non-context names first, then kind, then place context and size."""
    candidates = [(k, res.entries[k.entry_id]) for k in hit.keys if not k.is_context and k.entry_id in res.entries]
    if not candidates:
        return None
    norm = doc_context["norm"]
    lex: Lexicon = res.cached("entity_lexicon", build_lexicon)
    word = norm[hit.name_start:hit.end]
    is_common = word in lex.common or word in lex.place_cues or (
        "ال" + word) in lex.common and norm[hit.start:hit.name_start].endswith("ال")
    ranked = []
    for k, e in candidates:
        regional = e.country in _CORE_COUNTRIES and e.population >= 20000
        if e.kind == "location" and word in lex.place_cues:
            continue  # "مدينة" is the cue, not the town of that name
        self_cued = word.split(" ")[0] in lex.place_cues  # the alias itself is "مدينة الطبقة"
        forms = {word, "ال" + word, word.removeprefix("ال")}
        common_word = any(fold(a) in forms for a in e.ambiguous_names)  # this very alias is an ordinary word
        one_word_common = e.is_ambiguous and " " not in word  # "بدا من الصور", not "إلى المدينة المنورة"
        weak_cues = ("في", "وفي") if one_word_common else ("في", "وفي", "الي", "من", "مدينتي")
        weak_ok = regional and not common_word and _previous_word(norm, hit.start) in weak_cues
        is_common_alias = e.is_ambiguous or common_word
        if e.kind == "location" and is_common_alias and not (self_cued or weak_ok
                                                             or _has_strong_place_cue(norm, hit.start, lex)):
            continue  # "حصار", "صور": a common word unless "مدينة صور"
        if e.kind == "location" and norm[hit.start:hit.name_start] == "ك":
            continue  # the clitic ك ("like") almost never precedes a place name: "كبيرا" is not ك + Beira
        regional_town = regional  # the gazetteer's flag decides
        if e.kind == "location" and is_common and e.precision not in ("country", "admin1") and e.population < 100000 \
                and not regional_town and not _has_strong_place_cue(norm, hit.start, lex):
            continue  # "بيان", "الخميس": ordinary words unless "بلدة بيان"
        admin_bonus = 1 if e.kind == "location" and (e.admin1 in doc_context["admin1s"] or e.country in doc_context["countries"]) else 0
        ranked.append((_KIND_RANK.get(e.kind, 3), -admin_bonus, _precision_rank(e), -e.population, e.id, e))
    if not ranked:
        return None
    ranked.sort(key=lambda r: r[:5])
    return ranked[0][-1]


def _precision_rank(e: KBEntry) -> int:
    """Countries, then provinces and great cities ("القاهرة" is Cairo before a Yemeni district), then the rest."""
    if e.population >= 500_000:
        return 1
    return {"country": 0, "admin1": 1, "place": 2, "admin2": 3}.get(e.precision or "", 4) if e.population == 0 else 2


def find_mentions(doc: NormalDoc, res: Resources) -> list[Mention]:
    """Mentions of known entities, then of context-only names that refer back to one of them."""
    all_hits = match_aliases(doc, res)
    hits = _longest_first(all_hits)
    text = doc.clean.full_text
    # First pass: unambiguous full names, to learn the document's admin context.
    context: dict[str, Any] = {"norm": doc.norm, "admin1s": set(), "countries": set()}
    for h in hits:
        full = [res.entries[k.entry_id] for k in h.keys if not k.is_context and k.entry_id in res.entries]
        if len(full) == 1 and full[0].kind == "location":
            context["countries"].add(full[0].country)
            if full[0].precision == "admin1":
                context["admin1s"].add(full[0].name_en)
            elif full[0].admin1:
                context["admin1s"].add(full[0].admin1)
    named = _named_in_full(hits, res)
    main_country = _main_country_of(hits, doc, res)
    mentions: list[Mention] = []
    pending_context: list[_Hit] = []
    for h in hits:
        entry = _known_from_context(h, named, main_country, res) or _choose(h, context, res)
        if entry is None:
            pending_context.append(h)
            continue
        s, e = doc.orig_span(h.name_start, h.end)
        mentions.append(Mention(s, e, text[s:e], entry.id, entry.kind, "kb"))
        if entry.kind == "organization":
            mentions.extend(_persons_inside(doc, h, all_hits, res))
    mentions.extend(_link_context_names(doc, pending_context, mentions, res, main_country))
    mentions.extend(link_generic_bodies(doc, mentions, res))
    text = doc.clean.full_text  # "230 سورياً": a place name never takes the accusative tanween, a people's nisba does
    mentions = [m for m in mentions if not (m.kind == "location" and "\u064b" in text[m.end - 1:m.end + 2])]
    return sorted(mentions, key=lambda m: m.start)




def _known_from_context(hit: _Hit, named: dict[str, list[int]], main_country: str | None,
                        res: Resources) -> KBEntry | None:
    """A name one body goes by and another's bare form ("التحالف", "طيران التحالف": the international
    coalition's, and the Saudi-led one's in Yemen news) is the other one where the last of the two named
    in full before it is that one, or, neither named yet, where the article is about its country."""
    if not any(not k.is_context for k in hit.keys):
        return None
    others = [res.entries[k.entry_id] for k in hit.keys if k.is_context and k.entry_id in res.entries
              and res.entries[k.entry_id].kind != "location"]
    if not others:
        return None
    ids = {k.entry_id for k in hit.keys}
    last = max(((p, i) for i in ids for p in named.get(i, ()) if p < hit.start), default=None)
    if last is not None:
        return next((e for e in others if e.id == last[1]), None)
    return next((e for e in others if e.country is not None and e.country == main_country), None)


def _named_in_full(hits: list[_Hit], res: Resources) -> dict[str, list[int]]:
    """Where the article names each body by a name only it goes by."""
    out: dict[str, list[int]] = {}
    for h in hits:
        full = {k.entry_id for k in h.keys if not k.is_context and k.entry_id in res.entries}
        if len(full) == 1 and not any(k.is_context for k in h.keys) \
                and res.entries[next(iter(full))].kind != "location":
            out.setdefault(next(iter(full)), []).append(h.start)
    return out


def _main_country_of(hits: list[_Hit], doc: NormalDoc, res: Resources) -> str | None:
    """The country most of the article's unambiguous places are in, before any name is chosen."""
    placed: list[tuple[int, str]] = []
    for h in hits:
        full = [res.entries[k.entry_id] for k in h.keys if not k.is_context and k.entry_id in res.entries]
        if len(full) == 1 and full[0].kind == "location" and full[0].country:
            placed.append((h.start, full[0].country))
    return main_country(doc, placed)


def _persons_inside(doc: NormalDoc, outer: _Hit, hits: list[_Hit], res: Resources) -> list[Mention]:
    """"نظام الرئيس السوري بشار الأسد" names the government and, inside it, the person: both are named.
    The inner mention is marked ``nested`` so that the event stage reads the outer name only."""
    inner: list[tuple[_Hit, str]] = []
    for h in hits:
        if h is outer or h.name_start < outer.name_start or h.end > outer.end:
            continue
        persons = {k.entry_id for k in h.keys if not k.is_context and k.entry_id in res.entries
                   and res.entries[k.entry_id].kind == "person"}
        if len(persons) == 1:
            inner.append((h, persons.pop()))
    person_of = {id(h): p for h, p in inner}
    out: list[Mention] = []
    for h in _longest_first([h for h, _ in inner]):
        s, e = doc.orig_span(h.name_start, h.end)
        out.append(Mention(s, e, doc.clean.full_text[s:e], person_of[id(h)], "person", "nested"))
    return out


def _link_context_names(doc: NormalDoc, hits: list[_Hit], known: list[Mention], res: Resources,
                        main_country: str | None = None) -> list[Mention]:
    """'التنظيم' -> the article's main armed group; 'المهاجر' -> the person named in full before."""
    text = doc.clean.full_text
    out: list[Mention] = []
    for h in hits:
        s, e = doc.orig_span(h.name_start, h.end)
        ids = [k.entry_id for k in h.keys if k.is_context]
        earlier = Counter(m.entity_id for m in known if m.entity_id in ids and m.start < s)
        if not earlier:
            # a generic group word refers to the group the article is about, even before its full name
            earlier = Counter(m.entity_id for m in known if m.entity_id in ids)
        if not earlier:
            # "الجيش الوطني" in an article about Yemen, none named in full: the body of the article's country
            earlier = Counter(i for i in ids if res.entries[i].country and res.entries[i].country == main_country
                              and res.entries[i].kind != "location")
        if not earlier:
            continue
        entity_id = earlier.most_common(1)[0][0]
        entry = res.entries[entity_id]
        out.append(Mention(s, e, text[s:e], entity_id, entry.kind, "coref"))
    return out


_ID_PREFIX = {"person": "person", "organization": "org", "media_outlet": "media", "publication": "pub",
              "platform": "platform", "location": "place"}


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _inside(inner: tuple[int, int], outer: tuple[int, int]) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1] and inner != outer


def find_pattern_mentions(
    doc: NormalDoc, known: list[Mention], res: Resources,
) -> tuple[list[Mention], dict[str, tuple[str, str]]]:
    """Add names found by context to the knowledge-base mentions; returns all mentions and canonical names.

    A place alias inside a recognised person or organisation name is dropped ("عدنان عفرين"), and a
    known person inside a longer person name gives way ("حمزة بن لادن").
    """
    lex: Lexicon = res.cached("entity_lexicon", build_lexicon)
    text = doc.clean.full_text
    toks = tokenize(doc.norm)
    to_orig = doc.to_orig

    def last_char(t: Tok) -> str:
        return text[to_orig[t.end - 1]]

    mentions = [m for m in known if not (m.kind == "location" and is_not_place(doc.norm, *_norm_span(doc, m), lex))]
    canon: dict[str, tuple[str, str]] = {}
    by_key: dict[tuple[str, str], str] = {}  # (first, last) name word -> entity id
    spans = [*find_persons(toks, last_char, lex), *find_orgs(toks, doc.norm, lex), *find_places(toks, doc.norm, lex)]
    added: list[Mention] = []
    for sp in spans:
        s, e = doc.orig_span(sp.start, sp.end)
        if s >= e or any(_overlaps((s, e), (m.start, m.end)) for m in added):
            continue
        clash = [m for m in mentions if _overlaps((s, e), (m.start, m.end))]
        if sp.kind == "location" and clash:
            continue
        wins = all(
            _inside((m.start, m.end), (s, e)) and (m.kind == "location" or m.kind == sp.kind == "person")
            or sp.kind == "person" and m.kind == "location" and not (m.start <= s and e <= m.end)
            for m in clash)  # "أن صالح" is not In Salah when "صالح الصماد" is a name
        if not wins:
            continue
        mentions = [m for m in mentions if m not in clash]
        words = sp.name or sp.words
        key = (words[0], words[-1])
        entity_id = by_key.get(key) if sp.kind == "person" else None
        if entity_id is None:
            name_en = romanize(words, lex) if sp.kind == "person" else _latin_title(words, lex)
            entity_id = f"rasid:{_ID_PREFIX[sp.kind]}:{slug(name_en) or slug(' '.join(words))}"
            if entity_id not in canon:
                ns, ne = (s, e) if not sp.name else doc.orig_span(sp.start, sp.end)
                canon[entity_id] = (name_en, text[ns:ne])
            if sp.kind == "person":
                by_key[key] = entity_id
        added.append(Mention(s, e, text[s:e], entity_id, sp.kind, "pattern"))
    mentions.extend(added)
    mentions.extend(_link_surnames(doc, toks, mentions, lex, res))
    return sorted(mentions, key=lambda m: m.start), canon


def _latin_title(words: tuple[str, ...], lex: Lexicon) -> str:
    return romanize(words, lex)


def _norm_span(doc: NormalDoc, m: Mention) -> tuple[int, int]:
    import bisect

    s = bisect.bisect_left(doc.to_orig, m.start)
    e = bisect.bisect_left(doc.to_orig, m.end)
    return s, e


def _link_surnames(doc: NormalDoc, toks: list[Tok], mentions: list[Mention], lex: Lexicon,
                   res: Resources) -> list[Mention]:
    """A family name alone ("الصماد", "عظيموف") refers to the person the article names in full."""
    text = doc.clean.full_text
    owners: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if m.kind != "person":
            continue
        words = fold(m.surface).split()
        entry = res.get(m.entity_id)
        if entry is not None:
            words = fold(entry.name_ar).split() if len(words) < 2 else words
        if len(words) < 2:
            continue
        last = words[-1]
        if len(last) >= 3 and last not in lex.stop and last not in lex.given and last not in lex.adjectives:
            owners[last].add(m.entity_id)
    if not owners:
        return []
    taken = [(m.start, m.end) for m in mentions]
    out: list[Mention] = []
    for i, t in enumerate(toks):
        for plen, base in strip_clitic(t.word, ("و", "ف", "ب", "ل", "وب", "ول")):
            ids = owners.get(base)
            if not ids or len(ids) != 1:
                continue
            if i > 0 and toks[i - 1].word in lex.links:
                break
            s, e = doc.orig_span(t.start + plen, t.end)
            if any(_overlaps((s, e), sp) for sp in taken):
                break
            entity_id = next(iter(ids))
            out.append(Mention(s, e, text[s:e], entity_id, "person", "coref"))
            break
    return out


def link_entities(doc: NormalDoc, mentions: list[Mention], res: Resources,
                  canon: dict[str, tuple[str, str]] | None = None) -> tuple[Entity, ...]:
    """Group mentions into contract entities with names, offsets and (for places) coordinates."""
    by_id: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_id[m.entity_id].append(m)
    out: list[Entity] = []
    for entity_id, ms in sorted(by_id.items(), key=lambda kv: kv[1][0].start):
        entry = res.entries.get(entity_id)
        names = tuple(dict.fromkeys(_as_written(m.surface) for m in ms))
        spans = tuple((m.start, m.end) for m in ms)
        if entry is None:  # found by pattern, not in the knowledge base
            name_en, name_ar = (canon or {}).get(entity_id, (names[0], names[0]))
            out.append(Entity(entity_id, ms[0].kind, name_en, name_ar, names, spans))
            continue
        out.append(_known_entity(entry, names, spans))
    return tuple(out)


def _known_entity(entry: KBEntry, names: tuple[str, ...], spans: tuple[tuple[int, int], ...]) -> Entity:
    return Entity(
        id=entry.id, kind=entry.kind, name_en=entry.name_en, name_ar=entry.name_ar, names=names, mentions=spans,
        lat=entry.lat, lon=entry.lon, country=entry.country, admin1=entry.admin1, precision=entry.precision,
        wikidata=entry.wikidata, parent=entry.parent,
    )


def parties_known_by_role(entities: tuple[Entity, ...], events: Iterable[Event], res: Resources) -> tuple[Entity, ...]:
    """Entities an event names by what the knowledge base knows, not by a mention ("العبادي" acts for the
    government of Iraq): listed with no mention, so that every role filler is an entity of the document."""
    listed = {e.id for e in entities}
    extra: list[Entity] = []
    for ev in events:
        for entity_id in (*ev.actors, *ev.targets, *ev.speakers, *ev.places):
            entry = res.entries.get(entity_id)
            if entity_id in listed or entry is None:
                continue
            listed.add(entity_id)
            extra.append(_known_entity(entry, (), ()))
    return entities + tuple(extra)


def _as_written(surface: str) -> str:
    """"#أنور_العولقي" -> "أنور العولقي": a hashtag's words as a name."""
    return " ".join(surface.replace("#", " ").replace("_", " ").split())


def find_entities(doc: NormalDoc, res: Resources) -> tuple[list[Mention], tuple[Entity, ...]]:
    """The entity stage: mentions (for the event stage) and the entities they resolve to."""
    mentions, canon = find_pattern_mentions(doc, find_mentions(doc, res), res)
    mentions = _drop_own_outlet(doc, mentions, res)
    entities = link_entities(doc, mentions, res, canon)
    return mentions, tuple(e for e in entities if not _is_generic_medium(e.id, res))


def _is_generic_medium(entity_id: str, res: Resources) -> bool:
    """"الإنترنت", "وسائل التواصل الاجتماعي": a release's platform attribute, not an entity of the news."""
    entry = res.get(entity_id)
    return entry is not None and entry.kind == "platform" and entry.category == "network"


def _outlet_names(res: Resources) -> dict[str, set[str]]:
    """Folded name -> ids of the media outlets that go by it."""
    out: dict[str, set[str]] = defaultdict(set)
    for e in res.entries.values():
        if e.kind == "media_outlet":
            for n in e.all_names:
                out[fold(n).strip()].add(e.id)
    return dict(out)


def _drop_own_outlet(doc: NormalDoc, mentions: list[Mention], res: Resources) -> list[Mention]:
    """The publisher naming itself in a credit line ("خاص - SY24") is provenance, not an entity of the news."""
    outlet = doc.clean.outlet
    if not outlet:
        return mentions
    key = fold(outlet).strip()
    own = res.cached("outlet_names", _outlet_names).get(key, set())
    return [m for m in mentions if m.kind != "media_outlet" or (m.entity_id not in own and fold(m.surface) != key)]
