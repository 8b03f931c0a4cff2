"""The annotated sets keep only article ids; their inputs rebuild from ../shared/data."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from corpus_inputs import load_inputs

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("ids_file, gold_file", [
    ("tests/gold/dev.ids", "tests/gold/dev.jsonl"),
    ("tests/holdout/input.ids", "tests/holdout/gold.jsonl"),
])
def test_corpus_inputs_rebuild_every_annotated_article(shared: Path, ids_file: str, gold_file: str) -> None:
    lines = load_inputs(ROOT / ids_file, shared)
    gold_ids = [json.loads(line)["doc_id"] for line in (ROOT / gold_file).read_text(encoding="utf-8").splitlines()]
    assert [d["id"] for d in lines] == gold_ids
    assert all(d["title"] and d["text"] for d in lines)
