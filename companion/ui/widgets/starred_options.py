"""My day's rows as OptionList options: talks and gaps to choose; day headings, the
now-line and breaks shown but not chosen."""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style as RichStyle
from textual.cache import LRUCache
from textual.content import Content
from textual.geometry import Size, Spacing
from textual.reactive import Reactive
from textual.strip import Strip
from textual.style import Style
from textual.widgets.option_list import Option

from companion.present.starred import DayHeading, GapRow, NowLine, Pause, Row, StarRow
from companion.ui.hanging import Hanging, Indented
from companion.ui.widgets.talk_options import TalkList, talk_row

KEPT_LINES = 1024  # options' lines in a look (plain, under the cursor, ...): a day's many times

_Look = tuple[Option, Style, Spacing, int]  # an option, its style, padding and width


class StarredOptions:
    """My day's rows as options, a rule above the stars whose talks left the program (last).

    A row listed again as it was keeps its option from the last listing: a star changed
    lists the whole day again, and an option made anew is wrapped and measured anew (a
    visit to Starred after a star took 55 ms of CPU with 35 stars, 6 ms without)."""

    def __init__(self) -> None:
        self._kept: dict[Row, Option] = {}

    def __call__(self, rows: list[Row]) -> list[Option | None]:
        kept, self._kept = self._kept, {}
        options: list[Option | None] = []
        for row in rows:
            option = kept.pop(row, None)  # popped: an option is listed once
            if option is None:
                option = _option(row)
            self._kept[row] = option
            options.append(option)
        gone = [isinstance(row, StarRow) and not row.in_program for row in rows]
        if any(gone) and not gone[0]:
            above = gone.index(True)
            # The rule is drawn with the option above it, which keeps it: that one is made
            # anew, and not kept for a listing with no rule under it.
            del self._kept[rows[above - 1]]
            options[above - 1] = _option(rows[above - 1])
            options.insert(above, None)
        return options


def _option(row: Row) -> Option:
    """A row of my day: headings, the now-line and breaks shown but not chosen; a talk
    opens, a gap lists what fits in it."""
    if isinstance(row, DayHeading):
        return Option(Content.styled(row.text, "bold"), disabled=True)
    if isinstance(row, NowLine):
        return Option(Content.styled(row.text, "bold $accent"), disabled=True)
    if isinstance(row, Pause):
        style = "dim"
        pause = Indented(
            Content.styled(row.line.lead, style), Content.styled(row.line.title, style)
        )
        return Option(Hanging([pause]), disabled=True)
    if isinstance(row, GapRow):
        return Option(talk_row(row.line, row.detail, dim=row.past))
    return Option(talk_row(row.line, row.detail, dim=row.past), id=row.talk_id)


class StarredList(TalkList):
    """My day's list, keeping the lines it drew of each option for as long as it is listed.

    Textual forgets every option's lines when the options are replaced, and lists them
    again only to draw them anew: after a star, every row on screen was drawn again,
    though only the rows that changed have new options (see `StarredOptions`). The lines
    of an option listed at another place are the same but for the place they carry for
    the mouse, which is set anew."""

    # A new length changes nothing on screen but the scrollbar's thumb, which Textual
    # moves as it is set; the layout it asked for drew the whole screen again in a frame
    # of its own. A scrollbar that comes or goes still asks for one.
    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._kept_lines: LRUCache[_Look, tuple[int, list[Strip]]] = LRUCache(KEPT_LINES)
        # The cursor's option put near the top, the lines kept above it, the scroll then.
        self._placed: tuple[int, int, float] | None = None

    def scroll_to_option(self, index: int, *, below: int) -> None:
        """The option at `index` at the top but for `below` lines above it, or as near
        as the list scrolls; put there again when the list's lines wrap anew at a new
        width (see `on_resize`). (Scrolling it to the top, then up a line, came a line
        short where the list could not scroll it to the top: at its end, the last line
        hidden; and only once laid out, so a list shown first was scrolled as asked.)"""
        line = self._index_to_line.get(index)
        if line is not None:
            self.scroll_to(y=max(line - below, 0), animate=False)
            self._placed = (index, below, self.scroll_y)

    def on_resize(self) -> None:
        """The lines wrap anew at a new width, a scrollbar come as the list first filled
        among them, and the option put near the top moves down or up: it is put there
        again, unless the cursor or the scroll moved since. After Textual's own handler,
        which forgets the lines measured at the old width and runs after this one."""
        self.call_next(self._placed_again)

    def _placed_again(self) -> None:
        placed, self._placed = self._placed, None
        if placed is not None and (self.highlighted, self.scroll_y) == (placed[0], placed[2]):
            self.scroll_to_option(placed[0], below=placed[1])

    def _get_option_render(self, option: Option, style: Style) -> list[Strip]:
        padding = self.get_component_styles("option-list--option").padding
        look = (option, style, padding, self.scrollable_content_region.width)
        index = self._option_to_index[option]
        kept = self._kept_lines.get(look)
        if kept is None or option._divider:  # the rule under it is drawn with it
            lines = super()._get_option_render(option, style)
        elif kept[0] == index:
            return kept[1]
        else:  # the place over the one drawn (Textual's `Strip.apply_meta` puts it under)
            place = RichStyle.from_meta({"option": index})
            lines = [
                Strip(Segment.apply_style(line, post_style=place), line.cell_length)
                for line in kept[1]
            ]
        self._kept_lines[look] = (index, lines)
        return lines
