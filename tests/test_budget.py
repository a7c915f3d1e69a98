"""The per-article time budget holds in any thread: a Dask task runs in a worker thread, where no timer
signal arrives, so the analysis checks a deadline of its own between bounded steps."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import polars as pl
import pytest

from mediakit import analyse, budget, extract
from mediakit.corpus import build_corpus, open_corpus
from mediakit.corpus.units import Unit
from mediakit.corpus.work import Settings, process_unit

ROOT = Path(__file__).resolve().parent.parent
TEXT = (ROOT / "data" / "corpus" / "text")
OVER = "over the time budget"


class Clock:
    """A monotonic clock that moves on by ``step`` seconds at every reading."""

    def __init__(self, step: float) -> None:
        self.now, self.step = 1000.0, step

    def __call__(self) -> float:
        self.now += self.step
        return self.now


def test_check_raises_only_past_the_deadline(monkeypatch: pytest.MonkeyPatch) -> None:
    budget.check()  # no budget: never raises
    monkeypatch.setattr(budget.time, "monotonic", Clock(1.0))
    with budget.within(10):
        budget.check()  # 1 s of 10 gone
        with budget.within(100):  # an inner budget never extends the outer one
            with pytest.raises(budget.BudgetExceeded):
                for _ in range(20):
                    budget.check()
    budget.check()  # the deadline ends with its block


def test_no_budget_with_zero_seconds(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(budget.time, "monotonic", Clock(1000.0))
    with budget.within(0):
        budget.check()


def test_the_analysis_stops_at_its_deadline(monkeypatch: pytest.MonkeyPatch) -> None:
    art = extract(sorted(TEXT.glob("*.txt"))[0])
    monkeypatch.setattr(budget.time, "monotonic", Clock(1.0))
    with budget.within(3), pytest.raises(budget.BudgetExceeded):
        analyse(art)


def test_an_article_over_budget_in_a_worker_thread_is_a_failed_row(monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker thread gets no signal: before the deadline of mediakit.budget, such an article ran on."""
    path = sorted(TEXT.glob("*.txt"))[0]
    unit = Unit(id="slow", source=str(path), kind="file", path=str(path))
    monkeypatch.setattr(budget.time, "monotonic", Clock(1.0))
    rows: dict = {}
    worker = threading.Thread(target=lambda: rows.update(process_unit(unit, Settings(budget=5))))
    worker.start()
    worker.join()
    (row,) = rows["articles"]
    assert row["status"] == "failed" and OVER in row["error"]
    assert set(rows) == {"articles"}
    # the same unit with time to spare is analysed
    monkeypatch.setattr(budget.time, "monotonic", Clock(0.0))
    ok = process_unit(unit, Settings(budget=5))
    assert ok["articles"][0]["status"] == "ok" and ok["quotes"]


def test_dask_build_keeps_the_budget(tmp_path: Path) -> None:
    """On Dask every article gets its budget too: with a budget no article can meet, each is a failed row
    with that reason, and the build goes on to the end."""
    pytest.importorskip("distributed")
    src = tmp_path / "texts"
    src.mkdir()
    for p in sorted(TEXT.glob("*.txt"))[:3]:
        shutil.copy(p, src / p.name)
    out = tmp_path / "corpus"
    result = build_corpus([src], out, engine="dask", workers=1, budget=1e-9, quiet=True)
    assert (result.ok, result.failed) == (0, 3)
    errors = open_corpus(out).articles.select("error").collect()["error"].to_list()
    assert all(OVER in e for e in errors)
    assert open_corpus(out).quotes.select(pl.len()).collect().item() == 0
