"""Persons and ministries of one article.

1. Name mentions: the model's PER entities, cleaned of titles and glued role
   words ("Président Goïta", "Général d'armée Assimi Goïta"), plus names the
   model missed right after a role ("le ministre de la Santé, Awa BA").
2. Mentions are grouped into persons (:mod:`names`): spelling variants and
   surname-only mentions join the right person.
3. Roles come from the role words next to a mention (:mod:`roles`): before
   it ("le ministre de X, NAME"), after it ("NAME, ministre de X"), glued to
   it ("le ministre NAME"), or over a list ("les deux chefs de la diplomatie,
   A et B"); bylines give journalists.
4. Ministries come from every "ministre/ministère" + portfolio, named
   minister or not."""

from __future__ import annotations

from spacy.tokens import Doc

from agreement_nlp.extraction.entities import Mention, Ministry, Person
from agreement_nlp.extraction.persons.countries import _resolve_counterparts, home_country
from agreement_nlp.extraction.persons.decision import OFFICES, decide_role
from agreement_nlp.extraction.persons.features import role_features
from agreement_nlp.extraction.persons.grouping import group_mentions
from agreement_nlp.extraction.persons.linking import _link_roles
from agreement_nlp.extraction.persons.mentions import _name_mentions
from agreement_nlp.extraction.persons.ministries import _ministries
from agreement_nlp.extraction.persons.model import EXPLICIT, Evidence
from agreement_nlp.extraction.persons.portfolio import (
    ministry_name,
)
from agreement_nlp.extraction.persons.role_context import _role_matches
from agreement_nlp.lexicon.names import (
    best_surface,
    display_case,
)
from agreement_nlp.segment.doccache import segments_of
from agreement_nlp.segment.furniture import content_bounds


def _sentence(doc: Doc, start: int) -> str:
    """The sentence holding ``start`` (the project's sentence rule, see :mod:`sentences`)."""
    segs = segments_of(doc)
    if not len(segs):
        return ""
    return segs.text_of(segs.index_of(start))


def extract_persons_and_ministries(
    doc: Doc, *, keep_all: bool = False
) -> tuple[list[Person], list[Ministry], str | None]:
    """Persons, ministries and the article's home country (see :func:`home_country`).

    The rules give each person a role; the trained model of
    :mod:`~agreement_nlp.extraction.persons.decision` keeps the offices it finds likely
    (``keep_all`` keeps every one, as training needs) and gives each its confidence.
    """
    content_end, holes = content_bounds(doc)
    roles = _role_matches(doc, content_end, holes)
    mentions = _name_mentions(doc, roles, content_end, holes)
    evidence = _link_roles(doc, roles, mentions)
    home = home_country(doc, content_end, roles)
    index = {id(m): i for i, m in enumerate(mentions)}

    persons: list[Person] = []
    person_of_role: dict[int, Person] = {}
    for n, group in enumerate(group_mentions(mentions), start=1):
        ev = [e for m in group for e in evidence[index[id(m)]]]
        surfaces = [m.text for m in group]
        name = display_case(best_surface(surfaces))  # "Oumar DIOP" is shown "Oumar Diop"
        person = Person(
            person_id=f"P{n}",
            name=name,
            mentions=[Mention(m.text, m.start, m.end, m.source) for m in group],
            title=next((m.title for m in group if m.title), None),
            aliases=sorted({s for s in surfaces if s != name}),
        )
        best = _assign_role(person, ev, home, doc)
        if best is not None and person.role in OFFICES:
            decide_role(person, role_features(person, best, ev, doc), keep_all)
        for e in ev:
            person_of_role[id(e.role)] = person
        persons.append(person)

    _resolve_counterparts(persons)
    ministries = _ministries(doc, roles, person_of_role, persons, home)
    return persons, ministries, home


def _assign_role(person: Person, ev: list[Evidence], home: str | None, doc: Doc) -> Evidence | None:
    """Role, ministry and country from the strongest evidence; that evidence."""
    if not ev:
        person.role, person.rule = "other", "no_role"
        return None
    # Strongest evidence first; among equals, a portfolio and a stated country help.
    ev.sort(
        key=lambda e: (e.strength, e.role.portfolio is not None, e.role.country is not None),
        reverse=True,
    )
    # "en remplacement de Monsieur X", "l'ancien ministre X": a former office holder,
    # whatever else is said of them.
    former = [e for e in ev if e.role.rule.former and e.strength == EXPLICIT]
    best = former[0] if former else ev[0]
    rule = best.role.rule
    person.role = "other" if rule.former else rule.role
    person.role_label = " ".join(best.role.trigger.text.split())
    person.role_mention = Mention(
        doc.text[best.role.start : best.role.end], best.role.start, best.role.end, "rule:role"
    )
    person.evidence = _sentence(doc, best.mention.start)
    person.rule = f"role:{rule.pattern}"
    if person.role == "minister":
        with_pf = next(
            (e.role for e in ev if e.role.portfolio is not None and not e.role.rule.former), None
        )
        if with_pf is not None and with_pf.portfolio is not None:
            person.ministry = ministry_name(with_pf.portfolio.text, with_pf.rule.ministry_prefix)
        elif rule.ministry:
            person.ministry = ministry_name(rule.ministry, rule.ministry_prefix)
    countries = [e.role for e in ev if e.role.country]
    if countries:
        person.country = countries[0].country
        person.rule += f";{countries[0].country_rule}"
    elif person.role != "journalist" and home:
        person.country = home
        person.rule += ";country:home"
    return best
