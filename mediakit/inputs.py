"""Reading raw inputs: files, bytes, URLs and plain strings, with encoding detection.

:func:`read_input` turns whatever a user hands over into a :class:`RawInput`: decoded text, whether it is
HTML or plain text, where it came from, and ``flags`` for anything that may have cost text (a guessed
encoding, a truncated gzip file): nothing is lost quietly. Problems become
:class:`~mediakit.errors.InputError` or :class:`~mediakit.errors.FetchError` with a message a newcomer can
act on, one message per cause. :func:`fetch_url` treats its ``timeout`` as a deadline for the whole fetch.
"""

from __future__ import annotations

import codecs
import re
import stat
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError

MAX_BYTES = 20 * 1024 * 1024
"""Default cap on one input's size (raw or decompressed); a news article is rarely over 2 MB."""

FETCH_TIMEOUT = 20
"""Default deadline in seconds for fetching a URL (the whole fetch: redirects, retries, a slow body)."""

_URL = re.compile(r"^https?://\S+$", re.I)
_HTML_SNIFF = re.compile(
    r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta\s|<div[\s>]|<p[\s>]|<article[\s>]|<title>", re.I
)


@dataclass
class RawInput:
    """A decoded input: ``text`` is HTML when ``kind == "html"``, else plain text."""

    text: str
    kind: str  # "html" | "text"
    origin: str
    id: str
    encoding: str = "utf-8"
    url: str | None = None
    metadata: dict[str, str] = field(default_factory=dict)
    """What the input's container says about it (a table row's title, date, outlet, url, author)."""
    flags: list[str] = field(default_factory=list)
    """Notes on reading that the article record should carry (a guessed encoding, a truncated gzip file...)."""


def is_url(value: object) -> bool:
    return isinstance(value, str) and bool(_URL.match(value.strip()))


def read_input(
    value: str | bytes | Path | None = None,
    *,
    text: str | None = None,
    html: str | None = None,
    kind: str = "auto",
    max_bytes: int = MAX_BYTES,
    timeout: float = FETCH_TIMEOUT,
    allow_private: bool = False,
) -> RawInput:
    """Read a path, URL, bytes or text into a :class:`RawInput`.

    A ``str`` is a URL when it looks like one and a file when a file of that name exists. A one-line
    string that looks like a path (a ``/`` or ``\\``, or an ending such as ``.txt``, ``.html`` or ``.csv``)
    but names no readable file raises :class:`InputError`, as does a folder; a string that is clearly
    text (several lines, a sentence, or HTML markup) is the article itself. ``text=`` and ``html=`` pass
    the content explicitly, with no guessing. ``kind`` forces ``"html"`` or ``"text"``; ``"auto"`` sniffs
    the content.

    A table of articles (``.csv``, ``.tsv``, ``.jsonl``, ``.parquet``; see :mod:`mediakit.importers`) is not
    one article and raises :class:`InputError`; ``"export.csv#3"`` reads its third row, with the row's
    title, date, outlet, url and author in ``metadata``.
    """
    if kind not in ("auto", "html", "text"):
        raise InputError(f"kind must be 'auto', 'html' or 'text', not {kind!r}")
    given = [name for name, v in (("source", value), ("text", text), ("html", html)) if v is not None]
    if len(given) != 1:
        raise InputError(
            "give exactly one of: a source (path, URL, bytes or str), text='...' or html='...'"
            + (f" (got {', '.join(given)})" if given else "")
        )
    if text is not None or html is not None:
        forced = "text" if text is not None else "html"
        content = text if text is not None else html
        if not isinstance(content, str):
            raise InputError(f"{forced}= takes a str, not a {type(content).__name__}")
        if kind not in ("auto", forced):
            raise InputError(f"{forced}=... is read as {forced}; kind={kind!r} contradicts it")
        _check_size(len(content), max_bytes, "<text>")
        _check_encodable(content)
        return RawInput(content, forced, "<text>", "<text>")
    if isinstance(value, (str, Path)) and not is_url(value):
        table_row = _table_row(value)
        if table_row is not None:
            return table_row
    if isinstance(value, str) and not is_url(value) and looks_like_path(value):
        value = Path(value)
    if isinstance(value, Path):
        path = value
        _check_not_table(path)
        data, notes = _read_file(path, max_bytes)
        decoded, enc, notes = _decode(data, str(path), notes)
        return RawInput(decoded, _kind(decoded, kind, path.name), str(path), file_id(path), enc, flags=notes)
    if is_url(value):
        url = str(value).strip()
        data, notes = fetch_with_notes(url, timeout, max_bytes, allow_private)
        decoded, enc, notes = _decode(data, url, notes)
        return RawInput(decoded, _kind(decoded, kind, ""), url, url, enc, url=url, flags=notes)
    if isinstance(value, (bytes, bytearray, memoryview)):
        data, notes = bytes(value), []
        if data[:2] == b"\x1f\x8b":
            data, notes = gunzip(data, max_bytes, "<bytes>")
        _check_size(len(data), max_bytes, "<bytes>")
        decoded, enc, notes = _decode(data, "<bytes>", notes)
        return RawInput(decoded, _kind(decoded, kind, ""), "<bytes>", "<bytes>", enc, flags=notes)
    if isinstance(value, str):
        _check_size(len(value), max_bytes, "<text>")
        _check_encodable(value)
        return RawInput(value, _kind(value, kind, ""), "<text>", "<text>")
    raise InputError(f"cannot read an article from a {type(value).__name__}; give a path, URL, bytes or str")


def file_id(path: Path) -> str:
    """The record id of a file: its name without .gz/.html/.htm/.txt endings."""
    name = path.name
    for ending in (".gz", ".html", ".htm", ".txt"):
        if name.lower().endswith(ending):
            name = name[: -len(ending)]
    return name


PATH_SUFFIXES = (
    ".txt", ".text", ".html", ".htm", ".xhtml", ".xml", ".gz", ".csv", ".tsv", ".jsonl", ".ndjson", ".json",
    ".parquet", ".warc", ".md",
)
"""Endings that make a one-line string a path (of a file that must then exist), not article text."""

_SENTENCE = re.compile(r"""[.!?;,:\u2026]["'\u201d\u2019)\]]*(\s|$)""")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]+://")  # a URL, or text starting with one: never a local path
_MARKUP = re.compile(r"<[a-zA-Z!/][^<>]*>")


def looks_like_path(value: str) -> bool:
    """Whether a string is meant as a path rather than as the article text.

    True for an existing file or folder named by a one-line string, and for a one-line string with a path
    separator or a file ending (see :data:`PATH_SUFFIXES`) that is not clearly text. Clearly text means
    several lines, HTML markup, or spaces with sentence punctuation.

    >>> looks_like_path("data/examples/missing.txt"), looks_like_path("The mayor said so.")
    (True, False)
    """
    stripped = value.strip()
    if not stripped or "\n" in stripped or len(value) > 4096 or _SCHEME.match(stripped):
        return False
    try:
        if Path(value).expanduser().exists():
            return True
    except (OSError, ValueError):
        return False
    if _MARKUP.search(stripped) or (" " in stripped and _SENTENCE.search(stripped)):
        return False
    return "/" in stripped or "\\" in stripped or stripped.lower().endswith(PATH_SUFFIXES)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _check_encodable(text: str) -> None:
    """Refuse a str holding lone surrogates (bytes a ``surrogateescape`` decoding could not read): no table,
    file or page could store it."""
    m = _SURROGATE.search(text)
    if m:
        raise InputError(
            f"<text>: holds an undecodable character at position {m.start()} (a lone surrogate, left by reading "
            "bytes with errors='surrogateescape'); pass the original bytes instead, and mediakit decodes them"
        )


def _check_size(n: int, max_bytes: int, origin: str) -> None:
    if n > max_bytes:
        raise InputError(
            f"{origin}: input is {megabytes(n)} MB, over the {megabytes(max_bytes)} MB limit for one article "
            "(raise max_bytes if this really is one article)"
        )


def megabytes(n: float) -> str:
    """Bytes as megabytes for messages: 100000 -> '0.1', 20 MiB -> '21', 1.5e9 -> '1500'."""
    mb = n / 1e6
    return f"{mb:.3g}" if mb < 100 else f"{mb:.0f}"


def _read_file(path: Path, max_bytes: int) -> tuple[bytes, list[str]]:
    _check_is_file(path)
    path = path.expanduser()
    try:
        st = path.stat()
    except OSError as exc:
        raise InputError(f"{path}: cannot read file ({exc.strerror or exc})") from None
    if not stat.S_ISREG(st.st_mode):  # a FIFO or a device would block or never end
        kind = "a FIFO (named pipe)" if stat.S_ISFIFO(st.st_mode) else "a device or socket"
        raise InputError(f"{path}: not a regular file ({kind}); save the article to a file first")
    size = st.st_size
    if path.suffix.lower() != ".gz":
        _check_size(size, max_bytes, str(path))
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read file ({exc.strerror or exc})") from None
    if data[:2] == b"\x1f\x8b":
        return gunzip(data, max_bytes, str(path))
    return data, []


def _table_row(value: str | Path) -> RawInput | None:
    """``"export.csv#3"``: row 3 of a table, as one input (None when ``value`` is no such reference)."""
    if "#" not in str(value) or "\n" in str(value):
        return None
    from .importers import read_unit, split_row_ref

    ref = split_row_ref(value)
    if ref is None:
        return None
    return read_unit(*ref).raw_input()


def _check_not_table(path: Path) -> None:
    """A file of many articles (a CSV export...) is not one article: say how to read it."""
    from .importers import importer_for, read_units

    if path.name.lower().endswith(".gz") and importer_for(path.name[:-3]) is not None:
        raise InputError(f"{path}: a compressed table; decompress it first (e.g. `gunzip -k {path}`), then read "
                         "its rows with mediakit.importers.read_units() or `mediakit extract`")
    if importer_for(path) is None or not path.expanduser().is_file():
        return
    count = ""
    try:
        if path.expanduser().stat().st_size <= 50_000_000:  # counting rows of a huge export is not worth it
            count = f" of {sum(1 for _ in read_units(path.expanduser()))} rows"
    except (InputError, OSError):
        pass
    raise InputError(
        f"{path}: a table{count}, not one article: it holds one article per row. Read every row with "
        f"mediakit.importers.read_units({str(path)!r}) or the command line (`mediakit extract {path}`); "
        f"read one row with mediakit.extract({str(path) + '#1'!r}) (rows count from 1)"
    )


def _check_is_file(path: Path) -> None:
    """Raise a clear :class:`InputError` when ``path`` is a folder or names no file."""
    full = path.expanduser()
    if full.is_symlink() and not full.exists():
        raise InputError(f"{path}: a symbolic link to a missing file ({full.readlink()})")
    if full.is_dir():
        try:
            endings = sorted({p.suffix.lower() for p in full.iterdir() if p.suffix.lower() in (".txt", ".html", ".htm")})
        except OSError:
            endings = []
        pattern = f"*{endings[0]}" if endings else "*.txt"
        raise InputError(
            f"{path}: is a folder, and extract() reads one article. For every file in it use the command "
            f"line (`mediakit extract {path}`), or loop in Python: "
            f"[mediakit.extract(p) for p in sorted(Path({str(path)!r}).glob({pattern!r}))]; "
            "for the bundled teaching corpus use mediakit.load_corpus()"
        )
    if full.exists():
        return
    hint = ""
    parent = full.parent
    try:
        if parent.is_dir():
            import difflib

            names = sorted(p.name for p in parent.iterdir())
            close = difflib.get_close_matches(full.name, names, n=1, cutoff=0.75)
            hint = f"; did you mean {str(path.parent / close[0])!r}" if close else ""
        else:
            hint = f"; the folder {str(path.parent)!r} does not exist either"
    except OSError:
        pass
    raise InputError(
        f"{path}: no such file (relative paths start from {Path.cwd()}){hint}. To analyse this string as "
        "the article text itself, pass text=... (e.g. mediakit.extract(text=...))"
    )


def gunzip(data: bytes, max_bytes: int, origin: str) -> tuple[bytes, list[str]]:
    """Decompress every member of a gzip stream, capped at ``max_bytes`` of output; return it with notes.

    A stream that stops short (a file cut off in a download) keeps what could be read and says so in a
    note; trailing bytes that are not another member are ignored with a note (NUL padding silently).
    """
    out = bytearray()
    notes: list[str] = []
    rest = data
    members = 0
    while rest:
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            out += d.decompress(rest, max_bytes + 1 - len(out))
        except zlib.error as exc:
            if not members:
                raise InputError(f"{origin}: not a readable gzip file ({exc})") from None
            notes.append(f"gzip: member {members + 1} could not be read ({exc}); text may be incomplete")
            break
        if not d.eof:  # all input used and no end marker: the stream stops short
            out += d.flush()
        if len(out) > max_bytes:
            raise InputError(
                f"{origin}: gzip content expands past the {megabytes(max_bytes)} MB limit for one article "
                "(a compression bomb, or raise max_bytes if this really is one article)"
            )
        if not d.eof:
            if not out:
                raise InputError(f"{origin}: truncated gzip file: nothing could be read from it")
            notes.append("truncated gzip: text may be incomplete")
            break
        members += 1
        rest = d.unused_data
        if rest[:2] != b"\x1f\x8b":
            if rest.strip(b"\x00"):
                notes.append(f"gzip: {len(rest)} bytes after the compressed data were ignored")
            break
    return bytes(out), notes


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_bytes(data: bytes, origin: str = "<bytes>") -> tuple[str, str]:
    """Decode bytes to text; return the text and the encoding used. Never crashes.

    In order: a byte-order mark; UTF-16/32 without one (told by where the NUL bytes fall); strict UTF-8;
    the charset the page declares; UTF-8 with a few stray bytes replaced; a guess by charset_normalizer;
    cp1252. Everything after strict UTF-8 is a fallback, and :func:`read_input` flags it on the record
    (``RawInput.flags``) naming the encoding used. Raises :class:`InputError` for empty or binary data.
    """
    text, enc, _ = _decode(data, origin, [])
    return text, enc


def _decode(data: bytes, origin: str, notes: list[str]) -> tuple[str, str, list[str]]:
    """:func:`decode_bytes`, plus ``notes`` with a flag for a fallback decoding appended."""
    text, enc, flag = _decode_with_flag(data, origin)
    return text, enc, ([*notes, flag] if flag else notes)


def _decode_with_flag(data: bytes, origin: str) -> tuple[str, str, str | None]:
    if not data or not data.strip():
        raise InputError(f"{origin}: input is empty")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc, None
            except UnicodeDecodeError:
                break
    sample = data[:65536]
    if b"\x00" in sample:
        wide = _wide_encoding(sample)
        if wide:
            try:
                text = data.decode(wide)
            except UnicodeDecodeError:
                text = ""
            if text and not _looks_binary(text[:32768].encode("utf-8")):
                flag = f"encoding: {wide.upper()} without a byte-order mark (detected from the pattern of NUL bytes)"
                return text, wide, flag
    if _looks_binary(sample):
        raise InputError(f"{origin}: input looks binary (not text or HTML); is it a PDF, image or archive?")
    try:
        return data.decode("utf-8"), "utf-8", None
    except UnicodeDecodeError:
        pass
    enc = _declared_charset(sample)
    if enc:
        try:
            return data.decode(enc), enc, f"encoding: not UTF-8; decoded as {enc}, the charset the page declares"
        except (UnicodeDecodeError, LookupError):
            pass
    # Mostly UTF-8 with a few stray bytes (mixed encodings): keep UTF-8, replace the strays.
    bad = _utf8_error_count(data)
    if bad * 200 < len(data):
        return (data.decode("utf-8", errors="replace"), "utf-8 (with replacements)",
                f"encoding: some bytes were not valid UTF-8 and were replaced ({bad} of {len(data)} bytes)")
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:200000]).best()
        if best is not None and best.encoding:
            return (data.decode(best.encoding, errors="replace"), best.encoding,
                    f"encoding: not UTF-8; decoded as {best.encoding} (a guess from the bytes: check accented "
                    "letters and punctuation)")
    except Exception:  # detection is best effort
        pass
    return (data.decode("cp1252", errors="replace"), "cp1252",
            "encoding: not UTF-8; decoded as cp1252 (the last-resort guess: some characters may be wrong)")


def _wide_encoding(sample: bytes) -> str | None:
    """UTF-32 or UTF-16 (LE/BE) without a byte-order mark, told by where the NUL bytes fall, or None.

    Latin-script text in UTF-16-LE is ``xx 00 xx 00...``: NULs at odd offsets, almost none at even ones
    (BE the other way round). In UTF-32 the high byte of every code unit is NUL and the next one nearly so.
    """
    n = len(sample) - len(sample) % 4
    if n < 8:
        return None
    quarter = n // 4
    nul = [sample[k:n:4].count(0) / quarter for k in range(4)]
    if nul[3] == 1 and nul[2] > 0.9 and nul[0] < 0.1:
        return "utf-32-le"
    if nul[0] == 1 and nul[1] > 0.9 and nul[3] < 0.1:
        return "utf-32-be"
    even, odd = (nul[0] + nul[2]) / 2, (nul[1] + nul[3]) / 2
    if odd > 0.3 and even < 0.02:
        return "utf-16-le"
    if even > 0.3 and odd < 0.02:
        return "utf-16-be"
    return None


def _looks_binary(sample: bytes) -> bool:
    if b"\x00" in sample:
        return True
    control = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return control > max(8, len(sample) // 100)


_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-:]+)""", re.I)


def _declared_charset(sample: bytes) -> str | None:
    m = _CHARSET.search(sample[:8192])
    if not m:
        return None
    name = m.group(1).decode("ascii", "ignore").lower()
    if name in ("iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii"):
        return "cp1252"  # browsers treat these labels as windows-1252
    try:
        codecs.lookup(name)
    except LookupError:
        return None
    return name


def _utf8_error_count(data: bytes) -> int:
    text = data.decode("utf-8", errors="replace")
    return text.count("\ufffd")


def _kind(text: str, kind: str, name: str) -> str:
    if kind != "auto":
        return kind
    low = name.lower()
    if low.endswith((".html", ".htm", ".html.gz", ".htm.gz", ".xhtml")):
        return "html"
    if low.endswith(".txt"):
        return "text"
    head = text[:4096]
    if _HTML_SNIFF.search(head) and head.lstrip()[:1] == "<":
        return "html"
    if len(re.findall(r"</?[a-zA-Z][^>\n]{0,200}>", head)) > 10:
        return "html"
    return "text"


__all__ = ["RawInput", "read_input", "decode_bytes", "fetch_url", "file_id", "looks_like_path", "MAX_BYTES",
           "PATH_SUFFIXES", "PrivateAddressError"]

# fetching lives in mediakit.fetch, which reads the gzip helpers above: imported last, names kept here
from .fetch import PrivateAddressError, fetch_url, fetch_with_notes  # noqa: E402
