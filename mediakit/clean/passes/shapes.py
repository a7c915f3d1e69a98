"""Line shapes that several passes ask about: prose, a headline, a comments heading."""

from __future__ import annotations

from ..bylines import BY_PREFIX, LEDE, TIME_OF_DAY
from ..chars import LETTER
from ..lines import Line
from ..phrases import COMMENTS_HEADING, NO_COMMENTS


def prose(ln: Line) -> bool:
    """A sentence of some length, not a list item, not hinted."""
    return not ln.hint and not ln.marker and ln.terminal and ln.words >= 8


def title_shape(ln: Line) -> bool:
    """The line could be a headline: a few words, not a sentence, not a byline, credit, caption or date."""
    t = ln.content
    if ln.marker or ln.strong or not 2 <= ln.words <= 30 or len(t) > 250:
        return False  # a list item, a certain piece of boilerplate, too short or too long
    if t.endswith((":", ";", ",")) or t.endswith(".") and (ln.words > 14 or t.endswith("...")):
        return False
    if BY_PREFIX.match(t) or ln.is_credit or ln.credit or ln.date:
        return False  # a byline, a credit, a caption or a date
    if ln.words <= 4 and TIME_OF_DAY.search(t):
        return False  # "Monday 6:30PM"
    if LEDE.match(t):
        return False  # "LOS ANGELES (AP) \u2014 ...": the first paragraph of a news story
    return bool(LETTER.search(t))


def headline_at(lines: list[Line], j: int) -> bool:
    """Line ``j`` exists and has the shape of a headline of four words or more."""
    return j >= 0 and lines[j].words >= 4 and title_shape(lines[j])


def comments_heading(lines: list[Line]) -> int | None:
    """Index of the heading of the reader comments ("Comments", "12 comments on ..."), if any."""
    for i, ln in enumerate(lines):
        if ln.hint != "comments" or ln.marker or ln.terminal or NO_COMMENTS.search(ln.content):
            continue
        if ln.words <= 6 or COMMENTS_HEADING.match(ln.content):
            return i
    return None
