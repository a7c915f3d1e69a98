"""Scaling benchmark: how extract + analyse time and memory grow with the size of one input, per input shape.

Usage:
    python benchmarks/scaling.py [--shapes a,b] [--start 25000] [--max BYTES] [--cap SECONDS] [--fit-from N]

For each shape the input is built at doubling sizes (``--start``, 2x, 4x... up to the shape's maximum, or
``--max`` for every shape, the maximum itself being the last step) and run once through
``mediakit.extract`` (from text) and ``mediakit.analyse`` in a fresh subprocess, so that the peak resident
memory of that one run is measured (``ru_maxrss`` of the child, which includes the interpreter and the
libraries, about 25 MB, 45 MB with trafilatura). The child first warms up on a small input of the same
shape (imports, word lists, compiled patterns); times are its CPU seconds for extract and analyse (the input
is built before the clock starts). A shape stops at the first step that needs more than
``--cap`` CPU seconds (the child stops itself there and the step is reported "over cap"); a step that needs
more memory than ``--mem-mb`` reports MemoryError.

The exponent is a least-squares fit of log(seconds) on log(size) over the steps from ``--fit-from``
characters on, or over the steps of 0.1 s or more when a shape stopped before (1 = linear, 2 = quadratic). Inputs are built from the bundled teaching corpus
(``data/corpus/text``), deterministically. A benchmark prints figures; it never fails on time.

Shapes:
  line-words        one line of corpus words, punctuation stripped (no sentence end anywhere)
  line-names        one line of capitalised title, name and organisation words (a tag list or headline
                    pasted without punctuation: "Minister Lena Ortiz Harbour Board ..."), ending on
                    "Board" (the slow case: with a bare name after the last title the run is settled at once)
  article           a long normal article: the corpus texts repeated, paragraphs as they are
  zero-width        that article with one zero-width space in the middle of a word
  html              an HTML page: the corpus paragraphs as <p> elements of one <article>
  pasted            a pasted page: a menu block, the corpus paragraphs with a boilerplate line (ad, share,
                    newsletter, video time...) after every third one, a footer
  short-paragraphs  many short paragraphs: the corpus sentences, one a paragraph
  quote-storm       mixed quotation marks among words, speech verbs and names
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data" / "corpus" / "text"

SHAPES = {
    "line-words": 1_000_000,
    "line-names": 1_000_000,
    "article": 19_000_000,
    "zero-width": 19_000_000,
    "html": 4_000_000,
    "pasted": 4_000_000,
    "short-paragraphs": 4_000_000,
    "quote-storm": 2_000_000,
}

# page furniture a paste leaves inside an article
_BOILERPLATE = ["Advertisement", "Share", "Share on Facebook", "01:41", "Sign up for our newsletter",
                "Photo: AFP", "Listen to this article", "Read more: Ferry fares to rise",
                "We use cookies to improve your experience. By continuing you accept our cookies."]
# invented; a title word, a first name and a surname the actor finder knows, organisation heads
_NAME_WORDS = ["Minister", "Lena", "Ortiz", "Harbour", "Board", "Council", "Ferry", "Mirren", "Valley"]
_QUOTES = ['"', "\u201c", "\u201d", "\u2018", "\u2019", "'", "\u00ab", "\u00bb", "\u201e"]


def _texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]


def _paragraphs() -> list[str]:
    return [p.strip() for t in _texts() for p in t.split("\n\n") if p.strip()]


def _words() -> list[str]:
    words = [re.sub(r"[^\w'\u2019-]", "", w) for t in _texts() for w in t.split()]
    return [w for w in words if w]


def _fill(pieces: list[str], size: int, sep: str) -> str:
    """Cycle through ``pieces`` joined by ``sep`` while the text stays within ``size`` characters (whole
    pieces only: a cut word would change what the rules see at the end)."""
    out, n, i = [], 0, 0
    while True:
        p = pieces[i % len(pieces)]
        if n + len(p) > size and out:
            return sep.join(out)
        out.append(p)
        n += len(p) + len(sep)
        i += 1


def build(shape: str, size: int) -> str:
    """The input of ``shape`` with about ``size`` characters (deterministic)."""
    rng = random.Random(f"scaling/{shape}")
    if shape == "line-words":
        return _fill(_words(), size, " ")
    if shape == "line-names":  # ends on an organisation word: the run is then never settled from its end
        return _fill([rng.choice(_NAME_WORDS) for _ in range(5000)], size - 6, " ") + " Board"
    if shape in ("article", "zero-width"):
        text = _fill(_texts(), size, "\n\n")
        if shape == "zero-width":
            mid = text.index(" ", size // 2) + 2  # inside the word after the middle
            text = text[:mid] + "\u200b" + text[mid:]
        return text
    if shape == "html":
        paras = _paragraphs()
        body, n, i = [], 0, 0
        while n < size:
            p = f"<p>{paras[i % len(paras)]}</p>\n"
            body.append(p)
            n += len(p)
            i += 1
        return ("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Valley news</title></head>"
                "<body><article><h1>Valley news</h1>" + "".join(body) + "</article></body></html>")
    if shape == "pasted":  # a menu block, the article with a furniture line after every third paragraph, a footer
        paras = _paragraphs()
        lines = ["Skip to content", "Menu", "* Home", "* World", "  + Politics", "  + Business", "* Sport",
                 "Search", "Valley news"]
        n, i = sum(len(x) + 2 for x in lines), 0
        while n < size:
            lines.append(paras[i % len(paras)])
            n += len(lines[-1]) + 2
            if i % 3 == 2:
                lines.append(rng.choice(_BOILERPLATE))
                n += len(lines[-1]) + 2
            i += 1
        footer = ["Related Articles", "* Ferry fares to rise", "* Dam plan paused", "52 comments",
                  "\u00a9 2026 The Valley Courier. All rights reserved."]
        return "\n\n".join(lines + footer)
    if shape == "short-paragraphs":  # one sentence a paragraph, as tabloids write
        sentences = [s.strip() for p in _paragraphs() for s in re.split(r"(?<=[.!?])\s+(?=[A-Z\u201c])", p)]
        return _fill([s for s in sentences if 0 < len(s) <= 140], size, "\n\n")
    if shape == "quote-storm":
        words = _words()
        cues = ["said", "says", "told reporters", "added", "according to"]
        names = ["Lena Ortiz", "the minister", "Dr Ivo Hollin", "a spokesperson"]
        pieces = []
        for _ in range(20000):
            r = rng.random()
            pieces.append(rng.choice(_QUOTES) if r < 0.4 else rng.choice(cues) if r < 0.5 else
                          rng.choice(names) if r < 0.6 else rng.choice(words))
        return _fill(pieces, size, " ")
    raise ValueError(f"unknown shape {shape!r}")


class _OverCap(Exception):
    pass


def _over_cap(signum: int, frame: object) -> None:
    raise _OverCap


def run_one(shape: str, size: int, cap: float) -> dict[str, object]:
    """In the child: build the input, then time extract and analyse (CPU seconds), stopping at ``cap``."""
    import mediakit

    mediakit.analyse(mediakit.extract(build(shape, 3000)))  # warm up: imports, word lists, compiled patterns
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    text = build(shape, size)
    signal.signal(signal.SIGPROF, _over_cap)
    signal.setitimer(signal.ITIMER_PROF, cap)  # CPU time, like the figures
    t0 = time.process_time()
    try:
        art = mediakit.extract(text)
        t1 = time.process_time()
        an = mediakit.analyse(art)
        t2 = time.process_time()
    except _OverCap:
        return {"chars": len(text), "status": "over cap"}
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
    return {"status": "ok", "chars": len(text), "extract_s": t1 - t0, "analyse_s": t2 - t1,
            "paragraphs": len(art.paragraphs), "quotes": len(an.quotes), "actors": len(an.actors), "warm_mb": before,
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def measure(shape: str, size: int, cap: float, mem_mb: int) -> dict[str, object]:
    """Run one step in a fresh subprocess; returns its figures, or ``status`` "over cap" / the error."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", shape, str(size), "--mem-mb", str(mem_mb),
           "--cap", str(cap)]
    t0 = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    status = "ok"
    try:
        out, err = proc.communicate(timeout=2 * cap + 60)  # the child stops itself at cap CPU seconds
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
        status = "over cap"
    wall = time.monotonic() - t0
    rec: dict[str, object] = {"shape": shape, "size": size, "wall_s": wall, "status": status}
    if status == "ok":
        lines = out.decode().strip().splitlines()
        if proc.returncode != 0 or not lines:
            tail = err.decode(errors="replace").strip().splitlines()[-1:] or ["?"]
            rec["status"] = f"failed: {tail[0][:120]}"
        else:
            rec.update(json.loads(lines[-1]))
            if rec["status"] != "ok":
                return rec
            rec["seconds"] = float(rec["extract_s"]) + float(rec["analyse_s"])  # type: ignore[arg-type]
    return rec


def sizes_for(start: int, maximum: int) -> list[int]:
    out, n = [], start
    while n < maximum:
        out.append(n)
        n *= 2
    out.append(maximum)
    return out


def fit_exponent(points: list[tuple[int, float]], fit_from: int) -> float | None:
    """Slope of log(seconds) on log(size), least squares, over the points at or above ``fit_from``
    characters (when fewer than two are, over the points of at least 0.1 s)."""
    pts = [(math.log(s), math.log(t)) for s, t in points if s >= fit_from and t > 0]
    if len(pts) < 2:
        pts = [(math.log(s), math.log(t)) for s, t in points if t >= 0.1]
    if len(pts) < 2:
        return None
    mx = sum(x for x, _ in pts) / len(pts)
    my = sum(y for _, y in pts) / len(pts)
    sxx = sum((x - mx) ** 2 for x, _ in pts)
    return sum((x - mx) * (y - my) for x, y in pts) / sxx if sxx else None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shapes", default=",".join(SHAPES), help="comma-separated shapes (default: all)")
    ap.add_argument("--start", type=int, default=25_000, help="first size in characters (default 25,000)")
    ap.add_argument("--max", type=int, default=None, help="largest size for every shape (default: per shape)")
    ap.add_argument("--cap", type=float, default=60.0, help="stop a shape at the first step over this many CPU seconds (default 60)")
    ap.add_argument("--fit-from", type=int, default=100_000, help="fit the exponent from this size on")
    ap.add_argument("--mem-mb", type=int, default=6000, help="address-space limit of each step (MB)")
    ap.add_argument("--json", type=Path, help="also write every step as JSON lines here")
    ap.add_argument("--child", nargs=2, metavar=("SHAPE", "SIZE"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    from mediakit import _native

    print(f"mediakit build: {_native.BUILD}")  # (compiled or pure Python: see the README)
    if args.child:
        if args.mem_mb:
            limit = args.mem_mb * 1024 * 1024
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        print(json.dumps(run_one(args.child[0], int(args.child[1]), args.cap)))
        return 0
    shapes = [s.strip() for s in args.shapes.split(",") if s.strip()]
    unknown = set(shapes) - set(SHAPES)
    if unknown:
        ap.error(f"unknown shapes: {', '.join(sorted(unknown))}")
    print("CPU seconds of one extract + analyse; peak MB = the step's whole process (after a warm-up on a small "
          "input of the same shape, about 25 MB for text and 45 MB with trafilatura loaded)")
    print("| shape | chars | extract s | analyse s | total s | peak MB | paragraphs | quotes |")
    print("|---|---|---|---|---|---|---|---|")
    log = args.json.open("w") if args.json else None
    summary = []
    for shape in shapes:
        points: list[tuple[int, float]] = []
        over = None
        for size in sizes_for(args.start, args.max or SHAPES[shape]):
            rec = measure(shape, size, args.cap, args.mem_mb)
            if log:
                log.write(json.dumps(rec) + "\n")
                log.flush()
            if rec["status"] != "ok":
                print(f"| {shape} | {size:,} | | | {rec['status']} (> {args.cap:g} s) | | | |", flush=True)
                over = size
                break
            points.append((int(rec["chars"]), float(rec["seconds"])))  # type: ignore[arg-type]
            late = float(rec["seconds"]) > args.cap  # type: ignore[arg-type]
            print(f"| {shape} | {rec['chars']:,} | {rec['extract_s']:.2f} | {rec['analyse_s']:.2f} | "
                  f"{rec['seconds']:.2f}{' (over cap)' if late else ''} | {rec['peak_mb']:.0f} | "
                  f"{rec['paragraphs']} | {rec['quotes']} |", flush=True)
            if late:
                over = size
                break
        k = fit_exponent(points, args.fit_from)
        summary.append((shape, k, points[-1] if points else None, over))
    print()
    print(f"| shape | exponent (fit from {args.fit_from:,} chars) | largest run | stopped at |")
    print("|---|---|---|---|")
    for shape, k, last, over in summary:
        last_s = f"{last[0]:,} chars in {last[1]:.1f} s" if last else "-"
        print(f"| {shape} | {f'{k:.2f}' if k is not None else '-'} | {last_s} | "
              f"{f'{over:,} (over cap)' if over else '-'} |")
    if log:
        log.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
