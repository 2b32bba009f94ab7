"""HTML → one parsed tree (selectolax's lexbor), with a nesting-depth guard before the parser.

The page is parsed once; the reader (`read.render_html`), the markup reader
(`markup.read_markup`) and the hidden-content pass share the tree.

lexbor's tree builder spends time in proportion to the depth of the open elements on each
new element, so deep nesting is quadratic: 100,000 nested `<div>`s take about 26 s, an
unclosed `<div><span>` run of 100,000 about 87 s (measured on the 2-core machine).
Chromium's parser caps the tree at `MAX_DEPTH` (512) open elements and adds deeper ones as
siblings; this guard does the same before lexbor sees the page: an element that would open
below that depth loses its start tag (and its end tag), its content stays where the
browser would put it, and a note says so.

Finding the depth costs a pass over the tags in Python (elements closed as the HTML parser
closes them: an end tag closes the innermost open element of its name and everything inside
it; void and self-closing-by-rule elements never nest), about 8 ms for a median pool page,
ten times lexbor's parse. So a bound computed at C speed comes first: start tags minus end
tags, counted from where the count was lowest (0.6 ms; 19 of the 1,075 pool pages exceed
512 on it, none goes deeper than 49 on the pass), itself first bounded by the count's range
(`_bound_at_most`: two passes fewer). The bound misses depth only on a page
whose end tags close nothing (stray `</p>`s between the opening tags), so it decides only
for pages of up to `EXACT_PASS_TAGS` tags (none of the pool's pages has more; lexbor parses
the worst such page in about a second); larger pages always take the exact pass.
"""
from __future__ import annotations

import operator
import re
from dataclasses import dataclass
from itertools import accumulate
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from selectolax.lexbor import LexborHTMLParser

MAX_DEPTH = 512  # open elements, as in Chromium's HTML parser
# Above this many tags the exact pass always runs: the C-speed bound can be fooled by stray
# end tags, and a page of at most this many tags costs lexbor about a second at worst.
EXACT_PASS_TAGS = 20_000

# Raw text elements (their content is no markup), comments, then any start or end tag.
_TAG = re.compile(
    r"<(script|style|textarea|title|xmp|iframe|noembed|noframes|plaintext)\b[^>]*>.*?(?:</\1\s*>|\Z)"
    r"|<!--.*?(?:-->|\Z)"
    r"|<(/?)([A-Za-z][A-Za-z0-9-]*)(?:[^>\"']|\"[^\"]*\"|'[^']*')*>?",
    re.DOTALL | re.IGNORECASE,
)
_ANY_TAG = re.compile(r"<(/?)[A-Za-z]")  # start or end tag, for the bound
_STEP = {"": 1, "/": -1}.__getitem__

# Elements that never hold others (void) or that the parser closes by rule when a sibling
# opens (p, li, table parts...): left out of the depth count, which stays a lower bound.
_FLAT = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen", "basefont", "bgsound", "frame", "image",
    "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot",
    "caption", "colgroup", "rb", "rt", "rtc", "rp", "html", "head", "body",
})


@dataclass(slots=True)
class ParsedHTML:
    """A page's parsed tree, the depth guard's notes, and what a first rendering read."""

    tree: LexborHTMLParser
    notes: tuple[str, ...]  # empty when the guard cut nothing
    # The page's style declarations in the order read (`css.Styles`), kept by the first
    # rendering for the second (the hidden content): CSS is parsed and matched once.
    styles: list | None = None
    # The first visible rendering (`read.Rendered`): a reveal that ignores nothing returns it.
    visible: Any = None
    # mem_id → `class` attribute of the elements that have one, read once for both renderings.
    classes: dict[int, str] | None = None
    # mem_ids of what a closed `<details>` hides (`read.render_html`), read once for both renderings.
    closed: set[int] | None = None
    # Whether the page holds a numeric reference to a C0 control (`read.render_html`): one search
    # of the HTML for both renderings.
    c0_reference: bool | None = None


def parse_html(html: str) -> ParsedHTML:
    """The parsed tree of `html`, nesting deeper than `MAX_DEPTH` flattened (with a note)."""
    from selectolax.lexbor import LexborHTMLParser

    flattened, dropped = flatten_deep(html)
    notes = (f"html: nested deeper than {MAX_DEPTH} elements; {dropped:,} deeper element(s) "
             f"flattened into their ancestor at that depth, as a browser does",) if dropped else ()
    return ParsedHTML(LexborHTMLParser(flattened), notes)


def class_attributes(tree: LexborHTMLParser) -> dict[int, str]:
    """mem_id → `class` attribute, for the elements that have one (read once per tree)."""
    # `attrs` looks the one attribute up; `attributes` would build a dict of all of them.
    return {node.mem_id: node.attrs["class"] or "" for node in tree.css("[class]")}


def nesting_depth(html: str) -> int:
    """The deepest nesting of (non-void, not auto-closed) elements in `html`."""
    return _walk(html, None)[1]


def flatten_deep(html: str, max_depth: int = MAX_DEPTH) -> tuple[str, int]:
    """`html` with the tags of elements deeper than `max_depth` removed, and their number.
    Unchanged (the same string) when nothing is that deep."""
    tags = html.count("<")
    if tags <= max_depth or (tags <= EXACT_PASS_TAGS and _bound_at_most(html, max_depth)) \
            or nesting_depth(html) <= max_depth:
        return html, 0
    cuts: list[tuple[int, int]] = []
    dropped = _walk(html, cuts, max_depth)[0]
    pieces = []
    at = 0
    for start, end in cuts:
        pieces.append(html[at:start])
        at = end
    pieces.append(html[at:])
    return "".join(pieces), dropped


def _depth_bound(html: str) -> int:
    """The most tags opened and not yet closed since the count was lowest (C-speed steps)."""
    return _rise(_levels(html))


def _bound_at_most(html: str, depth: int) -> bool:
    """Whether `_depth_bound(html) <= depth`. The count's whole range (its highest less its
    lowest) is at least the rise from its lowest point before any place, and two C-speed
    passes find it: the rise itself is computed only when the range is wider than `depth`."""
    level = _levels(html)
    return max(level) - min(level) <= depth or _rise(level) <= depth


def _levels(html: str) -> list[int]:
    """The count of tags opened less tags closed, from 0, after each tag."""
    return list(accumulate(map(_STEP, _ANY_TAG.findall(html)), initial=0))


def _rise(level: list[int]) -> int:
    """The most the count rose above its lowest point before."""
    return max(map(operator.sub, level, accumulate(level, min)))


def _walk(html: str, cuts: list[tuple[int, int]] | None, max_depth: int = 0) -> tuple[int, int]:
    """(elements opened deeper than max_depth, deepest depth reached); with `cuts`, the spans
    of the tags to remove (those elements' start and end tags) are appended to it."""
    stack: list[tuple[str, bool]] = []  # open elements: (name, whose tags are removed)
    open_count: dict[str, int] = {}  # open elements per name: an end tag's test in O(1)
    deepest = dropped = 0
    for match in _TAG.finditer(html):
        name = match.group(3)
        if name is None:
            continue  # raw text or a comment
        name = name.lower()
        if name in _FLAT:
            continue
        if not match.group(2):  # a start tag
            if match.group(0).endswith("/>") and "-" not in name:
                continue  # foreign self-closing (<path/>), a no-op on HTML elements otherwise
            deep = len(stack) >= max_depth if cuts is not None else False
            stack.append((name, deep))
            open_count[name] = open_count.get(name, 0) + 1
            if deep:
                dropped += 1
                cuts.append(match.span())
            if len(stack) > deepest:
                deepest = len(stack)
        elif open_count.get(name):  # an end tag closes its innermost element and all inside
            while True:
                inner, deep = stack.pop()
                open_count[inner] -= 1
                if inner == name:
                    if deep and cuts is not None:
                        cuts.append(match.span())
                    break
    return dropped, deepest
