"""Reading raw inputs: files, bytes, URLs and plain strings, with encoding detection.

:func:`read_input` turns whatever a user hands over into a :class:`RawInput`: decoded text, whether it is
HTML or plain text, where it came from, and ``flags`` for anything that may have cost text (a guessed
encoding, a truncated gzip file): nothing is lost quietly. Problems become
:class:`~mediakit.errors.InputError` or :class:`~mediakit.errors.FetchError` with a message a newcomer can
act on, one message per cause. :func:`fetch_url` treats its ``timeout`` as a deadline for the whole fetch.
"""

from __future__ import annotations

import codecs
import http.client
import ipaddress
import re
import socket
import ssl
import threading
import time
import zlib
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.message import Message
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote, urldefrag, urljoin, urlsplit

from .errors import FetchError, InputError

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
        data, notes = _fetch(url, timeout, max_bytes, allow_private)
        decoded, enc, notes = _decode(data, url, notes)
        return RawInput(decoded, _kind(decoded, kind, ""), url, url, enc, url=url, flags=notes)
    if isinstance(value, (bytes, bytearray, memoryview)):
        data, notes = bytes(value), []
        if data[:2] == b"\x1f\x8b":
            data, notes = _gunzip(data, max_bytes, "<bytes>")
        _check_size(len(data), max_bytes, "<bytes>")
        decoded, enc, notes = _decode(data, "<bytes>", notes)
        return RawInput(decoded, _kind(decoded, kind, ""), "<bytes>", "<bytes>", enc, flags=notes)
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
    _check_is_file(path)
    path = path.expanduser()
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


# --- fetching URLs --------------------------------------------------------------------------------

MAX_REDIRECTS = 2
"""At most this many redirects are followed for one URL."""

_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})  # a busy or briefly broken server: worth a retry
_ATTEMPTS = 3  # one try and up to two retries, all inside the deadline
_URL_SAFE = "".join(map(chr, range(33, 127)))  # printable ASCII stays; spaces and non-ASCII are %-encoded
_HEADERS = {
    "User-Agent": "mediakit (news article reader)",
    "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5",
    "Accept-Encoding": "gzip",
    "Connection": "close",
}


class PrivateAddressError(FetchError):
    """A URL, or a redirect target, on a private, loopback or otherwise non-public address: refused.

    The message names the Python keyword (``allow_private=True``); ``cli_message`` says the same with
    the command-line flag (``--allow-private-urls``).
    """

    def __init__(self, host: str, ip: str, where: str = "") -> None:
        name = host if host == ip else f"{host} ({ip})"
        base = f"{where + ': ' if where else ''}refused to fetch from {name}, a private or loopback address"
        super().__init__(f"{base}; pass allow_private=True to fetch from a local server")
        self.cli_message = f"{base}; add --allow-private-urls to fetch from a local server"


def fetch_url(
    url: str,
    *,
    timeout: float = FETCH_TIMEOUT,
    max_bytes: int = MAX_BYTES,
    allow_private: bool = False,
    notes: list[str] | None = None,
) -> bytes:
    """Fetch a URL's bytes within a deadline, a size cap and at most two redirects.

    ``timeout`` (seconds) is a deadline for the whole fetch: looking up the host, connecting, every
    redirect, retries after an HTTP 429/5xx answer (``Retry-After`` is honoured when it fits in the time
    left; one that does not fails at once, saying so) and reading the body, however slowly it arrives.

    Private, loopback and other non-public addresses are refused, for the URL and for every redirect target
    (a guard against pages that point a fetcher at internal services); ``allow_private=True`` lifts that,
    e.g. for a local test server. A gzip body (``Content-Encoding: gzip`` or a ``.gz`` file) is
    decompressed under the same ``max_bytes`` cap. A problem that leaves the text possibly incomplete (a
    truncated gzip body) is appended to ``notes``; without a ``notes`` list it raises :class:`FetchError`.
    Every failure is a :class:`~mediakit.errors.MediakitError` saying which cause it was.
    """
    data, found = _fetch(url, timeout, max_bytes, allow_private)
    if notes is None and found:
        raise FetchError(f"{url}: " + "; ".join(found))
    if notes is not None:
        notes.extend(found)
    return data


__all__ = ["RawInput", "read_input", "decode_bytes", "fetch_url", "file_id", "looks_like_path", "MAX_BYTES",
           "PATH_SUFFIXES"]


class _Deadline:
    def __init__(self, url: str, seconds: float) -> None:
        self.url = url
        self.seconds = seconds
        self.end = time.monotonic() + seconds

    def left(self) -> float:
        return self.end - time.monotonic()

    def error(self, what: str) -> FetchError:
        return FetchError(
            f"{self.url}: {what} within the {self.seconds:g} s deadline (the timeout covers the whole fetch, "
            "redirects and retries included)"
        )


def _fetch(url: str, timeout: float, max_bytes: int, allow_private: bool) -> tuple[bytes, list[str]]:
    """The body of ``url`` (content encoding undone) and notes on it; see :func:`fetch_url`."""
    if isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or not 0 < timeout < float("inf"):
        raise FetchError(f"timeout must be a positive number of seconds, not {timeout!r}")
    deadline = _Deadline(url, float(timeout))
    chain = [url]
    attempt = 1
    while True:
        status, headers, body = _get(chain[-1], url, deadline, max_bytes, allow_private)
        if status in _REDIRECTS:
            chain.append(_redirect_target(url, chain, status, headers.get("Location")))
            continue
        if status in _RETRY_STATUSES and attempt < _ATTEMPTS:
            _wait_to_retry(url, status, headers.get("Retry-After"), attempt, deadline)
            attempt += 1
            continue
        if not 200 <= status < 300:
            tries = f" (after {attempt} attempts)" if attempt > 1 else ""
            raise FetchError(f"{url}: server answered HTTP {status}{tries}")
        break
    notes: list[str] = []
    coding = (headers.get("Content-Encoding") or "identity").strip().lower()
    if coding in ("gzip", "x-gzip"):
        body, notes = _gunzip(body, max_bytes, url)
    elif coding not in ("identity", ""):
        raise FetchError(f"{url}: the server sent {coding}-compressed content, which mediakit cannot read")
    if body[:2] == b"\x1f\x8b":  # a .gz file itself
        body, more = _gunzip(body, max_bytes, url)
        notes += more
    if not body.strip():
        raise FetchError(f"{url}: empty response")
    return body, notes


def _redirect_target(url: str, chain: list[str], status: int, location: str | None) -> str:
    if not location or not location.strip():
        raise FetchError(f"{url}: server answered HTTP {status} (a redirect) without saying where to")
    target = urldefrag(urljoin(chain[-1], location.strip())).url
    route = " -> ".join([*chain, target])
    if urlsplit(target).scheme.lower() not in ("http", "https"):
        raise FetchError(f"{url}: redirected to {target}, which is not an http(s) address")
    if target in chain:
        raise FetchError(f"{url}: redirect loop ({route})")
    if len(chain) > MAX_REDIRECTS:
        raise FetchError(f"{url}: more than {MAX_REDIRECTS} redirects ({route})")
    return target


def _wait_to_retry(url: str, status: int, retry_after: str | None, attempt: int, deadline: _Deadline) -> None:
    asked = _retry_after_seconds(retry_after)
    wait = asked if asked is not None else 0.5 * attempt
    if wait >= deadline.left():
        if asked is not None:
            raise FetchError(
                f"{url}: server answered HTTP {status} and asked to retry after {asked:g} s (Retry-After), "
                f"beyond the {deadline.seconds:g} s deadline"
            )
        raise FetchError(f"{url}: server answered HTTP {status}, and the {deadline.seconds:g} s deadline "
                         "leaves no time to retry")
    time.sleep(wait)


def _retry_after_seconds(value: str | None) -> float | None:
    """Seconds from a ``Retry-After`` header (a number of seconds or an HTTP date); None if absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - datetime.now(timezone.utc)).total_seconds())


def _get(
    current: str, url: str, deadline: _Deadline, max_bytes: int, allow_private: bool
) -> tuple[int, Message, bytes]:
    """One GET of ``current`` (``url`` or a redirect target): status, headers and (for 2xx) the raw body."""
    parts = urlsplit(current)
    https = parts.scheme.lower() == "https"
    host = parts.hostname
    if parts.scheme.lower() not in ("http", "https") or not host:
        raise FetchError(f"{url}: not an http(s) address a page can be fetched from: {current}")
    try:
        port = parts.port or (443 if https else 80)
    except ValueError:
        raise FetchError(f"{url}: the port in {current} is not a number from 1 to 65535") from None
    where = url if current == url else f"{url} (redirected to {current})"
    ips = _resolve(where, host, port, deadline)
    for ip in ips:
        try:
            _check_address(host, ip, allow_private)
        except PrivateAddressError:
            raise PrivateAddressError(host, ip, where) from None
    conn = (_TLSConnection if https else _Connection)(host, port, ips, deadline)
    timer = threading.Timer(max(0.0, deadline.left()), conn.abort)
    timer.daemon = True
    timer.start()
    phase = "could not connect"
    try:
        try:
            path = quote((parts.path or "/") + (f"?{parts.query}" if parts.query else ""), safe=_URL_SAFE)
            conn.request("GET", path, headers=_HEADERS)
            phase = "no answer"
            conn.wait_at_most(deadline.left())
            resp = conn.getresponse()
            phase = "the page did not finish downloading"
            body = _read_body(where, resp, conn, max_bytes, deadline) if 200 <= resp.status < 300 else b""
        except (OSError, http.client.HTTPException, ValueError) as exc:
            if conn.aborted or deadline.left() <= 0 or isinstance(exc, TimeoutError):
                raise deadline.error(phase) from None
            raise FetchError(_network_message(where, host, port, exc)) from None
        if conn.aborted:  # the timer closed the connection: what was read may be cut short
            raise deadline.error(phase)
        return resp.status, resp.headers, body
    finally:
        timer.cancel()
        conn.close()


def _read_body(where: str, resp: http.client.HTTPResponse, conn: _Connection, max_bytes: int,
               deadline: _Deadline) -> bytes:
    declared = (resp.getheader("Content-Length") or "").strip()
    if declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(f"{where}: the page is {_mb(int(declared))} MB, over the {_mb(max_bytes)} MB limit "
                         "for one article (raise max_bytes if this really is one article)")
    chunks: list[bytes] = []
    total = 0
    while True:
        conn.wait_at_most(deadline.left())
        chunk = resp.read1(65536)
        if not chunk:
            break
        total += len(chunk)
        if total > max_bytes:
            raise FetchError(f"{where}: the page is over the {_mb(max_bytes)} MB limit for one article "
                             "(raise max_bytes if this really is one article)")
        chunks.append(chunk)
    if resp.length and not conn.aborted:  # http.client ends quietly when the server closes early
        raise FetchError(f"{where}: the server closed the connection after {total} of "
                         f"{total + resp.length} bytes; the page is incomplete")
    return b"".join(chunks)


def _network_message(where: str, host: str, port: int, exc: BaseException) -> str:
    if isinstance(exc, ConnectionRefusedError):
        return f"{where}: connection refused by {host}:{port} (no server listening there?)"
    if isinstance(exc, http.client.RemoteDisconnected):
        return f"{where}: the server closed the connection without an answer"
    if isinstance(exc, ssl.SSLError):
        return f"{where}: the secure (https) connection failed ({getattr(exc, 'reason', None) or exc})"
    if isinstance(exc, http.client.IncompleteRead):
        return f"{where}: the connection broke off while reading the page; the page is incomplete"
    if isinstance(exc, http.client.HTTPException):
        return f"{where}: the server's answer is not valid HTTP ({type(exc).__name__})"
    detail = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return f"{where}: could not fetch ({detail})"


def _resolve(where: str, host: str, port: int, deadline: _Deadline) -> list[str]:
    """The host's IP addresses; the lookup runs in a thread so that it too is bound by the deadline."""
    try:
        return [str(ipaddress.ip_address(host))]
    except ValueError:
        pass
    box: dict[str, Any] = {}

    def lookup() -> None:
        try:
            box["infos"] = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (OSError, UnicodeError) as exc:
            box["error"] = exc

    worker = threading.Thread(target=lookup, name="mediakit-dns", daemon=True)
    worker.start()
    worker.join(max(0.0, deadline.left()))
    if worker.is_alive():
        raise deadline.error(f"looking up {host} did not finish")
    if "error" in box:
        exc = box["error"]
        raise FetchError(f"{where}: cannot find the server {host} ({getattr(exc, 'strerror', None) or exc})")
    ips = list(dict.fromkeys(str(info[4][0]) for info in box.get("infos", [])))
    if not ips:
        raise FetchError(f"{where}: cannot find the server {host}")
    return ips


def _check_address(host: str, ip: str, allow_private: bool) -> None:
    """Raise :class:`PrivateAddressError` unless ``ip`` is a public address (or ``allow_private``)."""
    if allow_private:
        return
    addr = ipaddress.ip_address(ip.split("%")[0])
    if isinstance(addr, ipaddress.IPv6Address) and addr.ipv4_mapped is not None:
        addr = addr.ipv4_mapped
    if not addr.is_global or addr.is_multicast:
        raise PrivateAddressError(host, ip)


class _Connection(http.client.HTTPConnection):
    """An HTTP connection to already checked addresses (no second DNS lookup), with a deadline.

    Each socket operation waits at most the time left, and :meth:`abort` (run by a timer at the deadline)
    shuts the socket so that a server dripping bytes cannot hold a read open past it.
    """

    def __init__(self, host: str, port: int, ips: list[str], deadline: _Deadline) -> None:
        super().__init__(host, port, timeout=max(0.001, deadline.left()))
        self._ips = ips
        self._deadline = deadline
        self.aborted = False
        self._socket: socket.socket | None = None  # kept: http.client drops self.sock once a response owns it

    def connect(self) -> None:
        last: OSError = TimeoutError("no time left to connect")
        for ip in self._ips:
            left = self._deadline.left()
            if left <= 0 or self.aborted:
                break
            try:
                self.sock = self._socket = socket.create_connection((ip, self.port), left)
                return
            except OSError as exc:
                last = exc
        raise last

    def wait_at_most(self, seconds: float) -> None:
        """Let the next socket operation wait at most ``seconds``."""
        if self._socket is not None:
            try:
                self._socket.settimeout(max(0.001, seconds))
            except OSError:
                pass

    def abort(self) -> None:
        """Stop the fetch: shut the socket so that a blocked read returns at once (run at the deadline)."""
        self.aborted = True
        sock = self._socket
        if sock is not None:
            try:  # the plain-socket shutdown, also for a TLS socket (no TLS close handshake)
                socket.socket.shutdown(sock, socket.SHUT_RDWR)
            except OSError:
                pass


class _TLSConnection(_Connection):
    default_port = 443

    def connect(self) -> None:
        super().connect()
        self.sock = self._socket = ssl.create_default_context().wrap_socket(self.sock, server_hostname=self.host)


__all__ = ["RawInput", "read_input", "decode_bytes", "fetch_url", "file_id", "MAX_BYTES", "PrivateAddressError"]
