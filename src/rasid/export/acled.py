"""Event exports in other tools' shapes: ACLED-style CSV rows, GeoJSON features, STIX 2.1 objects.

The type mapping is data (``data/rules/ontology.json``, read through ``rasid.ontology``): contract
type/subtype -> ACLED event_type/sub_event_type and PLOVER type/mode; ACLED's disorder_type follows
from the event_type. Functions take records of
``rasid.query`` and return plain dicts, so the CLI, REST API and dashboard share them.
"""
from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rasid.resources import Resources

ACLED_COLUMNS = ("event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
                 "sub_event_type", "actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "civilian_targeting",
                 "iso", "country", "admin1", "location", "latitude", "longitude", "geo_precision", "source", "notes",
                 "fatalities", "tags", "plover_type", "plover_mode", "rasid_type", "rasid_subtype", "rasid_event_id",
                 "doc_id", "url")
_PRECISION = {"day": 1, "weekday": 1, "month": 2, "year": 3}
_NS = uuid.UUID("6f1e3b8a-6c1d-4a55-9b3e-5ad1d0a0c0de")  # fixed namespace: stable STIX ids across exports


def mapping(type_: str, subtype: str | None, res: Resources | None = None) -> dict[str, Any]:
    """ACLED (event_type, sub_event_type, disorder_type) and PLOVER (type, mode) of a type/subtype.

    >>> mapping("attack", "car_bomb")["acled"][1]
    'Remote explosive/landmine/IED'
    """
    from rasid.api import load_resources
    from rasid.ontology import acled_labels, plover_labels

    r = res or load_resources()
    event_type, sub_event_type = acled_labels(r, type_, subtype)
    disorder = "Strategic developments" if event_type == "Strategic developments" else "Political violence"
    return {"acled": [event_type or "", sub_event_type or "", disorder if event_type else ""],
            "plover": list(plover_labels(r, type_, subtype))}


def _first_place(ev: Any, places: dict[str, Any]) -> dict[str, Any]:
    for p in ev.places:
        if p.id in places:
            found: dict[str, Any] = places[p.id]
            return found
    return {}


def _names(refs: Any) -> str:
    return "; ".join(r.name_en or r.id for r in refs)


def acled_row(ev: Any, places: dict[str, Any]) -> dict[str, Any]:
    """One ACLED-style row for an EventRecord; ``places`` maps place ids to KB rows (lat, lon, admin1...)."""
    m = mapping(ev.type, ev.subtype)
    date = (ev.date or {}).get("start") or ev.published or ""
    if date.startswith("-"):
        date = ev.published or ""
    p = _first_place(ev, places)
    fat = ev.attributes.get("fatalities")
    return {
        "event_id_cnty": f"RSD{ev.id}", "event_date": date, "year": date[:4],
        "time_precision": _PRECISION.get((ev.date or {}).get("precision") or "", 3),
        "disorder_type": m["acled"][2], "event_type": m["acled"][0], "sub_event_type": m["acled"][1],
        "actor1": ev.actors[0].name_en if ev.actors else "", "assoc_actor_1": _names(ev.actors[1:]),
        "actor2": ev.targets[0].name_en if ev.targets else "", "assoc_actor_2": _names(ev.targets[1:]),
        "civilian_targeting": "Civilian targeting" if m["acled"][0] == "Violence against civilians" else "",
        "iso": p.get("country") or "", "country": p.get("country") or "", "admin1": p.get("admin1") or "",
        "location": ev.places[0].name_en if ev.places else "", "latitude": p.get("lat", ""),
        "longitude": p.get("lon", ""), "geo_precision": {"place": 1, "admin2": 2, "admin1": 2}.get(
            p.get("precision") or "", 3) if p else "",
        "source": ev.outlet or "", "notes": ev.summary, "fatalities": fat if isinstance(fat, int | float) else 0,
        "tags": "claimed" if ev.attributes.get("claimed") else "", "plover_type": m["plover"][0] or "",
        "plover_mode": m["plover"][1] or "", "rasid_type": ev.type, "rasid_subtype": ev.subtype or "",
        "rasid_event_id": ev.id, "doc_id": ev.doc_id, "url": ev.url or "",
    }


def geojson_feature(ev: Any, places: dict[str, Any]) -> dict[str, Any] | None:
    """A GeoJSON Point feature for an event with a geocoded place (None otherwise)."""
    p = _first_place(ev, places)
    if p.get("lat") is None or p.get("lon") is None:
        return None
    props = ev.to_dict()
    props.pop("evidence_text", None)
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [p["lon"], p["lat"]]},
            "properties": props}


def stix_objects(ev: Any) -> list[dict[str, Any]]:
    """STIX 2.1: a report for the event, identities/threat-actors for its roles, a location per place."""
    objs: list[dict[str, Any]] = []
    refs = []
    for role, items in (("actor", ev.actors), ("target", ev.targets), ("speaker", ev.speakers)):
        for r in items:
            kind = "threat-actor" if role == "actor" and r.kind == "organization" else "identity"
            sid = f"{kind}--{uuid.uuid5(_NS, r.id)}"
            obj: dict[str, Any] = {"type": kind, "spec_version": "2.1", "id": sid, "name": r.name_en or r.id,
                                   "created": "1970-01-01T00:00:00.000Z", "modified": "1970-01-01T00:00:00.000Z",
                                   "external_references": [{"source_name": "rasid", "external_id": r.id}]}
            if kind == "identity":
                obj["identity_class"] = "organization" if r.kind == "organization" else "individual"
            objs.append(obj)
            refs.append(sid)
    for r in ev.places:
        sid = f"location--{uuid.uuid5(_NS, r.id)}"
        objs.append({"type": "location", "spec_version": "2.1", "id": sid, "name": r.name_en or r.id,
                     "created": "1970-01-01T00:00:00.000Z", "modified": "1970-01-01T00:00:00.000Z"})
        refs.append(sid)
    date = (ev.published or "1970-01-01")[:10]
    ts = f"{date}T00:00:00.000Z"
    objs.append({"type": "report", "spec_version": "2.1", "id": f"report--{uuid.uuid5(_NS, f'event:{ev.id}')}",
                 "created": ts, "modified": ts, "published": ts, "name": ev.summary or ev.type,
                 "report_types": ["threat-report"], "labels": [ev.type] + ([ev.subtype] if ev.subtype else []),
                 "description": ev.evidence_text, "object_refs": refs or [f"location--{uuid.uuid5(_NS, 'none')}"],
                 "external_references": [{"source_name": ev.outlet or "news", "url": ev.url}] if ev.url else []})
    return objs
