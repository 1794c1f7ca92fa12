"""CSV (a header row, one row per talk) and JSON (like `talks --json`, plus notes).

CSV starts with a byte-order mark wherever it goes (a file, standard output, the app's
export): spreadsheets read UTF-8 without it as their legacy code page, garbling names
such as "Böck". The mark is part of the format, so it is written here, and only here.
"""

from __future__ import annotations

import csv
import io
import json
from typing import TYPE_CHECKING

from companion.present.data import talk_json

if TYPE_CHECKING:  # the package imports its writers: at run time, no loop
    from companion.export import Export

CSV_COLUMNS = [
    "id",
    "title",
    "authors",
    "affiliation",
    "session",
    "room",
    "track",
    "date",
    "start",
    "end",
    "timezone",
    "estimated",
    "starred",
    "note",
    "url",
    "start_iso",
    "end_iso",
]


BYTE_ORDER_MARK = "\ufeff"
# What a spreadsheet reads as the start of a formula (OWASP's list, with NUL as ASVS adds).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\0")


def neutral_cell(value: str) -> str:
    """A cell a spreadsheet shows rather than runs: a leading ' before a formula's start."""
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


def write_csv(export: Export) -> str:
    zone = export.program.conference.zone
    out = io.StringIO()
    out.write(BYTE_ORDER_MARK)
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for talk in export.talks:
        start, end = talk.start.astimezone(zone), talk.end.astimezone(zone)
        row = [
            talk.id,
            talk.title,
            "; ".join(talk.authors),
            talk.affiliation or "",
            talk.session_title or "",
            talk.room or "",
            talk.track or "",
            f"{start:%Y-%m-%d}",
            f"{start:%H:%M}",
            f"{end:%H:%M}",
            export.program.conference.timezone,
            "yes" if talk.estimated else "no",
            "yes" if talk.id in export.starred else "no",
            export.notes.get(talk.id, ""),
            talk.links[0].url if talk.links else "",
            talk.start.isoformat(),
            talk.end.isoformat(),
        ]
        writer.writerow(map(neutral_cell, row))
    return out.getvalue()


def write_json(export: Export) -> str:
    data = [
        talk_json(talk, starred=talk.id in export.starred, note=export.notes.get(talk.id, ""))
        for talk in export.talks
    ]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
