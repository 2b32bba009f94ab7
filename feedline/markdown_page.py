"""Markdown pages: recognised, and made into HTML for the HTML reader.

Scrapers that hand pages to people and to language models print them as Markdown
(html2text, markdownify, trafilatura's Markdown output, Jina Reader, Firecrawl, Crawl4AI):
a feed's headline becomes `## [Headline](https://…)`, its section and stamp
`[Holiday](https://…) / 25 mins ago`. Read as plain text, the link syntax would sit in every
headline and split the lines a browser shows as one. So a Markdown page is rendered to HTML
by markdown-it-py (CommonMark; already installed, as rich's own Markdown parser) and read like
any HTML page: the same lines a browser would show, with the link targets and emphasis marks gone.

Each source line stays a line (a soft break is rendered as `<br>`): a feed printed one item a
line keeps its lines, as it would read as text. Raw HTML inside the Markdown is not
interpreted (it is shown as text), so the page cannot inject markup.
"""
from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

# An inline link or image, `[text](target)` / `![alt](target)`, with a target a link can have.
_INLINE_LINK_RE = re.compile(r"\[[^\]\n]{0,500}\]\(\s*<?(?:https?://|/|\.{0,2}/|#|mailto:|www\.)")
MIN_LINKS = 3  # inline links that make a page Markdown: a text dump shows none


def looks_like_markdown(text: str) -> bool:
    """True if `text` (not HTML) holds at least MIN_LINKS inline Markdown links."""
    if "](" not in text:  # the cheap test first
        return False
    found = 0
    for _ in _INLINE_LINK_RE.finditer(text):
        found += 1
        if found >= MIN_LINKS:
            return True
    return False


@cache
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt  # imported on the first Markdown page only

    # CommonMark with GitHub's tables and strikethrough (scrapers print both); soft breaks as
    # line breaks; raw HTML escaped, not passed through.
    return MarkdownIt("commonmark", {"breaks": True, "html": False}).enable(["table", "strikethrough"])


# Converters print a link around a whole card as `[` … blank line … `32M ago](https://…)`: a
# link across blocks, which Markdown cannot hold. What is left of it is text: a stray `[`
# alone and a `](target)` glued to the card's last line (markdownify does this on cbsnews.com,
# wort.lu and nrk.no cards). Both go.
_STRAY_CLOSE_RE = re.compile(r'\]\(\s*<?(?:https?://|/|\.{0,2}/|#|mailto:|www\.)[^)\s]*\s*(?:"[^"\n]*"\s*)?\)')


def to_html(text: str) -> str:
    """The HTML document a Markdown page renders to."""
    from markdown_it.token import Token

    parser = _parser()
    env: dict = {}
    tokens = parser.parse(text, env)
    number = ""
    for block in tokens:
        if block.type == "list_item_open" and block.markup in (".", ")"):
            # An ordered list's number is printed text here: "05. Dez. 2022 | 14:37 Uhr" is a
            # date, not the fifth item (chemietechnik.de, derstandard.at, tageblatt.lu, nh24.de,
            # de.motor1.com), and a browser would not have numbered it either.
            number = block.info + block.markup + " "
        elif block.type == "inline" and number:
            block.children = [Token("text", "", 0, content=number), *(block.children or ())]
            number = ""
        for child in block.children or ():
            if child.type == "text" and ("](" in child.content or child.content.strip() == "["):
                child.content = "" if child.content.strip() == "[" else _STRAY_CLOSE_RE.sub("", child.content)
    return "<!DOCTYPE html><html><body>" + parser.renderer.render(tokens, parser.options, env) + "</body></html>"
