"""The people of an import: an id each, and what the file says of them.

A file that gives its people ids (frab's `<person id=..>`, pretalx's `code`) can name
two people alike: they stay two, with ids made from their name ("jan-de-vries",
"jan-de-vries-2"). A person without an id is known by name alone. Biographies come
as HTML and are turned into readable text here, as abstracts are.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from companion.html_text import readable_text
from companion.importers.fields import EventFields, PersonFields
from companion.text import slugify

WEB = ("http://", "https://")  # the links an import keeps


def _profile(person_id: str, person: PersonFields) -> dict[str, Any]:
    profile: dict[str, Any] = {"id": person_id, "name": person.name}
    # Published as HTML. None is left unsaid: pydantic keeps the keys a model is given in a
    # set, which takes 0.7 KiB at five keys and 0.2 at four (70 MiB for 100,000 people).
    if biography := readable_text(person.biography or ""):
        profile["biography"] = biography
    profile["links"] = web_links(person.links)
    profile["aliases"] = [person.key] if person.key and person.key != person_id else []
    return profile


def web_links(found: Iterable[tuple[str | None, str]]) -> list[dict[str, str]]:
    """Links as the native format gives them, only those to the web; "Link" for unlabelled."""
    return [{"label": label or "Link", "url": url} for label, url in found if url.startswith(WEB)]


class People:
    """Gives each person of an import one id, and gathers their profiles."""

    def __init__(self, described: tuple[PersonFields, ...], unique: Callable[[str], str]) -> None:
        """`described`: the people the file says more of than a name; `unique` makes an
        id from a base, never the same twice."""
        self._described: dict[str, PersonFields] = {}
        for person in described:  # the first that gives a biography, else the first
            source = _source(person.key, person.name)
            known = self._described.get(source)
            if known is None or (person.biography and not known.biography):
                self._described[source] = person
        self._unique = unique
        self._ids: dict[str, str] = {}  # the file's key (or name) -> the person's id
        self._profiles: list[dict[str, Any]] = []

    def ids(self, event: EventFields) -> list[str]:
        """The ids of the event's persons, in their order."""
        keys = event.person_keys or (None,) * len(event.persons)
        return [self._id(key, name) for key, name in zip(keys, event.persons, strict=False)]

    def _id(self, key: str | None, name: str) -> str:
        source = _source(key, name)
        person_id = self._ids.get(source)
        if person_id is None:
            person_id = self._ids[source] = self._unique(slugify(name) or "person")
            described = self._described.get(source) or PersonFields(key, name)
            self._profiles.append(_profile(person_id, described))
        return person_id

    @property
    def profiles(self) -> list[dict[str, Any]]:
        """Everyone named by a loaded event, first seen first."""
        return self._profiles


def _source(key: str | None, name: str) -> str:
    return f"id {key}" if key else f"name {name}"
