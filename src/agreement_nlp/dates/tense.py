"""The tense a date expression is used in, read from the Doc's morphology and parse.

Only year-less expressions need it ("le 1er juillet", "mardi"): in a report, a
past verb points to the last such day, a future one to the coming one. Returns
-1 (past), 1 (future) or 0 (present, unknown, or a Doc without morphology).

>>> import spacy
>>> tense_at(spacy.blank("fr")("Il viendra le 3 mai."), 13, 18)
0
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from agreement_nlp.dates.lexicon import Lexicon, load_lexicon
from agreement_nlp.text import fold

_VERBS = ("VERB", "AUX")
_CLIMB = 6  # head steps from the date to its verb; beyond that the parse is unreliable
_WINDOW = 20  # tokens either side when the Doc has no sentences


def _feat(token: Token, name: str) -> list[str]:
    return list(token.morph.get(name, []))


def verb_tense(verb: Token, lex: Lexicon) -> int:
    """Tense of one verb with its auxiliaries: -1 past, 1 future, 0 present/unknown."""
    lemma = fold(verb.lemma_)
    auxes = [c for c in verb.children if c.dep_.startswith("aux")]
    for aux in auxes:
        if "Fut" in _feat(aux, "Tense"):
            return 1
        if "Cnd" in _feat(aux, "Mood"):
            return -1  # "aurait signé": reported past
    tense = _feat(verb, "Tense")
    form = _feat(verb, "VerbForm")
    if "Part" in form and "Past" in tense:
        # "prévu le 12 mai", "attendu le 3 juillet" announce; other participles report.
        return 1 if lemma in lex.future_lemmas else -1
    if "Fut" in tense or "Cnd" in _feat(verb, "Mood"):
        return 1
    if "Past" in tense or "Imp" in tense:
        return -1
    if "Inf" in form:
        head = verb.head
        if head is not verb and fold(head.lemma_) in lex.future_lemmas:
            return 1 if verb_tense(head, lex) >= 0 else -1  # "va signer", "devait signer"
        if head is not verb and fold(head.lemma_) == "venir":
            return -1  # "vient de signer"
        return verb_tense(head, lex) if head is not verb and head.pos_ in _VERBS else 0
    infinitive = any("Inf" in _feat(c, "VerbForm") for c in verb.children)
    if lemma in ("aller", "devoir") and infinitive:
        return 1
    return 0


def tense_at(doc: Doc, start: int, end: int, lex: Lexicon | None = None) -> int:
    """Tense governing the characters ``start:end`` of ``doc``: -1, 0 or 1."""
    if not doc.has_annotation("MORPH"):
        return 0
    lex = lex or load_lexicon()
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return 0
    parsed = doc.has_annotation("DEP")
    token = span.root if parsed else span[0]
    if parsed:
        for _ in range(_CLIMB):
            if token.pos_ in _VERBS or token.head is token:
                break
            token = token.head
        if token.pos_ in _VERBS:
            found = verb_tense(token, lex)
            if found:
                return found
    # Otherwise the nearest verb of the sentence that shows a tense.
    if parsed or doc.has_annotation("SENT_START"):
        lo, hi = span.sent.start, span.sent.end
    else:
        lo, hi = max(0, span.start - _WINDOW), min(len(doc), span.end + _WINDOW)
    verbs = sorted(
        (t for t in doc[lo:hi] if t.pos_ in _VERBS),
        key=lambda t: min(abs(t.i - span.start), abs(t.i - span.end + 1)),
    )
    for verb in verbs:
        found = verb_tense(verb, lex)
        if found:
            return found
    return 0
