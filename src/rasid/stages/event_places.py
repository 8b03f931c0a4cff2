"""Where an event happened: places a sentence names, minus the ones that only locate another place.

"في سوريا" is a scene; "الولايات المتحدة وحلفاؤها" names a party; "شمالي بغداد" and "175 كيلومترا إلى
الشمال من بغداد" locate the scene by a reference city; a country yields to a town inside it; a town
restates its province or country when two reports of one event are merged.
"""
from __future__ import annotations

import re

from rasid.model import Mention
from rasid.resources import KBEntry, Resources
from rasid.stages.event_context import AGENT_TYPES, Candidate, EventContext, add_unique, cue, words_before


def is_locative(text: str, m: Mention, ctx: EventContext) -> bool:
    """"في سوريا", "بالعراق", "داخل اليمن": the country is where, not who."""
    if m.start > 0 and text[m.start - 1] in "بل":
        return True
    if re.match(r"\s*[:：]", text[m.end:m.end + 3]):
        return True  # "تونس: اعتقال داعشي": a headline's place
    words = ctx.res.cached("locative_words", _locative_words)
    if words_before(text, m.start, 1) in words:
        return True
    if m.start > 0 and text[m.start - 1] == "و":  # "في العراق وسوريا": the second of a pair of places
        prior = [o for o in ctx.mentions if o.kind == "location" and o.end <= m.start - 1
                 and not text[o.end:m.start - 1].strip()]
        return bool(prior) and is_locative(text, prior[-1], ctx)
    return False


def _locative_words(res: Resources) -> frozenset[str]:
    from rasid.stages.normalize import fold

    return frozenset(fold(w) for w in ((res.rules.get("events") or {}).get("locative_words") or {}).get("words", ()))


def _on_the_map(entity_id: str, ctx: EventContext) -> bool:
    """A gazetteer place with coordinates: an unknown "منطقة الديرين" cannot stand in for the city it locates."""
    entry = ctx.res.get(entity_id)
    return entry is not None and entry.lat is not None


def is_reference_point(text: str, m: Mention, ctx: EventContext) -> bool:
    """"على بعد 25 كيلومترا إلى الشمال من بغداد", "شمالي بغداد": a direction or distance from the place."""
    return cue(ctx, "direction", words_before(text, m.start, 7))


def locates_other_place(text: str, m: Mention, ctx: EventContext) -> bool:
    """"حي القدم جنوب دمشق"، "مارع ... عن الحدود مع تركيا": a place that only locates the place before it."""
    from rasid.stages.normalize import fold

    before = [o for o in ctx.mentions if o.kind == "location" and o.end <= m.start and o.entity_id != m.entity_id
              and m.start - o.end <= 80 and not ctx.in_dateline(o.start) and _on_the_map(o.entity_id, ctx)]
    if not before:
        return False
    gap = text[max(o.end for o in before):m.start]
    if len(gap.split()) > 8 or re.search(r"[.،,:؛()]", gap):
        return False
    regex = ctx.rules.cues.get("locator")
    tail = fold(" ".join(gap.split()))
    tail = re.sub(r"(?<=\s)[بل]$", "", tail).rstrip()
    return bool(regex and any(x.end() == len(tail) for x in regex.finditer(tail)))


def places_of_the_clause(c: Candidate, cands: list[Candidate], assigned: dict[int, list[Mention]],
                          ctx: EventContext) -> None:
    """"بعد طرده من آخر معقل له في بلدة الباغوز، إثر هجوم": a place the sentence gave to a neighbouring
    trigger is this event's too when it has none of its own."""
    text = ctx.doc.clean.full_text
    for other in cands:
        if other is c or other.sentence != c.sentence or other.type in AGENT_TYPES:
            continue
        for m in assigned[id(other)]:
            if ctx.classes.get(m.entity_id) == "location" and not ctx.in_dateline(m.start) \
                    and not locates_other_place(text, m, ctx) and not is_reference_point(text, m, ctx):
                add_unique(c.clause_places, m.entity_id)


def most_specific(places: list[str], ctx: EventContext) -> list[str]:
    """Drop a country when a town or province of that country is named: "الرقة" says more than "سوريا"."""
    entries = {p: ctx.res.get(p) for p in places}
    inner = {e.country for e in entries.values() if e is not None and e.precision != "country"}
    countries = {e.country for e in entries.values() if e is not None and e.precision == "country"}
    if None in entries.values() and len(countries) == 1:
        inner |= countries  # "منطقة برمل في ولاية باكتيكا": villages the gazetteer lacks lie in the one country named
    spans = ctx.res.cached("region_spans", _region_spans)
    regions = {p for p, r in entries.items() if r is not None and p in spans and any(  # "سيناء" says less
        e is not None and q != p and _within(e, r, spans) for q, e in entries.items())}  # than "الشيخ زويد"
    return [p for p, e in entries.items() if p not in regions and (
        e is None or e.precision != "country" or e.country not in inner)]


def _within(inner: KBEntry, outer: KBEntry, spans: dict[str, frozenset[str]] | None = None) -> bool:
    """The town lies in the country or province: "الحديدة" restates "اليمن", not "عدن"; a town of North Sinai
    lies in "سيناء", a region spanning provinces."""
    if not inner.country or inner.country != outer.country or inner.id == outer.id:
        return inner.id == outer.id
    if outer.precision == "country":
        return True
    if spans and outer.id in spans and inner.id not in spans:
        return _fold_name(inner.admin1) in spans[outer.id]
    if outer.precision == "admin2" and inner.precision == "place" and outer.admin2:  # "منبج" and "منطقة منبج"
        same_admin1 = not inner.admin1 or _fold_name(inner.admin1) == _fold_name(outer.admin1)
        seat = outer.name_ar.split()[1:] == inner.name_ar.split()  # "منطقة منبج" is named after its town
        return same_admin1 and (_fold_name(inner.admin2) == _fold_name(outer.admin2) or seat)
    return outer.precision == "admin1" and inner.precision != "admin1" and bool(outer.admin1) and \
        _fold_name(inner.admin1) == _fold_name(outer.admin1)


def _fold_name(name: str | None) -> str:
    return "".join(ch for ch in (name or "").lower() if ch.isalpha()).removeprefix("al")


def places_nest(a: list[str], b: list[str], res: Resources) -> bool:
    """Every place of one side lies in (or is) a place of the other side. A village the gazetteer lacks
    ("منطقة برمل") may lie in a country the other side names, and is no proof of another scene."""
    spans = res.cached("region_spans", _region_spans)

    def one_country(side: list[KBEntry | None]) -> bool:
        return len(side) == 1 and side[0] is not None and side[0].precision == "country" and bool(side[0].country)

    def nests(x: KBEntry | None, others: list[KBEntry | None]) -> bool:
        if x is None:
            return one_country(others)
        return any(_within(x, o, spans) or _within(o, x, spans) if o is not None else one_country([x])
                   for o in others)

    eb = [res.get(p) for p in b]
    return all(nests(res.get(p), eb) for p in a)


def _region_spans(res: Resources) -> dict[str, frozenset[str]]:
    """Region id -> the folded names of the provinces it spans (rules/regions.json)."""
    spans = (res.rules.get("regions") or {}).get("spans") or {}
    return {rid: frozenset(_fold_name(n) for n in names) for rid, names in spans.items()}
