"""The attribution rules in one table: for each, an id you can grep, the readable text a quote carries,
what the rule means and an example sentence it finds.

Every quote found by :func:`mediakit.quotes.find_quotes` carries the ``rule_id`` of the rule that
found it and the readable ``rule``: the rule's ``template`` filled in from the sentence, then the
rule's id in brackets, so what a reader sees can be grepped. The engine names a rule only by its literal id (``render("participle",
...)``), so ``grep -rn '"participle"' mediakit/quotes`` finds this table and every place the rule
fires. ``docs/rules.md`` is made from this table by :func:`rules_markdown`
(``python -m mediakit.quotes rules > docs/rules.md``).

Placeholders in the templates:

* ``{what}``: ``direct quote``, ``reported words`` or ``reported words with a quoted fragment``;
* ``{speaker}``, ``{cue}``: the speaker phrase and the reporting verb or phrase, as written;
* ``{attribution}``: the speaker and the cue in the order the sentence has them (``Lee said``,
  ``said Lee``);
* ``{content}``, ``{mark}``, ``{aux}``, ``{participle}``: explained in the rule that uses them.

Every example is invented for this project; ``tests/test_rules.py`` checks that each is found by its
rule.
"""
from __future__ import annotations

from dataclasses import dataclass
from string import Formatter
from typing import Any

__all__ = ["LIMITS", "RULES", "Limit", "Rule", "limit", "render", "rule", "rules_markdown"]


@dataclass(frozen=True)
class Rule:
    """One attribution rule; its readable text ends with its id in brackets.

    A rule that ``joins`` adds a quotation to a quote another rule found: its text (ending with its
    own id too) is appended to that quote's ``rule`` after ``"; "``, and the quote keeps the
    ``rule_id`` of the rule that found its attribution, so the text shows both ids.
    """

    id: str
    group: str
    template: str
    description: str
    example: str
    joins: bool = False


_AFTER = "Reported words after the attribution"
_BEFORE = "Reported words before the attribution"
_AROUND = "The attribution inside the reported words"
_ACCORDING = "According to"
_PARTICIPLE = "A second reporting verb"
_ACROSS = "Quotations across sentences and paragraphs"
_UNLISTED = "Quotations with no verb of the lexicon"
_HEDGE = "Claims with no speaker"

RULES: tuple[Rule, ...] = (
    Rule(
        id="speaker-verb-clause",
        group=_AFTER,
        template='{what} after "{speaker} {cue}"',
        description="The speaker and the reporting verb come first, then what was said, often after "
        '"that"; a listener ("told reporters") or a time ("on Friday") may stand between.',
        example="The harbour master said on Monday that the ferry would sail again in June.",
    ),
    Rule(
        id="speaker-verb-quote",
        group=_AFTER,
        template='direct quote after "{speaker} {cue}"',
        description="The speaker and the reporting verb come first, then a quotation.",
        example='Inspector Dana Whitlow told the council: "The bridge needs new cables before winter."',
    ),
    Rule(
        id="clause-comma-speaker-verb",
        group=_BEFORE,
        template='{what} followed by "{speaker} {cue}"',
        description="What was said comes first, then a comma, the speaker and the reporting verb; the "
        "reported words are the clause before the comma.",
        example="The ferry will sail again in June, the harbour master said.",
    ),
    Rule(
        id="clause-comma-verb-speaker",
        group=_BEFORE,
        template='{what} followed by "{cue} {speaker}"',
        description="What was said comes first, then a comma, the reporting verb and the speaker, in "
        'that order ("said the mayor").',
        example="Fares will stay the same this summer, said Mayor Ines Carvalho.",
    ),
    Rule(
        id="quote-comma-speaker-verb",
        group=_BEFORE,
        template='direct quote followed by "{speaker} {cue}"',
        description="A quotation comes first, then the speaker and the reporting verb.",
        example='"We are ready for the summer crowds," the harbour master said.',
    ),
    Rule(
        id="quote-comma-verb-speaker",
        group=_BEFORE,
        template='direct quote followed by "{cue} {speaker}"',
        description="A quotation comes first, then the reporting verb and the speaker, in that order.",
        example='"The cables have rusted through," said Dana Whitlow, the city engineer.',
    ),
    Rule(
        id="split-clause",
        group=_AROUND,
        template='{what} on both sides of "{attribution}"',
        description="The attribution interrupts the reported words, set off by commas; the words on "
        "both sides are the content.",
        example="The new timetable, the harbour master said, will start in the first week of June.",
    ),
    Rule(
        id="split-quote",
        group=_AROUND,
        template='direct quote on both sides of "{attribution}"',
        description="The attribution interrupts a quotation; both pieces of the quotation are one quote.",
        example='"The ferry," the harbour master said, "will sail again in June."',
    ),
    Rule(
        id="opener-speaker-verb-clause",
        group=_AROUND,
        template='{what} after "{attribution}", which follows a short opening phrase',
        description="A short opening phrase (a time, a linking phrase) comes before the attribution; "
        "it is not part of what was said, the words after the attribution are.",
        example="In fact, the harbour master said, the ferry could sail again by late May.",
    ),
    Rule(
        id="opener-speaker-verb-quote",
        group=_AROUND,
        template='direct quote after "{attribution}", which follows a short opening phrase',
        description="A short opening phrase comes before the attribution, and a quotation follows it.",
        example='By June, the harbour master said, "the ferry will be back on its old timetable."',
    ),
    Rule(
        id="according-to-first",
        group=_ACCORDING,
        template='{what} after "{cue} {speaker},"',
        description='The sentence opens with "according to" (or "as reported by") and the source; '
        "what follows the comma is attributed to that source.",
        example="According to the port authority, the ferry will carry 400 passengers a day.",
    ),
    Rule(
        id="according-to-last",
        group=_ACCORDING,
        template='{what} followed by "{cue} {speaker}"',
        description='"according to" (or "as reported by") and the source close the sentence; the '
        "clause before them is attributed to that source.",
        example="The repairs cost more than two million euros, according to the port authority.",
    ),
    Rule(
        id="participle",
        group=_PARTICIPLE,
        template='{what} after ", {cue}", speaker "{speaker}" from the main clause',
        description='A reporting verb in -ing ("adding", "saying") after a comma or a document noun ("a '
        'statement saying"); the speaker is the subject of the main clause.',
        example="Mayor Ines Carvalho opened the new pier on Friday, adding that the ferry would sail in June.",
    ),
    Rule(
        id="colon-introduction",
        group=_ACROSS,
        template='{content}, introduced by "{attribution}:"',
        description='A paragraph ending in "X said:" introduces the next paragraph: its opening '
        "quotation, or the whole paragraph as a block quotation; `{content}` says which.",
        example='At the opening of the pier, the harbour master said:\n\n'
        '"This ferry has linked the two towns for ninety years, and it will again."',
    ),
    Rule(
        id="attribution-then-quote",
        group=_ACROSS,
        template='quotation in the sentence after "{attribution}."',
        description='A sentence that only names the speaker ("Lee said in a statement.") is completed '
        "by the quotation in the sentence that follows it.",
        example='The harbour master said in a statement. "The ferry will sail again in June and fares '
        'will not rise."',
    ),
    Rule(
        id="quote-continued",
        group=_ACROSS,
        template="continued by the quotation that follows in the same paragraph",
        description="A quotation with no attribution of its own continues the nearest attributed quote "
        "of its paragraph: the quote gets both pieces and keeps the rule that found it.",
        example='"We are ready for the summer," the harbour master said. "The new pier can take two '
        'ferries at once."',
        joins=True,
    ),
    Rule(
        id="follow-on",
        group=_ACROSS,
        template='follow-on quotation paragraph with no attribution: inherits "{speaker}" from the '
        "paragraph before",
        description="A paragraph that is only a quotation, with no attribution, takes the speaker of the "
        "quote in the paragraph just before it.",
        example='"We are ready for the summer," the harbour master said.\n\n'
        '"The new pier can take two ferries at once, and the old one will be repaired by autumn."',
    ),
    Rule(
        id="follow-on-before",
        group=_ACROSS,
        template='quotation paragraph with no attribution, tagged at the start of the next paragraph: '
        'takes "{speaker}" from there',
        description="A paragraph that is only a quotation, after a paragraph with no quote, takes the "
        "speaker of the next paragraph when that one opens with a quotation and its attribution.",
        example='The pier was quiet on Monday.\n\n"We waited all winter for a ferry and nobody came to see us."\n\n'
        '"Now they want us to pay more," said Marta Holm, who runs the island shop.',
    ),
    Rule(
        id="follow-on-narrative",
        group=_ACROSS,
        template='quotation paragraph with no attribution after a paragraph about "{speaker}"',
        description="A paragraph that is only a quotation, after a paragraph with no quote whose last "
        "sentence opens with a person's name (two capitalised words or more) or he/she, takes that name "
        "as its speaker.",
        example="Marta Holm has run the island shop for thirty years.\n\n"
        '"We waited all winter for a ferry and nobody from the council came to see us."',
    ),
    Rule(
        id="embedded-post",
        group=_ACROSS,
        template='an embedded post signed "{speaker}"',
        description="A post embedded in the page (a tweet) ends its paragraph with its author's name, "
        'handle and date ("- Name (@handle) March 3, 2026"); the words before are the author\'s.',
        example="Ferries are cancelled again this morning and nobody has told us why. pic.twitter.com/x1y2z3 "
        "\u2014 Ruth Amadi (@ruthamadi) March 3, 2026",
    ),
    Rule(
        id="quote-comma-speaker-unlisted-verb",
        group=_UNLISTED,
        template='direct quote followed by "{attribution}", a verb outside the lexicon',
        description="A quotation followed by a short speaker phrase and one verb the lexicon does not "
        'list ("Lee pressed"); the speaker is taken by position.',
        example='"The town cannot wait another summer for its ferry," Ruth Amadi pressed.',
    ),
    Rule(
        id="clause-colon-quote",
        group=_UNLISTED,
        template='direct quote ending a sentence after "{mark}", speaker "{speaker}" from the start of '
        "the sentence",
        description="A sentence with no reporting verb ends in a colon or comma and a quotation; the "
        "speaker is the subject at the start of the sentence; `{mark}` is the colon or comma.",
        example='Mayor Ines Carvalho had one message for the crowd: "The ferry is coming back."',
    ),
    Rule(
        id="sentence-subject",
        group=_UNLISTED,
        template='direct quote inside a sentence with no reporting verb, speaker "{speaker}" from the '
        "start of the sentence",
        description="A long quotation (eight words or more) inside a sentence with no reporting verb; "
        "the speaker is the subject at the start of the sentence.",
        example='Mayor Ines Carvalho ended the meeting with "a promise that the ferry will sail again '
        'before the schools close."',
    ),
    Rule(
        id="unattributed",
        group=_UNLISTED,
        template="quotation with no attribution found: speaker unknown",
        description="A quotation of 25 words or more that no other rule attributes is still listed, "
        "with no speaker.",
        example='"The ferry has crossed this water every morning for ninety years, through storms and '
        "strikes and two floods, and nobody in either town can remember a summer without it until "
        'this one."',
    ),
    Rule(
        id="agentless-hedge-that",
        group=_HEDGE,
        template='"it {aux} {participle} that ...": a claim with no speaker',
        description='"It is claimed that", "it was reported that": a claim reported with no one named '
        "as its source; `{aux}` and `{participle}` are the words as written.",
        example="It is claimed that the old ferry was never insured.",
    ),
    Rule(
        id="agentless-hedge-to",
        group=_HEDGE,
        template='"{aux} {participle} to": a claim with no speaker',
        description='"are alleged to", "is said to": a claim about someone or something, reported '
        "with no one named as its source.",
        example="The ferry company is alleged to have hidden the cost of the repairs.",
    ),
)

_BY_ID = {r.id: r for r in RULES}


@dataclass(frozen=True)
class Limit:
    """A limit the rules keep: words they do not count as a quote, where reported words stop, or
    which words are the speaker.

    ``expect`` is what :func:`mediakit.quotes.find_quotes` finds in the ``example``: the content of its
    one quote, or None when it finds no quote at all; ``speaker``, when given, is that quote's speaker
    phrase (``tests/test_rules.py`` checks both)."""

    id: str
    group: str
    description: str
    example: str
    expect: str | None = None
    speaker: str | None = None


_NOT_COUNTED = "What is not counted"
_STOPS = "Where reported words stop"
_SPEAKERS = "Which words are the speaker"

LIMITS: tuple[Limit, ...] = (
    Limit(
        id="object-not-content",
        group=_NOT_COUNTED,
        description='A verb that often takes a noun phrase as its object ("praised", "vowed", "wrote", "added", '
        '"suggested", "confirmed", "showed") followed only by a noun phrase, with no quotation and no verb of '
        'its own: the noun phrase is what the verb acts on, not reported words ("added that the ferry '
        'was late" still counts).',
        example="The harbour master confirmed the new timetable and added two evening crossings.",
    ),
    Limit(
        id="figure-after-added",
        group=_NOT_COUNTED,
        description='"added" followed by a figure (digits, a currency sign before digits, or a number word: "added 0.4 '
        'per cent", "added $1.60", "added three goals") is a score or a price move, not reported words. After other '
        'verbs a figure is reported words when a verb follows it ("said $5 million was spent").',
        example="Brent crude added $1.60 to settle at $52.11 a barrel on Tuesday.",
    ),
    Limit(
        id="speech-not-given",
        group=_NOT_COUNTED,
        description='A reporting verb after "would not", "will not", "can\'t", "won\'t", "did not", "does not", '
        '"don\'t" or "didn\'t": a refusal, or speech that did not happen, reports nothing ("has not said" and '
        '"isn\'t saying" still count, as annotated news counts them).',
        example="The ferry company did not say whether the fares would rise.",
    ),
    Limit(
        id="knowing-not-saying",
        group=_NOT_COUNTED,
        description='"know" before a wh-word ("knew when", "know who", "will know whether"): what someone '
        'knows is not what they said ("knows that ..." still counts, as annotated news counts it).',
        example="Nobody on the island knew when the last ferry would leave.",
    ),
    Limit(
        id="adjective-not-verb",
        group=_NOT_COUNTED,
        description='A reporting verb after a determiner or a possessive, with only adverbs in "-ly" between them '
        '("the politically charged term", "his previously stated views", "her widely reported remarks"), is an '
        'adjective: nothing is reported.',
        example="Given his previously stated views on the ferry, the council expects a fight.",
    ),
    Limit(
        id="recording-not-speaker",
        group=_NOT_COUNTED,
        description='"show" or "indicate" with a recording or a gauge in the attribution ("television footage '
        'showed", "the video showed that", "readings above 50 indicate"): what a picture or a gauge shows is not '
        'said. A person, a survey or a report that shows something still counts ("the survey showed that ..."), '
        'as annotated news counts it.',
        example="Television footage showed how the waves had swept the old pier into the harbour.",
    ),
    Limit(
        id="called-for",
        group=_STOPS,
        description='"called for X", "called on X to ...": the reported words are what was called for, after '
        '"for" or "on".',
        example="The island council called for an independent inquiry into the ferry fares.",
        expect="an independent inquiry into the ferry fares",
    ),
    Limit(
        id="adjunct-before-content",
        group=_STOPS,
        description='"said after the meeting he would ...", "says at a rally in Vessen, Norland, that ...": a phrase '
        'opening with a preposition (a time or a place; at most 14 words and commas, a comma only between capitalised place '
        'words) between the verb and the reported clause is stepped over; the reported words start at "that" or at '
        'the subject pronoun ("he", "she", "they", "we", "I", "it") when a verb ("would", "was", a past form) '
        'follows it. Not when the phrase holds a verb ("at a news conference announcing that ...").',
        example="The harbour master said at a meeting in Vessen, Norland, that the ferry would sail again in June.",
        expect="that the ferry would sail again in June",
        speaker="The harbour master",
    ),
    Limit(
        id="medium-after-content",
        group=_STOPS,
        description='"called for more school meals in a statement on Thursday", "said the ferry would run again in '
        'an interview with the Valley Press": a closing phrase that names the medium of the words ("in a '
        'statement", "in an interview", "in a tweet", "in a letter", "in a news release"..., with what follows '
        'it: a name, "on Thursday") is how they were said, not what was said; the reported words end before it.',
        example="The island council called for more ferry crossings in a statement on Thursday.",
        expect="more ferry crossings",
        speaker="The island council",
    ),
    Limit(
        id="which-clause-kept",
        group=_STOPS,
        description='", which ..." after reported words that are a clause (they hold a verb) is part of what was '
        'reported: "said the ferry would be late, which would upset commuters" reports both. After reported '
        'words that are only a noun phrase ("criticized the new timetable, which starts in June") the relative '
        "clause describes that noun phrase and the reported words end before it.",
        example="The harbour master said the ferry would be late again, which would upset the commuters.",
        expect="the ferry would be late again, which would upset the commuters",
    ),
    Limit(
        id="clause-goes-on-after-attribution",
        group=_STOPS,
        description='"A, Lee said, until B", "A, Lee said, for how B": reported words, then the speaker and the '
        "verb between commas, then a clause or phrase that goes on with the same statement (opening with a word "
        'such as "until", "since", "because", "if" or "for"): the words on both sides are reported. Not after '
        '"said Lee," (what follows may describe Lee), nor when the next words open an aside ("as", "while", '
        '"when", "in", "at", "and", "but") or after a short opener ("It\'s common, she said, for ...": the words '
        "after the verb are the content).",
        example="The ferry ran every hour, the harbour master said, until the storm damaged the pier.",
        expect="The ferry ran every hour, the harbour master said, until the storm damaged the pier",
    ),
    Limit(
        id="possessive-then-name",
        group=_SPEAKERS,
        description='"Lee\'s father, Tomas, said ...": a possessive phrase, then the name alone between commas; '
        "the name is the speaker.",
        example="The skipper's daughter, Ines, said the ferry had never missed a winter crossing.",
        expect="the ferry had never missed a winter crossing",
        speaker="Ines",
    ),
    Limit(
        id="affiliation-appositive",
        group=_SPEAKERS,
        description='"Lee, Democrat of Vessen, said ...", "Lee, University of Vessen, said ...": capitalised words '
        'joined by "of" or "from" between commas after a name are the speaker\'s affiliation, part of the speaker '
        'phrase; after "said Lee," they end the attribution rather than continue the reported words.',
        example="Senator Ana Lind, Democrat of Vessen, said the ferry plan had sent a terrible message to islanders.",
        expect="the ferry plan had sent a terrible message to islanders",
        speaker="Senator Ana Lind, Democrat of Vessen",
    ),
    Limit(
        id="party-state-appositive",
        group=_SPEAKERS,
        description='"Lee, D-Vess., said ...", "Lee, R-N.V., the committee chair, said ...": a legislator\'s party '
        'letter and state ("D-", "R-" or "I-" and a capitalised abbreviation, dots included) between commas after '
        'a name is part of the speaker phrase, as the further appositives after it are.',
        example="Senator Ana Lind, D-Vess., the chair of the harbour committee, said the ferry plan had failed.",
        expect="the ferry plan had failed",
        speaker="Senator Ana Lind, D-Vess., the chair of the harbour committee",
    ),
    Limit(
        id="dash-appositive",
        group=_SPEAKERS,
        description='"Lee -- co-author of a book on ferries, a history of the crossing -- said ...": a description set off '
        'by dashes (a dash, or two hyphens, with spaces around; at most 20 words and marks) between the name and the '
        'verb belongs to the speaker phrase.',
        example="Ana Lind -- co-author of a history of the crossing, a book on the old ferries -- said the pier "
        "would be rebuilt.",
        expect="the pier would be rebuilt",
        speaker="Ana Lind -- co-author of a history of the crossing, a book on the old ferries",
    ),
    Limit(
        id="clause-not-appositive",
        group=_SPEAKERS,
        description='"Somehow, the town will pay, said Lee": words between commas holding a verb such as '
        '"will", "is" or "has" (and no "who", "which", "where") are a clause, not a description of the speaker: '
        "they are what was said, and the speaker is the name after the verb.",
        example="Somehow, the town will pay for the new pier, said Ines Carvalho.",
        expect="Somehow, the town will pay for the new pier",
        speaker="Ines Carvalho",
    ),
)

_LIMITS_BY_ID = {x.id: x for x in LIMITS}


def limit(limit_id: str) -> Limit:
    """The limit with id ``limit_id`` (a KeyError names an id that is not in the table)."""
    return _LIMITS_BY_ID[limit_id]


def rule(rule_id: str) -> Rule:
    """The rule with id ``rule_id`` (a KeyError names an id that is not in the table)."""
    return _BY_ID[rule_id]


def render(rule_id: str, **fields: Any) -> str:
    """The readable text of rule ``rule_id``: its template filled from ``fields``, then its id.

    >>> render("clause-comma-speaker-verb", what="reported words", speaker="the mayor", cue="said")
    'reported words followed by "the mayor said" (clause-comma-speaker-verb)'
    """
    return _PRINTF[rule_id] % fields


def _printf(r: Rule) -> str:
    """The rule's template (plain ``{name}`` fields only) and id as one ``%``-format: filled from a
    mapping in C, where ``str.format`` reads the template afresh at every call, at several times the cost."""
    parts = []
    for literal, name, spec, conversion in Formatter().parse(r.template):
        if spec or conversion:
            raise ValueError(f"rule {r.id}: a template field must be a plain {{name}}")
        parts.append(literal.replace("%", "%%") + ("" if name is None else f"%({name})s"))
    return "".join(parts) + f" ({r.id})".replace("%", "%%")


_PRINTF = {r.id: _printf(r) for r in RULES}


# ---------------------------------------------------------------------------------------------------
# the rules page


_PAGE_HEAD = """# Attribution rules

<!-- Generated from mediakit/quotes/rules.py by `python -m mediakit.quotes rules > docs/rules.md`;
edit the table there, not this page. tests/test_rules.py checks the two agree. -->

mediakit finds quotes with readable rules, not a trained model. Every quote row says which rule found
it, twice: `rule_id` is the rule's short name (the headings below), and `rule` is a sentence in words
filled in from the article, ending with the same name in brackets (a quotation that continues the
quote adds its own words and name after a `;`: see `quote-continued`). Group or count quotes by
`rule_id` to see which patterns an outlet uses; read `rule` to check one quote by hand, and grep the
name in brackets to find the rule.

In the printed texts below, the parts in braces are filled in from the article:

- `{what}`: "direct quote" (the content is a quotation, marks included), "reported words" (reported
  speech) or "reported words with a quoted fragment" (mixed);
- `{speaker}` and `{cue}`: the words naming who said it, and the reporting verb or phrase ("said",
  "told", "according to"), as written;
- `{attribution}`: the speaker and the cue in the order the sentence has them;
- other placeholders are explained in the rule that uses them.

The reporting verbs come from the speech-verb lexicon (`mediakit/resources`, see `mediakit.lexicon`);
each quote's `cue_class` says what kind of verb it is. Under each rule, the example sentence was
written for this page, and the line after it shows what mediakit finds in it. To see where a rule is
in the code: `grep -rn '"RULE-ID"' mediakit/quotes`.
"""


def _quoted(text: str) -> str:
    return "\n>\n".join("> " + para for para in text.split("\n\n"))


def _cell(text: str | None) -> str:
    return "" if text is None else text.replace("\n\n", " ¶ ").replace("|", "\\|")


def _found_table(r: Rule) -> str:
    """What :func:`find_quotes` finds in the rule's example, as a small table."""
    from .document import find_quotes  # imported here: the engine imports this module

    quotes = find_quotes(r.example)
    hits = [q for q in quotes if (r.template in q.rule if r.joins else q.rule_id == r.id)]
    if not hits:
        return "mediakit finds nothing here: the example no longer fits the rule."
    q = hits[0]
    rows = [("content", q.text(r.example)), ("kind", q.kind), ("speaker", q.speaker_text or "(none)"),
            ("cue", q.cue or "(none)"), ("rule_id", q.rule_id), ("rule", q.rule)]
    return "\n".join(["| mediakit finds | |", "|---|---|"] + [f"| {k} | {_cell(v)} |" for k, v in rows])


def rules_markdown() -> str:
    """``docs/rules.md``: every rule by group, with what it means, its printed text and an example."""
    out = [_PAGE_HEAD]
    groups = list(dict.fromkeys(r.group for r in RULES))
    out.append("## Contents\n")
    for g in groups:
        ids = ", ".join(f"`{r.id}`" for r in RULES if r.group == g)
        out.append(f"- {g}: {ids}")
    for g in dict.fromkeys(x.group for x in LIMITS):
        ids = ", ".join(f"`{x.id}`" for x in LIMITS if x.group == g)
        out.append(f"- {g}: {ids}")
    for g in groups:
        out.append(f"\n## {g}")
        for r in (r for r in RULES if r.group == g):
            out.append(f"\n### `{r.id}`\n")
            out.append(r.description + "\n")
            if r.joins:
                out.append(f"Added to the text of the rule that found the quote, after `; `: "
                           f"`{r.template} ({r.id})`; the quote keeps that rule's `rule_id`.\n")
            else:
                out.append(f"Printed as: `{r.template} ({r.id})`\n")
            out.append("Example:\n")
            out.append(_quoted(r.example) + "\n")
            out.append(_found_table(r))
    for g in dict.fromkeys(x.group for x in LIMITS):
        out.append(f"\n## {g}\n")
        out.append(_LIMITS_HEAD[g])
        for x in (x for x in LIMITS if x.group == g):
            out.append(f"\n### `{x.id}`\n")
            out.append(x.description + "\n")
            out.append("Example:\n")
            out.append(_quoted(x.example) + "\n")
            out.append(_limit_found(x))
    return "\n".join(out) + "\n"


_LIMITS_HEAD = {
    _NOT_COUNTED: "Words that look like reporting but are not counted as a quote. These have no id in a quote "
    "row (no quote is made); the name under each heading is for reading and grepping the tests.\n",
    _STOPS: "Where the reported words of a quote end, or start, when the sentence goes on.\n",
    _SPEAKERS: "Which words of the sentence name the speaker.\n",
}


def _limit_found(x: Limit) -> str:
    """What :func:`find_quotes` finds in the limit's example, in words."""
    from .document import find_quotes  # imported here: the engine imports this module

    quotes = find_quotes(x.example)
    if not quotes:
        return "mediakit finds no quote here."
    return "mediakit finds: " + "; ".join(f"`{_cell(q.text(x.example))}` (speaker `{q.speaker_text or '(none)'}`)"
                                          for q in quotes)
