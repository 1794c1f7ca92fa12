"""How an event's dates read: one day, or the whole range of a multi-day event."""

from __future__ import annotations

from datetime import date

from companion.clock import format_day

RANGE_DASH = " – "


def date_range(first: date, last: date) -> str:
    """ "Sunday 1 February 2026"; over several days, the range with what the two ends
    share said once: "Saturday 2 – Sunday 3 February 2030", "Saturday 31 January –
    Sunday 1 February 2030", "Monday 30 December 2029 – Wednesday 1 January 2030"."""
    if last <= first:
        return format_day(first)
    if (first.year, first.month) == (last.year, last.month):
        start = f"{first:%A} {first.day}"
    elif first.year == last.year:
        start = f"{first:%A} {first.day} {first:%B}"
    else:
        start = format_day(first)
    return f"{start}{RANGE_DASH}{format_day(last)}"


def iso_range(first: date, last: date) -> str:
    """The dates as ISO 8601 writes an interval, for tables: "2026-02-01" for one day,
    "2030-02-02/03" within a month, "2029-12-30/2030-01-01" across years."""
    if last <= first:
        return first.isoformat()
    end = last.isoformat()
    if first.year == last.year:
        end = end[8:] if first.month == last.month else end[5:]
    return f"{first.isoformat()}/{end}"
