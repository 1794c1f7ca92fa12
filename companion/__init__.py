"""C4ML Companion: a terminal conference companion, offline from a bundled program."""

__version__ = "0.1.0"
