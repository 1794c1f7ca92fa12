"""The kept copy's two names: today's `ID.jsonl` (JSON Lines), and `ID.json`, which versions
before JSON Lines wrote (one JSON document) and read, trusting its checksum. A copy under
the earlier name opens and is kept under today's beside it, the earlier file untouched so
that going back to such a version still finds a copy it reads; a JSON Lines copy under the
earlier name (kept by the version just before) is kept under today's, and left."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from companion.catalog import LOADED_BUNDLED_ID
from companion.kept_copy import kept_path, read_kept
from companion.loading import ProgramError, bundled_program_path
from companion.subscription import subscribed, update
from tests.cli_driving import assert_clean_error, call_cli
from tests.kept_copies import KEPT_ID, as_earlier_name, checksum_matches, forge, kept_document
from tests.local_server import V1, Answer, Server
from tests.test_subscription import ANSWERED

KEYNOTE = "Keynote: Compilers Everywhere"


def one_document(kept: Path) -> bytes:
    """The kept program as versions before JSON Lines wrote it: one JSON document."""
    return json.dumps(kept_document(kept), ensure_ascii=False, indent=1).encode()


def files_of(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


def test_a_copy_under_the_earlier_name_opens_and_is_left_for_an_earlier_version(
    kept: Path, validations: list[str]
) -> None:
    earlier_text = one_document(kept)
    earlier = as_earlier_name(kept, earlier_text)
    earlier_checksum = earlier.with_name(earlier.name + ".sha256").read_bytes()
    assert call_cli("--program", KEPT_ID, "star", "101").returncode == 0
    starred = call_cli("--program", KEPT_ID, "starred", "--json")
    assert starred.returncode == 0 and starred.stderr == ""
    assert [talk["title"] for talk in json.loads(starred.stdout)] == [KEYNOTE]
    assert validations == []  # its checksum showed it was the copy validated
    # Untouched: what an earlier version reads, trusting the checksum, as one document.
    assert earlier.read_bytes() == earlier_text
    assert earlier.with_name(earlier.name + ".sha256").read_bytes() == earlier_checksum
    assert json.loads(earlier.read_bytes())["conference"]["id"] == KEPT_ID
    assert kept.read_bytes().startswith(b'{"layout":') and checksum_matches(kept)
    assert kept_document(kept) == json.loads(earlier_text)


def test_a_json_lines_copy_under_the_earlier_name_is_kept_and_left_to_the_version_before(
    kept: Path,
) -> None:
    """As the version before this one kept it: that version reads it, so it stays."""
    lines = kept.read_bytes()
    earlier = as_earlier_name(kept, lines)
    checksum = earlier.with_name(earlier.name + ".sha256").read_bytes()
    assert call_cli("--program", KEPT_ID, "about").returncode == 0
    assert kept.read_bytes() == lines and checksum_matches(kept)
    assert earlier.read_bytes() == lines
    assert earlier.with_name(earlier.name + ".sha256").read_bytes() == checksum


def test_a_copy_under_both_names_is_listed_once_from_the_newer(kept: Path) -> None:
    earlier = kept.with_suffix(".json")
    document = kept_document(kept)
    document["conference"]["title"] = "An older version"
    earlier.write_text(json.dumps(document), encoding="utf-8")
    later = earlier.stat().st_mtime_ns + 1_000_000_000
    os.utime(kept, ns=(later, later))
    listed = json.loads(call_cli("programs", "--json").stdout)
    assert [(p["id"], p["title"], p["path"]) for p in listed if not p["bundled"]] == [
        (KEPT_ID, "DevConf Brussels 2030", str(kept))
    ]


def test_an_update_kept_under_the_earlier_name_leaves_it_for_an_earlier_version(
    server: Server,
) -> None:
    opened = call_cli("--program", server.url, "talks")
    assert opened.returncode == 0, opened.stderr
    kept = Path(json.loads(call_cli("programs", "--json").stdout)[-1]["path"])
    earlier_text = one_document(kept)
    earlier = as_earlier_name(kept, earlier_text)
    assert [program_id for program_id, _ in subscribed().programs] == [KEPT_ID]
    anywhere = V1.replace(KEYNOTE, "Keynote: Compilers Anywhere").encode()
    server.answer = Answer(body=anywhere, headers={"ETag": '"v2"'})
    updated = update(KEPT_ID, ANSWERED)
    assert updated.error is None and updated.opened is not None
    assert earlier.read_bytes() == earlier_text
    assert read_kept(kept).talks[0].title == "Keynote: Compilers Anywhere"


def test_records_no_longer_as_many_as_the_first_line_says_are_validated_again(
    kept: Path, validations: list[str]
) -> None:
    """As a hand edit can leave them: here the first line counts more people than follow."""
    header, rest = kept.read_bytes().split(b"\n", 1)
    counts = json.loads(header)
    people = counts["lists"]["people"]
    counts["lists"]["people"] += 2
    kept.write_bytes(json.dumps(counts, separators=(",", ":")).encode() + b"\n" + rest)
    program = read_kept(kept)
    assert validations == [str(kept)]
    assert len(program.people) == people
    lines = kept.read_bytes().splitlines()
    assert len(lines) == 1 + sum(json.loads(lines[0])["lists"].values())
    read_kept(kept)
    assert validations == [str(kept)]  # kept as validated: the second time, read as is


def test_a_copy_cut_short_in_a_line_is_refused_in_one_line_and_left_alone(kept: Path) -> None:
    cut = kept.read_bytes()[:-40]
    kept.write_bytes(cut)
    assert_clean_error(call_cli("--program", KEPT_ID, "talks"), str(kept), "cut short")
    assert kept.read_bytes() == cut
    with pytest.raises(ProgramError, match="cut short"):
        read_kept(kept)


def test_the_copy_left_under_the_earlier_name_still_opens_as_a_program_file(
    kept: Path,
) -> None:
    """`--program` given that file's path reads it as the native file it is."""
    earlier = as_earlier_name(kept, one_document(kept))
    assert call_cli("--program", KEPT_ID, "about").returncode == 0
    by_path = call_cli("--program", str(earlier), "about")
    assert by_path.returncode == 0, by_path.stderr
    assert by_path.stdout.startswith("DevConf Brussels 2030\n")


def test_a_program_loaded_again_opens_as_loaded_though_an_earlier_version_kept_another(
    tmp_path: Path,
) -> None:
    """Loaded again unchanged, today's copy is not rewritten, but made the newer name (a
    copy of the bundled program: kept under its own id without reading the copy first)."""
    copy = tmp_path / "c4ml.json"
    copy.write_bytes(bundled_program_path().read_bytes())
    assert call_cli("--program", str(copy), "about").returncode == 0
    kept = kept_path(LOADED_BUNDLED_ID)
    document = kept_document(kept)
    document["conference"]["title"] = "An older version"
    earlier = kept.with_suffix(".json")
    earlier.write_text(json.dumps(document), encoding="utf-8")
    before = kept.stat().st_mtime_ns - 10_000_000_000
    os.utime(kept, ns=(before, before))
    os.utime(earlier, ns=(before + 5_000_000_000, before + 5_000_000_000))
    assert call_cli("--program", str(copy), "about").returncode == 0
    assert "An older version" not in call_cli("--program", LOADED_BUNDLED_ID, "about").stdout


def test_an_earlier_copy_touched_since_does_not_replace_todays(kept: Path) -> None:
    """A backup restored, a folder synced: `ID.json` newer on disk, but the same copy as
    when `ID.jsonl` was last written, so today's opens."""
    earlier = as_earlier_name(kept, one_document(kept))
    assert call_cli("--program", KEPT_ID, "about").returncode == 0  # kept as ID.jsonl too
    forge(kept, kept.read_bytes().replace(b"DevConf Brussels 2030", b"Updated since", 1))
    later = kept.stat().st_mtime_ns + 5_000_000_000
    os.utime(earlier, ns=(later, later))
    assert "Updated since" in call_cli("--program", KEPT_ID, "about").stdout.split("\n")[0]


def test_a_copy_an_earlier_version_kept_since_opens_however_old_its_file_time(
    kept: Path,
) -> None:
    earlier = as_earlier_name(kept, one_document(kept))
    assert call_cli("--program", KEPT_ID, "about").returncode == 0  # kept as ID.jsonl too
    document = json.loads(earlier.read_bytes())
    document["conference"]["title"] = "Kept by an earlier version"
    forge(earlier, json.dumps(document).encode())
    older = kept.stat().st_mtime_ns - 5_000_000_000
    os.utime(earlier, ns=(older, older))
    for _ in range(2):  # and again, once kept as ID.jsonl
        about = call_cli("--program", KEPT_ID, "about").stdout
        assert "Kept by an earlier version" in about.split("\n")[0], about
