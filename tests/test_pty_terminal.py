"""The benchmark's pseudo-terminal harness: where frames end, and what a key press shows."""

from __future__ import annotations

import os
import sys
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parent.parent / "scripts"
sys.path.insert(0, str(SCRIPTS))

from pty_terminal import SYNC_END, SYNC_START, FrameSplitter, PtyProgram  # noqa: E402


def pieces(*reads: bytes, inside: bool = False) -> list[tuple[bytes, bool]]:
    """Each piece of the reads, with whether a frame ends after it."""
    splitter = FrameSplitter()
    splitter.inside = inside
    return [piece for read in reads for piece in splitter.split(read)]


def test_output_outside_a_synchronized_update_is_a_frame_per_read() -> None:
    assert pieces(b"first", b"second") == [(b"first", True), (b"second", True)]


def test_a_synchronized_update_ends_at_its_closing_marker_in_a_later_read() -> None:
    assert pieces(SYNC_START + b"top", b"bottom" + SYNC_END + b"after") == [
        (b"top", False),
        (b"bottom" + SYNC_END, True),
        (b"after", True),
    ]


def test_two_updates_in_one_read_are_two_frames() -> None:
    both = SYNC_START + b"one" + SYNC_END + SYNC_START + b"two" + SYNC_END
    assert pieces(both) == [(b"one" + SYNC_END, True), (b"two" + SYNC_END, True)]


def test_an_update_open_before_the_first_read_continues_in_it() -> None:
    assert pieces(b"rest" + SYNC_END, inside=True) == [(b"rest" + SYNC_END, True)]


def test_a_marker_cut_in_two_by_a_read_still_ends_the_frame() -> None:
    update = SYNC_START + b"screen" + SYNC_END
    for cut in range(1, len(update)):
        drawn = pieces(update[:cut], update[cut:])
        assert [ended for _, ended in drawn] == [False] * (len(drawn) - 1) + [True], cut
        assert b"".join(piece for piece, _ in drawn) == update[len(SYNC_START) :], cut


def test_a_key_typed_into_a_bare_textual_input_shows_in_a_synchronized_frame() -> None:
    bare = PtyProgram(
        [sys.executable, str(SCRIPTS / "bare_textual.py"), "input"],
        size=(80, 24),
        environment=dict(os.environ),
    )
    try:
        assert bare.first_frame(lambda screen: "Type here" in "\n".join(screen)) > 0
        bare.settle()
        response = bare.press(b"x", lambda screen: any(" x " in line for line in screen))
    finally:
        bare.close()
    assert response.seconds > 0
    assert response.cpu_to_frame > 0
    assert "Type here" not in "\n".join(response.screen)
    assert bare.synchronized_frames > 0  # Textual took the harness's answer to its query


# A process that forks a child holding 64 MiB until a line is typed, then waits for it and
# says so; it holds little itself.
FORKS_A_CHILD = """
import os, sys
if os.fork() == 0:
    held = bytearray(64 << 20)
    held[::4096] = b"x" * len(held[::4096])  # each page touched: resident
    print("child holds 64 MiB", flush=True)
    sys.stdin.readline()
    os._exit(0)
os.wait()
print("child done", flush=True)
sys.stdin.readline()
"""


def test_the_peak_memory_counts_a_forked_childs_with_its_parents() -> None:
    """As the app's first launch imports a large program in a child."""
    forking = PtyProgram([sys.executable, "-c", FORKS_A_CHILD], size=(80, 24), environment={})
    try:
        forking.first_frame(lambda screen: "child holds" in "\n".join(screen))
        forking.settle()
        forking.press(b"\r", lambda screen: "child done" in "\n".join(screen))
        peak = forking.peak_mib()
    finally:
        forking.close()
    assert peak >= 64
