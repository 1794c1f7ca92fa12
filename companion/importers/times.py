"""Times in imported files: durations, moments, zones, and days that run past midnight."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import NamedTuple
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from companion import clock
from companion.importers.fields import ImportProblem

# HH:MM, HH:MM:SS and frab's D:HH:MM:SS.
_CLOCK_DURATION = re.compile(
    r"""(?: (?P<d>\d{1,3}) : (?=\d\d:\d\d:\d\d\Z) )?  # days, only before three more fields
        (?P<h>\d{1,2}) : (?P<m>\d\d) (?: : (?P<s>\d\d) )?""",
    re.ASCII | re.VERBOSE,
)
# ISO 8601 in days, hours, minutes and seconds ("PT1H30M", "P1DT2H"); not in years or
# months, whose length depends on the calendar.
_ISO_DURATION = re.compile(
    r"""P (?=T?\d)  # at least one field
        (?: (?P<d>\d{1,5}) D )?
        (?: T (?=\d) (?: (?P<h>\d{1,5}) H )? (?: (?P<m>\d{1,5}) M )? (?: (?P<s>\d{1,5}) S )? )?""",
    re.ASCII | re.VERBOSE,
)


def parse_duration(text: str) -> timedelta:
    """A duration as the formats write it: "00:45", "01:30:00" (HH:MM:SS), frab's
    "1:02:00:00" (D:HH:MM:SS) or ISO 8601 ("PT1H30M").

    The fields of the colon forms must stay under their carry-over (minutes and seconds
    under 60, hours under 24 after days), so a file in another layout than the one read
    is refused rather than misread; ISO 8601's labelled fields may exceed it ("PT90M").
    """
    stripped = text.strip()
    if match := _CLOCK_DURATION.fullmatch(stripped):
        days, hours, minutes, seconds = (int(match[field] or 0) for field in "dhms")
        if minutes >= 60 or seconds >= 60 or (match["d"] is not None and hours >= 24):
            raise ImportProblem(
                f"duration {text!r} is out of range "
                "(minutes and seconds under 60, hours under 24 after days)"
            )
    elif match := _ISO_DURATION.fullmatch(stripped):
        days, hours, minutes, seconds = (int(match[field] or 0) for field in "dhms")
    else:
        raise ImportProblem(
            f"duration {text!r} is not HH:MM, HH:MM:SS, D:HH:MM:SS or ISO 8601 (PT1H30M)"
        )
    return timedelta(days=days, hours=hours, minutes=minutes, seconds=seconds)


def parse_moment(text: str, zone: tzinfo) -> datetime:
    """ISO 8601 in the plausible years; without an offset, read in the conference's zone."""
    try:
        return clock.parse_moment(text, zone)
    except ValueError as error:
        raise ImportProblem(str(error)) from None


def time_zone(name: str | None) -> ZoneInfo:
    """The conference's zone (UTC when the file names none)."""
    try:
        return ZoneInfo(name or "UTC")
    except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: "America", a long name
        raise ImportProblem(f"unknown time zone {name!r}") from None


class Day(NamedTuple):
    """The day an event is listed under, for an event that gives only a time of day."""

    date: str | None
    start: str | None  # when the day begins: an ISO 8601 date and time
    day_change: str | None  # else the conference's time of day at which its days begin


def listed_day(day: Day) -> str | None:
    """The ISO date of the conference day an event is listed under, when the file gives a
    readable one (else its start's date stands for it, as the conference's dates say)."""
    try:
        return date.fromisoformat(day.date[:10]).isoformat() if day.date else None
    except ValueError:
        return None


def day_of_start(day: Day, start: datetime, zone: ZoneInfo) -> tuple[str | None, str | None]:
    """The conference day of an event starting at `start`, and why not the listed one when
    it is not: a listed day is kept when the start is on its date or the next (a night's
    talk), else the day is the one the start falls in, by when the conference's days begin."""
    listed, local = listed_day(day), start.astimezone(zone)
    if listed is None:
        return None, None
    if timedelta() <= local.date() - date.fromisoformat(listed) <= timedelta(days=1):
        return listed, None
    begins = day_begins(day, zone) or time()
    offset = timedelta(hours=begins.hour, minutes=begins.minute, seconds=begins.second)
    found = (local.replace(tzinfo=None) - offset).date().isoformat()
    return found, f"listed under day {listed}, but starts {local.date().isoformat()}"


def day_begins(day: Day, zone: ZoneInfo) -> time | None:
    """The time of day at which `day` begins, in `zone`; None when the file does not say."""
    if day.start:
        try:
            return parse_moment(day.start, zone).astimezone(zone).time()
        except ImportProblem as problem:
            raise ImportProblem(f"day start: {problem}") from None
    if not day.day_change:
        return None
    try:
        return time.fromisoformat(day.day_change).replace(tzinfo=None)
    except ValueError:
        raise ImportProblem(f"day change {day.day_change!r} is not a time of day") from None


def event_start(
    date_time: str | None, start_time: str | None, day: Day, zone: ZoneInfo
) -> datetime:
    """When an event starts: its date and time, else its day's date at its start time.

    A day runs past midnight (10:00 to 03:00), so a start time before the day begins is on
    the next calendar date.
    """
    if date_time:
        return parse_moment(date_time, zone)
    if not day.date or not start_time:
        raise ImportProblem("has neither a date nor a day date and a start time")
    start = parse_moment(f"{day.date}T{start_time}", zone)
    begins = day_begins(day, zone)
    if begins is not None and start.time() < begins:
        return datetime.combine(start.date() + timedelta(days=1), start.timetz())
    return start


def end_of(start: datetime, duration: timedelta) -> datetime:
    """When an event ends: `duration` later in real time. On a zone-aware start, `start +
    duration` is wall-clock arithmetic, by which a talk across a DST change lasts an hour
    more or less than it says.
    """
    return (start.astimezone(UTC) + duration).astimezone(start.tzinfo)
