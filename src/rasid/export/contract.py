"""Contract-v1 JSON records (../shared/contract/README.md) from Extraction records."""
from __future__ import annotations

from typing import Any

from rasid.model import DateValue, Entity, Event, Extraction

CONTRACT_VERSION = "1"


def entity_to_dict(e: Entity) -> dict[str, Any]:
    d: dict[str, Any] = {"id": e.id, "kind": e.kind, "name_en": e.name_en, "name_ar": e.name_ar,
                         "names": list(e.names), "mentions": [list(m) for m in e.mentions]}
    if e.kind == "location":
        for key in ("lat", "lon", "country", "admin1", "precision"):
            value = getattr(e, key)
            if value is not None:
                d[key] = value
    if e.parent:
        d["parent"] = e.parent
    return d


def date_to_dict(d: DateValue | None) -> dict[str, Any] | None:
    if d is None:
        return None
    out: dict[str, Any] = {"start": d.start, "end": d.end, "precision": d.precision, "text": d.text}
    if d.is_inferred:
        out["inferred"] = True
    return out


def event_to_dict(e: Event) -> dict[str, Any]:
    return {
        "type": e.type, "subtype": e.subtype, "core": e.core, "date": date_to_dict(e.date),
        "actors": list(e.actors), "targets": list(e.targets), "speakers": list(e.speakers), "places": list(e.places),
        "attributes": dict(e.attributes), "evidence": [list(s) for s in e.evidence],
        "confidence": round(e.confidence, 3), "summary": e.summary,
    }


def to_contract(x: Extraction) -> dict[str, Any]:
    """One JSONL line of ``rasid extract`` output."""
    c = x.clean
    return {
        "doc_id": c.doc_id, "title": c.title, "text": c.text, "outlet": c.outlet, "wires": list(c.wires),
        "published": c.published, "language": c.language, "story_id": x.story_id,
        "entities": [entity_to_dict(e) for e in x.entities], "events": [event_to_dict(e) for e in x.events],
    }
