"""Follow-ons and continuations: quotations that no sentence rule claimed.

A quotation in the sentence after ``Lee said in a statement.`` completes that attribution; a stray
quotation continues the paragraph's nearest attribution; a quotation paragraph with no attribution of
its own inherits the speaker of the paragraph just before it.
"""
from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

from .adjuncts import adjunct_only, after_frame
from .marks import Quotation
from .records import Found, Frame
from .rules import render
from .sentence import Sentence
from .tokens import CLOSE, tok_text

if TYPE_CHECKING:
    from .document import Document


def closes_sentence(sent: Sentence, fr: Frame) -> bool:
    """``Lee said in a statement.``: a frame with nothing after it but adjuncts."""
    toks = sent.toks
    end = len(toks)
    while end > 0 and toks[end - 1].kind == "p" and toks[end - 1].text in ".:":
        end -= 1
    after = after_frame(sent, fr.right, fr.entry)
    return end > 0 and toks[end - 1].kind != "q" and fr.left == 0 and adjunct_only(sent, after, end)


def dangling(sent: Sentence, fr: Frame) -> Found:
    """An attribution with no content yet: the next sentence's quotation may complete it."""
    toks = sent.toks
    i, j, spk = fr.i, fr.j, fr.spk
    words = tok_text(toks, (spk[0], j)) if not fr.inverted else tok_text(toks, (i, spk[1]))
    rid = "attribution-then-quote"
    return Found([], "direct", (toks[i].start, toks[j - 1].end), fr.entry,
                 (toks[spk[0]].start, toks[spk[1] - 1].end), rid, render(rid, attribution=words), sent.para)


def continuations(doc: Document, pi: int, here: list[Found], per_para: list[list[Found]]) -> list[Found]:
    """Quotations no sentence rule claimed: the quote awaited by ``Lee said in a statement.``, a
    continuation of the paragraph's nearest attribution, or a follow-on paragraph that inherits the
    speaker of the paragraph just before it."""
    ps, pe = doc.paras[pi]
    out: list[Found] = []
    first = bisect_left(doc.q_begin, ps)
    last = bisect_left(doc.q_begin, pe)
    open_quotes = [q for q in doc.quotations[first:last] if not q.claimed]
    for q in open_quotes:
        if not _sentence_like(doc.masked, doc.text, q, ps):
            continue
        before = doc.text[ps : q.start].rstrip()
        frame = doc.dangling.get(ps + len(before)) if before else None
        if frame is not None and not frame.pieces:
            q.claimed = True
            frame.pieces = [(q.start, q.end)]
            here.append(frame)
            continue
        anchor = _nearest_attributed(here, q)
        if anchor is not None:
            q.claimed = True
            anchor.pieces = sorted(anchor.pieces + [(q.start, q.end)])
            anchor.rule += "; " + render("quote-continued")  # the quote keeps its rule_id
            continue
        if q.start != ps or pi == 0 or here:
            continue
        prev = per_para[pi - 1] if doc.paras[pi - 1][1] <= ps else []
        if not prev:
            continue
        last = max(prev, key=lambda f: f.end)
        if last.speaker is None:
            continue
        q.claimed = True
        spk_text = doc.text[last.speaker[0] : last.speaker[1]]
        rid = "follow-on"
        out.append(Found([(q.start, q.end)], "direct", last.cue, last.entry, last.speaker, rid,
                         render(rid, speaker=spk_text), pi, inherited=True))
    return out


def _nearest_attributed(here: list[Found], q: Quotation) -> Found | None:
    """The paragraph's attribution a stray quotation continues: the nearest one before it, else after."""
    direct = [f for f in here if f.speaker is not None]
    before = [f for f in direct if f.end <= q.start]
    if before:
        return max(before, key=lambda f: f.end)
    after = [f for f in direct if f.start >= q.end]
    return min(after, key=lambda f: f.start) if after else None


def _sentence_like(masked: str, text: str, q: Quotation, ps: int) -> bool:
    """A quotation that stands as a sentence (not a scare-quoted word inside one)."""
    s, e = q.pieces[0]
    before = masked[max(ps, s - 3) : s].strip()
    inner = text[q.start : q.end]
    if len(inner.split()) < 3:
        return False
    return s == ps or before[-1:] in ("", ".", "!", "?", CLOSE, ":")
