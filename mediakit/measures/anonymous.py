"""Anonymous sources: how often each outlet quotes a speaker it does not name."""

from __future__ import annotations

from typing import Any

import polars as pl

from ._base import articles_ok, as_tables, int_cols, quotes_with

__all__ = ["anonymous_rate"]


def anonymous_rate(corpus: Any) -> pl.DataFrame:
    """Per outlet: the share of quotes whose speaker is anonymous, and the articles with at least one.

    A quote is anonymous when its ``speaker_type`` is ``anonymous``: the actor finder's rules for unnamed
    sources ("sources", "a senior official who asked not to be named", "people familiar with the
    matter"; see :mod:`mediakit.actors`), or a speaker made from such words when a quote was linked (see
    :mod:`mediakit.analysis`). A quote with no speaker at all (an agentless "it is alleged") is not
    anonymous here, but it is in ``quotes``.

    Parameters
    ----------
    corpus : corpus-like
        An object with ``articles``, ``quotes``, ``actors``, ``mentions`` tables (see
        :class:`~mediakit.measures.Tables`). Reads ``articles`` (``doc``, ``outlet``) and ``quotes``
        (``doc``, ``speaker_type``).

    Returns
    -------
    polars.DataFrame
        One row per outlet with counted articles: ``outlet`` (str), ``articles`` (Int64), ``quotes``
        (Int64), ``anonymous_quotes`` (Int64), ``anonymous_share`` (Float64: anonymous_quotes / quotes,
        null for an outlet with no quotes), ``articles_with_anonymous`` (Int64) and
        ``articles_with_anonymous_share`` (Float64: of the outlet's articles). Sorted by outlet (A to Z,
        null last). Quotes of articles missing from ``articles`` are left out.

    Examples
    --------
    >>> import polars as pl
    >>> from mediakit.measures import Tables
    >>> articles = pl.DataFrame({"doc": ["a", "b", "c"], "outlet": ["Courier", "Courier", "Lantern"]})
    >>> quotes = pl.DataFrame({"doc": ["a", "a", "a", "b"],
    ...                        "speaker_type": ["anonymous", "person", "anonymous", "person"]})
    >>> anonymous_rate(Tables(articles=articles, quotes=quotes)).rows()
    [('Courier', 2, 4, 2, 0.5, 1, 0.5), ('Lantern', 1, 0, 0, None, 0, 0.0)]
    """
    measure = "anonymous_rate"
    t = as_tables(corpus)
    arts = articles_ok(t, ["outlet"], measure=measure)
    q = quotes_with(t, ["speaker_type"], measure=measure)
    per_doc = q.group_by("doc").agg(quotes=pl.len(), anonymous=(pl.col("speaker_type") == "anonymous").sum())
    docs = arts.join(per_doc, on="doc", how="left").with_columns(pl.col("quotes", "anonymous").fill_null(0))
    out = (docs.group_by("outlet").agg(articles=pl.len(), quotes=pl.col("quotes").sum(),
                                       anonymous_quotes=pl.col("anonymous").sum(),
                                       articles_with_anonymous=(pl.col("anonymous") > 0).sum())
           .with_columns(int_cols("articles", "quotes", "anonymous_quotes", "articles_with_anonymous"))
           .with_columns(anonymous_share=pl.when(pl.col("quotes") > 0)
                         .then(pl.col("anonymous_quotes") / pl.col("quotes")).otherwise(None).cast(pl.Float64),
                         articles_with_anonymous_share=(pl.col("articles_with_anonymous") / pl.col("articles"))
                         .cast(pl.Float64)))
    return (out.sort("outlet", nulls_last=True, maintain_order=True)  # one row per outlet
            .select("outlet", "articles", "quotes", "anonymous_quotes", "anonymous_share",
                    "articles_with_anonymous", "articles_with_anonymous_share").collect())
