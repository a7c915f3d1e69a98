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


def test_bad_codebook_is_a_clear_error(examples, capsys) -> None:
    rc = main(["quotes", str(examples / "ferry_clean.txt"), "--codebook", "no/such/codebook.yaml"])
    assert rc == 2 and "mediakit: error:" in capsys.readouterr().err


def test_quotes_offsets_are_into_the_decoded_file(examples, capsys) -> None:
    path = examples / "ferry_pasted.txt"
    assert main(["quotes", str(path), "--format", "jsonl"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    text = path.read_text(encoding="utf-8")
    assert rows and all(text[r["start"] : r["end"]] == r["text"] for r in rows)
    assert {"doc", "start", "end", "text", "kind", "cue", "cue_start", "cue_end", "speaker", "speaker_type",
            "speaker_start", "speaker_end", "rule"} <= set(rows[0])


def test_actors_csv(examples, capsys) -> None:
    assert main(["actors", str(examples / "ferry_clean.txt"), "--format", "csv"]) == 0
    header = capsys.readouterr().out.splitlines()[0]
    assert header.startswith("doc,id,name,type,role")


def test_help_command_prints_help(capsys) -> None:
    assert main(["help"]) == 0
    out = capsys.readouterr().out
    assert "usage: mediakit" in out and "extract" in out


def test_version(capsys) -> None:
    import mediakit

    try:
        rc = main(["--version"])
    except SystemExit as exc:  # argparse's version action exits
        rc = exc.code
    assert rc == 0
    assert capsys.readouterr().out.strip() == f"mediakit {mediakit.__version__}" == "mediakit 0.1.0"
    r = subprocess.run([sys.executable, "-m", "mediakit", "--version"], capture_output=True, text=True)
    assert r.returncode == 0 and r.stdout.strip() == "mediakit 0.1.0"
