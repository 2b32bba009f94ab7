"""What the two self-checks share: the pool's pages, each checked in a worker process.

`selfcheck_dates.py` and `selfcheck_items.py` each give a `check(path)` returning the page's
name, its outcome counts and examples; `run` maps it over the pool and prints the pages
`show` selects with their first examples, then the totals.
"""
from __future__ import annotations

import csv
import gzip
from collections import Counter
from collections.abc import Callable
from multiprocessing import Pool
from pathlib import Path

POOL = Path(__file__).resolve().parent.parent.parent / "shared" / "pool"

Check = Callable[[Path], tuple[str, Counter, list[str]]]


def page_bytes(path: Path) -> bytes:
    return gzip.open(path).read() if path.suffix == ".gz" else path.read_bytes()


def run(check: Check, pool: Path, jobs: int, examples: int, outcomes: tuple[str, ...],
        show: Callable[[Counter], bool] = bool) -> tuple[int, Counter] | None:
    """Pages with any outcome, and the outcome totals; None when there is no pool here."""
    sites = pool / "SITES.tsv"
    if not sites.exists():
        print(f"selfcheck: {sites} not found (no ../shared here): skipped")
        return None
    rows = list(csv.DictReader(sites.open(encoding="utf-8"), delimiter="\t"))
    hosts = {Path(row["file"]).name: row["host"] for row in rows}
    total: Counter = Counter()
    pages = 0
    with Pool(jobs) as workers:
        for name, counts, found in workers.imap_unordered(check, [pool / r["file"] for r in rows], chunksize=8):
            if not counts:
                continue
            pages += 1
            total.update(counts)
            if show(counts):
                line = " ".join(f"{k} {counts[k]}" for k in outcomes if counts[k])
                print(f"{name:28} {hosts.get(name, ''):28} {line}")
                for example in found[:examples]:
                    print(f"    {example}")
    return pages, total
