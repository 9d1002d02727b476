"""The linking pass over a whole run: ``events`` and ``people``, ``event_id`` and
``person_key`` on the rows of every article.

A plain function over the tables (pandas DataFrames by table name); the result does not
depend on the order of the rows, so a run with ``--workers`` or on Dask links the same way.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from agreement_nlp.link.config import LinkConfig, default_config
from agreement_nlp.link.events import event_clusters, event_row
from agreement_nlp.link.features import Report
from agreement_nlp.link.people import PersonRow, person_clusters
from agreement_nlp.link.people_rows import person_keys, person_row
from agreement_nlp.tables.schema import frame

LINKED = ("persons", "agreements", "signatories", "events", "people")


def _text(value: Any) -> str:
    return "" if value is None or pd.isna(value) else str(value)


def _ids(values: Sequence[str]) -> Any:
    """A string column, empty where no id was given."""
    return pd.array([v or None for v in values], dtype="string")


def _published(articles: pd.DataFrame) -> dict[str, str]:
    return {
        _text(a): _text(p)
        for a, p in zip(articles["article_id"], articles["published_at"], strict=True)
    }


def _person_rows(persons: pd.DataFrame, published: Mapping[str, str]) -> list[PersonRow]:
    cols = ["article_id", "person_id", "name", "role", "ministry", "country", "aliases"]
    return [
        PersonRow(
            _text(a),
            _text(p),
            _text(n),
            _text(r),
            _text(m),
            _text(c),
            published.get(_text(a), ""),
            tuple(al) if isinstance(al, list | tuple) else (),
        )
        for a, p, n, r, m, c, al in persons[cols].itertuples(index=False, name=None)
    ]


def _reports(agreements: pd.DataFrame, published: Mapping[str, str]) -> list[Report]:
    out = []
    for row in agreements.to_dict("records"):
        article = _text(row["article_id"])
        conf = row["confidence"]
        out.append(
            Report(
                article_id=article,
                agreement_id=_text(row["agreement_id"]),
                title=_text(row["title"]),
                type=_text(row["type"]),
                parties=frozenset(row["parties"] or ()),
                domains=frozenset(row["domains"] or ()),
                signed_on=_text(row["signed_on"]),
                place=_text(row["place"]),
                status=_text(row["status"]),
                published_at=published.get(article, ""),
                evidence=_text(row["evidence"]),
                confidence=1.0 if conf is None or pd.isna(conf) else float(conf),
            )
        )
    return out


def reports_of(tables: Mapping[str, pd.DataFrame]) -> list[Report]:
    """What linking reads of every ``agreements`` row, in the order of the rows."""
    return _reports(tables["agreements"], _published(tables["articles"]))


def _groups(roots: Sequence[int], order: Sequence[tuple[str, ...]]) -> list[list[int]]:
    """Members of each cluster, clusters in order of their first member by ``order``."""
    members: dict[int, list[int]] = defaultdict(list)
    for i in sorted(range(len(roots)), key=lambda i: order[i]):
        members[roots[i]].append(i)
    return sorted(members.values(), key=lambda m: order[m[0]])


def _link_people(rows: list[PersonRow]) -> tuple[list[str], list[dict[str, object]]]:
    order = [(r.published_at, r.article_id, r.person_id) for r in rows]
    groups = _groups(person_clusters(rows), order)
    keys = person_keys([[rows[i] for i in g] for g in groups])
    per_row = [""] * len(rows)
    people = []
    for key, group in zip(keys, groups, strict=True):
        for i in group:
            per_row[i] = key
        people.append(person_row(key, [rows[i] for i in group]))
    return per_row, people


def _link_events(
    reports: list[Report], config: LinkConfig
) -> tuple[list[str], list[dict[str, object]]]:
    roots, weakest = event_clusters(reports, config)
    order = [(r.published_at, r.article_id, r.agreement_id) for r in reports]
    per_row = [""] * len(reports)
    events = []
    for n, group in enumerate(_groups(roots, order), start=1):
        event_id = f"E{n}"
        for i in group:
            per_row[i] = event_id
        members = [reports[i] for i in group]
        events.append(event_row(event_id, members, weakest[roots[group[0]]]))
    return per_row, events


def link_tables(
    tables: Mapping[str, pd.DataFrame], config: LinkConfig | None = None
) -> dict[str, pd.DataFrame]:
    """The tables ``LINKED`` of the linking pass, from ``articles``, ``persons``,
    ``agreements`` and ``signatories``; the other tables are not touched.

    >>> import agreement_nlp
    >>> t = agreement_nlp.extract(["Le ministre des Finances, Amadou Diop, a signé hier un accord "
    ...     "de prêt avec la BAD.", "Le ministre sénégalais des Finances, Amadou DIOP, a signé "
    ...     "l'accord de prêt de la BAD."], published_at="2025-03-11")
    >>> t.people[["person_key", "n_articles"]].values.tolist()
    [['amadou-diop', 2]]
    """
    config = config or default_config()
    published = _published(tables["articles"])
    persons = tables["persons"].copy()
    person_rows = _person_rows(persons, published)
    keys, people = _link_people(person_rows)
    persons["person_key"] = _ids(keys)
    by_person = {(r.article_id, r.person_id): k for r, k in zip(person_rows, keys, strict=True)}
    agreements = tables["agreements"].copy()
    reports = _reports(agreements, published)
    event_ids, events = _link_events(reports, config)
    agreements["event_id"] = _ids(event_ids)
    signatories = tables["signatories"].copy()
    sig_keys = [
        by_person.get((_text(a), _text(p)), "") if _text(p) else ""
        for a, p in zip(signatories["article_id"], signatories["person_id"], strict=True)
    ]
    signatories["person_key"] = _ids(sig_keys)
    _event_signatories(events, reports, event_ids, signatories, people)
    return {
        "persons": persons,
        "agreements": agreements,
        "signatories": signatories,
        "events": frame("events", events),
        "people": frame("people", people),
    }


def _event_signatories(
    events: list[dict[str, object]],
    reports: Sequence[Report],
    event_ids: Sequence[str],
    signatories: pd.DataFrame,
    people: Sequence[Mapping[str, object]],
) -> None:
    """Each event's signatories: the canonical names of those any report names."""
    name_of = {str(p["person_key"]): str(p["name"]) for p in people}
    event_of = {(r.article_id, r.agreement_id): e for r, e in zip(reports, event_ids, strict=True)}
    names: dict[str, set[str]] = defaultdict(set)
    cols = ["article_id", "agreement_id", "name", "person_key"]
    for a, g, n, k in signatories[cols].itertuples(index=False, name=None):
        event = event_of.get((_text(a), _text(g)))
        name = name_of.get(_text(k), _text(n))
        if event and name:
            names[event].add(name)
    for row in events:
        row["signatories"] = sorted(names.get(str(row["event_id"]), ()))
