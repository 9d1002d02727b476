"""Every custom ``Doc``/``Span`` attribute the components use, declared in one place.

Called by each component factory (not at import time), so importing the
package never touches spaCy's global state.
"""

from __future__ import annotations

from spacy.tokens import Doc

DOC_EXTENSIONS: dict[str, object] = {
    "article_id": None,
    "published_at": None,  # ISO string, the anchor for relative dates
    "published_at_source": None,  # "record" or "text"
    "content_end": None,  # offset where page furniture starts (None: no furniture)
    "dates": None,  # list[DateMention]
    "persons": None,  # list[Person]
    "home_country": None,  # the country the article speaks from (ISO alpha-3)
    "ministries": None,  # list[Ministry]
    "agreements": None,  # list[Agreement]
}


def register_extensions() -> None:
    for name, default in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
