"""Training examples: every agreement and office holder the rules propose, labelled.

The pipeline runs with the models switched off (``keep_all``), so every
proposal is seen. Each proposal is labelled from the mention-level annotation: its
mentions are laid over the article's ``AGREEMENT`` spans, and the annotated agreement
they overlap most decides. A proposal is a positive when that agreement is ``formal``
and not ``cited_only``; it is a negative when it overlaps no agreement span (a word
sense, a heading) or only informal or cited ones (a private contract, a truce, a
treaty given as legal basis). An office holder (the person model) is right when the
article's gold lists them in the same table (ministers, or officials), by the scorer's name
matching.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language

from agreement_nlp.evaluate.corpus import CorpusArticle, load_corpus
from agreement_nlp.evaluate.gold import GoldArticle
from agreement_nlp.evaluate.matching import same_name
from agreement_nlp.evaluate.scoring_rows import gold_rows
from agreement_nlp.extraction.entities import Agreement, Person
from agreement_nlp.pipeline import build_pipeline
from agreement_nlp.run.local import run_components

MODELS = ("agreements", "persons")
PIPES = ("agreement_agreements", "agreement_persons")


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
class Choice:
    """One proposed agreement that is a reported one: what the status model reads, the
    status its annotated agreement has."""

    article_id: str
    candidates: dict[str, dict[str, float]]  # status -> the features the text gives it
    label: str


@dataclass
class SplitExamples:
    split: str
    examples: list[Example]  # mentions
    proposals: list[Proposal]
    n_gold: int  # gold agreements of the split, proposed or not
    n_articles: int
    choices: list[Choice] = field(default_factory=list)  # statuses of reported proposals


def proposing_pipeline(model: str | None = None) -> Language:
    """The pipeline with every agreement and every office the rules propose kept."""
    nlp = build_pipeline() if model is None else build_pipeline(model)
    for pipe in PIPES:
        nlp.replace_pipe(pipe, pipe, config={"keep_all": True})
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


def _status_spans(record: dict[str, Any]) -> list[tuple[int, int, str]]:
    """(start, end, status) of every AGREEMENT span of a reported agreement (one of a plural)."""
    entities = record.get("entities", {})
    out = []
    for span in record.get("spans", []):
        ids = span.get("entity") or []
        for i in ids if isinstance(ids, list) else [ids]:
            e = entities.get(i, {})
            if span.get("label") == "AGREEMENT" and e.get("formal") and not e.get("cited_only"):
                out.append((int(span["start"]), int(span["end"]), str(e.get("status", "other"))))
    return out


def status_label(parts: list[tuple[int, int]], spans: list[tuple[int, int, str]]) -> str | None:
    """The status of the reported agreement the text parts overlap most, None for none."""
    overlap: dict[str, int] = {}
    for start, end in parts:
        for s_start, s_end, status in spans:
            n = max(0, min(s_end, end) - max(s_start, start))
            if n:
                overlap[status] = overlap.get(status, 0) + n
    return max(sorted(overlap), key=lambda k: overlap[k]) if overlap else None


def _reported(parts: list[tuple[int, int]], spans: list[tuple[int, int, bool]]) -> bool:
    """Whether the text parts overlap reported agreements more than other agreement spans."""
    overlap: dict[bool, int] = {True: 0, False: 0}
    for start, end in parts:
        for s_start, s_end, reported in spans:
            overlap[reported] += max(0, min(s_end, end) - max(s_start, start))
    return overlap[True] > overlap[False]


def _agreement_examples(
    aid: str, agreements: list[Agreement], spans: list[tuple[int, int, bool]]
) -> tuple[list[Example], list[Proposal]]:
    mentions, proposals = [], []
    for a in agreements:
        labels = [_reported([(m.start, m.end)], spans) for m in a.mentions]
        mentions += [Example(aid, f, y) for f, y in zip(a.features, labels, strict=True)]
        whole = _reported([(m.start, m.end) for m in a.mentions], spans)
        proposals.append(Proposal(aid, list(a.features), whole))
    return mentions, proposals


def _person_examples(aid: str, persons: list[Person], gold: GoldArticle) -> list[Example]:
    """Office holders the rules proposed: right when the gold lists them in that table."""
    rows = gold_rows(gold)
    ministers = [r["name"] for r in rows["ministers"]]
    officials = [n for r in rows["officials"] for n in [r["name"], *r["aliases"]]]
    out = []
    for p in persons:
        if not p.features:
            continue
        names = ministers if p.role == "minister" else officials
        out.append(Example(aid, dict(p.features), any(same_name(p.name, n) for n in names)))
    return out


def _labelled(corpus: Sequence[CorpusArticle], nlp: Language) -> Iterator[dict[str, SplitExamples]]:
    """Per article, the labelled examples of each model (a split of one article)."""
    articles = [c.gold.to_article() for c in corpus]
    stream = ((a.text, (a, c)) for a, c in zip(articles, corpus, strict=True) if a.ok)
    ours = [n for n in nlp.pipe_names if n.startswith("agreement_")]
    for doc, (article, item) in nlp.pipe(stream, as_tuples=True, disable=ours):
        run_components(nlp, doc, article)
        aid, gold = article.article_id, item.gold
        spans = _agreement_spans(item.record)
        agreements = list(doc._.agreements or [])
        mentions, proposals = _agreement_examples(aid, agreements, spans)
        statuses = _status_spans(item.record)
        choices = [
            Choice(aid, dict(a.status_features), label)
            for a in agreements
            if (label := status_label([(m.start, m.end) for m in a.mentions], statuses))
        ]
        persons = _person_examples(aid, list(doc._.persons or []), gold)
        n_offices = len(gold.ministers) + len(gold.officials)
        yield {
            "agreements": SplitExamples("", mentions, proposals, len(gold.agreements), 1, choices),
            "persons": SplitExamples(
                "", persons, [Proposal(aid, [e.features], e.label) for e in persons], n_offices, 1
            ),
        }


def collect(
    gold_dir: str | Path, texts: Sequence[str | Path], split: str, nlp: Language
) -> dict[str, SplitExamples]:
    """The labelled examples of one split of a mention-level corpus, per model.

    For the person model, each proposed office holder is one example and one proposal;
    ``n_gold`` counts the gold ministers and officials.
    """
    corpus = load_corpus(gold_dir, texts, [split])
    out = {name: SplitExamples(split, [], [], 0, len(corpus)) for name in MODELS}
    for found in _labelled(corpus, nlp):
        for name, part in found.items():
            out[name].examples.extend(part.examples)
            out[name].proposals.extend(part.proposals)
            out[name].choices.extend(part.choices)
            out[name].n_gold += part.n_gold
    return out
