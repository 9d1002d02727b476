"""The tense a date expression is used in, read from the Doc's morphology and parse.

Only year-less expressions need it ("le 1er juillet", "mardi"): in a report, a
past verb points to the last such day, a future one to the coming one. Returns a
:class:`Tense` (UNKNOWN for a Doc without morphology).

>>> import spacy
>>> tense_at(spacy.blank("fr")("Il viendra le 3 mai."), 14, 19)
<Tense.UNKNOWN: 0>
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from agreement_nlp.extraction.dates.arithmetic import Tense
from agreement_nlp.extraction.dates.lexicon import Lexicon, load_lexicon
from agreement_nlp.text import fold

_VERBS = ("VERB", "AUX")
_CLIMB = 6  # head steps from the date to its verb; beyond that the parse is unreliable
_WINDOW = 20  # tokens either side when the Doc has no sentences


def _feat(token: Token, name: str) -> list[str]:
    return list(token.morph.get(name, []))


def verb_tense(verb: Token, lex: Lexicon, climbed: int = 0) -> Tense:
    """Tense of one verb with its auxiliaries.

    An infinitive takes the tense of the verb it depends on, at most ``_CLIMB`` steps up:
    the model's parse is not always a tree (a head chain can loop back on itself).
    """
    lemma = fold(verb.lemma_)
    auxes = [c for c in verb.children if c.dep_.startswith("aux")]
    for aux in auxes:
        if "Fut" in _feat(aux, "Tense"):
            return Tense.FUTURE
        if "Cnd" in _feat(aux, "Mood"):
            return Tense.PAST  # "aurait signé": reported past
    tense = _feat(verb, "Tense")
    form = _feat(verb, "VerbForm")
    if auxes and all(a.dep_ == "aux:pass" and "Pres" in _feat(a, "Tense") for a in auxes):
        # A present passive ("est annoncée courant août") says nothing of time.
        return Tense.UNKNOWN
    if "Part" in form and "Past" in tense:
        if any(a.dep_ == "aux:tense" and {"Imp", "Past"} & set(_feat(a, "Tense")) for a in auxes):
            return Tense.PAST  # "avaient dû rationner", "avait prévu": a pluperfect reports
        # "prévu le 12 mai", "attendu le 3 juillet" announce; other participles report.
        return Tense.FUTURE if lemma in lex.future_lemmas else Tense.PAST
    if "Fut" in tense or "Cnd" in _feat(verb, "Mood"):
        return Tense.FUTURE
    if "Past" in tense or "Imp" in tense:
        return Tense.PAST
    if "Inf" in form:
        return _infinitive_tense(verb, lex, climbed)
    finite_present = "Pres" in tense and "Fin" in form
    infinitive = any("Inf" in _feat(c, "VerbForm") for c in verb.children)
    if lemma in ("aller", "devoir") and infinitive:
        return Tense.FUTURE
    return Tense.PRESENT if finite_present else Tense.UNKNOWN


def _infinitive_tense(verb: Token, lex: Lexicon, climbed: int) -> Tense:
    """An infinitive's tense is its head verb's ("va signer", "vient de signer")."""
    head = verb.head
    if climbed >= _CLIMB or head is verb:
        return Tense.UNKNOWN
    if fold(head.lemma_) in lex.future_lemmas:
        # "va signer", "devait signer"
        return Tense.FUTURE if verb_tense(head, lex, climbed + 1) >= 0 else Tense.PAST
    if fold(head.lemma_) == "venir":
        return Tense.PAST  # "vient de signer"
    # "s'est engagé à rendre": the action comes after the past verb, so only a
    # future is inherited.
    if head.pos_ in _VERBS:
        return max(verb_tense(head, lex, climbed + 1), Tense.UNKNOWN)
    return Tense.UNKNOWN


def tense_at(doc: Doc, start: int, end: int, lex: Lexicon | None = None) -> Tense:
    """Tense governing the characters ``start:end`` of ``doc``."""
    if not doc.has_annotation("MORPH"):
        return Tense.UNKNOWN
    lex = lex or load_lexicon()
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return Tense.UNKNOWN
    parsed = doc.has_annotation("DEP")
    token = span.root if parsed else span[0]
    if parsed:
        for _ in range(_CLIMB):
            if token.pos_ in _VERBS or token.head is token:
                break
            token = token.head
        if token.pos_ in _VERBS:
            # The governing verb decides, even when it shows no tense ("reçoit mardi").
            return verb_tense(token, lex)
    # No governing verb (a title, a parse error): the nearest verb that shows a tense.
    if parsed or doc.has_annotation("SENT_START"):
        lo, hi = span.sent.start, span.sent.end
    else:
        lo, hi = max(0, span.start - _WINDOW), min(len(doc), span.end + _WINDOW)
    # an auxiliary speaks for its verb ("a assuré" is a past, not the present of "a")
    verbs = sorted(
        (t for t in doc[lo:hi] if t.pos_ in _VERBS and not t.dep_.startswith("aux")),
        key=lambda t: min(abs(t.i - span.start), abs(t.i - span.end + 1)),
    )
    for verb in verbs:
        found = verb_tense(verb, lex)
        if found:
            return found
    return Tense.UNKNOWN
