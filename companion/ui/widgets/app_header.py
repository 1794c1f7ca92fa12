"""The title line at the top of every screen, drawn as Textual's `Header` draws it."""

from __future__ import annotations

from textual import events
from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

ICON = "⭘"
ICON_WIDTH = 8  # as Textual's header: the icon, padded, on the left ...
CLOCK_WIDTH = 10  # ... and the clock's room, empty, on the right


class AppHeader(Widget):
    """Textual's `Header` without a clock, as one widget rather than four (itself, icon,
    title, clock space): every widget of a screen is styled again each time the screen is
    shown, so switching screens and opening a talk cost a quarter of the header's.

    A click on the icon opens the command palette; elsewhere it makes the header taller
    or short again, as Textual's does (its title stays on the top line, the icon goes to
    the middle one).
    """

    DEFAULT_CSS = """
    AppHeader {
        dock: top;
        width: 100%;
        height: 1;
        background: $panel;
        color: $foreground;
        & > .app-header--icon-hover { background: $foreground 10%; }
    }
    AppHeader.-tall { height: 3; }
    """
    COMPONENT_CLASSES = {"app-header--icon-hover"}

    on_icon: reactive[bool] = reactive(False)  # the mouse is over the icon

    def on_mount(self) -> None:
        app, screen = self.app, self.screen
        for node in (app, screen):
            self.watch(node, "title", self._retitled, init=False)
            self.watch(node, "sub_title", self._retitled, init=False)

    def _retitled(self) -> None:
        self.refresh()

    def title(self) -> Content:
        """The screen's title and sub-title, else the app's, as the app formats them."""
        app, screen = self.app, self.screen
        return app.format_title(
            app.title if screen.title is None else screen.title,
            app.sub_title if screen.sub_title is None else screen.sub_title,
        )

    def render(self) -> Content:
        width = self.size.width
        room = max(0, width - ICON_WIDTH - CLOCK_WIDTH)
        title = self.title().truncate(room, ellipsis=True)
        left = (room - title.cell_length) // 2
        icon = Content(f" {ICON}".ljust(ICON_WIDTH))
        if self.on_icon:
            icon = icon.stylize(self.get_visual_style("app-header--icon-hover", partial=True))
        if self.has_class("-tall"):
            return Content.assemble(" " * (ICON_WIDTH + left), title, "\n", icon)
        return Content.assemble(icon, " " * left, title)

    def _over_icon(self, event: events.MouseEvent) -> bool:
        """On the icon where it is drawn: the top line's left, the middle line's when tall."""
        return event.x < ICON_WIDTH and event.y == (1 if self.has_class("-tall") else 0)

    async def on_click(self, event: events.Click) -> None:
        event.stop()
        if self._over_icon(event):
            if self.app.ENABLE_COMMAND_PALETTE:
                await self.app.run_action("app.command_palette")
        else:
            self.toggle_class("-tall")

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self.on_icon = self._over_icon(event)
        self.tooltip = "Open the command palette" if self.on_icon else None

    def on_leave(self) -> None:
        self.on_icon = False
