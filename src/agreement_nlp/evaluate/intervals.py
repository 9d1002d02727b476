"""95% bootstrap intervals of F1, articles resampled with replacement.

Articles, not rows, are the unit of resampling: the rows of one article are not independent
(one misread sentence costs a minister, a ministry and an agreement together).

>>> import pandas as pd
>>> per_article = pd.DataFrame({"article_id": ["a", "b", "c", "d"], "table": ["ministers"] * 4,
...     "tp": [1, 2, 0, 3], "fp": [0, 1, 1, 0], "fn": [1, 0, 0, 0]})
>>> row = f1_intervals(per_article, ["a", "b", "c", "d"]).iloc[0]
>>> row["table"], round(float(row["f1"]), 2), bool(row["low"] <= row["f1"] <= row["high"])
('ministers', 0.8, True)
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

RESAMPLES = 1000
SEED = 20261203
INTERVAL_COLUMNS = ["table", "n_articles", "f1", "low", "high"]


def _f1(tp: np.ndarray, fp: np.ndarray, fn: np.ndarray) -> np.ndarray:
    denominator = 2 * tp + fp + fn
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(denominator > 0, 2 * tp / denominator, np.nan)


def f1_intervals(
    per_article: pd.DataFrame,
    article_ids: Sequence[str],
    resamples: int = RESAMPLES,
    seed: int = SEED,
) -> pd.DataFrame:
    """Micro F1 per table over ``article_ids``, with its 2.5 and 97.5 percentiles.

    ``per_article`` has one row per article and table with ``tp``, ``fp``, ``fn``
    (:attr:`SystemResult.per_article`). The resampling is seeded, so a report is
    the same on every run.
    """
    ids = list(dict.fromkeys(article_ids))
    rows = []
    if not ids:
        return pd.DataFrame(columns=INTERVAL_COLUMNS)
    rng = np.random.default_rng(seed)
    draws = rng.integers(0, len(ids), size=(resamples, len(ids)))
    for table, part in per_article.groupby("table", sort=False):
        counts = (
            part.groupby("article_id")[["tp", "fp", "fn"]]
            .sum()
            .reindex(ids, fill_value=0)
            .to_numpy(dtype=float)
        )
        total = counts.sum(axis=0)
        point = float(_f1(*total[:, None])[0])
        sampled = counts[draws].sum(axis=1)  # (resamples, 3)
        f1s = _f1(sampled[:, 0], sampled[:, 1], sampled[:, 2])
        f1s = f1s[~np.isnan(f1s)]
        low, high = (
            (float(np.percentile(f1s, 2.5)), float(np.percentile(f1s, 97.5)))
            if len(f1s)
            else (np.nan, np.nan)
        )
        rows.append({"table": table, "n_articles": len(ids), "f1": point, "low": low, "high": high})
    return pd.DataFrame(rows, columns=INTERVAL_COLUMNS)
