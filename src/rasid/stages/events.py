"""The event stage: typed events with roles, attributes, dates and evidence sentences.

Flow: ``find_triggers`` (rule regexes over folded sentences, negation and quotation aware)
-> ``fill_roles`` (entities of the sentence by their class: armed group, state force, person,
place) -> ``merge_events`` (one release restated in three sentences is one event)
-> ``mark_core`` (lede and title are the news; "كان قد", "في العام 2014" are background).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import replace

from rasid.model import DateValue, Entity, Event, Mention, NormalDoc
from rasid.resources import Resources
from rasid.stages.entity_generic import force_nisba_countries, is_body_of, nisba_countries, state_of
from rasid.stages.event_attrs import describe
from rasid.stages.event_context import (
    DEFINITE,
    Candidate,
    EventContext,
    add_unique,
    build_context,
    cue,
    doer_named_apart,
    inside_a_title,
    inside_quote,
    norm_index,
    words_before,
)
from rasid.stages.event_merge import (
    CAMPAIGN,
    fold_quoted_restatements,
    fold_release_mentions,
    fold_title_restatements,
    is_background,
    merge_events,
    the_same_place,
)
from rasid.stages.event_places import most_specific
from rasid.stages.event_roles import add_affiliations, fill_roles, is_single_day, retype
from rasid.stages.event_rules import Trigger


def _needs_met(trigger: Trigger, ctx: EventContext, i: int, text: str) -> bool:
    present = {ctx.classes.get(m.entity_id, "") for m in ctx.sentence_mentions(i)}
    kinds = {m.kind for m in ctx.sentence_mentions(i)}
    for alternatives in trigger.needs:
        ok = False
        for need in alternatives:
            if need in ("group", "media_arm", "state", "person"):
                ok = need in present or (need == "group" and ctx.main_group is not None and cue(ctx, "group_word", text))
            elif need == "publication":
                ok = "publication" in kinds
            else:
                ok = cue(ctx, need, text)
            if ok:
                break
        if not ok:
            return False
    return True


def _last_words(text: str, pos: int, n: int) -> list[str]:
    """The last ``n`` words before ``pos``, split from the right (asked for every trigger match)."""
    return text[:pos].rsplit(None, n)[-n:]


_DEMONSTRATIVES = frozenset({"هذه", "هذا", "تلك", "ذلك", "هذين", "هاتين", "هولاء"})


def _is_negated(text: str, pos: int, end: int, ctx: EventContext, blockers: bool = True,
                own_words_free: bool = False) -> bool:
    """Negated, hypothetical or blocked: "لم يعلن", "مخاوف من تهديد", "حكم الإعدام", "معدة لتفجير"."""
    if cue(ctx, "negation", " ".join(_last_words(text, pos, 3))) or cue(
            ctx, "hypothetical", " ".join(_last_words(text, pos, 2))):
        return True
    around = " ".join(_last_words(text, pos, 2) + text[pos:end].split(None, 1)[:1]
                      + text[end:].split(None, 2)[:2])  # the trigger's own first word too: "سيشن"
    if cue(ctx, "future", around) and not cue(ctx, "threat_word", text[max(0, pos - 2):end]):
        return True  # "هجوم الرقة سيكون": what will happen is not an event (a threat is)
    if not blockers or ctx.rules.blockers is None:
        return False
    for m in ctx.rules.blockers.finditer(text, max(0, pos - 40), min(len(text), end + 25)):
        if m.start() < (pos + 1 if own_words_free else end) and m.end() >= pos:
            return True  # a call's own words ("داعيا المسلمين لشن هجمات") are no purpose that blocks it
    return False


def _matches_by_sentence(ctx: EventContext) -> dict[int, list[tuple[int, int, Trigger]]]:
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


def find_triggers(ctx: EventContext) -> list[Candidate]:
    """Trigger matches per sentence: one candidate per type, its most specific subtype winning."""
    out: list[Candidate] = []
    seen_types: set[str] = set()
    by_sentence = _matches_by_sentence(ctx)
    for i in sorted(by_sentence):
        text = ctx.sentence_text(i)
        found = by_sentence[i]
        kept: list[tuple[int, int, Trigger]] = []
        for s, e, trig in sorted(found, key=lambda f: (f[2].rank, f[0])):
            before = _last_words(text, s, 3)
            count = " ".join(before[-1:] + text[s:e].split(None, 1)[:1])  # "نفذ 29 ضربة", "21 ضربة أصابت"
            campaign = trig.subtype == "airstrike" and (cue(ctx, "strike_count", count)
                                                        or cue(ctx, "more_strikes", " ".join(before)))
            if campaign:  # "نفذ 29 ضربة جوية", "كثف غاراته": a campaign of strikes, not one strike
                trig = retype(trig, "military_operation", "airstrike_campaign")
            if any(t.type == trig.type and (t.subtype == trig.subtype or s < te + _NEAR and ts < e + _NEAR)
                   for ts, te, t in kept):
                continue  # one event per subtype; a generic word next to a specific one restates it
            if not _needs_met(trig, ctx, i, text) or _is_negated(text, s, e, ctx, blockers=not campaign,
                                                                 own_words_free=trig.type == "threat") \
                    or inside_a_title(text, s):
                continue
            if trig.type == "attack" and cue(ctx, "statistic", text[:s]):
                continue  # "أكثر من 80% من هجمات داعش نفذت بعبوات ناسفة وسيارات مفخخة": a statistic of attacks
            if trig.type in seen_types and before[-1:] and before[-1] in _DEMONSTRATIVES:
                continue  # "هذه الهجمات" points back to an event already read
            kept.append((s, e, trig))
        campaigns = [(ts, te) for ts, te, t in kept if t.subtype == CAMPAIGN]
        kept = [k for k in kept if not (k[2].type == "attack" and any(
            k[0] < te + _NEAR and ts < k[1] + _NEAR for ts, te in campaigns))  # "29 ضربة جوية تستهدف داعش"
            and not (campaigns and k[2].subtype == "offensive" and "حمل" in text[k[0]:k[1]])]  # "تشن الحملة"
        by_type = {id(k): k for k in kept}
        threat_at = min((s for s, _, t in by_type.values() if t.type == "threat"), default=None)
        answered_types: set[str] = set()
        for s, e, trig in sorted(by_type.values(), key=lambda k: k[0]):
            answered = False
            if threat_at is not None and trig.type in _THREATENED_TYPES and s > threat_at:
                answered = trig.type in answered_types or cue(ctx, "occasion", " ".join(_last_words(text, s, 2)))
                if not answered and not cue(ctx, "relative", " ".join(_last_words(text, s, 3))):
                    continue  # "دعا إلى ... بالمفخخات": the car bombs are what is called for, not an attack
                answered_types.add(trig.type)  # "بعد الهجوم ... في مجزرة": the attack answered, told again
            ns = ctx.sent_norm[i][0]
            o_s, o_e = ctx.doc.orig_span(ns + s, ns + e)
            if _inside_a_name(o_s, o_e, ctx, i):
                continue
            cand = Candidate(trig, i, o_s, o_e, sentences={i}, in_quote=inside_quote(text, s))
            cand.is_relative = cue(ctx, "relative", " ".join(_last_words(text, s, 3)))
            if trig.subtype == "statement" and _CLAIM_VERB.match(text, s) and (
                    cand.is_relative or _ATTACK_NOUN.search(" ".join(_last_words(text, s, 1)))):
                continue  # "اعتداءات سريلانكا التي تبناها التنظيم", "آخر هجوم تبناه": the attack's claim, no release
            cand.is_answered = answered  # "دعا إلى الثأر بعد الهجوم": it happened, before the call
            cand.is_definite = _points_back(text, s, e, ctx)
            out.append(cand)
            seen_types.add(trig.type)
    return out


_CLAIM_VERB = re.compile(r"(?:[وف])?(?:ي|ت)?تبن")
_ATTACK_NOUN = re.compile(r"(?:هجوم|هجمات|اعتداء\w*|تفجير\w*|عملي\w*)$")

_NAMED_KINDS = frozenset({"organization", "media_outlet"})


def _inside_a_name(start: int, end: int, ctx: EventContext, i: int) -> bool:
    """"الرقة تذبح بصمت", "الجماعة السلفية للدعوة والقتال": a trigger word that is part of a name."""
    return any(m.kind in _NAMED_KINDS and m.start <= start and end <= m.end for m in ctx.sentence_mentions(i))


def _points_back(text: str, s: int, e: int, ctx: EventContext) -> bool:
    """"الهجوم", "هجوم التنظيم" (definite by its genitive), "حينها": a trigger naming an event already read.
    Plurals ("التفجيرات") open a new series; "هجوما" is indefinite."""
    words = text[s:e].split()
    word = words[0] if words else ""
    if word.endswith("ات"):
        return False
    following = text[e:].split()[:1]
    construct = len(words) == 1 and not word.endswith("ا") and bool(following) and following[0].startswith("ال") \
        and len(word) >= 4 and word[-2] in "اوي"  # a verbal noun ("إعدام التنظيم"), not a verb ("أعدم العراق")
    return word.startswith(DEFINITE) or construct or cue(ctx, "back_then", text) or cue(ctx, "the_attackers", text)


_THREATENED_TYPES = {"attack", "execution", "military_operation", "leadership_change"}
_NEAR = 25  # characters: "هجوم انتحاري" is one suicide attack, not also an armed assault


def _share_parties(cands: list[Candidate], ctx: EventContext) -> None:
    """Parties one clause gives two events: "قتل الصماد في غارة للتحالف" (the strike's doer killed the leader),
    "قال الجيش الأمريكي إن غارة أمريكية قتلت" (a force reporting its own strike or campaign did it)."""
    for c in cands:
        if c.subtype == "killed" and not any(ctx.classes.get(t) == "person" for t in c.roles["targets"]):
            for k in cands:  # "مقتل رئيس المجلس السياسي صالح الصماد في غارة": the man named beside the strike
                if k.type == "attack" and k.sentence == c.sentence:
                    for t in k.roles["targets"]:
                        if ctx.classes.get(t) == "person":
                            add_unique(c.roles["targets"], t)
            add_affiliations(c, ctx)
        if c.type in ("attack", "leadership_change") and not c.roles["targets"]:
            twin = "leadership_change" if c.type == "attack" else "attack"
            for k in cands:  # "اغتيال رئيس فرع الأمن السياسي", "مقتل قائد من حزب الله في هجوم": one victim
                if k.type == twin and k.sentence == c.sentence and (k.subtype == "killed" or twin == "attack"):
                    for t in k.roles["targets"]:
                        add_unique(c.roles["targets"], t)
        if c.roles["actors"]:
            continue
        if c.type == "leadership_change" and c.subtype == "killed":
            for a in cands:
                if a.type == "attack" and a.sentence == c.sentence:
                    for actor in a.roles["actors"]:
                        add_unique(c.roles["actors"], actor)
        if c.type == "military_operation" or c.subtype in _STATE_ONLY and _own_strike(c, ctx):
            for sp in c.roles["speakers"]:
                if ctx.classes.get(sp) == "state":
                    add_unique(c.roles["actors"], sp)
        if c.type == "territorial_change" and not c.roles["actors"]:
            for k in cands:  # "بعد طرده من الباغوز، إثر هجوم شنته قسد": who attacked took the ground
                if k.sentence == c.sentence and k.type == "military_operation" and k.start > c.start \
                        and cue(ctx, "occasion", words_before(ctx.doc.clean.full_text, k.start, 2)):
                    for winner in k.roles["actors"]:
                        if winner not in c.roles["targets"]:
                            add_unique(c.roles["actors"], winner)


_STATE_ONLY = {"airstrike", "airstrike_campaign", "killed"}


def _won_the_ground(c: Candidate, cands: list[Candidate], ctx: EventContext) -> bool:
    """"بعد طرده من الباغوز، إثر هجوم شنته قسد": the offensive that a change of ground follows is how the
    ground changed hands, told as the change itself (which took its actor)."""
    return c.type == "military_operation" and c.subtype == "offensive" and any(
        k.type == "territorial_change" and k.sentence == c.sentence and k.start < c.start for k in cands) and cue(
        ctx, "occasion", words_before(ctx.doc.clean.full_text, c.start, 2))


def _own_strike(c: Candidate, ctx: EventContext) -> bool:
    """"غارة جوية أمريكية": the strike names the reporting force's nationality right after it."""
    text = ctx.doc.clean.full_text
    after = " ".join(text[c.end:c.end + 40].split()[:2])
    return bool(_NATIONALITY.search(after))


def _nationality_doers(cands: list[Candidate], ctx: EventContext) -> None:
    """"غارة أميركية", "الضربات الجوية الروسية والحكومية السورية", "مقاتلات عراقية شنت غارات": a country's
    nisba right after a strike, or on the aircraft or guns that make it, names the state that did it; a
    force of that state that reports the strike is that state here ("قال الجيش الأمريكي إن غارة أمريكية")."""
    for c in cands:
        if c.roles["actors"] or c.type not in ("attack", "military_operation"):
            continue
        text = ctx.sentence_text(c.sentence)
        start, end = _local_start(c, ctx), norm_index(ctx.doc, c.end) - ctx.sent_norm[c.sentence][0]
        force = _last_words(text, start, 5) + text[start:end].split()  # "الطيران الحربي الروسي يقصف" is one match
        for code in nisba_countries(text[end:], ctx.res) or force_nisba_countries(force, ctx.res):
            own = [sp for sp in c.roles["speakers"] if ctx.classes.get(sp) == "state" and is_body_of(sp, code, ctx.res)]
            for doer in own or [d for d in [state_of(code, ctx.res)] if d]:
                add_unique(c.roles["actors"], doer)


_NATIONALITY = re.compile(r"(?:امريكي|أمريكي|أميركي|روسي|تركي|فرنسي|بريطاني|عراقي|سوري|أردني|اردني|سعودي|إماراتي|اماراتي|مصري)(?:ة|ه)?")


def _dated_to_the_news(c: Candidate, published: str | None) -> bool:
    """Its own day (not the lede's) is the publication day or the day before."""
    return bool(c.date and published and not c.date.is_inferred and c.date.precision == "day"
                and _days_before(published, _NEWS_DAYS) <= c.date.start[:10] <= published[:10])


def _mark_background(cands: list[Candidate], ctx: EventContext) -> None:
    """Background: a recalled past event ("ويعود آخر هجوم", "كان قد"), a relative clause, an old date."""
    published = ctx.doc.clean.published
    for c in cands:
        text = _up_to_the_clause_end(c, ctx)
        if _dated_to_the_news(c, published):
            end = norm_index(ctx.doc, c.end) - ctx.sent_norm[c.sentence][0]  # "هدد أمس الأربعاء بإعدام كرواتي
            text = text[:end] + _LATER_TIME.sub(" ", text[end:])  # خطف الشهر الماضي": that month is the abduction's
        old = bool(c.date and published and c.date.start[:4].isdigit() and c.date.start < _days_before(published, 30))
        c.is_old = old or cue(ctx, "past_time", text) or bool(c.date and not published)  # no publication day:
        # no day can be told recent
        before = _last_words(ctx.sentence_text(c.sentence), _local_start(c, ctx), 7)
        c.is_recalled = cue(ctx, "background", _FORMER_TITLE.sub(" ", text)) or old or cue(
            ctx, "was_doing", " ".join(before[-3:])) or before[-1:] == ["منذ"] or cue(  # "منذ هزيمته": an anchor
            ctx, "habit", " ".join(before[-5:])) or cue(  # "دأب على"
            ctx, "lead_up", " ".join(before).rsplit("،", 1)[-1].strip())  # "جاءت الغارات بعد ساعات من": earlier
        c.background = c.is_recalled or c.is_relative or c.is_answered  # type: ignore[attr-defined]


_LATER_TIME = re.compile(r"(?:الشهر|العام|السنه|السنة|الاسبوع) (?:الماضي|الماضيه|الماضية|السابق|المنصرم)\w*"
                         r"|(?:عام|العام|سنه|سنة) [0-9]{4}")


def _local_start(c: Candidate, ctx: EventContext) -> int:
    return norm_index(ctx.doc, c.start) - ctx.sent_norm[c.sentence][0]


# "الناطق الرسمي السابق باسم الداخلية": a former office describes a person, it recalls no event
_FORMER_TITLE = re.compile(r"(?:الرسمي|الناطق|المتحدث|الرئيس|الوزير|القائد|الزعيم|الامين|المدير|النائب|المسوول|"
                           r"الامير|رئيس|وزير|قائد|زعيم)\s+(?:ال\S+\s+)?(?:السابق|السابقه)(?!\S)")
_CLAUSE_BREAK = re.compile(r"[،,]?\s(?:لكن|ولكن|بينما|فيما|انه|انها|بانه|بانها|وكان|وكانت|بالاضافه الي|اضافه الي)\s")


def _up_to_the_clause_end(c: Candidate, ctx: EventContext) -> str:
    """The sentence up to a new clause after the trigger — a contrast ("دون تاريخ، لكن المطر كان يتساقط"),
    a report ("أوقفت رجلا يعتقد أنه كان قياديا سابقا"), a description ("وكان مصابا"), an added item
    ("بالإضافة إلى الهجمات التي تم تنفيذها سابقا"): what that clause recalls is not said of this event."""
    text = ctx.sentence_text(c.sentence)
    end = norm_index(ctx.doc, c.end) - ctx.sent_norm[c.sentence][0]
    brk = _CLAUSE_BREAK.search(text, max(0, end))
    return text[:brk.start()] if brk else text


def _days_before(iso: str, days: int) -> str:
    from datetime import date, timedelta

    try:
        return (date.fromisoformat(iso[:10]) - timedelta(days=days)).isoformat()
    except ValueError:
        return ""


_NEWS_DAYS = 1  # the news happened on the publication day or the day before ("أمس"); earlier days are recalled


def _is_core(c: Candidate, ctx: EventContext, title_types: set[str]) -> bool:
    """The news: stated in the title or the lede (first body sentences), or dated to the last days
    ("إلى ذلك أعلن ... أمس مقتل"), and not as background."""
    if is_background(c):
        return False
    published = ctx.doc.clean.published
    if _dated_to_the_news(c, published):
        return True
    first = min(c.sentences)
    rank = _lede_rank(ctx, first)
    if rank <= 3:
        return True
    dated_earlier = bool(c.date and published and not c.date.is_inferred and c.date.precision == "day"
                         and c.date.start[:10] < _days_before(published, _NEWS_DAYS))
    return c.type in title_types and rank <= 6 and not dated_earlier  # "وهاجمت ... الجمعة": another day's attack


def _lede_rank(ctx: EventContext, i: int) -> int:
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


def _fill_casualties(c: Candidate, ctx: EventContext, others: set[int]) -> None:
    """Counts are often in the sentence after the one that names the attack ("وأسفر الهجوم عن مقتل 12"),
    unless that sentence tells an attack of its own (``others``): "وفي يوليو 2013، نظم هجوما ... مقتل 9"."""
    from rasid.stages.event_attrs import casualties

    last = len(ctx.doc.sentences) - 1
    following = {i + 1 for i in c.sentences if i < last and _TOLL_OF_IT.search(ctx.sentence_text(i + 1))}
    for i in sorted(c.sentences | following - others):
        found = casualties(ctx.sentence_text(i), ctx)
        for key, value in found.items():
            c.attributes.setdefault(key, value)
        if "fatalities" in c.attributes:
            return


_TOLL_OF_IT = re.compile(  # folded: a next sentence that gives the toll of the event told before it
    r"(?<!\w)(?:[وف]|ما\s+)?(?:اسفر|ادي|ادت|خلف|اوقع|حصيل|جراء|اثر|بينهم|منهم|ضحايا|الضحايا|قتلاه|القتلي)"
    r"|(?<!\w)[وف]?(?:ال|لل|بال|في\s+ال)(?:هجوم|انفجار|تفجير|غار|قصف|اعتداء|عملي|حادث|ضرب|هجمات|تفجيرات|كمين|اشتباك)")


def _killed_many_unarmed(c: Candidate, ctx: EventContext) -> bool:
    """"هجوم على منتجع ساحلي أدى إلى مقتل 38 سائحا": gunmen killing ten or more tourists, worshippers or
    civilians, and no force or group, is a mass shooting (an assault on soldiers stays an armed assault)."""
    dead = c.attributes.get("fatalities")  # a number; vague counts stay in fatalities_range
    return c.type == "attack" and c.subtype == "armed_assault" and isinstance(dead, int) and dead >= 10 \
        and not any(ctx.classes.get(t) in ("state", "group") for t in c.roles["targets"]) \
        and any(_UNARMED_DEAD.search(ctx.sentence_text(i)) for i in c.sentences)


_UNARMED_DEAD = re.compile(  # on folded text (ئ -> ي)
    r"(?:مقتل|قتل|مصرع)\s+(?:\S+\s+){0,3}(?:سايح|سياح|مصلي|مصلين|زوار|متسوق|طلاب|طالبا|مدنيا|مدنيين)")


def _group_of_the_sentences(c: Candidate, ctx: EventContext) -> None:
    """An attack or execution with no doer yet: the extremist group its sentences name (not its victim)."""
    if c.type not in ("attack", "execution") or c.roles["actors"] or c.subtype in ("airstrike", "shelling") \
            or doer_named_apart(c, ctx):
        return
    for i in sorted(c.sentences):
        for m in ctx.sentence_mentions(i):
            if ctx.classes.get(m.entity_id) == "group" and m.entity_id not in c.roles["targets"]:
                add_unique(c.roles["actors"], m.entity_id)


_HOSTAGES = re.compile(r"(?<!\w)(?:[وبل]|ال|وال|بال|لل)?(?:رهاين|رهين\w*|اسري|اسير\w*|مختطف\w*|مخطوف\w*|معتقلين"
                       r"|(?:ا)?خطف(?:وا|هم))(?!\w)")  # folded: "المعتقلين هم من أفراد الشرطة", "6 أشخاص خطفوا"
_WHO_THEY_ARE = re.compile(r"(?<!\w)(?:[وف]?(?:ان|ب?انهم|هم|كانوا))\s+(?:\S+\s+){0,4}")


def _hostages_named(cands: list[Candidate], ctx: EventContext) -> None:
    """"ومن بين الرهائن ستة ... وزعم التنظيم أنهم جنود شرطة عراقيين أو من الحشد الشعبي": the forces the
    hostages belong to, named in a sentence of their own, are hit by every event told of the hostages."""
    forces: list[str] = []
    if not _HOSTAGES.search(ctx.doc.norm):
        return  # most articles tell of no hostages: no sentence need be read
    for i in range(len(ctx.doc.sentences)):
        text = ctx.sentence_text(i)
        near = _HOSTAGES.search(text) or (i > 0 and _HOSTAGES.search(ctx.sentence_text(i - 1)))
        said = _WHO_THEY_ARE.search(text)
        if not (near and said):
            continue
        start, _ = ctx.doc.orig_span(ctx.sent_norm[i][0] + said.start(), ctx.sent_norm[i][0] + said.end())
        for m in ctx.sentence_mentions(i):
            if m.start >= start and m.kind == "organization" and ctx.classes.get(m.entity_id) in ("state", "other"):
                add_unique(forces, m.entity_id)
    if not forces:
        return
    told_of_hostages = [c for c in cands if (c.type in ("execution", "threat") or c.attributes.get("kidnapping"))
                        and any(_HOSTAGES.search(ctx.sentence_text(i)) for i in c.sentences)
                        and not any(ctx.classes.get(a) in ("state", "location") for a in c.roles["actors"])]  # "العراق يعدم"
    for c in told_of_hostages:
        for f in forces:
            if f not in c.roles["actors"]:
                add_unique(c.roles["targets"], f)


def _one_side(c: Candidate, ctx: EventContext) -> None:
    """An extremist group's attack restated in other sentences ("وقتلت القوات الأمنية ثلاثة من المهاجمين
    ... في الهجوم"): the forces those sentences name did something else, they are not its doers."""
    if c.type in ("attack", "execution") and any(ctx.classes.get(a) == "group" for a in c.roles["actors"]):
        c.roles["actors"][:] = [a for a in c.roles["actors"] if ctx.classes.get(a) != "state"]


def _lede_date(ctx: EventContext) -> DateValue | None:
    """The first single-day date of the title or the first two body sentences."""
    for i in range(len(ctx.doc.sentences)):
        if _lede_rank(ctx, i) > 2:
            break
        s, e = ctx.doc.sentences[i]
        for d in ctx.dates:
            if d.span and s <= d.span[0] < e and is_single_day(d):
                return d
    return None


_SHOWN_TYPES = {"attack", "execution"}
_VISUAL = {"video", "photo_report"}


def _shown(c: Candidate, ctx: EventContext) -> bool:
    """The event's sentence says a video shows it, and no old date puts it in the past."""
    published = ctx.doc.clean.published
    if c.date and published and c.date.start[:4].isdigit() and c.date.start < _days_before(published, 30):
        return False
    return any(cue(ctx, "shown", ctx.sentence_text(i)) for i in c.sentences)


def _publication_day(ctx: EventContext) -> DateValue | None:
    """The day the article was published, for news the article dates by no word of its own."""
    published = ctx.doc.clean.published
    if not published or len(published) < 10 or not published[:10].replace("-", "").isdigit():
        return None
    return DateValue(published[:10], published[:10], "day", published[:10])


def _says(release: Candidate, threat: Candidate) -> bool:
    """The threat is the release's content: same speaker, or same producer within two sentences."""
    if set(release.roles["speakers"]) & set(threat.roles["speakers"]):
        return True
    near = min(abs(i - j) for i in release.sentences for j in threat.sentences) <= 2
    return near and bool(set(release.roles["actors"]) & set(threat.roles["actors"]))


_ASSAULT_WORD = re.compile(r"هجوم|هجم|هاجم|اعتداء|اعتدا|هجمات")  # not "خطفهم": a kidnapping is no offensive


def _resolve_cross_type(cands: list[Candidate], ctx: EventContext) -> list[Candidate]:
    """"هجوم" by an extremist group is an attack; by an army, a coalition or the SDF an offensive."""
    out: list[Candidate] = []
    dropped: set[int] = set()
    for c in cands:
        if c.type == "attack" and c.subtype == "armed_assault" and not c.is_definite and _ASSAULT_WORD.search(
                ctx.doc.clean.full_text[c.start:c.end]) and any(
                ctx.classes.get(a) == "state" for a in c.roles["actors"]) and not any(
                ctx.classes.get(a) == "group" for a in c.roles["actors"]):
            twins = [o for o in cands if o.type == "military_operation" and o.sentence == c.sentence]
            if any(o.subtype == "offensive" for o in twins):
                continue  # "هجوماً ضد" already read as the offensive
            c.trigger = retype(c.trigger, "military_operation", "offensive")
            for o in twins:  # "تستمر قسد بهجومها ... وتخوض اشتباكات": the clashes are the offensive's
                for role, ids in o.roles.items():
                    for v in ids:
                        add_unique(c.roles[role], v)
            dropped.update(id(o) for o in twins)
        if c.type == "attack" and c.subtype == "armed_assault" and any(
                o.type == "execution" and o.sentence == c.sentence for o in cands):
            continue  # "قامت مجموعة بإطلاق النار على الشخصين وأعدموهما": the shooting is the execution
        if c.type == "military_operation" and c.subtype == "offensive" and any(
                o.type == "attack" and o.sentence == c.sentence and o.subtype == "armed_assault"
                and any(ctx.classes.get(a) == "group" for a in o.roles["actors"]) for o in cands) and not any(
                ctx.classes.get(a) == "state" for a in c.roles["actors"]):
            continue
        if c.type == "military_operation" and _RAID_WORD.search(ctx.doc.clean.full_text[c.start:c.end]) and any(
                o.type == "arrest" and o.sentence == c.sentence for o in cands):
            continue  # "أوقفت السلطات رجلا في مداهمة استهدفت شقة": the raid is how the arrest was made
        out.append(c)
    return [c for c in out if id(c) not in dropped]


_RAID_WORD = re.compile(r"مداهم|دهم")


def find_events(doc: NormalDoc, mentions: list[Mention], entities: tuple[Entity, ...], res: Resources) -> tuple[
        Event, ...]:
    """The event stage over one document."""
    ctx = build_context(doc, mentions, res)
    found = fill_roles(find_triggers(ctx), ctx)
    quoted = [c for c in found if c.is_rhetoric]
    _nationality_doers(found, ctx)
    cands = _resolve_cross_type([c for c in found if not c.is_rhetoric], ctx)
    _share_parties(cands, ctx)
    cands = [c for c in cands if not _won_the_ground(c, cands, ctx)]
    _mark_background(cands, ctx)
    cands = fold_title_restatements(fold_release_mentions(merge_events(cands, res), ctx), ctx)
    cands = fold_quoted_restatements(cands, quoted, res)
    for c in cands:
        if not c.roles["places"]:  # only now, so that a borrowed place never keeps two reports apart
            c.roles["places"].extend(c.clause_places or the_same_place(c, cands, ctx))
        if c.subtype != CAMPAIGN:  # a campaign names its countries and the towns struck in them
            c.roles["places"][:] = most_specific(c.roles["places"], ctx)
        _group_of_the_sentences(c, ctx)
        _one_side(c, ctx)
    _hostages_named(cands, ctx)
    violent = {i for k in cands if k.type in ("attack", "execution") for i in k.sentences}
    for c in cands:
        if c.type in ("attack", "execution") and "fatalities" not in c.attributes:
            _fill_casualties(c, ctx, violent - c.sentences)
        if _killed_many_unarmed(c, ctx):
            c.trigger = retype(c.trigger, "attack", "mass_shooting")
        if c.type == "threat" and not c.roles["speakers"]:
            for r in cands:  # "وهو يتوعد ..." in the video where "ظهر ... أبو يحيى التونسي": the video's speaker threatens
                if r.type == "media_release" and r.sentences & c.sentences:
                    for p in r.roles["speakers"]:
                        add_unique(c.roles["speakers"], p)
    names = {e.id: e.name_en for e in entities}
    for c in cands:  # a party known only from the knowledge base (a leader's movement) is named in summaries too
        for ids in c.roles.values():
            for i in ids:
                entry = res.get(i)
                if i not in names and entry is not None:
                    names[i] = entry.name_en
    title_sentences = ctx.title_sentences()
    title_types = {c.type for c in cands if min(c.sentences) < title_sentences}
    core_flags = {id(c): _is_core(c, ctx, title_types) for c in cands}
    releases = [c for c in cands if c.type == "media_release" and core_flags[id(c)]]
    for c in cands:  # what the reported release says is news too: its threats and calls are core
        if c.type == "threat" and not is_background(c) and any(_says(r, c) for r in releases):
            core_flags[id(c)] = True
        if c.type in _SHOWN_TYPES and any(r.subtype in _VISUAL for r in releases) and _shown(c, ctx):
            core_flags[id(c)] = True  # "ظهر فيه عناصر التنظيم وهم ينفذون هجمات": what the video shows
    core_attacks = [c for c in cands if c.type == "attack" and core_flags[id(c)]]
    for c in cands:  # "وقتلت القوات ثلاثة من المهاجمين وتمكنت من اعتقال الرابع": the news attack's aftermath
        if core_attacks and c.type == "arrest" and not is_background(c) \
                and any(cue(ctx, "the_attackers", ctx.sentence_text(i)) for i in c.sentences):
            core_flags[id(c)] = True
    for c in cands:  # "وأعلن التنظيم في بيان مسؤوليته عن الهجوم": the claim of the news is news
        if c.type == "media_release" and core_attacks and not core_flags[id(c)] and not c.is_recalled \
                and any(cue(ctx, "claim", ctx.sentence_text(i)) for i in c.sentences):
            core_flags[id(c)] = True
    if any(c.type == "media_release" and core_flags[id(c)] and any(cue(ctx, "claim", ctx.sentence_text(i))
                                                                   for i in c.sentences) for c in cands):
        for c in core_attacks:  # the news attack is the one the news claim claims
            c.attributes.setdefault("claimed", True)
    lede_date = _lede_date(ctx) or _publication_day(ctx)
    for c in cands:  # news with no date of its own happened when the lede says ("أمس"), else that day
        if core_flags[id(c)] and c.date is None and lede_date is not None:
            c.date = replace(lede_date, is_inferred=True)
    events: list[Event] = []
    for c in cands:
        core = core_flags[id(c)]
        evidence = tuple(ctx.doc.sentences[i] for i in sorted(c.sentences | c.named_in))
        filled = sum(bool(v) for v in c.roles.values())
        confidence = min(0.95, 0.4 + 0.1 * filled + (0.1 if core else 0) + 0.05 * min(len(c.sentences), 3))
        ev = Event(type=c.type, subtype=c.subtype, core=core, actors=tuple(c.roles["actors"]),
                   targets=tuple(c.roles["targets"]), speakers=tuple(c.roles["speakers"]),
                   places=tuple(c.roles["places"]), date=c.date, attributes=dict(c.attributes), evidence=evidence,
                   confidence=round(confidence, 2))
        events.append(replace(ev, summary=describe(ev, names)))
    return tuple(events)
