"""What every mediakit widget shares: anywidget, one ES module per widget, a static HTML fallback.

A widget's front end is one ES module in ``mediakit/widgets/js/`` (``render({model, el})``), read once and
sent as the widget's ``_esm``; anywidget loads it in JupyterLab, Notebook 7 and VS Code alike. Each widget
also answers ``_repr_html_`` and puts the same escaped HTML in its MIME bundle beside the widget view, so
that a viewer with no widget manager (an exported notebook, GitHub) shows something.
"""

from __future__ import annotations

from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from ..errors import EngineError

try:
    import anywidget
except ImportError as err:  # pragma: no cover - anywidget is in the notebooks and dev extras
    raise EngineError(
        "mediakit.widgets needs the anywidget package: pip install 'mediakit[notebooks]' (or pip install anywidget)"
    ) from err

__all__ = ["MediakitWidget", "esm", "shared_css"]

JS_DIR = Path(__file__).resolve().parent / "js"


@cache
def esm(name: str) -> str:
    """The ES module of one widget (``js/<name>.js``)."""
    path = JS_DIR / f"{name}.js"
    try:
        return path.read_text(encoding="utf-8")
    except OSError as err:
        raise EngineError(f"the widget's JavaScript is missing ({path}); reinstall mediakit") from err


@lru_cache(maxsize=1)
def shared_css() -> str:
    """The widgets' style sheet (``js/widgets.css``): colours from JupyterLab's theme variables where set."""
    path = JS_DIR / "widgets.css"
    try:
        return path.read_text(encoding="utf-8")
    except OSError as err:
        raise EngineError(f"the widgets' style sheet is missing ({path}); reinstall mediakit") from err


class MediakitWidget(anywidget.AnyWidget):  # type: ignore[misc]
    """An anywidget with a static, escaped HTML fallback (:meth:`fallback_html`)."""

    def fallback_html(self) -> str:  # pragma: no cover - every widget defines it
        raise NotImplementedError

    def _repr_html_(self) -> str:
        return self.fallback_html()

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        out = super()._repr_mimebundle_(**kwargs)
        if out is None:  # pragma: no cover - a widget without a view
            return None
        data, meta = out
        return {**data, "text/html": self.fallback_html()}, meta
