"""Stars and notes from the command line (in-process), with program updates and bad data dirs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from companion.paths import DATA_DIR_VARIABLE
from companion.store import Store, store_path
from tests.cli_driving import assert_clean_error, call_cli
from tests.programs import t, tiny_program


def starred_json(*options: str) -> list[dict[str, object]]:
    result = call_cli(*options, "starred", "--json")
    assert result.returncode == 0, result.stderr
    return list(json.loads(result.stdout))


def test_star_starred_unstar() -> None:
    assert call_cli("star", "xtc", "magellan").returncode == 0
    assert [talk["id"] for talk in starred_json()] == ["magellan", "xtc"]
    talks = json.loads(call_cli("talks", "--json").stdout)
    assert [talk["id"] for talk in talks if talk["starred"]] == ["magellan", "xtc"]
    assert "★" in call_cli("starred").stdout
    assert call_cli("unstar", "xtc").returncode == 0
    assert [talk["id"] for talk in starred_json()] == ["magellan"]


def test_nothing_starred_says_so() -> None:
    assert starred_json() == []
    assert "No starred talks yet" in call_cli("starred").stdout


def test_star_with_an_unknown_id_stars_nothing() -> None:
    assert_clean_error(call_cli("star", "magellan", "no-such-talk"), "no-such-talk")
    assert starred_json() == []
    assert_clean_error(call_cli("unstar", "no-such-talk"), "no-such-talk")


def test_notes_set_print_and_clear() -> None:
    assert call_cli("note", "magellan", "Ask Ngân (NV) Vũ about", "heuristics").returncode == 0
    assert call_cli("note", "magellan").stdout == "Ask Ngân (NV) Vũ about heuristics\n"
    assert json.loads(call_cli("show", "magellan", "--json").stdout)[0]["note"].startswith("Ask")
    assert call_cli("note", "magellan", "").returncode == 0
    assert call_cli("note", "magellan").stdout == "No note on magellan.\n"
    assert_clean_error(call_cli("note", "no-such-talk", "x"), "no-such-talk")


def test_a_corrupt_store_is_moved_aside_and_the_user_told(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    path = store_path(data_dir, "c4ml-2026")
    path.write_bytes(b"definitely not a database")
    result = call_cli("star", "magellan")
    assert result.returncode == 0
    [kept] = [p for p in data_dir.iterdir() if ".unreadable-" in p.name]
    assert str(kept) in result.stderr
    assert kept.read_bytes() == b"definitely not a database"
    assert [talk["id"] for talk in starred_json()] == ["magellan"]


def test_an_unwritable_data_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(blocker / "data"))
    for args in (["star", "magellan"], ["note", "magellan", "hi"], ["starred", "--json"]):
        assert_clean_error(call_cli(*args), "cannot keep stars", "is a file, not a folder")
    assert call_cli("talks").returncode == 0  # browsing goes on, without stars


def test_a_second_shell_sees_stars_while_a_store_is_open(data_dir: Path) -> None:
    open_app_store = Store.open(data_dir, "c4ml-2026")  # as an app left open would hold it
    try:
        assert call_cli("star", "magellan").returncode == 0
        assert [talk["id"] for talk in starred_json()] == ["magellan"]
        assert open_app_store.starred_ids() == {"magellan"}
    finally:
        open_app_store.close()


def write_program(path: Path, document: dict[str, object]) -> str:
    path.write_text(json.dumps(document), encoding="utf-8")
    return str(path)


def test_a_program_update_flags_moves_and_keeps_vanished_stars(tmp_path: Path) -> None:
    before = tiny_program()
    v1 = write_program(tmp_path / "v1.json", before)
    assert call_cli("--program", v1, "star", "alpha", "beta", "gamma").returncode == 0
    assert call_cli("--program", v1, "note", "beta", "bring questions").returncode == 0

    after = tiny_program()  # the sessions swap places and talk beta is withdrawn
    s1, s2 = after["slots"][1], after["slots"][3]
    s1["start"], s1["end"], s2["start"], s2["end"] = s2["start"], s2["end"], s1["start"], s1["end"]
    after["talks"] = [talk for talk in after["talks"] if talk["id"] != "beta"]
    after["talks"][1].update(start=t("09:10"), end=t("09:40"))  # gamma
    after["talks"][2].update(start=t("09:40"), end=t("10:10"))  # delta
    v2 = write_program(tmp_path / "v2.json", after)

    stars = {star["id"]: star for star in starred_json("--program", v2)}
    assert set(stars) == {"alpha", "beta", "gamma"}
    assert stars["alpha"]["moved"] == "moved: was 09:10–09:40, now 10:30–11:30"
    assert stars["gamma"]["moved"] == "moved: was 10:30–11:00, now 09:10–09:40"
    assert stars["beta"]["in_program"] is False
    assert stars["beta"]["title"] == "Beta" and stars["beta"]["note"] == "bring questions"

    text = call_cli("--program", v2, "starred").stdout
    assert "moved: was 09:10–09:40, now 10:30–11:30" in text
    assert "Beta" in text and "no longer in the program" in text
    again = call_cli("--program", v2, "starred").stdout
    assert "moved" not in again  # seen once, no longer flagged
    assert "no longer in the program" in again  # never dropped silently
    assert call_cli("--program", v2, "unstar", "beta").returncode == 0
    assert {star["id"] for star in starred_json("--program", v2)} == {"alpha", "gamma"}
