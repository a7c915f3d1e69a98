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

_BOUNDARY = re.compile(r"[.!?\u2026]+[\"'\u201d\u2019)\]]*(?=\s+)")
_NEXT = re.compile(r"\s+([\"'\u201c\u2018(\[]*)(\S)")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
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
    end = len(text) if end is None else end
    out: list[Span] = []
    sent_start = start
    for m in _BOUNDARY.finditer(text, start, end):
        b = m.end()
        if not _is_boundary(text, m.start(), b, end):
            continue
        s, e = _trim(text, sent_start, b)
        if s < e:
            out.append(Span(s, e, "sentence"))
        sent_start = b
    s, e = _trim(text, sent_start, end)
    if s < e:
        out.append(Span(s, e, "sentence"))
    return out


def _is_boundary(text: str, punct_at: int, after: int, limit: int) -> bool:
    nxt = _NEXT.match(text, after, limit)
    if not nxt:
        return False
    first = nxt.group(2)
    if text[punct_at] != ".":
        return first.isupper() or first.isdigit() or bool(nxt.group(1))
    wm = _WORD_BEFORE.search(text, max(0, punct_at - 30), punct_at)
    word = wm.group(1) if wm else ""
    low = word.lower().rstrip(".")
    if first.islower():
        return False
    if low in _TITLES:
        return False
    if low in _MONTHS and first.isdigit():
        return False
    if _INITIALISM.match(word + "."):
        # "U.S." or "J." (an initial): a boundary only before a clear sentence opener; a quotation mark
        # after an initialism is more often mid-sentence ('the U.S. "clearly" ...') than a new sentence
        if len(word) == 1 and word.isupper():
            return False
        return _opener(text, nxt.start(2), limit)
    if low in ABBREVIATIONS:
        return False
    return first.isupper() or first.isdigit() or bool(nxt.group(1))


_OPENERS = frozenset("the a an it he she they we i but and in on at this that his her their its there".split())


def _opener(text: str, at: int, limit: int) -> bool:
    m = re.match(r"[A-Za-z]+", text[at : min(limit, at + 20)])
    return bool(m) and m.group(0).lower() in _OPENERS
