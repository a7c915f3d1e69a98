"""Tabular exports (CSV, TSV, JSONL, Parquet): one article per row.

Columns are found by name, case-insensitively (spaces and hyphens count as underscores):

=========  ===========================================================
role       column names, first found wins
=========  ===========================================================
text       ``text``, ``body``, ``content``, ``full_text``, ``article_text``
html       ``html``, ``raw_html`` (used when a row has no text)
url        ``url``, ``link``
title      ``title``, ``headline``
date       ``date``, ``publish_date``, ``publication_date``, ``published``
outlet     ``outlet``, ``media_name``, ``source``, ``publisher``
author     ``author``, ``authors``, ``byline``
id         ``id``, ``stories_id``, ``story_id``, ``doc_id``
=========  ===========================================================

A file with neither a text nor an html column raises :class:`~mediakit.errors.InputError` naming its
columns. A row with the wrong number of fields, no text, invalid JSON or a value that is not an object
becomes a :class:`~mediakit.importers.RawUnit` with ``error`` set. Text is decoded as for any input (BOMs,
UTF-8, detection, cp1252); CSV quoting, doubled quote marks and cells spanning lines are undone by the csv
reader, so a row's text is exactly what the spreadsheet shows in the cell.

>>> import csv, tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "export.csv"
>>> with path.open("w", encoding="utf-8", newline="") as f:  # the writer doubles the quote marks
...     csv.writer(f).writerows([["Title", "Text"], ["Bridge", '"It is safe," the mayor said.']])
>>> [(u.id, u.metadata["title"], u.text) for u in read_table(path)]
[('export.csv#1', 'Bridge', '"It is safe," the mayor said.')]
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..inputs import decode_bytes
from . import RawUnit

__all__ = ["COLUMNS", "MAX_TABLE_BYTES", "read_table"]

COLUMNS: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "full_text", "article_text"),
    "html": ("html", "raw_html"),
    "url": ("url", "link"),
    "title": ("title", "headline"),
    "date": ("date", "publish_date", "publication_date", "published"),
    "outlet": ("outlet", "media_name", "source", "publisher"),
    "author": ("author", "authors", "byline"),
    "id": ("id", "stories_id", "story_id", "doc_id"),
}
"""Column names recognised for each role (compared after :func:`_norm`)."""

MAX_TABLE_BYTES = 1024 * 1024 * 1024
"""Cap on one table file's size (1 GiB); split larger exports."""

_FIELD_LIMIT = 64 * 1024 * 1024  # one cell (e.g. a saved page's HTML) may be far over csv's 128 KB default


def read_table(path: str | Path, columns: dict[str, str] | None = None) -> Iterator[RawUnit]:
    """One :class:`RawUnit` per row of a ``.csv``, ``.tsv``, ``.jsonl`` / ``.ndjson`` or ``.parquet`` file.

    ``columns`` maps roles to column names where the names are not recognised
    (``{"text": "story", "date": "published_at"}``); it wins over detection.
    """
    path = Path(path)
    bad = sorted(set(columns or {}) - set(COLUMNS))
    if bad:
        raise InputError(f"unknown column role(s) {', '.join(bad)}: use {', '.join(COLUMNS)}")
    name = path.name.lower()
    if name.endswith(".parquet"):
        records: Iterable[tuple[int | None, dict[str, Any] | str]] = _parquet_records(path)
    else:
        text = _read_text(path)
        if name.endswith((".jsonl", ".ndjson")):
            records = _jsonl_records(text)
        else:
            records = _csv_records(path, text, "\t" if name.endswith((".tsv", ".tab")) else None)
    return _units(path, records, columns or {})


# --- readers: (line, {column: value}) or (line, "why the row cannot be read") ----------------------------


def _read_text(path: Path) -> str:
    try:
        size = path.stat().st_size
        if size > MAX_TABLE_BYTES:
            raise InputError(f"{path}: {size / 1e9:.1f} GB, over the {MAX_TABLE_BYTES / 1e9:.1f} GB limit for "
                             "one table; split the export")
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read file ({exc.strerror or exc})") from None
    text, _ = decode_bytes(data, origin=str(path))
    return text.lstrip("\ufeff")


def _csv_records(path: Path, text: str, delimiter: str | None) -> Iterator[tuple[int | None, dict[str, Any] | str]]:
    if csv.field_size_limit() < _FIELD_LIMIT:
        csv.field_size_limit(_FIELD_LIMIT)
    first = text.split("\n", 1)[0]
    if delimiter is None:  # a spreadsheet in a comma-decimal locale writes ';'
        delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as exc:
        raise InputError(f"{path}: no header row ({exc or 'empty file'})") from None
    header = [h.strip() for h in header]
    line = reader.line_num + 1
    while True:
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield line, f"not readable as CSV ({exc})"
            line = reader.line_num + 1
            continue
        start, line = line, reader.line_num + 1
        if not any(f.strip() for f in fields):
            continue  # a blank line between rows
        if len(fields) != len(header):
            yield start, (f"{len(fields)} fields, the header has {len(header)} (an unquoted "
                          f"{'comma' if delimiter == ',' else 'separator'} or a stray quote mark?)")
            continue
        yield start, dict(zip(header, fields, strict=True))


def _jsonl_records(text: str) -> Iterator[tuple[int | None, dict[str, Any] | str]]:
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            yield n, f"not valid JSON ({exc.msg} at column {exc.colno})"
            continue
        if not isinstance(value, dict):
            yield n, f"a JSON {type(value).__name__}, not an object with named fields"
            continue
        yield n, value


def _parquet_records(path: Path) -> Iterator[tuple[int | None, dict[str, Any] | str]]:
    import polars as pl

    try:
        frame = pl.read_parquet(path)
    except Exception as exc:  # polars raises assorted errors on a broken file
        raise InputError(f"{path}: not a readable Parquet file ({type(exc).__name__}: {exc})") from None
    for row in frame.iter_rows(named=True):
        yield None, row


# --- rows -> units ---------------------------------------------------------------------------------------


def _norm(name: str) -> str:
    return re.sub(r"[\s\-]+", "_", name.strip().lstrip("\ufeff").lower())


def _roles(columns: Iterable[str]) -> dict[str, str]:
    """``{role: column name}`` for the columns of one table."""
    by_norm: dict[str, str] = {}
    for c in columns:
        by_norm.setdefault(_norm(c), c)
    found = {}
    for role, names in COLUMNS.items():
        for n in names:
            if n in by_norm:
                found[role] = by_norm[n]
                break
    return found


def _value(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, str):
        return v
    if isinstance(v, (list, tuple)):
        return "; ".join(_value(x) for x in v if x is not None)
    if hasattr(v, "isoformat"):
        return v.isoformat()
    return str(v)


def _units(path: Path, records: Iterable[tuple[int | None, dict[str, Any] | str]],
           mapping: dict[str, str]) -> Iterator[RawUnit]:
    roles: dict[str, str] | None = None
    seen: set[str] = set()
    for row, (line, rec) in enumerate(records, 1):
        fallback = f"{path.name}#{row}"
        if isinstance(rec, str):
            yield RawUnit(fallback, str(path), row, line=line, error=_where(row, line) + rec)
            continue
        first = roles is None
        if roles is None or any(c not in rec for c in roles.values()):
            roles = _roles(rec)  # JSONL objects may differ from line to line
            missing = [c for c in mapping.values() if c not in rec]
            if first and missing:
                raise InputError(f"{path}: no column {', '.join(map(repr, missing))} (from --columns); the "
                                 f"columns are: {', '.join(map(str, rec))}")
            roles.update({r: c for r, c in mapping.items() if c in rec})
            if "text" not in roles and "html" not in roles:
                looked = ", ".join(COLUMNS["text"] + COLUMNS["html"])
                if first:
                    raise InputError(f"{path}: no text column: looked for {looked} (any case); the columns "
                                     f"are: {', '.join(map(str, rec)) or 'none'}")
                yield RawUnit(fallback, str(path), row, line=line,
                              error=_where(row, line) + f"no text field (looked for {looked})")
                continue
        values = {role: _value(rec.get(col)) for role, col in roles.items()}
        uid = values.get("id", "").strip() or fallback
        if uid in seen:
            uid = f"{uid}#{row}"
        seen.add(uid)
        metadata = {k: values[k].strip() for k in ("title", "date", "outlet", "url", "author")
                    if values.get(k, "").strip()}
        if values.get("text", "").strip():
            text, kind = values["text"], "text"
        elif values.get("html", "").strip():
            text, kind = values["html"], "html"
        else:
            cols = " or ".join(repr(roles[r]) for r in ("text", "html") if r in roles) or "text"
            yield RawUnit(uid, str(path), row, metadata=metadata, line=line,
                          error=_where(row, line) + f"empty {cols} cell")
            continue
        yield RawUnit(uid, str(path), row, text=text, kind=kind, metadata=metadata, line=line)


def _where(row: int, line: int | None) -> str:
    return f"row {row}" + (f" (line {line})" if line is not None else "") + ": "
