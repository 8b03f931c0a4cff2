"""Pre-aggregated event counts for the dashboard, kept in the database and brought up to date incrementally.

The overview charts, the map and the entity pages count events over the whole database; on a
million documents a live ``GROUP BY`` takes seconds. Two derived tables hold the counts instead:

- ``web_rollup_day``: events per day and type;
- ``web_rollup_role``: events per month, type, role (actor, target, place) and entity;
- ``web_rollup_total``: the same without the month (the map and the filter suggestions);
- ``web_rollup_pair``: events naming two entities in two roles (an actor's targets and places, who
  acted against a target), for the entity pages.

``web_rollup_state`` records the highest event id counted. :meth:`Rollup.refresh` adds the events
stored since (one ``INSERT ... SELECT ... GROUP BY ... ON CONFLICT DO UPDATE`` per table, inside one
transaction with the state row), so refreshing costs only what is new. The tables are created with
``CREATE TABLE IF NOT EXISTS`` on first use (the store's schema and migrations are untouched), work on
SQLite and PostgreSQL alike, and can be dropped at any time: they are rebuilt from ``events``.
Events are dated as the query layer dates them (``rasid.store.queries.DATE_EXPR``). Documents are
never deleted by Rasid; a database whose events were deleted by hand needs ``Rollup.rebuild()``.
"""
from __future__ import annotations

import calendar
import logging
import threading
import time
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa

from rasid.store.queries import DATE_EXPR
from rasid.store.sql import Database

log = logging.getLogger(__name__)

ROLES = ("actor", "target", "place")
STATE = "events-v2"  # a new layout of the tables takes a new name: older counts are dropped and rebuilt
INLINE_LIMIT = 50_000  # fewer new events than this are counted during the request; more, in a thread
CHECK_SECONDS = 15.0

DDL = (
    "CREATE TABLE IF NOT EXISTS web_rollup_state (name TEXT PRIMARY KEY, last_event_id BIGINT NOT NULL)",
    ("CREATE TABLE IF NOT EXISTS web_rollup_day (day TEXT NOT NULL, type TEXT NOT NULL, n BIGINT NOT NULL,"
    " PRIMARY KEY (day, type))"),
    ("CREATE TABLE IF NOT EXISTS web_rollup_role (entity_id TEXT NOT NULL, role TEXT NOT NULL, month TEXT NOT NULL,"
    " type TEXT NOT NULL, n BIGINT NOT NULL, PRIMARY KEY (entity_id, role, month, type))"),
    "CREATE INDEX IF NOT EXISTS web_rollup_role_role ON web_rollup_role (role, month)",
    ("CREATE TABLE IF NOT EXISTS web_rollup_total (role TEXT NOT NULL, type TEXT NOT NULL, entity_id TEXT NOT NULL,"
    " n BIGINT NOT NULL, PRIMARY KEY (role, type, entity_id))"),
    ("CREATE TABLE IF NOT EXISTS web_rollup_pair (entity_id TEXT NOT NULL, role TEXT NOT NULL, other_role TEXT NOT NULL,"
    " other_id TEXT NOT NULL, n BIGINT NOT NULL, PRIMARY KEY (entity_id, role, other_role, other_id))"),
)
TABLES = ("web_rollup_state", "web_rollup_day", "web_rollup_role", "web_rollup_total", "web_rollup_pair")
PAIRS = (("actor", "target"), ("actor", "place"), ("target", "actor"))
_ADD_DAY = (f"INSERT INTO web_rollup_day (day, type, n) SELECT substr({DATE_EXPR}, 1, 10), e.type, COUNT(*)"
            " FROM events e JOIN documents d ON d.id = e.doc WHERE e.id > :lo AND e.id <= :hi"
            f" GROUP BY substr({DATE_EXPR}, 1, 10), e.type"
            " ON CONFLICT (day, type) DO UPDATE SET n = web_rollup_day.n + excluded.n")
_ADD_ROLE = (f"INSERT INTO web_rollup_role (entity_id, role, month, type, n) SELECT r.entity_id, r.role,"
             f" substr({DATE_EXPR}, 1, 7), e.type, COUNT(*) FROM events e JOIN documents d ON d.id = e.doc"
             " JOIN event_roles r ON r.event_id = e.id WHERE e.id > :lo AND e.id <= :hi"
             " AND r.role IN ('actor', 'target', 'place')"
             f" GROUP BY r.entity_id, r.role, substr({DATE_EXPR}, 1, 7), e.type"
             " ON CONFLICT (entity_id, role, month, type) DO UPDATE SET n = web_rollup_role.n + excluded.n")
_ADD_TOTAL = ("INSERT INTO web_rollup_total (role, type, entity_id, n) SELECT r.role, e.type, r.entity_id, COUNT(*)"
              " FROM events e JOIN event_roles r ON r.event_id = e.id WHERE e.id > :lo AND e.id <= :hi"
              " AND r.role IN ('actor', 'target', 'place') GROUP BY r.role, e.type, r.entity_id"
              " ON CONFLICT (role, type, entity_id) DO UPDATE SET n = web_rollup_total.n + excluded.n")
_ADD_PAIR = ("INSERT INTO web_rollup_pair (entity_id, role, other_role, other_id, n)"
             " SELECT a.entity_id, a.role, b.role, b.entity_id, COUNT(DISTINCT a.event_id) FROM event_roles a"
             " JOIN event_roles b ON b.event_id = a.event_id AND b.entity_id <> a.entity_id"
             " WHERE a.event_id > :lo AND a.event_id <= :hi AND ("
             + " OR ".join(f"(a.role = '{x}' AND b.role = '{y}')" for x, y in (("actor", "target"), ("actor", "place"),
                                                                              ("target", "actor")))
             + ") GROUP BY a.entity_id, a.role, b.role, b.entity_id"
             " ON CONFLICT (entity_id, role, other_role, other_id) DO UPDATE SET n = web_rollup_pair.n + excluded.n")


def month_bounds(date_from: str, date_to: str) -> tuple[str, str] | None:
    """The month range a date range covers exactly, or None when it cuts a month.

    >>> month_bounds("2019-03-01", "2019-04-30")
    ('2019-03', '2019-04')
    >>> month_bounds("2019", "")
    ('2019-01', '')
    >>> month_bounds("2019-03-02", "") is None
    True
    """
    lo = hi = ""
    if date_from:
        if len(date_from) == 10 and not date_from.endswith("-01"):
            return None
        lo = date_from[:7] if len(date_from) >= 7 else date_from + "-01"
    if date_to:
        if len(date_to) == 10:
            y, m, d = (int(x) for x in date_to.split("-"))
            if d != calendar.monthrange(y, m)[1]:
                return None
        hi = date_to[:7] if len(date_to) >= 7 else date_to + "-12"
    return lo, hi


class Rollup:
    """The rollup tables of one database: refresh them, and read counts from them."""

    def __init__(self, db: Database, clock: Any = time.monotonic) -> None:
        self.db = db
        self._clock = clock
        self._lock = threading.Lock()
        self._checked = -1e18
        self.last_event_id = -1  # -1: never counted (or the tables cannot be written)
        self.disabled = False
        self.building = False

    # -- writing -------------------------------------------------------------------------------------

    def refresh(self) -> int:
        """Count the events stored since the last refresh; returns how many were added."""
        if self.disabled:
            return 0
        with self._lock:
            try:
                with self.db.write() as conn:
                    for statement in DDL:
                        conn.execute(sa.text(statement))
                    row = conn.execute(sa.text("SELECT last_event_id FROM web_rollup_state WHERE name = :s"),
                                       {"s": STATE}).first()
                    if row is None:  # never built, or built by another layout
                        for table in TABLES:
                            conn.execute(sa.text(f"DELETE FROM {table}"))
                    lo = int(row[0]) if row else 0
                    hi = int(conn.execute(sa.text("SELECT COALESCE(MAX(id), 0) FROM events")).scalar_one())
                    if hi > lo:
                        conn.execute(sa.text(_ADD_DAY), {"lo": lo, "hi": hi})
                        for statement in (_ADD_ROLE, _ADD_TOTAL, _ADD_PAIR):
                            conn.execute(sa.text(statement), {"lo": lo, "hi": hi})
                    conn.execute(sa.text(
                        "INSERT INTO web_rollup_state (name, last_event_id) VALUES (:s, :hi)"
                        " ON CONFLICT (name) DO UPDATE SET last_event_id = excluded.last_event_id"), {"s": STATE, "hi": hi})
            except sa.exc.DBAPIError as e:  # read-only file, locked too long: the pages count live instead
                log.warning("dashboard rollup not updated (%s); counting live", e.orig)
                if isinstance(e, sa.exc.OperationalError) and "readonly" in str(e.orig).replace(" ", "").lower():
                    self.disabled = True
                return 0
            self.last_event_id = hi
            return hi - lo

    def rebuild(self) -> int:
        """Drop the counts and count every event again."""
        with self._lock, self.db.write() as conn:
            for table in TABLES:
                conn.execute(sa.text(f"DROP TABLE IF EXISTS {table}"))
        self.last_event_id = -1
        return self.refresh()

    def ensure_fresh(self) -> None:
        """Called per request: count new events now if few, in a background thread if many."""
        now = self._clock()
        if self.disabled or self.building or now - self._checked < CHECK_SECONDS:
            return
        self._checked = now
        try:
            with self.db.read() as conn:
                hi = int(conn.execute(sa.text("SELECT COALESCE(MAX(id), 0) FROM events")).scalar_one())
        except sa.exc.DBAPIError:
            return
        known = self.last_event_id if self.last_event_id >= 0 else self._stored_state()
        if known >= 0 and known == hi:
            self.last_event_id = known
            return
        if hi - max(known, 0) <= INLINE_LIMIT:
            self.refresh()
            return
        self.building = True

        def run() -> None:
            try:
                self.refresh()
            finally:
                self.building = False

        threading.Thread(target=run, name="rasid-web-rollup", daemon=True).start()

    def _stored_state(self) -> int:
        try:
            with self.db.read() as conn:
                row = conn.execute(sa.text("SELECT last_event_id FROM web_rollup_state WHERE name = :s"),
                                   {"s": STATE}).first()
        except sa.exc.DBAPIError:
            return -1
        return int(row[0]) if row else -1

    @property
    def ready(self) -> bool:
        """True when the tables count every event known at the last check."""
        return self.last_event_id >= 0 and not self.building

    # -- reading -------------------------------------------------------------------------------------

    def _rows(self, sql: str, params: dict[str, Any]) -> list[Any]:
        with self.db.read() as conn:
            return list(conn.execute(sa.text(sql), params))

    def by_type(self, types: Sequence[str], date_from: str, date_to: str) -> list[tuple[str, str, int]]:
        """(month, type, n) from the day table: exact for any day range."""
        conds, params = self._day_conds(types, date_from, date_to)
        return [(m, t, int(n)) for m, t, n in self._rows(
            f"SELECT substr(day, 1, 7) AS m, type, SUM(n) FROM web_rollup_day{conds} GROUP BY m, type", params)]

    def total(self, types: Sequence[str], date_from: str, date_to: str) -> int:
        conds, params = self._day_conds(types, date_from, date_to)
        rows = self._rows(f"SELECT COALESCE(SUM(n), 0) FROM web_rollup_day{conds}", params)
        return int(rows[0][0])

    @staticmethod
    def _day_conds(types: Sequence[str], date_from: str, date_to: str) -> tuple[str, dict[str, Any]]:
        conds, params = [], {}
        if types:
            conds.append("type IN (" + ",".join(f":t{i}" for i in range(len(types))) + ")")
            params.update({f"t{i}": t for i, t in enumerate(types)})
        if date_from:
            conds.append("day >= :lo")
            params["lo"] = date_from
        if date_to:
            conds.append("day <= :hi")
            params["hi"] = date_to + "~"
        return (" WHERE " + " AND ".join(conds)) if conds else "", params

    def by_role(self, role: str, types: Sequence[str], months: tuple[str, str], entity_ids: Sequence[str] = (),
                per_month: bool = True) -> list[tuple[str, str, str, int]]:
        """(entity, month or '', type, n) of one role, within whole months and optionally some entities."""
        conds = ["role = :role"]
        params: dict[str, Any] = {"role": role}
        if types:
            conds.append("type IN (" + ",".join(f":t{i}" for i in range(len(types))) + ")")
            params.update({f"t{i}": t for i, t in enumerate(types)})
        if entity_ids:
            conds.append("entity_id IN (" + ",".join(f":e{i}" for i in range(len(entity_ids))) + ")")
            params.update({f"e{i}": e for i, e in enumerate(entity_ids)})
        if months[0]:
            conds.append("month >= :lo")
            params["lo"] = months[0]
        if months[1]:
            conds.append("month <= :hi")
            params["hi"] = months[1]
        month = "month" if per_month else "''"
        sql = (f"SELECT entity_id, {month} AS m, type, SUM(n) FROM web_rollup_role WHERE {' AND '.join(conds)}"
               f" GROUP BY entity_id, m, type")
        return [(e, m, t, int(n)) for e, m, t, n in self._rows(sql, params)]

    def totals(self, role: str, types: Sequence[str] = (), limit: int = 1000) -> list[tuple[str, int]]:
        """(entity, n) of one role over all dates, most events first."""
        conds, params = "role = :role", {"role": role, "limit": limit}
        if types:
            conds += " AND type IN (" + ",".join(f":t{i}" for i in range(len(types))) + ")"
            params.update({f"t{i}": t for i, t in enumerate(types)})
        return [(e, int(n)) for e, n in self._rows(
            f"SELECT entity_id, SUM(n) AS total FROM web_rollup_total WHERE {conds} GROUP BY entity_id"
            " ORDER BY total DESC, entity_id LIMIT :limit", params)]

    def pairs(self, entity_id: str, role: str, other_role: str, limit: int = 20) -> list[tuple[str, int]]:
        """(other entity, events) naming ``entity_id`` in ``role`` and the other in ``other_role``."""
        return [(o, int(n)) for o, n in self._rows(
            "SELECT other_id, n FROM web_rollup_pair WHERE entity_id = :e AND role = :r AND other_role = :o"
            " ORDER BY n DESC, other_id LIMIT :limit", {"e": entity_id, "r": role, "o": other_role, "limit": limit})]

    def entity_roles(self, entity_id: str) -> dict[str, int]:
        """Events naming the entity, per role (actor, target, place)."""
        return {r: int(n) for r, n in self._rows(
            "SELECT role, SUM(n) FROM web_rollup_role WHERE entity_id = :e GROUP BY role", {"e": entity_id})}
