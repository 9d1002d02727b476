"""The real annotated corpus: mention-level JSONL files, their texts, splits and sources.

A corpus folder (``data/annotated/real``) holds ``*.jsonl`` annotation files (format:
:mod:`.mentions`) and ``splits.json`` (``{file: "train" | "dev" | "test"}``). The texts are
not in it: they are read from the folders given as ``texts`` (``../shared/pool``,
``../shared/corpus``), the first that has the file. A text whose hash is not the one
annotated is an error, so a changed article is never scored against stale gold.
A second pass of the same articles (``second-pass.jsonl``) and the log of test scores
(``test-log.jsonl``) are not gold and are skipped.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from agreement_nlp.evaluate.gold import GoldArticle, GoldError, parse_gold
from agreement_nlp.evaluate.mention_tables import record_tables
from agreement_nlp.evaluate.mentions import AnnotationError, iter_jsonl, text_sha256

SPLITS = ("train", "dev", "test")
SPLITS_FILE = "splits.json"
NOT_GOLD = frozenset({"second-pass.jsonl", "test-log.jsonl"})
# Source groups reported apart: African press is what users read most; wire copy apart.
GROUPS = {
    "bbcafrique": "african",
    "senegal-cdm": "african",
    "senegal-vp": "african",
    "senegal-jo": "african",
    "sputnik": "african",
    "wikinewsfr": "wire",
    "orangesum": "wire",
}


def source_of(file: str) -> str:
    """The source prefix of a corpus file name: ``bbcafrique_x.txt`` -> ``bbcafrique``."""
    return file.split("_", 1)[0]


def group_of(file: str) -> str:
    """``african`` or ``wire`` (``other`` for an unknown source)."""
    return GROUPS.get(source_of(file), "other")


@dataclass(frozen=True)
class CorpusArticle:
    """One annotated real article: its gold tables, split and source."""

    file: str
    split: str
    gold: GoldArticle
    record: dict[str, Any] = field(default_factory=dict, repr=False)  # the annotation itself

    @property
    def source(self) -> str:
        return source_of(self.file)

    @property
    def group(self) -> str:
        return group_of(self.file)


def annotation_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.jsonl") if p.name not in NOT_GOLD)


def read_splits(folder: Path) -> dict[str, str]:
    path = folder / SPLITS_FILE
    if not path.is_file():
        raise GoldError(f"{path}: no splits file (assign them with 'agreement-nlp corpus split')")
    splits = json.loads(path.read_text(encoding="utf-8"))
    bad = {f: s for f, s in splits.items() if s not in SPLITS}
    if bad:
        raise GoldError(f"{path}: unknown split for {next(iter(bad))}: {next(iter(bad.values()))}")
    return dict(splits)


def _find_text(name: str, texts: Sequence[Path], where: str) -> Path:
    for folder in texts:
        if (folder / name).is_file():
            return folder / name
    tried = ", ".join(str(t) for t in texts) or "no --texts folder"
    raise GoldError(f"{where}: text {name} not found (looked in {tried})")


def load_corpus(
    folder: str | Path,
    texts: Sequence[str | Path],
    splits: Iterable[str] | None = None,
) -> list[CorpusArticle]:
    """The annotated articles of ``folder`` (only those of ``splits`` if given)."""
    folder, text_dirs = Path(folder), [Path(t) for t in texts]
    wanted = set(splits) if splits is not None else set(SPLITS)
    assigned = read_splits(folder)
    out: list[CorpusArticle] = []
    for path in annotation_files(folder):
        try:
            records = list(iter_jsonl(path))
        except AnnotationError as exc:
            raise GoldError(str(exc)) from exc
        for where, record in records:
            name = str(record["file"])
            split = assigned.get(name)
            if split is None:
                raise GoldError(f"{where}: {name} has no split in {folder / SPLITS_FILE}")
            if split not in wanted:
                continue
            text_path = _find_text(name, text_dirs, where)
            if record.get("text_sha256") != text_sha256(text_path.read_text(encoding="utf-8")):
                raise GoldError(f"{where}: {text_path} is not the text annotated (hash differs)")
            gold = parse_gold(record_tables(record), Path(f"{where}"), text_path)
            out.append(CorpusArticle(name, split, gold, dict(record)))
    return out


def _rank(name: str) -> str:
    return hashlib.sha1(name.encode("utf-8")).hexdigest()


def assign_splits(
    strata: dict[str, str], kept: dict[str, str], shares: Sequence[float] = (0.45, 0.2, 0.35)
) -> dict[str, str]:
    """Splits by article, stratified: ``strata`` maps a file to its stratum.

    Files that already have a split (``kept``) keep it, so a split never changes once
    scored; new files of a stratum fill train, dev and test in ``shares``, in an order
    fixed by a hash of their names.

    >>> s = assign_splits({f"f{i}": "x" for i in range(10)}, {})
    >>> sorted(s.values()).count("test"), sorted(s.values()).count("dev")
    (3, 2)
    """
    out = {f: kept[f] for f in strata if f in kept}
    by_stratum: dict[str, list[str]] = {}
    for f, stratum in strata.items():
        by_stratum.setdefault(stratum, []).append(f)
    for files in by_stratum.values():
        have = {s: sum(1 for f in files if out.get(f) == s) for s in SPLITS}
        for f in sorted((f for f in files if f not in out), key=_rank):
            # the split furthest below its share takes the next file
            total = sum(have.values()) + 1
            split = max(SPLITS, key=lambda s: shares[SPLITS.index(s)] * total - have[s])
            out[f] = split
            have[split] += 1
    return dict(sorted(out.items()))


def write_splits(folder: str | Path) -> dict[str, int]:
    """Assign a split to every annotated article that has none, and write ``splits.json``.

    Strata are the source and whether the article reports a formal agreement, so each split
    holds its share of both. Articles of ``../shared/corpus`` (``source: corpus``) were read
    while the rules were written: they go to ``dev``, never to ``test``.
    """
    folder = Path(folder)
    path = folder / SPLITS_FILE
    kept = read_splits(folder) if path.is_file() else {}
    strata: dict[str, str] = {}
    for annotated in annotation_files(folder):
        for _, record in iter_jsonl(annotated):
            name = str(record["file"])
            if record.get("source") == "corpus":
                kept.setdefault(name, "dev")
            reports = bool(record_tables(record)["agreements"])
            strata[name] = f"{source_of(name)}:{reports}"
    splits = assign_splits(strata, kept)
    path.write_text(json.dumps(splits, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return {s: sum(1 for v in splits.values() if v == s) for s in SPLITS}
