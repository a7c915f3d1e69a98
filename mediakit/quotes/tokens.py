"""Tokens and masking: each quotation becomes one token, so sentence splitting and the rules see it whole.

The masked view keeps every offset: a quotation piece becomes an opening curly mark, filler, its last
punctuation and a closing curly mark; stray double marks become spaces. Tokens are words, masked
quotations and punctuation marks of that view.
"""
from __future__ import annotations

import re
from functools import lru_cache

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


class Tok:
    """A token of the masked text: a word, a whole quotation or one punctuation mark.

    ``start``/``end`` are offsets, ``text`` the token, ``low`` its lower case (words only; other
    tokens keep their text) and ``kind`` ``"w"`` (word), ``"q"`` (masked quotation) or ``"p"``
    (punctuation). Made only by :func:`tokenize`, tens of thousands per article set, so it is a bare
    slotted class with no ``__init__``, made empty by ``Tok()`` and filled in place (see there),
    rather than a dataclass: with no Python ``__init__``, ``Tok()`` runs no Python frame, and it is
    cheaper than ``object.__new__(Tok)``, a call through a wrapper that packs its argument in a tuple.
    """

    __slots__ = ("start", "end", "text", "low", "kind")
    start: int
    end: int
    text: str
    low: str
    kind: str

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


def tokenize(masked: str, s: int, e: int, cue_at: list[int] | None = None, part: str | None = None,
             pool: list[Tok] | None = None) -> list[Tok]:
    """Words, masked quotations and punctuation marks of ``masked[s:e]``. Given ``cue_at``, the
    indices of the words in ``cue_words()`` are appended to it on the way; ``part`` is
    ``masked[s:e]`` when the caller has it already (not copied again).

    Given a ``pool`` (a list the caller keeps, empty at first), the tokens are the pool's objects
    filled in again, and the pool grows when it holds too few (a piece the pattern reads gets new
    objects): making and freeing a token object costs more than filling its slots. The tokens of
    the previous call with the same pool are then overwritten, so a caller passes a pool only when
    it reads each call's tokens before the next call and keeps none of them
    (:meth:`Document.run <mediakit.quotes.document.Document.run>`).

    The same tokens as ``_SPACED_TOKEN`` finds, made cheaper: the text is cut at its spaces (one C
    call), and a piece that is a plain ASCII word, or such a word and one closing mark (``said,``),
    the commonest pieces, becomes its tokens without the pattern; other pieces go through
    ``_TOKEN``. That holds while every space is one character (so offsets follow from lengths) and
    no quotation token could run across a space (an opening mark with no closing mark after it in
    its piece); otherwise the whole stretch is read by the pattern (:func:`_tokenize_spaced`)."""
    if part is None:
        part = masked[s:e]
    pieces = part.split()
    # (the pieces' total length is their join's: one C call, where summing their lengths calls len each)
    if len(pieces) + len("".join(pieces)) != len(part) + 1 and pieces:
        return _tokenize_spaced(masked, s, e, cue_at)  # a run of spaces, or space at an end
    words = (_CUE_WORDS or _held_cue_words()) if cue_at is not None else frozenset()
    found = cue_at if cue_at is not None else []
    listed = len(found)  # (cue_at may hold indices already: only this call's are dropped on a re-read)
    if pool is None:
        pool = []
    if len(pool) < 2 * len(pieces):  # a piece below takes at most two tokens from the pool...
        pool.extend([Tok() for _ in range(2 * len(pieces) - len(pool))])
    size = len(pool)
    # ...in order, so the tokens are the pool's first ``taken`` (one slice at the end, no append each)
    taken = 0
    pos = s
    ascii_part = part.isascii()  # (then no piece needs its own test: one call per piece less)
    for c in pieces:
        if (ascii_part or c.isascii()) and c.isalnum():  # a plain word: [A-Za-z0-9]+ is one token of _TOKEN
            tok = pool[taken]
            tok.text = c
            tok.start = pos
            pos += len(c)
            tok.end = pos
            tok.low = low = c.lower()
            tok.kind = "w"
            if low in words:
                found.append(taken)
            taken += 1
        elif c[-1] in _CLOSING and (ascii_part or c.isascii()) and c[:-1].isalnum():  # "said," "year." "Lee)"
            tok = pool[taken]
            tok.text = w = c[:-1]
            tok.start = pos
            pos += len(w)
            tok.end = pos
            tok.low = low = w.lower()
            tok.kind = "w"
            if low in words:
                found.append(taken)
            tok = pool[taken + 1]
            tok.text = tok.low = mark = c[-1]
            tok.start = pos
            pos += 1
            tok.end = pos
            tok.kind = "p"
            if mark in words:
                found.append(taken + 1)
            taken += 2
        elif c[0] == OPEN and c.find(CLOSE) == len(c) - 1 and len(c) > 1:  # a masked quotation, alone
            tok = pool[taken]
            tok.text = tok.low = c
            tok.start = pos
            pos += len(c)
            tok.end = pos
            tok.kind = "q"
            if c in words:
                found.append(taken)
            taken += 1
        else:
            if OPEN in c and c.find(CLOSE, c.rindex(OPEN)) == -1:
                # an opening mark whose quotation token might run on past the space
                del found[listed:]
                del pool[size:]
                return _tokenize_spaced(masked, s, e, cue_at)
            made: list[Tok] = []
            for t in _TOKEN.findall(c):
                tok = _pattern_token(t, pos)
                pos = tok.end
                if tok.low in words:
                    found.append(taken + len(made))
                made.append(tok)
            # new objects, put in at ``taken``: the pool's unused objects move up, as many as before
            pool[taken:taken] = made
            taken += len(made)
        pos += 1  # the one space after the piece
    out = pool[:taken]
    if len(pool) > size:
        del pool[size:]  # the pool keeps its size (the objects put in above stay in ``out`` only)
    return out


# cue_words() and _ascii_cue_words(), held from their first read: an lru_cache call costs about four
# times a module global's read, and they never change (see verbs.py)
_CUE_WORDS: frozenset[str] = frozenset()
_ASCII_CUE_WORDS: frozenset[bytes] = frozenset()


def _held_cue_words(ascii_bytes: bool = False) -> frozenset:
    """``cue_words()`` (or as ASCII bytes, ``_ascii_cue_words()``), held in the globals above from now on."""
    global _CUE_WORDS, _ASCII_CUE_WORDS
    _CUE_WORDS, _ASCII_CUE_WORDS = cue_words(), _ascii_cue_words()
    return _ASCII_CUE_WORDS if ascii_bytes else _CUE_WORDS


# marks that end a plain word and make a token of their own (none is a word character, "'" or "&")
_CLOSING = frozenset(",.;:!?)")


def _tokenize_spaced(masked: str, s: int, e: int, cue_at: list[int] | None = None) -> list[Tok]:
    """:func:`tokenize` by ``_SPACED_TOKEN`` alone (any spacing)."""
    words = cue_words() if cue_at is not None else frozenset()
    found = cue_at if cue_at is not None else []
    out: list[Tok] = []
    append = out.append
    pos = s
    # findall (strings, no match objects) with offsets counted from the lengths: see _SPACED_TOKEN
    for space, t in _SPACED_TOKEN.findall(masked, s, e):
        tok = _pattern_token(t, pos + len(space))
        pos = tok.end
        if tok.low in words:  # (a mark's low is itself: a cue word that is one mark, none in the lexicon)
            found.append(len(out))
        append(tok)
    return out


def _pattern_token(t: str, a: int) -> Tok:
    """The token of a match ``t`` of ``_TOKEN`` starting at offset ``a``: a word, a quotation or a mark."""
    tok = Tok()  # empty (no __init__), its slots set here
    tok.text = t
    tok.start = a
    tok.end = b = a + len(t)
    if t[0].isalnum():
        tok.low = t.lower()
        tok.kind = "w"
    else:
        tok.low = t
        tok.kind = "q" if t[0] == OPEN and b - a > 1 else "p"
    return tok


def tok_text(toks: list[Tok], rng: tuple[int, ...]) -> str:
    """The tokens ``toks[rng[0]:rng[1]]`` joined by single spaces (a one-word cue is its text)."""
    a, b = rng[0], rng[1]
    if b - a == 1 and 0 <= a < len(toks):  # (out of range, the slice below gives "")
        return toks[a].text
    return " ".join([t.text for t in toks[a:b]])


def worth_reading(sentence: str) -> bool:
    """A quick test for a sentence's text: does it hold a quotation or a word of the lexicon?"""
    if OPEN in sentence:
        return True
    if sentence.isascii():
        # the runs of letters, lower-cased: the same words as re.findall("[a-z]+", sentence.lower()),
        # by C calls that need no pattern (every other character becomes a space); as bytes, whose
        # translate is a plain table look-up per character (str.translate goes through a mapping)
        words = sentence.encode("ascii").translate(_LETTERS_LOWERED).split()
        return not (_ASCII_CUE_WORDS or _held_cue_words(ascii_bytes=True)).isdisjoint(words)
    return not cue_words().isdisjoint(map(str.lower, _WORD.findall(sentence)))


# a byte's letter in lower case if it is an ASCII letter, else a space: bytes.translate's table for worth_reading
_LETTERS_LOWERED = bytes(ord(chr(i).lower()) if i < 128 and chr(i).isalpha() else 32 for i in range(256))


@lru_cache(maxsize=1)
def _ascii_cue_words() -> frozenset[bytes]:
    """``cue_words()`` as ASCII bytes (a word with another character never stands in an ASCII sentence)."""
    return frozenset(w.encode("ascii") for w in cue_words() if w.isascii())
