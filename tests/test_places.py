"""Rooms and tracks as the filter offers them: order, matching, wording (no Textual)."""

from __future__ import annotations

from companion.places import (
    Place,
    PlaceKind,
    describe_choice,
    describe_list,
    matching,
    natural_key,
    ordered_places,
    shows,
)

ROOM, TRACK = PlaceKind.ROOM, PlaceKind.TRACK


def test_numbers_sort_by_value_and_accents_are_ignored() -> None:
    names = ["Room 10", "room 2", "Éther", "Room 1", "Annex", "etage", "Room 2b"]
    assert sorted(names, key=natural_key) == [
        "Annex",
        "etage",
        "Éther",
        "Room 1",
        "room 2",
        "Room 2b",
        "Room 10",
    ]


def test_rooms_come_before_tracks() -> None:
    places = ordered_places(["B", "A"], ["Z", "Y"])
    assert places == [Place(ROOM, "A"), Place(ROOM, "B"), Place(TRACK, "Y"), Place(TRACK, "Z")]
    assert [place.value for place in places[1:3]] == ["room:B", "track:Y"]


def test_every_word_of_a_query_must_match_without_accents() -> None:
    places = ordered_places(["Salle Été", "Salle 3", "Hall"], ["Été"])
    assert matching(places, "ete") == [Place(ROOM, "Salle Été"), Place(TRACK, "Été")]
    assert matching(places, "SALLE ÉTÉ") == [Place(ROOM, "Salle Été")]
    assert matching(places, "track ete") == [Place(TRACK, "Été")]
    assert matching(places, "  ") == places


def test_a_talk_shows_when_its_room_or_track_is_chosen() -> None:
    assert shows(frozenset(), None, None)
    assert shows(frozenset({"room:A"}), "A", None)
    assert shows(frozenset({"track:T"}), "B", "T")
    assert not shows(frozenset({"room:A"}), "B", "T")
    assert not shows(frozenset({"room:A"}), None, None)


def test_the_choice_in_words() -> None:
    rooms, tracks = ["A", "B", "C"], ["T"]
    assert describe_choice(rooms, tracks, frozenset()) == "3 rooms and 1 track, all shown"
    assert describe_choice(rooms, [], frozenset()) == "3 rooms, all shown"
    assert describe_choice(rooms, tracks, frozenset({"room:A"})) == "Showing 1 of 3 rooms"
    both = frozenset({"room:A", "room:B", "track:T"})
    assert describe_choice(rooms, tracks, both) == "Showing 2 of 3 rooms, 1 of 1 track"


def test_the_dialog_count_in_words() -> None:
    assert describe_list(5, 5, 0) == "All 5 shown · none ticked: the schedule shows all"
    assert describe_list(2, 5, 3) == "2 of 5 shown · 3 ticked"
