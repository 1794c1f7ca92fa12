"""A two-line banner: what is on now and what comes next, or where the day is."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.content import Content
from textual.widgets import Static

from companion.present.now import Happening, happenings
from companion.ui.screens.styled import in_sight
from companion.ui.services import services

LABEL_WIDTH = 4
WINDOW_WIDTH = 12


class NowNext(Static):
    DEFAULT_CSS = "NowNext { height: auto; padding: 0 1; }"

    def __init__(self) -> None:
        super().__init__()
        # What is shown, at what width: a star or a tick that changes neither redraws
        # nothing, and one that keeps the number of lines is not laid out again.
        self._shown: tuple[tuple[Happening, ...] | str, int] | None = None
        self._unshown = False  # changed out of sight: told again as its screen is shown

    def on_mount(self) -> None:
        app = self.app
        self.watch(app, "now", self.refresh_text)
        self.watch(app, "local_time", self.refresh_text)
        self.watch(app, "starred", self.refresh_text)

    def on_resize(self) -> None:
        self.refresh_text()  # what a line keeps when it is cut depends on the width

    def shown_again(self) -> None:
        if self._unshown:
            self.refresh_text()

    def refresh_text(self) -> None:
        """The banner told anew; out of sight (the schedule under the talk screen, a star
        there) once its screen is shown again (`shown_again`)."""
        if not in_sight(self.screen):
            self._unshown = True
            return
        self._unshown = False
        app = services(self)
        said = happenings(app.program, app.now, app.display_zone, app.starred)
        shown, self._shown = self._shown, (said, self.content_region.width)
        if shown == self._shown:
            return
        if isinstance(said, str):
            self.update(Content(said))
            return
        before = shown[0] if shown is not None else ""
        same_height = not isinstance(before, str) and len(before) == len(said)  # a line each
        lines = Text(no_wrap=True, overflow="ellipsis")
        for index, happening in enumerate(said):
            lines.append("\n" if index else "")
            lines.append(f"{happening.label:<{LABEL_WIDTH}}  ", style="bold")  # then 2 spaces
            if happening.window:
                window = f"{happening.window:<{WINDOW_WIDTH}} "
                lines.append(window)
                indent = LABEL_WIDTH + 2 + cell_len(window)
                lines.append_text(self._fitted(happening, indent))
            else:
                lines.append(happening.text, style="italic")
        self.update(lines, layout=not same_height)

    def _fitted(self, happening: Happening, indent: int) -> Text:
        """The text in the columns left after `indent`; when it is too long, its title is
        cut short so that its tail (the room, a related event's note) still shows."""
        width = self.content_region.width - indent
        text, tail = happening.text, happening.tail
        if cell_len(text) <= width or not tail or cell_len(tail) >= width - 1:
            return Text(text)
        head = Text(text.removesuffix(tail))
        head.truncate(width - cell_len(tail), overflow="ellipsis")
        return head.append(tail)
