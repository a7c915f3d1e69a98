"""Pronouns by salience: the speaker of an earlier quote or the subject of a sentence before."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator

from ..actors.lexicon import lexicon
from ..actors.results import Actor
from . import index
from .gender import stated_gender
from .index import FIRST_ITEM, MentionIndex
from .result import Link
from .words import (
    HE,
    HE_SHE,
    NEXT_LOWER,
    NOT_BEFORE_SUBJECT,
    OPENERS,
    SUBORDINATE,
    gender_note,
)


class Salience(MentionIndex):
    """Resolves pronouns (and anything else that needs the most salient actor before a position)."""

    # -- pronouns and salience ------------------------------------------------------------------------

    def pronoun(self, low: str, ss: int, se: int) -> Link:
        if low in HE_SHE:
            want = "m" if low in HE else "f"
            found = self.salient(("person",), ss, se, want, f"'{low}'")
            if found is None:
                return Link(None, f"'{low}': no person named before it" + self.lookback_note(), "pronoun")
            a = found.actor
            assert a is not None
            votes = self.pronoun_votes.setdefault(id(a), {"m": 0, "f": 0})
            votes[want] += 1
            self.add_mention(a, ss, se, found.how, "pronoun")
            return Link(a, found.how, "pronoun")
        if low in ("they", "it"):
            types = ("group", "anonymous", "organisation") if low == "they" else ("organisation", "country")
            found = self.salient(types, ss, se, None, f"'{low}'")
            if found is None:
                return Link(None, f"'{low}': nothing fitting named before it" + self.lookback_note(), "pronoun")
            assert found.actor is not None
            self.add_mention(found.actor, ss, se, found.how, "pronoun")
            return Link(found.actor, found.how, "pronoun")
        return Link(None, f"'{low}': a first- or second-person pronoun is not resolved", "pronoun")

    def salient(self, types: tuple[str, ...], ss: int, se: int, want: str | None, what: str) -> Link | None:
        """The most salient actor of ``types`` before ``ss`` (see the module docstring)."""
        best: tuple[float, int, Actor, str] | None = None
        dist = -0.5
        self._cut = False
        for lo, hi, empty in self.sentences_before(ss):
            if dist > 12 or (best is not None and dist > best[0]):
                break
            current = dist < 0
            if current or not empty:
                for score, pos, a, why in self._candidates(lo, min(hi, ss), types, want, current):
                    total = dist + score
                    # a tie within one sentence goes to the name that comes first (its subject)
                    if best is None or total < best[0] or (total == best[0] and lo <= pos < best[1]):
                        best = (total, pos, a, why)
                dist = 0.0 if current else dist + 1.0
        if best is None:
            return None
        _score, _pos, a, why = best
        return Link(a, f"{what} resolved to {a.name}, {why}", "pronoun")

    def _candidates(self, lo: int, hi: int, types: tuple[str, ...], want: str | None,
                    current: bool) -> Iterator[tuple[float, int, Actor, str]]:
        """The fitting actors of the sentence ``[lo, hi)``, each with a rank (lower is better)."""
        seen: set[int] = set()
        limit = index.PRONOUN_LOOKBACK
        # speakers of earlier quotes in this sentence (the last PRONOUN_LOOKBACK of them)
        spoken = self.spoken
        i, j = bisect_left(spoken, lo, key=FIRST_ITEM), bisect_left(spoken, hi, key=FIRST_ITEM)
        if j - i > limit:
            self._cut_here()
            i = j - limit
        while i < j:
            pos, _end, a = spoken[i]
            i += 1
            if id(a) in seen or (a.type not in types and not self._fits(a, types)):
                continue
            penalty = self._gender_penalty(a, want)
            if penalty is None:
                continue
            seen.add(id(a))
            # a speaker inside an opening subordinate clause ("Although Lind said ..., Moss ...") ranks lower
            rank = 0.0 if self._subject_like(lo, pos) or not self._in_opening_clause(lo, pos) else 1.0
            yield rank + penalty, pos, a, "the speaker of the quote before" + gender_note(penalty, a, want)
        mentions, more = self.index.last_starting(lo, hi, limit)
        if more:
            self._cut_here()
        for s, e, a in mentions:
            # (the type read here first: most mentions fit or not by it alone, without a call)
            if e > hi or id(a) in seen or (a.type not in types and not self._fits(a, types)) or self.inside_quote(s):
                continue
            penalty = self._gender_penalty(a, want)
            if penalty is None:
                continue
            # (read only for a mention that fits: most of a sentence's mentions do not)
            subject = self._subject_like(lo, s)
            if current and not subject:
                continue
            modifier = self._modifier(e)
            if subject and not modifier:
                rank, why = 0.0, "the subject of the sentence"
            elif modifier:
                rank, why = 3.0, "named in a possessive or as a modifier"
            else:
                rank, why = 2.0, "named before it"
            seen.add(id(a))
            yield rank + penalty, s, a, why + gender_note(penalty, a, want)

    def _fits(self, a: Actor, types: tuple[str, ...]) -> bool:
        if a.type in types:
            return True
        if "country" in types and a.type == "place":
            return id(a) in self.spoken_ids or self._capital(a)
        return False

    def _capital(self, a: Actor) -> bool:
        """Is one of the place's mentions a capital standing for its country? (linking adds none)"""
        key = id(a)
        found = self._capitals.get(key)
        if found is None:
            found = self._capitals[key] = any(m.kind == "capital" for m in a.mentions)
        return found

    def lookback_note(self) -> str:
        """After a search back found nothing: what stopped it, when the limit did."""
        if not self._cut:
            return ""
        return f" (the search back stopped at PRONOUN_LOOKBACK, {index.PRONOUN_LOOKBACK:,} mentions or sentences)"

    def _gender_penalty(self, a: Actor, want: str | None) -> float | None:
        """None when the text states the other gender; 3 when only a pronoun suggested it; else 0."""
        if want is None or a.type != "person":
            return 0.0
        stated = self.stated(a)
        if stated is not None:
            return 0.0 if stated[0] == want else None
        votes = self.pronoun_votes.get(id(a))
        if votes and votes["m" if want == "f" else "f"] > votes[want]:
            return 3.0
        if a.gender is not None and a.gender != want:
            return 3.0
        return 0.0

    def stated(self, a: Actor) -> tuple[str, str] | None:
        """The gender the text states for ``a`` (honorific or gendered role noun) and the words, or None."""
        key = id(a)
        if key not in self._stated:
            self._stated[key] = stated_gender(self.source, a)
        return self._stated[key]

    def _subject_like(self, lo: int, s: int) -> bool:
        """Does the name at ``s`` open its sentence or clause (after "But", a title, "For his part,")?"""
        # "For his part, Brooks": the clause after the comma; a long stretch before the name: it is not
        # the subject (the comma is sought only as far back as that: a sentence may be a megabyte)
        c = self.source.rfind(",", max(lo, s - 121), s)
        if c < 0 and s - lo > 120:
            return False
        prefix = self.source[c + 1 if c >= 0 else lo : s]
        if len(prefix) > 120:
            return False
        lex = lexicon()
        for w in prefix.split():
            w0 = w.strip("\"'\u201c\u2018\u201d\u2019()[]")
            if not w0:
                continue
            lw = w0.lower()
            if lw in SUBORDINATE or lw in NOT_BEFORE_SUBJECT or lw in lex.speech_verbs:
                return False
            if w0[:1].isupper() or lw in OPENERS or lw in lex.role_words or lw in lex.role_modifiers:
                continue
            if lw.endswith(("ed", "ing")) and "-" not in lw:
                return False  # a verb: the name is its object
            if "\u2591" in w0:
                return False
        return True

    def _in_opening_clause(self, lo: int, s: int) -> bool:
        """Is ``s`` inside a subordinate clause opening the sentence ("Although X said ..., Y ...")?"""
        first = self.first_word(lo, s).lower().strip("\"'\u201c\u2018(")
        return first in SUBORDINATE and not self.comma_between(lo, s)

    def _modifier(self, e: int) -> bool:
        """Is the mention ending at ``e`` a possessive or a modifier ("Kim's visit", "the Osland government")?"""
        nxt = self.source[e : e + 40]
        if nxt[:2] in ("'s", "\u2019s") or (nxt[:1] in ("'", "\u2019") and nxt[1:2] in (" ", "")):
            return True
        m = NEXT_LOWER.match(nxt)
        if m is None:
            return False
        w = m.group(1)
        lex = lexicon()
        return w in lex.org_heads or w in lex.role_words or w in lex.group_nouns or w in lexicon().collective

