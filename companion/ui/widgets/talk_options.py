"""Talks as OptionList options: time, star and title, keyed by talk id."""

from __future__ import annotations

from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from datetime import tzinfo

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from companion.clock import format_window
from companion.program import Talk


def talk_option(talk: Talk, zone: tzinfo, starred: AbstractSet[str], detail: str = "") -> Option:
    """Assembled from parts rather than markup, which Textual would parse on every refill."""
    window = format_window(talk.start, talk.end, zone, talk.estimated)
    star = "★" if talk.id in starred else " "
    lines: list[str | tuple[str, str]] = [f"{window:<12} {star} {talk.title}"]
    if detail:
        lines += [f"\n{'':15}", (detail, "dim")]
    return Option(Content.assemble(*lines), id=talk.id)


class TalkList(OptionList):
    """An OptionList of talks that keeps its place when its options are replaced."""

    def replace(self, options: Iterable[Option | None]) -> None:
        highlighted = self.highlighted
        self.clear_options()
        self.add_options(options)
        if self.option_count:
            self.highlighted = min(highlighted or 0, self.option_count - 1)

    @property
    def highlighted_id(self) -> str | None:
        if self.highlighted is None or not self.option_count:
            return None
        return self.get_option_at_index(self.highlighted).id
