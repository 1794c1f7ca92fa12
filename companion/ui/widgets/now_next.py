"""A two-line banner: what is on now and what comes next, or where the day is."""

from __future__ import annotations

from rich.text import Text
from textual.content import Content
from textual.widgets import Static

from companion.present.now import happenings
from companion.ui.services import services


class NowNext(Static):
    DEFAULT_CSS = "NowNext { height: auto; padding: 0 1; }"

    def on_mount(self) -> None:
        app = self.app
        self.watch(app, "now", self.refresh_text)
        self.watch(app, "local_time", self.refresh_text)
        self.watch(app, "starred", self.refresh_text)

    def refresh_text(self) -> None:
        app = services(self)
        said = happenings(app.program, app.now, app.display_zone, app.starred)
        if isinstance(said, str):
            self.update(Content(said))
            return
        lines = Text(no_wrap=True, overflow="ellipsis")
        for index, happening in enumerate(said):
            lines.append("\n" if index else "")
            lines.append(f"{happening.label:<4}  ", style="bold")
            if happening.window:
                lines.append(f"{happening.window:<12} {happening.text}")
            else:
                lines.append(happening.text, style="italic")
        self.update(lines)
