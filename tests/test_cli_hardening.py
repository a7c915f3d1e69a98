"""Every path given or found ends as a record; odd file names never crash a writer; CSV runs list every input."""

from __future__ import annotations

import csv
import json
import os
import sys
from pathlib import Path

import pytest

from mediakit.cli import main

ROOT = Path(__file__).resolve().parent.parent
PASTED = ROOT / "data" / "examples" / "ferry_pasted.txt"
unix_only = pytest.mark.skipif(sys.platform == "win32", reason="symlinks, FIFOs and byte file names are POSIX")


def records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@unix_only
def test_dangling_symlink_and_fifo_in_a_folder_are_failed_records(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_bytes(PASTED.read_bytes())
    (folder / "gone.txt").symlink_to(folder / "missing.txt")
    os.mkfifo(folder / "pipe.txt")
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(folder), "-o", str(out), "--quiet"]) == 1
    recs = {Path(r["source"]).name: r for r in records(out)}
    assert set(recs) == {"a.txt", "gone.txt", "pipe.txt"}
    assert recs["a.txt"]["status"] == "ok"
    assert "symbolic link" in recs["gone.txt"]["error"]
    assert "not a regular file" in recs["pipe.txt"]["error"]


@unix_only
def test_fifo_given_by_name_is_not_read_as_text(tmp_path: Path) -> None:
    fifo = tmp_path / "story.txt"
    os.mkfifo(fifo)
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(fifo), "-o", str(out), "--quiet"]) == 1
    (rec,) = records(out)
    assert rec["status"] == "failed" and "not a regular file" in rec["error"]


@unix_only
def test_file_name_with_a_newline_is_read_as_a_file(tmp_path: Path) -> None:
    odd = tmp_path / "two\nlines.txt"
    odd.write_bytes(PASTED.read_bytes())
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(odd), "-o", str(out), "--quiet"]) == 0
    (rec,) = records(out)
    assert rec["status"] == "ok" and "ferry" in rec["text"].lower()
    assert "two\nlines" not in rec["text"]


@unix_only
@pytest.mark.parametrize("command,fmt", [("extract", "jsonl"), ("quotes", "csv"), ("actors", "jsonl")])
def test_non_utf8_file_names_are_written_escaped(tmp_path: Path, command: str, fmt: str) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    bad = os.fsencode(folder) + b"/caf\xe9.txt"
    with open(bad, "wb") as fh:
        fh.write(PASTED.read_bytes())
    (folder / "b.txt").write_bytes(PASTED.read_bytes())
    out = tmp_path / f"out.{fmt}"
    code = main([command, str(folder), "--format", fmt, "-o", str(out), "--quiet"])
    assert code == 0
    text = out.read_text(encoding="utf-8")  # valid UTF-8, and both inputs are there
    if fmt == "jsonl":
        names = {r.get("source") or r.get("doc") for r in records(out)}
        assert any(n.endswith("caf\\xe9.txt") for n in names) and any(n.endswith("b.txt") for n in names)
    else:
        assert "caf\\xe9.txt" in text and "b.txt" in text


def test_csv_rows_commands_list_every_input(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_bytes(PASTED.read_bytes())
    (folder / "quiet.txt").write_text("Market notes\n\nThe market opened at nine and closed at five.\n",
                                      encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    out = tmp_path / "quotes.csv"
    assert main(["quotes", str(folder), "--format", "csv", "-o", str(out), "--quiet"]) == 1
    status = tmp_path / "quotes.inputs.csv"
    rows = {Path(r["source"]).name: r for r in csv.DictReader(status.open(encoding="utf-8"))}
    assert set(rows) == {"a.txt", "quiet.txt", "empty.txt"}
    assert rows["empty.txt"]["status"] == "failed" and rows["empty.txt"]["error"]
    assert rows["quiet.txt"]["status"] == "ok" and rows["quiet.txt"]["rows"] == "0"
    assert int(rows["a.txt"]["rows"]) > 0
