"""Sentences, paragraphs and the offset-preserving normaliser, with property tests."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mediakit.normalise import normalise
from mediakit.segment import split_paragraphs, split_sentences


def sents(t: str) -> list[str]:
    return [t[s.start : s.end] for s in split_sentences(t)]


def test_news_abbreviations() -> None:
    t = ("Mr. Hale met Ms. Ortiz and Dr. Lund at the U.N. in New York on Jan. 12. "
         "They spoke for an hour. No. 10 said nothing. The U.S. envoy, Gen. Park, left at 5 p.m. on Friday.")
    assert sents(t) == [
        "Mr. Hale met Ms. Ortiz and Dr. Lund at the U.N. in New York on Jan. 12.",
        "They spoke for an hour.",
        "No. 10 said nothing.",
        "The U.S. envoy, Gen. Park, left at 5 p.m. on Friday.",
    ]


def test_quotes_close_after_stop() -> None:
    t = "\u201cWe will build it.\u201d The minister left. \u201cWhy?\u201d she asked."
    assert sents(t) == ["\u201cWe will build it.\u201d", "The minister left.", "\u201cWhy?\u201d she asked."]


def test_paragraphs_trimmed() -> None:
    t = "  One line\nsame para\n\n\n  Two  \n"
    assert [t[p.start : p.end] for p in split_paragraphs(t)] == ["One line\nsame para", "Two"]
    assert [t[p.start : p.end] for p in split_paragraphs(t, by_line=True)] == ["One line", "same para", "Two"]


def test_normalise_keeps_offsets() -> None:
    src = "\u201cIt\u2019s done\u201d \u2014 she said\u00a0today"
    v = normalise(src)
    assert v.text == "\"It's done\" - she said today"
    assert len(v.text) == len(src)


def test_normalise_ligature_map() -> None:
    src = "o\ufb03ce\u200b hours"
    v = normalise(src)
    assert v.text == "office hours"
    i = v.text.index("hours")
    assert src[v.to_source(i) : v.to_source(i + 5)] == "hours"


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_sentence_spans_are_slices(text: str) -> None:
    spans = split_sentences(text)
    last = 0
    for s in spans:
        assert 0 <= s.start < s.end <= len(text) and s.start >= last
        assert text[s.start : s.end].strip() == text[s.start : s.end]
        last = s.end


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_paragraph_spans_are_slices(text: str) -> None:
    for by_line in (False, True):
        for s in split_paragraphs(text, by_line=by_line):
            assert 0 <= s.start < s.end <= len(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab \u201c\u201d\u2019\ufb01\ufb03\u200b\u00ad\u2014\n"))))
def test_normalise_maps_back(text: str) -> None:
    v = normalise(text)
    prev = 0
    for i in range(len(v.text) + 1):
        j = v.to_source(i)
        assert 0 <= j <= len(text) and j >= prev
        prev = j
    assert v.to_source(len(v.text)) == len(text) or not text


def test_initialism_before_quote_mark() -> None:
    t = "Officials said the U.S. \u201cclearly\u201d broke the rules. Nobody disagreed."
    assert sents(t) == ["Officials said the U.S. \u201cclearly\u201d broke the rules.", "Nobody disagreed."]


_STOP_PIECES = ["Mr", "U.S", "J", "the", "Jan", "etc", "no", "a" * 31, "caf\u00e9", "x1", "(Lee", "\n", ".", ". ",
                "? ", '" ', " ", "  ", "He", "he", "5", "Z.", "\u00c9t\u00e9"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_STOP_PIECES), max_size=14))
def test_the_word_before_a_full_stop_read_after_a_space_is_the_patterns(pieces: list[str]) -> None:
    """_is_boundary reads the word before a full stop after the last space when it is ASCII letters;
    for every candidate boundary it answers as reading it by the pattern does."""
    from mediakit import segment
    from mediakit.segment import _BOUNDARY, _is_boundary

    text = "".join(pieces)
    for m in _BOUNDARY.finditer(text):
        fast = _is_boundary(text, m.start(), m, len(text))
        # the reference: the same test with the word always read by the pattern (_word_before)
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(segment, "_stop_word", segment._word_before)
            by_pattern = _is_boundary(text, m.start(), m, len(text))
        assert fast == by_pattern
