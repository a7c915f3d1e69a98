"""The actor finder's word lists in one :class:`Lexicon`, with the lookup tables derived from them.

The lists are the files of ``mediakit/resources/``, read once by :mod:`mediakit.wordlists`: the lists
the actor finder shares with the quote finder and the speaker linker (``roles.tsv``,
``organisation_words.tsv``, ``group_words.txt``, ``anonymous_sources.txt``, the gazetteers
``countries.tsv``, ``places.tsv``, ``organisations.tsv``, ``groups.tsv`` and ``given_names.txt``) and its
own sections of ``actor_words.txt`` (``[place_heads]``, ``[cap_stopwords]``...).
"""

from __future__ import annotations

from functools import lru_cache

from .. import wordlists as wl

# anonymous sources (anonymous_sources.txt): the nouns ("officials", "a source"), the ones that need no
# "who asked not to be named" after them, the modifiers read back from the noun ("two senior US officials")
ANON_NOUNS = wl.anonymous_nouns()
ANON_ALWAYS = wl.anonymous_always()
ANON_MODS = wl.anonymous_modifiers()
# a determiner or number opening such a phrase
QUANT = frozenset("the a an one two three four five six several some other another multiple many both".split())


class Lexicon:
    """All word lists, loaded once (see :func:`lexicon`)."""

    def __init__(self) -> None:
        sec = wl.sections("actor_words.txt")

        def words(name: str) -> frozenset[str]:
            return wl.section_words("actor_words.txt", name)

        self.honorifics = wl.honorifics()
        self.roles = wl.roles()
        self.role_words = wl.role_words()
        self.role_modifiers = words("role_modifiers")
        self.topic_words = words("topic_words")
        self.org_heads = wl.organisation_heads()
        self.event_heads = words("event_heads")
        self.place_heads = words("place_heads")
        self.document_heads = words("document_heads")
        self.not_name = words("not_name_words")
        self.stop = words("cap_stopwords")
        self.speech_verbs = words("speech_verbs")
        self.locative = words("locative_words")
        # the last words of the prepositions of two words or more ("visit to": "to")
        self.locative_ends = frozenset(w.split()[-1] for w in self.locative if " " in w.strip())
        self.group_nouns = wl.group_nouns()
        self.group_modifiers = wl.group_modifiers()
        # the last words of the modifiers of two words ("local residents": "local")
        self.group_modifier_ends = frozenset(m.split(" ")[-1] for m in self.group_modifiers if m.count(" ") == 1)
        # the speaker linker's lists (speaker_words.txt), kept here with the rest for one look-up object
        self.person_nouns = wl.person_nouns()
        self.kinship = wl.kinship_nouns()
        self.collective = wl.collective_nouns()
        self.speaker_documents = wl.speaker_documents()
        # a common noun before a name that makes the name an organisation ("the aid group Gatsby")
        self.org_nouns_before = words("org_nouns_before_names") | frozenset(wl.organisation_words())
        self.parties = {r[0].lower(): r[1] for r in sec.get("party_adjectives", ()) if len(r) > 1}
        self.given = wl.given_names()
        # name -> (canonical, type, kind)
        self.names: dict[str, tuple[str, str, str]] = {}
        self.capitals: dict[str, str] = {}
        self.demonyms: dict[str, str] = {}
        self.plurals: dict[str, str] = {}
        for row in wl.table("countries.tsv"):
            country = row[0]
            for n in [country, *wl.split_names(wl.cell(row, 1))]:
                self.names.setdefault(n, (country, "place", "country"))
            for c in wl.split_names(wl.cell(row, 2)):
                self.capitals.setdefault(c, country)
            for d in wl.split_names(wl.cell(row, 3)):
                self.demonyms.setdefault(d, country)
            for p in wl.split_names(wl.cell(row, 4)):
                self.plurals.setdefault(p, country)
        for row in wl.table("places.tsv"):
            for n in [row[0], *wl.split_names(wl.cell(row, 1))]:
                self.names.setdefault(n, (row[0], "place", wl.cell(row, 2) or "place"))
        for row in wl.table("organisations.tsv"):
            for n in [row[0], *wl.split_names(wl.cell(row, 1))]:
                self.names.setdefault(n, (row[0], "organisation", wl.cell(row, 2) or "organisation"))
        for row in wl.table("groups.tsv"):
            for n in [row[0], *wl.split_names(wl.cell(row, 1))]:
                self.names.setdefault(n, (row[0], "group", wl.cell(row, 2) or "group"))
        for p in self.plurals:
            self.names.setdefault(p, (p, "group", "nationality"))
        self.people_lower = {p.lower() for p in self.plurals} | {
            n.lower() for n, v in self.names.items() if v[1] == "group" and " " not in n
        }
        # derived tables for the hot paths
        self.lookup_keys = frozenset(self.names) | frozenset(self.capitals) | frozenset(self.demonyms)
        self.title_words = frozenset(self.role_words | set(self.honorifics))
        self.scan_words = frozenset(self.people_lower | self.group_nouns | ANON_NOUNS)
        self.stop_or_speech = frozenset(self.stop | self.speech_verbs)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The word lists, loaded on first use and shared by every call."""
    return Lexicon()
