"""Gender as the text states it, and how a speaker is named (named, unnamed, anonymous, none)."""

from __future__ import annotations

import re

from ..actors.lexicon import lexicon
from ..actors.results import Actor
from .words import GENDER

__all__ = ["speaker_gender", "speaker_named", "stated_gender"]


# mentions the speaker linker adds (a pronoun, a description, the speaker's words): no honorific is read before them
_ADDED_KINDS = frozenset({"pronoun", "description", "speaker"})


def stated_gender(source: str, a: Actor) -> tuple[str, str] | None:
    """The gender the text states for the person ``a``, with the words that state it: an honorific
    written before a mention ("Ms", "Mr.") or a gendered role noun among its roles ("spokeswoman").
    Never read from a first name. None when the text states none (or states both).

    >>> from mediakit.actors import Actor, Mention
    >>> text = "Ms Ana Ruiz, the harbour spokeswoman, spoke."
    >>> stated_gender(text, Actor("A1", "Ana Ruiz", "person", mentions=[Mention(3, 11, "Ana Ruiz", "")]))
    ('f', 'Ms')
    """
    if a.type != "person":
        return None
    lex = lexicon()
    honorifics = lex.honorifics
    found: dict[str, str] = {}
    seen: set[str] = set()
    for m in a.mentions:
        st = m.start
        if st < 2 or source[st - 1] != " " or m.kind in _ADDED_KINDS:
            continue
        # the word before the space (read from the 11 characters before it)
        before = source[st - 12 if st > 12 else 0 : st - 1].rsplit(None, 1)
        word = before[-1] if before else ""
        if word in seen:
            continue
        seen.add(word)
        g = honorifics.get(word.rstrip(".").lower())
        if g in ("f", "m"):
            found.setdefault(g, word)
    for r in a.roles:
        for w in r.lower().split():
            g = lex.roles.get(w)
            if g in ("f", "m"):
                found.setdefault(g, w)
    if len(found) != 1:
        return None
    g, words = next(iter(found.items()))
    return g, words


PRONOUN_GENDER = {"he": "male", "him": "male", "his": "male", "she": "female", "her": "female", "hers": "female"}
PRONOUN_AFTER = re.compile(r"\b(?:he|she|his|her)\b", re.I)
NAMED_KINDS = frozenset({"name", "short", "acronym", "alias", "capital", "speaker"})


def speaker_gender(source: str, a: Actor | None,
                   stated: dict[int, tuple[str, str] | None] | None = None) -> tuple[str, str | None]:
    """The gender of the person ``a`` as the text states it (``"female"``, ``"male"`` or ``"unknown"``)
    and the words that state it: an honorific or a gendered role noun (:func:`stated_gender`), else
    the pronouns that refer to the person (the he/she resolved to it, or the first he/she after a
    mention of it in the same sentence when nobody else is named between). Never read from a first
    name; ``"unknown"`` for anything but a person, or when the pronouns disagree. ``stated`` keeps
    :func:`stated_gender`'s answers by actor id within one article (see
    :func:`mediakit.speakers.link_quotes`).

    >>> from mediakit.actors import find_actors
    >>> from mediakit.model import Span
    >>> text = "Dana Krell said she would run. Mr Joran Pell agreed."
    >>> [(a.name, speaker_gender(text, a)) for a in find_actors(text, [Span(0, len(text))])]
    [('Dana Krell', ('female', 'she')), ('Joran Pell', ('male', 'Mr'))]
    """
    if a is None or a.type != "person":
        return "unknown", None
    if stated is not None and id(a) in stated:
        honorific_or_role = stated[id(a)]
    else:
        honorific_or_role = stated_gender(source, a)
        if stated is not None:
            stated[id(a)] = honorific_or_role
    if honorific_or_role is not None:
        return GENDER[honorific_or_role[0]], honorific_or_role[1]
    said = {PRONOUN_GENDER[m.text.lower()]: m.text for m in a.mentions
            if m.kind == "pronoun" and m.text.lower() in PRONOUN_GENDER}
    if len(said) == 1:
        g, word = next(iter(said.items()))
        return g, word.lower()
    if not said and a.gender in GENDER:
        for m in a.mentions:
            if m.kind not in ("name", "short"):
                continue
            nxt = PRONOUN_AFTER.search(source, m.end, min(len(source), m.end + 160))
            if nxt is not None and "\n" not in source[m.end : nxt.start()] \
                    and PRONOUN_GENDER[nxt.group().lower()] == GENDER[a.gender]:
                return GENDER[a.gender], nxt.group().lower()
    return "unknown", None


def speaker_named(a: Actor | None, resolution: str) -> str:
    """How the article names a speaker: ``"named"`` (by a proper name), ``"anonymous"`` (a source kept
    anonymous: "sources", "an official who asked not to be named"), ``"unnamed"`` (described but not
    named: "a bartender", "city staff", "residents") or ``"none"`` (no speaker)."""
    if a is None:
        return "none"
    if a.type == "anonymous" and (resolution == "anonymous" or any(m.kind == "anonymous" for m in a.mentions)):
        return "anonymous"
    if any(m.kind in NAMED_KINDS and m.text[:1].isupper() for m in a.mentions):
        return "named"
    return "unnamed"


