"""Agentless hedges: ``X are alleged to ...``, ``it is claimed that ...``: attributions with no speaker."""
from __future__ import annotations

from .records import Found
from .rules import render
from .sentence import Sentence
from .speakers import np_left
from .verbs import lookup_low
from .words import HEDGE_PARTICIPLES


def hedges(sent: Sentence) -> list[Found]:
    """``X are alleged to ...``, ``it is claimed that ...``: attributions with no speaker."""
    toks = sent.toks
    out = []
    n = len(toks)
    # every hedge participle is in cue_words(), so only those tokens need a look (the tokeniser's list,
    # read with no method call when it made one)
    for i in sent.cue_at if sent.cue_at is not None else sent.cue_word_indices():
        t = toks[i]
        if t.low not in HEDGE_PARTICIPLES or not 0 < i < n - 1:
            continue
        if toks[i - 1].low not in ("is", "are", "was", "were", "been"):
            continue
        nxt = toks[i + 1].low
        aux = i - 1
        if aux > 0 and toks[aux - 1].low in ("has", "have", "had", "widely"):
            aux -= 1
        entry = lookup_low(t.low)
        if nxt == "that" and aux > 0 and toks[aux - 1].low == "it":
            s, e = i + 1, n
            rid = "agentless-hedge-that"
        elif nxt == "to":
            np = np_left(sent, aux - 1) if aux > 0 else None
            if np is None:
                continue
            s, e = np[0], n
            rid = "agentless-hedge-to"
        else:
            continue
        while e > s and toks[e - 1].kind == "p":
            e -= 1
        if e - s < 3:
            continue
        out.append(Found([(toks[s].start, toks[e - 1].end)], "indirect", (t.start, t.end), entry, None, rid,
                         render(rid, aux=toks[i - 1].text, participle=t.text), sent.para))
    return out
