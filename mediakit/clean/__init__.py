"""The text-path cleaner: a copy-pasted or scraped news page -> a standoff :class:`Article`.

:func:`clean_text` never rewrites the source. Every non-blank line ends up in exactly one place: a body
paragraph, a metadata span (``title``, ``standfirst``, ``caption``, ``byline``, ``dateline``,
``section``) or a removed span labelled by kind (``advertisement``, ``promo``, ``newsletter``,
``subscription``, ``cookie``, ``share``, ``video``, ``related``, ``navigation``, ``footer``,
``comments``, ``byline-furniture``...), and every metadata and removed span says which rule put it there.

How it works, line by line, on structure first and phrases second. :mod:`.lines` builds the line table
(each line's features computed once); the passes in :mod:`.passes` label its lines in this order, with
the boilerplate phrase rules of :mod:`.phrases` (shared with the HTML path) as secondary evidence:

1. **Hints** (:mod:`.passes.hints`). Each line is judged alone and against the page: empty list items and lines without
   letters, bare numbers and "52 comments" (share and comment counters), running times such as "01:41"
   with the teaser headline after them, lines printed twice in a row, short lines repeated across the
   page ("Advertisement"), list items repeated elsewhere (a menu shown twice), reading times and
   "2 hours ago", leftover HTML, long cookie and copyright notices, and short lines that name their kind
   (small phrase lists: "Share", "Most read", "Sign up for our newsletter", "Read more: ...") or that
   end a short run with a call to action ("... Learn more"). A line between two sign-up prompts is part
   of the same box.
2. **The article text** (:mod:`.passes.main_block`). Prose (long lines ending like sentences) scores positive; short lines, list
   items and hinted lines negative; headings of related links, comments and footers strongly negative.
   The text is the run of lines with the highest total (a maximum-sum segment), refined by what pages
   look like: reader comments follow a "Comments" heading; an earlier run that is nearly as strong wins
   (teasers, comments and legal notices come after an article); a byline or dateline near the top of
   the run, or a headline-plus-dateline inside it, marks where the text starts; short inserts (a video
   teaser, a "Related" box, an ad label) are bridged; a closing line ending in ":" keeps its list.
3. **The header** (:mod:`.passes.header`, captions in :mod:`.passes.captions`). The headline is the line above the text that reads most like a title: a few words,
   not a sentence, near the text, sharing words with its opening. A byline or dateline shortly above
   the text anchors it: when a headline-shaped line sits right above that byline, the headline is there
   or higher, never among the lines between the byline and the text. Around it: standfirst (list
   bullets or sentences before the byline, or plain summary lines right under it, as blogs print
   them), byline ("By ...", "Posted on <date> by ...", "<date> | <name>", or a name above the date),
   dateline (a written date; ``Article.date`` in ISO form), section tag (a short tag right above the
   headline, or repeated on the page outside the menu), photo captions with their credit
   ("... Photo: AFP", "(Photo: X)", "(AP Photo/...)", a credit line).
4. **Inside and around** (:mod:`.passes.body`, :mod:`.passes.footer`). Hinted lines inside the text are removed, captions and credits become
   metadata, repeats of the headline or a gallery caption go, headlines listed under a "Related" heading
   go, and "Reporting by..." or author notes at the end go; above the header is navigation, below the
   text related links, comments or footer. Neighbouring lines removed for the same reason share a span.

What it misses: an article cut in two by a long block of other prose keeps only its stronger part; a
page made mostly of short lines (a list article, a schedule, a poem) may lose them, or lose to a
block of teasers; related headlines written as plain sentences next to the text can stay in; captions
without a credit read like paragraphs and stay in the body; the phrase lists are English-first, so on
other languages only the structure speaks (the article is flagged); a headline that ends with a full
stop, or a headline followed by a long standfirst above the byline, competes with the standfirst; a
byline printed above the headline is not recognised; a standfirst under the byline that ends with a
full stop reads like a caption and is left out of the metadata.
"""

from __future__ import annotations

from ..budget import check
from ..model import Article, Span
from .credits import split_credit
from .lines import Line, read_lines
from .passes import body, footer, header, hint_lines, main_block
from .passes.captions import CAPTION_BY_CREDIT, take_tail
from .phrases import english_ratio

__all__ = ["clean_text"]


def clean_text(source: str) -> Article:
    """Split a plain-text news page into body paragraphs, metadata and removed boilerplate.

    Parameters
    ----------
    source : str
        The page as plain text (copy-pasted from a browser, or converted from HTML), never modified.

    Returns
    -------
    Article
        ``paragraphs`` (label ``"paragraph"``), ``metadata_spans`` (``"title"``, ``"standfirst"``,
        ``"caption"``, ``"byline"``, ``"dateline"``, ``"section"``) and ``removed`` (labelled by kind,
        each with a reason) cover every non-blank character of ``source`` exactly once.

    Examples
    --------
    >>> page = "World\\nAdvertisement\\nTalks resume over river dam\\n\\n" \\
    ...        "Negotiators met on Monday to resume talks over the dam, officials said.\\n52"
    >>> art = clean_text(page)
    >>> art.title, art.section, art.body
    ('Talks resume over river dam', 'World', 'Negotiators met on Monday to resume talks over the dam, officials said.')
    >>> [(r.label, art.span_text(r)) for r in art.removed]
    [('advertisement', 'Advertisement'), ('share', '52')]
    """
    art = Article(source=source)
    lines = read_lines(source)
    if not lines:
        return art
    # between passes, the article's time budget, if any (mediakit.budget)
    hint_lines(lines)
    check()
    lo, hi = main_block(lines)
    check()
    top = header(lines, lo, art)
    body(lines, lo, hi, art)
    check()
    footer(lines, top, hi)
    _keep_some_text(lines, art)
    _collect(lines, art)
    _flag_language(art)
    return art


NO_TEXT_BUT_A_CAPTION = ("clean: no line read as article text; the longest line read as a caption for the "
                         "credit it ends with was kept as the text")


def _keep_some_text(lines: list[Line], art: Article) -> None:
    """A page whose every line became metadata or boilerplate, one of them a caption for the credit it
    ends with (an article flattened to one line: "... ferry fares will rise, according to one source:
    the harbour master."): the longest such line is the text, and the article is flagged. A credit that
    opens with a capital or a sign ("Photo: Jo Ruiz/AFP") stays a caption (as
    :func:`~mediakit.clean.passes.captions.split_tail` makes it); one in lower case ("source: the harbour
    master.") goes on the prose and stays in the text."""
    if any(ln.role == "paragraph" for ln in lines):
        return
    taken = [ln for ln in lines if ln.role == "meta" and ln.reason == CAPTION_BY_CREDIT and _words_stay(ln)]
    if not taken:
        return
    ln = max(taken, key=lambda x: (x.words, -x.start))
    art.captions = [c for c in art.captions if c.span is None or (c.span.start, c.span.end) != (ln.start, ln.end)]
    ln.keep_paragraph()
    if ln.credit is not None and not ln.credit[1][:1].islower():
        take_tail(ln, art)
    art.flags.append(NO_TEXT_BUT_A_CAPTION)


def _words_stay(ln: Line) -> bool:
    """Would the caption line ``ln`` keep words as text once its credit is taken off (as
    :func:`_keep_some_text` takes it)? A line that is a credit alone ("Photo: Jo Ruiz") would leave none."""
    if ln.credit is None or ln.credit[1][:1].islower():
        return True  # kept whole
    split = split_credit(ln.content)
    return split is None or bool(split[0].strip())


def _collect(lines: list[Line], art: Article) -> None:
    """Spans in document order; neighbouring lines removed for the same reason make one span."""
    run: list | None = None  # [start, end, label, reason] of the current run of removed lines
    for ln in lines:
        if ln.role == "removed":
            if run is not None and run[2] == ln.label and run[3] == ln.reason:
                run[1] = ln.end
                continue
            if run is not None:
                art.removed.append(Span(*run))
            run = [ln.start, ln.end, ln.label, ln.reason]
            continue
        if run is not None:
            art.removed.append(Span(*run))
            run = None
        if ln.role == "paragraph" and ln.tail is not None:  # a credit or notice ends it (see split_tail)
            tail = ln.tail
            art.paragraphs.append(Span(ln.start, ln.start + len(ln.text[: tail.start - ln.start].rstrip()), "paragraph"))
            if tail.label == "caption":
                art.metadata_spans.append(tail)
            else:
                run = [tail.start, tail.end, tail.label, tail.reason]
        elif ln.role == "paragraph":
            art.paragraphs.append(Span(ln.start, ln.end, "paragraph"))
        else:
            art.metadata_spans.append(Span(ln.start, ln.end, ln.label, ln.reason))
    if run is not None:
        art.removed.append(Span(*run))


def _flag_language(art: Article) -> None:
    """Flag a text with few common English words: the phrase rules are English-first."""
    if not art.paragraphs:
        return
    sample = art.source[art.paragraphs[0].start : art.paragraphs[min(3, len(art.paragraphs) - 1)].end][:2000]
    words = sample.lower().split()
    if len(words) >= 20 and english_ratio(words) < 0.06:
        art.flags.append("language: few common English words; the page was cleaned by its structure only")
