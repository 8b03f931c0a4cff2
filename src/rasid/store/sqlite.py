"""SQLite store behind ``rasid ingest`` and ``rasid demo``: documents, entities, events, runs, rejects.

A document is identified by its ``content_hash``: storing the same content twice adds nothing and
changes nothing. Each document is written inside its own SAVEPOINT (all its rows or none), and a
batch commits every ``chunk_size`` documents, so an interrupted ingest leaves a consistent database
and running it again stores only what is missing. Every call to ``save_batch`` is logged as one
``ingest_runs`` row; a run whose ``finished_at`` is NULL was interrupted.

Usage::

    with SQLiteStore("rasid.db") as store:
        added = store.save_batch(results, rejects, command="ingest news/")
"""
from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from rasid.errors import RasidError
from rasid.model import Entity, Event, Extraction, Reject
from rasid.stages.normalize import fold
from rasid.store.migrations import SCHEMA_MIGRATIONS_DDL, latest_version, pending
from rasid.store.textindex import index_text, parse_query

Clock = Callable[[], datetime]

ROLES = (("actor", "actors"), ("target", "targets"), ("speaker", "speakers"), ("place", "places"))

# Errors that concern one document's data (bad value, broken reference): that document becomes a
# reject row with stage "store" and the batch goes on. Anything else (disk full, database locked,
# KeyboardInterrupt) stops the batch; the documents already written stay, complete and committed.
_DATA_ERRORS = (sqlite3.IntegrityError, sqlite3.InterfaceError, sqlite3.DataError, TypeError, ValueError,
                OverflowError)


class StoreError(RasidError):
    """The database cannot be opened or used (not a database, newer schema, locked)."""


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _iso(dt: datetime) -> str:
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


class SQLiteStore:
    """A Rasid database in one SQLite file (WAL mode, foreign keys on), migrated on open."""

    dialect = "sqlite"

    def __init__(self, path: str | Path, *, now: Clock | None = None, chunk_size: int = 500) -> None:
        if chunk_size < 1:
            raise ValueError("chunk_size must be at least 1")
        self.path = str(path)
        self.chunk_size = chunk_size
        self._now = now or _utc_now
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        try:
            self._conn = sqlite3.connect(self.path, isolation_level=None, timeout=30.0)
        except sqlite3.Error as e:
            raise StoreError(f"cannot open database {self.path!r}: {e}; check the path and its permissions") from e
        try:
            self._conn.execute("PRAGMA journal_mode = WAL")
            self._conn.execute("PRAGMA synchronous = NORMAL")  # in WAL mode: consistent after a crash
            self._conn.execute("PRAGMA foreign_keys = ON")
            self._migrate()
        except sqlite3.DatabaseError as e:
            self._conn.close()
            raise StoreError(f"{self.path!r} is not a usable Rasid database: {e}") from e
        except BaseException:
            self._conn.close()
            raise

    # -- lifecycle ---------------------------------------------------------------------------------

    def __enter__(self) -> Self:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection (any transaction still open is rolled back)."""
        with contextlib.suppress(sqlite3.Error):
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
        self._conn.close()

    @property
    def connection(self) -> sqlite3.Connection:
        """The underlying connection, for read queries the store has no method for yet."""
        return self._conn

    # -- schema ------------------------------------------------------------------------------------

    def _migrate(self) -> None:
        conn = self._conn
        conn.execute(SCHEMA_MIGRATIONS_DDL)
        applied = self.applied_versions()
        if applied and max(applied) > latest_version():
            raise StoreError(f"database {self.path!r} has schema version {max(applied)}, newer than this Rasid "
                             f"(version {latest_version()}); upgrade rasid to use it")
        for m in pending(applied):
            conn.execute("BEGIN IMMEDIATE")  # one migrator at a time; others wait, then see it applied
            try:
                if m.version in self.applied_versions():
                    conn.execute("COMMIT")
                    continue
                for statement in m.statements(self.dialect):
                    conn.execute(statement)
                if m.reindex:
                    self._reindex()
                conn.execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                             (m.version, m.name, _iso(self._now())))
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise

    def applied_versions(self) -> set[int]:
        """Schema versions recorded in ``schema_migrations``."""
        return {int(v) for (v,) in self._conn.execute("SELECT version FROM schema_migrations")}

    @property
    def schema_version(self) -> int:
        """The highest schema version applied to this database."""
        return max(self.applied_versions(), default=0)

    # -- runs and rejects --------------------------------------------------------------------------

    def start_run(self, command: str) -> int:
        """Log the start of an ingest run; returns its id."""
        cur = self._conn.execute("INSERT INTO ingest_runs (command, started_at) VALUES (?, ?) RETURNING id",
                                 (command, _iso(self._now())))
        run_id = int(cur.fetchone()[0])
        cur.close()
        return run_id

    def finish_run(self, run_id: int, *, read: int, stored: int, duplicates: int, skipped: int, failed: int,
                   finished: bool = True) -> None:
        """Record a run's counts; ``finished=False`` leaves ``finished_at`` NULL (interrupted)."""
        self._conn.execute(
            "UPDATE ingest_runs SET finished_at = ?, read = ?, stored = ?, duplicates = ?, skipped = ?, failed = ?"
            " WHERE id = ?",
            (_iso(self._now()) if finished else None, read, stored, duplicates, skipped, failed, run_id))

    def save_reject(self, r: Reject, run_id: int) -> None:
        """Record a document that could not be processed, with its reason."""
        self._conn.execute("INSERT INTO rejects (run_id, source, stage, doc_id, reason) VALUES (?, ?, ?, ?, ?)",
                           (run_id, r.source, r.stage, r.doc_id, r.reason))

    # -- writing -----------------------------------------------------------------------------------

    def save_batch(self, results: Sequence[Extraction], rejects: Sequence[Reject], command: str,
                   story_rules: Mapping[str, Any] | None = None) -> int:
        """Store a batch and its rejects as one run; returns how many documents were new.

        Documents already stored (same content hash) are counted as duplicates and left untouched.
        A document whose rows cannot be written becomes a reject with stage ``store``. Story ids are
        matched against the stored stories first (``store/stories.py``; ``story_rules`` default to
        the bundled ones), so a new article joins the story it reports.
        """
        from rasid.store.stories import StoryBatch, default_rules

        stories = StoryBatch(story_rules if story_rules is not None else default_rules())
        results = stories.resolve(self._conn, results)
        run_id = self.start_run(command)
        stored = duplicates = 0
        all_rejects = list(rejects)
        finished = False
        try:
            self._write_rejects(rejects, run_id)
            for i in range(0, len(results), self.chunk_size):
                self._conn.execute("BEGIN IMMEDIATE")
                try:
                    for x in results[i:i + self.chunk_size]:
                        try:
                            is_new = self.save(x, x.source or None, run_id)
                        except _DATA_ERRORS as e:
                            r = Reject(x.clean.url or x.clean.doc_id, f"could not store: {type(e).__name__}: {e}",
                                       "store", x.clean.doc_id)
                            self.save_reject(r, run_id)
                            all_rejects.append(r)
                            continue
                        stored += is_new
                        duplicates += not is_new
                        stories.add(self._conn, x)
                    stories.flush(self._conn)
                finally:  # on a crash too: each saved document is whole, so keep what is done
                    with contextlib.suppress(sqlite3.Error):
                        self._conn.execute("COMMIT")
            finished = True
        finally:
            with contextlib.suppress(sqlite3.Error):
                self.finish_run(run_id, read=len(results) + len(rejects), stored=stored, duplicates=duplicates,
                                skipped=sum(r.stage == "ingest" for r in all_rejects),
                                failed=sum(r.stage != "ingest" for r in all_rejects), finished=finished)
        return stored

    def _write_rejects(self, rejects: Sequence[Reject], run_id: int) -> None:
        if not rejects:
            return
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            self._conn.executemany(
                "INSERT INTO rejects (run_id, source, stage, doc_id, reason) VALUES (?, ?, ?, ?, ?)",
                [(run_id, r.source, r.stage, r.doc_id, r.reason) for r in rejects])
            self._conn.execute("COMMIT")
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise

    def save(self, x: Extraction, source: str | None, run_id: int | None) -> bool:
        """Store one document with all its rows, atomically; False if its content is already stored."""
        self._conn.execute("SAVEPOINT rasid_doc")  # starts a transaction when none is open
        try:
            is_new = self._write_document(x, source, run_id)
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                self._conn.execute("ROLLBACK TO rasid_doc")
                self._conn.execute("RELEASE rasid_doc")
            raise
        self._conn.execute("RELEASE rasid_doc")
        return is_new

    def _write_document(self, x: Extraction, source: str | None, run_id: int | None) -> bool:
        c = x.clean
        key = x.content_hash or _content_hash(c.title, c.text)
        now = _iso(self._now())
        cur = self._conn.execute(
            "INSERT INTO documents (doc_id, content_hash, title, text, outlet, wires, published, language, url,"
            " story_id, source, ingested_at, run_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (content_hash) DO NOTHING RETURNING id",
            (c.doc_id, key, c.title, c.text, c.outlet, _json(list(c.wires)), c.published, c.language, c.url,
             x.story_id or None, source, now, run_id))
        row = cur.fetchone()
        cur.close()
        if row is None:
            return False
        doc = int(row[0])
        self._write_entities(doc, c.full_text, x.entities)
        self._write_events(doc, x.events)
        self._write_fts(doc, c.title, c.text)
        if x.story_id:
            self._update_story(x.story_id)
        return True

    def _write_entities(self, doc: int, full_text: str, entities: Sequence[Entity]) -> None:
        conn = self._conn
        for e in entities:
            # A later document may know more (coordinates, parent): fill gaps, never erase.
            conn.execute(
                "INSERT INTO entities (id, kind, name_en, name_ar, lat, lon, country, admin1, precision, parent)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET"
                " name_en = COALESCE(NULLIF(entities.name_en, ''), excluded.name_en),"
                " name_ar = COALESCE(NULLIF(entities.name_ar, ''), excluded.name_ar),"
                " lat = COALESCE(entities.lat, excluded.lat), lon = COALESCE(entities.lon, excluded.lon),"
                " country = COALESCE(entities.country, excluded.country),"
                " admin1 = COALESCE(entities.admin1, excluded.admin1),"
                " precision = COALESCE(entities.precision, excluded.precision),"
                " parent = COALESCE(entities.parent, excluded.parent)",
                (e.id, e.kind, e.name_en, e.name_ar, e.lat, e.lon, e.country, e.admin1, e.precision, e.parent))
            aliases = dict.fromkeys(n for n in (e.name_ar, e.name_en, *e.names) if n and n.strip())
            conn.executemany("INSERT INTO entity_aliases (entity_id, alias, folded) VALUES (?, ?, ?)"
                             " ON CONFLICT (entity_id, alias) DO NOTHING",
                             [(e.id, a, fold(a)) for a in aliases])
            conn.executemany("INSERT INTO mentions (doc, entity_id, start_char, end_char, surface)"
                             " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                             [(doc, e.id, s, t, full_text[s:t]) for s, t in e.mentions])

    def _write_events(self, doc: int, events: Sequence[Event]) -> None:
        conn = self._conn
        for seq, ev in enumerate(events):
            d = ev.date
            cur = conn.execute(
                "INSERT INTO events (doc, seq, type, subtype, core, date_start, date_end, date_precision, date_text,"
                " attributes, confidence, summary, evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                " RETURNING id",
                (doc, seq, ev.type, ev.subtype, bool(ev.core), d.start if d else None, d.end if d else None,
                 d.precision if d else None, d.text if d else None, _json(dict(ev.attributes)),
                 float(ev.confidence), ev.summary, _json([list(s) for s in ev.evidence])))
            event_id = int(cur.fetchone()[0])
            cur.close()
            conn.executemany("INSERT INTO event_roles (event_id, role, entity_id, position) VALUES (?, ?, ?, ?)"
                             " ON CONFLICT DO NOTHING",
                             [(event_id, role, entity_id, i)
                              for role, attr in ROLES for i, entity_id in enumerate(getattr(ev, attr))])

    def _write_fts(self, doc: int, title: str, text: str) -> None:
        self._conn.execute("INSERT INTO documents_fts (rowid, title, body) VALUES (?, ?, ?)",
                           (doc, index_text(title), index_text(text)))

    def _reindex(self) -> None:
        """Rebuild the full-text index from the stored documents (inside the caller's transaction)."""
        self._conn.execute("DELETE FROM documents_fts")
        rows = self._conn.execute("SELECT id, title, text FROM documents ORDER BY id").fetchall()
        self._conn.executemany("INSERT INTO documents_fts (rowid, title, body) VALUES (?, ?, ?)",
                               [(i, index_text(t), index_text(b)) for i, t, b in rows])

    def _update_story(self, story_id: str) -> None:
        # Recomputed from its documents, so the row is right whatever order documents arrive in.
        self._conn.execute(
            "INSERT INTO stories (story_id, first_seen, last_seen, n_docs)"
            " SELECT ?, MIN(COALESCE(published, ingested_at)), MAX(COALESCE(published, ingested_at)), COUNT(*)"
            " FROM documents WHERE story_id = ?"
            " ON CONFLICT (story_id) DO UPDATE SET first_seen = excluded.first_seen,"
            " last_seen = excluded.last_seen, n_docs = excluded.n_docs",
            (story_id, story_id))

    # -- reading -----------------------------------------------------------------------------------

    def tables(self) -> list[str]:
        """Names of the tables (including the full-text index)."""
        return [name for (name,) in self._conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            " AND name NOT LIKE 'documents\\_fts\\_%' ESCAPE '\\' ORDER BY name")]

    def count(self, table: str) -> int:
        """Number of rows in ``table``."""
        if table not in self.tables():
            raise ValueError(f"no table {table!r}; tables are: {', '.join(self.tables())}")
        return int(self._conn.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0])

    def documents(self) -> Iterator[dict[str, Any]]:
        """Every stored document as a dict (``wires`` decoded), in the order stored."""
        cur = self._conn.execute(
            "SELECT id, doc_id, content_hash, title, text, outlet, wires, published, language, url, story_id,"
            " source, ingested_at, run_id FROM documents ORDER BY id")
        names = [d[0] for d in cur.description]
        for row in cur:
            d = dict(zip(names, row))
            d["wires"] = json.loads(d["wires"])
            yield d

    def search(self, query: str, limit: int = 20) -> list[int]:
        """Ids of documents holding every word of ``query`` (any spelling), best first (see rasid.query.search)."""
        parsed = parse_query(query)
        if parsed.is_empty:
            return []
        match = parsed.fts5("all")
        return [int(r) for (r,) in self._conn.execute(
            "SELECT rowid FROM documents_fts WHERE documents_fts MATCH ? ORDER BY rank LIMIT ?", (match, limit))]


def _content_hash(title: str, text: str) -> str:
    from rasid.pipeline import content_hash  # the one definition of a document's identity

    return content_hash(title, text)
