"""Rasid's Python API: what the CLI, the REST API and the dashboard call.

>>> import rasid
>>> x = rasid.extract("دعا تنظيم الدولة الإسلامية عناصره إلى الثأر", title="داعش يتوعد")
>>> x.clean.title
'داعش يتوعد'
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from rasid.model import Extraction, RawDoc, Reject
from rasid.pipeline import BatchReport, extract_all, process
from rasid.resources import Resources


@lru_cache(maxsize=4)
def _default_resources(user_aliases: tuple[str, ...] = ()) -> Resources:
    return Resources.load(user_aliases=user_aliases)


def load_resources(data_dir: str | Path | None = None, user_aliases: Iterable[str | Path] = ()) -> Resources:
    """The knowledge base and rules (the bundled ones are read once per process)."""
    if data_dir is None:
        return _default_resources(tuple(str(p) for p in user_aliases))
    return Resources.load(data_dir, user_aliases)


def extract(text: str, title: str = "", published: str | None = None, outlet: str | None = None,
            doc_id: str = "doc", url: str | None = None, res: Resources | None = None) -> Extraction:
    """Extract entities and events from one article given as strings."""
    raw = RawDoc(doc_id=doc_id, source="<api>", title=title, text=text, published=published, outlet=outlet, url=url)
    return process(raw, res or load_resources())


def read_inputs(paths: Iterable[str | Path]) -> Iterator[RawDoc | Reject]:
    """Articles (or rejects with reasons) from files, folders, or '-' for stdin."""
    from rasid.io.readers import iter_raw_docs

    return iter_raw_docs(paths)


def extract_files(paths: Iterable[str | Path], report: BatchReport | None = None, res: Resources | None = None,
                  progress: bool = False) -> list[Extraction]:
    """Extract every article under ``paths``; story ids are assigned across the whole batch."""
    items: Iterable[RawDoc | Reject] = read_inputs(paths)
    if progress:
        items = _with_progress(items)
    return extract_all(items, res or load_resources(), report)


def _with_progress(items: Iterable[RawDoc | Reject]) -> Iterator[RawDoc | Reject]:
    from tqdm import tqdm

    yield from tqdm(items, unit="doc", desc="rasid", leave=False)
