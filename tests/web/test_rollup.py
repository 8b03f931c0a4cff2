"""The dashboard's rollup tables give the same counts as the live queries, and stay right as documents arrive."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from rasid.store.sql import Database
from rasid.web.data import WebData
from rasid.web.filters import Filters
from rasid.web.rollup import Rollup

FILTERS = [Filters(), Filters(type="attack"), Filters(date_from="2019-03-01", date_to="2019-05-31"),
           Filters(date_from="2019-04-20"), Filters(type="media_release", date_to="2019-06"),
           Filters(actor="wd:Q2429253"), Filters(actor="wd:Q2429253", type="attack"), Filters(place="gn:170794")]


def _answers(data: WebData, f: Filters) -> tuple[object, ...]:
    places = sorted((p["id"], p["n"]) for p in data.map_places(f))
    return (data.counts_by_month(f, "type"), data.counts_by_month(f, "actor"), data.count_events(f), places)


@pytest.mark.parametrize("f", FILTERS, ids=lambda f: f.query() or "none")
def test_rollup_matches_live_counts(web_db: Path, tmp_path: Path, f: Filters) -> None:
    path = tmp_path / "copy.db"
    shutil.copy(web_db, path)
    with Database.open(path) as db:
        rollup = Rollup(db)
        assert rollup.refresh() > 0 and rollup.ready
        rolled, live = WebData(db, rollup=rollup), WebData(db)
        if rolled.is_summed(f):  # several entities summed: never fewer, same months and types
            a, b = rolled.counts_by_month(f, "type"), live.counts_by_month(f, "type")
            assert a["months"] == b["months"] and set(a["series"]) == set(b["series"])
            assert all(a["totals"][k] >= b["totals"][k] for k in b["totals"])
            assert rolled.count_events(f)[0] >= live.count_events(f)[0]
        else:
            assert _answers(rolled, f) == _answers(live, f)


def test_rollup_is_incremental(web_db: Path, tmp_path: Path) -> None:
    from rasid import api
    from rasid.store.sqlite import SQLiteStore

    more = [api.extract("أعلن تنظيم داعش مسؤوليته عن هجوم مسلح على حاجز لقوات سوريا الديمقراطية في دير الزور.",
                        title="هجوم جديد في دير الزور", published="2019-05-20", doc_id="more-1"),
            api.extract("اعتقلت القوات العراقية خلية لتنظيم داعش في الموصل.", title="اعتقال خلية",
                        published="2019-07-01", doc_id="more-2")]

    path = tmp_path / "copy.db"
    shutil.copy(web_db, path)
    with Database.open(path) as db:
        rollup = Rollup(db)
        rollup.refresh()
        with SQLiteStore(path) as store:
            store.save_batch(more, [], command="more")
        assert rollup.refresh() > 0
        assert rollup.refresh() == 0
        for f in FILTERS:
            if not WebData(db, rollup=rollup).is_summed(f):
                assert _answers(WebData(db, rollup=rollup), f) == _answers(WebData(db), f)
        rollup.rebuild()
        assert _answers(WebData(db, rollup=rollup), Filters()) == _answers(WebData(db), Filters())
