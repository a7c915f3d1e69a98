"""What :func:`mediakit.actors.find_actors` returns: :class:`Actor` and :class:`Mention`, and the actor types."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

ACTOR_TYPES = ("person", "organisation", "place", "group", "event", "anonymous")


@dataclass
class Mention:
    """One mention of an actor: a span ``[start, end)`` into the source, its text and the rule that found it.

    ``kind`` says what form the mention takes: ``"name"`` (the full name), ``"short"`` (surname or
    first name), ``"acronym"``, ``"alias"`` (another listed name), ``"capital"`` (a capital city for
    its government), ``"description"`` ("the high commissioner"), ``"group"``, ``"anonymous"``,
    ``"pronoun"`` or ``"speaker"`` (added when a quote's speaker had no mention yet).
    """

    start: int
    end: int
    text: str
    rule: str
    kind: str = "name"

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "rule": self.rule}


@dataclass
class Actor:
    """One referent and all its mentions.

    ``type`` is one of ``person``, ``organisation``, ``place``, ``group``, ``event``, ``anonymous``.
    ``first_position`` is the character offset of the first mention. ``category`` is set by a
    :class:`~mediakit.codebook.Codebook`. ``gender`` (``"f"``, ``"m"`` or None) comes from honorifics,
    gendered role nouns and pronouns and is used to resolve "he said"/"she said"; it is not exported.
    """

    id: str
    name: str
    type: str
    roles: list[str] = field(default_factory=list)
    affiliation: str | None = None
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    first_position: int = 0
    category: str | None = None
    gender: str | None = field(default=None, repr=False)

    @property
    def role(self) -> str | None:
        """The first role found, or None."""
        return self.roles[0] if self.roles else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "role": self.role,
            "roles": list(self.roles),
            "affiliation": self.affiliation,
            "aliases": list(self.aliases),
            "mentions": [m.to_dict() for m in self.mentions],
            "first_position": self.first_position,
            "category": self.category,
        }
