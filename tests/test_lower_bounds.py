"""The package installed at the lowest versions its ``pyproject.toml`` allows still works.

Every ``>=`` floor of the runtime dependencies is pinned to its floor (``==``), the package is
installed from this checkout into a fresh virtual environment, and the CLI's main job on
``data/raw/`` must give the stored golden tables byte for byte (and the same rows in Parquet
and Excel). A floor set too low (a release
that cannot be installed with the others, or that breaks the CLI) fails here, not on a user's
machine. Needs the package index (as ``pip install`` does); well under a minute with
the wheels cached.
"""

from __future__ import annotations

import subprocess
import tomllib
import venv
from pathlib import Path

import pandas as pd
import pytest
from packaging.requirements import Requirement

from agreement_nlp.tables.schema import TABLE_NAMES
from tests.conftest import ROOT
from tests.test_golden import GOLDEN


def floor_constraints(pyproject: Path) -> list[str]:
    """``name==floor`` for every runtime dependency with a ``>=`` floor (``==`` pins kept)."""
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    pins = []
    for line in project["dependencies"]:
        requirement = Requirement(line)
        for spec in requirement.specifier:
            if spec.operator in (">=", "=="):
                pins.append(f"{requirement.name}=={spec.version}")
    return pins


def test_every_runtime_dependency_has_a_floor() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert len(floor_constraints(ROOT / "pyproject.toml")) == len(project["dependencies"])


@pytest.mark.slow
def test_the_floors_install_and_give_the_golden_tables(tmp_path: Path) -> None:
    constraints = tmp_path / "floors.txt"
    constraints.write_text("\n".join(floor_constraints(ROOT / "pyproject.toml")) + "\n")
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    install = subprocess.run(
        [python, "-m", "pip", "install", "-c", constraints, str(ROOT)],
        check=False,
        capture_output=True,
        text=True,
        timeout=900,
    )
    said = (install.stdout + install.stderr).splitlines()
    assert install.returncode == 0, "\n".join(x for x in said[-40:] if not x.startswith("WARNING"))
    for fmt in ("csv", "parquet", "xlsx"):
        run = subprocess.run(
            [
                env_dir / "bin" / "agreement-nlp",
                "extract",
                "data/raw",
                "-o",
                tmp_path / fmt,
                "-f",
                fmt,
            ],
            cwd=ROOT,
            check=False,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert run.returncode == 0, f"--format {fmt}: {run.stderr[-3000:]}"
    golden = {t: (GOLDEN / "raw" / f"{t}.csv").read_bytes() for t in TABLE_NAMES}
    changed = [t for t in TABLE_NAMES if (tmp_path / "csv" / f"{t}.csv").read_bytes() != golden[t]]
    assert not changed, f"at the floor versions, tables differ from {GOLDEN / 'raw'}: {changed}"
    sheets = pd.read_excel(tmp_path / "xlsx" / "tables.xlsx", sheet_name=None)
    for t in TABLE_NAMES:
        expected = len(pd.read_csv(GOLDEN / "raw" / f"{t}.csv"))
        assert len(pd.read_parquet(tmp_path / "parquet" / f"{t}.parquet")) == expected, t
        assert len(sheets[t]) == expected, t
