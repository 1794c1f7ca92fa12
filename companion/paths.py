"""Where the companion keeps the user's data."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

DATA_DIR_VARIABLE = "COMPANION_DATA_DIR"


def data_dir() -> Path:
    """`COMPANION_DATA_DIR` when set (tests, portable installs), else the user data dir."""
    override = os.environ.get(DATA_DIR_VARIABLE)
    if override:
        return Path(override).expanduser()
    return platformdirs.user_data_path("c4ml-companion", appauthor=False)
