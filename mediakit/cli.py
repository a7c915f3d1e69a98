"""The ``mediakit`` command line: ``extract``, ``analyse``, ``quotes`` and ``actors`` over many inputs.

Every input ends up as one record: analysed (``status: ok``) or listed as failed with a reason. One bad
input never stops the others; the exit code is 1 when any input failed, 2 for a usage error.
"""

from __future__ import annotations

import argparse
import csv
import glob
import io
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

from .errors import MediakitError
from .inputs import file_id, is_url
from .model import Article, failed_record

INPUT_SUFFIXES = (".txt", ".text", ".html", ".htm", ".xhtml", ".html.gz", ".htm.gz", ".gz")

_EPILOG = """\
examples:
  mediakit extract data/examples/harbour_pasted.txt --format text
  mediakit extract articles/ --format jsonl > clean.jsonl       (every .txt/.html/.html.gz in the folder)
  mediakit extract 'pages/*.html' https://example.org/story --format json
  mediakit quotes articles/ --format csv > quotes.csv
  mediakit analyse story.txt --format json

Inputs are files, folders (searched recursively for .txt, .html, .htm, .html.gz), glob patterns
(quote them) and http(s) URLs. Each input gives one record; failed inputs are listed with a reason
and make the exit code 1.
"""


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``mediakit`` command."""
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return 2
    try:
        out = open(args.output, "w", encoding="utf-8", newline="") if args.output else sys.stdout
    except OSError as exc:
        print(f"mediakit: error: cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    try:
        return args.func(args, out)
    except MediakitError as exc:  # a problem with a setting (e.g. the codebook), not with one input
        print(f"mediakit: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # e.g. piped into head
        return 0
    finally:
        if args.output:
            out.close()


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="mediakit",
        description="mediakit: clean news articles and find who appears and who speaks in them.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=_EPILOG,
    )
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    def add(name: str, help: str, formats: list[str], default: str, func: Any) -> argparse.ArgumentParser:
        sp = sub.add_parser(name, help=help, description=help, epilog=_EPILOG,
                            formatter_class=argparse.RawDescriptionHelpFormatter)
        sp.add_argument("paths", nargs="+", metavar="PATH", help="files, folders, glob patterns or URLs")
        sp.add_argument("--format", choices=formats, default=default, help=f"output format (default: {default})")
        sp.add_argument("--kind", choices=["auto", "html", "text"], default="auto",
                        help="treat every input as HTML or as plain text (default: detect)")
        sp.add_argument("-o", "--output", help="write to this file instead of standard output")
        sp.add_argument("--timeout", type=float, default=20, help="seconds to wait for a URL (default: 20)")
        sp.add_argument("--allow-private-urls", action="store_true",
                        help="allow URLs on private or loopback addresses (e.g. a local test server)")
        sp.add_argument("--quiet", action="store_true", help="do not list failed inputs on standard error")
        sp.set_defaults(func=func)
        return sp

    add("extract", "Clean articles: title, metadata, body paragraphs and what was removed and why.",
        ["jsonl", "json", "text"], "jsonl", _cmd_extract)
    for name, help, func in (
        ("analyse", "Extract, then find actors and quotes: one full record per article.", _cmd_analyse),
        ("quotes", "One row per quote: text, kind, cue, speaker and the rule that attributed it.", _cmd_quotes),
        ("actors", "One row per actor: name, type, role, aliases and number of mentions.", _cmd_actors),
    ):
        sp = add(name, help, ["jsonl", "json", "csv"] if name != "analyse" else ["json", "jsonl"],
                 "jsonl" if name != "analyse" else "json", func)
        sp.add_argument("--codebook", help="YAML or CSV codebook mapping actors to categories")
        sp.add_argument("--no-capitals", action="store_true",
                        help="do not map capital cities ('Beijing said') to their governments")
    sub.add_parser("help", help="show this help").set_defaults(func=lambda a, o: (p.print_help(o), 0)[1])
    return p


# --- inputs -----------------------------------------------------------------------------------------

def expand_inputs(paths: Iterable[str]) -> Iterator[str]:
    """Files, folders (recursive), glob patterns and URLs -> individual inputs, in a stable order.

    A pattern or path that matches nothing is still yielded, so that it is reported as failed.
    """
    for p in paths:
        if is_url(p):
            yield p
            continue
        path = Path(p)
        if path.is_dir():
            found = sorted(
                f for f in path.rglob("*")
                if f.is_file() and f.name.lower().endswith(INPUT_SUFFIXES) and not f.name.startswith(".")
            )
            yield from (str(f) for f in found)
        elif path.exists():
            yield p
        elif glob.has_magic(p):
            matches = sorted(m for m in glob.glob(p, recursive=True) if Path(m).is_file())
            yield from matches if matches else [p]
        else:
            yield p


def _id(item: str) -> str:
    return item if is_url(item) else file_id(Path(item))


def _articles(args: argparse.Namespace) -> Iterator[tuple[str, Article | None, str | None]]:
    from .extract import extract

    for item in expand_inputs(args.paths):
        if not is_url(item) and not Path(item).exists():
            yield item, None, f"no such file: {item}"
            continue
        try:
            art = extract(item, kind=args.kind, timeout=args.timeout, allow_private=args.allow_private_urls)
            yield item, art, None
        except MediakitError as exc:  # cli_message: the same, naming command-line flags (e.g. private URLs)
            yield item, None, getattr(exc, "cli_message", None) or str(exc)
        except Exception as exc:  # never a traceback for one bad input; say what failed
            yield item, None, f"unexpected {type(exc).__name__}: {exc} (please report this input)"


def _fail(args: argparse.Namespace, item: str, error: str) -> dict[str, Any]:
    if not args.quiet:
        print(f"mediakit: failed: {item}: {error}", file=sys.stderr)
    return failed_record(_id(item), item, error)


# --- commands ---------------------------------------------------------------------------------------

def _write_records(args: argparse.Namespace, out: TextIO, results: Iterable[tuple[str, Any, str | None]]) -> int:
    """Write one record per input (``to_record()`` of each result, or a failed record) in ``args.format``."""
    failed = 0
    records: list[dict[str, Any]] = []
    for item, result, error in results:
        if result is None:
            failed += 1
            rec = _fail(args, item, error or "failed")
        else:
            rec = result.to_record()
        if args.format == "jsonl":
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        elif args.format == "text":
            out.write(_as_text(rec) + "\n")
        else:
            records.append(rec)
    if args.format == "json":
        json.dump(records, out, ensure_ascii=False, indent=2)
        out.write("\n")
    return 1 if failed else 0


def _cmd_extract(args: argparse.Namespace, out: TextIO) -> int:
    return _write_records(args, out, _articles(args))


def _analyses(args: argparse.Namespace) -> Iterator[tuple[str, Any, str | None]]:
    from .analysis import analyse

    codebook = None
    if getattr(args, "codebook", None):
        from .codebook import Codebook

        codebook = Codebook.load(args.codebook)
    for item, art, error in _articles(args):
        if art is None:
            yield item, None, error
            continue
        try:
            yield item, analyse(art, codebook=codebook, capitals_as_governments=not args.no_capitals), None
        except MediakitError as exc:
            yield item, None, str(exc)
        except Exception as exc:
            yield item, None, f"unexpected {type(exc).__name__} in analysis: {exc} (please report this input)"


def _cmd_analyse(args: argparse.Namespace, out: TextIO) -> int:
    return _write_records(args, out, _analyses(args))


def _rows_command(args: argparse.Namespace, out: TextIO, which: str) -> int:
    failed = 0
    rows: list[dict[str, Any]] = []
    failures: list[dict[str, Any]] = []
    for item, an, error in _analyses(args):
        if an is None:
            failed += 1
            failures.append(_fail(args, item, error or "failed"))
            continue
        new = an.quote_rows(item) if which == "quotes" else an.actor_rows(item)
        if args.format == "jsonl":
            for r in new:
                out.write(json.dumps(r, ensure_ascii=False) + "\n")
        else:
            rows.extend(new)
    if args.format == "json":
        json.dump({which: rows, "failed": failures}, out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif args.format == "csv":
        _write_csv(rows, out)
    return 1 if failed else 0


def _cmd_quotes(args: argparse.Namespace, out: TextIO) -> int:
    return _rows_command(args, out, "quotes")


def _cmd_actors(args: argparse.Namespace, out: TextIO) -> int:
    return _rows_command(args, out, "actors")


def _write_csv(rows: list[dict[str, Any]], out: TextIO) -> None:
    if not rows:
        return
    fields = list(rows[0])
    w = csv.DictWriter(out, fieldnames=fields, extrasaction="ignore")
    w.writeheader()
    for r in rows:
        w.writerow({k: ("; ".join(map(str, v)) if isinstance(v, list) else v) for k, v in r.items()})


def _as_text(rec: dict[str, Any]) -> str:
    buf = io.StringIO()
    w = buf.write
    w(f"== {rec['id']} ({rec['source']})\n")
    if rec.get("status") != "ok":
        w(f"FAILED: {rec.get('error')}\n")
        return buf.getvalue()
    for key in ("title", "byline", "date", "outlet", "section", "url", "language"):
        if rec.get(key):
            w(f"{key:>10}: {rec[key]}\n")
    for s in rec.get("standfirst") or []:
        w(f"{'standfirst':>10}: {s}\n")
    for c in rec.get("captions") or []:
        w(f"{'caption':>10}: {c['text']}" + (f" [credit: {c['credit']}]" if c.get("credit") else "") + "\n")
    for f in rec.get("flags") or []:
        w(f"{'flag':>10}: {f}\n")
    w("\n" + (rec.get("text") or "") + "\n\n")
    removed = rec.get("removed") or []
    w(f"-- removed ({len(removed)}):\n")
    for r in removed:
        snippet = " ".join(r["text"].split())
        snippet = snippet if len(snippet) <= 70 else snippet[:67] + "..."
        w(f"  [{r.get('label', '')}] {snippet!r}: {r.get('reason', '')}\n")
    return buf.getvalue()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
