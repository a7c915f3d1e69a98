"""Content before the attribution: ``..., X said.``, ``"...," said X``, and split quotes
``A, X said, B`` (the attribution inside the content) or after a short opener (``In fact, X said, B``)."""
from __future__ import annotations

from ..adjuncts import adjunct_only, loose_listener
from ..content import clause_start, forward_stop, make
from ..records import Found, Frame
from ..sentence import Sentence
from ..speakers import affiliation_piece
from ..words import (
    CLAUSE_WORDS,
    DETERMINERS,
    LEAD_TRIM,
    PREPOSITIONS,
    SPEAKER_NOUNS,
    TIME_LEAD,
    TIME_WORDS,
)


def closes_clause(sent: Sentence, fr: Frame, after: int, end: int) -> bool:
    """Does the frame follow the content (``..., X said [on Friday].``, ``"...," X told reporters``)?"""
    toks = sent.toks
    left = fr.left
    if left == 0 or not (toks[left - 1].text in (",", ":") or toks[left - 1].kind == "q"):
        return False
    if toks[left].low in ("and", "but"):
        return False  # "... and said ...": a second verb of the sentence's subject
    if after >= end or toks[after].text == "," or adjunct_only(sent, after, end):
        return True
    if fr.entry.frame == "tell" and after == fr.right and loose_listener(sent, after, end):
        return True  # "..., he told the court in his filing."
    # after a quotation a short tail is the listener or the circumstances: '"...," he told the panel'
    return toks[left - 1].kind == "q" and (end - after <= 10 or left == 1) and toks[after].kind != "q"


def backward(sent: Sentence, fr: Frame, frames: list[Frame], after: int, end: int) -> Found | None:
    """Content before the frame, and after it too when the frame sits inside the content."""
    toks = sent.toks
    c_end = fr.left if toks[fr.left - 1].kind == "q" else fr.left - 1
    c_start = clause_start(sent, c_end, frames)
    quote_before = toks[c_end - 1].kind == "q"
    if c_start >= c_end or (fr.entry.frame == "quote" and not quote_before):
        return None
    if not quote_before and _adverbial(sent, c_start, c_end) and after < end and toks[after].text != ",":
        return None  # "In fact, Lee said ...": not reported words
    if quote_before and toks[c_end - 1].text[-2:-1] == ",":
        # '"A," X said on Friday, "B"': the quotation resumes after the attribution and its asides
        resume = next((m for m in range(after, end - 1) if toks[m].text == "," and toks[m + 1].kind == "q"), None)
        if resume is not None:
            after = resume
    if after + 1 < end and toks[after].text == "," and _parenthetical(sent, fr, c_end, after + 1, c_start):
        stop = forward_stop(sent, after + 1, end, frames, fr)
        if not quote_before and _adverbial(sent, c_start, c_end):
            return make(sent, after + 1, stop, fr, "opener-speaker-verb-quote", "opener-speaker-verb-clause")
        return make(sent, c_start, stop, fr, "split-quote", "split-clause", split=(c_end, after + 1))
    if fr.entry.frame == "prep" or fr.as_by:
        return make(sent, c_start, c_end, fr, "according-to-last")  # ", according to X."
    if fr.inverted:
        return make(sent, c_start, c_end, fr, "quote-comma-verb-speaker", "clause-comma-verb-speaker")
    return make(sent, c_start, c_end, fr, "quote-comma-speaker-verb", "clause-comma-speaker-verb")


def _parenthetical(sent: Sentence, fr: Frame, c_end: int, after: int, c_start: int) -> bool:
    """After ``A, X said,`` does the content go on (``B``), or is it an appositive or adjunct?

    A quotation before the frame goes on only with another quotation (a split quote); reported
    words go on unless what follows opens a participle, an adverbial or (after ``said X``) an
    appositive such as ``a lawyer in Ohio``."""
    toks = sent.toks
    a = toks[after]
    if a.kind == "q" or a.low == "that":
        return True
    if toks[c_end - 1].kind == "q":
        return False
    if a.low.endswith("ing"):
        return False
    if a.low in PREPOSITIONS or a.low in CLAUSE_WORDS:
        # "A, Lee said, until B", "A, Lee said, for how B": after reported words and a speaker
        # before the verb, the clause goes on; after "said Lee," it is Lee's appositive or an aside,
        # and after a short opener ("It's common, he said, for ...") the words after are the content
        return not fr.inverted and a.low not in _ASIDE_OPENERS and not _adverbial(sent, c_start, c_end)
    if fr.inverted and (a.low in DETERMINERS or a.low in SPEAKER_NOUNS or a.text[0].isdigit()
                           or a.low.endswith("'s")):
        return False
    if fr.inverted:  # "said Lee, Democrat of Vessen.": the speaker's affiliation
        e = next((m for m in range(after, len(toks)) if toks[m].kind == "p"), len(toks))
        return not affiliation_piece(sent, after, e)
    return True


# after "A, Lee said," these open an aside about the telling, not more reported words
_ASIDE_OPENERS = frozenset("""as while when in at on during after before with and but so yet or nor""".split())


def _adverbial(sent: Sentence, s: int, e: int) -> bool:
    """``Many days, X said, ...``, ``After all, he said, ...``: a short opener that is not itself
    reported (a time, a linking phrase)."""
    toks = sent.toks
    first = toks[s]
    short = e - s <= 3 and (first.low not in DETERMINERS or any(t.low in TIME_WORDS for t in toks[s:e]))
    opener = (first.low in PREPOSITIONS or first.low in CLAUSE_WORDS or first.low in LEAD_TRIM
              or first.low in TIME_LEAD or first.low in TIME_WORDS)
    return short or opener
