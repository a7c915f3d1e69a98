"""Datasets as tables: the bundled teaching corpus and local PolNeAR-layout benchmark folders.

:func:`load_corpus` opens the invented teaching corpus in ``data/corpus`` (five outlets covering one
controversy, with a gold key of every attribution); :func:`polnear` opens a PolNeAR-layout folder you already
have on disk (``text/*.txt`` and ``attributions/*_<annotator>.ann``). Both return a :class:`Corpus`: a
``metadata`` table with one row per article, the clean ``text`` of each, and its ``gold`` attributions as
character offsets into that text. Nothing is ever downloaded. Typical use in a notebook::

    corpus = load_corpus()
    corpus.metadata.group_by("outlet").len()              # articles per outlet
    corpus.gold().group_by("outlet", "kind").len()         # direct, indirect and mixed quotes per outlet
    corpus.actors().filter(pl.col("attributions") > 0)     # who speaks, and how often
"""

from __future__ import annotations

import difflib
import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import polars as pl

from .errors import MediakitError

__all__ = ["Corpus", "load_corpus", "polnear", "read_brat"]

METADATA_SCHEMA = {
    "id": pl.Utf8, "outlet": pl.Utf8, "date": pl.Date, "title": pl.Utf8, "section": pl.Utf8, "byline": pl.Utf8,
    "url": pl.Utf8, "words": pl.Int64, "n_attributions": pl.Int64, "text_path": pl.Utf8, "raw_path": pl.Utf8,
    "raw_shape": pl.Utf8,
}
GOLD_SCHEMA = {
    "id": pl.Utf8, "outlet": pl.Utf8, "attribution": pl.Utf8, "kind": pl.Utf8, "speaker": pl.Utf8,
    "source": pl.Utf8, "source_start": pl.Int64, "source_end": pl.Int64,
    "cue": pl.Utf8, "cue_start": pl.Int64, "cue_end": pl.Int64,
    "content": pl.Utf8, "content_start": pl.Int64, "content_end": pl.Int64,
    "content_ranges": pl.List(pl.List(pl.Int64)),
}
ACTOR_SCHEMA = {
    "id": pl.Utf8, "outlet": pl.Utf8, "name": pl.Utf8, "type": pl.Utf8, "category": pl.Utf8,
    "roles": pl.List(pl.Utf8), "aliases": pl.List(pl.Utf8), "attributions": pl.Int64,
}


def default_corpus_path() -> Path:
    """Where the bundled corpus lives: ``data/corpus`` beside the ``mediakit`` package (a source checkout)."""
    return Path(__file__).resolve().parent.parent / "data" / "corpus"


class Corpus:
    """A folder of articles with metadata and gold attributions.

    ``root`` is the folder, ``metadata`` a polars DataFrame with one row per article (columns ``id``,
    ``outlet``, ``date``, ``title``, ``section``, ``byline``, ``url``, ``words``, ``n_attributions``,
    ``text_path``, ``raw_path``, ``raw_shape``; a column the folder does not record is null).
    """

    def __init__(self, root: Path, metadata: pl.DataFrame, records: dict[str, dict[str, Any]], name: str) -> None:
        self.root = root
        self.metadata = metadata
        self.name = name
        self._records = records

    def __repr__(self) -> str:
        outlets = self.metadata["outlet"].n_unique() if len(self.metadata) else 0
        return f"<{self.name}: {len(self.metadata)} articles, {outlets} outlets, {self.root}>"

    def __len__(self) -> int:
        return len(self.metadata)

    @property
    def ids(self) -> list[str]:
        """Article ids in metadata order (by date, then id)."""
        return self.metadata["id"].to_list()

    def _record(self, id: str) -> dict[str, Any]:
        try:
            return self._records[id]
        except KeyError:
            close = difflib.get_close_matches(str(id), self._records, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else "; see .ids for the article ids"
            raise MediakitError(f"no article {id!r} in {self.root}{hint}") from None

    def text(self, id: str) -> str:
        """The article's clean text (title, blank line, paragraphs): all gold offsets point into it."""
        return Path(self._record(id)["text_path"]).read_text(encoding="utf-8")

    def gold(self, id: str | None = None) -> pl.DataFrame:
        """Gold attributions of one article (or of all when ``id`` is None), one row per attribution.

        Offsets are character offsets into :meth:`text`: ``source``/``cue``/``content`` with their
        ``_start``/``_end``; ``content_ranges`` lists the pieces of a quote interrupted by its cue (the
        content text joins them with a space). ``kind`` (direct, indirect, mixed) and ``speaker`` (the
        canonical actor) are null where the data does not record them.
        """
        ids = self.ids if id is None else [id]
        rows = [row for i in ids for row in self._gold_rows(i)]
        return pl.DataFrame(rows, schema=GOLD_SCHEMA)

    def _gold_rows(self, id: str) -> list[dict[str, Any]]:
        rec = self._record(id)
        out = []
        for att in rec["attributions"]:
            row: dict[str, Any] = {"id": id, "outlet": rec["outlet"], "attribution": att["id"],
                                   "kind": att.get("kind"), "speaker": att.get("speaker")}
            for part in ("source", "cue", "content"):
                span = att.get(part)
                row[part] = span["text"] if span else None
                row[f"{part}_start"] = span["start"] if span else None
                row[f"{part}_end"] = span["end"] if span else None
            row["content_ranges"] = att["content"]["ranges"]
            out.append(row)
        return out

    def actors(self, id: str | None = None) -> pl.DataFrame:
        """Actors of one article (or of all when ``id`` is None) from the gold key, with how often each speaks."""
        ids = self.ids if id is None else [id]
        rows = []
        for i in ids:
            rec = self._record(i)
            if "actors" not in rec:
                raise MediakitError(f"{self.name} has no actor annotations (only the teaching corpus has them)")
            speaks: dict[str, int] = {}
            for att in rec["attributions"]:
                if att.get("speaker"):
                    speaks[att["speaker"]] = speaks.get(att["speaker"], 0) + 1
            for a in rec["actors"]:
                rows.append({"id": i, "outlet": rec["outlet"], "name": a["name"], "type": a["type"],
                             "category": a["category"], "roles": a["roles"], "aliases": a["aliases"],
                             "attributions": speaks.get(a["name"], 0)})
        return pl.DataFrame(rows, schema=ACTOR_SCHEMA)

    def raw_paths(self) -> dict[str, Path]:
        """``{id: path}`` of each article's raw shape (saved page or pasted text); {} if none.

        An article that is one row of a table (the wire's CSV export) gets ``<table>#<row>``, which
        :func:`mediakit.extract` reads as that row alone; such a path is not a file (``is_file()`` is
        False). So ``{i: mediakit.extract(p) for i, p in corpus.raw_paths().items()}`` gives each article
        once. The row is found by the article's ``id`` or ``url`` in the table.
        """
        from .importers import importer_for

        out: dict[str, Path] = {}
        tables: dict[str, dict[str, int]] = {}
        for r in self.metadata.iter_rows(named=True):
            raw = r["raw_path"]
            if not raw:
                continue
            if importer_for(raw) is None:
                out[r["id"]] = Path(raw)
                continue
            if raw not in tables:
                tables[raw] = _table_rows(raw)
            row = tables[raw].get(r["id"]) or tables[raw].get(r["url"] or "")
            if row is None:
                raise MediakitError(f"{raw}: no row with id {r['id']!r} or url {r['url']!r} for that article")
            out[r["id"]] = Path(f"{raw}#{row}")
        return out


def _table_rows(path: str) -> dict[str, int]:
    """``{id or url: row}`` of a table's readable rows."""
    from .importers import read_units

    found: dict[str, int] = {}
    for unit in read_units(path):
        if unit.error is None:
            for key in (unit.id, unit.metadata.get("url")):
                if key:
                    found.setdefault(key, unit.row)
    return found


def load_corpus(path: str | Path | None = None) -> Corpus:
    """Open the mediakit teaching corpus (invented articles with gold attributions).

    ``path`` is the corpus folder (the one holding ``meta/``, ``text/`` and ``attributions/``); by default
    ``data/corpus`` of the mediakit source checkout this package was imported from. The corpus is not inside
    the installed package, so with a regular (non-editable) install pass ``path``.

    >>> corpus = load_corpus()
    >>> corpus.text("courier-2026-03-02-dam-plan-unveiled").splitlines()[0]
    'Minister unveils 3.1bn-crown plan to dam the Tavan'
    >>> row = corpus.gold("courier-2026-03-02-dam-plan-unveiled").row(2, named=True)
    >>> row["source"], row["cue"], row["kind"], row["speaker"]
    ('she', 'said', 'direct', 'Teodora Vasko')
    """
    if path is None:
        root = default_corpus_path()
        if not root.is_dir():
            raise MediakitError(
                f"the teaching corpus was not found at {root}: it lives in data/corpus of a mediakit source "
                "checkout and is not installed with the package. Clone the repository (or install it with "
                "`pip install -e .`), or pass the folder: load_corpus(path='path/to/data/corpus')."
            )
    else:
        root = Path(path).expanduser()
    if not root.is_dir():
        raise MediakitError(f"load_corpus(path=...): {root} is not a folder")
    metas = sorted((root / "meta").glob("*.json")) if (root / "meta").is_dir() else []
    if not metas:
        hint = ("the YAML sources are there but the corpus is not built: run `python data/corpus/build.py`"
                if (root / "articles").is_dir() else "expected meta/<id>.json sidecars (see data/corpus/README.md)")
        raise MediakitError(f"load_corpus(path=...): {root} holds no corpus: {hint}")
    records, rows = {}, []
    for m in metas:
        rec = json.loads(m.read_text(encoding="utf-8"))
        rec["text_path"] = str(root / rec["text_path"])
        rec["raw_path"] = str(root / rec["raw_path"]) if rec.get("raw_path") else None
        records[rec["id"]] = rec
        rows.append({k: rec.get(k) for k in METADATA_SCHEMA} | {
            "date": date.fromisoformat(rec["date"]), "n_attributions": len(rec["attributions"])})
    meta = pl.DataFrame(rows, schema=METADATA_SCHEMA).sort("date", "id")
    return Corpus(root, meta, records, "mediakit teaching corpus")


# --------------------------------------------------------------------------------------------------
# PolNeAR layout
# --------------------------------------------------------------------------------------------------


def read_brat(path: str | Path, text: str | None = None) -> list[dict[str, Any]]:
    """Attributions of one brat ``.ann`` file (PolNeAR layout), in the file's order.

    Each is ``{"id", "source", "cue", "content"}``, a part being ``{"text", "start", "end", "ranges"}`` or
    None; ``text`` (the article) fills part texts from the offsets, else the .ann texts are used. An event
    without a Content argument is skipped, as the PolNeAR scorer does; a discontinuous part's ``start``/``end``
    are its lowest and highest offsets.
    """
    spans: dict[str, tuple[list[tuple[int, int]], str]] = {}
    events: list[tuple[str, dict[str, str]]] = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2 or not parts[0]:
            continue
        if parts[0].startswith("T"):
            head = parts[1].split(" ", 1)
            if len(head) == 2:
                ranges = [(int(a), int(b)) for a, b in (p.split() for p in head[1].split(";"))]
                spans[parts[0]] = (ranges, parts[2] if len(parts) > 2 else "")
        elif parts[0].startswith("E"):
            args = dict(x.split(":", 1) for x in parts[1].split() if ":" in x)
            events.append((parts[0], args))
    out = []
    for eid, args in events:
        if args.get("Content") not in spans:
            continue
        rec: dict[str, Any] = {"id": eid}
        for role in ("Source", "Cue", "Content"):
            span = spans.get(args.get(role, ""))
            if span is None:
                rec[role.lower()] = None
                continue
            ranges, ann_text = span
            piece_text = " ".join(text[a:b] for a, b in ranges) if text is not None else ann_text
            rec[role.lower()] = {"text": piece_text, "start": min(a for a, _ in ranges), "end": max(b for _, b in ranges),
                                 "ranges": [list(r) for r in ranges]}
        out.append(rec)
    return out


class _BratCorpus(Corpus):
    """A PolNeAR-layout folder: gold is read from the .ann files when asked for."""

    def _gold_rows(self, id: str) -> list[dict[str, Any]]:
        rec = self._record(id)
        if rec["attributions"] is None:
            rec["attributions"] = read_brat(rec["ann_path"], self.text(id)) if rec["ann_path"] else []
        return super()._gold_rows(id)


_FILE_NAME = re.compile(r"^(?P<outlet>[^_]+)_(?P<date>\d{4}-\d{2}-\d{2})_")


def polnear(path: str | Path) -> Corpus:
    """Open a local PolNeAR-layout folder: ``text/<name>.txt`` and ``attributions/<name>_<annotator>.ann``.

    ``path`` is one split (e.g. ``.../polnear/dev``); ``metadata.tsv`` is read from the split folder or its
    parent when present (publisher, date, author, title), else outlet and date come from the file names.
    The first annotation file in sorted order is used for an article with several annotators, as the
    PolNeAR scorer does. Nothing is downloaded: get the data yourself and pass its folder.
    """
    if isinstance(path, str) and re.match(r"^[a-z]+://", path):
        raise MediakitError(f"polnear() reads a local folder only, not a URL ({path}); download the data yourself")
    root = Path(path).expanduser()
    if not (root / "text").is_dir():
        splits = sorted(p.name for p in root.iterdir() if (p / "text").is_dir()) if root.is_dir() else []
        hint = f"; give one split, e.g. polnear('{root / splits[0]}')" if splits else ""
        raise MediakitError(f"polnear(path=...): {root} has no text/ folder of articles{hint}")
    tsv = next((p for p in (root / "metadata.tsv", root.parent / "metadata.tsv") if p.is_file()), None)
    info: dict[str, dict[str, str]] = {}
    if tsv is not None:
        lines = tsv.read_text(encoding="utf-8").splitlines()
        header = lines[0].split("\t") if lines else []
        for line in lines[1:]:
            row = dict(zip(header, line.split("\t"), strict=False))
            if row.get("filename"):
                info[row["filename"]] = row
    records, rows = {}, []
    for txt in sorted((root / "text").glob("*.txt")):
        stem = txt.stem
        anns = sorted((root / "attributions").glob(f"{stem}_*.ann"))
        text = txt.read_text(encoding="utf-8")
        row_info = info.get(stem, {})
        m = _FILE_NAME.match(stem)
        day = row_info.get("publication_date") or (m["date"] if m else "")
        try:
            when = date.fromisoformat(day[:10]) if day else None
        except ValueError:
            when = None
        n_att = sum(1 for line in anns[0].read_text(encoding="utf-8").splitlines()
                    if line.startswith("E") and "Content:" in line) if anns else 0
        outlet = row_info.get("publisher") or (m["outlet"] if m else None)
        records[stem] = {"id": stem, "outlet": outlet, "text_path": str(txt),
                         "ann_path": str(anns[0]) if anns else None, "attributions": None}
        rows.append({"id": stem, "outlet": outlet, "date": when, "title": row_info.get("title"),
                     "section": None, "byline": row_info.get("author"), "url": None, "words": len(text.split()),
                     "n_attributions": n_att, "text_path": str(txt), "raw_path": None, "raw_shape": None})
    if not rows:
        raise MediakitError(f"polnear(path=...): {root / 'text'} holds no .txt articles")
    meta = pl.DataFrame(rows, schema=METADATA_SCHEMA).sort("date", "id", nulls_last=True)
    return _BratCorpus(root, meta, records, "PolNeAR folder")


def _code_digest() -> str:
    """A digest of mediakit's own code and word lists: a cached corpus built by other rules is not reused."""
    import hashlib

    pkg = Path(__file__).resolve().parent
    h = hashlib.sha1()
    for p in sorted(pkg.rglob("*")):
        if p.is_file() and p.suffix in (".py", ".tsv", ".txt", ".yaml"):
            h.update(p.relative_to(pkg).as_posix().encode())
            h.update(p.read_bytes())
    return h.hexdigest()[:12]


def teaching_corpus(path: str | Path | None = None, *, codebook: str | Path | None = None,
                    cache: str | Path | None = None, workers: int | None = None, quiet: bool = True) -> Any:
    """The teaching corpus built from its raw shapes (saved pages, pasted text, the wire CSV) and opened.

    It is built once and cached (under ``cache``, default ``$MEDIAKIT_CACHE`` or ``~/.cache/mediakit``), keyed
    by the raw files, mediakit's own rules and the ``codebook`` file (which gives the actors their
    ``category``), so a later call opens it at once. Outlet, date and title come from the corpus's own
    metadata where a raw page does not say them (pasted pages). Returns a :class:`mediakit.corpus.Corpus`;
    the wire articles' ids are their rows (``ens-wire.csv#3``).
    """
    import hashlib
    import os
    import tempfile

    from .corpus import build_corpus, open_corpus

    gold = load_corpus(path)
    raw = gold.root / "raw"
    if not raw.is_dir():
        raise MediakitError(f"{raw}: the teaching corpus's raw shapes are missing")
    h = hashlib.sha1()
    for p in sorted(raw.rglob("*")):
        if p.is_file():
            h.update(p.relative_to(raw).as_posix().encode())
            h.update(p.read_bytes())
    if codebook is not None:
        book = Path(codebook).expanduser()
        if not book.is_file():
            raise MediakitError(f"teaching_corpus(codebook=...): {book} is not a file")
        h.update(b"codebook\0" + book.read_bytes())
    key = f"teaching-{h.hexdigest()[:12]}-{_code_digest()}"
    base = Path(cache or os.environ.get("MEDIAKIT_CACHE") or Path.home() / ".cache" / "mediakit").expanduser()
    out = base / key
    if not (out / "manifest.json").exists() or any(run.get("finished") is None
                                                   for run in json.loads((out / "manifest.json").read_text())["runs"]):
        base.mkdir(parents=True, exist_ok=True)
        rows = []
        for doc, raw_path in gold.raw_paths().items():
            side = json.loads((gold.root / "meta" / f"{doc}.json").read_text(encoding="utf-8"))
            rows.append({"id": _build_id(str(raw_path)), "outlet": side.get("outlet_name") or side.get("outlet"),
                         "date": side.get("date"), "title": side.get("title")})
        meta = pl.DataFrame(rows, schema={"id": pl.Utf8, "outlet": pl.Utf8, "date": pl.Utf8, "title": pl.Utf8})
        with tempfile.TemporaryDirectory() as tmp:
            meta_file = Path(tmp) / "metadata.csv"
            meta.write_csv(meta_file)
            build_corpus([raw], out, metadata=meta_file, workers=workers, quiet=quiet, codebook=codebook)
    return open_corpus(out)


def _build_id(raw_path: str | None) -> str | None:
    """The id a corpus build gives the article at ``raw_path`` (a file's stem, or ``file.csv#row``)."""
    if not raw_path:
        return None
    from .inputs import file_id

    p = Path(raw_path)
    return p.name if "#" in p.name else file_id(p)
