"""Run the doctests of every pure module (examples in docstrings stay true)."""
from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import rasid

PURE = sorted(m.name for m in pkgutil.walk_packages(rasid.__path__, "rasid.")
              if m.name.startswith(("rasid.stages", "rasid.model", "rasid.api", "rasid.export.contract")))


@pytest.mark.parametrize("module_name", PURE)
def test_doctests(module_name: str) -> None:
    module = importlib.import_module(module_name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0, f"{result.failed} doctest(s) failed in {module_name}"
