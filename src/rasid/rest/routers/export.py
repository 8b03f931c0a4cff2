"""/api/export: every matching event as JSONL, ACLED-style CSV, GeoJSON or a STIX 2.1 bundle (streamed)."""
from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.responses import StreamingResponse

from rasid import query
from rasid.api import load_resources
from rasid.export.acled import ACLED_COLUMNS, acled_row, geojson_feature, stix_objects
from rasid.rest.deps import DbDep, FiltersDep, ReadDep
from rasid.rest.render import csv_text
from rasid.store.sql import Database

router = APIRouter(tags=["export"])
_MEDIA = {"jsonl": "application/x-ndjson", "acled": "text/csv; charset=utf-8", "geojson": "application/geo+json",
          "stix": "application/stix+json;version=2.1"}


def _events(db: Database, f: query.Filters, max_events: int) -> Iterator[query.EventRecord]:
    cursor = None
    n = 0
    while n < max_events:
        page = query.list_events(db, f, limit=min(1000, max_events - n), cursor=cursor)
        yield from page.items
        n += len(page.items)
        if not page.next_cursor:
            return
        cursor = page.next_cursor


def _places() -> dict[str, Any]:
    res = load_resources()
    return {e.id: {"lat": e.lat, "lon": e.lon, "country": e.country, "admin1": e.admin1, "precision": e.precision}
            for e in res.entries.values() if e.kind == "location"}


@router.get("/export", summary="Export events: jsonl, acled (CSV in ACLED's columns), geojson, stix")
def export(db: DbDep, f: FiltersDep, _auth: ReadDep,
           format: Annotated[str, Query(pattern="^(jsonl|acled|geojson|stix)$")] = "jsonl",
           max_events: Annotated[int, Query(ge=1, le=1_000_000)] = 100_000) -> StreamingResponse:
    query.list_events(db, f, limit=1)  # bad filters fail here, as a 400, before streaming starts
    places = _places()

    def body() -> Iterator[str]:
        events = _events(db, f, max_events)
        if format == "jsonl":
            for ev in events:
                yield json.dumps(ev.to_dict(), ensure_ascii=False) + "\n"
        elif format == "acled":
            yield csv_text([], ACLED_COLUMNS)
            for ev in events:
                yield csv_text([acled_row(ev, places)], ACLED_COLUMNS).split("\n", 1)[1]
        elif format == "geojson":
            yield '{"type": "FeatureCollection", "features": ['
            first = True
            for ev in events:
                feat = geojson_feature(ev, places)
                if feat is not None:
                    yield ("" if first else ",") + json.dumps(feat, ensure_ascii=False)
                    first = False
            yield "]}\n"
        else:
            yield '{"type": "bundle", "id": "bundle--00000000-0000-4000-8000-000000000000", "objects": ['
            seen: set[str] = set()
            first = True
            for ev in events:
                for obj in stix_objects(ev):
                    if obj["id"] in seen:
                        continue
                    seen.add(obj["id"])
                    yield ("" if first else ",") + json.dumps(obj, ensure_ascii=False)
                    first = False
            yield "]}\n"

    ext = {"jsonl": "jsonl", "acled": "csv", "geojson": "geojson", "stix": "json"}[format]
    return StreamingResponse(body(), media_type=_MEDIA[format],
                             headers={"Content-Disposition": f'attachment; filename="rasid-events.{ext}"'})
