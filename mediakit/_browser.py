"""Test support: open HTML pages in headless Chromium, with every request off the machine refused, and
report whether each chart drew (interactive view, or at least its static image), console errors, refused
requests, axes labelling two ticks alike, and whether text from the data ran as script.

Needs the ``playwright`` Python package (a ``dev`` extra) and Debian's ``/usr/bin/chromium``; playwright's
own browser download is never used. :func:`unavailable` says why a check cannot run.

Run by hand: ``python -m mediakit._browser PAGE.html... [--no-js] [--shots DIR]``.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CHROMIUM = "/usr/bin/chromium"

# What counts: a mediakit chart is interactive when its view holds Vega's SVG marks, static when its
# <img> loaded; any other Vega container must hold an SVG or canvas; an ipywidget box must not be empty.
_COUNT = """() => {
  const marks = el => el.querySelectorAll('svg.marks g[class*="mark-"], canvas').length > 0;
  const loaded = img => !!img && img.complete && img.naturalWidth > 20 && img.naturalHeight > 20;
  const boxes = [...document.querySelectorAll('.mediakit-chart')];
  let interactive = 0, staticOnly = 0, blank = 0;
  for (const b of boxes) {
    const view = b.querySelector('.mediakit-view');
    if (view && marks(view)) interactive++;
    else if (loaded(b.querySelector('img.mediakit-static'))) staticOnly++;
    else blank++;
  }
  const others = [...document.querySelectorAll('.vega-embed')].filter(e => !e.closest('.mediakit-chart'));
  const otherBlank = others.filter(e => !marks(e)).length;
  const widgets = [...document.querySelectorAll('.jupyter-widgets')].filter(
      w => !w.querySelector('svg, canvas, img, .widget-box, .widget-html, .widget-label')).length;
  const stray = [...document.querySelectorAll('img')].filter(i => !i.classList.contains('mediakit-static')
      && i.closest('.mediakit-chart')).length;
  // an axis labelling two ticks alike ("0 1 1 2 2": counts with ticks every 0.5) reads wrong
  let repeated = 0;
  for (const axis of document.querySelectorAll('.mediakit-view g.role-axis')) {
    const labels = [...axis.querySelectorAll('g.role-axis-label text')].map(t => t.textContent).filter(t => t);
    repeated += labels.length - new Set(labels).size;
  }
  return {charts: boxes.length, interactive, staticOnly, blank: blank + otherBlank + widgets,
          others: others.length, stray, repeated, pwned: window.__pwned === undefined ? null : String(window.__pwned)};
}"""


@dataclass
class PageReport:
    """What one page showed."""

    path: Path
    scripts: bool
    charts: int = 0
    interactive: int = 0
    static_only: int = 0
    blank: int = 0
    stray_images: int = 0
    repeated_labels: int = 0
    errors: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    tolerated: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    pwned: str | None = None

    @property
    def ok(self) -> bool:
        """Every chart drew (interactively when scripts run), and nothing went wrong."""
        drawn = self.interactive if self.scripts else self.static_only
        return (self.charts > 0 and drawn == self.charts and self.blank == 0 and not self.errors
                and not self.blocked and not self.dialogs and self.pwned is None and self.stray_images == 0
                and self.repeated_labels == 0)

    def line(self) -> str:
        mode = "scripts on" if self.scripts else "scripts off"
        out = (f"{'ok ' if self.ok else 'BAD'} {self.path.name} ({mode}): {self.charts} charts, "
               f"{self.interactive} interactive, {self.static_only} static image only, {self.blank} blank; "
               f"console errors {len(self.errors)}, refused requests {len(self.blocked)} "
               f"(+{len(self.tolerated)} tolerated), dialogs {len(self.dialogs)}, pwned {self.pwned}"
               + (f", repeated axis labels {self.repeated_labels}" if self.repeated_labels else ""))
        if self.errors:
            out += f" | {self.errors[0][:160]}"
        if self.blocked:
            out += f" | refused {self.blocked[0][:120]}"
        return out


def unavailable() -> str | None:
    """Why pages cannot be checked here (no Chromium, no playwright), or None when they can."""
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        return f"no Chromium at {CHROMIUM} (apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed (pip install playwright; never `playwright install`)"
    return None


def _launch(p: Any) -> Any:
    exe = CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium")
    return p.chromium.launch(executable_path=exe, args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"])


def check_pages(
    paths: Iterable[str | Path], *, scripts: bool = True, tolerate: Sequence[str] = (), shots: Path | None = None,
    timeout_ms: int = 15000,
) -> list[PageReport]:
    """Open each page (``file:`` URL), refuse every request that is not ``file:``, ``data:`` or ``blob:``,
    wait until every chart drew (or ``timeout_ms``), and report. ``scripts=False`` opens the pages with
    JavaScript off, as a sanitising viewer shows them. Refused URLs containing one of ``tolerate`` (e.g.
    the require.js and MathJax that nbconvert's page template loads from a CDN) are listed apart and do
    not fail the page. ``shots``: a folder for full-page screenshots (``NAME.png``)."""
    from playwright.sync_api import sync_playwright

    reports = []
    with sync_playwright() as p:
        browser = _launch(p)
        try:
            for path in map(Path, paths):
                reports.append(_check(browser, path, scripts, tuple(tolerate), shots, timeout_ms))
        finally:
            browser.close()
    return reports


def _check(browser: Any, path: Path, scripts: bool, tolerate: tuple[str, ...], shots: Path | None,
           timeout_ms: int) -> PageReport:
    rep = PageReport(path=path, scripts=scripts)
    context = browser.new_context(java_script_enabled=scripts, viewport={"width": 1280, "height": 900})
    page = context.new_page()

    def route(r: Any) -> None:
        url = r.request.url
        if url.startswith(("file:", "data:", "blob:")):
            r.continue_()
            return
        (rep.tolerated if any(t in url for t in tolerate) else rep.blocked).append(url)
        r.abort()

    def console(m: Any) -> None:
        # a refused request is also logged as "Failed to load resource"; it is counted as refused above
        if m.type == "error" and "net::ERR_FAILED" not in m.text:
            rep.errors.append(m.text)

    def dialog(d: Any) -> None:
        rep.dialogs.append(d.message)
        d.dismiss()

    page.route("**/*", route)
    page.on("console", console)
    page.on("pageerror", lambda e: rep.errors.append(str(e)))
    page.on("dialog", dialog)
    page.goto(path.resolve().as_uri(), wait_until="load")
    waited = 0
    while waited <= timeout_ms:
        # (with scripts off, playwright's own evaluation still runs)
        counts = page.evaluate(_COUNT)
        done = counts["interactive"] if scripts else counts["staticOnly"]
        if counts["charts"] and done >= counts["charts"]:
            break
        page.wait_for_timeout(100)
        waited += 100
    page.wait_for_timeout(300)  # time for a late console error
    counts = page.evaluate(_COUNT)
    rep.charts, rep.interactive, rep.static_only = counts["charts"], counts["interactive"], counts["staticOnly"]
    rep.blank, rep.stray_images, rep.pwned = counts["blank"], counts["stray"], counts["pwned"]
    rep.repeated_labels = counts["repeated"]
    if shots is not None:
        shots.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(shots / f"{path.stem}{'' if scripts else '.nojs'}.png"), full_page=True)
    context.close()
    return rep


def hover_tooltips(path: str | Path, *, limit: int = 12) -> tuple[list[str], PageReport]:
    """Hover over the marks of every chart on the page and collect each tooltip's HTML (as the browser
    holds it, so escaped text shows as ``&lt;``). Also returns the page's report after hovering."""
    from playwright.sync_api import sync_playwright

    path = Path(path)
    seen: list[str] = []
    with sync_playwright() as p:
        browser = _launch(p)
        try:
            rep = PageReport(path=path, scripts=True)
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:", "blob:"))
                       else (rep.blocked.append(r.request.url), r.abort()))
            page.on("console", lambda m: rep.errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: rep.errors.append(str(e)))
            page.on("dialog", lambda d: (rep.dialogs.append(d.message), d.dismiss()))
            page.goto(path.resolve().as_uri(), wait_until="load")
            page.wait_for_selector(".mediakit-view svg.marks", timeout=15000)
            marks = page.query_selector_all(".mediakit-view svg.marks g.mark-rect path, .mediakit-view svg.marks g.mark-rect rect")
            for m in marks[:limit]:
                m.hover(force=True)
                page.wait_for_timeout(150)
                tip = page.query_selector("#vg-tooltip-element")
                if tip is not None:
                    seen.append(tip.inner_html())
            page.wait_for_timeout(300)
            counts = page.evaluate(_COUNT)
            rep.charts, rep.interactive, rep.static_only = counts["charts"], counts["interactive"], counts["staticOnly"]
            rep.blank, rep.stray_images, rep.pwned = counts["blank"], counts["stray"], counts["pwned"]
            rep.repeated_labels = counts["repeated"]
            context.close()
        finally:
            browser.close()
    return seen, rep


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    shots = None
    if "--shots" in args:
        i = args.index("--shots")
        shots = Path(args[i + 1])
        del args[i : i + 2]
    scripts = "--no-js" not in args
    args = [a for a in args if a != "--no-js"]
    why = unavailable()
    if why:
        print(f"cannot check: {why}")
        return 2
    reports = check_pages(args, scripts=scripts, shots=shots, tolerate=("require", "mathjax", "MathJax"))
    for r in reports:
        print(r.line())
    bad = sum(not r.ok for r in reports)
    print(f"{len(reports) - bad}/{len(reports)} pages with every chart drawn and no errors")
    return 1 if bad or not reports else 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
