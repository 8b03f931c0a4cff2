"""Find and resolve the date expressions of Arabic news text.

Arabic news names months in two systems at once ("18 آذار/ مارس 2019"), writes digits in two
scripts, mixes in Hijri dates, and leans on the publication date ("أمس الأحد", "الشهر الماضي").
Every word list lives in ``data/rules/dates.json`` and is matched on the ``fold()``ed text, so
hamza, ta marbuta and diacritic variants need no separate entries. Spans index the text passed in.

What ``start`` holds (``end`` is the last day covered; both equal for a single day):

=============================  ============  ===============================================
expression                     precision     start / end
=============================  ============  ===============================================
"18 آذار 2019", "12/3/2019"    day           "2019-03-18"
"أيلول/سبتمبر 2018"            month         "2018-09-01" / "2018-09-30"
"في العام 2014"                year          "2014-01-01" / "2014-12-31"
"7 آب", no ``published``       day           "--08-07"
"منذ أيلول", no ``published``  month         "--09"
"الإثنين", no ``published``    weekday       "monday" ("last monday" after الماضي,
                                                 "next monday" after المقبل)
"أمس", no ``published``        day           "-P1D" (xs:duration, relative to publication)
"الشهر الماضي", no published   month         "-P1M"; "العام الماضي" year "-P1Y"
"الأسبوع الماضي"               day           published-7 / published-1 ("-P1W" unanchored)
=============================  ============  ===============================================

Unanchored values (weekday names, ``--MM-DD``, ``--MM``, durations) are re-anchored later with
``resolve_relative`` once the publication date is learnt; ``is_resolved`` tells them apart.

dateparser was checked for sub-jobs and is not used: with ``languages=['ar']`` it misses Levantine
months, Arabic-Indic digits, "يوم الإثنين", "العام الماضي" and "منذ ثلاثة أيام", and of what it does
parse only numeric dates and "أمس" are left, which the rules below already cover without its cost.

Choices: news reports the past, so every year-less or relative date resolves to the latest one on or
before publication (الماضي: strictly before; المقبل/القادم: strictly after). In "أمس الأحد" the
weekday wins over أمس (publication dates often lag by a day). A bare year needs a cue (عام, منذ,
خلال …) and a bare month name a cue too (في, منذ, شهر …); names that are also words (أب, مارس)
need a strong cue, a day or a year; Hijri month names (رجب, شعبان, صفر) need a day or a year.

Known gaps: ranges ("بين 5 و7 آب", "عامي 2014 و2015") give their last or first part only; "آب
الماضي" found without ``published`` is "--08" and loses الماضي; famous dates ("الحادي عشر من
سبتمبر") get the latest year; "في 2014" without عام is not taken as a year.
"""
from __future__ import annotations

import calendar
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from rasid.model import DateValue
from rasid.stages.normalize import fold, fold_with_map

__all__ = ["DateRules", "compile_date_rules", "find_dates", "is_resolved", "resolve_relative"]

_DURATION = re.compile(r"^(-?)P(\d+)([DWMY])$")
_PARTIAL_DAY = re.compile(r"^--(\d\d)-(\d\d)$")
_PARTIAL_MONTH = re.compile(r"^--(\d\d)$")
_ISO_DAY = re.compile(r"^(\d{4})-(\d\d)-(\d\d)")
_WD_VALUE = re.compile(r"^(last |next )?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)$")
_EN_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@dataclass(frozen=True)
class DateRules:
    """``dates.json`` folded and compiled once; build it with ``compile_date_rules``."""

    months: dict[str, int]
    hijri_months: dict[str, int]
    weekdays: dict[str, int]
    relative_days: dict[str, int]
    relative_periods: dict[str, tuple[str, int]]
    ago_units: dict[str, tuple[str, int | None]]
    counts: dict[str, int]
    day_ordinals: dict[str, int]
    ambiguous_months: frozenset[str]
    weak_month_cues: frozenset[str]
    weekday_past: frozenset[str]
    weekday_future: frozenset[str]
    weekday_blockers_before: frozenset[str]
    weekday_blockers_after: frozenset[str]
    relative_day_blockers_before: frozenset[str]
    relative_day_blockers_after: frozenset[str]
    ago_blockers_after: frozenset[str]
    hijri_markers: frozenset[str]
    year_range: tuple[int, int]
    hijri_year_range: tuple[int, int]
    numeric_order: str
    absolute: re.Pattern[str]
    hijri: re.Pattern[str]
    hijri_year: re.Pattern[str]
    month_year: re.Pattern[str]
    bare_month: re.Pattern[str]
    numeric: re.Pattern[str]
    year_only: re.Pattern[str]
    weekday: re.Pattern[str]
    relative_day: re.Pattern[str]
    period: re.Pattern[str]
    ago: re.Pattern[str]
    linker: re.Pattern[str]


def _fold_keys(table: Mapping[str, Any]) -> dict[str, Any]:
    return {" ".join(fold(k).split()): v for k, v in table.items() if not k.startswith("_")}


def _alt(words: Any) -> str:
    """Regex alternation of folded words, longest first, any run of spaces between tokens."""
    keys = sorted({" ".join(fold(w).split()) for w in words}, key=len, reverse=True)
    keys = [k for k in keys if k]
    if not keys:
        return r"(?!x)x"
    return "|".join(r"\s+".join(re.escape(t) for t in k.split(" ")) for k in keys)


def _pair(v: Any) -> tuple[int, int]:
    return int(v[0]), int(v[1])


def compile_date_rules(rules: Mapping[str, Any]) -> DateRules:
    """Fold and compile the ``dates.json`` tables (cache the result per Resources if you like)."""
    months = _fold_keys(rules.get("months", {}))
    hijri_months = _fold_keys(rules.get("hijri_months", {}))
    weekdays = _fold_keys(rules.get("weekdays", {}))
    rel_days = _fold_keys(rules.get("relative_days", {}))
    periods = {k: (v[0], int(v[1])) for k, v in _fold_keys(rules.get("relative_periods", {})).items()}
    units = {k: (v[0], v[1]) for k, v in _fold_keys(rules.get("ago_units", {})).items()}
    counts = _fold_keys(rules.get("counts", {}))
    ordinals = _fold_keys(rules.get("day_ordinals", {}))

    def fs(key: str) -> frozenset[str]:
        return frozenset(" ".join(fold(w).split()) for w in rules.get(key, []))

    month = _alt(months)
    hmonth = _alt(hijri_months)
    gmark = _alt(rules.get("gregorian_markers", []))
    hmark = _alt(rules.get("hijri_markers", []))
    ords = _alt(ordinals)
    L = r"(?<!\w)"  # left word boundary
    R = r"(?!\w)"
    months_pair = (rf"(?P<m1>{month}){R}(?:\s*[/\\|(\-–]\s*(?P<m2>{month}){R}\s*\)?)?")
    day = (rf"(?:(?P<dw>{ords})\s+(?:من\s+)?(?:شهر\s+)?"
           rf"|(?:ال\s?)?(?P<dd>\d{{1,2}})(?!\d)\s*(?:من\s+)?(?:شهر\s+)?)")
    year = (rf"(?:\s*[،,]?\s*(?:من\s+)?(?:(?:ال)?عام\s+|(?:ال)?سنه\s+)?(?P<y>\d{{4}})(?!\d)"
            rf"(?:\s*(?P<mk>{gmark}|{hmark}){R})?)")
    hyear = rf"(?:\s*[،,]?\s*(?:من\s+)?(?:(?:ال)?عام\s+|(?:ال)?سنه\s+)?(?P<y>\d{{4}})(?!\d)(?:\s*(?P<mk>{hmark}){R})?)"
    wd = _alt(weekdays)
    rel = _alt(rel_days)
    lead = r"(?:[وف](?=\S))?"  # one conjunction clitic, left out of the span
    cues = _alt([*rules.get("month_cues", []), *rules.get("weak_month_cues", [])])
    ycues = _alt(rules.get("year_cues", []))
    after_unit = _alt([*months, *hijri_months, *weekdays, "امس"])
    return DateRules(
        months=months, hijri_months=hijri_months, weekdays=weekdays, relative_days=rel_days,
        relative_periods=periods, ago_units=units, counts=counts, day_ordinals=ordinals,
        ambiguous_months=frozenset(rules.get("ambiguous_months", [])), weak_month_cues=fs("weak_month_cues"), weekday_past=fs("weekday_past"),
        weekday_future=fs("weekday_future"), weekday_blockers_before=fs("weekday_blockers_before"),
        weekday_blockers_after=fs("weekday_blockers_after"),
        relative_day_blockers_before=fs("relative_day_blockers_before"),
        relative_day_blockers_after=fs("relative_day_blockers_after"),
        ago_blockers_after=fs("ago_blockers_after"), hijri_markers=fs("hijri_markers"),
        year_range=_pair(rules.get("year_range", (1900, 2100))),
        hijri_year_range=_pair(rules.get("hijri_year_range", (1343, 1500))),
        numeric_order=str(rules.get("numeric_order", "dmy")),
        absolute=re.compile(rf"(?<![\w.,/]){lead}(?P<core>{day}{months_pair}{year}?)"),
        hijri=re.compile(rf"(?<![\w.,/]){lead}(?P<core>{day}?(?P<hm>{hmonth}){R}{hyear}?)"),
        hijri_year=re.compile(rf"(?<![\w.,/])(?P<core>(?P<y>\d{{4}})\s*(?P<mk>{hmark})){R}"),
        month_year=re.compile(rf"{L}{lead}(?P<core>{months_pair}{year})"),
        bare_month=re.compile(rf"{L}(?P<cue>{cues})\s+(?:شهر\s+)?(?P<core>{months_pair})(?![\s،,]*\d)"
                              rf"(?:\s+(?P<mod>{_alt(rules.get('weekday_past', []))}){R})?"),
        numeric=re.compile(r"(?<![\w./\-])(?:[وف](?=\d))?(?P<core>(?:(?P<a>\d{1,2})(?P<s>[/.\-])(?P<b>\d{1,2})(?P=s)(?P<c>\d{4})"
                           r"|(?P<yy>\d{4})(?P<s2>[/.\-])(?P<mm>\d{1,2})(?P=s2)(?P<d2>\d{1,2})))(?![\w/\-]|\.\d)"),
        year_only=re.compile(rf"{L}(?:{ycues})\s+(?P<core>(?P<y>\d{{4}})(?!\d)(?:\s*(?P<mk>{gmark}|{hmark}){R})?)(?![.,/]\d)"),
        weekday=re.compile(rf"{L}{lead}(?P<core>(?:(?P<rel>{rel})\s+)?(?:(?:{_alt(rules.get('weekday_prefixes', []))})\s+)?"
                           rf"(?P<wd>{wd}){R}(?:\s+(?P<mod>{_alt([*rules.get('weekday_past', []), *rules.get('weekday_future', [])])}){R})?)"),
        relative_day=re.compile(rf"{L}{lead}(?P<core>(?P<rel>{rel})){R}"),
        period=re.compile(rf"{L}{lead}(?P<core>(?P<per>{_alt(periods)})){R}"),
        ago=re.compile(rf"{L}{lead}(?P<core>(?:{_alt(rules.get('ago_words', []))})\s+"
                       rf"(?:(?P<n>\d{{1,3}}|{_alt(counts)})\s+)?(?P<unit>{_alt(units)}){R})"
                       rf"(?!\s*(?:\d|(?:{after_unit}){R}))"),
        linker=re.compile(rf"^[\s،,\-–]*(?:(?:{_alt(rules.get('linkers', []))})\s*)?$"),
    )


@dataclass(frozen=True)
class _Hit:
    start: int  # folded offsets
    end: int
    value: tuple[str, str, str]  # start, end, precision
    kind: str


@dataclass(frozen=True)
class _Ctx:
    text: str
    norm: str
    to_orig: tuple[int, ...]
    dr: DateRules
    pub: date | None

    def surface(self, start: int, end: int) -> str:
        """Original text of a folded span, without diacritics or tatweel (hamza and madda kept)."""
        if end <= start:
            return ""
        raw = self.text[self.to_orig[start]:self.to_orig[end - 1] + 1]
        return "".join(ch for ch in raw if fold(ch) or ch.isspace())


def find_dates(text: str, published: str | None, rules: Mapping[str, Any] | DateRules,
               folded: tuple[str, tuple[int, ...]] | None = None) -> list[DateValue]:
    """Every date expression of ``text``, resolved against ``published`` where it is relative.
    ``folded`` is ``fold_with_map(text)`` when the caller has it already (a normalised document).

    >>> from rasid.stages.dates import _bundled_rules
    >>> [d.start for d in find_dates("قتل يوم الإثنين 3 أشخاص", "2019-03-19", _bundled_rules())]
    ['2019-03-18']
    """
    dr = rules if isinstance(rules, DateRules) else compile_date_rules(rules)
    pub = _parse_iso(published)
    norm, to_orig = folded if folded is not None else fold_with_map(text)
    ctx = _Ctx(text, norm, to_orig, dr, pub)
    hits: list[_Hit] = []
    for attr, finder in _FINDERS:
        pattern: re.Pattern[str] = getattr(dr, attr)
        for m in pattern.finditer(norm):
            try:
                hit = finder(m, ctx)
            except (ValueError, OverflowError, KeyError, TypeError):
                hit = None
            if hit is not None and hit.end > hit.start:
                hits.append(hit)
    chosen: list[_Hit] = []
    for h in sorted(hits, key=lambda h: (-(h.end - h.start), h.start)):
        if all(h.end <= c.start or h.start >= c.end for c in chosen):
            chosen.append(h)
    chosen.sort(key=lambda h: h.start)
    chosen = _merge_weekday_with_date(chosen, norm, dr)
    out = []
    for h in chosen:
        s, e = to_orig[h.start], to_orig[h.end - 1] + 1
        while e < len(text) and not fold(text[e]):  # keep trailing tatweel and diacritics ("هـ", "أمسِ")
            e += 1
        out.append(DateValue(start=h.value[0], end=h.value[1], precision=h.value[2], text=text[s:e], span=(s, e)))
    return out


def _merge_weekday_with_date(hits: list[_Hit], norm: str, dr: DateRules) -> list[_Hit]:
    """"الإثنين 18 آذار 2019" is one date: the weekday only confirms the absolute day after it."""
    out: list[_Hit] = []
    for h in hits:
        if out and out[-1].kind == "weekday" and h.kind == "absolute" and h.value[2] == "day" \
                and dr.linker.match(norm[out[-1].end:h.start]):
            out[-1] = _Hit(out[-1].start, h.end, h.value, "absolute")
            continue
        out.append(h)
    return out


# --- finders: one regex each, returning a _Hit or None -------------------------------------------

def _core(m: re.Match[str]) -> tuple[int, int]:
    return m.start("core"), m.end("core")


def _month_of(m: re.Match[str], c: _Ctx, need_unambiguous: bool) -> int | None:
    dr = c.dr
    m1 = " ".join(m.group("m1").split())
    first = dr.months[m1]
    if m.group("m2"):
        second = dr.months[" ".join(m.group("m2").split())]
        return first if first == second else None  # "آذار/ مايو" is a typo or two dates: skip
    if need_unambiguous and " ".join(c.surface(m.start("m1"), m.end("m1")).split()) in dr.ambiguous_months:
        return None
    return first


def _year_of(m: re.Match[str], dr: DateRules) -> int | None:
    y = m.group("y")
    if not y:
        return None
    lo, hi = dr.year_range
    mk = " ".join((m.group("mk") or "").split())
    if mk in dr.hijri_markers or not lo <= int(y) <= hi:
        return None
    return int(y)


def _day_of(m: re.Match[str], dr: DateRules) -> int | None:
    if m.group("dw"):
        return int(dr.day_ordinals[" ".join(m.group("dw").split())])
    if m.group("dd"):
        return int(m.group("dd"))
    return None


def _absolute(m: re.Match[str], c: _Ctx) -> _Hit | None:
    norm, dr, pub = c.norm, c.dr, c.pub
    month = _month_of(m, c, need_unambiguous=False)
    day = _day_of(m, dr)
    if month is None or day is None or not 1 <= day <= 31:
        return None
    s, e = _core(m)
    year = _year_of(m, dr)
    if m.group("y") and year is None:  # a number that is not this date's year: stop at the month
        e = m.end("m2") if m.group("m2") else m.end("m1")
        if norm[e - 1:e] == ")":
            e -= 1
    if year is not None:
        d = date(year, month, day)
        return _Hit(s, e, (d.isoformat(), d.isoformat(), "day"), "absolute")
    d2 = _day_month_before(month, day, pub)
    if d2 is None:
        return None
    return _Hit(s, e, (d2, d2, "day"), "absolute")


def _hijri(m: re.Match[str], c: _Ctx) -> _Hit | None:
    dr, pub = c.dr, c.pub
    from hijridate import Gregorian, Hijri

    hm = int(dr.hijri_months[" ".join(m.group("hm").split())])
    day = _day_of(m, dr)
    s, e = _core(m)
    lo, hi = dr.hijri_year_range
    if m.group("y"):
        hy = int(m.group("y"))
        if not lo <= hy <= hi:
            return None
    elif day is not None and pub is not None:  # "1 رمضان": the most recent one on or before publication
        hy = Gregorian(pub.year, pub.month, pub.day).to_hijri().year
        if Hijri(hy, hm, min(day, 29)).to_gregorian() > pub:
            hy -= 1
    else:
        return None  # a bare month name (رمضان, رجب, صفر) is too often a name or a word
    if day is not None:
        if not 1 <= day <= Hijri(hy, hm, 1).month_length():
            return None
        g = Hijri(hy, hm, day).to_gregorian().isoformat()
        return _Hit(s, e, (g, g, "day"), "hijri")
    first = Hijri(hy, hm, 1)
    last = Hijri(hy, hm, first.month_length())
    return _Hit(s, e, (first.to_gregorian().isoformat(), last.to_gregorian().isoformat(), "month"), "hijri")


def _hijri_year(m: re.Match[str], c: _Ctx) -> _Hit | None:
    dr = c.dr
    from hijridate import Hijri

    hy = int(m.group("y"))
    lo, hi = dr.hijri_year_range
    if not lo <= hy <= hi:
        return None
    first = Hijri(hy, 1, 1).to_gregorian()
    last = Hijri(hy, 12, Hijri(hy, 12, 1).month_length()).to_gregorian()
    s, e = _core(m)
    return _Hit(s, e, (first.isoformat(), last.isoformat(), "year"), "hijri")


def _month_year(m: re.Match[str], c: _Ctx) -> _Hit | None:
    dr = c.dr
    month = _month_of(m, c, need_unambiguous=False)
    year = _year_of(m, dr)
    if month is None or year is None:
        return None
    s, e = _core(m)
    return _Hit(s, e, _month_range(year, month), "month")


def _bare_month(m: re.Match[str], c: _Ctx) -> _Hit | None:
    dr, pub = c.dr, c.pub
    weak = " ".join(m.group("cue").split()) in dr.weak_month_cues and m.group(0).split()[1:2] != ["شهر"]
    month = _month_of(m, c, need_unambiguous=weak)
    if month is None:
        return None
    s, e = _core(m)
    if pub is None:
        return _Hit(s, e, (f"--{month:02d}", f"--{month:02d}", "month"), "month")
    is_past = bool(m.group("mod"))  # "آب الماضي" written in August: last year's
    year = pub.year if month < pub.month or (month == pub.month and not is_past) else pub.year - 1
    return _Hit(s, e, _month_range(year, month), "month")


def _numeric(m: re.Match[str], c: _Ctx) -> _Hit | None:
    dr = c.dr
    if m.group("yy"):
        y, mo, d = int(m.group("yy")), int(m.group("mm")), int(m.group("d2"))
    else:
        a, b, y = int(m.group("a")), int(m.group("b")), int(m.group("c"))
        d, mo = (b, a) if dr.numeric_order == "mdy" else (a, b)
    lo, hi = dr.year_range
    if not lo <= y <= hi:
        return None
    iso = date(y, mo, d).isoformat()
    s, e = _core(m)
    return _Hit(s, e, (iso, iso, "day"), "absolute")


def _year_only(m: re.Match[str], c: _Ctx) -> _Hit | None:
    dr = c.dr
    mk = " ".join((m.group("mk") or "").split())
    if mk in dr.hijri_markers:
        return None  # left to _hijri_year
    year = int(m.group("y"))
    lo, hi = dr.year_range
    if not lo <= year <= hi:
        return None
    s, e = _core(m)
    return _Hit(s, e, (f"{year}-01-01", f"{year}-12-31", "year"), "year")


def _weekday(m: re.Match[str], c: _Ctx) -> _Hit | None:
    norm, dr, pub = c.norm, c.dr, c.pub
    s, e = _core(m)
    is_bare = not m.group("rel") and e - s == len(m.group("wd"))  # a bare name: check the words around it
    if is_bare and (_word_before(norm, s) in dr.weekday_blockers_before
                    or _word_after(norm, e) in dr.weekday_blockers_after):
        return None
    wd = int(dr.weekdays[" ".join(m.group("wd").split())])
    mod = " ".join((m.group("mod") or "").split())
    offset = dr.relative_days.get(" ".join(m.group("rel").split())) if m.group("rel") else None
    if mod in dr.weekday_future or (offset is not None and offset > 0):
        mode = "next"
    elif mod in dr.weekday_past:
        mode = "last"
    else:
        mode = ""  # on or before publication, also for "أمس الأحد": the weekday wins over أمس
    if pub is None:
        name = (f"{mode} " if mode else "") + _EN_DAYS[wd]
        return _Hit(s, e, (name, name, "weekday"), "weekday")
    iso = _weekday_from(pub, wd, mode).isoformat()
    return _Hit(s, e, (iso, iso, "day"), "weekday")


def _relative_day(m: re.Match[str], c: _Ctx) -> _Hit | None:
    norm, dr, pub = c.norm, c.dr, c.pub
    s, e = _core(m)
    if _word_before(norm, s) in dr.relative_day_blockers_before or _word_after(norm, e) in dr.relative_day_blockers_after:
        return None
    offset = int(dr.relative_days[" ".join(m.group("rel").split())])
    if pub is None:
        dur = ("-" if offset < 0 else "") + f"P{abs(offset)}D"
        return _Hit(s, e, (dur, dur, "day"), "relative")
    iso = (pub + timedelta(days=offset)).isoformat()
    return _Hit(s, e, (iso, iso, "day"), "relative")


def _period(m: re.Match[str], c: _Ctx) -> _Hit | None:
    dr, pub = c.dr, c.pub
    unit, k = dr.relative_periods[" ".join(m.group("per").split())]
    s, e = _core(m)
    return _Hit(s, e, _shift(pub, unit, k, period=True), "relative")


def _ago(m: re.Match[str], c: _Ctx) -> _Hit | None:
    norm, dr, pub = c.norm, c.dr, c.pub
    s, e = _core(m)
    if _word_after(norm, e) in dr.ago_blockers_after:
        return None
    unit, implied = dr.ago_units[" ".join(m.group("unit").split())]
    n_text = m.group("n")
    if n_text:
        if implied is not None:  # "منذ ثلاثة يوم" is not Arabic; "منذ 3 يومين" neither
            return None
        n = int(n_text) if n_text.isdigit() else int(dr.counts[" ".join(n_text.split())])
    elif implied is None:
        return None  # "منذ سنوات": no number, no date
    else:
        n = int(implied)
    return _Hit(s, e, _shift(pub, unit, -n, period=False), "relative")


_FINDERS = (("absolute", _absolute), ("hijri", _hijri), ("hijri_year", _hijri_year), ("month_year", _month_year),
            ("bare_month", _bare_month), ("numeric", _numeric), ("year_only", _year_only), ("weekday", _weekday),
            ("relative_day", _relative_day), ("period", _period), ("ago", _ago))


# --- calendar helpers -----------------------------------------------------------------------------

def _parse_iso(value: str | None) -> date | None:
    if not value:
        return None
    m = _ISO_DAY.match(value.strip())
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _month_range(year: int, month: int) -> tuple[str, str, str]:
    last = calendar.monthrange(year, month)[1]
    return f"{year:04d}-{month:02d}-01", f"{year:04d}-{month:02d}-{last:02d}", "month"


def _day_month_before(month: int, day: int, pub: date | None) -> str | None:
    """Year-less day: the most recent one on or before ``pub``, else ``--MM-DD``; None if impossible."""
    if not 1 <= month <= 12 or not 1 <= day <= (29 if month == 2 else calendar.monthrange(2001, month)[1]):
        return None
    if pub is None:
        return f"--{month:02d}-{day:02d}"
    for year in range(pub.year, pub.year - 9, -1):
        try:
            d = date(year, month, day)
        except ValueError:
            continue  # 29 February in a common year
        if d <= pub:
            return d.isoformat()
    return None


def _weekday_from(anchor: date, wd: int, mode: str) -> date:
    if mode == "next":
        return anchor + timedelta(days=(wd - anchor.weekday()) % 7 or 7)
    back = (anchor.weekday() - wd) % 7
    if mode == "last" and back == 0:
        back = 7
    return anchor - timedelta(days=back)


def _add_months(d: date, k: int) -> tuple[int, int]:
    idx = d.year * 12 + d.month - 1 + k
    return idx // 12, idx % 12 + 1


def _shift(pub: date | None, unit: str, k: int, period: bool) -> tuple[str, str, str]:
    """The date ``k`` units from ``pub`` ("الشهر الماضي": month, -1), or an xs:duration unanchored."""
    precision = {"day": "day", "week": "day", "month": "month", "year": "year"}[unit]
    if pub is None:
        if unit == "week" and period:  # a span of days: start and end both relative
            return ("-P7D", "-P1D", "day") if k < 0 else ("-P6D", "P0D", "day")
        dur = ("-" if k < 0 else "") + f"P{abs(k)}{unit[0].upper()}"
        return dur, dur, precision
    if unit == "day":
        iso = (pub + timedelta(days=k)).isoformat()
        return iso, iso, "day"
    if unit == "week":
        if period:  # الأسبوع الماضي: the seven days before publication; هذا الأسبوع: the last seven
            if k < 0:
                start, end = pub + timedelta(days=7 * k), pub + timedelta(days=7 * k + 6)
            else:
                start, end = pub - timedelta(days=6), pub
            return start.isoformat(), end.isoformat(), "day"
        iso = (pub + timedelta(days=7 * k)).isoformat()
        return iso, iso, "day"
    if unit == "month":
        y, mo = _add_months(pub, k)
        return _month_range(y, mo)
    y = pub.year + k
    return f"{y:04d}-01-01", f"{y:04d}-12-31", "year"


def _word_before(norm: str, pos: int) -> str:
    m = re.search(r"(\w+)\W*$", norm[max(0, pos - 40):pos])
    return m.group(1) if m else ""


def _word_after(norm: str, pos: int) -> str:
    m = re.match(r"\s*(\w+)", norm[pos:pos + 40])
    return m.group(1) if m else ""


# --- re-anchoring ---------------------------------------------------------------------------------

def is_resolved(value: DateValue) -> bool:
    """True when ``start`` is a full ISO date (nothing left to anchor)."""
    return bool(_ISO_DAY.match(value.start))


def resolve_relative(value: DateValue, anchor: str) -> DateValue:
    """Re-anchor a weekday, year-less or relative date on ``anchor`` (an ISO date learnt later).

    >>> resolve_relative(DateValue("monday", "monday", "weekday", "الإثنين"), "2019-03-19").start
    '2019-03-18'
    >>> resolve_relative(DateValue("--08-07", "--08-07", "day", "7 آب"), "2015-08-01").start
    '2014-08-07'
    """
    pub = _parse_iso(anchor)
    if pub is None or is_resolved(value):
        return value
    start = value.start
    try:
        if m := _WD_VALUE.match(start):
            mode = (m.group(1) or "").strip()
            iso = _weekday_from(pub, _EN_DAYS.index(m.group(2)), mode).isoformat()
            return replace(value, start=iso, end=iso, precision="day")
        if m := _PARTIAL_DAY.match(start):
            iso2 = _day_month_before(int(m.group(1)), int(m.group(2)), pub)
            return replace(value, start=iso2, end=iso2) if iso2 else value
        if m := _PARTIAL_MONTH.match(start):
            month = int(m.group(1))
            year = pub.year if month <= pub.month else pub.year - 1
            s, e, p = _month_range(year, month)
            return replace(value, start=s, end=e, precision=p)
        if m := _DURATION.match(start):
            k = int(m.group(2)) * (-1 if m.group(1) else 1)
            unit = {"D": "day", "W": "week", "M": "month", "Y": "year"}[m.group(3)]
            s, e, p = _shift(pub, unit, k, period=False)
            if unit in ("day", "week") and (m2 := _DURATION.match(value.end)):  # a span of days
                k2 = int(m2.group(2)) * (-1 if m2.group(1) else 1) * (7 if m2.group(3) == "W" else 1)
                e = (pub + timedelta(days=k2)).isoformat()
            return replace(value, start=s, end=e, precision=p)
    except (ValueError, OverflowError):
        return value
    return value


def _bundled_rules() -> dict[str, Any]:
    """The packaged ``dates.json`` (for doctests and quick use; the pipeline passes Resources.rules)."""
    import json
    from importlib import resources

    return dict(json.loads((resources.files("rasid") / "data" / "rules" / "dates.json").read_text(encoding="utf-8")))
