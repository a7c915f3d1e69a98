"""Web archives (WARC and WARC.gz): one unit per HTML response record.

Records are read with warcio. Each unit's id is the record's ``WARC-Record-ID`` (the uuid), its source
``path#record-id`` and its URL the ``WARC-Target-URI``. A truncated or corrupt archive gives the records read
so far and one failed unit saying where reading stopped.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError
from ..inputs import decode_bytes
from .units import Unit

SUFFIXES = (".warc", ".warc.gz")
MAX_RECORD = 20_000_000


def read_warc(path: Path, columns: dict[str, str] | None = None) -> Iterator[Unit]:
    """One unit per HTML response record of the archive at ``path``."""
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError:
        yield Unit(id=path.name, source=str(path), kind="warc",
                   error="reading WARC files needs warcio: pip install warcio")
        return
    n = 0
    try:
        with open(path, "rb") as fh:
            for record in ArchiveIterator(fh):
                if record.rec_type != "response":
                    continue
                ctype = (record.http_headers.get_header("Content-Type") if record.http_headers else "") or ""
                if "html" not in ctype.lower():
                    continue
                n += 1
                rid = (record.rec_headers.get_header("WARC-Record-ID") or f"record-{n}").strip("<>")
                rid = rid.removeprefix("urn:uuid:")
                url = record.rec_headers.get_header("WARC-Target-URI")
                where = f"{path}#{rid}"
                data = record.content_stream().read(MAX_RECORD + 1)
                if len(data) > MAX_RECORD:
                    yield Unit(id=rid, source=where, kind="warc", url=url,
                               error=f"record over the {MAX_RECORD // 1_000_000} MB limit for one article")
                    continue
                try:
                    html, _ = decode_bytes(data, origin=where)
                except InputError as exc:
                    yield Unit(id=rid, source=where, kind="warc", url=url, error=str(exc))
                    continue
                yield Unit(id=rid, source=where, kind="warc", url=url, html=html, meta={"url": url} if url else {})
    except Exception as exc:  # warcio raises assorted errors on damaged archives
        yield _damaged(path, n, f"{type(exc).__name__}: {exc}")
        return
    if path.name.lower().endswith(".gz"):
        problem = _gzip_problem(path)
        if problem:
            yield _damaged(path, n, problem)


def _damaged(path: Path, n: int, why: str) -> Unit:
    return Unit(id=f"{path.name}#after-{n}", source=f"{path}#after-record-{n}", kind="warc",
                error=f"the archive is damaged or truncated after {n} HTML records ({why}): records past that "
                      "point are missing")


def _gzip_problem(path: Path) -> str | None:
    """Why a gzip file does not read to its end (warcio stops quietly at a cut member), or None."""
    import gzip
    import zlib

    try:
        with gzip.open(path, "rb") as fh:
            while fh.read(1 << 20):
                pass
    except (EOFError, OSError, zlib.error) as exc:
        return f"{type(exc).__name__}: {exc}"
    return None
