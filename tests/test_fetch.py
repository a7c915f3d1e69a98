"""Fetching URLs, only ever from a local HTTP server (127.0.0.1).

The timeout is a deadline for the whole fetch (retries and redirects included); every failure names its
own cause. Timing assertions are loose on purpose: a 2 s deadline must return well under 6 s.
"""

from __future__ import annotations

import gzip
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from mediakit import FetchError, InputError, extract
from mediakit import fetch as fetch_mod
from mediakit.cli import main
from mediakit.inputs import fetch_url, read_input

STOP = threading.Event()


def _drip(wfile, data: bytes, pause: float, limit: float = 30) -> None:
    """Write ``data`` one byte at a time, ``pause`` seconds apart (until the client goes or STOP is set)."""
    t0 = time.monotonic()
    for b in data:
        if STOP.is_set() or time.monotonic() - t0 > limit:
            return
        try:
            wfile.write(bytes([b]))
            wfile.flush()
        except OSError:
            return
        time.sleep(pause)


@pytest.fixture(scope="module")
def server(examples):
    page = (examples / "ferry_page.html").read_bytes()
    hits: dict[str, int] = {}
    bomb = gzip.compress(b"a" * (3 * 1024 * 1024))

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.0"

        def _send(self, status: int, body: bytes = b"", **headers: str) -> None:
            self.send_response(status)
            for k, v in headers.items():
                self.send_header(k.replace("_", "-"), v)
            self.end_headers()
            if body:
                self.wfile.write(body)

        def do_GET(self) -> None:  # noqa: N802
            port = self.server.server_address[1]
            hits[self.path] = hits.get(self.path, 0) + 1
            if self.path == "/story":
                self._send(200, page, Content_Type="text/html; charset=utf-8")
            elif self.path == "/story.gz":  # the page sent gzip-encoded, as servers do
                self._send(200, gzip.compress(page), Content_Type="text/html", Content_Encoding="gzip")
            elif self.path == "/big":
                self._send(200, b"<p>x</p>" * 200_000)
            elif self.path == "/big-unannounced":  # no Content-Length: the cap must hold while reading
                self.send_response(200)
                self.end_headers()
                for _ in range(50):
                    self.wfile.write(b"<p>x</p>" * 4_000)
            elif self.path == "/bomb":
                self._send(200, bomb, Content_Type="text/html", Content_Encoding="gzip")
            elif self.path == "/drip":  # headers at once, then the body one byte every 0.2 s
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.end_headers()
                _drip(self.wfile, page, 0.2)
            elif self.path == "/slow-headers":  # nothing for a long while
                STOP.wait(20)
            elif self.path == "/drip-headers":  # the header block itself, one byte every 0.2 s
                _drip(self.wfile, b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\nX-Padding: " + b"a" * 200, 0.2)
            elif self.path == "/retry-after-30":
                self._send(503, b"busy", Retry_After="30")
            elif self.path == "/flaky":  # busy once, then fine
                if hits[self.path] == 1:
                    self._send(503, b"busy", Retry_After="1")
                else:
                    self._send(200, page, Content_Type="text/html")
            elif self.path == "/loop-a":
                self._send(302, Location="/loop-b")
            elif self.path == "/loop-b":
                self._send(302, Location="/loop-a")
            elif self.path.startswith("/hop"):  # /hop3 -> /hop2 -> /hop1 -> /story
                n = int(self.path[4:])
                self._send(302, Location=f"/hop{n - 1}" if n > 1 else "/story")
            elif self.path == "/to-self":  # an absolute redirect to the same server
                self._send(301, Location=f"http://127.0.0.1:{port}/story")
            elif self.path == "/to-file":
                self._send(302, Location="file:///etc/passwd")
            else:
                self._send(404)

        def log_message(self, *args) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    t = threading.Thread(target=httpd.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    STOP.set()
    httpd.shutdown()


def _timed(fn, *args, **kwargs):
    t0 = time.monotonic()
    try:
        fn(*args, **kwargs)
    except Exception as exc:
        return exc, time.monotonic() - t0
    return None, time.monotonic() - t0


def test_fetch_and_extract(server: str) -> None:
    art = extract(f"{server}/story", allow_private=True)
    assert art.title == "Vessen ferry strike: union and operator agree to meet"
    assert art.url and art.input_kind == "html"
    assert "open mind" in art.body
    assert not any("encoding" in f for f in art.flags)


def test_gzip_content_encoding(server: str) -> None:
    art = extract(f"{server}/story.gz", allow_private=True)
    assert "open mind" in art.body


def test_fetch_404_is_clear(server: str) -> None:
    with pytest.raises(FetchError, match="404"):
        extract(f"{server}/missing", allow_private=True)


def test_fetch_refused_is_clear() -> None:
    with pytest.raises(FetchError, match="refused"):
        extract("http://127.0.0.1:9/nothing", timeout=2, allow_private=True)


# --- a deadline, not a per-read timeout ----------------------------------------------------------


@pytest.mark.parametrize("path", ["/drip", "/slow-headers", "/drip-headers"])
def test_timeout_is_a_deadline(server: str, path: str) -> None:
    exc, took = _timed(extract, f"{server}{path}", timeout=2, allow_private=True)
    assert isinstance(exc, FetchError), exc
    assert "2 s" in str(exc) and "deadline" in str(exc)
    assert took < 6


def test_retry_after_beyond_deadline_fails_at_once(server: str) -> None:
    exc, took = _timed(extract, f"{server}/retry-after-30", timeout=5, allow_private=True)
    assert isinstance(exc, FetchError), exc
    assert "503" in str(exc) and "30 s" in str(exc) and "deadline" in str(exc)
    assert took < 3


def test_retry_after_within_deadline_is_honoured(server: str) -> None:
    art = extract(f"{server}/flaky", timeout=10, allow_private=True)
    assert "open mind" in art.body


# --- one message per cause ------------------------------------------------------------------------


def test_private_address_refused_by_default(server: str) -> None:
    with pytest.raises(FetchError, match="private") as info:
        extract(f"{server}/story")
    msg = str(info.value)
    assert "allow_private=True" in msg
    for other in ("MB", "redirect", "deadline"):
        assert other not in msg


def test_redirect_loop(server: str) -> None:
    with pytest.raises(FetchError, match="redirect loop") as info:
        extract(f"{server}/loop-a", allow_private=True)
    assert "private" not in str(info.value) and "MB" not in str(info.value)


def test_too_many_redirects(server: str) -> None:
    assert "open mind" in extract(f"{server}/hop2", allow_private=True).body  # two redirects: fine
    with pytest.raises(FetchError, match="more than 2 redirects"):
        extract(f"{server}/hop3", allow_private=True)


def test_redirect_to_other_scheme_refused(server: str) -> None:
    with pytest.raises(FetchError, match="file"):
        extract(f"{server}/to-file", allow_private=True)


def test_each_redirect_target_is_checked(server: str, monkeypatch) -> None:
    seen: list[str] = []
    real = fetch_mod._check_address

    def check(host: str, ip: str, allow_private: bool) -> None:
        seen.append(host)
        if len(seen) > 1:  # the redirect target: pretend it is private and not allowed
            real(host, ip, False)

    monkeypatch.setattr(fetch_mod, "_check_address", check)
    with pytest.raises(FetchError, match="private"):
        extract(f"{server}/to-self", allow_private=True)
    assert len(seen) == 2


def test_fetch_size_cap(server: str) -> None:
    for path in ("/big", "/big-unannounced"):
        with pytest.raises(FetchError, match=r"over the 0\.1 MB limit") as info:
            extract(f"{server}{path}", max_bytes=100_000, allow_private=True)
        assert "private" not in str(info.value)


def test_gzip_bomb_message(server: str) -> None:
    with pytest.raises(MediakitErrorTypes, match=r"expands past the 1 MB limit"):
        extract(f"{server}/bomb", max_bytes=1_000_000, allow_private=True)


MediakitErrorTypes = (FetchError, InputError)


def test_fetch_url_returns_bytes(server: str) -> None:
    assert fetch_url(f"{server}/story.gz", allow_private=True).startswith(b"<!")
    assert read_input(f"{server}/story", allow_private=True).flags == []


def test_cli_url_failure_listed(server: str, capsys) -> None:
    rc = main(["extract", f"{server}/story", f"{server}/missing", "--format", "jsonl", "--quiet",
               "--allow-private-urls"])
    out = capsys.readouterr().out.splitlines()
    assert rc == 1 and len(out) == 2


def test_cli_names_its_flag(server: str, capsys) -> None:
    rc = main(["extract", f"{server}/story", "--format", "jsonl", "--quiet"])
    out = capsys.readouterr().out
    assert rc == 1 and "--allow-private-urls" in out and "allow_private=True" not in out
