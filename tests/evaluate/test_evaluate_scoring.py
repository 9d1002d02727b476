"""Scoring on hand-made tables and gold: no model needed."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import pytest

from agreement_nlp.evaluate.gold import GoldArticle, parse_gold
from agreement_nlp.evaluate.report import EvaluationReport
from agreement_nlp.evaluate.scoring import (
    ERROR_COLUMNS,
    SCORED_TABLES,
    SystemResult,
    prf,
    score_tables,
)
from agreement_nlp.tables.frames import Tables
from agreement_nlp.tables.schema import TABLE_NAMES, frame


def make_gold(article_id: str = "a1", **tables: Any) -> GoldArticle:
    data: dict[str, Any] = {
        "id": article_id,
        "reference_date": "2025-03-03",
        "ministers": [],
        "officials": [],
        "ministries": [],
        "agreements": [],
        **tables,
    }
    return parse_gold(data, Path(f"{article_id}.json"), Path(f"{article_id}.txt"))


def make_tables(**rows: Iterable[Mapping[str, Any]]) -> Tables:
    return Tables(**{t: frame(t, rows.get(t, [])) for t in TABLE_NAMES})


def score(golds: list[GoldArticle], tables: Tables) -> SystemResult:
    return score_tables("pipeline", golds, tables)


def row(result: SystemResult, table: str) -> dict[str, Any]:
    rec = {str(k): v for k, v in result.scores.set_index("table").loc[table].to_dict().items()}
    return rec


def accuracy(result: SystemResult, table: str, attribute: str) -> tuple[int, int]:
    a = result.attributes
    r = a[(a["table"] == table) & (a["attribute"] == attribute)].iloc[0]
    return int(r["correct"]), int(r["n"])


MINISTER = {"name": "Moussa Keïta", "country": "MLI", "ministry": "Ministère de l'Agriculture"}


def person(**kw: Any) -> dict[str, Any]:
    return {"article_id": "a1", "person_id": "P1", **kw}


def test_perfect_minister() -> None:
    result = score(
        [make_gold(ministers=[MINISTER])],
        make_tables(
            persons=[
                person(
                    name="M. Moussa KEITA",
                    role="minister",
                    country="MLI",
                    ministry="ministère de l’agriculture",
                )
            ]
        ),
    )
    r = row(result, "ministers")
    assert (r["tp"], r["fp"], r["fn"]) == (1, 0, 0)
    assert (r["precision"], r["recall"], r["f1"]) == (1.0, 1.0, 1.0)
    assert accuracy(result, "ministers", "country") == (1, 1)
    assert accuracy(result, "ministers", "ministry") == (1, 1)
    assert result.errors.empty
    assert result.mismatches.empty


def test_wrong_attributes_are_mismatches_not_errors() -> None:
    result = score(
        [make_gold(ministers=[MINISTER])],
        make_tables(
            persons=[
                person(
                    name="Moussa Keïta",
                    role="minister",
                    country="SEN",
                    ministry="Ministère de la Santé",
                )
            ]
        ),
    )
    assert row(result, "ministers")["tp"] == 1
    assert accuracy(result, "ministers", "country") == (0, 1)
    assert accuracy(result, "ministers", "ministry") == (0, 1)
    assert set(result.mismatches["attribute"]) == {"country", "ministry"}
    mm = result.mismatches.set_index("attribute").loc["country"]
    assert (mm["gold"], mm["predicted"]) == ("MLI", "SEN")


def test_gold_alias_pairs_a_prediction() -> None:
    gold = make_gold(
        ministers=[{**MINISTER, "name": "Moussa Keïta", "aliases": ["Moussa Kéita Sy"]}]
    )
    result = score([gold], make_tables(persons=[person(name="Kéita Sy Moussa", role="minister")]))
    assert row(result, "ministers")["tp"] == 1


def test_false_positives_and_negatives_are_listed() -> None:
    result = score(
        [make_gold(ministers=[MINISTER])],
        make_tables(persons=[person(name="Awa Traoré", role="minister", country="MLI")]),
    )
    r = row(result, "ministers")
    assert (r["tp"], r["fp"], r["fn"]) == (0, 1, 1)
    assert r["f1"] == 0.0
    assert list(result.errors.columns) == ERROR_COLUMNS
    kinds = dict(zip(result.errors["kind"], result.errors["name"], strict=True))
    assert kinds == {"fn": "Moussa Keïta", "fp": "Awa Traoré"}
    assert "country=MLI" in result.errors.iloc[0]["details"]


def test_duplicate_prediction_is_a_false_positive() -> None:
    result = score(
        [make_gold(ministers=[MINISTER])],
        make_tables(
            persons=[
                person(name="Moussa Keïta", role="minister"),
                person(person_id="P2", name="Keïta", role="minister"),
            ]
        ),
    )
    r = row(result, "ministers")
    assert (r["tp"], r["fp"], r["fn"]) == (1, 1, 0)
    # The exact name wins the pairing; the surname-only row is the false positive.
    assert result.errors.iloc[0]["name"] == "Keïta"


def test_officials_roles_and_exclusions() -> None:
    gold = make_gold(
        officials=[
            {"name": "Fatou Diallo", "role": "other", "country": "BAD"},
            {"name": "Ibrahim Coulibaly", "role": "head_of_government", "country": "MLI"},
        ]
    )
    tables = make_tables(
        persons=[
            person(name="Fatou Diallo", role="official", country="BAD"),
            person(person_id="P2", name="Ibrahim Coulibaly", role="head_of_state", country="MLI"),
            person(person_id="P3", name="Jean Dupont", role="journalist"),
            person(person_id="P4", name="Moussa Keïta", role="minister"),
        ]
    )
    result = score([gold], tables)
    r = row(result, "officials")
    # Journalists are not scored; ministers are scored as ministers only.
    assert (r["n_pred"], r["tp"], r["fp"], r["fn"]) == (2, 2, 0, 0)
    # Gold "other" == predicted "official"; head_of_state != head_of_government.
    assert accuracy(result, "officials", "role") == (1, 2)
    assert row(result, "ministers")["fp"] == 1


def test_ministries_strict_and_lenient() -> None:
    gold = make_gold(
        ministries=[
            {"name": "Ministère de l'Économie et des Finances", "country": "MLI"},
            {
                "name": "Ministère des Affaires étrangères et de la Coopération internationale",
                "country": "MLI",
            },
        ]
    )
    tables = make_tables(
        ministries=[
            {
                "article_id": "a1",
                "ministry_id": "M1",
                "name": "ministère des finances et de l'economie",
                "country": "MLI",
            },
            {
                "article_id": "a1",
                "ministry_id": "M2",
                "name": "Ministère des Affaires étrangères",
                "country": "SEN",
            },
        ]
    )
    result = score([gold], tables)
    assert (row(result, "ministries")["tp"], row(result, "ministries")["fp"]) == (1, 1)
    assert (row(result, "ministries_lenient")["tp"], row(result, "ministries_lenient")["fp"]) == (
        2,
        0,
    )
    assert accuracy(result, "ministries", "country") == (1, 1)
    # The lenient view adds no error rows of its own.
    assert set(result.errors["table"]) == {"ministries"}


def test_same_ministry_name_in_two_countries_pairs_by_country() -> None:
    gold = make_gold(
        ministries=[
            {"name": "Ministère de la Santé", "country": "BFA"},
            {"name": "Ministère de la Santé", "country": "TUR"},
        ]
    )
    tables = make_tables(
        ministries=[
            {
                "article_id": "a1",
                "ministry_id": "M1",
                "name": "Ministère de la Santé",
                "country": "TUR",
            }
        ]
    )
    result = score([gold], tables)
    assert accuracy(result, "ministries", "country") == (1, 1)
    assert result.errors.iloc[0][["kind", "details"]].tolist() == ["fn", "country=BFA"]


AGREEMENT = {
    "title": "Accord de prêt pour le financement du projet de route Kati-Kolokani",
    "type": "pret",
    "parties": ["BAD", "MLI"],
    "signatories": ["Alousséni Sanou", "Kevin Kariuki"],
    "signed_on": "2025-03-13",
    "status": "signed",
    "evidence": "ont signé jeudi à Bamako un accord de prêt",
}


def agreement(**kw: Any) -> dict[str, Any]:
    base = {
        "article_id": "a1",
        "agreement_id": "A1",
        "title": "accord de prêt pour le financement du projet de route Kati–Kolokani",
        "type": "pret",
        "parties": ["MLI", "BAD"],
        "signed_on": "2025-03-13",
        "status": "signed",
    }
    return {**base, **kw}


def test_agreement_attributes() -> None:
    result = score(
        [make_gold(agreements=[AGREEMENT])],
        make_tables(agreements=[agreement(signed_on="2025-03-14", status="announced")]),
    )
    assert row(result, "agreements")["tp"] == 1
    assert accuracy(result, "agreements", "parties") == (1, 1)  # order does not matter
    assert accuracy(result, "agreements", "type") == (1, 1)
    assert accuracy(result, "agreements", "signed_on") == (0, 1)
    assert accuracy(result, "agreements", "status") == (0, 1)


def test_agreement_pairs_on_evidence_when_titles_differ() -> None:
    tables = make_tables(
        agreements=[
            agreement(
                title="accord signé avec la BAD",
                evidence="Le ministre et le directeur ont signé jeudi à Bamako un accord de prêt.",
            )
        ]
    )
    assert row(score([make_gold(agreements=[AGREEMENT])], tables), "agreements")["tp"] == 1
    tables = make_tables(
        agreements=[agreement(title="accord signé avec la BAD", evidence="Autre chose.")]
    )
    assert row(score([make_gold(agreements=[AGREEMENT])], tables), "agreements")["tp"] == 0


def test_two_agreements_pair_by_best_title() -> None:
    gold = make_gold(
        agreements=[
            {**AGREEMENT, "title": "Accord de défense", "type": "accord", "signatories": []},
            {
                **AGREEMENT,
                "title": "Accord de coopération nucléaire civile",
                "type": "accord",
                "signatories": [],
            },
        ]
    )
    tables = make_tables(
        agreements=[
            agreement(
                agreement_id="A1",
                title="accord de coopération dans le nucléaire civil",
                type="accord",
            ),
            agreement(agreement_id="A2", title="accord de défense et de sécurité", type="accord"),
        ]
    )
    result = score([gold], tables)
    assert row(result, "agreements")["tp"] == 2
    assert result.errors.empty


def test_signatories_need_the_paired_agreement() -> None:
    gold = make_gold(agreements=[AGREEMENT])
    tables = make_tables(
        agreements=[
            agreement(agreement_id="A1"),
            agreement(agreement_id="A2", title="Accord de défense"),
        ],
        signatories=[
            {"article_id": "a1", "agreement_id": "A1", "name": "Alousséini Sanou"},
            {"article_id": "a1", "agreement_id": "A2", "name": "Kevin Kariuki"},  # wrong agreement
            {"article_id": "a1", "agreement_id": "A1", "name": None},  # unnamed: not scored
        ],
    )
    result = score([gold], tables)
    r = row(result, "signatories")
    assert (r["n_gold"], r["n_pred"], r["tp"], r["fp"], r["fn"]) == (2, 2, 1, 1, 1)
    errs = result.errors[result.errors["table"] == "signatories"]
    assert set(zip(errs["kind"], errs["name"], strict=True)) == {
        ("fp", "Kevin Kariuki"),
        ("fn", "Kevin Kariuki"),
    }


def test_micro_average_over_articles_and_no_leak_between_articles() -> None:
    golds = [
        make_gold("a1", ministers=[MINISTER]),
        make_gold("a2", ministers=[{"name": "Awa Traoré", "country": "MLI", "ministry": None}]),
    ]
    tables = make_tables(
        persons=[
            person(name="Moussa Keïta", role="minister"),
            # Awa Traoré is predicted in a1, but she is gold in a2 only.
            person(person_id="P2", name="Awa Traoré", role="minister"),
        ]
    )
    result = score(golds, tables)
    r = row(result, "ministers")
    assert (r["tp"], r["fp"], r["fn"]) == (1, 1, 1)
    assert r["precision"] == pytest.approx(0.5)
    assert r["recall"] == pytest.approx(0.5)
    per = result.per_article
    assert per[(per["table"] == "ministers") & (per["article_id"] == "a2")]["fn"].item() == 1


def test_empty_article_is_gold_too() -> None:
    result = score([make_gold()], make_tables(persons=[person(name="Awa Traoré", role="minister")]))
    r = row(result, "ministers")
    assert (r["precision"], r["recall"], r["f1"]) == (0.0, None, 0.0)


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        ((2, 0, 0), (1.0, 1.0, 1.0)),
        ((1, 1, 1), (0.5, 0.5, 0.5)),
        ((0, 0, 3), (None, 0.0, 0.0)),
        ((0, 2, 0), (0.0, None, 0.0)),
        ((0, 0, 0), (None, None, None)),
    ],
)
def test_prf(counts: tuple[int, int, int], expected: tuple[float | None, ...]) -> None:
    assert prf(*counts) == expected


def test_report_dict_is_json_and_table_prints() -> None:
    gold = make_gold(ministers=[MINISTER], agreements=[AGREEMENT])
    tables = make_tables(
        persons=[person(name="Moussa Keïta", role="minister")], agreements=[agreement()]
    )
    report = EvaluationReport(
        gold_dir="gold",
        article_ids=["a1"],
        pipeline=score([gold], tables),
        baseline=score_tables("baseline", [gold], make_tables()),
    )
    data = json.loads(json.dumps(report.to_dict()))
    assert data["pipeline"]["scores"]["ministers"]["f1"] == 1.0
    assert data["baseline"]["scores"]["ministers"]["precision"] is None
    assert data["pipeline"]["attributes"]["agreements.type"] == {
        "n": 1,
        "correct": 1,
        "accuracy": 1.0,
    }
    text = report.format()
    for table in ("ministers", "officials", "ministries", "agreements", "signatories"):
        assert table in text
    assert "baseline" in text and "pipeline" in text
    assert set(report.scores["system"]) == {"pipeline", "baseline"}
    assert list(report.scores["table"].unique()) == list(SCORED_TABLES)
