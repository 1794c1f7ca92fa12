"""Checking program documents against the models, the only place that needs pydantic.

Validation turns any accepted document into its canonical JSON text, which is
what the app reads (`companion.loading.read_valid`) and what it keeps; an import
takes that text's document (`canonical_document`), made without the text.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from typing import Any, Final, NamedTuple, TypeVar

from pydantic import TypeAdapter, ValidationError

from companion.loading import ProgramError
from companion.program_file import ProfileEntry, ProgramFile, TalkEntry, check_program
from companion.records import Document


def describe_validation_error(error: ValidationError) -> str:
    """The first problem of a validation error as one line, with where it is."""
    problems = error.errors(include_url=False)
    first = problems[0]
    place = "".join(
        f"[{part}]" if isinstance(part, int) else f".{part}" for part in first["loc"]
    ).lstrip(".")
    message = first["msg"].removeprefix("Value error, ")
    line = f"{place}: {message}" if place else message
    if len(problems) > 1:
        line += f" (and {len(problems) - 1} more problem{'s' if len(problems) > 2 else ''})"
    return line


def canonical_text(document: ProgramFile) -> str:
    return document.model_dump_json(by_alias=True, exclude_none=True, indent=1)


def parse_json(text: str | bytes, source: str) -> Any:
    """Untrusted JSON, parsed; whatever is wrong with it is one ProgramError line."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise ProgramError(f"{source}: not valid JSON ({error})") from None
    except UnicodeDecodeError:
        raise ProgramError(f"{source}: not UTF-8 text") from None
    except RecursionError:
        raise ProgramError(f"{source}: not readable JSON (nested too deeply)") from None
    except ValueError as error:  # a number over Python's 4,300 digits
        advice_free = str(error).split(";")[0]  # what follows is for programmers
        raise ProgramError(f"{source}: not readable JSON ({advice_free})") from None


def validate_native(text: str | bytes, source: str) -> str:
    """Check a native program document; its canonical text. `source` names it in errors."""
    try:  # the fast path: pydantic's own JSON parser, straight into the models
        return canonical_text(ProgramFile.model_validate_json(text))
    except ValidationError:
        pass  # parse again below, to say precisely what is wrong
    data = parse_json(text, source)
    if not isinstance(data, dict):
        raise ProgramError(f"{source}: not a program (expected a JSON object)")
    return validate_document(data, source)


def validate_document(
    data: dict[str, Any], source: str, talk_labels: list[str] | None = None
) -> str:
    """Check a program document already parsed from JSON; its canonical text."""
    return canonical_text(_checked(data, source, talk_labels))


def canonical_document(
    data: dict[str, Any], source: str, talk_labels: list[str] | None = None
) -> Document:
    """Check a program document already parsed from JSON; the canonical text's document,
    made without the text: at 50,000 talks that text and its parse were 300 MiB of an
    import's peak, beside the models. `data` is emptied, its talks and people made
    canonical in place, so that it is not held beside their models and document too."""
    try:
        document = _canonical_in_parts(data)
    except (_NotInParts, ValidationError, ValueError):
        # whatever is wrong is said as the whole program's validation says it; the talks
        # and people already made canonical are valid as they were, and read the same
        model = _checked(data, source, talk_labels)
        data.clear()
        return _dumped(model)
    data.clear()
    return document


class _NotInParts(Exception):
    """A document whose talks or people are not lists, to validate as a whole."""


class _TalkPlace(NamedTuple):
    """What `check_program` reads of a talk, kept when its model is let go."""

    id: str
    session_id: str | None
    start: datetime | None
    end: datetime | None
    people: list[str]


_TALKS = TypeAdapter(list[TalkEntry])
_PEOPLE = TypeAdapter(list[ProfileEntry])
_PART: Final = 1000  # talks or people validated at once
Model = TypeVar("Model", TalkEntry, ProfileEntry)
Kept = TypeVar("Kept")


def _canonical_in_parts(data: dict[str, Any]) -> Document:
    """`canonical_document` of a valid program, validated a part of its talks and people
    at a time, each part's models let go once made canonical: at 50,000 talks the models
    of the whole program were 125 MiB of an import's peak, beside the document before and
    after them. Raises on any problem, for the whole program's validation to say."""
    talks, people = data.get("talks", []), data.get("people", [])
    if not isinstance(talks, list) or not isinstance(people, list):
        raise _NotInParts
    rest = ProgramFile.model_validate(
        {key: value for key, value in data.items() if key not in ("talks", "people")}
    )
    places = _in_parts(talks, _TALKS, _place)
    person_ids = _in_parts(people, _PEOPLE, lambda person: person.id)
    check_program(rest.conference, rest.slots, places, person_ids)
    document = _dumped(rest)
    document["talks"], document["people"] = talks, people
    return document


def _place(talk: TalkEntry) -> _TalkPlace:
    return _TalkPlace(talk.id, talk.session_id, talk.start, talk.end, talk.people)


def _in_parts(
    items: list[Any], adapter: TypeAdapter[list[Model]], keep: Callable[[Model], Kept]
) -> list[Kept]:
    """What `keep` takes of each item's model, the items made canonical in place, a part
    at a time (see `_canonical_in_parts`)."""
    kept: list[Kept] = []
    for start in range(0, len(items), _PART):
        models = adapter.validate_python(items[start : start + _PART])
        kept += map(keep, models)
        items[start : start + _PART] = adapter.dump_python(
            models, mode="json", by_alias=True, exclude_none=True
        )
    return kept


def _dumped(model: ProgramFile) -> Document:
    return model.model_dump(mode="json", by_alias=True, exclude_none=True)


def _checked(data: dict[str, Any], source: str, talk_labels: list[str] | None) -> ProgramFile:
    """`data` as the models read it. `talk_labels` name each talk as the user knows it (an
    imported event), for errors about a talk."""
    try:
        return ProgramFile.model_validate(data)
    except ValidationError as error:
        problem = describe_validation_error(error)
        match error.errors(include_url=False)[0]["loc"]:
            case ("talks", int(index), *_) if talk_labels:
                problem = f"{talk_labels[index]}: {problem.split(': ', 1)[-1]}"
        raise ProgramError(f"{source}: {problem}") from None
