"""Benchmark: throughput, scaling, memory and latency of a whole extract run.

Run from the project root::

    .venv/bin/python benchmarks/bench_pipeline.py                  # 1k, 5k, 20k articles
    .venv/bin/python benchmarks/bench_pipeline.py --sizes 200,1000  # a quick run
    .venv/bin/python benchmarks/bench_pipeline.py --ablation 60     # which model parts matter
    .venv/bin/python benchmarks/bench_pipeline.py --profile 60      # where the time goes

The corpus is generated from the project's own articles (``data/annotated``
and ``data/raw``): each generated article is a lead paragraph and a few
paragraphs drawn from any article, shuffled, with numbers, months and
person names swapped from lists, so that neither the model nor any cache
sees the same text twice.

Every measurement runs in a fresh child process (``run_extract`` as the CLI
calls it, CSV output), so peak memory (``ru_maxrss``) is that of one run:

- full pipeline, one worker, at every size: articles/s, words/s, peak RSS,
  time to the first row written (from the child's start, model load included,
  and from the start of the run);
- bare ``nlp.pipe`` of the same model on the same texts, and two workers,
  at ``--compare-at`` articles (default: the smallest size): the ratio of
  full to bare throughput and the speed-up of two workers over one, both on
  the whole run's wall time.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted((ROOT / "data" / "annotated").glob("*.txt")) + sorted(
    (ROOT / "data" / "raw").glob("*.txt")
)
MONTHS = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]
FIRST_NAMES = [
    "Awa",
    "Moussa",
    "Fatoumata",
    "Ibrahim",
    "Aminata",
    "Seydou",
    "Mariam",
    "Abdoulaye",
    "Kadiatou",
    "Ousmane",
    "Aïssata",
    "Boubacar",
    "Salimata",
    "Mamadou",
    "Ramatou",
    "Issa",
    "Haoua",
    "Souleymane",
    "Adama",
    "Djénéba",
    "Yacouba",
    "Nafissatou",
    "Kossi",
    "Akossiwa",
    "Komlan",
    "Edem",
    "Yao",
    "Afi",
    "Koffi",
    "Ama",
    "Hamadou",
    "Zeinab",
    "Idrissa",
    "Mariétou",
    "Lassina",
]
SURNAMES = [
    "TRAORÉ",
    "DIALLO",
    "COULIBALY",
    "KEÏTA",
    "OUÉDRAOGO",
    "SAWADOGO",
    "KONATÉ",
    "MAÏGA",
    "TOURÉ",
    "CISSÉ",
    "SANOGO",
    "DIARRA",
    "KABORÉ",
    "ZONGO",
    "ISSOUFOU",
    "MAHAMADOU",
    "AGBODJAN",
    "MENSAH",
    "KOUASSI",
    "YAMÉOGO",
    "DEMBÉLÉ",
    "BAMBA",
    "SIDIBÉ",
    "NIANG",
    "FALL",
    "NDIAYE",
    "SOW",
    "BA",
    "DIOP",
    "KANTÉ",
    "TALL",
    "SY",
    "GUEYE",
    "KONÉ",
    "OUATTARA",
]
NAME = re.compile(r"\b(M\.|Mme|Monsieur|Madame|Dr|Pr)\s+([A-ZÀ-Ý][a-zà-ÿ]+)\s+([A-ZÀ-Ý]{2,})\b")
NUMBER = re.compile(r"\b\d+\b")
MONTH = re.compile(r"\b(" + "|".join(MONTHS) + r")\b")


def _paragraphs() -> tuple[list[str], list[str]]:
    leads, body = [], []
    for path in SOURCES:
        paras = [p.strip() for p in re.split(r"\n\s*\n", path.read_text("utf-8")) if p.strip()]
        if paras:
            leads.append(paras[0])
            body.extend(p for p in paras[1:] if len(p.split()) >= 8)
    return leads, body


def _vary(text: str, rng: random.Random) -> str:
    def number(m: re.Match[str]) -> str:
        n = m.group(0)
        if len(n) == 4 and n[:2] in ("19", "20"):
            return str(rng.randint(1995, 2030))
        if len(n) <= 2:
            return str(rng.randint(1, 28))
        return "".join(rng.choice("0123456789") for _ in n)

    text = NUMBER.sub(number, text)
    text = MONTH.sub(lambda m: rng.choice(MONTHS), text)
    return NAME.sub(
        lambda m: f"{m.group(1)} {rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}", text
    )


def generate(n: int, seed: int = 7) -> list[dict[str, str]]:
    """``n`` varied articles as JSONL records (id, text)."""
    rng = random.Random(seed)
    leads, body = _paragraphs()
    out = []
    for i in range(n):
        paras = [rng.choice(leads), *rng.sample(body, rng.randint(3, 7))]
        text = "\n\n".join(_vary(p, rng) for p in paras) + "\n"
        out.append({"id": f"gen-{i:06d}", "text": text})
    return out


def write_corpus(n: int, folder: Path) -> tuple[Path, int]:
    records = generate(n)
    path = folder / f"corpus-{n}.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    return path, sum(len(r["text"].split()) for r in records)


# --- child processes -------------------------------------------------------------------------


def _peak_rss_mb(children: bool = False) -> float:
    who = resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF
    return resource.getrusage(who).ru_maxrss / 1024  # kB on Linux


def child_full(corpus: Path, workers: int, launched: float) -> dict[str, Any]:
    from agreement_nlp.export.writers import staging_folder
    from agreement_nlp.pipeline import load_pipeline
    from agreement_nlp.run.batch import run_extract

    out = Path(tempfile.mkdtemp()) / "out"
    first: list[float] = []
    done = threading.Event()

    def watch() -> None:
        target = staging_folder(out) / "articles.csv"
        while not done.is_set():
            try:
                lines = target.read_bytes().count(b"\n")
            except OSError:
                lines = 0
            if lines >= 2:  # the header and a row
                first.append(time.time())
                return
            time.sleep(0.02)

    threading.Thread(target=watch, daemon=True).start()
    nlp = load_pipeline() if workers == 1 else None
    loaded = time.time()
    report = run_extract([corpus], out, fmt="csv", workers=workers, nlp=nlp)
    end = time.time()
    done.set()
    return {
        "articles": report.rows["articles"],
        "seconds": end - loaded,
        "wall": end - launched,
        "first_row_from_launch": (first[0] - launched) if first else None,
        "first_row_from_run": (first[0] - loaded) if first else None,
        "peak_rss_mb": _peak_rss_mb(),
        "peak_rss_workers_mb": _peak_rss_mb(children=True),
    }


def child_bare(corpus: Path, launched: float) -> dict[str, Any]:
    import spacy

    from agreement_nlp.pipeline import DEFAULT_MODEL

    texts = [json.loads(line)["text"] for line in corpus.open(encoding="utf-8")]
    nlp = spacy.load(DEFAULT_MODEL)
    loaded = time.time()
    n = 0
    with nlp.memory_zone():
        for _doc in nlp.pipe(texts, batch_size=16):
            n += 1
    end = time.time()
    return {"articles": n, "seconds": end - loaded, "wall": end - launched}


def run_child(mode: str, corpus: Path, workers: int = 1) -> dict[str, Any]:
    args = [sys.executable, __file__, "--child", mode, str(corpus), str(workers), str(time.time())]
    done = subprocess.run(args, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{mode} child failed:\n{done.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


# --- ablation and profile --------------------------------------------------------------------


def ablation(n: int) -> None:
    """Which model components can be disabled without changing the rows, and what each costs."""
    from agreement_nlp.api import iter_article_rows, to_articles
    from agreement_nlp.pipeline import load_pipeline

    records = generate(n, seed=11)
    nlp = load_pipeline()
    model_parts = [p for p in nlp.pipe_names if not p.startswith("agreement_")]

    def rows(disable: list[str]) -> tuple[list[Any], float]:
        start = time.perf_counter()
        with nlp.select_pipes(disable=disable), nlp.memory_zone():
            got = list(iter_article_rows(to_articles(records), nlp))
        return got, time.perf_counter() - start

    rows([])  # warm the lazily loaded resources, so they do not count against the first run
    ref, t_ref = rows([])
    print(f"ablation on {n} articles: all components {n / t_ref:.1f} art/s")
    for part in model_parts:
        try:
            got, t = rows([part])
        except Exception as exc:
            print(f"  without {part:15} fails: {type(exc).__name__}: {str(exc)[:80]}")
            continue
        changed = sum(a != b for a, b in zip(got, ref, strict=True))
        print(
            f"  without {part:15} {n / t:6.1f} art/s ({t_ref / t:4.2f}x), "
            f"{changed} of {n} articles' rows change"
        )


def profile(n: int, top: int = 25) -> None:
    import cProfile
    import pstats

    from agreement_nlp.api import iter_article_rows, to_articles
    from agreement_nlp.pipeline import load_pipeline

    records = generate(n, seed=13)
    nlp = load_pipeline()
    list(iter_article_rows(to_articles(records[:5]), nlp))  # warm the lazy resources
    prof = cProfile.Profile()
    prof.enable()
    with nlp.memory_zone():
        for _ in iter_article_rows(to_articles(records), nlp):
            pass
    prof.disable()
    stats = pstats.Stats(prof, stream=sys.stdout).sort_stats("cumulative")
    stats.print_stats(top)
    stats.sort_stats("tottime").print_stats(top)


# --- main ------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,5000,20000", help="Corpus sizes, comma-separated.")
    parser.add_argument("--compare-at", type=int, default=None, help="Size for bare and 2 workers.")
    parser.add_argument("--ablation", type=int, default=0, help="Only run the ablation on N.")
    parser.add_argument("--profile", type=int, default=0, help="Only profile on N articles.")
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        mode, corpus, workers, launched = args.child
        if mode == "bare":
            result = child_bare(Path(corpus), float(launched))
        else:
            result = child_full(Path(corpus), int(workers), float(launched))
        print(json.dumps(result))
        return
    if args.ablation:
        ablation(args.ablation)
        return
    if args.profile:
        profile(args.profile)
        return

    sizes = [int(s) for s in args.sizes.split(",")]
    compare_at = args.compare_at or min(sizes)
    folder = Path(tempfile.mkdtemp(prefix="bench-pipeline-"))
    words: dict[int, int] = {}
    corpora: dict[int, Path] = {}
    for n in sorted({*sizes, compare_at}):
        corpora[n], words[n] = write_corpus(n, folder)
    print(f"corpus: {', '.join(f'{n} articles ({words[n]} words)' for n in sorted(words))}")

    full: dict[int, dict[str, Any]] = {}
    for n in sizes:
        r = full[n] = run_child("full", corpora[n], 1)
        print(
            f"full pipeline, 1 worker, {n:6} articles: {n / r['seconds']:6.1f} art/s, "
            f"{words[n] / r['seconds']:7.0f} words/s, peak RSS {r['peak_rss_mb']:.0f} MB, "
            f"first row {r['first_row_from_launch']:.1f} s after start "
            f"({r['first_row_from_run']:.2f} s after the model was loaded)",
            flush=True,
        )
    n = compare_at
    one = full.get(n) or run_child("full", corpora[n], 1)
    bare = run_child("bare", corpora[n])
    two = run_child("full", corpora[n], 2)
    ratio = bare["seconds"] and (n / one["seconds"]) / (n / bare["seconds"])
    print(
        f"bare nlp.pipe, {n} articles: {n / bare['seconds']:.1f} art/s, "
        f"{words[n] / bare['seconds']:.0f} words/s; full / bare = {ratio:.2f} (target >= 0.85)"
    )
    print(
        f"2 workers, {n} articles: {n / two['seconds']:.1f} art/s; speed-up over 1 worker "
        f"{one['seconds'] / two['seconds']:.2f}x on the run, "
        f"{one['wall'] / two['wall']:.2f}x on the whole process (target >= 1.8x); "
        f"peak RSS {two['peak_rss_mb']:.0f} MB + workers {two['peak_rss_workers_mb']:.0f} MB each"
    )
    lo, hi = min(sizes), max(sizes)
    growth = full[hi]["peak_rss_mb"] / full[lo]["peak_rss_mb"] - 1
    print(
        f"peak RSS {lo} -> {hi} articles: {full[lo]['peak_rss_mb']:.0f} -> "
        f"{full[hi]['peak_rss_mb']:.0f} MB ({growth:+.1%}, target within 10%)"
    )
    first = max(r["first_row_from_launch"] for r in full.values())
    print(f"first row written: at most {first:.1f} s after start (target 5 s)")


if __name__ == "__main__":
    main()
