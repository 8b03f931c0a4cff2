"""Settings for the database, the REST API and search, from ``rasid.toml``, the environment, or code.

Precedence: keyword overrides (CLI options) > environment (``RASID_DB``, ``RASID_HOST``,
``RASID_PORT``, ``RASID_PUBLIC_READS``) > ``rasid.toml`` (``--config``, ``RASID_CONFIG`` or
./rasid.toml) > defaults. Every key is documented in the commented ``rasid.toml`` at the
repository root and in docs/API.md.

>>> Settings().db
'rasid.db'
>>> Settings.load(path=None, env={"RASID_PUBLIC_READS": "false"}).public_reads
False
"""
from __future__ import annotations

import dataclasses
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rasid.errors import RasidError


class ConfigError(RasidError):
    """A setting has a wrong name or type."""


@dataclass(frozen=True)
class Settings:
    """Where the database is, how the API listens, and who may read it."""

    db: str = "rasid.db"  # SQLite file, or postgresql://user:password@host/dbname
    host: str = "127.0.0.1"
    port: int = 8000
    public_reads: bool = True  # false: every request needs a token (read or write scope)
    page_size: int = 50  # default number of items per page
    max_page_size: int = 1000

    @classmethod
    def load(cls, path: str | Path | None = "rasid.toml", env: Mapping[str, str] | None = None,
             **overrides: Any) -> Settings:
        """Defaults, then the TOML file (if it exists), then the environment, then ``overrides``."""
        env = os.environ if env is None else env
        values: dict[str, Any] = {}
        path = env.get("RASID_CONFIG", path) if path == "rasid.toml" else path
        if path is not None and Path(path).is_file():
            try:
                data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
            except tomllib.TOMLDecodeError as e:
                raise ConfigError(f"{path}: not valid TOML ({e})") from e
            for section in ("database", "server", "api"):
                values.update(data.get(section, {}))
        for field in dataclasses.fields(cls):
            key = "RASID_" + field.name.upper()
            if key in env:
                values[field.name] = env[key]
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**_typed(values))


def _typed(values: dict[str, Any]) -> dict[str, Any]:
    fields = {f.name: f for f in dataclasses.fields(Settings)}
    out: dict[str, Any] = {}
    for k, v in values.items():
        if k not in fields:
            raise ConfigError(f"unknown setting {k!r}; known: {', '.join(fields)}")
        kind = type(getattr(Settings(), k))
        try:
            if kind is bool and isinstance(v, str):
                if v.lower() not in ("1", "0", "true", "false", "yes", "no"):
                    raise ValueError(v)
                v = v.lower() in ("1", "true", "yes")
            out[k] = kind(v)
        except (TypeError, ValueError) as e:
            raise ConfigError(f"setting {k!r} must be {kind.__name__}, got {v!r}") from e
    return out
