"""The widgets (mediakit.widgets): their data and static fallbacks in Python; their ES modules in headless
Chromium with a stub anywidget model (no kernel, network refused): each renders, answers a click (the
annotator records a span after a simulated selection), and a hostile article stays text.

Screenshots for the docs: ``python tests/test_widgets.py --shots docs/img`` (writes ``widgets_*.png``).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

import polars as pl
import pytest

import mediakit
from mediakit import _browser
from mediakit.charts import ColourScale
from mediakit.charts.render import script_json
from mediakit.datasets import load_corpus, read_brat
from mediakit.errors import InputError, MediakitError
from mediakit.measures import Tables, span_scores
from mediakit.model import Article
from mediakit.segment import split_paragraphs

pytest.importorskip("anywidget", reason="the widgets need anywidget (a notebooks and dev extra)")

from mediakit.widgets import Annotation, Annotator, ArticleViewer, CorpusExplorer  # noqa: E402
from mediakit.widgets.base import shared_css  # noqa: E402
from mediakit.widgets.explorer import Filters, filter_tables  # noqa: E402
from mediakit.widgets.standoff import brat_text, load_annotations  # noqa: E402

TEXT = (
    "Harbour board backs new pier\n\n"
    '"We are ready to build it this spring," said Ms Lena Ortiz, the harbour master.\n\n'
    "Councillor Tomas Brell said the cost had not been explained to residents.\n\n"
    '"Nobody asked us," said Mara Quist, who runs a cafe on the quay.\n'
)
SCRIPT = "<script>window.__pwned=1</script>"
IMG = "<img src=x onerror=window.__pwned=2>"
LINK = "<a href=javascript:window.__pwned=3>read more</a>"
HOSTILE_TEXT = (
    f"Pier row {SCRIPT}\n\n"
    f'"We are ready {IMG} to build," said Ms Lena Ortiz, the harbour master.\n\n'
    f"Councillor Tomas Brell said the cost {LINK} had not been explained {SCRIPT}.\n"
)

needs_browser = pytest.mark.skipif(_browser.unavailable() is not None, reason=f"browser check: {_browser.unavailable()}")


def analysis(text: str = TEXT, **meta: Any) -> mediakit.analysis.Analysis:
    art = mediakit.extract(text=text)
    for k, v in meta.items():
        setattr(art, k, v)
    return mediakit.analyse(art)


def hostile_analysis() -> mediakit.analysis.Analysis:
    """Markup in the title, the body, the outlet and the actors' names (the cleaner would drop the
    markup line, so the article is built by hand: every line a paragraph)."""
    art = Article(source=HOSTILE_TEXT, id="hostile", outlet=f"The {SCRIPT} Post", date="2026-03-02", title=SCRIPT,
                  paragraphs=split_paragraphs(HOSTILE_TEXT))
    an = mediakit.analyse(art)
    for a in an.actors:
        if a.name == "Lena Ortiz":
            a.name = IMG
        elif a.name == "Tomas Brell":
            a.name = f"{LINK} {SCRIPT}"
    return an


# --- the article viewer ---------------------------------------------------------------------------------------

def test_viewer_pieces_cover_the_text_and_colours_match_the_charts() -> None:
    an = analysis()
    viewer = ArticleViewer(an)
    data = viewer.data
    src = an.article.source
    for block in data["blocks"]:
        assert "".join(p["t"] for p in block["pieces"]) == src[block["start"] : block["end"]]
    assert [q["speaker"] for q in data["quotes"]] == ["Lena Ortiz", "Tomas Brell", "Mara Quist"]
    scale = ColourScale.from_analyses(an)
    for q in data["quotes"]:
        assert q["colour"] == scale.colour(q["speaker"])
        shown = "".join(p["t"] for b in data["blocks"] for p in b["pieces"] if p["q"] == data["quotes"].index(q))
        assert shown == q["text"] == src[q["start"] : q["end"]]
        assert q["rule_id"] and q["rule_id"] in q["rule"]
    assert {m["actor"] for m in data["mentions"]} >= {"Lena Ortiz", "Tomas Brell", "Mara Quist"}
    # a scale made for other charts is followed
    custom = ColourScale(["Mara Quist", "Mara Quist", "Tomas Brell", "Lena Ortiz"])
    data = ArticleViewer(an, colours=custom).data
    assert {q["speaker"]: q["colour"] for q in data["quotes"]} == {n: custom.colour(n) for n in ("Lena Ortiz", "Tomas Brell", "Mara Quist")}
    assert [e["name"] for e in data["legend"]] == ["Lena Ortiz", "Mara Quist", "Tomas Brell"]


def test_viewer_selected_quote_and_errors() -> None:
    viewer = ArticleViewer(analysis().article)        # an Article is analysed first
    assert viewer.selected_quote is None
    viewer.selected = 1
    assert viewer.selected_quote["speaker"] == "Tomas Brell"
    with pytest.raises(MediakitError):
        ArticleViewer("not an analysis")  # type: ignore[arg-type]
    with pytest.raises(MediakitError, match="ColourScale"):
        ArticleViewer(analysis(), colours={"a": "#000000"})  # type: ignore[arg-type]


# --- static fallbacks -----------------------------------------------------------------------------------------

def assert_escaped(html: str) -> None:
    assert "<script" not in html.lower() and "<img src=x" not in html and "<a " not in html


def test_fallbacks_are_escaped_and_in_the_mime_bundle() -> None:
    an = hostile_analysis()
    widgets = [ArticleViewer(an), CorpusExplorer([an]), Annotator(an)]
    widgets[2].add(*_find(an.article.source, "We are ready"), IMG)
    for w in widgets:
        data, _meta = w._repr_mimebundle_()
        assert {"text/plain", "text/html", "application/vnd.jupyter.widget-view+json"} <= set(data)
        html = data["text/html"]
        image = re.compile(r"base64,[^\"]+")  # vl-convert names its clip paths afresh each time
        assert image.sub("", html) == image.sub("", w._repr_html_())
        assert_escaped(html)
        assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in html


def _find(text: str, words: str) -> tuple[int, int]:
    i = text.index(words)
    return i, i + len(words)


# --- the corpus explorer -----------------------------------------------------------------------------------------

def small_corpus() -> Tables:
    """Three articles by hand: two outlets, three dates, one without a date, codebook categories."""
    articles = pl.DataFrame({"doc": ["a", "b", "c", "d"], "outlet": ["Courier", "Lantern", "Courier", "Courier"],
                             "date": ["2026-03-02", "2026-03-10", "2026-03-20", None],
                             "status": ["ok", "ok", "ok", "ok"]})
    quotes = pl.DataFrame({
        "doc": ["a", "a", "a", "b", "b", "c", "d"],
        "text": ["one two", "three", "four five six", "seven", "eight nine", "ten", "eleven"],
        "speaker": ["Ortiz", "Brell", "Ortiz", "Ortiz", None, "Quist", "Brell"],
        "speaker_type": ["person", "person", "person", "person", None, "person", "person"],
    })
    actors = pl.DataFrame({"doc": ["a", "a", "b", "c", "d"], "id": ["a1", "a2", "a1", "a1", "a1"],
                           "name": ["Ortiz", "Brell", "Ortiz", "Quist", "Brell"], "type": ["person"] * 5,
                           "first_position": [0, 5, 0, 0, 0],
                           "category": ["government", "council", "government", "residents", "council"]})
    mentions = pl.DataFrame({"doc": ["a", "a", "b", "c", "c", "d"],
                             "actor": ["Ortiz", "Brell", "Ortiz", "Quist", "Ortiz", "Brell"]})
    return Tables(articles, quotes, actors, mentions)


def test_explorer_filters_by_hand() -> None:
    t = small_corpus()
    count = lambda f: (filter_tables(t, f).articles.height, filter_tables(t, f).quotes.height)  # noqa: E731
    assert count(Filters()) == (4, 7)
    assert count(Filters(outlets=("Lantern",))) == (1, 2)
    assert count(Filters(date_from="2026-03-10")) == (2, 3)            # b, c: inclusive; d has no date
    assert count(Filters(date_to="2026-03-10")) == (2, 5)              # a, b
    assert count(Filters(actor="Ortiz")) == (3, 6)                      # a, b, c name her (c only mentions)
    assert count(Filters(category="council")) == (4, 2)                 # Brell's quotes in a and d
    assert count(Filters(outlets=("Courier",), date_from="2026-03-01", category="council")) == (2, 1)

    ex = CorpusExplorer(t)
    assert ex.options["outlets"] == ["Courier", "Lantern"]
    assert (ex.options["date_min"], ex.options["date_max"]) == ("2026-03-02", "2026-03-20")
    assert ex.options["categories"] == ["council", "government", "residents"]
    assert ex.summary == "4 articles, 7 quotes"
    # Ortiz: 3 quotes (2 + 3 + 1 words), Brell 2 (1 + 1), Quist 1, no speaker 1 (2 words); 11 words in all
    assert ex.table.rows()[0] == ("Ortiz", 3, 6, 3 / 7, 6 / 11)
    assert ex.rows[0] == ["Ortiz", 3, 6, 3 / 7, 6 / 11] and [c["name"] for c in ex.columns][0] == "speaker"
    colours = {d["group"]: d["colour"] for d in ex.chart.data.to_dicts()}
    ex.filter(outlets=["Courier"], by="category")
    assert ex.summary == "3 articles, 5 quotes" and ex.table["category"].to_list() == ["government", "council", "residents"]
    ex.outlets = []                                          # a trait set (as the widget does) redraws too
    assert ex.summary == "4 articles, 7 quotes"
    assert ex.table["category"].to_list() == ["government", "council", None, "residents"]  # null: 2 words
    ex.filter(by="speaker", actor="Quist")
    assert ex.summary == "1 article, 1 quote"
    assert {d["group"]: d["colour"] for d in ex.chart.data.to_dicts()} == {"Quist": colours["Quist"]}  # colours stay
    ex.filter(actor="", date_from="2026-04-01")
    assert ex.summary == "0 articles, 0 quotes" and ex.spec == {} and ex.chart is None
    ex.date_from = "not a date"                              # from the widget: shown, not raised
    assert "YYYY-MM-DD" in ex.error


def test_explorer_rejects_bad_filters() -> None:
    ex = CorpusExplorer(small_corpus())
    for kwargs, message in [({"outlets": ["Nope"]}, "no outlet"), ({"date_to": "March"}, "YYYY-MM-DD"),
                            ({"by": "colour"}, "by must be"), ({"actor": "Nobody"}, "no actor"),
                            ({"colour": "red"}, "no filter")]:
        with pytest.raises(MediakitError, match=message):
            ex.filter(**kwargs)
    with pytest.raises(MediakitError, match="no filter"):
        CorpusExplorer(small_corpus(), outlet="Courier")
    with pytest.raises(MediakitError, match="teaching_corpus"):
        CorpusExplorer(load_corpus())
    with pytest.raises(MediakitError, match="articles, quotes, actors and mentions"):
        CorpusExplorer(object())
    no_codebook = CorpusExplorer([analysis()])
    with pytest.raises(MediakitError, match="without a codebook"):
        no_codebook.filter(category="government")


def test_explorer_reads_a_built_corpus(tmp_path: Path) -> None:
    examples = Path(__file__).resolve().parent.parent / "data" / "examples"
    mediakit.build_corpus([examples / "ferry_pasted.txt"], tmp_path / "c", workers=1, quiet=True)
    ex = CorpusExplorer(mediakit.open_corpus(tmp_path / "c"), by="speaker_type")
    assert ex.summary.startswith("1 article,") and ex.table.height and ex.spec["facet"]


# --- the annotator: marks, files -----------------------------------------------------------------------------

def test_annotator_marks() -> None:
    an = analysis()
    ann = Annotator(an, annotator="kim", speakers=["Someone Else"])
    assert {"Lena Ortiz", "Tomas Brell", "Mara Quist", "Someone Else"} <= set(ann.speakers)
    src = an.article.source
    s, e = _find(src, '"Nobody asked us,"')
    assert ann.add(s - 2, e + 1, "Mara Quist") == 0            # spaces around the words are left out
    assert ann.spans[0]["start"] == s and src[ann.spans[0]["start"] : ann.spans[0]["end"]] == '"Nobody asked us,"'
    said = src.index("said the")
    ann.add(*_find(src, "the cost had not been explained to residents"), None, cue=(said, said + 4))
    assert ann.annotations["cue"].to_list() == ["said", None]
    with pytest.raises(MediakitError, match="already marked"):
        ann.add(s, e, "x")
    with pytest.raises(MediakitError, match="not inside"):
        ann.add(0, len(src) + 5)
    with pytest.raises(MediakitError, match="only spaces"):
        ann.add(src.index("\n\n"), src.index("\n\n") + 2)
    # what the widget sends is checked: trimmed, and out-of-range or repeated marks dropped with a message
    ann.spans = [*ann.spans, {"start": 0, "end": 7, "speaker": "  Lena   Ortiz "}, {"start": 5, "end": 10 ** 6},
                 {"start": 0, "end": 7, "speaker": "again"}, {"start": "x"}]
    assert len(ann.spans) == 3 and ann.spans[2]["speaker"] == "Lena Ortiz"
    assert "3 marks left out" in ann.message
    ann.remove(2)
    assert len(ann.spans) == 2
    frame = ann.annotations
    assert frame.columns == ["doc", "start", "end", "text", "speaker", "source_start", "source_end", "source",
                             "cue_start", "cue_end", "cue"]
    assert frame["start"].is_sorted()
    assert span_scores(ann, ann.annotations).f1 == 1.0          # agreement reads an Annotator directly


def test_annotator_save_and_load_round_trip(tmp_path: Path) -> None:
    an = analysis()
    src = an.article.source
    ann = Annotator(an, annotator="kim")
    said = src.index("said Ms")
    ann.add(*_find(src, '"We are ready to build it this spring,"'), "Lena Ortiz",
            source=_find(src, "Ms Lena Ortiz, the harbour master"), cue=(said, said + 4))
    ann.add(*_find(src, "the cost had not been explained to residents"), "Tomas Brell", source=_find(src, "Councillor Tomas Brell"))
    s = src.index("Councillor")                              # a mark across a paragraph break: two brat fragments
    ann.add(s, src.index("cafe"), None)
    ann_path, json_path = ann.save(tmp_path / "kim")
    assert (ann_path.name, json_path.name) == ("kim.ann", "kim.json")

    lines = ann_path.read_text(encoding="utf-8").splitlines()
    # the layout of the corpus gold: T lines "Tn<TAB>Label a b[;c d]<TAB>text", events "En<TAB>Attribution:T.. Content:T.. ..."
    t_line = re.compile(r"^T\d+\t(Source|Cue|Content|Attribution) \d+ \d+(;\d+ \d+)*\t[^\t\n]*$")
    e_line = re.compile(r"^E\d+\tAttribution:T\d+ Content:T\d+( Cue:T\d+)?( Source:T\d+)?$")
    assert all(t_line.match(x) or e_line.match(x) for x in lines), lines
    assert sum(1 for x in lines if x.startswith("E")) == 3
    gold_lines = (Path(__file__).resolve().parent.parent / "data" / "corpus" / "attributions").glob("*_gold.ann")
    gold = next(iter(gold_lines)).read_text(encoding="utf-8").splitlines()
    assert all(t_line.match(x) or e_line.match(x) for x in gold)   # the same pattern fits the gold
    # read_brat (the corpus reader) finds the same spans
    brat = read_brat(ann_path, src)
    assert [(r["content"]["start"], r["content"]["end"]) for r in brat] == [(a.start, a.end) for a in sorted(ann.items, key=lambda a: a.start)]
    assert len(brat[1]["content"]["ranges"]) > 1 or len(brat[2]["content"]["ranges"]) > 1

    back = Annotator.load(json_path)                          # the sidecar alone: text, speakers, annotator
    assert back.items == sorted(ann.items, key=lambda a: a.start)
    assert back.annotator == "kim" and back.article.source == src
    assert back.annotations.drop("doc").equals(ann.annotations.drop("doc"))
    assert Annotator.load(ann_path, an).annotations.equals(ann.annotations)
    json_path.unlink()                                        # the .ann alone: the Source words stand in for names
    only = Annotator.load(ann_path, an)
    assert [(a.start, a.end) for a in only.items] == [(a.start, a.end) for a in sorted(ann.items, key=lambda a: a.start)]
    assert only.annotations["speaker"].to_list() == ["Ms Lena Ortiz, the harbour master", None, "Councillor Tomas Brell"]


def test_load_errors(tmp_path: Path) -> None:
    an = analysis()
    ann = Annotator(an)
    ann.add(0, 7, "x")
    _, json_path = ann.save(tmp_path / "a.ann")
    with pytest.raises(InputError, match="different text"):
        Annotator.load(json_path, analysis("Another text entirely."))
    with pytest.raises(InputError, match="no annotations"):
        Annotator.load(tmp_path / "missing")
    json_path.write_text(json.dumps({"format": "other"}), encoding="utf-8")
    with pytest.raises(InputError, match="not a mediakit annotations file"):
        Annotator.load(json_path)
    json_path.unlink()
    with pytest.raises(InputError, match="give the article"):
        load_annotations(tmp_path / "a.ann")


def test_the_gold_key_loads_as_annotations() -> None:
    corpus = load_corpus()
    doc = "courier-2026-03-02-dam-plan-unveiled"
    art = mediakit.extract(text=corpus.text(doc))
    gold_ann = corpus.root / "attributions" / f"{doc}_gold.ann"
    key = Annotator.load(gold_ann, art)
    scores = span_scores(key, corpus.gold(doc), match="jaccard")
    assert scores.precision == scores.recall == 1.0
    assert brat_text(art.source, [Annotation(0, 4)]).startswith("T1\tContent 0 4\t")


def test_the_widget_assets_are_package_data() -> None:
    """A wheel must carry the ES modules and the style sheet (they are not .py files)."""
    from fnmatch import fnmatch

    tomllib = pytest.importorskip("tomllib")
    root = Path(__file__).resolve().parent.parent
    patterns = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["package-data"]["mediakit"]
    assets = sorted((root / "mediakit" / "widgets" / "js").iterdir())
    assert {"annotator.js", "article_viewer.js", "corpus_explorer.js", "widgets.css"} <= {p.name for p in assets}
    for p in assets:
        rel = p.relative_to(root / "mediakit").as_posix()
        assert any(fnmatch(rel, pat) for pat in patterns), f"{rel} is not package data in pyproject.toml"


def test_exported_notebook_shows_the_static_copies(tmp_path: Path) -> None:
    """nbconvert's HTML export shows a widget's text/html when the notebook holds no widget state (as
    JupyterLab saves it by default): the escaped static copy, nothing to fetch, nothing that runs."""
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    nbconvert = pytest.importorskip("nbconvert")
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(
        "import mediakit\nfrom mediakit.model import Article\nfrom mediakit.segment import split_paragraphs\n"
        "from mediakit.widgets import Annotator, ArticleViewer\n"
        f"text = {HOSTILE_TEXT!r}\n"
        "an = mediakit.analyse(Article(source=text, paragraphs=split_paragraphs(text)))\nArticleViewer(an)"),
        nbformat.v4.new_code_cell("Annotator(an)")]
    nbclient.NotebookClient(nb, timeout=180, kernel_name="python3", store_widget_state=False,
                            resources={"metadata": {"path": str(tmp_path)}}).execute()
    outputs = [o for c in nb.cells for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    assert all({"application/vnd.jupyter.widget-view+json", "text/html"} <= set(o.data) for o in outputs)
    body, _ = nbconvert.HTMLExporter().from_notebook_node(nb)
    assert "mediakit-viewer-static" in body and "mediakit-annotator-static" in body
    assert "application/vnd.jupyter.widget-view+json" not in body
    assert IMG not in body and SCRIPT not in body and LINK not in body           # only escaped copies
    assert "&lt;img src=x onerror=window.__pwned=2&gt;" in body


# --- in the browser ----------------------------------------------------------------------------------------------

def stub_page(widget: Any) -> str:
    """A page that renders the widget's ES module with a stub anywidget model holding the widget's state:
    ``get``/``set`` (firing ``change:NAME``), ``save_changes`` (counted in ``window.__saves``), ``on``/``off``."""
    skip = {"layout", "tabbable", "tooltip", "_esm", "_css", "_dom_classes", "_anywidget_id"}
    state = {k: getattr(widget, k) for k in widget.keys if k not in skip and not k.startswith(("_model", "_view"))}
    return f"""<!doctype html><html><head><meta charset="utf-8"><style>{shared_css()}</style></head>
<body style="margin:12px;width:1060px"><div id="root"></div>
<script type="application/json" id="state">{script_json(state)}</script>
<script type="application/json" id="esm">{script_json(widget._esm)}</script>
<script type="module">
const state = JSON.parse(document.getElementById("state").textContent);
const esm = JSON.parse(document.getElementById("esm").textContent);
const listeners = {{}};
window.__saves = 0;
const model = {{
  get: (k) => state[k],
  set: (k, v) => {{ state[k] = v; (listeners["change:" + k] || []).slice().forEach((f) => f()); }},
  save_changes: () => {{ window.__saves++; }},
  on: (ev, f) => {{ (listeners[ev] = listeners[ev] || []).push(f); }},
  off: (ev, f) => {{ listeners[ev] = (listeners[ev] || []).filter((g) => g !== f); }},
  send: () => {{}},
}};
window.__model = model;
window.__state = state;
const url = URL.createObjectURL(new Blob([esm], {{ type: "text/javascript" }}));
const widget = (await import(url)).default;
await widget.render({{ model, el: document.getElementById("root") }});
window.__rendered = true;
</script></body></html>"""


class Page:
    """One page served from memory at http://mediakit.test/ with every other request refused and counted."""

    def __init__(self, browser: Any, html: str, *, widget: bool = True) -> None:
        self.errors: list[str] = []
        self.refused: list[str] = []
        self.dialogs: list[str] = []
        self.context = browser.new_context(viewport={"width": 1100, "height": 760})
        self.page = self.context.new_page()

        def route(r: Any) -> None:
            url = r.request.url
            if url == "http://mediakit.test/":
                r.fulfill(body=html, content_type="text/html; charset=utf-8")
            elif url.startswith(("blob:", "data:")):
                r.continue_()
            else:
                self.refused.append(url)
                r.abort()

        self.page.route("**/*", route)
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.goto("http://mediakit.test/")
        if widget:  # a stub page: wait until the widget's module has rendered
            self.page.wait_for_function("window.__rendered === true", timeout=20000)

    def clean(self) -> bool:
        return not self.errors and not self.refused and not self.dialogs and self.page.evaluate("window.__pwned") is None

    def report(self) -> str:
        return f"errors {self.errors[:2]}, refused {self.refused[:2]}, dialogs {self.dialogs}"

    def close(self) -> None:
        self.context.close()


@pytest.fixture(scope="module")
def browser() -> Any:
    if _browser.unavailable():
        pytest.skip(_browser.unavailable() or "")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=_browser.CHROMIUM,
                              args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"])
        yield b
        b.close()


@needs_browser
def test_viewer_renders_and_answers_a_click(browser: Any) -> None:
    viewer = ArticleViewer(analysis())
    page = Page(browser, stub_page(viewer))
    pg = page.page
    assert pg.locator(".mk-quote").count() >= 3 and pg.locator(".mk-mention").count() >= 3
    pg.locator('.mk-quote[data-quote="1"]').first.click()
    q = viewer.data["quotes"][1]
    panel = pg.locator(".mk-panel").inner_text()
    assert q["speaker"] in panel and q["rule"] in panel and q["rule_id"] in panel
    assert pg.evaluate("window.__state.selected") == 1 and pg.evaluate("window.__saves") >= 1
    assert pg.locator(".mk-quote.mk-selected").count() >= 1
    pg.evaluate("window.__model.set('selected', 0)")            # Python sets it: the panel follows
    assert viewer.data["quotes"][0]["rule"] in pg.locator(".mk-panel").inner_text()
    assert page.clean(), page.report()
    page.close()


@needs_browser
def test_explorer_draws_offline_and_sends_filters(browser: Any) -> None:
    ex = CorpusExplorer(small_corpus())
    page = Page(browser, stub_page(ex))
    pg = page.page
    pg.wait_for_selector(".mk-chart svg.marks", timeout=20000)
    assert pg.locator(".mk-table tbody tr").count() == len(ex.rows) == 4
    pg.locator('.mk-checks input[value="Lantern"]').check()
    assert pg.evaluate("window.__state.outlets") == ["Lantern"] and pg.evaluate("window.__saves") == 1
    # what Python sends back after that filter: the chart and the table follow
    ex.filter(outlets=["Lantern"])
    for name in ("spec", "rows", "columns", "summary"):
        pg.evaluate("([k, v]) => window.__model.set(k, v)", [name, getattr(ex, name)])
    pg.wait_for_selector(".mk-chart svg.marks", timeout=20000)
    assert pg.locator(".mk-table tbody tr").count() == 2
    assert pg.locator(".mk-summary").inner_text() == "1 article, 2 quotes"
    pg.select_option(".mk-controls select >> nth=1", "category")
    assert pg.evaluate("window.__state.by") == "category"
    pg.fill('input[type="search"]', "Nobody at all")
    pg.dispatch_event('input[type="search"]', "change")
    assert "No actor called" in pg.locator(".mk-error").inner_text()
    assert page.clean(), page.report()
    page.close()


SELECT = """([from, to]) => {
  // select the characters [from, to) of the article's source, as a student's mouse would
  const pieces = [...document.querySelectorAll('.mk-text [data-off]')];
  const at = (off) => {
    for (const p of pieces) {
      const s = Number(p.dataset.off), n = p.textContent.length;
      if (off >= s && off <= s + n) return [p.firstChild, off - s];
    }
    throw new Error('no piece holds ' + off);
  };
  const r = document.createRange();
  r.setStart(...at(from));
  r.setEnd(...at(to));
  const sel = document.getSelection();
  sel.removeAllRanges();
  sel.addRange(r);
  return sel.toString();
}"""


@needs_browser
def test_annotator_records_a_selection(browser: Any) -> None:
    an = analysis()
    src = an.article.source
    ann = Annotator(an)
    page = Page(browser, stub_page(ann))
    pg = page.page
    s, e = _find(src, '"Nobody asked us,"')
    assert pg.evaluate(SELECT, [s, e]) == src[s:e]
    pg.fill(".mk-toolbar input", "Mara Quist")
    pg.click(".mk-mark-quote")
    spans = pg.evaluate("window.__state.spans")
    assert spans == [{"start": s, "end": e, "speaker": "Mara Quist", "source": None, "cue": None}]
    assert pg.evaluate("window.__state.selected") == 0 and pg.evaluate("window.__saves") >= 1
    assert pg.locator(".mk-marked").first.inner_text() == src[s:e]
    # the speaker's words and the cue of the selected quote
    pg.evaluate(SELECT, list(_find(src, "Mara Quist")))
    pg.click(".mk-mark-source")
    c = src.index("said Mara")
    pg.evaluate(SELECT, [c, c + 4])
    pg.click(".mk-mark-cue")
    # a second quote across a paragraph break, with no speaker yet
    s2, e2 = src.index("Councillor"), src.index("cafe")
    assert "\n" in pg.evaluate(SELECT, [s2, e2])
    pg.fill(".mk-toolbar input", "")
    pg.click(".mk-mark-quote")
    spans = pg.evaluate("window.__state.spans")
    assert spans[0]["source"] == list(_find(src, "Mara Quist")) and spans[0]["cue"] == [c, c + 4]
    assert (spans[1]["start"], spans[1]["end"], spans[1]["speaker"]) == (s2, e2, None)
    assert "Marked quote 2" in pg.locator(".mk-summary").inner_text()
    # Python takes what the widget sent: offsets into the source
    ann.spans = spans
    rows = ann.annotations.select("start", "text", "speaker", "source", "cue").rows()
    assert rows == [(s2, src[s2:e2].rstrip(), None, None, None), (s, '"Nobody asked us,"', "Mara Quist", "Mara Quist", "said")]
    # change the speaker, then remove the selected quote
    pg.locator(".mk-list li").nth(1).click()
    pg.fill(".mk-panel input", "Tomas Brell")
    pg.click(".mk-set-speaker")
    assert pg.evaluate("window.__state.spans[1].speaker") == "Tomas Brell"
    pg.click(".mk-remove")
    assert len(pg.evaluate("window.__state.spans")) == 1
    # nothing selected: a message, no mark
    pg.evaluate("document.getSelection().removeAllRanges()")
    pg.click(".mk-mark-quote")
    assert "Select the quoted words" in pg.locator(".mk-summary").inner_text()
    assert len(pg.evaluate("window.__state.spans")) == 1
    assert page.clean(), page.report()
    page.close()


NO_MARKUP = """() => {
  const root = document.getElementById('root');
  return {
    // (vega-embed's own export menu holds download links: not article text)
    elements: [...root.querySelectorAll('script, img, a, iframe, object, embed')].filter(e => !e.closest('.vega-actions'))
      .map(e => e.outerHTML.slice(0, 80)),
    handlers: [...root.querySelectorAll('*')].filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length,
    text: root.innerText,
  };
}"""


@needs_browser
def test_hostile_article_stays_text(browser: Any) -> None:
    an = hostile_analysis()
    ann = Annotator(an)
    ann.add(*_find(an.article.source, f'"We are ready {IMG} to build,"'), f"{SCRIPT} {LINK}")
    widgets = {"viewer": ArticleViewer(an), "explorer": CorpusExplorer([an], by="speaker"), "annotator": ann}
    for name, w in widgets.items():
        page = Page(browser, stub_page(w))
        pg = page.page
        if name == "explorer":
            pg.wait_for_selector(".mk-chart svg.marks", timeout=20000)
            pg.locator(".mk-checks input").first.check()
            svg_text = " ".join(pg.locator(".mk-chart svg text").all_text_contents())
            assert IMG in svg_text                                    # the speaker's name, drawn as SVG text
        if name == "viewer":
            pg.locator(".mk-quote").first.click()
        if name == "annotator":
            pg.locator(".mk-list li").first.click()
        pg.wait_for_timeout(300)
        found = pg.evaluate(NO_MARKUP)
        assert found["elements"] == [] and found["handlers"] == 0, (name, found)
        shown = found["text"]
        assert IMG in shown or SCRIPT in shown, name                  # the markup shows as text
        if name != "explorer":
            assert LINK in shown and SCRIPT in shown
        assert page.clean(), (name, page.report())
        page.close()
    # the static fallbacks, opened as pages with scripts on: nothing runs either
    for name, w in widgets.items():
        page = Page(browser, f"<!doctype html><meta charset='utf-8'><body>{w._repr_html_()}</body>", widget=False)
        pg = page.page
        pg.wait_for_timeout(300)
        assert pg.evaluate("document.querySelectorAll('script, a, iframe').length") == 0
        assert pg.evaluate("[...document.images].filter(i => !i.src.startsWith('data:image/svg+xml')).length") == 0
        assert page.clean(), (name, page.report())
        page.close()


# --- screenshots for the docs ---------------------------------------------------------------------------------

def screenshots(out: Path) -> list[Path]:
    """Small PNGs of each widget, drawn from the stub pages (the teaching corpus for the explorer)."""
    from playwright.sync_api import sync_playwright

    from mediakit.datasets import teaching_corpus

    corpus = load_corpus()
    doc = "lantern-2026-03-11-village-hall-fury"
    art = mediakit.extract(text=corpus.text(doc))
    an = mediakit.analyse(art)
    ann = Annotator(an, annotator="kim")
    for q in an.quotes[:3]:
        ann.add(q.quote.start, q.quote.end, q.speaker)
    ann.selected = 1
    viewer = ArticleViewer(an)
    viewer.selected = 1
    explorer = CorpusExplorer(teaching_corpus())
    explorer.filter(outlets=["The Daily Lantern", "Valley Voice"], date_to="2026-03-31")
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=_browser.CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        for name, w in (("viewer", viewer), ("explorer", explorer), ("annotator", ann)):
            page = Page(b, stub_page(w))
            if name == "explorer":
                page.page.wait_for_selector(".mk-chart svg.marks", timeout=20000)
            page.page.wait_for_timeout(500)
            path = out / f"widgets_{name}.png"
            page.page.locator("#root").screenshot(path=str(path))
            written.append(path)
            page.close()
        b.close()
    return written


if __name__ == "__main__":  # pragma: no cover
    args = sys.argv[1:]
    folder = Path(args[args.index("--shots") + 1]) if "--shots" in args else Path("docs/img")
    for p in screenshots(folder):
        print(p, p.stat().st_size, "bytes")
