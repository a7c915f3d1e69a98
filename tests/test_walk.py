"""The README's main command: ``mediakit walk --out DIR`` runs every notebook headless and leaves one HTML
page per notebook (charts drawn offline), the files each saved and an index page.

This is the one test that runs the whole walk (tests/test_examples.py skips the README's walk command for
it); it prints each notebook's run time. Its pages are then opened in headless Chromium with the network
blocked (skipped, with the reason, when there is no browser).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from mediakit import _browser
from mediakit.errors import MediakitError
from mediakit.walk import find_notebooks, inject_parameters

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = find_notebooks(ROOT / "notebooks")
TEMPLATE_CDN = ("require", "mathjax", "MathJax")  # nbconvert's page template; refusing them is harmless
BIN = Path(sys.executable).parent


def test_inject_parameters_after_the_parameters_cell() -> None:
    nbformat = pytest.importorskip("nbformat")
    nb = nbformat.read(ROOT / "notebooks" / "01_raw_to_clean.ipynb", as_version=4)
    at = next(i for i, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", []))
    inject_parameters(nb, {"INPUT": "x's.html", "N": 3})
    inject_parameters(nb, {"INPUT": "y.html", "OUTPUT_DIR": None})  # replaces the first injection
    injected = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert len(injected) == 1 and nb.cells[at + 1] is injected[0]
    assert injected[0].source.splitlines()[1:] == ["INPUT = 'y.html'", "OUTPUT_DIR = None"]
    with pytest.raises(MediakitError, match="not a Python name"):
        inject_parameters(nb, {"not a name": 1})


def test_find_notebooks(tmp_path: Path) -> None:
    assert [p.name[:2] for p in NOTEBOOKS] == [f"{i:02d}" for i in range(1, len(NOTEBOOKS) + 1)]
    assert [p.name for p in find_notebooks(ROOT / "notebooks", ["02", "01"])] == [NOTEBOOKS[0].name, NOTEBOOKS[1].name]
    with pytest.raises(MediakitError, match="source checkout"):
        find_notebooks(tmp_path / "missing")
    with pytest.raises(MediakitError, match="no numbered notebooks"):
        find_notebooks(tmp_path)
    with pytest.raises(MediakitError, match="starts with 99"):
        find_notebooks(ROOT / "notebooks", ["99"])


@pytest.fixture(scope="module")
def walked(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    out = tmp_path_factory.mktemp("walk") / "reports"
    exe = [str(BIN / "mediakit")] if (BIN / "mediakit").is_file() else [sys.executable, "-m", "mediakit"]
    r = subprocess.run([*exe, "walk", "--out", str(out)], cwd=ROOT, capture_output=True, text=True, timeout=1800)
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-3000:]
    return out, r.stdout


def test_walk_leaves_a_page_per_notebook(walked: tuple[Path, str]) -> None:
    out, stdout = walked
    print("\n" + stdout)  # each notebook's run time, for the record (pytest -s)
    times = [float(t) for t in re.findall(r"ok in ([0-9.]+) s", stdout)]
    assert len(times) == len(NOTEBOOKS) and max(times) < 60, f"a notebook took a minute or more: {times}"
    for nb in NOTEBOOKS:
        page = out / f"{nb.stem}.html"
        assert page.is_file(), page
        html = page.read_text(encoding="utf-8")
        assert 'class="mediakit-chart"' in html, f"{nb.name}: no chart on its page"
        assert "jp-RenderedText" in html and "Traceback" not in html
        assert "embed-amd" not in html  # no widget manager fetched from a CDN
    index = (out / "index.html").read_text(encoding="utf-8")
    assert all(f"{nb.stem}.html" in index for nb in NOTEBOOKS)
    assert f"{len(NOTEBOOKS)}/{len(NOTEBOOKS)} notebooks ran clean" in stdout and "index.html" in stdout
    report = out / "06_report" / "report" / "report.html"
    assert report.is_file() and f"The report: {report}" in stdout  # the report of notebook 06
    assert "06_report/report/report.html" in index
    notebook_files = [p for p in out.rglob("*") if p.is_file() and p.parent != out]
    assert notebook_files, "the notebooks saved nothing under OUTPUT_DIR"
    assert not (ROOT / "notebooks" / "out").exists()


def test_walk_reports_a_failing_notebook(tmp_path: Path) -> None:
    nbformat = pytest.importorskip("nbformat")
    from mediakit.walk import walk

    folder = tmp_path / "nbs"
    folder.mkdir()
    good = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x = 1", metadata={"tags": ["parameters"]}),
                                           nbformat.v4.new_code_cell("print(OUTPUT_DIR is not None, x)")])
    bad = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 / 0"), nbformat.v4.new_code_cell("print('never')")])
    nbformat.write(good, folder / "01_good.ipynb")
    nbformat.write(bad, folder / "02_bad.ipynb")
    lines: list[str] = []
    result = walk(tmp_path / "out", notebooks=folder, echo=lines.append)
    assert [r.ok for r in result.runs] == [True, False]
    assert "ZeroDivisionError" in (result.runs[1].error or "")
    assert "True 1" in (tmp_path / "out" / "01_good.html").read_text(encoding="utf-8")
    assert (tmp_path / "out" / "02_bad.html").is_file()  # the page shows the error
    assert "FAILED 02_bad" in result.summary() and any("1/2 notebooks" in line for line in lines)
    assert json.loads((folder / "02_bad.ipynb").read_text())["cells"][0]["outputs"] == []  # source untouched


@pytest.mark.skipif(_browser.unavailable() is not None, reason=f"browser check: {_browser.unavailable()}")
def test_walk_pages_draw_offline(walked: tuple[Path, str]) -> None:
    out, _ = walked
    pages = [out / f"{nb.stem}.html" for nb in NOTEBOOKS] + [out / "06_report" / "report" / "report.html"]
    for rep in _browser.check_pages(pages, tolerate=TEMPLATE_CDN, timeout_ms=30000):
        assert rep.ok, rep.line()
        assert rep.interactive == rep.charts > 0
