"""Code layout limits, measured with :mod:`ast`: the longest class and the longest module of a package.

How it is measured
------------------
Every ``.py`` file under ``mediakit/`` is parsed with :mod:`ast`.

* A module's length is its number of lines, ``len(text.splitlines())``: code, comments, docstrings and
  blank lines all count.
* A class's length runs from its first decorator (or its ``class`` line) to the last line of its body
  (``end_lineno``), inclusive; methods, nested classes, docstrings and blank lines inside count.
* Reaching into a private name: reading ``x._name`` (one leading underscore, not a dunder) on anything
  other than ``self`` or ``cls``, or ``from module import _name``. Inside a module its own private
  names are used freely (plain names, not attributes), so this catches one class or module using
  another's internals.

The limits are enforced only for the packages in ``ENFORCED`` (add a package once it is split); the
whole of ``mediakit/`` is measured and printed every run (``pytest -s tests/test_layout.py`` or
``python tests/test_layout.py``) so the figures of every module are at hand.
"""

from __future__ import annotations

import ast
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MAX_CLASS_LINES = 300
MAX_MODULE_LINES = 600
#: packages (folders under the repository root) whose modules must keep the limits
ENFORCED = ["mediakit/quotes", "mediakit/actors", "mediakit/corpus", "mediakit/measures", "mediakit/importers", "mediakit/clean",
            "mediakit/speakers"]


@dataclass
class ModuleSize:
    path: str
    lines: int
    classes: list[tuple[str, int]] = field(default_factory=list)  # (qualified name, lines)
    private_reach: list[str] = field(default_factory=list)  # "line: what"

    @property
    def largest_class(self) -> tuple[str, int] | None:
        return max(self.classes, key=lambda c: c[1]) if self.classes else None


def _is_private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def measure_file(path: Path) -> ModuleSize:
    """Lines of the module, lines of every class (nested ones too) and private names reached into."""
    text = path.read_text(encoding="utf-8")
    tree = ast.parse(text, filename=str(path))
    name = path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else str(path)
    out = ModuleSize(name, len(text.splitlines()))

    def classes(node: ast.AST, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ClassDef):
                first = min([child.lineno] + [d.lineno for d in child.decorator_list])
                out.classes.append((prefix + child.name, child.end_lineno - first + 1))
                classes(child, prefix + child.name + ".")
            else:
                classes(child, prefix)

    classes(tree, "")
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and _is_private(node.attr):
            owner = node.value.id if isinstance(node.value, ast.Name) else None
            if owner not in ("self", "cls"):
                out.private_reach.append(f"{node.lineno}: {ast.unparse(node)}")
        elif isinstance(node, ast.ImportFrom):
            for alias in node.names:
                if _is_private(alias.name):
                    out.private_reach.append(f"{node.lineno}: from {node.module or '.'} import {alias.name}")
    return out


def measure(folder: str) -> list[ModuleSize]:
    """Every module under ``folder`` (relative to the repository root), sorted by path."""
    return [measure_file(p) for p in sorted((ROOT / folder).rglob("*.py"))]


def report(sizes: list[ModuleSize]) -> str:
    """One line per module: lines, then its largest class and that class's lines."""
    rows = []
    for m in sizes:
        big = m.largest_class
        rows.append(f"{m.lines:5d}  {m.path:45s} {f'{big[0]} ({big[1]})' if big else ''}")
    biggest_module = max(sizes, key=lambda m: m.lines)
    classes = [(c, m.path) for m in sizes for c in m.classes]
    biggest_class = max(classes, key=lambda c: c[0][1]) if classes else None
    rows.append(f"largest module: {biggest_module.path} ({biggest_module.lines} lines)")
    if biggest_class:
        rows.append(f"largest class: {biggest_class[0][0]} in {biggest_class[1]} ({biggest_class[0][1]} lines)")
    return "\n".join(rows)


def test_measure_the_whole_library() -> None:
    sizes = measure("mediakit")
    print("\n" + report(sizes))
    assert any(m.path.startswith("mediakit/quotes/") for m in sizes)
    assert all(m.lines > 0 for m in sizes)
    # the size limits hold for the whole library, not only the split packages
    assert max(m.lines for m in sizes) <= MAX_MODULE_LINES
    assert max((n for m in sizes for _, n in m.classes), default=0) <= MAX_CLASS_LINES


@pytest.mark.parametrize("package", ENFORCED)
def test_module_and_class_sizes(package: str) -> None:
    sizes = measure(package)
    assert sizes, f"no modules under {package}"
    print("\n" + report(sizes))
    long_modules = [f"{m.path}: {m.lines} lines" for m in sizes if m.lines > MAX_MODULE_LINES]
    long_classes = [f"{m.path}: {c} {n} lines" for m in sizes for c, n in m.classes if n > MAX_CLASS_LINES]
    assert not long_modules, f"modules over {MAX_MODULE_LINES} lines: {long_modules}"
    assert not long_classes, f"classes over {MAX_CLASS_LINES} lines: {long_classes}"


@pytest.mark.parametrize("package", ENFORCED)
def test_no_reaching_into_private_names(package: str) -> None:
    reach = [f"{m.path}:{r}" for m in measure(package) for r in m.private_reach]
    assert not reach, "private names used from outside their class or module:\n" + "\n".join(reach)


def test_the_measure_sees_classes_and_private_reach(tmp_path: Path) -> None:
    # the measuring itself, on an invented module
    src = tmp_path / "probe.py"
    src.write_text(
        "import dataclasses\n"
        "from os import _exit\n\n\n"
        "@dataclasses.dataclass\n"
        "class A:\n"
        "    x: int = 0\n\n"
        "    class B:\n"
        "        pass\n\n"
        "    def f(self, other):\n"
        "        return self._x + other._y\n",
        encoding="utf-8",
    )
    m = measure_file(src)
    assert m.lines == 13
    assert dict(m.classes) == {"A": 9, "A.B": 2}
    assert m.private_reach == ["2: from os import _exit", "13: other._y"]


if __name__ == "__main__":
    print(report(measure(sys.argv[1] if len(sys.argv) > 1 else "mediakit")))
