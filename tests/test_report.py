"""mediakit.report and ``mediakit report``: what the folder holds, the summary, article views, options, errors,
and hostile articles (script tags, event handlers, javascript: links in title, body, captions, outlet, URL,
actor names and codebook labels) whose text must stay text, checked in the real browser too."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import polars as pl
import pytest

from mediakit import _browser
from mediakit.cli import main
from mediakit.errors import MediakitError
from mediakit.report import build_report, table_html, with_codebook

ROOT = Path(__file__).resolve().parent.parent
CODEBOOK = ROOT / "data" / "codebooks" / "example.yaml"

needs_browser = pytest.mark.skipif(_browser.unavailable() is not None, reason=f"browser check: {_browser.unavailable()}")

# --- invented articles -------------------------------------------------------------------------------------------

PIER = (
    "Harbour board backs new pier\n\n"
    '"We are ready to build it this spring," said Ms Lena Ortiz, the harbour master.\n\n'
    "Councillor Tomas Brell said the cost had not been explained to residents.\n\n"
    '"Nobody asked us," said Mara Quist, who runs a cafe on the quay.\n'
)
FERRY = (
    "Ferry timetable to change in May\n\n"
    "The island ferry will sail twice a day from May, Ms Lena Ortiz said on Tuesday.\n\n"
    '"It is the best we can do with one boat," said Jonas Pell, a spokesman for the Harbour Board.\n\n'
    "Sources at the board claimed the second boat would not be repaired this year.\n"
)


def _articles(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "pier.txt").write_text(PIER, encoding="utf-8")
    (folder / "ferry.txt").write_text(FERRY, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def small_report(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, object]:
    base = tmp_path_factory.mktemp("small")
    src = _articles(base / "articles")
    (src / "broken.html").write_bytes(b"")  # an empty file: a failed input, listed with its reason
    out = base / "report"
    return out, build_report(src, out, quiet=True, workers=1)


def test_report_folder_holds_page_charts_and_tables(small_report: tuple[Path, object]) -> None:
    out, result = small_report
    assert (out / "report.html").is_file() and (out / "corpus" / "manifest.json").is_file()
    assert result.articles == 3 and result.failed == 1 and result.views == 2
    assert result.charts, result.skipped
    for key in result.charts:
        assert (out / "charts" / f"{key}.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert (out / "charts" / f"{key}.svg").read_text(encoding="utf-8").lstrip().startswith("<svg")
        assert pl.read_csv(out / "tables" / f"{key}.csv").height > 0
    listing = pl.read_csv(out / "tables" / "articles.csv")
    assert sorted(listing["status"].to_list()) == ["failed", "ok", "ok"]
    assert pl.read_csv(out / "tables" / "sources_table.csv")["speaker"].null_count() == 0
    page = (out / "report.html").read_text(encoding="utf-8")
    assert page.count('class="mediakit-chart"') == len(result.charts) + 1  # + the paragraph strip of the views
    assert page.count('type="module"') == 1  # the chart JavaScript, inlined once
    assert "broken" in page and "failed inputs" in page
    assert "Lena Ortiz" in page and "Harbour board backs new pier" in page
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page.split("<script", 1)[0]), "a resource from the network"
    # one outlet, dates in one week: these charts would say nothing, and the report says why
    assert {k for k, _ in result.skipped} >= {"voice_by_outlet", "attention_over_time"}


def test_report_charts_share_one_colour_per_speaker(small_report: tuple[Path, object]) -> None:
    out, _ = small_report
    voice = pl.read_csv(out / "tables" / "voice_by_speaker.csv")
    first = pl.read_csv(out / "tables" / "who_comes_first.csv")
    assert set(first["group"]) <= set(voice["group"])
    assert first["colour"].to_list() == [voice.filter(pl.col("group") == g)["colour"][0] for g in first["group"]]


def test_report_of_a_corpus_folder_with_codebook_and_title(tmp_path: Path, small_report: tuple[Path, object]) -> None:
    built, _ = small_report
    out = tmp_path / "again"
    result = build_report(built / "corpus", out, title="Harbour study", codebook=CODEBOOK, quiet=True, articles=1)
    page = (out / "report.html").read_text(encoding="utf-8")
    assert "<title>Harbour study</title>" in page and result.views == 1
    assert not (out / "corpus").exists()  # a corpus folder is read where it is
    assert "voice_by_category" in result.charts and "outlet_heatmap" in result.charts
    heat = pl.read_csv(out / "tables" / "outlet_heatmap.csv")
    assert "unmapped" in set(heat["group"])  # the example codebook knows none of these invented names


def test_report_of_one_article(tmp_path: Path) -> None:
    result = build_report(ROOT / "data" / "examples" / "ferry_page.html", tmp_path / "one", quiet=True, workers=1)
    assert result.articles == 1 and result.failed == 0 and result.views == 1
    page = result.html.read_text(encoding="utf-8")
    assert "The Lundby Gazette" in page and "Quotes, coloured by speaker" in page


def test_with_codebook_sets_categories(small_report: tuple[Path, object]) -> None:
    from mediakit.corpus import open_corpus

    out, _ = small_report
    book = tmp_book = out.parent / "book.yaml"
    tmp_book.write_text("categories:\n  officials:\n    names: [Lena Ortiz]\n  business:\n    types: [organisation]\n",
                        encoding="utf-8")
    t = with_codebook(open_corpus(out / "corpus"), book)
    acts = t.actors.collect()
    assert set(acts.filter(pl.col("name") == "Lena Ortiz")["category"]) == {"officials"}
    assert set(acts.filter(pl.col("type") == "organisation")["category"]) <= {"business"}
    ment = t.mentions.collect()
    assert set(ment.filter(pl.col("actor") == "Lena Ortiz")["category"]) == {"officials"}


def test_table_html_escapes_and_truncates() -> None:
    df = pl.DataFrame({"<th>": ["<script>x</script>"] * 5, "n": [1, 2, 3, 4, 5]})
    out = table_html(df, limit=2)
    assert "<script>" not in out and "&lt;th&gt;" in out and "The first 2 of 5 rows" in out


def test_cli_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = _articles(tmp_path / "in")
    assert main(["report", str(src), "--out", str(tmp_path / "out"), "--articles", "0", "--workers", "1"]) == 0
    err = capsys.readouterr().err
    assert "report of 2 articles (0 failed)" in err and "report.html" in err
    assert "Articles</h2>" not in (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    assert main(["report", str(src), "--out", str(tmp_path / "quiet"), "--quiet", "--workers", "1"]) == 0
    assert capsys.readouterr().err == ""


def test_report_when_every_input_failed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "empty.txt").write_text("", encoding="utf-8")
    assert main(["report", str(src), "-o", str(tmp_path / "out"), "--workers", "1"]) == 1
    err = capsys.readouterr().err
    assert "failed: " in err and "empty.txt" in err and "0 charts" in err
    page = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    assert "nothing to chart" in page and "empty.txt" in page
    assert pl.read_csv(tmp_path / "out" / "tables" / "articles.csv")["status"].to_list() == ["failed"]


def test_cli_report_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(tmp_path / "missing.txt"), "--out", str(tmp_path / "out")]) == 2
    assert "no such file or folder" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()
    (tmp_path / "file").write_text("x", encoding="utf-8")
    assert main(["report", str(tmp_path), "--out", str(tmp_path / "file")]) == 2
    assert "not a folder" in capsys.readouterr().err
    with pytest.raises(MediakitError):
        build_report(_articles(tmp_path / "a"), tmp_path / "b", codebook=tmp_path / "nope.yaml", quiet=True)
    assert main(["report", str(tmp_path / "a"), "-o", str(tmp_path / "a" / "report")]) == 2
    assert "inside the source folder" in capsys.readouterr().err
    assert not (tmp_path / "a" / "report").exists()


# --- hostile articles ----------------------------------------------------------------------------------------------

PWN = "window.__pwned"
SCRIPT = f"<script>{PWN}='script'</script>"
IMG = f"<img src=x onerror=\"{PWN}='img'\">"
SVG = f"<svg onload={PWN}='svg'>"
JS_LINK = f"<a href=\"javascript:{PWN}='link'\">click</a>"
BREAKOUT = f"</script><script>{PWN}='breakout'</script>"
HOSTILE = (SCRIPT, IMG, SVG, JS_LINK, BREAKOUT)


def _hostile_sources(folder: Path) -> tuple[Path, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "pasted.txt").write_text(
        f"Pier plan {SCRIPT} approved {IMG}\n\n"
        f'"We are ready {JS_LINK} to build it," said Ms Lena Ortiz, the harbour master. {SVG}\n\n'
        f"Councillor Tomas Brell said the cost {BREAKOUT} had not been explained.\n", encoding="utf-8")
    esc = {k: v.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
           for k, v in {"s": SCRIPT, "i": IMG, "l": JS_LINK, "b": BREAKOUT}.items()}
    (folder / "page.html").write_text(f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Harbour {esc['s']} vote | The Quay {esc['i']} Gazette</title>
<meta property="og:title" content="Harbour {esc['s']} vote">
<meta property="og:site_name" content="The Quay {esc['i']} Gazette">
<meta property="og:url" content="javascript:{PWN}='og-url'">
<meta property="article:published_time" content="2026-03-20T08:00:00Z">
</head><body><article><h1>Harbour {esc['s']} vote</h1>
<figure><img src="pier.jpg" alt=""><figcaption>The pier {esc['i']} at dawn. Photo: {esc['l']}</figcaption></figure>
<p>The harbour board voted on Monday to build the new pier, Ms Lena Ortiz said. {esc['b']}</p>
<p>"Nobody asked us {esc['s']}," said Mara Quist, who runs a cafe on the quay.</p>
<p>Councillor Tomas Brell said the cost had not been explained to residents {esc['l']}.</p>
</article></body></html>""", encoding="utf-8")
    with open(folder / "export.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["outlet", "date", "title", "url", "text"])
        w.writerow([f"Harbour {SVG} Times", "2026-03-27", f"Ferry {BREAKOUT} delayed {IMG}", f"javascript:{PWN}='url'",
                    f'The ferry is delayed, Jonas Pell said. "It will sail {SCRIPT} in May," he said.\n\n'
                    f"Ms Lena Ortiz said the timetable {JS_LINK} would be reviewed."])
    book = folder.parent / "hostile_codebook.yaml"
    book.write_text(json.dumps({"categories": {
        SCRIPT: {"names": ["Lena Ortiz"]}, IMG: {"types": ["organisation"]}, JS_LINK: {"types": ["person"]},
    }}), encoding="utf-8")  # JSON is YAML
    return folder, book


@pytest.fixture(scope="module")
def hostile_reports(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    from mediakit.corpus import open_corpus

    base = tmp_path_factory.mktemp("hostile")
    src, book = _hostile_sources(base / "in")
    first = build_report(src, base / "files", codebook=book, quiet=True, workers=1, title=f"Report {SCRIPT}")
    assert first.articles == 3 and first.failed == 0 and first.views == 3
    # and actor names that are markup: rename two speakers in the built tables
    t = with_codebook(open_corpus(base / "files" / "corpus"), book)
    rename = {"Lena Ortiz": IMG, "Tomas Brell": BREAKOUT, "Mara Quist": JS_LINK}
    swap = lambda col: pl.col(col).replace(rename)  # noqa: E731
    t.quotes = t.quotes.with_columns(swap("speaker"))
    t.actors = t.actors.with_columns(swap("name"))
    t.mentions = t.mentions.with_columns(swap("actor"))
    second = build_report(t, base / "names", quiet=True)
    assert second.charts
    return [first.html, second.html]


def test_hostile_text_is_escaped_in_the_page(hostile_reports: list[Path]) -> None:
    for page in hostile_reports:
        text = page.read_text(encoding="utf-8")
        for bad in HOSTILE:
            assert bad not in text, (page, bad)
        assert not re.search(r"""href=["']?\s*javascript:""", text, re.I)
        assert "&lt;script&gt;window.__pwned=&#x27;script&#x27;&lt;/script&gt;" in text
        for name in ("charts", "tables"):
            assert any((page.parent / name).iterdir())


# Counts what the page holds: its own scripts only, no event-handler attribute, no javascript: link, and the
# hostile strings present as text.
_INSPECT = """() => {
  const own = [...document.scripts].filter(s => !s.src).length;
  const handlers = [...document.querySelectorAll('*')].filter(
      el => [...el.attributes].some(a => a.name.toLowerCase().startsWith('on'))).length;
  const jsLinks = [...document.querySelectorAll('[href], [src], [action]')].filter(el =>
      ['href', 'src', 'action'].some(a => (el.getAttribute(a) || '').trim().toLowerCase().startsWith('javascript:'))).length;
  const copy = document.body.cloneNode(true);
  copy.querySelectorAll('script').forEach(s => s.remove());
  return {scripts: own, handlers, jsLinks, text: copy.textContent,
          pwned: window.__pwned === undefined ? null : String(window.__pwned)};
}"""


@needs_browser
def test_hostile_reports_run_no_script_in_the_browser(hostile_reports: list[Path]) -> None:
    from playwright.sync_api import sync_playwright

    for rep in _browser.check_pages(hostile_reports):
        assert rep.ok, rep.line()  # every chart drew, no console error (a CSP violation is one), no dialog
        assert rep.charts == rep.interactive and rep.pwned is None
    for rep in _browser.check_pages(hostile_reports, scripts=False):
        assert rep.ok, rep.line()
    with sync_playwright() as p:
        browser = _browser._launch(p)
        try:
            for path in hostile_reports:
                page = browser.new_page()
                page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:", "blob:"))
                           else r.abort())
                page.goto(path.resolve().as_uri(), wait_until="load")
                page.wait_for_timeout(500)
                got = page.evaluate(_INSPECT)
                html = path.read_text(encoding="utf-8")
                assert got["pwned"] is None
                ours = html.count("<script>(function(){") + html.count('<script type="module">')
                assert got["scripts"] == ours  # ours only: one per chart, and the loader
                assert got["handlers"] == 0 and got["jsLinks"] == 0
                assert SCRIPT in got["text"] and JS_LINK in got["text"]  # shown as text, as written
                page.close()
        finally:
            browser.close()
