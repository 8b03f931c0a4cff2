"""Compiling the event rules of ``data/rules/events.json`` into regexes over folded text.

Patterns are written folded (no hamza or ta-marbuta forms); this module adds the clitic
prefixes, a trailing suffix and word boundaries, so that one entry such as ``"(?:ي|ت|م)?توعد"``
finds توعّد, يتوعد, وتتوعد and متوعداً alike.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from rasid.resources import Resources
from rasid.stages.normalize import fold

_PREFIX = r"(?<![\w])(?:[وف])?(?:[بلكس])?(?:ال|ل)?"
_VERB_PREFIX = r"(?<![\w])(?:[وف])?(?:[لس])?"  # a verb takes و ف ل س, never the article
_INNER = r"(?:[وفبلك])?(?:ال|ل)?"  # later words of a phrase may carry clitics too: حجز ... المتفجرات
_INNER_END = r"\w{0,3}"
_SUFFIX = r"(?:ا|ه|ها|هم|هما|ات|ين|ون|ان|ي|يا|يه|ته|تها|تهم|وا|يين|يون|وه|وها|وهم|وهما)?(?![\w])"
_VERB_SUFFIX = r"(?:ت|تا|ن|نا|" + _SUFFIX.removeprefix("(?:")  # and the past tense endings: وخطفت، هاجمن
_GAP = r"(?:\s+[^\s،,.:؛]+){0,3}?"  # a gap never crosses a comma: it stays inside the clause
_LONG_GAP = r"(?:\s+[^\s،,.:؛]+){0,8}?"
_SEP = r"\s+[\"“”«»'(]?"  # words may open a quotation: دعا إلى "الثأر"


_TA_MARBUTA_ENDS = ("(?:ه|ة)", "(?:ة|ه)", "ة")  # a noun ending in ta marbuta ...
_TA_BEFORE_PRONOUN = r"(?:ه|ت(?=(?:ه|ها|هم|هما|ي|نا|كم)(?![\w])))"  # ... spells it ت before a pronoun: هزيمته


def fold_regex(pattern: str) -> str:
    """Fold the Arabic of a regex source, leaving its ASCII syntax (``\\S``, ``\\W``) alone."""
    return "".join(ch if ch.isascii() else fold(ch) for ch in pattern)


def pattern_regex(pattern: str, with_prefix: bool = True) -> str:
    """Regex source for one folded pattern: clitics before, an optional suffix after.

    >>> bool(re.search(pattern_regex("(?:ي|ت|م)?توعد"), "وتوعد التنظيم"))
    True
    >>> bool(re.search(pattern_regex("تسجيل صوتي"), "في تسجيل صوتي نشرته"))
    True
    """
    words = fold_regex(pattern).replace("\\s+", _SEP).split(" ")
    parts: list[str] = []
    for w in words:
        if w in ("~", "~~"):
            if parts and parts[-1] not in (_GAP, _LONG_GAP):
                parts.append(_INNER_END)  # "ضبطت ... أسلحة": the word before a gap may inflect too
            parts.append(_GAP if w == "~" else _LONG_GAP)
            continue
        if parts:
            if parts[-1] not in (_GAP, _LONG_GAP):
                parts.append(_INNER_END)
            parts.append(_SEP)
            parts.append(_INNER)
        parts.append(w)
    body = "".join(parts)
    if not _is_verb(pattern) and pattern.endswith(_TA_MARBUTA_ENDS):
        body = body[:-len(fold_regex(next(e for e in _TA_MARBUTA_ENDS if pattern.endswith(e))))] + _TA_BEFORE_PRONOUN
    if pattern.isascii():
        return rf"(?<![\w]){body}(?:s|es|ed|d)?(?![\w])" if with_prefix else rf"{body}(?:s|es|ed|d)?(?![\w])"
    suffix = _VERB_SUFFIX if _is_verb(pattern) else _SUFFIX
    if not with_prefix:
        return "(?:" + body + ")" + suffix
    prefix = _VERB_PREFIX if _is_verb(pattern) else _PREFIX
    return prefix + "(?:" + body + ")" + suffix


def _is_verb(pattern: str) -> bool:
    return pattern.startswith(("(?:ي|ت", "(?:ا|ي|ت)", "(?:ف|ي|ت)"))


_NOUN_CLITICS = re.compile(r"(?:[وف])?(?:[بلكس])?(?:ال|ل)?")
_VERB_CLITICS = re.compile(r"(?:[وف])?(?:[لس])?")
_NO_CLITICS = re.compile(r"")


def _fast_scanners(patterns: list[str]) -> tuple[tuple[re.Pattern[str], re.Pattern[str]], ...]:
    """Bodies without the clitic prefix, which Python's regex engine scans far faster; the caller
    checks what stands between the word start and the body against the allowed clitics."""
    groups: dict[str, list[str]] = {"noun": [], "verb": [], "latin": []}
    for p in patterns:
        groups["latin" if p.isascii() else "verb" if _is_verb(p) else "noun"].append(p)
    clitics = {"noun": _NOUN_CLITICS, "verb": _VERB_CLITICS, "latin": _NO_CLITICS}
    return tuple((re.compile("|".join(f"(?:{pattern_regex(p, with_prefix=False)})" for p in ps)), clitics[g])
                 for g, ps in groups.items() if ps)


def _alternation(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{pattern_regex(p)})" for p in patterns))


@dataclass(frozen=True)
class Trigger:
    type: str
    subtype: str | None
    attrs: dict[str, Any]
    regex: re.Pattern[str]
    needs: tuple[tuple[str, ...], ...]
    rank: int  # position in the rules file: earlier = more specific within a type
    scanners: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = ()  # (body regex, allowed clitics)

    def finditer(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of every match, the start including its clitics ("وبالمفخخات")."""
        out: list[tuple[int, int]] = []
        for body, clitics in self.scanners:
            for m in body.finditer(text):
                start = m.start()
                word_start = start
                while word_start > 0 and text[word_start - 1].isalnum():
                    word_start -= 1
                if start - word_start <= 3 and clitics.fullmatch(text, word_start, start):
                    out.append((word_start, m.end()))
        return out


@dataclass(frozen=True)
class EventRules:
    triggers: tuple[Trigger, ...]
    cues: dict[str, re.Pattern[str]]
    tactics: dict[str, re.Pattern[str]]
    weapons: dict[str, re.Pattern[str]]
    languages: dict[str, re.Pattern[str]]
    leader_roles: re.Pattern[str]
    speaker_cues: re.Pattern[str]
    target_preps: re.Pattern[str]
    blockers: re.Pattern[str] | None


def compile_rules(res: Resources) -> EventRules:
    """Build the regexes once per Resources (``res.cached("event_rules", compile_rules)``)."""
    data = res.rules.get("events") or {}
    triggers = tuple(
        Trigger(t["type"], t.get("subtype"), dict(t.get("attrs") or {}), _alternation(t["patterns"]),
                tuple(tuple(n.split("|")) for n in t.get("needs") or ()), rank, _fast_scanners(t["patterns"]))
        for rank, t in enumerate(data.get("triggers") or ())
    )
    return EventRules(
        triggers=triggers,
        cues={k: _alternation(v) for k, v in (data.get("cues") or {}).items()},
        tactics={k: _alternation(v) for k, v in (data.get("tactics") or {}).items()},
        weapons={k: _alternation(v) for k, v in (data.get("weapons") or {}).items()},
        languages={k: _alternation(v) for k, v in (data.get("languages") or {}).items()},
        leader_roles=_alternation(data.get("leader_roles") or ["قائد"]),
        speaker_cues=_alternation(data.get("speaker_cues") or ["قال"]),
        target_preps=_alternation(data.get("target_preps") or ["ضد"]),
        blockers=re.compile("|".join(f"(?:{fold_regex(p)})" for p in (data.get("blockers") or {}).get("patterns", []))
                            ) if (data.get("blockers") or {}).get("patterns") else None,
    )
