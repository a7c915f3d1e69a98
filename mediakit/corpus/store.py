"""The corpus on disk: Parquet parts written atomically, a manifest, and lazy tables over them.

Layout of a corpus folder::

    DIR/manifest.json            schema version, the sources and settings of each run
    DIR/parts/<part>/articles.parquet, quotes.parquet, actors.parquet, mentions.parquet, removed.parquet
    DIR/cache/                   raw pages fetched from URLs, so a rerun does not fetch again

A part is written in a hidden temporary folder and renamed into ``parts/`` in one step, so after any
interruption (``kill -9`` included) a part is either whole or absent. What is done is read from the parts
themselves (the ``doc`` ids of their ``articles`` tables): a rerun processes only the units not yet there,
with no duplicate and no lost row.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..records import SCHEMA_VERSION, TABLES

PARTS = "parts"
MANIFEST = "manifest.json"


def write_part(out: Path, name: str, tables: dict[str, list[dict[str, Any]]]) -> None:
    """Write one part (every table, even empty ones) atomically as ``out/parts/name/``."""
    parts = out / PARTS
    parts.mkdir(parents=True, exist_ok=True)
    final = parts / name
    if final.exists():  # the same batch finished in an earlier, interrupted run
        return
    tmp = Path(tempfile.mkdtemp(prefix=f".tmp-{name}-", dir=parts))
    try:
        meta = {"mediakit_schema_version": str(SCHEMA_VERSION)}
        for tname, spec in TABLES.items():
            spec.frame(tables.get(tname, [])).write_parquet(tmp / f"{tname}.parquet", compression="zstd",
                                                             metadata=meta)
        os.replace(tmp, final)
    except OSError:
        if final.exists():  # another worker wrote the same part first
            shutil.rmtree(tmp, ignore_errors=True)
            return
        raise
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)


def part_dirs(out: Path) -> list[Path]:
    """The finished parts, in name order (hidden temporary folders of interrupted writes excluded)."""
    parts = out / PARTS
    if not parts.is_dir():
        return []
    return sorted(p for p in parts.iterdir() if p.is_dir() and not p.name.startswith("."))


def clear_temporaries(out: Path) -> None:
    """Remove the temporary folders left by an interrupted run."""
    parts = out / PARTS
    if parts.is_dir():
        for p in parts.iterdir():
            if p.name.startswith(".tmp-"):
                shutil.rmtree(p, ignore_errors=True)


def done_ids(out: Path) -> set[str]:
    """The ids of every unit already written (ok or failed)."""
    import polars as pl

    files = [p / "articles.parquet" for p in part_dirs(out)]
    if not files:
        return set()
    return set(pl.scan_parquet(files).select("doc").collect()["doc"].to_list())


def read_manifest(out: Path) -> dict[str, Any]:
    path = out / MANIFEST
    if not path.exists():
        return {"schema_version": SCHEMA_VERSION, "runs": []}
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise InputError(f"{path}: cannot read the corpus manifest: {e}") from e
    if manifest.get("schema_version") != SCHEMA_VERSION:
        raise InputError(
            f"{out}: this corpus was built with table schema version {manifest.get('schema_version')}, "
            f"this mediakit writes version {SCHEMA_VERSION}; build it again in a new folder"
        )
    return manifest


def write_manifest(out: Path, manifest: dict[str, Any]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    tmp = out / (MANIFEST + ".tmp")
    tmp.write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(tmp, out / MANIFEST)


def scan(out: Path, table: str) -> Any:
    """A polars LazyFrame over one table of every part (an empty frame with the table's columns if none)."""
    import polars as pl

    files = [p / f"{table}.parquet" for p in part_dirs(out)]
    if not files:
        return TABLES[table].frame([]).lazy()
    return pl.scan_parquet(files)
