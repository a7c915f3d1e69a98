"""Content after the attribution: ``SPEAKER CUE [listener] [time] [that] CONTENT``."""
from __future__ import annotations

from ..content import forward_stop, make
from ..records import Found, Frame
from ..sentence import Sentence
from ..words import DETERMINERS, NUMBER_WORDS, PREPOSITIONS, THAT_WORDS, VERBISH


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
    if fr.entry.lemma == "know" and first.low in THAT_WORDS and first.low != "that":
        return None  # "knew when she threw", "do not know who": knowing, not saying
    if fr.entry.lemma == "call" and first.low in ("for", "on") and start + 1 < end:
        start += 1  # "called for an inquiry", "called on the council to act": what was called for
        first = toks[start]
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


# verbs that often take a noun phrase as their object ("vowed retribution", "praised the plan", "wrote a
# letter"); kept short: "called the plan a mistake" or "denied the report" count as attributions in
# annotated news
_OBJECT_VERBS = frozenset("""praise praises praised hail hails hailed welcome welcomes welcomed vow vows vowed
pledge pledges pledged demand demands demanded urge urges urged slam slams slammed
denounce denounces denounced write writes wrote written writing publish publishes published publishing
charge charges charged charging add adds added adding suggest suggests suggested suggesting confirm confirms
confirmed confirming indicate indicates indicated indicating show shows showed shown showing tweet tweets tweeted
chant chants chanted argue argues argued emphasize emphasizes emphasized contend contends
contended""".split())
_FINITE = frozenset("""is are was were has have had do does did will would can could should may might must
shall 're 've 'll 'd n't am""".split())
_FIGURE_WORDS = NUMBER_WORDS - {"a", "an"}
_CURRENCY = frozenset("$ € £ ¥".split())


def _object_only(sent: Sentence, fr: Frame, start: int, stop: int) -> bool:
    """``announced the end of the siege``, ``vowed retribution``, ``added 0.4 per cent``, ``added to
    her lead``: a noun phrase after the verb with no quotation and no verb of its own is the verb's
    object, not reported words (``said 30 people died`` has a verb and stays)."""
    toks = sent.toks
    first = toks[start]
    if first.kind == "q":
        return False
    if first.low in THAT_WORDS and start + 1 < stop and toks[start + 1].low == "to":
        return True  # "knows how to win"
    if first.low in ("up", "down"):
        return True  # "got called up": a particle
    money = first.text in _CURRENCY and start + 1 < stop and toks[start + 1].text[0].isdigit()
    if first.text[0].isdigit() or money or first.low in _FIGURE_WORDS:
        # "Kospi added 0.4 per cent", "oil added $1.60", "added three goals": a figure after "add" is a
        # score; after another verb it is an object unless a verb follows ("said 30 people died")
        if fr.entry.lemma == "add":
            return True
        return (first.text[0].isdigit() or money) and not _has_verb(toks, start, stop, contractions=False)
    if first.low == "to" and fr.entry.lemma == "add":
        return not _has_verb(toks, start + 1, stop)  # "added to her lead": made it bigger
    if toks[fr.i].low not in _OBJECT_VERBS or first.low in THAT_WORDS or first.low == "to":
        return False
    return not _has_verb(toks, start, stop)


def _has_verb(toks: list, start: int, stop: int, contractions: bool = True) -> bool:
    """A quotation, a finite verb, a past form, a contraction (``'s``, ``n't``; not counted when
    ``contractions`` is False) or ``to`` before a verb (``urged her husband to come out``: what she
    urged him to do) among ``toks[start:stop]``."""
    for k in range(start, stop):
        t = toks[k]
        if t.kind == "q":
            return True
        low = t.low
        if low in _FINITE or (low.endswith("ed") and len(low) > 3):
            return True
        if contractions and low.endswith(("n't", "'s", "'re")):
            return True
        if low == "to" and k + 1 < stop and toks[k + 1].kind == "w" and toks[k + 1].text[0].islower() \
                and toks[k + 1].low not in DETERMINERS:
            return True
    return False
