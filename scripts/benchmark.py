"""Benchmark start-up, search, star toggles, export and memory; print one table.

    python scripts/benchmark.py            # the real sizes: 10,000 talks (a few minutes)
    python scripts/benchmark.py --smoke    # tiny sizes, only to keep this script working (CI)

Start-up is measured in fresh processes, headless, from launch to the first
frame, against a bare Textual app (Header, Static, Footer) started the same
way in the same run, so the ratios hold on a slow or busy machine too.
"""

from __future__ import annotations

import argparse
import asyncio
import compileall
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

QUERIES = [
    "compiler",
    "ngan vu",
    "bock",
    "sparse kernels",
    "room 12",
    "magelan",
    "jose",
    "autotuning",
    "fusion",
]


@dataclass(frozen=True)
class Sizes:
    talks: int
    days: int
    rooms: int
    people: int
    repeats: int  # fresh processes per start-up measure
    paired: int  # alternating bare/bundled pairs, for the ratio
    toggles: int
    exported: int


FULL = Sizes(
    talks=10_000, days=5, rooms=40, people=20_000, repeats=5, paired=21, toggles=60, exported=1000
)
SMOKE = Sizes(talks=200, days=2, rooms=4, people=300, repeats=1, paired=1, toggles=5, exported=50)


# -- the child: one cold start, reporting when the first frame is up ---------------------------


def peak_resident_kib() -> int:
    """This process's peak resident memory. VmHWM, where Linux has it: ru_maxrss would also
    count the benchmark's own memory, which a child inherits across fork and exec."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def child(kind: str, program_spec: str | None) -> None:
    from textual.app import App, ComposeResult
    from textual.pilot import Pilot
    from textual.widgets import Footer, Header, Static

    async def report_first_frame(pilot: Pilot[object]) -> None:
        """Wait for the main screen's content, then for its first refresh (the paint)."""
        while not pilot.app.screen.query("Footer, KeyFooter"):  # the bare app's, or ours
            await pilot.pause(0)
        await pilot.pause(0)
        painted = asyncio.get_running_loop().create_future()
        pilot.app.screen.call_after_refresh(painted.set_result, None)
        await painted
        peak_kib = peak_resident_kib()
        os.write(1, f"READY {peak_kib}\n".encode())  # Textual owns sys.stdout while running
        pilot.app.exit()

    if kind == "bare":

        class Bare(App[None]):
            def compose(self) -> ComposeResult:
                yield Header()
                yield Static("Hello")
                yield Footer()

        Bare().run(headless=True, auto_pilot=report_first_frame)
        return
    from companion.catalog import open_program
    from companion.ui.app import run_app

    run_app(open_program(program_spec).program, headless=True, auto_pilot=report_first_frame)


def cold_start(kind: str, data_dir: Path, program_spec: str | None = None) -> tuple[float, float]:
    """Seconds from launch to first frame, and peak resident MiB, of one fresh process."""
    command = [sys.executable, __file__, "--child", kind]
    if program_spec:
        command += ["--program", program_spec]
    environment = {**os.environ, "COMPANION_DATA_DIR": str(data_dir)}
    started = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=environment, cwd=ROOT
    )
    assert process.stdout is not None
    line = process.stdout.readline().decode()
    elapsed = time.perf_counter() - started
    _, errors = process.communicate(timeout=120)
    if not line.startswith("READY"):
        raise SystemExit(f"child {kind} failed: {errors.decode()[-2000:]}")
    return elapsed, int(line.split()[1]) / 1024


def median_start(
    kind: str, data_dir: Path, repeats: int, program_spec: str | None = None
) -> tuple[float, float]:
    runs = [cold_start(kind, data_dir, program_spec) for _ in range(repeats)]
    return statistics.median(t for t, _ in runs), max(m for _, m in runs)


@dataclass(frozen=True)
class PairedStarts:
    bare: float  # median seconds
    app: float
    ratio: float  # median of the ratios within each pair
    bare_mib: float  # peak resident memory
    app_mib: float


def paired_starts(data_dir: Path, pairs: int) -> PairedStarts:
    """The bare app and the bundled program started one right after the other, `pairs`
    times, each first in turn. The ratio is the median of each pair's own ratio: a shared
    machine's load comes and goes in bursts, and two starts a second apart see much the
    same load."""
    runs = []
    for pair in range(pairs):  # alternate which goes first, lest going second be an advantage
        if pair % 2:
            app = cold_start("app", data_dir)
            runs.append((cold_start("bare", data_dir), app))
        else:
            bare = cold_start("bare", data_dir)
            runs.append((bare, cold_start("app", data_dir)))
    return PairedStarts(
        bare=statistics.median(bare for (bare, _), _ in runs),
        app=statistics.median(app for _, (app, _) in runs),
        ratio=statistics.median(app / bare for (bare, _), (app, _) in runs),
        bare_mib=max(mib for (_, mib), _ in runs),
        app_mib=max(mib for _, (_, mib) in runs),
    )


# -- in-process measurements ---------------------------------------------------------------


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return ordered[len(ordered) // 2], ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]


async def ui_latencies(program_spec: str, sizes: Sizes) -> dict[str, tuple[float, float]]:
    """Seconds of work per search keystroke and per star toggle, in the running app.

    Timed around the same calls the key handlers make (the search dialog's
    lookup and list refill; `toggle_star` with its store commit and the
    schedule's marker update), because Textual's test pilot waits for the
    process to go idle after every key, which would swamp a few milliseconds.
    """
    from companion.catalog import open_program
    from companion.clock import fixed_clock
    from companion.search import SearchIndex
    from companion.ui.app import CompanionApp
    from companion.ui.screens.search import SearchScreen

    program = open_program(program_spec).program
    index = SearchIndex(program)
    core: list[float] = []
    for query in QUERIES:
        for end in range(1, len(query) + 1):
            started = time.perf_counter()
            index.search(query[:end])
            core.append(time.perf_counter() - started)
    app = CompanionApp(program, clock=fixed_clock(program.talks[0].start))
    typed: list[float] = []
    toggles: list[float] = []
    async with app.run_test(size=(120, 40)) as pilot:
        _ = app.search_index  # what the start-up worker builds
        for talk in program.talks[: sizes.toggles]:
            started = time.perf_counter()
            app.toggle_star(talk.id)
            toggles.append(time.perf_counter() - started)
        await pilot.press("slash")
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        for query in QUERIES:
            for end in range(1, len(query) + 1):
                started = time.perf_counter()
                screen.show_results(query[:end])
                typed.append(time.perf_counter() - started)
            await pilot.pause()
    return {"core": percentiles(core), "typed": percentiles(typed), "toggle": percentiles(toggles)}


def export_seconds(program_spec: str, count: int, folder: Path) -> float:
    from companion.catalog import open_program
    from companion.export import ExportFormat, build_export, render, write_export

    program = open_program(program_spec).program
    starred = {talk.id for talk in program.talks[:count]}
    started = time.perf_counter()
    export = build_export(program, starred, {})
    write_export(render(export, ExportFormat.ICS), folder / "starred.ics", overwrite=True)
    return time.perf_counter() - started


# -- the table -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    measure: str
    result: str
    target: str
    met: bool | None  # None: a baseline or a figure reported without a target


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def print_table(rows: list[Row], sizes: Sizes) -> None:
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
        f"\n{sizes.talks:,} talks, {sizes.days} days, {sizes.rooms} rooms, "
        f"{sizes.people:,} people; start-up: the median of {sizes.paired} pairs of fresh "
        f"processes, bare then bundled ({sizes.repeats} runs for the large program)\n"
    )
    for index, cell in enumerate(cells):
        print("| " + " | ".join(c.ljust(w) for c, w in zip(cell, widths, strict=True)) + " |")
        if index == 0:
            print("|" + "|".join("-" * (w + 2) for w in widths) + "|")


def run(sizes: Sizes) -> list[Row]:
    from generate_program import generate

    # Start from bytecode, as an installed app does (`pip install` compiles it). Without
    # this, a machine that sets PYTHONDONTWRITEBYTECODE compiles our modules from source
    # on every start (about 35 ms here), but never Textual's, which pip compiled.
    compileall.compile_dir(ROOT / "companion", quiet=1)
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        big = folder / "big.xml"
        big.write_text(
            generate(sizes.talks, sizes.days, sizes.rooms, sizes.people), encoding="utf-8"
        )
        data = folder / "data"
        step("bare Textual app and bundled program, in turn")
        starts = paired_starts(data, sizes.paired)  # the bundled one as plain `companion` runs
        step("large program, first import")
        imports = []
        for attempt in range(sizes.repeats):
            imports.append(cold_start("app", folder / f"fresh-{attempt}", str(big))[0])
        step("large program, cached")
        cold_start("app", data, str(big))  # import once into `data`
        cached, big_mib = median_start("app", data, sizes.repeats, "bench-conf")
        step("search and star toggles")
        os.environ["COMPANION_DATA_DIR"] = str(data)
        latencies = asyncio.run(ui_latencies("bench-conf", sizes))
        step("export")
        exported = export_seconds("bench-conf", sizes.exported, folder)

    def ratio_row(measure: str, value: str, ratio: float, limit: float) -> Row:
        return Row(measure, f"{value} ({ratio:.2f}× bare)", f"≤ {limit}× bare", ratio <= limit)

    rows.append(
        Row("cold start to first frame, bare Textual app", f"{starts.bare:.2f} s", "baseline", None)
    )
    rows.append(
        ratio_row(
            "cold start to first frame, bundled C4ML program",
            f"{starts.app:.2f} s",
            starts.ratio,
            1.25,
        )
    )
    rows.append(
        Row(
            f"first frame, {sizes.talks:,} talks, first launch (import frab XML)",
            f"{statistics.median(imports):.2f} s",
            "reported",
            None,
        )
    )
    rows.append(
        Row(
            f"first frame, {sizes.talks:,} talks, from the kept copy",
            f"{cached:.2f} s",
            "< 1.5 s",
            cached < 1.5,
        )
    )
    for key, label in (
        ("typed", "search per keystroke: lookup + result list"),
        ("core", "search per keystroke: index lookup alone"),
        ("toggle", "star toggle: store commit + schedule markers"),
    ):
        p50, p95 = latencies[key]
        rows.append(
            Row(f"{label} (p50 / p95)", f"{ms(p50)} / {ms(p95)}", "p95 < 16 ms", p95 < 0.016)
        )
    rows.append(
        Row(
            f".ics export of {sizes.exported:,} starred talks",
            f"{exported:.2f} s",
            "< 1 s",
            exported < 1,
        )
    )
    rows.append(
        Row("peak memory, bare Textual app", f"{starts.bare_mib:.0f} MiB", "baseline", None)
    )
    rows.append(
        ratio_row(
            "peak memory, bundled C4ML program",
            f"{starts.app_mib:.0f} MiB",
            starts.app_mib / starts.bare_mib,
            1.5,
        )
    )
    rows.append(
        Row(
            f"peak memory, {sizes.talks:,} talks",
            f"{big_mib:.0f} MiB",
            "< 300 MB",
            big_mib * 1.048576 < 300,
        )
    )
    return rows


def step(text: str) -> None:
    print(f"… {text}", file=sys.stderr, flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="tiny sizes, one repeat")
    parser.add_argument("--json", action="store_true", help="also print the rows as JSON")
    parser.add_argument("--child", choices=["bare", "app"], help=argparse.SUPPRESS)
    parser.add_argument("--program", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.program)
        return
    sizes = SMOKE if args.smoke else FULL
    rows = run(sizes)
    print_table(rows, sizes)
    if args.json:
        print(json.dumps([row.__dict__ for row in rows], ensure_ascii=False))


if __name__ == "__main__":
    main()
