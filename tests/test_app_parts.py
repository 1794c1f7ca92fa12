"""The app is made of small parts, one concern each, as the style guide asks: the App
class under 250 lines, and each part of it (a mixin in its own module) a small module."""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest

from companion.ui.app import CompanionApp

APP_CLASS_LINES = 250
PART_LINES = 150  # the guide's typical module
# The classes CompanionApp is made of, found in its bases rather than listed.
PARTS = [cls for cls in CompanionApp.__mro__[1:] if cls.__module__.startswith("companion.ui.")]


def test_the_app_is_made_of_parts() -> None:
    names = {cls.__name__ for cls in PARTS}
    assert {"AppState", "StarsAndNotes", "KeptSettings", "Navigation"} <= names
    assert {"SearchIndexing", "ProgramUpdates"} <= names


def test_the_app_class_is_under_the_guides_size() -> None:
    lines, _ = inspect.getsourcelines(CompanionApp)
    assert len(lines) < APP_CLASS_LINES


@pytest.mark.parametrize("part", PARTS, ids=lambda cls: cls.__name__)
def test_each_part_of_the_app_is_a_small_module(part: type) -> None:
    path = Path(inspect.getfile(part))
    assert len(path.read_text(encoding="utf-8").splitlines()) <= PART_LINES, path.name
