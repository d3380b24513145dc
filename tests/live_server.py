"""A real HTTP server on 127.0.0.1 serving the live-feed fixtures, with ETag support and a request log."""

from __future__ import annotations

import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures" / "live"


class FeedSite:
    def __init__(self) -> None:
        self.requests: Counter[str] = Counter()
        self.conditional: list[str] = []  # paths asked for with If-None-Match
        self.feed_version = "v1"
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server's name)
                site.requests[self.path] += 1
                if self.headers.get("If-None-Match"):
                    site.conditional.append(self.path)
                body, kind, etag = site.page(self.path)
                if body is None:
                    self.send_error(404, "Not Found")
                    return
                if etag and self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                if etag:
                    self.send_header("ETag", etag)
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def page(self, path: str) -> tuple[bytes | None, str, str | None]:
        if path == "/feed.xml":
            text = (FIXTURES / "feed.xml").read_text().replace("{base}", self.base)
            return text.encode(), "application/rss+xml", f'"{self.feed_version}"'
        if path == "/not-a-feed":
            return b"<html><body><p>Hello</p></body></html>", "text/html", None
        if path == "/huge":
            return b"x" * 3_000_000, "text/plain", None
        page = FIXTURES / (path.strip("/") + ".html")
        if path.count("/") == 1 and page.is_file():
            return page.read_bytes(), "text/html; charset=utf-8", None
        return None, "", None

    def __enter__(self) -> FeedSite:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
