"""Progress of a long run: a bar with counts, rate and ETA on a terminal or in a notebook, plain periodic
lines otherwise (a log file, CI), nothing with ``quiet``."""

from __future__ import annotations

import sys
import time
from typing import Any, TextIO


def _in_notebook() -> bool:
    shell = sys.modules.get("IPython")
    if shell is None:
        return False
    try:
        ip = shell.get_ipython()  # type: ignore[attr-defined]
    except Exception:
        return False
    return ip is not None and "IPKernelApp" in getattr(ip, "config", {})


class Progress:
    """Counts ok and failed units against a known total and reports them as they go."""

    def __init__(self, total: int, *, quiet: bool = False, stream: TextIO | None = None, every: float = 10.0,
                 label: str = "articles") -> None:
        self.total = total
        self.quiet = quiet
        self.stream = stream or sys.stderr
        self.every = every
        self.label = label
        self.ok = 0
        self.failed = 0
        self._start = time.monotonic()
        self._last = self._start
        self._bar: Any = None
        if not quiet and total and (_in_notebook() or getattr(self.stream, "isatty", lambda: False)()):
            try:
                from tqdm.auto import tqdm

                self._bar = tqdm(total=total, unit=" " + label, file=None if _in_notebook() else self.stream,
                                 dynamic_ncols=True)
            except ImportError:  # pragma: no cover - tqdm is a dependency
                self._bar = None

    @property
    def done(self) -> int:
        return self.ok + self.failed

    def line(self) -> str:
        """``N/T articles (P%), F failed, R/s, ETA Ss``."""
        elapsed = max(time.monotonic() - self._start, 1e-9)
        rate = self.done / elapsed
        eta = (self.total - self.done) / rate if rate > 0 else float("nan")
        pct = 100.0 * self.done / self.total if self.total else 100.0
        return (f"{self.done}/{self.total} {self.label} ({pct:.0f}%), {self.failed} failed, "
                f"{rate:.1f}/s, ETA {eta:.0f} s")

    def update(self, ok: int = 0, failed: int = 0) -> None:
        self.ok += ok
        self.failed += failed
        if self.quiet:
            return
        if self._bar is not None:
            self._bar.update(ok + failed)
            self._bar.set_postfix(failed=self.failed, refresh=False)
            return
        now = time.monotonic()
        if now - self._last >= self.every:
            self._last = now
            print(f"mediakit: {self.line()}", file=self.stream, flush=True)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
