"""Machine instructions per article or page, counted under valgrind: a speed measure that load does not change.

Usage::

    python benchmarks/instructions.py analyse ../shared/data/polnear/dev      # analyse, per article
    python benchmarks/instructions.py build ../shared/data/scrapinghub         # 1-worker corpus build, per page
    python benchmarks/instructions.py trafilatura ../shared/data/scrapinghub   # trafilatura.extract, per page
    python benchmarks/instructions.py trafilatura ../shared/data/scrapinghub --as-mediakit

On a shared machine CPU time can drift by a third between runs of the same code; the count of machine
instructions does not. Each measure runs a child under ``valgrind --tool=cachegrind --cache-sim=no`` twice
(``PYTHONHASHSEED=0``): once with one warm pass over the inputs, once with two; the difference divided by the
number of inputs is the count for one warm pass. ``analyse`` extracts the texts of ``DIR/text/*.txt`` first
(outside the count); ``build`` and ``trafilatura`` read ``DIR/html/*.html.gz``. Instructions are not time
(Python code and lxml's C code run at different rates per instruction), so compare like with like. Needs
``valgrind`` on the PATH; a run takes a few minutes. Prints figures; never fails on them.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _child(what: str, path: Path, passes: int, as_mediakit: bool) -> None:
    """The measured work: one warm-up, then ``passes`` passes over the inputs."""
    sys.path.insert(0, str(ROOT))
    if what == "analyse":
        from mediakit import analyse, extract

        articles = [extract(f.read_bytes(), kind="text", id=f.stem) for f in sorted((path / "text").glob("*.txt"))]
        for a in articles:  # warm: lexicons, patterns, caches of the first pass
            analyse(a)
        for _ in range(passes):
            for a in articles:
                analyse(a)
    elif what == "build":
        from mediakit import analyse, extract
        from mediakit.corpus import build_corpus

        analyse(extract(html="<html><body><article><p>" + "Warm-up text, the lexicon said. " * 3 + "</p></article></body></html>"))
        for _ in range(passes + 1):  # the first build is the warm one
            with tempfile.TemporaryDirectory() as tmp:
                build_corpus([str(path / "html")], tmp, quiet=True, workers=1)
    else:
        import gzip

        import trafilatura

        options = {"favor_precision": True, "include_comments": False} if as_mediakit else {}
        texts = [gzip.decompress(p.read_bytes()).decode("utf-8", "replace") for p in sorted((path / "html").glob("*.html.gz"))]
        for t in texts:
            trafilatura.extract(t, **options)
        for _ in range(passes):
            for t in texts:
                trafilatura.extract(t, **options)


def _count(args: list[str]) -> int:
    env = dict(os.environ, PYTHONHASHSEED="0")
    cmd = ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
           sys.executable, str(Path(__file__).resolve()), "--child", *args]
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT)
    m = re.search(r"I\s+refs:\s+([\d,]+)", out.stderr)
    if out.returncode or m is None:
        raise SystemExit(f"valgrind run failed:\n{out.stderr[-2000:]}")
    return int(m.group(1).replace(",", ""))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("what", choices=["analyse", "build", "trafilatura"])
    ap.add_argument("path", type=Path)
    ap.add_argument("--as-mediakit", action="store_true", help="trafilatura with mediakit's settings")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--passes", type=int, default=1, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        _child(args.what, args.path, args.passes, args.as_mediakit)
        return 0
    if shutil.which("valgrind") is None:
        print("valgrind is not installed (apt-get install valgrind)", file=sys.stderr)
        return 2
    n = len(list((args.path / ("text" if args.what == "analyse" else "html")).glob("*.txt" if args.what == "analyse" else "*.html.gz")))
    if not n:
        print(f"no inputs under {args.path}", file=sys.stderr)
        return 2
    base = [args.what, str(args.path.resolve())] + (["--as-mediakit"] if args.as_mediakit else [])
    one = _count(base + ["--passes", "0"])
    two = _count(base + ["--passes", "1"])
    unit = "article" if args.what == "analyse" else "page"
    label = {"analyse": "analyse", "build": "1-worker corpus build", "trafilatura": "trafilatura.extract"}[args.what]
    extra = " (mediakit's settings)" if args.as_mediakit else ""
    print(f"{label}{extra}: {(two - one) / n / 1e6:.2f} M machine instructions per {unit}, one warm pass over {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
