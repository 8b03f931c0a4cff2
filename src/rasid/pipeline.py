"""The whole flow on one screen: read -> clean -> normalize -> entities -> events -> (stories).

``process`` runs the per-document stages on one RawDoc; ``run`` drives a batch, catching errors
per document so that one bad article never loses the rest of the batch.
"""
from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from rasid.errors import RasidError, StageError
from rasid.model import Extraction, RawDoc, Reject
from rasid.resources import Resources
from rasid.stages.clean import clean, compile_clean_rules
from rasid.stages.entities import find_entities, parties_known_by_role
from rasid.stages.events import find_events
from rasid.stages.normalize import normalize
from rasid.stages.stories import assign_stories

log = logging.getLogger("rasid")

STAGES = ("clean", "normalize", "entities", "events", "stories")


def content_hash(title: str, text: str) -> str:
    """Identity of an article's content: same title and body -> same hash, whatever the file name."""
    from rasid.stages.normalize import fold

    body = " ".join(fold(f"{title}\n{text}").split())
    return hashlib.sha256(body.encode("utf-8")).hexdigest()[:32]


def process(raw: RawDoc, res: Resources) -> Extraction:
    """Run the per-document stages; raises StageError naming the stage that failed."""
    stage = "clean"
    try:
        cleaned = clean(raw, res.cached("clean_rules", lambda r: compile_clean_rules(r.rules)))
        stage = "normalize"
        normal = normalize(cleaned)
        stage = "entities"
        mentions, entities = find_entities(normal, res)
        stage = "events"
        events = find_events(normal, mentions, entities, res)
        entities = parties_known_by_role(entities, events, res)
    except RasidError:
        raise
    except Exception as e:  # a bug or an input we did not foresee: report it, keep the batch going
        raise StageError(stage, raw.doc_id, e) from e
    return Extraction(clean=cleaned, entities=entities, events=events,
                      content_hash=content_hash(cleaned.title, cleaned.text), source=raw.source)


@dataclass
class BatchReport:
    """Counts of a batch: read, skipped (with reasons) and failed (with reasons)."""

    read: int = 0
    done: int = 0
    rejects: list[Reject] = field(default_factory=list)

    @property
    def skipped(self) -> list[Reject]:
        return [r for r in self.rejects if r.stage == "ingest"]

    @property
    def failed(self) -> list[Reject]:
        return [r for r in self.rejects if r.stage != "ingest"]

    def summary(self) -> str:
        return f"read {self.read}, extracted {self.done}, skipped {len(self.skipped)}, failed {len(self.failed)}"


def run(items: Iterable[RawDoc | Reject], res: Resources, report: BatchReport | None = None,
        on_reject: Callable[[Reject], None] | None = None) -> Iterator[Extraction]:
    """Process a stream of inputs; rejects are logged, counted and passed to ``on_reject``."""
    report = report if report is not None else BatchReport()
    for item in items:
        report.read += 1
        if isinstance(item, Reject):
            _reject(item, report, on_reject)
            continue
        try:
            result = process(item, res)
        except StageError as e:
            _reject(Reject(item.source, str(e), e.stage, item.doc_id), report, on_reject)
            continue
        except RasidError as e:
            _reject(Reject(item.source, str(e), "pipeline", item.doc_id), report, on_reject)
            continue
        report.done += 1
        yield result


def _reject(r: Reject, report: BatchReport, on_reject: Callable[[Reject], None] | None) -> None:
    log.warning("skipped %s (%s): %s", r.source, r.stage, r.reason)
    report.rejects.append(r)
    if on_reject:
        on_reject(r)


def extract_all(items: Iterable[RawDoc | Reject], res: Resources, report: BatchReport | None = None,
                on_reject: Callable[[Reject], None] | None = None) -> list[Extraction]:
    """Process a batch and assign story ids across it (the one cross-document stage)."""
    results = list(run(items, res, report, on_reject))
    return assign_stories(results, res)
