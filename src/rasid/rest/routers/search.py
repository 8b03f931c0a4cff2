"""/api/search: ranked full-text search in any spelling, with snippets and matching events."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response

from rasid import query
from rasid.rest.deps import DbDep, FiltersDep, Fmt, ReadDep
from rasid.rest.render import page_response

router = APIRouter(tags=["search"])


@router.get("/search", summary="Documents matching q (any spelling, clitics ignored), best first")
def search(db: DbDep, f: FiltersDep, _auth: ReadDep,
           q: Annotated[str, Query(min_length=1, max_length=500, description='words; "quoted phrase"')],
           limit: Annotated[int, Query(ge=1, le=200)] = 20,
           cursor: Annotated[str | None, Query(max_length=500)] = None, format: Fmt = "json") -> Response:
    return page_response(query.search(db, q, f, limit=limit, cursor=cursor), format)
