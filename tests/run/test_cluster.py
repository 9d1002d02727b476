"""The Dask engine: the same tables as one process, on a local two-worker cluster."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from spacy.language import Language

from agreement_nlp.api import extract
from agreement_nlp.article import Article
from agreement_nlp.run import cluster as distributed
from agreement_nlp.run.batch import run_extract
from tests.conftest import ROOT

ANNOTATED = sorted((ROOT / "data" / "annotated").glob("*.txt"))


def articles() -> list[Article]:
    out = [Article(p.stem, p.read_text(encoding="utf-8")[:600]) for p in ANNOTATED[:7]]
    out.insert(3, Article("vide", "", status="empty", error="vide: empty"))
    return out


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    from dask.distributed import Client, LocalCluster

    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster) as c,
    ):
        yield c


@pytest.mark.slow
@pytest.mark.model
def test_dask_tables_equal_single_process(
    nlp: Language, client: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(distributed, "PARTITION_ARTICLES", 2)
    ref = extract(articles(), nlp=nlp)
    got = extract(articles(), client=client)
    for name in ref:
        pd.testing.assert_frame_equal(got[name], ref[name], check_exact=True)
    assert len(got.articles) == 8 and got.articles.loc[3, "article_id"] == "vide"

    # the CLI path: the same files, byte for byte
    src = tmp_path / "in"
    src.mkdir()
    for art in articles()[:4]:
        (src / f"{art.article_id}.txt").write_text(art.text or " ", encoding="utf-8")
    run_extract([src], tmp_path / "one", fmt="parquet", nlp=nlp, workers=1)
    run_extract([src], tmp_path / "dask", fmt="parquet", engine="dask", client=client)
    one = {p.name: p.read_bytes() for p in (tmp_path / "one").iterdir()}
    assert {p.name: p.read_bytes() for p in (tmp_path / "dask").iterdir()} == one


def test_missing_dask_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "dask.distributed", None)
    with pytest.raises(distributed.DaskMissingError, match=r"pip install 'agreement_nlp\[dask\]'"):
        list(distributed.iter_rows_dask([Article("a", "x")], client=None))


def test_scheduler_needs_the_dask_engine() -> None:
    from typer.testing import CliRunner

    from agreement_nlp.cli import app

    done = CliRunner().invoke(
        app, ["extract", "x.txt", "-o", "out", "--scheduler", "tcp://127.0.0.1:8786"]
    )
    assert done.exit_code == 2 and "--engine dask" in done.output
