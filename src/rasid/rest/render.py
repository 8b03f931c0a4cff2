"""Responses in JSON or CSV from query records (no SQL, no business logic)."""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import Any

from fastapi import Response
from fastapi.responses import JSONResponse

from rasid.query import Page


def flatten(d: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """Nested dicts to dotted keys; lists of entity refs to ';'-joined names, other lists to JSON."""
    out: dict[str, Any] = {}
    for k, v in d.items():
        key = f"{prefix}{k}"
        if isinstance(v, dict):
            out.update(flatten(v, key + "."))
        elif isinstance(v, list):
            if v and all(isinstance(x, dict) and "id" in x and "name_en" in x for x in v):
                out[key] = "; ".join(str(x.get("name_en") or x["id"]) for x in v)
                out[key + "_ids"] = "; ".join(str(x["id"]) for x in v)
            else:
                out[key] = json.dumps(v, ensure_ascii=False)
        else:
            out[key] = v
    return out


def csv_text(rows: Iterable[dict[str, Any]], columns: Iterable[str] | None = None) -> str:
    rows = list(rows)
    cols = list(columns) if columns else list(dict.fromkeys(k for r in rows for k in r))
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=cols, extrasaction="ignore")
    w.writeheader()
    w.writerows(rows)
    return buf.getvalue()


def page_response(page: Page[Any], fmt: str = "json") -> Response:
    """A page as JSON ``{"items": [...], "next_cursor": ...}`` or CSV (cursor in the X-Next-Cursor header)."""
    headers = {"X-Next-Cursor": page.next_cursor} if page.next_cursor else {}
    if fmt == "csv":
        text = csv_text(flatten(i.to_dict()) for i in page.items)
        return Response(text, media_type="text/csv; charset=utf-8", headers=headers)
    return JSONResponse(page.to_dict(), headers=headers)


def list_response(items: list[Any], fmt: str = "json") -> Response:
    if fmt == "csv":
        return Response(csv_text(flatten(i.to_dict()) for i in items), media_type="text/csv; charset=utf-8")
    return JSONResponse({"items": [i.to_dict() for i in items]})
