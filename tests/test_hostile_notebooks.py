"""A hostile article through notebooks 01-03: markup and script in its title, body, captions, actor names,
byline and outlet, and in the codebook's category labels (tests/hostile/, invented). The notebooks are
run with their parameters cell pointed at it (papermill-style injection, nbclient), exported by nbconvert,
and the page opened in headless Chromium with scripts on: every payload must show as text, and none may
run (``window.__pwned`` stays unset, no dialog, no event-handler attribute or ``javascript:`` link in any
output).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mediakit import _browser, _lab
from mediakit.walk import execute_notebook, export_html

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = ROOT / "tests" / "hostile"
RUNS = {
    "01_raw_to_clean": {"INPUT": str(HOSTILE / "article.html")},
    "02_actors": {"INPUT": str(HOSTILE / "article.html"), "CODEBOOK": str(HOSTILE / "codebook.yaml")},
    "03_quotes": {"INPUT": str(HOSTILE / "article.html"), "CODEBOOK": str(HOSTILE / "codebook.yaml")},
}
# payloads as the page must show them (text), one per place they come from
SHOWN = {
    "01_raw_to_clean": ['window.__pwned="body"', "window.__pwned='caption'", "onerror=\"window.__pwned='outlet'\"",
                        "<svg onload=\"window.__pwned='byline'\">"],
    "02_actors": ["<script>window.__pwned='category'</script>", "<img src=x onerror=\"window.__pwned='label'\">"],
    "03_quotes": ["</script><script>window.__pwned='breakout'</script>", "javascript:window.__pwned='text-link'"],
}
TEMPLATE_CDN = ("require", "mathjax", "MathJax")
RAW = re.compile(r"<(script|img|svg|iframe|a|b|i)\b[^>]*window\.__pwned", re.I)


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    pytest.importorskip("nbclient")
    pytest.importorskip("nbconvert")
    out = tmp_path_factory.mktemp("hostile")
    found = {}
    for stem, params in RUNS.items():
        nb, error = execute_notebook(ROOT / "notebooks" / f"{stem}.ipynb", params={**params, "OUTPUT_DIR": str(out / stem)})
        assert error is None, f"{stem}: {error}"
        found[stem] = export_html(nb, out / f"{stem}.html")
    return found


@pytest.mark.parametrize("stem", list(RUNS))
def test_payloads_are_escaped_in_the_page(pages: dict[str, Path], stem: str) -> None:
    html = pages[stem].read_text(encoding="utf-8")
    body = html.split("<body", 1)[1]
    assert not RAW.search(body), RAW.search(body)[0]  # type: ignore[index]
    assert "&lt;script&gt;window.__pwned" in body or "&lt;img src=x" in body


@pytest.mark.skipif(_lab.unavailable() is not None, reason=f"browser check: {_lab.unavailable()}")
@pytest.mark.parametrize("stem", list(RUNS))
def test_payloads_show_as_text_and_never_run(pages: dict[str, Path], stem: str) -> None:
    (rep,) = _browser.check_pages([pages[stem]], tolerate=TEMPLATE_CDN, timeout_ms=30000)
    assert rep.ok, rep.line()
    assert rep.pwned is None and not rep.dialogs
    seen = _lab.page_facts(pages[stem])
    assert seen["pwned"] is None and seen["handlers"] == 0 and seen["scriptLinks"] == 0 and seen["frames"] == 0
    for text in SHOWN[stem]:
        assert text in seen["text"], f"{stem}: {text!r} is not shown as text"
