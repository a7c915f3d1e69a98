"""The one-line boilerplate rules: what a line of page furniture is, judged by the line alone.

Shared by both extraction paths, with the same reasons: the text cleaner's hint pass
(:mod:`mediakit.clean.passes.hints`) applies them to every line of a page before it looks for the
article, the HTML path (:mod:`mediakit.html`) to every line of trafilatura's text. Shapes first
(counters, reading times, addresses, leftover HTML, long cookie and copyright notices, a comments
heading), then the phrase lists of :mod:`mediakit.clean.phrases` ("Share", "Most read", "Sign up for our
newsletter", "Read more: ...").
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .chars import LETTER
from .credits import split_credit
from .lines import Line
from .phrases import (
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


class Verdict(NamedTuple):
    """What a line is (``category``, a label such as ``"share"``), why, and whether a phrase list named it."""

    category: str
    reason: str
    phrase: bool


def short(text: str, n: int = 40) -> str:
    """``text`` cut to ``n`` characters for a reason string."""
    return text if len(text) <= n else text[: n - 1] + "\u2026"


_PLAYER_WORDS = ("video", "watch", "play", "duration")


def is_running_time(ln: Line) -> bool:
    """A video's running time: "01:41", "Video: 2:05", "Duration 3:10 min"."""
    c = ln.content
    return (c[:1].isdigit() or ln.key.startswith(_PLAYER_WORDS)) and bool(DURATION.fullmatch(c))


def line_rule(ln: Line, repeated: int = 0, shapes: bool = True) -> Verdict | None:
    """The first one-line boilerplate rule that ``ln`` meets, or None.

    ``repeated`` (how often a short line occurs on the page, when the caller knows) is told in a phrase
    reason ("short line 'Share' repeated 3 times: share or social widget"). ``shapes=False`` leaves out
    the rules that judge by shape alone (lines without letters, bare addresses, markup): what is left
    names its kind in words. Running times (:func:`is_running_time`) are the video pass's."""
    c = ln.content
    first = c[:1]
    if shapes and not first.isalpha() and not LETTER.search(c):
        return _symbols(c.strip())
    if first.isdigit() and COUNT_WITH_NOUN.fullmatch(c):
        cat = "share" if "comment" not in c.lower() else "comments"
        return Verdict(cat, f"count '{c}': a share or comment counter", False)
    if ln.words <= 6 and _is_timestamp(ln.key, c):
        return Verdict("byline-furniture", f"'{c}': a reading time or relative timestamp", False)
    if shapes:
        if ln.words == 1 and URLISH.fullmatch(c):
            return Verdict("navigation", "a bare address, handle or link", False)
        if ("<" in c or "&" in c or "=" in c) and (MARKUP.match(c) or ln.words <= 12 and MARKUP.search(c)):
            return Verdict(
                "markup", "HTML code left in the text (tags, attributes or escaped brackets)", False
            )
    if ln.words > 14:
        notice = _long_notice(ln)
        if notice is not None:
            return notice
    if first.isdigit() and COMMENTS_HEADING.match(c):
        return Verdict("comments", f"'{short(c)}': the heading of the reader comments", False)
    found = phrase_category(ln)
    return _phrase(ln, found[0], found[1], repeated) if found and found[0] else None


# A line of full stops, ellipses, asterisks or dashes only ("." between paragraphs, "* * *", "---"):
# a separator inside the text, neutral rather than a barrier (a lone "." is no share count).
_SEPARATOR = re.compile(r"[.\u2026*\u2042~=_\-\u2013\u2014\s]{1,40}")

_INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u00ad"


def _symbols(c: str) -> Verdict:
    """A line without letters: an icon, a separator, a count."""
    if not c:
        return Verdict("navigation", "empty list item (an icon or image link)", False)
    if not c.strip(_INVISIBLE):
        return Verdict("blank", "only invisible characters (zero-width spaces): an empty block", False)
    if _SEPARATOR.fullmatch(c):
        return Verdict("blank", f"'{c[:30]}' alone on a line: a paragraph separator or section break", False)
    if NUMBER_ONLY.fullmatch(c):
        return Verdict("share", f"bare number '{c}': a share or comment count", False)
    return Verdict("navigation", f"'{c[:30]}' has no letters: an icon, separator or widget", False)


def _is_timestamp(key: str, c: str) -> bool:
    """A reading time ("4 min read") or a relative time ("2 hours ago")."""
    if ("min" in key or "read" in key) and READ_TIME.search(c):
        return True
    return "ago" in key and bool(RELATIVE_TIME.fullmatch(c))


def _long_notice(ln: Line) -> Verdict | None:
    """A long line that is a cookie notice or a copyright notice."""
    low = ln.text.lower()
    if "cookie" in low and (low.count("cookie") >= 2 or COOKIE_NOTICE.search(low)):
        return Verdict("cookie", "long line about the site's use of cookies: cookie notice", False)
    if ("\u00a9" in low or "all rights reserved" in low) and ln.words <= 80 and not split_credit(ln.text):
        return Verdict("footer", "long line with a copyright notice: page footer", False)
    return None


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


def _phrase(ln: Line, cat: str, phrase: str, repeated: int) -> Verdict:
    """The verdict on a line that names its kind ("Share", "Most read") or opens like a prompt ("Read
    more: ..."): ``phrase`` is what the phrase rules of :mod:`.phrases` found, of category ``cat``."""
    if phrase == ln.key:
        how = f"short line '{short(ln.content)}'"
    elif phrase:
        how = f"'{phrase}' in '{short(ln.content)}'"
    else:
        how = f"'{short(ln.content)}' names only social networks"
    if repeated > 1:
        how += f" repeated {repeated} times"
    return Verdict(cat, f"{how}: {CATEGORY_WORDS.get(cat, cat)}", True)
