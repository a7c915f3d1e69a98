"""Agreement measures (mediakit.measures.agreement): every figure below is worked out by hand in the comment
beside it, from the definitions in the module docstring; one published value (Krippendorff's own worked
example) checks alpha with missing data and five labels."""

from __future__ import annotations

from fractions import Fraction

import polars as pl
import pytest

import mediakit
from mediakit.datasets import load_corpus
from mediakit.errors import MediakitError
from mediakit.measures import agreement as ag
from mediakit.measures import class_results, cohen_kappa, krippendorff_alpha, span_scores
from mediakit.model import Article, Span

KEY = [(0, 10, "Ana Lind"), (20, 30, "Bo Ek"), (40, 50, "Cy Moe")]


def close(value: float | None, exact: Fraction | float) -> bool:
    return value is not None and abs(value - float(exact)) < 1e-12


# --- span matching and scores ------------------------------------------------------------------------------

def test_overlap_and_jaccard_by_hand() -> None:
    marked = [(2, 10, "Lind"), (21, 25, "Cy Moe"), (60, 70, "Di")]
    # overlap: (2,10)~(0,10) and (21,25)~(20,30) pair; (60,70) finds nothing. m=2, |A|=|K|=3
    s = span_scores(marked, KEY)
    assert (s.annotated, s.key, s.matched) == (3, 3, 2)
    assert close(s.precision, Fraction(2, 3)) and close(s.recall, Fraction(2, 3)) and close(s.f1, Fraction(4, 6))
    # speakers over the 2 pairs: "Lind" is Ana Lind's surname (agrees), "Cy Moe" is not Bo Ek
    assert (s.speaker_pairs, s.speakers_agreed) == (2, 1) and s.speaker_accuracy == 0.5
    assert s.pairs == ((0, 0), (1, 1))
    # Jaccard: (2,10) vs (0,10) = 8/10 >= 0.5; (21,25) vs (20,30) = 4/10 < 0.5. m=1
    s = span_scores(marked, KEY, match="jaccard")
    assert s.matched == 1 and close(s.precision, Fraction(1, 3)) and close(s.f1, Fraction(2, 6))
    assert s.speaker_accuracy == 1.0


def test_jaccard_threshold_is_inclusive() -> None:
    # (0,10) vs (0,20): 10 shared / 20 in the union = 0.5 exactly
    assert span_scores([(0, 10)], [(0, 20)], match="jaccard").matched == 1
    assert span_scores([(0, 10)], [(0, 20)], match="jaccard", threshold=0.51).matched == 0


def test_pairing_finds_the_most_pairs() -> None:
    # a0=(0,12) overlaps k0=(0,10) (J=10/12) and k1=(10,30) (J=2/30); a1=(2,8) overlaps only k0 (J=6/10).
    # Pairing a0 with its best key k0 would leave a1 alone; the maximum matching is a0-k1, a1-k0.
    s = span_scores([(0, 12), (2, 8)], [(0, 10), (10, 30)])
    assert s.matched == 2 and s.pairs == ((0, 1), (1, 0))
    assert s.precision == s.recall == s.f1 == 1.0


def test_one_key_span_is_found_once() -> None:
    # two marks inside one key quote: one pair; P = 1/2, R = 1/1, F1 = 2*1/(2+1)
    s = span_scores([(0, 4), (5, 10)], [(0, 10)])
    assert s.matched == 1 and s.precision == 0.5 and s.recall == 1.0 and close(s.f1, Fraction(2, 3))


def test_interrupted_key_quote_counts_its_pieces() -> None:
    # the gold's content_ranges: (0,30) is two pieces (0,10)+(20,30) with the cue between them.
    # (0,10) vs the pieces: 10 shared / 20 in the union = 0.5; vs (0,30) as one span it would be 10/30.
    key = pl.DataFrame({"content_start": [0], "content_end": [30], "content_ranges": [[[0, 10], [20, 30]]],
                        "speaker": ["Ana"]})
    assert span_scores([(0, 10)], key, match="jaccard").matched == 1
    assert span_scores([(0, 10)], [(0, 30)], match="jaccard").matched == 0


def test_empty_sets() -> None:
    s = span_scores([], KEY)
    assert (s.precision, s.recall, s.f1, s.speaker_accuracy) == (None, 0.0, 0.0, None)
    s = span_scores([(0, 5)], [])
    assert (s.precision, s.recall, s.f1) == (0.0, None, 0.0)
    s = span_scores([], [])
    assert (s.precision, s.recall, s.f1) == (None, None, None)


def test_speaker_accuracy_rules() -> None:
    key = [(0, 10, "Teodora Vasko"), (20, 30, None), (40, 50, "Ivo Brand")]
    # pair 1 agrees loosely ("Ms Vasko": title dropped, surname); pair 2 has no key speaker (not judged);
    # pair 3 has no speaker given (wrong). 1 of 2 judged
    marked = [(0, 10, "Ms Vasko"), (20, 30, "someone"), (40, 50, None)]
    s = span_scores(marked, key)
    assert (s.speaker_pairs, s.speakers_agreed, s.speaker_accuracy) == (2, 1, 0.5)
    assert span_scores(marked, key, loose=False).speaker_accuracy == 0.0
    assert ag.speaker_agreement(marked, key) == 0.5


def test_same_speaker() -> None:
    assert ag.same_speaker("the Harbour Board", "Harbour board")
    assert ag.same_speaker("Lena Ortiz’s", "lena ortiz's")
    assert not ag.same_speaker("Lena", "Lena Ortiz")          # a first name is not a surname
    assert not ag.same_speaker("Ortiz", "Lena Ortiz", loose=False)
    assert not ag.same_speaker("", "Lena Ortiz") and not ag.same_speaker(None, "x")


def test_bad_input_is_a_mediakit_error() -> None:
    for bad in ([(5, 5)], [(-1, 3)], [("a", "b")], [(1, 2, 3, 4)], "0 10", 42, [{"begin": 0}], [(0, 4, 7)]):
        with pytest.raises(MediakitError):
            span_scores(bad, KEY)
    with pytest.raises(MediakitError, match="one doc"):
        span_scores(pl.DataFrame({"doc": ["a", "b"], "start": [0, 1], "end": [2, 3]}), KEY)
    with pytest.raises(MediakitError, match="start/end"):
        span_scores(pl.DataFrame({"from": [0]}), KEY)
    with pytest.raises(MediakitError, match="match must be"):
        span_scores(KEY, KEY, match="exact")
    with pytest.raises(MediakitError, match="threshold"):
        span_scores(KEY, KEY, match="jaccard", threshold=0)


# --- kappa and alpha -------------------------------------------------------------------------------------

def test_cohen_kappa_by_hand() -> None:
    # p_o = 8/10; each annotator says 1 four times in ten: p_e = .4*.4 + .6*.6 = .52; (0.8-0.52)/0.48
    a = [1, 1, 0, 0, 1, 0, 0, 0, 1, 0]
    b = [1, 0, 0, 0, 1, 0, 0, 1, 1, 0]
    assert close(cohen_kappa(a, b), (Fraction(8, 10) - Fraction(52, 100)) / Fraction(48, 100))
    # units missing a label are left out: the same figure
    assert close(cohen_kappa([*a, None, 1], [*b, 0, None]), Fraction(7, 12))
    assert cohen_kappa(["x", "y", "x"], ["x", "y", "x"]) == 1.0
    assert cohen_kappa(["x", "x"], ["x", "x"]) is None       # p_e = 1: undefined
    assert cohen_kappa([None], [1]) is None
    # three labels: p_o = 3/4; p_a = (2/4, 1/4, 1/4) for (a, b, c), p_b = (1/4, 2/4, 1/4): p_e = 2/16+2/16+1/16
    assert close(cohen_kappa(list("aabc"), list("abbc")), (Fraction(3, 4) - Fraction(5, 16)) / (1 - Fraction(5, 16)))
    with pytest.raises(MediakitError):
        cohen_kappa([1, 0], [1])


def test_krippendorff_alpha_by_hand() -> None:
    # units: (1,1,1) adds o11 = 3; (1,0) adds o10 = o01 = 1; (0,0,0) adds o00 = 3; (1) alone is not pairable.
    # n1 = n0 = 4, n = 8: alpha = 1 - (n-1) * (o10+o01) / (2*n1*n0) = 1 - 7*2/32
    data = {"A": [1, 1, 0, None], "B": [1, 0, 0, 1], "C": [1, None, 0, None]}
    assert close(krippendorff_alpha(data), 1 - Fraction(7 * 2, 32))
    assert krippendorff_alpha(list(data.values())) == krippendorff_alpha(data)
    assert krippendorff_alpha({"A": [1, 0, 1], "B": [1, 0, 1]}) == 1.0
    assert krippendorff_alpha({"A": [1, 1], "B": [1, 1]}) is None       # one label throughout: D_e = 0
    assert krippendorff_alpha({"A": [1, None], "B": [None, 0]}) is None  # nothing pairable
    assert krippendorff_alpha({}) is None
    with pytest.raises(MediakitError):
        krippendorff_alpha({"A": [1, 0], "B": [1]})


def test_krippendorff_alpha_published_example() -> None:
    # K. Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability": 4 observers, 12 units, missing
    # values; the nominal alpha given there is 0.743
    n = None
    data = {"A": [1, 2, 3, 3, 2, 1, 4, 1, 2, n, n, n], "B": [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, n, 3],
            "C": [n, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, n], "D": [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, n]}
    assert round(krippendorff_alpha(data), 3) == 0.743


# --- token and speaker labels ------------------------------------------------------------------------------

TEXT6 = "one two three four five six"


def test_token_labels_kappa_alpha_by_hand() -> None:
    a, b, c = [(0, 13)], [(4, 13)], [(0, 7)]
    assert ag.token_labels(TEXT6, a) == [1, 1, 1, 0, 0, 0]
    assert ag.token_labels(TEXT6, b) == [0, 1, 1, 0, 0, 0]
    assert ag.token_labels(TEXT6, [(5, 6)]) == [0, 1, 0, 0, 0, 0]  # one character of "two" is enough
    # a vs b: p_o = 5/6; p_a(1) = 3/6, p_b(1) = 2/6: p_e = 3/6*2/6 + 3/6*4/6 = 1/2; kappa = (5/6-1/2)/(1/2)
    assert close(ag.quote_kappa(TEXT6, a, b), Fraction(2, 3))
    # alpha over a, b, c: token 1 (1,0,1): o11 += 1, o10 = o01 += 1; token 2 (1,1,1): o11 += 3;
    # token 3 (1,1,0): o11 += 1, o10 = o01 += 1; tokens 4-6 (0,0,0): o00 += 9.
    # n1 = 7, n0 = 11, n = 18: alpha = 1 - 17 * 4 / (2 * 7 * 11)
    assert close(ag.quote_alpha(TEXT6, {"a": a, "b": b, "c": c}), 1 - Fraction(17 * 4, 154))


def test_token_labels_read_only_the_article() -> None:
    text = "Pier opens\n\nSubscribe now\n\nIt opens today."
    art = Article(text, paragraphs=[Span(27, 42, "paragraph")], metadata_spans=[Span(0, 10, "title")],
                  removed=[Span(12, 25, "promo")])
    assert ag.token_labels(art, [(27, 29)]) == [0, 0, 1, 0, 0]   # Pier opens | It opens today
    assert ag.token_labels(text, [(27, 29)]) == [0, 0, 0, 0, 1, 0, 0]


def test_speaker_labels_kappa_alpha_by_hand() -> None:
    notes = {
        "s1": [(0, 10, "Lind"), (20, 30, "Bo Ek"), (40, 50, "Cy Moe")],   # all right ("Lind": a surname)
        "s2": [(0, 10, "Ana Lind"), (20, 30, "Cy Moe")],                    # quote 2 given to Cy Moe, quote 3 missed
        "s3": [(1, 9, "Ms Lind"), (22, 28, "Bo Ek")],                       # quote 3 missed
    }
    labels = ag.speaker_labels(notes, KEY)
    assert labels == {"s1": ["Ana Lind", "Bo Ek", "Cy Moe"], "s2": ["Ana Lind", "cy moe", None],
                      "s3": ["Ana Lind", "Bo Ek", None]}
    # s1 vs s3: units 1-2 agree, p_e = 1/2: kappa 1. s1 vs s2: p_o = 1/2, p_e = 1/4: kappa (1/2-1/4)/(3/4)
    assert ag.speaker_kappa(notes["s1"], notes["s3"], KEY) == 1.0
    assert close(ag.speaker_kappa(notes["s1"], notes["s2"], KEY), Fraction(1, 3))
    # alpha: unit 1 (A,A,A) o_AA = 3; unit 2 (B,C,B): o_BB = 1, o_BC = o_CB = 1; unit 3 one label only.
    # n_A = 3, n_B = 2, n_C = 1, n = 6: alpha = 1 - 5 * 2 / (2 * (3*2 + 3*1 + 2*1))
    assert close(ag.speaker_alpha(notes, KEY), 1 - Fraction(10, 22))


# --- the class at a glance -----------------------------------------------------------------------------------

def test_class_results_by_hand() -> None:
    notes = {"kim": [(0, 10, "Ana Lind")], "lee": [(0, 10, "Bo Ek"), (20, 30, "Bo Ek"), (60, 65)], "max": []}
    df = class_results(notes, KEY)
    assert df.columns == ["student", "precision", "recall", "f1", "speaker_accuracy", "spans", "matched", "key_spans"]
    assert df.schema["precision"] == pl.Float64 and df.schema["spans"] == pl.Int64
    kim, lee, mx = df.rows(named=True)
    # kim: 1 pair of 1 marked, 3 key: P 1, R 1/3, F1 2/4; speaker right
    assert (kim["precision"], kim["speaker_accuracy"], kim["matched"]) == (1.0, 1.0, 1)
    assert close(kim["recall"], Fraction(1, 3)) and kim["f1"] == 0.5
    # lee: 2 pairs, 3 marked, 3 key: P = R = F1 = 2/3; one speaker of two right
    assert close(lee["f1"], Fraction(2, 3)) and lee["speaker_accuracy"] == 0.5
    assert mx["precision"] is None and mx["recall"] == 0.0 and mx["speaker_accuracy"] is None
    assert class_results(notes, KEY, match="jaccard")["matched"].to_list() == [1, 2, 0]


def test_class_results_machine_row_on_the_teaching_corpus() -> None:
    corpus = load_corpus()
    doc = "courier-2026-03-02-dam-plan-unveiled"
    text = corpus.text(doc)
    gold = corpus.gold(doc)
    machine = mediakit.analyse(text=text)          # the same text as the key's offsets
    first_half = gold.head(gold.height // 2)
    df = class_results({"perfect": gold, "half": first_half}, gold, machine=machine)
    assert df["student"].to_list() == ["perfect", "half", "machine"]
    perfect, half, bot = df.rows(named=True)
    assert (perfect["precision"], perfect["recall"], perfect["f1"], perfect["speaker_accuracy"]) == (1.0, 1.0, 1.0, 1.0)
    assert half["precision"] == 1.0 and close(half["recall"], Fraction(gold.height // 2, gold.height))
    assert bot["spans"] == len(machine.quotes) and bot["key_spans"] == gold.height
    assert bot["f1"] > 0.6 and bot["speaker_accuracy"] > 0.6
    with pytest.raises(MediakitError, match="machine"):
        class_results({"machine": gold}, gold, machine=machine)
    with pytest.raises(MediakitError, match="Analysis"):
        class_results({"a": gold}, gold, machine=gold)  # type: ignore[arg-type]


def test_spans_of_reads_every_form() -> None:
    an = mediakit.analyse(text='"The pier is safe," said Lena Ortiz.')
    (q,) = an.quotes
    expected = [ag.QuoteSpan(q.quote.start, q.quote.end, "Lena Ortiz")]
    assert ag.spans_of(an) == expected
    assert ag.spans_of(pl.DataFrame(an.quote_rows("p"))) == expected
    assert ag.spans_of(pl.DataFrame(an.quote_rows("p")).lazy()) == expected
    assert ag.spans_of([{"start": q.quote.start, "end": q.quote.end, "speaker": "Lena Ortiz"}]) == expected

    class Marks:
        annotations = pl.DataFrame({"start": [q.quote.start], "end": [q.quote.end], "speaker": ["Lena Ortiz"]})

    assert ag.spans_of(Marks()) == expected
    assert ag.spans_of(None) == []
