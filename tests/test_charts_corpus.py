"""mediakit.charts.corpus: every builder on the teaching corpus (tables behind the charts, their order, shares),
determinism under shuffled rows, one colour per speaker across charts, ties broken by name, errors, and the
gallery page listing every builder."""

from __future__ import annotations

import re
from pathlib import Path

import polars as pl
import pytest

from mediakit import charts
from mediakit.charts import corpus as cc
from mediakit.charts.export import chart_spec
from mediakit.charts.render import static_svg
from mediakit.charts.theme import NO_SPEAKER, OTHER
from mediakit.errors import ChartError, MediakitError
from mediakit.measures import Tables
from mediakit.report import with_codebook

ROOT = Path(__file__).resolve().parent.parent
CODEBOOK = ROOT / "data" / "codebooks" / "example.yaml"
OUTLETS = {"Calder Business Daily", "Estrelian News Service", "The Calder Courier", "The Daily Lantern", "Valley Voice"}


@pytest.fixture(scope="module")
def corpus() -> object:
    from mediakit.datasets import teaching_corpus

    return teaching_corpus()


@pytest.fixture(scope="module")
def tables(corpus: object) -> Tables:
    return with_codebook(corpus, CODEBOOK)


def _shuffled(t: Tables, seed: int) -> Tables:
    frames = {}
    for name in ("articles", "quotes", "actors", "mentions"):
        df = getattr(t, name)
        df = df.collect() if isinstance(df, pl.LazyFrame) else df
        frames[name] = df.sample(fraction=1.0, shuffle=True, seed=seed)
    return Tables(**frames)


def _all(t: Tables) -> dict[str, object]:
    return {name: getattr(cc, name)(t) for name in cc.BUILDERS}


def test_every_builder_draws_the_teaching_corpus(tables: Tables) -> None:
    for name, chart in _all(tables).items():
        data = chart.data
        assert isinstance(data, pl.DataFrame) and data.height > 0, name
        spec = chart_spec(chart)
        assert spec["title"]["subtitle"] == [
            "Source: the teaching corpus, 50 articles from 5 outlets, 2026-03-02 to 2026-04-23"], name
        assert "datasets" in spec or "data" in spec
    # one picture is enough to know the specs are valid Vega-Lite for vl-convert
    assert static_svg(chart_spec(cc.outlet_heatmap(tables))).lstrip().startswith("<svg")


def test_voice_by_group(tables: Tables) -> None:
    chart = cc.voice_by_group(tables)
    data = chart.data
    assert data.columns == ["group", "colour", "measure", "count", "share"]
    for measure in ("quotes", "quoted words"):
        part = data.filter(pl.col("measure") == measure)
        assert part["share"].sum() == pytest.approx(1.0)
        assert part.height == 13 and part["group"][-1] == OTHER  # 12 named, the rest summed
    quotes = data.filter(pl.col("measure") == "quotes")
    named = quotes.filter(pl.col("group") != OTHER)["count"].to_list()
    assert named == sorted(named, reverse=True)
    assert quotes["count"].sum() == tables.quotes.select(pl.len()).collect().item()
    assert NO_SPEAKER in quotes["group"].to_list()
    per = cc.voice_by_group(tables, per_outlet=True).data
    assert set(per["outlet"]) == OUTLETS
    assert per.group_by("outlet").agg(pl.col("share").sum())["share"].to_list() == pytest.approx([1.0] * 5)
    stacks = per.filter(pl.col("outlet") == "Valley Voice")["group"].to_list()
    assert stacks[-2:] == [NO_SPEAKER, OTHER]
    cats = cc.voice_by_group(tables, by="category").data
    assert {"government", "residents", "civil society"} <= set(cats["group"])
    words = cc.voice_by_group(tables, per_outlet=True, value="words").data
    assert words["count"].sum() > per["count"].sum()


def test_speech_verbs(tables: Tables) -> None:
    data = cc.speech_verbs(tables).data
    assert data.columns == ["group", "cue_class", "quotes", "share", "stack"]
    assert set(data["group"]) == OUTLETS
    first = data.filter(pl.col("group") == data["group"][0])["cue_class"].to_list()
    assert first[:7] == ["neutral", "loaded", "emphatic", "hedged", "writing", "question", "thought"]
    loaded = data.filter(pl.col("cue_class") == "loaded").select("group", "share")
    # groups are ordered by their share of loaded verbs, most first
    order = list(dict.fromkeys(data["group"].to_list()))
    assert order == loaded.sort(["share", "group"], descending=[True, False])["group"].to_list()
    assert data.group_by("group").agg(pl.col("share").sum())["share"].to_list() == pytest.approx([1.0] * 5)
    by_kind = cc.speech_verbs(tables, by="kind").data
    assert {"direct", "indirect"} <= set(by_kind["group"])


def test_attention_over_time(tables: Tables) -> None:
    data = cc.attention_over_time(tables).data
    assert data.columns == ["period", "outlet", "key", "colour", "articles", "outlet_articles", "share"]
    assert data["key"].n_unique() == 5 and set(data["outlet"]) == {"all"}
    assert data["period"].dtype == pl.Date and data["period"].n_unique() >= 7
    assert data.group_by("key").len()["len"].n_unique() == 1  # zero rows fill every gap
    per = cc.attention_over_time(tables, per_outlet=True, value="share", top=3, every="month").data
    assert set(per["outlet"]) == OUTLETS and per["key"].n_unique() == 3
    assert (per["share"] <= 1.0).all()
    keys = cc.attention_over_time(tables, keys=["Teodora Vasko", "Jonas Ebbe"]).data
    assert set(keys["key"]) == {"Teodora Vasko", "Jonas Ebbe"}
    categories = set(tables.actors.collect()["category"].drop_nulls())
    assert set(cc.attention_over_time(tables, by="category", types=None).data["key"]) <= categories


def test_outlet_heatmap(tables: Tables, corpus: object) -> None:
    data = cc.outlet_heatmap(tables).data
    assert data.columns == ["outlet", "group", "count", "share"]
    groups = data["group"].unique().to_list()
    assert data.height == 5 * len(groups) and data["group"].to_list()[len(groups) - 1] == NO_SPEAKER
    assert data.group_by("outlet").agg(pl.col("share").sum())["share"].to_list() == pytest.approx([1.0] * 5)
    kinds = cc.outlet_heatmap(corpus, by="speaker_type").data  # no codebook needed
    assert {"person", "organisation", "anonymous"} <= set(kinds["group"])


def test_anonymous_people_pairs_order_and_prominence(tables: Tables) -> None:
    anon = cc.anonymous_sources(tables).data
    assert anon.height == 5 and anon["anonymous_share"].to_list() == sorted(anon["anonymous_share"], reverse=True)
    assert anon["label"][0] == f"{anon['anonymous_quotes'][0]} of {anon['quotes'][0]}"
    people = cc.people_per_article(tables).data
    assert people.columns == ["outlet", "label", "people", "articles", "share", "mean"]
    assert people["articles"].sum() == 50
    assert people.height == 5 * (people["people"].max() + 1)
    pairs = cc.actor_pairs(tables, top=6).data
    assert pairs.height == 15  # every pair of the six most connected
    assert (pairs["actor_a"] < pairs["actor_b"]).all()
    order = cc.source_order(tables).data
    assert order["doc"].n_unique() == 8
    assert order.group_by("doc").agg(pl.col("order").min())["order"].to_list() == [1] * 8
    mine = cc.source_order(tables, docs=["ens-wire.csv#1"], colour_by="category").data
    assert set(mine["doc"]) == {"ens-wire.csv#1"} and "government" in set(mine["colour"])
    first = cc.who_comes_first(tables, top=5).data
    assert first.height == 15 and first["place"].unique(maintain_order=True).to_list() == [
        "quoted first", "in the headline", "in the first 3 paragraphs"]
    assert (first["articles"] <= first["quoted_in"]).all()


def test_builders_are_deterministic_under_shuffled_rows(tables: Tables) -> None:
    a, b = _all(_shuffled(tables, 1)), _all(_shuffled(tables, 2))
    for name in cc.BUILDERS:
        assert a[name].data.equals(b[name].data), name
        assert a[name].to_json() == b[name].to_json(), name


def test_one_colour_per_speaker_across_charts(tables: Tables) -> None:
    colours = charts.corpus_colours(tables)
    voice = cc.voice_by_group(tables, colours=colours)
    first = cc.who_comes_first(tables, colours=colours)
    seen = cc.attention_over_time(tables, colours=colours)
    lookup = dict(zip(voice.data["group"], voice.data["colour"], strict=False))
    for chart in (first, seen):
        key = "group" if "group" in chart.data.columns else "key"
        for name, colour in chart.data.select(key, "colour").unique().rows():
            if name in lookup:
                assert lookup[name] == colour, name
    scales = []
    for chart in (voice, first, seen):
        spec = chart_spec(chart)
        scales += [m.group(0) for m in re.finditer(r'"scale": \{"domain": \[[^\]]*\], "range": \[[^\]]*\]\}',
                                                   __import__("json").dumps(spec))]
    assert scales and len(set(scales)) == 1  # the same domain and colours in every chart
    # without colours=, each builder makes that same scale from the corpus
    assert cc.voice_by_group(tables).data["colour"].to_list() == voice.data["colour"].to_list()


def test_ties_are_broken_by_name() -> None:
    articles = pl.DataFrame({"doc": ["a", "b"], "outlet": ["Lantern", "Courier"], "date": ["2026-03-02", "2026-03-09"]})
    quotes = pl.DataFrame({"doc": ["a", "a", "b", "b"], "start": [0, 50, 0, 50], "end": [20, 70, 20, 70],
                           "text": ["“one two”"] * 4, "kind": ["direct"] * 4, "cue_class": ["neutral"] * 4,
                           "speaker": ["Zed Ames", "Abe Zorn", "Zed Ames", "Abe Zorn"], "speaker_type": ["person"] * 4})
    actors = pl.DataFrame({"doc": ["a", "a", "b", "b"], "id": ["a1", "a2", "a1", "a2"],
                           "name": ["Zed Ames", "Abe Zorn", "Zed Ames", "Abe Zorn"], "type": ["person"] * 4,
                           "mentions": [1] * 4, "first_position": [0, 50, 0, 50]})
    t = Tables(articles=articles, quotes=quotes, actors=actors)
    voice = cc.voice_by_group(t).data
    assert voice["group"].unique(maintain_order=True).to_list() == ["Abe Zorn", "Zed Ames"]
    assert charts.corpus_colours(t).domain == ["Abe Zorn", "Zed Ames"]
    assert cc.anonymous_sources(t).data["outlet"].to_list() == ["Courier", "Lantern"]
    assert cc.corpus_source_line(t) == "Source: 2 articles from Courier, Lantern, 2026-03-02 to 2026-03-09"
    assert cc.corpus_source_line(t, name="Pier study").startswith("Source: Pier study, 2 articles")


def test_errors(corpus: object) -> None:
    with pytest.raises(ChartError, match="no codebook categories"):
        cc.voice_by_group(corpus, by="category")
    with pytest.raises(ChartError, match="nothing to chart"):
        cc.voice_by_group(Tables())
    with pytest.raises(ChartError, match="nothing to chart"):
        cc.actor_pairs(Tables())
    with pytest.raises(ChartError):
        cc.speech_verbs(corpus, by="weather")
    with pytest.raises(ChartError):
        cc.attention_over_time(corpus, value="percent")
    with pytest.raises(ChartError):
        charts.corpus_colours(corpus, by="colour")
    with pytest.raises(MediakitError, match="has no 'articles'"):
        cc.anonymous_sources(object())


def test_title_and_source_options(tables: Tables) -> None:
    spec = chart_spec(cc.anonymous_sources(tables, title="Unnamed", source=""))
    assert spec["title"] == {"text": "Unnamed"}
    spec = chart_spec(cc.speech_verbs(tables, name="Tavan study"))
    assert spec["title"]["subtitle"][0].startswith("Source: Tavan study, 50 articles")


# --- the gallery ---------------------------------------------------------------------------------------------------

def test_gallery_lists_every_builder_with_a_small_picture() -> None:
    page = (ROOT / "docs" / "gallery.md").read_text(encoding="utf-8")
    for name in cc.BUILDERS:
        assert f"`{name}`" in page, f"docs/gallery.md does not show {name}: run benchmarks/gallery.py"
        image = ROOT / "docs" / "img" / "gallery" / f"{name}.png"
        assert f"img/gallery/{name}.png" in page and image.is_file(), name
        assert image.stat().st_size < 60_000, f"{image.name} is {image.stat().st_size} bytes"
        assert image.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
