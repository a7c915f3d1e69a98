"""Extraction benchmark: run mediakit over a folder of pages or texts, write {id, text} JSONL, report speed.

Usage:
    python benchmarks/extract_bench.py DIR OUT.jsonl [--kind auto|html|text] [--trafilatura] [--repeat N]

DIR holds .html, .html.gz or .txt files (e.g. ../shared/data/scrapinghub/html or .../scraped). OUT.jsonl
is what ../shared/tools/score_extraction.py scores. Speed counts documents per second on one core (CPU time of this process),
from the files' bytes in memory to a clean Article (decoding included, disk reads excluded); the best of
``--repeat`` passes is reported. ``--trafilatura`` also times trafilatura.extract() (default settings) on
the same pages, interleaved page by page with mediakit so that machine noise hits both alike. A benchmark prints figures; it never fails on time.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path

from mediakit import MediakitError
from mediakit.extract import extract
from mediakit.inputs import file_id


def load(folder: Path) -> list[tuple[str, bytes]]:
    files = sorted(f for f in folder.iterdir() if f.is_file() and f.name.endswith((".html", ".htm", ".gz", ".txt")))
    out = []
    for f in files:
        data = f.read_bytes()
        if data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)
        out.append((file_id(f), data))
    return out


def run(docs: list[tuple[str, bytes]], kind: str) -> tuple[list[dict], float, int]:
    rows, failed = [], 0
    t0 = time.process_time()
    for doc_id, data in docs:
        try:
            text = extract(data, kind=kind).body
        except MediakitError as exc:
            failed += 1
            text = ""
            print(f"failed: {doc_id}: {exc}", file=sys.stderr)
        rows.append({"id": doc_id, "text": text})
    return rows, time.process_time() - t0, failed


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--kind", default="auto", choices=["auto", "html", "text"])
    ap.add_argument("--trafilatura", action="store_true", help="also time trafilatura.extract on the same pages")
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args(argv)
    docs = load(args.folder)
    if not docs:
        print(f"no .html/.html.gz/.txt files in {args.folder}", file=sys.stderr)
        return 2
    best = float("inf")
    for _ in range(max(1, args.repeat)):
        rows, secs, failed = run(docs, args.kind)
        best = min(best, secs)
    args.out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(f"mediakit ({args.kind}): {len(docs)} documents, {failed} failed, {len(docs) / best:.1f} documents/second")
    if args.trafilatura:
        import trafilatura

        # Interleaved, page by page, so that a noisy machine slows both sides alike.
        texts = [data.decode("utf-8", errors="replace") for _, data in docs]
        mk_best = tr_best = float("inf")
        for _ in range(max(1, args.repeat)):
            mk = tr = 0.0
            for (_, data), html in zip(docs, texts, strict=True):
                t0 = time.process_time()
                try:
                    extract(data, kind=args.kind)
                except MediakitError:
                    pass
                t1 = time.process_time()
                trafilatura.extract(html)
                tr += time.process_time() - t1
                mk += t1 - t0
            mk_best, tr_best = min(mk_best, mk), min(tr_best, tr)
        print(f"interleaved with trafilatura.extract (default settings) on the same pages: mediakit "
              f"{len(docs) / mk_best:.1f}, trafilatura {len(docs) / tr_best:.1f} documents/second; "
              f"mediakit at {tr_best / mk_best:.0%} of trafilatura's speed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
