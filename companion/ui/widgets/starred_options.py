"""My day's rows as OptionList options: talks and gaps to choose; day headings, the
now-line and breaks shown but not chosen."""

from __future__ import annotations

from textual.content import Content
from textual.widgets.option_list import Option

from companion.present.starred import DayHeading, GapRow, NowLine, Pause, Row, StarRow
from companion.ui.hanging import Hanging, Indented
from companion.ui.widgets.talk_options import talk_row


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
