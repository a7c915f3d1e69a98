"""The data the notebooks walk through: the invented examples of notebook 05, the classroom files of
notebook 07, and the teaching corpus built with the example codebook (notebook 04)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest

import mediakit
from mediakit.errors import MediakitError

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "data" / "examples"
CODEBOOK = ROOT / "data" / "codebooks" / "example.yaml"


def test_examples_are_up_to_date() -> None:
    pytest.importorskip("warcio")
    r = subprocess.run([sys.executable, str(EXAMPLES / "make_examples.py"), "--check"], capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr


def test_examples_build_into_a_corpus_with_one_failure(tmp_path: Path) -> None:
    pytest.importorskip("warcio")
    sources = [EXAMPLES / "mediacloud_export.csv", EXAMPLES / "crawl.warc.gz"]
    result = mediakit.build_corpus(sources, tmp_path / "own", workers=1, quiet=True, codebook=CODEBOOK)
    assert (result.ok, result.failed) == (11, 1)
    corpus = mediakit.open_corpus(tmp_path / "own")
    (failure,) = corpus.failures()
    assert failure[0].endswith("mediacloud_export.csv#9") and "empty" in failure[1]
    ok = corpus.articles.filter(pl.col("status") == "ok").collect()
    assert sorted(ok["outlet"].unique()) == ["Mirren Evening Post", "Radio Tavan"]
    assert ok["date"].null_count() == 0 and ok["title"].null_count() == 0
    assert corpus.quotes.collect().height >= 20


def test_feed_and_url_list_are_listed_without_fetching() -> None:
    from mediakit.importers.feeds import feed_links
    from mediakit.importers.urls import read_url_list

    links = feed_links((EXAMPLES / "feed.xml").read_text(encoding="utf-8"))
    listed = [u.url for u in read_url_list(EXAMPLES / "radio_tavan.urls")]
    assert len(links) == 4 and sorted(links) == sorted(listed)
    assert all(u.startswith("https://example.org/") for u in links)


def test_teaching_corpus_with_a_codebook(tmp_path: Path) -> None:
    from mediakit.datasets import teaching_corpus

    c = teaching_corpus(codebook=CODEBOOK, cache=tmp_path, workers=1)
    cats = set(c.actors.select("category").collect()["category"].drop_nulls())
    assert {"government", "residents", "civil society", "anonymous", "unmapped"} <= cats
    assert teaching_corpus(codebook=CODEBOOK, cache=tmp_path).path == c.path  # built once
    with pytest.raises(MediakitError, match="is not a file"):
        teaching_corpus(codebook=tmp_path / "missing.yaml", cache=tmp_path)


def test_classroom_files_are_up_to_date_and_load() -> None:
    pytest.importorskip("anywidget")
    classroom = ROOT / "data" / "classroom"
    r = subprocess.run([sys.executable, str(classroom / "make_classroom.py"), "--check"], capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr
    from mediakit.datasets import load_corpus, read_brat
    from mediakit.widgets import Annotator

    corpus = load_corpus()
    students = sorted(p.stem for p in classroom.glob("*.json"))
    assert students == ["amira", "ben", "chloe", "dev"]
    for name in students:
        notes = Annotator.load(classroom / f"{name}.json")
        assert notes.article.source == corpus.text("lantern-2026-03-05-hollin-shopkeeper")
        brat = read_brat(classroom / f"{name}.ann", notes.article.source)
        assert [(b["content"]["start"], b["content"]["end"]) for b in brat] == [(a.start, a.end) for a in notes.items]
