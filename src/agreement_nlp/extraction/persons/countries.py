"""Whose government a person serves: the article's home country, counterparts."""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc

from agreement_nlp.extraction.entities import Person
from agreement_nlp.extraction.persons.model import RoleMatch
from agreement_nlp.lexicon import gazetteer
from agreement_nlp.segment.doccache import text_of
from agreement_nlp.text import fold

_HOST = re.compile(r"\b(?:au|aux|en)\s+((?:[A-ZÀ-Ý][\w'’-]*)(?:\s+[A-ZÀ-Ý][\w'’-]*)?)")


_COUNTERPART = re.compile(r"(?<![\w-])homologues?\s+([\w-]+)")


def home_country(doc: Doc, content_end: int, roles: list[RoleMatch]) -> str | None:
    """The country the article speaks from.

    Press names foreign office holders with a qualifier ("son homologue russe",
    "le ministre du Développement économique de la Fédération de Russie") and
    its own government without one. So the home country is the most named
    country (names count double, demonyms and cities once) among those that do not
    qualify a role; if every country qualifies one, the most named overall.
    """
    counts, first = _country_counts(doc, content_end)
    if not counts:
        return None
    # Only a qualifier glued to the role ("le ministre russe", "ministre ... de la Fédération
    # de Russie") says "foreign"; "directeur de la Société nationale du Sénégal" does not.
    qualifying = {
        r.country
        for r in roles
        if r.country and r.country_rule in ("country:demonym", "country:portfolio")
    }
    _count_host_countries(text_of(doc), roles, counts, first)
    counterpart = _counterpart_countries(text_of(doc), content_end, roles)
    # "son homologue russe" marks a foreign country for sure; a qualified role
    # ("le ministre sénégalais") only most of the time.
    candidates = (
        [c for c in counts if c not in counterpart and c not in qualifying]
        or [c for c in counts if c not in counterpart]
        or list(counts)
    )
    return max(candidates, key=lambda c: (counts[c], -first[c]))


def _country_counts(doc: Doc, content_end: int) -> tuple[Counter[str], dict[str, int]]:
    """How often each country is named (names twice, demonyms and cities once), and where first."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for p in gazetteer.find_places(text_of(doc), 0, content_end):
        if (
            p.kind in ("country_name", "demonym", "prefix", "city")
            and gazetteer.is_country_code(p.code)
            and not gazetteer.is_incidental(text_of(doc), p)
        ):
            counts[p.code] += 2 if p.kind == "country_name" else 1
            first.setdefault(p.code, p.start)
    return counts, first


def _count_host_countries(
    text: str, roles: list[RoleMatch], counts: Counter[str], first: dict[str, int]
) -> None:
    """ "l'ambassadeur de France au Mali": the host country is where the article stands."""
    for r in roles:
        if r.rule.role == "ambassador":
            host = _HOST.search(text, r.trigger.end, min(len(text), r.end + 40))
            code = gazetteer.country_code(host.group(1)) if host else None
            if code:
                counts[code] += 2
                first.setdefault(code, r.start)


def _counterpart_countries(text: str, content_end: int, roles: list[RoleMatch]) -> set[str]:
    """Countries that "son homologue X" marks as foreign."""
    counterpart = set()
    for m in _COUNTERPART.finditer(fold(text[:content_end])):
        code = gazetteer.country_code(m.group(1))
        if not code:
            continue
        # "le Président de la République du Ghana a reçu son homologue ivoirien": the
        # counterpart is foreign to the person named before, who may be the foreigner.
        sentence_start = max(text.rfind(". ", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
        before = [
            r.country
            for r in roles
            if sentence_start <= r.start < m.start()
            and r.country
            and r.country != code
            and r.country_rule == "country:name"
            and not r.rule.plural
        ]
        counterpart.add(before[-1] if before else code)
    return counterpart


_COUNTERPART_WINDOW = 400


def _resolve_counterparts(persons: list[Person]) -> None:
    """ "son homologue marocain, X": X holds the same office as the person named
    just before, in another country (the country comes from the demonym)."""
    for p in persons:
        if p.role != "counterpart":
            continue
        first = p.mentions[0].start
        before = [
            (m.start, q)
            for q in persons
            if q is not p and q.role not in ("counterpart", "other", "journalist")
            for m in q.mentions
            if first - _COUNTERPART_WINDOW <= m.start < first
        ]
        if before:
            other = max(before, key=lambda x: x[0])[1]
            p.role = other.role
            p.rule = (p.rule or "") + f";role_of:{other.person_id}"
        else:
            p.role = "other"
