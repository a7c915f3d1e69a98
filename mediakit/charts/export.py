"""Saving charts and the tables behind them, offline (vl-convert draws; nothing is fetched).

:func:`save` picks the format from the file's suffix: ``.png``, ``.svg``, ``.pdf``, ``.html`` (one
self-contained page: the JavaScript inlined, and the static SVG shown until it runs or if it never
does) or ``.json`` (the Vega-Lite spec). A preset sizes the chart for where it goes:

``"report"``
    a print column (6.3 in, 453 pt wide), 9-12 pt type, PNG at 300 dpi;
``"slide"``
    16:9 (1280 x 720, PNG at 1920 x 1080), large type for the back of the room.

:func:`save_table` writes the tidy table beside a chart (``chart.data``) as ``.csv``, ``.parquet`` or
``.xlsx`` (Excel needs the ``xlsxwriter`` package, a mediakit dependency).

Charts are saved in the theme in force; when that is altair's ``"default"``, in the ``mediakit`` theme.
"""

from __future__ import annotations

import copy
import html
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import altair as alt

from ..errors import ChartError
from .render import chart_html, chart_title, static_png, static_svg, vl_version
from .theme import active_theme, enable_theme, use_theme

__all__ = ["CHART_SUFFIXES", "PRESETS", "TABLE_SUFFIXES", "Preset", "chart_spec", "html_page", "save", "save_table"]

CHART_SUFFIXES = (".png", ".svg", ".pdf", ".html", ".json")
TABLE_SUFFIXES = (".csv", ".parquet", ".xlsx")


@dataclass(frozen=True)
class Preset:
    """Where a chart goes: its overall size (points), type sizes and PNG resolution."""

    width: int
    height: int | None
    config: dict[str, Any] = field(default_factory=dict)
    png_scale: float = 2.0
    png_ppi: float | None = None
    label_room: int = 200  # room left for axis labels and the legend beside the plot (points)


def _type(title: int, subtitle: int, label: int, step: int) -> dict[str, Any]:
    return {
        "title": {"fontSize": title, "subtitleFontSize": subtitle},
        "axis": {"labelFontSize": label, "titleFontSize": label},
        "legend": {"labelFontSize": label, "titleFontSize": label, "symbolSize": label * label * 0.8},
        "header": {"labelFontSize": label, "titleFontSize": label + 1},
        "text": {"fontSize": label},
        "view": {"step": step},
    }


PRESETS: dict[str, Preset] = {
    "report": Preset(width=453, height=None, config=_type(12, 9, 9, 14), png_scale=1.0, png_ppi=300, label_room=150),
    "slide": Preset(width=1280, height=720, config=_type(32, 20, 20, 40), png_scale=1.5, label_room=330),
}


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for k, v in extra.items():
        out[k] = _merge(out[k], v) if isinstance(v, dict) and isinstance(out.get(k), dict) else v
    return out


def chart_spec(chart: alt.TopLevelMixin | dict[str, Any], preset: str | None = None) -> dict[str, Any]:
    """The Vega-Lite spec of ``chart`` (theme applied) with ``preset``'s sizes, as :func:`save` writes it."""
    if isinstance(chart, dict):
        spec = copy.deepcopy(chart)
    elif active_theme() == "default":
        use_theme()
        try:
            spec = chart.to_dict()
        finally:
            enable_theme("default")
    else:
        spec = chart.to_dict()
    if preset is None:
        return spec
    if preset not in PRESETS:
        raise ChartError(f"unknown preset {preset!r}: use one of {', '.join(map(repr, PRESETS))} or None")
    p = PRESETS[preset]
    spec["config"] = _merge(spec.get("config", {}), p.config)
    _size(spec, p)
    return spec


def _size(spec: dict[str, Any], p: Preset) -> None:
    """Fit a single view to the preset's box; give each panel of a facet or concatenation its share."""
    if "mark" in spec or "layer" in spec:
        spec["width"] = p.width
        if p.height is not None and "height" not in spec:  # a height the builder chose (a strip) stays
            spec["height"] = p.height
        spec["autosize"] = {"type": "fit-x" if p.height is None else "fit", "contains": "padding"}
        return
    panels = _panels(spec)
    inner = [spec["spec"]] if "spec" in spec else list(spec.get("hconcat", [])) or list(spec.get("vconcat", []))
    width = max(80, (p.width - p.label_room) // max(1, panels))
    for sub in inner:
        if isinstance(sub, dict):
            sub["width"] = width
            if p.height is not None and "height" not in sub:
                sub["height"] = max(80, p.height - 200)


def _panels(spec: dict[str, Any]) -> int:
    if "hconcat" in spec:
        return len(spec["hconcat"])
    facet = spec.get("facet")
    if isinstance(facet, dict) and "column" in facet:
        fld = facet["column"].get("field")
        rows = _values(spec)
        return len({r.get(fld) for r in rows}) if fld and rows else 1
    return 1


def _values(spec: dict[str, Any]) -> list[dict[str, Any]]:
    data = spec.get("data", {})
    if "values" in data:
        return list(data["values"])
    name = data.get("name")
    return list(spec.get("datasets", {}).get(name, [])) if name else []


def html_page(spec: dict[str, Any]) -> str:
    """One self-contained HTML page: the static SVG, replaced by the interactive view when scripts run.

    (vl-convert's own ``vegalite_to_html`` writes the spec into a ``<script>`` unescaped, so text such
    as ``</script>`` in the data would break out of it; this page escapes it.)
    """
    name = html.escape(chart_title(spec))
    try:
        svg: str | None = static_svg(spec)
    except Exception:
        svg = None
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<title>{name}</title>\n"
        "<style>body{margin:16px;font-family:'Liberation Sans',Arial,sans-serif}</style>\n"
        "</head>\n<body>\n"
        f"{chart_html(spec, svg=svg, include_loader=True)}\n"
        "</body>\n</html>\n"
    )


def save(chart: alt.TopLevelMixin | dict[str, Any], path: str | Path, preset: str | None = None) -> Path:
    """Write ``chart`` to ``path`` in the format its suffix names (see the module docstring); returns the path.

    >>> import tempfile, polars as pl
    >>> chart = alt.Chart(pl.DataFrame({"x": ["a", "b"], "n": [1, 2]})).mark_bar().encode(x="x", y="n")
    >>> save(chart, Path(tempfile.mkdtemp()) / "x.json").suffix
    '.json'
    >>> save(chart, "x.gif")
    Traceback (most recent call last):
    ...
    mediakit.errors.ChartError: cannot save a chart as '.gif' (x.gif): use .png, .svg, .pdf, .html or .json
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in CHART_SUFFIXES:
        accepted = ", ".join(CHART_SUFFIXES[:-1]) + " or " + CHART_SUFFIXES[-1]
        raise ChartError(f"cannot save a chart as {suffix or 'a file without suffix'!r} ({path}): use {accepted}")
    spec = chart_spec(chart, preset)
    p = PRESETS.get(preset) if preset else None
    if suffix == ".json":
        import json

        path.write_text(json.dumps(spec, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    elif suffix == ".svg":
        path.write_text(static_svg(spec), encoding="utf-8")
    elif suffix == ".png":
        path.write_bytes(static_png(spec, scale=p.png_scale if p else 2.0, ppi=p.png_ppi if p else None))
    elif suffix == ".pdf":
        import vl_convert as vlc

        path.write_bytes(bytes(vlc.vegalite_to_pdf(spec, vl_version=vl_version())))
    else:
        path.write_text(html_page(spec), encoding="utf-8")
    return path


def save_table(table: Any, path: str | Path) -> Path:
    """Write a table (a polars or pandas DataFrame, e.g. ``chart.data``) as ``.csv``, ``.parquet`` or ``.xlsx``.

    List columns are joined with ``"; "`` for CSV and Excel, which hold one value per cell.

    >>> import tempfile, polars as pl
    >>> out = save_table(pl.DataFrame({"speaker": ["Ortiz"], "quotes": [2]}), Path(tempfile.mkdtemp()) / "t.csv")
    >>> out.read_text()
    'speaker,quotes\\nOrtiz,2\\n'
    """
    import polars as pl

    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in TABLE_SUFFIXES:
        accepted = ", ".join(TABLE_SUFFIXES[:-1]) + " or " + TABLE_SUFFIXES[-1]
        raise ChartError(f"cannot save a table as {suffix or 'a file without suffix'!r} ({path}): use {accepted}")
    if isinstance(table, pl.DataFrame):
        df = table
    elif hasattr(table, "to_dict") and hasattr(table, "columns"):  # pandas
        df = pl.from_pandas(table)
    else:
        raise ChartError(f"save_table needs a polars or pandas DataFrame, not {type(table).__name__}")
    if suffix == ".parquet":
        df.write_parquet(path)
        return path
    lists = [n for n, t in df.schema.items() if isinstance(t, pl.List)]
    if lists:
        df = df.with_columns(pl.col(n).cast(pl.List(pl.Utf8)).list.join("; ") for n in lists)
    if suffix == ".csv":
        df.write_csv(path)
    else:
        try:
            df.write_excel(path, autofit=True)
        except ModuleNotFoundError as err:  # pragma: no cover - xlsxwriter is a dependency
            raise ChartError("saving .xlsx needs the xlsxwriter package: pip install xlsxwriter") from err
    return path
