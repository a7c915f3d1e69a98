"""Quotations whose attribution has no verb of the lexicon.

``"...," Lee pressed.`` (the speaker by position), ``Lee interjected: "..."`` and a long quotation
inside a sentence with no reporting verb (the speaker is the sentence's subject).
"""
from __future__ import annotations

from bisect import bisect_left
from operator import attrgetter

from ..marks import Quotation
from ..records import Found
from ..rules import render
from ..sentence import Sentence
from ..speakers import main_subject, np_after_quote
from ..tokens import OPEN, Tok, tok_text
from ..words import LONG_QUOTE


def unlisted_verbs(sent: Sentence) -> list[Found]:
    """Quotations whose attribution has no verb of the lexicon: ``"...," Lee pressed.``;
    ``Lee interjected: "..."``; ``Lee referenced a report that "..."``."""
    toks = sent.toks
    out: list[Found] = []
    at = sent.doc.masked.find(OPEN, toks[0].start, toks[-1].end) if toks else -1
    if at == -1:
        return out  # no quotation token: every one opens with the mark
    end = len(toks)
    while end > 0 and toks[end - 1].kind == "p" and toks[end - 1].text in ".!?":
        end -= 1
    for x in _quotation_tokens(toks, sent.doc.masked, at):
        t = toks[x]
        q = sent.doc.quotation_at(t.start)
        if q is None or q.claimed:
            continue
        after_colon = x == end - 1 and x >= 3 and toks[x - 1].text in (":", ",")
        found = None
        spk: tuple[int, ...] | None
        if x == 0 and t.text[-2:-1] in (",", "?", "!") and 2 <= end - 1 <= 6:
            spk = np_after_quote(sent, 1, end)
            if spk is not None:
                rid = "quote-comma-speaker-unlisted-verb"
                found = _quote_found(sent, q, spk, (spk[1], spk[1] + 1), rid,
                                     render(rid, attribution=tok_text(toks, (1, end))))
        elif after_colon:
            spk = main_subject(sent, x - 1)
            if spk is not None:
                rid = "clause-colon-quote"
                found = _quote_found(sent, q, spk, None, rid,
                                     render(rid, mark=toks[x - 1].text, speaker=tok_text(toks, spk[:2])))
        elif x >= 2 and len(sent.doc.text[q.start : q.end].split()) >= LONG_QUOTE:  # (counted only here)
            spk = main_subject(sent, x)
            if spk is not None:
                rid = "sentence-subject"
                found = _quote_found(sent, q, spk, None, rid, render(rid, speaker=tok_text(toks, spk[:2])))
        if found is not None:
            out.append(found)
    return out


_START = attrgetter("start")


def _quotation_tokens(toks: list[Tok], masked: str, at: int) -> list[int]:
    """The indices of the quotation tokens of ``toks``, given ``at``, the offset of the first opening
    mark among them. Every quotation token starts with the mark, so they are found from the marks'
    offsets (a C search) by bisection, not by reading the kind of every token."""
    out: list[int] = []
    stop = toks[-1].end
    while at != -1:
        k = bisect_left(toks, at, key=_START)
        if k < len(toks) and toks[k].start == at and toks[k].kind == "q":  # (a mark may stand inside one)
            out.append(k)
        at = masked.find(OPEN, at + 1, stop)
    return out


def _quote_found(sent: Sentence, q: Quotation, spk: tuple[int, ...], cue: tuple[int, int] | None,
                 rule_id: str, rule: str) -> Found:
    """Quotation ``q`` as a direct quote of the speaker ``toks[spk[0]:spk[1]]`` (claimed from now on)."""
    toks = sent.toks
    q.claimed = True
    cue_span = (toks[cue[0]].start, toks[cue[1] - 1].end) if cue else None
    return Found([(q.start, q.end)], "direct", cue_span, None, (toks[spk[0]].start, toks[spk[1] - 1].end),
                 rule_id, rule, sent.para)
