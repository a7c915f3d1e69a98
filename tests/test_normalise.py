"""The normalised view: exact offsets both ways, and memory that does not grow with the text's length."""

from __future__ import annotations

import tracemalloc
from bisect import bisect_left

from hypothesis import given
from hypothesis import strategies as st

from mediakit.normalise import normalise
from mediakit.quotes import find_quotes

# letters, folded same-length characters, ligatures and zero-width characters, next to each other too
ALPHABET = st.sampled_from(list("ab \n\"'") + ["\u201c", "\u2014", "\ufb01", "\ufb03", "\u200b", "\ufeff", "\u00ad"])


def _reverse_by_brute_force(view, source: str) -> list[int]:
    """For each source offset, the smallest normalised offset mapping at or after it."""
    src_of = [view.to_source(i) for i in range(len(view.text) + 1)]
    return [bisect_left(src_of, s) for s in range(len(source) + 1)]


@given(st.lists(ALPHABET, max_size=40).map("".join))
def test_offsets_exact_both_ways(source: str) -> None:
    view = normalise(source)
    src_of = [view.to_source(i) for i in range(len(view.text) + 1)]
    assert src_of == sorted(src_of) and src_of[-1] == len(source)
    assert [view.to_normalised(s) for s in range(len(source) + 1)] == _reverse_by_brute_force(view, source)
    for i, ch in enumerate(view.text):  # every normalised character comes from the source character it maps to
        assert ch == normalise(source[src_of[i]]).text[:1] or source[src_of[i]] in "\ufb01\ufb03"


def test_ligature_and_zero_width_offsets() -> None:
    source = "a\ufb01b\u200bc"
    view = normalise(source)
    assert view.text == "afibc"
    assert [view.to_source(i) for i in range(6)] == [0, 1, 1, 2, 4, 5]
    assert [view.to_normalised(s) for s in range(6)] == [0, 1, 3, 4, 4, 5]
    assert normalise("plain").to_normalised(3) == 3


def _peak(fn, *args) -> int:
    tracemalloc.start()
    try:
        fn(*args)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_one_zero_width_character_does_not_multiply_memory() -> None:
    para = ('The harbour board met on Monday. "We will reopen the pier soon," said Mara Lind, the chair. '
            "Officials said the timetable would change in spring, according to a statement.")
    text = "\n\n".join([para] * 300)
    mid = len(text) // 2
    plain = _peak(find_quotes, text)
    one_zw = _peak(find_quotes, text[:mid] + "\u200b" + text[mid:])
    assert one_zw < 1.3 * plain, (plain, one_zw)
