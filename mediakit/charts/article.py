"""Charts of one article (or a few, side by side): who speaks, how much, where, and how.

Every builder takes an :class:`~mediakit.analysis.Analysis` or a list of them and returns an altair
chart whose ``.data`` is the tidy polars table it draws (one row per mark; save it with
:func:`mediakit.charts.save_table`). Colours come from a :class:`~mediakit.charts.ColourScale`
(``colours=``): pass the same one to every chart of a notebook so that each actor keeps its colour;
without it, each builder makes :meth:`ColourScale.from_analyses` of the analyses it is given, which is
the same scale for the same analyses. Rows are sorted deterministically (largest first, ties by name).
``title=`` replaces the default title; ``source=`` the source line under it (``""`` drops it).

Text from articles (names, paragraph openings) only reaches the chart as data: Vega draws it as SVG
text, and the interactive view's tooltips show it as text (vega-tooltip escapes HTML).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

import altair as alt
import polars as pl

from ..analysis import Analysis
from ..errors import ChartError
from .theme import NO_QUOTE, NO_SPEAKER, ColourScale, _as_list, count_axis, percent_axis, source_line, title

__all__ = ["direct_vs_indirect", "mentions_by_actor", "share_of_voice", "who_speaks_where"]

Analyses = Analysis | Sequence[Analysis]

_WORD = re.compile(r"\w+(?:['\u2019-]\w+)*")
KINDS = ("direct", "mixed", "indirect")
_SNIPPET = 90


def _items(analyses: Analyses) -> list[tuple[str, Analysis]]:
    items = _as_list(analyses)
    if not items:
        raise ChartError("no analysis to chart: give an Analysis or a non-empty list of them")
    return [(a.doc or str(i), a) for i, a in enumerate(items)]


def _titled(chart: Any, default: str, analyses: Analyses, text: str | None, source: str | None) -> Any:
    src = source_line(analyses) if source is None else source
    return chart.properties(title=title(text or default, src or None))


def words(text: str) -> int:
    """Words in ``text`` (runs of letters and digits; "don't" and "well-known" count once).

    >>> words('"We are ready," she said.')
    5
    """
    return len(_WORD.findall(text))


# --- share of voice ----------------------------------------------------------------------------------

def share_of_voice(
    analyses: Analyses, *, colours: ColourScale | None = None, top: int | None = None, title: str | None = None,
    source: str | None = None,
) -> alt.FacetChart:
    """Each speaker's share of the quotes and of the quoted words, side by side.

    Table (``chart.data``): ``speaker``, ``colour`` (the legend entry: the speaker, ``"other"`` or
    ``"(no speaker)"``), ``measure`` (``"quotes"`` or ``"quoted words"``), ``count``, ``share``
    (of all quotes or of all quoted words). Speakers are ordered by quoted words, then quotes, then name.
    Quotes with no speaker are kept, as ``"(no speaker)"``. With ``top``, the speakers after the first
    ``top`` are summed into one last row, ``"other speakers (N)"``; shares stay shares of the whole.
    """
    items = _items(analyses)
    colours = colours or ColourScale.from_analyses([a for _, a in items])
    n_quotes: Counter[str] = Counter()
    n_words: Counter[str] = Counter()
    for _, an in items:
        src = an.article.source
        for q in an.quotes:
            who = q.speaker if q.speaker is not None else NO_SPEAKER
            n_quotes[who] += 1
            n_words[who] += words(src[q.quote.start : q.quote.end])
    order = sorted(n_quotes, key=lambda s: (-n_words[s], -n_quotes[s], s))
    tq, tw = sum(n_quotes.values()), sum(n_words.values())
    if top is not None and len(order) > top + 1:
        rest = order[top:]
        other = f"other speakers ({len(rest)})"
        n_quotes[other] = sum(n_quotes[s] for s in rest)
        n_words[other] = sum(n_words[s] for s in rest)
        order = order[:top] + [other]
    rows = []
    for s in order:
        rows.append({"speaker": s, "colour": colours.group(s), "measure": "quotes", "count": n_quotes[s],
                     "share": n_quotes[s] / tq if tq else 0.0})
        rows.append({"speaker": s, "colour": colours.group(s), "measure": "quoted words", "count": n_words[s],
                     "share": n_words[s] / tw if tw else 0.0})
    table = pl.DataFrame(rows, schema={"speaker": pl.Utf8, "colour": pl.Utf8, "measure": pl.Utf8,
                                       "count": pl.Int64, "share": pl.Float64})
    y = alt.Y("speaker:N", sort=order, title=None)
    tooltip = [alt.Tooltip("speaker:N"), alt.Tooltip("measure:N"), alt.Tooltip("count:Q", format="d"),
               alt.Tooltip("share:Q", format=".1%")]
    bars = alt.Chart().mark_bar().encode(
        x=alt.X("share:Q", axis=percent_axis("share")),
        y=y, color=alt.Color("colour:N", scale=colours.scale(), legend=None), tooltip=tooltip,
    )
    labels = alt.Chart().mark_text(align="left", dx=4).encode(
        x="share:Q", y=y, text=alt.Text("share:Q", format=".0%"), tooltip=tooltip,
    )
    chart = alt.layer(bars, labels, data=table).properties(width=220).facet(
        column=alt.Column("measure:N", sort=["quotes", "quoted words"], title=None,
                          header=alt.Header(labelAnchor="start", labelFontWeight="bold")),
    )
    return _titled(chart, "Who gets to speak", analyses, title, source)


# --- direct or reported --------------------------------------------------------------------------------

def direct_vs_indirect(
    analyses: Analyses, *, colours: ColourScale | None = None, title: str | None = None, source: str | None = None,
) -> alt.FacetChart:
    """How each speaker is quoted: in their own words (direct), reported (indirect) or both (mixed).

    One panel per kind, one bar per speaker in the speaker's colour. Table (``chart.data``):
    ``speaker``, ``colour``, ``kind``, ``quotes`` (zero rows included, so every panel lists every
    speaker). Speakers are ordered by quotes, then direct quotes, then name.
    """
    items = _items(analyses)
    colours = colours or ColourScale.from_analyses([a for _, a in items])
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for _, an in items:
        for q in an.quotes:
            counts[q.speaker if q.speaker is not None else NO_SPEAKER][q.quote.kind] += 1
    kinds = [k for k in KINDS] + sorted({k for c in counts.values() for k in c} - set(KINDS))
    order = sorted(counts, key=lambda s: (-sum(counts[s].values()), -counts[s]["direct"], s))
    rows = [{"speaker": s, "colour": colours.group(s), "kind": k, "quotes": counts[s][k]} for s in order for k in kinds]
    table = pl.DataFrame(rows, schema={"speaker": pl.Utf8, "colour": pl.Utf8, "kind": pl.Utf8, "quotes": pl.Int64})
    y = alt.Y("speaker:N", sort=order, title=None)
    tooltip = [alt.Tooltip("speaker:N"), alt.Tooltip("kind:N"), alt.Tooltip("quotes:Q", format="d")]
    bars = alt.Chart().mark_bar().encode(
        x=alt.X("quotes:Q", axis=count_axis("quotes", max_value=max(table["quotes"].max() or 0, 1))), y=y,
        color=alt.Color("colour:N", scale=colours.scale(), legend=None), tooltip=tooltip,
    )
    labels = alt.Chart().mark_text(align="left", dx=4).encode(
        x="quotes:Q", y=y, text=alt.Text("quotes:Q", format="d"), tooltip=tooltip,
        opacity=alt.condition("datum.quotes > 0", alt.value(1), alt.value(0)),
    )
    chart = alt.layer(bars, labels, data=table).properties(width=160).facet(
        column=alt.Column("kind:N", sort=kinds, title=None, header=alt.Header(labelAnchor="start", labelFontWeight="bold")),
    )
    return _titled(chart, "In their own words, or reported?", analyses, title, source)


# --- mentions ------------------------------------------------------------------------------------------

def mentions_by_actor(
    analyses: Analyses, *, colours: ColourScale | None = None, colour_by: str = "actor", top: int | None = 20,
    title: str | None = None, source: str | None = None,
) -> alt.Chart:
    """Mentions per actor, most mentioned first (``top`` of them; ``None`` for all).

    ``colour_by`` is ``"actor"`` (the actor colour scale), ``"category"`` (codebook category) or
    ``"type"`` (person, organisation...); for the last two ``colours`` is a scale of categories or types
    (made from the mentions when not given). Table (``chart.data``): ``actor``, ``type``,
    ``category``, ``mentions``, ``articles`` (how many articles mention it), ``colour``.
    """
    if colour_by not in ("actor", "category", "type"):
        raise ChartError(f"colour_by must be 'actor', 'category' or 'type', not {colour_by!r}")
    items = _items(analyses)
    mentions: Counter[str] = Counter()
    docs: dict[str, set[str]] = defaultdict(set)
    kind: dict[str, str] = {}
    category: dict[str, str] = {}
    for doc, an in items:
        for a in an.actors:
            if not a.mentions:
                continue
            mentions[a.name] += len(a.mentions)
            docs[a.name].add(doc)
            kind.setdefault(a.name, a.type)
            if a.category is not None:
                category.setdefault(a.name, a.category)
    order = sorted(mentions, key=lambda n: (-mentions[n], n))
    if top is not None:
        order = order[: max(0, top)]
    if colours is None:
        if colour_by == "actor":
            colours = ColourScale.from_analyses([a for _, a in items])
        else:
            lookup = kind if colour_by == "type" else category
            colours = ColourScale({v: sum(mentions[n] for n in mentions if lookup.get(n) == v)
                                   for v in {lookup.get(n) or "unmapped" for n in mentions}})

    def group(n: str) -> str:
        if colour_by == "actor":
            return colours.group(n)
        value = kind.get(n) if colour_by == "type" else category.get(n)
        return colours.group(value or "unmapped")

    rows = [{"actor": n, "type": kind.get(n), "category": category.get(n), "mentions": mentions[n],
             "articles": len(docs[n]), "colour": group(n)} for n in order]
    table = pl.DataFrame(rows, schema={"actor": pl.Utf8, "type": pl.Utf8, "category": pl.Utf8,
                                       "mentions": pl.Int64, "articles": pl.Int64, "colour": pl.Utf8})
    present = [v for v in colours.scale().domain if v in set(table["colour"].to_list())]  # type: ignore[union-attr]
    legend = None if colour_by == "actor" else alt.Legend(title=colour_by, values=present, orient="right")
    y = alt.Y("actor:N", sort=order, title=None)
    tooltip = [alt.Tooltip("actor:N"), alt.Tooltip("type:N")]
    if category:  # no codebook, no category to show
        tooltip.append(alt.Tooltip("category:N"))
    tooltip += [alt.Tooltip("mentions:Q", format="d"), alt.Tooltip("articles:Q", format="d")]
    bars = alt.Chart().mark_bar().encode(
        x=alt.X("mentions:Q", axis=count_axis("mentions", max_value=max(table["mentions"].max() or 0, 1))), y=y,
        color=alt.Color("colour:N", scale=colours.scale(), legend=legend), tooltip=tooltip,
    )
    labels = alt.Chart().mark_text(align="left", dx=4).encode(x="mentions:Q", y=y, text=alt.Text("mentions:Q", format="d"))
    chart = alt.layer(bars, labels, data=table).properties(width=420)
    return _titled(chart, "Who is mentioned", analyses, title, source)


# --- where in the story ----------------------------------------------------------------------------------

def paragraph_of(starts: list[int], ends: list[int], offset: int) -> int | None:
    """The index of the paragraph holding ``offset`` (paragraph start and end offsets, sorted), or None.

    >>> paragraph_of([0, 10, 30], [8, 25, 40], 12), paragraph_of([0, 10], [8, 25], 9)
    (1, None)
    """
    i = bisect_right(starts, offset) - 1
    return i if i >= 0 and offset < ends[i] else None


def _snippet(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _SNIPPET else text[: _SNIPPET - 1].rstrip() + "\u2026"


def who_speaks_where(
    analyses: Analyses, *, colours: ColourScale | None = None, title: str | None = None, source: str | None = None,
) -> alt.Chart:
    """The story's structure at a glance: one cell per body paragraph, coloured by who speaks in it.

    A paragraph's colour is its main speaker (the most quoted characters; ties: the first to speak);
    paragraphs with no quote are light grey. With several analyses, one row per article. A quote is
    placed in the paragraph its first character falls in; quotes in the headline or standfirst are not
    drawn. Table (``chart.data``): ``doc``, ``article`` (row label), ``paragraph`` (1-based),
    ``speaker`` (main speaker or ``"(no quote)"``), ``speakers`` (all, in order, joined with ``"; "``),
    ``quotes``, ``colour``, ``start``, ``end``, ``opening`` (the paragraph's first words).
    """
    items = _items(analyses)
    colours = colours or ColourScale.from_analyses([a for _, a in items])
    rows = []
    labels: list[str] = []
    for doc, an in items:
        art = an.article
        label = _row_label(an, doc, labels)
        labels.append(label)
        paras = sorted(art.paragraphs, key=lambda s: s.start)
        starts, ends = [p.start for p in paras], [p.end for p in paras]
        chars: list[Counter[str]] = [Counter() for _ in paras]
        first: list[list[str]] = [[] for _ in paras]
        for q in sorted(an.quotes, key=lambda q: q.quote.start):
            i = paragraph_of(starts, ends, q.quote.start)
            if i is None:
                continue
            who = q.speaker if q.speaker is not None else NO_SPEAKER
            chars[i][who] += q.quote.end - q.quote.start
            if who not in first[i]:
                first[i].append(who)
        for i, p in enumerate(paras):
            if first[i]:
                main = max(first[i], key=lambda w: (chars[i][w], -first[i].index(w)))
                n = sum(1 for q in an.quotes if paragraph_of(starts, ends, q.quote.start) == i)
            else:
                main, n = NO_QUOTE, 0
            rows.append({"doc": doc, "article": label, "paragraph": i + 1, "speaker": main,
                         "speakers": "; ".join(first[i]), "quotes": n, "colour": colours.group(main),
                         "start": p.start, "end": p.end, "opening": _snippet(art.source[p.start : p.end])})
    table = pl.DataFrame(rows, schema={"doc": pl.Utf8, "article": pl.Utf8, "paragraph": pl.Int64,
                                       "speaker": pl.Utf8, "speakers": pl.Utf8, "quotes": pl.Int64,
                                       "colour": pl.Utf8, "start": pl.Int64, "end": pl.Int64, "opening": pl.Utf8})
    shown = set(table["colour"].to_list())
    present = [v for v in colours.scale().domain if v in shown]  # type: ignore[union-attr]
    enc: dict[str, Any] = {
        "x": alt.X("paragraph:O", title="paragraph", axis=alt.Axis(labelAngle=0, labelOverlap="greedy")),
        "color": alt.Color("colour:N", scale=colours.scale(),
                           legend=alt.Legend(title="main speaker", values=present, orient="bottom", columns=3)),
        "tooltip": [alt.Tooltip("article:N"), alt.Tooltip("paragraph:O"), alt.Tooltip("speakers:N", title="who speaks"),
                    alt.Tooltip("quotes:Q", format="d"), alt.Tooltip("opening:N", title="paragraph opens")],
    }
    if len(items) > 1:
        enc["y"] = alt.Y("article:N", sort=labels, title=None)
    many = len(items) > 1
    chart = alt.Chart(table).mark_rect(stroke="white", strokeWidth=1.5).encode(**enc).properties(
        width=alt.Step(18 if many else 24), height=alt.Step(30) if many else 40,
    )
    return _titled(chart, "Who speaks where in the story", analyses, title, source)


def _row_label(an: Analysis, doc: str, taken: list[str]) -> str:
    base = an.article.title or doc
    base = base if len(base) <= 48 else base[:47].rstrip() + "\u2026"
    label, k = base, 2
    while label in taken:  # two articles with one title stay two rows
        label, k = f"{base} ({k})", k + 1
    return label
