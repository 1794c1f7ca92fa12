"""Talks as OptionList options: time, star and title, keyed by talk id."""

from __future__ import annotations

from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from datetime import tzinfo

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from companion.present.talk import LISTING_INDENT, talk_line
from companion.program import Talk


def talk_option(talk: Talk, zone: tzinfo, starred: AbstractSet[str], detail: str = "") -> Option:
    """Assembled from parts rather than markup, which Textual would parse on every refill."""
    lines: list[str | tuple[str, str]] = [talk_line(talk, zone, starred=talk.id in starred)]
    if detail:
        lines += [f"\n{'':{LISTING_INDENT}}", (detail, "dim")]
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
