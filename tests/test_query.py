"""rasid.query on SQLite and PostgreSQL: filters, entity and place resolution, search, pagination."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from rasid import query
from rasid.query import Filters, NotFound, QueryError
from rasid.resources import Resources
from rasid.store.sql import Database
from rasid.store.testing import DEIR, ISIS, MAYADIN, SDF, pg_schema, pg_url, sample_extractions

_PG = pg_url()


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    if request.param == "postgresql":
        if _PG is None:
            pytest.skip("PostgreSQL tests need RASID_TEST_PG_URL (set by .ci/run); not in CI, so skipping")
        with pg_schema(_PG) as url, Database.open(url) as database:
            database.save_batch(sample_extractions(), [], "test")
            yield database
    else:
        with Database.open(tmp_path / "q.db") as database:
            database.save_batch(sample_extractions(), [], "test")
            yield database


def _docs(page: query.Page) -> list[str]:  # type: ignore[type-arg]
    return sorted({i.doc_id for i in page.items})


@pytest.mark.parametrize("actor", ["Islamic State", "داعش", "تنظيم الدولة الإسلامية", "ISIS", ISIS, "الدولة الاسلامية"])
def test_query_actor_matches_every_alias(db: Database, res: Resources, actor: str) -> None:
    page = query.list_events(db, Filters(actor=actor), res=res)
    assert _docs(page) == ["t1", "t2", "t4"]


def test_query_analyst_release_naming_sdf_since_march_2019(db: Database, res: Resources) -> None:
    f = Filters(type="media_release", actor="Islamic State", entity="SDF", since="2019-03")
    page = query.list_events(db, f, res=res)
    assert [(e.doc_id, e.subtype) for e in page.items] == [("t1", "video")]
    assert page.items[0].targets[0].id == SDF and page.items[0].actors[0].name_en == "Islamic State"
    assert query.list_events(db, Filters(type="media_release", since="2019-04"), res=res).items == []


def test_query_place_governorate_includes_places_inside(db: Database, res: Resources) -> None:
    assert _docs(query.list_events(db, Filters(place="Deir ez-Zor"), res=res)) == ["t2", "t3"]
    assert _docs(query.list_events(db, Filters(place="دير الزور"), res=res)) == ["t2", "t3"]
    assert _docs(query.list_events(db, Filters(place=MAYADIN), res=res)) == ["t2"]
    got = query.list_events(db, Filters(place="Deir ez-Zor", type="attack", min_fatalities=4), res=res)
    assert _docs(got) == ["t2"]
    assert _docs(query.list_events(db, Filters(place="Raqqa"), res=res)) == ["t4"]


def test_query_unknown_entity_matches_nothing(db: Database, res: Resources) -> None:
    assert query.list_events(db, Filters(actor="no such group at all"), res=res).items == []


@pytest.mark.parametrize("q, expected_first, expected", [
    ("غزوة الثأر", "t1", {"t1", "t2", "t3"}),   # all words first, then any word
    ("غزوه الثار", "t1", {"t1", "t2", "t3"}),   # any spelling
    ('"غزوة للثأر"', None, {"t1", "t2"}),        # phrase: clitics ignored, so both docs match
    ("الثأر", None, {"t1", "t2", "t3"}),
    ("الرقة", "t4", {"t4"}),
])
def test_query_search_any_spelling(db: Database, res: Resources, q: str, expected_first: str | None,
                                   expected: set[str]) -> None:
    page = query.search(db, q, res=res)
    ids = [r.doc_id for r in page.items]
    assert set(ids) == expected
    if expected_first:
        assert ids[0] == expected_first
    assert all("<mark>" in r.snippet for r in page.items)


def test_query_search_results_carry_matching_events(db: Database, res: Resources) -> None:
    page = query.search(db, "داعش", Filters(type="attack", place="Deir ez-Zor"), res=res)
    assert [r.doc_id for r in page.items] == ["t2"]
    assert [e.type for e in page.items[0].events] == ["attack"]
    d = page.items[0].to_dict()
    assert d["doc_id"] == "t2" and d["events"][0]["places"][0]["id"] == MAYADIN and d["highlights"]


def test_query_pagination_visits_every_item_once(db: Database, res: Resources) -> None:
    seen: list[int] = []
    cursor = None
    while True:
        page = query.list_events(db, limit=1, cursor=cursor, res=res)
        seen += [e.id for e in page.items]
        cursor = page.next_cursor
        if not cursor:
            break
    assert len(seen) == len(set(seen)) == 4
    s1 = query.search(db, "الثأر", limit=2, res=res)
    s2 = query.search(db, "الثأر", limit=2, cursor=s1.next_cursor, res=res)
    assert len(s1.items) == 2 and len(s2.items) == 1 and not {r.doc for r in s1.items} & {r.doc for r in s2.items}


@pytest.mark.parametrize("call", [
    lambda db: query.list_events(db, Filters(since="March 2019")),
    lambda db: query.list_events(db, cursor="not-a-cursor"),
    lambda db: query.list_events(db, cursor="eyJiZWZvcmUiOiJ4In0"),  # {"before": "x"}
    lambda db: query.list_events(db, limit=0),
    lambda db: query.search(db, "   "),
    lambda db: query.search(db, '"'),
    lambda db: query.counts_by(db, "nonsense"),
    lambda db: query.counts_by(db, "type", "fortnight"),
])
def test_query_bad_input_raises_query_error(db: Database, res: Resources, call) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(QueryError):
        call(db)


def test_query_counts_timeline_and_registry(db: Database, res: Resources) -> None:
    by_type = {r.key: r.n for r in query.counts_by(db, "type", res=res)}
    assert by_type == {"attack": 3, "media_release": 1}
    by_actor = query.counts_by(db, "actor", "year", res=res)
    assert {(r.label, r.period, r.n) for r in by_actor} == {("Islamic State", "2018", 1), ("Islamic State", "2019", 2)}
    timeline = query.entity_timeline(db, "قسد", "month", res=res)
    assert {(r.key, r.period) for r in timeline} == {("media_release", "2019-03"), ("attack", "2019-04")}
    reg = query.release_registry(db, res=res)
    assert [(r.format, r.title, r.producers[0].id) for r in reg.items] == [("video", "غزوة الثأر", ISIS)]


def test_query_records_documents_entities_stories(db: Database, res: Resources) -> None:
    doc = query.get_document(db, "t2", res=res)
    assert doc.text and {e["id"] for e in doc.entities} == {ISIS, SDF, MAYADIN} and len(doc.events) == 1
    assert query.get_document(db, doc.id, res=res).doc_id == "t2"
    ent = query.get_entity(db, ISIS, res=res)
    assert ent.n_events == 3 and "داعش" in ent.aliases and ent.n_documents == 3
    assert [e.id for e in query.list_entities(db, "داع").items] == [ISIS]
    assert query.get_entity(db, DEIR, res=res).kind == "location"
    stories = query.list_stories(db, res=res)
    assert [s.story_id for s in stories.items] == ["story:a"]
    story = query.get_story(db, "story:a", res=res)
    assert story.n_docs == 2 and len(story.documents) == 2 and len(story.events) == 2
    assert query.list_stories(db, Filters(type="ied"), res=res).items == []
    assert [d.doc_id for d in query.list_documents(db, Filters(type="attack", min_fatalities=5), res=res).items] \
        == ["t4", "t2"]
    for call in (lambda: query.get_event(db, 10**9), lambda: query.get_document(db, "nope"),
                 lambda: query.get_entity(db, "wd:Qnope"), lambda: query.get_story(db, "story:nope")):
        with pytest.raises(NotFound):
            call()


def test_query_to_frame(db: Database, res: Resources) -> None:
    pytest.importorskip("pandas")
    df = query.list_events(db, res=res).to_frame()
    assert len(df) == 4 and "type" in df.columns and "date.start" in df.columns


def test_query_public_batch_entities_and_capped_counts(db: Database, res: Resources) -> None:
    got = query.get_entities(db, [ISIS, SDF, "wd:Q0", ISIS, ""])
    assert set(got) == {ISIS, SDF} and got[ISIS].name_en == "Islamic State" and got[ISIS].n_events is None
    ent = query.get_entity(db, ISIS, counts=False, res=res)
    assert "داعش" in ent.aliases and ent.n_events is None
    assert query.count_events(db, Filters(actor="داعش"), res=res) == (3, False)
    assert query.count_events(db, Filters(actor="داعش"), cap=2, res=res) == (2, True)
    assert query.count_events(db, Filters(actor="no such group"), cap=2, res=res) == (0, False)
    rows = query.count_recent(db, Filters(actor=ISIS), "type", window=1000, res=res)
    assert sum(r.n for r in rows) == 3 and all(r.period for r in rows)
    assert sum(r.n for r in query.count_recent(db, None, "actor", window=1, res=res)) <= 3
    with pytest.raises(QueryError):
        query.count_events(db, None, cap=0, res=res)
    with pytest.raises(QueryError):
        query.count_recent(db, None, "outlet", res=res)


@pytest.mark.parametrize("window", [1, 2, 1000])
def test_query_role_filter_walk_then_index_gives_the_same_pages(db: Database, res: Resources, window: int,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """SQLite walks the newest events first; whatever the window, pages equal the index-driven answer."""
    from rasid.store import queries as Q

    monkeypatch.setattr(Q, "WALK_MIN", window)
    monkeypatch.setattr(Q, "WALK_MAX", window)
    for f in (Filters(actor=ISIS), Filters(entity="SDF"), Filters(place="Deir ez-Zor", type="attack")):
        seen, cursor = [], None
        while True:
            page = query.list_events(db, f, limit=1, cursor=cursor, res=res)
            seen += [e.id for e in page.items]
            if page.next_cursor is None:
                break
            cursor = page.next_cursor
        with db.read() as conn:
            direct = [r[0] for r in Q._select_events(conn, query._where(db, f, res), None, 100, None)]  # type: ignore[arg-type]
        assert seen == direct and seen


def test_query_plans_use_the_role_and_type_indexes(tmp_path: Path, res: Resources) -> None:
    """SQLite's planner reads role filters from the covering index, search type filters from (doc, type)."""
    import sqlalchemy as sa

    with Database.open(tmp_path / "p.db") as db, db.read() as conn:
        ids = sa.bindparam("ids", expanding=True)
        plan = " ".join(str(r[3]) for r in conn.execute(sa.text(
            "EXPLAIN QUERY PLAN SELECT r.event_id FROM event_roles r WHERE r.entity_id IN :ids AND r.role = 'actor'"
        ).bindparams(ids), {"ids": [ISIS, SDF]}))
        assert "COVERING INDEX event_roles_entity_event" in plan
        plan = " ".join(str(r[3]) for r in conn.exec_driver_sql(
            "EXPLAIN QUERY PLAN SELECT 1 FROM documents d WHERE EXISTS"
            " (SELECT 1 FROM events e WHERE e.doc = d.id AND e.type IN ('attack'))"))
        assert "COVERING INDEX events_doc_type" in plan


def test_query_story_record_carries_provenance(tmp_path: Path, shared: Path) -> None:
    """get_story returns the merged story record: fields with their sources, independent outlets, conflicts."""
    from rasid import api
    from rasid.store.sql import Database
    from rasid.store.sqlite import SQLiteStore

    path = tmp_path / "stories.db"
    with SQLiteStore(path) as store:
        store.save_batch(api.extract_files([shared / "seeds"]), [], "test")
    db = Database(str(path))
    pair = next(s for s in query.list_stories(db).items if s.n_docs == 2)  # seeds 002 and 003: one speech
    assert pair.n_independent == 2 and pair.record is None  # lists stay light
    story = query.get_story(db, pair.story_id)
    assert story.record is not None and story.record["n_independent"] == 2
    assert {"fields", "conflicts", "first_reported", "last_reported"} <= set(story.record)
    assert len(story.documents) == 2
