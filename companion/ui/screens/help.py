"""Help: every key, where it works, and what it does."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

KEY_NAMES = {
    "slash": "/",
    "question_mark": "?",
    "left_square_bracket": "[",
    "right_square_bracket": "]",
    "escape": "Esc",
    "enter": "Enter",
    "ctrl+s": "Ctrl+S",
}

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


def help_text(sections: Sequence[HelpSection]) -> Text:
    """Plain text with bold headings; no markup, since keys like "[" would read as tags."""
    text = Text()
    for place, bindings in sections:
        text.append(f"{place}\n", style="bold")
        for binding in bindings:
            if isinstance(binding, Binding) and binding.tooltip:
                key = KEY_NAMES.get(binding.key, binding.key)
                text.append(f"  {key:<7} {binding.tooltip}\n")
        text.append("\n")
    text.append("Ctrl+P opens the command palette: every action, talk and person.\n")
    text.append("Mouse: click a row to highlight it, click it again to open it.")
    return text


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,q,question_mark", "dismiss", "Close", id="help.close", tooltip="Close help")
    ]

    def __init__(self, sections: Sequence[HelpSection]) -> None:
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-dialog"):
            yield Static(help_text(self.sections), id="help-text")

    def on_mount(self) -> None:
        self.query_one("#help-dialog").border_title = "Keys (Esc closes)"
