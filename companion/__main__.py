"""Entry point for `companion` and `python -m companion`."""

from __future__ import annotations

import io
import os
import sys


def main() -> None:
    from companion.cli import run

    for stream in (sys.stdout, sys.stderr):
        # A terminal or pipe that cannot show every character (LANG=C, a legacy code page)
        # gets a replacement mark for the rest, not a crash halfway through a listing.
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="replace")
    try:
        status = run()
        sys.stdout.flush()
    except KeyboardInterrupt:
        status = 130
    except BrokenPipeError:
        # The reader went away (`companion talks | head`): not an error worth a traceback.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        status = 0
    sys.exit(status)


if __name__ == "__main__":
    main()
