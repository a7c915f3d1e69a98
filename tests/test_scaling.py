"""Time and memory grow with the length of the text, not its square.

No test measures time: each counts work. The calls made in each package while a text is read and
analysed must about double when the text doubles (a search per item over all the items, the way
long texts went quadratic, makes them quadruple); the limits that bound a pathological text
(``SENTENCE_WINDOW``, ``PRONOUN_LOOKBACK``) apply, are flagged, and leave normal text alone; and the
structures that replaced the scans give the same answers as the scans did.
"""

from __future__ import annotations

import random
import sys
import textwrap
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

import mediakit
from mediakit.actors import Actor, Mention
from mediakit.actors.candidates import Found as ActorsFound
from mediakit.clean import lines
from mediakit.clean.lines import make_line
from mediakit.model import Article, Span
from mediakit.quotes import find_quotes
from mediakit.quotes.document import SENTENCE_WINDOW, Document
from mediakit.quotes.followons import _Nearest
from mediakit.quotes.marks import Quotation
from mediakit.quotes.records import Found
from mediakit.quotes.result import Quote
from mediakit.speakers import index, link_quotes
from mediakit.speakers.index import Mentions

sys.path.insert(0, str(Path(__file__).resolve().parent))
import longtext  # noqa: E402

PACKAGE = Path(mediakit.__file__).resolve().parent


def _calls_by_package(run: Callable[[], object]) -> Counter[str]:
    """Python calls (generator steps included) made by ``run``, by mediakit package or module."""
    counts: Counter[str] = Counter()
    prefix = str(PACKAGE) + "/"

    def profile(frame, event, arg):  # noqa: ANN001, ANN202
        if event == "call":
            name = frame.f_code.co_filename
            if name.startswith(prefix):
                counts[name[len(prefix):].split("/")[0]] += 1

    sys.setprofile(profile)
    try:
        run()
    finally:
        sys.setprofile(None)
    return counts


@pytest.mark.parametrize("make, size", [(longtext.article, 400), (longtext.one_line, 400),
                                        (longtext.unpunctuated, 60_000)],
                         ids=["paragraphs", "one-line", "unpunctuated"])
def test_work_doubles_when_the_text_doubles(make: Callable[[int], str], size: int) -> None:
    mediakit.analyse(text=longtext.article(20))  # word lists and lexicons are read once, before counting
    small, large = make(size), make(2 * size)
    assert 1.9 < len(large) / len(small) < 2.1
    before = _calls_by_package(lambda: mediakit.analyse(text=small))
    after = _calls_by_package(lambda: mediakit.analyse(text=large))
    for package in ("actors", "quotes", "speakers", "analysis.py", "clean"):
        if before[package] > 200:
            assert after[package] / before[package] < 2.4, (package, before[package], after[package])


class _CountingStr(str):
    """A str that counts the characters its slices copy."""

    copied = 0

    def __getitem__(self, key):  # noqa: ANN001, ANN204
        out = str.__getitem__(self, key)
        if isinstance(key, slice):
            _CountingStr.copied += len(out)
        return out


def test_the_quote_finder_copies_each_character_a_few_times() -> None:
    # a one-line article is one paragraph: copying its text from the paragraph start for every
    # quotation (as continuations did) copies the article once per quotation
    text = longtext.one_line(400)
    doc = Document(text, [(0, len(text))], lambda i: text[i], False)
    doc.text, doc.masked = _CountingStr(doc.text), _CountingStr(doc.masked)
    _CountingStr.copied = 0
    assert doc.run()
    assert _CountingStr.copied < 3 * len(text), _CountingStr.copied / len(text)


# -- a sentence longer than the window -------------------------------------------------------------------


def test_a_sentence_longer_than_the_window_is_read_in_windows_and_flagged() -> None:
    text = longtext.unpunctuated(12 * SENTENCE_WINDOW) + ' and the treasurer said "we are ready for the summer"'
    notes: list[str] = []
    quotes = find_quotes(text, None, notes)
    assert len(notes) == 1 and "read in windows of 2,000 characters" in notes[0] and "SENTENCE_WINDOW" in notes[0]
    assert quotes and max(q.end - q.start for q in quotes) <= SENTENCE_WINDOW
    assert any(q.text(text) == '"we are ready for the summer"' for q in quotes)  # the last window is read too
    art = mediakit.extract(text=text)
    mediakit.analyse(art)
    mediakit.analyse(art)
    assert [f for f in art.flags if "SENTENCE_WINDOW" in f] == notes  # once, however often it is analysed


def test_sentences_within_the_window_are_read_whole() -> None:
    text = ("The treasurer of the Riverside Water Board said " + longtext.unpunctuated(SENTENCE_WINDOW - 200)
            + ", and Lena Ortiz said the repairs would wait.")
    notes: list[str] = []
    quotes = find_quotes(text, None, notes)
    assert not notes
    assert quotes[0].start < 60 and quotes[0].end > SENTENCE_WINDOW - 300  # one content across the sentence
    assert not [f for f in mediakit.analyse(text=text).article.flags if f.startswith("analysis:")]


# -- the pronoun look-back -----------------------------------------------------------------------------------


def _person(i: int, name: str, starts: list[int], gender: str | None) -> Actor:
    ms = [Mention(s, s + len(name), name, "name", "name") for s in starts]
    return Actor(f"A{i}", name, "person", mentions=ms, first_position=starts[0], gender=gender)


def test_a_pronoun_reads_back_a_bounded_number_of_mentions_and_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    # one long sentence: its subject first, then eighty names that are not its subject, then "he"
    source = "Tomas Brandt met " + "Lena Ortiz and " * 80 + "then he said it was over."
    he = source.rindex(" he ") + 1
    lena_at = [17 + 15 * i for i in range(80)]

    def link(limit: int, notes: list[str] | None = None) -> object:
        monkeypatch.setattr(index, "PRONOUN_LOOKBACK", limit)
        tomas = _person(1, "Tomas Brandt", [0], None)
        lena = _person(2, "Lena Ortiz", lena_at, None)
        quote = Quote(he + 8, len(source) - 1, "indirect", he + 3, he + 7, "said", "neutral", he, he + 2, "he",
                      "pronoun", "reported words (speaker-verb-clause)", False, "speaker-verb-clause")
        (linked,) = link_quotes(source, [quote], [tomas, lena], None, notes)
        return linked

    notes: list[str] = []
    linked = link(50, notes)
    assert linked.actor is None and "PRONOUN_LOOKBACK" in linked.how
    assert len(notes) == 1 and "PRONOUN_LOOKBACK" in notes[0]
    notes = []
    linked = link(100, notes)
    assert linked.actor is not None and linked.actor.name == "Tomas Brandt" and not notes


def test_a_pronoun_reads_back_a_bounded_number_of_paragraphs(monkeypatch: pytest.MonkeyPatch) -> None:
    # "he" after three hundred paragraphs that are each one quotation (they add no distance): the walk
    # steps over their sentences at no cost, and stops after PRONOUN_LOOKBACK paragraphs
    head = "Tomas Brandt spoke.\n\n"
    source = head + '"It rained. It rained again."\n\n' * 300 + "Then he said it was over."
    he = source.rindex(" he ") + 1
    quote = Quote(he + 8, len(source), "indirect", he + 3, he + 7, "said", "neutral", he, he + 2, "he",
                  "pronoun", "reported words (speaker-verb-clause)", False, "speaker-verb-clause")
    quoted = [Quote(s, s + 29, "direct", None, None, None, None, None, None, None, None, "x")
              for s in range(len(head), he - 10, 31)]
    assert all(source[q.start] == '"' == source[q.end - 1] for q in quoted)
    for limit, found in ((100, None), (400, "Tomas Brandt")):
        monkeypatch.setattr(index, "PRONOUN_LOOKBACK", limit)
        notes: list[str] = []
        linked = link_quotes(source, [*quoted, quote], [_person(1, "Tomas Brandt", [0], None)], None, notes)[-1]
        assert (linked.actor.name if linked.actor else None) == found
        assert bool(notes) == (found is None)


# -- the structures that replaced scans answer as the scans did -----------------------------------------------


def test_mention_index_keeps_the_order_of_one_sorted_list() -> None:
    rng = random.Random(3)
    actors = [Actor(f"A{i}", f"n{i}", "person") for i in range(5)]
    for a in actors:
        a.mentions = sorted((Mention(s, s + rng.randint(1, 4), "x", "r", "name")
                             for s in rng.sample(range(300), 25)), key=lambda m: m.start)
    mentions = Mentions(actors)
    plain = sorted(((m.start, m.end, a) for a in actors for m in a.mentions), key=lambda x: x[0])
    for _ in range(200):
        s = rng.randrange(300)
        item = (s, s + rng.randint(1, 4), rng.choice(actors))
        mentions.add(*item)
        k = next((i for i, x in enumerate(plain) if x[0] >= s), len(plain))
        plain.insert(k, item)  # what inserting at bisect_left does
        lo, hi = sorted(rng.sample(range(310), 2))
        assert mentions.starting(lo, hi) == [x for x in plain if lo <= x[0] < hi]
        for last in (1, 3, 50):
            want = [x for x in plain if lo <= x[0] < hi]
            assert mentions.last_starting(lo, hi, last) == (want[-last:], len(want) > last)
        assert list(mentions.before(hi)) == [x for x in reversed(plain) if x[0] < hi]


def test_stray_quotations_find_the_same_attribution_as_a_scan_would() -> None:
    rng = random.Random(5)
    for _ in range(200):
        here = []
        for _ in range(rng.randint(0, 12)):
            s = rng.randrange(0, 200, 2)
            here.append(Found([(s, s + rng.randint(0, 3) * 2)], "direct", None, None,
                              (0, 1) if rng.random() < 0.8 else None, "follow-on", "", 0))
        plain = [Found(list(f.pieces), f.kind, f.cue, f.entry, f.speaker, f.rule_id, f.rule, f.para) for f in here]
        nearest = None
        starts = sorted(rng.sample(range(1, 200, 2), 10))
        for qs in starts:
            q = Quotation(qs, qs + 1, [(qs, qs + 1)])
            if nearest is None:
                nearest = _Nearest(here)
            got = nearest.to(q)
            want = _scan_nearest(plain, q)
            assert (got is None) == (want is None)
            if got is not None:
                assert here.index(got) == plain.index(want)
                for f in (got, want):
                    f.pieces = sorted(f.pieces + [(q.start, q.end)])


def _scan_nearest(here: list[Found], q: object) -> Found | None:
    """The attribution a stray quotation continues, as a scan of the paragraph finds it."""
    direct = [f for f in here if f.speaker is not None]
    before = [f for f in direct if f.end <= q.start]  # type: ignore[attr-defined]
    if before:
        return max(before, key=lambda f: f.end)
    after = [f for f in direct if f.start >= q.end]  # type: ignore[attr-defined]
    return min(after, key=lambda f: f.start) if after else None


def test_a_long_text_knows_its_lower_case_words_as_a_search_would() -> None:
    words = "harbour Harbour eBay bay ferry-man ferry man co\u00bdop co op \u00e9t\u00e9 O'Brien brien".split()
    rng = random.Random(9)
    # words apart by spaces mostly, and by other white space (the text's words are read once each)
    text = "".join(rng.choice(words) + rng.choice("     \n\t\u00a0\u2003") for _ in range(20_000))
    found = ActorsFound(text, [Span(0, len(text))])
    assert len(text) > 50_000  # long enough for the one reading of the text
    for w in ("harbour", "Harbour", "bay", "ebay", "ferry", "man", "co", "op", "\u00e9t\u00e9", "brien", "o",
              "nowhere", "o'brien", "ferry-man", "co\u00bdop", "man co", "y-m"):
        assert found.seen_lower(w) == _searched(text, w.lower()), w


def _searched(text: str, w: str) -> bool:
    """Is ``w`` in ``text`` between non-letters? (the search a short text gets)"""
    return any((i == 0 or not text[i - 1].isalpha()) and (i + len(w) >= len(text) or not text[i + len(w)].isalpha())
               for i in range(len(text)) if text.startswith(w, i))


def test_hard_wrapped_lines_are_joined_in_one_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "\n".join(textwrap.wrap(longtext.unpunctuated(30_000), 72))  # every line continues the one above
    read = []

    def counting(raw: str, start: int, blank_before: bool) -> lines.Line:
        read.append(len(raw))
        return make_line(raw, start, blank_before)

    monkeypatch.setattr(lines, "make_line", counting)
    table = lines.read_lines(text)
    assert len(table) == 1 and table[0].text == text
    assert sum(read) < 3 * len(text)  # each line read once, then the joined run once (not at every join)


def test_normal_articles_are_not_flagged() -> None:
    art = mediakit.extract(text=longtext.article(60))
    mediakit.analyse(art)
    assert not [f for f in art.flags if f.startswith("analysis:")]
    assert isinstance(art, Article)


def test_a_page_of_very_many_elements_is_extracted_without_the_fallback_and_flagged(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from mediakit import html

    paras = "".join(f"<p>{p}</p>" for p in longtext.paragraphs(30))
    page = f"<html><head><title>Harbour news</title></head><body><article>{paras}</article></body></html>"
    art = mediakit.extract(page)
    assert art.paragraphs and not [f for f in art.flags if "HTML_FALLBACK_ELEMENTS" in f]
    monkeypatch.setattr(html, "HTML_FALLBACK_ELEMENTS", 20)
    art = mediakit.extract(page)
    assert art.paragraphs and [f for f in art.flags if "HTML_FALLBACK_ELEMENTS" in f]


def test_the_people_named_first_are_known_as_a_scan_would_find_them() -> None:
    from mediakit.speakers.index import MentionIndex

    rng = random.Random(7)
    source = "x" * 2000
    actors = [_person(i, f"P{i}", [rng.randrange(100, 1900)], None) for i in range(1, 30)]
    linker = MentionIndex(source, [], list(actors), None)
    items: list[Actor] = []
    for step in range(300):
        if actors and rng.random() < 0.3:
            items.append(actors.pop())  # the list grows at its end
        if items and rng.random() < 0.2:  # a mention added before an actor's first moves it earlier
            a = rng.choice(items)
            s = rng.randrange(0, 2000)
            linker.add_mention(a, s, s + 1, "r", "pronoun")
        pos = rng.randrange(0, 2000)
        for k in (2, 3):
            got = linker.named_before(("test", k), items, pos, k)
            before = sorted((a for a in items if a.first_position < pos), key=lambda a: a.first_position)
            assert len(got) == min(k, len(before)), step
            assert sorted(a.first_position for a in got) == [a.first_position for a in before[:k]]


def test_a_huge_attribute_is_emptied_before_extraction_and_flagged() -> None:
    text = " ".join(longtext.paragraphs(3))
    page = f"<html><body><!-- a comment --><p class='{'x' * 20_000}'>{text}</p></body></html>"
    art = mediakit.extract(page)
    assert art.body.strip() == text and [f for f in art.flags if "HTML_ATTRIBUTE_CHARS" in f]
    art = mediakit.extract(page.replace("x" * 20_000, "story"))
    assert art.body.strip() == text and not [f for f in art.flags if "HTML_" in f]
