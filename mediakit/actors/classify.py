"""Classifying a name part in its sentence: the lists, the part's own words, then the words around it.

A part is a sequence of (word, start, end) with offsets counted from ``base``, an offset in the span
(the start of the capitalised run it came from; 0 when the offsets are span offsets).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from .candidates import Candidate, Found, KeptSpan
from .lexicon import Lexicon
from .parts import (
    Part,
    PartWords,
    TypedPlan,
    affiliation_of,
    is_listed,
    maybe_listed,
    name_words,
    part_words,
    plan_part,
)
from .patterns import BACK_TOK, LOWER_WORD, POSS, WHO_AFTER, list_patterns, undot


class RoleBefore(NamedTuple):
    """A role written just before a name, with the affiliation and gender it gives."""

    role: str
    affiliation: str | None
    gender: str | None


class NameClassifier:
    """Turns name parts into candidates and adds them to ``found``."""

    def __init__(self, found: Found, capitals_as_governments: bool) -> None:
        self.found = found
        self.source = found.source
        self.lex = found.lex
        self.rx = list_patterns()
        self.capitals_as_governments = capitals_as_governments
        self.mid_caps: set[str] = set()  # words seen capitalised where no sentence opens
        self._add = found.add  # bound once: both run for every part
        self._seen_lower = found.seen_lower

    def classify(self, sp: KeptSpan, part: Part, base: int, initial: bool, words: PartWords | None = None) -> None:
        """Classify one name part; ``initial``: does it open a sentence (``sp.initial`` at its start)?
        ``words``: its :func:`~mediakit.actors.parts.part_words`, if known."""
        if sp.title_case:
            self.classify_restricted(sp, part, base)
            return
        if words is None:
            words = part_words(tuple(part))
        s_norm, e_norm = base + part[0][1], base + part[-1][2]
        # a capitalised common word opening a sentence is not a name ("Asked", "Foreign ministry says")
        if initial and not words.listed_first and len(part) > 1 and (
            self._seen_lower(words.toks[0]) or words.common_first
        ):
            part = part[1:]
            words = part_words(tuple(part))
            s_norm = base + part[0][1]
            initial = False
        poss = sp.text[e_norm : e_norm + 1] in ("'", "\u2019") and bool(POSS.match(sp.text, e_norm))
        # (from_lists finds nothing for a part that fails its opening test: skip the call)
        cand = self.from_lists(sp, words.text, words.toks, s_norm, e_norm, words.key) if words.maybe_listed else None
        if cand is None:
            cand = self.from_structure(sp, part, base=base, words=words)
        if cand is None:
            return
        if initial and len(cand.tokens) == 1 and cand.type is None and not cand.honorific:
            word = cand.tokens[0]
            if word not in self.mid_caps or self._seen_lower(word):
                cand.evidence.add("initial")
        if poss:
            cand.rule += " (possessive)"
        self._add(cand)

    def classify_restricted(self, sp: KeptSpan, part: Part, base: int = 0) -> None:
        """Title Case span: keep listed names now; other words only confirm names found in the body."""
        if base:
            part = [(t, base + s, base + e) for t, s, e in part]
        toks = [t for t, _, _ in part]
        n = len(toks)
        i = 0
        while i < n:
            for j in range(n, i, -1):
                c = self.from_lists(sp, " ".join(toks[i:j]), toks[i:j], part[i][1], part[j - 1][2])
                if c is not None:
                    self._add(c)
                    i = j
                    break
            else:
                i += 1
        start, end = sp.src(part[0][1]), sp.src(part[-1][2])
        self._add(Candidate(start, end, self.source[start:end], None, "name in a Title Case line",
                            restricted=True, parts=[(t, sp.src(s), sp.src(e)) for t, s, e in part]))

    def from_lists(self, sp: KeptSpan, text: str, toks: Sequence[str], s: int, e: int,
                   key: str | None = None) -> Candidate | None:
        """A candidate for words ``text`` at span offsets ``[s, e)`` found in the lists, or None.
        ``key``: ``undot(text)``, if known (then the caller has made the test ``maybe_listed``)."""
        lex = self.lex
        if key is None:
            key = undot(text)
            if not maybe_listed(key, text):
                return None
        start, end = sp.src(s), sp.src(e)
        written = self.source[start:end]
        if len(key) > 3 and key.isupper() and key not in lex.names and key.title() in lex.capitals:
            key = key.title()  # "WASHINGTON (AP) -": a dateline names the place
            return Candidate(start, end, written, "place", f"capital city '{key}' in capitals (a dateline)", "name",
                             canonical=key, tokens=(key,), listed=True)
        if key in lex.capitals:
            country = lex.capitals[key]
            if self.capitals_as_governments and not _locative_before(lex, sp.text, s):
                return Candidate(start, end, written, "place",
                                 f"capital city '{key}' standing for the government of {country}", "capital",
                                 canonical=country, tokens=tuple(toks), listed=True)
            return Candidate(start, end, written, "place", f"capital city '{key}' (a place here)", "name",
                             canonical=key, tokens=tuple(toks), listed=True)
        entry = lex.names.get(key) or lex.names.get(text)
        if entry is not None:
            canonical, typ, kind = entry
            how = "listed name" if canonical == key else f"listed name of {canonical}"
            mkind = "acronym" if key.isupper() and len(key) <= 6 else ("name" if canonical == key else "alias")
            return Candidate(start, end, written, typ, f"{how} ({kind})", mkind, canonical=canonical,
                             tokens=tuple(toks), listed=True, affiliation=lex.plurals.get(key))
        return None  # (a nationality adjective, "Chinese side", gives affiliations, not an actor)

    def from_structure(self, sp: KeptSpan, part: Part, base: int = 0, words: PartWords | None = None) -> Candidate | None:
        """A candidate from the shape of the part (see :func:`~mediakit.actors.parts.plan_part`);
        ``words`` is its :func:`~mediakit.actors.parts.part_words`, if known."""
        toks = tuple([t for t, _, _ in part]) if words is None else words.toks
        plan = plan_part(toks) if words is None else words.plan
        if plan is None:
            return None
        if isinstance(plan, TypedPlan):
            start, end = sp.start + base + part[0][1], sp.start + base + part[-1][2]
            return Candidate(start, end, self.source[start:end], plan.type, plan.rule, plan.kind,
                             canonical=plan.canonical, tokens=toks, affiliation=plan.affiliation)
        # a NamePlan: the words before the whole part (a title, an honorific) are read as context
        c = self.name_cand(sp, part[plan.start :], plan.rule, base + part[0][1], base, words)
        if plan.roles:
            c.roles = list(plan.roles) + c.roles
        c.affiliation = plan.affiliation or c.affiliation
        c.gender = plan.gender or c.gender
        c.honorific = plan.honorific
        if plan.evidence:
            c.evidence.update(plan.evidence)
        return c

    def name_cand(self, sp: KeptSpan, part: Part, rule: str, ctx: int | None = None, base: int = 0,
                  words: PartWords | None = None) -> Candidate:
        """A person-name candidate; ``ctx`` is the span offset where the words before it are read.
        ``words``: the part_words of the whole part this name ends (its plan a NamePlan), if known."""
        if words is None:
            toks, given = name_words(part)
        else:
            toks, given = words.name_toks, words.given_name
        s, e = base + part[0][1], base + part[-1][2]
        start, end = sp.start + s, sp.start + e
        c = Candidate(start, end, self.source[start:end], None, rule, "name", tokens=toks)
        if given:
            c.evidence.add("given name")
        self._context(sp, s if ctx is None else ctx, e, c)
        return c

    def _context(self, sp: KeptSpan, s: int, e: int, c: Candidate) -> None:
        """Roles and evidence from the words around a name."""
        text = sp.text
        rx = self.rx
        nxt = text[e : e + 1]
        if nxt == " " and rx.speech.match(text, e):
            c.evidence.add("speech verb")
        m = None
        if nxt == "," or text[e + 1 : e + 3] == "s,":  # a comma after the name (or its possessive)
            if WHO_AFTER.match(text, e):
                c.evidence.add("who")
            if AGE_AFTER.match(text, e):
                c.evidence.add("age")  # "Ragheb Tarek, 49, said"
            m = rx.role_after.match(text, e)
            if m is None:
                pm = PERSON_APPOSITION.match(text, e)
                if pm and _person_word(pm.group(1), self.lex):
                    c.evidence.add("apposition")  # "Sten Corr, an electrician,"
        if len(c.tokens) > 1 and not c.evidence and sp.initial(s):
            pro = PRONOUN_AFTER.match(text, e)
            if pro is not None:
                c.evidence.add("pronoun after")  # "Mamadou Dia was on a trip when he ended up ..."
        if m and self._role_ok(m.group("role")):
            role = _clean_role(m.group("role"))
            comp = m.group("comp")
            if comp and comp[0].isupper():
                c.affiliation = c.affiliation or affiliation_of(comp)
            elif comp:
                role = f"{role} {m.group('prep').lower()} {comp}"
            c.roles.append(role)
            c.evidence.add("apposition")
            c.gender = c.gender or self.lex.roles.get(role.split()[-1].lower())
        plain = _plain_word_before(text, s)
        prev = None
        if plain is not None:
            prev = plain if plain in self.lex.org_nouns_before and c.start == sp.src(s) else None
        elif s > 1 and text[s - 1] == " " and text[s - 2].islower() and c.start == sp.src(s):
            w = text[text.rfind(" ", max(0, s - 30), s - 1) + 1 : s - 1]
            prev = w if w in self.lex.org_nouns_before else None
        if prev is not None and prev.islower() and prev not in self.lex.role_words \
                and not PLURAL_ACRONYM.fullmatch(c.tokens[-1]):
            # "the aid group Gatsby", "retailer Walmart": the word before names what the name is
            c.type = "organisation"
            c.canonical = " ".join(c.tokens)
            c.rule += f" after the organisation word '{prev}'"
            return
        if plain is None:
            before = self._role_before(sp, s)
        else:  # (what _role_before reads there: that word, which is a role word or not)
            before = self._role_before_long(sp, s) if plain in self.lex.role_words else None
        if before:
            c.roles.insert(0, before.role)
            c.affiliation = c.affiliation or before.affiliation
            c.gender = c.gender or before.gender
            c.evidence.add("role before")
        if _locative_before(self.lex, text, s, plain):
            c.evidence.add("locative")

    def _role_ok(self, role: str) -> bool:
        words = role.lower().split()
        bad = self.lex.stop_or_speech
        return not any(w in bad for w in words[:-1])

    def _role_before(self, sp: KeptSpan, s: int) -> RoleBefore | None:
        """A role written just before a name: "foreign ministry spokesman Zhao", "the UN chief, Ms X"."""
        lex = self.lex
        text = sp.text
        # the comma or the word just before the name (most names have neither a role word nor a
        # comma there): read from the right in one match over the reversed window
        lo = max(0, s - 40)
        back = text[lo:s][::-1]
        m = _GAP_AND_WORD_REVERSED.match(back)
        assert m is not None  # (the pattern matches any text, the empty one too)
        if m.end() == len(back) and lo > 0:
            return self._role_before_long(sp, s)  # the word may reach past the window
        if m.start(1) == len(back):
            return None  # nothing but spaces before the name
        before = m.group(1)
        if before != "," and before[::-1].lower().rstrip(".") not in lex.role_words:
            return None
        return self._role_before_long(sp, s)

    def _role_before_long(self, sp: KeptSpan, s: int) -> RoleBefore | None:
        """The whole of :meth:`_role_before`, reading the words before the name one by one."""
        lex = self.lex
        text = sp.text
        j = s - 1
        while j >= 0 and text[j] in " \t\u00a0":
            j -= 1
        if j < 0:
            return None
        lo = max(0, s - 120)
        if text[j] != ",":
            k = j
            while k >= 0 and (text[k].isalnum() or text[k] in "-.'\u2019"):
                k -= 1
            if text[k + 1 : j + 1].lower().rstrip(".") not in lex.role_words:
                return None
        elif j >= lo and not _role_may_close(text, lo, j, lex):
            return None  # (most commas before a name close no role: the words need no reading one by one)
        toks = BACK_TOK.findall(text, lo, s)
        if not toks:
            return None
        i = len(toks) - 1
        comma = toks[i] == ","
        if comma:
            i -= 1
        # the role word, perhaps followed by "for/of ..." when an apposition closes with a comma
        role_at: int | None = None
        for k in range(i, max(-1, i - 7), -1):
            w = toks[k].lower()
            if not (w[0].isalnum() or w[0] == "_"):
                break
            if w in lex.role_words and (k == i or (comma and toks[k + 1].lower() in ("for", "of"))):
                role_at = k
                break
            if not comma:
                break
            if w in lex.stop and w not in ("for", "of", "the", "and"):
                break
        if role_at is None:
            return None
        j = role_at
        comp = toks[j + 1 : i + 1]
        k = j - 1
        premods: list[str] = []
        while k >= 0 and len(premods) < 4:
            w = toks[k]
            lw = w.lower()
            if not LOWER_WORD.fullmatch(w) or lw in lex.stop or lw in lex.speech_verbs:
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
            if not aff_toks and not is_listed(w) and self._seen_lower(w) and len(premods) < 4:
                premods.insert(0, w.lower())  # "Harbour master X" opening a sentence: a common word
                k -= 1
                continue
            aff_toks.insert(0, w)
            k -= 1
        if comma and k >= 0 and toks[k].lower() not in ("the", "a", "an", "by", "with", "to", "from", "and", ",", "(", ":",
                                                         ";", "\u201c", "\"") and toks[k][-1] not in ".!?":
            return None  # (a sentence ending before it: "... died. Okafor's father, Joseph, says")
        role = " ".join(premods + [toks[j]] + comp)
        aff = affiliation_of(" ".join(aff_toks)) if aff_toks else None
        return RoleBefore(role, aff, lex.roles.get(toks[j].lower()))

def _role_may_close(text: str, lo: int, j: int, lex: Lexicon) -> bool:
    """Can the words of ``text[lo:j]`` before the comma at ``j`` hold the role that
    :meth:`NameClassifier._role_before_long` finds before it? Only if the word just before the comma is
    a role word, or a "for" or "of" stands among the words (a role word must be followed by one of
    them when the comma does not follow it). Tested on the text, without splitting it into words: a
    False here is a None there (a True may still be one)."""
    q = j
    while q > lo and text[q - 1].isspace():
        q -= 1
    k = q
    while k > lo and (text[k - 1].isalnum() or text[k - 1] in "-.'\u2019"):
        k -= 1
    # the word as BACK_TOK reads it: its marks before the first letter or digit are words of their own
    # (a "_" stops the walk early: then the word read is shorter, and may only pass more often)
    if text[k:q].lstrip("-.'\u2019").lower() in lex.role_words:
        return True
    return _FOR_OR_OF.search(text[lo:j]) is not None


def _locative_before(lex: Lexicon, text: str, s: int, plain: str | None = None) -> bool:
    """Does a place preposition ("in", "near", "visit to") end the 25 characters before ``s``?
    ``plain``: :func:`_plain_word_before` at ``s``, if known (the last of those words)."""
    if plain is not None:
        if plain in lex.locative:
            return True
        if plain not in lex.locative_ends:
            return False  # no two-word preposition ends with it
    before = text[max(0, s - 25) : s].lower().split()
    if not before:
        return False
    if before[-1] in lex.locative:
        return True
    return len(before) > 1 and f"{before[-2]} {before[-1]}" in lex.locative


def _plain_word_before(text: str, s: int) -> str | None:
    """The word before offset ``s`` when it is plain, or None: ASCII lower-case letters, a space on
    each side of it, and at most 24 characters back ("said", "the", "and" before most names).

    It is what the look-backs of :meth:`NameClassifier._context` read there, each with its own
    window (25 characters or more) and its own idea of a word: for such a word all of them agree
    on it (a letter run between two spaces, inside every window), so it is found once, by one
    ``rfind``, instead of by a slice, a split and a regular expression each time."""
    j = s - 1
    if j < 1 or text[j] != " ":
        return None
    k = text.rfind(" ", max(0, s - 25), j)
    if k == -1:
        return None
    w = text[k + 1 : j]
    return w if w and w.isascii() and w.isalpha() and w.islower() else None


# read on the reversed text before a name: the spaces, then a comma or the word ([^\W_] is str.isalnum)
_GAP_AND_WORD_REVERSED = re.compile(r"[ \t\u00a0]*(,|(?:[^\W_]|[-.'\u2019])*)")
# "for" or "of" as a BACK_TOK word, in any case (or a few more places): opening with a plain character
# set, so that the search jumps from one f/o to the next
_FOR_OR_OF = re.compile(r"[FfOo](?<!\w[FfOo])(?:(?<=[Ff])[Oo][Rr]|(?<=[Oo])[Ff])(?![\w'\u2019.-])")
PLURAL_ACRONYM = re.compile(r"[A-Z]{2,}s")  # "coalition MPs": people, not an organisation
AGE_AFTER = re.compile(r",\s+(?:aged\s+)?\d{1,3},")
PERSON_APPOSITION = re.compile(r",\s+(?:a|an|the)\s+(?:[a-z][\w-]*\s+){0,3}?([a-z][\w-]*)\b(?=[,.;]|\s+(?:who|from|at|in|of|for|with|and|said|says)\b)")
# a he/she later in the sentence a name opens ("Mamadou Dia was on a trip when he ...")
PRONOUN_AFTER = re.compile(r"[^.!?;\u201c\"]{1,120}?\b(?:he|she)\b")


def _person_word(word: str, lex: Lexicon) -> bool:
    w = word[:-1] if word.endswith("s") and not word.endswith("ss") else word
    return w in lex.person_nouns and w not in lex.collective or w in lex.kinship


def _clean_role(role: str) -> str:
    words = role.split()
    while words and words[0].lower() in ("the", "a", "an", "its", "his", "her", "their"):
        words = words[1:]
    return " ".join(words)
