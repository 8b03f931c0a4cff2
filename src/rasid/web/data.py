"""What the dashboard pages read, as plain dicts: a thin adapter over ``rasid.query``.

Every page calls one method here with the dashboard's :class:`~rasid.web.filters.Filters`; the
query layer does the filtering (entity names in any language, branches, places inside a province,
Arabic-aware text search), so the pages and ``/api`` always agree. The adapter adds only what the
pages need beyond it: template-friendly dicts, coordinates for the map's places, an event's full
article text for highlighting, and a short-lived cache for the unfiltered overview aggregates,
which scan every event.

An event's ``day`` is its own date when that is a full ISO date, else its article's publication date.
"""
from __future__ import annotations

import dataclasses
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from rasid import query
from rasid.store.sql import Database
from rasid.store.textindex import parse_query
from rasid.web.filters import Filters
from rasid.web.rollup import Rollup, month_bounds

ROLE_NAMES = ("actor", "target", "speaker", "place")
CACHE_SECONDS = 60.0
COUNT_CAP = 10_000  # live counts stop here ("10,000+"): exact below, bounded in time above
CHART_WINDOW = 20_000
MAX_SUMMED = 200  # an entity filter naming several entities (a group and its branches) sums their counts  # live charts count the most recent matching events only


class Cache:
    """Results of expensive unfiltered aggregates, kept ``ttl`` seconds (one per app, thread-safe)."""

    def __init__(self, ttl: float = CACHE_SECONDS, clock: Callable[[], float] = time.monotonic) -> None:
        self.ttl, self._clock = ttl, clock
        self._data: dict[Any, tuple[float, Any]] = {}
        self._lock = threading.Lock()

    def get(self, key: Any, compute: Callable[[], Any]) -> Any:
        now = self._clock()
        with self._lock:
            hit = self._data.get(key)
        if hit is not None and now - hit[0] < self.ttl:
            return hit[1]
        value = compute()
        with self._lock:
            self._data[key] = (now, value)
        return value


def to_query_filters(f: Filters) -> query.Filters:
    """The query layer's filters for the dashboard's URL filters."""
    return query.Filters(type=f.type or None, actor=f.actor or None, target=f.target or None, place=f.place or None,
                         since=f.date_from or None, until=f.date_to or None, text=f.q or None)


def _day(ev: query.EventRecord) -> str | None:
    start = (ev.date or {}).get("start") or ""
    return start if start[:1] in "12" and len(start) >= 7 else ev.published


def event_dict(ev: query.EventRecord) -> dict[str, Any]:
    """An event record as the templates read it (roles by name, ``day``, flat date fields)."""
    d = ev.to_dict()
    date = ev.date or {}
    d.update(day=_day(ev), date_start=date.get("start"), date_end=date.get("end"),
             date_precision=date.get("precision"), date_text=date.get("text"),
             roles={"actor": d["actors"], "target": d["targets"], "speaker": d["speakers"], "place": d["places"]})
    return d


class WebData:
    """Read-only queries for the dashboard over one Rasid database."""

    def __init__(self, db: Database, cache: Cache | None = None, rollup: Rollup | None = None) -> None:
        self.db = db
        self.cache = cache or Cache(ttl=0)
        self.rollup = rollup

    def _roll(self, f: Filters, *, months: bool = False, entity: bool = False) -> tuple[Rollup, str, list[str]] | None:
        """The rollup when it answers ``f`` exactly: (rollup, role, entity ids) or None to count live.

        It knows type, dates (whole months for role counts) and at most one entity filter
        (``entity=True``); not text queries. When the filter names several entities (a group and its
        branches) their counts are summed: an event naming two of them in that role counts twice
        (:meth:`is_summed` tells the page, which says so).
        """
        r = self.rollup
        if r is None or not r.ready or f.q:
            return None
        if months and month_bounds(f.date_from, f.date_to) is None:
            return None
        set_roles = [(role, v) for role, v in (("actor", f.actor), ("target", f.target), ("place", f.place)) if v]
        if not set_roles:
            return r, "", []
        if not entity or len(set_roles) > 1 or month_bounds(f.date_from, f.date_to) is None:
            return None
        role, value = set_roles[0]
        ids = query.resolve_entities(self.db, value, kind="location" if role == "place" else None)
        return (r, role, ids) if 1 <= len(ids) <= MAX_SUMMED else None

    def _cached(self, f: Filters, key: Any, compute: Callable[[], Any]) -> Any:
        return self.cache.get(key, compute) if f.is_empty else compute()

    def is_summed(self, f: Filters) -> bool:
        """True when counts for ``f`` add up several entities' rollup counts (see :meth:`_roll`)."""
        roll = self._roll(f, entity=True)
        return bool(roll and roll[1] and len(roll[2]) > 1)

    def _capped_count(self, f: Filters, cap: int = COUNT_CAP) -> tuple[int, bool]:
        """How many events match, counting at most ``cap``: (count, is_capped)."""
        return query.count_events(self.db, to_query_filters(f), cap=cap)

    def _window_counts(self, f: Filters, by: str, window: int = CHART_WINDOW) -> list[query.CountRow]:
        """(key, period=month, n) over the ``window`` most recent matching events, by type, actor or place."""
        return query.count_recent(self.db, to_query_filters(f), by if by in ("type", "place") else "actor", "month",
                                  window=window)

    # -- entities ------------------------------------------------------------------------------------

    def entities(self, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """Entity rows by id (ids the database does not know are left out)."""
        return {i: rec.to_dict() for i, rec in query.get_entities(self.db, ids).items()}

    def entity_options(self, limit: int = 100) -> list[dict[str, Any]]:
        """Suggestions for the filter inputs: the most active actors and places."""
        def compute() -> list[dict[str, Any]]:
            roll = self._roll(Filters())
            if roll:
                keys = []
                for role in ("actor", "place"):
                    keys += [e for e, _ in roll[0].totals(role, (), limit)]
            else:
                keys = [r.key or "" for by in ("actor", "place")
                        for r in query.counts_by(self.db, by, None, None, top=limit)]
            names = self.entities(keys)
            return [names[k] for k in dict.fromkeys(keys) if k in names]
        return self.cache.get(("options", limit), compute)  # type: ignore[no-any-return]

    def search_entities(self, text: str, limit: int = 50) -> list[dict[str, Any]]:
        """Entities whose name or alias starts with ``text`` (any spelling), or the most active ones."""
        if not text.strip():
            return self.entity_options(limit)
        return [e.to_dict() for e in query.list_entities(self.db, text, limit=limit).items]

    def get_entity(self, entity_id: str) -> dict[str, Any] | None:
        """An entity with aliases, role counts and the entities on the other side of its events."""
        try:  # stored, or a knowledge-base entity no stored document names yet; aliases from both
            ent = query.get_entity(self.db, entity_id, counts=False).to_dict()
        except query.NotFound:
            return None
        ent["parent_entity"] = self.entities([ent["parent"]]).get(ent["parent"]) if ent.get("parent") else None
        roles: dict[str, int] = {}
        roll = self._roll(Filters())
        if roll:
            roles.update(roll[0].entity_roles(entity_id))
        for role in ROLE_NAMES if not roll else ():
            qf = query.Filters(**{role: entity_id})  # type: ignore[arg-type]
            n = sum(r.n for r in query.counts_by(self.db, "type", None, qf))
            if n:
                roles[role] = n
        ent["roles"] = roles
        if roll:  # pairs of this exact entity (the live query also counts its branches)
            for key, role, other in (("targets", "actor", "target"), ("places", "actor", "place"),
                                     ("actors_against", "target", "actor")):
                pairs = roll[0].pairs(entity_id, role, other)
                names = self.entities(o for o, _ in pairs)
                ent[key] = [{**(names.get(o) or {"id": o, "name_en": o, "name_ar": ""}), "n": n} for o, n in pairs]
        else:
            ent["targets"] = self._counterparts(query.Filters(actor=entity_id), "target", entity_id)
            ent["places"] = self._counterparts(query.Filters(actor=entity_id), "place", entity_id)
            ent["actors_against"] = self._counterparts(query.Filters(target=entity_id), "actor", entity_id)
        return ent

    def _counterparts(self, f: query.Filters, by: str, self_id: str, top: int = 20) -> list[dict[str, Any]]:
        rows = [r for r in query.counts_by(self.db, by, None, f, top=top) if r.key and r.key != self_id]
        names = self.entities(r.key for r in rows if r.key)
        return [{**(names.get(r.key or "") or {"id": r.key, "name_en": r.label, "name_ar": ""}), "n": r.n}
                for r in rows]

    def entity_events(self, entity_id: str, f: Filters, types: tuple[str, ...] = (), role: str | None = None,
                      limit: int = 100) -> list[dict[str, Any]]:
        """Events the entity takes part in (in ``role``, or any), newest first, within the page filters."""
        qf = dataclasses.replace(to_query_filters(f), **{role or "entity": entity_id})  # type: ignore[arg-type]
        if types:
            qf = dataclasses.replace(qf, type=",".join(types))
        return [event_dict(e) for e in query.list_events(self.db, qf, limit=limit).items]

    # -- events --------------------------------------------------------------------------------------

    def count_events(self, f: Filters) -> tuple[int, bool]:
        """How many events match, and whether that is a lower bound (live counts stop at COUNT_CAP)."""
        types = (f.type,) if f.type else ()
        roll = self._roll(f, entity=True)
        if roll and not roll[1]:
            return roll[0].total(types, f.date_from, f.date_to), False
        if roll:
            months = month_bounds(f.date_from, f.date_to) or ("", "")
            return sum(n for *_, n in roll[0].by_role(roll[1], types, months, roll[2], per_month=False)), False
        if self.rollup is None:  # small databases, tests: exact
            return query.count_events(self.db, to_query_filters(f))
        return self._capped_count(f)

    def list_events(self, f: Filters, limit: int = 50, cursor: str | None = None
                    ) -> tuple[list[dict[str, Any]], str | None]:
        """One page of events matching ``f`` (most recently stored first) and the next page's cursor."""
        if f.q and not parse_query(f.q).is_empty:  # ranked full-text search (bounded by the store's rank window), its documents' matching events
            found = query.search(self.db, f.q, dataclasses.replace(to_query_filters(f), text=None),
                                 limit=max(1, limit // 2), cursor=cursor)
            return [event_dict(e) for r in found.items for e in r.events], found.next_cursor
        page = query.list_events(self.db, to_query_filters(f), limit=limit, cursor=cursor)
        return [event_dict(e) for e in page.items], page.next_cursor

    def get_event(self, event_id: int) -> dict[str, Any] | None:
        """One event with its article's text and wires, and the other reports of it in the same story."""
        try:
            rec = query.get_event(self.db, event_id)
            doc = query.get_document(self.db, rec.doc)
        except query.NotFound:
            return None
        ev = event_dict(rec)
        ev.update(text=doc.text or "", wires=doc.wires, language=doc.language)
        ev["corroboration"] = []
        if rec.story_id:
            others = query.list_events(self.db, query.Filters(story=rec.story_id, type=rec.type), limit=50).items
            ev["corroboration"] = [self._with_text(event_dict(o)) for o in others if o.id != rec.id]
        return ev

    def _with_text(self, ev: dict[str, Any], texts: dict[int, str] | None = None) -> dict[str, Any]:
        if texts is not None and ev["doc"] in texts:
            ev["text"] = texts[ev["doc"]]
        else:
            ev["text"] = query.get_document(self.db, ev["doc"]).text or ""
        return ev

    # -- overview ------------------------------------------------------------------------------------

    def totals(self) -> dict[str, int]:
        """Row counts for the overview's headline figures."""
        h = self.cache.get(("health",), lambda: query.health(self.db))
        return {k: int(h.get(k, 0)) for k in ("events", "documents", "stories", "entities")}

    def counts_by_month(self, f: Filters, by: str, top: int = 6) -> dict[str, Any]:
        """Events per month split by ``type`` or by ``actor`` (the ``top`` actors, the rest as other)."""
        rows = self._month_rows(f, by)
        totals: dict[str, int] = defaultdict(int)
        for r in rows:
            totals[r.key or ""] += r.n
        series = sorted(totals, key=lambda k: (-totals[k], k))
        other = set()
        if by != "type" and len(series) > top:
            other = set(series[top:])
            series = series[:top] + ["_other"]
            totals["_other"] = sum(totals[k] for k in other)
        values: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for r in rows:
            key = "_other" if (r.key or "") in other else (r.key or "")
            values[r.period or ""][key] += r.n
        months = sorted(m for m in values if m)
        if "" in values:
            months.append("")  # undated last
        return {"series": series, "months": months, "values": {m: dict(v) for m, v in values.items()},
                "totals": dict(totals)}

    def _month_rows(self, f: Filters, by: str) -> list[query.CountRow]:
        types = (f.type,) if f.type else ()
        roll = self._roll(f, months=(by != "type"), entity=(by == "type" or bool(f.actor)))
        if roll and by == "actor" and roll[1] == "actor":  # the matched actors' own series
            months = month_bounds(f.date_from, f.date_to) or ("", "")
            return [query.CountRow(e, e, m, n) for e, m, _, n in roll[0].by_role("actor", types, months, roll[2])]
        if roll and by == "actor" and roll[1]:
            roll = None
        if roll and by == "type" and not roll[1]:
            return [query.CountRow(t, t, m, n) for m, t, n in roll[0].by_type(types, f.date_from, f.date_to)]
        if roll and by == "type":
            months = month_bounds(f.date_from, f.date_to) or ("", "")
            return [query.CountRow(t, t, m, n) for _, m, t, n in roll[0].by_role(roll[1], types, months, roll[2])]
        if roll and by == "actor" and not roll[1]:
            months = month_bounds(f.date_from, f.date_to) or ("", "")
            return [query.CountRow(e, e, m, n) for e, m, _, n in roll[0].by_role("actor", types, months)]
        if self.rollup is not None and self.rollup.ready and not f.is_empty:
            return self._window_counts(f, by)
        return self._cached(f, ("months", by), lambda: query.counts_by(  # type: ignore[no-any-return]
            self.db, by, "month", to_query_filters(f), top=1000))

    def chart_is_windowed(self, f: Filters, by: str) -> bool:
        """True when the chart for ``f`` counts only the CHART_WINDOW most recent matching events."""
        if self.rollup is None or not self.rollup.ready or f.is_empty:
            return False
        roll = self._roll(f, months=(by != "type"), entity=(by == "type" or bool(f.actor)))
        return roll is None or (by == "actor" and roll[1] not in ("", "actor"))

    # -- stories -------------------------------------------------------------------------------------

    def list_stories(self, f: Filters, limit: int = 30, cursor: str | None = None
                     ) -> tuple[list[dict[str, Any]], str | None]:
        """Stories with an event matching ``f`` (all when no filter is set), latest first, with a headline."""
        page = query.list_stories(self.db, to_query_filters(f), limit=limit, cursor=cursor)
        stories = [s.to_dict() for s in page.items]
        for s in stories:
            evs = query.list_events(self.db, query.Filters(story=s["story_id"], core=True), limit=1).items or \
                query.list_events(self.db, query.Filters(story=s["story_id"]), limit=1).items
            s["summary"] = evs[0].summary if evs else ""
            s["type"] = evs[0].type if evs else ""
            s["outlets"] = []
        return stories, page.next_cursor

    def get_story(self, story_id: str) -> dict[str, Any] | None:
        """A story: its articles and every event each of them reports (with the article text)."""
        try:
            rec = query.get_story(self.db, story_id)
        except query.NotFound:
            return None
        story = rec.to_dict()
        story["documents"] = story["documents"][:200]
        texts = {d.id: query.get_document(self.db, d.id).text or "" for d in rec.documents[:200]}
        events = sorted((event_dict(e) for e in rec.events[:500]), key=lambda e: (not e["core"], e["type"], e["id"]))
        story["events"] = [self._with_text(e, texts) for e in events]
        story["summary"] = next((e["summary"] for e in events if e["core"]), events[0]["summary"] if events else "")
        story["outlets"] = sorted({d.outlet for d in rec.documents if d.outlet})
        return story

    # -- map -----------------------------------------------------------------------------------------

    def map_places(self, f: Filters, limit: int = 1000) -> list[dict[str, Any]]:
        """Geocoded places of matching events, with how many events each holds (most first)."""
        roll = self._roll(f, months=True)
        counts: dict[str, int]
        if roll and not f.date_from and not f.date_to:
            rows = [query.CountRow(k, k, None, n) for k, n in roll[0].totals("place", (f.type,) if f.type else (),
                                                                             limit)]
        elif roll:
            counts = defaultdict(int)
            for e, _, _, n in roll[0].by_role("place", (f.type,) if f.type else (),
                                              month_bounds(f.date_from, f.date_to) or ("", ""), per_month=False):
                counts[e] += n
            top = sorted(counts.items(), key=lambda kv: -kv[1])[:limit]
            rows = [query.CountRow(k, k, None, n) for k, n in top]
        elif self.rollup is not None and self.rollup.ready:
            counts = defaultdict(int)
            for r in self._window_counts(f, "place"):
                counts[r.key or ""] += r.n
            rows = [query.CountRow(k, k, None, n) for k, n in sorted(counts.items(), key=lambda kv: -kv[1])[:limit]]
        else:
            rows = self._cached(f, ("places", limit), lambda: query.counts_by(
                self.db, "place", None, to_query_filters(f), top=limit))
        ents = self.entities(r.key for r in rows if r.key)
        out = []
        for r in rows:
            place = ents.get(r.key or "")
            if place and place.get("lat") is not None and place.get("lon") is not None:
                out.append({**place, "n": r.n})
        return out

    # -- release registry ----------------------------------------------------------------------------

    def releases(self, f: Filters, producer: str | None = None, limit: int = 300, cursor: str | None = None
                 ) -> tuple[list[dict[str, Any]], str | None]:
        """Reported media releases (optionally of one producer), newest first, for :func:`render.group_releases`."""
        qf = to_query_filters(f)
        if producer:
            qf = dataclasses.replace(qf, actor=producer)
        rows = []
        page = query.release_registry(self.db, qf, limit=limit, cursor=cursor)
        for r in page.items:
            d = r.to_dict()
            rows.append({"id": r.event_id, "roles": {"actor": d["producers"]}, "series": r.title or "",
                         "issue": r.issue, "format": r.format or "", "day": r.date, "outlet": r.reported_by,
                         "release_outlet": r.outlet or "", "platform": r.platform, "summary": r.summary})
        return rows, page.next_cursor
