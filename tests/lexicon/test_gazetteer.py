"""Gazetteer: cases from tests/data/gazetteer_cases.yaml, loaders, data integrity."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
import yaml

from agreement_nlp.lexicon import gazetteer as gz
from agreement_nlp.lexicon.gazetteer import (
    Gazetteer,
    city_country,
    country_code,
    country_name,
    find_places,
    is_country_code,
    is_organisation_code,
    load_countries,
    load_organisations,
    organisation_code,
    organisation_kind,
    organisation_name,
)
from agreement_nlp.resources import ResourceError
from agreement_nlp.text import fold
from tests.conftest import TEST_DATA

CASES: dict[str, Any] = yaml.safe_load(
    (TEST_DATA / "gazetteer_cases.yaml").read_text(encoding="utf-8")
)

# The 193 UN member states (ISO 3166-1 alpha-3).
UN_MEMBERS = str.split("""
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN
BOL BIH BWA BRA BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG CRI
CIV HRV CUB CYP CZE PRK COD DNK DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI
FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY HTI HND HUN ISL IND IDN IRN
IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU
LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MCO MNG MNE MAR MOZ MMR NAM NRU
NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT KOR
MDA ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM
ZAF SSD ESP LKA SDN SUR SWE CHE SYR TJK THA TLS TGO TON TTO TUN TUR TKM TUV UGA
UKR ARE GBR TZA USA URY UZB VUT VEN VNM YEM ZMB ZWE
""")
OTHERS = ["PSE", "XKX", "TWN", "VAT", "ESH"]


def _fields(expected: str | list[str]) -> list[str]:
    return expected.split(" ", 2) if isinstance(expected, str) else expected


@pytest.mark.parametrize("case", CASES["places"], ids=lambda c: c["text"] or "<empty>")
def test_find_places(case: dict[str, Any]) -> None:
    matches = find_places(case["text"])
    expected = [_fields(e) for e in case["expect"]]
    # Compare only as many fields (code, kind, text) as each expectation gives.
    got = [[m.code, m.kind, m.text][: len(e)] for m, e in zip(matches, expected, strict=False)]
    assert len(matches) == len(expected), [(m.code, m.kind, m.text) for m in matches]
    assert got == expected
    for m in matches:
        assert case["text"][m.start : m.end] == m.text


@pytest.mark.parametrize(("phrase", "code"), CASES["country_code"], ids=str)
def test_country_code(phrase: str, code: str | None) -> None:
    assert country_code(phrase) == code


@pytest.mark.parametrize(("phrase", "code"), CASES["organisation_code"], ids=str)
def test_organisation_code(phrase: str, code: str | None) -> None:
    assert organisation_code(phrase) == code


@pytest.mark.parametrize(("name", "code"), CASES["city_country"], ids=str)
def test_city_country(name: str, code: str | None) -> None:
    assert city_country(name) == code


def test_offsets_and_window() -> None:
    text = "Accord entre le Mali et la Russie, signé à Moscou."
    window = find_places(text, start=text.index("la Russie"), end=text.index(","))
    assert [(m.code, m.text) for m in window] == [("RUS", "Russie")]
    assert text[window[0].start : window[0].end] == "Russie"
    assert [m.code for m in find_places(text)] == ["MLI", "RUS", "RUS"]


def test_names_and_codes() -> None:
    assert country_name("RUS") == "Russie"
    assert country_name("MLI") == "Mali"
    assert is_country_code("MLI")
    assert not is_country_code("BAD")
    assert not is_country_code(None)
    assert is_organisation_code("BAD")
    assert organisation_name("BM") == "Banque mondiale"
    assert organisation_kind("BAD") == "bank"
    assert organisation_kind("AFD") == "agency"
    assert organisation_kind("UA") == "organisation"
    with pytest.raises(KeyError):
        country_name("ZZZ")


def test_the_module_still_offers_its_names() -> None:
    """gazetteer.py is the interface over its parts (data, forms, index, text)."""
    assert not [name for name in gz.__all__ if not hasattr(gz, name)]
    assert gz.PlaceMatch.__module__ == "agreement_nlp.lexicon.gazetteer_text"
    assert gz.KINDS == ("country_name", "demonym", "prefix", "city", "organisation")
    assert gz.ORGANISATION_KINDS == ("organisation", "bank", "agency")


# --------------------------------------------------------------------------- data integrity


def test_every_un_member_and_the_others_are_there() -> None:
    countries = {c.code: c for c in load_countries()}
    assert len(UN_MEMBERS) == 193
    assert set(UN_MEMBERS) | set(OTHERS) == set(countries)
    for code in UN_MEMBERS:
        assert countries[code].demonyms, f"{code} has no demonym"


GUIDE_CODES = (
    *("UA", "CEDEAO", "UEMOA", "ONU", "UNICEF", "PNUD", "UE", "BAD", "BM", "FMI"),
    *("BOAD", "BID", "AFD", "BEI", "AES", "OMS", "Afreximbank"),
)


@pytest.mark.parametrize("code", GUIDE_CODES)
def test_codes_of_the_annotation_guide_exist(code: str) -> None:
    """The short codes data/annotated/README.md and its gold tables use."""
    assert is_organisation_code(code)


def test_codes_unique_and_organisations_distinct_from_countries() -> None:
    countries = [c.code for c in load_countries()]
    organisations = [o.code for o in load_organisations()]
    assert len(countries) == len(set(countries))
    assert len(organisations) == len(set(organisations))
    assert not set(countries) & set(organisations)


def test_every_form_names_one_code() -> None:
    owners: defaultdict[str, set[str]] = defaultdict(set)
    for c in load_countries():
        for form in (c.name, *c.names, *c.demonyms, *c.prefixes, c.capital, *c.cities):
            owners[" ".join(fold(form).replace("-", " ").replace("'", " ").split())].add(c.code)
    for o in load_organisations():
        for form in (o.name, *o.names):
            owners[" ".join(fold(form).replace("-", " ").replace("'", " ").split())].add(o.code)
    clashes = {form: codes for form, codes in owners.items() if len(codes) > 1}
    assert not clashes


def test_every_demonym_finds_its_country() -> None:
    for c in load_countries():
        for demonym in c.demonyms:
            assert country_code(demonym) == c.code, demonym
        for name in (c.name, *c.names):
            assert country_code(name) == c.code, name


def test_every_listed_form_is_found_in_text() -> None:
    """Each form not marked not_in_text is found as itself, capitalised as in the data."""
    g = gz.gazetteer()
    for c in load_countries():
        hidden = {fold(f) for f in c.not_in_text}
        for form in (c.name, *c.names, *c.demonyms, c.capital, *c.cities):
            if fold(form) in hidden:
                continue
            matches = g.find_places(f"« {form} »")
            assert [m.code for m in matches] == [c.code], form
    for o in load_organisations():
        for form in (o.name, *o.names):
            assert [m.code for m in g.find_places(f"« {form} »")] == [o.code], form


# --------------------------------------------------------------------------- loaders

HEADER = "code,name,names,demonyms,prefixes,capital,cities\n"
MALI = "MLI,Mali,République du Mali,malien|maliens,,Bamako,Kayes\n"


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_loader_reads_comments_and_optional_column(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "ok.csv",
        "# a comment\n" + HEADER.replace("\n", ",not_in_text\n") + MALI.replace("\n", ",Kayes\n"),
    )
    (mali,) = load_countries(path)
    assert mali.names == ("République du Mali",)
    assert mali.not_in_text == ("Kayes",)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("code,name,names,demonyms,prefixes,capital\n" + MALI, "missing key"),
        (HEADER.replace("\n", ",extra\n") + MALI, "unknown key"),
        (HEADER + MALI + MALI, "duplicate code 'MLI'"),
        (HEADER + MALI.replace("MLI", "Mli"), "bad code"),
        (HEADER + MALI.replace("MLI", "ML"), "bad code"),
        (HEADER + "MLI,Mali,,malien\n", "fields, expected 7"),
        (HEADER + MALI.replace(",Mali,", ",,"), "empty name"),
        (HEADER + MALI.replace("malien|maliens", "malien||maliens"), "empty entry"),
        (HEADER + MALI.replace("malien|", "Malien|"), "lower-case"),
        (HEADER.replace("\n", ",not_in_text\n") + MALI.replace("\n", ",Paris\n"), "none of its"),
        ("# only a comment\n", "no header"),
    ],
)
def test_broken_countries_file(tmp_path: Path, text: str, message: str) -> None:
    path = _write(tmp_path, "broken_countries.csv", "# header comment\n" + text)
    with pytest.raises(ResourceError, match=message) as info:
        load_countries(path)
    assert "broken_countries.csv" in str(info.value)


def test_error_names_the_line(tmp_path: Path) -> None:
    path = _write(tmp_path, "dup.csv", "# one\n# two\n" + HEADER + MALI + "\n" + MALI)
    with pytest.raises(ResourceError, match=r"dup\.csv:6: duplicate code 'MLI' \(first at .*:4\)"):
        load_countries(path)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("code,name,names\nUA,Union africaine,UA\n", "missing key"),
        ("code,name,names,kind\nUA,Union africaine,UA,club\n", "not one of"),
        ("code,name,names,kind\n" + "UA,Union africaine,,organisation\n" * 2, "duplicate code"),
        ("code,name,names,kind\nua,Union africaine,,organisation\n", "bad code"),
    ],
)
def test_broken_organisations_file(tmp_path: Path, text: str, message: str) -> None:
    path = _write(tmp_path, "broken_orgs.csv", text)
    with pytest.raises(ResourceError, match=message) as info:
        load_organisations(path)
    assert "broken_orgs.csv" in str(info.value)


def test_form_naming_two_codes_is_rejected(tmp_path: Path) -> None:
    countries = _write(
        tmp_path,
        "clash.csv",
        HEADER + MALI + "NER,Niger,Mali,nigérien,,Niamey,\n",
    )
    organisations = _write(tmp_path, "orgs.csv", "code,name,names,kind\n")
    with pytest.raises(ResourceError, match="'Mali' names both MLI and NER") as info:
        Gazetteer.load(countries, organisations)
    assert "clash.csv" in str(info.value)


def test_organisation_code_may_not_be_a_country_code(tmp_path: Path) -> None:
    countries = _write(tmp_path, "c.csv", HEADER + MALI)
    organisations = _write(tmp_path, "o.csv", "code,name,names,kind\nMLI,Mali club,,organisation\n")
    with pytest.raises(ResourceError, match="is a country code"):
        Gazetteer.load(countries, organisations)


def test_small_gazetteer_from_files(tmp_path: Path) -> None:
    countries = _write(tmp_path, "c.csv", HEADER + MALI)
    organisations = _write(
        tmp_path, "o.csv", "code,name,names,kind\nUA,Union africaine,UA,organisation\n"
    )
    g = Gazetteer.load(countries, organisations)
    assert [(m.code, m.kind) for m in g.find_places("l'UA à Kayes")] == [
        ("UA", "organisation"),
        ("MLI", "city"),
    ]
    assert g.country_code("Russie") is None
