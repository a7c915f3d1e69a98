"""Sorted tables and charts break ties, so two runs show the same rows in the same order.

polars' ``sort`` does not keep the order of equal rows unless asked, and a top-N cut through a tie can
show different rows from one run to the next; so every ranking sorts on a second key (a count descending,
then a name ascending) and charts take their order from that table rather than re-sorting by value.
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import polars as pl
import pytest

from mediakit.display import cleaning_table
from mediakit.model import Article, Span

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def test_cleaning_table_breaks_ties_on_start() -> None:
    source = "Bridge reopens\n\nThe bridge reopened on Monday."
    spans = dict(
        paragraphs=[Span(16, 46, "paragraph")],
        metadata_spans=[Span(0, 14, "title", "headline"), Span(0, 0, "byline", "empty")],
        removed=[Span(0, 6, "teaser", "first word"), Span(16, 19, "note", "overlap")],
    )
    table = cleaning_table(Article(source=source, **spans))
    keys = table.select("start", "end", "status", "label").rows()
    assert keys == sorted(keys)
    for _ in range(20):  # and the same every time
        assert cleaning_table(Article(source=source, **spans)).equals(table)


def test_corpus_metadata_orders_same_day_articles_by_id() -> None:
    from mediakit.datasets import load_corpus

    meta = load_corpus().metadata
    keys = list(zip(meta["date"].to_list(), meta["id"].to_list(), strict=True))
    assert keys == sorted(keys)
    assert meta["date"].n_unique() < len(meta)  # there are ties to break


def test_folder_report_breaks_count_ties_by_name(tmp_path: Path) -> None:
    from mediakit.cli import why_no_input

    for name in ("b.yaml", "a.pdf", "c.md"):
        (tmp_path / name).write_text("x")
    (tmp_path / "d.yaml").write_text("x")
    assert why_no_input(str(tmp_path)).endswith("found 2 .yaml, 1 .md, 1 .pdf")


def _notebook_code(path: Path) -> str:
    nb = json.loads(path.read_text(encoding="utf-8"))
    return "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code")


def _sort_calls(code: str) -> list[ast.Call]:
    return [n for n in ast.walk(ast.parse(code)) if isinstance(n, ast.Call)
            and isinstance(n.func, ast.Attribute) and n.func.attr in ("sort", "sort_by", "top_k", "bottom_k")]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_rankings_are_tie_broken(path: Path) -> None:
    code = _notebook_code(path)
    for call in _sort_calls(code):
        if not call.args:  # a column sorting its own values: equal values are indistinguishable
            continue
        keys = call.args[0].elts if call.args and isinstance(call.args[0], (ast.List, ast.Tuple)) else call.args
        assert len(keys) >= 2, f"{path.name}: {ast.unparse(call)} sorts on one key: ties are unbroken"
    assert not re.search(r"""sort\s*=\s*["']-?[xy]["']""", code), (
        f"{path.name}: a chart re-sorts by value; give it the order of its tie-broken table")
    assert ".unique()" not in code or ".unique().sort()" in code, f"{path.name}: unique() has no fixed order"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_top_n_follows_a_tie_broken_sort(path: Path) -> None:
    code = _notebook_code(path)
    for m in re.finditer(r"\.head\(", code):
        before = code[: m.start()].rsplit("\n\n", 1)[-1]
        assert ".sort(" in before or "mentions_frame" in before, f"{path.name}: head() on an unsorted table"


def test_polars_sorts_in_the_library_break_ties() -> None:
    for path in sorted((ROOT / "mediakit").rglob("*.py")):
        for call in _sort_calls(path.read_text(encoding="utf-8")):
            if call.args and isinstance(call.args[0], ast.Constant) and isinstance(call.args[0].value, str):
                keys = [a for a in call.args if isinstance(a, ast.Constant)]
                maintain = any(k.arg == "maintain_order" for k in call.keywords)
                assert len(keys) >= 2 or maintain, f"{path.name}: {ast.unparse(call)} may reorder equal rows"


def test_sort_with_tie_break_is_stable_on_a_tied_frame() -> None:
    frame = pl.DataFrame({"name": ["b", "a", "d", "c"], "mentions": [2, 2, 1, 2]})
    ranked = frame.sort(["mentions", "name"], descending=[True, False])
    assert ranked["name"].to_list() == ["a", "b", "c", "d"]
