"""Quotes and attributions: who is reported as saying what, found by readable rules.

:func:`find_quotes` reads a text (a whole article, or the paragraph spans a caller passes) and returns
:class:`Quote` objects: character offsets into the untouched source for the *content* (what was said),
the *cue* (the reporting verb or phrase: ``said``, ``told``, ``according to``) and the *speaker* (the
words naming who said it at that point: ``Zhao``, ``he``, ``a senior official``). Every quote carries
the ``rule`` that found it, in words a student can read. No trained model is used.

>>> text = 'The bridge will open in May, the mayor said. "We are ready," added Lena Ortiz.'
>>> for q in find_quotes(text):
...     print(q.text(text), "|", q.speaker_text, "|", q.rule)
The bridge will open in May | the mayor | reported words followed by "the mayor said" (clause-comma-speaker-verb)
"We are ready," | Lena Ortiz | direct quote followed by "added Lena Ortiz" (quote-comma-verb-speaker)

What it finds
-------------
* direct quotes with their attribution before, after or inside them: ``"...," Lee said.``;
  ``Lee said: "..."``; ``"...," said Lee, the mayor.``; ``"...," she said, "..."`` (one quote spanning
  both pieces); ``"...," Lee said. "..."`` (the second quotation continues the first); a quotation
  over several sentences or paragraphs (each paragraph opens with a mark, only the last one closes);
* reported speech: ``Lee said (that) ...``; ``Lee told reporters ...``; ``according to Lee, ...``;
  ``..., according to Lee``; ``as reported by Lee``; ``..., Lee said.``; ``The plan, Lee said, is
  dead.``; ``..., adding that ...``; ``... and said ...``; any verb of the speech-verb lexicon
  (:mod:`mediakit.lexicon`), whose ``class`` becomes the quote's ``cue_class``;
* mixed quotes: reported speech carrying a quoted fragment (``Lee called the offer "an insult"``);
* follow-on quote paragraphs with no attribution of their own: they inherit the speaker of the quote
  just before them (``inherited=True``) when no other paragraph comes between;
* nested attributions (``officials said the minister had insisted that ...`` gives two quotes),
  anonymous sources (``sources said``, ``an official who asked not to be named said``), headline
  attributions (``..., ministry says``, ``Mayor Says Ferry Will Resume``) and agentless hedges (``are
  alleged to``, ``it is claimed that``), which have no speaker;
* quotations whose verb is not in the lexicon: ``"...," Lee pressed.`` and ``Lee interjected: "..."``
  take the speaker by position; a long quotation inside a sentence with no reporting verb takes the
  sentence's subject (rule ``sentence-subject``); a quotation of 25 words or more that no rule
  attributes is still listed, with no speaker (rule ``unattributed``).

What it misses
--------------
* speech reported through nouns (``Lee's claim that ...``, ``in a statement, Lee's office ...``), most
  passives (``was told by``) and verbs missing from the lexicon;
* a speaker named only in an earlier sentence, unless the quote directly follows that speaker's quote;
* speaker phrases are found by shape (capitalised words, roles, pronouns, the nearest clause boundary),
  not by a parser: an unusual word order can cut a speaker short or make it too long;
* the end of reported words is a guess: they stop at the sentence end, or before ``, which``, ``, but``,
  ``; ``, a participle (``, saying``) or a second verb of the speaker (``and argued``);
* pronouns stay pronouns: resolving ``he`` to a person is another step (see :data:`PRONOUNS`).

Rules it follows
----------------
Matching runs on :func:`mediakit.normalise.normalise` (curly and straight quotes alike); offsets are
mapped back to the source. Double quotation marks (and ``''``) are paired first, the direction read from
the spaces around a mark or from the curly form; curly single quotes count only outside double ones.
Each quotation is then masked so that sentence splitting and the rules see it as one token. Each verb
of the lexicon in a sentence is tried against a few frames: content-then-attribution (``"...," X said``,
``..., X said``), attribution-then-content (``X said ...``), split (``A, X said, B``) and ``according
to``. A verb listed as ``that`` reports only a ``that``/``if``/wh- clause or a quotation; one listed as
``quote`` only a quotation; a form that is also a noun (``reports``) counts only between a clear
speaker and what was said. Reported content starts after the cue (after a listener such as
``reporters`` and time phrases such as ``on Friday``) and includes ``that``; a clause-final attribution
takes the clause before its comma; a direct quote includes its marks.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .lexicon import VerbEntry, lexicon, lookup
from .model import Span
from .normalise import normalise
from .segment import ABBREVIATIONS, sentence_bounds, split_paragraphs

__all__ = ["PRONOUNS", "Quote", "find_quotes", "speaker_kind"]

#: Personal pronouns a speaker span may be; resolve them to actors downstream.
PRONOUNS = frozenset("he she they we i it you him her them us me".split())

# ---------------------------------------------------------------------------------------------------
# word lists (lower case). They describe English news grammar, not any one text.

_DETERMINERS = frozenset(
    "a an the his her their its our my your this these those some any no every each such another".split()
)
_AUX_ADVERBS = frozenset(
    """also has have had would will could should can may might must did does do not never later then
    again previously once recently repeatedly finally simply just often already even still further
    earlier first initially flatly privately publicly openly bluntly angrily quickly reportedly
    allegedly frequently long since now today tonight yesterday subsequently separately similarly
    likewise additionally ultimately immediately quietly famously pointedly memorably""".split()
)
_NOUNS_IN_LY = frozenset("family ally rally assembly supply reply anomaly monopoly bully daily weekly fly".split())
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_TIME_WORDS = _WEEKDAYS | frozenset(
    "week month year night morning afternoon evening weekend today yesterday tonight earlier later".split()
)
_TIME_LEAD = frozenset("on last this late early next earlier later that".split())
# words that end a speaker phrase when walking left from the verb
_CLAUSE_WORDS = frozenset(
    """that which who whom whose when where while because since although though if unless after before
    as but so yet or nor than until whether once whereas despite""".split()
)
_VERBISH = frozenset(
    """is are was were be been being am has have had do does did will would can could should may might
    must shall not to 's""".split()
)
_NP_PREPS = frozenset("of for at from in with to on".split())
_LEAD_TRIM = frozenset(
    """and but so yet or then now still also however meanwhile instead later earlier indeed thus finally
    separately similarly moreover plus asked again even here there today yesterday tonight""".split()
)
_PREPOSITIONS = frozenset(
    """in on at during after before since for with from by over under through throughout following
    about of to into outside inside near amid among against without within upon via per""".split()
)
_ABBREVIATIONS = ABBREVIATIONS | {"u.s", "u.n", "u.k", "d.c"}
_OBJECT_PRONOUNS = frozenset("me him her them us you it".split())
_ROLE_WORDS = frozenset(
    """spokesman spokeswoman spokesperson minister secretary president chairman chairwoman chair director
    official officials officer leader head chief adviser advisor aide aides analyst analysts professor
    expert experts lawyer lawyers attorney senator governor mayor ambassador envoy commissioner
    representative congressman congresswoman candidate campaign manager strategist economist researcher
    researchers author editor correspondent reporter judge prosecutor prosecutors police investigators
    executive ceo founder member members deputy premier chancellor general colonel sheriff coach
    consultant pollster historian scientist scientists doctor spokespeople staff staffer staffers
    negotiator diplomat diplomats activist activists residents critics supporters allies officials
    lawmakers legislators observers insiders people voters witnesses ministry department office agency
    government administration committee commission council party board union group report study poll
    survey statement letter memo filing complaint document documents data figures records newspaper paper
    magazine network website site station channel outlet publication tabloid""".split()
)
# who is told: "told reporters", "told the crowd", "Fox News host Sean Hannity"
_LISTENER_WORDS = _ROLE_WORDS | frozenset(
    """reporters journalists listeners viewers readers students workers delegates donors crowd audience
    paper newspaper panel magazine network station interviewer host moderator""".split()
)
_ANONYMOUS = re.compile(
    r"\b(sources?|insiders?|anonymity|anonymous|unnamed|not (?:be )?(?:to be )?(?:named|identified)|"
    r"familiar with|declined to be (?:named|identified)|speaking on condition)\b",
    re.I,
)
_ORG_WORDS = frozenset(
    """ministry department office agency government administration committee commission council party
    board union group association institute institution foundation university college company corp
    corporation inc ltd bank court parliament congress senate house police army navy campaign times post
    news press network television radio journal magazine agency organisation organization embassy
    authority authorities service services bureau fund league coalition alliance federation centre center
    club firm court""".split()
)
_PLACES = frozenset(
    """afghanistan albania algeria argentina armenia australia austria azerbaijan bahrain bangladesh belarus
    belgium bolivia bosnia brazil britain bulgaria cambodia cameroon canada chile china colombia congo
    croatia cuba cyprus czechia denmark ecuador egypt england estonia ethiopia europe finland france
    georgia germany ghana greece guatemala haiti honduras hungary iceland india indonesia iran iraq
    ireland israel italy japan jordan kazakhstan kenya korea kosovo kuwait laos latvia lebanon libya
    lithuania malaysia mali mexico moldova mongolia montenegro morocco myanmar nepal netherlands nigeria
    norway oman pakistan palestine panama paraguay peru philippines poland portugal qatar romania russia
    rwanda scotland senegal serbia singapore slovakia slovenia somalia spain sudan sweden switzerland syria
    taiwan tajikistan tanzania thailand tunisia turkey uganda ukraine uruguay uzbekistan venezuela vietnam
    wales yemen zambia zimbabwe us usa uk eu washington beijing moscow london paris berlin tokyo brussels
    kyiv kiev tehran ankara delhi islamabad seoul pyongyang taipei canberra ottawa cairo jerusalem
    damascus baghdad kabul riyadh hong kong""".split()
)

_LONG_QUOTE = 8  # words: a quotation this long inside a sentence is speech, not a scare-quoted phrase
_UNATTRIBUTED_WORDS = 25  # words: a quotation this long is listed even when no speaker is found
_TWO_WORD_ADVERBS = frozenset(
    [("in", "particular"), ("in", "fact"), ("in", "turn"), ("at", "least"), ("at", "times"), ("of", "course"),
     ("in", "response"), ("once", "again"), ("last", "week"), ("last", "year"), ("last", "month")]
)
_NUMBER_WORDS = frozenset("a an one two three four five six seven eight nine ten few several".split())
# -ing words that do not open a participle clause (", including ...")
_NOT_PARTICIPLES = frozenset(
    "including according following during regarding concerning something nothing anything everything thing morning evening".split()
)
# ", but ...", ", which ...": reported words usually end before these
_CUT_WORDS = frozenset("but while whereas although though which".split())
_QUANTIFIERS = frozenset("some many most one two three several all none each both few any much".split())
# "a statement saying ...": the statement's author is the speaker
_DOCUMENT_NOUNS = frozenset(
    """statement letter email e-mail message tweet post release report memo note ad advertisement video
    cover text op-ed column essay editorial filing complaint petition document flier mailer""".split()
)
# "knows that", "asked whether": the only openings a "that"-frame verb accepts
_THAT_WORDS = frozenset("that if whether how why what when where who".split())
# what may follow a verb that is also a noun ("reports that", "calls for")
_COMPLEMENT_STARTS = frozenset(
    """that the a an this these those his her their its our my there if whether how why what when where
    for on out to""".split()
)
# "are alleged to", "it is claimed that"
_HEDGE_PARTICIPLES = frozenset("alleged said reported claimed rumored rumoured believed thought understood".split())

# the masked view: quotation interiors become this character, marks become curly
_FILL = "\u2591"
_OPEN, _CLOSE = "\u201c", "\u201d"
# a word is a run of word characters, apostrophes and ampersands in which "." and "-" may stand
# before a word character ("U.S", "co-op"); written as runs of [\w'&] so the engine scans them fast
_TOKEN = re.compile(r"\u201c[^\u201d]*\u201d|[A-Za-z0-9][\w'&]*(?:[.\-](?=\w)[\w'&]*)*|\S")
# the same tokens, each with the whitespace before it: no token starts with a space and every other
# character starts one, so the two groups cover the text and offsets follow from their lengths
_SPACED_TOKEN = re.compile(rf"(\s*)({_TOKEN.pattern})")
_DOUBLE_MARK = re.compile(r"\"|''|``")
_OPENING_SOURCE = "\u201c\u201e\u00ab\u201f"
_CLOSING_SOURCE = "\u201d\u00bb"


# ---------------------------------------------------------------------------------------------------
# the result


@dataclass
class Quote:
    """One attribution: content, cue and speaker as offsets into the source, with the rule that found it.

    ``kind`` is ``"direct"`` (the content is a quotation, marks included), ``"indirect"`` (reported
    speech) or ``"mixed"`` (reported speech carrying a quoted fragment). ``speaker_kind`` is one of
    ``"name"``, ``"pronoun"``, ``"role"``, ``"anonymous"``, ``"organisation"``, ``"place"`` or None.
    ``inherited`` marks a follow-on quote that took its speaker from the quote before it; its speaker
    span is the mention it inherited.
    """

    start: int
    end: int
    kind: str
    cue_start: int | None
    cue_end: int | None
    cue: str | None
    cue_class: str | None
    speaker_start: int | None
    speaker_end: int | None
    speaker_text: str | None
    speaker_kind: str | None
    rule: str
    inherited: bool = False

    def text(self, source: str) -> str:
        return source[self.start : self.end]

    def to_dict(self, source: str) -> dict[str, Any]:
        """A JSON-ready record with the content text included."""
        return {
            "start": self.start,
            "end": self.end,
            "text": source[self.start : self.end],
            "kind": self.kind,
            "cue": self.cue,
            "cue_start": self.cue_start,
            "cue_end": self.cue_end,
            "cue_class": self.cue_class,
            "speaker_text": self.speaker_text,
            "speaker_start": self.speaker_start,
            "speaker_end": self.speaker_end,
            "speaker_kind": self.speaker_kind,
            "rule": self.rule,
            "inherited": self.inherited,
        }


# ---------------------------------------------------------------------------------------------------
# internal records


class _Tok:
    """A token of the masked text: a word, a whole quotation or one punctuation mark.

    ``start``/``end`` are offsets, ``text`` the token, ``low`` its lower case (words only; other
    tokens keep their text) and ``kind`` ``"w"`` (word), ``"q"`` (masked quotation) or ``"p"``
    (punctuation). Made only by :func:`_tokens`, tens of thousands per article set, so it is a bare
    slotted class filled in place (see there) rather than a dataclass.
    """

    __slots__ = ("start", "end", "text", "low", "kind")

    def __repr__(self) -> str:
        return f"_Tok({self.start}, {self.end}, {self.text!r}, {self.kind!r})"


@dataclass
class _Found:
    """An attribution found in the normalised text (offsets in normalised coordinates)."""

    pieces: list[tuple[int, int]]
    kind: str
    cue: tuple[int, int] | None
    entry: VerbEntry | None
    speaker: tuple[int, int] | None
    rule: str
    para: int
    inherited: bool = False

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]


@dataclass(slots=True)
class _Frame:
    """A reporting verb with its speaker, before the content is chosen (token indices).

    ``toks[i:j]`` is the cue, ``spk`` the speaker's (start, end), ``left``/``right`` the extent of the
    whole attribution (speaker, cue and any appositive); ``inverted`` for ``said Lee`` and
    ``according to Lee``; ``participle`` for ``..., adding that``; ``as_by`` for ``as reported by``."""

    i: int
    j: int
    entry: VerbEntry
    spk: tuple[int, ...]
    left: int
    right: int
    inverted: bool
    participle: bool = False
    as_by: bool = False


@dataclass
class _Quotation:
    """A run of text between paired quotation marks; ``pieces`` are its parts per paragraph."""

    start: int
    end: int
    pieces: list[tuple[int, int]]
    claimed: bool = False


# ---------------------------------------------------------------------------------------------------
# public entry points


def find_quotes(source: str, paragraphs: list[Span] | None = None) -> list[Quote]:
    """Find quotes and attributions in ``source``, searching the ``paragraphs`` spans.

    ``paragraphs`` defaults to :func:`mediakit.segment.split_paragraphs` of the whole text. Results are
    sorted by start, one per content span.

    >>> text = 'The bridge will open in May, the mayor said. "We are ready," added Lena Ortiz.'
    >>> [(q.text(text), q.speaker_text, q.kind) for q in find_quotes(text)]
    [('The bridge will open in May', 'the mayor', 'indirect'), ('"We are ready,"', 'Lena Ortiz', 'direct')]
    """
    if paragraphs is None:
        paragraphs = split_paragraphs(source)
    view = normalise(source)
    norm = view.text
    # normalising keeps offsets unless a ligature or zero-width character changed the length
    to_norm = None if view.is_identity else view.to_normalised
    n = len(source)
    if to_norm is None:
        paras = _clean_spans([(max(0, p.start), min(n, p.end)) for p in paragraphs])
    else:
        paras = _clean_spans([(to_norm(max(0, p.start)), to_norm(min(n, p.end))) for p in paragraphs])
    # a single-quoted quotation opens with a curly mark (see _pair_single): none in the source, none sought
    doc = _Doc(norm, paras, lambda i: source[view.to_source(i)], "\u2018" in source)
    found = doc.run()
    quotes = [_to_quote(f, source, norm, view) for f in found]
    return _dedupe(quotes)


# ---------------------------------------------------------------------------------------------------
# offsets


def _clean_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, non-empty, non-overlapping paragraph spans."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s < out[-1][1]:
            s = out[-1][1]
        if e > s:
            out.append((s, e))
    return out


def _to_quote(f: _Found, source: str, norm: str, view: Any) -> Quote:
    """The public record, offsets mapped back to the source."""
    s, e = view.to_source(f.start), view.to_source(f.end)
    cs = ce = ss = se = None
    cue = cue_class = spk = spk_kind = None
    if f.cue:
        cs, ce = view.to_source(f.cue[0]), view.to_source(f.cue[1])
        cue = source[cs:ce]
        cue_class = f.entry.cls if f.entry else None
    if f.speaker:
        ss, se = view.to_source(f.speaker[0]), view.to_source(f.speaker[1])
        spk = source[ss:se]
        spk_kind = speaker_kind(norm[f.speaker[0] : f.speaker[1]])
    return Quote(s, e, f.kind, cs, ce, cue, cue_class, ss, se, spk, spk_kind, f.rule, f.inherited)


def _dedupe(quotes: list[Quote]) -> list[Quote]:
    """Sorted by start, one quote per content span."""
    quotes.sort(key=lambda q: (q.start, q.end, q.inherited))
    out: list[Quote] = []
    seen: set[tuple[int, int]] = set()
    for q in quotes:
        if (q.start, q.end) in seen or q.end <= q.start:
            continue
        seen.add((q.start, q.end))
        out.append(q)
    return out


# ---------------------------------------------------------------------------------------------------
# speaker kinds


_SPEAKER_HEAD_END = re.compile(r",|\s-\s|\(")
_PRONOUN_SPEAKERS = frozenset(form for p in PRONOUNS for form in (p, p.capitalize()))  # "he", "He"...
_SPEAKER_WORD = re.compile(r"[\w'.&-]+")


def speaker_kind(text: str) -> str | None:
    """Classify a speaker phrase: pronoun, anonymous, place, organisation, name or role.

    >>> [speaker_kind(s) for s in ("she", "the sources", "China", "the foreign ministry", "Zhao Lijian")]
    ['pronoun', 'anonymous', 'place', 'organisation', 'name']
    """
    if text in _PRONOUN_SPEAKERS:
        return "pronoun"  # the commonest speaker, answered before the general rules (same answer)
    if _ANONYMOUS.search(text):
        return "anonymous"
    cut = _SPEAKER_HEAD_END.search(text)
    words = _SPEAKER_WORD.findall(text, 0, cut.start()) if cut else _SPEAKER_WORD.findall(text)
    if not words:
        return None
    low = [w.lower().strip(".") for w in words]
    if len(words) == 1 and low[0] in PRONOUNS and not (len(words[0]) > 1 and words[0].isupper()):
        return "pronoun"
    content = [w for w, lw in zip(words, low, strict=True) if lw not in _DETERMINERS]
    if not content:
        return None
    joined = " ".join([w.lower() for w in content])
    if joined in _PLACES or (len(content) <= 2 and all(w.lower() in _PLACES for w in content)):
        return "place"
    head = low[-1]
    if head in _ORG_WORDS or (content[-1].isupper() and len(content[-1]) > 1 and len(content) <= 3):
        return "organisation"
    caps = [w for w in content if w[:1].isupper()]
    if caps and head not in _ROLE_WORDS and (content[-1][:1].isupper()):
        return "name"
    if caps and any(w[:1].isupper() for w in words[-3:]) and not any(lw in _ORG_WORDS for lw in low):
        return "name"
    return "role"


# ---------------------------------------------------------------------------------------------------
# the document walk

_ABBREV_END = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")
_LETTER = re.compile(r"[A-Za-z]")
_COLON_END = re.compile(r":\s*$")


class _Doc:
    """One text: quotation pairing, masking, then attribution rules sentence by sentence."""

    def __init__(self, text: str, paras: list[tuple[int, int]], source_char: Any, single_marks: bool = True) -> None:
        self.text = text
        self.paras = paras
        self.quotations = _pair_quotations(text, paras, source_char, single_marks)
        self.masked = _mask(text, self.quotations)
        self.para_starts = [p[0] for p in paras]
        self.q_begin = [q.start for q in self.quotations]
        self.dangling: dict[int, _Found] = {}  # sentence end -> an attribution still waiting for its quote
        self._title_cache: dict[int, bool] = {}
        self.q_starts = [p[0] for q in self.quotations for p in q.pieces]
        self.q_of_piece = [q for q in self.quotations for _ in q.pieces]

    def title_like(self, pi: int) -> bool:
        """Is paragraph ``pi`` a headline in title case (``Mayor Says Ferry Will Resume``)?"""
        if pi not in self._title_cache:
            from .actors import is_title_case  # the actor finder's headline test; imported late (no cycle)

            ps, pe = self.paras[pi]
            self._title_cache[pi] = pe - ps < 200 and is_title_case(self.text[ps:pe])
        return self._title_cache[pi]

    def quotation_at(self, pos: int) -> _Quotation | None:
        """The quotation covering offset ``pos``, if any."""
        k = bisect_right(self.q_starts, pos) - 1
        if k >= 0:
            q = self.q_of_piece[k]
            if q.start <= pos < q.end:
                return q
        return None

    def run(self) -> list[_Found]:
        """All attributions: sentence rules per paragraph, then quotations that continue or follow
        them, then long quotations nobody claimed."""
        found: list[_Found] = []
        per_para: list[list[_Found]] = []
        for pi, (ps, pe) in enumerate(self.paras):
            here: list[_Found] = []
            for ss, se in self._sentences(ps, pe):
                if not _worth_reading(self.masked, ss, se):
                    continue
                cue_at: list[int] = []
                toks = _tokens(self.masked, ss, se, cue_at)
                if toks:
                    here.extend(_Sentence(self, toks, pi, cue_at).attributions())
            here.extend(self._colon_intro(pi, here))
            per_para.append(here)
        for pi, here in enumerate(per_para):
            here.extend(self._continuations(pi, here, per_para))
            found.extend(here)
        for q in self.quotations:
            if not q.claimed and len(self.text[q.start : q.end].split()) >= _UNATTRIBUTED_WORDS:
                q.claimed = True
                pi = bisect_right(self.para_starts, q.start) - 1
                found.append(_Found([(q.start, q.end)], "direct", None, None, None,
                                    "quotation with no attribution found: speaker unknown (unattributed)", pi))
        return found

    def _sentences(self, ps: int, pe: int) -> list[tuple[int, int]]:
        """Sentences of the masked paragraph; a break after an abbreviation (``U.S.``) before a
        lower-case word is undone."""
        out: list[tuple[int, int]] = []
        for s, e in sentence_bounds(self.masked, ps, pe):
            if out and (self._false_break(out[-1][1], s) or self._attribution_after(out[-1][1], s, e)):
                out[-1] = (out[-1][0], e)
            else:
                out.append((s, e))
        return out

    def _attribution_after(self, prev_end: int, start: int, end: int) -> bool:
        """``"Is it over?" Lee asked.``: a quotation ending in ? or ! followed by its attribution
        (the sentence ``start``-``end``)."""
        if self.masked[prev_end - 1] != _CLOSE or self.masked[prev_end - 2] not in "?!":
            return False
        toks = _tokens(self.masked, start, min(end, start + 80))
        if not toks or toks[0].kind != "w":
            return False
        for i in range(min(6, len(toks))):
            hit = _cue_entry(toks, i)
            if hit and toks[i].low not in hit[0].noun_forms:
                return True
        return False

    def _false_break(self, prev_end: int, start: int) -> bool:
        """``... the U.S. "clearly" needed ...``: a break after an abbreviation before a lower-case word."""
        if self.masked[prev_end - 1] != ".":
            return False  # a sentence ends in a mark, never a space, so "\.$" needs a full stop here
        m = _ABBREV_END.search(self.masked, max(0, prev_end - 12), prev_end)
        if not m or m.group(1).lower() not in _ABBREVIATIONS:
            return False
        first = _LETTER.search(self.text, start, start + 6)
        return bool(first) and first.group(0).islower()

    # -- quotes with no cue of their own ------------------------------------------------------------

    def _colon_intro(self, pi: int, here: list[_Found]) -> list[_Found]:
        """``X said:`` ending a paragraph introduces the next paragraph: its opening quotation, or the
        whole paragraph as a block quotation."""
        ps, pe = self.paras[pi]
        m = _COLON_END.search(self.masked, ps, pe)
        if not m or pi + 1 >= len(self.paras):
            return []
        colon = m.start()
        last = self._sentences(ps, colon)
        toks = _tokens(self.masked, last[-1][0] if last else ps, colon)
        if not toks:
            return []
        hit = None
        for i in range(len(toks) - 1, max(-1, len(toks) - 6), -1):
            e = _cue_entry(toks, i)
            if e and e[0].frame != "prep":
                hit = (i, e)
                break
        sent = _Sentence(self, toks, pi)
        nxt_s, nxt_e = self.paras[pi + 1]
        q = self.quotation_at(nxt_s)
        opens_quote = q is not None and q.start == nxt_s
        if opens_quote and q.claimed:
            return []
        if hit is not None:
            i, (entry, j) = hit
            spk = sent.subject_left(i) or sent.np_right(j)
            cue: tuple[int, int] | None = (toks[i].start, toks[j - 1].end)
        elif opens_quote:
            # no listed verb ("issued the following statement:"): the speaker is the sentence's subject
            i = j = len(toks)
            entry, spk, cue = None, sent._main_subject(len(toks)), None
        else:
            return []
        if spk is None:
            return []
        if opens_quote:
            q.claimed = True
            content, what = (q.start, q.end), "the quotation that opens the next paragraph"
        else:
            content, what = (nxt_s, nxt_e), "the next paragraph, a block quotation"
        # a forward reading of the same cue found nothing after the colon: drop it
        if cue is not None:
            here[:] = [f for f in here if not (f.cue and f.cue[0] == cue[0])]
        sp = (toks[spk[0]].start, toks[spk[1] - 1].end)
        words = _tok_text(toks, (spk[0], max(j, spk[1])))
        return [_Found([content], "direct", cue, entry, sp,
                       f'{what}, introduced by "{words}:" (colon-introduction)', pi)]

    def _continuations(self, pi: int, here: list[_Found], per_para: list[list[_Found]]) -> list[_Found]:
        """Quotations no sentence rule claimed: the quote awaited by ``Lee said in a statement.``, a
        continuation of the paragraph's nearest attribution, or a follow-on paragraph that inherits the
        speaker of the paragraph just before it."""
        ps, pe = self.paras[pi]
        out: list[_Found] = []
        first = bisect_left(self.q_begin, ps)
        last = bisect_left(self.q_begin, pe)
        open_quotes = [q for q in self.quotations[first:last] if not q.claimed]
        for q in open_quotes:
            if not _sentence_like(self.masked, self.text, q, ps):
                continue
            before = self.text[ps : q.start].rstrip()
            frame = self.dangling.get(ps + len(before)) if before else None
            if frame is not None and not frame.pieces:
                q.claimed = True
                frame.pieces = [(q.start, q.end)]
                here.append(frame)
                continue
            anchor = _nearest_attributed(here, q)
            if anchor is not None:
                q.claimed = True
                anchor.pieces = sorted(anchor.pieces + [(q.start, q.end)])
                anchor.rule += "; continued by the quotation that follows in the same paragraph"
                continue
            if q.start != ps or pi == 0 or here:
                continue
            prev = per_para[pi - 1] if self.paras[pi - 1][1] <= ps else []
            if not prev:
                continue
            last = max(prev, key=lambda f: f.end)
            if last.speaker is None:
                continue
            q.claimed = True
            spk_text = self.text[last.speaker[0] : last.speaker[1]]
            out.append(_Found([(q.start, q.end)], "direct", last.cue, last.entry, last.speaker,
                              f'follow-on quotation paragraph with no attribution: inherits "{spk_text}" '
                              "from the paragraph before (follow-on)", pi, inherited=True))
        return out


def _nearest_attributed(here: list[_Found], q: _Quotation) -> _Found | None:
    """The paragraph's attribution a stray quotation continues: the nearest one before it, else after."""
    direct = [f for f in here if f.speaker is not None]
    before = [f for f in direct if f.end <= q.start]
    if before:
        return max(before, key=lambda f: f.end)
    after = [f for f in direct if f.start >= q.end]
    return min(after, key=lambda f: f.start) if after else None


def _sentence_like(masked: str, text: str, q: _Quotation, ps: int) -> bool:
    """A quotation that stands as a sentence (not a scare-quoted word inside one)."""
    s, e = q.pieces[0]
    before = masked[max(ps, s - 3) : s].strip()
    inner = text[q.start : q.end]
    if len(inner.split()) < 3:
        return False
    return s == ps or before[-1:] in ("", ".", "!", "?", _CLOSE, ":")


# ---------------------------------------------------------------------------------------------------
# quotation marks


def _pair_quotations(text: str, paras: list[tuple[int, int]], source_char: Any,
                     single_marks: bool = True) -> list[_Quotation]:
    """Pair double quotation marks paragraph by paragraph; an unclosed quotation continues into a
    following paragraph that opens with a mark, else it ends with its paragraph. ``single_marks``:
    may the source hold an opening curly single quote (else no single-quoted quotation is sought)?"""
    out: list[_Quotation] = []
    open_at: int | None = None
    pieces: list[tuple[int, int]] = []
    piece_start = 0
    for pi, (ps, pe) in enumerate(paras):
        marks = [(m.start(), m.end()) for m in _DOUBLE_MARK.finditer(text, ps, pe)]
        k = 0
        if open_at is not None:
            if marks and marks[0][0] == ps:
                piece_start = ps
                k = 1
            else:
                out.append(_Quotation(open_at, pieces[-1][1], pieces))
                open_at, pieces = None, []
        while k < len(marks):
            ms, me = marks[k]
            role = _mark_role(text, ms, me, ps, pe, source_char(ms))
            if open_at is None:
                if role != "close":
                    open_at, piece_start, pieces = ms, ms, []
            elif role != "open" or _looks_empty(text, piece_start, ms):
                pieces.append((piece_start, me))
                out.append(_Quotation(open_at, me, pieces))
                open_at, pieces = None, []
            else:
                end = _rstrip(text, piece_start, ms)
                pieces.append((piece_start, end))
                out.append(_Quotation(open_at, end, pieces))
                open_at, piece_start, pieces = ms, ms, []
            k += 1
        if open_at is not None:
            pieces.append((piece_start, pe))
            nxt = paras[pi + 1][0] if pi + 1 < len(paras) else None
            if nxt is None or not _DOUBLE_MARK.match(text, nxt):
                out.append(_Quotation(open_at, pe, pieces))
                open_at, pieces = None, []
    doubles = [q for q in out if q.end - q.start > 2]
    singles = _pair_single(text, paras, source_char, doubles) if single_marks else []
    return sorted(doubles + singles, key=lambda q: q.start)


def _pair_single(text: str, paras: list[tuple[int, int]], source_char: Any,
                 doubles: list[_Quotation]) -> list[_Quotation]:
    """Curly single quotes used as quotation marks outside any double quotation (headlines, British
    style): an opening ‘ after a space and the first ’ after it that is not inside a word."""
    out: list[_Quotation] = []
    starts = [q.start for q in doubles]
    for ps, pe in paras:
        k = ps
        while True:
            k = text.find("'", k, pe)
            if k < 0:
                break
            # the cheap test first: most apostrophes sit inside a word ("it's")
            if (k > ps and not (text[k - 1].isspace() or text[k - 1] in "([-:")) or source_char(k) != "\u2018":
                k += 1
                continue
            d = bisect_right(starts, k) - 1
            if d >= 0 and doubles[d].start <= k < doubles[d].end:
                k = doubles[d].end
                continue
            close = k + 1
            while True:
                close = text.find("'", close, pe)
                if close < 0 or close + 1 >= pe or not text[close + 1].isalnum():
                    break
                close += 1
            if close < 0 or close - k < 3:
                k += 1
                continue
            out.append(_Quotation(k, close + 1, [(k, close + 1)]))
            k = close + 1
    return out


def _looks_empty(text: str, s: int, e: int) -> bool:
    return not text[s + 1 : e].strip(" '\"")


def _rstrip(text: str, s: int, e: int) -> int:
    while e > s + 1 and text[e - 1].isspace():
        e -= 1
    return e


def _mark_role(text: str, ms: int, me: int, ps: int, pe: int, original: str) -> str:
    """'open', 'close' or 'either' for a double mark: curly marks say which they are, straight marks
    are read from the spaces around them."""
    if text[ms:me] == "``":
        return "open"
    prev = text[ms - 1] if ms > ps else " "
    nxt = text[me] if me < pe else " "
    space_before = prev.isspace() or prev in "([{-/\u2014"
    space_after = nxt.isspace() or nxt in ".,;:!?)]}-"
    if space_before and not space_after:
        return "open"
    if space_after and not space_before:
        return "close"
    if original in _OPENING_SOURCE:
        return "open"
    if original in _CLOSING_SOURCE:
        return "close"
    return "either"


def _mask(text: str, quotations: list[_Quotation]) -> str:
    """Each quotation piece becomes an opening mark, filler, its last punctuation and a closing mark;
    stray double marks become spaces. Offsets are unchanged."""
    # the same as _DOUBLE_MARK.sub(spaces), quicker: the three marks share no character
    flat = text.replace('"', " ").replace("''", "  ").replace("``", "  ")
    parts: list[str] = []
    last = 0
    for s, e in sorted(p for q in quotations for p in q.pieces):
        if s < last:  # a piece inside another one (cannot happen with paired marks; be safe)
            continue
        inner = text[s + 1 : e].rstrip("\"'")
        end_punct = inner[-1:] if inner[-1:] in (".", "!", "?", ",", ";", ":") and e - s >= 3 else ""
        parts.append(flat[last:s])
        parts.append(_OPEN + _FILL * (e - s - 2 - len(end_punct)) + end_punct + _CLOSE if e - s >= 2 else _OPEN)
        last = e
    parts.append(flat[last:])
    return "".join(parts)


# ---------------------------------------------------------------------------------------------------
# tokens


def _tokens(masked: str, s: int, e: int, cue_at: list[int] | None = None) -> list[_Tok]:
    """Words, masked quotations and punctuation marks of ``masked[s:e]``. Given ``cue_at``, the
    indices of the words in ``_cue_words()`` are appended to it on the way."""
    words = _cue_words() if cue_at is not None else frozenset()
    found = cue_at if cue_at is not None else []
    out = []
    append = out.append
    new = object.__new__  # creating the token bare and setting its slots skips a Python __init__ call
    pos = s
    # findall (strings, no match objects) with offsets counted from the lengths: see _SPACED_TOKEN
    for space, t in _SPACED_TOKEN.findall(masked, s, e):
        a = pos + len(space)
        pos = b = a + len(t)
        tok = new(_Tok)
        tok.text = t
        tok.start = a
        tok.end = b
        if t[0].isalnum():
            tok.low = low = t.lower()
            tok.kind = "w"
            if low in words:
                found.append(len(out))
        else:
            tok.low = t
            tok.kind = "q" if t[0] == _OPEN and b - a > 1 else "p"
            if t in words:  # a cue word that is one mark (none in the packaged lexicon)
                found.append(len(out))
        append(tok)
    return out


def _tok_text(toks: list[_Tok], rng: tuple[int, int]) -> str:
    return " ".join([t.text for t in toks[rng[0] : rng[1]]])


@lru_cache(maxsize=1)
def _multi_forms() -> dict[str, list[tuple[str, str]]]:
    """Phrasal cues by first word: ``according`` -> [("to", "according to")]."""
    out: dict[str, list[tuple[str, str]]] = {}
    for form in lexicon():
        if " " in form:
            first, rest = form.split(" ", 1)
            out.setdefault(first, []).append((rest, form))
    return out


def _cue_entry(toks: list[_Tok], i: int) -> tuple[VerbEntry, int] | None:
    """The lexicon entry of a cue starting at token ``i`` and the index after it."""
    t = toks[i]
    if t.kind != "w":
        return None
    table = lexicon()
    for second, form in _multi_forms().get(t.low, ()):
        if i + 1 < len(toks) and toks[i + 1].low == second:
            return table[form], i + 2
    entry = table.get(t.low)
    if entry is None or entry.frame == "adverb":
        return None
    return entry, i + 1


def _lookup_low(low: str) -> VerbEntry | None:
    """:func:`mediakit.lexicon.lookup` for a token's ``low``, quicker: an ASCII token of the masked
    text is already in the lexicon's key form (lower case, no curly apostrophe, no space)."""
    return lexicon().get(low) if low.isascii() else lookup(low)


@lru_cache(maxsize=1)
def _cue_words() -> frozenset[str]:
    """Every word that can open a cue (``said``, ``according``...), lower case."""
    return frozenset(form.split(" ")[0] for form in lexicon()) | _HEDGE_PARTICIPLES


_WORD = re.compile(r"[A-Za-z]+")
_LOWER_WORD = re.compile(r"[a-z]+")


def _worth_reading(masked: str, s: int, e: int) -> bool:
    """A quick test for a sentence: does it hold a quotation or a word of the lexicon?"""
    if masked.find(_OPEN, s, e) != -1:
        return True
    part = masked[s:e]
    if part.isascii():  # lower-casing ASCII text keeps its letters where they are
        return not _cue_words().isdisjoint(_LOWER_WORD.findall(part.lower()))
    return not _cue_words().isdisjoint(map(str.lower, _WORD.findall(masked, s, e)))


# ---------------------------------------------------------------------------------------------------
# one sentence


class _Sentence:
    """The attribution rules for one sentence of masked tokens."""

    def __init__(self, doc: _Doc, toks: list[_Tok], para: int, cue_at: list[int] | None = None) -> None:
        self.doc = doc
        self.toks = toks
        self.para = para
        self._cue_words_at = cue_at  # see _cue_word_indices; _tokens can list them as it goes

    def _cue_word_indices(self) -> list[int]:
        """Indices of the tokens that are in ``_cue_words()`` (worked out once per sentence)."""
        if self._cue_words_at is None:
            words = _cue_words()
            self._cue_words_at = [k for k, t in enumerate(self.toks) if t.low in words]
        return self._cue_words_at

    @property
    def title_like(self) -> bool:
        """Is the sentence's paragraph a headline in title case (``Mayor Says Ferry Will Resume``)?"""
        return self.doc.title_like(self.para)

    # -- cue candidates -------------------------------------------------------------------------------

    def cues(self) -> list[tuple[int, int, VerbEntry]]:
        """The reporting verbs of the sentence: (first token, token after, lexicon entry)."""
        toks = self.toks
        out = []
        i = 0  # the first token not yet taken by a cue (a phrase such as "according to" takes two)
        for k in self._cue_word_indices():
            if k < i:
                continue
            hit = _cue_entry(toks, k)
            if hit and self._reporting_use(k, hit[0]):
                out.append((k, hit[1], hit[0]))
                i = hit[1]
        return out

    def _reporting_use(self, i: int, entry: VerbEntry) -> bool:
        """Is the word at ``i`` used as a reporting verb (not a noun, adjective or name)?"""
        toks = self.toks
        t = toks[i]
        if entry.frame == "prep":
            return True
        if t.text[0].isupper() and i > 0 and not self.title_like:
            return False
        prev = toks[i - 1].low if i > 0 else ""
        nxt = toks[i + 1].low if i + 1 < len(toks) else ""
        if prev in _DETERMINERS or prev in ("to", "of", "'s"):
            return False
        if t.low in ("called", "named", "dubbed", "titled", "calling") and self._naming(i):
            return False
        if nxt == "of" and t.low in entry.noun_forms:
            return False
        if prev in ("be", "been", "being", "is", "are", "was", "were") and not t.low.endswith("ing"):
            return False
        if t.low in entry.noun_forms:
            return not self.title_like and self._clear_verb(i)
        return True

    def _naming(self, i: int) -> bool:
        """``a group called X``: a participle that names something, not a speaker calling it."""
        toks = self.toks
        k = i - 1
        while k >= 0 and toks[k].kind == "w" and toks[k].low not in _DETERMINERS and i - k <= 4 \
                and not toks[k].text[0].isupper() and toks[k].low not in PRONOUNS:
            k -= 1
        return k >= 0 and k < i - 1 and toks[k].low in ("a", "an", "some")

    def _clear_verb(self, i: int) -> bool:
        """A form that is also a noun (``reports``, ``calls``) is a verb only between a clear speaker
        (a name, a pronoun, a role) and the start of what was said."""
        toks = self.toks
        k = self._skip_left(i)
        if k < 0 or toks[k].kind != "w":
            return False
        subj = toks[k]
        if subj.low.endswith("'s"):
            return False
        if not (subj.low in PRONOUNS or subj.low in ("who", "they") or subj.low in _ROLE_WORDS
                or (subj.text[0].isupper() and "-" not in subj.text and (k == 0 or toks[k - 1].low not in _DETERMINERS))):
            return False
        if i + 1 >= len(toks):
            return True
        nxt = toks[i + 1]
        return (nxt.kind != "w" or nxt.low in _COMPLEMENT_STARTS or nxt.low in PRONOUNS
                or nxt.text[0].isupper())

    # -- the rules ------------------------------------------------------------------------------------

    def attributions(self) -> list[_Found]:
        """Every attribution of the sentence: reporting verbs, hedges, quotations with unlisted verbs."""
        frames = []
        for i, j, entry in self.cues():
            fr = self.frame(i, j, entry)
            if fr is not None:
                frames.append(fr)
        out: list[_Found] = []
        for fr in frames:
            f = self.content(fr, frames)
            if f is not None:
                out.append(f)
            elif self._closes_sentence(fr):
                self.doc.dangling[self.toks[-1].end] = self._dangling(fr)
        out.extend(self.hedges())
        out.extend(self.unlisted_verbs())
        return out

    def _closes_sentence(self, fr: _Frame) -> bool:
        """``Lee said in a statement.``: a frame with nothing after it but adjuncts."""
        toks = self.toks
        end = len(toks)
        while end > 0 and toks[end - 1].kind == "p" and toks[end - 1].text in ".:":
            end -= 1
        after = self._after_frame(fr.right, fr.entry)
        return end > 0 and toks[end - 1].kind != "q" and fr.left == 0 and self._adjunct_only(after, end)

    def _dangling(self, fr: _Frame) -> _Found:
        """An attribution with no content yet: the next sentence's quotation may complete it."""
        toks = self.toks
        i, j, spk = fr.i, fr.j, fr.spk
        words = _tok_text(toks, (spk[0], j)) if not fr.inverted else _tok_text(toks, (i, spk[1]))
        return _Found([], "direct", (toks[i].start, toks[j - 1].end), fr.entry,
                      (toks[spk[0]].start, toks[spk[1] - 1].end),
                      f'quotation in the sentence after "{words}." (attribution-then-quote)', self.para)

    def unlisted_verbs(self) -> list[_Found]:
        """Quotations whose attribution has no verb of the lexicon: ``"...," Lee pressed.``;
        ``Lee interjected: "..."``; ``Lee referenced a report that "..."``."""
        toks = self.toks
        out: list[_Found] = []
        if not toks or self.doc.masked.find(_OPEN, toks[0].start, toks[-1].end) == -1:
            return out  # no quotation token: every one opens with the mark
        end = len(toks)
        while end > 0 and toks[end - 1].kind == "p" and toks[end - 1].text in ".!?":
            end -= 1
        for x in [x for x, t in enumerate(toks) if t.kind == "q"]:
            t = toks[x]
            q = self.doc.quotation_at(t.start)
            if q is None or q.claimed:
                continue
            long_quote = len(self.doc.text[q.start : q.end].split()) >= _LONG_QUOTE
            after_colon = x == end - 1 and x >= 3 and toks[x - 1].text in (":", ",")
            found = None
            if x == 0 and t.text[-2:-1] in (",", "?", "!") and 2 <= end - 1 <= 6:
                spk = self._np_after_quote(1, end)
                if spk is not None:
                    found = self._quote_found(q, spk, (spk[1], spk[1] + 1), f'direct quote followed by '
                                              f'"{_tok_text(toks, (1, end))}", a verb outside the lexicon '
                                              "(quote-comma-speaker-verb)")
            elif after_colon:
                spk = self._main_subject(x - 1)
                if spk is not None:
                    found = self._quote_found(q, spk, None, f'direct quote ending a sentence after '
                                              f'"{toks[x - 1].text}", speaker "{_tok_text(toks, spk[:2])}" from the '
                                              "start of the sentence (clause-colon-quote)")
            elif x >= 2 and long_quote:
                spk = self._main_subject(x)
                if spk is not None:
                    found = self._quote_found(q, spk, None, f'direct quote inside a sentence with no reporting verb, '
                                              f'speaker "{_tok_text(toks, spk[:2])}" from the start of the sentence '
                                              "(sentence-subject)")
            if found is not None:
                out.append(found)
        return out

    def _quote_found(self, q: _Quotation, spk: tuple[int, ...], cue: tuple[int, int] | None, rule: str) -> _Found:
        toks = self.toks
        q.claimed = True
        cue_span = (toks[cue[0]].start, toks[cue[1] - 1].end) if cue else None
        return _Found([(q.start, q.end)], "direct", cue_span, None, (toks[spk[0]].start, toks[spk[1] - 1].end),
                      rule, self.para)

    def _np_after_quote(self, s: int, end: int) -> tuple[int, int] | None:
        """``Hannity pressed`` / ``the crowd roared``: a short name, pronoun or role phrase and one verb."""
        toks = self.toks
        v = end - 1
        verb = toks[v]
        if verb.kind != "w" or not verb.text[0].islower() or not (verb.low.endswith("ed") or verb.low.endswith("s")):
            return None
        if v - s < 1 or v - s > 4:
            return None
        words = toks[s:v]
        if any(w.kind != "w" and w.text != "." for w in words):
            return None
        head = toks[v - 1]
        if not (head.text[0].isupper() or head.low in PRONOUNS or head.low in _LISTENER_WORDS):
            return None
        if head.low in _VERBISH or head.low in _CLAUSE_WORDS:
            return None
        return s, v

    def frame(self, i: int, j: int, entry: VerbEntry) -> _Frame | None:
        """Locate the speaker and the extent of the attribution frame around the cue ``toks[i:j]``."""
        toks = self.toks
        if entry.frame == "prep":
            spk = self.np_right(j)
            if spk is None:
                return None
            return _Frame(i, j, entry, spk, i, spk[1], True)
        if i > 0 and toks[i - 1].low == "as" and j < len(toks) and toks[j].low == "by":
            # "as reported by X": read like "according to X"
            spk = self.np_right(j + 1)
            if spk is None:
                return None
            return _Frame(i - 1, j + 1, entry, spk, i - 1, spk[1], True, as_by=True)
        if toks[i].low.endswith("ing") and i > 0 and (toks[i - 1].text == "," or toks[i - 1].low in _DOCUMENT_NOUNS
                                                       or self._adverbial_participle(i)):
            return self._participle(i, j, entry)
        spk = self.subject_left(i)
        if spk is not None:
            return _Frame(i, j, entry, spk, spk[2], j, False)
        k = self._skip_left(i)
        if k < 0 or toks[k].kind == "q" or toks[k].text in (",", ":", ";", "-"):
            spk = self.np_right(j, after_quote=k >= 0 and (toks[k].kind == "q" or toks[k - 1].kind == "q"))
            if spk is not None:
                return _Frame(i, j, entry, spk, k + 1, spk[1], True)
        return None

    def _adverbial_participle(self, i: int) -> bool:
        """``..., while also saying that``, ``after telling reporters``: an -ing cue after a conjunction."""
        toks = self.toks
        k = i - 1
        while k > 0 and toks[k].low in ("also", "again", "repeatedly", "later", "first"):
            k -= 1
        return toks[k].low in ("while", "after", "before", "by", "when", "without", "in", "upon") and k > 0

    def _participle(self, i: int, j: int, entry: VerbEntry) -> _Frame | None:
        """``..., adding that ...``: the speaker is the subject of the clause before the comma."""
        spk = self._main_subject(i - 1)
        for k in range(i - 2, -1, -1):
            if spk is not None:
                break
            hit = _cue_entry(self.toks, k)
            if hit and not self.toks[k].low.endswith("ing"):
                spk = self.subject_left(k) or self.np_right(hit[1])
                break
        if spk is None:
            return None
        return _Frame(i, j, entry, (spk[0], spk[1]), i - 1, j, False, participle=True)

    def content(self, fr: _Frame, frames: list[_Frame]) -> _Found | None:
        """Choose the content for a frame: after the cue (forward), before it (backward) or around it."""
        toks = self.toks
        end = len(toks)
        while end > fr.right and toks[end - 1].kind == "p" and toks[end - 1].text in ".;:!?":
            end -= 1
        prep = fr.entry.frame == "prep" or fr.as_by
        if prep and fr.left == 0:
            return self._according_first(fr, end)
        that_at = self._that_start(fr.right, fr.entry)
        after = self._after_frame(fr.right, fr.entry)
        if that_at is None and not fr.participle and self._closes_clause(fr, after, end):
            return self._backward(fr, frames, after, end)
        if prep:
            return self._according_last(fr, frames)
        if fr.inverted:
            return None
        return self._forward(fr, frames, that_at if that_at is not None else after, end)

    def _closes_clause(self, fr: _Frame, after: int, end: int) -> bool:
        """Does the frame follow the content (``..., X said [on Friday].``, ``"...," X told reporters``)?"""
        toks = self.toks
        left = fr.left
        if left == 0 or not (toks[left - 1].text in (",", ":") or toks[left - 1].kind == "q"):
            return False
        if toks[left].low in ("and", "but"):
            return False  # "... and said ...": a second verb of the sentence's subject
        if after >= end or toks[after].text == "," or self._adjunct_only(after, end):
            return True
        if fr.entry.frame == "tell" and after == fr.right and self._loose_listener(after, end):
            return True  # "..., he told the court in his filing."
        # after a quotation a short tail is the listener or the circumstances: '"...," he told the panel'
        return toks[left - 1].kind == "q" and (end - after <= 10 or left == 1) and toks[after].kind != "q"

    def _according_first(self, fr: _Frame, end: int) -> _Found | None:
        """``According to X, CONTENT``: the words after the comma that closes the speaker."""
        k = fr.right
        while k < end and self.toks[k].text != ",":
            k += 1
        return self._make(k + 1, end, fr, "according-first") if k + 1 < end else None

    def _according_last(self, fr: _Frame, frames: list[_Frame]) -> _Found | None:
        """``CONTENT according to X`` with no comma before the frame."""
        left = fr.left
        if left == 0:
            return None
        c_end = left - 1 if self.toks[left - 1].text == "," else left
        c_start = self._clause_start(c_end, frames)
        return self._make(c_start, c_end, fr, "backward") if c_start < c_end else None

    def _backward(self, fr: _Frame, frames: list[_Frame], after: int, end: int) -> _Found | None:
        """Content before the frame, and after it too when the frame sits inside the content."""
        toks = self.toks
        c_end = fr.left if toks[fr.left - 1].kind == "q" else fr.left - 1
        c_start = self._clause_start(c_end, frames)
        quote_before = toks[c_end - 1].kind == "q"
        if c_start >= c_end or (fr.entry.frame == "quote" and not quote_before):
            return None
        if not quote_before and self._adverbial(c_start, c_end) and after < end and toks[after].text != ",":
            return None  # "In fact, Lee said ...": not reported words
        if quote_before and toks[c_end - 1].text[-2:-1] == ",":
            # '"A," X said on Friday, "B"': the quotation resumes after the attribution and its asides
            resume = next((m for m in range(after, end - 1) if toks[m].text == "," and toks[m + 1].kind == "q"), None)
            if resume is not None:
                after = resume
        if after + 1 < end and toks[after].text == "," and self._parenthetical(fr, c_end, after + 1):
            stop = self._forward_stop(after + 1, end, frames, fr)
            if not quote_before and self._adverbial(c_start, c_end):
                return self._make(after + 1, stop, fr, "opener")
            return self._make(c_start, stop, fr, "parenthetical", split=(c_end, after + 1))
        return self._make(c_start, c_end, fr, "backward")

    def _forward(self, fr: _Frame, frames: list[_Frame], start: int, end: int) -> _Found | None:
        """``SPEAKER CUE [listener] [time] [that] CONTENT``."""
        toks = self.toks
        while start < end and toks[start].text in (",", ":"):
            start += 1
        if start >= end:
            return None
        first = toks[start]
        frame = fr.entry.frame
        if frame == "quote" and first.kind != "q":
            return None
        if frame == "that" and first.kind != "q" and first.low not in _THAT_WORDS:
            return None
        if first.low in _VERBISH and first.low != "to":
            return None
        if first.low in _PREPOSITIONS and first.low not in ("to", "of", "for", "on"):
            return None  # "reported from Washington", "spoke at a rally": a place or time, not words
        stop = self._forward_stop(start, end, frames, fr)
        if stop - start < 2 and not (stop - start == 1 and first.kind == "q"):
            return None
        return self._make(start, stop, fr, "forward")

    def _parenthetical(self, fr: _Frame, c_end: int, after: int) -> bool:
        """After ``A, X said,`` does the content go on (``B``), or is it an appositive or adjunct?

        A quotation before the frame goes on only with another quotation (a split quote); reported
        words go on unless what follows opens a participle, an adverbial or (after ``said X``) an
        appositive such as ``a lawyer in Ohio``."""
        toks = self.toks
        a = toks[after]
        if a.kind == "q" or a.low == "that":
            return True
        if toks[c_end - 1].kind == "q":
            return False
        if a.low.endswith("ing") or a.low in _PREPOSITIONS or a.low in _CLAUSE_WORDS:
            return False
        if fr.inverted and (a.low in _DETERMINERS or a.low in _ROLE_WORDS or a.text[0].isdigit()
                               or a.low.endswith("'s")):
            return False
        return True

    def _adverbial(self, s: int, e: int) -> bool:
        """``Many days, X said, ...``, ``After all, he said, ...``: a short opener that is not itself
        reported (a time, a linking phrase)."""
        toks = self.toks
        first = toks[s]
        short = e - s <= 3 and (first.low not in _DETERMINERS or any(t.low in _TIME_WORDS for t in toks[s:e]))
        opener = (first.low in _PREPOSITIONS or first.low in _CLAUSE_WORDS or first.low in _LEAD_TRIM
                  or first.low in _TIME_LEAD or first.low in _TIME_WORDS)
        return short or opener

    def _forward_stop(self, start: int, end: int, frames: list[_Frame], fr: _Frame) -> int:
        """Forward content ends at the sentence end, or before a later clause-final frame (``, X said``)
        or a participle cue (``, adding that``)."""
        for other in frames:
            if other is fr:
                continue
            ol = other.left
            if start < ol <= end and ol > 0 and self.toks[ol - 1].text == ",":
                if other.participle or self._is_closing_frame(other, end):
                    end = ol - 1
            elif start + 1 < ol < end and self.toks[ol - 1].low in ("and", "but") and not other.participle:
                end = ol - 2 if self.toks[ol - 2].text == "," else ol - 1
        return self._clause_end(start, end)

    def _embedded(self, m: int, end: int) -> bool:
        """``the talks, which started in 2009, remained ...``: a relative clause closed by a comma and
        followed by the verb it interrupted."""
        toks = self.toks
        for x in range(m + 1, end - 1):
            if toks[x].text == ",":
                nxt = toks[x + 1]
                return nxt.kind == "w" and nxt.text[0].islower() and not nxt.low.endswith("ing") \
                    and nxt.low not in _CLAUSE_WORDS and nxt.low not in _DETERMINERS and nxt.low not in _LEAD_TRIM
        return False

    def _clause_end(self, start: int, end: int) -> int:
        """Reported words end before a new clause that is not part of them: ``, compared with``
        (a participle), ``and argued`` (a second verb of the same speaker), ``: "..."`` or ``;``."""
        toks = self.toks
        for m in range(start + 2, end):
            t = toks[m]
            prev = toks[m - 1]
            comma = prev.text == "," or (prev.kind == "q" and prev.text[-2:-1] == ",")
            cut = m - 1 if prev.text == "," else m
            if t.text == ";":
                return m
            if comma and t.kind == "w" and t.low.endswith("ing") and t.low not in _NOT_PARTICIPLES:
                return cut
            if comma and t.low in _CUT_WORDS and not (t.low == "which" and self._embedded(m, end)):
                return cut
            if comma and t.low in ("a", "an"):
                return cut
            if t.low in ("and", "but") and m + 1 < end:
                k = m + 1
                while k < end - 1 and (toks[k].low in ("then", "also", "later", "again", "even", "still")
                                       or (toks[k].low.endswith("ly") and toks[k].low not in _NOUNS_IN_LY)):
                    k += 1
                nxt = toks[k]
                if nxt.kind == "w" and nxt.text[0].islower() and _lookup_low(nxt.low):
                    return m - 1 if prev.text == "," else m
        return end

    def _is_closing_frame(self, fr: _Frame, end: int) -> bool:
        """Does nothing but adjuncts (or a comma) follow the frame?"""
        r = fr.right
        return r >= end or self._adjunct_only(r, end) or self.toks[r].text == ","

    def _clause_start(self, c_end: int, frames: list[_Frame]) -> int:
        """Backward content starts at the sentence start, or after an earlier frame in the sentence."""
        start = 0
        for other in frames:
            if other.right < c_end and other.right > start and not other.participle:
                r = other.right
                if r < len(self.toks) and self.toks[r].text in (",", ":"):
                    start = r + 1
        toks = self.toks
        while start < c_end and toks[start].kind == "p" and toks[start].text not in "([":
            start += 1
        return start

    def _make(self, s: int, e: int, fr: _Frame, shape: str,
              split: tuple[int, int] | None = None) -> _Found | None:
        """The attribution for content tokens ``[s, e)`` (minus ``split``, the frame inside a
        parenthetical); None when too little is left to be reported words."""
        toks = self.toks
        while e > s and toks[e - 1].kind == "p" and toks[e - 1].text in ",;:-":
            e -= 1
        if e <= s:
            return None
        inner = toks[s:e] if split is None else toks[s : split[0]] + toks[split[1] : e]
        quotes = [t for t in inner if t.kind == "q"]
        n_words = len([t for t in inner if t.kind == "w"])
        if not quotes and n_words < 2:
            return None
        cs, ce = toks[s].start, toks[e - 1].end
        # a quotation reaching into other paragraphs is content as a whole
        if toks[e - 1].kind == "q":
            ce = max(ce, self.doc.quotation_at(toks[e - 1].start).end)
        if toks[s].kind == "q":
            cs = min(cs, self.doc.quotation_at(cs).start)
        cue = (toks[fr.i].start, toks[fr.j - 1].end)
        if split is None and cue[0] < ce and cue[1] > cs:
            return None
        for t in quotes:
            self.doc.quotation_at(t.start).claimed = True
        kind = "indirect" if not quotes else ("direct" if not n_words else "mixed")
        speaker = (toks[fr.spk[0]].start, toks[fr.spk[1] - 1].end)
        return _Found([(cs, ce)], kind, cue, fr.entry, speaker, self._rule(fr, shape, kind), self.para)

    def _rule(self, fr: _Frame, shape: str, kind: str) -> str:
        """The rule in words: what was found, around which attribution, and the pattern's short name."""
        toks = self.toks
        cue = _tok_text(toks, (fr.i, fr.j))
        spk = _tok_text(toks, fr.spk[:2])
        words = f"{cue} {spk}" if fr.inverted else f"{spk} {cue}"
        what = {"direct": "direct quote", "mixed": "reported words with a quoted fragment"}.get(kind, "reported words")
        unit = "quote" if kind == "direct" else "clause"
        if fr.participle:
            return f'{what} after ", {cue}", speaker "{spk}" from the main clause (participle)'
        if fr.entry.frame == "prep" or fr.as_by:
            if shape == "according-first":
                return f'{what} after "{_tok_text(toks, (fr.i, fr.right))}," (according-to-first)'
            if shape == "backward":
                return f'{what} followed by "{words}" (according-to-last)'
        order = "verb-speaker" if fr.inverted else "speaker-verb"
        return {
            "backward": f'{what} followed by "{words}" ({unit}-comma-{order})',
            "parenthetical": f'{what} on both sides of "{words}" (split-{unit})',
            "forward": f'{what} after "{words}" (speaker-verb-{unit})',
            "opener": f'{what} after "{words}", which follows a short opening phrase (opener-speaker-verb-{unit})',
        }[shape]

    # -- adjuncts and listeners --------------------------------------------------------------------

    def _that_start(self, k: int, entry: VerbEntry) -> int | None:
        """``said on Friday that``, ``told CNN that``: the index of ``that`` when only a listener or
        adjunct words stand between it and the cue."""
        toks = self.toks
        n = len(toks)
        for m in range(k + 1, min(n, k + 12)):
            t = toks[m]
            if t.low == "that":
                between = toks[k:m]
                first = between[0]
                if (first.low in _PREPOSITIONS or first.low in _TIME_WORDS or first.low in _TIME_LEAD
                        or first.low in _OBJECT_PRONOUNS or first.text[0].isupper()
                        or (entry.frame == "tell" and first.kind == "w")):
                    if not any(b.low in _VERBISH or (b.kind == "q" and first.low not in _PREPOSITIONS)
                               or _lookup_low(b.low) for b in between):
                        return m
                return None
            if t.kind == "q" or t.text in ".;,":
                return None
        return None

    def _after_frame(self, k: int, entry: VerbEntry) -> int:
        """Skip a listener (``told reporters``), time phrases and ``in a statement`` after the cue."""
        if entry.frame == "tell":
            k = self._listener(k)
        return self._time_phrase(k)

    def _loose_listener(self, k: int, end: int) -> bool:
        """``..., he told the court in his filing.``: a short phrase after ``told`` that closes the sentence."""
        toks = self.toks
        m = k
        while m < end and m - k < 5 and toks[m].kind == "w" and toks[m].low not in _VERBISH \
                and toks[m].low not in _CLAUSE_WORDS:
            m += 1
        return m > k and (m >= end or toks[m].text == "," or self._adjunct_only(m, end))

    def _listener(self, k: int) -> int:
        """The listener after ``told``/``asked``: a pronoun, ``reporters``, ``the crowd``, a name or
        ``moderator John Dickerson``."""
        toks = self.toks
        n = len(toks)
        if k < n and toks[k].kind == "q" and (k + 1 == n or toks[k + 1].kind != "w"):
            return k + 1  # a programme title: told "Fox and Friends"
        if k >= n or toks[k].kind != "w":
            return k
        if toks[k].low in _OBJECT_PRONOUNS:
            return k + 1
        m = k
        if toks[m].low in ("the", "a", "an", "his", "her", "their"):
            m += 1
        lead = m
        while m < n and m - lead < 2 and toks[m].kind == "w" and toks[m].low in _LISTENER_WORDS:
            m += 1
        while m < n and toks[m].kind == "w" and (toks[m].text[0].isupper() and toks[m].low != "i"
                                                 or (m > lead and (toks[m].low in ("of", "and")
                                                                   or toks[m].text.isdigit()))):
            m += 1
        if m < n and toks[m].text == "." and toks[m - 1].low in _ABBREVIATIONS:
            m += 1
        # "Fox News host Sean Hannity"
        if m > lead and m + 1 < n and toks[m].low in _LISTENER_WORDS and toks[m + 1].text[0].isupper():
            m += 1
            while m < n and toks[m].kind == "w" and toks[m].text[0].isupper():
                m += 1
        return m if m > lead else k

    def _time_phrase(self, k: int) -> int:
        """Skip ``on Friday``, ``last week``, ``Tuesday night`` and ``in a statement (on ...)`` at ``k``."""
        toks = self.toks
        n = len(toks)
        if k < n and toks[k].low in _TIME_LEAD and k + 1 < n and toks[k + 1].low in _TIME_WORDS:
            k += 2
        elif k < n and toks[k].low in _WEEKDAYS:
            k += 1
        if k < n and toks[k].low in ("night", "morning", "afternoon", "evening"):
            k += 1
        if k + 2 < n and toks[k].low == "in" and toks[k + 1].low in ("a", "an") and toks[k + 2].low in (
                "statement", "interview", "speech", "tweet", "post", "letter", "email", "memo", "release",
                "radio", "televised", "video", "op-ed", "press"):
            m = k + 3
            while m < n and toks[m].kind == "w" and toks[m].low not in ("that",) and m < k + 8 \
                    and (toks[m].text[0].isupper() or toks[m].low in ("release", "interview", "conference",
                                                                        "call", "with", "on", "the")):
                m += 1
            k = m
        return k

    def _adjunct_only(self, k: int, end: int) -> bool:
        """The words from ``k`` to the sentence end are only adjuncts (``in an interview on Friday``)."""
        toks = self.toks
        if k >= end:
            return True
        if toks[k].text == ",":
            k += 1
        if k >= end:
            return True
        first = toks[k]
        if first.kind == "q":
            return False
        if first.low.endswith("ly") and first.low not in _NOUNS_IN_LY and first.text[0].islower():
            return self._adjunct_only(k + 1, end)
        if first.low.endswith("ing") and first.text[0].islower():
            return True
        if first.low == "to" and k + 1 < end and not (toks[k + 1].low in _DETERMINERS or toks[k + 1].low in PRONOUNS
                                                      or toks[k + 1].text[0].isupper()):
            return False
        if first.low in _PREPOSITIONS or first.low in _TIME_WORDS or first.low in _TIME_LEAD \
                or first.low in ("as", "when", "while", "after", "before", "because", "referring", "citing",
                                 "though", "although", "without", "if", "until", "who"):
            return not any(t.low == "that" for t in toks[k : min(end, k + 4)])
        if first.low in _OBJECT_PRONOUNS or first.low in ("reporters", "supporters", "voters", "journalists"):
            return self._adjunct_only(k + 1, end)
        if first.text[0].isupper() and end - k <= 4:
            return True
        return False

    # -- speakers -------------------------------------------------------------------------------------

    def _skip_left(self, i: int) -> int:
        """Index of the last token before the cue that is not an auxiliary, adverb, time phrase or
        aside between commas (``, for example,``)."""
        toks = self.toks
        k = i - 1
        progressive = toks[i].low.endswith("ing")
        while k >= 0:
            t = toks[k]
            if progressive and t.low in ("is", "are", "was", "were", "been", "be"):
                k -= 1
                continue
            if t.text == "," and k > 1:
                m = k - 1
                while m > 0 and k - m <= 7 and toks[m].text != "," and toks[m].kind == "w":
                    m -= 1
                if toks[m].text == "," and m + 1 < k and (toks[m + 1].low in _PREPOSITIONS
                                                          or toks[m + 1].low in _LEAD_TRIM):
                    k = m - 1
                    continue
                break
            if t.kind != "w":
                break
            low = t.low
            if low in _AUX_ADVERBS or low == "n't" or (low.endswith("ly") and low not in _NOUNS_IN_LY
                                                        and not t.text[0].isupper()):
                k -= 1
                continue
            if low in _TIME_WORDS and k > 0 and toks[k - 1].low in _TIME_LEAD | {"on"}:
                k -= 2
                continue
            if low in ("night", "morning", "afternoon", "evening") and k > 1 and toks[k - 1].low in _WEEKDAYS:
                k -= 2
                if k >= 0 and toks[k].low == "on":
                    k -= 1
                continue
            if low in _WEEKDAYS:
                k -= 1
                continue
            if low in ("past", "time", "moment", "end", "least", "first", "once") and k > 1 \
                    and toks[k - 1].low in ("the", "at", "last") and toks[k - 2].low in ("in", "at", "for"):
                k -= 3
                continue
            if k > 0 and (toks[k - 1].low, low) in _TWO_WORD_ADVERBS:
                k -= 2
                continue
            if low == "ago":
                # "two weeks ago", "less than a year ago"
                k -= 1
                while k >= 0 and (toks[k].low in _TIME_WORDS or toks[k].low in _NUMBER_WORDS
                                  or toks[k].text.isdigit() or toks[k].low in ("weeks", "days", "months", "years",
                                                                              "hours", "than", "less", "more")):
                    k -= 1
                continue
            break
        return k

    def subject_left(self, i: int) -> tuple[int, int, int] | None:
        """The speaker phrase ending just before the cue: (start, end, frame start) token indices."""
        toks = self.toks
        k = self._skip_left(i)
        if k < 0:
            return None
        t = toks[k]
        if t.kind == "w" and t.low in ("who", "which", "that"):
            ante = self._antecedent(k)
            if ante is None:
                return None
            return ante[0], k + 1, ante[0]
        if t.low in ("and", "but") and k > 0:
            return self._main_subject(k)
        if t.text == ",":
            return self._appositive_subject(k)
        if t.text == "-" and t.start > toks[k - 1].end:
            # "The US and its allies - including Britain - have said"
            m = k - 1
            while m > 0 and k - m <= 15 and not (toks[m].text == "-" and toks[m].start > toks[m - 1].end):
                m -= 1
            if m > 0 and toks[m].text == "-" and toks[m - 1].kind == "w":
                name = self._np_left(m - 1)
                if name is not None and self._clause_opens(name[0]):
                    return name[0], k, name[0]
            return None
        if t.text == "." and k > 0 and (toks[k - 1].low in _ABBREVIATIONS or "." in toks[k - 1].text):
            k -= 1  # "the F.B.I. said", "Acme Inc. said"
            t = toks[k]
        if t.kind != "w" and t.text != ")":
            return None
        if t.low in _CLAUSE_WORDS or t.low in _VERBISH or t.low in _PREPOSITIONS:
            return None
        span = self._np_left(k)
        if span is None:
            return None
        s, e = span
        # "a senior official who asked not to be named said", "people familiar with the talks said"
        rel = self._relative_subject(s, i)
        if rel is not None:
            return rel, e, rel
        # "Name, role for the agency said": include the name before the appositive comma
        if s > 1 and toks[s - 1].text == "," and self._appositive_start(s):
            name = self._np_left(s - 2)
            if name is not None and toks[name[1] - 1].text[0].isupper() and self._clause_opens(name[0]):
                return name[0], e, name[0]
        return s, e, s

    def _clause_opens(self, s: int) -> bool:
        """Does a clause start at token ``s`` (sentence start, after a comma, colon or quotation)?"""
        toks = self.toks
        return s == 0 or toks[s - 1].text in (",", ":", ";", "-", "(") or toks[s - 1].kind == "q" \
            or toks[s - 1].low in _LEAD_TRIM

    def _relative_subject(self, s: int, i: int) -> int | None:
        """Start of ``NOUN who ...`` / ``people familiar with ...`` when the phrase ending at ``s`` is
        the tail of a relative or participle clause that describes the speaker."""
        toks = self.toks
        for w in range(s - 1, max(-1, s - 12), -1):
            t = toks[w]
            if t.kind != "w":
                return None
            if t.low in ("who", "familiar") or (t.low in ("speaking", "briefed") and w < s - 1):
                ante = self._np_left(w - 1) if w > 0 and toks[w - 1].kind == "w" else None
                if ante is not None and self._names_someone(*ante) and not any(
                        _lookup_low(x.low) and x.low not in ("asked",) for x in toks[w + 1 : s]):
                    return ante[0]
                return None
        return None

    def _main_subject(self, k: int) -> tuple[int, int, int] | None:
        """``Lee arrived late and said ...``: the subject at the start of the sentence, after an opening
        phrase such as ``On Friday,`` or ``Facing criticism,``."""
        toks = self.toks
        s = 0
        first = toks[0]
        if first.low in _PREPOSITIONS or first.low in _CLAUSE_WORDS or first.low in _LEAD_TRIM \
                or first.low in _TIME_WORDS or first.low in _TIME_LEAD or first.low.endswith("ing"):
            for m in range(1, min(k, 25)):
                if toks[m].text == "," or (toks[m].kind == "q" and toks[m].text[-2:-1] == ","):
                    s = m + 1
                    break
                if toks[m].kind == "q":
                    break
        else:
            # a dateline: "WASHINGTON (AP) -", "New York, June 24 (UPI) -"
            for m in range(1, min(k, 12)):
                if toks[m].text == "-" and toks[m - 1].text == ")":
                    s = m + 1
                    break
        while s < k and toks[s].low in _LEAD_TRIM:
            s += 1
        m = s
        while m < k and m - s < 10:
            t = toks[m]
            if t.kind == "p":
                if t.text == "." and m > s and toks[m - 1].low in _ABBREVIATIONS:
                    m += 1
                    continue
                if t.text == "(" and m > s:
                    close = next((x for x in range(m + 1, min(k, m + 7)) if toks[x].text == ")"), None)
                    if close is not None:
                        m = close + 1
                        continue
                break
            if not (t.text[0].isupper() or t.low in _DETERMINERS or t.low in _ROLE_WORDS or t.low in PRONOUNS
                    or t.low == "of" or t.low.endswith("'s")
                    or (m > s and toks[m - 1].low in _DETERMINERS and not self._verb_like(t))):
                break
            m += 1
            if t.low in PRONOUNS:
                break
        while m > s and (toks[m - 1].low in _DETERMINERS or toks[m - 1].low == "of" or toks[m - 1].kind == "p"):
            m -= 1
        if m == s:
            return None
        return s, m, k

    @staticmethod
    def _verb_like(t: _Tok) -> bool:
        return (t.low in _VERBISH or t.low in _AUX_ADVERBS or _lookup_low(t.low) is not None
                or t.low.endswith("ed") or (t.low.endswith("ly") and t.low not in _NOUNS_IN_LY))

    def _antecedent(self, k: int) -> tuple[int, int] | None:
        """The phrase a relative ``who``/``which`` at ``k`` refers to: ``Lee, who said``."""
        toks = self.toks
        m = k - 1
        if m >= 0 and toks[m].text == ",":
            m -= 1
        if m < 0 or (toks[m].kind != "w" and toks[m].text != ")"):
            return None
        return self._np_left(m)

    def _appositive_start(self, s: int) -> bool:
        """Does token ``s`` open an appositive (``a lawyer``, ``who ...``, ``Clinton's aide``, ``45``)?"""
        toks = self.toks
        first = toks[s]
        return (first.low in _DETERMINERS or first.low in ("who", "whose", "which") or first.low in _ROLE_WORDS
                or first.text[0].isdigit() or first.low.endswith("'s") or first.low in _PREPOSITIONS
                or (first.kind == "w" and first.text[0].islower() and s > 1
                    and (toks[s - 2].text[:1].isupper() or toks[s - 2].text == ")")))

    def _appositive_subject(self, k: int) -> tuple[int, int, int] | None:
        """``Name, a role, said``, ``Name, who ..., said``, ``Name, role, group that ..., said``: walk back
        over appositive pieces between commas to the name."""
        toks = self.toks
        comma = k
        for _ in range(4):
            m = comma - 1
            while m >= 0 and k - m <= 45 and toks[m].text != "," and toks[m].kind != "q" \
                    and toks[m].text not in ".;:" or (m >= 0 and toks[m].text == "." and m > 0
                                                      and toks[m - 1].low in _ABBREVIATIONS):
                m -= 1
            if m < 1 or toks[m].text != ",":
                return None
            piece = (m + 1, comma)
            if comma == k and self._name_piece(*piece):
                return piece[0], k, piece[0]
            if self._appositive_start(piece[0]) or self._place_piece(*piece):
                name = self._np_left(m - 1)
                if name is not None and self._names_someone(*name) and not self._appositive_start(name[0]) \
                        and self._clause_opens(name[0]) and not (name[1] - name[0] == 1 and self._place_piece(*name)):
                    return name[0], k, name[0]
                comma = m
                continue
            return None
        return None

    def _name_piece(self, s: int, e: int) -> bool:
        """``..., James B. Comey, said``: a name standing alone between commas."""
        toks = self.toks
        words = [t for t in toks[s:e] if t.kind == "w"]
        return 2 <= len(words) <= 5 and all(t.text[0].isupper() for t in words) and all(
            t.kind == "w" or t.text == "." for t in toks[s:e])

    def _place_piece(self, s: int, e: int) -> bool:
        """``Columbus, Ohio,``: a one- or two-word capitalised piece after a capitalised word."""
        toks = self.toks
        return 0 < e - s <= 3 and toks[s].text[0].isupper() and s > 1 and toks[s - 2].text[:1].isupper() and all(
            t.text[0].isupper() or t.text == "." for t in toks[s:e])

    def _names_someone(self, s: int, e: int) -> bool:
        return any(t.text[0].isupper() or t.low in PRONOUNS or t.low in _ROLE_WORDS for t in self.toks[s:e])

    def _np_left(self, k: int) -> tuple[int, int] | None:
        """The noun phrase ending at token ``k`` (inclusive), walking left to a clause boundary."""
        toks = self.toks
        if toks[k].text == ")":
            # "Sen. Lee (D-Ohio)": step over a short bracket after a name
            m = k - 1
            while m >= 0 and k - m <= 6 and toks[m].text != "(":
                m -= 1
            if m <= 0 or toks[m].text != "(" or toks[m - 1].kind != "w":
                return None
            inner = self._np_left(m - 1)
            return (inner[0], k + 1) if inner else None
        end = k + 1
        m = k
        while m >= 0 and end - m <= 14:
            t = toks[m]
            if t.kind == "q":
                break
            if t.kind == "p":
                if t.text == "." and m > 0 and (toks[m - 1].low in _ABBREVIATIONS
                                                  or (len(toks[m - 1].text) == 1 and toks[m - 1].text.isupper())):
                    m -= 1
                    continue
                if t.text in "&'" or (t.text == "-" and m > 0 and toks[m - 1].end == t.start):
                    m -= 1
                    continue
                break
            low = t.low
            if low in _CLAUSE_WORDS or low in _VERBISH or low in ("said", "says"):
                break
            if low == "and":
                if m > 0 and toks[m - 1].kind == "w" and (toks[m - 1].text[0].isupper()
                                                         or toks[m - 1].low in _ROLE_WORDS):
                    m -= 1
                    continue
                break
            if low in _NP_PREPS:
                nxt = toks[m + 1] if m + 1 < len(toks) else None
                prev = toks[m - 1] if m > 0 else None
                if (nxt is not None and nxt.kind == "w"
                        and (nxt.text[0].isupper() or nxt.low in _DETERMINERS or (low == "of" and prev is not None
                                                                                  and prev.low in _ROLE_WORDS))
                        and prev is not None and prev.kind == "w" and prev.low not in _VERBISH
                        and (prev.low in _ROLE_WORDS or prev.text[0].isupper() or prev.low.endswith("s")
                             or prev.low.endswith("er") or prev.low.endswith("or") or prev.low in _QUANTIFIERS)):
                    m -= 1
                    continue
                break
            if _lookup_low(low) is not None and m < k and not t.text[0].isupper():
                break
            m -= 1
        s = m + 1
        s = self._trim_lead(s, end)
        if s >= end:
            return None
        if toks[end - 1].kind != "w":
            return None
        return s, end

    def _trim_lead(self, s: int, end: int) -> int:
        """Drop openers (``But``, ``Meanwhile``) and a leading prepositional phrase from a speaker phrase."""
        toks = self.toks
        while s < end and (toks[s].low in _LEAD_TRIM or toks[s].kind == "p"):
            s += 1
        if s < end and toks[s].low in _PREPOSITIONS:
            # "On Friday Smith", "In a statement the ministry": keep the last capitalised run or noun
            caps = [x for x in range(s + 1, end) if toks[x].text[0].isupper()]
            if caps:
                last = caps[-1]
                first = last
                while first - 1 > s and toks[first - 1].text[0].isupper():
                    first -= 1
                if first - 1 > s and toks[first - 1].low in _DETERMINERS:
                    first -= 1
                return first
            return end - 1
        return s

    def np_right(self, j: int, after_quote: bool = False) -> tuple[int, int] | None:
        """The noun phrase just after the cue (``said Lena Ortiz``, ``according to the ministry``).
        After a quotation (``"...," said retired judge Ann Lee``) any words may open it."""
        toks = self.toks
        n = len(toks)
        if j >= n or toks[j].kind != "w":
            return None
        first = toks[j]
        if first.low in _CLAUSE_WORDS or first.low in _VERBISH or first.low in _PREPOSITIONS:
            return None
        if not (after_quote or first.text[0].isupper() or first.low in _DETERMINERS or first.low in _ROLE_WORDS
                or first.low in PRONOUNS or first.text[0].isdigit() or first.low in ("one", "two", "three",
                                                                                       "several", "many", "most")):
            return None
        m = j
        while m < n and m - j < 14:
            t = toks[m]
            if t.kind == "q":
                break
            if t.kind == "p":
                if t.text == "." and m > j and (toks[m - 1].low in _ABBREVIATIONS
                                                 or (len(toks[m - 1].text) == 1 and toks[m - 1].text.isupper())) \
                        and m + 1 < n and toks[m + 1].kind == "w":
                    m += 1
                    continue
                if t.text in "&'":
                    m += 1
                    continue
                if t.text == "(" and m > j and toks[m - 1].text[0].isupper():
                    close = next((x for x in range(m + 1, min(n, m + 7)) if toks[x].text == ")"), None)
                    if close is not None:
                        m = close + 1
                        continue
                break
            low = t.low
            if m > j and (low in _CLAUSE_WORDS or low in _VERBISH or low in ("said", "says")):
                break
            if m > j and low in _PREPOSITIONS:
                nxt = toks[m + 1] if m + 1 < n else None
                if low in ("of", "for", "at", "with", "from") and nxt is not None and nxt.kind == "w" and (
                        nxt.text[0].isupper() or nxt.low in _DETERMINERS):
                    m += 1
                    continue
                break
            if m > j and _lookup_low(low) is not None and not t.text[0].isupper():
                break
            m += 1
        if m == j:
            return None
        return j, m

    # -- agentless hedges ------------------------------------------------------------------------------

    def hedges(self) -> list[_Found]:
        """``X are alleged to ...``, ``it is claimed that ...``: attributions with no speaker."""
        toks = self.toks
        out = []
        n = len(toks)
        # every hedge participle is in _cue_words(), so only those tokens need a look
        for i in [i for i in self._cue_word_indices() if toks[i].low in _HEDGE_PARTICIPLES and 0 < i < n - 1]:
            t = toks[i]
            if toks[i - 1].low not in ("is", "are", "was", "were", "been"):
                continue
            nxt = toks[i + 1].low
            aux = i - 1
            if aux > 0 and toks[aux - 1].low in ("has", "have", "had", "widely"):
                aux -= 1
            entry = _lookup_low(t.low)
            if nxt == "that" and aux > 0 and toks[aux - 1].low == "it":
                s, e = i + 1, n
                rule = f'"it {toks[i - 1].text} {t.text} that ...": a claim with no speaker (agentless hedge)'
            elif nxt == "to":
                np = self._np_left(aux - 1) if aux > 0 else None
                if np is None:
                    continue
                s, e = np[0], n
                rule = f'"{toks[i - 1].text} {t.text} to": a claim with no speaker (agentless hedge)'
            else:
                continue
            while e > s and toks[e - 1].kind == "p":
                e -= 1
            if e - s < 3:
                continue
            out.append(_Found([(toks[s].start, toks[e - 1].end)], "indirect", (t.start, t.end), entry, None,
                              rule, self.para))
        return out
