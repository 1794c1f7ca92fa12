"""Screens and widgets change state only through the app's declared services, never the store."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import pytest

from companion.ui.app import CompanionApp

UI = Path(__file__).resolve().parent.parent / "companion" / "ui"
VIEWS = sorted([*UI.glob("screens/*.py"), *UI.glob("widgets/*.py")])
# app.py and the modules of the parts the app is made of (its bases), found, not listed.
APP = sorted(
    {
        Path(inspect.getfile(cls))
        for cls in CompanionApp.__mro__
        if cls.__module__.startswith("companion.ui.")
    }
)


def store_uses(tree: ast.AST) -> list[str]:
    """Every import of the store module and every `.store` attribute read in `tree`."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            names = [f"{node.module}.{alias.name}" for alias in node.names]
            found += [name for name in [node.module, *names] if name.startswith("companion.store")]
        elif isinstance(node, ast.Import):
            found += [a.name for a in node.names if a.name.startswith("companion.store")]
        elif isinstance(node, ast.Attribute) and node.attr == "store":
            found.append(f"line {node.lineno}: .store")
    return found


def getattr_calls(tree: ast.AST) -> list[int]:
    """Lines that look an attribute up by name: an undeclared protocol."""
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
        if node.func.id in ("getattr", "hasattr")
    ]


def test_the_checks_see_a_store_write_and_a_getattr() -> None:
    tree = ast.parse("from companion import store\napp.store.set_note('x', '')\ngetattr(s, 'a')")
    assert store_uses(tree) == ["companion.store", "line 2: .store"]
    assert getattr_calls(tree) == [3]


@pytest.mark.parametrize("path", VIEWS, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_views_never_touch_the_store(path: Path) -> None:
    assert store_uses(ast.parse(path.read_text())) == []


@pytest.mark.parametrize("path", [*APP, *VIEWS], ids=lambda path: path.name)
def test_the_app_asks_screens_only_through_declared_protocols(path: Path) -> None:
    assert getattr_calls(ast.parse(path.read_text())) == []
