"""A QR code drawn with characters: two modules a character cell, one above the other
(the half blocks ▀ ▄ █), so a code of a hundred characters fits an 80x24 terminal.

The ink of the characters draws the code's light modules and its quiet zone; what is left
blank shows the background, the dark modules. On a terminal with light text on a dark
background (the usual one) that is a code dark on light, as cameras expect; the app draws
it in white on black whatever its theme. `segno` makes the matrix: a QR encoder is Reed-
Solomon codes, masks and version tables, which a small pure-Python library already gets
right.
"""

from __future__ import annotations

from typing import NamedTuple

QUIET_ZONE = 2  # modules of light around the code: the standard asks 4, readers cope with 2
TERMINAL = (80, 24)  # the window it must fit, in columns and lines
_CELLS = {(True, True): "█", (True, False): "▀", (False, True): "▄", (False, False): " "}


class Drawn(NamedTuple):
    lines: list[str]
    version: int  # the QR version: 1 (21x21 modules) to 40 (177x177)

    @property
    def width(self) -> int:
        return len(self.lines[0]) if self.lines else 0

    @property
    def height(self) -> int:
        return len(self.lines)

    def fits(self, columns: int, lines: int) -> bool:
        return self.width <= columns and self.height <= lines


def modules(text: str) -> list[list[bool]]:
    """The QR code of `text` as rows of modules, True for dark, quiet zone included: the
    smallest version that holds it, at the best error correction that version allows."""
    import segno  # only for the commands that draw one

    code = segno.make_qr(text, error="l", boost_error=True)
    return [[bool(module) for module in row] for row in code.matrix_iter(border=QUIET_ZONE)]


def draw_qr(text: str) -> Drawn:
    """The QR code of `text` in half blocks, light modules drawn (see the module's text)."""
    rows = modules(text)
    if len(rows) % 2:
        rows.append([True] * len(rows[0]))  # below the quiet zone: background, not code
    lines = [
        "".join(_CELLS[not top, not bottom] for top, bottom in zip(upper, lower, strict=True))
        for upper, lower in zip(rows[::2], rows[1::2], strict=True)
    ]
    return Drawn(lines, (len(rows[0]) - 2 * QUIET_ZONE - 17) // 4)
