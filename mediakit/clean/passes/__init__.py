"""The passes of the text cleaner, in the order :func:`mediakit.clean.clean_text` runs them.

Each pass labels lines of the line table (:mod:`mediakit.clean.lines`) and says why, beside its rule:

1. :func:`hint_lines` (:mod:`.hints`): what each line probably is: video runs, counters, phrases,
   promotions, sign-up boxes, repeats.
2. :func:`main_block` (:mod:`.main_block`): which run of lines is the article text.
3. :func:`header` (:mod:`.header`): headline, standfirst, byline, dateline, section, captions above it.
4. :func:`body` (:mod:`.body`): paragraphs, captions and leftovers inside it.
5. :func:`footer` (:mod:`.footer`): navigation, furniture, comments, related links and footer around it.
"""

from .body import body
from .footer import footer
from .header import header
from .hints import hint_lines
from .main_block import main_block

__all__ = ["body", "footer", "header", "hint_lines", "main_block"]
