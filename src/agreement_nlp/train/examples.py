"""Training examples: every agreement the rules propose in an annotated article, labelled.

The pipeline runs with the agreement model switched off (``keep_all``), so every
proposal is seen. Each proposal is labelled from the mention-level annotation: its
mentions are laid over the article's ``AGREEMENT`` spans, and the annotated agreement
they overlap most decides. A proposal is a positive when that agreement is ``formal``
and not ``cited_only``; it is a negative when it overlaps no agreement span (a word
sense, a heading) or only informal or cited ones (a private contract, a truce, a
treaty given as legal basis).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language

from agreement_nlp.evaluate.corpus import CorpusArticle, load_corpus
from agreement_nlp.pipeline import build_pipeline
from agreement_nlp.run.local import run_components

AGREEMENTS_PIPE = "agreement_agreements"


@dataclass(frozen=True)
class Example:
    """One mention of a proposed agreement: what the model reads, and whether it is right."""

    article_id: str
    features: dict[str, float]
    label: bool


@dataclass(frozen=True)
class Proposal:
    """One proposed agreement: its mentions' features, and whether it is a reported one."""

    article_id: str
    mentions: list[dict[str, float]]
    label: bool


@dataclass(frozen=True)
class SplitExamples:
    split: str
    examples: list[Example]  # mentions
    proposals: list[Proposal]
    n_gold: int  # gold agreements of the split, proposed or not
    n_articles: int


def proposing_pipeline(model: str | None = None) -> Language:
    """The pipeline with every agreement proposal kept."""
    nlp = build_pipeline() if model is None else build_pipeline(model)
    nlp.replace_pipe(AGREEMENTS_PIPE, AGREEMENTS_PIPE, config={"keep_all": True})
    return nlp


def _agreement_spans(record: dict[str, Any]) -> list[tuple[int, int, bool]]:
    """(start, end, reported) of every AGREEMENT span: reported when formal, not cited only."""
    entities = record.get("entities", {})
    out = []
    for span in record.get("spans", []):
        if span.get("label") != "AGREEMENT":
            continue
        ids = span.get("entity") or []
        attrs = [entities.get(i, {}) for i in (ids if isinstance(ids, list) else [ids])]
        # a plural span may stand for several agreements: reported when one of them is
        reported = any(bool(e.get("formal")) and not e.get("cited_only") for e in attrs)
        out.append((int(span["start"]), int(span["end"]), reported))
    return out


def _reported(parts: list[tuple[int, int]], spans: list[tuple[int, int, bool]]) -> bool:
    """Whether the text parts overlap reported agreements more than other agreement spans."""
    overlap: dict[bool, int] = {True: 0, False: 0}
    for start, end in parts:
        for s_start, s_end, reported in spans:
            overlap[reported] += max(0, min(s_end, end) - max(s_start, start))
    return overlap[True] > overlap[False]


def _labelled(
    corpus: Sequence[CorpusArticle], nlp: Language
) -> Iterator[tuple[int, list[Example], list[Proposal]]]:
    """Per article: its number of gold agreements, its labelled mentions and proposals."""
    articles = [c.gold.to_article() for c in corpus]
    stream = ((a.text, (a, c)) for a, c in zip(articles, corpus, strict=True) if a.ok)
    ours = [n for n in nlp.pipe_names if n.startswith("agreement_")]
    for doc, (article, item) in nlp.pipe(stream, as_tuples=True, disable=ours):
        run_components(nlp, doc, article)
        spans = _agreement_spans(item.record)
        aid = article.article_id
        mentions, proposals = [], []
        for a in doc._.agreements or []:
            labels = [_reported([(m.start, m.end)], spans) for m in a.mentions]
            mentions += [Example(aid, f, y) for f, y in zip(a.features, labels, strict=True)]
            whole = _reported([(m.start, m.end) for m in a.mentions], spans)
            proposals.append(Proposal(aid, list(a.features), whole))
        yield len(item.gold.agreements), mentions, proposals


def collect(
    gold_dir: str | Path, texts: Sequence[str | Path], split: str, nlp: Language
) -> SplitExamples:
    """The labelled proposals of one split of a mention-level corpus."""
    corpus = load_corpus(gold_dir, texts, [split])
    examples: list[Example] = []
    proposals: list[Proposal] = []
    n_gold = 0
    for gold_count, mentions, proposed in _labelled(corpus, nlp):
        examples += mentions
        proposals += proposed
        n_gold += gold_count
    return SplitExamples(split, examples, proposals, n_gold, len(corpus))
