"""The teaching corpus: its gold is valid, its build is up to date, and every raw shape extracts to its text."""

from __future__ import annotations

import csv
import json
import re
import subprocess
import sys
from collections import Counter
from datetime import date
from pathlib import Path

import polars as pl
import pytest

from mediakit.datasets import load_corpus, polnear, read_brat
from mediakit.errors import MediakitError

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data" / "corpus"
BUILD = CORPUS / "build.py"
OUTPUTS = ("text", "attributions", "meta", "raw")
KINDS = {"direct", "indirect", "mixed"}


def _sidecars() -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted((CORPUS / "meta").glob("*.json"))]


SIDECARS = _sidecars()


@pytest.fixture(scope="module")
def corpus():
    return load_corpus()


# ----- size and shape -----------------------------------------------------------------------------


def test_corpus_size_and_outlets(corpus) -> None:
    assert len(corpus) >= 48
    per_outlet = Counter(corpus.metadata["outlet"].to_list())
    assert len(per_outlet) >= 4, per_outlet
    assert min(per_outlet.values()) >= 5, per_outlet


def test_metadata_table(corpus) -> None:
    m = corpus.metadata
    assert m.columns == ["id", "outlet", "date", "title", "section", "byline", "url", "words", "n_attributions",
                         "text_path", "raw_path", "raw_shape"]
    assert m.schema["date"] == pl.Date
    assert m["id"].n_unique() == len(m)
    assert m["date"].min() >= date(2026, 3, 2) and m["date"].max() <= date(2026, 4, 24)
    assert (m["words"] > 100).all() and (m["n_attributions"] > 0).all()
    assert set(m["raw_shape"].to_list()) <= {"html", "pasted", "csv"}
    assert all(u.startswith("https://") and ".example/" in u for u in m["url"].to_list())
    assert all(Path(p).is_file() for p in m["raw_path"].to_list())
    first = m.row(0, named=True)
    assert corpus.text(first["id"]).startswith(first["title"] + "\n\n")


# ----- gold validity ------------------------------------------------------------------------------


def _read_ann(path: Path) -> tuple[dict[str, tuple[str, list[tuple[int, int]], str]], list[dict[str, str]]]:
    spans, events = {}, []
    for line in path.read_text(encoding="utf-8").splitlines():
        tid, body = line.split("\t", 1)
        if tid.startswith("T"):
            head, txt = body.split("\t", 1)
            label, offs = head.split(" ", 1)
            spans[tid] = (label, [(int(a), int(b)) for a, b in (p.split() for p in offs.split(";"))], txt)
        else:
            assert tid.startswith("E"), line
            events.append(dict(x.split(":", 1) for x in body.split()))
    return spans, events


@pytest.mark.parametrize("meta", SIDECARS, ids=[m["id"] for m in SIDECARS])
def test_gold_is_valid(meta: dict) -> None:
    text = (CORPUS / meta["text_path"]).read_text(encoding="utf-8")
    spans, events = _read_ann(CORPUS / meta["gold_path"])
    assert meta["gold_path"].endswith("_gold.ann")
    for tid, (label, ranges, txt) in spans.items():
        assert label in {"Source", "Cue", "Content", "Attribution"}, tid
        assert all(0 <= a < b <= len(text) and "\n" not in text[a:b] for a, b in ranges), tid
        assert " ".join(text[a:b] for a, b in ranges) == txt, f"{tid}: offsets do not slice to the T-line text"
    assert len(events) == len(meta["attributions"])
    for ev, att in zip(events, meta["attributions"], strict=True):
        assert set(ev) <= {"Attribution", "Content", "Cue", "Source"} and {"Attribution", "Content"} <= set(ev)
        assert all(v in spans and spans[v][0] == k for k, v in ev.items()), ev
        assert [list(r) for r in spans[ev["Content"]][1]] == att["content"]["ranges"]
        for part in ("source", "cue"):
            key = part.capitalize()
            assert (key in ev) == (att[part] is not None)
            if att[part]:
                assert text[att[part]["start"]:att[part]["end"]] == att[part]["text"]
    actors = {a["name"] for a in meta["actors"]}
    assert len(actors) == len(meta["actors"])
    for att in meta["attributions"]:
        assert att["kind"] in KINDS
        assert att["speaker"] is None or att["speaker"] in actors, att["speaker"]
    # the scorer's reader sees the same attributions
    assert len(read_brat(CORPUS / meta["gold_path"], text)) == len(meta["attributions"])


def test_gold_table_matches_text(corpus) -> None:
    gold = corpus.gold()
    assert len(gold) == corpus.metadata["n_attributions"].sum()
    assert set(gold["kind"].unique().to_list()) == KINDS
    texts = {i: corpus.text(i) for i in corpus.ids}
    for row in gold.iter_rows(named=True):
        assert " ".join(texts[row["id"]][a:b] for a, b in row["content_ranges"]) == row["content"]
    actors = corpus.actors()
    speakers = actors.filter(pl.col("attributions") > 0)
    assert speakers["attributions"].sum() == gold["speaker"].drop_nulls().len()


# ----- the build ----------------------------------------------------------------------------------


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for d in OUTPUTS for p in sorted((root / d).rglob("*")) if p.is_file()}


def test_build_is_up_to_date(tmp_path: Path) -> None:
    run = subprocess.run([sys.executable, str(BUILD), "--out", str(tmp_path)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert "warning" not in run.stderr, run.stderr  # e.g. one actor spelled two ways across articles
    fresh, shipped = _tree(tmp_path), _tree(CORPUS)
    assert sorted(fresh) == sorted(shipped), "run: python data/corpus/build.py"
    stale = [k for k in fresh if fresh[k] != shipped[k]]
    assert not stale, f"out of date (run: python data/corpus/build.py): {stale[:5]}"


def test_build_names_the_file_and_string_it_cannot_locate(tmp_path: Path) -> None:
    src = next((CORPUS / "articles" / "ens-wire").glob("*.yaml"))
    (tmp_path / "articles" / "ens-wire").mkdir(parents=True)
    bad = tmp_path / "articles" / "ens-wire" / src.name
    bad.write_text(re.sub(r"^(\s+content: ).+$", r"\1'words nobody wrote'", src.read_text(encoding="utf-8"),
                          count=1, flags=re.M), encoding="utf-8")
    run = subprocess.run([sys.executable, str(BUILD), "--articles", str(tmp_path / "articles"), "--out",
                          str(tmp_path / "out")], capture_output=True, text=True)
    assert run.returncode == 1
    assert src.name in run.stderr and "words nobody wrote" in run.stderr
    assert not (tmp_path / "out").exists()


# ----- raw shapes extract to the clean text -------------------------------------------------------

WORD = re.compile(r"\w+")


def _shingles(text: str) -> Counter:
    words = WORD.findall(text)
    return Counter(tuple(words[i:i + 4]) for i in range(max(1, len(words) - 3)) if words[i:i + 4])


def shingle_f1(true: str, pred: str) -> float:
    """4-word shingle F1 of one document, as ../shared/tools/score_extraction.py computes it."""
    t, p = _shingles(true), _shingles(pred)
    tp, fp, fn = sum((t & p).values()), sum((p - t).values()), sum((t - p).values())
    if fp == fn == 0:
        return 1.0
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    return 2 * prec * rec / (prec + rec) if prec + rec else 0.0


def _wire_rows() -> dict[str, str]:
    path = CORPUS / "raw" / "ens-wire.csv"
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as f:
        return {row["url"]: row["text"] for row in csv.DictReader(f)}


WIRE = _wire_rows()
RAW_PATHS = load_corpus().raw_paths()


@pytest.mark.parametrize("meta", SIDECARS, ids=[f"{m['raw_shape']}-{m['id']}" for m in SIDECARS])
def test_raw_shape_extracts_to_clean_text(meta: dict) -> None:
    from mediakit.extract import extract

    body = (CORPUS / meta["text_path"]).read_text(encoding="utf-8").split("\n\n", 1)[1]
    raw = RAW_PATHS[meta["id"]]
    if meta["raw_shape"] == "csv":
        assert list(csv.reader([(CORPUS / meta["raw_path"]).read_text(encoding="utf-8").split("\n", 1)[0]])) == [
            ["outlet", "date", "title", "url", "text"]]
        assert str(raw).startswith(str(CORPUS / meta["raw_path"]) + "#")
        assert extract(raw).source == WIRE[meta["url"]]  # the row's cell, quote marks undoubled
    art = extract(raw)
    if meta["raw_shape"] == "csv":  # the row's columns land in the article
        assert (art.title, art.url, art.date) == (meta["title"], meta["url"], meta["date"])
    f1 = shingle_f1(body, art.body)
    assert f1 >= 0.95, f"{meta['raw_path']}: shingle F1 {f1:.3f}"


def test_pasted_shapes_show_every_caption() -> None:
    missing = []
    for meta in SIDECARS:
        if meta["raw_shape"] != "pasted":
            continue
        lines = (CORPUS / meta["raw_path"]).read_text(encoding="utf-8").splitlines()
        for cap in meta["captions"]:
            if not any(line.startswith(cap["text"]) and (cap["credit"] or "") in line for line in lines):
                missing.append((meta["id"], cap["text"]))
    assert not missing, missing


# ----- the loaders --------------------------------------------------------------------------------


def test_load_corpus_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import mediakit.datasets

    monkeypatch.setattr(mediakit.datasets, "default_corpus_path", lambda: tmp_path / "site-packages" / "data")
    with pytest.raises(MediakitError, match=r"not installed with the package.*load_corpus\(path="):
        load_corpus()
    monkeypatch.undo()
    with pytest.raises(MediakitError, match="not a folder"):
        load_corpus(tmp_path / "missing")
    (tmp_path / "articles").mkdir()
    with pytest.raises(MediakitError, match="build.py"):
        load_corpus(tmp_path)
    with pytest.raises(MediakitError, match="no article"):
        load_corpus().text("courier-no-such-article")


def test_polnear_layout(tmp_path: Path) -> None:
    split = tmp_path / "dev"
    (split / "text").mkdir(parents=True)
    (split / "attributions").mkdir()
    name = "lundby-post_2026-01-05_harbour-talks"
    text = "Harbour talks resume\n\n\u201cWe will sign,\u201d the mayor said, \u201cby Friday.\u201d\n"
    (split / "text" / f"{name}.txt").write_text(text, encoding="utf-8")
    (split / "attributions" / f"{name}_b2.ann").write_text("T1\tContent 0 1\tH\nE1\tAttribution:T1\n")
    (split / "attributions" / f"{name}_a1.ann").write_text(
        "T1\tSource 38 47\tthe mayor\nT2\tCue 48 52\tsaid\nT3\tContent 22 37;54 66\t\u201cWe will sign,\u201d "
        "\u201cby Friday.\u201d\nT4\tAttribution 48 52\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n",
        encoding="utf-8")
    (tmp_path / "metadata.tsv").write_text(
        "compartment\tfilename\tpublisher\tpublication_date\tauthor\ttitle\n"
        f"dev\t{name}\tLundby Post\t2026-01-05\tA. Writer\tHarbour talks resume\n", encoding="utf-8")
    pn = polnear(split)
    row = pn.metadata.row(0, named=True)
    assert (row["outlet"], row["date"], row["byline"], row["n_attributions"]) == (
        "Lundby Post", date(2026, 1, 5), "A. Writer", 1)
    g = pn.gold(name).row(0, named=True)
    assert (g["source"], g["cue"], g["content_ranges"]) == ("the mayor", "said", [[22, 37], [54, 66]])
    assert text[g["content_start"]:g["content_end"]].startswith("\u201cWe will sign")
    with pytest.raises(MediakitError, match="give one split"):
        polnear(tmp_path)
    with pytest.raises(MediakitError, match="URL"):
        polnear("https://example.org/polnear")
    with pytest.raises(MediakitError, match="actor"):
        pn.actors(name)
