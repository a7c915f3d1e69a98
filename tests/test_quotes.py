"""Quote and attribution extraction (mediakit.quotes) and the speech-verb lexicon (mediakit.lexicon).

Every sentence here is invented for the tests: the people, places and organisations do not exist.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mediakit.lexicon import load_lexicon, lookup, verb_class
from mediakit.model import Span
from mediakit.quotes import PRONOUNS, Quote, find_quotes, speaker_kind
from mediakit.segment import split_paragraphs

ROOT = Path(__file__).resolve().parent.parent


def only(text: str, paragraphs: list[Span] | None = None) -> Quote:
    quotes = find_quotes(text, paragraphs)
    assert len(quotes) == 1, [(q.text(text), q.rule) for q in quotes]
    return quotes[0]


def by_content(text: str, piece: str) -> Quote:
    hits = [q for q in find_quotes(text) if piece in q.text(text)]
    assert hits, [q.text(text) for q in find_quotes(text)]
    return hits[0]


def spk(text: str, q: Quote) -> str | None:
    return None if q.speaker_start is None else text[q.speaker_start : q.speaker_end]


# -- direct quotes --------------------------------------------------------------------------------


def test_quote_then_speaker_verb():
    t = '"The tunnel will be finished by spring," Marta Velasco said.'
    q = only(t)
    assert q.text(t) == '"The tunnel will be finished by spring,"'
    assert (q.kind, q.speaker_text, q.cue, q.cue_class) == ("direct", "Marta Velasco", "said", "neutral")
    assert q.rule == 'direct quote followed by "Marta Velasco said" (quote-comma-speaker-verb)'


def test_speaker_verb_colon_quote():
    t = 'Marta Velasco said: "The tunnel will be finished by spring."'
    q = only(t)
    assert q.text(t) == '"The tunnel will be finished by spring."'
    assert (q.kind, q.speaker_text) == ("direct", "Marta Velasco")


def test_inverted_speaker_with_role():
    t = '"We have not seen the report," said Tomas Berg, the harbour master.'
    q = only(t)
    assert q.text(t) == '"We have not seen the report,"'
    assert "Tomas Berg" in q.speaker_text
    assert "verb-speaker" in q.rule


def test_split_quote_around_the_speaker():
    t = '"The valley," she said, "is not for sale."'
    q = only(t)
    assert q.text(t) == t
    assert (q.kind, q.speaker_text) == ("direct", "she")
    assert q.speaker_kind == "pronoun"


def test_quote_before_and_after_the_speaker():
    t = '"We will appeal," Berg said. "The ruling ignores the evidence."'
    q = only(t)
    assert q.text(t) == t  # one utterance: both sentences belong to the attribution
    assert q.speaker_text == "Berg"


def test_curly_quotes_and_nested_single_quotes():
    t = "\u201cShe told me \u2018no way\u2019 twice,\u201d Ines Okafor said."
    q = only(t)
    assert q.text(t) == "\u201cShe told me \u2018no way\u2019 twice,\u201d"
    assert q.speaker_text == "Ines Okafor"


def test_quote_across_sentences():
    t = '"The pumps failed. The levee held. Nobody was hurt," the engineer said.'
    q = only(t)
    assert q.text(t).startswith('"The pumps failed.') and q.text(t).endswith('hurt,"')
    assert q.speaker_text == "the engineer"


def test_question_quote_followed_by_named_speaker():
    t = '"Who pays for the repairs?" Velasco asked.'
    q = only(t)
    assert q.text(t) == '"Who pays for the repairs?"'
    assert (q.speaker_text, q.cue_class) == ("Velasco", "question")


# -- reported speech ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, content, speaker",
    [
        ("The mayor said that the ferry would resume on Monday.", "that the ferry would resume on Monday", "The mayor"),
        ("The mayor said the ferry would resume on Monday.", "the ferry would resume on Monday", "The mayor"),
        ("Velasco told reporters the budget had been cut.", "the budget had been cut", "Velasco"),
        ("Velasco told the Dunmore Courier that the budget had been cut.", "that the budget had been cut", "Velasco"),
        ("Berg insisted that nothing had been hidden.", "that nothing had been hidden", "Berg"),
        ("Okafor warned that the shelter would close in May.", "that the shelter would close in May", "Okafor"),
        ("The minister denied any wrongdoing.", "any wrongdoing", "The minister"),
        ("The council added on Friday that fares would rise.", "that fares would rise", "The council"),
    ],
)
def test_speaker_verb_content(text, content, speaker):
    q = only(text)
    assert (q.text(text), q.speaker_text, q.kind) == (content, speaker, "indirect")
    assert "(speaker-verb-clause)" in q.rule


def test_clause_final_attribution():
    t = "The ferry will resume on Monday, the mayor said."
    q = only(t)
    assert (q.text(t), q.speaker_text) == ("The ferry will resume on Monday", "the mayor")


def test_according_to_first_and_last():
    t1 = "According to the port authority, the ferry carried 400 passengers."
    q1 = only(t1)
    assert (q1.text(t1), q1.speaker_text, q1.cue) == ("the ferry carried 400 passengers", "the port authority",
                                                      "According to")
    t2 = "The ferry carried 400 passengers, according to the port authority."
    q2 = only(t2)
    assert (q2.text(t2), q2.speaker_text) == ("The ferry carried 400 passengers", "the port authority")


def test_parenthetical_attribution():
    t = "The bridge, the engineer said, had been repaired twice."
    q = only(t)
    assert q.text(t) == t[:-1]
    assert q.speaker_text == "the engineer"


def test_mixed_quote():
    t = 'Velasco called the offer "an insult to every family in Dunmore".'
    q = only(t)
    assert q.kind == "mixed"
    assert q.text(t) == 'the offer "an insult to every family in Dunmore"'


def test_loaded_verb_class():
    q = only("Berg claimed the inspection had been rigged.")
    assert (q.cue, q.cue_class) == ("claimed", "loaded")


# -- speakers -----------------------------------------------------------------------------------------


def test_long_speaker_phrase():
    t = "Senior transport ministry spokeswoman Ana Ruiz said the line would reopen."
    assert only(t).speaker_text == "Senior transport ministry spokeswoman Ana Ruiz"


def test_name_with_appositive_role():
    t = "Tomas Berg, spokesman for the Dunmore Harbour Authority said the crane had failed."
    q = only(t)
    assert q.speaker_text.startswith("Tomas Berg")
    assert q.text(t) == "the crane had failed"


def test_name_between_commas_with_appositive():
    t = "Ines Okafor, who runs the shelter, said the beds were full."
    q = only(t)
    assert q.speaker_text.startswith("Ines Okafor")
    assert q.text(t) == "the beds were full"


def test_title_before_a_name_with_an_appositive():
    # a capitalised role before the name is a title, not an appositive of its own
    t = "Professor Lina Marsh, a hydrologist at the University of Dunmore, said the river had risen."
    q = only(t)
    assert q.speaker_text.startswith("Professor Lina Marsh")
    assert q.text(t) == "the river had risen"


def test_time_phrase_between_speaker_and_verb():
    t = "Dunmore on Friday said it welcomed the inquiry."
    q = only(t)
    assert (q.speaker_text, q.text(t)) == ("Dunmore", "it welcomed the inquiry")


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("Sources said the council had delayed the vote.", "Sources"),
        ("The council delayed the vote, the sources said.", "the sources"),
        ("A senior official who asked not to be named said the talks had stalled.",
         "A senior official who asked not to be named"),
        ("People familiar with the plan said it would be dropped.", "People familiar with the plan"),
    ],
)
def test_anonymous_speakers(text, speaker):
    q = only(text)
    assert q.speaker_text == speaker
    assert q.speaker_kind == "anonymous"


def test_speaker_kinds():
    assert [speaker_kind(s) for s in ("he", "the sources", "the harbour master", "the harbour authority", "Ines Okafor")] \
        == ["pronoun", "anonymous", "role", "organisation", "name"]
    assert speaker_kind("France") == "place"
    assert speaker_kind("US") == "place"  # not the pronoun "us"
    assert "she" in PRONOUNS and "they" in PRONOUNS


# -- nesting, headlines, hedges --------------------------------------------------------------------


def test_nested_attribution_gives_two_quotes():
    t = "The sources said the ministry had insisted that the report stay secret."
    outer, inner = find_quotes(t)
    assert (outer.speaker_text, outer.text(t)) == ("The sources", "the ministry had insisted that the report stay secret")
    assert (inner.speaker_text, inner.text(t)) == ("the ministry", "that the report stay secret")
    assert inner.cue_class == "loaded"


def test_nested_clause_final_frame_cuts_the_inner_content():
    t = "The council insisted that the ferry stay in port, as the union had asked, the sources said."
    quotes = find_quotes(t)
    spans = {q.speaker_text: q.text(t) for q in quotes}
    assert spans["the sources"].startswith("The council insisted")
    assert spans["The council"] == "that the ferry stay in port, as the union had asked"


def test_headline_attribution():
    t = "Bridge tolls must rise, ministry says"
    q = only(t)
    assert (q.text(t), q.speaker_text, q.cue) == ("Bridge tolls must rise", "ministry", "says")


def test_title_case_headline():
    t = "Mayor Says Ferry Will Resume Next Week"
    q = only(t)
    assert (q.speaker_text, q.cue, q.text(t)) == ("Mayor", "Says", "Ferry Will Resume Next Week")


@pytest.mark.parametrize(
    "text, cue",
    [
        ("Three officials are alleged to have taken bribes.", "alleged"),
        ("It is claimed that the dam was never inspected.", "claimed"),
        ("The mayor is said to favour a second bridge.", "said"),
    ],
)
def test_agentless_hedges_have_no_speaker(text, cue):
    q = only(text)
    assert q.cue == cue and q.speaker_start is None and q.speaker_text is None
    assert q.rule_id.startswith("agentless-hedge-") and q.rule.endswith(f"({q.rule_id})")
    assert q.cue_class in ("hedged", "neutral", "loaded")


# -- follow-on and multi-paragraph quotes --------------------------------------------------------


def test_follow_on_paragraph_inherits_the_speaker():
    t = ('Harbour master Tomas Berg said the crane had failed twice.\n\n'
         '"We warned them in March," Berg said.\n\n'
         '"Nobody listened. Nobody ever listens."')
    quotes = find_quotes(t)
    last = quotes[-1]
    assert last.text(t) == '"Nobody listened. Nobody ever listens."'
    assert last.inherited and last.speaker_text == "Berg"
    assert "follow-on" in last.rule
    # the speaker span is the mention it inherited
    assert (last.speaker_start, last.speaker_end) == (quotes[1].speaker_start, quotes[1].speaker_end)


def test_no_inheritance_when_something_intervenes():
    t = '"We will appeal," Berg said.\n\nThe court has not set a date.\n\n"This is not over."'
    quotes = find_quotes(t)
    assert [q.text(t) for q in quotes] == ['"We will appeal,"']


def test_multi_paragraph_quote():
    t = ('"The first thing you notice is the silence," said Ines Okafor, who runs the shelter.\n\n'
         '"Then you notice the smell. Then the cold.\n\n'
         '"By the third night, you stop noticing anything."')
    quotes = find_quotes(t)
    assert len(quotes) == 2
    follow = quotes[1]
    assert follow.text(t).startswith('"Then you notice') and follow.text(t).endswith('anything."')
    assert follow.inherited and follow.speaker_text == "Ines Okafor"


def test_a_quotation_does_not_run_across_text_left_out():
    # the same long quotation with a line between its paragraphs that is not read (a removed "Share"):
    # it ends with its first paragraph instead of covering the line
    t = ('"The first thing you notice is the silence," said Ines Okafor, who runs the shelter.\n\n'
         '"Then you notice the smell. Then the cold.\nShare\n'
         '"By the third night, you stop noticing anything."')
    share = t.index("Share")
    paras = [p for p in split_paragraphs(t)]
    spans = [Span(0, t.index("\n\n")), Span(t.index('"Then'), share - 1), Span(share + 6, len(t))]
    assert len(paras) >= 2
    quotes = find_quotes(t, spans)
    assert quotes and not [q for q in quotes if q.start < share + 5 and share < q.end]
    assert any(q.text(t) == '"Then you notice the smell. Then the cold.' for q in quotes)


def test_colon_introduces_the_next_paragraph():
    t = 'In a statement, the harbour authority said:\n\n"Repairs will take six weeks."'
    q = only(t)
    assert q.text(t) == '"Repairs will take six weeks."'
    assert q.speaker_text == "the harbour authority"
    assert "colon-introduction" in q.rule


# -- offsets, robustness, records --------------------------------------------------------------


def test_offsets_point_into_the_untouched_source():
    t = "The \ufb01rm said the \u200bpro\ufb01ts had fallen."  # a ligature and a zero-width space
    q = only(t)
    assert q.text(t) == "the \u200bpro\ufb01ts had fallen"
    assert q.speaker_text == "The \ufb01rm" and t[q.cue_start : q.cue_end] == "said"


def test_paragraph_spans_limit_the_search():
    t = "Boilerplate said nothing useful here.\n\nThe mayor said the ferry would resume."
    paras = split_paragraphs(t)
    q = only(t, paras[1:])
    assert q.speaker_text == "The mayor"
    assert find_quotes(t, []) == []


def test_unbalanced_quotes_give_a_best_effort():
    t = 'He said "this is broken and\n\nNothing else.'
    quotes = find_quotes(t)
    assert all(0 <= q.start < q.end <= len(t) for q in quotes)


def test_results_sorted_and_unique():
    t = ('"We will appeal," Berg said. The council said the ruling stood, and Velasco added that '
         'the ferry would sail.')
    quotes = find_quotes(t)
    starts = [(q.start, q.end) for q in quotes]
    assert starts == sorted(starts) and len(set(starts)) == len(starts)


def test_to_dict():
    t = '"Repairs will take six weeks," the engineer said.'
    d = only(t).to_dict(t)
    assert set(d) == {"start", "end", "text", "kind", "cue", "cue_start", "cue_end", "cue_class", "speaker_text",
                      "speaker_start", "speaker_end", "speaker_kind", "rule", "rule_id", "inherited"}
    assert d["text"] == '"Repairs will take six weeks,"' and d["speaker_text"] == "the engineer"
    assert d["rule_id"] == "quote-comma-speaker-verb" and d["rule"].endswith("(quote-comma-speaker-verb)")
    json.dumps(d)


def test_nouns_are_not_cues():
    assert find_quotes("The report arrived late. The states disagreed about the claims of the union.") == []
    assert find_quotes("A company called Harbour Lift bought the crane.") == []


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_text_gives_spans_inside_it(text):
    for q in find_quotes(text):
        assert 0 <= q.start < q.end <= len(text)
        for a, b in ((q.cue_start, q.cue_end), (q.speaker_start, q.speaker_end)):
            assert a is None or 0 <= a <= b <= len(text)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(['"', "\u201c", "\u201d", "\u2018", "\u2019", "'", "''", " said ", "Lee", ", ",
                                 ".", "\n\n", "according to", " who ", ":", " - ", "Mr.", "(", ")"]), max_size=40))
def test_quote_heavy_fragments_never_fail(parts):
    text = "".join(parts)
    for q in find_quotes(text, split_paragraphs(text, by_line=True)):
        assert 0 <= q.start < q.end <= len(text)


# -- lexicon ---------------------------------------------------------------------------------------


def test_verb_classes_in_every_form():
    assert verb_class("said") == verb_class("says") == verb_class("SAYING") == "neutral"
    assert verb_class("insisted") == verb_class("concedes") == "loaded"
    assert verb_class("alleged") == "hedged"
    assert verb_class("tweeted") == verb_class("wrote") == "writing"
    assert verb_class("according to") == "neutral"
    assert verb_class("banana") is None


def test_noun_forms_are_marked():
    entry = lookup("reports")
    assert entry is not None and "reports" in entry.noun_forms and "reported" not in entry.noun_forms


def test_custom_lexicon_file(tmp_path):
    f = tmp_path / "verbs.tsv"
    f.write_text("# a teacher's own list\nmutter\tloaded\tsay\tmutter|muttered\tgrumbling\n", encoding="utf-8")
    table = load_lexicon(f)
    assert table["muttered"].cls == "loaded" and table["muttered"].note == "grumbling"
    f.write_text("mutter\tangry\tsay\tmutter\n", encoding="utf-8")
    with pytest.raises(ValueError):
        load_lexicon(f)


def test_lexicon_loads_without_polars():
    code = "import sys; import mediakit.lexicon as l; l.lexicon(); assert 'polars' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


# -- benchmark script --------------------------------------------------------------------------------


def test_benchmark_script_writes_one_line_per_quote(tmp_path):
    (tmp_path / "text").mkdir()
    (tmp_path / "text" / "a.txt").write_text(
        "Ferry to resume, mayor says\n\nThe mayor said the ferry would resume on Monday.\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    res = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "quotes_bench.py"), str(tmp_path), str(out)],
                         check=True, capture_output=True, text=True, cwd=ROOT)
    assert "articles/second" in res.stdout
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {r["text"] for r in rows} == {"Ferry to resume", "the ferry would resume on Monday"}
    assert all(set(r) >= {"doc", "start", "end", "speaker_start", "speaker_end", "kind", "cue", "rule"} for r in rows)


# -- what is not counted as reported words (kind 6) ----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The rebels vowed retribution against the port authority for the raid.",
        "Mayor Ines Carvalho praised the harbour crews for their work during the storm.",
        "The Halden index added 0.4 per cent to 2,106 points on Tuesday.",
        "Coach Ruth Amadi knows how to win a final.",
        "Ruth Amadi would not say who had paid for the new pier.",
        "The harbour master won't say what he will do next.",
        "We can't predict the weather in the strait, the skipper said.",
    ],
)
def test_objects_figures_and_refused_speech_are_not_reported_words(text: str) -> None:
    found = [q.text(text) for q in find_quotes(text)]
    assert not [t for t in found if t.startswith(("retribution", "the harbour crews", "0.4", "how", "who", "what"))], found


@pytest.mark.parametrize(
    "text, start",
    [
        ("The harbour board wrote a letter to the minister on Monday.", "a letter"),
        ("The Vessen mayor published a report on the ferry fares last week.", "a report"),
        ("The late storm added to the confusion at the east quay.", "to the confusion"),
        ("Lind added to her lead in the harbour ward on Tuesday.", "to her lead"),
        ("The Hornets added three more goals before the break.", "three more"),
    ],
)
def test_written_objects_and_add_to_are_not_reported_words(text: str, start: str) -> None:
    assert not [q for q in find_quotes(text) if q.text(text).startswith(start)]


@pytest.mark.parametrize(
    "text, content, speaker",
    [
        ("Harbour police said 30 people were rescued from the ferry.", "30 people were rescued from the ferry",
         "Harbour police"),
        ("The harbour master wrote that the ferry would sail again in June.",
         "that the ferry would sail again in June", "The harbour master"),
        ("Mooring fees rose by a third last year, according to exit polls of boat owners.",
         "Mooring fees rose by a third last year", "exit polls"),
        ("According to harbour rules, no boat may moor within ten metres of the pier.",
         "no boat may moor within ten metres of the pier", "harbour rules"),
    ],
)
def test_figures_with_a_verb_and_according_to_any_source_are_reported(text: str, content: str, speaker: str) -> None:
    quotes = [q for q in find_quotes(text) if q.text(text) == content]
    assert quotes and quotes[0].speaker_text == speaker, [(q.text(text), q.speaker_text) for q in find_quotes(text)]


def test_a_second_verb_after_a_noun_phrase_is_not_reported_words() -> None:
    text = "The mayor defended the new pier and was cheered by the crowd on Friday."
    assert [q.text(text) for q in find_quotes(text)] == ["the new pier"]
    kept = "Lee said the ferry was late and was full of tourists."
    assert [q.text(kept) for q in find_quotes(kept)] == ["the ferry was late and was full of tourists"]


def test_a_verb_with_a_listener_and_an_infinitive_reports_what_they_were_told() -> None:
    text = "The utility reminded customers to stay away from fallen power lines."
    quotes = find_quotes(text)
    assert quotes and quotes[0].speaker_text == "The utility" and "stay away" in quotes[0].text(text)


@pytest.mark.parametrize(("text", "speaker"), [
    ('At a closed briefing in November the minister had conceded the ferry was "a stopgap".', "the minister"),
    ("After the vote the council said the ferry would run until June.", "the council"),
    ("On Thursday the harbour board said the pier would reopen.", "the harbour board"),
    ("Keep the Quay Open said the pier should stay public.", "Keep the Quay Open"),  # a name keeps its 'the'
    ("Dr. Ana B. Holt said the pier should stay public.", "Dr. Ana B. Holt"),
])
def test_a_time_or_place_phrase_is_not_part_of_the_speaker(text: str, speaker: str) -> None:
    q = only(text)
    assert spk(text, q) == speaker


@pytest.mark.parametrize(("text", "content"), [
    ("The harbour master said the ferry would be late again, which would upset the commuters.",
     "the ferry would be late again, which would upset the commuters"),
    ("Lee said the petition, which now carries more than 38,000 names, would stay open.",
     "the petition, which now carries more than 38,000 names, would stay open"),
    ("The harbour master criticized the new timetable, which starts in June.", "the new timetable"),
])
def test_which_clause_after_reported_words_that_are_a_clause_is_kept(text: str, content: str) -> None:
    assert [q.text(text) for q in find_quotes(text)] == [content]


@pytest.mark.parametrize(("text", "content"), [
    ("The ferry ran every hour, the harbour master said, until the storm damaged the pier.",
     "The ferry ran every hour, the harbour master said, until the storm damaged the pier"),
    ("The new pier is a model, Lee said, for how small harbours can pay for repairs.",
     "The new pier is a model, Lee said, for how small harbours can pay for repairs"),
    ("The ferry ran every hour, the harbour master said, as the crowd cheered.", "The ferry ran every hour"),
    ("The ferry ran every hour, said Lee, since the new pier opened.", "The ferry ran every hour"),
    ("The pier was closed, the mayor said, but the ferry still ran.", "The pier was closed"),
])
def test_a_clause_that_goes_on_after_the_attribution_is_reported(text: str, content: str) -> None:
    assert [q.text(text) for q in find_quotes(text)][:1] == [content]


@pytest.mark.parametrize(("text", "content", "speaker"), [
    ("Senator Ana Lind, Democrat of Vessen, said the ferry plan had failed.", "the ferry plan had failed",
     "Senator Ana Lind, Democrat of Vessen"),
    ("Ana Lind, University of Vessen, said the pier is unsafe.", "the pier is unsafe", "Ana Lind, University of Vessen"),
    ("The ferry is late, said Ana Lind, Democrat of Vessen.", "The ferry is late", "Ana Lind"),
])
def test_an_affiliation_between_commas_belongs_to_the_speaker(text: str, content: str, speaker: str) -> None:
    assert [(q.text(text), q.speaker_text) for q in find_quotes(text)] == [(content, speaker)]


@pytest.mark.parametrize(("text", "content"), [
    ("The harbour master said after the meeting he would resign in June.", "he would resign in June"),
    ("Lee says at a rally in Vessen, Norland, that the ferry will return.", "that the ferry will return"),
    ("Lee stated in the council's blog post that the pier was unsafe.", "that the pier was unsafe"),
    ("The board stated in July it opposed the new pier.", "it opposed the new pier"),
])
def test_a_time_or_place_phrase_between_the_verb_and_the_clause_is_stepped_over(text: str, content: str) -> None:
    assert [q.text(text) for q in find_quotes(text)] == [content]


def test_a_phrase_holding_a_verb_is_not_stepped_over() -> None:
    text = '"The pier is safe," she said at a news conference announcing that the ferry would return.'
    assert [q.text(text) for q in find_quotes(text)][:1] == ['"The pier is safe,"']


@pytest.mark.parametrize("text", [
    "Television footage showed how the waves had swept the old pier into the harbour.",
    "The video showed that the ferry had left the pier early.",
    "Readings above 50 indicate expansion on the index's 100-point scale.",
])
def test_what_a_recording_or_a_gauge_shows_is_not_said(text: str) -> None:
    assert find_quotes(text) == []


def test_a_person_who_shows_something_is_still_reported() -> None:
    text = "The harbour master showed that the ferry had left the pier early."
    assert [q.text(text) for q in find_quotes(text)] == ["that the ferry had left the pier early"]


def test_a_price_move_after_added_is_not_reported_words() -> None:
    assert find_quotes("Brent crude added $1.60 to settle at $52.11 a barrel on Tuesday.") == []
    text = "The harbour master said $5 million was spent on the pier."
    assert [q.text(text) for q in find_quotes(text)] == ["$5 million was spent on the pier"]


@pytest.mark.parametrize(("text", "content", "speaker"), [
    ("Ana Lind, D-Vess., said the ferry plan had failed.", "the ferry plan had failed", "Ana Lind, D-Vess."),
    ("Rep. Tom Hale, R-N.V., the chair of the harbour committee, said the pier is unsafe.", "the pier is unsafe",
     "Rep. Tom Hale, R-N.V., the chair of the harbour committee"),
    ('"The pier is unsafe," Senator Ana Lind, I-Vess., said on Tuesday.', '"The pier is unsafe,"', "Senator Ana Lind, I-Vess."),
])
def test_a_party_and_state_after_a_name_belong_to_the_speaker(text: str, content: str, speaker: str) -> None:
    assert [(q.text(text), q.speaker_text) for q in find_quotes(text)] == [(content, speaker)]


@pytest.mark.parametrize(("text", "speaker"), [
    ("Ana Lind -- co-author of a history of the crossing -- said the pier would be rebuilt.",
     "Ana Lind -- co-author of a history of the crossing"),
    ("Ana Lind - co-author of a history of the crossing - said the pier would be rebuilt.",
     "Ana Lind - co-author of a history of the crossing"),
])
def test_a_description_between_dashes_belongs_to_the_speaker(text: str, speaker: str) -> None:
    assert [(q.text(text), q.speaker_text) for q in find_quotes(text)] == [("the pier would be rebuilt", speaker)]


@pytest.mark.parametrize(("text", "content"), [
    ("The mayor said the ferry would run again in June in an interview with the Valley Press.",
     "the ferry would run again in June"),
    ("Velasco called for a new harbour wall in a tweet on Monday night.", "a new harbour wall"),
    # the medium inside the reported words, not closing them, stays
    ("Velasco said the minister had promised the wall in a letter to the council last year.",
     "the minister had promised the wall in a letter to the council last year"),
])
def test_a_closing_medium_phrase_is_not_reported_words(text: str, content: str) -> None:
    q = find_quotes(text, [Span(0, len(text))])[0]  # (the last example also has "promised" inside it)
    assert text[q.start : q.end] == content


@pytest.mark.parametrize("text", [
    "The politically charged term is among the words of the year, the dictionary's editors said.",
    "Her widely reported remarks on the harbour upset the council, members said.",
])
def test_a_verb_form_after_a_determiner_and_adverbs_is_an_adjective(text: str) -> None:
    cues = [text[q.cue_start : q.cue_end] for q in find_quotes(text, [Span(0, len(text))])]
    assert cues == ["said"]


# the tokeniser's fast paths (pieces cut at spaces) must give the pattern's tokens exactly
_TOKEN_PIECES = ["said", "Told", "U.S", "co-op", "Lee's", "5", ",", ".", ")", "(", "-", "'", "&", "_", "\u00e9",
                 "\u00e9t,", "caf\u00e9.", "\u0130", "\u24b6", "\u201c", "\u201d", "\u2591", "\u201c\u2591\u2591,\u201d",
                 ":", "?", "according", "to"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_TOKEN_PIECES), max_size=12),
       st.lists(st.sampled_from(["", " ", "  ", "\n", "\u00a0"]), max_size=12), st.data())
def test_tokenize_fast_paths_give_the_patterns_tokens(pieces: list[str], gaps: list[str], data: st.DataObject) -> None:
    from mediakit.quotes.tokens import _tokenize_spaced, tokenize

    text = "".join(p + (gaps[i] if i < len(gaps) else " ") for i, p in enumerate(pieces))
    s = data.draw(st.integers(0, len(text)))
    e = data.draw(st.integers(s, len(text)))

    def rows(toks: list) -> list[tuple]:
        return [(t.start, t.end, t.text, t.low, t.kind) for t in toks]

    fast: list[int] = [7]
    plain: list[int] = [7]
    assert rows(tokenize(text, s, e, fast)) == rows(_tokenize_spaced(text, s, e, plain))
    assert fast == plain
    # refilling the objects of a pool (the same pool for every example: the tokens of one text are
    # overwritten by the next) gives the same tokens
    pooled: list[int] = [7]
    assert rows(tokenize(text, s, e, pooled, None, _TOKEN_POOL)) == rows(_tokenize_spaced(text, s, e))
    assert pooled == fast


_TOKEN_POOL: list = []  # see test_tokenize_fast_paths_give_the_patterns_tokens


def test_tok_text_is_the_tokens_joined_by_spaces() -> None:
    """tok_text's one-token shortcut gives what joining the slice gives, for any range, out of range too."""
    from mediakit.quotes.tokens import tok_text, tokenize

    text = 'Lee said, "no" today.'
    toks = tokenize(text, 0, len(text))
    for a in range(-3, len(toks) + 3):
        for b in range(-3, len(toks) + 3):
            assert tok_text(toks, (a, b)) == " ".join([t.text for t in toks[a:b]])


_CONTENT_PIECES = ["Lee", "said", ",", ";", ".", "and", "but", "which", "a", "an", "adding", "morning", "was",
                   "argued", "then", "quickly", '"We are ready,"', '"Fine."', "\u201c", "-", "(", ")"]


def _clause_end_by_every_test(sent, start: int, end: int) -> int:  # noqa: ANN001
    """content._clause_end as written before its tests after a comma were grouped (the reference)."""
    from mediakit.quotes.content import _embedded, _has_finite, _next_act_after
    from mediakit.quotes.words import CUT_WORDS, NOT_PARTICIPLES

    toks = sent.toks
    for m in range(start + 2, end):
        t = toks[m]
        prev = toks[m - 1]
        comma = prev.text == "," or (prev.kind == "q" and prev.text[-2:-1] == ",")
        cut = m - 1 if prev.text == "," else m
        if t.text == ";":
            return m
        if comma and t.kind == "w" and t.low.endswith("ing") and t.low not in NOT_PARTICIPLES:
            return cut
        if comma and t.low in CUT_WORDS and not (t.low == "which" and (_embedded(sent, m, end)
                                                                        or _has_finite(toks, start, m - 1))):
            return cut
        if comma and t.low in ("a", "an"):
            return cut
        if t.low in ("and", "but") and m + 1 < end and _next_act_after(toks, start, m, end):
            return m - 1 if prev.text == "," else m
    return end


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_CONTENT_PIECES), max_size=14))
def test_content_counts_and_clause_end_match_reading_every_token(pieces: list[str]) -> None:
    """make's counts (words counted up to two when the content holds no quotation) and _clause_end
    (the tests after a comma read only after one) give what reading every token gives, for every range."""
    from mediakit.quotes.content import _clause_end, content_counts
    from mediakit.quotes.document import Document
    from mediakit.quotes.sentence import Sentence
    from mediakit.quotes.tokens import tokenize

    text = " ".join(pieces)
    doc = Document(text, [(0, len(text))], text.__getitem__)
    toks = tokenize(doc.masked, 0, len(text))
    sent = Sentence(doc, toks, 0)
    for s in range(len(toks)):
        for e in range(s + 1, len(toks) + 1):
            kinds = [t.kind for t in toks[s:e]]
            quotes = [t for t in toks[s:e] if t.kind == "q"]
            counted = content_counts(sent, s, e)
            if not quotes and kinds.count("w") < 2:
                assert counted is None
            else:
                assert counted is not None and counted[0] == quotes
                assert counted[1] == kinds.count("w") or (not quotes and counted[1] == 2)
            assert _clause_end(sent, s, e) == _clause_end_by_every_test(sent, s, e)


def test_the_lexicon_tables_held_by_the_hot_paths_are_the_cached_ones() -> None:
    """cue_entry, lookup_low, tokenize and worth_reading read the lexicon's tables from globals held
    from their first read: the same objects the lru_cache functions return."""
    from mediakit.lexicon import lexicon
    from mediakit.quotes import tokens, verbs

    assert verbs.lookup_low("said") is lexicon()["said"] and verbs._TABLE is lexicon()
    assert verbs._MULTI is verbs._multi_forms()
    tokens.worth_reading("He said so.")
    assert tokens._CUE_WORDS is verbs.cue_words() and tokens._ASCII_CUE_WORDS is tokens._ascii_cue_words()
