"""`companion settings`: read and change the settings the app keeps between runs."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from companion.cli.context import Context, UserError, print_json, warn
from companion.present.agenda import reminders_words
from companion.settings import (
    Loaded,
    Settings,
    SettingsError,
    Times,
    load_settings,
    reminder_minutes,
    settings_path,
    theme_name,
    times_setting,
    update_settings,
)

DEFAULT_THEME = "default"  # what `settings theme` takes to forget a chosen theme
TIMES_WORDS = {Times.VENUE: "venue (the venue's time zone)", Times.LOCAL: "local (your time zone)"}


def known_theme(value: str) -> str:
    """A theme the app has, by name (Textual's built-in themes); raises ValueError."""
    from textual.theme import BUILTIN_THEMES  # only when a theme is named

    name = theme_name(value)
    if name not in BUILTIN_THEMES:
        raise ValueError(f"no theme called {name}; the themes: {', '.join(sorted(BUILTIN_THEMES))}")
    return name


def theme_argument(value: str) -> str:
    """`--theme` as argparse takes it: a usage error names the themes there are."""
    try:
        return known_theme(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _theme_change(value: str) -> dict[str, Any]:
    return {"theme": None if value == DEFAULT_THEME else known_theme(value)}


# What `companion settings NAME VALUE` changes, by NAME.
CHANGES: dict[str, Callable[[str], dict[str, Any]]] = {
    "theme": _theme_change,
    "reminders": lambda value: {"remind_before": reminder_minutes(value)},
    "times": lambda value: {"times": times_setting(value)},
}


def add_settings_command(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("name", nargs="?", choices=sorted(CHANGES), help="the setting to change")
    parser.add_argument(
        "value",
        nargs="?",
        help=f"theme: a theme's name or {DEFAULT_THEME!r}; reminders: minutes before a "
        "starred talk, 0 for none; times: venue or local",
    )


def cmd_settings(ctx: Context) -> None:
    args = ctx.args
    if args.name is not None:
        if args.value is None:
            raise UserError(f"settings {args.name}: give the new value too")
        try:
            loaded = update_settings(**CHANGES[args.name](args.value))
        except (ValueError, SettingsError) as error:
            raise UserError(str(error)) from None
    else:
        loaded = load_settings()
    _show(loaded, as_json=args.json)


def _show(loaded: Loaded, *, as_json: bool) -> None:
    if loaded.problem:
        warn(loaded.problem)
    settings = loaded.settings
    if as_json:
        print_json(
            {
                "theme": settings.theme,
                "reminder_minutes": int(settings.remind_before.total_seconds() // 60),
                "times": str(settings.times),
                "file": str(settings_path()),
            }
        )
        return
    for name, value in _lines(settings):
        print(f"{name:<10} {value}")
    print(f"{'file':<10} {settings_path()}")


def _lines(settings: Settings) -> list[tuple[str, str]]:
    return [
        ("theme", settings.theme or f"{DEFAULT_THEME} (textual-dark)"),
        ("reminders", reminders_words(settings.remind_before).removeprefix("reminders ")),
        ("times", TIMES_WORDS[settings.times]),
    ]
