"""The work of one unit and of one batch: load, extract, analyse, and turn the results into table rows.

A batch is processed in a worker (a process of the local pool, or a Dask task) and written there as one part
(:func:`mediakit.corpus.store.write_part`), so rows never travel back through the scheduler. Every unit ends
as exactly one ``articles`` row: ``ok``, or ``failed`` with the reason; an article that overruns its time
budget fails with that reason and the batch goes on (:mod:`mediakit.budget`: in any thread, Dask's included).
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..budget import BudgetExceeded, within
from ..errors import MediakitError
from ..records import article_row, failed_article_row, removed_rows
from .units import Unit

#: Metadata keys a unit's ``meta`` may set on the article (they win over what the page says).
META_FIELDS = ("title", "date", "outlet", "url", "author")


@dataclass(frozen=True)
class Settings:
    """What every worker needs to know: the codebook file, the per-article budget, fetch settings."""

    codebook: str | None = None
    budget: float = 60.0
    timeout: float = 20.0
    max_bytes: int = 20_000_000
    allow_private: bool = False
    cache_dir: str | None = None


@contextmanager
def _budget(seconds: float) -> Iterator[None]:
    """Stop the block after ``seconds``: a deadline the analysis checks between bounded steps, in any thread
    (a Dask task runs in a worker thread), and, in the main thread of a Unix process, a timer signal too,
    which also stops a step that is not the analysis's (reading, parsing a page)."""
    with within(seconds):
        usable = seconds > 0 and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
        if not usable:
            yield
            return

        def _ring(signum: int, frame: Any) -> None:
            raise BudgetExceeded

        old = signal.signal(signal.SIGALRM, _ring)
        try:
            signal.setitimer(signal.ITIMER_REAL, seconds)
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, old)


_CODEBOOKS: dict[str, Any] = {}


def _codebook(path: str | None) -> Any:
    if path is None:
        return None
    if path not in _CODEBOOKS:
        from ..codebook import Codebook

        _CODEBOOKS[path] = Codebook.load(path)
    return _CODEBOOKS[path]


def _load(unit: Unit, settings: Settings) -> Any:
    from ..extract import extract
    from ..inputs import RawInput

    if unit.text is not None or unit.html is not None:
        from ..extract import extract_raw

        kind = "html" if unit.html is not None else "text"
        body = unit.html if unit.html is not None else unit.text
        return extract_raw(RawInput(body or "", kind, unit.source, unit.id, url=unit.url))
    if unit.url is not None:
        from .fetch import fetch_cached

        data = fetch_cached(unit.url, settings)
        return extract(data, id=unit.id)
    return extract(Path(unit.path or unit.source), id=unit.id, max_bytes=settings.max_bytes)


def process_unit(unit: Unit, settings: Settings) -> dict[str, list[dict[str, Any]]]:
    """The rows of one unit: ``{"articles": [row], "quotes": [...], "actors": [...], "mentions": [...],
    "removed": [...]}``; a unit that fails gives only its failed ``articles`` row."""
    from ..analysis import analyse

    doc = unit.id
    meta = {k: v for k, v in unit.meta.items() if k in META_FIELDS and v not in (None, "")}
    if unit.error:
        return {"articles": [failed_article_row(doc, unit.source, unit.error, **meta)]}
    try:
        with _budget(settings.budget):
            art = _load(unit, settings)
            art.id = doc
            art.origin = unit.source
            if unit.url and not art.url:
                art.url = unit.url
            for key in ("title", "date", "outlet", "url"):
                if key in meta:
                    setattr(art, key, str(meta[key]))
            an = analyse(art, codebook=_codebook(settings.codebook))
    except BudgetExceeded:
        error = f"over the time budget of {settings.budget:g} s for one article (skipped; the run went on)"
        return {"articles": [failed_article_row(doc, unit.source, error, **meta)]}
    except MediakitError as exc:
        return {"articles": [failed_article_row(doc, unit.source, str(exc), **meta)]}
    except RecursionError:
        return {"articles": [failed_article_row(doc, unit.source, "input nested too deeply to read", **meta)]}
    except Exception as exc:  # one bad input never stops the run; say what failed
        error = f"unexpected {type(exc).__name__}: {exc} (please report this input)"
        return {"articles": [failed_article_row(doc, unit.source, error, **meta)]}
    row = article_row(art, doc, actors=len(an.actors), quotes=len(an.quotes))
    return {
        "articles": [row],
        "quotes": an.quote_rows(doc),
        "actors": an.actor_rows(doc),
        "mentions": an.mention_rows(doc),
        "removed": removed_rows(art, doc),
    }


def process_batch(units: list[Unit], settings: Settings, out: str, name: str) -> dict[str, int]:
    """Process ``units`` and write them as the part ``name`` under ``out``; returns counts by status."""
    from .store import write_part

    tables: dict[str, list[dict[str, Any]]] = {}
    counts = {"ok": 0, "failed": 0}
    for unit in units:
        rows = process_unit(unit, settings)
        counts[rows["articles"][0]["status"]] += 1
        for table, new in rows.items():
            tables.setdefault(table, []).extend(new)
    write_part(Path(out), name, tables)
    return counts
