"""Type-specific event attributes (release title, issue, language, duration, casualties, tactics)
and the English one-line summary built from an event's fields (no machine translation)."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from rasid.model import Event
from rasid.stages.event_rules import fold_regex

if TYPE_CHECKING:
    from rasid.stages.event_context import EventContext

_QUOTED = re.compile(r"[\"“«']\s*([^\"“”«»']{2,80}?)\s*[\"”»']")
_TITLE_CUE = re.compile(r"(?:بعنوان|عنوان|عنوانه|عنوانها|اسم|باسم|تحت|حمل|يحمل|تحمل|سلسله|سلسلة)\s*[:：]?\s*$")
_NUM = r"([0-9]+(?:[.,][0-9]+)?)"
_PCT = re.compile(_NUM + fold_regex(r"\s*(?:%|في\s+الماي(?:ه|ة)|بالماي(?:ه|ة)|في\s+المئ(?:ه|ة)|بالمئ(?:ه|ة)|بالمائ(?:ه|ة))"))
_CLAIM = re.compile(r"(?<!\w)(?:[وف])?(?:تبن(?:ي|ى|ا|ت)|يتبن|اعلن(?:ت)?\s+(?:\S+\s+)?مسوولي)|claimed")  # not "بالتبني"
_KILLED = re.compile(r"(?:(?<!\w)[وف]?(?:لقي|لقوا|لقيت|استشهاد|استشهد)(?!\w)|قتيل|قتلي|قتلا|قتلاه|مقتل|قتل|مصرع|حتف|شخص(?:ا)? قتل|ضحي(?:ه|ة)|ضحايا|killed|dead|اعدام|اعدم)")
_ONE_DEAD = re.compile(r"(?:عن|سقوط|مقتل)\s+(?:قتيل|شخص)(?:\s+واحد)?(?![\w])")
_INJURED = re.compile(r"(?:جريح|جرحي|جرحا|اصاب(?:ه|ة)|اصابات|مصاب|مصابين|اصيب|جرح|injured|wounded)")
_CASUALTY_NOUNS = (("fatalities", _KILLED), ("injured", _INJURED))


def _number_rules(ctx: EventContext) -> Any:
    from rasid.stages.numbers import compile_number_rules

    return ctx.res.cached("number_rules", lambda r: compile_number_rules(r.rules.get("numbers") or {}))


def _numbers(text: str, ctx: EventContext) -> list[tuple[int, int, float | None, tuple[int, int] | None]]:
    """(start, end, value, vague range) of counts in folded text, digits and Arabic words."""
    from rasid.stages.numbers import find_quantities

    cache = ctx.memo.setdefault("numbers", {})  # the same sentence is read for several events
    if text in cache:
        return list(cache[text])
    out: list[tuple[int, int, float | None, tuple[int, int] | None]] = []
    for q in find_quantities(text, _number_rules(ctx)):
        rng = (int(q.low), int(q.high)) if q.is_vague and q.low is not None and q.high is not None else None
        out.append((q.span[0], q.span[1], q.value, rng))
    cache[text] = tuple(out)
    return out


def _number_value(word: str, ctx: EventContext) -> float | None:
    from rasid.stages.numbers import parse_arabic_number

    word = word.strip()
    if re.fullmatch(r"[0-9]+(?:[.,][0-9]+)?", word):
        return float(word.replace(",", "."))
    for candidate in (word, word.split()[-1] if word.split() else word):
        v = parse_arabic_number(candidate, _number_rules(ctx))
        if v is not None:
            return float(v)
    return None


def _clean_number(v: float) -> int | float:
    return int(v) if float(v).is_integer() else round(v, 2)


_PRONOUN_PREP = re.compile(r"(?:و)?(?:خلال|في|ب|جراء|بسبب|اثر|إثر)(?:ه|ها|هم|هما)")  # "وقتل خلاله خمسين مصليا"


def casualties(text: str, ctx: EventContext) -> dict[str, Any]:
    """Killed and injured counts: a number next to a casualty noun; vague counts become ranges.

    The noun after a number decides first ("قتيل وأربعة جرحى": four injured, not four killed);
    only then the word right before it ("أصيب 40"). A lone "عن قتيل" is one dead.
    """
    found: dict[str, Any] = {}
    for s, e, value, rng in _numbers(text, ctx):
        after = text[e:e + 25].strip()
        words = text[max(0, s - 40):s].split()[-2:]
        before = words[-2] if len(words) == 2 and _PRONOUN_PREP.fullmatch(words[-1]) else " ".join(words[-1:])
        if _month_names(ctx).match(after):
            continue  # "خطفه في 25 تموز": a day of the month, not a toll
        key = next((k for k, regex in _CASUALTY_NOUNS if regex.match(after)), None)
        if key is None:
            key = next((k for k, regex in _CASUALTY_NOUNS if regex.search(before)), None)
        if key is None or key in found or key + "_range" in found:
            continue
        if rng is not None:
            found[key + "_range"] = list(rng)
        elif value is not None and 0 < value < 100000:
            found[key] = _clean_number(value)
    if "fatalities" not in found and "fatalities_range" not in found and _ONE_DEAD.search(text):
        found["fatalities"] = 1
    return found


def _month_names(ctx: EventContext) -> re.Pattern[str]:
    """Month names of both calendars and the Hijri one, folded (from the date rules)."""
    def build(res: Any) -> re.Pattern[str]:
        from rasid.stages.normalize import fold

        dates = res.rules.get("dates") or {}
        names = sorted({fold(m) for m in [*dates.get("months", ()), *dates.get("hijri_months", ())]}, key=len, reverse=True)
        return re.compile(r"(?:/\s*)?(?:" + "|".join(map(re.escape, names)) + r")(?!\w)") if names else re.compile(r"(?!)")
    return ctx.res.cached("month_names", build)  # type: ignore[no-any-return]


def _release_attrs(text: str, ctx: EventContext) -> dict[str, Any]:
    attrs: dict[str, Any] = {}
    for m in _QUOTED.finditer(text):
        before = text[max(0, m.start() - 20):m.start()]
        title = m.group(1).strip()
        if _TITLE_CUE.search(before) and 1 <= len(title.split()) <= 8:
            after = re.match(r"\s*(?:رقم\s*)?([0-9]+)", text[m.end():])
            attrs["title"] = f"{title} {after.group(1)}" if after and after.group(1) not in title else title
            break
    issue = re.search(r"(?:العدد|عددها|عدده|issue)\s+(?:رقم\s+)?([^\s،,.]+(?:\s+عشر)?)", text)
    if issue:
        from rasid.stages.numbers import parse_ordinal

        ordinal = parse_ordinal(issue.group(1), _number_rules(ctx))
        value = float(ordinal) if ordinal else _number_value(issue.group(1), ctx)
        if value:
            attrs["issue"] = int(value)
    for code, regex in ctx.rules.languages.items():
        lang = re.search(r"(?:لغ(?:ه|ة)|باللغ(?:ه|ة)|الناطق(?:ه|ة)?\s+ب)\s*\S*", text)
        if lang and regex.search(text[lang.start():lang.end() + 30]):
            attrs["language"] = code
            break
    duration = _duration_minutes(text, ctx)
    if duration is not None:
        attrs["duration_min"] = duration
    for q in _quantities(text, ctx):
        if q.value and (q.unit_text or "").startswith(("صفح", "page")):
            attrs["pages"] = int(q.value)
            break
    return attrs


def _quantities(text: str, ctx: EventContext) -> list[Any]:
    from rasid.stages.numbers import find_quantities

    return list(find_quantities(text, _number_rules(ctx)))


_DUAL_MINUTES = re.compile(r"(?<!\w)(دقيقتين|دقيقتان|دقيق(?:ه|ة))(\s+و\s*نصف)?(?!\w)")


def _duration_minutes(text: str, ctx: EventContext) -> float | int | None:
    """"حوالى عشر دقائق" -> 10, "دقيقتين ونصف" -> 2.5, "90 ثانية" -> 1.5."""
    for q in _quantities(text, ctx):
        unit = q.unit_text or ""
        if q.value and unit.startswith(("دقيق", "دقائق", "دقايق", "minute")):
            half = 0.5 if re.match(r"\s*و\s*نصف", text[q.span[1]:]) else 0
            return _clean_number(q.value + half)
        if q.value and unit.startswith(("ثاني", "ثوان", "second")):
            return _clean_number(round(q.value / 60, 2))
    m = _DUAL_MINUTES.search(text)
    if m and "مد" in text[max(0, m.start() - 40):m.start()] + "مد":  # a length is stated
        base = 2 if m.group(1).startswith("دقيقت") else 1
        return _clean_number(base + (0.5 if m.group(2) else 0))
    return None


def _found(regexes: dict[str, re.Pattern[str]], text: str) -> list[str]:
    return [name for name, regex in regexes.items() if regex.search(text)]


def parse_attributes(typ: str, subtype: str | None, base: dict[str, Any], ctx: EventContext, sentence: int,
                     trigger_start: int) -> dict[str, Any]:
    """Attributes of one event from its sentence (folded) and the trigger's defaults."""
    text = ctx.sentence_text(sentence)
    attrs: dict[str, Any] = {k: (list(v) if isinstance(v, list) else v) for k, v in base.items()}
    if typ == "media_release":
        attrs.update({k: v for k, v in _release_attrs(text, ctx).items() if k not in attrs})
        if "issue" not in attrs and sentence + 1 < len(ctx.doc.sentences) and subtype == "magazine":
            nxt = _release_attrs(ctx.sentence_text(sentence + 1), ctx)
            attrs.update({k: v for k, v in nxt.items() if k in ("issue", "pages", "language") and k not in attrs})
    if typ in ("threat", "attack", "execution"):
        tactics = list(dict.fromkeys([*attrs.get("tactics", []), *_found(ctx.rules.tactics, text)]))
        if typ == "attack" and subtype not in ("airstrike",):
            tactics = [t for t in tactics if t != "airstrike"]
        if tactics:
            attrs["tactics"] = tactics
        if "kidnapping" in tactics:
            attrs["kidnapping"] = True
            tactics.remove("kidnapping")
            if not tactics:
                attrs.pop("tactics", None)
    if typ in ("attack", "execution"):
        weapons = _found(ctx.rules.weapons, text)
        if weapons:
            attrs["weapons"] = weapons
        attrs.update(casualties(text, ctx))
        if typ == "execution" and "fatalities" not in attrs and "fatalities_range" not in attrs:
            attrs.update(_executed_count(text, ctx, sentence, trigger_start))
        if _CLAIM.search(text) or _CLAIM.search(ctx.doc.norm[: max(0, ctx.sent_norm[min(2, len(ctx.sent_norm) - 1)][1])]):
            attrs["claimed"] = True
    if typ == "territorial_change" and subtype == "control_share":
        pct = _PCT.search(text)
        if pct:
            attrs["share_pct"] = _clean_number(float(pct.group(1).replace(",", ".")))
    return attrs


def _executed_count(text: str, ctx: EventContext, sentence: int, trigger_start: int) -> dict[str, Any]:
    """"يعدم 12 مدانا", "إعدام 20 قبطيا": the count right after the execution trigger is of the executed."""
    from rasid.stages.event_context import norm_index

    pos = norm_index(ctx.doc, trigger_start) - ctx.sent_norm[sentence][0]
    for s, e, value, rng in _numbers(text, ctx):
        if s < pos or s - pos > 40:
            continue
        unit = " ".join(text[e:e + 15].split()[:1])
        if _TIME_UNIT.match(unit) or _month_names(ctx).match(text[e:e + 25].strip()):
            continue  # "خلال 3 أيام": a deadline; "خطفه في 25 تموز": a day; not a count
        if rng is not None:
            return {"fatalities_range": list(rng)}
        if value is not None and 0 < value < 100000:
            return {"fatalities": _clean_number(value)}
    return {}


_TIME_UNIT = re.compile(r"(?:ساع|يوم|ايام|اسبوع|اسابيع|شهر|اشهر|سن|عام|اعوام|دقيق)")


_VERBS = {
    "media_release": "released", "threat": "threatened", "attack": "carried out", "execution": "executed",
    "military_operation": "conducted", "territorial_change": "territorial change:", "arrest": "arrested",
    "leadership_change": "leadership change:",
}


def describe(e: Event, names: dict[str, str]) -> str:
    """A one-line English summary from the event's fields.

    >>> describe(Event("media_release", "audio", True, actors=("x",), speakers=("y",),
    ...                attributes={"platform": "Telegram"}), {"x": "Islamic State", "y": "Abu al-Hasan al-Muhajir"})
    'Islamic State released an audio by Abu al-Hasan al-Muhajir on Telegram'
    """
    def who(ids: tuple[str, ...]) -> str:
        return " and ".join(names.get(i, i) for i in ids[:3])

    actor = who(e.actors) or "Unknown actor"
    a = e.attributes
    sub = (e.subtype or e.type).replace("_", " ")
    if e.type == "media_release":
        fmt = a.get("format", sub).replace("_", " ")
        art = "an" if fmt[:1] in "aeiou" else "a"
        s = f"{actor} released {art} {fmt}"
        if a.get("title"):
            s += f" \u201c{a['title']}\u201d"
        if a.get("issue"):
            s += f" (issue {a['issue']})"
        if e.speakers:
            s += f" by {who(e.speakers)}"
        if a.get("platform"):
            s += f" on {a['platform']}"
        if a.get("outlet"):
            s += f" via {a['outlet']}"
    elif e.type == "threat":
        verb = "called for violence against" if e.subtype == "call_to_violence" else "threatened"
        s = f"{actor} {verb} {who(e.targets) or 'its enemies'}"
        if a.get("tactics"):
            s += " (" + ", ".join(str(t).replace("_", " ") for t in a["tactics"]) + ")"
    elif e.type in ("attack", "execution"):
        s = f"{actor}: {sub} {e.type}" + (f" against {who(e.targets)}" if e.targets else "")
        if a.get("fatalities") is not None:
            s += f", {a['fatalities']} killed"
        if a.get("injured") is not None:
            s += f", {a['injured']} injured"
        if a.get("claimed"):
            s += ", claimed"
    elif e.type == "arrest":
        if e.subtype == "seizure":
            s = f"{actor} seized weapons or materiel" + (f" of {who(e.targets)}" if e.targets else "")
        else:
            s = f"{actor} arrested {who(e.targets) or 'suspects'}"
    elif e.type == "leadership_change" and e.subtype in ("appointed", "killed"):
        leaders = who(e.targets) or "a leader"
        s = f"{actor} appointed {leaders}" if e.subtype == "appointed" else (
            f"{leaders}: leader killed" + (f" by {who(e.actors)}" if e.actors else ""))
    else:
        s = f"{actor}: {sub.replace('_', ' ')} ({e.type.replace('_', ' ')})"
        if e.targets:
            s += f" against {who(e.targets)}"
    if e.places:
        s += f" in {who(e.places)}"
    if e.date is not None and e.date.start:
        s += f" on {e.date.start}"
    return s
