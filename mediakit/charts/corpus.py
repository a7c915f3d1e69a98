"""Charts across a corpus: who speaks, how speech is introduced, who gets attention over time, and where.

Every builder takes a corpus (``mediakit.open_corpus(DIR)``, :func:`mediakit.datasets.teaching_corpus`,
:class:`~mediakit.measures.Tables`, a list of analyses: anything the measures of :mod:`mediakit.measures`
take), computes one measure, aggregates it in polars (so a chart of a large corpus stays small), and returns
an altair chart whose ``.data`` is the tidy polars table it draws (one row per mark; save it with
:func:`mediakit.charts.save_table`). The conventions are those of :mod:`mediakit.charts.article`:

* one colour per actor, category or outlet in every chart: build a scale once with :func:`corpus_colours`
  and pass it (``colours=``) to each builder; without it, each builder makes the same scale from the corpus;
* rows in a fixed order: largest first, ties broken by name, so the same corpus gives the same chart;
* a title (``title=`` replaces it) and the source line under it: the corpus name (``name=``, else the
  corpus folder's name), how many articles from how many outlets, and the date range (``source=`` replaces
  the whole line, ``""`` drops it).

=============================  ==================================================================
:func:`voice_by_group`         share of quotes and quoted words by speaker, category or type,
                               overall or per outlet
:func:`speech_verbs`           how quotes are introduced (neutral, loaded, ...) per outlet or group
:func:`attention_over_time`    articles mentioning the most covered actors per period and outlet,
                               as counts or as a share of the outlet's articles
:func:`outlet_heatmap`         outlet x category (or speaker type): each group's share of the
                               outlet's quotes
:func:`anonymous_sources`      share of quotes from unnamed sources, per outlet
:func:`people_per_article`     how many people each article quotes, per outlet
:func:`actor_pairs`            actors named in the same articles (a co-occurrence matrix)
:func:`source_order`           the sources table: who is quoted, in what order, in each article
:func:`who_comes_first`        prominence: quoted first, in the headline, near the top
=============================  ==================================================================

:data:`BUILDERS` lists them with one line each (the gallery, ``docs/gallery.md``, and the report use it).

Text from articles (names, titles, outlets, categories) reaches a chart only as data: Vega draws it as
SVG text, and the interactive view's tooltips show it as text (vega-tooltip escapes HTML).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import Any

import altair as alt
import polars as pl

from ..errors import ChartError
from ..lexicon import CLASSES
from ..measures import (
    attention,
    share_of_voice,
    verb_profile,
)
from ..measures._base import Tables, articles_ok, as_tables, table
from .theme import (
    NEUTRAL,
    NO_SPEAKER,
    OTHER,
    ColourScale,
    articles_from,
    count_axis,
    count_ticks,
    percent_axis,
    title,
)

__all__ = [
    "BUILDERS", "actor_pairs", "anonymous_sources", "attention_over_time", "corpus_colours", "corpus_name",
    "corpus_source_line",
    "outlet_heatmap", "people_per_article", "source_order", "speech_verbs", "voice_by_group", "who_comes_first",
]

#: Every corpus builder and what its chart shows, in the order of the gallery and the report.
BUILDERS: dict[str, str] = {
    "voice_by_group": "Who gets to speak across the corpus: each speaker's share of the quotes and of the quoted "
                      "words (or each category's or speaker type's; per outlet with per_outlet=True).",
    "speech_verbs": "How each outlet introduces speech: the share of its quotes given with a neutral verb "
                    "(said, told) against loaded (claimed, admitted), emphatic, hedged and other verbs.",
    "attention_over_time": "Attention over time: how many articles mention the most covered actors each week "
                           "(per_outlet=True: one panel per outlet; value='share': the share of its articles).",
    "outlet_heatmap": "Outlet by category: each category's share of an outlet's quotes, one cell per pair.",
    "anonymous_sources": "How often each outlet quotes unnamed sources: the share of its quotes from anonymous "
                         "speakers.",
    "people_per_article": "How many different people each article quotes, per outlet, with the mean.",
    "actor_pairs": "Who appears together: the articles naming both actors of each pair, for the most "
                   "connected people and organisations.",
    "source_order": "The sources table as a picture: in each article, who is quoted first, second, third...",
    "who_comes_first": "Prominence: in how many articles each speaker is quoted first, in the headline, and in "
                       "the first three paragraphs.",
}

SEQUENTIAL = "blues"  # sequential scheme of the heatmaps (counts and shares), read in greyscale too
LABEL_CHARS = 40  # characters of a name shown on an axis or in a cell before an ellipsis
NO_CUE = "(no cue)"
NO_OUTLET = "(no outlet)"

#: Colours of the speech-verb classes: neutral verbs recede, loaded verbs stand out.
CUE_COLOURS: dict[str, str] = {
    "neutral": "#C9D3DC", "loaded": "#D55E00", "emphatic": "#E69F00", "hedged": "#CC79A7",
    "writing": "#56B4E9", "question": "#0072B2", "thought": "#009E73", NO_CUE: NEUTRAL[OTHER],
}


# --- shared helpers -------------------------------------------------------------------------------------

def tables_of(corpus: Any) -> Tables:
    """The corpus as Tables of LazyFrames, keeping its name for the source line."""
    if isinstance(corpus, Tables) and all(isinstance(getattr(corpus, n), pl.LazyFrame)
                                          for n in ("articles", "quotes", "actors", "mentions")):
        return corpus
    t = as_tables(corpus)
    name = corpus_name(corpus, None)
    if name:
        t.name = name  # type: ignore[attr-defined]
    return t


_CACHE_NAME = re.compile(r"teaching-[0-9a-f]{12}-[0-9a-f]{12}")


def corpus_name(corpus: Any, name: str | None = None) -> str | None:
    """The name a chart's source line gives ``corpus``: ``name`` when given (``""``: none), else the corpus's
    ``name`` attribute, else its folder's name (the teaching corpus's cache folder is "the teaching corpus").

    >>> corpus_name(Tables()) is None, corpus_name(Tables(), "Harbour study")
    (True, 'Harbour study')
    """
    if name is not None:
        return name or None
    own = getattr(corpus, "name", None)
    if isinstance(own, str) and own:
        return own
    path = getattr(corpus, "path", None)
    if path is not None and getattr(path, "name", ""):
        folder = str(path.name)
        return "the teaching corpus" if _CACHE_NAME.fullmatch(folder) else folder
    return None


def corpus_source_line(corpus: Any, name: str | None = None) -> str:
    """The source line of a corpus chart: its name, how many articles from how many outlets, the dates.

    ``name`` defaults to the corpus's ``name`` attribute or its folder's name (``""``: no name). Only
    articles whose status is ``ok`` count.

    >>> t = Tables(articles=pl.DataFrame({"doc": ["a", "b"], "outlet": ["Courier", "Lantern"],
    ...                                   "date": ["2026-03-02", "2026-03-18"]}))
    >>> corpus_source_line(t, name="Harbour study")
    'Source: Harbour study, 2 articles from Courier, Lantern, 2026-03-02 to 2026-03-18'
    """
    t = tables_of(corpus)
    arts = articles_ok(t, ["outlet", "date"], measure="corpus_source_line").collect()
    outlets = sorted({o for o in arts["outlet"].to_list() if o})
    dates = arts["date"].drop_nulls()
    n = arts.height
    what = articles_from(n, outlets)
    when = ""
    if dates.len():
        lo, hi = dates.min(), dates.max()
        when = str(lo) if lo == hi else f"{lo} to {hi}"
    label = corpus_name(corpus, name)
    return "Source: " + ", ".join(p for p in (label, what, when) if p)


def titled(chart: Any, default: str, corpus: Any, text: str | None, source: str | None, name: str | None) -> Any:
    src = corpus_source_line(corpus, name) if source is None else source
    return chart.properties(title=title(text or default, src or None))


def short_label(text: str, limit: int = LABEL_CHARS) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def no_data(message: str) -> ChartError:
    return ChartError(f"nothing to chart: {message}")


def corpus_colours(corpus: Any, by: str = "speaker", *, max_colours: int | None = None) -> ColourScale:
    """One :class:`~mediakit.charts.ColourScale` for every chart of a corpus: pass it as ``colours=``.

    ``by`` is ``"speaker"`` (actors ranked by quotes plus mentions, as
    :meth:`ColourScale.from_analyses` does; quotes with no speaker are ``"(no speaker)"``), ``"category"``
    (codebook categories, ranked the same way; actors no rule matched are ``"unmapped"``), ``"type"``
    (actor types) or ``"outlet"`` (outlets ranked by articles). Ties are broken by name.

    >>> t = Tables(articles=pl.DataFrame({"doc": ["a", "b", "c"], "outlet": ["Lantern", "Courier", "Lantern"]}))
    >>> corpus_colours(t, "outlet").domain
    ['Lantern', 'Courier']
    """
    t = tables_of(corpus)
    if by == "outlet":
        arts = articles_ok(t, ["outlet"], measure="corpus_colours").select(pl.col("outlet").fill_null(NO_OUTLET))
        counts = arts.group_by("outlet").len().collect().rows()
        return ColourScale({k: v for k, v in counts}, max_colours=max_colours)
    column = {"speaker": "name", "category": "category", "type": "type"}.get(by)
    if column is None:
        raise ChartError(f"corpus_colours: by must be 'speaker', 'category', 'type' or 'outlet', not {by!r}")
    qcol = {"name": "speaker", "category": "category", "type": "speaker_type"}[column]
    acts = table(t, "actors", ["doc", "name", "type", "mentions", *(["category"] if by == "category" else [])],
                 measure="corpus_colours")
    mentions = (acts.group_by(column).agg(n=pl.col("mentions").fill_null(0).sum())
                .filter(pl.col(column).is_not_null()).collect().rows())
    if by == "category":
        q = table(t, "quotes", ["doc", "speaker", "speaker_type"], measure="corpus_colours")
        info = acts.select("doc", "name", "type", "category").unique(["doc", "name", "type"], keep="first")
        q = q.join(info, left_on=["doc", "speaker", "speaker_type"], right_on=["doc", "name", "type"], how="left")
        q = q.with_columns(category=pl.when(pl.col("speaker").is_null()).then(pl.lit(NO_SPEAKER))
                           .otherwise(pl.col("category").fill_null("unmapped")))
    else:
        q = table(t, "quotes", ["doc", "speaker", "speaker_type"], measure="corpus_colours")
    quoted = q.group_by(qcol).agg(n=pl.len()).collect().rows()
    counts: dict[str, int] = {}
    for key, n in [*mentions, *quoted]:
        label = NO_SPEAKER if key is None else str(key)
        counts[label] = counts.get(label, 0) + int(n)
    return ColourScale(counts, max_colours=max_colours)


def null_label(column: str) -> pl.Expr:
    return pl.col(column).fill_null(NO_SPEAKER)


def top_with_other(df: pl.DataFrame, key: str, top: int | None, sums: Sequence[str]) -> pl.DataFrame:
    """Keep the ``top`` keys (by the order of ``df``) and sum the rest of each column of ``sums`` into one
    ``"other"`` row (placed last)."""
    if top is None or df.height <= top:
        return df
    head, rest = df.head(top), df.slice(top)
    other = rest.select(pl.lit(OTHER).alias(key), *[pl.col(c).sum() for c in sums])
    return pl.concat([head.select(key, *sums), other], how="vertical_relaxed")


# --- share of voice ------------------------------------------------------------------------------------

VOICE_GROUPS = ("speaker", "category", "speaker_type")


def voice_by_group(
    corpus: Any, by: str = "speaker", *, per_outlet: bool = False, value: str = "quotes", top: int | None = 12,
    colours: ColourScale | None = None, title: str | None = None, source: str | None = None,
    name: str | None = None,
) -> Any:
    """Share of voice across the corpus: each speaker's (category's, speaker type's) part of the quotes.

    Overall (default): two panels, quotes and quoted words, one bar per group, most quoted first; groups
    past ``top`` are summed as ``"other"``. Table (``chart.data``): ``group``, ``colour`` (the legend
    entry), ``measure`` (``"quotes"``/``"quoted words"``), ``count``, ``share``.

    ``per_outlet=True``: one 100% bar per outlet split by group (``value``: ``"quotes"`` or ``"words"``),
    the ``top`` groups of the whole corpus named and the rest summed as ``"other"``. Table: ``outlet``,
    ``group``, ``colour``, ``count``, ``share`` (of the outlet's quotes or words), ``stack`` (the segment's
    place in the bar: named groups in the corpus-wide order, then ``"(no speaker)"`` and ``"other"``).

    Quotes with no linked speaker stay, as ``"(no speaker)"``, so shares add up over all quotes.
    """
    if by not in VOICE_GROUPS:
        raise ChartError(f"voice_by_group: by must be one of {', '.join(VOICE_GROUPS)}, not {by!r}")
    if value not in ("quotes", "words"):
        raise ChartError(f"voice_by_group: value must be 'quotes' or 'words', not {value!r}")
    t = tables_of(corpus)
    if by == "category":
        need_categories(t, "voice_by_group")
    colours = colours or corpus_colours(t, {"speaker": "speaker", "category": "category", "speaker_type": "type"}[by])
    overall = share_of_voice(t, by=by).with_columns(group=null_label(by))
    if overall.height == 0:
        raise no_data("the corpus has no quotes")
    overall = overall.sort(["quotes", "words", "group"], descending=[True, True, False])
    kept = top_with_other(overall, "group", top, ["quotes", "words"])
    order = kept["group"].to_list()
    if not per_outlet:
        tq, tw = int(kept["quotes"].sum()), int(kept["words"].sum())
        rows = []
        for g, q, w in kept.select("group", "quotes", "words").rows():
            rows.append({"group": g, "colour": colours.group(g), "measure": "quotes", "count": q,
                         "share": q / tq if tq else 0.0})
            rows.append({"group": g, "colour": colours.group(g), "measure": "quoted words", "count": w,
                         "share": w / tw if tw else 0.0})
        data = pl.DataFrame(rows, schema={"group": pl.Utf8, "colour": pl.Utf8, "measure": pl.Utf8,
                                          "count": pl.Int64, "share": pl.Float64})
        y = alt.Y("group:N", sort=order, title=None, axis=alt.Axis(labelLimit=220))
        tooltip = [alt.Tooltip("group:N", title=by.replace("_", " ")), alt.Tooltip("measure:N"),
                   alt.Tooltip("count:Q", format="d"), alt.Tooltip("share:Q", format=".1%")]
        bars = alt.Chart().mark_bar().encode(
            x=alt.X("share:Q", axis=percent_axis("share")), y=y,
            color=alt.Color("colour:N", scale=colours.scale(), legend=None), tooltip=tooltip)
        labels = alt.Chart().mark_text(align="left", dx=4).encode(
            x="share:Q", y=y, text=alt.Text("share:Q", format=".0%"), tooltip=tooltip)
        chart = alt.layer(bars, labels, data=data).properties(width=200).facet(
            column=alt.Column("measure:N", sort=["quotes", "quoted words"], title=None,
                              header=alt.Header(labelAnchor="start", labelFontWeight="bold")))
        default = {"speaker": "Who gets to speak", "category": "Which side gets to speak",
                   "speaker_type": "What kind of source gets to speak"}[by]
        return titled(chart, default, t, title, source, name)
    per = share_of_voice(t, by=["outlet", by]).with_columns(
        group=null_label(by), outlet=pl.col("outlet").fill_null(NO_OUTLET))
    named = set(order) - {OTHER}
    order = [g for g in order if g not in (NO_SPEAKER, OTHER)] + [g for g in (NO_SPEAKER, OTHER) if g in order]
    per = per.with_columns(group=pl.when(pl.col("group").is_in(list(named))).then(pl.col("group"))
                           .otherwise(pl.lit(OTHER)))
    count = "quotes" if value == "quotes" else "words"
    data = (per.group_by("outlet", "group").agg(count=pl.col(count).sum().cast(pl.Int64))
            .with_columns(share=(pl.col("count") / pl.col("count").sum().over("outlet")).fill_nan(0.0)
                          .cast(pl.Float64)))
    rank = {g: i for i, g in enumerate(order)}
    data = (data.with_columns(_rank=pl.col("group").replace_strict(rank, default=len(rank), return_dtype=pl.Int64))
            .sort("outlet", "_rank", "group").rename({"_rank": "stack"})
            .with_columns(colour=pl.col("group").map_elements(colours.group, return_dtype=pl.Utf8))
            .select("outlet", "group", "colour", "count", "share", "stack"))
    outlets = sorted(data["outlet"].unique().to_list())
    present = [v for v in colours.scale().domain if v in set(data["colour"].to_list())]  # type: ignore[union-attr]
    chart = alt.Chart(data).mark_bar().encode(
        x=alt.X("share:Q", axis=percent_axis(f"share of the outlet's {'quotes' if value == 'quotes' else 'quoted words'}"),
                stack="normalize"),
        y=alt.Y("outlet:N", sort=outlets, title=None),
        color=alt.Color("colour:N", scale=colours.scale(),
                        legend=alt.Legend(title=by.replace("_", " "), values=present, orient="bottom", columns=3)),
        order=alt.Order("stack:Q"),
        tooltip=[alt.Tooltip("outlet:N"), alt.Tooltip("group:N", title=by.replace("_", " ")),
                 alt.Tooltip("count:Q", format="d", title=value), alt.Tooltip("share:Q", format=".1%")],
    ).properties(width=420)
    default = {"speaker": "Who gets to speak, outlet by outlet", "category": "Which side gets to speak, outlet by outlet",
               "speaker_type": "What kind of source gets to speak, outlet by outlet"}[by]
    return titled(chart, default, t, title, source, name)


def need_categories(t: Tables, who: str) -> None:
    acts = t.actors.collect_schema()
    if "category" not in acts or t.actors.select(pl.col("category").is_not_null().any()).collect().item() is not True:
        raise no_data(f"{who}: the corpus has no codebook categories (build it with a codebook, "
                    "or apply one with mediakit.report.with_codebook); try by='speaker_type'")


# --- speech verbs -----------------------------------------------------------------------------------------

def speech_verbs(
    corpus: Any, by: str = "outlet", *, colours: ColourScale | None = None, title: str | None = None,
    source: str | None = None, name: str | None = None,
) -> alt.Chart:
    """How quotes are introduced, per outlet (or ``by`` category, speaker_type, kind): one 100% bar per
    group split by the class of the reporting verb (neutral, loaded, emphatic, hedged, writing, question,
    thought; ``"(no cue)"`` for a quote nobody is said to have said). Groups are ordered by their share of
    loaded verbs (most first), ties by name. ``colours``: a scale of cue classes (default: neutral verbs
    pale, loaded ones vermilion).

    Table (``chart.data``): ``group``, ``cue_class``, ``quotes``, ``share`` (of the group's quotes),
    ``stack`` (the class's place in the bar: the lexicon's order), every lexicon class listed for every
    group (zero where unused), in the chart's order.
    """
    if by not in ("outlet", "category", "speaker_type", "kind"):
        raise ChartError(f"speech_verbs: by must be 'outlet', 'category', 'speaker_type' or 'kind', not {by!r}")
    t = tables_of(corpus)
    if by == "category":
        need_categories(t, "speech_verbs")
    prof = verb_profile(t, by=by)
    if prof.height == 0 or int(prof["quotes"].sum()) == 0:
        raise no_data("the corpus has no quotes")
    data = prof.select(group=null_label(by) if by != "outlet" else pl.col("outlet").fill_null(NO_OUTLET),
                       cue_class=pl.col("cue_class").fill_null(NO_CUE), quotes=pl.col("quotes"),
                       share=pl.col("share").fill_null(0.0))
    classes = [c for c in (*CLASSES, NO_CUE)] + sorted(set(data["cue_class"].to_list()) - {*CLASSES, NO_CUE})
    loaded = (data.filter(pl.col("cue_class") == "loaded").select("group", loaded="share"))
    groups = (data.select("group").unique().join(loaded, on="group", how="left")
              .with_columns(pl.col("loaded").fill_null(0.0))
              .sort(["loaded", "group"], descending=[True, False])["group"].to_list())
    data = (data.with_columns(stack=pl.col("cue_class").replace_strict({c: i for i, c in enumerate(classes)},
                                                                       return_dtype=pl.Int64),
                              _rank=pl.col("group").replace_strict({g: i for i, g in enumerate(groups)},
                                                                   return_dtype=pl.Int64))
            .sort("_rank", "stack").drop("_rank"))
    if colours is not None:
        scale = colours.scale()
    else:
        shown = [c for c in classes if c in set(data["cue_class"].to_list())]
        scale = alt.Scale(domain=shown, range=[CUE_COLOURS.get(c, NEUTRAL[OTHER]) for c in shown])
    chart = alt.Chart(data).mark_bar().encode(
        x=alt.X("share:Q", stack="normalize", axis=percent_axis("share of the quotes")),
        y=alt.Y("group:N", sort=groups, title=None),
        color=alt.Color("cue_class:N", scale=scale, sort=classes,
                        legend=alt.Legend(title="verb class", orient="bottom", columns=4)),
        order=alt.Order("stack:Q"),
        tooltip=[alt.Tooltip("group:N", title=by.replace("_", " ")), alt.Tooltip("cue_class:N", title="verb class"),
                 alt.Tooltip("quotes:Q", format="d"), alt.Tooltip("share:Q", format=".1%")],
    ).properties(width=420)
    return titled(chart, "How speech is introduced: neutral or loaded verbs", t, title, source, name)


# --- attention over time ------------------------------------------------------------------------------------

def attention_over_time(
    corpus: Any, by: str = "actor", *, every: str = "week", keys: Sequence[str] | None = None, top: int = 5,
    types: Sequence[str] | None = ("person", "organisation"), value: str = "articles", per_outlet: bool = False,
    colours: ColourScale | None = None, title: str | None = None, source: str | None = None,
    name: str | None = None,
) -> Any:
    """Attention over time: articles mentioning each key per period (:func:`mediakit.measures.attention`).

    The ``top`` keys with most articles over the whole corpus (ties by name) are drawn, unless ``keys``
    names them. ``value="articles"`` draws counts; ``"share"`` the share of the outlet's articles of that
    period (normalised, so a prolific outlet does not drown the others). By default one line per key
    over all outlets (``outlet`` is ``"all"``); ``per_outlet=True`` gives one small chart per outlet (same
    scales). ``types`` (for
    actors and categories) keeps actors of those types (default people and organisations).

    Table (``chart.data``): ``period`` (Date), ``outlet``, ``key``, ``colour``, ``articles``,
    ``outlet_articles``, ``share``, with zero rows where a key was not mentioned in a period.
    """
    if value not in ("articles", "share"):
        raise ChartError(f"attention_over_time: value must be 'articles' or 'share', not {value!r}")
    t = tables_of(corpus)
    if by == "keyword":
        raise ChartError("attention_over_time draws actors, categories or types; for keywords call "
                         "mediakit.measures.attention(corpus, 'keyword', keywords=[...]) and chart its table")
    if by == "category":
        need_categories(t, "attention_over_time")
    found = attention(t, by, every=every, keys=keys, types=None if by == "type" else types, per_outlet=False)
    if found.height == 0:
        raise no_data("no dated article mentions any actor")
    if keys is None:
        totals = found.group_by("key").agg(pl.col("articles").sum()).sort(["articles", "key"], descending=[True, False])
        chosen = totals["key"].head(max(1, top)).to_list()
    else:
        chosen = list(dict.fromkeys(keys))
    data = attention(t, by, every=every, keys=chosen, types=None if by == "type" else types,
                     per_outlet=per_outlet, complete=True)
    if colours is None:
        colours = corpus_colours(t, {"actor": "speaker", "category": "category", "type": "type"}.get(by, "speaker"))
    rank = {k: i for i, k in enumerate(chosen)}
    data = (data.with_columns(pl.col("outlet").fill_null(NO_OUTLET),
                              colour=pl.col("key").map_elements(colours.group, return_dtype=pl.Utf8),
                              _rank=pl.col("key").replace_strict(rank, default=len(rank), return_dtype=pl.Int64))
            .sort("outlet", "period", "_rank", "key").drop("_rank")
            .select("period", "outlet", "key", "colour", "articles", "outlet_articles", "share"))
    present = [v for v in colours.scale().domain if v in set(data["colour"].to_list())]  # type: ignore[union-attr]
    if value == "articles":
        most = max(int(data["articles"].max() or 0), 1)
        y = alt.Y("articles:Q", axis=count_axis("articles", max_value=most),
                  scale=alt.Scale(domain=[0, count_ticks(most)[-1]]))
    else:
        y = alt.Y("share:Q", axis=percent_axis("share of the outlet's articles"), scale=alt.Scale(domain=[0, 1]))
    period_title = {"day": "day", "week": "week", "month": "month", "quarter": "quarter", "year": "year"}.get(every, "period")
    periods = sorted(set(data["period"].to_list()))
    step = max(1, math.ceil(len(periods) / 8))  # at most 8 ticks, each on a period (never two "16 Mar")
    ticks = [alt.DateTime(year=d.year, month=d.month, date=d.day, utc=True) for d in periods[::step]]
    base = alt.Chart().encode(
        x=alt.X("period:T", title=period_title, scale=alt.Scale(type="utc"),
                axis=alt.Axis(format="%d %b" if every in ("day", "week") else "%b %Y", values=ticks, labelAngle=0,
                              labelOverlap="greedy")),
        y=y, color=alt.Color("colour:N", scale=colours.scale(),
                             legend=alt.Legend(title=by, values=present, orient="bottom", columns=3)),
        detail="key:N",
        tooltip=[alt.Tooltip("period:T", format="%Y-%m-%d", formatType="utc"), alt.Tooltip("outlet:N"), alt.Tooltip("key:N", title=by),
                 alt.Tooltip("articles:Q", format="d"), alt.Tooltip("outlet_articles:Q", format="d", title="of"),
                 alt.Tooltip("share:Q", format=".0%")],
    )
    layered = alt.layer(base.mark_line(strokeWidth=2), base.mark_point(filled=True, size=30), data=data)
    if per_outlet and data["outlet"].n_unique() > 1:
        outlets = sorted(data["outlet"].unique().to_list())
        chart = layered.properties(width=210, height=120).facet(
            facet=alt.Facet("outlet:N", sort=outlets, title=None, header=alt.Header(labelAnchor="start",
                                                                                    labelFontWeight="bold")),
            columns=3)
    else:
        chart = layered.properties(width=460, height=220)
    default = "Who gets attention, " + ("share of each outlet's articles" if value == "share" else "articles") + \
        f" per {period_title}"
    return titled(chart, default, t, title, source, name)


# --- outlet x category ------------------------------------------------------------------------------------------

def outlet_heatmap(
    corpus: Any, by: str = "category", *, value: str = "quotes", title: str | None = None, source: str | None = None,
    name: str | None = None,
) -> alt.LayerChart:
    """Outlet by category (or ``by="speaker_type"``): each group's share of the outlet's quotes (``value``
    ``"quotes"``) or quoted words (``"words"``), one cell per pair, the share written in it.

    Outlets are rows A to Z; groups are columns by their share of the whole corpus (most first, ties by
    name); ``"(no speaker)"`` (quotes with no linked speaker) is last. Table (``chart.data``): ``outlet``,
    ``group``, ``count``, ``share`` (of the outlet's quotes or words), every pair listed (zero where none).
    """
    if by not in ("category", "speaker_type"):
        raise ChartError(f"outlet_heatmap: by must be 'category' or 'speaker_type', not {by!r}")
    if value not in ("quotes", "words"):
        raise ChartError(f"outlet_heatmap: value must be 'quotes' or 'words', not {value!r}")
    t = tables_of(corpus)
    if by == "category":
        need_categories(t, "outlet_heatmap")
    voice = share_of_voice(t, by=["outlet", by]).with_columns(group=null_label(by),
                                                               outlet=pl.col("outlet").fill_null(NO_OUTLET))
    if voice.height == 0:
        raise no_data("the corpus has no quotes")
    counts = voice.group_by("outlet", "group").agg(count=pl.col(value).sum().cast(pl.Int64))
    totals = counts.group_by("group").agg(total=pl.col("count").sum())
    groups = (totals.with_columns(_last=pl.col("group") == NO_SPEAKER)
              .sort(["_last", "total", "group"], descending=[False, True, False])["group"].to_list())
    outlets = sorted(counts["outlet"].unique().to_list())
    grid = pl.DataFrame({"outlet": outlets}).join(pl.DataFrame({"group": groups}), how="cross")
    data = (grid.join(counts, on=["outlet", "group"], how="left").with_columns(pl.col("count").fill_null(0))
            .with_columns(share=(pl.col("count") / pl.col("count").sum().over("outlet")).fill_nan(0.0).cast(pl.Float64)))
    rank = {g: i for i, g in enumerate(groups)}
    data = (data.with_columns(_rank=pl.col("group").replace_strict(rank, return_dtype=pl.Int64))
            .sort("outlet", "_rank").drop("_rank").select("outlet", "group", "count", "share"))
    top = float(data["share"].max() or 0.0)
    enc = {"x": alt.X("group:N", sort=groups, title=None, axis=alt.Axis(labelAngle=-35, labelLimit=160, orient="top")),
           "y": alt.Y("outlet:N", sort=outlets, title=None)}
    tooltip = [alt.Tooltip("outlet:N"), alt.Tooltip("group:N", title=by.replace("_", " ")),
               alt.Tooltip("count:Q", format="d", title=value), alt.Tooltip("share:Q", format=".1%")]
    cells = alt.Chart().mark_rect(stroke="white", strokeWidth=1).encode(
        **enc, color=alt.Color("share:Q", scale=alt.Scale(scheme=SEQUENTIAL, domain=[0, max(top, 0.01)]),
                               legend=alt.Legend(title=f"share of the outlet's {value}", format="%",
                                                 orient="bottom", gradientLength=200)),
        tooltip=tooltip)
    text = alt.Chart().mark_text(fontSize=11).encode(
        **enc, text=alt.Text("share:Q", format=".0%"),
        color=alt.condition(f"datum.share > {top * 0.6:.4f}", alt.value("white"), alt.value("#222222")),
        tooltip=tooltip)
    chart = alt.layer(cells, text, data=data).properties(width=alt.Step(56), height=alt.Step(30))
    what = "category" if by == "category" else "kind of source"
    return titled(chart, f"Who each outlet quotes, by {what}", t, title, source, name)


# --- anonymous sources ---------------------------------------------------------------------------------------


from .corpus_sources import (  # noqa: E402  (builders about sources, in their own module)
    actor_pairs,
    anonymous_sources,
    people_per_article,
    source_order,
    who_comes_first,
)
