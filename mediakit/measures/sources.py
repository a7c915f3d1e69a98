"""The sources table: per article, who is quoted, in what order, how often and at what length."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import polars as pl

from ._base import as_tables, int_cols, quotes_with

__all__ = ["sources_table"]


def sources_table(corpus: Any, docs: str | Sequence[str] | None = None) -> pl.DataFrame:
    """Per article, one row per speaker: role, type, order of first appearance as a speaker, quotes, words.

    The classroom's "examining expert sources" exercise: who gets to speak in a story, in what
    capacity, and who speaks first and longest. A speaker is a linked actor (``speaker`` and
    ``speaker_type`` of ``quotes``); quotes with no linked speaker are left out. Role, affiliation and
    category come from that actor's row in ``actors``.

    Parameters
    ----------
    corpus : corpus-like
        An object with ``articles``, ``quotes``, ``actors``, ``mentions`` tables (see
        :class:`~mediakit.measures.Tables`). Reads ``quotes`` (``doc``, ``start``, ``end``, ``text``,
        ``kind``, ``speaker``, ``speaker_type``) and ``actors`` (``doc``, ``name``, ``type``, ``role``,
        ``affiliation``, ``category``, ``first_position``, ``id``).
    docs : str or sequence of str, optional
        Only these articles (their ``doc`` ids); default all.

    Returns
    -------
    polars.DataFrame
        ``doc`` (str), ``order`` (Int64: 1 for the first speaker to be quoted in the article, by the
        position of their first quote), ``speaker``, ``type``, ``role``, ``affiliation``, ``category``
        (str), ``quotes`` (Int64), ``direct`` (Int64: of which direct or mixed, with the speaker's own
        words in quotation marks) and ``words`` (Int64: quoted words, see
        :func:`~mediakit.measures.quoted_words`). Sorted by doc, then order.

    Examples
    --------
    >>> import polars as pl
    >>> from mediakit.measures import Tables
    >>> quotes = pl.DataFrame({
    ...     "doc": ["a", "a", "a"], "start": [60, 10, 120], "end": [80, 40, 150], "kind": ["direct", "indirect", "direct"],
    ...     "text": ["“It is safe”", "the pier will reopen", "“Come and see”"],
    ...     "speaker": ["Lena Ortiz", "Harbour Board", "Lena Ortiz"],
    ...     "speaker_type": ["person", "organisation", "person"]})
    >>> actors = pl.DataFrame({"doc": ["a", "a"], "id": ["A1", "A2"], "name": ["Harbour Board", "Lena Ortiz"],
    ...                        "type": ["organisation", "person"], "role": [None, "engineer"],
    ...                        "affiliation": [None, "Harbour Board"], "category": [None, None],
    ...                        "first_position": [10, 55]})
    >>> sources_table(Tables(quotes=quotes, actors=actors)).select("order", "speaker", "role", "quotes", "direct", "words").rows()
    [(1, 'Harbour Board', None, 1, 0, 4), (2, 'Lena Ortiz', 'engineer', 2, 2, 6)]
    """
    measure = "sources_table"
    t = as_tables(corpus)
    q = quotes_with(t, ["start", "end", "text", "kind", "speaker", "speaker_type"],
                    actor_cols=["role", "affiliation", "category"], measure=measure)
    q = q.filter(pl.col("speaker").is_not_null())
    if docs is not None:
        q = q.filter(pl.col("doc").is_in([docs] if isinstance(docs, str) else list(docs)))
    per = q.group_by("doc", "speaker", "speaker_type").agg(
        first=pl.col("start").min(), quotes=pl.len(), direct=pl.col("kind").is_in(["direct", "mixed"]).sum(),
        words=pl.col("words").sum(), role=pl.col("role").first(), affiliation=pl.col("affiliation").first(),
        category=pl.col("category").first())
    per = per.sort("doc", "first", "speaker", "speaker_type", nulls_last=True).with_columns(
        order=pl.int_range(1, pl.len() + 1).over("doc"))
    return (per.with_columns(int_cols("order", "quotes", "direct", "words"))
            .select("doc", "order", "speaker", type=pl.col("speaker_type"), role=pl.col("role"),
                    affiliation=pl.col("affiliation"), category=pl.col("category"), quotes=pl.col("quotes"),
                    direct=pl.col("direct"), words=pl.col("words"))
            .sort("doc", "order").collect())
