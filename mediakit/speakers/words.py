"""The speaker linker's word lists, patterns and small text tests (no state: plain functions)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache
from operator import attrgetter

from ..actors.lexicon import lexicon
from ..actors.results import Actor
from ..segment import ABBREVIATIONS

DET = re.compile(
    r"^(?:(?:the|a|an|its|his|her|their|one|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|some"
    r"|several|another|all|many|most|both|other|few|\d[\d,]*)\s+)+",
    re.I,
)
DET_WORDS = frozenset("the a an its his her their one two three some several another all many most both other".split())
INDEFINITE = frozenset("a an another one some".split())
POSS_DET = {"his": "he", "her": "she", "their": "they", "its": "it"}
WORD = re.compile(r"[\w'\u2019.&-]+")
SPEAKER_TEXT_WORD = re.compile(r"[\w'\u2019-]+")
# Where a speaker phrase's head ends (only where the match starts is read): a comma, or a space before "(",
# a dash, "who/which/that/whose" or "received/published/... by". Written with the comma or space first as a
# set of characters, so the engine skips in C to the next one (a choice of a comma or a space pattern first
# makes it try every position); tests/test_speakers.py compares its starts with the plain choice.
HEAD_CUT_START = re.compile(
    r"[,\s](?:(?<=,)|(?<=\s)(?:\(|[\u2014\u2013-]\s|[\u2014\u2013]|(?:who|which|that|whose)\s"
    r"|(?:received|obtained|published|released|prepared|commissioned|seen|written|sent|quoted|cited)\s+by\s))"
)
AGE = re.compile(r"\b\d{1,3}-year-old\b", re.I)
HE = frozenset({"he", "him"})
SHE = frozenset({"she", "her"})
HE_SHE = HE | SHE
PRONOUN_WORDS = HE_SHE | {"they", "it", "we", "i", "you"}
BY_START = attrgetter("start")
GENDER = {"m": "male", "f": "female"}

# words that may open a sentence before its subject ("But", "Meanwhile", "The")
OPENERS = frozenset(
    """the a an but and so then also meanwhile however still now later earlier yet even instead indeed
    separately similarly moreover finally first next both former new longtime veteran""".split()
)
# a name after one of these opening words is inside a subordinate clause or a phrase, not the subject
SUBORDINATE = frozenset(
    """although though when while if as after before since because unless until once whereas whether
    despite asked like unlike with without for from in on at to by of about against during under over
    through between among according""".split()
)
# lower-case words that show a name is not the subject of its sentence (verbs, pronouns, negation)
NOT_BEFORE_SUBJECT = frozenset(
    """be been being am has have had do does did will would can could should may might must not no he she they it we i you his her their its our my your him them us me who whom which what that
    this these those there here said says told say tell asked""".split()
)
# the speaker words themselves: never an actor's name on their own
NOT_SPEAKERS = frozenset(
    """that this these those it there what which who whom whose here when where why how such same
    something someone anyone everyone nobody none nothing other others each""".split()
)


OWNER_TYPES = ("person", "organisation", "group", "place")
# "from X", "by X" naming a document's author, not "obtained by X" or "sent to X"
FROM_BY = re.compile(r"(?<!obtained )(?<!seen )(?<!reviewed )(?<!received )\b(?:from|by)\s+(?:the\s+)?")
CLAUSE_END = re.compile(r"[.;:!?]|,\s+(?:who|which|but|and)\b|\b(?:said|says|told|added)\b")
# what may stand between an owner's name and the document noun: "'s", "'s new", "" ("the Civic Action study")
NOUN_AFTER = re.compile(r"(?:['\u2019]s)?\s+(?:[a-z][\w-]*\s+){0,2}")
LEAST = re.compile(r"^(?:at\s+)?least\s+|^(?:more|fewer)\s+than\s+", re.I)
PARTITIVE = re.compile(r"^(?:[\w-]+\s+)?of\s+(?:the|these|those|its|his|her|their)\s+", re.I)
# "named X", "called X", "identified as X" (X up to four capitalised words), written with the first letters as
# a set first and the word boundary as a lookbehind (the engine skips in C to an n, c or i; a word boundary
# first makes it try every position); tests/test_speakers.py compares its matches with the plain pattern
NAMED = re.compile(r"[nci](?<=\b.)(?:(?<=n)amed|(?<=c)alled|(?<=i)dentified as)\s+"
                        r"([A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+){0,3})")
NEXT_LOWER = re.compile(r"\s+([a-z][\w-]*)")
PLURAL_ACRONYM = re.compile(r"[A-Z]{2,}s")
APPOSITION_HEAD = re.compile(r"\s*,\s*(?:which|that|the|a|an)\b([^,.;]{0,80})")
COMMA = re.compile(r"\s*,\s*")
FOR_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,2}?for\s+(?:the\s+)?")
MODAL_NAME = re.compile(r"\.?\s+(May|Will|Might|Can|Should|Shall|Must)\s+$")
AND = re.compile(r"\s(?:and|&)\s")
CONNECTOR = re.compile(r"\s(?:the|of|for|and)\s")
POSSESSIVE_LEAD = re.compile(r"^[\w.-]+(?:\s+[A-Z][\w.-]*)*['\u2019]s\s+")
CLAUSE_CUT = re.compile(r"\s+(?:who|which|that|present|during|at|in|on|from|with|after|before|while|when|"
                         r"whose|where|speaking|quoted|cited|interviewed)\b.*$")


@lru_cache(maxsize=256)
def noun_pattern(stem: str) -> re.Pattern[str]:
    """``stem`` or its plural as a whole word, in any case (:func:`case_blind_word`)."""
    return case_blind_word(stem, "s?")


def case_blind_word(stem: str, tail: str = "") -> re.Pattern[str]:
    r"""The pattern ``\b{stem}{tail}\b`` with ``re.I``, written so that the engine can skip ahead to the
    stem: with ``re.I`` on a cased first letter it tries the pattern at every position of the text (the
    linker reads 6,000 characters back for a document's noun), while a set of characters as the first
    item lets it skip in C to the next one of them. The set is every character the case-blind letter
    matches (:func:`_case_variants`), the word boundary before it is a lookbehind, the rest case-blind
    as before: the same matches."""
    first = stem[:1]
    if not (first.isascii() and first.isalpha()):
        return re.compile(rf"\b{re.escape(stem)}{tail}\b", re.I)
    chars = "".join(re.escape(c) for c in _case_variants(first))
    return re.compile(rf"[{chars}](?<=\b.)(?i:{re.escape(stem[1:])}{tail}\b)")


# the characters outside ASCII that an ASCII letter matches under re.I (the long s, the Kelvin sign, the
# dotted capital I and the dotless i); tests/test_speakers_words.py checks every letter over every code point
_ASCII_FOLDS = "\u017f\u212a\u0130\u0131"


@lru_cache(maxsize=64)
def _case_variants(ch: str) -> str:
    """Every character the ASCII letter ``ch`` matches under ``re.I`` ("s": "S", "s" and the long s):
    of its two cases and the few characters outside ASCII that fold to a letter, those the pattern
    itself matches."""
    matches = re.compile(f"(?i:{ch})").fullmatch
    return "".join(sorted(c for c in {ch.lower(), ch.upper(), *_ASCII_FOLDS} if matches(c)))


# a sentence break: an end mark (and closing quote or bracket), space, then a capital, digit or opening mark
SENT_BREAK = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+(?=[\"'\u201c\u2018(\[]?[A-Z0-9])")


def sentences(text: str, ps: int, pe: int) -> list[tuple[int, int]]:
    """Sentences of ``text[ps:pe]`` for measuring distance back to a name: the breaks of
    :func:`mediakit.segment.sentence_bounds` (end mark, space, capital) without its finer tests, except
    that a full stop after an abbreviation or an initial ("Mr.", "U.S.", "J.") is no break."""
    out = []
    start = ps
    for m in SENT_BREAK.finditer(text, ps, pe):
        at, end = m.span()
        if text[at] == ".":
            # the word before the stop: mostly the one after the last space (_word_start's fast path, inlined)
            k = text.rfind(" ", ps, at) + 1 or ps
            word = text[k:at]
            if not word.replace(".", "").isalpha():
                k = _word_start(text, ps, at)
                word = text[k:at]
            if "." in word or word.lower() in ABBREVIATIONS or (len(word) == 1 and word.isupper()
                                                                 and (k == ps or text[k - 1] == " ")):
                continue  # "U.S.", "Mr.", "J. Smith"
        out.append((start, end))
        start = end
    if start < pe:
        out.append((start, pe))
    return out


def _word_start(text: str, ps: int, at: int) -> int:
    """Where the run of letters and full stops ending at ``at`` begins (no further back than ``ps``).
    Mostly the word after the last space: when the characters from there are all letters and stops,
    that is the answer without reading them one by one (the character before is a space or ``ps``)."""
    j = text.rfind(" ", ps, at) + 1 or ps
    if text[j:at].replace(".", "").isalpha():
        return j
    k = at
    while k > ps and (text[k - 1].isalpha() or text[k - 1] == "."):
        k -= 1
    return k


def cut_clause(name: str) -> str:
    """ "private security professional present during the attack" -> "private security professional"."""
    return CLAUSE_CUT.sub("", name)


def strip_poss(w: str) -> str:
    return w[:-2] if w.endswith(("'s", "\u2019s")) else w.rstrip("'\u2019")


def pronoun_of(low: str) -> str | None:
    """The pronoun the speaker words are ("he", "She", "what he" -> "he"), or None."""
    words = low.split()
    if len(words) == 1 and words[0] in PRONOUN_WORDS:
        return words[0]
    if 2 <= len(words) <= 3 and words[-1] in PRONOUN_WORDS and all(
        w in ("what", "as", "and", "but", "so", "then", "now", "later", "afterwards", "afterward", "again", "also",
              "still", "yet", "instead", "meanwhile", "earlier", "separately")
        or (w.endswith("ly") and len(w) > 4) for w in words[:-1]
    ):
        return words[-1]
    return None


NOT_PEOPLE_PLURALS = frozenset(
    "papers numbers others orders letters matters waters centers centres figures barriers borders sectors factors "
    "monitors computers reactors records meters markers headquarters layers chapters quarters theaters".split()
)
PERSON_SUFFIXES = ("ist", "ologist", "ician", "person", "woman", "women", "sman", "smen")


def person_noun(head: str) -> bool:
    """Could the common noun ``head`` name a person, a group or a body of people ("bartender",
    "advocates", "staff", "the military")? Read from the lists and from person-noun endings."""
    lex = lexicon()
    if not head.isalpha() and "-" not in head:
        return False
    if head in NOT_SPEAKERS or head in lexicon().speaker_documents:
        return False
    sing = head[:-1] if head.endswith("s") and not head.endswith("ss") else head
    for w in (head, sing):
        if w in lexicon().person_nouns or w in lex.role_words or w in lex.group_nouns or w in lexicon().kinship \
                or w in lexicon().collective or w in lex.org_heads:
            return True
    if head.endswith(("ers", "ors")) and len(head) > 6 and head not in NOT_PEOPLE_PLURALS:
        return True  # "defenders", "organizers", "investors": people doing something
    return sing.endswith(PERSON_SUFFIXES) and len(sing) > 5


def noun_after_name(word: str) -> bool:
    """Is the lower-case word after a name the noun it modifies ("Lind aides", "Kim's office")?"""
    lex = lexicon()
    return word in lex.role_words or word in lex.org_heads or word in lex.group_nouns or person_noun(word)


def unnamed_type(head: str) -> str:
    """The type of an actor described by a common noun: an organisation word, a group (plural) or a person."""
    lex = lexicon()
    if head in lexicon().collective or head in lex.org_heads:
        return "organisation"
    if head in lex.group_nouns or head in ("staff", "aides", "people", "public") or (
        head.endswith("s") and not head.endswith(("ss", "us", "is")) and len(head) > 3
    ):
        return "group"
    return "anonymous"  # one person the article does not name ("a bartender", "the father")


def gender_note(penalty: float, a: Actor, want: str | None) -> str:
    return " (an earlier pronoun suggested otherwise)" if penalty else ""


def names_someone(source: str, s: int, e: int, kind: str | None,
                  memo: dict[tuple[str, str], bool] | None = None) -> bool:
    """Do the speaker's words name someone: a capitalised word that is not a common word opening a
    sentence ("Less", "Somehow", "That's")? ``memo`` keeps, for one ``source``, what the searches of the
    whole text for a word found (each search reads the text: asked for every quote, a long text would
    be read once per quote)."""
    lex = lexicon()
    text = source[s:e]
    words = list(SPEAKER_TEXT_WORD.finditer(text))
    for m in words:
        w = m.group()
        low = w.lower().replace("\u2019", "'")
        if not w[0].isupper() or low in lex.stop or low in lex.not_name or low.endswith("'s"):
            continue
        if low in NOT_SPEAKERS or low in PRONOUN_WORDS or low in OPENERS or low in SUBORDINATE:
            continue
        if m.start() == 0 and len(words) == 1 and sentence_initial(source, s) and (
            low in lex.group_nouns or low[:-1] in lex.person_nouns
            or (w not in lex.given and (_searched(memo, "lower", low, lower_elsewhere, source)
                                        or not _searched(memo, "capital", w, capitalised_inside, source)))
        ):
            continue  # a capitalised common word opening a sentence ("Somehow", "Economists")
        return True
    return False


def _searched(memo: dict[tuple[str, str], bool] | None, what: str, word: str,
              search: Callable[[str, str], bool], source: str) -> bool:
    if memo is None:
        return search(source, word)
    found = memo.get((what, word))
    if found is None:
        found = memo[(what, word)] = search(source, word)
    return found


def sentence_initial(source: str, s: int) -> bool:
    j = s - 1
    while j >= 0 and source[j] in " \t\u00a0\"'\u201c\u2018(":
        j -= 1
    return j < 0 or source[j] in ".!?:\n;"


def word_positions(source: str, word: str) -> Iterator[int]:
    """Where ``word`` stands as a whole word in ``source``."""
    n = len(word)
    i = source.find(word)
    while i != -1:
        before = source[i - 1] if i else " "
        after = source[i + n] if i + n < len(source) else " "
        if not (before.isalnum() or before in "'\u2019-") and not (after.isalnum() or after in "'\u2019-"):
            yield i
        i = source.find(word, i + 1)


def capitalised_inside(source: str, word: str) -> bool:
    """Is ``word`` written capitalised somewhere a sentence does not open (a name, not a common word)?"""
    return any(not sentence_initial(source, i) for i in word_positions(source, word))


def lower_elsewhere(source: str, low: str) -> bool:
    """Is the word written in lower case somewhere in the text?"""
    return next(word_positions(source, low), None) is not None


