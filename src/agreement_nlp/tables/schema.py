"""The output tables: one declared column list per table.

This module is the documented contract of the project (see ``docs/tables.md``).
Every table is built through :func:`frame`, so column order and dtypes are fixed
whatever the input. Change a column here deliberately, together with the docs.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from agreement_nlp.tables.columns import EVENTS, PEOPLE, Column, precision_column
from agreement_nlp.tables.isodates import precision
from agreement_nlp.text import without_bidi_controls

# Logical dtypes, mapped to pandas dtypes in ``PANDAS_DTYPES``.
#   str   -> nullable string
#   int   -> nullable Int64
#   bool  -> nullable boolean
#   list  -> Python list of str (joined with "|" in CSV)
#   float -> Float64
#   date  -> nullable string holding an ISO 8601 value at its own precision (2025-06,
#            2025-06-24, 2025-06-24T10:11); a timestamp in Parquet (tables.isodates)


TABLES: dict[str, tuple[Column, ...]] = {
    "articles": (
        Column(
            "article_id",
            "str",
            "Article id: file stem, record id, or generated from source and position.",
        ),
        Column(
            "source",
            "str",
            "Where the article was read from (file path, with line or row for records).",
        ),
        Column("title", "str", "Title from the record, else the first line of the text."),
        Column("url", "str", "URL from the record, if any."),
        Column("authors", "list", "Authors from the record, the HTML page or the byline."),
        Column("published_at", "date", "Publication date, ISO date or datetime; empty if unknown."),
        precision_column("published_at"),
        Column(
            "published_at_source",
            "str",
            "Where published_at came from: record, html, text:<rule> (text:dateline, "
            "text:publication_line...), argument, gold, or empty.",
        ),
        Column("n_chars", "int", "Length of the text as read."),
        Column(
            "text_sha256",
            "str",
            "SHA-256 of the text as read: identical articles share it (--dedupe skips repeats).",
        ),
        Column("n_words", "int", "Words in the article content (page furniture excluded)."),
        Column(
            "content_end", "int", "Offset where the article content ends (start of page furniture)."
        ),
        Column("status", "str", "ok, empty, skipped or error."),
        Column("error", "str", "Why the article is not ok: a precise message naming the problem."),
    ),
    "persons": (
        Column("article_id", "str", "Article the person is mentioned in."),
        Column("person_id", "str", "Id unique within the article, e.g. P1."),
        Column("person_key", "str", "The person across articles (people.person_key).", linked=True),
        Column(
            "name", "str", "Full name, without title or rank (the fullest, most frequent form)."
        ),
        Column("title", "str", 'Rank or honorific as written, e.g. "Général d\'armée".'),
        Column(
            "role",
            "str",
            "minister, head_of_state, head_of_government, ambassador, official, journalist, other.",
        ),
        Column("role_label", "str", 'The role words as written, e.g. "chef de la diplomatie".'),
        Column("ministry", "str", "Canonical ministry name, for ministers."),
        Column("ministry_id", "str", "Id of the ministry row in the same article."),
        Column("country", "str", "ISO 3166-1 alpha-3 code or organisation short code."),
        Column("aliases", "list", "Other spellings and short forms seen in the article."),
        Column("n_mentions", "int", "Mentions of this person in the article content."),
        Column("start", "int", "Start offset of the first mention."),
        Column("end", "int", "End offset of the first mention."),
        Column("evidence", "str", "The sentence that gave the role."),
        Column("rule", "str", "Which rule or model gave the role and the country."),
        Column(
            "confidence",
            "float",
            "For office holders the rules found: probability, calibrated on the dev split, "
            "that the article names them in that office now (the person model, "
            "resources/models/persons.json); below its threshold the role is other.",
        ),
    ),
    "ministries": (
        Column("article_id", "str", "Article the ministry is mentioned in."),
        Column("ministry_id", "str", "Id unique within the article, e.g. M1."),
        Column("name", "str", 'Canonical name: "Ministère " + portfolio as worded.'),
        Column("portfolio", "str", 'The portfolio alone, e.g. "de l\'Économie et des Finances".'),
        Column("country", "str", "ISO 3166-1 alpha-3 code of the government."),
        Column("minister", "str", "Name of the minister, if named."),
        Column("person_id", "str", "Person id of the minister, if named."),
        Column("mention", "str", "First mention as written."),
        Column("start", "int", "Start offset of the first mention."),
        Column("end", "int", "End offset of the first mention."),
        Column("rule", "str", "Which rule found it."),
    ),
    "agreements": (
        Column("article_id", "str", "Article the agreement is reported in."),
        Column("agreement_id", "str", "Id unique within the article, e.g. A1."),
        Column("event_id", "str", "The agreement across articles (events.event_id).", linked=True),
        Column("title", "str", "The agreement's name as the article gives it (fullest form)."),
        Column(
            "type",
            "str",
            "accord, accord_cadre, convention, memorandum, protocole, traite, pret, financement, contrat, declaration, autre.",
        ),
        Column(
            "domains", "list", "Domains from the documented vocabulary (resources/domains.yaml)."
        ),
        Column("parties", "list", "Sorted ISO alpha-3 codes or organisation short codes."),
        Column("signed_on", "date", "ISO date of signing, if given or resolvable."),
        precision_column("signed_on"),
        Column("place", "str", "Place of signing, if given."),
        Column("status", "str", "signed, ratified, announced, negotiating, suspended, other."),
        Column("n_mentions", "int", "Mentions of this agreement in the article."),
        Column("evidence", "str", "The sentence that names the agreement."),
        Column(
            "start", "int", "Start offset of its own first mention (not a plural naming others)."
        ),
        Column("end", "int", "End offset of that mention."),
        Column(
            "rule",
            "str",
            "Which rules gave type, status cue and date, and the models that kept it and chose "
            "its status.",
        ),
        Column(
            "confidence",
            "float",
            "Probability, calibrated on the dev split, that this is a formal agreement the "
            "article reports (the agreement model, resources/models/agreements.json).",
        ),
        Column(
            "status_confidence",
            "float",
            "Probability that status is right, calibrated out of fold on the train and dev "
            "splits (the status model, resources/models/agreement_status.json).",
        ),
    ),
    "signatories": (
        Column("article_id", "str", "Article."),
        Column("agreement_id", "str", "Agreement signed."),
        Column("person_id", "str", "Person id, empty for an unnamed signatory."),
        Column(
            "person_key", "str", "The signatory across articles (people.person_key).", linked=True
        ),
        Column("name", "str", "Name of the signatory (empty if unnamed)."),
        Column("role", "str", "Role of the signatory."),
        Column("ministry", "str", "Ministry of the signatory, for ministers."),
        Column("country", "str", "Country or organisation the signatory signed for."),
        Column("evidence", "str", "The sentence that names the signatory."),
        Column(
            "rule",
            "str",
            "Which rule found the signatory: signing:named (named in a signing sentence), "
            'signing:both ("les deux ministres": the two signers or ministers named before), '
            "signing:unnamed_minister (a ministry's minister, unnamed).",
        ),
        Column(
            "confidence",
            "float",
            "The confidence of the agreement signed (the signatory itself is found by rules).",
        ),
    ),
    "dates": (
        Column("article_id", "str", "Article."),
        Column("text", "str", "The date expression as written."),
        Column("start", "int", "Start offset."),
        Column("end", "int", "End offset."),
        Column(
            "value",
            "date",
            "ISO value at its granularity: 2025, 2025-06, 2025-06-23, 2025-W26, 2025-06-24T10:11; "
            "TimeML forms for what ISO lacks: 2025-FA (autumn), 2025-06-23TEV (that evening), "
            "2025-W26-WE (a weekend), PRESENT_REF (now).",
        ),
        Column("end_value", "date", "For ranges and periods: ISO value of the end."),
        precision_column("value"),
        Column(
            "granularity",
            "str",
            "year, season, quarter, month, week, day, part_of_day, datetime, range or present.",
        ),
        Column(
            "mod",
            "str",
            "TimeML modifier: START (début), MID (mi-), END (fin), APPROX (vers); empty if none.",
        ),
        Column("is_relative", "bool", "True when the value depends on the anchor date."),
        Column("anchor", "str", "The reference date used to resolve it (ISO), empty if none."),
        Column("rule", "str", "Which pattern found it."),
    ),
    "mentions": (
        Column("article_id", "str", "Article."),
        Column(
            "label",
            "str",
            "PER, ORG, LOC, MISC (model), or PERSON, MINISTRY, AGREEMENT, COUNTRY, DATE, ROLE (rules).",
        ),
        Column(
            "text",
            "str",
            "The mention as written, without zero-width and bidirectional characters.",
        ),
        Column("start", "int", "Start offset into the article text as read."),
        Column("end", "int", "End offset."),
        Column("source", "str", "Which model or rule produced it."),
        Column(
            "entity_id",
            "str",
            "Id of the table row it belongs to (person_id, ministry_id, agreement_id).",
        ),
    ),
}

# The corpus-level tables, filled by the linking pass over a whole run (agreement_nlp.link).
TABLES["events"] = EVENTS
TABLES["people"] = PEOPLE
CORPUS_TABLES: tuple[str, ...] = ("events", "people")
TABLE_NAMES: tuple[str, ...] = tuple(TABLES)
# The tables each article gives rows of (tables.rows.doc_rows).
ARTICLE_TABLES: tuple[str, ...] = tuple(t for t in TABLES if t not in CORPUS_TABLES)

PANDAS_DTYPES: dict[str, Any] = {
    "str": pd.StringDtype(),
    "int": pd.Int64Dtype(),
    "bool": pd.BooleanDtype(),
    "float": pd.Float64Dtype(),
    "list": object,
    "date": pd.StringDtype(),
}


def columns(table: str) -> list[str]:
    """Column names of ``table`` in contract order."""
    return [c.name for c in TABLES[table]]


def given_columns(table: str) -> list[str]:
    """The columns an article's rows give: all but those :func:`frame` computes (a date's
    precision) and those the linking pass fills."""
    return [c.name for c in TABLES[table] if not c.precision_of and not c.linked]


def list_columns(table: str) -> list[str]:
    return [c.name for c in TABLES[table] if c.dtype == "list"]


def frame(table: str, rows: Iterable[Mapping[str, Any]]) -> pd.DataFrame:
    """Build ``table`` from row mappings, with the contract's columns and dtypes.

    Unknown keys are an error (a typo would otherwise silently drop data);
    missing keys become empty values; text cells lose their bidirectional controls.
    """
    cols = TABLES[table]
    names = [c.name for c in cols]
    known = set(names)
    data: dict[str, list[Any]] = {n: [] for n in names}
    for row in rows:
        extra = set(row) - known
        if extra:
            raise KeyError(f"table {table!r} has no column(s) {sorted(extra)}")
        for c in cols:
            value = row.get(c.precision_of or c.name)
            if c.precision_of:
                value = precision(value)
            elif c.dtype == "list":
                value = [_shown(v) for v in value] if value else []
            elif c.dtype in ("str", "date"):
                value = _shown(value)
            data[c.name].append(value)
    df = pd.DataFrame(data, columns=names)
    for c in cols:
        df[c.name] = df[c.name].astype(PANDAS_DTYPES[c.dtype])
    return df


def _shown(value: Any) -> Any:
    """A text cell without bidirectional controls: they would reorder what Excel or a
    browser shows (the article's text keeps them; offsets point into it)."""
    return without_bidi_controls(value) if isinstance(value, str) else value


def empty(table: str) -> pd.DataFrame:
    return frame(table, [])


def markdown() -> str:
    """The contract as Markdown: ``docs/tables.md`` is this text (a test keeps them equal)."""
    out = [
        "# Output tables",
        "",
        "Generated from `src/agreement_nlp/tables/schema.py` (`python -m agreement_nlp.tables.schema > docs/tables.md`).",
        "Columns come in this order with these types in every format. `list` columns are joined",
        "with `|` in CSV and are lists in Parquet and JSONL. `date` columns are ISO 8601 text at",
        "the precision the article gives (`2025`, `2025-Q2`, `2025-06`, `2025-W26`, `2025-06-24`,",
        "`2025-06-24T10:11`) in CSV, JSONL and pandas; in Parquet they are timestamps of the",
        "period's first instant, in the article's local time, and the `*_precision` column",
        "beside them says how much is known. Offsets (`start`, `end`) are character",
        "offsets into the article text exactly as read.",
        "",
    ]
    for table, cols in TABLES.items():
        out += [f"## `{table}`", "", "| column | type | meaning |", "| --- | --- | --- |"]
        out += [f"| `{c.name}` | {c.dtype} | {c.doc} |" for c in cols]
        out.append("")
    out += _vocabularies()
    return "\n".join(out)


def _vocabularies() -> list[str]:
    from agreement_nlp.extraction.agreements.rules import STATUSES, TYPES, default_rules
    from agreement_nlp.lexicon.roles import ROLES

    roles = [r for r in ROLES if r != "counterpart"]
    domains = [name for name, _ in default_rules().domains]
    return [
        "## Vocabularies",
        "",
        f"- `persons.role`: {', '.join(f'`{r}`' for r in roles)}.",
        "  `other` is a person with no current office found (former office holders, people",
        "  merely named).",
        f"- `agreements.type`: {', '.join(f'`{t}`' for t in TYPES)}.",
        f"- `agreements.status`: {', '.join(f'`{t}`' for t in STATUSES)}.",
        f"- `agreements.domains` (`resources/domains.yaml`): {', '.join(f'`{d}`' for d in domains)}.",
        "- `country`, `parties`: ISO 3166-1 alpha-3 codes (`resources/countries.csv`), or the",
        "  short code of an organisation (`resources/organisations.csv`: `UA`, `CEDEAO`, `ONU`,",
        "  `UE`, `BAD`, `BM`, `FMI`, `BOAD`...), or a company's short name as written.",
        "- `dates.granularity`: `year`, `season`, `quarter`, `month`, `week`, `day`,",
        "  `part_of_day`, `datetime`, `range`, `present`; `dates.mod`: `START`, `MID`, `END`,",
        "  `APPROX`.",
        "",
    ]


# Table Schema types of the logical dtypes; list cells are "|"-joined strings in CSV.
_TABLE_SCHEMA_TYPES = {
    "str": "string",
    "int": "integer",
    "bool": "boolean",
    "float": "number",
    "list": "string",
    "date": "string",  # ISO 8601 at varying precision: no single Table Schema date format
}


def datapackage() -> str:
    """The tables as a Frictionless Data Package descriptor, for the CSV output folder:
    ``docs/datapackage.json`` is this text (a test keeps them equal); copy it beside the
    CSV files to validate them with ``frictionless validate``."""
    resources = []
    for table, cols in TABLES.items():
        fields = [
            {
                "name": c.name,
                "type": _TABLE_SCHEMA_TYPES[c.dtype],
                "description": c.doc + (" Items joined with '|'." if c.dtype == "list" else ""),
            }
            for c in cols
        ]
        resources.append(
            {
                "name": table,
                "path": f"{table}.csv",
                "profile": "tabular-data-resource",
                "encoding": "utf-8",
                "schema": {"fields": fields},
            }
        )
    package: dict[str, Any] = {
        "name": "agreement-nlp-tables",
        "profile": "tabular-data-package",
        "resources": resources,
    }
    return json.dumps(package, ensure_ascii=False, indent=1) + "\n"


if __name__ == "__main__":
    print(datapackage() if "--datapackage" in sys.argv else markdown(), end="")
