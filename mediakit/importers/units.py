"""The unit of a corpus build: one article to load, from a file, an export row, a URL or a web archive.

Importers of many-article sources that are fetched or read later (URL lists, feeds, WARC files) yield these;
:mod:`mediakit.corpus` turns every source into them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Unit:
    """One input unit.

    ``id`` is stable (derived from provenance); ``source`` says where it came from (a path, ``path#row``, a
    URL, ``path#record-id``); ``kind`` is ``file``, ``row``, ``url`` or ``warc``. A unit carries its content
    when the importer already has it (``text`` or ``html``: an export row, a WARC record), else it is loaded
    from ``path`` or ``url`` in the worker. ``meta`` holds metadata from the export's columns or the
    metadata file (title, date, outlet, url, author), which wins over what the page says. ``error`` marks a
    unit that is already known to be bad (a malformed row): it becomes a failed row with that reason.
    """

    id: str
    source: str
    kind: str
    path: str | None = None
    url: str | None = None
    text: str | None = None
    html: str | None = None
    meta: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)
    error: str | None = None
