"""Showing an article to a person: its cleaning as a tidy table and side-by-side view, its actors and quotes coloured.

Article text is untrusted input (a news page): everything placed in HTML here goes through
:func:`html.escape`.
"""

from __future__ import annotations

import html
from bisect import bisect_right
from collections import Counter
from typing import TYPE_CHECKING

import polars as pl

from .charts.theme import NO_SPEAKER, OTHER, ColourScale
from .model import Article, Span

if TYPE_CHECKING:
    from .analysis import Analysis

#: The colour of each cleaning decision (palette colours: green, sky blue, vermillion); the side-by-side view
#: uses them as light backgrounds, a chart of the decisions as they are.
STATUS_COLOURS = {"kept": "#009E73", "metadata": "#56B4E9", "removed": "#D55E00"}
_COLOURS = {status: colour + "26" for status, colour in STATUS_COLOURS.items()}


def cleaning_table(article: Article) -> pl.DataFrame:
    """One row per span of the source, in reading order: what was kept, kept as metadata, or removed.

    Rows are sorted by ``start``, then ``end``, ``status`` and ``label``, so ties always come out the same.

    Columns: ``start``, ``end``, ``status`` ("kept", "metadata", "removed"), ``label``, ``reason``, ``text``.

    >>> from mediakit import extract
    >>> art = extract("Bridge reopens\\n\\nAdvertisement\\n\\nThe bridge reopened on Monday, the council said.")
    >>> cleaning_table(art).select("status", "label").rows()[0][0] in {"kept", "metadata", "removed"}
    True
    """
    rows = []
    for status, spans in (("kept", article.paragraphs), ("metadata", article.metadata_spans),
                          ("removed", article.removed)):
        for s in spans:
            rows.append({"start": s.start, "end": s.end, "status": status, "label": s.label,
                         "reason": s.reason, "text": article.source[s.start : s.end]})
    schema = {"start": pl.Int64, "end": pl.Int64, "status": pl.Utf8, "label": pl.Utf8, "reason": pl.Utf8,
              "text": pl.Utf8}
    return pl.DataFrame(rows, schema=schema).sort("start", "end", "status", "label", maintain_order=True)


def cleaning_html(article: Article, max_chars: int = 400) -> str:
    """Side-by-side HTML: each piece of the source (escaped) beside its status and the reason.

    Every cell is aligned left and top (notebook front ends right-align table cells by default), and a
    legend says what the three background colours mean.
    """
    table = cleaning_table(article)
    cell = "padding:4px 6px;text-align:left;vertical-align:top"
    legend = " ".join(
        f"<span style='background:{c};padding:1px 6px;margin-right:6px'>{html.escape(s)}</span>"
        for s, c in _COLOURS.items()
    )
    out = [
        f"<div style='font-family:sans-serif;font-size:12px;margin-bottom:6px'>{legend}</div>",
        '<table style="border-collapse:collapse;font-family:sans-serif;font-size:13px;width:100%;table-layout:fixed">',
        f"<tr><th style='{cell};width:65%'>source text</th><th style='{cell}'>decision</th></tr>",
    ]
    for row in table.iter_rows(named=True):
        text = row["text"] if len(row["text"]) <= max_chars else row["text"][: max_chars - 1] + "\u2026"
        colour = _COLOURS[row["status"]]
        why = row["reason"] or ("article paragraph" if row["status"] == "kept" else "")
        out.append(
            f"<tr style='background:{colour};border-bottom:1px solid #ddd'>"
            f"<td style='{cell};white-space:pre-wrap;overflow-wrap:anywhere'>{html.escape(text)}</td>"
            f"<td style='{cell}'><b>{html.escape(row['status'])}</b> {html.escape(row['label'] or '')}"
            f"<br><span style='color:#555'>{html.escape(why)}</span></td></tr>"
        )
    out.append("</table>")
    return "\n".join(out)


# --- actors and quotes ------------------------------------------------------------------------------


def _spans_html(source: str, blocks: list[tuple[int, int]], marks: list[tuple[int, int, str, str]]) -> str:
    """Escaped HTML of ``blocks`` (paragraph spans) with non-overlapping ``marks`` (start, end, colour,
    hover text) highlighted. Overlapping marks: the earlier (then longer) one wins."""
    marks = sorted(marks, key=lambda m: (m[0], -(m[1] - m[0])))
    kept: list[tuple[int, int, str, str]] = []
    last_end = -1
    for m in marks:
        if m[0] >= last_end:
            kept.append(m)
            last_end = m[1]
    ends = [m[1] for m in kept]  # kept marks do not overlap: their ends rise with their starts
    parts = []
    for bs, be in blocks:
        out, pos = [], bs
        for k in range(bisect_right(ends, bs), len(kept)):  # the marks ending after the block starts
            ms, me, colour, hover = kept[k]
            if ms >= be:
                break
            ms, me = max(ms, bs), min(me, be)
            out.append(html.escape(source[pos:ms]))
            out.append(
                f"<span title=\"{html.escape(hover, quote=True)}\" style=\"background:{colour}33;"
                f"border-bottom:2px solid {colour};cursor:help\">{html.escape(source[ms:me])}</span>"
            )
            pos = me
        out.append(html.escape(source[pos:be]))
        parts.append(f"<p style='margin:0 0 0.7em 0;text-align:left'>{''.join(out)}</p>")
    return "\n".join(parts)


def _legend(colours: ColourScale, counts: Counter[str], unit: str) -> str:
    """One swatch per legend entry present in ``counts`` (value -> marks), in the scale's order: the same
    colours as every chart given ``colours``. Values the scale groups as "other" share one entry whose
    hover text names them."""
    groups: dict[str, list[str]] = {}
    for value in counts:
        groups.setdefault(colours.group(value), []).append(value)
    order = [g for g in colours.domain if g in groups] + sorted(g for g in groups if g not in colours.domain)
    items = []
    for g in order:
        n = sum(counts[v] for v in groups[g])
        c = colours.colour(g)
        hover = ", ".join(sorted(groups[g])) if g == OTHER else g
        items.append(
            f"<span title=\"{html.escape(hover, quote=True)}\" style='display:inline-block;background:{c}33;"
            f"border-bottom:2px solid {c};padding:0 4px;margin:0 6px 3px 0'>{html.escape(g)} "
            f"<span style='color:#555'>({n} {unit}{'' if n == 1 else 's'})</span></span>"
        )
    return f"<div style='font-family:sans-serif;font-size:12px;margin-bottom:1em;text-align:left'>{''.join(items)}</div>"


def _view(legend: str, body: str) -> str:
    return (f"<div style='font-family:Georgia,serif;font-size:14px;line-height:1.5;max-width:48em;text-align:left'>"
            f"{legend}{body}</div>")


def quotes_html(analysis: Analysis, colours: ColourScale | None = None) -> str:
    """The article with each quote coloured by its speaker; hovering shows speaker, cue and the rule.

    Colours come from ``colours`` (default: :meth:`ColourScale.from_analyses` of ``analysis``, which is
    what the chart builders use), so a speaker has the same colour here as in the charts; no two speakers
    share a colour (past the palette, speakers are grey "other"). All article text is HTML-escaped. A
    legend lists the speakers with their colours and quote counts.
    """
    art = analysis.article
    colours = colours or ColourScale.from_analyses(analysis)
    rows = analysis.quote_rows(analysis.doc)
    counts: Counter[str] = Counter()
    marks = []
    for r in rows:
        who = r["speaker"] or NO_SPEAKER
        counts[who] += 1
        hover = f"{who} | {r['kind']} | cue: {r['cue'] or '-'} | rule: {r['rule']}"
        marks.append((r["start"], r["end"], colours.colour(who), hover))
    blocks = [(s.start, s.end) for s in _reading_spans(art)]
    return _view(_legend(colours, counts, "quote"), _spans_html(art.source, blocks, marks))


def actors_html(analysis: Analysis, colours: ColourScale | None = None) -> str:
    """The article with every actor mention coloured by actor; hovering shows the actor and the rule.

    Colours come from ``colours`` (default: :meth:`ColourScale.from_analyses` of ``analysis``, as in the
    chart builders), so an actor has the same colour here as in the charts; no two actors share a colour
    (past the palette, actors are grey "other"). A legend lists the actors with their colours and mention
    counts. All article text is HTML-escaped.
    """
    art = analysis.article
    colours = colours or ColourScale.from_analyses(analysis)
    counts: Counter[str] = Counter()
    marks = []
    for a in analysis.actors:
        for m in a.mentions:
            if m.start is None or m.end is None:
                continue
            counts[a.name] += 1
            hover = f"{a.name} ({a.type}) | {m.rule}"
            marks.append((m.start, m.end, colours.colour(a.name), hover))
    blocks = [(s.start, s.end) for s in _reading_spans(art)]
    return _view(_legend(colours, counts, "mention"), _spans_html(art.source, blocks, marks))


def _reading_spans(art: Article) -> list[Span]:
    spans = [s for s in art.metadata_spans if s.label in ("title", "standfirst")] + list(art.paragraphs)
    return sorted(spans, key=lambda s: s.start)


def use_offline_charts() -> str:
    """Old name of :func:`mediakit.charts.setup` (kept for existing notebooks); returns the renderer's name.

    Charts then draw with no internet connection: an interactive view with the JavaScript inlined, over
    a static image for viewers that run no script (see :mod:`mediakit.charts.render`).
    """
    from .charts import setup

    setup()
    return "mediakit"
