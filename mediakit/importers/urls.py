"""URL lists: a text file with one article URL per line (``#`` comments and blank lines skipped).

Each URL becomes one unit, fetched later by a worker (politely, cached: see :mod:`mediakit.corpus.fetch`).
A line that is not an http(s) URL becomes a failed unit naming the line, never a silent skip.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..inputs import is_url
from .units import Unit

SUFFIXES = (".urls", ".url.txt", ".urls.txt")


def looks_like_url_list(path: Path, sample: str) -> bool:
    """A ``.urls`` file, or a text file whose non-comment lines are all URLs."""
    if path.name.lower().endswith(SUFFIXES):
        return True
    lines = [ln.strip() for ln in sample.splitlines()[:50] if ln.strip() and not ln.lstrip().startswith("#")]
    return bool(lines) and all(is_url(ln) and " " not in ln for ln in lines)


def read_url_list(path: Path, columns: dict[str, str] | None = None) -> Iterator[Unit]:
    """One unit per URL line of ``path``."""
    text = path.read_text(encoding="utf-8", errors="replace")
    for n, line in enumerate(text.splitlines(), 1):
        url = line.strip()
        if not url or url.startswith("#"):
            continue
        where = f"{path}#L{n}"
        if is_url(url) and " " not in url:
            yield Unit(id=url, source=url, kind="url", url=url, meta={"list": where})
        else:
            yield Unit(id=where, source=where, kind="url", error=f"line {n} is not an http(s) URL: {url[:80]!r}")
