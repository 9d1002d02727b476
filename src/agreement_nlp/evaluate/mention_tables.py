"""From mention-level records (:mod:`.mentions`) to the table-level gold that is scored.

A person is a minister when one of its current ``ROLE`` spans (``role_of``) says ``minister``,
an official when it says another role; a former role gives no row. Ministries are the
``MINISTRY`` entities; agreements are the ``AGREEMENT`` entities that are ``formal`` and not
``cited_only``, their parties the codes linked by ``party_of`` (plus the entity's implied
``parties``), their signatories the persons linked by ``signatory_of``, their date the one
linked by ``signed_on`` (else the entity's ``signed_on``).

>>> rec = {"file": "a.txt", "published_at": "2024-05-02", "spans": [
...     {"id": "p", "label": "PERSON", "entity": "P1", "start": 0, "end": 1, "text": "x"},
...     {"id": "r", "label": "ROLE", "role": "minister", "start": 0, "end": 1, "text": "x"},
...     {"id": "m", "label": "MINISTRY", "entity": "M1", "start": 0, "end": 1, "text": "x"},
...     {"id": "c", "label": "COUNTRY", "code": "SEN", "start": 0, "end": 1, "text": "x"},
...     {"id": "a", "label": "AGREEMENT", "entity": "A1", "start": 0, "end": 1, "text": "x"}],
...   "relations": [{"head": "r", "child": "p", "label": "role_of"},
...                 {"head": "p", "child": "m", "label": "minister_of"},
...                 {"head": "m", "child": "c", "label": "country_of"},
...                 {"head": "c", "child": "a", "label": "party_of"},
...                 {"head": "p", "child": "a", "label": "signatory_of"}],
...   "entities": {"P1": {"name": "Awa Ba"}, "M1": {"name": "Ministère de la Santé"},
...                "A1": {"title": "Accord", "type": "accord", "status": "signed",
...                       "formal": True, "parties": ["BAD"]}}}
>>> tables = record_tables(rec)
>>> tables["ministers"]
[{'name': 'Awa Ba', 'country': 'SEN', 'ministry': 'Ministère de la Santé'}]
>>> tables["agreements"][0]["parties"], tables["agreements"][0]["signatories"]
(['BAD', 'SEN'], ['Awa Ba'])
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from agreement_nlp.evaluate.mentions import entity_ids

Record = dict[str, Any]


class _Graph:
    """The spans of one record and their relations, looked up by id and label."""

    def __init__(self, record: Record) -> None:
        self.spans = {s["id"]: s for s in record.get("spans", [])}
        self.entities: dict[str, dict[str, Any]] = record.get("entities", {})
        self.out: dict[str, list[tuple[str, str]]] = defaultdict(list)
        self.into: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for rel in record.get("relations", []):
            self.out[rel["head"]].append((rel["label"], rel["child"]))
            self.into[rel["child"]].append((rel["label"], rel["head"]))

    def mentions(self, entity: str) -> list[str]:
        return [sid for sid, s in self.spans.items() if entity in entity_ids(s)]

    def linked(self, sources: list[str], label: str, *, incoming: bool = False) -> list[str]:
        edges = self.into if incoming else self.out
        return [other for sid in sources for lab, other in edges[sid] if lab == label]

    def code(self, sid: str) -> str | None:
        span = self.spans[sid]
        if span["label"] in {"COUNTRY", "ORG"}:
            return str(span["code"])
        if span.get("entity"):  # a ministry or person standing for its state
            return self.country(self.mentions(span["entity"]), span["entity"])
        return None

    def country(self, sources: list[str], entity: str) -> str | None:
        codes = [self.code(c) for c in self.linked(sources, "country_of")]
        found = next((c for c in codes if c), None)
        return found or self.entities.get(entity, {}).get("country")


def _persons(g: _Graph) -> tuple[list[Record], list[Record]]:
    ministers, officials = [], []
    for key, entity in g.entities.items():
        mentions = [s for s in g.mentions(key) if g.spans[s]["label"] == "PERSON"]
        if not mentions:
            continue
        roles = [g.spans[r] for r in g.linked(mentions, "role_of", incoming=True)]
        current = [r for r in roles if not r.get("former")]
        if not current:
            continue
        role_ids = [r["id"] for r in current]
        country = g.country(mentions + role_ids, key)
        if country is None:  # a ministry's country speaks for its minister
            country = next(
                (
                    g.country(g.mentions(g.spans[m]["entity"]), g.spans[m]["entity"])
                    for m in g.linked(mentions + role_ids, "minister_of")
                ),
                None,
            )
        if any(r["role"] == "minister" for r in current):
            ministries = [
                g.spans[m]["entity"] for m in g.linked(mentions + role_ids, "minister_of")
            ]
            ministry = g.entities[ministries[0]]["name"] if ministries else entity.get("ministry")
            ministers.append({"name": entity["name"], "country": country, "ministry": ministry})
        else:
            officials.append(
                {"name": entity["name"], "role": current[0]["role"], "country": country}
            )
    return ministers, officials


def _ministries(g: _Graph) -> list[Record]:
    out = []
    for key, entity in g.entities.items():
        mentions = g.mentions(key)
        if mentions and all(g.spans[s]["label"] == "MINISTRY" for s in mentions):
            out.append({"name": entity["name"], "country": g.country(mentions, key)})
    return out


def _agreements(g: _Graph) -> list[Record]:
    out = []
    for key, entity in g.entities.items():
        mentions = [s for s in g.mentions(key) if g.spans[s]["label"] == "AGREEMENT"]
        if not mentions or not entity.get("formal") or entity.get("cited_only"):
            continue
        parties = {g.code(p) for p in g.linked(mentions, "party_of", incoming=True)}
        parties |= set(entity.get("parties", []))
        signers = [g.spans[s] for s in g.linked(mentions, "signatory_of", incoming=True)]
        names = [g.entities[s["entity"]]["name"] for s in signers if s["label"] == "PERSON"]
        dates = [g.spans[d]["value"] for d in g.linked(mentions, "signed_on")]
        title = entity.get("title") or g.spans[mentions[0]]["text"]
        out.append(
            {
                "title": title,
                "type": entity["type"],
                "parties": sorted(p for p in parties if p),
                "signatories": sorted(set(names)),
                "signed_on": _day(dates[0] if dates else entity.get("signed_on")),
                "status": entity["status"],
                "evidence": None,
            }
        )
    return out


def _day(value: Any) -> str | None:
    """A calendar day, or None: the tables hold days, not months or years."""
    text = str(value or "")[:10]
    return text if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text) else None


def record_tables(record: Record) -> dict[str, Any]:
    """The table-level gold (format of ``../shared/ANNOTATION.md``) of one record."""
    g = _Graph(record)
    ministers, officials = _persons(g)
    return {
        "id": str(record["file"]).removesuffix(".txt"),
        "reference_date": _day(record.get("published_at")),
        "ministers": ministers,
        "officials": officials,
        "ministries": _ministries(g),
        "agreements": _agreements(g),
        "notes": record.get("notes") or None,
    }
