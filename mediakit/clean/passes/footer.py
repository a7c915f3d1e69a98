"""The footer pass: every line still unlabelled lies outside the article and its header.

Above the headline is navigation, between the headline and the text page furniture; below the text come
notes on who reported the story, reader comments (after a comments heading), lists of related headlines,
and the page footer.
"""

from __future__ import annotations

from ..lines import Line
from ..phrases import END_NOTE
from .shapes import comments_heading


def footer(lines: list[Line], top: int, hi: int) -> None:
    """Remove what is left: above the header (from ``top``), inside it, or after the text (``hi``)."""
    comments = comments_heading(lines)
    for i, ln in enumerate(lines):
        if ln.role:
            continue
        if ln.hint:
            ln.remove(ln.hint, ln.hint_reason)
        elif i < top:
            ln.remove("navigation", "above the headline: site navigation or page header")
        elif i <= hi:
            ln.remove("byline-furniture", "between the headline and the article text: page furniture")
        elif i <= hi + 3 and ln.words <= 50 and END_NOTE.search(ln.content):
            ln.remove("byline-furniture", "note on who reported or edited the story, after the text")
        elif comments is not None and i > comments > hi:
            ln.remove("comments", "after the comments heading: reader comments")
        elif ln.marker and ln.words >= 4:
            ln.remove("related", "list of links after the article text: related headlines")
        else:
            ln.remove("footer", "after the article text: related links or page footer")
