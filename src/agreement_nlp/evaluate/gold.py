"""Loading and validating the gold files (format: ``data/annotated/README.md``).

One JSON object per article, ``<stem>.json``; its text is ``<stem>.txt`` beside
it, or, for the project's own set (``data/annotated/``), ``../raw/<stem>.txt``.
``manifest.json`` and ``splits.json`` in a gold folder are not gold files and are skipped;
unknown fields in a gold file are ignored.

Every problem raises :class:`GoldError` naming the file and the field, so a
typo in an annotation is found at once rather than scored as an error.

>>> import json, tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "a.txt").write_text("Titre\\n\\nTexte.", encoding="utf-8")
>>> _ = (d / "a.json").write_text(json.dumps({"id": "a", "reference_date": None,
...     "ministers": [], "officials": [], "ministries": [], "agreements": []}))
>>> [g.article_id for g in load_gold_dir(d)]
['a']
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from agreement_nlp.article import Article
from agreement_nlp.extraction.agreements.rules import TYPES

NOT_GOLD = frozenset({"manifest.json", "splits.json"})
OFFICIAL_ROLES = frozenset(
    {"head_of_state", "head_of_government", "ambassador", "other", "official"}
)
AGREEMENT_TYPES = frozenset(TYPES)
STATUSES = frozenset({"signed", "ratified", "announced", "negotiating", "suspended", "other"})


class GoldError(ValueError):
    """A gold file that cannot be used; the message names the file and the field."""


@dataclass(frozen=True)
class GoldMinister:
    name: str
    country: str | None = None
    ministry: str | None = None
    aliases: tuple[str, ...] = ()
    person: str | None = None  # the person across articles (cross-article gold only)


@dataclass(frozen=True)
class GoldOfficial:
    name: str
    role: str
    country: str | None = None
    aliases: tuple[str, ...] = ()
    person: str | None = None


@dataclass(frozen=True)
class GoldMinistry:
    name: str
    country: str | None = None


@dataclass(frozen=True)
class GoldAgreement:
    title: str
    type: str
    parties: tuple[str, ...] = ()
    signatories: tuple[str, ...] = ()
    signed_on: str | None = None
    status: str = "other"
    evidence: str | None = None
    event: str | None = None  # the agreement across articles (cross-article gold only)


@dataclass(frozen=True)
class GoldArticle:
    """The gold tables of one article, and where its text is."""

    article_id: str
    path: Path
    text_path: Path
    reference_date: str | None = None
    ministers: tuple[GoldMinister, ...] = ()
    officials: tuple[GoldOfficial, ...] = ()
    ministries: tuple[GoldMinistry, ...] = ()
    agreements: tuple[GoldAgreement, ...] = ()
    notes: str | None = None

    @property
    def stem(self) -> str:
        return self.path.stem

    def to_article(self) -> Article:
        """The article to run: its text as read, with ``reference_date`` as publication date."""
        text = read_text(self.text_path)
        first_line = text.split("\n", 1)[0].strip()
        return Article(
            article_id=self.article_id,
            text=text,
            title=first_line or None,
            published_at=self.reference_date,
            published_at_source="gold" if self.reference_date else None,
            source=str(self.text_path),
            status="ok" if text.strip() else "empty",
            error=None if text.strip() else f"{self.text_path}: empty text",
        )


def read_text(path: Path) -> str:
    """An article text as the readers take it: UTF-8 (BOM dropped), else cp1252."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise GoldError(f"{path}: cannot read article text ({exc.strerror or exc})") from exc
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


# --- validation helpers -----------------------------------------------------------------


class _Checker:
    """Field checks that raise :class:`GoldError` with the file and field path."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, where: str, message: str) -> GoldError:
        return GoldError(f"{self.path}: {where}: {message}")

    def obj(self, value: Any, where: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(where, f"expected an object, got {type(value).__name__}")
        return value

    def text(self, value: Any, where: str, *, optional: bool = False) -> str | None:
        if value is None and optional:
            return None
        if not isinstance(value, str) or not value.strip():
            wanted = "a non-empty string or null" if optional else "a non-empty string"
            raise self.fail(where, f"expected {wanted}, got {value!r}")
        return value

    def required(self, obj: dict[str, Any], key: str, where: str) -> Any:
        if key not in obj:
            raise self.fail(where, f"missing field {key!r}")
        return obj[key]

    def items(self, obj: dict[str, Any], key: str) -> list[dict[str, Any]]:
        value = self.required(obj, key, key)
        if not isinstance(value, list):
            raise self.fail(key, f"expected a list, got {type(value).__name__}")
        return [self.obj(v, f"{key}[{i}]") for i, v in enumerate(value)]

    def strings(self, value: Any, where: str) -> tuple[str, ...]:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(where, f"expected a list of strings, got {value!r}")
        return tuple(value)

    def choice(self, value: Any, where: str, allowed: frozenset[str]) -> str:
        if value not in allowed:
            raise self.fail(where, f"{value!r} is not one of {', '.join(sorted(allowed))}")
        return str(value)

    def date(self, value: Any, where: str) -> str | None:
        if value is None:
            return None
        if isinstance(value, str):
            try:
                dt.date.fromisoformat(value)
                return value
            except ValueError:
                pass
        raise self.fail(where, f"expected an ISO date YYYY-MM-DD or null, got {value!r}")


def _text_path(json_path: Path) -> Path:
    """``<stem>.txt`` beside the gold, else ``../raw/<stem>.txt`` (the project's layout)."""
    candidates = [
        json_path.with_suffix(".txt"),
        json_path.parent.parent / "raw" / f"{json_path.stem}.txt",
    ]
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    tried = ", ".join(str(c) for c in candidates)
    raise GoldError(f"{json_path}: no article text found (tried {tried})")


def _agreements(c: _Checker, root: dict[str, Any]) -> tuple[GoldAgreement, ...]:
    agreements = []
    for i, a in enumerate(c.items(root, "agreements")):
        w = f"agreements[{i}]"
        agreements.append(
            GoldAgreement(
                title=str(c.text(c.required(a, "title", w), f"{w}.title")),
                type=c.choice(c.required(a, "type", w), f"{w}.type", AGREEMENT_TYPES),
                parties=c.strings(a.get("parties", []), f"{w}.parties"),
                signatories=c.strings(a.get("signatories", []), f"{w}.signatories"),
                signed_on=c.date(a.get("signed_on"), f"{w}.signed_on"),
                status=c.choice(c.required(a, "status", w), f"{w}.status", STATUSES),
                evidence=c.text(a.get("evidence"), f"{w}.evidence", optional=True),
                event=c.text(a.get("event"), f"{w}.event", optional=True),
            )
        )
    return tuple(agreements)


def parse_gold(data: Any, path: Path, text_path: Path | None = None) -> GoldArticle:
    """Validate a decoded gold object; ``path`` is only used in messages and ids."""
    c = _Checker(path)
    root = c.obj(data, "top level")
    article_id = c.text(c.required(root, "id", "top level"), "id")
    assert article_id is not None  # required, so never None
    ministers = tuple(
        GoldMinister(
            name=str(c.text(c.required(m, "name", f"ministers[{i}]"), f"ministers[{i}].name")),
            country=c.text(m.get("country"), f"ministers[{i}].country", optional=True),
            ministry=c.text(m.get("ministry"), f"ministers[{i}].ministry", optional=True),
            aliases=c.strings(m.get("aliases", []), f"ministers[{i}].aliases"),
            person=c.text(m.get("person"), f"ministers[{i}].person", optional=True),
        )
        for i, m in enumerate(c.items(root, "ministers"))
    )
    officials = tuple(
        GoldOfficial(
            name=str(c.text(c.required(o, "name", f"officials[{i}]"), f"officials[{i}].name")),
            role=c.choice(
                c.required(o, "role", f"officials[{i}]"), f"officials[{i}].role", OFFICIAL_ROLES
            ),
            country=c.text(o.get("country"), f"officials[{i}].country", optional=True),
            aliases=c.strings(o.get("aliases", []), f"officials[{i}].aliases"),
            person=c.text(o.get("person"), f"officials[{i}].person", optional=True),
        )
        for i, o in enumerate(c.items(root, "officials"))
    )
    ministries = tuple(
        GoldMinistry(
            name=str(c.text(c.required(m, "name", f"ministries[{i}]"), f"ministries[{i}].name")),
            country=c.text(m.get("country"), f"ministries[{i}].country", optional=True),
        )
        for i, m in enumerate(c.items(root, "ministries"))
    )
    return GoldArticle(
        article_id=article_id,
        path=path,
        text_path=text_path if text_path is not None else path.with_suffix(".txt"),
        reference_date=c.date(c.required(root, "reference_date", "top level"), "reference_date"),
        ministers=ministers,
        officials=officials,
        ministries=ministries,
        agreements=_agreements(c, root),
        notes=c.text(root.get("notes"), "notes", optional=True) if root.get("notes") else None,
    )


def load_gold_file(path: str | Path, text_path: str | Path | None = None) -> GoldArticle:
    """Read and validate one gold file; find its text unless ``text_path`` is given."""
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError(f"{path}: cannot read gold file ({exc})") from exc
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise GoldError(
            f"{path}: invalid JSON at line {exc.lineno}, column {exc.colno} ({exc.msg})"
        ) from exc
    text = Path(text_path) if text_path is not None else _text_path(path)
    return parse_gold(data, path, text)


def gold_files(gold_dir: str | Path) -> list[Path]:
    """The gold files of a folder, sorted (not recursive; ``manifest.json`` skipped)."""
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise GoldError(f"{gold_dir}: no such gold folder")
    return sorted(p for p in gold_dir.glob("*.json") if p.name not in NOT_GOLD)


def load_gold_dir(
    gold_dir: str | Path, inputs: Iterable[str | Path] | None = None
) -> list[GoldArticle]:
    """The gold articles of ``gold_dir``, or only those named in ``inputs``.

    An input is an article id, a file stem, or the path of a gold ``.json`` or
    of a ``.txt`` (whose text is then used for the gold of the same stem).
    An input that names no gold file is an error.
    """
    paths = gold_files(gold_dir)
    if inputs is None:
        return [load_gold_file(p) for p in paths]
    by_stem = {p.stem: p for p in paths}
    selected: list[GoldArticle] = []
    for item in inputs:
        ref = Path(item)
        stem = ref.stem if ref.suffix.lower() in {".json", ".txt"} else str(item)
        if ref.suffix.lower() == ".json" and ref.is_file():
            gold_path = ref
        elif stem in by_stem:
            gold_path = by_stem[stem]
        else:
            raise GoldError(f"{item}: no gold file {stem}.json in {gold_dir}")
        text_path = ref if ref.suffix.lower() == ".txt" and ref.is_file() else None
        selected.append(load_gold_file(gold_path, text_path))
    return selected


def check_unique_ids(golds: Sequence[GoldArticle]) -> None:
    """Two gold files with the same ``id`` would be scored against each other's output."""
    seen: dict[str, Path] = {}
    for g in golds:
        if g.article_id in seen:
            raise GoldError(f"{g.path}: id {g.article_id!r} already used by {seen[g.article_id]}")
        seen[g.article_id] = g.path
