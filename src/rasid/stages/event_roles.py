"""Role filling: who did it, to whom, who said so, where — from the entities around a trigger.

Each mention of a sentence goes to its nearest trigger; an organisation's class (extremist group
or force) and its position (after ضد، على، استهداف) decide actor or target.
"""
from __future__ import annotations

import re
from dataclasses import replace

from rasid.model import DateValue, Mention
from rasid.stages.event_attrs import parse_attributes
from rasid.stages.event_context import (
    AGENT_TYPES,
    ARMED_MOVEMENTS,
    QUOTE_MARKS,
    Candidate,
    EventContext,
    add_unique,
    category_of,
    cue,
    doer_named_apart,
    words_before,
)
from rasid.stages.event_places import (
    is_locative,
    is_reference_point,
    locates_other_place,
    most_specific,
    places_of_the_clause,
)
from rasid.stages.event_rules import Trigger

_WINDOW = 18  # words: a party further from its trigger belongs to another clause


def _nearest_candidate(m: Mention, cands: list[Candidate], text: str = "") -> Candidate:
    """The trigger of the mention's own clause first (no comma between them), then the nearest."""
    def crosses(c: Candidate) -> int:
        lo, hi = (m.end, c.start) if m.end <= c.start else (c.end, m.start)
        return 1 if text and _CLAUSE_BREAK.search(text, lo, max(lo, hi)) else 0
    return min(cands, key=lambda c: (0 if c.start <= m.start < c.end else 1, crosses(c),
                                     min(abs(m.start - c.end), abs(c.start - m.end))))


_CLAUSE_BREAK = re.compile(r"[،,؛;:]")


def _assign_mentions(cands: list[Candidate], ctx: EventContext) -> dict[int, list[Mention]]:
    """Each mention of a sentence goes to the nearest trigger, within a window of words."""
    by_sentence: dict[int, list[Candidate]] = {}
    for c in cands:
        by_sentence.setdefault(c.sentence, []).append(c)
    out: dict[int, list[Mention]] = {id(c): [] for c in cands}
    text = ctx.doc.clean.full_text
    for i, group in by_sentence.items():
        releases = [c for c in group if c.type == "media_release"]
        for m in ctx.sentence_mentions(i):
            c = _nearest_candidate(m, group, text)
            if releases and ctx.classes.get(m.entity_id) in ("platform", "media_arm", "publication"):
                c = _nearest_candidate(m, releases, text)  # where and by whom a release was published
            lo, hi = sorted((m.start, c.start))
            if len(text[lo:hi].split()) > _WINDOW and ctx.classes.get(m.entity_id) != "location" \
                    and not (out[id(c)] and _continues_a_list(text, out[id(c)][-1], m)):
                continue
            out[id(c)].append(m)
    return out


def _subject_of_threat(text: str, cand: Candidate, m: Mention, ms: list[Mention]) -> bool:
    """The party right before the threat verb ("الحوثيون يتوعدون"), or right after a finite one when none
    stands before it ("وهددت جماعة الحوثي"); after a participle ("متوعداً دول التحالف") it is the object."""
    words = text[cand.start:cand.end].split()
    verb_end = cand.start + len(words[0]) if words else cand.end

    def close(gap: str) -> bool:
        return len(gap.split()) <= 1 and not re.search(r"[.،,:؛]", gap)

    verb = words[0].lstrip("وفب") if words else ""
    if not verb or verb.startswith(("ال", "تهديد", "وعيد")) or verb.endswith(("ات", "ة", "ه")):
        return False  # "تبحث الشرطة التهديدات": a noun, not the verb of the threat
    before = [o for o in ms if o.end <= cand.start and close(text[o.end:cand.start])]
    if before:
        return m in before
    pronoun = text[max(0, cand.start - 8):cand.start].split()[-1:] in (["وهو"], ["وهي"], ["وهم"], ["هو"], ["هي"])
    participle = verb.startswith("م") or verb.endswith(("ا", "اً"))
    return not (participle or pronoun) and m.start >= verb_end and close(text[verb_end:m.start])


def _titles_a_person(text: str, m: Mention, ms: list[Mention]) -> bool:
    """The organisation is part of a person's title: a title word before it, his name right after it."""
    after = [o for o in ms if o.kind == "person" and o.start >= m.end and len(text[m.end:o.start].split()) <= 1]
    before = " ".join(text[max(0, m.start - 60):m.start].split()[-5:])
    return bool(after) and bool(_LEADER.search(before) or _SPOKESMAN.search(before) or "وزير" in before)


def _continues_a_list(text: str, previous: Mention, m: Mention) -> bool:
    """"اغتيال كل من السبسي ... والناطق باسم الجبهة الشعبية حمة الهمامي والناطق ... العروي": the list
    goes on past the window, one "و" at a time."""
    gap = text[previous.end:m.start]
    return m.start > previous.end and len(gap.split()) <= 10 and not re.search(r"[.،,؛;:]", gap) \
        and (len(gap.split()) <= 1 or bool(re.search(r"(?:^|\s)و", gap)))  # "باسم الجبهة الشعبية حمة الهمامي"


def _role_of_entities(cand: Candidate, ms: list[Mention], ctx: EventContext) -> None:
    """Fill actors/targets/speakers/places from the trigger's mentions by class and position."""
    text = ctx.doc.clean.full_text
    roles = cand.roles
    typ = cand.type
    seen: set[str] = set()
    references: list[str] = []
    listed: list[Mention] = []  # persons made objects: "اغتيال كل من A و B" lists more of them
    for m in ms:
        cls = ctx.classes.get(m.entity_id, "other")
        if m.entity_id in seen:
            continue
        if ctx.in_dateline(m.start):
            continue  # "(CNN) دبي، الإمارات -": where the report was filed, not where it happened
        if typ not in AGENT_TYPES and cls in ("group", "state", "other") \
                and words_before(text, m.start, 1) in ("باسم", "لسان"):
            continue  # "المتحدث باسم التحالف ريان ديلون": whose spokesman speaks; the spokesman is the source
        if typ == "threat" and cls in ("group", "state", "other") and _titles_a_person(text, m, ms):
            continue  # "اغتيال ... رئيس حركة النهضة راشد الغنوشي": the party names the man threatened
        if category_of(ctx, m.entity_id) in _OBSERVERS:
            continue  # "بحسب المرصد السوري": who counts and reports is the evidence's source, never a party
        if cls in ("state", "other") and typ not in AGENT_TYPES and _aside(text, m, ctx):
            continue  # "حسبما قال مصادر في الشرطة", "سيارات الشرطة والإسعاف": the force is named aside
        if typ not in AGENT_TYPES and (cls in ("state", "other", "person") and cue(
                ctx, "comments_on", words_before(text, m.start, 1)) or category_of(ctx, m.entity_id) in _ADVOCATES
                and cue(ctx, "appeals", words_before(text, m.start, 1))):
            continue  # "دان مجلس الأمن الهجوم", "دعا مجلس الأمن إلى ... رغم القصف": who comments on it took no part
        if typ not in AGENT_TYPES and m.start > cand.end and cue(ctx, "charged_with", words_before(text, m.start, 4)):
            continue  # "اعتقل ... بتهمة التعامل مع التحالف": the charge names no party of the arrest
        seen.add(m.entity_id)
        if typ not in AGENT_TYPES and _done_by(text, cand, m) and (cls in ("state", "group", "other") or (
                cls == "location" and _is_country(ctx, m.entity_id))):
            add_unique(roles["actors"], m.entity_id)  # "الغارات التي نفذتها أمريكا وبريطانيا وفرنسا"
            continue
        if cls == "location" and cue(ctx, "led_by", words_before(text, m.start, 1)):
            continue  # "التحالف بقيادة الولايات المتحدة": part of the actor's name, not a place
        if typ not in AGENT_TYPES and cls in ("person", "group", "state", "other") and _agent_marked(text, m, ctx):
            if m.start > cand.start:  # "وقتل المهاجم على أيدي الشرطة ... مكان الهجوم": another deed's doer
                add_unique(roles["actors"], m.entity_id)  # "أعدموا على أيدي التنظيم", "من قبل": the doer
            continue
        if cand.subtype in _FROM_AFAR and cls == "person" and (
                _is_source(text, m, ctx) or category_of(ctx, m.entity_id) in _COMMENTATORS | {"military"}):
            continue  # "أعلن قائد العمليات اللواء ... مقتل عناصر في غارة": who reports the strike
        if cand.subtype in _FROM_THE_AIR and (cls in ("person", "group") or category_of(ctx, m.entity_id) in ARMED_MOVEMENTS):
            add_unique(roles["targets"], m.entity_id)  # nobody but a state force flies an airstrike
            continue
        if typ in ("attack", "leadership_change") and cls == "state" and _genitive_of_trigger(text, cand, m):
            add_unique(roles["actors"], m.entity_id)  # "بغارة للتحالف": the strike of the coalition
            continue
        if cls in ("person", "state", "other") and typ not in AGENT_TYPES and _is_source(text, m, ctx):
            add_unique(roles["speakers"], m.entity_id)  # "قال الجيش العراقي": the source of the report
            continue
        if cls == "location" and (cue(ctx, "origin", words_before(text, m.start, 3)) or cue(
                ctx, "allegiance", words_before(text, m.start, 3)) or cue(ctx, "issued_in", words_before(text, m.start, 4))):
            continue  # "أصيل مدينة المهدية", "الموالية لإيران", "العائدين من سوريا", "في بيان نشره في أنقرة": where
            # someone comes from or is loyal to, where the statement was made, is not the scene
        if cls == "location":
            entry = ctx.res.get(m.entity_id)
            if (typ in _STATE_ACTS and entry is not None and entry.precision == "country"
                    and _adjacent(text, cand, m) and not is_locative(text, m, ctx)):
                add_unique(roles["actors"], m.entity_id)  # "أعدم العراق 12 مدانا": the state acts
            elif entry is not None and entry.precision == "country" and not is_locative(text, m, ctx):
                continue  # "الولايات المتحدة وحلفاؤها يشنون": a state named as a party is no scene
            elif typ != "media_release" and is_reference_point(text, m, ctx):
                references.append(m.entity_id)  # "شمالي بغداد": the city that locates the scene
            elif typ not in AGENT_TYPES and _in_the_saying(ctx, m.start, cand.start):
                continue  # "وقال في مؤتمر صحافي في أنقرة، إن التفجير": where it was said, not the scene
            elif typ != "media_release" and not locates_other_place(text, m, ctx):
                roles["places"].append(m.entity_id)
                if typ == "threat" and m.start > cand.end and cue(ctx, "aimed_at", words_before(text, m.start, 2)):
                    add_unique(roles["targets"], m.entity_id)  # "هجمات على الولايات المتحدة": the threatened
        elif cls == "person":
            category = category_of(ctx, m.entity_id)
            if cand.subtype == "appointed" and _PREDECESSOR.search(words_before(text, m.start, 2)):
                continue  # "تعيين مهدي المشاط خلفا للصماد": the predecessor is not appointed
            if cue(ctx, "not_speaker", words_before(text, m.start, 3)) or _listed_after(text, m, listed) or (
                    typ == "threat" and _object_of(text, cand, m) and not _subject_of_threat(text, cand, m, ms)):
                if typ not in ("media_release",):
                    add_unique(roles["targets"], m.entity_id)  # "اغتيال ...", "بالولاء لزعيم التنظيم": an object
                    listed.append(m)
            elif typ in AGENT_TYPES:
                add_unique(roles["speakers"], m.entity_id)
            elif category in _COMMENTATORS:
                continue  # a president or minister in an attack sentence comments on it
            else:
                role = "targets" if _after_target_prep(text, cand, m, ctx) or typ in ("execution", "arrest",
                                                                                      "leadership_change") else "actors"
                add_unique(roles[role], m.entity_id)
        elif cls == "media_arm":
            entry = ctx.res.get(m.entity_id)
            cand.attributes.setdefault("outlet", entry.name_en if entry else m.surface)
            if entry is not None and entry.parent:
                add_unique(roles["actors"], entry.parent)
        elif cls in ("group", "state", "other") and typ not in AGENT_TYPES and cand.start < m.start \
                and m.end < cand.end:
            add_unique(roles["actors"], m.entity_id)  # "ألقى داعش القبض": the subject inside the verb phrase
        elif cls in ("group", "state", "other") and typ == "threat" and _subject_of_threat(text, cand, m, ms):
            add_unique(roles["actors"], m.entity_id)  # "وهددت جماعة الحوثي", "الحوثيون يتوعدون": who threatens
        elif cls in ("group", "state", "other"):
            _assign_party(cand, m, cls, ctx)
            if m.entity_id in roles["targets"] and m.start > cand.end:
                listed.append(m)  # "توعد مجلس النواب والقائد العام للجيش، خليفة حفتر": the list goes on
        elif cls == "platform" and typ == "media_release":
            entry = ctx.res.get(m.entity_id)
            cand.attributes.setdefault("platform", entry.name_en if entry else m.surface)
        elif cls == "publication" and typ == "media_release":
            entry = ctx.res.get(m.entity_id)
            cand.attributes.setdefault("title", entry.name_en if entry else m.surface)
            entry_parent = entry.parent if entry else None
            if entry_parent:
                add_unique(roles["actors"], entry_parent)

    if not roles["places"]:
        roles["places"].extend(references)  # nothing nearer is named: the reference is the best we know


_PREDECESSOR = re.compile(r"خلفا(?:\s+ل\S*)?$")
_BESIEGED = re.compile(r"محاصرت(?:ه|ها|هم|هما)|المحاصر|محاصر(?:ة|ه|ين|ون)(?!\w)")
_STATE_ACTS = {"execution", "arrest", "military_operation", "attack"}
_COMMENTATORS = {"politician", "official", "diplomat", "cleric", "activist"}
_OBSERVERS = {"monitor", "think_tank", "programme"}
_REMOTE = {"airstrike", "shelling"}
_FROM_AFAR = _REMOTE | {"airstrike_campaign"}
_FROM_THE_AIR = {"airstrike", "airstrike_campaign"}
_EXPLOSIVE = {"bombing", "ied", "car_bomb", "suicide", "assassination"}


def _member_of(text: str, cand: Candidate, m: Mention) -> bool:
    """"مقتل قائد ميداني بارز من ميليشيات حزب الله", "اغتيال رئيس فرع الأمن السياسي": the organisation
    of the leader killed, after the trigger and a title, is hit, not the doer."""
    if m.start < cand.end:
        return False
    gap = text[cand.end:m.start]
    words = gap.split()
    if len(words) > 5 or re.search(r"[.،,:؛]", gap):
        return False
    titled = any(_LEADER.fullmatch(w) for w in words)
    return titled or _LEADER.search(text[cand.start:cand.end]) is not None  # "مقتل قيادي": the trigger names him


def _object_of(text: str, cand: Candidate, m: Mention) -> bool:
    """"يتوعد حفتر", "هدد الرئيس": the name right after the threat verb is whom it threatens."""
    gap = text[cand.end:m.start]
    return m.start >= cand.end and len(gap.split()) <= 1 and not re.search(r"[.،,:؛\"“”«»]", gap)


def _listed_after(text: str, m: Mention, listed: list[Mention]) -> bool:
    """"اغتيال كل من السبسي ورئيس حركة النهضة الغنوشي": the next name of a list joined by و."""
    if not listed:
        return False
    gap = text[listed[-1].end:m.start]
    return len(gap.split()) <= 10 and not re.search(r"[.؛;:]", gap) and bool(re.search(r"(?:^|\s|،)و", gap))


def _genitive_of_trigger(text: str, cand: Candidate, m: Mention) -> bool:
    """The mention right after the trigger with ل or من قبل: "غارة للتحالف", "هجوم من قبل"."""
    if m.start < cand.end:
        return False
    gap = text[cand.end:m.start]
    if len(gap.split()) > 2:
        return False
    word = text[m.start - 2:m.start + 2]
    return "من قبل" in gap or word[:2] in ("لل", " ل") or text[m.start - 1:m.start] == "ل"




def _is_source(text: str, m: Mention, ctx: EventContext) -> bool:
    from rasid.stages.normalize import fold

    before = fold(" ".join(text[max(0, m.start - 40):m.start].split()[-3:]))
    after = fold(" ".join(text[m.end:m.end + 30].split()[:1]))
    regex = ctx.rules.cues.get("source")
    if not regex:
        return False
    said = list(regex.finditer(before))
    if said and _COMPLEMENTIZER.search(before[said[-1].end():]):
        said = []  # "قال المرصد إن قوات النظام ...": the subject of what is reported is not its source
    if not said and m.kind == "person":  # "أعلن قائد الجيش الوطني الليبي المشير خليفة حفتر": a titled source
        raw = " ".join(text[max(0, m.start - 80):m.start].split()[-7:])
        longer = fold(raw)
        verbs = list(regex.finditer(longer))
        said = [v for v in verbs[-1:] if not _COMPLEMENTIZER.search(longer[v.end():])
                and not re.search(r"[.،,:؛]", longer[v.end():]) and (_LEADER.search(raw) or _SPOKESMAN.search(raw))
                and not cue(ctx, "not_speaker", longer[v.end():])]  # "أعلن الحوثيون مقتل رئيس المجلس": the dead
    return bool(said or regex.fullmatch(after))


_COMPLEMENTIZER = re.compile(r"(?<!\w)(?:[وف])?(?:ان|انه|انها|بان|لان)(?!\w)")


def _adjacent(text: str, cand: Candidate, m: Mention) -> bool:
    """The mention is the subject right after the verb, or right before it ("العراق يعدم")."""
    gap = text[cand.end:m.start] if m.start >= cand.end else text[m.end:cand.start]
    return len(gap.split()) <= 1 and not re.search(r"[:：،,.\-–]", gap)




def _after_target_prep(text: str, cand: Candidate, m: Mention, ctx: EventContext) -> bool:
    """A mention after the trigger and after a target preposition (ضد، على، استهداف) is a target."""
    if m.start < cand.end:
        return False
    from rasid.stages.normalize import fold

    between = fold(text[cand.start:m.start])  # the trigger itself may end in the preposition: "هجوما ضد"
    tail = " ".join(between.split()[-8:])
    preps = list(ctx.rules.target_preps.finditer(tail))
    if not preps:
        return False
    agent = ctx.rules.cues.get("agent_marker")
    marks = list(agent.finditer(tail)) if agent is not None else []
    return not (marks and marks[-1].end() >= preps[-1].end())  # "على يد التنظيم", "من قبل": the doer


def _is_country(ctx: EventContext, entity_id: str) -> bool:
    entry = ctx.res.get(entity_id)
    return entry is not None and entry.precision == "country"


def _done_by(text: str, cand: Candidate, m: Mention) -> bool:
    """The mention follows "التي نفذتها"، "الذي شنه" right after the trigger: the clause names its doer."""
    from rasid.stages.normalize import fold

    if m.start < cand.end:
        return False
    return bool(_DOER_AFTER.fullmatch(fold(text[cand.end:m.start])))


_DOER_AFTER = re.compile(r"\s*(?:\S+\s+)?(?:الذي|التي|الذين)\s+(?:نفذ|شن|ارتكب)\S*\s+(?:[^\s.،,:؛]+\s+){0,5}?(?:و)?")


def _agent_marked(text: str, m: Mention, ctx: EventContext) -> bool:
    """The mention follows "على يد"، "على أيدي"، "من قبل" (a word or two may stand between): the doer."""
    from rasid.stages.normalize import fold

    before = fold(" ".join(text[max(0, m.start - 60):m.start].split()[-4:]))
    agent = ctx.rules.cues.get("agent_marker")
    if agent is None:
        return False
    marks = list(agent.finditer(before))
    if not marks:
        return False
    rest = before[marks[-1].end():]
    return not ctx.rules.target_preps.search(rest)


def _assign_party(cand: Candidate, m: Mention, cls: str, ctx: EventContext) -> None:
    """Who did it and to whom, from the entity's class: groups attack states, states arrest groups."""
    roles = cand.roles
    typ = cand.type
    text = ctx.doc.clean.full_text
    is_target = _after_target_prep(text, cand, m, ctx) or (
        typ in ("leadership_change", "attack") and _member_of(text, cand, m)) or cue(
        ctx, "victim", words_before(text, m.start, 5)) or _fell(text, m, ctx) or (  # "بمقتل ثلاثة من رجال الأمن"
        typ != "arrest" and m.start > cand.end and cue(ctx, "belongs_to", words_before(text, m.start, 2)))  # "مطبخ
    # ميداني تابع للقوات اليمنية": the owner of what was hit is hit
    if typ in AGENT_TYPES:
        if cls == "group" and not is_target:
            add_unique(roles["actors"], m.entity_id)
        else:
            add_unique(roles["targets"], m.entity_id)
    elif typ == "attack" and cand.subtype in _EXPLOSIVE and cls == "state":
        add_unique(roles["targets"], m.entity_id)  # soldiers killed by a bomb: the army is the victim
    elif typ in ("attack", "execution"):
        if cls == "group" and not is_target:
            add_unique(roles["actors"], m.entity_id)
        elif is_target or cls != "group" and any(ctx.classes.get(a) == "group" for a in roles["actors"]):
            add_unique(roles["targets"], m.entity_id)
        else:
            add_unique(roles["actors"] if m.start < cand.start or cls != "group" else roles["targets"], m.entity_id)
    elif typ in ("arrest",):
        if (cls == "group" or is_target) and not _subject_of_the_verb(text, cand, m):
            add_unique(roles["targets"], m.entity_id)
        else:
            add_unique(roles["actors"], m.entity_id)
    elif typ == "leadership_change" and cand.subtype == "appointed":
        add_unique(roles["actors"], m.entity_id)  # "تعيينه قائدا للقاعدة في بلاد المغرب": the group appoints
    elif typ == "leadership_change":
        add_unique(roles["targets"] if cls == "group" or is_target else roles["actors"], m.entity_id)
    elif typ == "territorial_change" and cand.subtype == "loss":
        add_unique(roles["targets"] if (m.start < cand.start and not is_target) or cls == "group" and not roles["targets"]
             else roles["actors"], m.entity_id)
    else:  # military_operation, territorial capture: subject before the object
        add_unique(roles["targets"] if is_target else roles["actors"], m.entity_id)


_ADVOCATES = frozenset({"intergovernmental", "ngo", "legislature", "political_party", "political", "religious_group"})


def _subject_of_the_verb(text: str, cand: Candidate, m: Mention) -> bool:
    """"اعتقل تنظيم داعش عشرات الشبان", "ألقى داعش القبض على", "داعش يعتقل": a party right after the
    arrest verb, or right before one in the present tense, made the arrest (a noun, "اعتقال عناصر من داعش",
    takes its object)."""
    from rasid.stages.normalize import fold

    words = text[cand.start:cand.end].split()
    verb = _ARREST_VERB.fullmatch(fold(words[0])) if words else None
    if verb is None:
        return False
    first_end = cand.start + len(words[0])
    if m.start >= first_end:
        return not text[first_end:m.start].strip()
    return bool(verb.group(1)) and m.end <= cand.start and not text[m.end:cand.start].strip()


_ARREST_VERB = re.compile(r"(?:[وف])?(ي|ت)?(?:اعتقل|عتقل|القي|لقي|احتجز|حتجز|اختطف|ختطف|اسر)(?:ت|وا|ن|ون|ان)?")


def _aside(text: str, m: Mention, ctx: EventContext) -> bool:
    """Where the force's sources work ("مصادر بالشرطة") or its vehicles drive with the ambulances: it is
    neither the source nor a party of the event."""
    from rasid.stages.normalize import fold

    before = words_before(text, m.start, 3)
    after = fold(" ".join(text[m.end:m.end + 30].split()[:2]))
    return cue(ctx, "inside_source", before) or cue(ctx, "responders_before", before) or cue(
        ctx, "responders_after", after)


_CARRIED_TYPES = {"military_operation", "arrest", "territorial_change", "attack", "execution"}
_OPENING_VERB = re.compile(r"\s*(?:و|ف)(?:ت|ي|ن)?\S+\s")


def _subject_carried_over(c: Candidate, ctx: EventContext) -> list[str]:
    """"وتخوض قسد هجوما ... وباتت تحاصره في جيب صغير": a sentence that opens on a verb with no subject of
    its own before the trigger goes on with the subject of the sentence before."""
    if c.sentence == 0:
        return []
    text = ctx.doc.clean.full_text
    s, _ = ctx.doc.sentences[c.sentence]
    lead = text[s:c.start]
    if not _OPENING_VERB.match(text[s:c.end]) or len(lead.split()) > 2 or re.search(r"[،,:]", lead) or any(
            m.start < c.start for m in ctx.sentence_mentions(c.sentence) if m.kind != "location"):
        return []
    prev = ctx.sentence_mentions(c.sentence - 1)
    start = ctx.doc.sentences[c.sentence - 1][0]
    for m in prev:
        cls = ctx.classes.get(m.entity_id)
        if cls in ("state", "group", "other") and len(text[start:m.start].split()) <= 2:
            return [m.entity_id]  # "وتخوض قوات سوريا الديمقراطية": the subject opens the sentence
    return []


_RELATIVE = re.compile(r"(?:ال|اللا)?(?:ذي|تي|ذين|لذين|لتين|واتي|لاتي)$")


def _antecedent_acts(c: Candidate, ctx: EventContext) -> None:
    """"الأكراد الذين باتوا يحاصرون مقاتليه": the party the relative pronoun follows does the verb of its
    clause (the verb of the trigger, not a noun: "الهجوم الذي شنه" keeps the doer it names)."""
    text = ctx.doc.clean.full_text
    if c.type == "media_release" or c.subtype in _FROM_THE_AIR:
        return
    head = text[c.start:c.end].split()[:1]
    if not head or head[0].startswith(("ال", "وال", "بال")) and c.is_relative:
        return
    before = text[max(0, c.start - 120):c.start].split()
    reach = 4 if c.is_relative else 9  # "قسد، التي تمكنت بالتعاون مع التحالف من اعتقال": a clause further on
    pronoun = next((i for i in range(len(before) - 1, max(-1, len(before) - reach), -1)
                    if _RELATIVE.search(before[i]) and before[i].startswith("ال")), None)
    if pronoun is None or not c.is_relative and (
            re.search(r"[.،,:؛()]", " ".join(before[pronoun:])) or c.type not in _STATE_ACTS):
        return
    if not c.is_relative:
        at = c.start - len(" ".join(before[pronoun:])) - 1
        named = [m for m in ctx.sentence_mentions(c.sentence) if m.end <= at
                 and ctx.classes.get(m.entity_id) in ("state", "other")]
        if named and not text[named[-1].end:at].strip(" ،,”\"»"):
            earlier = {m.entity_id for m in named[:-1]} - {named[-1].entity_id}
            c.roles["actors"][:] = [a for a in c.roles["actors"] if a not in earlier]  # the main clause's parties
        return
    at = c.start - len(" ".join(before[pronoun:])) - 1
    parties = [m for m in ctx.sentence_mentions(c.sentence) if m.end <= at and not text[m.end:at].strip(" ،,")
               and ctx.classes.get(m.entity_id) in ("group", "state", "other", "person")]
    for m in parties[-1:]:
        if m.entity_id in c.roles["targets"]:
            c.roles["targets"].remove(m.entity_id)
        if c.subtype == "siege":
            for a in list(c.roles["actors"]):
                if a != m.entity_id and ctx.classes.get(a) == "group":
                    c.roles["actors"].remove(a)  # "يحاصرون مقاتليه": whose fighters are besieged is besieged
                    add_unique(c.roles["targets"], a)
            if not c.roles["targets"]:
                for g in ctx.sentence_mentions(c.sentence):
                    if ctx.classes.get(g.entity_id) == "group" and g.entity_id != m.entity_id:
                        add_unique(c.roles["targets"], g.entity_id)
        if c.type in AGENT_TYPES and ctx.classes.get(m.entity_id) == "person":
            add_unique(c.roles["speakers"], m.entity_id)
        elif m.entity_id not in c.roles["actors"]:
            c.roles["actors"].insert(0, m.entity_id)


def _fell(text: str, m: Mention, ctx: EventContext) -> bool:
    """"تسعة أفراد من قوات الحرس الوطني قتلوا": some of the party (من) died or were hurt."""
    from rasid.stages.normalize import fold

    return words_before(text, m.start, 1) == "من" and cue(ctx, "fell", fold(" ".join(text[m.end:m.end + 60].split()[:4])))


def fill_roles(cands: list[Candidate], ctx: EventContext) -> list[Candidate]:
    """Roles, attributes and the sentence date of every candidate; drops ones with nothing to say."""
    out: list[Candidate] = []
    assigned = _assign_mentions(cands, ctx)
    for c in cands:
        _role_of_entities(c, assigned[id(c)], ctx)
        if not c.roles["places"] and c.type not in AGENT_TYPES:
            places_of_the_clause(c, cands, assigned, ctx)
        if c.type in ("attack", "execution") and c.subtype not in _REMOTE and any(
                ctx.classes.get(a) == "group" for a in c.roles["actors"]):
            forces = [a for a in c.roles["actors"] if ctx.classes.get(a) == "state"]
            c.roles["actors"][:] = [a for a in c.roles["actors"] if a not in forces]
            for f in forces:  # the group attacked; the forces named with it are its victims
                add_unique(c.roles["targets"], f)
        if c.type in AGENT_TYPES and not c.roles["actors"] and ctx.main_group:
            c.roles["actors"].append(ctx.main_group)
        if c.type == "media_release":
            c.roles["targets"].clear()  # a release has a producer and speakers; whom it threatens is the threat's
        if c.type in ("attack", "execution") and not c.roles["actors"]:
            nearby = [] if doer_named_apart(c, ctx) else _nearby_group(c, ctx)
            if c.subtype in _REMOTE:  # an airstrike with no named doer is flown against the group nearby
                for g in nearby:
                    add_unique(c.roles["targets"], g)
            else:
                c.roles["actors"].extend(nearby)
        if c.type == "military_operation" and c.subtype in ("offensive", "siege", "airstrike_campaign"):
            _forces_against_groups(c, ctx)
        if c.subtype == "siege" and _BESIEGED.search(ctx.doc.clean.full_text[c.start:c.end]):
            groups = [a for a in c.roles["actors"] if ctx.classes.get(a) == "group"]
            c.roles["actors"][:] = [a for a in c.roles["actors"] if a not in groups]
            for g in groups:  # "داعش رغم محاصرتها", "الجيب المحاصر": the group is the besieged
                add_unique(c.roles["targets"], g)
        _antecedent_acts(c, ctx)
        if not c.roles["actors"] and c.type in _CARRIED_TYPES:
            c.roles["actors"].extend(_subject_carried_over(c, ctx))
        add_affiliations(c, ctx)
        _add_victims_groups(c, ctx)
        if c.type == "threat":
            _add_demand_addressees(c, ctx)
        c.roles["targets"][:] = [t for t in c.roles["targets"] if t not in c.roles["actors"]]
        c.roles["places"][:] = most_specific(c.roles["places"], ctx)
        if c.in_quote and c.type not in AGENT_TYPES and not cue(ctx, "claim_or_release", ctx.sentence_text(c.sentence)) \
                and not _quoted_toll(c, ctx):
            c.is_rhetoric = True  # quoted words are rhetoric, not reported events, unless a source quoted gives
            # the toll; they may still restate (and date) an event told outside the quote
        if c.type == "media_release" and c.subtype == "statement" and _issued_by_non_group(c, ctx):
            continue  # "قالت وزارة الداخلية في بيان": a government statement is a source, not a release
        c.attributes.update(parse_attributes(c.type, c.subtype, c.trigger.attrs, ctx, c.sentence, c.start))
        c.date = sentence_date(ctx, c.sentence, c.start, says=c.type in AGENT_TYPES)
        out.append(c)
    return out


def _quoted_toll(c: Candidate, ctx: EventContext) -> bool:
    """"وقال العميد ان «سيارة مفخخة انفجرت وسط سوق شعبية، ما اسفر عن مقتل ستة مدنيين»": an official or a
    witness quoted on the dead and wounded reports the blast; rhetoric ("المعركة بيننا وبينهم") counts none."""
    s, e = ctx.doc.sentences[c.sentence]
    text = ctx.doc.clean.full_text
    if any(ctx.classes.get(m.entity_id) in ("group", "media_arm") for m in ctx.sentence_mentions(c.sentence)
           if m.start < c.start):
        return False  # the group or its outlet speaks
    opening = max((i for i in range(s, c.start) if text[i] in QUOTE_MARKS), default=s)
    closing = min((i for i in range(c.end, e) if text[i] in QUOTE_MARKS), default=e)
    return _TOLL.search(text, opening, closing) is not None


_TOLL = re.compile(r"مقتل|قتل|قتلى|قتيل|إصابة|اصابة|أصيب|اصيب|جرح|جرحى|أسفر|اسفر|مصرع")


def _issued_by_non_group(c: Candidate, ctx: EventContext) -> bool:
    """Who issued the statement: the party before "في بيان", the one after "بيان لـ", or, for "وقال في
    بيان" with no subject, the source of the sentence before."""
    text = ctx.doc.clean.full_text
    parties = ("organization", "media_outlet", "person")
    mentions = ctx.sentence_mentions(c.sentence)
    before = [m for m in mentions if m.end <= c.start
              and len(text[m.end:c.start].split()) <= 8 and m.kind in parties]
    genitive = [m for m in mentions if m.start >= c.end and len(text[c.end:m.start].split()) <= 2
                and re.match(r"\s*(?:ل|صادر\S*\s+عن\s*|$)", text[c.end:m.start]) and m.kind in parties]
    soon_group = any(m.start >= c.end and len(text[c.end:m.start].split()) <= 6
                     and ctx.classes.get(m.entity_id) in ("group", "media_arm") for m in mentions)
    if any(m.start < c.end and ctx.classes.get(m.entity_id) in ("group", "media_arm") for m in mentions
           if m.end > c.start):
        return False  # "أعلن تنظيم الدولة مسؤوليته": the group is inside the trigger
    if before:
        issuer = max(before, key=lambda m: m.end)
    elif genitive:
        issuer = genitive[0]
    elif not soon_group and c.sentence > 0 and cue(ctx, "said_verb", ctx.sentence_text(c.sentence).split()[0]):
        previous = [m for j in range(max(0, c.sentence - 3), c.sentence) for m in ctx.sentence_mentions(j)
                    if m.kind in parties and _is_source(text, m, ctx)]
        if not previous:
            return False
        issuer = previous[-1]  # "قال الجيش الأمريكي ... وقال في بيان": the army's statement
    else:
        return False
    is_militant = issuer.kind == "person" and (ctx.res.get(issuer.entity_id) is None or category_of(
        ctx, issuer.entity_id) in ("militant", "militant_leader", "attacker"))
    return ctx.classes.get(issuer.entity_id) not in ("group", "media_arm") and not is_militant


def _affiliation(ctx: EventContext, person_id: str) -> str | None:
    """The organisation a known person led or spoke for at the time of the article (KB roles with years)."""
    entry = ctx.res.get(person_id)
    if entry is None:
        return None
    published = ctx.doc.clean.published or ""
    year = int(published[:4]) if published[:4].isdigit() else None
    for role in entry.roles:
        org = role.get("of")
        if not org or org not in ctx.res.entries:
            continue
        start, end = role.get("from"), role.get("to")
        if year is None or ((start is None or start <= year) and (end is None or year <= end)):
            return str(org)
    return None


def add_affiliations(c: Candidate, ctx: EventContext) -> None:
    """Haftar announcing a capture brings the LNA in as actor; a commander killed brings his group in as target."""
    if c.type == "leadership_change":
        if c.subtype == "appointed":  # "وأعلن بيان للمجلس السياسي تعيين": the body that announces it appoints
            for p in [p for p in c.roles["speakers"] if ctx.classes.get(p) in ("group", "state", "other")]:
                c.roles["speakers"].remove(p)
                add_unique(c.roles["actors"], p)
        for t in list(c.roles["targets"]):
            org = _affiliation(ctx, t)
            if org and c.subtype == "appointed":
                add_unique(c.roles["actors"], org)  # "تعيين مهدي المشاط": his movement appoints him
            elif org:
                add_unique(c.roles["targets"], org)
        return
    if c.type in AGENT_TYPES:
        return
    for p in c.roles["speakers"] + c.roles["actors"]:
        entry = ctx.res.get(p)
        if entry is not None and entry.kind == "person":
            org = _affiliation(ctx, p)
            if org and org not in c.roles["targets"]:
                add_unique(c.roles["actors"], org)


def _add_victims_groups(c: Candidate, ctx: EventContext) -> None:
    """"القيادي الحوثي صالح الصماد", "موسى أبو داود، المسؤول في القاعدة": a targeted person's group is hit too."""
    if c.type not in _VICTIM_TYPES:
        return
    text = ctx.doc.clean.full_text
    persons = [m for i in c.sentences for m in ctx.sentence_mentions(i)
               if m.entity_id in c.roles["targets"] and m.kind == "person"]
    for p in persons:
        for o in ctx.sentence_mentions(c.sentence):
            if o.kind != "organization" or o.entity_id in c.roles["actors"] or o.entity_id in c.roles["speakers"]:
                continue
            gap = text[o.end:p.start] if o.end <= p.start else text[p.end:o.start]
            words = gap.split()
            title = " ".join(text[max(0, o.start - 30):o.start].split()[-1:])
            before = o.end <= p.start and all(w in _EPITHETS for w in words) and _TITLE.fullmatch(title) is not None
            after = p.end <= o.start and len(words) <= 5 and _AFFILIATION.search(gap) is not None \
                and not re.search(r"[.:؛]", gap)
            if before or after:
                add_unique(c.roles["targets"], o.entity_id)


_VICTIM_TYPES = {"attack", "execution", "leadership_change", "arrest"}
_EPITHETS = {"البارز", "الكبير", "السابق", "الميداني", "المحلي", "الشهير", "المعروف"}
_RANKS = "قيادي|مسؤول|عضو|زعيم|امير|أمير|قائد"  # the titles of a group's leaders, shared by the patterns below
_LEADER = re.compile(rf"(?:[وف])?(?:ال)?(?:{_RANKS}|رئيس|مدير|نائب|والي|وزير)\S{{0,2}}")
_SPOKESMAN = re.compile(r"(?:ال)?(?:متحدث|ناطق)\S{0,2}\s+(?:\S+\s+){0,2}(?:باسم|بإسم|باسمه)")
_TITLE = re.compile(rf"(?:[وف])?(?:ال)?(?:{_RANKS}|عنصر|مقاتل|مسلح|ناشط)")
_AFFILIATION = re.compile(rf"(?:ال)?(?:{_RANKS}|عنصر|احد|أحد)\S*\s+(?:\S+\s+)?(?:في|ب|من|لدى)?\s*\S*$")


_POINTING = re.compile(r"(?:مشير(?:ا|اً)?|في إشارة|في اشارة)\s*(?:إلى|الى|ل)?\s*\S*$")


def _add_demand_addressees(c: Candidate, ctx: EventContext) -> None:
    """"إذا لم تطلق الحكومة المصرية سراح المعتقلات", "مشيراً لمليشيا قسد": whom the threat means."""
    text = ctx.doc.clean.full_text
    for i in c.sentences:
        for m in ctx.sentence_mentions(i):
            if ctx.classes.get(m.entity_id) in ("group", "media_arm") or m.kind not in ("organization", "location"):
                continue
            after = " ".join(text[m.end:m.end + 30].split()[:2])
            before = " ".join(text[max(0, m.start - 30):m.start].split()[-3:])
            if "سراح" in after or _POINTING.search(before):
                add_unique(c.roles["targets"], m.entity_id)  # "مشيراً لمليشيا قسد": whom the threat means


def _forces_against_groups(c: Candidate, ctx: EventContext) -> None:
    """In an offensive by forces, every force named is on the attacking side and the group its target."""
    parties = c.roles["actors"] + c.roles["targets"]
    if not any(ctx.classes.get(p) == "state" for p in c.roles["actors"]) or not any(
            ctx.classes.get(p) == "group" for p in parties):
        return  # "شن تنظيم داعش عملية ضد المعارضة": no force acts, the group does
    c.roles["actors"][:] = [p for p in parties if ctx.classes.get(p) != "group"
                            and (p in c.roles["actors"] or ctx.classes.get(p) == "state")]
    c.roles["targets"][:] = [p for p in parties if ctx.classes.get(p) == "group"] + [
        p for p in c.roles["targets"] if ctx.classes.get(p) not in ("group", "state")]


def _nearby_group(c: Candidate, ctx: EventContext) -> list[str]:
    """An attack with no named perpetrator: the extremist group of the neighbouring sentences, if any."""
    for j in (c.sentence - 1, c.sentence + 1):
        if 0 <= j < len(ctx.doc.sentences):
            groups = [m.entity_id for m in ctx.sentence_mentions(j) if ctx.classes.get(m.entity_id) == "group"]
            if groups:
                return groups[:1]
    return []


def retype(trigger: Trigger, typ: str, subtype: str) -> Trigger:
    return replace(trigger, type=typ, subtype=subtype)


def sentence_date(ctx: EventContext, i: int, near: int, says: bool = False) -> DateValue | None:
    """The day of the sentence nearest the trigger. What a release or threat says ("بيانا أكدوا فيه أن
    الصماد قتل ... الخميس") is dated by its own words, not the release: ``says`` skips those days."""
    s, e = ctx.doc.sentences[i]
    inside = [d for d in ctx.dates if d.span and s <= d.span[0] < e and is_single_day(d)
              and not _dates_the_saying(ctx, d, near) and not (says and _in_what_is_said(ctx, d, near))]
    if not inside:
        return None
    after = [d for d in inside if 0 <= (d.span or (0, 0))[0] - near <= 40]
    if after:  # "الطعن التي جرت في باريس السبت": the day that follows the trigger is its own
        return min(after, key=lambda d: (d.span or (0, 0))[0])
    return min(inside, key=lambda d: abs((d.span or (0, 0))[0] - near))


def is_single_day(d: DateValue) -> bool:
    """A date an event can carry: one day (ISO or --MM-DD), not a week or a weekday name."""
    return d.precision == "day" and d.start == d.end


def _in_what_is_said(ctx: EventContext, d: DateValue, trigger: int) -> bool:
    from rasid.stages.normalize import fold

    start = (d.span or (0, 0))[0]
    return start > trigger and bool(_COMPLEMENTIZER.search(fold(ctx.doc.clean.full_text[trigger:start])))


def _dates_the_saying(ctx: EventContext, d: DateValue, trigger: int) -> bool:
    """"قال الجيش الأمريكي أمس الجمعة إن غارة جوية قتلت": the day between a verb of saying and the "إن"
    that opens what was said dates the report, not the strike it reports."""
    return _in_the_saying(ctx, (d.span or (0, 0))[0], trigger)


def _in_the_saying(ctx: EventContext, start: int, trigger: int) -> bool:
    """The words at ``start`` stand between a verb of saying and the "إن" before the trigger: they tell
    when or where it was said ("وقال في مؤتمر صحافي في أنقرة، إن التفجير"), not the event."""
    from rasid.stages.normalize import fold

    text = ctx.doc.clean.full_text
    if start >= trigger:
        return False
    before = fold(" ".join(text[max(0, start - 80):start].split()[-6:]))
    between = fold(text[start:trigger])
    said = list(_SAID.finditer(before))
    return bool(said) and not _COMPLEMENTIZER.search(before[said[-1].end():]) and bool(_COMPLEMENTIZER.search(between))


_SAID = re.compile(r"(?<!\w)(?:[وف])?(?:قال|قالت|اعلن|اعلنت|ذكر|ذكرت|افاد|افادت|اكد|اكدت|اوضح|اوضحت)(?!\w)")
