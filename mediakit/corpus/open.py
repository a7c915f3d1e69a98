"""Opening a corpus folder: lazy polars tables and a status summary."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import InputError
from . import store


class Corpus:
    """A built corpus on disk. Each table is a polars LazyFrame over all the parts.

    ``articles`` has one row per input unit (failed ones included); ``quotes``, ``actors``, ``mentions`` and
    ``removed`` have the columns of :mod:`mediakit.records` and join on ``doc``.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        if not self.path.is_dir():
            raise InputError(f"{self.path}: no such corpus folder (build one with 'mediakit corpus build')")
        if not (self.path / store.MANIFEST).exists() and not store.part_dirs(self.path):
            raise InputError(f"{self.path}: not a mediakit corpus (no {store.MANIFEST}, no parts)")
        self.manifest = store.read_manifest(self.path)

    def __repr__(self) -> str:
        return f"Corpus({str(self.path)!r})"

    def table(self, name: str) -> Any:
        """The LazyFrame of one table (``articles``, ``quotes``, ``actors``, ``mentions``, ``removed``)."""
        from ..records import TABLES

        if name not in TABLES:
            raise InputError(f"no table {name!r}; tables: {', '.join(TABLES)}")
        return store.scan(self.path, name)

    @property
    def articles(self) -> Any:
        return self.table("articles")

    @property
    def quotes(self) -> Any:
        return self.table("quotes")

    @property
    def actors(self) -> Any:
        return self.table("actors")

    @property
    def mentions(self) -> Any:
        return self.table("mentions")

    @property
    def removed(self) -> Any:
        return self.table("removed")

    def failures(self) -> list[tuple[str, str]]:
        """``(source, reason)`` of every failed unit, in source order."""
        import polars as pl

        df = (self.articles.filter(pl.col("status") == "failed").select("source", "error", "doc")
              .sort("source", "doc").collect())
        return list(zip(df["source"].to_list(), df["error"].to_list(), strict=True))

    def status(self) -> str:
        """Counts by status and outlet, the date range, and the failures with their reasons."""
        import polars as pl

        arts = self.articles.collect()
        lines = [f"corpus {self.path}: {arts.height} articles"]
        if arts.height:
            by_status = arts.group_by("status").len().sort("status", "len")
            lines.append("  " + ", ".join(f"{n} {s}" for s, n in by_status.rows()))
            ok = arts.filter(pl.col("status") == "ok")
            dates = ok["date"].drop_nulls()
            if dates.len():
                lines.append(f"  dates {dates.min()} to {dates.max()} ({ok.height - dates.len()} without a date)")
            outlets = (ok.with_columns(pl.col("outlet").fill_null("(no outlet)")).group_by("outlet").len()
                       .sort(["len", "outlet"], descending=[True, False]))
            for outlet, n in outlets.rows():
                lines.append(f"  {n:>7} {outlet}")
            q = self.quotes.select(pl.len()).collect().item()
            a = self.actors.select(pl.len()).collect().item()
            lines.append(f"  {q} quotes, {a} actors")
        fails = self.failures()
        if fails:
            lines.append(f"  failed ({len(fails)}):")
            lines += [f"    {src}: {why}" for src, why in fails]
        return "\n".join(lines)


def open_corpus(path: str | Path) -> Corpus:
    """Open a corpus folder built by :func:`mediakit.build_corpus` or ``mediakit corpus build``."""
    return Corpus(path)
