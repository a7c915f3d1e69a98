"""mediakit.charts: theme, colour scale, builders (tables behind charts), export, notebook renderer."""

from __future__ import annotations

import json
import re
from pathlib import Path

import altair as alt
import polars as pl
import pytest

import mediakit
from mediakit import charts
from mediakit.analysis import Analysis
from mediakit.charts import render
from mediakit.charts.export import html_page
from mediakit.charts.theme import NEUTRAL, NO_QUOTE, NO_SPEAKER, OTHER, PALETTE
from mediakit.errors import ChartError, MediakitError
from mediakit.model import Article
from mediakit.segment import split_paragraphs

HOSTILE = "<img src=x onerror=alert(1)>"
BREAKOUT = "</script><script>window.__pwned=1</script>"

# Invented article: three speakers, one paragraph without a quote, one quote with no speaker.
TEXT = (
    "Harbour board backs new pier\n\n"
    '"We are ready to build it this spring," said Ms Lena Ortiz, the harbour master.\n\n'
    "The pier would replace a wooden jetty that has stood since 1950.\n\n"
    "Councillor Tomas Brell said the cost had not been explained to residents.\n\n"
    '"Nobody asked us," said Mara Quist, who runs a cafe on the quay. "Nobody ever does."\n\n'
    "The plan is alleged to have been changed twice.\n\n"
    '"It will be safe," Ortiz added.\n'
)


def _analysis(text: str = TEXT, doc: str = "harbour-1", **meta: str) -> Analysis:
    art = Article(source=text, id=doc, paragraphs=split_paragraphs(text), **meta)
    return mediakit.analyse(art)


@pytest.fixture(scope="module")
def an() -> Analysis:
    return _analysis(outlet="The Quay Gazette", date="2026-03-18")


@pytest.fixture(scope="module")
def hostile() -> Analysis:
    a = _analysis(doc="hostile")
    speakers = [q.actor for q in a.quotes if q.actor is not None]
    speakers[0].name = HOSTILE
    next(s for s in speakers if s.name != HOSTILE).name = BREAKOUT
    return a


# --- theme and colours ----------------------------------------------------------------------------------

def test_theme_registered_and_enabled() -> None:
    assert charts.use_theme() == "mediakit"
    assert charts.theme.active_theme() == "mediakit"
    config = alt.Chart(pl.DataFrame({"a": [1]})).mark_bar().encode(x="a").to_dict()["config"]
    assert config["range"]["category"] == list(PALETTE)
    assert config["title"]["anchor"] == "start" and config["axis"]["labelFontSize"] >= 12


def test_palette_distinct_and_large_enough() -> None:
    assert len(PALETTE) >= 14 and len(set(PALETTE)) == len(PALETTE)
    assert not set(PALETTE) & set(NEUTRAL.values())


def test_colour_scale_order_and_other() -> None:
    counts = {f"actor {i:02d}": 20 - i for i in range(16)} | {"aaa": 20, NO_SPEAKER: 30}
    cs = charts.ColourScale(counts)
    assert cs.named[:2] == ["aaa", "actor 00"]  # frequency first, ties by name
    assert len(cs.named) == len(PALETTE) and len(set(cs.range)) == len(cs.range)  # no colour repeats
    assert cs.grouped == ["actor 13", "actor 14", "actor 15"] and cs.group("actor 15") == OTHER
    assert cs.colour("actor 15") == NEUTRAL[OTHER] and cs.colour(NO_SPEAKER) == NEUTRAL[NO_SPEAKER]
    assert cs.domain[-2:] == [NO_SPEAKER, OTHER]
    assert charts.ColourScale(list(reversed(list(counts)))).named == sorted(counts.keys() - {NO_SPEAKER})[:14]
    scale = cs.scale().to_dict()
    assert NO_QUOTE in scale["domain"] and len(scale["domain"]) == len(scale["range"])


def test_same_colour_for_an_actor_in_every_chart(an: Analysis) -> None:
    cs = charts.ColourScale.from_analyses(an)
    by_chart = []
    for build in (charts.share_of_voice, charts.direct_vs_indirect, charts.mentions_by_actor, charts.who_speaks_where):
        for chart in (build(an, colours=cs), build(an)):  # given the scale, or making the same one
            spec = chart.to_dict()
            scales = [e["color"]["scale"] for e in _encodings(spec) if "scale" in e.get("color", {})]
            assert scales and all(s == scales[0] for s in scales)
            by_chart.append(dict(zip(scales[0]["domain"], scales[0]["range"], strict=True)))
    assert all(m == by_chart[0] for m in by_chart)
    assert by_chart[0]["Lena Ortiz"] == cs.colour("Lena Ortiz") == PALETTE[0]


def _encodings(spec: dict) -> list[dict]:
    out = []
    if "encoding" in spec:
        out.append(spec["encoding"])
    for key in ("layer", "hconcat", "vconcat"):
        for sub in spec.get(key, []):
            out += _encodings(sub)
    if "spec" in spec:
        out += _encodings(spec["spec"])
    return out


# --- builders ---------------------------------------------------------------------------------------------

def test_share_of_voice_table(an: Analysis) -> None:
    chart = charts.share_of_voice(an)
    t = chart.data
    assert isinstance(t, pl.DataFrame)
    assert t.columns == ["speaker", "colour", "measure", "count", "share"]
    quotes = t.filter(pl.col("measure") == "quotes")
    assert dict(quotes.select("speaker", "count").rows()) == {"Lena Ortiz": 2, "Tomas Brell": 1, "Mara Quist": 1,
                                                              NO_SPEAKER: 1}
    assert quotes["share"].sum() == pytest.approx(1.0)
    words = t.filter(pl.col("measure") == "quoted words")
    assert words["speaker"].to_list() == quotes["speaker"].to_list()  # one order: by quoted words, then name
    assert words["count"].to_list() == sorted(words["count"].to_list(), reverse=True)
    spec = chart.to_dict()
    assert spec["title"]["subtitle"] == ["Source: The Quay Gazette, 2026-03-18"]
    axis = _encodings(spec)[0]["x"]["axis"]
    assert axis["format"] == "%"


def test_share_of_voice_top_sums_the_rest(an: Analysis) -> None:
    whole = charts.share_of_voice(an).data.filter(pl.col("measure") == "quotes")
    t = charts.share_of_voice(an, top=2).data.filter(pl.col("measure") == "quotes")
    assert t["speaker"].to_list() == whole["speaker"].to_list()[:2] + ["other speakers (2)"]
    assert t["count"].sum() == whole["count"].sum() and t["share"].sum() == pytest.approx(1.0)
    assert t["colour"].to_list()[-1] == "other"
    assert charts.share_of_voice(an, top=3).data.height == whole.height * 2  # one left over is shown as itself


def test_counts_have_integer_ticks(an: Analysis) -> None:
    for chart in (charts.mentions_by_actor(an), charts.direct_vs_indirect(an)):
        axis = _encodings(chart.to_dict())[0]["x"]["axis"]
        assert axis["tickMinStep"] == 1 and axis["format"] == "d"
        assert axis["values"] == list(range(len(axis["values"])))  # small counts: 0, 1, 2, ... only
    assert charts.theme.count_ticks(2) == [0, 1, 2] and charts.theme.count_ticks(37)[:3] == [0, 5, 10]
    # without the largest value, fractional ticks are hidden (tickMinStep alone still gives 0.5 steps)
    free = charts.count_axis("n").to_dict()
    assert "values" not in free and "% 1" in free["labelExpr"] and free["gridOpacity"]["value"] == 0


def test_ties_broken_by_name() -> None:
    text = 'Ms Bea Alder said yes. Mr Cy Zorn said no. Ms Ann Moss said maybe.'
    a = _analysis(text)
    order = charts.share_of_voice(a).data.filter(pl.col("measure") == "quotes")["speaker"].to_list()
    assert order == sorted(order)
    mentions = charts.mentions_by_actor(a).data
    assert mentions["actor"].to_list() == sorted(mentions["actor"].to_list())


def test_direct_vs_indirect_table(an: Analysis) -> None:
    t = charts.direct_vs_indirect(an).data
    assert t.columns == ["speaker", "colour", "kind", "quotes"]
    assert t["speaker"].n_unique() * 3 == t.height  # every speaker in every panel
    ortiz = dict(t.filter(pl.col("speaker") == "Lena Ortiz").select("kind", "quotes").rows())
    assert ortiz == {"direct": 2, "mixed": 0, "indirect": 0}


def test_mentions_by_actor_colour_by(an: Analysis) -> None:
    t = charts.mentions_by_actor(an, top=2).data
    assert t.height == 2 and t["mentions"].to_list() == sorted(t["mentions"].to_list(), reverse=True)
    by_type = charts.mentions_by_actor(an, colour_by="type")
    assert set(by_type.data["colour"]) <= {"person", "organisation", "place", "group", "anonymous", "event", OTHER}
    with pytest.raises(ChartError, match="colour_by"):
        charts.mentions_by_actor(an, colour_by="shoe size")


def test_who_speaks_where_one_cell_per_paragraph(an: Analysis) -> None:
    t = charts.who_speaks_where(an).data
    assert t["paragraph"].to_list() == list(range(1, len(an.article.paragraphs) + 1))
    speakers = dict(t.select("paragraph", "speaker").rows())
    assert speakers[1] == NO_QUOTE  # the headline line is a paragraph here, with no quote
    assert speakers[2] == "Lena Ortiz" and speakers[3] == NO_QUOTE and speakers[7] == "Lena Ortiz"
    assert speakers[6] == NO_SPEAKER  # "is alleged to": a quote nobody is named for
    assert t.filter(pl.col("paragraph") == 5)["quotes"].item() == 1
    # a quote's paragraph comes from its start offset
    starts = [p.start for p in an.article.paragraphs]
    ends = [p.end for p in an.article.paragraphs]
    for q in an.quotes:
        i = charts.article.paragraph_of(starts, ends, q.quote.start)
        who = q.speaker or NO_SPEAKER
        assert i is not None and who in t.filter(pl.col("paragraph") == i + 1)["speakers"].item()


def test_builders_take_several_analyses(an: Analysis) -> None:
    other = _analysis(TEXT.replace("Ortiz", "Orta"), doc="harbour-2", outlet="The Quay Gazette", date="2026-03-20")
    t = charts.who_speaks_where([an, other]).data
    assert t["doc"].unique(maintain_order=True).to_list() == ["harbour-1", "harbour-2"]
    spec = charts.share_of_voice([an, other]).to_dict()
    assert spec["title"]["subtitle"] == ["Source: 2 articles from The Quay Gazette, 2026-03-18 to 2026-03-20"]
    assert charts.mentions_by_actor([an, other]).data.filter(pl.col("actor") == "Tomas Brell")["articles"].item() == 2


def test_empty_inputs() -> None:
    with pytest.raises(ChartError, match="no analysis"):
        charts.share_of_voice([])
    quiet = _analysis("The pier opened on Monday.\n\nIt rained.\n")
    for build in (charts.share_of_voice, charts.direct_vs_indirect, charts.who_speaks_where):
        chart = build(quiet)
        assert render.static_svg(chart.to_dict()).startswith("<svg")


def test_title_and_source_override(an: Analysis) -> None:
    spec = charts.share_of_voice(an, title="Voices", source="").to_dict()
    assert spec["title"] == {"text": "Voices"}


# --- export -------------------------------------------------------------------------------------------------

def test_save_every_format(an: Analysis, tmp_path: Path) -> None:
    chart = charts.mentions_by_actor(an)
    magic = {".png": b"\x89PNG", ".svg": b"<svg", ".pdf": b"%PDF", ".html": b"<!DOCTYPE html>", ".json": b"{"}
    for suffix, head in magic.items():
        out = charts.save(chart, tmp_path / f"c{suffix}")
        assert out.read_bytes().startswith(head), suffix
    page = (tmp_path / "c.html").read_text()
    assert "<script src=" not in page and "window.vegaEmbed" in page and "data:image/svg+xml;base64," in page
    assert not re.search(r"https?://[^\"' ]*(cdn|jsdelivr|unpkg)", page)
    assert json.loads((tmp_path / "c.json").read_text())["$schema"].startswith("https://vega.github.io/schema/vega-lite/")


def test_save_unknown_suffix_or_preset(an: Analysis, tmp_path: Path) -> None:
    chart = charts.mentions_by_actor(an)
    with pytest.raises(MediakitError, match=r"\.png, \.svg, \.pdf, \.html or \.json"):
        charts.save(chart, tmp_path / "c.gif")
    with pytest.raises(ChartError, match="'report', 'slide'"):
        charts.save(chart, tmp_path / "c.png", preset="poster")


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def test_presets(an: Analysis, tmp_path: Path) -> None:
    chart = charts.mentions_by_actor(an)
    w, _ = _png_size(charts.save(chart, tmp_path / "r.png", preset="report"))
    assert abs(w - 453 * 300 / 72) < 15  # a 6.3 in print column at 300 dpi
    w, h = _png_size(charts.save(chart, tmp_path / "s.png", preset="slide"))
    assert (w, h) == (1920, 1080)
    spec = charts.chart_spec(chart, "slide")
    assert spec["config"]["axis"]["labelFontSize"] >= 20
    facet = charts.chart_spec(charts.share_of_voice(an), "slide")
    assert facet["spec"]["width"] > 300  # each of the two panels gets its share of the slide


def test_save_applies_the_theme_when_none_is_chosen(an: Analysis) -> None:
    chart = alt.Chart(pl.DataFrame({"a": ["x"], "n": [1]})).mark_bar().encode(x="n", y="a")
    charts.theme.enable_theme("default")
    try:
        assert charts.chart_spec(chart)["config"]["range"]["category"] == list(PALETTE)
        assert charts.theme.active_theme() == "default"
    finally:
        charts.use_theme()


def test_save_table(tmp_path: Path) -> None:
    t = pl.DataFrame({"speaker": ["Ortiz", "Quist"], "quotes": [2, 1], "cues": [["said", "added"], ["said"]]})
    assert charts.save_table(t, tmp_path / "t.csv").read_text().splitlines()[1] == "Ortiz,2,said; added"
    assert pl.read_parquet(charts.save_table(t, tmp_path / "t.parquet")).equals(t)
    assert charts.save_table(t, tmp_path / "t.xlsx").read_bytes()[:2] == b"PK"
    with pytest.raises(ChartError, match=r"\.csv, \.parquet or \.xlsx"):
        charts.save_table(t, tmp_path / "t.txt")
    with pytest.raises(ChartError, match="DataFrame"):
        charts.save_table([1, 2], tmp_path / "t.csv")


# --- notebook renderer ----------------------------------------------------------------------------------------

def test_mimebundle_has_interactive_view_and_static_image(an: Analysis) -> None:
    bundle = render.mimebundle(charts.share_of_voice(an).to_dict())
    assert set(bundle) == {"text/html", "text/plain", "image/png"}
    page = bundle["text/html"]
    assert '<img class="mediakit-static"' in page and "data:image/svg+xml;base64," in page
    assert "window.vegaEmbed" in page and "<script type=\"module\">" not in page  # the bundle is not repeated
    assert bundle["text/plain"] == "<mediakit chart: Who gets to speak>"


def test_article_text_cannot_leave_the_script(hostile: Analysis) -> None:
    spec = charts.share_of_voice(hostile).to_dict()
    page = render.chart_html(spec, svg=render.static_svg(spec))
    assert page.count("</script>") == 1 and "<img src=x" not in page and BREAKOUT not in page
    assert BREAKOUT not in html_page(spec)
    svg = render.static_svg(spec)
    assert "&lt;img src=x onerror=alert(1)&gt;" in svg and "<img" not in svg


def test_setup_enables_theme_and_renderer(an: Analysis) -> None:
    charts.setup()
    try:
        assert alt.renderers.active == "mediakit" and charts.theme.active_theme() == "mediakit"
        out = charts.share_of_voice(an)._repr_mimebundle_()
        bundle = out[0] if isinstance(out, tuple) else out
        assert "mediakit-chart" in bundle["text/html"]
        assert "<script type=\"module\">" in bundle["text/html"]  # no kernel: the first chart carries the bundle
        out = charts.share_of_voice(an)._repr_mimebundle_()
        bundle = out[0] if isinstance(out, tuple) else out
        assert "<script type=\"module\">" not in bundle["text/html"]
    finally:
        alt.renderers.enable("default")


def test_use_offline_charts_alias() -> None:
    from mediakit.display import use_offline_charts

    try:
        assert use_offline_charts() == "mediakit" and alt.renderers.active == "mediakit"
    finally:
        alt.renderers.enable("default")


def test_javascript_bundle_cached_on_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    render.javascript_bundle.cache_clear()
    try:
        js = render.javascript_bundle()
        files = list((tmp_path / "mediakit").glob("vega-bundle-*.js"))
        assert len(files) == 1 and files[0].read_text(encoding="utf-8") == js
        assert "window.vegaEmbed" in js and "</script" not in js.lower()
    finally:
        render.javascript_bundle.cache_clear()
