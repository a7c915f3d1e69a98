"""Who speaks: each quote's speaker words linked to the actor they name.

:func:`link_quotes` is the last step of :func:`mediakit.analysis.analyse`. It reads the speaker words the
quote finder gave each quote (``Lind``, ``she``, ``a spokeswoman for the ministry``, ``the report``) and
returns one :class:`Link` per quote: the :class:`~mediakit.actors.Actor` who speaks (or None), the rule
in words, and how the words named the speaker (:data:`RESOLUTIONS`). New actors are appended to the
actor list; pronoun and description mentions are added to the actors they resolve to.

Rules, in the order they are tried
----------------------------------
* **The head of the speaker phrase.** Only the words before a comma, bracket or dash count ("Lina
  Arafeh, a translator in Halifax" is Arafeh), and of those the last: "TransLink CEO Kevin Desmond" is
  Desmond, "North Korea's state-run KCNA news agency" is the agency. A name used as a modifier is not
  the speaker: "Lind aides", "the Lind campaign", "Lind's office" become their own actor, affiliated
  with Lind. "Lind's agent, Rafe Moss" is Moss (the name in apposition).
* **Pronouns** ("he said", "she added", "they say", "it said") go to the most salient fitting actor
  before them: walking back sentence by sentence, the speaker of an earlier quote and the subject of a
  sentence come before other names, and a name in a possessive or used as a modifier ("Kim's visit",
  "the Osland government") comes last; names inside quotation marks never count. A nearer sentence wins
  unless its candidate ranks two levels lower. Gender is used only where the text states it (an
  honorific, a gendered role noun such as "spokeswoman"): a "she" never goes to a "Mr"; a gender read
  from an earlier pronoun only lowers a candidate. "they" goes to groups, anonymous sources and
  organisations, "it" to organisations (and countries that have spoken); "I"/"we" stay unresolved.
* **Role nouns**: "the minister" goes to the one person named *before* it with that role ("a
  spokeswoman", indefinite, is a new person); kinship words ("the father") never join a named person
  by role alone; "the 26-year-old right wing" (an age) goes to the subject of the sentences before, like
  a pronoun.
* **Organisation words**: "the ministry", "the diocese", "the city" go to the one organisation named
  with that word; "the Mexican government", "Canadian authorities" to the country.
* **Documents** ("a statement", "her statement", "the report", "according to the study") go to their
  owner when the text says whose they are: a possessive ("her", "the company's"), "from/by X" in or just
  after the phrase, a name before the noun ("the Civic Action study"), an earlier mention of the same
  document with an owner ("Cross wrote in a recent report"), or else the subject of the sentence
  before ("Gatsby said ... A statement said").
* **Unnamed speakers** ("a bartender", "city staff", "the military", "refugee advocates") become actors
  described by their words (a person, a group when plural, an organisation for collective nouns), one
  actor per description and affiliation; anonymous sources are named by
  :func:`~mediakit.actors.patterns.anonymous_name`.
* **Follow-on quotes** (a quotation paragraph with no attribution) keep the speaker of the quote they
  follow.

What it misses: a pronoun whose antecedent is a group of named people ("they" for Lind and Moss),
cataphora ("Before he spoke, Lind ..."), and speakers the quote finder cut short or too long: the link
follows the words it was given.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter, itemgetter

from .actors import Actor, Mention, _anonymous_name, _lex
from .model import Span
from .quotes import Quote
from .segment import ABBREVIATIONS, split_paragraphs

__all__ = ["RESOLUTIONS", "Link", "link_quotes", "speaker_gender", "speaker_named", "stated_gender"]

#: How a quote's speaker words named the speaker (the ``speaker_resolution`` column).
RESOLUTIONS = (
    "name", "pronoun", "role noun", "description", "organisation word", "government", "document",
    "unnamed", "anonymous", "follow-on", "inherited", "none",
)


@dataclass
class Link:
    """One quote's speaker: the actor (or None), the rule in words and the kind of resolution."""

    actor: Actor | None
    how: str
    resolution: str


_DET = re.compile(
    r"^(?:(?:the|a|an|its|his|her|their|one|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|some"
    r"|several|another|all|many|most|both|other|few|\d[\d,]*)\s+)+",
    re.I,
)
_DET_WORDS = frozenset("the a an its his her their one two three some several another all many most both other".split())
_INDEFINITE = frozenset("a an another one some".split())
_POSS_DET = {"his": "he", "her": "she", "their": "they", "its": "it"}
_WORD = re.compile(r"[\w'\u2019.&-]+")
_SPEAKER_TEXT_WORD = re.compile(r"[\w'\u2019-]+")
_HEAD_CUT = re.compile(
    r",|\s\(|\s[\u2014\u2013-]\s|\s[\u2014\u2013]|\s(?:who|which|that|whose)\s"
    r"|\s(?:received|obtained|published|released|prepared|commissioned|seen|written|sent|quoted|cited)\s+by\s"
)
_AGE = re.compile(r"\b\d{1,3}-year-old\b", re.I)
_HE = frozenset({"he", "him"})
_SHE = frozenset({"she", "her"})
_HE_SHE = _HE | _SHE
_PRONOUN_WORDS = _HE_SHE | {"they", "it", "we", "i", "you"}
_BY_START = attrgetter("start")
_GENDER = {"m": "male", "f": "female"}

# words that may open a sentence before its subject ("But", "Meanwhile", "The")
_OPENERS = frozenset(
    """the a an but and so then also meanwhile however still now later earlier yet even instead indeed
    separately similarly moreover finally first next both former new longtime veteran""".split()
)
# a name after one of these opening words is inside a subordinate clause or a phrase, not the subject
_SUBORDINATE = frozenset(
    """although though when while if as after before since because unless until once whereas whether
    despite asked like unlike with without for from in on at to by of about against during under over
    through between among according""".split()
)
# lower-case words that show a name is not the subject of its sentence (verbs, pronouns, negation)
_NOT_BEFORE_SUBJECT = frozenset(
    """be been being am has have had do does did will would can could should may might must not no he she they it we i you his her their its our my your him them us me who whom which what that
    this these those there here said says told say tell asked""".split()
)
# the speaker words themselves: never an actor's name on their own
_NOT_SPEAKERS = frozenset(
    """that this these those it there what which who whom whose here when where why how such same
    something someone anyone everyone nobody none nothing other others each""".split()
)


class _Linker:
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

    # -- the walk over the quotes ------------------------------------------------------------------

    def run(self) -> list[Link]:
        out: list[Link] = []
        prev: Link | None = None
        for q in self.quotes:
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
                insort(self.spoken, (pos, q.end, link.actor), key=itemgetter(0))
            prev = link
            out.append(link)
        self._countries_that_speak(out)
        return out

    def _countries_that_speak(self, links: list[Link]) -> None:
        """A country that speaks acts as a state: typed ``organisation`` (its place mentions stay)."""
        for link in links:
            a = link.actor
            if a is not None and a.type == "place" and a.name in _lex().names and _lex().names[a.name][2] == "country":
                a.type = "organisation"

    # -- one speaker phrase ---------------------------------------------------------------------------

    def link(self, q: Quote) -> Link:
        ss, se = q.speaker_start, q.speaker_end
        assert ss is not None and se is not None
        if q.cue_start is not None and q.cue_start > se:
            # "Theresa May said", "Ms. May said": the quote finder read "May" as the modal
            gap = _MODAL_NAME.match(self.source, se, q.cue_start)
            if gap is not None and self.source[ss:se].rstrip(".")[-1:].isalpha():
                se = gap.end(1)
        text = self.source[ss:se]
        low = " ".join(text.lower().split())
        kind = q.speaker_kind
        pron = _pronoun(low)
        if pron is not None:
            return self.pronoun(pron, ss, se)
        exact = self.exact.get((ss, se))
        if exact is not None and exact.type != "place":
            # the commonest case: the speaker's words are one mention ("Lind", "Ana Ruiz")
            return Link(exact, f"'{text}' in the speaker's words is a mention of {exact.name}", "name")
        if kind == "anonymous":
            for s, e, a in self.overlapping(ss, se):
                if a.type == "anonymous":  # "Sources at the Harbour Board": the sources the actor finder found
                    return Link(a, f"'{self.source[s:e]}' in the speaker's words is the anonymous source {a.name}",
                                "anonymous")
            return self.new_actor(ss, se, text, "anonymous", None, "anonymous")
        # the head segment: the words before an apposition ("Lina Arafeh, a translator")
        cut = _HEAD_CUT.search(text)
        hs, he = ss, ss + (cut.start() if cut and cut.start() > 0 else len(text))
        while he > hs and self.source[he - 1] in " \t\u00a0":
            he -= 1
        # coordination: "The US and some of its allies" speaks through its first named conjunct
        for conj in _AND.finditer(self.source, hs, he):
            inside = [m for m in self.overlapping(conj.start(), conj.end()) if m[0] <= conj.start() and conj.end() <= m[1]]
            if not inside and any(m[1] <= conj.start() for m in self.overlapping(hs, conj.start())):
                he = conj.start()
                break
        named = _NAMED.search(self.source, hs, he)
        if named is not None:
            # "an agency official in Banten province named Jhony": the name given is the speaker
            ns, ne = named.start(1), named.end(1)
            for s, e, a in self.overlapping(ns, ne):
                if a.type == "person":
                    return Link(a, f"'{self.source[s:e]}', the name given in the speaker's words, is {a.name}", "name")
            return self.new_actor(ns, ne, self.source[ns:ne], "person", None, "name")
        clause = _CLAUSE_CUT.search(self.source, hs, he)
        if clause is not None and clause.start() > hs:
            before = self.source[hs : clause.start()].split()
            last = _strip_poss(before[-1].lower()) if before else ""
            if last and (_person_noun(last) or last in _lex().speaker_documents):
                he = clause.start()  # "a private security professional present during the attack"
        head_text = self.source[hs:he]
        toks = [(hs + m.start(), hs + m.end(), m.group()) for m in _WORD.finditer(head_text)]
        if not toks:
            return Link(None, f"'{text.strip()}' names no actor", "none")
        words = [t[2].lower().strip(".").replace("\u2019", "'") for t in toks]
        hw = _strip_poss(words[-1])
        if hw != words[-1] and not (len(words) > 1 and words[-2] in _DET_WORDS and False):
            return Link(None, f"'{text.strip()}' ends in a possessive: it names no speaker", "none")
        over = self.overlapping(hs, he)
        last_s, last_e = toks[-1][0], toks[-1][1]
        at_last = [m for m in over if m[0] < last_e and last_s < m[1]]
        # a person named first and followed by a preposition or a verb: "Tim Guest with the ...", "X often quotes"
        for s, e, a in over:
            if a.type == "person" and e < he:
                nxt = _NEXT_LOWER.match(self.source, e, he)
                if nxt is not None and not _noun_after_name(nxt.group(1)):
                    return Link(a, f"'{self.source[s:e]}' in the speaker's words is a mention of {a.name}", "name")
        # the document's owner: "her statement", "a statement from the EU", "the report"
        if hw in _lex().speaker_documents and not at_last:
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
                typ = self._appositive_type(he, se) or ("organisation" if _CONNECTOR.search(self.source[start:he])
                                                        else "person")
                return self.new_actor(start, he, self.source[start:he], typ, None, "name")
            return Link(a, f"'{self.source[s:e]}' in the speaker's words is a mention of {a.name}", "name")
        # a capitalised role or organisation word alone ("the Minister", "the Ministry") is a common noun;
        # after other capitalised words it ends a name ("Harbour Watch")
        capital_role = hw in _lex().role_words or (
            hw in _lex().org_heads and not (len(toks) > 1 and toks[-2][2][:1].isupper()))
        if toks[-1][2][:1].isupper() and not capital_role:
            # capitalised words with no actor behind them: "Lina Arafeh", "TechCrunch"
            appo = self.apposition(he, se)
            if appo is not None and not _names_someone(self.source, hs, he, kind):
                return appo
            if len(toks) == 1 and _person_noun(hw) and _unnamed_type(hw) == "group":
                # "Protestors said": a group described by its word, not a name
                return self.new_actor(hs, he, head_text, "group", None, "unnamed")
            if _names_someone(self.source, hs, he, kind):
                start = self._name_run_start(toks)
                typ = self._appositive_type(he, se) or {"organisation": "organisation", "place": "place"}.get(
                    kind or "", "person")
                if typ == "person" and _CONNECTOR.search(self.source[start:he]):
                    typ = "organisation"  # "City of Surrey", "House of Commons"
                elif typ == "person" and _PLURAL_ACRONYM.fullmatch(toks[-1][2]):
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
        definite = words[0] not in _INDEFINITE
        if _AGE.search(head_text) and words[0] in ("the", "this", "that"):
            found = self.salient(("person",), ss, se, None, f"'{head_text.strip()}'")
            if found is not None and found.actor is not None:
                self.add_mention(found.actor, hs, he, found.how, "description")
                return Link(found.actor, found.how, "description")
        if hw in _lex().role_words and hw not in _lex().kinship and definite:
            found = self.by_role(head_text, hs, kind)
            if found is not None:
                return found
        if hw in _lex().org_heads or hw in _lex().collective:
            found = self.by_org_head(hw, hs, head_text)
            if found is not None:
                return found
        if not _person_noun(hw) or words[0] in _SUBORDINATE or words[-1] in _PRONOUN_WORDS:
            return Link(None, f"'{text.strip()}' names no actor", "none")
        typ = _unnamed_type(hw)
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
            if not w[:1].isupper() or w.lower() in _lex().role_words or w.lower().endswith(("'s", "\u2019s")):
                break
            i -= 1
        return toks[i][0]

    def _longer_name(self, toks: list[tuple[int, int, str]], s: int) -> int | None:
        """The start of a capitalised run that goes on before a one-word mention at ``s`` ("Save the
        Tavan", "Safe Surrey"), or None: a title, honorific, party or nationality before it stops the run."""
        lex = _lex()
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
        m = _APPOSITION_HEAD.match(self.source, he, max(se, he + 90))
        if m is None:
            return None
        words = [w.lower() for w in _SPEAKER_TEXT_WORD.findall(m.group(1))]
        lex = _lex()
        if any(w in lex.org_heads or w in _lex().collective or w in ("organised", "organized", "campaigned") for w in words):
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
        m = _COMMA.match(rest)
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
        lex = _lex()
        if not _person_noun(hw):
            # "Infrastructure Canada's public database", "the Lind proposal": the thing of the name before it
            return Link(n, f"'{text.strip()}' belongs to {n.name}, named before the word '{hw}'", "document")
        if n.type == "place" and hw in ("government", "administration", "authorities", "officials"):
            return Link(n, f"'{text.strip()}' resolved to {n.name}: the government of a country named in the article",
                        "government")
        if n.type == "organisation" and not poss and (hw in lex.org_heads or hw in _lex().collective):
            return Link(n, f"'{text.strip()}' is {n.name}: the organisation named before the word '{hw}'", "name")
        # a role at an organisation or of a person named before: the one person holding it, if named
        if hw in lex.role_words and hw not in _lex().kinship:
            holders = [a for a in self.actors if a.type == "person" and a is not n
                       and (a.first_position < hs or words[0] not in _INDEFINITE) and a.affiliation == n.name and any(hw in r.lower().split() for r in a.roles)]
            if len(holders) == 1:
                a = holders[0]
                why = f"'{text.strip()}' resolved to {a.name}, the {hw} of {n.name} named before"
                self.add_mention(a, hs, he, why, "description")
                return Link(a, why, "role noun")
        typ = _unnamed_type(hw)
        start = s if not self.source[hs:s].strip() or self.source[hs:s].strip().lower() in _DET_WORDS else hs
        why_mod = f"'{n.name}' is a modifier of '{hw}'"
        link = self.new_actor(start, he, self.source[start:he], typ, n.name, "unnamed", note=why_mod)
        return link

    # -- pronouns and salience ------------------------------------------------------------------------

    def pronoun(self, low: str, ss: int, se: int) -> Link:
        if low in _HE_SHE:
            want = "m" if low in _HE else "f"
            found = self.salient(("person",), ss, se, want, f"'{low}'")
            if found is None:
                return Link(None, f"'{low}': no person named before it", "pronoun")
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
                return Link(None, f"'{low}': nothing fitting named before it", "pronoun")
            assert found.actor is not None
            self.add_mention(found.actor, ss, se, found.how, "pronoun")
            return Link(found.actor, found.how, "pronoun")
        return Link(None, f"'{low}': a first- or second-person pronoun is not resolved", "pronoun")

    def salient(self, types: tuple[str, ...], ss: int, se: int, want: str | None, what: str) -> Link | None:
        """The most salient actor of ``types`` before ``ss`` (see the module docstring)."""
        best: tuple[float, int, Actor, str] | None = None
        dist = -0.5
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
        # speakers of earlier quotes in this sentence
        i = bisect_left(self.spoken, lo, key=itemgetter(0))
        while i < len(self.spoken) and self.spoken[i][0] < hi:
            pos, _end, a = self.spoken[i]
            i += 1
            if id(a) in seen or not self._fits(a, types):
                continue
            penalty = self._gender_penalty(a, want)
            if penalty is None:
                continue
            seen.add(id(a))
            # a speaker inside an opening subordinate clause ("Although Lind said ..., Moss ...") ranks lower
            rank = 0.0 if self._subject_like(lo, pos) or not self._in_opening_clause(lo, pos) else 1.0
            yield rank + penalty, pos, a, "the speaker of the quote before" + _gender_note(penalty, a, want)
        for k in range(bisect_left(self.starts, lo), len(self.index)):
            s, e, a = self.index[k]
            if s >= hi:
                break
            if e > hi or self.inside_quote(s):
                continue
            subject = self._subject_like(lo, s)
            if id(a) in seen or not self._fits(a, types):
                continue
            penalty = self._gender_penalty(a, want)
            if penalty is None:
                continue
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
            yield rank + penalty, s, a, why + _gender_note(penalty, a, want)

    def _fits(self, a: Actor, types: tuple[str, ...]) -> bool:
        if a.type in types:
            return True
        if "country" in types and a.type == "place":
            return any(x[2] is a for x in self.spoken) or any(m.kind == "capital" for m in a.mentions)
        return False

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
        prefix = self.source[lo:s]
        c = prefix.rfind(",")
        if c >= 0:
            prefix = prefix[c + 1 :]  # "For his part, Brooks": the clause after the comma
        if len(prefix) > 120:
            return False  # a long stretch before the name: it is not the subject
        lex = _lex()
        for w in prefix.split():
            w0 = w.strip("\"'\u201c\u2018\u201d\u2019()[]")
            if not w0:
                continue
            lw = w0.lower()
            if lw in _SUBORDINATE or lw in _NOT_BEFORE_SUBJECT or lw in lex.speech_verbs:
                return False
            if w0[:1].isupper() or lw in _OPENERS or lw in lex.role_words or lw in lex.role_modifiers:
                continue
            if lw.endswith(("ed", "ing")) and "-" not in lw:
                return False  # a verb: the name is its object
            if "\u2591" in w0:
                return False
        return True

    def _in_opening_clause(self, lo: int, s: int) -> bool:
        """Is ``s`` inside a subordinate clause opening the sentence ("Although X said ..., Y ...")?"""
        prefix = self.source[lo:s]
        first = prefix.split(None, 1)[0].lower().strip("\"'\u201c\u2018(") if prefix.strip() else ""
        return first in _SUBORDINATE and "," not in prefix

    def _modifier(self, e: int) -> bool:
        """Is the mention ending at ``e`` a possessive or a modifier ("Kim's visit", "the Osland government")?"""
        nxt = self.source[e : e + 40]
        if nxt[:2] in ("'s", "\u2019s") or (nxt[:1] in ("'", "\u2019") and nxt[1:2] in (" ", "")):
            return True
        m = _NEXT_LOWER.match(nxt)
        if m is None:
            return False
        w = m.group(1)
        lex = _lex()
        return w in lex.org_heads or w in lex.role_words or w in lex.group_nouns or w in _lex().collective

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
            bounds = _sentences(self.source, ps, pe)
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

    # -- role nouns, organisation words, governments, documents ---------------------------------------

    def by_role(self, text: str, ss: int, kind: str | None) -> Link | None:
        """ "the minister" -> the one person named before it whose role ends in "minister"."""
        lex = _lex()
        words = [w.lower() for w in _SPEAKER_TEXT_WORD.findall(text)]
        if not words or len(words) > 4:
            return None
        head = next((w for w in reversed(words) if w in lex.role_words), None)
        if head is None or head in _lex().kinship:
            return None
        others = [w for w in words if w not in _DET_WORDS and w != head]
        later_ok = self.in_headline(ss)
        found = [
            a for a in self.actors if a.type == "person" and (a.first_position < ss or later_ok)
            and any(f" {head} " in f" {r.lower()} " for r in a.roles)
            and set(others) <= set(" ".join(a.roles + [a.affiliation or ""]).lower().split())
        ]
        if len(found) == 1:
            a = found[0]
            why = f"'{text.strip()}' resolved to {a.name}, the only person named before it with the role '{head}'"
            self.add_mention(a, ss, ss + len(text), why, "description")
            return Link(a, why, "role noun")
        if len(found) > 1:
            recent = next((a for _s, _e, a in self.before(ss) if a in found), None)
            if recent is not None:
                why = f"'{text.strip()}' resolved to {recent.name}, the person with the role '{head}' named last before it"
                self.add_mention(recent, ss, ss + len(text), why, "description")
                return Link(recent, why, "role noun")
        # "the Republican presidential nominee": the only person of that party or nationality
        groups = {lex.parties.get(w) or lex.demonyms.get(w.capitalize()) for w in others} - {None}
        if len(groups) == 1:
            group = groups.pop()
            same = [a for a in self.actors if a.type == "person" and a.affiliation == group
                    and (a.first_position < ss or later_ok)
                    and (not a.roles or any(head in r.lower() for r in a.roles))]
            if len(same) == 1:
                a = same[0]
                why = f"'{text.strip()}' resolved to {a.name}, the only person affiliated with {group}"
                self.add_mention(a, ss, ss + len(text), why, "description")
                return Link(a, why, "role noun")
        return None

    def in_headline(self, pos: int) -> bool:
        """Is ``pos`` in the headline or standfirst (where a role may name a person introduced below)?"""
        return any(sp.start <= pos < sp.end and sp.label in ("title", "standfirst") for sp in self.spans or ())

    def by_government(self, text: str) -> Link | None:
        """ "the Mexican government", "Canadian authorities" -> the country actor, when it is named."""
        words = _DET.sub("", text.strip()).split()
        if len(words) != 2 or words[1].lower() not in ("government", "administration", "authorities"):
            return None
        country = _lex().demonyms.get(words[0])
        found = [a for a in self.actors if a.name == country] if country else []
        if len(found) == 1:
            a = found[0]
            return Link(a, f"'{text.strip()}' resolved to {a.name}: the government of a country named in the article",
                        "government")
        return None

    def by_org_head(self, head: str, ss: int, text: str) -> Link | None:
        """ "the ministry says" -> the one organisation named "... Ministry ..." (named before it, if any)."""
        found = [a for a in self.actors if a.type == "organisation"
                 and head in [w.lower() for w in _SPEAKER_TEXT_WORD.findall(a.name)]]
        before = [a for a in found if a.first_position < ss]
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
        noun = _strip_poss(words[-1])
        what = f"'{text.strip()}'"
        # "her statement", "their report"
        if words[0] in _POSS_DET and len(words) <= 3:
            found = self.pronoun(_POSS_DET[words[0]], toks[0][0], toks[0][1])
            if found.actor is not None:
                return Link(found.actor, f"{what}: the document of {found.actor.name} ({found.how})", "document")
        # "a statement from the EU", "a statement e-mailed to reporters by Lind"
        found_by = self._owner_by(toks[-1][1], min(len(self.source), se + 100))
        if found_by is not None:
            return Link(found_by, f"{what}: the document of {found_by.name}, named with 'from' or 'by'", "document")
        # a name before the noun: "Lind's statement", "the Civic Action study"
        owners = [m for m in over if m[1] <= toks[-1][0] and m[2].type in _OWNER_TYPES]
        if owners:
            _s, _e, a = owners[-1]
            return Link(a, f"{what}: the document of {a.name}, named before the noun", "document")
        caps = [t for t in toks[:-1] if t[2][:1].isupper()]
        if caps and _names_someone(self.source, caps[0][0], caps[-1][1], "organisation"):
            # "Port Calder Stock Exchange data": a name no actor was found for
            start = caps[0][0]
            return self.new_actor(start, caps[-1][1], self.source[start : caps[-1][1]], "organisation", None, "document")
        if words[0] not in _INDEFINITE:
            found = self.earlier_document(noun, ss)
            if found is not None:
                a, where = found
                return Link(a, f"{what}: the {noun} of {a.name}, {where}", "document")
        # the subject or speaker of the sentence before ("Gatsby said ... A statement said")
        subject = self.previous_subject(ss)
        if subject is not None:
            return Link(subject, f"{what}: the document of {subject.name}, the subject of the sentence before",
                        "document")
        return None

    def _owner_by(self, lo: int, hi: int) -> Actor | None:
        """The actor named after "from" or "by" in ``[lo, hi)``, before the clause ends (not "obtained by")."""
        m = _FROM_BY.search(self.source, lo, hi)
        if m is None or _CLAUSE_END.search(self.source, lo, m.start()):
            return None
        at = m.end()
        for s, _e, a in self.overlapping(at, at + 80):
            if s == at and a.type in _OWNER_TYPES:
                return a
        return None

    def previous_subject(self, ss: int) -> Actor | None:
        """The speaker or subject of the sentence before ``ss`` (a person, organisation or group)."""
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
        stem = noun[:-1] if noun.endswith("s") and len(noun) > 4 else noun
        src = self.source
        hits = list(_noun_pattern(stem).finditer(src, max(0, ss - 6000), ss))
        for m in list(reversed(hits))[:3]:
            a = self._owner_by(m.end(), min(len(src), m.end() + 100))
            if a is not None:
                return a, "named with it before"
            lo_s, hi_s = self.sentence_of(m.start())
            spoke = [x[2] for x in self.spoken if lo_s <= x[0] < hi_s and x[2].type in _OWNER_TYPES]
            if spoke:
                return spoke[0], "who spoke in the sentence that named it"
            subjects = [a for rank, _pos, a, _why in self._candidates(lo_s, m.start(), ("person",), None, False)
                        if rank == 0]
            if subjects:
                return subjects[0], "the subject of the sentence that named it (\"X wrote in a report\")"
            for _s, e, a in self.overlapping(max(0, m.start() - 60), m.start()):
                if e <= m.start() and a.type in _OWNER_TYPES and _NOUN_AFTER.fullmatch(src[e : m.start()]):
                    return a, "named with it before"
            for_m = _FOR_AFTER.match(src, m.end(), m.end() + 60)
            if for_m is not None:
                at = for_m.end()
                for s, _e, a in self.overlapping(at, at + 60):
                    if s == at and a.type in _OWNER_TYPES:
                        return a, "the body it was written for"
        return None

    # -- new actors -----------------------------------------------------------------------------------

    def new_actor(self, s: int, e: int, text: str, typ: str, affiliation: str | None, resolution: str,
                  note: str = "") -> Link:
        clean = " ".join(text.split()).strip(" ,")
        if typ == "anonymous" and resolution == "anonymous":
            name = _anonymous_name(clean)
        else:
            name = _DET.sub("", _LEAST.sub("", clean))
            name = _DET.sub("", _PARTITIVE.sub("", name))
            name = _POSSESSIVE_LEAD.sub("", name) if affiliation else name
            name = _cut_clause(name)
        name = name.strip(" ,") or clean
        lname = name.lower()
        for a in self.actors:
            if a.type == typ and lname in self.lower_names(a) and (a.affiliation == affiliation or affiliation is None):
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
        self.actors.append(a)
        self.add_mention(a, s, e, why, "speaker" if resolution == "name" else "description")
        return Link(a, why, resolution)

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
        insort(a.mentions, Mention(s, e, self.source[s:e], rule, kind), key=_BY_START)
        a.first_position = a.mentions[0].start
        i = bisect_left(self.starts, s)
        self.index.insert(i, (s, e, a))
        self.starts.insert(i, s)


_OWNER_TYPES = ("person", "organisation", "group", "place")
# "from X", "by X" naming a document's author, not "obtained by X" or "sent to X"
_FROM_BY = re.compile(r"(?<!obtained )(?<!seen )(?<!reviewed )(?<!received )\b(?:from|by)\s+(?:the\s+)?")
_CLAUSE_END = re.compile(r"[.;:!?]|,\s+(?:who|which|but|and)\b|\b(?:said|says|told|added)\b")
# what may stand between an owner's name and the document noun: "'s", "'s new", "" ("the Civic Action study")
_NOUN_AFTER = re.compile(r"(?:['\u2019]s)?\s+(?:[a-z][\w-]*\s+){0,2}")
_LEAST = re.compile(r"^(?:at\s+)?least\s+|^(?:more|fewer)\s+than\s+", re.I)
_PARTITIVE = re.compile(r"^(?:[\w-]+\s+)?of\s+(?:the|these|those|its|his|her|their)\s+", re.I)
_NAMED = re.compile(r"\b(?:named|called|identified as)\s+([A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+){0,3})")
_NEXT_LOWER = re.compile(r"\s+([a-z][\w-]*)")
_PLURAL_ACRONYM = re.compile(r"[A-Z]{2,}s")
_APPOSITION_HEAD = re.compile(r"\s*,\s*(?:which|that|the|a|an)\b([^,.;]{0,80})")
_COMMA = re.compile(r"\s*,\s*")
_FOR_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,2}?for\s+(?:the\s+)?")
_MODAL_NAME = re.compile(r"\.?\s+(May|Will|Might|Can|Should|Shall|Must)\s+$")
_AND = re.compile(r"\s(?:and|&)\s")
_CONNECTOR = re.compile(r"\s(?:the|of|for|and)\s")
_POSSESSIVE_LEAD = re.compile(r"^[\w.-]+(?:\s+[A-Z][\w.-]*)*['\u2019]s\s+")
_CLAUSE_CUT = re.compile(r"\s+(?:who|which|that|present|during|at|in|on|from|with|after|before|while|when|"
                         r"whose|where|speaking|quoted|cited|interviewed)\b.*$")


@lru_cache(maxsize=256)
def _noun_pattern(stem: str) -> re.Pattern[str]:
    return re.compile(rf"\b{re.escape(stem)}s?\b", re.I)


# a sentence break: an end mark (and closing quote or bracket), space, then a capital, digit or opening mark
_SENT_BREAK = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+(?=[\"'\u201c\u2018(\[]?[A-Z0-9])")


def _sentences(text: str, ps: int, pe: int) -> list[tuple[int, int]]:
    """Sentences of ``text[ps:pe]`` for measuring distance back to a name: the breaks of
    :func:`mediakit.segment.sentence_bounds` (end mark, space, capital) without its finer tests, except
    that a full stop after an abbreviation or an initial ("Mr.", "U.S.", "J.") is no break."""
    out = []
    start = ps
    for m in _SENT_BREAK.finditer(text, ps, pe):
        at = m.start()
        if text[at] == ".":
            k = at
            while k > ps and (text[k - 1].isalpha() or text[k - 1] == "."):
                k -= 1
            word = text[k:at]
            if word.lower() in ABBREVIATIONS or "." in word or (len(word) == 1 and word.isupper()
                                                                 and (k == ps or text[k - 1] == " ")):
                continue  # "Mr.", "U.S.", "J. Smith"
        out.append((start, m.end()))
        start = m.end()
    if start < pe:
        out.append((start, pe))
    return out


def _cut_clause(name: str) -> str:
    """ "private security professional present during the attack" -> "private security professional"."""
    return _CLAUSE_CUT.sub("", name)


def _strip_poss(w: str) -> str:
    return w[:-2] if w.endswith(("'s", "\u2019s")) else w.rstrip("'\u2019")


def _pronoun(low: str) -> str | None:
    """The pronoun the speaker words are ("he", "She", "what he" -> "he"), or None."""
    words = low.split()
    if len(words) == 1 and words[0] in _PRONOUN_WORDS:
        return words[0]
    if 2 <= len(words) <= 3 and words[-1] in _PRONOUN_WORDS and all(
        w in ("what", "as", "and", "but", "so", "then", "now", "later", "afterwards", "afterward", "again", "also",
              "still", "yet", "instead", "meanwhile", "earlier", "separately")
        or (w.endswith("ly") and len(w) > 4) for w in words[:-1]
    ):
        return words[-1]
    return None


_NOT_PEOPLE_PLURALS = frozenset(
    "papers numbers others orders letters matters waters centers centres figures barriers borders sectors factors "
    "monitors computers reactors records meters markers headquarters layers chapters quarters theaters".split()
)
_PERSON_SUFFIXES = ("ist", "ologist", "ician", "person", "woman", "women", "sman", "smen")


def _person_noun(head: str) -> bool:
    """Could the common noun ``head`` name a person, a group or a body of people ("bartender",
    "advocates", "staff", "the military")? Read from the lists and from person-noun endings."""
    lex = _lex()
    if not head.isalpha() and "-" not in head:
        return False
    if head in _NOT_SPEAKERS or head in _lex().speaker_documents:
        return False
    sing = head[:-1] if head.endswith("s") and not head.endswith("ss") else head
    for w in (head, sing):
        if w in _lex().person_nouns or w in lex.role_words or w in lex.group_nouns or w in _lex().kinship \
                or w in _lex().collective or w in lex.org_heads:
            return True
    if head.endswith(("ers", "ors")) and len(head) > 6 and head not in _NOT_PEOPLE_PLURALS:
        return True  # "defenders", "organizers", "investors": people doing something
    return sing.endswith(_PERSON_SUFFIXES) and len(sing) > 5


def _noun_after_name(word: str) -> bool:
    """Is the lower-case word after a name the noun it modifies ("Lind aides", "Kim's office")?"""
    lex = _lex()
    return word in lex.role_words or word in lex.org_heads or word in lex.group_nouns or _person_noun(word)


def _unnamed_type(head: str) -> str:
    """The type of an actor described by a common noun: an organisation word, a group (plural) or a person."""
    lex = _lex()
    if head in _lex().collective or head in lex.org_heads:
        return "organisation"
    if head in lex.group_nouns or head in ("staff", "aides", "people", "public") or (
        head.endswith("s") and not head.endswith(("ss", "us", "is")) and len(head) > 3
    ):
        return "group"
    return "anonymous"  # one person the article does not name ("a bartender", "the father")


def _gender_note(penalty: float, a: Actor, want: str | None) -> str:
    return " (an earlier pronoun suggested otherwise)" if penalty else ""


def _names_someone(source: str, s: int, e: int, kind: str | None) -> bool:
    """Do the speaker's words name someone: a capitalised word that is not a common word opening a
    sentence ("Less", "Somehow", "That's")?"""
    lex = _lex()
    text = source[s:e]
    words = list(_SPEAKER_TEXT_WORD.finditer(text))
    for m in words:
        w = m.group()
        low = w.lower().replace("\u2019", "'")
        if not w[0].isupper() or low in lex.stop or low in lex.not_name or low.endswith("'s"):
            continue
        if low in _NOT_SPEAKERS or low in _PRONOUN_WORDS or low in _OPENERS or low in _SUBORDINATE:
            continue
        if m.start() == 0 and len(words) == 1 and _sentence_initial(source, s) and (
            low in lex.group_nouns or low[:-1] in lex.person_nouns
            or (w not in lex.given and (_lower_elsewhere(source, low) or not _capitalised_inside(source, w)))
        ):
            continue  # a capitalised common word opening a sentence ("Somehow", "Economists")
        return True
    return False


def _sentence_initial(source: str, s: int) -> bool:
    j = s - 1
    while j >= 0 and source[j] in " \t\u00a0\"'\u201c\u2018(":
        j -= 1
    return j < 0 or source[j] in ".!?:\n;"


def _word_positions(source: str, word: str) -> Iterator[int]:
    """Where ``word`` stands as a whole word in ``source``."""
    n = len(word)
    i = source.find(word)
    while i != -1:
        before = source[i - 1] if i else " "
        after = source[i + n] if i + n < len(source) else " "
        if not (before.isalnum() or before in "'\u2019-") and not (after.isalnum() or after in "'\u2019-"):
            yield i
        i = source.find(word, i + 1)


def _capitalised_inside(source: str, word: str) -> bool:
    """Is ``word`` written capitalised somewhere a sentence does not open (a name, not a common word)?"""
    return any(not _sentence_initial(source, i) for i in _word_positions(source, word))


def _lower_elsewhere(source: str, low: str) -> bool:
    """Is the word written in lower case somewhere in the text?"""
    return next(_word_positions(source, low), None) is not None


def stated_gender(source: str, a: Actor) -> tuple[str, str] | None:
    """The gender the text states for the person ``a``, with the words that state it: an honorific
    written before a mention ("Ms", "Mr.") or a gendered role noun among its roles ("spokeswoman").
    Never read from a first name. None when the text states none (or states both).

    >>> from mediakit.actors import Actor, Mention
    >>> text = "Ms Ana Ruiz, the harbour spokeswoman, spoke."
    >>> stated_gender(text, Actor("A1", "Ana Ruiz", "person", mentions=[Mention(3, 11, "Ana Ruiz", "")]))
    ('f', 'Ms')
    """
    if a.type != "person":
        return None
    lex = _lex()
    found: dict[str, str] = {}
    seen: set[str] = set()
    for m in a.mentions:
        if m.kind in ("pronoun", "description", "speaker") or m.start < 2 or source[m.start - 1] != " ":
            continue
        before = source[max(0, m.start - 12) : m.start - 1].split()
        word = before[-1] if before else ""
        if word in seen:
            continue
        seen.add(word)
        g = lex.honorifics.get(word.rstrip(".").lower())
        if g in ("f", "m"):
            found.setdefault(g, word)
    for r in a.roles:
        for w in r.lower().split():
            g = lex.roles.get(w)
            if g in ("f", "m"):
                found.setdefault(g, w)
    if len(found) != 1:
        return None
    g, words = next(iter(found.items()))
    return g, words


_PRONOUN_GENDER = {"he": "male", "him": "male", "his": "male", "she": "female", "her": "female", "hers": "female"}
_PRONOUN_AFTER = re.compile(r"\b(?:he|she|his|her)\b", re.I)
_NAMED_KINDS = frozenset({"name", "short", "acronym", "alias", "capital", "speaker"})


def speaker_gender(source: str, a: Actor | None) -> tuple[str, str | None]:
    """The gender of the person ``a`` as the text states it (``"female"``, ``"male"`` or ``"unknown"``)
    and the words that state it: an honorific or a gendered role noun (:func:`stated_gender`), else
    the pronouns that refer to the person (the he/she resolved to it, or the first he/she after a
    mention of it in the same sentence when nobody else is named between). Never read from a first
    name; ``"unknown"`` for anything but a person, or when the pronouns disagree.

    >>> from mediakit.actors import find_actors
    >>> text = "Dana Krell said she would run. Mr Joran Pell agreed."
    >>> [(a.name, speaker_gender(text, a)) for a in find_actors(text, [Span(0, len(text))])]
    [('Dana Krell', ('female', 'she')), ('Joran Pell', ('male', 'Mr'))]
    """
    if a is None or a.type != "person":
        return "unknown", None
    stated = stated_gender(source, a)
    if stated is not None:
        return _GENDER[stated[0]], stated[1]
    said = {_PRONOUN_GENDER[m.text.lower()]: m.text for m in a.mentions
            if m.kind == "pronoun" and m.text.lower() in _PRONOUN_GENDER}
    if len(said) == 1:
        g, word = next(iter(said.items()))
        return g, word.lower()
    if not said and a.gender in _GENDER:
        for m in a.mentions:
            if m.kind not in ("name", "short"):
                continue
            nxt = _PRONOUN_AFTER.search(source, m.end, min(len(source), m.end + 160))
            if nxt is not None and "\n" not in source[m.end : nxt.start()] \
                    and _PRONOUN_GENDER[nxt.group().lower()] == _GENDER[a.gender]:
                return _GENDER[a.gender], nxt.group().lower()
    return "unknown", None


def speaker_named(a: Actor | None, resolution: str) -> str:
    """How the article names a speaker: ``"named"`` (by a proper name), ``"anonymous"`` (a source kept
    anonymous: "sources", "an official who asked not to be named"), ``"unnamed"`` (described but not
    named: "a bartender", "city staff", "residents") or ``"none"`` (no speaker)."""
    if a is None:
        return "none"
    if a.type == "anonymous" and (resolution == "anonymous" or any(m.kind == "anonymous" for m in a.mentions)):
        return "anonymous"
    if any(m.kind in _NAMED_KINDS and m.text[:1].isupper() for m in a.mentions):
        return "named"
    return "unnamed"


def link_quotes(source: str, quotes: list[Quote], actors: list[Actor], spans: list[Span] | None = None) -> list[Link]:
    """Link each quote's speaker to an actor (see the module docstring); one :class:`Link` per quote.

    ``spans`` are the analysed spans (headline, standfirst, paragraphs), used to find sentences;
    by default the paragraphs of ``source``. New actors are appended to ``actors``; pronoun and
    description mentions are added to the actors they resolve to.
    """
    return _Linker(source, quotes, actors, spans).run()
