"""Prominence: who is quoted first, whose words make the headline, who is quoted near the top."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import polars as pl

from ..errors import MediakitError
from ._base import PARAGRAPH, as_columns, as_tables, int_cols, quotes_with, table
from .voice import VOICE_BY

__all__ = ["prominence"]

#: Quote marks and apostrophes dropped before comparing a quote with a headline.
_MARKS = "[\"'\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u00ab\u00bb\u2039\u203a]"


def _fold(column: str) -> pl.Expr:
    """Lower case, marks dropped, every run of non-word characters one space, padded with spaces."""
    text = (pl.col(column).str.to_lowercase().str.replace_all(_MARKS, "")
            .str.replace_all(r"[^\w]+", " ").str.strip_chars())
    return pl.concat_str(pl.lit(" "), text, pl.lit(" "))


def prominence(corpus: Any, by: str | Sequence[str] = "speaker", *, early: int = 3) -> pl.DataFrame:
    """Per speaker (or category, type, outlet): articles where they are quoted first, in the headline, early.

    Counts are of **articles**, not quotes: a speaker quoted twice in one headline counts once.

    * **first**: the speaker of the article's first attributed quote in reading order, headline included
      (the smallest ``start``; a quote with no linked speaker is skipped; a tie goes to the quote that
      ends first, then the name A to Z).
    * **headline**: one of the speaker's quotes in the article has words that appear in the headline
      (the ``title`` of ``articles``): the quote text, lower-cased, with quotation marks and punctuation
      dropped, is found in the headline folded the same way, as whole words, and has at least two words.
      The tables have the headline's text but not its offsets, so this covers a quote found in the
      headline itself ("'We will not move,' say villagers") and a body quote the headline repeats word
      for word; a headline that paraphrases a quote does not count.
    * **early**: one of the speaker's quotes in the article is in the first ``early`` body paragraphs.
      When the quotes table has a ``paragraph`` column (0-based index of the body paragraph holding the
      quote's start, null for the headline and standfirst; :meth:`Tables.from_analyses` adds it), that is
      used. Without it, paragraphs are approximated by the order of quotes: the quote is among the
      article's first ``early`` quotes by position (attributed or not; a quote in the headline counts
      too, as the tables cannot tell it from a body quote). This treats each quote as its own
      paragraph, so it misses early quotes when several share a paragraph and counts a quote in a later
      paragraph when the first paragraphs hold fewer quotes.

    Parameters
    ----------
    corpus : corpus-like
        An object with ``articles``, ``quotes``, ``actors``, ``mentions`` tables (see
        :class:`~mediakit.measures.Tables`). Reads ``quotes`` (``doc``, ``start``, ``end``, ``text``,
        ``speaker``, ``speaker_type``, optional ``paragraph``), ``articles`` (``title``, and ``outlet`` when
        grouping by it), ``actors`` (``category``) when grouping by category.
    by : str or sequence of str
        Any of ``outlet``, ``category``, ``speaker_type``, ``speaker``, ``kind``, ``cue_class``.
    early : int
        How many paragraphs (or quotes, see above) count as the top of the article.

    Returns
    -------
    polars.DataFrame
        The ``by`` columns (str), then Int64 counts: ``articles`` (articles quoting the group), ``quotes``
        (its quotes), ``first``, ``headline`` and ``early`` (articles, as above). Only quotes with a linked
        speaker count. Sorted by articles, first, headline, early, quotes (most first), then the ``by``
        columns (A to Z).

    Examples
    --------
    >>> import polars as pl
    >>> from mediakit.measures import Tables
    >>> articles = pl.DataFrame({"doc": ["a", "b"], "title": ["Pier 'ready to reopen', says mayor", "Pier opens"]})
    >>> quotes = pl.DataFrame({
    ...     "doc": ["a", "a", "b", "b"], "start": [5, 90, 40, 80], "end": [20, 120, 60, 99],
    ...     "text": ["‘ready to reopen’", "the pier is safe", "“We are ready”", "“Ready to reopen!”"],
    ...     "speaker": ["Lena Ortiz", "Harbour Board", "Harbour Board", "Lena Ortiz"],
    ...     "speaker_type": ["person", "organisation", "organisation", "person"]})
    >>> prominence(Tables(articles=articles, quotes=quotes)).rows()
    [('Lena Ortiz', 2, 2, 1, 1, 2), ('Harbour Board', 2, 2, 1, 0, 2)]
    """
    measure = "prominence"
    t = as_tables(corpus)
    cols = as_columns(by, VOICE_BY, measure=measure)
    if not cols:
        raise MediakitError(f"{measure}: give at least one column in by= ({', '.join(VOICE_BY)})")
    if early < 0:
        raise MediakitError(f"{measure}: early={early} must be 0 or more")
    qcols = ["start", "end", "text", "speaker", "speaker_type", PARAGRAPH] + [c for c in ("kind", "cue_class") if c in cols]
    q = quotes_with(t, qcols, article_cols=["outlet"] if "outlet" in cols else [],
                    actor_cols=["category"] if "category" in cols else [], measure=measure)
    titles = table(t, "articles", ["doc"], ["title"], measure=measure).unique("doc", keep="first", maintain_order=True)
    has_paragraph = PARAGRAPH in t.quotes.collect_schema()
    q = (q.join(titles, on="doc", how="left")
         .with_columns(_qfold=_fold("text"), _tfold=_fold("title"))
         .with_columns(_headline=(pl.col("_qfold").str.count_matches(" ") >= 3)
                       & pl.col("_tfold").str.contains(pl.col("_qfold"), literal=True).fill_null(False)))
    if has_paragraph:
        q = q.with_columns(_early=pl.col(PARAGRAPH).is_not_null() & (pl.col(PARAGRAPH) < early))
    else:  # the n-th quote of the article by position stands for the n-th paragraph
        q = (q.sort("doc", "start", "end", "speaker", "text", nulls_last=True)
             .with_columns(_early=pl.int_range(pl.len()).over("doc") < early))
    q = q.filter(pl.col("speaker").is_not_null())
    first = (q.sort("doc", "start", "end", "speaker").group_by("doc", maintain_order=True)
             .agg(_first_start=pl.col("start").first(), _first_end=pl.col("end").first(),
                  _first_speaker=pl.col("speaker").first()))
    q = (q.join(first, on="doc", how="left")
         .with_columns(_first=(pl.col("start") == pl.col("_first_start")) & (pl.col("end") == pl.col("_first_end"))
                       & (pl.col("speaker") == pl.col("_first_speaker"))))
    per_doc = q.group_by("doc", *cols).agg(
        quotes=pl.len(), first=pl.col("_first").any(), headline=pl.col("_headline").any(), early=pl.col("_early").any())
    out = (per_doc.group_by(cols).agg(articles=pl.len(), quotes=pl.col("quotes").sum(), first=pl.col("first").sum(),
                                      headline=pl.col("headline").sum(), early=pl.col("early").sum())
           .with_columns(int_cols("articles", "quotes", "first", "headline", "early")))
    counts = ["articles", "first", "headline", "early", "quotes"]
    return (out.sort([*counts, *cols], descending=[True] * len(counts) + [False] * len(cols), nulls_last=True)
            .select(*cols, "articles", "quotes", "first", "headline", "early").collect())
