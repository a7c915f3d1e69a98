"""Stage two: who appears in an article and who speaks, how and how much.

:func:`analyse` takes a clean :class:`~mediakit.model.Article` and returns an :class:`Analysis`:

1. quotes are found by :func:`mediakit.quotes.find_quotes` in the headline, standfirst and body
   paragraphs (never in removed boilerplate);
2. actors are found in the same spans by :func:`mediakit.actors.find_actors` (or, with
   ``engine="spacy"``, from the entities of a spaCy pipeline the user supplies);
3. each quote's speaker is **linked** to an actor by :func:`mediakit.speakers.link_quotes` (the head
   of the speaker phrase, pronouns by salience, role nouns, organisation words, documents to their
   owners, unnamed speakers as actors described by their words; see that module), and the step that
   linked it is added to the quote's ``rule``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .actors import Actor, find_actors
from .codebook import Codebook
from .errors import EngineError
from .model import Article, Span
from .quotes import Quote, find_quotes
from .records import ACTORS, MENTIONS, QUOTES
from .speakers import link_quotes

__all__ = ["Analysis", "AttributedQuote", "analyse", "link_quotes"]

#: The quote and actor row columns, as :mod:`mediakit.records` defines them.
QUOTE_ROW_KEYS = QUOTES.names
ACTOR_ROW_KEYS = ACTORS.names


@dataclass
class AttributedQuote:
    """A :class:`~mediakit.quotes.Quote` with its speaker linked to an :class:`~mediakit.actors.Actor`.

    ``rule`` is the quote's own rule followed by the linking step.
    """

    quote: Quote
    actor: Actor | None
    rule: str
    resolution: str = "none"

    @property
    def speaker(self) -> str | None:
        """The canonical name of the speaking actor, or None."""
        return self.actor.name if self.actor is not None else None

    @property
    def speaker_type(self) -> str | None:
        return self.actor.type if self.actor is not None else None

    def row(self, source: str, doc: str) -> dict[str, Any]:
        """This quote as a row of the ``quotes`` table (:data:`mediakit.records.QUOTES`)."""
        q = self.quote
        return QUOTES.row(
            doc=doc, start=q.start, end=q.end, text=source[q.start : q.end], kind=q.kind, cue=q.cue,
            cue_start=q.cue_start, cue_end=q.cue_end, cue_class=q.cue_class, speaker=self.speaker,
            speaker_type=self.speaker_type, speaker_start=q.speaker_start, speaker_end=q.speaker_end,
            rule=self.rule, rule_id=q.rule_id,
        )


@dataclass
class Analysis:
    """An article with its actors and attributed quotes."""

    article: Article
    actors: list[Actor] = field(default_factory=list)
    quotes: list[AttributedQuote] = field(default_factory=list)

    @property
    def doc(self) -> str:
        return self.article.id or self.article.origin or ""

    def to_record(self) -> dict[str, Any]:
        """The extract record plus ``actors`` (one dict each) and ``quotes`` (quote rows)."""
        rec = self.article.to_record()
        rec["actors"] = [a.to_dict() for a in self.actors]
        rec["quotes"] = self.quote_rows(self.doc)
        return rec

    def quote_rows(self, doc: str) -> list[dict[str, Any]]:
        """One row of the ``quotes`` table per quote (columns: :data:`mediakit.records.QUOTES`)."""
        return [q.row(self.article.source, doc) for q in self.quotes]

    def actor_rows(self, doc: str) -> list[dict[str, Any]]:
        """One row of the ``actors`` table per actor (columns: :data:`mediakit.records.ACTORS`)."""
        return [
            ACTORS.row(
                doc=doc, id=a.id, name=a.name, type=a.type, role=a.role, roles=list(a.roles),
                affiliation=a.affiliation, aliases=list(a.aliases), mentions=len(a.mentions),
                first_position=a.first_position, category=a.category,
            )
            for a in self.actors
        ]

    def mention_rows(self, doc: str) -> list[dict[str, Any]]:
        """One row of the ``mentions`` table per actor mention (columns: :data:`mediakit.records.MENTIONS`)."""
        return [
            MENTIONS.row(
                doc=doc, actor_id=a.id, actor=a.name, type=a.type, category=a.category, start=m.start,
                end=m.end, text=m.text, kind=m.kind, rule=m.rule,
            )
            for a in self.actors
            for m in a.mentions
        ]


def analysis_spans(article: Article) -> list[Span]:
    """The spans stage two reads: title and standfirst metadata spans plus the body paragraphs."""
    spans = [s for s in article.metadata_spans if s.label in ("title", "standfirst")]
    spans += list(article.paragraphs)
    return sorted(spans, key=lambda s: (s.start, s.end))


def analyse(
    article: Article,
    *,
    engine: str = "rules",
    codebook: Codebook | str | Path | None = None,
    capitals_as_governments: bool = True,
    nlp: Any = None,
) -> Analysis:
    """Find actors and quotes in ``article`` and link every quote to its speaking actor.

    ``engine="rules"`` (the default) needs no trained model. ``engine="spacy"`` takes actor mentions
    from the entities of ``nlp`` (a spaCy ``Language`` or the name of an installed pipeline; see
    :mod:`mediakit.spacy_engine`); quotes come from the same rules either way. ``codebook`` (a
    :class:`~mediakit.codebook.Codebook` or the path of a codebook file) sets each actor's ``category``.
    ``capitals_as_governments=False`` keeps capital cities as places ("Beijing insisted" is then a
    mention of the place Beijing, not of China).

    >>> from mediakit.model import Article, Span
    >>> text = 'The pier will reopen, the harbour board said. "We are ready," said Ms Lena Ortiz. "Come," she added.'
    >>> art = Article(source=text, paragraphs=[Span(0, len(text), "paragraph")])
    >>> [(q.speaker, q.speaker_type) for q in analyse(art).quotes]
    [('harbour board', 'organisation'), ('Lena Ortiz', 'person'), ('Lena Ortiz', 'person')]
    """
    spans = analysis_spans(article)
    source = article.source
    quotes = find_quotes(source, spans)
    if engine == "rules":
        actors = find_actors(source, spans, capitals_as_governments=capitals_as_governments)
    elif engine == "spacy":
        from .spacy_engine import find_actors_spacy

        actors = find_actors_spacy(source, spans, nlp, capitals_as_governments=capitals_as_governments)
    else:
        raise EngineError(f"unknown engine {engine!r}: use 'rules' (default) or 'spacy'")
    links = link_quotes(source, quotes, actors, spans)
    attributed = [
        AttributedQuote(q, link.actor, f"{q.rule}; speaker: {link.how}" if q.speaker_start is not None
                        else f"{q.rule}; {link.how}", link.resolution)
        for q, link in zip(quotes, links, strict=True)
    ]
    actors = _renumber(actors)
    if codebook is not None:
        if not isinstance(codebook, Codebook):
            codebook = Codebook.load(codebook)
        codebook.apply(actors)
    return Analysis(article, actors, attributed)


def _renumber(actors: list[Actor]) -> list[Actor]:
    actors.sort(key=lambda a: a.first_position)
    for i, a in enumerate(actors, 1):
        a.id = f"A{i}"
    return actors
