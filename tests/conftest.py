"""Shared fixtures: an isolated data directory for every test, the bundled program, the CLI."""

from __future__ import annotations

import compileall
import gc
import importlib
import os
import subprocess
import sys
from collections.abc import Callable, Iterable, Iterator
from fnmatch import fnmatch
from pathlib import Path

import pytest
import textual.constants

from companion.catalog import open_program
from companion.clock import fixed_clock, parse_moment
from companion.loading import load_program
from companion.paths import DATA_DIR_VARIABLE
from companion.program import Program
from companion.settings import CONFIG_DIR_VARIABLE
from companion.ui.app import CompanionApp
from tests.kept_copies import kept, validations
from tests.local_server import server
from tests.programs import opened

TESTS = Path(__file__).parent

# Scrolls land at once: a test reads what is drawn after a key, not half-way through an
# animation it would have to wait out. Textual reads the variable once, when it is first
# imported, and pytest-textual-snapshot imports it before this file is read: set here, it
# reached only the processes tests start, and every app in the suite animated its scrolls
# (frames redrawn every 16 ms for a fifth of a second or so after a key, which the pilot
# waits out). Each app takes its level from the constant Textual made of it.
os.environ["TEXTUAL_ANIMATIONS"] = "none"
pytest.MonkeyPatch().setattr(textual.constants, "TEXTUAL_ANIMATIONS", "none")


def pytest_configure(config: pytest.Config) -> None:
    """Start from bytecode, as an installed app does (`pip install` compiles it), where
    PYTHONDONTWRITEBYTECODE is set (this machine): otherwise each `python -m companion` the
    suite starts compiles the whole package from source (0.15 s of CPU for `about`, 0.09 s
    from bytecode), and pytest rewrites the test modules' asserts every time (about 2 s of
    CPU for the whole suite). Bytecode goes to the __pycache__ folders git ignores."""
    sys.dont_write_bytecode = False  # pytest keeps the test modules it rewrites
    if not hasattr(config, "workerinput"):  # the main process, before xdist's workers start
        compileall.compile_dir(TESTS.parent / "companion", quiet=1)
        if config.getoption("dist", "no") != "no" and not config.getoption("collectonly"):
            rewrite_once(config)


def rewrite_once(config: pytest.Config) -> None:
    """Import the test modules this run collects once here, before the workers start, so
    pytest rewrites their asserts once and keeps the result beside them (__pycache__),
    where every worker then finds it. In a fresh clone each worker would otherwise rewrite
    every module as the others do, at the same moment: about 2 s of CPU each.
    Importing goes through pytest's own import hook, the one the workers use. A module
    that fails to import is left to the workers, which report it as pytest does."""
    named = named_test_modules(
        config.args, config.invocation_params.dir, config.getini("python_files")
    )
    for name in named:
        try:
            importlib.import_module(name)
        except (Exception, pytest.skip.Exception, pytest.fail.Exception):
            continue


def named_test_modules(
    arguments: Iterable[str], invocation_dir: Path, patterns: Iterable[str]
) -> Iterator[str]:
    """The names of this suite's test modules that pytest's arguments (paths from where it
    was started, or node ids) name: a directory stands for every test module in it, a
    test module is a file the `python_files` patterns match."""
    for argument in arguments:
        path = (invocation_dir / argument.split("::")[0]).resolve()
        files = sorted(path.rglob("*.py")) if path.is_dir() else [path]
        for file in (file for file in files if file.parent == TESTS and file.is_file()):
            if any(fnmatch(file.name, pattern) for pattern in patterns):
                yield f"{TESTS.name}.{file.stem}"


#: The tests that run far longer than any other (the benchmark's smoke run drives processes
#: for about 24 s of wall time): first in the order, so a worker starts them at once rather
#: than carrying them alone after every other test has run.
STARTED_FIRST = ("tests/test_benchmark_smoke.py::",)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every process collects the same order (xdist checks it): the long ones first."""
    items.sort(key=lambda item: not item.nodeid.startswith(STARTED_FIRST))


#: Collections of the youngest generation come after this many new objects, not 700.
YOUNG_COLLECTION_THRESHOLD = 10_000


def pytest_collection_finish(session: pytest.Session) -> None:
    """Keep Python's cyclic collector from walking the suite itself, over and over, in each
    process that runs tests (each xdist worker). What is loaded once collected (Textual,
    the companion, every test module and test) lives to the end, so it is frozen out of
    the collector's way, as the app freezes what it loads (`run_app`); and the youngest
    generation is collected after 10,000 new objects instead of 700, so the many short-lived
    objects of a frame die of their reference count before the collector looks at them.
    The collector took a tenth of the tests' CPU (18 s of 161 in a full run, 3 s of one
    test that draws hundreds of texts). Only when cycles are freed changes: nothing a test
    checks (tests of what is freed collect for themselves; those of the app's collector
    settings set and restore their own thresholds)."""
    gc.collect()
    gc.freeze()
    _, middle, oldest = gc.get_threshold()
    gc.set_threshold(YOUNG_COLLECTION_THRESHOLD, middle, oldest)


@pytest.fixture(scope="session", autouse=True)
def shared_data_dirs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Fixtures made once for a module or the session (a program loaded once) keep what
    they keep here, never in the user's directories, which they would read too."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(DATA_DIR_VARIABLE, str(tmp_path_factory.mktemp("shared-data")))
        patch.setenv(CONFIG_DIR_VARIABLE, str(tmp_path_factory.mktemp("shared-config")))
        yield


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Every test gets its own empty data directory; nothing touches the user's."""
    path = tmp_path / "data"
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(path))
    yield path


@pytest.fixture(autouse=True)
def config_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own empty settings directory; nothing reads the user's."""
    path = tmp_path / "config"
    monkeypatch.setenv(CONFIG_DIR_VARIABLE, str(path))
    return path


@pytest.fixture(scope="session")
def program() -> Program:
    return load_program()


@pytest.fixture(scope="session")
def generated() -> Program:
    """600 talks, 08:00-20:30: enough that typing on narrows one capped list to another,
    and a day taller than any screen. Made once per worker (a third of a second of CPU),
    shared by every module that reads it; nothing changes a program."""
    sys.path.insert(0, str(TESTS.parent / "scripts"))
    from generate_program import generate

    return opened(generate(600, 1, 12, 300))


FIXTURES = Path(__file__).parent / "fixtures"

# Fixtures for every test module: the local HTTP server, a program kept, its validations.
__all__ = ["kept", "server", "validations"]


@pytest.fixture(scope="session")
def frab_program(tmp_path_factory: pytest.TempPathFactory) -> Program:
    """A two-day, two-room program with parallel talks, imported from frab XML."""
    with pytest.MonkeyPatch.context() as patch:  # keeps its copy in a data dir of its own
        patch.setenv(DATA_DIR_VARIABLE, str(tmp_path_factory.mktemp("data")))
        return open_program(str(FIXTURES / "fosdemish.xml")).program


def run_cli(
    *args: str, cwd: Path | None = None, timeout: float = 60, full_disk: bool = False
) -> subprocess.CompletedProcess[str]:
    """Run `python -m companion ARGS` as a user would, capturing its output.

    `full_disk`: every write that would make a file grow fails (RLIMIT_FSIZE 0), as on a
    full disk, and for root too; the output goes through pipes, which are not limited.
    """
    return subprocess.run(
        [sys.executable, "-m", "companion", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        cwd=cwd,
        preexec_fn=no_file_growth if full_disk else None,
    )


def no_file_growth() -> None:
    """Let no file grow in this process and its children, as on a full disk."""
    import resource  # POSIX only, like the tests that ask for it

    resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))


VENUE_NOW = "2026-02-01T16:30"  # inside Session 3, during "Analyzing the complexities..."


@pytest.fixture
def make_app(program: Program) -> Callable[..., CompanionApp]:
    """Build the app on a program (the bundled one by default) with a stopped clock."""

    def build(now: str = VENUE_NOW, on: Program | None = None) -> CompanionApp:
        chosen = on or program
        return CompanionApp(chosen, clock=fixed_clock(parse_moment(now, chosen.conference.zone)))

    return build
