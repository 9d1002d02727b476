"""The country table (resources/countries.csv) checked against ISO 3166-1, as pycountry has it.

Every code of the table is an ISO alpha-3 code, or a deliberate non-ISO code
listed here with its reason; and every UN member state has a row. pycountry
does not say which countries are UN members, so the 193 members are taken as
pycountry's countries minus an explicit list of the ISO entries that are not
members (dependent territories, and the states or territories outside the UN).
"""

from __future__ import annotations

import pycountry
import pytest

from agreement_nlp.lexicon.gazetteer import load_countries
from tests.lexicon.test_gazetteer import UN_MEMBERS

# Codes the table uses that ISO 3166-1 does not assign, with the reason.
NON_ISO_CODES = {
    "XKX": "Kosovo: ISO has no code; XKX is the user-assigned code of the EU and the IMF",
}

# ISO 3166-1 entries that are no UN member state, by the state they depend on.
NOT_UN_MEMBERS = {
    # States and territories outside the UN: two observer states, a state most
    # members do not recognise and a non-self-governing territory. The table has
    # rows for them all the same (they sign agreements or are named as parties).
    "PSE": "Palestine (observer state)",
    "VAT": "Holy See (observer state)",
    "TWN": "Taiwan",
    "ESH": "Western Sahara (non-self-governing territory)",
    # No territory of its own.
    "ATA": "Antarctica",
    # China: special administrative regions.
    "HKG": "Hong Kong",
    "MAC": "Macao",
    # Finland.
    "ALA": "Åland Islands",
    # Denmark.
    "FRO": "Faroe Islands",
    "GRL": "Greenland",
    # Norway.
    "BVT": "Bouvet Island",
    "SJM": "Svalbard and Jan Mayen",
    # New Zealand: associated states and a territory.
    "COK": "Cook Islands",
    "NIU": "Niue",
    "TKL": "Tokelau",
    # Australia.
    "CCK": "Cocos (Keeling) Islands",
    "CXR": "Christmas Island",
    "HMD": "Heard Island and McDonald Islands",
    "NFK": "Norfolk Island",
    # Netherlands: constituent countries and the Caribbean Netherlands.
    "ABW": "Aruba",
    "CUW": "Curaçao",
    "SXM": "Sint Maarten (Dutch part)",
    "BES": "Bonaire, Sint Eustatius and Saba",
    # France: overseas departments, collectivities and territories.
    "GLP": "Guadeloupe",
    "GUF": "French Guiana",
    "MTQ": "Martinique",
    "MYT": "Mayotte",
    "REU": "Réunion",
    "BLM": "Saint Barthélemy",
    "MAF": "Saint Martin (French part)",
    "SPM": "Saint Pierre and Miquelon",
    "WLF": "Wallis and Futuna",
    "PYF": "French Polynesia",
    "NCL": "New Caledonia",
    "ATF": "French Southern Territories",
    # United Kingdom: overseas territories and Crown dependencies.
    "AIA": "Anguilla",
    "BMU": "Bermuda",
    "CYM": "Cayman Islands",
    "FLK": "Falkland Islands (Malvinas)",
    "GIB": "Gibraltar",
    "IOT": "British Indian Ocean Territory",
    "MSR": "Montserrat",
    "PCN": "Pitcairn",
    "SGS": "South Georgia and the South Sandwich Islands",
    "SHN": "Saint Helena, Ascension and Tristan da Cunha",
    "TCA": "Turks and Caicos Islands",
    "VGB": "Virgin Islands, British",
    "GGY": "Guernsey",
    "IMN": "Isle of Man",
    "JEY": "Jersey",
    # United States: territories.
    "ASM": "American Samoa",
    "GUM": "Guam",
    "MNP": "Northern Mariana Islands",
    "PRI": "Puerto Rico",
    "UMI": "United States Minor Outlying Islands",
    "VIR": "Virgin Islands, U.S.",
}

ISO_CODES = frozenset(c.alpha_3 for c in pycountry.countries)
UN_MEMBER_CODES = ISO_CODES - set(NOT_UN_MEMBERS)


@pytest.fixture(scope="module")
def table_codes() -> set[str]:
    return {c.code for c in load_countries()}


def test_the_lists_of_this_file_hold() -> None:
    """Each listed non-member is an ISO entry and each non-ISO code is none.

    So neither list goes stale when pycountry follows a change of ISO 3166-1.
    """
    assert set(NOT_UN_MEMBERS) <= ISO_CODES, sorted(set(NOT_UN_MEMBERS) - ISO_CODES)
    assert not set(NON_ISO_CODES) & ISO_CODES
    assert len(UN_MEMBER_CODES) == 193
    # The hand-written list of tests/lexicon/test_gazetteer.py says the same.
    assert set(UN_MEMBERS) == UN_MEMBER_CODES


def test_every_code_is_iso_or_listed(table_codes: set[str]) -> None:
    unknown = table_codes - ISO_CODES - set(NON_ISO_CODES)
    assert not unknown, f"not ISO 3166-1 alpha-3 codes: {sorted(unknown)}"
    assert set(NON_ISO_CODES) <= table_codes, "a listed non-ISO code has no row any more"


def test_every_un_member_has_a_row(table_codes: set[str]) -> None:
    missing = {
        code: pycountry.countries.get(alpha_3=code).name for code in UN_MEMBER_CODES - table_codes
    }
    assert not missing, f"UN member states without a row: {missing}"
