"""/api/stories: stories (documents reporting the same news) and one story."""
from __future__ import annotations

from fastapi import APIRouter, Response
from fastapi.responses import JSONResponse

from rasid import query
from rasid.rest.deps import DbDep, FiltersDep, Fmt, PagingDep, ReadDep
from rasid.rest.render import page_response

router = APIRouter(tags=["stories"])


@router.get("/stories", summary="Stories, most recent first; event filters keep stories with a matching event")
def list_stories(db: DbDep, f: FiltersDep, paging: PagingDep, _auth: ReadDep, format: Fmt = "json") -> Response:
    return page_response(query.list_stories(db, f, limit=paging.limit, cursor=paging.cursor), format)


@router.get("/stories/{story_id}", summary="One story with its documents and events")
def get_story(db: DbDep, story_id: str, _auth: ReadDep) -> Response:
    return JSONResponse(query.get_story(db, story_id).to_dict())
