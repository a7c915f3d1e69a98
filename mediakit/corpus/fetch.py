"""Fetching the URLs of a corpus politely: a per-host delay, retries with backoff, and a cache on disk.

Raw pages are cached under the corpus folder (``cache/``), keyed by URL, so a rerun never fetches again. The
per-host delay is kept per worker process. Private and loopback addresses are refused unless the build
allows them; the timeout is the whole fetch's deadline and the size cap applies (see
:func:`mediakit.inputs.fetch_url`).
"""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from ..errors import FetchError
from ..inputs import fetch_url

if TYPE_CHECKING:
    from .work import Settings

#: Seconds between two requests to the same host from one worker.
HOST_DELAY = 1.0
#: Attempts per URL (the first one included), with a doubling pause between them.
ATTEMPTS = 3
_PERMANENT = ("private", "loopback", "refus", "limit", "not html", "redirect", "404", "410", "403", "401")
_last: dict[str, float] = {}


def _wait_for_host(url: str) -> None:
    host = urlsplit(url).hostname or ""
    pause = _last.get(host, 0.0) + HOST_DELAY - time.monotonic()
    if pause > 0:
        time.sleep(pause)
    _last[host] = time.monotonic()


def fetch_cached(url: str, settings: Settings) -> bytes:
    """The raw bytes of ``url``, from the cache when an earlier run fetched it."""
    cache = Path(settings.cache_dir) if settings.cache_dir else None
    path = cache / (hashlib.sha1(url.encode("utf-8")).hexdigest() + ".raw") if cache else None
    if path is not None and path.exists():
        return path.read_bytes()
    error: FetchError | None = None
    for attempt in range(ATTEMPTS):
        if attempt:
            time.sleep(2.0 ** (attempt - 1))
        _wait_for_host(url)
        try:
            data = fetch_url(url, timeout=settings.timeout, max_bytes=settings.max_bytes,
                             allow_private=settings.allow_private)
            break
        except FetchError as exc:
            error = exc
            if any(word in str(exc).lower() for word in _PERMANENT):
                raise
    else:
        assert error is not None
        raise FetchError(f"{error} (after {ATTEMPTS} attempts)")
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)
    return data
