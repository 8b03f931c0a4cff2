"""What the dashboard pages read, as plain dicts: a thin adapter over the store.

Every page calls one function here with the shared :class:`Filters`; nothing else in ``rasid.web``
touches SQL. Queries use the store's indexes (``events_type``, ``event_roles_entity``,
``documents_story_id``, FTS5) and each list is bounded by ``limit``.

An event's date for filtering and charts (``day``) is its own date when that is a full ISO date,
else its article's publication date; events with neither are "undated" and only match when no date
filter is set.
"""
from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from rasid.stages.normalize import fold
from rasid.web.filters import Filters

DAY = ("COALESCE(CASE WHEN e.date_start GLOB '[12][0-9][0-9][0-9]-[01][0-9]*' THEN e.date_start END,"
       " d.published)")
_EVENT_COLS = ("e.id, e.doc, e.seq, e.type, e.subtype, e.core, e.date_start, e.date_end, e.date_precision,"
               f" e.date_text, e.attributes, e.confidence, e.summary, e.evidence, {DAY} AS day,"
               " d.doc_id, d.title, d.outlet, d.published, d.url, d.story_id")
ROLE_NAMES = ("actor", "target", "speaker", "place")


def _fts_match(text: str) -> str:
    """An FTS5 expression for a user's text: the store's own search keys when it has them."""
    try:
        from rasid.store.textindex import parse_query
    except ImportError:  # a store without search keys indexes folded words
        words = fold(text).split()
        return " ".join('"' + w.replace('"', '""') + '"' for w in words)
    parsed = parse_query(text)
    return "" if parsed.is_empty else parsed.fts5()


class NoMatch(Exception):
    """A filter names an entity the database does not know: the answer is empty."""


def _rows(cur: sqlite3.Cursor) -> list[dict[str, Any]]:
    names = [c[0] for c in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


class WebData:
    """Read-only queries for the dashboard over one Rasid SQLite connection."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def _q(self, sql: str, args: Sequence[Any] = ()) -> list[dict[str, Any]]:
        return _rows(self.conn.execute(sql, tuple(args)))

    # -- entities ------------------------------------------------------------------------------------

    def resolve(self, value: str, kind: str | None = None) -> list[str]:
        """Entity ids a filter value names: an id as is, else every entity with that name or alias."""
        value = value.strip()
        if not value:
            return []
        if self.conn.execute("SELECT 1 FROM entities WHERE id = ?", (value,)).fetchone():
            ids = [value]
        else:
            ids = [r for (r,) in self.conn.execute(
                "SELECT DISTINCT entity_id FROM entity_aliases WHERE folded = ? LIMIT 50", (fold(value),))]
            if not ids:
                ids = [r for (r,) in self.conn.execute(
                    "SELECT id FROM entities WHERE name_en = ? COLLATE NOCASE LIMIT 50", (value,))]
        if kind == "place" and ids:  # a country or province also stands for the places inside it
            for ent in self.entities(ids).values():
                if ent.get("precision") == "country" and ent.get("country"):
                    ids += [r for (r,) in self.conn.execute(
                        "SELECT id FROM entities WHERE kind = 'location' AND country = ? LIMIT 2000",
                        (ent["country"],))]
                elif ent.get("precision") == "admin1" and ent.get("admin1"):
                    ids += [r for (r,) in self.conn.execute(
                        "SELECT id FROM entities WHERE kind = 'location' AND country IS ? AND admin1 = ? LIMIT 2000",
                        (ent.get("country"), ent["admin1"]))]
        return list(dict.fromkeys(ids))

    def entities(self, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """Entity rows by id (ids the store does not know are left out)."""
        ids = list(dict.fromkeys(ids))
        out: dict[str, dict[str, Any]] = {}
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            for row in self._q(f"SELECT * FROM entities WHERE id IN ({','.join('?' * len(chunk))})", chunk):
                out[row["id"]] = row
        return out

    def entity_options(self, limit: int = 300) -> list[dict[str, Any]]:
        """Named entities for the filter inputs' suggestions: those in most events first."""
        return self._q(
            "SELECT x.id, x.kind, x.name_en, x.name_ar FROM (SELECT entity_id, COUNT(*) AS n FROM event_roles"
            " GROUP BY entity_id ORDER BY n DESC LIMIT ?) r JOIN entities x ON x.id = r.entity_id ORDER BY r.n DESC",
            (limit,))

    # -- events --------------------------------------------------------------------------------------

    def _where(self, f: Filters) -> tuple[str, list[Any]]:
        where: list[str] = []
        args: list[Any] = []
        if f.type:
            where.append("e.type = ?")
            args.append(f.type)
        for role, value in (("actor", f.actor), ("target", f.target), ("place", f.place)):
            if not value:
                continue
            ids = self.resolve(value, role)
            if not ids:
                raise NoMatch(value)
            where.append(f"e.id IN (SELECT event_id FROM event_roles WHERE role = ? AND entity_id IN"
                         f" ({','.join('?' * len(ids))}))")
            args += [role, *ids]
        if f.date_from:
            where.append(f"{DAY} >= ?")
            args.append(f.date_from)
        if f.date_to:
            where.append(f"{DAY} <= ?")
            args.append(f.date_to + "~")  # '~' sorts after digits: 2019-03 includes 2019-03-31
        if f.q:
            match = _fts_match(f.q)
            if match:
                where.append("e.doc IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)")
                args.append(match)
        return (" WHERE " + " AND ".join(where)) if where else "", args

    def list_events(self, f: Filters, limit: int = 50, offset: int = 0) -> tuple[list[dict[str, Any]], int]:
        """One page of events matching ``f``, newest first, and how many match in all."""
        try:
            where, args = self._where(f)
        except NoMatch:
            return [], 0
        base = f" FROM events e JOIN documents d ON d.id = e.doc{where}"
        total = int(self.conn.execute("SELECT COUNT(*)" + base, args).fetchone()[0])
        rows = self._q(f"SELECT {_EVENT_COLS}{base} ORDER BY day IS NULL, day DESC, e.id DESC LIMIT ? OFFSET ?",
                       [*args, limit, offset])
        return self._with_roles(rows), total

    def _with_roles(self, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        if not rows:
            return rows
        ids = [r["id"] for r in rows]
        roles: dict[int, dict[str, list[str]]] = defaultdict(lambda: {k: [] for k in ROLE_NAMES})
        for r in self._q(f"SELECT event_id, role, entity_id FROM event_roles WHERE event_id IN"
                         f" ({','.join('?' * len(ids))}) ORDER BY event_id, role, position", ids):
            roles[r["event_id"]].setdefault(r["role"], []).append(r["entity_id"])
        names = self.entities(e for r in roles.values() for lst in r.values() for e in lst)
        for row in rows:
            row["attributes"] = json.loads(row["attributes"] or "{}")
            row["evidence"] = json.loads(row["evidence"] or "[]")
            row["roles"] = {k: [names.get(i) or {"id": i, "name_en": i, "name_ar": ""} for i in v]
                            for k, v in roles[row["id"]].items()}
        return rows

    def get_event(self, event_id: int) -> dict[str, Any] | None:
        """One event with its article (text included) and the other reports of it in the same story."""
        rows = self._q(f"SELECT {_EVENT_COLS}, d.text, d.wires, d.language FROM events e JOIN documents d"
                       f" ON d.id = e.doc WHERE e.id = ?", (event_id,))
        if not rows:
            return None
        ev = self._with_roles(rows)[0]
        ev["wires"] = json.loads(ev["wires"] or "[]")
        ev["corroboration"] = []
        if ev["story_id"]:
            others = self._q(f"SELECT {_EVENT_COLS}, d.text FROM events e JOIN documents d ON d.id = e.doc"
                             f" WHERE d.story_id = ? AND e.type = ? AND e.id != ? ORDER BY e.id LIMIT 50",
                             (ev["story_id"], ev["type"], event_id))
            ev["corroboration"] = self._with_roles(others)
        return ev

    # -- overview ------------------------------------------------------------------------------------

    def totals(self) -> dict[str, int]:
        """Row counts for the overview's headline figures."""
        return {name: int(self.conn.execute(f"SELECT COUNT(*) FROM {name}").fetchone()[0])
                for name in ("events", "documents", "stories", "entities")}

    def counts_by_month(self, f: Filters, by: str, top: int = 6) -> dict[str, Any]:
        """Events per month split by ``type`` or by ``actor`` (the ``top`` actors, the rest as other)."""
        try:
            where, args = self._where(f)
        except NoMatch:
            return {"series": [], "months": [], "values": {}}
        if by == "type":
            rows = self._q(f"SELECT substr({DAY}, 1, 7) AS month, e.type AS key, COUNT(*) AS n FROM events e"
                           f" JOIN documents d ON d.id = e.doc{where} GROUP BY month, key", args)
        else:
            rows = self._q(f"SELECT substr({DAY}, 1, 7) AS month, r.entity_id AS key, COUNT(*) AS n FROM events e"
                           f" JOIN documents d ON d.id = e.doc JOIN event_roles r ON r.event_id = e.id"
                           f" AND r.role = 'actor'{where} GROUP BY month, key", args)
        totals: dict[str, int] = defaultdict(int)
        for r in rows:
            totals[r["key"]] += r["n"]
        series = sorted(totals, key=lambda k: (-totals[k], k))
        if by != "type" and len(series) > top:
            keep = set(series[:top])
            for r in rows:
                if r["key"] not in keep:
                    r["key"] = "_other"
            series = series[:top] + ["_other"]
        values: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for r in rows:
            values[r["month"] or ""][r["key"]] += r["n"]
        months = sorted(m for m in values if m)
        if "" in values:
            months.append("")  # undated last
        return {"series": series, "months": months, "values": {m: dict(v) for m, v in values.items()},
                "totals": dict(totals)}

    # -- stories -------------------------------------------------------------------------------------

    def list_stories(self, f: Filters, limit: int = 30, offset: int = 0) -> tuple[list[dict[str, Any]], int]:
        """Stories with an event matching ``f`` (all stories when no filter is set), latest first."""
        args: list[Any] = []
        if f.is_empty:
            base = " FROM stories s"
        else:
            try:
                where, args = self._where(f)
            except NoMatch:
                return [], 0
            base = (f" FROM stories s WHERE s.story_id IN (SELECT d.story_id FROM events e JOIN documents d"
                    f" ON d.id = e.doc{where})")
        total = int(self.conn.execute("SELECT COUNT(*)" + base, args).fetchone()[0])
        stories = self._q(f"SELECT s.story_id, s.first_seen, s.last_seen, s.n_docs{base}"
                          f" ORDER BY s.last_seen DESC, s.story_id LIMIT ? OFFSET ?", [*args, limit, offset])
        self._story_heads(stories)
        return stories, total

    def _story_heads(self, stories: list[dict[str, Any]]) -> None:
        """Add each story's headline (first article's title) and its main English summary."""
        for s in stories:
            doc = self._q("SELECT id, title, outlet, published FROM documents WHERE story_id = ?"
                          " ORDER BY published IS NULL, published, id LIMIT 1", (s["story_id"],))
            s["title"] = doc[0]["title"] if doc else ""
            ev = self._q("SELECT e.type, e.summary FROM events e JOIN documents d ON d.id = e.doc"
                         " WHERE d.story_id = ? ORDER BY e.core DESC, e.confidence DESC, e.id LIMIT 1",
                         (s["story_id"],))
            s["summary"] = ev[0]["summary"] if ev else ""
            s["type"] = ev[0]["type"] if ev else ""
            s["outlets"] = [r["outlet"] for r in self._q(
                "SELECT DISTINCT outlet FROM documents WHERE story_id = ? AND outlet IS NOT NULL LIMIT 10",
                (s["story_id"],))]

    def get_story(self, story_id: str) -> dict[str, Any] | None:
        """A story: its articles and every event each of them reports."""
        rows = self._q("SELECT * FROM stories WHERE story_id = ?", (story_id,))
        if not rows:
            return None
        story = rows[0]
        self._story_heads([story])
        story["documents"] = self._q("SELECT id, doc_id, title, outlet, wires, published, url FROM documents"
                                     " WHERE story_id = ? ORDER BY published IS NULL, published, id LIMIT 200",
                                     (story_id,))
        for d in story["documents"]:
            d["wires"] = json.loads(d["wires"] or "[]")
        events = self._q(f"SELECT {_EVENT_COLS}, d.text FROM events e JOIN documents d ON d.id = e.doc"
                         f" WHERE d.story_id = ? ORDER BY e.core DESC, e.type, e.id LIMIT 500", (story_id,))
        story["events"] = self._with_roles(events)
        return story

    # -- map -----------------------------------------------------------------------------------------

    def map_places(self, f: Filters, limit: int = 5000) -> list[dict[str, Any]]:
        """Geocoded places of matching events, with how many events each holds (most first)."""
        try:
            where, args = self._where(f)
        except NoMatch:
            return []
        return self._q(
            f"SELECT x.id, x.name_en, x.name_ar, x.lat, x.lon, x.precision, x.country, x.admin1, c.n FROM"
            f" (SELECT r.entity_id, COUNT(*) AS n FROM events e JOIN documents d ON d.id = e.doc"
            f" JOIN event_roles r ON r.event_id = e.id AND r.role = 'place'{where} GROUP BY r.entity_id) c"
            f" JOIN entities x ON x.id = c.entity_id WHERE x.lat IS NOT NULL AND x.lon IS NOT NULL"
            f" ORDER BY c.n DESC LIMIT ?", [*args, limit])

    # -- entity pages --------------------------------------------------------------------------------

    def get_entity(self, entity_id: str) -> dict[str, Any] | None:
        """An entity with its aliases, role counts and the counterpart entities of its events."""
        ent = self.entities([entity_id]).get(entity_id)
        if ent is None:
            return None
        ent["aliases"] = [a for (a,) in self.conn.execute(
            "SELECT alias FROM entity_aliases WHERE entity_id = ? ORDER BY alias LIMIT 100", (entity_id,))]
        ent["roles"] = {r: n for r, n in self.conn.execute(
            "SELECT role, COUNT(*) FROM event_roles WHERE entity_id = ? GROUP BY role", (entity_id,))}
        ent["parent_entity"] = self.entities([ent["parent"]]).get(ent["parent"]) if ent.get("parent") else None
        ent["targets"] = self._counterparts(entity_id, "actor", "target")
        ent["places"] = self._counterparts(entity_id, "actor", "place")
        ent["actors_against"] = self._counterparts(entity_id, "target", "actor")
        return ent

    def _counterparts(self, entity_id: str, role: str, other: str, limit: int = 20) -> list[dict[str, Any]]:
        rows = self._q("SELECT o.entity_id, COUNT(*) AS n FROM event_roles r JOIN event_roles o"
                       " ON o.event_id = r.event_id AND o.role = ? WHERE r.entity_id = ? AND r.role = ?"
                       " GROUP BY o.entity_id ORDER BY n DESC LIMIT ?", (other, entity_id, role, limit))
        names = self.entities(r["entity_id"] for r in rows)
        return [{**(names.get(r["entity_id"]) or {"id": r["entity_id"], "name_en": r["entity_id"]}), "n": r["n"]}
                for r in rows]

    def entity_events(self, entity_id: str, f: Filters, types: Sequence[str] = (), role: str | None = None,
                      limit: int = 100) -> list[dict[str, Any]]:
        """Events the entity takes part in (optionally in one role and of some types), newest first."""
        try:
            where, args = self._where(f)
        except NoMatch:
            return []
        cond = ["r.entity_id = ?"]
        cargs: list[Any] = [entity_id]
        if role:
            cond.append("r.role = ?")
            cargs.append(role)
        if types:
            cond.append(f"e.type IN ({','.join('?' * len(types))})")
            cargs += list(types)
        extra = " AND ".join(cond)
        where = f"{where} AND {extra}" if where else f" WHERE {extra}"
        rows = self._q(f"SELECT DISTINCT {_EVENT_COLS} FROM event_roles r JOIN events e ON e.id = r.event_id"
                       f" JOIN documents d ON d.id = e.doc{where} ORDER BY day IS NULL, day DESC, e.id DESC LIMIT ?",
                       [*args, *cargs, limit])
        return self._with_roles(rows)

    def search_entities(self, text: str, limit: int = 50) -> list[dict[str, Any]]:
        """Entities whose name or alias starts with ``text`` (folded), or the most active ones."""
        if not text.strip():
            return self.entity_options(limit)
        key = fold(text.strip())
        ids = [r for (r,) in self.conn.execute(
            "SELECT DISTINCT entity_id FROM entity_aliases WHERE folded >= ? AND folded < ? LIMIT ?",
            (key, key + "\uffff", limit))]
        ids += [r for (r,) in self.conn.execute(
            "SELECT id FROM entities WHERE name_en LIKE ? ESCAPE '\\' LIMIT ?",
            (text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%", limit))]
        return list(self.entities(ids).values())[:limit]

    # -- release registry ----------------------------------------------------------------------------

    def releases(self, f: Filters, producer: str | None = None, limit: int = 2000) -> list[dict[str, Any]]:
        """Reported media releases (optionally of one producer), with producer, series, issue and outlet."""
        from dataclasses import replace

        try:
            where, args = self._where(replace(f, type="media_release"))
        except NoMatch:
            return []
        if producer:
            where += (" AND e.id IN (SELECT event_id FROM event_roles WHERE role = 'actor' AND entity_id = ?)")
            args.append(producer)
        rows = self._with_roles(self._q(
            f"SELECT {_EVENT_COLS} FROM events e JOIN documents d ON d.id = e.doc{where}"
            f" ORDER BY day IS NULL, day DESC, e.id DESC LIMIT ?", [*args, limit]))
        for r in rows:
            a = r["attributes"]
            r["series"] = str(a.get("title") or "")
            r["issue"] = a.get("issue")
            r["format"] = a.get("format") or r["subtype"] or ""
            r["release_outlet"] = str(a.get("outlet") or "")
        return rows
