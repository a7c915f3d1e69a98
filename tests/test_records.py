"""One column spec per table: rows, frames, the CLI and docs/schema.md all follow mediakit.records."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from mediakit.analysis import analyse
from mediakit.cli import main
from mediakit.errors import MediakitError
from mediakit.extract import extract
from mediakit.records import (
    ACTORS,
    ARTICLES,
    MENTIONS,
    QUOTES,
    REMOVED,
    TABLES,
    article_row,
    failed_article_row,
    removed_rows,
    schema_markdown,
)
from mediakit.tables import actors_frame, mentions_frame, quotes_frame

ROOT = Path(__file__).resolve().parent.parent
PASTED = ROOT / "data" / "examples" / "ferry_pasted.txt"


def test_schema_page_is_generated_from_the_spec() -> None:
    page = (ROOT / "docs" / "schema.md").read_text(encoding="utf-8")
    assert page == schema_markdown(), "regenerate: python -m mediakit.records > docs/schema.md"
    for table in TABLES.values():
        for col in table.columns:
            assert f"| `{col.name}` |" in page


def test_rows_and_frames_follow_the_spec() -> None:
    an = analyse(extract(PASTED))
    assert an.quotes and an.actors
    assert all(tuple(r) == QUOTES.names for r in an.quote_rows("d"))
    assert all(tuple(r) == ACTORS.names for r in an.actor_rows("d"))
    assert all(tuple(r) == MENTIONS.names for r in an.mention_rows("d"))
    assert quotes_frame(an).schema == QUOTES.polars_schema()
    assert actors_frame(an).schema == ACTORS.polars_schema()
    assert mentions_frame(an).schema == MENTIONS.polars_schema()
    assert quotes_frame([]).columns == list(QUOTES.names)


def test_article_and_removed_rows() -> None:
    art = extract(PASTED)
    row = article_row(art, "ferry", actors=3, quotes=2)
    assert tuple(row) == ARTICLES.names and row["status"] == "ok" and row["words"] > 50
    bad = failed_article_row("x", "x.txt", "empty input", outlet="Courier")
    assert tuple(bad) == ARTICLES.names and bad["status"] == "failed" and bad["outlet"] == "Courier"
    rows = removed_rows(art, "ferry")
    assert rows and all(tuple(r) == REMOVED.names for r in rows)
    assert all(art.source[r["start"] : r["end"]] == r["text"] for r in rows)
    assert ARTICLES.frame([row, bad]).height == 2


def test_a_row_must_name_every_column_and_no_other() -> None:
    with pytest.raises(MediakitError, match="missing columns"):
        REMOVED.row(doc="a", start=0, end=1)
    with pytest.raises(MediakitError, match="unknown columns"):
        REMOVED.row(doc="a", start=0, end=1, text="x", label="ad", reason="r", colour="red")


@pytest.mark.parametrize("which,table", [("quotes", QUOTES), ("actors", ACTORS)])
def test_cli_csv_header_is_the_spec(which: str, table: object, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "rows.csv"
    assert main([which, str(PASTED), "--format", "csv", "-o", str(out)]) == 0
    header = next(csv.reader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert tuple(header) == table.names  # type: ignore[attr-defined]
