"""Static checks as tests: ruff over the package, mypy --strict over the core library."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORE = ["src/rasid/model.py", "src/rasid/errors.py", "src/rasid/resources.py", "src/rasid/pipeline.py",
        "src/rasid/api.py", "src/rasid/ontology.py", "src/rasid/stages", "src/rasid/export/contract.py"]


def test_ruff_is_clean() -> None:
    pytest.importorskip("ruff", reason="ruff comes with the [test] extra")
    run = subprocess.run([sys.executable, "-m", "ruff", "check", "src"], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


def test_core_is_mypy_strict_clean() -> None:
    pytest.importorskip("mypy", reason="mypy comes with the [test] extra")
    run = subprocess.run([sys.executable, "-m", "mypy", *CORE], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
