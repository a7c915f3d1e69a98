"""HTML views escape article content: a news page is untrusted input."""

from __future__ import annotations

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
