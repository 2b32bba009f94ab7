"""Text-mode items checked against the same page's HTML items, without gold.

In HTML, each stamp's item is bounded by the page's own repeated element around it (the DOM);
a text page has only the text layout to go by (which side of its stamp an item sits on, where
it ends). For every pool page with three entries or more, this check extracts the page again
from its rendered text alone (no layout, no markup) and compares, stamp by stamp, the opening
words of each entry (headline and text) with the HTML entry at the same stamp:

- `same`: the two open with the same words: the text rules found the DOM's item;
- `differ`: they do not: a shifted item (the wrong side of the stamp), a kicker or author
  taken in or left out, or an item cut elsewhere; the DOM's is usually the right one;
  `side` counts those of them on the wrong side: the DOM's item lies wholly above the stamp's
  line and the text's wholly below, or the other way round (the rest are kickers, authors
  and cuts, which mostly leave the item's opening words in both);
- `lost`: no text-mode entry at that stamp.

    .venv/bin/python benchmarks/selfcheck_items.py [--jobs 2] [--examples 2] [--pool DIR]

A disagreement says where the text rules and the page's structure part, not which is right:
read the examples. The users of text input (pasted pages, `.txt` scrapes) meet the text rules.
"""
from __future__ import annotations

import argparse
import re
from collections import Counter
from dataclasses import replace
from pathlib import Path

from selfcheck_pool import POOL, page_bytes, run

from feedline import extract, read_page
from feedline.model import Entry, PageKind

MIN_ENTRIES = 3
OUTCOMES = ("same", "differ", "side", "lost")
OPENING_CHARS = 30  # of the normalised headline and text compared
_NON_WORD_RE = re.compile(r"\W+")


def opening(entry: Entry) -> str:
    return _NON_WORD_RE.sub(" ", f"{entry.headline or ''} {entry.text}").strip().casefold()[:OPENING_CHARS]


def side(entry: Entry, text: str) -> str:
    """Where the entry's lines lie against its stamp's line: "above", "below", "both" or "line"."""
    line_start = text.rfind("\n", 0, entry.stamp.span[0]) + 1
    line_end = text.find("\n", entry.stamp.span[1])
    above = entry.span[0] < line_start
    below = line_end != -1 and entry.span[1] > line_end
    return "both" if above and below else "above" if above else "below" if below else "line"


def check_page(path: Path) -> tuple[str, Counter, list[str]]:
    counts: Counter = Counter()
    examples: list[str] = []
    try:
        timeline = extract(read_page(page_bytes(path)))
        if len(timeline.entries) < MIN_ENTRIES:
            return path.name, counts, examples
        text_only = replace(timeline.page, kind=PageKind.TEXT, html=None, layout=None, markup=None)
        again = {e.stamp.span[0]: e for e in extract(text_only).entries}
    except Exception as exc:  # a page feedline cannot read is the survey's business
        return path.name, counts, [f"error: {type(exc).__name__}"]
    for entry in timeline.entries:
        if not entry.visible:
            continue
        found = again.get(entry.stamp.span[0])
        if found is None:
            counts["lost"] += 1
            examples.append(f"lost {entry.stamp.text[:24]!r}")
        elif opening(found) == opening(entry):
            counts["same"] += 1
        else:
            counts["differ"] += 1
            sides = {side(entry, timeline.page.text), side(found, timeline.page.text)}
            wrong_side = sides == {"above", "below"}
            if wrong_side:
                counts["side"] += 1
            examples.append(f"differ{' (side)' if wrong_side else ''} {entry.stamp.text[:24]!r}:"
                            f" html {opening(entry)!r} / text {opening(found)!r}")
    return path.name, counts, examples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pool", type=Path, default=POOL)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--examples", type=int, default=2)
    args = parser.parse_args()
    result = run(check_page, args.pool, args.jobs, args.examples, OUTCOMES,
                 show=lambda counts: bool(counts["differ"] or counts["lost"]))
    if result is None:
        return
    pages, total = result
    seen = sum(total.values())
    seen -= total["side"]  # counted among `differ` too
    print(f"TOTAL {pages} pages, {seen} entries: same {total['same']} differ {total['differ']}"
          f" (wrong side {total['side']}) lost {total['lost']}"
          + (f" | text rules agree with the DOM on {total['same'] / seen:.3f}" if seen else ""))


if __name__ == "__main__":
    main()
