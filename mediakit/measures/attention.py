"""Attention over time: how many articles of each outlet mention an actor, a category or a keyword, per period."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

import polars as pl

from ..errors import MediakitError
from ._base import Tables, articles_ok, as_tables, int_cols, table

__all__ = ["attention"]

#: ``every=`` names and the polars durations they stand for (weeks start on Monday).
PERIODS = {"day": "1d", "week": "1w", "month": "1mo", "quarter": "1q", "year": "1y"}
ALL_OUTLETS = "all"

_RX_META = re.compile(r"([\\.+*?()|\[\]{}^$#&\-~])")


def attention(
    corpus: Any,
    by: str = "actor",
    *,
    every: str = "week",
    keys: Sequence[str] | None = None,
    keywords: Sequence[str] | Mapping[str, Sequence[str]] | None = None,
    types: Sequence[str] | None = None,
    per_outlet: bool = True,
    complete: bool = False,
) -> pl.DataFrame:
    """Articles mentioning each actor, codebook category or keyword per period and outlet, and their share.

    An article counts once per key and period however often it mentions the key. Only articles whose
    ``status`` is ``ok`` and whose ``date`` reads as ISO ``YYYY-MM-DD`` are counted (others cannot be
    placed in time).

    Parameters
    ----------
    corpus : corpus-like
        An object with ``articles``, ``quotes``, ``actors``, ``mentions`` tables (see
        :class:`~mediakit.measures.Tables`). Reads ``articles`` (``doc``, ``outlet``, ``date``) and
        ``actors`` (``name``, ``type``, ``category``), or for keywords the texts listed below.
    by : {"actor", "category", "type", "keyword"}
        What a key is: an actor's canonical name, its codebook category (actors without one are left out),
        its type, or a keyword.
    every : {"day", "week", "month", "quarter", "year"} or a polars duration such as ``"2w"``
        The period length; weeks start on Monday, months on the 1st.
    keys : sequence of str, optional
        Keep only these keys (actor names, categories or types).
    keywords : sequence of str, or mapping of key to sequence of str
        With ``by="keyword"``: the words or phrases to look for, each its own key, or ``{key: [terms]}``
        to count an article once for any of several terms. Matching ignores case and takes whole words
        only. It reads what the tables hold of an article's words: the ``title``, the ``text`` column of
        ``articles`` when the corpus has one, the quotes' ``text`` and the mentions' ``text``; a keyword
        only in unquoted narrative is found only when the articles table carries the text.
    types : sequence of str, optional
        Count only actors of these types (``person``, ``organisation``, ...), for ``by`` actor/category.
    per_outlet : bool
        One row per outlet (default), or ``False`` for all outlets together (``outlet`` is ``"all"``).
    complete : bool
        Also list zero rows: every key (those given in ``keys``, or else those found at least once) for
        every period and outlet that has articles, so time series have no gaps.

    Returns
    -------
    polars.DataFrame
        ``period`` (Date, the first day of the period), ``outlet`` (str), ``key`` (str), ``articles``
        (Int64: articles of that outlet and period mentioning the key), ``outlet_articles`` (Int64: all
        counted articles of that outlet and period), ``share`` (Float64: ``articles / outlet_articles``).
        Sorted by period, outlet, articles (most first), key.

    Examples
    --------
    >>> import polars as pl
    >>> from mediakit.measures import Tables
    >>> articles = pl.DataFrame({"doc": ["a", "b", "c"], "outlet": ["Courier"] * 3,
    ...                          "date": ["2026-03-02", "2026-03-04", "2026-03-10"]})
    >>> actors = pl.DataFrame({"doc": ["a", "a", "b", "c"],
    ...                        "name": ["Lena Ortiz", "Harbour Board", "Lena Ortiz", "Lena Ortiz"],
    ...                        "type": ["person", "organisation", "person", "person"]})
    >>> attention(Tables(articles=articles, actors=actors), every="week").rows()  # doctest: +NORMALIZE_WHITESPACE
    [(datetime.date(2026, 3, 2), 'Courier', 'Lena Ortiz', 2, 2, 1.0),
     (datetime.date(2026, 3, 2), 'Courier', 'Harbour Board', 1, 2, 0.5),
     (datetime.date(2026, 3, 9), 'Courier', 'Lena Ortiz', 1, 1, 1.0)]
    """
    measure = "attention"
    t = as_tables(corpus)
    if by not in ("actor", "category", "type", "keyword"):
        raise MediakitError(f"{measure}: by={by!r}; use 'actor', 'category', 'type' or 'keyword'")
    duration = _duration(every)
    arts = articles_ok(t, ["outlet", "date"], measure=measure).filter(pl.col("date").is_not_null())
    arts = arts.with_columns(period=pl.col("date").dt.truncate(duration))
    if not per_outlet:
        arts = arts.with_columns(outlet=pl.lit(ALL_OUTLETS))
    if by == "keyword":
        if not keywords:
            raise MediakitError(f"{measure}: by='keyword' needs keywords=[...] (words or phrases to look for)")
        if types is not None:
            raise MediakitError(f"{measure}: types= filters actors; it does not apply to by='keyword'")
        hits = _keyword_hits(t, keywords, measure)
    else:
        if keywords:
            raise MediakitError(f"{measure}: keywords= is for by='keyword'")
        column = {"actor": "name", "category": "category", "type": "type"}[by]
        acts = table(t, "actors", list(dict.fromkeys(["doc", "type", column])), measure=measure)
        if types is not None:
            acts = acts.filter(pl.col("type").is_in(list(types)))
        hits = acts.select("doc", key=pl.col(column)).filter(pl.col("key").is_not_null())
    if keys is not None:
        hits = hits.filter(pl.col("key").is_in(list(keys)))
    hits = hits.unique()
    totals = arts.group_by("period", "outlet").agg(outlet_articles=pl.len())
    counts = (hits.join(arts.select("doc", "period", "outlet"), on="doc", how="inner")
              .group_by("period", "outlet", "key").agg(articles=pl.len()))
    if complete:
        wanted = (pl.LazyFrame({"key": list(dict.fromkeys(keys))}, schema={"key": pl.Utf8}) if keys is not None
                  else counts.select("key").unique())
        grid = totals.select("period", "outlet").join(wanted, how="cross")
        counts = grid.join(counts, on=["period", "outlet", "key"], how="left", nulls_equal=True)
        counts = counts.with_columns(pl.col("articles").fill_null(0))
    out = (counts.join(totals, on=["period", "outlet"], how="inner", nulls_equal=True)
           .with_columns(int_cols("articles", "outlet_articles"))
           .with_columns(share=(pl.col("articles") / pl.col("outlet_articles")).cast(pl.Float64)))
    return (out.sort(["period", "outlet", "articles", "key"], descending=[False, False, True, False], nulls_last=True)
            .select("period", "outlet", "key", "articles", "outlet_articles", "share").collect())


def _duration(every: str) -> str:
    if every in PERIODS:
        return PERIODS[every]
    if re.fullmatch(r"\d+(?:d|w|mo|q|y)", every or ""):
        return every
    raise MediakitError(f"attention: every={every!r}; use day, week, month, quarter, year or a duration like '2w'")


def _keyword_hits(t: Tables, keywords: Sequence[str] | Mapping[str, Sequence[str]], measure: str) -> pl.LazyFrame:
    """(doc, key) for every article whose words contain a keyword."""
    if isinstance(keywords, str):
        keywords = [keywords]
    groups = ({str(k): [v] if isinstance(v, str) else list(v) for k, v in keywords.items()}
              if isinstance(keywords, Mapping) else {str(k): [str(k)] for k in keywords})
    empty = [k for k, terms in groups.items() if not [x for x in terms if x.strip()]]
    if empty:
        raise MediakitError(f"{measure}: keyword {empty[0]!r} has no words to look for")
    texts = [table(t, "articles", ["doc"], ["title"], measure=measure).select("doc", text=pl.col("title")),
             table(t, "quotes", ["doc", "text"], measure=measure),
             table(t, "mentions", ["doc", "text"], measure=measure)]
    if "text" in t.articles.collect_schema():
        texts.append(t.articles.select(pl.col("doc").cast(pl.Utf8), pl.col("text").cast(pl.Utf8)))
    words = pl.concat(texts).filter(pl.col("text").is_not_null())
    parts = [words.filter(pl.col("text").str.contains(_pattern(terms))).select("doc", key=pl.lit(key))
             for key, terms in groups.items()]
    return pl.concat(parts)


def _pattern(terms: Sequence[str]) -> str:
    """One case-insensitive regex (polars syntax) matching any of ``terms`` as whole words."""
    alts = []
    for term in terms:
        words = term.split()
        if not words:
            continue
        body = r"\s+".join(_RX_META.sub(r"\\\1", w) for w in words)
        left = r"\b" if re.match(r"\w", words[0]) else ""
        right = r"\b" if re.search(r"\w$", words[-1]) else ""
        alts.append(f"{left}{body}{right}")
    return "(?i)(?:" + "|".join(alts) + ")"
