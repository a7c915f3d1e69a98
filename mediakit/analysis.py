"""Stage two: who appears in an article and who speaks, how and how much.

:func:`analyse` takes a clean :class:`~mediakit.model.Article` and returns an :class:`Analysis`:

1. quotes are found by :func:`mediakit.quotes.find_quotes` in the headline, standfirst and body
   paragraphs (never in removed boilerplate);
2. actors are found in the same spans by :func:`mediakit.actors.find_actors` (or, with
   ``engine="spacy"``, from the entities of a spaCy pipeline the user supplies);
3. each quote's speaker is **linked** to an actor, and the step that linked it is added to the quote's
   ``rule``:

   * the actor with a mention overlapping the speaker's words (a person first: in "UN human rights
     chief Michelle Bachelet" the speaker is Bachelet, not the UN);
   * a pronoun ("he said", "she added") goes to the nearest person named before it, outside quotation
     marks, whose gender does not contradict the pronoun (gender from honorifics, gendered role nouns
     and earlier pronouns; when unknown, the nearest person); "they" to the nearest group, anonymous
     source or organisation, "it" to the nearest organisation; "I"/"we" stay unresolved;
   * a role with no name ("the minister said") goes to the one person holding that role;
   * a bare organisation word ("the ministry says") goes to the one organisation named that way;
   * otherwise a new actor is made from the speaker's words ("the sources" -> anonymous "sources");
   * an inherited follow-on quote keeps the speaker of the quote it follows.

Limit: :data:`PRONOUN_LOOKBACK` (5,000). A pronoun's antecedent is sought among at most that many
actor mentions before it (an article has a few hundred; a file of thousands of articles can have a
million, and reading back through all of them for every pronoun would take hours). A pronoun
left unresolved because the search stopped there is counted in ``Article.flags``.

What it misses: pronouns whose antecedent is in a quotation, or is a group of named people; "they"
for several named people; speakers found only by the quote finder's shape rules may be cut short or too
long, and the link then follows the words it was given.
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from operator import attrgetter, itemgetter
from pathlib import Path
from typing import Any

from . import wordlists
from .actors import Actor, Mention, _anonymous_name, _lex, find_actors
from .codebook import Codebook
from .errors import EngineError
from .model import Article, Span
from .quotes import Quote, find_quotes
from .records import ACTORS, MENTIONS, QUOTES

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
    quotes = find_quotes(source, spans, notes)
    attributed = link_quotes(source, quotes, actors, notes)
    actors = _renumber(actors)
    article.flags.extend(n for n in notes if n not in article.flags)  # a limit that applied (once each)
    if codebook is not None:
        if not isinstance(codebook, Codebook):
            codebook = Codebook.load(codebook)
        codebook.apply(actors)
    return Analysis(article, actors, attributed)


# ---------------------------------------------------------------------------------------------------
# linking quotes to actors
# ---------------------------------------------------------------------------------------------------

_DET = re.compile(r"^(?:(?:the|a|an|its|his|her|their|one|two|three|some|several)\s+)+", re.I)
_DET_WORDS = frozenset("the a an its his her their one two three some several".split())
_ROLE_TEXT_WORD = re.compile(r"[\w'-]+")
_SPEAKER_TEXT_WORD = re.compile(r"[\w'\u2019-]+")
_HE = frozenset({"he", "him"})
_SHE = frozenset({"she", "her"})
_HE_SHE = _HE | _SHE
_PRONOUN_WORDS = _HE_SHE | {"they", "it", "we", "i", "you"}
_BY_START = attrgetter("start")

#: How many actor mentions before a pronoun are read in search of its antecedent (see the module docstring).
PRONOUN_LOOKBACK = 5_000


class _Linker:
    def __init__(self, source: str, quotes: list[Quote], actors: list[Actor]) -> None:
        self.source = source
        self.quotes = quotes
        self.actors = actors
        self.quoted = sorted((q.start, q.end) for q in quotes if q.kind in ("direct", "mixed"))
        self.index = _Mentions(actors)
        self.by_span: dict[tuple[int, int], tuple[Actor | None, str]] = {}
        self.lookup = _Lookup(actors)
        self.cut_short = 0  # pronouns whose search stopped at PRONOUN_LOOKBACK mentions
        self._cut = False  # did the last search through before() stop at its limit?
        self._mention_keys: dict[int, set[tuple[int, int]]] = {}

    def run(self) -> list[AttributedQuote]:
        out = []
        prev: tuple[Actor | None, str] | None = None
        for q in self.quotes:
            if q.speaker_start is None or q.speaker_end is None:
                out.append(AttributedQuote(q, None, f"{q.rule}; no speaker to link"))
                prev = None
                continue
            key = (q.speaker_start, q.speaker_end)
            if key in self.by_span:
                actor, how = self.by_span[key]
                if q.inherited:
                    how = f"inherited speaker {actor.name if actor else 'unresolved'} from the quote before"
            elif q.inherited and prev is not None:
                actor, how = prev[0], "inherited speaker from the quote before"
            else:
                actor, how = self.link(q)
                self.by_span[key] = (actor, how)
            prev = (actor, how)
            out.append(AttributedQuote(q, actor, f"{q.rule}; speaker: {how}"))
        return out

    def link(self, q: Quote) -> tuple[Actor | None, str]:
        ss, se = q.speaker_start, q.speaker_end
        assert ss is not None and se is not None
        text = self.source[ss:se]
        words = text.split()
        kind = q.speaker_kind
        low = text.strip().lower()
        if kind == "pronoun" or (len(words) == 1 and low in _PRONOUN_WORDS):
            return self.pronoun(low, ss, se)
        over = self.overlapping(ss, se)
        persons = [m for m in over if m[2].type == "person"]
        if persons:
            s, e, a = persons[0]
            return a, f"'{self.source[s:e]}' in the speaker's words is a mention of {a.name}"
        if kind == "role" or (words and words[-1].lower().strip(",.") in _role_words()):
            found = self.by_role(text, ss)
            if found is not None:
                return found
        if over:
            s, e, a = over[0]
            if kind != "role" or a.type != "organisation" or s == ss or self.source[ss:s].strip().lower() in ("the", "a", "an"):
                return a, f"'{self.source[s:e]}' in the speaker's words is a mention of {a.name}"
        found = self.by_government(text)
        if found is not None:
            return found
        if kind == "organisation" or (kind is None and words and words[-1].lower() in _org_heads()):
            found = self.by_org_head(text)
            if found is not None:
                return found
        return self.new_actor(q, text, kind, over)

    def overlapping(self, ss: int, se: int) -> list[tuple[int, int, Actor]]:
        return [(s, e, a) for s, e, a in self.index.starting(ss - 200, se) if ss < e]

    def inside_quote(self, s: int) -> bool:
        i = bisect_left(self.quoted, (s + 1,)) - 1
        return i >= 0 and self.quoted[i][0] <= s < self.quoted[i][1]

    def pronoun(self, low: str, ss: int, se: int) -> tuple[Actor | None, str]:
        if low in _HE_SHE:
            want = "m" if low in _HE else "f"
            for s, _e, a in self.before(ss, PRONOUN_LOOKBACK):
                if a.type != "person" or self.inside_quote(s):
                    continue
                if a.gender is not None and a.gender != want:
                    continue
                if a.gender == want:
                    why = f"'{low}' resolved to {a.name}, the nearest person named before it known to be {_GENDER[want]}"
                else:
                    why = f"'{low}' resolved to {a.name}, the nearest person named before it (gender not known)"
                    a.gender = want
                self.add_mention(a, ss, se, why, "pronoun")
                return a, why
            return None, f"'{low}': no person named before it" + self.lookback_note()
        if low in ("they", "it"):
            types = ("group", "anonymous", "organisation") if low == "they" else ("organisation",)
            for s, _e, a in self.before(ss, PRONOUN_LOOKBACK):
                if a.type in types and not self.inside_quote(s):
                    why = f"'{low}' resolved to {a.name}, the nearest {'/'.join(types)} named before it"
                    self.add_mention(a, ss, se, why, "pronoun")
                    return a, why
            return None, f"'{low}': nothing fitting named before it" + self.lookback_note()
        return None, f"'{low}': a first- or second-person pronoun is not resolved"

    def before(self, pos: int, limit: int | None = None) -> Iterator[tuple[int, int, Actor]]:
        """Mentions ending by ``pos``, nearest first; at most ``limit`` of them (when more were left,
        ``self.cut_short`` counts it). Lazy: callers stop at the first that fits (and change the index
        only when they stop)."""
        seen = 0
        self._cut = False
        for x in self.index.before(pos):
            if x[1] <= pos:
                if limit is not None and seen == limit:
                    self.cut_short += 1
                    self._cut = True
                    return
                seen += 1
                yield x

    def lookback_note(self) -> str:
        """After a search through :meth:`before` found nothing: what stopped it, when a limit did."""
        return f" among the {PRONOUN_LOOKBACK:,} actor mentions before it (PRONOUN_LOOKBACK)" if self._cut else ""

    def by_role(self, text: str, ss: int) -> tuple[Actor, str] | None:
        """ "the minister" -> the one person whose role ends in "minister"."""
        words = [w.lower() for w in _ROLE_TEXT_WORD.findall(text)]
        if not words:
            return None
        head = next((w for w in reversed(words) if w in _role_words()), None)
        if head is None:
            return None
        others = [w for w in words if w not in _DET_WORDS and w != head]
        found = self.lookup.with_role(head, others)
        if len(found) == 1 and len(words) <= 4:
            a = found[0]
            why = f"'{text.strip()}' resolved to {a.name}, the only person with the role '{head}'"
            self.add_mention(a, ss, ss + len(text), why, "description")
            return a, why
        if len(found) > 1 and len(words) <= 4:
            recent = self.last_named(found, ss)
            if recent is not None:
                why = f"'{text.strip()}' resolved to {recent.name}, the person with the role '{head}' named last before it"
                self.add_mention(recent, ss, ss + len(text), why, "description")
                return recent, why
        # "the Republican presidential nominee": the only person of that party or nationality
        lex = _lex()
        groups = {lex.parties.get(w) or lex.demonyms.get(w.capitalize()) for w in others} - {None}
        if len(groups) == 1:
            group = groups.pop()
            same = [a for a in self.lookup.affiliated(group)
                    if not a.roles or any(head in r.lower() for r in a.roles)]
            if len(same) == 1:
                a = same[0]
                why = f"'{text.strip()}' resolved to {a.name}, the only person affiliated with {group}"
                self.add_mention(a, ss, ss + len(text), why, "description")
                return a, why
        return None

    def by_government(self, text: str) -> tuple[Actor, str] | None:
        """ "the Mexican government", "Canadian authorities" -> the country actor, when it is named."""
        words = _DET.sub("", text.strip()).split()
        if len(words) != 2 or words[1].lower() not in ("government", "administration", "authorities"):
            return None
        country = _lex().demonyms.get(words[0])
        found = self.lookup.named(country) if country else []
        if len(found) == 1:
            a = found[0]
            return a, f"'{text.strip()}' resolved to {a.name}: the government of a country named in the article"
        return None

    def by_org_head(self, text: str) -> tuple[Actor, str] | None:
        """ "the ministry says" -> the one organisation named "... Ministry" (or "ministry")."""
        clean = _DET.sub("", text.strip())
        words = clean.split()
        if not words or len(words) > 2:
            return None
        head = words[-1].lower()
        found = self.lookup.organisations_by_word(head)
        if len(found) == 1:
            a = found[0]
            return a, f"'{text.strip()}' resolved to {a.name}, the only organisation named that way"
        return None

    def new_actor(self, q: Quote, text: str, kind: str | None, over: list[tuple[int, int, Actor]]) -> tuple[Actor | None, str]:
        clean = " ".join(text.split()).strip(" ,")
        typ = {"name": "person", "role": "person", "anonymous": "anonymous", "organisation": "organisation",
               "place": "place"}.get(kind or "", "person")
        name = _anonymous_name(clean) if typ == "anonymous" else _DET.sub("", clean)
        a = self.lookup.first_called(typ, name.lower())
        if a is not None:
            why = f"'{clean}' matches the actor {a.name}"
            self.add_mention(a, q.speaker_start, q.speaker_end, why, "speaker")
            return a, why
        if typ == "person" and not _names_someone(clean, kind):
            return None, f"'{clean}' names no actor"
        affiliation = next((a.name for _s, _e, a in over if a.type == "organisation"), None)
        why = f"no actor mention in '{clean}': new {typ} actor '{name}' made from the speaker's words"
        a = Actor(f"A{len(self.actors) + 1}", name, typ, roles=[name] if kind == "role" else [],
                  affiliation=affiliation, aliases=[], mentions=[], first_position=q.speaker_start or 0)
        self.lookup.append(a)
        self.add_mention(a, q.speaker_start, q.speaker_end, why, "speaker")
        return a, why

    def last_named(self, among: list[Actor], pos: int) -> Actor | None:
        """Of the actors ``among``, the one :meth:`before` meets first: the one with the latest mention
        that starts before ``pos`` and ends by it. A short walk back through the mentions finds it when
        it is near; else, as each actor's mentions are sorted by start (see :meth:`add_mention`), a
        bisection per actor does, rather than a walk over every mention of a long text."""
        ids = {id(a) for a in among}
        for steps, (_s, e, a) in enumerate(self.index.before(pos)):
            if steps > 16 + 2 * len(among):
                break
            if e <= pos and id(a) in ids:
                return a
        best: tuple[int, list[Actor]] | None = None
        for a in among:
            ms = a.mentions
            k = bisect_left(ms, pos, key=_BY_START) - 1
            while k >= 0 and ms[k].end > pos:
                k -= 1
            if k < 0:
                continue
            s = ms[k].start
            if best is None or s > best[0]:
                best = (s, [a])
            elif s == best[0]:
                best[1].append(a)
        if best is None:
            return None
        s, tied = best
        if len(tied) == 1:
            return tied[0]
        # several start at the same offset: the one before() meets first
        ids = {id(a) for a in tied}
        return next(a for _s, e, a in self.index.before(s + 1) if e <= pos and id(a) in ids)

    def add_mention(self, a: Actor, s: int | None, e: int | None, rule: str, kind: str) -> None:
        if s is None or e is None:
            return
        keys = self._mention_keys.get(id(a))
        if keys is None:  # built once per actor, so that adding stays cheap on very long articles
            keys = self._mention_keys[id(a)] = {(m.start, m.end) for m in a.mentions}
        if (s, e) in keys:
            return
        keys.add((s, e))
        insort(a.mentions, Mention(s, e, self.source[s:e], rule, kind), key=_BY_START)
        a.first_position = a.mentions[0].start
        self.index.add(s, e, a)


class _Mentions:
    """Every actor mention as ``(start, end, actor)``, in order of start; a mention added while linking
    comes before the ones already there with the same start.

    Kept as two sorted lists: the actor finder's mentions (sorted once) and the ones linking adds
    (pronouns, descriptions, speakers). Quotes are linked in order, so an added mention mostly goes at
    the end of the second list: inserting it into one list of every mention would move, each time,
    all the mentions after it, hundreds of thousands in a long text."""

    def __init__(self, actors: list[Actor]) -> None:
        self.found = sorted(((m.start, m.end, a) for a in actors for m in a.mentions), key=itemgetter(0))
        self.found_starts = [x[0] for x in self.found]
        self.added: list[tuple[int, int, Actor]] = []
        self.added_starts: list[int] = []

    def add(self, s: int, e: int, a: Actor) -> None:
        i = bisect_left(self.added_starts, s)
        self.added.insert(i, (s, e, a))
        self.added_starts.insert(i, s)

    def starting(self, lo: int, hi: int) -> list[tuple[int, int, Actor]]:
        """The mentions that start from ``lo`` up to ``hi`` (excluded), in order."""
        fs, ads = self.found_starts, self.added_starts
        found = self.found[bisect_left(fs, lo) : bisect_left(fs, hi)]
        added = self.added[bisect_left(ads, lo) : bisect_left(ads, hi)]
        if not added:
            return found
        out: list[tuple[int, int, Actor]] = []
        i = j = 0
        while i < len(found) and j < len(added):
            if added[j][0] <= found[i][0]:
                out.append(added[j])
                j += 1
            else:
                out.append(found[i])
                i += 1
        return out + found[i:] + added[j:]

    def before(self, pos: int) -> Iterator[tuple[int, int, Actor]]:
        """The mentions that start before ``pos``, last first."""
        found, added = self.found, self.added
        i = bisect_left(self.found_starts, pos) - 1
        j = bisect_left(self.added_starts, pos) - 1
        while i >= 0 and j >= 0:
            if found[i][0] >= added[j][0]:
                yield found[i]
                i -= 1
            else:
                yield added[j]
                j -= 1
        while i >= 0:
            yield found[i]
            i -= 1
        while j >= 0:
            yield added[j]
            j -= 1


_GENDER = {"m": "male", "f": "female"}


class _Lookup:
    """The actors by what the linking steps look them up by (a role word, an affiliation, a name, an
    organisation's first or last word), each list in the order of ``actors``. Each table is made on
    first use and kept up to date by :meth:`append`, so a look-up costs the actors it finds rather than
    a pass over every actor (long texts have thousands). Linking changes none of these fields."""

    def __init__(self, actors: list[Actor]) -> None:
        self.actors = actors
        self._tables: dict[str, dict[Any, list[Actor]]] = {}
        self._roles_asked: dict[tuple[str, frozenset[str]], tuple[int, list[Actor]]] = {}

    def append(self, a: Actor) -> None:
        """A new actor, at the end of ``actors`` and of every table made so far."""
        self.actors.append(a)
        for what, table in self._tables.items():
            for key in dict.fromkeys(_KEYS[what](a)):
                table.setdefault(key, []).append(a)

    def _table(self, what: str) -> dict[Any, list[Actor]]:
        table = self._tables.get(what)
        if table is None:
            table = self._tables[what] = {}
            for a in self.actors:
                for key in dict.fromkeys(_KEYS[what](a)):
                    table.setdefault(key, []).append(a)
        return table

    def with_role(self, head: str, others: list[str]) -> list[Actor]:
        """People with a role in which ``head`` stands as a word between spaces and whose roles and
        affiliation hold every word of ``others``. Kept per question: the tables only grow at the end,
        so a question asked again reads only the actors added since."""
        people = self._table("role").get(head, [])
        key = (head, frozenset(others))
        read, found = self._roles_asked.get(key, (0, []))
        for a in people[read:]:
            if key[1] <= set(" ".join(a.roles + [a.affiliation or ""]).lower().split()):
                found.append(a)
        self._roles_asked[key] = (len(people), found)
        return found

    def affiliated(self, group: str) -> list[Actor]:
        """People whose affiliation is ``group``."""
        return self._table("affiliation").get(group, [])

    def named(self, name: str) -> list[Actor]:
        """Actors whose name is ``name``."""
        return self._table("name").get(name, [])

    def organisations_by_word(self, word: str) -> list[Actor]:
        """Organisations whose name begins or ends with ``word`` (lower case; a one-word name is that word)."""
        return self._table("org").get(word, [])

    def first_called(self, typ: str, lname: str) -> Actor | None:
        """The first actor of type ``typ`` with the name or alias ``lname`` (lower case)."""
        found = self._table("called").get((typ, lname))
        return found[0] if found else None


def _org_words(a: Actor) -> list[str]:
    if a.type != "organisation":
        return []
    return a.name.lower().split()[::len(a.name.split()) - 1 or 1]


_KEYS: dict[str, Callable[[Actor], Iterable[Any]]] = {
    "role": lambda a: [w for r in a.roles for w in r.lower().split(" ")] if a.type == "person" else [],
    "affiliation": lambda a: [a.affiliation] if a.type == "person" else [],
    "name": lambda a: [a.name],
    "org": _org_words,
    "called": lambda a: [(a.type, a.name.lower()), *((a.type, x.lower()) for x in a.aliases)],
}


def _names_someone(text: str, kind: str | None) -> bool:
    """Do the speaker's words name a person: a capitalised word, or a role or group noun?"""
    lex = _lex()
    words = _SPEAKER_TEXT_WORD.findall(text)
    for w in words:
        low = w.lower().replace("\u2019", "'")
        if w[0].isupper() and low not in lex.stop and low not in lex.not_name and not low.endswith("'s"):
            return True
    head = words[-1].lower() if words else ""
    return head in lex.role_words or head in lex.group_nouns


def _role_words() -> frozenset[str]:
    return wordlists.role_words()


def _org_heads() -> Mapping[str, str]:
    return wordlists.organisation_heads()


def link_quotes(source: str, quotes: list[Quote], actors: list[Actor],
                notes: list[str] | None = None) -> list[AttributedQuote]:
    """Link each quote's speaker to an actor (see the module docstring). New actors are appended to
    ``actors``; pronoun and description mentions are added to the actors they resolve to. Given a
    list ``notes``, a line is appended to it when :data:`PRONOUN_LOOKBACK` cut a search short."""
    linker = _Linker(source, quotes, actors)
    out = linker.run()
    if linker.cut_short and notes is not None:
        n = linker.cut_short
        notes.append(f"analysis: {n:,} pronoun{'s' if n > 1 else ''} found no antecedent among the "
                     f"{PRONOUN_LOOKBACK:,} actor mentions before {'them' if n > 1 else 'it'} and stayed "
                     "unresolved (PRONOUN_LOOKBACK, mediakit/analysis.py)")
    return out


def _renumber(actors: list[Actor]) -> list[Actor]:
    actors.sort(key=lambda a: a.first_position)
    for i, a in enumerate(actors, 1):
        a.id = f"A{i}"
    return actors
