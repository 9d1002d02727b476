"""Mention-level annotations of real articles: format, anchoring, validation.

The format (``data/annotated/README.md``, section *Mention-level annotations*) is JSONL, one
record per article, in the shape spaCy and Prodigy use: ``spans`` with character offsets,
a label and the covered words, and ``relations`` between spans (``head``, ``child``, ``label``;
spans are referred to by their ``id``). The texts are not in the records: ``file`` names the
article in a texts folder given on the command line, ``text_sha256`` pins its exact text.

Annotators write *drafts*: spans may give only the covered words (``"text"``) and, when the
words occur more than once, ``"occurrence"`` (0-based) or ``"after"`` (words shortly before
them); :func:`anchor_record` turns a draft into a record with offsets and the text hash.

This module uses the standard library only, so that it also runs as a script on a checkout
whose package is not installed::

    python src/agreement_nlp/evaluate/mentions.py anchor DRAFT.jsonl --texts DIR --out OUT.jsonl
    python src/agreement_nlp/evaluate/mentions.py validate FILE.jsonl... --texts DIR

>>> text = "Titre\\n\\nLe ministre Jean Ba a signé un accord avec le Mali."
>>> draft = {"file": "a.txt", "spans": [
...     {"id": "p1", "label": "PERSON", "text": "Jean Ba", "entity": "P1"},
...     {"id": "r1", "label": "ROLE", "text": "ministre", "role": "minister"},
...     {"id": "a1", "label": "AGREEMENT", "text": "un accord", "entity": "A1"},
...     {"id": "c1", "label": "COUNTRY", "text": "Mali", "code": "MLI"}],
...   "relations": [{"head": "r1", "child": "p1", "label": "role_of"},
...                 {"head": "c1", "child": "a1", "label": "party_of"}],
...   "entities": {"P1": {"name": "Jean Ba"},
...                "A1": {"type": "accord", "status": "signed", "formal": True}}}
>>> rec = anchor_record(draft, text)
>>> [(s["label"], s["start"], s["end"]) for s in rec["spans"]][:2]
[('ROLE', 10, 18), ('PERSON', 19, 26)]
>>> validate_record(rec, text, where="a.jsonl:1")
[]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

LABELS = frozenset({"PERSON", "ROLE", "MINISTRY", "COUNTRY", "ORG", "AGREEMENT", "DATE"})
#: relation label -> (labels its head may have, labels its child may have)
RELATIONS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "role_of": (frozenset({"ROLE"}), frozenset({"PERSON"})),
    "minister_of": (frozenset({"PERSON", "ROLE"}), frozenset({"MINISTRY"})),
    "country_of": (
        frozenset({"PERSON", "ROLE", "MINISTRY"}),
        frozenset({"COUNTRY", "ORG"}),
    ),
    "party_of": (frozenset({"COUNTRY", "ORG", "PERSON", "MINISTRY"}), frozenset({"AGREEMENT"})),
    "signatory_of": (frozenset({"PERSON", "ROLE"}), frozenset({"AGREEMENT"})),
    "signed_on": (frozenset({"AGREEMENT"}), frozenset({"DATE"})),
}
ROLES = frozenset({"minister", "head_of_state", "head_of_government", "ambassador", "other"})
AGREEMENT_TYPES = frozenset(
    {
        "accord",
        "accord_cadre",
        "convention",
        "memorandum",
        "protocole",
        "traite",
        "pret",
        "financement",
        "contrat",
        "declaration",
        "autre",
    }
)
STATUSES = frozenset({"signed", "ratified", "announced", "negotiating", "suspended", "other"})
RECORD_KEYS = frozenset(
    {
        "file",
        "source",
        "text_sha256",
        "published_at",
        "spans",
        "relations",
        "entities",
        "annotator",
        "notes",
    }
)
SPAN_KEYS = frozenset(
    {
        "id",
        "start",
        "end",
        "label",
        "text",
        "entity",
        "role",
        "former",
        "code",
        "value",
        "occurrence",
        "after",
    }
)
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class AnnotationError(ValueError):
    """A draft that cannot be anchored: the message names the record and the span."""


def text_sha256(text: str) -> str:
    """The hash that pins an article's text (UTF-8 bytes, as read)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_text(texts: Path, name: str) -> str:
    """An article's text as the pipeline reads it (UTF-8, newlines as stored)."""
    return (texts / name).read_text(encoding="utf-8")


def _occurrences(text: str, words: str) -> list[int]:
    found, at = [], text.find(words)
    while at >= 0:
        found.append(at)
        at = text.find(words, at + 1)
    return found


def _anchor_span(span: dict[str, Any], text: str, where: str) -> tuple[int, int]:
    words = span.get("text")
    if "start" in span and "end" in span:
        return int(span["start"]), int(span["end"])
    if not isinstance(words, str) or not words:
        raise AnnotationError(f"{where}: span {span.get('id')!r} has no 'text' to anchor")
    starts = _occurrences(text, words)
    if not starts:
        raise AnnotationError(f"{where}: span {span.get('id')!r}: {words!r} is not in the text")
    if "after" in span:
        before = _occurrences(text, str(span["after"]))
        if not before:
            raise AnnotationError(
                f"{where}: span {span.get('id')!r}: 'after' {span['after']!r} is not in the text"
            )
        best = min(((s - b, s) for s in starts for b in before if b <= s), default=(0, -1))[1]
        if best < 0:
            raise AnnotationError(
                f"{where}: span {span.get('id')!r}: no {words!r} after {span['after']!r}"
            )
        return best, best + len(words)
    index = int(span.get("occurrence", 0))
    if index >= len(starts):
        raise AnnotationError(
            f"{where}: span {span.get('id')!r}: occurrence {index} of {words!r}, "
            f"but the text has {len(starts)}"
        )
    return starts[index], starts[index] + len(words)


def anchor_record(draft: dict[str, Any], text: str, where: str = "") -> dict[str, Any]:
    """A draft with offsets, covered words and the text hash filled in."""
    where = where or str(draft.get("file"))
    spans = []
    for span in draft.get("spans", []):
        start, end = _anchor_span(span, text, where)
        done = {k: v for k, v in span.items() if k not in {"occurrence", "after"}}
        done.update(start=start, end=end, text=text[start:end])
        spans.append(done)
    spans.sort(key=lambda s: (s["start"], s["end"]))
    record = {k: v for k, v in draft.items() if k in RECORD_KEYS}
    record.update(
        spans=spans,
        relations=draft.get("relations", []),
        entities=draft.get("entities", {}),
        text_sha256=text_sha256(text),
    )
    return record


def _span_problems(span: dict[str, Any], text: str, ids: set[str]) -> list[str]:
    sid = span.get("id")
    name = f"span {sid!r}"
    out = [f"{name}: unknown key {k!r}" for k in sorted(set(span) - SPAN_KEYS)]
    if not isinstance(sid, str) or not sid:
        out.append(f"span at {span.get('start')}: no 'id'")
    elif sid in ids:
        out.append(f"{name}: id used twice")
    label = span.get("label")
    if label not in LABELS:
        out.append(f"{name}: unknown label {label!r} (one of {', '.join(sorted(LABELS))})")
    start, end = span.get("start"), span.get("end")
    if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start < end <= len(text):
        out.append(f"{name}: offsets {start}-{end} out of range (text has {len(text)} characters)")
    elif text[start:end] != span.get("text"):
        out.append(f"{name}: covers {text[start:end]!r}, not {span.get('text')!r}")
    if label == "ROLE" and span.get("role") not in ROLES:
        out.append(f"{name}: ROLE needs 'role', one of {', '.join(sorted(ROLES))}")
    if label in {"COUNTRY", "ORG"} and not span.get("code"):
        out.append(f"{name}: {label} needs a 'code' (ISO alpha-3 or a short organisation code)")
    if label == "DATE" and not _DATE.match(str(span.get("value", ""))):
        out.append(f"{name}: DATE needs an ISO 'value' (YYYY, YYYY-MM or YYYY-MM-DD)")
    if label in {"PERSON", "MINISTRY", "AGREEMENT"} and not entity_ids(span):
        out.append(f"{name}: {label} needs an 'entity' (the id of what it mentions)")
    if isinstance(span.get("entity"), list) and label != "AGREEMENT":
        out.append(f"{name}: only an AGREEMENT span may mention several entities")
    return out


def entity_ids(span: dict[str, Any]) -> list[str]:
    """The entities a span mentions: one id, or a list for a plural agreement mention."""
    value = span.get("entity")
    if isinstance(value, list):
        return [str(v) for v in value]
    return [str(value)] if value else []


def _entity_problems(key: str, entity: Any, labels: set[str]) -> list[str]:
    if not isinstance(entity, dict):
        return [f"entity {key!r}: not an object"]
    out = []
    if "AGREEMENT" in labels:
        if entity.get("type") not in AGREEMENT_TYPES:
            out.append(f"entity {key!r}: agreement 'type' {entity.get('type')!r} unknown")
        if entity.get("status") not in STATUSES:
            out.append(f"entity {key!r}: agreement 'status' {entity.get('status')!r} unknown")
        if not isinstance(entity.get("formal"), bool):
            out.append(f"entity {key!r}: agreement needs 'formal' true or false")
    elif not entity.get("name"):
        out.append(f"entity {key!r}: needs a 'name'")
    return out


def validate_record(record: dict[str, Any], text: str, where: str) -> list[str]:
    """Every problem of one record, each naming ``where`` and the span or relation."""
    out = [f"unknown key {k!r}" for k in sorted(set(record) - RECORD_KEYS)]
    if record.get("text_sha256") != text_sha256(text):
        out.append("text_sha256 does not match the text (the article changed or is another)")
    spans: dict[str, dict[str, Any]] = {}
    for span in record.get("spans", []):
        out += _span_problems(span, text, set(spans))
        spans.setdefault(str(span.get("id")), span)
    for i, rel in enumerate(record.get("relations", [])):
        label = rel.get("label")
        head, child = spans.get(rel.get("head")), spans.get(rel.get("child"))
        name = f"relation {i} ({rel.get('head')} -{label}-> {rel.get('child')})"
        if label not in RELATIONS:
            out.append(f"{name}: unknown label (one of {', '.join(sorted(RELATIONS))})")
        elif head is None or child is None:
            out.append(f"{name}: refers to a missing span")
        elif head["label"] not in RELATIONS[label][0] or child["label"] not in RELATIONS[label][1]:
            out.append(f"{name}: cannot link a {head['label']} to a {child['label']}")
    entities = record.get("entities", {})
    labels_of: dict[str, set[str]] = {}
    for span in spans.values():
        for key in entity_ids(span):
            labels_of.setdefault(key, set()).add(span["label"])
            if key not in entities:
                out.append(f"span {span['id']!r}: entity {key!r} is not in 'entities'")
    for key, entity in entities.items():
        out += _entity_problems(key, entity, labels_of.get(key, set()))
    return [f"{where}: {problem}" for problem in out]


def iter_jsonl(path: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    """``(where, record)`` for every non-blank line; a broken line raises naming it."""
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise AnnotationError(f"{where}: not JSON ({exc.msg})") from exc
            if not isinstance(record, dict) or "file" not in record:
                raise AnnotationError(f"{where}: a record must be an object with 'file'")
            yield where, record


def validate_files(paths: list[Path], texts: Path) -> list[str]:
    """Every problem in the given annotation files; a missing text is one problem."""
    problems: list[str] = []
    seen: dict[str, str] = {}
    for path in paths:
        for where, record in iter_jsonl(path):
            name = str(record["file"])
            if name in seen:
                problems.append(f"{where}: {name} is annotated already at {seen[name]}")
            seen[name] = where
            if not (texts / name).is_file():
                problems.append(f"{where}: text {name} not found in {texts}")
                continue
            problems += validate_record(record, read_text(texts, name), f"{where} ({name})")
    return problems


def _main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    anchor = sub.add_parser("anchor", help="fill offsets and hashes of a draft file")
    anchor.add_argument("draft", type=Path)
    anchor.add_argument("--texts", type=Path, required=True)
    anchor.add_argument("--out", type=Path, required=True)
    check = sub.add_parser("validate", help="check annotation files against their texts")
    check.add_argument("files", type=Path, nargs="+")
    check.add_argument("--texts", type=Path, required=True)
    args = parser.parse_args(argv)
    if args.command == "anchor":
        lines, problems = [], []
        for where, draft in iter_jsonl(args.draft):
            text = read_text(args.texts, draft["file"])
            try:
                record = anchor_record(draft, text, where)
            except AnnotationError as exc:
                problems.append(str(exc))
                continue
            problems += validate_record(record, text, where)
            lines.append(json.dumps(record, ensure_ascii=False))
        args.out.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    else:
        problems = validate_files(args.files, args.texts)
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"{len(problems)} problem(s)", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(_main())
