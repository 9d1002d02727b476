"""A table column of the contract, and the columns of the corpus-level tables.

The article-level tables are declared in :mod:`agreement_nlp.tables.schema`; ``events`` and
``people``, which the linking pass (:mod:`agreement_nlp.link`) builds over all articles of a
run, are declared here, in the same form.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    name: str
    dtype: str
    doc: str
    # A column computed from another one (the precision of a date): what rows give is ignored.
    precision_of: str | None = None
    # A column the linking pass fills over the whole run: rows of one article leave it empty.
    linked: bool = False


def precision_column(of: str) -> Column:
    return Column(
        f"{of}_precision",
        "str",
        f"How much of {of} is known: year, quarter, month, week, day or datetime.",
        precision_of=of,
    )


EVENTS: tuple[Column, ...] = (
    Column("event_id", "str", "Id of the event in this output, e.g. E1 (agreements.event_id)."),
    Column("title", "str", "Canonical title: that of the most confident, fullest report."),
    Column("type", "str", "The type most reports give (a specific type before accord)."),
    Column("domains", "list", "Domains any report gives."),
    Column("parties", "list", "Sorted parties any report gives."),
    Column("signed_on", "date", "Signing date most reports give (the earliest on a tie)."),
    precision_column("signed_on"),
    Column("place", "str", "Place of signing most reports give."),
    Column(
        "status",
        "str",
        "The latest reported status (a later report that only refers to it keeps the earlier one).",
    ),
    Column("signatories", "list", "Canonical names of the signatories any report names."),
    Column("n_reports", "int", "Agreement rows (one per article) reporting the event."),
    Column("first_reported", "date", "Publication date of the first report."),
    Column("last_reported", "date", "Publication date of the last report."),
    Column("article_ids", "list", "Articles reporting it, in order of publication."),
    Column("agreement_ids", "list", "Its agreement rows as article_id:agreement_id keys."),
    Column(
        "confidence",
        "float",
        "Confidence of its most confident report times the weakest link that joined the "
        "reports (1 for a single report).",
    ),
)

PEOPLE: tuple[Column, ...] = (
    Column("person_key", "str", "Key of the person in this output, e.g. amadou-diop."),
    Column("name", "str", "Canonical name: the fullest form, the most frequent on a tie."),
    Column("aliases", "list", "Every other form seen across articles."),
    Column("role", "str", "Latest office held (persons.role), other if none."),
    Column("ministry", "str", "Ministry of that office, for ministers."),
    Column("country", "str", "Country or organisation of that office."),
    Column(
        "roles",
        "list",
        'Offices over time, each "role · ministry · country · first_seen/last_seen".',
    ),
    Column("first_seen", "date", "Publication date of the first article naming the person."),
    Column("last_seen", "date", "Publication date of the last article naming the person."),
    Column("n_articles", "int", "Articles naming the person."),
    Column("article_ids", "list", "Those articles, in order of publication."),
)
