"""The store ingest, before and after a change, in one process: CPU time per snapshot (not a test).

    .venv/bin/python benchmarks/ingest_ab.py [--base main] [--snapshots 10000] [--chunk 250] [--runs 2]

Writes the store benchmark's snapshots (`bench_store.py`'s part 1: tests/feedsim.py's three
feeds captured every 10 minutes, seed 3) once, extracts `feedline` at the git ref `--base`
as the package `feedline_base` (`text_ab.base_package`) and ingests the snapshots with both
into two fresh stores, `--chunk` snapshots at a time, the two sides alternating chunk by
chunk and in which goes first. Each chunk's `ingest_pages` call is timed with
`time.process_time`. Each side keeps its own remembered stages (`memo`, cleared before each
run), so both see the snapshots in the same order, as `bench_store.py` ingests them.

After each run the two stores' rows are compared (every table `bench_store.py` fills but the
runs; `pages` without its run and ingest time): a change that alters any row is no speed change.
Prints each run's CPU milliseconds per snapshot of each side and the ratio, then the least of
each side over the runs. Skipped, with a note, without git.
"""
from __future__ import annotations

import argparse
import hashlib
import importlib
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import feedsim  # noqa: E402
from text_ab import BASE, base_package  # noqa: E402

TABLES = ("pages", "entries", "revisions", "sightings", "sources")
SKIPPED_COLUMNS = ("ingested_at", "run_id")


def snapshot_files(folder: Path, total: int) -> list[Path]:
    """`bench_store.py`'s part 1 snapshots, written to `folder`; their paths in capture order."""
    feeds = len(feedsim.DEFAULT_FEEDS)
    days = total / feeds * 10 * 1.1 / 1440 + 1
    truth = feedsim.simulate(seed=3, days=days, capture_hours=10 / 60, blind_every=0)
    feedsim.write_snapshots(truth, folder)
    ingest = importlib.import_module("feedline.ingest")
    return [Path(page.name) for page in ingest.page_inputs([str(folder)])[:total]]


class Side:
    """One package's ingest into its own store, chunk by chunk."""

    def __init__(self, package: str, db: Path) -> None:
        self.ingest = importlib.import_module(f"{package}.ingest")
        self.memo = importlib.import_module(f"{package}.memo")
        self.store_type = importlib.import_module(f"{package}.store").Store
        self.db = db
        self.seconds = 0.0
        self.store: Any = None
        self.extract: Any = None

    def start(self) -> None:
        for path in self.db.parent.glob(self.db.name + "*"):
            path.unlink()
        self.memo.clear()
        self.extract = self.ingest.extractor()
        self.store = self.store_type.open(self.db)
        self.seconds = 0.0

    def chunk(self, paths: list[Path]) -> None:
        pages = self.ingest.page_inputs([str(p) for p in paths])
        start = time.process_time()
        for outcome in self.ingest.ingest_pages(self.store, pages, self.extract):
            if outcome.error is not None:
                raise SystemExit(f"{self.db.name}: {outcome.page.name}: {outcome.error}")
        self.seconds += time.process_time() - start

    def finish(self) -> None:
        self.store.close()


def rows_digest(db: Path) -> dict[str, tuple[int, str]]:
    """Row count and a digest of each table's rows (ordered), the run columns left out."""
    out = {}
    with sqlite3.connect(db) as conn:
        for table in TABLES:
            columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})") if r[1] not in SKIPPED_COLUMNS]
            digest, count = hashlib.sha256(), 0
            for row in conn.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY id"):
                digest.update(repr(row).encode())
                count += 1
            out[table] = (count, digest.hexdigest())
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", default="main", help="git ref of the code to compare with (default: main)")
    parser.add_argument("--snapshots", type=int, default=10_000)
    parser.add_argument("--chunk", type=int, default=250, help="snapshots per turn of a side (default: 250)")
    parser.add_argument("--runs", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="feedline-ingest-ab-") as scratch:
        work = Path(scratch)
        try:
            base_package(args.base, work)
        except (OSError, subprocess.CalledProcessError) as error:
            print(f"ingest_ab: cannot read feedline at {args.base!r} from git ({error}): skipped")
            return 0
        sys.path.insert(0, scratch)
        sys.path.insert(0, str(ROOT))
        print(f"writing {args.snapshots} snapshots...", file=sys.stderr, flush=True)
        paths = snapshot_files(work / "snap", args.snapshots)
        sides = {name: Side(name, work / f"{name}.db") for name in (BASE, "feedline")}
        best = dict.fromkeys(sides, float("inf"))
        print(f"store ingest of {len(paths)} snapshots, CPU ms a snapshot, {args.base} and this tree "
              f"alternating every {args.chunk} snapshots")
        for run in range(args.runs):
            order = list(sides.values()) if run % 2 == 0 else list(reversed(sides.values()))
            for side in order:
                side.start()
            for start in range(0, len(paths), args.chunk):
                for side in order:
                    side.chunk(paths[start:start + args.chunk])
                order.reverse()
            for side in order:
                side.finish()
            same = rows_digest(sides[BASE].db) == rows_digest(sides["feedline"].db)
            before, after = (sides[name].seconds * 1000 / len(paths) for name in (BASE, "feedline"))
            for name, side in sides.items():
                best[name] = min(best[name], side.seconds)
            print(f"run {run + 1}: {args.base[:12]} {before:.3f}, this tree {after:.3f} ms "
                  f"(x{before / after:.3f}); stores {'identical' if same else 'DIFFERENT'}", flush=True)
            if not same:
                return 1
        before, after = (best[name] * 1000 / len(paths) for name in (BASE, "feedline"))
        print(f"least of {args.runs}: {before:.3f} -> {after:.3f} ms a snapshot (x{before / after:.3f}; "
              f"{1000 / before:.0f} -> {1000 / after:.0f} snapshots per CPU second)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
