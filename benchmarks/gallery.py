"""Write the gallery of charts: ``docs/gallery.md`` and one small PNG per builder in ``docs/img/gallery/``.

Every builder of :mod:`mediakit.charts.corpus` (listed in ``BUILDERS``) is drawn from the bundled teaching
corpus, with the example codebook's categories, and every builder of :mod:`mediakit.charts.article` from the
teaching corpus's articles of one week (``ARTICLE_WEEK``), at screen resolution. When Pillow is installed the
PNGs are reduced to a 256-colour palette so that each stays small (the test ``tests/test_charts_corpus.py``
wants every picture under 60 KB and every builder on the page).

Run from the repository root::

    .venv/bin/python benchmarks/gallery.py            # (pip install pillow first for small files)
    .venv/bin/python benchmarks/gallery.py --check    # what CI runs: draw every chart into a scratch folder,
                                                      # fail when docs/gallery.md is not what it would write
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DOCS = ROOT / "docs"
IMG = DOCS / "img" / "gallery"
CODEBOOK = ROOT / "data" / "codebooks" / "example.yaml"
LIMIT = 60_000
#: The teaching corpus's articles drawn by the article builders: those whose file names hold this date prefix.
ARTICLE_WEEK = "2026-03-0"  # 2 to 6 March 2026

#: Arguments that make each gallery picture show the builder at its most telling on the teaching corpus.
ARGS: dict[str, dict[str, object]] = {
    "voice_by_group": {"top": 10},
    "attention_over_time": {"top": 4},
    "actor_pairs": {"top": 9},
    "source_order": {"limit": 6, "colour_by": "category"},
    "who_comes_first": {"top": 8},
}

#: The call shown under each picture.
CALLS: dict[str, str] = {
    "voice_by_group": "charts.voice_by_group(corpus, top=10)",
    "speech_verbs": "charts.speech_verbs(corpus)",
    "attention_over_time": "charts.attention_over_time(corpus, top=4)",
    "outlet_heatmap": "charts.outlet_heatmap(corpus)",
    "anonymous_sources": "charts.anonymous_sources(corpus)",
    "people_per_article": "charts.people_per_article(corpus)",
    "actor_pairs": "charts.actor_pairs(corpus, top=9)",
    "source_order": "charts.source_order(corpus, limit=6, colour_by=\"category\")",
    "who_comes_first": "charts.who_comes_first(corpus, top=8)",
    "share_of_voice": "charts.share_of_voice(analyses, top=15)",
    "who_speaks_where": "charts.who_speaks_where(analyses)",
    "mentions_by_actor": "charts.mentions_by_actor(analyses, top=12)",
    "direct_vs_indirect": "charts.direct_vs_indirect(analyses)",
}

#: The article builders (a list of analyses in, a chart out) and what each shows.
ARTICLE_BUILDERS: dict[str, str] = {
    "share_of_voice": "Each speaker's share of the quotes and of the quoted words in a few articles, side by side.",
    "who_speaks_where": "The story's structure at a glance: a strip per article, one cell per paragraph, "
                        "coloured by who speaks in it.",
    "mentions_by_actor": "How often each actor is mentioned, and in how many of the articles.",
    "direct_vs_indirect": "Who is quoted in their own words (direct), in paraphrase (indirect) or both (mixed).",
}


def small_png(png: bytes) -> bytes:
    """``png`` reduced to a 256-colour palette when Pillow is there (else as it is)."""
    try:
        from PIL import Image
    except ImportError:
        return png
    im = Image.open(io.BytesIO(png)).convert("RGB")
    out = io.BytesIO()
    im.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).save(out, "PNG", optimize=True)
    return out.getvalue() if out.tell() < len(png) else png


def week_analyses() -> list:
    """The analyses of the teaching corpus's articles of ``ARTICLE_WEEK``, in file-name order."""
    from mediakit import analyse, extract

    files = sorted((ROOT / "data" / "corpus" / "text").glob(f"*-{ARTICLE_WEEK}*.txt"))
    return [analyse(extract(f), codebook=CODEBOOK) for f in files]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Write docs/gallery.md and its pictures.")
    ap.add_argument("--check", action="store_true",
                    help="draw every chart into a scratch folder; fail when docs/gallery.md is out of date")
    args = ap.parse_args(argv)
    if args.check:
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp)
            rc = write(out / "gallery.md", out / "img" / "gallery", check=True)
            fresh = (out / "gallery.md").read_text(encoding="utf-8")
        if fresh != (DOCS / "gallery.md").read_text(encoding="utf-8"):
            print("docs/gallery.md is out of date: run benchmarks/gallery.py", file=sys.stderr)
            return 1
        print("docs/gallery.md is up to date; every chart drew")
        return rc
    return write(DOCS / "gallery.md", IMG, check=False)


def write(page: Path, img: Path, *, check: bool) -> int:
    """Draw every builder into ``img`` and write the page; with ``check`` a picture only has to be drawn (its size
    depends on whether Pillow is installed)."""
    from mediakit import charts
    from mediakit.charts import corpus as cc
    from mediakit.datasets import teaching_corpus
    from mediakit.report import with_codebook

    charts.use_theme()
    corpus = with_codebook(teaching_corpus(), CODEBOOK)
    colours = charts.corpus_colours(corpus)
    img.mkdir(parents=True, exist_ok=True)
    lines = [
        "# Gallery of charts",
        "",
        "Generated by `benchmarks/gallery.py` from the bundled teaching corpus (fifty invented articles from five",
        "invented outlets) with the categories of `data/codebooks/example.yaml`. Every builder lives in",
        "`mediakit.charts` (module `mediakit/charts/corpus.py`), takes a corpus (`mediakit.open_corpus(DIR)`,",
        "`mediakit.datasets.teaching_corpus()`, `mediakit.measures.Tables`, or a list of analyses) and returns an",
        "altair chart whose `.data` is the tidy polars table it draws. Pass one `charts.corpus_colours(corpus)`",
        "as `colours=` to every chart so that each speaker keeps its colour. `mediakit report` puts them all in",
        "one page (see the README).",
        "",
        "```python",
        "from mediakit import charts",
        "from mediakit.datasets import teaching_corpus",
        "from mediakit.report import with_codebook",
        "",
        "corpus = with_codebook(teaching_corpus(), \"data/codebooks/example.yaml\")   # categories for the actors",
        "colours = charts.corpus_colours(corpus)",
        "chart = charts.voice_by_group(corpus, colours=colours)",
        "chart.data                                          # the table behind the chart",
        "```",
        "",
    ]
    sizes = []
    for name, what in cc.BUILDERS.items():
        builder = getattr(cc, name)
        kwargs = dict(ARGS.get(name, {}))
        if name in ("voice_by_group", "attention_over_time", "who_comes_first"):  # one colour per speaker
            kwargs["colours"] = colours
        chart = builder(corpus, **kwargs)
        sizes.append((name, draw(chart, img / f"{name}.png")))
        lines += [f"## `{name}`", "", what, "", f"`{CALLS[name]}`", "", f"![{name}](img/gallery/{name}.png)", ""]
    analyses = week_analyses()
    lines += [
        "# Charts of a few articles",
        "",
        f"The builders of `mediakit/charts/article.py` take a list of analyses (here the {len(analyses)} teaching",
        "articles dated 2 to 6 March 2026) and colour speakers with `charts.ColourScale.from_analyses`.",
        "",
        "```python",
        "import mediakit",
        "from mediakit import charts",
        "",
        "analyses = [mediakit.analyse(mediakit.extract(path)) for path in paths]",
        "chart = charts.share_of_voice(analyses)",
        "chart.data                                          # the table behind the chart",
        "```",
        "",
    ]
    for name, what in ARTICLE_BUILDERS.items():
        kwargs = {"top": 12} if name == "mentions_by_actor" else {"top": 15} if name == "share_of_voice" else {}
        chart = getattr(charts, name)(analyses, **kwargs)
        sizes.append((name, draw(chart, img / f"{name}.png")))
        lines += [f"## `{name}`", "", what, "", f"`{CALLS[name]}`", "", f"![{name}](img/gallery/{name}.png)", ""]
    page.write_text("\n".join(lines), encoding="utf-8")
    for name, size in sizes:
        flag = "" if size < LIMIT or check else f"  TOO LARGE (limit {LIMIT})"
        print(f"{name:>22}: {size / 1000:.1f} kB{flag}")
    print(f"wrote {page} and {len(sizes)} pictures in {img}")
    if check:
        return 0 if all(s > 0 for _, s in sizes) else 1
    return 0 if all(s < LIMIT for _, s in sizes) else 1


def draw(chart: object, path: Path) -> int:
    """Save ``chart`` as a small PNG at ``path``; its size in bytes."""
    from mediakit.charts.export import chart_spec
    from mediakit.charts.render import static_png

    png = small_png(static_png(chart_spec(chart), scale=1.5))
    path.write_bytes(png)
    return len(png)


if __name__ == "__main__":
    raise SystemExit(main())
