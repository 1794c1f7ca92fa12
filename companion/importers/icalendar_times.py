"""Times in iCalendar programs: zones named by TZID, date-times, and lengths."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import NamedTuple
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from icalendar.prop import vDDDTypes, vDuration
from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

from companion.importers.fields import ImportProblem
from companion.importers.icalendar_parts import Value
from companion.records import PLAUSIBLE_YEARS

_LONGEST_ZONE_NAME = 100  # longer than any IANA or Windows name
_MOST_ZONE_NAMES = 50  # a real calendar uses a few; each unknown one costs file look-ups


def _iana_zone(tzid: str | None) -> ZoneInfo | None:
    """The zone a TZID names: an IANA name, a Windows one (as Outlook and Exchange write
    them) or a "globally unique" one ending in an IANA name (/vendor/Europe/Berlin, as
    libical does); None when it names none of them."""
    if not tzid or len(tzid) > _LONGEST_ZONE_NAME:
        return None
    cleaned = tzid.strip().strip("/")
    parts = cleaned.split("/")
    suffixes = ("/".join(parts[-n:]) for n in (3, 2))  # Area/City, Area/Region/City
    for candidate in (cleaned, WINDOWS_TO_OLSON.get(cleaned), *suffixes):
        if candidate:
            try:
                return ZoneInfo(candidate)
            except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: "America"
                continue
    return None


class Zones:
    """The zones a calendar's TZIDs name, each name looked up once. Past the first
    `_MOST_ZONE_NAMES` names every new one is taken for unknown, so a hostile file of
    a million made-up names costs no million searches of the zone database."""

    def __init__(self) -> None:
        self._named: dict[str, ZoneInfo | None] = {}

    def named(self, tzid: str) -> ZoneInfo | None:
        if tzid in self._named:
            return self._named[tzid]
        if len(self._named) >= _MOST_ZONE_NAMES:
            return None
        zone = self._named[tzid] = _iana_zone(tzid)
        return zone


class Moment(NamedTuple):
    at: datetime | date  # zone-aware when a date-time; a date is an all-day event's
    unknown_zone: str | None = None  # the TZID, when read in the calendar's zone instead


def read_moment(name: str, value: Value, zone: ZoneInfo, zones: Zones) -> Moment:
    """A DTSTART or DTEND (`name` names it in errors): in UTC ("...Z"), in its TZID's zone,
    else (floating, or in a zone no one knows) in the calendar's `zone`."""
    text = value.raw.strip()
    try:
        parsed = vDDDTypes.from_ical(text)  # type: ignore[no-untyped-call]
    except (ValueError, TypeError, OverflowError):
        parsed = None
    if not isinstance(parsed, date):
        raise ImportProblem(f"{name} {text[:40]!r} is not an iCalendar date or date-time")
    if parsed.year not in PLAUSIBLE_YEARS:
        raise ImportProblem(f"{name} {text[:40]!r} is not a plausible date")
    if not isinstance(parsed, datetime):
        return Moment(parsed)
    if parsed.tzinfo is not None:
        return Moment(parsed)
    tzid = value.params.get("TZID")
    own = zones.named(str(tzid)) if tzid else None
    unknown = str(tzid) if tzid and own is None else None
    return Moment(parsed.replace(tzinfo=own or zone), unknown)


def read_duration(value: Value) -> timedelta | None:
    """A DURATION ("PT1H30M", "P1W", "-PT5M"); None when it is not one."""
    try:
        length = vDuration.from_ical(value.raw.strip())  # type: ignore[no-untyped-call]
    except (ValueError, TypeError, OverflowError):
        return None
    return length if isinstance(length, timedelta) else None


def iso_duration(length: timedelta) -> str:
    """A length that is not negative as ISO 8601 in days and time ("P1DT2H", "PT45M",
    "PT0S"), as the shared import reads durations."""
    days, seconds = length.days, int(length.seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    clock = "".join(f"{n}{unit}" for n, unit in ((hours, "H"), (minutes, "M"), (seconds, "S")) if n)
    if not days and not clock:
        return "PT0S"
    return f"P{f'{days}D' if days else ''}{f'T{clock}' if clock else ''}"
