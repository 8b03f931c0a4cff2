"""The Story record: one piece of news as many outlets reported it, with who said what.

Kept beside the story stage rather than in ``model.py`` so the story layer can evolve while the
per-document records are frozen by other work; it is a candidate to move into ``model.py``.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Claim:
    """One value of one field of the story's event, and the documents that gave it."""

    value: Any
    sources: tuple[str, ...]  # doc ids


@dataclass(frozen=True)
class StoryField:
    """All values reported for one field; more than one value is a conflict, kept with its sources."""

    name: str
    claims: tuple[Claim, ...]

    @property
    def has_conflict(self) -> bool:
        return len(self.claims) > 1

    @property
    def value(self) -> Any:
        """The value most sources give (ties: the first reported)."""
        return max(self.claims, key=lambda c: len(c.sources)).value if self.claims else None

    @property
    def range(self) -> tuple[Any, Any] | None:
        """(low, high) for numeric fields such as fatalities."""
        nums = [c.value for c in self.claims if isinstance(c.value, (int, float)) and not isinstance(c.value, bool)]
        return (min(nums), max(nums)) if nums else None


@dataclass(frozen=True)
class Story:
    """One event as reported across outlets: merged fields with provenance, reach and conflicts."""

    story_id: str
    doc_ids: tuple[str, ...]
    type: str | None
    subtype: str | None
    fields: tuple[StoryField, ...]  # actors, targets, speakers, places, date, fatalities, injured, title, ...
    first_reported: str | None
    last_reported: str | None
    n_documents: int
    n_independent: int  # outlets after collapsing near-duplicate copies and shared wire copy
    duplicate_groups: tuple[tuple[str, ...], ...]  # near-duplicate documents, counted once
    linked_claims: tuple[str, ...] = ()  # doc ids whose claim of responsibility was attached to this story

    def field(self, name: str) -> StoryField | None:
        """The merged field ``name``, if any source gave it."""
        return next((f for f in self.fields if f.name == name), None)

    @property
    def conflicts(self) -> tuple[StoryField, ...]:
        """Fields on which sources disagree."""
        return tuple(f for f in self.fields if f.has_conflict)
