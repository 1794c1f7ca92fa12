"""The native program format: what a program file says, validated.

These models describe the file an organizer writes (`companion schema` prints
their JSON Schema). Validation rejects whatever would mislead an attendee:
naive times, ends before starts, talks outside their session, duplicate ids
and references to ids that do not exist. The resolved, queryable program with
derived talk times and people lives in `companion.program`, made of the plain records of
`companion.records`; these models are named `...Entry` to tell them apart.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Annotated, Final, Literal, Protocol
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import (
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

from companion.records import PLAUSIBLE_YEARS, SlotKind
from companion.text import safe_line, safe_prose, safe_url

FORMAT_NAME: Final = "c4ml-companion-program"
FORMAT_VERSION: Final = 1

Identifier = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9][a-z0-9._-]*$", max_length=200),
    Field(description="A stable id: lower-case letters, digits, '.', '_' and '-'."),
]
# Text from a program file is data to show: escape sequences and control characters are
# removed as it is read (see `companion.text`), so nothing downstream has to.


def _shown_as(shape: Callable[[str], str]) -> BeforeValidator:
    return BeforeValidator(lambda value: shape(value) if isinstance(value, str) else value)


Text = Annotated[str, _shown_as(safe_line), StringConstraints(min_length=1)]  # one line
Prose = Annotated[str, _shown_as(safe_prose), StringConstraints(min_length=1)]  # paragraphs
Url = Annotated[
    str,
    _shown_as(safe_url),
    StringConstraints(pattern=r"^(https?://|mailto:)\S+$", max_length=8192),
]


class _Strict(BaseModel):
    """Unknown keys are errors, so a typo in a program file never passes silently."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class LinkEntry(_Strict):
    label: Text
    url: Url


class VenueEntry(_Strict):
    name: Text
    address: Text | None = None
    room: Text | None = Field(None, description="Null when the room was not published.")
    city: Text | None = None


class ProfileEntry(_Strict):
    """What the program says of a person who gives talks, beyond their name."""

    id: Identifier
    name: Text
    biography: Prose | None = None
    links: list[LinkEntry] = []
    aliases: list[Text] = Field(
        [], description="Other ids the person answers to: the source's own (frab's, pretalx's)."
    )


class OrganizerEntry(_Strict):
    name: Text
    affiliation: Text | None = None


class ConferenceEntry(_Strict):
    id: Identifier
    name: Text = Field(description="Short name, e.g. 'C4ML 2026'.")
    title: Text = Field(description="Full name, e.g. '7th Workshop on Compilers for ML'.")
    subtitle: Text | None = None
    co_located_with: Text | None = None
    start_date: date
    end_date: date
    timezone: Text = Field(description="The venue's IANA time zone, e.g. 'Australia/Sydney'.")
    venue: VenueEntry | None = None
    links: list[LinkEntry] = []
    contact: Text | None = None
    organizers: list[OrganizerEntry] = []
    scope: Prose | None = None
    notes: list[Prose] = []
    program_version: Text | None = Field(
        None, description="Which published version of the program this file transcribes."
    )
    presenters: Literal["authors", "speakers"] = Field(
        "authors",
        description="What the program calls the people who give its talks: a paper program's "
        "authors, a talk program's speakers.",
    )

    @model_validator(mode="after")
    def _check(self) -> ConferenceEntry:
        try:
            ZoneInfo(self.timezone)
        except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: "America", a long name
            raise ValueError(f"unknown time zone {self.timezone!r}") from None
        for name, day in (("start_date", self.start_date), ("end_date", self.end_date)):
            if day.year not in PLAUSIBLE_YEARS:
                raise ValueError(f"{name} {day} is not a plausible date")
        if self.end_date < self.start_date:
            raise ValueError(f"end_date {self.end_date} is before start_date {self.start_date}")
        return self

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


def _check_window(what: str, start: datetime, end: datetime | None) -> None:
    for moment in (start, end):
        if moment is not None and moment.year not in PLAUSIBLE_YEARS:
            raise ValueError(f"{what}: {moment.isoformat()} is not a plausible date")
    if end is not None and end <= start:
        raise ValueError(f"{what}: end {end.isoformat()} is not after start {start.isoformat()}")


class SlotEntry(_Strict):
    """One item of the day: a session, a break, the opening, a related event..."""

    id: Identifier
    kind: SlotKind
    title: Text
    start: AwareDatetime
    end: AwareDatetime | None = Field(None, description="Null when no end time was published.")
    note: Text | None = None
    links: list[LinkEntry] = []

    @model_validator(mode="after")
    def _check(self) -> SlotEntry:
        _check_window(f"slot {self.id!r}", self.start, self.end)
        return self


class TalkEntry(_Strict):
    """A talk as written in the file; its order in `talks` is its order in the session.

    Give `start` and `end` only when the exact slot was published; otherwise
    the talk's time is estimated by splitting its session evenly. A talk outside
    any session (a multi-room conference) must give its times.
    """

    id: Identifier
    title: Text
    subtitle: Text | None = None
    authors: list[Text] = Field(description="The speakers or authors, in published order.")
    affiliation: Text | None = Field(None, description="The affiliation line of the talk.")
    session_id: Identifier | None = Field(
        None,
        alias="session",  # the file's name for it: a reference to a session slot, by id
        description="The id of the session slot the talk belongs to, if any.",
    )
    start: AwareDatetime | None = None
    end: AwareDatetime | None = None
    day: date | None = Field(
        None,
        description="The conference day the talk is listed under, when its days run past "
        "midnight (a talk at 02:00 on the evening's day); else the date it starts on.",
    )
    room: Text | None = None
    track: Text | None = None
    kind: Text | None = Field(None, description="The talk's type: lecture, workshop, ...")
    language: Text | None = None
    abstract: Prose | None = None
    description: Prose | None = None
    links: list[LinkEntry] = []
    aliases: list[Text] = Field(
        [], description="Short names it answers to besides its id: the source's numeric id, slug."
    )
    people: list[Identifier] = Field(
        [],
        description="The ids in the program's `people` of its authors, in the same order, "
        "when the program tells people apart by more than their names.",
    )

    @model_validator(mode="after")
    def _check(self) -> TalkEntry:
        if (self.start is None) != (self.end is None):
            raise ValueError(f"talk {self.id!r}: give both start and end, or neither")
        if self.session_id is None and self.start is None:
            raise ValueError(f"talk {self.id!r}: a talk outside a session needs start and end")
        if self.start is not None:
            _check_window(f"talk {self.id!r}", self.start, self.end)
        if self.people and len(self.people) != len(self.authors):
            raise ValueError(f"talk {self.id!r}: give an id in `people` for each author, or none")
        return self


class TalkPlace(Protocol):
    """What the program-wide checks read of a talk: a `TalkEntry`, or only these of one
    (validation in parts keeps only these of each talk, not its model)."""

    @property
    def id(self) -> str: ...
    @property
    def session_id(self) -> str | None: ...
    @property
    def start(self) -> datetime | None: ...
    @property
    def end(self) -> datetime | None: ...
    @property
    def people(self) -> list[str]: ...


def _outside(talk: TalkPlace, session: SlotEntry) -> bool:
    """True when a talk's published time does not fit in its session's window."""
    if talk.start is None or talk.end is None:
        return False
    return talk.start < session.start or (session.end is not None and talk.end > session.end)


class ProgramFile(_Strict):
    """A conference program in the native format."""

    model_config = ConfigDict(title="C4ML Companion program", populate_by_name=True)

    schema_url: str | None = Field(None, alias="$schema")
    format: Literal["c4ml-companion-program"] = FORMAT_NAME
    format_version: Literal[1] = FORMAT_VERSION
    conference: ConferenceEntry
    slots: list[SlotEntry]
    talks: list[TalkEntry] = []
    people: list[ProfileEntry] = Field(
        [], description="The people who give talks, with their biographies, where published."
    )

    @model_validator(mode="after")
    def _check(self) -> ProgramFile:
        people = [person.id for person in self.people]
        check_program(self.conference, self.slots, self.talks, people)
        return self


def check_program(
    conference: ConferenceEntry,
    slots: Sequence[SlotEntry],
    talks: Sequence[TalkPlace],
    person_ids: Sequence[str],
) -> None:
    """The checks of a program as a whole, each talk and person valid: a ValueError says
    the first problem found."""
    _check_unique_ids(slots, talks)
    _check_people(talks, person_ids)
    _check_slot_dates(conference, slots)
    sessions = {slot.id: slot for slot in slots if slot.kind is SlotKind.SESSION}
    for index, talk in enumerate(talks):
        place = f"talks[{index}] {talk.id!r}"
        if talk.session_id is None:
            continue
        session = sessions.get(talk.session_id)
        if session is None:
            raise ValueError(f"{place}: session {talk.session_id!r} is not a session slot")
        if _outside(talk, session):
            raise ValueError(f"{place}: its time lies outside session {session.id!r}")
    for session in sessions.values():
        _check_session_times(session, talks)


def _check_unique_ids(slots: Sequence[SlotEntry], talks: Sequence[TalkPlace]) -> None:
    ids = [slot.id for slot in slots] + [talk.id for talk in talks]
    repeated = sorted(item for item, count in Counter(ids).items() if count > 1)
    if repeated:
        raise ValueError(f"duplicate id(s): {', '.join(repeated)}")


def _check_people(talks: Sequence[TalkPlace], person_ids: Sequence[str]) -> None:
    ids = Counter(person_ids)
    repeated = sorted(item for item, count in ids.items() if count > 1)
    if repeated:
        raise ValueError(f"duplicate person id(s): {', '.join(repeated)}")
    for index, talk in enumerate(talks):
        unknown = [person for person in talk.people if person not in ids]
        if unknown:
            raise ValueError(f"talks[{index}] {talk.id!r}: no person with id {unknown[0]!r}")


def _check_slot_dates(conference: ConferenceEntry, slots: Sequence[SlotEntry]) -> None:
    first, last = conference.start_date, conference.end_date
    for index, slot in enumerate(slots):
        day = slot.start.astimezone(conference.zone).date()
        if not first <= day <= last:
            raise ValueError(
                f"slots[{index}] {slot.id!r}: starts on {day}, outside the conference dates"
            )


def _check_session_times(session: SlotEntry, all_talks: Sequence[TalkPlace]) -> None:
    """A session's talks are all timed or all estimated; estimating needs an end."""
    talks = [talk for talk in all_talks if talk.session_id == session.id]
    timed = [talk for talk in talks if talk.start is not None]
    if timed and len(timed) != len(talks):
        raise ValueError(f"session {session.id!r}: give times for all of its talks or for none")
    if talks and not timed and session.end is None:
        raise ValueError(f"session {session.id!r}: needs an end time to estimate its talks' times")
