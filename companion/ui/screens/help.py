"""Help: every key, where it works, and what it does."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from companion.ui.content import stacked
from companion.ui.hanging import Hanging, Indented
from companion.ui.keys import key_label
from companion.ui.screens.dialog import Dialog

HelpSection = tuple[str, Sequence[BindingType]]


def help_sections(app_bindings: Sequence[BindingType]) -> list[HelpSection]:
    """Every place with its keys; screens are imported here, when help is asked for."""
    from companion.ui.screens.export import ExportScreen
    from companion.ui.screens.links import LinksScreen
    from companion.ui.screens.person import PersonScreen
    from companion.ui.screens.place_filter import PlaceFilterScreen
    from companion.ui.screens.schedule import ScheduleScreen
    from companion.ui.screens.search import SearchScreen
    from companion.ui.screens.speakers import SpeakersScreen
    from companion.ui.screens.starred import StarredScreen
    from companion.ui.screens.talk import TalkScreen

    return [
        ("Everywhere", app_bindings),
        ("Schedule", ScheduleScreen.BINDINGS),
        ("Talk details", TalkScreen.BINDINGS),
        ("A talk's links", LinksScreen.BINDINGS),
        ("Speakers", SpeakersScreen.BINDINGS),
        ("Person", PersonScreen.BINDINGS),
        ("Starred", StarredScreen.BINDINGS),
        ("Search", SearchScreen.BINDINGS),
        ("Export", ExportScreen.BINDINGS),
        ("Rooms and tracks", PlaceFilterScreen.BINDINGS),
    ]


def help_text(sections: Sequence[HelpSection]) -> Hanging:
    """Bold headings, then each key and what it does; no markup, since keys like "[" would
    read as tags. A description that wraps stays in its column."""
    lines: list[str | Content | Indented] = []
    for place, bindings in sections:
        lines.append(Content.styled(place, "bold"))
        lines.extend(
            Indented(Content(f"  {key_label(binding.key):<7} "), Content(binding.tooltip))
            for binding in bindings
            if isinstance(binding, Binding) and binding.tooltip
        )
        lines.append("")
    lines.append("Ctrl+P opens the command palette: every action, talk and person.")
    lines.append("Mouse: click a row to highlight it, click it again to open it.")
    return stacked(lines)


class HelpScreen(Dialog[None]):
    BINDINGS = [
        Binding("escape", "dismiss", "Close", id="help.close", tooltip="Close help"),
        Binding("q,question_mark", "dismiss", show=False),  # the key that opened it, and quit's
    ]

    def __init__(self, sections: Sequence[HelpSection]) -> None:
        super().__init__()
        self.sections = sections

    def compose_dialog(self) -> ComposeResult:
        with VerticalScroll(id="help-dialog"):
            yield Static(help_text(self.sections), id="help-text")

    def on_mount(self) -> None:
        self.query_one("#help-dialog").border_title = "Keys (Esc closes)"
