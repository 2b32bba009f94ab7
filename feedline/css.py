"""A page's own CSS, read statically: what its `<style>` sheets and `style` attributes say
about the display, visibility, text-transform, float and position of each element.

`read.render_html` asks `Styles` for each element's computed values (by lexbor `mem_id`) and
walks the tree with them. Selectors are matched by lexbor (selectolax); only the rules that
declare one of those five properties are matched at all, and a sheet's other rules are passed
over at C speed (see `_style_rules` and docs/performance.md). selectolax is imported lazily.
"""
from __future__ import annotations

import functools
import operator
import re
from bisect import bisect_left
from collections.abc import Container, Iterator
from itertools import accumulate, compress, repeat
from typing import TYPE_CHECKING

from feedline.htmltree import class_attributes
from feedline.patterns import lazy_re

if TYPE_CHECKING:
    from selectolax.lexbor import LexborHTMLParser

__all__ = ["MAX_DECLARED", "Computed", "Styles", "class_attributes"]

#: An element's (display, visibility, text-transform, out of flow); None where the CSS says nothing.
Computed = tuple[str | None, str | None, str | None, bool]

#: The properties that change innerText, with the values understood.
_CSS_VALUES = {
    "display": frozenset({
        "none", "block", "inline", "inline-block", "flex", "inline-flex", "grid", "inline-grid",
        "list-item", "table", "inline-table", "table-row", "table-cell", "table-caption",
        "table-row-group", "table-header-group", "table-footer-group", "table-column",
        "table-column-group", "flow-root", "contents", "-webkit-box", "-webkit-inline-box",
        "-ms-flexbox", "ruby", "ruby-text",
    }),
    "visibility": frozenset({"visible", "hidden", "collapse"}),
    "text-transform": frozenset({"none", "uppercase", "lowercase", "capitalize"}),
    "float": frozenset({"none", "left", "right", "inline-start", "inline-end"}),
    "position": frozenset({"static", "relative", "absolute", "fixed", "sticky"}),
}
_TWO_VALUE_DISPLAY = {
    "block flex": "flex", "inline flex": "inline-flex", "block grid": "grid",
    "inline grid": "inline-grid", "block flow": "block", "inline flow": "inline",
    "inline flow-root": "inline-block", "block flow-root": "flow-root",
}
_CSS_DECLARATION = lazy_re(r"(?:^|;)\s*(%s)\s*:\s*([^;]*)" % "|".join(_CSS_VALUES), re.I)
_IMPORTANT = lazy_re(r"!\s*important", re.I)
_AT_RULE_NAME = lazy_re(r"@[\w-]+")
_MEDIA_FEATURE = lazy_re(r"\([^()]*\)")
_MEDIA_SIZE = lazy_re(r"\(\s*(min-|max-)?(width|height)\s*:\s*([\d.]+)\s*(px|r?em)?\s*\)")
_MEDIA_RANGE = lazy_re(
    r"\(\s*(?:([\d.]+)\s*(px|r?em)?\s*([<>]=?|=)\s*)?(width|height)"
    r"\s*(?:([<>]=?|=)\s*([\d.]+)\s*(px|r?em)?\s*)?\)")
_COMPARE = {
    "<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge, "=": operator.eq,
}
_BOUND_OPERATOR = {"min-": ">=", "max-": "<=", None: "="}
_MEDIA_TRUE = frozenset({
    "(prefers-color-scheme:light)", "(hover:hover)", "(pointer:fine)", "(orientation:landscape)",
})
_VIEWPORT = {"width": 1280, "height": 720}  # px: the corpus twins match a desktop window best
#: Selectors that never match a static page (dynamic states, pseudo-elements), nesting (&),
#: and :has(), whose matching cost is unbounded.
_UNSUPPORTED_SELECTOR = lazy_re(
    r"::|&|:(?:hover|focus|active|visited|target|before|after|first-line|first-letter|has\("
    r"|placeholder|selection|-webkit-|-moz-|-ms-|-o-)", re.I)
_SELECTOR_GROUP = lazy_re(r"\([^()]*\)|\[[^\]]*\]")
_REQUIRED_CLASS = lazy_re(r"\.(-?[_a-zA-Z][\w-]*)")
_REQUIRED_ID = lazy_re(r"#(-?[_a-zA-Z][\w-]*)")
_REQUIRED_TAG = lazy_re(r"(?:^|[\s>+~])([a-zA-Z][\w-]*)")
_SPECIFICITY_B = lazy_re(r"\.[\w-]+|\[\]|:(?!not\(|is\(|where\(|has\()[\w-]+")
_ATTRIBUTE_TEST = lazy_re(r"\[[^\]]*\]")
_MATCH_BUDGET = 5_000_000  # selectors x elements that lexbor may match: about 80 ms

_Priority = tuple[int, int, tuple[int, int, int], int]  # (!important, origin, specificity, order)
_Tokens = tuple[set[str], set[str], Container[str], int]  # element names, classes, ids, element count


class Styles:
    """What the page's own CSS says about each element (by mem_id), statically.

    Understood: the `hidden` attribute, closed dialogs, hidden inputs, `style` attributes
    and the rules of `<style>` elements (selectors matched by lexbor; `!important`, origin,
    specificity and order decide; `@media` sizes are evaluated for a 1280x720 window), for
    the properties that change innerText: display, visibility, text-transform, and float
    and position (a floated or absolutely positioned box is block-level). Not understood:
    other properties, `:hover`-like states, pseudo-elements, `:has()`, nesting, and
    `<link>`ed sheets (which were not loaded without network anyway).
    """

    def __init__(self, tree: LexborHTMLParser, *, reveal: bool = False,
                 declared: list[tuple[int, str, str, _Priority]] | None = None,
                 classes: dict[int, str] | None = None) -> None:
        self._won: dict[int, dict[str, tuple[_Priority, str]]] = {}
        self._reveal = reveal  # ignore the page's own hiding (author origins 1 and 2)
        self.ignored = 0  # declarations that `reveal` ignored
        if declared is not None:  # what an earlier reading of this tree declared, in order
            self.declared = declared
            for args in declared:
                self._apply(*args)
            return
        # Every declaration in the order read (the CSS parsed and matched once per tree):
        # a second rendering of the page (`reveal`) replays it. None past MAX_DECLARED.
        self.declared: list[tuple[int, str, str, _Priority]] | None = []
        for node in tree.css('[hidden], dialog:not([open]), input[type="hidden" i]'):
            self._set(node.mem_id, "display", "none", (0, 0, (0, 0, 0), 0))
        self._add_sheets(tree, class_attributes(tree) if classes is None else classes)
        with_style = ", ".join(f'[style*="{prop}" i]' for prop in _CSS_VALUES)
        for order, node in enumerate(tree.css(with_style)):
            for prop, value, important in _declarations(node.attributes.get("style") or ""):
                self._set(node.mem_id, prop, value, (important, 2, (0, 0, 0), order))

    def computed(self) -> dict[int, Computed]:
        """mem_id → (display, visibility, text-transform, out of flow); None where unset."""
        result: dict[int, Computed] = {}
        unset = (None, None)  # (priority, value) of a property the CSS does not set
        for mem_id, won in self._won.items():
            floats = won.get("float", unset)[1] not in (None, "none")
            out_of_flow = floats or won.get("position", unset)[1] in ("absolute", "fixed")
            result[mem_id] = (won.get("display", unset)[1], won.get("visibility", unset)[1],
                              won.get("text-transform", unset)[1], out_of_flow)
        return result

    def _set(self, mem_id: int, prop: str, value: str, priority: _Priority) -> None:
        if self.declared is not None:
            self.declared.append((mem_id, prop, value, priority))
            if len(self.declared) > MAX_DECLARED:
                self.declared = None
        self._apply(mem_id, prop, value, priority)

    def _apply(self, mem_id: int, prop: str, value: str, priority: _Priority) -> None:
        if self._reveal and priority[1] and value in _HIDING.get(prop, ()):
            self.ignored += 1
            return
        won = self._won.setdefault(mem_id, {})
        if prop not in won or priority >= won[prop][0]:
            won[prop] = (priority, value)

    def _add_sheets(self, tree: LexborHTMLParser, classes: dict[int, str]) -> None:
        matches: dict[str, list[int]] = {}  # selector → the mem_ids it matches
        tokens: _Tokens | None = None
        budget = 0
        order = 0
        for sheet in tree.css("style"):
            media = sheet.attributes.get("media")
            if media and not _media_matches(media):
                continue
            for selectors, block in _style_rules(sheet.text()):
                declarations = _declarations(block)
                if not declarations:
                    continue
                if tokens is None:
                    tokens = _document_tokens(tree, classes)
                    budget = _MATCH_BUDGET // max(tokens[3], 1)
                order += 1
                for selector in _split_selectors(selectors):
                    if selector not in matches:
                        may_match = budget > 0 and _may_match(selector, tokens)
                        budget -= may_match
                        matches[selector] = _match(tree, selector) if may_match else []
                    matched = matches[selector]
                    if not matched:
                        continue
                    specificity = _specificity(selector)
                    for prop, value, important in declarations:
                        priority = (important, 1, specificity, order)
                        for mem_id in matched:
                            self._set(mem_id, prop, value, priority)


MAX_DECLARED = 200_000  # style declarations kept for a second rendering of a page

_HIDING = {"display": ("none",), "visibility": ("hidden", "collapse")}


def _style_rules(css: str) -> Iterator[tuple[str, str]]:
    """Yield (selector list, declaration block) for each style rule that applies and may
    declare a property `Styles` reads, in order.

    The sheet is cut at its closing braces: most pieces are a whole innermost block
    ("selectors{declarations"), and one that names none of `_CSS_VALUES`' properties changes
    nothing here, whatever its context. Those are passed over at C speed; Python reads the
    others (group rules, nesting, the closing braces of outer blocks, blocks naming a property).
    """
    css = _strip_css_comments(css)
    pieces = css.split("}")
    del pieces[-1]  # after the last "}": blocks opened there never close, so never apply
    opens = list(map(str.count, pieces, repeat("{")))
    starts = list(accumulate(map(len, pieces), initial=0))  # piece i starts at starts[i] + i
    wanted = list(map(operator.ne, opens, repeat(1)))
    ends = list(map(operator.add, starts[1:], range(len(pieces))))  # where the "}" after piece i is
    lowered = css.lower()
    if len(lowered) != len(css):  # a character lower() lengthens ("İ"): offsets would not hold
        lowered = ""
        wanted = [True] * len(pieces)
    for name in _CSS_VALUES:  # mark the pieces that name a property read here, in any case
        at = lowered.find(name)
        while at != -1:
            index = bisect_left(ends, at)
            if index == len(wanted):
                break  # after the last "}"
            wanted[index] = True
            at = lowered.find(name, ends[index] + 1)  # on from the next piece
    stack: list[tuple[bool, bool, str, int]] = []  # (a style rule?, applies?, selectors, start)
    for index in compress(range(len(pieces)), wanted):
        piece = pieces[index]
        if opens[index] == 1:  # an innermost block, opened and closed in this piece
            if stack and (stack[-1][0] or not stack[-1][1]):
                continue  # inside a style rule (nesting: not supported) or a rule that does not apply
            prelude, block = piece.split("{")
            head = _rule_head(prelude)
            if not head.startswith("@"):
                yield head, block
            continue
        position = starts[index] + index
        preludes = piece.split("{")
        for prelude in preludes[:-1]:  # each "{" opens a block
            position += len(prelude) + 1
            in_rule = bool(stack) and stack[-1][0]
            applies = not stack or stack[-1][1]
            head = _rule_head(prelude)
            if in_rule or head.startswith("@"):  # a group rule (or nesting: not supported)
                stack.append((False, applies and not in_rule and _at_rule_applies(head), "", 0))
            else:
                stack.append((True, applies, head, position))
        if stack:  # the "}" that ends the piece closes the innermost open block
            is_rule, applies, selectors, start = stack.pop()
            if is_rule and applies:
                yield selectors, css[start:starts[index] + index + len(piece)]


def _rule_head(prelude: str) -> str:
    """A rule's prelude without the "@import ...;" statements that may come before it."""
    head = prelude.strip()
    if head.startswith("@") and ";" in head:
        head = head.rsplit(";", 1)[1].strip()
    return head


def _strip_css_comments(css: str) -> str:
    """Remove /* comments */ in linear time (an unclosed one runs to the end)."""
    parts = []
    position = 0
    while (start := css.find("/*", position)) != -1:
        parts.append(css[position:start])
        end = css.find("*/", start + 2)
        position = len(css) if end == -1 else end + 2
    parts.append(css[position:])
    return "".join(parts)


@functools.lru_cache(maxsize=1024)  # style sheets repeat their media queries
def _at_rule_applies(head: str) -> bool:
    """Whether the rules inside a group rule ("@media (min-width:1000px)"...) apply."""
    name = _AT_RULE_NAME.match(head)
    keyword = name.group().lower() if name else ""
    if keyword == "@media":
        return _media_matches(head[len(keyword):])
    return keyword in ("@supports", "@layer", "@document", "@-moz-document", "@scope")


def _media_matches(query_list: str) -> bool:
    """Evaluate a media query list for a `_VIEWPORT` screen (unknown features do not match)."""
    return any(_media_query_matches(query.strip()) for query in query_list.lower().split(","))


def _media_query_matches(query: str) -> bool:
    negated = query.startswith("not ")
    words = query.removeprefix("not ").removeprefix("only ").strip()
    media_type = "all" if not words or words.startswith("(") else words.split(None, 1)[0]
    matches = media_type in ("all", "screen") and all(
        _media_feature_matches(feature) for feature in _MEDIA_FEATURE.findall(words)
    )
    return matches != negated


def _media_feature_matches(feature: str) -> bool:
    """"(min-width: 48em)", "(width >= 600px)", "(400px < width <= 700px)", "(hover: hover)"."""
    size = _MEDIA_SIZE.fullmatch(feature)
    if size is not None:
        bound, axis, number, unit = size.groups()
        return _COMPARE[_BOUND_OPERATOR[bound]](_VIEWPORT[axis], _pixels(number, unit))
    ranged = _MEDIA_RANGE.fullmatch(feature)
    if ranged is None:
        return feature.replace(" ", "") in _MEDIA_TRUE
    low, low_unit, low_operator, axis, high_operator, high, high_unit = ranged.groups()
    actual = _VIEWPORT[axis]
    return (low is None or _COMPARE[low_operator](_pixels(low, low_unit), actual)) and (
        high is None or _COMPARE[high_operator](actual, _pixels(high, high_unit))
    )


def _pixels(number: str, unit: str | None) -> float:
    return float(number) * (16 if unit in ("em", "rem") else 1)


def _declarations(block: str) -> list[tuple[str, str, int]]:
    """(property, value, !important) for the declarations of a block that `Styles` reads."""
    found = []
    for match in _CSS_DECLARATION.finditer(block):
        prop, raw = match.group(1).lower(), match.group(2)
        values = _CSS_VALUES.get(prop)
        if values is None:  # matched through Unicode case folding ("diſplay"): CSS names are ASCII
            continue
        value = " ".join(raw.split("!", 1)[0].lower().split())
        value = _TWO_VALUE_DISPLAY.get(value, value)
        if value in values:
            found.append((prop, value, int(_IMPORTANT.search(raw) is not None)))
    return found


def _split_selectors(selectors: str) -> list[str]:
    """Split a selector list at top-level commas; drop what cannot match a static page."""
    if "(" in selectors or "[" in selectors or ")" in selectors or "]" in selectors:
        parts = _split_top_level(selectors)
    else:
        parts = selectors.split(",")
    parts = [part.strip() for part in parts]
    return [part for part in parts if part and not _UNSUPPORTED_SELECTOR.search(part)]


def _split_top_level(selectors: str) -> list[str]:
    """Split at the commas outside brackets and parentheses."""
    parts: list[str] = []
    depth, start = 0, 0
    for index, char in enumerate(selectors):
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(selectors[start:index])
            start = index + 1
    parts.append(selectors[start:])
    return parts


def _document_tokens(tree: LexborHTMLParser, classes: dict[int, str]) -> _Tokens:
    """The element names, classes and ids in the document, and its number of elements (and
    comments). `classes`: the class attributes (`class_attributes`)."""
    root = tree.root
    if root is None:
        return set(), set(), set(), 0
    nodes = list(root.traverse())
    tags = set(map(_TAG_OF, nodes))
    class_names = set(" ".join(classes.values()).split())
    return tags, class_names, _Ids(tree), len(nodes)


class _Ids:
    """The document's ids, read from the tree the first time a selector requires one (most
    pages' rules that reach `_may_match` name no id: a walk of the tree spared)."""

    __slots__ = ("_tree", "_ids")

    def __init__(self, tree: LexborHTMLParser) -> None:
        self._tree = tree
        self._ids: set[str] | None = None

    def __contains__(self, name: object) -> bool:
        if self._ids is None:
            self._ids = {node.attributes.get("id") or "" for node in self._tree.css("[id]")}
        return name in self._ids


_TAG_OF = operator.attrgetter("tag")


def _may_match(selector: str, tokens: _Tokens) -> bool:
    """False if the selector requires an element name, class or id the document lacks.

    A cheap test in Python that spares most of lexbor's matching on big style sheets.
    """
    if "\\" in selector:  # escaped characters: do not guess
        return True
    plain = selector
    for _ in range(4):  # drop attribute tests and (nested) arguments: :not(.x) requires nothing
        if "(" not in plain and "[" not in plain:
            break
        plain = _SELECTOR_GROUP.sub("", plain)
    tags, classes, ids, _ = tokens
    return (
        all(name in classes for name in _REQUIRED_CLASS.findall(plain))
        and all(name in ids for name in _REQUIRED_ID.findall(plain))
        and all(name.lower() in tags for name in _REQUIRED_TAG.findall(plain))
    )


def _match(tree: LexborHTMLParser, selector: str) -> list[int]:
    from selectolax.lexbor import SelectolaxError

    try:
        return [node.mem_id for node in tree.css(selector)]
    except (SelectolaxError, ValueError):
        return []  # a selector lexbor does not support


def _specificity(selector: str) -> tuple[int, int, int]:
    """(ids, classes + attributes + pseudo-classes, element names): close enough to CSS's."""
    plain = _ATTRIBUTE_TEST.sub("[]", selector)
    return (
        len(_REQUIRED_ID.findall(plain)),
        len(_SPECIFICITY_B.findall(plain)),
        len(_REQUIRED_TAG.findall(plain)),
    )

