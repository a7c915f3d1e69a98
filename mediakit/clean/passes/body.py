"""The body pass: inside the article text, what is a paragraph and what is not.

Hinted lines inside the text are removed, captions and credits become metadata, a byline or dateline at
its very top is taken, repeats of the headline or a gallery caption go, headlines listed under a
"Related" heading go, and "Reporting by..." or author notes at the end go. What follows the last
paragraph inside the block is footer.
"""

from __future__ import annotations

from ...model import Article
from ..boilerplate import short
from ..lines import Line
from ..phrases import END_NOTE
from .captions import caption_candidate, split_tail, take_caption
from .header import take_byline, take_dateline
from .shapes import prose


def body(lines: list[Line], lo: int, hi: int, art: Article) -> None:
    """Label the unlabelled lines of the main block ``lines[lo : hi + 1]``."""
    last_para = None
    top = {art.title, *art.standfirst}  # repeated at the top of the text
    captions = {c.text for c in art.captions if c.text}  # repeated in galleries
    heading = None  # the latest "Related" heading inside the text, until prose resumes
    for i in range(lo, hi + 1):
        ln = lines[i]
        if ln.role:
            continue
        text = ln.content.strip()
        if ln.heading:
            heading = ln
        elif prose(ln):
            heading = None
        if text in top and (last_para is None or text == art.title) or text in captions and ln.repeats > 2:
            ln.remove("repeat", "repeats the headline, standfirst or a gallery caption inside the text")
        elif ln.hint == "caption" and take_caption(lines, i, hi + 1, art):
            pass
        elif ln.hint:
            ln.remove(ln.hint, ln.hint_reason)
        elif i < lo + 3 and (take_byline(lines, i, hi + 1, art) or take_dateline(ln, art)):
            pass
        elif take_caption(lines, i, hi + 1, art) if caption_candidate(lines, i) else False:
            pass
        elif i > hi - 4 and ln.words <= 50 and END_NOTE.search(ln.content):
            ln.remove("byline-furniture", "note on who reported or edited the story, after the text")
        elif heading is not None:
            ln.remove(heading.hint, f"headline under '{short(heading.content)}' inside the text: a link")
        else:
            ln.keep_paragraph()
            split_tail(ln, art)
            last_para = i
    if last_para is not None:
        for ln in lines[last_para + 1 : hi + 1]:
            if not ln.role:
                ln.remove("footer", "after the last paragraph")
