"""Stories: documents that report the same news share a story id (the one cross-document stage).

Two documents join one story when their core events agree on a key (same release: producer +
format + speaker/title; same attack: type + place; same threat: speaker + target), or when their
texts are near-duplicates (shared word shingles). Ids derive from the key, so they are stable
across runs for the same news.
"""
from __future__ import annotations

import hashlib
from dataclasses import replace

from rasid.model import Event, Extraction
from rasid.resources import Resources
from rasid.stages.normalize import fold


def event_keys(e: Event) -> set[str]:
    """Keys under which one core event can meet the same event reported elsewhere."""
    keys: set[str] = set()
    actors = sorted(e.actors)[:1] or ["?"]
    if e.type == "media_release":
        for s in e.speakers:
            keys.add(f"release|{actors[0]}|{e.subtype}|speaker:{s}")
        if e.attributes.get("title"):
            keys.add(f"release|{actors[0]}|title:{fold(str(e.attributes['title']))}")
    elif e.type == "threat":
        for s in e.speakers:
            keys.add(f"threat|{actors[0]}|speaker:{s}")
    elif e.type in ("attack", "execution", "military_operation", "territorial_change", "arrest", "leadership_change"):
        for p in e.places:
            keys.add(f"{e.type}|{e.subtype}|{actors[0]}|place:{p}")
        for t in e.targets:
            if e.type in ("arrest", "leadership_change", "execution"):
                keys.add(f"{e.type}|target:{t}")
    return keys


def _shingles(text: str, k: int = 5) -> set[int]:
    words = fold(text).split()
    return {hash(" ".join(words[i:i + k])) for i in range(max(0, len(words) - k + 1))}


def _jaccard(a: set[int], b: set[int]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def assign_stories(docs: list[Extraction], res: Resources, dup_threshold: float = 0.5) -> list[Extraction]:
    """Give every document a story id; documents sharing a core-event key or near-duplicate text share one."""
    parent = list(range(len(docs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)

    owner: dict[str, int] = {}
    doc_keys: list[set[str]] = []
    for i, x in enumerate(docs):
        keys: set[str] = set()
        for e in x.events:
            if e.core:
                keys |= event_keys(e)
        doc_keys.append(keys)
        for key in keys:
            if key in owner:
                union(i, owner[key])
            else:
                owner[key] = i
    shingles = [_shingles(x.clean.full_text) for x in docs]
    for i in range(len(docs)):
        for j in range(i + 1, len(docs)):
            if _jaccard(shingles[i], shingles[j]) >= dup_threshold:
                union(i, j)
    groups: dict[int, list[int]] = {}
    for i in range(len(docs)):
        groups.setdefault(find(i), []).append(i)
    out = list(docs)
    for members in groups.values():
        keys = sorted(set().union(*(doc_keys[i] for i in members)))
        basis = keys[0] if keys else min(docs[i].content_hash or docs[i].clean.doc_id for i in members)
        story_id = "story:" + hashlib.sha1(basis.encode("utf-8")).hexdigest()[:12]
        for i in members:
            out[i] = replace(docs[i], story_id=story_id)
    return out
