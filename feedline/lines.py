"""A page's text → its visual lines: the text's own lines, with inline runs of items split.

A ticker or "latest news" list whose items are inline elements comes out of a browser's
innerText as one long line: "08:45 Headline one 08:38 Headline two 08:31 Headline three".
Such a run is split before each of its clocks, so that every item is a line of its own and
its clock leads it, as in any other feed.

A page has runs only when one line reads as a list, never as a sentence: three or more
clocks of one shape, the first at the line's start, each followed by an item of at least
`MIN_ITEM_WORDS` words, and the clocks running one way in time (newest first or oldest
first; one midnight allowed). "Open between 07:00 and 14:00, Fridays 7:00 to 13:00" is no
run. Then every line of the page is cut before each clock of that shape that opens an item
of a few words and follows no preposition ("at 14:00"): a browser's text breaks runs
anywhere, so a line may hold the tail of one item and the head of the next.
"""
from __future__ import annotations

import re
from array import array
from collections.abc import Iterator
from itertools import accumulate, compress, islice

from feedline.patterns import MENTION_BEFORE_CLOCK_RE

MIN_CLOCKS = 3
MIN_ITEM_WORDS = 3
MIN_RUN_CHARS = 60  # shorter lines cannot hold three items
MAX_RUN_CHARS = 20_000  # longer lines are never cut: no ticker is that long
MENTION_REACH = 16  # a preposition before a clock lies within this many characters of it

# A 24-hour clock at a word boundary, followed by a space and the start of a word or quote.
_CLOCK = re.compile(r"(?<![\w.:/-])([01]?\d|2[0-3])[:.]([0-5]\d)(?![\w.:/-])(?=\s+[\w«\"'„“‘(])")
_DECORATION = " \t•·|*-–—"
_HINT = re.compile(r"\d[:.]\d\d\s")  # cheap: a run needs MIN_CLOCKS of these


def visual_lines(text: str) -> Iterator[tuple[int, str]]:
    """(offset, line) for each visual line of `text`, in order; the lines are unstripped."""
    raws = text.split("\n")
    shape = _run_shape(raws)
    offset = 0
    for raw in raws:
        cuts = _cuts(raw, shape) if shape is not None and 8 < len(raw) <= MAX_RUN_CHARS else None
        if not cuts:
            yield offset, raw
        else:
            for a, b in zip([0, *cuts], [*cuts, len(raw)]):
                if b > a:
                    yield offset + a, raw[a:b]
        offset += len(raw) + 1


def line_table(text: str) -> tuple[array, list[str]]:
    """The offsets (an array of 8-byte integers) and the lines of `visual_lines(text)`.

    A page without inline runs (most pages, and every page of bare newlines) is split at
    C speed, with no Python step and no integer object per line.
    """
    raws = text.split("\n")
    if _run_shape(raws) is None:
        return array("q", accumulate(map((1).__add__, map(len, islice(raws, len(raws) - 1))), initial=0)), raws
    pairs = list(visual_lines(text))
    return array("q", (offset for offset, _ in pairs)), [line for _, line in pairs]


def one_blank_a_run(offsets: array, raws: list[str]) -> tuple[array, list[str]]:
    """The lines with each run of blank (or white-space) lines cut to its first: distances
    between a page's lines count its content, not its padding. A text saved from the
    HTML's text nodes (`get_text("\\n")`, a crawler's dump) holds hundreds of white-space
    lines between two items of one feed, which a browser's text does not. At C speed: each
    line's blankness a byte, the line above's ORed in as one integer."""
    if not raws:
        return offsets, raws
    filled = bytes(map(bool, map(str.strip, raws)))
    shifted = b"\x01" + filled[:-1]
    keep = (int.from_bytes(filled) | int.from_bytes(shifted)).to_bytes(len(filled))
    if 0 not in keep:
        return offsets, raws
    return array("q", compress(offsets, keep)), list(compress(raws, keep))


def _run_shape(raws: list[str]) -> tuple[int, str] | None:
    """The clock shape (hour digits, separator) of the page's first inline run, if any.

    Once a page prints one run, its other lines are cut at clocks of that shape too: a
    browser's text may break a run anywhere, leaving one or two items on a line.
    """
    for raw in compress(raws, map(MIN_RUN_CHARS.__le__, map(len, raws))):  # long enough, at C speed
        if len(raw) > MAX_RUN_CHARS or _CLOCK.match(raw.lstrip(_DECORATION)) is None:
            continue
        if len(list(islice(_HINT.finditer(raw), MIN_CLOCKS))) == MIN_CLOCKS:
            clocks = _item_clocks(raw)
            if len(clocks) >= MIN_CLOCKS and raw[:clocks[0].start()].strip(_DECORATION) == "" and _one_shape(raw, clocks) \
                    and _one_way([int(m.group(1)) * 60 + int(m.group(2)) for m in clocks]):
                return len(clocks[0].group(1)), raw[clocks[0].end(1)]
    return None


def _cuts(line: str, shape: tuple[int, str]) -> list[int]:
    """Where the line splits: before each clock of the run's shape that opens an item."""
    return [m.start() for m in _item_clocks(line) if m.start() > 0 and (len(m.group(1)), line[m.end(1)]) == shape]


def _item_clocks(line: str) -> list[re.Match[str]]:
    """The clocks of the line that are each followed by an item of a few words; a clock
    after a preposition ("at 14:00") is part of an item's text."""
    clocks = [m for m in _CLOCK.finditer(line) if MENTION_BEFORE_CLOCK_RE.search(line, max(0, m.start() - MENTION_REACH), m.start()) is None]
    return [m for m, n in zip(clocks, [*clocks[1:], None])
            if len(line[m.end():n.start() if n is not None else len(line)].split()) >= MIN_ITEM_WORDS]


def _one_shape(line: str, clocks: list[re.Match[str]]) -> bool:
    return len({(len(m.group(1)), line[m.end(1)]) for m in clocks}) == 1


def _one_way(minutes: list[int]) -> bool:
    """Whether the times run one way, allowing one turn over midnight (a jump of 12 hours
    or more against the run's direction)."""
    steps = [b - a for a, b in zip(minutes, minutes[1:])]
    for against in (lambda step: step > 0, lambda step: step < 0):  # newest first, oldest first
        turns = [step for step in steps if against(step)]
        if not turns or (len(turns) == 1 and abs(turns[0]) >= 720):
            return True
    return False
