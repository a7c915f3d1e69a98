"""Importers: files that hold many articles, read as one raw unit per article, with where each came from.

A tabular export (CSV, TSV, JSONL, Parquet) is not one article: each row is. An importer turns such a
file into :class:`RawUnit` objects, one per article, each with its provenance (the file, the row, a stable
id) and the metadata the file records (title, date, outlet, url, author). A row that cannot be read becomes
a unit with an ``error`` and no text, so that it is listed as failed rather than lost or fatal.

:func:`read_units` picks the importer by the file's ending; :func:`importer_for` says whether one applies.
Each importer is a function ``(path) -> Iterator[RawUnit]`` registered in :data:`IMPORTERS`:

- :mod:`mediakit.importers.tabular`: ``.csv``, ``.tsv``, ``.jsonl`` / ``.ndjson``, ``.parquet``.

A unit becomes an :class:`~mediakit.model.Article` with :meth:`RawUnit.raw_input` and
:func:`mediakit.extract.extract_raw` (the CLI does this for every row), or with ``mediakit.extract("file.csv#3")``
for one row.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..inputs import RawInput

__all__ = ["IMPORTERS", "RawUnit", "importer_for", "read_unit", "read_units", "split_row_ref"]

METADATA_KEYS = ("title", "date", "outlet", "url", "author")
"""The metadata an importer may fill; each lands in the article (``author`` as its byline)."""


@dataclass
class RawUnit:
    """One article's raw content from a many-article file, with its provenance.

    ``source`` is the file, ``row`` the article's 1-based position in it (the header not counted),
    ``line`` the line where it starts when the file has lines. ``id`` is stable: the file's id column when
    it has one, else ``<file name>#<row>``. ``text`` is plain text (``kind == "text"``) or HTML
    (``kind == "html"``); ``metadata`` holds the non-empty fields of :data:`METADATA_KEYS`. A unit
    that could not be read has ``error`` set and no text.
    """

    id: str
    source: str
    row: int
    text: str = ""
    kind: str = "text"
    metadata: dict[str, str] = field(default_factory=dict)
    line: int | None = None
    error: str | None = None

    @property
    def origin(self) -> str:
        """``<file>#<row>``: what the CLI lists as the record's source, and what :func:`mediakit.extract` reads."""
        return f"{self.source}#{self.row}"

    def raw_input(self) -> RawInput:
        """The unit as a :class:`~mediakit.inputs.RawInput` for :func:`~mediakit.extract.extract_raw`."""
        if self.error is not None:
            raise InputError(f"{self.origin}: {self.error}")
        return RawInput(self.text, self.kind, self.origin, self.id, metadata=dict(self.metadata))


Importer = Callable[[Path], Iterator[RawUnit]]


def _tabular(path: Path) -> Iterator[RawUnit]:
    from .tabular import read_table

    return read_table(path)


IMPORTERS: list[tuple[tuple[str, ...], Importer]] = [
    ((".csv", ".tsv", ".tab", ".jsonl", ".ndjson", ".parquet"), _tabular),
]
"""``(file endings, importer)`` pairs, tried in order; endings are matched case-insensitively."""


def importer_for(path: str | Path) -> Importer | None:
    """The importer for a file of many articles, by its ending; None for a one-article file."""
    name = Path(path).name.lower()
    for endings, importer in IMPORTERS:
        if name.endswith(endings):
            return importer
    return None


def suffixes() -> tuple[str, ...]:
    """Every file ending some importer reads."""
    return tuple(s for endings, _ in IMPORTERS for s in endings)


def read_units(path: str | Path) -> Iterator[RawUnit]:
    """Every article in a many-article file, in file order, one :class:`RawUnit` each.

    Raises :class:`InputError` when the file cannot be read at all (missing, no text column...);
    a row that cannot be read is a unit with ``error`` set.
    """
    path = Path(path)
    importer = importer_for(path)
    if importer is None:
        raise InputError(f"{path}: not a file of many articles (known endings: {', '.join(suffixes())})")
    if not path.is_file():
        raise InputError(f"{path}: no such file" if not path.exists() else f"{path}: not a file")
    return importer(path)


_ROW_REF = re.compile(r"^(?P<path>.+)#(?P<row>\d+)$")


def split_row_ref(value: str | Path) -> tuple[Path, int] | None:
    """``"export.csv#3"`` -> ``(Path("export.csv"), 3)`` when the file exists and has an importer; else None."""
    m = _ROW_REF.match(str(value))
    if not m or importer_for(m["path"]) is None:
        return None
    path = Path(m["path"]).expanduser()
    return (path, int(m["row"])) if path.is_file() else None


def read_unit(path: str | Path, row: int) -> RawUnit:
    """The unit at 1-based ``row`` of a many-article file; :class:`InputError` if there is no such row."""
    n = 0
    for unit in read_units(path):
        n = unit.row
        if unit.row == row:
            return unit
    raise InputError(f"{path}: no row {row}; the file has {n} rows (rows count from 1, the header not counted)")
