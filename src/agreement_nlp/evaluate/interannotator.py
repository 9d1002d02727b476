"""Agreement between two independent annotation passes of the same articles.

Per span label: F1 of exact spans (same offsets, same label) and of overlapping ones; per
relation label: F1 of relations whose two ends overlap; per table: F1 of the table-level
gold the two passes convert to, paired by the evaluation's own matching rules. F1 is
symmetric, so which pass is taken as reference does not matter.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pandas as pd

from agreement_nlp.evaluate.gold import parse_gold
from agreement_nlp.evaluate.mention_tables import record_tables
from agreement_nlp.evaluate.mentions import LABELS, RELATIONS, iter_jsonl
from agreement_nlp.evaluate.scoring import gold_rows, match_rows

Record = dict[str, Any]
TABLES = ("ministers", "officials", "ministries", "agreements")
COLUMNS = ["kind", "label", "n_a", "n_b", "matched", "f1"]


def _overlap(a: Record, b: Record) -> bool:
    return a["label"] == b["label"] and a["start"] < b["end"] and b["start"] < a["end"]


def _greedy(left: list[Any], right: list[Any], same: Any) -> int:
    used: set[int] = set()
    for item in left:
        j = next((j for j, other in enumerate(right) if j not in used and same(item, other)), None)
        if j is not None:
            used.add(j)
    return len(used)


def _relations(record: Record) -> list[tuple[str, Record, Record]]:
    spans = {s["id"]: s for s in record.get("spans", [])}
    return [
        (r["label"], spans[r["head"]], spans[r["child"]])
        for r in record.get("relations", [])
        if r["head"] in spans and r["child"] in spans
    ]


def compare_records(a: Record, b: Record) -> Counter[tuple[str, str, str]]:
    """Counts ``(kind, label, n_a | n_b | matched)`` for one article's two passes."""
    out: Counter[tuple[str, str, str]] = Counter()
    for label in sorted(LABELS):
        sa = [s for s in a.get("spans", []) if s["label"] == label]
        sb = [s for s in b.get("spans", []) if s["label"] == label]
        exact = {(s["start"], s["end"]) for s in sa} & {(s["start"], s["end"]) for s in sb}
        for kind, matched in (
            ("span exact", len(exact)),
            ("span overlap", _greedy(sa, sb, _overlap)),
        ):
            out[(kind, label, "n_a")] += len(sa)
            out[(kind, label, "n_b")] += len(sb)
            out[(kind, label, "matched")] += matched
    ra, rb = _relations(a), _relations(b)
    for label in sorted(RELATIONS):
        la = [r for r in ra if r[0] == label]
        lb = [r for r in rb if r[0] == label]
        matched = _greedy(la, lb, lambda x, y: _overlap(x[1], y[1]) and _overlap(x[2], y[2]))
        out[("relation", label, "n_a")] += len(la)
        out[("relation", label, "n_b")] += len(lb)
        out[("relation", label, "matched")] += matched
    ta, tb = (gold_rows(parse_gold(record_tables(r), Path(str(r["file"])))) for r in (a, b))
    for table in TABLES:
        out[("table", table, "n_a")] += len(ta[table])
        out[("table", table, "n_b")] += len(tb[table])
        out[("table", table, "matched")] += len(match_rows(table, ta[table], tb[table]))
    return out


def agreement_table(pairs: Iterable[tuple[Record, Record]]) -> pd.DataFrame:
    """F1 between the passes per kind and label, summed over the article pairs."""
    total: Counter[tuple[str, str, str]] = Counter()
    for a, b in pairs:
        total.update(compare_records(a, b))
    rows = []
    for kind, label in dict.fromkeys((k, lab) for k, lab, _ in total):
        n_a, n_b, m = (total[(kind, label, x)] for x in ("n_a", "n_b", "matched"))
        f1 = 2 * m / (n_a + n_b) if n_a + n_b else None
        rows.append({"kind": kind, "label": label, "n_a": n_a, "n_b": n_b, "matched": m, "f1": f1})
    return pd.DataFrame(rows, columns=COLUMNS)


def paired_records(first: Iterable[Path], second: Path) -> list[tuple[Record, Record]]:
    """The records of ``second`` with the record of the same file in ``first``."""
    by_file = {r["file"]: r for path in first for _, r in iter_jsonl(path)}
    return [(by_file[r["file"]], r) for _, r in iter_jsonl(second) if r["file"] in by_file]
