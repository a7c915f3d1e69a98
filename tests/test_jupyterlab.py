"""Every notebook in a real client: JupyterLab on 127.0.0.1 (no token, a free port, a scratch copy of the
notebooks), Run All in headless Chromium with every request off the machine refused (mediakit._lab).

Each notebook must run every cell with no error output, draw every chart, render every widget and have
it respond to a click, and log no console error. Skipped, with the reason, without Debian's chromium,
playwright or JupyterLab. Set ``MEDIAKIT_SHOTS=DIR`` to keep a screenshot of each notebook.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from mediakit import _lab
from mediakit.walk import find_notebooks

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = find_notebooks(ROOT / "notebooks")

pytestmark = pytest.mark.skipif(_lab.unavailable() is not None, reason=f"JupyterLab check: {_lab.unavailable()}")


@pytest.fixture(scope="module")
def lab() -> Iterator[tuple[_lab.Lab, Any]]:
    with _lab.Lab(NOTEBOOKS) as server, _lab.browser() as browser:
        yield server, browser


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
def test_run_all_in_jupyterlab(lab: tuple[_lab.Lab, Any], notebook: Path) -> None:
    server, browser = lab
    shots = Path(os.environ["MEDIAKIT_SHOTS"]) if os.environ.get("MEDIAKIT_SHOTS") else None
    rep = _lab.run_all(browser, server, f"notebooks/{notebook.name}", wait=300, shots=shots)
    print("\n" + rep.line())
    assert rep.ok, rep.line()
    assert rep.charts > 0
