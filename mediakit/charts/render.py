"""Charts in notebooks: an interactive view that needs no network, over a static image that needs no script.

:func:`setup` enables the ``mediakit`` theme and the ``mediakit`` altair renderer. Each chart is then
shown as one output whose MIME bundle holds:

``text/html``
    a ``<div class="mediakit-chart">`` holding the chart as an ``<img>`` (an SVG drawn by vl-convert,
    as a ``data:`` URI) and a small script that, when it runs, draws the interactive Vega view
    (tooltips, export menu) and then removes the image. The Vega, Vega-Lite and vega-embed JavaScript
    is not fetched from a CDN: :func:`setup` displays it once, inlined (vl-convert's
    ``javascript_bundle()``), in its own output, and every chart script waits for it (when no such
    output was displayed in the session, the first chart carries the bundle itself). Where scripts do
    not run (a notebook opened untrusted in JupyterLab, a viewer that strips scripts) the image is what
    stays; JupyterLab's sanitiser keeps ``<img>`` with ``data:`` sources and drops ``<svg>``, which is
    why the image is an ``<img>`` and not inline SVG (an SVG in an ``<img>`` never runs script either).
``image/png``
    the same chart as a PNG, for consumers that take no HTML (nbconvert's LaTeX/PDF export).
``text/plain``
    a one-line description.

Jupyter picks one entry per output: JupyterLab the richest it can render safely (``text/html``,
sanitised when the notebook is untrusted); nbconvert's HTML exporter ``text/html`` (kept as is, so the
script runs in the exported page and draws offline); LaTeX/PDF exports ``image/png``.
"""

from __future__ import annotations

import base64
import html
import json
import os
import uuid
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import altair as alt

from .theme import use_theme

__all__ = ["chart_html", "loader_html", "mimebundle", "setup", "static_png", "static_svg", "vl_version"]

RENDERER = "mediakit"

#: vega-embed options: SVG renderer; the export menu (PNG/SVG) only: the source and editor actions
#: would open the Vega editor online.
EMBED_OPTIONS: dict[str, Any] = {
    "renderer": "svg",
    "actions": {"export": True, "source": False, "compiled": False, "editor": False},
}


@dataclass
class _State:
    loader_shown: bool = False


_STATE = _State()


@lru_cache(maxsize=1)
def vl_version() -> str | None:
    """The Vega-Lite version (``"6.4"``) matching altair's schema, if vl-convert knows it (else its default)."""
    import vl_convert as vlc

    parts = alt.SCHEMA_VERSION.lstrip("v").split(".")
    wanted = ".".join(parts[:2])
    return wanted if wanted in vlc.get_vegalite_versions() else None


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "mediakit"


@lru_cache(maxsize=1)
def javascript_bundle() -> str:
    """Vega, Vega-Lite and vega-embed as one ES module that sets ``window.vegaEmbed`` (about 900 kB).

    vl-convert takes a few seconds to bundle it, so it is kept in the user's cache folder
    (``$XDG_CACHE_HOME/mediakit`` or ``~/.cache/mediakit``), one file per vl-convert and Vega-Lite
    version; when that folder cannot be written, it is bundled anew in each session.
    """
    import vl_convert as vlc

    version = vl_version() or "default"
    name = f"vega-bundle-vlc{getattr(vlc, '__version__', 'x')}-vl{version}.js"
    cached = _cache_dir() / name
    try:
        return cached.read_text(encoding="utf-8")
    except OSError:
        pass
    js = vlc.javascript_bundle(vl_version=vl_version())
    # "</script" would close the <script> element it is inlined in; "<\/" means the same in JavaScript.
    js = js.replace("</script", "<\\/script").replace("</SCRIPT", "<\\/SCRIPT")
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_name(f"{name}.{os.getpid()}.tmp")
        tmp.write_text(js, encoding="utf-8")
        tmp.replace(cached)  # atomic: a reader never sees half a file
    except OSError:
        pass
    return js


def script_json(value: Any) -> str:
    """JSON that is safe inside a ``<script>`` element: ``<``, ``>`` and ``&`` are written as escapes,
    so no text from an article (an actor's name, a quote) can close the element or open another.

    >>> script_json({"name": "</script><script>alert(1)</script>"})
    '{"name":"\\\\u003c/script\\\\u003e\\\\u003cscript\\\\u003ealert(1)\\\\u003c/script\\\\u003e"}'
    """
    text = json.dumps(value, separators=(",", ":"), ensure_ascii=False)
    for ch, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(ch, esc)
    return text


# Runs after the bundle: draws every chart that was waiting for it.
_DRAIN = (
    "\n;(function(){var q=window.__mediakitCharts||[];window.__mediakitCharts=q;"
    "q.splice(0).forEach(function(draw){draw();});})();\n"
)


def loader_html() -> str:
    """The output :func:`setup` displays: the inlined JavaScript, then the charts that were waiting drawn."""
    return (
        '<div class="mediakit-charts-loader" hidden></div>\n'
        f'<script type="module">\n{javascript_bundle()}{_DRAIN}</script>'
    )


def static_svg(spec: dict[str, Any]) -> str:
    """The chart as SVG, drawn by vl-convert (no browser, no network)."""
    import vl_convert as vlc

    return str(vlc.vegalite_to_svg(spec, vl_version=vl_version()))


def static_png(spec: dict[str, Any], *, scale: float = 1.0, ppi: float | None = None) -> bytes:
    """The chart as PNG, drawn by vl-convert. ``scale`` multiplies the pixels; ``ppi`` sets the
    resolution written in the file (and scales the pixels by ``ppi / 72``)."""
    import vl_convert as vlc

    kwargs: dict[str, Any] = {"scale": scale}
    if ppi is not None:
        kwargs["ppi"] = ppi
    return bytes(vlc.vegalite_to_png(spec, vl_version=vl_version(), **kwargs))


def chart_title(spec: dict[str, Any]) -> str:
    """The chart's title text (for alt text and descriptions), or ``"chart"``."""
    t = spec.get("title")
    if isinstance(t, dict):
        t = t.get("text")
    if isinstance(t, list):
        t = " ".join(str(x) for x in t)
    return str(t) if t else "chart"


def chart_html(spec: dict[str, Any], *, svg: str | None, include_loader: bool = False) -> str:
    """The HTML of one chart: the static image, the script that swaps in the interactive view, and
    (``include_loader``) the JavaScript bundle itself."""
    box_id = "mediakit-chart-" + uuid.uuid4().hex[:12]
    label = html.escape(chart_title(spec), quote=True)
    if svg is not None:
        data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
        static = (f'<img class="mediakit-static" alt="{label}" '
                  f'src="data:image/svg+xml;base64,{data}" style="max-width:100%;height:auto">')
    else:
        static = f'<p class="mediakit-static">[{label}: no static image could be drawn]</p>'
    script = (
        "<script>(function(){"
        f'var me=document.currentScript,id="{box_id}",spec={script_json(spec)},opts={script_json(EMBED_OPTIONS)};'
        "var box=(me&&me.previousElementSibling&&me.previousElementSibling.id===id)?me.previousElementSibling:null;"
        "function draw(){"
        "var b=box||document.getElementById(id);if(!b){return;}"
        "var view=b.querySelector('.mediakit-view');"
        "window.vegaEmbed(view,spec,opts).then(function(){"
        "var img=b.querySelector('.mediakit-static');if(img){img.remove();}"
        "}).catch(function(err){view.textContent='';"
        "console.warn('mediakit: the interactive chart could not be drawn; the static image stays.',err);});}"
        "if(window.vegaEmbed){draw();}"
        "else{(window.__mediakitCharts=window.__mediakitCharts||[]).push(draw);}"
        "})();</script>"
    )
    out = f'<div class="mediakit-chart" id="{box_id}"><div class="mediakit-view"></div>{static}</div>{script}'
    if include_loader:
        out += "\n" + loader_html()
    return out


def mimebundle(spec: dict[str, Any], *, png: bool = True, include_loader: bool = False) -> dict[str, Any]:
    """The MIME bundle of one chart (see the module docstring)."""
    try:
        svg: str | None = static_svg(spec)
    except Exception:  # an invalid spec: the interactive view will show vega's own error
        svg = None
    bundle: dict[str, Any] = {
        "text/html": chart_html(spec, svg=svg, include_loader=include_loader),
        "text/plain": f"<mediakit chart: {chart_title(spec)}>",
    }
    if png and svg is not None:  # at screen resolution: it is a fallback, and notebooks should stay small
        bundle["image/png"] = base64.b64encode(static_png(spec)).decode("ascii")
    return bundle


def _render(spec: dict[str, Any], png: bool = True, **_: Any) -> dict[str, Any]:
    """The altair renderer ``"mediakit"``."""
    include = not _STATE.loader_shown
    _STATE.loader_shown = True
    return mimebundle(spec, png=png, include_loader=include)


def _in_kernel() -> bool:
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with ipykernel
        return False
    ip = get_ipython()
    return ip is not None and getattr(ip, "kernel", None) is not None


def setup(*, png: bool = True, theme: bool = True) -> None:
    """Call once at the top of a notebook: charts then draw with no network, in every viewer.

    Enables the ``mediakit`` theme (``theme=False`` keeps the current one) and the ``mediakit``
    renderer, and, in a notebook, displays the chart JavaScript once (an invisible output). Each chart
    is then an interactive view where scripts run (live JupyterLab and Notebook 7, nbconvert's HTML
    export, nbviewer) over a static SVG image that stays where they do not (a notebook opened untrusted
    in JupyterLab, viewers that strip scripts); ``png=False`` leaves out the extra PNG copy used by
    PDF export.
    """
    if theme:
        use_theme()
    alt.renderers.register(RENDERER, _render)
    alt.renderers.enable(RENDERER, png=png)
    _STATE.loader_shown = False
    if _in_kernel():
        from IPython.display import display

        display({"text/html": loader_html(), "text/plain": ""}, raw=True)
        _STATE.loader_shown = True
