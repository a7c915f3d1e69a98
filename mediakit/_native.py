"""Which build of the rule engines runs: the modules mypyc compiled at install, or their Python sources.

``setup.py`` compiles the analysis' busiest modules (``NATIVE`` there) into C extensions beside their
sources, and records each source's SHA-256 in ``_native_sources.json``. Python imports an extension
before a source of the same name, so this module, imported first by the package, decides at import:

- every compiled module still matches its recorded source: the extensions run (``BUILD`` is
  ``"compiled (mypyc)"``);
- a source was edited since (an editable install), ``MEDIAKIT_PURE=1`` is set, or there is no record of
  the build: the sources are imported instead, all of them (compiled modules call each other directly,
  so a mix would run old code beside new), and ``BUILD`` says why.

Both run the same code and give the same results; the compiled build is about half again as fast.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Sequence
from importlib.abc import MetaPathFinder
from importlib.machinery import EXTENSION_SUFFIXES, ModuleSpec
from importlib.util import spec_from_file_location
from pathlib import Path
from types import ModuleType

PACKAGE = Path(__file__).resolve().parent
MANIFEST = PACKAGE / "_native_sources.json"


def compiled_sources(package: Path = PACKAGE) -> dict[str, Path]:
    """The modules with a compiled extension beside their source: name -> source path."""
    found: dict[str, Path] = {}
    for suffix in EXTENSION_SUFFIXES:
        for ext in package.rglob("*" + suffix):
            src = ext.with_name(ext.name[: -len(suffix)] + ".py")
            if src.is_file():
                found[".".join(src.relative_to(package.parent).with_suffix("").parts)] = src
    return found


def build_state(package: Path = PACKAGE, environ: dict[str, str] | None = None) -> tuple[str, bool]:
    """What runs, and whether the sources must be imported instead of the extensions."""
    env = os.environ if environ is None else environ
    if not any(package.glob("_native__mypyc*")):
        return "pure Python (not compiled at install)", bool(compiled_sources(package))
    if env.get("MEDIAKIT_PURE", "") not in ("", "0"):
        return "pure Python (MEDIAKIT_PURE is set)", True
    try:
        recorded = json.loads((package / MANIFEST.name).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return "pure Python (no record of the compiled build)", True
    for path, digest in sorted(recorded.items()):
        try:
            now = hashlib.sha256((package.parent / path).read_bytes()).hexdigest()
        except OSError:
            now = ""
        if now != digest:
            return f"pure Python ({path} changed since it was compiled; `pip install -e .` compiles it again)", True
    return "compiled (mypyc)", False


class SourceFirst(MetaPathFinder):
    """Imports the listed modules from their Python sources, not from the extensions beside them."""

    def __init__(self, sources: dict[str, Path]) -> None:
        self.sources = sources

    def find_spec(self, name: str, path: Sequence[str] | None = None,
                  target: ModuleType | None = None) -> ModuleSpec | None:
        src = self.sources.get(name)
        return None if src is None else spec_from_file_location(name, src)


BUILD, _USE_SOURCES = build_state()
if _USE_SOURCES:
    sys.meta_path.insert(0, SourceFirst(compiled_sources()))
