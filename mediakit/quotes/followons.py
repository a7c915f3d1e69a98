"""Follow-ons and continuations: quotations that no sentence rule claimed.

A quotation in the sentence after ``Lee said in a statement.`` completes that attribution; a stray
quotation continues the paragraph's nearest attribution; a quotation paragraph with no attribution of
its own inherits the speaker of the paragraph just before it.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from typing import TYPE_CHECKING

from ..lexicon import lexicon
from .adjuncts import adjunct_only, after_frame
from .marks import Quotation
from .records import Found, Frame
from .rules import render
from .sentence import Sentence
from .tokens import CLOSE, tok_text, tokenize

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
    stop = bisect_left(doc.q_begin, pe)
    open_quotes = [q for q in doc.quotations[first:stop] if not q.claimed]
    nearest: _Nearest | None = None  # made at the first quotation that needs it
    for q in open_quotes:
        if not _sentence_like(doc.masked, doc.text, q, ps):
            continue
        before = _text_end_before(doc.text, ps, q.start)
        frame = doc.dangling.get(before) if before > ps else None
        if frame is not None and not frame.pieces:
            q.claimed = True
            frame.pieces = [(q.start, q.end)]
            here.append(frame)
            if nearest is not None:
                nearest.appended(frame)
            continue
        if nearest is None:
            nearest = _Nearest(here)
        anchor = nearest.to(q)
        if anchor is not None:
            q.claimed = True
            anchor.pieces = sorted(anchor.pieces + [(q.start, q.end)])
            anchor.rule += "; " + render("quote-continued")  # the quote keeps its rule_id
            continue
        if q.start != ps or here:
            continue
        prev = per_para[pi - 1] if pi > 0 and doc.paras[pi - 1][1] <= ps else []
        last = max(prev, key=lambda f: f.end) if prev else None
        if last is not None and last.speaker is not None:
            q.claimed = True
            spk_text = doc.text[last.speaker[0] : last.speaker[1]]
            rid = "follow-on"
            out.append(Found([(q.start, q.end)], "direct", last.cue, last.entry, last.speaker, rid,
                             render(rid, speaker=spk_text), pi, inherited=True))
            continue
        if last is not None or not _alone(doc, q, pi):
            continue
        nxt = _next_tagged(doc, pi, per_para)
        if nxt is not None and nxt.speaker is not None:  # (a tagged paragraph's quote has a speaker)
            # a quotation paragraph tagged only at the end of the next one: '"A."' / '"B," Lee said.'
            q.claimed = True
            rid = "follow-on-before"
            out.append(Found([(q.start, q.end)], "direct", nxt.cue, nxt.entry, nxt.speaker, rid,
                             render(rid, speaker=doc.text[nxt.speaker[0] : nxt.speaker[1]]), pi, inherited=True))
            continue
        subject = _narrative_subject(doc, pi) if pi > 0 else None
        if subject is not None:
            # a narrative paragraph naming the speaker, then a quotation paragraph of theirs
            q.claimed = True
            rid = "follow-on-narrative"
            out.append(Found([(q.start, q.end)], "direct", None, None, subject, rid,
                             render(rid, speaker=doc.text[subject[0] : subject[1]]), pi, inherited=True))
    return out


# an embedded post: its text, a link to its picture, then "- Name (@handle) Month Day, Year"
_POST_TAIL = re.compile(
    r"\s*(?:pic\.twitter\.com/\S+\s*)?[\u2014\u2013-]\s*(?P<name>[A-Z][^()\n]{1,60}?)\s*\(@\w{1,30}\)"
    r"\s*(?:[A-Z][a-z]+\.? \d{1,2}, \d{4})?\s*$"
)


def embedded_post(doc: Document, pi: int) -> Found | None:
    """A post embedded in the page (a tweet): its words are quoted, its author signs it
    ``- Name (@handle) date`` at the end of the paragraph."""
    ps, pe = doc.paras[pi]
    text = doc.text
    if text.find("(@", ps, pe) == -1:
        return None
    m = _POST_TAIL.search(text, ps, pe)
    if m is None:
        return None
    end = m.start()
    start = ps
    while start < end and text[start] in " \t\u201c\"":
        start += 1
    if len(text[start:end].split()) < 3:
        return None
    entry = lexicon().get("posted")
    rid = "embedded-post"
    name = (m.start("name"), m.end("name"))
    gap = text[m.start() : m.start("name")]
    dash = m.start() + max(gap.rfind(c) for c in "\u2014\u2013-")
    return Found([(start, end)], "direct", (dash, dash + 1), entry, name, rid,
                 render(rid, speaker=text[name[0] : name[1]]), pi)


def _alone(doc: Document, q: Quotation, pi: int) -> bool:
    """Is the paragraph nothing but the quotation (and closing punctuation)?"""
    ps, pe = doc.paras[pi]
    return q.start == ps and not doc.text[q.end : pe].strip(" .\u201d\"")


def _next_tagged(doc: Document, pi: int, per_para: list[list[Found]]) -> Found | None:
    """The attribution of the next paragraph when it opens with a quotation it attributes (not a
    follow-on itself)."""
    if pi + 1 >= len(per_para) or not _adjacent(doc, pi, pi + 1):
        return None
    ns = doc.paras[pi + 1][0]
    for f in per_para[pi + 1]:
        if f.start == ns and f.speaker is not None and f.kind == "direct" and not f.inherited \
                and f.speaker[0] > f.pieces[0][1]:
            return f
    return None


def _adjacent(doc: Document, a: int, b: int) -> bool:
    """Do paragraphs ``a`` and ``b`` follow each other with nothing but blank lines (or lone dots) between?"""
    return not doc.text[doc.paras[a][1] : doc.paras[b][0]].strip(" .\n\t\r\u00a0")


_NARRATIVE_LEAD = frozenset("but and so then still now meanwhile for".split())


def _narrative_subject(doc: Document, pi: int) -> tuple[int, int] | None:
    """The speaker a narrative paragraph names before a quotation paragraph: a name or he/she opening
    its last sentence and followed by a verb ("Marta Holm has run the shop for thirty years.")."""
    ps, pe = doc.paras[pi - 1]
    if not _adjacent(doc, pi - 1, pi):
        return None
    sents = doc.sentences(ps, pe)
    if not sents:
        return None
    s, e = sents[-1]
    toks = [t for t in tokenize(doc.masked, s, min(e, s + 200)) if t.kind != "p" or t.text != ","]
    k = 0
    while k < len(toks) and toks[k].low in _NARRATIVE_LEAD:
        k += 1
    if k < len(toks) and toks[k].low in ("he", "she"):
        return (toks[k].start, toks[k].end) if k + 1 < len(toks) and toks[k + 1].kind == "w" else None
    m = k
    while m < len(toks) and m - k < 4 and toks[m].kind == "w" and toks[m].text[0].isupper() \
            and "'" not in toks[m].text and "\u2019" not in toks[m].text:
        m += 1
    if m - k < 2 or m >= len(toks) or toks[m].kind != "w" or not toks[m].text[0].islower():
        return None  # two capitalised words at least ("Marta Holm"): one may be a common word
    if toks[k].low in ("the", "a", "an", "this", "that", "in", "on", "at", "it", "there"):
        return None
    return toks[k].start, toks[m - 1].end


class _Nearest:
    """The paragraph's attribution a stray quotation continues: of those with a speaker, the one that
    ends last before it, else the one that starts first after it (the first in ``here`` of equals).

    The quotations are asked about in order, so one pass over the attributions sorted by end (and one
    by start) answers them all: a paragraph of a hundred thousand quotes costs a sort, not a scan per
    quotation. An anchor that takes the quotation stays right: one before it ends with the quotation,
    still the latest-ending; one after it starts earlier and is after no later quotation. A frame
    appended to ``here`` is reported by the caller (:meth:`appended`)."""

    def __init__(self, here: list[Found]) -> None:
        self.size = len(here)
        direct = [(f, i) for i, f in enumerate(here) if f.speaker is not None]
        self.by_end = sorted(direct, key=lambda x: (x[0].end, x[1]))
        self.by_start = sorted(direct, key=lambda x: (x[0].start, x[1]))
        self.k_end = self.k_start = 0
        self.best: tuple[Found, int] | None = None  # the latest-ending attribution seen so far

    def _offer(self, f: Found, i: int) -> None:
        best = self.best
        if best is None or f.end > best[0].end or (f.end == best[0].end and i < best[1]):
            self.best = (f, i)

    def to(self, q: Quotation) -> Found | None:
        by_end = self.by_end
        while self.k_end < len(by_end) and by_end[self.k_end][0].end <= q.start:
            self._offer(*by_end[self.k_end])
            self.k_end += 1
        if self.best is not None:
            return self.best[0]
        by_start = self.by_start
        while self.k_start < len(by_start) and by_start[self.k_start][0].start < q.end:
            self.k_start += 1
        return by_start[self.k_start][0] if self.k_start < len(by_start) else None

    def appended(self, f: Found) -> None:
        """``f`` (with a speaker, holding the quotation just taken) was appended to ``here``."""
        self._offer(f, self.size)
        self.size += 1


def _text_end_before(text: str, ps: int, at: int) -> int:
    """Where the text before offset ``at`` ends, spaces left out (``ps`` when there is none): the end of
    ``text[ps:at].rstrip()``, read back from ``at`` (copying from the paragraph start for every
    quotation cost a one-line article its square)."""
    while at > ps and text[at - 1].isspace():
        at -= 1
    return at


def _sentence_like(masked: str, text: str, q: Quotation, ps: int) -> bool:
    """A quotation that stands as a sentence (not a scare-quoted word inside one)."""
    s, e = q.pieces[0]
    before = masked[max(ps, s - 3) : s].strip()
    inner = text[q.start : q.end]
    if len(inner.split()) < 3:
        return False
    return s == ps or before[-1:] in ("", ".", "!", "?", CLOSE, ":")
