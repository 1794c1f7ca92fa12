"""The stars are read from the store's file again only once it may have changed: after a
write through the store, or a commit by another connection (another terminal, the CLI)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from companion.program import Program
from companion.store import Store, store_path
from companion.store_file import open_file

CONFERENCE = "c4ml-2026"


class TracedStore:
    """A store on a connection whose statements are counted: the reads of the stars."""

    def __init__(self, data_dir: Path) -> None:
        Store.open(data_dir, CONFERENCE).close()  # the file, made as the app makes it
        connection, _ = open_file(store_path(data_dir, CONFERENCE), CONFERENCE, writing=True)
        assert connection is not None
        self.statements: list[str] = []
        connection.set_trace_callback(self.statements.append)
        self.store = Store(connection, store_path(data_dir, CONFERENCE))

    def star_reads(self) -> int:
        return sum("FROM stars" in statement for statement in self.statements)


def another_terminal(data_dir: Path) -> Store:
    return Store.open(data_dir, CONFERENCE)


def test_stars_read_again_are_not_read_from_the_file_until_it_changes(
    data_dir: Path, program: Program
) -> None:
    traced = TracedStore(data_dir)
    store = traced.store
    store.star([program.talk("magellan")])
    reads = traced.star_reads()
    assert [record.talk_id for record in store.stars()] == ["magellan"]
    assert store.starred_ids() == {"magellan"}
    store.mark_seen([])  # nothing moved: nothing written
    assert store.starred_ids() == {"magellan"}
    assert traced.star_reads() == reads + 1


def test_stars_changed_here_or_elsewhere_are_read_again(data_dir: Path, program: Program) -> None:
    traced = TracedStore(data_dir)
    store = traced.store
    assert store.starred_ids() == set()
    store.star([program.talk("magellan")])
    assert store.starred_ids() == {"magellan"}
    elsewhere = another_terminal(data_dir)
    elsewhere.star([program.talk("xtc")])
    assert store.starred_ids() == {"magellan", "xtc"}
    elsewhere.unstar(["magellan"])
    assert store.starred_ids() == {"xtc"}
    with sqlite3.connect(store_path(data_dir, CONFERENCE)) as plain:  # any writer at all
        plain.execute("DELETE FROM stars")
    assert store.starred_ids() == set()
    store.unstar(["nothing"])
    assert store.starred_ids() == set()
    elsewhere.close()


def test_a_talk_marked_seen_is_read_as_seen(data_dir: Path, program: Program) -> None:
    traced = TracedStore(data_dir)
    store = traced.store
    talk = program.talk("magellan")
    store.star([talk])
    with sqlite3.connect(store_path(data_dir, CONFERENCE)) as plain:
        plain.execute("UPDATE stars SET title = 'Old title'")
    assert store.stars()[0].title == "Old title"
    store.mark_seen([talk])
    assert store.stars()[0].title == talk.title
