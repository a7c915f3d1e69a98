"""Assembly: candidates merged into one :class:`~mediakit.actors.Actor` per referent.

Full names first, then names typed by the lists or their words, then single words (a surname joins
the person it ends, a word the organisation it starts or ends), then Title Case lines (they only
confirm names found elsewhere); acronyms join their expansions, "the high commissioner" the one
person with that role, and a he/she after a mention gives a person's gender.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from itertools import accumulate
from operator import attrgetter

from .candidates import Candidate, Found
from .lexicon import Lexicon
from .patterns import PAREN_ACRONYM, PRONOUN_FAST, THE_BEFORE
from .results import Actor, Mention

# evidence that makes a single capitalised word a person on its own
_STRONG_EVIDENCE = frozenset({"honorific", "title", "apposition", "role before", "who", "model", "age"})
# evidence that alone does not make a name of two words or more a person
_WEAK_EVIDENCE = frozenset({"locative", "initial"})
_INITIALS_SPLIT = re.compile(r"[\s-]+")
_PLURAL_ACRONYM = re.compile(r"[A-Z]{2,}s")  # "MPs", "MLAs": a group of people


class Entry:
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

    def add(self, c: Candidate, rule: str | None = None, kind: str | None = None) -> None:
        self.mentions.append(Mention(c.start, c.end, c.text, rule or c.rule, kind or c.kind))
        for r in c.roles:
            if r and r.lower() not in (x.lower() for x in self.roles):
                self.roles.append(r)
        if c.affiliation and not self.affiliation and c.affiliation != self.name:
            self.affiliation = c.affiliation
        if c.gender and not self.gender:
            self.gender = c.gender
        self.forms.add(c.text)


class Assembler:
    """Builds the actors of one call from the candidates in ``found`` (see :meth:`run`)."""

    def __init__(self, found: Found) -> None:
        self.found = found
        self.lex = found.lex
        self.source = found.source
        self.entries: dict[str, Entry] = {}
        # entries by a word, in the order they were made (see _live): people by any word of their
        # name, organisations of two words or more by their first and last word in lower case; made
        # from the entries at the first question (most articles ask none), then kept as entries are made
        self._by_word: dict[str, list[Entry]] | None = None
        self._forms: dict[str, str] = {}  # _alias_form by text (see _to_actors)

    def entry(self, key: str, name: str, typ: str, tokens: tuple[str, ...] = ()) -> Entry:
        e = self.entries.get(key)
        if e is None:
            e = self.entries[key] = Entry(name, typ, key, tokens)
            if self._by_word is not None:
                _index_entry(self._by_word, e)
        return e

    def _words_index(self) -> dict[str, list[Entry]]:
        if self._by_word is None:
            self._by_word = {}
            for e in self.entries.values():
                _index_entry(self._by_word, e)
        return self._by_word

    def _live(self, made: list[Entry]) -> list[Entry]:
        """Of entries listed in the order they were made, those still in ``entries``: the same entries in
        the same order as a pass over ``entries`` (a dict keeps the order of making; type, key and tokens
        never change), at the cost of the list rather than of every entry."""
        return [e for e in made if self.entries.get(e.key) is e]

    def run(self) -> list[Actor]:
        if self.found.disjoint():  # (what _drop_overlaps returns then, found at less cost)
            cands = sorted(self.found.cands, key=attrgetter("start"))
        else:
            cands = _drop_overlaps(self.found.cands, len(self.source))
        # untyped names of two words or more (persons) and of one (singles), typed candidates, Title Case
        persons: list[Candidate] = []
        singles: list[Candidate] = []
        typed: list[Candidate] = []
        restricted: list[Candidate] = []
        for c in cands:
            if c.type is not None:
                typed.append(c)
            elif not c.restricted:
                n = len(c.tokens)
                if n > 1:
                    persons.append(c)
                elif n == 1:
                    singles.append(c)
            if c.restricted:
                restricted.append(c)
        # evidence shared across all mentions of the same written form
        single_tokens = {c.tokens[0] for c in singles}
        for c in persons:
            # evidence besides "locative" and "initial", or a later mention by the last word alone
            if not c.evidence <= _WEAK_EVIDENCE or c.tokens[-1] in single_tokens:
                name = " ".join(c.tokens)
                e = self.entry("person:" + name.lower(), name, "person", c.tokens)
                e.add(c, kind="name")
        self._merge_short_persons()
        for c in sorted(typed, key=lambda c: len(c.tokens) < 2):
            self._add_typed(c)
        self._add_singles(singles)
        _add_restricted(self.entries, self._forms, self.source, restricted)
        self._link_acronyms()
        _link_descriptions(self.entries, self.found, self.source, self.lex)
        _genders(self.entries, self.source)
        _teams(self.entries, self.source)
        return _to_actors(self.entries, self._forms)

    def _merge_short_persons(self) -> None:
        """ "Michelle Bachelet" and "Ms Michelle Bachelet" share a key already; "Hillary Rodham Clinton"
        joins "Hillary Clinton" when first and last names agree; "Miss Universe Alicia Machado" joins
        "Alicia Machado" when the shorter name ends the longer one."""
        people = [e for e in self.entries.values() if e.type == "person"]
        # both ways of joining need the same last word: only such pairs are tried (in the same order)
        by_last: dict[str, list[Entry]] = {}
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

    def _add_typed(self, c: Candidate) -> None:
        name = c.canonical or c.text
        if c.type == "organisation" and len(c.tokens) == 1 and not c.listed:
            if c.kind == "acronym":
                word = c.tokens[0].title()
                people = self._live(self._words_index().get("person:" + word, []))
                if len(people) == 1:  # "PENCE:" in a transcript
                    people[0].add(c, rule=f"'{c.tokens[0]}' in capitals is the name of {people[0].name}",
                                  kind="short")
                    return
            elif c.kind == "name":
                target = self._org_by_token(c.tokens[0], c)
                if target is not None:
                    target.add(c, rule=f"'{c.tokens[0]}' short for {target.name}", kind="alias")
                    return
            if c.tokens[0].lower() in self.lex.org_heads:
                return  # a lone organisation word ("Media", "Post") that matches no organisation named in full
        low = name.lower()
        if c.type in ("organisation", "event", "place") and low.startswith("the "):
            name = name[4:]
            low = name.lower()
        key = f"{c.type}:{low}"
        assert c.type is not None  # (only typed candidates come here)
        e = self.entry(key, name, c.type, c.tokens)
        e.add(c)

    def _org_by_token(self, tok: str, c: Candidate, index: dict[str, list[Entry]] | None = None) -> Entry | None:
        """ "the Post" for "The Washington Post", "Duroval" for "Duroval Engineering". ``index`` is
        :meth:`_org_index` when the organisations have not changed since it was made."""
        low = tok.lower()
        if index is None:
            found = self._live(self._words_index().get("organisation:" + low, []))
        else:
            found = index.get(low, [])
        if len(found) == 1 and (low in self.lex.org_heads) == (found[0].tokens[-1].lower() == low):
            return found[0]
        return None

    def _org_index(self) -> dict[str, list[Entry]]:
        """Organisations of two words or more by their first and last word (lower case), in entry order."""
        index: dict[str, list[Entry]] = {}
        for e in self.entries.values():
            if e.type == "organisation" and len(e.tokens) > 1:
                for low in dict.fromkeys((e.tokens[-1].lower(), e.tokens[0].lower())):
                    index.setdefault(low, []).append(e)
        return index

    def _add_singles(self, singles: list[Candidate]) -> None:
        lex = self.lex
        by_form: dict[str, list[Candidate]] = {}
        for c in singles:
            by_form.setdefault(c.tokens[0], []).append(c)
        people = [e for e in self.entries.values() if e.type == "person" and len(e.tokens) > 1]
        # people by their last and by their first word, in entry order (the lists below were
        # "every person whose last word is tok, else every person whose first word is")
        by_last: dict[str, list[Entry]] = {}
        by_first: dict[str, list[Entry]] = {}
        for e in people:
            by_last.setdefault(e.tokens[-1], []).append(e)
            by_first.setdefault(e.tokens[0], []).append(e)
        orgs = self._org_index()  # no organisation is added below
        first: dict[int, int] = {}  # by id: an entry's first mention (kept up to date as they grow)
        for tok, cs in by_form.items():
            matches = by_last.get(tok) or by_first.get(tok) or []
            if matches and tok not in by_last:
                # a first name alone with its own role ("Spindler's father, Joseph") is another person
                # than the "Joseph Boinnet" it shares the name with
                own = [c for c in cs if c.roles and not any(
                    r.lower() in (x.lower() for x in m.roles) for m in matches for r in c.roles)]
                if own:
                    e = self.entry("person:" + tok.lower(), tok, "person", (tok,))
                    for c in own:
                        e.add(c, rule=c.rule + f" (a first name with its own role '{c.roles[0]}': not "
                                                f"{matches[0].name})")
                    cs = [c for c in cs if c not in own]
            if matches:
                rules: dict[int, str] = {}  # by id: the rule for an entry (the same for each mention)
                for c in cs:
                    e = matches[0] if len(matches) == 1 else self._first_named(matches, c.start, first)
                    rule = rules.get(id(e))
                    if rule is None:
                        how = "surname" if e.tokens[-1] == tok else "first word of the name"
                        rule = f"'{tok}' is the {how} of {e.name}"
                        if len(matches) > 1:
                            rule += f" (shared by {len(matches)} people: taken for the one named first)"
                        rules[id(e)] = rule
                    e.add(c, rule=rule + " (possessive)" if "possessive" in c.rule else rule, kind="short")
                    if id(e) in first:
                        first[id(e)] = min(first[id(e)], c.start)
                continue
            org = self._org_by_token(tok, cs[0], orgs)
            if org is not None:
                for c in cs:
                    org.add(c, rule=f"'{tok}' short for {org.name}", kind="alias")
                continue
            evidence = set().union(*(c.evidence for c in cs))
            strong = evidence & _STRONG_EVIDENCE
            low = tok.lower()
            if not strong and (low in lex.group_nouns or low[:-1] in lex.parties or low[:-1] in lex.person_nouns
                               or low[:-1] in lex.role_words or _PLURAL_ACRONYM.fullmatch(tok)):
                # "Protestors say", "the Liberals argue", "MPs said": a group, not a person
                e = self.entry("group:" + low, tok, "group", (tok,))
                for c in cs:
                    e.add(c, rule=f"'{tok}': a plural word for people, written with a capital", kind="group")
                continue
            if all("initial" in c.evidence for c in cs) and not strong:
                if self.found.seen_lower(tok) or "speech verb" not in evidence:
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

    def _first_named(self, matches: list[Entry], pos: int, first: dict[int, int]) -> Entry:
        """Of several people sharing a surname, the one named first before ``pos`` (news style: the main
        person keeps the bare surname, relatives and namesakes get full or first names). ``first``
        keeps each entry's first mention once worked out (the caller updates it as mentions are added)."""
        if len(matches) == 1:
            return matches[0]
        for e in matches:
            if id(e) not in first:
                first[id(e)] = min(m.start for m in e.mentions)
        named = [(first[id(e)], e) for e in matches]
        before = [x for x in named if x[0] <= pos] or named
        return min(before, key=lambda x: x[0])[1]

    def _link_acronyms(self) -> None:
        orgs = [e for e in self.entries.values() if e.type == "organisation"]
        # "Inter-Basin Rivers Commission (IBRC)"
        for e in orgs:
            for m in list(e.mentions):
                pm = PAREN_ACRONYM.match(self.source, m.end)
                if pm:
                    acro = pm.group(1)
                    other = self.entries.get(f"organisation:{acro.lower()}")
                    if other is not None and other is not e:
                        self._merge(other, e, f"'{acro}' given in brackets after {e.name}")
        orgs = [e for e in self.entries.values() if e.type == "organisation"]
        by_initials: dict[str, list[Entry]] = {}  # names do not change while merging
        for b in orgs:
            if len(b.tokens) >= 2:
                by_initials.setdefault(_initials(b.name), []).append(b)
        for a in orgs:
            if len(a.tokens) != 1 or not a.name.isupper():
                continue
            for b in by_initials.get(a.name, ()):
                if b is not a and b.key in self.entries:
                    self._merge(a, b, f"'{a.name}' is made of the initials of {b.name}")
                    break

    def _merge(self, src: Entry, dst: Entry, why: str) -> None:
        for m in src.mentions:
            dst.mentions.append(Mention(m.start, m.end, m.text, f"{m.rule}; {why}", "acronym"))
        dst.forms |= src.forms
        dst.roles += [r for r in src.roles if r not in dst.roles]
        self.entries.pop(src.key, None)


def _add_restricted(entries: dict[str, Entry], forms: dict[str, str], source: str, cands: list[Candidate]) -> None:
    """Words of a Title Case line that match a name (or a surname) found elsewhere. ``forms``: the
    :func:`_alias_form` of texts, as far as known (it grows here)."""
    if not cands:
        return
    known: dict[str, Entry] = {}
    for e in entries.values():
        for form in (*e.forms, e.name):
            alias = forms.get(form)
            if alias is None:
                alias = forms[form] = _alias_form(form)
            known.setdefault(alias, e)
        if e.type == "person" and len(e.tokens) > 1:
            known.setdefault(e.tokens[-1], e)
    # a form can match only if its first and last words open and close a known form: tested per
    # word once, so the joins below are made only for such stretches (most lines have none)
    firsts = {k.split(" ", 1)[0] for k in known}
    lasts = {k.rsplit(" ", 1)[-1] for k in known}
    taken: _Taken | None = None  # the mentions so far, made at the first form that matches (most match none)
    for c in cands:
        toks = c.parts
        words = [t for t, _, _ in toks]
        opens = [w.split(" ", 1)[0] in firsts for w in words]
        closes = [w.rsplit(" ", 1)[-1] in lasts for w in words]
        i = 0
        while i < len(toks):
            if not opens[i]:
                i += 1
                continue
            for j in range(len(toks), i, -1):
                if not closes[j - 1]:
                    continue
                form = " ".join(words[i:j])
                hit = known.get(form)
                if hit is None:
                    continue
                e = hit
                if taken is None:
                    taken = _Taken(len(source), (m for x in entries.values() for m in x.mentions))
                s, end = toks[i][1], toks[j - 1][2]
                if taken.overlaps(s, end):
                    continue
                e.mentions.append(Mention(s, end, source[s:end],
                                          f"'{form}' in a Title Case line matches {e.name}",
                                          "name" if form == e.name else "short"))
                taken.add(s, end)
                i = j
                break
            else:
                i += 1


def _link_descriptions(entries: dict[str, Entry], found: Found, source: str, lex: Lexicon) -> None:
    """ "the high commissioner" -> the only person whose role ends in "commissioner"."""
    heads: dict[str, list[Entry]] = {}
    for e in entries.values():
        if e.type != "person":
            continue
        for r in e.roles:
            words = r.lower().split()
            for w in reversed(words):
                if w in lex.role_words:
                    if e not in heads.setdefault(w, []):
                        heads[w].append(e)
                    break
    # (a kinship word is relative to someone: "the father" is not the one father named so far)
    unique = {h: es[0] for h, es in heads.items() if len(es) == 1 and h not in ("member", "resident")
              and h not in lex.kinship}
    if not unique:
        return
    heads_found = []
    spans = found.spans
    for k, i, head in found.words_in_spans(set(unique)):
        sp = spans[k]
        m = THE_BEFORE.search(sp.text, max(0, i - 40), i)
        j = i + len(head)
        if m is None or sp.text[j : j + 2].strip()[:1].isupper():
            continue
        heads_found.append((sp.src(m.start()), sp.src(j), head))
    firsts: dict[str, int] = {}  # by head: the first mention of its person (later ones come after it)
    taken: _Taken | None = None  # the mentions before any description is added (made when first needed)
    for s, end, head in sorted(heads_found):
        e = unique[head]
        phrase = source[s:end]
        first = firsts.get(head)
        if first is None:
            first = firsts[head] = min(x.start for x in e.mentions)
        if s < first:
            continue
        if taken is None:
            taken = _Taken(len(source), (m for e in entries.values() for m in e.mentions))
        if taken.overlaps(s, end):
            continue
        words = phrase.lower().split()[1:-1]
        role_words = " ".join(e.roles).lower().split()
        if any(w not in role_words for w in words):
            continue
        e.mentions.append(Mention(s, end, phrase,
                                  f"'{phrase}' refers to {e.name}, the only person with the role '{head}'",
                                  "description"))
        taken.add(s, end)


def _index_entry(index: dict[str, list[Entry]], e: Entry) -> None:
    """Add ``e`` to the words index of :meth:`Assembler._words_index` (keys "person:Word" and
    "organisation:word")."""
    if e.type == "person":
        for w in dict.fromkeys(e.tokens):
            index.setdefault("person:" + w, []).append(e)
    elif e.type == "organisation" and len(e.tokens) > 1:
        for low in dict.fromkeys((e.tokens[-1].lower(), e.tokens[0].lower())):
            index.setdefault("organisation:" + low, []).append(e)


_TAKEN_LIST = 64  # mentions added: up to this many, an overlap is tested against each (cheaper than a map)


class _Taken:
    """The stretches the mentions so far cover: does a new span overlap any of them? The mentions
    given at the start are sorted once, with the furthest end reached so far, so a test is a bisection
    (long texts have hundreds of thousands); the few added later are tested one by one, up to
    :data:`_TAKEN_LIST` of them, and past that against a map of the characters they cover, one byte
    each. Mentions are never empty, so overlapping a mention and covering one of its characters agree."""

    def __init__(self, size: int, mentions: Iterable[Mention]) -> None:
        self.size = size
        spans = sorted([(m.start, m.end) for m in mentions])
        self.starts = [a for a, _ in spans]
        self.ends = list(accumulate((b for _, b in spans), max))
        self.added: list[tuple[int, int]] | None = []
        self.covered: bytearray | None = None

    def add(self, s: int, e: int) -> None:
        if self.added is not None:
            self.added.append((s, e))
            if len(self.added) > _TAKEN_LIST:
                self.covered = bytearray(self.size + 1)
                for a, b in self.added:
                    if b > a:
                        self.covered[a:b] = b"\x01" * (b - a)
                self.added = None
        elif e > s:
            self.covered[s:e] = b"\x01" * (e - s)  # type: ignore[index]

    def overlaps(self, s: int, e: int) -> bool:
        k = bisect_left(self.starts, e)  # the mentions that start before e: does one end after s?
        if k and self.ends[k - 1] > s:
            return True
        if self.added is not None:
            return any(a < e and s < b for a, b in self.added)
        return self.covered.find(1, s, e) != -1  # type: ignore[union-attr]


def _genders(entries: dict[str, Entry], source: str) -> None:
    """Gender from the first he/she after a mention, before any other person is named."""
    starts = sorted(m.start for e in entries.values() if e.type == "person" for m in e.mentions)
    for e in entries.values():
        if e.type != "person" or e.gender:
            continue
        male = female = 0
        for m in e.mentions:
            k = bisect_right(starts, m.start)
            limit = min(len(source), m.end + 160, starts[k] if k < len(starts) else len(source))
            # a he/she after a line break does not count: the search stops there (a pronoun is a
            # whole word, never holding a line break nor ending in a word character, so it finds
            # the pronoun the full window finds first when that one comes before the break)
            nl = source.find("\n", m.end, limit)
            nxt = PRONOUN_FAST.search(source, m.end, limit if nl == -1 else nl)
            if nxt:
                if nxt.group(1):
                    male += 1
                else:
                    female += 1
        if male != female:
            e.gender = "m" if male > female else "f"


def _teams(entries: dict[str, Entry], source: str) -> None:
    """ "the Carolina Hurricanes", "the Canucks": a plural name written after "the" is a team or a body,
    never a person."""
    for e in entries.values():
        if e.type != "person" or not e.tokens[-1].endswith("s") or e.tokens[-1].endswith("ss") or e.roles:
            continue
        names = [m for m in e.mentions if m.kind in ("name", "short")]
        after_the = sum(source[max(0, m.start - 4) : m.start].lower() == "the " for m in names)
        if after_the and 2 * after_the >= len(names):
            e.type = "organisation"
            e.mentions = [Mention(m.start, m.end, m.text, m.rule + " (a plural name after 'the': a team or body)",
                                  m.kind) for m in e.mentions]


def _to_actors(entries: dict[str, Entry], forms: dict[str, str]) -> list[Actor]:
    """The finished actors, in order of first mention, numbered A1, A2... ``forms``: :func:`_alias_form`
    by text, as far as known (most mentions repeat a form already seen; it grows here)."""
    names: dict[str, str] | None = None  # an entry's name by any of its forms (made if an affiliation asks)
    by_start = attrgetter("start")
    mentions_of = {e.key: sorted(e.mentions, key=by_start) for e in entries.values() if e.mentions}
    ordered = sorted(
        (e for e in entries.values() if e.mentions), key=lambda e: mentions_of[e.key][0].start
    )
    actors = []
    for i, e in enumerate(ordered, 1):
        mentions = mentions_of[e.key]
        aliases = []
        for m in mentions:
            form = forms.get(m.text)
            if form is None:
                form = forms[m.text] = _alias_form(m.text)
            if form != e.name and form not in aliases and m.kind != "description":
                aliases.append(form)
        aff = e.affiliation
        if aff is not None:
            if names is None:
                names = {}
                for x in entries.values():
                    for form in x.forms:
                        names.setdefault(form, x.name)
                    names.setdefault(x.name, x.name)
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


def _drop_overlaps(cands: list[Candidate], size: int) -> list[Candidate]:
    """Keep one candidate per stretch of text: anonymous sources first, then the longest. The kept
    candidates come back sorted by start."""
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
    kept: list[Candidate] = []
    used = bytearray(size + 1)
    for c in order:
        if used.find(1, c.start, c.end) != -1:
            continue
        used[c.start : c.end] = b"\x01" * (c.end - c.start)
        kept.append(c)
    kept.sort(key=attrgetter("start"))
    return kept
