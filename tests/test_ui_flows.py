"""The TUI, walked through as a user would with Textual's pilot: keys in, widgets and store out."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import Input, OptionList, Static, TextArea

from companion.program import Program
from companion.store import Store
from companion.ui.app import CompanionApp
from companion.ui.screens.about import AboutScreen
from companion.ui.screens.help import HelpScreen
from companion.ui.screens.person import PersonScreen
from companion.ui.screens.schedule import ScheduleScreen
from companion.ui.screens.search import SearchScreen
from companion.ui.screens.speakers import SpeakersScreen
from companion.ui.screens.starred import StarredScreen
from companion.ui.screens.talk import TalkScreen
from companion.ui.widgets.day_bar import DayBar
from companion.ui.widgets.schedule_table import ScheduleTable
from tests.driving import (
    SIZE,
    AppFactory,
    drawn_lines,
    first_command,
    move_schedule_to,
    notices_saying,
    options_of,
    result_ids,
    search,
    show_talk,
    text_of,
    until,
)


def stored_stars(data_dir: Path) -> set[str]:
    store = Store.open(data_dir, "c4ml-2026")
    try:
        return store.starred_ids()
    finally:
        store.close()


async def test_open_a_talk_star_it_and_find_it_starred(
    make_app: AppFactory, data_dir: Path
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await move_schedule_to(pilot, "magellan")
        await pilot.press("enter")
        assert isinstance(app.screen, TalkScreen) and app.screen.talk_id == "magellan"
        assert "Magellan: Autonomous Discovery" in text_of(app, "#talk-title")
        facts = text_of(app, "#talk-facts")
        assert "estimated" in facts and "≈16:00–16:27" in facts
        assert "https://arxiv.org/abs/2601.21096" in facts
        await pilot.press("s")
        assert "magellan" in app.starred
        assert stored_stars(data_dir) == {"magellan"}
        assert "★ yes" in text_of(app, "#talk-star")

        await pilot.press("3")
        assert isinstance(app.screen, StarredScreen)
        assert [i for i in options_of(app, "#starred-list") if i] == ["magellan"]  # a now-line
        await pilot.press("s")  # unstar in place
        assert options_of(app, "#starred-list") == []
        assert stored_stars(data_dir) == set()
        assert "No starred talks yet" in text_of(app, "#starred-summary")


async def test_starred_shows_breaks_between_stars_in_time_order(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        for talk_id in ("xtc", "library-liberation", "deeptools"):
            app.toggle_star(talk_id)
        await pilot.press("3")
        listing = app.screen.query_one("#starred-list", OptionList)
        rows = [listing.get_option_at_index(i) for i in range(listing.option_count)]
        talks = [row.id for row in rows if row.id]
        assert talks == ["library-liberation", "deeptools", "xtc"]
        breaks = [str(row.prompt) for row in rows if row.disabled]
        assert any("Lunch" in text for text in breaks)
        assert any("Break" in text for text in breaks)
        await pilot.press("home", "enter")  # it opened on what comes next: XTC, at 16:30
        assert isinstance(app.screen, TalkScreen)
        assert app.screen.talk_id == "library-liberation"


async def test_from_a_talk_open_an_author_and_jump_to_their_talk(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await show_talk(pilot, "magellan")
        await pilot.press("down", "down", "enter")  # the third author
        assert isinstance(app.screen, PersonScreen)
        assert app.screen.person_id == "ngan-nv-vu"
        assert "Ngân (NV) Vũ" in text_of(app, "#person-name")
        await pilot.press("enter")
        assert isinstance(app.screen, TalkScreen) and app.screen.talk_id == "magellan"
        await pilot.press("escape", "escape", "escape")
        assert isinstance(app.screen, ScheduleScreen)


async def test_previous_and_next_talk_in_program_order(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await show_talk(pilot, "defeat-the-heap")
        await pilot.press("right_square_bracket")
        assert app.screen.talk_id == "magellan"  # type: ignore[attr-defined]
        assert "Session 3" in text_of(app, "#talk-facts")
        await pilot.press("left_square_bracket", "left_square_bracket")
        assert app.screen.talk_id == "pytorch-to-calyx"  # type: ignore[attr-defined]
        await show_talk(pilot, "xtc")
        await pilot.press("right_square_bracket")
        assert app.screen.talk_id == "xtc"  # type: ignore[attr-defined]


async def test_a_note_saves_itself_while_typing_and_on_leaving(
    make_app: AppFactory, data_dir: Path
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await show_talk(pilot, "magellan")
        await pilot.press("e", *"Ask about", "space", *"Böck")
        await until(pilot, lambda: app.store.note("magellan") == "Ask about Böck")
        await pilot.press("x", "escape", "escape")  # leave at once, before the delay
        assert isinstance(app.screen, ScheduleScreen)
        store = Store.open(data_dir, "c4ml-2026")
        assert store.note("magellan") == "Ask about Böckx"
        await show_talk(pilot, "magellan")
        assert app.screen.query_one("#talk-note", TextArea).text == "Ask about Böckx"


async def test_search_from_anywhere_opens_a_person_or_a_talk(make_app: AppFactory) -> None:
    """The search dialog end to end; what it finds, and in what order, is tested in
    test_search.py."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")  # search works from any place
        assert (await search(pilot, "ngan vu"))[0] == "person:ngan-nv-vu"
        await pilot.press("enter")
        assert isinstance(app.screen, PersonScreen) and app.screen.person_id == "ngan-nv-vu"
        assert (await search(pilot, "magelan"))[0] == "talk:magellan"  # a typo
        await pilot.press("enter")
        assert isinstance(app.screen, TalkScreen) and app.screen.talk_id == "magellan"


async def test_search_updates_on_every_keystroke_and_stars(
    make_app: AppFactory, data_dir: Path
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        assert await search(pilot, "a") == []  # one letter: keep typing
        assert "two letters" in text_of(app, "#search-status")
        await pilot.press("backspace", "x", "t")
        await pilot.pause()
        assert result_ids(app)[0] == "talk:xtc"
        await pilot.press("c")
        await pilot.pause()
        assert result_ids(app)[0] == "talk:xtc"
        await pilot.press("ctrl+s")
        assert stored_stars(data_dir) == {"xtc"}
        await pilot.press("escape")
        assert isinstance(app.screen, ScheduleScreen)


@pytest.fixture
def berlin_local_time(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "Europe/Berlin")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


async def test_switch_between_venue_and_local_time(
    make_app: AppFactory, berlin_local_time: None
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        table = app.screen.query_one(ScheduleTable)
        await move_schedule_to(pilot, "library-liberation")
        assert any(" ≈11:05–11:38      Library Liberation" in line for line in drawn_lines(table))
        assert "venue time: AEDT" in app.sub_title
        await pilot.press("z")
        assert any(" ≈01:05–01:38      Library Liberation" in line for line in drawn_lines(table))
        assert "local time: CET, UTC+01:00" in app.sub_title
        await show_talk(pilot, "library-liberation")
        assert "≈01:05–01:38 CET" in text_of(app, "#talk-facts")
        await pilot.press("z")
        assert "≈11:05–11:38 AEDT" in text_of(app, "#talk-facts")


@pytest.mark.parametrize(
    ("now", "banner", "cursor"),
    [
        (
            "2026-02-01T16:30",
            "Now   ≈16:27–16:53 Analyzing the complexities",
            "graph-compiler-complexities",
        ),
        ("2026-02-01T15:45", "Now   15:30–16:00 Break", "slot:break"),
        ("2026-02-01T10:45", "Now   nothing on right now", "slot:opening"),
        (
            "2026-01-20T09:00",
            "C4ML 2026 is on Sunday 1 February 2026: in 12 days.",
            "slot:cc-2026-panel",
        ),
        ("2026-02-03T09:00", "C4ML 2026 took place on Sunday 1 February 2026.", None),
    ],
)
async def test_now_and_next_follow_the_clock(
    make_app: AppFactory, now: str, banner: str, cursor: str | None
) -> None:
    app = make_app(now)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = " ".join(str(app.screen.query_one("NowNext", Static).render()).split())
        assert shown.startswith(" ".join(banner.split()))
        if cursor:
            assert app.screen.query_one(ScheduleTable).selected_key == cursor


async def test_the_banner_follows_the_real_clock_when_it_moves(make_app: AppFactory) -> None:
    app = make_app("2026-02-01T16:30")
    async with app.run_test(size=SIZE) as pilot:
        app.clock = lambda: app.program.talk("xtc").start
        app.tick()
        await pilot.pause()
        assert "Now   ≈16:53–17:20 XTC" in str(app.screen.query_one("NowNext", Static).render())


async def test_speakers_filter_ignores_accents_and_opens_a_person(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        assert isinstance(app.screen, SpeakersScreen)
        everyone = options_of(app, "#speaker-list")
        assert len(everyone) == len(app.program.people)
        assert everyone.index("samuel-bayliss") < everyone.index("markus-bock")
        await pilot.press(*"bock")  # the filter has the focus
        assert options_of(app, "#speaker-list") == ["markus-bock"]
        await pilot.press(*["backspace"] * 3, *"x")  # "bx": no one
        assert options_of(app, "#speaker-list") == []
        await pilot.press("backspace", "space", *"mar")  # "b mar": typing on after deleting
        assert options_of(app, "#speaker-list") == ["markus-bock"]
        await pilot.press(*["backspace"] * 5)
        assert options_of(app, "#speaker-list") == everyone
        await pilot.press(*"bock")
        await pilot.press("enter")
        assert isinstance(app.screen, PersonScreen)
        assert "organizer" in str(app.screen.query_one("#person-facts", Static).render())


async def test_modes_are_one_key_away_and_the_current_one_is_dimmed(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        for key, mode in (("2", "speakers"), ("3", "starred"), ("1", "schedule")):
            await pilot.press(key)
            assert app.current_mode == mode
        assert app.check_action("switch_mode", ("schedule",)) is None
        assert app.check_action("switch_mode", ("starred",)) is True
        await move_schedule_to(pilot, "xtc")
        await pilot.press("t")
        assert isinstance(app.screen, TalkScreen) and app.screen.talk_id == "xtc"
        await pilot.press("3", "t")  # talk details: the last one opened
        assert isinstance(app.screen, TalkScreen) and app.screen.talk_id == "xtc"


async def test_help_lists_every_binding_and_about_tells_the_event(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one("#help-text", Static).render())
        for screen in (CompanionApp, ScheduleScreen, TalkScreen, StarredScreen, SearchScreen):
            for binding in screen.BINDINGS:
                assert binding.tooltip in text  # type: ignore[union-attr]
        await pilot.press("escape", "i")
        assert isinstance(app.screen, AboutScreen)
        about = str(app.screen.query_one("#about-text", Static).render())
        for fact in (
            "Sunday 1 February 2026",
            "ICC Sydney",
            "Markus Böck, ETH Zurich",
            "c4ml@googlegroups.com",
            "Room: not published",
            "autotuning",
        ):
            assert fact in about


async def test_command_palette_reaches_places_talks_and_people(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p", *"starred")
        await until(pilot, lambda: first_command(app).startswith("Starred"))
        await pilot.press("enter")
        await pilot.pause()
        assert app.current_mode == "starred"
        await pilot.press("ctrl+p", *"ngan")
        await until(pilot, lambda: first_command(app).startswith("Person: Ngân (NV) Vũ"))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PersonScreen) and app.screen.person_id == "ngan-nv-vu"


async def test_clicking_a_row_twice_opens_the_talk(make_app: AppFactory) -> None:
    app = make_app("2026-01-20T09:00")
    async with app.run_test(size=SIZE) as pilot:
        table = app.screen.query_one(ScheduleTable)
        row_y = table.region.y + 1 + table.row_line("slot:opening")  # below the heading
        await pilot.click(offset=(20, row_y + 2))  # the first talk, just below two slot rows
        await pilot.click(offset=(20, row_y + 2))
        await pilot.pause()
        assert isinstance(app.screen, TalkScreen)
        assert app.screen.talk_id == "library-liberation"


async def test_stars_from_another_terminal_appear(make_app: AppFactory, data_dir: Path) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        other = Store.open(data_dir, "c4ml-2026")
        other.star([app.program.talk("xtc")])
        other.close()
        table = app.screen.query_one(ScheduleTable)
        await until(pilot, lambda: any("★   XTC" in line for line in drawn_lines(table)))


async def test_an_unwritable_data_dir_browses_and_says_so_once(
    make_app: AppFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("COMPANION_DATA_DIR", str(blocker / "data"))
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await until(pilot, lambda: notices_saying(app.screen, "will not be saved") > 0)
        assert notices_saying(app.screen, "will not be saved") == 1
        await pilot.press("s")  # still works, for this session
        assert app.starred == {"graph-compiler-complexities"}
        await pilot.press("s")
        await pilot.pause()
        assert notices_saying(app.screen, "will not be saved") == 1
    assert not (blocker / "data").exists()


async def test_a_corrupt_store_is_kept_and_the_user_told(
    make_app: AppFactory, data_dir: Path
) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / "c4ml-2026.sqlite3").write_bytes(b"\x00garbage" * 100)
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        [kept] = [p for p in data_dir.iterdir() if ".unreadable-" in p.name]
        await until(pilot, lambda: notices_saying(app.screen, f"kept as {kept}.") == 1)
        await pilot.press("s")
    assert stored_stars(data_dir) == {"graph-compiler-complexities"}


async def test_starred_screen_flags_moves_once_and_keeps_vanished_talks(
    make_app: AppFactory, data_dir: Path
) -> None:
    from tests.programs import opened, tiny_program

    before = opened(tiny_program())
    store = Store.open(data_dir, before.conference.id)
    store.star([before.talk("alpha"), before.talk("beta")])
    store.close()
    document = tiny_program()
    document["slots"][1].update(start="2030-03-04T10:30:00+01:00", end="2030-03-04T11:30:00+01:00")
    document["slots"][3].update(start="2030-03-04T09:10:00+01:00", end="2030-03-04T10:10:00+01:00")
    document["talks"] = [document["talks"][0]]  # beta and the timed talks are gone
    after = opened(document)
    app = make_app("2030-03-04T08:00", on=after)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        listing = app.screen.query_one("#starred-list", OptionList)
        prompts = [
            str(listing.get_option_at_index(i).prompt)
            for i in range(listing.option_count)
            if listing.get_option_at_index(i).id
        ]
        assert "moved: was 09:10–09:40, now 10:30–11:30" in prompts[0]
        assert "Beta" in prompts[1] and "no longer in the program" in prompts[1]
        assert "1 moved since you last looked" in text_of(app, "#starred-summary")
    again = make_app("2030-03-04T08:00", on=after)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        assert "moved" not in text_of(again, "#starred-summary")
        assert options_of(again, "#starred-list")[-1] == "beta"


async def test_open_a_talks_link(make_app: AppFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str] = []
    app = make_app()
    monkeypatch.setattr(app, "open_url", lambda url, **_: opened.append(url))
    async with app.run_test(size=SIZE) as pilot:
        await show_talk(pilot, "magellan")
        await pilot.press("o")
        assert opened == ["https://arxiv.org/abs/2601.21096"]


async def test_export_from_the_starred_screen(make_app: AppFactory, tmp_path: Path) -> None:
    import icalendar

    from companion.ui.screens.export import ExportScreen

    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        app.toggle_star("magellan")
        app.store.set_note("magellan", "Ngân (NV) Vũ: ask about heuristics")
        await pilot.press("3", "x")
        assert isinstance(app.screen, ExportScreen)
        path_field = app.screen.query_one("#export-path", Input)
        assert path_field.value.endswith("c4ml-2026-starred.ics")
        await pilot.press("down")  # Markdown: the suggested name follows the format
        assert path_field.value.endswith("c4ml-2026-starred.md")
        await pilot.press("up")
        target = tmp_path / "agenda.ics"
        path_field.value = str(target)
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, StarredScreen)
        await until(pilot, lambda: notices_saying(app.screen, str(target)) == 1)
        [event] = icalendar.Calendar.from_ical(target.read_bytes()).walk("VEVENT")
        assert str(event["UID"]) == "magellan@c4ml-2026.c4ml-companion"
        assert "Ngân (NV) Vũ: ask about heuristics" in str(event["DESCRIPTION"])

        target.write_text("precious", encoding="utf-8")  # exists: ask once more first
        await pilot.press("x")
        app.screen.query_one("#export-path", Input).value = str(target)
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ExportScreen)
        assert "exists" in str(app.screen.query_one("#export-status", Static).render())
        assert target.read_text(encoding="utf-8") == "precious"
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, StarredScreen)
        assert target.read_bytes().startswith(b"BEGIN:VCALENDAR")


async def test_enter_typed_twice_at_once_exports_with_the_suggested_name(
    make_app: AppFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Both keys arrive before the first is handled, as from a fast typist or a paste:
    the second must reach the name the first moved to, not the format list again."""
    from textual import events

    documents = tmp_path / "Documents"
    monkeypatch.setenv("XDG_DOCUMENTS_DIR", str(documents))  # where the suggestion points
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        app.toggle_star("magellan")
        await pilot.press("3", "x")
        for _ in range(2):
            app.post_message(events.Key("enter", "\r"))
        await until(pilot, lambda: isinstance(app.screen, StarredScreen))
        written = documents / "c4ml-2026-starred.ics"
        assert written.read_bytes().startswith(b"BEGIN:VCALENDAR")


async def test_a_multi_day_multi_room_program(make_app: AppFactory, frab_program: Program) -> None:
    program = frab_program
    keynote, mlir = "0e5d2b6c-1111-4a8b-9c55-aaaaaaaaaaaa", "0e5d2b6c-3333-4a8b-9c55-cccccccccccc"
    closing = "0e5d2b6c-5555-4a8b-9c55-eeeeeeeeeeee"
    app = make_app("2030-02-02T10:10", on=program)
    async with app.run_test(size=(100, 30)) as pilot:
        table = app.screen.query_one(ScheduleTable)
        keys = table.row_keys
        assert keys[:2] == (keynote, mlir)  # parallel talks, side by side in time
        assert closing not in keys  # day two is on its own page
        banner = str(app.screen.query_one("NowNext", Static).render())
        assert (
            "2 talks at once: Keynote: Compilers Everywhere (Janson); MLIR in Production" in banner
        )

        await pilot.press("full_stop")
        assert table.row_keys == (closing,)
        await pilot.press("comma")

        app.toggle_star(keynote)
        app.toggle_star(mlir)
        await pilot.pause()
        for title in ("Keynote: Compilers Everywhere", "MLIR in Production"):
            assert any(f"★!  {title}" in line for line in drawn_lines(table))

        await pilot.press("r")
        await pilot.press(*"k.1", "down", "space", "ctrl+s")  # tick "Room: K.1.105"
        talks = table.row_keys
        assert mlir in talks and keynote not in talks
        assert {program.talk(t).room for t in talks} == {"K.1.105"}
        await pilot.press("r", "ctrl+n", "ctrl+s")  # untick all: every room again
        assert keynote in table.row_keys

        app.toggle_star(closing)
        await pilot.press("3")
        listing = app.screen.query_one("#starred-list", OptionList)
        options = [listing.get_option_at_index(i) for i in range(listing.option_count)]
        prompts = {option.id: str(option.prompt) for option in options if option.id}
        assert "clashes with MLIR in Production" in prompts[keynote]
        assert "clashes with Keynote: Compilers Everywhere" in prompts[mlir]
        assert "clashes" not in prompts[closing]
        headings = [str(option.prompt) for option in options if option.disabled]
        assert len(headings) == 3
        assert "Saturday 2 February 2030" in headings[0]
        assert headings[1] == "── now 10:10 ──"  # on the first day
        assert "Sunday 3 February 2030" in headings[2]


async def test_talk_details_of_an_imported_talk(
    make_app: AppFactory, frab_program: Program
) -> None:
    program = frab_program
    app = make_app("2030-02-02T10:10", on=program)
    async with app.run_test(size=(100, 40)) as pilot:
        await show_talk(pilot, "0e5d2b6c-1111-4a8b-9c55-aaaaaaaaaaaa")
        assert "Why every runtime grows one" in text_of(app, "#talk-title")
        facts = text_of(app, "#talk-facts") + text_of(app, "#talk-about")
        for fact in (
            "room Janson · track Keynotes",
            "keynote · en",
            "Ahead-of-time, just-in-time.",
            "A longer description.",
            "Sat 02 Feb 2030 10:00–10:50 CET",
        ):
            assert fact in facts
        assert "estimated" not in facts


async def test_opening_on_a_later_day_shows_that_day_and_settles(
    make_app: AppFactory, frab_program: Program
) -> None:
    program = frab_program
    app = make_app("2030-02-03T09:40", on=program)
    async with app.run_test(size=(100, 30)) as pilot:
        later = "0e5d2b6c-5555-4a8b-9c55-eeeeeeeeeeee"
        await until(pilot, lambda: app.screen.query_one(ScheduleTable).selected_key == later)
        screen = app.screen
        table = screen.query_one(ScheduleTable)
        assert screen.day_index == 1  # type: ignore[attr-defined]
        assert app.screen.query_one("#days", DayBar).chosen == 1
        fills = 0
        original = table.fill

        def counting_fill(view: object, focus: str | None = None) -> None:
            nonlocal fills
            fills += 1
            original(view, focus)  # type: ignore[arg-type]

        table.fill = counting_fill  # type: ignore[method-assign]
        for _ in range(3):  # every message the app has queued, three times over
            await pilot.pause()
        assert fills == 0  # nothing keeps refilling the table
        await pilot.press("comma")
        assert screen.day_index == 0  # type: ignore[attr-defined]


async def test_quitting_right_after_typing_keeps_the_note_and_closes_the_store(
    make_app: AppFactory, data_dir: Path
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await show_talk(pilot, "magellan")
        await pilot.press("e", "h", "i", "ctrl+q")  # well within the save delay
    assert not (data_dir / "c4ml-2026.sqlite3-wal").exists()  # closed cleanly
    assert Store.open(data_dir, "c4ml-2026").note("magellan") == "hi"


async def test_switching_mode_while_typing_keeps_the_note(
    make_app: AppFactory, data_dir: Path
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await show_talk(pilot, "xtc")
        await pilot.press("e", "o", "k", "escape", "2")
        assert app.current_mode == "speakers"
        assert app.store.note("xtc") == "ok"


def shown_lines(table: ScheduleTable) -> list[str]:
    """The table's lines as drawn on screen."""
    return [table.render_line(y).text for y in range(table.scrollable_content_region.height)]


async def test_a_long_day_is_whole_at_once_and_scrolls_to_the_cursor(
    make_app: AppFactory, generated: Program
) -> None:
    program = generated  # 08:00-20:30
    app = make_app(program.talks[120].start.isoformat(), on=program)
    async with app.run_test(size=(100, 30)) as pilot:
        table = app.screen.query_one(ScheduleTable)
        assert table.row_keys == tuple(talk.id for talk in program.talks)
        assert program.talk(str(table.selected_key)).start == program.talks[120].start
        assert any(
            program.talk(str(table.selected_key)).title[:40] in line for line in shown_lines(table)
        )
        last = program.talks[-1]
        app.toggle_star(last.id)
        await pilot.press("end")
        assert table.selected_key == last.id
        assert any("★" in line and last.title in line for line in shown_lines(table))
        await pilot.press("home", "pagedown")
        assert 0 < table.row_index(str(table.selected_key)) < 30


async def test_the_cursor_dims_when_the_table_loses_focus(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        table = app.screen.query_one(ScheduleTable)

        def cursor_background() -> object:
            [line] = [y for y in range(1, 30) if "Analyzing" in table.render_line(y).text]
            return list(table.render_line(line))[1].style.bgcolor  # type: ignore[union-attr]

        focused = cursor_background()
        table.blur()
        await pilot.pause()
        assert cursor_background() != focused
        table.focus()
        await pilot.pause()
        assert cursor_background() == focused


async def test_the_table_follows_a_theme_change(make_app: AppFactory) -> None:
    """Rows are drawn once and kept; a new theme must redraw them in its colours."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        table = app.screen.query_one(ScheduleTable)

        def backgrounds() -> tuple[object, object]:  # the heading's, and a row's below it
            heading, row = (next(iter(table.render_line(y))) for y in (0, 1))
            return heading.style.bgcolor, row.style.bgcolor  # type: ignore[union-attr]

        dark = backgrounds()
        app.theme = "textual-light"
        await pilot.pause()
        light = backgrounds()
        assert light[0] != dark[0] and light[1] != dark[1]


async def test_search_is_indexed_in_the_background_soon_after_start(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        assert not app.search_index_ready  # not before the first frame
        await until(pilot, lambda: app.search_index_ready)  # before anyone has typed


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("folder/", "names a folder"),
        ("x" * 300 + ".ics", "File name too long"),
        ("/dev/null", "not a regular file"),
    ],
)
async def test_export_to_what_cannot_be_a_file_says_why_and_stays(
    make_app: AppFactory, tmp_path: Path, name: str, said: str
) -> None:
    from companion.ui.screens.export import ExportScreen

    out = tmp_path / "out"
    out.mkdir()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "x")
        app.screen.query_one("#export-path", Input).value = (
            name if name.startswith("/") else f"{out}/{name}"
        )
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ExportScreen)
        assert said in str(app.screen.query_one("#export-status", Static).render())
    assert list(out.iterdir()) == []
