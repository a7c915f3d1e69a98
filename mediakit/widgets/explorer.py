"""``CorpusExplorer``: filters over a corpus driving a share-of-voice chart and the table behind it.

The filters choose **articles** (outlets, a date range, articles naming an actor) and, with a codebook
category, **quotes** (only quotes by speakers of that category). The chart and the table are
:func:`mediakit.measures.share_of_voice` of what the filters keep, grouped by speaker, codebook
category, speaker type or outlet. Everything is computed in Python; the widget draws the Vega-Lite
chart with the Vega JavaScript sent inline (no CDN) and the table as text.
"""

from __future__ import annotations

import base64
import datetime as dt
from dataclasses import dataclass
from typing import Any

import altair as alt
import polars as pl
import traitlets

from ..charts.export import chart_spec
from ..charts.render import EMBED_OPTIONS, javascript_bundle, static_svg
from ..charts.theme import NO_SPEAKER, ColourScale, articles_from, percent_axis, title
from ..errors import MediakitError
from ..measures import Tables, share_of_voice
from ..measures._base import as_tables
from .base import MediakitWidget, esm, shared_css
from .text import escape

__all__ = ["BY", "CorpusExplorer", "Filters", "corpus_tables", "explorer_options", "filter_tables", "voice_chart"]

#: What the chart can group quotes by, with the chart's title for each.
BY: dict[str, str] = {
    "speaker": "Who gets to speak",
    "category": "Which codebook categories get to speak",
    "speaker_type": "What kinds of speaker get to speak",
    "outlet": "Where the quotes are",
}
#: How a null group is shown (a quote with no speaker, a speaker with no category...).
NULL_LABEL = {"speaker": NO_SPEAKER, "speaker_type": NO_SPEAKER, "category": "unmapped", "outlet": "(no outlet)"}


@dataclass(frozen=True)
class Filters:
    """What the explorer keeps. Empty values keep everything.

    ``outlets``: articles from these outlets; ``date_from``/``date_to``: articles dated in the range,
    inclusive, ISO ``YYYY-MM-DD`` (an article without a date is left out once either is set); ``actor``:
    articles that mention the actor or quote them (canonical name, exact); ``category``: quotes whose
    speaker has this codebook category.
    """

    outlets: tuple[str, ...] = ()
    date_from: str = ""
    date_to: str = ""
    actor: str = ""
    category: str = ""


def _with(frame: pl.DataFrame, name: str, dtype: Any = pl.Utf8) -> pl.DataFrame:
    return frame if name in frame.columns else frame.with_columns(pl.lit(None, dtype=dtype).alias(name))


def corpus_tables(corpus: Any) -> Tables:
    """The four tables of ``corpus`` in memory (polars DataFrames), with the columns the explorer reads."""
    from ..datasets import Corpus as GoldCorpus

    if isinstance(corpus, GoldCorpus):
        raise MediakitError(
            "CorpusExplorer needs analysed tables: load_corpus() holds the gold key only; use "
            "mediakit.datasets.teaching_corpus(), open_corpus(folder) or Tables.from_analyses(analyses)"
        )
    t = as_tables(corpus)
    arts = t.articles.collect()
    if "doc" not in arts.columns:
        raise MediakitError("the corpus's articles table has no 'doc' column (see docs/schema.md)")
    for name in ("status", "outlet", "date", "title"):
        arts = _with(arts, name)
    arts = arts.with_columns(pl.col("date").cast(pl.Utf8))
    quotes = t.quotes.collect()
    for name in ("doc", "text", "speaker", "speaker_type"):
        quotes = _with(quotes, name)
    actors = t.actors.collect()
    for name in ("doc", "name", "type", "category"):
        actors = _with(actors, name)
    mentions = t.mentions.collect()
    for name in ("doc", "actor"):
        mentions = _with(mentions, name)
    return Tables(arts, quotes, actors, mentions)


def _ok(arts: pl.DataFrame) -> pl.DataFrame:
    return arts.filter(pl.col("status").is_null() | (pl.col("status") == "ok"))


def _day(value: str, what: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        raise MediakitError(f"{what} must be a date as YYYY-MM-DD, not {value!r}") from None


def explorer_options(t: Tables) -> dict[str, Any]:
    """The filters' choices: outlets, first and last date, actors (mentioned or quoted), categories, groupings."""
    arts = _ok(t.articles)  # type: ignore[arg-type]
    days = arts["date"].drop_nulls().str.slice(0, 10).str.to_date("%Y-%m-%d", strict=False).drop_nulls()
    names = set(t.mentions["actor"].drop_nulls().to_list()) | set(t.quotes["speaker"].drop_nulls().to_list())  # type: ignore[index]
    return {
        "outlets": sorted(set(arts["outlet"].drop_nulls().to_list())),
        "date_min": days.min().isoformat() if days.len() else "",  # type: ignore[union-attr]
        "date_max": days.max().isoformat() if days.len() else "",  # type: ignore[union-attr]
        "actors": sorted(names),
        "categories": sorted(set(t.actors["category"].drop_nulls().to_list())),  # type: ignore[index]
        "by": [{"value": k, "label": k.replace("_", " ")} for k in BY],
    }


def _speaker_category(t: Tables) -> pl.DataFrame:
    acts = (t.actors.select("doc", "name", "type", "category")  # type: ignore[union-attr]
            .unique(subset=["doc", "name", "type"], keep="first", maintain_order=True))
    return t.quotes.join(acts, left_on=["doc", "speaker", "speaker_type"], right_on=["doc", "name", "type"],  # type: ignore[union-attr]
                         how="left")


def filter_tables(t: Tables, f: Filters) -> Tables:
    """The tables restricted to what ``f`` keeps (see :class:`Filters`); failed articles are dropped."""
    arts = _ok(t.articles)  # type: ignore[arg-type]
    if f.outlets:
        arts = arts.filter(pl.col("outlet").is_in(list(f.outlets)))
    lo, hi = _day(f.date_from, "date_from"), _day(f.date_to, "date_to")
    if lo or hi:
        day = pl.col("date").str.slice(0, 10).str.to_date("%Y-%m-%d", strict=False)
        arts = arts.filter(day.is_not_null())
        if lo:
            arts = arts.filter(day >= lo)
        if hi:
            arts = arts.filter(day <= hi)
    if f.actor:
        named = set(t.mentions.filter(pl.col("actor") == f.actor)["doc"].to_list())  # type: ignore[union-attr]
        named |= set(t.quotes.filter(pl.col("speaker") == f.actor)["doc"].to_list())  # type: ignore[union-attr]
        arts = arts.filter(pl.col("doc").is_in(sorted(named)))
    docs = arts["doc"].to_list()
    keep = pl.col("doc").is_in(docs)
    quotes = t.quotes.filter(keep)  # type: ignore[union-attr]
    if f.category:
        cats = _speaker_category(Tables(arts, quotes, t.actors, t.mentions))
        quotes = cats.filter(pl.col("category") == f.category).drop("category")
    return Tables(arts, quotes, t.actors.filter(keep), t.mentions.filter(keep))  # type: ignore[union-attr]


def _source(arts: pl.DataFrame) -> str:
    outlets = sorted(set(arts["outlet"].drop_nulls().to_list()))
    days = sorted({d[:10] for d in arts["date"].drop_nulls().to_list() if d})
    what = articles_from(arts.height, outlets)
    when = "" if not days else (days[0] if days[0] == days[-1] else f"{days[0]} to {days[-1]}")
    return "Source: " + what + (f", {when}" if when else "")


def voice_chart(table: pl.DataFrame, by: str, colours: ColourScale, *, source: str | None = None,
                top: int | None = 15) -> alt.FacetChart:
    """The share-of-voice chart of a :func:`~mediakit.measures.share_of_voice` table grouped ``by`` one
    column: each group's share of the quotes and of the quoted words, side by side, the ``top`` groups
    with the most quotes. Its ``.data`` is the table drawn: ``group``, ``colour``, ``measure``, ``count``,
    ``share``.
    """
    if by not in BY:
        raise MediakitError(f"by must be one of {', '.join(BY)}, not {by!r}")
    shown = table.head(top) if top is not None else table
    rows, order = [], []
    for r in shown.iter_rows(named=True):
        group = r[by] if r[by] is not None else NULL_LABEL[by]
        order.append(group)
        for measure, count, share in (("quotes", r["quotes"], r["quote_share"]), ("quoted words", r["words"], r["word_share"])):
            rows.append({"group": group, "colour": colours.group(group), "measure": measure, "count": count,
                         "share": share or 0.0})
    data = pl.DataFrame(rows, schema={"group": pl.Utf8, "colour": pl.Utf8, "measure": pl.Utf8, "count": pl.Int64,
                                      "share": pl.Float64})
    y = alt.Y("group:N", sort=order, title=None)
    tooltip = [alt.Tooltip("group:N", title=by.replace("_", " ")), alt.Tooltip("measure:N"),
               alt.Tooltip("count:Q", format="d"), alt.Tooltip("share:Q", format=".1%")]
    bars = alt.Chart().mark_bar().encode(
        x=alt.X("share:Q", axis=percent_axis("share")), y=y,
        color=alt.Color("colour:N", scale=colours.scale(), legend=None), tooltip=tooltip)
    labels = alt.Chart().mark_text(align="left", dx=4).encode(
        x="share:Q", y=y, text=alt.Text("share:Q", format=".0%"), tooltip=tooltip)
    more = f" (the {len(order)} with most quotes of {table.height})" if table.height > len(order) else ""
    chart = alt.layer(bars, labels, data=data).properties(width=200).facet(
        column=alt.Column("measure:N", sort=["quotes", "quoted words"], title=None,
                          header=alt.Header(labelAnchor="start", labelFontWeight="bold")))
    return chart.properties(title=title(BY[by] + more, source or None))


class CorpusExplorer(MediakitWidget):
    """Filter a corpus by outlet, date range, actor and codebook category; see who gets to speak.

    ``corpus`` is a built corpus (:func:`mediakit.open_corpus`, :func:`mediakit.datasets.teaching_corpus`),
    :class:`~mediakit.measures.Tables`, a list of analyses, or anything with ``articles``, ``quotes``,
    ``actors`` and ``mentions`` frames. The filters are traits (``outlets``, ``date_from``, ``date_to``,
    ``actor``, ``category``; see :class:`Filters`) and ``by`` is the grouping (``speaker``, ``category``,
    ``speaker_type``, ``outlet``): set them from the widget or from Python (:meth:`filter` checks the
    values). :attr:`table` is the :func:`~mediakit.measures.share_of_voice` table shown, :attr:`chart`
    the altair chart, :attr:`tables` the filtered corpus. ``colours`` (a
    :class:`~mediakit.charts.ColourScale`) colours speakers as in the notebook's other charts; other
    groupings get a scale of their own, fixed over the whole corpus so that filtering keeps colours.
    ``top`` groups are charted; the table lists all.
    """

    _esm = esm("corpus_explorer")
    _css = shared_css()
    options = traitlets.Dict().tag(sync=True)
    outlets = traitlets.List(traitlets.Unicode()).tag(sync=True)
    date_from = traitlets.Unicode("").tag(sync=True)
    date_to = traitlets.Unicode("").tag(sync=True)
    actor = traitlets.Unicode("").tag(sync=True)
    category = traitlets.Unicode("").tag(sync=True)
    by = traitlets.Unicode("speaker").tag(sync=True)
    spec = traitlets.Dict().tag(sync=True)
    embed_options = traitlets.Dict().tag(sync=True)
    columns = traitlets.List().tag(sync=True)
    rows = traitlets.List().tag(sync=True)
    summary = traitlets.Unicode("").tag(sync=True)
    error = traitlets.Unicode("").tag(sync=True)
    revision = traitlets.Int(0).tag(sync=True)
    _vega = traitlets.Unicode("").tag(sync=True)

    FILTERS = ("outlets", "date_from", "date_to", "actor", "category", "by")

    def __init__(self, corpus: Any, *, by: str = "speaker", colours: ColourScale | None = None, top: int | None = 15,
                 **filters: Any) -> None:
        if colours is not None and not isinstance(colours, ColourScale):
            raise MediakitError(f"colours= takes a mediakit.charts.ColourScale, not {type(colours).__name__}")
        unknown = sorted(set(filters) - set(self.FILTERS))
        if unknown:
            raise MediakitError(f"CorpusExplorer has no filter {unknown[0]!r}; filters: {', '.join(self.FILTERS[:-1])}")
        self._all = corpus_tables(corpus)
        self._top = top
        self._speaker_colours = colours
        self._scales: dict[str, ColourScale] = {}
        self._quiet = False
        self._table = pl.DataFrame()
        self._chart: alt.FacetChart | None = None
        self._tables = self._all
        super().__init__(options=explorer_options(self._all), embed_options=EMBED_OPTIONS, _vega=javascript_bundle())
        self.filter(by=by, **filters)
        self.observe(self._changed, names=list(self.FILTERS))

    # --- Python side --------------------------------------------------------------------------------

    def filter(self, **values: Any) -> CorpusExplorer:
        """Set several filters at once (``outlets=[...]``, ``date_from="2026-03-01"``, ``by="outlet"``...),
        checking each value against the corpus; the chart is drawn once. Returns the explorer."""
        opts = self.options
        clean: dict[str, Any] = {}
        for name, value in values.items():
            if name not in self.FILTERS:
                raise MediakitError(f"no filter {name!r}; filters: {', '.join(self.FILTERS)}")
            if name == "outlets":
                value = [value] if isinstance(value, str) else list(value or [])
                bad = [v for v in value if v not in opts["outlets"]]
                if bad:
                    raise MediakitError(f"no outlet {bad[0]!r} in the corpus; outlets: {', '.join(opts['outlets'])}")
            elif name in ("date_from", "date_to"):
                value = "" if value is None else str(value)[:10]
                _day(value, name)
            elif name == "by" and value not in BY:
                raise MediakitError(f"by must be one of {', '.join(BY)}, not {value!r}")
            elif name in ("actor", "category"):
                value = value or ""
                choices = opts["actors"] if name == "actor" else opts["categories"]
                if value and value not in choices:
                    raise MediakitError(f"no {name} {value!r} in the corpus" +
                                        ("" if choices else " (it was analysed without a codebook)"))
            clean[name] = value
        self._quiet = True
        try:
            for name, value in clean.items():
                setattr(self, name, value)
        finally:
            self._quiet = False
        self._update()
        return self

    @property
    def filters(self) -> Filters:
        """The filters in force."""
        return Filters(tuple(self.outlets), self.date_from, self.date_to, self.actor, self.category)

    @property
    def tables(self) -> Tables:
        """The corpus's tables as the filters leave them."""
        return self._tables

    @property
    def table(self) -> pl.DataFrame:
        """The share-of-voice table shown (:func:`mediakit.measures.share_of_voice`, by :attr:`by`)."""
        return self._table

    @property
    def chart(self) -> alt.FacetChart | None:
        """The chart shown (None when no quote is left)."""
        return self._chart

    def _changed(self, change: dict[str, Any]) -> None:
        if not self._quiet:
            self._update()

    def _scale(self, by: str) -> ColourScale:
        if by == "speaker" and self._speaker_colours is not None:
            return self._speaker_colours
        if by not in self._scales:
            counts = share_of_voice(self._all, by=by)
            self._scales[by] = ColourScale({(v if v is not None else NULL_LABEL[by]): n
                                            for v, n in zip(counts[by].to_list(), counts["quotes"].to_list(), strict=True)})
        return self._scales[by]

    def _update(self) -> None:
        try:
            if self.by not in BY:
                raise MediakitError(f"by must be one of {', '.join(BY)}, not {self.by!r}")
            tables = filter_tables(self._all, self.filters)
            table = share_of_voice(tables, by=self.by)
        except MediakitError as err:
            self.error = str(err)
            self.revision += 1
            return
        self._tables, self._table = tables, table
        n_arts, n_quotes = tables.articles.height, tables.quotes.height  # type: ignore[union-attr]
        self.summary = f"{n_arts} article{'s' if n_arts != 1 else ''}, {n_quotes} quote{'s' if n_quotes != 1 else ''}"
        self.columns = [{"name": c, "kind": "share" if c.endswith("_share") else "int" if c in ("quotes", "words")
                         else "text"} for c in table.columns]
        # a null group is shown as the chart shows it ("(no speaker)"); the tidy table keeps the null
        self.rows = [[NULL_LABEL[self.by] if c == self.by and v is None else v for c, v in zip(table.columns, r, strict=True)]
                     for r in table.rows()]
        if table.height:
            self._chart = voice_chart(table, self.by, self._scale(self.by), source=_source(tables.articles),  # type: ignore[arg-type]
                                      top=self._top)
            self.spec = chart_spec(self._chart)
        else:
            self._chart = None
            self.spec = {}
        self.error = ""
        self.revision += 1

    # --- static fallback ----------------------------------------------------------------------------

    def fallback_html(self) -> str:
        parts = ['<div class="mediakit-explorer-static" style="font-family:sans-serif;font-size:13px">',
                 f"<p>{escape(self.summary)}{_filters_text(self.filters)}</p>"]
        if self.spec:
            try:
                svg = static_svg(self.spec)
                data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
                parts.append(f'<img alt="{escape(BY.get(self.by, "chart"))}" src="data:image/svg+xml;base64,{data}" '
                             'style="max-width:100%;height:auto">')
            except Exception:  # noqa: BLE001 - the table below still shows the figures
                parts.append("<p>[the chart could not be drawn as an image]</p>")
        parts.append(table_html(self._table))
        parts.append("</div>")
        return "\n".join(parts)


def _filters_text(f: Filters) -> str:
    bits = []
    if f.outlets:
        bits.append("outlets: " + ", ".join(f.outlets))
    if f.date_from or f.date_to:
        bits.append(f"dates: {f.date_from or '…'} to {f.date_to or '…'}")
    if f.actor:
        bits.append(f"articles naming {f.actor}")
    if f.category:
        bits.append(f"speakers in {f.category}")
    return escape(" (" + "; ".join(bits) + ")") if bits else ""


def table_html(table: pl.DataFrame, limit: int = 200) -> str:
    """An escaped HTML table of a tidy frame (shares as percentages), at most ``limit`` rows."""
    head = "".join(f"<th style='text-align:left;padding:2px 8px'>{escape(c)}</th>" for c in table.columns)
    body = []
    for row in table.head(limit).iter_rows():
        cells = "".join(f"<td style='padding:2px 8px'>{escape(_cell(c, v))}</td>" for c, v in zip(table.columns, row, strict=True))
        body.append(f"<tr>{cells}</tr>")
    more = f"<p>({table.height - limit} more rows)</p>" if table.height > limit else ""
    return f"<table style='border-collapse:collapse'><tr>{head}</tr>{''.join(body)}</table>{more}"


def _cell(column: str, value: Any) -> str:
    if value is None:
        return "–"
    if column.endswith("_share") and isinstance(value, float):
        return f"{value:.1%}"
    return str(value)
