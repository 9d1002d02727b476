"""Countries of the persons and ministries of an agreement's sides, corrected after the persons stage."""

from __future__ import annotations

from dataclasses import dataclass

from agreement_nlp.extraction.entities import Ministry, Person, Signatory
from agreement_nlp.lexicon import gazetteer


@dataclass(frozen=True)
class CountryCorrection:
    """A person (and the ministries they head) serves ``country``, not the home country."""

    person_id: str
    country: str


def counterpart_corrections(
    sigs: list[Signatory],
    parties: list[str],
    persons: list[Person],
    ministries: list[Ministry],
    home: str | None,
) -> list[CountryCorrection]:
    """Bilateral signing by two people of the same side is unlikely: when two signatories
    share the home country only by default, the one with the weaker evidence signed for the
    other party ("les deux chefs de la diplomatie, A et B")."""
    if home is None:
        return []
    others = [c for c in parties if c != home and gazetteer.is_country_code(c)]
    if len(others) != 1 or home not in parties:
        return []
    by_id = {p.person_id: p for p in persons}
    home_sigs = [by_id[s.person_id] for s in sigs if s.person_id in by_id and s.country == home]
    if len(home_sigs) < 2 or any(s.country == others[0] for s in sigs):
        return []
    defaulted = [p for p in home_sigs if p.rule and "country:home" in p.rule]
    if not defaulted:
        return []
    # weaker evidence: no portfolio of its own; then the later one in the text
    weakest = sorted(
        defaulted,
        key=lambda p: (
            p.ministry_id is not None and _own_portfolio(p, ministries),
            -p.mentions[0].start,
        ),
    )[0]
    return [CountryCorrection(weakest.person_id, others[0])]


def apply_corrections(
    corrections: list[CountryCorrection],
    sigs: list[Signatory],
    persons: list[Person],
    ministries: list[Ministry],
) -> None:
    """Give the corrected country to the person, their signatures and their ministries,
    recording in their provenance that it came from the counterpart rule."""
    for fix in corrections:
        for p in persons:
            if p.person_id == fix.person_id:
                p.country = fix.country
                p.rule = (p.rule or "").replace("country:home", "country:counterpart")
        for mi in ministries:
            if mi.minister_id == fix.person_id and "country:home" in mi.rule:
                mi.country = fix.country
                mi.rule = mi.rule.replace("country:home", "country:counterpart")
        for s in sigs:
            if s.person_id == fix.person_id:
                s.country = fix.country


def _own_portfolio(p: Person, ministries: list[Ministry]) -> bool:
    """The person's ministry was read from a portfolio, not from a role word alone
    ("chef de la diplomatie")."""
    return any(
        m.ministry_id == p.ministry_id and not m.rule.startswith("rule:role_ministry")
        for m in ministries
    )
