"""A time budget for the work on one article that holds in any thread.

A corpus build gives each article a budget (``--budget``, 60 s by default): an article that overruns becomes
a failed row and the run goes on. In the main thread of a Unix process a timer signal interrupts the work
at once; a Dask worker runs its tasks in other threads, where no signal arrives. So the analysis also keeps
a deadline of its own: :func:`within` sets it for the current thread (a context variable, so threads and
tasks never see each other's), and the stages call :func:`check` between steps of bounded cost (a sentence
window, a span, a quote, a cleaning pass). An article is then stopped at most one such step after its
deadline. Outside :func:`within` a check costs one lookup and never raises.
"""

from __future__ import annotations

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
