"""People quoted per article: how many different named people an article lets speak."""

from __future__ import annotations

from typing import Any

import polars as pl

from ._base import articles_ok, as_tables, int_cols, quotes_with

__all__ = ["people_quoted", "people_quoted_by_outlet"]


def people_quoted(corpus: Any) -> pl.DataFrame:
    """Per article: the number of distinct person speakers, of distinct speakers, and of quotes.

    A person speaker is a distinct ``speaker`` name among the article's quotes whose ``speaker_type`` is
    ``person`` (anonymous sources, organisations and groups are not people here; they count in
    ``speakers``). Every counted article is listed, those quoting nobody with 0.

    Parameters
    ----------
    corpus : corpus-like
        An object with ``articles``, ``quotes``, ``actors``, ``mentions`` tables (see
        :class:`~mediakit.measures.Tables`). Reads ``articles`` (``doc``, ``outlet``, optional ``date``)
        and ``quotes`` (``doc``, ``speaker``, ``speaker_type``).

    Returns
    -------
    polars.DataFrame
        ``doc`` (str), ``outlet`` (str), ``date`` (Date, null when unknown), ``people`` (Int64: distinct
        person speakers), ``speakers`` (Int64: distinct speakers of any type) and ``quotes`` (Int64: all
        quotes, attributed or not). Sorted by date (null last), then doc.

    Examples
    --------
    >>> import polars as pl
    >>> from mediakit.measures import Tables
    >>> articles = pl.DataFrame({"doc": ["a", "b"], "outlet": ["Courier", "Lantern"]})
    >>> quotes = pl.DataFrame({"doc": ["a", "a", "a", "a"],
    ...                        "speaker": ["Lena Ortiz", "Lena Ortiz", "Jo Ruel", "Harbour Board"],
    ...                        "speaker_type": ["person", "person", "person", "organisation"]})
    >>> people_quoted(Tables(articles=articles, quotes=quotes)).select("doc", "people", "speakers", "quotes").rows()
    [('a', 2, 3, 4), ('b', 0, 0, 0)]
    """
    measure = "people_quoted"
    t = as_tables(corpus)
    arts = articles_ok(t, ["outlet", "date"], measure=measure)
    q = quotes_with(t, ["speaker", "speaker_type"], measure=measure)
    per_doc = q.group_by("doc").agg(
        people=pl.col("speaker").filter(pl.col("speaker_type") == "person").drop_nulls().n_unique(),
        speakers=pl.struct("speaker", "speaker_type").filter(pl.col("speaker").is_not_null()).n_unique(),
        quotes=pl.len())
    out = (arts.join(per_doc, on="doc", how="left")
           .with_columns(pl.col("people", "speakers", "quotes").fill_null(0))
           .with_columns(int_cols("people", "speakers", "quotes")))
    return out.sort("date", "doc", nulls_last=True).select("doc", "outlet", "date", "people", "speakers",
                                                          "quotes").collect()


def people_quoted_by_outlet(corpus: Any) -> pl.DataFrame:
    """Per outlet: how many people its articles quote, on average (mean and median) and at most.

    Built on :func:`people_quoted`, so an article quoting nobody counts with 0.

    Parameters
    ----------
    corpus : corpus-like
        As for :func:`people_quoted`.

    Returns
    -------
    polars.DataFrame
        ``outlet`` (str), ``articles`` (Int64), ``mean`` and ``median`` (Float64: person speakers per
        article), ``max`` (Int64) and ``none`` (Int64: articles quoting no person). Sorted by outlet
        (A to Z, null last).

    Examples
    --------
    >>> import polars as pl
    >>> from mediakit.measures import Tables
    >>> articles = pl.DataFrame({"doc": ["a", "b", "c"], "outlet": ["Courier", "Courier", "Lantern"]})
    >>> quotes = pl.DataFrame({"doc": ["a", "a", "c"], "speaker": ["Lena Ortiz", "Jo Ruel", "Jo Ruel"],
    ...                        "speaker_type": ["person"] * 3})
    >>> people_quoted_by_outlet(Tables(articles=articles, quotes=quotes)).rows()
    [('Courier', 2, 1.0, 1.0, 2, 1), ('Lantern', 1, 1.0, 1.0, 1, 0)]
    """
    per_article = people_quoted(corpus).lazy()
    out = (per_article.group_by("outlet")
           .agg(articles=pl.len(), mean=pl.col("people").mean(), median=pl.col("people").median(),
                max=pl.col("people").max(), none=(pl.col("people") == 0).sum())
           .with_columns(int_cols("articles", "max", "none"))
           .with_columns(pl.col("mean", "median").cast(pl.Float64)))
    # one row per outlet, so sorting on it leaves no tie
    return out.sort("outlet", nulls_last=True, maintain_order=True).select(
        "outlet", "articles", "mean", "median", "max", "none").collect()
