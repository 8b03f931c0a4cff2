"""Names the knowledge base does not know: persons, organisations and places found by context.

Works on the folded text (``NormalDoc.norm``) as a list of word tokens. Cue words come from
``data/rules/entities.json``; the person-name lexicon (``data/names/units.tsv.gz``, built by
``scripts/build_name_lexicon.py`` from Wikidata name units and news word counts) says which words
are given names, surnames or common words. Three recognisers:

- persons: a kunya (أبو/أبي/أبا + name + nisbas), a known given name followed by more name words
  (عبد/بن chains, ال-family names, foreign names), or any name-like run after a title or role
  (العقيد، المتحدث باسم، القيادي ...);
- organisations: a head word (تنظيم، جبهة، حركة، حزب، مجلس، وكالة، مجلة ...) with its genitive,
  its adjectives or a quoted name;
- places: a name after بلدة/مدينة/قرية/محافظة/ريف/مخيم/حي/منطقة ...

Each returns spans in folded offsets; ``entities.py`` turns them into mentions and entities.
"""
from __future__ import annotations

import gzip
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rasid.resources import Resources
from rasid.stages.normalize import fold

_TOKEN = re.compile(r"[\u0621-\u064aa-z0-9]+")
_NAME_CLITICS = ("وب", "و", "ف", "ب")  # "لصالح" is "for", so a bare ل never opens a name
_ORG_CLITICS = ("وب", "ول", "و", "ف", "ب", "ل")


@dataclass(frozen=True)
class Lexicon:
    """Folded word sets the recognisers read (built once per Resources)."""

    given: frozenset[str]
    namey: frozenset[str]
    common: frozenset[str]
    latin: dict[str, str]
    stop: frozenset[str]
    adjectives: frozenset[str]
    kunya: frozenset[str]
    links: frozenset[str]
    person_cues: dict[str, list[tuple[str, ...]]]  # last cue word -> full cue word tuples
    cue_words: frozenset[str]
    org_heads: dict[str, tuple[str, bool]]  # head (bare) -> (kind, is_generic)
    org_generic: frozenset[str]
    place_cues: frozenset[str]
    place_stop: frozenset[str]
    not_places: tuple[str, ...]
    district_heads: frozenset[str] = frozenset()  # "مديرية": a district, unless an institution follows
    institutions: frozenset[str] = frozenset()  # "مديرية الأمن", "مديرية التربية"


def _read_units(data_dir: Path | None) -> list[tuple[str, int, int, int, int, str]]:
    if data_dir is None:
        return []
    path = data_dir / "names" / "units.tsv.gz"
    if not path.is_file():
        return []
    rows = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            p = line.rstrip("\n").split("\t")
            if len(p) >= 6:
                rows.append((p[0], int(p[1]), int(p[2]), int(p[3]), int(p[4]), p[5]))
    return rows


def build_lexicon(res: Resources) -> Lexicon:
    """Read the name lexicon and the cue lists of ``rules/entities.json``."""
    rules: dict[str, Any] = res.rules.get("entities", {})
    given: set[str] = set()
    namey: set[str] = set()
    common: set[str] = set()
    latin: dict[str, str] = {}
    given_counts: dict[str, tuple[int, int]] = {}
    for key, g, s, freq, after, lat in _read_units(res.data_dir):
        given_counts[key] = (g, s)
        if lat:
            latin[key] = lat
        evidence = 3 * (g + s) + 8 * after
        if g >= 500 and g * 2 >= s:
            given.add(key)  # "علي" folds like "على": the original spelling decides (find_persons)
        if freq >= 30 and evidence < freq:
            common.add(key)
            continue
        if g >= 5 and g * 2 >= s:
            given.add(key)
        if g + s >= 2 or after >= 2:
            namey.add(key)

    def folded(key: str) -> frozenset[str]:
        return frozenset(fold(w) for w in rules.get(key, ()))

    stop, kunya, pronouns = folded("stop_words") | folded("pronouns"), folded("kunya"), folded("pronouns")
    for w in _known_given_names(res) - kunya - stop:
        g, s = given_counts.get(w, (0, 0))
        if g >= 40 and g * 2 >= s:  # "بشار": a given name the news prints so often that counts call it common
            given.add(w)
            common.discard(w)
    given -= pronouns  # "شخصين هما بشار": هما ("the two") is listed as a given name

    cues: dict[str, list[tuple[str, ...]]] = {}
    for cue in rules.get("person_cues", ()):
        words = tuple(fold(cue).split())
        if words:
            cues.setdefault(words[-1], []).append(words)
    heads = {fold(h): (v[0], v[1] == "generic") for h, v in rules.get("org_heads", {}).items()}
    return Lexicon(
        given=frozenset(given), namey=frozenset(namey), common=frozenset(common), latin=latin,
        stop=stop, adjectives=folded("adjective_skip"), kunya=kunya,
        links=folded("name_links"), person_cues=cues, cue_words=frozenset(w for c in cues.values() for t in c for w in t), org_heads=heads, org_generic=folded("org_generic_tails"),
        place_cues=folded("place_cues"), place_stop=folded("place_stop_tails") | folded("stop_words"),
        not_places=tuple(fold(p) for p in rules.get("not_places", ())),
        district_heads=folded("district_heads"), institutions=folded("institution_words"),
    )


@dataclass(frozen=True)
class Tok:
    start: int
    end: int
    word: str
    joined: bool  # only spaces between this token and the previous one


def tokenize(norm: str) -> list[Tok]:
    """Word tokens of folded text; ``joined`` is False after punctuation, quotes or a line break.

    >>> [(t.word, t.joined) for t in tokenize("قال، ابو بكر")]
    [('قال', False), ('ابو', False), ('بكر', True)]
    """
    out: list[Tok] = []
    prev = 0
    for m in _TOKEN.finditer(norm):
        gap = norm[prev:m.start()]
        out.append(Tok(m.start(), m.end(), m.group(), bool(out) and (gap == "" or gap.isspace()) and "\n" not in gap))
        prev = m.end()
    return out


def strip_clitic(word: str, prefixes: tuple[str, ...] = _NAME_CLITICS) -> list[tuple[int, str]]:
    """(prefix length, base) readings of a word, the bare word first.

    >>> strip_clitic("وبأبو")
    [(0, 'وبأبو'), (2, 'أبو'), (1, 'بأبو')]
    """
    if word[0] not in "وفبل":
        return [(0, word)]
    out = [(0, word)]
    for p in prefixes:
        if word.startswith(p) and len(word) - len(p) >= 2:
            out.append((len(p), word[len(p):]))
    if "ل" in prefixes:
        for p in ("لل", "ولل", "فلل"):
            if word.startswith(p) and len(word) - len(p) >= 2:
                out.append((len(p), "ال" + word[len(p):]))  # "للصماد": the surface is "صماد"
    return out


@dataclass(frozen=True)
class Span:
    start: int  # folded offsets
    end: int
    kind: str
    words: tuple[str, ...]
    rule: str
    name: tuple[str, ...] = ()  # canonical name words when not the whole span (a generic head dropped)


def _known_given_names(res: Resources) -> set[str]:
    """First words of the knowledge base's person names (as Arabic words)."""
    out: set[str] = set()
    for e in res.entries.values():
        if e.kind != "person":
            continue
        for name in (e.name_ar, *e.aliases):
            words = fold(name or "").split()
            if len(words) >= 2 and not words[0].startswith("ال") and _ARABIC_WORD.fullmatch(words[0]):
                out.add(words[0])
    return out


_ARABIC_WORD = re.compile(r"[\u0621-\u064a]{2,}")


# ----------------------------------------------------------------------------------------- persons

def _is_wordlike(lex: Lexicon, w: str) -> bool:
    return len(w) >= 2 and w not in lex.stop and not any(c.isdigit() for c in w)


_NOT_NAME_START = ("و", "لل", "بال", "وال", "يت", "تت", "ست", "سي", "سن")
_NOT_NAME_END = ("يه", "ات", "ها", "هم", "هما", "كم", "نا")


def _is_oov_name(lex: Lexicon, w: str, position: int) -> bool:
    """An unknown word that may be a (foreign) name: not common, not shaped like a verb, plural or adverb."""
    if w in lex.common or w in lex.adjectives or w in lex.cue_words or w.startswith("ال"):
        return False
    if w.startswith(_NOT_NAME_START) or w.endswith(_NOT_NAME_END):
        return False
    if w[0] in "وبلف" and w[1:] in lex.common:  # "بإذن", "لأجل": a clitic on an ordinary word
        return False
    return not (position > 0 and w.endswith("ا") and len(w) >= 4)


def _name_run(toks: list[Tok], i: int, lex: Lexicon, allow_oov: bool, limit: int = 4) -> int:
    """End index (exclusive) of the run of name words starting at token ``i``."""
    j = i
    n = len(toks)
    count = 0
    while j < n and count < limit:
        t = toks[j]
        if j > i and not t.joined:
            break
        w = t.word
        if not _is_wordlike(lex, w):
            break
        if w in lex.links and j + 1 < n and toks[j + 1].joined and _is_wordlike(lex, toks[j + 1].word):
            j += 2
            count += 2
            continue
        if w in lex.cue_words and j > i:
            break
        if w in lex.namey and (not w.startswith("و") or j == i) or w.startswith("عبد") and len(w) > 4 or allow_oov and w.startswith("ال") and w not in lex.common and w not in lex.adjectives and len(w) > 3 or allow_oov and _is_oov_name(lex, w, j - i) and (j - i < 2 or w in lex.namey):
            pass
        else:
            break
        j += 1
        count += 1
    while j > i and (toks[j - 1].word in lex.adjectives or toks[j - 1].word in lex.links):
        j -= 1
    return j


def _cue_before(toks: list[Tok], i: int, lex: Lexicon) -> int | None:
    """Index where the name starts if a title/role cue ends right before token ``i`` (adjectives skipped)."""
    j = i
    skipped = 0
    while j > 0 and skipped <= 3:
        w = toks[j - 1].word
        for _, base in strip_clitic(w, _ORG_CLITICS):
            for cue in lex.person_cues.get(base, ()):
                k = j - len(cue)
                if k < 0:
                    continue
                words = [toks[x].word for x in range(k, j)]
                words[-1] = base
                if len(cue) > 1:
                    words[0] = next((b for _, b in strip_clitic(words[0], _ORG_CLITICS) if b == cue[0]), words[0])
                if tuple(words) == cue:
                    return j
        if not toks[j - 1].joined and j - 1 < i:
            return None
        if w in lex.adjectives or (w.startswith("ال") and w in lex.common and skipped < 2):
            skipped += 1
            j -= 1
            if not toks[j].joined:
                return None
            continue
        return None
    return None


def find_persons(toks: list[Tok], last_char: Callable[[Tok], str], lex: Lexicon) -> list[Span]:
    """Person names by kunya, given name or title cue (``last_char``: a token's last original letter)."""
    out: list[Span] = []
    n = len(toks)
    i = 0
    while i < n:
        t = toks[i]
        found: Span | None = None
        for plen, base in strip_clitic(t.word):
            nxt = toks[i + 1] if i + 1 < n else None
            if base in lex.kunya and nxt is not None and nxt.joined and _is_wordlike(lex, nxt.word):
                if base == "ام" and nxt.word not in lex.given:
                    continue
                if nxt.word in lex.common and nxt.word not in lex.given and not nxt.word.startswith("ال"):
                    continue
                j = i + 2
                if nxt.word in lex.links and j < n and toks[j].joined:  # ابو عبد الله
                    j += 1
                while j < n and j < i + 5 and toks[j].joined and toks[j].word.startswith("ال") \
                        and toks[j].word not in lex.stop and (toks[j].word not in lex.common or toks[j].word.endswith("ي")):
                    j += 1
                found = Span(t.start + plen, toks[j - 1].end, "person", (base, *(x.word for x in toks[i + 1:j])), "kunya")
                break
            if base in lex.given and last_char(t) != "ى" and (plen == 0 or base not in lex.common):
                j = i + 1
                if nxt is not None and nxt.joined and (nxt.word in lex.namey or not nxt.word.startswith("ال")):
                    j = _name_run(toks, i + 1, lex, allow_oov=not base.startswith("ال"))
                if j == i + 1 and nxt is not None and nxt.joined and _is_wordlike(lex, nxt.word) \
                        and i + 2 < n and toks[i + 2].word in lex.cue_words:
                    j = i + 2  # "عدنان عفرين؛ المتحدث باسم": a role in apposition makes the town word a surname
                if j >= i + 2:
                    found = Span(t.start + plen, toks[j - 1].end, "person", (base, *(x.word for x in toks[i + 1:j])), "given")
                    break
        if found is None and t.word not in lex.common and not t.word.startswith("ال") and _is_wordlike(lex, t.word) \
                and t.word not in lex.adjectives and _cue_before(toks, i, lex) is not None:
            j = _name_run(toks, i, lex, allow_oov=True)
            if j >= i + 2 and (t.word in lex.namey or _is_oov_name(lex, t.word, 0)) \
                    and any(x.word in lex.namey for x in toks[i:j]):
                found = Span(t.start, toks[j - 1].end, "person", tuple(x.word for x in toks[i:j]), "cue")
        if found is not None:
            out.append(found)
            while i < n and toks[i].start < found.end:
                i += 1
            continue
        i += 1
    return out


# ----------------------------------------------------------------------------------- organisations

def _quoted_word(norm: str, t: Tok) -> bool:
    """'"أنصار" التنظيم': the quote after the head closes one opened right before it."""
    return t.start > 0 and norm[t.start - 1] in "«\"“(" and t.end < len(norm) and norm[t.end] in "»\"”)"


def _quoted(norm: str, pos: int) -> tuple[int, int] | None:
    """Span inside quotes that open at ``pos`` (after spaces), at most 60 characters."""
    k = pos
    while k < len(norm) and norm[k] == " ":
        k += 1
    if k >= len(norm) or norm[k] not in "«\"“(":
        return None
    close = {"«": "»", "\"": "\"", "“": "”", "(": ")"}[norm[k]]
    e = norm.find(close, k + 1, k + 62)
    if e <= k + 2 or "\n" in norm[k:e]:
        return None
    return k + 1, e


_DEMONSTRATIVES = frozenset({"هذه", "هذا", "تلك", "ذلك", "هولاء", "وهذه", "وهذا", "وتلك"})


def find_orgs(toks: list[Tok], norm: str, lex: Lexicon) -> list[Span]:
    """Organisations, outlets and publications after a head word."""
    out: list[Span] = []
    n = len(toks)
    i = 0
    while i < n:
        t = toks[i]
        hit = None
        for plen, base in strip_clitic(t.word, _ORG_CLITICS):
            bare = base[2:] if base.startswith("ال") and base[2:] in lex.org_heads else base
            if bare in lex.org_heads:
                hit = (plen, base, bare)
                break
        if hit is None:
            i += 1
            continue
        plen, base, bare = hit
        if bare in lex.district_heads and i + 1 < n and toks[i + 1].word not in lex.institutions:
            i += 1  # "مديرية الدريهمي" is a district of Yemen; "مديرية الأمن" a body
            continue
        kind, is_generic = lex.org_heads[bare]
        definite = base != bare
        if definite and is_generic:  # "التنظيم", "الجماعة": an anaphor, linked by entities.py
            i += 1
            continue
        if definite and i > 0 and toks[i - 1].word in _DEMONSTRATIVES:
            i += 1  # "هذه القوات": pointing back, not naming
            continue
        q = _quoted(norm, t.end) if not definite and not _quoted_word(norm, t) else None
        if q is not None:
            inner = [x for x in toks[i + 1:] if x.start >= q[0] and x.end <= q[1]]
            if 1 <= len(inner) <= 6:
                words = tuple(x.word for x in inner)
                out.append(Span(q[0], q[1], kind, words, "quoted", words))
                i += 1 + len(inner)
                continue
        j = i + 1
        tail: list[str] = []
        while j < n and toks[j].joined and len(tail) < 4:
            w = toks[j].word
            if w in lex.stop or w.isdigit() and not tail:
                if w.isdigit() and not tail and bare in ("فرقه", "لواء", "كتيبه"):
                    tail.append(w)
                    j += 1
                break
            if w.startswith("ال"):
                if w in lex.place_stop or w in lex.cue_words:
                    break
                if tail and not tail[-1].startswith("ال") and tail[-1] not in lex.links and w in lex.common \
                        and w in lex.org_generic:
                    break  # "شرطة اسكوتلنديارد البريطانية": the nationality is not part of the name
                tail.append(w)
            elif definite or w in lex.common or w in lex.adjectives or w in lex.cue_words or tail and (tail[-1].startswith("ال") or not (w in lex.namey or tail[-1] in lex.links)) \
                    and w not in lex.links or not tail and not _is_oov_name(lex, w, 0) and w not in lex.namey or not tail and is_generic and w.endswith("ه") and w not in lex.namey:
                break
            else:
                tail.append(w)
            j += 1
        while tail and tail[-1] in lex.links:
            tail.pop()
            j -= 1
        specific = [w for w in tail if w not in lex.org_generic]
        if tail and specific and not (definite and all(w in lex.adjectives and w not in lex.org_generic
                                                        and not w.endswith("يه") for w in tail) and len(tail) < 2):
            end = toks[i + len(tail)].end
            if is_generic or bare == "قوات" and tail[0].startswith("ال") and len(tail) > 1:
                out.append(Span(toks[i + 1].start, end, kind, tuple(tail), "head", tuple(tail)))
            else:
                out.append(Span(t.start + plen, end, kind, (base, *tail), "head"))
            i += 1 + len(tail)
            continue
        i += 1
    return out


# ------------------------------------------------------------------------------------------ places

def find_places(toks: list[Tok], norm: str, lex: Lexicon) -> list[Span]:
    """Place names right after a place cue ("بلدة حيط", "مخيم الهول"): the name alone, not the cue."""
    out: list[Span] = []
    n = len(toks)
    for i, t in enumerate(toks[:-1]):
        cues = [b for _, b in strip_clitic(t.word, _ORG_CLITICS) if b in lex.place_cues]
        if not cues:
            continue
        if all(b.startswith("ال") for b in cues) and toks[i + 1].word.startswith("ال"):
            continue  # "العاصمة الشيشانية": a definite noun's definite neighbour describes it, names nothing
        words: list[str] = []
        j = i + 1
        while j < n and toks[j].joined and len(words) < 2:
            w = toks[j].word
            if w in lex.place_stop or w in lex.common or w in lex.place_cues or w in lex.adjectives \
                    or w.startswith(("لل", "بال", "وال", "وا")) or any(c.isdigit() for c in w) or len(w) < 2 \
                    or w[0] == "و" and w[1:] in lex.common:
                break  # "مخيم وأراض زراعية": a conjunction opens another noun, not a name
            if words and not (w.startswith("ال") or words[-1] in ("دير", "تل", "عين", "ابو", "راس", "جسر", "بني", "بير")):
                break
            words.append(w)
            j += 1
        if words:
            s, e = toks[i + 1].start, toks[i + len(words)].end
            out.append(Span(s, e, "location", tuple(words), "place_cue"))
    return out


def is_not_place(norm: str, start: int, end: int, lex: Lexicon) -> bool:
    """A place alias that is an ordinary word here ("حماة الديار")."""
    window = norm[max(0, start - 12):end + 12]
    return any(p in window and norm[start:end] in p for p in lex.not_places)


# ----------------------------------------------------------------------------------- romanisation

_CHARS = {
    "ا": "a", "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh", "ر": "r",
    "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "ع": "'", "غ": "gh", "ف": "f",
    "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "و": "w", "ي": "y", "ء": "'",
}
_FIXED = {"ابو": "Abu", "ابي": "Abu", "ابا": "Abu", "ام": "Umm", "بن": "bin", "ابن": "ibn", "بنت": "bint", "عبد": "Abd"}


def _rule_romanize(word: str) -> str:
    """Rough Latin spelling of an unknown Arabic word (consonants and long vowels).

    >>> _rule_romanize("بيرغن")
    'Birghn'
    """
    out = []
    for k, ch in enumerate(word):
        if ch == "و" and 0 < k:
            out.append("u")
        elif ch == "ي" and 0 < k:
            out.append("i")
        elif ch == "ه" and k == len(word) - 1 and k > 0 or ch == "ا" and k == 0:
            out.append("a")
        else:
            out.append(_CHARS.get(ch, ch if ch.isascii() else ""))
    s = "".join(out).strip("'")
    return s[:1].upper() + s[1:] if s else word


def romanize_word(word: str, lex: Lexicon) -> str:
    """Latin spelling of one name word: fixed particles, the lexicon, then rules.

    ``الصماد`` -> ``al-Sammad`` (lexicon); ``المهاجر`` -> ``al-`` + rules when unknown.
    """
    if word in _FIXED:
        return _FIXED[word]
    if word in lex.latin:
        lat = lex.latin[word]
        if word.startswith("ال") and not lat.lower().startswith(("al-", "el-", "al ", "el ")):
            return "al-" + romanize_word(word[2:], lex)
        return lat[:1].upper() + lat[1:] if not lat.lower().startswith(("al-", "el-")) else "al-" + lat[3:4].upper() + lat[4:]
    if word.startswith("عبد") and len(word) > 4:
        return "Abd " + romanize_word(word[3:], lex)
    if word.startswith("ال") and len(word) > 3:
        return "al-" + romanize_word(word[2:], lex)
    return _rule_romanize(word)


def romanize(words: tuple[str, ...], lex: Lexicon) -> str:
    """Canonical English name of a name found by pattern.

    ``("ابو", "الحسن", "المهاجر")`` -> ``Abu al-Hasan al-Muhajir`` style.
    """
    parts = [romanize_word(w, lex) for w in words]
    return " ".join(p for p in parts if p)


def slug(text: str) -> str:
    """Id-safe form of a romanised name.

    >>> slug("Abu al-Hasan al-Muhajir")
    'abu-al-hasan-al-muhajir'
    """
    return re.sub(r"[^a-z0-9]+", "-", text.lower().replace("'", "")).strip("-")
