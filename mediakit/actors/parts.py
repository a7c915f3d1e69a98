"""Name parts: a capitalised run split into parts, and what a part is from its words alone.

:func:`split_run` cuts a run of capitalised words ("But UN High Commissioner Michelle Bachelet")
into name parts; :func:`plan_part` reads a part's words: honorifics, a party or nationality, a
title ("High Commissioner"), organisation, event and place head words, acronyms. Everything here
depends only on the words (never on the text around them), so each function is cached by its
words: the same names recur within an article and across articles.

>>> [[w for w, _, _ in p] for p in split_run("But UN High Commissioner Michelle Bachelet")]
[['UN', 'High', 'Commissioner', 'Michelle', 'Bachelet']]
>>> plan = plan_part(("UN", "High", "Commissioner", "Michelle", "Bachelet"))
>>> plan.start, plan.roles, plan.affiliation
(3, ('High Commissioner',), 'United Nations')
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, NamedTuple

from .lexicon import lexicon
from .patterns import DOTTED, PART, PARTICLES, namey, undot

Part = Sequence[tuple[str, int, int]]  # a name part: (word, start, end) for each of its words

# honorifics that are forms of address, not roles ("Ms", "Sir"; unlike "Sgt.", "Judge")
_COURTESY = frozenset(("mr", "mrs", "ms", "miss", "mx", "sir", "dame", "lord", "lady", "dr", "doctor"))


class TypedPlan(NamedTuple):
    """A part whose words alone give its type: an organisation, event or place name, an acronym."""

    type: str
    rule: str
    kind: str  # the Mention kind: "name" or "acronym"
    canonical: str
    affiliation: str | None


class NamePlan(NamedTuple):
    """A part that may be a person's name: its words from ``start`` on (after honorifics, a party or
    nationality, a title), with what the words before the name say. The text around the whole part
    is read later for more evidence."""

    start: int  # the index of the name's first word in the part
    roles: tuple[str, ...]
    affiliation: str | None
    gender: str | None
    honorific: bool
    rule: str
    evidence: tuple[str, ...]


class TitleSplit(NamedTuple):
    """A title inside a run: words ``role_start:role_end`` are the role, the name starts at ``name_start``."""

    role_start: int
    role_end: int
    name_start: int
    gender: str | None


@lru_cache(maxsize=20000)
def split_run(run: str) -> tuple[tuple[tuple[str, int, int], ...], ...]:
    """Split a capitalised run into name parts (offsets relative to the run); cached by text.

    "of/for/on" join only after an organisation, title or place head ("Ministry of Water");
    "and" only inside such a name ("Ministry of Water and Energy"); "the" only after one of those
    ("Ministry of the Interior"); days, months and other non-name words cut the run; leading
    sentence openers ("The", "In", "But") are dropped.
    """
    lex = lexicon()
    if " " not in run and "\t" not in run and "\u00a0" not in run and "&" not in run:
        if run.endswith(".") and not DOTTED.fullmatch(run):
            run = run[:-1]
        if run.lower() in lex.not_name:
            return ()
        p = _strip_leading([(run, 0, len(run))])
        return (tuple(p),) if p else ()
    toks = [(m.group(), m.start(), m.end()) for m in PART.finditer(run)]
    if undot(" ".join(t for t, _, _ in toks)) in lex.names:
        return (tuple(toks),)
    parts: list[list[tuple[str, int, int]]] = [[]]
    for i, (t, s, e) in enumerate(toks):
        low = t.lower()
        cur = parts[-1]
        is_conn = t == "&" or (t.islower() and (low in ("of", "for", "and", "the", "on", "upon") or low in PARTICLES))
        if is_conn:
            if not cur or i + 1 >= len(toks) or not _keep_connector(low, cur):
                parts.append([])
                continue
            cur.append((t, s, e))
            continue
        if t.endswith(".") and not DOTTED.fullmatch(t):
            bare = t[:-1]
            abbrev = len(bare) == 1 or bare.lower() in lex.honorifics or bare.lower() in (
                "st", "jr", "sr", "mt", "ft", "inc", "co", "corp", "ltd", "no")
            if not abbrev:
                cur.append((bare, s, e - 1))
                parts.append([])
                continue
        if low in _INNER_PARTICLES and cur and i + 1 < len(toks) and toks[i + 1][0][:1].isupper():
            cur.append((t, s, e))  # "Abir Al Basha", "Omar El Akkad": a particle inside a name
            continue
        if low.rstrip(".") in lex.not_name:
            parts.append([])
            continue
        cur.append((t, s, e))
    out = []
    for p in parts:
        while p and (p[-1][0].islower() or p[-1][0] == "&"):
            p.pop()
        p = _strip_leading(p)
        if p:
            out.append(tuple(p))
    return tuple(out)


def _keep_connector(low: str, cur: list[tuple[str, int, int]]) -> bool:
    lex = lexicon()
    words = [t.lower().rstrip(".").replace("\u2019", "'") for t, _, _ in cur]
    headed = any(
        w in lex.org_heads or w in lex.role_words or w in lex.place_heads or w in lex.event_heads
        or w in ("republic", "kingdom", "people's", "state", "states", "house", "university", "bank", "duke")
        for w in words
    )
    if low in ("of", "for", "on", "upon"):
        return headed
    if low in ("and", "&"):
        if low == "&" and not cur[-1][0].islower():
            return True
        return headed and any(t in ("of", "for") for t, _, _ in cur)
    if low == "the":
        return bool(cur) and cur[-1][0] in ("of", "for", "and", "on")
    return True  # name particles: "de", "van", "bin"


def _strip_leading(p: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    lex = lexicon()
    while p:
        t = p[0][0]
        full = " ".join(x[0] for x in p)
        if full in lex.names or undot(full) in lex.names:
            break
        low = t.lower().rstrip(".")
        if t.islower() or t == "&" or (low in lex.stop and low not in lex.honorifics):
            p = p[1:]
            continue
        break
    return p


def is_listed(tok: str) -> bool:
    """Is the word in a list: a name, capital, nationality or given name, an honorific or a role?"""
    lex = lexicon()
    low = tok.lower().rstrip(".")
    return (
        tok in lex.names or tok in lex.capitals or tok in lex.demonyms or tok in lex.given
        or low in lex.honorifics or low in lex.role_words or low in lex.role_modifiers
    )


def maybe_listed(key: str, text: str) -> bool:
    """The test :meth:`~mediakit.actors.classify.NameClassifier.from_lists` opens with: could the
    words (``key``: undotted) be listed?"""
    lex = lexicon()
    return key in lex.lookup_keys or text in lex.lookup_keys or key.isupper()


def name_words(part: Part) -> tuple[tuple[str, ...], bool]:
    """A person name's words (a final dot dropped from words of three letters or more) and whether a
    given name comes before the last."""
    toks = tuple([t.rstrip(".") if len(t) > 2 else t for t, _, _ in part])
    return toks, len(toks) > 1 and not lexicon().given.isdisjoint(toks[:-1])


@dataclass(frozen=True, slots=True)
class PartWords:
    """What classifying a name part needs to know from its words alone (see :func:`part_words`)."""

    toks: tuple[str, ...]  # the words
    text: str  # the words joined by spaces
    listed_first: bool  # is_listed(first word)
    common_first: bool  # the first word ends in -ing, -ed or -ly
    key: str  # the lookup key of the words (undot(text))
    maybe_listed: bool  # does the part pass the test NameClassifier.from_lists opens with?
    plan: TypedPlan | NamePlan | None  # plan_part(toks)
    name_toks: tuple[str, ...]  # for a NamePlan: name_words of the name's words
    given_name: bool  # (idem)


@lru_cache(maxsize=20000)
def part_words(part: tuple[tuple[str, int, int], ...]) -> PartWords:
    """The word-only side of classifying a name part, worked out once per distinct part (like
    split_run and plan_part, cached): the same name recurs within an article and across articles."""
    toks = tuple([t for t, _, _ in part])
    text = " ".join(toks)
    plan = plan_part(toks)
    name_toks, given = name_words(part[plan.start :]) if isinstance(plan, NamePlan) else ((), False)
    key = undot(text)
    return PartWords(toks, text, is_listed(toks[0]), toks[0].lower().endswith(("ing", "ed", "ly")),
                     key, maybe_listed(key, text), plan, name_toks, given)


@lru_cache(maxsize=20000)
def run_parts(run: str) -> tuple[tuple[tuple[tuple[str, int, int], ...], PartWords], ...]:
    """The parts of a capitalised run (:func:`split_run`) with their :func:`part_words`, cached by the
    run's text: a string key hashes once, where looking up ``part_words`` hashes the whole part
    every time."""
    return tuple((p, part_words(p)) for p in split_run(run))


@lru_cache(maxsize=20000)
def plan_part(toks: tuple[str, ...]) -> TypedPlan | NamePlan | None:
    """What a name part is, from its words alone (cached): a :class:`TypedPlan`, a :class:`NamePlan`
    or None (not an actor)."""
    lex = lexicon()
    lows = [t.lower().rstrip(".") for t in toks]
    gender = None
    honorific = False
    roles: list[str] = []
    i = 0
    # honorifics and titles in front of the name: "Ms", "Dr", "Sgt."
    while i < len(toks) - 1 and lows[i] in lex.honorifics and lows[i] not in lex.role_words:
        gender = gender or lex.honorifics[lows[i]]
        if lows[i] not in _COURTESY:
            roles.append(toks[i].rstrip("."))
        honorific = True
        i += 1
    # a party or nationality in front of a name: "Republican Donald Trump", "Chinese Foreign Minister Wang Yi"
    affiliation = None
    evidence: tuple[str, ...] = ()
    if i == 0 and len(toks) > 1 and (lows[0] in lex.parties or toks[0] in lex.demonyms) and not any(
        w in lex.org_heads or w in lex.place_heads or w in lex.event_heads or w in lex.document_heads for w in lows[1:]
    ):
        affiliation = lex.parties.get(lows[0]) or lex.demonyms.get(toks[0])
        evidence = ("party or nationality before the name",)
        i = 1
    # a title inside the run: "UN High Commissioner for Human Rights Michelle Bachelet"
    title = None if lex.title_words.isdisjoint(lows[i:-1]) else _title_split(toks, lows, i)
    if title is not None:
        role = " ".join(toks[title.role_start : title.role_end])
        roles.append(role)
        aff_toks = toks[i : title.role_start]
        if aff_toks:
            affiliation = affiliation_of(" ".join(aff_toks))
        return NamePlan(title.name_start, tuple(roles), affiliation, gender or title.gender, True,
                        f"title '{role}' before the name", ("title",))
    rest, lrest = toks[i:], lows[i:]
    if not rest:
        return None
    text = " ".join(rest)
    if lrest[0] in lex.role_words and lrest[0] not in lex.org_heads and len(rest) > 1 and lrest[1] in ("of", "for"):
        return None  # "Minister of Water and Energy" without a name: a title, not an organisation
    if not honorific and len(rest) > 1 and lrest[-1] in lex.role_words and lrest[-1] not in lex.org_heads:
        return None  # "Energy Minister", "Market Strategist": a title with no name after it
    if not honorific and not affiliation:
        camel = next((t for t in rest if _camel_brand(t)), None)
        if camel is not None:
            return TypedPlan("organisation", f"'{camel}' has a capital inside the word, as brands do", "name",
                             text, None)
        if len(rest) > 1 and rest[0] not in lex.given and lex.names.get(undot(rest[-1]), ("", "", ""))[2] == "country":
            return TypedPlan("organisation", f"name ending in the country '{rest[-1]}' (an agency or a team)", "name",
                             text, affiliation_of(rest[-1]))
        if len(rest) > 1 and lrest[-1] in lex.parties:
            return None  # "Kentucky Republican": a description, not a name
        heads = [w for w in lrest if w in lex.org_heads]
        if lrest[-1] in lex.event_heads and lrest[-1] != "congress" and (len(rest) > 1 or lrest[-1] not in ("open",)):
            return TypedPlan("event", f"name ending in event word '{rest[-1]}'", "name", text, None)
        if heads:
            kind = lex.org_heads[heads[-1]]
            aff = None
            first = rest[0]
            if len(rest) > 1 and (lex.names.get(undot(first), ("", "", ""))[1] in ("place", "organisation")
                                  or first in lex.demonyms):
                aff = affiliation_of(first)
            return TypedPlan("organisation", f"name with organisation word '{heads[-1]}' ({kind})", "name",
                             text, aff)
        if lrest[-1] in lex.place_heads and len(rest) > 1:
            return TypedPlan("place", f"name ending in place word '{rest[-1]}'", "name", text, None)
        if lrest[-1] in lex.document_heads:
            return None
        if len(rest) == 1 and rest[0].isupper() and 2 <= len(rest[0]) <= 6 and rest[0].isalpha():
            return TypedPlan("organisation", f"acronym '{rest[0]}'", "acronym", rest[0], None)
        if len(rest) == 1 and rest[0] in lex.demonyms:
            return None
        if any(w in lex.role_words or (w in lex.role_modifiers and len(rest) == 1) for w in lrest):
            return None  # a bare title ("High Commissioner", "President")
    if len(rest) > 5 or not all(namey(t) or t in PARTICLES for t in rest) or rest[-1] in PARTICLES:
        return None
    if any(w in lex.place_heads or w in lex.org_heads for w in lrest):
        return None  # "Kent County Republican": not a person's name
    if len(rest) == 1 and lrest[0] in lex.parties and not honorific:
        return None  # "Republican" alone is a party adjective
    if len(rest) == 1 and lrest[0] in lex.role_words:
        return None  # "Mr. President": a form of address, not a name
    if honorific:
        evidence += ("honorific",)
    return NamePlan(i, tuple(roles), affiliation, gender, honorific,
                    "honorific before the name" if honorific else "capitalised name", evidence)


# capitalised particles that stay inside a person's name when a name word follows
_INNER_PARTICLES = frozenset("al el bin ibn abu abd ben bint de del della der van von da di du la le".split())
# capitals inside a word that names a person: "McCallum", "MacVicar", "DeLaet", "LaPlante", "O'Brien"
_NAME_PREFIXES = ("Mc", "Mac", "De", "Di", "Da", "Du", "La", "Le", "Van", "Von", "Fitz", "St", "Del", "Dal")
_INNER_CAPITAL = re.compile(r"^([A-Z][a-z]+)[A-Z][a-z]")


def _camel_brand(tok: str) -> bool:
    """ "TransLink", "TechCrunch", "SkyTrain": a capital inside the word, not after a name prefix."""
    m = _INNER_CAPITAL.match(tok)
    return m is not None and m.group(1) not in _NAME_PREFIXES


def _title_split(toks: tuple[str, ...], lows: list[str], i: int) -> TitleSplit | None:
    """Find a title in a run (searched from word ``i`` on), or None."""
    lex = lexicon()
    # in a long run, whether every word from a position on could be a name's and none is an organisation
    # or place word, for every position at once (testing the rest of the run at each title word made a
    # line of capitalised words cost its square)
    tail_ok = _tail_ok(toks, lows, lex) if len(toks) > _LONG_RUN else None
    for k in range(len(toks) - 2, i - 1, -1):
        if lows[k] not in lex.title_words or lows[k] in _COURTESY:
            continue
        n0 = k + 1
        if lows[n0] in ("of", "for"):
            n0 += 1
            while n0 < len(toks) and lows[n0] in lex.topic_words:
                n0 += 1
        if tail_ok is not None:
            if n0 >= len(toks) or not tail_ok[n0]:
                continue
        else:
            rest = toks[n0:]
            if not rest or not all(namey(t) for t in rest):
                continue
            if any(w in lex.org_heads or w in lex.place_heads for w in lows[n0:]):
                continue
        k0 = k
        while k0 > i and (lows[k0 - 1] in lex.role_modifiers or lows[k0 - 1] in lex.role_words):
            k0 -= 1
        end = n0
        while end > k + 1 and toks[end - 1].islower():
            end -= 1
        return TitleSplit(k0, end, n0, lex.roles.get(lows[k]) or lex.honorifics.get(lows[k]))
    return None


_LONG_RUN = 12  # words: a longer run has its tails tested once (see _title_split)


def _tail_ok(toks: tuple[str, ...], lows: list[str], lex: Any) -> list[bool]:
    """For each position ``j``: are all of ``toks[j:]`` name-like words, none an organisation or place
    word (``True`` past the end)?"""
    ok = [True] * (len(toks) + 1)
    for j in range(len(toks) - 1, -1, -1):
        ok[j] = ok[j + 1] and namey(toks[j]) and lows[j] not in lex.org_heads and lows[j] not in lex.place_heads
    return ok


def affiliation_of(text: str) -> str | None:
    """The canonical name behind an affiliation ("Chinese" -> China, "UN" -> United Nations)."""
    lex = lexicon()
    text = text.strip()
    if not text:
        return None
    key = undot(text)
    if key in lex.demonyms:
        return lex.demonyms[key]
    if key in lex.names:
        return lex.names[key][0]
    if key in lex.capitals:
        return lex.capitals[key]
    return text
