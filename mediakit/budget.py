"""The work on one article: a time budget that holds in any thread, and the garbage collector paused.

A corpus build gives each article a budget (``--budget``, 60 s by default): an article that overruns becomes
a failed row and the run goes on. In the main thread of a Unix process a timer signal interrupts the work
at once; a Dask worker runs its tasks in other threads, where no signal arrives. So the analysis also keeps
a deadline of its own: :func:`within` sets it for the current thread (a context variable, so threads and
tasks never see each other's), and the stages call :func:`check` between steps of bounded cost (a sentence
window, a span, a quote, a cleaning pass). An article is then stopped at most one such step after its
deadline. Outside :func:`within` a check costs one lookup and never raises.

:func:`collector_paused` pauses Python's cyclic garbage collector while an article is extracted or
analysed (see there).
"""

from __future__ import annotations

import gc
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_DEADLINE: ContextVar[float | None] = ContextVar("mediakit_deadline", default=None)


class BudgetExceeded(Exception):
    """An article took longer than its time budget."""


@contextmanager
def within(seconds: float) -> Iterator[None]:
    """Run the block with a deadline ``seconds`` from now (none when ``seconds`` is 0 or less); an inner
    budget never extends an outer one."""
    if seconds <= 0:
        yield
        return
    deadline = time.monotonic() + seconds
    outer = _DEADLINE.get()
    token = _DEADLINE.set(deadline if outer is None else min(outer, deadline))
    try:
        yield
    finally:
        _DEADLINE.reset(token)


def check() -> None:
    """Raise :class:`BudgetExceeded` when the current deadline has passed."""
    deadline = _DEADLINE.get()
    if deadline is not None and time.monotonic() > deadline:
        raise BudgetExceeded


_GC_LOCK = threading.Lock()
_GC_HELD = 0  # calls running with the collector paused (threads may analyse at once)
_GC_WAS_ENABLED = False


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while an article is extracted or analysed; leave it as it was.

    The cleaner and the analysis make hundreds of thousands of short-lived objects (lines, tokens,
    candidates, spans) that free themselves by reference counting; the collector would meanwhile walk every
    live object again and again: 8-10% of the analysis time and 15% of the cleaner's on a long article.
    Nested and concurrent calls share one pause; the last one to end enables the collector again, and only
    when it was enabled before the first began."""
    global _GC_HELD, _GC_WAS_ENABLED
    with _GC_LOCK:
        if _GC_HELD == 0:
            _GC_WAS_ENABLED = gc.isenabled()
            gc.disable()
        _GC_HELD += 1
    try:
        yield
    finally:
        with _GC_LOCK:
            _GC_HELD -= 1
            if _GC_HELD == 0 and _GC_WAS_ENABLED:
                gc.enable()
