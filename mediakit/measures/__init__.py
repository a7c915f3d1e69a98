"""Coverage measures over a corpus: who gets attention, who speaks, how, and how prominently.

Every measure is a pure function of a corpus-like object (``articles``, ``quotes``, ``actors``,
``mentions`` tables as polars DataFrames or LazyFrames; see :class:`Tables`) and returns a tidy polars
DataFrame with documented columns in a fixed row order. ``docs/measures.md`` says what each computes and
what to keep in mind when reading it.

=========================  ======================================================================
:func:`attention`          articles mentioning an actor, category or keyword per period and outlet
:func:`share_of_voice`     quotes and quoted words per speaker, category, type and/or outlet
:func:`prominence`         quoted first, in the headline, in the first paragraphs
:func:`verb_profile`       cue classes (neutral, loaded, ...) per outlet or speaker group
:func:`anonymous_rate`     share of quotes from anonymous sources, per outlet
:func:`people_quoted`      distinct people quoted per article (:func:`people_quoted_by_outlet`)
:func:`cooccurrence`       pairs of actors named in the same articles
:func:`sources_table`      per article: who is quoted, in what order, how much
=========================  ======================================================================

Agreement in the classroom (:mod:`~mediakit.measures.agreement`): students' quote annotations against a
key and each other: :func:`span_scores` (precision, recall, F1, speaker accuracy), :func:`class_results`
(one row per student, and the machine), :func:`cohen_kappa`, :func:`krippendorff_alpha` and their
token-level (:func:`quote_kappa`, :func:`quote_alpha`) and per-quote speaker forms (:func:`speaker_kappa`,
:func:`speaker_alpha`).
"""

from __future__ import annotations

from ._base import Tables, quoted_words, strip_quote_marks
from .agreement import (
    class_results,
    cohen_kappa,
    krippendorff_alpha,
    quote_alpha,
    quote_kappa,
    span_scores,
    speaker_agreement,
    speaker_alpha,
    speaker_kappa,
)
from .anonymous import anonymous_rate
from .attention import attention
from .cooccurrence import cooccurrence
from .people import people_quoted, people_quoted_by_outlet
from .prominence import prominence
from .sources import sources_table
from .verbs import verb_profile
from .voice import share_of_voice

__all__ = [
    "Tables",
    "anonymous_rate",
    "attention",
    "class_results",
    "cohen_kappa",
    "cooccurrence",
    "krippendorff_alpha",
    "people_quoted",
    "people_quoted_by_outlet",
    "prominence",
    "quote_alpha",
    "quote_kappa",
    "quoted_words",
    "share_of_voice",
    "sources_table",
    "span_scores",
    "speaker_agreement",
    "speaker_alpha",
    "speaker_kappa",
    "strip_quote_marks",
    "verb_profile",
]
