"""Worker processes: the same rows, in the same order, as one process."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from spacy.language import Language

from agreement_nlp.api import iter_article_rows, to_articles
from agreement_nlp.article import Article
from agreement_nlp.run import pool as parallel
from agreement_nlp.run.batch import run_extract
from agreement_nlp.run.pool import iter_rows
from tests.conftest import ROOT

ANNOTATED = sorted((ROOT / "data" / "annotated").glob("*.txt"))


def write_inputs(root: Path) -> Path:
    src = root / "in"
    src.mkdir()
    lines = []
    for i, path in enumerate(ANNOTATED[:9]):
        text = path.read_text(encoding="utf-8")[:600]
        lines.append(json.dumps({"id": path.stem, "text": text}, ensure_ascii=False))
        if i == 4:
            lines.append("{pas du json")  # not ok: must keep its place between workers' chunks
            lines.append(json.dumps({"id": path.stem, "text": "Un doublon."}))  # renamed id
    (src / "lot.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return src


@pytest.mark.slow
@pytest.mark.model
def test_two_workers_write_the_same_bytes_as_one(
    nlp: Language, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = write_inputs(tmp_path)
    run_extract([src], tmp_path / "one", fmt="csv", nlp=nlp, workers=1)
    monkeypatch.setattr(parallel, "CHUNK_ARTICLES", 3)  # 11 articles: 4 chunks over 2 workers
    monkeypatch.setattr(parallel, "POOL_MIN_ARTICLES", 3)
    report = run_extract([src], tmp_path / "two", fmt="csv", workers=2)
    one = {p.name: p.read_bytes() for p in (tmp_path / "one").iterdir()}
    two = {p.name: p.read_bytes() for p in (tmp_path / "two").iterdir()}
    assert two == one
    assert report.rows["articles"] == 11 and report.statuses["error"] == 1
    ids = [line.split(",")[0] for line in one["articles.csv"].decode().splitlines()[1:]]
    assert ids[5:7] == ["lot-6", f"{ANNOTATED[4].stem}~2"]


@pytest.mark.model
def test_small_input_starts_no_worker(nlp: Language) -> None:
    arts = [Article("a", "Le ministre a signé un accord à Lomé.")]
    # A pool would fail on this start method; an input of one chunk never starts one.
    rows = list(iter_rows(arts, workers=4, nlp=nlp, context="no-such-method"))
    ref = list(iter_article_rows(to_articles(Article("a", arts[0].text)), nlp))
    assert rows == ref


@pytest.mark.parametrize(
    ("text", "cores"),
    [("max 100000\n", None), ("200000 100000\n", 2), ("150000 100000", 2), ("junk", None)],
)
def test_a_cgroup_quota_caps_the_default_workers(
    tmp_path: Path, text: str, cores: int | None
) -> None:
    (tmp_path / "cpu.max").write_text(text, encoding="ascii")
    assert parallel._cgroup_quota(tmp_path / "cpu.max") == cores
    assert parallel._cgroup_quota(tmp_path / "missing") is None
    assert 1 <= parallel.default_workers() <= (os.cpu_count() or 1)
