"""The fuzz harness (benchmarks/fuzz.py) inside the test suite: 300 generated bad inputs, fixed seed.

Every generator's inputs must give no exception (other than a MediakitError refusal), no overrun and no
broken invariant, except failures of the known defects listed in ``KNOWN``. Each known defect has a small
saved reproducer in ``tests/fuzz_cases/DEFECT.json`` (replay: ``python benchmarks/fuzz.py --replay
tests/fuzz_cases/DEFECT.json``) and an ``xfail`` test naming it, so the suite stays green while the
defects are fixed and reports XPASS once one is gone: then delete its entry in ``KNOWN`` and its fixture.

Sizes are capped (``MAX_SIZE``) to keep the run under a minute on two cores, so slow-on-big-input defects
(quadratic time) are left to the full campaign, ``python benchmarks/fuzz.py --seed 1 --count 2000``, and to
``benchmarks/scaling.py``.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent

_spec = importlib.util.spec_from_file_location("mediakit_fuzz", ROOT / "benchmarks" / "fuzz.py")
assert _spec is not None and _spec.loader is not None
fuzz = importlib.util.module_from_spec(_spec)
sys.modules["mediakit_fuzz"] = fuzz
_spec.loader.exec_module(fuzz)

SEED = 20261206
COUNT = 300
BUDGET = 20.0  # seconds per stage: generous, so a busy machine never makes it flake
MAX_SIZE = 30_000
JOBS = 2

Failure = dict[str, Any]


def _exception(prefix: str, stage: str = "") -> Callable[[Failure], bool]:
    return lambda f: f["failure"] == "exception" and f["name"].startswith(prefix) and f["stage"].startswith(stage)


def _invariant(name: str) -> Callable[[Failure], bool]:
    return lambda f: f["failure"] == "invariant" and f["name"] == name


# defect -> (matches a failure, what it is)
KNOWN: dict[str, tuple[Callable[[Failure], bool], str]] = {
    "deep-jsonld-recursion": (
        _exception("RecursionError", "extract"),
        "html._json_ld: json.loads raises RecursionError on JSON-LD nested ~1,000 deep (not a MediakitError)",
    ),
    "lone-surrogates": (
        lambda f: f["failure"] == "exception" and f["name"].startswith("UnicodeEncodeError")
        and "surrogates not allowed" in f["message"],
        "a str with lone surrogates (e.g. from surrogateescape) is accepted by extract; polars then raises "
        "UnicodeEncodeError in display.cleaning_table/cleaning_html and the records frames",
    ),
    "utf16-without-bom": (
        _invariant("refused-readable"),
        "inputs.decode_bytes: UTF-16 text without a BOM is refused as 'looks binary' (its NUL bytes)",
    ),
    "gzip-truncated": (
        _invariant("gzip-truncated-silently"),
        "inputs._gunzip: a truncated gzip stream is read as far as it goes, with no refusal and no flag",
    ),
    "gzip-second-member": (
        _invariant("gzip-member-dropped"),
        "inputs._gunzip: only the first member of a multi-member gzip file is read, silently",
    ),
    "credit-split-one-line": (
        _invariant("prose-dropped"),
        "clean: a one-line article with a credit-like word inside ('source:', 'photo by', '(Reuters)') is "
        "split as a caption plus credit and no paragraph is kept",
    ),
    "quote-across-removed": (
        _invariant("in-removed"),
        "quotes: a quote opened on a one-character line can run across a removed line (e.g. 'Share')",
    ),
}


#: defects fixed since the campaign found them: their reproducers stay as regression tests
FIXED = {name: KNOWN.pop(name) for name in ("deep-jsonld-recursion", "utf16-without-bom", "gzip-truncated",
                                            "gzip-second-member", "lone-surrogates", "credit-split-one-line",
                                            "quote-across-removed")}


def _known(f: Failure) -> str | None:
    return next((name for name, (match, _) in KNOWN.items() if match(f)), None)


@pytest.fixture(scope="module")
def campaign(tmp_path_factory: pytest.TempPathFactory) -> Any:
    out = tmp_path_factory.mktemp("fuzz")
    return fuzz.run_campaign(seed=SEED, count=COUNT, budget=BUDGET, jobs=JOBS, out=out, max_size=MAX_SIZE)


def _describe(results: list[Any]) -> str:
    lines = []
    for r in results[:10]:
        for f in r.failures:
            lines.append(f"#{r.case.index} {r.case.kind} ({r.case.note}): {f['failure']} in {f['stage']}: "
                         f"{f['message'][:300]}\n{f['traceback'][-1500:]}  reproducer: {r.saved}")
    return "\n".join(lines)


@pytest.mark.parametrize("kind", list(fuzz.GENERATORS))
def test_generator_has_no_unknown_failures(campaign: Any, kind: str) -> None:
    results = campaign.by_kind()[kind]
    assert len(results) >= 15
    bad = [r for r in results if any(_known(f) is None for f in r.failures)]
    assert not bad, f"{len(bad)} {kind} inputs failed:\n{_describe(bad)}"


CASES = ROOT / "tests" / "fuzz_cases"  # not under tests/fixtures: not snapshot texts, not fuzz seeds


def test_every_known_defect_has_a_reproducer() -> None:
    assert sorted(p.stem for p in CASES.glob("*.json")) == sorted([*KNOWN, *FIXED])


@pytest.mark.parametrize("defect", list(FIXED))
def test_fixed_defect_stays_fixed(defect: str) -> None:
    case = fuzz.load_reproducer(CASES / f"{defect}.json")
    out = fuzz.run_case({"data": case.data, "expect": case.expect})
    assert not out["failures"], "\n".join(f"{f['failure']} in {f['stage']}: {f['message']}" for f in out["failures"])


@pytest.mark.parametrize(
    "defect",
    [pytest.param(name, marks=pytest.mark.xfail(reason=why, strict=False)) for name, (_, why) in KNOWN.items()],
)
def test_known_defect_is_fixed(defect: str) -> None:
    case = fuzz.load_reproducer(CASES / f"{defect}.json")
    out = fuzz.run_case({"data": case.data, "expect": case.expect})  # in this process: none of them hangs
    assert not out["failures"], "\n".join(f"{f['failure']} in {f['stage']}: {f['message']}" for f in out["failures"])


def test_every_input_ran(campaign: Any) -> None:
    assert [r.case.index for r in campaign.results] == list(range(COUNT))


# ------------------------------------------------------------------------------- the harness itself


def test_cases_are_deterministic() -> None:
    seeds = fuzz.load_seeds()
    for i in (0, 5, 17):
        a, b = fuzz.make_case(3, i, seeds), fuzz.make_case(3, i, seeds)
        assert (a.kind, a.data, a.note) == (b.kind, b.data, b.note)
    assert fuzz.make_case(3, 1, seeds).data != fuzz.make_case(4, 1, seeds).data


def test_view_check_catches_unescaped_markup() -> None:
    fuzz.check_view("ok", "<p style='margin:0'>&lt;script&gt;alert(1)&lt;/script&gt; onerror=x</p>")
    for bad in ("<p><script>alert(1)</script></p>", "<span title='x' onclick='alert(1)'>a</span>",
                "<p><img src=x onerror=alert(1)></p>", "<p><a href='javascript:alert(1)'>x</a></p>"):
        with pytest.raises(fuzz.InvariantBreak):
            fuzz.check_view("bad", bad)


def test_article_check_catches_broken_spans() -> None:
    from mediakit.model import Article, Span

    text = "Ferry fares rise.\n\nThe board met on Monday."
    good = Article(source=text, paragraphs=[Span(0, 17, "paragraph"), Span(19, len(text), "paragraph")])
    fuzz.check_article(good, text)
    for paragraphs in ([Span(0, 17, "paragraph")],  # a sentence in no span
                       [Span(0, 17, "paragraph"), Span(10, len(text), "paragraph")],  # overlap
                       [Span(0, 17, "paragraph"), Span(19, len(text) + 5, "paragraph")]):  # past the end
        with pytest.raises(fuzz.InvariantBreak):
            fuzz.check_article(Article(source=text, paragraphs=paragraphs), text)


def test_worker_reports_overrun_and_recovers() -> None:
    """A case that hangs is killed at the budget and the next case still runs in a fresh worker."""
    seeds = fuzz.load_seeds()
    hang = fuzz.Case(0, "unicode", "x", "hangs", {"sleep": 30})
    after = fuzz.make_case(1, 1, seeds)
    results = fuzz.run_cases([hang, after], budget=2.0, jobs=1)
    assert [(f["failure"], f["stage"]) for f in results[0].failures] == [("overrun", "sleep")]
    assert results[1].case is after and "extract:bytes" in results[1].timings
