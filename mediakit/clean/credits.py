"""Photo credits: a caption that ends with its credit ("... Photo: AFP"), or a line that is only one.

Limits: a caption has a caption's shape, at most :data:`CAPTION_WORDS` (100) words in at most
:data:`CAPTION_SENTENCES` (4) sentences (the longest caption of the benchmark pages has 97 words, in 4
sentences). A longer line that ends with a credit is text whose last words happen to be one (an article
flattened to one line: "... the council said on Monday. Photo: Jane Doe/Agency"): the cleaner keeps the
text and takes only the credit (see :func:`mediakit.clean.passes.captions.split_tail`).
"""

from __future__ import annotations

import re
from itertools import islice
from typing import TYPE_CHECKING

from ..segment import sentence_bounds
from .chars import TERMINAL
from .phrases import AGENCY, AGENCY_WORDS, CREDIT_BRACKET, CREDIT_LABEL, CREDIT_TAIL, PAREN_LINE, URLISH

if TYPE_CHECKING:
    from .lines import Line


#: The most words a photo caption has (see the module docstring).
CAPTION_WORDS = 100
#: The most sentences a photo caption has.
CAPTION_SENTENCES = 4
_WORD = re.compile(r"\S+")


def caption_shaped(text: str) -> bool:
    """Could ``text`` be a photo caption: at most :data:`CAPTION_WORDS` words in at most
    :data:`CAPTION_SENTENCES` sentences? (Words are counted only up to the limit.)"""
    if sum(1 for _ in islice(_WORD.finditer(text), CAPTION_WORDS + 1)) > CAPTION_WORDS:
        return False
    return len(sentence_bounds(text)) <= CAPTION_SENTENCES


def caption_credit(text: str) -> tuple[str, str] | None:
    """``(caption, credit)`` when ``text`` is a caption that ends with a photo credit: :func:`split_credit`
    for a line of a caption's shape (:func:`caption_shaped`), else None."""
    split = split_credit(text)
    return split if split is not None and caption_shaped(split[0]) else None


def _may_have_credit(tail: str) -> bool:
    low = tail.lower()
    return (
        "photo" in low
        or "image" in low
        or "credit" in low
        or "picture" in low
        or "source" in low
        or "illustration" in low
        or "foto" in low
        or "bild" in low
        or "video" in low
        or "img" in low
        or "\u0444\u043e\u0442\u043e" in low
        or "\u00a9" in low
    )


def split_credit(text: str) -> tuple[str, str] | None:
    """``(caption, credit)`` when ``text`` ends with a photo credit ("... Photo: AFP"), else None."""
    if text.endswith(")") or "/" in text[-40:]:
        b = CREDIT_BRACKET.search(text[-140:])
        if b:
            credit = (b.group(1) or b.group(2)).strip()
            label = CREDIT_LABEL.match(credit)  # "(Photo by Jo Roe/AP)": the credit is Jo Roe/AP
            if label and label.end() < len(credit):
                credit = credit[label.end() :]
            cut = len(text) - len(text[-140:]) + b.start()
            return text[:cut].rstrip(" (|-\u2013\u2014[").strip(), credit
    if not _may_have_credit(text[-140:]):
        return None
    m = CREDIT_TAIL.search(text[-140:])
    if not m:
        return None
    credit = m.group(2).strip().rstrip(")]").strip().lstrip("\u00a9 ")
    if not credit or len(credit.split()) > 10 or TERMINAL.search(credit) and not credit.endswith("."):
        return None
    cut = len(text) - len(text[-140:]) + m.start(1)
    caption = text[:cut].rstrip(" (|-\u2013\u2014[").strip()
    return caption, credit


def looks_like_credit(ln: Line) -> bool:
    """A short line that is only a photo credit: "Sanjeev Verma/Hindustan Times/Getty Images", "(AP)"."""
    t = ln.content
    if ln.marker or ln.words > 10 or len(t) > 90:
        return False
    split = split_credit(t)
    if split is not None and len(split[0]) < 3:
        return True
    inner = t[1:-1] if t[:1] in "([" and PAREN_LINE.fullmatch(t) else t
    if TERMINAL.search(inner) and not inner.endswith("."):
        return False
    if (
        "/" in inner
        and not URLISH.search(inner)
        and all(p.strip()[:1].isupper() for p in inner.split("/") if p.strip())
    ):
        return True
    if inner is t and ln.words > 8:
        return False
    words = ln.key.split()
    return any(w in AGENCY_WORDS for w in words) and bool(AGENCY.search(inner))
