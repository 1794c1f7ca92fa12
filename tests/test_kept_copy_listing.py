"""`companion programs` names the kept copy that the next open of each program reads."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli_driving import call_cli
from tests.kept_copies import KEPT_ID, as_earlier_name, forge, kept_document


def listed_path() -> str:
    listed = json.loads(call_cli("programs", "--json").stdout)
    [path] = [entry["path"] for entry in listed if entry["id"] == KEPT_ID]
    return str(path)


def test_a_copy_found_under_the_earlier_name_is_listed_where_it_is_kept_once_read(
    kept: Path,
) -> None:
    """Read from `ID.json` (as an earlier version kept it), the program is kept as
    `ID.jsonl` in the same step, and that is the file every later open reads."""
    document = kept_document(kept)
    as_earlier_name(kept, json.dumps(document).encode())
    assert listed_path() == str(kept)
    assert kept.is_file()
    assert listed_path() == str(kept)  # and so it stays


def test_an_earlier_versions_newer_copy_is_listed_where_it_is_kept_once_read(
    kept: Path,
) -> None:
    document = kept_document(kept)
    document["conference"]["title"] = "Kept by an earlier version"
    forge(kept.with_suffix(".json"), json.dumps(document).encode())
    listed = json.loads(call_cli("programs", "--json").stdout)
    [entry] = [entry for entry in listed if entry["id"] == KEPT_ID]
    assert (entry["title"], entry["path"]) == ("Kept by an earlier version", str(kept))
    plain = call_cli("programs").stdout
    assert f"Kept by an earlier version  [{kept}]" in plain
    about = call_cli("--program", KEPT_ID, "about").stdout
    assert "Kept by an earlier version" in about.split("\n")[0]  # what the path holds
