"""Highlighting an article's entities in its own text, as HTML.

The tables say *what* was found and the ``mentions`` table says *where*
(character offsets into the text as read). :func:`render_html` puts the two
back together: a pure function from a text and mention rows to an HTML string,
with persons (and their role), ministries, agreements and dates highlighted and
page furniture greyed. It needs no notebook: write the string to a file, or
show it with ``IPython.display.HTML``.

- :func:`render_html` — text + mention rows (+ optional tables for details);
- :func:`render_tables` — one article of a :class:`~agreement_nlp.tables.frames.Tables`;
- :func:`render_doc` — a ``Doc`` that went through the pipeline;
- :func:`render_file` — runs the pipeline on one file and renders it
  (what ``agreement-nlp show FILE --html out.html`` does).

>>> html = render_html(
...     "M. Diop a signé.",
...     [{"label": "PERSON", "start": 3, "end": 7, "entity_id": "P1"}],
...     legend=False,
... )
>>> 'data-start="3" data-end="7"' in html and ">Diop</mark>" in html
True
"""

from __future__ import annotations

import html as _html
import math
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from agreement_nlp.tables.frames import Tables

__all__ = [
    "COLOURS",
    "MODEL_LABELS",
    "render_doc",
    "render_file",
    "render_html",
    "render_tables",
]

# Labels of the model's own entities: shown only when asked for, because they
# duplicate (and often cross) the rule-based mentions.
MODEL_LABELS: frozenset[str] = frozenset({"PER", "ORG", "LOC", "MISC"})

COLOURS: dict[str, str] = {
    "PERSON": "#ffd08a",
    "MINISTRY": "#a8d5ff",
    "AGREEMENT": "#bfe8a8",
    "DATE": "#f8bfd0",
    "COUNTRY": "#dccbf5",
    "ROLE": "#fff1a6",
    "PER": "#ececec",
    "ORG": "#e3ecf3",
    "LOC": "#e8f3e3",
    "MISC": "#f3ece3",
}
# Any other label (e.g. a "MISSED" span added while inspecting an error).
OTHER_COLOUR = "#ffb3a7"
FURNITURE_COLOUR = "#9a9a9a"

# When two spans cover exactly the same characters, the first here is the outer one.
_ORDER = ("AGREEMENT", "MINISTRY", "PERSON", "ROLE", "COUNTRY", "DATE", "ORG", "PER", "LOC")

_CSS = """
.agreement-nlp-article { font-family: Georgia, serif; line-height: 2.1; max-width: 60em; }
.agreement-nlp-article .an-text { white-space: pre-wrap; }
.agreement-nlp-article mark { padding: 0.1em 0.25em; border-radius: 0.3em; color: inherit; }
.agreement-nlp-article mark::after {
  content: attr(data-tag); font: bold 0.62em sans-serif; margin-left: 0.4em;
  text-transform: none; vertical-align: middle; opacity: 0.75;
}
.agreement-nlp-article .an-furniture { color: #9a9a9a; }
.agreement-nlp-article .an-legend { font: 0.8em sans-serif; margin-bottom: 0.8em; }
.agreement-nlp-article .an-legend span { padding: 0.1em 0.4em; border-radius: 0.3em; margin-right: 0.4em; }
""".strip()


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    label: str
    tag: str = ""
    tooltip: str = ""
    entity_id: str | None = None
    rank: int = 0


@dataclass
class _Node:
    span: _Span
    children: list[_Node] = field(default_factory=list)


def _value(row: Mapping[str, Any], key: str) -> Any:
    value = row.get(key)
    if value is None or value is pd.NA:
        return None
    if isinstance(value, float) and math.isnan(value):  # from a CSV read back
        return None
    return value


def _rows(table: pd.DataFrame | Iterable[Mapping[str, Any]] | None) -> list[dict[str, Any]]:
    if table is None:
        return []
    if isinstance(table, pd.DataFrame):
        return [{str(k): v for k, v in r.items()} for r in table.to_dict("records")]
    return [dict(r) for r in table]


def _by(rows: list[dict[str, Any]], key: str) -> dict[str, dict[str, Any]]:
    return {str(r[key]): r for r in rows if _value(r, key) is not None}


def _join(values: Any) -> str:
    if values is None:
        return ""
    if isinstance(values, str):
        return values
    return ", ".join(str(v) for v in values)


def _details(
    label: str,
    row: Mapping[str, Any],
    persons: dict[str, dict[str, Any]],
    ministries: dict[str, dict[str, Any]],
    agreements: dict[str, dict[str, Any]],
    dates: dict[tuple[int, int], dict[str, Any]],
) -> tuple[str, str]:
    """The tag shown after the span and its tooltip, from the entity's table row."""
    eid = _value(row, "entity_id")
    parts: list[str] = []
    tag = label
    if label == "PERSON" and eid in persons:
        p = persons[eid]
        role = _value(p, "role")
        tag = f"PERSON · {role}" if role else label
        parts = [str(eid), str(_value(p, "name") or "")]
        parts += [str(v) for k in ("role_label", "ministry", "country") if (v := _value(p, k))]
    elif label == "MINISTRY" and eid in ministries:
        m = ministries[eid]
        country = _value(m, "country")
        tag = f"MINISTRY · {country}" if country else label
        parts = [str(eid), str(_value(m, "name") or "")]
        if minister := _value(m, "minister"):
            parts.append(f"minister: {minister}")
    elif label == "AGREEMENT" and eid in agreements:
        a = agreements[eid]
        kind = _value(a, "type")
        tag = f"AGREEMENT · {kind}" if kind else label
        parts = [str(eid), str(_value(a, "status") or "")]
        if parties := _join(_value(a, "parties")):
            parts.append(parties)
        if signed_on := _value(a, "signed_on"):
            parts.append(f"signed on {signed_on}")
        if domains := _join(_value(a, "domains")):
            parts.append(domains)
    elif label == "DATE":
        d = dates.get((int(row["start"]), int(row["end"])))
        if d is not None and (value := _value(d, "value")):
            end_value = _value(d, "end_value")
            tag = f"DATE · {value}" + (f"/{end_value}" if end_value else "")
            parts = [str(v) for k in ("granularity", "rule") if (v := _value(d, k))]
    else:
        parts = [str(eid)] if eid else []
    if source := _value(row, "source"):
        parts.append(str(source))
    return tag, " · ".join(p for p in parts if p)


def _nest(spans: list[_Span], length: int) -> list[_Node]:
    """Spans as a tree: a span inside another becomes its child.

    HTML elements cannot cross, so a span that starts inside another and ends
    after it is dropped (the earlier, outer one wins).
    """
    roots: list[_Node] = []
    stack: list[_Node] = []
    ordered = sorted(spans, key=lambda s: (s.start, -s.end, s.rank))
    for span in ordered:
        if not 0 <= span.start < span.end <= length:
            continue
        while stack and span.start >= stack[-1].span.end:
            stack.pop()
        if stack and span.end > stack[-1].span.end:
            continue
        node = _Node(span)
        (stack[-1].children if stack else roots).append(node)
        stack.append(node)
    return roots


def _attr(value: object) -> str:
    return _html.escape(str(value), quote=True)


def _open(span: _Span, colours: Mapping[str, str]) -> str:
    if span.label == "FURNITURE":
        return (
            f'<span class="an-furniture" title="page furniture" style="color: {FURNITURE_COLOUR}">'
        )
    colour = colours.get(span.label, OTHER_COLOUR)
    attrs = [
        f'class="an-{_attr(span.label.lower())}"',
        f'data-label="{_attr(span.label)}"',
        f'data-start="{span.start}"',
        f'data-end="{span.end}"',
    ]
    if span.entity_id:
        attrs.append(f'data-entity="{_attr(span.entity_id)}"')
    attrs.append(f'data-tag="{_attr(span.tag or span.label)}"')
    if span.tooltip:
        attrs.append(f'title="{_attr(span.tooltip)}"')
    # Inline colour too: some viewers drop <style> blocks but keep style attributes.
    attrs.append(f'style="background: {_attr(colour)}"')
    return f"<mark {' '.join(attrs)}>"


def _close(span: _Span) -> str:
    return "</span>" if span.label == "FURNITURE" else "</mark>"


def _render(text: str, nodes: list[_Node], start: int, end: int, colours: Mapping[str, str]) -> str:
    out: list[str] = []
    pos = start
    for node in nodes:
        s = node.span
        out.append(_html.escape(text[pos : s.start], quote=False))
        out.append(_open(s, colours))
        out.append(_render(text, node.children, s.start, s.end, colours))
        out.append(_close(s))
        pos = s.end
    out.append(_html.escape(text[pos:end], quote=False))
    return "".join(out)


def _legend(labels: Iterable[str], colours: Mapping[str, str], furniture: bool) -> str:
    items = [
        f'<span style="background: {_attr(colours.get(label, OTHER_COLOUR))}">{_attr(label)}</span>'
        for label in labels
    ]
    if furniture:
        items.append(f'<span style="color: {FURNITURE_COLOUR}">page furniture</span>')
    return f'<div class="an-legend">{"".join(items)}</div>' if items else ""


def render_html(
    text: str,
    mentions: pd.DataFrame | Iterable[Mapping[str, Any]] = (),
    *,
    persons: pd.DataFrame | Iterable[Mapping[str, Any]] | None = None,
    ministries: pd.DataFrame | Iterable[Mapping[str, Any]] | None = None,
    agreements: pd.DataFrame | Iterable[Mapping[str, Any]] | None = None,
    dates: pd.DataFrame | Iterable[Mapping[str, Any]] | None = None,
    content_end: int | None = None,
    furniture: Iterable[tuple[int, int]] = (),
    labels: Collection[str] | None = None,
    model_entities: bool = False,
    colours: Mapping[str, str] | None = None,
    title: str | None = None,
    legend: bool = True,
    page: bool = False,
) -> str:
    """The text as HTML, with the mentions highlighted at their offsets.

    ``mentions``: rows with ``start``, ``end`` and ``label`` (and optionally
    ``entity_id``, ``source``, ``text``), such as one article's rows of the
    ``mentions`` table. A row whose ``text`` differs from the text at its
    offsets raises ``ValueError``: the mentions belong to another text.

    ``persons``, ``ministries``, ``agreements``, ``dates``: the same article's
    rows of those tables, for the tags and tooltips (a person's role, a
    ministry's country, an agreement's type and parties, a date's value).
    ``content_end`` (from the ``articles`` table) and ``furniture`` (extra
    ``(start, end)`` ranges) are greyed as page furniture.

    ``labels``: which labels to show; by default all but the model's own
    (PER, ORG, LOC, MISC), which ``model_entities=True`` adds. Unknown
    labels (your own, e.g. ``MISSED``) get a default colour; ``colours``
    overrides colours per label. ``page=True`` returns a whole HTML document
    instead of a fragment. The text is HTML-escaped.

    >>> text = "Le 12 mai, <Awa Traoré> a signé."
    >>> rows = [{"label": "DATE", "start": 3, "end": 9, "text": "12 mai"}]
    >>> html = render_html(text, rows, dates=[{"start": 3, "end": 9, "value": "2024-05-12"}])
    >>> 'data-tag="DATE · 2024-05-12"' in html, "&lt;Awa Traoré&gt;" in html
    (True, True)
    """
    colours = {**COLOURS, **(colours or {})}
    persons_by = _by(_rows(persons), "person_id")
    ministries_by = _by(_rows(ministries), "ministry_id")
    agreements_by = _by(_rows(agreements), "agreement_id")
    dates_by = {
        (int(d["start"]), int(d["end"])): d
        for d in _rows(dates)
        if _value(d, "start") is not None and _value(d, "end") is not None
    }

    spans: list[_Span] = []
    shown: list[str] = []
    for row in _rows(mentions):
        label = str(row["label"])
        if labels is not None:
            if label not in labels:
                continue
        elif label in MODEL_LABELS and not model_entities:
            continue
        start, end = int(row["start"]), int(row["end"])
        written = _value(row, "text")
        if written is not None and text[start:end] != written:
            raise ValueError(
                f"mention {label} {written!r} at {start}:{end} does not match the text there "
                f"({text[start:end]!r}): are these the mentions of another article?"
            )
        tag, tooltip = _details(label, row, persons_by, ministries_by, agreements_by, dates_by)
        rank = _ORDER.index(label) if label in _ORDER else len(_ORDER)
        eid = _value(row, "entity_id")
        spans.append(_Span(start, end, label, tag, tooltip, str(eid) if eid else None, rank + 1))
        if label not in shown:
            shown.append(label)

    grey = list(furniture)
    if content_end is not None and 0 <= content_end < len(text):
        grey.append((content_end, len(text)))
    # Furniture ranks first, so that it is the outer element of anything it covers.
    spans += [_Span(int(s), int(e), "FURNITURE", rank=0) for s, e in grey]

    body = _render(text, _nest(spans, len(text)), 0, len(text), colours)
    parts = ['<div class="agreement-nlp-article">', f"<style>{_CSS}</style>"]
    if title:
        parts.append(f"<h3>{_html.escape(title, quote=False)}</h3>")
    if legend:
        order = sorted(shown, key=lambda lab: _ORDER.index(lab) if lab in _ORDER else 99)
        parts.append(_legend(order, colours, bool(grey)))
    parts.append(f'<div class="an-text">{body}</div>')
    parts.append("</div>")
    fragment = "".join(parts)
    if not page:
        return fragment
    head_title = _html.escape(title or "agreement_nlp", quote=False)
    return (
        '<!DOCTYPE html>\n<html lang="fr">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{head_title}</title>\n</head>\n<body>\n{fragment}\n</body>\n</html>\n"
    )


def _one_article(frame: pd.DataFrame, article_id: str) -> pd.DataFrame:
    if "article_id" not in frame.columns:
        return frame
    return frame[frame["article_id"] == article_id]


def render_tables(
    tables: Tables | Mapping[str, pd.DataFrame],
    text: str,
    article_id: str | None = None,
    *,
    extra: Iterable[Mapping[str, Any]] = (),
    **options: Any,
) -> str:
    """One article of ``tables`` highlighted in ``text`` (the article's text as read).

    ``article_id`` may be left out when the tables hold one article.
    ``extra``: more rows to highlight (``start``, ``end``, ``label``), e.g. a
    gold name the pipeline missed. Page furniture is the tail after the
    article's ``content_end`` plus the furniture lines found in ``text``.
    Other options go to :func:`render_html`.

    >>> from agreement_nlp.tables.frames import Tables
    >>> "Rien." in render_tables(Tables.empty(), "Rien.")
    True
    """
    from agreement_nlp.segment.furniture import find_furniture

    ids = [str(a) for a in tables["articles"]["article_id"].tolist()]
    if article_id is None:
        if len(ids) > 1:
            raise ValueError(f"the tables hold {len(ids)} articles: pass article_id (one of {ids})")
        article_id = ids[0] if ids else ""
    elif ids and article_id not in ids:
        raise ValueError(f"no article {article_id!r} in the tables (articles: {ids})")

    article = _one_article(tables["articles"], article_id)
    content_end: int | None = None
    if len(article):
        value = article["content_end"].iloc[0]
        content_end = None if pd.isna(value) else int(value)
        if "title" not in options and not pd.isna(article["title"].iloc[0]):
            options["title"] = str(article["title"].iloc[0])
    furniture = [(f.start, f.end) for f in find_furniture(text)] if text.strip() else []
    mentions = _rows(_one_article(tables["mentions"], article_id)) + _rows(extra)
    return render_html(
        text,
        mentions,
        persons=_one_article(tables["persons"], article_id),
        ministries=_one_article(tables["ministries"], article_id),
        agreements=_one_article(tables["agreements"], article_id),
        dates=_one_article(tables["dates"], article_id),
        content_end=content_end,
        furniture=[*furniture, *options.pop("furniture", ())],
        **options,
    )


def render_doc(doc: Doc, **options: Any) -> str:
    """A ``Doc`` processed by the full pipeline (:func:`~agreement_nlp.load_pipeline`).

    >>> from agreement_nlp import load_pipeline
    >>> doc = load_pipeline()("Le ministre de la Santé, Mme Awa Traoré, est arrivé.")
    >>> 'data-tag="PERSON · minister"' in render_doc(doc, legend=False)
    True
    """
    from agreement_nlp.article import Article
    from agreement_nlp.tables.rows import doc_rows
    from agreement_nlp.tables.schema import TABLE_NAMES, frame

    article = Article(str(doc._.article_id or "doc"), doc.text)
    article.published_at = doc._.published_at
    rows = doc_rows(doc, article)
    tables = {t: frame(t, rows.get(t, [])) for t in TABLE_NAMES}
    furniture = [(s.start_char, s.end_char) for s in doc.spans.get("furniture", [])]
    return render_tables(
        tables,
        doc.text,
        article.article_id,
        furniture=[*furniture, *options.pop("furniture", ())],
        **options,
    )


def render_file(
    path: str | Path,
    *,
    article_id: str | None = None,
    published_at: str | None = None,
    nlp: Language | None = None,
    **options: Any,
) -> str:
    """Run the pipeline on one file and render its article.

    ``path``: a ``.txt`` article, or any input :func:`~agreement_nlp.extract`
    reads (a ``.jsonl`` of several records then needs ``article_id``).
    ``published_at`` resolves relative dates when the text gives no date;
    ``nlp`` is the pipeline (loaded once per process if not given).

    >>> html = render_file("data/raw/mali-russie-accords-2025-06-24.txt", page=True)
    >>> html.startswith("<!DOCTYPE html>"), 'data-entity="A1"' in html
    (True, True)
    """
    from agreement_nlp.api import extract, to_articles

    articles = list(to_articles(Path(path), published_at))
    if article_id is not None:
        articles = [a for a in articles if a.article_id == article_id]
        if not articles:
            raise ValueError(f"{path}: no article with id {article_id!r}")
    if len(articles) != 1:
        ids = [a.article_id for a in articles]
        raise ValueError(f"{path}: {len(articles)} articles, pass article_id (one of {ids})")
    article = articles[0]
    if article.status == "error" and not article.text:
        raise ValueError(article.error or f"{path}: cannot read the article")
    # Keep the text before the run: the tables' offsets point into it.
    text = article.text
    tables = extract([article], nlp=nlp)
    return render_tables(tables, text, article.article_id, **options)
