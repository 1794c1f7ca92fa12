"""Where the companion keeps the user's data."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

DATA_DIR_VARIABLE = "COMPANION_DATA_DIR"


def data_dir() -> Path:
    """`COMPANION_DATA_DIR` when set (tests, portable installs), else the user data dir.

    Always absolute: a relative override is taken from the current directory, so the
    store's path can become a `file:` URI.
    """
    override = os.environ.get(DATA_DIR_VARIABLE)
    if override:
        return Path(override).expanduser().absolute()
    return platformdirs.user_data_path("c4ml-companion", appauthor=False)
