"""Rasid input lines for annotated corpus articles, rebuilt from ../shared/data by id.

The article texts belong to their outlets and come under the corpora's own terms (SaudiNewsNet:
CC BY-NC-SA 4.0; ANT: research use), so this Apache-2.0 repository keeps only the ids
(`tests/gold/dev.ids`, `tests/holdout/input.ids`) and rebuilds the input lines on demand:

    python tests/corpus_inputs.py tests/gold/dev.ids tests/gold/dev-input.jsonl
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FIELDS = ("id", "title", "text", "published", "outlet", "url")


def corpus_rows(shared: Path = SHARED) -> dict[str, dict[str, Any]]:
    """Every article of the shared news corpora, by id."""
    rows: dict[str, dict[str, Any]] = {}
    for path in sorted(shared.glob("data/news_*/*.jsonl")):
        with path.open(encoding="utf-8") as f:
            for line in f:
                r = json.loads(line)
                rows[r["id"]] = r
    return rows


def input_line(r: dict[str, Any]) -> dict[str, Any]:
    """The Rasid input record of one corpus article (the publication date falls back to the crawl date)."""
    published = r.get("published") or (r.get("date_extracted") or "")[:10] or None
    return {"id": r["id"], "title": r["title"], "text": r["text"], "published": published,
            "outlet": r.get("outlet"), "url": r.get("url")}


def load_inputs(ids_file: Path, shared: Path = SHARED) -> list[dict[str, Any]]:
    """Input lines for the ids listed in ``ids_file``, in its order; fails naming any missing id."""
    ids = [line.strip() for line in ids_file.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = corpus_rows(shared)
    missing = [i for i in ids if i not in rows]
    if missing:
        raise KeyError(f"{len(missing)} id(s) of {ids_file} not in {shared}/data: {missing[:5]}")
    return [input_line(rows[i]) for i in ids]


def write_inputs(ids_file: Path, out: Path, shared: Path = SHARED) -> int:
    lines = load_inputs(ids_file, shared)
    with out.open("w", encoding="utf-8") as f:
        for d in lines:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
    return len(lines)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    print(f"wrote {write_inputs(Path(sys.argv[1]), Path(sys.argv[2]))} article(s) to {sys.argv[2]}")
