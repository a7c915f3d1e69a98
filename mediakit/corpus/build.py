"""Building a corpus: sources in, Parquet tables out, resumable and incremental.

:func:`build_corpus` lists the units of the sources (files, folders, globs, exports, URL lists, feeds, WARC
files), skips those already in ``out``, cuts the rest into batches and runs them on an engine. Running the
same call again after an interruption finishes the rest; adding sources processes only the new units.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..records import SCHEMA_VERSION
from . import store
from .engines import Batch, run_dask, run_local
from .progress import Progress
from .units import Unit, expand, read_metadata
from .work import Settings

#: Units per batch (one part file per table per batch).
BATCH_SIZE = 50


@dataclass
class BuildResult:
    """What a build did: units processed in this run by status, and where the corpus is."""

    out: Path
    ok: int = 0
    failed: int = 0
    skipped: int = 0
    seconds: float = 0.0
    failures: list[tuple[str, str]] = field(default_factory=list)

    def summary(self) -> str:
        """One line: ``N ok, M failed (K already done) in S s -> DIR``."""
        done = f" ({self.skipped} already done)" if self.skipped else ""
        return f"{self.ok} ok, {self.failed} failed{done} in {self.seconds:.1f} s -> {self.out}"


def _batches(units: Iterable[Unit], size: int) -> Iterator[Batch]:
    chunk: list[Unit] = []
    for unit in units:
        chunk.append(unit)
        if len(chunk) >= size:
            yield _named(chunk)
            chunk = []
    if chunk:
        yield _named(chunk)


def _named(units: list[Unit]) -> Batch:
    digest = hashlib.sha1("\n".join(u.id for u in units).encode("utf-8", "surrogateescape")).hexdigest()
    return f"part-{digest[:20]}", units


def _pending(sources: list[str], done: set[str], meta: dict[str, dict[str, Any]],
             columns: dict[str, str] | None) -> Iterator[Unit]:
    """The units not yet in the corpus, each once, with the metadata file's values merged in."""
    seen: set[str] = set()
    for unit in expand(sources, columns=columns):
        if unit.id in done or unit.id in seen:
            continue
        seen.add(unit.id)
        extra = meta.get(unit.id)
        yield replace(unit, meta={**unit.meta, **extra}) if extra else unit


def _count(sources: list[str], done: set[str], columns: dict[str, str] | None) -> tuple[int, int]:
    """How many units are still to do, and how many are already in the corpus (one pass over the sources)."""
    seen: set[str] = set()
    todo = skipped = 0
    for unit in expand(sources, columns=columns):
        if unit.id in seen:
            continue
        seen.add(unit.id)
        if unit.id in done:
            skipped += 1
        else:
            todo += 1
    return todo, skipped


def build_corpus(
    sources: str | Path | Iterable[str | Path],
    out: str | Path,
    *,
    workers: int | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    codebook: str | Path | None = None,
    metadata: str | Path | None = None,
    columns: dict[str, str] | None = None,
    budget: float = 60.0,
    timeout: float = 20.0,
    allow_private: bool = False,
    batch_size: int = BATCH_SIZE,
    quiet: bool = False,
) -> BuildResult:
    """Analyse every unit of ``sources`` into the corpus folder ``out`` and return what was done.

    ``workers`` defaults to the machine's cores; ``engine`` is ``"local"`` (processes on this machine) or
    ``"dask"`` (a LocalCluster, or the cluster at ``scheduler``). ``metadata`` is a CSV/TSV/JSONL file with an
    ``id`` column whose values (outlet, date, title, ...) fill each article. ``columns`` maps export columns
    (``{"text": "body", "date": "published"}``). Each article gets ``budget`` seconds; one that overruns is a
    failed row with that reason. Progress goes to stderr (a bar on a terminal or in a notebook), unless
    ``quiet``.
    """
    if engine not in ("local", "dask"):
        raise InputError(f"engine must be 'local' or 'dask', not {engine!r}")
    src_list = [str(sources)] if isinstance(sources, (str, Path)) else [str(s) for s in sources]
    if not src_list:
        raise InputError("no sources given: name files, folders, globs, exports or URL lists")
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise InputError(f"{out}: exists and is not a folder")
    if codebook is not None:
        from ..codebook import Codebook

        Codebook.load(codebook)  # a bad codebook is a settings error before any work starts
    manifest = store.read_manifest(out)
    store.clear_temporaries(out)
    meta = read_metadata(metadata) if metadata else {}
    done = store.done_ids(out)
    workers = max(1, workers if workers is not None else (os.cpu_count() or 1))
    settings = Settings(
        codebook=str(Path(codebook).resolve()) if codebook else None, budget=budget, timeout=timeout,
        allow_private=allow_private, cache_dir=str((out / "cache").resolve()),
    )
    result = BuildResult(out=out)
    total, result.skipped = _count(src_list, done, columns)
    run = {"sources": src_list, "started": time.strftime("%Y-%m-%dT%H:%M:%S"), "engine": engine,
           "workers": workers, "codebook": settings.codebook, "metadata": str(metadata) if metadata else None,
           "columns": columns, "budget": budget, "units": total, "finished": None}
    manifest["schema_version"] = SCHEMA_VERSION
    manifest.setdefault("runs", []).append(run)
    store.write_manifest(out, manifest)

    progress = Progress(total, quiet=quiet)
    start = time.monotonic()

    def on_done(counts: dict[str, int]) -> None:
        result.ok += counts.get("ok", 0)
        result.failed += counts.get("failed", 0)
        progress.update(counts.get("ok", 0), counts.get("failed", 0))

    batches = _batches(_pending(src_list, done, meta, columns), max(1, batch_size))
    try:
        if engine == "dask":
            run_dask(batches, settings, str(out.resolve()), workers, on_done, scheduler)
        else:
            run_local(batches, settings, str(out.resolve()), workers, on_done)
    finally:
        progress.close()
    result.seconds = time.monotonic() - start
    run.update(finished=time.strftime("%Y-%m-%dT%H:%M:%S"), ok=result.ok, failed=result.failed)
    store.write_manifest(out, manifest)
    if result.failed:
        from .open import open_corpus

        result.failures = open_corpus(out).failures()
    return result
