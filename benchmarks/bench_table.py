"""How the table, Markdown and HTML views scale with the number of entries (one run, not a test).

    .venv/bin/python benchmarks/bench_table.py [--entries 6698] [--width 100] [--repeat 3]

The seed page's six entries are repeated over consecutive days (each copy a day later, with
its sources) until --entries entries exist; each format is rendered for a quarter, a half
and all of them (the table also as drawn in colour on a terminal). The table prints CPU seconds of this process (best of --repeat; CPU time, so
that other processes on a busy machine count less) and the ratio of the full run's
time per entry to the quarter's: about 1.0 means linear.
"""
from __future__ import annotations

import argparse
import dataclasses
import io
import sys
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from feedline.model import DateFix, DateStatus, Timeline  # noqa: E402
from feedline.pipeline import extract  # noqa: E402
from feedline.render import render  # noqa: E402
from feedline.render.table import render_table  # noqa: E402
from rich.console import Console  # noqa: E402

SEED = ROOT / "samples" / "kyiv-independent-2023-10-03.txt"


def timeline_of(count: int) -> Timeline:
    seed = extract(SEED, now=None, tz=None)
    base = [e for e in seed.entries if e.date.local_date is not None]
    entries = []
    for index in range(count):
        entry = base[index % len(base)]
        day = entry.date.local_date + timedelta(days=index // len(base))
        entries.append(dataclasses.replace(entry, id=f"{index:016x}", position=index,
                                           date=DateFix(DateStatus.INFERRED, day, confidence=0.8)))
    entries.sort(key=lambda e: (e.date.local_date, e.local_time))
    return dataclasses.replace(seed, entries=tuple(entries))


def terminal(width: int) -> Console:
    """A truecolor console writing to memory, as `feedline extract` on a terminal."""
    return Console(file=io.StringIO(), width=width, force_terminal=True, color_system="truecolor",
                   markup=False, emoji=False, highlight=False)


def best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.process_time()
        fn()
        times.append(time.process_time() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=6698)
    parser.add_argument("--width", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    full = timeline_of(args.entries)
    sizes = [args.entries // 4, args.entries // 2, args.entries]
    formats = ["table", "markdown"] + (["html"] if "html" in __import__("feedline.render").render.FORMATS else [])
    print(f"| format | {' | '.join(f'{n} entries' for n in sizes)} | per-entry ratio (all ÷ quarter) |")
    print("|---|" + "---|" * (len(sizes) + 1))
    for fmt in [*formats, "table on a colour terminal"]:
        seconds = []
        for size in sizes:
            part = dataclasses.replace(full, entries=full.entries[:size])
            if fmt == "table on a colour terminal":
                seconds.append(best(lambda: render_table(part, terminal(args.width)), args.repeat))
            else:
                seconds.append(best(lambda: render(part, fmt, width=args.width), args.repeat))
        ratio = (seconds[-1] / sizes[-1]) / (seconds[0] / sizes[0])
        print(f"| {fmt} | {' | '.join(f'{s:.3f} s' for s in seconds)} | {ratio:.2f} |")


if __name__ == "__main__":
    main()
