"""A server that does not speak HTTP properly: whatever it sends, a fetch ends in one line
naming the URL (never a traceback, never the server's own text unfiltered), and a
connection cut before the announced length is not taken for a short program."""

from __future__ import annotations

import contextlib
import json
import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from companion.fetching import fetch
from companion.loading import ProgramError
from tests.cli_driving import assert_clean_error, call_cli
from tests.local_server import Server

Serve = Callable[[bytes], str]


@pytest.fixture
def raw_server() -> Iterator[Serve]:
    """Answers every request with the bytes the test gives, then closes the connection."""
    listening: list[socket.socket] = []

    def serve(answer: bytes) -> str:
        sock = socket.create_server(("127.0.0.1", 0))
        listening.append(sock)

        def answer_all() -> None:
            while True:
                try:
                    connection, _ = sock.accept()
                except OSError:  # closed by the fixture
                    return
                with connection:
                    connection.recv(65536)
                    connection.sendall(answer)

        threading.Thread(target=answer_all, daemon=True).start()
        return f"http://127.0.0.1:{sock.getsockname()[1]}/schedule.xml"

    yield serve
    for sock in listening:
        sock.close()


def _failure(url: str) -> str:
    with pytest.raises(ProgramError) as raised:
        fetch(url, timeout=5, cap=4096)
    said = str(raised.value)
    assert said.startswith(f"{url}: ") and said.isprintable()
    return said.removeprefix(f"{url}: ")


@pytest.mark.parametrize(
    ("answer", "said"),
    [
        (b"HELLO THERE\r\n\r\n", "not an HTTP answer (BadStatusLine)"),
        (b"HTTP/1.1 200 OK\r\nX: " + b"a" * 70_000 + b"\r\n\r\n", "not an HTTP answer"),
        (b"HTTP/1.1 200 OK\r\n" + b"X: a\r\n" * 200 + b"\r\n", "not an HTTP answer"),
        (b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n<schedule>", "broke off after 10 of 100"),
        (b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", "broke off after 0"),
        (b"HTTP/1.1 500 \x1b[2J\x1b]0;owned\x07Evil\r\n\r\n", "HTTP 500 Internal Server Error"),
        (b"HTTP/1.1 599 \x1b[2JOdd\r\nContent-Length: 0\r\n\r\n", "HTTP 599 Odd"),
        (b"HTTP/1.1 302 Found\r\nLocation: /schedule.xml\r\n\r\n", "in a loop"),
        (b"HTTP/1.1 302 Found\r\nLocation: FILE:/etc/passwd\r\n\r\n", "a file: address"),
        (b"HTTP/1.1 302 Found\r\nLocation: gopher://x/1\r\n\r\n", "to a gopher: address"),
        (b"HTTP/1.1 304 Not Modified\r\n\r\n", "Not Modified, though no copy was kept"),
    ],
    ids=[
        "not-http",
        "long-header",
        "many-headers",
        "cut-short",
        "bad-chunks",
        "hostile-reason",
        "unknown-status",
        "redirect-loop",
        "redirect-file",
        "redirect-gopher",
        "unasked-304",
    ],
)
def test_a_broken_answer_is_one_line_naming_the_url(
    raw_server: Serve, answer: bytes, said: str
) -> None:
    assert said in _failure(raw_server(answer))


def test_a_whole_answer_of_the_announced_length_is_taken(raw_server: Serve) -> None:
    url = raw_server(b'HTTP/1.1 200 OK\r\nContent-Length: 5\r\nETag: "a"\r\n\r\nhello')
    fetched = fetch(url, timeout=5, cap=4096)
    assert fetched.body == b"hello" and fetched.validators.etag == '"a"'


def test_the_cli_says_a_broken_answer_in_one_line(raw_server: Serve) -> None:
    url = raw_server(b"HELLO THERE\r\n\r\n")
    assert_clean_error(call_cli("--program", url, "talks"), "not an HTTP answer")
    url = raw_server(b"HTTP/1.1 304 Not Modified\r\n\r\n")  # though nothing was asked
    assert_clean_error(call_cli("--program", url, "talks"), "no copy was kept")


def test_update_names_a_mistyped_id_before_fetching_anything(server: Server) -> None:
    assert call_cli("--program", server.url, "talks").returncode == 0
    asked = len(server.requests)
    assert_clean_error(call_cli("update", "devconf-2030", "nosuch"), "nosuch: not subscribed")
    assert len(server.requests) == asked


def test_an_unreadable_source_record_is_one_warning_never_a_crash(
    server: Server, data_dir: Path
) -> None:
    assert call_cli("--program", server.url, "talks").returncode == 0
    record = data_dir / "programs" / "devconf-2030.source.json"
    record.write_text("{not json", encoding="utf-8")
    ran = call_cli("update")
    assert ran.returncode == 2
    [warning, error] = ran.stderr.splitlines()
    assert "devconf-2030.source.json: unreadable" in warning and "kept it as" in warning
    assert "no program is subscribed" in error
    assert call_cli("--program", server.url, "talks").returncode == 0  # subscribed again
    assert json.loads(record.read_text(encoding="utf-8"))["location"] == server.url
    record.write_text("[]", encoding="utf-8")
    ran = call_cli("--program", server.url, "talks")
    assert ran.returncode == 0
    assert len(ran.stderr.splitlines()) == 1 and "unreadable" in ran.stderr


def test_a_server_sending_a_byte_at_a_time_is_given_up_at_the_timeout() -> None:
    """The whole download has the timeout, not each receive: the server would take 40 s."""
    sock = socket.create_server(("127.0.0.1", 0))
    done = threading.Event()

    def trickle() -> None:
        connection, _ = sock.accept()
        with connection:
            connection.recv(65536)
            connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 200\r\n\r\n")
            with contextlib.suppress(OSError):  # the client hung up
                while not done.wait(0.2):
                    connection.sendall(b"x")

    threading.Thread(target=trickle, daemon=True).start()
    url = f"http://127.0.0.1:{sock.getsockname()[1]}/schedule.xml"
    started = time.monotonic()
    try:
        with pytest.raises(ProgramError, match=r"timed out after 0\.5 s"):
            fetch(url, timeout=0.5)
        assert time.monotonic() - started < 10
    finally:
        done.set()
        sock.close()
