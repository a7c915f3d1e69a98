"""Role nouns, organisation words, governments, documents and the new actors unnamed speakers make."""

from __future__ import annotations

from bisect import bisect_left
from operator import itemgetter

from ..actors.lexicon import lexicon
from ..actors.patterns import anonymous_name
from ..actors.results import Actor
from .index import FIRST_ITEM
from .result import Link
from .salience import Salience
from .words import (
    CLAUSE_END,
    DET,
    DET_WORDS,
    FOR_AFTER,
    FROM_BY,
    INDEFINITE,
    LEAST,
    NOUN_AFTER,
    OWNER_TYPES,
    PARTITIVE,
    POSS_DET,
    POSSESSIVE_LEAD,
    SPEAKER_TEXT_WORD,
    cut_clause,
    names_someone,
    noun_pattern,
    strip_poss,
)


class Nouns(Salience):
    """Speakers named by a common noun: the role holder, the organisation, the country, the document's
    owner, or a new actor described by the words."""

    # -- role nouns, organisation words, governments, documents ---------------------------------------

    def by_role(self, text: str, ss: int, kind: str | None) -> Link | None:
        """ "the minister" -> the one person named before it whose role ends in "minister"."""
        lex = lexicon()
        words: list[str] = [w.lower() for w in SPEAKER_TEXT_WORD.findall(text)]
        if not words or len(words) > 4:
            return None
        head = next((w for w in reversed(words) if w in lex.role_words), None)
        if head is None or head in lexicon().kinship:
            return None
        others = [w for w in words if w not in DET_WORDS and w != head]
        later_ok = self.in_headline(ss)
        # the people with the role named before it: how many (none, one, more) and the one, from the two
        # named first, rather than a pass over them all (a long text has thousands of ministers)
        key: tuple[str, str, object] = ("role", head, frozenset(others))
        people = self.lookup.with_role(head, others)
        found = people if later_ok else self.named_before(key, people, ss)
        if len(found) == 1:
            a = found[0]
            why = f"'{text.strip()}' resolved to {a.name}, the only person named before it with the role '{head}'"
            self.add_mention(a, ss, ss + len(text), why, "description")
            return Link(a, why, "role noun")
        if len(found) > 1:
            recent = self.last_named(people, ss, self.lookup.ids(key, people))  # (the same as among found)
            if recent is not None:
                why = f"'{text.strip()}' resolved to {recent.name}, the person with the role '{head}' named last before it"
                self.add_mention(recent, ss, ss + len(text), why, "description")
                return Link(recent, why, "role noun")
        # "the Republican presidential nominee": the only person of that party or nationality
        groups = {lex.parties.get(w) or lex.demonyms.get(w.capitalize()) for w in others} - {None}
        if len(groups) == 1:
            group = groups.pop()
            assert group is not None  # (None was taken out)
            key = ("same", group, head)
            same = self.lookup.filtered(key, self.lookup.affiliated(group),
                                        lambda a: not a.roles or any(head in r.lower() for r in a.roles))
            if not later_ok:
                same = self.named_before(key, same, ss)
            if len(same) == 1:
                a = same[0]
                why = f"'{text.strip()}' resolved to {a.name}, the only person affiliated with {group}"
                self.add_mention(a, ss, ss + len(text), why, "description")
                return Link(a, why, "role noun")
        return None

    def in_headline(self, pos: int) -> bool:
        """Is ``pos`` in the headline or standfirst (where a role may name a person introduced below)?"""
        heads = self._headline_spans
        if heads is None:
            heads = self._headline_spans = [(sp.start, sp.end) for sp in self.spans or ()
                                            if sp.label in ("title", "standfirst")]
        return any(s <= pos < e for s, e in heads)

    def by_government(self, text: str) -> Link | None:
        """ "the Mexican government", "Canadian authorities" -> the country actor, when it is named."""
        words = DET.sub("", text.strip()).split()
        if len(words) != 2 or words[1].lower() not in ("government", "administration", "authorities"):
            return None
        country = lexicon().demonyms.get(words[0])
        found = self.lookup.named(country) if country else []
        if len(found) == 1:
            a = found[0]
            return Link(a, f"'{text.strip()}' resolved to {a.name}: the government of a country named in the article",
                        "government")
        return None

    def by_org_head(self, head: str, ss: int, text: str) -> Link | None:
        """ "the ministry says" -> the one organisation named "... Ministry ..." (named before it, if any)."""
        found = self.lookup.organisations_with_word(head)
        before = self.named_before(("org", head), found, ss)  # (two at most: how many matters, up to 2)
        found = before or found
        if len(found) == 1:
            a = found[0]
            why = f"'{text.strip()}' resolved to {a.name}, the only organisation named with the word '{head}'"
            self.add_mention(a, ss, ss + len(text), why, "description")
            return Link(a, why, "organisation word")
        return None

    def document(self, text: str, ss: int, se: int, toks: list[tuple[int, int, str]], words: list[str],
                 over: list[tuple[int, int, Actor]]) -> Link | None:
        """The owner of a document that speaks ("her statement", "a statement from the EU", "the report")."""
        noun = strip_poss(words[-1])
        what = f"'{text.strip()}'"
        # "her statement", "their report"
        if words[0] in POSS_DET and len(words) <= 3:
            found = self.pronoun(POSS_DET[words[0]], toks[0][0], toks[0][1])
            if found.actor is not None:
                return Link(found.actor, f"{what}: the document of {found.actor.name} ({found.how})", "document")
        # "a statement from the EU", "a statement e-mailed to reporters by Lind"
        found_by = self._owner_by(toks[-1][1], min(len(self.source), se + 100))
        if found_by is not None:
            return Link(found_by, f"{what}: the document of {found_by.name}, named with 'from' or 'by'", "document")
        # a name before the noun: "Lind's statement", "the Civic Action study"
        owners = [m for m in over if m[1] <= toks[-1][0] and m[2].type in OWNER_TYPES]
        if owners:
            _s, _e, a = owners[-1]
            return Link(a, f"{what}: the document of {a.name}, named before the noun", "document")
        caps = [t for t in toks[:-1] if t[2][:1].isupper()]
        if caps and names_someone(self.source, caps[0][0], caps[-1][1], "organisation", self.searched):
            # "Port Calder Stock Exchange data": a name no actor was found for
            start = caps[0][0]
            return self.new_actor(start, caps[-1][1], self.source[start : caps[-1][1]], "organisation", None, "document")
        if words[0] not in INDEFINITE:
            earlier = self.earlier_document(noun, ss)
            if earlier is not None:
                a, where = earlier
                return Link(a, f"{what}: the {noun} of {a.name}, {where}", "document")
        # the subject or speaker of the sentence before ("Gatsby said ... A statement said")
        subject = self.previous_subject(ss)
        if subject is not None:
            return Link(subject, f"{what}: the document of {subject.name}, the subject of the sentence before",
                        "document")
        return None

    def _owner_by(self, lo: int, hi: int) -> Actor | None:
        """The actor named after "from" or "by" in ``[lo, hi)``, before the clause ends (not "obtained by")."""
        m = FROM_BY.search(self.source, lo, hi)
        if m is None or CLAUSE_END.search(self.source, lo, m.start()):
            return None
        at = m.end()
        for s, _e, a in self.overlapping(at, at + 80):
            if s == at and a.type in OWNER_TYPES:
                return a
        return None

    def previous_subject(self, ss: int) -> Actor | None:
        """The speaker or subject of the sentence before ``ss`` (a person, organisation or group)."""
        self._cut = False
        walk = self.sentences_before(ss)
        next(walk, None)
        before = next((x for x in walk if not x[2]), None)
        if before is None:
            return None
        best = [(rank, -pos, a) for rank, pos, a, _why in
                self._candidates(before[0], before[1], ("person", "organisation", "group", "country"), None, False)
                if rank == 0]
        return min(best, key=itemgetter(0, 1))[2] if best else None

    def earlier_document(self, noun: str, ss: int) -> tuple[Actor, str] | None:
        """The owner of the same document named earlier: "the Civic Action study", "X wrote in a report"."""
        self._cut = False
        stem = noun[:-1] if noun.endswith("s") and len(noun) > 4 else noun
        src = self.source
        hits = list(noun_pattern(stem).finditer(src, max(0, ss - 6000), ss))
        for m in list(reversed(hits))[:3]:
            a = self._owner_by(m.end(), min(len(src), m.end() + 100))
            if a is not None:
                return a, "named with it before"
            lo_s, hi_s = self.sentence_of(m.start())
            i, j = bisect_left(self.spoken, lo_s, key=FIRST_ITEM), bisect_left(self.spoken, hi_s, key=FIRST_ITEM)
            spoke = [x[2] for x in self.spoken[i:j] if x[2].type in OWNER_TYPES]
            if spoke:
                return spoke[0], "who spoke in the sentence that named it"
            subjects = [a for rank, _pos, a, _why in self._candidates(lo_s, m.start(), ("person",), None, False)
                        if rank == 0]
            if subjects:
                return subjects[0], "the subject of the sentence that named it (\"X wrote in a report\")"
            for _s, e, a in self.overlapping(max(0, m.start() - 60), m.start()):
                if e <= m.start() and a.type in OWNER_TYPES and NOUN_AFTER.fullmatch(src[e : m.start()]):
                    return a, "named with it before"
            for_m = FOR_AFTER.match(src, m.end(), m.end() + 60)
            if for_m is not None:
                at = for_m.end()
                for s, _e, a in self.overlapping(at, at + 60):
                    if s == at and a.type in OWNER_TYPES:
                        return a, "the body it was written for"
        return None

    # -- new actors -----------------------------------------------------------------------------------

    def new_actor(self, s: int, e: int, text: str, typ: str, affiliation: str | None, resolution: str,
                  note: str = "") -> Link:
        clean = " ".join(text.split()).strip(" ,")
        if typ == "anonymous" and resolution == "anonymous":
            name = anonymous_name(clean)
        else:
            name = DET.sub("", LEAST.sub("", clean))
            name = DET.sub("", PARTITIVE.sub("", name))
            name = POSSESSIVE_LEAD.sub("", name) if affiliation else name
            name = cut_clause(name)
        name = name.strip(" ,") or clean
        a = self.lookup.first_called(typ, name.lower(), affiliation)
        if a is not None:
            why = f"'{clean}' matches the actor {a.name}"
            self.add_mention(a, s, e, why, "speaker")
            return Link(a, why, resolution)
        what = {"name": "named", "unnamed": "unnamed", "anonymous": "anonymous"}.get(resolution, resolution)
        why = f"no actor mention in '{clean}': new {what} {typ} actor '{name}' made from the speaker's words"
        if note:
            why += f" ({note})"
        roles = [name] if typ == "anonymous" and resolution == "unnamed" else []
        a = Actor(f"A{len(self.actors) + 1}", name, typ, roles=roles, affiliation=affiliation, aliases=[],
                  mentions=[], first_position=s)
        self.lookup.append(a)
        self.add_mention(a, s, e, why, "speaker" if resolution == "name" else "description")
        return Link(a, why, resolution)

