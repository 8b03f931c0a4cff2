"""Incremental stories in the SQLite store: one new article joins a stored story, or starts one.

Additive to ``store/sqlite.py``: two tables created on first use (``CREATE TABLE IF NOT EXISTS``,
so no schema version is taken from the store's migrations; they can become migration 2 later):

- ``story_docs``: one row per document with its story id, day and story signature (JSON);
- ``story_index``: blocking keys (LSH band hashes, lead terms, core-event keys) per document and
  day, indexed on ``(key, day)``, so candidates are found with one indexed query per key.

The decision rule is the stage's own :func:`rasid.stages.story_features.link_score`, so the
incremental path and the batch stage agree. Usage::

    with SQLiteStore("rasid.db") as store:
        sid = assign_story(store.connection, extraction, res.rules["stories"])
"""
from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Mapping
from typing import Any

from rasid.model import Extraction
from rasid.stages.stories import WINDOW_DAYS, blocking_keys, story_id_for
from rasid.stages.story_features import EventKey, StoryFeatures, link_score, story_features

DDL = (
    """CREATE TABLE IF NOT EXISTS story_docs (
    id INTEGER PRIMARY KEY,
    doc_key TEXT NOT NULL UNIQUE,
    story_id TEXT NOT NULL,
    day INTEGER,
    features TEXT NOT NULL
)""",
    "CREATE INDEX IF NOT EXISTS story_docs_story ON story_docs (story_id)",
    """CREATE TABLE IF NOT EXISTS story_index (
    key TEXT NOT NULL,
    day INTEGER NOT NULL,
    doc INTEGER NOT NULL
)""",
    "CREATE INDEX IF NOT EXISTS story_index_key_day ON story_index (key, day)",
)
MAX_CANDIDATES = 50
NO_DAY = -1


def ensure_story_tables(conn: sqlite3.Connection) -> None:
    """Create the story tables if missing (idempotent)."""
    for statement in DDL:
        conn.execute(statement)


def features_to_json(f: StoryFeatures) -> str:
    """Serialise a signature for ``story_docs.features``."""
    return json.dumps({"doc_id": f.doc_id, "minhash": list(f.minhash), "terms": [list(t) for t in f.terms],
                       "events": [_event_json(e) for e in f.events], "day": f.day, "outlet": f.outlet,
                       "wires": list(f.wires), "followup": f.is_followup}, ensure_ascii=False, separators=(",", ":"))


def features_from_json(text: str) -> StoryFeatures:
    """Read back a signature written by :func:`features_to_json`."""
    d = json.loads(text)
    events = tuple(EventKey(e["type"], e["subtype"], frozenset(e["actors"]), frozenset(e["speakers"]),
                            frozenset(e["targets"]), frozenset(e["places"]), e["day"], e["weekday"], e["title"],
                            e["fatalities"], e["claimed"]) for e in d["events"])
    return StoryFeatures(d["doc_id"], tuple(d["minhash"]), tuple((t, w) for t, w in d["terms"]), events, d["day"],
                         d["outlet"], tuple(d["wires"]), d["followup"])


def _event_json(e: EventKey) -> dict[str, Any]:
    return {"type": e.type, "subtype": e.subtype, "actors": sorted(e.actors), "speakers": sorted(e.speakers),
            "targets": sorted(e.targets), "places": sorted(e.places), "day": e.day, "weekday": e.weekday,
            "title": e.title, "fatalities": e.fatalities, "claimed": e.claimed}


def find_story(conn: sqlite3.Connection, f: StoryFeatures, threshold: float = 1.0,
               window: int = WINDOW_DAYS) -> tuple[str | None, float]:
    """The stored story this signature belongs to (best link), or None; with the link score."""
    keys = blocking_keys(f)
    hits: Counter[int] = Counter()
    for key in keys:
        if f.day is None:
            rows = conn.execute("SELECT doc FROM story_index WHERE key = ? LIMIT 400", (key,))
        else:
            rows = conn.execute("SELECT doc FROM story_index WHERE key = ? AND (day BETWEEN ? AND ? OR day = ?)"
                                " LIMIT 400", (key, f.day - window, f.day + window, NO_DAY))
        hits.update(doc for (doc,) in rows)
    best: tuple[float, str | None] = (0.0, None)
    vetoed: set[str] = set()
    scored: list[tuple[float, str]] = []
    for doc, _ in hits.most_common(MAX_CANDIDATES):
        row = conn.execute("SELECT story_id, features FROM story_docs WHERE id = ?", (doc,)).fetchone()
        if row is None:
            continue
        lk = link_score(f, features_from_json(row[1]), window)
        if lk.veto:
            vetoed.add(row[0])
        elif lk.score >= threshold:
            scored.append((lk.score, row[0]))
    for score, sid in sorted(scored, reverse=True):
        if sid not in vetoed:
            best = (score, sid)
            break
    return best[1], best[0]


def add_story_doc(conn: sqlite3.Connection, doc_key: str, story_id: str, f: StoryFeatures) -> None:
    """Record a document's story membership and its blocking keys (no-op if already stored)."""
    cur = conn.execute("INSERT INTO story_docs (doc_key, story_id, day, features) VALUES (?, ?, ?, ?)"
                       " ON CONFLICT (doc_key) DO NOTHING RETURNING id", (doc_key, story_id, f.day, features_to_json(f)))
    row = cur.fetchone()
    cur.close()
    if row is None:
        return
    day = f.day if f.day is not None else NO_DAY
    conn.executemany("INSERT INTO story_index (key, day, doc) VALUES (?, ?, ?)",
                     [(k, day, int(row[0])) for k in dict.fromkeys(blocking_keys(f))])


def assign_story(conn: sqlite3.Connection, x: Extraction, rules: Mapping[str, Any], threshold: float = 1.0) -> str:
    """Story id of a new article: an existing story's when one matches, else a new one; stores membership.

    Idempotent: an article already stored (same content hash) gets its stored story id back.
    """
    ensure_story_tables(conn)
    doc_key = x.content_hash or x.clean.doc_id
    row = conn.execute("SELECT story_id FROM story_docs WHERE doc_key = ?", (doc_key,)).fetchone()
    if row is not None:
        return str(row[0])
    f = story_features(x, rules)
    sid, _ = find_story(conn, f, threshold)
    sid = sid or story_id_for(doc_key)
    add_story_doc(conn, doc_key, sid, f)
    return sid


def story_members(conn: sqlite3.Connection, story_id: str) -> list[str]:
    """Document keys (content hashes) of one stored story."""
    return [str(k) for (k,) in conn.execute("SELECT doc_key FROM story_docs WHERE story_id = ? ORDER BY id",
                                            (story_id,))]
