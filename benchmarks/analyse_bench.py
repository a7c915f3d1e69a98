"""The analysis stage end to end: texts -> clean articles -> actors and attributed quotes, timed.

Usage::

    python benchmarks/analyse_bench.py GOLD_DIR OUT.jsonl [--repeat N]

Reads ``GOLD_DIR/text/*.txt`` (PolNeAR layout, or mediakit's teaching corpus ``data/corpus``), runs
``mediakit.extract`` (the text cleaner) and ``mediakit.analyse`` (actors, quotes, speaker linking) exactly as
``mediakit quotes`` does, and writes the quote rows (one JSON line each, offsets into the file's text) for
``../shared/tools/score_quotes.py GOLD_DIR OUT.jsonl``. Prints articles per second on one core (CPU time,
best of ``--repeat`` passes) for the analysis stage alone (``analyse`` on extracted articles) and for the
whole pipeline. A benchmark prints figures; it never fails on time.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from mediakit import _native, analyse, extract


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold_dir", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    print(f"mediakit build: {_native.BUILD}")  # (compiled or pure Python: see the README)
    files = sorted((args.gold_dir / "text").glob("*.txt"))
    if not files:
        print(f"no text/*.txt under {args.gold_dir}", file=sys.stderr)
        return 2
    raw = [(f, f.read_bytes()) for f in files]
    analyse(extract("Warm-up, the lexicon said."))  # load lexicons and gazetteers outside the timing
    best_extract = best_analyse = float("inf")
    for _ in range(max(1, args.repeat)):
        t0 = time.process_time()
        articles = [extract(data, kind="text", id=f.stem) for f, data in raw]
        t1 = time.process_time()
        analyses = [analyse(a) for a in articles]
        t2 = time.process_time()
        best_extract, best_analyse = min(best_extract, t1 - t0), min(best_analyse, t2 - t1)
    n = len(files)
    with args.out.open("w", encoding="utf-8") as fh:
        for (f, _), an in zip(raw, analyses, strict=True):
            for row in an.quote_rows(str(f)):
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    quotes = sum(len(an.quotes) for an in analyses)
    actors = sum(len(an.actors) for an in analyses)
    print(f"{n} articles, {actors} actors, {quotes} quotes written to {args.out}")
    print(f"analysis stage (actors + quotes + linking): {n / best_analyse:.0f} articles/second on one core")
    print(f"whole pipeline (clean + analyse): {n / (best_extract + best_analyse):.0f} articles/second on one core")
    return 0


if __name__ == "__main__":
    sys.exit(main())
