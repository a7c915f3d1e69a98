"""The linker's view of an article: actor mentions by position, quotations, sentences.

Limit: :data:`PRONOUN_LOOKBACK` (200). Looking back from a pronoun (or a description that needs the
most salient actor before it), at most that many actor mentions of one sentence (the last ones before
the pronoun), that many speakers of one sentence, and that many sentences and paragraphs are read. A
news sentence names a few actors; a page with its punctuation stripped is one sentence of thousands
of mentions, and reading back through all of them for every pronoun would take its square. Sentences
wholly inside a quotation, which add no distance, are stepped over at no cost. A search cut short
there is counted, and :func:`mediakit.speakers.link_quotes` notes it for ``Article.flags``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Callable, Hashable, Iterable, Iterator
from operator import attrgetter, itemgetter
from typing import Any

from ..actors.results import Actor, Mention
from ..model import Span
from ..quotes import Quote
from ..segment import split_paragraphs
from .result import Link
from .words import BY_START, SPEAKER_TEXT_WORD, sentences

#: How many actor mentions (and speakers) of one sentence, and how many sentences and paragraphs, are read
#: back from a pronoun in search of its antecedent (see the module docstring).
PRONOUN_LOOKBACK = 200

_NON_SPACE = re.compile(r"\S+")
FIRST = attrgetter("first_position")
FIRST_ITEM = itemgetter(0)
_START_END = attrgetter("start", "end")


class MentionIndex:
    """Mentions sorted by start (with a lookup by exact span), the quotations, the speakers linked so
    far and the sentences of the analysed spans; mentions added while linking go into the index."""

    def __init__(self, source: str, quotes: list[Quote], actors: list[Actor], spans: list[Span] | None,
                 stated: dict[int, tuple[str, str] | None] | None = None) -> None:
        self.source = source
        self.quotes = quotes
        self.actors = actors
        self.spans = spans
        self.quoted = sorted((q.start, q.end) for q in quotes if q.kind in ("direct", "mixed"))
        self._quoted_starts = [x[0] for x in self.quoted]  # (bisected as numbers: no tuple made per question)
        self.index = Mentions(actors)
        self.by_span: dict[tuple[int, int], Link] = {}
        self.lookup = Lookup(actors)
        self._mention_keys: dict[int, set[tuple[int, int]]] = {}
        # speakers already linked: (position of the speaker words, actor), sorted; and their ids
        self.spoken: list[tuple[int, int, Actor]] = []
        self.spoken_ids: set[int] = set()
        self.cut_short = 0  # searches back from a pronoun that PRONOUN_LOOKBACK stopped
        self._cut = False  # did the search under way stop there?
        self._capitals: dict[int, bool] = {}
        self._headline_spans: list[tuple[int, int]] | None = None
        self.searched: dict[tuple[str, str], bool] = {}  # words sought in the whole text (see names_someone)
        self.first_moved = 0  # how often a first_position moved earlier (see earliest)
        self._earliest: dict[Hashable, tuple[int, list[int], list[Actor]]] = {}
        self._first_comma: dict[int, int] = {}
        self._paras: list[tuple[int, int]] | None = None
        self._para_starts: list[int] = []
        self._sentence_cache: dict[int, tuple[list[tuple[int, int, bool]], list[int], list[int]]] = {}
        self._paragraph_starts: list[int] | None = None
        # genders read from pronouns this linker resolved: actor id -> {"m": n, "f": n}
        self.pronoun_votes: dict[int, dict[str, int]] = {}
        # the gender the text states for an actor, by actor id (see Salience.stated): given by the caller
        # to keep it for the quotes' speaker genders (mediakit.analysis), which read the same
        self._stated: dict[int, tuple[str, str] | None] = {} if stated is None else stated

    def sentences_before(self, pos: int) -> Iterator[tuple[int, int, bool]]:
        """The sentences of the analysed spans from the one holding ``pos`` backwards: ``(start, end, empty)``,
        ``empty`` when the sentence lies wholly inside one quotation (it adds no distance: a long quotation
        counts as one sentence). After the first, empty sentences are stepped over (no caller reads
        them): only the others are given. Worked out paragraph by paragraph, only as far back as asked,
        and no further than :data:`PRONOUN_LOOKBACK` sentences and paragraphs."""
        if self._paras is None:
            spans = self.spans if self.spans is not None else split_paragraphs(self.source)
            self._paras = sorted(map(_START_END, spans)) or [(0, len(self.source))]
            self._para_starts = [p[0] for p in self._paras]
        i = bisect_right(self._para_starts, pos) - 1
        if i < 0:
            return
        sents, starts, full = self._para_sentences(i)
        k = bisect_right(starts, pos)  # the sentences that start after pos are left out
        first = True
        steps = 0
        limit = PRONOUN_LOOKBACK
        while True:
            if first and k > 0:
                yield sents[k - 1]  # the sentence holding pos, even inside a quotation
                first = False
                k -= 1
            j = full[k - 1] if k > 0 else -1
            while j >= 0:
                steps += 1
                if steps > limit:
                    self._cut_here()
                    return
                yield sents[j]
                first = False
                j = full[j - 1] if j > 0 else -1
            i -= 1
            steps += 1
            if i < 0 or steps > limit:
                if i >= 0:
                    self._cut_here()
                return
            sents, starts, full = self._para_sentences(i)
            k = len(sents)  # (still first: the last sentence of this paragraph is given even if empty)

    def _para_sentences(self, i: int) -> tuple[list[tuple[int, int, bool]], list[int], list[int]]:
        """The sentences of paragraph ``i`` (see :meth:`sentences_before`), their starts, and for each
        the index of the nearest one at or before it that is not empty (-1: none)."""
        found = self._sentence_cache.get(i)
        if found is None:
            assert self._paras is not None  # (read by the caller first)
            ps, pe = self._paras[i]
            bounds = sentences(self.source, ps, pe)
            sents = [(s, e, self._within_one_quote(s, e)) for s, e in bounds] or [(ps, pe, False)]
            full = []
            last = -1
            for j, x in enumerate(sents):
                if not x[2]:
                    last = j
                full.append(last)
            self._sentence_cache[i] = found = (sents, [x[0] for x in sents], full)
        return found

    def _cut_here(self) -> None:
        """A search back stopped at :data:`PRONOUN_LOOKBACK` (counted once per search)."""
        if not self._cut:
            self._cut = True
            self.cut_short += 1

    def sentence_of(self, pos: int) -> tuple[int, int]:
        """The start and end of the sentence holding ``pos``."""
        s, e, _empty = next(self.sentences_before(pos), (pos, pos, False))
        return s, e

    def _within_one_quote(self, s: int, e: int) -> bool:
        i = bisect_right(self._quoted_starts, s) - 1  # the last quotation starting at or before s
        return i >= 0 and e <= self.quoted[i][1] + 1

    # -- the mention index ----------------------------------------------------------------------------

    def exact(self, ss: int, se: int) -> Actor | None:
        """The actor of a mention the actor finder found at exactly ``[ss, se)``: of several, the last
        person's, else the first one's. Looked up by bisection (the quotes ask about a few spans; a table
        of every mention would cost more to make)."""
        found = self.index.found
        fs = self.index.found_starts
        k = bisect_left(fs, ss)
        hit = None
        n = len(fs)
        while k < n and fs[k] == ss:
            x = found[k]
            if x[1] == se and (hit is None or x[2].type == "person"):
                hit = x[2]
            k += 1
        return hit

    def overlapping(self, ss: int, se: int) -> list[tuple[int, int, Actor]]:
        return [(s, e, a) for s, e, a in self.index.starting(ss - 200, se) if ss < e]

    def inside_quote(self, s: int) -> bool:
        i = bisect_right(self._quoted_starts, s) - 1  # the last quotation starting at or before s
        return i >= 0 and s < self.quoted[i][1]

    def before(self, pos: int) -> Iterator[tuple[int, int, Actor]]:
        """Mentions ending by ``pos``, nearest first. Lazy: callers stop at the first that fits (and
        change the index only when they stop)."""
        return (x for x in self.index.before(pos) if x[1] <= pos)

    def last_named(self, among: list[Actor], pos: int, ids: set[int] | None = None) -> Actor | None:
        """Of the actors ``among`` (whose ids are ``ids``, when known), the one :meth:`before` meets
        first: the one with the latest mention that starts before ``pos`` and ends by it. A short walk
        back through the mentions finds it when it is near; else, as each actor's mentions are sorted by
        start (see :meth:`add_mention`), a bisection per actor does, rather than a walk over every
        mention of a long text."""
        if ids is None:
            ids = {id(a) for a in among}
        for steps, (_s, e, a) in enumerate(self.index.before(pos)):
            if steps > 16 + 2 * len(among):
                break
            if e <= pos and id(a) in ids:
                return a
        best: tuple[int, list[Actor]] | None = None
        for a in among:
            ms = a.mentions
            k = bisect_left(ms, pos, key=BY_START) - 1
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

    def first_word(self, lo: int, hi: int) -> str:
        """The first word of ``source[lo:hi]`` (split at spaces), or "" (read in place: no copy)."""
        m = _NON_SPACE.search(self.source, lo, hi)
        return m.group() if m else ""

    def comma_between(self, lo: int, hi: int) -> bool:
        """Is there a comma in ``source[lo:hi]``? (the first comma from ``lo`` is found once)"""
        at = self._first_comma.get(lo)
        if at is None:
            at = self._first_comma[lo] = self.source.find(",", lo)
        return lo <= at < hi

    def add_mention(self, a: Actor, s: int | None, e: int | None, rule: str, kind: str) -> None:
        if s is None or e is None:
            return
        keys = self._mention_keys.get(id(a))
        if keys is None:  # built once per actor, so that adding stays cheap on very long articles
            keys = self._mention_keys[id(a)] = {(m.start, m.end) for m in a.mentions}
        if (s, e) in keys:
            return
        keys.add((s, e))
        mention = Mention(s, e, self.source[s:e], rule, kind)
        if not a.mentions or a.mentions[-1].start <= s:
            a.mentions.append(mention)  # where insort puts it (after every mention starting at or before s)
        else:
            insort(a.mentions, mention, key=BY_START)
        if a.mentions[0].start < a.first_position:
            self.first_moved += 1  # (see earliest)
        a.first_position = a.mentions[0].start
        self.index.add(s, e, a)

    def earliest(self, key: Hashable, items: list[Actor], k: int = 2) -> list[Actor]:
        """The ``k`` actors of ``items`` named first (smallest ``first_position``). ``items`` is a list
        that only grows at its end, asked about again under the same ``key``: only the actors added since
        are read. A first position only ever moves earlier (a mention added before the first); then
        every answer is worked out afresh."""
        entry = self._earliest.get(key)
        if entry is None or entry[0] != self.first_moved:
            entry = self._earliest[key] = (self.first_moved, [0], [])
        read, best = entry[1], entry[2]
        for a in items[read[0]:]:
            if len(best) < k or a.first_position < best[-1].first_position:
                best.append(a)
                best.sort(key=FIRST)
                del best[k:]
        read[0] = len(items)
        return best

    def named_before(self, key: Hashable, items: list[Actor], pos: int, k: int = 2) -> list[Actor]:
        """Up to ``k`` of the actors of ``items`` first named before ``pos`` (see :meth:`earliest`): as
        many as there are, when fewer."""
        return [a for a in self.earliest(key, items, k) if a.first_position < pos]


class Mentions:
    """Every actor mention as ``(start, end, actor)``, in order of start; a mention added while linking
    comes before the ones already there with the same start.

    Kept as two sorted lists: the actor finder's mentions (sorted once) and the ones linking adds
    (pronouns, descriptions, speakers). Quotes are linked in order, so an added mention mostly goes at
    the end of the second list: inserting it into one list of every mention would move, each time,
    all the mentions after it, hundreds of thousands in a long text."""

    def __init__(self, actors: list[Actor]) -> None:
        self.found = [(m.start, m.end, a) for a in actors for m in a.mentions]
        self.found.sort(key=FIRST_ITEM)
        self.found_starts = list(map(FIRST_ITEM, self.found))
        self.added: list[tuple[int, int, Actor]] = []
        self.added_starts: list[int] = []

    def add(self, s: int, e: int, a: Actor) -> None:
        starts = self.added_starts
        if not starts or s > starts[-1]:  # the commonest case, quotes being linked in order: at the end
            self.added.append((s, e, a))
            starts.append(s)
            return
        i = bisect_left(starts, s)
        self.added.insert(i, (s, e, a))
        starts.insert(i, s)

    def starting(self, lo: int, hi: int) -> list[tuple[int, int, Actor]]:
        """The mentions that start from ``lo`` up to ``hi`` (excluded), in order."""
        if not self.added:
            fs = self.found_starts
            return self.found[bisect_left(fs, lo) : bisect_left(fs, hi)]
        return self.last_starting(lo, hi)[0]

    def last_starting(self, lo: int, hi: int, last: int | None = None) -> tuple[list[tuple[int, int, Actor]], bool]:
        """The mentions that start from ``lo`` up to ``hi`` (excluded), in order: only the ``last`` of
        them when given, and whether there were more."""
        fs, ads = self.found_starts, self.added_starts
        f0, f1 = bisect_left(fs, lo), bisect_left(fs, hi)
        a0, a1 = (bisect_left(ads, lo), bisect_left(ads, hi)) if ads else (0, 0)
        more = last is not None and f1 - f0 + a1 - a0 > last
        if more:  # the last n of the merged run come from the last n of each list
            f0, a0 = max(f0, f1 - last), max(a0, a1 - last)  # type: ignore[operator]
        found = self.found[f0:f1]
        if a0 == a1:
            out = found
        else:
            added = self.added[a0:a1]
            out = []
            i = j = 0
            while i < len(found) and j < len(added):
                if added[j][0] <= found[i][0]:
                    out.append(added[j])
                    j += 1
                else:
                    out.append(found[i])
                    i += 1
            out += found[i:]
            out += added[j:]
        if more:
            out = out[-last:]  # type: ignore[operator]
        return out, more

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


class Lookup:
    """The actors by what the linking steps look them up by (a role word, an affiliation, a name, a word
    of an organisation's name, a lower-case name or alias by type), each list in the order of
    ``actors``. Each table is made on first use and kept up to date by :meth:`append`, so a look-up
    costs the actors it finds rather than a pass over every actor (long texts have thousands). Linking
    changes none of these fields (a country that speaks is typed an organisation only after the walk)."""

    def __init__(self, actors: list[Actor]) -> None:
        self.actors = actors
        self._tables: dict[str, dict[Any, list[Actor]]] = {}
        self._roles_asked: dict[tuple[str, frozenset[str]], tuple[int, list[Actor]]] = {}
        self._filtered: dict[Hashable, tuple[int, list[Actor]]] = {}
        self._ids: dict[Hashable, tuple[int, set[int]]] = {}
        self._called_asked = 0
        self._lower_names: dict[int, set[str]] = {}

    def _names(self, a: Actor) -> set[str]:
        """The actor's name and aliases in lower case (worked out once; linking changes neither)."""
        names = self._lower_names.get(id(a))
        if names is None:
            names = self._lower_names[id(a)] = {a.name.lower(), *(x.lower() for x in a.aliases)}
        return names

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

    def filtered(self, key: Hashable, items: list[Actor], keep: Callable[[Actor], bool]) -> list[Actor]:
        """The actors of ``items`` (a list that only grows at its end) for which ``keep`` holds, kept under
        ``key``: asked again, only the actors added since are read (``keep`` must read fields linking
        does not change)."""
        read, found = self._filtered.get(key, (0, []))
        found.extend(a for a in items[read:] if keep(a))
        self._filtered[key] = (len(items), found)
        return found

    def ids(self, key: Hashable, items: list[Actor]) -> set[int]:
        """The ids of ``items`` (a list that only grows at its end), kept under ``key``."""
        read, found = self._ids.get(key, (0, set()))
        found.update(id(a) for a in items[read:])
        self._ids[key] = (len(items), found)
        return found

    def first_called(self, typ: str, lname: str, affiliation: str | None) -> Actor | None:
        """The first actor of type ``typ`` with the name or alias ``lname`` (lower case) and the
        affiliation ``affiliation`` (any, when None). The first few questions of an article are answered
        by a pass over the actors (cheaper than making the tables, for an article of a few dozen); the
        tables are made once the questions are many."""
        self._called_asked += 1
        if self._called_asked <= _SCAN_QUESTIONS:
            for a in self.actors:
                if a.type == typ and (affiliation is None or a.affiliation == affiliation) and lname in self._names(a):
                    return a
            return None
        if affiliation is None:
            found = self._table("called").get((typ, lname))
        else:
            found = self._table("called_with").get((typ, lname, affiliation))
        return found[0] if found else None

    def affiliated(self, group: str) -> list[Actor]:
        """People whose affiliation is ``group``."""
        return self._table("affiliation").get(group, [])

    def named(self, name: str) -> list[Actor]:
        """Actors whose name is ``name``."""
        return self._table("name").get(name, [])

    def organisations_with_word(self, word: str) -> list[Actor]:
        """Organisations with the word ``word`` (lower case) in their name."""
        return self._table("org").get(word, [])


_SCAN_QUESTIONS = 16  # questions answered by a pass over the actors before the tables are made (Lookup)

_KEYS: dict[str, Callable[[Actor], Iterable[Any]]] = {
    "role": lambda a: [w for r in a.roles for w in r.lower().split(" ")] if a.type == "person" else [],
    "affiliation": lambda a: [a.affiliation] if a.type == "person" else [],
    "name": lambda a: [a.name],
    "org": lambda a: [w.lower() for w in SPEAKER_TEXT_WORD.findall(a.name)] if a.type == "organisation" else [],
    "called": lambda a: [(a.type, a.name.lower()), *((a.type, x.lower()) for x in a.aliases)],
    "called_with": lambda a: [(a.type, a.name.lower(), a.affiliation),
                              *((a.type, x.lower(), a.affiliation) for x in a.aliases)],
}


