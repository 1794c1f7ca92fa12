"""Talks as OptionList options: time, star and title, keyed by talk id."""

from __future__ import annotations

from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from datetime import date, tzinfo

from textual.content import Content
from textual.widgets.option_list import Option

from companion.present.talk import Listing, talk_listing
from companion.program import Talk
from companion.ui.hanging import Hanging, Indented
from companion.ui.widgets.choosable import ChoosableList


def talk_option(
    talk: Talk,
    zone: tzinfo,
    starred: AbstractSet[str],
    detail: str = "",
    day: date | None = None,
) -> Option:
    """Assembled from parts rather than markup, which Textual would parse on every refill;
    the time after `day`'s name, when given (see `present.talk.listing_day`)."""
    line = talk_listing(talk, zone, starred=talk.id in starred, day=day)
    return Option(talk_row(line, detail), id=talk.id)


def talk_row(line: Listing, detail: str, *, dim: bool = False) -> Hanging:
    """When and the star, then the title with a dim detail under it, both wrapping in the
    title's column; all of it dim for what is over."""
    style = "dim" if dim else ""
    text = Content.assemble((line.title, style), *(("\n", (detail, "dim")) if detail else ()))
    return Hanging([Indented(Content.styled(line.lead, style), text)])


class TalkList(ChoosableList):
    """An OptionList of talks that keeps its place when its options are replaced."""

    def replace(self, options: Iterable[Option | None]) -> None:
        """New options, the cursor where it was, or on the nearest row that can be chosen
        (a heading or a break cannot)."""
        place = self.highlighted or 0
        self.set_options(options)  # not emptied first: that hides the scroll bar for a frame
        rows = range(self.option_count)
        nearest = sorted(rows, key=lambda row: (abs(row - place), row < place))
        self.highlighted = next(
            (row for row in nearest if not self.get_option_at_index(row).disabled), None
        )

    @property
    def highlighted_id(self) -> str | None:
        if self.highlighted is None or not self.option_count:
            return None
        return self.get_option_at_index(self.highlighted).id
