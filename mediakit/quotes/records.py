"""Records passed between the rules: a :class:`Frame` (a cue with its speaker) and a :class:`Found`
attribution (offsets in the normalised text, before they are mapped back to the source)."""
from __future__ import annotations

from dataclasses import dataclass

from ..lexicon import VerbEntry


@dataclass
class Found:
    """An attribution found in the normalised text (offsets in normalised coordinates), with the id and
    the readable text of the rule that found it."""

    pieces: list[tuple[int, int]]
    kind: str
    cue: tuple[int, int] | None
    entry: VerbEntry | None
    speaker: tuple[int, int] | None
    rule_id: str  # the rule's id in rules.py
    rule: str  # the readable text: rules.render(rule_id, ...)
    para: int
    inherited: bool = False

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]


@dataclass(slots=True)
class Frame:
    """A reporting verb with its speaker, before the content is chosen (token indices).

    ``toks[i:j]`` is the cue, ``spk`` the speaker's (start, end), ``left``/``right`` the extent of the
    whole attribution (speaker, cue and any appositive); ``inverted`` for ``said Lee`` and
    ``according to Lee``; ``participle`` for ``..., adding that``; ``as_by`` for ``as reported by``."""

    i: int
    j: int
    entry: VerbEntry
    spk: tuple[int, ...]
    left: int
    right: int
    inverted: bool
    participle: bool = False
    as_by: bool = False
