"""A name lookup that never answers is given up at the fetch's timeout, like a slow server:
`companion --program https://...` ends in one line, not never. No network: the resolver
is replaced by one that hangs (until the test ends, or a guard's minute passes)."""

from __future__ import annotations

import functools
import socket
import threading
from collections.abc import Iterator

import pytest

from companion import subscription
from companion.fetching import fetch
from companion.loading import ProgramError
from companion.subscription import Limits, open_url
from tests.cli_driving import assert_clean_error, call_cli

URL = "https://programs.example/conference/schedule.xml"
HANG_GUARD = 60  # seconds a lookup hangs at most, so that a failing test still ends
QUICK = Limits(timeout=0.5)


@pytest.fixture
def hanging_resolver(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """Every name lookup hangs until the test ends; the event is set once one has begun."""
    asked = threading.Event()
    released = threading.Event()

    def never_answers(*_args: object, **_kwargs: object) -> list[object]:
        asked.set()
        released.wait(HANG_GUARD)
        raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")

    monkeypatch.setattr(socket, "getaddrinfo", never_answers)
    yield asked
    released.set()


def test_a_fetch_whose_name_lookup_hangs_times_out(hanging_resolver: threading.Event) -> None:
    with pytest.raises(ProgramError) as raised:
        fetch(URL, timeout=0.5)
    assert str(raised.value) == f"{URL}: timed out after 0.5 s"
    assert hanging_resolver.is_set()  # it was the lookup that was waited for


def test_subscribing_to_a_url_whose_name_lookup_hangs_times_out(
    hanging_resolver: threading.Event,
) -> None:
    with pytest.raises(ProgramError, match=r"timed out after 0\.5 s"):
        open_url(URL, QUICK)
    assert subscription.subscribed().programs == []  # nothing half kept


def test_the_command_line_says_so_in_one_line_and_fails(
    hanging_resolver: threading.Event, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(subscription, "open_url", functools.partial(open_url, limits=QUICK))
    assert_clean_error(call_cli("--program", URL, "talks"), URL, "timed out after 0.5 s")
