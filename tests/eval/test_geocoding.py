"""Geocoding floor on 200 real Syrian and Iraqi place mentions (tests/gold/geocoding.jsonl)."""
from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_geocoding_accuracy_within_25_km_stays_above_floor() -> None:
    spec = importlib.util.spec_from_file_location("geocoding_eval", ROOT / "benchmarks" / "geocoding_eval.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    ok, n, misses = module.evaluate(ROOT / "tests" / "gold" / "geocoding.jsonl", 25.0)
    assert n >= 200
    assert ok / n >= 0.95, "\n".join(misses)
