"""What the event sub-steps share about one document: entity classes, sentences, dates, cues.

``build_context`` is computed once per document; ``Candidate`` is an event being assembled.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from rasid.model import DateValue, Mention, NormalDoc
from rasid.resources import KBEntry, Resources
from rasid.stages.event_rules import EventRules, Trigger, compile_rules

AGENT_TYPES = {"media_release", "threat"}
DEFINITE = ("ال", "وال", "بال", "فال", "لل")  # the article with its clitics: "الهجوم" points back


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


ARMED_MOVEMENTS = frozenset({"armed_group", "armed_group_branch"})  # non-state, not extremist: the Houthis


def category_of(ctx: EventContext, entity_id: str) -> str:
    """The knowledge-base category of an entity ("" when unknown)."""
    entry = ctx.res.get(entity_id)
    return (entry.category if entry is not None else "") or ""


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
class Candidate:
    trigger: Trigger
    sentence: int
    start: int  # original offsets of the trigger
    end: int
    roles: dict[str, list[str]] = field(default_factory=lambda: {"actors": [], "targets": [], "speakers": [],
                                                                    "places": []})
    attributes: dict[str, Any] = field(default_factory=dict)
    sentences: set[int] = field(default_factory=set)
    named_in: set[int] = field(default_factory=set)  # sentences that only name the event again ("الفيديو")
    date: DateValue | None = None
    in_quote: bool = False
    is_relative: bool = False  # "الذين باتوا يحاصرون": context in a relative clause, not the news
    is_answered: bool = False  # "دعا إلى الثأر بعد الهجوم": the earlier event a call answers
    is_recalled: bool = False  # "ويعود آخر هجوم", "كان قد", an old date: a past event the article recalls
    is_definite: bool = False  # "الهجوم", "التفجير": points back to an event already named
    is_old: bool = False  # dated a month or more before publication, or "الشهر الماضي", "عام 2014"
    is_rhetoric: bool = False  # quoted words ("الهجوم البري ... كان فعالا"): evidence of an event, never one
    clause_places: list[str] = field(default_factory=list)  # places the sentence gave a neighbouring trigger

    @property
    def type(self) -> str:
        return self.trigger.type

    @property
    def subtype(self) -> str | None:
        return self.trigger.subtype


@dataclass
class EventContext:
    """Per-document lookups shared by the sub-steps (built once per document)."""

    doc: NormalDoc
    res: Resources
    rules: EventRules
    mentions: list[Mention]
    classes: dict[str, str]
    main_group: str | None
    sent_norm: list[tuple[int, int]]  # folded [start, end) of each sentence
    dates: list[DateValue]
    datelines: tuple[tuple[int, int], ...] = ()
    _by_sentence: dict[int, list[Mention]] | None = field(default=None, repr=False)
    memo: dict[str, dict[Any, Any]] = field(default_factory=dict, repr=False)  # per-document caches

    def in_dateline(self, offset: int) -> bool:
        """"بيروت - دعا": where the report was filed, not where anything happened."""
        return any(s <= offset < e for s, e in self.datelines)

    def title_sentences(self) -> int:
        """How many sentences the title has (they come first): sentence ``i`` is the title's if below it."""
        return sum(1 for s, _ in self.doc.sentences if s < self.doc.clean.body_offset)

    def sentence_text(self, i: int) -> str:
        s, e = self.sent_norm[i]
        return self.doc.norm[s:e]

    def sentence_mentions(self, i: int) -> list[Mention]:
        """The mentions inside sentence ``i`` (indexed once per document: the stage asks often)."""
        if self._by_sentence is None:
            starts = [s for s, _ in self.doc.sentences]
            index: dict[int, list[Mention]] = {}
            for m in self.mentions:
                j = bisect.bisect_right(starts, m.start) - 1
                if j >= 0 and m.start < self.doc.sentences[j][1]:
                    index.setdefault(j, []).append(m)
            self._by_sentence = index
        return list(self._by_sentence.get(i, ()))


def norm_index(doc: NormalDoc, orig: int) -> int:
    """The folded offset of an original offset."""
    return bisect.bisect_left(doc.to_orig, orig)


def build_context(doc: NormalDoc, mentions: list[Mention], res: Resources) -> EventContext:
    mentions = [m for m in mentions if m.via != "nested"]  # roles read the longer name only
    rules: EventRules = res.cached("event_rules", compile_rules)
    actor_classes = res.cached("actor_classes", build_actor_classes)
    classes = {m.entity_id: entity_class(res.get(m.entity_id), m.kind, actor_classes) for m in mentions}
    groups = Counter(m.entity_id for m in mentions if classes[m.entity_id] == "group")
    main_group = _parent_most(groups, res)
    sent_norm = [(norm_index(doc, s), norm_index(doc, e)) for s, e in doc.sentences]
    dates = _find_dates(doc, res)
    return EventContext(doc, res, rules, mentions, classes, main_group, sent_norm, dates, _datelines(doc))


_DATELINE = re.compile(r"\s*(?:\([^)]{1,30}\))?\s*[^\s،,:.-]+(?:[،,]\s*[^\s،,:.-]+){0,3}\s*(?:--|-|–|:)\s")


def _datelines(doc: NormalDoc) -> tuple[tuple[int, int], ...]:
    """Spans of datelines ("بيروت -", "(CNN) دبي، الإمارات --") at the start of the body or of a
    paragraph: a wire story pasted under a site's own lede keeps its dateline."""
    body = doc.clean.text
    base = doc.clean.body_offset
    out: list[tuple[int, int]] = []
    dateline = doc.clean.dateline
    if dateline and body.lstrip().startswith(dateline):
        out.append((base, base + body.index(dateline) + len(dateline)))
    line_starts = [0] + [m.end() for m in re.finditer("\n", body)]
    for start in line_starts:
        if out and start < out[0][1] - base:
            continue
        m = _DATELINE.match(body, start)
        if m and len(m.group().split()) <= 6 and "\n" not in m.group().strip():
            out.append((base + start, base + m.end()))
    return tuple(out)


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
    return list(find_dates(doc.clean.full_text, doc.clean.published, rules, (doc.norm, doc.to_orig)))


QUOTE_MARKS = "\"“”«»"
_QUOTES = re.compile(f"[{QUOTE_MARKS}]")


def inside_quote(sentence: str, pos: int) -> bool:
    return len(_QUOTES.findall(sentence[:pos])) % 2 == 1


def inside_a_title(sentence: str, pos: int) -> bool:
    """"بعنوان «جنود جبهة النصرة يبدأون عملية عسكرية»": words of a release's title, not news."""
    if not inside_quote(sentence, pos):
        return False
    opening = [m.start() for m in _QUOTES.finditer(sentence[:pos])][-1]
    return "عنوان" in " ".join(sentence[:opening].split()[-2:])


def cue(ctx: EventContext, name: str, text: str) -> bool:
    regex = ctx.rules.cues.get(name)
    return bool(regex and regex.search(text))


def doer_named_apart(c: Candidate, ctx: EventContext) -> bool:
    """"الهجوم المسلح الذي شنه أسترالي": the sentence names a doer who is no known party, so no group of
    the neighbouring sentences did it (unless one claims it: "نفذه مسلحون ... وتبنى داعش الهجوم")."""
    text = ctx.sentence_text(c.sentence)
    if any(_CLAIMS_IT.search(ctx.sentence_text(i)) for i in range(c.sentence, min(len(ctx.doc.sentences),
                                                                                c.sentence + 2))):
        return False
    start = ctx.sent_norm[c.sentence][0]
    for found in _DOER_CLAUSE.finditer(text):
        at, _ = ctx.doc.orig_span(start + found.start(1), start + found.end(1))
        if not any(m.start <= at < m.end for m in ctx.sentence_mentions(c.sentence)):
            return True
    return False


_CLAIMS_IT = re.compile(r"(?:تبن|مسووليت)\S*\s+(?:\S+\s+){0,3}?(?:عن\s+)?(?:ال)(?:هجوم|عملي|اعتداء|تفجير|هجمات)")
_DOER_CLAUSE = re.compile(r"(?:الذي|التي)\s+(?:شن|نفذ|ارتكب)\S*\s+((?!ال)\S+)")  # on folded text


def words_before(text: str, pos: int, n: int) -> str:
    from rasid.stages.normalize import fold

    return fold(" ".join(text[max(0, pos - 60):pos].split()[-n:]))


def add_unique(items: list[str], value: str) -> None:
    if value not in items:
        items.append(value)
