"""The README's test command is the one CI runs, so a new user runs what CI checks."""

from __future__ import annotations

from tests.conftest import ROOT


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    command = next(line for line in ci.splitlines() if line.startswith("python3 -m venv"))
    assert command in (ROOT / "README.md").read_text(encoding="utf-8")
