"""The HTML path: metadata, body, captions and the tidy-up rules."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from mediakit import MediakitError, extract
from mediakit.html import extract_html

# five paragraphs the extractor reads as the article, for pages that test what sits around them
PROSE = "".join(f"<p>Harbour paragraph {i} with enough words to be read as prose by the extractor.</p>" for i in range(5))


def test_example_page(examples) -> None:
    art = extract(examples / "ferry_page.html")
    assert art.input_kind == "html"
    assert art.title == "Vessen ferry strike: union and operator agree to meet"
    assert art.byline == "Ingrid Solheim"
    assert art.date == "2026-02-27"
    assert art.outlet == "The Lundby Gazette"
    assert art.section == "Transport"
    assert art.captions and art.captions[0].credit == "Gazette / Pia Lind"
    body = art.body
    assert "open mind" in body and "1,900 people" in body
    for furniture in ("Advertisement", "Sign up", "Share on", "About us", "Harbour pilots call off"):
        assert furniture not in body
    for p in art.paragraphs:
        assert art.source[p.start : p.end].strip() == art.source[p.start : p.end]


def _page(body: str, head: str = "") -> str:
    return f"<html><head>{head}</head><body><article>{body}</article></body></html>"


def test_teasers_and_prompts_removed_with_reasons() -> None:
    paras = "".join(f"<p>Paragraph {i} of the report says the council met on Monday and voted to act.</p>" for i in range(6))
    html = _page(
        "<h1>Council votes</h1>" + paras
        + "<p>Read more: Council to vote again next month</p>"
        + "<p>Sign up for our morning newsletter and get it in your inbox.</p>"
        + "<p>Follow the Gazette on Facebook, Twitter and Instagram.</p>"
    )
    art = extract_html(html)
    labels = {r.label for r in art.removed}
    assert {"related", "newsletter", "share"} <= labels
    assert all(r.reason for r in art.removed)
    assert len(art.paragraphs) == 6


def test_quoted_newsletter_sentence_is_kept() -> None:
    paras = "".join(f"<p>Sentence {i} about the harbour and its long history of trade.</p>" for i in range(5))
    html = _page(paras + "<p>“People subscribe because they trust us,” the editor said.</p>")
    art = extract_html(html)
    assert "subscribe because" in art.body


def test_json_ld_graph_and_meta_fallbacks() -> None:
    head = (
        '<script type="application/ld+json">{"@graph": [{"@type": "WebSite", "name": "X"},'
        ' {"@type": ["NewsArticle"], "headline": "Bridge reopens", "datePublished": "2025-05-04T10:00Z",'
        ' "author": [{"name": "A. Writer"}, {"name": "B. Writer"}]}]}</script>'
        '<meta property="og:site_name" content="Coast News">'
    )
    body = "".join(f"<p>Bridge text number {i} with enough words to count as a paragraph.</p>" for i in range(5))
    art = extract_html(_page(body, head))
    assert art.title == "Bridge reopens" and art.date == "2025-05-04"
    assert art.byline == "A. Writer, B. Writer" and art.outlet == "Coast News"


def test_truncated_and_malformed_html_give_a_record_or_a_clear_error() -> None:
    art = extract("<html><body><article><p>Cut off in the middle of a sentence about the", kind="html")
    assert isinstance(art.body, str)
    for html in ("<<<>>><p></div></span>", "<html></html>"):
        try:
            art = extract(html, kind="html")
        except MediakitError as exc:
            assert "HTML" in str(exc)
        else:
            assert "no article text found in the HTML" in art.flags


def test_caption_credit_styles() -> None:
    body = PROSE
    html = _page(
        body
        + '<figure><img src="a.jpg"><figcaption>Boats at dawn. <small>Gazette / Pia Lind</small></figcaption></figure>'
        + '<figure><figcaption><span class="caption-text">The quay.</span> <span class="credit">Photograph: Ola Berg</span></figcaption></figure>'
        + '<div class="wp-caption"><img src="b.jpg"><p class="wp-caption-text">A ferry. (Photo: Tide Images)</p></div>'
    )
    caps = [(c.text, c.credit) for c in extract_html(html).captions]
    assert caps == [("Boats at dawn.", "Gazette / Pia Lind"), ("The quay.", "Ola Berg"), ("A ferry.", "Tide Images")]


def test_html_and_text_paths_share_the_phrase_rules() -> None:
    from mediakit.clean import clean_text

    prompts = [
        "Sign up for our morning newsletter and get it in your inbox.",
        "Follow the Harbour Gazette news desk on Facebook and Instagram.",
        "You may also like...",
        "Copyright 2026 The Harbour Gazette",
    ]
    paras = "".join(f"<p>Paragraph {i} of the report says the council met on Monday and voted to act.</p>" for i in range(6))
    art = extract_html(_page(paras + "".join(f"<p>{p}</p>" for p in prompts)))
    html_reasons = {art.span_text(r): (r.label, r.reason) for r in art.removed}
    text = "Council votes\n\n" + "\n\n".join(
        f"Paragraph {i} of the report says the council met on Monday and voted to act." for i in range(6)
    ) + "\n\n" + "\n".join(prompts) + "\n"
    text_art = clean_text(text)
    text_reasons = {text_art.span_text(r): (r.label, r.reason) for r in text_art.removed}
    for p in prompts:
        assert p in html_reasons, p
        assert html_reasons[p] == text_reasons[p], p
    assert len(art.paragraphs) == 6


def test_caption_credit_labels_are_dropped() -> None:
    body = PROSE
    html = _page(
        body
        + '<figure><figcaption>Nets drying on the quay (Photo by Ines Moor/Coast Images)</figcaption></figure>'
        + '<figure><figcaption>The lighthouse. <span class="credit">Photograph by Ola Berg</span></figcaption></figure>'
    )
    caps = [(c.text, c.credit) for c in extract_html(html).captions]
    assert caps == [("Nets drying on the quay", "Ines Moor/Coast Images"), ("The lighthouse.", "Ola Berg")]


_LOADER_CASES = [
    "",
    "   ",
    "just a line of words",
    "<p>A lone paragraph.</p>",
    "<p>One.</p><p>Two.</p>",
    "<?xml version='1.0' encoding='utf-8'?><html><body><p>Declared.</p></body></html>",
    "<html/>\n<body><p>Self-closed html.</p></body>",
    "<!DOCTYPE html><html></html>",
    "<!DOCTYPE html><html><body><p>A doctype and no newline at all, the repair adds one.</p></body></html>",
    '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">'
    "\n<html><body><p>An XHTML doctype, with slashes.</p></body></html>",
    "<!doctype html/>\n<html><body><p>A slash in a short doctype.</p></body></html>",
    '<html lang="en"/>\n<head></head><body><p>Self-closed html with attributes.</p></body>',
    "<html><body><p>Control\x01 characters\x0b and \x1f here.</p><p>And \ufffe and \uffff too.</p></body></html>",
    "<html><body><p>Caf\u00e9 \u201cquoted\u201d \U0001f600 with\x08 one control.</p></body></html>",
    "<<<>>><p></div></span>",
    "<html><body><article><p>Cut off in the middle of a sentence about the",
    _page("<form action='/s'><label>Find</label><input name=q value=ferry><select><option>1</option></select>"
          "<textarea>note</textarea></form><p>The ferry runs on Sundays again, the operator said.</p>",
          "<title>Ferry</title><!-- a comment --><?pi x?>"),
]


def test_repair_shortcut_agrees_with_trafilaturas_repair() -> None:
    """_needs_no_repair may say 'repair' too often, never too rarely."""
    from trafilatura.utils import repair_faulty_html

    from mediakit.html import _needs_no_repair

    for html in _LOADER_CASES:
        beginning = html[:50].lower()
        if _needs_no_repair(html, beginning):
            assert repair_faulty_html(html, beginning) == html, html


def test_fast_loader_builds_trafilaturas_tree_and_extraction() -> None:
    """load_tree parses with cheaper element classes: the tree and trafilatura's text must not change."""
    import trafilatura
    from lxml import etree
    from trafilatura.utils import load_html

    from mediakit.html import load_tree

    body = PROSE
    for html in [*_LOADER_CASES, _page(body, "<meta name='author' content='A'>")]:
        ours, theirs = load_tree(html), load_html(html)
        assert (ours is None) == (theirs is None), html
        if ours is None:
            continue
        assert etree.tostring(ours) == etree.tostring(theirs), html
        kw = {"with_metadata": False, "favor_precision": True, "include_comments": False}
        a, b = trafilatura.bare_extraction(ours, **kw), trafilatura.bare_extraction(theirs, **kw)
        assert (a and a.text) == (b and b.text), html


_FORUM_LD = ('<script type="application/ld+json">{"@context": "https://schema.org", "@type": '
             '"DiscussionForumPosting", "headline": "Ferry times"}</script>')
_HEAD_PAGES = [
    _page(PROSE, "<title>Harbour</title><meta charset='utf-8'><link rel='stylesheet' href='/s.css'>"
          "<style>p { color: red }</style><script>var adSlots = ['top', 'side'];</script>" + _FORUM_LD),
    # a forum thread, told by its JSON-LD in the head: trafilatura keeps the comment containers as posts
    _page(PROSE + "<ul id='dsq-comments'>" + "".join(f"<li>Reply {i}: the ferry was late again on a Sunday "
                                                    "morning, and the kiosk was shut.</li>" for i in range(4))
          + "</ul>", _FORUM_LD),
    _page(PROSE + "<div class='comment'><p>A reader's comment on the ferry, long enough to be read.</p></div>",
          "<script>var x = 1;</script>"),
    "<html><head><script>var a;</script> stray head text <meta name=x content=y></head><body>" + PROSE + "</body></html>",
]


def test_trafilatura_reads_the_same_page_without_the_heads_scripts_styles_and_meta_tags() -> None:
    """_shed_head removes only what trafilatura never reads: its text is the same with and without them,
    on the fixtures, the forum pages (told by their JSON-LD, which stays) and every saved page of the
    teaching corpus."""
    from pathlib import Path

    import trafilatura

    from mediakit.html import _shed_head, load_tree

    saved = sorted((Path(__file__).resolve().parent.parent / "data" / "corpus" / "raw" / "html").glob("*.html"))
    assert len(saved) >= 20
    kw = {"with_metadata": False, "favor_precision": True, "include_comments": False}
    for html in [*_LOADER_CASES, *_HEAD_PAGES, *(p.read_text(encoding="utf-8") for p in saved)]:
        kept, shed = load_tree(html), load_tree(html)
        if kept is None:
            continue
        _shed_head(shed)
        a, b = trafilatura.bare_extraction(kept, **kw), trafilatura.bare_extraction(shed, **kw)
        assert (a and a.text) == (b and b.text), html
    forum, blind = load_tree(_HEAD_PAGES[1]), load_tree(_HEAD_PAGES[1])
    _shed_head(forum)
    assert forum.find("head/script") is not None
    blind.remove(blind.find("head"))  # without its JSON-LD the page reads as an article, its replies dropped
    assert "Reply 3" in trafilatura.bare_extraction(forum, **kw).text
    assert "Reply 3" not in trafilatura.bare_extraction(blind, **kw).text


def test_caption_blocks_around_or_inside_figcaptions_are_not_read_twice() -> None:
    body = PROSE
    html = _page(
        body
        + '<div class="caption">Outer block <figure><figcaption>Inner caption.</figcaption></figure></div>'
        + '<figure><figcaption><span class="caption">Nested caption.</span></figcaption></figure>'
        + '<p class="wp-caption-text">A WordPress caption.</p>'
    )
    caps = [c.text for c in extract_html(html).captions]
    assert caps == ["Inner caption.", "Nested caption.", "A WordPress caption."]


# -- the long-attribute guard's prefilter ---------------------------------------------------------------

_VALUE_CHARS = st.sampled_from(list("ab= >\"'&;{}:,\t\n\r\f") + ["&amp;", "&quot;", "&#39;", "x" * 7, "\u00e9"])
_VALUES = st.lists(_VALUE_CHARS, max_size=30).map("".join)
_TEXT = st.lists(st.sampled_from(list("ab =>\"'{}:,.\n") + ["x" * 9, "&amp;"]), max_size=40).map("".join)


@st.composite
def _pages(draw: st.DrawFn) -> str:
    """Pages of elements whose attributes are quoted either way or not at all, with spaces around the "="
    or none, and text and scripts that hold quotes, "=" and long runs without spaces (as JSON does)."""
    parts = ["<html><body>"]
    for _ in range(draw(st.integers(0, 6))):
        tag = draw(st.sampled_from(["div", "p", "img", "a", "script"]))
        attrs = ""
        for name in draw(st.lists(st.sampled_from(["class", "id", "src", "data-x"]), max_size=3, unique=True)):
            quote = draw(st.sampled_from(['"', "'", ""]))
            eq = draw(st.sampled_from(["=", " = ", "=\n"]))
            attrs += f" {name}{eq}{quote}{draw(_VALUES)}{quote}"
        parts.append(f"<{tag}{attrs}>{draw(_TEXT)}</{tag}>")
    return "".join(parts) + "</body></html>"


@settings(max_examples=400, deadline=None)
@given(_pages(), st.integers(2, 40))
def test_a_page_the_prefilter_clears_holds_no_long_attribute_value(page: str, limit: int) -> None:
    """_may_hold_long_value answers False only for pages where lxml reads no value longer than the limit."""
    from mediakit.html import _may_hold_long_value, load_tree

    tree = load_tree(page)
    longest = max((len(v) for el in tree.iter() for v in el.values()), default=0) if tree is not None else 0
    if longest > limit:
        assert _may_hold_long_value(page, limit), (page, limit)


def test_the_guard_counts_nodes_as_the_walk_does_and_empties_long_values() -> None:
    from mediakit.html import HTML_ATTRIBUTE_CHARS, HTML_FALLBACK_ELEMENTS, _guard_attributes, load_tree

    long_value = "y" * (HTML_ATTRIBUTE_CHARS + 1)
    script = "<script>var config = {" + ",".join(f'"k{i}":{i}' for i in range(3000)) + "}</script>"
    pages = [_page(PROSE), _page(PROSE + script), _page(PROSE + "<!-- kept? --><?pi x?>"),
             _page(PROSE + f"<img src={long_value}>"), _page(PROSE + f"<div class = '{long_value}'>x</div>"),
             _page(PROSE + f'<p data-x="{long_value}" id="{long_value}">x</p>')]
    for page in pages:
        tree, walked = load_tree(page), load_tree(page)
        nodes = sum(1 for _ in walked.iter())
        longs = sum(1 for el in walked.iter() for v in el.values() if len(v) > HTML_ATTRIBUTE_CHARS)
        counted, emptied = _guard_attributes(tree, page)
        assert emptied == longs
        assert counted == nodes or (counted is None and not longs and nodes <= HTML_FALLBACK_ELEMENTS)
        assert not [v for el in tree.iter() for v in el.values() if len(v) > HTML_ATTRIBUTE_CHARS]
    many = _page(PROSE + "<br>" * 5000)  # too many tags to skip the count
    assert _guard_attributes(load_tree(many), many)[0] == sum(1 for _ in load_tree(many).iter())


_SOUP = st.lists(st.sampled_from(["<", ">", "/", "</", "<p>", "</p>", "<li>", "</td>", "<td>", "<tr>", "<br>",
                                  "<html>", "<head>", "<body>", "</body>", "<title>", "<div>", "</div>", "<b>",
                                  "<img src=x>", "<!--", "-->", "<?pi", "<!DOCTYPE html>", "<table>", "<option>",
                                  "<select>", "<script>", "</script>", "<meta>", "<frameset>", "<noscript>",
                                  "text", " ", "\n", "&amp;", "x=y"]), max_size=60).map("".join)


@settings(max_examples=600, deadline=None)
@given(_SOUP)
def test_a_page_parses_into_at_most_twice_as_many_nodes_as_it_has_tags(page: str) -> None:
    """The bound _few_tags rests on: nodes <= 2 x "<" characters + 4 (it allows 3x + 16)."""
    from mediakit.html import _few_tags, load_tree

    tree = load_tree(page)
    nodes = sum(1 for _ in tree.iter()) if tree is not None else 0
    assert nodes <= 2 * page.count("<") + 4, page
    if _few_tags(page, nodes - 1):
        raise AssertionError(page)
