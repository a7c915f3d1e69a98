"""The line table: every non-blank line of the source with its features, and the labels the passes give it.

A :class:`Line` is built once per line by :func:`read_lines`. Its cheap features (words, list marker,
sentence end, folded key) are computed there; the dearer ones that several passes ask for (a photo
credit, a date, a byline) are computed on first use and kept, so no line is parsed twice for them.
The passes write their verdicts through :meth:`Line.suggest` (a hint: what a line probably is),
:meth:`Line.keep`, :meth:`Line.keep_paragraph` and :meth:`Line.remove` (the final role).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ..model import Span
from .bylines import byline_name, dated_byline, is_name_like, parse_date
from .chars import BULLET, CJK, CLOSERS, COLUMN_GAP, DIGIT
from .credits import caption_credit, looks_like_credit
from .phrases import line_key

_LONG_WORD = re.compile(r"[^\W\d_]{4,}")

_UNSET: Any = object()  # a feature not computed yet


def _lazy() -> Any:
    return field(default=_UNSET, init=False, repr=False, compare=False)


@dataclass(slots=True)
class Line:
    """One non-blank line of the source (trimmed), its features, and what the cleaner decided about it."""

    start: int
    end: int
    indent: int
    text: str
    marker: str  # the list marker ("* ", "1. ") or ""
    content: str  # the text without its list marker
    words: int
    terminal: bool
    blank_before: bool
    key: str  # folded text without marker and trailing punctuation, for comparisons
    hint: str = ""  # category suggested by a context-free rule
    hint_reason: str = ""
    strong: bool = False  # hint is certain (a duration, a count, a repeated label)
    heading: bool = False  # a short heading that opens a block of links, comments or footer
    repeats: int = 1  # how often a line of five words or more occurs on the page
    role: str = ""  # "paragraph", "meta" or "removed"
    label: str = ""
    reason: str = ""
    tail: Span | None = None  # a credit or notice ending a paragraph line, labelled apart (see split_tail)
    # features computed on first use (see the properties below); unset until then
    _credit: Any = _lazy()
    _is_credit: Any = _lazy()
    _date: Any = _lazy()
    _byline: Any = _lazy()
    _dated: Any = _lazy()

    # ------------------------------------------------------------------------------ features

    @property
    def credit(self) -> tuple[str, str] | None:
        """``(caption, credit)`` when the line is a caption ending with a photo credit ("... Photo: AFP"),
        else None (a line too long to be a caption is not one, whatever its last words)."""
        if self._credit is _UNSET:
            self._credit = caption_credit(self.content)
        return self._credit

    @property
    def is_credit(self) -> bool:
        """The line is only a photo credit ("Jo Roe/Getty Images", "(AP)")."""
        if self._is_credit is _UNSET:
            self._is_credit = looks_like_credit(self)
        return self._is_credit

    @property
    def date(self) -> str | None:
        """The first date written in the line, ISO ``yyyy-mm-dd``, else None."""
        if self._date is _UNSET:
            self._date = parse_date(self.content) if DIGIT.search(self.content) else None
        return self._date

    @property
    def byline(self) -> str | None:
        """The names of a "By ..." line ("" for a lone "By"), else None."""
        if self._byline is _UNSET:
            self._byline = byline_name(self.content)
        return self._byline

    @property
    def dated_byline(self) -> tuple[str, str] | None:
        """``(names, iso date)`` of a "Posted on <date> by <name>" line, else None."""
        if self._dated is _UNSET:
            self._dated = dated_byline(self.content)
        return self._dated

    @property
    def name_like(self) -> bool:
        """The whole line has the shape of a person's name."""
        return is_name_like(self.content)

    @property
    def table_row(self) -> bool:
        """Three or more cells separated by runs of spaces: a row of a table in the text."""
        return "  " in self.content and len(COLUMN_GAP.split(self.content, 2)) == 3

    @property
    def long_words(self) -> set[str]:
        """The line's words of four letters or more, lower-cased (shared words tie a headline to its text)."""
        return {w.lower() for w in _LONG_WORD.findall(self.content)}

    # ------------------------------------------------------------------------------ labels

    def suggest(self, category: str, reason: str, strong: bool = False, force: bool = False) -> None:
        """Hint what the line probably is; a first hint stands unless ``force``."""
        if self.hint and not force:
            return
        self.hint, self.hint_reason, self.strong = category, reason, strong

    def keep(self, label: str, reason: str) -> None:
        """Keep the line as metadata (``title``, ``byline``, ``caption``...)."""
        self.role, self.label, self.reason = "meta", label, reason

    def keep_paragraph(self) -> None:
        """Keep the line as a paragraph of the article text."""
        self.role, self.label = "paragraph", "paragraph"

    def remove(self, label: str, reason: str) -> None:
        """Remove the line as boilerplate of kind ``label``."""
        self.role, self.label, self.reason = "removed", label, reason


KEY_WORDS = 25
"""Lines up to this many words get a folded key: longer lines are prose, never matched against phrases."""
_MARKER_START = frozenset("*+-o0123456789\u2022\u00b7\u25aa\u25e6\u2023\u25cf\u25a0\u2013\u2014")
_ENDERS = frozenset(".!?:;\u2026\u3002\uff01\uff1f\u061f")


def make_line(raw: str, start: int, blank_before: bool) -> Line:
    """The :class:`Line` for one non-blank physical line ``raw`` found at offset ``start``."""
    text = raw.strip()
    lead = raw.find(text[0])  # everything before the first non-blank character is indentation
    s = start + lead
    indent = lead if "\t" not in raw[:lead] else len(raw[:lead].expandtabs(4))
    marker = ""
    if text[0] in _MARKER_START:
        m = BULLET.match(text)
        if m:
            marker = m.group(0)
    body = text[len(marker) :] if marker else text
    n = body.count(" ") + 1 if "  " not in body else len(body.split())
    if len(body) > 14 * n and CJK.search(body[:200]):
        n = len(body) // 3  # no spaces between words: count characters instead
    tail = body[-12:].rstrip(CLOSERS)
    terminal = bool(tail) and tail[-1] in _ENDERS
    key = line_key(body) if n <= KEY_WORDS else ""
    return Line(s, s + len(text), indent, text, marker, body, n, terminal, blank_before, key)


def read_lines(source: str) -> list[Line]:
    """The line table of ``source``: non-blank lines; a line that only continues the sentence above
    (hard wrap) joins it.

    A run of joined lines is made into one :class:`Line` when it ends; while it grows, :class:`_Joined`
    keeps what the next join test reads, as the joined line would have it (making the line at every
    join read the whole run each time: a hard-wrapped page with no full stop is one run)."""
    out: list[Line] = []
    blank = True
    joined: _Joined | None = None  # the run of joined lines that ends out[-1], when it is more than one
    for pos, raw in _physical_lines(source):
        if not raw or raw.isspace():
            blank = True
            continue
        ln = make_line(raw, pos, blank)
        prev = joined or (out[-1] if out else None)
        if prev is not None and not blank and _continues(prev, ln):
            if joined is None:
                joined = _Joined(source, out[-1])
            joined.extend(ln, raw)
        else:
            if joined is not None:
                out[-1] = joined.line()
                joined = None
            out.append(ln)
        blank = False
    if joined is not None:
        out[-1] = joined.line()
    return out


class _Joined:
    """Lines joined so far (hard wrap): the features :func:`_continues` reads, kept up to date as lines are
    added, equal to those :func:`make_line` would give the joined text; :meth:`line` makes it."""

    def __init__(self, source: str, first: Line) -> None:
        self.source = source
        self.first = first
        self.start = first.start
        self.indent = first.indent
        self.body_start = first.start + len(first.marker)  # a line that continues has its marker
        self.end = first.end
        body = first.content
        self.spaces = body.count(" ")
        self.doubled = "  " in body
        self.split_words = len(body.split())

    def extend(self, ln: Line, raw: str) -> None:
        """Add the next line (``raw`` as read, ending at ``ln.end``)."""
        gap = self.source[self.end : ln.end]  # the line break, spaces around it and the line
        self.doubled = self.doubled or "  " in self.source[self.end - 1 : ln.end]
        self.spaces += gap.count(" ")
        self.split_words += len(raw.split())
        self.end = ln.end

    @property
    def words(self) -> int:
        n = self.spaces + 1 if not self.doubled else self.split_words
        size = self.end - self.body_start
        if size > 14 * n and CJK.search(self.source, self.body_start, min(self.end, self.body_start + 200)):
            n = size // 3
        return n

    @property
    def terminal(self) -> bool:
        tail = self.source[max(self.body_start, self.end - 12) : self.end].rstrip(CLOSERS)
        return bool(tail) and tail[-1] in _ENDERS

    def line(self) -> Line:
        ln = make_line(self.source[self.start : self.end], self.start, self.first.blank_before)
        ln.indent = self.indent
        return ln


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


def _continues(prev: Line | _Joined, ln: Line) -> bool:
    """A hard-wrapped line: same indent, the line above is long and unfinished, this one starts lower-case."""
    return (
        not ln.marker
        and ln.indent == prev.indent
        and not prev.terminal
        and prev.words >= 6
        and prev.end - prev.start >= 40  # the length of its text (a line is trimmed)
        and ln.text[:1].islower()
    )
