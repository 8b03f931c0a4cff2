"""Dependencies shared by the routers: the database, settings, tokens, filters, pagination, format."""
from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Header, HTTPException, Query, Request

from rasid.config import Settings
from rasid.query import Filters
from rasid.store.sql import Database, Token


def get_db(request: Request) -> Database:
    """The app's database (tests override this with ``app.dependency_overrides``)."""
    db: Database = request.app.state.db
    return db


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def _secret(authorization: str | None, x_api_key: str | None) -> str:
    if x_api_key:
        return x_api_key.strip()
    if authorization and authorization.lower().startswith("bearer "):
        return authorization[7:].strip()
    return ""


def require_read(db: Annotated[Database, Depends(get_db)], settings: Annotated[Settings, Depends(get_settings)],
                 authorization: Annotated[str | None, Header()] = None,
                 x_api_key: Annotated[str | None, Header()] = None) -> Token | None:
    """Reads are public unless ``public_reads = false``; then any live token is needed."""
    if settings.public_reads:
        return None
    token = db.check_token(_secret(authorization, x_api_key), "read")
    if token is None:
        raise HTTPException(401, "this server needs an API token for reads: send 'Authorization: Bearer TOKEN'"
                                 " (create one with 'rasid token create NAME')", headers={"WWW-Authenticate": "Bearer"})
    return token


def require_write(db: Annotated[Database, Depends(get_db)], authorization: Annotated[str | None, Header()] = None,
                  x_api_key: Annotated[str | None, Header()] = None) -> Token:
    """Writes always need a token with the write scope."""
    secret = _secret(authorization, x_api_key)
    token = db.check_token(secret, "write")
    if token is None:
        msg = ("this token cannot write (revoked, unknown or read-only)" if secret else
               "writing needs an API token: send 'Authorization: Bearer TOKEN' (create one with 'rasid token create')")
        raise HTTPException(401 if not secret else 403, msg, headers={"WWW-Authenticate": "Bearer"})
    return token


Date = Query(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$", description="YYYY, YYYY-MM or YYYY-MM-DD (inclusive)")


def filters(type: Annotated[str | None, Query(max_length=200, description="event type(s), comma-separated")] = None,
            subtype: Annotated[str | None, Query(max_length=200)] = None,
            actor: Annotated[str | None, Query(max_length=200, description="entity id or name, any language")] = None,
            target: Annotated[str | None, Query(max_length=200)] = None,
            speaker: Annotated[str | None, Query(max_length=200)] = None,
            place: Annotated[str | None, Query(max_length=200, description="place or governorate (includes places"
                                                                           " inside it)")] = None,
            entity: Annotated[str | None, Query(max_length=200, description="entity in any role")] = None,
            since: Annotated[str | None, Date] = None, until: Annotated[str | None, Date] = None,
            story: Annotated[str | None, Query(max_length=200)] = None,
            outlet: Annotated[str | None, Query(max_length=200)] = None,
            core: Annotated[bool | None, Query(description="only events reported as the news")] = None,
            min_fatalities: Annotated[float | None, Query(ge=0, le=1e9)] = None,
            text: Annotated[str | None, Query(max_length=500, description="full-text restriction")] = None) -> Filters:
    """The filters every list endpoint accepts (same names as the CLI options)."""
    return Filters(type=type, subtype=subtype, actor=actor, target=target, speaker=speaker, place=place,
                   entity=entity, since=since, until=until, story=story, outlet=outlet, core=core,
                   min_fatalities=min_fatalities, text=text)


class Paging:
    """``limit`` and ``cursor`` query parameters."""

    def __init__(self, limit: Annotated[int, Query(ge=1, le=1000, description="items per page")] = 50,
                 cursor: Annotated[str | None, Query(max_length=500, description="next_cursor of the previous"
                                                                                 " page")] = None) -> None:
        self.limit = limit
        self.cursor = cursor


Fmt = Annotated[str, Query(pattern="^(json|csv)$", description="json (default) or csv")]
FiltersDep = Annotated[Filters, Depends(filters)]
PagingDep = Annotated[Paging, Depends(Paging)]
DbDep = Annotated[Database, Depends(get_db)]
ReadDep = Annotated[Any, Depends(require_read)]
