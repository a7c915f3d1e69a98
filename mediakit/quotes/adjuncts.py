"""Adjuncts around a cue: auxiliaries and adverbs before it, listeners and time phrases after it.

``Lee has also said``, ``told reporters on Friday that``, ``said in a statement``: the words the rules
step over between the speaker, the cue and what was said.
"""
from __future__ import annotations

from ..lexicon import VerbEntry
from .sentence import Sentence
from .verbs import lookup_low
from .words import (
    ABBREVIATIONS,
    AUX_ADVERBS,
    CLAUSE_WORDS,
    DETERMINERS,
    LEAD_TRIM,
    LISTENER_WORDS,
    NOUNS_IN_LY,
    NUMBER_WORDS,
    OBJECT_PRONOUNS,
    PREPOSITIONS,
    PRONOUNS,
    TIME_LEAD,
    TIME_WORDS,
    TWO_WORD_ADVERBS,
    VERBISH,
    WEEKDAYS,
)

# the unions the rules test against, made once (an expression ``A | B`` in a test builds a new set each time)
_TIME_LEAD_ON = TIME_LEAD | {"on"}
_PREPOSITIONS_DETERMINERS = PREPOSITIONS | DETERMINERS


def skip_left(sent: Sentence, i: int) -> int:
    """Index of the last token before the cue that is not an auxiliary, adverb, time phrase or
    aside between commas (``, for example,``)."""
    toks = sent.toks
    k = i - 1
    progressive = toks[i].low.endswith("ing")
    while k >= 0:
        t = toks[k]
        if progressive and t.low in ("is", "are", "was", "were", "been", "be"):
            k -= 1
            continue
        if t.text == "," and k > 1:
            m = k - 1
            while m > 0 and k - m <= 7 and toks[m].text != "," and toks[m].kind == "w":
                m -= 1
            if toks[m].text == "," and m + 1 < k and (toks[m + 1].low in PREPOSITIONS
                                                      or toks[m + 1].low in LEAD_TRIM):
                k = m - 1
                continue
            break
        if t.kind != "w":
            break
        low = t.low
        if low in AUX_ADVERBS or low == "n't" or (low.endswith("ly") and low not in NOUNS_IN_LY
                                                    and not t.text[0].isupper()):
            k -= 1
            continue
        if low in TIME_WORDS and k > 0 and toks[k - 1].low in _TIME_LEAD_ON:
            k -= 2
            continue
        if low in ("night", "morning", "afternoon", "evening") and k > 1 and toks[k - 1].low in WEEKDAYS:
            k -= 2
            if k >= 0 and toks[k].low == "on":
                k -= 1
            continue
        if low in WEEKDAYS:
            k -= 1
            continue
        if low in ("past", "time", "moment", "end", "least", "first", "once") and k > 1 \
                and toks[k - 1].low in ("the", "at", "last") and toks[k - 2].low in ("in", "at", "for"):
            k -= 3
            continue
        if k > 0 and (toks[k - 1].low, low) in TWO_WORD_ADVERBS:
            k -= 2
            continue
        if low == "ago":
            # "two weeks ago", "less than a year ago"
            k -= 1
            while k >= 0 and (toks[k].low in TIME_WORDS or toks[k].low in NUMBER_WORDS
                              or toks[k].text.isdigit() or toks[k].low in ("weeks", "days", "months", "years",
                                                                          "hours", "than", "less", "more")):
                k -= 1
            continue
        break
    return k


def that_start(sent: Sentence, k: int, entry: VerbEntry) -> int | None:
    """``said on Friday that``, ``told CNN that``: the index of ``that`` when only a listener or
    adjunct words stand between it and the cue."""
    toks = sent.toks
    n = len(toks)
    for m in range(k + 1, min(n, k + 12)):
        t = toks[m]
        if t.low == "that":
            between = toks[k:m]
            first = between[0]
            if (first.low in PREPOSITIONS or first.low in TIME_WORDS or first.low in TIME_LEAD
                    or first.low in OBJECT_PRONOUNS or first.text[0].isupper()
                    or (entry.frame == "tell" and first.kind == "w")):
                if not any(b.low in VERBISH or (b.kind == "q" and first.low not in PREPOSITIONS)
                           or lookup_low(b.low) for b in between):
                    return m
            break
        if t.kind == "q" or t.text in ".;,":
            break
    return adjunct_then_clause(sent, k)


#: the longest adjunct (in tokens) stepped over between a cue and the clause it reports
ADJUNCT_SKIP = 14
_CLAUSE_SUBJECTS = frozenset("he she they we i it".split())
_FINITE_AFTER_SUBJECT = VERBISH - {"to", "not", "'s", "be", "been", "being"}


def _past(low: str) -> bool:
    """A past form (``opposed``, ``believed``): a verb, once it follows a subject."""
    return low.endswith("ed") and len(low) > 4


def adjunct_then_clause(sent: Sentence, k: int) -> int | None:
    """``said after the convention he would``, ``says at a campaign stop in Toledo, Ohio, that``: a
    phrase opening with a preposition (a time or a place, at most :data:`ADJUNCT_SKIP` tokens, a comma
    only before a capitalised place word) stands between the cue and the reported clause; the index of
    ``that`` or of the clause's subject pronoun, when a verb follows it."""
    toks = sent.toks
    n = len(toks)
    if k >= n or toks[k].low not in PREPOSITIONS or toks[k].low in ("to", "of", "about", "for", "with", "by",
                                                                     "against", "over", "into", "upon"):
        return None
    for m in range(k + 1, min(n, k + ADJUNCT_SKIP)):
        t = toks[m]
        if t.low == "that" and m > k + 1 and toks[m - 1].low not in _PREPOSITIONS_DETERMINERS:
            return m
        if t.low in _CLAUSE_SUBJECTS and m + 1 < n and m > k + 1 and toks[m - 1].text != "," \
                and (toks[m + 1].low in _FINITE_AFTER_SUBJECT or _past(toks[m + 1].low)):
            return m
        if t.text == ",":
            if m + 1 < n and (toks[m + 1].text[0].isupper() or toks[m + 1].low == "that") \
                    and toks[m - 1].text[0].isupper():
                continue
            return None
        if t.kind != "w" or t.low in VERBISH or t.low in CLAUSE_WORDS or t.low in PRONOUNS \
                or ((_past(t.low) or t.low.endswith("ing")) and t.low not in TIME_WORDS
                    and toks[m - 1].low not in DETERMINERS):
            return None  # "at a news conference announcing that": a second verb, not an adjunct
    return None


def after_frame(sent: Sentence, k: int, entry: VerbEntry) -> int:
    """Skip a listener (``told reporters``), time phrases and ``in a statement`` after the cue."""
    if entry.frame == "tell":
        k = _listener(sent, k)
    return _time_phrase(sent, k)


def loose_listener(sent: Sentence, k: int, end: int) -> bool:
    """``..., he told the court in his filing.``: a short phrase after ``told`` that closes the sentence."""
    toks = sent.toks
    m = k
    while m < end and m - k < 5 and toks[m].kind == "w" and toks[m].low not in VERBISH \
            and toks[m].low not in CLAUSE_WORDS:
        m += 1
    return m > k and (m >= end or toks[m].text == "," or adjunct_only(sent, m, end))


def _listener(sent: Sentence, k: int) -> int:
    """The listener after ``told``/``asked``: a pronoun, ``reporters``, ``the crowd``, a name or
    ``moderator John Dickerson``."""
    toks = sent.toks
    n = len(toks)
    if k < n and toks[k].kind == "q" and (k + 1 == n or toks[k + 1].kind != "w"):
        return k + 1  # a programme title: told "Fox and Friends"
    if k >= n or toks[k].kind != "w":
        return k
    if toks[k].low in OBJECT_PRONOUNS:
        return k + 1
    m = k
    if toks[m].low in ("the", "a", "an", "his", "her", "their"):
        m += 1
    lead = m
    while m < n and m - lead < 2 and toks[m].kind == "w" and toks[m].low in LISTENER_WORDS:
        m += 1
    while m < n and toks[m].kind == "w" and (toks[m].text[0].isupper() and toks[m].low != "i"
                                             or (m > lead and (toks[m].low in ("of", "and")
                                                               or toks[m].text.isdigit()))):
        m += 1
    if m < n and toks[m].text == "." and toks[m - 1].low in ABBREVIATIONS:
        m += 1
    # "Fox News host Sean Hannity"
    if m > lead and m + 1 < n and toks[m].low in LISTENER_WORDS and toks[m + 1].text[0].isupper():
        m += 1
        while m < n and toks[m].kind == "w" and toks[m].text[0].isupper():
            m += 1
    return m if m > lead else k


def _time_phrase(sent: Sentence, k: int) -> int:
    """Skip ``on Friday``, ``last week``, ``Tuesday night`` and ``in a statement (on ...)`` at ``k``."""
    toks = sent.toks
    n = len(toks)
    if k < n and toks[k].low in TIME_LEAD and k + 1 < n and toks[k + 1].low in TIME_WORDS:
        k += 2
    elif k < n and toks[k].low in WEEKDAYS:
        k += 1
    if k < n and toks[k].low in ("night", "morning", "afternoon", "evening"):
        k += 1
    if k + 2 < n and toks[k].low == "in" and toks[k + 1].low in ("a", "an") and toks[k + 2].low in (
            "statement", "interview", "speech", "tweet", "post", "letter", "email", "memo", "release",
            "radio", "televised", "video", "op-ed", "press"):
        m = k + 3
        while m < n and toks[m].kind == "w" and toks[m].low not in ("that",) and m < k + 8 \
                and (toks[m].text[0].isupper() or toks[m].low in ("release", "interview", "conference",
                                                                    "call", "with", "on", "the")):
            m += 1
        k = m
    return k


def medium_at_end(sent: Sentence, start: int, end: int) -> int:
    """``called for more school investment in a statement on Thursday``: the index where a closing phrase
    naming the medium of the words (``in a statement``, ``in an interview with CNN``, with a time after it
    or not) begins, when it ends the content ``[start, end)``; else ``end``."""
    toks = sent.toks
    for m in range(max(start + 2, end - 10), end - 2):
        if toks[m].low == "in" and toks[m + 1].low in ("a", "an") and toks[m - 1].kind == "w" \
                and toks[m - 1].low not in PREPOSITIONS and toks[m - 1].low not in DETERMINERS:
            after = _time_phrase(sent, m)
            if after > m and _time_phrase(sent, after) >= end:
                return m
    return end


def adjunct_only(sent: Sentence, k: int, end: int) -> bool:
    """The words from ``k`` to the sentence end are only adjuncts (``in an interview on Friday``)."""
    toks = sent.toks
    if k >= end:
        return True
    if toks[k].text == ",":
        k += 1
    if k >= end:
        return True
    first = toks[k]
    if first.kind == "q":
        return False
    if first.low.endswith("ly") and first.low not in NOUNS_IN_LY and first.text[0].islower():
        return adjunct_only(sent, k + 1, end)
    if first.low.endswith("ing") and first.text[0].islower():
        return True
    if first.low == "to" and k + 1 < end and not (toks[k + 1].low in DETERMINERS or toks[k + 1].low in PRONOUNS
                                                  or toks[k + 1].text[0].isupper()):
        return False
    if first.low in PREPOSITIONS or first.low in TIME_WORDS or first.low in TIME_LEAD \
            or first.low in ("as", "when", "while", "after", "before", "because", "referring", "citing",
                             "though", "although", "without", "if", "until", "who"):
        return not any(t.low == "that" for t in toks[k : min(end, k + 4)])
    if first.low in OBJECT_PRONOUNS or first.low in ("reporters", "supporters", "voters", "journalists"):
        return adjunct_only(sent, k + 1, end)
    if first.text[0].isupper() and end - k <= 4:
        return True
    return False
