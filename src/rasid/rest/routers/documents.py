"""/api/documents: list, one document, and POST to ingest an article (token with write scope)."""
from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from rasid import api, query
from rasid.rest.deps import DbDep, FiltersDep, Fmt, PagingDep, ReadDep, require_write
from rasid.store.stories import assign_and_record

router = APIRouter(tags=["documents"])


class Article(BaseModel):
    """An article to ingest: text (and title) as strings, like one line of JSONL input."""

    text: str = Field(min_length=1, max_length=2_000_000)
    title: str = Field("", max_length=2000)
    published: str | None = Field(None, pattern=r"^\d{4}-\d{2}-\d{2}")
    outlet: str | None = Field(None, max_length=200)
    url: str | None = Field(None, max_length=2000)
    doc_id: str | None = Field(None, max_length=200)


@router.get("/documents", summary="Documents (newest stored first); event filters keep documents with a match")
def list_documents(db: DbDep, f: FiltersDep, paging: PagingDep, _auth: ReadDep, format: Fmt = "json") -> Response:
    from rasid.rest.render import page_response

    return page_response(query.list_documents(db, f, limit=paging.limit, cursor=paging.cursor), format)


@router.get("/documents/{key}", summary="One document (numeric id or doc_id) with entities and events")
def get_document(db: DbDep, key: str, _auth: ReadDep) -> Response:
    return JSONResponse(query.get_document(db, key).to_dict())


@router.post("/documents", status_code=201, summary="Extract and store one article (idempotent on content)")
def post_document(db: DbDep, article: Article, _token: Annotated[Any, Depends(require_write)]) -> Response:
    res = api.load_resources()
    x = api.extract(article.text, title=article.title, published=article.published, outlet=article.outlet,
                    url=article.url, doc_id=article.doc_id or "api", res=res)
    if not article.doc_id:
        from dataclasses import replace

        x = replace(x, clean=replace(x.clean, doc_id=f"api-{x.content_hash[:16]}"))
    is_new, doc = db.save(x, source="api")
    # joins a stored story (same news from another outlet) or starts one; idempotent for a re-post
    story_id = assign_and_record(db, x, res)
    body = {"doc": doc, "doc_id": query.get_document(db, doc).doc_id, "is_new": is_new, "story_id": story_id,
            "events": len(x.events), "entities": len(x.entities)}
    return JSONResponse(body, status_code=201 if is_new else 200)
