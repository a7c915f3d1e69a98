"""What every measure reads: the four tables of a corpus, and the helpers shared by the measures.

A measure takes a *corpus-like* object: anything with the attributes ``articles``, ``quotes``, ``actors``
and ``mentions``, each a polars DataFrame or LazyFrame with the columns of :mod:`mediakit.records`
(``docs/schema.md``). The corpus builder's ``open_corpus(DIR)`` has them; :class:`Tables` holds them in
memory, built from a handful of analysed articles by :meth:`Tables.from_analyses` or by hand from small
frames (a table left out is empty). A list of :class:`~mediakit.analysis.Analysis` results is accepted
too and turned into :class:`Tables` on the way in.

Conventions every measure follows:

* only articles whose ``status`` is ``ok`` (or null, or with no ``status`` column) count as articles;
* a frame may carry only the columns the measure reads; a missing one raises a
  :class:`~mediakit.errors.MediakitError` that names it; optional columns (``status``, ``date``,
  ``title`` of ``articles``; ``paragraph`` of ``quotes``) are null when absent;
* quoted words are the words of the quote text with quotation marks stripped (:func:`quoted_words`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import polars as pl

from ..analysis import Analysis
from ..errors import MediakitError
from ..records import ACTORS, ARTICLES, MENTIONS, QUOTES, TABLES, article_row

__all__ = ["Frame", "Tables", "quoted_words", "strip_quote_marks"]

#: What a table may be: a polars DataFrame or LazyFrame.
Frame = pl.DataFrame | pl.LazyFrame

#: ``quotes.paragraph`` (a records column; tables written before schema version 2 lack it).
PARAGRAPH = "paragraph"

#: Columns a table may lack: they are filled with nulls of this type.
_OPTIONAL: dict[str, dict[str, Any]] = {
    "articles": {"status": pl.Utf8, "date": pl.Utf8, "title": pl.Utf8},
    "quotes": {PARAGRAPH: pl.Int64},
    "actors": {},
    "mentions": {},
}

# Double quotation marks of every style; single marks only at the edge of a word (not "it's").
_DOUBLE_MARKS = "\"\u201c\u201d\u201e\u201f\u00ab\u00bb\u2039\u203a\u300c\u300d"
_MARKS_RX = re.compile(rf"[{_DOUBLE_MARKS}]|(?<!\w)['\u2018\u2019]|['\u2018\u2019](?!\w)")
_WORD_RX = re.compile(r"\S*\w\S*")
#: The same count as :func:`quoted_words`, as a polars regex: a word is a run of non-space characters
#: holding a letter or digit, so marks and dashes standing alone are not words, and marks glued to a
#: word do not change the count.
WORD_PATTERN = r"\S*\w\S*"


def strip_quote_marks(text: str) -> str:
    """The text with quotation marks removed: every double mark, and single marks at the edge of a word.

    Apostrophes inside a word ("it's", "ministry’s") stay.

    Parameters
    ----------
    text : str
        A quote's text, as the ``quotes`` table has it (direct quotes include their marks).

    Returns
    -------
    str
        The text without its quotation marks (spacing otherwise untouched).

    Examples
    --------
    >>> strip_quote_marks("“We will not be moved,” and ‘it’s ours’")
    'We will not be moved, and it’s ours'
    """
    return _MARKS_RX.sub("", text)


def quoted_words(text: str | None) -> int:
    """Words in a quote: the whitespace-separated pieces of its text, marks stripped, holding a letter or digit.

    Parameters
    ----------
    text : str or None
        A quote's text.

    Returns
    -------
    int
        The number of words (0 for None or an empty text). Dashes and marks standing alone are not
        words; "3.1bn-crown" and "we—have" are one word each.

    Examples
    --------
    >>> quoted_words("“For a generation — we waited,” she said")
    7
    >>> quoted_words("“ ”")
    0
    """
    return len(_WORD_RX.findall(strip_quote_marks(text))) if text else 0


def words_expr(column: str = "text") -> pl.Expr:
    """:func:`quoted_words` as a polars expression (Int64; 0 for a null text)."""
    return pl.col(column).str.count_matches(WORD_PATTERN).fill_null(0).cast(pl.Int64)


def _empty(name: str) -> pl.DataFrame:
    return TABLES[name].frame([])


@dataclass
class Tables:
    """The four tables a measure reads, in memory: ``articles``, ``quotes``, ``actors``, ``mentions``.

    Each is a polars DataFrame or LazyFrame with the columns of :mod:`mediakit.records`
    (``docs/schema.md``), or only those the measures you call read; a table not given is empty.

    Examples
    --------
    >>> import polars as pl
    >>> t = Tables(articles=pl.DataFrame({"doc": ["a1"], "outlet": ["Courier"]}))
    >>> t.quotes.columns[:4]
    ['doc', 'start', 'end', 'text']
    """

    articles: Frame = field(default_factory=lambda: _empty("articles"))
    quotes: Frame = field(default_factory=lambda: _empty("quotes"))
    actors: Frame = field(default_factory=lambda: _empty("actors"))
    mentions: Frame = field(default_factory=lambda: _empty("mentions"))

    @classmethod
    def from_analyses(cls, analyses: Analysis | Iterable[Analysis]) -> Tables:
        """The tables of some analysed articles, built in memory with :mod:`mediakit.records`.

        Each article's ``doc`` is its ``id`` (else its origin, else its position in the list), as in
        :mod:`mediakit.tables`. The ``quotes`` table's ``paragraph`` is the 0-based index of the body
        paragraph (``Article.paragraphs``) holding the quote's start, null for a quote in the headline or
        standfirst.

        Parameters
        ----------
        analyses : Analysis or iterable of Analysis
            Results of :func:`mediakit.analyse`; set ``outlet`` and ``date`` on the articles for the
            measures that group by them.

        Returns
        -------
        Tables
            DataFrames with the columns of :data:`~mediakit.records.ARTICLES`, ``QUOTES``, ``ACTORS`` and
            ``MENTIONS``.

        Raises
        ------
        MediakitError
            When two articles have the same ``doc``: their rows could not be told apart.

        Examples
        --------
        >>> from mediakit.model import Article, Span
        >>> from mediakit.analysis import analyse
        >>> text = 'The pier will reopen, Ms Lena Ortiz said.'
        >>> art = Article(source=text, id="p1", outlet="Courier", date="2026-03-02",
        ...               paragraphs=[Span(0, len(text), "paragraph")])
        >>> t = Tables.from_analyses([analyse(art)])
        >>> t.articles.select("doc", "outlet", "quotes").rows()
        [('p1', 'Courier', 1)]
        >>> t.quotes.select("speaker", "paragraph").rows()
        [('Lena Ortiz', 0)]
        """
        items = [analyses] if isinstance(analyses, Analysis) else list(analyses)
        bad = [type(a).__name__ for a in items if not isinstance(a, Analysis)]
        if bad:
            raise MediakitError(f"Tables.from_analyses takes results of mediakit.analyse, not {bad[0]}")
        arts, quotes, actors, mentions = [], [], [], []
        seen: set[str] = set()
        for i, a in enumerate(items):
            doc = a.doc or str(i)
            if doc in seen:
                raise MediakitError(f"two analysed articles have the same id {doc!r}; give each a unique Article.id")
            seen.add(doc)
            arts.append(article_row(a.article, doc, actors=len(a.actors), quotes=len(a.quotes)))
            quotes += a.quote_rows(doc)
            actors += a.actor_rows(doc)
            mentions += a.mention_rows(doc)
        return cls(ARTICLES.frame(arts), QUOTES.frame(quotes), ACTORS.frame(actors), MENTIONS.frame(mentions))


def as_tables(corpus: Any) -> Tables:
    """Any corpus-like object (or analyses) as :class:`Tables` of LazyFrames."""
    if isinstance(corpus, Analysis) or (isinstance(corpus, (list, tuple))
                                        and all(isinstance(a, Analysis) for a in corpus)):
        corpus = Tables.from_analyses(corpus)
    frames = {}
    for name in ("articles", "quotes", "actors", "mentions"):
        if not hasattr(corpus, name):
            raise MediakitError(
                f"a measure needs a corpus with articles, quotes, actors and mentions tables (e.g. "
                f"Tables.from_analyses(analyses) or the corpus of a folder); {type(corpus).__name__} has no {name!r}"
            )
        frame = getattr(corpus, name)
        if isinstance(frame, pl.DataFrame):
            frame = frame.lazy()
        if not isinstance(frame, pl.LazyFrame):
            raise MediakitError(f"corpus.{name} should be a polars DataFrame or LazyFrame, not {type(frame).__name__}")
        frames[name] = frame
    return Tables(**frames)


def table(t: Tables, name: str, required: Sequence[str], optional: Sequence[str] = (), *, measure: str) -> pl.LazyFrame:
    """``required`` and ``optional`` columns of one table, cast to the records types; a missing required
    column raises :class:`MediakitError` naming the measure, table and column."""
    frame = getattr(t, name)
    assert isinstance(frame, pl.LazyFrame)
    have = frame.collect_schema()
    missing = [c for c in required if c not in have]
    if missing:
        raise MediakitError(
            f"{measure} needs the column(s) {missing} in the {name} table (it has {list(have)}); "
            "see docs/schema.md"
        )
    types = TABLES[name].polars_schema() | _OPTIONAL[name]
    exprs = [pl.col(c).cast(types[c]) for c in required]
    for c in optional:
        exprs.append(pl.col(c).cast(types[c]) if c in have else pl.lit(None, dtype=types[c]).alias(c))
    return frame.select(exprs)


def articles_ok(t: Tables, columns: Sequence[str], *, measure: str) -> pl.LazyFrame:
    """The ``articles`` rows that count (status ``ok`` or null), with ``doc`` and ``columns``; ``date`` is
    parsed to a polars Date from its first ten characters (null where missing or not ISO ``YYYY-MM-DD``)."""
    wanted = [c for c in columns if c != "doc"]
    required = ["doc"] + [c for c in wanted if c not in _OPTIONAL["articles"]]
    optional = ["status"] + [c for c in wanted if c in _OPTIONAL["articles"]]
    arts = table(t, "articles", required, optional, measure=measure)
    if "date" in wanted:
        arts = arts.with_columns(pl.col("date").str.slice(0, 10).str.to_date("%Y-%m-%d", strict=False))
    arts = arts.filter(pl.col("status").is_null() | (pl.col("status") == "ok"))
    return arts.select("doc", *wanted)


def as_columns(by: str | Sequence[str] | None, allowed: Sequence[str], *, measure: str) -> list[str]:
    """``by`` as a list of column names, each one of ``allowed`` (else a :class:`MediakitError`)."""
    cols = [] if by is None else [by] if isinstance(by, str) else list(by)
    bad = [c for c in cols if c not in allowed]
    if bad:
        raise MediakitError(f"{measure}: cannot group by {bad}; choose from {', '.join(allowed)}")
    if len(set(cols)) != len(cols):
        raise MediakitError(f"{measure}: a column is given twice in by={cols}")
    return cols


def actor_info(t: Tables, columns: Sequence[str], *, measure: str) -> pl.LazyFrame:
    """One ``actors`` row per (doc, name, type) with ``columns``: the first by position when an article
    has two actors of the same name and type."""
    cols = [c for c in columns if c not in ("doc", "name", "type")]
    acts = table(t, "actors", ["doc", "name", "type", "first_position", "id", *cols], measure=measure)
    return (acts.sort("doc", "name", "type", "first_position", "id", nulls_last=True)
            .unique(subset=["doc", "name", "type"], keep="first", maintain_order=True)
            .select("doc", "name", "type", *cols))


def quotes_with(t: Tables, quote_cols: Sequence[str], *, article_cols: Sequence[str] = (),
                actor_cols: Sequence[str] = (), measure: str) -> pl.LazyFrame:
    """Quotes with ``words`` (quoted words), joined with article columns (``outlet``, ``date``, ``title``)
    on ``doc`` and with actor columns (``category``, ``role``, ``affiliation``) on the speaking actor
    (``doc``, ``speaker`` = ``name``, ``speaker_type`` = ``type``). Left joins: no quote is dropped; a
    quote of an article missing from ``articles`` (or not ``ok``) has null article columns."""
    qcols = list(dict.fromkeys(["doc", *quote_cols]))
    required = [c for c in qcols if c not in _OPTIONAL["quotes"]]
    optional = [c for c in qcols if c in _OPTIONAL["quotes"]]
    q = table(t, "quotes", required, optional, measure=measure)
    if "text" in qcols:
        q = q.with_columns(words=words_expr("text"))
    if article_cols:
        q = q.join(articles_ok(t, article_cols, measure=measure), on="doc", how="left")
    if actor_cols:
        if "speaker" not in qcols or "speaker_type" not in qcols:
            raise AssertionError("actor columns need speaker and speaker_type")
        info = actor_info(t, actor_cols, measure=measure)
        q = q.join(info, left_on=["doc", "speaker", "speaker_type"], right_on=["doc", "name", "type"], how="left")
    return q


def share(count: str, over: Sequence[str]) -> pl.Expr:
    """``count`` as a share of its sum over the groups ``over`` (the whole frame when empty); null when
    that sum is 0."""
    total = pl.col(count).sum().over(over) if over else pl.col(count).sum()
    return pl.when(total > 0).then(pl.col(count) / total).otherwise(None).cast(pl.Float64)


def int_cols(*names: str) -> list[pl.Expr]:
    """Cast count columns to Int64 (polars counts are UInt32)."""
    return [pl.col(n).cast(pl.Int64) for n in names]
