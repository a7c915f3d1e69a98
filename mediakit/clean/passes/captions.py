"""Photo captions and their credits, taken as metadata by the header and body passes.

A caption ends with its credit ("... Photo: AFP", "(AP Photo/...)"), starts with a label ("Image
caption: ..."), or sits right above a credit-only line; a credit alone on its line is a caption too.
A line longer than a caption (see :mod:`mediakit.clean.credits`) that ends with a credit stays text:
only the credit is taken (:func:`split_tail`).
"""

from __future__ import annotations

from ...model import Article, Caption, Span
from ..credits import split_credit
from ..lines import Line
from ..phrases import AGENCY, CAPTION_PREFIX, CREDIT_LABEL, PAREN_LINE

TAIL_CREDIT = "photo credit at the end of a paragraph too long to be a caption: credit"
TAIL_COPYRIGHT = "copyright notice at the end of a paragraph: page footer"


def take_caption(lines: list[Line], i: int, limit: int, art: Article) -> bool:
    """Keep line ``i`` as a caption (with the credit line under it, before ``limit``) when it is one."""
    ln = lines[i]
    if ln.marker or ln.strong and ln.hint != "caption":
        return False
    split = ln.credit
    if split is not None:
        _caption(ln, art, split[0], split[1], CAPTION_BY_CREDIT)
        return True
    m = CAPTION_PREFIX.match(ln.content) or CREDIT_LABEL.match(ln.content)
    if m and (m.re is CAPTION_PREFIX or ln.words > 10):
        _caption(
            ln, art, ln.content[m.end() :].strip(), "", f"line starting with '{m.group(0).strip()}': caption"
        )
        return True
    if ln.is_credit:
        _caption(ln, art, "", _strip_credit(ln.content), "photo credit line")
        return True
    nxt = lines[i + 1] if i + 1 < min(limit, len(lines)) else None
    if nxt is not None and _credit_below(ln, nxt):
        reason = "line followed by a photo credit: caption"
        _caption(ln, art, ln.content.strip(), _strip_credit(nxt.content), reason, nxt.end)
        nxt.keep("caption", "photo credit under a caption")
        return True
    return False


def caption_candidate(lines: list[Line], i: int) -> bool:
    """Inside the text, only a line with a credit (its own, or on the line below) may be a caption."""
    ln = lines[i]
    if ln.credit is not None:
        return True
    nxt = lines[i + 1] if i + 1 < len(lines) else None
    if nxt is not None and _credit_below(ln, nxt):
        return True
    return ln.is_credit and ln.blank_before is False


def split_tail(ln: Line, art: Article) -> None:
    """A paragraph line that ends with a photo credit or a copyright notice but is too long to be a
    caption ("... the council said on Monday. Photo: Jane Doe/Agency", "... (c) 2026 Harbour Herald"):
    the words before stay the paragraph; the credit becomes a caption span with no caption text, a
    copyright notice a removed footer span (``ln.tail``)."""
    if ln.credit is not None:
        return  # a caption's shape, kept as text by the pass that called: left whole
    take_tail(ln, art)


def take_tail(ln: Line, art: Article) -> None:
    """The credit or copyright notice ending the paragraph line ``ln`` becomes its ``tail`` (see
    :func:`split_tail`), whatever the line's length."""
    split = split_credit(ln.content)
    if split is None:
        return
    caption, credit = split
    k = len(ln.marker) + len(caption)
    rest = ln.text[k:]
    start = ln.start + k + len(rest) - len(rest.lstrip())
    notice = rest.lstrip(" (|-\u2013\u2014[")
    if notice.startswith("\u00a9") and "/" not in credit and not AGENCY.search(credit):
        ln.tail = Span(start, ln.end, "footer", TAIL_COPYRIGHT)
    else:
        ln.tail = Span(start, ln.end, "caption", TAIL_CREDIT)
        art.captions.append(Caption(text="", credit=credit, span=ln.tail))


def _strip_credit(text: str) -> str:
    t = text.strip()
    if PAREN_LINE.fullmatch(t):
        t = t[1:-1].strip()
    split = split_credit(t)
    return split[1] if split else t


CAPTION_BY_CREDIT = "line ending with a photo credit: caption"


def _caption(ln: Line, art: Article, text: str, credit: str, reason: str, end: int | None = None) -> None:
    """Record a caption; its span runs to ``end`` when the credit sits on the next line."""
    ln.keep("caption", reason)
    span = Span(ln.start, end if end is not None else ln.end, "caption", reason)
    art.captions.append(Caption(text=text, credit=credit or None, span=span))


def _credit_below(ln: Line, nxt: Line) -> bool:
    """``nxt`` is a credit line for the caption ``ln``: right under it, or a labelled credit ("Image: X")."""
    if nxt.role or not 4 <= ln.words <= 60 or ln.marker or not nxt.is_credit:
        return False
    return not nxt.blank_before or CREDIT_LABEL.match(nxt.content) is not None
