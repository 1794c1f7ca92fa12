"""Typed access from any widget or screen to the app's shared state."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.dom import DOMNode

if TYPE_CHECKING:
    from companion.ui.app import CompanionApp


def services(node: DOMNode) -> CompanionApp:
    return cast("CompanionApp", node.app)
