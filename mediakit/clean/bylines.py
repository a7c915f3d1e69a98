"""Bylines and dates: who wrote a story ("By Jane Roe", "Posted on <date> by ...") and when."""

from __future__ import annotations

import re

from .chars import DIGIT
from .phrases import AGENCY

BY_PREFIX = re.compile(r"(?:by|written by|words by|posted by|von|por|par|di|door)(?:\s+|:\s*|$)", re.I)
NAME_WORD = re.compile(r"[A-Z][\w'\u2019.-]*|[a-z]{1,3}|&|and")

MONTHS = {
    "jan": 1,
    "january": 1,
    "feb": 2,
    "february": 2,
    "mar": 3,
    "march": 3,
    "apr": 4,
    "april": 4,
    "may": 5,
    "jun": 6,
    "june": 6,
    "jul": 7,
    "july": 7,
    "aug": 8,
    "august": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "oct": 10,
    "october": 10,
    "nov": 11,
    "november": 11,
    "dec": 12,
    "december": 12,
}
_MONTH = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
DATE_MDY = re.compile(_MONTH + r"\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b", re.I)
DATE_DMY = re.compile(
    r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"\.?,?\s+((?:19|20)\d\d)\b", re.I
)
DATE_ISO = re.compile(r"\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b")
TIME_OF_DAY = re.compile(r"\b\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?|\b\d{1,2}\s*[ap]\.?m\.?\b", re.I)
DATE_WORDS = re.compile(
    r"\b(?:published|updated|posted|last updated|first published|modified|created)\b|\b\d+\s+(?:hours?|minutes?|mins?|days?)\s+ago\b",
    re.I,
)

# a news lede opens with its dateline: "LOS ANGELES (AP) \u2014", "MADRID \u2014", "BAAR, Switzerland --"
LEDE = re.compile(
    r"[A-Z][A-Z.'\u2019-]+(?:[ ,]+[A-Z][A-Za-z.'\u2019-]*){0,4}\s*(?:\([A-Za-z .&]+\)\s*)?(?:\u2014|\u2013|--|-)\s"
)

_MONTH_STEMS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def parse_date(text: str) -> str | None:
    """ISO ``yyyy-mm-dd`` for the first date written in ``text`` (English month names or ISO), else None."""
    head = text[:300]
    low = head.lower()
    if not ("-" in head or any(m in low for m in _MONTH_STEMS)):
        return None
    best: tuple[int, str] | None = None
    for pat, order in ((DATE_MDY, "mdy"), (DATE_DMY, "dmy"), (DATE_ISO, "ymd")):
        m = pat.search(head)
        if not m:
            continue
        g = m.groups()
        if order == "mdy":
            month, day, year = MONTHS.get(g[0].lower().rstrip(".")), int(g[1]), int(g[2])
        elif order == "dmy":
            day, month, year = int(g[0]), MONTHS.get(g[1].lower().rstrip(".")), int(g[2])
        else:
            year, month, day = int(g[0]), int(g[1]), int(g[2])
        if not month or not 1 <= month <= 12 or not 1 <= day <= 31:
            continue
        iso = f"{year:04d}-{month:02d}-{day:02d}"
        if best is None or m.start() < best[0]:
            best = (m.start(), iso)
    return best[1] if best else None


_BYLINE_END = re.compile(
    r"\s+(?:[-|\u2013\u2014\u2022]|updated|published|posted|on|in)\s+|\s*[|\u2022]\s*|,\s+|"
    r"\s+(?=(?:senior |chief |staff |contributing |special )?(?:writer|reporter|correspondent|editor|contributor|"
    r"columnist|staff)\b)",
    re.I,
)


_BYLINE_STOP = re.compile(r"\s(?:\S*\d|@\w|" + _MONTH + r"\b\.?\s+\d)", re.I)


NAME_WITH_ROLE = re.compile(
    r"([^,|\u2013\u2014]{3,60}?)\s*(?:,|\||\u2013|\u2014| -)\s*(?:[\w.&]+ ){0,3}(?:senior |chief |staff |sports |"
    r"political |foreign |business |special )?(?:writer|reporter|correspondent|editor|contributor|columnist|"
    r"journalist)s?\b",
    re.I,
)


def byline_name(text: str) -> str | None:
    """The name(s) in a byline line ("By Jane Roe and Li Wei", "by Regan September 15, 2014")."""
    m = BY_PREFIX.match(text)
    if not m:
        return None
    rest = text[m.end() :].strip()
    if not rest:
        return ""
    return _names(rest)


def _names(rest: str) -> str | None:
    """The author names opening ``rest``, up to a role, a date or a separator; co-authors listed with
    commas stay ("Jane Roe, Li Wei"), a role or an agency after a comma does not ("Jane Roe, Staff")."""
    m = _BYLINE_END.search(rest)
    cut = rest[: m.start()] if m else rest
    while m and m.group(0).strip() == ",":
        nxt = _BYLINE_END.search(rest, m.end())
        more = rest[m.end() : nxt.start() if nxt else len(rest)].strip()
        if not _co_author(more):
            break
        cut, m = rest[: m.end()] + more, nxt
    dm = _BYLINE_STOP.search(cut)
    if dm:
        cut = cut[: dm.start()]
    cut = cut.strip(" ,.-|")
    words = cut.split()
    if not words or len(words) > 12 or not cut[0].isupper():
        return None
    return cut


_ROLE = re.compile(
    r"\b(?:writer|reporter|correspondent|editor|contributor|columnist|journalist|staff|photographer|"
    r"producer|desk|team|agency|agencies|press|news|media)s?\b",
    re.I,
)


def _co_author(part: str) -> bool:
    """``part`` (what follows a comma in a byline) is another person's name, not a role or an outlet."""
    return (
        is_name_like(part)
        and not part.startswith("The ")
        and not _ROLE.search(part)
        and not AGENCY.search(part)
        and not DIGIT.search(part)
    )


_DATED_LEAD = re.compile(
    r"(?:(?:posted|published|updated|first published|last updated)(?:\s+on)?\s*:?\s*)?"
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?",
    re.I,
)
_DATED_SEP = re.compile(  # an optional time of day, then "by", a bar, a bullet or a dash
    r",?(?:\s*(?:at\s+)?\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?)?"
    r"(?:\s+(?i:by)\s+|\s*[|\u2022\u00b7]\s*|\s+[\u2013\u2014-]\s+)"
)


def dated_byline(text: str) -> tuple[str, str] | None:
    """``(names, iso date)`` for a line that opens with a date and then names the author: "Posted on
    March 18, 2026 by Jane Roe", "18 March 2026 | Jane Roe, Li Wei". After a bar or a dash (not "by")
    the names must have the shape of a person's name, so "18 March 2026 | Politics" is not a byline."""
    if len(text) > 160 or not DIGIT.search(text):
        return None
    start = _DATED_LEAD.match(text).end()
    date = None
    for pat in (DATE_MDY, DATE_DMY, DATE_ISO):
        m = pat.match(text, start)
        if m:
            date = m
            break
    if date is None:
        return None
    sep = _DATED_SEP.match(text, date.end())
    if sep is None:
        return None
    iso = parse_date(text[start : date.end()])
    name = _names(text[sep.end() :].strip())
    if not iso or not name:
        return None
    if "by" not in sep.group(0).lower() and not all(
        is_name_like(p) for p in re.split(r",\s+|\s+and\s+", name)
    ):
        return None
    return name, iso


_PARTICLES = frozenset("de da di del der den van von bin al el la le du dos das y and &".split())


def is_name_like(text: str) -> bool:
    """2-5 capitalised words (particles such as "de" or "van" between them), the shape of a person's name."""
    words = text.split()
    if not 2 <= len(words) <= 5 or not words[0][0].isupper() or not words[-1][0].isupper():
        return False
    return all(w[0].isupper() and NAME_WORD.fullmatch(w) or w.lower() in _PARTICLES for w in words)
