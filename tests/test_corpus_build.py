"""Corpus builds: one row per input unit, resumable after kill -9, incremental, deterministic across workers."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import polars as pl
import pytest

from mediakit.corpus import build_corpus, open_corpus
from mediakit.errors import InputError
from mediakit.records import TABLES

ROOT = Path(__file__).resolve().parent.parent
TEXTS = sorted((ROOT / "data" / "corpus" / "text").glob("*.txt"))


def sorted_tables(out: Path) -> dict[str, pl.DataFrame]:
    c = open_corpus(out)
    return {name: c.table(name).collect().sort(pl.all()) for name in TABLES}


def same_tables(a: Path, b: Path) -> None:
    ta, tb = sorted_tables(a), sorted_tables(b)
    for name in TABLES:
        assert ta[name].equals(tb[name]), f"table {name} differs"


@pytest.fixture(scope="module")
def texts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("texts")
    for p in TEXTS[:12]:
        shutil.copy(p, d / p.name)
    (d / "empty.txt").write_text("", encoding="utf-8")
    (d / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (d / "notes.yaml").write_text("ignored: true\n", encoding="utf-8")  # not an article kind: not read
    return d


@pytest.fixture(scope="module")
def reference(texts: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("ref") / "corpus"
    result = build_corpus([texts], out, workers=1, batch_size=3, quiet=True)
    assert (result.ok, result.failed) == (12, 2)
    return out


def test_every_unit_is_one_articles_row(reference: Path) -> None:
    arts = open_corpus(reference).articles.collect()
    assert arts.height == 14 and arts["doc"].n_unique() == 14
    failed = dict(arts.filter(pl.col("status") == "failed").select("doc", "error").rows())
    assert set(failed) == {"empty", "binary"}
    assert all(failed.values())
    ok = arts.filter(pl.col("status") == "ok")
    assert ok["words"].min() > 100 and ok["quotes"].sum() > 50


def test_tables_have_the_spec_columns(reference: Path) -> None:
    c = open_corpus(reference)
    for name, spec in TABLES.items():
        assert c.table(name).collect_schema().names() == list(spec.names)
    quotes = c.quotes.collect()
    assert set(quotes["doc"]) <= set(c.articles.collect()["doc"])


def test_missing_source_is_a_failed_row_not_silence(tmp_path: Path) -> None:
    r = build_corpus([str(TEXTS[0]), str(tmp_path / "nope.txt"), str(tmp_path / "x*.html")], tmp_path / "c",
                     workers=1, quiet=True)
    assert (r.ok, r.failed) == (1, 2)
    assert all("no such file" in why for _, why in r.failures)


def test_deterministic_across_workers(texts: Path, reference: Path, tmp_path: Path) -> None:
    build_corpus([texts], tmp_path / "two", workers=2, batch_size=2, quiet=True)
    same_tables(reference, tmp_path / "two")


def test_rerun_does_nothing_and_adding_sources_adds_only_new(texts: Path, tmp_path: Path) -> None:
    out = tmp_path / "inc"
    first = build_corpus([TEXTS[0], TEXTS[1]], out, workers=1, quiet=True)
    assert first.ok == 2
    again = build_corpus([TEXTS[0], TEXTS[1]], out, workers=1, quiet=True)
    assert (again.ok, again.failed, again.skipped) == (0, 0, 2)
    more = build_corpus([TEXTS[0], TEXTS[1], TEXTS[2]], out, workers=1, quiet=True)
    assert (more.ok, more.skipped) == (1, 2)
    assert open_corpus(out).articles.collect().height == 3


def test_resume_after_kill_9_gives_the_same_tables(texts: Path, reference: Path, tmp_path: Path) -> None:
    out = tmp_path / "killed"
    code = (f"from mediakit.corpus import build_corpus; "
            f"build_corpus([{str(texts)!r}], {str(out)!r}, workers=1, batch_size=1, quiet=True)")
    proc = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        parts = out / "parts"
        if parts.is_dir() and sum(1 for p in parts.iterdir() if not p.name.startswith(".")) >= 4:
            break
        time.sleep(0.02)
    assert proc.poll() is None, "the build finished before it could be interrupted"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    partial = open_corpus(out).articles.collect().height
    assert 0 < partial < 14
    result = build_corpus([texts], out, workers=1, quiet=True)
    assert result.ok + result.failed == 14 - partial
    same_tables(reference, out)


def test_status_lists_counts_and_failures(reference: Path) -> None:
    text = open_corpus(reference).status()
    assert "14 articles" in text and "2 failed" in text and "12 ok" in text
    assert "empty.txt" in text and "binary.txt" in text


def test_not_a_corpus(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such corpus"):
        open_corpus(tmp_path / "missing")
    with pytest.raises(InputError, match="not a mediakit corpus"):
        open_corpus(tmp_path)


def test_dask_engine_writes_identical_tables(texts: Path, reference: Path, tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    build_corpus([texts], tmp_path / "dask", engine="dask", workers=2, batch_size=4, quiet=True)
    same_tables(reference, tmp_path / "dask")


def test_exports_urls_and_bad_rows_in_one_build(tmp_path: Path) -> None:
    export = tmp_path / "stories.csv"
    export.write_text(
        "stories_id,media_name,publish_date,title,text\n"
        "101,Harbour Herald,2026-01-05,Ferry resumes,\"The ferry resumed on Monday, the harbour master said.\"\n"
        "102,Harbour Herald,2026-01-06,Empty,\n"
        "103,Dockside Daily,2026-01-07,Bridge,\"\"\"It is safe,\"\" said Mayor Lena Ortiz.\"\n",
        encoding="utf-8")
    urls = tmp_path / "list.urls"
    urls.write_text("# a list\nnot a url\n", encoding="utf-8")
    feed = tmp_path / "feed.xml"
    feed.write_text("this is not XML", encoding="utf-8")
    r = build_corpus([export, urls, feed], tmp_path / "c", workers=1, quiet=True)
    arts = open_corpus(tmp_path / "c").articles.collect().sort("doc", "source")
    assert arts.height == 5 and (r.ok, r.failed) == (2, 3)
    ok = arts.filter(pl.col("status") == "ok")
    assert sorted(ok["doc"].to_list()) == ["101", "103"]
    assert sorted(ok["outlet"].to_list()) == ["Dockside Daily", "Harbour Herald"]
    assert set(ok["date"]) == {"2026-01-05", "2026-01-07"}
    reasons = " | ".join(arts.filter(pl.col("status") == "failed")["error"].to_list())
    assert "empty" in reasons and "not an http(s) URL" in reasons and "not an RSS/Atom feed" in reasons
    quotes = open_corpus(tmp_path / "c").quotes.collect()
    assert "Lena Ortiz" in quotes["speaker"].to_list()


def test_column_mapping_and_metadata_file(tmp_path: Path) -> None:
    export = tmp_path / "export.tsv"
    export.write_text("key\tstory\tpublished\nk1\tThe minister said the port would reopen.\t2026-02-01\n",
                      encoding="utf-8")
    meta = tmp_path / "meta.csv"
    meta.write_text("filename,publisher\nexport.tsv#1,Port Gazette\n", encoding="utf-8")
    build_corpus([export], tmp_path / "c", columns={"text": "story", "date": "published"}, metadata=meta,
                 workers=1, quiet=True)
    row = open_corpus(tmp_path / "c").articles.collect().row(0, named=True)
    assert (row["status"], row["date"], row["outlet"]) == ("ok", "2026-02-01", "Port Gazette")


def test_warc_records_become_articles(tmp_path: Path) -> None:
    pytest.importorskip("warcio")
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for i in range(3):
            html = (f"<html><head><title>Story {i}</title></head><body><article><h1>Story {i}</h1>"
                    f"<p>The harbour board said on Monday that the ferry number {i} would sail again after "
                    f"repairs to the pier were finished ahead of time.</p></article></body></html>").encode()
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(f"https://news.example/s{i}", "response",
                                                          payload=BytesIO(html), http_headers=headers))
    data = path.read_bytes()
    (tmp_path / "cut.warc.gz").write_bytes(data[: len(data) // 2])  # inside the second record
    build_corpus([path], tmp_path / "c", workers=1, quiet=True)
    arts = open_corpus(tmp_path / "c").articles.collect()
    assert arts.height == 3 and set(arts["status"]) == {"ok"}
    assert sorted(arts["url"].to_list()) == [f"https://news.example/s{i}" for i in range(3)]
    build_corpus([tmp_path / "cut.warc.gz"], tmp_path / "cut", workers=1, quiet=True)
    cut = open_corpus(tmp_path / "cut").articles.collect()
    assert "failed" in set(cut["status"]) and cut.height >= 1


def test_cli_corpus_build_and_status(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from mediakit.cli import main

    out = tmp_path / "c"
    assert main(["corpus", "build", str(TEXTS[0]), str(tmp_path / "missing.txt"), "--out", str(out),
                 "--workers", "1"]) == 1
    err = capsys.readouterr().err
    assert "1 ok, 1 failed" in err and "missing.txt" in err
    assert main(["corpus", "status", str(out)]) == 1
    assert "2 articles" in capsys.readouterr().out
    assert main(["corpus", "build", "x.txt", "--out", str(out), "--columns", "text"]) == 2


def test_teaching_corpus_builds_once_from_its_raw_shapes(tmp_path: Path) -> None:
    from mediakit.datasets import teaching_corpus

    c = teaching_corpus(cache=tmp_path, workers=1)
    arts = c.articles.collect()
    assert arts.height == 50 and set(arts["status"]) == {"ok"}
    assert arts.filter(pl.col("source").str.contains("ens-wire.csv#")).height == 10
    assert arts["outlet"].n_unique() == 5 and arts["date"].null_count() == 0
    again = teaching_corpus(cache=tmp_path)
    assert again.path == c.path and len(list(tmp_path.iterdir())) == 1


def test_url_list_fetched_once_then_cached(tmp_path: Path) -> None:
    import http.server
    import threading

    hits: list[str] = []
    page = (b"<html><head><title>Pier</title></head><body><article><h1>Pier reopens</h1><p>The harbour board "
            b"said on Monday that the north pier would reopen to ferries after repairs ended early.</p>"
            b"</article></body></html>")

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            hits.append(self.path)
            if self.path == "/gone":
                self.send_response(404)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(page)))
            self.end_headers()
            self.wfile.write(page)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{server.server_port}"
        urls = tmp_path / "list.urls"
        urls.write_text(f"{base}/a\n{base}/gone\n", encoding="utf-8")
        out = tmp_path / "c"
        refused = build_corpus([urls], tmp_path / "refused", workers=1, quiet=True)
        assert refused.failed == 2 and not hits  # private addresses are refused unless allowed
        r = build_corpus([urls], out, workers=1, quiet=True, allow_private=True, timeout=5)
        assert (r.ok, r.failed) == (1, 1)
        n = len(hits)
        shutil.rmtree(out / "parts")  # rebuild the tables: the page comes from the cache
        r2 = build_corpus([urls], out, workers=1, quiet=True, allow_private=True, timeout=5)
        assert r2.ok == 1 and len(hits) == n + 1  # only the failed URL was asked again
    finally:
        server.shutdown()


@pytest.mark.parametrize(("how", "engine"), [("file", "local"), ("module", "local"), ("file", "dask")])
def test_a_script_without_a_main_guard_builds_with_workers(tmp_path: Path, how: str, engine: str) -> None:
    """A researcher's plain script (no ``if __name__ == "__main__":``) that builds with two worker processes:
    the workers used to run the script again, and the build died in a multiprocessing traceback (Dask's
    workers too: "Nanny failed to start")."""
    if engine == "dask":
        pytest.importorskip("distributed")
    src = tmp_path / "texts"
    src.mkdir()
    for p in TEXTS[:3]:
        shutil.copy(p, src / p.name)
    script = tmp_path / "build_my_corpus.py"
    script.write_text(
        "from mediakit import build_corpus\n"
        f"result = build_corpus([{str(src)!r}], {str(tmp_path / 'corpus')!r}, workers=2, batch_size=1, quiet=True, "
        f"engine={engine!r})\n"
        "print('built', result.ok, result.failed)\n",
        encoding="utf-8",
    )
    cmd = [sys.executable, str(script)] if how == "file" else [sys.executable, "-m", "build_my_corpus"]
    res = subprocess.run(cmd, capture_output=True, text=True, cwd=tmp_path, timeout=300)
    assert res.returncode == 0, res.stderr[-2000:]
    assert res.stdout.strip().splitlines() == ["built 3 0"]
    assert "Traceback" not in res.stderr
