"""The evaluation report: scores of the pipeline and the baseline, errors, printing.

>>> from agreement_nlp.evaluate.scoring import score_tables
>>> from agreement_nlp.tables.frames import Tables
>>> r = EvaluationReport("gold", [], score_tables("pipeline", [], Tables.empty()), None)
>>> r.to_dict()["pipeline"]["scores"]["ministers"]["f1"] is None
True
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from agreement_nlp.evaluate.corpus import source_of
from agreement_nlp.evaluate.intervals import INTERVAL_COLUMNS, f1_intervals
from agreement_nlp.evaluate.scoring import (
    ATTRIBUTE_COLUMNS,
    ATTRIBUTES,
    SCORED_TABLES,
    SystemResult,
    json_value,
    scores_by_table,
)
from agreement_nlp.tables.frames import Tables

# Labels of the printed rows; the lenient ministries row is a second view.
ROW_LABELS = {
    "ministers": "ministers",
    "officials": "officials",
    "ministries": "ministries",
    "ministries_lenient": "  (lenient)",
    "agreements": "agreements",
    "signatories": "signatories",
}


def _fmt(value: Any) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return "-"
    return f"{float(value):.2f}"


@dataclass
class EvaluationReport:
    """What :func:`~agreement_nlp.evaluate.evaluate` returns.

    ``pipeline`` and ``baseline`` hold each system's scores, attribute
    accuracies, false positives/negatives (``errors``) and attribute
    mismatches; the properties below give the pipeline's, or both systems'
    with a ``system`` column.
    """

    gold_dir: str
    article_ids: list[str]
    pipeline: SystemResult
    baseline: SystemResult | None = None
    failed: list[str] = field(default_factory=list)
    tables: Tables | None = field(default=None, repr=False)
    baseline_tables: Tables | None = field(default=None, repr=False)
    groups: dict[str, str] = field(default_factory=dict)  # article id -> source group
    splits: list[str] = field(default_factory=list)
    # B-cubed scores of the linking pass, when the gold has event and person keys
    linking: pd.DataFrame | None = None

    @property
    def systems(self) -> dict[str, SystemResult]:
        out = {"pipeline": self.pipeline}
        if self.baseline is not None:
            out["baseline"] = self.baseline
        return out

    @property
    def scores(self) -> pd.DataFrame:
        """P/R/F1 per system and table (columns: system, table, n_gold, n_pred, tp, fp, fn, ...)."""
        return scores_by_table(self.systems)

    @property
    def attributes(self) -> pd.DataFrame:
        """Attribute accuracy on paired rows, per system."""
        frames = [r.attributes.assign(system=name) for name, r in self.systems.items()]
        return pd.concat(frames, ignore_index=True)[["system", *ATTRIBUTE_COLUMNS]]

    def intervals(self) -> pd.DataFrame:
        """F1 with 95% bootstrap intervals per system, source group (``all`` first), source, table."""
        selections = {"all": list(self.article_ids)}
        for group in sorted(set(self.groups.values())):
            selections[group] = [a for a in self.article_ids if self.groups.get(a) == group]
        # and each source apart: "bbcafrique_x" is of source bbcafrique
        for source in sorted({source_of(a) for a in self.groups}):
            selections[source] = [
                a for a in self.article_ids if a in self.groups and source_of(a) == source
            ]
        frames = [
            f1_intervals(result.per_article, ids).assign(system=name, group=group)
            for name, result in self.systems.items()
            for group, ids in selections.items()
            if ids
        ]
        columns = ["system", "group", *INTERVAL_COLUMNS]
        if not frames:
            return pd.DataFrame(columns=columns)
        return pd.concat(frames, ignore_index=True)[columns]

    @property
    def errors(self) -> pd.DataFrame:
        """The pipeline's false positives and negatives (article_id, table, kind, name, details)."""
        return self.pipeline.errors

    @property
    def mismatches(self) -> pd.DataFrame:
        """The pipeline's wrong attributes on paired rows."""
        return self.pipeline.mismatches

    def to_dict(self) -> dict[str, Any]:
        """JSON-serialisable summary: scores and accuracies of each system."""
        return {
            "gold_dir": self.gold_dir,
            "n_articles": len(self.article_ids),
            "articles": list(self.article_ids),
            "failed": list(self.failed),
            "splits": list(self.splits),
            **{name: r.to_dict() for name, r in self.systems.items()},
            "intervals": [
                {k: json_value(v) for k, v in row.items()}
                for row in self.intervals().to_dict("records")
            ],
            "linking": [
                {k: json_value(v) for k, v in row.items()}
                for row in (self.linking.to_dict("records") if self.linking is not None else [])
            ],
        }

    def write_json(self, path: str | Path) -> Path:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n", "utf-8")
        return path

    def write_errors(self, path: str | Path) -> Path:
        """The pipeline's false positives and negatives as CSV (UTF-8)."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        self.errors.to_csv(path, index=False)
        return path

    def format(self) -> str:
        """The readable table the CLI prints."""
        names = [n for n in ("baseline", "pipeline") if n in self.systems]
        lines = [f"Evaluation on {len(self.article_ids)} articles (gold: {self.gold_dir})", ""]
        head = f"{'':<13}{'gold':>6}"
        for n in names:
            head += f" | {n:<8}{'pred':>6}{'P':>6}{'R':>6}{'F1':>6}"
        lines.append(head)
        lines.append("-" * len(head))
        by_table = {
            n: {r["table"]: r for r in self.systems[n].scores.to_dict("records")} for n in names
        }
        for table in SCORED_TABLES:
            first = by_table[names[0]][table]
            line = f"{ROW_LABELS[table]:<13}{int(first['n_gold']):>6}"
            for n in names:
                s = by_table[n][table]
                line += (
                    f" | {'':<8}{int(s['n_pred']):>6}"
                    f"{_fmt(s['precision']):>6}{_fmt(s['recall']):>6}{_fmt(s['f1']):>6}"
                )
            lines.append(line)
        lines += ["", "Attribute accuracy on paired rows (correct/paired):", ""]
        head = f"{'':<13}{'attribute':<11}" + "".join(f"{n:>18}" for n in names)
        lines.append(head)
        lines.append("-" * len(head))
        for table, attrs in ATTRIBUTES.items():
            for attr in attrs:
                line = f"{table:<13}{attr:<11}"
                for n in names:
                    row = next(
                        r
                        for r in self.systems[n].attributes.to_dict("records")
                        if r["table"] == table and r["attribute"] == attr
                    )
                    cell = f"{_fmt(row['accuracy'])} ({int(row['correct'])}/{int(row['n'])})"
                    line += f"{cell:>18}"
                lines.append(line)
        n_fp = int((self.errors["kind"] == "fp").sum())
        n_fn = int((self.errors["kind"] == "fn").sum())
        lines += [
            "",
            f"pipeline errors: {n_fp} false positives, {n_fn} false negatives, "
            f"{len(self.mismatches)} wrong attributes",
        ]
        if self.failed:
            # A long list would bury the scores; the JSON keeps every message.
            lines.append(f"{len(self.failed)} articles failed in the pipeline (scored as empty):")
            lines += [f"  {msg}" for msg in self.failed[:3]]
            if len(self.failed) > 3:
                lines.append(f"  ... and {len(self.failed) - 3} more")
        lines += ["", *self.interval_lines(), *self.linking_lines()]
        return "\n".join(lines)

    def linking_lines(self) -> list[str]:
        """B-cubed scores of events and people across articles, with 95% intervals."""
        if self.linking is None or self.linking.empty:
            return []
        lines = ["", "Linking across articles (B-cubed over the paired gold mentions):", ""]
        head = f"{'':<13}{'mentions':>9}{'paired':>8}{'clusters':>9}{'P':>6}{'R':>6}{'F1':>6}"
        lines += [head + "  interval", "-" * (len(head) + 14)]
        for r in self.linking.to_dict("records"):
            lines.append(
                f"{r['table']:<13}{int(r['n_gold']):>9}{int(r['n_paired']):>8}"
                f"{int(r['gold_clusters']):>4}/{int(r['system_clusters']):<4}"
                f"{_fmt(r['precision']):>6}{_fmt(r['recall']):>6}{_fmt(r['f1']):>6}"
                f"  [{_fmt(r['low'])}, {_fmt(r['high'])}]"
            )
        return lines

    def interval_lines(self) -> list[str]:
        """F1 with 95% bootstrap intervals (articles resampled), per source group."""
        intervals = self.intervals()
        if intervals.empty:
            return []
        names = [n for n in ("baseline", "pipeline") if n in self.systems]
        splits = f", split {'+'.join(self.splits)}" if self.splits else ""
        lines = [f"F1 with 95% bootstrap intervals (articles resampled{splits}):", ""]
        head = f"{'':<13}{'group':<13}{'articles':>8}" + "".join(f"{n:>22}" for n in names)
        lines += [head, "-" * len(head)]
        index = {(r["system"], r["group"], r["table"]): r for r in intervals.to_dict("records")}
        for table in SCORED_TABLES:
            for group in dict.fromkeys(intervals["group"]):
                first = index[(names[0], group, table)]
                line = f"{ROW_LABELS[table]:<13}{group:<13}{int(first['n_articles']):>8}"
                for n in names:
                    r = index[(n, group, table)]
                    cell = f"{_fmt(r['f1'])} [{_fmt(r['low'])}, {_fmt(r['high'])}]"
                    line += f"{cell:>22}"
                lines.append(line)
        return lines
