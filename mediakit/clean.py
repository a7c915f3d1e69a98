"""The text-path cleaner: a copy-pasted or scraped news page -> a standoff :class:`Article`.

:func:`clean_text` never rewrites the source. Every non-blank line ends up in exactly one place: a body
paragraph, a metadata span (``title``, ``standfirst``, ``caption``, ``byline``, ``dateline``,
``section``) or a removed span labelled by kind (``advertisement``, ``promo``, ``newsletter``,
``subscription``, ``cookie``, ``share``, ``video``, ``related``, ``navigation``, ``footer``,
``comments``, ``byline-furniture``...), and every metadata and removed span says which rule put it there.

How it works, line by line, on structure first and phrases second:

1. **Hints.** Each line is judged alone and against the page: empty list items and lines without
   letters, bare numbers and "52 comments" (share and comment counters), running times such as "01:41"
   with the teaser headline after them, lines printed twice in a row, short lines repeated across the
   page ("Advertisement"), list items repeated elsewhere (a menu shown twice), reading times and
   "2 hours ago", leftover HTML, long cookie and copyright notices, and short lines that name their kind
   (small phrase lists: "Share", "Most read", "Sign up for our newsletter", "Read more: ...") or that
   end a short run with a call to action ("... Learn more"). A line between two sign-up prompts is part
   of the same box.
2. **The article text.** Prose (long lines ending like sentences) scores positive; short lines, list
   items and hinted lines negative; headings of related links, comments and footers strongly negative.
   The text is the run of lines with the highest total (a maximum-sum segment), refined by what pages
   look like: reader comments follow a "Comments" heading; an earlier run that is nearly as strong wins
   (teasers, comments and legal notices come after an article); a byline or dateline near the top of
   the run, or a headline-plus-dateline inside it, marks where the text starts; short inserts (a video
   teaser, a "Related" box, an ad label) are bridged; a closing line ending in ":" keeps its list.
3. **The header.** The headline is the line above the text that reads most like a title: a few words,
   not a sentence, near the text, sharing words with its opening. A byline or dateline shortly above
   the text anchors it: when a headline-shaped line sits right above that byline, the headline is there
   or higher, never among the lines between the byline and the text. Around it: standfirst (list
   bullets or sentences before the byline, or plain summary lines right under it, as blogs print
   them), byline ("By ...", "Posted on <date> by ...", "<date> | <name>", or a name above the date),
   dateline (a written date; ``Article.date`` in ISO form), section tag (a short tag right above the
   headline, or repeated on the page outside the menu), photo captions with their credit
   ("... Photo: AFP", "(Photo: X)", "(AP Photo/...)", a credit line).
4. **Inside and around.** Hinted lines inside the text are removed, captions and credits become
   metadata, repeats of the headline or a gallery caption go, headlines listed under a "Related" heading
   go, and "Reporting by..." or author notes at the end go; above the header is navigation, below the
   text related links, comments or footer. Neighbouring lines removed for the same reason share a span.

What it misses: an article cut in two by a long block of other prose keeps only its stronger part; a
page made mostly of short lines (a list article, a schedule, a poem) may lose them, or lose to a
block of teasers; related headlines written as plain sentences next to the text can stay in; captions
without a credit read like paragraphs and stay in the body; the phrase lists are English-first, so on
other languages only the structure speaks (the article is flagged); a headline that ends with a full
stop, or a headline followed by a long standfirst above the byline, competes with the standfirst; a
byline printed above the headline is not recognised; a standfirst under the byline that ends with a
full stop reads like a caption and is left out of the metadata.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from . import _cleanrules as R
from ._cleanrules import Line
from .model import Article, Caption, Span

__all__ = ["clean_text"]

_HEADER_WINDOW = 30  # lines searched above the main block for the headline
_WORD = re.compile(r"[^\W\d_]{4,}")
_END_NOTE = re.compile(
    r"^\(?(?:(?:additional |with )?reporting by|editing by|edited by|compiled by|writing by|contributing:|"
    r"this (?:story|article|report) (?:was|has been|first)|follow (?:him|her|them|us) on|"
    r"contact (?:the )?(?:author|reporter)|write to|citation:|have a tip)|"
    r"contributed (?:reporting|to this (?:report|story|article))|(?:may|can) be reached at|"
    r"^(?:(?-i:[A-Z])[\w.'\u2019-]+ ){1,4}(?:\([^()]*\) )?is (?:an?|the) (?:[\w-]+ ){0,4}(?:writer|reporter|correspondent|"
    r"editor|journalist|columnist|contributor|freelancer)\b|this document is subject to copyright",
    re.I,
)
"""Notes after an article: who reported, edited or wrote it and how to reach them."""


def clean_text(source: str) -> Article:
    """Split a plain-text news page into body paragraphs, metadata and removed boilerplate.

    Parameters
    ----------
    source : str
        The page as plain text (copy-pasted from a browser, or converted from HTML), never modified.

    Returns
    -------
    Article
        ``paragraphs`` (label ``"paragraph"``), ``metadata_spans`` (``"title"``, ``"standfirst"``,
        ``"caption"``, ``"byline"``, ``"dateline"``, ``"section"``) and ``removed`` (labelled by kind,
        each with a reason) cover every non-blank character of ``source`` exactly once.

    Examples
    --------
    >>> page = "World\\nAdvertisement\\nTalks resume over river dam\\n\\n" \\
    ...        "Negotiators met on Monday to resume talks over the dam, officials said.\\n52"
    >>> art = clean_text(page)
    >>> art.title, art.section, art.body
    ('Talks resume over river dam', 'World', 'Negotiators met on Monday to resume talks over the dam, officials said.')
    >>> [(r.label, art.span_text(r)) for r in art.removed]
    [('advertisement', 'Advertisement'), ('share', '52')]
    """
    art = Article(source=source)
    lines = _lines(source)
    if not lines:
        return art
    _hint(lines)
    lo, hi = _main_block(lines)
    top = _header(lines, lo, art)
    _inside(lines, lo, hi, art)
    _outside(lines, top, hi)
    _collect(lines, art)
    _flag_language(art)
    return art


# ---------------------------------------------------------------------------------------------- lines


def _lines(source: str) -> list[Line]:
    """Non-blank lines; a line that only continues the sentence above (hard wrap) joins it."""
    out: list[Line] = []
    blank = True
    for pos, raw in _physical_lines(source):
        if not raw or raw.isspace():
            blank = True
            continue
        ln = R.make_line(raw, pos, blank)
        if out and not blank and _continues(out[-1], ln):
            prev = out[-1]
            ln = R.make_line(source[prev.start : ln.end], prev.start, prev.blank_before)
            ln.indent = prev.indent
            out[-1] = ln
        else:
            out.append(ln)
        blank = False
    return out


_BREAK = re.compile(r"\r\n|[\n\r\u2028\u2029\x85]")


def _physical_lines(source: str) -> Iterator[tuple[int, str]]:
    """(offset, text) of each line; "\\n", "\\r\\n", "\\r" and Unicode line separators all end a line."""
    pos = 0
    if "\r" in source or "\u2028" in source or "\u2029" in source or "\x85" in source:
        for m in _BREAK.finditer(source):
            yield pos, source[pos : m.start()]
            pos = m.end()
        yield pos, source[pos:]
        return
    for raw in source.split("\n"):
        yield pos, raw
        pos += len(raw) + 1


def _continues(prev: Line, ln: Line) -> bool:
    """A hard-wrapped line: same indent, the line above is long and unfinished, this one starts lower-case."""
    return (
        not ln.marker
        and ln.indent == prev.indent
        and not prev.terminal
        and prev.words >= 6
        and len(prev.text) >= 40
        and ln.text[:1].islower()
    )


# ---------------------------------------------------------------------------------------------- hints


def _hint(lines: list[Line]) -> None:
    """Context-free evidence: counts, durations, repeats, phrases, calls to action."""
    counts = Counter(ln.key for ln in lines if ln.key and ln.words <= 4)
    seen = Counter(ln.content for ln in lines if ln.words >= 5)
    for i, ln in enumerate(lines):
        if ln.hint:
            continue
        c = ln.content
        first = c[:1]
        if not first.isalpha() and not R.LETTER.search(c):
            _hint_symbols(lines, i, ln)
        elif first.isdigit() and R.COUNT_WITH_NOUN.fullmatch(c):
            _set(
                ln,
                "share" if "comment" not in c.lower() else "comments",
                f"count '{c}': a share or comment counter",
                True,
            )
        elif (
            first.isdigit() or ln.key.startswith(("video", "watch", "play", "duration"))
        ) and R.DURATION.fullmatch(c):
            _video(lines, i)
        elif ln.words <= 6 and _is_timestamp(ln.key, c):
            _set(ln, "byline-furniture", f"'{c}': a reading time or relative timestamp", True)
        elif ln.words == 1 and R.URLISH.fullmatch(c):
            _set(ln, "navigation", "a bare address, handle or link", True)
        elif ("<" in c or "&" in c or "=" in c) and (
            R.MARKUP.match(c) or ln.words <= 12 and R.MARKUP.search(c)
        ):
            _set(ln, "markup", "HTML code left in the text (tags, attributes or escaped brackets)", True)
        elif ln.words > 14 and _long_notice(ln):
            pass
        elif first.isdigit() and R.COMMENTS_HEADING.match(c):
            _set(ln, "comments", f"'{_short(c)}': the heading of the reader comments", True)
        else:
            _hint_phrase(lines, i, ln, counts)
    _doubled(lines)
    _boxes(lines)
    for ln in lines:
        if ln.words >= 5:
            ln.repeats = seen[ln.content]
        if ln.hint or ln.repeats < 2 or (ln.terminal and not ln.marker) or _table_row(ln):
            continue
        _set(
            ln, "related", f"line repeated {ln.repeats} times on the page: a link list or teaser shown twice"
        )


def _long_notice(ln: Line) -> bool:
    """A long line that is a cookie notice or a copyright notice."""
    low = ln.text.lower()
    if "cookie" in low and (low.count("cookie") >= 2 or R.COOKIE_NOTICE.search(low)):
        _set(ln, "cookie", "long line about the site's use of cookies: cookie notice", True)
        return True
    if ("\u00a9" in low or "all rights reserved" in low) and ln.words <= 80 and not R.split_credit(ln.text):
        _set(ln, "footer", "long line with a copyright notice: page footer", True)
        return True
    return False


def _is_timestamp(key: str, c: str) -> bool:
    """A reading time ("4 min read") or a relative time ("2 hours ago")."""
    if ("min" in key or "read" in key) and R.READ_TIME.search(c):
        return True
    return "ago" in key and bool(R.RELATIVE_TIME.fullmatch(c))


_INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u00ad"


def _hint_symbols(lines: list[Line], i: int, ln: Line) -> None:
    c = ln.content.strip()
    if not c:
        _set(ln, "navigation", "empty list item (an icon or image link)", True)
    elif not c.strip(_INVISIBLE):
        _set(ln, "blank", "only invisible characters (zero-width spaces): an empty block", True)
    elif R.NUMBER_ONLY.fullmatch(c):
        _set(ln, "share", f"bare number '{c}': a share or comment count", True)
    elif R.DURATION.fullmatch(c):
        _video(lines, i)
    else:
        _set(ln, "navigation", f"'{c[:30]}' has no letters: an icon, separator or widget", True)


def _video(lines: list[Line], i: int) -> None:
    ln = lines[i]
    _set(ln, "video", f"running time '{ln.content}': a video player", True)
    # the teaser headline of the video follows, often printed twice
    first = None
    for j in range(i + 1, min(i + 3, len(lines))):
        nxt = lines[j]
        if nxt.hint or nxt.words > 30 or (nxt.terminal and nxt.text[-1:] == "." and nxt.words > 12):
            break
        if first is None or nxt.key == first:
            first = nxt.key
            _set(nxt, "related", "headline after a video running time: a related video", True)
        else:
            break


def _hint_phrase(lines: list[Line], i: int, ln: Line, counts: Counter[str]) -> None:
    cat, phrase = R.phrase_category(ln)
    repeated = counts.get(ln.key, 0) if ln.words <= 4 else 0
    if cat:
        if phrase == ln.key:
            how = f"short line '{_short(ln.content)}'"
        elif phrase:
            how = f"'{phrase}' in '{_short(ln.content)}'"
        else:
            how = f"'{_short(ln.content)}' names only social networks"
        if repeated > 1:
            how += f" repeated {repeated} times"
        _set(ln, cat, f"{how}: {_CAT_WORDS.get(cat, cat)}", True)
        ln.heading = cat in R.BARRIERS and ln.words <= 8 and not ln.terminal
        if ln.key in R.CALL_TO_ACTION:
            _promo_run(lines, i)
    elif repeated > 1 and not ln.terminal:
        _set(
            ln, "navigation", f"short line '{_short(ln.content)}' repeated {repeated} times: a menu or label"
        )


def _promo_run(lines: list[Line], i: int) -> None:
    """A call to action ("Learn more") closes a promo: the short unfinished lines just above it belong to it."""
    cta = lines[i]
    j = i
    while j > 0 and i - j < 2:
        up = lines[j - 1]
        if lines[j].blank_before or up.terminal or up.words > 12 or up.marker:
            break
        if up.hint and up.hint != "promo":
            break
        _set(
            up,
            "promo",
            f"short line ending in the call to action '{cta.content}': a promotion",
            True,
            force=True,
        )
        j -= 1


_FORM_CATEGORIES = ("newsletter", "subscription", "cookie")


def _boxes(lines: list[Line]) -> None:
    """A short line between two sign-up or cookie prompts (at most three lines apart) is part of the
    same box: "Get the day's top stories" between "Newsletter" and "Subscribe"."""
    last = {}  # category -> index of its latest line
    for i, ln in enumerate(lines):
        if ln.hint in _FORM_CATEGORIES:
            j = last.get(ln.hint)
            if j is not None and 1 < i - j <= 3:
                for box in lines[j + 1 : i]:
                    if not box.hint and box.words <= 25:
                        _set(box, ln.hint, f"between two {ln.hint} prompts: part of the same box", True)
            last[ln.hint] = i


def _doubled(lines: list[Line]) -> None:
    for a, b in zip(lines, lines[1:], strict=False):
        if a.key and a.key == b.key and a.words >= 3 and not a.hint and not _table_row(a):
            for ln in (a, b):
                _set(ln, "related", "headline printed twice in a row: a teaser for another story", False)


_CAT_WORDS = {
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


def _set(ln: Line, cat: str, reason: str, strong: bool = False, force: bool = False) -> None:
    if ln.hint and not force:
        return
    ln.hint, ln.hint_reason, ln.strong = cat, reason, strong


def _short(text: str, n: int = 40) -> str:
    return text if len(text) <= n else text[: n - 1] + "\u2026"


# ---------------------------------------------------------------------------------------------- main block


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
    if _table_row(ln):
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


def _table_row(ln: Line) -> bool:
    """Three or more cells separated by runs of spaces: a row of a table in the text."""
    return "  " in ln.content and len(R.COLUMN_GAP.split(ln.content, 2)) == 3


def _main_block(lines: list[Line]) -> tuple[int, int]:
    """Indices (first, last) of the article text.

    The maximum-sum run of line values, with two preferences for what comes first on a page: reader
    comments follow a "Comments" heading, so prose after one only counts when there is none before it;
    and an earlier run wins when it adds up to at least ``_EARLIER`` of the best one (teasers, comments
    and legal notices come after an article, not before)."""
    values = [_value(ln) for ln in lines]
    stop = len(values)
    cut = _comments_heading(lines)
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


def _headline_at(lines: list[Line], j: int) -> bool:
    return j >= 0 and lines[j].words >= 4 and _title_shape(lines[j])


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
            _headline_at(lines, k - 1) or _headline_at(lines, k - 2) and not lines[k - 2].hint
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
    return bool(R.byline_name(ln.content)) or bool(R.DIGIT.search(ln.content) and R.parse_date(ln.content))


_EARLIER = 0.4
_EARLIER_STEPS = 4  # how many times an earlier run may take over (keeps long inputs linear)
_SUBSTANTIAL = 6.0  # about two paragraphs of prose
_PARAGRAPH = 3.0  # one paragraph


def _under_heading(lines: list[Line], i: int) -> bool:
    """The run starting at ``i`` sits right under a related-links or similar heading."""
    return i > 0 and lines[i - 1].heading and not lines[i - 1].marker


_NO_COMMENTS = re.compile(r"\b(?:0|no|zero)\s+(?:comments?|responses?|replies)\b", re.I)


def _comments_heading(lines: list[Line]) -> int | None:
    for i, ln in enumerate(lines):
        if ln.hint != "comments" or ln.marker or ln.terminal or _NO_COMMENTS.search(ln.content):
            continue
        if ln.words <= 6 or R.COMMENTS_HEADING.match(ln.content):
            return i
    return None


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
    first = free[1] if len(free) > 1 and _title_shape(lines[free[0]]) else free[0]
    return first, free[-1]


# ---------------------------------------------------------------------------------------------- header


def _title_shape(ln: Line) -> bool:
    t = ln.content
    if ln.marker or ln.strong or not 2 <= ln.words <= 30 or len(t) > 250:
        return False  # a list item, a certain piece of boilerplate, too short or too long
    if t.endswith((":", ";", ",")) or t.endswith(".") and (ln.words > 14 or t.endswith("...")):
        return False
    if R.BY_PREFIX.match(t) or R.looks_like_credit(ln) or R.split_credit(t) or R.parse_date(t):
        return False  # a byline, a credit, a caption or a date
    if ln.words <= 4 and R.TIME_OF_DAY.search(t):
        return False  # "Monday 6:30PM"
    if R.LEDE.match(t):
        return False  # "LOS ANGELES (AP) \u2014 ...": the first paragraph of a news story
    return bool(R.LETTER.search(t))


def _header(lines: list[Line], lo: int, art: Article) -> int:
    """Headline, standfirst, byline, dateline, section and captions above the main block.

    Returns the index of the first header line (everything above it is navigation)."""
    if lo >= len(lines):
        return lo
    t = _find_title(lines, lo)
    if t is None:
        _between(lines, lo, lo, art)
        return lo
    title = lines[t]
    _meta(
        title,
        "title",
        "headline: the line above the article text that reads most like a title "
        "(several words, not a sentence, near the text, sharing its words)",
    )
    art.title = title.content.strip()
    _between(lines, t + 1, lo, art)
    first = t
    adjacent = True  # no unhinted line yet between this one and the headline
    for j in range(t - 1, max(-1, t - 8), -1):
        if _above_title(lines, j, t, art, adjacent):
            first = j
        adjacent = adjacent and bool(lines[j].hint) and lines[j].role != "meta"
    return first


def _find_title(lines: list[Line], lo: int) -> int | None:
    vocab = _opening_words(lines, lo)
    limit = _anchored_title(lines, lo, vocab)
    best, best_i = 0.0, None
    dist = 0
    for i in range(lo - 1, max(-1, lo - 4 * _HEADER_WINDOW), -1):
        ln = lines[i]
        if not ln.strong:
            dist += 1  # share buttons and the like do not push the headline away
            if dist > _HEADER_WINDOW:
                break
        if i > limit or not _title_shape(ln):
            continue
        words = {w.lower() for w in _WORD.findall(ln.content)}
        shared = len(words & vocab) / len(words) if words else 0.0
        score = 1.5 + min(ln.words, 10) * 0.15 + 2.5 * shared - 0.12 * dist
        if ln.blank_before:
            score += 0.3
        if ln.hint:
            score -= 1.5
        if ln.words <= 3 and shared == 0:
            score -= 1.0
        if ln.content.endswith("."):
            score -= 1.0  # most headlines do not end with a full stop; some quote one
        if score > best:
            best, best_i = score, i
    return best_i if best > 1.0 else None


_ANCHOR_REACH = 8  # lines searched above the text for the byline or dateline that anchors the header


def _anchored_title(lines: list[Line], lo: int, vocab: set[str]) -> int:
    """The lowest index the headline may have: a byline or dateline shortly above the text, with a
    headline-shaped line right above it that shares words with the text, puts the headline above it.
    What sits between the byline and the text is standfirst or captions, however title-like
    ("Headline / Posted on <date> by <name> / summary / summary / text")."""
    for k in range(lo - 1, max(-1, lo - 1 - _ANCHOR_REACH), -1):
        ln = lines[k]
        if _prose(ln):
            break
        if not _anchor(ln):
            continue
        while k > 0 and _anchor(lines[k - 1]):
            k -= 1  # a byline and a dateline on two lines
        up = k - 1
        if _headline_at(lines, up) and not lines[up].hint and _words_of(lines[up]) & vocab:
            return up
        break
    return lo - 1


def _anchor(ln: Line) -> bool:
    """A byline ("By ...", "Posted on <date> by ...") or a short line that is mostly a date."""
    if ln.marker or ln.words > 16 or ln.hint and ln.hint != "byline-furniture":
        return False
    if R.byline_name(ln.content) or R.dated_byline(ln.content):
        return True
    return (
        ln.words <= 10 and not ln.terminal and bool(R.DIGIT.search(ln.content) and R.parse_date(ln.content))
    )


def _words_of(ln: Line) -> set[str]:
    return {w.lower() for w in _WORD.findall(ln.content)}


def _opening_words(lines: list[Line], lo: int) -> set[str]:
    out: set[str] = set()
    for ln in lines[lo : lo + 6]:
        out.update(w.lower() for w in _WORD.findall(ln.text[:600]))
    return out


def _between(lines: list[Line], a: int, lo: int, art: Article) -> None:
    """Lines between the headline and the text: standfirst, byline, dateline, section, captions."""
    stand_open = True  # the standfirst comes before any byline, date or caption...
    after_byline = False  # ...or right after the byline, until a caption or a paragraph
    for i in range(a, lo):
        ln = lines[i]
        if ln.role:
            after_byline = after_byline and ln.label in ("byline", "dateline", "standfirst")
            continue
        if _try_byline(lines, i, lo, art):
            stand_open, after_byline = False, True
        elif _try_caption(lines, i, lo, art):
            stand_open = after_byline = False
        elif _try_dateline(ln, art) or _try_author(lines, i, lo, art):
            stand_open, after_byline = False, True
        elif stand_open and ln.hint == "navigation" and _section_shape(ln):
            _section(ln, art, "short tag repeated on the page, between the headline and the text: section")
        elif stand_open and not ln.hint and (ln.words >= 5 or ln.marker):
            _meta(ln, "standfirst", "summary between the headline and the article text: standfirst")
            art.standfirst.append(ln.content.strip())
        elif after_byline and _summary_line(ln):
            _meta(
                ln, "standfirst", "summary line right under the byline, before the article text: standfirst"
            )
            art.standfirst.append(ln.content.strip())
        elif (
            not stand_open
            and _prose(ln)
            and (_prose_at(lines, i - 1, a, lo) or _prose_at(lines, i + 1, a, lo))
        ):
            ln.role, ln.label = "paragraph", "paragraph"  # the text began above a gallery or a widget
        else:
            after_byline = False  # a link, a label or a widget: what follows is no longer the header


_BRACKET_TAIL = re.compile(r"\s*[(\[][^()\[\]]{1,80}[)\]]$")


def _summary_line(ln: Line) -> bool:
    """A standfirst line under the byline: a plain line of a few words that is not a sentence (nor a
    sentence with a bracketed credit after it), not a list item, not shouted like a link."""
    if ln.hint or ln.marker or not 5 <= ln.words <= 40 or ln.terminal or ln.content.isupper():
        return False
    bare = _BRACKET_TAIL.sub("", ln.content)
    return bare == ln.content or not R.TERMINAL.search(bare)


def _prose(ln: Line) -> bool:
    """A sentence of some length, not a list item, not hinted."""
    return not ln.hint and not ln.marker and ln.terminal and ln.words >= 8


def _prose_at(lines: list[Line], i: int, a: int, lo: int) -> bool:
    """Line ``i`` lies in ``[a, lo)`` and is prose (or already taken as a paragraph)."""
    return a <= i < lo and (lines[i].role == "paragraph" or not lines[i].role and _prose(lines[i]))


def _above_title(lines: list[Line], j: int, t: int, art: Article, adjacent: bool) -> bool:
    """Metadata just above the headline: a section tag, a caption, a date."""
    ln = lines[j]
    if ln.role:
        return True
    if _try_caption(lines, j, t, art) or _try_dateline(ln, art):
        return True
    if not _section_shape(ln):
        return False
    in_menu = j > 0 and not ln.blank_before and _section_shape(lines[j - 1]) and not lines[j - 1].hint
    # a copy of the tag inside the menu further up is a menu item ("Home / News / Community / ..."),
    # right above the headline it is the tag
    menu_next = j + 1 < t and not lines[j + 1].blank_before and _section_shape(lines[j + 1])
    if (
        adjacent
        and not in_menu
        and not R.is_name_like(ln.content)
        or ln.hint == "navigation"
        and (j == t - 1 or not (in_menu or menu_next))
        and _is_section_value(ln, art)
    ):
        _section(ln, art, "short tag above the headline: section")
        return True
    return False


def _section_shape(ln: Line) -> bool:
    t = ln.content
    return (
        not ln.marker
        and ln.words <= 3
        and len(t) <= 30
        and not ln.terminal
        and ln.hint in ("", "navigation")
        and not ln.strong
        and t[:1].isupper()
        and bool(R.LETTER.search(t))
    )


def _is_section_value(ln: Line, art: Article) -> bool:
    return art.section is None or R.line_key(art.section) == ln.key


def _section(ln: Line, art: Article, reason: str) -> None:
    _meta(ln, "section", reason)
    if art.section is None:
        art.section = ln.content.strip()


def _try_byline(lines: list[Line], i: int, lo: int, art: Article) -> bool:
    ln = lines[i]
    if ln.words > 16:
        return False
    name = R.byline_name(ln.content)
    if name is None:
        dated = R.dated_byline(ln.content)
        if dated is None:
            return False
        _meta(ln, "byline", "a date followed by the author's name ('Posted on <date> by <name>'): byline")
        if art.byline is None:
            art.byline = dated[0]
        if art.date is None:
            art.date = dated[1]
        return True
    _meta(ln, "byline", "line starting with 'By': byline")
    if name == "" and i + 1 < lo and R.is_name_like(lines[i + 1].content):
        name = lines[i + 1].content.strip()
        _meta(lines[i + 1], "byline", "name after a lone 'By': byline")
    if name and art.byline is None:
        art.byline = name
    _note_date(ln, art)
    return True


def _try_author(lines: list[Line], i: int, lo: int, art: Article) -> bool:
    """A name on its own line above a dateline, or printed twice: the byline without its "By"."""
    ln = lines[i]
    if art.byline is not None or ln.strong or ln.marker or ln.words > 10:
        return False
    nxt = lines[i + 1] if i + 1 < lo else None
    m = R.NAME_WITH_ROLE.match(ln.content)
    if m and not ln.hint and R.is_name_like(m.group(1)):
        _meta(ln, "byline", "a name followed by a newsroom role: byline")
        art.byline = m.group(1)
        return True
    if not R.is_name_like(ln.content):
        return False
    if ln.hint == "navigation":
        reason = "name repeated under the headline (a name and an author link): byline"
    elif nxt is not None and nxt.words <= 20 and R.DIGIT.search(nxt.content) and R.parse_date(nxt.content):
        reason = "name on its own line above the date: byline"
    else:
        return False
    _meta(ln, "byline", reason)
    art.byline = ln.content.strip()
    return True


def _try_dateline(ln: Line, art: Article) -> bool:
    if ln.words > 20 or ln.marker or (ln.terminal and ln.words > 8):
        return False
    iso = R.parse_date(ln.content)
    if iso is None and not (R.DATE_WORDS.search(ln.content) and R.TIME_OF_DAY.search(ln.content)):
        return False
    _meta(ln, "dateline", "short line with a date: dateline")
    if iso and art.date is None:
        art.date = iso
    return True


def _note_date(ln: Line, art: Article) -> None:
    if art.date is None:
        art.date = R.parse_date(ln.content)


def _try_caption(lines: list[Line], i: int, limit: int, art: Article) -> bool:
    """A caption ending in its credit, or a caption line followed by a credit-only line."""
    ln = lines[i]
    if ln.marker or ln.strong and ln.hint != "caption":
        return False
    split = R.split_credit(ln.content)
    if split is not None:
        _caption(ln, art, split[0], split[1], "line ending with a photo credit: caption")
        return True
    m = R.CAPTION_PREFIX.match(ln.content) or R.CREDIT_LABEL.match(ln.content)
    if m and (m.re is R.CAPTION_PREFIX or ln.words > 10):
        _caption(
            ln, art, ln.content[m.end() :].strip(), "", f"line starting with '{m.group(0).strip()}': caption"
        )
        return True
    if R.looks_like_credit(ln):
        _caption(ln, art, "", _strip_credit(ln.content), "photo credit line")
        return True
    nxt = lines[i + 1] if i + 1 < min(limit, len(lines)) else None
    if nxt is not None and _credit_below(ln, nxt):
        reason = "line followed by a photo credit: caption"
        _caption(ln, art, ln.content.strip(), _strip_credit(nxt.content), reason, nxt.end)
        _meta(nxt, "caption", "photo credit under a caption")
        return True
    return False


def _strip_credit(text: str) -> str:
    t = text.strip()
    if R.PAREN_LINE.fullmatch(t):
        t = t[1:-1].strip()
    split = R.split_credit(t)
    return split[1] if split else t


def _caption(ln: Line, art: Article, text: str, credit: str, reason: str, end: int | None = None) -> None:
    """Record a caption; its span runs to ``end`` when the credit sits on the next line."""
    _meta(ln, "caption", reason)
    span = Span(ln.start, end if end is not None else ln.end, "caption", reason)
    art.captions.append(Caption(text=text, credit=credit or None, span=span))


def _meta(ln: Line, label: str, reason: str) -> None:
    ln.role, ln.label, ln.reason = "meta", label, reason


def _remove(ln: Line, label: str, reason: str) -> None:
    ln.role, ln.label, ln.reason = "removed", label, reason


# ---------------------------------------------------------------------------------------------- body


def _inside(lines: list[Line], lo: int, hi: int, art: Article) -> None:
    """Inside the main block: drop hinted lines, take out captions, bylines and end notes."""
    last_para = None
    top = {art.title, *art.standfirst}  # repeated at the top of the text
    captions = {c.text for c in art.captions if c.text}  # repeated in galleries
    heading = None  # the latest "Related" heading inside the text, until prose resumes
    for i in range(lo, hi + 1):
        ln = lines[i]
        if ln.role:
            continue
        text = ln.content.strip()
        if ln.heading:
            heading = ln
        elif _prose(ln):
            heading = None
        if text in top and (last_para is None or text == art.title) or text in captions and ln.repeats > 2:
            _remove(ln, "repeat", "repeats the headline, standfirst or a gallery caption inside the text")
        elif ln.hint == "caption" and _try_caption(lines, i, hi + 1, art):
            pass
        elif ln.hint:
            _remove(ln, ln.hint, ln.hint_reason)
        elif i < lo + 3 and (_try_byline(lines, i, hi + 1, art) or _try_dateline(ln, art)):
            pass
        elif _try_caption(lines, i, hi + 1, art) if _caption_candidate(lines, i) else False:
            pass
        elif i > hi - 4 and ln.words <= 50 and _END_NOTE.search(ln.content):
            _remove(ln, "byline-furniture", "note on who reported or edited the story, after the text")
        elif heading is not None:
            _remove(ln, heading.hint, f"headline under '{_short(heading.content)}' inside the text: a link")
        else:
            ln.role, ln.label = "paragraph", "paragraph"
            last_para = i
    if last_para is not None:
        for ln in lines[last_para + 1 : hi + 1]:
            if not ln.role:
                _remove(ln, "footer", "after the last paragraph")


def _caption_candidate(lines: list[Line], i: int) -> bool:
    ln = lines[i]
    if R.split_credit(ln.content[-140:]) is not None:
        return True
    nxt = lines[i + 1] if i + 1 < len(lines) else None
    if nxt is not None and _credit_below(ln, nxt):
        return True
    return R.looks_like_credit(ln) and ln.blank_before is False


def _credit_below(ln: Line, nxt: Line) -> bool:
    """``nxt`` is a credit line for the caption ``ln``: right under it, or a labelled credit ("Image: X")."""
    if nxt.role or not 4 <= ln.words <= 60 or ln.marker or not R.looks_like_credit(nxt):
        return False
    return not nxt.blank_before or R.CREDIT_LABEL.match(nxt.content) is not None


def _outside(lines: list[Line], top: int, hi: int) -> None:
    """Everything left: above the headline, between it and the text, or after the text."""
    comments = _comments_heading(lines)
    for i, ln in enumerate(lines):
        if ln.role:
            continue
        if ln.hint:
            _remove(ln, ln.hint, ln.hint_reason)
        elif i < top:
            _remove(ln, "navigation", "above the headline: site navigation or page header")
        elif i <= hi:
            _remove(ln, "byline-furniture", "between the headline and the article text: page furniture")
        elif i <= hi + 3 and ln.words <= 50 and _END_NOTE.search(ln.content):
            _remove(ln, "byline-furniture", "note on who reported or edited the story, after the text")
        elif comments is not None and i > comments > hi:
            _remove(ln, "comments", "after the comments heading: reader comments")
        elif ln.marker and ln.words >= 4:
            _remove(ln, "related", "list of links after the article text: related headlines")
        else:
            _remove(ln, "footer", "after the article text: related links or page footer")


# ---------------------------------------------------------------------------------------------- output


def _collect(lines: list[Line], art: Article) -> None:
    """Spans in document order; neighbouring lines removed for the same reason make one span."""
    run: list | None = None  # [start, end, label, reason] of the current run of removed lines
    for ln in lines:
        if ln.role == "removed":
            if run is not None and run[2] == ln.label and run[3] == ln.reason:
                run[1] = ln.end
                continue
            if run is not None:
                art.removed.append(Span(*run))
            run = [ln.start, ln.end, ln.label, ln.reason]
            continue
        if run is not None:
            art.removed.append(Span(*run))
            run = None
        if ln.role == "paragraph":
            art.paragraphs.append(Span(ln.start, ln.end, "paragraph"))
        else:
            art.metadata_spans.append(Span(ln.start, ln.end, ln.label, ln.reason))
    if run is not None:
        art.removed.append(Span(*run))


def _flag_language(art: Article) -> None:
    if not art.paragraphs:
        return
    sample = art.source[art.paragraphs[0].start : art.paragraphs[min(3, len(art.paragraphs) - 1)].end][:2000]
    words = sample.lower().split()
    if len(words) >= 20 and R.english_ratio(words) < 0.06:
        art.flags.append("language: few common English words; the page was cleaned by its structure only")
