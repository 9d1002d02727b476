"""The command's help keeps what it says in brackets, and the command tells its version."""

from __future__ import annotations

import os
import subprocess
from importlib.metadata import version

import pytest

from tests.cli_run import run_cli


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return run_cli(*args, timeout=120, env={**os.environ, "COLUMNS": "160"})


@pytest.mark.slow
@pytest.mark.parametrize(
    ("command", "shown"),
    [
        ("extract", "Processes, each with its own model [all cores]."),
        ("extract", "Record field with the text [text, content, body]."),
        ("extract", "[a local cluster of --workers]"),
        ("show", "Write the HTML page here [default: stdout]."),
    ],
)
def test_help_keeps_its_brackets(command: str, shown: str) -> None:
    """Rich markup ate "[all cores]": the help read "each with its own model ."."""
    done = cli(command, "--help")
    assert done.returncode == 0, done.stderr
    assert shown in " ".join(done.stdout.replace("│", " ").split())


@pytest.mark.slow
def test_version() -> None:
    done = cli("--version")
    assert done.returncode == 0
    assert done.stdout.strip() == f"agreement_nlp {version('agreement_nlp')}"
