"""Speaker phrases: the words naming who said it, found by shape (no parser).

Left of the cue (``Lena Ortiz said``, ``Lee, a lawyer, said``, ``an official who asked not to be
named said``), right of it (``said Lena Ortiz``, ``according to the ministry``), the subject of the
sentence (``Lee arrived late and said``) or the short phrase after a quotation (``Lee pressed``).
"""
from __future__ import annotations

import re

from .adjuncts import skip_left
from .sentence import Sentence
from .tokens import Tok
from .verbs import lookup_low
from .words import (
    ABBREVIATIONS,
    AUX_ADVERBS,
    CLAUSE_WORDS,
    DETERMINERS,
    LEAD_TRIM,
    LISTENER_WORDS,
    MONTHS,
    NOUNS_IN_LY,
    NP_PREPS,
    PREPOSITIONS,
    PRONOUNS,
    QUANTIFIERS,
    SPEAKER_NOUNS,
    TIME_LEAD,
    TIME_WORDS,
    VERBISH,
)


def subject_left(sent: Sentence, i: int) -> tuple[int, int, int] | None:
    """The speaker phrase ending just before the cue: (start, end, frame start) token indices."""
    toks = sent.toks
    k = skip_left(sent, i)
    if k < 0:
        return None
    t = toks[k]
    if t.kind == "w" and t.low in ("who", "which", "that"):
        ante = _antecedent(sent, k)
        if ante is None:
            return None
        return ante[0], k + 1, ante[0]
    if t.low in ("and", "but") and k > 0:
        return main_subject(sent, k)
    if t.text == ",":
        return _appositive_subject(sent, k)
    d = k
    while t.text == "-" and d > 1 and toks[d - 1].text == "-" and toks[d - 1].end == toks[d].start:
        d -= 1  # "--": a dash written as two hyphens
    if t.text == "-" and toks[d].start > toks[d - 1].end:
        # "The US and its allies - including Britain - have said", "Kall -- co-editor of a book -- said"
        m = d - 1
        while m > 0 and k - m <= 20 and not (toks[m].text == "-" and toks[m].start > toks[m - 1].end):
            m -= 1
        if m > 0 and toks[m].text == "-" and toks[m - 1].kind == "w":
            name = np_left(sent, m - 1)
            if name is not None and _clause_opens(sent, name[0]):
                return name[0], d, name[0]
        return None
    if t.text == "." and k > 0 and (toks[k - 1].low in ABBREVIATIONS or "." in toks[k - 1].text):
        k -= 1  # "the F.B.I. said", "Acme Inc. said"
        t = toks[k]
    if t.kind != "w" and t.text != ")":
        return None
    if t.low in CLAUSE_WORDS or t.low in VERBISH or t.low in PREPOSITIONS:
        return None
    span = np_left(sent, k)
    if span is None:
        return None
    s, e = span
    # "a senior official who asked not to be named said", "people familiar with the talks said"
    rel = _relative_subject(sent, s, i)
    if rel is not None:
        return rel, e, rel
    # "Name, role for the agency said": include the name before the appositive comma
    if s > 1 and toks[s - 1].text == "," and _appositive_start(sent, s):
        name = np_left(sent, s - 2)
        if name is not None and toks[name[1] - 1].text[0].isupper() and _clause_opens(sent, name[0]):
            return name[0], e, name[0]
    return s, e, s


def _clause_opens(sent: Sentence, s: int) -> bool:
    """Does a clause start at token ``s`` (sentence start, after a comma, colon or quotation)?"""
    toks = sent.toks
    return s == 0 or toks[s - 1].text in (",", ":", ";", "-", "(") or toks[s - 1].kind == "q" \
        or toks[s - 1].low in LEAD_TRIM


def _relative_subject(sent: Sentence, s: int, i: int) -> int | None:
    """Start of ``NOUN who ...`` / ``people familiar with ...`` when the phrase ending at ``s`` is
    the tail of a relative or participle clause that describes the speaker."""
    toks = sent.toks
    for w in range(s - 1, max(-1, s - 12), -1):
        t = toks[w]
        if t.kind != "w":
            return None
        if t.low in ("who", "familiar") or (t.low in ("speaking", "briefed") and w < s - 1):
            ante = np_left(sent, w - 1) if w > 0 and toks[w - 1].kind == "w" else None
            if ante is not None and _names_someone(sent, *ante) and not any(
                    lookup_low(x.low) and x.low not in ("asked",) for x in toks[w + 1 : s]):
                return ante[0]
            return None
    return None


def main_subject(sent: Sentence, k: int) -> tuple[int, int, int] | None:
    """``Lee arrived late and said ...``: the subject at the start of the sentence, after an opening
    phrase such as ``On Friday,`` or ``Facing criticism,``."""
    toks = sent.toks
    s = 0
    first = toks[0]
    if first.low in PREPOSITIONS or first.low in CLAUSE_WORDS or first.low in LEAD_TRIM \
            or first.low in TIME_WORDS or first.low in TIME_LEAD or first.low.endswith("ing"):
        for m in range(1, min(k, 25)):
            if toks[m].text == "," or (toks[m].kind == "q" and toks[m].text[-2:-1] == ","):
                s = m + 1
                break
            if toks[m].kind == "q":
                break
    else:
        # a dateline: "WASHINGTON (AP) -", "New York, June 24 (UPI) -"
        for m in range(1, min(k, 12)):
            if toks[m].text == "-" and toks[m - 1].text == ")":
                s = m + 1
                break
    while s < k and toks[s].low in LEAD_TRIM:
        s += 1
    m = s
    while m < k and m - s < 10:
        t = toks[m]
        if t.kind == "p":
            if t.text == "." and m > s and toks[m - 1].low in ABBREVIATIONS:
                m += 1
                continue
            if t.text == "(" and m > s:
                close = next((x for x in range(m + 1, min(k, m + 7)) if toks[x].text == ")"), None)
                if close is not None:
                    m = close + 1
                    continue
            break
        if not (t.text[0].isupper() or t.low in DETERMINERS or t.low in SPEAKER_NOUNS or t.low in PRONOUNS
                or t.low == "of" or t.low.endswith("'s")
                or (m > s and toks[m - 1].low in DETERMINERS and not _verb_like(t))):
            break
        m += 1
        if t.low in PRONOUNS:
            break
    while m > s and (toks[m - 1].low in DETERMINERS or toks[m - 1].low == "of" or toks[m - 1].kind == "p"):
        m -= 1
    if m == s:
        return None
    return s, m, k


def _verb_like(t: Tok) -> bool:
    return (t.low in VERBISH or t.low in AUX_ADVERBS or lookup_low(t.low) is not None
            or t.low.endswith("ed") or (t.low.endswith("ly") and t.low not in NOUNS_IN_LY))


def _antecedent(sent: Sentence, k: int) -> tuple[int, int] | None:
    """The phrase a relative ``who``/``which`` at ``k`` refers to: ``Lee, who said``."""
    toks = sent.toks
    m = k - 1
    if m >= 0 and toks[m].text == ",":
        m -= 1
    if m < 0 or (toks[m].kind != "w" and toks[m].text != ")"):
        return None
    return np_left(sent, m)


def _appositive_start(sent: Sentence, s: int) -> bool:
    """Does token ``s`` open an appositive (``a lawyer``, ``who ...``, ``Clinton's aide``, ``45``)?"""
    toks = sent.toks
    first = toks[s]
    return (first.low in DETERMINERS or first.low in ("who", "whose", "which") or first.low in SPEAKER_NOUNS
            or first.text[0].isdigit() or first.low.endswith("'s") or first.low in PREPOSITIONS
            or (first.kind == "w" and first.text[0].islower() and s > 1
                and (toks[s - 2].text[:1].isupper() or toks[s - 2].text == ")")))


def _title_before_name(sent: Sentence, s: int) -> bool:
    """``Professor Anton Weil``: a capitalised role word at ``s`` followed by a capitalised word is a
    title before a name, not an appositive."""
    toks = sent.toks
    return (toks[s].low in SPEAKER_NOUNS and toks[s].text[0].isupper() and s + 1 < len(toks)
            and toks[s + 1].text[:1].isupper())


def _appositive_subject(sent: Sentence, k: int) -> tuple[int, int, int] | None:
    """``Name, a role, said``, ``Name, who ..., said``, ``Name, role, group that ..., said``: walk back
    over appositive pieces between commas to the name."""
    toks = sent.toks
    comma = k
    for _ in range(4):
        m = comma - 1
        while m >= 0 and k - m <= 45 and toks[m].text != "," and toks[m].kind != "q" \
                and toks[m].text not in ".;:" or (m >= 0 and toks[m].text == "." and m > 0
                                                  and (toks[m - 1].low in ABBREVIATIONS
                                                       or _PARTY_STATE.fullmatch(toks[m - 1].text))):
            m -= 1
        if m < 1 or toks[m].text != ",":
            return None
        piece = (m + 1, comma)
        if comma == k and _name_piece(sent, *piece):
            return piece[0], k, piece[0]
        if comma == k and piece[1] - piece[0] == 1 and toks[piece[0]].text[0].isupper() and toks[m - 1].kind == "w":
            # "Spindler's father, Joseph, says": a possessive phrase, then the name alone
            owner = np_left(sent, m - 1)
            if owner is not None and _clause_opens(sent, owner[0]) \
                    and any(t.low.endswith(("'s", "\u2019s")) for t in toks[owner[0] : owner[1] - 1]):
                return piece[0], k, owner[0]  # the speaker is the name; the frame starts at the owner
        words = [t.low for t in toks[piece[0] : piece[1]]]
        if any(w in _PIECE_VERBS for w in words) and not any(w in _RELATIVE_WORDS for w in words):
            return None  # "Somehow, the family will find a way, adds Lee": a clause, not an appositive
        if _appositive_start(sent, piece[0]) or _place_piece(sent, *piece) or affiliation_piece(sent, *piece):
            name = np_left(sent, m - 1)
            if name is not None and _names_someone(sent, *name) \
                    and (not _appositive_start(sent, name[0]) or _title_before_name(sent, name[0])) \
                    and _clause_opens(sent, name[0]) and not (name[1] - name[0] == 1 and _place_piece(sent, *name)):
                return name[0], k, name[0]
            comma = m
            continue
        return None
    return None


# "D-Calif.", "R-S.C.", "I-Vt.": a legislator's party and state between commas after the name
_PARTY_STATE = re.compile(r"[DRI]-[A-Z][A-Za-z.]*")

# auxiliaries: a piece between commas holding one, and no relative word ("who has studied"), is a
# clause, never an appositive of the speaker
_PIECE_VERBS = frozenset("is are was were will would can could should has have had does did".split())
_RELATIVE_WORDS = frozenset("who whose whom which that where when".split())


def _name_piece(sent: Sentence, s: int, e: int) -> bool:
    """``..., James B. Comey, said``: a name standing alone between commas."""
    toks = sent.toks
    words = [t for t in toks[s:e] if t.kind == "w"]
    return 2 <= len(words) <= 5 and all(t.text[0].isupper() for t in words) and all(
        t.kind == "w" or t.text == "." for t in toks[s:e])


def _place_piece(sent: Sentence, s: int, e: int) -> bool:
    """``Columbus, Ohio,``: a one- or two-word capitalised piece after a capitalised word."""
    toks = sent.toks
    return 0 < e - s <= 3 and toks[s].text[0].isupper() and s > 1 and toks[s - 2].text[:1].isupper() and all(
        t.text[0].isupper() or t.text == "." for t in toks[s:e])


def affiliation_piece(sent: Sentence, s: int, e: int) -> bool:
    """``Democrat of California``, ``University of Vessen``: capitalised words joined by ``of`` or
    ``from``, an affiliation between commas after a name."""
    toks = sent.toks
    words = toks[s:e]
    return 3 <= len(words) <= 6 and words[0].text[0].isupper() and words[-1].text[0].isupper() \
        and any(t.low in ("of", "from") for t in words) \
        and all(t.kind == "w" and (t.text[0].isupper() or t.low in ("of", "from", "the")) for t in words)


def _names_someone(sent: Sentence, s: int, e: int) -> bool:
    return any(t.text[0].isupper() or t.low in PRONOUNS or t.low in SPEAKER_NOUNS for t in sent.toks[s:e])


def np_left(sent: Sentence, k: int) -> tuple[int, int] | None:
    """The noun phrase ending at token ``k`` (inclusive), walking left to a clause boundary."""
    toks = sent.toks
    if toks[k].text == ")":
        # "Sen. Lee (D-Ohio)": step over a short bracket after a name
        m = k - 1
        while m >= 0 and k - m <= 6 and toks[m].text != "(":
            m -= 1
        if m <= 0 or toks[m].text != "(" or toks[m - 1].kind != "w":
            return None
        inner = np_left(sent, m - 1)
        return (inner[0], k + 1) if inner else None
    end = k + 1
    m = k
    while m >= 0 and end - m <= 14:
        t = toks[m]
        if t.kind == "q":
            break
        if t.kind == "p":
            if t.text == "." and m > 0 and (toks[m - 1].low in ABBREVIATIONS
                                              or (len(toks[m - 1].text) == 1 and toks[m - 1].text.isupper())):
                m -= 1
                continue
            if t.text in "&'" or (t.text == "-" and m > 0 and toks[m - 1].end == t.start):
                m -= 1
                continue
            break
        low = t.low
        if low in CLAUSE_WORDS or low in VERBISH or low in ("said", "says"):
            break
        if low == "and":
            if m > 0 and toks[m - 1].kind == "w" and (toks[m - 1].text[0].isupper()
                                                     or toks[m - 1].low in SPEAKER_NOUNS):
                m -= 1
                continue
            break
        if low in NP_PREPS:
            nxt = toks[m + 1] if m + 1 < len(toks) else None
            prev = toks[m - 1] if m > 0 else None
            if (nxt is not None and nxt.kind == "w"
                    and (nxt.text[0].isupper() or nxt.low in DETERMINERS or (low == "of" and prev is not None
                                                                              and prev.low in SPEAKER_NOUNS))
                    and prev is not None and prev.kind == "w" and prev.low not in VERBISH
                    and (prev.low in SPEAKER_NOUNS or prev.text[0].isupper() or prev.low.endswith("s")
                         or prev.low.endswith("er") or prev.low.endswith("or") or prev.low in QUANTIFIERS)):
                m -= 1
                continue
            break
        if lookup_low(low) is not None and m < k and not t.text[0].isupper():
            break
        m -= 1
    s = m + 1
    s = _trim_lead(sent, s, end)
    # a determiner right after a time word, or after the words of a phrase that a preposition or
    # conjunction opened, opens the speaker phrase: "in February the minister", "after the meeting the
    # ministry" ("Save the Tavan", capitalised on both sides, is a name and stays whole)
    opened = s > 0 and (toks[s - 1].low in PREPOSITIONS or toks[s - 1].low in NP_PREPS
                        or toks[s - 1].low in CLAUSE_WORDS)
    for x in range(end - 2, s, -1):
        det = toks[x]
        if det.low not in DETERMINERS:
            continue  # (the commonest answer, before the tokens around it are read)
        before, after = toks[x - 1], toks[x + 1]
        if det.text[0].islower() and before.kind == "w" \
                and before.low not in NP_PREPS and before.low not in PREPOSITIONS \
                and before.low not in ("and", "or", "of") \
                and (before.low in TIME_WORDS or before.low in MONTHS or opened) \
                and not (before.text[0].isupper() and after.text[0].isupper() and before.low not in MONTHS
                         and before.low not in TIME_WORDS):
            s = x
            break
    if s >= end:
        return None
    if toks[end - 1].kind != "w":
        return None
    return s, end


def _trim_lead(sent: Sentence, s: int, end: int) -> int:
    """Drop openers (``But``, ``Meanwhile``) and a leading prepositional phrase from a speaker phrase."""
    toks = sent.toks
    while s < end and (toks[s].low in LEAD_TRIM or toks[s].kind == "p"):
        s += 1
    if s < end and toks[s].low in PREPOSITIONS:
        # "On Friday Smith", "In a statement the ministry": keep the last capitalised run or noun
        caps = [x for x in range(s + 1, end) if toks[x].text[0].isupper()]
        if caps:
            last = caps[-1]
            first = last
            while first - 1 > s and toks[first - 1].text[0].isupper():
                first -= 1
            if first - 1 > s and toks[first - 1].low in DETERMINERS:
                first -= 1
            return first
        return end - 1
    return s


def np_right(sent: Sentence, j: int, after_quote: bool = False) -> tuple[int, int] | None:
    """The noun phrase just after the cue (``said Lena Ortiz``, ``according to the ministry``).
    After a quotation (``"...," said retired judge Ann Lee``) any words may open it."""
    toks = sent.toks
    n = len(toks)
    if j >= n or toks[j].kind != "w":
        return None
    first = toks[j]
    if first.low in CLAUSE_WORDS or first.low in VERBISH or first.low in PREPOSITIONS:
        return None
    if not (after_quote or first.text[0].isupper() or first.low in DETERMINERS or first.low in SPEAKER_NOUNS
            or first.low in PRONOUNS or first.text[0].isdigit() or first.low in ("one", "two", "three",
                                                                                   "several", "many", "most")):
        return None
    m = j
    while m < n and m - j < 14:
        t = toks[m]
        if t.kind == "q":
            break
        if t.kind == "p":
            if t.text == "." and m > j and (toks[m - 1].low in ABBREVIATIONS
                                             or (len(toks[m - 1].text) == 1 and toks[m - 1].text.isupper())) \
                    and m + 1 < n and toks[m + 1].kind == "w":
                m += 1
                continue
            if t.text in "&'":
                m += 1
                continue
            if t.text == "(" and m > j and toks[m - 1].text[0].isupper():
                close = next((x for x in range(m + 1, min(n, m + 7)) if toks[x].text == ")"), None)
                if close is not None:
                    m = close + 1
                    continue
            break
        low = t.low
        if m > j and (low in CLAUSE_WORDS or low in VERBISH or low in ("said", "says")):
            break
        if m > j and low in PREPOSITIONS:
            nxt = toks[m + 1] if m + 1 < n else None
            if low in ("of", "for", "at", "with", "from") and nxt is not None and nxt.kind == "w" and (
                    nxt.text[0].isupper() or nxt.low in DETERMINERS):
                m += 1
                continue
            break
        if m > j and lookup_low(low) is not None and not t.text[0].isupper():
            break
        m += 1
    if m == j:
        return None
    return j, m


def np_after_quote(sent: Sentence, s: int, end: int) -> tuple[int, int] | None:
    """``Hannity pressed`` / ``the crowd roared``: a short name, pronoun or role phrase and one verb."""
    toks = sent.toks
    v = end - 1
    verb = toks[v]
    if verb.kind != "w" or not verb.text[0].islower() or not (verb.low.endswith("ed") or verb.low.endswith("s")):
        return None
    if v - s < 1 or v - s > 4:
        return None
    words = toks[s:v]
    if any(w.kind != "w" and w.text != "." for w in words):
        return None
    head = toks[v - 1]
    if not (head.text[0].isupper() or head.low in PRONOUNS or head.low in LISTENER_WORDS):
        return None
    if head.low in VERBISH or head.low in CLAUSE_WORDS:
        return None
    return s, v
