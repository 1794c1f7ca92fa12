"""A share code: a program's id and a set of its talks, in a short text a chat and a QR code
carry, that refuses to be read when a character of it was changed.

Format 1 is `STARS1` and then, in RFC 4648 base32 without padding, one byte saying how the
talks are named, the program id, a NUL and the talks (raw deflate of them all when the
talks are ids), and a CRC-32 of everything before it (the prefix too). Base32 because it
is what QR codes carry densest (their alphanumeric mode: upper-case letters and digits),
reads back whatever case a person types it in, and has no character a terminal's
double-click stops at. CRC-32 finds every change of up to 32 bits in a row, so every
one-character change (5 bits) is refused.

Talks are named by id, never by position, so a code survives a re-ordered or extended
program. The ids themselves (NUL-separated), or, when that is shorter (long slugs,
36-character guids), a 4-byte BLAKE2b digest of each: one a dozen talks keep the code near
a hundred characters and the QR code inside an 80x24 terminal. A digest matches the talk
whose id it is a digest of; among a thousand talks two share one about once in 10,000
programs, and a code is never made with a digest two talks of its program share.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
import zlib
from collections.abc import Iterable, Sequence
from enum import IntEnum
from typing import NamedTuple

from companion.program import Program

PREFIX = "STARS"
VERSION = 1
DIGEST_SIZE = 4
MAX_IDS_SIZE = 1 << 20  # bytes of ids a code may unpack to: thousands of guids
_TAG = f"{PREFIX}{VERSION}"
_CRC_SIZE = 4
_LOOKS_LIKE_CODE = re.compile(f"{PREFIX}[0-9][A-Z0-9]*")  # a file name has a dot, a slash


class ShareCodeError(ValueError):
    """Text that is not a share code this companion can read; the message is one line."""


class Naming(IntEnum):
    IDS = 1
    DIGESTS = 2


class ShareCode(NamedTuple):
    """What a code carries: the program's id, and its talks by id or by digest."""

    program_id: str
    naming: Naming
    talks: tuple[str, ...]  # ids, or digests as hex (see `talk_digest`)

    def talk_ids(self, program: Program) -> tuple[list[str], list[str]]:
        """The ids of the talks of `program` the code names, and what it names that
        `program` has not (ids, or digests as hex)."""
        if self.naming is Naming.IDS:
            known = [t for t in self.talks if program.has_talk(t)]
            return known, [t for t in self.talks if not program.has_talk(t)]
        by_digest: dict[str, list[str]] = {}
        for talk in program.talks:
            by_digest.setdefault(talk_digest(talk.id).hex(), []).append(talk.id)
        found = [by_digest.get(digest, []) for digest in self.talks]
        unknown = [d for d, ids in zip(self.talks, found, strict=True) if len(ids) != 1]
        return [ids[0] for ids in found if len(ids) == 1], unknown


def talk_digest(talk_id: str) -> bytes:
    return hashlib.blake2b(talk_id.encode(), digest_size=DIGEST_SIZE).digest()


def looks_like_code(text: str) -> bool:
    """Whether `text` is meant as a share code (of any format version)."""
    return _LOOKS_LIKE_CODE.fullmatch("".join(text.split()).upper()) is not None


def make_code(program: Program, talk_ids: Iterable[str]) -> str:
    """The share code of these talks of `program`, the shorter of naming them by id and by
    digest (by id when a digest would also name another talk of the program)."""
    ids = sorted(set(talk_ids))
    candidates = [_encode(program.conference.id, Naming.IDS, [i.encode() for i in ids])]
    digests = [talk_digest(i) for i in ids]
    shared = len({talk_digest(t.id) for t in program.talks}) < len(program.talks)
    if not shared:
        candidates.append(_encode(program.conference.id, Naming.DIGESTS, digests))
    return min(candidates, key=len)


def read_code(text: str) -> ShareCode:
    """The contents of a share code, typed in any case, with spaces or line breaks anywhere.

    Raises ShareCodeError for what is not a whole, unchanged code of format 1."""
    squeezed = "".join(text.split()).upper()
    if not looks_like_code(squeezed):
        raise ShareCodeError(f"not a share code (one starts with {_TAG})")
    if not squeezed.startswith(_TAG):
        raise ShareCodeError("a share code of a newer format: update the companion to read it")
    body = squeezed[len(_TAG) :]
    try:
        data = base64.b32decode(body + "=" * (-len(body) % 8))
    except binascii.Error:
        data = b""
    payload, crc = data[:-_CRC_SIZE], data[-_CRC_SIZE:]
    intact = _base32(data) == body and len(data) > _CRC_SIZE + 1
    if not intact or _crc(payload) != crc:
        raise ShareCodeError("the share code is damaged: a character is wrong or missing")
    try:
        naming = Naming(payload[0])
        packed = payload[1:]
        plain = _inflate(packed) if naming is Naming.IDS else packed
        program_id, _, talks = plain.partition(b"\0")
        return ShareCode(program_id.decode(), naming, _talks(naming, talks))
    except (ValueError, zlib.error):  # a checksum that fits and no code: made by no companion
        raise ShareCodeError("the share code is damaged: it does not read as one") from None


def _encode(program_id: str, naming: Naming, talks: Sequence[bytes]) -> str:
    if naming is Naming.IDS:
        packer = zlib.compressobj(9, zlib.DEFLATED, -15)
        plain = program_id.encode() + b"\0" + b"\0".join(talks)
        packed = packer.compress(plain) + packer.flush()
    else:  # digests do not compress: deflate would only add its own bytes
        packed = program_id.encode() + b"\0" + b"".join(talks)
    payload = bytes([naming]) + packed
    return _TAG + _base32(payload + _crc(payload))


def _inflate(packed: bytes) -> bytes:
    """Deflated ids, refused past `MAX_IDS_SIZE`: a made-up code cannot fill the memory."""
    unpacker = zlib.decompressobj(-15)
    plain = unpacker.decompress(packed, MAX_IDS_SIZE)
    if unpacker.unconsumed_tail or not unpacker.eof:
        raise ValueError("not whole, or too large")
    return plain


def _talks(naming: Naming, data: bytes) -> tuple[str, ...]:
    if naming is Naming.IDS:
        return tuple(part.decode() for part in data.split(b"\0") if part)
    if len(data) % DIGEST_SIZE:
        raise ValueError("digests cut short")
    return tuple(data[i : i + DIGEST_SIZE].hex() for i in range(0, len(data), DIGEST_SIZE))


def _crc(payload: bytes) -> bytes:
    return zlib.crc32(_TAG.encode() + payload).to_bytes(_CRC_SIZE, "big")


def _base32(data: bytes) -> str:
    return base64.b32encode(data).decode().rstrip("=")
