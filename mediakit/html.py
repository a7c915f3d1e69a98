"""The HTML path: trafilatura finds the article body, mediakit reads metadata and tidies what is left.

1. The page is parsed once with lxml; title, byline, date, outlet, section, standfirst, language and photo
   captions are read from JSON-LD (``NewsArticle`` and kin), OpenGraph/``<meta>`` tags, ``<time>``,
   ``<h1>`` and ``<figcaption>`` (cheap look-ups: no date guessing over the whole page).
2. trafilatura (``favor_precision=True``) extracts the main text. That text becomes the article's
   ``source``: every span points into it, nothing in it is rewritten. Limit: a page of more than
   :data:`HTML_FALLBACK_ELEMENTS` (10,000) elements (news pages have under 2,000) is extracted without
   trafilatura's second opinion (its comparison with a readability extraction, which costs as much again
   on such a page), and the article is flagged. An attribute value longer than
   :data:`HTML_ATTRIBUTE_CHARS` (10,000 characters: a class list or an inline image, never text) is
   emptied before trafilatura reads the page (its rules search class and id values, once per rule), and
   the article is flagged. The scripts, styles, links and meta tags of the page's ``<head>``, which
   trafilatura deletes unread, are removed before it is given the page (:func:`_shed_head`).
3. Each line of that text is a paragraph unless a rule removes it, with its reason: the first line when
   it repeats the headline (kept as the title), lines repeating a photo caption (kept as metadata), the
   list under a teaser label, and the boilerplate phrase rules the text cleaner uses too
   (:func:`mediakit.clean.boilerplate.line_rule`, shapes left out): "Read more:"/"Related:" teasers,
   newsletter, subscription and app prompts, social-follow and share prompts, comment and share
   counters, copyright lines, advertisement and navigation labels.
4. Photo credits are split from captions by the same credit rules as the text cleaner's
   (:mod:`mediakit.clean.credits`, one ``CREDIT_LABEL``).
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterator
from typing import Any

from .clean.boilerplate import line_rule
from .clean.credits import split_credit
from .clean.lines import make_line
from .clean.phrases import CREDIT_LABEL
from .errors import InputError
from .model import Article, Caption, Span

_WORD = re.compile(r"\w+")

#: The most elements a page may have for trafilatura to compare its extraction with its fallbacks.
HTML_FALLBACK_ELEMENTS = 10_000
#: The longest attribute value trafilatura is given (longer ones are emptied; see the module docstring).
HTML_ATTRIBUTE_CHARS = 10_000


_EXTRACTOR = (
    "trafilatura main-content extraction (favor_precision; navigation, ads and page furniture outside the "
    "article are dropped there), then mediakit line rules (listed in 'removed')"
)


def extract_html(html: str, url: str | None = None) -> Article:
    """Extract a clean :class:`Article` from an HTML page (see the module docstring for the steps)."""
    import trafilatura
    from lxml import etree

    try:
        tree = load_tree(html)
    except (ValueError, etree.ParserError) as exc:
        raise InputError(f"HTML could not be parsed ({exc})") from None
    if tree is None:
        raise InputError("HTML could not be parsed (no document tree)")
    try:
        meta = read_metadata(tree)
    except RecursionError:  # metadata is a nicety: a page too deeply nested to read it still has a body
        meta = {"flags": ["metadata: the page is nested too deeply to read its metadata; skipped"]}
    elements, emptied = _guard_attributes(tree, html)
    big = elements is not None and elements > HTML_FALLBACK_ELEMENTS
    _shed_head(tree)
    try:
        doc = trafilatura.bare_extraction(
            tree, url=url, with_metadata=False, favor_precision=True, include_comments=False, fast=big
        )
    except Exception as exc:  # trafilatura raises assorted errors on broken markup
        raise InputError(f"trafilatura could not extract this page ({type(exc).__name__}: {exc})") from None
    text = (getattr(doc, "text", None) or "") if doc is not None else ""
    art = Article(source=text, input_kind="html", extractor=_EXTRACTOR)
    art.title = meta.get("title")
    art.byline = meta.get("byline")
    art.date = meta.get("date")
    art.outlet = meta.get("outlet")
    art.section = meta.get("section")
    art.url = meta.get("url") or url
    art.language = meta.get("language")
    if meta.get("standfirst"):
        art.standfirst = [meta["standfirst"]]
    caption_texts = meta.get("captions", [])
    art.captions = [Caption(text=c, credit=credit) for c, credit in caption_texts]
    _classify_lines(art, {_key(c) for c, _ in caption_texts}, _key(art.title or ""))
    art.flags.extend(meta.get("flags", []))
    if emptied:
        art.flags.append(f"html: {emptied:,} attribute value{'s' if emptied > 1 else ''} longer than "
                         f"{HTML_ATTRIBUTE_CHARS:,} characters emptied before extraction (HTML_ATTRIBUTE_CHARS, "
                         "mediakit/html.py)")
    if big:
        art.flags.append(f"html: the page has {elements:,} elements, more than {HTML_FALLBACK_ELEMENTS:,}: its text "
                         "was extracted without trafilatura's fallback comparison (HTML_FALLBACK_ELEMENTS, "
                         "mediakit/html.py)")
    if not art.paragraphs:
        art.flags.append("no article text found in the HTML")
    return art


def _guard_attributes(tree: Any, html: str) -> tuple[int | None, int]:
    """The page's node count (elements, comments and processing instructions, as ``tree.iter()`` walks
    them) and how many attribute values longer than :data:`HTML_ATTRIBUTE_CHARS` were emptied.

    Reading every attribute value costs about twice as much as reading the page's metadata (a page holds
    thousands, some of them kilobytes of inline data), and a value that long is rare; so
    the values are read only when :func:`_may_hold_long_value` finds room for one in the page's text,
    and the nodes are otherwise counted in C, or not at all (the count is None) when the page has too
    few tags to exceed :data:`HTML_FALLBACK_ELEMENTS` (:func:`_few_tags`)."""
    if not _may_hold_long_value(html, HTML_ATTRIBUTE_CHARS):
        return (None if _few_tags(html, HTML_FALLBACK_ELEMENTS) else int(_count_nodes()(tree))), 0
    elements = emptied = 0
    for el in tree.iter():
        elements += 1
        # the values alone are read (no attribute mapping is built for each of a page's thousands of elements)
        for value in el.values():
            if len(value) > HTML_ATTRIBUTE_CHARS:
                emptied += _empty_long_values(el)
                break
    return elements, emptied


def _few_tags(html: str, limit: int) -> bool:
    """True when the page cannot parse into more than ``limit`` nodes, told by its "<" characters.

    Every node the parser makes starts at a "<" (a tag, or an end tag without its start tag) except those
    it implies: ``<html>``, ``<head>``, ``<body>`` and a paragraph opened around loose text, at most one
    per tag. So a page has at most twice as many nodes as "<" characters plus a few; this allows three
    times as many (``tests/test_html.py`` checks the bound on generated tag soup). A news page has fewer
    nodes than "<" characters (0.1 to 0.6 times as many on the scrapinghub pages, whose scripts hold "<"
    too), so counting them is skipped for every page of that set."""
    return 3 * html.count("<") + 16 <= limit


#: The elements of a page's ``<head>`` that trafilatura is not given (JSON-LD scripts excepted): see :func:`_shed_head`.
HEAD_SHED = ("script", "style", "link", "meta")


def _shed_head(tree: Any) -> None:
    """Remove the scripts, styles, links and meta tags of the page's ``<head>`` once the metadata is read.

    trafilatura deletes the whole ``<head>`` in its cleaning, and none of its steps before that reads these
    elements: its raw-page prunes select ``div``, ``section``, ``aside`` and list elements only, and its
    readability comparison drops scripts and styles first and scores paragraphs. They still cost it time:
    it copies the page three or four times (an inline script can be tens of kilobytes) and each of its
    XPath rules visits every element. Scripts of JSON-LD stay, as trafilatura reads them to tell a forum
    thread from an article; so do the title and anything else. On the scrapinghub pages trafilatura returns
    the same text for every page with and without them, about 1 ms a page (8%) sooner without
    (``tests/test_html.py`` checks the same on the teaching corpus's pages and on fixtures)."""
    head = tree.find("head")
    if head is None:
        return
    for el in list(head.iterchildren(*HEAD_SHED)):
        if el.tag != "script" or "ld+json" not in (el.get("type") or "").lower():
            el.drop_tree()  # its tail (whitespace, in a head) goes to the previous sibling


def _count_nodes() -> Any:
    """An XPath counting the nodes ``tree.iter()`` yields (one per thread, compiled once)."""
    xpath = getattr(_PARSERS, "count_nodes", None)
    if xpath is None:
        from lxml import etree

        xpath = _PARSERS.count_nodes = etree.XPath(
            "count(descendant-or-self::*|descendant::comment()|descendant::processing-instruction())")
    return xpath


# Characters that end an unquoted attribute value in every HTML parser lxml may bring (libxml2 before 2.14
# ends it at a space, tab, newline, carriage return or ">"; the HTML5 tokeniser of 2.14 also at a form feed,
# left out here so that a run is never cut shorter than a value can be).
_UNQUOTED_ENDS = (" ", "\t", "\n", "\r", ">")


def _may_hold_long_value(html: str, limit: int) -> bool:
    """False when no attribute value parsed from ``html`` can be longer than ``limit`` characters.

    A value is read from the page's own characters (an entity reference is longer than the character it
    stands for, a CR LF pair becomes one newline: never shorter). A quoted value holds no quote of its kind
    and opens right after "=" (and spaces); an unquoted one holds none of :data:`_UNQUOTED_ENDS`. A value
    of more than ``limit`` characters is then a run of that many characters without its quote or without
    any of those ends, and such a run holds a whole block of ``(limit + 1) // 2`` characters aligned on a
    multiple of that size: only blocks are looked at, each with a C search that stops at the first hit
    (in HTML a quote and a space are never far). A block without a quote is followed up (the quotes around
    its run; is the opening one after "="?), and so is a block with none of the unquoted ends (is there an
    "=" early enough in its run, or one before it?). When in doubt the answer is True, and the values are
    read. ``tests/test_html.py`` compares the answer with the values lxml reads."""
    n = len(html)
    step = (limit + 1) // 2
    if n <= limit or step <= 0:
        return n > limit
    find, rfind = html.find, html.rfind
    for quote in ('"', "'"):
        opened = -2  # the opening quote of the last run followed up
        for a in range(0, n - step + 1, step):
            if find(quote, a, a + step) != -1:
                continue
            p = rfind(quote, 0, a)
            if p == -1 or p == opened:
                continue  # no quote before the block (no value opens before it), or a run already looked at
            opened = p
            q = find(quote, a + step)
            if (n if q == -1 else q) - p - 1 <= limit:
                continue
            if _after_equals(html, p):
                return True
    run_start = -1  # the start of the last run without an unquoted value's end followed up
    for a in range(0, n - step + 1, step):
        if any(find(c, a, a + step) != -1 for c in _UNQUOTED_ENDS):
            continue
        start = max(rfind(c, 0, a) for c in _UNQUOTED_ENDS) + 1
        if start == run_start:
            continue
        run_start = start
        end = min((i for i in (find(c, a + step) for c in _UNQUOTED_ENDS) if i != -1), default=n)
        # a value longer than limit opens after an "=" early enough in the run, or at the run's start
        # after an "=" and spaces (a run of JSON or base64 in a script mostly holds no "=" at all)
        if find("=", start, end - limit - 1) != -1:
            return True
        if end - start > limit and _after_equals(html, start):
            return True
    return False


def _after_equals(html: str, at: int) -> bool:
    """May an attribute value open at ``at``: an "=" before it, spaces between (or more than the 64
    characters read before it, all spaces: not known, so True)?"""
    before = html[max(0, at - 64) : at].rstrip()
    return before.endswith("=") or (not before and at > 64)


def _empty_long_values(el: Any) -> int:
    """Empty the element's attribute values longer than :data:`HTML_ATTRIBUTE_CHARS`; returns how many."""
    names = [name for name, value in el.items() if len(value) > HTML_ATTRIBUTE_CHARS]
    for name in names:
        el.set(name, "")
    return len(names)


_PARSERS = threading.local()


def _parser() -> Any:
    """This thread's HTML parser: trafilatura's parser settings, element classes looked up in C.

    lxml.html's own parsers pick each element's Python class with a Python callback (``<form>`` and
    ``<input>`` get form classes, everything else ``HtmlElement``), called every time an element is touched
    from Python: in trafilatura's pruning passes that is thousands of calls per page. Here every element
    is an ``HtmlElement`` (the form classes only add form helpers, which neither trafilatura nor mediakit
    use), comments and processing instructions keep their lxml.html classes, and the lookup costs nothing.
    The tree, and so trafilatura's output, is the same (``tests/test_html.py`` compares both loaders)."""
    parser = getattr(_PARSERS, "parser", None)
    if parser is None:
        from lxml import etree
        from lxml import html as lxml_html

        # The settings of trafilatura.utils.HTML_PARSER.
        parser = etree.HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8",
                                  remove_comments=True, remove_pis=True)
        parser.set_element_class_lookup(etree.ElementDefaultClassLookup(
            element=lxml_html.HtmlElement, comment=lxml_html.HtmlComment,
            pi=lxml_html.HtmlProcessingInstruction, entity=lxml_html.HtmlEntity))
        _PARSERS.parser = parser
    return parser


def load_tree(html: str) -> Any:
    """Parse a page as :func:`trafilatura.utils.load_html` does, with :func:`_parser`'s cheaper element classes.

    The same repair of the string first (trafilatura's own function); a page this fast path cannot take
    as it is (an encoding declaration in the string, an empty or rejected tree) goes to trafilatura's
    loader itself, so every corner case is trafilatura's. Returns None when trafilatura finds no tree."""
    from lxml import html as lxml_html
    from trafilatura.utils import is_dubious_html, load_html, repair_faulty_html

    beginning = html[:50].lower()
    try:
        repaired = html if _needs_no_repair(html, beginning) else repair_faulty_html(html, beginning)
        tree = lxml_html.fromstring(repaired, parser=_parser())
    except Exception:  # trafilatura's loader has fallbacks (bytes, then a verdict): let it decide
        tree = None
    if tree is None or len(tree) < 1 or (is_dubious_html(beginning) and len(tree) < 2):
        return load_html(html)
    return tree


_CONTROL_BYTES = bytes(c for c in range(32) if c not in (9, 10, 13))


def _needs_no_repair(html: str, beginning: str) -> bool:
    """True when :func:`trafilatura.utils.repair_faulty_html` would return ``html`` unchanged.

    That function strips characters XML cannot hold (control characters, U+FFFE, U+FFFF) with a regular
    expression over the whole page, about a millisecond for a news page that almost never holds one;
    here bytes are counted instead. Its two other repairs touch only the first lines: a doctype holding a
    slash, a self-closing ``<html/>``. When any of the three may apply (the tests below are broader than
    its own), the page goes to trafilatura's function itself."""
    if "\ufffe" in html or "\uffff" in html:
        return False
    data = html.encode("utf-8", "surrogatepass")  # a control character is one byte in UTF-8, never inside another
    if len(data.translate(None, _CONTROL_BYTES)) != len(data):
        return False
    if "doctype" in beginning:
        from trafilatura.utils import DOCTYPE_TAG

        newline = html.find("\n")  # the repair rebuilds the page around its first newline, or adds one
        if newline < 0 or DOCTYPE_TAG.search(html[:newline]):
            return False
    return not any("<html" in line and "/>" in line for line in html[:4096].splitlines()[:4])


def _key(s: str) -> str:
    return " ".join(_WORD.findall(s.lower()))


def _classify_lines(art: Article, captions: set[str], title_key: str) -> None:
    text = art.source
    lines = [m.span() for m in re.finditer(r"[^\n]+", text)]
    after_teaser = False
    for i, (s, e) in enumerate(lines):
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s >= e:
            continue
        line = text[s:e]
        label, reason = _line_rule(line, captions, title_key, after_teaser, i == 0)
        if label == "paragraph":
            art.paragraphs.append(Span(s, e, "paragraph"))
            after_teaser = False
        elif label == "title":
            art.metadata_spans.append(Span(s, e, "title", reason))
        else:
            art.removed.append(Span(s, e, label, reason))
            after_teaser = label == "related"


def _line_rule(line: str, captions: set[str], title_key: str, after_teaser: bool, first: bool) -> tuple[str, str]:
    if (first and title_key) or captions:  # the key is needed only to compare with these
        key = _key(line)
        if first and title_key and key == title_key:
            return "title", "first line repeats the page title"
        if key and key in captions:
            return "caption", "line repeats a photo caption of the page (kept as caption metadata)"
    ln = make_line(line, 0, False)
    if after_teaser and ln.marker and ln.words <= 25:
        return "related", "list item under a teaser label: a related-links list"
    verdict = line_rule(ln, shapes=False)
    if verdict is not None:
        return verdict.category, verdict.reason
    return "paragraph", ""


# --- metadata ---------------------------------------------------------------------------------------

_ARTICLE_TYPES = {"newsarticle", "article", "reportagenewsarticle", "blogposting", "analysisnewsarticle",
                  "opinionnewsarticle", "webpage", "liveblogposting", "backgroundnewsarticle"}
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def read_metadata(tree: Any) -> dict[str, Any]:
    """Title, byline, date (ISO), outlet, section, standfirst, url, language and captions from a parsed page.

    JSON-LD wins over meta tags, which win over visible elements; values are plain strings. A JSON-LD
    block that cannot be read (not JSON, or nested too deeply) is skipped, and ``"flags"`` says so.
    """
    meta: dict[str, Any] = {}
    flags: list[str] = []
    found = _Found(tree)
    ld = _json_ld(found.ld_scripts, flags)
    if ld:
        meta["title"] = _s(ld.get("headline")) or _s(ld.get("name"))
        meta["byline"] = _names(ld.get("author"))
        meta["date"] = _iso(_s(ld.get("datePublished")) or _s(ld.get("dateCreated")))
        pub = ld.get("publisher")
        meta["outlet"] = _names(pub)
        meta["section"] = _s(ld.get("articleSection"))
        meta["standfirst"] = _s(ld.get("description"))
        meta["url"] = _s(ld.get("url")) or _s(ld.get("mainEntityOfPage"))
    tags: dict[str, str] = {}
    for el in found.metas:
        name = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        content = (el.get("content") or "").strip()
        if name and content and name not in tags:
            tags[name] = content
    _fill(meta, "title", tags.get("og:title") or tags.get("twitter:title"))
    _fill(meta, "byline", tags.get("author") or tags.get("article:author") or tags.get("dc.creator")
          or tags.get("byl") or tags.get("sailthru.author"))
    _fill(meta, "date", _iso(tags.get("article:published_time") or tags.get("datepublished")
                             or tags.get("pubdate") or tags.get("date") or tags.get("dc.date")
                             or tags.get("og:article:published_time") or tags.get("sailthru.date")))
    _fill(meta, "outlet", tags.get("og:site_name") or tags.get("application-name"))
    _fill(meta, "section", tags.get("article:section") or tags.get("section"))
    _fill(meta, "standfirst", tags.get("og:description") or tags.get("description"))
    _fill(meta, "url", tags.get("og:url"))
    if not meta.get("date"):
        t = found.first.get("time")
        if t is not None:
            meta["date"] = _iso(t.get("datetime"))
    if not meta.get("title"):
        h1 = found.first.get("h1")
        title = " ".join(h1.text_content().split()) if h1 is not None else ""
        if not title:
            t = found.first.get("title")
            title = re.split(r"\s+[|\u2013\u2014-]\s+", " ".join((t.text_content() if t is not None else "").split()))[0]
        meta["title"] = title or None
    meta["language"] = (tree.get("lang") or tree.get("xml:lang") or "").split("-")[0].lower() or None
    meta["captions"] = _captions(tree, found.figcaptions)
    byline = meta.get("byline")
    if byline and byline.lower().startswith("by "):
        meta["byline"] = byline[3:].strip()
    meta["flags"] = flags
    return {k: v for k, v in meta.items() if v}


class _Found:
    """The elements metadata is read from, gathered in one walk over the page (a walk per kind of element
    costs about as much as the whole metadata reading): ``<meta>`` tags and JSON-LD scripts, in order; the
    first ``<time datetime>``, ``<h1>`` and ``<title>``; the ``<figcaption>`` elements."""

    _TAGS = ("meta", "script", "time", "h1", "title", "figcaption")

    def __init__(self, tree: Any) -> None:
        self.metas: list[Any] = []
        self.ld_scripts: list[Any] = []
        self.figcaptions: list[Any] = []
        self.first: dict[str, Any] = {}
        for el in tree.iterdescendants(*self._TAGS):
            tag = el.tag
            if tag == "meta":
                self.metas.append(el)
            elif tag == "script":
                if el.get("type") == "application/ld+json":
                    self.ld_scripts.append(el)
            elif tag == "figcaption":
                self.figcaptions.append(el)
            elif tag not in self.first and (tag != "time" or el.get("datetime") is not None):
                self.first[tag] = el


def _fill(meta: dict[str, Any], key: str, value: str | None) -> None:
    if not meta.get(key) and value:
        meta[key] = " ".join(value.split())


_LD_DEPTH = 4
"""How deep the JSON-LD look-ups go (lists in lists, ``@graph`` in ``@graph``); deeper is not metadata."""


def _s(v: Any) -> str | None:
    """A JSON-LD value as one string: a string, a dict's ``@id``/``name``, a list's first item."""
    for _ in range(_LD_DEPTH + 1):  # a loop, not recursion: JSON-LD can be nested hundreds deep
        if isinstance(v, str):
            return " ".join(v.split()) or None
        if isinstance(v, dict):
            v = v.get("@id") or v.get("name")
        elif isinstance(v, list) and v:
            v = v[0]
        else:
            return None
    return None


def _names(v: Any, depth: int = 0) -> str | None:
    if isinstance(v, list):
        if depth >= _LD_DEPTH:
            return None
        names = [n for n in (_names(x, depth + 1) for x in v) if n]
        return ", ".join(names) or None
    if isinstance(v, dict):
        return _s(v.get("name"))
    return _s(v)


def _iso(v: str | None) -> str | None:
    if not v:
        return None
    m = _DATE.search(v)
    return f"{m.group(1)}-{m.group(2)}-{m.group(3)}" if m else None


def _json_ld(scripts: list[Any], flags: list[str]) -> dict[str, Any] | None:
    """The first article-like JSON-LD object of the page's JSON-LD ``scripts``; unreadable blocks are skipped
    with a flag."""
    for el in scripts:
        if not (el.text or "").strip():
            continue
        try:
            data = json.loads(el.text)
        except RecursionError:
            flags.append("metadata: a JSON-LD block nested too deeply to read was skipped")
            continue
        except (ValueError, TypeError) as exc:
            flags.append(f"metadata: a JSON-LD block that is not valid JSON was skipped ({exc})")
            continue
        for obj in _walk_ld(data):
            types = obj.get("@type")
            types = types if isinstance(types, list) else [types]
            if any(isinstance(t, str) and t.lower() in _ARTICLE_TYPES for t in types) and (
                obj.get("headline") or obj.get("datePublished")
            ):
                return obj
    return None


def _walk_ld(data: Any) -> Iterator[dict[str, Any]]:
    """The JSON-LD objects in ``data``, in document order: in lists and ``@graph``, at most 4 levels deep.

    A loop over an explicit stack, not recursion, so no nesting depth can overflow the Python stack."""
    stack: list[tuple[Any, int]] = [(data, 0)]
    while stack:
        node, depth = stack.pop()
        if depth > _LD_DEPTH:
            continue
        if isinstance(node, list):
            stack.extend((x, depth + 1) for x in reversed(node))
        elif isinstance(node, dict):
            yield node
            if "@graph" in node:
                stack.append((node["@graph"], depth + 1))


def _caption_classes(tree: Any) -> list[Any]:
    """The ``class`` attributes holding "caption" of the elements under ``tree``, in document order (one
    XPath over attributes: about twice as fast as selecting the elements by their class)."""
    xpath = getattr(_PARSERS, "caption_classes", None)
    if xpath is None:
        from lxml import etree

        xpath = _PARSERS.caption_classes = etree.XPath('descendant::*/@class[contains(., "caption")]')
    return xpath(tree)


_CAPTION_CLASS = re.compile(r"(?:^|[\s_-])(?:wp-caption-text|caption)(?:$|\s)", re.I)
_CREDIT_CLASS = re.compile(r"credit|copyright|byline|source", re.I)


def _captions(tree: Any, figcaptions: list[Any]) -> list[tuple[str, str | None]]:
    """Photo captions with their credits: ``<figcaption>`` and WordPress-style caption blocks.

    A credit is a child element marked as one (class "credit", ``<small>``, ``<cite>``; its label such as
    "Photograph:" dropped) or a credit closing the caption text ("Photo: X", "(AP Photo/X)", "Credit... X"),
    found by the text cleaner's credit rules (:func:`mediakit.clean.credits.split_credit`)."""
    out: list[tuple[str, str | None]] = []
    seen: set[int] = set()
    candidates = list(figcaptions)
    for cls in _caption_classes(tree):  # class attributes holding "caption", in document order
        el = cls.getparent()
        if (_CAPTION_CLASS.search(el.get("class", "")) and next(el.iterancestors("figcaption"), None) is None
                and (not figcaptions or next(el.iterdescendants("figcaption"), None) is None)):
            candidates.append(el)
    for el in candidates:
        if id(el) in seen:
            continue
        seen.add(id(el))
        text = " ".join(el.text_content().split())
        if not text:
            continue
        credit = None
        for child in el.iterdescendants():
            if child.tag in ("small", "cite") or _CREDIT_CLASS.search(child.get("class", "") or ""):
                ctext = " ".join(child.text_content().split())
                if ctext and ctext != text and text.endswith(ctext):
                    label = CREDIT_LABEL.match(ctext)
                    credit = ctext[label.end() if label else 0 :].rstrip(")").strip() or None
                    text = text[: -len(ctext)].strip()
                    break
        if credit is None:
            split = split_credit(text)
            if split is not None and split[0]:
                text, credit = split
        if any(text == t for t, _ in out):
            continue
        out.append((text, credit))
        if len(out) >= 20:
            break
    return out
