"""The notebooks: stored without outputs, in sync with their generator, and run top to bottom."""

from __future__ import annotations

import importlib.util
import json
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.conftest import ROOT

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")

NOTEBOOKS = ROOT / "notebooks"
PATHS = sorted(NOTEBOOKS.glob("*.ipynb"))
NAMES = [p.name for p in PATHS]


def load_build() -> ModuleType:
    spec = importlib.util.spec_from_file_location("notebooks_build", NOTEBOOKS / "_build.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_three_notebooks_are_there() -> None:
    assert NAMES == ["01_quickstart.ipynb", "02_corpus_analysis.ipynb", "03_evaluation.ipynb"]


@pytest.mark.parametrize("path", PATHS, ids=NAMES)
def test_stored_without_outputs(path: Path) -> None:
    """Our nbstripout check: outputs belong in nobody's diff."""
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "code":
            assert cell.outputs == [], f"{path.name}: cell {i} has outputs"
            assert cell.execution_count is None, f"{path.name}: cell {i} has an execution count"
        assert "execution" not in cell.metadata, f"{path.name}: cell {i} has timing metadata"
    assert set(nb.metadata) <= {"kernelspec", "language_info"}, nb.metadata
    assert nb.metadata["kernelspec"]["name"] == "python3"


def cells(nb: Any) -> list[tuple[str, str, str, dict[str, Any]]]:
    return [(c.id, c.cell_type, c.source, dict(c.metadata)) for c in nb.cells]


@pytest.mark.parametrize("path", PATHS, ids=NAMES)
def test_in_sync_with_the_generator(path: Path) -> None:
    """Cells as ``_build.py`` writes them; notebook metadata may differ (nbstripout keeps
    what a kernel adds to ``language_info``)."""
    built = load_build().NOTEBOOKS[path.name]
    stored = nbformat.read(path, as_version=4)
    assert cells(stored) == cells(built), (
        f"{path.name} differs from notebooks/_build.py: run `python notebooks/_build.py`"
    )
    assert stored.metadata["kernelspec"] == built.metadata["kernelspec"]


@pytest.fixture(scope="module")
def kernel_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """A ``python3`` kernel spec for this interpreter, and a folder for the notebooks' files.

    Put first on JUPYTER_PATH, the spec shadows any other ``python3`` kernel of
    the machine (a user-wide one may point to another Python), and nothing has
    to be installed with ``ipykernel install``.
    """
    root = tmp_path_factory.mktemp("jupyter")
    spec_dir = root / "kernels" / "python3"
    spec_dir.mkdir(parents=True)
    spec = {
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "Python 3 (agreement_nlp tests)",
        "language": "python",
    }
    (spec_dir / "kernel.json").write_text(json.dumps(spec), encoding="utf-8")
    output = tmp_path_factory.mktemp("notebook-output")
    return {"jupyter_path": str(root), "output": output}


class Runs:
    """Runs each notebook once, from the notebooks folder, when a test first asks for it."""

    def __init__(self, env: dict[str, Any]) -> None:
        self.env = env
        self.done: dict[str, tuple[Any, float]] = {}
        self.failed: dict[str, BaseException] = {}

    def __getitem__(self, name: str) -> Any:
        return self.run(name)[0]

    def seconds(self, name: str) -> float:
        return self.run(name)[1]

    def run(self, name: str) -> tuple[Any, float]:
        if name in self.failed:
            pytest.fail(f"{name} did not run: {self.failed[name]}")
        if name not in self.done:
            try:
                self.done[name] = self._execute(NOTEBOOKS / name)
            except Exception as exc:
                self.failed[name] = exc
                raise
            print(f"{name}: {self.done[name][1]:.1f} s")
        return self.done[name]

    def _execute(self, path: Path) -> tuple[Any, float]:
        mp = pytest.MonkeyPatch()
        mp.setenv("JUPYTER_PATH", self.env["jupyter_path"])
        mp.setenv("AGREEMENT_NLP_OUTPUT", str(self.env["output"]))
        # Headless: the notebooks must not depend on a display or on the default backend.
        mp.setenv("MPLBACKEND", "Agg")
        mp.setenv("PYDEVD_DISABLE_FILE_VALIDATION", "1")
        try:
            nb = nbformat.read(path, as_version=4)
            client = nbclient.NotebookClient(
                nb,
                kernel_name="python3",
                timeout=600,
                resources={"metadata": {"path": str(NOTEBOOKS)}},
            )
            started = time.perf_counter()
            client.execute()
            return nb, time.perf_counter() - started
        finally:
            mp.undo()


@pytest.fixture(scope="module")
def executed(kernel_env: dict[str, Any]) -> Runs:
    return Runs(kernel_env)


def outputs(nb: Any, tag: str) -> list[list[Any]]:
    return [c.outputs for c in nb.cells if tag in c.metadata.get("tags", [])]


def mime_types(cell_outputs: list[Any]) -> set[str]:
    return {m for o in cell_outputs for m in o.get("data", {})}


def errors(nb: Any) -> list[str]:
    return [
        o.get("ename", "")
        for c in nb.cells
        for o in c.get("outputs", [])
        if o.output_type == "error"
    ]


@pytest.mark.model
@pytest.mark.slow
@pytest.mark.parametrize("name", NAMES)
def test_runs_top_to_bottom(executed: Runs, name: str) -> None:
    nb = executed[name]
    assert errors(nb) == []
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(c.execution_count for c in code)
    for tag in ("html", "chart"):
        for cell_outputs in outputs(nb, tag):
            wanted = "text/html" if tag == "html" else "image/png"
            assert wanted in mime_types(cell_outputs), f"{name}: a {tag} cell shows no {wanted}"


@pytest.mark.model
@pytest.mark.slow
def test_quickstart_shows_the_highlighted_article(executed: Runs) -> None:
    (html_outputs,) = outputs(executed["01_quickstart.ipynb"], "html")
    page = next(o["data"]["text/html"] for o in html_outputs if "text/html" in o.get("data", {}))
    assert 'data-label="AGREEMENT"' in page and 'data-tag="PERSON · minister"' in page


@pytest.mark.model
@pytest.mark.slow
def test_corpus_analysis_charts_and_export(executed: Runs, kernel_env: dict[str, Any]) -> None:
    assert len(outputs(executed["02_corpus_analysis.ipynb"], "chart")) == 2
    executed.run("01_quickstart.ipynb")
    out = kernel_env["output"]
    report = (out / "agreements_report.csv").read_text(encoding="utf-8-sig")
    assert report.startswith("article_id,agreement_id,title,type")
    assert (out / "agreements_per_month.png").stat().st_size > 0
    assert (out / "quickstart" / "agreements.csv").exists()


@pytest.mark.model
@pytest.mark.slow
def test_evaluation_shows_an_error_in_its_text(executed: Runs) -> None:
    (html_outputs,) = outputs(executed["03_evaluation.ipynb"], "html")
    page = next(o["data"]["text/html"] for o in html_outputs if "text/html" in o.get("data", {}))
    assert 'data-label="MISSED"' in page


@pytest.mark.model
@pytest.mark.slow
def test_modest_run_time(executed: Runs) -> None:
    total = sum(executed.seconds(name) for name in NAMES)
    # Generous for slow CI machines; about a minute on a laptop.
    assert total < 300, f"notebooks took {total:.0f} s together"
