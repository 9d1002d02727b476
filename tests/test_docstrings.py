"""The examples in every module's docstrings run, and give what they show.

Examples run with the real model (the pipeline is cached per process) and from
the repository root, so that paths such as ``data/raw/...`` resolve.
"""

from __future__ import annotations

import doctest
import importlib
import pkgutil
from collections.abc import Callable
from typing import Any

import pytest

import agreement_nlp
from tests.conftest import ROOT

# Every module of the package: an example in a docstring is a test, wherever it is.
ALL_MODULES = sorted(
    m.name
    for m in pkgutil.walk_packages(agreement_nlp.__path__, "agreement_nlp.")
    if not m.name.endswith("__main__")
)


def test_modules_are_found() -> None:
    assert "agreement_nlp.extraction.dates.arithmetic" in ALL_MODULES and len(ALL_MODULES) > 60


@pytest.mark.model
@pytest.mark.parametrize("name", ALL_MODULES)
def test_examples_run(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    module = importlib.import_module(name)
    result = doctest.testmod(
        module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE, report=True
    )
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples failed in {name}"


def _api(path: str) -> Callable[..., Any] | type:
    module, _, attr = path.rpartition(".")
    obj: Callable[..., Any] | type = getattr(importlib.import_module(module), attr)
    return obj


def _runnable_examples(obj: object) -> list[doctest.Example]:
    tests = doctest.DocTestFinder(recurse=False).find(obj)
    return [
        ex
        for t in tests
        for ex in t.examples
        if not ex.options.get(doctest.SKIP, False) and "SKIP" not in ex.source
    ]


# Each entry point of the API shows how it is called, in an example that runs.
ENTRY_POINTS = [
    "agreement_nlp.api.extract",
    "agreement_nlp.tables.frames.Tables",
    "agreement_nlp.display.render_html",
    "agreement_nlp.display.render_tables",
    "agreement_nlp.display.render_doc",
    "agreement_nlp.display.render_file",
    "agreement_nlp.pipeline.load_pipeline",
    "agreement_nlp.evaluate.run.evaluate",
]


@pytest.mark.parametrize("path", ENTRY_POINTS)
def test_entry_points_have_a_runnable_example(path: str) -> None:
    assert _runnable_examples(_api(path)), f"{path}: no runnable example in the docstring"
