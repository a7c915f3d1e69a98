"""``according to X`` and ``as reported by X``: the speaker after the cue, the content before or after."""
from __future__ import annotations

from ...lexicon import VerbEntry
from ..content import clause_start, make
from ..records import Found, Frame
from ..sentence import Sentence
from ..speakers import np_right


def reported_by(sent: Sentence, i: int, j: int) -> bool:
    """Does the cue ``toks[i:j]`` stand between ``as`` and ``by`` (``as reported by X``)?"""
    toks = sent.toks
    return i > 0 and toks[i - 1].low == "as" and j < len(toks) and toks[j].low == "by"


def according_frame(sent: Sentence, i: int, j: int, entry: VerbEntry) -> Frame | None:
    """``according to X`` (a cue listed as ``prep``) or ``as reported by X``: the speaker follows."""
    if entry.frame == "prep":
        # any noun phrase may be the source: "according to exit polls", "according to state law"
        spk = np_right(sent, j, after_quote=True)
        if spk is None:
            return None
        return Frame(i, j, entry, spk, i, spk[1], True)
    # "as reported by X": read like "according to X"
    spk = np_right(sent, j + 1)
    if spk is None:
        return None
    return Frame(i - 1, j + 1, entry, spk, i - 1, spk[1], True, as_by=True)


def according_first(sent: Sentence, fr: Frame, end: int) -> Found | None:
    """``According to X, CONTENT``: the words after the comma that closes the speaker."""
    k = fr.right
    while k < end and sent.toks[k].text != ",":
        k += 1
    return make(sent, k + 1, end, fr, "according-to-first") if k + 1 < end else None


def according_last(sent: Sentence, fr: Frame, frames: list[Frame]) -> Found | None:
    """``CONTENT according to X`` with no comma before the frame."""
    left = fr.left
    if left == 0:
        return None
    c_end = left - 1 if sent.toks[left - 1].text == "," else left
    c_start = clause_start(sent, c_end, frames)
    return make(sent, c_start, c_end, fr, "according-to-last") if c_start < c_end else None
