"""Scanning: the candidate mentions of one call, found span by span.

Anonymous sources ("a senior official who asked not to be named") are found first, then runs of
capitalised words (or a trained pipeline's entities), which :class:`~mediakit.actors.classify.NameClassifier`
turns into candidates, then group nouns and peoples in what is left.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache
from itertools import accumulate

from ..budget import check
from ..model import Span
from .candidates import Candidate, Found, KeptSpan
from .classify import NameClassifier
from .lexicon import ANON_ALWAYS, ANON_MODS, ANON_NOUNS, QUANT
from .parts import NamePlan, PartWords, plan_part, run_parts
from .patterns import (
    CHUNK,
    PART,
    PREV_WORD,
    WORD,
    anonymous_name,
    credit_hints,
    credit_spans,
    list_patterns,
    prev_word,
)


class _Occupied:
    """The stretches of a span that anonymous sources take: does a name run overlap one? By start, with
    the furthest end so far, so a test costs a bisection (a one-line page of a megabyte is one span
    with thousands of sources)."""

    def __init__(self, taken: list[tuple[int, int]]) -> None:
        taken = sorted(taken)
        self.starts = [a for a, _ in taken]
        self.ends = list(accumulate((b for _, b in taken), max))

    def overlaps(self, s: int, e: int) -> bool:
        k = bisect_left(self.starts, e)  # the stretches that start before e; does one end after s?
        return k > 0 and self.ends[k - 1] > s


def _blank(text: str, cut: list[tuple[int, int]]) -> str:
    """``text`` with the stretches ``cut`` (sorted by start; they may overlap) made spaces, offsets kept:
    built once, not copied again for every stretch."""
    if not cut:
        return text
    parts: list[str] = []
    at = 0
    for a, b in cut:
        a = max(a, at)
        if b <= a:
            continue
        parts += (text[at:a], " " * (b - a))
        at = b
    parts.append(text[at:])
    return "".join(parts)


@lru_cache(maxsize=8)
def _whole_tokens(words: frozenset[str]) -> frozenset[str]:
    """Those of ``words`` that are one ``WORD`` token each (the others are never a token)."""
    return frozenset(w for w in words if WORD.fullmatch(w))


# bytes.translate table: ASCII lower-case letters kept, every other byte made a space
_KEEP = frozenset(b"abcdefghijklmnopqrstuvwxyz")
_TO_SPACE = bytes(c if c in _KEEP else 32 for c in range(256))


@lru_cache(maxsize=8)
def _split_words(words: frozenset[str]) -> tuple[frozenset[bytes], tuple[str, ...]]:
    """The whole-token words of ``words`` (:func:`_whole_tokens`) of ASCII lower-case letters alone, as
    bytes, and the others (a hyphen, an apostrophe, another letter: "shi'ites", "m\u0101ori")."""
    whole = _whole_tokens(words)
    plain = frozenset(w.encode() for w in whole if _KEEP.issuperset(w.encode()))
    return plain, tuple(w for w in whole if w.encode() not in plain)


def word_candidates(low: str, words: frozenset[str]) -> set[str]:
    """The words of ``words`` that may be ``WORD`` tokens of the lower-cased text ``low``: every
    token among them (``words.intersection(WORD.findall(low))``) and a few more, read without the
    pattern and without gathering the text's distinct words.

    A token of ASCII lower-case letters has none on either side (a letter before it would have
    opened or continued a token, one after it continued it), so it still stands whole between
    spaces once every other byte of the text's UTF-8 is made a space (one table look-up per byte),
    and the split pieces are tested against the words at once. The few words with another character
    count when they occur at all. A word that comes back but is no token
    ("officials" in "officials\u2019", "x_officials") is found by :func:`find_words` only beside a
    ``_`` if at all (anywhere else its neighbours are no token characters, and it would be a token
    there): :meth:`Finder._sources` tests those places against the span's own tokens. (But "\u00d7"
    and "\u00f7" open a token with no word character: a text holding one is read by the pattern.)"""
    utf8 = low.encode()
    if b"\xc3\x97" in utf8 or b"\xc3\xb7" in utf8:
        # "\u00d7" or "\u00f7", the two characters that open a token but are no word characters: a
        # token may start right after one ("\u00d7officials"), where find_words sees a whole word
        return set(_whole_tokens(words).intersection(WORD.findall(low)))
    plain, other = _split_words(words)
    hits = {w.decode() for w in plain.intersection(utf8.translate(_TO_SPACE).split())}
    hits.update(w for w in other if w in low)
    return hits


class Finder:
    """One call of :func:`~mediakit.actors.find_actors`: scans the spans and keeps the candidates in ``found``."""

    def __init__(self, source: str, spans: list[Span], capitals_as_governments: bool) -> None:
        self.found = Found(source, spans)
        self.source = source
        self.lex = self.found.lex
        self.rx = list_patterns()
        self.names = NameClassifier(self.found, capitals_as_governments)

    @property
    def spans(self) -> list[KeptSpan]:
        return self.found.spans

    # -- anonymous sources and name runs -----------------------------------------------------------

    def scan(self) -> None:
        # name parts as split_run gives them (offsets inside their run) with the run's offset in the
        # span: shifting every part to span offsets here would cost more than adding the base where an
        # offset is needed
        # (and whether the part opens a sentence)
        runs: list[tuple[KeptSpan, tuple[tuple[str, int, int], ...], int, PartWords, bool]] = []
        group_hits: list[tuple[KeptSpan, int, str]] = []
        # names in credits and datelines are not read (a kind of credit the article does not hint at
        # is not tried in its spans)
        hints = credit_hints(self.found.all_text)
        mid_caps = self.names.mid_caps
        for sp, sources in zip(self.found.spans, self._sources(group_hits), strict=True):
            check()  # the article's time budget, if any (mediakit.budget)
            occupied = _Occupied(sources) if sources else None
            text = _blank(sp.text, credit_spans(sp.text, hints))
            title_case = sp.title_case
            for m in CHUNK.finditer(text):
                if occupied is not None and occupied.overlaps(m.start(), m.end()):
                    continue
                base = m.start()
                for part, words in run_parts(m.group()):
                    # whether the part opens a sentence (Title Case spans never need it), and the words
                    # seen capitalised where no sentence opens: all known before any part is classified
                    if title_case:
                        runs.append((sp, part, base, words, False))
                    elif sp.initial(base + part[0][1]):
                        runs.append((sp, part, base, words, True))
                    else:
                        mid_caps.update(words.toks)
                        runs.append((sp, part, base, words, False))
        classify = self.names.classify
        for k, (sp, part, base, words, initial) in enumerate(runs):
            if not k & 255:
                check()
            classify(sp, part, base, initial, words)
        for sp, s, low in group_hits:
            self._group(sp, s, low)

    def _sources(self, group_hits: list[tuple[KeptSpan, int, str]]) -> list[list[tuple[int, int]]]:
        """Add the anonymous sources of every span; note the group nouns and peoples in ``group_hits``
        (they are added after the names). Returns, span by span, the offsets the sources take.

        The words looked for in a span are those of the lists that are words of the span (``WORD``
        tokens of its lower-cased text); where they stand is found as :func:`find_words` finds it.
        Both are read once in the spans joined (:meth:`Found.words_in_spans`): a word found whole there
        with no ``_`` on either side is a token of its span (its neighbours are no token characters);
        beside a ``_`` the span's own tokens decide."""
        lex = self.lex
        found = self.found
        spans = found.spans
        occupied: list[list[tuple[int, int]]] = [[] for _ in spans]
        hits = word_candidates(found.all_low(), lex.scan_words)
        if not hits:
            return occupied
        span_hits: dict[int, frozenset[str]] = {}  # span by span, only where a "_" makes it needed
        # the characters beside a word are read in the joined lower-cased text (a span's own lower case
        # is not made for it): there a span's first and last characters stand beside a line break
        # where the span's text has nothing, and neither is a "_"
        all_low, low_starts = found.all_low(), found.low_starts
        for k, s, low in sorted(found.words_in_spans(hits)):
            sp = spans[k]
            i = low_starts[k] + s
            if all_low[i - 1 : i] == "_" or all_low[i + len(low) : i + len(low) + 1] == "_":
                if k not in span_hits:
                    span_hits[k] = lex.scan_words.intersection(WORD.findall(sp.low))
                if low not in span_hits[k]:
                    continue
            if low in ANON_NOUNS:
                self._anonymous(sp, s, low, occupied[k])
            if low in lex.group_nouns or low in lex.people_lower:
                group_hits.append((sp, s, low))
        return occupied

    def _anonymous(self, sp: KeptSpan, start: int, low: str, occupied: list[tuple[int, int]]) -> None:
        """ "sources", "the sources", "a senior official who asked not to be named", "people familiar with..."."""
        text = sp.text
        end = start + len(low)
        tail = self.rx.anon_tail.match(text, end)
        if tail is None and low not in ANON_ALWAYS:
            return
        if occupied and start < occupied[-1][1]:
            return
        s = self._extend_back(text, start, ANON_MODS)
        e = tail.end() if tail else end
        phrase = text[s:e]
        ss, se = sp.src(s), sp.src(e)
        self.found.add(Candidate(ss, se, self.source[ss:se], "anonymous",
                                 f"anonymous source: '{phrase.strip()}'", "anonymous",
                                 canonical=anonymous_name(phrase)))
        occupied.append((s, e))

    def _extend_back(self, text: str, s: int, mods: frozenset[str], limit: int = 3) -> int:
        """Walk back over modifiers ("two senior US") and one determiner or number."""
        lex = self.lex
        n = 0
        while n < limit:
            prev = prev_word(text, max(0, s - 40), s)
            if not prev:
                break
            w = prev[0]
            lw = w.lower().replace(".", "")
            if lw in mods or w in lex.demonyms:
                s = prev[1]
                n += 1
                continue
            break
        prev = prev_word(text, max(0, s - 40), s)
        if prev and (prev[0].lower() in QUANT or prev[0].isdigit()):
            s = prev[1]
        return s

    def _group(self, sp: KeptSpan, start: int, low: str) -> None:
        """Group nouns ("officials", "local residents", "Chinese officials") and peoples ("Americans")."""
        lex = self.lex
        found = self.found
        text = sp.text
        w = text[start : start + len(low)]
        if low in lex.group_nouns:
            if w[0].isupper() and not sp.initial(start) and low not in ("republicans", "democrats") \
                    and low[:-1] not in lex.parties:
                return  # part of a name run ("Mirren District Police")
            s, e = start, start + len(low)
            name, affiliation, mod = low, None, None
            prev = prev_word(text, max(0, s - 40), s)
            if prev:
                pw = prev[0]
                prev2 = None
                if pw.lower() in lex.group_modifier_ends:  # (a modifier of two words may end here)
                    prev2 = prev_word(text, max(0, prev[1] - 40), prev[1])
                two = f"{prev2[0].lower()} {pw.lower()}" if prev2 else ""
                if pw in lex.demonyms:
                    mod, affiliation, s = pw, lex.demonyms[pw], prev[1]
                elif prev2 and two in lex.group_modifiers:
                    mod, s = two, prev2[1]
                elif pw.lower() in lex.group_modifiers:
                    mod, s = pw.lower(), prev[1]
                elif pw.lower() in lex.parties and pw[0].isupper():
                    mod, affiliation, s = pw, lex.parties[pw.lower()], prev[1]  # "Republican senators"
            if low in ("republicans", "democrats") or (w[0].isupper() and low[:-1] in lex.parties):
                name = w  # a party's members: "the Conservatives", "Republicans"
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
        if found.overlaps(ss, se) and s < start and not found.overlaps(sp.src(start), se):
            ss, name, affiliation = sp.src(start), low, None  # the modifier belongs to a name run
            rule = f"group noun '{low}'"
        if found.overlaps(ss, se):
            return
        found.add(Candidate(ss, se, self.source[ss:se], "group", rule, "group", canonical=name,
                            affiliation=affiliation))

    # -- entities from a trained pipeline ----------------------------------------------------------

    def scan_entities(self, ents: list[tuple[int, int, int, str]]) -> None:
        """Use entities from a trained pipeline instead of name runs: (span index, start, end, label)
        with offsets inside the span. Anonymous sources and group nouns still come from the rules."""
        group_hits: list[tuple[KeptSpan, int, str]] = []
        self._sources(group_hits)
        for i, s, e, label in ents:
            sp = self.found.spans[i]
            text = sp.text
            while e > s and text[e - 1] in ".,;:'\u2019 ":
                e -= 1
            if text[e - 2 : e] in ("'s", "\u2019s"):
                e -= 2
            if e <= s or self.found.overlaps(sp.src(s), sp.src(e)):
                continue
            part = [(m.group(), m.start(), m.end()) for m in PART.finditer(text, s, e)]
            if not part:
                continue
            self._entity(sp, part, label, s, e)
        for sp, s, low in group_hits:
            self._group(sp, s, low)

    def _entity(self, sp: KeptSpan, part: list[tuple[str, int, int]], label: str, s: int, e: int) -> None:
        lex = self.lex
        names = self.names
        toks = [t for t, _, _ in part]
        start, end = sp.src(s), sp.src(e)
        written = self.source[start:end]
        why = f"spaCy entity {label}"
        if label in ("GPE", "LOC", "FAC", "ORG", "NORP"):
            c = names.from_lists(sp, " ".join(toks), toks, part[0][1], part[-1][2])
            if c is not None:
                c.rule = f"{why}; {c.rule}"
                self.found.add(c)
                return
        if label == "PERSON":
            if isinstance(plan_part(tuple(toks)), NamePlan):
                c = names.from_structure(sp, part)
            else:
                c = names.name_cand(sp, part, "name")
            if c is None:
                return
            c.rule = why
            c.evidence.add("model")
            prev = PREV_WORD.search(sp.text, max(0, s - 12), s)
            if prev and prev.group(1).lower().rstrip(".") in lex.honorifics:
                c.gender = c.gender or lex.honorifics[prev.group(1).lower().rstrip(".")]
            self.found.add(c)
            return
        typ = {"ORG": "organisation", "GPE": "place", "LOC": "place", "FAC": "place", "EVENT": "event"}.get(label)
        if label == "NORP" and written.endswith("s") and written[:1].isupper():
            typ = "group"
        if typ is None:
            return
        name = " ".join(toks)
        if name.lower().startswith("the "):
            name = name[4:]
        self.found.add(Candidate(start, end, written, typ, why, "name", canonical=name, tokens=tuple(toks)))
