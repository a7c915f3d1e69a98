"""Hint passes: what each line probably is, judged alone and against the page, before any decision.

Run in this order by :func:`hint_lines`; a first hint stands (only a promotion's call to action
re-labels the lines above it):

1. :func:`video_runs`: a running time ("01:41") is a video player, and the teaser headline after it a
   related video.
2. :func:`line_hints`: one line at a time, by the rules shared with the HTML path
   (:mod:`mediakit.clean.boilerplate`): counters, reading times, addresses, leftover HTML, long cookie
   and copyright notices, a comments heading, short lines that name their kind; and short labels
   repeated across the page.
3. :func:`promo_runs`: a call to action ("Learn more") closes a promotion with the short lines above it.
4. :func:`doubled_headlines`: a headline printed twice in a row is a teaser.
5. :func:`sign_up_boxes`: a short line between two sign-up or cookie prompts is part of the same box.
6. :func:`repeated_lines`: a longer line printed more than once on the page is a link list shown twice.
"""

from __future__ import annotations

from collections import Counter

from ..boilerplate import is_running_time, line_rule, short
from ..lines import Line
from ..phrases import BARRIERS, CALL_TO_ACTION


def hint_lines(lines: list[Line]) -> None:
    """Run the hint passes in order (see the module docstring)."""
    video_runs(lines)
    calls = line_hints(lines)
    promo_runs(lines, calls)
    doubled_headlines(lines)
    sign_up_boxes(lines)
    repeated_lines(lines)


# ---------------------------------------------------------------------------------------------- video runs


_PLAYER_INITIALS = frozenset("vwpd")  # video, watch, play, duration: a quick test before is_running_time


def video_runs(lines: list[Line]) -> None:
    """A running time ("01:41", "Video: 2:05") is a video player; the teaser headline after it, often
    printed twice, is a related video."""
    for i, ln in enumerate(lines):
        if (
            ln.hint
            or not (ln.content[:1].isdigit() or ln.key[:1] in _PLAYER_INITIALS)
            or not is_running_time(ln)
        ):
            continue  # (hinted: the headline of the video above)
        ln.suggest("video", f"running time '{ln.content}': a video player", True)
        first = None
        for j in range(i + 1, min(i + 3, len(lines))):
            nxt = lines[j]
            if nxt.hint or nxt.words > 30 or (nxt.terminal and nxt.text[-1:] == "." and nxt.words > 12):
                break
            if first is None or nxt.key == first:
                first = nxt.key
                nxt.suggest("related", "headline after a video running time: a related video", True)
            else:
                break


# ---------------------------------------------------------------------------------------------- one line


def line_hints(lines: list[Line]) -> list[int]:
    """Hints from the line itself (the one-line rules of :mod:`mediakit.clean.boilerplate`), and short
    labels repeated across the page (a menu).

    Returns the indices of the calls to action ("Learn more") among the phrase hits, for
    :func:`promo_runs`."""
    counts = Counter(ln.key for ln in lines if ln.key and ln.words <= 4)
    calls: list[int] = []
    for i, ln in enumerate(lines):
        if ln.hint:
            continue
        repeated = counts.get(ln.key, 0) if ln.words <= 4 else 0
        verdict = line_rule(ln, repeated)
        if verdict is None:
            if repeated > 1 and not ln.terminal:
                ln.suggest(
                    "navigation",
                    f"short line '{short(ln.content)}' repeated {repeated} times: a menu or label",
                )
            continue
        ln.suggest(verdict.category, verdict.reason, True)
        if verdict.phrase:
            ln.heading = verdict.category in BARRIERS and ln.words <= 8 and not ln.terminal
            if ln.key in CALL_TO_ACTION:
                calls.append(i)
    return calls


# ---------------------------------------------------------------------------------------------- promos


def promo_runs(lines: list[Line], calls: list[int]) -> None:
    """A call to action ("Learn more") closes a promo: the short unfinished lines just above it belong to it."""
    for i in calls:
        cta = lines[i]
        j = i
        while j > 0 and i - j < 2:
            up = lines[j - 1]
            if lines[j].blank_before or up.terminal or up.words > 12 or up.marker:
                break
            if up.hint and up.hint != "promo":
                break
            up.suggest(
                "promo",
                f"short line ending in the call to action '{cta.content}': a promotion",
                True,
                force=True,
            )
            j -= 1


# ---------------------------------------------------------------------------------------------- the page


def doubled_headlines(lines: list[Line]) -> None:
    """A headline printed twice in a row is a teaser for another story."""
    for a, b in zip(lines, lines[1:], strict=False):
        if a.key and a.key == b.key and a.words >= 3 and not a.hint and not a.table_row:
            for ln in (a, b):
                ln.suggest("related", "headline printed twice in a row: a teaser for another story", False)


_FORM_CATEGORIES = ("newsletter", "subscription", "cookie")


def sign_up_boxes(lines: list[Line]) -> None:
    """A short line between two sign-up or cookie prompts (at most three lines apart) is part of the
    same box: "Get the day's top stories" between "Newsletter" and "Subscribe"."""
    last = {}  # category -> index of its latest line
    for i, ln in enumerate(lines):
        if ln.hint in _FORM_CATEGORIES:
            j = last.get(ln.hint)
            if j is not None and 1 < i - j <= 3:
                for box in lines[j + 1 : i]:
                    if not box.hint and box.words <= 25:
                        box.suggest(ln.hint, f"between two {ln.hint} prompts: part of the same box", True)
            last[ln.hint] = i


def repeated_lines(lines: list[Line]) -> None:
    """A line of five words or more printed more than once on the page (not a sentence, not a table row)
    is a link list or teaser shown twice."""
    seen = Counter(ln.content for ln in lines if ln.words >= 5)
    for ln in lines:
        if ln.words >= 5:
            ln.repeats = seen[ln.content]
        if ln.hint or ln.repeats < 2 or (ln.terminal and not ln.marker) or ln.table_row:
            continue
        ln.suggest(
            "related", f"line repeated {ln.repeats} times on the page: a link list or teaser shown twice"
        )
