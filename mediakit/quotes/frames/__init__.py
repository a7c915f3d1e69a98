"""Frames: a cue with its speaker, then the content chosen by the attribution pattern.

One module per pattern: :mod:`.forward` (``X said ...``), :mod:`.backward` (``..., X said``, split
quotes, openers), :mod:`.according` (``according to X``), :mod:`.participle` (``..., adding that``),
:mod:`.colon` (``X said:`` before a paragraph) and :mod:`.unlisted` (quotations with no listed verb).
"""
from __future__ import annotations

from ...lexicon import VerbEntry
from ..adjuncts import after_frame, skip_left, that_start
from ..records import Found, Frame
from ..sentence import Sentence
from ..speakers import np_right, subject_left
from ..words import RECORDINGS, SHOWING_VERBS
from .according import according_first, according_frame, according_last, reported_by
from .backward import backward, closes_clause
from .forward import forward
from .participle import opens_participle, participle_frame


def locate_frame(sent: Sentence, i: int, j: int, entry: VerbEntry) -> Frame | None:
    """Locate the speaker and the extent of the attribution frame around the cue ``toks[i:j]``:
    ``according to X``, a participle (``, adding``), else the speaker before the cue (``X said``) or,
    at a clause start, after it (``said X``)."""
    if entry.frame == "prep" or reported_by(sent, i, j):
        return according_frame(sent, i, j, entry)
    if opens_participle(sent, i):
        return participle_frame(sent, i, j, entry)
    spk = subject_left(sent, i)
    if spk is not None:
        return Frame(i, j, entry, spk, spk[2], j, False)
    toks = sent.toks
    k = skip_left(sent, i)
    if k < 0 or toks[k].kind == "q" or toks[k].text in (",", ":", ";", "-"):
        after = np_right(sent, j, after_quote=k >= 0 and (toks[k].kind == "q" or toks[k - 1].kind == "q"))
        if after is not None:
            return Frame(i, j, entry, after, k + 1, after[1], True)
    return None


def choose_content(sent: Sentence, fr: Frame, frames: list[Frame]) -> Found | None:
    """Choose the content for a frame: after the cue (forward), before it (backward) or around it."""
    toks = sent.toks
    end = len(toks)
    while end > fr.right and toks[end - 1].kind == "p" and toks[end - 1].text in ".;:!?":
        end -= 1
    if fr.entry.lemma in SHOWING_VERBS and any(toks[k].low in RECORDINGS for k in range(fr.left, fr.right)):
        return None  # "television footage showed ...": what a recording shows is not said
    prep = fr.entry.frame == "prep" or fr.as_by
    if prep and fr.left == 0:
        return according_first(sent, fr, end)
    that_at = that_start(sent, fr.right, fr.entry)
    after = after_frame(sent, fr.right, fr.entry)
    if that_at is None and not fr.participle and closes_clause(sent, fr, after, end):
        return backward(sent, fr, frames, after, end)
    if prep:
        return according_last(sent, fr, frames)
    if fr.inverted:
        return None
    return forward(sent, fr, frames, that_at if that_at is not None else after, end)
