"""One column spec per table: the single place where each table's columns are named, typed and described.

The CLI writers, :mod:`mediakit.tables`, the corpus's Parquet files and ``docs/schema.md`` all read these
specs, so a column is added or renamed here and nowhere else. A row is built with :meth:`Table.row`,
which orders the values as the spec does and refuses a missing or unknown column.

>>> QUOTES.names[:4]
('doc', 'start', 'end', 'text')
>>> REMOVED.row(doc="a", start=0, end=4, label="ad", reason="advertisement label", text="Ad: ")
{'doc': 'a', 'start': 0, 'end': 4, 'text': 'Ad: ', 'label': 'ad', 'reason': 'advertisement label'}
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .errors import MediakitError
from .model import Article

__all__ = [
    "ACTORS", "ARTICLES", "MENTIONS", "QUOTES", "REMOVED", "SCHEMA_VERSION", "TABLES", "Column", "Table",
    "article_row", "failed_article_row", "removed_rows", "schema_markdown",
]

#: Bumped whenever a column is added, removed, renamed or changes meaning.
SCHEMA_VERSION = 2

#: The column types a spec may use, with the polars type each becomes.
DTYPES = ("str", "int", "float", "bool", "list[str]")


@dataclass(frozen=True)
class Column:
    """One column: its name, type (one of :data:`DTYPES`) and a one-line description for people."""

    name: str
    dtype: str
    description: str


class Table:
    """The columns of one table, in order."""

    def __init__(self, name: str, description: str, columns: tuple[Column, ...]) -> None:
        bad = [c.name for c in columns if c.dtype not in DTYPES]
        if bad:
            raise ValueError(f"unknown column type in {name}: {bad}")
        self.name = name
        self.description = description
        self.columns = columns
        self.names: tuple[str, ...] = tuple(c.name for c in columns)
        self._known = frozenset(self.names)

    def __repr__(self) -> str:
        return f"Table({self.name!r}, {len(self.columns)} columns)"

    def row(self, **values: Any) -> dict[str, Any]:
        """A row dict in the spec's column order; every column must be given, and no other."""
        if len(values) != len(self.names) or not self._known.issuperset(values):
            missing = [n for n in self.names if n not in values]
            extra = [k for k in values if k not in self._known]
            raise MediakitError(f"{self.name} row: missing columns {missing}, unknown columns {extra}")
        return {n: values[n] for n in self.names}

    def polars_schema(self) -> dict[str, Any]:
        """The polars schema (column name -> polars type)."""
        import polars as pl

        types = {"str": pl.Utf8, "int": pl.Int64, "float": pl.Float64, "bool": pl.Boolean,
                 "list[str]": pl.List(pl.Utf8)}
        return {c.name: types[c.dtype] for c in self.columns}

    def frame(self, rows: list[dict[str, Any]]) -> Any:
        """A polars DataFrame of ``rows`` with this table's schema (an empty frame keeps the columns)."""
        import polars as pl

        schema = self.polars_schema()
        return pl.DataFrame(rows, schema=schema, orient="row") if rows else pl.DataFrame(schema=schema)

    def markdown(self) -> str:
        """This table as a Markdown section (used for ``docs/schema.md``)."""
        lines = [f"## `{self.name}`", "", self.description, "", "| column | type | meaning |", "|---|---|---|"]
        lines += [f"| `{c.name}` | {c.dtype} | {c.description} |" for c in self.columns]
        return "\n".join(lines) + "\n"


_DOC = Column("doc", "str", "the article's id (its file name, row id or URL), shared by every table")

ARTICLES = Table(
    "articles",
    "One row per input unit (a file, an export row, a URL), failed ones included, so the number of inputs "
    "always equals the number of rows.",
    (
        _DOC,
        Column("source", "str", "where the article came from: a path, `path#row` for an export row, or a URL"),
        Column("status", "str", "`ok`, or `failed` when the input could not be read or analysed"),
        Column("error", "str", "why the input failed (empty when `ok`)"),
        Column("input_kind", "str", "`html` or `text`: which extraction path read it"),
        Column("title", "str", "the headline"),
        Column("byline", "str", "the byline as printed"),
        Column("date", "str", "publication date, ISO `YYYY-MM-DD` where known"),
        Column("outlet", "str", "the publishing outlet"),
        Column("section", "str", "the section tag (Politics, Business, ...)"),
        Column("url", "str", "the article's URL where known"),
        Column("language", "str", "language code where the page declares one"),
        Column("flags", "list[str]", "problems worth a look (replaced bytes, fallback encoding, no text found)"),
        Column("words", "int", "words in the clean body"),
        Column("paragraphs", "int", "paragraphs in the clean body"),
        Column("removed", "int", "spans removed as boilerplate"),
        Column("actors", "int", "actors found (0 for extract-only runs)"),
        Column("quotes", "int", "quotes found (0 for extract-only runs)"),
        Column("extractor", "str", "what produced the spans (e.g. the text cleaner, trafilatura)"),
    ),
)

QUOTES = Table(
    "quotes",
    "One row per quote: what was said (`start`/`end` into the article source), the cue, the speaker "
    "linked to an actor, and the rule that found it.",
    (
        _DOC,
        Column("start", "int", "offset of the quote's content in the article source"),
        Column("end", "int", "end offset (exclusive) of the content"),
        Column("text", "str", "the content: `source[start:end]`; direct quotes include their marks"),
        Column("kind", "str", "`direct` (a quotation), `indirect` (reported speech) or `mixed`"),
        Column("cue", "str", "the reporting verb or phrase (`said`, `according to`)"),
        Column("cue_start", "int", "offset of the cue"),
        Column("cue_end", "int", "end offset of the cue"),
        Column("cue_class", "str", "the cue's class in the speech-verb lexicon (`neutral`, `loaded`, ...)"),
        Column("speaker", "str", "canonical name of the speaking actor (empty for hedges with no speaker)"),
        Column("speaker_type", "str", "the speaker's actor type (`person`, `organisation`, `anonymous`, ...)"),
        Column("speaker_start", "int", "offset of the words naming the speaker at this quote"),
        Column("speaker_end", "int", "end offset of those words"),
        Column("rule", "str", "why: the attribution rule in words, then how the speaker was linked"),
        Column("rule_id", "str", "the attribution rule's id, to look up in `docs/rules.md`"),
        Column("id", "str", "the quote's id, stable within the article (`Q1`, `Q2`, ... in order of the text)"),
        Column("speaker_id", "str", "the speaking actor's id (joins `actors.id`); empty when no speaker"),
        Column("speaker_role", "str", "the speaker's role (`spokeswoman`, `minister`; for an unnamed speaker its words)"),
        Column("speaker_affiliation", "str", "the organisation (or person) the speaker speaks for, where stated"),
        Column("speaker_category", "str", "the speaker's codebook category, when a codebook is applied"),
        Column("speaker_named", "str", "`named` (a proper name), `unnamed` (described: `a bartender`, `city staff`), "
               "`anonymous` (a source kept anonymous) or `none`"),
        Column("speaker_resolution", "str", "how the speaker's words named the speaker: `name`, `pronoun`, `role noun`, "
               "`description`, `organisation word`, `government`, `document` (its owner), `unnamed`, "
               "`anonymous`, `follow-on`, `inherited` or `none`"),
        Column("speaker_gender", "str", "`female`, `male` or `unknown`: only as the text states it (an honorific, a "
               "gendered role noun, the pronouns that refer to the speaker), never from a first name"),
        Column("gender_evidence", "str", "the words that state the gender (`Ms`, `spokeswoman`, `she`); empty when unknown"),
        Column("position", "str", "where the quote is: `headline`, `standfirst`, `body` or `caption`"),
        Column("paragraph", "int", "0-based index of the body paragraph holding the quote (empty in headline or standfirst)"),
        Column("words", "int", "quoted words, not counting the attribution inside the span (`X said`); a word is a "
               "run of non-space characters holding a letter or digit"),
        Column("duplicate_of", "str", "the id of an earlier quote with the same words (the same passage twice): count once"),
        Column("nested_in", "str", "the id of a quote whose span holds this one (a fragment inside reported speech): "
               "count once"),
    ),
)

ACTORS = Table(
    "actors",
    "One row per actor per article: a person, organisation, place, group or anonymous source with its "
    "mentions merged.",
    (
        _DOC,
        Column("id", "str", "the actor's id, stable within the article (`A1`, `A2`, ... in order of appearance)"),
        Column("name", "str", "canonical name (the fullest form found)"),
        Column("type", "str", "`person`, `organisation`, `place`, `group`, `event` or `anonymous`"),
        Column("role", "str", "the first role found (`spokeswoman`, `minister`)"),
        Column("roles", "list[str]", "every role found"),
        Column("affiliation", "str", "the organisation the actor speaks for, where stated"),
        Column("aliases", "list[str]", "other names merged into this actor (surnames, acronyms)"),
        Column("mentions", "int", "how many times the actor is mentioned"),
        Column("first_position", "int", "offset of the first mention"),
        Column("category", "str", "the codebook category, when a codebook is applied"),
        Column("quotes", "int", "quotes the actor speaks (duplicates and nested quotes not counted twice)"),
        Column("quoted_words", "int", "the `words` of those quotes"),
    ),
)

MENTIONS = Table(
    "mentions",
    "One row per actor mention: where each actor is named, in what form and why.",
    (
        _DOC,
        Column("actor_id", "str", "the actor's id (joins `actors.id`)"),
        Column("actor", "str", "the actor's canonical name"),
        Column("type", "str", "the actor's type"),
        Column("category", "str", "the actor's codebook category"),
        Column("start", "int", "offset of the mention"),
        Column("end", "int", "end offset of the mention"),
        Column("text", "str", "the words of the mention"),
        Column("kind", "str", "`name`, `short`, `acronym`, `alias`, `capital`, `description`, `pronoun`, ..."),
        Column("rule", "str", "the rule that found the mention"),
    ),
)

REMOVED = Table(
    "removed",
    "One row per span removed from an article as boilerplate (ads, promos, captions repeated, footers), "
    "with the reason.",
    (
        _DOC,
        Column("start", "int", "offset of the removed span in the article source"),
        Column("end", "int", "end offset of the removed span"),
        Column("text", "str", "the removed text"),
        Column("label", "str", "what it was (`advertisement`, `promo`, `footer`, ...)"),
        Column("reason", "str", "the rule that removed it, in words"),
    ),
)

TABLES: dict[str, Table] = {t.name: t for t in (ARTICLES, QUOTES, ACTORS, MENTIONS, REMOVED)}


def article_row(article: Article, doc: str, *, actors: int = 0, quotes: int = 0) -> dict[str, Any]:
    """The ``articles`` row of an extracted article (``actors``/``quotes``: counts from its analysis)."""
    return ARTICLES.row(
        doc=doc, source=article.origin, status="ok", error=None, input_kind=article.input_kind,
        title=article.title, byline=article.byline, date=article.date, outlet=article.outlet,
        section=article.section, url=article.url, language=article.language, flags=list(article.flags),
        words=sum(len(article.source[p.start : p.end].split()) for p in article.paragraphs),
        paragraphs=len(article.paragraphs), removed=len(article.removed), actors=actors, quotes=quotes,
        extractor=article.extractor,
    )


def failed_article_row(doc: str, source: str, error: str, **known: Any) -> dict[str, Any]:
    """The ``articles`` row of an input that failed; ``known`` fills metadata already known (outlet, date)."""
    values: dict[str, Any] = dict.fromkeys(ARTICLES.names)
    values.update(doc=doc, source=source, status="failed", error=error, flags=[], words=0, paragraphs=0,
                  removed=0, actors=0, quotes=0)
    values.update({k: v for k, v in known.items() if k in values})
    return ARTICLES.row(**values)


def removed_rows(article: Article, doc: str) -> list[dict[str, Any]]:
    """One ``removed`` row per boilerplate span of ``article``."""
    src = article.source
    return [REMOVED.row(doc=doc, start=r.start, end=r.end, text=src[r.start : r.end], label=r.label,
                        reason=r.reason) for r in article.removed]


def schema_markdown() -> str:
    """The text of ``docs/schema.md``, generated from the specs (a test checks the page is current)."""
    head = [
        "# Table schema",
        "",
        "Generated from `mediakit/records.py` by `python -m mediakit.records > docs/schema.md`; do not edit "
        "by hand.",
        "",
        f"Schema version: {SCHEMA_VERSION}. Every table has a `doc` column (the article id) to join on. "
        "Offsets are character positions into the article's source text (standoff: the text is never "
        "rewritten), so `source[start:end]` gives the span. Types: `str` and `int` may be empty (null) where "
        "the value is unknown; `list[str]` is a list of strings (joined with `; ` in CSV).",
        "",
    ]
    return "\n".join(head) + "\n".join(t.markdown() for t in TABLES.values())


if __name__ == "__main__":  # pragma: no cover
    print(schema_markdown(), end="")
