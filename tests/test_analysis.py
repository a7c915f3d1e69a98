"""The stage-two front door: quotes linked to actors, records, rows and frames (invented text)."""

from __future__ import annotations

import json

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mediakit import extract
from mediakit.analysis import ACTOR_ROW_KEYS, QUOTE_ROW_KEYS, Analysis, analyse
from mediakit.codebook import Codebook
from mediakit.errors import EngineError
from mediakit.model import Article, Span
from mediakit.tables import actors_frame, mentions_frame, quotes_frame

STORY = (
    "Port Avel reopens its harbour after storm\n\n"
    "Ms Lena Ortiz, spokeswoman for the Avel Harbour Board, said the north pier was safe again.\n\n"
    "\u201cWe checked every bolt twice,\u201d she said.\n\n"
    "\u201cNobody will sail before the inspectors are happy.\u201d\n\n"
    "Harbour master Tomasz Wren said the storm had cost the port three weeks of trade. "
    "\u201cIt was the worst I have seen,\u201d he added.\n\n"
    "Sources said the board had asked Valdoria for emergency funds, but Valdoria insisted the port pay its own way, "
    "the sources said.\n\n"
    "The harbour master said he expected the first ferry on Monday."
)


def article(text: str = STORY, id: str = "avel-1") -> Article:
    paras = []
    pos = 0
    for block in text.split("\n\n"):
        start = text.index(block, pos)
        paras.append(Span(start, start + len(block), "paragraph"))
        pos = start + len(block)
    art = Article(source=text, id=id)
    art.title = text[paras[0].start : paras[0].end]
    art.metadata_spans = [Span(paras[0].start, paras[0].end, "title", "first line")]
    art.paragraphs = paras[1:]
    return art


def speaker_of(an: Analysis, phrase: str) -> str | None:
    hits = [q for q in an.quotes if phrase in an.article.source[q.quote.start : q.quote.end]]
    assert hits, f"no quote contains {phrase!r}"
    return hits[0].speaker


@pytest.fixture(scope="module")
def an() -> Analysis:
    return analyse(article())


def test_speakers_are_canonical_actor_names(an: Analysis) -> None:
    assert speaker_of(an, "north pier") == "Lena Ortiz"
    assert speaker_of(an, "every bolt") == "Lena Ortiz"  # "she said"
    assert speaker_of(an, "Nobody will sail") == "Lena Ortiz"  # follow-on paragraph
    assert speaker_of(an, "worst I have seen") == "Tomasz Wren"  # "he added"


def test_pronoun_rule_says_how_it_was_resolved(an: Analysis) -> None:
    q = [q for q in an.quotes if "every bolt" in an.article.source[q.quote.start : q.quote.end]][0]
    assert "'she' resolved to Lena Ortiz" in q.rule
    assert q.rule.startswith(q.quote.rule)


def test_anonymous_speaker(an: Analysis) -> None:
    assert speaker_of(an, "emergency funds") == "sources"
    sources = [a for a in an.actors if a.name == "sources"][0]
    assert sources.type == "anonymous"


def test_capital_speaker_is_its_country_when_listed() -> None:
    text = "Title line\n\nOttawa insisted the port pay its own way, officials said."
    an = analyse(article(text))
    assert any(q.speaker in ("Canada", "officials") for q in an.quotes)
    assert "Canada" in {a.name for a in an.actors}


def test_role_description_speaker_goes_to_the_role_holder(an: Analysis) -> None:
    assert speaker_of(an, "first ferry") == "Tomasz Wren"


def test_quote_rows_have_exactly_the_documented_keys(an: Analysis) -> None:
    rows = an.quote_rows("avel-1")
    assert rows and all(tuple(r) == QUOTE_ROW_KEYS for r in rows)
    src = an.article.source
    for r in rows:
        assert src[r["start"] : r["end"]] == r["text"]
        assert r["doc"] == "avel-1"


def test_actor_rows(an: Analysis) -> None:
    rows = an.actor_rows("avel-1")
    assert all(tuple(r) == ACTOR_ROW_KEYS for r in rows)
    ortiz = [r for r in rows if r["name"] == "Lena Ortiz"][0]
    assert ortiz["type"] == "person"
    assert ortiz["role"] == "spokeswoman"
    assert ortiz["affiliation"] == "Avel Harbour Board"
    assert ortiz["mentions"] >= 2


def test_record_is_json_ready_and_extends_the_extract_record(an: Analysis) -> None:
    rec = json.loads(json.dumps(an.to_record()))
    assert rec["title"] == "Port Avel reopens its harbour after storm"
    assert {"actors", "quotes", "paragraphs", "removed"} <= set(rec)
    assert all("speaker" in q for q in rec["quotes"])
    assert all(set(a) >= {"name", "type", "role", "mentions"} for a in rec["actors"])


def test_ids_are_in_order_of_first_mention(an: Analysis) -> None:
    assert [a.id for a in an.actors] == [f"A{i}" for i in range(1, len(an.actors) + 1)]
    assert [a.first_position for a in an.actors] == sorted(a.first_position for a in an.actors)


def test_boilerplate_outside_kept_spans_is_ignored() -> None:
    text = "Storm closes port\n\nSponsored: Gravel Motors cuts prices\n\nThe port stayed shut, Ms Ada Kline said."
    art = article(text)
    art.paragraphs = [p for p in art.paragraphs if "Gravel" not in text[p.start : p.end]]
    names = {a.name for a in analyse(art).actors}
    assert "Gravel Motors" not in names and "Ada Kline" in names


def test_codebook_sets_categories_and_accepts_a_path(tmp_path) -> None:
    book = Codebook({"port": {"patterns": ["(?i)harbour"]}, "anonymous": {"types": ["anonymous"]}})
    an = analyse(article(), codebook=book)
    cats = {a.name: a.category for a in an.actors}
    assert cats["Avel Harbour Board"] == "port"
    assert cats["sources"] == "anonymous"
    assert cats["Lena Ortiz"] == "unmapped"
    path = tmp_path / "book.yaml"
    path.write_text("categories:\n  people:\n    types: [person]\n")
    an2 = analyse(article(), codebook=str(path))
    assert {a.category for a in an2.actors if a.type == "person"} == {"people"}


def test_unknown_engine() -> None:
    with pytest.raises(EngineError):
        analyse(article(), engine="magic")


def test_frames() -> None:
    ans = [analyse(article()), analyse(article(id="avel-2"))]
    q = quotes_frame(ans)
    assert q.columns == list(QUOTE_ROW_KEYS)
    assert set(q["doc"].unique()) == {"avel-1", "avel-2"}
    a = actors_frame(ans)
    assert a.columns == list(ACTOR_ROW_KEYS)
    assert a.schema["roles"] == pl.List(pl.Utf8)
    m = mentions_frame(ans)
    assert m.height == sum(len(x.mentions) for an in ans for x in an.actors)
    joined = q.join(a, left_on=["doc", "speaker"], right_on=["doc", "name"], how="left")
    assert joined.filter(pl.col("speaker") == "Lena Ortiz")["type"].to_list()[0] == "person"


def test_frames_of_nothing_keep_their_columns() -> None:
    empty = analyse(article("Just a title"))
    assert quotes_frame([empty]).columns == list(QUOTE_ROW_KEYS)
    assert quotes_frame([]).height == 0
    assert actors_frame([]).columns == list(ACTOR_ROW_KEYS)
    assert mentions_frame(empty).height == 0


def test_no_quote_is_lost_and_unlinked_ones_say_why() -> None:
    text = "Title\n\nThe bridge is said to be unsafe. \u201cWe will see,\u201d I said."
    an = analyse(article(text))
    for q in an.quotes:
        if q.speaker is None:
            assert "speaker" in q.rule or "no speaker" in q.rule


def test_the_garbage_collector_is_as_it_was_after_an_analysis() -> None:
    """analyse() pauses the cyclic collector while it runs (its many short-lived objects free themselves),
    and leaves it as it found it: enabled, disabled, or after an analysis that raised."""
    import gc

    from mediakit import budget

    art = extract(text='"The pier reopens on Monday," said Mayor Lena Ortiz. The board agreed.')
    assert gc.isenabled()
    analyse(art)
    assert gc.isenabled()
    gc.disable()
    try:
        analyse(art)
        assert not gc.isenabled()
    finally:
        gc.enable()
    with budget.within(1e-9), pytest.raises(budget.BudgetExceeded):
        analyse(art)
    assert gc.isenabled()


# characters the word count's fast path reads differently: ASCII word characters, punctuation and spaces,
# \x1c-\x1f (spaces to \s and str.split), the marks and spaces it replaces, and others it leaves to the pattern
_COUNT_CHARS = list("ab_9 .,-'\"()\t\n\x0b\x1c\x1f\u00a0\u2009\u202f\u3000\u2028\u0085\u200b\u201c\u201d\u2018\u2019"
                    "\u2014\u2013\u2026\u2015\u00e9\u0303\u4e2d\u00b2\u00a7")


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(_COUNT_CHARS), max_size=60) | st.text(max_size=60), st.data())
def test_word_count_is_the_patterns(text: str, data: st.DataObject) -> None:
    from mediakit.analysis import _WORD, _word_count

    s = data.draw(st.integers(0, len(text)))
    e = data.draw(st.integers(s, len(text)))
    assert _word_count(text, s, e) == len(_WORD.findall(text, s, e))
