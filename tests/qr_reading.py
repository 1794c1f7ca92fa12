"""Reading a QR code drawn in half blocks back, with a QR reader independent of the
library that made it: what a phone's camera would read off the terminal."""

from __future__ import annotations

import zxingcpp

# The light modules a character's ink draws: (upper half, lower half).
_INK = {"█": (True, True), "▀": (True, False), "▄": (False, True), " ": (False, False)}
_SCALE = 4  # pixels a module, as a camera sees a terminal's characters


def read_drawn(lines: list[str]) -> list[str]:
    """The texts of the QR codes in `lines` (light ink on a dark background)."""
    pixels = []
    for line in lines:
        for half in (0, 1):
            row = bytes(255 if _INK[ch][half] else 0 for ch in line for _ in range(_SCALE))
            pixels += [row] * _SCALE
    image = memoryview(b"".join(pixels)).cast("B", (len(pixels), len(pixels[0])))
    return [barcode.text for barcode in zxingcpp.read_barcodes(image)]
