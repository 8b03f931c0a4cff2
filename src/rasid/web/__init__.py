"""Rasid's web dashboard: ``rasid.web.router`` is mounted at "/" by ``rasid.rest.app.create_app``.

Pages: overview (charts, latest stories), events, stories, map, entities, release registry; in Arabic
and English. Needs the ``[web]`` extra (FastAPI, Jinja2, uvicorn). See docs/DASHBOARD.md.
"""
from __future__ import annotations

try:
    import fastapi  # noqa: F401
    import jinja2  # noqa: F401
except ImportError as _e:  # pragma: no cover - exercised only without the extra
    raise ImportError("the dashboard needs FastAPI and Jinja2: pip install 'rasid[web]'") from _e

from rasid.web.routes import router

__all__ = ["router"]
