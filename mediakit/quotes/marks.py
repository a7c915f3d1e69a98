"""Quotation marks: double marks (and ``''``) paired per paragraph, then curly single quotes outside them.

The direction of a straight mark is read from the spaces around it, else from its curly form in the
source. An unclosed quotation continues into the following paragraph when that opens with a mark (each
paragraph of a long quotation opens with one, only the last closes) and nothing but space lies between
them (text left out between two spans, a removed "Share" line or a caption, ends the quotation: a quote
never runs across text that is not read), else it ends with its paragraph.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass

_DOUBLE_MARK = re.compile(r"\"|''|``")
_NON_SPACE = re.compile(r"\S")
_OPENING_SOURCE = "\u201c\u201e\u00ab\u201f"
_CLOSING_SOURCE = "\u201d\u00bb"


@dataclass
class Quotation:
    """A run of text between paired quotation marks; ``pieces`` are its parts per paragraph."""

    start: int
    end: int
    pieces: list[tuple[int, int]]
    claimed: bool = False


def pair_quotations(text: str, paras: list[tuple[int, int]], source_char: Callable[[int], str],
                    single_marks: bool = True) -> list[Quotation]:
    """Pair double quotation marks paragraph by paragraph; an unclosed quotation continues into a
    following paragraph that opens with a mark with only space between them, else it ends with its
    paragraph. ``single_marks``:
    may the source hold an opening curly single quote (else no single-quoted quotation is sought)?"""
    out: list[Quotation] = []
    open_at: int | None = None
    pieces: list[tuple[int, int]] = []
    piece_start = 0
    for pi, (ps, pe) in enumerate(paras):
        # (most paragraphs hold no mark, or only '"': plain searches find those sooner than the
        # pattern, which tests every character against its first set)
        at = text.find('"', ps, pe)
        if text.find("''", ps, pe) != -1 or text.find("``", ps, pe) != -1:
            marks = [m.span() for m in _DOUBLE_MARK.finditer(text, ps, pe)]
        else:
            marks = []
            while at != -1:
                marks.append((at, at + 1))
                at = text.find('"', at + 1, pe)
        k = 0
        if open_at is not None:
            if marks and marks[0][0] == ps:
                piece_start = ps
                k = 1
            else:
                out.append(Quotation(open_at, pieces[-1][1], pieces))
                open_at, pieces = None, []
        while k < len(marks):
            ms, me = marks[k]
            role = _mark_role(text, ms, me, ps, pe, source_char)
            if open_at is None:
                if role != "close":
                    open_at, piece_start, pieces = ms, ms, []
            elif role != "open" or _looks_empty(text, piece_start, ms):
                pieces.append((piece_start, me))
                out.append(Quotation(open_at, me, pieces))
                open_at, pieces = None, []
            else:
                end = _rstrip(text, piece_start, ms)
                pieces.append((piece_start, end))
                out.append(Quotation(open_at, end, pieces))
                open_at, piece_start, pieces = ms, ms, []
            k += 1
        if open_at is not None:
            pieces.append((piece_start, pe))
            nxt = paras[pi + 1][0] if pi + 1 < len(paras) else None
            if nxt is None or not _DOUBLE_MARK.match(text, nxt) or _NON_SPACE.search(text, pe, nxt):
                out.append(Quotation(open_at, pe, pieces))
                open_at, pieces = None, []
    doubles = [q for q in out if q.end - q.start > 2]
    singles = _pair_single(text, paras, source_char, doubles) if single_marks else []
    return sorted(doubles + singles, key=lambda q: q.start)


def _pair_single(text: str, paras: list[tuple[int, int]], source_char: Callable[[int], str],
                 doubles: list[Quotation]) -> list[Quotation]:
    """Curly single quotes used as quotation marks outside any double quotation (headlines, British
    style): an opening ‘ after a space and the first ’ after it that is not inside a word."""
    out: list[Quotation] = []
    starts = [q.start for q in doubles]
    for ps, pe in paras:
        k = ps
        while True:
            k = text.find("'", k, pe)
            if k < 0:
                break
            # the cheap test first: most apostrophes sit inside a word ("it's")
            if (k > ps and not (text[k - 1].isspace() or text[k - 1] in "([-:")) or source_char(k) != "\u2018":
                k += 1
                continue
            d = bisect_right(starts, k) - 1
            if d >= 0 and doubles[d].start <= k < doubles[d].end:
                k = doubles[d].end
                continue
            close = k + 1
            while True:
                close = text.find("'", close, pe)
                if close < 0 or close + 1 >= pe or not text[close + 1].isalnum():
                    break
                close += 1
            if close < 0 or close - k < 3:
                k += 1
                continue
            out.append(Quotation(k, close + 1, [(k, close + 1)]))
            k = close + 1
    return out


def _looks_empty(text: str, s: int, e: int) -> bool:
    return not text[s + 1 : e].strip(" '\"")


def _rstrip(text: str, s: int, e: int) -> int:
    while e > s + 1 and text[e - 1].isspace():
        e -= 1
    return e


def _mark_role(text: str, ms: int, me: int, ps: int, pe: int, source_char: Callable[[int], str]) -> str:
    """'open', 'close' or 'either' for a double mark: straight marks are read from the spaces around
    them, else the mark's form in the source (``source_char(ms)``, looked up only then) says which
    it is when it is curly."""
    if text[ms:me] == "``":
        return "open"
    prev = text[ms - 1] if ms > ps else " "
    nxt = text[me] if me < pe else " "
    space_before = prev.isspace() or prev in "([{-/\u2014"
    space_after = nxt.isspace() or nxt in ".,;:!?)]}-"
    if space_before and not space_after:
        return "open"
    if space_after and not space_before:
        return "close"
    original = source_char(ms)
    if original in _OPENING_SOURCE:
        return "open"
    if original in _CLOSING_SOURCE:
        return "close"
    return "either"
