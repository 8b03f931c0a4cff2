"""Every CLI command, REST route and config key is documented in README.md or docs/*.md (datasette).

A failure lists what is undocumented: add it to the README or the docs page of its area.
"""
from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import click
import pytest

ROOT = Path(__file__).resolve().parents[1]


def _docs() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))])


def _commands(group: click.Group, prefix: str = "rasid") -> list[str]:
    out = []
    for name, cmd in sorted(group.commands.items()):
        if cmd.hidden:
            continue
        out.append(f"{prefix} {name}")
        if isinstance(cmd, click.Group):
            out += _commands(cmd, f"{prefix} {name}")
    return out


def test_docs_every_cli_command_is_documented() -> None:
    from rasid.cli import cli

    text = _docs()
    commands = _commands(cli)
    assert len(commands) >= 10
    missing = [c for c in commands if not re.search(re.escape(c) + r"(?![\w-])", text)]
    assert not missing, f"CLI commands not in README.md or docs/*.md: {missing}"


def test_docs_every_rest_route_is_documented(tmp_path: Path) -> None:
    pytest.importorskip("fastapi")
    from fastapi.routing import APIRoute

    from rasid.config import Settings
    from rasid.rest.app import create_app

    app = create_app(Settings(db=str(tmp_path / "d.db")))
    text = _docs()
    # the API from its OpenAPI schema (what clients see), the dashboard from its router
    routes = {(m.upper(), path) for path, ops in app.openapi()["paths"].items() for m in ops}
    try:
        from rasid.web import router as web_router
    except ImportError:
        web_router = None
    if web_router is not None:
        routes |= {(m, r.path) for r in web_router.routes if isinstance(r, APIRoute) for m in r.methods - {"HEAD"}}
    assert sum(p.startswith("/api/") for _, p in routes) >= 10

    def documented(method: str, path: str) -> bool:
        # a path parameter may be written by any name: /api/events/{id} documents /api/events/{event_id}
        pattern = re.escape(path)
        pattern = re.sub(r"\\\{[^}]*\\\}", r"\\{[^}]+\\}", pattern)
        if path.startswith("/api/"):
            return re.search(rf"`{method} {pattern}(?:[?`\s]|$)", text) is not None or \
                re.search(rf"{method} {pattern}(?:[?`\s]|$)", text) is not None
        return re.search(rf"`{pattern}(?:[`?\s]|$)", text) is not None  # dashboard pages: their path

    missing = [f"{m} {p}" for m, p in routes if not documented(m, p)]
    assert not missing, f"routes not in README.md or docs/*.md: {missing}"


def test_docs_every_config_key_is_documented() -> None:
    from rasid.config import Settings

    text = _docs()
    keys = [f.name for f in dataclasses.fields(Settings)] if dataclasses.is_dataclass(Settings) else \
        list(Settings.model_fields)  # type: ignore[attr-defined]
    assert keys
    missing = [k for k in keys if not re.search(rf"`(?:\w+\.)?{re.escape(k)}`", text)]
    assert not missing, f"config keys (rasid.toml / Settings) not in README.md or docs/*.md: {missing}"
