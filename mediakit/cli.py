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
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from . import __version__
from .errors import MediakitError
from .importers import importer_for, read_units, split_row_ref
from .importers import suffixes as table_suffixes
from .inputs import file_id, is_url
from .model import Article, failed_record
from .records import ACTORS, QUOTES, Table

INPUT_SUFFIXES = (".txt", ".text", ".html", ".htm", ".xhtml", ".html.gz", ".htm.gz", ".gz") + table_suffixes()
SUPPORTED_ENDINGS = (".txt", ".html", ".htm", ".html.gz", ".text", ".xhtml") + table_suffixes()

_EPILOG = """\
examples:
  mediakit extract data/examples/ferry_pasted.txt --format text
  mediakit extract data/corpus/raw/html --format jsonl > clean.jsonl   # every article in the folder
  mediakit extract 'data/examples/*.html' data/examples/ferry_clean.txt --format json
  mediakit quotes data/corpus/raw/pasted --format csv > quotes.csv
  mediakit quotes data/corpus/raw/ens-wire.csv --format csv            # a CSV export: one article per row
  mediakit actors data/corpus/raw/ens-wire.csv#3 --format csv          # one row of it
  mediakit analyse data/examples/ferry_page.html --format json

Inputs are files, folders (searched recursively for .txt, .html, .htm, .html.gz and tables), glob
patterns (quote them) and http(s) URLs. A table (.csv, .tsv, .jsonl, .parquet export with a text, body,
content or html column) gives one record per row, with ids like export.csv#3 (or its id column) and
the row's title, date, outlet, url and author; FILE.csv#3 reads row 3 alone. Every other input gives
one record. Failed inputs and rows are listed with a reason and make the exit code 1.
"""


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``mediakit`` command."""
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return 2
    output = getattr(args, "output", None)
    if hasattr(sys.stdout, "reconfigure"):  # a stray undecodable character never stops the output
        sys.stdout.reconfigure(errors="backslashreplace")
    try:
        out = (open(output, "w", encoding="utf-8", newline="", errors="backslashreplace") if output
               else sys.stdout)
    except OSError as exc:
        print(f"mediakit: error: cannot write {output}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    try:
        return args.func(args, out)
    except MediakitError as exc:  # a problem with a setting (e.g. the codebook), not with one input
        print(f"mediakit: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # e.g. piped into head
        return 0
    finally:
        if output:
            out.close()


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="mediakit",
        description="mediakit: clean news articles and find who appears and who speaks in them.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=_EPILOG,
    )
    p.add_argument("--version", action="version", version=f"mediakit {__version__}")
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
        if name != "analyse":
            sp.add_argument("--inputs", metavar="FILE", help="also write every input (doc, source, status, error, "
                            "rows) to this CSV; with --format csv -o NAME.csv it goes to NAME.inputs.csv")
        sp.add_argument("--no-capitals", action="store_true",
                        help="do not map capital cities ('Beijing said') to their governments")
    _add_corpus(sub)
    _add_walk(sub)
    _add_report(sub)
    sub.add_parser("help", help="show this help").set_defaults(func=lambda a, o: (p.print_help(o), 0)[1])
    return p


_CORPUS_EPILOG = """\
examples:
  mediakit corpus build data/corpus/raw --out teaching.corpus
  mediakit corpus build stories.csv pages/ urls.txt feed.xml crawl.warc.gz --out my.corpus --workers 2
  mediakit corpus build export.csv --columns text=body,date=published --out my.corpus
  mediakit corpus build train/text dev/text --metadata metadata.tsv --out polnear.corpus
  mediakit corpus status teaching.corpus

Sources mix freely: files, folders and globs of .txt/.html/.html.gz; tabular exports (.csv, .tsv, .jsonl,
.parquet: one article per row; Media Cloud's column names work as they are); URL lists (.urls, or a .txt of
one URL per line); RSS/Atom feeds and sitemaps (.rss, .atom, .xml); web archives (.warc, .warc.gz).
Interrupt a build at any time and run the same command again: it finishes the rest. Adding sources to an
existing folder processes only the new articles. The tables are Parquet files under DIR/parts/; open them
with mediakit.open_corpus(DIR).
"""


def _add_corpus(sub: Any) -> None:
    cp = sub.add_parser("corpus", help="build a corpus of many articles into Parquet tables, or show its status",
                        description="Build a corpus of many articles into Parquet tables, or show its status.",
                        epilog=_CORPUS_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    csub = cp.add_subparsers(dest="corpus_command", metavar="ACTION", required=True)
    b = csub.add_parser("build", help="analyse sources into a corpus folder (resumable, incremental)",
                        epilog=_CORPUS_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    b.add_argument("sources", nargs="+", metavar="SOURCE", help="files, folders, globs, exports, URL lists, "
                   "feeds, WARC files or URLs")
    b.add_argument("--out", required=True, metavar="DIR", help="the corpus folder (created or added to)")
    b.add_argument("--workers", type=int, default=None, help="worker processes (default: the machine's cores)")
    b.add_argument("--engine", choices=["local", "dask"], default="local",
                   help="local processes (default) or dask.distributed")
    b.add_argument("--scheduler", metavar="ADDRESS", help="with --engine dask: an existing scheduler "
                   "(tcp://host:8786); default: a LocalCluster")
    b.add_argument("--codebook", help="YAML or CSV codebook mapping actors to categories")
    b.add_argument("--metadata", metavar="FILE", help="CSV/TSV/JSONL with an id column (outlet, date, title...) "
                   "joined on article id")
    b.add_argument("--columns", metavar="MAP", help="export columns by role: text=body,date=published")
    b.add_argument("--budget", type=float, default=60, help="seconds allowed per article (default: 60)")
    b.add_argument("--timeout", type=float, default=20, help="seconds allowed per URL fetch (default: 20)")
    b.add_argument("--allow-private-urls", action="store_true",
                   help="allow URLs on private or loopback addresses (e.g. a local test server)")
    b.add_argument("--quiet", action="store_true", help="no progress and no summary")
    b.set_defaults(func=_cmd_corpus_build)
    st = csub.add_parser("status", help="counts by status, outlet and date; the failures with reasons")
    st.add_argument("dir", metavar="DIR")
    st.set_defaults(func=_cmd_corpus_status)


_REPORT_EPILOG = """\
examples:
  mediakit report data/corpus/raw/html --out tavan-report --codebook data/codebooks/example.yaml
  mediakit report teaching.corpus --out tavan-report --title "Tavan dam coverage"
  mediakit report data/examples/ferry_page.html --out ferry-report

SOURCE is an article file, a folder of articles or exports (built first into DIR/corpus, with a progress
bar; run again to add what is new), or a corpus folder made by 'mediakit corpus build'. DIR/report.html is
one self-contained page (no network needed): a summary, every chart, the tables behind them and views of
the first articles. DIR/charts/ holds each chart as PNG and SVG, DIR/tables/ each table as CSV.
"""


def _add_report(sub: Any) -> None:
    r = sub.add_parser("report", help="a self-contained HTML report of an article, a folder or a corpus, "
                       "with every chart as PNG and SVG and every table as CSV",
                       description="Write a self-contained HTML report (DIR/report.html) with charts (DIR/charts/) "
                       "and tables (DIR/tables/).", epilog=_REPORT_EPILOG,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    r.add_argument("source", metavar="SOURCE", help="an article file, a folder of articles or exports, or a corpus "
                   "folder")
    r.add_argument("-o", "--out", required=True, metavar="DIR", help="the report folder (created)")
    r.add_argument("--title", help="the report's title")
    r.add_argument("--codebook", help="YAML or CSV codebook mapping actors to categories")
    r.add_argument("--articles", type=int, default=3, metavar="N",
                   help="show the first N articles in full (default: 3; 0 for none)")
    r.add_argument("--workers", type=int, default=None, help="worker processes when building (default: the cores)")
    r.add_argument("--quiet", action="store_true", help="no progress and no summary")
    r.set_defaults(func=_cmd_report)


def _cmd_report(args: argparse.Namespace, out: TextIO) -> int:
    from .report import build_report

    result = build_report(args.source, args.out, title=args.title, codebook=args.codebook, quiet=args.quiet,
                          articles=args.articles, workers=args.workers)
    if not args.quiet:
        for key, why in result.skipped:
            print(f"mediakit: chart {key} not drawn: {why}", file=sys.stderr)
        print(f"mediakit: {result.summary()}", file=sys.stderr)
    return 1 if result.failed else 0


def _column_map(text: str | None) -> dict[str, str] | None:
    if not text:
        return None
    out = {}
    for part in text.split(","):
        role, sep, col = part.partition("=")
        if not sep or not role.strip() or not col.strip():
            raise MediakitError(f"--columns wants role=column pairs separated by commas, not {part!r}")
        out[role.strip()] = col.strip()
    return out


def _cmd_corpus_build(args: argparse.Namespace, out: TextIO) -> int:
    from .corpus import build_corpus

    result = build_corpus(
        args.sources, args.out, workers=args.workers, engine=args.engine, scheduler=args.scheduler,
        codebook=args.codebook, metadata=args.metadata, columns=_column_map(args.columns), budget=args.budget,
        timeout=args.timeout, allow_private=args.allow_private_urls, quiet=args.quiet,
    )
    if not args.quiet:
        for source, why in result.failures:
            print(f"mediakit: failed: {source}: {why}", file=sys.stderr)
        print(f"mediakit: {result.summary()}", file=sys.stderr)
    return 1 if result.failed else 0


def _cmd_corpus_status(args: argparse.Namespace, out: TextIO) -> int:
    from .corpus import open_corpus

    corpus = open_corpus(args.dir)
    out.write(corpus.status() + "\n")
    return 1 if corpus.failures() else 0


# --- inputs -----------------------------------------------------------------------------------------

def expand_inputs(paths: Iterable[str]) -> Iterator[str]:
    """Files, folders (recursive), glob patterns and URLs -> individual inputs, in a stable order.

    A path or pattern that gives no file (a missing file, a folder holding no supported file, a pattern
    that matches nothing) is still yielded as it was given, so that it is reported as failed with
    :func:`why_no_input`.
    """
    for p in paths:
        if is_url(p):
            yield p
            continue
        path = Path(p)
        if path.is_dir():
            found = sorted(f for f in path.rglob("*") if (f.is_symlink() or not f.is_dir()) and _supported(f))
            yield from (str(f) for f in found) if found else [p]
        elif path.exists():
            yield p
        elif glob.has_magic(p):
            matches = sorted(m for m in glob.glob(p, recursive=True) if Path(m).is_file())
            yield from matches if matches else [p]
        else:
            yield p


def _supported(f: Path) -> bool:
    return f.name.lower().endswith(INPUT_SUFFIXES) and not f.name.startswith(".")


def why_no_input(item: str) -> str | None:
    """Why ``item`` (as yielded by :func:`expand_inputs`) gives no file to read, or None if it is one."""
    if is_url(item) or split_row_ref(item) is not None:
        return None
    path = Path(item)
    if path.is_dir():
        counts = Counter(
            f.suffix.lower() or "(no ending)" for f in path.rglob("*") if f.is_file() and not f.name.startswith(".")
        )
        found = ", ".join(f"{n} {suffix}" for suffix, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
        return (f"no supported files ({', '.join(SUPPORTED_ENDINGS)}); "
                + (f"found {found}" if found else "the folder is empty"))
    if path.exists() or path.is_symlink():  # a dangling link is read, and fails with its own reason
        return None
    if glob.has_magic(item):
        return "no file matches this pattern"
    return f"no such file: {item}"


@dataclass(frozen=True)
class Item:
    """One input as the CLI lists it: ``label`` is the path, URL or ``path#row``; ``id`` the record's id."""

    label: str
    id: str


def shown(name: str) -> str:
    """A file name as text that any UTF-8 writer accepts: bytes that are not UTF-8 become ``\\xNN``."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _item(label: str) -> Item:
    return Item(shown(label), shown(label if is_url(label) else file_id(Path(label))))


def _articles(args: argparse.Namespace) -> Iterator[tuple[Item, Article | None, str | None]]:
    from .extract import extract

    for label in expand_inputs(args.paths):
        problem = why_no_input(label)
        if problem:
            yield _item(label), None, problem
        elif not is_url(label) and importer_for(label) is not None:
            yield from _rows_of(args, label)
        else:
            try:
                # a local file goes in as a Path: never guessed to be text (a name with a newline, a FIFO)
                source = label if is_url(label) else Path(label)
                art = extract(source, kind=args.kind, timeout=args.timeout, allow_private=args.allow_private_urls)
                art.origin = shown(art.origin)
                art.id = shown(art.id)
                yield _item(label), art, None
            except MediakitError as exc:  # cli_message: the same, naming command-line flags
                yield _item(label), None, getattr(exc, "cli_message", None) or str(exc)
            except Exception as exc:  # never a traceback for one bad input; say what failed
                yield _item(label), None, f"unexpected {type(exc).__name__}: {exc} (please report this input)"


def _rows_of(args: argparse.Namespace, label: str) -> Iterator[tuple[Item, Article | None, str | None]]:
    """One result per row of a table (a CSV export...): each row is an article."""
    from .extract import extract_raw

    try:
        for unit in read_units(label):
            item = Item(unit.origin, unit.id)
            if unit.error is not None:
                yield item, None, unit.error
                continue
            try:
                raw = unit.raw_input()
                if args.kind != "auto":
                    raw.kind = args.kind
                yield item, extract_raw(raw), None
            except MediakitError as exc:
                yield item, None, str(exc)
            except Exception as exc:
                yield item, None, f"unexpected {type(exc).__name__}: {exc} (please report this row)"
    except MediakitError as exc:  # the file as a whole (no text column, not decodable...)
        yield _item(label), None, str(exc)
    except Exception as exc:
        yield _item(label), None, f"unexpected {type(exc).__name__}: {exc} (please report this file)"


def _fail(args: argparse.Namespace, item: Item, error: str) -> dict[str, Any]:
    if not args.quiet:
        print(f"mediakit: failed: {item.label}: {error}", file=sys.stderr)
    return failed_record(item.id, item.label, error)


# --- commands ---------------------------------------------------------------------------------------

def _write_records(args: argparse.Namespace, out: TextIO, results: Iterable[tuple[Item, Any, str | None]]) -> int:
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


def _analyses(args: argparse.Namespace) -> Iterator[tuple[Item, Any, str | None]]:
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


def _inputs_path(args: argparse.Namespace) -> Path | None:
    """Where a CSV run lists every input: ``--inputs FILE``, else ``NAME.inputs.csv`` beside ``-o NAME.csv``."""
    if getattr(args, "inputs", None):
        return Path(args.inputs)
    if args.format == "csv" and args.output:
        out = Path(args.output)
        return out.with_name(out.stem + ".inputs.csv")
    return None


def _rows_command(args: argparse.Namespace, out: TextIO, which: str) -> int:
    failed = 0
    rows: list[dict[str, Any]] = []
    failures: list[dict[str, Any]] = []
    status: list[dict[str, Any]] = []
    for item, an, error in _analyses(args):
        if an is None:
            failed += 1
            failures.append(_fail(args, item, error or "failed"))
            status.append({"doc": item.id, "source": item.label, "status": "failed", "error": error, "rows": 0})
            continue
        new = an.quote_rows(item.label) if which == "quotes" else an.actor_rows(item.label)
        status.append({"doc": item.id, "source": item.label, "status": "ok", "error": None, "rows": len(new)})
        if args.format == "jsonl":
            for r in new:
                out.write(json.dumps(r, ensure_ascii=False) + "\n")
        else:
            rows.extend(new)
    if args.format == "json":
        json.dump({which: rows, "failed": failures}, out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif args.format == "csv":
        _write_csv(rows, out, QUOTES if which == "quotes" else ACTORS)
    inputs = _inputs_path(args)
    if inputs is not None:
        with open(inputs, "w", encoding="utf-8", newline="", errors="backslashreplace") as fh:
            w = csv.DictWriter(fh, fieldnames=["doc", "source", "status", "error", "rows"])
            w.writeheader()
            w.writerows(status)
    return 1 if failed else 0


def _cmd_quotes(args: argparse.Namespace, out: TextIO) -> int:
    return _rows_command(args, out, "quotes")


def _cmd_actors(args: argparse.Namespace, out: TextIO) -> int:
    return _rows_command(args, out, "actors")


def _write_csv(rows: list[dict[str, Any]], out: TextIO, table: Table) -> None:
    """Rows under the table's header (written even when there are no rows); lists joined with "; "."""
    w = csv.DictWriter(out, fieldnames=list(table.names), extrasaction="ignore")
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


def _add_walk(sub: Any) -> None:
    w = sub.add_parser("walk", help="run every notebook headless on the bundled data and keep each as an HTML page",
                       description="Run every notebook (notebooks/NN_*.ipynb) top to bottom in a fresh kernel on "
                       "the bundled invented data, and write each executed notebook as an HTML page (charts drawn "
                       "offline), the files each saved (the report of notebook 06 among them) and an index page.")
    w.add_argument("--out", default="reports", metavar="DIR", help="where the pages go (default: reports)")
    w.add_argument("--notebooks", metavar="DIR", help="the notebooks folder (default: notebooks/ of this checkout)")
    w.add_argument("--only", nargs="+", metavar="PREFIX", default=(), help="only notebooks whose name starts so (01 04)")
    w.set_defaults(func=_cmd_walk)


def _cmd_walk(args: argparse.Namespace, out: TextIO) -> int:
    from .walk import walk

    result = walk(args.out, notebooks=args.notebooks, only=args.only, echo=lambda line: print(line, file=out, flush=True))
    return 0 if result.ok else 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
