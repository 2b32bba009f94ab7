"""How fast the store ingests, and how it grows (one run, not a test).

    .venv/bin/python benchmarks/bench_store.py [--snapshots 10000] [--every 10] [--period-days 2]
                                               [--rows 5] [--seed 3] [--keep DIR]

1. Throughput and growth over time: tests/feedsim.py simulates its three feeds (two busy, one
   quiet) captured every --every minutes (a cron job) until --snapshots snapshots exist, writes
   them as files, then ingests them in capture order in --rows chunks. After each chunk:
   snapshots so far, unique entries, sighting rows, database size (after a WAL checkpoint),
   the size without the `pages` table and its indexes ("no pages"), that per entry, the page
   rows per snapshot, and the chunk's pages per second (with the share of the time spent in
   `extract`, and the pages per second of the rest: the store's own work, reading the files,
   matching, writing).
2. Snapshots against entries: the same --period-days of the same feeds, captured every 60,
   20, 10, 5 and 2 minutes: ever more snapshots of the same entries. Only the page rows
   may grow with the snapshots: "no pages" should stay flat.

Part 1 ends with issue 9 §6's target (≥ 1,000 snapshots/s over the 10,000 snapshots), said met
or NOT met, and how many snapshots' reading and tokens and entries were remembered from an
earlier snapshot with the same bytes, and how many datings from an earlier one with the same
entries at a capture time that reads the same (`feedline.memo`, exact).
`ingest_pages` stores the pages of each chunk 100 at a time (`Store.add_batch`, one transaction
each). Snapshot generation is not timed. Progress goes to stderr, the tables to stdout.
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import feedsim  # noqa: E402

from feedline import memo  # noqa: E402
from feedline.model import Timeline  # noqa: E402
from feedline.ingest import Clock, PageInput, extractor, ingest_pages, page_inputs  # noqa: E402
from feedline.store import Store  # noqa: E402

FEEDS = len(feedsim.DEFAULT_FEEDS)
TARGET = 1000  # snapshots/s over the 10,000 snapshots (issue 9 §6)


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


class Timed:
    """`extract`, counting the seconds spent in it."""

    def __init__(self, extract: Callable[[PageInput, bytes, Clock], Timeline]) -> None:
        self.extract = extract
        self.seconds = 0.0

    def __call__(self, page: PageInput, data: bytes, clock: Clock) -> Timeline:
        start = time.perf_counter()
        try:
            return self.extract(page, data, clock)
        finally:
            self.seconds += time.perf_counter() - start


def snapshots(folder: Path, *, days: float, every: float, seed: int) -> list[PageInput]:
    truth = feedsim.simulate(seed=seed, days=days, capture_hours=every / 60, blind_every=0)
    feedsim.write_snapshots(truth, folder)
    return page_inputs([str(folder)])


def ingest(store: Store, pages: list[PageInput], timed: Timed) -> float:
    start = time.perf_counter()
    for outcome in ingest_pages(store, pages, timed):
        if outcome.error is not None:
            raise SystemExit(f"{outcome.page.name}: {outcome.error}")
    return time.perf_counter() - start


def size(store: Store) -> dict[str, int]:
    """Counts and bytes after a checkpoint; `rest` is everything but the page rows."""
    store.checkpoint()
    stats: dict[str, int] = store.stats()  # type: ignore[assignment]
    pages = store.page_bytes()
    stats["rest"] = stats["bytes"] - pages if pages is not None else -1
    return stats


def kb(n: int) -> str:
    return f"{n / 1024:.0f}" if n >= 0 else "?"


def throughput(work: Path, total: int, every: float, rows: int, seed: int) -> None:
    days = total / FEEDS * every * 1.1 / 1440 + 1  # captures start hours in, come late: cut to `total`
    progress(f"writing {total} snapshots (about {days:.0f} days, every {every:g} min)...")
    pages = snapshots(work / "snap", days=days, every=every, seed=seed)[:total]
    progress(f"ingesting {len(pages)} snapshots...")
    print(f"\n1. {len(pages)} snapshots, {FEEDS} feeds captured every {every:g} minutes\n")
    print(f"{'snapshots':>9} {'entries':>8} {'sightings':>9} {'db KB':>8} {'no pages':>8} {'B/entry':>8} "
          f"{'B/snapshot':>10} {'pages/s':>8} {'extract':>8} {'store/s':>8}")
    timed = Timed(extractor())
    memo.clear()
    step = max(1, -(-len(pages) // rows))
    spent = extracting = 0.0
    with Store.open(work / "feed.db") as store:
        for start in range(0, len(pages), step):
            chunk = pages[start:start + step]
            timed.seconds = 0.0
            seconds = ingest(store, chunk, timed)
            spent, extracting = spent + seconds, extracting + timed.seconds
            stats = size(store)
            done = start + len(chunk)
            print(f"{done:>9} {stats['entries']:>8} {stats['sightings']:>9} {kb(stats['bytes']):>8} "
                  f"{kb(stats['rest']):>8} {stats['rest'] / max(1, stats['entries']):>8.0f} "
                  f"{(stats['bytes'] - stats['rest']) / done:>10.0f} {len(chunk) / seconds:>8.1f} "
                  f"{timed.seconds / seconds:>8.0%} {len(chunk) / max(seconds - timed.seconds, 1e-9):>8.0f}",
                  flush=True)
    rate = len(pages) / spent
    print(f"\ntarget (issue 9 §6): store ingest of {len(pages):,} snapshots {rate:.1f} snapshots/s (target >= {TARGET:,}): "
          f"{'met' if rate >= TARGET else 'NOT met'}; extraction {extracting / spent:.0%} of it, the store alone "
          f"{len(pages) / max(spent - extracting, 1e-9):.0f} snapshots/s")
    remembered = memo.stats()
    print("remembered from an earlier snapshot (feedline.memo): "
          + ", ".join(f"{kind} {hits:,} of {hits + misses:,}" for kind, (hits, misses) in remembered.items()))


def growth(work: Path, days: float, seed: int) -> None:
    print(f"\n2. The same {days:g} days of the same feeds, captured ever more often\n")
    print(f"{'every min':>9} {'snapshots':>9} {'entries':>8} {'sightings':>9} {'db KB':>8} {'no pages':>8} "
          f"{'pages/s':>8}")
    for every in (60, 20, 10, 5, 2):
        progress(f"every {every} minutes...")
        folder = work / f"every{every}"
        pages = snapshots(folder / "snap", days=days, every=every, seed=seed)
        with Store.open(folder / "feed.db") as store:
            seconds = ingest(store, pages, Timed(extractor()))
            stats = size(store)
        print(f"{every:>9} {len(pages):>9} {stats['entries']:>8} {stats['sightings']:>9} "
              f"{kb(stats['bytes']):>8} {kb(stats['rest']):>8} {len(pages) / seconds:>8.1f}", flush=True)
        shutil.rmtree(folder / "snap")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--snapshots", type=int, default=10_000, help="snapshots in part 1 (default 10000)")
    parser.add_argument("--every", type=float, default=10, help="minutes between captures in part 1")
    parser.add_argument("--period-days", type=float, default=2, help="days simulated in part 2 (0: skip it)")
    parser.add_argument("--rows", type=int, default=5, help="rows of the part 1 table")
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="work in DIR and keep it (default: a temporary folder)")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="feedline-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        throughput(work / "throughput", args.snapshots, args.every, args.rows, args.seed)
        if args.period_days > 0:
            growth(work / "growth", args.period_days, args.seed)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
