"""The suite's own set-up (tests/conftest.py): the test modules the main process imports once,
so that pytest rewrites their asserts before xdist's workers start, and apps whose scrolls
land at once."""

from __future__ import annotations

from tests.conftest import TESTS, named_test_modules
from tests.driving import AppFactory

PATTERNS = ["test_*.py", "*_test.py"]  # pytest's default `python_files`


def named(*arguments: str, where: str = "..") -> list[str]:
    return list(named_test_modules(arguments, (TESTS / where).resolve(), PATTERNS))


def test_a_directory_names_every_test_module_in_it_and_no_helper() -> None:
    modules = named("tests")
    assert "tests.test_suite_setup" in modules
    assert "tests.test_clock" in modules
    assert "tests.driving" not in modules
    assert "tests.conftest" not in modules
    assert len(modules) == len(list(TESTS.glob("test_*.py")))


def test_a_node_id_names_its_module_alone() -> None:
    assert named("tests/test_clock.py::test_x[1-2]") == ["tests.test_clock"]
    assert named("test_clock.py", where=".") == ["tests.test_clock"]


def test_what_is_not_a_test_module_of_this_suite_names_nothing() -> None:
    assert named("tests/test_no_such_module.py", "tests/driving.py", "README.md") == []
    assert named("tests/fixtures") == []


def test_apps_made_in_the_suite_scroll_without_animating(make_app: AppFactory) -> None:
    """Set too late (Textual was imported by a plugin first), the variable reached no app."""
    assert make_app().animation_level == "none"
