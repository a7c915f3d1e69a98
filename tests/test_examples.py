"""Every example a newcomer is shown runs: the ``mediakit --help`` examples and README.md's code blocks.

Shell examples run from the repository root with the installed ``mediakit`` entry point (or
``python -m mediakit`` when there is none); output redirected to a file (``> out.csv``, ``-o out.csv``) goes
to a temporary folder instead of the repository. Python blocks run in order in one namespace, like a notebook,
from a temporary folder that links the repository's ``data/`` (so the files they save stay out of the
repository).

Skipped, and why:
- install commands (``python3 -m venv``, ``pip install``): the test runs inside the environment they make;
- ``python -m pytest``: it is this test run itself;
- spaCy examples: they need a trained pipeline, which mediakit never downloads and the tests do not have;
- ``mediakit walk``: it runs every notebook, which tests/test_walk.py does once (with the README's command).
"""

from __future__ import annotations

import contextlib
import io
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
BIN = Path(sys.executable).parent
MEDIAKIT = str(BIN / "mediakit") if (BIN / "mediakit").is_file() else f"{shlex.quote(sys.executable)} -m mediakit"

_FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.M | re.S)
_SKIP = (
    (re.compile(r"^python3? -m venv\b|\bpip install\b"), "install command"),
    (re.compile(r"-m pytest\b"), "the test suite itself"),
    (re.compile(r"\bspacy\b"), "needs a trained spaCy pipeline"),
    (re.compile(r"\bmediakit walk\b"), "run once by tests/test_walk.py"),
)


def code_blocks(text: str) -> list[tuple[str, str]]:
    """``(language, code)`` of every fenced block."""
    return [(m[1].lower(), m[2]) for m in _FENCE.finditer(text)]


def shell_commands(code: str) -> list[str]:
    """The commands of a shell block, ``&&`` chains split, comments and skipped commands dropped."""
    out = []
    for line in code.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        for part in line.split("&&"):
            part = part.strip()
            if not any(rx.search(part) for rx, _ in _SKIP):
                out.append(part)
    return out


def _runnable(command: str, tmp: Path) -> str:
    command = re.sub(r"^(?:\.venv/bin/)?mediakit\b", MEDIAKIT, command)
    command = re.sub(r"^\.venv/bin/python\b", shlex.quote(sys.executable), command)
    return re.sub(r"(>|-o)\s*([^\s|;&>]+)", lambda m: f"{m[1]} {tmp / Path(m[2]).name}", command)


def run_shell(command: str, tmp: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["bash", "-c", "set -o pipefail; " + _runnable(command, tmp)], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)


def help_examples() -> list[str]:
    r = subprocess.run([sys.executable, "-m", "mediakit", "--help"], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    block = r.stdout.split("examples:\n", 1)[1].split("\n\n", 1)[0]
    return [line.strip() for line in block.splitlines() if line.strip().startswith("mediakit ")]


HELP = help_examples()
README_BLOCKS = code_blocks(README.read_text(encoding="utf-8"))
README_SHELL = [c for lang, code in README_BLOCKS if lang in ("bash", "sh", "shell", "console")
                for c in shell_commands(code)]


def test_examples_were_found() -> None:
    assert len(HELP) >= 4
    assert len(README_SHELL) >= 5
    assert sum(lang == "python" for lang, _ in README_BLOCKS) >= 2


@pytest.mark.parametrize("command", HELP)
def test_help_example_runs(command: str, tmp_path: Path) -> None:
    r = run_shell(command, tmp_path)
    assert r.returncode == 0, f"{command}\n{r.stderr}"
    assert r.stdout.strip() or any(p.stat().st_size for p in tmp_path.iterdir()), f"{command}: no output"
    assert "Traceback" not in r.stderr


@pytest.mark.parametrize("command", README_SHELL)
def test_readme_shell_example_runs(command: str, tmp_path: Path) -> None:
    r = run_shell(command, tmp_path)
    assert r.returncode == 0, f"{command}\n{r.stderr}"
    assert r.stdout.strip() or any(p.stat().st_size for p in tmp_path.iterdir()), f"{command}: no output"


def test_readme_python_examples_run(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # from a scratch folder that sees the repository's data/: files the examples save land there
    (tmp_path / "data").symlink_to(ROOT / "data", target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {"__name__": "__readme__"}
    ran = 0
    for lang, code in README_BLOCKS:
        if lang != "python":
            continue
        if re.search(r"\bspacy\b", code):  # needs a trained spaCy pipeline (see the module docstring)
            continue
        with contextlib.redirect_stdout(io.StringIO()) as out:
            exec(compile(code, f"README.md python block {ran + 1}", "exec"), namespace)
        assert out.getvalue().strip() or ran, f"python block {ran + 1} printed nothing"
        ran += 1
    assert ran >= 2
