"""Showing an article's cleaning to a person: a tidy table and an escaped side-by-side HTML view.

Article text is untrusted input (a news page): everything placed in HTML here goes through
:func:`html.escape`.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

import polars as pl

from .model import Article, Span

if TYPE_CHECKING:
    from .analysis import Analysis

_COLOURS = {"kept": "#e8f4ea", "metadata": "#e6eef9", "removed": "#fbe9e7"}


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
    """Side-by-side HTML: each piece of the source (escaped) beside its status and the reason."""
    table = cleaning_table(article)
    out = [
        '<table style="border-collapse:collapse;font-family:sans-serif;font-size:13px;width:100%">',
        "<tr><th style='text-align:left;width:65%'>source text</th><th style='text-align:left'>decision</th></tr>",
    ]
    for row in table.iter_rows(named=True):
        text = row["text"] if len(row["text"]) <= max_chars else row["text"][: max_chars - 1] + "\u2026"
        colour = _COLOURS[row["status"]]
        why = row["reason"] or ("article paragraph" if row["status"] == "kept" else "")
        out.append(
            f"<tr style='background:{colour};border-bottom:1px solid #ddd'>"
            f"<td style='padding:4px;white-space:pre-wrap'>{html.escape(text)}</td>"
            f"<td style='padding:4px'><b>{html.escape(row['status'])}</b> {html.escape(row['label'] or '')}"
            f"<br><span style='color:#555'>{html.escape(why)}</span></td></tr>"
        )
    out.append("</table>")
    return "\n".join(out)


# --- actors and quotes ------------------------------------------------------------------------------

# Okabe-Ito colour-blind-safe palette, as light backgrounds with a strong underline.
PALETTE = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999"]


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
    parts = []
    for bs, be in blocks:
        out, pos = [], bs
        for ms, me, colour, hover in kept:
            if me <= bs or ms >= be:
                continue
            ms, me = max(ms, bs), min(me, be)
            out.append(html.escape(source[pos:ms]))
            out.append(
                f"<span title=\"{html.escape(hover, quote=True)}\" style=\"background:{colour}33;"
                f"border-bottom:2px solid {colour};cursor:help\">{html.escape(source[ms:me])}</span>"
            )
            pos = me
        out.append(html.escape(source[pos:be]))
        parts.append(f"<p style='margin:0 0 0.7em 0'>{''.join(out)}</p>")
    return "\n".join(parts)


def _colours(names: list[str]) -> dict[str, str]:
    order: list[str] = []
    for n in names:
        if n not in order:
            order.append(n)
    return {n: PALETTE[i % len(PALETTE)] for i, n in enumerate(order)}


def quotes_html(analysis: Analysis) -> str:
    """The article with each quote coloured by its speaker; hovering shows speaker, cue and the rule.

    All article text is HTML-escaped. A legend lists the speakers with their colours.
    """
    art = analysis.article
    rows = analysis.quote_rows(analysis.doc)
    colours = _colours([r["speaker"] or "(no speaker)" for r in rows])
    marks = []
    for r in rows:
        who = r["speaker"] or "(no speaker)"
        hover = f"{who} | {r['kind']} | cue: {r['cue'] or '-'} | rule: {r['rule']}"
        marks.append((r["start"], r["end"], colours[who], hover))
    legend = " ".join(
        f"<span style='background:{c}33;border-bottom:2px solid {c};padding:0 4px;margin-right:6px'>"
        f"{html.escape(n)}</span>"
        for n, c in colours.items()
    )
    blocks = [(s.start, s.end) for s in _reading_spans(art)]
    return (f"<div style='font-family:Georgia,serif;font-size:14px;line-height:1.5;max-width:48em'>"
            f"<div style='font-family:sans-serif;font-size:12px;margin-bottom:1em'>{legend}</div>"
            f"{_spans_html(art.source, blocks, marks)}</div>")


def actors_html(analysis: Analysis) -> str:
    """The article with every actor mention coloured by actor; hovering shows the actor and the rule."""
    art = analysis.article
    actors = [a for a in analysis.actors if a.mentions]
    colours = _colours([a.name for a in actors])
    marks = []
    for a in actors:
        for m in a.mentions:
            if m.start is None or m.end is None:
                continue
            hover = f"{a.name} ({a.type}) | {m.rule}"
            marks.append((m.start, m.end, colours[a.name], hover))
    blocks = [(s.start, s.end) for s in _reading_spans(art)]
    return (f"<div style='font-family:Georgia,serif;font-size:14px;line-height:1.5;max-width:48em'>"
            f"{_spans_html(art.source, blocks, marks)}</div>")


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
