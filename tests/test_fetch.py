"""Fetching URLs, only ever from a local HTTP server."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from mediakit import FetchError, extract
from mediakit.cli import main


@pytest.fixture(scope="module")
def server(examples):
    page = (examples / "ferry_page.html").read_bytes()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            if self.path == "/story":
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.end_headers()
                self.wfile.write(page)
            elif self.path == "/big":
                self.send_response(200)
                self.end_headers()
                self.wfile.write(b"<p>x</p>" * 200_000)
            else:
                self.send_response(404)
                self.end_headers()

        def log_message(self, *args) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    t = threading.Thread(target=httpd.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_fetch_and_extract(server: str) -> None:
    art = extract(f"{server}/story", allow_private=True)
    assert art.title == "Vessen ferry strike: union and operator agree to meet"
    assert art.url and art.input_kind == "html"
    assert "open mind" in art.body


def test_fetch_404_is_clear(server: str) -> None:
    with pytest.raises(FetchError, match="404"):
        extract(f"{server}/missing", allow_private=True)


def test_fetch_size_cap(server: str) -> None:
    with pytest.raises(FetchError, match="limit"):
        extract(f"{server}/big", max_bytes=100_000, allow_private=True)


def test_fetch_refused_is_clear() -> None:
    with pytest.raises(FetchError):
        extract("http://127.0.0.1:9/nothing", timeout=2, allow_private=True)


def test_private_address_refused_by_default(server: str) -> None:
    with pytest.raises(FetchError, match="private"):
        extract(f"{server}/story")


def test_cli_url_failure_listed(server: str, capsys) -> None:
    rc = main(["extract", f"{server}/story", f"{server}/missing", "--format", "jsonl", "--quiet",
               "--allow-private-urls"])
    out = capsys.readouterr().out.splitlines()
    assert rc == 1 and len(out) == 2
