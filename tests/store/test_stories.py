"""Incremental stories in the store (issue 5): across runs, in any order, idempotent, with records."""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from rasid import api
from rasid.cli import cli
from rasid.model import CleanDoc, DateValue, Event, Extraction
from rasid.resources import Resources
from rasid.stages.stories import assign_stories, story_rules
from rasid.store.sql import Database
from rasid.store.sqlite import SQLiteStore
from rasid.store.stories import assign_and_record, read_story, stored_story_ids
from rasid.store.testing import pg_schema, pg_url

SEEDS = Path("/work/shared/seeds")
GOLD = Path(__file__).parents[1] / "gold"
_PG = pg_url()

TEXT = ("أعلنت وزارة الداخلية الكويتية ضبط شبكة إرهابية من خمسة مواطنين تنتمي إلى تنظيم داعش وقالت إن "
        "أفرادها كانوا يجمعون الأموال ويروجون لفكر التنظيم عبر شبكات التواصل الاجتماعي")
BOMB = ("قتل عشرة أشخاص على الأقل في تفجير سيارة مفخخة استهدف سوقا شعبية في مدينة الرقة صباح اليوم وتبنى "
        "تنظيم داعش الهجوم في بيان نشرته وكالة أعماق التابعة له بحسب مصادر محلية وشهود عيان في المدينة")
BOMB2 = ("تبنى تنظيم داعش تفجير سيارة مفخخة في سوق شعبية بمدينة الرقة أسفر عن مقتل اثني عشر مدنيا وإصابة "
         "آخرين وقال ناشطون إن الانفجار وقع في ساعة الذروة وإن فرق الدفاع المدني نقلت الجرحى إلى المستشفى")


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "postgresql":
        if _PG is None:
            pytest.skip("PostgreSQL tests need RASID_TEST_PG_URL (set by .ci/run); not in CI, so skipping")
        with pg_schema(_PG) as u:
            yield u
    else:
        yield str(tmp_path / "s.db")


def _ingest(runner: CliRunner, db: Path, *paths: Path) -> None:
    r = runner.invoke(cli, ["ingest", "--db", str(db), "--no-progress", *map(str, paths)])
    assert r.exit_code == 0, r.output


def _story_of(db: Path) -> dict[str, str]:
    with sqlite3.connect(db) as conn:
        return dict(conn.execute("SELECT doc_id, story_id FROM documents"))


def _snapshot(db: Path) -> list[object]:
    with sqlite3.connect(db) as conn:
        return [conn.execute(q).fetchall() for q in (
            "SELECT doc_id, story_id FROM documents ORDER BY id",
            "SELECT story_id, first_seen, last_seen, n_docs, record FROM stories ORDER BY story_id",
            "SELECT doc_key, story_id, features FROM story_docs ORDER BY id",
            "SELECT COUNT(*) FROM story_index")]


def _jsonl(tmp: Path, name: str, ids: list[str]) -> Path:
    """Input lines for corpus ids, rebuilt from ../shared/data (the repository keeps only the ids)."""
    from corpus_inputs import corpus_rows, input_line

    rows = corpus_rows()
    path = tmp / name
    path.write_text("".join(json.dumps(input_line(rows[i]), ensure_ascii=False) + "\n" for i in ids),
                    encoding="utf-8")
    return path


@pytest.mark.skipif(not SEEDS.exists(), reason="shared seeds not available")
@pytest.mark.parametrize("order", [("002", "003"), ("003", "002")])
def test_issue5_seed_pair_joins_across_ingest_runs(tmp_path: Path, order: tuple[str, str]) -> None:
    runner = CliRunner()
    files = {p.name[:3]: p for p in SEEDS.glob("00[23]_*.txt")}
    db = tmp_path / "r.db"
    _ingest(runner, db, files[order[0]])
    first = _snapshot(db)
    _ingest(runner, db, files[order[1]])
    ids = _story_of(db)
    assert ids["002_8a825199df394cb4"] == ids["003_bdff9d237a57b083"]
    with SQLiteStore(db) as store:
        (n_docs,) = store.connection.execute("SELECT n_docs FROM stories WHERE story_id = ?",
                                             (ids["002_8a825199df394cb4"],)).fetchone()
    assert n_docs == 2
    assert first[0][0][1] == ids["002_8a825199df394cb4"]  # the stored id is kept: the newcomer joins it
    after = _snapshot(db)
    _ingest(runner, db, files["002"], files["003"])  # re-ingest: nothing changes
    assert _snapshot(db) == after


@pytest.mark.parametrize("order", [0, 1])
def test_issue5_gold_pair_joins_across_runs_in_either_order(tmp_path: Path, order: int) -> None:
    pair = ["snn-2015-07-31-b7e49b2acf", "snn-2015-07-31-d2d6329d02"]  # kuwait-isis-cell-five-kuwaitis-2015-07-30
    if order:
        pair.reverse()
    runner = CliRunner()
    db = tmp_path / "g.db"
    _ingest(runner, db, _jsonl(tmp_path, "a.jsonl", pair[:1]))
    _ingest(runner, db, _jsonl(tmp_path, "b.jsonl", pair[1:]))
    ids = _story_of(db)
    assert ids[pair[0]] == ids[pair[1]]


def test_issue5_three_outlet_story_over_three_runs_matches_one_batch(tmp_path: Path) -> None:
    trio = ["SK-middleEast-1924-20180524", "CN-internationalNews-392-20180525", "FR-internationalNews-1429-20180525"]
    other = ["snn-2015-07-25-70fa80ecec"]
    runner = CliRunner()
    one, three = tmp_path / "one.db", tmp_path / "three.db"
    _ingest(runner, one, _jsonl(tmp_path, "all.jsonl", trio + other))
    for i, d in enumerate(reversed(trio + other)):
        _ingest(runner, three, _jsonl(tmp_path, f"{i}.jsonl", [d]))
    a, b = _story_of(one), _story_of(three)
    assert len({a[d] for d in trio}) == len({b[d] for d in trio}) == 1
    assert a[other[0]] != a[trio[0]] and b[other[0]] != b[trio[0]]


def _x(doc_id: str, text: str, outlet: str, fatalities: int, wires: tuple[str, ...] = (),
       published: str = "2019-03-19") -> Extraction:
    ev = Event("attack", "car_bomb", True, actors=("wd:Q2429253",), places=("geo:raqqa",),
               date=DateValue("2019-03-19", "2019-03-19", "day", "اليوم"), attributes={"fatalities": fatalities})
    return Extraction(CleanDoc(doc_id, "تفجير سيارة مفخخة في الرقة", text, outlet=outlet, wires=wires,
                               published=published), (), (ev,), content_hash=f"h-{doc_id}")


def test_issue5_story_record_keeps_conflicts_sources_and_independent_outlets(tmp_path: Path, res: Resources) -> None:
    a = _x("a", BOMB, "عنب بلدي", 10)
    b = _x("b", BOMB2 + " المصدر: رويترز", "الأيام", 12, wires=("Reuters",))
    c = _x("c", BOMB2.replace("ناشطون", "مراسلون") + " (رويترز)", "سكاي نيوز", 12, wires=("Reuters",))
    with SQLiteStore(tmp_path / "r.db") as store:
        store.save_batch(assign_stories([a], res), [], "one", story_rules=story_rules(res))
        store.save_batch(assign_stories([b, c], res), [], "two", story_rules=story_rules(res))
        (sid,) = {s for s, _ in stored_story_ids(store.connection, ["h-a", "h-b", "h-c"]).values()}
        row = store.connection.execute("SELECT n_docs, record, event_type, n_independent, n_conflicts FROM stories"
                                       " WHERE story_id = ?", (sid,)).fetchone()
        story, _ = read_story(store.connection, sid, story_rules(res))
    n_docs, record, event_type, n_independent, n_conflicts = row
    rec = json.loads(record)
    assert (n_docs, event_type, n_conflicts) == (3, "attack", 1) and story is not None
    fat = next(f for f in rec["fields"] if f["name"] == "fatalities")
    assert fat["conflict"] and fat["range"] == [10, 12] and rec["conflicts"] == ["fatalities"]
    claims = {c["value"]: (c["sources"], c["outlets"]) for c in fat["claims"]}
    assert claims == {10: (["a"], ["عنب بلدي"]), 12: (["b", "c"], ["الأيام", "سكاي نيوز"])}
    assert rec["n_independent"] == n_independent == 2  # two copies of one Reuters story count once
    assert rec["first_reported"] == rec["last_reported"] == "2019-03-19"
    assert [d["doc_id"] for d in rec["documents"]] == ["a", "b", "c"]


def test_issue5_documents_without_story_ids_are_stored_as_given(tmp_path: Path, res: Resources) -> None:
    with SQLiteStore(tmp_path / "r.db") as store:
        store.save_batch([_x("a", BOMB, "عنب بلدي", 10)], [], "raw", story_rules=story_rules(res))
        assert store.connection.execute("SELECT story_id FROM documents").fetchall() == [(None,)]
        assert store.count("story_docs") == store.count("stories") == 0


def test_issue5_assign_and_record_after_a_single_save(url: str, res: Resources) -> None:
    """The POST /api/documents path: db.save(x), then assign_and_record(db, x, res)."""
    a = _x("a", BOMB, "عنب بلدي", 10)
    b = _x("b", BOMB + " المصدر: رويترز", "الأيام", 12, wires=("Reuters",))
    other = Extraction(CleanDoc("k", "الكويت تضبط شبكة لداعش", TEXT, published="2019-03-19"), (), (),
                       content_hash="h-k")
    with Database.open(url) as db:
        sids = []
        for x in (a, b, other):
            db.save(x, source="api")
            sids.append(assign_and_record(db, x, res))
        assert sids[0] == sids[1] != sids[2]
        assert assign_and_record(db, b, res) == sids[0]  # idempotent
        with db.read() as conn:
            rows = dict(conn.execute(sa.text("SELECT doc_id, story_id FROM documents")).fetchall())
            n, rec = conn.execute(sa.text("SELECT n_docs, record FROM stories WHERE story_id = :s"),
                                  {"s": sids[0]}).one()
        assert rows == {"a": sids[0], "b": sids[0], "k": sids[2]} and n == 2
        assert json.loads(rec)["conflicts"] == ["fatalities"]


def test_issue5_database_save_batch_joins_across_runs_and_is_idempotent(url: str, res: Resources) -> None:
    a = _x("a", BOMB, "عنب بلدي", 10, published="2019-03-19")
    b = _x("b", BOMB2, "الأيام", 12, published="2019-03-20")
    with Database.open(url) as db:
        db.save_batch(assign_stories([b], res), [], "one", story_rules=story_rules(res))
        db.save_batch(assign_stories([a], res), [], "two", story_rules=story_rules(res))
        q = "SELECT story_id, first_seen, last_seen, n_docs, n_independent FROM stories ORDER BY story_id"
        with db.read() as conn:
            before = conn.execute(sa.text(q)).fetchall()
        db.save_batch(assign_stories([a, b], res), [], "again", story_rules=story_rules(res))
        with db.read() as conn:
            after = conn.execute(sa.text(q)).fetchall()
            ids = {r[0] for r in conn.execute(sa.text("SELECT story_id FROM documents"))}
    assert len(ids) == 1 and before == after and after[0][1:] == ("2019-03-19", "2019-03-20", 2, 2)


def test_issue5_demo_twice_keeps_story_ids(tmp_path: Path) -> None:
    runner = CliRunner()
    db = tmp_path / "demo.db"
    assert runner.invoke(cli, ["demo", "--db", str(db)]).exit_code == 0
    first = _snapshot(db)
    assert runner.invoke(cli, ["demo", "--db", str(db)]).exit_code == 0
    assert _snapshot(db) == first and first[0]


def test_issue5_api_extract_then_store_matches_the_batch(tmp_path: Path, res: Resources) -> None:
    """Ingesting a folder at once or file by file gives the same grouping of the seeds."""
    if not SEEDS.exists():
        pytest.skip("shared seeds not available")
    batch = api.extract_files([SEEDS], res=res)
    groups = {frozenset(x.clean.doc_id for x in batch if x.story_id == s) for s in {x.story_id for x in batch}}
    runner = CliRunner()
    db = tmp_path / "one-by-one.db"
    for p in sorted(SEEDS.iterdir(), reverse=True):
        _ingest(runner, db, p)
    ids = _story_of(db)
    assert {frozenset(d for d in ids if ids[d] == s) for s in set(ids.values())} == groups
