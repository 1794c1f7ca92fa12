"""What both importers share: durations, stable ids, text clean-up, the native document."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, tzinfo
from typing import Any
from zoneinfo import ZoneInfo

from companion.model import FORMAT_NAME, FORMAT_VERSION
from companion.text import slugify, strip_controls

_DURATION = re.compile(r"^(?:(\d{1,3}):)?(\d{1,2}):(\d{2})(?::(\d{2}))?$")
_ID = re.compile(r"^[a-z0-9][a-z0-9._-]*$")


class ImportProblem(ValueError):
    """A problem in an imported file; the message says where (an event, a field)."""


def parse_duration(text: str) -> timedelta:
    """ "00:45", "1:30", "01:30:00" or "1:02:00" (days:hours:minutes)."""
    match = _DURATION.match(text.strip())
    if not match:
        raise ImportProblem(f"duration {text!r} is not HH:MM")
    days, hours, minutes, seconds = match.groups()
    if seconds is not None and days is None:  # HH:MM:SS
        return timedelta(hours=int(hours), minutes=int(minutes), seconds=int(seconds))
    return timedelta(days=int(days or 0), hours=int(hours), minutes=int(minutes))


def parse_moment(text: str, zone: tzinfo) -> datetime:
    """ISO 8601; without an offset, read in the conference's zone."""
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise ImportProblem(f"{text!r} is not an ISO 8601 date and time") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=zone)


def end_of(start: datetime, duration: timedelta) -> datetime:
    """When an event ends; a duration that is zero or runs off the calendar is a problem."""
    if duration.total_seconds() <= 0:
        raise ImportProblem("has a duration of zero")
    try:
        return start + duration
    except OverflowError:
        raise ImportProblem("ends after the year 9999") from None


def clean(value: Any) -> str | None:
    """A stripped string without control characters, or None for missing or blank values."""
    if value is None:
        return None
    if not isinstance(value, str | int | float):
        raise ImportProblem(f"expected text, found {type(value).__name__}")
    text = strip_controls(str(value)).strip()
    return text or None


class IdMaker:
    """Talk ids from the file's guid, else its id, else a slug of the title; never repeated."""

    def __init__(self) -> None:
        self._used: set[str] = set()

    def make(self, guid: str | None, event_id: str | None, title: str) -> str:
        for candidate in (guid, event_id):
            if candidate:
                lowered = candidate.strip().lower()
                base = lowered if _ID.match(lowered) else slugify(lowered)
                if base:
                    return self._unique(base)
        return self._unique(slugify(title) or "talk")

    def _unique(self, base: str) -> str:
        candidate, counter = base, 2
        while candidate in self._used:
            candidate, counter = f"{base}-{counter}", counter + 1
        self._used.add(candidate)
        return candidate


def program_document(
    *,
    title: str,
    acronym: str | None,
    start: str | None,
    end: str | None,
    day_dates: list[str],
    zone: ZoneInfo,
    url: str | None,
    version: str | None,
    talks: list[dict[str, Any]],
) -> dict[str, Any]:
    """The native document for an imported conference; dates fall back to its days'."""
    days = sorted(day[:10] for day in day_dates)
    first = start or (days[0] if days else None)
    last = end or (days[-1] if days else first)
    if not first:
        raise ImportProblem("no conference start date and no day dates")
    web = (
        [{"label": "Website", "url": url}]
        if url and url.startswith(("http://", "https://"))
        else []
    )
    return {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "conference": {
            "id": slugify(acronym or title) or "imported",
            "name": acronym or title,
            "title": title,
            "start_date": first[:10],
            "end_date": (last or first)[:10],
            "timezone": zone.key,
            "links": web,
            "program_version": version,
        },
        "slots": [],
        "talks": talks,
    }
