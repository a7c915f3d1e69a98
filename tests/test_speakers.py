"""Who speaks, by name: the speaker linker on invented sentences (heads, pronouns, role nouns,
documents, unnamed speakers)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mediakit.analysis import Analysis, analyse
from mediakit.model import Article, Span


def article(text: str) -> Article:
    paras = []
    pos = 0
    for block in text.split("\n\n"):
        start = text.index(block, pos)
        paras.append(Span(start, start + len(block), "paragraph"))
        pos = start + len(block)
    return Article(source=text, paragraphs=paras)


def speaker(an: Analysis, phrase: str) -> tuple[str | None, str | None, str]:
    hits = [q for q in an.quotes if phrase in an.article.source[q.quote.start : q.quote.end]]
    assert hits, f"no quote holds {phrase!r}: {[an.article.source[q.quote.start:q.quote.end] for q in an.quotes]}"
    q = hits[0]
    return q.speaker, q.speaker_type, q.resolution


# -- the head of the speaker phrase -------------------------------------------------------------------


def test_the_head_is_the_last_name_of_the_phrase_not_a_name_before_it() -> None:
    an = analyse(article(
        "Unity Party running mate Gov. Ana Ruiz told reporters the count was fair.\n\n"
        "Harbour Board chairman Tomas Weller said the pier would reopen."))
    assert speaker(an, "the count was fair")[0] == "Ana Ruiz"
    assert speaker(an, "the pier would reopen")[0] == "Tomas Weller"


def test_an_apposition_does_not_make_its_names_the_speaker() -> None:
    an = analyse(article(
        "Senator Rhea Lind lost the vote.\n\n"
        "Harbour Watch, the main pro-Lind group, said that the election was stolen.\n\n"
        "Dara Quinlan, a translator who works for the Halden Port Authority, said the offices were closed."))
    name, typ, _ = speaker(an, "the election was stolen")
    assert (name, typ) == ("Harbour Watch", "organisation")
    assert speaker(an, "the offices were closed")[0] == "Dara Quinlan"


def test_aides_a_campaign_or_an_office_are_their_own_actor_affiliated_with_the_name() -> None:
    an = analyse(article(
        "Senator Rhea Lind said the bill was dead.\n\n"
        "Lind aides said the senator would vote against it on Friday.\n\n"
        "The Lind campaign said it had raised four million."))
    assert speaker(an, "the bill was dead")[0] == "Rhea Lind"
    aides = [a for a in an.actors if a.name == "Lind aides"]
    assert aides and aides[0].type == "group" and aides[0].affiliation == "Rhea Lind"
    assert speaker(an, "would vote against it")[0] == "Lind aides"
    name, typ, _ = speaker(an, "raised four million")
    assert (name, typ) == ("Lind campaign", "organisation")


def test_a_name_in_apposition_to_a_role_is_the_speaker() -> None:
    an = analyse(article("Lind's agent, Rafe Moss, said the contract was signed on Monday."))
    assert speaker(an, "the contract was signed")[0] == "Rafe Moss"


# -- pronouns -------------------------------------------------------------------------------------------


def test_pronoun_prefers_the_subject_of_the_sentence_before_to_a_nearer_name() -> None:
    an = analyse(article(
        "Mira Castell, an economist, said rents were rising.\n\n"
        "Castell cited an idea from Pavel Orr, the head of the Halden Institute, on basement flats.\n\n"
        "\u201cWhen you add no supply, everyone moves down a step,\u201d she said."))
    assert speaker(an, "everyone moves down")[:3] == ("Mira Castell", "person", "pronoun")


def test_pronoun_skips_names_inside_quotations_possessives_and_subordinate_clauses() -> None:
    an = analyse(article(
        "Asked what he would tell Mayor Ivo Brandt about the shelters, Dennis Hale paused.\n\n"
        "\u201cJust listen to us,\u201d he said. \u201cBrandt knows.\u201d\n\n"
        "Although Brandt had promised more beds, the Brandt government cut the budget, Hale said.\n\n"
        "\u201cWe are still waiting,\u201d he added."))
    assert speaker(an, "Just listen")[0] == "Dennis Hale"
    assert speaker(an, "We are still waiting")[0] == "Dennis Hale"


def test_pronoun_uses_gender_only_where_the_text_states_it() -> None:
    an = analyse(article(
        "Mr Joran Pell said the hall was full. Dana Krell, who chairs the council, said the vote was close.\n\n"
        "\u201cWe counted twice,\u201d she said."))
    assert speaker(an, "counted twice")[0] == "Dana Krell"
    an = analyse(article(
        "Dana Krell said the vote was close, and Mr Joran Pell said the hall was full.\n\n"
        "\u201cWe counted twice,\u201d she said."))
    assert speaker(an, "counted twice")[0] == "Dana Krell"  # a "she" never goes to a "Mr"


def test_they_goes_to_the_group_subject_of_its_own_sentence() -> None:
    an = analyse(article(
        "Officials met the union on Monday. Republican senators are eager to vote, and they say the "
        "bill will pass."))
    assert speaker(an, "the bill will pass")[0] == "Republican senators"


# -- role nouns and shared names ----------------------------------------------------------------------


def test_a_role_noun_never_goes_to_a_holder_named_later_or_an_indefinite_one() -> None:
    an = analyse(article(
        "A spokeswoman said the port was closed.\n\n"
        "Later, Irena Vos, a spokeswoman for the Halden Rail Company, said the trains were running."))
    name, typ, how = speaker(an, "the port was closed")
    assert name != "Irena Vos" and typ == "anonymous" and how == "unnamed"


def test_kinship_words_are_not_joined_to_a_person_by_role() -> None:
    an = analyse(article(
        "Okafor's father, Joseph, says his son loved the city.\n\n"
        "At the morgue, a family waited for news. \u201cHe is gone,\u201d the father repeated."))
    name, typ, _ = speaker(an, "He is gone")
    assert name == "father" and typ == "anonymous"


def test_an_age_description_goes_to_the_subject_before_it() -> None:
    an = analyse(article(
        "Niels Aaberg, 26, has four goals since the trade. The 26-year-old right wing said his new "
        "teammates were creating chances."))
    assert speaker(an, "creating chances")[:3:2] == ("Niels Aaberg", "description")


# -- speakers that are not named people ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phrase", "expected", "typ"),
    [
        ("A bartender who did not give her name said the bar had closed early.", "the bar had closed", "bartender", "anonymous"),
        ("City staff said the rink would close in May.", "the rink would close", "staff", "group"),
        ("The military said it was sending troops to the coast.", "sending troops", "military", "organisation"),
        ("Refugee advocates say the rules are too strict.", "the rules are too strict", "Refugee advocates", "group"),
    ],
)
def test_unnamed_speakers_become_actors_described_by_their_words(text: str, phrase: str, expected: str, typ: str) -> None:
    name, got_typ, how = speaker(analyse(article(text)), phrase)
    assert (name, got_typ, how) == (expected, typ, "unnamed")


def test_documents_go_to_their_owner_when_the_text_says_whose() -> None:
    an = analyse(article(
        "Minister Shona Pryce visited the flooded valley on Tuesday.\n\n"
        "\u201cI have heard stories of families afraid to go home,\u201d her statement read.\n\n"
        "A statement from the Halden Port Authority said the quay would reopen.\n\n"
        "Economist Piet Varga wrote in a recent report for the Halden Institute that spending had stalled.\n\n"
        "Since 2016, spending has risen only 8 per cent, the report said.\n\n"
        "The aid group Larkspur said its director had died. A statement said the group was shocked."))
    assert speaker(an, "afraid to go home")[:3:2] == ("Shona Pryce", "document")
    assert speaker(an, "the quay would reopen")[0] == "Halden Port Authority"
    assert speaker(an, "risen only 8 per cent")[0] == "Piet Varga"
    assert speaker(an, "was shocked")[0] == "Larkspur"


def test_a_document_with_no_owner_in_the_text_has_no_speaker() -> None:
    an = analyse(article("Rain fell all week. According to the preliminary findings, most shelters are full."))
    name, _typ, how = speaker(an, "most shelters are full")
    assert name is None and how == "none"


def test_a_country_that_speaks_is_typed_as_an_organisation() -> None:
    an = analyse(article("Norway said the talks would resume in Oslo next week."))
    name, typ, _ = speaker(an, "the talks would resume")
    assert (name, typ) == ("Norway", "organisation")


def test_a_coordinated_speaker_speaks_through_its_first_named_conjunct() -> None:
    an = analyse(article(
        "Norway and some of its allies - including Iceland and Finland - said they would not send envoys."))
    assert speaker(an, "would not send envoys")[0] == "Norway"


# -- the researcher's columns --------------------------------------------------------------------------


def test_quote_rows_carry_the_speaker_columns_and_actor_rows_count_quotes() -> None:
    text = ("Ferry will run, mayor says\n\n"
            "Ms Lena Ortiz, the mayor, said the ferry would run in June.\n\n"
            "\u201cWe have waited long enough,\u201d she said. \u201cThe island needs it.\u201d\n\n"
            "Tomas Weller said the fares would rise.\n\n"
            "Crowds wait at the pier. (Idris Mabeko/The Valley Press)")
    art = article(text)
    art.metadata_spans = [Span(0, 26, "title")]
    art.paragraphs = art.paragraphs[1:]
    an = analyse(art)
    rows = an.quote_rows("d")
    by_text = {r["text"][:12]: r for r in rows}
    ortiz = by_text["the ferry wo"]
    assert [r["id"] for r in rows] == [f"Q{i}" for i in range(1, len(rows) + 1)]
    actors = {a["id"]: a for a in an.actor_rows("d")}
    assert actors[ortiz["speaker_id"]]["name"] == "Lena Ortiz"
    assert (ortiz["speaker_named"], ortiz["speaker_resolution"], ortiz["speaker_role"]) == ("named", "name", "mayor")
    assert (ortiz["speaker_gender"], ortiz["gender_evidence"]) == ("female", "Ms")
    assert (ortiz["position"], ortiz["paragraph"]) == ("body", 0)
    waited = by_text["\u201cWe have wai"]
    assert waited["speaker_resolution"] == "pronoun" and waited["speaker_id"] == ortiz["speaker_id"]
    assert waited["words"] == 9  # "she said" inside the span is not counted
    weller = by_text["the fares wo"]
    assert (weller["speaker_gender"], weller["gender_evidence"]) == ("unknown", None)  # never from a first name
    headline = [r for r in rows if r["position"] == "headline"]
    assert headline and headline[0]["paragraph"] is None
    row = actors[ortiz["speaker_id"]]
    counted = [r for r in rows if r["speaker_id"] == ortiz["speaker_id"] and not r["duplicate_of"] and not r["nested_in"]]
    assert row["quotes"] == len(counted) and row["quoted_words"] == sum(r["words"] for r in counted)


def test_overlapping_quotes_say_which_one_counts() -> None:
    an = analyse(article(
        "Lena Ortiz called the plan \u201ca betrayal of the island and everyone who lives on it\u201d on Monday."))
    rows = an.quote_rows("d")
    outer = [r for r in rows if not r["nested_in"]]
    inner = [r for r in rows if r["nested_in"]]
    if inner:  # the quoted fragment inside the reported words is nested in them
        assert inner[0]["nested_in"] == outer[0]["id"]


def test_a_group_word_opening_a_sentence_speaks_as_a_group() -> None:
    an = analyse(article("Protestors said the tax was unfair. The Conservatives believe they can win, and they say "
                         "the vote will be close."))
    assert speaker(an, "the tax was unfair")[:2] == ("Protestors", "group")
    assert speaker(an, "the vote will be close")[0] == "Conservatives"


def test_a_name_read_as_the_modal_may_is_given_back() -> None:
    an = analyse(article("Prime Minister Theresa May lost the vote.\n\nMs. May said a time limit was possible."))
    assert speaker(an, "a time limit was possible")[0] == "Theresa May"


def test_a_name_given_inside_the_speaker_words_is_the_speaker() -> None:
    an = analyse(article("A harbour authority official in Halden province named Jhony told reporters the quay was flooded."))
    assert speaker(an, "the quay was flooded")[:2] == ("Jhony", "person")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aZ. \t\n\u00e9\u00a0\"(1")), max_size=30), st.data())
def test_word_start_is_the_walk_back(text: str, data: st.DataObject) -> None:
    """The fast path of the word before a full stop gives the start the character-by-character walk gives."""
    from mediakit.speakers.words import _word_start

    ps = data.draw(st.integers(0, len(text)))
    at = data.draw(st.integers(ps, len(text)))
    k = at
    while k > ps and (text[k - 1].isalpha() or text[k - 1] == "."):
        k -= 1
    assert _word_start(text, ps, at) == k


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 6), st.integers(0, 3), st.sampled_from(["person", "organisation", "place"])),
                max_size=12), st.integers(0, 6), st.integers(0, 9))
def test_exact_mention_is_the_table(spans: list[tuple[int, int, str]], ss: int, se: int) -> None:
    """The bisection for the mention at exactly a span finds the actor the table of every mention held
    (the last person's, else the first's)."""
    from mediakit.actors.results import Actor, Mention
    from mediakit.speakers.index import MentionIndex

    actors = []
    for i, (s, n, typ) in enumerate(spans):
        actors.append(Actor(f"A{i}", f"N{i}", typ, mentions=[Mention(s, s + n, "x" * n, "")], first_position=s))
    index = MentionIndex("x" * 20, [], actors, None)
    table: dict[tuple[int, int], Actor] = {}
    for s, e, a in index.index.found:
        if a.type == "person" or (s, e) not in table:
            table[(s, e)] = a
    assert index.exact(ss, se) is table.get((ss, se))


def test_stated_genders_kept_by_linking_are_the_ones_read_again() -> None:
    """The genders linking keeps (link_quotes' ``stated``) give each speaker the gender read afresh."""
    from mediakit.actors import find_actors
    from mediakit.quotes import find_quotes
    from mediakit.speakers import link_quotes, speaker_gender, stated_gender

    text = ('Ms Ana Ruiz, the harbour spokeswoman, spoke first. "We are ready," she said. Mr Joran Pell agreed. '
            '"Come," he added. "Stay," said Dana Krell, who was there.')
    spans = [Span(0, len(text))]
    actors = find_actors(text, spans)
    stated: dict[int, tuple[str, str] | None] = {}
    link_quotes(text, find_quotes(text, spans, []), actors, spans, None, stated)
    assert stated  # the pronouns read some
    for a in actors:
        if id(a) in stated:
            assert stated[id(a)] == stated_gender(text, a)
        assert speaker_gender(text, a, dict(stated)) == speaker_gender(text, a)


def test_case_variants_are_what_the_engine_matches() -> None:
    """Every ASCII letter's characters under re.I, by the cheap list, are those the pattern matches over every code point."""
    import re
    import string
    import sys

    from mediakit.speakers.words import _case_variants

    every = "".join(map(chr, range(sys.maxunicode + 1)))
    for c in string.ascii_letters:
        assert _case_variants(c) == "".join(sorted(set(re.findall(f"(?i:{c})", every)))), c


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["statement", "report", "s", "Kit", "iS", "tweet", "_x", "1a", "\u00e9t\u00e9"]),
       st.text(alphabet=st.sampled_from(list("stSTaeiIkK .,'\n_1\u017f\u212a\u0130\u0131\u00e9\u00c9")), max_size=40),
       st.data())
def test_case_blind_word_finds_what_re_i_finds(stem: str, text: str, data: st.DataObject) -> None:
    """The document noun's pattern (a set of the first letter's cases, then the rest case-blind) finds the
    matches the plain case-blind word pattern finds, between any two offsets."""
    import re

    from mediakit.speakers.words import case_blind_word

    text = data.draw(st.sampled_from([text, text + " " + stem + "s", stem.upper() + text + stem]))
    lo = data.draw(st.integers(0, len(text)))
    hi = data.draw(st.integers(lo, len(text)))
    plain = re.compile(rf"\b{re.escape(stem)}s?\b", re.I)
    assert [m.span() for m in case_blind_word(stem, "s?").finditer(text, lo, hi)] == \
        [m.span() for m in plain.finditer(text, lo, hi)]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 30), st.integers(0, 8)), max_size=8),
       st.lists(st.tuples(st.integers(0, 30), st.integers(0, 5)), max_size=15))
def test_inside_quote_and_added_mentions_read_directly(quoted: list[tuple[int, int]], adds: list[tuple[int, int]]) -> None:
    """The quotation tests read against every quotation, and mentions added while linking (appended when
    they come last) kept in the order of a stable insertion before equal starts."""
    from mediakit.actors import Actor
    from mediakit.quotes import Quote
    from mediakit.speakers.index import MentionIndex

    quotes = [Quote(s, s + n, "direct", None, None, None, None, None, None, None, None, "") for s, n in quoted]
    idx = MentionIndex("x" * 60, quotes, [], None)
    spans = sorted((s, s + n) for s, n in quoted)
    for s in range(40):
        last = [x for x in spans if x[0] <= s][-1:]  # the last quotation starting at or before s
        assert idx.inside_quote(s) == bool(last and s < last[0][1])
        for e in range(s, s + 12):
            assert idx._within_one_quote(s, e) == bool(last and e <= last[0][1] + 1)
    a = Actor("A1", "X", "person")
    expect: list[tuple[int, int]] = []
    for k, (s, n) in enumerate(adds):
        idx.index.add(s, s + n, a)
        at = next((i for i, x in enumerate(expect) if x[0] >= s), len(expect))
        expect.insert(at, (s, k))
    assert [(s, e) for s, e, _a in idx.index.added] == [(s, s + n) for s, k in expect for n in [adds[k][1]]]
    assert idx.index.added_starts == [s for s, _k in expect]


# the plain readings of speakers.words.HEAD_CUT_START and NAMED, which the linker's patterns must equal
HEAD_CUT = re.compile(
    r",|\s\(|\s[\u2014\u2013-]\s|\s[\u2014\u2013]|\s(?:who|which|that|whose)\s"
    r"|\s(?:received|obtained|published|released|prepared|commissioned|seen|written|sent|quoted|cited)\s+by\s"
)
NAMED = re.compile(r"\b(?:named|called|identified as)\s+([A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+){0,3})")


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["named", "called", "identified as", "Jhony", "Ana Ruiz", "unnamed", "x", ",", "(", "-",
                                 "\u2014", "who", "released", "by", "seen", " ", "  ", "\t", "\n", "n", "c", "i", "A"]),
                max_size=14), st.data())
def test_cut_and_named_patterns_find_what_the_plain_ones_find(pieces: list[str], data: st.DataObject) -> None:
    """The head cut and the "named X" pattern, written with a set of first characters, start where the
    plain ones start (and "named X" gives the same name)."""
    from mediakit.speakers.words import HEAD_CUT_START
    from mediakit.speakers.words import NAMED as NAMED_FAST

    text = "".join(data.draw(st.sampled_from(["", " "])) + p for p in pieces)
    lo = data.draw(st.integers(0, len(text)))
    hi = data.draw(st.integers(lo, len(text)))
    cut, fast = HEAD_CUT.search(text), HEAD_CUT_START.search(text)
    assert (cut and cut.start()) == (fast and fast.start())
    assert [m.span(1) for m in NAMED.finditer(text, lo, hi)] == [m.span(1) for m in NAMED_FAST.finditer(text, lo, hi)]
    assert [m.span() for m in NAMED.finditer(text, lo, hi)] == [m.span() for m in NAMED_FAST.finditer(text, lo, hi)]
