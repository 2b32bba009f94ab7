"""A local HTTP server for the fetch tests: 127.0.0.1 only, in a thread, each path one behaviour.

    /page            the seed page (text/plain; charset=utf-8), a fixed Date, ETag and
                     Last-Modified; a request whose If-None-Match or If-Modified-Since matches
                     gets 304. `server.version` changes the page (and its ETag).
    /nodate          the seed page without a Date header
    /hop/N           a redirect to /hop/N-1, /hop/0 to /page
    /loop            a redirect to itself
    /slow            waits `server.slow_seconds` (or until the server stops), then the page
    /huge            the seed page followed by `server.huge_bytes` of filler
    /latin-header    UTF-8 bytes served as "charset=iso-8859-1" (a server's wrong default)
    /utf8-header     windows-1251 bytes served as "charset=utf-8", the page declaring its own
    /no-charset      windows-1251 bytes, no charset in the header, declared by the page
    /status/N        answers N with a short body
    /broken          a gzip Content-Encoding whose body is no gzip

Every request's path and headers are kept in `server.requests`; `server.arrived` is set
when a request for /slow arrives.
"""
from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

SEED = Path(__file__).resolve().parents[1] / "samples" / "kyiv-independent-2023-10-03.txt"
DATE = "Tue, 03 Oct 2023 15:05:00 GMT"  # the capture time the tests expect: 2023-10-03T15:05Z
LAST_MODIFIED = "Tue, 03 Oct 2023 15:00:00 GMT"


def seed_text(version: int = 1) -> str:
    text = SEED.read_text(encoding="utf-8")
    if version > 1:  # a later capture: one entry more, at the top (the feed is newest first)
        marker = "4:00 PM"
        text = text.replace(marker, "5:10 PM\nThe harbour authority of Odesa reopened the grain corridor "
                                    "for a second convoy, its spokesman said on Tuesday.\n" + marker, 1)
    return text


def cyrillic_page() -> bytes:
    """The seed as HTML declaring windows-1251, with Cyrillic words in its entries."""
    body = seed_text().replace("Ukraine", "Україна").replace("<", "&lt;")
    html = ("<!DOCTYPE html><html><head><meta charset=\"windows-1251\"><title>Лента</title></head>"
            f"<body><pre>{body}</pre></body></html>")
    return html.encode("cp1251")


class Handler(BaseHTTPRequestHandler):
    server: Server
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass

    def date_time_string(self, timestamp: float | None = None) -> str:
        return DATE

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        self.server.requests.append((self.path, dict(self.headers)))
        path = self.path
        if path == "/page":
            self._page(dated=True)
        elif path == "/nodate":
            self._page(dated=False)
        elif path.startswith("/hop/"):
            left = int(path.rsplit("/", 1)[1])
            self._redirect("/page" if left == 0 else f"/hop/{left - 1}")
        elif path == "/loop":
            self._redirect("/loop")
        elif path == "/slow":
            self.server.arrived.set()
            self.server.stopping.wait(self.server.slow_seconds)
            self._send(200, seed_text().encode(), "text/plain; charset=utf-8")
        elif path == "/huge":
            self._send(200, seed_text().encode() + b"\n" + b"filler line without any time\n" * (
                self.server.huge_bytes // 29), "text/plain; charset=utf-8")
        elif path == "/latin-header":
            self._send(200, seed_text().replace("Ukraine", "Ükraine").encode(), "text/plain; charset=iso-8859-1")
        elif path == "/utf8-header":
            self._send(200, cyrillic_page(), "text/html; charset=utf-8")
        elif path == "/no-charset":
            self._send(200, cyrillic_page(), "text/html")
        elif path.startswith("/status/"):
            self._send(int(path.rsplit("/", 1)[1]), b"no page here\n", "text/plain")
        elif path == "/broken":
            self._send(200, b"this is not gzip at all", "text/html", {"Content-Encoding": "gzip"})
        else:
            self._send(404, b"not found\n", "text/plain")

    def _page(self, *, dated: bool) -> None:
        etag = f'"v{self.server.version}"'
        if self.headers.get("If-None-Match") == etag or (
                self.headers.get("If-None-Match") is None and self.headers.get("If-Modified-Since") == LAST_MODIFIED
                and self.server.version == 1):
            self._send(304, b"", None, {"ETag": etag}, dated=dated)
            return
        headers = {"ETag": etag, "Last-Modified": LAST_MODIFIED}
        self._send(200, seed_text(self.server.version).encode(), "text/plain; charset=utf-8", headers, dated=dated)

    def _redirect(self, where: str) -> None:
        self._send(302, b"", None, {"Location": where})

    def _send(self, status: int, body: bytes, content_type: str | None, headers: dict[str, str] | None = None,
              *, dated: bool = True) -> None:
        self.send_response_only(status)
        if dated:
            self.send_header("Date", self.date_time_string())
        if content_type:
            self.send_header("Content-Type", content_type)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        if status != 304:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if status != 304:
            try:
                self.wfile.write(body)
            except OSError:  # the client went away (a size cap, a timeout)
                pass


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.version = 1
        self.slow_seconds = 30.0
        self.huge_bytes = 3_000_000
        self.arrived = threading.Event()
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self.serve_forever, daemon=True)

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that went away (a size cap, a timeout) is what the tests do

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}{path}"

    def __enter__(self) -> Server:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stopping.set()
        self.shutdown()
        self.server_close()
