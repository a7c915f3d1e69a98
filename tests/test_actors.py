"""Actor finding on invented sentences: names, roles, merging, capitals, groups, anonymous sources."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mediakit.actors import Actor, actors_from_entities, find_actors
from mediakit.model import Span


def actors(text: str, **kw: object) -> list[Actor]:
    return find_actors(text, [Span(0, len(text), "paragraph")], **kw)


def by_name(found: list[Actor], name: str) -> Actor:
    hits = [a for a in found if a.name == name or name in a.aliases]
    assert hits, f"{name!r} not among {[a.name for a in found]}"
    assert len(hits) == 1
    return hits[0]


def names(found: list[Actor]) -> set[str]:
    return {a.name for a in found}


# -- people, roles and affiliations -----------------------------------------------------------------


def test_premodifier_role_and_nationality_affiliation() -> None:
    text = "Pressed on the matter, Danish trade ministry spokesman Olaf Brink said talks would go on."
    a = by_name(actors(text), "Olaf Brink")
    assert a.type == "person"
    assert a.role == "trade ministry spokesman"
    assert a.affiliation == "Denmark"
    assert a.gender == "m"


def test_apposition_after_name_gives_role_and_affiliation() -> None:
    text = "Lena Varga, spokeswoman for the Northern Rail Authority, said the line would reopen."
    found = actors(text)
    a = by_name(found, "Lena Varga")
    assert a.roles == ["spokeswoman"]
    assert a.affiliation == "Northern Rail Authority"
    assert by_name(found, "Northern Rail Authority").type == "organisation"


def test_title_inside_the_name_run() -> None:
    text = "The report was sent to UN High Commissioner for Refugees Anwen Doyle on Monday."
    a = by_name(actors(text), "Anwen Doyle")
    assert a.role == "High Commissioner for Refugees"
    assert a.affiliation == "United Nations"


def test_apposition_before_name() -> None:
    text = "The plan was welcomed by the European Union trade commissioner, Ms Ilka Sorensen, on Friday."
    a = by_name(actors(text), "Ilka Sorensen")
    assert "trade commissioner" in a.roles
    assert a.affiliation == "European Union"
    assert a.gender == "f"


def test_full_name_surname_honorific_and_possessive_forms_merge() -> None:
    text = (
        "Harbour chief Ms Corin Adeyemi opened the dock. Adeyemi said it was late. "
        "Corin Adeyemi smiled. Ms Adeyemi's office later issued a note."
    )
    found = actors(text)
    a = by_name(found, "Corin Adeyemi")
    assert len(a.mentions) == 4
    assert {m.kind for m in a.mentions} == {"name", "short"}
    assert [a.name for a in found].count("Corin Adeyemi") == 1
    assert "Adeyemi" in a.aliases
    # the possessive mention stops before "'s"
    last = a.mentions[-1]
    assert text[last.start : last.end] == "Adeyemi"


def test_family_name_first() -> None:
    text = "Chinese foreign ministry spokesman Wang Pei said on Tuesday the visit was welcome. Wang also said more."
    a = by_name(actors(text), "Wang Pei")
    assert len(a.mentions) == 2
    assert a.affiliation == "China"


def test_shared_surname_goes_to_the_person_named_first() -> None:
    text = (
        "Senator Maria Okoro spoke first. Her brother, Daniel Okoro, spoke later. "
        "Okoro said the vote was close."
    )
    found = actors(text)
    maria = by_name(found, "Maria Okoro")
    assert any(m.text == "Okoro" for m in maria.mentions)
    assert "named first" in [m for m in maria.mentions if m.text == "Okoro"][0].rule


def test_role_description_refers_back_to_the_only_person_with_that_role() -> None:
    text = "Port commissioner Tamsin Rhee said the berth was ready. The commissioner added that ships could dock."
    a = by_name(actors(text), "Tamsin Rhee")
    descs = [m for m in a.mentions if m.kind == "description"]
    assert [m.text for m in descs] == ["The commissioner"]


def test_party_adjective_is_an_affiliation_not_part_of_the_name() -> None:
    text = "Republican Jo Ferris voted no, and Democrat Sam Ullah voted yes. Ferris said little."
    found = actors(text)
    assert by_name(found, "Jo Ferris").affiliation == "Republican Party"
    assert by_name(found, "Sam Ullah").affiliation == "Democratic Party"
    assert len(by_name(found, "Jo Ferris").mentions) == 2


def test_longer_form_with_leading_words_merges_into_the_name() -> None:
    text = "Fans cheered for Golden Anna Brecht. Anna Brecht then left."
    found = actors(text)
    assert len(by_name(found, "Anna Brecht").mentions) == 2


# -- organisations, acronyms, media -----------------------------------------------------------------


def test_acronym_and_expansion_merge() -> None:
    text = "The United Nations said it was worried. A UN team arrived, and the UN's envoy spoke."
    a = by_name(actors(text), "United Nations")
    assert len(a.mentions) == 3
    assert "UN" in a.aliases


def test_acronym_from_initials_and_from_brackets() -> None:
    text = (
        "The Coastal Fisheries Board (CFB) met. Later the CFB said quotas would fall. "
        "The Lake Trust said nothing; an LT official declined to comment."
    )
    found = actors(text)
    cfb = by_name(found, "Coastal Fisheries Board")
    assert "CFB" in cfb.aliases
    lt = by_name(found, "Lake Trust")
    assert "LT" in lt.aliases


def test_media_outlet_and_short_form() -> None:
    text = "The Harbour Evening Post reported the deal on Sunday. The Post said the price was secret."
    a = by_name(actors(text), "Harbour Evening Post")
    assert a.type == "organisation"
    assert len(a.mentions) == 2


def test_organisation_of_and_and_names() -> None:
    text = "The Ministry of Fisheries and Oceans said the quota stands. Canada and Norway disagreed."
    found = actors(text)
    assert by_name(found, "Ministry of Fisheries and Oceans").type == "organisation"
    assert by_name(found, "Canada").type == "place"
    assert by_name(found, "Norway").type == "place"


# -- places and capitals ----------------------------------------------------------------------------


def test_capital_stands_for_its_government() -> None:
    text = "Ottawa insisted the rules were fair, and Canberra is pushing back. Canada said more."
    found = actors(text)
    canada = by_name(found, "Canada")
    assert "Ottawa" in canada.aliases
    assert any("government of Canada" in m.rule for m in canada.mentions)
    assert by_name(found, "Australia").aliases == ["Canberra"]


def test_capital_after_a_place_preposition_stays_a_place() -> None:
    text = "Delegates met in Ottawa on Monday. Ottawa rejected the plan."
    found = actors(text)
    city = [a for a in found if a.name == "Ottawa"]
    assert len(city) == 1 and city[0].type == "place" and len(city[0].mentions) == 1  # the city
    assert any(m.text == "Ottawa" for m in by_name(found, "Canada").mentions)  # the government


def test_capitals_as_governments_can_be_switched_off() -> None:
    text = "Ottawa insisted the rules were fair."
    found = actors(text, capitals_as_governments=False)
    assert names(found) == {"Ottawa"}
    assert found[0].type == "place"


def test_unknown_place_from_prepositions() -> None:
    text = "Farmers in Vellmar are worried. A trip to Vellmar was cancelled."
    assert by_name(actors(text), "Vellmar").type == "place"


# -- groups and anonymous sources -------------------------------------------------------------------


def test_groups_nationalities_and_group_nouns() -> None:
    text = "Local residents and activists gathered. Many Norwegians joined, and Muslims and Sikhs prayed."
    found = actors(text)
    assert by_name(found, "residents").type == "group"
    assert by_name(found, "activists").type == "group"
    nor = by_name(found, "Norwegians")
    assert nor.type == "group" and nor.affiliation == "Norway"
    assert by_name(found, "Muslims").type == "group"


def test_anonymous_sources_merge_and_are_not_names() -> None:
    text = (
        "Sources said the deal was close. The talks stalled, the sources said, and "
        "a senior official who asked not to be named blamed the weather. "
        "People familiar with the matter disagreed."
    )
    found = actors(text)
    src = by_name(found, "sources")
    assert src.type == "anonymous"
    assert len(src.mentions) == 2
    anon = {a.name for a in found if a.type == "anonymous"}
    assert "senior official who asked not to be named" in anon
    assert "people familiar with the matter" in anon
    assert "Sources" not in names(found)


def test_event() -> None:
    text = "Athletes prepared for the Northern Winter Games. The Harbour Summit opened later."
    found = actors(text)
    assert by_name(found, "Northern Winter Games").type == "event"
    assert by_name(found, "Harbour Summit").type == "event"


# -- what is not an actor ---------------------------------------------------------------------------


def test_sentence_initial_common_words_are_not_actors() -> None:
    text = (
        "Asked about the timing, the mayor smiled. Speaking later, she was calm. "
        "Foreign visitors came. The foreign minister left on Friday in September."
    )
    found = actors(text)
    for word in ("Asked", "Speaking", "Foreign", "Friday", "September", "The"):
        assert word not in names(found)


def test_demonym_adjective_alone_is_not_an_actor() -> None:
    text = "The Chinese side said little. French officials were present."
    found = actors(text)
    assert "Chinese" not in names(found) and "China" not in names(found)
    assert by_name(found, "French officials").affiliation == "France"


def test_only_given_spans_are_read() -> None:
    text = "Advertisement\nWalgrove Foods recalls cheese\nMinister Ruth Amadi opened the clinic."
    body = Span(text.index("Minister"), len(text), "paragraph")
    found = find_actors(text, [body])
    assert names(found) == {"Ruth Amadi"}


def test_title_case_headline_confirms_only_known_names() -> None:
    text = "Mayor Wins Praise As Harbour Reopens Early\n\nMayor Ines Calder reopened the harbour. Calder was pleased."
    spans = [Span(0, text.index("\n"), "title"), Span(text.index("Mayor Ines"), len(text), "paragraph")]
    found = find_actors(text, spans)
    assert names(found) == {"Ines Calder"}


# -- output shape -----------------------------------------------------------------------------------


def test_ids_order_offsets_and_to_dict() -> None:
    text = "Ms Ana Petrov of the Harbour Board said the pier was safe. Petrov left."
    found = actors(text)
    assert [a.id for a in found] == [f"A{i}" for i in range(1, len(found) + 1)]
    assert [a.first_position for a in found] == sorted(a.first_position for a in found)
    for a in found:
        for m in a.mentions:
            assert text[m.start : m.end] == m.text
            assert m.rule
    d = found[0].to_dict()
    assert set(d) == {"id", "name", "type", "role", "roles", "affiliation", "aliases", "mentions",
                      "first_position", "category"}
    assert set(d["mentions"][0]) == {"start", "end", "text", "rule"}


def test_curly_apostrophes_and_non_breaking_spaces() -> None:
    text = "Gov.\u00a0Rhea Lund\u2019s office said Lund\u2019s plan was ready."
    a = by_name(actors(text), "Rhea Lund")
    assert len(a.mentions) == 2
    assert "Gov" in a.roles


def test_entities_from_another_tool_share_the_merging_rules() -> None:
    text = "Ms Ana Petrov met UN staff in Oslo. Petrov said the Oslo talks went well."
    ents = [(3, 13, "PERSON"), (18, 20, "ORG"), (30, 34, "GPE"), (36, 42, "PERSON")]
    found = actors_from_entities(text, [Span(0, len(text))], ents)
    a = by_name(found, "Ana Petrov")
    assert len(a.mentions) == 2 and a.gender == "f"
    assert by_name(found, "United Nations").type == "organisation"


@pytest.mark.parametrize("text", ["", "   ", "\n\n", "A", "The", "U.S.", "’s", "Mr.", "(IBRC)"])
def test_degenerate_inputs(text: str) -> None:
    for a in find_actors(text, [Span(0, len(text))]):
        for m in a.mentions:
            assert 0 <= m.start <= m.end <= len(text)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("AaBbCcUuNSs .,'’\u201c\u201d-\n()Mr")) , max_size=120))
def test_never_fails_and_spans_stay_in_text(text: str) -> None:
    for a in find_actors(text, [Span(0, len(text))]):
        for m in a.mentions:
            assert 0 <= m.start <= m.end <= len(text)
            assert text[m.start : m.end] == m.text


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_unicode(text: str) -> None:
    for a in find_actors(text, [Span(0, len(text))]):
        for m in a.mentions:
            assert text[m.start : m.end] == m.text


# -- boundaries and types (credits, datelines, titles, organisations that look like people) ----------


def test_photo_and_video_credits_and_datelines_are_not_actors() -> None:
    text = (
        "OSLAVA -- Flood water reached the square on Monday. (Idris Mabeko/The Valley Press)\n"
        "Residents queued for sandbags. Tanja Ruele/Getty Images\n"
        "Mayor Petra Lind said the dykes held. Oren Vasz has more."
    )
    found = names(find_actors(text, [Span(0, len(text), "paragraph")]))
    assert "Petra Lind" in found
    assert not found & {"Idris Mabeko", "Tanja Ruele", "Oren Vasz", "OSLAVA", "Oslava"}


def test_a_title_with_no_name_is_not_an_actor() -> None:
    found = actors("The Water and Energy Minister told MPs the review would cost more. The Market Strategist agreed.")
    assert not {a.name for a in found if a.type in ("person", "organisation")} & {
        "Energy Minister", "Water and Energy Minister", "Market Strategist"}


@pytest.mark.parametrize(
    ("text", "name", "typ"),
    [
        ("Manitoba Hydro said the outage was over. Manitoba Hydro crews worked all night.", "Manitoba Hydro", "organisation"),
        ("Veterans Affairs said the rule would change. Veterans Affairs wrote to families.", "Veterans Affairs", "organisation"),
        ("The Korn Ferry Tour said the event would go ahead.", "Korn Ferry Tour", "organisation"),
        ("Kiro Tanaka said he played his best golf to win the Sony Open in wind and rain.", "Sony Open", "event"),
        ("TransLink says the line will open in 2025.", "TransLink", "organisation"),
        ("Statistics Canada said prices rose. Oren Lind said so too.", "Statistics Canada", "organisation"),
        ("The aid group Gatsby said its director was among the dead.", "Gatsby", "organisation"),
        ("The Carolina Hurricanes said the game would go ahead, and the Carolina Hurricanes now lead the division.",
         "Carolina Hurricanes", "organisation"),
    ],
)
def test_organisations_that_look_like_people(text: str, name: str, typ: str) -> None:
    assert by_name(actors(text), name).type == typ


def test_plural_group_word_opening_a_sentence_is_not_a_person() -> None:
    found = actors("Protestors say the tax is unfair. Economists argue otherwise.")
    assert not [a for a in found if a.type == "person"]


def test_names_with_particles_and_inner_capitals_stay_whole() -> None:
    found = actors("In the harbour town, Abir Al Basha, 39, and her neighbour Ben van der Pluijm, 61, spoke to reporters. "
                   "Graham DeLaet said he agreed with both of them.")
    assert {"Abir Al Basha", "Ben van der Pluijm", "Graham DeLaet"} <= {a.name for a in found if a.type == "person"}


def test_person_evidence_from_an_apposition_or_a_pronoun() -> None:
    found = actors("Sten Corr, an electrician, watched from his van. Mamadou Dia was on a trip to Kisumu when he was hurt.")
    assert by_name(found, "Sten Corr").type == "person"
    assert by_name(found, "Mamadou Dia").type == "person"


def test_a_first_name_with_its_own_role_is_not_merged_into_a_namesake() -> None:
    found = actors("Police Chief Joseph Adeyemi said five people died. Okafor's father, Joseph, says his son grew up in Lagos.")
    father = [a for a in found if a.name == "Joseph"]
    assert father and father[0].roles == ["father"] and father[0].affiliation == "Okafor"
    assert by_name(found, "Joseph Adeyemi").roles == ["Chief"]


_PIECES = ["officials", "sources", "men", "aide", "aides", "m\u0101ori", "shi'ites", "african-americans", "roma",
           "3", "_", "'", "\u2019", "-", "\u00d7", "\u00f7", "\u03b1", ".", ",", "(", "\u201c", "/", "\u2014", "\u00bd",
           "x", "\u0130", "\u03a3", "\u00e9", "Officials", "OFFICIALS", "S"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from(["", "", " ", "\n", "\t", "\u00a0"])),
                max_size=30))
def test_scan_words_hold_the_tokens_the_word_pattern_reads(pieces: list[tuple[str, str]]) -> None:
    from mediakit.actors.lexicon import lexicon
    from mediakit.actors.patterns import WORD, find_words
    from mediakit.actors.scan import word_candidates

    low = "".join(a + b for a, b in pieces).lower()
    words = lexicon().scan_words
    tokens = words.intersection(WORD.findall(low))
    found = word_candidates(low, words)
    assert tokens <= found
    # a word that is no token is found whole only beside a "_" (where the scan asks the span's tokens)
    for i, w in find_words(low, found - tokens):
        assert low[i - 1 : i] == "_" or low[i + len(w) : i + len(w) + 1] == "_"


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_PIECES + [" ", "\n"]), max_size=12), min_size=1, max_size=5))
def test_the_spans_lower_cased_at_once_are_the_spans_lower_cased_one_by_one(pieces: list[list[str]]) -> None:
    from mediakit.actors.candidates import Found

    texts = ["".join(p) for p in pieces]
    source = " ".join(texts)
    spans, at = [], 0
    for t in texts:
        spans.append(Span(at, at + len(t)))
        at += len(t) + 1
    found = Found(source, spans)
    assert found.all_low() == "\n".join(sp.text.lower() for sp in found.spans)
    for k, sp in enumerate(found.spans):
        start = found._low_starts[k]
        assert found.all_low()[start : start + len(sp.low)] == sp.low


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([" has ", " reports", "more", "the ", "details", "latest", "story", "s", "_", "1",
                                 "\u00e9", ".", " ", "has", "the details"]), max_size=12))
def test_the_reporter_hint_is_the_pattern_search(pieces: list[str]) -> None:
    from mediakit.actors.patterns import _REPORTER_HINT, _reporter_hint

    text = "".join(pieces)
    assert _reporter_hint(text) == (_REPORTER_HINT.search(text) is not None)


_ROLE_PIECES = ["the", "UN", "chief", "spokesman", "for", "of", "For", "OF", "x_chief", "_", ",", " ", "  ", "\u00a0", "\t",
                "\n", "-", ".", "'", "\u2019", "Ms", "Ana", "Minister", "Energy", "foreign", "ministry", "(", "\u201c",
                "said", "Okafor's", "father", "offer", "fort", "xof", "ofx", "chief.", "3", "\u00e9", "Harbour", "by"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_ROLE_PIECES), max_size=40), st.integers(0, 3))
def test_the_comma_pre_check_turns_away_only_commas_that_close_no_role(pieces: list[str], cut: int) -> None:
    from mediakit.actors import classify
    from mediakit.actors.candidates import Found
    from mediakit.model import Span

    text = " ".join(pieces) + ", Zed Q"
    s = len(text) - 5 - cut
    found = Found(text, [Span(0, len(text))])
    names = classify.NameClassifier(found, True)
    quick = names._role_before_long(found.spans[0], s)
    check, classify._role_may_close = classify._role_may_close, lambda *args: True
    try:
        assert names._role_before_long(found.spans[0], s) == quick
    finally:
        classify._role_may_close = check


_RUN_PIECES = ["Ana", "UN", "U.S.", "J.", "O'Brien", "O\u2019Brien", "al-Assad", "Okafor-Lind", "G7", "\u00c9mile", "of",
               "van", "the", "and", "&", "x", "said", "'", "\u2019", "-", ".", "_", "3", "\u00a0", "\t", " ", "  ", "\n",
               ",", "A", "B.", "D'x", "Mc-", "\u00e9t\u00e9", "I"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_RUN_PIECES), max_size=40), st.sampled_from(["", " ", "."]))
def test_the_run_pattern_matches_as_written_with_plain_repeats(pieces: list[str], sep: str) -> None:
    import re

    from mediakit.actors.patterns import _CONN, CHUNK, TOK

    plain = re.compile(rf"{TOK}(?:(?:[ \t\u00a0]+(?:(?:{_CONN})[ \t\u00a0]+)*|[ \t\u00a0]*&[ \t\u00a0]*){TOK})*")
    text = sep.join(pieces)
    assert [m.span() for m in CHUNK.finditer(text)] == [m.span() for m in plain.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["OTTAWA", "O", "A", "'", ".", "-", " ", "\t", "--", "\u2014", "Ab", "\u00c9", "x", ",",
                                 "(AP)", "1", "\n"]), max_size=10))
def test_the_dateline_pre_check_turns_away_only_texts_the_pattern_does_not_match(pieces: list[str]) -> None:
    from mediakit.actors.patterns import DATELINE, may_open_dateline

    text = "".join(pieces)
    if not may_open_dateline(text):
        assert DATELINE.match(text) is None


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["with", "within", "about", "abouts", "news", "it's", "o'neil", "x-ray", "Bay", "cat",
                                 "\u00e9t\u00e9s", "a_word", "1word", "well-known", " ", "  ", ",", "-", "'", "\u2019",
                                 "\n", "Word", "amid", "amidst", "than-that"]), max_size=12))
def test_the_two_lower_case_words_search_agrees_with_counting_the_words(pieces: list[str]) -> None:
    # is_title_case turns a text away when it holds two lower-case content words: one search for both
    # against the count of all such words
    import re

    from mediakit.actors.patterns import _LOWER_LONG_WORD, _TWO_LOWER_LONG

    text = "".join(pieces)
    assert (_TWO_LOWER_LONG.search(text) is not None) == (len(re.findall(_LOWER_LONG_WORD, text)) >= 2)
