"""Stories: documents that report the same news share a story id (the one cross-document stage).

1. Every document gets a :class:`~rasid.stages.story_features.StoryFeatures` signature.
2. Candidates meet through blocking keys within a window of published days: LSH bands of the
   MinHash (near-duplicates: re-posts, wire copies), the document's most telling lead terms, and
   exact keys of its core events (release speaker or title, attack place, arrest target).
3. :func:`~rasid.stages.story_features.link_score` decides each candidate pair; pairs are merged
   best first, and a merge is refused when any two documents of the two groups conflict (core
   events on different days or places, different release titles or speakers).
4. Within a story, weekday and year-less dates are re-anchored on a day another outlet states.

Ids are stable: a story is named after its first report (earliest published, then content hash),
so the same input always gives the same ids, and the store keeps a story's id once it is saved
(``rasid.store.stories`` matches a new batch against the stored stories and keeps their records).
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from rasid.model import DateValue, Event, Extraction
from rasid.resources import Resources
from rasid.stages.dates import is_resolved, resolve_relative
from rasid.stages.story_features import StoryFeatures, jaccard_estimate, link_score, story_features
from rasid.stages.story_model import Claim, Story, StoryField

WINDOW_DAYS = 3
MAX_POSTING = 400  # candidates kept per blocking key and window: a very common term blocks nothing
NEAR_DUP = 0.5


def story_rules(res: Resources | Mapping[str, Any]) -> Mapping[str, Any]:
    """The story layer's rules (stopwords, document frequencies) from Resources or a rules dict."""
    rules = res.rules if isinstance(res, Resources) else res
    value = rules.get("stories", {})
    return value if isinstance(value, Mapping) else {}


def blocking_keys(f: StoryFeatures) -> list[str]:
    """Keys under which a document can meet another report of the same news."""
    return [f"b:{b}" for b in f.bands()] + [f"t:{t}" for t in f.term_keys()] + [f"e:{k}" for k in f.event_keys()]


def candidate_pairs(feats: Sequence[StoryFeatures], window: int = WINDOW_DAYS) -> Iterator[tuple[int, int]]:
    """Pairs of documents that share a blocking key and were published within ``window`` days."""
    order = sorted(range(len(feats)), key=lambda i: (feats[i].day is None, feats[i].day or 0, feats[i].doc_id))
    postings: dict[str, list[int]] = {}
    seen: set[tuple[int, int]] = set()
    for i in order:
        day = feats[i].day
        for key in blocking_keys(feats[i]):
            plist = postings.setdefault(key, [])
            if day is not None:
                plist[:] = [j for j in plist if feats[j].day is None or day - (feats[j].day or 0) <= window]
            for j in plist[-MAX_POSTING:]:
                pair = (min(i, j), max(i, j))
                if pair not in seen:
                    seen.add(pair)
                    yield pair
            plist.append(i)


def cluster_features(feats: Sequence[StoryFeatures], threshold: float = 1.0,
                     window: int = WINDOW_DAYS) -> list[list[int]]:
    """Group documents into stories: best links first, never joining groups that conflict."""
    links = []
    vetoes: set[tuple[int, int]] = set()
    for i, j in candidate_pairs(feats, window):
        lk = link_score(feats[i], feats[j], window)
        if lk.veto:
            vetoes.add((i, j))
        elif lk.score >= threshold:
            links.append((-lk.score, i, j))
    links.sort()
    members: dict[int, list[int]] = {i: [i] for i in range(len(feats))}
    root = list(range(len(feats)))
    for _, i, j in links:
        ri, rj = root[i], root[j]
        if ri == rj:
            continue
        a, b = members[ri], members[rj]
        if any((min(x, y), max(x, y)) in vetoes for x in a for y in b):
            continue
        if len(a) < len(b):
            ri, rj, a, b = rj, ri, b, a
        a.extend(b)
        for k in b:
            root[k] = ri
        del members[rj]
    return sorted((sorted(m) for m in members.values()), key=lambda m: m[0])


def story_id_for(first_key: str) -> str:
    """A story's id from its founding document's content hash (or doc id).

    >>> story_id_for("abc")
    'story:a9993e364706'
    """
    return "story:" + hashlib.sha1(first_key.encode("utf-8")).hexdigest()[:12]


def _founder(docs: Sequence[Extraction]) -> Extraction:
    return min(docs, key=lambda x: (x.clean.published or "9999", x.content_hash or x.clean.doc_id))


def assign_stories(docs: list[Extraction], res: Resources | Mapping[str, Any], threshold: float = 1.0,
                   known: Mapping[str, str] | None = None) -> list[Extraction]:
    """Give every document a story id, and date each story's weekdays from the days other outlets give.

    ``known`` maps content hashes to story ids already assigned (e.g. read from the store), so a
    re-run keeps them: a group that holds a known document takes that document's id.
    """
    rules = story_rules(res)
    feats = [story_features(x, rules) for x in docs]
    out = list(docs)
    for group in cluster_features(feats, threshold):
        members = [docs[i] for i in group]
        ids = sorted({known[x.content_hash] for x in members if known and x.content_hash in known})
        sid = ids[0] if ids else story_id_for(_founder(members).content_hash or _founder(members).clean.doc_id)
        for i, x in zip(group, resolve_story_dates(members)):
            out[i] = replace(x, story_id=sid)
    return out


# -- cross-document dates ------------------------------------------------------------------------

def resolve_story_dates(docs: Sequence[Extraction]) -> list[Extraction]:
    """Date one outlet's "الإثنين" from the day another outlet of the same story gives for that event.

    A weekday-only or year-less date of a core event takes the stated day of a same-type core event
    elsewhere in the story when the weekday (or month and day) agrees; otherwise it is left alone.
    """
    stated: dict[str, list[str]] = {}
    for x in docs:
        for e in x.events:
            if e.core and e.date and e.date.precision == "day" and is_resolved(e.date):
                stated.setdefault(e.type, []).append(e.date.start[:10])
    if not stated:
        return list(docs)
    out = []
    for x in docs:
        events = tuple(_redate(e, stated.get(e.type, ())) for e in x.events)
        out.append(replace(x, events=events) if events != x.events else x)
    return out


def _redate(e: Event, days: Sequence[str]) -> Event:
    d = e.date
    if not e.core or d is None or is_resolved(d) or not days:
        return e
    for iso in sorted(set(days)):
        new = resolve_relative(d, iso)
        if is_resolved(new) and new.start[:10] == iso:
            return replace(e, date=DateValue(iso, iso, "day", d.text, d.span))
    return e


# -- the story record ----------------------------------------------------------------------------

@dataclass
class _Acc:
    values: dict[str, tuple[Any, list[str]]] = field(default_factory=dict)

    def add(self, value: Any, doc_id: str) -> None:
        key = repr(value)
        if key not in self.values:
            self.values[key] = (value, [])
        if doc_id not in self.values[key][1]:
            self.values[key][1].append(doc_id)


def near_duplicate_groups(docs: Sequence[Extraction], res: Resources | Mapping[str, Any],
                          minhashes: Mapping[str, tuple[int, ...]] | None = None) -> list[list[str]]:
    """Doc ids of near-duplicate copies (re-posts, wire copies with small edits), one list per text.

    ``minhashes`` (doc id -> MinHash, e.g. read from the store) saves recomputing them from the text.
    """
    rules = story_rules(res)
    hashes = [minhashes[x.clean.doc_id] if minhashes and x.clean.doc_id in minhashes
              else story_features(x, rules).minhash for x in docs]
    labels = _near_duplicate_labels(hashes)
    groups: dict[int, list[str]] = {}
    for i, x in enumerate(docs):
        groups.setdefault(labels[i], []).append(x.clean.doc_id)
    return list(groups.values())


def _near_duplicate_labels(hashes: Sequence[tuple[int, ...]]) -> list[int]:
    """A group label per MinHash: the transitive closure of Jaccard estimate >= NEAR_DUP."""
    width = len(hashes[0]) if hashes else 0
    np: Any = None
    if len(hashes) >= 30 and all(len(h) == width for h in hashes):
        try:
            import numpy as np
        except ImportError:  # the [stories] extra only makes this faster
            np = None
    if np is None:
        root = list(range(len(hashes)))

        def find(i: int) -> int:
            while root[i] != i:
                i = root[i]
            return i

        for i in range(len(hashes)):
            for j in range(i):
                if jaccard_estimate(hashes[i], hashes[j]) >= NEAR_DUP:
                    root[find(i)] = find(j)
        return [find(i) for i in range(len(hashes))]
    m = np.array(hashes, dtype=np.int64)
    label = np.arange(len(hashes))
    for i in range(1, len(hashes)):
        hit = label[:i][(m[:i] == m[i]).sum(axis=1) >= NEAR_DUP * width]
        if hit.size:
            merged = np.unique(hit)
            label[np.isin(label, merged)] = merged[0]
            label[i] = merged[0]
    return [int(v) for v in label]


def build_story(story_id: str, docs: Sequence[Extraction], res: Resources | Mapping[str, Any],
                minhashes: Mapping[str, tuple[int, ...]] | None = None) -> Story:
    """Merge the core events of one story's documents, keeping which source said what."""
    docs = sorted(docs, key=lambda x: (x.clean.published or "9999", x.clean.doc_id))
    core = [(x.clean.doc_id, e) for x in docs for e in x.events if e.core]
    types: dict[tuple[str, str | None], int] = {}
    for _, e in core:
        if e.type != "media_release" or not any(k[0] != "media_release" for k in types):
            types[(e.type, e.subtype)] = types.get((e.type, e.subtype), 0) + 1
    acts = {k: v for k, v in types.items() if k[0] != "media_release"}
    main = max(acts or types, key=lambda k: (acts or types)[k]) if types else (None, None)
    accs: dict[str, _Acc] = {}
    claims: list[str] = []
    for doc_id, e in core:
        if e.type == "media_release" and main[0] == "attack":
            claims.append(doc_id)
            continue
        if e.type != main[0]:
            continue
        for name in ("actors", "targets", "speakers", "places"):
            for v in getattr(e, name):
                accs.setdefault(name, _Acc()).add(v, doc_id)
        if e.subtype:
            accs.setdefault("subtype", _Acc()).add(e.subtype, doc_id)
        if e.date and e.date.precision == "day" and is_resolved(e.date):
            accs.setdefault("date", _Acc()).add(e.date.start[:10], doc_id)
        for k in ("fatalities", "injured", "title", "format", "claimed", "platform"):
            if e.attributes.get(k) is not None:
                accs.setdefault(k, _Acc()).add(e.attributes[k], doc_id)
    fields: list[StoryField] = []
    for name, acc in accs.items():
        cl = tuple(Claim(v, tuple(s)) for v, s in acc.values.values())
        if name in ("actors", "targets", "speakers", "places"):  # role fillers add up; they do not conflict
            fields.extend(StoryField(f"{name}:{c.value}", (c,)) for c in cl)
        else:
            fields.append(StoryField(name, cl))
    dups = near_duplicate_groups(docs, res, minhashes)
    independent = _independent_count(docs, dups)
    published = sorted(p for p in (x.clean.published for x in docs) if p)
    return Story(story_id, tuple(x.clean.doc_id for x in docs), main[0], main[1], tuple(fields),
                 published[0] if published else None, published[-1] if published else None, len(docs),
                 independent, tuple(tuple(g) for g in dups if len(g) > 1), tuple(dict.fromkeys(claims)))


def _independent_count(docs: Sequence[Extraction], dups: Iterable[list[str]]) -> int:
    """Independent reports: a near-duplicate group counts once, and so do copies of one wire's story."""
    by_id = {x.clean.doc_id: x for x in docs}
    sources: set[str] = set()
    for group in dups:
        xs = [by_id[d] for d in group]
        wires = sorted({w for x in xs for w in x.clean.wires})
        outlets = sorted({x.clean.outlet or x.clean.doc_id for x in xs})
        sources.add(f"wire:{wires[0]}" if wires else f"outlet:{outlets[0]}")
    return len(sources)


def cluster_stories(docs: Sequence[Extraction], res: Resources | Mapping[str, Any]) -> list[Story]:
    """The stories of a batch (documents must carry story ids, e.g. from :func:`assign_stories`)."""
    groups: dict[str, list[Extraction]] = {}
    for x in docs:
        groups.setdefault(x.story_id, []).append(x)
    return [build_story(sid, xs, res) for sid, xs in sorted(groups.items())]


def day_iso(ordinal: int | None) -> str | None:
    """ISO date of a day ordinal (as held in StoryFeatures.day)."""
    return date.fromordinal(ordinal).isoformat() if ordinal else None


def stream_stories(feats: Iterable[StoryFeatures], threshold: float = 1.0,
                   window: int = WINDOW_DAYS) -> Iterator[tuple[str, str]]:
    """(doc id, story id) for a stream of signatures in published-day order, in bounded memory.

    Each document joins the best-linked story among the documents of the last ``window`` days (no
    conflicting member), or founds a new one: the incremental rule of ``store/stories.py``, kept in
    memory. Documents older than the window are forgotten, so memory follows the daily volume, not
    the length of the stream.
    """
    postings: dict[str, list[int]] = {}
    live: dict[int, tuple[StoryFeatures, str]] = {}
    seq = 0
    newest = None
    for f in feats:
        if f.day is not None and (newest is None or f.day > newest):
            newest = f.day
            old = [k for k, (g, _) in live.items() if g.day is not None and newest - g.day > window]
            if old:
                for k in old:
                    del live[k]
                for key in list(postings):
                    kept = [k for k in postings[key] if k in live]
                    if kept:
                        postings[key] = kept
                    else:
                        del postings[key]
        keys = blocking_keys(f)
        seen: set[int] = set()
        scored: list[tuple[float, str]] = []
        vetoed: set[str] = set()
        for key in keys:
            for k in postings.get(key, ())[-MAX_POSTING:]:
                if k in seen or k not in live:
                    continue
                seen.add(k)
                g, sid = live[k]
                lk = link_score(f, g, window)
                if lk.veto:
                    vetoed.add(sid)
                elif lk.score >= threshold:
                    scored.append((lk.score, sid))
        sid = next((s for _, s in sorted(scored, reverse=True) if s not in vetoed), story_id_for(f.doc_id))
        live[seq] = (f, sid)
        for key in keys:
            postings.setdefault(key, []).append(seq)
        seq += 1
        yield f.doc_id, sid
