"""Countries and organisations: the gazetteer and its lookups in running text.

The data lives in ``resources/countries.csv`` and ``resources/organisations.csv``
(their header comments document the columns and the naming decisions). Both
are validated on load and indexed once, keyed by folded word sequences
(:func:`agreement_nlp.text.fold`, words joined by one space), so accents,
case, apostrophes and the hyphen/space choice ("Guinée-Bissau", "Guinée
Bissau") do not matter for the lookup itself. Case then decides whether a
match counts in running text:

- acronyms (a form written in capitals in the data: "UA", "BAD", "USA") only
  when written in capitals, or Capitalised from four letters up ("Cedeao");
- country names and cities when at least one of their words (articles and
  prepositions aside) is capitalised, so "chili" or "bénin" are not countries;
- demonyms and prefixes when each word is lower-case or Capitalised ("russe",
  "Maliens"), never in capitals;
- multi-word organisation names in any case ("banque mondiale").

Text is scanned left to right and the longest form at each word wins, so
"Guinée équatoriale" is not "Guinée", and phrases such as "fleuve Niger" or
"Amérique latine" are masked. A one-word city right after a Capitalised word
("Mehmet Ali KAYA") is taken for a surname.

This module is the gazetteer's interface; its parts live beside it:
:mod:`.gazetteer_data` reads and validates the files, :mod:`.gazetteer_forms`
folds forms and holds the case rules, :mod:`.gazetteer_index` builds the alias
index and :mod:`.gazetteer_text` finds places in running text.

>>> [(m.code, m.kind) for m in find_places("la Commission russo-malienne")]
[('RUS', 'prefix'), ('MLI', 'demonym')]
>>> country_code("la République du Mali"), organisation_code("Banque mondiale")
('MLI', 'BM')
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, lru_cache
from pathlib import Path

from agreement_nlp.lexicon.gazetteer_data import (
    COUNTRIES_FILE,
    ORGANISATION_KINDS,
    ORGANISATIONS_FILE,
    Country,
    Organisation,
    load_countries,
    load_organisations,
)
from agreement_nlp.lexicon.gazetteer_forms import (
    CITY,
    COUNTRY_NAME,
    DEMONYM,
    FUNCTION_WORDS,
    KINDS,
    ORGANISATION,
    PREFIX,
    WORD,
    Entry,
    accepts,
    fold_same_length,
    key,
)
from agreement_nlp.lexicon.gazetteer_index import build_index
from agreement_nlp.lexicon.gazetteer_text import PlaceMatch, find_in_text
from agreement_nlp.text import fold

__all__ = [
    "CITY",
    "COUNTRIES_FILE",
    "COUNTRY_NAME",
    "DEMONYM",
    "KINDS",
    "ORGANISATION",
    "ORGANISATIONS_FILE",
    "ORGANISATION_KINDS",
    "PREFIX",
    "Country",
    "Gazetteer",
    "Organisation",
    "PlaceMatch",
    "city_country",
    "country_code",
    "country_name",
    "find_places",
    "gazetteer",
    "is_country_code",
    "is_incidental",
    "is_organisation_code",
    "load_countries",
    "load_organisations",
    "organisation_code",
    "organisation_kind",
    "organisation_name",
]

_LEADING = frozenset({"le", "la", "les", "l", "du", "des", "de", "d", "au", "aux", "en", "a"})
# Official forms not listed in the data are still understood: "République
# de l'Ouganda" is "Ouganda" behind a title and a few adjectives.
_TITLES = frozenset(
    {
        "republique",
        "royaume",
        "etat",
        "federation",
        "principaute",
        "sultanat",
        "emirat",
        "confederation",
        "union",
        "commonwealth",
    }
)
_TITLE_WORDS = FUNCTION_WORDS | {
    "federale",
    "federative",
    "democratique",
    "populaire",
    "islamique",
    "arabe",
    "socialiste",
    "unie",
    "cooperative",
    "independant",
    "plurinational",
    "bolivarienne",
    "orientale",
    "hachemite",
}


def _without_title(words: list[str]) -> list[str] | None:
    """The words of an official form after its title and adjectives; None if it has no title.

    >>> _without_title("la republique democratique du congo".split())
    ['congo']
    >>> _without_title(["republique"]) is None, _without_title(["mali"]) is None
    (True, True)
    """
    while words and words[0] in _LEADING:
        words = words[1:]
    if len(words) < 2 or words[0] not in _TITLES:
        return None
    words = words[1:]
    while words and words[0] in _TITLE_WORDS:
        words = words[1:]
    return words


class Gazetteer:
    """Indexes over a set of countries and organisations.

    Build one with :meth:`load` (the package data, or other files); the
    module-level functions use a shared default instance.

    >>> gaz = Gazetteer.load()
    >>> gaz.city_country("Ouagadougou")
    'BFA'
    """

    def __init__(
        self,
        countries: Iterable[Country],
        organisations: Iterable[Organisation],
        where: str = "gazetteer",
    ) -> None:
        self.countries: dict[str, Country] = {c.code: c for c in countries}
        self.organisations: dict[str, Organisation] = {o.code: o for o in organisations}
        self._index = build_index(self.countries, self.organisations, where)

    @classmethod
    def load(
        cls, countries: str | Path | None = None, organisations: str | Path | None = None
    ) -> Gazetteer:
        """Load and index the package data, or the given files."""
        where = f"{countries or COUNTRIES_FILE} + {organisations or ORGANISATIONS_FILE}"
        return cls(load_countries(countries), load_organisations(organisations), where)

    # ------------------------------------------------------------------ running text

    def find_places(self, text: str, start: int = 0, end: int | None = None) -> list[PlaceMatch]:
        """All non-overlapping mentions in ``text[start:end]``, left to right.

        At each word the longest known form wins; compound adjectives
        ("russo-malienne", "sino-africain") give one match per known part.

        >>> [(m.code, m.kind, m.text) for m in Gazetteer.load().find_places("à Bamako")]
        [('MLI', 'city', 'Bamako')]
        """
        return find_in_text(self._index, text, start, end)

    # ------------------------------------------------------------------ lookups

    def _lookup(self, index: dict[str, list[Entry]], phrase: str) -> Entry | None:
        folded = fold_same_length(phrase)
        spans = [(m.start(), m.end()) for m in WORD.finditer(folded)]
        keys = [folded[s:e] for s, e in spans]
        original = [phrase[s:e] for s, e in spans]
        while keys:
            for entry in index.get(" ".join(keys), ()):
                # Case is not checked for a phrase the caller already singled
                # out, except that acronyms stay acronyms: "bad" is no bank.
                if entry.policy != "acronym" or accepts(entry, original):
                    return entry
            if keys[0] not in _LEADING or len(keys) == 1:
                return None
            keys, original = keys[1:], original[1:]
        return None

    def country_code(self, phrase: str) -> str | None:
        """ISO code of a country name, official form or demonym; None if unknown.

        Leading articles and prepositions are ignored.

        >>> g = Gazetteer.load()
        >>> g.country_code("du Sénégal"), g.country_code("maliens"), g.country_code("Lune")
        ('SEN', 'MLI', None)
        """
        stripped = phrase.strip()
        if stripped in self.countries:
            return stripped
        entry = self._lookup(self._index.country_lookup, stripped)
        if entry:
            return entry.code
        words = _without_title(key(stripped).split())
        if words is None:
            return None
        for entry in self._index.country_lookup.get(" ".join(words), ()):
            if entry.kind == COUNTRY_NAME:
                return entry.code
        return None

    def organisation_code(self, phrase: str) -> str | None:
        """Code of an organisation from its name or acronym; None if unknown.

        >>> Gazetteer.load().organisation_code("la Banque africaine de développement")
        'BAD'
        """
        stripped = phrase.strip()
        if stripped in self.organisations:
            return stripped
        entry = self._lookup(self._index.org_lookup, stripped)
        return entry.code if entry else None

    def city_country(self, name: str) -> str | None:
        """ISO code of the country of a city, capital or territory; None if unknown.

        >>> Gazetteer.load().city_country("à Abidjan")
        'CIV'
        """
        words = key(name).split()
        while words:
            code = self._index.city_lookup.get(" ".join(words))
            if code or words[0] not in _LEADING:
                return code
            words = words[1:]
        return None

    def country_name(self, code: str) -> str:
        """French short name of a country code; KeyError if unknown."""
        return self.countries[code].name


@cache
def gazetteer() -> Gazetteer:
    """The package's gazetteer, loaded and indexed once."""
    return Gazetteer.load()


def find_places(text: str, start: int = 0, end: int | None = None) -> list[PlaceMatch]:
    """Countries, demonyms, prefixes, cities and organisations in ``text[start:end]``.

    The rules ask again and again about the same stretches of one article (seven calls in
    ten repeat one), so the answers for the last stretches asked about are kept.

    >>> [(m.code, m.kind) for m in find_places("son homologue nigérien à Niamey")]
    [('NER', 'demonym'), ('NER', 'city')]
    """
    return list(_places(text, start, end))


@lru_cache(maxsize=1024)
def _places(text: str, start: int, end: int | None) -> tuple[PlaceMatch, ...]:
    return tuple(gazetteer().find_places(text, start, end))


def country_code(phrase: str) -> str | None:
    """ISO code of a country name, official form or demonym.

    >>> country_code("la Fédération de Russie"), country_code("ivoiriennes")
    ('RUS', 'CIV')
    """
    return gazetteer().country_code(phrase)


_CURRENCY_BEFORE = ("dollars ", "dollar ", "livres ", "livre ")
_DETERMINER_BEFORE = re.compile(r"(?:^|\W)(?:l'|le |la |les |un |une )$")


def is_incidental(text: str, p: PlaceMatch) -> bool:
    """A place word that names neither a party nor a country the article speaks for: a
    currency ("30 millions de dollars US", "dollars américains") or a person's
    nationality ("l'Australien Peter Holloway").

    >>> t = "un prêt de 30 millions de dollars américains"
    >>> [is_incidental(t, p) for p in find_places(t)]
    [True]
    >>> t = "paraphé par l'Australien Peter Holloway pour la partie malienne"
    >>> [(p.code, is_incidental(t, p)) for p in find_places(t)]
    [('AUS', True), ('MLI', False)]
    """
    before = fold(text[max(0, p.start - 9) : p.start])
    if before.endswith(_CURRENCY_BEFORE):
        return True
    return (
        p.kind == DEMONYM
        and text[p.start : p.start + 1].isupper()
        and bool(_DETERMINER_BEFORE.search(before))
    )


def organisation_code(phrase: str) -> str | None:
    """Code of an organisation. ``organisation_code("CEDEAO") == "CEDEAO"``."""
    return gazetteer().organisation_code(phrase)


def city_country(name: str) -> str | None:
    """Country of a city. ``city_country("Moscou") == "RUS"``."""
    return gazetteer().city_country(name)


def is_country_code(code: object) -> bool:
    """Whether ``code`` is a country code of the gazetteer. ``is_country_code("MLI")``."""
    return isinstance(code, str) and code in gazetteer().countries


def is_organisation_code(code: object) -> bool:
    """Whether ``code`` is an organisation code. ``is_organisation_code("BAD")``."""
    return isinstance(code, str) and code in gazetteer().organisations


def country_name(code: str) -> str:
    """French short name. ``country_name("RUS") == "Russie"``; KeyError if unknown."""
    return gazetteer().country_name(code)


def organisation_name(code: str) -> str:
    """French name. ``organisation_name("BM") == "Banque mondiale"``; KeyError if unknown."""
    return gazetteer().organisations[code].name


def organisation_kind(code: str) -> str:
    """``organisation``, ``bank`` or ``agency``; KeyError if unknown."""
    return gazetteer().organisations[code].kind
