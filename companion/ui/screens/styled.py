"""Screens shown again keep their styles while nothing those styles depend on changed.

Textual styles a whole screen anew each time it is shown (`ScreenResume` with its
`refresh_styles`), a quarter of a switch between modes or of opening the kept talk
screen. A screen's styles change only with the rules (a theme or an ANSI theme parses
them again, a screen first shown adds its own), with the app's classes and
pseudo-classes (theme, dark mode, app focus, no colour), or with a node's own classes and
pseudo-classes, which Textual restyles as they change, shown or not. So a screen shown
again with the same rules and the same app state is left as it was styled.
"""

from __future__ import annotations

from typing import TypeVar

from textual import events, on
from textual.css.model import RuleSet
from textual.screen import Screen

Result = TypeVar("Result")


class StyledScreen(Screen[Result]):
    """A screen that is styled again when shown only if its styles may have changed."""

    BLANK = True  # an opaque, borderless background: drawn without rendering each line

    _styled_with: tuple[list[RuleSet], frozenset[str], frozenset[str]] | None = None

    @on(events.Mount)
    def _styled_as_mounted(self) -> None:
        """Textual styles each widget as it mounts, the screen's own before it mounts: a
        screen shown as soon as it is built need not be styled all over again."""
        self._styled_with = self._style_inputs()

    @on(events.ScreenResume)
    def _restyle_only_if_changed(self, event: events.ScreenResume) -> None:
        """Runs before Textual's own handler (a subclass's handlers run before its base's),
        which restyles the screen only if `refresh_styles`."""
        inputs, kept = self._style_inputs(), self._styled_with
        if kept is not None and kept[0] is inputs[0] and kept[1:] == inputs[1:]:
            event.refresh_styles = False
        else:
            self._styled_with = inputs

    def _style_inputs(self) -> tuple[list[RuleSet], frozenset[str], frozenset[str]]:
        """What the styles of the screen's nodes depend on beyond the nodes themselves."""
        app = self.app
        return app.stylesheet.rules, app.classes, app.pseudo_classes
