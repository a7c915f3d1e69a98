"""Page metadata that cannot be read is skipped with a flag; the body is still extracted."""

from __future__ import annotations

import json

from mediakit import extract
from mediakit.html import extract_html

BODY = "".join(
    f"<p>Paragraph {i}: the harbour council met on Monday and agreed to repair the old pier before winter.</p>"
    for i in range(6)
)


def _page(*ld_blocks: str) -> str:
    scripts = "".join(f'<script type="application/ld+json">{b}</script>' for b in ld_blocks)
    return f"<html><head>{scripts}</head><body><article><h1>Pier repairs agreed</h1>{BODY}</article></body></html>"


GOOD_LD = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Pier repairs agreed",
                      "datePublished": "2026-03-02T10:00:00Z", "author": {"@type": "Person", "name": "Ana Berg"}})


def test_deeply_nested_json_ld_is_skipped_with_a_flag() -> None:
    art = extract_html(_page("[" * 2000 + "]" * 2000, GOOD_LD))
    assert len(art.paragraphs) == 6
    assert art.title == "Pier repairs agreed" and art.date == "2026-03-02" and art.byline == "Ana Berg"
    assert any("JSON-LD" in f and "skipped" in f for f in art.flags)


def test_deep_values_inside_json_ld_do_not_crash() -> None:
    deep_author = "[" * 900 + '"Ana Berg"' + "]" * 900
    deep_graph = '{"@graph": ' + "[" * 900 + GOOD_LD + "]" * 900 + "}"
    for ld in (GOOD_LD[:-1] + ', "author": ' + deep_author + "}", deep_graph):
        art = extract(_page(ld), kind="html")
        assert len(art.paragraphs) == 6 and art.title == "Pier repairs agreed"


def test_invalid_json_ld_is_flagged() -> None:
    art = extract_html(_page('{"@type": "NewsArticle", "headline": "Pier",}'))
    assert len(art.paragraphs) == 6
    assert any("JSON-LD" in f for f in art.flags)


def test_valid_page_has_no_metadata_flag(examples) -> None:
    assert not any("JSON-LD" in f for f in extract(examples / "ferry_page.html").flags)
