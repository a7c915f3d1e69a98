"""Coverage measures: hand-counted numbers on five invented articles, determinism, empty input, the teaching corpus.

The five articles (two outlets, three dates) are analysed with :func:`mediakit.analyse`; the first test
pins the quotes and actors the analysis finds in them, so that every number below can be checked by hand
from that list (and a change in the analysis shows up there first, not as a puzzling measure).
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import polars as pl
import pytest

import mediakit.measures as measures
from mediakit.analysis import Analysis, analyse
from mediakit.codebook import Codebook
from mediakit.errors import MediakitError
from mediakit.measures import (
    Tables,
    anonymous_rate,
    attention,
    cooccurrence,
    people_quoted,
    people_quoted_by_outlet,
    prominence,
    quoted_words,
    share_of_voice,
    sources_table,
    strip_quote_marks,
    verb_profile,
)
from mediakit.measures._base import words_expr
from mediakit.model import Article, Span

ROOT = Path(__file__).resolve().parent.parent

HC, LD = "harbour-courier", "lantern-daily"
ARTICLES = [
    ("hc-1", HC, "2026-05-04", "Ferry to resume next month, mayor says", [
        "The Brisk Island ferry will resume in June, Mayor Lena Ortiz said on Monday.",
        "\u201cWe have waited long enough,\u201d Ms Ortiz told reporters at the pier.",
        "Officials who asked not to be named said the repairs had cost twice the estimate.",
        "Jonas Pell, a spokesman for the Harbour Board, insisted that the boat was safe."]),
    ("hc-2", HC, "2026-05-06", "A costly winter for the Harbour Board", [
        "The Harbour Board defended the cost of the repairs on Wednesday.",
        "\u201cEvery crown was well spent,\u201d said Jonas Pell, the board's spokesman.",
        "Anna Brek, an engineer at Calder University, warned that the hull needed more work."]),
    ("ld-1", LD, "2026-05-04", "\u2018Nobody asked us\u2019, says shopkeeper Marta Holm", [
        "Residents said they had not been consulted about the ferry timetable.",
        "\u201cNobody asked us,\u201d said Marta Holm, who runs the island shop.",
        "Mayor Lena Ortiz said the timetable would be reviewed."]),
    ("ld-2", LD, "2026-05-12", "Ferry repairs questioned", [
        "Sources at the Harbour Board claimed the repairs were rushed.",
        "Anna Brek said the hull was sound. \u201cIt will last,\u201d she added."]),
    ("hc-3", HC, "2026-05-12", "Pier lights switched on", [
        "The new lights on the pier were switched on at dusk on Tuesday."]),
]
BOOK = Codebook({
    "government": {"names": ["Lena Ortiz"]},
    "harbour": {"names": ["Harbour Board", "Jonas Pell"]},
    "expert": {"names": ["Anna Brek", "Calder University"]},
    "residents": {"names": ["Marta Holm"]},
    "anonymous": {"types": ["anonymous"]},
})
OFFICIALS = "officials who asked not to be named"

#: The quotes the analysis finds: (doc, words, kind, cue_class, speaker, speaker_type, paragraph).
QUOTES = [
    ("hc-1", 5, "indirect", "neutral", "Lena Ortiz", "person", None),  # the headline
    ("hc-1", 8, "indirect", "neutral", "Lena Ortiz", "person", 0),
    ("hc-1", 5, "direct", "neutral", "Lena Ortiz", "person", 1),
    ("hc-1", 7, "indirect", "neutral", OFFICIALS, "anonymous", 2),
    ("hc-1", 5, "indirect", "loaded", "Jonas Pell", "person", 3),
    ("hc-2", 7, "indirect", "emphatic", "Harbour Board", "organisation", 0),
    ("hc-2", 5, "direct", "neutral", "Jonas Pell", "person", 1),
    ("hc-2", 6, "indirect", "emphatic", "Anna Brek", "person", 2),
    ("ld-1", 3, "direct", "neutral", "Marta Holm", "person", None),  # the headline
    ("ld-1", 9, "indirect", "neutral", "residents", "group", 0),
    ("ld-1", 3, "direct", "neutral", "Marta Holm", "person", 1),
    ("ld-1", 5, "indirect", "neutral", "Lena Ortiz", "person", 2),
    ("ld-2", 4, "indirect", "loaded", "sources", "anonymous", 0),
    ("ld-2", 4, "indirect", "neutral", "Anna Brek", "person", 1),
    ("ld-2", 3, "direct", "neutral", "Anna Brek", "person", 1),
]


def make_article(doc: str, outlet: str, date: str, title: str, paras: list[str]) -> Article:
    """Headline, blank line, paragraphs separated by blank lines; the spans say which is which."""
    source = title + "\n\n" + "\n\n".join(paras)
    spans, pos = [], len(title) + 2
    for p in paras:
        spans.append(Span(pos, pos + len(p), "paragraph"))
        pos += len(p) + 2
    return Article(source=source, id=doc, outlet=outlet, date=date, title=title,
                   metadata_spans=[Span(0, len(title), "title")], paragraphs=spans)


@pytest.fixture(scope="module")
def analyses() -> list[Analysis]:
    return [analyse(make_article(*a), codebook=BOOK) for a in ARTICLES]


@pytest.fixture(scope="module")
def tables(analyses: list[Analysis]) -> Tables:
    return Tables.from_analyses(analyses)


def without_paragraph(t: Tables) -> Tables:
    return Tables(t.articles, t.quotes.drop("paragraph"), t.actors, t.mentions)


# ----- the fixture --------------------------------------------------------------------------------


def test_the_invented_articles_analyse_as_listed(tables: Tables) -> None:
    q = tables.quotes
    got = q.select("doc", words_expr("text").alias("words"), "kind", "cue_class", "speaker", "speaker_type",
                   "paragraph").rows()
    assert got == QUOTES
    assert [quoted_words(x) for x in q["text"]] == [r[1] for r in QUOTES]
    people = tables.actors.filter(pl.col("type").is_in(["person", "organisation"])).select("doc", "name")
    assert sorted(people.rows()) == sorted([
        ("hc-1", "Lena Ortiz"), ("hc-1", "Jonas Pell"), ("hc-1", "Harbour Board"),
        ("hc-2", "Harbour Board"), ("hc-2", "Jonas Pell"), ("hc-2", "Anna Brek"), ("hc-2", "Calder University"),
        ("ld-1", "Marta Holm"), ("ld-1", "Lena Ortiz"), ("ld-2", "Harbour Board"), ("ld-2", "Anna Brek")])
    assert tables.articles.select("doc", "outlet", "date", "quotes").rows() == [
        ("hc-1", HC, "2026-05-04", 5), ("hc-2", HC, "2026-05-06", 3), ("ld-1", LD, "2026-05-04", 4),
        ("ld-2", LD, "2026-05-12", 3), ("hc-3", HC, "2026-05-12", 0)]


# ----- hand-counted numbers ------------------------------------------------------------------------


def test_attention_by_actor_per_week(tables: Tables) -> None:
    week1, week2 = dt.date(2026, 5, 4), dt.date(2026, 5, 11)
    got = attention(tables, "actor", every="week", types=["person"])
    assert got.columns == ["period", "outlet", "key", "articles", "outlet_articles", "share"]
    assert got.rows() == [
        (week1, HC, "Jonas Pell", 2, 2, 1.0),  # hc-1 and hc-2 both name him
        (week1, HC, "Anna Brek", 1, 2, 0.5),
        (week1, HC, "Lena Ortiz", 1, 2, 0.5),
        (week1, LD, "Lena Ortiz", 1, 1, 1.0),
        (week1, LD, "Marta Holm", 1, 1, 1.0),
        (week2, LD, "Anna Brek", 1, 1, 1.0),  # hc-3 names no person: no row, but it counts below
    ]
    full = attention(tables, every="week", keys=["Anna Brek"], complete=True)
    assert full.rows() == [
        (week1, HC, "Anna Brek", 1, 2, 0.5), (week1, LD, "Anna Brek", 0, 1, 0.0),
        (week2, HC, "Anna Brek", 0, 1, 0.0), (week2, LD, "Anna Brek", 1, 1, 1.0)]


def test_attention_by_category_day_and_keyword(tables: Tables) -> None:
    got = attention(tables, "category", every="day", keys=["harbour", "expert"])
    assert got.select("period", "outlet", "key", "articles").rows() == [
        (dt.date(2026, 5, 4), HC, "harbour", 1),
        (dt.date(2026, 5, 6), HC, "expert", 1),
        (dt.date(2026, 5, 6), HC, "harbour", 1),
        (dt.date(2026, 5, 12), LD, "expert", 1),
        (dt.date(2026, 5, 12), LD, "harbour", 1),
    ]
    # "ferry": hc-1 (headline), ld-1 (a quote), ld-2 (headline); "hull": quotes of hc-2 and ld-2;
    # "Hollin" nowhere. "Ferries" would not match "ferry": whole words only.
    kw = attention(tables, "keyword", keywords={"ferry": ["ferry"], "hull": ["HULL", "keel"], "none": ["Hollin"]},
                   every="month", per_outlet=False)
    assert kw.rows() == [(dt.date(2026, 5, 1), "all", "ferry", 3, 5, 0.6), (dt.date(2026, 5, 1), "all", "hull", 2, 5, 0.4)]
    phrase = attention(tables, "keyword", keywords=["Brisk Island", "island shop"], every="month")
    assert phrase.select("outlet", "key", "articles").rows() == [(HC, "Brisk Island", 1)]  # mentions and quotes only


def test_share_of_voice_by_speaker(tables: Tables) -> None:
    got = share_of_voice(tables, "speaker")
    assert got.columns == ["speaker", "quotes", "words", "quote_share", "word_share"]
    assert got.select("speaker", "quotes", "words").rows() == [
        ("Lena Ortiz", 4, 23), ("Anna Brek", 3, 13), ("Jonas Pell", 2, 10), ("Marta Holm", 2, 6),
        ("residents", 1, 9), ("Harbour Board", 1, 7), (OFFICIALS, 1, 7), ("sources", 1, 4)]
    assert got["quote_share"][0] == pytest.approx(4 / 15)
    assert got["word_share"][0] == pytest.approx(23 / 79)
    assert got["quote_share"].sum() == pytest.approx(1.0)


def test_share_of_voice_within_outlet_by_category(tables: Tables) -> None:
    got = share_of_voice(tables, ["outlet", "category"])
    assert got.select("outlet", "category", "quotes", "words").rows() == [
        (HC, "government", 3, 18), (HC, "harbour", 3, 17), (HC, "anonymous", 1, 7), (HC, "expert", 1, 6),
        (LD, "expert", 2, 7), (LD, "residents", 2, 6), (LD, "unmapped", 1, 9), (LD, "government", 1, 5),
        (LD, "anonymous", 1, 4)]
    assert got.filter(pl.col("outlet") == HC)["quote_share"].to_list() == [3 / 8, 3 / 8, 1 / 8, 1 / 8]
    assert got.filter(pl.col("outlet") == LD)["word_share"].sum() == pytest.approx(1.0)
    direct = share_of_voice(tables, "speaker_type", kinds=["direct"])
    assert direct.rows() == [("person", 5, 19, 1.0, 1.0)]  # 5 + 5 + 3 + 3 + 3 words
    overall = share_of_voice(tables, ["outlet", "speaker_type"], within=[])
    assert overall["quote_share"].sum() == pytest.approx(1.0)


def test_prominence_with_paragraphs(tables: Tables) -> None:
    got = prominence(tables)
    assert got.columns == ["speaker", "articles", "quotes", "first", "headline", "early"]
    assert got.rows() == [
        ("Lena Ortiz", 2, 4, 1, 1, 2),  # first and in the headline in hc-1; paragraphs 0-2 of hc-1 and ld-1
        ("Anna Brek", 2, 3, 0, 0, 2),
        ("Jonas Pell", 2, 2, 0, 0, 1),  # paragraph 3 of hc-1 is not early
        ("Marta Holm", 1, 2, 1, 1, 1),  # headline quote and its body repeat: one article
        ("Harbour Board", 1, 1, 1, 0, 1),
        ("sources", 1, 1, 1, 0, 1),
        (OFFICIALS, 1, 1, 0, 0, 1),
        ("residents", 1, 1, 0, 0, 1),
    ]
    by_outlet = prominence(tables, ["outlet", "speaker_type"])
    assert by_outlet.filter(pl.col("speaker_type") == "person").rows() == [
        (HC, "person", 2, 6, 1, 1, 2), (LD, "person", 2, 5, 1, 1, 2)]


def test_prominence_falls_back_to_quote_order(tables: Tables) -> None:
    got = {r[0]: r[5] for r in prominence(without_paragraph(tables)).rows()}
    # the first three quotes of each article: hc-1 Lena x3; hc-2 all; ld-1 Marta, residents, Marta; ld-2 all
    assert got == {"Lena Ortiz": 1, "Anna Brek": 2, "Jonas Pell": 1, "Marta Holm": 1, "Harbour Board": 1,
                   "sources": 1, OFFICIALS: 0, "residents": 1}
    assert prominence(without_paragraph(tables), early=1)["early"].sum() == 4  # one per quoting article


def test_verb_profile_by_outlet(tables: Tables) -> None:
    got = verb_profile(tables)
    assert got.columns == ["outlet", "cue_class", "quotes", "share"]
    assert got.height == 14  # every lexicon class for each outlet
    assert got.filter(pl.col("quotes") > 0).select("outlet", "cue_class", "quotes").rows() == [
        (HC, "neutral", 5), (HC, "loaded", 1), (HC, "emphatic", 2), (LD, "neutral", 6), (LD, "loaded", 1)]
    assert got.filter(pl.col("outlet") == HC)["share"].to_list() == [5 / 8, 1 / 8, 2 / 8, 0, 0, 0, 0]
    by_cat = verb_profile(tables, "category").filter(pl.col("category") == "expert", pl.col("quotes") > 0)
    assert by_cat.rows() == [("expert", "neutral", 2, 2 / 3), ("expert", "emphatic", 1, 1 / 3)]
    overall = verb_profile(tables, None)
    assert overall.filter(pl.col("quotes") > 0).rows() == [("neutral", 11, 11 / 15), ("loaded", 2, 2 / 15),
                                                           ("emphatic", 2, 2 / 15)]


def test_anonymous_rate(tables: Tables) -> None:
    assert anonymous_rate(tables).rows() == [
        (HC, 3, 8, 1, 1 / 8, 1, 1 / 3),  # the officials in hc-1; hc-3 quotes nobody but is an article
        (LD, 2, 7, 1, 1 / 7, 1, 1 / 2),  # the sources in ld-2
    ]


def test_people_quoted(tables: Tables) -> None:
    assert people_quoted(tables).rows() == [
        ("hc-1", HC, dt.date(2026, 5, 4), 2, 3, 5),  # Ortiz, Pell (+ the officials)
        ("ld-1", LD, dt.date(2026, 5, 4), 2, 3, 4),  # Holm, Ortiz (+ residents, a group)
        ("hc-2", HC, dt.date(2026, 5, 6), 2, 3, 3),  # Pell, Brek (+ the board)
        ("hc-3", HC, dt.date(2026, 5, 12), 0, 0, 0),
        ("ld-2", LD, dt.date(2026, 5, 12), 1, 2, 3),  # Brek (+ sources)
    ]
    assert people_quoted_by_outlet(tables).rows() == [(HC, 3, 4 / 3, 2.0, 2, 1), (LD, 2, 1.5, 1.5, 2, 0)]


def test_cooccurrence(tables: Tables) -> None:
    pairs = cooccurrence(tables, types=["person", "organisation"])
    assert pairs.columns == ["actor_a", "actor_b", "articles"]
    assert pairs.height == 9  # 3 pairs in hc-1, 6 in hc-2, 1 each in ld-1 and ld-2, two of them shared
    assert pairs.head(3).rows() == [("Anna Brek", "Harbour Board", 2), ("Harbour Board", "Jonas Pell", 2),
                                    ("Anna Brek", "Calder University", 1)]
    assert cooccurrence(tables, min_articles=2).rows() == [("Anna Brek", "Harbour Board", 2),
                                                           ("Harbour Board", "Jonas Pell", 2)]
    assert cooccurrence(tables, types=["person"], min_articles=1).rows() == [
        ("Anna Brek", "Jonas Pell", 1), ("Jonas Pell", "Lena Ortiz", 1), ("Lena Ortiz", "Marta Holm", 1)]


def test_sources_table(tables: Tables) -> None:
    got = sources_table(tables, "hc-1")
    assert got.columns == ["doc", "order", "speaker", "type", "role", "affiliation", "category", "quotes",
                           "direct", "words"]
    assert got.rows() == [
        ("hc-1", 1, "Lena Ortiz", "person", "Mayor", None, "government", 3, 1, 18),
        ("hc-1", 2, OFFICIALS, "anonymous", None, None, "anonymous", 1, 0, 7),
        ("hc-1", 3, "Jonas Pell", "person", "spokesman", "Harbour Board", "harbour", 1, 0, 5),
    ]
    everything = sources_table(tables)
    assert everything.group_by("doc").len().sort("doc").rows() == [("hc-1", 3), ("hc-2", 3), ("ld-1", 3), ("ld-2", 2)]
    assert everything["quotes"].sum() == 15


# ----- determinism, input forms, empty input, errors ---------------------------------------------------

def all_measures(t: object) -> dict[str, pl.DataFrame]:
    return {
        "attention": attention(t, every="week"),
        "attention_keyword": attention(t, "keyword", keywords=["ferry", "repairs", "dam"], every="day"),
        "share_of_voice": share_of_voice(t, ["outlet", "speaker"]),
        "prominence": prominence(t),
        "verb_profile": verb_profile(t, "speaker_type"),
        "anonymous_rate": anonymous_rate(t),
        "people_quoted": people_quoted(t),
        "people_quoted_by_outlet": people_quoted_by_outlet(t),
        "cooccurrence": cooccurrence(t),
        "sources_table": sources_table(t),
    }


def shuffled(t: Tables, seed: int) -> Tables:
    rng = random.Random(seed)

    def mix(df: pl.DataFrame) -> pl.DataFrame:
        order = list(range(df.height))
        rng.shuffle(order)
        return df[order]

    return Tables(*(mix(getattr(t, n)) for n in ("articles", "quotes", "actors", "mentions")))


def test_measures_are_deterministic_and_ignore_input_order(tables: Tables, analyses: list[Analysis]) -> None:
    first = all_measures(tables)
    again = all_measures(tables)
    for name, frame in first.items():
        assert frame.height > 0, name
        assert frame.equals(again[name]), name
    for seed in (1, 2, 3):
        mixed = all_measures(shuffled(tables, seed))
        for name, frame in first.items():
            assert frame.equals(mixed[name]), (name, seed)
        fallback = prominence(without_paragraph(shuffled(tables, seed)))
        assert fallback.equals(prominence(without_paragraph(tables))), seed
    lazy = Tables(*(getattr(tables, n).lazy() for n in ("articles", "quotes", "actors", "mentions")))
    for name, frame in all_measures(lazy).items():
        assert frame.equals(first[name]), name
    direct = all_measures(analyses)  # a list of analyses is taken as it is
    for name, frame in direct.items():
        assert frame.equals(first[name]), name
    without = {n: f for n, f in all_measures(without_paragraph(tables)).items()}
    assert without["prominence"].select("first", "headline").equals(first["prominence"].select("first", "headline"))


#: The documented columns and types of each measure.
SCHEMAS = {
    "attention": {"period": pl.Date, "outlet": pl.Utf8, "key": pl.Utf8, "articles": pl.Int64,
                  "outlet_articles": pl.Int64, "share": pl.Float64},
    "share_of_voice": {"outlet": pl.Utf8, "speaker": pl.Utf8, "quotes": pl.Int64, "words": pl.Int64,
                       "quote_share": pl.Float64, "word_share": pl.Float64},
    "prominence": {"speaker": pl.Utf8, "articles": pl.Int64, "quotes": pl.Int64, "first": pl.Int64,
                   "headline": pl.Int64, "early": pl.Int64},
    "verb_profile": {"speaker_type": pl.Utf8, "cue_class": pl.Utf8, "quotes": pl.Int64, "share": pl.Float64},
    "anonymous_rate": {"outlet": pl.Utf8, "articles": pl.Int64, "quotes": pl.Int64, "anonymous_quotes": pl.Int64,
                       "anonymous_share": pl.Float64, "articles_with_anonymous": pl.Int64,
                       "articles_with_anonymous_share": pl.Float64},
    "people_quoted": {"doc": pl.Utf8, "outlet": pl.Utf8, "date": pl.Date, "people": pl.Int64, "speakers": pl.Int64,
                      "quotes": pl.Int64},
    "people_quoted_by_outlet": {"outlet": pl.Utf8, "articles": pl.Int64, "mean": pl.Float64, "median": pl.Float64,
                                "max": pl.Int64, "none": pl.Int64},
    "cooccurrence": {"actor_a": pl.Utf8, "actor_b": pl.Utf8, "articles": pl.Int64},
    "sources_table": {"doc": pl.Utf8, "order": pl.Int64, "speaker": pl.Utf8, "type": pl.Utf8, "role": pl.Utf8,
                      "affiliation": pl.Utf8, "category": pl.Utf8, "quotes": pl.Int64, "direct": pl.Int64,
                      "words": pl.Int64},
}


def check_schema(name: str, frame: pl.DataFrame) -> None:
    key = "attention" if name.startswith("attention") else name
    assert dict(frame.schema) == SCHEMAS[key], name


def test_outputs_have_the_documented_columns(tables: Tables) -> None:
    for name, frame in all_measures(tables).items():
        check_schema(name, frame)


def test_empty_tables_give_empty_frames_with_the_documented_columns() -> None:
    for empty in (Tables(), []):
        for name, frame in all_measures(empty).items():
            assert frame.height == 0, name
            check_schema(name, frame)
    assert verb_profile(Tables(), None).columns == ["cue_class", "quotes", "share"]


def test_articles_without_quotes(analyses: list[Analysis]) -> None:
    quiet = Tables.from_analyses([a for a in analyses if not a.quotes])  # hc-3 only
    assert quiet.quotes.height == 0 and "paragraph" in quiet.quotes.columns
    got = all_measures(quiet)
    for name, frame in got.items():
        check_schema(name, frame)
    for name in ("share_of_voice", "prominence", "verb_profile", "sources_table", "attention_keyword"):
        assert got[name].height == 0, name
    assert got["anonymous_rate"].rows() == [(HC, 1, 0, 0, None, 0, 0.0)]
    assert got["people_quoted"].select("doc", "people", "quotes").rows() == [("hc-3", 0, 0)]
    assert got["people_quoted_by_outlet"].rows() == [(HC, 1, 0.0, 0.0, 0, 1)]


def test_failed_and_undated_articles(tables: Tables) -> None:
    extra = pl.DataFrame({"doc": ["x-failed", "x-undated"], "status": ["failed", "ok"], "outlet": [HC, HC],
                          "date": ["2026-05-04", "sometime in May"]})
    articles = pl.concat([tables.articles.select("doc", "status", "outlet", "date"), extra])
    t = Tables(articles, tables.quotes, tables.actors, tables.mentions)
    assert anonymous_rate(t)["articles"].to_list() == [4, 2]  # the undated article counts, the failed one not
    assert attention(t, every="week")["outlet_articles"].max() == 2  # neither is placed in a week
    dates = pl.DataFrame({"doc": ["a"], "outlet": ["X"], "date": [dt.date(2026, 5, 4)]})
    assert people_quoted(Tables(articles=dates))["date"].to_list() == [dt.date(2026, 5, 4)]


def test_user_errors_are_mediakit_errors(tables: Tables, analyses: list[Analysis]) -> None:
    with pytest.raises(MediakitError, match="object has no 'articles'"):
        share_of_voice(object())
    with pytest.raises(MediakitError, match="should be a polars DataFrame"):
        share_of_voice(Tables(quotes=[1, 2]))  # type: ignore[arg-type]
    with pytest.raises(MediakitError, match=r"needs the column\(s\) \['speaker_type'\] in the quotes table"):
        share_of_voice(Tables(quotes=pl.DataFrame({"doc": ["a"], "text": ["x"], "speaker": ["A"]})))
    with pytest.raises(MediakitError, match="cannot group by"):
        share_of_voice(tables, "colour")
    with pytest.raises(MediakitError, match="within"):
        share_of_voice(tables, "speaker", within="outlet")
    with pytest.raises(MediakitError, match="keywords"):
        attention(tables, "keyword")
    with pytest.raises(MediakitError, match="every="):
        attention(tables, every="fortnight")
    with pytest.raises(MediakitError, match="by="):
        attention(tables, "speaker")
    with pytest.raises(MediakitError, match="types="):
        attention(tables, "keyword", keywords=["ferry"], types=["person"])
    with pytest.raises(MediakitError, match="min_articles"):
        cooccurrence(tables, min_articles=0)
    with pytest.raises(MediakitError, match="same id"):
        Tables.from_analyses([analyses[0], analyses[0]])
    with pytest.raises(MediakitError, match="results of mediakit.analyse"):
        Tables.from_analyses(["not an analysis"])  # type: ignore[list-item]


def test_quote_marks_and_words() -> None:
    assert strip_quote_marks("\u201cIt\u2019s ours,\u201d \u2018they\u2019 said \"no\" \u00abnon\u00bb") == "It\u2019s ours, they said no non"
    cases = ["\u201cFor a generation \u2014 we waited,\u201d", "3.1bn-crown plan", "\u201c \u201d", "", "a \u2013 b"]
    expected = [5, 2, 0, 0, 2]
    assert [quoted_words(c) for c in cases] == expected
    frame = pl.DataFrame({"text": [*cases, None]})
    assert frame.select(words_expr())["text"].to_list() == [*expected, 0]


def test_all_names_are_exported() -> None:
    for name in measures.__all__:
        assert callable(getattr(measures, name)), name


# ----- the teaching corpus ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus_tables() -> Tables:
    import mediakit

    corpus = mediakit.load_corpus()
    book = Codebook.load(ROOT / "data" / "codebooks" / "example.yaml")
    out = []
    for row in corpus.metadata.iter_rows(named=True):
        art = mediakit.extract(corpus.text(row["id"]), kind="text")
        art.id, art.outlet, art.date = row["id"], row["outlet"], row["date"].isoformat()
        out.append(mediakit.analyse(art, codebook=book))
    return Tables.from_analyses(out)


def test_every_measure_runs_over_the_teaching_corpus(corpus_tables: Tables) -> None:
    outlets = {"calder-business", "calder-courier", "daily-lantern", "ens-wire", "valley-voice"}
    n_articles = corpus_tables.articles.height
    assert n_articles == 50
    got = all_measures(corpus_tables)
    for name, frame in got.items():
        check_schema(name, frame)
        assert frame.height > 0, name
        if "outlet" in frame.columns:
            assert set(frame["outlet"].unique()) == outlets, name
    assert got["people_quoted"].height == n_articles
    assert got["people_quoted_by_outlet"]["articles"].sum() == n_articles
    assert got["anonymous_rate"]["quotes"].sum() == corpus_tables.quotes.height
    assert got["prominence"]["first"].sum() == 50  # every article has a first quoted speaker
    assert got["share_of_voice"].group_by("outlet").agg(pl.col("quote_share").sum())["quote_share"].to_list() == \
        pytest.approx([1.0] * 5)
    cats = attention(corpus_tables, "category", every="month")
    assert {"government", "civil society", "residents"} <= set(cats["key"])
    assert (cats["share"] <= 1.0).all()
    words = corpus_tables.quotes["text"].map_elements(quoted_words, return_dtype=pl.Int64)
    assert words.to_list() == corpus_tables.quotes.select(words_expr())["text"].to_list()
