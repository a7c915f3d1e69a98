"""Agreement in the classroom: how well students' quote annotations match a key, and each other.

Every function here takes *annotation sets*: the quotes one person (or the machine) marked in **one
article**, as character offsets into that article's text. Everything to be compared must index the same
text (``Article.source``). An annotation set may be given as

* a list of :class:`QuoteSpan`, of ``(start, end)`` or ``(start, end, speaker)`` tuples, or of dicts with
  ``start``, ``end`` and optionally ``speaker``;
* a polars DataFrame or LazyFrame with ``start``/``end`` columns (an :class:`~mediakit.widgets.Annotator`'s
  ``annotations``, a ``quotes`` table of one article) or ``content_start``/``content_end`` columns (the
  teaching corpus's gold, :meth:`mediakit.datasets.Corpus.gold`; its ``content_ranges`` are read when
  present), with an optional ``speaker`` column;
* an :class:`~mediakit.analysis.Analysis` (the machine's quotes and linked speakers);
* any object with an ``annotations`` DataFrame attribute (an ``Annotator``).

Definitions (checked against hand-computed values in ``tests/test_agreement.py``):

**Matching.** An annotated span and a key span *match* when

* ``match="overlap"`` (the default): they share at least one character;
* ``match="jaccard"``: their character Jaccard index, ``|A ∩ K| / |A ∪ K|``, is at least ``threshold``
  (0.5 by default).

Spans are paired one to one: as many pairs as possible (a maximum bipartite matching; each key span is
found at most once, each annotated span finds at most one key span), trying the candidates of each
annotated span (in text order) from the highest Jaccard index down.

**Span scores.** With ``m`` pairs, ``|A|`` annotated spans and ``|K|`` key spans: precision ``m/|A|``,
recall ``m/|K|``, F1 ``2m/(|A|+|K|)`` (the harmonic mean of precision and recall, also defined when
one of them is not). A score whose denominator is 0 is None.

**Speaker accuracy.** Over the pairs whose key span has a speaker: the share whose annotated speaker
is the same person (:func:`same_speaker`). None when no pair has a key speaker.

**Token labels.** The words of the text (runs of letters and digits, ``don't`` and ``140-metre`` one word
each), each labelled 1 when it shares a character with one of the set's spans, else 0. Given an
``Article`` (or ``Analysis``), only the words of the headline, standfirst and body paragraphs count
(boilerplate that nobody would mark would inflate agreement).

**Speaker labels.** The units are the key's spans; an annotator's label for a unit is the speaker of
the annotated span paired with it (the key's spelling when :func:`same_speaker` says they agree, else
the annotator's own, normalised), or missing when nothing was paired or no speaker given.

**Cohen's kappa** (two annotators): ``(p_o - p_e) / (1 - p_e)``, where ``p_o`` is the share of units
given the same label and ``p_e = Σ_c p_a(c) p_b(c)`` the agreement expected from each annotator's own
label frequencies. Units missing a label from either are left out.

**Krippendorff's alpha** (nominal; any number of annotators, missing labels allowed):
``1 - D_o / D_e`` from the coincidence matrix: each unit with ``m ≥ 2`` labels adds ``1/(m-1)`` for every
ordered pair of its labels from different annotators; ``D_o`` is the share of coincidences between
different labels, ``D_e = Σ_{c≠k} n_c n_k / (n (n-1))`` the same share expected by chance (``n_c``: how
often label ``c`` is pairable, ``n`` in all). Kappa and alpha are None when undefined (no units, or a
single label used throughout, so that chance agreement is already perfect).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import polars as pl

from ..analysis import Analysis
from ..errors import MediakitError
from ..model import Article

__all__ = [
    "QuoteSpan", "SpanScores", "class_results", "cohen_kappa", "krippendorff_alpha", "quote_alpha", "quote_kappa",
    "same_speaker", "span_scores", "speaker_agreement", "speaker_alpha", "speaker_kappa", "speaker_labels",
    "spans_of", "token_labels",
]

MATCHES = ("overlap", "jaccard")
_WORD = re.compile(r"\w+(?:['\u2019-]\w+)*")
_EDGE = re.compile(r"^[\W_]+|[\W_]+$")
_DETERMINERS = frozenset({"the", "a", "an"})


@dataclass(frozen=True)
class QuoteSpan:
    """One marked quote: ``start``/``end`` (half-open, into the article text), the ``speaker`` (a name,
    or None), and ``ranges``, the pieces when the quote is interrupted (by its cue, say); empty means the
    one piece ``(start, end)``.

    >>> QuoteSpan(10, 20, "Ana").length, QuoteSpan(0, 30, ranges=((0, 10), (20, 30))).length
    (10, 20)
    """

    start: int
    end: int
    speaker: str | None = None
    ranges: tuple[tuple[int, int], ...] = ()

    @property
    def pieces(self) -> tuple[tuple[int, int], ...]:
        return self.ranges or ((self.start, self.end),)

    @property
    def length(self) -> int:
        """Characters covered."""
        return sum(e - s for s, e in self.pieces)

    def shared(self, other: QuoteSpan) -> int:
        """Characters covered by both."""
        return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in self.pieces for s2, e2 in other.pieces)

    def jaccard(self, other: QuoteSpan) -> float:
        """``|A ∩ B| / |A ∪ B|`` over characters.

        >>> QuoteSpan(0, 10).jaccard(QuoteSpan(5, 15))
        0.3333333333333333
        """
        both = self.shared(other)
        union = self.length + other.length - both
        return both / union if union else 0.0


@dataclass(frozen=True)
class SpanScores:
    """How one annotation set compares with a key (see the module docstring for the definitions).

    ``pairs`` lists the matched ``(annotated index, key index)`` pairs, indexes into the two sets as
    :func:`spans_of` orders them (by start, then end).
    """

    annotated: int
    key: int
    matched: int
    precision: float | None
    recall: float | None
    f1: float | None
    speaker_pairs: int
    speakers_agreed: int
    speaker_accuracy: float | None
    pairs: tuple[tuple[int, int], ...] = field(default=(), repr=False)


# --- reading annotation sets ----------------------------------------------------------------------------

def spans_of(annotations: Any) -> list[QuoteSpan]:
    """An annotation set (any of the forms in the module docstring) as :class:`QuoteSpan`, sorted by start,
    then end.

    >>> spans_of([(20, 30, "Bo"), (0, 10)])
    [QuoteSpan(start=0, end=10, speaker=None, ranges=()), QuoteSpan(start=20, end=30, speaker='Bo', ranges=())]
    """
    if annotations is None:
        return []
    if isinstance(annotations, Analysis):
        out = [QuoteSpan(q.quote.start, q.quote.end, q.speaker) for q in annotations.quotes]
    elif isinstance(annotations, pl.LazyFrame):
        return spans_of(annotations.collect())
    elif isinstance(annotations, pl.DataFrame):
        out = _frame_spans(annotations)
    elif isinstance(getattr(annotations, "annotations", None), pl.DataFrame):
        out = _frame_spans(annotations.annotations)
    elif isinstance(annotations, (str, bytes)) or not isinstance(annotations, Iterable):
        raise MediakitError(
            f"cannot read quote annotations from {type(annotations).__name__}: give a list of (start, end, speaker), "
            "a polars frame with start/end (or content_start/content_end) columns, an Analysis or an Annotator"
        )
    else:
        out = [_one_span(x) for x in annotations]
    for s in out:
        _check(s)
    return sorted(out, key=lambda s: (s.start, s.end))


def _one_span(x: Any) -> QuoteSpan:
    if isinstance(x, QuoteSpan):
        return x
    if isinstance(x, Mapping):
        if "start" not in x or "end" not in x:
            raise MediakitError(f"a quote annotation needs 'start' and 'end', got keys {sorted(x)}")
        return QuoteSpan(x["start"], x["end"], x.get("speaker"))
    if isinstance(x, (tuple, list)) and len(x) in (2, 3):
        return QuoteSpan(x[0], x[1], x[2] if len(x) == 3 else None)
    raise MediakitError(f"a quote annotation is (start, end), (start, end, speaker) or a dict; got {x!r}")


def _frame_spans(frame: pl.DataFrame) -> list[QuoteSpan]:
    cols = frame.columns
    for doc_col in ("doc", "id"):
        if doc_col in cols and frame[doc_col].n_unique() > 1:
            raise MediakitError(
                f"the annotations cover {frame[doc_col].n_unique()} articles ({doc_col} column); agreement is "
                f"computed per article: filter the frame to one {doc_col} first"
            )
    if {"start", "end"} <= set(cols):
        s, e = "start", "end"
    elif {"content_start", "content_end"} <= set(cols):
        s, e = "content_start", "content_end"
    else:
        raise MediakitError(f"the annotation frame needs start/end or content_start/content_end columns; it has {cols}")
    speakers = frame["speaker"].to_list() if "speaker" in cols else [None] * frame.height
    ranges = frame["content_ranges"].to_list() if "content_ranges" in cols and s == "content_start" else None
    out = []
    for i, (a, b) in enumerate(zip(frame[s].to_list(), frame[e].to_list(), strict=True)):
        pieces = tuple((int(p[0]), int(p[1])) for p in ranges[i]) if ranges and ranges[i] else ()
        out.append(QuoteSpan(a, b, speakers[i], pieces if len(pieces) > 1 else ()))
    return out


def _check(s: QuoteSpan) -> None:
    ok = all(isinstance(v, int) and not isinstance(v, bool) for v in (s.start, s.end)) and 0 <= s.start < s.end
    if not ok:
        raise MediakitError(f"a quote annotation needs whole-number offsets with 0 <= start < end; got {s.start!r}, {s.end!r}")
    if s.speaker is not None and not isinstance(s.speaker, str):
        raise MediakitError(f"a speaker is a name (str) or None, not {type(s.speaker).__name__}")


# --- matching and scores --------------------------------------------------------------------------------

def _pairs(ann: list[QuoteSpan], key: list[QuoteSpan], match: str, threshold: float) -> list[tuple[int, int]]:
    if match not in MATCHES:
        raise MediakitError(f"match must be one of {', '.join(MATCHES)}, not {match!r}")
    if match == "jaccard" and not 0 < threshold <= 1:
        raise MediakitError(f"threshold is a Jaccard index between 0 (excluded) and 1, not {threshold!r}")
    options: list[list[int]] = []
    for a in ann:
        cands = []
        for j, k in enumerate(key):
            if k.start >= a.end or a.start >= k.end or not a.shared(k):
                continue
            jac = a.jaccard(k)
            if match == "overlap" or jac >= threshold:
                cands.append((-jac, k.start, j))
        options.append([j for _, _, j in sorted(cands)])
    owner: dict[int, int] = {}

    def claim(i: int, seen: set[int]) -> bool:  # Kuhn's augmenting path
        for j in options[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or claim(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(ann)):
        claim(i, set())
    return sorted((i, j) for j, i in owner.items())


def _ratio(a: int, b: int) -> float | None:
    return a / b if b else None


def span_scores(annotations: Any, key: Any, *, match: str = "overlap", threshold: float = 0.5,
                loose: bool = True) -> SpanScores:
    """Precision, recall and F1 of ``annotations`` against ``key``, and speaker accuracy over the pairs.

    ``match`` and ``threshold`` choose how spans match, ``loose`` how speakers do (:func:`same_speaker`);
    see the module docstring.

    >>> key = [(0, 10, "Ana"), (20, 30, "Bo"), (40, 50, "Cy")]
    >>> marked = [(2, 10, "Ana"), (21, 25, "Cy"), (60, 70, "Di")]
    >>> s = span_scores(marked, key)
    >>> s.matched, round(s.precision, 3), round(s.recall, 3), round(s.f1, 3), s.speaker_accuracy
    (2, 0.667, 0.667, 0.667, 0.5)
    >>> s = span_scores(marked, key, match="jaccard")     # (21, 25) covers 4 of (20, 30)'s 10 characters
    >>> s.matched, round(s.f1, 3), s.speaker_accuracy
    (1, 0.333, 1.0)
    """
    ann, ref = spans_of(annotations), spans_of(key)
    pairs = _pairs(ann, ref, match, threshold)
    judged = [(ann[i].speaker, ref[j].speaker) for i, j in pairs if ref[j].speaker]
    agreed = sum(1 for a, k in judged if a and same_speaker(a, k, loose=loose))
    m = len(pairs)
    return SpanScores(
        annotated=len(ann), key=len(ref), matched=m, precision=_ratio(m, len(ann)), recall=_ratio(m, len(ref)),
        f1=_ratio(2 * m, len(ann) + len(ref)), speaker_pairs=len(judged), speakers_agreed=agreed,
        speaker_accuracy=_ratio(agreed, len(judged)), pairs=tuple(pairs),
    )


def speaker_agreement(annotations: Any, key: Any, *, match: str = "overlap", threshold: float = 0.5,
                      loose: bool = True) -> float | None:
    """Speaker accuracy of ``annotations`` against ``key``: :attr:`SpanScores.speaker_accuracy`.

    >>> speaker_agreement([(0, 9, "Vasko"), (20, 30, "the mayor")], [(0, 10, "Teodora Vasko"), (20, 30, "Ivo Brand")])
    0.5
    """
    return span_scores(annotations, key, match=match, threshold=threshold, loose=loose).speaker_accuracy


# --- speakers -------------------------------------------------------------------------------------------

def _words(name: str) -> list[str]:
    from .. import wordlists

    text = unicodedata.normalize("NFKC", name).replace("\u2019", "'").casefold()
    words = [w for w in (_EDGE.sub("", w) for w in text.split()) if w]
    while len(words) > 1 and words[0] in _DETERMINERS:
        words = words[1:]
    titles = wordlists.honorifics()
    while len(words) > 1 and words[0].rstrip(".") in titles:
        words = words[1:]
    return words


def normalise_speaker(name: str | None) -> str | None:
    """A speaker's name as compared: case folded, curly apostrophes straightened, punctuation at word
    edges dropped, a leading "the" and leading titles (the honorifics of ``roles.tsv``) dropped.

    >>> normalise_speaker("  Ms  Teodora VASKO, "), normalise_speaker("The Mayor")
    ('teodora vasko', 'mayor')
    """
    if name is None:
        return None
    words = _words(name)
    return " ".join(words) or None


def same_speaker(a: str | None, b: str | None, *, loose: bool = True) -> bool:
    """Whether two speaker names name the same person: equal once normalised (:func:`normalise_speaker`),
    or, when ``loose``, the words of one end the other ("Vasko" and "Teodora Vasko": a surname).
    None never agrees.

    >>> same_speaker("Vasko", "Minister Teodora Vasko"), same_speaker("Vasko", "Teodora Vasko", loose=False)
    (True, False)
    >>> same_speaker("Teodora", "Teodora Vasko"), same_speaker(None, None)
    (False, False)
    """
    if a is None or b is None:
        return False
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return False
    if wa == wb:
        return True
    if not loose:
        return False
    short, long_ = (wa, wb) if len(wa) < len(wb) else (wb, wa)
    return long_[-len(short):] == short


# --- kappa and alpha ------------------------------------------------------------------------------------

def cohen_kappa(a: Sequence[Hashable | None], b: Sequence[Hashable | None]) -> float | None:
    """Cohen's kappa of two annotators' labels for the same units (None: no label; such units are left out).

    >>> cohen_kappa([1, 1, 0, 0, 1, 0, 0, 0, 1, 0], [1, 0, 0, 0, 1, 0, 0, 1, 1, 0])   # (0.8 - 0.52) / 0.48
    0.5833333333333334
    >>> cohen_kappa([1, 1], [1, 1]) is None                                          # chance agreement is 1
    True
    """
    if len(a) != len(b):
        raise MediakitError(f"cohen_kappa: both annotators must label the same units ({len(a)} and {len(b)} labels)")
    both = [(x, y) for x, y in zip(a, b, strict=True) if x is not None and y is not None]
    if not both:
        return None
    n = len(both)
    p_o = sum(1 for x, y in both if x == y) / n
    ca, cb = Counter(x for x, _ in both), Counter(y for _, y in both)
    p_e = sum(ca[c] * cb[c] for c in ca) / (n * n)
    if p_e >= 1:
        return None
    return (p_o - p_e) / (1 - p_e)


def krippendorff_alpha(data: Mapping[str, Sequence[Hashable | None]] | Sequence[Sequence[Hashable | None]]) -> float | None:
    """Krippendorff's alpha for nominal labels: one sequence per annotator (a mapping name -> labels, or a
    list), one position per unit, None where the annotator gave no label.

    >>> krippendorff_alpha({"A": [1, 1, 0, None], "B": [1, 0, 0, 1], "C": [1, None, 0, None]})  # 1 - 7 * 2 / 32
    0.5625
    """
    rows = list(data.values()) if isinstance(data, Mapping) else list(data)
    if not rows:
        return None
    units = len(rows[0])
    if any(len(r) != units for r in rows):
        raise MediakitError("krippendorff_alpha: every annotator must have one label (or None) per unit")
    coincide: Counter[tuple[Hashable, Hashable]] = Counter()
    for u in range(units):
        values = [r[u] for r in rows if r[u] is not None]
        m = len(values)
        if m < 2:
            continue
        for i, c in enumerate(values):
            for j, k in enumerate(values):
                if i != j:
                    coincide[(c, k)] += 1 / (m - 1)
    n_c: Counter[Hashable] = Counter()
    for (c, _), v in coincide.items():
        n_c[c] += v
    n = sum(n_c.values())
    if n <= 1:
        return None
    observed = sum(v for (c, k), v in coincide.items() if c != k)
    expected = sum(n_c[c] * n_c[k] for c in n_c for k in n_c if c != k)
    if expected == 0:
        return None
    return 1 - (n - 1) * observed / expected


# --- token and speaker labels ---------------------------------------------------------------------------

def _text_and_blocks(text: str | Article | Analysis) -> tuple[str, list[tuple[int, int]]]:
    if isinstance(text, Analysis):
        text = text.article
    if isinstance(text, Article):
        spans = [s for s in text.metadata_spans if s.label in ("title", "standfirst")] + list(text.paragraphs)
        blocks = sorted((s.start, s.end) for s in spans) or [(0, len(text.source))]
        return text.source, blocks
    if not isinstance(text, str):
        raise MediakitError(f"token labels need the article text (a str, Article or Analysis), not {type(text).__name__}")
    return text, [(0, len(text))]


def token_labels(text: str | Article | Analysis, annotations: Any) -> list[int]:
    """One label per word of ``text``: 1 when the word shares a character with a marked quote, else 0.

    >>> token_labels("He said we are ready today", [(8, 20)])
    [0, 0, 1, 1, 1, 0]
    """
    source, blocks = _text_and_blocks(text)
    spans = spans_of(annotations)
    pieces = sorted(p for s in spans for p in s.pieces)
    out = []
    for bs, be in blocks:
        for m in _WORD.finditer(source, bs, be):
            ws, we = m.span()
            out.append(int(any(s < we and ws < e for s, e in pieces)))
    return out


def quote_kappa(text: str | Article | Analysis, a: Any, b: Any) -> float | None:
    """Cohen's kappa of two annotation sets over the token labels (quote or not) of ``text``.

    >>> text = "one two three four five six seven eight nine ten"
    >>> quote_kappa(text, [(0, 13), (34, 44)], [(0, 7), (34, 48)])   # 1110000110, 1100000111: (0.8 - 0.5) / 0.5
    0.6000000000000001
    """
    return cohen_kappa(token_labels(text, a), token_labels(text, b))


def quote_alpha(text: str | Article | Analysis, annotations: Mapping[str, Any]) -> float | None:
    """Krippendorff's alpha of a class's annotation sets over the token labels of ``text``."""
    return krippendorff_alpha({name: token_labels(text, ann) for name, ann in annotations.items()})


def speaker_labels(annotations: Mapping[str, Any], key: Any, *, match: str = "overlap", threshold: float = 0.5,
                   loose: bool = True) -> dict[str, list[str | None]]:
    """Each annotator's speaker label for each of the key's quotes (see the module docstring).

    >>> key = [(0, 10, "Teodora Vasko"), (20, 30, "Ivo Brand")]
    >>> speaker_labels({"ana": [(0, 10, "Vasko"), (20, 30, "the mayor")], "bo": [(1, 9, "Ms Vasko")]}, key)
    {'ana': ['Teodora Vasko', 'mayor'], 'bo': ['Teodora Vasko', None]}
    """
    ref = spans_of(key)
    out: dict[str, list[str | None]] = {}
    for name, ann in annotations.items():
        spans = spans_of(ann)
        labels: list[str | None] = [None] * len(ref)
        for i, j in _pairs(spans, ref, match, threshold):
            who = spans[i].speaker
            if not who:
                continue
            labels[j] = ref[j].speaker if same_speaker(who, ref[j].speaker, loose=loose) else normalise_speaker(who)
        out[name] = labels
    return out


def speaker_kappa(a: Any, b: Any, key: Any, **kwargs: Any) -> float | None:
    """Cohen's kappa of two annotators' speaker labels over the key's quotes (``kwargs``: as :func:`speaker_labels`)."""
    labels = speaker_labels({"a": a, "b": b}, key, **kwargs)
    return cohen_kappa(labels["a"], labels["b"])


def speaker_alpha(annotations: Mapping[str, Any], key: Any, **kwargs: Any) -> float | None:
    """Krippendorff's alpha of a class's speaker labels over the key's quotes (``kwargs``: as :func:`speaker_labels`)."""
    return krippendorff_alpha(speaker_labels(annotations, key, **kwargs))


# --- the class at a glance ------------------------------------------------------------------------------

RESULTS_SCHEMA = {
    "student": pl.Utf8, "precision": pl.Float64, "recall": pl.Float64, "f1": pl.Float64,
    "speaker_accuracy": pl.Float64, "spans": pl.Int64, "matched": pl.Int64, "key_spans": pl.Int64,
}


def class_results(annotations: Mapping[str, Any], key: Any, *, machine: Analysis | None = None,
                  match: str = "overlap", threshold: float = 0.5, loose: bool = True) -> pl.DataFrame:
    """One row per student: their annotation set scored against ``key`` (:func:`span_scores`).

    ``annotations`` maps each student's name to their annotation set (any form :func:`spans_of` reads).
    ``machine`` (an :class:`~mediakit.analysis.Analysis` of the same text) adds a row named
    ``"machine"``, last. Columns: ``student``, ``precision``, ``recall``, ``f1``, ``speaker_accuracy``
    (Float64, null when undefined), ``spans`` (quotes the student marked), ``matched``, ``key_spans``
    (Int64). Rows in the order of ``annotations``.

    >>> key = [(0, 10, "Ana"), (20, 30, "Bo")]
    >>> class_results({"kim": [(0, 10, "Ana")], "lee": [(0, 10, "Bo"), (20, 30, "Bo"), (40, 45)]}, key).rows()
    [('kim', 1.0, 0.5, 0.6666666666666666, 1.0, 1, 1, 2), ('lee', 0.6666666666666666, 1.0, 0.8, 0.5, 3, 2, 2)]
    """
    rows = []
    entries = list(annotations.items())
    if machine is not None:
        if not isinstance(machine, Analysis):
            raise MediakitError(f"machine= takes an Analysis (mediakit.analyse(...)), not {type(machine).__name__}")
        if "machine" in annotations:
            raise MediakitError("a student is called 'machine'; rename them, or leave out machine=")
        entries.append(("machine", machine))
    for name, ann in entries:
        s = span_scores(ann, key, match=match, threshold=threshold, loose=loose)
        rows.append({"student": str(name), "precision": s.precision, "recall": s.recall, "f1": s.f1,
                     "speaker_accuracy": s.speaker_accuracy, "spans": s.annotated, "matched": s.matched,
                     "key_spans": s.key})
    return pl.DataFrame(rows, schema=RESULTS_SCHEMA)
