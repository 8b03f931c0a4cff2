"""The filters every dashboard page shares, read from and written back to the URL query string.

>>> f = Filters.from_query({"type": "attack", "from": "2019-01-01", "q": " داعش ", "bogus": "x"})
>>> f.type, f.date_from, f.q
('attack', '2019-01-01', 'داعش')
>>> f.query()
'type=attack&from=2019-01-01&q=%D8%AF%D8%A7%D8%B9%D8%B4'
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from typing import Any, ClassVar
from urllib.parse import urlencode

EVENT_TYPES = ("media_release", "threat", "attack", "execution", "military_operation", "territorial_change",
               "arrest", "leadership_change")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_MAX = 200  # longest accepted value: filters are short; anything longer is cut


@dataclass(frozen=True)
class Filters:
    """type, actor, target, place (entity id or name), date range (ISO) and a text query."""

    type: str = ""
    actor: str = ""
    target: str = ""
    place: str = ""
    date_from: str = ""
    date_to: str = ""
    q: str = ""

    _URL: ClassVar[dict[str, str]] = {"date_from": "from", "date_to": "to"}

    @classmethod
    def from_query(cls, params: Mapping[str, str]) -> Filters:
        """Parse URL parameters; unknown types and malformed dates are ignored, never an error."""
        values: dict[str, str] = {}
        for f in fields(cls):
            raw = params.get(cls._URL.get(f.name, f.name)) or ""
            values[f.name] = " ".join(str(raw).split())[:_MAX]
        if values["type"] not in EVENT_TYPES:
            values["type"] = ""
        for key in ("date_from", "date_to"):
            if not _DATE.match(values[key]):
                values[key] = ""
        return cls(**values)

    def items(self) -> list[tuple[str, str]]:
        """(URL name, value) of the filters that are set, in a stable order."""
        return [(self._URL.get(f.name, f.name), getattr(self, f.name)) for f in fields(self) if getattr(self, f.name)]

    def query(self, **extra: Any) -> str:
        """The URL query string for these filters plus ``extra`` (``None`` values left out)."""
        pairs = self.items() + [(k, str(v)) for k, v in extra.items() if v not in (None, "")]
        return urlencode(pairs)

    def without(self, name: str) -> Filters:
        """The same filters with one (by URL name) cleared."""
        attr = {v: k for k, v in self._URL.items()}.get(name, name)
        return replace(self, **{attr: ""})

    @property
    def is_empty(self) -> bool:
        return not self.items()
