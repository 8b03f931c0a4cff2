"""Database (SQLAlchemy Core) on SQLite and PostgreSQL: same schema, idempotent writes, crash resume, tokens."""
from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from rasid import query
from rasid.store.migrations import MIGRATIONS, latest_version
from rasid.store.sql import Database
from rasid.store.sqlite import SQLiteStore, StoreError
from rasid.store.testing import pg_schema, pg_url, sample_extractions

_PG = pg_url()
TABLES = ("documents", "entities", "entity_aliases", "mentions", "events", "event_roles", "stories")


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "postgresql":
        if _PG is None:
            pytest.skip("PostgreSQL tests need RASID_TEST_PG_URL (set by .ci/run); not in CI, so skipping")
        with pg_schema(_PG) as u:
            yield u
    else:
        yield str(tmp_path / "s.db")


def _counts(db: Database) -> dict[str, int]:
    with db.read() as conn:
        return {t: int(conn.execute(sa.text(f"SELECT COUNT(*) FROM {t}")).scalar_one()) for t in TABLES}


def test_sql_schema_version_and_reopen(url: str) -> None:
    with Database.open(url) as db:
        assert db.schema_version == latest_version() == MIGRATIONS[-1].version
    with Database.open(url) as db:  # reopening applies nothing twice
        assert db.schema_version == latest_version()


def test_sql_reingest_changes_nothing(url: str) -> None:
    with Database.open(url) as db:
        assert db.save_batch(sample_extractions(), [], "first") == 5
        before = _counts(db)
        assert db.save_batch(sample_extractions(), [], "again") == 0
        assert _counts(db) == before
        with db.read() as conn:
            runs = conn.execute(sa.text("SELECT stored, duplicates, finished_at FROM ingest_runs ORDER BY id")).all()
        assert [(r[0], r[1]) for r in runs] == [(5, 0), (0, 5)] and all(r[2] for r in runs)


def test_sql_crash_mid_batch_is_consistent_and_resumable(url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    docs = sample_extractions()
    with Database.open(url, chunk_size=2) as db:
        real = Database._write_fts
        calls = {"n": 0}

        def dying(self: Database, conn: sa.Connection, doc: int, title: str, text: str) -> None:
            calls["n"] += 1
            if calls["n"] == 4:
                raise KeyboardInterrupt("power cut")
            real(self, conn, doc, title, text)

        monkeypatch.setattr(Database, "_write_fts", dying)
        with pytest.raises(KeyboardInterrupt):
            db.save_batch(docs, [], "crash")
        monkeypatch.setattr(Database, "_write_fts", real)
        c = _counts(db)
        assert c["documents"] == 2  # the first chunk committed, the second rolled back whole
        with db.read() as conn:
            assert conn.execute(sa.text("SELECT COUNT(*) FROM events WHERE doc NOT IN (SELECT id FROM documents)"
                                        )).scalar_one() == 0
            assert conn.execute(sa.text("SELECT finished_at FROM ingest_runs")).scalar_one() is None
        assert db.save_batch(docs, [], "resume") == 3
        assert _counts(db)["documents"] == 5
        assert {r.doc_id for r in query.search(db, "الثأر").items} == {"t1", "t2", "t3"}


def test_sql_bad_document_becomes_reject(url: str) -> None:
    from dataclasses import replace

    docs = sample_extractions()
    bad = replace(docs[0], content_hash="bad", clean=replace(docs[0].clean, title=None))  # type: ignore[arg-type]
    with Database.open(url) as db:
        assert db.save_batch([bad, *docs[1:]], [], "bad") == 4
        with db.read() as conn:
            stage, = conn.execute(sa.text("SELECT stage FROM rejects")).one()
            failed, = conn.execute(sa.text("SELECT failed FROM ingest_runs")).one()
        assert stage == "store" and failed == 1


def test_sql_sqlitestore_and_database_write_the_same(tmp_path: Path) -> None:
    a, b = tmp_path / "a.db", tmp_path / "b.db"
    with SQLiteStore(a) as s:
        s.save_batch(sample_extractions(), [], "x")
    with Database.open(b) as db:
        db.save_batch(sample_extractions(), [], "x")
    q = ("SELECT d.doc_id, e.type, e.subtype, e.attributes, r.role, r.entity_id FROM events e JOIN documents d"
         " ON d.id = e.doc JOIN event_roles r ON r.event_id = e.id ORDER BY 1, 2, 5, 6")
    fts = "SELECT rowid, title, body FROM documents_fts ORDER BY rowid"
    assert sqlite3.connect(a).execute(q).fetchall() == sqlite3.connect(b).execute(q).fetchall()
    assert sqlite3.connect(a).execute(fts).fetchall() == sqlite3.connect(b).execute(fts).fetchall()
    with Database.open(a) as db:  # a SQLiteStore file is readable through the query layer
        assert len(query.search(db, "غزوة الثأر").items) == 3


def test_sql_migration_2_reindexes_a_version_1_database(tmp_path: Path) -> None:
    path = tmp_path / "v1.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
                 " applied_at TEXT NOT NULL)")
    for s in MIGRATIONS[0].statements("sqlite"):
        conn.execute(s)
    conn.execute("INSERT INTO schema_migrations VALUES (1, 'v1', '2024-01-01T00:00:00Z')")
    conn.execute("INSERT INTO documents (id, doc_id, content_hash, title, text, ingested_at) VALUES"
                 " (1, 'old', 'h', 'غزوة للثأر', 'نص', '2024-01-01T00:00:00Z')")
    conn.execute("INSERT INTO documents_fts (rowid, title, body) VALUES (1, 'غزوه للثار', 'نص')")
    conn.commit()
    conn.close()
    with Database.open(path) as db:
        assert db.schema_version == MIGRATIONS[-1].version  # migrated past 2 (full text rebuilt)
        assert [r.doc_id for r in query.search(db, "الثأر").items] == ["old"]


def test_sql_tokens_hashed_and_revocable(url: str) -> None:
    with Database.open(url) as db:
        secret = db.create_token("ci")
        assert secret.startswith("rsd_") and db.check_token(secret, "write") is not None
        assert db.check_token("rsd_wrong") is None and db.check_token("") is None
        reader = db.create_token("r", "read")
        assert db.check_token(reader, "read") and db.check_token(reader, "write") is None
        tid = db.list_tokens()[0].id
        assert db.revoke_token(tid) and not db.revoke_token(tid)
        assert db.check_token(secret) is None


def test_sql_unusable_targets_raise_store_error(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all" * 100)
    with pytest.raises(StoreError):
        Database.open(junk)
    with pytest.raises(StoreError):
        Database.open("mysql://nobody@nowhere/db")
