"""An article's text cut into the pieces a widget draws: reading blocks, and pieces covered by marks.

Widgets never build HTML from article text: they send these pieces as data and the browser inserts
each piece with ``textContent``. The static fallbacks (``_repr_html_``) escape every piece.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from typing import Any

from ..model import Article

__all__ = ["colour", "escape", "pieces", "reading_blocks", "snippet"]

_HEX = re.compile(r"^#[0-9A-Fa-f]{6}$")
_FALLBACK_COLOUR = "#999999"

#: The block labels a widget shows, in the order an article reads.
LABELS = ("title", "standfirst", "paragraph")


def reading_blocks(article: Article) -> list[tuple[str, int, int]]:
    """``(label, start, end)`` of what a reader reads: headline and standfirst (where they are in the source)
    and the body paragraphs, in source order. An article with no such spans is one block of its text.

    >>> from mediakit.model import Span
    >>> reading_blocks(Article("Pier\\n\\nIt opens.", paragraphs=[Span(6, 15, "paragraph")],
    ...                        metadata_spans=[Span(0, 4, "title")]))
    [('title', 0, 4), ('paragraph', 6, 15)]
    >>> reading_blocks(Article("  just text  "))
    [('paragraph', 2, 11)]
    """
    spans = [(s.label, s.start, s.end) for s in article.metadata_spans if s.label in ("title", "standfirst")]
    spans += [("paragraph", p.start, p.end) for p in article.paragraphs]
    spans = sorted((s for s in spans if s[1] < s[2]), key=lambda s: (s[1], s[2]))
    if spans:
        return spans
    text = article.source
    start, end = len(text) - len(text.lstrip()), len(text.rstrip())
    return [("paragraph", start, end)] if start < end else []


def pieces(source: str, start: int, end: int, layers: Mapping[str, Sequence[tuple[int, int]]]) -> list[dict[str, Any]]:
    """``source[start:end]`` cut at every edge of the marks in ``layers`` (name -> list of ``(start, end)``).

    Each piece is ``{"t": text, "at": offset, name: index or None, ...}``: for each layer, the index of
    the shortest mark covering the piece (the first on ties), or None.

    >>> [(p["t"], p["q"], p["m"]) for p in pieces("He said it was fine", 0, 19, {"q": [(8, 19)], "m": [(0, 2), (8, 10)]})]
    [('He', None, 0), (' said ', None, None), ('it', 0, 1), (' was fine', 0, None)]
    """
    cuts = {start, end}
    for marks in layers.values():
        for s, e in marks:
            if s < end and e > start:
                cuts.update(x for x in (s, e) if start < x < end)
    edges = sorted(cuts)
    out = []
    for a, b in zip(edges, edges[1:], strict=False):
        piece: dict[str, Any] = {"t": source[a:b], "at": a}
        for name, marks in layers.items():
            best = None
            for i, (s, e) in enumerate(marks):
                if s <= a and b <= e and (best is None or e - s < marks[best][1] - marks[best][0]):
                    best = i
            piece[name] = best
        out.append(piece)
    return out


def colour(value: str | None) -> str:
    """``value`` when it is a ``#RRGGBB`` colour, else a grey: only such strings reach a style.

    >>> colour("#E69F00"), colour("red;background:url(x)")
    ('#E69F00', '#999999')
    """
    return value if isinstance(value, str) and _HEX.match(value) else _FALLBACK_COLOUR


def snippet(text: str, limit: int = 80) -> str:
    """The text on one line, cut at ``limit`` characters with an ellipsis.

    >>> snippet("a  b\\nc"), snippet("abcdef", 4)
    ('a b c', 'abc…')
    """
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def escape(text: Any) -> str:
    """HTML-escaped text, quotes included (safe in element content and in attribute values)."""
    return html.escape("" if text is None else str(text), quote=True)
