"""The main-block pass: which run of lines is the article text.

Prose (long lines ending like sentences) scores positive; short lines, list items and hinted lines
negative; headings of related links, comments and footers strongly negative. The text is the run of
lines with the highest total (a maximum-sum segment), refined by what pages look like: reader comments
follow a "Comments" heading; an earlier run that is nearly as strong wins (teasers, comments and legal
notices come after an article); a byline or dateline near the top of the run, or a headline-plus-dateline
inside it, marks where the text starts; short inserts (a video teaser, a "Related" box, an ad label) are
bridged; a closing line ending in ":" keeps its list.
"""

from __future__ import annotations

from ..lines import Line
from .shapes import comments_heading, headline_at, title_shape

_BARRIER = -4.0


def _value(ln: Line) -> float:
    """How much a line looks like article prose (+) or page furniture (-)."""
    if ln.hint:
        if ln.hint == "caption":
            return -0.3
        if ln.hint == "blank":
            return 0.0
        if ln.heading:
            return _BARRIER
        return -2.0 if ln.strong else -1.5
    n = ln.words
    if ln.table_row:
        return 0.4
    if ln.marker:
        if ln.terminal and n >= 15:
            return 0.5 + min(len(ln.text), 1000) / 200  # a list item written as sentences
        return 0.3 if ln.terminal and n >= 10 else -1.0
    if ln.terminal:
        if n >= 10:
            return 1.0 + min(len(ln.text), 1000) / 100
        return 0.3 if n >= 5 else -0.5
    return 0.3 + min(len(ln.text), 1000) / 200 if n >= 20 else -0.8


def main_block(lines: list[Line]) -> tuple[int, int]:
    """Indices (first, last) of the article text.

    The maximum-sum run of line values, with two preferences for what comes first on a page: reader
    comments follow a "Comments" heading, so prose after one only counts when there is none before it;
    and an earlier run wins when it adds up to at least ``_EARLIER`` of the best one (teasers, comments
    and legal notices come after an article, not before)."""
    values = [_value(ln) for ln in lines]
    stop = len(values)
    cut = comments_heading(lines)
    if cut is not None and _best_run(values, cut)[0] >= _PARAGRAPH:
        stop = cut
    best, lo, hi = _best_run(values, stop)
    if best <= 0:
        return _no_prose(lines)
    for _ in range(_EARLIER_STEPS):
        score, a, b = _best_run(values, lo)
        if lo == 0 or score < max(_EARLIER * best, _SUBSTANTIAL) or _under_heading(lines, a):
            break
        lo, hi = a, b
    lo = _restart(lines, values, lo, hi)
    lo, hi = _extend(lines, values, lo, hi, stop)
    return lo, _announced_list(lines, hi, stop)


def _announced_list(lines: list[Line], hi: int, stop: int) -> int:
    """The text ends with a line announcing a list ("Tour dates:"): the short lines that follow, up to
    the first hinted one, are that list."""
    if not lines[hi].content.endswith(":") or lines[hi].words < 3:
        return hi
    j = hi + 1
    while j < stop and j - hi <= _LIST_LINES and not lines[j].hint and lines[j].words <= 25:
        j += 1
    return j - 1


_LIST_LINES = 60


def _extend(lines: list[Line], values: list[float], lo: int, hi: int, stop: int) -> tuple[int, int]:
    """Bridge short inserts: prose separated from the block only by a few list items or hinted lines
    (a video teaser, an ad label, a small "Related" box) belongs to it. Going down, nothing is bridged
    across a heading of comments, related links or footer (what follows one is its list), nor beyond
    ``stop``."""
    while True:
        j = lo - 1
        while j >= 0 and lo - j <= _GAP and _bridgeable(lines[j], values[j], True):
            j -= 1
        k, total = j, 0.0
        while k >= 0 and values[k] > 0:
            total += values[k]
            k -= 1
        if j == lo - 1 or total < _PARAGRAPH / 2:
            break
        lo = k + 1
    while True:
        j = hi + 1
        while j < stop and j - hi <= _GAP and _bridgeable(lines[j], values[j], False):
            j += 1
        k, total = j, 0.0
        while k < stop and values[k] > 0:
            total += values[k]
            k += 1
        if j == hi + 1 or total < _BRIDGE_DOWN:
            break
        hi = k - 1
    return lo, hi


def _bridgeable(ln: Line, value: float, upwards: bool) -> bool:
    return value < 0 and (bool(ln.hint) or bool(ln.marker)) and (upwards or not ln.heading)


_GAP = 4
_BRIDGE_DOWN = 2.0  # a paragraph of at least ~10 words with a full stop, under an ad label or video teaser


def _restart(lines: list[Line], values: list[float], lo: int, hi: int) -> int:
    """Where the article itself starts inside the run: after a byline or dateline near its top (the
    headline, standfirst and caption above it joined the run), or after a headline followed by a
    dateline or byline further down (teasers above an article can join its run)."""
    start = lo
    total = sum(values[lo : hi + 1])
    before = 0.0  # sum of values[lo:k]
    for k in range(lo, hi - 1):
        after = total - before - values[k]  # sum of values[k + 1 : hi + 1]
        before += values[k]
        if not _signature(lines[k]):
            continue
        near_top = k - lo < 6
        if not near_top and not (
            headline_at(lines, k - 1) or headline_at(lines, k - 2) and not lines[k - 2].hint
        ):
            continue
        if after >= _SUBSTANTIAL and (near_top or before - values[k] > 0):
            start = k + 1
            if not near_top:
                break
    return start


def _signature(ln: Line) -> bool:
    """A byline or dateline: short, not a sentence, "By ..." or a written date."""
    if ln.words > 12 or ln.marker or ln.terminal or ln.hint:
        return False
    return bool(ln.byline) or bool(ln.date)


_EARLIER = 0.4
_EARLIER_STEPS = 4  # how many times an earlier run may take over (keeps long inputs linear)
_SUBSTANTIAL = 6.0  # about two paragraphs of prose
_PARAGRAPH = 3.0  # one paragraph


def _under_heading(lines: list[Line], i: int) -> bool:
    """The run starting at ``i`` sits right under a related-links or similar heading."""
    return i > 0 and lines[i - 1].heading and not lines[i - 1].marker


def _best_run(values: list[float], stop: int) -> tuple[float, int, int]:
    """The maximum-sum run of ``values[:stop]`` (Kadane): (sum, first, last)."""
    best, best_lo, best_hi = float("-inf"), 0, -1
    run, run_lo = 0.0, 0
    for i in range(stop):
        v = values[i]
        if run <= 0:
            run, run_lo = v, i
        else:
            run += v
        if run > best:
            best, best_lo, best_hi = run, run_lo, i
    return best, best_lo, best_hi


def _no_prose(lines: list[Line]) -> tuple[int, int]:
    """Nothing reads like prose: keep the unhinted lines after a possible headline."""
    free = [i for i, ln in enumerate(lines) if not ln.hint]
    if not free:
        return len(lines), len(lines) - 1
    first = free[1] if len(free) > 1 and title_shape(lines[free[0]]) else free[0]
    return first, free[-1]
