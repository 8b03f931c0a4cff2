"""What the story layer compares: a document's signature and the rule that links two of them.

A :class:`StoryFeatures` is small (a MinHash of word shingles, a few dozen weighted terms of the
title and lead, the keys of its core events, a day number) so that it can be kept for millions of
documents and stored in the database for incremental assignment. :func:`link_score` is the one
decision rule, used both by the batch clustering (``stages/stories.py``) and by the incremental
path (``store/stories.py``), so that a document gets the same story either way.
"""
from __future__ import annotations

import hashlib
import math
import re
import struct
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from rasid.model import Event, Extraction
from rasid.stages.normalize import fold

NUM_PERM = 64
BANDS = 16  # 16 bands x 4 rows: pairs with shingle Jaccard >= ~0.5 meet in some band
SHINGLE = 4
LEAD_WORDS = 80
TOP_TERMS = 12  # terms of a document used as blocking keys
MAX_TERMS = 60
TITLE_MARK = "^"  # title terms ride in StoryFeatures.terms under this mark (stored signatures keep them)
TITLE_AGREE = 0.35  # title tf-idf cosine from which two headlines are taken to tell the same news
TITLE_EASE = 1.5  # ... and the lead-text bar is divided by this
_MASK = (1 << 32) - 1
_MASK64 = (1 << 64) - 1
_PRIME = (1 << 61) - 1
_WORD = re.compile(r"[\w]+", re.UNICODE)
_PREFIXES = ("وبال", "وال", "بال", "فال", "كال", "لل", "ال")
# Events whose key fields say "this happened there, then": the attack-like family.
_ACTS = ("attack", "execution", "military_operation", "territorial_change", "arrest", "leadership_change")


@dataclass(frozen=True)
class EventKey:
    """The fields of one core event that two outlets must agree on to report the same thing."""

    type: str
    subtype: str | None
    actors: frozenset[str]
    speakers: frozenset[str]
    targets: frozenset[str]
    places: frozenset[str]
    day: int | None  # proleptic ordinal of a day-precise date, else None
    weekday: int | None  # 0 = Monday, when only the weekday is known
    title: str | None  # folded release title
    fatalities: int | None
    claimed: bool = False


@dataclass(frozen=True)
class StoryFeatures:
    """A document's story signature: near-duplicate hash, lead terms, core event keys, day."""

    doc_id: str
    minhash: tuple[int, ...]
    terms: tuple[tuple[str, float], ...]  # L2-normalised tf-idf of title (x2) and lead, best first; then
    # the title's own normalised tf-idf, each term prefixed with TITLE_MARK
    events: tuple[EventKey, ...]
    day: int | None  # published day (ordinal), else the core events' day
    outlet: str = ""
    wires: tuple[str, ...] = ()
    is_followup: bool = False  # the title marks a new occurrence of something reported before

    def bands(self) -> list[str]:
        """LSH band hashes: documents sharing one are near-duplicate candidates."""
        r = len(self.minhash) // BANDS
        return [f"{i:02d}" + hashlib.blake2b(struct.pack(f"<{r}I", *self.minhash[i * r:(i + 1) * r]),
                                             digest_size=6).hexdigest() for i in range(BANDS)]

    def term_keys(self) -> list[str]:
        """The document's most distinctive lead terms (blocking keys for cross-outlet candidates)."""
        return [t for t, _ in self.terms if not t.startswith(TITLE_MARK)][:TOP_TERMS]

    def event_keys(self) -> list[str]:
        """Exact keys of core events (release producer+speaker, act type+place, threat speaker)."""
        keys: list[str] = []
        for e in self.events:
            if e.type == "media_release":
                keys += [f"rel|{s}" for s in e.speakers]
                if e.title:
                    keys.append(f"rel|t:{e.title}")
            elif e.type == "threat":
                keys += [f"thr|{s}" for s in e.speakers]
            elif e.type in _ACTS:
                keys += [f"act|{p}" for p in e.places]
                if e.type in ("arrest", "leadership_change", "execution"):
                    keys += [f"tgt|{t}" for t in e.targets if t.startswith(("rasid:person", "wd:"))]
        return sorted(set(keys))


# -- building features -------------------------------------------------------------------------------

def tokens(text: str) -> list[str]:
    """Folded words with the article and common proclitics removed (matching form, not display).

    >>> tokens("وبالتنظيم الإرهابي «داعش»")
    ['تنظيم', 'ارهابي', 'داعش']
    """
    out = []
    for w in _WORD.findall(fold(text)):
        for p in _PREFIXES:
            if w.startswith(p) and len(w) - len(p) >= 3:
                w = w[len(p):]
                break
        out.append(w)
    return out


def _h32(s: str) -> int:
    return int.from_bytes(hashlib.blake2b(s.encode("utf-8"), digest_size=4).digest(), "little")


_PERMS = tuple(((_h32(f"a{i}") | 1) % _PRIME, _h32(f"b{i}") % _PRIME) for i in range(NUM_PERM))


def minhash(words: list[str], k: int = SHINGLE) -> tuple[int, ...]:
    """A 64-value MinHash of the word k-shingles, stable across processes and runs.

    >>> a = minhash("a b c d e f g h".split()); a == minhash("a b c d e f g h".split())
    True
    >>> jaccard_estimate(a, minhash("a b c d e f g x".split())) > 0.5
    True
    """
    shingles = {" ".join(words[i:i + k]) for i in range(max(1, len(words) - k + 1))} if words else {""}
    try:
        import numpy as np
    except ImportError:  # numpy (the [stories] extra) only makes this faster; the values are the same
        hs = [_h32(s) for s in shingles]
        return tuple(min((((a * h + b) & _MASK64) >> 16) & _MASK for h in hs) for a, b in _PERMS)
    hv = np.fromiter((_h32(s) for s in shingles), dtype=np.uint64, count=len(shingles))
    a = np.array([p[0] for p in _PERMS], dtype=np.uint64)[:, None]
    b = np.array([p[1] for p in _PERMS], dtype=np.uint64)[:, None]
    # Universal hashing mod 2^64 (uint64 wrap-around), keeping 32 middle bits.
    return tuple(int(v) for v in (((a * hv[None, :] + b) >> np.uint64(16)) & np.uint64(_MASK)).min(axis=1))


def jaccard_estimate(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    """Share of equal MinHash values: an estimate of the shingle sets' Jaccard similarity."""
    return sum(x == y for x, y in zip(a, b)) / len(a) if a and b else 0.0


def _day(iso: str | None) -> int | None:
    if not iso or len(iso) < 10 or iso[0] == "-":
        return None
    try:
        return date.fromisoformat(iso[:10]).toordinal()
    except ValueError:
        return None


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def event_key(e: Event, countries: Mapping[str, str] | None = None) -> EventKey:
    """The comparable fields of one event; a place also stands for its country ("cc:LY"), so that
    "طرابلس" in one report and "ليبيا" in another still agree on where."""
    d = e.date
    stated = d is not None and not d.is_inferred  # a day borrowed from the lede must not veto a story
    day = _day(d.start) if d and stated and d.precision == "day" and d.start[:10] == d.end[:10] else None
    weekday = None
    if d and stated and day is None:
        low = d.start.lower()
        weekday = next((i for i, w in enumerate(_WEEKDAYS) if w in low), None)
    elif day is not None:
        weekday = date.fromordinal(day).weekday()
    fat = e.attributes.get("fatalities")
    title = e.attributes.get("title")
    return EventKey(e.type, e.subtype, frozenset(e.actors), frozenset(e.speakers), frozenset(e.targets),
                    frozenset(e.places) | {f"cc:{countries[p]}" for p in e.places if countries and p in countries},
                    day, weekday, " ".join(tokens(str(title))) if title else None,
                    int(fat) if isinstance(fat, (int, float)) and not isinstance(fat, bool) else None,
                    bool(e.attributes.get("claimed")))


def story_features(x: Extraction, rules: Mapping[str, Any]) -> StoryFeatures:
    """Compute a document's story signature; ``rules`` is ``Resources.rules['stories']``."""
    c = x.clean
    body = tokens(c.text)
    lead = tokens(c.title) * 2 + body[:LEAD_WORDS]
    title = tuple((TITLE_MARK + t, v) for t, v in weigh_terms(tokens(c.title), rules))
    terms = weigh_terms(lead, rules) + title
    countries = {e.id: e.country for e in x.entities if e.kind == "location" and e.country}
    events = tuple(event_key(e, countries) for e in x.events if e.core)
    day = _day(c.published)
    if day is None:
        days = sorted(k.day for k in events if k.day is not None)
        day = days[len(days) // 2] if days else None
    cues = set(rules.get("followup_cues", ()))
    followup = bool(cues & set(tokens(c.title))) and not any(k.type == "media_release" for k in events)
    return StoryFeatures(c.doc_id, minhash(tokens(c.title) + body), terms, events, day,
                         fold(c.outlet or ""), tuple(c.wires), followup)


def weigh_terms(words: Iterable[str], rules: Mapping[str, Any]) -> tuple[tuple[str, float], ...]:
    """tf-idf of ``words`` against the bundled document frequencies, L2-normalised, best first."""
    stop = set(rules.get("stopwords", ()))
    df: Mapping[str, int] = rules.get("df", {})
    n_docs = float(rules.get("df_docs", 1000))
    tf: dict[str, int] = {}
    for w in words:
        if len(w) >= 2 and w not in stop and not (w.isdigit() and len(w) == 4 and w.startswith(("19", "20"))):
            tf[w] = tf.get(w, 0) + 1
    weights = {w: (1 + math.log(n)) * math.log((n_docs + 1) / (df.get(w, 0) + 1)) for w, n in tf.items()}
    norm = math.sqrt(sum(v * v for v in weights.values())) or 1.0
    ranked = sorted(((w, v / norm) for w, v in weights.items() if v > 0), key=lambda t: (-t[1], t[0]))
    return tuple((w, round(v, 4)) for w, v in ranked[:MAX_TERMS])


def cosine(a: tuple[tuple[str, float], ...], b: tuple[tuple[str, float], ...], title: bool = False) -> float:
    """Cosine of two normalised term vectors: the lead's, or with ``title`` the headlines' alone.

    >>> a = (("x", 0.6), ("y", 0.8), ("^x", 1.0)); round(cosine(a, a), 2), cosine(a, (("x", 1.0),), title=True)
    (1.0, 0.0)
    """
    keep = (lambda t: t.startswith(TITLE_MARK)) if title else (lambda t: not t.startswith(TITLE_MARK))
    a = tuple(p for p in a if keep(p[0]))
    bd = {t: v for t, v in b if keep(t)}
    return sum(v * bd.get(t, 0.0) for t, v in a)


# -- the decision rule -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Link:
    """Why two documents are (or are not) one story."""

    score: float
    reason: str
    veto: bool = False


def _compatible(a: EventKey, b: EventKey) -> bool:
    if a.type == b.type:
        return True
    claim_pair = {a.type, b.type}
    if claim_pair == {"media_release", "attack"}:  # a claim of responsibility and the attack it claims
        rel, act = (a, b) if a.type == "media_release" else (b, a)
        return rel.subtype in ("statement", "video", "audio", "photo_report") and (act.claimed or bool(
            rel.actors & act.actors))
    acts = {"attack", "execution", "leadership_change", "military_operation"}
    return a.type in acts and b.type in acts


def _event_relation(a: EventKey, b: EventKey) -> tuple[int, bool]:
    """(agreement 0..3, conflict) of two core events.

    3: same release speaker or title, same threat speaker, same named target; 2: same place; 1: same
    type and subtype, or same type on the same stated day; 1: same type and subtype. Only a stated day that differs is a
    conflict: role fillers are often missing or partial, so disjoint ones are merely no agreement.
    """
    if not _compatible(a, b):
        return 0, False
    if a.day is not None and b.day is not None:
        if abs(a.day - b.day) > 1:
            return 0, a.type == b.type  # an attack and the leader's death announced later may differ
    elif a.weekday is not None and b.weekday is not None and a.weekday != b.weekday and a.type == b.type:
        return 0, True
    same_day = a.day is not None and a.day == b.day and a.type == b.type
    if a.type == b.type == "media_release":
        if (a.title and a.title == b.title) or (a.speakers & b.speakers and a.subtype == b.subtype):
            return 3, False
    elif a.type == b.type == "threat":
        if a.speakers & b.speakers:
            return 3, False
    elif a.targets & b.targets and a.type == b.type and a.type in ("arrest", "leadership_change", "execution") \
            and any(t.startswith("rasid:person") for t in a.targets & b.targets):
        return 3, False
    if a.places & b.places:
        return 2, False
    return (1 if a.type == b.type and (a.subtype == b.subtype or same_day) else 0), False


def link_score(a: StoryFeatures, b: StoryFeatures, window: int = 3) -> Link:
    """Decide whether two documents report the same news; score >= 1.0 means yes.

    Near-duplicates always link. Otherwise the published days must be within ``window`` days, no
    pair of comparable core events may conflict (different day, place, release title or speaker),
    and the lead texts must be similar: more similar the less the core events say.
    """
    jac = jaccard_estimate(a.minhash, b.minhash)
    sim = cosine(a.terms, b.terms)
    if jac >= 0.8 or (jac >= 0.5 and sim >= 0.3):  # shared site boilerplate alone can reach 0.5
        return Link(2.0, f"near-duplicate (shingle Jaccard ~{jac:.2f})")
    if a.day is not None and b.day is not None and abs(a.day - b.day) > window:
        return Link(0.0, "published too far apart", veto=True)
    agree = 0
    same_day_types = set()
    day_agree: set[str] = set()
    conflicts: set[str] = set()
    for ea in a.events:
        for eb in b.events:
            s, c = _event_relation(ea, eb)
            agree = max(agree, s)
            if c:
                conflicts.add(ea.type)
            if ea.type == eb.type and ea.day is not None and eb.day is not None and abs(ea.day - eb.day) <= 1:
                day_agree.add(ea.type)
            if s and ea.type == eb.type and ea.subtype == eb.subtype and ea.day is not None and ea.day == eb.day:
                same_day_types.add(ea.type)
    conflict = bool(conflicts - day_agree)  # a background strike of another day is no conflict if one agrees
    if conflict and sim < 0.6:
        return Link(0.0, f"core events conflict (text {sim:.2f})", veto=True)
    need = {3: 0.1, 2: 0.3, 1: 0.33, 0: 0.45}[agree]
    if len(same_day_types) >= 2:  # e.g. the attack and its claim video, each on the same day in both
        need = min(need, 0.2)
    if cosine(a.terms, b.terms, title=True) >= TITLE_AGREE:  # outlets paraphrase the lead, less the headline
        need /= TITLE_EASE
    if a.is_followup != b.is_followup and agree < 3:
        need = max(need, 0.55)  # "five more fighters", "a new attack": a later event of the same kind
    return Link(sim / need, f"text {sim:.2f}, event agreement {agree}")
