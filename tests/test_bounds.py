"""Linear-time and bounded-memory guards, tested by counting work and sizes, never by timing."""
from __future__ import annotations

import pytest

from feedline import extract
from feedline.htmltree import EXACT_PASS_TAGS, MAX_DEPTH, flatten_deep, nesting_depth, parse_html
from feedline.read import read_page


def _tree_depth(tree) -> int:
    """The deepest element of a selectolax tree, walked iteratively."""
    deepest = 0
    stack = [(tree.root, 1)]
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        child = node.child
        while child is not None:
            if child.tag and not child.tag.startswith("-"):
                stack.append((child, depth + 1))
            child = child.next
    return deepest


@pytest.mark.parametrize("unit, close", [("<div>", "</div>"), ("<div><span>x", "")])
def test_deep_nesting_is_flattened_to_the_browser_cap(unit: str, close: str) -> None:
    n = 3 * MAX_DEPTH
    html = "<html><body>" + unit * n + "deepest" + close * n + "<p>after</p></body></html>"
    assert nesting_depth(html) > MAX_DEPTH
    flattened, dropped = flatten_deep(html)
    assert dropped > 0 and nesting_depth(flattened) <= MAX_DEPTH
    parsed = parse_html(html)
    tree, notes = parsed.tree, parsed.notes
    assert _tree_depth(tree) <= MAX_DEPTH + 4  # html, body and the cap
    assert notes and "flattened" in notes[0]
    text = tree.body.text()
    assert "deepest" in text and "after" in text  # the content stays


def test_stray_end_tags_do_not_hide_deep_nesting_on_a_large_page() -> None:
    # "<div></p>": each div stays open, each stray </p> closes nothing. The C-speed bound
    # (start tags minus end tags) sees no depth; past EXACT_PASS_TAGS tags the exact pass runs.
    n = EXACT_PASS_TAGS  # 2n tags
    html = "<html><body>" + "<div></p>" * n + "deepest</body></html>"
    flattened, dropped = flatten_deep(html)
    assert dropped == n - MAX_DEPTH and nesting_depth(flattened) <= MAX_DEPTH


def test_the_guard_note_reaches_the_diagnostics() -> None:
    html = "<html><body>" + "<div>" * (MAX_DEPTH + 10) + "12:30 Something happened today" + "</div>" * (MAX_DEPTH + 10) + "</body></html>"
    timeline = extract(html.encode())
    assert any("nested deeper than" in line for line in timeline.diagnostics)


def test_ordinary_nesting_is_left_alone() -> None:
    html = "<html><body>" + "<div><p>a<span>b</span>" * 100 + "</div>" * 100 + "<br>" * 2000 + "</body></html>"
    assert flatten_deep(html) == (html, 0)
    assert parse_html(html).notes == ()


def test_end_tags_close_what_the_parser_closes() -> None:
    # An end tag closes its innermost element and all inside it; stray ones close nothing.
    assert nesting_depth("<div><span><b><i></div>") == 4
    assert nesting_depth("<div><span><b><i></div><div>") == 4
    assert nesting_depth("</span></span><div><div></div></div>") == 2
    # Markup inside raw text and comments is no markup.
    assert nesting_depth("<script>" + "<div>" * 1000 + "</script><!--" + "<div>" * 1000 + "-->") == 0


def test_html_is_parsed_once_per_page(monkeypatch: pytest.MonkeyPatch) -> None:
    import selectolax.lexbor

    parses = []
    real = selectolax.lexbor.LexborHTMLParser

    def counting(html, *args, **kwargs):
        parses.append(len(html))
        return real(html, *args, **kwargs)

    monkeypatch.setattr(selectolax.lexbor, "LexborHTMLParser", counting)
    # No visible feed: extract renders the page a second time, with what its CSS hides.
    page = ("<html><head><title>t</title><script type='application/ld+json'>{\"datePublished\": \"2024-01-01\"}"
            "</script><style>.x{display:none}</style></head><body><p>No stamps here.</p>"
            "<div class='x'><p>12:30 Hidden one item of text</p><p>12:10 Hidden two item of text</p></div></body></html>")
    read_page(page.encode())
    assert len(parses) == 1
    parses.clear()
    extract(page.encode())
    assert len(parses) == 1


def test_blank_lines_cost_a_few_bytes_each() -> None:
    import tracemalloc

    from feedline.model import Page
    from feedline.tokens import tokenize

    lines = 200_000
    page = Page("\n" * lines)
    tracemalloc.start()
    try:
        tokens = tokenize(page)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(tokens) == 1  # a run of blank lines is one line (`lines.one_blank_a_run`)
    assert peak < 64 * lines  # a list of Token tuples took about 190 bytes a line
    # Blank lines between text lines, one each, are kept in the compact table too.
    table = tokenize(Page("x\n\n" * 1000))
    assert len(table) == 2000 and sum(1 for _ in table.filled()) == 1000


def test_the_token_table_reads_like_a_list() -> None:
    from feedline.model import Page
    from feedline.tokens import LineKind, tokenize

    text = "  \n12:30 Ministers met today in the capital\n\n   indented text\n\t\n"
    tokens = tokenize(Page(text))
    as_list = list(tokens)
    assert [t.index for t in as_list] == list(range(len(tokens))) == [t.index for t in tokens[:]]
    assert tokens[-1] == as_list[-1] and tokens[1:3] == as_list[1:3]
    for token in as_list:
        assert text[token.start:token.start + len(token.text)] == token.text
        assert (token.kind is LineKind.BLANK) == (token.text == "")
    assert [t for t in as_list if t.text] == list(tokens.filled())
    assert [(t.index, t) for t in as_list if t.text] == list(tokens.nonblank())
    assert as_list[1].kind is LineKind.STAMP


def test_a_page_of_newlines_reads_only_its_long_lines() -> None:
    # The line table splits at C speed: no Python step per line of a page without runs.
    from feedline.lines import line_table, visual_lines

    text = "\n" * 1000 + "a line\n" + "\n" * 10
    offsets, lines = line_table(text)
    assert list(zip(offsets, lines)) == list(visual_lines(text))
    ticker = "08:45 Headline number one here 08:38 Headline number two here 08:31 Headline three is here\nnext"
    offsets, lines = line_table(ticker)
    assert list(zip(offsets, lines)) == list(visual_lines(ticker)) and len(lines) == 4


def test_a_second_rendering_replays_the_first_ones_styles() -> None:
    from feedline.read import render_html

    html = ("<html><head><style>.paywall{display:none} @media (max-width: 100px){.w{display:none}} "
            ".up{text-transform:uppercase}</style></head><body><p class='up'>shown</p><div class='paywall'>"
            "<p>12:30 hidden item</p></div><p style='display:none'>inline hidden</p><p hidden>gone</p></body></html>")
    parsed = parse_html(html)
    first = render_html(html, parsed=parsed)
    assert parsed.styles  # kept for the second rendering
    again = render_html(html, reveal=True, parsed=parsed)
    assert again == render_html(html, reveal=True)  # the same as from a fresh parse
    assert first == render_html(html)
    assert "hidden item" in again.text and "hidden item" not in first.text and "gone" not in again.text


def test_a_page_without_a_visible_feed_reads_its_css_once(monkeypatch: pytest.MonkeyPatch) -> None:
    import feedline.css as css

    sheets = []
    real = css._style_rules

    def counting(text: str):
        sheets.append(text)
        return real(text)

    monkeypatch.setattr(css, "_style_rules", counting)
    page = ("<html><head><style>.x{display:none}</style></head><body><p>No stamps here.</p>"
            "<div class='x'><p>12:30 Hidden one item of text here</p><p>12:10 Hidden two item of text here</p>"
            "<p>11:55 Hidden three item of text here</p></div></body></html>")
    timeline = extract(page.encode())
    assert any("CSS hides" in line for line in timeline.diagnostics)  # rendered twice
    assert len(sheets) == 1


def test_only_rules_that_declare_what_is_read_are_yielded_and_matched(monkeypatch: pytest.MonkeyPatch) -> None:
    import feedline.css as css

    filler = "".join(f".c{n} {{color: red; margin: 0}}" for n in range(500))
    sheet = (filler + ".a, .b {display: none} @media print {.p {display: none}} "
           "@media screen {.s {visibility: hidden} .t {color: blue}} .n {color: red; .x {display: none}}")
    assert list(css._style_rules(sheet)) == [  # a rule holding a nested one is read whole (and declares nothing)
        (".a, .b", "display: none"), (".s", "visibility: hidden"), (".n", "color: red; .x {display: none}")]
    matched = []
    real = css._match

    def counting(tree, selector: str) -> list[int]:
        matched.append(selector)
        return real(tree, selector)

    monkeypatch.setattr(css, "_match", counting)
    body = "".join(f"<div class=c{n}>{n}</div>" for n in range(500))
    page = read_page(f"<html><head><style>{sheet}</style></head><body>{body}<div class=a>a</div>"
                     f"<div class=s>s</div></body></html>".encode())
    assert sorted(matched) == [".a", ".s"]  # .b: no such class; the 500 colour rules never reach lexbor
    assert "\na\n" not in page.text and "\ns" not in page.text


def test_the_walk_does_not_enter_what_is_not_rendered(monkeypatch: pytest.MonkeyPatch) -> None:
    from feedline.css import Styles

    looked_up = []

    class Counting(dict):
        def get(self, key, default=None):  # the walk reads each element's computed style once
            looked_up.append(key)
            return super().get(key, default)

    real = Styles.computed
    monkeypatch.setattr(Styles, "computed", lambda self: Counting(real(self)))
    hidden = "<div><p>hidden</p></div>" * 1000
    drawing = "<g><text>t</text></g>" * 500
    page = read_page(f"<html><body><div style='display:none'>{hidden}</div><svg>{drawing}</svg>"
                     f"<template>{hidden}</template><script>{hidden}</script><p>shown</p></body></html>".encode())
    assert page.text == "shown"
    assert len(looked_up) == 3  # the hidden div, the svg and the p: nothing inside the first two, nor
    # inside template or script


def test_a_reveal_that_reveals_nothing_is_neither_rendered_nor_read_again(monkeypatch: pytest.MonkeyPatch) -> None:
    import feedline.pipeline as pipeline
    from feedline.memo import clear
    import feedline.read as read

    walks, reads, class_reads = [], [], []
    real_render, real_tokenize, real_classes = read._Lines.render, pipeline.tokenize, read.class_attributes
    monkeypatch.setattr(read._Lines, "render", lambda self, root: walks.append(1) or real_render(self, root))
    monkeypatch.setattr(pipeline, "tokenize", lambda page: reads.append(1) or real_tokenize(page))
    monkeypatch.setattr(read, "class_attributes", lambda tree: class_reads.append(1) or real_classes(tree))
    no_feed = "<p class=u>No stamps here, only one paragraph of text.</p>"
    extract(f"<html><head><style>.u{{text-transform:uppercase}}</style></head><body>{no_feed}</body></html>".encode())
    assert (len(walks), len(reads), len(class_reads)) == (1, 1, 1)  # the CSS hides nothing
    walks.clear(), reads.clear(), class_reads.clear()
    clear()  # each page read as new (its lines would be remembered: the third has the first's text)
    extract(f"<html><head><style>.x{{display:none}}</style></head><body>{no_feed}<i class=x>ad</i></body></html>".encode())
    assert (len(walks), len(reads), len(class_reads)) == (2, 2, 1)  # it hides a word: rendered and read twice
    walks.clear(), reads.clear()
    clear()
    extract(f"<html><head><style>.x{{display:none}}</style></head><body>{no_feed}<i class=x></i></body></html>".encode())
    assert (len(walks), len(reads)) == (2, 1)  # it hides an empty element: the same text, read once
