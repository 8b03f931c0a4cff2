"""The FastAPI application: JSON API under /api, OpenAPI at /api/docs, dashboard (if installed) at /.

Every error is JSON ``{"error": message, "status": code}`` with the right status: 400 for a bad
filter or cursor, 401/403 for tokens, 404 for an unknown id, 422 for malformed parameters (with
``detail``), 503 when the database cannot be reached; never a bare 500 for bad input.
"""
from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from rasid import __version__ as _version
from rasid.config import Settings
from rasid.query import NotFound, QueryError
from rasid.rest.routers import documents, entities, events, export, health, search, stories
from rasid.store.sql import Database

log = logging.getLogger("rasid.rest")
API_PREFIX = "/api"


def _error(status: int, message: str, **extra: Any) -> JSONResponse:
    return JSONResponse({"error": message, "status": status, **extra}, status_code=status)


def create_app(settings: Settings | None = None, db: Database | None = None) -> FastAPI:
    """The app for ``settings`` (default: rasid.toml / environment); ``db`` overrides settings.db."""
    settings = settings or Settings.load()
    app = FastAPI(title="Rasid API", version=_version,
                  description="Events from Arabic news about extremism and armed conflict: search, filter, export.",
                  openapi_url=f"{API_PREFIX}/openapi.json", docs_url=f"{API_PREFIX}/docs", redoc_url=None)
    app.state.settings = settings
    app.state.db = db if db is not None else Database.open(settings.db)

    @app.exception_handler(QueryError)
    async def _bad_query(_r: Request, e: QueryError) -> JSONResponse:
        return _error(400, str(e))

    @app.exception_handler(NotFound)
    async def _not_found(_r: Request, e: NotFound) -> JSONResponse:
        return _error(404, str(e))

    @app.exception_handler(RequestValidationError)
    async def _invalid(_r: Request, e: RequestValidationError) -> JSONResponse:
        detail = [{"loc": list(err.get("loc", ())), "msg": err.get("msg", "")} for err in e.errors()]
        where = "; ".join(f"{'.'.join(str(x) for x in d['loc'])}: {d['msg']}" for d in detail[:5])
        return _error(422, f"invalid request: {where}", detail=detail)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_r: Request, e: StarletteHTTPException) -> JSONResponse:
        resp = _error(e.status_code, str(e.detail))
        for k, v in (e.headers or {}).items():
            resp.headers[k] = v
        return resp

    @app.exception_handler(Exception)
    async def _crash(_r: Request, e: Exception) -> JSONResponse:
        from sqlalchemy.exc import OperationalError

        if isinstance(e, OperationalError):
            log.error("database error: %s", e)
            return _error(503, "the database is not reachable or busy; try again")
        log.exception("internal error")
        return _error(500, f"internal error ({type(e).__name__}); please report it with the request")

    for module in (health, documents, events, entities, stories, search, export):
        app.include_router(module.router, prefix=API_PREFIX)
    web_router: Any = None
    try:
        from rasid.web import router as web_router  # the dashboard, built separately
    except ImportError:
        pass
    except Exception:  # a broken dashboard must not take the API down
        log.exception("the dashboard (rasid.web) failed to load; serving the API only")
    if web_router is not None:
        app.include_router(web_router)
    return app
