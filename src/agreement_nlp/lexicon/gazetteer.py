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

>>> [(m.code, m.kind) for m in find_places("la Commission russo-malienne")]
[('RUS', 'prefix'), ('MLI', 'demonym')]
>>> country_code("la République du Mali"), organisation_code("Banque mondiale")
('MLI', 'BM')
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from agreement_nlp.resources import ResourceError, check_choice, check_keys, resource_path
from agreement_nlp.text import fold

__all__ = [
    "KINDS",
    "ORGANISATION_KINDS",
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

COUNTRIES_FILE = "countries.csv"
ORGANISATIONS_FILE = "organisations.csv"

COUNTRY_NAME = "country_name"
DEMONYM = "demonym"
PREFIX = "prefix"
CITY = "city"
ORGANISATION = "organisation"
KINDS = (COUNTRY_NAME, DEMONYM, PREFIX, CITY, ORGANISATION)
ORGANISATION_KINDS = ("organisation", "bank", "agency")

_COUNTRY_COLUMNS = ("code", "name", "names", "demonyms", "prefixes", "capital", "cities")
_COUNTRY_OPTIONAL = ("not_in_text",)
_ORGANISATION_COLUMNS = ("code", "name", "names", "kind")

_COUNTRY_CODE = re.compile(r"[A-Z]{3}")
# Acronyms ("BAD", "ZLECAf", "AUDA-NEPAD") or a short name ("G5 Sahel").
_ORGANISATION_CODE = re.compile(r"[A-Z0-9](?:[\w'&+-]| (?! ))*[\w+]")
_WORD = re.compile(r"\w+")
# What may separate the words of one name in running text: a space or two, or
# a hyphen, apostrophe or slash with optional spaces ("Côte d' Ivoire", "VIH/sida").
_JOIN = re.compile(r"\s{1,2}|\s?['/-]\s?")

# Phrases that contain a country word but name no country. Matched like names
# and dropped, so that the longest-match rule keeps "Niger" in "fleuve Niger"
# from being read as the country.
_NOT_PLACES = (
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

# Words that neither make a name proper nor belong to it when they lead a phrase.
_FUNCTION_WORDS = frozenset(
    {"le", "la", "les", "l", "de", "du", "des", "d", "et", "en", "au", "aux", "a", "à", "el"}
)
# Capitalised words that open sentences before a city ("Selon Moscou",
# "Entre Bamako et Niamey") and so are no first names.
_SENTENCE_OPENERS = _FUNCTION_WORDS | {
    *("selon", "pour", "depuis", "entre", "avec", "vers", "sans", "sous", "sur", "chez"),
    *("contre", "apres", "avant", "malgre", "hier", "demain", "aujourd", "ou", "mais"),
    *("car", "quant", "cote", "via", "par", "des", "jusqu", "outre", "comme", "dont"),
    *("ainsi", "puis", "alors", "donc", "enfin", "ensuite", "lorsque", "quand", "si"),
    *("ce", "cet", "cette", "ces", "son", "sa", "ses", "leur", "leurs", "notre", "votre"),
}
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
_TITLE_WORDS = _FUNCTION_WORDS | {
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

# When one form is several things for the same country ("Djibouti" the
# country and the city, "suisse" the name and the adjective), the first kind
# whose case rule accepts the text wins.
_KIND_ORDER = {COUNTRY_NAME: 0, ORGANISATION: 1, CITY: 2, DEMONYM: 3, "block": 4}


@dataclass(frozen=True)
class Country:
    """One row of ``countries.csv``."""

    code: str
    name: str
    names: tuple[str, ...]
    demonyms: tuple[str, ...]
    prefixes: tuple[str, ...]
    capital: str
    cities: tuple[str, ...]
    not_in_text: tuple[str, ...] = ()


@dataclass(frozen=True)
class Organisation:
    """One row of ``organisations.csv``."""

    code: str
    name: str
    names: tuple[str, ...]
    kind: str


@dataclass(frozen=True)
class PlaceMatch:
    """A country or organisation mention; ``start``/``end`` index the original text.

    ``kind`` is one of ``country_name``, ``demonym``, ``prefix``, ``city`` or
    ``organisation``; ``code`` is an ISO alpha-3 code, or an organisation code
    when ``kind`` is ``organisation``.
    """

    code: str
    start: int
    end: int
    text: str
    kind: str


@dataclass(frozen=True)
class _Entry:
    code: str
    kind: str
    policy: str  # acronym | proper | word | any
    form: str


# --------------------------------------------------------------------------- loading


def _read_table(
    path: Path, required: Sequence[str], optional: Sequence[str] = ()
) -> list[tuple[str, dict[str, str]]]:
    """Rows with their ``file:line`` location; comment and blank lines skipped.

    Lines are parsed one by one rather than through ``load_csv`` so that error
    messages give the real line number despite the comment header.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ResourceError(f"{path}: cannot read ({exc})") from exc
    header: list[str] | None = None
    rows: list[tuple[str, dict[str, str]]] = []
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        where = f"{path}:{lineno}"
        fields = [field.strip() for field in next(csv.reader([line]))]
        if header is None:
            if len(set(fields)) != len(fields):
                raise ResourceError(f"{where}: duplicate column in header {fields}")
            check_keys(dict.fromkeys(fields), f"{where}: header", required, optional)
            header = fields
            continue
        if len(fields) != len(header):
            raise ResourceError(f"{where}: {len(fields)} fields, expected {len(header)}")
        rows.append((where, dict(zip(header, fields, strict=True))))
    if header is None:
        raise ResourceError(f"{path}: no header line")
    return rows


def _split(row: dict[str, str], column: str, where: str) -> tuple[str, ...]:
    value = row.get(column, "")
    if not value:
        return ()
    parts = tuple(part.strip() for part in value.split("|"))
    if not all(parts):
        raise ResourceError(f"{where}: empty entry in {column!r} ({value!r})")
    return parts


def _check_code(code: str, pattern: re.Pattern[str], seen: dict[str, str], where: str) -> None:
    if not pattern.fullmatch(code):
        raise ResourceError(f"{where}: bad code {code!r} (expected {pattern.pattern})")
    if code in seen:
        raise ResourceError(f"{where}: duplicate code {code!r} (first at {seen[code]})")
    seen[code] = where


def load_countries(path: str | Path | None = None) -> tuple[Country, ...]:
    """Read and validate ``countries.csv`` (or another file with its columns)."""
    path = resource_path(COUNTRIES_FILE) if path is None else Path(path)
    seen: dict[str, str] = {}
    countries = []
    for where, row in _read_table(path, _COUNTRY_COLUMNS, _COUNTRY_OPTIONAL):
        code = row["code"]
        _check_code(code, _COUNTRY_CODE, seen, where)
        if not row["name"] or not row["capital"]:
            raise ResourceError(f"{where}: {code}: empty name or capital")
        country = Country(
            code=code,
            name=row["name"],
            names=_split(row, "names", where),
            demonyms=_split(row, "demonyms", where),
            prefixes=_split(row, "prefixes", where),
            capital=row["capital"],
            cities=_split(row, "cities", where),
            not_in_text=_split(row, "not_in_text", where),
        )
        for word in country.demonyms + country.prefixes:
            if word != word.lower():
                raise ResourceError(
                    f"{where}: {code}: demonyms and prefixes are lower-case ({word!r})"
                )
        forms = {_key(form) for form in _country_forms(country)}
        for form in country.not_in_text:
            if _key(form) not in forms:
                raise ResourceError(f"{where}: {code}: not_in_text {form!r} is none of its forms")
        countries.append(country)
    return tuple(countries)


def load_organisations(path: str | Path | None = None) -> tuple[Organisation, ...]:
    """Read and validate ``organisations.csv`` (or another file with its columns)."""
    path = resource_path(ORGANISATIONS_FILE) if path is None else Path(path)
    seen: dict[str, str] = {}
    organisations = []
    for where, row in _read_table(path, _ORGANISATION_COLUMNS):
        code = row["code"]
        _check_code(code, _ORGANISATION_CODE, seen, where)
        if not row["name"]:
            raise ResourceError(f"{where}: {code}: empty name")
        check_choice(row["kind"], ORGANISATION_KINDS, f"{where}: kind")
        organisations.append(
            Organisation(code, row["name"], _split(row, "names", where), row["kind"])
        )
    return tuple(organisations)


def _country_forms(country: Country) -> tuple[str, ...]:
    return (
        country.name,
        *country.names,
        *country.demonyms,
        *country.prefixes,
        country.capital,
        *country.cities,
    )


# --------------------------------------------------------------------------- matching


def _key(text: str) -> str:
    return " ".join(_WORD.findall(_fold_same_length(text)))


def _is_acronym(form: str) -> bool:
    words = _WORD.findall(form)
    if len(words) != 1 or len(words[0]) < 2:
        return False
    word = words[0]
    return not any(c.islower() for c in word) or any(c.isupper() for c in word[1:])


def _policy(form: str, kind: str) -> str:
    if _is_acronym(form):
        return "acronym"
    if kind in (DEMONYM, PREFIX):
        return "word"
    if kind == ORGANISATION and len(_WORD.findall(form)) > 1:
        return "any"
    return "proper"


def _is_word_case(word: str) -> bool:
    return word == word.lower() or (word[0].isupper() and word[1:] == word[1:].lower())


def _accepts(entry: _Entry, words: Sequence[str]) -> bool:
    """Whether ``words`` (as written in the text) may be ``entry`` given their case."""
    if entry.policy == "any":
        return True
    if entry.policy == "word":
        return all(_is_word_case(w) for w in words)
    if entry.policy == "proper":
        return any(w[0].isupper() for w in words if w.lower() not in _FUNCTION_WORDS)
    word = "".join(words)
    if not any(c.islower() for c in word):
        return True
    form = "".join(_WORD.findall(entry.form))
    if [c.isupper() for c in word] == [c.isupper() for c in form]:
        return True
    letters = sum(c.isalpha() for c in form)
    return form.isupper() and letters >= 4 and _is_word_case(word)


@cache
def _fold_table() -> dict[int, str]:
    # fold() works character by character, so a translation table built from
    # it gives the same result about ten times faster on a whole article.
    table = {}
    for cp in range(0x80, 0x3000):
        folded = fold(chr(cp))
        if len(folded) == 1 and folded != chr(cp):
            table[cp] = folded
    return table


def _fold_same_length(text: str) -> str:
    """``fold(text)``, one character for one, so offsets carry over."""
    folded = text.translate(_fold_table()).lower()
    if len(folded) != len(text):  # pragma: no cover - rare letters lower() expands
        folded = "".join((fold(c) or " ")[0] for c in text)
    return folded


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
        self._text: dict[str, list[_Entry]] = {}
        self._country_lookup: dict[str, list[_Entry]] = {}
        self._org_lookup: dict[str, list[_Entry]] = {}
        self._city_lookup: dict[str, str] = {}
        self._prefixes: dict[str, str] = {}
        owner: dict[str, str] = {}

        def claim(form: str, code: str) -> str:
            key = _key(form)
            if not key:
                raise ResourceError(f"{where}: {code}: form {form!r} has no letters")
            if owner.setdefault(key, code) != code:
                raise ResourceError(
                    f"{where}: {form!r} names both {owner[key]} and {code}; "
                    "each form must name one country or organisation"
                )
            return key

        def add(index: dict[str, list[_Entry]], key: str, entry: _Entry) -> None:
            entries = index.setdefault(key, [])
            if entry not in entries:
                entries.append(entry)

        for org in self.organisations.values():
            if org.code in self.countries:
                raise ResourceError(f"{where}: organisation code {org.code} is a country code")
            for form in (org.name, *org.names):
                entry = _Entry(org.code, ORGANISATION, _policy(form, ORGANISATION), form)
                key = claim(form, org.code)
                add(self._org_lookup, key, entry)
                add(self._text, key, entry)

        for country in self.countries.values():
            hidden = {_key(form) for form in country.not_in_text}
            kinds = (
                [(COUNTRY_NAME, form) for form in (country.name, *country.names)]
                + [(DEMONYM, form) for form in country.demonyms]
                + [(CITY, form) for form in (country.capital, *country.cities)]
            )
            for kind, form in kinds:
                entry = _Entry(country.code, kind, _policy(form, kind), form)
                key = claim(form, country.code)
                if kind == CITY:
                    self._city_lookup[key] = country.code
                else:
                    add(self._country_lookup, key, entry)
                if key not in hidden:
                    add(self._text, key, entry)
            for form in country.prefixes:
                self._prefixes[claim(form, country.code)] = country.code

        for phrase in _NOT_PLACES:
            key = _key(phrase)
            if key in owner:
                raise ResourceError(f"{where}: {phrase!r} is both a place and a non-place")
            self._text[key] = [_Entry("", "block", "any", phrase)]

        for entries in self._text.values():
            entries.sort(key=lambda e: _KIND_ORDER[e.kind])
        lengths: dict[str, set[int]] = {}
        for key in self._text:
            words = key.split()
            lengths.setdefault(words[0], set()).add(len(words))
        self._lengths = {w: tuple(sorted(ls, reverse=True)) for w, ls in lengths.items()}

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
        end = len(text) if end is None else end
        chunk = text[start:end]
        folded = _fold_same_length(chunk)
        spans = [(m.start(), m.end()) for m in _WORD.finditer(folded)]
        words = [folded[s:e] for s, e in spans]
        out: list[PlaceMatch] = []

        def gap(i: int) -> str:
            """Separator between word ``i`` and word ``i + 1``."""
            return folded[spans[i][1] : spans[i + 1][0]]

        def emit(i: int, j: int, code: str, kind: str) -> None:
            s, e = start + spans[i][0], start + spans[j][1]
            out.append(PlaceMatch(code, s, e, text[s:e], kind))

        def match_at(i: int, kinds: Iterable[str] | None = None) -> tuple[int, _Entry] | None:
            """Longest form starting at word ``i``: (number of words, entry)."""
            for n in self._lengths.get(words[i], ()):
                if i + n > len(words):
                    continue
                entries = self._text.get(" ".join(words[i : i + n]))
                if not entries or any(not _JOIN.fullmatch(gap(k)) for k in range(i, i + n - 1)):
                    continue
                original = [chunk[s:e] for s, e in spans[i : i + n]]
                for entry in entries:
                    if kinds is not None and entry.kind not in kinds:
                        continue
                    if entry.kind == CITY and n == 1 and after_first_name(i):
                        continue
                    if _accepts(entry, original):
                        return n, entry
            return None

        def after_first_name(i: int) -> bool:
            """Whether word ``i`` follows a Capitalised word and one space.

            A one-word city there is far more often a surname: "Mehmet Ali
            KAYA", "Wang Gao". Country names are spared, being common in
            headlines such as "Partenariat Mali-Russie".
            """
            if i == 0 or gap(i - 1) != " ":
                return False
            before = chunk[spans[i - 1][0] : spans[i - 1][1]]
            return (
                len(before) > 1
                and before[0].isupper()
                and before[1:].islower()
                and _fold_same_length(before) not in _SENTENCE_OPENERS
            )

        lengths, prefixes = self._lengths, self._prefixes
        i = 0
        while i < len(words):
            if words[i] not in lengths and words[i] not in prefixes:
                i += 1
                continue
            found = match_at(i)
            if found:
                n, entry = found
                if entry.kind != "block":
                    emit(i, i + n - 1, entry.code, entry.kind)
                i += n
                continue
            # A compound adjective: one or more prefixes, each followed by a
            # bare hyphen, then a demonym or any other word. Not after a
            # hyphen, so the "Malo" of "Saint-Malo-..." is no prefix.
            chain: list[int] = []
            k = i
            if i == 0 or gap(i - 1) != "-":
                while (
                    k + 1 < len(words)
                    and words[k] in self._prefixes
                    and gap(k) == "-"
                    and words[k + 1][0].isalpha()
                    and _is_word_case(chunk[spans[k][0] : spans[k][1]])
                ):
                    chain.append(k)
                    k += 1
            if not chain:
                i += 1
                continue
            for p in chain:
                emit(p, p, self._prefixes[words[p]], PREFIX)
            tail = match_at(k, (DEMONYM,))
            if tail:
                emit(k, k + tail[0] - 1, tail[1].code, DEMONYM)
                i = k + tail[0]
            else:
                i = k
        return out

    # ------------------------------------------------------------------ lookups

    def _lookup(self, index: dict[str, list[_Entry]], phrase: str) -> _Entry | None:
        folded = _fold_same_length(phrase)
        spans = [(m.start(), m.end()) for m in _WORD.finditer(folded)]
        keys = [folded[s:e] for s, e in spans]
        original = [phrase[s:e] for s, e in spans]
        while keys:
            for entry in index.get(" ".join(keys), ()):
                # Case is not checked for a phrase the caller already singled
                # out, except that acronyms stay acronyms: "bad" is no bank.
                if entry.policy != "acronym" or _accepts(entry, original):
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
        entry = self._lookup(self._country_lookup, stripped)
        if entry:
            return entry.code
        words = _key(stripped).split()
        while words and words[0] in _LEADING:
            words = words[1:]
        if len(words) < 2 or words[0] not in _TITLES:
            return None
        words = words[1:]
        while words and words[0] in _TITLE_WORDS:
            words = words[1:]
        for entry in self._country_lookup.get(" ".join(words), ()):
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
        entry = self._lookup(self._org_lookup, stripped)
        return entry.code if entry else None

    def city_country(self, name: str) -> str | None:
        """ISO code of the country of a city, capital or territory; None if unknown.

        >>> Gazetteer.load().city_country("à Abidjan")
        'CIV'
        """
        words = _key(name).split()
        while words:
            code = self._city_lookup.get(" ".join(words))
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

    >>> [(m.code, m.kind) for m in find_places("son homologue nigérien à Niamey")]
    [('NER', 'demonym'), ('NER', 'city')]
    """
    return gazetteer().find_places(text, start, end)


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
