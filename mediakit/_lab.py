"""Test support: the notebooks in a live JupyterLab, run with Run All in headless Chromium.

:class:`Lab` starts JupyterLab on 127.0.0.1 (a free port, no token, its own settings and a scratch copy
of the notebooks, so nothing is written into the checkout) and stops it. :func:`run_all` opens one
notebook in Chromium with every request off 127.0.0.1 refused, clicks Run > Run All Cells, waits for the
kernel, and reports what a person would see: error outputs, charts drawn (mediakit's interactive view,
or any other Vega chart), widgets rendered and whether each responds to a click, console errors, dialogs
and whether text from the data ran as script (``window.__pwned``).

Needs Debian's ``/usr/bin/chromium``, the ``playwright`` package (never ``playwright install``) and
JupyterLab; :func:`unavailable` says which is missing.

Run by hand: ``python -m mediakit._lab notebooks/*.ipynb [--shots DIR]``.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ._browser import CHROMIUM
from ._browser import unavailable as _browser_unavailable

ROOT = Path(__file__).resolve().parent.parent

# What the page shows. Code cells are counted by their prompt: "[*]" busy, "[3]" done, "[ ]" not run.
_STATE = """() => {
  const nb = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook') || document;
  const cells = [...nb.querySelectorAll('.jp-CodeCell')];
  const prompts = cells.map(c => ((c.querySelector('.jp-InputArea-prompt') || {}).textContent || '').trim());
  const busy = prompts.filter(p => p.includes('*')).length;
  const done = prompts.filter(p => /\\[\\d+\\]/.test(p)).length;
  const errors = [...nb.querySelectorAll('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')]
      .filter(e => /Traceback|Error/.test(e.textContent))
      .concat([...nb.querySelectorAll('.jp-RenderedText[data-mime-type="application/vnd.jupyter.error"]')])
      .map(e => e.textContent.trim().split('\\n').slice(-1)[0].slice(0, 240));
  const marks = el => el.querySelectorAll('svg.marks g[class*="mark-"], canvas').length > 0;
  const loaded = img => !!img && img.complete && img.naturalWidth > 20;
  const boxes = [...nb.querySelectorAll('.mediakit-chart')];
  let interactive = 0, staticOnly = 0, blank = 0;
  for (const b of boxes) {
    const view = b.querySelector('.mediakit-view');
    if (view && marks(view)) interactive++; else if (loaded(b.querySelector('img.mediakit-static'))) staticOnly++; else blank++;
  }
  const others = [...nb.querySelectorAll('.vega-embed')].filter(e => !e.closest('.mediakit-chart') && !e.closest('.mk-widget'));
  const otherDrawn = others.filter(marks).length;
  const widgetAreas = [...nb.querySelectorAll('.jp-OutputArea-output')].filter(
      o => o.getAttribute('data-mime-type') === 'application/vnd.jupyter.widget-view+json' || o.querySelector('.mk-widget, .jupyter-widgets'));
  const widgets = widgetAreas.map(o => {
    const w = o.querySelector('.mk-widget, .jupyter-widgets');
    return {rendered: !!w && w.getBoundingClientRect().height > 10 && w.textContent.trim().length > 0 && !/Error|Loading widget/.test(w.textContent.slice(0, 60)),
            kind: w ? (w.className || '').toString().split(' ').filter(c => c.startsWith('mk-') && c !== 'mk-widget').join(' ') || 'widget' : 'none'};
  });
  const scriptLinks = [...nb.querySelectorAll('a[href^="javascript:" i]')].length;
  const handlers = [...nb.querySelectorAll('.jp-OutputArea-output *')].filter(
      e => [...e.attributes].some(a => /^on/i.test(a.name))).length;
  return {cells: cells.length, busy, done, errors, charts: boxes.length, interactive, staticOnly, blank,
          others: others.length, otherDrawn, widgets, scriptLinks, handlers,
          pwned: window.__pwned === undefined ? null : String(window.__pwned)};
}"""


@dataclass
class NotebookReport:
    """What one notebook showed after Run All in JupyterLab."""

    name: str
    seconds: float = 0.0
    cells: int = 0
    done: int = 0
    errors: list[str] = field(default_factory=list)
    charts: int = 0
    interactive: int = 0
    static_only: int = 0
    blank: int = 0
    other_charts: int = 0
    other_drawn: int = 0
    widgets: list[dict[str, Any]] = field(default_factory=list)
    clicks: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    script_links: int = 0
    handlers: int = 0
    pwned: str | None = None
    timed_out: bool = False

    @property
    def widgets_ok(self) -> bool:
        """Every widget rendered and changed when clicked."""
        return all(w["rendered"] for w in self.widgets) and len(self.clicks) == len(self.widgets) and all(
            c.endswith("responded") for c in self.clicks)

    @property
    def ok(self) -> bool:
        """Every cell ran, no error, every chart drawn interactively, every widget answers, nothing ran
        that the notebook did not mean to run."""
        return (not self.timed_out and self.done == self.cells and not self.errors and self.blank == 0
                and self.interactive == self.charts and self.other_drawn == self.other_charts
                and self.widgets_ok and not self.console and not self.dialogs and self.pwned is None
                and self.script_links == 0 and self.handlers == 0)

    def line(self) -> str:
        kinds = ", ".join(w["kind"] for w in self.widgets) or "none"
        out = (f"{'ok ' if self.ok else 'BAD'} {self.name}: {self.done}/{self.cells} cells in {self.seconds:.0f} s, "
               f"errors {len(self.errors)}, charts {self.interactive}/{self.charts} drawn"
               + (f" (+{self.other_drawn}/{self.other_charts} other)" if self.other_charts else "")
               + f", widgets {sum(w['rendered'] for w in self.widgets)}/{len(self.widgets)} rendered ({kinds}), "
               f"clicks {sum(c.endswith('responded') for c in self.clicks)}/{len(self.clicks)} answered"
               + (f" ({'; '.join(c.split(': ', 1)[0].split('(', 1)[-1].rstrip(')') for c in self.clicks)})" if self.clicks else "")
               + ", "
               f"console errors {len(self.console)}, refused requests {len(self.refused)}, dialogs "
               f"{len(self.dialogs)}, pwned {self.pwned}" + (" TIMED OUT" if self.timed_out else ""))
        problem = (self.errors or self.console or self.dialogs or [c for c in self.clicks if not c.endswith("responded")])
        return out + (f" | {problem[0][:200]!r}" if problem else "")


def unavailable() -> str | None:
    """Why notebooks cannot be run in JupyterLab here, or None when they can."""
    why = _browser_unavailable()
    if why:
        return why
    try:
        import jupyterlab  # noqa: F401
    except ImportError:
        return "JupyterLab is not installed (pip install -e '.[notebooks]')"
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


_SETTINGS = {
    # every cell in the page, so that every output can be counted and seen
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {"fetchNews": "false",
                                                                         "checkForUpdates": False},
}


class Lab:
    """A JupyterLab server on 127.0.0.1 over a scratch folder: ``notebooks/`` copied there, ``data/``
    linked, so that relative paths hold and autosave never touches the checkout. Use as a context
    manager; ``url`` is the server's address."""

    def __init__(self, notebooks: Sequence[str | Path] = (), *, data: Path = ROOT / "data",
                 extra: Sequence[str | Path] = ()) -> None:
        self.tmp = Path(tempfile.mkdtemp(prefix="mediakit-lab-"))
        self.root = self.tmp / "root"
        (self.root / "notebooks").mkdir(parents=True)
        (self.root / "data").symlink_to(data.resolve(), target_is_directory=True)
        for nb in list(notebooks) + list(extra):
            shutil.copy2(nb, self.root / "notebooks" / Path(nb).name)
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen[bytes] | None = None
        self.log = self.tmp / "lab.log"

    def add(self, path: str | Path, name: str | None = None) -> str:
        """Copy a notebook into the scratch ``notebooks/`` folder; returns its path for :func:`run_all`."""
        target = self.root / "notebooks" / (name or Path(path).name)
        shutil.copy2(path, target)
        return f"notebooks/{target.name}"

    def __enter__(self) -> Lab:
        settings = self.tmp / "user-settings"
        for rel, value in _SETTINGS.items():
            p = settings / rel
            p.parent.mkdir(parents=True, exist_ok=True)
            p.write_text(json.dumps(value), encoding="utf-8")
        env = dict(os.environ, JUPYTER_CONFIG_DIR=str(self.tmp / "config"), JUPYTER_RUNTIME_DIR=str(self.tmp / "runtime"),
                   JUPYTERLAB_WORKSPACES_DIR=str(self.tmp / "workspaces"), MPLBACKEND="Agg")
        cmd = [sys.executable, "-m", "jupyterlab", "--no-browser", f"--ServerApp.port={self.port}",
               "--ServerApp.ip=127.0.0.1", "--ServerApp.port_retries=0", "--IdentityProvider.token=",
               "--ServerApp.password=", f"--ServerApp.root_dir={self.root}", "--LabApp.news_url=None",
               f"--LabApp.user_settings_dir={settings}", f"--LabApp.workspaces_dir={self.tmp / 'workspaces'}",
               "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate", "--LabApp.extension_manager=readonly"]
        if hasattr(os, "geteuid") and os.geteuid() == 0:  # containers and CI runners often run as root
            cmd.append("--allow-root")
        with self.log.open("wb") as log:
            self.proc = subprocess.Popen(cmd, cwd=self.root, env=env, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"JupyterLab exited: {self.log.read_text(errors='replace')[-2000:]}")
            try:
                with urllib.request.urlopen(f"{self.url}/api/status", timeout=2) as r:  # noqa: S310 - our own server
                    if r.status == 200:
                        return self
            except OSError:
                time.sleep(0.5)
        self.__exit__(None, None, None)
        raise RuntimeError(f"JupyterLab did not answer on {self.url} within 90 s")

    def __exit__(self, *exc: Any) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
        shutil.rmtree(self.tmp, ignore_errors=True)


@contextmanager
def browser() -> Iterator[Any]:
    """Headless Debian chromium through playwright."""
    from playwright.sync_api import sync_playwright

    exe = CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=exe, args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"])
        try:
            yield b
        finally:
            b.close()


def run_all(browser: Any, lab: Lab, notebook: str, *, wait: float = 180, shots: Path | None = None) -> NotebookReport:
    """Open ``notebook`` (a path under the lab's root) in a fresh page, Run All, wait, and report."""
    rep = NotebookReport(Path(notebook).name)
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    page = context.new_page()

    def route(r: Any) -> None:
        url = r.request.url
        if url.startswith((lab.url, "ws://127.0.0.1", "data:", "blob:")):
            r.continue_()
        else:
            rep.refused.append(url)
            r.abort()

    def console(m: Any) -> None:
        if m.type == "error" and "Failed to load resource" not in m.text and "ERR_FAILED" not in m.text:
            rep.console.append(m.text)

    def dialog(d: Any) -> None:
        rep.dialogs.append(d.message)
        d.dismiss()

    page.route("**/*", route)
    page.on("console", console)
    page.on("pageerror", lambda e: rep.console.append(f"page error: {e}"))
    page.on("dialog", dialog)
    try:
        page.goto(f"{lab.url}/lab/tree/{notebook}?reset", wait_until="domcontentloaded")
        page.wait_for_selector(".jp-NotebookPanel .jp-Notebook .jp-Cell", timeout=90_000)
        _wait_for_kernel(page, lab, notebook)
        start = time.monotonic()
        page.click("li.lm-MenuBar-item:has-text('Run')", timeout=15_000)
        page.click("li.lm-Menu-item[data-command='runmenu:run-all']", timeout=15_000)
        state = _settle(page, start, wait, rep)
        rep.seconds = time.monotonic() - start
        _charts_drawn(page, 15_000)
        state = page.evaluate(_STATE)
        _fill(rep, state)
        _click_widgets(page, rep)
        state = page.evaluate(_STATE)
        rep.pwned, rep.script_links, rep.handlers = state["pwned"], state["scriptLinks"], state["handlers"]
        if shots is not None:
            shots.mkdir(parents=True, exist_ok=True)
            _screenshot(page, shots / f"{Path(notebook).stem}.png")
    finally:
        context.close()
    return rep


def _wait_for_kernel(page: Any, lab: Lab, notebook: str, timeout: float = 120) -> None:
    """Until the notebook's kernel has started (the server lists its session, idle) and the page is
    connected to it and idle; a kernel chooser, if one appears, is answered with the default."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if page.is_visible(".jp-Dialog button:has-text('Select')"):
            page.click(".jp-Dialog button:has-text('Select')")
        try:
            with urllib.request.urlopen(f"{lab.url}/api/sessions", timeout=5) as r:  # noqa: S310 - our own server
                sessions = json.loads(r.read())
        except OSError:
            sessions = []
        started = any(s.get("path") == notebook and (s.get("kernel") or {}).get("execution_state") == "idle"
                      for s in sessions)
        status = page.evaluate("() => [...document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) "
                               "[data-status]')].map(e => e.dataset.status).join(' ')")
        if started and status.strip() == "idle":
            page.wait_for_timeout(500)
            return
        page.wait_for_timeout(500)
    raise RuntimeError(f"the kernel of {notebook} did not start within {timeout:.0f} s")


def _settle(page: Any, start: float, wait: float, rep: NotebookReport) -> dict[str, Any]:
    """Poll until no cell is busy and every cell ran (or an error stopped the run), or ``wait`` passes."""
    page.wait_for_timeout(1500)
    state = page.evaluate(_STATE)
    while time.monotonic() - start < wait:
        if not state["busy"] and (state["done"] >= state["cells"] or state["errors"]):
            page.wait_for_timeout(1000)
            again = page.evaluate(_STATE)
            if not again["busy"]:
                return again
        page.wait_for_timeout(500)
        state = page.evaluate(_STATE)
    rep.timed_out = True
    return state


def _charts_drawn(page: Any, timeout_ms: int) -> None:
    waited = 0
    while waited < timeout_ms:
        s = page.evaluate(_STATE)
        if s["interactive"] >= s["charts"] and s["otherDrawn"] >= s["others"]:
            return
        page.wait_for_timeout(250)
        waited += 250


def _fill(rep: NotebookReport, s: dict[str, Any]) -> None:
    rep.cells, rep.done, rep.errors = s["cells"], s["done"], s["errors"]
    rep.charts, rep.interactive, rep.static_only, rep.blank = s["charts"], s["interactive"], s["staticOnly"], s["blank"]
    rep.other_charts, rep.other_drawn, rep.widgets = s["others"], s["otherDrawn"], s["widgets"]


_CLICKABLE = ("button:not([disabled]), [role=button], [role=tab], select, input[type=checkbox], "
              "[data-quote], [data-off], tr[data-row], li[data-item]")
#: what a person would click first in each mediakit widget: a quote in the viewer, an outlet in the explorer,
#: a marked quote in the annotator (an empty annotator gets a selection and "Mark quote" instead)
_FIRST_CLICK = {"mk-viewer": ".mk-quote", "mk-explorer": ".mk-checks input[type=checkbox]", "mk-annotator": ".mk-marked"}

# select some words of the annotator's article (a text node inside a [data-off] piece) and name a speaker
_SELECT = """(root) => {
  const pieces = [...root.querySelectorAll('[data-off]')].filter(p => p.textContent.trim().length > 20);
  const piece = pieces[Math.min(1, pieces.length - 1)];
  if (!piece) return false;
  const node = piece.firstChild, range = document.createRange();
  range.setStart(node, 0); range.setEnd(node, Math.min(20, node.textContent.length));
  const sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(range);
  document.dispatchEvent(new Event('selectionchange'));
  return true;
}"""


def _click_widgets(page: Any, rep: NotebookReport) -> None:
    """Click what a person would click first in every widget and see whether the widget changed."""
    roots = page.query_selector_all(".jp-OutputArea-output .mk-widget, .jp-OutputArea-output .jupyter-widgets.widget-box")
    for i, root in enumerate(roots):
        kind = next((k for k in _FIRST_CLICK if root.evaluate(f"e => e.classList.contains('{k}')")), "widget")
        before = root.inner_html()
        target = root.query_selector(_FIRST_CLICK.get(kind, _CLICKABLE))
        what = kind
        try:
            if target is None and kind == "mk-annotator":
                root.scroll_into_view_if_needed(timeout=5000)
                speaker = root.query_selector(".mk-toolbar input[type=text]")
                if speaker is not None:
                    speaker.fill("A. Reader")
                if not root.evaluate(_SELECT):
                    rep.clicks.append(f"widget {i} ({kind}): no text to select")
                    continue
                target, what = root.query_selector(".mk-mark-quote"), f"{kind} mark quote"
            if target is None:
                target = root.query_selector(_CLICKABLE)
            if target is None:
                rep.clicks.append(f"widget {i} ({kind}): nothing to click")
                continue
            target.scroll_into_view_if_needed(timeout=5000)
            if target.evaluate("e => e.tagName.toLowerCase()") == "select":
                values = target.evaluate("e => [...e.options].map(o => o.value)")
                target.select_option(values[1] if len(values) > 1 else values[0])
            else:
                target.click(timeout=5000)
        except Exception as exc:  # the element moved or is hidden: say so rather than fail the run
            rep.clicks.append(f"widget {i} ({what}): could not click: {type(exc).__name__}")
            continue
        for _ in range(40):
            page.wait_for_timeout(150)
            if root.inner_html() != before:
                rep.clicks.append(f"widget {i} ({what}): responded")
                break
        else:
            rep.clicks.append(f"widget {i} ({what}): clicked, nothing changed")


def _screenshot(page: Any, path: Path) -> None:
    """The notebook's first screen as ``NAME.png``, and each chart or widget output as ``NAME-NN.png``."""
    page.evaluate("() => { const n = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-WindowedPanel-outer');"
                  " if (n) n.scrollTop = 0; }")
    page.wait_for_timeout(300)
    page.screenshot(path=str(path))
    outputs = page.query_selector_all(".jp-OutputArea-output:has(.mediakit-chart), .jp-OutputArea-output:has(.mk-widget)")
    for i, out in enumerate(outputs, 1):
        try:
            out.scroll_into_view_if_needed(timeout=5000)
            page.wait_for_timeout(200)
            out.screenshot(path=str(path.with_name(f"{path.stem}-{i:02d}.png")))
        except Exception:  # an output that cannot be shown alone (zero size): the first screen is kept
            continue


_FACTS = """() => {
  const outs = [...document.querySelectorAll('.jp-OutputArea-output')];
  const inOut = sel => outs.reduce((n, o) => n + o.querySelectorAll(sel).length, 0);
  const handlers = outs.reduce((n, o) => n + [...o.querySelectorAll('*')].filter(
      e => [...e.attributes].some(a => /^on/i.test(a.name))).length, 0);
  return {pwned: window.__pwned === undefined ? null : String(window.__pwned), handlers,
          scriptLinks: inOut('a[href^="javascript:" i], [src^="javascript:" i]'), frames: inOut('iframe, object, embed'),
          text: document.body.innerText};
}"""


def page_facts(path: str | Path, *, wait_ms: int = 1500) -> dict[str, Any]:
    """Open a saved page (``file:``) with scripts on and the network refused, and say what a hostile text
    could have done: ``pwned`` (``window.__pwned``), elements in outputs with event-handler attributes,
    ``javascript:`` links and frames in outputs, and the page's visible ``text``."""
    with browser() as b:
        context = b.new_context()
        page = context.new_page()
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:", "blob:")) else r.abort())
        page.on("dialog", lambda d: d.dismiss())
        page.goto(Path(path).resolve().as_uri(), wait_until="load")
        page.wait_for_timeout(wait_ms)
        facts: dict[str, Any] = page.evaluate(_FACTS)
        context.close()
    return facts


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    shots = None
    if "--shots" in args:
        i = args.index("--shots")
        shots = Path(args[i + 1])
        del args[i : i + 2]
    why = unavailable()
    if why:
        print(f"cannot check: {why}")
        return 2
    paths = [Path(a) for a in args]
    with Lab(paths) as lab, browser() as b:
        reports = [run_all(b, lab, f"notebooks/{p.name}", shots=shots) for p in paths]
    for r in reports:
        print(r.line())
    bad = sum(not r.ok for r in reports)
    print(f"{len(reports) - bad}/{len(reports)} notebooks ran clean in JupyterLab")
    return 1 if bad or not reports else 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
