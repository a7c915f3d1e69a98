"""A normalised view of a text for matching, that never shifts offsets.

News text mixes curly and straight quotes, several dashes, non-breaking and zero-width spaces and
typographic ligatures. Rules are easier to write against one form, but every span must still point into
the untouched source. :func:`normalise` returns a :class:`NormalisedView` whose ``text`` is the matching
form and whose :meth:`~NormalisedView.to_source` maps any offset in it back to the source.

Single characters that map to single characters (quotes, dashes, spaces) keep the length, so for most
texts the map is the identity; ligatures (``ﬁ`` -> ``fi``) and removed zero-width characters change the
length, and then an explicit offset table is kept.
"""

from __future__ import annotations

import re
from bisect import bisect_right
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


@dataclass
class NormalisedView:
    """``text``: the normalised form. ``to_source(i)`` maps an offset in it to the source offset."""

    text: str
    source_length: int
    _starts: list[int] = field(default_factory=list, repr=False)
    _offsets: list[int] = field(default_factory=list, repr=False)

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


def normalise(source: str) -> NormalisedView:
    """Normalise quotes, dashes, spaces and ligatures for matching; offsets map back exactly.

    >>> v = normalise("\u201cYes,\u201d she said \u2014 twice")
    >>> v.text
    '"Yes," she said - twice'
    >>> v.to_source(7)
    7
    """
    flat = _fold_same_length(source)
    if not _CHANGE_RE.search(flat):
        return NormalisedView(flat, len(source))
    parts: list[str] = []
    starts: list[int] = []
    offsets: list[int] = []
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
    return NormalisedView("".join(parts), len(source), starts, offsets)


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
