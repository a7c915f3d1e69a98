"""Fetching URLs within a deadline: :func:`fetch_url` and the small HTTP client behind it.

The ``timeout`` is a deadline for the whole fetch (looking up the host, connecting, every redirect, retries after
an HTTP 429/5xx answer, reading the body however slowly it arrives); at most :data:`MAX_REDIRECTS` redirects are
followed, each target checked again; private and loopback addresses are refused unless allowed; the body is
capped. Every failure is a :class:`~mediakit.errors.FetchError` that names its cause.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import threading
import time
from datetime import datetime, timezone
from email.message import Message
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import quote, urldefrag, urljoin, urlsplit

from .errors import FetchError
from .inputs import FETCH_TIMEOUT, MAX_BYTES, gunzip, megabytes

__all__ = ["MAX_REDIRECTS", "PrivateAddressError", "fetch_url"]



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
    data, found = fetch_with_notes(url, timeout, max_bytes, allow_private)
    if notes is None and found:
        raise FetchError(f"{url}: " + "; ".join(found))
    if notes is not None:
        notes.extend(found)
    return data




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


def fetch_with_notes(url: str, timeout: float, max_bytes: int, allow_private: bool) -> tuple[bytes, list[str]]:
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
        body, notes = gunzip(body, max_bytes, url)
    elif coding not in ("identity", ""):
        raise FetchError(f"{url}: the server sent {coding}-compressed content, which mediakit cannot read")
    if body[:2] == b"\x1f\x8b":  # a .gz file itself
        body, more = gunzip(body, max_bytes, url)
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
        raise FetchError(f"{where}: the page is {megabytes(int(declared))} MB, over the {megabytes(max_bytes)} MB limit "
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
            raise FetchError(f"{where}: the page is over the {megabytes(max_bytes)} MB limit for one article "
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


