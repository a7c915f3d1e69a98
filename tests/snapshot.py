"""The output snapshot: quotes, actors and analysis records for every bundled text, as JSONL plus a digest.

Refactors must leave the digest unchanged; a commit that changes outputs on purpose regenerates the
snapshot (``python tests/snapshot.py --update``) and says which rows changed and why.
``python tests/snapshot.py --diff`` lists the rows that differ from the stored file.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
STORE = ROOT / "tests" / "snapshots" / "outputs.jsonl"
DIGEST = ROOT / "tests" / "snapshots" / "outputs.sha256"
SOURCES = ("data/corpus/text", "data/examples", "tests/fixtures")


def inputs() -> list[Path]:
    """Every file of the snapshot, in a fixed order."""
    files: list[Path] = []
    for folder in SOURCES:
        files += sorted(p for p in (ROOT / folder).rglob("*") if p.is_file() and p.suffix in (".txt", ".html"))
    return files


def rows() -> list[dict[str, Any]]:
    from mediakit.actors import find_actors
    from mediakit.analysis import analyse, analysis_spans
    from mediakit.extract import extract
    from mediakit.quotes import find_quotes

    out = []
    for path in inputs():
        rel = path.relative_to(ROOT).as_posix()
        art = extract(path)
        spans = analysis_spans(art)
        source = art.source
        quotes = [q.to_dict(source) for q in find_quotes(source, spans)]
        actors = [a.to_dict() for a in find_actors(source, spans)]
        record = analyse(art).to_record()
        record["source"] = rel
        out.append({"file": rel, "what": "find_quotes", "rows": quotes})
        out.append({"file": rel, "what": "find_actors", "rows": actors})
        out.append({"file": rel, "what": "analyse", "rows": [record]})
    return out


def dump(lines: list[dict[str, Any]]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in lines)


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def diff(old: str, new: str, limit: int = 40) -> list[str]:
    """Human-readable differences, one line per changed row (file, what, row index)."""
    olds = {(r["file"], r["what"]): r["rows"] for r in map(json.loads, old.splitlines())}
    news = {(r["file"], r["what"]): r["rows"] for r in map(json.loads, new.splitlines())}
    out = []
    for key in sorted(set(olds) | set(news)):
        a, b = olds.get(key, []), news.get(key, [])
        for i in range(max(len(a), len(b))):
            ra = a[i] if i < len(a) else None
            rb = b[i] if i < len(b) else None
            if ra != rb:
                if isinstance(ra, dict) and isinstance(rb, dict):
                    keys = sorted(k for k in set(ra) | set(rb) if ra.get(k) != rb.get(k))
                    what = ", ".join(f"{k}: {ra.get(k)!r:.60} -> {rb.get(k)!r:.60}" for k in keys)
                else:
                    what = f"{ra!r:.80} -> {rb!r:.80}"
                out.append(f"{key[0]} {key[1]} row {i}: {what}")
    return out[:limit] + ([f"... and {len(out) - limit} more"] if len(out) > limit else [])


def main(argv: list[str]) -> int:
    text = dump(rows())
    if "--update" in argv:
        STORE.write_text(text, encoding="utf-8")
        DIGEST.write_text(digest(text) + "\n", encoding="utf-8")
        print(f"snapshot updated: {digest(text)}")
        return 0
    old = STORE.read_text(encoding="utf-8")
    for line in diff(old, text, limit=10_000 if "--all" in argv else 40):
        print(line)
    print("unchanged" if old == text else "changed")
    return 0 if old == text else 1


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main(sys.argv[1:]))
