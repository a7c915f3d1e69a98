"""A self-contained HTML report of a corpus: ``mediakit report SOURCE --out DIR`` or :func:`build_report`.

``SOURCE`` is an article file, a folder of articles or exports, or a corpus folder built by
``mediakit corpus build`` (a folder holding ``manifest.json``); from Python, also a corpus object
(``open_corpus(DIR)``, :func:`mediakit.datasets.teaching_corpus`, :class:`~mediakit.measures.Tables`).
Articles and exports are first built into ``DIR/corpus`` (with a progress bar; a rerun adds only what is new).
``DIR`` then holds:

``report.html``
    one page that needs no network and no other file: a summary of the corpus (articles, outlets, date
    range, failures with their reasons), every chart of :mod:`mediakit.charts.corpus` (the static SVG image,
    replaced by the interactive view when scripts run: the chart JavaScript is inlined once), the tidy table
    behind each chart, and views of the first few articles (quotes and actors highlighted, the sources table);
``charts/NAME.png``, ``charts/NAME.svg``
    each chart as an image;
``tables/NAME.csv``
    the table behind each chart, the sources table and the list of articles (with failures).

Everything that comes from an article (titles, text, captions, names, outlets, URLs, error messages) and
from the codebook (category labels) is untrusted: it is written into the page through :func:`html.escape`,
reaches charts only as data (drawn as SVG text), and links are made only of ``http(s)`` URLs. The page also
carries a Content-Security-Policy that lets only its own scripts run (each named by its hash), so even text
that slipped through could not run as script.
"""

from __future__ import annotations

import base64
import hashlib
import re
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import polars as pl

from .corpus.store import MANIFEST
from .errors import ChartError, InputError, MediakitError
from .measures._base import Tables, articles_ok, as_tables
from .report_html import REPORT_CSS, escape_value, link_html, table_html

__all__ = ["ReportResult", "build_report", "table_html", "with_codebook"]


_SCRIPT = re.compile(r"<script\b[^>]*>(.*?)</script>", re.S)

# --- the codebook -------------------------------------------------------------------------------------------------

def with_codebook(corpus: Any, codebook: Any) -> Tables:
    """The corpus's tables with every actor's ``category`` set by ``codebook`` (a path or a
    :class:`~mediakit.codebook.Codebook`), in ``actors`` and in ``mentions``: the categories of a corpus
    built without a codebook, or with another one. Actors are matched as the analysis matches them (name,
    aliases and type), so the categories are those a build with the codebook gives.

    Parameters
    ----------
    corpus : corpus-like
        Anything the measures take (``open_corpus(DIR)``, :class:`~mediakit.measures.Tables`, analyses).
    codebook : str, Path or Codebook
        The codebook.

    Returns
    -------
    Tables
        The same ``articles`` and ``quotes``; ``actors`` and ``mentions`` read into memory with the new
        ``category`` column. Its ``name`` attribute keeps the corpus's name (its folder's), which the
        source line of the charts shows.
    """
    from .codebook import Codebook

    book = codebook if isinstance(codebook, Codebook) else Codebook.load(codebook)
    t = as_tables(corpus)
    acts = t.actors.collect()
    if "aliases" not in acts.columns:
        acts = acts.with_columns(aliases=pl.lit(None, dtype=pl.List(pl.Utf8)))
    cache: dict[tuple[Any, ...], str] = {}
    cats = []
    for name, kind, aliases in acts.select("name", "type", "aliases").rows():
        key = (name, kind, tuple(aliases or ()))
        if key not in cache:
            cache[key] = book.category_of(SimpleNamespace(name=name or "", type=kind, aliases=list(aliases or [])))
        cats.append(cache[key])
    acts = acts.with_columns(category=pl.Series(cats, dtype=pl.Utf8))
    mentions = t.mentions.collect()
    if {"doc", "actor_id"} <= set(mentions.columns) and "id" in acts.columns:
        cols = mentions.columns if "category" in mentions.columns else [*mentions.columns, "category"]
        mentions = (mentions.drop("category", strict=False)
                    .join(acts.select("doc", actor_id=pl.col("id"), category=pl.col("category")),
                          on=["doc", "actor_id"], how="left").select(cols))
    out = Tables(t.articles, t.quotes, acts.lazy(), mentions.lazy())
    from .charts.corpus import corpus_name

    name = corpus_name(corpus)
    if name:
        out.name = name  # type: ignore[attr-defined]  # the source line of charts names the corpus
    return out


# --- HTML pieces --------------------------------------------------------------------------------------------------

@dataclass
class _Section:
    key: str
    title: str
    what: str
    body: str


# --- the result ----------------------------------------------------------------------------------------------------

@dataclass
class ReportResult:
    """What :func:`build_report` wrote: the page, the images and tables, and what the corpus held."""

    out: Path
    html: Path
    corpus: Path | None = None
    charts: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    articles: int = 0
    failed: int = 0
    views: int = 0
    seconds: float = 0.0

    def summary(self) -> str:
        """One line: ``report of N articles (M failed): C charts, V article views in S s -> DIR/report.html``."""
        skipped = f" ({len(self.skipped)} not drawn)" if self.skipped else ""
        return (f"report of {self.articles} article{'s' if self.articles != 1 else ''} ({self.failed} failed): "
                f"{len(self.charts)} charts{skipped}, "
                f"{self.views} article views in {self.seconds:.1f} s -> {self.html}")


# --- building ------------------------------------------------------------------------------------------------------

def _open_source(source: Any, out: Path, codebook: Any, quiet: bool, workers: int | None) -> tuple[Any, Path | None, str]:
    """The corpus of ``source`` (built into ``out/corpus`` when it is articles), its folder and a name."""
    from .corpus import build_corpus, open_corpus

    if not isinstance(source, (str, Path)):
        path = getattr(source, "path", None)
        return source, Path(path) if path is not None else None, ""
    src = Path(source)
    if src.is_dir() and (src / MANIFEST).exists():
        return open_corpus(src), src, src.resolve().name
    if not src.exists():
        raise InputError(f"{source}: no such file or folder (give an article, a folder of articles or exports, "
                         "or a corpus folder)")
    target = out / "corpus"
    if not quiet:
        print(f"mediakit: building the corpus of {source} into {target}", file=sys.stderr)
    result = build_corpus([str(src.resolve())], target, codebook=codebook, quiet=quiet, workers=workers)
    if not quiet:
        for where, why in result.failures:
            print(f"mediakit: failed: {where}: {why}", file=sys.stderr)
        print(f"mediakit: {result.summary()}", file=sys.stderr)
    return open_corpus(target), target, src.resolve().name


def _png(svg: str) -> bytes:
    """The chart's SVG as a PNG at twice its size (rasterised by vl-convert: no second Vega run)."""
    import vl_convert as vlc

    return bytes(vlc.svg_to_png(svg, scale=2.0))


def _has_categories(t: Tables) -> bool:
    if "category" not in t.actors.collect_schema():
        return False
    return bool(t.actors.select(pl.col("category").is_not_null().any()).collect().item())


def _not_useful(key: str, ok: pl.DataFrame) -> str | None:
    """Why a chart would say nothing about this corpus (one outlet, one week), or None."""
    if key in ("voice_by_outlet",) and ok["outlet"].n_unique() < 2:
        return "the corpus has one outlet (the chart above says it all)"
    if key == "attention_over_time":
        weeks = ok["date"].drop_nulls().dt.truncate("1w").n_unique()
        if weeks < 2:
            return "the articles' dates fall in fewer than two weeks"
    return None


_SPEAKER_COLOURED = ("voice_by_speaker", "voice_by_outlet", "attention_over_time", "who_comes_first")


def _plan(categories: bool) -> list[tuple[str, str, str, Callable[..., Any], dict[str, Any]]]:
    """(file name, heading, one line, builder, arguments) of every chart of the report."""
    from .charts import corpus as cc

    plan: list[tuple[str, str, str, Callable[..., Any], dict[str, Any]]] = [
        ("voice_by_speaker", "Who gets to speak",
         "Each speaker's share of the quotes and of the quoted words; the most quoted named, the rest as other.",
         cc.voice_by_group, {}),
        ("voice_by_outlet", "Who gets to speak, outlet by outlet",
         "Each outlet's quotes split by speaker: the corpus's most quoted speakers named, the rest as other.",
         cc.voice_by_group, {"per_outlet": True}),
    ]
    if categories:
        plan.append(("voice_by_category", "Which side gets to speak",
                     "Each codebook category's share of the quotes and of the quoted words.",
                     cc.voice_by_group, {"by": "category"}))
    plan += [
        ("speech_verbs", "How speech is introduced", cc.BUILDERS["speech_verbs"], cc.speech_verbs, {}),
        ("attention_over_time", "Who gets attention",
         "How many articles mention the most covered people and organisations, week by week.",
         cc.attention_over_time, {}),
        ("outlet_heatmap", "Who each outlet quotes",
         cc.BUILDERS["outlet_heatmap"] if categories else
         "Outlet by kind of source (person, organisation, group, anonymous...): each kind's share of the outlet's "
         "quotes. (Give a codebook for categories.)",
         cc.outlet_heatmap, {"by": "category" if categories else "speaker_type"}),
        ("anonymous_sources", "Unnamed sources", cc.BUILDERS["anonymous_sources"], cc.anonymous_sources, {}),
        ("people_per_article", "People quoted per article", cc.BUILDERS["people_per_article"],
         cc.people_per_article, {}),
        ("who_comes_first", "Who comes first", cc.BUILDERS["who_comes_first"], cc.who_comes_first, {}),
        ("actor_pairs", "Who appears together", cc.BUILDERS["actor_pairs"], cc.actor_pairs, {}),
        ("source_order", "Who is quoted, in what order", cc.BUILDERS["source_order"], cc.source_order,
         {"colour_by": "category" if categories else "type"}),
    ]
    return plan


def build_report(
    source: Any, out: str | Path, *, title: str | None = None, codebook: Any = None, quiet: bool = False,
    articles: int = 3, workers: int | None = None,
) -> ReportResult:
    """Write the report of ``source`` into the folder ``out`` (see the module docstring) and say what it holds.

    Parameters
    ----------
    source : str, Path or corpus-like
        An article file, a folder of articles or exports (built into ``out/corpus`` first), a corpus
        folder (with ``manifest.json``), or a corpus object.
    out : str or Path
        The report's folder (created; files of an earlier report there are replaced).
    title : str, optional
        The page's title (default: "Coverage report: NAME", NAME the source's file or folder name).
    codebook : str, Path or Codebook, optional
        Categories for the actors: used to build the corpus, and applied to a corpus that was built
        without it (:func:`with_codebook`).
    quiet : bool
        No progress bar and no messages on standard error.
    articles : int
        How many articles to show in full (the first by date, then id); 0 for none.
    workers : int, optional
        Worker processes for building the corpus (default: the machine's cores).

    Returns
    -------
    ReportResult
        Where the page is, which charts it holds and which could not be drawn (and why), counts of
        articles and failures.

    Raises
    ------
    MediakitError
        When ``source`` does not exist or ``out`` cannot be written, or the codebook cannot be read.
    """
    from . import charts
    from .charts import corpus as cc
    from .charts.export import chart_spec, save_table
    from .charts.render import chart_html, loader_html, static_svg

    start = time.monotonic()
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise InputError(f"{out}: exists and is not a folder")
    if isinstance(source, (str, Path)) and not Path(source).exists():
        raise InputError(f"{source}: no such file or folder (give an article, a folder of articles or exports, "
                         "or a corpus folder)")
    if (isinstance(source, (str, Path)) and Path(source).is_dir() and not (Path(source) / MANIFEST).exists()
            and out.resolve().is_relative_to(Path(source).resolve())):
        raise InputError(f"{out}: the report folder is inside the source folder {source}, whose articles would then "
                         "include the report's own files; write the report elsewhere")
    try:
        (out / "charts").mkdir(parents=True, exist_ok=True)
        (out / "tables").mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"{out}: cannot create the report folder: {exc.strerror or exc}") from exc
    book = None
    if codebook is not None:
        from .codebook import Codebook

        book = codebook if isinstance(codebook, Codebook) else Codebook.load(codebook)
    corpus, folder, name = _open_source(source, out, codebook if isinstance(codebook, (str, Path)) else None,
                                        quiet, workers)
    t = with_codebook(corpus, book) if book is not None else as_tables(corpus)
    if not name:
        name = cc.corpus_name(corpus) or ""
    heading = title or (f"Coverage report: {name}" if name else "Coverage report")
    result = ReportResult(out=out, html=out / "report.html", corpus=folder)
    charts.use_theme()

    every = t.articles.collect()
    if "status" not in every.columns:
        every = every.with_columns(status=pl.lit("ok"))
    ok = articles_ok(t, ["outlet", "date", "title"], measure="report").collect()
    result.articles = every.height
    result.failed = every.filter(pl.col("status") == "failed").height
    sections: list[_Section] = []
    files: list[Path] = []

    # the list of articles, failures included
    listing_cols = [c for c in ("doc", "source", "status", "error", "outlet", "date", "title", "words", "quotes",
                                "actors") if c in every.columns]
    listing = every.select(listing_cols).sort(*[c for c in ("status", "date", "doc") if c in listing_cols],
                                              nulls_last=True)
    files.append(save_table(listing, out / "tables" / "articles.csv"))

    # charts
    figures: list[str] = []
    n_ok = ok.height
    source_line = cc.corpus_source_line(t, name=name or "")
    colours = cc.corpus_colours(t, "speaker")
    categories = _has_categories(t)
    for key, head, what, builder, kwargs in (_plan(categories) if n_ok else []):
        if key in _SPEAKER_COLOURED:  # one colour per speaker in every chart of the report
            kwargs = {**kwargs, "colours": colours}
        why = _not_useful(key, ok)
        if why:
            result.skipped.append((key, why))
            sections.append(_Section(key, head, what, f'<p class="note skipped">Not drawn: {escape_value(why)}</p>'))
            continue
        try:
            chart = builder(t, source=source_line, **kwargs)
        except ChartError as exc:
            result.skipped.append((key, str(exc)))
            sections.append(_Section(key, head, what, f'<p class="note skipped">Not drawn: {escape_value(exc)}</p>'))
            continue
        spec = chart_spec(chart)
        svg = static_svg(spec)
        (out / "charts" / f"{key}.svg").write_text(svg, encoding="utf-8")
        (out / "charts" / f"{key}.png").write_bytes(_png(svg))
        files += [out / "charts" / f"{key}.svg", out / "charts" / f"{key}.png"]
        files.append(save_table(chart.data, out / "tables" / f"{key}.csv"))
        result.charts.append(key)
        figures.append(chart_html(spec, svg=svg))
        body = (f'<div class="chart">{figures[-1]}</div>'
                f'<p class="files">Files: <a href="charts/{key}.png">PNG</a> · <a href="charts/{key}.svg">SVG</a> · '
                f'<a href="tables/{key}.csv">table (CSV)</a></p>'
                f"<details><summary>The table behind the chart ({chart.data.height} rows)</summary>"
                f"{table_html(chart.data)}</details>")
        sections.append(_Section(key, head, what, body))

    # the sources table of every article, as a table
    if n_ok:
        from .measures import sources_table

        sources = sources_table(t)
        files.append(save_table(sources, out / "tables" / "sources_table.csv"))

    # article views
    views_html, result.views, view_notes = _article_views(corpus, t, ok, articles, book, quiet)
    result.files = files
    page = _page(heading, name, t, every, ok, sections, views_html, view_notes, result, source_line, loader_html())
    result.html.write_text(page, encoding="utf-8")
    result.seconds = time.monotonic() - start
    return result


# --- article views -------------------------------------------------------------------------------------------------

def _article_views(corpus: Any, t: Tables, ok: pl.DataFrame, limit: int, book: Any,
                   quiet: bool) -> tuple[str, int, list[str]]:
    """The HTML of the first ``limit`` articles, re-read from their sources and analysed again."""
    if limit <= 0 or ok.height == 0:
        return "", 0, []
    chosen = ok.sort("date", "doc", nulls_last=True)["doc"].head(limit).to_list()
    analyses, notes = _reanalyse(corpus, chosen, book)
    if not analyses:
        return "", 0, notes
    from .charts import who_speaks_where
    from .charts.export import chart_spec
    from .charts.render import chart_html, static_svg
    from .display import actors_html, quotes_html
    from .measures import sources_table

    parts = []
    try:
        strip = who_speaks_where([a for _, a in analyses], title="Who speaks where in these articles")
        spec = chart_spec(strip)
        parts.append(f'<div class="chart">{chart_html(spec, svg=static_svg(spec))}</div>')
    except ChartError as exc:
        notes.append(f"the paragraph strip could not be drawn: {exc}")
    for doc, an in analyses:
        art = an.article
        meta = " · ".join(escape_value(v) for v in (art.outlet, art.date, art.byline, art.section) if v)
        caps = "".join(f"<li>{escape_value(c.text)}" + (f" <i>({escape_value(c.credit)})</i>" if c.credit else "") + "</li>"
                       for c in art.captions)
        src = sources_table(t, docs=[doc]).drop("doc")
        parts.append(
            f'<section class="article" id="article-{escape_value(_slug(doc))}">'
            f"<h3>{escape_value(art.title or doc)}</h3>"
            f'<p class="meta">{meta}{" · " if meta else ""}id <code>{escape_value(doc)}</code>'
            f"{' · ' + link_html(art.url) if art.url else ''}</p>"
            + (f'<ul class="captions">{caps}</ul>' if caps else "")
            + f"<h4>Sources</h4>{table_html(src, limit=None) if src.height else '<p class=note>No attributed quote.</p>'}"
            f'<div class="cols"><div><h4>Quotes, coloured by speaker</h4>{quotes_html(an)}</div>'
            f"<div><h4>Actors, coloured by actor</h4>{actors_html(an)}</div></div></section>"
        )
    return "\n".join(parts), len(analyses), notes


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]+", "-", text).strip("-")[:60] or "article"


def _load_unit(unit: Any) -> Any:
    """The article of a build unit that carries its content or names a local file (as a build reads it)."""
    from .extract import extract, extract_raw
    from .inputs import RawInput

    if unit.text is not None or unit.html is not None:
        kind = "html" if unit.html is not None else "text"
        body = unit.html if unit.html is not None else unit.text
        return extract_raw(RawInput(body or "", kind, unit.source, unit.id, url=unit.url))
    return extract(Path(unit.path or unit.source), id=unit.id)


def _reanalyse(corpus: Any, docs: Sequence[str], book: Any) -> tuple[list[tuple[str, Any]], list[str]]:
    """Analyses of ``docs``, re-read from the sources the corpus was built from (local files, export rows and
    archive records; a URL is not fetched again)."""
    manifest = getattr(corpus, "manifest", None)
    sources = [s for run in (manifest or {}).get("runs", []) for s in run.get("sources", [])]
    if not sources:
        return [], ["the articles cannot be shown: the corpus does not record where they came from"]
    from .analysis import analyse
    from .codebook import Codebook
    from .corpus.units import expand
    from .corpus.work import META_FIELDS

    runs = (manifest or {}).get("runs", [])
    built_with = next((r.get("codebook") for r in reversed(runs) if r.get("codebook")), None)
    want = set(docs)
    found: dict[str, Any] = {}
    notes: list[str] = []
    try:
        for unit in expand(list(dict.fromkeys(sources))):
            if unit.id in want and unit.id not in found:
                found[unit.id] = unit
                if len(found) == len(want):
                    break
    except MediakitError as exc:
        notes.append(f"the sources could not be listed again: {exc}")
    out = []
    for doc in docs:
        unit = found.get(doc)
        if unit is None or unit.error:
            notes.append(f"{doc}: its source could not be read again")
            continue
        if unit.text is None and unit.html is None and unit.path is None:
            notes.append(f"{doc}: a URL, not fetched again for the report")
            continue
        try:
            if book is None and built_with:
                book = Codebook.load(built_with)
            art = _load_unit(unit)
            art.id, art.origin = doc, unit.source
            for key in META_FIELDS:
                value = unit.meta.get(key)
                if key != "author" and value not in (None, ""):
                    setattr(art, key, str(value))
            out.append((doc, analyse(art, codebook=book)))
        except MediakitError as exc:
            notes.append(f"{doc}: {exc}")
        except Exception as exc:  # one article never stops the report
            notes.append(f"{doc}: unexpected {type(exc).__name__}: {exc}")
    return out, notes


# --- the page ------------------------------------------------------------------------------------------------------

def _facts(t: Tables, every: pl.DataFrame, ok: pl.DataFrame) -> str:
    quotes = t.quotes.select(pl.len()).collect().item()
    actors = t.actors.select(pl.len()).collect().item()
    dates = ok["date"].drop_nulls() if "date" in ok.columns else pl.Series([], dtype=pl.Date)
    span = (f"{dates.min()} to {dates.max()}" if dates.len() and dates.min() != dates.max()
            else str(dates.min()) if dates.len() else "no dates")
    failed = every.height - ok.height
    facts = [(ok.height, "articles analysed"), (failed, "failed inputs"),
             (ok["outlet"].drop_nulls().n_unique() if ok.height else 0, "outlets"),
             (quotes, "quotes"), (actors, "actors (per article)"), (span, "date range")]
    return '<div class="facts">' + "".join(
        f'<div class="fact"><b{" class=small" if isinstance(v, str) else ""}>{escape_value(v)}</b><span>{escape_value(k)}</span></div>'
        for v, k in facts) + "</div>"


def _page(heading: str, name: str, t: Tables, every: pl.DataFrame, ok: pl.DataFrame, sections: list[_Section],
          views: str, view_notes: list[str], result: ReportResult, source_line: str, loader: str) -> str:
    from . import __version__

    outlets = (ok.with_columns(pl.col("outlet").fill_null("(no outlet)")).group_by("outlet")
               .agg(articles=pl.len(), first=pl.col("date").min(), last=pl.col("date").max())
               .sort(["articles", "outlet"], descending=[True, False])) if ok.height else None
    failures = every.filter(pl.col("status") == "failed")
    fail_cols = [c for c in ("doc", "source", "error") if c in failures.columns]
    nav = "".join(f'<li><a href="#{escape_value(s.key)}">{escape_value(s.title)}</a></li>' for s in sections)
    if views:
        nav += '<li><a href="#articles">Articles</a></li>'
    body = [
        f"<h1>{escape_value(heading)}</h1>",
        f'<p class="lede">{escape_value(source_line)}. Made by mediakit {escape_value(__version__)} on {escape_value(time.strftime("%Y-%m-%d"))}; '
        "every figure comes from explainable rules (docs/measures.md says what each measure counts).</p>",
        '<h2 id="summary">Summary</h2>',
        _facts(t, every, ok),
    ]
    if outlets is not None and outlets.height:
        body.append(table_html(outlets, caption="Articles per outlet"))
    if failures.height:
        body.append(f'<details open><summary>{failures.height} input(s) failed, with the reason</summary>'
                    f"{table_html(failures.select(fail_cols), limit=200)}</details>")
    if not ok.height:
        body.append('<p class="note skipped">No article could be analysed, so there is nothing to chart.</p>')
    body.append(f'<nav><h3>Contents</h3><ol>{nav}</ol></nav>' if nav else "")
    for s in sections:
        body.append(f'<section id="{escape_value(s.key)}"><h2>{escape_value(s.title)}</h2><p class="lede">{escape_value(s.what)}</p>{s.body}</section>')
    if views or view_notes:
        body.append('<section id="articles"><h2>Articles</h2>'
                    f'<p class="lede">The first {result.views or "few"} article(s) by date, read again from their '
                    "sources: each quote is coloured by its speaker and each actor mention by actor (hover for the "
                    "rule that found it).</p>")
        body.append(views)
        for note in view_notes:
            body.append(f'<p class="note skipped">{escape_value(note)}</p>')
        body.append("</section>")
    body.append('<p class="note">Files beside this page: <a href="tables/articles.csv">every input (CSV)</a>'
                + (' · <a href="tables/sources_table.csv">the sources table (CSV)</a>' if ok.height else "")
                + ". Charts are drawn here from the data inlined in this page; nothing is fetched.</p>")
    content = "\n".join(body)
    scripts = _SCRIPT.findall(content) + _SCRIPT.findall(loader)
    hashes = " ".join(f"'sha256-{base64.b64encode(hashlib.sha256(s.encode('utf-8')).digest()).decode()}'"
                      for s in dict.fromkeys(scripts))
    csp = (f"default-src 'none'; script-src {hashes or chr(39) + 'none' + chr(39)} 'unsafe-eval'; "
           "style-src 'unsafe-inline'; img-src data: blob:; font-src data:; base-uri 'none'; form-action 'none'")
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape_value(heading)}</title>\n<style>{REPORT_CSS}</style>\n</head>\n<body>\n<main>\n"
        f"{content}\n</main>\n{loader}\n</body>\n</html>\n"
    )
