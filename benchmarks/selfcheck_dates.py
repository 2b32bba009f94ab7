"""Capture-mode dating checked against the pages' own printed dates, without gold.

Many pool pages hold feeds whose stamps print a full date ("21.04.2020 - 16:40"). Those dates
are the truth for their entries. This check takes each such feed (three entries or more, in
time order, spanning at most `MAX_SPAN_DAYS`), rewrites every one of its stamps in the page's
text as the bare clock ("16:40"), and extracts the rewritten text again with a capture time
`CAPTURE_AFTER` after the newest entry: the dates feedline now infers from clocks, order,
rollovers and the capture time alone are compared with the printed ones.

An entry is then `right`, `wrong`, `null` (feedline abstains: an honest answer) or `lost`
(no entry of the rewritten page has a stamp at its offset: the bare clocks were not read as
a feed). Wrong dates here are the capture-mode errors a page with clock-only stamps meets.

    .venv/bin/python benchmarks/selfcheck_dates.py [--jobs 2] [--examples 3] [--pool DIR]

The markup is dropped with the printed dates (a `<time datetime>` would give them back), so
the rewritten page is read as text: headings, page stamps and mentions in it still count.
"""
from __future__ import annotations

import argparse
import csv
import gzip
from collections import Counter
from dataclasses import replace
from datetime import datetime, timedelta
from multiprocessing import Pool
from pathlib import Path

from feedline import extract, read_page
from feedline.model import DateBasis, Entry, PageKind, StampKind

POOL = Path(__file__).resolve().parent.parent.parent / "shared" / "pool"
MIN_ENTRIES = 3
MAX_SPAN_DAYS = 3  # longer feeds hide whole days between clocks: nothing can date them
CAPTURE_AFTER = timedelta(minutes=20)
OUTCOMES = ("right", "wrong", "null", "lost")


def printed_feeds(entries: tuple[Entry, ...]) -> list[list[Entry]]:
    """Feeds whose entries all print a full date and time, in time order, short enough."""
    feeds: dict[int, list[Entry]] = {}
    for entry in sorted(entries, key=lambda e: e.position):
        feeds.setdefault(entry.feed, []).append(entry)
    out = []
    for group in feeds.values():
        if len(group) < MIN_ENTRIES or not all(
                e.date.basis is DateBasis.STAMP and e.stamp.kind is StampKind.DATETIME and e.stamp.year
                and e.local_time is not None and e.datetime is not None for e in group):
            continue
        moments = [_moment(e) for e in group]
        ordered = all(a >= b for a, b in zip(moments, moments[1:])) or all(a <= b for a, b in zip(moments, moments[1:]))
        if ordered and max(moments) - min(moments) <= timedelta(days=MAX_SPAN_DAYS):
            out.append(group)
    return out


def _moment(entry: Entry) -> datetime:
    assert entry.datetime is not None
    return entry.datetime.replace(tzinfo=None)


def check_page(path: Path) -> tuple[str, Counter, list[str]]:
    """Outcome counts for one page, and examples of its wrong and lost entries."""
    counts: Counter = Counter()
    examples: list[str] = []
    try:
        page = read_page(gzip.open(path).read() if path.suffix == ".gz" else path.read_bytes())
        timeline = extract(page)
    except Exception as exc:  # a page feedline cannot read is the survey's business
        return path.name, counts, [f"error: {type(exc).__name__}"]
    for group in printed_feeds(timeline.entries):
        pieces, last, shift, offsets = [], 0, 0, {}
        for entry in sorted(group, key=lambda e: e.stamp.span[0]):
            start, end = entry.stamp.span
            clock = f"{entry.local_time:%H:%M}"
            pieces += [page.text[last:start], clock]
            offsets[start + shift] = entry
            shift += len(clock) - (end - start)
            last = end
        pieces.append(page.text[last:])
        clocked = replace(page, text="".join(pieces), kind=PageKind.TEXT, html=None, layout=None, markup=None)
        now = max(_moment(e) for e in group) + CAPTURE_AFTER
        again = {e.stamp.span[0]: e for e in extract(clocked, now=now, tz="UTC").entries}
        for offset, truth in offsets.items():
            found = again.get(offset)
            if found is None:
                outcome = "lost"
            elif found.date.local_date is None:
                outcome = "null"
            else:
                outcome = "right" if found.date.local_date == _moment(truth).date() else "wrong"
            counts[outcome] += 1
            if outcome in ("wrong", "lost"):
                got = f" -> {found.date.local_date} ({found.date.basis.value})" if found is not None else ""
                examples.append(f"{outcome}: {truth.stamp.text!r}{got}")
    return path.name, counts, examples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pool", type=Path, default=POOL)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--examples", type=int, default=3)
    args = parser.parse_args()
    sites = args.pool / "SITES.tsv"
    if not sites.exists():
        print(f"selfcheck: {sites} not found (no ../shared here): skipped")
        return
    rows = list(csv.DictReader(sites.open(encoding="utf-8"), delimiter="\t"))
    hosts = {Path(row["file"]).name: row["host"] for row in rows}
    total: Counter = Counter()
    pages = 0
    with Pool(args.jobs) as pool:
        for name, counts, examples in pool.imap_unordered(check_page, [args.pool / r["file"] for r in rows],
                                                          chunksize=8):
            if not counts:
                continue
            pages += 1
            total.update(counts)
            line = " ".join(f"{k} {counts[k]}" for k in OUTCOMES if counts[k])
            print(f"{name:28} {hosts.get(name, ''):28} {line}")
            for example in examples[:args.examples]:
                print(f"    {example}")
    dated = total["right"] + total["wrong"]
    print(f"TOTAL {pages} pages: " + " ".join(f"{k} {total[k]}" for k in OUTCOMES)
          + (f" | wrong {total['wrong'] / dated:.3f} of dated, null {total['null'] / (dated + total['null']):.3f}"
             if dated else ""))


if __name__ == "__main__":
    main()
