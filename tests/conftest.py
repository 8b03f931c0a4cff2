"""Shared fixtures: the bundled resources (loaded once per test session) and shared/ paths."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from rasid.resources import Resources

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))  # tests/corpus_inputs.py rebuilds corpus inputs by id
SHARED = ROOT.parent / "shared"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite golden output files")


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def res() -> Resources:
    return Resources.load()


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} not found: shared/ must sit beside the repository")
    return SHARED
