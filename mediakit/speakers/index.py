"""The linker's view of an article: actor mentions by position, quotations, sentences."""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterator
from operator import itemgetter

from ..actors.results import Actor, Mention
from ..model import Span
from ..quotes import Quote
from ..segment import split_paragraphs
from .result import Link
from .words import BY_START, sentences


class MentionIndex:
    """Mentions sorted by start (with a lookup by exact span), the quotations, the speakers linked so
    far and the sentences of the analysed spans; mentions added while linking go into the index."""

    def __init__(self, source: str, quotes: list[Quote], actors: list[Actor], spans: list[Span] | None) -> None:
        self.source = source
        self.quotes = quotes
        self.actors = actors
        self.spans = spans
        self.quoted = sorted((q.start, q.end) for q in quotes if q.kind in ("direct", "mixed"))
        self.index: list[tuple[int, int, Actor]] = [(m.start, m.end, a) for a in actors for m in a.mentions]
        self.index.sort(key=itemgetter(0))
        self.starts = [x[0] for x in self.index]
        self.exact: dict[tuple[int, int], Actor] = {}
        for s, e, a in self.index:
            if a.type == "person" or (s, e) not in self.exact:
                self.exact[(s, e)] = a
        self.by_span: dict[tuple[int, int], Link] = {}
        self._lower_names: dict[int, set[str]] = {}
        self._mention_keys: dict[int, set[tuple[int, int]]] = {}
        # speakers already linked: (position of the speaker words, actor), sorted
        self.spoken: list[tuple[int, int, Actor]] = []
        self._paras: list[tuple[int, int]] | None = None
        self._para_starts: list[int] = []
        self._sentence_cache: dict[int, list[tuple[int, int, bool]]] = {}
        self._paragraph_starts: list[int] | None = None
        # genders read from pronouns this linker resolved: actor id -> {"m": n, "f": n}
        self.pronoun_votes: dict[int, dict[str, int]] = {}
        self._stated: dict[int, tuple[str, str] | None] = {}

    def sentences_before(self, pos: int) -> Iterator[tuple[int, int, bool]]:
        """The sentences of the analysed spans from the one holding ``pos`` backwards: ``(start, end, empty)``,
        ``empty`` when the sentence lies wholly inside one quotation (it adds no distance: a long quotation
        counts as one sentence). Worked out paragraph by paragraph, only as far back as asked."""
        if self._paras is None:
            spans = self.spans if self.spans is not None else split_paragraphs(self.source)
            self._paras = sorted((sp.start, sp.end) for sp in spans) or [(0, len(self.source))]
            self._para_starts = [p[0] for p in self._paras]
        i = bisect_right(self._para_starts, pos) - 1
        first = True
        while i >= 0:
            sents = self._para_sentences(i)
            for s, e, empty in reversed(sents):
                if first and s > pos:
                    continue
                first = False
                yield s, e, empty
            first = False
            i -= 1

    def _para_sentences(self, i: int) -> list[tuple[int, int, bool]]:
        found = self._sentence_cache.get(i)
        if found is None:
            ps, pe = self._paras[i]
            bounds = sentences(self.source, ps, pe)
            found = [(s, e, self._within_one_quote(s, e)) for s, e in bounds]
            self._sentence_cache[i] = found = found or [(ps, pe, False)]
        return found

    def sentence_of(self, pos: int) -> tuple[int, int]:
        """The start and end of the sentence holding ``pos``."""
        s, e, _empty = next(self.sentences_before(pos), (pos, pos, False))
        return s, e

    def _within_one_quote(self, s: int, e: int) -> bool:
        i = bisect_left(self.quoted, (s + 1,)) - 1
        return i >= 0 and self.quoted[i][0] <= s and e <= self.quoted[i][1] + 1

    # -- the mention index ----------------------------------------------------------------------------

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

    def before(self, pos: int) -> Iterator[tuple[int, int, Actor]]:
        """Mentions ending by ``pos``, nearest first. Lazy: callers stop at the first that fits (and
        change the index only when they stop)."""
        i = bisect_left(self.starts, pos)
        index = self.index
        return (index[k] for k in range(i - 1, -1, -1) if index[k][1] <= pos)

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
        insort(a.mentions, Mention(s, e, self.source[s:e], rule, kind), key=BY_START)
        a.first_position = a.mentions[0].start
        i = bisect_left(self.starts, s)
        self.index.insert(i, (s, e, a))
        self.starts.insert(i, s)


