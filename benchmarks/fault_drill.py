"""Fault drill: hostile inputs and interrupted runs through the real command, with time and memory.

Each case builds its input in a temporary folder, runs ``agreement-nlp extract`` as a
subprocess (one worker), and prints the exit code, the wall time, the peak resident memory
of the run (``wait4``'s rusage) and whether the expected outcome was seen. The end-to-end
assertions live in ``tests/test_cli_faults.py``; this prints the figures.

    .venv/bin/python benchmarks/fault_drill.py [--bomb-mib 2048]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

GOOD = "Le ministre de la Santé, Awa Traoré, a signé hier un accord de financement."


def run(
    args: list[str], *, term_after: Callable[[], bool] | None = None
) -> tuple[int, float, int, str]:
    """Exit code, seconds, peak RSS in MB, stderr of one CLI run."""
    command = [sys.executable, "-m", "agreement_nlp", "extract", *args, "--quiet", "--workers", "1"]
    start = time.monotonic()
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(command, stderr=err, stdout=subprocess.DEVNULL)
        if term_after is not None:
            while proc.poll() is None and not term_after():
                time.sleep(0.05)
            proc.send_signal(signal.SIGTERM)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.monotonic() - start
        err.seek(0)
        text = err.read().decode("utf-8", errors="replace")
    return os.waitstatus_to_exitcode(status), seconds, usage.ru_maxrss // 1024, text


def bomb(root: Path, mib: int) -> list[str]:
    dump = root / "bomb.jsonl.gz"
    with gzip.open(dump, "wb", compresslevel=1) as handle:
        handle.write(json.dumps({"id": "first", "text": GOOD}).encode() + b"\n")
        handle.write(b'{"id": "bomb", "text": "')
        block = b"a" * (1 << 20)
        for _ in range(mib):
            handle.write(block)
        handle.write(b'"}\n' + json.dumps({"id": "last", "text": GOOD}).encode() + b"\n")
    return [str(dump), "--out", str(root / "out")]


def surrogate(root: Path) -> list[str]:
    dump = root / "dump.jsonl"
    bad = {"id": "bad", "text": "Le ministre Awa Ba\ud800 a parlé."}
    dump.write_text(json.dumps(bad) + "\n" + json.dumps({"id": "good", "text": GOOD}) + "\n")
    return [str(dump), "--out", str(root / "out")]


def special_files(root: Path) -> list[str]:
    folder = root / "in"
    folder.mkdir()
    (folder / "ok.txt").write_text(GOOD, encoding="utf-8")
    os.mkfifo(folder / "pipe.jsonl")
    (folder / "a.txt").symlink_to(folder / "b.txt")
    (folder / "b.txt").symlink_to(folder / "a.txt")
    return [str(folder), "--out", str(root / "out")]


def carriage_returns(root: Path) -> list[str]:
    dump = root / "mac.jsonl"
    lines = [json.dumps({"id": f"r{i}", "text": GOOD}) for i in range(3)]
    dump.write_bytes(("\r".join(lines) + "\r").encode())
    return [str(dump), "--out", str(root / "out")]


def locked(root: Path) -> list[str]:
    (root / "in.txt").write_text(GOOD, encoding="utf-8")
    (root / ".out.lock").write_text(f"{os.getpid()}\n")
    return [str(root / "in.txt"), "--out", str(root / "out")]


def stale(root: Path) -> list[str]:
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    (root / f".out.partial-{dead}").mkdir()
    (root / "in.txt").write_text(GOOD, encoding="utf-8")
    return [str(root / "in.txt"), "--out", str(root / "out")]


def parent_is_file(root: Path) -> list[str]:
    (root / "file").write_text("x")
    (root / "in.txt").write_text(GOOD, encoding="utf-8")
    return [str(root / "in.txt"), "--out", str(root / "file" / "out")]


def too_long(root: Path) -> list[str]:
    (root / "in.txt").write_text(GOOD + " Le ministre a parlé." * 50_000, encoding="utf-8")
    return [str(root / "in.txt"), "--out", str(root / "out"), "--max-chars", "100000"]


def many(root: Path) -> list[str]:
    folder = root / "in"
    folder.mkdir()
    for i in range(300):
        (folder / f"a{i}.txt").write_text(GOOD + " Le ministre a parlé." * 100, encoding="utf-8")
    return [str(folder), "--out", str(root / "out")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bomb-mib", type=int, default=2048, help="size the bomb expands to")
    args = parser.parse_args()
    cases: list[tuple[str, Callable[[Path], list[str]], str]] = [
        (
            f"gzip record expanding to {args.bomb_mib} MiB",
            lambda r: bomb(r, args.bomb_mib),
            "line too long",
        ),
        ("lone surrogate in a JSONL record", surrogate, "lone surrogate(s) replaced"),
        ("FIFO and link loop in a folder", special_files, "named pipe (FIFO)"),
        ("CR-only line endings", carriage_returns, "3 articles (3 ok"),
        ("--out locked by a live run", locked, "being written by another run"),
        ("partial folder of a killed run", stale, "left by a run that did not finish"),
        ("output parent is a file", parent_is_file, "is not a folder"),
        ("article past --max-chars", too_long, "text too long"),
    ]
    print(f"{'case':<40}{'exit':>5}{'seconds':>9}{'peak MB':>9}  expected outcome seen")
    for name, build, expected in cases:
        with tempfile.TemporaryDirectory() as tmp:
            code, seconds, mb, err = run(build(Path(tmp)))
            print(f"{name:<40}{code:>5}{seconds:>9.1f}{mb:>9}  {expected in err}")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        code, seconds, mb, err = run(
            many(root), term_after=lambda: bool(list(root.glob(".out.partial-*")))
        )
        left = sorted(p.name for p in root.iterdir() if p.name != "in")
        print(
            f"{'SIGTERM during a run':<40}{code:>5}{seconds:>9.1f}{mb:>9}  {not left and 'terminated' in err}"
        )


if __name__ == "__main__":
    main()
