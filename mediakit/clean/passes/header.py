"""The header pass: headline, standfirst, byline, dateline and section tag above the article text.

The headline is the line above the text that reads most like a title: a few words, not a sentence, near
the text, sharing words with its opening. A byline or dateline shortly above the text anchors it: when a
headline-shaped line sits right above that byline, the headline is there or higher, never among the
lines between the byline and the text. Around it: standfirst (list bullets or sentences before the
byline, or plain summary lines right under it, as blogs print them), byline ("By ...", "Posted on <date>
by ...", "<date> | <name>", or a name above the date), dateline (a written date; ``Article.date`` in ISO
form), section tag (a short tag right above the headline, or repeated on the page outside the menu), and
photo captions with their credit (:mod:`.captions`).
"""

from __future__ import annotations

import re

from ...model import Article
from ..bylines import DATE_WORDS, NAME_WITH_ROLE, TIME_OF_DAY, is_name_like
from ..chars import LETTER, TERMINAL
from ..lines import Line
from ..phrases import line_key
from .captions import split_tail, take_caption
from .shapes import headline_at, prose, title_shape

_HEADER_WINDOW = 30  # lines searched above the main block for the headline
_WORD = re.compile(r"[^\W\d_]{4,}")


def header(lines: list[Line], lo: int, art: Article) -> int:
    """Headline, standfirst, byline, dateline, section and captions above the main block.

    Returns the index of the first header line (everything above it is navigation)."""
    if lo >= len(lines):
        return lo
    t = _find_title(lines, lo)
    if t is None:
        _between(lines, lo, lo, art)
        return lo
    title = lines[t]
    title.keep(
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
        if i > limit or not title_shape(ln):
            continue
        words = ln.long_words
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
        if prose(ln):
            break
        if not _anchor(ln):
            continue
        while k > 0 and _anchor(lines[k - 1]):
            k -= 1  # a byline and a dateline on two lines
        up = k - 1
        if headline_at(lines, up) and not lines[up].hint and lines[up].long_words & vocab:
            return up
        break
    return lo - 1


def _anchor(ln: Line) -> bool:
    """A byline ("By ...", "Posted on <date> by ...") or a short line that is mostly a date."""
    if ln.marker or ln.words > 16 or ln.hint and ln.hint != "byline-furniture":
        return False
    if ln.byline or ln.dated_byline:
        return True
    return ln.words <= 10 and not ln.terminal and bool(ln.date)


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
        if take_byline(lines, i, lo, art):
            stand_open, after_byline = False, True
        elif take_caption(lines, i, lo, art):
            stand_open = after_byline = False
        elif take_dateline(ln, art) or _take_author(lines, i, lo, art):
            stand_open, after_byline = False, True
        elif stand_open and ln.hint == "navigation" and _section_shape(ln):
            _section(ln, art, "short tag repeated on the page, between the headline and the text: section")
        elif stand_open and not ln.hint and (ln.words >= 5 or ln.marker):
            ln.keep("standfirst", "summary between the headline and the article text: standfirst")
            art.standfirst.append(ln.content.strip())
        elif after_byline and _summary_line(ln):
            ln.keep("standfirst", "summary line right under the byline, before the article text: standfirst")
            art.standfirst.append(ln.content.strip())
        elif (
            not stand_open
            and prose(ln)
            and (_prose_at(lines, i - 1, a, lo) or _prose_at(lines, i + 1, a, lo))
        ):
            ln.keep_paragraph()  # the text began above a gallery or a widget
            split_tail(ln, art)
        else:
            after_byline = False  # a link, a label or a widget: what follows is no longer the header


_BRACKET_TAIL = re.compile(r"\s*[(\[][^()\[\]]{1,80}[)\]]$")


def _summary_line(ln: Line) -> bool:
    """A standfirst line under the byline: a plain line of a few words that is not a sentence (nor a
    sentence with a bracketed credit after it), not a list item, not shouted like a link."""
    if ln.hint or ln.marker or not 5 <= ln.words <= 40 or ln.terminal or ln.content.isupper():
        return False
    bare = _BRACKET_TAIL.sub("", ln.content)
    return bare == ln.content or not TERMINAL.search(bare)


def _prose_at(lines: list[Line], i: int, a: int, lo: int) -> bool:
    """Line ``i`` lies in ``[a, lo)`` and is prose (or already taken as a paragraph)."""
    return a <= i < lo and (lines[i].role == "paragraph" or not lines[i].role and prose(lines[i]))


def _above_title(lines: list[Line], j: int, t: int, art: Article, adjacent: bool) -> bool:
    """Metadata just above the headline: a section tag, a caption, a date."""
    ln = lines[j]
    if ln.role:
        return True
    if take_caption(lines, j, t, art) or take_dateline(ln, art):
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
        and not ln.name_like
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
        and bool(LETTER.search(t))
    )


def _is_section_value(ln: Line, art: Article) -> bool:
    return art.section is None or line_key(art.section) == ln.key


def _section(ln: Line, art: Article, reason: str) -> None:
    ln.keep("section", reason)
    if art.section is None:
        art.section = ln.content.strip()


def take_byline(lines: list[Line], i: int, lo: int, art: Article) -> bool:
    """Keep line ``i`` as the byline ("By ...", "Posted on <date> by ...") when it is one; a lone "By"
    takes the name on the next line (before ``lo``)."""
    ln = lines[i]
    if ln.words > 16:
        return False
    name = ln.byline
    if name is None:
        dated = ln.dated_byline
        if dated is None:
            return False
        ln.keep("byline", "a date followed by the author's name ('Posted on <date> by <name>'): byline")
        if art.byline is None:
            art.byline = dated[0]
        if art.date is None:
            art.date = dated[1]
        return True
    ln.keep("byline", "line starting with 'By': byline")
    if name == "" and i + 1 < lo and lines[i + 1].name_like:
        name = lines[i + 1].content.strip()
        lines[i + 1].keep("byline", "name after a lone 'By': byline")
    if name and art.byline is None:
        art.byline = name
    if art.date is None:
        art.date = ln.date
    return True


def _take_author(lines: list[Line], i: int, lo: int, art: Article) -> bool:
    """A name on its own line above a dateline, or printed twice: the byline without its "By"."""
    ln = lines[i]
    if art.byline is not None or ln.strong or ln.marker or ln.words > 10:
        return False
    nxt = lines[i + 1] if i + 1 < lo else None
    m = NAME_WITH_ROLE.match(ln.content)
    if m and not ln.hint and is_name_like(m.group(1)):
        ln.keep("byline", "a name followed by a newsroom role: byline")
        art.byline = m.group(1)
        return True
    if not ln.name_like:
        return False
    if ln.hint == "navigation":
        reason = "name repeated under the headline (a name and an author link): byline"
    elif nxt is not None and nxt.words <= 20 and nxt.date:
        reason = "name on its own line above the date: byline"
    else:
        return False
    ln.keep("byline", reason)
    art.byline = ln.content.strip()
    return True


def take_dateline(ln: Line, art: Article) -> bool:
    """Keep a short line with a date (or "Updated 10:42") as the dateline."""
    if ln.words > 20 or ln.marker or (ln.terminal and ln.words > 8):
        return False
    iso = ln.date
    if iso is None and not (DATE_WORDS.search(ln.content) and TIME_OF_DAY.search(ln.content)):
        return False
    ln.keep("dateline", "short line with a date: dateline")
    if iso and art.date is None:
        art.date = iso
    return True
