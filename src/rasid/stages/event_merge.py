"""Merging the candidates of one document: one event restated in several sentences becomes one event.

``merge_events`` joins compatible restatements and triggers that point back ("الهجوم", "حينها");
``fold_release_mentions`` joins a recording named again to the release it names, as evidence only;
``the_same_place`` reads "في المنطقة نفسها" as the place of the event told just before.
"""
from __future__ import annotations

from datetime import date

from rasid.resources import Resources
from rasid.stages.event_context import AGENT_TYPES, DEFINITE, Candidate, EventContext, add_unique, cue, words_before
from rasid.stages.event_places import places_nest


def is_background(c: Candidate) -> bool:
    return bool(getattr(c, "background", False))


def _disjoint(a: list[str], b: list[str]) -> bool:
    return bool(a and b and not set(a) & set(b))


CAMPAIGN = "airstrike_campaign"  # spans places and days: "21 ضربة في العراق"، "ثماني ضربات قرب الحسكة" are parts
_SPECIFIC_OF = {"bombing": {"car_bomb", "suicide", "ied"}, "armed_assault": {"mass_shooting", "suicide"},
                "other": {"beheading", "shooting"}}  # execution/other: "يعدم" restates "ذبح" or "رميا بالرصاص"


_SUICIDE_CAR_BOMB = {"car_bomb", "suicide"}  # "سيارة مفخخة يقودها انتحاري": one blast told both ways


def _same_kind(a: Candidate, b: Candidate) -> bool:
    """Same subtype, or a generic one ("انفجار") restating a specific one ("سيارة مفخخة")."""
    return a.subtype == b.subtype or b.subtype in _SPECIFIC_OF.get(a.subtype or "", ()) or \
        a.subtype in _SPECIFIC_OF.get(b.subtype or "", ()) or {a.subtype, b.subtype} == _SUICIDE_CAR_BOMB


def _compatible(a: Candidate, b: Candidate, res: Resources | None = None) -> bool:
    """Same event restated: same type and subtype, and no disagreeing place, target or day."""
    if a.type != b.type or not _same_kind(a, b):
        return False
    if _disjoint(a.roles["places"], b.roles["places"]) and CAMPAIGN not in (a.subtype, b.subtype) and not (
            res is not None and places_nest(a.roles["places"], b.roles["places"], res)):
        return False
    if a.type not in AGENT_TYPES and _disjoint(a.roles["targets"], b.roles["targets"]) \
            and _disjoint(_with_parents(a.roles["targets"], res), _with_parents(b.roles["targets"], res)):
        return False  # "خطفت ... من الفرقة 30" restates "تخطف مقاتلين للمعارضة": a unit is part of its body
    if a.type in AGENT_TYPES and _disjoint(a.roles["speakers"], b.roles["speakers"]):
        return False
    if a.date and b.date and a.date.start != b.date.start and a.subtype != CAMPAIGN:
        return False
    titles = (a.attributes.get("title"), b.attributes.get("title"))
    return not (titles[0] and titles[1] and titles[0] != titles[1])


def _with_parents(ids: list[str], res: Resources | None) -> list[str]:
    """The entities and the bodies they belong to (knowledge-base ``parent`` links, a few levels). A
    person's group is not among them: a strike that killed a leader and strikes on his group are apart."""
    out = list(ids)
    for i in ids:
        node = res.get(i) if res is not None else None
        for _ in range(3):
            if node is None or not node.parent:
                break
            add_unique(out, node.parent)
            node = res.get(node.parent) if res is not None else None
    return out


def _refers_back(m: Candidate, c: Candidate, res: Resources | None) -> bool:
    """"وتبنى داعش الهجوم": a definite trigger with no place of its own elsewhere restates the last such event."""
    if not c.is_definite or m.type != c.type or c.type not in _ANAPHORIC_TYPES or c.sentence < max(m.sentences) \
            or c.sentence == max(m.sentences) and c.start <= m.start:
        return False  # "وسقط عشرات القتلى جراء الهجوم ... وكان التنظيم أعلن المسؤولية عن التفجير": one clause on
    if m.subtype in _FROM_AFAR and not _same_kind(m, c):
        return False  # "الهجوم المسلح الذي شنه أسترالي على مسجدين" restates no airstrike told before it
    if _disjoint(m.roles["places"], c.roles["places"]) and not (
            res is not None and places_nest(m.roles["places"], c.roles["places"], res)):
        return False
    return not (m.date and c.date and abs(_day_gap(m.date.start, c.date.start)) > 1)  # "ليل السبت الأحد"


def _day_gap(a: str, b: str) -> int:
    try:
        return (date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days
    except ValueError:
        return 0 if a == b else 99


_ANAPHORIC_TYPES = {"attack", "execution", "military_operation"}
_FROM_AFAR = {"airstrike", "shelling"}


def merge_events(cands: list[Candidate], res: Resources | None = None) -> list[Candidate]:
    """One event restated in several sentences becomes one event with all its evidence. Merging again
    until nothing joins: a relative clause ("والذي قتل في غارة") told before the sentence that names its
    victim's movement joins the strike once that sentence has joined the headline's."""
    for _ in range(3):
        merged = _merge_once(cands, res)
        if len(merged) == len(cands):
            break
        cands = merged
    return merged


def _merge_once(cands: list[Candidate], res: Resources | None) -> list[Candidate]:
    merged: list[Candidate] = []
    for c in sorted(cands, key=lambda c: (c.sentence, c.start)):
        earlier = [m for m in merged if m.type == c.type]
        earlier = [m for m in earlier if _same_kind(m, c)] or earlier  # "الغارة" names the last strike
        if earlier and _refers_back(earlier[-1], c, res) and (
                is_background(earlier[-1]) == is_background(c) or not c.is_old):
            _absorb(earlier[-1], c)  # "وكان المهاجمون قد أطلقوا النار", "وكانت قوات أميركية قد شنت الغارة
            continue  # السبت الماضي": a detail of the news (its day too), not a past event
        for m in merged:
            if is_background(m) and is_background(c) and not c.is_definite and c.sentence not in m.sentences \
                    and not _share_a_party(m, c):
                continue  # two past events recalled apart ("وأعدم العراق 111 مدانا عام 2014") are two events
            if _compatible(m, c, res) and (is_background(m) == is_background(c)
                                      or not (m.is_recalled or c.is_recalled)):  # a relative clause restating
                if is_background(m) and not is_background(c):
                    m.background = False  # type: ignore[attr-defined]
                _absorb(m, c)
                break
        else:
            merged.append(c)
    return merged


def fold_quoted_restatements(cands: list[Candidate], quoted: list[Candidate],
                             res: Resources | None = None) -> list[Candidate]:
    """"قال إن: الهجوم البري لقوات سوريا الديموقراطية كان فعالا": quoted words are no event, but one that
    restates an event told outside the quote is its evidence and, when the event has no day, dates it."""
    for q in quoted:
        told = [m for m in cands if _compatible(m, q, res)]
        if told:
            m = max(told, key=lambda m: (min(m.sentences) <= q.sentence, -abs(min(m.sentences) - q.sentence)))
            m.named_in |= q.sentences
            m.date = m.date or q.date
    return cands


def _share_a_party(a: Candidate, b: Candidate) -> bool:
    return any(set(a.roles[r]) & set(b.roles[r]) for r in ("actors", "targets", "places"))


def _names_a_release(c: Candidate, ctx: EventContext) -> bool:
    """"عندما بث التنظيم الفيديو", "ظهروا في فيديو للتنظيم الأسبوع الماضي", "أظهرت مقاطع الفيديو": a release
    named again (a definite noun, or "في" + a recording nobody is said to release here), not released here."""
    from rasid.stages.normalize import fold

    text = ctx.doc.clean.full_text
    words = fold(text[c.start:c.end]).split()
    if any(w.startswith(DEFINITE) for w in words):
        return True
    after = " ".join(text[c.end:c.end + 40].split()[:3])
    return words_before(text, c.start, 1) in ("في", "وفي") and not cue(ctx, "release_verb", after)


def _own_calendar_day(c: Candidate, m: Candidate) -> bool:
    """"آخر تسجيل بثه التنظيم إلى 29 نيسان ... بث الفيديو": a recording dated by the calendar is its own."""
    return bool(c.date and not c.date.is_inferred and any(ch.isdigit() for ch in c.date.text or "")
                and (m.date is None or m.date.start != c.date.start))


def fold_release_mentions(cands: list[Candidate], ctx: EventContext) -> list[Candidate]:
    """A recording named again joins the release it names (its sentences, attributes and producer; not the
    people of its sentence nor that sentence's date): same format, the nearest release told as released."""
    mentions = [c for c in cands if c.type == "media_release" and c.subtype != "statement"
                and _names_a_release(c, ctx)]
    dropped: set[int] = set()
    for c in mentions:
        released = [m for m in cands if m is not c and id(m) not in dropped and m.type == c.type
                    and m.subtype == c.subtype and not (m in mentions and min(m.sentences) > min(c.sentences))
                    and not _own_calendar_day(c, m)]
        if not released:
            continue
        m = min(released, key=lambda r: min(abs(i - j) for i in r.sentences for j in c.sentences))
        m.named_in |= c.sentences | c.named_in  # evidence only: what the release is and shows stays its own
        for k, v in c.attributes.items():
            m.attributes.setdefault(k, v)
        for a in c.roles["actors"]:
            add_unique(m.roles["actors"], a)
        dropped.add(id(c))
    return [c for c in cands if id(c) not in dropped]


def fold_title_restatements(cands: list[Candidate], ctx: EventContext) -> list[Candidate]:
    """"ليبيا تعيد جثث 20 قبطيا ذبحهم داعش": a headline event the body tells only as a past event is that
    event, not a second one (the body's news events were merged with the headline already)."""
    title = ctx.title_sentences()
    dropped: set[int] = set()
    for t in cands:
        if max(t.sentences) >= title:
            continue
        told = [c for c in cands if min(c.sentences) >= title and id(c) not in dropped and _compatible(t, c, ctx.res)
                and (c.is_old or c.date is None) and not _disjoint(_with_parents(t.roles["actors"], ctx.res),
                                                                   _with_parents(c.roles["actors"], ctx.res))]
        if told:
            _absorb(told[0], t)
            dropped.add(id(t))
    return [c for c in cands if id(c) not in dropped]


def the_same_place(c: Candidate, cands: list[Candidate], ctx: EventContext) -> list[str]:
    """"وهاجمت النصرة مقرا للفرقة في المنطقة نفسها": the place first named for the event told just before."""
    if not any(cue(ctx, "same_place", ctx.sentence_text(i)) for i in c.sentences):
        return []
    before = [k for k in cands if k is not c and k.roles["places"] and min(k.sentences) < min(c.sentences)]
    return max(before, key=lambda k: max(i for i in k.sentences if i < min(c.sentences))).roles["places"][:1] \
        if before else []


def _absorb(m: Candidate, c: Candidate) -> None:
    """``c`` restates ``m``: its parties, attributes, sentences and date join ``m``; the specific subtype wins."""
    if c.subtype in _SPECIFIC_OF.get(m.subtype or "", ()):
        m.trigger = c.trigger
    for role in m.roles:
        for v in c.roles[role]:
            add_unique(m.roles[role], v)
    for k, v in c.attributes.items():
        m.attributes.setdefault(k, v)
    m.sentences |= c.sentences
    m.date = m.date or c.date
    for p in c.clause_places:
        add_unique(m.clause_places, p)
