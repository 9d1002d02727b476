"""What the rules read from a Doc many times, computed once and kept on it.

spaCy rebuilds ``Doc.text`` and ``Doc.ents`` from the tokens on every access;
reading them in a loop over role words or names costs more than the model.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from agreement_nlp.segment.sentences import Segments

_TEXT = "agreement_nlp.text"
_ENTS = "agreement_nlp.ents"
_SEGMENTS = "agreement_nlp.segments"


def text_of(doc: Doc) -> str:
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return str(text)


def entities_of(doc: Doc) -> tuple[Span, ...]:
    ents = doc.user_data.get(_ENTS)
    if ents is None:
        ents = doc.user_data[_ENTS] = tuple(doc.ents)
    return tuple(ents)


def segments_of(doc: Doc) -> Segments:
    """The sentences of the whole text (see :mod:`sentences`)."""
    segs = doc.user_data.get(_SEGMENTS)
    if segs is None:
        segs = doc.user_data[_SEGMENTS] = Segments(doc, text=text_of(doc))
    return segs


def forget(doc: Doc) -> None:
    """Drop the cached values (they are not meant to be serialised with the Doc)."""
    for key in (_TEXT, _ENTS, _SEGMENTS):
        doc.user_data.pop(key, None)
