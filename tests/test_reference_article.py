"""End to end: the CLI, run as a real subprocess, on the reference article in data/raw.

The expectations are those of the reference article (Mali-Russia agreements
signed in Moscow on 23 June 2025); they come out of the general rules.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from tests.conftest import DATA_RAW

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def tables(tmp_path_factory: pytest.TempPathFactory) -> dict[str, pd.DataFrame]:
    out = tmp_path_factory.mktemp("ref") / "tables"
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "agreement_nlp",
            "extract",
            str(DATA_RAW),
            "--out",
            str(out),
            "--quiet",
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    return {p.stem: pd.read_csv(p, keep_default_na=False) for p in Path(out).glob("*.csv")}


def _split(cell: str) -> list[str]:
    return sorted(cell.split("|")) if cell else []


def test_article_row(tables: dict[str, pd.DataFrame]) -> None:
    row = tables["articles"].iloc[0]
    assert row["article_id"] == "mali-russie-accords-2025-06-24"
    assert row["published_at"] == "2025-06-24T10:11"
    assert row["status"] == "ok"


def test_three_agreements_signed_in_moscow_on_23_june(tables: dict[str, pd.DataFrame]) -> None:
    agreements = tables["agreements"]
    assert len(agreements) == 3
    titles = agreements["title"].tolist()
    assert "Commission intergouvernementale russo-malienne" in titles[0]
    assert "énergie atomique à des fins pacifiques" in titles[1]
    assert "fondement des relations" in titles[2]
    for _, a in agreements.iterrows():
        assert _split(a["parties"]) == ["MLI", "RUS"]
        assert a["status"] == "signed"
        assert a["signed_on"] == "2025-06-23"
        assert a["place"] == "Moscou"
        assert a["type"] == "accord"
    domains = [set(_split(d)) for d in agreements["domains"]]
    assert {"economie_commerce", "sciences_technologie"} <= domains[0]
    assert {"nucleaire_civil", "energie"} <= domains[1]
    assert "diplomatie" in domains[2]


def test_signatories(tables: dict[str, pd.DataFrame]) -> None:
    sigs = tables["signatories"]
    named = sigs[sigs["name"] != ""]
    by_agreement = named.groupby("agreement_id")["name"].apply(sorted).to_dict()
    assert by_agreement == {
        "A1": ["Alousséni Sanou"],
        "A2": ["Boubacar Diané"],
        "A3": ["Abdoulaye Diop", "Serguei Lavrov"],
    }
    unnamed = sigs[sigs["name"] == ""]
    assert unnamed[["agreement_id", "ministry", "country"]].values.tolist() == [
        ["A1", "Ministère du Développement économique", "RUS"]
    ]
    # every row says which rule found it
    assert set(named["rule"]) == {"signing:named"}
    assert unnamed["rule"].tolist() == ["signing:unnamed_minister"]


def test_persons(tables: dict[str, pd.DataFrame]) -> None:
    persons = tables["persons"].set_index("name")
    ministers = {
        "Sadio Camara": ("MLI", "Ministère de la Défense et des Anciens Combattants"),
        "Abdoulaye Diop": (
            "MLI",
            "Ministère des Affaires étrangères et de la Coopération internationale",
        ),
        "Alousséni Sanou": ("MLI", "Ministère de l’Économie et des Finances"),
        "Boubacar Diané": ("MLI", "Ministère de l’Énergie et de l’Eau"),
        "Serguei Lavrov": ("RUS", "Ministère des Affaires étrangères"),
    }
    for name, (country, ministry) in ministers.items():
        assert persons.loc[name, "role"] == "minister", name
        assert persons.loc[name, "country"] == country, name
        assert persons.loc[name, "ministry"] == ministry, name
    assert "Alousséini Sanou" in persons.loc["Alousséni Sanou", "aliases"]
    assert persons.loc["Sadio Camara", "title"] == "Général de corps d’armée"
    goita = persons[persons.index.str.endswith("Goïta")]
    assert goita["role"].tolist() == ["head_of_state"]
    assert goita["country"].tolist() == ["MLI"]
    assert goita["title"].tolist() == ["Général d’armée"]
    assert goita["n_mentions"].tolist() == [3]  # "Président Goïta" twice, then the full name
    journalists = set(persons[persons["role"] == "journalist"].index.str.lower())
    assert journalists == {"alassane souleymane", "oumar diop"}


def test_nothing_from_the_page_tail(tables: dict[str, pd.DataFrame]) -> None:
    end = int(tables["articles"].iloc[0]["content_end"])
    names = " ".join(tables["persons"]["name"])
    for teaser_name in ("Barwal", "Gromyko", "Korhonen", "Li Xiang", "Mitterrand", "Maïga"):
        assert teaser_name not in names
    for table in ("persons", "agreements", "ministries", "dates", "mentions"):
        assert (tables[table]["start"] < end).all(), table


def test_ministries(tables: dict[str, pd.DataFrame]) -> None:
    ministries = {(m["name"], m["country"]) for _, m in tables["ministries"].iterrows()}
    assert ministries >= {
        ("Ministère de la Défense et des Anciens Combattants", "MLI"),
        ("Ministère des Affaires étrangères et de la Coopération internationale", "MLI"),
        ("Ministère de l’Économie et des Finances", "MLI"),
        ("Ministère de l’Énergie et de l’Eau", "MLI"),
        ("Ministère du Développement économique", "RUS"),
    }


def test_offsets_point_into_the_text(tables: dict[str, pd.DataFrame]) -> None:
    text = (DATA_RAW / "mali-russie-accords-2025-06-24.txt").read_text(encoding="utf-8")
    for _, m in tables["mentions"].iterrows():
        assert text[m["start"] : m["end"]] == m["text"]
