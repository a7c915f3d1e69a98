"""Word lists for the attribution rules (lower case) and the lengths that decide what counts as speech.

They describe English news grammar, not any one text. The lists about the world (roles, groups,
organisations, documents, places, anonymous sources) are read from ``mediakit/resources/`` by
:mod:`mediakit.wordlists`, shared with the actor finder and the speaker linker.
"""
from __future__ import annotations

import re

from .. import wordlists
from ..segment import ABBREVIATIONS as SENTENCE_ABBREVIATIONS

#: Personal pronouns a speaker span may be; resolve them to actors downstream.
PRONOUNS = frozenset("he she they we i it you him her them us me".split())

DETERMINERS = frozenset(
    "a an the his her their its our my your this these those some any no every each such another".split()
)
AUX_ADVERBS = frozenset(
    """also has have had would will could should can may might must did does do not never later then
    again previously once recently repeatedly finally simply just often already even still further
    earlier first initially flatly privately publicly openly bluntly angrily quickly reportedly
    allegedly frequently long since now today tonight yesterday subsequently separately similarly
    likewise additionally ultimately immediately quietly famously pointedly memorably""".split()
)
NOUNS_IN_LY = frozenset("family ally rally assembly supply reply anomaly monopoly bully daily weekly fly".split())
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
MONTHS = frozenset("january february march april may june july august september october november december".split())
TIME_WORDS = WEEKDAYS | frozenset(
    "week month year night morning afternoon evening weekend today yesterday tonight earlier later".split()
)
TIME_LEAD = frozenset("on last this late early next earlier later that".split())
# words that end a speaker phrase when walking left from the verb
CLAUSE_WORDS = frozenset(
    """that which who whom whose when where while because since although though if unless after before
    as but so yet or nor than until whether once whereas despite""".split()
)
VERBISH = frozenset(
    """is are was were be been being am has have had do does did will would can could should may might
    must shall not to 's""".split()
)
NP_PREPS = frozenset("of for at from in with to on".split())
LEAD_TRIM = frozenset(
    """and but so yet or then now still also however meanwhile instead later earlier indeed thus finally
    separately similarly moreover plus asked again even here there today yesterday tonight""".split()
)
PREPOSITIONS = frozenset(
    """in on at during after before since for with from by over under through throughout following
    about of to into outside inside near amid among against without within upon via per""".split()
)
ABBREVIATIONS = SENTENCE_ABBREVIATIONS | {"u.s", "u.n", "u.k", "d.c"}
OBJECT_PRONOUNS = frozenset("me him her them us you it".split())
# The lists about the world come from mediakit/resources/ (see mediakit.wordlists); the rest of this module
# is grammar.
#: nouns that may head a speaker phrase as a name does: roles ("the minister said"), groups ("critics
#: said", "officials"), organisations ("the ministry said", "the newspaper reported") and documents
#: ("a statement said")
SPEAKER_NOUNS = (wordlists.role_words() | wordlists.group_nouns() | wordlists.anonymous_nouns()
                 | wordlists.organisation_nouns() | wordlists.documents())
# who is told: "told reporters", "told the crowd", "Fox News host Sean Hannity"
LISTENER_WORDS = SPEAKER_NOUNS | wordlists.audiences()
# a speaker phrase holding one of these is anonymous: "sources", "an official who asked not to be named"
ANONYMOUS = re.compile(
    r"\b(" + "|".join(re.escape(w) for w in sorted({*wordlists.anonymous_always(), *wordlists.anonymous_phrases()},
                                                     key=len, reverse=True)) + r")\b",
    re.I,
)
#: words that make a speaker an organisation: capitalised in a name ("the Foreign Ministry", "Acme Inc"),
#: or in lower case alone ("the ministry", "the newspaper")
ORG_HEADS = frozenset(wordlists.organisation_heads())
ORG_NOUNS = wordlists.organisation_nouns()
#: names of countries, capitals and other places, lower case
PLACES = wordlists.places()
#: names of well-known organisations, lower case ("white house", "un")
ORG_NAMES = wordlists.organisation_names()

LONG_QUOTE = 8  # words: a quotation this long inside a sentence is speech, not a scare-quoted phrase
UNATTRIBUTED_WORDS = 25  # words: a quotation this long is listed even when no speaker is found
TWO_WORD_ADVERBS = frozenset(
    [("in", "particular"), ("in", "fact"), ("in", "turn"), ("at", "least"), ("at", "times"), ("of", "course"),
     ("in", "response"), ("once", "again"), ("last", "week"), ("last", "year"), ("last", "month")]
)
NUMBER_WORDS = frozenset("a an one two three four five six seven eight nine ten few several".split())
# -ing words that do not open a participle clause (", including ...")
NOT_PARTICIPLES = frozenset(
    "including according following during regarding concerning something nothing anything everything thing morning evening".split()
)
# ", but ...", ", which ...": reported words usually end before these
CUT_WORDS = frozenset("but while whereas although though which".split())
QUANTIFIERS = frozenset("some many most one two three several all none each both few any much".split())
# "a statement saying ...": the statement's author is the speaker
DOCUMENT_NOUNS = wordlists.documents()
# "knows that", "asked whether": the only openings a "that"-frame verb accepts
THAT_WORDS = frozenset("that if whether how why what when where who".split())
# what may follow a verb that is also a noun ("reports that", "calls for")
COMPLEMENT_STARTS = frozenset(
    """that the a an this these those his her their its our my there if whether how why what when where
    for on out to""".split()
)
# "are alleged to", "it is claimed that"
HEDGE_PARTICIPLES = frozenset("alleged said reported claimed rumored rumoured believed thought understood".split())
# what a picture or a gauge shows is not said: "footage showed ...", "readings above 50 indicate ..."
RECORDINGS = frozenset(
    """footage image images video videos photo photos photograph photographs picture pictures camera cameras
    television tv reading readings""".split()
)
SHOWING_VERBS = frozenset("show indicate".split())
