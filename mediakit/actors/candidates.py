"""Candidate mentions, the spans they are found in, and what one call has found so far.

A :class:`Candidate` is a mention before actors are assembled; :class:`Found` holds the candidates of one
call of :func:`~mediakit.actors.find_actors` with the text they were found in, and marks the source
characters they cover so that later rules skip them.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..model import Span
from .lexicon import Lexicon, lexicon
from .patterns import OPENERS, find_words, is_title_case


@dataclass(slots=True)
class Candidate:
    """A mention before actors are assembled. Offsets are source offsets."""

    start: int
    end: int
    text: str  # the name as written (no honorific, no possessive)
    type: str | None  # person/organisation/place/group/event/anonymous, or None while unknown
    rule: str
    kind: str = "name"
    canonical: str | None = None
    roles: list[str] = field(default_factory=list)
    affiliation: str | None = None
    gender: str | None = None
    evidence: set[str] = field(default_factory=set)
    tokens: tuple[str, ...] = ()
    honorific: bool = False
    restricted: bool = False  # from a Title Case span: only confirms known names
    listed: bool = False  # found in a gazetteer
    parts: Sequence[tuple[str, int, int]] = ()  # Title Case runs: tokens, source offsets


class KeptSpan:
    """A kept span of the source (matched as it is: the patterns accept curly and straight apostrophes)."""

    __slots__ = ("start", "text", "title_case", "_low")

    def __init__(self, source: str, span: Span) -> None:
        self.start = span.start
        self.text = source[span.start : span.end]
        self.title_case = len(self.text) < 200 and is_title_case(self.text)
        self._low: str | None = None

    @property
    def low(self) -> str:
        """The text lower-cased (made on first use: few spans need it on their own)."""
        if self._low is None:
            self._low = self.text.lower()
        return self._low

    def initial(self, i: int) -> bool:
        """Does the word at ``i`` open a sentence (or a quotation, a bullet, the span)?"""
        text = self.text
        if i > 1 and text[i - 1] == " " and text[i - 2] not in OPENERS:
            # most words follow one space after a word or a mark: what the loops below decide then
            c = text[i - 2]
            return c in ".!?:\n\u2022*;" or c.isspace()
        j = i - 1
        while j >= 0 and text[j] in OPENERS:
            j -= 1
        if j < 0 or text[j] in ".!?:\n\u2022*;":
            return True
        k = i - 1
        return k >= 0 and text[k] in OPENERS and (k == 0 or text[k - 1].isspace())

    def src(self, i: int) -> int:
        return self.start + i


def dedupe_spans(spans: list[Span]) -> list[Span]:
    """The spans by start; a span overlapping the one kept before it keeps only what lies beyond it."""
    out: list[Span] = []
    for sp in sorted(spans, key=lambda x: (x.start, -x.end)):
        if out and sp.start < out[-1].end:
            if sp.end > out[-1].end:
                out.append(Span(out[-1].end, sp.end, sp.label, sp.reason))
            continue
        out.append(sp)
    return out


_LONG_TEXT = 50_000  # characters: above it, seen_lower reads the text once (see there)
_PIECE_RUNS = 4  # runs of letters in the longest word it keeps that way ("o'brien-smith's")
_LETTERS = re.compile(r"[^\W\d_]+")  # letters, and the few numeric characters that are not digits
# runs of letters joined by other characters that are not spaces ("o'brien", "u.s", "al-assad"); tried
# only where a run starts and never backtracking into one (else every letter of every word is a try)
_JOINED = re.compile(r"(?<![^\W\d_])[^\W\d_]++(?:(?:[^\w\s]|[\d_])++[^\W\d_]++)+")


def _letter_pieces(text: str) -> set[str]:
    """Every stretch of ``text`` that starts and ends with a letter (``str.isalpha``), stands between
    non-letters and holds no space, up to :data:`_PIECE_RUNS` runs of letters long: the words
    :meth:`Found.seen_lower` may be asked about, gathered in one reading.

    No stretch holds a space, so each is inside one of the text's space-separated words: the distinct words
    are gathered first (a long text repeats its words many times over) and only they are read."""
    words: set[str] = set()
    pos = 0
    while pos < len(text):  # a megabyte at a time, cut after a space (no word crosses the cut)
        cut = text.find(" ", pos + 1_000_000)
        cut = len(text) if cut == -1 else cut + 1
        words.update(text[pos:cut].split())
        pos = cut
    pieces: set[str] = set()
    for word in words:
        pieces.update(_LETTERS.findall(word))
        for m in _JOINED.finditer(word):
            chunk = m.group()
            runs = [(r.start(), r.end()) for r in _LETTERS.finditer(chunk)]
            if not all(chunk[a:b].isalpha() for a, b in runs):
                runs = _alpha_runs(chunk)
            _add_pieces(pieces, chunk, runs)
    for run in [r for r in pieces if not r.isalpha() and _LETTERS.fullmatch(r)]:
        pieces.discard(run)  # a numeric character that is not a digit ("\u00bd") splits the run
        _add_pieces(pieces, run, _alpha_runs(run), singles=True)
    return pieces


def _add_pieces(pieces: set[str], chunk: str, runs: list[tuple[int, int]], singles: bool = False) -> None:
    """Add the stretches of ``chunk`` from the start of one run of letters to the end of a later one (or
    of the same one, with ``singles``), up to :data:`_PIECE_RUNS` runs."""
    for i in range(len(runs)):
        for j in range(i if singles else i + 1, min(len(runs), i + _PIECE_RUNS)):
            pieces.add(chunk[runs[i][0] : runs[j][1]])


def _alpha_runs(text: str) -> list[tuple[int, int]]:
    """The runs of ``str.isalpha`` characters in ``text``, as offsets."""
    runs: list[tuple[int, int]] = []
    start = None
    for i, ch in enumerate(text):
        if ch.isalpha():
            if start is None:
                start = i
        elif start is not None:
            runs.append((start, i))
            start = None
    if start is not None:
        runs.append((start, len(text)))
    return runs


def _piece_shaped(w: str) -> bool:
    """Would :func:`_letter_pieces` have gathered ``w``, were it in the text?"""
    return (w[:1].isalpha() and w[-1:].isalpha() and not any(ch.isspace() for ch in w)
            and len(_alpha_runs(w)) <= _PIECE_RUNS)


class Found:
    """What one call has found: the source, its kept spans, the candidates, the characters they cover."""

    def __init__(self, source: str, spans: list[Span], lex: Lexicon | None = None) -> None:
        self.source = source
        self.lex = lex or lexicon()
        self.spans = [KeptSpan(source, s) for s in dedupe_spans(spans)]
        self.cands: list[Candidate] = []
        self._covered = bytearray(len(source) + 1)
        self._lower_seen: dict[str, bool] = {}
        self.all_text = "\n".join(sp.text for sp in self.spans)  # the spans, joined by line breaks
        self._pieces: set[str] | None = None
        self._alllow: str | None = None  # the spans lower-cased and joined as all_text (see all_low)
        self._low_starts: list[int] = []  # where each span starts in it

    def add(self, c: Candidate) -> None:
        """Keep a candidate and mark its characters as covered."""
        self.cands.append(c)
        self._covered[c.start : c.end] = b"\x01" * (c.end - c.start)

    def disjoint(self) -> bool:
        """Does every candidate cover characters of its own (none empty, no two sharing one)? Then
        their lengths add up to the characters covered."""
        lengths = [c.end - c.start for c in self.cands]
        return min(lengths, default=1) > 0 and sum(lengths) == self._covered.count(1)

    def overlaps(self, s: int, e: int) -> bool:
        """Does a candidate already cover a character of ``[s, e)``?"""
        return self._covered.find(1, s, e) != -1

    def all_low(self) -> str:
        """The spans lower-cased, joined by line breaks (made on first use)."""
        if self._alllow is None:
            # lower-cased at once: a line break is neither cased nor case-ignorable, so no letter's
            # lower case (a final sigma's) depends on the text across it; only a letter whose lower case
            # is longer ("\u0130") moves the spans' starts, and then they are counted span by span
            low = self.all_text.lower()
            sizes = [len(sp.text) for sp in self.spans]
            if len(low) != len(self.all_text):
                sizes = [len(sp.low) for sp in self.spans]
            self._alllow = low
            at = 0
            for n in sizes:
                self._low_starts.append(at)
                at += n + 1
        return self._alllow

    @property
    def low_starts(self) -> list[int]:
        """Where each span starts in :meth:`all_low` (made with it)."""
        self.all_low()
        return self._low_starts

    def words_in_spans(self, words: set[str]) -> list[tuple[int, int, str]]:
        """(span index, offset in the span, word) of every whole-word occurrence of ``words`` in the
        lower-cased spans, as :func:`~mediakit.actors.patterns.find_words` finds them span by span, in
        no particular order. Searched once in the spans joined by line breaks (a line break is no part
        of a word and no word holds one, so an occurrence and its word boundaries are the same there),
        not once per span."""
        low = self.all_low()
        starts = self._low_starts
        out = []
        for i, w in find_words(low, words):
            k = bisect_right(starts, i) - 1
            out.append((k, i - starts[k], w))
        return out

    def seen_lower(self, word: str) -> bool:
        """Is ``word`` written in lower case somewhere in the kept text ("foreign" for "Foreign")?"""
        w = word.lower()
        found = self._lower_seen.get(w)
        if found is None and len(self.all_text) > _LONG_TEXT and _piece_shaped(w):
            # in a long text, a search per word would read the text once for each: the stretches that
            # stand between non-letters are gathered once instead (a word that starts and ends with a
            # letter stands between non-letters where it is one of them)
            if self._pieces is None:
                self._pieces = _letter_pieces(self.all_text)
            found = self._lower_seen[w] = w in self._pieces
        if found is None:
            found = False
            text = self.all_text
            i = text.find(w)
            while i != -1:
                j = i + len(w)
                if (i == 0 or not text[i - 1].isalpha()) and (j >= len(text) or not text[j].isalpha()):
                    found = True
                    break
                i = text.find(w, i + 1)
            self._lower_seen[w] = found
        return found
