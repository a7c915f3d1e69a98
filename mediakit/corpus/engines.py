"""Engines that run batches in parallel: a local process pool, or Dask (a LocalCluster or an existing one).

Both take the same batches and call the same :func:`~mediakit.corpus.work.process_batch`, which writes each
batch's part where it runs, so the tables are identical whatever the engine or the number of workers. At
most twice as many batches as workers are in flight, so memory stays flat however large the corpus.
"""

from __future__ import annotations

import logging
import multiprocessing
import sys
import types
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from contextlib import contextmanager
from typing import Any

from ..errors import MediakitError
from .units import Unit
from .work import Settings, process_batch

Batch = tuple[str, list[Unit]]
OnDone = Callable[[dict[str, int]], None]


class EngineError(MediakitError):
    """The engine cannot start (Dask missing, scheduler unreachable)."""


@contextmanager
def _script_not_rerun() -> Iterator[None]:
    """While worker processes start, hide the script that called the build from them.

    A new ("spawned") worker imports the ``__main__`` module of its parent, to find what it is asked to run;
    for a script file (or a module run with ``python -m``) that means running it again, and a script that calls ``build_corpus`` at its
    top level, without ``if __name__ == "__main__":``, then starts a build inside every worker, which fails
    with a long traceback from multiprocessing. The workers only ever run mediakit's own functions, so they
    are shown a bare ``__main__`` instead (a notebook's or an interpreter's ``__main__`` has no file and is
    left as it is)."""
    main = sys.modules.get("__main__")
    if main is None or (getattr(main, "__file__", None) is None and getattr(main, "__spec__", None) is None):
        yield  # nothing a worker would run again
        return
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        sys.modules["__main__"] = main


def run_local(batches: Iterable[Batch], settings: Settings, out: str, workers: int, on_done: OnDone) -> None:
    """Run on this machine: in this process for one worker, else in a pool of ``workers`` processes."""
    if workers <= 1:
        for name, units in batches:
            on_done(process_batch(units, settings, out, name))
        return
    ctx = multiprocessing.get_context("spawn")  # polars' threads and fork do not mix
    with _script_not_rerun(), ProcessPoolExecutor(max_workers=workers, mp_context=ctx) as pool:
        pending: set[Future[dict[str, int]]] = set()
        try:
            for name, units in batches:
                pending.add(pool.submit(process_batch, units, settings, out, name))
                if len(pending) >= 2 * workers:
                    finished, pending = wait(pending, return_when=FIRST_COMPLETED)
                    for f in finished:
                        on_done(f.result())
            for f in wait(pending).done:
                on_done(f.result())
        except BaseException:
            for f in pending:
                f.cancel()
            raise


def run_dask(batches: Iterable[Batch], settings: Settings, out: str, workers: int, on_done: OnDone,
             scheduler: str | None = None) -> None:
    """Run on dask.distributed: a LocalCluster of ``workers`` processes, or the cluster at ``scheduler``.

    Every worker must see ``out`` (a shared file system on a real cluster): each batch is written there by
    the worker that ran it.
    """
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError as e:
        raise EngineError("the dask engine needs dask.distributed: pip install 'mediakit[dask]'") from e
    cluster: Any = None
    try:
        if scheduler:
            client = Client(scheduler, timeout="20s")
        else:
            with _script_not_rerun():
                # the workers' own log lines are kept to critical ones: a batch's error comes back through
                # its future (and so into the failures table), while a worker still sending its heartbeat
                # as the cluster closes logs a harmless traceback (dask/distributed#7105)
                cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                                       dashboard_address=None, silence_logs=logging.CRITICAL)
            client = Client(cluster)
    except OSError as e:
        raise EngineError(f"cannot reach the Dask scheduler {scheduler or '(local)'}: {e}") from e
    try:
        limit = 2 * max(1, len(client.scheduler_info().get("workers", {})) or workers)
        queue = as_completed()
        for name, units in batches:
            queue.add(client.submit(process_batch, units, settings, out, name, key=f"mediakit-{name}", pure=False))
            while queue.count() >= limit:
                on_done(next(queue).result())
        for f in queue:
            on_done(f.result())
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
