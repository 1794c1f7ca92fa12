"""Settings that stick: a theme picked in the palette and the venue/local choice are found
after a restart; `--theme` changes one run only; `companion settings` reads and changes
them; two terminals changing different settings keep both."""

from __future__ import annotations

import tomllib
from datetime import timedelta
from pathlib import Path

from companion.program import Program
from companion.settings import Settings, Times, load_settings, update_settings
from companion.ui.app import CompanionApp
from tests.cli_driving import assert_clean_error, call_cli
from tests.driving import AppFactory, flat, screen_lines, toasted
from tests.test_settings import BROKEN


def saved(config_dir: Path) -> dict[str, object]:
    return tomllib.loads((config_dir / "settings.toml").read_text(encoding="utf-8"))


async def test_a_theme_picked_in_the_palette_is_there_after_a_restart(
    make_app: AppFactory, config_dir: Path
) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        assert app.theme == "textual-dark"
        await pilot.press("ctrl+p", *"theme", "enter")  # the palette's "Change theme"
        await pilot.press(*"solarized-light", "enter")
        await pilot.pause()
        assert app.theme == "solarized-light"
    assert saved(config_dir)["display"] == {"theme": "solarized-light", "times": "venue"}

    again = make_app()
    async with again.run_test():
        assert again.theme == "solarized-light"


async def test_the_zone_choice_is_there_after_a_restart(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.press("z")
        assert "local time" in app.sub_title
    assert load_settings().settings.times is Times.LOCAL

    again = make_app()
    async with again.run_test():
        assert "local time" in again.sub_title


async def test_a_theme_for_one_run_is_not_kept(program: Program, config_dir: Path) -> None:
    update_settings(theme="nord")
    app = CompanionApp(program, theme="textual-light")
    async with app.run_test() as pilot:
        await pilot.pause()
        assert app.theme == "textual-light"
    assert load_settings().settings.theme == "nord"


async def test_an_unknown_saved_theme_is_said_once_and_the_app_runs(
    make_app: AppFactory,
) -> None:
    update_settings(theme="no-such-theme")
    app = make_app()
    async with app.run_test(notifications=True) as pilot:
        await toasted(pilot, "No theme called no-such-theme")
        assert app.theme == "textual-dark"


async def test_changing_the_lead_time_keeps_the_theme(make_app: AppFactory) -> None:
    """Saving one setting rewrites the file; the others survive it."""
    update_settings(theme="nord", times=Times.LOCAL)
    app = make_app()
    async with app.run_test(notifications=True) as pilot:
        await pilot.press("3", "m", "2", "0", "enter")
        await toasted(pilot, "reminders 20 min")
    assert load_settings().settings == Settings(timedelta(minutes=20), "nord", Times.LOCAL)


def test_two_terminals_keep_each_others_change() -> None:
    update_settings(theme="gruvbox")  # one terminal
    update_settings(remind_before=timedelta(minutes=30))  # the other, started before
    assert load_settings().settings == Settings(timedelta(minutes=30), "gruvbox")


def test_the_settings_command_reads_and_changes_them(config_dir: Path) -> None:
    done = call_cli("settings")
    assert done.returncode == 0
    assert "theme      default" in done.stdout and "5 min before" in done.stdout
    assert str(config_dir / "settings.toml") in done.stdout

    assert call_cli("settings", "theme", "catppuccin-latte").returncode == 0
    assert call_cli("settings", "reminders", "0").returncode == 0
    assert call_cli("settings", "times", "local").returncode == 0
    assert saved(config_dir) == {
        "reminders": {"minutes_before": 0},
        "display": {"theme": "catppuccin-latte", "times": "local"},
    }
    assert '"theme": "catppuccin-latte"' in call_cli("settings", "--json").stdout
    assert call_cli("settings", "theme", "default").returncode == 0
    assert load_settings().settings.theme is None


def test_wrong_settings_are_one_line_errors(config_dir: Path) -> None:
    assert_clean_error(call_cli("settings", "theme", "nope"), "no theme called nope")
    assert_clean_error(call_cli("settings", "reminders", "500"), "from 0 to 120")
    assert_clean_error(call_cli("settings", "times", "mars"), '"venue" or "local"')
    assert_clean_error(call_cli("settings", "theme"), "give the new value too")
    assert_clean_error(call_cli("--theme", "nope", "talks"), "no theme called nope")
    assert not (config_dir / "settings.toml").exists()


def test_a_broken_file_is_set_aside_when_a_setting_changes(config_dir: Path) -> None:
    config_dir.mkdir()
    (config_dir / "settings.toml").write_text(BROKEN, encoding="utf-8")
    done = call_cli("settings", "theme", "nord")
    assert done.returncode == 0 and "using the defaults" in done.stderr
    [kept] = [p for p in config_dir.iterdir() if ".unreadable-" in p.name]
    assert kept.read_text(encoding="utf-8") == BROKEN
    assert saved(config_dir)["display"] == {"theme": "nord", "times": "venue"}


async def test_light_themes_draw_the_schedule(make_app: AppFactory) -> None:
    for theme in ("textual-light", "solarized-light"):
        update_settings(theme=theme)
        app = make_app()
        async with app.run_test():
            assert app.theme == theme
            assert "Magellan" in flat(screen_lines(app.screen))


def test_one_wrong_value_costs_only_itself(config_dir: Path) -> None:
    config_dir.mkdir()
    written = '[display]\ntheme = "textual-light"\n[reminders]\nminutes_before = 100000\n'
    (config_dir / "settings.toml").write_text(written, encoding="utf-8")
    settings, problem = load_settings()
    assert settings == Settings(theme="textual-light")
    assert problem is not None and "from 0 to 120" in problem and "keeping the rest" in problem
    [kept] = [p for p in config_dir.iterdir() if ".unreadable-" in p.name]
    assert kept.read_text(encoding="utf-8") == written  # what the user wrote, kept whole
    assert load_settings() == (Settings(theme="textual-light"), None)  # said once


def test_an_unknown_setting_is_said_and_kept_aside_not_lost(config_dir: Path) -> None:
    config_dir.mkdir()
    written = 'unknown_key = 3\n[display]\ntheme = "nord"\ncolour = "red"\n'
    (config_dir / "settings.toml").write_text(written, encoding="utf-8")
    settings, problem = load_settings()
    assert settings.theme == "nord"
    assert problem is not None
    assert "unknown setting unknown_key" in problem and "display.colour" in problem
    [kept] = [p for p in config_dir.iterdir() if ".unreadable-" in p.name]
    assert kept.read_text(encoding="utf-8") == written
