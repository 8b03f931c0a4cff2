"""Typed records that flow through Rasid's pipeline.

Every stage takes one of these and returns a new one; nothing is changed in place.
Offsets (``start``/``end``) always index ``CleanDoc.full_text`` (title + blank line + body),
which is exactly the text that contract-v1 offsets point into.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Any

Span = tuple[int, int]


@dataclass(frozen=True)
class RawDoc:
    """One input article as read from a file or a JSONL line, before any cleaning."""

    doc_id: str
    source: str  # path (and line number) it came from, for error messages
    title: str = ""
    text: str = ""
    html: str | None = None
    url: str | None = None
    published: str | None = None
    outlet: str | None = None
    language: str | None = None


@dataclass(frozen=True)
class CleanDoc:
    """An article with boilerplate removed and its byline facts pulled out."""

    doc_id: str
    title: str
    text: str
    outlet: str | None = None
    wires: tuple[str, ...] = ()
    dateline: str | None = None
    published: str | None = None
    url: str | None = None
    language: str = "ar"
    removed: tuple[str, ...] = ()  # why lines were dropped, for provenance and debugging

    @property
    def full_text(self) -> str:
        """The string that every offset of this document indexes."""
        return f"{self.title}\n\n{self.text}" if self.title else self.text

    @property
    def body_offset(self) -> int:
        return len(self.title) + 2 if self.title else 0


@dataclass(frozen=True)
class NormalDoc:
    """A cleaned article with its matching form: ``norm[i]`` comes from ``clean.full_text[to_orig[i]]``."""

    clean: CleanDoc
    norm: str
    to_orig: tuple[int, ...]
    sentences: tuple[Span, ...]  # offsets into clean.full_text

    def orig_span(self, start: int, end: int) -> Span:
        """Map a [start, end) span of ``norm`` back to the original text."""
        if start >= len(self.to_orig):
            n = len(self.clean.full_text)
            return n, n
        o_start = self.to_orig[start]
        o_end = self.to_orig[end - 1] + 1 if end > start else o_start
        full = self.clean.full_text
        while o_end < len(full) and (unicodedata.category(full[o_end]) == "Mn" or full[o_end] == "\u0640"):
            o_end += 1  # keep a final diacritic or tatweel with its letter
        return o_start, o_end

    def sentence_index(self, orig_offset: int) -> int:
        """Index of the sentence holding an original offset (the last one if past the end)."""
        for i, (s, e) in enumerate(self.sentences):
            if s <= orig_offset < e:
                return i
            if orig_offset < s:
                return max(0, i - 1)
        return max(0, len(self.sentences) - 1)


@dataclass(frozen=True)
class Mention:
    """One stretch of text that names an entity (known or found by context)."""

    start: int
    end: int
    surface: str
    entity_id: str
    kind: str
    via: str = "kb"  # kb | pattern | coref | model | nested (inside a longer name)


@dataclass(frozen=True)
class Entity:
    """A resolved entity of one document, in contract-v1 shape."""

    id: str
    kind: str
    name_en: str
    name_ar: str
    names: tuple[str, ...]
    mentions: tuple[Span, ...]
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    admin1: str | None = None
    precision: str | None = None  # place | admin2 | admin1 | country
    wikidata: str | None = None
    parent: str | None = None


@dataclass(frozen=True)
class DateValue:
    """A resolved (or partial) date: ``start`` is ISO or ``--MM-DD`` when the year is unknowable."""

    start: str
    end: str
    precision: str  # day | month | year | weekday
    text: str
    span: Span | None = None
    is_inferred: bool = False  # taken from the lede, not stated with the event itself


@dataclass(frozen=True)
class Event:
    """One typed event with its role fillers (entity ids) and the sentences that state it."""

    type: str
    subtype: str | None
    core: bool
    actors: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    speakers: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    date: DateValue | None = None
    attributes: dict[str, Any] = field(default_factory=dict)
    evidence: tuple[Span, ...] = ()
    confidence: float = 0.5
    summary: str = ""


@dataclass(frozen=True)
class Extraction:
    """Everything Rasid knows about one document: the contract-v1 output record."""

    clean: CleanDoc
    entities: tuple[Entity, ...]
    events: tuple[Event, ...]
    story_id: str = ""
    content_hash: str = ""
    source: str = ""  # file (and line) the article came from: provenance for the store


@dataclass(frozen=True)
class Reject:
    """A document that could not be processed, with the reason, so nothing is dropped silently."""

    source: str
    reason: str
    stage: str = "ingest"
    doc_id: str | None = None
