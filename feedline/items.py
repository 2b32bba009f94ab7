"""Feed items as the HTML page groups them: each stamp's own box in the element tree.

A feed's items are repeated sibling elements (`<li>`, `<article class="card">`), one stamp
each. So the item of a stamp is the largest box around it that holds no other stamp of its
feed: the list element itself, whatever the stamp's place inside it (before the headline,
after the teaser, between the title and the body). Such a box bounds the item exactly,
where the text layout only suggests it.

A box counts only when it is *repeated*: another stamp of the feed has an item box of the
same shape (tag and first class). A box that takes in a whole page section around a lone
stamp, or items that share lines (an inline ticker), are left to the text-layout rules.
"""
from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Set as AbstractSet

from feedline.markdown_page import OUTLINE_SHAPE
from feedline.model import Layout
from feedline.tokens import LineKind, Token

MAX_ITEM_LINES = 60  # a box taller than this is a page section, not an item
LABEL_WORDS = 3  # a heading of this many words or fewer is a label
TILE_GAPS = 2  # at most one in this many gaps between items may hold text


class ItemBoxes:
    """The boxes around every stamp line of a page, to bound the items of its feeds."""

    def __init__(self, tokens: list[Token], layout: Layout) -> None:
        self.tokens = tokens
        self.layout = layout
        self.line_starts = [t.start for t in tokens]
        self.chains = {t.index: _chain(layout, t.stamp.span[0])
                       for t in tokens if t.kind is LineKind.STAMP and t.stamp is not None}
        # How many stamp lines each box holds: an item's box holds one, its own.
        self.holds = Counter(box for chain in self.chains.values() for box in chain)

    def item_lines(self, region: list[Token]) -> dict[int, tuple[int, int]]:
        """For the stamps of `region` whose item the page's boxes bound: stamp line →
        (first line, last line) of the item, both inclusive."""
        layout = self.layout
        boxes = {token.index: box for token in region if (box := self.own_box(token.index)) is not None}
        shapes = Counter(layout.shapes[box] for box in boxes.values())
        spans: dict[int, tuple[int, int]] = {}
        for line, box in boxes.items():
            if shapes[layout.shapes[box]] < 2:
                continue  # not repeated: no evidence that this box is a list's item
            first, last = _lines_of(layout, box, self.tokens, self.line_starts)
            if first <= line <= last and last - first < MAX_ITEM_LINES:
                spans[line] = (first, last)
        spans = _disjoint(spans)
        if spans and self._stamps_over_sections([boxes[line] for line in sorted(spans)],
                                                 region[0].index not in spans and region[0].index < min(spans)):
            return {}
        siblings = self._sibling_lines(region, {layout.shapes[box] for box in boxes.values()})
        return spans if _tiled(spans, self.tokens, siblings) else {}

    def _stamps_over_sections(self, items: list[int], first_outside: bool) -> bool:
        """Are the items a Markdown page's heading sections (`markdown_page.OUTLINE_SHAPE`), the
        list's first stamp outside them all, before the first (`first_outside`), or the first
        headed unlike the others (another heading rank, or a label over headlines)? Then the
        list's stamps stand over their headlines, outside their sections ("### Latest / 17:35
        / ## Headline / 17:07 / ## Headline"): the first stamp falls in the list's own section
        or in none, and each section would pair a stamp with the item before its own. A
        page's own boxes are its markup's, and stay."""
        if self.layout.shapes[items[0]] != OUTLINE_SHAPE or len(items) < 2:
            return False
        if first_outside:
            return True
        if len(items) < 3:
            return False
        kinds = [self._heading_kind(box) for box in items]
        usual, count = Counter(kinds[1:]).most_common(1)[0]
        return kinds[0] != usual and count * 3 >= (len(kinds) - 1) * 2

    def _heading_kind(self, box: int) -> tuple[str, bool]:
        """The section's heading: its element ("h2") and whether it reads as a label."""
        first, last = _lines_of(self.layout, box, self.tokens, self.line_starts)
        token = self.tokens[first]
        shape = self.layout.shapes[self.layout.innermost(token.start)]
        return shape, len(token.text.split()) <= LABEL_WORDS

    def own_box(self, line: int) -> int | None:
        """The largest box around the stamp line that holds no other stamp line, if any."""
        chain, holds = self.chains.get(line), self.holds
        if not chain or holds[chain[0]] != 1:
            return None  # the stamp shares its innermost box with another: no box of its own
        k = 0
        while k + 1 < len(chain) and holds[chain[k + 1]] == 1:
            k += 1
        return chain[k]

    def shape_of(self, line: int) -> str | None:
        """The shape (tag and first class) of the stamp line's own box, if it has one."""
        box = self.own_box(line)
        return None if box is None else self.layout.shapes[box]

    def _sibling_lines(self, region: list[Token], shapes: set[str]) -> set[int]:
        """The lines of the items of the region's shapes whose stamps are of another form
        ("dnes 08:23 Aktualizováno" beside "dnes 08:53"): items of one list, no text between
        the region's own."""
        own = {t.index for t in region}
        lines: set[int] = set()
        for line in self.chains:
            box = None if line in own else self.own_box(line)
            if box is not None and self.layout.shapes[box] in shapes:
                first, last = _lines_of(self.layout, box, self.tokens, self.line_starts)
                if last - first < MAX_ITEM_LINES:
                    lines.update(range(first, last + 1))
        return lines


    def is_heading(self, token: Token) -> bool:
        """Whether the line is set in a heading element (`<h1>`…`<h6>`)."""
        box = self.layout.innermost(token.start)
        while box != -1:
            shape = self.layout.shapes[box]
            if len(shape) >= 2 and shape[0] == "h" and shape[1] in "123456" and shape[2:3] in ("", "."):
                return True
            box = self.layout.parents[box]
            if box != -1 and self.layout.starts[box] < token.start - 1 and self.layout.ends[box] > token.end + 1:
                break  # only the boxes that hold this line alone
        return False


def _chain(layout: Layout, offset: int) -> list[int]:
    """The boxes around `offset`, innermost first."""
    chain: list[int] = []
    box = layout.innermost(offset)
    while box != -1:
        chain.append(box)
        box = layout.parents[box]
    return chain


def _lines_of(layout: Layout, box: int, tokens: list[Token], line_starts: list[int]) -> tuple[int, int]:
    """The first and last line holding the box's text."""
    first = max(0, bisect_right(line_starts, layout.starts[box]) - 1)
    while first < len(tokens) - 1 and (not tokens[first].text or tokens[first].end <= layout.starts[box]):
        first += 1  # the box opens with the line breaks around it
    last = max(first, bisect_right(line_starts, layout.ends[box] - 1) - 1)
    while last > first and not tokens[last].text:
        last -= 1
    return first, last


def _tiled(spans: dict[int, tuple[int, int]], tokens: list[Token], siblings: AbstractSet[int] = frozenset()) -> bool:
    """Whether the items follow one another with no text between them, but for a few
    gaps (a section's label between two lists). Where text lies between every two boxes
    ("<dt>EUR/USD</dt><dd>Drops (04:32)</dd>", a heading box and its paragraphs), the
    boxes hold only part of each item. `siblings`: lines of the list's other items (their
    stamps of another form), no text between two items."""
    ordered = sorted(spans.values())
    gaps = [any(t.kind is LineKind.TEXT and t.index not in siblings for t in tokens[a_last + 1:b_first])
            for (_, a_last), (b_first, _) in zip(ordered, ordered[1:])]
    return sum(gaps) * TILE_GAPS <= len(gaps)


def _disjoint(spans: dict[int, tuple[int, int]]) -> dict[int, tuple[int, int]]:
    """Drop items that share a line with another: the boxes do not separate them."""
    ordered = sorted(spans.items(), key=lambda item: item[1])
    clash: set[int] = set()
    for (line_a, (_, last_a)), (line_b, (first_b, _)) in zip(ordered, ordered[1:]):
        if first_b <= last_a:
            clash.update((line_a, line_b))
    return {line: span for line, span in spans.items() if line not in clash}
