"""Incremental stories in the store: a new article joins a stored story, or starts one.

Tables (migration 3, SQLite and PostgreSQL):

- ``story_docs``: one row per document (``doc_key`` = content hash) with its story id, day and
  story signature (JSON of :class:`~rasid.stages.story_features.StoryFeatures`);
- ``story_index``: blocking keys (LSH band hashes, lead terms, core-event keys) per document and
  day, indexed on ``(key, day)``, so candidates are found with one indexed query per key;
- ``stories``: per story, first/last report and document count (as before), plus ``record`` (JSON
  of :class:`~rasid.stages.story_model.Story`: merged fields with the documents and outlets behind
  each value, conflicts, independent reports), ``event_type``, ``n_independent``, ``n_conflicts``.

A batch is first clustered within itself (``stages/stories.assign_stories``), then
:meth:`StoryBatch.resolve` matches each batch story against the stored ones within the date window:
a group holding an already stored document keeps that document's id (re-ingest changes nothing), a
group that links to a stored story takes its id, any other keeps its batch id (named after its first
report). After the documents are written, :meth:`StoryBatch.add` stores signatures and blocking keys
and :meth:`StoryBatch.flush` recomputes the touched stories' records. Stored ids never change:
a new article that would bridge two stored stories joins the better linked one.

The decision rule is the stage's own :func:`rasid.stages.story_features.link_score`, so the
incremental path and the batch stage agree. The functions take a ``sqlite3.Connection`` (the
``SQLiteStore`` behind ``rasid ingest``) or a SQLAlchemy ``Connection`` (``store/sql.Database``,
SQLite or PostgreSQL): the SQL is portable and uses ``:name`` parameters, which both accept.

One article at a time (e.g. after ``POST /api/documents`` stored it)::

    is_new, doc = db.save(x)
    story_id = assign_and_record(db, x, res)
"""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from rasid.model import CleanDoc, DateValue, Event, Extraction
from rasid.resources import Resources
from rasid.stages.stories import WINDOW_DAYS, blocking_keys, build_story, story_id_for, story_rules
from rasid.stages.story_features import EventKey, StoryFeatures, link_score, story_features
from rasid.stages.story_model import Story

MAX_CANDIDATES = 50  # stored documents scored per new one (those sharing the most blocking keys)
MAX_POSTING = 400  # rows read per blocking key: a very common key blocks nothing more
MAX_RECORD_DOCS = 1000  # documents merged into a story record (the earliest stored)
NO_DAY = -1
_CHUNK = 500  # parameters per IN (...) list

Rules = Mapping[str, Any]


# -- portable SQL over sqlite3 or SQLAlchemy ------------------------------------------------------

def _rows(conn: Any, sql: str, params: Mapping[str, Any] | None = None) -> list[tuple[Any, ...]]:
    if isinstance(conn, sqlite3.Connection):
        return conn.execute(sql, params or {}).fetchall()
    import sqlalchemy as sa

    return [tuple(r) for r in conn.execute(sa.text(sql), dict(params or {}))]


def _run(conn: Any, sql: str, params: Mapping[str, Any] | Sequence[Mapping[str, Any]]) -> None:
    if isinstance(conn, sqlite3.Connection):
        if isinstance(params, Mapping):
            conn.execute(sql, params)
        elif params:
            conn.executemany(sql, params)
        return
    import sqlalchemy as sa

    if isinstance(params, Mapping) or params:
        conn.execute(sa.text(sql), params if isinstance(params, Mapping) else list(params))


def _in(prefix: str, values: Sequence[Any]) -> tuple[str, dict[str, Any]]:
    names = {f"{prefix}{i}": v for i, v in enumerate(values)}
    return "(" + ", ".join(":" + n for n in names) + ")", names


def _chunks(values: Sequence[Any], n: int = _CHUNK) -> Iterable[Sequence[Any]]:
    for i in range(0, len(values), n):
        yield values[i:i + n]


# -- signatures as JSON ---------------------------------------------------------------------------

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


# -- matching against the stored stories ----------------------------------------------------------

def candidate_stories(conn: Any, f: StoryFeatures, threshold: float = 1.0,
                      window: int = WINDOW_DAYS) -> tuple[dict[str, float], set[str]]:
    """Stored stories this signature links to ({story id: best score}) and those it conflicts with."""
    hits: dict[int, int] = {}
    for key in dict.fromkeys(blocking_keys(f)):
        if f.day is None:
            rows = _rows(conn, f"SELECT doc FROM story_index WHERE key = :k LIMIT {MAX_POSTING}", {"k": key})
        else:
            rows = _rows(conn, "SELECT doc FROM story_index WHERE key = :k AND (day BETWEEN :lo AND :hi OR day = :no)"
                         f" LIMIT {MAX_POSTING}", {"k": key, "lo": f.day - window, "hi": f.day + window, "no": NO_DAY})
        for (doc,) in rows:
            hits[int(doc)] = hits.get(int(doc), 0) + 1
    best = sorted(hits, key=lambda d: (-hits[d], d))[:MAX_CANDIDATES]
    scores: dict[str, float] = {}
    vetoed: set[str] = set()
    if not best:
        return scores, vetoed
    clause, params = _in("d", best)
    for sid, text in _rows(conn, f"SELECT story_id, features FROM story_docs WHERE id IN {clause}", params):
        lk = link_score(f, features_from_json(text), window)
        if lk.veto:
            vetoed.add(str(sid))
        elif lk.score >= threshold:
            scores[str(sid)] = max(scores.get(str(sid), 0.0), lk.score)
    return scores, vetoed


def find_story(conn: Any, f: StoryFeatures, threshold: float = 1.0,
               window: int = WINDOW_DAYS) -> tuple[str | None, float]:
    """The stored story this signature belongs to (best link, no conflicting member), or None; with the score."""
    scores, vetoed = candidate_stories(conn, f, threshold, window)
    ok = sorted(((s, sid) for sid, s in scores.items() if sid not in vetoed), key=lambda t: (-t[0], t[1]))
    return (ok[0][1], ok[0][0]) if ok else (None, 0.0)


def stored_story_ids(conn: Any, keys: Sequence[str]) -> dict[str, tuple[str, bool]]:
    """{content hash: (story id, has a signature row)} for documents already stored."""
    out: dict[str, tuple[str, bool]] = {}
    keys = list(dict.fromkeys(k for k in keys if k))
    for part in _chunks(keys):
        clause, params = _in("k", part)
        for k, sid in _rows(conn, f"SELECT content_hash, story_id FROM documents WHERE content_hash IN {clause}"
                                  " AND story_id IS NOT NULL", params):
            out[str(k)] = (str(sid), False)
        for k, sid in _rows(conn, f"SELECT doc_key, story_id FROM story_docs WHERE doc_key IN {clause}", params):
            out[str(k)] = (str(sid), True)  # the signature table is the reference once written
    return out


def add_story_doc(conn: Any, doc_key: str, story_id: str, f: StoryFeatures) -> bool:
    """Record a document's story membership and blocking keys; False if it was already stored."""
    if _rows(conn, "SELECT 1 FROM story_docs WHERE doc_key = :k", {"k": doc_key}):
        return False
    rows = _rows(conn, "INSERT INTO story_docs (doc_key, story_id, day, features) VALUES (:k, :s, :d, :f)"
                       " ON CONFLICT (doc_key) DO NOTHING RETURNING id",
                 {"k": doc_key, "s": story_id, "d": f.day, "f": features_to_json(f)})
    if not rows:
        return False
    day = f.day if f.day is not None else NO_DAY
    _run(conn, "INSERT INTO story_index (key, day, doc) VALUES (:k, :d, :doc)",
         [{"k": k, "d": day, "doc": int(rows[0][0])} for k in dict.fromkeys(blocking_keys(f))])
    return True


def _key(x: Extraction) -> str:
    return x.content_hash or x.clean.doc_id


class StoryBatch:
    """Story ids for one batch written to the store: resolve before writing, add each, flush per commit.

    Documents without a story id (the story stage did not run on them) are stored as given, unless
    ``assign_all``: then each is matched on its own.
    """

    def __init__(self, rules: Rules, threshold: float = 1.0, window: int = WINDOW_DAYS,
                 assign_all: bool = False) -> None:
        self.rules = rules
        self.assign_all = assign_all
        self.threshold = threshold
        self.window = window
        self.features: dict[str, StoryFeatures | None] = {}
        self.recorded: set[str] = set()  # keys whose signature row exists
        self.touched: set[str] = set()

    def _features(self, x: Extraction) -> StoryFeatures | None:
        k = _key(x)
        if k not in self.features:
            try:
                self.features[k] = story_features(x, self.rules)
            except (TypeError, ValueError, AttributeError):  # a malformed record: the store rejects it later
                self.features[k] = None
        return self.features[k]

    def resolve(self, conn: Any, results: Sequence[Extraction]) -> list[Extraction]:
        """The batch with stored story ids: kept for stored documents, joined for linked stories."""
        stored = stored_story_ids(conn, [_key(x) for x in results])
        self.recorded |= {k for k, (_, has_row) in stored.items() if has_row}
        groups: dict[str, list[int]] = {}
        for i, x in enumerate(results):
            if x.story_id or self.assign_all:  # without an id the caller opted out of stories, unless assign_all
                groups.setdefault(x.story_id or f"doc:{_key(x)}", []).append(i)
        out = list(results)
        for batch_id, members in groups.items():
            known = sorted({stored[_key(results[i])][0] for i in members if _key(results[i]) in stored})
            if known:
                sid = known[0]
            else:
                sid = self._match(conn, [results[i] for i in members]) or (
                    batch_id if not batch_id.startswith("doc:") else story_id_for(batch_id[4:]))
            for i in members:
                if results[i].story_id != sid:
                    out[i] = replace(results[i], story_id=sid)
        return out

    def _match(self, conn: Any, members: Sequence[Extraction]) -> str | None:
        scores: dict[str, float] = {}
        vetoed: set[str] = set()
        for x in members:
            f = self._features(x)
            if f is None:
                continue
            s, v = candidate_stories(conn, f, self.threshold, self.window)
            vetoed |= v
            for sid, score in s.items():
                scores[sid] = max(scores.get(sid, 0.0), score)
        ok = sorted(((s, sid) for sid, s in scores.items() if sid not in vetoed), key=lambda t: (-t[0], t[1]))
        return ok[0][1] if ok else None

    def add(self, conn: Any, x: Extraction) -> None:
        """After ``x`` is stored: its signature and keys (once), and its documents row's story id."""
        k = _key(x)
        f = self._features(x) if x.story_id and k not in self.recorded else None
        if f is not None:
            add_story_doc(conn, k, x.story_id, f)
            self.recorded.add(k)
            _run(conn, "UPDATE documents SET story_id = :s WHERE content_hash = :k"
                       " AND (story_id IS NULL OR story_id <> :s)", {"s": x.story_id, "k": k})
            self.touched.add(x.story_id)

    def flush(self, conn: Any) -> None:
        """Recompute the records of the stories touched since the last flush."""
        refresh_stories(conn, sorted(self.touched), self.rules)
        self.touched.clear()


def assign_and_record(db_or_conn: Any, x: Extraction, res: Resources | Rules) -> str:
    """Story id of one stored article: an existing story's when one matches, else a new one.

    Call it after the document is saved (``Database.save``/``SQLiteStore.save``): it records the
    signature, sets ``documents.story_id`` and recomputes the story record. Idempotent. Takes a
    ``Database``, a ``SQLiteStore``, or an open connection of either kind (inside a transaction).
    """
    rules = story_rules(res)
    if hasattr(db_or_conn, "write") and hasattr(db_or_conn, "engine"):  # store/sql.Database
        with db_or_conn.write() as conn:
            return _assign_one(conn, x, rules)
    if hasattr(db_or_conn, "connection") and isinstance(db_or_conn.connection, sqlite3.Connection):
        conn = db_or_conn.connection
        conn.execute("BEGIN IMMEDIATE")
        try:
            sid = _assign_one(conn, x, rules)
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
        return sid
    return _assign_one(db_or_conn, x, rules)


def _assign_one(conn: Any, x: Extraction, rules: Rules) -> str:
    batch = StoryBatch(rules, assign_all=True)
    (y,) = batch.resolve(conn, [replace(x, story_id="")])
    batch.add(conn, y)
    if not batch.touched:  # already stored: make sure the record exists
        batch.touched.add(y.story_id)
    batch.flush(conn)
    return y.story_id


def assign_story(conn: Any, x: Extraction, rules: Rules, threshold: float = 1.0) -> str:
    """Story id of a new article from its signature alone (no documents row needed); stores membership.

    Idempotent: an article already stored (same content hash) gets its stored story id back.
    """
    doc_key = _key(x)
    row = _rows(conn, "SELECT story_id FROM story_docs WHERE doc_key = :k", {"k": doc_key})
    if row:
        return str(row[0][0])
    f = story_features(x, rules)
    sid, _ = find_story(conn, f, threshold)
    sid = sid or story_id_for(doc_key)
    add_story_doc(conn, doc_key, sid, f)
    return sid


def story_members(conn: Any, story_id: str) -> list[str]:
    """Document keys (content hashes) of one stored story."""
    return [str(k) for (k,) in _rows(conn, "SELECT doc_key FROM story_docs WHERE story_id = :s ORDER BY id",
                                     {"s": story_id})]


# -- the story record -----------------------------------------------------------------------------

def refresh_stories(conn: Any, story_ids: Iterable[str], rules: Rules) -> None:
    """Recompute the ``stories`` rows (dates, counts, record) of these stories from the stored documents."""
    for sid in story_ids:
        story, docs = read_story(conn, sid, rules)
        if story is None:
            continue
        first, last, n_docs = _rows(conn, "SELECT MIN(COALESCE(published, ingested_at)),"
                                          " MAX(COALESCE(published, ingested_at)), COUNT(*) FROM documents"
                                          " WHERE story_id = :s", {"s": sid})[0]
        n_docs = int(n_docs)
        record = story_to_dict(story, docs, n_docs)
        _run(conn, "INSERT INTO stories (story_id, first_seen, last_seen, n_docs, record, event_type, n_independent,"
                   " n_conflicts) VALUES (:s, :first, :last, :n, :rec, :type, :ind, :conf)"
                   " ON CONFLICT (story_id) DO UPDATE SET first_seen = excluded.first_seen,"
                   " last_seen = excluded.last_seen, n_docs = excluded.n_docs, record = excluded.record,"
                   " event_type = excluded.event_type, n_independent = excluded.n_independent,"
                   " n_conflicts = excluded.n_conflicts",
             {"s": sid, "first": first, "last": last, "n": n_docs,
              "rec": json.dumps(record, ensure_ascii=False, sort_keys=True, default=str), "type": story.type,
              "ind": story.n_independent, "conf": len(story.conflicts)})


def read_story(conn: Any, story_id: str, rules: Rules) -> tuple[Story | None, list[dict[str, Any]]]:
    """The Story record of a stored story, rebuilt from its documents' core events; with the documents."""
    rows = _rows(conn, "SELECT id, doc_id, content_hash, outlet, wires, published, url, ingested_at FROM documents"
                       f" WHERE story_id = :s ORDER BY id LIMIT {MAX_RECORD_DOCS}", {"s": story_id})
    if not rows:
        return None, []
    docs = [{"doc": int(r[0]), "doc_id": str(r[1]), "content_hash": r[2], "outlet": r[3],
             "wires": json.loads(r[4] or "[]"), "published": r[5], "url": r[6], "ingested_at": r[7]} for r in rows]
    seen: dict[str, int] = {}
    for d in docs:  # doc ids are the claims' sources: make them unique within the story
        seen[d["doc_id"]] = seen.get(d["doc_id"], 0) + 1
    for d in docs:
        d["ref"] = d["doc_id"] if seen[d["doc_id"]] == 1 else f"{d['doc_id']}#{d['doc']}"
    by_doc = {d["doc"]: d for d in docs}
    clause, params = _in("d", list(by_doc))
    events: dict[int, list[Any]] = {}
    roles: dict[int, dict[str, list[str]]] = {}
    for r in _rows(conn, "SELECT id, doc, type, subtype, date_start, date_end, date_precision, date_text, attributes"
                         f" FROM events WHERE core = :t AND doc IN {clause} ORDER BY doc, seq", {"t": True, **params}):
        events.setdefault(int(r[1]), []).append(r)
    ev_ids = [int(r[0]) for rs in events.values() for r in rs]
    for part in _chunks(ev_ids):
        c2, p2 = _in("e", part)
        for eid, role, entity in _rows(conn, "SELECT event_id, role, entity_id FROM event_roles WHERE event_id IN"
                                             f" {c2} ORDER BY event_id, role, position", p2):
            roles.setdefault(int(eid), {}).setdefault(str(role), []).append(str(entity))
    minhashes: dict[str, tuple[int, ...]] = {}
    keys = [d["content_hash"] for d in docs]
    by_key = {d["content_hash"]: d for d in docs}
    for part in _chunks(keys):
        c3, p3 = _in("k", part)
        for k, text in _rows(conn, f"SELECT doc_key, features FROM story_docs WHERE doc_key IN {c3}", p3):
            minhashes[by_key[k]["ref"]] = tuple(json.loads(text)["minhash"])
    xs = []
    for d in docs:
        evs = tuple(_event(r, roles.get(int(r[0]), {})) for r in events.get(d["doc"], []))
        xs.append(Extraction(CleanDoc(d["ref"], "", "", outlet=d["outlet"], wires=tuple(d["wires"]),
                                      published=d["published"], url=d["url"]), (), evs,
                             story_id=story_id, content_hash=d["content_hash"]))
    missing = [d for d in docs if d["ref"] not in minhashes]
    if missing:  # stored before migration 3 (no signature row): hash the text
        for d in missing:
            title, text = _rows(conn, "SELECT title, text FROM documents WHERE id = :i", {"i": d["doc"]})[0]
            x = Extraction(CleanDoc(d["ref"], title, text), (), ())
            minhashes[d["ref"]] = story_features(x, rules).minhash
    return build_story(story_id, xs, rules, minhashes), docs


def _event(r: Any, roles: Mapping[str, list[str]]) -> Event:
    _, _, type_, subtype, ds, de, dp, dt, attrs = r
    date = DateValue(ds, de or ds, dp or "day", dt or "") if ds else None
    return Event(type_, subtype, True, actors=tuple(roles.get("actor", ())), targets=tuple(roles.get("target", ())),
                 speakers=tuple(roles.get("speaker", ())), places=tuple(roles.get("place", ())), date=date,
                 attributes=json.loads(attrs or "{}"))


def story_to_dict(story: Story, docs: Sequence[Mapping[str, Any]] = (), n_docs: int | None = None) -> dict[str, Any]:
    """The JSON form of a story record (``stories.record``): every value with the documents and outlets behind it."""
    outlet = {d["ref"]: d.get("outlet") for d in docs}
    fields = []
    for f in story.fields:
        fields.append({
            "name": f.name, "value": f.value, "conflict": f.has_conflict,
            "range": list(f.range) if f.has_conflict and f.range else None,
            "claims": [{"value": c.value, "sources": list(c.sources),
                        "outlets": sorted({o for o in (outlet.get(s) for s in c.sources) if o})}
                       for c in f.claims]})
    return {
        "story_id": story.story_id, "type": story.type, "subtype": story.subtype,
        "first_reported": story.first_reported, "last_reported": story.last_reported,
        "n_documents": n_docs if n_docs is not None else story.n_documents,
        "n_independent": story.n_independent,
        "fields": fields, "conflicts": [f.name for f in story.conflicts],
        "duplicate_groups": [list(g) for g in story.duplicate_groups],
        "linked_claims": list(story.linked_claims),
        "documents": [{"ref": d["ref"], "doc": d["doc"], "doc_id": d["doc_id"], "outlet": d.get("outlet"),
                       "wires": d.get("wires", []), "published": d.get("published"), "url": d.get("url")}
                      for d in docs],
        "truncated": n_docs is not None and n_docs > len(docs),
    }


def default_rules() -> Rules:
    """The bundled story rules (document frequencies, stopwords), read once per process."""
    from rasid.api import load_resources

    return story_rules(load_resources())
