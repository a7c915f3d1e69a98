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
    if _object_only(sent, fr, start, stop):
        return None
    if fr.participle:
        return make(sent, start, stop, fr, "participle")  # ", adding that ..." (see participle.py)
    return make(sent, start, stop, fr, "speaker-verb-quote", "speaker-verb-clause")


# verbs that often take a noun phrase as their object ("vowed retribution", "praised the plan"); kept short:
# "called the plan a mistake" or "denied the report" count as attributions in annotated news
_OBJECT_VERBS = frozenset("""praise praises praised hail hails hailed welcome welcomes welcomed vow vows vowed
pledge pledges pledged demand demands demanded urge urges urged slam slams slammed
denounce denounces denounced""".split())
_FINITE = frozenset("""is are was were has have had do does did will would can could should may might must
shall 're 've 'll 'd n't am""".split())


def _object_only(sent: Sentence, fr: Frame, start: int, stop: int) -> bool:
    """``announced the end of the siege``, ``vowed retribution``, ``added 0.3 per cent``: a noun phrase
    after the verb with no quotation and no verb of its own is the verb's object, not reported words."""
    toks = sent.toks
    first = toks[start]
    cue = toks[fr.i].low
    if first.kind == "w" and (first.text[0].isdigit() or first.low in ("up", "down")) and not any(
            t.kind == "q" for t in toks[start:stop]):
        return True  # "Kospi added 0.4 per cent", "got called up": figures and particles
    if first.low in THAT_WORDS and start + 1 < stop and toks[start + 1].low == "to":
        return True  # "knows how to win"
    if cue not in _OBJECT_VERBS:
        return False
    if first.kind == "q" or first.low in THAT_WORDS or first.low == "to":
        return False
    for t in toks[start:stop]:
        if t.kind == "q":
            return False
        low = t.low
        if low in _FINITE or (low.endswith("ed") and len(low) > 4) or low.endswith(("n't", "'s", "'re")) \
                or low == "to":  # "urged her husband to come out": what she urged him to do
            return False
    return True
