"""Run :func:`mediakit.quotes.find_quotes` over a folder of texts and time it.

Usage::

    python benchmarks/quotes_bench.py GOLD_DIR OUT.jsonl

Reads ``GOLD_DIR/text/*.txt`` (paragraphs: :func:`mediakit.segment.split_paragraphs` of the whole file,
title line included) and writes one JSON line per :class:`~mediakit.quotes.Quote`: ``doc``, ``start``,
``end``, ``text``, ``speaker_start``, ``speaker_end``, ``kind``, ``cue``, ``rule``, ``rule_id``. Prints articles per
second on one core (CPU time of a first pass with the lexicon already loaded, then of a second pass once
Python has warmed up); it never fails on time. Score the output with
``../shared/tools/score_quotes.py GOLD_DIR OUT.jsonl``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mediakit.quotes import find_quotes  # noqa: E402
from mediakit.segment import split_paragraphs  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold_dir", type=Path)
    ap.add_argument("out", type=Path)
    args = ap.parse_args(argv)
    files = sorted((args.gold_dir / "text").glob("*.txt"))
    texts = [(f.stem, f.read_text(encoding="utf-8")) for f in files]
    lines: list[str] = []
    find_quotes("Warm-up, the lexicon said.")  # load the lexicon outside the timing
    t0 = time.process_time()
    results = [(stem, text, find_quotes(text, split_paragraphs(text))) for stem, text in texts]
    cold = time.process_time() - t0
    t0 = time.process_time()
    for _, text in texts:
        find_quotes(text, split_paragraphs(text))
    warm = time.process_time() - t0
    for stem, text, quotes in results:
        for q in quotes:
            lines.append(json.dumps({
                "doc": stem, "start": q.start, "end": q.end, "text": q.text(text),
                "speaker_start": q.speaker_start, "speaker_end": q.speaker_end,
                "kind": q.kind, "cue": q.cue, "rule": q.rule, "rule_id": q.rule_id,
            }, ensure_ascii=False))
    args.out.write_text("\n".join(lines) + ("\n" if lines else ""), encoding="utf-8")
    print(f"{len(texts)} articles, {len(lines)} quotes written to {args.out}")
    for label, seconds in (("first pass", cold), ("second pass", warm)):
        rate = len(texts) / seconds if seconds > 0 else float("inf")
        print(f"{label}: {seconds:.2f} s CPU, {rate:.0f} articles/second on one core")
    return 0


if __name__ == "__main__":
    sys.exit(main())
