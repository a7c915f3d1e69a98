"""Speech-verb profile: how quotes are introduced (neutral, loaded, emphatic, hedged, ...) per outlet or speaker group."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import polars as pl

from ..lexicon import CLASSES
from ._base import as_columns, as_tables, int_cols, quotes_with, share

__all__ = ["verb_profile"]

VERB_BY = ("outlet", "category", "speaker_type", "speaker", "kind")


def verb_profile(corpus: Any, by: str | Sequence[str] | None = "outlet") -> pl.DataFrame:
    """Quotes per cue class (the class of the reporting verb in the speech-verb lexicon), per group, with shares.

    Every group gets a row for every class of the lexicon (``neutral``, ``loaded``, ``emphatic``,
    ``hedged``, ``writing``, ``question``, ``thought``), zero where none was used, so profiles line up;
    classes outside the lexicon (a custom one) and a null class (a quote with no cue, such as a long
    unattributed quotation) get rows where they occur.

    Parameters
    ----------
    corpus : corpus-like
        An object with ``articles``, ``quotes``, ``actors``, ``mentions`` tables (see
        :class:`~mediakit.measures.Tables`). Reads ``quotes`` (``doc``, ``cue_class``, ``speaker``,
        ``speaker_type``), ``articles`` (``outlet``) and ``actors`` (``category``) when grouping by them.
    by : str or sequence of str or None
        Any of ``outlet`` (default), ``category`` (the speaker's codebook category), ``speaker_type``,
        ``speaker``, ``kind``; None for one profile of all quotes.

    Returns
    -------
    polars.DataFrame
        The ``by`` columns (str), ``cue_class`` (str), ``quotes`` (Int64) and ``share`` (Float64: the
        class's part of the group's quotes). Sorted by the ``by`` columns (A to Z, nulls last), then the
        classes in the lexicon's order, other classes A to Z, null last.

    Examples
    --------
    >>> import polars as pl
    >>> from mediakit.measures import Tables
    >>> articles = pl.DataFrame({"doc": ["a", "b"], "outlet": ["Courier", "Lantern"]})
    >>> quotes = pl.DataFrame({"doc": ["a", "a", "b"], "cue_class": ["neutral", "loaded", "neutral"],
    ...                        "speaker": ["Lena Ortiz"] * 3, "speaker_type": ["person"] * 3})
    >>> verb_profile(Tables(articles=articles, quotes=quotes)).filter(pl.col("quotes") > 0).rows()
    [('Courier', 'neutral', 1, 0.5), ('Courier', 'loaded', 1, 0.5), ('Lantern', 'neutral', 1, 1.0)]
    """
    measure = "verb_profile"
    t = as_tables(corpus)
    cols = as_columns(by, VERB_BY, measure=measure)
    qcols = ["cue_class", "speaker", "speaker_type"] + (["kind"] if "kind" in cols else [])
    q = quotes_with(t, qcols, article_cols=["outlet"] if "outlet" in cols else [],
                    actor_cols=["category"] if "category" in cols else [], measure=measure)
    keys = [*cols, "cue_class"]
    counts = q.group_by(keys).agg(quotes=pl.len())
    lexicon_classes = pl.LazyFrame({"cue_class": list(CLASSES)}, schema={"cue_class": pl.Utf8})
    if cols:
        grid = counts.select(cols).unique().join(lexicon_classes, how="cross")
    else:
        grid = lexicon_classes.join(counts.select(pl.len().alias("_n")).filter(pl.col("_n") > 0), how="cross").select("cue_class")
    grid = pl.concat([grid, counts.select(keys)]).unique()
    out = (grid.join(counts, on=keys, how="left", nulls_equal=True)
           .with_columns(pl.col("quotes").fill_null(0)).with_columns(int_cols("quotes"))
           .with_columns(share=share("quotes", cols)))
    rank = (pl.col("cue_class").replace_strict(list(CLASSES), list(range(len(CLASSES))), default=len(CLASSES),
                                               return_dtype=pl.Int64)
            .fill_null(len(CLASSES) + 1))
    return (out.with_columns(_rank=rank).sort([*cols, "_rank", "cue_class"], nulls_last=True)
            .select(*keys, "quotes", "share").collect())
