"""Input units: one article each, with its provenance and a stable id, read lazily from the sources given.

A *unit* is what becomes one row of the ``articles`` table: a file, one row of a tabular export, one URL, or
one WARC response record. Units are listed twice per build (first to count and skip what is done, then to
process), always in the same order, so they carry only what is needed to load the article in a worker.
"""

from __future__ import annotations

import glob
import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..importers.units import Unit
from ..inputs import file_id, is_url

#: Suffixes read as one article per file.
ARTICLE_SUFFIXES = (".txt", ".text", ".html", ".htm", ".xhtml", ".html.gz", ".htm.gz", ".txt.gz")
#: Every kind of file a build reads, for messages.
SUPPORTED = (".txt", ".html", ".html.gz", ".csv", ".tsv", ".jsonl", ".parquet", ".urls", ".xml", ".warc(.gz)")


def _short_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogateescape")).hexdigest()[:8]


def _is_article_file(path: Path) -> bool:
    return path.name.lower().endswith(ARTICLE_SUFFIXES)


def expand(sources: Iterable[str | Path], columns: dict[str, str] | None = None) -> Iterator[Unit]:
    """Every unit of ``sources`` (files, folders, globs, tabular exports, URL lists, feeds, WARC files), in order.

    A source that matches nothing, or does not exist, gives one unit with an ``error``, so it is listed as a
    failed row rather than silently dropped.
    """
    seen: dict[str, str] = {}
    for src in sources:
        s = str(src)
        if is_url(s):
            yield _unique(Unit(id=s, source=s, kind="url", url=s), seen)
            continue
        paths = _paths(s)
        if paths is None:
            yield _unique(Unit(id=file_id(Path(s)) or s, source=s, kind="file",
                               error="no such file, folder or matching glob"), seen)
            continue
        named = len(paths) == 1 and not Path(s).is_dir()
        for path in paths:
            imp = _importer_for(path, columns, sniff=named)
            if imp is not None:
                for unit in imp(path):
                    yield _unique(unit, seen)
            elif _is_article_file(path):
                yield _unique(Unit(id=file_id(path), source=str(path), kind="file", path=str(path)), seen)
            elif named:  # a file named on its own is never dropped silently; in a folder, other files are
                yield _unique(Unit(id=file_id(path), source=str(path), kind="file",
                                   error=f"not a supported kind of file ({', '.join(SUPPORTED)})"), seen)


def _importer_for(path: Path, columns: dict[str, str] | None, sniff: bool = False) -> Any:
    """A function ``path -> units`` for a many-article source (export, URL list, feed, WARC), or None.

    A ``.txt`` file is read as a URL list when its lines are all URLs, but only when it is named on its own
    (``sniff``): the ``.txt`` files of a folder are articles, and are not opened twice.
    """
    from .. import importers
    from ..importers import feeds, urls, warc

    name = path.name.lower()
    if name.endswith(warc.SUFFIXES):
        return warc.read_warc
    if name.endswith(feeds.SUFFIXES):
        return feeds.read_feed
    if name.endswith(urls.SUFFIXES) or (sniff and name.endswith(".txt") and _starts_with_urls(path)):
        return urls.read_url_list
    if importers.importer_for(path) is not None:
        from ..importers.tabular import read_table

        return lambda p: (_from_row(u) for u in read_table(p, columns=columns))
    return None


def _starts_with_urls(path: Path) -> bool:
    from ..importers.urls import looks_like_url_list

    try:
        with open(path, "rb") as fh:
            sample = fh.read(4096).decode("utf-8", "replace")
    except OSError:
        return False
    return looks_like_url_list(path, sample)


def _from_row(raw: Any) -> Unit:
    """A :class:`~mediakit.importers.RawUnit` (one export row) as a build unit."""
    body = {"html": raw.text} if raw.kind == "html" else {"text": raw.text}
    return Unit(id=raw.id, source=raw.origin, kind="row", url=raw.metadata.get("url"), meta=dict(raw.metadata),
                error=raw.error, **(body if raw.error is None else {}))


def _paths(source: str) -> list[Path] | None:
    p = Path(source)
    if p.is_dir():
        return sorted((q for q in p.rglob("*") if q.is_symlink() or not q.is_dir()), key=lambda q: q.as_posix())
    if p.exists() or p.is_symlink():
        return [p]
    if any(c in source for c in "*?["):
        hits = sorted(glob.glob(source, recursive=True))
        return [Path(h) for h in hits if not Path(h).is_dir()] or None
    return None


def _unique(unit: Unit, seen: dict[str, str]) -> Unit:
    """Keep ids unique in a build: a second unit with the same id gets a suffix from its full source."""
    prior = seen.get(unit.id)
    if prior is None or prior == unit.source:
        seen[unit.id] = unit.source
        return unit
    new_id = f"{unit.id}~{_short_hash(unit.source)}"
    seen[new_id] = unit.source
    return replace(unit, id=new_id)


def _aliases() -> dict[str, tuple[str, ...]]:
    from ..importers.tabular import COLUMNS

    keys = ("id", "title", "date", "outlet", "url", "author")
    out = {k: COLUMNS[k] for k in keys}
    out["id"] = out["id"] + ("filename", "file", "doc")  # PolNeAR's metadata.tsv names its ids 'filename'
    return out


def metadata_columns(columns: list[str]) -> dict[str, str]:
    """``{field: column}`` for the columns named as in exports (see :mod:`mediakit.importers.tabular`)."""
    lower = {c.strip().lower(): c for c in columns}
    out = {}
    for key, aliases in _aliases().items():
        for alias in aliases:
            if alias in lower:
                out[key] = lower[alias]
                break
    return out


def read_metadata(path: str | Path) -> dict[str, dict[str, Any]]:
    """A metadata file (CSV, TSV or JSONL with an ``id`` column, as PolNeAR's ``metadata.tsv``) as ``{id: row}``.

    Column names are matched as in exports (``outlet``/``media_name``/``source``, ``date``/``publish_date``...)
    and the values become the units' ``meta``.
    """
    import polars as pl

    p = Path(path)
    try:
        if p.suffix.lower() == ".jsonl":
            df = pl.read_ndjson(p, infer_schema_length=None)
        else:
            sep = "\t" if p.suffix.lower() in (".tsv", ".tab") else ","
            df = pl.read_csv(p, separator=sep, infer_schema=False, quote_char='"' if sep == "," else None)
    except (OSError, pl.exceptions.PolarsError) as e:
        raise InputError(f"{p}: cannot read the metadata file: {e}") from e
    names = metadata_columns(df.columns)
    if "id" not in names:
        raise InputError(f"{p}: the metadata file needs an id column (found: {', '.join(df.columns)})")
    out: dict[str, dict[str, Any]] = {}
    for row in df.iter_rows(named=True):
        meta = {key: row[col] for key, col in names.items() if key != "id" and row[col] not in (None, "")}
        out[str(row[names["id"]])] = meta
    return out
