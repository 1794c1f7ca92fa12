"""A two-line banner: what is on now and what comes next, or where the day is."""

from __future__ import annotations

from rich.text import Text
from textual.content import Content
from textual.widgets import Static

from companion.clock import DayStatus, Item, describe_now_next, format_window, now_next
from companion.ui.services import services


class NowNext(Static):
    DEFAULT_CSS = "NowNext { height: auto; padding: 0 1; }"

    def on_mount(self) -> None:
        app = self.app
        self.watch(app, "now", self.refresh_text)
        self.watch(app, "local_time", self.refresh_text)

    def refresh_text(self) -> None:
        app = services(self)
        state = now_next(app.program, app.now)
        if state.status is not DayStatus.DURING:
            self.update(Content(describe_now_next(app.program, app.now, app.display_zone)))
            return
        lines = Text(no_wrap=True, overflow="ellipsis")
        self._line(lines, "Now ", state.current, "nothing on right now")
        lines.append("\n")
        self._line(lines, "Next", state.next, "nothing more today")
        self.update(lines)

    def _line(self, text: Text, label: str, items: tuple[Item, ...], empty: str) -> None:
        text.append(f"{label}  ", style="bold")
        if not items:
            text.append(empty, style="italic")
            return
        first = items[0]
        zone = services(self).display_zone
        text.append(f"{format_window(first.start, first.shown_end, zone, first.estimated):<12} ")
        if len(items) == 1:
            text.append(first.title)
            return
        shown = "; ".join(
            f"{item.title} ({item.where})" if item.where else item.title for item in items[:2]
        )
        more = f" +{len(items) - 2} more" if len(items) > 2 else ""
        text.append(f"{len(items)} at once: {shown}{more}")
