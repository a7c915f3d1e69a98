"""A normalised view of a text for matching, that never shifts offsets.

News text mixes curly and straight quotes, several dashes, non-breaking and zero-width spaces and
typographic ligatures. Rules are easier to write against one form, but every span must still point into
the untouched source. :func:`normalise` returns a :class:`NormalisedView` whose ``text`` is the matching
form and whose :meth:`~NormalisedView.to_source` maps any offset in it back to the source.

Single characters that map to single characters (quotes, dashes, spaces) keep the length, so for most
texts the map is the identity; ligatures (``ﬁ`` -> ``fi``) and removed zero-width characters change the
length, and then a compact offset table is kept: one entry per edit point (not per character), so memory
grows with the number of ligatures and zero-width characters, not with the length of the text. Both
directions are a binary search in it: :meth:`~NormalisedView.to_source` and
:meth:`~NormalisedView.to_normalised`.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

# one character -> one character: offsets unchanged
_SAME_LENGTH = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u02bc": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
    "\u00a0": " ", "\u2002": " ", "\u2003": " ", "\u2004": " ", "\u2005": " ", "\u2006": " ", "\u2007": " ",
    "\u2008": " ", "\u2009": " ", "\u200a": " ", "\u202f": " ", "\u205f": " ", "\u3000": " ", "\t": " ",
    "\u2026": ".",  # an ellipsis character counts as one full stop for matching
}
# one character -> several (or none): needs an offset table
_CHANGE_LENGTH = {
    "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st",
    "\u200b": "", "\u200c": "", "\u200d": "", "\u2060": "", "\ufeff": "", "\u00ad": "",
}
FOLD_MAP: dict[str, str] = {**_SAME_LENGTH, **_CHANGE_LENGTH}
"""Every character the normaliser folds, with what it becomes (read-only; for building other tables)."""
# str.translate with a dict table is slow on non-ASCII text (a dict lookup per character); the same
# folding is done much faster by one str.replace per character actually present. Equivalent, because
# no replacement is itself a key of the table.
_SAME_ITEMS = tuple(_SAME_LENGTH.items())
_CHANGE_RE = re.compile("[" + "".join(_CHANGE_LENGTH) + "]")
_CHANGE_CHARS = tuple(_CHANGE_LENGTH)


@dataclass
class NormalisedView:
    """``text``: the normalised form. ``to_source(i)`` maps an offset in it to the source offset.

    The map is piecewise: from normalised offset ``_starts[k]`` up to the next edit point, the source
    offset is ``i + _offsets[k]`` (before the first edit point it is ``i``). ``_source_starts[k]`` is
    ``_starts[k] + _offsets[k]``, kept for the reverse look-up.
    """

    text: str
    source_length: int
    _starts: array = field(default_factory=lambda: array("q"), repr=False)
    _offsets: array = field(default_factory=lambda: array("q"), repr=False)
    _source_starts: array = field(default_factory=lambda: array("q"), repr=False)

    @property
    def is_identity(self) -> bool:
        """True when every normalised offset is the source offset (no ligature or zero-width character)."""
        return not self._starts

    def to_source(self, i: int) -> int:
        """Source offset for normalised offset ``i`` (``0 <= i <= len(text)``)."""
        if not self._starts:
            return i
        k = bisect_right(self._starts, i) - 1
        if k < 0:
            return i
        return min(self.source_length, i + self._offsets[k])

    def span_to_source(self, start: int, end: int) -> tuple[int, int]:
        return self.to_source(start), self.to_source(end)

    def to_normalised(self, s: int) -> int:
        """Normalised offset for source offset ``s`` (``0 <= s <= source_length``).

        The smallest normalised offset ``i`` with ``to_source(i) >= s``: an offset inside a ligature maps
        to the start of its replacement, one on a removed zero-width character to where it was removed.
        """
        if not self._starts:
            return s
        k = bisect_left(self._source_starts, s)  # edit points k.. start at or after s in the source
        if k == 0:  # before the first edit point the map is the identity
            return min(s, self._starts[0])
        i = s - self._offsets[k - 1]  # inside the stretch that starts at edit point k - 1
        if k < len(self._starts) and i >= self._starts[k]:
            return self._starts[k]
        return min(i, len(self.text))


def normalise(source: str) -> NormalisedView:
    """Normalise quotes, dashes, spaces and ligatures for matching; offsets map back exactly.

    >>> v = normalise("\u201cYes,\u201d she said \u2014 twice")
    >>> v.text
    '"Yes," she said - twice'
    >>> v.to_source(7)
    7
    """
    flat = _fold_same_length(source)
    # one plain search per character (a C scan that skips characters the text cannot hold) rather
    # than the pattern, which tests every character of the text against its set
    if not any(ch in flat for ch in _CHANGE_CHARS):
        return NormalisedView(flat, len(source))
    parts: list[str] = []
    starts = array("q")
    offsets = array("q")
    out_pos = 0
    last = 0
    for m in _CHANGE_RE.finditer(flat):
        i, ch = m.start(), m.group()
        rep = _CHANGE_LENGTH[ch]
        parts.append(flat[last:i])
        out_pos += i - last
        # every normalised offset inside the replacement maps to the ligature's own start
        for j in range(len(rep)):
            starts.append(out_pos + j)
            offsets.append(i - (out_pos + j))
        parts.append(rep)
        out_pos += len(rep)
        starts.append(out_pos)
        offsets.append(i + 1 - out_pos)
        last = i + 1
    parts.append(flat[last:])
    source_starts = array("q", (a + b for a, b in zip(starts, offsets, strict=True)))
    return NormalisedView("".join(parts), len(source), starts, offsets, source_starts)


def _fold_same_length(text: str) -> str:
    """``text.translate(str.maketrans(_SAME_LENGTH))``, quicker: ASCII text only has tabs to fold."""
    if text.isascii():
        return text.replace("\t", " ")
    for ch, rep in _SAME_ITEMS:
        if ch in text:
            text = text.replace(ch, rep)
    return text


def fold(text: str) -> str:
    """Normalised and lower-cased copy of a short string, for comparisons (not for offsets)."""
    return normalise(text).text.lower()
