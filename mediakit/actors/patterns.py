"""The actor finder's regular expressions (compiled once) and the small text tests built on them.

Most patterns are fixed; three are built from the word lists on first use (:func:`list_patterns`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any, NamedTuple

from .lexicon import lexicon

_UP = "A-Z\u00c0-\u00d6\u00d8-\u00de"
_W = r"[^\W_]"
# a capitalised word: "Bachelet", "O'Brien", "Okafor-Lind", "al-Assad", "U.S.", "J.", "G7"
TOK = (
    rf"(?:[{_UP}]\.(?:[{_UP}]\.)+|[{_UP}]{_W}*(?:-{_W}+|['\u2019](?=[{_UP}]){_W}+)*"
    rf"(?:\.(?=[ \t\u00a0]+[{_UP}]))?)"
)
_CONN = r"of|for|and|the|de|del|della|der|den|van|von|da|du|dos|das|la|le|al|bin|ibn|y|on|upon"
# TOK with its word's repeats possessive (never given back): in CHUNK nothing after a word can fail
# once the word has matched (what follows is the run's optional next word, and the pattern ends
# when that fails), so the engine never backtracks into a word and the matches are TOK's; the
# possessive repeats skip the bookkeeping for giving characters back (CHUNK reads every span)
_TOK_ONCE = (
    rf"(?:[{_UP}]\.(?:[{_UP}]\.)+|[{_UP}]{_W}*+(?:-{_W}+|['\u2019](?=[{_UP}]){_W}+)*+"
    rf"(?:\.(?=[ \t\u00a0]+[{_UP}]))?)"
)
# a run of capitalised words, joined by spaces, connectors ("of", "van") and "&"
CHUNK = re.compile(
    rf"{_TOK_ONCE}(?:(?:[ \t\u00a0]+(?:(?:{_CONN})[ \t\u00a0]+)*|[ \t\u00a0]*&[ \t\u00a0]*){_TOK_ONCE})*"
)
# the words of such a run
PART = re.compile(rf"{TOK}|&|\b(?:{_CONN})\b")
PARTICLES = frozenset("de del della der den van von da du dos das la le al bin ibn y".split())
_WORDS = re.compile(r"[A-Za-z][\w'\u2019-]*")
BACK_TOK = re.compile(r"[\w][\w'\u2019.-]*|[^\w\s]")
POSS = re.compile(r"['\u2019]s\b|['\u2019](?=\s)")
PRONOUN = re.compile(r"\b(?:(he|him|his|himself)|(she|her|hers|herself))\b", re.I)
# The same matches as PRONOUN (group 1 set for he/him/his/himself), written so that the pattern opens
# with a plain character set: the regex engine then jumps from one h/s to the next instead of trying
# the whole pattern at every position (about three times quicker over the 160 characters the gender
# pass reads). Case is spelled out, with the extra letters re.IGNORECASE also accepts (dotted and
# dotless i, long s); the \b before the first letter becomes a look-behind after it.
_I, _S = "[Ii\u0130\u0131]", "[Ss\u017f]"
PRONOUN_FAST = re.compile(
    rf"[HhSs\u017f](?<!\w.)(?:(?<=[Hh])(?:([Ee]|{_I}[Mm]|{_I}{_S}|{_I}[Mm]{_S}[Ee][Ll][Ff])"
    rf"|[Ee][Rr]|[Ee][Rr]{_S}|[Ee][Rr]{_S}[Ee][Ll][Ff])|(?<=[Ss\u017f])[Hh][Ee])(?!\w)"
)
WHO_AFTER = re.compile(r"(?:['\u2019]s)?,\s+who\b")
_LOWER_LONG_WORD = r"(?<![\w'\u2019-])(?!(?:with|from|into|onto|over|upon|than|that|this|after|about|amid)\b)[a-z][a-z'\u2019-]{3,}"
# two matches of _LOWER_LONG_WORD, found by one search (no iterator, one match object): the first word is read
# whole and never given back (finditer's first match is that whole word, and no later match can start
# inside it: a letter, "'" or "-" stands before every one of its characters), and the second is looked
# for from its end on, as a finditer looks for its second match
_TWO_LOWER_LONG = re.compile(_LOWER_LONG_WORD + "+" + ".*?" + _LOWER_LONG_WORD, re.S)
THE_BEFORE = re.compile(r"\b[Tt]he\s+(?:[a-z][\w-]*\s+){0,3}$")
OPENERS = frozenset(" \t\u00a0\"'([\u201c\u2018\u00ab")
_NAMEY = re.compile(rf"[{_UP}][^\d\W]*(?:[-'\u2019.][^\d\W]*)*")
DOTTED = re.compile(r"(?:[A-Z]\.)+")
LOWER_WORD = re.compile(r"[a-z][\w-]*")
WORD = re.compile(r"[A-Za-z\u00c0-\u024f][\w'\u2019-]*")
PREV_WORD = re.compile(r"([\w][\w'\u2019.-]*)\s+$")
# PREV_WORD read from the right: the same word, found by one match on the reversed window instead
# of a search that tries every start position (see prev_word)
_PREV_WORD_REVERSED = re.compile(r"\s+([\w'\u2019.-]*\w)")
PAREN_ACRONYM = re.compile(r"\s*\(\s*([A-Z][A-Za-z]*[A-Z])\s*\)")
_DETS = re.compile(
    r"^(?:(?:the|a|an|one|two|three|four|five|several|some|other|another|multiple|many|both|\d+)\s+)+", re.I
)
_SOURCES_NAME = re.compile(r"(?:[\w.-]+\s+){0,3}(?:sources?|insiders?)")
_SMALL = frozenset(
    "a an the of for and or but to in on at by with from into onto over upon than that this after about amid as is "
    "are was were be vs via per".split()
)


# Credits and datelines: names there are not actors of the story ("(Adrian Lee/The Canadian Press)",
# "Jo Ruiz/Associated Press", "Photo: Jo Ruiz", "Jo Ruiz has more", "As Jo Ruiz reports", "OTTAWA --").
_CREDIT_NAME = r"[A-Z](?:\.|[\w'\u2019-]+)(?:[ \t]+(?:[A-Z](?:\.|[\w'\u2019-]+)|de|van|der|von|la|le|da|di|du)){0,4}"
_OUTLET_END = (
    r"Press|Images|Image|Photo|Photos|Photography|News|Mail|Star|Post|Times|Globe|Sun|Herald|Tribune|AP|AFP|Reuters"
    r"|Getty|Bloomberg|CBC|CTV|Agency|Service|Wire|Pool|Handout|File|Journal|Gazette|Observer|Canada|EPA|Shutterstock"
)
# the outlet after the slash: words up to an outlet word ("The Canadian Press", "Getty Images"), or one word
_CREDIT_OUTLET = (
    rf"(?:(?:The[ \t]+)?(?:[A-Z][\w.&'\u2019-]*(?:[ \t]*/[ \t]*|[ \t]+)(?:(?:and|of|the)[ \t]+)?){{0,4}}?(?:{_OUTLET_END})\b"
    rf"|[A-Z][\w.&'\u2019-]*(?=[ \t]*(?:[).,;:]|$)))"
)
_CREDIT_SLASH = re.compile(
    rf"\([ \t]*{_CREDIT_NAME}[ \t]*/[ \t]*[^()\n]{{2,80}}\)|\b{_CREDIT_NAME}[ \t]*/[ \t]*{_CREDIT_OUTLET}"
)
_CREDIT_LABEL = re.compile(
    rf"\b(?:Photo|Photograph|Photos|Image|Credit|Photo credit|Illustration|Video)(?:[ \t]*:|[ \t]+by)[ \t]*{_CREDIT_NAME}"
)
_CREDIT_REPORTER = re.compile(
    rf"\b{_CREDIT_NAME}[ \t]+has[ \t]+(?:more|the[ \t]+(?:details|latest|story))\b|\bAs[ \t]+{_CREDIT_NAME}[ \t]+reports\b"
)
_REPORTER_HINT = re.compile(r" has (?:more|the (?:details|latest|story))\b| reports\b")
# what _REPORTER_HINT reads after each of its two openings (the ends of the words, then a word boundary)
_REPORTER_TAILS = ((" has ", ("more", "the details", "the latest", "the story")), (" reports", ("",)))


def _reporter_hint(text: str) -> bool:
    """``_REPORTER_HINT.search(text) is not None``, found from the few places where " has " or " reports"
    stands (a pattern search tries every space of the text)."""
    for opening, tails in _REPORTER_TAILS:
        i = text.find(opening)
        while i != -1:
            j = i + len(opening)
            for tail in tails:
                k = j + len(tail)
                if text.startswith(tail, j) and (k == len(text) or not (text[k].isalnum() or text[k] == "_")):
                    return True
            i = text.find(opening, i + 1)
    return False
DATELINE = re.compile(
    r"[ \t]*[A-Z][A-Z'.-]+(?:[ \t]+[A-Z][A-Z'.-]+)*(?:,[ \t]+(?:[A-Z][A-Za-z.]+[ \t]*)+(?:[ \t]+\d{1,2})?)?"
    r"[ \t]*(?:\([^)\n]{1,30}\)[ \t]*)?(?:\u2014|\u2013|--?)[ \t]"
)


def may_open_dateline(text: str) -> bool:
    """Can ``DATELINE`` match at the start of ``text``? It opens with a space or a tab, or with an ASCII
    capital followed by a capital, dot, hyphen or apostrophe; most spans open with neither and are not
    matched (False here means no match; True may still be none)."""
    head = text[:1]
    return head in (" ", "\t") or (head in _ASCII_UPPER and text[1:2] in _DATELINE_SECOND)


_ASCII_UPPER = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_DATELINE_SECOND = _ASCII_UPPER | frozenset("'.-")  # what may follow the capital that opens a dateline


class CreditHints(NamedTuple):
    """Which kinds of credit a text may hold, by the cheap tests :func:`credit_spans` opens with."""

    slash: bool  # "(Adrian Lee/The Canadian Press)", "Jo Ruiz/Getty Images"
    label: bool  # "Photo: Jo Ruiz"
    reporter: bool  # "Jo Ruiz has more", "As Jo Ruiz reports"


def credit_hints(text: str) -> CreditHints:
    """The :class:`CreditHints` of ``text``. A kind of credit that a text does not hint at is in none
    of its parts either: the hints of an article's joined spans tell which kinds are worth trying in
    each span."""
    return CreditHints(
        "/" in text,
        "Photo" in text or "Image" in text or "Credit" in text or "Video" in text or "Illustration" in text,
        _reporter_hint(text),
    )


def credit_spans(text: str, within: CreditHints | None = None) -> list[tuple[int, int]]:
    """Offsets of photo and video credits and of a dateline opening ``text``: names there are not actors.
    ``within``: the :func:`credit_hints` of a text that holds ``text`` (kinds it rules out are not tried).

    >>> t = "OTTAWA -- Rain fell. (Adrian Lee/The Canadian Press) Jo Ruiz has more."
    >>> [t[s:e] for s, e in credit_spans(t)]
    ['OTTAWA -- ', '(Adrian Lee/The Canadian Press)', 'Jo Ruiz has more']
    """
    out = []
    m = DATELINE.match(text) if may_open_dateline(text) else None
    if m is not None:
        out.append((m.start(), m.end()))
    if within is not None and not (within.slash or within.label or within.reporter):
        return out
    hints = credit_hints(text) if within is None else CreditHints(
        within.slash and "/" in text,
        within.label and ("Photo" in text or "Image" in text or "Credit" in text or "Video" in text
                          or "Illustration" in text),
        within.reporter and _reporter_hint(text),
    )
    if hints.slash:
        out += [(c.start(), c.end()) for c in _CREDIT_SLASH.finditer(text)]
    if hints.label:
        out += [(c.start(), c.end()) for c in _CREDIT_LABEL.finditer(text)]
    if hints.reporter:
        out += [(c.start(), c.end()) for c in _CREDIT_REPORTER.finditer(text)]
    return sorted(out) if len(out) > 1 else out


def _alt(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _trie_alt(words: Iterable[str]) -> str:
    """The alternation :func:`_alt` makes, as a tree of shared prefixes ("chief(?: executive|)..."):
    the same matches, tried in the same order, but the regex engine no longer tries every word at
    every position (a long list of roles was the slowest part of ``role_after``).

    Why the order is the same: the words that can match at one position all spell the text there, so
    each is a prefix of the next longer one and they lie on one path of the tree; ``_alt`` tries them
    longest first, and so does the tree, which tries going on before stopping. That needs words in
    lower-case ASCII (no two of them can then match the same text, even ignoring case); other word
    lists keep the flat alternation."""
    if not all(w.isascii() and w == w.lower() for w in words):
        return _alt(words)
    tree: dict[str, Any] = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here

    def emit(node: dict[str, Any]) -> str:
        alts = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if "" in node:
            alts.append("")  # stopping here comes after every longer word
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return emit(tree)


class ListPatterns(NamedTuple):
    """The patterns built from the word lists."""

    anon_tail: re.Pattern[str]  # "who asked not to be named", "familiar with the matter" after a source
    role_after: re.Pattern[str]  # an apposition after a name: ", a spokesman for the Harbour Board"
    speech: re.Pattern[str]  # a speech verb after a name: " said", "'s spokesman later told"


@lru_cache(maxsize=1)
def list_patterns() -> ListPatterns:
    """The patterns that read the word lists (roles, speech verbs), compiled on first use."""
    lex = lexicon()
    roles = _trie_alt(lex.roles)
    proper = rf"{TOK}(?:(?:[ \t]+(?:(?:of|for|and|the|on)[ \t]+)*){TOK})*"
    anon_tail = re.compile(
        r"(?:\s*,)?\s+(?:who\s+(?:asked|requested|spoke|was\s+speaking|were\s+speaking|declined|refused|"
        r"did\s+not\s+want|was\s+not\s+authori[sz]ed|were\s+not\s+authori[sz]ed|is\s+not\s+authori[sz]ed|"
        r"are\s+not\s+authori[sz]ed|worked|works|has\s+seen|have\s+seen|had\s+seen)\b[^.,;\"\u201c\u201d]{0,60}?"
        r"(?:anonymity|named|identified|publicly|on\s+the\s+record|assessment|plan|report|documents?)|"
        r"speaking\s+on\s+(?:the\s+)?condition\s+of\s+anonymity|"
        r"(?:familiar|acquainted)\s+with\s+(?:the\s+)?[\w-]+|"
        r"with\s+(?:direct\s+)?knowledge\s+of\s+(?:the\s+)?[\w-]+|"
        r"briefed\s+on\s+(?:the\s+)?[\w-]+|close\s+to\s+(?:the\s+)?[\w-]+)",
        re.I,
    )
    role_after = re.compile(
        rf"(?:['\u2019]s)?,\s+(?:(?:aged\s+)?\d{{1,3}},\s+)?(?:(?:the|a|an|its|his|her|their)\s+)?"
        rf"(?P<role>(?:[\w'\u2019-]+\s+){{0,4}}?(?i:{roles}))\b(?!-)"
        rf"(?:\s+(?P<prep>for|of|at|with|in|to)\s+(?:the\s+)?(?P<comp>{proper}|[a-z][\w'\u2019-]*(?:\s+[a-z][\w'\u2019-]*)?))?"
    )
    speech = re.compile(
        rf"(?:['\u2019]s)?\s+(?:[a-z]+ly\s+|also\s+|later\s+|then\s+|on\s+\w+\s+|again\s+)?(?:{_trie_alt(lex.speech_verbs)})\b"
    )
    return ListPatterns(anon_tail, role_after, speech)


def is_title_case(text: str) -> bool:
    """A headline written in Title Case: four or more content words, at most one of them lower case."""
    if _TWO_LOWER_LONG.search(text) is not None:
        return False  # two lower-case content words: an ordinary sentence
    words = [w for w in _WORDS.findall(text) if w.lower() not in _SMALL and len(w) > 3]
    if len(words) < 4:
        return False
    return sum(1 for w in words if not w[0].isupper()) <= 1


def undot(text: str) -> str:
    """The lookup key of a name: curly apostrophes straightened, dots dropped from "U.S."-style initials."""
    if "." not in text and "\u2019" not in text:
        return text  # the common case: nothing to change
    text = text.replace("\u2019", "'")
    return text.replace(".", "") if "." in text and DOTTED.fullmatch(text) else text


def namey(tok: str) -> bool:
    """Could the word be part of a person's name (capitalised, letters, hyphens, apostrophes, dots)?"""
    return bool(_NAMEY.fullmatch(tok))


def prev_word(text: str, lo: int, end: int) -> tuple[str, int] | None:
    """The word just before the whitespace that ends ``text[lo:end]``, and its start offset; the same
    as ``PREV_WORD.search(text, lo, end)`` (group 1), or None.

    That search tries every start in the window; reading the reversed window from its start finds
    the same word in one match: the whitespace, then the longest run of word characters, apostrophes,
    dots and hyphens that ends (in text order: starts) with a word character."""
    m = _PREV_WORD_REVERSED.match(text[lo:end][::-1])
    if m is None:
        return None
    start = end - m.end()
    return text[start : end - m.start(1)], start


def find_words(low: str, words: set[str]) -> list[tuple[int, str]]:
    """Start offsets of whole-word occurrences of ``words`` in the lower-cased text ``low``."""
    out = []
    n = len(low)
    for w in words:
        i = low.find(w)
        while i != -1:
            j = i + len(w)
            if (i == 0 or not (low[i - 1].isalnum() or low[i - 1] in "'\u2019-")) and (
                j >= n or not (low[j].isalnum() or low[j] in "'\u2019-")
            ):
                out.append((i, w))
            i = low.find(w, j)
    return out


def anonymous_name(text: str) -> str:
    """The name of an anonymous source: determiners and numbers dropped, and "sources" for any phrase
    of up to three words ending in "source(s)" ("insiders" for "insider(s)").

    >>> anonymous_name("two senior officials"), anonymous_name("a US intelligence source")
    ('senior officials', 'sources')
    """
    t = _DETS.sub("", " ".join(text.split())).strip(" ,")
    low = t.lower()
    if _SOURCES_NAME.fullmatch(low):
        return "insiders" if "insider" in low else "sources"
    return low
