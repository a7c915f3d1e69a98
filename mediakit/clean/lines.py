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

from .bylines import byline_name, dated_byline, is_name_like, parse_date
from .chars import BULLET, CJK, CLOSERS, COLUMN_GAP, DIGIT
from .credits import looks_like_credit, split_credit
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
    # features computed on first use (see the properties below); unset until then
    _credit: Any = _lazy()
    _is_credit: Any = _lazy()
    _date: Any = _lazy()
    _byline: Any = _lazy()
    _dated: Any = _lazy()

    # ------------------------------------------------------------------------------ features

    @property
    def credit(self) -> tuple[str, str] | None:
        """``(caption, credit)`` when the line ends with a photo credit ("... Photo: AFP"), else None."""
        if self._credit is _UNSET:
            self._credit = split_credit(self.content)
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
    (hard wrap) joins it."""
    out: list[Line] = []
    blank = True
    for pos, raw in _physical_lines(source):
        if not raw or raw.isspace():
            blank = True
            continue
        ln = make_line(raw, pos, blank)
        if out and not blank and _continues(out[-1], ln):
            prev = out[-1]
            ln = make_line(source[prev.start : ln.end], prev.start, prev.blank_before)
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
