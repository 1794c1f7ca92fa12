"""The page `companion serve` gives a browser asks nothing of any server but its own: it
must work offline at the venue (textual-serve's own page loaded a web font from a third
party). Every src, href, url() and @import of the page and of its stylesheets is read."""

from __future__ import annotations

import re
import select
import socket
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest

START_SECONDS = 30  # a guard for the server's start, not a measure
CSS_URLS = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)""")


class References(HTMLParser):
    """Every address a page makes the browser load: src and href attributes, url() and
    @import in style elements and style attributes, and the data-* URLs its script opens."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in_style = tag == "style"
        for name, value in attrs:
            if value is None:
                continue
            if name in ("src", "href") or (name.startswith("data-") and "url" in name):
                self.found.append(value)
            elif name == "style":
                self.found += css_references(value)

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.found += css_references(data)


def css_references(css: str) -> list[str]:
    return [url or imported for url, imported in CSS_URLS.findall(css)]


def fetch_text(url: str) -> str:
    with urllib.request.urlopen(url, timeout=START_SECONDS) as answer:
        text: str = answer.read().decode("utf-8")
        return text


@pytest.fixture
def served() -> Iterator[str]:
    """The address of a `companion serve` running on this computer."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "companion", "serve", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert server.stdout is not None
    try:
        readable, _, _ = select.select([server.stdout], [], [], START_SECONDS)
        assert readable and server.stdout.readline().startswith("companion: serving")
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.terminate()
        server.wait(timeout=START_SECONDS)


def listening(url: str) -> None:
    """Wait until the server takes connections: it says it serves just before it listens."""
    where = urlsplit(url)
    for _ in range(START_SECONDS * 10):
        try:
            socket.create_connection((where.hostname, where.port), timeout=1).close()
            return
        except ConnectionRefusedError:
            select.select([], [], [], 0.1)  # a poll's pause between attempts
    raise AssertionError(f"nothing listens at {url}")


def test_the_served_page_loads_nothing_from_another_server(served: str) -> None:
    listening(served)
    page = References()
    page.feed(fetch_text(served))
    assert any(found.endswith("textual.js") for found in page.found)  # the page was read
    stylesheets = [urljoin(served, found) for found in page.found if found.endswith(".css")]
    assert stylesheets  # xterm's
    everything = [urljoin(served, found) for found in page.found]
    for stylesheet in stylesheets:
        everything += [
            urljoin(stylesheet, found) for found in css_references(fetch_text(stylesheet))
        ]
    own = urlsplit(served).netloc
    elsewhere = [url for url in everything if urlsplit(url).netloc != own]
    assert elsewhere == []
