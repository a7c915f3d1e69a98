"""Word lists for the attribution rules (lower case) and the lengths that decide what counts as speech.

They describe English news grammar, not any one text.
"""
from __future__ import annotations

import re

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
ROLE_WORDS = frozenset(
    """spokesman spokeswoman spokesperson minister secretary president chairman chairwoman chair director
    official officials officer leader head chief adviser advisor aide aides analyst analysts professor
    expert experts lawyer lawyers attorney senator governor mayor ambassador envoy commissioner
    representative congressman congresswoman candidate campaign manager strategist economist researcher
    researchers author editor correspondent reporter judge prosecutor prosecutors police investigators
    executive ceo founder member members deputy premier chancellor general colonel sheriff coach
    consultant pollster historian scientist scientists doctor spokespeople staff staffer staffers
    negotiator diplomat diplomats activist activists residents critics supporters allies officials
    lawmakers legislators observers insiders people voters witnesses ministry department office agency
    government administration committee commission council party board union group report study poll
    survey statement letter memo filing complaint document documents data figures records newspaper paper
    magazine network website site station channel outlet publication tabloid""".split()
)
# who is told: "told reporters", "told the crowd", "Fox News host Sean Hannity"
LISTENER_WORDS = ROLE_WORDS | frozenset(
    """reporters journalists listeners viewers readers students workers delegates donors crowd audience
    paper newspaper panel magazine network station interviewer host moderator""".split()
)
ANONYMOUS = re.compile(
    r"\b(sources?|insiders?|anonymity|anonymous|unnamed|not (?:be )?(?:to be )?(?:named|identified)|"
    r"familiar with|declined to be (?:named|identified)|speaking on condition)\b",
    re.I,
)
ORG_WORDS = frozenset(
    """ministry department office agency government administration committee commission council party
    board union group association institute institution foundation university college company corp
    corporation inc ltd bank court parliament congress senate house police army navy campaign times post
    news press network television radio journal magazine agency organisation organization embassy
    authority authorities service services bureau fund league coalition alliance federation centre center
    club firm court""".split()
)
PLACES = frozenset(
    """afghanistan albania algeria argentina armenia australia austria azerbaijan bahrain bangladesh belarus
    belgium bolivia bosnia brazil britain bulgaria cambodia cameroon canada chile china colombia congo
    croatia cuba cyprus czechia denmark ecuador egypt england estonia ethiopia europe finland france
    georgia germany ghana greece guatemala haiti honduras hungary iceland india indonesia iran iraq
    ireland israel italy japan jordan kazakhstan kenya korea kosovo kuwait laos latvia lebanon libya
    lithuania malaysia mali mexico moldova mongolia montenegro morocco myanmar nepal netherlands nigeria
    norway oman pakistan palestine panama paraguay peru philippines poland portugal qatar romania russia
    rwanda scotland senegal serbia singapore slovakia slovenia somalia spain sudan sweden switzerland syria
    taiwan tajikistan tanzania thailand tunisia turkey uganda ukraine uruguay uzbekistan venezuela vietnam
    wales yemen zambia zimbabwe us usa uk eu washington beijing moscow london paris berlin tokyo brussels
    kyiv kiev tehran ankara delhi islamabad seoul pyongyang taipei canberra ottawa cairo jerusalem
    damascus baghdad kabul riyadh hong kong""".split()
)

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
DOCUMENT_NOUNS = frozenset(
    """statement letter email e-mail message tweet post release report memo note ad advertisement video
    cover text op-ed column essay editorial filing complaint petition document flier mailer""".split()
)
# "knows that", "asked whether": the only openings a "that"-frame verb accepts
THAT_WORDS = frozenset("that if whether how why what when where who".split())
# what may follow a verb that is also a noun ("reports that", "calls for")
COMPLEMENT_STARTS = frozenset(
    """that the a an this these those his her their its our my there if whether how why what when where
    for on out to""".split()
)
# "are alleged to", "it is claimed that"
HEDGE_PARTICIPLES = frozenset("alleged said reported claimed rumored rumoured believed thought understood".split())
