"""Loading and validating gold files: good files load, broken ones name file and field."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from agreement_nlp.evaluate.gold import (
    GoldError,
    check_unique_ids,
    load_gold_dir,
    load_gold_file,
)

TEXT = "Titre de l'article\n\nBamako, le 3 mars 2025 - Le ministre a signé un accord.\n"


def gold(article_id: str = "art", **overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": article_id,
        "reference_date": "2025-03-03",
        "ministers": [
            {
                "name": "Moussa Keïta",
                "country": "MLI",
                "ministry": "Ministère de l'Agriculture",
                "aliases": ["Moussa Keita"],
            }
        ],
        "officials": [
            {"name": "Ibrahim Coulibaly", "role": "head_of_government", "country": "MLI"}
        ],
        "ministries": [{"name": "Ministère de l'Agriculture", "country": "MLI"}],
        "agreements": [
            {
                "title": "Accord de coopération agricole",
                "type": "accord",
                "parties": ["MLI", "SEN"],
                "signatories": ["Moussa Keïta"],
                "signed_on": "2025-03-02",
                "status": "signed",
                "evidence": "ont signé hier à Bamako un accord de coopération agricole",
            }
        ],
        "notes": "",
    }
    data.update(overrides)
    return data


def write(folder: Path, stem: str, data: Any, text: str | None = TEXT) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{stem}.json"
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    if text is not None:
        (folder / f"{stem}.txt").write_text(text, encoding="utf-8")
    return path


def test_valid_gold_loads(tmp_path: Path) -> None:
    g = load_gold_file(write(tmp_path, "art", gold()))
    assert g.article_id == "art"
    assert g.reference_date == "2025-03-03"
    assert g.ministers[0].aliases == ("Moussa Keita",)
    assert g.officials[0].role == "head_of_government"
    assert g.agreements[0].parties == ("MLI", "SEN")
    assert g.agreements[0].signatories == ("Moussa Keïta",)


def test_article_from_gold_has_text_title_and_reference_date(tmp_path: Path) -> None:
    art = load_gold_file(write(tmp_path, "art", gold())).to_article()
    assert art.article_id == "art"
    assert art.text == TEXT
    assert art.title == "Titre de l'article"
    assert art.published_at == "2025-03-03"


def test_null_reference_date_gives_no_publication_date(tmp_path: Path) -> None:
    art = load_gold_file(write(tmp_path, "art", gold(reference_date=None))).to_article()
    assert art.published_at is None


def test_text_is_read_from_raw_when_not_beside(tmp_path: Path) -> None:
    annotated, raw = tmp_path / "annotated", tmp_path / "raw"
    raw.mkdir()
    (raw / "art.txt").write_text("Depuis raw\n\nCorps.", encoding="utf-8")
    g = load_gold_file(write(annotated, "art", gold(), text=None))
    assert g.text_path == raw / "art.txt"
    assert g.to_article().title == "Depuis raw"


def test_missing_text_names_the_gold_file(tmp_path: Path) -> None:
    path = write(tmp_path, "art", gold(), text=None)
    with pytest.raises(GoldError, match=r"art\.json: no article text found"):
        load_gold_file(path)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("{not json", r"invalid JSON at line 1"),
        ([], r"top level: expected an object"),
        ({k: v for k, v in gold().items() if k != "id"}, r"missing field 'id'"),
        (gold(ministers={}), r"ministers: expected a list"),
        (gold(ministers=[{"country": "MLI"}]), r"ministers\[0\]: missing field 'name'"),
        (gold(ministers=[{"name": ""}]), r"ministers\[0\]\.name: expected a non-empty string"),
        (
            gold(officials=[{"name": "X Y", "role": "president", "country": "MLI"}]),
            r"officials\[0\]\.role: 'president' is not one of",
        ),
        (gold(reference_date="03/03/2025"), r"reference_date: expected an ISO date"),
        (
            gold(agreements=[{**gold()["agreements"][0], "type": "pact"}]),
            r"agreements\[0\]\.type: 'pact' is not one of",
        ),
        (
            gold(agreements=[{**gold()["agreements"][0], "parties": "MLI"}]),
            r"agreements\[0\]\.parties: expected a list of strings",
        ),
        (
            gold(agreements=[{**gold()["agreements"][0], "signed_on": "hier"}]),
            r"agreements\[0\]\.signed_on: expected an ISO date",
        ),
        (
            gold(agreements=[{**gold()["agreements"][0], "status": "done"}]),
            r"agreements\[0\]\.status: 'done' is not one of",
        ),
    ],
)
def test_broken_gold_gives_clear_error_naming_the_file(
    tmp_path: Path, data: Any, message: str
) -> None:
    path = write(tmp_path, "broken", data)
    with pytest.raises(GoldError, match=message) as info:
        load_gold_file(path)
    assert str(info.value).startswith(str(path))


def test_broken_file_in_a_folder_fails_the_whole_load(tmp_path: Path) -> None:
    write(tmp_path, "good", gold("good"))
    write(tmp_path, "bad", gold("bad", ministries=[{"name": 3}]))
    with pytest.raises(GoldError, match=r"bad\.json: ministries\[0\]\.name"):
        load_gold_dir(tmp_path)


def test_folder_skips_manifest_and_splits(tmp_path: Path) -> None:
    write(tmp_path, "b", gold("b"))
    write(tmp_path, "a", gold("a"))
    (tmp_path / "manifest.json").write_text("[]", encoding="utf-8")
    (tmp_path / "splits.json").write_text('{"dev": []}', encoding="utf-8")
    assert [g.article_id for g in load_gold_dir(tmp_path)] == ["a", "b"]


def test_inputs_select_articles_by_stem_or_path(tmp_path: Path) -> None:
    write(tmp_path, "a", gold("a"))
    write(tmp_path, "b", gold("b"))
    other = tmp_path / "elsewhere"
    other.mkdir()
    (other / "b.txt").write_text("Autre texte\n\nCorps.", encoding="utf-8")
    selected = load_gold_dir(tmp_path, ["a", str(other / "b.txt")])
    assert [g.article_id for g in selected] == ["a", "b"]
    assert selected[1].to_article().title == "Autre texte"
    assert [g.article_id for g in load_gold_dir(tmp_path, [tmp_path / "b.json"])] == ["b"]


def test_unknown_input_is_an_error(tmp_path: Path) -> None:
    write(tmp_path, "a", gold("a"))
    with pytest.raises(GoldError, match=r"zzz: no gold file zzz\.json"):
        load_gold_dir(tmp_path, ["zzz"])


def test_missing_gold_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(GoldError, match="no such gold folder"):
        load_gold_dir(tmp_path / "nope")


def test_duplicate_ids_are_an_error(tmp_path: Path) -> None:
    write(tmp_path, "a", gold("same"))
    write(tmp_path, "b", gold("same"))
    with pytest.raises(GoldError, match=r"b\.json: id 'same' already used"):
        check_unique_ids(load_gold_dir(tmp_path))
