"""The two builds of the rule engines: the compiled modules run only while they match their sources, and
they give the same results as the sources."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from mediakit import _native

ROOT = Path(__file__).resolve().parents[1]


def _package(tmp_path: Path, *, group: bool = True, manifest: bool = True) -> Path:
    """A package laid out as a compiled build leaves it: one module's source and extension, the
    group library and the record of the sources' digests."""
    pkg = tmp_path / "pkg"
    (pkg / "sub").mkdir(parents=True)
    src = pkg / "sub" / "mod.py"
    src.write_text("X = 1\n", encoding="utf-8")
    (pkg / "sub" / f"mod{_native.EXTENSION_SUFFIXES[0]}").write_bytes(b"")
    (pkg / "lonely.abi3.so").write_bytes(b"")  # an extension with no source beside it: not listed
    if group:
        (pkg / f"_native__mypyc{_native.EXTENSION_SUFFIXES[0]}").write_bytes(b"")
    if manifest:
        digest = hashlib.sha256(src.read_bytes()).hexdigest()
        (pkg / _native.MANIFEST.name).write_text(json.dumps({"pkg/sub/mod.py": digest}), encoding="utf-8")
    return pkg


def test_compiled_while_every_source_matches(tmp_path: Path) -> None:
    pkg = _package(tmp_path)
    assert _native.build_state(pkg, {}) == ("compiled (mypyc)", False)
    assert _native.compiled_sources(pkg) == {"pkg.sub.mod": pkg / "sub" / "mod.py"}


def test_an_edited_source_runs_as_source(tmp_path: Path) -> None:
    pkg = _package(tmp_path)
    (pkg / "sub" / "mod.py").write_text("X = 2\n", encoding="utf-8")
    state, sources_first = _native.build_state(pkg, {})
    assert sources_first and state.startswith("pure Python (pkg/sub/mod.py changed since it was compiled")


@pytest.mark.parametrize("kw, env, why", [
    ({}, {"MEDIAKIT_PURE": "1"}, "MEDIAKIT_PURE is set"),
    ({"manifest": False}, {}, "no record of the compiled build"),
    ({"group": False}, {}, "not compiled at install"),
])
def test_pure_builds_say_why(tmp_path: Path, kw: dict, env: dict, why: str) -> None:
    state, sources_first = _native.build_state(_package(tmp_path, **kw), env)
    assert state == f"pure Python ({why})" and sources_first  # (an extension is there: sources go first)


def test_source_first_finder_names_only_its_modules(tmp_path: Path) -> None:
    pkg = _package(tmp_path)
    finder = _native.SourceFirst(_native.compiled_sources(pkg))
    spec = finder.find_spec("pkg.sub.mod")
    assert spec is not None and spec.origin == str(pkg / "sub" / "mod.py")
    assert finder.find_spec("pkg.other") is None


_RUN = """
import json, sys
from pathlib import Path
import mediakit
from mediakit import analyse, extract
out = {"build": mediakit._native.BUILD, "rows": []}
corpus = Path(sys.argv[1])
for kind, pattern in (("text", "text/*.txt"), ("html", "raw/html/*.html"), ("text", "raw/pasted/*")):
    for f in sorted(corpus.glob(pattern)):
        article = extract(f.read_bytes(), kind=kind, id=f.stem)
        an = analyse(article)
        out["rows"].append([f.name, article.to_record(), an.quote_rows(f.name), an.actor_rows(f.name)])
print(json.dumps(out, default=str))
"""


def _analysed(pure: bool) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "MEDIAKIT_PURE"}
    if pure:
        env["MEDIAKIT_PURE"] = "1"
    done = subprocess.run([sys.executable, "-c", _RUN, str(ROOT / "data" / "corpus")], env=env,
                          capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(done.stdout)


def test_both_builds_give_the_same_results() -> None:
    """The teaching corpus (50 clean texts, 26 saved pages, 14 pasted pages) extracted and analysed by the
    build installed here and by the sources: the same records, quotes and actors."""
    installed, pure = _analysed(False), _analysed(True)
    assert pure["build"] == "pure Python (MEDIAKIT_PURE is set)"
    assert installed["build"] == _native.BUILD
    assert len(pure["rows"]) == 90 and sum(len(r[2]) for r in pure["rows"]) > 100
    assert installed["rows"] == pure["rows"]



_WITH_DOCTESTS = sorted(name for name, src in _native.compiled_sources().items() if ">>>" in src.read_text("utf-8"))
_DOCTESTS = """
import doctest, importlib, sys
import mediakit
assert mediakit._native.BUILD == "pure Python (MEDIAKIT_PURE is set)"
results = [doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS) for name in sys.argv[1:]]
print(sum(r.failed for r in results), sum(r.attempted for r in results), min(r.attempted for r in results))
"""


@pytest.mark.skipif(not _WITH_DOCTESTS, reason="no compiled module here: pytest collects their doctests itself")
def test_doctests_of_compiled_modules() -> None:
    """The doctests the collection leaves out while the compiled build runs (see conftest.py), run from
    the sources in a process of their own."""
    env = {**os.environ, "MEDIAKIT_PURE": "1"}
    done = subprocess.run([sys.executable, "-c", _DOCTESTS, *_WITH_DOCTESTS], env=env, capture_output=True,
                          text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    failed, attempted, fewest = map(int, done.stdout.splitlines()[-1].split())  # (after any failure's report)
    assert failed == 0 and fewest > 0, done.stdout  # (every module had doctests, and all of them passed)
