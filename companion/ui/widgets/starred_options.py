"""My day's rows as OptionList options: talks and gaps to choose; day headings, the
now-line and breaks shown but not chosen."""

from __future__ import annotations

from textual.content import Content
from textual.widgets.option_list import Option

from companion.present.starred import DayHeading, GapRow, NowLine, Pause, Row, StarRow
from companion.ui.hanging import Hanging, Indented
from companion.ui.widgets.talk_options import talk_row


def starred_options(rows: list[Row]) -> list[Option | None]:
    """The rows as options, a rule above the stars whose talks left the program (last)."""
    options: list[Option | None] = [_option(row) for row in rows]
    gone = [isinstance(row, StarRow) and not row.in_program for row in rows]
    if any(gone) and not gone[0]:
        options.insert(gone.index(True), None)
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
