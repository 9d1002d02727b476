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

The modules: :mod:`.spans` (rows to nested spans), :mod:`.markup` (the HTML,
:func:`render_html`), :mod:`.articles` (tables and ``Doc``), :mod:`.files` (a file).
``Tables.show(article_id)`` renders one article of what :func:`agreement_nlp.extract` returned.

>>> html = render_html(
...     "M. Diop a signé.",
...     [{"label": "PERSON", "start": 3, "end": 7, "entity_id": "P1"}],
...     legend=False,
... )
>>> 'data-start="3" data-end="7"' in html and ">Diop</mark>" in html
True
"""

from __future__ import annotations

from agreement_nlp.display.articles import Html, render_doc, render_tables
from agreement_nlp.display.files import render_file
from agreement_nlp.display.markup import COLOURS, render_html
from agreement_nlp.display.markup import FURNITURE_COLOUR as FURNITURE_COLOUR
from agreement_nlp.display.markup import OTHER_COLOUR as OTHER_COLOUR
from agreement_nlp.display.spans import MODEL_LABELS

__all__ = [
    "COLOURS",
    "MODEL_LABELS",
    "Html",
    "render_doc",
    "render_file",
    "render_html",
    "render_tables",
]
