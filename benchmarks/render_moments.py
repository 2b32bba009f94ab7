"""Blind mode's render moment on the pool: which pages with relative stamps get one, from what.

For every pool page whose entries include relative stamps ("10 mins ago"), the page is read
without a capture time and counted as:

  - `marks`: a render moment from its `<time datetime>` / live-blog claims (claims.py);
  - `json`: a render moment from its items' times in script JSON (blobs.py), no `<time>` one;
  - `none`: no render moment;

and its relative entries as `timed` (a local time: from their own claim or read back from the
render moment on a known clock) or `untimed`. A moment without a known clock times nothing
in blind mode: such pages show a moment and untimed entries. Printed per page: the moment
(UTC), its evidence class and the timed / untimed counts.

    .venv/bin/python benchmarks/render_moments.py [--jobs 2] [--pool DIR]
"""
from __future__ import annotations

import argparse
from collections import Counter
from dataclasses import replace
from pathlib import Path

from selfcheck_pool import POOL, page_bytes, run

from feedline import extract, read_page
from feedline.claims import verified_claims
from feedline.entries import find_entries
from feedline.model import StampKind
from feedline.tokens import tokenize

OUTCOMES = ("marks", "json", "none", "timed", "untimed")


def check_page(path: Path) -> tuple[str, Counter, list[str]]:
    page = read_page(page_bytes(path))
    drafts, _ = find_entries(tokenize(page), page.layout)
    counts: Counter = Counter()
    if not any(d.stamp.kind is StampKind.RELATIVE for d in drafts):
        return path.name, counts, []
    moment = verified_claims(drafts, page.markup).rendered
    without_json = page.markup is not None and verified_claims(drafts, replace(page.markup, scripts=())).rendered
    counts["none" if moment is None else "marks" if without_json else "json"] += 1
    relative = [e for e in extract(page).entries if e.stamp.kind is StampKind.RELATIVE]
    counts["timed"] += sum(e.local_time is not None for e in relative)
    counts["untimed"] += sum(e.local_time is None for e in relative)
    return path.name, counts, [f"rendered at {moment:%Y-%m-%d %H:%M:%S} UTC"] if moment else []


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pool", type=Path, default=POOL)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    result = run(check_page, args.pool, args.jobs, 1, OUTCOMES)
    if result is None:
        return
    pages, total = result
    print(f"TOTAL {pages} pages with relative entries: render moment from <time> claims {total['marks']}, "
          f"from script JSON {total['json']}, none {total['none']} | relative entries timed {total['timed']}, "
          f"untimed {total['untimed']}")


if __name__ == "__main__":
    main()
