"""Stars against the current program: what moved since the user last looked, what is gone.

Stars are keyed by stable talk ids and remember the talk as the user last saw
it. When a newer program moves a starred talk, the star stays and says where
it was; when a starred talk leaves the program, the star is kept and listed as
no longer in the program, never dropped. A star whose remembered copy is damaged
stays too; whether its talk moved is then unknown, and not claimed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo

from companion.clock import format_window
from companion.program import Program, Talk
from companion.store import StarRecord

# Where a gone talk whose remembered time is unreadable sorts: after every other star.
_UNKNOWN_TIME = datetime(9999, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class StarStatus:
    record: StarRecord
    talk: Talk | None
    moved: str | None = None

    @property
    def in_program(self) -> bool:
        return self.talk is not None

    @property
    def start(self) -> datetime:
        """When the talk is, else when it was as last seen (far ahead when unreadable)."""
        if self.talk:
            return self.talk.start
        return self.record.start or _UNKNOWN_TIME


def _when(start: datetime, end: datetime, zone: tzinfo, with_day: bool) -> str:
    window = format_window(start, end, zone, estimated=False)
    return f"{start.astimezone(zone):%a %d %b} {window}" if with_day else window


def describe_move(record: StarRecord, talk: Talk, zone: tzinfo) -> str | None:
    """ "moved: was 11:10–11:37, now 16:00–16:27" (with the place too when that changed
    as well), or None when nothing moved (or the stored copy is too damaged to tell)."""
    if record.start is None or record.end is None or record.place is None:
        return None
    same_time = (record.start, record.end) == (talk.start, talk.end)
    if same_time and record.place == talk.where:
        return None
    if same_time:
        return f"moved: was in {record.place}, now in {talk.where}"
    other_day = record.start.astimezone(zone).date() != talk.start.astimezone(zone).date()
    was = _when(record.start, record.end, zone, other_day)
    now = _when(talk.start, talk.end, zone, other_day)
    if record.place != talk.where:  # moved in time and place: both are said
        was, now = f"{was} in {record.place}", f"{now} in {talk.where}"
    return f"moved: was {was}, now {now}"


def reconcile(program: Program, records: list[StarRecord], zone: tzinfo) -> list[StarStatus]:
    """Every star, in time order, with what changed since the user last saw it."""
    statuses = []
    for record in records:
        talk = program.talk(record.talk_id) if program.has_talk(record.talk_id) else None
        moved = describe_move(record, talk, zone) if talk else None
        statuses.append(StarStatus(record, talk, moved))
    return sorted(statuses, key=lambda status: (status.start, status.record.talk_id))
