"""Share of voice: how many quotes, and how many quoted words, each speaker (or category, type, outlet) gets."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import polars as pl

from ..errors import MediakitError
from ._base import as_columns, as_tables, int_cols, quotes_with, share

__all__ = ["share_of_voice"]

#: The columns ``share_of_voice`` (and :func:`~mediakit.measures.prominence`) can group by.
VOICE_BY = ("outlet", "category", "speaker_type", "speaker", "kind", "cue_class")


def share_of_voice(
    corpus: Any,
    by: str | Sequence[str] = "speaker",
    *,
    within: str | Sequence[str] | None = None,
    kinds: Sequence[str] | None = None,
    attributed_only: bool = False,
) -> pl.DataFrame:
    """Quotes and quoted words per speaker, codebook category, speaker type and/or outlet, with shares.

    Parameters
    ----------
    corpus : corpus-like
        An object with ``articles``, ``quotes``, ``actors``, ``mentions`` tables (see
        :class:`~mediakit.measures.Tables`). Reads ``quotes`` (``doc``, ``text``, ``speaker``,
        ``speaker_type``, plus ``kind``/``cue_class`` when used), ``articles`` (``outlet``) when grouping by
        outlet, ``actors`` (``category``) when grouping by category.
    by : str or sequence of str
        Any of ``outlet``, ``category`` (the speaking actor's codebook category, from ``actors``),
        ``speaker_type``, ``speaker``, ``kind`` (direct/indirect/mixed) and ``cue_class``.
    within : str or sequence of str, optional
        The groups inside which shares are taken. Default: every ``by`` column but the last, so
        ``by=("outlet", "speaker")`` gives each speaker's share of that outlet's quotes and ``by="speaker"``
        each speaker's share of all quotes. Must be a subset of ``by``; ``[]`` means all quotes.
    kinds : sequence of str, optional
        Count only quotes of these kinds (e.g. ``("direct", "mixed")``).
    attributed_only : bool
        Leave out quotes with no linked speaker. By default they stay, as a row with a null speaker
        (and null speaker type and category), so shares add up to 1 over all quotes found.

    Returns
    -------
    polars.DataFrame
        One row per group: the ``by`` columns (str), ``quotes`` (Int64, quotes in the group), ``words``
        (Int64, their quoted words, see :func:`~mediakit.measures.quoted_words`), ``quote_share`` and
        ``word_share`` (Float64, the group's part of the quotes and words of its ``within`` group; null
        when that group has no words). Sorted by the ``within`` columns, then quotes (most first),
        words (most first) and the other ``by`` columns (A to Z, nulls last).

    Examples
    --------
    >>> import polars as pl
    >>> from mediakit.measures import Tables
    >>> quotes = pl.DataFrame({
    ...     "doc": ["a", "a", "b"],
    ...     "text": ["“We are ready,”", "the pier is safe", "“No comment”"],
    ...     "speaker": ["Lena Ortiz", "Harbour Board", "Lena Ortiz"],
    ...     "speaker_type": ["person", "organisation", "person"]})
    >>> share_of_voice(Tables(quotes=quotes), by="speaker").rows()
    [('Lena Ortiz', 2, 5, 0.6666666666666666, 0.5555555555555556), ('Harbour Board', 1, 4, 0.3333333333333333, 0.4444444444444444)]
    """
    measure = "share_of_voice"
    t = as_tables(corpus)
    cols = as_columns(by, VOICE_BY, measure=measure)
    if not cols:
        raise MediakitError(f"{measure}: give at least one column in by= ({', '.join(VOICE_BY)})")
    inside = cols[:-1] if within is None else as_columns(within, VOICE_BY, measure=measure)
    if not set(inside) <= set(cols):
        raise MediakitError(f"{measure}: within={inside} must be among by={cols}")
    qcols = ["text", "speaker", "speaker_type"] + [c for c in ("kind", "cue_class") if c in cols or (c == "kind" and kinds)]
    q = quotes_with(t, qcols, article_cols=["outlet"] if "outlet" in cols else [],
                    actor_cols=["category"] if "category" in cols else [], measure=measure)
    if kinds is not None:
        q = q.filter(pl.col("kind").is_in(list(kinds)))
    if attributed_only:
        q = q.filter(pl.col("speaker").is_not_null())
    out = (q.group_by(cols).agg(quotes=pl.len(), words=pl.col("words").sum())
           .with_columns(int_cols("quotes", "words"))
           .with_columns(quote_share=share("quotes", inside), word_share=share("words", inside)))
    rest = [c for c in cols if c not in inside]
    order = [*inside, "quotes", "words", *rest]
    desc = [False] * len(inside) + [True, True] + [False] * len(rest)
    return out.sort(order, descending=desc, nulls_last=True).select(*cols, "quotes", "words", "quote_share",
                                                                    "word_share").collect()
