"""/api/events, /api/events/counts, /api/events/{id}, /api/releases."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response
from fastapi.responses import JSONResponse

from rasid import query
from rasid.rest.deps import DbDep, FiltersDep, Fmt, PagingDep, ReadDep
from rasid.rest.render import list_response, page_response

router = APIRouter(tags=["events"])


@router.get("/events", summary="Events matching the filters, newest stored first")
def list_events(db: DbDep, f: FiltersDep, paging: PagingDep, _auth: ReadDep, format: Fmt = "json") -> Response:
    return page_response(query.list_events(db, f, limit=paging.limit, cursor=paging.cursor), format)


@router.get("/events/counts", summary="Event counts by type, subtype, actor, target, speaker, place or outlet")
def counts(db: DbDep, f: FiltersDep, _auth: ReadDep,
           by: Annotated[str, Query(pattern="^(type|subtype|actor|target|speaker|place|outlet)$")] = "type",
           period: Annotated[str | None, Query(pattern="^(year|month|day)$")] = None,
           top: Annotated[int, Query(ge=1, le=1000)] = 50, format: Fmt = "json") -> Response:
    return list_response(query.counts_by(db, by, period, f, top=top), format)


@router.get("/events/{event_id}", summary="One event with its roles, attributes and evidence")
def get_event(db: DbDep, event_id: int, _auth: ReadDep) -> Response:
    return JSONResponse(query.get_event(db, event_id).to_dict())


@router.get("/releases", summary="Registry of reported media releases (producer, format, title, issue, outlet)")
def releases(db: DbDep, f: FiltersDep, paging: PagingDep, _auth: ReadDep, format: Fmt = "json") -> Response:
    return page_response(query.release_registry(db, f, limit=paging.limit, cursor=paging.cursor), format)
