"""Role words around a mention, and the institution or country they name."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from agreement_nlp.extraction.persons.model import (
    RoleMatch,
)
from agreement_nlp.extraction.persons.portfolio import (
    read_portfolio,
)
from agreement_nlp.lexicon import gazetteer
from agreement_nlp.lexicon.roles import find_role_triggers
from agreement_nlp.segment.doccache import entities_of, text_of
from agreement_nlp.segment.furniture import outside_content
from agreement_nlp.text import fold


def _role_matches(doc: Doc, content_end: int, holes: list[tuple[int, int]]) -> list[RoleMatch]:
    out = []
    for trig in find_role_triggers(text_of(doc), 0, content_end):
        if outside_content(trig.start, trig.end, content_end, holes):
            continue
        span = doc.char_span(trig.start, trig.end, alignment_mode="expand")
        if span is None:
            continue
        match = RoleMatch(trig, trig.start, trig.end)
        nxt = span.end
        if trig.rule.portfolio:
            pf = read_portfolio(doc, nxt, limit=_line_end_token(doc, span.end))
            if pf is not None:
                match.portfolio = pf
                match.end = max(match.end, pf.end)
                if pf.country:
                    match.country, match.country_rule = pf.country, "country:portfolio"
                    match.end = max(
                        match.end, doc[pf.end_token - 1].idx + len(doc[pf.end_token - 1])
                    )
            elif nxt < len(doc):
                _country_after(doc, nxt, _line_end_token(doc, nxt), match)
        elif nxt < len(doc):
            _country_after(doc, nxt, _line_end_token(doc, nxt), match)
            if trig.rule.role in ("official", "ambassador", "head_of_state", "head_of_government"):
                _institution_after(doc, match)
        out.append(match)
    return out


_MAX_INSTITUTION_WORDS = 16


def _institution_after(doc: Doc, match: RoleMatch) -> None:  # noqa: C901  the institution rules that the person model (#14) replaces
    """Read what an office belongs to, up to the comma before the name:
    "la représentante de l'UNICEF au Mali, Mme X" (UNICEF), "l'ambassadeur de France
    au Mali, X" (FRA), "le président du Groupe de la BID, Dr X" (BID)."""
    text = text_of(doc)
    end = match.end
    depth = 0
    stop = None
    for pos in range(end, min(len(text), end + 160)):
        ch = text[pos]
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif ch in ",;:\n" and depth == 0:
            stop = pos
            break
        elif ch == "." and depth == 0 and not text[pos - 1 : pos].isupper():
            return
    if stop is None or stop == end:
        return
    stretch = text[end:stop]
    if len(stretch.split()) > _MAX_INSTITUTION_WORDS or not re.match(
        r"\s*(?:[a-zéèêàç]+\s+){0,2}(?:de|du|des|d'|d’|au|aux|à|a|en|auprès|pour|chargée?|[A-Z]{2,})\b",
        stretch,
    ):
        return
    if any(
        e.label_ == "PER" and e.start_char < stop and e.end_char > end for e in entities_of(doc)
    ):
        return
    places = gazetteer.find_places(text, end, stop)
    orgs = [p for p in places if p.kind == "organisation"]
    countries = [p for p in places if p.kind in ("country_name", "demonym")]
    pick = None
    if match.rule.role == "official" and orgs:
        pick, rule = orgs[0], "country:organisation"
    elif countries and not match.country:
        pick, rule = countries[0], "country:name"
    elif orgs and not match.country:
        pick, rule = orgs[0], "country:organisation"
    if pick is not None:
        match.country, match.country_rule = pick.code, rule
    match.end = stop


def _line_end_token(doc: Doc, i: int) -> int:
    """Index of the first token after ``i`` that holds a line break (the parser's
    sentences sometimes cut a long portfolio; lines do not)."""
    for j in range(i, min(len(doc), i + 60)):
        if "\n" in doc[j].text or "\n" in doc[j].whitespace_:
            return j + 1 if "\n" in doc[j].whitespace_ else j
    return min(len(doc), i + 60)


def _country_after(doc: Doc, i: int, limit: int, match: RoleMatch) -> None:
    """ "président russe", "ambassadeur de France", "président du Sénégal"."""
    tok = doc[i]
    if tok.text[:1].islower() and (code := gazetteer.country_code(tok.text)):
        match.country, match.country_rule = code, "country:demonym"
        match.end = tok.idx + len(tok)
        return
    if fold(tok.text) in {"de", "du", "des", "d'"}:
        j = i + 1
        if j < limit and fold(doc[j].text) in {"la", "l'"}:
            j += 1
        for n in range(min(5, limit - j), 0, -1):
            span = doc[j : j + n]
            code = gazetteer.country_code(span.text)
            if code:
                match.country, match.country_rule = code, "country:name"
                match.end = span.end_char
                return


# "Moses Rono de BBC": the model runs a name into its employer's acronym.
_EMPLOYER = re.compile(r"\s(?:de|du|d')\s*[A-Z]{2,}\b.*$")
