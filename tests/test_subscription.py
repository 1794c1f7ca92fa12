"""Subscribing to a program's URL, against a local server the tests start (no test
touches the internet): the first fetch, conditional refreshes, an update that moves,
adds and cancels talks, every way a refresh fails, and the program opening offline."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from companion.catalog import open_program
from companion.changes import Changed, Field, ProgramChanges, compare
from companion.fetching import fetch
from companion.loading import ProgramError
from companion.subscription import Limits, open_url, subscribed, update
from tests.cli_driving import assert_clean_error, call_cli
from tests.local_server import V1, Answer, Server

MLIR = "0e5d2b6c-3333-4a8b-9c55-cccccccccccc"  # event 103: moved from 10:00 to 11:00
TILING = "0e5d2b6c-4444-4a8b-9c55-dddddddddddd"  # event 104: cancelled
NEW = "0e5d2b6c-6666-4a8b-9c55-ffffffffffff"  # event 106: new


def _second_version() -> str:
    moved = V1.replace(
        "<date>2030-02-02T10:00:00+01:00</date>\n        <start>10:00</start>\n"
        "        <duration>00:30</duration>\n        <room>K.1.105</room>",
        "<date>2030-02-02T11:00:00+01:00</date>\n        <start>11:00</start>\n"
        "        <duration>00:30</duration>\n        <room>K.1.105</room>",
    )
    cancelled = re.sub(r'\s*<event guid="0e5d2b6c-4444.*?</event>', "", moved, flags=re.S)
    new = (
        '<event guid="0e5d2b6c-6666-4a8b-9c55-ffffffffffff" id="106">'
        "<date>2030-02-03T11:00:00+01:00</date><start>11:00</start><duration>00:30</duration>"
        "<room>Janson</room><title>Late Addition</title><persons/></event>\n    </room>\n"
        "  </day>\n</schedule>"
    )
    updated = cancelled.replace("</room>\n  </day>\n</schedule>", new)
    assert updated.count("<event ") == V1.count("<event ")  # one gone, one new
    return updated


V2 = _second_version()


SHORT_WAIT = 0.5  # for the server that never answers: the time-out the test waits out
ANSWERED = Limits(timeout=10)  # the local server answers at once, even on a loaded machine


def test_a_url_is_fetched_kept_and_remembered(server: Server, data_dir: Path) -> None:
    opened = open_url(server.url, ANSWERED).opened
    assert opened.program.conference.id == "devconf-2030"
    assert len(opened.program.talks) == 5
    assert [(pid, source.location) for pid, source in subscribed().programs] == [
        ("devconf-2030", server.url)
    ]
    record = json.loads((data_dir / "programs" / "devconf-2030.source.json").read_text())
    assert record["etag"] == '"v1"' and record["fetched"].endswith("+00:00")
    assert "If-None-Match" not in server.requests[0]


def test_programs_json_names_the_source_and_when_it_was_fetched(server: Server) -> None:
    assert call_cli("--program", server.url, "talks").returncode == 0
    listed = {p["id"]: p for p in json.loads(call_cli("programs", "--json").stdout)}
    assert listed["devconf-2030"]["source"] == server.url
    assert listed["devconf-2030"]["fetched"] is not None
    assert listed["c4ml-2026"]["source"] is None and listed["c4ml-2026"]["fetched"] is None


def test_a_file_loaded_by_path_names_its_path(tmp_path: Path) -> None:
    path = tmp_path / "schedule.xml"
    path.write_text(V1, encoding="utf-8")
    assert call_cli("--program", str(path), "talks").returncode == 0
    listed = {p["id"]: p for p in json.loads(call_cli("programs", "--json").stdout)}
    assert listed["devconf-2030"]["source"] == str(path.resolve())


def test_an_unchanged_program_is_asked_for_conditionally(server: Server) -> None:
    open_url(server.url, ANSWERED)
    updated = update("devconf-2030", ANSWERED)
    assert updated.error is None and updated.changes is None  # 304: not modified
    asked = server.requests[-1]
    assert asked["If-None-Match"] == '"v1"'
    assert asked["If-Modified-Since"] == "Sat, 01 Feb 2030 10:00:00 GMT"
    ran = call_cli("update")
    assert ran.returncode == 0 and "devconf-2030: not modified" in ran.stdout


def test_an_update_says_what_moved_what_is_new_and_what_was_cancelled(server: Server) -> None:
    assert call_cli("--program", server.url, "star", "103", "104").returncode == 0
    server.answer = Answer(body=V2.encode(), headers={"ETag": '"v2"'})
    ran = call_cli("update", "--json")
    assert ran.returncode == 0, ran.stderr
    [result] = json.loads(ran.stdout)
    assert result["status"] == "updated"
    assert result["changes"] == {
        "new": [NEW],
        "changed": [{"id": MLIR, "fields": ["time"]}],
        "cancelled": [TILING],
    }
    starred = call_cli("--program", "devconf-2030", "starred").stdout
    assert "moved: was 10:00–10:30, now 11:00–11:30" in starred  # the star on the moved talk
    assert "no longer in the program" in starred  # the cancelled one is kept, and said


def test_the_text_of_an_update_lists_starred_changes_first(server: Server) -> None:
    assert call_cli("--program", server.url, "star", "104").returncode == 0
    server.answer = Answer(body=V2.encode(), headers={"ETag": '"v2"'})
    lines = call_cli("update").stdout.splitlines()
    assert lines[0] == "devconf-2030: 1 new, 1 changed, 1 cancelled"
    assert lines[1] == "  ★ cancelled  Tiling for Everyone — cancelled"
    assert lines[2].startswith("    new        Late Addition — Sun 03 Feb 11:00–11:30")
    assert lines[3].startswith("    changed    MLIR in Production — time: Sat 02 Feb 11:00")


def test_opening_the_url_again_refreshes_and_says_so(server: Server) -> None:
    assert call_cli("--program", server.url, "talks").returncode == 0
    server.answer = Answer(body=V2.encode(), headers={"ETag": '"v2"'})
    ran = call_cli("--program", server.url, "talks")
    assert ran.returncode == 0
    assert "devconf-2030: 1 new, 1 changed, 1 cancelled" in ran.stderr
    assert "Late Addition" in ran.stdout


@pytest.mark.parametrize(
    ("answer", "said"),
    [
        (Answer(status=500, body=b"oops"), "HTTP 500 Internal Server Error"),
        (Answer(body=b"<html><body>Closed</body></html>", headers={}), "root element is <html>"),
        (Answer(body=b"x" * 5000, headers={}), "larger than 4096 bytes"),
        (Answer(body=b"x", headers={"Content-Length": "999999"}), "larger than 4096 bytes"),
        (Answer(status=0), "timed out after 0.5 s"),
        (
            Answer(status=302, headers={"Location": "file:///etc/passwd"}),
            "redirect to a file: address",
        ),
        (Answer(status=302, headers={"Location": "ftp://127.0.0.1/x"}), "refused a redirect"),
    ],
    ids=["500", "html", "oversized", "lying-length", "timeout", "redirect-file", "redirect-ftp"],
)
def test_a_failed_refresh_keeps_the_copy_and_says_why_in_one_line(
    server: Server, answer: Answer, said: str
) -> None:
    assert call_cli("--program", server.url, "star", "103").returncode == 0
    server.answer = answer
    wait = SHORT_WAIT if answer.status == 0 else ANSWERED.timeout  # 0: it never answers
    updated = update("devconf-2030", Limits(timeout=wait, cap=4096))
    assert updated.error is not None and said in updated.error
    assert server.url in updated.error and "\n" not in updated.error
    talks = call_cli("--program", "devconf-2030", "talks", "--json")
    assert len(json.loads(talks.stdout)) == 5  # the kept copy, untouched
    assert "103" in call_cli("--program", "devconf-2030", "starred").stdout


def test_a_failed_refresh_exits_1_and_names_the_copy_used(server: Server) -> None:
    assert call_cli("--program", server.url, "talks").returncode == 0
    server.answer = Answer(status=503, body=b"busy")
    ran = call_cli("update")
    assert ran.returncode == 1
    assert "could not update devconf-2030: " in ran.stderr
    assert "HTTP 503" in ran.stderr and "using the copy fetched " in ran.stderr
    failed = json.loads(call_cli("update", "--json").stdout)
    assert failed[0]["status"] == "failed" and "HTTP 503" in failed[0]["error"]


def test_the_program_opens_offline_from_its_kept_copy(server: Server) -> None:
    assert call_cli("--program", server.url, "star", "101").returncode == 0
    url = server.url
    server.release.set()
    server.answer = Answer(status=500)  # then the server goes away entirely
    offline = url.replace(url.split(":")[2].split("/")[0], "9")  # a closed port
    assert call_cli("--program", "devconf-2030", "starred").returncode == 0
    ran = call_cli("--program", url, "starred")  # refresh fails: the kept copy opens
    assert ran.returncode == 0, ran.stderr
    assert "could not update devconf-2030" in ran.stderr and "Keynote" in ran.stdout
    assert_clean_error(call_cli("--program", offline, "talks"), "refused the connection")


def test_a_first_fetch_that_fails_is_one_line_and_keeps_nothing(
    server: Server, data_dir: Path
) -> None:
    server.answer = Answer(status=404, body=b"no")
    assert_clean_error(call_cli("--program", server.url, "talks"), "HTTP 404")
    assert not list(data_dir.glob("programs/*.json"))
    with pytest.raises(ProgramError, match="only http and https"):
        fetch("ftp://example.org/x.xml")


def test_update_of_a_program_not_subscribed_is_one_line() -> None:
    assert_clean_error(call_cli("update", "c4ml-2026"), "not subscribed to a URL")


def test_changes_compare_talk_by_talk(tmp_path: Path) -> None:
    old_path, new_path = tmp_path / "v1.xml", tmp_path / "v2.xml"
    old_path.write_text(V1, encoding="utf-8")
    new_path.write_text(V2, encoding="utf-8")
    old = open_program(str(old_path)).program
    new = open_program(str(new_path)).program
    assert compare(old, new) == ProgramChanges((NEW,), (Changed(MLIR, (Field.TIME,)),), (TILING,))
    assert not compare(new, new)
    assert compare(None, old).new == tuple(talk.id for talk in old.talks)


def test_opening_the_url_again_lists_what_changed_before_the_output(server: Server) -> None:
    assert call_cli("--program", server.url, "star", "103").returncode == 0
    server.answer = Answer(body=V2.encode(), headers={"ETag": '"v2"'})
    ran = call_cli("--program", server.url, "talks")
    said = ran.stderr.splitlines()
    assert said[0] == "devconf-2030: 1 new, 1 changed, 1 cancelled"
    assert said[1].startswith("  ★ changed    MLIR in Production — time:")
    assert not any("kept" in line for line in said)  # a refresh, not a first keep
    assert "Late Addition" in ran.stdout


def test_a_url_that_now_serves_another_program_changes_nothing(server: Server) -> None:
    assert call_cli("--program", server.url, "star", "101").returncode == 0
    other = (Path(__file__).parent / "fixtures" / "congressish.json").read_bytes()
    server.answer = Answer(body=other, headers={"ETag": '"other"'})
    updated = update("devconf-2030", ANSWERED)
    assert updated.error is not None and "now serves another program" in updated.error
    starred = call_cli("--program", "devconf-2030", "starred").stdout
    assert "Keynote: Compilers Everywhere" in starred and "no longer" not in starred


def test_a_damaged_kept_copy_is_fetched_whole_not_left_behind_a_304(
    server: Server, data_dir: Path
) -> None:
    assert call_cli("--program", server.url, "talks").returncode == 0
    (data_dir / "programs" / "devconf-2030.json").write_text('{"broken', encoding="utf-8")
    updated = update("devconf-2030", ANSWERED)
    assert updated.error is None and updated.opened is not None
    assert "If-None-Match" not in server.requests[-1]
    assert len(json.loads(call_cli("--program", "devconf-2030", "talks", "--json").stdout)) == 5


def test_loading_the_program_from_elsewhere_says_what_it_follows_now(
    server: Server, tmp_path: Path
) -> None:
    assert call_cli("--program", server.url, "talks").returncode == 0
    copy = tmp_path / "schedule.xml"
    copy.write_text(V1, encoding="utf-8")
    ran = call_cli("--program", str(copy), "talks")
    assert f"devconf-2030 now follows {copy} (it followed {server.url})" in ran.stderr


def test_a_malformed_address_is_one_line() -> None:
    assert_clean_error(call_cli("--program", "http://[::1", "about"), "not a usable address")


def test_the_same_url_typed_otherwise_is_the_same_subscription(server: Server) -> None:
    assert call_cli("--program", server.url, "talks").returncode == 0
    shouting = server.url.replace("http://", "HTTP://")
    ran = call_cli("--program", f" {shouting} ", "talks")
    assert ran.returncode == 0 and "kept" not in ran.stderr
    assert server.requests[-1]["If-None-Match"] == '"v1"'  # asked as a refresh
    assert [pid for pid, _ in subscribed().programs] == ["devconf-2030"]
