"""`companion search`: the app's search from a shell, worded as the dialog words it."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli_driving import assert_clean_error, call_cli
from tests.programs import tiny_program

FOSDEMISH = str(Path(__file__).parent / "fixtures" / "fosdemish.xml")


def test_a_talk_is_listed_with_its_day_time_room_and_the_text_that_found_it() -> None:
    ran = call_cli("--program", FOSDEMISH, "search", "runtime")
    assert ran.returncode == 0
    assert ran.stdout.splitlines() == [
        "Keynote: Compilers Everywhere  [101]",
        "    talk · Sat 02 Feb · 10:00–10:50 · Janson",
        "    Why every runtime grows one",
    ]


def test_titles_and_people_come_before_talks_found_in_their_text() -> None:
    ran = call_cli("--program", FOSDEMISH, "search", "--json", "keynote")
    results = json.loads(ran.stdout)["results"]
    assert [hit["in_text"] for hit in results] == sorted(hit["in_text"] for hit in results)


def test_no_result_says_so() -> None:
    ran = call_cli("search", "xyzzy", "plugh")
    assert (ran.returncode, ran.stdout) == (0, 'No talk or person matches "xyzzy plugh"\n')
    assert json.loads(call_cli("search", "--json", "xyzzy").stdout) == {"total": 0, "results": []}


def test_a_capped_list_says_it_is_capped_and_all_lists_everything(tmp_path: Path) -> None:
    document = tiny_program()
    document["talks"] = [
        {"id": f"loop-{n}", "title": f"Loop {n}", "authors": [], "session": "s1"} for n in range(60)
    ]
    path = tmp_path / "loops.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    lines = call_cli("--program", str(path), "search", "loop").stdout.splitlines()
    assert lines[-1] == "first 50 of 60 — type more to narrow (or --all)"
    every = call_cli("--program", str(path), "search", "--all", "loop").stdout
    assert "type more" not in every and every.count("[loop-") == 60


def test_a_query_of_one_letter_is_refused_in_one_line() -> None:
    assert_clean_error(call_cli("search", "a"), "two letters")
