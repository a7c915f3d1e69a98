"""Corpus charts about sources: anonymous sources, people quoted per article, who appears together, the order of
sources, and who comes first. Same conventions as :mod:`mediakit.charts.corpus` (each returns an altair chart
whose ``.data`` is the tidy table it draws)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import altair as alt
import polars as pl

from ..errors import ChartError
from ..measures import (
    anonymous_rate,
    cooccurrence,
    people_quoted,
    prominence,
    sources_table,
)
from ..measures._base import articles_ok
from .corpus import (
    VOICE_GROUPS,
    corpus_colours,
    need_categories,
    no_data,
    null_label,
    short_label,
    tables_of,
    titled,
)
from .theme import NEUTRAL, OTHER, ColourScale, count_axis, count_ticks, percent_axis

SEQUENTIAL = "blues"  # sequential scheme of the heatmaps (counts and shares), read in greyscale too
LABEL_CHARS = 40  # characters of a name shown on an axis or in a cell before an ellipsis
NO_CUE = "(no cue)"
NO_OUTLET = "(no outlet)"

#: Colours of the speech-verb classes: neutral verbs recede, loaded verbs stand out.
CUE_COLOURS: dict[str, str] = {
    "neutral": "#C9D3DC", "loaded": "#D55E00", "emphatic": "#E69F00", "hedged": "#CC79A7",
    "writing": "#56B4E9", "question": "#0072B2", "thought": "#009E73", NO_CUE: NEUTRAL[OTHER],
}



def anonymous_sources(
    corpus: Any, *, colours: ColourScale | None = None, title: str | None = None, source: str | None = None,
    name: str | None = None,
) -> alt.LayerChart:
    """Per outlet, the share of its quotes from anonymous sources ("sources close to", "officials who asked
    not to be named"), most first, ties by outlet; the bar's label gives the count ("16 of 173").

    Table (``chart.data``): the columns of :func:`mediakit.measures.anonymous_rate` (``outlet``, ``articles``,
    ``quotes``, ``anonymous_quotes``, ``anonymous_share``, ``articles_with_anonymous``,
    ``articles_with_anonymous_share``) plus ``colour`` (the outlet's legend entry) and ``label``.
    """
    t = tables_of(corpus)
    colours = colours or corpus_colours(t, "outlet")
    rate = anonymous_rate(t).with_columns(pl.col("outlet").fill_null(NO_OUTLET),
                                          pl.col("anonymous_share").fill_null(0.0))
    if rate.height == 0:
        raise no_data("the corpus has no articles")
    data = (rate.sort(["anonymous_share", "outlet"], descending=[True, False])
            .with_columns(colour=pl.col("outlet").map_elements(colours.group, return_dtype=pl.Utf8),
                          label=pl.format("{} of {}", pl.col("anonymous_quotes"), pl.col("quotes"))))
    order = data["outlet"].to_list()
    y = alt.Y("outlet:N", sort=order, title=None)
    tooltip = [alt.Tooltip("outlet:N"), alt.Tooltip("anonymous_quotes:Q", format="d", title="anonymous quotes"),
               alt.Tooltip("quotes:Q", format="d"), alt.Tooltip("anonymous_share:Q", format=".1%", title="share"),
               alt.Tooltip("articles_with_anonymous:Q", format="d", title="articles with one"),
               alt.Tooltip("articles:Q", format="d")]
    top = float(data["anonymous_share"].max() or 0.0)
    bars = alt.Chart().mark_bar().encode(
        x=alt.X("anonymous_share:Q", axis=percent_axis("share of the outlet's quotes"),
                scale=alt.Scale(domain=[0, max(0.05, min(1.0, top * 1.25))])),
        y=y, color=alt.Color("colour:N", scale=colours.scale(), legend=None), tooltip=tooltip)
    labels = alt.Chart().mark_text(align="left", dx=4).encode(x="anonymous_share:Q", y=y, text="label:N",
                                                              tooltip=tooltip)
    chart = alt.layer(bars, labels, data=data).properties(width=380)
    return titled(chart, "Unnamed sources: share of quotes from anonymous speakers", t, title, source, name)


# --- people quoted per article ------------------------------------------------------------------------------------

def people_per_article(
    corpus: Any, *, title: str | None = None, source: str | None = None, name: str | None = None,
) -> alt.LayerChart:
    """How many different people each article quotes, per outlet: one row per outlet, one cell per number
    of people (0, 1, 2, ...) holding how many of its articles quote that many; the row label gives the
    outlet's mean. Counted per article by :func:`mediakit.measures.people_quoted` and aggregated here, so
    the chart stays small for any corpus.

    Table (``chart.data``): ``outlet``, ``label`` (outlet and mean), ``people``, ``articles``, ``share`` (of
    the outlet's articles), ``mean`` (people per article in the outlet); every count from 0 to the
    largest is listed for every outlet.
    """
    t = tables_of(corpus)
    per = people_quoted(t).with_columns(pl.col("outlet").fill_null(NO_OUTLET))
    if per.height == 0:
        raise no_data("the corpus has no articles")
    means = per.group_by("outlet").agg(mean=pl.col("people").mean().cast(pl.Float64), n=pl.len())
    counts = per.group_by("outlet", "people").agg(articles=pl.len().cast(pl.Int64))
    top = int(per["people"].max() or 0)
    outlets = sorted(means["outlet"].to_list())
    grid = pl.DataFrame({"outlet": outlets}).join(pl.DataFrame({"people": list(range(top + 1))},
                                                               schema={"people": pl.Int64}), how="cross")
    data = (grid.join(counts, on=["outlet", "people"], how="left").with_columns(pl.col("articles").fill_null(0))
            .join(means, on="outlet", how="left")
            .with_columns(share=(pl.col("articles") / pl.col("n")).cast(pl.Float64),
                          label=pl.format("{} (mean {})", pl.col("outlet"), pl.col("mean").round(1)))
            .sort("outlet", "people").select("outlet", "label", "people", "articles", "share", "mean"))
    labels = data.unique("outlet", keep="first", maintain_order=True)["label"].to_list()
    enc = {"x": alt.X("people:O", title="people quoted in the article", axis=alt.Axis(labelAngle=0)),
           "y": alt.Y("label:N", sort=labels, title=None)}
    tooltip = [alt.Tooltip("outlet:N"), alt.Tooltip("people:O", title="people quoted"),
               alt.Tooltip("articles:Q", format="d"), alt.Tooltip("share:Q", format=".0%", title="of its articles"),
               alt.Tooltip("mean:Q", format=".1f", title="mean people")]
    most = float(data["share"].max() or 0.0)
    cells = alt.Chart().mark_rect(stroke="white", strokeWidth=1).encode(
        **enc, color=alt.Color("share:Q", scale=alt.Scale(scheme="greens", domain=[0, max(most, 0.01)]),
                               legend=alt.Legend(title="share of the outlet's articles", format="%", orient="bottom",
                                                 gradientLength=200)),
        tooltip=tooltip)
    text = alt.Chart().mark_text(fontSize=11).encode(
        **enc, text=alt.Text("articles:Q", format="d"),
        color=alt.condition(f"datum.share > {most * 0.6:.4f}", alt.value("white"), alt.value("#222222")),
        opacity=alt.condition("datum.articles > 0", alt.value(1), alt.value(0)), tooltip=tooltip)
    chart = alt.layer(cells, text, data=data).properties(width=alt.Step(30), height=alt.Step(30))
    return titled(chart, "How many people each article quotes", t, title, source, name)


# --- co-occurrence ---------------------------------------------------------------------------------------------------

def actor_pairs(
    corpus: Any, *, top: int = 12, types: Sequence[str] | None = ("person", "organisation"), min_articles: int = 1,
    title: str | None = None, source: str | None = None, name: str | None = None,
) -> alt.LayerChart:
    """Who appears together: a triangle of cells, one per pair of the ``top`` actors most often named
    alongside others (by articles over all their pairs, ties by name), holding the articles naming both.

    Table (``chart.data``): ``actor_a``, ``actor_b`` (as :func:`mediakit.measures.cooccurrence`: A to Z),
    ``articles``, then ``row`` and ``column`` (the pair placed so that the more connected actor is the
    row: a lower triangle), for pairs among the ``top`` actors.
    """
    t = tables_of(corpus)
    pairs = cooccurrence(t, types=types, min_articles=min_articles)
    if pairs.height == 0:
        raise no_data("no two actors are named in the same article")
    degree = (pl.concat([pairs.select(actor=pl.col("actor_a"), n=pl.col("articles")),
                         pairs.select(actor=pl.col("actor_b"), n=pl.col("articles"))])
              .group_by("actor").agg(pl.col("n").sum()).sort(["n", "actor"], descending=[True, False]))
    chosen = degree["actor"].head(max(2, top)).to_list()
    rank = {a: i for i, a in enumerate(chosen)}
    data = (pairs.filter(pl.col("actor_a").is_in(chosen) & pl.col("actor_b").is_in(chosen))
            .with_columns(_ra=pl.col("actor_a").replace_strict(rank, return_dtype=pl.Int64),
                          _rb=pl.col("actor_b").replace_strict(rank, return_dtype=pl.Int64))
            .with_columns(row=pl.when(pl.col("_ra") > pl.col("_rb")).then(pl.col("actor_a")).otherwise(pl.col("actor_b")),
                          column=pl.when(pl.col("_ra") > pl.col("_rb")).then(pl.col("actor_b")).otherwise(pl.col("actor_a")))
            .sort(["articles", "actor_a", "actor_b"], descending=[True, False, False])
            .select("actor_a", "actor_b", "articles", "row", "column"))
    most = int(data["articles"].max() or 1)
    enc = {"x": alt.X("column:N", sort=chosen, title=None, axis=alt.Axis(labelAngle=-40, labelLimit=160)),
           "y": alt.Y("row:N", sort=chosen, title=None, axis=alt.Axis(labelLimit=200))}
    tooltip = [alt.Tooltip("actor_a:N", title="actor"), alt.Tooltip("actor_b:N", title="and"),
               alt.Tooltip("articles:Q", format="d", title="articles naming both")]
    cells = alt.Chart().mark_rect(stroke="white", strokeWidth=1).encode(
        **enc, color=alt.Color("articles:Q", scale=alt.Scale(scheme="purples", domain=[0, most]),
                               legend=alt.Legend(title="articles naming both", orient="bottom", gradientLength=200,
                                                 format="d", values=count_ticks(most, most=5))),
        tooltip=tooltip)
    text = alt.Chart().mark_text(fontSize=10).encode(
        **enc, text=alt.Text("articles:Q", format="d"),
        color=alt.condition(f"datum.articles > {most * 0.6:.2f}", alt.value("white"), alt.value("#222222")),
        tooltip=tooltip)
    chart = alt.layer(cells, text, data=data).properties(width=alt.Step(28), height=alt.Step(24))
    return titled(chart, "Who appears together", t, title, source, name)


# --- the sources table ---------------------------------------------------------------------------------------------

def source_order(
    corpus: Any, *, docs: str | Sequence[str] | None = None, limit: int = 8, colour_by: str = "type",
    colours: ColourScale | None = None, title: str | None = None, source: str | None = None,
    name: str | None = None,
) -> alt.LayerChart:
    """The sources table (:func:`mediakit.measures.sources_table`) as a picture: one row per article, one
    cell per speaker in the order they are first quoted, named in the cell and coloured by speaker ``type``
    (or ``"category"`` or ``"speaker"``); the tooltip gives role, affiliation, quotes and words.

    ``docs`` picks the articles (their ids); default the first ``limit`` by date, then id. Table
    (``chart.data``): ``doc``, ``article`` (the row label: headline, outlet), ``order``, ``speaker``,
    ``type``, ``role``, ``affiliation``, ``category``, ``quotes``, ``direct``, ``words``, ``colour``,
    ``label`` (the speaker's name as shown in the cell).
    """
    if colour_by not in ("type", "category", "speaker"):
        raise ChartError(f"source_order: colour_by must be 'type', 'category' or 'speaker', not {colour_by!r}")
    t = tables_of(corpus)
    arts = articles_ok(t, ["outlet", "date", "title"], measure="source_order").collect()
    if docs is None:
        chosen = arts.sort("date", "doc", nulls_last=True)["doc"].head(max(1, limit)).to_list()
    else:
        chosen = [docs] if isinstance(docs, str) else list(docs)
    table_ = sources_table(t, docs=chosen)
    if table_.height == 0:
        raise no_data("no quote with a linked speaker in the articles chosen")
    if colours is None:
        colours = corpus_colours(t, {"type": "type", "category": "category", "speaker": "speaker"}[colour_by])
    labels: dict[str, str] = {}
    taken: set[str] = set()
    info = {r["doc"]: r for r in arts.iter_rows(named=True)}
    for d in chosen:
        r = info.get(d, {})
        base = short_label(r.get("title") or d, 34) + (f" ({short_label(r['outlet'], 22)})" if r.get("outlet") else "")
        label, k = base, 2
        while label in taken:
            label, k = f"{base} [{k}]", k + 1
        taken.add(label)
        labels[d] = label
    key = {"type": "type", "category": "category", "speaker": "speaker"}[colour_by]
    rank = {d: i for i, d in enumerate(chosen)}
    data = (table_.with_columns(article=pl.col("doc").replace_strict(labels, return_dtype=pl.Utf8),
                                colour=pl.col(key).fill_null("unmapped").map_elements(colours.group, return_dtype=pl.Utf8),
                                label=pl.col("speaker").map_elements(lambda s: short_label(s, 14), return_dtype=pl.Utf8),
                                _rank=pl.col("doc").replace_strict(rank, return_dtype=pl.Int64))
            .sort("_rank", "order").drop("_rank")
            .select("doc", "article", "order", "speaker", "type", "role", "affiliation", "category", "quotes",
                    "direct", "words", "colour", "label"))
    rows = [labels[d] for d in chosen if d in set(data["doc"].to_list())]
    present = [v for v in colours.scale().domain if v in set(data["colour"].to_list())]  # type: ignore[union-attr]
    enc = {"x": alt.X("order:O", title="order in which they are first quoted", axis=alt.Axis(labelAngle=0, orient="top")),
           "y": alt.Y("article:N", sort=rows, title=None, axis=alt.Axis(labelLimit=320, labelFontSize=11))}
    tooltip = [alt.Tooltip("article:N"), alt.Tooltip("order:O"), alt.Tooltip("speaker:N"), alt.Tooltip("type:N"),
               alt.Tooltip("role:N"), alt.Tooltip("affiliation:N"), alt.Tooltip("quotes:Q", format="d"),
               alt.Tooltip("direct:Q", format="d", title="in their own words"), alt.Tooltip("words:Q", format="d")]
    if colour_by != "type":
        tooltip.insert(4, alt.Tooltip("category:N"))
    cells = alt.Chart().mark_rect(stroke="white", strokeWidth=2, opacity=0.75).encode(
        **enc, color=alt.Color("colour:N", scale=colours.scale(),
                               legend=alt.Legend(title=colour_by, values=present, orient="bottom", columns=4)),
        tooltip=tooltip)
    text = alt.Chart().mark_text(fontSize=9, limit=80).encode(**enc, text="label:N", tooltip=tooltip)
    chart = alt.layer(cells, text, data=data).properties(width=alt.Step(84), height=alt.Step(24))
    return titled(chart, "Who is quoted, in what order", t, title, source, name)


# --- prominence ----------------------------------------------------------------------------------------------------

_PLACES = {"first": "quoted first", "headline": "in the headline", "early": "in the first paragraphs"}


def who_comes_first(
    corpus: Any, by: str = "speaker", *, top: int = 12, early: int = 3, colours: ColourScale | None = None,
    title: str | None = None, source: str | None = None, name: str | None = None,
) -> Any:
    """Prominence (:func:`mediakit.measures.prominence`): in how many articles each speaker (or category,
    speaker type) is quoted first, in the headline, and in the first ``early`` paragraphs, one panel each.
    The ``top`` groups by articles quoting them are drawn, ordered as the measure orders them (articles,
    first, headline, early, quotes; ties by name).

    Table (``chart.data``): ``group``, ``colour``, ``place`` (``"quoted first"``, ``"in the headline"``,
    ``"in the first paragraphs"``), ``articles`` (articles where the group is there), ``quoted_in``
    (articles quoting the group at all), ``share`` (``articles / quoted_in``).
    """
    if by not in VOICE_GROUPS:
        raise ChartError(f"who_comes_first: by must be one of {', '.join(VOICE_GROUPS)}, not {by!r}")
    t = tables_of(corpus)
    if by == "category":
        need_categories(t, "who_comes_first")
    prom = prominence(t, by=by, early=early).with_columns(group=null_label(by))
    if prom.height == 0:
        raise no_data("no quote with a linked speaker")
    prom = prom.head(max(1, top))
    colours = colours or corpus_colours(t, {"speaker": "speaker", "category": "category", "speaker_type": "type"}[by])
    order = prom["group"].to_list()
    rows = []
    for r in prom.iter_rows(named=True):
        for col, place in _PLACES.items():
            rows.append({"group": r["group"], "colour": colours.group(r["group"]), "place": place,
                         "articles": r[col], "quoted_in": r["articles"],
                         "share": r[col] / r["articles"] if r["articles"] else 0.0})
    data = pl.DataFrame(rows, schema={"group": pl.Utf8, "colour": pl.Utf8, "place": pl.Utf8, "articles": pl.Int64,
                                      "quoted_in": pl.Int64, "share": pl.Float64})
    y = alt.Y("group:N", sort=order, title=None, axis=alt.Axis(labelLimit=200))
    tooltip = [alt.Tooltip("group:N", title=by.replace("_", " ")), alt.Tooltip("place:N"),
               alt.Tooltip("articles:Q", format="d"), alt.Tooltip("quoted_in:Q", format="d", title="articles quoting them")]
    most = max(int(data["articles"].max() or 0), 1)
    bars = alt.Chart().mark_bar().encode(
        x=alt.X("articles:Q", axis=count_axis("articles", max_value=most),
                scale=alt.Scale(domain=[0, count_ticks(most)[-1]])),
        y=y, color=alt.Color("colour:N", scale=colours.scale(), legend=None), tooltip=tooltip)
    labels = alt.Chart().mark_text(align="left", dx=3).encode(
        x="articles:Q", y=y, text=alt.Text("articles:Q", format="d"), tooltip=tooltip,
        opacity=alt.condition("datum.articles > 0", alt.value(1), alt.value(0)))
    places = list(_PLACES.values())
    places[2] = f"in the first {early} paragraphs" if early != 1 else "in the first paragraph"
    data = data.with_columns(place=pl.col("place").replace({"in the first paragraphs": places[2]}))
    chart = alt.layer(bars, labels, data=data).properties(width=140).facet(
        column=alt.Column("place:N", sort=places, title=None,
                          header=alt.Header(labelAnchor="start", labelFontWeight="bold")))
    return titled(chart, "Who comes first: quoted first, in the headline, near the top", t, title, source, name)
