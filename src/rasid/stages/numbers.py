"""Read counts in Arabic news: digits in two scripts, number words, vague and approximate counts.

Casualty and attack counts come as "50 قتيلا", "١٬٢٠٠", "خمسة وعشرين", "عشرين ألفا", "عشرات
القتلى" or "نحو 30". Word tables live in ``data/rules/numbers.json`` and are matched on ``fold()``ed
words. A vague count ("عشرات") has no ``value``, only ``low``/``high``; an approximate one ("نحو
30", "أكثر من 30") keeps its value and sets ``is_approx`` (``high`` is None after "أكثر من").
"""
from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from rasid.model import Span
from rasid.stages.normalize import fold, fold_with_map

__all__ = [
    "NumberRules",
    "Quantity",
    "compile_number_rules",
    "dual_count",
    "find_quantities",
    "parse_arabic_number",
    "parse_ordinal",
]

Number = int | float


@dataclass(frozen=True)
class Quantity:
    """One count found in text; ``span`` indexes the text given to ``find_quantities``."""

    span: Span
    value: Number | None
    low: Number | None
    high: Number | None
    is_vague: bool
    unit_text: str
    is_approx: bool = False
    text: str = ""


@dataclass(frozen=True)
class NumberRules:
    """``numbers.json`` folded once; build it with ``compile_number_rules``."""

    units: dict[str, int]
    teen_units: dict[str, int]
    ten: dict[str, int]
    tens: dict[str, int]
    hundreds: dict[str, int]
    scales: dict[str, int]
    dual_scales: frozenset[str]
    plural_scales: frozenset[str]
    vague: dict[tuple[str, ...], tuple[int, int]]
    approx: dict[tuple[str, ...], str]
    ordinals: dict[str, int]
    ordinal_tens: dict[str, int]
    dual_nouns: frozenset[str]

    def is_word(self, w: str) -> bool:
        return any(w in t for t in (self.units, self.teen_units, self.ten, self.tens, self.hundreds, self.scales))


def _f(word: str) -> str:
    return " ".join(fold(word).split())


def compile_number_rules(rules: Mapping[str, Any]) -> NumberRules:
    """Fold the ``numbers.json`` tables (cache the result per Resources if you like)."""
    def table(key: str) -> dict[str, int]:
        return {_f(k): int(v) for k, v in rules.get(key, {}).items() if not k.startswith("_")}

    return NumberRules(
        units=table("units"), teen_units=table("teen_units"), ten=table("ten"), tens=table("tens"),
        hundreds=table("hundreds"), scales=table("scales"),
        dual_scales=frozenset(_f(w) for w in rules.get("dual_scales", [])),
        plural_scales=frozenset(_f(w) for w in rules.get("plural_scales", [])),
        vague={tuple(_f(k).split()): (int(v[0]), int(v[1])) for k, v in rules.get("vague", {}).items()},
        approx={tuple(_f(k).split()): str(v) for k, v in rules.get("approx", {}).items()},
        ordinals=table("ordinals"), ordinal_tens=table("ordinal_tens"),
        dual_nouns=frozenset(_f(w) for w in rules.get("dual_nouns", [])),
    )


def _rules(rules: Mapping[str, Any] | NumberRules | None) -> NumberRules:
    if isinstance(rules, NumberRules):
        return rules
    return compile_number_rules(rules if rules is not None else _bundled_rules())


_TOKEN = re.compile(r"\d+(?:[,٬]\d{3})+(?:[.٫]\d+)?|\d+(?:[.٫,]\d+)?|[^\W\d_]+|[%٪]")


def _digits(tok: str) -> Number | None:
    if not tok[:1].isdigit():
        return None
    t = tok.replace("٬", ",").replace("٫", ".")
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", t):
        t = t.replace(",", "")
    t = t.replace(",", ".")
    try:
        v = float(t) if "." in t else int(t)
    except ValueError:
        return None
    return _tidy(v)


def _tidy(v: Number) -> Number:
    return int(v) if isinstance(v, float) and v.is_integer() else v


def _parse_tokens(toks: Sequence[str], nr: NumberRules) -> tuple[Number | None, int]:
    """Read the longest number at the start of ``toks`` (folded words); (value, tokens used)."""
    total: Number = 0
    current: Number = 0
    used = 0
    last = ""  # kind of the last number word: digit unit teen ten tens hundred scale
    i = 0
    while i < len(toks):
        w = toks[i]
        conj = False
        if i > 0 and w == "و" and i + 1 < len(toks) and nr.is_word(toks[i + 1]):
            i += 1
            w, conj = toks[i], True
        elif i > 0 and w.startswith("و") and nr.is_word(w[1:]) and not nr.is_word(w):
            w, conj = w[1:], True
        elif i == 0 and len(w) >= 4 and w[0] in "وب" and nr.is_word(w[1:]) and not nr.is_word(w):
            w = w[1:]
        d = _digits(w) if i == 0 else None
        group = current % 1000 if isinstance(current, int) else 0
        if d is not None:
            current, last = d, "digit"
        elif w in nr.teen_units and i + 1 < len(toks) and toks[i + 1] in nr.ten and not last:
            current, last = nr.teen_units[w], "teen"
        elif w in nr.units and (not last or (conj and last in ("hundred", "scale"))):
            current, last = current + nr.units[w], "unit"
        elif w in nr.ten and ((last in ("unit", "teen") and not conj and 1 <= group % 100 <= 9)
                              or not last or (conj and last in ("hundred", "scale"))):
            current, last = current + 10, "ten"  # ثلاثة عشر, عشرة, مئة وعشرة
        elif w in nr.tens and ((conj and last == "unit") or not last or (conj and last in ("hundred", "scale"))):
            current, last = current + nr.tens[w], "tens"
        elif w in nr.hundreds and nr.hundreds[w] == 100 and last in ("unit", "digit") and not conj and 1 <= group <= 9:
            current, last = current - group + group * 100, "hundred"
        elif w in nr.hundreds and (not last or (conj and last == "scale")):
            current, last = current + nr.hundreds[w], "hundred"
        elif w in nr.scales and w in nr.dual_scales and not last:
            total, last = total + nr.scales[w], "scale"
        elif w in nr.scales and w not in nr.dual_scales and last and last != "scale" and not conj:
            total, current, last = total + current * nr.scales[w], 0, "scale"
        elif w in nr.scales and not last and w not in nr.dual_scales and w not in nr.plural_scales:
            total, last = total + nr.scales[w], "scale"
        else:
            break
        i += 1
        used = i
    if not used:
        return None, 0
    return _tidy(total + current), used


def parse_arabic_number(s: str, rules: Mapping[str, Any] | NumberRules | None = None) -> Number | None:
    """The number that all of ``s`` spells, or None (also for vague words such as "عشرات").

    ``rules`` defaults to the packaged ``numbers.json``; pipelines pass ``Resources.rules["numbers"]``.

    >>> parse_arabic_number("خمسة وعشرين"), parse_arabic_number("١٬٢٠٠"), parse_arabic_number("عشرين ألفا")
    (25, 1200, 20000)
    """
    nr = _rules(rules)
    toks = _TOKEN.findall(fold(s))
    if not toks:
        return None
    value, used = _parse_tokens(toks, nr)
    return value if used == len(toks) else None


def parse_ordinal(s: str, rules: Mapping[str, Any] | NumberRules | None = None) -> int | None:
    """The number of an ordinal word ("الثاني عشر" -> 12, "الحادي والعشرين" -> 21), or None.

    >>> parse_ordinal("الثاني عشر"), parse_ordinal("الأولى"), parse_ordinal("العشرين")
    (12, 1, 20)
    """
    nr = _rules(rules)
    toks = [t for t in fold(s).split() if t]
    words: list[tuple[str, bool]] = []
    for t in toks:
        conj = t.startswith("وال") or t == "و"
        t = t[1:] if t.startswith("وال") else t
        if t == "و":
            continue
        words.append((t[2:] if t.startswith("ال") and len(t) > 3 else t, conj))
    if not words:
        return None
    first, _ = words[0]
    if first in nr.ordinal_tens and len(words) == 1:
        return nr.ordinal_tens[first]
    if first not in nr.ordinals:
        return None
    unit = nr.ordinals[first]
    if len(words) == 1:
        return unit if first not in ("حادي", "حاديه") else None
    if len(words) != 2 or unit > 9:
        return None
    second, conj = words[1]
    if second in nr.ten and not conj:
        return unit + 10
    if second in nr.ordinal_tens and conj and nr.ordinal_tens[second] < 100:
        return unit + nr.ordinal_tens[second]
    return None


def dual_count(word: str, rules: Mapping[str, Any] | NumberRules | None = None) -> int | None:
    """2 when ``word`` is the dual of a known casualty/attack noun ("قتيلين", "سيارتين"), else None.

    >>> dual_count("قتيلين"), dual_count("جريحان"), dual_count("قتلى")
    (2, 2, None)
    """
    nr = _rules(rules)
    w = fold(word).strip()
    for prefix in ("وال", "فال", "بال", "ال", "و"):
        if w.startswith(prefix) and len(w) - len(prefix) >= 5:
            w = w[len(prefix):]
            break
    if w[-2:] not in ("ين", "ان"):
        return None
    stem = w[:-2]
    if stem in nr.dual_nouns or (stem.endswith("ت") and stem[:-1] + "ه" in nr.dual_nouns):
        return 2
    return None


def find_quantities(text: str, rules: Mapping[str, Any] | NumberRules | None = None,
                    exclude: Sequence[Span] = ()) -> list[Quantity]:
    """Every count in ``text`` with the word after it (``unit_text``); spans in ``exclude`` (dates) are skipped.

    >>> [(q.value, q.unit_text) for q in find_quantities("قتل 50 شخصا وجرح خمسة وعشرون")]
    [(50, 'شخصا'), (25, '')]
    """
    nr = _rules(rules)
    norm, to_orig = fold_with_map(text)
    toks = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(norm)]
    words = [t[0] for t in toks]
    out: list[Quantity] = []
    i = 0
    while i < len(toks):
        j, kind = _match_phrase(words, i, nr.approx)
        if j < len(toks) and words[j] == "ال":  # "نحو الـ30"
            j += 1
        k, vague = _match_vague(words, j, nr)
        if vague is not None:
            low, high = vague
            while k < len(toks) and (scale := _scale_of(words[k], nr)):
                low, high = low * scale, (high + 1) * scale - 1
                k += 1
            q = _make(text, toks, to_orig, i if kind else j, k, None, low, high, True, bool(kind), nr)
        else:
            value, used = _parse_tokens(words[j:], nr)
            if value is None or _is_glued(norm, toks, j, used):
                i += 1
                continue
            k = j + used
            lo, hi = _bounds(value, kind)
            q = _make(text, toks, to_orig, i if kind else j, k, value, lo, hi, False, bool(kind), nr)
        if not any(s < q.span[1] and q.span[0] < e for s, e in exclude):
            out.append(q)
        i = k
    return out


def _scale_of(word: str, nr: NumberRules) -> int:
    """Multiplier of a scale word after a vague count ("عشرات الآلاف"), 0 if it is none."""
    for w in (word, word[2:] if word.startswith("ال") else ""):
        if w in nr.scales and w not in nr.dual_scales:
            return nr.scales[w]
    return 0


def _is_glued(norm: str, toks: list[tuple[str, int, int]], j: int, used: int) -> bool:
    """Digits that touch ':' '/' '-' are times, scores or dates, not counts."""
    if not toks[j][0][:1].isdigit():
        return False
    s, e = toks[j][1], toks[j + used - 1][2]
    return (s > 0 and norm[s - 1] in ":/-") or (e < len(norm) and norm[e] in ":/-" and norm[e + 1:e + 2].isdigit())


def _bounds(value: Number, kind: str) -> tuple[Number | None, Number | None]:
    if kind in ("more", "at_least"):
        return value, None
    if kind in ("less", "at_most"):
        return None, value
    return value, value


def _match_phrase(words: list[str], i: int, table: Mapping[tuple[str, ...], str]) -> tuple[int, str]:
    for key in sorted(table, key=len, reverse=True):
        if tuple(words[i:i + len(key)]) == key:
            return i + len(key), table[key]
    return i, ""


def _match_vague(words: list[str], i: int, nr: NumberRules) -> tuple[int, tuple[int, int] | None]:
    for key in sorted(nr.vague, key=len, reverse=True):
        got = tuple(words[i:i + len(key)])
        if got == key or (got and got[0].startswith("ال") and (got[0][2:], *got[1:]) == key):  # العشرات
            return i + len(key), nr.vague[key]
    return i, None


def _make(text: str, toks: list[tuple[str, int, int]], to_orig: tuple[int, ...], a: int, b: int,
          value: Number | None, low: Number | None, high: Number | None, is_vague: bool, is_approx: bool,
          nr: NumberRules) -> Quantity:
    s, e = to_orig[toks[a][1]], to_orig[toks[b - 1][2] - 1] + 1
    while e < len(text) and not fold(text[e]):
        e += 1
    unit = ""
    u = b
    if u + 1 < len(toks) and toks[u][0] == "من":  # "عشرات من القتلى", "12 من المسلحين"
        u += 1
    if u < len(toks) and not toks[u][0][:1].isdigit() and not nr.is_word(toks[u][0]):
        gap_start = to_orig[toks[u - 1][2] - 1] + 1
        us, ue = to_orig[toks[u][1]], to_orig[toks[u][2] - 1] + 1
        if not text[gap_start:us].strip(" \u0640\u00a0"):
            unit = text[us:ue]
    return Quantity(span=(s, e), value=value, low=low, high=high, is_vague=is_vague, unit_text=unit,
                    is_approx=is_approx, text=text[s:e])


def _bundled_rules() -> dict[str, Any]:
    """The packaged ``numbers.json`` (the default when no rules are passed)."""
    import json
    from importlib import resources

    return dict(json.loads((resources.files("rasid") / "data" / "rules" / "numbers.json").read_text(encoding="utf-8")))
