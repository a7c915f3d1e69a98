"""Content boundaries: where reported words start and end, and the attribution record they make.

Forward content ends at the sentence end, before a later clause-final attribution (``, X said``) or a
participle cue (``, adding that``), or before a new clause that is not part of it (``, which``,
``, but``, ``; ``, ``and argued``). Backward content starts at the sentence start or after an earlier
attribution.
"""
from __future__ import annotations

from .adjuncts import adjunct_only, medium_at_end
from .records import Found, Frame
from .rules import render
from .sentence import Sentence
from .tokens import OPEN, Tok, tok_text
from .verbs import lookup_low
from .words import CLAUSE_WORDS, CUT_WORDS, DETERMINERS, LEAD_TRIM, NOT_PARTICIPLES, NOUNS_IN_LY

# what the content is, in the words of a rule's {what}
_WHAT = {"direct": "direct quote", "indirect": "reported words", "mixed": "reported words with a quoted fragment"}


def forward_stop(sent: Sentence, start: int, end: int, frames: list[Frame], fr: Frame) -> int:
    """Forward content ends at the sentence end, or before a later clause-final frame (``, X said``)
    or a participle cue (``, adding that``)."""
    for other in frames:
        if other is fr:
            continue
        ol = other.left
        if start < ol <= end and ol > 0 and sent.toks[ol - 1].text == ",":
            if other.participle or _is_closing_frame(sent, other, end):
                end = ol - 1
        elif start + 1 < ol < end and sent.toks[ol - 1].low in ("and", "but") and not other.participle:
            end = ol - 2 if sent.toks[ol - 2].text == "," else ol - 1
    end = _clause_end(sent, start, end)
    return medium_at_end(sent, start, end)  # "... in a statement on Thursday" is how it was said, not what


def _embedded(sent: Sentence, m: int, end: int) -> bool:
    """``the talks, which started in 2009, remained ...``: a relative clause closed by a comma and
    followed by the verb it interrupted."""
    toks = sent.toks
    for x in range(m + 1, end - 1):
        if toks[x].text == "," and not (toks[x - 1].text[-1:].isdigit() and toks[x + 1].text[:1].isdigit()):
            nxt = toks[x + 1]  # (the comma of "38,000" is not the one closing the clause)
            return nxt.kind == "w" and nxt.text[0].islower() and not nxt.low.endswith("ing") \
                and nxt.low not in CLAUSE_WORDS and nxt.low not in DETERMINERS and nxt.low not in LEAD_TRIM
    return False


def _clause_end(sent: Sentence, start: int, end: int) -> int:
    """Reported words end before a new clause that is not part of them: ``, compared with``
    (a participle), ``and argued`` (a second verb of the same speaker; after a noun phrase with no
    verb, any ``and was ...``), ``: "..."`` or ``;``."""
    toks = sent.toks
    if start + 2 >= end:
        return end
    prev = toks[start + 1]
    for m in range(start + 2, end):
        t = toks[m]
        if t.text == ";":
            return m
        # (the token before is the last one's, read once per token; the tests after a comma are read
        # only after one)
        ptext = prev.text
        if ptext == "," or (prev.kind == "q" and ptext[-2:-1] == ","):
            cut = m - 1 if ptext == "," else m
            low = t.low
            if t.kind == "w" and low.endswith("ing") and low not in NOT_PARTICIPLES:
                return cut
            # ", which ...": after reported words that are a clause, the relative clause is part of them
            # ("said the ferry was late, which upset commuters"); after a noun phrase it ends them
            if low in CUT_WORDS and not (low == "which" and (_embedded(sent, m, end)
                                                             or _has_finite(toks, start, m - 1))):
                return cut
            if low in ("a", "an"):
                return cut
        if t.low in ("and", "but") and m + 1 < end and _next_act_after(toks, start, m, end):
            return m - 1 if ptext == "," else m
        prev = t
    return end


def _next_act_after(toks: list[Tok], start: int, m: int, end: int) -> bool:
    """Does the "and" or "but" at ``m`` (within the content ``[start, end)``) open the speaker's next act
    rather than more reported words? "and argued", or "praised the plan and was re-elected": after a noun
    phrase with no verb of its own, a verb after "and" (adverbs skipped) is the speaker's next act."""
    k = m + 1
    while k < end - 1 and (toks[k].low in ("then", "also", "later", "again", "even", "still")
                           or (toks[k].low.endswith("ly") and toks[k].low not in NOUNS_IN_LY)):
        k += 1
    nxt = toks[k]
    return nxt.kind == "w" and nxt.text[0].islower() and bool(
        lookup_low(nxt.low) or (_verb_form(nxt.low) and not _has_finite(toks, start, m)))


_AUXILIARIES = frozenset("is are was were has have had does did will would can could".split())


def _verb_form(low: str) -> bool:
    """An auxiliary or a past form (``has``, ``was``, ``celebrated``)."""
    return low in _AUXILIARIES or (low.endswith("ed") and len(low) > 3)


def _has_finite(toks: list, start: int, stop: int) -> bool:
    """Does ``toks[start:stop]`` hold a verb form or a quotation (so it is a clause, not a noun phrase)?"""
    return any(t.kind == "q" or _verb_form(t.low) or t.low.endswith(("n't", "'s", "'re", "'ve", "'ll"))
               for t in toks[start:stop])


def _is_closing_frame(sent: Sentence, fr: Frame, end: int) -> bool:
    """Does nothing but adjuncts (or a comma) follow the frame?"""
    r = fr.right
    return r >= end or adjunct_only(sent, r, end) or sent.toks[r].text == ","


def clause_start(sent: Sentence, c_end: int, frames: list[Frame]) -> int:
    """Backward content starts at the sentence start, or after an earlier frame in the sentence."""
    start = 0
    for other in frames:
        if other.right < c_end and other.right > start and not other.participle:
            r = other.right
            if r < len(sent.toks) and sent.toks[r].text in (",", ":"):
                start = r + 1
    toks = sent.toks
    while start < c_end and toks[start].kind == "p" and toks[start].text not in "([":
        start += 1
    return start


def content_counts(sent: Sentence, s: int, e: int, split: tuple[int, int] | None = None
                   ) -> tuple[list[Tok], int] | None:
    """The quotation tokens among the content tokens ``[s, e)`` (minus ``split``) and their number of
    words, or None when there are neither quotations nor two words (too little to be reported words).

    Content with no quotation (no opening mark in its stretch of the masked text: every quotation token
    opens with one) has its words counted from its start up to two, all :func:`make` needs; otherwise
    every token's kind is read."""
    toks = sent.toks
    if split is None and sent.doc.masked.find(OPEN, toks[s].start, toks[e - 1].end) == -1:
        n_words = 0
        for k in range(s, e):
            if toks[k].kind == "w":
                n_words += 1
                if n_words == 2:
                    return [], 2
        return None
    inner = toks[s:e] if split is None else toks[s : split[0]] + toks[split[1] : e]
    kinds = [t.kind for t in inner]  # one pass over the content; the counts in C
    quotes = [t for t in inner if t.kind == "q"] if "q" in kinds else []
    n_words = kinds.count("w")
    if not quotes and n_words < 2:
        return None
    return quotes, n_words


def make(sent: Sentence, s: int, e: int, fr: Frame, rule_id: str, clause_rule_id: str | None = None,
         split: tuple[int, int] | None = None) -> Found | None:
    """The attribution for content tokens ``[s, e)`` (minus ``split``, the frame inside a
    parenthetical); None when too little is left to be reported words.

    ``rule_id`` names the rule (:mod:`.rules`); given ``clause_rule_id`` too, ``rule_id`` is the rule
    when the content is a direct quote and ``clause_rule_id`` when it is reported words."""
    toks = sent.toks
    while e > s and toks[e - 1].kind == "p" and toks[e - 1].text in ",;:-":
        e -= 1
    if e <= s:
        return None
    cs, ce = toks[s].start, toks[e - 1].end
    counted = content_counts(sent, s, e, split)
    if counted is None:
        return None
    quotes, n_words = counted
    # a quotation reaching into other paragraphs is content as a whole
    if toks[e - 1].kind == "q":
        last = sent.doc.quotation_at(toks[e - 1].start)
        assert last is not None  # (a masked quotation token stands in a quotation)
        ce = max(ce, last.end)
    if toks[s].kind == "q":
        first = sent.doc.quotation_at(cs)
        assert first is not None
        cs = min(cs, first.start)
    cue = (toks[fr.i].start, toks[fr.j - 1].end)
    if split is None and cue[0] < ce and cue[1] > cs:
        return None
    for t in quotes:
        q = sent.doc.quotation_at(t.start)
        assert q is not None
        q.claimed = True
    kind = "indirect" if not quotes else ("direct" if not n_words else "mixed")
    speaker = (toks[fr.spk[0]].start, toks[fr.spk[1] - 1].end)
    chosen = rule_id if clause_rule_id is None or kind == "direct" else clause_rule_id
    cue_words = tok_text(toks, (fr.i, fr.j))
    spk = tok_text(toks, fr.spk[:2])
    text = render(chosen, what=_WHAT[kind], cue=cue_words, speaker=spk,
                  attribution=f"{cue_words} {spk}" if fr.inverted else f"{spk} {cue_words}")
    return Found([(cs, ce)], kind, cue, fr.entry, speaker, chosen, text, sent.para)

