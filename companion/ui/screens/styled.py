"""Screens shown again keep their styles while nothing those styles depend on changed.

Textual styles a whole screen anew each time it is shown (`ScreenResume` with its
`refresh_styles`), a quarter of a switch between modes or of opening the kept talk
screen. A screen's styles change only with the rules (a theme or an ANSI theme parses
them again, a screen first shown adds its own), with the app's classes and
pseudo-classes (theme, dark mode, app focus, no colour), or with a node's own classes and
pseudo-classes, which Textual restyles as they change, shown or not. So a screen shown
again with the same rules and the same app state is left as it was styled.

The rules are parsed anew too when a widget of a kind not seen before first mounts (its
`DEFAULT_CSS`): the first talk opened brings a note box, and every mode was styled again
at its next visit. Such CSS is scoped to its widget's kind, so it can only style widgets
of that kind and what they hold, and none was mounted before it (each kind's CSS comes
with its first widget): a screen built before is not styled again for it.
"""

from __future__ import annotations

from typing import Any, NamedTuple, TypeVar

from textual import events, on
from textual.css.model import RuleSet
from textual.css.stylesheet import CssSource
from textual.css.types import CSSLocation
from textual.geometry import Size
from textual.screen import Screen

Result = TypeVar("Result")


class StyleInputs(NamedTuple):
    """What the styles of a screen's nodes depend on beyond the nodes themselves."""

    rules: list[RuleSet]
    classes: frozenset[str]  # the app's
    pseudo_classes: frozenset[str]  # the app's


RuleSources = frozenset[tuple[CSSLocation, CssSource]]
"""What the rules were parsed from that can style a widget already mounted: every source
but the scoped `DEFAULT_CSS` of each kind of widget. (A new theme or ANSI theme has the
rules parsed again from the same sources; the theme's name is among the app's classes,
which `StyleInputs` compares, and the ANSI theme colours lines, not styles.)"""


class StyledScreen(Screen[Result]):
    """A screen that is styled again when shown only if its styles may have changed."""

    BLANK = True  # an opaque, borderless background: drawn without rendering each line

    _styled_with: StyleInputs | None = None
    _parsed_from: RuleSources | None = None  # what `_styled_with.rules` were parsed from

    @on(events.Mount)
    def _styled_as_mounted(self) -> None:
        """Textual styles each widget as it mounts, the screen's own before it mounts: a
        screen shown as soon as it is built need not be styled all over again."""
        self._styled_with = self._style_inputs()
        self._parsed_from = self._rule_sources()

    @on(events.ScreenResume)
    def _restyle_only_if_changed(self, event: events.ScreenResume) -> None:
        """Runs before Textual's own handler (a subclass's handlers run before its base's),
        which restyles the screen only if `refresh_styles`."""
        inputs, kept = self._style_inputs(), self._styled_with
        if kept is not None and kept[1:] == inputs[1:] and self._same_rules(kept.rules):
            event.refresh_styles = False
            self._styled_with = inputs
        else:
            self._styled_with, self._parsed_from = inputs, self._rule_sources()

    def _same_rules(self, kept: list[RuleSet]) -> bool:
        """The rules are those the screen was styled with, or were parsed again only to add
        a new kind of widget's scoped CSS."""
        return kept is self.app.stylesheet.rules or self._rule_sources() == self._parsed_from

    def _style_inputs(self) -> StyleInputs:
        app = self.app
        return StyleInputs(app.stylesheet.rules, app.classes, app.pseudo_classes)

    def _rule_sources(self) -> RuleSources:
        return frozenset(
            (location, source)
            for location, source in self.app.stylesheet.source.items()
            if not (source.is_defaults and source.scope)
        )


def keep_layout(screen: Screen[object], size: Size) -> None:
    """Have a mode's screen, about to be shown again at the size it was laid out for, shown
    without being laid out again.

    Textual's `switch_mode` lays out the screen it shows whole whenever that screen has been
    shown before (its `stack_updates`, a count of its visits, is above zero). At the same
    size that changes nothing, but it counts every scrolling list as changed (it compares
    the list's virtual size with that of its view), which draws each list's scrollbar again
    (a fifth of a switch). Nothing is lost by skipping it: a widget changed out of view asked
    for a layout of its own, which the screen does as it is shown, and a screen whose size
    no longer fits the app is laid out as it is shown (`ScreenResume`). Its count of visits
    starts again, so it still changes as it is shown, and what watches it is told so."""
    if screen.outer_size == size:
        screen.set_reactive(Screen.stack_updates, 0)


def in_sight(screen: Screen[Any]) -> bool:
    """On top, or under a screen it shows through (the command palette). Textual counts
    the screen under any other as current: what a screen draws or works out out of sight
    (its footer, the schedule's rows and banner at a star on the talk screen) waits for
    it to be shown again."""
    top = screen.app.screen
    return screen is top or (screen.is_current and top.styles.background.a < 1)
