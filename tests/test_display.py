"""HTML views escape article content: a news page is untrusted input."""

from __future__ import annotations

import mediakit
from mediakit.display import actors_html, cleaning_html, cleaning_table, quotes_html

EVIL = (
    "Council <b>votes</b> on harbour\n\n"
    "Mayor Ada Lorne said the plan was <script>alert('x')</script> fine.\n\n"
    "\u201cWe will <img src=x onerror=alert(1)> build it,\u201d Lorne said.\n"
)


def test_views_escape_article_text() -> None:
    art = mediakit.extract(EVIL)
    an = mediakit.analyse(art)
    for page in (cleaning_html(art), quotes_html(an), actors_html(an)):
        assert "<script>" not in page and "<img" not in page and "<b>votes" not in page
        assert "&lt;script&gt;" in page or "&lt;img" in page


def test_cleaning_table_covers_spans() -> None:
    art = mediakit.extract(EVIL)
    t = cleaning_table(art)
    assert set(t["status"].unique()) <= {"kept", "metadata", "removed"}
    assert t.height == len(art.paragraphs) + len(art.metadata_spans) + len(art.removed)
