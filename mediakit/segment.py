"""Paragraph and sentence segmentation as spans over an untouched text."""

from __future__ import annotations

import re

from .model import Span

# Words that end with a full stop without ending a sentence.
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sen rep gov gen col lt sgt capt cmdr adm maj cpl pvt rev fr st mt ft jr sr
    inc corp co ltd llc plc bros dept univ assn est approx vs etc al cf no nos vol pp
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    ave blvd rd hon pres supt insp det atty""".split()
)
# Abbreviations after which a capitalised word usually continues the sentence (titles, "No. 10").
_TITLES = frozenset(
    "mr mrs ms dr prof sen rep gov gen col lt sgt capt cmdr adm maj cpl pvt rev fr st mt hon pres supt insp det atty no nos".split()
)
_MONTHS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())

# a run of end marks (and closing marks) followed by spaces and the next sentence's first character:
# group 1 its opening marks (quotation marks, brackets), group 2 that character. The look-ahead reads
# what follows in the same match, so each candidate boundary costs one pattern call. The run of end
# marks is written "one mark, then any more" rather than "one or more": the same matches, but a
# pattern that opens with a plain character set lets the engine skip to the next mark in one step
_BOUNDARY = re.compile(r"[.!?\u2026][.!?\u2026]*[\"'\u201d\u2019)\]]*(?=\s+([\"'\u201c\u2018(\[]*)(\S))")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
_WORD_BEFORE_REVERSED = re.compile(r"[A-Za-z.]*[A-Za-z]")
_INITIALISM = re.compile(r"^(?:[A-Za-z]\.){1,}[A-Za-z]?$")

_PARA = re.compile(r"[^\n]+(?:\n(?![ \t]*\n)[^\n]+)*")


def split_paragraphs(text: str, start: int = 0, end: int | None = None, by_line: bool = False) -> list[Span]:
    """Paragraph spans: runs of non-blank lines (or single lines with ``by_line``), whitespace trimmed."""
    end = len(text) if end is None else end
    out: list[Span] = []
    pattern = re.compile(r"[^\n]+") if by_line else _PARA
    for m in pattern.finditer(text, start, end):
        s, e = _trim(text, m.start(), m.end())
        if s < e:
            out.append(Span(s, e, "paragraph"))
    return out


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentence spans in ``text[start:end]``, aware of news abbreviations.

    Handles titles (Mr., Ms., Dr.), initialisms (U.S., U.N.), months (Jan. 5), ``No. 10`` and quotes
    that close after the full stop.

    >>> t = 'Mr. Smith went to the U.N. on Jan. 5. "It is done," he said. Then No. 10 replied.'
    >>> [t[s.start:s.end] for s in split_sentences(t)]
    ['Mr. Smith went to the U.N. on Jan. 5.', '"It is done," he said.', 'Then No. 10 replied.']
    """
    return [Span(s, e, "sentence") for s, e in sentence_bounds(text, start, end)]


def sentence_bounds(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """The ``(start, end)`` offsets of :func:`split_sentences`, as plain tuples (quicker to make)."""
    end = len(text) if end is None else end
    out: list[tuple[int, int]] = []
    sent_start = start
    while sent_start < end and text[sent_start].isspace():  # (_trim's start, with no call)
        sent_start += 1
    if text.find("?", start, end) == -1 and text.find("!", start, end) == -1 \
            and text.find("\u2026", start, end) == -1:
        # the stretch's only end mark is the full stop: each is found by str.find (a plain C scan) and
        # the pattern tried there, where the pattern's search would test every character against its
        # first set; the loop is written out here (a generator's resumption costs more than its body)
        match = _BOUNDARY.match
        at = text.find(".", start, end)
        while at != -1:
            m = match(text, at, end)
            if m is None:
                at = text.find(".", at + 1, end)
                continue
            b = m.end()
            if _is_boundary(text, at, m, end):
                # the sentence ends at the match's end (a mark, never a space) and the next one opens
                # at the first non-space after it, group 1 of the match: no trimming
                if sent_start < b:
                    out.append((sent_start, b))
                sent_start = m.start(1)
            at = text.find(".", b, end)
    else:
        for m in _BOUNDARY.finditer(text, start, end):
            if not _is_boundary(text, m.start(), m, end):
                continue
            b = m.end()
            if sent_start < b:
                out.append((sent_start, b))
            sent_start = m.start(1)
    s, e = _trim(text, sent_start, end)
    if s < e:
        out.append((s, e))
    return out


def _stop_word(text: str, lo: int, punct_at: int) -> str:
    """:func:`_word_before` the full stop at ``punct_at`` (read no further back than ``lo``). The commonest
    word there is ASCII letters after a space: then it is the word _word_before reads (its run of letters
    and dots stops at that space), found without its pattern."""
    space = text.rfind(" ", lo, punct_at)
    word = text[space + 1 : punct_at] if space != -1 else ""
    if word.isalpha() and word.isascii():
        return word
    return _word_before(text, lo, punct_at)


def _is_boundary(text: str, punct_at: int, nxt: re.Match[str], limit: int) -> bool:
    """Is the mark at ``punct_at`` a sentence boundary? ``nxt`` is its ``_BOUNDARY`` match, whose
    groups hold the next sentence's opening marks and first character."""
    first = nxt.group(2)
    if text[punct_at] != ".":
        return first.isupper() or first.isdigit() or bool(nxt.group(1))
    if first.islower():
        return False
    word = _stop_word(text, max(0, punct_at - 30), punct_at)
    low = word.lower().rstrip(".")
    if low in _TITLES:
        return False
    if low in _MONTHS and first.isdigit():
        return False
    # an initialism has a full stop inside or is one letter (the test is skipped for other words)
    if ("." in word or len(word) == 1) and _INITIALISM.match(word + "."):
        # "U.S." or "J." (an initial): a boundary only before a clear sentence opener; a quotation mark
        # after an initialism is more often mid-sentence ('the U.S. "clearly" ...') than a new sentence
        if len(word) == 1 and word.isupper():
            return False
        return _opener(text, nxt.start(2), limit)
    if low in ABBREVIATIONS:
        return False
    return first.isupper() or first.isdigit() or bool(nxt.group(1))


def _word_before(text: str, lo: int, end: int) -> str:
    """The letters-and-dots word ending ``text[lo:end]`` (``"U.S"``, ``"Mr"``), or ``""``: group 1
    of ``_WORD_BEFORE.search(text, lo, end)``.

    That search tries every start in the window; reading the reversed window from its start finds
    the same word in one match (the longest run of letters and dots that begins with a letter). A
    window ending in a newline keeps the search: there ``$`` may also match before the newline."""
    if end > lo and text[end - 1] == "\n":
        wm = _WORD_BEFORE.search(text, lo, end)
        return wm.group(1) if wm else ""
    m = _WORD_BEFORE_REVERSED.match(text[lo:end][::-1])
    return text[end - m.end() : end] if m else ""


_LETTERS = re.compile(r"[A-Za-z]+")
_OPENERS = frozenset("the a an it he she they we i but and in on at this that his her their its there".split())


def _opener(text: str, at: int, limit: int) -> bool:
    m = _LETTERS.match(text[at : min(limit, at + 20)])
    return m is not None and m.group(0).lower() in _OPENERS
