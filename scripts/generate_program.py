"""Generate a large, deterministic conference program as frab schedule.xml.

    python scripts/generate_program.py --talks 10000 --days 5 --rooms 40 --people 20000 -o big.xml

The same arguments always give the same file, so benchmark runs compare alike.
Names carry accents, so folding and sorting are exercised at scale; every talk has an
abstract of 60 to 200 words drawn from thousands of made-up ones, as long and as varied
as real abstracts, so the search index is built and queried at a real size.
"""

from __future__ import annotations

import argparse
import random
from datetime import date, datetime, timedelta
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

FIRST = [
    "Ana",
    "Björn",
    "Chloé",
    "Dương",
    "Émile",
    "Fatoş",
    "Gérard",
    "Hana",
    "Ingrid",
    "José",
    "Kōji",
    "Łukasz",
    "Márta",
    "Ngân",
    "Øystein",
    "Priya",
    "Quang",
    "Renée",
    "Søren",
    "Tomáš",
]
LAST = [
    "Ångström",
    "Böck",
    "Çelik",
    "Dvořák",
    "Eßer",
    "Fernández",
    "García",
    "Hämäläinen",
    "Iñiguez",
    "Jürgens",
    "Kovač",
    "Lefèvre",
    "Müller",
    "Nguyễn",
    "Ørsted",
    "Popescu",
    "Quiñones",
    "Rønning",
    "Šimek",
    "Vũ",
]
WORDS = [
    "Compiling",
    "Tensors",
    "Kernels",
    "for",
    "Accelerators",
    "with",
    "MLIR",
    "Scheduling",
    "Polyhedral",
    "Autotuning",
    "Sparse",
    "Graphs",
    "in",
    "Practice",
    "Lowering",
    "Fusion",
    "Vectorization",
    "Quantized",
    "Models",
    "at",
    "Scale",
    "Heuristics",
    "Learned",
    "Memory",
]
TRACKS = ["Compilers", "Runtimes", "Hardware", "Languages", "Tooling", "Systems", "ML", "Security"]
SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "ta", "ve", "zo", "qua", "stri", "pré", "gö", "ñu"]
SLOT_MINUTES = 15
DAY_START_HOUR = 8


def people(count: int, rng: random.Random) -> list[str]:
    names = []
    for index in range(count):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        names.append(f"{first} {last}-{index}")  # the index keeps 20,000 people distinct
    return names


def vocabulary(rng: random.Random, size: int = 8000) -> list[str]:
    """Made-up words, some with accents, beside the title words, for abstracts."""
    made = {"".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 5))) for _ in range(size)}
    return [*WORDS, *sorted(made)]


def abstract(rng: random.Random, words: list[str]) -> str:
    return " ".join(rng.choice(words) for _ in range(rng.randint(60, 200))) + "."


def generate(talks: int, days: int, rooms: int, people_count: int, seed: int = 2026) -> str:
    rng = random.Random(seed)
    pool = people(people_count, rng)
    words = vocabulary(rng)
    per_room_day = -(-talks // (days * rooms))
    first_day = date(2030, 2, 1)
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        "<schedule>",
        "  <version>bench</version>",
        "  <conference>",
        "    <acronym>bench-conf</acronym>",
        f"    <title>Benchmark Conference ({talks} talks)</title>",
        f"    <start>{first_day}</start>",
        f"    <end>{first_day + timedelta(days=days - 1)}</end>",
        f"    <days>{days}</days>",
        "    <time_zone_name>Europe/Brussels</time_zone_name>",
        "  </conference>",
    ]
    number = 0
    for day_index in range(days):
        day = first_day + timedelta(days=day_index)
        out.append(f'  <day index="{day_index + 1}" date="{day}">')
        for room_index in range(rooms):
            room = f"Room {room_index + 1:02d}"
            out.append(f"    <room name={quoteattr(room)}>")
            start = datetime(day.year, day.month, day.day, DAY_START_HOUR)
            for _ in range(per_room_day):
                if number >= talks:
                    break
                number += 1
                title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 9)))
                speakers = "".join(
                    f"<person>{escape(rng.choice(pool))}</person>" for _ in range(rng.randint(1, 3))
                )
                out.append(
                    f'      <event guid="00000000-0000-4000-8000-{number:012d}" id="{number}">'
                    f"<date>{start.isoformat()}+01:00</date><start>{start:%H:%M}</start>"
                    f"<duration>00:{SLOT_MINUTES}</duration><room>{escape(room)}</room>"
                    f"<title>{escape(title)} {number}</title>"
                    f"<abstract>{escape(abstract(rng, words))}</abstract>"
                    f"<track>{rng.choice(TRACKS)}</track><type>lecture</type>"
                    f"<language>en</language><persons>{speakers}</persons></event>"
                )
                start += timedelta(minutes=SLOT_MINUTES)
            out.append("    </room>")
        out.append("  </day>")
    out.append("</schedule>")
    return "\n".join(out) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--talks", type=int, default=10_000)
    parser.add_argument("--days", type=int, default=5)
    parser.add_argument("--rooms", type=int, default=40)
    parser.add_argument("--people", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("-o", "--output", type=Path, required=True)
    args = parser.parse_args()
    args.output.write_text(
        generate(args.talks, args.days, args.rooms, args.people, args.seed), encoding="utf-8"
    )


if __name__ == "__main__":
    main()
