"""The dashboard's pages: one FastAPI router, server-rendered with Jinja2, mounted at "/" by ``create_app``.

Every page reads the shared filters from the URL, asks :mod:`rasid.web.data` for plain dicts and
renders a template. Responses carry a strict Content-Security-Policy (``script-src 'self'``, no
inline script or style) and the templates autoescape everything, so article text cannot run.
"""
from __future__ import annotations

import json
import mimetypes
import os
import threading
import time
from collections.abc import Callable, Coroutine
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote, urlparse

import jinja2
from fastapi import APIRouter, Depends, Request, Response
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
from fastapi.routing import APIRoute

from rasid.query import QueryError
from rasid.store.sql import Database
from rasid.web import render
from rasid.web.data import CHART_WINDOW, Cache, WebData
from rasid.web.filters import EVENT_TYPES, Filters
from rasid.web.i18n import CALENDARS, Translator, format_date, pick_lang
from rasid.web.rollup import Rollup

HERE = Path(__file__).parent
STATIC = HERE / "static"
PAGE_SIZE = 50
LANG_COOKIE, CAL_COOKIE = "rasid_lang", "rasid_cal"


def tile_url(request: Request) -> str:
    """An online tile layer URL template, only when configured (settings.tile_url or RASID_TILE_URL)."""
    settings = getattr(request.app.state, "settings", None)
    return str(getattr(settings, "tile_url", None) or os.environ.get("RASID_TILE_URL") or "")


def content_security_policy(tiles: str = "") -> str:
    """The dashboard's CSP: everything from this origin only; map tiles from their host when configured."""
    img = "'self' data:"
    if tiles:
        u = urlparse(tiles.replace("{s}", "a"))
        if u.scheme in ("http", "https") and u.hostname:
            img += f" {u.scheme}://{u.hostname.replace('a.', '*.', 1) if '{s}' in tiles else u.hostname}"
    return ("default-src 'self'; script-src 'self'; style-src 'self'; img-src " + img + "; font-src 'self';"
            " connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


class SecureRoute(APIRoute):
    """A route whose responses carry the dashboard's security headers."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def secured(request: Request) -> Response:
            start = time.perf_counter()
            try:
                response = await handler(request)
            except QueryError as e:
                response = _render(Page(request), "not_found.html", status=400, message=str(e))
            response.headers["Content-Security-Policy"] = content_security_policy(tile_url(request))
            response.headers["X-Content-Type-Options"] = "nosniff"
            response.headers["Referrer-Policy"] = "no-referrer"
            response.headers["X-Frame-Options"] = "DENY"
            response.headers["Server-Timing"] = f"app;dur={(time.perf_counter() - start) * 1000:.1f}"
            return response

        return secured


router = APIRouter(route_class=SecureRoute, include_in_schema=False)

_env = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"),
                          autoescape=jinja2.select_autoescape(["html", "svg", "xml"], default=True),
                          trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)


def _db_target(request: Request) -> str:
    state = request.app.state
    for holder in (state, getattr(state, "settings", None)):
        for name in ("db_path", "db_url", "database", "db"):
            value = getattr(holder, name, None) if holder is not None else None
            if isinstance(value, (str, Path)) and str(value):
                return str(value)
    return os.environ.get("RASID_DB", "rasid.db")


_open_lock = threading.Lock()


def get_web_data(request: Request) -> WebData:
    """The dashboard's reader over the app's database (``app.state.db`` if the app opened one).

    Tests override it with ``dependency_overrides``. The database and the aggregate cache are opened
    once per app and kept on ``app.state``.
    """
    state = request.app.state
    db = getattr(state, "db", None)
    if not isinstance(db, Database):
        with _open_lock:
            db = getattr(state, "web_db", None)
            if db is None:
                db = state.web_db = Database.open(_db_target(request))
    cache = getattr(state, "web_cache", None)
    if cache is None:
        cache = state.web_cache = Cache()
    rollup = getattr(state, "web_rollup", None)
    if rollup is None or rollup.db is not db:
        rollup = state.web_rollup = Rollup(db)
    rollup.ensure_fresh()
    return WebData(db, cache, rollup)


WebDataDep = Annotated[WebData, Depends(get_web_data)]


class Page:
    """What every template gets: translator, language, filters, and URL builders that keep them."""

    def __init__(self, request: Request) -> None:
        q = request.query_params
        self.request = request
        self.lang = pick_lang(q.get("lang"), request.cookies.get(LANG_COOKIE), request.headers.get("accept-language"))
        cal = q.get("cal") or request.cookies.get(CAL_COOKIE) or "gregorian"
        self.cal = cal if cal in CALENDARS else "gregorian"
        self.t = Translator(self.lang)
        self.filters = Filters.from_query(q)
        self.tiles = tile_url(request)

    def link(self, path: str, filters: Filters | None = None, **extra: Any) -> str:
        """A URL to ``path`` keeping the filters, language and calendar."""
        f = self.filters if filters is None else filters
        query = f.query(**extra, lang=self.lang, cal=self.cal if self.cal != "gregorian" else None)
        return f"{path}?{query}" if query else path

    def entity_url(self, entity_id: str) -> str:
        return self.link("/entities/" + quote(entity_id, safe=":"), Filters())

    def name(self, ent: dict[str, Any] | None) -> str:
        """An entity's name in the page language (falling back to the other one, then the id)."""
        if not ent:
            return ""
        first, second = ("name_ar", "name_en") if self.lang == "ar" else ("name_en", "name_ar")
        return str(ent.get(first) or ent.get(second) or ent.get("id") or "")

    def date(self, iso: str | None) -> str:
        return format_date(iso, self.lang, self.cal)

    def here(self, **changes: Any) -> str:
        """This page's URL with some parameters changed (language toggle, calendar, pagination)."""
        params = dict(self.request.query_params)
        params.update({k: v for k, v in changes.items() if v is not None})
        for k in [k for k, v in changes.items() if v is None]:
            params.pop(k, None)
        return self.request.url.path + ("?" + "&".join(f"{quote(k)}={quote(str(v))}" for k, v in params.items())
                                        if params else "")


def _render(page: Page, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    context.setdefault("options", [])
    context.setdefault("message", "")
    html = _env.get_template(template).render(page=page, t=page.t, f=page.filters, event_types=EVENT_TYPES,
                                              render=render, **context)
    response = HTMLResponse(html, status_code=status)
    q = page.request.query_params
    if q.get("lang") == page.lang:
        response.set_cookie(LANG_COOKIE, page.lang, max_age=365 * 86400, samesite="lax", httponly=True)
    if q.get("cal") == page.cal:
        response.set_cookie(CAL_COOKIE, page.cal, max_age=365 * 86400, samesite="lax", httponly=True)
    return response


def _cursor(request: Request) -> str | None:
    value = request.query_params.get("cursor") or None
    return value[:200] if value else None


def _not_found(page: Page) -> HTMLResponse:
    return _render(page, "not_found.html", status=404)


@router.get("/", response_class=HTMLResponse)
def overview(request: Request, data: WebDataDep) -> HTMLResponse:
    page = Page(request)
    by_type = data.counts_by_month(page.filters, "type")
    by_actor = data.counts_by_month(page.filters, "actor")
    actor_names = data.entities(k for k in by_actor["series"] if k != "_other")
    other = "أخرى" if page.lang == "ar" else "Other"
    charts = {
        "type": render.stacked_chart(by_type, page.t.type_name, page.t("undated")),
        "actor": render.stacked_chart(
            by_actor, lambda k: other if k == "_other" else page.name(actor_names.get(k) or {"id": k}),
            page.t("undated")),
    }
    stories, _ = data.list_stories(page.filters, limit=8)
    windowed = data.chart_is_windowed(page.filters, "type") or data.chart_is_windowed(page.filters, "actor")
    return _render(page, "overview.html", totals=data.totals(), charts=charts, stories=stories,
                   windowed=windowed, window=CHART_WINDOW, summed=data.is_summed(page.filters),
                   options=data.entity_options())


@router.get("/events", response_class=HTMLResponse)
def events(request: Request, data: WebDataDep) -> HTMLResponse:
    page = Page(request)
    rows, nxt = data.list_events(page.filters, PAGE_SIZE, _cursor(request))
    total, capped = data.count_events(page.filters)
    return _render(page, "events.html", events=rows, total=total, capped=capped, next_cursor=nxt,
                   summed=data.is_summed(page.filters),
                   options=data.entity_options())


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event(request: Request, event_id: str, data: WebDataDep) -> HTMLResponse:
    page = Page(request)
    ev = data.get_event(int(event_id)) if event_id.isdigit() else None
    if ev is None:
        return _not_found(page)
    full = f"{ev['title']}\n\n{ev['text']}" if ev["title"] else ev["text"]
    paragraphs = render.evidence_paragraphs(full, ev["evidence"])
    for other in ev["corroboration"]:
        ofull = f"{other['title']}\n\n{other['text']}" if other["title"] else other["text"]
        other["paragraphs"] = render.evidence_paragraphs(ofull, other["evidence"])
    return _render(page, "event.html", ev=ev, evidence=paragraphs)


@router.get("/stories", response_class=HTMLResponse)
def stories(request: Request, data: WebDataDep) -> HTMLResponse:
    page = Page(request)
    rows, nxt = data.list_stories(page.filters, PAGE_SIZE, _cursor(request))
    return _render(page, "stories.html", stories=rows, next_cursor=nxt, options=data.entity_options())


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story(request: Request, story_id: str, data: WebDataDep) -> HTMLResponse:
    page = Page(request)
    s = data.get_story(story_id)
    if s is None:
        return _not_found(page)
    for ev in s["events"]:
        full = f"{ev['title']}\n\n{ev['text']}" if ev["title"] else ev["text"]
        ev["paragraphs"] = render.evidence_paragraphs(full, ev["evidence"])
    return _render(page, "story.html", story=s)


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request, data: WebDataDep) -> HTMLResponse:
    page = Page(request)
    places = data.map_places(page.filters)
    return _render(page, "map.html", places=places, options=data.entity_options(),
                   points_url="/map/points.json?" + page.filters.query(lang=page.lang))


@router.get("/map/points.json")
def map_points(request: Request, data: WebDataDep) -> JSONResponse:
    """Geocoded places of the filtered events, for the map's markers (same filters as the pages)."""
    page = Page(request)
    places = data.map_places(page.filters)
    return JSONResponse({"places": [
        {"id": p["id"], "name": page.name(p), "lat": p["lat"], "lon": p["lon"], "n": p["n"],
         "events_url": page.link("/events", page.filters.without("place"), place=p["id"]),
         "entity_url": page.entity_url(p["id"])} for p in places]})


@router.get("/entities", response_class=HTMLResponse)
def entities(request: Request, data: WebDataDep) -> HTMLResponse:
    page = Page(request)
    text = " ".join((request.query_params.get("name") or "").split())[:200]
    return _render(page, "entities.html", results=data.search_entities(text, 100), name=text)


@router.get("/entities/{entity_id:path}", response_class=HTMLResponse)
def entity(request: Request, entity_id: str, data: WebDataDep) -> HTMLResponse:
    page = Page(request)
    ent = data.get_entity(entity_id)
    if ent is None:
        return _not_found(page)
    f = page.filters
    # three independent reads: run them side by side (SQLite readers do not block each other)
    with ThreadPoolExecutor(3) as pool:
        releases = pool.submit(data.releases, f, entity_id, 200)
        threats = pool.submit(data.entity_events, entity_id, f, ("threat",), "actor", 50)
        timeline = pool.submit(data.entity_events, entity_id, f, (), None, 100)
        return _render(page, "entity.html", ent=ent,
                       releases=render.group_releases(releases.result()[0], page.t("unknown")),
                       threats=threats.result(), timeline=timeline.result())


@router.get("/releases", response_class=HTMLResponse)
def releases(request: Request, data: WebDataDep) -> HTMLResponse:
    page = Page(request)
    rows, nxt = data.releases(page.filters, limit=300, cursor=_cursor(request))
    return _render(page, "releases.html", groups=render.group_releases(rows, page.t("unknown")), total=len(rows),
                   next_cursor=nxt, options=data.entity_options())


@router.get("/static/{path:path}")
def static(path: str) -> Response:
    """Bundled CSS, JS, fonts, vendored libraries and the offline base map (no CDN)."""
    target = (STATIC / path).resolve()
    if not target.is_file() or STATIC.resolve() not in target.parents:
        return Response("not found", status_code=404, media_type="text/plain")
    media = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
    if target.suffix == ".geojson":
        media = "application/geo+json"
    return FileResponse(target, media_type=media, headers={"Cache-Control": "public, max-age=3600"})


def outline_summary() -> dict[str, int]:
    """How many country and admin-1 features the bundled base map holds (for docs and tests)."""
    fc = json.loads((STATIC / "geo" / "outlines.geojson").read_text("utf-8"))
    out: dict[str, int] = {}
    for feat in fc["features"]:
        out[feat["properties"]["layer"]] = out.get(feat["properties"]["layer"], 0) + 1
    return out
