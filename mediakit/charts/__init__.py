"""Charts: one theme, one colour per actor, offline in every notebook viewer, saved for reports and slides.

In a notebook, call :func:`setup` once; then build charts and show them::

    import mediakit
    from mediakit import charts

    charts.setup()                        # theme + offline renderer with a static image fallback
    analysis = mediakit.analyse("article.html")
    colours = charts.ColourScale.from_analyses(analysis)   # one colour per actor, for every chart
    chart = charts.share_of_voice(analysis, colours=colours)
    chart                                 # interactive where scripts run, an image where they do not
    chart.data                            # the tidy polars table behind the chart
    charts.save(chart, "voice.png", preset="report")
    charts.save_table(chart.data, "voice.csv")

**The convention of every builder**: it returns an altair chart, and ``chart.data`` is the tidy table
(a polars DataFrame) that the chart draws, one row per mark.

Modules:

* :mod:`~mediakit.charts.theme`: the ``mediakit`` altair theme, the palette, :class:`ColourScale`,
  count and percent axes, the source line;
* :mod:`~mediakit.charts.render`: :func:`setup` and the ``mediakit`` renderer (interactive view with the
  JavaScript inlined, over a static SVG image);
* :mod:`~mediakit.charts.export`: :func:`save` (PNG, SVG, PDF, HTML, JSON; presets ``report`` and
  ``slide``) and :func:`save_table` (CSV, Parquet, Excel);
* :mod:`~mediakit.charts.article`: charts of one article or a few: :func:`share_of_voice`,
  :func:`direct_vs_indirect`, :func:`mentions_by_actor`, :func:`who_speaks_where`;
* :mod:`~mediakit.charts.corpus`: charts of a whole corpus built on ``mediakit.measures``:
  :func:`voice_by_group`, :func:`speech_verbs`, :func:`attention_over_time`, :func:`outlet_heatmap`,
  :func:`anonymous_sources`, :func:`people_per_article`, :func:`actor_pairs`, :func:`source_order`,
  :func:`who_comes_first`, with :func:`corpus_colours` (one scale per corpus); ``docs/gallery.md`` shows them.
"""

from __future__ import annotations

from .article import direct_vs_indirect, mentions_by_actor, share_of_voice, who_speaks_where
from .corpus import (
    actor_pairs,
    anonymous_sources,
    attention_over_time,
    corpus_colours,
    outlet_heatmap,
    people_per_article,
    source_order,
    speech_verbs,
    voice_by_group,
    who_comes_first,
)
from .export import PRESETS, chart_spec, save, save_table
from .render import setup
from .theme import (
    NEUTRAL,
    PALETTE,
    ColourScale,
    count_axis,
    percent_axis,
    source_line,
    title,
    use_theme,
)

__all__ = [
    "NEUTRAL", "PALETTE", "PRESETS", "ColourScale", "actor_pairs", "anonymous_sources", "attention_over_time",
    "chart_spec", "corpus_colours", "count_axis", "direct_vs_indirect", "mentions_by_actor", "outlet_heatmap",
    "people_per_article", "percent_axis", "save", "save_table", "setup", "share_of_voice", "source_line",
    "source_order", "speech_verbs", "title", "use_theme", "voice_by_group", "who_comes_first", "who_speaks_where",
]
