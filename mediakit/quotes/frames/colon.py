"""Colon introduction: ``X said:`` ending a paragraph introduces the next paragraph."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..records import Found
from ..rules import render
from ..sentence import Sentence
from ..speakers import main_subject, np_right, subject_left
from ..tokens import tok_text, tokenize
from ..verbs import cue_entry

if TYPE_CHECKING:
    from ..document import Document



def _colon_at_end(masked: str, ps: int, pe: int) -> int | None:
    r"""The offset of the colon that ends ``masked[ps:pe]`` but for spaces (``re.search(r":\s*$")``
    without a pattern scan of the paragraph), else None."""
    e = pe
    while e > ps and masked[e - 1].isspace():
        e -= 1
    return e - 1 if e > ps and masked[e - 1] == ":" else None


def colon_intro(doc: Document, pi: int, here: list[Found]) -> list[Found]:
    """``X said:`` ending a paragraph introduces the next paragraph: its opening quotation, or the
    whole paragraph as a block quotation."""
    ps, pe = doc.paras[pi]
    colon = _colon_at_end(doc.masked, ps, pe)
    if colon is None or pi + 1 >= len(doc.paras):
        return []
    last = doc.sentences(ps, colon)
    toks = tokenize(doc.masked, last[-1][0] if last else ps, colon)
    if not toks:
        return []
    hit = None
    for i in range(len(toks) - 1, max(-1, len(toks) - 6), -1):
        e = cue_entry(toks, i)
        if e and e[0].frame != "prep":
            hit = (i, e)
            break
    sent = Sentence(doc, toks, pi)
    nxt_s, nxt_e = doc.paras[pi + 1]
    q = doc.quotation_at(nxt_s)
    opens_quote = q is not None and q.start == nxt_s
    if q is not None and opens_quote and q.claimed:
        return []
    if hit is not None:
        i, (entry, j) = hit
        spk = subject_left(sent, i) or np_right(sent, j)
        cue: tuple[int, int] | None = (toks[i].start, toks[j - 1].end)
    elif opens_quote:
        # no listed verb ("issued the following statement:"): the speaker is the sentence's subject
        i = j = len(toks)
        entry, spk, cue = None, main_subject(sent, len(toks)), None
    else:
        return []
    if spk is None:
        return []
    if q is not None and opens_quote:
        q.claimed = True
        content, what = (q.start, q.end), "the quotation that opens the next paragraph"
    else:
        content, what = (nxt_s, nxt_e), "the next paragraph, a block quotation"
    # a forward reading of the same cue found nothing after the colon: drop it
    if cue is not None:
        here[:] = [f for f in here if not (f.cue and f.cue[0] == cue[0])]
    sp = (toks[spk[0]].start, toks[spk[1] - 1].end)
    words = tok_text(toks, (spk[0], max(j, spk[1])))
    rid = "colon-introduction"
    return [Found([content], "direct", cue, entry, sp, rid, render(rid, content=what, attribution=words), pi)]
