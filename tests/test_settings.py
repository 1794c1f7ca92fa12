"""The settings file: the reminders' lead time changed in the app and found after a
restart; a broken file set aside with one warning, never a crash."""

from __future__ import annotations

import tomllib
from datetime import timedelta
from pathlib import Path

import pytest

from companion.program import Program
from companion.settings import (
    Settings,
    SettingsError,
    load_settings,
    reminder_minutes,
    save_settings,
    settings_path,
)
from companion.store import Store
from tests.driving import AppFactory, flat, screen_lines, toasted

BROKEN = "[reminders]\nminutes_before = [\n"


def test_no_file_means_the_defaults(config_dir: Path) -> None:
    assert settings_path() == config_dir / "settings.toml"
    assert load_settings() == (Settings(timedelta(minutes=5)), None)


def test_saved_settings_are_read_back(config_dir: Path) -> None:
    save_settings(Settings(timedelta(minutes=12)))
    written = tomllib.loads((config_dir / "settings.toml").read_text(encoding="utf-8"))
    assert written == {"reminders": {"minutes_before": 12}, "display": {"times": "venue"}}
    assert load_settings() == (Settings(timedelta(minutes=12)), None)
    assert [p.name for p in config_dir.iterdir()] == ["settings.toml"]  # no temporary left


@pytest.mark.parametrize(
    "text",
    [
        BROKEN,
        "[reminders]\nminutes_before = 'soon'\n",
        "reminders = 3\n",
        "[reminders]\nminutes_before = 999\n",
        "\udcff",
    ],
)
def test_a_broken_file_is_set_aside_once(config_dir: Path, text: str) -> None:
    config_dir.mkdir()
    path = config_dir / "settings.toml"
    path.write_bytes(text.encode("utf-8", "surrogateescape"))
    settings, problem = load_settings()
    assert settings == Settings()
    [kept] = [p for p in config_dir.iterdir() if ".unreadable-" in p.name]
    assert problem is not None and str(kept) in problem and str(path) in problem
    assert kept.read_bytes() == text.encode("utf-8", "surrogateescape")
    assert load_settings() == (Settings(), None)  # said once: the next start is quiet


def test_minutes_from_a_user() -> None:
    assert reminder_minutes("0") == timedelta(0)
    assert reminder_minutes(120) == timedelta(hours=2)
    for wrong in ("-1", "121", "five", True, 2.5, None):
        with pytest.raises(ValueError, match="from 0 to 120"):
            reminder_minutes(wrong)


def test_settings_that_cannot_be_written_say_so(config_dir: Path) -> None:
    config_dir.parent.mkdir(exist_ok=True)
    config_dir.write_text("a file where the folder should be", encoding="utf-8")
    with pytest.raises(SettingsError, match=r"cannot write .*settings\.toml"):
        save_settings(Settings())


def summary(app: object) -> str:
    return flat(screen_lines(app.screen))  # type: ignore[attr-defined]


async def test_the_lead_time_changed_in_the_app_is_found_after_a_restart(
    make_app: AppFactory, data_dir: Path, config_dir: Path, program: Program
) -> None:
    store = Store.open(data_dir, program.conference.id)
    store.star([program.talk("magellan")])
    store.close()
    app = make_app("2026-02-01T15:40")
    async with app.run_test(notifications=True) as pilot:
        await pilot.press("3")
        assert "1 starred talk · reminders 5 min before" in summary(app)
        await pilot.press("m", "1", "5", "enter")  # the field starts selected: typing replaces
        await toasted(pilot, "Starred talks: reminders 15 min")
        assert "1 starred talk · reminders 15 min before" in summary(app)
    written = tomllib.loads((config_dir / "settings.toml").read_text(encoding="utf-8"))
    assert written["reminders"]["minutes_before"] == 15

    again = make_app("2026-02-01T15:46")  # 14 minutes before Magellan
    async with again.run_test(notifications=True) as pilot:
        await toasted(pilot, "in 14 min: Magellan")  # fired at once, from the saved lead time
        await pilot.press("3")
        assert "reminders 15 min before" in summary(again)
        await pilot.press("m", "2", "0", "0", "enter")  # out of range: said, not saved
        assert "give a whole number from 0 to 120" in summary(again)
        await pilot.press("escape")
        assert "reminders 15 min before" in summary(again)


async def test_the_palette_reaches_the_lead_time(make_app: AppFactory) -> None:
    from companion.ui.screens.reminder_lead import ReminderLeadScreen

    app = make_app()
    async with app.run_test() as pilot:
        await pilot.press("ctrl+p", *"reminders", "enter")
        assert isinstance(app.screen, ReminderLeadScreen)


async def test_a_broken_settings_file_warns_once_and_the_app_runs(
    make_app: AppFactory, config_dir: Path
) -> None:
    config_dir.mkdir()
    (config_dir / "settings.toml").write_text(BROKEN, encoding="utf-8")
    app = make_app()
    async with app.run_test(notifications=True) as pilot:
        await toasted(pilot, "using the defaults")
        assert summary(app).count("using the defaults") == 1
    [kept] = [p for p in config_dir.iterdir() if ".unreadable-" in p.name]
    assert kept.read_text(encoding="utf-8") == BROKEN

    again = make_app()
    async with again.run_test(notifications=True) as pilot:
        await pilot.press("3")  # a screen drawn after the start: no warning came with it
        assert "settings.toml" not in summary(again)
