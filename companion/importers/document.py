"""The shared part of every import: a reader's fields to a native program document.

Here, once for every format, are the steps that interpret what a file says:
times and durations, days past midnight, stable talk ids, people, links, and
the conference's dates; validation of the result follows (`companion.validation`).
"""

from __future__ import annotations

import re
from typing import Any
from zoneinfo import ZoneInfo

from companion.html_text import readable_text
from companion.importers.fields import EventFields, ImportProblem, ScheduleFields, problems_named
from companion.importers.times import (
    Day,
    end_of,
    event_start,
    listed_day,
    parse_duration,
    time_zone,
)
from companion.program_file import FORMAT_NAME, FORMAT_VERSION
from companion.text import slugify

_ID = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
_WEB = ("http://", "https://")


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


def _links(event: EventFields) -> list[dict[str, str]]:
    """The event's page first, then its other links; only web links."""
    found = [("Event page", event.url)] if event.url else []
    found += [(label or "Link", url) for label, url in event.links]
    return [{"label": label, "url": url} for label, url in found if url.startswith(_WEB)]


def _prose(text: str | None) -> str | None:
    """An abstract or a description as readable text: programs publish HTML in them."""
    if not text:
        return None
    return readable_text(text) or None


def _talk(
    event: EventFields, day_change: str | None, zone: ZoneInfo, ids: IdMaker
) -> dict[str, Any]:
    if not event.title:
        raise ImportProblem("has no title")
    day = Day(event.day_date, event.day_start, day_change)
    start = event_start(event.date, event.start, day, zone)
    duration = parse_duration(event.duration or "")
    return {
        "id": ids.make(event.guid, event.event_id, event.title),
        "title": event.title,
        "subtitle": event.subtitle,
        "authors": list(event.persons),
        "start": start.isoformat(),
        "end": end_of(start, duration).isoformat(),
        "day": listed_day(day),
        "room": event.room,
        "track": event.track,
        "kind": event.kind,
        "language": event.language,
        "abstract": _prose(event.abstract),
        "description": _prose(event.description),
        "links": _links(event),
        "aliases": [name for name in (event.event_id, event.slug) if name],
    }


def build_document(schedule: ScheduleFields) -> tuple[dict[str, Any], list[str]]:
    """The native document and, per talk, a label naming its event for error messages."""
    if not schedule.title:
        raise ImportProblem("the conference has no title")
    zone = time_zone(schedule.time_zone)
    ids, talks, labels = IdMaker(), [], []
    for event in schedule.events:
        with problems_named(event.label):
            talk = _talk(event, schedule.day_change, zone, ids)
        talks.append(talk)
        labels.append(f"{event.label} ({event.title!r})")
    days = sorted(day[:10] for day in schedule.day_dates)
    first = schedule.start or (days[0] if days else None)
    last = schedule.end or (days[-1] if days else first)
    if not first:
        raise ImportProblem("no conference start date and no day dates")
    url = schedule.url
    document = {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "conference": {
            "id": slugify(schedule.acronym or schedule.title) or "imported",
            "name": schedule.acronym or schedule.title,
            "title": schedule.title,
            "start_date": first[:10],
            "end_date": (last or first)[:10],
            "timezone": zone.key,
            "links": [{"label": "Website", "url": url}] if url and url.startswith(_WEB) else [],
            "program_version": schedule.version,
            "presenters": "speakers",  # frab and c3voc programs are of talks, not papers
        },
        "slots": [],
        "talks": talks,
    }
    return document, labels
