"""The one way the tests run the real ``agreement-nlp`` command: a subprocess of this Python."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any


def run_cli(
    *args: str,
    stdin: str | bytes | None = None,
    timeout: int = 300,
    text: bool = True,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[Any]:
    """``python -m agreement_nlp ARGS...``, its output captured; never raises on failure."""
    return subprocess.run(
        [sys.executable, "-m", "agreement_nlp", *args],
        input=stdin,
        capture_output=True,
        text=text,
        timeout=timeout,
        check=False,
        cwd=cwd,
        env=env,
    )
