"""The event stage: typed events with roles, attributes, dates and evidence sentences.

Flow: ``find_triggers`` (rule regexes over folded sentences, negation and quotation aware)
-> ``fill_roles`` (entities of the sentence by their class: armed group, state force, person,
place) -> ``merge_events`` (one release restated in three sentences is one event)
-> ``mark_core`` (lede and title are the news; "كان قد", "في العام 2014" are background).
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any

from rasid.model import DateValue, Entity, Event, Mention, NormalDoc
from rasid.resources import KBEntry, Resources
from rasid.stages.event_attrs import describe, parse_attributes
from rasid.stages.event_rules import EventRules, Trigger, compile_rules

_AGENT_TYPES = {"media_release", "threat"}


def build_actor_classes(res: Resources) -> dict[str, str]:
    """Entity id -> 'group' (extremist, with every branch and media arm below it) or 'state' (forces)."""
    rules = res.rules.get("actor_classes") or {}
    roots = set(rules.get("extremist") or ())
    forces = set(rules.get("force_categories") or ())
    out: dict[str, str] = {}
    for entry in res.entries.values():
        if entry.kind not in ("organization", "media_outlet", "publication"):
            continue
        seen: set[str] = set()
        node: KBEntry | None = entry
        while node is not None and node.id not in seen:
            if node.id in roots:
                out[entry.id] = "group"
                break
            seen.add(node.id)
            node = res.entries.get(node.parent) if node.parent else None
        else:
            if entry.category in forces:
                out[entry.id] = "state"
    return out


def entity_class(entry: KBEntry | None, kind: str, actor_classes: dict[str, str]) -> str:
    """group | media_arm | state | outlet | platform | publication | person | location | other."""
    if kind in ("person", "location", "platform", "publication"):
        return kind
    category = entry.category if entry else ""
    if category == "media_arm" or (kind == "media_outlet" and entry is not None and entry.parent):
        return "media_arm"
    if kind == "media_outlet":
        return "outlet"
    if entry is not None and entry.id in actor_classes:
        return actor_classes[entry.id]
    return "other"


@dataclass
class _Candidate:
    trigger: Trigger
    sentence: int
    start: int  # original offsets of the trigger
    end: int
    roles: dict[str, list[str]] = field(default_factory=lambda: {"actors": [], "targets": [], "speakers": [],
                                                                    "places": []})
    attributes: dict[str, Any] = field(default_factory=dict)
    sentences: set[int] = field(default_factory=set)
    date: DateValue | None = None
    in_quote: bool = False
    is_relative: bool = False  # "الذين باتوا يحاصرون": context in a relative clause, not the news

    @property
    def type(self) -> str:
        return self.trigger.type

    @property
    def subtype(self) -> str | None:
        return self.trigger.subtype


@dataclass
class _Context:
    """Per-document lookups shared by the sub-steps (built once per document)."""

    doc: NormalDoc
    res: Resources
    rules: EventRules
    mentions: list[Mention]
    classes: dict[str, str]
    main_group: str | None
    sent_norm: list[tuple[int, int]]  # folded [start, end) of each sentence
    dates: list[DateValue]
    dateline_end: int = 0

    def sentence_text(self, i: int) -> str:
        s, e = self.sent_norm[i]
        return self.doc.norm[s:e]

    def sentence_mentions(self, i: int) -> list[Mention]:
        s, e = self.doc.sentences[i]
        return [m for m in self.mentions if s <= m.start < e]


def _norm_index(doc: NormalDoc, orig: int) -> int:
    return bisect.bisect_left(doc.to_orig, orig)


def _build_context(doc: NormalDoc, mentions: list[Mention], res: Resources) -> _Context:
    rules: EventRules = res.cached("event_rules", compile_rules)
    actor_classes = res.cached("actor_classes", build_actor_classes)
    classes = {m.entity_id: entity_class(res.get(m.entity_id), m.kind, actor_classes) for m in mentions}
    groups = Counter(m.entity_id for m in mentions if classes[m.entity_id] == "group")
    main_group = _parent_most(groups, res)
    sent_norm = [(_norm_index(doc, s), _norm_index(doc, e)) for s, e in doc.sentences]
    dates = _find_dates(doc, res)
    return _Context(doc, res, rules, mentions, classes, main_group, sent_norm, dates, _dateline_end(doc))


def _dateline_end(doc: NormalDoc) -> int:
    """End offset of the dateline ("بيروت -", "(CNN) دبي، الإمارات --") at the start of the body."""
    body = doc.clean.text
    dateline = doc.clean.dateline
    if dateline and body.lstrip().startswith(dateline):
        return doc.clean.body_offset + body.index(dateline) + len(dateline)
    m = re.match(r"\s*(?:\([^)]{1,30}\))?\s*[^\s،,:.-]+(?:[،,]\s*[^\s،,:.-]+){0,3}\s*(?:--|-|–|:)\s", body)
    return doc.clean.body_offset + m.end() if m and len(m.group().split()) <= 6 else 0


def _parent_most(groups: Counter[str], res: Resources) -> str | None:
    """The group the article is about; a branch counts for its parent too."""
    if not groups:
        return None
    scores: Counter[str] = Counter()
    for gid, n in groups.items():
        scores[gid] += n
        entry = res.get(gid)
        if entry is not None and entry.parent and entry.parent in res.entries:
            scores[entry.parent] += n
    return scores.most_common(1)[0][0]


def _find_dates(doc: NormalDoc, res: Resources) -> list[DateValue]:
    from rasid.stages.dates import compile_date_rules, find_dates

    rules = res.cached("date_rules", lambda r: compile_date_rules(r.rules.get("dates") or {}))
    return list(find_dates(doc.clean.full_text, doc.clean.published, rules))


_QUOTES = re.compile(r"[\"“”«»]")


def _inside_quote(sentence: str, pos: int) -> bool:
    return len(_QUOTES.findall(sentence[:pos])) % 2 == 1


def _cue(ctx: _Context, name: str, text: str) -> bool:
    regex = ctx.rules.cues.get(name)
    return bool(regex and regex.search(text))


def _needs_met(trigger: Trigger, ctx: _Context, i: int, text: str) -> bool:
    present = {ctx.classes.get(m.entity_id, "") for m in ctx.sentence_mentions(i)}
    kinds = {m.kind for m in ctx.sentence_mentions(i)}
    for alternatives in trigger.needs:
        ok = False
        for need in alternatives:
            if need in ("group", "media_arm", "state", "person"):
                ok = need in present or (need == "group" and ctx.main_group is not None and _cue(ctx, "group_word", text))
            elif need == "publication":
                ok = "publication" in kinds
            else:
                ok = _cue(ctx, need, text)
            if ok:
                break
        if not ok:
            return False
    return True


def _is_negated(text: str, pos: int, end: int, ctx: _Context) -> bool:
    """Negated, hypothetical or blocked: "لم يعلن", "مخاوف من تهديد", "حكم الإعدام", "معدة لتفجير"."""
    before = " ".join(text[:pos].split()[-3:])
    if _cue(ctx, "negation", before) or _cue(ctx, "hypothetical", " ".join(text[:pos].split()[-2:])):
        return True
    around = " ".join(text[:pos].split()[-2:] + text[end:].split()[:2])
    if _cue(ctx, "future", around) and not _cue(ctx, "threat_word", text[max(0, pos - 2):end]):
        return True  # "هجوم الرقة سيكون": what will happen is not an event (a threat is)
    blockers = ctx.rules.blockers
    if blockers is None:
        return False
    for m in blockers.finditer(text, max(0, pos - 40), min(len(text), end + 5)):
        if m.start() < end and m.end() >= pos:
            return True
    return False


def _matches_by_sentence(ctx: _Context) -> dict[int, list[tuple[int, int, Trigger]]]:
    """Every trigger match in the document (one regex pass each), as offsets inside its sentence."""
    starts = [s for s, _ in ctx.sent_norm]
    out: dict[int, list[tuple[int, int, Trigger]]] = {}
    for trig in ctx.rules.triggers:
        for start, end in trig.finditer(ctx.doc.norm):
            i = bisect.bisect_right(starts, start) - 1
            if i < 0:
                continue
            s, e = ctx.sent_norm[i]
            if end <= e:
                out.setdefault(i, []).append((start - s, end - s, trig))
    return out


def find_triggers(ctx: _Context) -> list[_Candidate]:
    """Trigger matches per sentence: one candidate per type, its most specific subtype winning."""
    out: list[_Candidate] = []
    by_sentence = _matches_by_sentence(ctx)
    for i in sorted(by_sentence):
        text = ctx.sentence_text(i)
        found = by_sentence[i]
        kept: list[tuple[int, int, Trigger]] = []
        for s, e, trig in sorted(found, key=lambda f: (f[2].rank, f[0])):
            if any(t.type == trig.type and (t.subtype == trig.subtype or s < te + _NEAR and ts < e + _NEAR)
                   for ts, te, t in kept):
                continue  # one event per subtype; a generic word next to a specific one restates it
            if not _needs_met(trig, ctx, i, text) or _is_negated(text, s, e, ctx):
                continue
            kept.append((s, e, trig))
        by_type = {id(k): k for k in kept}
        threat_at = min((s for s, _, t in by_type.values() if t.type == "threat"), default=None)
        for s, e, trig in by_type.values():
            if threat_at is not None and trig.type in _THREATENED_TYPES and s > threat_at:
                continue  # "دعا إلى ... بالمفخخات": the car bombs are what is called for, not an attack
            ns = ctx.sent_norm[i][0]
            o_s, o_e = ctx.doc.orig_span(ns + s, ns + e)
            cand = _Candidate(trig, i, o_s, o_e, sentences={i}, in_quote=_inside_quote(text, s))
            cand.is_relative = _cue(ctx, "relative", " ".join(text[:s].split()[-3:]))
            out.append(cand)
    return out


_THREATENED_TYPES = {"attack", "execution", "military_operation"}
_NEAR = 25  # characters: "هجوم انتحاري" is one suicide attack, not also an armed assault
_WINDOW = 18  # words: a party further from its trigger belongs to another clause


def _nearest_candidate(m: Mention, cands: list[_Candidate]) -> _Candidate:
    return min(cands, key=lambda c: (0 if c.start <= m.start < c.end else 1,
                                     min(abs(m.start - c.end), abs(c.start - m.end))))


def _assign_mentions(cands: list[_Candidate], ctx: _Context) -> dict[int, list[Mention]]:
    """Each mention of a sentence goes to the nearest trigger, within a window of words."""
    by_sentence: dict[int, list[_Candidate]] = {}
    for c in cands:
        by_sentence.setdefault(c.sentence, []).append(c)
    out: dict[int, list[Mention]] = {id(c): [] for c in cands}
    text = ctx.doc.clean.full_text
    for i, group in by_sentence.items():
        releases = [c for c in group if c.type == "media_release"]
        for m in ctx.sentence_mentions(i):
            c = _nearest_candidate(m, group)
            if releases and ctx.classes.get(m.entity_id) in ("platform", "media_arm", "publication"):
                c = _nearest_candidate(m, releases)  # where and by whom a release was published
            lo, hi = sorted((m.start, c.start))
            if len(text[lo:hi].split()) > _WINDOW and ctx.classes.get(m.entity_id) != "location":
                continue
            out[id(c)].append(m)
    return out


def _role_of_entities(cand: _Candidate, ms: list[Mention], ctx: _Context) -> None:
    """Fill actors/targets/speakers/places from the trigger's mentions by class and position."""
    text = ctx.doc.clean.full_text
    roles = cand.roles
    typ = cand.type
    seen: set[str] = set()
    for m in ms:
        cls = ctx.classes.get(m.entity_id, "other")
        if m.entity_id in seen:
            continue
        seen.add(m.entity_id)
        if m.start < ctx.dateline_end:
            continue  # "(CNN) دبي، الإمارات -": where the report was filed, not where it happened
        if cls == "location" and _cue(ctx, "led_by", _words_before(text, m.start, 1)):
            continue  # "التحالف بقيادة الولايات المتحدة": part of the actor's name, not a place
        if typ == "attack" and cand.subtype in _REMOTE and cls in ("person", "group"):
            _add(roles["targets"], m.entity_id)  # nobody but a state force flies an airstrike
            continue
        if typ in ("attack", "leadership_change") and cls == "state" and _genitive_of_trigger(text, cand, m):
            _add(roles["actors"], m.entity_id)  # "بغارة للتحالف": the strike of the coalition
            continue
        if cls in ("person", "state", "other") and typ not in _AGENT_TYPES and _is_source(text, m, ctx):
            _add(roles["speakers"], m.entity_id)  # "قال الجيش العراقي": the source of the report
            continue
        if cls == "location":
            entry = ctx.res.get(m.entity_id)
            if (typ in _STATE_ACTS and entry is not None and entry.precision == "country"
                    and _adjacent(text, cand, m)):
                _add(roles["actors"], m.entity_id)  # "أعدم العراق 12 مدانا": the state acts
            elif typ != "media_release":
                roles["places"].append(m.entity_id)
        elif cls == "person":
            category = (ctx.res.get(m.entity_id).category if ctx.res.get(m.entity_id) else "") or ""
            if _cue(ctx, "not_speaker", _words_before(text, m.start, 3)):
                if typ not in ("media_release",):
                    _add(roles["targets"], m.entity_id)  # "اغتيال ...", "بالولاء لزعيم التنظيم": an object
            elif typ in _AGENT_TYPES:
                _add(roles["speakers"], m.entity_id)
            elif category in _COMMENTATORS:
                continue  # a president or minister in an attack sentence comments on it
            else:
                role = "targets" if _after_target_prep(text, cand, m, ctx) or typ in ("execution", "arrest",
                                                                                      "leadership_change") else "actors"
                _add(roles[role], m.entity_id)
        elif cls == "media_arm":
            entry = ctx.res.get(m.entity_id)
            cand.attributes.setdefault("outlet", entry.name_en if entry else m.surface)
            if entry is not None and entry.parent:
                _add(roles["actors"], entry.parent)
        elif cls in ("group", "state", "other"):
            _assign_party(cand, m, cls, ctx)
        elif cls == "platform" and typ == "media_release":
            entry = ctx.res.get(m.entity_id)
            cand.attributes.setdefault("platform", entry.name_en if entry else m.surface)
        elif cls == "publication" and typ == "media_release":
            entry = ctx.res.get(m.entity_id)
            cand.attributes.setdefault("title", entry.name_en if entry else m.surface)
            entry_parent = entry.parent if entry else None
            if entry_parent:
                _add(roles["actors"], entry_parent)


_STATE_ACTS = {"execution", "arrest", "military_operation", "attack"}
_COMMENTATORS = {"politician", "official", "diplomat", "cleric", "activist"}
_REMOTE = {"airstrike", "shelling"}


def _genitive_of_trigger(text: str, cand: _Candidate, m: Mention) -> bool:
    """The mention right after the trigger with ل or من قبل: "غارة للتحالف", "هجوم من قبل"."""
    if m.start < cand.end:
        return False
    gap = text[cand.end:m.start]
    if len(gap.split()) > 2:
        return False
    word = text[m.start - 2:m.start + 2]
    return "من قبل" in gap or word[:2] in ("لل", " ل") or text[m.start - 1:m.start] == "ل"


def _words_before(text: str, pos: int, n: int) -> str:
    from rasid.stages.normalize import fold

    return fold(" ".join(text[max(0, pos - 60):pos].split()[-n:]))


def _is_source(text: str, m: Mention, ctx: _Context) -> bool:
    from rasid.stages.normalize import fold

    before = fold(" ".join(text[max(0, m.start - 40):m.start].split()[-3:]))
    after = fold(" ".join(text[m.end:m.end + 30].split()[:1]))
    regex = ctx.rules.cues.get("source")
    return bool(regex and (regex.search(before) or regex.fullmatch(after)))


def _adjacent(text: str, cand: _Candidate, m: Mention) -> bool:
    """The mention is the subject right after the verb, or right before it ("العراق يعدم")."""
    gap = text[cand.end:m.start] if m.start >= cand.end else text[m.end:cand.start]
    return len(gap.split()) <= 1 and not re.search(r"[:：،,.\-–]", gap)


def _add(items: list[str], value: str) -> None:
    if value not in items:
        items.append(value)


def _after_target_prep(text: str, cand: _Candidate, m: Mention, ctx: _Context) -> bool:
    """A mention after the trigger and after a target preposition (ضد، على، استهداف) is a target."""
    if m.start < cand.end:
        return False
    from rasid.stages.normalize import fold

    between = fold(text[cand.start:m.start])  # the trigger itself may end in the preposition: "هجوما ضد"
    return bool(ctx.rules.target_preps.search(" ".join(between.split()[-8:])))


def _assign_party(cand: _Candidate, m: Mention, cls: str, ctx: _Context) -> None:
    """Who did it and to whom, from the entity's class: groups attack states, states arrest groups."""
    roles = cand.roles
    typ = cand.type
    is_target = _after_target_prep(ctx.doc.clean.full_text, cand, m, ctx)
    if typ in _AGENT_TYPES:
        if cls == "group" and not is_target:
            _add(roles["actors"], m.entity_id)
        else:
            _add(roles["targets"], m.entity_id)
    elif typ in ("attack", "execution"):
        if cls == "group" and not is_target:
            _add(roles["actors"], m.entity_id)
        elif is_target or cls != "group" and any(ctx.classes.get(a) == "group" for a in roles["actors"]):
            _add(roles["targets"], m.entity_id)
        else:
            _add(roles["actors"] if m.start < cand.start or cls != "group" else roles["targets"], m.entity_id)
    elif typ in ("arrest",):
        (_add(roles["targets"], m.entity_id) if cls == "group" or is_target else _add(roles["actors"], m.entity_id))
    elif typ == "leadership_change":
        _add(roles["targets"] if cls == "group" or is_target else roles["actors"], m.entity_id)
    elif typ == "territorial_change" and cand.subtype == "loss":
        _add(roles["targets"] if (m.start < cand.start and not is_target) or cls == "group" and not roles["targets"]
             else roles["actors"], m.entity_id)
    else:  # military_operation, territorial capture: subject before the object
        _add(roles["targets"] if is_target else roles["actors"], m.entity_id)


def fill_roles(cands: list[_Candidate], ctx: _Context) -> list[_Candidate]:
    """Roles, attributes and the sentence date of every candidate; drops ones with nothing to say."""
    out: list[_Candidate] = []
    assigned = _assign_mentions(cands, ctx)
    for c in cands:
        _role_of_entities(c, assigned[id(c)], ctx)
        if c.type in _AGENT_TYPES and not c.roles["actors"] and ctx.main_group:
            c.roles["actors"].append(ctx.main_group)
        if c.type == "media_release":
            c.roles["targets"].clear()  # a release has a producer and speakers; whom it threatens is the threat's
        if c.type in ("attack", "execution") and not c.roles["actors"]:
            c.roles["actors"].extend(_nearby_group(c, ctx))
        if c.type == "military_operation" and c.subtype in ("offensive", "siege", "airstrike_campaign"):
            _forces_against_groups(c, ctx)
        c.roles["targets"][:] = [t for t in c.roles["targets"] if t not in c.roles["actors"]]
        c.roles["places"][:] = _most_specific(c.roles["places"], ctx)
        for actor in list(c.roles["actors"]):  # a branch acts for its parent group too
            entry = ctx.res.get(actor)
            if entry is not None and entry.parent and ctx.classes.get(actor) == "group":
                _add(c.roles["actors"], entry.parent)
        if c.in_quote and c.type not in _AGENT_TYPES:
            continue  # words inside a quoted speech are not reported events
        if c.type == "media_release" and c.subtype == "statement" and _issued_by_non_group(c, ctx):
            continue  # "قالت وزارة الداخلية في بيان": a government statement is a source, not a release
        c.attributes.update(parse_attributes(c.type, c.subtype, c.trigger.attrs, ctx, c.sentence, c.start))
        c.date = _sentence_date(ctx, c.sentence, c.start)
        out.append(c)
    return out


def _issued_by_non_group(c: _Candidate, ctx: _Context) -> bool:
    text = ctx.doc.clean.full_text
    before = [m for m in ctx.sentence_mentions(c.sentence) if m.end <= c.start
              and len(text[m.end:c.start].split()) <= 8 and m.kind in ("organization", "media_outlet", "person")]
    if not before:
        return False
    issuer = max(before, key=lambda m: m.end)
    return ctx.classes.get(issuer.entity_id) not in ("group", "media_arm") and not (
        issuer.kind == "person" and (ctx.res.get(issuer.entity_id) is None or (ctx.res.get(
            issuer.entity_id).category or "") in ("militant", "militant_leader", "attacker")))


def _most_specific(places: list[str], ctx: _Context) -> list[str]:
    """Drop a country when a town or province of that country is named: "الرقة" says more than "سوريا"."""
    entries = {p: ctx.res.get(p) for p in places}
    inner = {e.country for e in entries.values() if e is not None and e.precision != "country"}
    return [p for p, e in entries.items() if e is None or e.precision != "country" or e.country not in inner]


def _says(release: _Candidate, threat: _Candidate) -> bool:
    """The threat is the release's content: same speaker, or same producer within two sentences."""
    if set(release.roles["speakers"]) & set(threat.roles["speakers"]):
        return True
    near = min(abs(i - j) for i in release.sentences for j in threat.sentences) <= 2
    return near and bool(set(release.roles["actors"]) & set(threat.roles["actors"]))


def _forces_against_groups(c: _Candidate, ctx: _Context) -> None:
    """In an offensive by forces, every force named is on the attacking side and the group its target."""
    parties = c.roles["actors"] + c.roles["targets"]
    if not any(ctx.classes.get(p) == "state" for p in parties) or not any(ctx.classes.get(p) == "group"
                                                                           for p in parties):
        return
    c.roles["actors"][:] = [p for p in parties if ctx.classes.get(p) != "group"
                            and (p in c.roles["actors"] or ctx.classes.get(p) == "state")]
    c.roles["targets"][:] = [p for p in parties if ctx.classes.get(p) == "group"] + [
        p for p in c.roles["targets"] if ctx.classes.get(p) not in ("group", "state")]


def _nearby_group(c: _Candidate, ctx: _Context) -> list[str]:
    """An attack with no named perpetrator: the extremist group of the neighbouring sentences, if any."""
    for j in (c.sentence - 1, c.sentence + 1):
        if 0 <= j < len(ctx.doc.sentences):
            groups = [m.entity_id for m in ctx.sentence_mentions(j) if ctx.classes.get(m.entity_id) == "group"]
            if groups:
                return groups[:1]
    return []


def _retype(trigger: Trigger, typ: str, subtype: str) -> Trigger:
    return replace(trigger, type=typ, subtype=subtype)


def _sentence_date(ctx: _Context, i: int, near: int) -> DateValue | None:
    s, e = ctx.doc.sentences[i]
    inside = [d for d in ctx.dates if d.span and s <= d.span[0] < e and d.precision == "day"]
    if not inside:
        return None
    return min(inside, key=lambda d: abs((d.span or (0, 0))[0] - near))


def _disjoint(a: list[str], b: list[str]) -> bool:
    return bool(a and b and not set(a) & set(b))


_SPECIFIC_OF = {"bombing": {"car_bomb", "suicide", "ied"}, "armed_assault": {"mass_shooting"}}


def _same_kind(a: _Candidate, b: _Candidate) -> bool:
    """Same subtype, or a generic one ("انفجار") restating a specific one ("سيارة مفخخة")."""
    return a.subtype == b.subtype or b.subtype in _SPECIFIC_OF.get(a.subtype or "", ()) or \
        a.subtype in _SPECIFIC_OF.get(b.subtype or "", ())


def _compatible(a: _Candidate, b: _Candidate) -> bool:
    """Same event restated: same type and subtype, and no disagreeing place, target or day."""
    if a.type != b.type or not _same_kind(a, b):
        return False
    if _disjoint(a.roles["places"], b.roles["places"]):
        return False
    if _disjoint(a.roles["targets"], b.roles["targets"]) and a.type not in _AGENT_TYPES:
        return False
    if a.type in _AGENT_TYPES and _disjoint(a.roles["speakers"], b.roles["speakers"]):
        return False
    if a.date and b.date and a.date.start != b.date.start:
        return False
    if a.attributes.get("title") and b.attributes.get("title") and a.attributes["title"] != b.attributes["title"]:
        return False
    return True


def merge_events(cands: list[_Candidate]) -> list[_Candidate]:
    """One event restated in several sentences becomes one event with all its evidence."""
    merged: list[_Candidate] = []
    for c in sorted(cands, key=lambda c: (c.sentence, c.start)):
        for m in merged:
            if _compatible(m, c) and _is_background(m) == _is_background(c):
                if m.subtype in _SPECIFIC_OF and c.subtype != m.subtype:
                    m.trigger = c.trigger  # keep the specific subtype
                for role in m.roles:
                    for v in c.roles[role]:
                        _add(m.roles[role], v)
                for k, v in c.attributes.items():
                    m.attributes.setdefault(k, v)
                m.sentences |= c.sentences
                m.date = m.date or c.date
                break
        else:
            merged.append(c)
    return merged


def _is_background(c: _Candidate) -> bool:
    return bool(getattr(c, "background", False))


def _mark_background(cands: list[_Candidate], ctx: _Context) -> None:
    """Background: a recalled past event ("ويعود آخر هجوم", "كان قد"), a relative clause, an old date."""
    published = ctx.doc.clean.published
    for c in cands:
        text = ctx.sentence_text(c.sentence)
        old = bool(c.date and published and c.date.start[:4].isdigit() and c.date.start < _days_before(published, 30))
        c.background = _cue(ctx, "background", text) or c.is_relative or old  # type: ignore[attr-defined]


def _days_before(iso: str, days: int) -> str:
    from datetime import date, timedelta

    try:
        return (date.fromisoformat(iso[:10]) - timedelta(days=days)).isoformat()
    except ValueError:
        return ""


def _is_core(c: _Candidate, ctx: _Context, title_types: set[str]) -> bool:
    """The news: stated in the title or the lede (first body sentences), not as background."""
    if _is_background(c):
        return False
    first = min(c.sentences)
    rank = _lede_rank(ctx, first)
    if rank <= 3:
        return True
    return c.type in title_types and rank <= 6


def _lede_rank(ctx: _Context, i: int) -> int:
    """0 for the title, then 1, 2, ... for body sentences, skipping bylines ("خاص - SY24")."""
    body = ctx.doc.clean.body_offset
    if ctx.doc.sentences[i][0] < body:
        return 0
    rank = 1
    for j in range(i):
        s, e = ctx.doc.sentences[j]
        if s >= body and len(ctx.doc.clean.full_text[s:e].split()) >= 5:
            rank += 1
    return rank


def _fill_casualties(c: _Candidate, ctx: _Context) -> None:
    """Counts are often in the sentence after the one that names the attack ("وأسفر الهجوم عن مقتل 12")."""
    from rasid.stages.event_attrs import casualties

    last = len(ctx.doc.sentences) - 1
    for i in sorted(c.sentences | {min(i + 1, last) for i in c.sentences}):
        found = casualties(ctx.sentence_text(i), ctx)
        for key, value in found.items():
            c.attributes.setdefault(key, value)
        if "fatalities" in c.attributes:
            return


def _resolve_cross_type(cands: list[_Candidate], ctx: _Context) -> list[_Candidate]:
    """"هجوم" by an extremist group is an attack; by an army, a coalition or the SDF an offensive."""
    out: list[_Candidate] = []
    dropped: set[int] = set()
    for c in cands:
        if c.type == "attack" and c.subtype == "armed_assault" and any(
                ctx.classes.get(a) == "state" for a in c.roles["actors"]) and not any(
                ctx.classes.get(a) == "group" for a in c.roles["actors"]):
            twins = [o for o in cands if o.type == "military_operation" and o.sentence == c.sentence]
            if any(o.subtype == "offensive" for o in twins):
                continue  # "هجوماً ضد" already read as the offensive
            c.trigger = _retype(c.trigger, "military_operation", "offensive")
            for o in twins:  # "تستمر قسد بهجومها ... وتخوض اشتباكات": the clashes are the offensive's
                for role, ids in o.roles.items():
                    for v in ids:
                        _add(c.roles[role], v)
            dropped.update(id(o) for o in twins)
        if c.type == "military_operation" and c.subtype == "offensive" and any(
                o.type == "attack" and o.sentence == c.sentence and o.subtype == "armed_assault"
                and any(ctx.classes.get(a) == "group" for a in o.roles["actors"]) for o in cands) and not any(
                ctx.classes.get(a) == "state" for a in c.roles["actors"]):
            continue
        out.append(c)
    return [c for c in out if id(c) not in dropped]


def find_events(doc: NormalDoc, mentions: list[Mention], entities: tuple[Entity, ...], res: Resources) -> tuple[
        Event, ...]:
    """The event stage over one document."""
    ctx = _build_context(doc, mentions, res)
    cands = _resolve_cross_type(fill_roles(find_triggers(ctx), ctx), ctx)
    _mark_background(cands, ctx)
    cands = merge_events(cands)
    for c in cands:
        if c.type in ("attack", "execution") and "fatalities" not in c.attributes:
            _fill_casualties(c, ctx)
    names = {e.id: e.name_en for e in entities}
    title_sentences = sum(1 for s, _ in ctx.doc.sentences if s < ctx.doc.clean.body_offset)
    title_types = {c.type for c in cands if min(c.sentences) < title_sentences}
    core_flags = {id(c): _is_core(c, ctx, title_types) for c in cands}
    releases = [c for c in cands if c.type == "media_release" and core_flags[id(c)]]
    for c in cands:  # what the reported release says is news too: its threats and calls are core
        if c.type == "threat" and not _is_background(c) and any(_says(r, c) for r in releases):
            core_flags[id(c)] = True
    events: list[Event] = []
    for c in cands:
        core = core_flags[id(c)]
        evidence = tuple(ctx.doc.sentences[i] for i in sorted(c.sentences))
        filled = sum(bool(v) for v in c.roles.values())
        confidence = min(0.95, 0.4 + 0.1 * filled + (0.1 if core else 0) + 0.05 * min(len(c.sentences), 3))
        ev = Event(type=c.type, subtype=c.subtype, core=core, actors=tuple(c.roles["actors"]),
                   targets=tuple(c.roles["targets"]), speakers=tuple(c.roles["speakers"]),
                   places=tuple(c.roles["places"]), date=c.date, attributes=dict(c.attributes), evidence=evidence,
                   confidence=round(confidence, 2))
        events.append(replace(ev, summary=describe(ev, names)))
    return tuple(events)
