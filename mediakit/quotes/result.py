"""The public result: :class:`Quote`, one attribution with offsets into the source, and
:func:`speaker_kind`, which classifies a speaker phrase."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .words import ANONYMOUS, DETERMINERS, ORG_HEADS, ORG_NAMES, ORG_NOUNS, PLACES, PRONOUNS, SPEAKER_NOUNS


@dataclass
class Quote:
    """One attribution: content, cue and speaker as offsets into the source, with the rule that found it.

    ``kind`` is ``"direct"`` (the content is a quotation, marks included), ``"indirect"`` (reported
    speech) or ``"mixed"`` (reported speech carrying a quoted fragment). ``speaker_kind`` is one of
    ``"name"``, ``"pronoun"``, ``"role"``, ``"anonymous"``, ``"organisation"``, ``"place"`` or None.
    ``inherited`` marks a follow-on quote that took its speaker from the quote before it; its speaker
    span is the mention it inherited. ``rule`` says in words how the quote was found; ``rule_id`` is
    that rule's id in :mod:`mediakit.quotes.rules` (listed in ``docs/rules.md``).
    """

    start: int
    end: int
    kind: str
    cue_start: int | None
    cue_end: int | None
    cue: str | None
    cue_class: str | None
    speaker_start: int | None
    speaker_end: int | None
    speaker_text: str | None
    speaker_kind: str | None
    rule: str
    inherited: bool = False
    rule_id: str = ""

    def text(self, source: str) -> str:
        return source[self.start : self.end]

    def to_dict(self, source: str) -> dict[str, Any]:
        """A JSON-ready record with the content text included."""
        return {
            "start": self.start,
            "end": self.end,
            "text": source[self.start : self.end],
            "kind": self.kind,
            "cue": self.cue,
            "cue_start": self.cue_start,
            "cue_end": self.cue_end,
            "cue_class": self.cue_class,
            "speaker_text": self.speaker_text,
            "speaker_start": self.speaker_start,
            "speaker_end": self.speaker_end,
            "speaker_kind": self.speaker_kind,
            "rule": self.rule,
            "rule_id": self.rule_id,
            "inherited": self.inherited,
        }


_SPEAKER_HEAD_END = re.compile(r",|\s-\s|\(")
_PRONOUN_SPEAKERS = frozenset(form for p in PRONOUNS for form in (p, p.capitalize()))  # "he", "He"...
_SPEAKER_WORD = re.compile(r"[\w'.&-]+")


def speaker_kind(text: str) -> str | None:
    """Classify a speaker phrase: pronoun, anonymous, place, organisation, name or role.

    The lists come from ``mediakit/resources/``: ``anonymous_sources.txt``, the place and organisation
    names of the gazetteers, ``organisation_words.tsv`` and the speaker nouns (``words.SPEAKER_NOUNS``).

    >>> [speaker_kind(s) for s in ("she", "the sources", "China", "the foreign ministry", "Zhao Lijian")]
    ['pronoun', 'anonymous', 'place', 'organisation', 'name']
    """
    if text in _PRONOUN_SPEAKERS:
        return "pronoun"  # the commonest speaker, answered before the general rules (same answer)
    return _classify_speaker(text)


@lru_cache(maxsize=4096)
def _classify_speaker(text: str) -> str | None:
    """The rules of :func:`speaker_kind` after its pronoun test; they read the phrase and the word
    lists only, so each phrase is classified once (the same speakers recur within an article and
    across articles)."""
    if ANONYMOUS.search(text):
        return "anonymous"
    cut = _SPEAKER_HEAD_END.search(text)
    words = _SPEAKER_WORD.findall(text, 0, cut.start()) if cut else _SPEAKER_WORD.findall(text)
    if not words:
        return None
    low = [w.lower().strip(".") for w in words]
    if len(words) == 1 and low[0] in PRONOUNS and not (len(words[0]) > 1 and words[0].isupper()):
        return "pronoun"
    content = [w for w, lw in zip(words, low, strict=True) if lw not in DETERMINERS]
    if not content:
        return None
    joined = " ".join([w.lower() for w in content])
    if joined in PLACES or (len(content) <= 2 and all(w.lower() in PLACES for w in content)):
        return "place"
    if joined in ORG_NAMES:
        return "organisation"
    head = low[-1]
    if _org_word(words[-1], head) or (content[-1].isupper() and len(content[-1]) > 1 and len(content) <= 3):
        return "organisation"
    caps = [w for w in content if w[:1].isupper()]
    if caps and head not in SPEAKER_NOUNS and (content[-1][:1].isupper()):
        return "name"
    if caps and any(w[:1].isupper() for w in words[-3:]) and not any(
            _org_word(w, lw) for w, lw in zip(words, low, strict=True)):
        return "name"
    return "role"


def _org_word(word: str, low: str) -> bool:
    """An organisation word: capitalised, one that makes a name an organisation ("the Foreign Ministry",
    "Acme Inc"); in lower case, one that alone stands for one ("the ministry", not "the post")."""
    return low in (ORG_HEADS if word[:1].isupper() else ORG_NOUNS)
