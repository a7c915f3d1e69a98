"""HTML pieces of the report: escaped values and cells, tables, links, and the page's style sheet."""

from __future__ import annotations

import html
import re
from typing import Any

import polars as pl

__all__ = ["MAX_ROWS", "REPORT_CSS", "cell_html", "escape_value", "link_html", "table_html"]

#: Rows of a table shown in the page (the CSV beside it has them all).
MAX_ROWS = 60



def escape_value(value: Any) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def cell_html(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.3g}" if abs(value) < 1 else f"{value:,.2f}".rstrip("0").rstrip(".")
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value)
    return str(value)


def table_html(df: pl.DataFrame, *, limit: int | None = MAX_ROWS, caption: str | None = None) -> str:
    """A polars table as an HTML table, every header and cell escaped; past ``limit`` rows, a note says how
    many more there are.

    >>> table_html(pl.DataFrame({"speaker": ["<b>Ortiz</b>"], "quotes": [2]}))
    '<table class="tidy"><thead><tr><th>speaker</th><th>quotes</th></tr></thead><tbody><tr><td>&lt;b&gt;Ortiz&lt;/b&gt;</td><td class="num">2</td></tr></tbody></table>'
    """
    shown = df if limit is None else df.head(limit)
    numeric = [dt.is_numeric() for dt in df.dtypes]
    head = "".join(f"<th>{escape_value(c)}</th>" for c in df.columns)
    body = []
    for row in shown.iter_rows():
        cells = "".join(f'<td class="num">{escape_value(cell_html(v))}</td>' if num else f"<td>{escape_value(cell_html(v))}</td>"
                        for v, num in zip(row, numeric, strict=True))
        body.append(f"<tr>{cells}</tr>")
    cap = f"<caption>{escape_value(caption)}</caption>" if caption else ""
    out = f'<table class="tidy">{cap}<thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>'
    if limit is not None and df.height > limit:
        out += f'<p class="note">The first {limit} of {df.height} rows.</p>'
    return out


def link_html(url: Any) -> str:
    """A link for an ``http(s)`` URL only; any other value (``javascript:``...) is shown as text."""
    if not url:
        return ""
    text = str(url)
    if re.match(r"(?i)^https?://", text) and not any(c in text for c in "\"'<>\n\r\t "):
        return f'<a href="{escape_value(text)}" rel="noopener noreferrer nofollow">{escape_value(text)}</a>'
    return f"<code>{escape_value(text)}</code>"


REPORT_CSS = """
body{font-family:'Liberation Sans',Arial,Helvetica,sans-serif;color:#222;margin:0;background:#fafafa}
main{max-width:1180px;margin:0 auto;padding:24px 28px 60px;background:white}
h1{font-size:26px;margin:0 0 4px}h2{font-size:20px;margin:36px 0 6px;border-top:1px solid #ddd;padding-top:18px}
h3{font-size:16px;margin:22px 0 6px}.lede{color:#555;margin:0 0 18px}
.facts{display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:10px;margin:14px 0}
.fact{background:#f3f5f7;border-radius:6px;padding:10px 12px}.fact b{display:block;font-size:22px}
.fact span{color:#555;font-size:13px}.fact b.small{font-size:15px;line-height:22px}
nav ol{columns:2;font-size:14px;padding-left:20px}
.chart{margin:10px 0 6px;overflow-x:auto}.files{font-size:13px;color:#555}
.note{font-size:13px;color:#555}.skipped{color:#8a5a00}
table.tidy{border-collapse:collapse;font-size:13px;margin:8px 0}
table.tidy th,table.tidy td{border-bottom:1px solid #e4e4e4;padding:3px 8px;text-align:left;vertical-align:top}
table.tidy th{background:#f3f5f7}table.tidy td.num{text-align:right;font-variant-numeric:tabular-nums}
table.tidy caption{text-align:left;font-weight:bold;padding:4px 0}
details{margin:6px 0}summary{cursor:pointer;color:#0a58a5;font-size:14px}
.article{border:1px solid #e4e4e4;border-radius:6px;padding:12px 16px;margin:16px 0}
.meta{font-size:13px;color:#555}.captions{font-size:13px;color:#444}
.cols{display:grid;grid-template-columns:1fr 1fr;gap:18px}
@media (max-width:900px){.cols{grid-template-columns:1fr}}
"""
