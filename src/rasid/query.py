"""Rasid's query layer: typed answers to analysts' questions, shared by the CLI, REST API and dashboard.

>>> from rasid.query import Filters
>>> Filters(type="attack", place="Deir ez-Zor", min_fatalities=4).to_dict()["place"]
'Deir ez-Zor'

Usage::

    from rasid.store.sql import Database
    from rasid import query
    with Database.open("rasid.db") as db:
        page = query.list_events(db, query.Filters(type="media_release", actor="Islamic State",
                                                   entity="SDF", since="2019-03"))
        for ev in page.items:
            print(ev.date, ev.subtype, [a.name_en for a in ev.actors])
        more = query.list_events(db, filters, cursor=page.next_cursor)
        hits = query.search(db, "غزوة الثأر")

Entity filters take an id (``wd:Q2429253``) or any name in either language: every alias of the
entity matches, and so do its branches (entities whose ``parent`` it is). ``place`` also takes a
governorate (first-level division): "Deir ez-Zor" matches every place whose admin1 is Deir ez-Zor.
Every list is a :class:`Page` (``items``, ``next_cursor``); records have ``to_dict()`` and a page
has ``to_frame()`` (pandas, optional extra).
"""
from __future__ import annotations

import base64
import binascii
import dataclasses
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from rasid.errors import RasidError
from rasid.stages.normalize import fold
from rasid.store import queries as Q
from rasid.store.textindex import find_matches, parse_query, snippet

if TYPE_CHECKING:
    import pandas  # type: ignore[import-untyped,unused-ignore]

    from rasid.resources import Resources
    from rasid.store.sql import Database

__all__ = [
    "CountRow",
    "DocumentRecord",
    "EntityRecord",
    "EntityRef",
    "EventRecord",
    "Filters",
    "NotFound",
    "Page",
    "QueryError",
    "ReleaseRecord",
    "SearchResult",
    "StoryRecord",
    "count_events",
    "count_recent",
    "counts_by",
    "entity_timeline",
    "get_document",
    "get_entities",
    "get_entity",
    "get_event",
    "get_story",
    "health",
    "list_documents",
    "list_entities",
    "list_events",
    "list_stories",
    "release_registry",
    "resolve_entities",
    "search",
]

MAX_LIMIT = 1000
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
COUNT_BY = ("type", "subtype", "actor", "target", "speaker", "place", "outlet")
PERIODS = ("year", "month", "day")


class QueryError(RasidError, ValueError):
    """A bad filter, cursor or parameter: the message says what is accepted."""


class NotFound(RasidError, LookupError):
    """No document, event, entity or story with that id."""


# -- records ---------------------------------------------------------------------------------------


class _Record:
    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)  # type: ignore[call-overload,no-any-return]


@dataclass(frozen=True)
class EntityRef(_Record):
    """An entity named in a role: id and both names."""

    id: str
    name_en: str | None = None
    name_ar: str | None = None
    kind: str | None = None


@dataclass(frozen=True)
class EventRecord(_Record):
    """One stored event with its document's provenance."""

    id: int
    doc: int
    doc_id: str
    type: str
    subtype: str | None
    core: bool
    date: dict[str, Any] | None
    actors: list[EntityRef]
    targets: list[EntityRef]
    speakers: list[EntityRef]
    places: list[EntityRef]
    attributes: dict[str, Any]
    confidence: float
    summary: str
    evidence: list[list[int]]
    evidence_text: str
    title: str
    published: str | None
    outlet: str | None
    story_id: str | None
    url: str | None


@dataclass(frozen=True)
class DocumentRecord(_Record):
    """A stored article; ``text``, ``entities`` and ``events`` are filled by get_document only."""

    id: int
    doc_id: str
    title: str
    outlet: str | None
    wires: list[str]
    published: str | None
    language: str | None
    url: str | None
    story_id: str | None
    ingested_at: str
    text: str | None = None
    entities: list[dict[str, Any]] = field(default_factory=list)
    events: list[EventRecord] = field(default_factory=list)


@dataclass(frozen=True)
class EntityRecord(_Record):
    """An entity seen in the database, with its aliases and how often it appears."""

    id: str
    kind: str
    name_en: str | None
    name_ar: str | None
    aliases: list[str] = field(default_factory=list)
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    admin1: str | None = None
    precision: str | None = None
    parent: str | None = None
    n_mentions: int | None = None
    n_documents: int | None = None
    n_events: int | None = None


@dataclass(frozen=True)
class StoryRecord(_Record):
    """Documents reporting the same news; get_story fills ``documents`` and ``events``."""

    story_id: str
    title: str | None
    first_seen: str | None
    last_seen: str | None
    n_docs: int
    event_type: str | None = None
    n_independent: int = 0  # outlets that reported it independently (wire copies and re-posts count once)
    n_conflicts: int = 0  # fields on which sources disagree (e.g. two fatality counts)
    record: dict[str, Any] | None = None  # get_story: merged fields with per-source provenance, conflicts, ranges
    documents: list[DocumentRecord] = field(default_factory=list)
    events: list[EventRecord] = field(default_factory=list)


@dataclass(frozen=True)
class SearchResult(_Record):
    """A matching document: score, highlighted snippet (HTML, matches in <mark>) and its matching events."""

    doc: int
    doc_id: str
    title: str
    published: str | None
    outlet: str | None
    story_id: str | None
    url: str | None
    score: float
    snippet: str
    highlights: list[list[int]]
    events: list[EventRecord]


@dataclass(frozen=True)
class CountRow(_Record):
    """One group of a count: key (type, entity id, outlet), English label, period (or None), count."""

    key: str | None
    label: str | None
    period: str | None
    n: int


@dataclass(frozen=True)
class ReleaseRecord(_Record):
    """A reported media release: who produced it, what it was, where and when it was reported."""

    event_id: int
    doc_id: str
    date: str | None
    format: str | None
    producers: list[EntityRef]
    speakers: list[EntityRef]
    title: str | None
    issue: Any
    outlet: str | None
    platform: str | None
    language: str | None
    duration_min: Any
    pages: Any
    reported_by: str | None
    story_id: str | None
    summary: str


T = TypeVar("T")


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of results; pass ``next_cursor`` back to get the next (None on the last page)."""

    items: list[T]
    next_cursor: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"items": [i.to_dict() for i in self.items],  # type: ignore[attr-defined]
                "next_cursor": self.next_cursor}

    def to_frame(self) -> pandas.DataFrame:
        """The items as a pandas DataFrame (nested fields flattened with dots)."""
        return to_frame(self.items)


def to_frame(records: list[Any]) -> pandas.DataFrame:
    """Records as a pandas DataFrame (``pip install 'rasid[pandas]'``)."""
    try:
        import pandas as pd
    except ImportError as e:
        raise ImportError("DataFrames need pandas: pip install 'rasid[pandas]'") from e
    return pd.json_normalize([r.to_dict() for r in records])


# -- filters ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Filters(_Record):
    """What the CLI options, REST query parameters and dashboard controls filter on.

    ``type``/``subtype`` take one value or several joined by commas. ``actor``, ``target``,
    ``speaker``, ``place`` and ``entity`` (any role) take an entity id or a name in any language
    or spelling. ``since``/``until`` are YYYY, YYYY-MM or YYYY-MM-DD, inclusive, on the event's
    date (or its document's date when the event has none). ``text`` restricts to documents
    matching a full-text query.
    """

    type: str | None = None
    subtype: str | None = None
    actor: str | None = None
    target: str | None = None
    speaker: str | None = None
    place: str | None = None
    entity: str | None = None
    since: str | None = None
    until: str | None = None
    story: str | None = None
    outlet: str | None = None
    doc_id: str | None = None
    core: bool | None = None
    min_fatalities: float | None = None
    text: str | None = None


def _split(v: str | None) -> list[str]:
    return [s.strip() for s in (v or "").split(",") if s.strip()]


def _check_date(name: str, v: str | None) -> str | None:
    if v is None or v == "":
        return None
    if not _DATE.match(v):
        raise QueryError(f"{name} must be a date as YYYY, YYYY-MM or YYYY-MM-DD, got {v!r}")
    return v


def _where(db: Database, f: Filters | None, res: Resources | None) -> Q.Where | None:
    """Resolved filters, or None when an entity filter names nothing known (no result can match)."""
    f = f or Filters()
    roles: dict[str, list[str]] = {}
    for role in ("actor", "target", "speaker", "place", "entity"):
        value = getattr(f, role)
        if value:
            ids = resolve_entities(db, value, kind="location" if role == "place" else None, res=res)
            if not ids:
                return None
            roles["any" if role == "entity" else role] = ids
    if f.min_fatalities is not None and not (0 <= f.min_fatalities < 1e9):
        raise QueryError("min_fatalities must be a number from 0")
    parsed = parse_query(f.text) if f.text else None
    return Q.Where(types=_split(f.type), subtypes=_split(f.subtype), roles=roles,  # type: ignore[arg-type]
                   since=_check_date("since", f.since), until=_check_date("until", f.until), story=f.story or None,
                   outlet=f.outlet or None, doc_id=f.doc_id or None, core=f.core, min_fatalities=f.min_fatalities,
                   text=parsed if parsed is not None and not parsed.is_empty else None)


def _resources(res: Resources | None) -> Resources:
    if res is not None:
        return res
    from rasid.api import load_resources

    return load_resources()


def _kb_index(res: Resources) -> dict[str, Any]:
    def build(r: Resources) -> dict[str, Any]:
        by_name: dict[str, set[str]] = {}
        children: dict[str, set[str]] = {}
        admin1: dict[tuple[str | None, str], set[str]] = {}
        admin1_names: dict[str, set[tuple[str | None, str]]] = {}
        for e in r.entries.values():
            for n in e.all_names:
                by_name.setdefault(fold(n).strip(), set()).add(e.id)
            if e.parent:
                children.setdefault(e.parent, set()).add(e.id)
            if e.kind == "location" and e.admin1:
                admin1.setdefault((e.country, e.admin1), set()).add(e.id)
                admin1_names.setdefault(fold(e.admin1), set()).add((e.country, e.admin1))
        return {"by_name": by_name, "children": children, "admin1": admin1, "admin1_names": admin1_names}

    return res.cached("query.kb_index", build)  # type: ignore[no-any-return]


def resolve_entities(db: Database, name: str, *, kind: str | None = None, res: Resources | None = None) -> list[str]:
    """Entity ids a name (or id) stands for: every alias, both languages, plus branches or places inside.

    For places, a first-level division (governorate, province) includes every place whose
    ``admin1`` it is; other entities include their descendants through ``parent`` links.
    """
    r = _resources(res)
    kb = _kb_index(r)
    ids: set[str] = set()
    for part in _split(name) or [name]:
        key = fold(part).strip()
        if not key:
            continue
        if part in r.entries:
            ids.add(part)
        ids |= kb["by_name"].get(key, set())
        with db.read() as conn:
            ids |= set(Q.entities_by_alias(conn, key))
            if ":" in part and Q.select_entities(conn, prefix=None, kind=None, after_id=None, limit=1, ids=[part]):
                ids.add(part)
        if kind == "location":
            pairs: set[tuple[str | None, str]] = set(kb["admin1_names"].get(key, set()))
            for i in list(ids):
                e = r.entries.get(i)
                # a governorate, or the city that gives its name to one ("Deir ez-Zor", "دير الزور")
                if e is not None and e.kind == "location" and e.admin1 and (
                        e.precision == "admin1" or e.feature == "admin1" or fold(e.name_en) == fold(e.admin1)):
                    pairs.add((e.country, e.admin1))
            for p in pairs:
                ids |= kb["admin1"].get(p, set())
            if pairs:
                with db.read() as conn:
                    ids |= set(Q.places_in_admin1(conn, sorted(pairs, key=str)))
    if kind == "location":
        ids = {i for i in ids if (r.entries[i].kind == "location" if i in r.entries else True)}
    # descendants through parent links (KB and database), a few levels deep
    frontier = set(ids)
    for _ in range(4):
        if not frontier:
            break
        new: set[str] = set()
        for i in frontier:
            new |= kb["children"].get(i, set())
        with db.read() as conn:
            new |= set(Q.entity_children(conn, sorted(frontier)))
        frontier = new - ids
        ids |= new
    return sorted(ids)


# -- cursors ---------------------------------------------------------------------------------------


def _encode_cursor(d: dict[str, Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(d, separators=(",", ":")).encode()).decode().rstrip("=")


def _decode_cursor(cursor: str | None, key: str, typ: type) -> Any:
    if not cursor:
        return None
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        value = json.loads(raw)[key]
        if not isinstance(value, typ) or isinstance(value, bool):
            raise TypeError
        return value
    except (binascii.Error, ValueError, KeyError, TypeError, UnicodeDecodeError) as e:
        raise QueryError("invalid cursor: pass back the next_cursor of the previous page unchanged") from e


def _limit(limit: int) -> int:
    if not isinstance(limit, int) or isinstance(limit, bool) or not 1 <= limit <= MAX_LIMIT:
        raise QueryError(f"limit must be a whole number from 1 to {MAX_LIMIT}, got {limit!r}")
    return limit


# -- events ----------------------------------------------------------------------------------------


def _event_records(conn: Any, rows: list[Any], res: Resources | None) -> list[EventRecord]:
    roles: dict[int, dict[str, list[EntityRef]]] = {}
    kb = res.entries if res is not None else {}
    for ev_id, role, ent, en, ar, kind in Q.select_roles(conn, [r[0] for r in rows]):
        if en is None and ent in kb:
            k = kb[ent]
            en, ar, kind = k.name_en, k.name_ar, k.kind
        roles.setdefault(ev_id, {}).setdefault(role, []).append(EntityRef(ent, en, ar, kind))
    out = []
    for (ev_id, doc, _seq, typ, sub, core, ds, de, dp, dt, attrs, conf, summary, evidence, doc_id, title, text,
         published, outlet, story, url) in rows:
        spans = json.loads(evidence or "[]")
        full = f"{title}\n\n{text}" if title else (text or "")
        ev_text = " ".join(full[s:e] for s, e in spans[:2]) if spans else ""
        r = roles.get(ev_id, {})
        out.append(EventRecord(
            id=int(ev_id), doc=int(doc), doc_id=doc_id, type=typ, subtype=sub, core=bool(core),
            date={"start": ds, "end": de, "precision": dp, "text": dt} if ds else None,
            actors=r.get("actor", []), targets=r.get("target", []), speakers=r.get("speaker", []),
            places=r.get("place", []), attributes=json.loads(attrs or "{}"), confidence=float(conf),
            summary=summary or "", evidence=spans, evidence_text=ev_text, title=title, published=published,
            outlet=outlet, story_id=story, url=url))
    return out


def list_events(db: Database, filters: Filters | None = None, *, limit: int = 50, cursor: str | None = None,
                res: Resources | None = None) -> Page[EventRecord]:
    """Events matching the filters, most recently stored first."""
    limit = _limit(limit)
    before = _decode_cursor(cursor, "before", int)
    w = _where(db, filters, res)
    if w is None:
        return Page([])
    with db.read() as conn:
        rows = Q.select_events(conn, w, before_id=before, limit=limit + 1)
        items = _event_records(conn, rows[:limit], _resources(res))
    nxt = _encode_cursor({"before": items[-1].id}) if len(rows) > limit else None
    return Page(items, nxt)


def get_event(db: Database, event_id: int, *, res: Resources | None = None) -> EventRecord:
    """One event by id (raises NotFound)."""
    if not isinstance(event_id, int) or isinstance(event_id, bool) or not 0 < event_id < 2**62:
        raise NotFound(f"no event {event_id!r}")
    with db.read() as conn:
        rows = Q.select_events(conn, Q.Where(), before_id=event_id + 1, limit=1)
        if not rows or rows[0][0] != event_id:
            raise NotFound(f"no event {event_id}")
        return _event_records(conn, rows, _resources(res))[0]


def release_registry(db: Database, filters: Filters | None = None, *, limit: int = 50, cursor: str | None = None,
                     res: Resources | None = None) -> Page[ReleaseRecord]:
    """Reported media releases (type media_release), newest first, with their attributes as columns."""
    f = dataclasses.replace(filters or Filters(), type="media_release")
    page = list_events(db, f, limit=limit, cursor=cursor, res=res)
    items = []
    for e in page.items:
        a = e.attributes
        items.append(ReleaseRecord(
            event_id=e.id, doc_id=e.doc_id, date=(e.date or {}).get("start") or e.published,
            format=e.subtype or a.get("format"), producers=e.actors, speakers=e.speakers, title=a.get("title"),
            issue=a.get("issue"), outlet=a.get("outlet"), platform=a.get("platform"), language=a.get("language"),
            duration_min=a.get("duration_min"), pages=a.get("pages"), reported_by=e.outlet, story_id=e.story_id,
            summary=e.summary))
    return Page(items, page.next_cursor)


def counts_by(db: Database, by: str = "type", period: str | None = None, filters: Filters | None = None, *,
              top: int = 50, res: Resources | None = None) -> list[CountRow]:
    """Event counts grouped by ``by`` (type, subtype, actor, target, speaker, place, outlet) and period."""
    if by not in COUNT_BY:
        raise QueryError(f"by must be one of {', '.join(COUNT_BY)}, got {by!r}")
    if period is not None and period not in PERIODS:
        raise QueryError(f"period must be one of {', '.join(PERIODS)} (or none), got {period!r}")
    top = _limit(top)
    w = _where(db, filters, res)
    if w is None:
        return []
    with db.read() as conn:
        rows = Q.count_events(conn, w, by, period, top)
    kb = _resources(res).entries if by in ("actor", "target", "speaker", "place") else {}
    out = []
    for key, label, per, n in rows:
        if key in kb and (label is None or label == key):
            label = kb[key].name_en
        out.append(CountRow(key, label if label is not None else key, per, int(n)))
    return out


def count_events(db: Database, filters: Filters | None = None, *, cap: int | None = None,
                 res: Resources | None = None) -> tuple[int, bool]:
    """How many events match: ``(n, is_capped)``; with ``cap``, counting stops after ``cap`` (then ``n == cap``).

    A cap bounds the time on a large database: the dashboard shows "10,000+" for ``(10000, True)``.
    """
    if cap is not None and (not isinstance(cap, int) or isinstance(cap, bool) or cap < 1):
        raise QueryError(f"cap must be a whole number from 1, got {cap!r}")
    w = _where(db, filters, res)
    if w is None:
        return 0, False
    with db.read() as conn:
        if cap is None:
            return sum(int(r[3]) for r in Q.count_events(conn, w, "type", None, 1000)), False
        n = Q.count_matching(conn, w, cap)
    return min(n, cap), n > cap


def count_recent(db: Database, filters: Filters | None = None, by: str = "type", period: str = "month", *,
                 window: int = 20_000, res: Resources | None = None) -> list[CountRow]:
    """Counts like :func:`counts_by` (by type or a role's entities) over the ``window`` most recently stored
    matching events only: bounded time for charts of broad filters on a large database."""
    if by not in ("type", "actor", "target", "speaker", "place"):
        raise QueryError(f"by must be type, actor, target, speaker or place, got {by!r}")
    if period not in PERIODS:
        raise QueryError(f"period must be one of {', '.join(PERIODS)}, got {period!r}")
    if not isinstance(window, int) or isinstance(window, bool) or not 1 <= window <= 1_000_000:
        raise QueryError(f"window must be a whole number from 1 to 1,000,000, got {window!r}")
    w = _where(db, filters, res)
    if w is None:
        return []
    with db.read() as conn:
        rows = Q.count_recent(conn, w, by, period, window)
    return [CountRow(k, k, m, int(n)) for k, m, n in rows]


def entity_timeline(db: Database, entity: str, period: str = "month", *, role: str | None = None,
                    res: Resources | None = None) -> list[CountRow]:
    """Events naming an entity (in ``role``, or any role) per period and type: key = event type."""
    if role is not None and role not in ("actor", "target", "speaker", "place"):
        raise QueryError("role must be actor, target, speaker or place")
    f = Filters(actor=entity) if role == "actor" else Filters(target=entity) if role == "target" else \
        Filters(speaker=entity) if role == "speaker" else Filters(place=entity) if role == "place" else \
        Filters(entity=entity)
    return counts_by(db, "type", period, f, res=res)


# -- documents and search --------------------------------------------------------------------------


def _doc_record(row: Any, with_text: bool = False) -> DocumentRecord:
    i, doc_id, title, text, outlet, wires, published, language, url, story, ingested = row
    return DocumentRecord(int(i), doc_id, title, outlet, json.loads(wires or "[]"), published, language, url, story,
                          ingested, text if with_text else None)


def list_documents(db: Database, filters: Filters | None = None, *, limit: int = 50, cursor: str | None = None,
                   res: Resources | None = None) -> Page[DocumentRecord]:
    """Documents (newest stored first) with at least one event matching the event filters, if any."""
    limit = _limit(limit)
    before = _decode_cursor(cursor, "before", int)
    w = _where(db, filters, res)
    if w is None:
        return Page([])
    with db.read() as conn:
        rows = Q.select_documents(conn, w, before_id=before, limit=limit + 1)
    items = [_doc_record(r) for r in rows[:limit]]
    return Page(items, _encode_cursor({"before": items[-1].id}) if len(rows) > limit else None)


def get_document(db: Database, key: str | int, *, res: Resources | None = None) -> DocumentRecord:
    """A document by numeric id or doc_id, with its text, entities (with mentions) and events."""
    with db.read() as conn:
        row = Q.document_by_key(conn, key)
        if row is None:
            raise NotFound(f"no document {key!r}")
        doc = _doc_record(row, with_text=True)
        ents: dict[str, dict[str, Any]] = {}
        for ent, s, e, surface, kind, en, ar, lat, lon, country, admin1 in Q.document_mentions(conn, doc.id):
            d = ents.setdefault(ent, {"id": ent, "kind": kind, "name_en": en, "name_ar": ar, "lat": lat, "lon": lon,
                                      "country": country, "admin1": admin1, "names": [], "mentions": []})
            if surface not in d["names"]:
                d["names"].append(surface)
            d["mentions"].append([s, e])
        rows = Q.select_events(conn, Q.Where(), doc_ids=[doc.id], limit=10_000)
        events = sorted(_event_records(conn, rows, _resources(res)), key=lambda x: x.id)
    return dataclasses.replace(doc, entities=list(ents.values()), events=events)


def search(db: Database, text: str, filters: Filters | None = None, *, limit: int = 20, cursor: str | None = None,
           res: Resources | None = None) -> Page[SearchResult]:
    """Ranked documents for a full-text query in any spelling, with snippets and their matching events.

    Words are all required ("quoted phrases" must be adjacent); when fewer documents hold them all,
    documents holding some of them follow, ranked lower. Stopwords are ignored unless alone.
    """
    limit = _limit(limit)
    offset = _decode_cursor(cursor, "offset", int) or 0
    if offset < 0 or offset > 100_000:
        raise QueryError("invalid cursor: offset out of range")
    parsed = parse_query(text or "")
    if parsed.is_empty:
        raise QueryError("the search query has no words; give at least one word")
    w = _where(db, dataclasses.replace(filters or Filters(), text=None), res)
    if w is None:
        return Page([])
    need = offset + limit + 1
    with db.read() as conn:
        hits = Q.search_documents(conn, parsed, w, "all", need)
        if len(hits) < need and len(parsed.words) + len(parsed.phrases) > 1:
            hits += Q.search_documents(conn, parsed, w, "any", need - len(hits), exclude=[d for d, _ in hits])
        page = hits[offset:offset + limit]
        ids = [d for d, _ in page]
        docs = {int(r[0]): r for r in Q.select_documents(conn, Q.Where(), ids=ids, limit=len(ids))} if ids else {}
        ev_rows = Q.select_events(conn, w, doc_ids=ids, limit=10_000) if ids else []
        events = _event_records(conn, ev_rows, _resources(res))
    by_doc: dict[int, list[EventRecord]] = {}
    for e in sorted(events, key=lambda x: x.id):
        by_doc.setdefault(e.doc, []).append(e)
    keys = parsed.keys
    items = []
    for d, score in page:
        r = docs.get(d)
        if r is None:
            continue
        full = f"{r[2]}\n\n{r[3]}" if r[2] else r[3]
        items.append(SearchResult(
            doc=d, doc_id=r[1], title=r[2], published=r[6], outlet=r[4], story_id=r[9], url=r[8],
            score=round(score, 4), snippet=snippet(r[3] or r[2], keys) if find_matches(r[3] or "", keys)
            else snippet(r[2], keys), highlights=[list(s) for s in find_matches(full, keys)][:200],
            events=by_doc.get(d, [])))
    nxt = _encode_cursor({"offset": offset + limit}) if len(hits) > offset + limit else None
    return Page(items, nxt)


# -- entities and stories --------------------------------------------------------------------------


def _entity_record(row: Any) -> EntityRecord:
    return EntityRecord(id=row[0], kind=row[1], name_en=row[2], name_ar=row[3], lat=row[4], lon=row[5],
                        country=row[6], admin1=row[7], precision=row[8], parent=row[9])


def list_entities(db: Database, q: str | None = None, *, kind: str | None = None, limit: int = 50,
                  cursor: str | None = None) -> Page[EntityRecord]:
    """Entities in the database whose folded alias starts with ``q`` (any spelling), by id."""
    limit = _limit(limit)
    after = _decode_cursor(cursor, "after", str)
    with db.read() as conn:
        rows = Q.select_entities(conn, prefix=fold(q).strip() if q else None, kind=kind or None, after_id=after,
                                 limit=limit + 1)
    items = [_entity_record(r) for r in rows[:limit]]
    return Page(items, _encode_cursor({"after": items[-1].id}) if len(rows) > limit else None)


def get_entities(db: Database, ids: Iterable[str]) -> dict[str, EntityRecord]:
    """Stored entities by id, in one read (ids the database does not hold are left out); no aliases or counts."""
    wanted = list(dict.fromkeys(i for i in ids if i))
    out: dict[str, EntityRecord] = {}
    with db.read() as conn:
        for i in range(0, len(wanted), 500):
            for row in Q.select_entities(conn, prefix=None, kind=None, after_id=None, limit=500,
                                         ids=wanted[i:i + 500]):
                rec = _entity_record(row)
                out[rec.id] = rec
    return out


def get_entity(db: Database, entity_id: str, *, counts: bool = True, res: Resources | None = None) -> EntityRecord:
    """An entity with its aliases (database and knowledge base) and, unless ``counts=False``, its counts.

    Raises NotFound. Counting scans the entity's mentions and roles: skip it on hot paths.
    """
    r = _resources(res)
    with db.read() as conn:
        rows = Q.select_entities(conn, prefix=None, kind=None, after_id=None, limit=1, ids=[entity_id])
        kb = r.entries.get(entity_id)
        if not rows and kb is None:
            raise NotFound(f"no entity {entity_id!r}; find ids with GET /api/entities?q=NAME or 'rasid kb find'")
        aliases = Q.entity_aliases(conn, entity_id)
        n_m, n_d, n_e = Q.entity_counts(conn, entity_id) if counts else (None, None, None)
    if rows:
        rec = _entity_record(rows[0])
    else:
        assert kb is not None
        rec = EntityRecord(kb.id, kb.kind, kb.name_en, kb.name_ar, lat=kb.lat, lon=kb.lon, country=kb.country,
                           admin1=kb.admin1, precision=kb.precision, parent=kb.parent)
    all_aliases = list(dict.fromkeys([*aliases, *(kb.all_names if kb else ())]))
    return dataclasses.replace(rec, aliases=all_aliases, n_mentions=n_m, n_documents=n_d, n_events=n_e)


def _story_record(row: Any) -> StoryRecord:
    sid, first, last, n, title, event_type, n_independent, n_conflicts, record = row
    parsed = json.loads(record) if isinstance(record, str) and record else None
    return StoryRecord(sid, title, first, last, int(n), event_type, int(n_independent or 0), int(n_conflicts or 0),
                       parsed)


def list_stories(db: Database, filters: Filters | None = None, *, limit: int = 50, cursor: str | None = None,
                 res: Resources | None = None) -> Page[StoryRecord]:
    """Stories, most recent first; event filters keep stories with at least one matching event."""
    limit = _limit(limit)
    offset = _decode_cursor(cursor, "offset", int) or 0
    w = _where(db, filters, res)
    if w is None:
        return Page([])
    with db.read() as conn:
        rows = Q.select_stories(conn, w, offset=offset, limit=limit + 1)
    items = [_story_record(r) for r in rows[:limit]]
    return Page(items, _encode_cursor({"offset": offset + limit}) if len(rows) > limit else None)


def get_story(db: Database, story_id: str, *, res: Resources | None = None) -> StoryRecord:
    """A story with its documents and their events; raises NotFound."""
    with db.read() as conn:
        rows = Q.select_stories(conn, Q.Where(), offset=0, limit=1, story_ids=[story_id], with_record=True)
        if not rows:
            raise NotFound(f"no story {story_id!r}")
        docs = [_doc_record(r) for r in Q.select_documents(conn, Q.Where(story=story_id), limit=10_000)]
        ev_rows = Q.select_events(conn, Q.Where(story=story_id), limit=10_000)
        events = sorted(_event_records(conn, ev_rows, _resources(res)), key=lambda x: x.id)
    return dataclasses.replace(_story_record(rows[0]), documents=sorted(docs, key=lambda d: d.id), events=events)


def health(db: Database) -> dict[str, Any]:
    """Database kind, schema version and row counts."""
    with db.read() as conn:
        counts = Q.health(conn)
    return {"status": "ok", "database": db.dialect, "schema_version": db.schema_version, **counts}
