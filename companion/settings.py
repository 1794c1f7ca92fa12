"""The user's settings: a small TOML file in the user's config directory.

Read once at start-up with `tomllib`, written whole and atomically on a change. A file
that cannot be understood is set aside under a timestamped name and the defaults are used,
so it is reported once, never a crash, and never silently overwritten.
"""

from __future__ import annotations

import os
import tomllib
from datetime import timedelta
from pathlib import Path
from typing import NamedTuple

import platformdirs

from companion.files import WriteError, aside_path, write_atomic
from companion.reminders import DEFAULT_BEFORE

CONFIG_DIR_VARIABLE = "COMPANION_CONFIG_DIR"
FILE_NAME = "settings.toml"
LONGEST_REMINDER = timedelta(hours=2)


class SettingsError(Exception):
    """The settings cannot be written; the message is one line naming the file."""


class Settings(NamedTuple):
    remind_before: timedelta = DEFAULT_BEFORE  # timedelta(0): no reminders


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
    try:
        return Loaded(_parse(tomllib.loads(text)))
    except (tomllib.TOMLDecodeError, ValueError) as error:
        return _set_aside(path, str(error))


def save_settings(settings: Settings) -> None:
    minutes = int(settings.remind_before.total_seconds() // 60)
    text = (
        "# C4ML Companion settings, written by the app.\n"
        "[reminders]\n"
        f"minutes_before = {minutes}  # 0: no reminders in the app\n"
    )
    path = settings_path()
    try:
        write_atomic(text, path, overwrite=True)
    except WriteError as error:
        raise SettingsError(str(error)) from None
    except OSError as error:  # its folder cannot be made: a file is in the way
        raise SettingsError(f"cannot write {path}: {error.strerror}") from None


def reminder_minutes(value: object) -> timedelta:
    """Minutes before a talk from a file or a user: a whole number from 0 to 120."""
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value)
    longest = int(LONGEST_REMINDER.total_seconds() // 60)
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= longest:
        raise ValueError(f"minutes before a reminder: give a whole number from 0 to {longest}")
    return timedelta(minutes=value)


def _parse(document: dict[str, object]) -> Settings:
    reminders = document.get("reminders", {})
    if not isinstance(reminders, dict):
        raise ValueError("[reminders] is not a table")
    minutes = reminders.get("minutes_before")
    return Settings() if minutes is None else Settings(reminder_minutes(minutes))


def _set_aside(path: Path, why: str) -> Loaded:
    """Keep the file under a timestamped name beside it (never overwriting one), so the
    next start is quiet and nothing the user wrote is lost."""
    target = aside_path(path)
    try:
        path.rename(target)
    except OSError as error:
        return Loaded(Settings(), f"{path} {why}; using the defaults ({error.strerror})")
    return Loaded(Settings(), f"{path} {why}; it was kept as {target}, using the defaults")
