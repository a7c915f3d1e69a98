"""The walk over the quotes and the head of each speaker phrase."""

from __future__ import annotations

from bisect import bisect_left, insort
from itertools import islice

from ..actors.lexicon import lexicon
from ..actors.results import Actor
from ..budget import check
from ..quotes import Quote
from .index import FIRST_ITEM
from .nouns import Nouns
from .result import Link
from .words import (
    AGE,
    AND,
    APPOSITION_HEAD,
    BY_START,
    CLAUSE_CUT,
    COMMA,
    CONNECTOR,
    DET_WORDS,
    HEAD_CUT_START,
    INDEFINITE,
    MODAL_NAME,
    NAMED,
    NEXT_LOWER,
    PLURAL_ACRONYM,
    PRONOUN_WORDS,
    SPEAKER_TEXT_WORD,
    SUBORDINATE,
    WORD,
    names_someone,
    noun_after_name,
    person_noun,
    pronoun_of,
    strip_poss,
    unnamed_type,
)

# how the speaker's words named the speaker, by the kind of the mention they are (else "name")
_RESOLUTION_OF_KIND = {"group": "unnamed", "anonymous": "anonymous"}


class Linker(Nouns):
    """One article's linking: :meth:`run` returns one :class:`~mediakit.speakers.Link` per quote."""

    # -- the walk over the quotes ------------------------------------------------------------------

    def run(self) -> list[Link]:
        out: list[Link] = []
        prev: Link | None = None
        for q in self.quotes:
            check()  # the article's time budget, if any (mediakit.budget)
            if q.speaker_start is None or q.speaker_end is None:
                out.append(Link(None, "no speaker to link", "none"))
                prev = None
                continue
            key = (q.speaker_start, q.speaker_end)
            if key in self.by_span:
                first = self.by_span[key]
                if q.inherited:
                    who = first.actor.name if first.actor else "unresolved"
                    link = Link(first.actor, f"inherited speaker {who} from the quote before", "follow-on")
                else:
                    link = first
            elif q.inherited and prev is not None and q.rule_id == "follow-on":
                link = Link(prev.actor, "inherited speaker from the quote before", "follow-on")
            else:
                link = self.link(q)
                self.by_span[key] = link
                if q.inherited:  # a follow-on taking its speaker from a paragraph after or a narrative one
                    link = Link(link.actor, link.how, "follow-on")
            if link.actor is not None:
                pos = q.start if q.inherited else q.speaker_start
                spoken = self.spoken
                if not spoken or spoken[-1][0] <= pos:
                    spoken.append((pos, q.end, link.actor))  # where insort puts it: quotes come in order
                else:
                    insort(spoken, (pos, q.end, link.actor), key=FIRST_ITEM)
                self.spoken_ids.add(id(link.actor))
            prev = link
            out.append(link)
        self._countries_that_speak(out)
        return out

    def mention_resolution(self, a: Actor, s: int, e: int) -> str:
        """``name`` for a name, ``unnamed`` for a group noun ("staff", "residents"), ``anonymous`` for an
        anonymous source the actor finder found."""
        ms = a.mentions  # sorted by start
        k = bisect_left(ms, s, key=BY_START)
        kind = "name"
        while k < len(ms) and ms[k].start == s:
            if ms[k].end == e:
                kind = ms[k].kind
                break
            k += 1
        return _RESOLUTION_OF_KIND.get(kind, "name")

    def _countries_that_speak(self, links: list[Link]) -> None:
        """A country that speaks acts as a state: typed ``organisation`` (its place mentions stay)."""
        for link in links:
            a = link.actor
            if a is not None and a.type == "place" and a.name in lexicon().names and lexicon().names[a.name][2] == "country":
                a.type = "organisation"

    # -- one speaker phrase ---------------------------------------------------------------------------

    def link(self, q: Quote) -> Link:
        ss, se = q.speaker_start, q.speaker_end
        assert ss is not None and se is not None
        if q.cue_start is not None and q.cue_start > se:
            # "Theresa May said", "Ms. May said": the quote finder read "May" as the modal
            gap = MODAL_NAME.match(self.source, se, q.cue_start)
            if gap is not None and self.source[ss:se].rstrip(".")[-1:].isalpha():
                se = gap.end(1)
        text = self.source[ss:se]
        kind = q.speaker_kind
        pron = pronoun_of(text.lower())  # (it reads the words between spaces)
        if pron is not None:
            return self.pronoun(pron, ss, se)
        exact = self.exact(ss, se)
        if exact is not None and exact.type != "place":
            # the commonest case: the speaker's words are one mention ("Lind", "Ana Ruiz")
            return Link(exact, f"'{text}' in the speaker's words is a mention of {exact.name}",
                        self.mention_resolution(exact, ss, se))
        if kind == "anonymous":
            for s, e, a in self.overlapping(ss, se):
                if a.type == "anonymous":  # "Sources at the Harbour Board": the sources the actor finder found
                    return Link(a, f"'{self.source[s:e]}' in the speaker's words is the anonymous source {a.name}",
                                "anonymous")
            return self.new_actor(ss, se, text, "anonymous", None, "anonymous")
        # the head segment: the words before an apposition ("Lina Arafeh, a translator")
        cut = HEAD_CUT_START.search(text)
        hs, he = ss, ss + (cut.start() if cut and cut.start() > 0 else len(text))
        while he > hs and self.source[he - 1] in " \t\u00a0":
            he -= 1
        # coordination: "The US and some of its allies" speaks through its first named conjunct
        for conj in AND.finditer(self.source, hs, he):
            inside = [m for m in self.overlapping(conj.start(), conj.end()) if m[0] <= conj.start() and conj.end() <= m[1]]
            if not inside and any(m[1] <= conj.start() for m in self.overlapping(hs, conj.start())):
                he = conj.start()
                break
        named = NAMED.search(self.source, hs, he)
        if named is not None:
            # "an agency official in Banten province named Jhony": the name given is the speaker
            ns, ne = named.start(1), named.end(1)
            for s, e, a in self.overlapping(ns, ne):
                if a.type == "person":
                    return Link(a, f"'{self.source[s:e]}', the name given in the speaker's words, is {a.name}", "name")
            return self.new_actor(ns, ne, self.source[ns:ne], "person", None, "name")
        clause = CLAUSE_CUT.search(self.source, hs, he)
        if clause is not None and clause.start() > hs:
            before = self.source[hs : clause.start()].split()
            last = strip_poss(before[-1].lower()) if before else ""
            if last and (person_noun(last) or last in lexicon().speaker_documents):
                he = clause.start()  # "a private security professional present during the attack"
        head_text = self.source[hs:he]
        toks = [(m.start(), m.end(), m.group()) for m in WORD.finditer(self.source, hs, he)]  # (as in head_text)
        if not toks:
            return Link(None, f"'{text.strip()}' names no actor", "none")
        words = [t[2].lower().strip(".").replace("\u2019", "'") for t in toks]
        hw = strip_poss(words[-1])
        if hw != words[-1] and not (len(words) > 1 and words[-2] in DET_WORDS and False):
            return Link(None, f"'{text.strip()}' ends in a possessive: it names no speaker", "none")
        over = self.overlapping(hs, he)
        last_s, last_e = toks[-1][0], toks[-1][1]
        at_last = [m for m in over if m[0] < last_e and last_s < m[1]]
        # a person named first and followed by a preposition or a verb: "Tim Guest with the ...", "X often quotes"
        for s, e, a in over:
            if a.type == "person" and e < he:
                nxt = NEXT_LOWER.match(self.source, e, he)
                if nxt is not None and not noun_after_name(nxt.group(1)):
                    return Link(a, f"'{self.source[s:e]}' in the speaker's words is a mention of {a.name}", "name")
        # the document's owner: "her statement", "a statement from the EU", "the report"
        if hw in lexicon().speaker_documents and not at_last:
            found = self.document(text, ss, se, toks, words, over)
            if found is not None:
                return found
            return Link(None, f"'{text.strip()}' is a document whose owner the text does not say", "none")
        if at_last:
            persons = [m for m in at_last if m[2].type == "person"]
            s, e, a = (persons or at_last)[0]
            start = self._longer_name(toks, s)
            if start is not None:
                # "Save the Tavan": the name is the whole run, not the word an actor was found for
                typ = self._appositive_type(he, se) or ("organisation" if CONNECTOR.search(self.source[start:he])
                                                        else "person")
                return self.new_actor(start, he, self.source[start:he], typ, None, "name")
            return Link(a, f"'{self.source[s:e]}' in the speaker's words is a mention of {a.name}",
                        self.mention_resolution(a, s, e))
        # a capitalised role or organisation word alone ("the Minister", "the Ministry") is a common noun;
        # after other capitalised words it ends a name ("Harbour Watch")
        capital_role = hw in lexicon().role_words or (
            hw in lexicon().org_heads and not (len(toks) > 1 and toks[-2][2][:1].isupper()))
        if toks[-1][2][:1].isupper() and not capital_role:
            # capitalised words with no actor behind them: "Lina Arafeh", "TechCrunch"
            appo = self.apposition(he, se)
            if appo is not None and not names_someone(self.source, hs, he, kind, self.searched):
                return appo
            if len(toks) == 1 and person_noun(hw) and unnamed_type(hw) == "group":
                # "Protestors said": a group described by its word, not a name
                return self.new_actor(hs, he, head_text, "group", None, "unnamed")
            if names_someone(self.source, hs, he, kind, self.searched):
                start = self._name_run_start(toks)
                typ = self._appositive_type(he, se) or {"organisation": "organisation", "place": "place"}.get(
                    kind or "", "person")
                if typ == "person" and CONNECTOR.search(self.source[start:he]):
                    typ = "organisation"  # "City of Surrey", "House of Commons"
                elif typ == "person" and PLURAL_ACRONYM.fullmatch(toks[-1][2]):
                    typ = "group"  # "government MPs"
                mods = [m for m in over if m[1] <= last_s]
                aff = mods[-1][2].name if mods and mods[-1][2].type == "organisation" else None
                return self.new_actor(start, he, self.source[start:he], typ, aff, "name")
            return Link(None, f"'{text.strip()}' names no actor", "none")
        # the head is a common noun: "aides", "the ministry", "a spokeswoman", "the 26-year-old right wing"
        mods = [m for m in over if m[1] <= last_s]
        if mods:
            found = self.modified_head(text, hs, he, words, hw, mods, kind)
            if found is not None:
                return found
        appo = self.apposition(he, se)
        if appo is not None:
            return appo
        found = self.by_government(head_text)
        if found is not None:
            return found
        definite = words[0] not in INDEFINITE
        if AGE.search(head_text) and words[0] in ("the", "this", "that"):
            found = self.salient(("person",), ss, se, None, f"'{head_text.strip()}'")
            if found is not None and found.actor is not None:
                self.add_mention(found.actor, hs, he, found.how, "description")
                return Link(found.actor, found.how, "description")
        if hw in lexicon().role_words and hw not in lexicon().kinship and definite:
            found = self.by_role(head_text, hs, kind)
            if found is not None:
                return found
        if hw in lexicon().org_heads or hw in lexicon().collective:
            found = self.by_org_head(hw, hs, head_text)
            if found is not None:
                return found
        if not person_noun(hw) or words[0] in SUBORDINATE or words[-1] in PRONOUN_WORDS:
            return Link(None, f"'{text.strip()}' names no actor", "none")
        typ = unnamed_type(hw)
        aff = self._affiliation_in(se, hs, over)
        return self.new_actor(hs, he, head_text, typ, aff, "unnamed")

    def _name_run_start(self, toks: list[tuple[int, int, str]]) -> int:
        """The start of the capitalised run that ends the head ("Veterans Affairs official Sandra Lee")."""
        i = len(toks) - 1
        while i > 0:
            w = toks[i - 1][2]
            if w in ("the", "of", "for", "and") and i > 1 and toks[i - 2][2][:1].isupper():
                i -= 1
                continue
            if not w[:1].isupper() or w.lower() in lexicon().role_words or w.lower().endswith(("'s", "\u2019s")):
                break
            i -= 1
        return toks[i][0]

    def _longer_name(self, toks: list[tuple[int, int, str]], s: int) -> int | None:
        """The start of a capitalised run that goes on before a one-word mention at ``s`` ("Save the
        Tavan", "Safe Surrey"), or None: a title, honorific, party or nationality before it stops the run."""
        lex = lexicon()
        i = next((k for k, t in enumerate(toks) if t[0] == s), None)
        if i is None or i == 0 or " " in self.source[s : toks[i][1]] or not toks[i][2][:1].isupper():
            return None
        j = i
        while j > 0:
            w = toks[j - 1][2]
            lw = w.lower().rstrip(".")
            if w in ("the", "of", "for", "and") and j - 1 > 0 and toks[j - 2][2][:1].isupper():
                j -= 1
                continue
            if not w[:1].isupper() or lw in lex.role_words or lw in lex.honorifics or lw in lex.parties \
                    or w in lex.demonyms or lw in lex.stop or lw.endswith(("'s", "\u2019s")) or w in lex.names \
                    or lw in lex.role_modifiers:
                break
            j -= 1
        return toks[j][0] if j < i and toks[j][2][:1].isupper() else None

    def _appositive_type(self, he: int, se: int) -> str | None:
        """ "Voters First, the main pro-Lind group": an organisation word in the apposition types the name."""
        m = APPOSITION_HEAD.match(self.source, he, max(se, he + 90))
        if m is None:
            return None
        words = [w.lower() for w in SPEAKER_TEXT_WORD.findall(m.group(1))]
        lex = lexicon()
        if any(w in lex.org_heads or w in lexicon().collective or w in ("organised", "organized", "campaigned") for w in words):
            return "organisation"
        return None

    def _affiliation_in(self, se: int, hs: int, over: list[tuple[int, int, Actor]]) -> str | None:
        """An organisation named in the speaker's words ("a spokeswoman for the Harbour Board")."""
        for _s, _e, a in self.overlapping(hs, se):
            if a.type in ("organisation", "place"):
                return a.name
        return None

    def apposition(self, he: int, se: int) -> Link | None:
        """ "Lind's agent, Rafe Moss": a person named right after the comma of the head segment."""
        rest = self.source[he:se]
        m = COMMA.match(rest)
        if m is None:
            return None
        at = he + m.end()
        for s, e, a in self.overlapping(at, se):
            if s == at and a.type == "person":
                return Link(a, f"'{self.source[s:e]}', in apposition to the speaker's words, is {a.name}", "name")
        return None

    def modified_head(self, text: str, hs: int, he: int, words: list[str], hw: str,
                      mods: list[tuple[int, int, Actor]], kind: str | None) -> Link | None:
        """A common-noun head after a name: "KCNA news agency", "Lind aides", "TransLink CEO", "Kim's office"."""
        s, e, n = mods[-1]
        between = self.source[e:he]
        poss = between[:2] in ("'s", "\u2019s") or between[:1] in ("'", "\u2019")
        lex = lexicon()
        if not person_noun(hw):
            # "Infrastructure Canada's public database", "the Lind proposal": the thing of the name before it
            return Link(n, f"'{text.strip()}' belongs to {n.name}, named before the word '{hw}'", "document")
        if n.type == "place" and hw in ("government", "administration", "authorities", "officials"):
            return Link(n, f"'{text.strip()}' resolved to {n.name}: the government of a country named in the article",
                        "government")
        if n.type == "organisation" and not poss and (hw in lex.org_heads or hw in lexicon().collective):
            return Link(n, f"'{text.strip()}' is {n.name}: the organisation named before the word '{hw}'", "name")
        # a role at an organisation or of a person named before: the one person holding it, if named
        if hw in lex.role_words and hw not in lexicon().kinship:
            key = ("holds", n.name, hw)
            holding = self.lookup.filtered(key, self.lookup.affiliated(n.name),
                                           lambda a: any(hw in r.lower().split() for r in a.roles))
            # how many besides n (none, one, more) and the one: two of them at most are looked at
            named = holding if words[0] not in INDEFINITE else self.named_before(key, holding, hs, 3)
            holders = list(islice((a for a in named if a is not n), 2))
            if len(holders) == 1:
                a = holders[0]
                why = f"'{text.strip()}' resolved to {a.name}, the {hw} of {n.name} named before"
                self.add_mention(a, hs, he, why, "description")
                return Link(a, why, "role noun")
        typ = unnamed_type(hw)
        start = s if not self.source[hs:s].strip() or self.source[hs:s].strip().lower() in DET_WORDS else hs
        why_mod = f"'{n.name}' is a modifier of '{hw}'"
        link = self.new_actor(start, he, self.source[start:he], typ, n.name, "unnamed", note=why_mod)
        return link

