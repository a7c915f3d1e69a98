"""RSS/Atom feeds and XML sitemaps, saved as files: their article links become URL units.

Links are read with trafilatura's feed and sitemap helpers. A feed that is not XML, or lists no link, is one
failed unit naming the file, so it is never silently dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

from .units import Unit

SUFFIXES = (".rss", ".atom", ".xml")
_FEED = re.compile(r"<(?:rss|feed|rdf:RDF)[\s>]", re.I)
_SITEMAP = re.compile(r"<(?:urlset|sitemapindex)[\s>]", re.I)
_FIRST_URL = re.compile(r"https?://[^\s<>\"']+")


def feed_kind(text: str) -> str | None:
    """``"feed"``, ``"sitemap"`` or None, from the document's root element."""
    head = text[:4000]
    if _SITEMAP.search(head):
        return "sitemap"
    if _FEED.search(head):
        return "feed"
    return None


def feed_links(text: str) -> list[str]:
    """The article links of an RSS/Atom feed or an XML sitemap, in document order, each once."""
    kind = feed_kind(text)
    first = _FIRST_URL.search(text)
    base = first.group(0) if first else "https://localhost/"
    parts = urlsplit(base)
    domain = parts.hostname or ""
    if kind == "feed":
        from trafilatura.feeds import FeedParameters, extract_links

        links = extract_links(text, FeedParameters(base, domain, base, external=True))
    elif kind == "sitemap":
        from trafilatura.sitemaps import SitemapObject

        sm = SitemapObject(base, domain, [], external=True)
        sm.current_url, sm.content = base, text
        sm.process()
        links = list(sm.urls)
    else:
        links = []
    return list(dict.fromkeys(links))


def read_feed(path: Path, columns: dict[str, str] | None = None) -> Iterator[Unit]:
    """One URL unit per article link of the feed or sitemap at ``path``."""
    text = path.read_text(encoding="utf-8", errors="replace")
    if feed_kind(text) is None:
        yield Unit(id=path.name, source=str(path), kind="url",
                   error="not an RSS/Atom feed or XML sitemap (no <rss>, <feed> or <urlset> element)")
        return
    links = feed_links(text)
    if not links:
        yield Unit(id=path.name, source=str(path), kind="url", error="the feed lists no article link")
        return
    for url in links:
        yield Unit(id=url, source=url, kind="url", url=url, meta={"feed": str(path)})
