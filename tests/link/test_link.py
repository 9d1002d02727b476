"""The linking pass: names, hard rules, clusters, the config file, the tables it fills."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from agreement_nlp.link.config import default_config, load_config, render_config
from agreement_nlp.link.constraints import cannot_link
from agreement_nlp.link.features import Report, pair_features, pair_score
from agreement_nlp.link.names import compatible_names, key_tokens
from agreement_nlp.link.people import PersonRow, person_clusters
from agreement_nlp.resources import ResourceError

CASES = Path(__file__).resolve().parents[1] / "data" / "link_names_cases.yaml"
NAME_CASES = yaml.safe_load(CASES.read_text(encoding="utf-8"))["cases"]


@pytest.mark.parametrize("case", NAME_CASES, ids=lambda c: f"{c['a']}|{c['b']}")
def test_names_compatible(case: dict[str, Any]) -> None:
    score = compatible_names(key_tokens(case["a"]), key_tokens(case["b"]))
    assert (score > 0) is case["same"]


def _person(
    article: str, name: str, role: str = "", ministry: str = "", country: str = ""
) -> PersonRow:
    return PersonRow(article, "P1", name, role, ministry, country, "2025-03-10")


def test_a_surname_joins_only_through_its_office() -> None:
    rows = [
        _person("a1", "Amadou Diop", "minister", "Ministère des Finances et du Budget", "SEN"),
        _person("a2", "Fatou Diop", "minister", "Ministère des Pêches", "SEN"),
        _person("a3", "Diop", "minister", "Ministère des Finances", "SEN"),
        _person("a4", "Diop", "minister", "", "SEN"),  # two Diop ministers: stays apart
        _person("a5", "Amadou DIOP", "other"),
    ]
    c = person_clusters(rows)
    assert c[0] == c[2] == c[4]
    assert len({c[0], c[1], c[3]}) == 3


def test_same_name_two_countries_stay_apart() -> None:
    rows = [
        _person("a1", "Ali Traoré", "minister", "", "MLI"),
        _person("a2", "Ali Traoré", "minister", "", "BFA"),
    ]
    c = person_clusters(rows)
    assert c[0] != c[1]


def test_a_wrong_country_does_not_split_one_office_holder() -> None:
    rows = [
        _person("a1", "Aminata Sow", "minister", "Ministère de l'Hydraulique", "SEN"),
        _person("a2", "Aminata Sow", "minister", "Ministère de l'Hydraulique", "CIV"),
        _person("a3", "Cheikh Tidiane Fall", "head_of_government", "", "SEN"),
        _person("a4", "Cheikh Tidiane Fall", "head_of_government", "", "MRT"),
        _person("a5", "Aminata Sow", "minister", "Ministère de la Santé", "CIV"),
    ]
    c = person_clusters(rows)
    assert c[0] == c[1] and c[2] == c[3]
    assert c[4] != c[0]  # another portfolio in another country: another person


def _report(article: str, **kw: Any) -> Report:
    base: dict[str, Any] = {
        "article_id": article,
        "agreement_id": "A1",
        "title": "Accord de prêt",
        "type": "pret",
        "parties": frozenset({"BAD", "SEN"}),
        "domains": frozenset(),
        "signed_on": "",
        "place": "",
        "status": "signed",
        "published_at": "2025-03-11",
        "evidence": "",
        "confidence": 0.8,
    }
    base.update(kw)
    return Report(**base)


def test_two_loans_of_one_month_cannot_link() -> None:
    config = default_config()
    water = _report("a1", signed_on="2025-03-10")
    road = _report("a2", signed_on="2025-03-27", published_at="2025-03-28")
    announced = _report("a3", status="announced", published_at="2025-03-14")
    assert cannot_link(water, road, config)
    assert cannot_link(water, announced, config)  # announced after the other was signed
    assert not cannot_link(road, announced, config)


def test_reports_of_one_signing_score_high() -> None:
    config = default_config()
    a = _report(
        "a1",
        signed_on="2025-03-10",
        title="Accord de prêt de 120 millions de dollars pour l'eau potable",
    )
    b = _report(
        "a2", signed_on="2025-03-10", title="prêt de la BAD pour l'eau potable du Sine-Saloum"
    )
    c = _report(
        "a3", title="Accord de prêt pour la route Kaolack-Fatick", published_at="2025-03-28"
    )
    assert pair_score(a, b, config) > 0.9
    assert pair_score(a, c, config) < pair_score(a, b, config)


def test_a_broken_config_names_the_file_and_key(tmp_path: Path) -> None:
    path = tmp_path / "linking.yaml"
    path.write_text(
        "threshold: 2\nwindow_days: 10\nmax_signing_gap_days: 1\nweights: {}\ntype_groups: []\n"
    )
    with pytest.raises(ResourceError, match="weights missing"):
        load_config(path)


def test_an_announcement_then_a_signing_is_a_progression() -> None:
    config = default_config()
    announced = _report("a1", status="announced", published_at="2025-03-03")
    signed = _report("a2", signed_on="2025-04-14", published_at="2025-04-15")
    late = _report("a3", status="announced", published_at="2025-04-20")
    assert pair_features(announced, signed, config).get("status_progression") == 1.0
    assert "status_progression" not in pair_features(late, signed, config)
    assert "status_progression" not in pair_features(signed, signed, config)


def test_a_place_counts_only_between_two_signings() -> None:
    config = default_config()
    signed = _report("a1", signed_on="2025-04-14", place="Rabat")
    ratified = _report("a2", status="ratified", place="Abidjan", published_at="2025-06-01")
    other = _report("a3", signed_on="2025-04-14", place="Abidjan")
    assert "place_conflict" not in pair_features(signed, ratified, config)
    assert pair_features(signed, other, config).get("place_conflict") == 1.0


def test_a_rendered_config_loads_back(tmp_path: Path) -> None:
    path = tmp_path / "linking.yaml"
    path.write_text(render_config(default_config(), "fitted on nothing"), encoding="utf-8")
    assert load_config(path) == default_config()
    assert "# fitted on nothing" in path.read_text(encoding="utf-8")
