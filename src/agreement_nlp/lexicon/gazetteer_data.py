"""The gazetteer's data files: ``countries.csv`` and ``organisations.csv``, read and validated.

Their header comments document the columns and the naming decisions. A
malformed file raises :class:`~agreement_nlp.resources.ResourceError` naming
the file and line.

>>> mali = next(c for c in load_countries() if c.code == "MLI")
>>> mali.name, mali.capital
('Mali', 'Bamako')
>>> next(o for o in load_organisations() if o.code == "BAD").kind
'bank'
"""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from agreement_nlp.lexicon.gazetteer_forms import key
from agreement_nlp.resources import ResourceError, check_choice, check_keys, resource_path

__all__ = [
    "COUNTRIES_FILE",
    "ORGANISATIONS_FILE",
    "ORGANISATION_KINDS",
    "Country",
    "Organisation",
    "country_forms",
    "load_countries",
    "load_organisations",
]

COUNTRIES_FILE = "countries.csv"
ORGANISATIONS_FILE = "organisations.csv"

ORGANISATION_KINDS = ("organisation", "bank", "agency")

_COUNTRY_COLUMNS = ("code", "name", "names", "demonyms", "prefixes", "capital", "cities")
_COUNTRY_OPTIONAL = ("not_in_text",)
_ORGANISATION_COLUMNS = ("code", "name", "names", "kind")

_COUNTRY_CODE = re.compile(r"[A-Z]{3}")
# Acronyms ("BAD", "ZLECAf", "AUDA-NEPAD") or a short name ("G5 Sahel").
_ORGANISATION_CODE = re.compile(r"[A-Z0-9](?:[\w'&+-]| (?! ))*[\w+]")


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


def _country(row: dict[str, str], where: str) -> Country:
    """The country of one row whose code is checked; its fields are checked here."""
    code = row["code"]
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
            raise ResourceError(f"{where}: {code}: demonyms and prefixes are lower-case ({word!r})")
    forms = {key(form) for form in country_forms(country)}
    for form in country.not_in_text:
        if key(form) not in forms:
            raise ResourceError(f"{where}: {code}: not_in_text {form!r} is none of its forms")
    return country


def load_countries(path: str | Path | None = None) -> tuple[Country, ...]:
    """Read and validate ``countries.csv`` (or another file with its columns)."""
    path = resource_path(COUNTRIES_FILE) if path is None else Path(path)
    seen: dict[str, str] = {}
    countries = []
    for where, row in _read_table(path, _COUNTRY_COLUMNS, _COUNTRY_OPTIONAL):
        _check_code(row["code"], _COUNTRY_CODE, seen, where)
        countries.append(_country(row, where))
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


def country_forms(country: Country) -> tuple[str, ...]:
    """Every form of a country: names, demonyms, prefixes, capital and cities."""
    return (
        country.name,
        *country.names,
        *country.demonyms,
        *country.prefixes,
        country.capital,
        *country.cities,
    )
