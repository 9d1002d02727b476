"""Benchmark: the linking pass (``events`` and ``people``) from 1k to 20k articles.

Run from the project root::

    .venv/bin/python benchmarks/bench_linking.py                   # 1k, 5k, 20k articles
    .venv/bin/python benchmarks/bench_linking.py --sizes 500,2000  # a quick run

The pipeline runs once on the project's own articles (``data/annotated`` and the dev split
of ``data/linking``, never its held-out split); its tables are the seed. A corpus of N
articles is N seed articles taken in turn, copy ``k`` of the seed moved ``--days-per-copy``
days later (publication and signing dates), with its people renamed: each name part becomes
a generated one, the same for ``--people-span`` consecutive copies, so a person recurs in
several copies and new people keep appearing as a real dump grows. The rate of reports per
month stays that of the seed (by default some 80 agreement-reporting articles a month, as in
a dump of several national papers), so a bigger corpus is a longer one, as press dumps are.
A report is compared with the reports sharing a party within the linker's window (180 days):
the cost per article is flat once the corpus spans more than the window, which the default
1k corpus already does (13 copies, a year).

Printed per size: rows linked, the pairs of reports compared per report, the linking time (best of ``--repeat``), milliseconds per
article, the ratio of that to the smallest size's (1.0 is linear), the time per pair compared
(flat when the cost is linear in the pairs), and the linking time as a share of the
extraction time of the same number of articles (measured on the seed). The pairs per report
rise a little from 1k to 20k (the first half-year of a corpus has fewer earlier reports to
be compared with) and are bounded by the density of reports of a party within the window.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pandas as pd

from agreement_nlp import extract
from agreement_nlp.evaluate.gold import GoldArticle, load_gold_dir
from agreement_nlp.link.config import default_config
from agreement_nlp.link.corpus import link_tables, reports_of
from agreement_nlp.link.events import candidate_pairs

ROOT = Path(__file__).resolve().parent.parent
TABLES = ("articles", "persons", "agreements", "signatories")
SYLLABLES = [
    "ba", "di", "kou", "ma", "sa", "to", "ke", "lo", "ni", "ou", "dra", "go", "fa", "ye",
    "so", "mi", "bo", "za", "ta", "ra", "ka", "de", "sy", "gue",
]  # fmt: skip
WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*")


def _seed() -> tuple[list[GoldArticle], dict[str, pd.DataFrame], float]:
    """The seed articles, their tables (not linked) and the extraction seconds per article."""
    golds = load_gold_dir(ROOT / "data" / "annotated")
    splits = json.loads((ROOT / "data" / "linking" / "splits.json").read_text(encoding="utf-8"))
    golds += load_gold_dir(ROOT / "data" / "linking", splits["dev"])
    articles = [g.to_article() for g in golds]
    extract(articles[:2], link=False)  # the model loaded before the clock starts
    start = time.perf_counter()
    tables = extract(articles, link=False)
    per_article = (time.perf_counter() - start) / len(articles)
    return golds, {name: tables[name] for name in TABLES}, per_article


def _renamed(word: str, generation: int) -> str:
    """A generated name part standing for ``word`` in one generation of copies."""
    digest = hashlib.blake2b(f"{word.lower()}|{generation}".encode(), digest_size=8).digest()
    parts = [SYLLABLES[b % len(SYLLABLES)] for b in digest[: 2 + digest[7] % 2]]
    name = "".join(parts)
    return name.upper() if word.isupper() and len(word) > 1 else name.capitalize()


def _rename(value: Any, generation: int) -> Any:
    if isinstance(value, str):
        return WORD.sub(lambda m: _renamed(m.group(), generation), value)
    if isinstance(value, list | tuple):
        return [_rename(v, generation) for v in value]
    return value


def _shift(value: Any, days: int) -> Any:
    if not isinstance(value, str) or len(value) < 10:
        return value
    try:
        day = date.fromisoformat(value[:10])
    except ValueError:
        return value
    return (day + timedelta(days=days)).isoformat() + value[10:]


def _copy(seed: dict[str, pd.DataFrame], k: int, args: argparse.Namespace) -> dict[str, Any]:
    days, generation = k * args.days_per_copy, k // args.people_span
    out = {}
    for name, table in seed.items():
        df = table.copy()
        df["article_id"] = df["article_id"].astype(str) + f"~{k}"
        for col in ("published_at", "signed_on"):
            if col in df:
                df[col] = df[col].map(lambda v: _shift(v, days))
        if name in ("persons", "signatories"):
            for col in ("name", "aliases"):
                if col in df:
                    df[col] = df[col].map(lambda v: _rename(v, generation))
        out[name] = df
    return out


def corpus(seed: dict[str, pd.DataFrame], n: int, args: argparse.Namespace) -> dict[str, Any]:
    """The tables of ``n`` articles (see the module's docstring)."""
    ids = list(seed["articles"]["article_id"].astype(str))
    parts: dict[str, list[pd.DataFrame]] = {name: [] for name in TABLES}
    for k in range(-(-n // len(ids))):
        keep = set(ids[: n - k * len(ids)])
        for name, df in _copy(seed, k, args).items():
            base = df["article_id"].str.rsplit("~", n=1).str[0]
            parts[name].append(df[base.isin(keep)])
    return {name: pd.concat(frames, ignore_index=True) for name, frames in parts.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,5000,20000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--days-per-copy", type=int, default=30)
    parser.add_argument("--people-span", type=int, default=8)
    args = parser.parse_args()
    golds, seed, extract_s = _seed()
    print(
        f"seed: {len(golds)} articles, {len(seed['agreements'])} agreement rows, "
        f"{len(seed['persons'])} person rows; extraction {1000 * extract_s:.1f} ms/article"
    )
    header = f"{'articles':>9} {'agreements':>10} {'persons':>8} {'events':>7} {'people':>7}"
    print(
        f"{header} {'pairs/rep':>9} {'link s':>8} {'ms/art':>7} {'ratio':>6} {'us/pair':>7} {'of extract':>10}"
    )
    first = None
    for n in (int(s) for s in args.sizes.split(",")):
        tables = corpus(seed, n, args)
        best, linked = float("inf"), {}
        for _ in range(args.repeat if n <= 5000 else 1):
            start = time.perf_counter()
            linked = link_tables(tables)
            best = min(best, time.perf_counter() - start)
        reports = reports_of(tables)
        pairs = sum(1 for _ in candidate_pairs(reports, default_config())) / len(reports)
        per = best / n
        first = first or per
        print(
            f"{n:>9} {len(tables['agreements']):>10} {len(tables['persons']):>8} "
            f"{len(linked['events']):>7} {len(linked['people']):>7} {pairs:>9.1f} {best:>8.2f} "
            f"{1000 * per:>7.2f} {per / first:>6.2f} {1e6 * best / (pairs * len(reports)):>7.2f} "
            f"{per / extract_s:>9.1%}"
        )


if __name__ == "__main__":
    main()
