"""HTML views escape article content: a news page is untrusted input."""

from __future__ import annotations

import re

import mediakit
from mediakit.display import actors_html, cleaning_html, cleaning_table, quotes_html
from mediakit.model import Span
from mediakit.segment import split_paragraphs

EVIL = (
    "Council <b>votes</b> on harbour\n\n"
    "Mayor Ada Lorne said the plan was <script>alert('x')</script> fine.\n\n"
    "\u201cWe will <img src=x onerror=alert(1)> build it,\u201d Lorne said.\n"
)


def _article() -> mediakit.Article:
    # built by hand so the test does not depend on what the cleaner keeps
    paras = split_paragraphs(EVIL)
    return mediakit.Article(source=EVIL, paragraphs=paras, removed=[Span(0, 1, "test", "a removed <i>span</i>")])


def test_views_escape_article_text() -> None:
    art = _article()
    an = mediakit.analyse(art)
    for page in (cleaning_html(art), quotes_html(an), actors_html(an)):
        assert "<script>" not in page and "<img" not in page and "<b>votes" not in page
        assert "&lt;script&gt;" in page or "&lt;img" in page
    assert "<i>span" not in cleaning_html(art)
    assert any("<img" in q["text"] for q in an.quote_rows("x"))  # the quote itself was found


def test_cleaning_table_covers_spans() -> None:
    art = mediakit.extract(EVIL)
    t = cleaning_table(art)
    assert set(t["status"].unique()) <= {"kept", "metadata", "removed"}
    assert t.height == len(art.paragraphs) + len(art.metadata_spans) + len(art.removed)


def _harbour() -> mediakit.analysis.Analysis:
    text = (
        "Harbour board backs new pier\n\n"
        '"We are ready to build it this spring," said Ms Lena Ortiz, the harbour master.\n\n'
        "Councillor Tomas Brell said the cost had not been explained to residents.\n\n"
        '"Nobody asked us," said Mara Quist, who runs a cafe on the quay. Sources said the vote was close.\n'
    )
    return mediakit.analyse(mediakit.Article(source=text, id="harbour", paragraphs=split_paragraphs(text)))


def test_views_use_the_chart_colours_with_a_legend() -> None:
    from mediakit.charts import ColourScale

    an = _harbour()
    cs = ColourScale.from_analyses(an)
    for page, names in ((quotes_html(an), {q.speaker for q in an.quotes if q.speaker}),
                        (actors_html(an), {a.name for a in an.actors if a.mentions})):
        legend = page.split("</div>", 1)[0]
        for name in names:
            assert re.search(rf"solid {cs.colour(name)};[^>]*>{re.escape(name)} <span", legend), name
        assert len({cs.colour(n) for n in names}) == len(names)  # no colour repeats
    assert "(no speaker)" not in actors_html(an)


def test_views_group_past_the_palette_as_other() -> None:
    from mediakit.charts import ColourScale

    an = _harbour()
    small = ColourScale.from_analyses(an, max_colours=1)
    page = actors_html(an, colours=small)
    assert ">other <" in page and page.count("solid #C8C8C8") >= 2
    assert len(set(small.range)) == len(small.range)


def test_cleaning_view_aligns_left() -> None:
    page = cleaning_html(_article())
    cells = page.count("<td ")
    assert cells and page.count("text-align:left;vertical-align:top;white-space") + page.count(
        "text-align:left;vertical-align:top'>") >= cells
    assert "kept</span>" in page and "removed</span>" in page  # the legend
