"""A local HTTP server for the tests of subscribed programs: each test sets the answer
(status, body, headers) and reads back what was asked. No test touches the internet."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

V1 = (Path(__file__).parent / "fixtures" / "fosdemish.xml").read_text(encoding="utf-8")


@dataclass
class Answer:
    status: int = 200
    body: bytes = V1.encode()
    headers: dict[str, str] = field(
        default_factory=lambda: {"ETag": '"v1"', "Last-Modified": "Sat, 01 Feb 2030 10:00:00 GMT"}
    )


@dataclass
class Server:
    url: str
    answer: Answer
    requests: list[dict[str, str]]
    release: threading.Event  # set: a slow answer may go on


def _handler(server: Callable[[], Server]) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            state = server()
            state.requests.append(dict(self.headers.items()))
            answer = state.answer
            if answer.status == 0:  # slow: the test's timeout passes first
                state.release.wait(10)
                return
            etag = answer.headers.get("ETag")
            if answer.status == 200 and self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.end_headers()
                return
            self.send_response(answer.status)
            for name, value in answer.headers.items():
                self.send_header(name, value)
            if "Content-Length" not in answer.headers:
                self.send_header("Content-Length", str(len(answer.body)))
            self.end_headers()
            self.wfile.write(answer.body)

        def log_message(self, format: str, *args: object) -> None:
            """Quiet: the tests read what was asked from `requests`."""

    return Handler


@pytest.fixture
def server() -> Iterator[Server]:
    state: list[Server] = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(lambda: state[0]))
    httpd.daemon_threads = True
    port = httpd.server_address[1]
    state.append(Server(f"http://127.0.0.1:{port}/schedule.xml", Answer(), [], threading.Event()))
    # Polled often, so that shutting it down takes a moment, not half a second a test.
    thread = threading.Thread(target=httpd.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    yield state[0]
    state[0].release.set()
    httpd.shutdown()
    httpd.server_close()
