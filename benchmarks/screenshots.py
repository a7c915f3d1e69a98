"""Screenshots for the docs: the report of the teaching corpus (``docs/img/report.png``) and a notebook of corpus
charts executed and exported by ``jupyter nbconvert --to html --execute`` (``docs/img/notebook_export.png``).

Each page is opened in headless Chromium (Debian's ``/usr/bin/chromium``, through ``mediakit._browser``) with
every request off the machine refused, and photographed once its charts drew: the first 1280 x 900 pixels,
reduced to a 256-colour palette when Pillow is installed. The tests never run this script; they check the same
pages (``tests/test_browser.py``).

Run from the repository root::

    .venv/bin/python benchmarks/screenshots.py            # (pip install pillow first for small files)
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.gallery import small_png  # noqa: E402

CODEBOOK = ROOT / "data" / "codebooks" / "example.yaml"
IMG = ROOT / "docs" / "img"
VIEW = {"width": 1280, "height": 900}

CELLS = [
    "# Coverage of the Tavan dam: who speaks, and how\n"
    "from mediakit import charts\nfrom mediakit.datasets import teaching_corpus\n"
    "charts.setup()",
    "corpus = teaching_corpus()\ncolours = charts.corpus_colours(corpus)\ncharts.speech_verbs(corpus)",
    "charts.voice_by_group(corpus, colours=colours, top=8)",
]


def notebook_page(folder: Path) -> Path:
    """A small notebook of corpus charts, executed and exported to HTML by nbconvert."""
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(c) for c in CELLS]
    path = folder / "corpus_charts.ipynb"
    nbformat.write(nb, path)
    subprocess.run([sys.executable, "-m", "nbconvert", "--to", "html", "--execute", str(path)], check=True, cwd=folder)
    return folder / "corpus_charts.html"


def shoot(page: Path, target: Path, *, scroll_to: str | None = None) -> None:
    from playwright.sync_api import sync_playwright

    from mediakit import _browser

    (rep,) = _browser.check_pages([page], tolerate=("require", "mathjax", "MathJax"))
    print(rep.line())
    if not rep.ok and rep.blocked:
        raise SystemExit(f"{page}: requests off the machine: {rep.blocked}")
    with sync_playwright() as p:
        browser = _browser._launch(p)
        try:
            ctx = browser.new_context(viewport=VIEW)
            tab = ctx.new_page()
            tab.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:", "blob:"))
                      else r.abort())
            tab.goto(page.resolve().as_uri(), wait_until="load")
            tab.wait_for_selector(".mediakit-view svg.marks", timeout=20000)
            tab.wait_for_timeout(800)
            if scroll_to:
                tab.evaluate(f"document.querySelector({scroll_to!r}).scrollIntoView()")
                tab.wait_for_timeout(300)
            png = tab.screenshot(clip={"x": 0, "y": 0, **VIEW} if not scroll_to else None)
        finally:
            browser.close()
    target.write_bytes(small_png(png))
    print(f"wrote {target} ({target.stat().st_size / 1000:.1f} kB)")


def main() -> int:
    from mediakit import _browser
    from mediakit.datasets import teaching_corpus
    from mediakit.report import build_report

    why = _browser.unavailable()
    if why:
        print(f"cannot take screenshots: {why}")
        return 2
    corpus = teaching_corpus()
    with tempfile.TemporaryDirectory() as tmp:
        report = build_report(corpus, Path(tmp) / "report", codebook=CODEBOOK, quiet=True)
        shoot(report.html, IMG / "report.png")
        shoot(notebook_page(Path(tmp)), IMG / "notebook_export.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
