from __future__ import annotations

from pathlib import Path

import pytest

from agreement_nlp.resources import ResourceError
from agreement_nlp.segment.furniture import content_end, find_furniture, load_markers, marker_of

BODY = (
    "Lomé et Accra renforcent leur coopération\n"
    "Le ministre togolais des Affaires étrangères a reçu hier son homologue ghanéen.\n"
)


def spans(text: str) -> list[tuple[str, str]]:
    return [(f.kind, text[f.start : f.end]) for f in find_furniture(text)]


def test_reference_article_keeps_its_content_and_byline(reference_text: str) -> None:
    found = find_furniture(reference_text)
    assert content_end(reference_text, found) == 3905
    assert reference_text[3905:].startswith("Lire aussi")
    byline = reference_text.index("Alassane SOULEYMANE et Oumar DIOP")
    assert byline < 3905
    assert not any(f.start <= byline < f.end for f in found)


@pytest.mark.parametrize(
    "tail",
    [
        "À lire aussi : Le port de Lomé s'agrandit\nLe chantier a débuté.\n",
        "Sur le même sujet\nUn autre article\nEncore un autre\n",
        "Les articles de l'auteur\nChronique du lundi\nPar Kossi Mensah\n",
        "Laisser un commentaire\nVotre nom\n",
        "Abonnez-vous pour lire la suite de nos articles.\nS'abonner\n",
        "Cet article est réservé aux abonnés.\n",
    ],
)
def test_tails_end_the_content(tail: str) -> None:
    text = BODY + tail
    assert content_end(text, find_furniture(text)) == len(BODY)


def test_teaser_in_the_middle_is_cut_out_and_the_article_goes_on() -> None:
    text = (
        BODY
        + "À lire aussi : Les douanes modernisées\nRésumé du teaser.\n"
        + "La visite se poursuit demain.\n"
    )
    assert spans(text) == [("teaser", "À lire aussi : Les douanes modernisées\nRésumé du teaser.")]
    assert content_end(text, find_furniture(text)) == len(text)


@pytest.mark.parametrize(
    "line",
    [
        "Crédit photo : Présidence",
        "Photo : DR",
        "© AFP",
        "Partager :",
        "Partager sur Facebook",
        "Commentaires (3)",
    ],
)
def test_single_lines(line: str) -> None:
    text = BODY + line + "\nLa suite de l'article.\n"
    assert spans(text) == [("line", line)]


def test_content_lines_that_start_like_markers_stay_content() -> None:
    long_photo = "Photo : " + "une longue légende qui décrit la cérémonie en détail " * 5
    for line in [
        "Partagez-vous cet avis ? a demandé le ministre.",
        long_photo,
        "Commentaires du ministre sur la réforme, prononcés hier devant la presse.",
    ]:
        assert marker_of(line) is None, line


def test_marker_file_is_validated(tmp_path: Path) -> None:
    assert load_markers()  # the shipped file loads
    cases = {
        "not yaml: [": "invalid YAML",
        "markers: 3": "'markers' list",
        "markers:\n  - {pattern: x, kind: banner}": "'banner' is not one of",
        "markers:\n  - {pattern: x, kind: tail, colour: red}": "unknown key",
        "markers:\n  - {kind: tail}": "missing key",
        "markers:\n  - {pattern: '  ', kind: tail}": "non-empty string",
        "markers:\n  - {pattern: x, kind: line, max_chars: -1}": "non-negative integer",
        "markers:\n  - {pattern: x, kind: line, match: exact}": "'exact' is not one of",
        "markers:\n  - {pattern: À lire, kind: tail}\n  - {pattern: a lire, kind: tail}": (
            "duplicate pattern"
        ),
    }
    for i, (content, message) in enumerate(cases.items()):
        path = tmp_path / f"broken{i}.yaml"
        path.write_text(content, encoding="utf-8")
        with pytest.raises(ResourceError, match=message) as err:
            load_markers(path)
        assert str(path) in str(err.value)
