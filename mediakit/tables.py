"""Tables: analyses as polars DataFrames, one row per quote, actor or mention, each with a ``doc`` column.

The ``doc`` column is the article's ``id`` (or its origin, or its position in the list when it has
neither), so frames from many articles can be stacked, grouped and joined: ``quotes_frame`` and
``actors_frame`` join on ``doc`` and ``speaker`` = ``name``.
"""

from __future__ import annotations

from collections.abc import Iterable

import polars as pl

from .analysis import Analysis
from .records import ACTORS, MENTIONS, QUOTES

__all__ = ["actors_frame", "mentions_frame", "quotes_frame"]


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
        The columns of :data:`mediakit.records.QUOTES` (see ``docs/schema.md``); ``speaker`` is the
        canonical actor name.

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
    return QUOTES.frame([r for doc, a in _analyses(analyses) for r in a.quote_rows(doc)])


def actors_frame(analyses: Analysis | Iterable[Analysis]) -> pl.DataFrame:
    """One row per actor, across all ``analyses``.

    Parameters
    ----------
    analyses : Analysis or iterable of Analysis
        Results of :func:`mediakit.analyse`.

    Returns
    -------
    polars.DataFrame
        The columns of :data:`mediakit.records.ACTORS`; ``mentions`` counts the actor's mentions,
        ``first_position`` is the character offset of the first one.

    Examples
    --------
    >>> from mediakit.model import Article, Span
    >>> from mediakit.analysis import analyse
    >>> text = "Ms Ana Petrov, a spokeswoman for the Harbour Board, said the bridge was safe. Petrov smiled."
    >>> art = Article(source=text, id="harbour-1", paragraphs=[Span(0, len(text), "paragraph")])
    >>> actors_frame(analyse(art)).select("name", "type", "role", "affiliation", "mentions").rows()
    [('Ana Petrov', 'person', 'spokeswoman', 'Harbour Board', 2), ('Harbour Board', 'organisation', None, None, 1)]
    """
    return ACTORS.frame([r for doc, a in _analyses(analyses) for r in a.actor_rows(doc)])


def mentions_frame(analyses: Analysis | Iterable[Analysis]) -> pl.DataFrame:
    """One row per actor mention, across all ``analyses``.

    Parameters
    ----------
    analyses : Analysis or iterable of Analysis
        Results of :func:`mediakit.analyse`.

    Returns
    -------
    polars.DataFrame
        The columns of :data:`mediakit.records.MENTIONS`: where each actor is mentioned (character
        offsets into the article source), in what form and why.

    Examples
    --------
    >>> from mediakit.model import Article, Span
    >>> from mediakit.analysis import analyse
    >>> text = "Ms Ana Petrov opened the bridge. Petrov's team cheered."
    >>> art = Article(source=text, id="harbour-1", paragraphs=[Span(0, len(text), "paragraph")])
    >>> mentions_frame(analyse(art)).select("actor", "start", "end", "text", "kind").rows()
    [('Ana Petrov', 3, 13, 'Ana Petrov', 'name'), ('Ana Petrov', 33, 39, 'Petrov', 'short')]
    """
    return MENTIONS.frame([r for doc, a in _analyses(analyses) for r in a.mention_rows(doc)])
