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

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from operator import attrgetter
from pathlib import Path
from typing import Any

from .actors import Actor, find_actors
from .actors.patterns import credit_spans
from .budget import check, collector_paused
from .codebook import Codebook
from .errors import EngineError
from .model import Article, Span
from .quotes import Quote, find_quotes
from .records import ACTORS, MENTIONS, QUOTES
from .speakers import link_quotes, speaker_gender, speaker_named

__all__ = ["Analysis", "AttributedQuote", "analyse", "link_quotes"]

#: The quote and actor row columns, as :mod:`mediakit.records` defines them.
QUOTE_ROW_KEYS = QUOTES.names
ACTOR_ROW_KEYS = ACTORS.names


@dataclass
class AttributedQuote:
    """A :class:`~mediakit.quotes.Quote` with its speaker linked to an :class:`~mediakit.actors.Actor`.

    ``rule`` is the quote's own rule followed by the linking step; ``resolution`` says how the speaker's
    words named the speaker (:data:`mediakit.speakers.RESOLUTIONS`). The other fields describe the quote
    for the ``quotes`` table (see :data:`mediakit.records.QUOTES`): ``id``, ``position``, ``paragraph``,
    ``words``, the speaker's ``gender`` with its ``gender_evidence``, and ``duplicate_of`` / ``nested_in``
    (the id of the quote this one repeats or sits inside).
    """

    quote: Quote
    actor: Actor | None
    rule: str
    resolution: str = "none"
    id: str = ""
    position: str = "body"
    paragraph: int | None = None
    words: int = 0
    gender: str = "unknown"
    gender_evidence: str | None = None
    duplicate_of: str | None = None
    nested_in: str | None = None

    @property
    def speaker(self) -> str | None:
        """The canonical name of the speaking actor, or None."""
        return self.actor.name if self.actor is not None else None

    @property
    def speaker_type(self) -> str | None:
        return self.actor.type if self.actor is not None else None

    @property
    def speaker_named(self) -> str:
        """``named``, ``unnamed``, ``anonymous`` or ``none`` (see :func:`mediakit.speakers.speaker_named`)."""
        return speaker_named(self.actor, self.resolution)

    @property
    def counted(self) -> bool:
        """Does the quote count on its own (neither a repeat of another nor inside another)?"""
        return self.duplicate_of is None and self.nested_in is None

    def row(self, source: str, doc: str) -> dict[str, Any]:
        """This quote as a row of the ``quotes`` table (:data:`mediakit.records.QUOTES`)."""
        q = self.quote
        a = self.actor
        return QUOTES.row(
            doc=doc, start=q.start, end=q.end, text=source[q.start : q.end], kind=q.kind, cue=q.cue,
            cue_start=q.cue_start, cue_end=q.cue_end, cue_class=q.cue_class, speaker=self.speaker,
            speaker_type=self.speaker_type, speaker_start=q.speaker_start, speaker_end=q.speaker_end,
            rule=self.rule, rule_id=q.rule_id, id=self.id, speaker_id=a.id if a else None,
            speaker_role=a.role if a else None, speaker_affiliation=a.affiliation if a else None,
            speaker_category=a.category if a else None, speaker_named=self.speaker_named,
            speaker_resolution=self.resolution, speaker_gender=self.gender, gender_evidence=self.gender_evidence,
            position=self.position, paragraph=self.paragraph, words=self.words,
            duplicate_of=self.duplicate_of, nested_in=self.nested_in,
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
        said: dict[int, list[int]] = {}
        for q in self.quotes:
            if q.actor is not None and q.counted:
                n = said.setdefault(id(q.actor), [0, 0])
                n[0] += 1
                n[1] += q.words
        return [
            ACTORS.row(
                doc=doc, id=a.id, name=a.name, type=a.type, role=a.role, roles=list(a.roles),
                affiliation=a.affiliation, aliases=list(a.aliases), mentions=len(a.mentions),
                first_position=a.first_position, category=a.category,
                quotes=said.get(id(a), (0, 0))[0], quoted_words=said.get(id(a), (0, 0))[1],
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


_START = attrgetter("start")
_START_END = attrgetter("start", "end")


def analysis_spans(article: Article) -> list[Span]:
    """The spans stage two reads: title and standfirst metadata spans plus the body paragraphs."""
    spans = [s for s in article.metadata_spans if s.label in ("title", "standfirst")]
    spans += list(article.paragraphs)
    return sorted(spans, key=_START_END)


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
    with collector_paused():
        return _analyse(article, engine, codebook, capitals_as_governments, nlp)


def _analyse(article: Article, engine: str, codebook: Codebook | str | Path | None, capitals_as_governments: bool,
             nlp: Any) -> Analysis:
    spans = analysis_spans(article)
    source = article.source
    notes: list[str] = []
    # actors first: finding them needs the most memory for a while (every candidate), and the quotes
    # found before would be held all that time
    if engine == "rules":
        actors = find_actors(source, spans, capitals_as_governments=capitals_as_governments)
    elif engine == "spacy":
        from .spacy_engine import find_actors_spacy

        actors = find_actors_spacy(source, spans, nlp, capitals_as_governments=capitals_as_governments)
    else:
        raise EngineError(f"unknown engine {engine!r}: use 'rules' (default) or 'spacy'")
    check()  # the article's time budget, if any (mediakit.budget)
    quotes = find_quotes(source, spans, notes)
    check()
    stated: dict[int, tuple[str, str] | None] = {}  # genders stated for actors (read by both steps below)
    links = link_quotes(source, quotes, actors, spans, notes, stated)
    attributed = [
        AttributedQuote(q, link.actor, f"{q.rule}; speaker: {link.how}" if q.speaker_start is not None
                        else f"{q.rule}; {link.how}", link.resolution)
        for q, link in zip(quotes, links, strict=True)
    ]
    actors = _renumber(actors)
    _describe(article, attributed, stated)
    article.flags.extend(n for n in notes if n not in article.flags)  # a limit that applied (once each)
    if codebook is not None:
        if not isinstance(codebook, Codebook):
            codebook = Codebook.load(codebook)
        codebook.apply(actors)
    return Analysis(article, actors, attributed)


# a word: a run of non-spaces holding a letter or digit. Only counted, so the pattern starts at the
# run's first word character ("\S*\w\S*" finds the same runs, one each, but backtracks in every one)
_WORD = re.compile(r"\w\S*+")
_TOKEN = re.compile(r"\w+")

# The same count without a pattern match and a string per word (half of _describe's time): the stretch's
# UTF-8 with every ASCII word character made "a", every whitespace character (as ``\s`` and str.split
# read it: \x1c-\x1f too) made " ", and every other ASCII character deleted; a word then begins at each
# " a" (and at an "a" that opens the stretch). Deleting a character that is neither a word character nor
# a space joins no two words and leaves a run of only such characters empty, as the pattern skips it.
_WORD_BYTES = bytes(
    ord("a") if chr(i).isalnum() or i == ord("_") else ord(" ") if chr(i).isspace() else i for i in range(128)
) + bytes(range(128, 256))
_NOT_WORD_BYTES = bytes(i for i in range(128) if not (chr(i).isalnum() or chr(i) == "_" or chr(i).isspace()))
# characters outside ASCII that quotes commonly hold: made ASCII first, as the table would (the quotation
# marks, apostrophes, dashes and ellipsis are no word characters; the no-break and thin spaces are spaces)
_NON_ASCII_MARKS = "\u201c\u201d\u2018\u2019\u2014\u2013\u2026\u2015"
_NON_ASCII_SPACES = "\u00a0\u2009\u202f"


def _word_count(source: str, s: int, e: int) -> int:
    """``len(_WORD.findall(source, s, e))``: the runs of non-spaces in ``source[s:e]`` that hold a word
    character, counted by C string methods (the pattern when a character outside ASCII is left)."""
    text = source[s:e]
    if not text.isascii():
        for ch in _NON_ASCII_MARKS:
            if ch in text:
                text = text.replace(ch, "")
        for ch in _NON_ASCII_SPACES:
            if ch in text:
                text = text.replace(ch, " ")
        if not text.isascii():
            return len(_WORD.findall(source, s, e))
    marked = text.encode().translate(_WORD_BYTES, _NOT_WORD_BYTES)
    return marked.count(b" a") + (marked[:1] == b"a")
_EDGE_MARKS = " \"'\u201c\u201d\u2018\u2019.,;:!?-\u2014\u2013"


def _describe(article: Article, quotes: list[AttributedQuote],
              stated: dict[int, tuple[str, str] | None] | None = None) -> None:
    """Fill each quote's id, position, paragraph, words, speaker gender, and what it repeats or sits in
    (``stated``: the genders the text states, by actor id, that linking found; see :func:`link_quotes`)."""
    source = article.source
    paras = article.paragraphs
    starts = list(map(_START, paras))
    meta = [(s.start, s.end, s.label) for s in article.metadata_spans if s.label in ("title", "standfirst", "caption")]
    captions: dict[int, bool] = {}
    genders: dict[int, tuple[str, str | None]] = {}
    seen_words: dict[tuple[int, str], tuple[AttributedQuote, list[tuple[int, int]]]] = {}
    for i, aq in enumerate(quotes, 1):
        q = aq.quote
        qs = q.start
        aq.id = f"Q{i}"
        k = bisect_right(starts, qs) - 1
        if k >= 0 and qs < paras[k].end:
            aq.paragraph = k
            caption = captions.get(k)
            if caption is None:
                caption = captions[k] = _caption_like(source[paras[k].start : paras[k].end])
            aq.position = "caption" if caption else "body"
        else:
            label = next((lab for s, e, lab in meta if s <= qs < e), "title")
            aq.position = {"title": "headline"}.get(label, label)
        # the quote's own words (its span less the attribution inside it), for the count and the duplicate test
        parts = _outside_attribution(q)
        if len(parts) == 1:
            aq.words = words = _word_count(source, qs, q.end)
        else:
            aq.words = words = _word_count(source, *parts[0]) + _word_count(source, *parts[1])
        if aq.actor is not None:
            key = id(aq.actor)
            gender = genders.get(key)
            if gender is None:
                gender = genders[key] = speaker_gender(source, aq.actor, stated)
            aq.gender, aq.gender_evidence = gender
        # the same passage twice (two speakers, or a headline repeating the body) counts once; the
        # word count and opening words find candidates, the full words confirm
        key = (words, source[qs : qs + 24].strip(_EDGE_MARKS).lower())
        earlier = seen_words.get(key)
        if earlier is not None and _same_words(source, earlier[1], parts):
            aq.duplicate_of = earlier[0].id
        elif earlier is None and words:
            seen_words[key] = (aq, parts)
    # a quote inside another one's span (a fragment inside reported speech) counts once; quotes come
    # sorted by start, so only those starting at or before it can hold it, and of those only the ones
    # still open (ending at or after its start): kept in order as the quotes are read
    open_: list[AttributedQuote] = []
    j = 0
    count = len(quotes)
    for i, aq in enumerate(quotes):
        q = aq.quote
        qs, qe = q.start, q.end
        while j < count and quotes[j].quote.start <= qs:
            open_.append(quotes[j])
            j += 1
        if len(open_) > 1:
            open_ = [o for o in open_ if o.quote.end >= qs]
        if len(open_) == 1:
            continue  # only the quote itself is open (it always is): nothing holds it
        holders = []
        for o in open_:
            if o is not aq and qe <= o.quote.end:
                holders.append((o.quote.end - o.quote.start, o.id, (o.quote.start, o.quote.end) == (qs, qe)))
        inside = [(n, qid) for n, qid, same in holders if not same]
        if inside:
            aq.nested_in = min(inside)[1]
            aq.duplicate_of = None
        elif aq.duplicate_of is None:
            same = [qid for _n, qid, same in holders if same and int(qid[1:]) < i + 1]
            aq.duplicate_of = same[0] if same else None


def _outside_attribution(q: Quote) -> list[tuple[int, int]]:
    """The stretches of the quote's span that are its words, the attribution inside it left out: the
    part from the first to the last of its cue and speaker words ("A," she said, "B") that lie inside it."""
    s, e = q.start, q.end
    lo = hi = -1
    cs, ce = q.cue_start, q.cue_end
    if cs is not None and ce is not None and s <= cs and ce <= e:
        lo, hi = cs, ce
    ks, ke = q.speaker_start, q.speaker_end
    if ks is not None and ke is not None and s <= ks and ke <= e:
        lo, hi = (ks, ke) if lo < 0 else (min(lo, ks), max(hi, ke))
    return [(s, e)] if lo < 0 else [(s, lo), (hi, e)]


def _words_of(source: str, parts: list[tuple[int, int]]) -> list[str]:
    return [w.lower() for s, e in parts for w in _TOKEN.findall(source, s, e)]


def _same_words(source: str, pa: list[tuple[int, int]], pb: list[tuple[int, int]]) -> bool:
    """Do two quotes, given by the stretches of their own words (:func:`_outside_attribution`), say the same words?"""
    if [e - s for s, e in pa] == [e - s for s, e in pb] and all(
            source[s:e] == source[t:u] for (s, e), (t, u) in zip(pa, pb, strict=True)):
        return True  # the same characters: the same words, without splitting either into words
    return _words_of(source, pa) == _words_of(source, pb)


def _caption_like(text: str) -> bool:
    """Does the paragraph end in a photo credit ("... in Calgary. (Jo Ruiz/The Valley Press)")?"""
    if "/" not in text and "Photo" not in text and "Image" not in text and "Credit" not in text:
        return False
    credits = [c for c in credit_spans(text) if c[0] > 0]
    return bool(credits) and not text[credits[-1][1] :].strip(" .)\u201d\"")


def _renumber(actors: list[Actor]) -> list[Actor]:
    actors.sort(key=lambda a: a.first_position)
    for i, a in enumerate(actors, 1):
        a.id = f"A{i}"
    return actors
