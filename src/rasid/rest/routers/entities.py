"""/api/entities: search by name, one entity, its timeline."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response
from fastapi.responses import JSONResponse

from rasid import query
from rasid.rest.deps import DbDep, Fmt, PagingDep, ReadDep
from rasid.rest.render import list_response, page_response

router = APIRouter(tags=["entities"])


@router.get("/entities", summary="Entities whose name (any language, any spelling) starts with q")
def list_entities(db: DbDep, paging: PagingDep, _auth: ReadDep,
                  q: Annotated[str | None, Query(max_length=200)] = None,
                  kind: Annotated[str | None, Query(pattern="^(organization|person|location|media_outlet|platform"
                                                            "|publication)$")] = None,
                  format: Fmt = "json") -> Response:
    return page_response(query.list_entities(db, q, kind=kind, limit=paging.limit, cursor=paging.cursor), format)


@router.get("/entities/{entity_id}/timeline", summary="Events naming the entity, per period and type")
def timeline(db: DbDep, entity_id: str, _auth: ReadDep,
             period: Annotated[str, Query(pattern="^(year|month|day)$")] = "month",
             role: Annotated[str | None, Query(pattern="^(actor|target|speaker|place)$")] = None,
             format: Fmt = "json") -> Response:
    query.get_entity(db, entity_id)  # 404 for an unknown id
    return list_response(query.entity_timeline(db, entity_id, period, role=role), format)


@router.get("/entities/{entity_id}", summary="One entity with aliases and counts")
def get_entity(db: DbDep, entity_id: str, _auth: ReadDep) -> Response:
    return JSONResponse(query.get_entity(db, entity_id).to_dict())
