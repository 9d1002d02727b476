"""The HTML itself: :func:`render_html`, from a text and mention rows to a highlighted article."""

from __future__ import annotations

import html as _html
from collections.abc import Collection, Iterable, Mapping
from typing import Any

import pandas as pd

from agreement_nlp.display.spans import (
    _Entities,
    _furniture_spans,
    _legend_order,
    _mention_spans,
    _nest,
    _Node,
    _Span,
)

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


def _fragment(
    text: str,
    spans: list[_Span],
    grey: list[_Span],
    colours: Mapping[str, str],
    *,
    title: str | None,
    legend: bool,
) -> str:
    """The article's ``<div>``: style, title, legend of the shown labels, highlighted text."""
    body = _render(text, _nest([*spans, *grey], len(text)), 0, len(text), colours)
    parts = ['<div class="agreement-nlp-article">', f"<style>{_CSS}</style>"]
    if title and not " ".join(text.split()).startswith(" ".join(title.split())):
        # a text that opens with its title shows it once
        parts.append(f"<h3>{_html.escape(title, quote=False)}</h3>")
    if legend:
        parts.append(_legend(_legend_order(spans), colours, bool(grey)))
    parts.append(f'<div class="an-text">{body}</div>')
    parts.append("</div>")
    return "".join(parts)


def _page(fragment: str, title: str | None) -> str:
    """``fragment`` as a whole HTML document."""
    head_title = _html.escape(title or "agreement_nlp", quote=False)
    return (
        '<!DOCTYPE html>\n<html lang="fr">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{head_title}</title>\n</head>\n<body>\n{fragment}\n</body>\n</html>\n"
    )


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
    found = _Entities.of(persons, ministries, agreements, dates)
    spans = _mention_spans(text, mentions, found, labels, model_entities)
    grey = _furniture_spans(text, furniture, content_end)
    fragment = _fragment(text, spans, grey, colours, title=title, legend=legend)
    return _page(fragment, title) if page else fragment
