"""Tables: analyses as polars DataFrames, one row per quote, actor or mention, each with a ``doc`` column.

The ``doc`` column is the article's ``id`` (or its origin, or its position in the list when it has
neither), so frames from many articles can be stacked, grouped and joined: ``quotes_frame`` and
``actors_frame`` join on ``doc`` and ``speaker`` = ``name``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import polars as pl

from .analysis import Analysis

__all__ = ["actors_frame", "mentions_frame", "quotes_frame"]

_QUOTE_SCHEMA: dict[str, Any] = {
    "doc": pl.Utf8, "start": pl.Int64, "end": pl.Int64, "text": pl.Utf8, "kind": pl.Utf8, "cue": pl.Utf8,
    "cue_start": pl.Int64, "cue_end": pl.Int64, "cue_class": pl.Utf8, "speaker": pl.Utf8,
    "speaker_type": pl.Utf8, "speaker_start": pl.Int64, "speaker_end": pl.Int64, "rule": pl.Utf8,
    "rule_id": pl.Utf8,
}
_ACTOR_SCHEMA: dict[str, Any] = {
    "doc": pl.Utf8, "id": pl.Utf8, "name": pl.Utf8, "type": pl.Utf8, "role": pl.Utf8,
    "roles": pl.List(pl.Utf8), "affiliation": pl.Utf8, "aliases": pl.List(pl.Utf8), "mentions": pl.Int64,
    "first_position": pl.Int64, "category": pl.Utf8,
}
_MENTION_SCHEMA: dict[str, Any] = {
    "doc": pl.Utf8, "actor_id": pl.Utf8, "actor": pl.Utf8, "type": pl.Utf8, "category": pl.Utf8,
    "start": pl.Int64, "end": pl.Int64, "text": pl.Utf8, "kind": pl.Utf8, "rule": pl.Utf8,
}


def _frame(rows: list[dict[str, Any]], schema: dict[str, Any]) -> pl.DataFrame:
    return pl.DataFrame(rows, schema=schema, orient="row") if rows else pl.DataFrame(schema=schema)


def _analyses(analyses: Analysis | Iterable[Analysis]) -> list[tuple[str, Analysis]]:
    items = [analyses] if isinstance(analyses, Analysis) else list(analyses)
    return [(a.doc or str(i), a) for i, a in enumerate(items)]


def quotes_frame(analyses: Analysis | Iterable[Analysis]) -> pl.DataFrame:
    """One row per quote, across all ``analyses``.

    Parameters
    ----------
    analyses : Analysis or iterable of Analysis
        Results of :func:`mediakit.analyse`.

    Returns
    -------
    polars.DataFrame
        Columns ``doc, start, end, text, kind, cue, cue_start, cue_end, cue_class, speaker,
        speaker_type, speaker_start, speaker_end, rule, rule_id``; ``speaker`` is the canonical actor
        name, ``rule_id`` the id of the attribution rule (``docs/rules.md``).

    Examples
    --------
    >>> from mediakit.model import Article, Span
    >>> from mediakit.analysis import analyse
    >>> text = 'The bridge is safe, Ms Ana Petrov said. "We checked it twice," she added.'
    >>> art = Article(source=text, id="harbour-1", paragraphs=[Span(0, len(text), "paragraph")])
    >>> df = quotes_frame([analyse(art)])
    >>> df.select("doc", "kind", "cue", "speaker").rows()
    [('harbour-1', 'indirect', 'said', 'Ana Petrov'), ('harbour-1', 'direct', 'added', 'Ana Petrov')]
    """
    rows = [r for doc, a in _analyses(analyses) for r in a.quote_rows(doc)]
    return _frame(rows, _QUOTE_SCHEMA)


def actors_frame(analyses: Analysis | Iterable[Analysis]) -> pl.DataFrame:
    """One row per actor, across all ``analyses``.

    Parameters
    ----------
    analyses : Analysis or iterable of Analysis
        Results of :func:`mediakit.analyse`.

    Returns
    -------
    polars.DataFrame
        Columns ``doc, id, name, type, role, roles, affiliation, aliases, mentions, first_position,
        category``; ``mentions`` counts the actor's mentions, ``first_position`` is the character
        offset of the first one.

    Examples
    --------
    >>> from mediakit.model import Article, Span
    >>> from mediakit.analysis import analyse
    >>> text = "Ms Ana Petrov, a spokeswoman for the Harbour Board, said the bridge was safe. Petrov smiled."
    >>> art = Article(source=text, id="harbour-1", paragraphs=[Span(0, len(text), "paragraph")])
    >>> actors_frame(analyse(art)).select("name", "type", "role", "affiliation", "mentions").rows()
    [('Ana Petrov', 'person', 'spokeswoman', 'Harbour Board', 2), ('Harbour Board', 'organisation', None, None, 1)]
    """
    rows = [r for doc, a in _analyses(analyses) for r in a.actor_rows(doc)]
    return _frame(rows, _ACTOR_SCHEMA)


def mentions_frame(analyses: Analysis | Iterable[Analysis]) -> pl.DataFrame:
    """One row per actor mention, across all ``analyses``.

    Parameters
    ----------
    analyses : Analysis or iterable of Analysis
        Results of :func:`mediakit.analyse`.

    Returns
    -------
    polars.DataFrame
        Columns ``doc, actor_id, actor, type, category, start, end, text, kind, rule``: where each
        actor is mentioned (character offsets into the article source), in what form and why.

    Examples
    --------
    >>> from mediakit.model import Article, Span
    >>> from mediakit.analysis import analyse
    >>> text = "Ms Ana Petrov opened the bridge. Petrov's team cheered."
    >>> art = Article(source=text, id="harbour-1", paragraphs=[Span(0, len(text), "paragraph")])
    >>> mentions_frame(analyse(art)).select("actor", "start", "end", "text", "kind").rows()
    [('Ana Petrov', 3, 13, 'Ana Petrov', 'name'), ('Ana Petrov', 33, 39, 'Petrov', 'short')]
    """
    rows: list[dict[str, Any]] = []
    for doc, a in _analyses(analyses):
        for actor in a.actors:
            for m in actor.mentions:
                rows.append({
                    "doc": doc, "actor_id": actor.id, "actor": actor.name, "type": actor.type,
                    "category": actor.category, "start": m.start, "end": m.end, "text": m.text,
                    "kind": m.kind, "rule": m.rule,
                })
    return _frame(rows, _MENTION_SCHEMA)
