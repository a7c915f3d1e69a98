"""Reading raw inputs: files, bytes, URLs and plain strings, with encoding detection.

:func:`read_input` turns whatever a user hands over into a :class:`RawInput`: decoded text, whether it is
HTML or plain text, where it came from, and ``flags`` for anything that may have cost text (a guessed
encoding, a truncated gzip file): nothing is lost quietly. Problems become
:class:`~mediakit.errors.InputError` or :class:`~mediakit.errors.FetchError` with a message a newcomer can
act on.
"""

from __future__ import annotations

import codecs
import re
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from .errors import FetchError, InputError

MAX_BYTES = 20 * 1024 * 1024
"""Default cap on one input's size (raw or decompressed); a news article is rarely over 2 MB."""

FETCH_TIMEOUT = 20
"""Default timeout in seconds for fetching a URL."""

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
    flags: list[str] = field(default_factory=list)
    """Notes on reading that the article record should carry (a guessed encoding, a truncated gzip file...)."""


def is_url(value: object) -> bool:
    return isinstance(value, str) and bool(_URL.match(value.strip()))


def read_input(
    value: str | bytes | Path,
    *,
    kind: str = "auto",
    max_bytes: int = MAX_BYTES,
    timeout: float = FETCH_TIMEOUT,
    allow_private: bool = False,
) -> RawInput:
    """Read a path, URL, bytes or text into a :class:`RawInput`.

    A ``str`` is a URL when it looks like one, a path when a file of that name exists, and otherwise the
    article text itself. ``kind`` forces ``"html"`` or ``"text"``; ``"auto"`` sniffs the content.
    """
    if kind not in ("auto", "html", "text"):
        raise InputError(f"kind must be 'auto', 'html' or 'text', not {kind!r}")
    if isinstance(value, Path) or (isinstance(value, str) and _looks_like_path(value)):
        path = Path(value)
        data, notes = _read_file(path, max_bytes)
        text, enc, notes = _decode(data, str(path), notes)
        return RawInput(text, _kind(text, kind, path.name), str(path), file_id(path), enc, flags=notes)
    if is_url(value):
        url = str(value).strip()
        data, notes = _fetch(url, timeout, max_bytes, allow_private)
        text, enc, notes = _decode(data, url, notes)
        return RawInput(text, _kind(text, kind, ""), url, url, enc, url=url, flags=notes)
    if isinstance(value, (bytes, bytearray, memoryview)):
        data, notes = bytes(value), []
        if data[:2] == b"\x1f\x8b":
            data, notes = _gunzip(data, max_bytes, "<bytes>")
        _check_size(len(data), max_bytes, "<bytes>")
        text, enc, notes = _decode(data, "<bytes>", notes)
        return RawInput(text, _kind(text, kind, ""), "<bytes>", "<bytes>", enc, flags=notes)
    if isinstance(value, str):
        _check_size(len(value), max_bytes, "<text>")
        return RawInput(value, _kind(value, kind, ""), "<text>", "<text>")
    raise InputError(f"cannot read an article from a {type(value).__name__}; give a path, URL, bytes or str")


def file_id(path: Path) -> str:
    """The record id of a file: its name without .gz/.html/.htm/.txt endings."""
    name = path.name
    for ending in (".gz", ".html", ".htm", ".txt"):
        if name.lower().endswith(ending):
            name = name[: -len(ending)]
    return name


def _looks_like_path(value: str) -> bool:
    if "\n" in value or len(value) > 4096 or is_url(value):
        return False
    try:
        return Path(value).is_file()
    except (OSError, ValueError):
        return False


def _check_size(n: int, max_bytes: int, origin: str) -> None:
    if n > max_bytes:
        raise InputError(
            f"{origin}: input is {_mb(n)} MB, over the {_mb(max_bytes)} MB limit for one article "
            "(raise max_bytes if this really is one article)"
        )


def _mb(n: float) -> str:
    """Bytes as megabytes for messages: 100000 -> '0.1', 20 MiB -> '21', 1.5e9 -> '1500'."""
    mb = n / 1e6
    return f"{mb:.3g}" if mb < 100 else f"{mb:.0f}"


def _read_file(path: Path, max_bytes: int) -> tuple[bytes, list[str]]:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(f"{path}: cannot read file ({exc.strerror or exc})") from None
    if path.suffix.lower() != ".gz":
        _check_size(size, max_bytes, str(path))
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read file ({exc.strerror or exc})") from None
    if data[:2] == b"\x1f\x8b":
        return _gunzip(data, max_bytes, str(path))
    return data, []


def _gunzip(data: bytes, max_bytes: int, origin: str) -> tuple[bytes, list[str]]:
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
                f"{origin}: gzip content expands past the {_mb(max_bytes)} MB limit for one article "
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


def fetch_url(
    url: str, *, timeout: float = FETCH_TIMEOUT, max_bytes: int = MAX_BYTES, allow_private: bool = False
) -> bytes:
    """Fetch a URL's bytes with trafilatura's downloader, a timeout and a size cap.

    trafilatura refuses private and loopback addresses by default (a guard against pages that point a
    fetcher at internal services); ``allow_private=True`` lifts that, e.g. for a local test server.
    A truncated gzip body raises :class:`FetchError` (:func:`read_input` flags it instead).
    """
    data, notes = _fetch(url, timeout, max_bytes, allow_private)
    if notes:
        raise FetchError(f"{url}: " + "; ".join(notes))
    return data


def _fetch(url: str, timeout: float, max_bytes: int, allow_private: bool) -> tuple[bytes, list[str]]:
    import logging

    from trafilatura.downloads import fetch_response
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "DOWNLOAD_TIMEOUT", str(max(1, int(round(timeout)))))
    config.set("DEFAULT", "MAX_FILE_SIZE", str(max_bytes + 1))
    config.set("DEFAULT", "MAX_REDIRECTS", "2")
    config.set("DEFAULT", "SSRF_PROTECTION", "false" if allow_private else "true")
    logger = logging.getLogger("trafilatura.downloads")
    level = logger.level
    logger.setLevel(logging.CRITICAL)  # its errors become our FetchError below
    try:
        resp = fetch_response(url, config=config)
    except Exception as exc:  # the downloader raises assorted network errors
        raise FetchError(f"{url}: could not fetch ({type(exc).__name__}: {exc})") from None
    finally:
        logger.setLevel(level)
    if resp is None:
        raise FetchError(
            f"{url}: could not fetch: no answer within {timeout:g} s, connection refused, page over the "
            f"{max_bytes / 1e6:g} MB limit, or a private address blocked (pass allow_private=True for a "
            "local server)"
        )
    if resp.status >= 400:
        raise FetchError(f"{url}: server answered HTTP {resp.status}")
    data = resp.data or b""
    if len(data) > max_bytes:
        raise FetchError(f"{url}: page is over the {max_bytes / 1e6:g} MB limit")
    notes: list[str] = []
    if data[:2] == b"\x1f\x8b":
        data, notes = _gunzip(data, max_bytes, url)
    if not data.strip():
        raise FetchError(f"{url}: empty response")
    return data, notes


__all__ = ["RawInput", "read_input", "decode_bytes", "fetch_url", "file_id", "MAX_BYTES"]
