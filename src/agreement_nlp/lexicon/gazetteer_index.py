"""The alias index: every form of the countries and organisations, keyed by its folded words.

Building the index checks that each form names one country or organisation
only, and that no organisation code is a country code. Phrases that contain
a country word but name no place ("fleuve Niger", "Amérique latine") are
indexed too, as blocks, so that the longest-match rule of running text masks
them.

>>> from agreement_nlp.lexicon.gazetteer_data import load_countries, load_organisations
>>> countries = {c.code: c for c in load_countries()}
>>> index = build_index(countries, {o.code: o for o in load_organisations()})
>>> [(e.code, e.kind) for e in index.text["djibouti"]]
[('DJI', 'country_name'), ('DJI', 'city')]
>>> index.city_lookup["bamako"], index.prefixes["russo"], index.text["fleuve niger"][0].kind
('MLI', 'RUS', 'block')
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from agreement_nlp.lexicon.gazetteer_data import Country, Organisation
from agreement_nlp.lexicon.gazetteer_forms import (
    BLOCK,
    CITY,
    COUNTRY_NAME,
    DEMONYM,
    ORGANISATION,
    Entry,
    key,
    policy,
)
from agreement_nlp.resources import ResourceError

__all__ = ["NOT_PLACES", "AliasIndex", "build_index"]

# Phrases that contain a country word but name no country. Matched like names
# and dropped, so that the longest-match rule keeps "Niger" in "fleuve Niger"
# from being read as the country.
NOT_PLACES = (
    "fleuve Niger",
    "boucle du Niger",
    "bassin du Niger",
    "delta intérieur du Niger",
    "Office du Niger",
    "fleuve Congo",
    "bassin du Congo",
    "golfe de Guinée",
    "Nouvelle-Guinée",
    "océan Indien",
    "lac Tchad",
    "mer de Chine",
    "Indo-Pacifique",
    "Amérique latine",
    "Amérique du Sud",
    "Amérique du Nord",
    "Amérique centrale",
    "Nouvelle-Angleterre",
    "Nouveau-Mexique",
    *(
        f"{stem}{ending}"
        for stem in ("latino-américain", "sud-américain", "nord-américain", "afro-américain")
        for ending in ("", "e", "s", "es")
    ),
    *(
        f"{stem}{ending}"
        for stem in ("anglo-saxon", "indo-européen")
        for ending in ("", "ne", "s", "nes")
    ),
)

# When one form is several things for the same country ("Djibouti" the
# country and the city, "suisse" the name and the adjective), the first kind
# whose case rule accepts the text wins.
_KIND_ORDER = {COUNTRY_NAME: 0, ORGANISATION: 1, CITY: 2, DEMONYM: 3, BLOCK: 4}


@dataclass
class AliasIndex:
    """The indexes of one gazetteer, keyed by :func:`~.gazetteer_forms.key`.

    ``text`` holds what running text is scanned for (entries in kind order),
    ``lengths`` the word counts of its keys by first word, longest first;
    ``country_lookup``, ``org_lookup`` and ``city_lookup`` serve the lookups
    of single phrases, ``prefixes`` the first parts of compound adjectives.
    """

    text: dict[str, list[Entry]] = field(default_factory=dict)
    country_lookup: dict[str, list[Entry]] = field(default_factory=dict)
    org_lookup: dict[str, list[Entry]] = field(default_factory=dict)
    city_lookup: dict[str, str] = field(default_factory=dict)
    prefixes: dict[str, str] = field(default_factory=dict)
    lengths: dict[str, tuple[int, ...]] = field(default_factory=dict)


def _add(index: dict[str, list[Entry]], key_: str, entry: Entry) -> None:
    entries = index.setdefault(key_, [])
    if entry not in entries:
        entries.append(entry)


class _Builder:
    """Fills an :class:`AliasIndex`, checking that every form has one owner."""

    def __init__(self, countries: Mapping[str, Country], where: str) -> None:
        self.index = AliasIndex()
        self.countries = countries
        self.where = where
        self.owner: dict[str, str] = {}

    def claim(self, form: str, code: str) -> str:
        """The key of ``form``, now owned by ``code``; ResourceError if another owns it."""
        key_ = key(form)
        if not key_:
            raise ResourceError(f"{self.where}: {code}: form {form!r} has no letters")
        if self.owner.setdefault(key_, code) != code:
            raise ResourceError(
                f"{self.where}: {form!r} names both {self.owner[key_]} and {code}; "
                "each form must name one country or organisation"
            )
        return key_

    def add_organisation(self, org: Organisation) -> None:
        if org.code in self.countries:
            raise ResourceError(f"{self.where}: organisation code {org.code} is a country code")
        for form in (org.name, *org.names):
            entry = Entry(org.code, ORGANISATION, policy(form, ORGANISATION), form)
            key_ = self.claim(form, org.code)
            _add(self.index.org_lookup, key_, entry)
            _add(self.index.text, key_, entry)

    def add_country(self, country: Country) -> None:
        hidden = {key(form) for form in country.not_in_text}
        kinds = (
            [(COUNTRY_NAME, form) for form in (country.name, *country.names)]
            + [(DEMONYM, form) for form in country.demonyms]
            + [(CITY, form) for form in (country.capital, *country.cities)]
        )
        for kind, form in kinds:
            entry = Entry(country.code, kind, policy(form, kind), form)
            key_ = self.claim(form, country.code)
            if kind == CITY:
                self.index.city_lookup[key_] = country.code
            else:
                _add(self.index.country_lookup, key_, entry)
            if key_ not in hidden:
                _add(self.index.text, key_, entry)
        for form in country.prefixes:
            self.index.prefixes[self.claim(form, country.code)] = country.code

    def add_non_places(self) -> None:
        for phrase in NOT_PLACES:
            key_ = key(phrase)
            if key_ in self.owner:
                raise ResourceError(f"{self.where}: {phrase!r} is both a place and a non-place")
            self.index.text[key_] = [Entry("", BLOCK, "any", phrase)]

    def finish(self) -> AliasIndex:
        """Sort each form's entries by kind and count the words of the keys."""
        for entries in self.index.text.values():
            entries.sort(key=lambda e: _KIND_ORDER[e.kind])
        lengths: dict[str, set[int]] = {}
        for key_ in self.index.text:
            words = key_.split()
            lengths.setdefault(words[0], set()).add(len(words))
        self.index.lengths = {w: tuple(sorted(ls, reverse=True)) for w, ls in lengths.items()}
        return self.index


def build_index(
    countries: Mapping[str, Country],
    organisations: Mapping[str, Organisation],
    where: str = "gazetteer",
) -> AliasIndex:
    """Index the forms of the countries and organisations, each keyed by its code.

    ``where`` names the data in errors.
    """
    builder = _Builder(countries, where)
    for org in organisations.values():
        builder.add_organisation(org)
    for country in countries.values():
        builder.add_country(country)
    builder.add_non_places()
    return builder.finish()
