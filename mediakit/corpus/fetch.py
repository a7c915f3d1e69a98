"""Fetching the URLs of a corpus politely: a per-host delay, retries, and a cache on disk.

Raw pages are cached under the corpus folder (``cache/``), keyed by URL, so a rerun never fetches again. The
per-host delay is kept per worker process. :func:`mediakit.inputs.fetch_url` does the rest: retries of
429 and 5xx answers with backoff (honouring ``Retry-After``) within the timeout, which is the whole fetch's
deadline; the size cap; private and loopback addresses refused unless the build allows them.
"""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from ..inputs import fetch_url

if TYPE_CHECKING:
    from .work import Settings

#: Seconds between two requests to the same host from one worker.
HOST_DELAY = 1.0
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
    _wait_for_host(url)
    data = fetch_url(url, timeout=settings.timeout, max_bytes=settings.max_bytes, allow_private=settings.allow_private)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)
    return data
