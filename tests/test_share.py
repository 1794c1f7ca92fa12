"""The share code and its QR code, in the core: what a code carries, that a damaged or
foreign one is refused, that it stays short, and that the drawn QR code reads back."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import NamedTuple

import pytest

from companion.program import Program, Talk
from companion.qr_text import TERMINAL, draw_qr
from companion.share_code import (
    Naming,
    ShareCodeError,
    looks_like_code,
    make_code,
    read_code,
    talk_digest,
)
from tests.driving import load
from tests.programs import tiny_program
from tests.qr_reading import read_drawn

BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"


class Talkish(NamedTuple):
    id: str
    title: str


def _guid_program(talks: Sequence[Talkish | Talk]) -> Program:
    document = tiny_program()
    document["conference"]["id"] = "guids-2030"
    template = document["talks"][0]
    document["talks"] = [{**template, "id": talk.id, "title": talk.title} for talk in talks]
    return load(document)


@pytest.fixture(scope="module")
def guid_program() -> Program:
    """Thirty talks keyed by 36-character guids, as pretalx and frab programs are."""
    return _guid_program([Talkish(str(uuid.UUID(int=n * 7919 + 17)), f"T{n}") for n in range(30)])


def test_a_code_carries_the_program_and_its_talks(program: Program) -> None:
    chosen = ["magellan", "xtc", "defeat-the-heap"]
    code = read_code(make_code(program, chosen))
    assert code.program_id == "c4ml-2026"
    assert sorted(code.talk_ids(program)[0]) == sorted(chosen)
    assert code.talk_ids(program)[1] == []


def test_a_code_reads_back_typed_in_lower_case_and_broken_over_lines(program: Program) -> None:
    code = make_code(program, ["magellan"])
    retyped = f"  {code[:20].lower()}\n{code[20:]} \n"
    assert looks_like_code(retyped)
    assert read_code(retyped).talk_ids(program)[0] == ["magellan"]


def test_every_one_character_change_is_refused(program: Program) -> None:
    code = make_code(program, [talk.id for talk in program.talks])
    for position in range(len(code)):
        for other in BASE32 + "0189":
            if other == code[position]:
                continue
            with pytest.raises(ShareCodeError):
                read_code(code[:position] + other + code[position + 1 :])


def test_a_character_dropped_or_added_is_refused(program: Program) -> None:
    code = make_code(program, ["magellan", "xtc"])
    for position in range(6, len(code)):
        with pytest.raises(ShareCodeError, match="damaged"):
            read_code(code[:position] + code[position + 1 :])
        with pytest.raises(ShareCodeError, match="damaged"):
            read_code(code[:position] + "Q" + code[position:])


def test_a_newer_format_and_plain_text_are_refused_with_their_reasons() -> None:
    with pytest.raises(ShareCodeError, match="newer format"):
        read_code("STARS2AAAAAAAA")
    with pytest.raises(ShareCodeError, match="not a share code"):
        read_code("magellan")


def test_a_dozen_guid_keyed_talks_make_a_short_code_that_fits_80x24(
    guid_program: Program,
) -> None:
    dozen = [talk.id for talk in guid_program.talks[:12]]
    code = make_code(guid_program, dozen)
    assert len(code) <= 110  # twelve guids are 432 characters
    assert read_code(code).naming is Naming.DIGESTS
    assert sorted(read_code(code).talk_ids(guid_program)[0]) == sorted(dozen)
    drawn = draw_qr(code)
    columns, lines = TERMINAL
    assert drawn.fits(columns, lines - 4)  # with the code, its hint and the prompt


def test_talks_are_named_by_id_so_a_code_survives_a_reordered_program(
    guid_program: Program,
) -> None:
    chosen = [talk.id for talk in guid_program.talks[3:6]]
    code = make_code(guid_program, chosen)
    late = Talkish(str(uuid.uuid4()), "A late addition")
    newer: list[Talkish | Talk] = [*reversed(guid_program.talks), late]
    assert sorted(read_code(code).talk_ids(_guid_program(newer))[0]) == sorted(chosen)


def test_short_ids_are_carried_as_they_are_and_named_when_not_in_the_program(
    program: Program,
) -> None:
    document = tiny_program()
    document["talks"] = [{**document["talks"][0], "id": f"{n}", "title": f"T{n}"} for n in range(9)]
    numbered = load(document)
    code = read_code(make_code(numbered, ["1", "2", "3", "4", "5"]))
    assert code.naming is Naming.IDS
    document["talks"] = document["talks"][:3]
    assert code.talk_ids(load(document)) == (["1", "2"], ["3", "4", "5"])


def test_digests_of_talks_the_program_has_not_are_kept_apart(guid_program: Program) -> None:
    chosen = [talk.id for talk in guid_program.talks[:4]]
    code = read_code(make_code(guid_program, chosen))
    fewer = _guid_program(guid_program.talks[:1:-1])
    known, unknown = code.talk_ids(fewer)
    assert sorted(known) == sorted(chosen[2:])
    assert sorted(unknown) == sorted(talk_digest(talk_id).hex() for talk_id in chosen[:2])


def test_the_drawn_qr_code_reads_back_as_the_code(program: Program) -> None:
    code = make_code(program, [talk.id for talk in program.talks])
    drawn = draw_qr(code)
    assert read_drawn(drawn.lines) == [code]
    assert {len(line) for line in drawn.lines} == {drawn.width}


def test_a_code_whose_ids_unpack_past_the_limit_is_refused() -> None:
    import base64
    import zlib

    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    payload = bytes([Naming.IDS]) + packer.compress(b"c4ml-2026\0" + b"a" * (2 << 20))
    payload += packer.flush()
    crc = zlib.crc32(b"STARS1" + payload).to_bytes(4, "big")
    bomb = "STARS1" + base64.b32encode(payload + crc).decode().rstrip("=")
    with pytest.raises(ShareCodeError, match="does not read as one"):
        read_code(bomb)
