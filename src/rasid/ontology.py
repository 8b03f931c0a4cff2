"""The event ontology as data: ACLED and PLOVER labels for each contract type and subtype."""
from __future__ import annotations

from typing import Any

from rasid.resources import Resources


def _labels(res: Resources, typ: str, subtype: str | None, scheme: str) -> tuple[str | None, str | None]:
    types: dict[str, Any] = (res.rules.get("ontology") or {}).get("types", {})
    t = types.get(typ) or {}
    sub = (t.get("subtypes") or {}).get(subtype or "") or {}
    pair = sub.get(scheme) or t.get(scheme) or [None, None]
    return pair[0], pair[1]


def acled_labels(res: Resources, typ: str, subtype: str | None) -> tuple[str | None, str | None]:
    """ACLED (event_type, sub_event_type) of a Rasid event."""
    return _labels(res, typ, subtype, "acled")


def plover_labels(res: Resources, typ: str, subtype: str | None) -> tuple[str | None, str | None]:
    """PLOVER (event_type, mode) of a Rasid event, or (None, None) where PLOVER has no category."""
    return _labels(res, typ, subtype, "plover")
