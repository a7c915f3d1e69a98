"""Hint passes: what each line probably is, judged alone and against the page, before any decision.

Run in this order by :func:`hint_lines`; a first hint stands (only a promotion's call to action
re-labels the lines above it):

1. :func:`video_runs`: a running time ("01:41") is a video player, and the teaser headline after it a
   related video.
2. :func:`line_hints`: one line at a time: counters, reading times, addresses, leftover HTML, long
   cookie and copyright notices, a comments heading, and short lines that name their kind (the phrase
   rules of :mod:`mediakit.clean.phrases`) or short labels repeated across the page.
3. :func:`promo_runs`: a call to action ("Learn more") closes a promotion with the short lines above it.
4. :func:`doubled_headlines`: a headline printed twice in a row is a teaser.
5. :func:`sign_up_boxes`: a short line between two sign-up or cookie prompts is part of the same box.
6. :func:`repeated_lines`: a longer line printed more than once on the page is a link list shown twice.
"""

from __future__ import annotations

from collections import Counter

from ..chars import LETTER
from ..credits import split_credit
from ..lines import Line
from ..phrases import (
    BARRIERS,
    CALL_TO_ACTION,
    COMMENTS_HEADING,
    COOKIE_NOTICE,
    COUNT_WITH_NOUN,
    DURATION,
    MARKUP,
    NUMBER_ONLY,
    READ_TIME,
    RELATIVE_TIME,
    URLISH,
    phrase_category,
)
from .shapes import short


def hint_lines(lines: list[Line]) -> None:
    """Run the hint passes in order (see the module docstring)."""
    video_runs(lines)
    calls = line_hints(lines)
    promo_runs(lines, calls)
    doubled_headlines(lines)
    sign_up_boxes(lines)
    repeated_lines(lines)


# ---------------------------------------------------------------------------------------------- video runs

_PLAYER_WORDS = ("video", "watch", "play", "duration")


def video_runs(lines: list[Line]) -> None:
    """A running time ("01:41", "Video: 2:05") is a video player; the teaser headline after it, often
    printed twice, is a related video."""
    for i, ln in enumerate(lines):
        if ln.hint:
            continue  # the headline of the video above
        c = ln.content
        if not (c[:1].isdigit() or ln.key.startswith(_PLAYER_WORDS)) or not DURATION.fullmatch(c):
            continue
        ln.suggest("video", f"running time '{c}': a video player", True)
        first = None
        for j in range(i + 1, min(i + 3, len(lines))):
            nxt = lines[j]
            if nxt.hint or nxt.words > 30 or (nxt.terminal and nxt.text[-1:] == "." and nxt.words > 12):
                break
            if first is None or nxt.key == first:
                first = nxt.key
                nxt.suggest("related", "headline after a video running time: a related video", True)
            else:
                break


# ---------------------------------------------------------------------------------------------- one line


def line_hints(lines: list[Line]) -> list[int]:
    """Hints from the line itself (and how often a short label recurs on the page).

    Returns the indices of the calls to action ("Learn more") among the phrase hits, for
    :func:`promo_runs`."""
    counts = Counter(ln.key for ln in lines if ln.key and ln.words <= 4)
    calls: list[int] = []
    for i, ln in enumerate(lines):
        if ln.hint:
            continue
        c = ln.content
        first = c[:1]
        if not first.isalpha() and not LETTER.search(c):
            _symbols(ln)
        elif first.isdigit() and COUNT_WITH_NOUN.fullmatch(c):
            ln.suggest(
                "share" if "comment" not in c.lower() else "comments",
                f"count '{c}': a share or comment counter",
                True,
            )
        elif ln.words <= 6 and _is_timestamp(ln.key, c):
            ln.suggest("byline-furniture", f"'{c}': a reading time or relative timestamp", True)
        elif ln.words == 1 and URLISH.fullmatch(c):
            ln.suggest("navigation", "a bare address, handle or link", True)
        elif ("<" in c or "&" in c or "=" in c) and (MARKUP.match(c) or ln.words <= 12 and MARKUP.search(c)):
            ln.suggest("markup", "HTML code left in the text (tags, attributes or escaped brackets)", True)
        elif ln.words > 14 and _long_notice(ln):
            pass
        elif first.isdigit() and COMMENTS_HEADING.match(c):
            ln.suggest("comments", f"'{short(c)}': the heading of the reader comments", True)
        elif _phrase(ln, counts.get(ln.key, 0) if ln.words <= 4 else 0) and ln.key in CALL_TO_ACTION:
            calls.append(i)
    return calls


_INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u00ad"


def _symbols(ln: Line) -> None:
    """A line without letters: an icon, a separator, a count."""
    c = ln.content.strip()
    if not c:
        ln.suggest("navigation", "empty list item (an icon or image link)", True)
    elif not c.strip(_INVISIBLE):
        ln.suggest("blank", "only invisible characters (zero-width spaces): an empty block", True)
    elif NUMBER_ONLY.fullmatch(c):
        ln.suggest("share", f"bare number '{c}': a share or comment count", True)
    else:
        ln.suggest("navigation", f"'{c[:30]}' has no letters: an icon, separator or widget", True)


def _is_timestamp(key: str, c: str) -> bool:
    """A reading time ("4 min read") or a relative time ("2 hours ago")."""
    if ("min" in key or "read" in key) and READ_TIME.search(c):
        return True
    return "ago" in key and bool(RELATIVE_TIME.fullmatch(c))


def _long_notice(ln: Line) -> bool:
    """A long line that is a cookie notice or a copyright notice."""
    low = ln.text.lower()
    if "cookie" in low and (low.count("cookie") >= 2 or COOKIE_NOTICE.search(low)):
        ln.suggest("cookie", "long line about the site's use of cookies: cookie notice", True)
        return True
    if ("\u00a9" in low or "all rights reserved" in low) and ln.words <= 80 and not split_credit(ln.text):
        ln.suggest("footer", "long line with a copyright notice: page footer", True)
        return True
    return False


CATEGORY_WORDS = {
    "advertisement": "advertisement label",
    "share": "share or social widget",
    "comments": "comments widget",
    "navigation": "navigation link",
    "subscription": "subscription or sign-in prompt",
    "promo": "promotion or call to action",
    "cookie": "cookie notice",
    "newsletter": "newsletter prompt",
    "footer": "page footer",
    "related": "related-content heading or link",
    "video": "video player text",
    "caption": "photo caption or credit",
}
"""What a phrase category is, in the words of the reasons."""


def _phrase(ln: Line, repeated: int) -> bool:
    """A short line that names its kind ("Share", "Most read"), or a short label repeated on the page
    (a menu). True when a phrase rule matched."""
    cat, phrase = phrase_category(ln)
    if not cat:
        if repeated > 1 and not ln.terminal:
            ln.suggest(
                "navigation", f"short line '{short(ln.content)}' repeated {repeated} times: a menu or label"
            )
        return False
    if phrase == ln.key:
        how = f"short line '{short(ln.content)}'"
    elif phrase:
        how = f"'{phrase}' in '{short(ln.content)}'"
    else:
        how = f"'{short(ln.content)}' names only social networks"
    if repeated > 1:
        how += f" repeated {repeated} times"
    ln.suggest(cat, f"{how}: {CATEGORY_WORDS.get(cat, cat)}", True)
    ln.heading = cat in BARRIERS and ln.words <= 8 and not ln.terminal
    return True


# ---------------------------------------------------------------------------------------------- promos


def promo_runs(lines: list[Line], calls: list[int]) -> None:
    """A call to action ("Learn more") closes a promo: the short unfinished lines just above it belong to it."""
    for i in calls:
        cta = lines[i]
        j = i
        while j > 0 and i - j < 2:
            up = lines[j - 1]
            if lines[j].blank_before or up.terminal or up.words > 12 or up.marker:
                break
            if up.hint and up.hint != "promo":
                break
            up.suggest(
                "promo",
                f"short line ending in the call to action '{cta.content}': a promotion",
                True,
                force=True,
            )
            j -= 1


# ---------------------------------------------------------------------------------------------- the page


def doubled_headlines(lines: list[Line]) -> None:
    """A headline printed twice in a row is a teaser for another story."""
    for a, b in zip(lines, lines[1:], strict=False):
        if a.key and a.key == b.key and a.words >= 3 and not a.hint and not a.table_row:
            for ln in (a, b):
                ln.suggest("related", "headline printed twice in a row: a teaser for another story", False)


_FORM_CATEGORIES = ("newsletter", "subscription", "cookie")


def sign_up_boxes(lines: list[Line]) -> None:
    """A short line between two sign-up or cookie prompts (at most three lines apart) is part of the
    same box: "Get the day's top stories" between "Newsletter" and "Subscribe"."""
    last = {}  # category -> index of its latest line
    for i, ln in enumerate(lines):
        if ln.hint in _FORM_CATEGORIES:
            j = last.get(ln.hint)
            if j is not None and 1 < i - j <= 3:
                for box in lines[j + 1 : i]:
                    if not box.hint and box.words <= 25:
                        box.suggest(ln.hint, f"between two {ln.hint} prompts: part of the same box", True)
            last[ln.hint] = i


def repeated_lines(lines: list[Line]) -> None:
    """A line of five words or more printed more than once on the page (not a sentence, not a table row)
    is a link list or teaser shown twice."""
    seen = Counter(ln.content for ln in lines if ln.words >= 5)
    for ln in lines:
        if ln.words >= 5:
            ln.repeats = seen[ln.content]
        if ln.hint or ln.repeats < 2 or (ln.terminal and not ln.marker) or ln.table_row:
            continue
        ln.suggest(
            "related", f"line repeated {ln.repeats} times on the page: a link list or teaser shown twice"
        )
