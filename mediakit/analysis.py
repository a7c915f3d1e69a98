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

What it misses: pronouns whose antecedent is in a quotation, or is a group of named people; "they"
for several named people; speakers found only by the quote finder's shape rules may be cut short or too
long, and the link then follows the words it was given.
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from collections.abc import Iterator, Mapping
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
    quotes = find_quotes(source, spans)
    if engine == "rules":
        actors = find_actors(source, spans, capitals_as_governments=capitals_as_governments)
    elif engine == "spacy":
        from .spacy_engine import find_actors_spacy

        actors = find_actors_spacy(source, spans, nlp, capitals_as_governments=capitals_as_governments)
    else:
        raise EngineError(f"unknown engine {engine!r}: use 'rules' (default) or 'spacy'")
    attributed = link_quotes(source, quotes, actors)
    actors = _renumber(actors)
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


class _Linker:
    def __init__(self, source: str, quotes: list[Quote], actors: list[Actor]) -> None:
        self.source = source
        self.quotes = quotes
        self.actors = actors
        self.quoted = sorted((q.start, q.end) for q in quotes if q.kind in ("direct", "mixed"))
        self.index: list[tuple[int, int, Actor]] = [(m.start, m.end, a) for a in actors for m in a.mentions]
        self.index.sort(key=itemgetter(0))
        self.starts = [x[0] for x in self.index]
        self.by_span: dict[tuple[int, int], tuple[Actor | None, str]] = {}
        self._lower_names: dict[int, set[str]] = {}
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
        index = self.index
        out = []
        for k in range(bisect_left(self.starts, ss - 200), len(index)):
            s, e, a = index[k]
            if s >= se:
                break
            if s < se and ss < e:
                out.append((s, e, a))
        return out

    def inside_quote(self, s: int) -> bool:
        i = bisect_left(self.quoted, (s + 1,)) - 1
        return i >= 0 and self.quoted[i][0] <= s < self.quoted[i][1]

    def pronoun(self, low: str, ss: int, se: int) -> tuple[Actor | None, str]:
        if low in _HE_SHE:
            want = "m" if low in _HE else "f"
            for s, _e, a in self.before(ss):
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
            return None, f"'{low}': no person named before it"
        if low in ("they", "it"):
            types = ("group", "anonymous", "organisation") if low == "they" else ("organisation",)
            for s, _e, a in self.before(ss):
                if a.type in types and not self.inside_quote(s):
                    why = f"'{low}' resolved to {a.name}, the nearest {'/'.join(types)} named before it"
                    self.add_mention(a, ss, se, why, "pronoun")
                    return a, why
            return None, f"'{low}': nothing fitting named before it"
        return None, f"'{low}': a first- or second-person pronoun is not resolved"

    def before(self, pos: int) -> Iterator[tuple[int, int, Actor]]:
        """Mentions ending by ``pos``, nearest first. Lazy: callers stop at the first that fits (and
        change the index only when they stop)."""
        i = bisect_left(self.starts, pos)
        index = self.index
        return (index[k] for k in range(i - 1, -1, -1) if index[k][1] <= pos)

    def by_role(self, text: str, ss: int) -> tuple[Actor, str] | None:
        """ "the minister" -> the one person whose role ends in "minister"."""
        words = [w.lower() for w in _ROLE_TEXT_WORD.findall(text)]
        if not words:
            return None
        head = next((w for w in reversed(words) if w in _role_words()), None)
        if head is None:
            return None
        others = [w for w in words if w not in _DET_WORDS and w != head]
        found = [
            a for a in self.actors if a.type == "person" and any(f" {head} " in f" {r.lower()} " for r in a.roles)
            and set(others) <= set(" ".join(a.roles + [a.affiliation or ""]).lower().split())
        ]
        if len(found) == 1 and len(words) <= 4:
            a = found[0]
            why = f"'{text.strip()}' resolved to {a.name}, the only person with the role '{head}'"
            self.add_mention(a, ss, ss + len(text), why, "description")
            return a, why
        if len(found) > 1 and len(words) <= 4:
            recent = next((a for _s, _e, a in self.before(ss) if a in found), None)
            if recent is not None:
                why = f"'{text.strip()}' resolved to {recent.name}, the person with the role '{head}' named last before it"
                self.add_mention(recent, ss, ss + len(text), why, "description")
                return recent, why
        # "the Republican presidential nominee": the only person of that party or nationality
        lex = _lex()
        groups = {lex.parties.get(w) or lex.demonyms.get(w.capitalize()) for w in others} - {None}
        if len(groups) == 1:
            group = groups.pop()
            same = [a for a in self.actors if a.type == "person" and a.affiliation == group
                    and (not a.roles or any(head in r.lower() for r in a.roles))]
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
        found = [a for a in self.actors if a.name == country] if country else []
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
        found = [a for a in self.actors if a.type == "organisation" and head in (a.name.lower().split()[::len(a.name.split()) - 1 or 1])]
        if len(found) == 1:
            a = found[0]
            return a, f"'{text.strip()}' resolved to {a.name}, the only organisation named that way"
        return None

    def new_actor(self, q: Quote, text: str, kind: str | None, over: list[tuple[int, int, Actor]]) -> tuple[Actor | None, str]:
        clean = " ".join(text.split()).strip(" ,")
        typ = {"name": "person", "role": "person", "anonymous": "anonymous", "organisation": "organisation",
               "place": "place"}.get(kind or "", "person")
        name = _anonymous_name(clean) if typ == "anonymous" else _DET.sub("", clean)
        lname = name.lower()
        for a in self.actors:
            if a.type == typ and lname in self.lower_names(a):
                why = f"'{clean}' matches the actor {a.name}"
                self.add_mention(a, q.speaker_start, q.speaker_end, why, "speaker")
                return a, why
        if typ == "person" and not _names_someone(clean, kind):
            return None, f"'{clean}' names no actor"
        affiliation = next((a.name for _s, _e, a in over if a.type == "organisation"), None)
        why = f"no actor mention in '{clean}': new {typ} actor '{name}' made from the speaker's words"
        a = Actor(f"A{len(self.actors) + 1}", name, typ, roles=[name] if kind == "role" else [],
                  affiliation=affiliation, aliases=[], mentions=[], first_position=q.speaker_start or 0)
        self.actors.append(a)
        self.add_mention(a, q.speaker_start, q.speaker_end, why, "speaker")
        return a, why

    def lower_names(self, a: Actor) -> set[str]:
        """The actor's name and aliases in lower case (worked out once; linking changes neither)."""
        names = self._lower_names.get(id(a))
        if names is None:
            names = self._lower_names[id(a)] = {a.name.lower(), *(x.lower() for x in a.aliases)}
        return names

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
        i = bisect_left(self.starts, s)
        self.index.insert(i, (s, e, a))
        self.starts.insert(i, s)


_GENDER = {"m": "male", "f": "female"}


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


def link_quotes(source: str, quotes: list[Quote], actors: list[Actor]) -> list[AttributedQuote]:
    """Link each quote's speaker to an actor (see the module docstring). New actors are appended to
    ``actors``; pronoun and description mentions are added to the actors they resolve to."""
    return _Linker(source, quotes, actors).run()


def _renumber(actors: list[Actor]) -> list[Actor]:
    actors.sort(key=lambda a: a.first_position)
    for i, a in enumerate(actors, 1):
        a.id = f"A{i}"
    return actors
