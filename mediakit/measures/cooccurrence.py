"""Actor co-occurrence: which actors appear in the same articles, and how often."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import polars as pl

from ..errors import MediakitError
from ._base import articles_ok, as_tables, int_cols, table

__all__ = ["cooccurrence"]


def cooccurrence(corpus: Any, *, types: Sequence[str] | None = None, min_articles: int = 1) -> pl.DataFrame:
    """Pairs of actors named in the same article, with the number of articles they share.

    Actors are matched across articles by canonical name (``actors.name``), exactly: an actor named
    "Teodora Vasko" in one article and only "Vasko" in another are two names (check ``actors`` for such
    splits before reading the pairs). Each pair is listed once, its names in A-to-Z order.

    Parameters
    ----------
    corpus : corpus-like
        An object with ``articles``, ``quotes``, ``actors``, ``mentions`` tables (see
        :class:`~mediakit.measures.Tables`). Reads ``actors`` (``doc``, ``name``, ``type``) and
        ``articles`` (``doc``): actors of articles not counted there are left out.
    types : sequence of str, optional
        Only actors of these types (e.g. ``("person", "organisation")``); default all.
    min_articles : int
        Keep pairs sharing at least this many articles.

    Returns
    -------
    polars.DataFrame
        ``actor_a`` and ``actor_b`` (str, ``actor_a < actor_b``) and ``articles`` (Int64). Sorted by
        articles (most first), then actor_a and actor_b (A to Z).

    Examples
    --------
    >>> import polars as pl
    >>> from mediakit.measures import Tables
    >>> articles = pl.DataFrame({"doc": ["a", "b"]})
    >>> actors = pl.DataFrame({"doc": ["a", "a", "a", "b", "b"],
    ...                        "name": ["Lena Ortiz", "Harbour Board", "Port Calder", "Harbour Board", "Lena Ortiz"],
    ...                        "type": ["person", "organisation", "place", "organisation", "person"]})
    >>> cooccurrence(Tables(articles=articles, actors=actors), types=["person", "organisation"]).rows()
    [('Harbour Board', 'Lena Ortiz', 2)]
    """
    measure = "cooccurrence"
    if min_articles < 1:
        raise MediakitError(f"{measure}: min_articles={min_articles} must be 1 or more")
    t = as_tables(corpus)
    docs = articles_ok(t, [], measure=measure)
    acts = table(t, "actors", ["doc", "name", "type"], measure=measure).filter(pl.col("name").is_not_null())
    if types is not None:
        acts = acts.filter(pl.col("type").is_in(list(types)))
    acts = acts.join(docs, on="doc", how="semi").select("doc", "name").unique()
    pairs = (acts.join(acts, on="doc", suffix="_b").filter(pl.col("name") < pl.col("name_b"))
             .group_by("name", "name_b").agg(articles=pl.len()).with_columns(int_cols("articles"))
             .filter(pl.col("articles") >= min_articles))
    return (pairs.sort(["articles", "name", "name_b"], descending=[True, False, False])
            .select(actor_a=pl.col("name"), actor_b=pl.col("name_b"), articles=pl.col("articles")).collect())
