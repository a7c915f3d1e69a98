"""The command line: many inputs, formats, failures listed, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from mediakit.cli import main

ROOT = Path(__file__).resolve().parent.parent


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


def test_folder_without_supported_files_says_what_it_found(tmp_path, capsys) -> None:
    folder = tmp_path / "articles"
    (folder / "sub").mkdir(parents=True)
    for i in range(3):
        (folder / f"a{i}.yaml").write_text("title: x\n")
    (folder / "sub" / "notes.pdf").write_bytes(b"%PDF")
    rc = main(["extract", str(folder)])
    captured = capsys.readouterr()
    assert rc == 1
    assert "no supported files (.txt, .html" in captured.err and "found 3 .yaml, 1 .pdf" in captured.err
    (rec,) = [json.loads(line) for line in captured.out.splitlines()]
    assert rec["status"] == "failed" and "found 3 .yaml" in rec["error"]
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["quotes", str(empty), "--format", "csv"]) == 1
    err = capsys.readouterr().err
    assert "empty: no supported files" in err and "the folder is empty" in err


def test_glob_matching_nothing_is_a_failure(tmp_path, capsys) -> None:
    rc = main(["extract", str(tmp_path / "*.html")])
    captured = capsys.readouterr()
    assert rc == 1 and "*.html: no file matches this pattern" in captured.err


def test_bundled_yaml_folder_is_reported() -> None:
    r = subprocess.run([sys.executable, "-m", "mediakit", "extract", "data/corpus/articles"],
                       capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 1 and "data/corpus/articles: no supported files" in r.stderr
    assert "found 50 .yaml, 1 .md" in r.stderr
