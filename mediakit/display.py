"""Showing an article's cleaning to a person: a tidy table and an escaped side-by-side HTML view.

Article text is untrusted input (a news page): everything placed in HTML here goes through
:func:`html.escape`.
"""

from __future__ import annotations

import html

import polars as pl

from .model import Article

_COLOURS = {"kept": "#e8f4ea", "metadata": "#e6eef9", "removed": "#fbe9e7"}


def cleaning_table(article: Article) -> pl.DataFrame:
    """One row per span of the source, in reading order: what was kept, kept as metadata, or removed.

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
    return pl.DataFrame(rows, schema=schema).sort("start")


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
