"""The HTML view of an article: spans at their offsets, escaped text, the show command."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from spacy.language import Language

from agreement_nlp.display import render_doc, render_file, render_html, render_tables
from agreement_nlp.tables.frames import Tables
from tests.cli_run import run_cli
from tests.conftest import ROOT

REFERENCE_ARTICLE = ROOT / "data" / "raw" / "mali-russie-accords-2025-06-24.txt"
MARK = re.compile(r'<mark [^>]*data-start="(\d+)" data-end="(\d+)"[^>]*>')


def body(page: str) -> str:
    match = re.search(r'<div class="an-text">(.*)</div></div>', page, re.S)
    assert match, page
    return match.group(1)


def plain(page: str) -> str:
    """The text a reader sees, without the tags."""
    return html.unescape(re.sub(r"<[^>]+>", "", body(page)))


def marked(page: str) -> dict[tuple[int, int], str]:
    """(start, end) of each highlight -> the text inside it."""
    out: dict[tuple[int, int], str] = {}
    text = body(page)
    for m in MARK.finditer(text):
        start, end = int(m.group(1)), int(m.group(2))
        # The inner text is what comes after the tag, tags removed, up to the span's length.
        inner = html.unescape(re.sub(r"<[^>]+>", "", text[m.end() :]))
        out[(start, end)] = inner[: end - start]
    return out


TEXT = "Bamako - Le ministre de la Santé, Mme Awa Traoré, a signé un accord le 12 mai."
MENTIONS = [
    {"label": "MINISTRY", "text": "ministre de la Santé", "entity_id": "M1"},
    {"label": "PERSON", "text": "Awa Traoré", "entity_id": "P1"},
    {"label": "AGREEMENT", "text": "un accord", "entity_id": "A1"},
    {"label": "DATE", "text": "12 mai"},
    {"label": "PER", "text": "Mme Awa Traoré"},
]


def fix_offsets(rows: list[dict[str, object]]) -> list[dict[str, object]]:
    """The rows above with their offsets in TEXT."""
    out = []
    for row in rows:
        start = TEXT.index(str(row["text"]))
        out.append({**row, "start": start, "end": start + len(str(row["text"]))})
    return out


def test_spans_at_their_offsets_and_text_unchanged() -> None:
    rows = fix_offsets(MENTIONS)
    page = render_html(TEXT, rows)
    spans = marked(page)
    for row in rows:
        if row["label"] == "PER":
            continue
        key = (int(str(row["start"])), int(str(row["end"])))
        assert spans[key] == row["text"]
    assert plain(page) == TEXT


def test_model_entities_only_when_asked() -> None:
    rows = fix_offsets(MENTIONS)
    assert 'data-label="PER"' not in render_html(TEXT, rows)
    with_model = render_html(TEXT, rows, model_entities=True)
    assert 'data-label="PER"' in with_model
    # PER contains PERSON: nested, and the text still reads the same.
    assert plain(with_model) == TEXT
    assert render_html(TEXT, rows, labels={"DATE"}).count("<mark") == 1


def test_tags_from_the_tables() -> None:
    rows = fix_offsets(MENTIONS)
    page = render_html(
        TEXT,
        rows,
        persons=[{"person_id": "P1", "name": "Awa Traoré", "role": "minister"}],
        ministries=[{"ministry_id": "M1", "name": "Ministère de la Santé", "country": "MLI"}],
        agreements=[{"agreement_id": "A1", "type": "accord", "parties": ["MLI", "BM"]}],
        dates=[{"start": rows[3]["start"], "end": rows[3]["end"], "value": "2024-05-12"}],
    )
    assert 'data-tag="PERSON · minister"' in page
    assert 'data-tag="MINISTRY · MLI"' in page
    assert 'data-tag="AGREEMENT · accord"' in page
    assert 'data-tag="DATE · 2024-05-12"' in page
    assert "MLI, BM" in page


def test_html_in_the_text_is_escaped() -> None:
    text = 'Le <script>alert("x")</script> & M. <b>Diop</b> a signé.'
    start = text.index("Diop")
    page = render_html(text, [{"label": "PERSON", "start": start, "end": start + 4}], title="<i>")
    assert "<script>" not in page and "<b>" not in page and "<i>" not in page
    assert "&lt;script&gt;" in page and "&amp;" in page
    assert plain(page) == text
    assert marked(page)[(start, start + 4)] == "Diop"


def test_escapes_attribute_values() -> None:
    page = render_html(
        "Awa", [{"label": "PERSON", "start": 0, "end": 3, "entity_id": 'P"1'}], legend=False
    )
    assert 'data-entity="P&quot;1"' in page


def test_no_entities() -> None:
    text = "Il a plu à Paris.\nRien d'autre."
    page = render_html(text, [])
    assert "<mark" not in page
    assert plain(page) == text
    assert "<mark" not in render_tables(Tables.empty(), text)
    assert render_html("", []).count("<mark") == 0


def test_furniture_greyed() -> None:
    text = "Corps de l'article.\nLire aussi : autre chose"
    end = text.index("Lire")
    page = render_html(text, [], content_end=end)
    assert '<span class="an-furniture"' in page
    grey = re.search(r'<span class="an-furniture"[^>]*>(.*?)</span>', body(page), re.S)
    assert grey and html.unescape(grey.group(1)) == text[end:]


def test_crossing_spans_do_not_break_the_html() -> None:
    text = "abcdefghij"
    rows = [
        {"label": "PERSON", "start": 0, "end": 6},
        {"label": "DATE", "start": 4, "end": 9},  # crosses the first: dropped
        {"label": "DATE", "start": 2, "end": 4},
    ]
    page = render_html(text, rows)
    assert set(marked(page)) == {(0, 6), (2, 4)}
    assert body(page).count("<mark") == body(page).count("</mark>")
    assert plain(page) == text


def test_mentions_of_another_text_are_refused() -> None:
    with pytest.raises(ValueError, match="another article"):
        render_html("Texte.", [{"label": "PERSON", "start": 0, "end": 5, "text": "Diop."}])


def test_page_is_a_whole_document() -> None:
    page = render_html("Texte.", [], page=True, title="Titre")
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page
    assert "<title>Titre</title>" in page


def test_several_articles_need_an_id() -> None:
    tables = Tables.empty()
    tables.articles = tables.articles.reindex(range(2))
    tables.articles["article_id"] = ["a", "b"]
    with pytest.raises(ValueError, match="article_id"):
        render_tables(tables, "Texte.")


@pytest.mark.model
def test_reference_article(nlp: Language, reference_text: str) -> None:
    import agreement_nlp

    tables = agreement_nlp.extract(REFERENCE_ARTICLE, nlp=nlp)
    page = render_tables(tables, reference_text)
    assert plain(page) == reference_text
    spans = marked(page)
    wanted = tables.mentions[~tables.mentions["label"].isin(["PER", "ORG", "LOC", "MISC"])]
    for row in wanted.itertuples():
        assert spans[(row.start, row.end)] == row.text
    for person in tables.persons.itertuples():
        assert f'data-entity="{person.person_id}"' in page
    assert 'data-tag="PERSON · minister"' in page
    assert 'data-tag="DATE · 2025-06-23"' in page
    # The page tail (teasers after the article) is greyed.
    assert '<span class="an-furniture"' in page
    assert render_file(REFERENCE_ARTICLE, nlp=nlp) == page


def test_a_text_that_opens_with_its_title_shows_it_once() -> None:
    assert "<h3>" not in render_html("Le titre\n\nLe texte.", [], title="Le  titre")
    assert "<h3>Autre titre</h3>" in render_html("Le titre\n\nLe texte.", [], title="Autre titre")


@pytest.mark.model
def test_tables_show_one_article_of_several(nlp: Language, reference_text: str) -> None:
    import agreement_nlp

    other = {"id": "autre", "text": "Le ministre de la Santé, Mme Awa Traoré, est arrivé."}
    tables = agreement_nlp.extract([REFERENCE_ARTICLE, other], nlp=nlp)
    shown = tables.show(REFERENCE_ARTICLE.stem)
    assert shown._repr_html_() == shown  # a notebook shows it as HTML
    assert shown == render_tables(tables, reference_text, REFERENCE_ARTICLE.stem)
    assert plain(shown) == reference_text
    assert shown.count("Visite officielle") == reference_text.count("Visite officielle")
    with pytest.raises(ValueError, match="article_id"):
        tables.show()
    with pytest.raises(ValueError, match="no article 'nope'"):
        tables.show("nope")
    assert "<mark" in tables.show("autre")
    bare = agreement_nlp.extract([other], nlp=nlp, keep_texts=False)
    with pytest.raises(ValueError, match="do not hold the text of article 'autre'"):
        bare.show()


@pytest.mark.model
def test_rows_of_the_reference_point_at_their_own_words(nlp: Language, reference_text: str) -> None:
    import agreement_nlp

    tables = agreement_nlp.extract(REFERENCE_ARTICLE, nlp=nlp)
    ours = tables.mentions[~tables.mentions["label"].isin(["PER", "ORG", "LOC", "MISC"])]
    # one box over each name: a ministry named by a role ("chefs de la diplomatie") is there
    assert not ours.duplicated(["start", "end"]).any(), ours[ours.duplicated(["start", "end"])]
    names = set(tables.persons["name"])
    assert not names & set(tables.ministries["mention"])
    # an agreement starts at its own mention, not at "les accords signés" shared with others
    for row in tables.agreements.itertuples():
        assert reference_text[row.start : row.end].startswith("Accord "), row.title


@pytest.mark.model
def test_render_doc(nlp: Language) -> None:
    doc = nlp("Le ministre de la Santé, Mme Awa Traoré, a signé hier un accord.")
    page = render_doc(doc)
    assert 'data-tag="PERSON · minister"' in page
    assert plain(page) == doc.text


@pytest.mark.model
@pytest.mark.slow
def test_show_command(tmp_path: Path) -> None:
    out = tmp_path / "page" / "reference.html"
    done = run_cli("show", str(REFERENCE_ARTICLE), "--html", str(out))
    assert done.returncode == 0, done.stderr
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert plain(page) == REFERENCE_ARTICLE.read_text(encoding="utf-8")
    assert 'data-label="AGREEMENT"' in page and 'data-label="DATE"' in page

    missing = run_cli("show", str(tmp_path / "none.txt"))
    assert missing.returncode == 1 and "error:" in missing.stderr
