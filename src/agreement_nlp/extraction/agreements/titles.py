"""An agreement's title: what follows its word, up to where the name ends."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from agreement_nlp.extraction.agreements.model import Found
from agreement_nlp.extraction.agreements.rules import (
    AgreementRules,
    domains_of,
)
from agreement_nlp.segment.doccache import text_of
from agreement_nlp.segment.sentences import Segments
from agreement_nlp.text import fold

MAX_TITLE_TOKENS = 45


_STOP_LEMMAS = {"qui", "que", "dont", "lequel", "laquelle", "lesquels", "lesquelles"}


_LIST_ITEM = re.compile(r"[ \t\xa0]*[-•*–][ \t]+(?:(?:d'un|d'une|un|une|le|la|l'|les|des|du)\s*)?")


def _announced_list(text: str, line_start: int) -> bool:
    """Whether the bullet line at ``line_start`` belongs to a list whose first line before
    the bullets ends with a colon."""
    pos = line_start
    while pos > 0:
        prev_start = text.rfind("\n", 0, pos - 1) + 1
        line = text[prev_start : pos - 1].strip()
        if line and not _LIST_ITEM.match(fold(line) + " "):
            return line.endswith(":")
        pos = prev_start
    return False


def _read_title(doc: Doc, segs: Segments, found: Found, rules: AgreementRules) -> None:
    """Decide whether a singular mention names an agreement, and read its title."""
    seg = segs.items[found.seg]
    text = text_of(doc)
    if _heading_or_item(text, found):
        return
    span = doc.char_span(found.start, found.end, alignment_mode="expand")
    if span is None:
        return
    limit = min(len(doc), span.end + MAX_TITLE_TOKENS)
    i, domain_adjective = _after_adjectives(doc, span.end, limit, rules)
    k = _compound_end(doc, i, limit)
    if k > i:
        _name(found, text, doc[k].idx + len(doc[k]))
        return
    head_end = doc[i - 1].idx + len(doc[i - 1])
    title_from, i = _signing_clause(doc, i, limit, seg.end)
    if found.rule.requires_signing and title_from < 0:
        return
    if i >= limit or fold(doc[i].text) not in rules.complements:
        if domain_adjective:
            _name(found, text, doc[i - 1].idx + len(doc[i - 1]))
        return
    # "le contrat de recevoir les doses": a verb after "de" is not what the agreement is about
    if i + 1 < limit and doc[i + 1].pos_ in ("VERB", "AUX") and fold(doc[i].text) in ("de", "d'"):
        return
    last = _title_last_token(doc, i, limit, seg.end)
    if last is None or (last := _trim_end(doc, last, i)) < i:
        return
    _name(found, text, doc[last].idx + len(doc[last]))
    if title_from >= 0:
        found.title = (
            text[found.start : head_end] + " " + text[doc[title_from].idx : found.title_end]
        )


def _name(found: Found, text: str, title_end: int) -> None:
    found.kind = "named"
    found.title_end = title_end
    found.title = text[found.start : title_end]


def _heading_or_item(text: str, found: Found) -> bool:
    """A heading line, or an item of a list announced by a colon, names an agreement."""
    # A heading: the agreement word opens a line of its own.
    line_start = text.rfind("\n", 0, found.start) + 1
    line_end = text.find("\n", found.start)
    line_end = len(text) if line_end < 0 else line_end
    line = text[found.start : line_end].rstrip()
    if (
        not text[line_start : found.start].strip(" \t\xa0-•*#")
        and len(line) < 400
        and not line.endswith(".")
    ):
        found.kind, found.title = "named", line.strip(" :")
        found.title_end = found.start + len(found.title)
        return True
    # "Il s'agit notamment :\n- d'un accord de ... ;\n- d'un programme exécutif ...": each
    # item of a list announced by a colon is an agreement, whatever word it uses.
    if _LIST_ITEM.fullmatch(fold(text[line_start : found.start])) and _announced_list(
        text, line_start
    ):
        found.kind, found.title = "named", line.rstrip(" ;.,")
        found.title_end = found.start + len(found.title)
        found.vetted = True
        return True
    return False


def _after_adjectives(doc: Doc, i: int, limit: int, rules: AgreementRules) -> tuple[int, bool]:
    """The token after the adjectives that follow the word, and whether one names a domain.

    "la convention minière", "un accord historique entre ...": with a complement after
    them the mention is specific; without one, only when an adjective names a domain.
    """
    domain_adjective = False
    j = i
    while j < limit and (
        # "relative", "portant" say what follows is the subject: they are no adjectives here
        (
            doc[j].pos_ == "ADJ"
            and doc[j].text[:1].islower()
            and fold(doc[j].text) not in rules.complements
        )
        or (fold(doc[j].text) == "et" and j + 1 < limit and doc[j + 1].pos_ == "ADJ")
    ):
        domain_adjective = domain_adjective or bool(domains_of(doc[j].text, rules))
        j += 1
    return j, domain_adjective


def _compound_end(doc: Doc, i: int, limit: int) -> int:
    """ "la convention nationale Etat-Employeur", "l'accord UEMOA-Maroc": a capitalised
    compound after the word names who it binds; the index of its last part (``i`` if none)."""
    k = i
    while (
        k + 2 < limit
        and doc[k].text[:1].isupper()
        and not doc[k].whitespace_
        and doc[k + 1].text == "-"
        and not doc[k + 1].whitespace_
        and doc[k + 2].text[:1].isupper()
    ):
        k += 2
    return k


def _signing_clause(doc: Doc, i: int, limit: int, seg_end: int) -> tuple[int, int]:
    """ "l'Accord de financement signé le 9 janvier 2025 à Ouagadougou entre le Burkina Faso
    et la BID": the parties come after the signing clause. ``(title_from, i)``, -1 if none."""
    if i < limit and doc[i].lemma_ in ("signer", "conclure", "parapher"):
        for j in range(i + 1, min(limit, i + 14)):
            if fold(doc[j].text) in ("entre", "avec") and doc[j].idx < seg_end:
                return j, j
    return -1, i


def _title_date_starts(doc: Doc) -> set[int]:
    """A day or a deictic date ends a title; a year or a span of years may belong to it
    ("le plan de travail biennal 2025-2026")."""
    return {
        d.start
        for d in doc._.dates or []
        if d.is_relative
        or d.granularity not in ("year", "range")
        or not re.fullmatch(
            r"(?:(?:l'|l’)?(?:annee|exercice|campagne|periode)\s+)?[\d\s-]+", fold(d.text)
        )
    }


def _hard_stop(doc: Doc, k: int, i: int, limit: int, date_starts: set[int]) -> bool:
    """A token no title runs over: a date, a pronoun, a sentence mark, a finite verb..."""
    tok = doc[k]
    f = fold(tok.text)
    if (
        tok.idx in date_starts
        or tok.pos_ == "PRON"
        or (f in {"se", "s'"} and k > i + 1)
        or (f == "en" and k + 1 < limit and fold(doc[k + 1].text) in {"ce", "cette", "ces"})
    ):
        return True
    if tok.text in {".", ";", ":", "(", ")", "!", "?", "«", "»", "\n"} or (
        tok.is_space and "\n" in tok.text
    ):
        return True
    if f in _STOP_LEMMAS or tok.lemma_ in {"signer", "parapher", "conclure"}:
        return True
    # a capitalised "verb" inside a title is a name the tagger misread ("EXCAF")
    verb = tok.pos_ in ("VERB", "AUX") and not tok.text[:1].isupper()
    if verb and "Fin" in tok.morph.get("VerbForm", []):
        return True
    return (
        verb
        and "Part" in tok.morph.get("VerbForm", [])
        and k > i + 1
        and f != "liant"  # "la convention de concession liant l'État à la société X"
    )


def _title_last_token(doc: Doc, i: int, limit: int, seg_end: int) -> int | None:
    """The last token of the title that starts at ``i``; None when nothing there names one."""
    date_starts = _title_date_starts(doc)
    last = i - 1
    k = i
    while k < limit and doc[k].idx < seg_end:
        tok = doc[k]
        if tok.text == ",":
            # "commerciale, économique, scientifique et technique": an adjective list goes on.
            if k + 1 < limit and doc[k + 1].pos_ == "ADJ" and doc[k + 1].text[:1].islower():
                k += 1
                continue
            break
        if _hard_stop(doc, k, i, limit, date_starts):
            break
        f = fold(tok.text)
        if f in {"par", "hier", "aujourd'hui", "lors", "le", "la", "les", "mardi"} and k == i:
            return None
        if f in {"lors", "hier", "aujourd'hui", "demain", "afin", "alors", "tandis", "mais", "car"}:
            break
        last = k
        k += 1
    return last


def _trim_end(doc: Doc, last: int, i: int) -> int:
    """Drop a trailing preposition or determiner left by the cut."""
    while last >= i and (
        doc[last].pos_ in ("ADP", "DET", "CCONJ")
        or doc[last].is_punct
        or fold(doc[last].text) in ("n'", "ne")  # "la société n'a pas respecté"
    ):
        last -= 1
    return last
