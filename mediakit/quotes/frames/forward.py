"""Content after the attribution: ``SPEAKER CUE [listener] [time] [that] CONTENT``."""
from __future__ import annotations

from ..content import forward_stop, make
from ..records import Found, Frame
from ..sentence import Sentence
from ..words import PREPOSITIONS, THAT_WORDS, VERBISH


def forward(sent: Sentence, fr: Frame, frames: list[Frame], start: int, end: int) -> Found | None:
    """``SPEAKER CUE [listener] [time] [that] CONTENT``."""
    toks = sent.toks
    while start < end and toks[start].text in (",", ":"):
        start += 1
    if start >= end:
        return None
    first = toks[start]
    frame = fr.entry.frame
    if frame == "quote" and first.kind != "q":
        return None
    if frame == "that" and first.kind != "q" and first.low not in THAT_WORDS:
        return None
    if first.low in VERBISH and first.low != "to":
        return None
    if first.low in PREPOSITIONS and first.low not in ("to", "of", "for", "on"):
        return None  # "reported from Washington", "spoke at a rally": a place or time, not words
    stop = forward_stop(sent, start, end, frames, fr)
    if stop - start < 2 and not (stop - start == 1 and first.kind == "q"):
        return None
    if fr.participle:
        return make(sent, start, stop, fr, "participle")  # ", adding that ..." (see participle.py)
    return make(sent, start, stop, fr, "speaker-verb-quote", "speaker-verb-clause")
