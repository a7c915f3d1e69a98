"""The build: mediakit is pure Python, and its rule engines' busiest modules are also compiled with mypyc.

``pip install`` (``-e`` too) runs this. It compiles the modules of ``NATIVE`` into C extensions beside
their sources when mypyc and a C compiler are at hand; without either, or with ``MEDIAKIT_PURE=1`` in
the environment, the build is pure Python and everything works the same, only slower (the compiled
modules run the same code, so the results are identical: ``tests/test_native.py`` checks it).

The extensions are optional: a compiler error leaves the pure build. The source digests written to
``mediakit/_native_sources.json`` let :mod:`mediakit._native` tell, at import, whether the compiled
modules still match their sources (after an edit they do not, and the sources run instead).
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path

from setuptools import setup

HERE = Path(__file__).resolve().parent

# The modules compiled: where the analysis spends its time (actors, quotes, speaker linking, sentences).
# No package __init__ and no module whose classes leave the analysis (results are plain Python classes).
NATIVE = [
    "mediakit/segment.py",
    *(f"mediakit/actors/{m}.py" for m in ("assemble", "candidates", "classify", "parts", "patterns", "scan")),
    *(f"mediakit/quotes/{m}.py" for m in ("adjuncts", "content", "cues", "document", "followons", "hedges",
                                          "marks", "sentence", "speakers", "tokens", "verbs", "words")),
    *(f"mediakit/quotes/frames/{m}.py" for m in ("according", "backward", "colon", "forward", "participle",
                                                 "unlisted")),
    *(f"mediakit/speakers/{m}.py" for m in ("gender", "index", "linker", "nouns", "salience", "words")),
]
# Read for their types only (not compiled): the modules the compiled ones import. Anything else they
# import (other packages) is not read, and its values are untyped there.
TYPED = [
    *(f"mediakit/{m}.py" for m in ("budget", "lexicon", "model", "normalise")),
    "mediakit/actors/lexicon.py", "mediakit/actors/results.py", "mediakit/speakers/result.py",
    *(f"mediakit/quotes/{m}.py" for m in ("records", "result", "rules", "frames/__init__")),
]
MANIFEST = "mediakit/_native_sources.json"
# the setup.py commands that build extensions (pip runs others first, for metadata, with none needed)
BUILDING = {"build", "build_ext", "bdist_wheel", "editable_wheel", "install", "develop"}


def _digests() -> dict[str, str]:
    return {path: hashlib.sha256((HERE / path).read_bytes()).hexdigest() for path in NATIVE}


def _extensions() -> list:
    if not BUILDING.intersection(sys.argv[1:]):
        return []
    if os.environ.get("MEDIAKIT_PURE", "") not in ("", "0"):
        print("mediakit: MEDIAKIT_PURE is set, so the build is pure Python", file=sys.stderr)
        (HERE / MANIFEST).unlink(missing_ok=True)  # (extensions of an earlier build are then never used)
        return []
    try:
        from mypyc.build import mypycify
        from mypyc.primitives.registry import method_call_ops

        # mypyc's own str.lower (mypy 2.4.1) lower-cases character by character, without Python's rule
        # for a final capital sigma ("\u039f\u0394\u039f\u03a3".lower() ends in "\u03c2"): the compiled modules call
        # Python's method instead, so that both builds read text alike
        method_call_ops.pop("lower", None)

        os.chdir(HERE)  # (mypycify reads the paths, and writes its C files under build/, from here)
        extensions = mypycify(["--follow-imports=skip", "--ignore-missing-imports", *NATIVE, *TYPED],
                              only_compile_paths=NATIVE, group_name="mediakit._native")
    except Exception as exc:  # (no mypyc, or it cannot compile this Python: the pure build works the same)
        print(f"mediakit: the rule engines stay pure Python ({type(exc).__name__}: {exc})", file=sys.stderr)
        return []
    for ext in extensions:
        ext.optional = True  # no C compiler, or it fails: the pure build
    (HERE / MANIFEST).write_text(json.dumps(_digests(), indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return extensions


setup(ext_modules=_extensions())
