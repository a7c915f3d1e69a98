"""Actors: the people, organisations, places, groups, events and anonymous sources an article mentions.

:func:`find_actors` reads only the spans it is given (the headline, standfirst and body paragraphs of a
clean :class:`~mediakit.model.Article`; never removed boilerplate) and returns one :class:`Actor` per
referent, each with every :class:`Mention` (a character span into the untouched source) and the rule
that found it. No trained model is used; every decision is one of the rules below, and the word lists
they read are plain text files in ``mediakit/resources/`` (``actor_words.txt``, ``countries.tsv``,
``places.tsv``, ``organisations.tsv``, ``groups.tsv``, ``given_names.txt``).

What it finds
-------------
* **Name runs**: runs of capitalised words ("Rupert Colville", "South China Morning Post"), joined by
  "of/for/and/the" only inside organisation or title names ("Ministry of Water and Energy", "Secretary
  of State"). A run is typed by the lists: a country, capital, place, organisation or group name; an
  organisation head word (Ministry, Office, Commission, Party, Inc, Post, Times...); an event head
  (Olympics, Summit, Election...); a place head (River, Valley, Province...); otherwise a person when
  something shows it (a given name, an honorific, a title or role, a speech verb after it, a later
  surname-only mention).
* **Roles and affiliations** from titles inside the run ("UN High Commissioner for Human Rights
  Michelle Bachelet": role "High Commissioner for Human Rights", affiliation "United Nations"), from
  pre-modifiers ("Chinese foreign ministry spokesman Zhao Lijian": role "foreign ministry spokesman",
  affiliation "China") and from appositions before or after the name ("Rupert Colville, spokesman for
  the UN Human Rights Office").
* **One actor per referent**: surname-only, first-name-only, honorific and possessive forms join the
  full name ("Ms Michelle Bachelet", "Bachelet", "Bachelet's office"); acronyms join their expansion
  ("UN", "the UN's", "United Nations"; an acronym in brackets after a name or one made of its
  initials); "the Post" joins "The Washington Post"; "the high commissioner" joins the one person
  whose role ends that way.
* **Capitals for governments**: "Beijing insisted", "Washington is doubling down" are mentions of the
  country (switch off with ``capitals_as_governments=False``); after "in/at/near..." a capital stays a
  place.
* **Groups**: nationalities and peoples ("Americans", "Uyghurs"), religious groups, and plural group
  nouns ("activists", "officials", "local residents").
* **Anonymous sources**: "sources", "a source close to the talks", "people familiar with the matter",
  "a senior official who asked not to be named".

What it misses
--------------
* Names written in lower case, names split by a line break, and single capitalised words with no
  evidence at all (they are left out rather than guessed).
* Coreference beyond names, acronyms, unique role descriptions and (in :mod:`mediakit.analysis`)
  pronouns: "the 67-year-old", "the company" and "the former teacher" stay unlinked.
* A country is typed "place" even when it acts; its mentions say when a capital stood for its
  government. Headline-style Title Case spans only confirm names already found in the body.
* Person names with no given name in the list, no title, no honorific and no speech verb.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter
from pathlib import Path
from typing import Any

from .model import Span

__all__ = ["Actor", "Mention", "actors_from_entities", "find_actors"]

ACTOR_TYPES = ("person", "organisation", "place", "group", "event", "anonymous")


@dataclass
class Mention:
    """One mention of an actor: a span ``[start, end)`` into the source, its text and the rule that found it.

    ``kind`` says what form the mention takes: ``"name"`` (the full name), ``"short"`` (surname or
    first name), ``"acronym"``, ``"alias"`` (another listed name), ``"capital"`` (a capital city for
    its government), ``"description"`` ("the high commissioner"), ``"group"``, ``"anonymous"``,
    ``"pronoun"`` or ``"speaker"`` (added when a quote's speaker had no mention yet).
    """

    start: int
    end: int
    text: str
    rule: str
    kind: str = "name"

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "rule": self.rule}


@dataclass
class Actor:
    """One referent and all its mentions.

    ``type`` is one of ``person``, ``organisation``, ``place``, ``group``, ``event``, ``anonymous``.
    ``first_position`` is the character offset of the first mention. ``category`` is set by a
    :class:`~mediakit.codebook.Codebook`. ``gender`` (``"f"``, ``"m"`` or None) comes from honorifics,
    gendered role nouns and pronouns and is used to resolve "he said"/"she said"; it is not exported.
    """

    id: str
    name: str
    type: str
    roles: list[str] = field(default_factory=list)
    affiliation: str | None = None
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    first_position: int = 0
    category: str | None = None
    gender: str | None = field(default=None, repr=False)

    @property
    def role(self) -> str | None:
        """The first role found, or None."""
        return self.roles[0] if self.roles else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "role": self.role,
            "roles": list(self.roles),
            "affiliation": self.affiliation,
            "aliases": list(self.aliases),
            "mentions": [m.to_dict() for m in self.mentions],
            "first_position": self.first_position,
            "category": self.category,
        }


# ---------------------------------------------------------------------------------------------------
# Word lists
# ---------------------------------------------------------------------------------------------------

_RES = Path(__file__).parent / "resources"


def _read_sections(path: Path) -> dict[str, list[list[str]]]:
    out: dict[str, list[list[str]]] = {}
    current: list[list[str]] | None = None
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if line.startswith("[") and line.endswith("]"):
            current = out.setdefault(line[1:-1].strip(), [])
            continue
        if current is not None:
            current.append([c.strip() for c in line.split("\t")])
    return out


def _read_tsv(path: Path) -> list[list[str]]:
    rows = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        rows.append([c.strip() for c in raw.split("\t")])
    return rows


def _split(cell: str) -> list[str]:
    return [x.strip() for x in cell.split("|") if x.strip()]


def _cell(row: list[str], i: int) -> str:
    return row[i] if i < len(row) else ""


class _Lexicon:
    """All word lists, loaded once."""

    def __init__(self) -> None:
        sec = _read_sections(_RES / "actor_words.txt")

        def words(name: str) -> set[str]:
            return {r[0].lower() for r in sec.get(name, [])}

        def gendered(name: str) -> dict[str, str | None]:
            return {r[0].lower(): (r[1] if len(r) > 1 and r[1] in ("f", "m") else None) for r in sec.get(name, [])}

        self.honorifics = gendered("honorifics")
        self.roles = gendered("roles")
        self.role_words = {w for w in self.roles if " " not in w}
        self.role_modifiers = words("role_modifiers")
        self.topic_words = words("topic_words")
        self.org_heads = {r[0].lower(): (r[1] if len(r) > 1 else "organisation") for r in sec.get("org_heads", [])}
        self.event_heads = words("event_heads")
        self.place_heads = words("place_heads")
        self.document_heads = words("document_heads")
        self.not_name = words("not_name_words")
        self.stop = words("cap_stopwords")
        self.speech_verbs = words("speech_verbs")
        self.locative = words("locative_words")
        self.group_nouns = words("group_nouns")
        self.group_modifiers = words("group_modifiers")
        self.parties = {r[0].lower(): r[1] for r in sec.get("party_adjectives", []) if len(r) > 1}
        self.given: set[str] = set()
        for raw in (_RES / "given_names.txt").read_text(encoding="utf-8").splitlines():
            if raw.strip() and not raw.startswith("#"):
                self.given.update(raw.split())
        # name -> (canonical, type, kind)
        self.names: dict[str, tuple[str, str, str]] = {}
        self.capitals: dict[str, str] = {}
        self.demonyms: dict[str, str] = {}
        self.plurals: dict[str, str] = {}
        for row in _read_tsv(_RES / "countries.tsv"):
            country = row[0]
            for n in [country, *_split(_cell(row, 1))]:
                self.names.setdefault(n, (country, "place", "country"))
            for c in _split(_cell(row, 2)):
                self.capitals.setdefault(c, country)
            for d in _split(_cell(row, 3)):
                self.demonyms.setdefault(d, country)
            for p in _split(_cell(row, 4)):
                self.plurals.setdefault(p, country)
        for row in _read_tsv(_RES / "places.tsv"):
            for n in [row[0], *_split(_cell(row, 1))]:
                self.names.setdefault(n, (row[0], "place", _cell(row, 2) or "place"))
        for row in _read_tsv(_RES / "organisations.tsv"):
            for n in [row[0], *_split(_cell(row, 1))]:
                self.names.setdefault(n, (row[0], "organisation", _cell(row, 2) or "organisation"))
        for row in _read_tsv(_RES / "groups.tsv"):
            for n in [row[0], *_split(_cell(row, 1))]:
                self.names.setdefault(n, (row[0], "group", _cell(row, 2) or "group"))
        for p in self.plurals:
            self.names.setdefault(p, (p, "group", "nationality"))
        self.people_lower = {p.lower() for p in self.plurals} | {
            n.lower() for n, v in self.names.items() if v[1] == "group" and " " not in n
        }
        self.lookup_keys = frozenset(self.names) | frozenset(self.capitals) | frozenset(self.demonyms)
        self.title_words = frozenset(self.role_words | set(self.honorifics))
        self.scan_words = self.people_lower | self.group_nouns | _ANON_NOUNS
        self.stop_or_speech = frozenset(self.stop | self.speech_verbs)


@lru_cache(maxsize=1)
def _lex() -> _Lexicon:
    return _Lexicon()


# ---------------------------------------------------------------------------------------------------
# Regular expressions (compiled once)
# ---------------------------------------------------------------------------------------------------

_UP = "A-Z\u00c0-\u00d6\u00d8-\u00de"
_W = r"[^\W_]"
# a capitalised word: "Bachelet", "O'Brien", "Okafor-Lind", "al-Assad", "U.S.", "J.", "G7"
_TOK = (
    rf"(?:[{_UP}]\.(?:[{_UP}]\.)+|[{_UP}]{_W}*(?:-{_W}+|['\u2019](?=[{_UP}]){_W}+)*"
    rf"(?:\.(?=[ \t\u00a0]+[{_UP}]))?)"
)
_CONN = r"of|for|and|the|de|del|della|der|den|van|von|da|du|dos|das|la|le|al|bin|ibn|y|on|upon"
_CHUNK = re.compile(rf"{_TOK}(?:(?:[ \t\u00a0]+(?:(?:{_CONN})[ \t\u00a0]+)*|[ \t\u00a0]*&[ \t\u00a0]*){_TOK})*")
_PART = re.compile(rf"{_TOK}|&|\b(?:{_CONN})\b")
_PARTICLES = frozenset("de del della der den van von da du dos das la le al bin ibn y".split())
_WORDS = re.compile(r"[A-Za-z][\w'\u2019-]*")
_BACK_TOK = re.compile(r"[\w][\w'\u2019.-]*|[^\w\s]")
_POSS = re.compile(r"['\u2019]s\b|['\u2019](?=\s)")
_PRONOUN = re.compile(r"\b(?:(he|him|his|himself)|(she|her|hers|herself))\b", re.I)
# The same matches as _PRONOUN (group 1 set for he/him/his/himself), written so that the pattern opens
# with a plain character set: the regex engine then jumps from one h/s to the next instead of trying
# the whole pattern at every position (about three times quicker over the 160 characters _genders
# reads). Case is spelled out, with the extra letters re.IGNORECASE also accepts (dotted and dotless
# i, long s); the \b before the first letter becomes a look-behind after it.
_I, _S = "[Ii\u0130\u0131]", "[Ss\u017f]"
_PRONOUN_FAST = re.compile(
    rf"[HhSs\u017f](?<!\w.)(?:(?<=[Hh])(?:([Ee]|{_I}[Mm]|{_I}{_S}|{_I}[Mm]{_S}[Ee][Ll][Ff])"
    rf"|[Ee][Rr]|[Ee][Rr]{_S}|[Ee][Rr]{_S}[Ee][Ll][Ff])|(?<=[Ss\u017f])[Hh][Ee])(?!\w)"
)
_WHO_AFTER = re.compile(r"(?:['\u2019]s)?,\s+who\b")
_LOWER_LONG = re.compile(r"(?<![\w'\u2019-])(?!(?:with|from|into|onto|over|upon|than|that|this|after|about|amid)\b)[a-z][a-z'\u2019-]{3,}")
_THE_BEFORE = re.compile(r"\b[Tt]he\s+(?:[a-z][\w-]*\s+){0,3}$")
_OPENERS = frozenset(" \t\u00a0\"'([\u201c\u2018\u00ab")
_NAMEY = re.compile(rf"[{_UP}][^\d\W]*(?:[-'\u2019.][^\d\W]*)*")
_DOTTED = re.compile(r"(?:[A-Z]\.)+")
_LOWER_WORD = re.compile(r"[a-z][\w-]*")
_WORD = re.compile(r"[A-Za-z\u00c0-\u024f][\w'\u2019-]*")
_PREV_WORD = re.compile(r"([\w][\w'\u2019.-]*)\s+$")
# _PREV_WORD read from the right: the same word, found by one match on the reversed window instead
# of a search that tries every start position (see _prev_word)
_PREV_WORD_REVERSED = re.compile(r"\s+([\w'\u2019.-]*\w)")
_QUANT = frozenset("the a an one two three four five six several some other another multiple many both".split())
_ANON_NOUNS = frozenset(
    """official officials source sources people person persons diplomat diplomats aide aides insider insiders
    executive executives employee employees staffer staffers member members adviser advisers advisor advisors
    individual individuals officer officers engineer engineers analyst analysts lawyer lawyers""".split()
)
_ANON_ALWAYS = frozenset("source sources insider insiders".split())
_ANON_MODS = frozenset(
    """senior top high-ranking high ranking unnamed anonymous administration government diplomatic security
    intelligence military western police ministry party campaign industry official informed knowledgeable
    reliable local independent legal congressional european american us un eu nato""".split()
)
_PAREN_ACRONYM = re.compile(r"\s*\(\s*([A-Z][A-Za-z]*[A-Z])\s*\)")


def _alt(words: set[str] | list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _trie_alt(words: set[str] | list[str]) -> str:
    """The alternation :func:`_alt` makes, as a tree of shared prefixes ("chief(?: executive|)..."):
    the same matches, tried in the same order, but the regex engine no longer tries every word at
    every position (a long list of roles was the slowest part of ``role_after``).

    Why the order is the same: the words that can match at one position all spell the text there, so
    each is a prefix of the next longer one and they lie on one path of the tree; ``_alt`` tries them
    longest first, and so does the tree, which tries going on before stopping. That needs words in
    lower-case ASCII (no two of them can then match the same text, even ignoring case); other word
    lists keep the flat alternation."""
    if not all(w.isascii() and w == w.lower() for w in words):
        return _alt(words)
    tree: dict[str, Any] = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here

    def emit(node: dict[str, Any]) -> str:
        alts = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if "" in node:
            alts.append("")  # stopping here comes after every longer word
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return emit(tree)


@lru_cache(maxsize=1)
def _regexes() -> dict[str, re.Pattern[str]]:
    lex = _lex()
    roles = _trie_alt(lex.roles)
    proper = rf"{_TOK}(?:(?:[ \t]+(?:(?:of|for|and|the|on)[ \t]+)*){_TOK})*"
    anon_tail = re.compile(
        r"(?:\s*,)?\s+(?:who\s+(?:asked|requested|spoke|was\s+speaking|were\s+speaking|declined|refused|"
        r"did\s+not\s+want|was\s+not\s+authori[sz]ed|were\s+not\s+authori[sz]ed|is\s+not\s+authori[sz]ed|"
        r"are\s+not\s+authori[sz]ed|worked|works|has\s+seen|have\s+seen|had\s+seen)\b[^.,;\"\u201c\u201d]{0,60}?"
        r"(?:anonymity|named|identified|publicly|on\s+the\s+record|assessment|plan|report|documents?)|"
        r"speaking\s+on\s+(?:the\s+)?condition\s+of\s+anonymity|"
        r"(?:familiar|acquainted)\s+with\s+(?:the\s+)?[\w-]+|"
        r"with\s+(?:direct\s+)?knowledge\s+of\s+(?:the\s+)?[\w-]+|"
        r"briefed\s+on\s+(?:the\s+)?[\w-]+|close\s+to\s+(?:the\s+)?[\w-]+)",
        re.I,
    )
    role_after = re.compile(
        rf"(?:['\u2019]s)?,\s+(?:(?:aged\s+)?\d{{1,3}},\s+)?(?:(?:the|a|an|its|his|her|their)\s+)?"
        rf"(?P<role>(?:[\w'\u2019-]+\s+){{0,4}}?(?i:{roles}))\b(?!-)"
        rf"(?:\s+(?P<prep>for|of|at|with|in|to)\s+(?:the\s+)?(?P<comp>{proper}|[a-z][\w'\u2019-]*(?:\s+[a-z][\w'\u2019-]*)?))?"
    )
    speech = re.compile(
        rf"(?:['\u2019]s)?\s+(?:[a-z]+ly\s+|also\s+|later\s+|then\s+|on\s+\w+\s+|again\s+)?(?:{_trie_alt(lex.speech_verbs)})\b"
    )
    return {"anon_tail": anon_tail, "role_after": role_after, "speech": speech}


# ---------------------------------------------------------------------------------------------------
# Candidates
# ---------------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Cand:
    """A mention before actors are assembled. Offsets are source offsets."""

    start: int
    end: int
    text: str  # the name as written (no honorific, no possessive)
    type: str | None  # person/organisation/place/group/event/anonymous, or None while unknown
    rule: str
    kind: str = "name"
    canonical: str | None = None
    roles: list[str] = field(default_factory=list)
    affiliation: str | None = None
    gender: str | None = None
    evidence: set[str] = field(default_factory=set)
    tokens: tuple[str, ...] = ()
    honorific: bool = False
    restricted: bool = False  # from a Title Case span: only confirms known names
    listed: bool = False  # found in a gazetteer
    parts: Sequence[tuple[str, int, int]] = ()  # Title Case runs: tokens, source offsets


_Part = Sequence[tuple[str, int, int]]  # a name part: (word, start, end) for each of its words


class _Span:
    """A kept span of the source (matched as it is: the patterns accept curly and straight apostrophes)."""

    __slots__ = ("start", "text", "title_case", "low")

    def __init__(self, source: str, span: Span) -> None:
        self.start = span.start
        self.text = source[span.start : span.end]
        self.title_case = len(self.text) < 200 and is_title_case(self.text)
        self.low = self.text.lower()

    def initial(self, i: int) -> bool:
        """Does the word at ``i`` open a sentence (or a quotation, a bullet, the span)?"""
        text = self.text
        j = i - 1
        while j >= 0 and text[j] in _OPENERS:
            j -= 1
        if j < 0 or text[j] in ".!?:\n\u2022*;":
            return True
        k = i - 1
        return k >= 0 and text[k] in _OPENERS and (k == 0 or text[k - 1].isspace())

    def src(self, i: int) -> int:
        return self.start + i


_SMALL = frozenset(
    "a an the of for and or but to in on at by with from into onto over upon than that this after about amid as is "
    "are was were be vs via per".split()
)


def is_title_case(text: str) -> bool:
    """A headline written in Title Case: four or more content words, at most one of them lower case."""
    lower = _LOWER_LONG.finditer(text)
    if next(lower, None) is not None and next(lower, None) is not None:
        return False  # two lower-case content words: an ordinary sentence
    words = [w for w in _WORDS.findall(text) if w.lower() not in _SMALL and len(w) > 3]
    if len(words) < 4:
        return False
    return sum(1 for w in words if not w[0].isupper()) <= 1


def _undot(text: str) -> str:
    if "." not in text and "\u2019" not in text:
        return text  # the common case: nothing to change
    text = text.replace("\u2019", "'")
    return text.replace(".", "") if "." in text and _DOTTED.fullmatch(text) else text


class _Finder:
    """One call of :func:`find_actors`: scans spans, classifies runs, assembles actors."""

    def __init__(self, source: str, spans: list[Span], capitals_as_governments: bool) -> None:
        self.source = source
        self.lex = _lex()
        self.rx = _regexes()
        self.capitals_as_governments = capitals_as_governments
        self.spans = [_Span(source, s) for s in _dedupe(spans)]
        self.covered = bytearray(len(source) + 1)
        self._lower_seen: dict[str, bool] = {}
        self.alltext = "\n".join(sp.text for sp in self.spans)
        self.mid_caps: set[str] = set()
        self.cands: list[_Cand] = []
        self.taken: list[tuple[int, int]] = []

    def seen_lower(self, word: str) -> bool:
        """Is ``word`` written in lower case somewhere in the kept text ("foreign" for "Foreign")?"""
        w = word.lower()
        found = self._lower_seen.get(w)
        if found is None:
            found = False
            text = self.alltext
            i = text.find(w)
            while i != -1:
                j = i + len(w)
                if (i == 0 or not text[i - 1].isalpha()) and (j >= len(text) or not text[j].isalpha()):
                    found = True
                    break
                i = text.find(w, i + 1)
            self._lower_seen[w] = found
        return found

    # -- pass 1: anonymous sources and name runs -------------------------------------------------------

    def scan(self) -> None:
        # name parts as _split_static gives them (offsets inside their run) with the run's offset in
        # the span: shifting every part to span offsets here would cost more than adding the base
        # where an offset is needed
        runs: list[tuple[_Span, tuple[tuple[str, int, int], ...], int]] = []
        group_hits: list[tuple[_Span, int, str]] = []
        lex = self.lex
        wanted = lex.scan_words
        for sp in self.spans:
            occupied: list[tuple[int, int]] = []
            hits = wanted.intersection(_WORD.findall(sp.low))
            if hits:
                for s, low in sorted(_find_words(sp.low, hits)):
                    if low in _ANON_NOUNS:
                        self._anonymous(sp, s, low, occupied)
                    if low in lex.group_nouns or low in lex.people_lower:
                        group_hits.append((sp, s, low))
            for m in _CHUNK.finditer(sp.text):
                if occupied and any(a < m.end() and m.start() < b for a, b in occupied):
                    continue
                parts = _split_static(m.group())
                if parts:
                    base = m.start()
                    for part in parts:
                        if part:
                            runs.append((sp, part, base))
        # whether each part opens a sentence, worked out once (Title Case spans never need it)
        initials = [not sp.title_case and sp.initial(base + part[0][1]) for sp, part, base in runs]
        for (sp, part, _), initial in zip(runs, initials, strict=True):
            if not sp.title_case and not initial:
                self.mid_caps.update([t for t, _, _ in part])
        for (sp, part, base), initial in zip(runs, initials, strict=True):
            self._classify(sp, part, base, initial)
        for sp, s, low in group_hits:
            self._group(sp, s, low)

    def _anonymous(self, sp: _Span, start: int, low: str, occupied: list[tuple[int, int]]) -> None:
        """ "sources", "the sources", "a senior official who asked not to be named", "people familiar with..."."""
        text = sp.text
        end = start + len(low)
        tail = self.rx["anon_tail"].match(text, end)
        if tail is None and low not in _ANON_ALWAYS:
            return
        if occupied and start < occupied[-1][1]:
            return
        s = self._extend_back(text, start, _ANON_MODS)
        e = tail.end() if tail else end
        phrase = text[s:e]
        ss, se = sp.src(s), sp.src(e)
        self._add(_Cand(ss, se, self.source[ss:se], "anonymous",
                                f"anonymous source: '{phrase.strip()}'", "anonymous",
                                canonical=_anonymous_name(phrase)))
        occupied.append((s, e))

    def _extend_back(self, text: str, s: int, mods: frozenset[str], limit: int = 3) -> int:
        """Walk back over modifiers ("two senior US") and one determiner or number."""
        lex = self.lex
        n = 0
        while n < limit:
            prev = _prev_word(text, max(0, s - 40), s)
            if not prev:
                break
            w = prev[0]
            lw = w.lower().replace(".", "")
            if lw in mods or w in lex.demonyms:
                s = prev[1]
                n += 1
                continue
            break
        prev = _prev_word(text, max(0, s - 40), s)
        if prev and (prev[0].lower() in _QUANT or prev[0].isdigit()):
            s = prev[1]
        return s

    def _group(self, sp: _Span, start: int, low: str) -> None:
        """Group nouns ("officials", "local residents", "Chinese officials") and peoples ("Americans")."""
        lex = self.lex
        text = sp.text
        w = text[start : start + len(low)]
        if low in lex.group_nouns:
            if w[0].isupper() and not sp.initial(start) and low not in ("republicans", "democrats"):
                return  # part of a name run ("Mirren District Police")
            s, e = start, start + len(low)
            name, affiliation, mod = low, None, None
            prev = _prev_word(text, max(0, s - 40), s)
            if prev:
                pw = prev[0]
                prev2 = _prev_word(text, max(0, prev[1] - 40), prev[1])
                two = f"{prev2[0].lower()} {pw.lower()}" if prev2 else ""
                if pw in lex.demonyms:
                    mod, affiliation, s = pw, lex.demonyms[pw], prev[1]
                elif two in lex.group_modifiers:
                    mod, s = two, prev2[1]
                elif pw.lower() in lex.group_modifiers:
                    mod, s = pw.lower(), prev[1]
            if low in ("republicans", "democrats"):
                name = low.capitalize()
            if mod:
                name = f"{mod} {name}"
            rule = f"group noun '{low}'" + (f" with '{mod}'" if mod else "")
        elif w[0].isupper() and (w in lex.plurals or lex.names.get(w, ("", ""))[1] == "group"):
            s, e = start, start + len(low)
            entry = lex.names.get(w)
            name = entry[0] if entry else w
            affiliation = lex.plurals.get(w)
            rule = f"'{w}': the people of {affiliation}" if affiliation else f"'{w}' is listed as a people or group"
        else:
            return
        ss, se = sp.src(s), sp.src(e)
        if self._overlaps(ss, se) and s < start and not self._overlaps(sp.src(start), se):
            ss, name, affiliation = sp.src(start), low, None  # the modifier belongs to a name run
            rule = f"group noun '{low}'"
        if self._overlaps(ss, se):
            return
        self._add(_Cand(ss, se, self.source[ss:se], "group", rule, "group", canonical=name,
                                affiliation=affiliation))

    def _overlaps(self, s: int, e: int) -> bool:
        return self.covered.find(1, s, e) != -1

    def _add(self, c: _Cand) -> None:
        self.cands.append(c)
        self._cover(c)

    def _cover(self, c: _Cand) -> None:
        self.covered[c.start : c.end] = b"\x01" * (c.end - c.start)

    def scan_entities(self, ents: list[tuple[int, int, int, str]]) -> None:
        """Use entities from a trained pipeline instead of name runs: (span index, start, end, label)
        with offsets inside the span. Anonymous sources and group nouns still come from the rules."""
        lex = self.lex
        group_hits: list[tuple[_Span, int, str]] = []
        for sp in self.spans:
            occupied: list[tuple[int, int]] = []
            hits = lex.scan_words.intersection(_WORD.findall(sp.low))
            for s, low in sorted(_find_words(sp.low, hits)) if hits else ():
                if low in _ANON_NOUNS:
                    self._anonymous(sp, s, low, occupied)
                if low in lex.group_nouns or low in lex.people_lower:
                    group_hits.append((sp, s, low))
        for i, s, e, label in ents:
            sp = self.spans[i]
            text = sp.text
            while e > s and text[e - 1] in ".,;:'\u2019 ":
                e -= 1
            if text[e - 2 : e] in ("'s", "\u2019s"):
                e -= 2
            if e <= s or self._overlaps(sp.src(s), sp.src(e)):
                continue
            part = [(m.group(), m.start(), m.end()) for m in _PART.finditer(text, s, e)]
            if not part:
                continue
            self._entity(sp, part, label, s, e)
        for sp, s, low in group_hits:
            self._group(sp, s, low)

    def _entity(self, sp: _Span, part: list[tuple[str, int, int]], label: str, s: int, e: int) -> None:
        lex = self.lex
        toks = [t for t, _, _ in part]
        start, end = sp.src(s), sp.src(e)
        written = self.source[start:end]
        why = f"spaCy entity {label}"
        if label in ("GPE", "LOC", "FAC", "ORG", "NORP"):
            c = self._from_lists(sp, " ".join(toks), toks, part[0][1], part[-1][2])
            if c is not None:
                c.rule = f"{why}; {c.rule}"
                self._add(c)
                return
        if label == "PERSON":
            plan = _plan(tuple(toks))
            if plan is not None and plan[0] == "name":
                c = self._from_structure(sp, part)
            else:
                c = self._name_cand(sp, part, "name")
            if c is None:
                return
            c.rule = why
            c.evidence.add("model")
            prev = _PREV_WORD.search(sp.text, max(0, s - 12), s)
            if prev and prev.group(1).lower().rstrip(".") in lex.honorifics:
                c.gender = c.gender or lex.honorifics[prev.group(1).lower().rstrip(".")]
            self._add(c)
            return
        typ = {"ORG": "organisation", "GPE": "place", "LOC": "place", "FAC": "place", "EVENT": "event"}.get(label)
        if label == "NORP" and written.endswith("s") and written[:1].isupper():
            typ = "group"
        if typ is None:
            return
        name = " ".join(toks)
        if name.lower().startswith("the "):
            name = name[4:]
        self._add(_Cand(start, end, written, typ, why, "name", canonical=name, tokens=tuple(toks)))

    # -- classifying one name part ----------------------------------------------------------------
    # A part is a sequence of (word, start, end) with offsets counted from ``base``, an offset in the
    # span (the start of the capitalised run it came from; 0 when the offsets are span offsets).

    def _classify(self, sp: _Span, part: _Part, base: int, initial: bool) -> None:
        """Classify one name part; ``initial``: does it open a sentence (``sp.initial`` at its start)?"""
        if sp.title_case:
            self._classify_restricted(sp, part, base)
            return
        words = _part_words(tuple(part))
        s_norm, e_norm = base + part[0][1], base + part[-1][2]
        # a capitalised common word opening a sentence is not a name ("Asked", "Foreign ministry says")
        if initial and not words.listed_first and len(part) > 1 and (
            self.seen_lower(words.toks[0]) or words.common_first
        ):
            part = part[1:]
            words = _part_words(tuple(part))
            s_norm = base + part[0][1]
            initial = False
        poss = sp.text[e_norm : e_norm + 1] in ("'", "\u2019") and bool(_POSS.match(sp.text, e_norm))
        # (_from_lists finds nothing for a part that fails its opening test: skip the call)
        cand = self._from_lists(sp, words.text, words.toks, s_norm, e_norm) if words.maybe_listed else None
        if cand is None:
            cand = self._from_structure(sp, part, base=base, words=words)
        if cand is None:
            return
        if initial and len(cand.tokens) == 1 and cand.type is None and not cand.honorific:
            word = cand.tokens[0]
            if word not in self.mid_caps or self.seen_lower(word):
                cand.evidence.add("initial")
        if poss:
            cand.rule += " (possessive)"
        self._add(cand)

    def _listed(self, tok: str) -> bool:
        return _is_listed(tok)

    def _from_lists(self, sp: _Span, text: str, toks: Sequence[str], s: int, e: int) -> _Cand | None:
        lex = self.lex
        key = _undot(text)
        if not _maybe_listed(key, text):
            return None
        start, end = sp.src(s), sp.src(e)
        written = self.source[start:end]
        if len(key) > 3 and key.isupper() and key not in lex.names and key.title() in lex.capitals:
            key = key.title()  # "WASHINGTON (AP) -": a dateline names the place
            return _Cand(start, end, written, "place", f"capital city '{key}' in capitals (a dateline)", "name",
                         canonical=key, tokens=(key,), listed=True)
        if key in lex.capitals:
            country = lex.capitals[key]
            if self.capitals_as_governments and not self._locative_before(sp, s):
                return _Cand(start, end, written, "place",
                             f"capital city '{key}' standing for the government of {country}", "capital",
                             canonical=country, tokens=tuple(toks), listed=True)
            return _Cand(start, end, written, "place", f"capital city '{key}' (a place here)", "name",
                         canonical=key, tokens=tuple(toks), listed=True)
        entry = lex.names.get(key) or lex.names.get(text)
        if entry is not None:
            canonical, typ, kind = entry
            how = "listed name" if canonical == key else f"listed name of {canonical}"
            mkind = "acronym" if key.isupper() and len(key) <= 6 else ("name" if canonical == key else "alias")
            return _Cand(start, end, written, typ, f"{how} ({kind})", mkind, canonical=canonical,
                         tokens=tuple(toks), listed=True, affiliation=lex.plurals.get(key))
        if key in lex.demonyms:
            return None  # an adjective ("Chinese side"): used for affiliations, not an actor itself
        return None

    def _from_structure(self, sp: _Span, part: _Part, base: int = 0, words: _PartWords | None = None) -> _Cand | None:
        """A candidate from the shape of the part (see :func:`_plan`); ``words`` is its _part_words, if known."""
        toks = tuple([t for t, _, _ in part]) if words is None else words.toks
        plan = _plan(toks) if words is None else words.plan
        if plan is None:
            return None
        if plan[0] == "typed":
            _, typ, rule, kind, canonical, aff = plan
            start, end = sp.start + base + part[0][1], sp.start + base + part[-1][2]
            return _Cand(start, end, self.source[start:end], typ, rule, kind, canonical=canonical,
                         tokens=toks, affiliation=aff)
        _, n0, ctx, roles, aff, gender, honorific, rule, evidence = plan
        c = self._name_cand(sp, part[n0:], rule, base + part[ctx][1], base, words)
        if roles:
            c.roles = list(roles) + c.roles
        c.affiliation = aff or c.affiliation
        c.gender = gender or c.gender
        c.honorific = honorific
        if evidence:
            c.evidence.update(evidence)
        return c

    def _name_cand(self, sp: _Span, part: _Part, rule: str, ctx: int | None = None, base: int = 0,
                   words: _PartWords | None = None) -> _Cand:
        """A person-name candidate; ``ctx`` is the span offset where the words before it are read.
        ``words``: the _part_words of the whole part this name ends (its plan a "name" plan), if known."""
        if words is None:
            toks, given = _name_words(part)
        else:
            toks, given = words.name_toks, words.given_name
        s, e = base + part[0][1], base + part[-1][2]
        start, end = sp.start + s, sp.start + e
        c = _Cand(start, end, self.source[start:end], None, rule, "name", tokens=toks)
        if given:
            c.evidence.add("given name")
        self._context(sp, s if ctx is None else ctx, e, c)
        return c

    def _context(self, sp: _Span, s: int, e: int, c: _Cand) -> None:
        """Roles and evidence from the words around a name."""
        text = sp.text
        rx = self.rx
        nxt = text[e : e + 3]
        if nxt[:1] == " " and rx["speech"].match(text, e):
            c.evidence.add("speech verb")
        comma = nxt[:1] == "," or nxt[1:3] == "s,"
        if comma and _WHO_AFTER.match(text, e):
            c.evidence.add("who")
        m = rx["role_after"].match(text, e) if comma else None
        if m and self._role_ok(m.group("role")):
            role = _clean_role(m.group("role"))
            comp = m.group("comp")
            if comp and comp[0].isupper():
                c.affiliation = c.affiliation or _affiliation_of(comp)
            elif comp:
                role = f"{role} {m.group('prep').lower()} {comp}"
            c.roles.append(role)
            c.evidence.add("apposition")
            c.gender = c.gender or self.lex.roles.get(role.split()[-1].lower())
        before = self._role_before(sp, s)
        if before:
            role, aff, gender = before
            c.roles.insert(0, role)
            c.affiliation = c.affiliation or aff
            c.gender = c.gender or gender
            c.evidence.add("role before")
        if self._locative_before(sp, s):
            c.evidence.add("locative")

    def _role_ok(self, role: str) -> bool:
        words = role.lower().split()
        bad = self.lex.stop_or_speech
        return not any(w in bad for w in words[:-1])

    def _role_before(self, sp: _Span, s: int) -> tuple[str, str | None, str | None] | None:
        """A role written just before a name: "foreign ministry spokesman Zhao", "the UN chief, Ms X"."""
        lex = self.lex
        text = sp.text
        j = s - 1
        while j >= 0 and text[j] in " \t\u00a0":
            j -= 1
        if j < 0:
            return None
        if text[j] != ",":
            k = j
            while k >= 0 and (text[k].isalnum() or text[k] in "-.'\u2019"):
                k -= 1
            if text[k + 1 : j + 1].lower().rstrip(".") not in lex.role_words:
                return None
        lo = max(0, s - 120)
        toks = _BACK_TOK.findall(text, lo, s)
        if not toks:
            return None
        i = len(toks) - 1
        comma = toks[i] == ","
        if comma:
            i -= 1
        # the role word, perhaps followed by "for/of ..." when an apposition closes with a comma
        j = None
        for k in range(i, max(-1, i - 7), -1):
            w = toks[k].lower()
            if not (w[0].isalnum() or w[0] == "_"):
                break
            if w in lex.role_words and (k == i or (comma and toks[k + 1].lower() in ("for", "of"))):
                j = k
                break
            if not comma:
                break
            if w in lex.stop and w not in ("for", "of", "the", "and"):
                break
        if j is None:
            return None
        comp = toks[j + 1 : i + 1]
        k = j - 1
        premods: list[str] = []
        while k >= 0 and len(premods) < 4:
            w = toks[k]
            lw = w.lower()
            if not _LOWER_WORD.fullmatch(w) or lw in lex.stop or lw in lex.speech_verbs:
                break
            if lw.endswith("ly") or (lw.endswith("ed") and lw not in ("retired", "elected", "appointed")):
                break
            premods.insert(0, w)
            k -= 1
        aff_toks: list[str] = []
        while k >= 0 and len(aff_toks) < 4:
            w = toks[k]
            if (w.endswith("'s") or w.endswith("\u2019s")) and w[0].isupper():
                aff_toks.insert(0, w[:-2])
                k -= 1
                break
            if not w[0].isupper() or w.lower() in lex.stop:
                break
            if not aff_toks and not self._listed(w) and self.seen_lower(w) and len(premods) < 4:
                premods.insert(0, w.lower())  # "Harbour master X" opening a sentence: a common word
                k -= 1
                continue
            aff_toks.insert(0, w)
            k -= 1
        if comma and k >= 0 and toks[k].lower() not in ("the", "a", "an", "by", "with", "to", "from", "and", ",", "(", ":"):
            return None
        role = " ".join(premods + [toks[j]] + comp)
        aff = _affiliation_of(" ".join(aff_toks)) if aff_toks else None
        gender = lex.roles.get(toks[j].lower())
        return role, aff, gender

    def _locative_before(self, sp: _Span, s: int) -> bool:
        before = sp.text[max(0, s - 25) : s].lower().split()
        if not before:
            return False
        if before[-1] in self.lex.locative:
            return True
        return len(before) > 1 and f"{before[-2]} {before[-1]}" in self.lex.locative

    def _classify_restricted(self, sp: _Span, part: _Part, base: int = 0) -> None:
        """Title Case span: keep listed names now; other words only confirm names found in the body."""
        if base:
            part = [(t, base + s, base + e) for t, s, e in part]
        toks = [t for t, _, _ in part]
        n = len(toks)
        i = 0
        while i < n:
            for j in range(n, i, -1):
                c = self._from_lists(sp, " ".join(toks[i:j]), toks[i:j], part[i][1], part[j - 1][2])
                if c is not None:
                    self._add(c)
                    i = j
                    break
            else:
                i += 1
        start, end = sp.src(part[0][1]), sp.src(part[-1][2])
        self._add(_Cand(start, end, self.source[start:end], None, "name in a Title Case line",
                                restricted=True, parts=[(t, sp.src(s), sp.src(e)) for t, s, e in part]))

    # -- pass 2: assembling actors -------------------------------------------------------------------

    def assemble(self) -> list[Actor]:
        return _Assembler(self).run()


@lru_cache(maxsize=20000)
def _split_static(run: str) -> tuple[tuple[tuple[str, int, int], ...], ...]:
    """Split a capitalised run into name parts (offsets relative to the run); cached by text.

    "of/for/on" join only after an organisation, title or place head ("Ministry of Water");
    "and" only inside such a name ("Ministry of Water and Energy"); "the" only after one of those
    ("Ministry of the Interior"); days, months and other non-name words cut the run; leading
    sentence openers ("The", "In", "But") are dropped.
    """
    lex = _lex()
    if " " not in run and "\t" not in run and "\u00a0" not in run and "&" not in run:
        if run.endswith(".") and not _DOTTED.fullmatch(run):
            run = run[:-1]
        if run.lower() in lex.not_name:
            return ()
        p = _strip_leading([(run, 0, len(run))])
        return (tuple(p),) if p else ()
    toks = [(m.group(), m.start(), m.end()) for m in _PART.finditer(run)]
    if _undot(" ".join(t for t, _, _ in toks)) in lex.names:
        return (tuple(toks),)
    parts: list[list[tuple[str, int, int]]] = [[]]
    for i, (t, s, e) in enumerate(toks):
        low = t.lower()
        cur = parts[-1]
        is_conn = t == "&" or (t.islower() and (low in ("of", "for", "and", "the", "on", "upon") or low in _PARTICLES))
        if is_conn:
            if not cur or i + 1 >= len(toks) or not _keep_connector(low, cur):
                parts.append([])
                continue
            cur.append((t, s, e))
            continue
        if t.endswith(".") and not _DOTTED.fullmatch(t):
            bare = t[:-1]
            abbrev = len(bare) == 1 or bare.lower() in lex.honorifics or bare.lower() in (
                "st", "jr", "sr", "mt", "ft", "inc", "co", "corp", "ltd", "no")
            if not abbrev:
                cur.append((bare, s, e - 1))
                parts.append([])
                continue
        if low.rstrip(".") in lex.not_name:
            parts.append([])
            continue
        cur.append((t, s, e))
    out = []
    for p in parts:
        while p and (p[-1][0].islower() or p[-1][0] == "&"):
            p.pop()
        p = _strip_leading(p)
        if p:
            out.append(tuple(p))
    return tuple(out)


def _keep_connector(low: str, cur: list[tuple[str, int, int]]) -> bool:
    lex = _lex()
    words = [t.lower().rstrip(".").replace("\u2019", "'") for t, _, _ in cur]
    headed = any(
        w in lex.org_heads or w in lex.role_words or w in lex.place_heads or w in lex.event_heads
        or w in ("republic", "kingdom", "people's", "state", "states", "house", "university", "bank", "duke")
        for w in words
    )
    if low in ("of", "for", "on", "upon"):
        return headed
    if low in ("and", "&"):
        if low == "&" and not cur[-1][0].islower():
            return True
        return headed and any(t in ("of", "for") for t, _, _ in cur)
    if low == "the":
        return bool(cur) and cur[-1][0] in ("of", "for", "and", "on")
    return True  # name particles: "de", "van", "bin"


def _strip_leading(p: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    lex = _lex()
    while p:
        t = p[0][0]
        full = " ".join(x[0] for x in p)
        if full in lex.names or _undot(full) in lex.names:
            break
        low = t.lower().rstrip(".")
        if t.islower() or t == "&" or (low in lex.stop and low not in lex.honorifics):
            p = p[1:]
            continue
        break
    return p


def _is_listed(tok: str) -> bool:
    """Is the word in a list: a name, capital, nationality or given name, an honorific or a role?"""
    lex = _lex()
    low = tok.lower().rstrip(".")
    return (
        tok in lex.names or tok in lex.capitals or tok in lex.demonyms or tok in lex.given
        or low in lex.honorifics or low in lex.role_words or low in lex.role_modifiers
    )


def _maybe_listed(key: str, text: str) -> bool:
    """The test _Finder._from_lists opens with: could the words (``key``: undotted) be listed?"""
    lex = _lex()
    return key in lex.lookup_keys or text in lex.lookup_keys or key.isupper()


def _name_words(part: _Part) -> tuple[tuple[str, ...], bool]:
    """A person name's words (a final dot dropped from words of three letters or more) and whether a
    given name comes before the last."""
    toks = tuple([t.rstrip(".") if len(t) > 2 else t for t, _, _ in part])
    return toks, len(toks) > 1 and not _lex().given.isdisjoint(toks[:-1])


@dataclass(frozen=True, slots=True)
class _PartWords:
    """What classifying a name part needs to know from its words alone (see :func:`_part_words`)."""

    toks: tuple[str, ...]  # the words
    text: str  # the words joined by spaces
    listed_first: bool  # _is_listed(first word)
    common_first: bool  # the first word ends in -ing, -ed or -ly
    maybe_listed: bool  # does the part pass the test _Finder._from_lists opens with?
    plan: tuple[Any, ...] | None  # _plan(toks)
    name_toks: tuple[str, ...]  # for a "name" plan: _name_words of the name's words
    given_name: bool  # (idem)


@lru_cache(maxsize=20000)
def _part_words(part: tuple[tuple[str, int, int], ...]) -> _PartWords:
    """The word-only side of classifying a name part, worked out once per distinct part (like
    _split_static and _plan, cached): the same name recurs within an article and across articles."""
    toks = tuple([t for t, _, _ in part])
    text = " ".join(toks)
    plan = _plan(toks)
    name_toks, given = _name_words(part[plan[1] :]) if plan is not None and plan[0] == "name" else ((), False)
    return _PartWords(toks, text, _is_listed(toks[0]), toks[0].lower().endswith(("ing", "ed", "ly")),
                      _maybe_listed(_undot(text), text), plan, name_toks, given)


# evidence that makes a single capitalised word a person on its own
_STRONG_EVIDENCE = frozenset({"honorific", "title", "apposition", "role before", "who", "model"})
_COURTESY = frozenset(("mr", "mrs", "ms", "miss", "mx", "sir", "dame", "lord", "lady", "dr", "doctor"))


@lru_cache(maxsize=20000)
def _plan(toks: tuple[str, ...]) -> tuple[Any, ...] | None:
    """What a name part is, from its words alone (cached): ("typed", type, rule, kind, canonical,
    affiliation), ("name", name start, context start, roles, affiliation, gender, honorific, rule,
    evidence) or None (not an actor)."""
    lex = _lex()
    lows = [t.lower().rstrip(".") for t in toks]
    gender = None
    honorific = False
    roles: list[str] = []
    i = 0
    # honorifics and titles in front of the name: "Ms", "Dr", "Sgt."
    while i < len(toks) - 1 and lows[i] in lex.honorifics and lows[i] not in lex.role_words:
        gender = gender or lex.honorifics[lows[i]]
        if lows[i] not in _COURTESY:
            roles.append(toks[i].rstrip("."))
        honorific = True
        i += 1
    # a party or nationality in front of a name: "Republican Donald Trump", "Chinese Foreign Minister Wang Yi"
    affiliation = None
    evidence: tuple[str, ...] = ()
    if i == 0 and len(toks) > 1 and (lows[0] in lex.parties or toks[0] in lex.demonyms) and not any(
        w in lex.org_heads or w in lex.place_heads or w in lex.event_heads or w in lex.document_heads for w in lows[1:]
    ):
        affiliation = lex.parties.get(lows[0]) or lex.demonyms.get(toks[0])
        evidence = ("party or nationality before the name",)
        i = 1
    # a title inside the run: "UN High Commissioner for Human Rights Michelle Bachelet"
    title = None if lex.title_words.isdisjoint(lows[i:-1]) else _title_split(toks, lows, i)
    if title is not None:
        k0, k1, n0, role_gender = title
        role = " ".join(toks[k0:k1])
        roles.append(role)
        aff_toks = toks[i:k0]
        if aff_toks:
            affiliation = _affiliation_of(" ".join(aff_toks))
        return ("name", n0, 0, tuple(roles), affiliation, gender or role_gender, True,
                f"title '{role}' before the name", ("title",))
    rest, lrest = toks[i:], lows[i:]
    if not rest:
        return None
    text = " ".join(rest)
    if lrest[0] in lex.role_words and lrest[0] not in lex.org_heads and len(rest) > 1 and lrest[1] in ("of", "for"):
        return None  # "Minister of Water and Energy" without a name: a title, not an organisation
    if not honorific and not affiliation:
        heads = [w for w in lrest if w in lex.org_heads]
        if lrest[-1] in lex.event_heads and lrest[-1] != "congress":
            return ("typed", "event", f"name ending in event word '{rest[-1]}'", "name", text, None)
        if heads:
            kind = lex.org_heads[heads[-1]]
            aff = None
            first = rest[0]
            if len(rest) > 1 and (lex.names.get(_undot(first), ("", "", ""))[1] in ("place", "organisation")
                                  or first in lex.demonyms):
                aff = _affiliation_of(first)
            return ("typed", "organisation", f"name with organisation word '{heads[-1]}' ({kind})", "name",
                    text, aff)
        if lrest[-1] in lex.place_heads and len(rest) > 1:
            return ("typed", "place", f"name ending in place word '{rest[-1]}'", "name", text, None)
        if lrest[-1] in lex.document_heads:
            return None
        if len(rest) == 1 and rest[0].isupper() and 2 <= len(rest[0]) <= 6 and rest[0].isalpha():
            return ("typed", "organisation", f"acronym '{rest[0]}'", "acronym", rest[0], None)
        if len(rest) == 1 and rest[0] in lex.demonyms:
            return None
        if any(w in lex.role_words or (w in lex.role_modifiers and len(rest) == 1) for w in lrest):
            return None  # a bare title ("High Commissioner", "President")
    if len(rest) > 5 or not all(_namey(t) for t in rest):
        return None
    if any(w in lex.place_heads or w in lex.org_heads for w in lrest):
        return None  # "Kent County Republican": not a person's name
    if len(rest) == 1 and lrest[0] in lex.parties and not honorific:
        return None  # "Republican" alone is a party adjective
    if len(rest) == 1 and lrest[0] in lex.role_words:
        return None  # "Mr. President": a form of address, not a name
    if honorific:
        evidence += ("honorific",)
    return ("name", i, 0, tuple(roles), affiliation, gender, honorific,
            "honorific before the name" if honorific else "capitalised name", evidence)


def _title_split(toks: tuple[str, ...], lows: list[str], i: int) -> tuple[int, int, int, str | None] | None:
    """Find a title in a run: (role start, role end, name start, gender) or None."""
    lex = _lex()
    for k in range(len(toks) - 2, i - 1, -1):
        if lows[k] not in lex.title_words or lows[k] in _COURTESY:
            continue
        n0 = k + 1
        if lows[n0] in ("of", "for"):
            n0 += 1
            while n0 < len(toks) and lows[n0] in lex.topic_words:
                n0 += 1
        rest = toks[n0:]
        if not rest or not all(_namey(t) for t in rest):
            continue
        if any(w in lex.org_heads or w in lex.place_heads for w in lows[n0:]):
            continue
        k0 = k
        while k0 > i and (lows[k0 - 1] in lex.role_modifiers or lows[k0 - 1] in lex.role_words):
            k0 -= 1
        end = n0
        while end > k + 1 and toks[end - 1].islower():
            end -= 1
        return k0, end, n0, lex.roles.get(lows[k]) or lex.honorifics.get(lows[k])
    return None


def _affiliation_of(text: str) -> str | None:
    """The canonical name behind an affiliation ("Chinese" -> China, "UN" -> United Nations)."""
    lex = _lex()
    text = text.strip()
    if not text:
        return None
    key = _undot(text)
    if key in lex.demonyms:
        return lex.demonyms[key]
    if key in lex.names:
        return lex.names[key][0]
    if key in lex.capitals:
        return lex.capitals[key]
    return text


def _prev_word(text: str, lo: int, end: int) -> tuple[str, int] | None:
    """The word just before the whitespace that ends ``text[lo:end]``, and its start offset; the same
    as ``_PREV_WORD.search(text, lo, end)`` (group 1), or None.

    That search tries every start in the window; reading the reversed window from its start finds
    the same word in one match: the whitespace, then the longest run of word characters, apostrophes,
    dots and hyphens that ends (in text order: starts) with a word character."""
    m = _PREV_WORD_REVERSED.match(text[lo:end][::-1])
    if m is None:
        return None
    start = end - m.end()
    return text[start : end - m.start(1)], start


def _namey(tok: str) -> bool:
    return bool(_NAMEY.fullmatch(tok))


def _find_words(low: str, words: set[str]) -> list[tuple[int, str]]:
    """Start offsets of whole-word occurrences of ``words`` in the lower-cased text ``low``."""
    out = []
    n = len(low)
    for w in words:
        i = low.find(w)
        while i != -1:
            j = i + len(w)
            if (i == 0 or not (low[i - 1].isalnum() or low[i - 1] in "'\u2019-")) and (
                j >= n or not (low[j].isalnum() or low[j] in "'\u2019-")
            ):
                out.append((i, w))
            i = low.find(w, j)
    return out


def _clean_role(role: str) -> str:
    words = role.split()
    while words and words[0].lower() in ("the", "a", "an", "its", "his", "her", "their"):
        words = words[1:]
    return " ".join(words)


_DETS = re.compile(
    r"^(?:(?:the|a|an|one|two|three|four|five|several|some|other|another|multiple|many|both|\d+)\s+)+", re.I
)


_SOURCES_NAME = re.compile(r"(?:[\w.-]+\s+){0,3}(?:sources?|insiders?)")
_INITIALS_SPLIT = re.compile(r"[\s-]+")


def _anonymous_name(text: str) -> str:
    t = _DETS.sub("", " ".join(text.split())).strip(" ,")
    low = t.lower()
    if _SOURCES_NAME.fullmatch(low):
        return "insiders" if "insider" in low else "sources"
    return low


def _dedupe(spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    for sp in sorted(spans, key=lambda x: (x.start, -x.end)):
        if out and sp.start < out[-1].end:
            if sp.end > out[-1].end:
                out.append(Span(out[-1].end, sp.end, sp.label, sp.reason))
            continue
        out.append(sp)
    return out


# ---------------------------------------------------------------------------------------------------
# Assembly: one actor per referent
# ---------------------------------------------------------------------------------------------------


class _Entry:
    """An actor being built."""

    __slots__ = ("name", "type", "roles", "affiliation", "mentions", "gender", "tokens", "key", "forms")

    def __init__(self, name: str, typ: str, key: str, tokens: tuple[str, ...] = ()) -> None:
        self.name = name
        self.type = typ
        self.key = key
        self.roles: list[str] = []
        self.affiliation: str | None = None
        self.mentions: list[Mention] = []
        self.gender: str | None = None
        self.tokens = tokens
        self.forms: set[str] = set()

    def add(self, c: _Cand, rule: str | None = None, kind: str | None = None) -> None:
        self.mentions.append(Mention(c.start, c.end, c.text, rule or c.rule, kind or c.kind))
        for r in c.roles:
            if r and r.lower() not in (x.lower() for x in self.roles):
                self.roles.append(r)
        if c.affiliation and not self.affiliation and c.affiliation != self.name:
            self.affiliation = c.affiliation
        if c.gender and not self.gender:
            self.gender = c.gender
        self.forms.add(c.text)


class _Assembler:
    def __init__(self, finder: _Finder) -> None:
        self.f = finder
        self.lex = finder.lex
        self.source = finder.source
        self.entries: dict[str, _Entry] = {}

    def entry(self, key: str, name: str, typ: str, tokens: tuple[str, ...] = ()) -> _Entry:
        e = self.entries.get(key)
        if e is None:
            e = self.entries[key] = _Entry(name, typ, key, tokens)
        return e

    def run(self) -> list[Actor]:
        cands = sorted(_drop_overlaps(self.f.cands, len(self.source)), key=attrgetter("start"))
        persons = [c for c in cands if c.type is None and len(c.tokens) > 1 and not c.restricted]
        singles = [c for c in cands if c.type is None and len(c.tokens) == 1 and not c.restricted]
        typed = [c for c in cands if c.type is not None]
        restricted = [c for c in cands if c.restricted]
        # evidence shared across all mentions of the same written form
        single_tokens = {c.tokens[0] for c in singles}
        for c in persons:
            ev = c.evidence - {"locative", "initial"}
            if ev or c.tokens[-1] in single_tokens:
                e = self.entry("person:" + " ".join(c.tokens).lower(), " ".join(c.tokens), "person", c.tokens)
                e.add(c, kind="name")
        self._merge_short_persons()
        for c in sorted(typed, key=lambda c: len(c.tokens) < 2):
            self._add_typed(c)
        self._add_singles(singles)
        self._add_restricted(restricted)
        self._link_acronyms()
        self._descriptions()
        self._genders()
        return self._actors()

    def _merge_short_persons(self) -> None:
        """ "Michelle Bachelet" and "Ms Michelle Bachelet" share a key already; "Hillary Rodham Clinton"
        joins "Hillary Clinton" when first and last names agree; "Miss Universe Alicia Machado" joins
        "Alicia Machado" when the shorter name ends the longer one."""
        people = [e for e in self.entries.values() if e.type == "person"]
        # both ways of joining need the same last word: only such pairs are tried (in the same order)
        by_last: dict[str, list[_Entry]] = {}
        for e in people:
            by_last.setdefault(e.tokens[-1], []).append(e)
        for a in people:
            for b in by_last[a.tokens[-1]]:
                if a is b or a.key not in self.entries or b.key not in self.entries:
                    continue
                longer = len(a.tokens) > len(b.tokens) >= 2
                if longer and (a.tokens[0] == b.tokens[0] and a.tokens[-1] == b.tokens[-1]
                               or a.tokens[-len(b.tokens):] == b.tokens):
                    for m in a.mentions:
                        b.mentions.append(m)
                    b.roles += [r for r in a.roles if r not in b.roles]
                    b.affiliation = b.affiliation or a.affiliation
                    b.gender = b.gender or a.gender
                    b.forms |= a.forms
                    del self.entries[a.key]

    def _add_typed(self, c: _Cand) -> None:
        name = c.canonical or c.text
        if c.type == "organisation" and len(c.tokens) == 1 and not c.listed and c.kind == "acronym":
            word = c.tokens[0].title()
            people = [e for e in self.entries.values() if e.type == "person" and word in e.tokens]
            if len(people) == 1:  # "PENCE:" in a transcript
                people[0].add(c, rule=f"'{c.tokens[0]}' in capitals is the name of {people[0].name}", kind="short")
                return
        if c.type == "organisation" and len(c.tokens) == 1 and not c.listed and c.kind == "name":
            target = self._org_by_token(c.tokens[0], c)
            if target is not None:
                target.add(c, rule=f"'{c.tokens[0]}' short for {target.name}", kind="alias")
                return
        if c.type == "organisation" and len(c.tokens) == 1 and c.tokens[0].lower() in self.lex.org_heads and not c.listed:
            return  # a lone organisation word ("Media", "Post") that matches no organisation named in full
        if c.type in ("organisation", "event", "place") and name.lower().startswith("the "):
            name = name[4:]
        key = f"{c.type}:{name.lower()}"
        e = self.entry(key, name, c.type, c.tokens)
        e.add(c)

    def _org_by_token(self, tok: str, c: _Cand, index: dict[str, list[_Entry]] | None = None) -> _Entry | None:
        """ "the Post" for "The Washington Post", "Duroval" for "Duroval Engineering". ``index`` is
        :meth:`_org_index` when the organisations have not changed since it was made."""
        low = tok.lower()
        if index is None:
            found = [e for e in self.entries.values() if e.type == "organisation" and len(e.tokens) > 1
                     and (e.tokens[-1].lower() == low or e.tokens[0].lower() == low)]
        else:
            found = index.get(low, [])
        if len(found) == 1 and (low in self.lex.org_heads) == (found[0].tokens[-1].lower() == low):
            return found[0]
        return None

    def _org_index(self) -> dict[str, list[_Entry]]:
        """Organisations of two words or more by their first and last word (lower case), in entry order."""
        index: dict[str, list[_Entry]] = {}
        for e in self.entries.values():
            if e.type == "organisation" and len(e.tokens) > 1:
                for low in dict.fromkeys((e.tokens[-1].lower(), e.tokens[0].lower())):
                    index.setdefault(low, []).append(e)
        return index

    def _add_singles(self, singles: list[_Cand]) -> None:
        lex = self.lex
        by_form: dict[str, list[_Cand]] = {}
        for c in singles:
            by_form.setdefault(c.tokens[0], []).append(c)
        people = [e for e in self.entries.values() if e.type == "person" and len(e.tokens) > 1]
        # people by their last and by their first word, in entry order (the lists below were
        # "every person whose last word is tok, else every person whose first word is")
        by_last: dict[str, list[_Entry]] = {}
        by_first: dict[str, list[_Entry]] = {}
        for e in people:
            by_last.setdefault(e.tokens[-1], []).append(e)
            by_first.setdefault(e.tokens[0], []).append(e)
        orgs = self._org_index()  # no organisation is added below
        for tok, cs in by_form.items():
            matches = by_last.get(tok) or by_first.get(tok) or []
            if matches:
                for c in cs:
                    e = self._first_named(matches, c.start)
                    how = "surname" if e.tokens[-1] == tok else "first word of the name"
                    rule = f"'{tok}' is the {how} of {e.name}"
                    if len(matches) > 1:
                        rule += f" (shared by {len(matches)} people: taken for the one named first)"
                    e.add(c, rule=rule + (" (possessive)" if "possessive" in c.rule else ""), kind="short")
                continue
            org = self._org_by_token(tok, cs[0], orgs)
            if org is not None:
                for c in cs:
                    org.add(c, rule=f"'{tok}' short for {org.name}", kind="alias")
                continue
            evidence = set().union(*(c.evidence for c in cs))
            strong = evidence & _STRONG_EVIDENCE
            if all("initial" in c.evidence for c in cs) and not strong:
                if self.f.seen_lower(tok) or "speech verb" not in evidence:
                    continue  # only ever opens a sentence: a capitalised common word
            person_ev = strong | (evidence & {"speech verb"})
            places = sum("locative" in c.evidence for c in cs)
            if not strong and places and places >= sum("speech verb" in c.evidence for c in cs):
                person_ev = set()  # "in Hollin" more often than "Hollin said": a place
            if person_ev:
                e = self.entry("person:" + tok.lower(), tok, "person", (tok,))
                for c in cs:
                    e.add(c, rule=c.rule + f" ({', '.join(sorted(person_ev))})")
            elif "locative" in evidence and tok not in lex.given:
                e = self.entry("place:" + tok.lower(), tok, "place", (tok,))
                for c in cs:
                    e.add(c, rule="capitalised name after a place preposition (in, at, near, visit to...)")

    def _first_named(self, matches: list[_Entry], pos: int) -> _Entry:
        """Of several people sharing a surname, the one named first before ``pos`` (news style: the main
        person keeps the bare surname, relatives and namesakes get full or first names)."""
        if len(matches) == 1:
            return matches[0]
        named = [(min(m.start for m in e.mentions), e) for e in matches]
        before = [x for x in named if x[0] <= pos] or named
        return min(before, key=lambda x: x[0])[1]

    def _add_restricted(self, cands: list[_Cand]) -> None:
        """Words of a Title Case line that match a name (or a surname) found elsewhere."""
        if not cands:
            return
        known: dict[str, _Entry] = {}
        for e in self.entries.values():
            for form in e.forms | {e.name}:
                known.setdefault(_alias_form(form), e)
            if e.type == "person" and len(e.tokens) > 1:
                known.setdefault(e.tokens[-1], e)
        taken = [(m.start, m.end) for e in self.entries.values() for m in e.mentions]
        for c in cands:
            toks = c.parts
            i = 0
            while i < len(toks):
                for j in range(len(toks), i, -1):
                    form = " ".join(t for t, _, _ in toks[i:j])
                    e = known.get(form)
                    s, end = toks[i][1], toks[j - 1][2]
                    if e is None or any(a < end and s < b for a, b in taken):
                        continue
                    e.mentions.append(Mention(s, end, self.source[s:end],
                                              f"'{form}' in a Title Case line matches {e.name}",
                                              "name" if form == e.name else "short"))
                    taken.append((s, end))
                    i = j
                    break
                else:
                    i += 1

    def _link_acronyms(self) -> None:
        orgs = [e for e in self.entries.values() if e.type == "organisation"]
        # "Inter-Basin Rivers Commission (IBRC)"
        for e in orgs:
            for m in list(e.mentions):
                pm = _PAREN_ACRONYM.match(self.source, m.end)
                if pm:
                    acro = pm.group(1)
                    other = self.entries.get(f"organisation:{acro.lower()}")
                    if other is not None and other is not e:
                        self._merge(other, e, f"'{acro}' given in brackets after {e.name}")
        orgs = [e for e in self.entries.values() if e.type == "organisation"]
        initials: dict[str, str] = {}  # by entry key: names do not change while merging
        for a in orgs:
            if len(a.tokens) != 1 or not a.name.isupper():
                continue
            for b in orgs:
                if b is a or len(b.tokens) < 2 or b.key not in self.entries:
                    continue
                if b.key not in initials:
                    initials[b.key] = _initials(b.name)
                if initials[b.key] == a.name:
                    self._merge(a, b, f"'{a.name}' is made of the initials of {b.name}")
                    break

    def _merge(self, src: _Entry, dst: _Entry, why: str) -> None:
        for m in src.mentions:
            dst.mentions.append(Mention(m.start, m.end, m.text, f"{m.rule}; {why}", "acronym"))
        dst.forms |= src.forms
        dst.roles += [r for r in src.roles if r not in dst.roles]
        self.entries.pop(src.key, None)

    def _descriptions(self) -> None:
        """ "the high commissioner" -> the only person whose role ends in "commissioner"."""
        heads: dict[str, list[_Entry]] = {}
        for e in self.entries.values():
            if e.type != "person":
                continue
            for r in e.roles:
                words = r.lower().split()
                for w in reversed(words):
                    if w in self.lex.role_words:
                        if e not in heads.setdefault(w, []):
                            heads[w].append(e)
                        break
        unique = {h: es[0] for h, es in heads.items() if len(es) == 1 and h not in ("member", "resident")}
        if not unique:
            return
        taken = [(m.start, m.end) for e in self.entries.values() for m in e.mentions]
        heads_found = []
        head_words = set(unique)
        for sp in self.f.spans:
            for i, head in _find_words(sp.low, head_words):
                m = _THE_BEFORE.search(sp.text, max(0, i - 40), i)
                j = i + len(head)
                if m is None or sp.text[j : j + 2].strip()[:1].isupper():
                    continue
                heads_found.append((sp.src(m.start()), sp.src(j), head))
        for s, end, head in sorted(heads_found):
            e = unique[head]
            phrase = self.source[s:end]
            first = min(x.start for x in e.mentions)
            if s < first or any(a < end and s < b for a, b in taken):
                continue
            words = phrase.lower().split()[1:-1]
            role_words = " ".join(e.roles).lower().split()
            if any(w not in role_words for w in words):
                continue
            e.mentions.append(Mention(s, end, phrase,
                                      f"'{phrase}' refers to {e.name}, the only person with the role '{head}'",
                                      "description"))
            taken.append((s, end))

    def _genders(self) -> None:
        """Gender from the first he/she after a mention, before any other person is named."""
        starts = sorted(m.start for e in self.entries.values() if e.type == "person" for m in e.mentions)
        for e in self.entries.values():
            if e.type != "person" or e.gender:
                continue
            votes = {"m": 0, "f": 0}
            for m in e.mentions:
                k = bisect_right(starts, m.start)
                limit = min(len(self.source), m.end + 160, starts[k] if k < len(starts) else len(self.source))
                nxt = _PRONOUN_FAST.search(self.source, m.end, limit)
                if nxt and self.source.find("\n", m.end, nxt.start()) == -1:
                    votes["m" if nxt.group(1) else "f"] += 1
            if votes["m"] != votes["f"]:
                e.gender = "m" if votes["m"] > votes["f"] else "f"

    def _actors(self) -> list[Actor]:
        names = {}
        for e in self.entries.values():
            for form in e.forms:
                names.setdefault(form, e.name)
            names.setdefault(e.name, e.name)
        by_start = attrgetter("start")
        mentions_of = {e.key: sorted(e.mentions, key=by_start) for e in self.entries.values() if e.mentions}
        ordered = sorted(
            (e for e in self.entries.values() if e.mentions), key=lambda e: mentions_of[e.key][0].start
        )
        actors = []
        for i, e in enumerate(ordered, 1):
            mentions = mentions_of[e.key]
            aliases = []
            for m in mentions:
                form = _alias_form(m.text)
                if form != e.name and form not in aliases and m.kind not in ("description",):
                    aliases.append(form)
            aff = e.affiliation
            if aff is not None:
                aff = names.get(aff, aff)
                if aff == e.name:
                    aff = None
            actors.append(Actor(f"A{i}", e.name, e.type, list(e.roles), aff, aliases, mentions,
                                mentions[0].start, None, e.gender))
        return actors


def _alias_form(text: str) -> str:
    t = " ".join(text.split())
    return t[4:] if t[:4] in ("the ", "The ") else t


def _initials(name: str) -> str:
    words = _INITIALS_SPLIT.split(name)
    return "".join(w[0] for w in words if w and w[0].isupper())


def _drop_overlaps(cands: list[_Cand], size: int) -> list[_Cand]:
    """Keep one candidate per stretch of text: anonymous sources first, then the longest."""
    # Usually no two candidates share any text: then all are kept, and sorted by start (the order
    # the caller wants) they can be returned at once. Equal starts or any overlap: the full path.
    by_start = sorted(cands, key=attrgetter("start"))
    last_start = last_end = -1
    for c in by_start:
        if c.start <= last_start or c.start < last_end:
            break
        last_start, last_end = c.start, max(last_end, c.end)
    else:
        return by_start
    order = sorted(cands, key=lambda c: (c.type != "anonymous", c.restricted, -(c.end - c.start), c.type is None, c.start))
    kept: list[_Cand] = []
    used = bytearray(size + 1)
    for c in order:
        if used.find(1, c.start, c.end) != -1:
            continue
        used[c.start : c.end] = b"\x01" * (c.end - c.start)
        kept.append(c)
    return kept


def actors_from_entities(
    source: str, spans: list[Span], entities: list[tuple[int, int, str]], *, capitals_as_governments: bool = True
) -> list[Actor]:
    """Actors from named entities found by another tool (``(start, end, label)`` source offsets with
    spaCy labels: PERSON, ORG, GPE, LOC, FAC, NORP, EVENT), merged, typed and given roles by the same
    rules as :func:`find_actors`. Anonymous sources and group nouns still come from the rules."""
    finder = _Finder(source, spans, capitals_as_governments)
    ents = []
    for s, e, label in sorted(entities):
        for i, sp in enumerate(finder.spans):
            if sp.start <= s and e <= sp.start + len(sp.text):
                ents.append((i, s - sp.start, e - sp.start, label))
                break
    finder.scan_entities(ents)
    return finder.assemble()


def find_actors(source: str, spans: list[Span], *, capitals_as_governments: bool = True) -> list[Actor]:
    """Find the actors mentioned in ``spans`` of ``source`` (see the module docstring for the rules).

    ``spans`` are the kept parts of an article: title, standfirst, paragraphs (captions if wanted),
    never removed boilerplate. Actors come back in order of first mention with ids ``A1``, ``A2``...

    >>> text = "Ms Ana Petrov, a spokeswoman for the Harbour Board, said the plan was sound. Petrov added more."
    >>> [(a.name, a.type, a.role, a.affiliation, len(a.mentions)) for a in find_actors(text, [Span(0, len(text))])]
    [('Ana Petrov', 'person', 'spokeswoman', 'Harbour Board', 2), ('Harbour Board', 'organisation', None, None, 1)]
    """
    finder = _Finder(source, spans, capitals_as_governments)
    finder.scan()
    return finder.assemble()
