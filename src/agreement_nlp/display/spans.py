"""From mention rows to the spans to highlight, nested as HTML elements must be.

Pure functions: the rows of the tables (as data frames or mappings) in, spans
with their tag and tooltip out.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

# Labels of the model's own entities: shown only when asked for, because they
# duplicate (and often cross) the rule-based mentions.
MODEL_LABELS: frozenset[str] = frozenset({"PER", "ORG", "LOC", "MISC"})

# When two spans cover exactly the same characters, the first here is the outer one.
_ORDER = ("AGREEMENT", "MINISTRY", "PERSON", "ROLE", "COUNTRY", "DATE", "ORG", "PER", "LOC")

TableRows = pd.DataFrame | Iterable[Mapping[str, Any]]


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    label: str
    tag: str = ""
    tooltip: str = ""
    entity_id: str | None = None
    rank: int = 0


@dataclass
class _Node:
    span: _Span
    children: list[_Node] = field(default_factory=list)


def _value(row: Mapping[str, Any], key: str) -> Any:
    value = row.get(key)
    if value is None or value is pd.NA:
        return None
    if isinstance(value, float) and math.isnan(value):  # from a CSV read back
        return None
    return value


def _rows(table: TableRows | None) -> list[dict[str, Any]]:
    if table is None:
        return []
    if isinstance(table, pd.DataFrame):
        return [{str(k): v for k, v in r.items()} for r in table.to_dict("records")]
    return [dict(r) for r in table]


def _by(rows: list[dict[str, Any]], key: str) -> dict[str, dict[str, Any]]:
    return {str(r[key]): r for r in rows if _value(r, key) is not None}


def _join(values: Any) -> str:
    if values is None:
        return ""
    if isinstance(values, str):
        return values
    return ", ".join(str(v) for v in values)


@dataclass(frozen=True)
class _Entities:
    """The article's table rows, found by id (dates by their offsets), for tags and tooltips."""

    persons: dict[str, dict[str, Any]]
    ministries: dict[str, dict[str, Any]]
    agreements: dict[str, dict[str, Any]]
    dates: dict[tuple[int, int], dict[str, Any]]

    @classmethod
    def of(
        cls,
        persons: TableRows | None,
        ministries: TableRows | None,
        agreements: TableRows | None,
        dates: TableRows | None,
    ) -> _Entities:
        return cls(
            persons=_by(_rows(persons), "person_id"),
            ministries=_by(_rows(ministries), "ministry_id"),
            agreements=_by(_rows(agreements), "agreement_id"),
            dates={
                (int(d["start"]), int(d["end"])): d
                for d in _rows(dates)
                if _value(d, "start") is not None and _value(d, "end") is not None
            },
        )


def _details(label: str, row: Mapping[str, Any], found: _Entities) -> tuple[str, str]:
    """The tag shown after the span and its tooltip, from the entity's table row."""
    eid = _value(row, "entity_id")
    parts: list[str] = []
    tag = label
    if label == "PERSON" and eid in found.persons:
        p = found.persons[eid]
        role = _value(p, "role")
        tag = f"PERSON · {role}" if role else label
        parts = [str(eid), str(_value(p, "name") or "")]
        parts += [str(v) for k in ("role_label", "ministry", "country") if (v := _value(p, k))]
    elif label == "MINISTRY" and eid in found.ministries:
        m = found.ministries[eid]
        country = _value(m, "country")
        tag = f"MINISTRY · {country}" if country else label
        parts = [str(eid), str(_value(m, "name") or "")]
        if minister := _value(m, "minister"):
            parts.append(f"minister: {minister}")
    elif label == "AGREEMENT" and eid in found.agreements:
        a = found.agreements[eid]
        kind = _value(a, "type")
        tag = f"AGREEMENT · {kind}" if kind else label
        parts = [str(eid), str(_value(a, "status") or "")]
        if parties := _join(_value(a, "parties")):
            parts.append(parties)
        if signed_on := _value(a, "signed_on"):
            parts.append(f"signed on {signed_on}")
        if domains := _join(_value(a, "domains")):
            parts.append(domains)
    elif label == "DATE":
        d = found.dates.get((int(row["start"]), int(row["end"])))
        if d is not None and (value := _value(d, "value")):
            end_value = _value(d, "end_value")
            tag = f"DATE · {value}" + (f"/{end_value}" if end_value else "")
            parts = [str(v) for k in ("granularity", "rule") if (v := _value(d, k))]
    else:
        parts = [str(eid)] if eid else []
    if source := _value(row, "source"):
        parts.append(str(source))
    return tag, " · ".join(p for p in parts if p)


def _is_shown(label: str, labels: Collection[str] | None, model_entities: bool) -> bool:
    """``labels`` if given, else all but the model's own unless ``model_entities``."""
    if labels is not None:
        return label in labels
    return label not in MODEL_LABELS or model_entities


def _span(text: str, row: Mapping[str, Any], found: _Entities) -> _Span:
    """The span of one mention row; ``ValueError`` if its ``text`` is not the text there."""
    label = str(row["label"])
    start, end = int(row["start"]), int(row["end"])
    written = _value(row, "text")
    if written is not None and text[start:end] != written:
        raise ValueError(
            f"mention {label} {written!r} at {start}:{end} does not match the text there "
            f"({text[start:end]!r}): are these the mentions of another article?"
        )
    tag, tooltip = _details(label, row, found)
    rank = _ORDER.index(label) if label in _ORDER else len(_ORDER)
    eid = _value(row, "entity_id")
    return _Span(start, end, label, tag, tooltip, str(eid) if eid else None, rank + 1)


def _mention_spans(
    text: str,
    mentions: TableRows,
    found: _Entities,
    labels: Collection[str] | None,
    model_entities: bool,
) -> list[_Span]:
    """The spans of the mention rows whose label is shown, in the rows' order."""
    return [
        _span(text, row, found)
        for row in _rows(mentions)
        if _is_shown(str(row["label"]), labels, model_entities)
    ]


def _furniture_spans(
    text: str, furniture: Iterable[tuple[int, int]], content_end: int | None
) -> list[_Span]:
    """The ``furniture`` ranges, and the tail after ``content_end``, as spans to grey."""
    grey = list(furniture)
    if content_end is not None and 0 <= content_end < len(text):
        grey.append((content_end, len(text)))
    # Furniture ranks first, so that it is the outer element of anything it covers.
    return [_Span(int(s), int(e), "FURNITURE", rank=0) for s, e in grey]


def _legend_order(spans: Iterable[_Span]) -> list[str]:
    """The labels of ``spans``, each once, in ``_ORDER`` (others last, as first seen)."""
    shown = list(dict.fromkeys(s.label for s in spans))
    return sorted(shown, key=lambda lab: _ORDER.index(lab) if lab in _ORDER else 99)


def _nest(spans: list[_Span], length: int) -> list[_Node]:
    """Spans as a tree: a span inside another becomes its child.

    HTML elements cannot cross, so a span that starts inside another and ends
    after it is dropped (the earlier, outer one wins).
    """
    roots: list[_Node] = []
    stack: list[_Node] = []
    ordered = sorted(spans, key=lambda s: (s.start, -s.end, s.rank))
    for span in ordered:
        if not 0 <= span.start < span.end <= length:
            continue
        while stack and span.start >= stack[-1].span.end:
            stack.pop()
        if stack and span.end > stack[-1].span.end:
            continue
        node = _Node(span)
        (stack[-1].children if stack else roots).append(node)
        stack.append(node)
    return roots
