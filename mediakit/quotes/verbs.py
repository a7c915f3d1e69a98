"""The speech-verb lexicon (:mod:`mediakit.lexicon`) as the rules read it: cue words, phrasal cues
(``according to``) and quick look-ups for tokens."""
from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from ..lexicon import VerbEntry, lexicon, lookup
from .words import HEDGE_PARTICIPLES

if TYPE_CHECKING:
    from .tokens import Tok


@lru_cache(maxsize=1)
def _multi_forms() -> dict[str, list[tuple[str, str]]]:
    """Phrasal cues by first word: ``according`` -> [("to", "according to")]."""
    out: dict[str, list[tuple[str, str]]] = {}
    for form in lexicon():
        if " " in form:
            first, rest = form.split(" ", 1)
            out.setdefault(first, []).append((rest, form))
    return out


# The lexicon as the hot paths read it. lexicon() and _multi_forms() are cached by lru_cache, whose call
# costs about four times a module global's read, and the rules read them tens of times per sentence; they
# never change (the packaged lexicon, loaded once), so both are held here from their first read.
_TABLE: dict[str, VerbEntry] | None = None
_MULTI: dict[str, list[tuple[str, str]]] = {}


def _held_table() -> dict[str, VerbEntry]:
    """``lexicon()``, held in ``_TABLE`` (and ``_multi_forms()`` in ``_MULTI``) from now on."""
    global _TABLE, _MULTI
    _MULTI = _multi_forms()
    _TABLE = lexicon()
    return _TABLE


def cue_entry(toks: list[Tok], i: int) -> tuple[VerbEntry, int] | None:
    """The lexicon entry of a cue starting at token ``i`` and the index after it."""
    t = toks[i]
    if t.kind != "w":
        return None
    table = _TABLE if _TABLE is not None else _held_table()
    for second, form in _MULTI.get(t.low, ()):
        if i + 1 < len(toks) and toks[i + 1].low == second:
            return table[form], i + 2
    entry = table.get(t.low)
    if entry is None or entry.frame == "adverb":
        return None
    return entry, i + 1


def lookup_low(low: str) -> VerbEntry | None:
    """:func:`mediakit.lexicon.lookup` for a token's ``low``, quicker: an ASCII token of the masked
    text is already in the lexicon's key form (lower case, no curly apostrophe, no space)."""
    if low.isascii():
        return (_TABLE if _TABLE is not None else _held_table()).get(low)
    return lookup(low)


@lru_cache(maxsize=1)
def cue_words() -> frozenset[str]:
    """Every word that can open a cue (``said``, ``according``...), lower case."""
    return frozenset(form.split(" ")[0] for form in lexicon()) | HEDGE_PARTICIPLES
