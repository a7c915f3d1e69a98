"""The command line: many inputs, formats, failures listed, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys

from mediakit.cli import main


def test_extract_folder_glob_and_failures(tmp_path, examples, capsys) -> None:
    (tmp_path / "a.txt").write_text("Title here\n\nThe mayor said on Monday that the bridge would reopen soon.\n")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02" * 50)
    rc = main(["extract", str(tmp_path), str(examples / "ferry_*.html"), "missing.txt", "--format", "jsonl"])
    captured = capsys.readouterr()
    recs = [json.loads(line) for line in captured.out.splitlines()]
    assert rc == 1
    by_id = {r["id"]: r for r in recs}
    assert by_id["a"]["status"] == "ok" and by_id["ferry_page"]["status"] == "ok"
    assert by_id["empty"]["status"] == "failed" and "empty" in by_id["empty"]["error"]
    assert by_id["bin"]["status"] == "failed" and "binary" in by_id["bin"]["error"]
    assert by_id["missing"]["status"] == "failed"
    assert "failed: missing.txt" in captured.err


def test_record_fields(examples, capsys) -> None:
    assert main(["extract", str(examples / "ferry_pasted.txt"), "--format", "json"]) == 0
    (rec,) = json.loads(capsys.readouterr().out)
    for key in ("id", "source", "status", "title", "standfirst", "byline", "date", "outlet", "section",
                "captions", "text", "paragraphs", "removed"):
        assert key in rec
    assert rec["id"] == "ferry_pasted"
    src = (examples / "ferry_pasted.txt").read_text(encoding="utf-8")
    for span in rec["paragraphs"] + rec["removed"]:
        assert src[span["start"] : span["end"]] == span["text"]
    assert all(r["reason"] for r in rec["removed"])


def test_text_format_and_output_file(examples, tmp_path) -> None:
    out = tmp_path / "x.txt"
    assert main(["extract", str(examples / "ferry_clean.txt"), "--format", "text", "-o", str(out)]) == 0
    assert "title: Vessen ferry operator" in out.read_text()


def test_help_runs() -> None:
    r = subprocess.run([sys.executable, "-m", "mediakit", "extract", "--help"], capture_output=True, text=True)
    assert r.returncode == 0 and "examples:" in r.stdout
    r = subprocess.run([sys.executable, "-m", "mediakit"], capture_output=True, text=True)
    assert r.returncode == 2 and "extract" in r.stdout
