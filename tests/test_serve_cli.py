"""`companion serve` on the command line: where it listens, what it says, how it fails;
and the name a served export is downloaded under."""

from __future__ import annotations

import argparse
import select
import shlex
import socket
import subprocess
import sys
from collections.abc import Iterator
from ipaddress import ip_address

import pytest

from companion.cli.serve import app_command, url_host
from companion.export import ExportError, ExportFormat, download_name
from tests.cli_driving import assert_clean_error, call_cli


@pytest.fixture
def taken_port() -> Iterator[int]:
    """A port something already listens on."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        yield listener.getsockname()[1]


def test_a_port_in_use_is_one_line_and_exit_2(taken_port: int) -> None:
    result = call_cli("serve", "--port", str(taken_port))
    assert_clean_error(result, f"port {taken_port} is in use", "--port")
    assert result.stdout == ""


@pytest.mark.parametrize("port", ["0", "65536", "http", "-1"])
def test_a_port_that_is_no_port_is_a_usage_error(port: str) -> None:
    result = call_cli("serve", "--port", port)
    assert result.returncode == 2
    assert "is not a port number" in result.stderr


def test_an_address_not_this_computers_is_one_line_and_exit_2() -> None:
    assert_clean_error(call_cli("serve", "--host", "192.0.2.1"), "cannot listen on 192.0.2.1")


def test_serving_to_the_network_warns_and_names_the_address() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "companion", "serve", "--host", "0.0.0.0", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert server.stdout is not None and server.stderr is not None
    try:
        readable, _, _ = select.select([server.stdout], [], [], 30)
        started = server.stdout.readline() if readable else ""
    finally:
        server.terminate()
        server.wait(timeout=30)
    url = f"http://{socket.gethostname()}:{port}"
    reach = "reachable from your network"
    assert started == f"companion: serving C4ML 2026 on {url} ({reach}); Ctrl+C stops\n"
    warning = server.stderr.read().splitlines()[0]
    assert warning.startswith("companion: warning: 0.0.0.0 is reachable from other machines")
    assert url in warning


def test_each_tab_runs_the_app_with_this_runs_options() -> None:
    args = argparse.Namespace(program="my file.xml", now="2026-02-01T16:30", theme=None)
    assert shlex.split(app_command(args)) == [
        sys.executable,
        "-m",
        "companion",
        "--program",
        "my file.xml",
        "--now",
        "2026-02-01T16:30",
    ]


def test_a_browser_is_given_an_address_it_can_reach() -> None:
    assert url_host("127.0.0.1", [ip_address("127.0.0.1")]) == "127.0.0.1"
    assert url_host("::1", [ip_address("::1")]) == "[::1]"
    assert url_host("localhost", [ip_address("127.0.0.1")]) == "localhost"
    assert url_host("0.0.0.0", [ip_address("0.0.0.0")]) == socket.gethostname()


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("c4ml-2026-starred.ics", "c4ml-2026-starred.ics"),
        (" my day.ics ", "my-day.ics"),
        ("../../etc/passwd", "..-..-etc-passwd"),
        ("a;b\r\nSet-Cookie: x.csv", "a-b-Set-Cookie-x.csv"),
    ],
)
def test_a_download_is_named_by_a_file_name_safe_in_a_header(typed: str, name: str) -> None:
    assert download_name(typed) == name


@pytest.mark.parametrize("typed", ["", "  ", "..", "/"])
def test_a_download_needs_a_name(typed: str) -> None:
    with pytest.raises(ExportError, match="give a file name"):
        download_name(typed)


def test_every_format_tells_the_browser_what_it_is() -> None:
    assert {fmt: fmt.media_type for fmt in ExportFormat} == {
        ExportFormat.ICS: "text/calendar",
        ExportFormat.MD: "text/markdown",
        ExportFormat.CSV: "text/csv",
        ExportFormat.JSON: "application/json",
    }
