"""Benchmark what a person feels, on a real pseudo-terminal; print one table.

    python scripts/benchmark.py            # the real sizes: 10,000 and 50,000 talks (minutes)
    python scripts/benchmark.py --smoke    # tiny sizes, only to keep this script working (CI)

Start-up (launch to the first paint) and each key press (key to the first frame
showing the new state) are timed on a pseudo-terminal of 120x40, through a
terminal emulator, beside bare Textual apps measured in the same run, in turns:
the ratios are what to compare across machines and loads.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from benchmark_keys import (  # noqa: E402
    KeyTimings,
    Samples,
    measure_keys,
    next_title,
    search_answered,
    showing,
)
from pty_terminal import Expect, PtyProgram, TerminalError  # noqa: E402

SIZE = (120, 40)  # columns, rows of the pseudo-terminal
QUERIES = [  # the smoke run types only the first
    "bock",
    "compiler",
    "ngan vu",
    "sparse kernels",
    "room 12",
    "magelan",
    "jose",
    "autotuning",
    "fusion",
]
BARE_FIRST_PAINT = showing("Hello", "palette")
APP_FIRST_PAINT = showing("1 Schedule", "palette")  # the footer: the last line drawn


@dataclass(frozen=True)
class Sizes:
    talks: int
    days: int
    rooms: int
    people: int
    scaled_talks: int  # the larger program, for how cost grows
    repeats: int  # fresh processes per start-up measure of a large program
    paired: int  # alternating bare/bundled start-up pairs, for the ratio
    presses: int  # timed presses of each kind of key
    queries: int  # search queries typed letter by letter


FULL = Sizes(
    talks=10_000,
    days=5,
    rooms=40,
    people=20_000,
    scaled_talks=50_000,
    repeats=3,
    paired=21,
    presses=60,  # p95 of 30 was their second-slowest: one hiccup of a shared machine
    queries=len(QUERIES),
)
SMOKE = Sizes(  # each step once, at sizes that still page, scale and search
    talks=100, days=2, rooms=4, people=150, scaled_talks=200, repeats=1, paired=1, presses=1,
    queries=1,
)  # fmt: skip


# -- processes on the pseudo-terminal ----------------------------------------------------------


@dataclass(frozen=True)
class Start:
    seconds: float  # launch to the end of the first frame that shows the main screen
    # Peak resident memory once idle after it (the search index is built by then), with
    # that of a child the app forked to import a program (`pty_terminal.TreeMemory`).
    peak_mib: float


def companion_command(program: str | None, now: str) -> list[str]:
    command = [sys.executable, "-m", "companion", "--now", now]
    return [*command, "--program", program] if program else command


BARE_STATIC = [sys.executable, str(ROOT / "scripts" / "bare_textual.py"), "static"]
BARE_INPUT = [sys.executable, str(ROOT / "scripts" / "bare_textual.py"), "input"]


def launch(command: Sequence[str], data_dir: Path) -> PtyProgram:
    """Run on the benchmark's own data and with default settings (not a theme you saved)."""
    environment = {
        **os.environ,
        "COMPANION_DATA_DIR": str(data_dir),
        "COMPANION_CONFIG_DIR": str(data_dir / "settings"),
    }
    return PtyProgram(command, size=SIZE, environment=environment, cwd=ROOT)


def start(command: Sequence[str], data_dir: Path, first_paint: Expect) -> Start:
    program = launch(command, data_dir)
    try:
        seconds = program.first_frame(first_paint)
        program.settle()
        return Start(seconds, program.peak_mib())
    finally:
        program.close()


def starts(command: Sequence[str], data_dir: Path, repeats: int) -> list[Start]:
    return [start(command, data_dir, APP_FIRST_PAINT) for _ in range(repeats)]


@dataclass(frozen=True)
class PairedStarts:
    bare: float  # median seconds
    app: float
    ratio: float  # median of the ratios within each pair
    bare_mib: float  # peak resident memory
    app_mib: float


def paired_starts(data_dir: Path, now: str, pairs: int) -> PairedStarts:
    """The bare app and the bundled program started one right after the other, `pairs`
    times, each first in turn. The ratio is the median of each pair's own ratio: a shared
    machine's load comes and goes in bursts, and two starts a second apart see much the
    same load."""
    runs: list[tuple[Start, Start]] = []
    for pair in range(pairs):
        bare_first = pair % 2 == 0
        first = start(BARE_STATIC, data_dir, BARE_FIRST_PAINT) if bare_first else None
        app = start(companion_command(None, now), data_dir, APP_FIRST_PAINT)
        bare = first or start(BARE_STATIC, data_dir, BARE_FIRST_PAINT)
        runs.append((bare, app))
    return PairedStarts(
        bare=statistics.median(bare.seconds for bare, _ in runs),
        app=statistics.median(app.seconds for _, app in runs),
        ratio=statistics.median(app.seconds / bare.seconds for bare, app in runs),
        bare_mib=max(bare.peak_mib for bare, _ in runs),
        app_mib=max(app.peak_mib for _, app in runs),
    )


def key_timings(data_dir: Path, program: str, now: str, sizes: Sizes) -> KeyTimings:
    from companion.catalog import open_program
    from companion.search import SearchIndex

    kept = open_program(program).program
    answered = search_answered(SearchIndex(kept))
    app = launch(companion_command(program, now), data_dir)
    bare = launch(BARE_INPUT, data_dir)
    try:
        queries = QUERIES[: sizes.queries]
        return measure_keys(app, bare, queries, answered, next_title(kept), sizes.presses)
    finally:
        app.close()
        bare.close()


# -- in-process measurements ---------------------------------------------------------------


def percentiles(samples: Sequence[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return ordered[len(ordered) // 2], ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]


def index_lookups(program_id: str) -> list[float]:
    """Seconds per keystroke of the search index alone, without the UI (a diagnostic)."""
    from companion.catalog import open_program
    from companion.search import SearchIndex

    index = SearchIndex(open_program(program_id).program)
    lookups: list[float] = []
    for query in QUERIES:
        for end in range(1, len(query) + 1):
            started = time.perf_counter()
            index.search(query[:end])
            lookups.append(time.perf_counter() - started)
    return lookups


def export_seconds(program_id: str) -> dict[str, tuple[float, float]]:
    """Seconds to build and render the whole program in each format, and the CPU seconds
    of it (which a loaded machine does not stretch). A one-talk export first loads each
    writer's libraries, which are not what grows with the program."""
    from companion.catalog import open_program
    from companion.export import ExportFormat, build_export, render

    program = open_program(program_id).program
    one = build_export(program, {program.talks[0].id}, {})
    seconds: dict[str, tuple[float, float]] = {}
    for export_format in ExportFormat:
        render(one, export_format)
        started, cpu = time.perf_counter(), time.process_time()
        render(build_export(program, set(), {}, everything=True), export_format)
        seconds[export_format.value] = (
            time.perf_counter() - started,
            time.process_time() - cpu,
        )
    return seconds


# -- preparing the programs ------------------------------------------------------------------


class Refused(Exception):
    """The companion would not open a generated program; the message says why."""


def keep_program(xml: Path, data_dir: Path) -> None:
    """Import a generated program once (the CLI keeps a copy), as `--program FILE` does."""
    done = subprocess.run(
        [sys.executable, "-m", "companion", "--program", str(xml), "about"],
        env={**os.environ, "COMPANION_DATA_DIR": str(data_dir)},
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if done.returncode:
        said = done.stderr.strip().splitlines() or [f"exit status {done.returncode}"]
        raise Refused(said[-1].rsplit(": ", 1)[-1])  # "companion: error: FILE: why"


def morning_of_day_one(program_id: str | None) -> str:
    """Two hours after the first talk: `--now` fixes the clock, so every run draws the same."""
    from datetime import timedelta

    from companion.catalog import open_program

    first = min(talk.start for talk in open_program(program_id).program.talks)
    return (first + timedelta(hours=2)).isoformat()


# -- the table -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    measure: str
    result: str
    target: str
    met: bool | None  # None: a baseline or a figure reported without a target


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def spread(samples: Sequence[float]) -> str:
    p50, p95 = percentiles(samples)
    return f"{ms(p50)} / {ms(p95)}"


def ratio_row(measure: str, result: str, ratio: float, limit: float) -> Row:
    return Row(measure, f"{result} ({ratio:.2f}× bare)", f"≤ {limit}× bare", ratio <= limit)


def print_table(rows: list[Row], sizes: Sizes, synchronized_frames: int) -> None:
    heading = ("measure", "result", "target", "")
    cells = [
        heading,
        *[
            (r.measure, r.result, r.target, "" if r.met is None else ("met" if r.met else "MISSED"))
            for r in rows
        ],
    ]
    widths = [max(len(cell[i]) for cell in cells) for i in range(4)]
    print(
        f"\n{sizes.talks:,} talks, {sizes.days} days, {sizes.rooms} rooms, {sizes.people:,} "
        f"people; pseudo-terminal {SIZE[0]}x{SIZE[1]}; start-up: the median of "
        f"{sizes.paired} pairs' ratios; keys: p50 / p95 of {sizes.presses}+ presses each, "
        f"each paired with a bare keystroke, ratios at p95, CPU: the app's median from key "
        f"to frame ({synchronized_frames} synchronized frames seen)\n"
    )
    for index, cell in enumerate(cells):
        print("| " + " | ".join(c.ljust(w) for c, w in zip(cell, widths, strict=True)) + " |")
        if index == 0:
            print("|" + "|".join("-" * (w + 2) for w in widths) + "|")


def cpu_to_frame(samples: Samples) -> str:
    """The app's median CPU from key to frame: what of the wait is work, not frame pacing."""
    return ms(statistics.median(samples.cpu_to_frame))


def key_rows(keys: KeyTimings, talks: int) -> list[Row]:
    bare_p95 = percentiles(keys.bare_typing.seconds)[1]
    rows = [
        Row(
            "key to frame: typing into a bare Textual Input (p50 / p95)",
            f"{spread(keys.bare_typing.seconds)}, CPU {cpu_to_frame(keys.bare_typing)}",
            "baseline",
            None,
        )
    ]
    kinds: list[tuple[str, Samples, float]] = [
        ("search keystroke", keys.search, 1.5),
        ("star toggle on the schedule", keys.star, 1.5),
        ("star toggle on talk details", keys.star_on_talk, 1.5),
        ("page down", keys.page_down, 1.5),
        ("open talk details", keys.talk_details, 2.0),
        ("switch screens (1/2/3)", keys.switch_screen, 2.0),
    ]
    for label, samples, limit in kinds:
        p95 = percentiles(samples.seconds)[1]
        ratio = f"{p95 / bare_p95:.2f}× bare"
        rows.append(
            Row(
                f"key to frame, {talks:,} talks: {label} (p50 / p95)",
                f"{spread(samples.seconds)} ({ratio}), CPU {cpu_to_frame(samples)}",
                f"p95 ≤ {limit}× bare",
                p95 <= limit * bare_p95,
            )
        )
    for label, samples in (
        ("open talk details", keys.talk_details),
        ("switch screens", keys.switch_screen),
    ):
        before = statistics.median(samples.cpu_to_frame)
        after = statistics.median(samples.cpu_after_frame)
        rows.append(
            Row(
                f"CPU of the app, {label}: key to frame / frame to idle (median)",
                f"{ms(before)} / {ms(after)}",
                "after ≤ before",
                after <= before,
            )
        )
    return rows


@dataclass(frozen=True)
class Scale:
    """The same measures at the larger program, and how they grew per talk."""

    first_launch: Start  # importing the XML, then keeping a copy
    opened_again: Start  # the same file again: imported again, beside the copy kept of it
    first_frame: float
    peak_mib: float
    time_per_talk: float  # growth beyond the bare app, per talk, larger over smaller
    memory_per_talk: float


def run(sizes: Sizes) -> tuple[list[Row], int]:
    from generate_program import generate

    # Start from bytecode, as an installed app does (`pip install` compiles it). Without
    # this, a machine that sets PYTHONDONTWRITEBYTECODE compiles our modules from source
    # on every start (about 35 ms here), but never Textual's, which pip compiled.
    compileall.compile_dir(ROOT / "companion", quiet=1)
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        data = folder / "data"
        os.environ["COMPANION_DATA_DIR"] = str(data)  # for the in-process measures
        big = folder / "big.xml"
        big.write_text(generate(sizes.talks, sizes.days, sizes.rooms, sizes.people), "utf-8")
        step("bare Textual app and bundled program, in turn")
        paired = paired_starts(data, morning_of_day_one(None), sizes.paired)
        keep_program(big, data)
        now = morning_of_day_one("bench-conf")
        step(f"{sizes.talks:,} talks, first launch (imports the XML)")
        imports = [
            start(companion_command(str(big), now), folder / f"fresh-{attempt}", APP_FIRST_PAINT)
            for attempt in range(sizes.repeats)
        ]
        step(f"{sizes.talks:,} talks, from the kept copy")
        kept = starts(companion_command("bench-conf", now), data, sizes.repeats)
        step("key presses, each beside a keystroke in a bare Textual Input")
        keys = key_timings(data, "bench-conf", now, sizes)
        step("search index lookups, in-process")
        lookups = index_lookups("bench-conf")
        step(f"whole-program export of {sizes.talks:,} talks")
        exported = export_seconds("bench-conf")
        step(f"{sizes.scaled_talks:,} talks")
        scale = scaled(sizes, folder, now, paired, kept)

    rows = [
        Row("start-up to first paint, bare Textual app", f"{paired.bare:.2f} s", "baseline", None),
        ratio_row(
            "start-up to first paint, bundled C4ML program",
            f"{paired.app:.2f} s",
            paired.ratio,
            1.2,
        ),
        Row(
            f"first paint, {sizes.talks:,} talks, first launch (import frab XML)",
            f"{statistics.median(s.seconds for s in imports):.2f} s",
            "reported",
            None,
        ),
        Row(
            f"first paint, {sizes.talks:,} talks, from the kept copy",
            f"{statistics.median(s.seconds for s in kept):.2f} s",
            "< 1.5 s",
            statistics.median(s.seconds for s in kept) < 1.5,
        ),
        *key_rows(keys, sizes.talks),
        Row(
            "search index lookup alone, in-process (p50 / p95)",
            spread(lookups),
            "reported",
            None,
        ),
        *[
            Row(
                f"whole-program .{name} export, {sizes.talks:,} talks",
                f"{seconds:.2f} s, CPU {cpu:.2f} s",
                "< 1.5 s",
                seconds < 1.5,
            )
            for name, (seconds, cpu) in exported.items()
        ],
        Row("peak memory, bare Textual app", f"{paired.bare_mib:.0f} MiB", "baseline", None),
        ratio_row(
            "peak memory, bundled C4ML program",
            f"{paired.app_mib:.0f} MiB",
            paired.app_mib / paired.bare_mib,
            1.5,
        ),
        Row(
            f"peak memory, {sizes.talks:,} talks: first launch / from the kept copy",
            f"{max(s.peak_mib for s in imports):.0f} MiB / {max(s.peak_mib for s in kept):.0f} MiB",
            "< 300 MB",
            max(s.peak_mib for s in [*imports, *kept]) * 1.048576 < 300,
        ),
        *scale_rows(sizes, scale),
    ]
    return rows, keys.synchronized_frames


def scale_rows(sizes: Sizes, scale: Scale | Refused) -> list[Row]:
    larger = f"{sizes.scaled_talks:,} talks"
    measures = (
        f"first paint, {larger}, first launch (import frab XML)",
        f"peak memory, {larger}, first launch",
        f"first paint / peak memory, {larger}, its file opened again",
        f"first paint, {larger}, from the kept copy",
        f"peak memory, {larger}, from the kept copy",
        f"cost per talk, {larger} over {sizes.talks:,}: first paint / memory",
    )
    targets = ("reported", "< 400 MB", "< 400 MB", "< 3 s", "< 400 MB", "≤ 1.1× (linear)")
    if isinstance(scale, Refused):
        return [
            Row(measure, f"not opened: {scale}", target, False)
            for measure, target in zip(measures, targets, strict=True)
        ]
    results = (
        (f"{scale.first_launch.seconds:.2f} s", None),
        (f"{scale.first_launch.peak_mib:.0f} MiB", scale.first_launch.peak_mib * 1.048576 < 400),
        (
            f"{scale.opened_again.seconds:.2f} s / {scale.opened_again.peak_mib:.0f} MiB",
            scale.opened_again.peak_mib * 1.048576 < 400,
        ),
        (f"{scale.first_frame:.2f} s", scale.first_frame < 3),
        (f"{scale.peak_mib:.0f} MiB", scale.peak_mib * 1.048576 < 400),
        (
            f"{scale.time_per_talk:.2f}× / {scale.memory_per_talk:.2f}×",
            max(scale.time_per_talk, scale.memory_per_talk) <= 1.1,
        ),
    )
    return [
        Row(measure, result, target, met)
        for measure, target, (result, met) in zip(measures, targets, results, strict=True)
    ]


def scaled(
    sizes: Sizes, folder: Path, now: str, paired: PairedStarts, kept: list[Start]
) -> Scale | Refused:
    """First paint and memory at the larger program; per talk, beyond what the bare app
    costs, against the smaller one (1.0: cost grows linearly with the program)."""
    from generate_program import generate

    factor = sizes.scaled_talks / sizes.talks
    xml = folder / "scaled.xml"
    xml.write_text(
        generate(sizes.scaled_talks, sizes.days, sizes.rooms, int(sizes.people * factor)), "utf-8"
    )
    data = folder / "scaled-data"
    try:
        first_launch = start(companion_command(str(xml), now), data, APP_FIRST_PAINT)
        opened_again = start(companion_command(str(xml), now), data, APP_FIRST_PAINT)
    except TerminalError as error:  # it would not open the program: the last line says why
        return Refused(str(error).strip().splitlines()[-1])
    runs = starts(companion_command("bench-conf", now), data, sizes.repeats)
    first_frame = statistics.median(s.seconds for s in runs)
    peak_mib = max(s.peak_mib for s in runs)
    smaller_frame = statistics.median(s.seconds for s in kept)
    smaller_mib = max(s.peak_mib for s in kept)

    def per_talk(larger: float, smaller: float, bare: float) -> float:
        return (larger - bare) / (smaller - bare) / factor

    return Scale(
        first_launch,
        opened_again,
        first_frame,
        peak_mib,
        per_talk(first_frame, smaller_frame, paired.bare),
        per_talk(peak_mib, smaller_mib, paired.bare_mib),
    )


def step(text: str) -> None:
    print(f"… {text}", file=sys.stderr, flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="tiny sizes, one repeat")
    parser.add_argument("--json", action="store_true", help="also print the rows as JSON")
    args = parser.parse_args()
    sizes = SMOKE if args.smoke else FULL
    rows, synchronized_frames = run(sizes)
    print_table(rows, sizes, synchronized_frames)
    if args.json:
        print(json.dumps([asdict(row) for row in rows], ensure_ascii=False))


if __name__ == "__main__":
    main()
