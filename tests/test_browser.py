"""Charts as a person sees them: a saved HTML chart, executed notebooks exported by nbconvert (one built in
memory, one of corpus charts run through ``jupyter nbconvert --to html --execute``) and the report of the
teaching corpus (``mediakit report``), opened in headless Chromium with the network blocked
(mediakit._browser). Every chart must draw, interactively when scripts run and as its static image when they
do not, with no console error, no request off the machine, and no article text running as script. Skipped,
with the reason, without Debian's chromium or playwright (``.ci/run`` installs chromium when it is missing).
"""

from __future__ import annotations

from pathlib import Path

import pytest

import mediakit
from mediakit import _browser, charts
from mediakit.model import Article
from mediakit.segment import split_paragraphs

HOSTILE = "<img src=x onerror=alert(1)>"
BREAKOUT = "</script><script>window.__pwned=1</script>"
TEXT = (
    "Harbour board backs new pier\n\n"
    '"We are ready to build it this spring," said Ms Lena Ortiz, the harbour master.\n\n'
    "Councillor Tomas Brell said the cost had not been explained to residents.\n\n"
    '"Nobody asked us," said Mara Quist, who runs a cafe on the quay.\n'
)
# nbconvert's page template loads require.js and MathJax from a CDN; refusing them is harmless
TEMPLATE_CDN = ("require", "mathjax", "MathJax")

needs_browser = pytest.mark.skipif(_browser.unavailable() is not None, reason=f"browser check: {_browser.unavailable()}")


def _hostile_analysis() -> mediakit.analysis.Analysis:
    art = Article(source=TEXT, id="hostile", paragraphs=split_paragraphs(TEXT))
    an = mediakit.analyse(art)
    speakers = {q.actor.name: q.actor for q in an.quotes if q.actor is not None}
    speakers["Lena Ortiz"].name = HOSTILE
    speakers["Mara Quist"].name = BREAKOUT
    return an


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("charts")
    an = mediakit.analyse(Article(source=TEXT, id="harbour", paragraphs=split_paragraphs(TEXT)))
    return {
        "voice": charts.save(charts.share_of_voice(an), out / "voice.html"),
        "strip": charts.save(charts.who_speaks_where(an), out / "strip.html"),
        "hostile": charts.save(charts.mentions_by_actor(_hostile_analysis()), out / "hostile.html"),
    }


NOTEBOOK_CELLS = [
    "import mediakit\nfrom mediakit import charts\nfrom mediakit.model import Article\n"
    "from mediakit.segment import split_paragraphs\ncharts.setup()",
    f"text = {TEXT!r}\nan = mediakit.analyse(Article(source=text, id='harbour', paragraphs=split_paragraphs(text)))\n"
    "colours = charts.ColourScale.from_analyses(an)\ncharts.share_of_voice(an, colours=colours)",
    "charts.who_speaks_where(an, colours=colours)",
    f"for q in an.quotes:\n    if q.actor is not None and q.actor.name == 'Lena Ortiz':\n        q.actor.name = {HOSTILE!r}\n"
    f"    elif q.actor is not None and q.actor.name == 'Mara Quist':\n        q.actor.name = {BREAKOUT!r}\n"
    "charts.direct_vs_indirect(an)",
]


@pytest.fixture(scope="module")
def notebook(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, Path]:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    nbconvert = pytest.importorskip("nbconvert", reason="nbconvert (a dev extra) exports notebooks to HTML")
    out = tmp_path_factory.mktemp("notebook")
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(src) for src in NOTEBOOK_CELLS]
    nbclient.NotebookClient(nb, timeout=180, kernel_name="python3", resources={"metadata": {"path": str(out)}}).execute()
    body, _ = nbconvert.HTMLExporter().from_notebook_node(nb)
    page = out / "executed.html"
    page.write_text(body, encoding="utf-8")
    return nb, page


def test_notebook_outputs(notebook: tuple[dict, Path]) -> None:
    nb, page = notebook
    outputs = [o for c in nb.cells for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    chart_outputs = [o for o in outputs if 'class="mediakit-chart"' in o.get("data", {}).get("text/html", "")]
    assert len(chart_outputs) == 3
    for o in chart_outputs:
        assert {"text/html", "image/png", "text/plain"} <= set(o.data)
        assert "application/vnd.jupyter.widget-view+json" not in o.data
    loader = [o for o in outputs if 'type="module"' in o.get("data", {}).get("text/html", "")]
    assert len(loader) == 1 and 'class="mediakit-chart"' not in loader[0].data["text/html"]  # the JS once, from setup()
    html = page.read_text(encoding="utf-8")
    assert "embed-amd" not in html and "html-manager" not in html  # no widget manager to fetch
    assert HOSTILE not in html and BREAKOUT not in html  # escaped in code cells, in the specs and tooltips


@needs_browser
def test_saved_chart_draws_offline(pages: dict[str, Path]) -> None:
    for rep in _browser.check_pages(pages.values()):
        assert rep.ok, rep.line()
        assert rep.interactive == rep.charts == 1
    for rep in _browser.check_pages(pages.values(), scripts=False):
        assert rep.ok, rep.line()
        assert rep.static_only == rep.charts == 1


@needs_browser
def test_exported_notebook_draws_offline(notebook: tuple[dict, Path]) -> None:
    _, page = notebook
    (rep,) = _browser.check_pages([page], tolerate=TEMPLATE_CDN)
    assert rep.ok, rep.line()
    assert rep.charts == rep.interactive == 3
    (rep,) = _browser.check_pages([page], scripts=False)
    assert rep.ok, rep.line()
    assert rep.charts == rep.static_only == 3


@needs_browser
def test_hostile_names_stay_text(pages: dict[str, Path]) -> None:
    tips, rep = _browser.hover_tooltips(pages["hostile"])
    assert rep.ok, rep.line()
    assert tips, "no tooltip appeared"
    shown = " ".join(tips)
    assert "&lt;img src=x onerror=alert(1)&gt;" in shown
    assert "<img" not in shown and "<script" not in shown


# --- the report of the teaching corpus, and a notebook of corpus charts exported by nbconvert -------------------------

ROOT = Path(__file__).resolve().parent.parent
CODEBOOK = ROOT / "data" / "codebooks" / "example.yaml"

#: A small notebook of corpus charts, executed and exported the way a user does it:
#: ``jupyter nbconvert --to html --execute``.
CORPUS_CELLS = [
    "from mediakit import charts\nfrom mediakit.datasets import teaching_corpus\nfrom mediakit.report import with_codebook\n"
    "charts.setup()",
    f"corpus = with_codebook(teaching_corpus(), {str(CODEBOOK)!r})\ncolours = charts.corpus_colours(corpus)\n"
    "charts.voice_by_group(corpus, colours=colours)",
    "charts.speech_verbs(corpus)",
    "charts.attention_over_time(corpus, colours=colours)",
    "charts.outlet_heatmap(corpus)",
]


@pytest.fixture(scope="module")
def teaching() -> object:
    from mediakit.datasets import teaching_corpus

    return teaching_corpus()  # built once (and cached) here, so the notebook's kernel only opens it


@pytest.fixture(scope="module")
def teaching_report(tmp_path_factory: pytest.TempPathFactory, teaching: object) -> Path:
    from mediakit.report import build_report

    result = build_report(teaching, tmp_path_factory.mktemp("report"), codebook=CODEBOOK, quiet=True)
    assert not result.skipped, result.skipped
    return result.html


@pytest.fixture(scope="module")
def corpus_notebook_page(tmp_path_factory: pytest.TempPathFactory, teaching: object) -> Path:
    import subprocess
    import sys

    nbformat = pytest.importorskip("nbformat")
    pytest.importorskip("nbconvert", reason="nbconvert (a dev extra) exports notebooks to HTML")
    out = tmp_path_factory.mktemp("corpus_notebook")
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(src) for src in CORPUS_CELLS]
    nbformat.write(nb, out / "corpus_charts.ipynb")
    run = subprocess.run([sys.executable, "-m", "nbconvert", "--to", "html", "--execute",
                          "--ExecutePreprocessor.timeout=300", str(out / "corpus_charts.ipynb")],
                         capture_output=True, text=True, cwd=out, timeout=600)
    assert run.returncode == 0, run.stderr[-2000:]
    page = out / "corpus_charts.html"
    assert page.is_file()
    return page


@needs_browser
def test_report_of_the_teaching_corpus_draws_offline(teaching_report: Path) -> None:
    (rep,) = _browser.check_pages([teaching_report])
    assert rep.ok, rep.line()
    assert rep.charts == rep.interactive >= 12  # every corpus chart and the paragraph strip of the article views
    (rep,) = _browser.check_pages([teaching_report], scripts=False)
    assert rep.ok, rep.line()
    assert rep.charts == rep.static_only >= 12


@needs_browser
def test_exported_corpus_notebook_draws_offline(corpus_notebook_page: Path) -> None:
    # (a cell that raised would have made nbconvert --execute fail in the fixture)
    (rep,) = _browser.check_pages([corpus_notebook_page], tolerate=TEMPLATE_CDN)
    assert rep.ok, rep.line()
    assert rep.charts == rep.interactive == 4
    (rep,) = _browser.check_pages([corpus_notebook_page], scripts=False)
    assert rep.ok, rep.line()
    assert rep.charts == rep.static_only == 4
