"""The SQL behind ``rasid.query``: filters to WHERE clauses, one portable statement per question.

Everything here runs unchanged on SQLite and PostgreSQL except full-text matching (FTS5 MATCH vs
``tsvector @@ tsquery``) and reading a number out of the JSON ``attributes`` column.
Resolved filters come in as :class:`Where` pieces; the query layer never writes SQL itself.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from rasid.store.textindex import ParsedQuery

# The date an event is filed under: its own date when it has a year, else its document's date.
DATE_EXPR = ("COALESCE(CASE WHEN substr(e.date_start, 1, 1) <> '-' THEN e.date_start END, d.published,"
             " substr(d.ingested_at, 1, 10))")
DOC_DATE_EXPR = "COALESCE(d.published, substr(d.ingested_at, 1, 10))"
PERIOD_LEN = {"year": 4, "month": 7, "day": 10}
EVENT_COLUMNS = ("e.id, e.doc, e.seq, e.type, e.subtype, e.core, e.date_start, e.date_end, e.date_precision,"
                 " e.date_text, e.attributes, e.confidence, e.summary, e.evidence, d.doc_id, d.title, d.text,"
                 " d.published, d.outlet, d.story_id, d.url")
DOC_COLUMNS = ("d.id, d.doc_id, d.title, d.text, d.outlet, d.wires, d.published, d.language, d.url, d.story_id,"
               " d.ingested_at")
# how many of the most recent matching documents are ranked when a query matches very many
RANK_WINDOW = 2000


@dataclass
class Where:
    """Resolved filters: event-level role ids, plain values, and full-text keys."""

    types: Sequence[str] = ()
    subtypes: Sequence[str] = ()
    roles: dict[str, Sequence[str]] = field(default_factory=dict)  # role ('any' = any role) -> entity ids
    since: str | None = None
    until: str | None = None
    story: str | None = None
    outlet: str | None = None
    doc_id: str | None = None
    core: bool | None = None
    min_fatalities: float | None = None
    text: ParsedQuery | None = None

    @property
    def has_event_filter(self) -> bool:
        return bool(self.types or self.subtypes or self.roles or self.core is not None
                    or self.min_fatalities is not None)


class _Sql:
    """Accumulates WHERE conditions and their parameters (expanding lists for IN)."""

    def __init__(self, dialect: str) -> None:
        self.dialect = dialect
        self.conds: list[str] = []
        self.params: dict[str, Any] = {}
        self.expanding: set[str] = set()

    def param(self, value: Any, expanding: bool = False) -> str:
        name = f"p{len(self.params)}"
        self.params[name] = list(value) if expanding else value
        if expanding:
            self.expanding.add(name)
        return ":" + name

    def text(self, sql: str) -> sa.TextClause:
        t = sa.text(sql)
        if self.expanding:
            t = t.bindparams(*(sa.bindparam(n, expanding=True) for n in self.expanding))
        return t

    def where(self) -> str:
        return " AND ".join(self.conds) if self.conds else "1 = 1"

    def date_range(self, since: str | None, until: str | None, start: str, end: str | None = None) -> None:
        """``start >= since`` and ``(end or start) <= until``, a bare day covering all of it ("~" sorts after times)."""
        if since:
            self.conds.append(f"{end or start} >= {self.param(since)}")
        if until:
            self.conds.append(f"{start} <= {self.param(until + '~')}")


def _fatalities_expr(dialect: str) -> str:
    if dialect == "sqlite":
        return "CAST(json_extract(e.attributes, '$.fatalities') AS REAL)"
    return ("(CASE WHEN (e.attributes::jsonb ->> 'fatalities') ~ '^[0-9]+(\\.[0-9]+)?$'"
            " THEN (e.attributes::jsonb ->> 'fatalities')::double precision END)")


def _text_cond(q: _Sql, parsed: ParsedQuery, doc_col: str, mode: str = "all") -> str:
    if q.dialect == "sqlite":
        return f"{doc_col} IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH {q.param(parsed.fts5(mode))})"
    return (f"{doc_col} IN (SELECT id FROM documents WHERE folded_tsv @@ CAST({q.param(parsed.tsquery(mode))}"
            " AS tsquery))")


def event_conditions(q: _Sql, w: Where, *, dates: bool = True, probe_roles: bool = False) -> None:
    """Conditions on ``events e JOIN documents d``.

    A role filter is the set of event ids read from the covering index ``event_roles_entity_event``
    (entity, role, event), resolved once per query; with ``probe_roles`` it is instead checked per
    event through the primary key (cheap when few events are walked, see :func:`select_events`).
    """
    if w.types:
        q.conds.append(f"e.type IN {q.param(w.types, True)}")
    if w.subtypes:
        q.conds.append(f"e.subtype IN {q.param(w.subtypes, True)}")
    for role, ids in w.roles.items():
        role_cond = "" if role == "any" else f" AND r.role = {q.param(role)}"
        if probe_roles:
            q.conds.append(f"EXISTS (SELECT 1 FROM event_roles r WHERE r.event_id = e.id{role_cond}"
                           f" AND r.entity_id IN {q.param(ids, True)})")
        else:
            q.conds.append(f"e.id IN (SELECT r.event_id FROM event_roles r WHERE r.entity_id IN"
                           f" {q.param(ids, True)}{role_cond})")
    if w.core is not None:
        q.conds.append(f"e.core = {q.param(w.core)}")
    if w.min_fatalities is not None:
        q.conds.append(f"{_fatalities_expr(q.dialect)} >= {q.param(w.min_fatalities)}")
    if dates:
        q.date_range(w.since, w.until, DATE_EXPR)
    document_conditions(q, w, dates=False)


def document_conditions(q: _Sql, w: Where, *, dates: bool = True) -> None:
    """Conditions on ``documents d`` alone."""
    if w.story:
        q.conds.append(f"d.story_id = {q.param(w.story)}")
    if w.outlet:
        q.conds.append(f"d.outlet = {q.param(w.outlet)}")
    if w.doc_id:
        q.conds.append(f"d.doc_id = {q.param(w.doc_id)}")
    if dates:
        q.date_range(w.since, w.until, DOC_DATE_EXPR)
    if w.text is not None and not w.text.is_empty:
        q.conds.append(_text_cond(q, w.text, "d.id"))


def _doc_event_filter(q: _Sql, w: Where, doc_col: str = "d.id") -> None:
    """Documents that hold at least one event matching the event-level filters."""
    if w.has_event_filter:
        sub = _Sql(q.dialect)
        sub.params, sub.expanding = q.params, q.expanding
        event_conditions(sub, Where(types=w.types, subtypes=w.subtypes, roles=w.roles, core=w.core,
                                    min_fatalities=w.min_fatalities, since=w.since, until=w.until))
        q.conds.append(f"EXISTS (SELECT 1 FROM events e WHERE e.doc = {doc_col} AND {sub.where()})")
        document_conditions(q, Where(story=w.story, outlet=w.outlet, doc_id=w.doc_id, text=w.text), dates=False)
    else:
        document_conditions(q, w)


# -- events -----------------------------------------------------------------------------------------


# SQLite, role filters: first walk this many of the newest events (probing roles per event)
WALK_MIN, WALK_PER_ROW, WALK_MAX = 2_000, 50, 20_000


def _walk_window(limit: int) -> int:
    return min(WALK_MAX, max(WALK_MIN, WALK_PER_ROW * limit))


def select_events(conn: Connection, w: Where, *, before_id: int | None = None, limit: int = 50,
                  doc_ids: Sequence[int] | None = None) -> list[Any]:
    """Event rows (newest first by id) with their document's columns.

    With role filters on SQLite, the newest events are walked first (a bounded id range, roles
    probed per event: a few ms for a frequent entity such as a group with its branches); only when
    that window holds fewer than ``limit`` matches is the query driven from the role index.
    """
    if w.roles and doc_ids is None and conn.dialect.name == "sqlite":
        top = before_id if before_id is not None else conn.execute(sa.text("SELECT MAX(id) FROM events")).scalar()
        if top is None:
            return []
        top = int(top) + (0 if before_id is not None else 1)
        window = _walk_window(limit)
        q = _Sql("sqlite")
        event_conditions(q, w, probe_roles=True)
        q.conds.append(f"e.id < {q.param(top)} AND e.id >= {q.param(top - window)}")
        # NOT INDEXED: only the rowid range drives the walk (never the type or date index)
        sql = (f"SELECT {EVENT_COLUMNS} FROM events e NOT INDEXED JOIN documents d ON d.id = e.doc"
               f" WHERE {q.where()} ORDER BY e.id DESC LIMIT {int(limit)}")
        rows = list(conn.execute(q.text(sql), q.params))
        if len(rows) >= limit or top - window <= 1:
            return rows
        return rows + _select_events(conn, w, top - window, limit - len(rows), None)
    return _select_events(conn, w, before_id, limit, doc_ids)


def _select_events(conn: Connection, w: Where, before_id: int | None, limit: int,
                   doc_ids: Sequence[int] | None) -> list[Any]:
    q = _Sql(conn.dialect.name)
    event_conditions(q, w)
    if before_id is not None:
        q.conds.append(f"e.id < {q.param(before_id)}")
    if doc_ids is not None:
        q.conds.append(f"e.doc IN {q.param(doc_ids, True)}")
    sql = (f"SELECT {EVENT_COLUMNS} FROM events e JOIN documents d ON d.id = e.doc WHERE {q.where()}"
           f" ORDER BY e.id DESC LIMIT {int(limit)}")
    return list(conn.execute(q.text(sql), q.params))


def count_matching(conn: Connection, w: Where, cap: int) -> int:
    """How many events match, counting at most ``cap + 1`` (so the time is bounded)."""
    q = _Sql(conn.dialect.name)
    event_conditions(q, w)
    sql = (f"SELECT COUNT(*) FROM (SELECT 1 FROM events e JOIN documents d ON d.id = e.doc WHERE {q.where()}"
           f" LIMIT {int(cap) + 1}) x")
    return int(conn.execute(q.text(sql), q.params).scalar_one())


def count_recent(conn: Connection, w: Where, by: str, period: str, window: int) -> list[Any]:
    """(key, period, n) over the ``window`` most recently stored matching events, by type or role entity."""
    q = _Sql(conn.dialect.name)
    event_conditions(q, w)
    inner = (f"SELECT e.id, e.type, {DATE_EXPR} AS day FROM events e JOIN documents d ON d.id = e.doc"
             f" WHERE {q.where()} ORDER BY e.id DESC LIMIT {int(window)}")
    per = f"substr(x.day, 1, {PERIOD_LEN[period]})"
    if by == "type":
        sql = f"SELECT x.type, {per} AS m, COUNT(*) FROM ({inner}) x GROUP BY x.type, m"
    else:
        sql = (f"SELECT r.entity_id, {per} AS m, COUNT(*) FROM ({inner}) x JOIN event_roles r"
               f" ON r.event_id = x.id AND r.role = {q.param(by)} GROUP BY r.entity_id, m")
    return list(conn.execute(q.text(sql), q.params))


def select_roles(conn: Connection, event_ids: Sequence[int]) -> list[Any]:
    """(event_id, role, entity_id, name_en, name_ar, kind) for the given events, in role order."""
    if not event_ids:
        return []
    q = _Sql(conn.dialect.name)
    sql = ("SELECT r.event_id, r.role, r.entity_id, en.name_en, en.name_ar, en.kind FROM event_roles r"
           f" LEFT JOIN entities en ON en.id = r.entity_id WHERE r.event_id IN {q.param(event_ids, True)}"
           " ORDER BY r.event_id, r.role, r.position")
    return list(conn.execute(q.text(sql), q.params))


def count_events(conn: Connection, w: Where, by: str, period: str | None, top: int) -> list[Any]:
    """(key, label, period, n) rows: events grouped by type/subtype/outlet/role entity and period."""
    q = _Sql(conn.dialect.name)
    event_conditions(q, w)
    join = ""
    label = "NULL"
    if by in ("type", "subtype"):
        key = f"e.{by}"
    elif by == "outlet":
        key = "d.outlet"
    elif by in ("actor", "target", "speaker", "place"):
        join = (f" JOIN event_roles rr ON rr.event_id = e.id AND rr.role = {q.param(by)}"
                " LEFT JOIN entities en ON en.id = rr.entity_id")
        key = "rr.entity_id"
        label = "COALESCE(en.name_en, rr.entity_id)"
    else:
        raise ValueError(by)
    if label == "NULL":
        label = key
    per = f"substr({DATE_EXPR}, 1, {PERIOD_LEN[period]})" if period else "CAST(NULL AS TEXT)"
    group = f"{key}, {per}" if period else key
    sql = (f"SELECT {key} AS k, MIN({label}) AS label, {per} AS period, COUNT(*) AS n"
           f" FROM events e JOIN documents d ON d.id = e.doc{join} WHERE {q.where()}"
           f" GROUP BY {group} ORDER BY {'period, ' if period else ''}n DESC, k")
    if not period:
        sql += f" LIMIT {int(top)}"
    return list(conn.execute(q.text(sql), q.params))


# -- documents and search ---------------------------------------------------------------------------


def select_documents(conn: Connection, w: Where, *, before_id: int | None = None, limit: int = 50,
                     ids: Sequence[int] | None = None) -> list[Any]:
    q = _Sql(conn.dialect.name)
    _doc_event_filter(q, w)
    if before_id is not None:
        q.conds.append(f"d.id < {q.param(before_id)}")
    if ids is not None:
        q.conds.append(f"d.id IN {q.param(ids, True)}")
    sql = f"SELECT {DOC_COLUMNS} FROM documents d WHERE {q.where()} ORDER BY d.id DESC LIMIT {int(limit)}"
    return list(conn.execute(q.text(sql), q.params))


def document_by_key(conn: Connection, key: str | int) -> Any:
    """A document row by numeric id or by its doc_id / content hash."""
    if isinstance(key, int) or (isinstance(key, str) and key.isdigit() and len(key) < 18):
        row = conn.execute(sa.text(f"SELECT {DOC_COLUMNS} FROM documents d WHERE d.id = :k"), {"k": int(key)}).first()
        if row is not None:
            return row
    return conn.execute(sa.text(f"SELECT {DOC_COLUMNS} FROM documents d WHERE d.doc_id = :k OR d.content_hash = :k"
                                " ORDER BY d.id LIMIT 1"), {"k": str(key)}).first()


def search_documents(conn: Connection, parsed: ParsedQuery, w: Where, mode: str, n: int,
                     exclude: Sequence[int] = ()) -> list[tuple[int, float]]:
    """(document id, score) best first: ranked among the RANK_WINDOW most recent matches."""
    q = _Sql(conn.dialect.name)
    # documents are joined only when a condition reads them (dates, story, outlet): the FTS rowid is the id
    join = q.dialect != "sqlite" or bool(w.since or w.until or w.story or w.outlet or w.doc_id)
    doc_col = "d.id" if join else "f.rowid"
    _doc_event_filter(q, Where(**{**w.__dict__, "text": None}), doc_col)
    if exclude:
        q.conds.append(f"{doc_col} NOT IN {q.param(exclude, True)}")
    extra = q.where()
    if q.dialect == "sqlite":
        m = q.param(parsed.fts5(mode))
        docs = " JOIN documents d ON d.id = f.rowid" if join else ""
        sql = ("SELECT doc, score FROM (SELECT f.rowid AS doc, -bm25(documents_fts, 3.0, 1.0) AS score"
               f" FROM documents_fts f{docs} WHERE documents_fts MATCH {m} AND {extra}"
               f" ORDER BY f.rowid DESC LIMIT {RANK_WINDOW}) ORDER BY score DESC, doc DESC LIMIT {int(n)}")
    else:
        tq = q.param(parsed.tsquery(mode))
        sql = (f"SELECT doc, score FROM (SELECT d.id AS doc, ts_rank_cd(d.folded_tsv, CAST({tq} AS tsquery), 1)"
               f" AS score FROM documents d WHERE d.folded_tsv @@ CAST({tq} AS tsquery) AND {extra}"
               f" ORDER BY d.id DESC LIMIT {RANK_WINDOW}) s ORDER BY score DESC, doc DESC LIMIT {int(n)}")
    return [(int(d), float(s)) for d, s in conn.execute(q.text(sql), q.params)]


# -- entities and stories ---------------------------------------------------------------------------


def entities_by_alias(conn: Connection, folded: str) -> list[str]:
    rows = conn.execute(sa.text("SELECT DISTINCT entity_id FROM entity_aliases WHERE folded = :f"), {"f": folded})
    return [r[0] for r in rows]


def entity_children(conn: Connection, ids: Sequence[str]) -> list[str]:
    q = _Sql(conn.dialect.name)
    return [r[0] for r in conn.execute(q.text(f"SELECT id FROM entities WHERE parent IN {q.param(ids, True)}"),
                                       q.params)]


def places_in_admin1(conn: Connection, pairs: Sequence[tuple[str | None, str]]) -> list[str]:
    out: list[str] = []
    for country, admin1 in pairs:
        rows = conn.execute(sa.text("SELECT id FROM entities WHERE admin1 = :a AND (country = :c OR :c IS NULL)"),
                            {"a": admin1, "c": country})
        out += [r[0] for r in rows]
    return out


def select_entities(conn: Connection, *, prefix: str | None, kind: str | None, after_id: str | None,
                    limit: int, ids: Sequence[str] | None = None) -> list[Any]:
    q = _Sql(conn.dialect.name)
    if prefix:
        q.conds.append("EXISTS (SELECT 1 FROM entity_aliases a WHERE a.entity_id = en.id AND (a.folded = "
                       f"{q.param(prefix)} OR a.folded LIKE {q.param(_like_prefix(prefix))} ESCAPE '\\'))")
    if kind:
        q.conds.append(f"en.kind = {q.param(kind)}")
    if after_id is not None:
        q.conds.append(f"en.id > {q.param(after_id)}")
    if ids is not None:
        q.conds.append(f"en.id IN {q.param(ids, True)}")
    sql = ("SELECT en.id, en.kind, en.name_en, en.name_ar, en.lat, en.lon, en.country, en.admin1, en.precision,"
           f" en.parent FROM entities en WHERE {q.where()} ORDER BY en.id LIMIT {int(limit)}")
    return list(conn.execute(q.text(sql), q.params))


def _like_prefix(s: str) -> str:
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def entity_aliases(conn: Connection, entity_id: str) -> list[str]:
    return [r[0] for r in conn.execute(sa.text("SELECT alias FROM entity_aliases WHERE entity_id = :e ORDER BY alias"),
                                       {"e": entity_id})]


def entity_counts(conn: Connection, entity_id: str) -> tuple[int, int, int]:
    """(mentions, documents, events) of one entity."""
    m, d = conn.execute(sa.text("SELECT COUNT(*), COUNT(DISTINCT doc) FROM mentions WHERE entity_id = :e"),
                        {"e": entity_id}).one()
    ev = conn.execute(sa.text("SELECT COUNT(DISTINCT event_id) FROM event_roles WHERE entity_id = :e"),
                      {"e": entity_id}).scalar_one()
    return int(m), int(d), int(ev)


def document_mentions(conn: Connection, doc: int) -> list[Any]:
    return list(conn.execute(sa.text(
        "SELECT m.entity_id, m.start_char, m.end_char, m.surface, en.kind, en.name_en, en.name_ar, en.lat, en.lon,"
        " en.country, en.admin1 FROM mentions m LEFT JOIN entities en ON en.id = m.entity_id WHERE m.doc = :d"
        " ORDER BY m.start_char"), {"d": doc}))


def select_stories(conn: Connection, w: Where, *, offset: int, limit: int,
                   story_ids: Sequence[str] | None = None, with_record: bool = False) -> list[Any]:
    q = _Sql(conn.dialect.name)
    if w.has_event_filter or w.text is not None:
        sub = _Sql(q.dialect)
        sub.params, sub.expanding = q.params, q.expanding
        event_conditions(sub, Where(**{**w.__dict__, "story": None, "since": None, "until": None}))
        q.conds.append(f"EXISTS (SELECT 1 FROM events e JOIN documents d ON d.id = e.doc WHERE d.story_id = s.story_id"
                       f" AND {sub.where()})")
    q.date_range(w.since, w.until, "s.first_seen", "s.last_seen")  # the story overlaps the range
    if w.story:
        q.conds.append(f"s.story_id = {q.param(w.story)}")
    if story_ids is not None:
        q.conds.append(f"s.story_id IN {q.param(story_ids, True)}")
    record = "s.record" if with_record else "NULL"
    sql = ("SELECT s.story_id, s.first_seen, s.last_seen, s.n_docs,"
           " (SELECT d.title FROM documents d WHERE d.story_id = s.story_id ORDER BY d.id LIMIT 1) AS title,"
           f" s.event_type, s.n_independent, s.n_conflicts, {record} AS record"
           f" FROM stories s WHERE {q.where()} ORDER BY s.last_seen DESC, s.story_id LIMIT {int(limit)}"
           f" OFFSET {int(offset)}")
    return list(conn.execute(q.text(sql), q.params))


def health(conn: Connection) -> dict[str, int]:
    out = {}
    for table in ("documents", "events", "entities", "stories"):
        out[table] = int(conn.execute(sa.text(f"SELECT COUNT(*) FROM {table}")).scalar_one())
    return out
