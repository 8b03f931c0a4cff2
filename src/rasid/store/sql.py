"""One store over SQLAlchemy Core: SQLite (default, one file, WAL) or PostgreSQL (for teams).

``Database.open("rasid.db")`` or ``Database.open("postgresql+psycopg://user:pw@host/db")`` gives the
same object: migrated on open, the same writes (idempotent, one SAVEPOINT per document, a commit
per chunk, an ``ingest_runs`` row per batch) and the same reads (``rasid.query``). Only the
full-text index differs: FTS5 on SQLite, a ``tsvector`` column with a GIN index on PostgreSQL,
both holding the keys of ``store/textindex.py``.

SQLAlchemy and (for PostgreSQL) psycopg are optional extras: ``pip install 'rasid[postgres]'``.
"""
from __future__ import annotations

import contextlib
import hashlib
import secrets
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from rasid.model import Entity, Event, Extraction, Reject
from rasid.stages.normalize import fold
from rasid.store.migrations import SCHEMA_MIGRATIONS_DDL, latest_version, pending
from rasid.store.sqlite import ROLES, StoreError, _iso, _json, _utc_now
from rasid.store.textindex import index_text, tsvector_literal

try:
    import sqlalchemy as sa
    from sqlalchemy import event as sa_event
    from sqlalchemy.engine import Connection, Engine
except ImportError as _e:  # pragma: no cover - exercised only without the extra
    raise ImportError("the database layer needs SQLAlchemy: pip install 'rasid[postgres]' (or 'rasid[web]')") from _e

Clock = Callable[[], datetime]
TOKEN_PREFIX = "rsd_"


def to_url(target: str | Path) -> str:
    """A SQLAlchemy URL from a file path or a URL (``postgresql://`` gets the psycopg driver).

    >>> to_url("rasid.db")
    'sqlite:///rasid.db'
    >>> to_url("postgresql://u@h/db")
    'postgresql+psycopg://u@h/db'
    """
    s = str(target)
    if s.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + s.split("://", 1)[1]
    if "://" in s:
        return s
    return "sqlite:///" + s


@dataclass(frozen=True)
class Token:
    """An API token's public record (the secret itself is shown once, at creation)."""

    id: int
    name: str
    scope: str
    created_at: str
    last_used_at: str | None
    revoked_at: str | None

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


# Errors that concern one document's data: it becomes a reject with stage "store", the batch goes on.
_DATA_ERRORS = (sa.exc.IntegrityError, sa.exc.DataError, TypeError, ValueError, OverflowError)


class Database:
    """A migrated Rasid database behind a SQLAlchemy engine; use as a context manager or call close()."""

    def __init__(self, target: str | Path, *, now: Clock | None = None, chunk_size: int = 500,
                 engine: Engine | None = None) -> None:
        self.url = to_url(target)
        self.chunk_size = chunk_size
        self._now = now or _utc_now
        if engine is None:
            if self.url.startswith("sqlite:///") and self.url != "sqlite:///:memory:":
                Path(self.url[len("sqlite:///"):]).parent.mkdir(parents=True, exist_ok=True)
            try:
                engine = sa.create_engine(self.url, pool_pre_ping=not self.url.startswith("sqlite"))
            except (sa.exc.ArgumentError, ImportError) as e:
                raise StoreError(f"cannot use database {target!s}: {e}") from e
        self.engine = engine
        self.dialect = engine.dialect.name
        if self.dialect not in ("sqlite", "postgresql"):
            raise StoreError(f"unsupported database {self.dialect!r}: use a SQLite file or a postgresql:// URL")
        if self.dialect == "sqlite":
            _sqlite_setup(engine)
        try:
            self._migrate()
        except sa.exc.OperationalError as e:
            raise StoreError(f"cannot open database {target!s}: {e.orig}") from e
        except sa.exc.DatabaseError as e:
            raise StoreError(f"{target!s} is not a usable Rasid database: {e.orig}") from e

    @classmethod
    def open(cls, target: str | Path, **kwargs: Any) -> Database:
        """Open (and migrate) the database at a file path or URL."""
        return cls(target, **kwargs)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self.engine.dispose()

    @contextlib.contextmanager
    def read(self) -> Iterator[Connection]:
        """A connection for reads (SQLite WAL readers never block the writer)."""
        with self.engine.connect() as conn:
            yield conn

    @contextlib.contextmanager
    def write(self) -> Iterator[Connection]:
        """A write transaction (SQLite: BEGIN IMMEDIATE, so one writer at a time), committed on success."""
        with self.engine.connect().execution_options(rasid_begin="IMMEDIATE") as conn, conn.begin():
            yield conn

    # -- schema ------------------------------------------------------------------------------------

    def _migrate(self) -> None:
        with self.engine.connect() as conn:
            with conn.begin():
                conn.exec_driver_sql(SCHEMA_MIGRATIONS_DDL)
            applied = self._applied(conn)
        if applied and max(applied) > latest_version():
            raise StoreError(f"database has schema version {max(applied)}, newer than this Rasid "
                             f"(version {latest_version()}); upgrade rasid to use it")
        for m in pending(applied):
            with self.write() as conn:
                if self.dialect == "postgresql":
                    conn.exec_driver_sql("SELECT pg_advisory_xact_lock(7305021)")  # one migrator at a time
                if m.version in self._applied(conn):
                    continue
                for statement in m.statements(self.dialect):
                    conn.exec_driver_sql(statement)
                if m.reindex:
                    self._reindex(conn)
                conn.execute(sa.text("INSERT INTO schema_migrations (version, name, applied_at) VALUES (:v, :n, :t)"),
                             {"v": m.version, "n": m.name, "t": _iso(self._now())})

    @staticmethod
    def _applied(conn: Connection) -> set[int]:
        return {int(v) for (v,) in conn.exec_driver_sql("SELECT version FROM schema_migrations")}

    @property
    def schema_version(self) -> int:
        with self.read() as conn:
            return max(self._applied(conn), default=0)

    def _reindex(self, conn: Connection) -> None:
        rows = conn.execute(sa.text("SELECT id, title, text FROM documents ORDER BY id")).fetchall()
        if self.dialect == "sqlite":
            conn.exec_driver_sql("DELETE FROM documents_fts")
        for doc, title, text in rows:
            self._write_fts(conn, int(doc), title, text)

    # -- writing -----------------------------------------------------------------------------------

    def save_batch(self, results: Sequence[Extraction], rejects: Sequence[Reject], command: str,
                   story_rules: Mapping[str, Any] | None = None) -> int:
        """Store a batch and its rejects as one run; returns how many documents were new (see SQLiteStore)."""
        from rasid.store.stories import StoryBatch, default_rules

        stories = StoryBatch(story_rules if story_rules is not None else default_rules())
        with self.read() as conn:
            results = stories.resolve(conn, results)
        with self.write() as conn:
            run_id = int(conn.execute(sa.text("INSERT INTO ingest_runs (command, started_at) VALUES (:c, :t)"
                                              " RETURNING id"), {"c": command, "t": _iso(self._now())}).scalar_one())
            if rejects:
                conn.execute(sa.text("INSERT INTO rejects (run_id, source, stage, doc_id, reason)"
                                     " VALUES (:run, :source, :stage, :doc_id, :reason)"),
                             [{"run": run_id, "source": r.source, "stage": r.stage, "doc_id": r.doc_id,
                               "reason": r.reason} for r in rejects])
        stored = duplicates = 0
        all_rejects = list(rejects)
        finished = False
        try:
            for i in range(0, len(results), self.chunk_size):
                with self.write() as conn:
                    for x in results[i:i + self.chunk_size]:
                        try:
                            with conn.begin_nested():
                                is_new = self._write_document(conn, x, None, run_id)
                        except _DATA_ERRORS as e:
                            r = Reject(x.clean.url or x.clean.doc_id, f"could not store: {type(e).__name__}: {e}",
                                       "store", x.clean.doc_id)
                            conn.execute(sa.text("INSERT INTO rejects (run_id, source, stage, doc_id, reason)"
                                                 " VALUES (:run, :source, :stage, :doc_id, :reason)"),
                                         {"run": run_id, "source": r.source, "stage": r.stage, "doc_id": r.doc_id,
                                          "reason": r.reason[:2000]})
                            all_rejects.append(r)
                            continue
                        stored += is_new
                        duplicates += not is_new
                        stories.add(conn, x)
                    stories.flush(conn)
            finished = True
        finally:
            with contextlib.suppress(sa.exc.SQLAlchemyError), self.write() as conn:
                conn.execute(sa.text(
                    "UPDATE ingest_runs SET finished_at = :f, read = :read, stored = :stored, duplicates = :dup,"
                    " skipped = :skipped, failed = :failed WHERE id = :id"),
                    {"f": _iso(self._now()) if finished else None, "read": len(results) + len(rejects),
                     "stored": stored, "dup": duplicates, "skipped": sum(r.stage == "ingest" for r in all_rejects),
                     "failed": sum(r.stage != "ingest" for r in all_rejects), "id": run_id})
        return stored

    def save(self, x: Extraction, source: str | None = None) -> tuple[bool, int]:
        """Store one document atomically; (is_new, documents.id)."""
        with self.write() as conn:
            is_new = self._write_document(conn, x, source, None)
            key = x.content_hash or _content_hash(x.clean.title, x.clean.text)
            doc = conn.execute(sa.text("SELECT id FROM documents WHERE content_hash = :k"), {"k": key}).scalar_one()
        return is_new, int(doc)

    def _write_document(self, conn: Connection, x: Extraction, source: str | None, run_id: int | None) -> bool:
        c = x.clean
        key = x.content_hash or _content_hash(c.title, c.text)
        row = conn.execute(sa.text(
            "INSERT INTO documents (doc_id, content_hash, title, text, outlet, wires, published, language, url,"
            " story_id, source, ingested_at, run_id) VALUES (:doc_id, :key, :title, :text, :outlet, :wires,"
            " :published, :language, :url, :story, :source, :now, :run)"
            " ON CONFLICT (content_hash) DO NOTHING RETURNING id"),
            {"doc_id": c.doc_id, "key": key, "title": c.title, "text": c.text, "outlet": c.outlet,
             "wires": _json(list(c.wires)), "published": c.published, "language": c.language, "url": c.url,
             "story": x.story_id or None, "source": source, "now": _iso(self._now()), "run": run_id}).fetchone()
        if row is None:
            return False
        doc = int(row[0])
        self._write_entities(conn, doc, c.full_text, x.entities)
        self._write_events(conn, doc, x.events)
        self._write_fts(conn, doc, c.title, c.text)
        if x.story_id:
            conn.execute(sa.text(
                "INSERT INTO stories (story_id, first_seen, last_seen, n_docs)"
                " SELECT :s, MIN(COALESCE(published, ingested_at)), MAX(COALESCE(published, ingested_at)), COUNT(*)"
                " FROM documents WHERE story_id = :s"
                " ON CONFLICT (story_id) DO UPDATE SET first_seen = excluded.first_seen,"
                " last_seen = excluded.last_seen, n_docs = excluded.n_docs"), {"s": x.story_id})
        return True

    def _write_entities(self, conn: Connection, doc: int, full_text: str, entities: Sequence[Entity]) -> None:
        for e in entities:
            conn.execute(sa.text(
                "INSERT INTO entities (id, kind, name_en, name_ar, lat, lon, country, admin1, precision, parent)"
                " VALUES (:id, :kind, :en, :ar, :lat, :lon, :country, :admin1, :precision, :parent)"
                " ON CONFLICT (id) DO UPDATE SET"
                " name_en = COALESCE(NULLIF(entities.name_en, ''), excluded.name_en),"
                " name_ar = COALESCE(NULLIF(entities.name_ar, ''), excluded.name_ar),"
                " lat = COALESCE(entities.lat, excluded.lat), lon = COALESCE(entities.lon, excluded.lon),"
                " country = COALESCE(entities.country, excluded.country),"
                " admin1 = COALESCE(entities.admin1, excluded.admin1),"
                " precision = COALESCE(entities.precision, excluded.precision),"
                " parent = COALESCE(entities.parent, excluded.parent)"),
                {"id": e.id, "kind": e.kind, "en": e.name_en, "ar": e.name_ar, "lat": e.lat, "lon": e.lon,
                 "country": e.country, "admin1": e.admin1, "precision": e.precision, "parent": e.parent})
            aliases = dict.fromkeys(n for n in (e.name_ar, e.name_en, *e.names) if n and n.strip())
            if aliases:
                conn.execute(sa.text("INSERT INTO entity_aliases (entity_id, alias, folded) VALUES (:e, :a, :f)"
                                     " ON CONFLICT (entity_id, alias) DO NOTHING"),
                             [{"e": e.id, "a": a, "f": fold(a)} for a in aliases])
            if e.mentions:
                conn.execute(sa.text("INSERT INTO mentions (doc, entity_id, start_char, end_char, surface)"
                                     " VALUES (:d, :e, :s, :t, :surface) ON CONFLICT DO NOTHING"),
                             [{"d": doc, "e": e.id, "s": s, "t": t, "surface": full_text[s:t]} for s, t in e.mentions])

    def _write_events(self, conn: Connection, doc: int, events: Sequence[Event]) -> None:
        for seq, ev in enumerate(events):
            d = ev.date
            event_id = int(conn.execute(sa.text(
                "INSERT INTO events (doc, seq, type, subtype, core, date_start, date_end, date_precision, date_text,"
                " attributes, confidence, summary, evidence) VALUES (:doc, :seq, :type, :subtype, :core, :ds, :de,"
                " :dp, :dt, :attrs, :conf, :summary, :evidence) RETURNING id"),
                {"doc": doc, "seq": seq, "type": ev.type, "subtype": ev.subtype, "core": bool(ev.core),
                 "ds": d.start if d else None, "de": d.end if d else None, "dp": d.precision if d else None,
                 "dt": d.text if d else None, "attrs": _json(dict(ev.attributes)), "conf": float(ev.confidence),
                 "summary": ev.summary, "evidence": _json([list(s) for s in ev.evidence])}).scalar_one())
            roles = [{"ev": event_id, "role": role, "e": entity_id, "pos": i}
                     for role, attr in ROLES for i, entity_id in enumerate(dict.fromkeys(getattr(ev, attr)))]
            if roles:
                conn.execute(sa.text("INSERT INTO event_roles (event_id, role, entity_id, position)"
                                     " VALUES (:ev, :role, :e, :pos) ON CONFLICT DO NOTHING"), roles)

    def _write_fts(self, conn: Connection, doc: int, title: str, text: str) -> None:
        if self.dialect == "sqlite":
            conn.execute(sa.text("INSERT INTO documents_fts (rowid, title, body) VALUES (:d, :t, :b)"),
                         {"d": doc, "t": index_text(title), "b": index_text(text)})
        else:
            conn.execute(sa.text("UPDATE documents SET folded_tsv = CAST(:v AS tsvector) WHERE id = :d"),
                         {"d": doc, "v": tsvector_literal(title, text)})

    # -- tokens ------------------------------------------------------------------------------------

    def create_token(self, name: str, scope: str = "write") -> str:
        """A new API token; only its SHA-256 hash is stored, so the returned secret is shown once."""
        if scope not in ("read", "write"):
            raise ValueError("scope must be 'read' or 'write'")
        secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
        with self.write() as conn:
            conn.execute(sa.text("INSERT INTO api_tokens (name, token_hash, scope, created_at)"
                                 " VALUES (:n, :h, :s, :t)"),
                         {"n": name, "h": hash_token(secret), "s": scope, "t": _iso(self._now())})
        return secret

    def check_token(self, secret: str, scope: str = "read") -> Token | None:
        """The live token with this secret and at least ``scope`` (write covers read), else None."""
        if not secret:
            return None
        with self.read() as conn:
            row = conn.execute(sa.text("SELECT id, name, scope, created_at, last_used_at, revoked_at FROM api_tokens"
                                       " WHERE token_hash = :h AND revoked_at IS NULL"),
                               {"h": hash_token(secret)}).fetchone()
        if row is None or (scope == "write" and row[2] != "write"):
            return None
        return Token(*row)

    def list_tokens(self) -> list[Token]:
        with self.read() as conn:
            return [Token(*r) for r in conn.execute(sa.text(
                "SELECT id, name, scope, created_at, last_used_at, revoked_at FROM api_tokens ORDER BY id"))]

    def revoke_token(self, token_id: int) -> bool:
        with self.write() as conn:
            n = conn.execute(sa.text("UPDATE api_tokens SET revoked_at = :t WHERE id = :i AND revoked_at IS NULL"),
                             {"t": _iso(self._now()), "i": token_id}).rowcount
        return bool(n)


def hash_token(secret: str) -> str:
    """SHA-256 of a token (tokens are 256-bit random, so a fast hash is enough)."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def _sqlite_setup(engine: Engine) -> None:
    """WAL, foreign keys, and explicit BEGIN so SAVEPOINTs work (SQLAlchemy's pysqlite recipe)."""

    @sa_event.listens_for(engine, "connect")
    def _connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA busy_timeout = 30000")
        cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = NORMAL")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.close()

    @sa_event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        mode = conn.get_execution_options().get("rasid_begin", "")
        conn.exec_driver_sql(f"BEGIN {mode}".strip())


def _content_hash(title: str, text: str) -> str:
    from rasid.pipeline import content_hash

    return content_hash(title, text)
