"""Extraction quality gate: every annotated set is scored with ``shared/eval/score.py``; a drop below
the floors in ``baseline.json`` fails CI. Floors only rise: raise them when a change earns it.

The hold-out set has floors too: they guard against regressions; rules are never tuned on it.
"""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from corpus_inputs import load_inputs

from rasid.api import extract_files
from rasid.export.contract import to_contract
from rasid.resources import Resources

ROOT = Path(__file__).resolve().parents[2]
BASELINE = json.loads((Path(__file__).with_name("baseline.json")).read_text(encoding="utf-8"))


def _scorer(shared: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("rasid_gold_score", shared / "eval" / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _inputs(name: str, shared: Path, tmp_path: Path) -> tuple[list[Path], Path]:
    """(input paths, gold file) of one annotated set; our sets rebuild their texts from shared/data."""
    if name == "seeds":
        return [shared / "seeds"], shared / "gold" / "seeds.jsonl"
    if name == "shared_dev":
        return [shared / "gold" / "dev-input.jsonl"], shared / "gold" / "dev.jsonl"
    ids, gold = {"tests_gold": ("tests/gold/dev.ids", "tests/gold/dev.jsonl"),
                 "holdout": ("tests/holdout/input.ids", "tests/holdout/gold.jsonl")}[name]
    rows = load_inputs(ROOT / ids, shared)
    path = tmp_path / f"{name}.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return [path], ROOT / gold


def _figures(result: dict[str, Any]) -> dict[str, float]:
    f1 = {k: float(result[k]["f1"]) for k in ("entities", "events", "events_strict", "core_events", "arguments")}
    acc = {k: float(result[k]["acc"] or 0.0) for k in ("dates", "attributes", "geocoding")}
    return {**f1, **acc}


@pytest.mark.parametrize("name", sorted(BASELINE["floors"]))
def test_extraction_quality_stays_above_its_floors(name: str, shared: Path, tmp_path: Path, res: Resources) -> None:
    paths, gold_file = _inputs(name, shared, tmp_path)
    score = _scorer(shared)
    predicted = {x.clean.doc_id: to_contract(x) for x in extract_files(paths, res=res)}
    gold = score.read_jsonl(gold_file)
    figures = _figures(score.score(gold, predicted))
    floors = BASELINE["floors"][name]
    low = {k: (round(figures[k], 3), v) for k, v in floors.items() if figures[k] < v - 1e-9}
    assert not low, f"{name}: below the floor (now, floor): {low}"
