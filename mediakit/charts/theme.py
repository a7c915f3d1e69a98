"""The mediakit chart theme, the shared colour scale, axis helpers and the source line.

* :func:`use_theme` registers and enables the altair theme ``"mediakit"`` (one call; :func:`mediakit.charts.setup`
  makes it): type sized to stay legible on a slide and in print, titles and a grey source line anchored
  top left, light grids, and a colour-blind-safe categorical palette (:data:`PALETTE`).
* :class:`ColourScale` gives one colour per actor (or category) across every chart of a notebook or report:
  build it once per analysis or corpus and pass it to every builder (``colours=``). Its order is
  deterministic (by frequency, most frequent first, ties by name); values past the palette's
  :data:`PALETTE` colours are grouped as ``"other"`` rather than given a repeated colour.
* :func:`count_axis` and :func:`percent_axis` are the axes for counts (integer ticks only) and shares.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import altair as alt

if TYPE_CHECKING:
    from ..analysis import Analysis

__all__ = [
    "FONT", "NEUTRAL", "NO_QUOTE", "NO_SPEAKER", "OTHER", "PALETTE", "ColourScale", "count_axis", "count_ticks",
    "percent_axis", "source_line", "theme_config", "title", "use_theme",
]

#: Okabe-Ito's eight colours (distinguishable with the common colour-vision deficiencies), then a second
#: tier from Paul Tol's "muted" scheme chosen to stay apart from the first. No colour repeats.
PALETTE: tuple[str, ...] = (
    "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000",
    "#332288", "#882255", "#999933", "#CC6677", "#44AA99", "#AA4499",
)

OTHER = "other"
NO_SPEAKER = "(no speaker)"
NO_QUOTE = "(no quote)"

#: Values that are not actors or categories get fixed greys and never take a palette colour.
NEUTRAL: dict[str, str] = {
    NO_SPEAKER: "#7A7A7A",
    "unmapped": "#B0B0B0",
    OTHER: "#C8C8C8",
    NO_QUOTE: "#EDEDED",
}

#: Fonts: Liberation Sans is metric-compatible with Arial and ships with Debian, so static images made
#: by vl-convert have the same text widths as the interactive view in a browser.
FONT = "Liberation Sans, Arial, Helvetica, sans-serif"

_INK = "#222222"
_MUTED = "#555555"


def theme_config() -> dict[str, Any]:
    """The theme as a Vega-Lite ``config`` (what :func:`use_theme` registers)."""
    return {
        "config": {
            "font": FONT,
            "background": "white",
            "padding": 8,
            "view": {"continuousWidth": 480, "continuousHeight": 300, "step": 22, "stroke": None},
            "title": {
                "anchor": "start", "fontSize": 16, "fontWeight": "bold", "color": _INK, "offset": 12,
                "subtitleFontSize": 12, "subtitleColor": _MUTED, "subtitlePadding": 4,
            },
            "axis": {
                "labelFontSize": 12, "titleFontSize": 12, "titleFontWeight": "normal", "labelColor": _INK,
                "titleColor": _INK, "labelLimit": 260, "gridColor": "#E4E4E4", "domainColor": "#888888",
                "tickColor": "#888888", "titlePadding": 8,
            },
            "axisBand": {"grid": False, "ticks": False, "domain": False},
            "legend": {
                "labelFontSize": 12, "titleFontSize": 12, "titleFontWeight": "normal", "labelLimit": 260,
                "symbolType": "square", "symbolSize": 120, "labelColor": _INK, "titleColor": _INK,
            },
            "header": {"labelFontSize": 12, "titleFontSize": 13, "labelColor": _INK, "titleColor": _INK},
            "text": {"fontSize": 12, "color": _INK},
            "range": {"category": list(PALETTE)},
            "bar": {"cornerRadiusEnd": 1},
        }
    }


def use_theme() -> str:
    """Register the altair theme ``"mediakit"`` (once) and enable it; returns its name.

    >>> use_theme()
    'mediakit'
    """
    if hasattr(alt, "theme") and hasattr(alt.theme, "register"):  # altair 5.5 and later
        if "mediakit" not in alt.theme.names():
            alt.theme.register("mediakit", enable=False)(_theme_plugin)
    else:  # pragma: no cover - altair 5.4
        alt.themes.register("mediakit", theme_config)
    enable_theme("mediakit")
    return "mediakit"


def _theme_plugin() -> Any:
    return alt.theme.ThemeConfig(theme_config())  # type: ignore[typeddict-item]


def enable_theme(name: str) -> None:
    """Enable the altair theme ``name`` (any altair version)."""
    if hasattr(alt, "theme") and hasattr(alt.theme, "enable"):
        alt.theme.enable(name)
    else:  # pragma: no cover - altair 5.4
        alt.themes.enable(name)


def active_theme() -> str:
    """The name of the altair theme in force."""
    if hasattr(alt, "theme") and hasattr(alt.theme, "active"):
        return str(alt.theme.active)
    return str(alt.themes.active)  # pragma: no cover - altair 5.4


def count_axis(title: str | None = None, *, max_value: int | None = None, **kwargs: Any) -> alt.Axis:
    """An axis for counts: ticks, labels and grid lines at whole numbers only, formatted as integers.

    Vega's ``tickMinStep=1`` alone still lets a short domain (0 to 2) get ticks every 0.5, so: given
    ``max_value`` (the largest count drawn), the tick values are listed (0, then a step of 1, 2, 5, 10...
    giving at most 8 ticks); without it, any fractional tick is made invisible.

    >>> count_axis("quotes", max_value=2).to_dict()["values"]
    [0, 1, 2]
    >>> count_axis(max_value=37).to_dict()["values"]
    [0, 5, 10, 15, 20, 25, 30, 35, 40]
    """
    if max_value is not None and "values" not in kwargs:
        kwargs["values"] = count_ticks(max_value)
    whole = "datum.value % 1 == 0"
    kwargs.setdefault("labelExpr", f"{whole} ? format(datum.value, 'd') : ''")
    kwargs.setdefault("tickOpacity", alt.condition(whole, alt.value(1), alt.value(0)))
    kwargs.setdefault("gridOpacity", alt.condition(whole, alt.value(1), alt.value(0)))
    return alt.Axis(title=title, format="d", tickMinStep=1, **kwargs)


def count_ticks(max_value: float, most: int = 8) -> list[int]:
    """Whole-number tick values from 0 to at least ``max_value``, a step of 1, 2, 5, 10, 20, 50...
    chosen so that there are at most ``most`` steps.

    >>> count_ticks(2), count_ticks(9)
    ([0, 1, 2], [0, 2, 4, 6, 8, 10])
    """
    top = max(1, math.ceil(max_value))
    base = 1
    while True:
        for m in (1, 2, 5):
            step = m * base
            if math.ceil(top / step) <= most:
                return list(range(0, math.ceil(top / step) * step + 1, step))
        base *= 10


def percent_axis(title: str | None = None, **kwargs: Any) -> alt.Axis:
    """An axis for shares between 0 and 1, labelled as percentages."""
    kwargs.setdefault("tickCount", 5)
    kwargs.setdefault("labelFlush", False)  # a flush last label ("30%") would run into the one before
    return alt.Axis(title=title, format="%", **kwargs)


class ColourScale:
    """One colour per value (actor, speaker or category), the same in every chart that is given it.

    ``values`` is either a mapping of value -> frequency, or an iterable of values (each occurrence
    counts once; ``None`` is skipped). The most frequent values get the :data:`PALETTE` colours in order
    (ties broken by name); the rest are grouped as ``"other"`` (one grey) rather than given a colour
    that another value already has. The values in :data:`NEUTRAL` (``"(no speaker)"``, ``"unmapped"``...)
    always get their fixed greys.

    >>> cs = ColourScale(["Ortiz", "Lorne", "Ortiz", None, "(no speaker)"])
    >>> cs.domain, cs.colour("Ortiz"), cs.colour("(no speaker)")
    (['Ortiz', 'Lorne', '(no speaker)'], '#E69F00', '#7A7A7A')
    >>> small = ColourScale({"a": 3, "b": 2, "c": 1}, max_colours=2)
    >>> small.domain, small.group("c")
    (['a', 'b', 'other'], 'other')
    """

    def __init__(self, values: Mapping[str, int] | Iterable[str | None], *, max_colours: int | None = None) -> None:
        if isinstance(values, Mapping):
            counts: Counter[str] = Counter({str(k): int(v) for k, v in values.items() if k is not None})
        else:
            counts = Counter(str(v) for v in values if v is not None)
        limit = len(PALETTE) if max_colours is None else max(0, min(max_colours, len(PALETTE)))
        ranked = sorted((v for v in counts if v not in NEUTRAL), key=lambda v: (-counts[v], v))
        self.counts = counts
        self.named: list[str] = ranked[:limit]
        self.grouped: list[str] = ranked[limit:]
        specials = [v for v in NEUTRAL if v in counts and v != OTHER]
        if self.grouped or OTHER in counts:
            specials.append(OTHER)
        self.domain: list[str] = self.named + specials
        self.range: list[str] = list(PALETTE[: len(self.named)]) + [NEUTRAL[v] for v in specials]
        self._colour = dict(zip(self.domain, self.range, strict=True))

    @classmethod
    def from_analyses(cls, analyses: Analysis | Sequence[Analysis], *, max_colours: int | None = None) -> ColourScale:
        """The actors of ``analyses``, ranked by mentions plus quotes (so speakers come first), then name.

        Every builder makes this scale when it is not given one, so charts of the same analyses agree
        even then; build it once and pass it (``colours=``) when charts show different selections.
        """
        counts: Counter[str] = Counter()
        for an in _as_list(analyses):
            for actor in an.actors:
                counts[actor.name] += len(actor.mentions)
            for q in an.quotes:
                counts[q.speaker if q.speaker is not None else NO_SPEAKER] += 1
        return cls(counts, max_colours=max_colours)

    def group(self, value: str | None) -> str:
        """The legend entry ``value`` is drawn as: itself, a neutral value, or ``"other"``."""
        if value is None:
            return NO_SPEAKER
        if value in NEUTRAL or value in self._colour:
            return value
        return OTHER

    def colour(self, value: str | None) -> str:
        """The colour of ``value`` (grey for grouped and unknown values)."""
        g = self.group(value)
        return self._colour.get(g) or NEUTRAL[g]

    def scale(self, **kwargs: Any) -> alt.Scale:
        """The altair scale: the full domain and its colours, identical in every chart."""
        domain = list(self.domain)
        range_ = list(self.range)
        for v in NEUTRAL:  # a neutral value a chart shows but the scale was not built with
            if v not in domain:
                domain.append(v)
                range_.append(NEUTRAL[v])
        return alt.Scale(domain=domain, range=range_, **kwargs)

    def as_dict(self) -> dict[str, str]:
        """Value -> colour, in legend order."""
        return dict(self._colour)

    def __contains__(self, value: object) -> bool:
        return value in self._colour

    def __repr__(self) -> str:
        more = f", {len(self.grouped)} grouped as 'other'" if self.grouped else ""
        return f"ColourScale({len(self.named)} colours{more})"


def _as_list(analyses: Analysis | Sequence[Analysis]) -> list[Analysis]:
    from ..analysis import Analysis

    if isinstance(analyses, Analysis):
        return [analyses]
    return list(analyses)


def source_line(analyses: Analysis | Sequence[Analysis]) -> str:
    """The source caption: which articles (outlet, or the article id) and which dates.

    >>> from mediakit.model import Article
    >>> from mediakit.analysis import Analysis
    >>> source_line(Analysis(Article("x", id="a1", outlet="The Courier", date="2026-03-18T09:00")))
    'Source: The Courier, 2026-03-18'
    >>> source_line([Analysis(Article("x", id=f"a{i}", date=d)) for i, d in enumerate(["2026-03-02", "2026-03-18"])])
    'Source: 2 articles, 2026-03-02 to 2026-03-18'
    """
    items = _as_list(analyses)
    outlets = sorted({a.article.outlet for a in items if a.article.outlet})
    dates = sorted({a.article.date[:10] for a in items if a.article.date})
    if len(items) == 1:
        what = outlets[0] if outlets else (items[0].doc or "one article")
    else:
        what = articles_from(len(items), outlets)
    when = "" if not dates else (dates[0] if dates[0] == dates[-1] else f"{dates[0]} to {dates[-1]}")
    return "Source: " + what + (f", {when}" if when else "")


def articles_from(n: int, outlets: list[str]) -> str:
    """``"12 articles from Courier, Lantern"``: the count and the outlets (named up to three, else counted)."""
    what = f"{n} article{'s' if n != 1 else ''}"
    if len(outlets) == 1:
        return what + f" from {outlets[0]}"
    if 1 < len(outlets) <= 3:
        return what + " from " + ", ".join(outlets)
    return what + (f" from {len(outlets)} outlets" if outlets else "")


def title(text: str, source: str | None) -> alt.TitleParams:
    """A chart title with the source line under it (both anchored top left by the theme)."""
    if source:
        return alt.TitleParams(text=text, subtitle=[source])
    return alt.TitleParams(text=text)
