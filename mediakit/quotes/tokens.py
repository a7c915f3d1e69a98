"""Tokens and masking: each quotation becomes one token, so sentence splitting and the rules see it whole.

The masked view keeps every offset: a quotation piece becomes an opening curly mark, filler, its last
punctuation and a closing curly mark; stray double marks become spaces. Tokens are words, masked
quotations and punctuation marks of that view.
"""
from __future__ import annotations

import re

from .marks import Quotation
from .verbs import cue_words

# the masked view: quotation interiors become this character, marks become curly
FILL = "\u2591"
OPEN, CLOSE = "\u201c", "\u201d"
# a word is a run of word characters, apostrophes and ampersands in which "." and "-" may stand
# before a word character ("U.S", "co-op"); written as runs of [\w'&] so the engine scans them fast
_TOKEN = re.compile(r"\u201c[^\u201d]*\u201d|[A-Za-z0-9][\w'&]*(?:[.\-](?=\w)[\w'&]*)*|\S")
# the same tokens, each with the whitespace before it: no token starts with a space and every other
# character starts one, so the two groups cover the text and offsets follow from their lengths. Its
# runs are possessive ("*+"): giving back characters could never make a match, and trying costs time
_SPACED_TOKEN = re.compile(r"(\s*+)(\u201c[^\u201d]*+\u201d|[A-Za-z0-9][\w'&]*+(?:[.\-](?=\w)[\w'&]*+)*+|\S)")
_WORD = re.compile(r"[A-Za-z]+")
_LOWER_WORD = re.compile(r"[a-z]+")


class Tok:
    """A token of the masked text: a word, a whole quotation or one punctuation mark.

    ``start``/``end`` are offsets, ``text`` the token, ``low`` its lower case (words only; other
    tokens keep their text) and ``kind`` ``"w"`` (word), ``"q"`` (masked quotation) or ``"p"``
    (punctuation). Made only by :func:`tokenize`, tens of thousands per article set, so it is a bare
    slotted class filled in place (see there) rather than a dataclass.
    """

    __slots__ = ("start", "end", "text", "low", "kind")

    def __repr__(self) -> str:
        return f"Tok({self.start}, {self.end}, {self.text!r}, {self.kind!r})"


def mask(text: str, quotations: list[Quotation]) -> str:
    """Each quotation piece becomes an opening mark, filler, its last punctuation and a closing mark;
    stray double marks become spaces. Offsets are unchanged."""
    # the same as replacing every double mark of marks.py by spaces, quicker: the three marks share no character
    flat = text.replace('"', " ").replace("''", "  ").replace("``", "  ")
    parts: list[str] = []
    last = 0
    for s, e in sorted(p for q in quotations for p in q.pieces):
        if s < last:  # a piece inside another one (cannot happen with paired marks; be safe)
            continue
        inner = text[s + 1 : e].rstrip("\"'")
        end_punct = inner[-1:] if inner[-1:] in (".", "!", "?", ",", ";", ":") and e - s >= 3 else ""
        parts.append(flat[last:s])
        parts.append(OPEN + FILL * (e - s - 2 - len(end_punct)) + end_punct + CLOSE if e - s >= 2 else OPEN)
        last = e
    parts.append(flat[last:])
    return "".join(parts)


def tokenize(masked: str, s: int, e: int, cue_at: list[int] | None = None) -> list[Tok]:
    """Words, masked quotations and punctuation marks of ``masked[s:e]``. Given ``cue_at``, the
    indices of the words in ``cue_words()`` are appended to it on the way."""
    words = cue_words() if cue_at is not None else frozenset()
    found = cue_at if cue_at is not None else []
    out = []
    append = out.append
    new = object.__new__  # creating the token bare and setting its slots skips a Python __init__ call
    pos = s
    # findall (strings, no match objects) with offsets counted from the lengths: see _SPACED_TOKEN
    for space, t in _SPACED_TOKEN.findall(masked, s, e):
        a = pos + len(space)
        pos = b = a + len(t)
        tok = new(Tok)
        tok.text = t
        tok.start = a
        tok.end = b
        if t[0].isalnum():
            tok.low = low = t.lower()
            tok.kind = "w"
            if low in words:
                found.append(len(out))
        else:
            tok.low = t
            tok.kind = "q" if t[0] == OPEN and b - a > 1 else "p"
            if t in words:  # a cue word that is one mark (none in the packaged lexicon)
                found.append(len(out))
        append(tok)
    return out


def tok_text(toks: list[Tok], rng: tuple[int, int]) -> str:
    return " ".join([t.text for t in toks[rng[0] : rng[1]]])


def worth_reading(masked: str, s: int, e: int) -> bool:
    """A quick test for a sentence: does it hold a quotation or a word of the lexicon?"""
    if masked.find(OPEN, s, e) != -1:
        return True
    part = masked[s:e]
    if part.isascii():  # lower-casing ASCII text keeps its letters where they are
        return not cue_words().isdisjoint(_LOWER_WORD.findall(part.lower()))
    return not cue_words().isdisjoint(map(str.lower, _WORD.findall(masked, s, e)))
