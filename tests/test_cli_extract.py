"""End to end: the real command, as a subprocess, on a mixed folder of good and bad inputs."""

from __future__ import annotations

import gzip
import json
import subprocess
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from tests.cli_run import run_cli

TEXT = (
    "Le Togo et le Ghana signent un accord sur l'électricité\n"
    "Lomé, le 14 mars 2024 – Le ministre de l'Énergie a signé hier un accord avec son homologue.\n"
    "Par Kossi MENSAH\n"
    "À lire aussi : Le port de Lomé s'agrandit\n"
    "Le chantier a débuté.\n"
)


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return run_cli("extract", *args, stdin=stdin, text=False)


def mixed_folder(root: Path) -> Path:
    src = root / "depeches"
    (src / "sous-dossier").mkdir(parents=True)
    (src / "togo-ghana.txt").write_text(TEXT, encoding="utf-8")
    (src / "windows.txt").write_bytes(TEXT.replace("Togo", "Bénin").encode("cp1252"))
    (src / "vide.txt").write_bytes(b"")
    (src / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (src / "lisez-moi.md").write_text("pas un article", encoding="utf-8")
    lines = [
        json.dumps({"id": "j1", "text": TEXT}, ensure_ascii=False),
        '{"id": "cassé", ',
        json.dumps({"id": "j1", "content": "Un doublon d'identifiant."}, ensure_ascii=False),
        json.dumps({"id": "sans-texte"}),
    ]
    (src / "sous-dossier" / "flux.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    packed = gzip.compress(("\n".join(lines) + "\n").encode() * 50)
    (src / "sous-dossier" / "coupe.jsonl.gz").write_bytes(packed[: len(packed) // 2])
    (src / "lot.csv").write_text(
        "id;text\nc1;Le ministre a reçu l'ambassadeur.\nc2\n", encoding="utf-8"
    )
    return src


@pytest.mark.slow
def test_mixed_folder(tmp_path: Path) -> None:
    src = mixed_folder(tmp_path)
    out = tmp_path / "sortie"
    done = run(str(src), "-o", str(out), "--format", "parquet")
    err = done.stderr.decode()
    # one input (the binary file) and the truncated gzip could not be read at all
    assert done.returncode == 1, err
    assert "input(s) could not be read" in err and "image.txt: binary content" in err
    assert "\x1b[" not in err, "no progress bar when stderr is not a terminal"
    assert "warning: " in err and "flux.jsonl:2: malformed JSON line" in err
    summary = [line for line in err.splitlines() if " articles (" in line]
    assert len(summary) == 1 and "persons" in summary[0] and "agreements" in summary[0]

    arts = pq.read_table(out / "articles.parquet").to_pandas().set_index("article_id")
    assert arts.loc["togo-ghana", "status"] == "ok", arts.loc["togo-ghana", "error"]
    assert arts.loc["togo-ghana", "content_end"] == TEXT.index("À lire aussi")
    assert arts.loc["togo-ghana", "published_at"] == pd.Timestamp("2024-03-14")  # typed
    assert arts.loc["togo-ghana", "published_at_precision"] == "day"
    assert arts.loc["j1", "source"].endswith("flux.jsonl:1")
    assert arts.loc["vide", "status"] == "empty"
    assert arts.loc["image", "status"] == "error"
    assert arts.loc["flux-2", "status"] == "error"
    assert arts.loc["j1~2", "error"].startswith("duplicate id 'j1'")
    assert arts.loc["sans-texte", "status"] == "error"
    assert arts.loc["lot-2", "error"].endswith("row 2: 1 fields, header has 2, missing 'text'")
    assert "lisez-moi" not in arts.index  # not an article format, inside a folder
    assert (
        arts.loc["windows", "title"] == "Le Bénin et le Ghana signent un accord sur l'électricité"
    )
    assert (out / "_SUCCESS").exists()

    # same input, same output, byte for byte; a second run into the same folder is refused
    again = run(str(src), "-o", str(out), "--format", "parquet")
    assert again.returncode == 2 and "not empty" in again.stderr.decode()
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    again = run(str(src), "-o", str(out), "--format", "parquet", "--overwrite", "--quiet")
    assert again.returncode == 1
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


@pytest.mark.slow
def test_good_inputs_exit_zero_strict_fails_on_bad_records(tmp_path: Path) -> None:
    good = tmp_path / "bon.jsonl"
    good.write_text(
        json.dumps({"id": "b1", "text": TEXT}, ensure_ascii=False) + "\n{pas du json}\n",
        encoding="utf-8",
    )
    out = tmp_path / "o1"
    done = run(str(good), "-o", str(out), "--excel")
    assert done.returncode == 0, done.stderr.decode()
    raw = (out / "articles.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b";" in raw.splitlines()[0]
    strict = run(str(good), "-o", str(tmp_path / "o2"), "--strict", "--format", "jsonl")
    assert strict.returncode == 1
    assert "error (--strict)" in strict.stderr.decode() and "bon.jsonl:2" in strict.stderr.decode()
    rows = [
        json.loads(line) for line in (tmp_path / "o2" / "articles.jsonl").read_text().splitlines()
    ]
    assert [r["article_id"] for r in rows] == ["b1", "bon-2"]
    stdin = run(
        "-", "-o", str(tmp_path / "o3"), stdin=(json.dumps({"text": "Un texte."}) + "\n").encode()
    )
    assert stdin.returncode == 0, stdin.stderr.decode()
    back = pd.read_csv(tmp_path / "o3" / "articles.csv")
    assert back.loc[0, "article_id"] == "stdin-1" and back.loc[0, "source"] == "<stdin>:1"
