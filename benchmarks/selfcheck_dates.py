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

    .venv/bin/python benchmarks/selfcheck_dates.py [--jobs 2] [--examples 3] [--pool DIR] [--blind] [--truth markup]
                                                   [--after MINUTES]

With `--truth heading` the truth is the feed's date headings ("Dienstag, 27. August 2024"
above its bare clocks): the page is read again with every heading line blanked out, so the
days must come from the clocks' order, rollovers and the capture time alone.

`--after 180` puts the capture three hours after the newest entry: the capture bound then no
longer settles a thread's last day turn, and the order must.

With `--truth markup` the truth is the page's structured data instead: feeds of bare clocks
("16:40") whose every entry feedline dated from its own `<time datetime>` (checked against the
visible clock) are read again as the page's text alone, where the markup is gone and the
dates must come from order, rollovers, headings and the capture time. Many more sites print
clocks with hidden datetimes than print full dates, so this reaches other feeds.

With `--blind` the rewritten page is extracted without a capture time: dates then come from
the page alone, and null is the expected answer wherever it prints nothing else.

The markup is dropped with the printed dates (a `<time datetime>` would give them back), so
the rewritten page is read as text: headings, page stamps and mentions in it still count.
"""
from __future__ import annotations

import argparse
from collections import Counter
from dataclasses import replace
from datetime import datetime, timedelta
from functools import partial
from pathlib import Path

from selfcheck_pool import POOL, page_bytes, run

from feedline import extract, read_page
from feedline.model import DateBasis, Entry, Page, PageKind, StampKind
from feedline.tokens import LineKind, tokenize

MIN_ENTRIES = 3
MAX_SPAN_DAYS = 3  # longer feeds hide whole days between clocks: nothing can date them
CAPTURE_AFTER = timedelta(minutes=20)
OUTCOMES = ("right", "wrong", "null", "lost")


def _printed(entry: Entry) -> bool:
    return entry.date.basis is DateBasis.STAMP and entry.stamp.kind is StampKind.DATETIME and bool(entry.stamp.year)


def _marked_clock(entry: Entry) -> bool:
    return entry.date.basis is DateBasis.MARKUP and entry.stamp.kind is StampKind.CLOCK


def _headed_clock(entry: Entry) -> bool:
    return entry.date.basis is DateBasis.HEADING and entry.stamp.kind is StampKind.CLOCK


TRUTHS = {"printed": _printed, "markup": _marked_clock, "heading": _headed_clock}


def printed_feeds(entries: tuple[Entry, ...], truth: str = "printed") -> list[list[Entry]]:
    """Feeds whose entries all carry their true date (printed in the stamp, or from markup
    beside a bare clock), with a time, in time order, short enough."""
    dated = TRUTHS[truth]
    feeds: dict[int, list[Entry]] = {}
    for entry in sorted(entries, key=lambda e: e.position):
        feeds.setdefault(entry.feed, []).append(entry)
    out = []
    for group in feeds.values():
        if len(group) < MIN_ENTRIES or not all(
                dated(e) and e.local_time is not None and e.datetime is not None for e in group):
            continue
        moments = [_moment(e) for e in group]
        ordered = all(a >= b for a, b in zip(moments, moments[1:])) or all(a <= b for a, b in zip(moments, moments[1:]))
        if ordered and max(moments) - min(moments) <= timedelta(days=MAX_SPAN_DAYS):
            out.append(group)
    return out


def _moment(entry: Entry) -> datetime:
    assert entry.datetime is not None
    return entry.datetime.replace(tzinfo=None)


def check_page(path: Path, blind: bool = False, truth: str = "printed",
               after: timedelta = CAPTURE_AFTER) -> tuple[str, Counter, list[str]]:
    """Outcome counts for one page, and examples of its wrong and lost entries."""
    counts: Counter = Counter()
    examples: list[str] = []
    try:
        timeline = extract(read_page(page_bytes(path)))
        page = timeline.page  # (its text is the one the stamps' offsets point into: maybe the CSS-hidden one)
    except Exception as exc:  # a page feedline cannot read is the survey's business
        return path.name, counts, [f"error: {type(exc).__name__}"]
    for group in printed_feeds(timeline.entries, truth):
        pieces, last, shift, offsets = [], 0, 0, {}
        for entry in sorted(group, key=lambda e: e.stamp.span[0]):
            start, end = entry.stamp.span
            clock = f"{entry.local_time:%H:%M}"
            pieces += [page.text[last:start], clock]
            offsets[start + shift] = entry
            shift += len(clock) - (end - start)
            last = end
        pieces.append(page.text[last:])
        text = "".join(pieces)
        if truth == "heading":
            text = _without_headings(text)
        clocked = replace(page, text=text, kind=PageKind.TEXT, html=None, layout=None, markup=None)
        now = None if blind else max(_moment(e) for e in group) + after
        again = {e.stamp.span[0]: e for e in extract(clocked, now=now, tz=None if blind else "UTC").entries}
        for offset, known in offsets.items():
            found = again.get(offset)
            if found is None:
                outcome = "lost"
            elif found.date.local_date is None:
                outcome = "null" if found.date.month_day is None or found.date.month_day == (
                    _moment(known).month, _moment(known).day) else "wrong"
            else:
                outcome = "right" if found.date.local_date == _moment(known).date() else "wrong"
            counts[outcome] += 1
            if outcome in ("wrong", "lost"):
                got = f" -> {found.date.local_date} ({found.date.basis.value})" if found is not None else ""
                examples.append(f"{outcome}: {known.stamp.text!r}{got}")
    return path.name, counts, examples


def _without_headings(text: str) -> str:
    """The text with every date heading's line blanked out (offsets kept)."""
    tokens = tokenize(Page(text))
    blank = {t.index for t in tokens.filled() if t.kind is LineKind.HEADING}
    return "\n".join(" " * len(line) if i in blank else line for i, line in enumerate(text.split("\n")))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pool", type=Path, default=POOL)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--examples", type=int, default=3)
    parser.add_argument("--blind", action="store_true", help="no capture time: dates from the page alone")
    parser.add_argument("--truth", choices=tuple(TRUTHS), default="printed",
                        help="the dates checked against: printed in the stamps, the markup beside bare clocks, "
                             "or the date headings above them (blanked out)")
    parser.add_argument("--after", type=float, default=CAPTURE_AFTER.total_seconds() / 60, metavar="MINUTES",
                        help="the capture time this long after the newest entry (default 20)")
    args = parser.parse_args()
    result = run(partial(check_page, blind=args.blind, truth=args.truth, after=timedelta(minutes=args.after)), args.pool, args.jobs, args.examples, OUTCOMES)
    if result is None:
        return
    pages, total = result
    dated = total["right"] + total["wrong"]
    print(f"TOTAL {pages} pages: " + " ".join(f"{k} {total[k]}" for k in OUTCOMES)
          + (f" | wrong {total['wrong'] / dated:.3f} of dated, null {total['null'] / (dated + total['null']):.3f}"
             if dated else ""))


if __name__ == "__main__":
    main()
