"""Cues: which words of a sentence are used as reporting verbs (``said``, ``told``, ``according to``).

A word of the speech-verb lexicon (:mod:`mediakit.lexicon`) is a cue unless it is used as a noun,
an adjective, a name or a naming participle (``a group called X``); a form that is also a noun
(``reports``, ``calls``) counts only between a clear speaker and what was said.
"""
from __future__ import annotations

from ..lexicon import VerbEntry
from .adjuncts import skip_left
from .sentence import Sentence
from .verbs import cue_entry
from .words import COMPLEMENT_STARTS, DETERMINERS, NOUNS_IN_LY, PRONOUNS, SPEAKER_NOUNS


def sentence_cues(sent: Sentence) -> list[tuple[int, int, VerbEntry]]:
    """The reporting verbs of the sentence: (first token, token after, lexicon entry)."""
    toks = sent.toks
    out = []
    i = 0  # the first token not yet taken by a cue (a phrase such as "according to" takes two)
    for k in sent.cue_at if sent.cue_at is not None else sent.cue_word_indices():  # (no call when listed)
        if k < i:
            continue
        hit = cue_entry(toks, k)
        if hit and reporting_use(sent, k, hit[0]):
            out.append((k, hit[1], hit[0]))
            i = hit[1]
    return out


def reporting_use(sent: Sentence, i: int, entry: VerbEntry) -> bool:
    """Is the word at ``i`` used as a reporting verb (not a noun, adjective or name)?"""
    toks = sent.toks
    t = toks[i]
    if entry.frame == "prep":
        return True
    if t.text[0].isupper() and i > 0 and not sent.title_like:
        return False
    prev = toks[i - 1].low if i > 0 else ""
    nxt = toks[i + 1].low if i + 1 < len(toks) else ""
    if prev in DETERMINERS or prev in ("to", "of", "'s"):
        return False
    if _after_determiner_and_adverbs(toks, i):
        return False  # "the politically charged term", "his previously stated views": an adjective
    if t.low in ("called", "named", "dubbed", "titled", "calling") and _naming(sent, i):
        return False
    if nxt == "of" and t.low in entry.noun_forms:
        return False
    if prev in ("be", "been", "being", "is", "are", "was", "were") and not t.low.endswith("ing"):
        return False
    if _negated(sent, i):
        return False
    if t.low in entry.noun_forms:
        return not sent.title_like and _clear_verb(sent, i)
    return True


def _after_determiner_and_adverbs(toks: list, i: int) -> bool:
    """``the politically charged term``, ``his previously stated views``: adverbs in ``-ly`` between a
    determiner and the word make it an adjective."""
    k = i - 1
    while k >= 0 and toks[k].kind == "w" and toks[k].low.endswith("ly") and toks[k].text[0].islower() \
            and toks[k].low not in NOUNS_IN_LY:
        k -= 1
    return k < i - 1 and k >= 0 and toks[k].low in DETERMINERS


_NEGATIONS = frozenset("not never n't".split())


def _negated(sent: Sentence, i: int) -> bool:
    """``would not say who``, ``won't say what he'll do``, ``can't predict``, ``did not say whether``:
    speech refused, or that did not happen, reports nothing."""
    toks = sent.toks
    k = i - 1
    while k >= 0 and toks[k].kind == "w" and (toks[k].low in ("also", "even", "still", "yet", "really", "simply", "just")
                                             or (toks[k].low.endswith("ly") and toks[k].text[0].islower())):
        k -= 1
    if k < 0 or toks[k].kind != "w":
        return False
    low = toks[k].low.replace("\u2019", "'")
    if low in ("won't", "can't", "cannot", "wouldn't", "didn't", "doesn't", "don't"):
        return True
    # "would not say", "will not say": a refusal; "did not say whether", "does not mention": speech
    # that did not happen (a speaker who "has not said" or "isn't saying" may still be reported as
    # saying nothing yet: those stay)
    return low in _NEGATIONS and k > 0 and toks[k - 1].low in ("would", "will", "can", "wo", "did", "does", "do")


def _naming(sent: Sentence, i: int) -> bool:
    """``a group called X``: a participle that names something, not a speaker calling it."""
    toks = sent.toks
    k = i - 1
    while k >= 0 and toks[k].kind == "w" and toks[k].low not in DETERMINERS and i - k <= 4 \
            and not toks[k].text[0].isupper() and toks[k].low not in PRONOUNS:
        k -= 1
    return k >= 0 and k < i - 1 and toks[k].low in ("a", "an", "some")


def _clear_verb(sent: Sentence, i: int) -> bool:
    """A form that is also a noun (``reports``, ``calls``) is a verb only between a clear speaker
    (a name, a pronoun, a role) and the start of what was said."""
    toks = sent.toks
    k = skip_left(sent, i)
    if k < 0 or toks[k].kind != "w":
        return False
    subj = toks[k]
    if subj.low.endswith("'s"):
        return False
    if not (subj.low in PRONOUNS or subj.low in ("who", "they") or subj.low in SPEAKER_NOUNS
            or (subj.text[0].isupper() and "-" not in subj.text and (k == 0 or toks[k - 1].low not in DETERMINERS))):
        return False
    if i + 1 >= len(toks):
        return True
    nxt = toks[i + 1]
    return (nxt.kind != "w" or nxt.low in COMPLEMENT_STARTS or nxt.low in PRONOUNS
            or nxt.text[0].isupper())
