"""Participle attributions: ``..., adding that ...``; the speaker is the subject of the main clause."""
from __future__ import annotations

from ...lexicon import VerbEntry
from ..records import Frame
from ..sentence import Sentence
from ..speakers import main_subject, np_right, subject_left
from ..verbs import cue_entry
from ..words import DOCUMENT_NOUNS


def opens_participle(sent: Sentence, i: int) -> bool:
    """Is the cue at ``i`` an -ing form after a comma, a document noun (``a statement saying``) or a
    conjunction (``while saying``)?"""
    toks = sent.toks
    return toks[i].low.endswith("ing") and i > 0 and (toks[i - 1].text == "," or toks[i - 1].low in DOCUMENT_NOUNS
                                                      or _adverbial_participle(sent, i))


def _adverbial_participle(sent: Sentence, i: int) -> bool:
    """``..., while also saying that``, ``after telling reporters``: an -ing cue after a conjunction."""
    toks = sent.toks
    k = i - 1
    while k > 0 and toks[k].low in ("also", "again", "repeatedly", "later", "first"):
        k -= 1
    return toks[k].low in ("while", "after", "before", "by", "when", "without", "in", "upon") and k > 0


def participle_frame(sent: Sentence, i: int, j: int, entry: VerbEntry) -> Frame | None:
    """``..., adding that ...``: the speaker is the subject of the clause before the comma."""
    spk: tuple[int, ...] | None = main_subject(sent, i - 1)
    for k in range(i - 2, -1, -1):
        if spk is not None:
            break
        hit = cue_entry(sent.toks, k)
        if hit and not sent.toks[k].low.endswith("ing"):
            spk = subject_left(sent, k) or np_right(sent, hit[1])
            break
    if spk is None:
        return None
    return Frame(i, j, entry, (spk[0], spk[1]), i - 1, j, False, participle=True)
