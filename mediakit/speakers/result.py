"""What the linker returns: one :class:`Link` per quote, and the kinds of resolution."""

from __future__ import annotations

from dataclasses import dataclass

from ..actors.results import Actor

#: How a quote's speaker words named the speaker (the ``speaker_resolution`` column).
RESOLUTIONS = (
    "name", "pronoun", "role noun", "description", "organisation word", "government", "document",
    "unnamed", "anonymous", "follow-on", "inherited", "none",
)


@dataclass
class Link:
    """One quote's speaker: the actor (or None), the rule in words and the kind of resolution."""

    actor: Actor | None
    how: str
    resolution: str
