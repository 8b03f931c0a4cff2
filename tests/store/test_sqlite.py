"""SQLiteStore: schema, idempotent ingest, rejects, migrations, crash consistency, full text."""
from __future__ import annotations

import json
import multiprocessing
import os
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from rasid.model import CleanDoc, DateValue, Entity, Event, Extraction, Reject
from rasid.store.migrations import MIGRATIONS, latest_version, pending
from rasid.store.sqlite import SQLiteStore, StoreError

DATA_TABLES = ("documents", "entities", "entity_aliases", "mentions", "events", "event_roles", "stories",
               "documents_fts")

ISIS = "wd:Q2429253"
RAQQA = "gn:170794"


def _clock(start: datetime = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)) -> Callable[[], datetime]:
    """A clock that ticks one second per reading, so timestamps are predictable."""
    state = {"t": start}

    def now() -> datetime:
        state["t"] += timedelta(seconds=1)
        return state["t"]

    return now


def make_extraction(n: int, *, story_id: str = "", published: str | None = "2018-04-03",
                    attributes: dict[str, Any] | None = None, lat: float | None = 35.95) -> Extraction:
    """Article ``n``: Islamic State named in the title, Raqqa in the body, one core attack event."""
    title = f"تنظيم الدولة الإسلاميّة يتبنى هجوما رقم {n}"
    text = f"أعلن تنظيم داعش مسؤوليته عن تفجير في الرقة أسفر عن مقتل {n} أشخاص."
    clean = CleanDoc(doc_id=f"doc{n}", title=title, text=text, outlet="بلدي نيوز", wires=("AFP",),
                     published=published, url=f"https://example.org/{n}")
    full = clean.full_text
    t0 = full.index("تنظيم الدولة")
    b0 = full.index("داعش")
    r0 = full.index("الرقة")
    isis = Entity(id=ISIS, kind="organization", name_en="Islamic State", name_ar="تنظيم الدولة الإسلامية",
                  names=("تنظيم الدولة الإسلاميّة", "داعش"),
                  mentions=((t0, t0 + len("تنظيم الدولة الإسلاميّة")), (b0, b0 + len("داعش"))))
    raqqa = Entity(id=RAQQA, kind="location", name_en="Raqqa", name_ar="الرقة", names=("الرقة",),
                   mentions=((r0, r0 + len("الرقة")),), lat=lat, lon=39.02 if lat is not None else None,
                   country="SY", admin1="Raqqa Governorate", precision="place")
    event = Event(type="attack", subtype="bombing", core=True, actors=(ISIS,), places=(RAQQA,),
                  date=DateValue("2018-04-02", "2018-04-02", "day", "أمس"),
                  attributes=attributes if attributes is not None else {"fatalities": n, "claimed": True},
                  evidence=((clean.body_offset, len(full)),), confidence=0.8, summary=f"ISIS bombing in Raqqa ({n})")
    return Extraction(clean=clean, entities=(isis, raqqa), events=(event,), story_id=story_id,
                      content_hash=f"hash{n:04d}")


def counts(store: SQLiteStore) -> dict[str, int]:
    return {t: store.count(t) for t in DATA_TABLES}


def assert_consistent(db: Path) -> None:
    """No orphan rows, the full-text index matches documents, stories match their documents."""
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        n_docs = conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        assert conn.execute("SELECT COUNT(*) FROM documents_fts").fetchone()[0] == n_docs
        assert conn.execute("SELECT COUNT(*) FROM documents_fts WHERE rowid NOT IN (SELECT id FROM documents)"
                            ).fetchone()[0] == 0
        # every document has all its rows: here each has 3 mentions and 1 event with 2 roles
        assert conn.execute("SELECT COUNT(*) FROM mentions").fetchone()[0] == 3 * n_docs
        assert conn.execute("SELECT COUNT(*) FROM events").fetchone()[0] == n_docs
        assert conn.execute("SELECT COUNT(*) FROM event_roles").fetchone()[0] == 2 * n_docs
        bad_stories = conn.execute(
            "SELECT s.story_id FROM stories s WHERE s.n_docs != (SELECT COUNT(*) FROM documents d"
            " WHERE d.story_id = s.story_id)").fetchall()
        assert bad_stories == []
    finally:
        conn.close()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "sub" / "rasid.db"


def test_sqlite_create_sets_wal_foreign_keys_and_tables(db: Path) -> None:
    with SQLiteStore(db, now=_clock()) as store:
        assert store.connection.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert set(store.tables()) >= {*DATA_TABLES, "ingest_runs", "rejects", "schema_migrations"}
        assert all(store.count(t) == 0 for t in DATA_TABLES)
    assert db.exists()
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


def test_sqlite_ingest_writes_every_table(db: Path) -> None:
    xs = [make_extraction(1, story_id="s1"), make_extraction(2, story_id="s1", published="2018-04-05"),
          make_extraction(3, story_id="s2")]
    with SQLiteStore(db, now=_clock()) as store:
        assert store.save_batch(xs, [], "ingest news/") == 3
        assert counts(store) == {"documents": 3, "entities": 2, "entity_aliases": 6, "mentions": 9, "events": 3,
                                 "event_roles": 6, "stories": 2, "documents_fts": 3}
        docs = list(store.documents())
        assert [d["doc_id"] for d in docs] == ["doc1", "doc2", "doc3"]
        d = docs[0]
        assert d["wires"] == ["AFP"] and d["outlet"] == "بلدي نيوز" and d["story_id"] == "s1"
        assert d["content_hash"] == "hash0001" and d["run_id"] == 1
        assert d["ingested_at"].startswith("2024-05-01T12:00:") and d["ingested_at"].endswith("Z")
        assert d["title"] == xs[0].clean.title and d["text"] == xs[0].clean.text
        conn = store.connection
        for doc, start, end, surface in conn.execute("SELECT doc, start_char, end_char, surface FROM mentions"):
            full = xs[doc - 1].clean.full_text
            assert full[start:end] == surface
        row = conn.execute("SELECT type, subtype, core, date_start, date_precision, attributes, evidence, confidence"
                           " FROM events WHERE doc = 2").fetchone()
        assert row[:5] == ("attack", "bombing", 1, "2018-04-02", "day")
        assert json.loads(row[5]) == {"claimed": True, "fatalities": 2}
        assert json.loads(row[6]) == [list(xs[1].events[0].evidence[0])] and row[7] == 0.8
        roles = conn.execute("SELECT role, entity_id FROM event_roles r JOIN events e ON e.id = r.event_id"
                             " WHERE e.doc = 1 ORDER BY role").fetchall()
        assert roles == [("actor", ISIS), ("place", RAQQA)]
        assert conn.execute("SELECT lat, country, precision FROM entities WHERE id = ?", (RAQQA,)).fetchone() \
            == (35.95, "SY", "place")
        assert conn.execute("SELECT first_seen, last_seen, n_docs FROM stories WHERE story_id = 's1'").fetchone() \
            == ("2018-04-03", "2018-04-05", 2)
        run = conn.execute("SELECT command, read, stored, duplicates, skipped, failed, finished_at IS NOT NULL"
                           " FROM ingest_runs").fetchone()
        assert run == ("ingest news/", 3, 3, 0, 0, 0, 1)
    assert_consistent(db)


def test_sqlite_reingest_adds_nothing_and_changes_nothing(db: Path) -> None:
    xs = [make_extraction(i, story_id="s") for i in range(1, 4)]
    with SQLiteStore(db, now=_clock()) as store:
        store.save_batch(xs, [], "first")
        before, docs_before = counts(store), list(store.documents())
        assert store.save_batch(xs, [], "again") == 0
        assert counts(store) == before
        assert list(store.documents()) == docs_before  # same rows, same timestamps, same run id
        run = store.connection.execute("SELECT read, stored, duplicates FROM ingest_runs WHERE id = 2").fetchone()
        assert run == (3, 0, 3)
    assert_consistent(db)


def test_sqlite_same_content_twice_in_one_batch_is_stored_once(db: Path) -> None:
    x = make_extraction(1)
    twin = Extraction(clean=CleanDoc(**{**x.clean.__dict__, "doc_id": "copy-of-doc1"}), entities=x.entities,
                      events=x.events, content_hash=x.content_hash)
    with SQLiteStore(db, now=_clock()) as store:
        assert store.save_batch([x, twin], [], "dup") == 1
        assert [d["doc_id"] for d in store.documents()] == ["doc1"]


def test_sqlite_rejects_recorded_with_run_counts(db: Path) -> None:
    rejects = [Reject("a.bin", "binary file, not text", "ingest"),
               Reject("b.txt", "stage 'clean' failed on document 'b': ValueError: x", "clean", "b")]
    with SQLiteStore(db, now=_clock()) as store:
        assert store.save_batch([make_extraction(1)], rejects, "ingest in/") == 1
        rows = store.connection.execute("SELECT run_id, source, stage, doc_id, reason FROM rejects ORDER BY id"
                                        ).fetchall()
        assert rows == [(1, "a.bin", "ingest", None, "binary file, not text"),
                        (1, "b.txt", "clean", "b", "stage 'clean' failed on document 'b': ValueError: x")]
        run = store.connection.execute("SELECT read, stored, skipped, failed FROM ingest_runs").fetchone()
        assert run == (3, 1, 1, 1)


def test_sqlite_unstorable_document_becomes_store_reject(db: Path) -> None:
    bad = make_extraction(2, attributes={"weapons": {"not", "json"}})  # a set cannot be written as JSON
    with SQLiteStore(db, now=_clock()) as store:
        assert store.save_batch([make_extraction(1), bad, make_extraction(3)], [], "x") == 2
        assert [d["doc_id"] for d in store.documents()] == ["doc1", "doc3"]
        stage, doc_id, reason = store.connection.execute("SELECT stage, doc_id, reason FROM rejects").fetchone()
        assert (stage, doc_id) == ("store", "doc2") and "TypeError" in reason
        assert store.connection.execute("SELECT failed FROM ingest_runs").fetchone()[0] == 1
    assert_consistent(db)


def test_sqlite_migrations_applied_once_and_version_recorded(db: Path) -> None:
    with SQLiteStore(db, now=_clock()) as store:
        assert store.schema_version == latest_version() == MIGRATIONS[-1].version
        first = store.connection.execute("SELECT version, name, applied_at FROM schema_migrations").fetchall()
    assert [v for v, _, _ in first] == [m.version for m in MIGRATIONS]
    with SQLiteStore(db, now=_clock(datetime(2030, 1, 1, tzinfo=UTC))) as store:
        again = store.connection.execute("SELECT version, name, applied_at FROM schema_migrations").fetchall()
    assert again == first  # nothing re-applied: applied_at still the first clock's


def test_sqlite_reopen_existing_keeps_and_extends(db: Path) -> None:
    with SQLiteStore(db, now=_clock()) as store:
        store.save_batch([make_extraction(1), make_extraction(2)], [], "one")
    with SQLiteStore(db, now=_clock()) as store:
        assert store.count("documents") == 2
        assert store.save_batch([make_extraction(2), make_extraction(3)], [], "two") == 1
        assert [d["run_id"] for d in store.documents()] == [1, 1, 2]
    assert_consistent(db)


def test_sqlite_newer_schema_is_refused(db: Path) -> None:
    with SQLiteStore(db) as store:
        store.connection.execute("INSERT INTO schema_migrations VALUES (?, 'from the future', 'x')",
                                 (latest_version() + 1,))
    with pytest.raises(StoreError, match="upgrade rasid"):
        SQLiteStore(db)


def test_sqlite_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"this is not a database, just some text " * 100)
    with pytest.raises(StoreError, match="not a usable Rasid database"):
        SQLiteStore(path)


def test_sqlite_crash_mid_batch_leaves_db_consistent_and_rerun_completes(
        db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    xs = [make_extraction(i, story_id="s") for i in range(1, 6)]
    real = SQLiteStore._write_events
    calls = {"n": 0}

    def failing(self: SQLiteStore, doc: int, events: Any) -> None:
        calls["n"] += 1
        if calls["n"] == 3:  # document 3: its documents/entities/mentions rows are already written
            raise RuntimeError("simulated crash")
        real(self, doc, events)

    with SQLiteStore(db, now=_clock(), chunk_size=2) as store:
        monkeypatch.setattr(SQLiteStore, "_write_events", failing)
        with pytest.raises(RuntimeError, match="simulated crash"):
            store.save_batch(xs, [], "crashing")
        monkeypatch.setattr(SQLiteStore, "_write_events", real)
    assert_consistent(db)
    with SQLiteStore(db, now=_clock()) as store:
        assert [d["doc_id"] for d in store.documents()] == ["doc1", "doc2"]
        assert store.connection.execute("SELECT finished_at, stored FROM ingest_runs").fetchone() == (None, 2)
        assert store.save_batch(xs, [], "rerun") == 3
        assert [d["doc_id"] for d in store.documents()] == [f"doc{i}" for i in range(1, 6)]
        assert store.connection.execute("SELECT n_docs FROM stories").fetchone()[0] == 5
    assert_consistent(db)


def _die_mid_batch(db: str) -> None:
    """Child process: store five documents and die (no cleanup at all) while writing the fourth."""
    real = SQLiteStore._write_fts
    calls = {"n": 0}

    def dying(self: SQLiteStore, doc: int, title: str, text: str) -> None:
        calls["n"] += 1
        if calls["n"] == 4:
            os._exit(3)
        real(self, doc, title, text)

    SQLiteStore._write_fts = dying  # type: ignore[method-assign]
    store = SQLiteStore(db, chunk_size=2)
    store.save_batch([make_extraction(i) for i in range(1, 6)], [], "killed")


def test_sqlite_killed_process_leaves_committed_chunks_only(db: Path) -> None:
    SQLiteStore(db).close()
    child = multiprocessing.get_context("fork").Process(target=_die_mid_batch, args=(str(db),))
    child.start()
    child.join(60)
    assert child.exitcode == 3
    assert_consistent(db)
    with SQLiteStore(db) as store:
        assert [d["doc_id"] for d in store.documents()] == ["doc1", "doc2"]  # chunk 2 was never committed
        assert store.save_batch([make_extraction(i) for i in range(1, 6)], [], "rerun") == 3
    assert_consistent(db)


def test_sqlite_fts_row_matchable_by_folded_text(db: Path) -> None:
    with SQLiteStore(db, now=_clock()) as store:
        store.save_batch([make_extraction(1), make_extraction(2)], [], "fts")
        conn = store.connection
        title, body = conn.execute("SELECT title, body FROM documents_fts WHERE rowid = 1").fetchone()
        # search keys: folded (no shadda, hamza or teh marbuta) and without the article or clitics
        assert "اسلاميه" in title.split() and "رقه" in body.split()
        rows = conn.execute("SELECT rowid FROM documents_fts WHERE documents_fts MATCH ? ORDER BY rowid",
                            ("اسلاميه",)).fetchall()
        assert rows == [(1,), (2,)]
        assert store.search("الإسلاميّة") == store.search("الاسلاميه") != []  # queries are folded too
        assert store.search("الرقة 2") == [2] and store.search("\"") == [] and store.search(" ") == []


def test_sqlite_entity_gaps_filled_never_erased(db: Path) -> None:
    with SQLiteStore(db, now=_clock()) as store:
        store.save_batch([make_extraction(1, lat=None)], [], "a")
        assert store.connection.execute("SELECT lat FROM entities WHERE id = ?", (RAQQA,)).fetchone() == (None,)
        store.save_batch([make_extraction(2, lat=36.0)], [], "b")
        store.save_batch([make_extraction(3, lat=None)], [], "c")
        assert store.connection.execute("SELECT lat, lon FROM entities WHERE id = ?", (RAQQA,)).fetchone() \
            == (36.0, 39.02)


def test_sqlite_save_alone_commits(db: Path) -> None:
    with SQLiteStore(db, now=_clock()) as store:
        run_id = store.start_run("api")
        assert store.save(make_extraction(1), "in/1.txt", run_id) is True
        assert store.save(make_extraction(1), "in/1.txt", run_id) is False
        other = sqlite3.connect(db)
        assert other.execute("SELECT doc_id, source FROM documents").fetchall() == [("doc1", "in/1.txt")]
        other.close()


def test_sqlite_in_memory_and_bad_table_name() -> None:
    with SQLiteStore(":memory:") as store:
        assert store.save_batch([make_extraction(1)], [], "mem") == 1
        with pytest.raises(ValueError, match="no table"):
            store.count("documents; DROP TABLE documents")


def test_migrations_numbered_in_order_and_portable() -> None:
    assert [m.version for m in MIGRATIONS] == list(range(1, len(MIGRATIONS) + 1))
    assert pending(set()) == list(MIGRATIONS) and pending({m.version for m in MIGRATIONS}) == []
    for m in MIGRATIONS:
        for dialect in ("sqlite", "postgresql"):
            assert all("{pk}" not in s and not s.rstrip().endswith(";") for s in m.statements(dialect))
    assert any("fts5" in s for s in MIGRATIONS[0].statements("sqlite"))
    assert not any("fts5" in s for s in MIGRATIONS[0].statements("postgresql"))
    with pytest.raises(ValueError, match="dialect"):
        MIGRATIONS[0].statements("oracle")


def test_migrations_doctests() -> None:
    import doctest

    import rasid.store.migrations

    assert doctest.testmod(rasid.store.migrations).failed == 0
