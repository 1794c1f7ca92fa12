"""The user's settings: a small TOML file in the user's config directory.

Read once at start-up with `tomllib` (imported only when there is a file). A change reads
the file again and writes it whole and atomically with that one value changed, so two open
terminals each keep what the other chose. A file that cannot be understood is set aside
under a timestamped name and the defaults are used, so it is reported once, never a crash,
and never silently overwritten.

The core does not know Textual's themes: a theme is kept as its name, and the app says
when it has no theme by that name.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from contextlib import suppress
from datetime import timedelta
from enum import StrEnum
from pathlib import Path
from typing import Any, NamedTuple

import platformdirs

from companion.files import WriteError, aside_path, write_atomic
from companion.reminders import DEFAULT_BEFORE

CONFIG_DIR_VARIABLE = "COMPANION_CONFIG_DIR"
FILE_NAME = "settings.toml"
LONGEST_REMINDER = timedelta(hours=2)
_THEME_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}")


class SettingsError(Exception):
    """The settings cannot be written; the message is one line naming the file."""


class Times(StrEnum):
    """Which clock the app shows times in."""

    VENUE = "venue"
    LOCAL = "local"


class Settings(NamedTuple):
    remind_before: timedelta = DEFAULT_BEFORE  # timedelta(0): no reminders
    theme: str | None = None  # a Textual theme's name; None: the app's default
    times: Times = Times.VENUE


DEFAULTS = Settings()


class Loaded(NamedTuple):
    settings: Settings
    problem: str | None = None  # what was wrong with the file, said once


def config_dir() -> Path:
    """`COMPANION_CONFIG_DIR` when set (tests, portable installs), else the user's config
    directory."""
    override = os.environ.get(CONFIG_DIR_VARIABLE)
    if override:
        return Path(override).expanduser().absolute()
    return platformdirs.user_config_path("c4ml-companion", appauthor=False)


def settings_path() -> Path:
    return config_dir() / FILE_NAME


def load_settings() -> Loaded:
    """The saved settings, the defaults when there are none; a file that is not valid
    settings is set aside and named in `problem`."""
    path = settings_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Loaded(Settings())
    except (OSError, UnicodeError) as error:
        reason = error.strerror if isinstance(error, OSError) else "not UTF-8 text"
        return _set_aside(path, f"cannot be read ({reason})")
    import tomllib  # only when there is a file to read: it compiles its patterns on import

    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return _set_aside(path, str(error))
    settings, problems = _parse(document)
    if not problems:
        return Loaded(settings)
    return _keep_the_rest(path, settings, "; ".join(problems))


def save_settings(settings: Settings) -> None:
    minutes = int(settings.remind_before.total_seconds() // 60)
    theme = "" if settings.theme is None else f"theme = {_toml_string(settings.theme)}\n"
    text = (
        "# C4ML Companion settings, written by the app.\n"
        "[reminders]\n"
        f"minutes_before = {minutes}  # 0: no reminders in the app\n"
        "\n"
        "[display]\n"
        f"{theme}"
        f'times = "{settings.times}"  # "venue": the venue\'s time zone; "local": yours\n'
    )
    path = settings_path()
    try:
        write_atomic(text, path, overwrite=True)
    except WriteError as error:
        raise SettingsError(str(error)) from None
    except OSError as error:  # its folder cannot be made: a file is in the way
        raise SettingsError(f"cannot write {path}: {error.strerror}") from None


def update_settings(**changes: Any) -> Loaded:
    """Change some settings and keep the others as the file has them now (another
    terminal may have changed them since this one started). Raises SettingsError."""
    loaded = load_settings()
    changed = loaded.settings._replace(**changes)
    save_settings(changed)
    return Loaded(changed, loaded.problem)


def _toml_string(text: str) -> str:
    """A TOML basic string: JSON's escapes are TOML's for every character."""
    import json

    return json.dumps(text, ensure_ascii=False)


def reminder_minutes(value: object) -> timedelta:
    """Minutes before a talk from a file or a user: a whole number from 0 to 120."""
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value)
    longest = int(LONGEST_REMINDER.total_seconds() // 60)
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= longest:
        raise ValueError(f"minutes before a reminder: give a whole number from 0 to {longest}")
    return timedelta(minutes=value)


def theme_name(value: object) -> str:
    """A theme's name from a file or a user: one line of at most 64 letters, digits and
    dashes (Textual's names); whether the app has it is for the app to say."""
    if not isinstance(value, str) or not _THEME_NAME.fullmatch(value):
        raise ValueError("theme: give a theme's name, such as textual-light")
    return value


def times_setting(value: object) -> Times:
    if value not in tuple(Times):
        raise ValueError('times: give "venue" or "local"')
    return Times(str(value))


# Each setting: its table and key in the file, the field it sets, and how it is read.
_READERS: tuple[tuple[str, str, str, Callable[[object], Any]], ...] = (
    ("reminders", "minutes_before", "remind_before", reminder_minutes),
    ("display", "theme", "theme", theme_name),
    ("display", "times", "times", times_setting),
)


def _parse(document: dict[str, Any]) -> tuple[Settings, list[str]]:
    """The settings the file gives, each read on its own: one that cannot be read is left
    at its default and said, and the others are kept."""
    settings, problems = Settings(), []
    for table_name, key, field, read in _READERS:
        table = document.get(table_name, {})
        if not isinstance(table, dict):
            problems.append(f"[{table_name}] is not a table")
            continue
        if (value := table.get(key)) is not None:
            try:
                settings = settings._replace(**{field: read(value)})
            except ValueError as error:
                problems.append(f"[{table_name}] {error}")
    known = {(table, key) for table, key, _, _ in _READERS}
    for name, value in document.items():  # kept aside, not dropped by the next change
        if not isinstance(value, dict):
            problems += [] if name in {table for table, _ in known} else [f"unknown setting {name}"]
            continue
        problems += [f"unknown setting {name}.{key}" for key in value if (name, key) not in known]
    return settings, list(dict.fromkeys(problems))


def _keep_the_rest(path: Path, settings: Settings, why: str) -> Loaded:
    """Set the file aside, as written, and keep the settings that could be read."""
    aside = _set_aside(path, why, settings, "keeping the rest")
    if not path.exists():
        with suppress(SettingsError):
            save_settings(settings)
    return aside


def _set_aside(
    path: Path, why: str, settings: Settings = DEFAULTS, then: str = "using the defaults"
) -> Loaded:
    """Keep the file under a timestamped name beside it (never overwriting one), so the
    next start is quiet and nothing the user wrote is lost."""
    target = aside_path(path)
    try:
        path.rename(target)
    except OSError as error:
        return Loaded(settings, f"{path} {why}; {then} ({error.strerror})")
    return Loaded(settings, f"{path} {why}; it was kept as {target}, {then}")
