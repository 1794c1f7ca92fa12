"""Entry point for `companion` and `python -m companion`."""

from __future__ import annotations

import os
import sys


def main() -> None:
    from companion.cli import run

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
