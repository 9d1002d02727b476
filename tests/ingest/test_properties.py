"""Random text and random bytes: no crash, bounded time, every input accounted for."""

from __future__ import annotations

import gzip
import io
import json
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from agreement_nlp.api import iter_article_rows, to_articles
from agreement_nlp.article import STATUSES
from agreement_nlp.ingest.readers import ReadOptions, iter_articles
from agreement_nlp.text import visible

FORMATS = ["txt", "jsonl", "json", "csv", "tsv", "html"]
quick = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def read_bytes(data: bytes, fmt: str) -> list:  # type: ignore[type-arg]
    return list(iter_articles(["-"], ReadOptions(input_format=fmt, stdin=io.BytesIO(data))))


@quick
@given(data=st.binary(max_size=2000), fmt=st.sampled_from(FORMATS), compress=st.booleans())
def test_random_bytes_never_crash_a_reader(data: bytes, fmt: str, compress: bool) -> None:
    raw = gzip.compress(data) if compress else data
    start = time.monotonic()
    arts = read_bytes(raw, fmt)
    assert time.monotonic() - start < 5
    assert arts, "every input yields at least one row"
    for art in arts:
        assert art.status in STATUSES
        assert art.ok or art.error, "a row that is not ok says why"
        assert art.source is not None and art.source.startswith("<stdin>")


@quick
@given(text=st.text(max_size=1500), fmt=st.sampled_from(FORMATS))
def test_random_text_never_crashes_a_reader(text: str, fmt: str) -> None:
    arts = read_bytes(text.encode("utf-8", errors="surrogatepass"), fmt)
    assert arts and all(a.status in STATUSES for a in arts)
    if fmt == "txt" and arts[0].ok:
        assert arts[0].text == text  # text is kept exactly as read


@quick
@given(
    lines=st.lists(
        st.text(max_size=80).filter(lambda s: "\n" not in s and "\r" not in s), max_size=30
    )
)
def test_every_non_blank_jsonl_line_is_accounted_for(lines: list[str]) -> None:
    data = "\n".join(lines).encode("utf-8", errors="surrogatepass")
    arts = read_bytes(data, "jsonl")
    non_blank = [line for line in lines if line.strip()]
    if non_blank and not all(a.unreadable for a in arts):
        assert len(arts) == len(non_blank)


@settings(
    max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(texts=st.lists(st.text(max_size=300), min_size=1, max_size=4))
@pytest.mark.model
def test_random_text_through_the_pipeline(nlp: Language, texts: list[str], tmp_path: Path) -> None:
    records = [{"id": f"r{i}", "text": t} for i, t in enumerate(texts)]
    rows = list(iter_article_rows(to_articles(records), nlp))
    articles = [r["articles"][0] for r in rows]
    assert [a["article_id"] for a in articles] == [f"r{i}" for i in range(len(texts))]
    assert all(a["status"] in STATUSES for a in articles)


HOSTILE = st.one_of(
    st.characters(),
    st.integers(0xD800, 0xDFFF).map(chr),  # lone surrogates, as JSON escapes carry them
    st.sampled_from(["\u200b", "\u200d", "\ufeff", "\u202e", "\u2066", "\x00", "\x1b", "\r"]),
    st.sampled_from(["Le ministre ", "Awa Ba", " a signé un accord", ". ", "\n"]),
)


@settings(
    max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(texts=st.lists(st.lists(HOSTILE, max_size=120).map("".join), min_size=1, max_size=3))
@pytest.mark.model
def test_hostile_json_text_through_the_pipeline(
    nlp: Language, texts: list[str], tmp_path: Path
) -> None:
    """Control, bidi and zero-width characters and lone surrogates in JSONL: no crash, every
    record accounted for, every mention's offsets point at its text (zero-width and bidi
    characters inside it left out)."""
    dump = tmp_path / "dump.jsonl"
    dump.write_text(
        "".join(json.dumps({"id": f"r{i}", "text": t}) + "\n" for i, t in enumerate(texts)),
        encoding="ascii",  # json.dumps escapes everything, surrogates included
    )
    articles = list(to_articles(dump))
    rows = list(iter_article_rows(articles, nlp))
    assert [r["articles"][0]["article_id"] for r in rows] == [a.article_id for a in articles]
    assert len(articles) == len(texts)
    text_of = {a.article_id: a.text for a in articles}
    for r in rows:
        for m in r.get("mentions", []):
            text = text_of[m["article_id"]]
            assert 0 <= m["start"] <= m["end"] <= len(text)
            # the covered text, its invisible characters left out (names match through them)
            assert visible(text[m["start"] : m["end"]])[0] == m["text"]
