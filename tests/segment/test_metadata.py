from __future__ import annotations

import pytest

from agreement_nlp.segment.metadata import find_authors, find_published_at, find_title


@pytest.mark.parametrize(
    ("text", "value", "rule"),
    [
        ("Titre\nPublié le 12/05/2024 à 14h30\nTexte.", "2024-05-12T14:30", "publication_line"),
        ("Titre\nPublié par Kossi Mensah le 3 mars 2024\n", "2024-03-03", "publication_line"),
        ("Mis en ligne le 2024-05-03 10:00\n", "2024-05-03T10:00", "publication_line"),
        ("Date : 31 octobre 2024\nTexte.", "2024-10-31", "publication_line"),
        ("📅 Jeudi 31 Octobre 2024\nTexte.", "2024-10-31", "date_line"),
        ("Bamako, le 12 mai 2024 – Le ministre a signé.", "2024-05-12", "dateline"),
        ("Niamey (Niger), le 1er juin 2023 - La cérémonie.", "2023-06-01", "dateline"),
        ("Paris, 12 mai 2012 (AFP) - Le président.", "2012-05-12", "dateline"),
        (
            "DAKAR, 12 mai (APS) – Le texte signé le 10 mai 2024 entre en vigueur.",
            "2024-05-12",
            "dateline_no_year",
        ),
        ("17 août 2012. – Le ministre a signé un accord.", "2012-08-17", "date_dash"),
        # a sign-off whose weekday does not match its date loses to a consistent one
        (
            "Communiqué\nMercredi 31 Juillet 2023\nTexte.\nPublié le jeudi 1er août 2024\n",
            "2024-08-01",
            "publication_line",
        ),
        ("Mercredi 31 Juillet 2024\nTexte.", "2024-07-31", "date_line"),
        ("Lundi 31 Juillet 2024\nTexte.", "2024-07-31", "date_line"),  # the only one: kept
    ],
)
def test_publication_dates(text: str, value: str, rule: str) -> None:
    found = find_published_at(text)
    assert found is not None and (found.value, found.rule) == (value, rule)
    assert found.start < found.end <= len(text)


def test_no_date_and_no_guess() -> None:
    assert find_published_at("DAKAR, 12 mai (APS) – Aucune année dans ce texte.") is None
    assert find_published_at("Publié le 31 février 2024") is None
    assert find_published_at("Le ministre a parlé.") is None


def test_end_limits_the_search(reference_text: str) -> None:
    found = find_published_at(reference_text, 3905)
    assert found is not None and found.value == "2025-06-24T10:11"
    assert find_published_at("Texte.\nLire aussi\nPublié le 3 mai 2024", 7) is None


def test_offsets_point_into_the_text() -> None:
    text = "Bamako, le 12 mai 2024 – Le ministre."
    found = find_published_at(text)
    assert found is not None and text[found.start : found.end].startswith("12 mai 2024")


def test_authors_from_bylines(reference_text: str) -> None:
    names = [a.name for a in find_authors(reference_text, 3905)]
    assert names == ["Alassane SOULEYMANE", "Oumar DIOP"]
    text = "Titre\nTexte de l'article.\nPar Kossi MENSAH et Afi Ama Lawson\n"
    found = find_authors(text)
    assert [a.name for a in found] == ["Kossi MENSAH", "Afi Ama Lawson"]
    assert text[found[0].start : found[0].end] == "Kossi MENSAH"
    assert find_authors("Par ailleurs, le ministre a rappelé les enjeux.\n") == []
    assert [a.name for a in find_authors("De notre correspondant à Lomé\nYao Agbeko\n")] == [
        "Yao Agbeko"
    ]


def test_title_skips_navigation_dates_and_bylines() -> None:
    assert (
        find_title("Accueil\n📅 Jeudi 31 Octobre 2024\nPar Kossi MENSAH\nLomé signe\nTexte.")
        == "Lomé signe"
    )
    assert find_title("   \n") is None
