"""Rasid's REST API (FastAPI): ``create_app(settings)``; run it with ``rasid serve``. Needs ``rasid[web]``."""
from __future__ import annotations

try:
    import fastapi  # noqa: F401
except ImportError as _e:  # pragma: no cover
    raise ImportError("the REST API needs FastAPI: pip install 'rasid[web]'") from _e

from rasid.rest.app import create_app

__all__ = ["create_app"]
