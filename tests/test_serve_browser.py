"""`companion serve` in a real headless browser: Debian's Chromium, driven by Playwright.

The page opens, the schedule's first talk is drawn, a key opens the talk, and an export
arrives as a browser download whose calendar parses. textual-serve draws the terminal with
xterm.js on a canvas, so the test reads the text xterm.js holds (its public `buffer` API):
what the canvas shows, line by line.
"""

from __future__ import annotations

import os
import select
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import icalendar
import pytest

if TYPE_CHECKING:  # Playwright itself is imported by the one worker that runs this test
    from playwright.sync_api import BrowserContext, Page

CHROMIUM = Path("/usr/bin/chromium")  # Debian's; `.ci/run` installs it
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",  # CI runs as root
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WAIT_MS = 30_000  # for the app to draw what a step expects; a failure shows what was drawn
NOW = "2026-02-01T11:10"  # during the first talk: the schedule opens with it under the cursor
FIRST_TALK = "Library Liberation"
FIRST_TALK_AUTHOR = "Arun Thangamani"

# Keeps the xterm.js terminal the page makes (textual-serve's client assigns it to a
# `terminal` property), so the test can read its text.
KEEP_TERMINAL = """
window.companionTerminals = [];
Object.defineProperty(Object.prototype, "terminal", {
  configurable: true,
  set(value) {
    Object.defineProperty(this, "terminal", {
      value, writable: true, configurable: true, enumerable: true,
    });
    if (value && value.buffer) window.companionTerminals.push(value);
  },
});
"""
SCREEN_TEXT = """() => {
  const terminal = window.companionTerminals[0];
  if (!terminal) return "";
  const buffer = terminal.buffer.active, lines = [];
  for (let row = 0; row < terminal.rows; row++) {
    const line = buffer.getLine(buffer.viewportY + row);
    lines.push(line ? line.translateToString(true) : "");
  }
  return lines.join("\\n");
}"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def until_listening(port: int) -> None:
    """Wait until the port takes connections: the server says it serves just before it
    listens."""
    deadline = time.monotonic() + WAIT_MS / 1000
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except ConnectionRefusedError:
            assert time.monotonic() < deadline, f"nothing listens on port {port}"
            time.sleep(0.01)  # a poll with a deadline, not a wait for a guessed time


@pytest.fixture
def served(tmp_path: Path) -> Iterator[str]:
    """`companion serve` on a free port (data and settings in the test's own directories,
    which the autouse fixtures put in the environment); its URL, once it listens."""
    port = free_port()
    errors = tmp_path / "server-errors.txt"
    with errors.open("w") as stderr:
        server = subprocess.Popen(
            [sys.executable, "-m", "companion", "--now", NOW, "serve", "--port", str(port)],
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
        )
    assert server.stdout is not None
    try:
        readable, _, _ = select.select([server.stdout], [], [], WAIT_MS / 1000)
        started = server.stdout.readline() if readable else ""
        url = f"http://127.0.0.1:{port}"
        expected = f"companion: serving C4ML 2026 on {url} (this computer only); Ctrl+C stops\n"
        assert started == expected, (started, errors.read_text())
        until_listening(port)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=30)
        server.stdout.close()


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[BrowserContext]:
    if not CHROMIUM.exists() and not os.environ.get("CI"):  # CI installs it: there, it fails
        pytest.skip(f"no {CHROMIUM}: `apt-get install chromium` to run the browser test")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            tmp_path / "chromium-profile",  # new and empty
            executable_path=CHROMIUM,
            args=CHROMIUM_ARGS,
            accept_downloads=True,
            timeout=WAIT_MS * 2,  # to start, on a loaded machine
        )
        context.set_default_timeout(WAIT_MS)
        try:
            yield context
        finally:
            context.close()


def until_drawn(page: Page, *texts: str) -> None:
    """Wait until the terminal shows every one of `texts` (in any rows)."""
    try:
        page.wait_for_function(
            f"(texts) => {{ const shown = ({SCREEN_TEXT})(); "
            "return texts.every((text) => shown.includes(text)); }",
            arg=list(texts),
            timeout=WAIT_MS,
        )
    except Exception:
        drawn = page.evaluate(SCREEN_TEXT)
        raise AssertionError(f"never drawn: {texts}; the screen:\n{drawn}") from None


def test_the_app_in_a_browser_opens_a_talk_and_downloads_an_export(
    served: str, browser: BrowserContext, tmp_path: Path
) -> None:
    page = browser.pages[0] if browser.pages else browser.new_page()
    page.add_init_script(KEEP_TERMINAL)
    page.goto(served, wait_until="domcontentloaded")  # its web font is out of reach here
    until_drawn(page, FIRST_TALK, "Schedule")
    page.focus(".xterm-helper-textarea")  # where xterm.js takes the keys typed

    page.keyboard.press("Enter")  # the talk under the cursor: on now
    until_drawn(page, FIRST_TALK_AUTHOR, "e Note")  # talk details, with their keys
    page.keyboard.press("s")  # star it, for the export
    until_drawn(page, "Starred      ★ yes")
    page.keyboard.press("3")  # Starred
    until_drawn(page, "x Export")
    page.keyboard.press("x")
    until_drawn(page, "Ctrl+S downloads", "Download as", "c4ml-2026-starred.ics")

    # ics, the first format, is highlighted; Ctrl+S downloads it under the suggested name
    # wherever the focus is (a second Enter typed at once would reach the format list, as
    # the first one moves the focus to the name only after it is handled).
    # The page opens the download's address in a new tab; Playwright reports it here.
    try:
        with page.expect_download() as arrived:
            page.keyboard.press("Control+s")
        download = arrived.value
    except Exception:
        drawn = page.evaluate(SCREEN_TEXT)
        raise AssertionError(f"no download arrived; the screen:\n{drawn}") from None
    assert download.suggested_filename == "c4ml-2026-starred.ics"
    saved = tmp_path / "download.ics"
    download.save_as(saved)
    calendar = icalendar.Calendar.from_ical(saved.read_bytes())
    events = calendar.walk("VEVENT")
    assert len(events) == 1
    assert str(events[0]["SUMMARY"]).startswith(FIRST_TALK)
    until_drawn(page, "Sent 1 talk to your browser as c4ml-2026-starred.ics")
