"""Markdown pages: recognised, and made into HTML for the HTML reader.

Scrapers that hand pages to people and to language models print them as Markdown
(html2text, markdownify, trafilatura's Markdown output, Jina Reader, Firecrawl, Crawl4AI):
a feed's headline becomes `## [Headline](https://…)`, its section and stamp
`[Holiday](https://…) / 25 mins ago`. Read as plain text, the link syntax would sit in every
headline and split the lines a browser shows as one. So a Markdown page is rendered to HTML
by markdown-it-py (CommonMark; already installed, as rich's own Markdown parser) and read like
any HTML page: the same lines a browser would show, with the link targets and emphasis marks gone.

Each source line stays a line (a soft break is rendered as `<br>`): a feed printed one item a
line keeps its lines, as it would read as text. Each heading and the blocks under it become a
`<section>` (`_outline_sections`), the box a card's heading, teaser and stamp shared before
the converter dropped the card's element. Raw HTML inside the Markdown is not
interpreted (it is shown as text), so the page cannot inject markup.
"""
from __future__ import annotations

from datetime import datetime
from functools import cache
from itertools import islice
from typing import TYPE_CHECKING

from feedline.patterns import lazy_re

if TYPE_CHECKING:
    from collections.abc import Callable

    from markdown_it import MarkdownIt

# An inline link or image, `[text](target)` / `![alt](target)`, with a target a link can have.
_INLINE_LINK_RE = lazy_re(r"\[[^\]\n]{0,500}\]\(\s*<?(?:https?://|/|\.{0,2}/|#|mailto:|www\.)")
MIN_LINKS = 3  # inline links that make a page Markdown: a text dump shows none
# markdown-it-py renders about 0.3–1 MB/s of link-dense Markdown (linear, measured up to 6 MB):
# a larger page is read as plain text, its syntax left in, rather than for a minute or more.
MAX_CHARS = 2_000_000


# Jina Reader's envelope over the Markdown: "Title: …", "URL Source: …", "Published Time: …"
# (ISO 8601, or the HTTP date of the page), each line apart, then "Markdown Content:".
_ENVELOPE = {"Title": "title", "URL Source": "url", "Published Time": "published"}
_CONTENT_MARK = "Markdown Content:\n"
ENVELOPE_CHARS = 4_096  # the envelope is read in the text's first characters only


def split_envelope(text: str) -> tuple[dict[str, str], str]:
    """The fields of a Jina Reader envelope ("title", "url", "published": ISO 8601) and the
    Markdown under it; ({}, text) when the text opens with no such envelope."""
    at = text.find(_CONTENT_MARK, 0, ENVELOPE_CHARS)
    if at < 0 or (at and text[at - 1] != "\n"):
        return {}, text
    fields: dict[str, str] = {}
    for line in filter(str.strip, text[:at].splitlines()):
        key, sep, value = line.partition(":")
        if not sep or key.strip() not in _ENVELOPE:
            return {}, text  # a line of something else: no envelope
        if value.strip():
            fields[_ENVELOPE[key.strip()]] = value.strip()
    if "published" in fields:
        moment = _moment(fields.pop("published"))
        if moment is not None:
            fields["published"] = moment
    return fields, text[at + len(_CONTENT_MARK):]


def _moment(value: str) -> str | None:
    """An ISO 8601 time as it is, an HTTP date ("Mon, 16 Mar 2026 07:32:47 GMT") as ISO 8601, else None."""
    try:
        datetime.fromisoformat(value)
        return value
    except ValueError:
        pass
    from email.utils import parsedate_to_datetime  # an envelope's HTTP date only: start-up matters

    try:
        return parsedate_to_datetime(value).isoformat()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def looks_like_markdown(text: str) -> bool:
    """True if `text` (not HTML, at most MAX_CHARS long) holds at least MIN_LINKS inline
    Markdown links, or opens with a Jina Reader envelope."""
    if len(text) > MAX_CHARS:
        return False
    if "](" not in text:  # the cheap test first
        return bool(split_envelope(text)[0])
    return len(list(islice(_INLINE_LINK_RE.finditer(text), MIN_LINKS))) == MIN_LINKS


@cache
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt  # imported on the first Markdown page only

    # CommonMark with GitHub's tables and strikethrough (scrapers print both); soft breaks as
    # line breaks; raw HTML escaped, not passed through.
    return MarkdownIt("commonmark", {"breaks": True, "html": False}).enable(["table", "strikethrough"])


# Converters print a link around a whole card as `[` … blank line … `32M ago](https://…)`: a
# link across blocks, which Markdown cannot hold. What is left of it is text: a stray `[`
# (alone, or opening the card's first line) and a `](target)` glued to the card's last line
# (markdownify does this on cbsnews.com, wort.lu, nrk.no, jpost.com, pagina12.com.ar and faz.net
# cards). Both go, and
# the blocks between them are one card again (`_wrap_cards`), as the link's element was.
_STRAY_CLOSE_RE = lazy_re(r'\]\(\s*<?(?:https?://|/|\.{0,2}/|#|mailto:|www\.)[^)\s]*\s*(?:"[^"\n]*"\s*)?\)')
#: The class of the `<section>` around each heading and the blocks under it (`_outline_sections`),
#: and the shape the page's layout gives those boxes (`items`).
OUTLINE_CLASS = "md-outline"
OUTLINE_SHAPE = f"section.{OUTLINE_CLASS}"
CARD_MAX_TOKENS = 60  # a card's blocks, as markdown-it's tokens: a few lines, not a page


def to_html(text: str) -> str:
    """The HTML document a Markdown page renders to; a Jina Reader envelope's title, URL and
    published time become its `<title>`, canonical link and `article:published_time`."""
    from markdown_it.token import Token

    fields, text = split_envelope(text)
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
    tokens = _outline_sections(_wrap_cards(tokens))
    body = parser.renderer.render(tokens, parser.options, env)
    return f"<!DOCTYPE html><html><head>{_head(fields)}</head><body>{body}</body></html>"


def _stray_open(block: "Token") -> bool:
    """An inline block whose text opens with a `[` that nothing in it closes; the `[` goes."""
    children = block.children or ()
    first = children[0] if children else None
    if first is None or first.type != "text" or not first.content.lstrip().startswith("["):
        return False
    if any("]" in c.content for c in children if c.type == "text"):
        return False
    first.content = first.content.lstrip()[1:]
    return True


def _stray_close(block: "Token") -> bool | None:
    """An inline block with a `](target)` glued to its text: True when the block ends with it,
    False when more follows (the next card's `[` on the line below), None without one. The
    piece goes."""
    found: bool | None = None
    for child in block.children or ():
        if found and child.type != "softbreak" and child.type != "hardbreak" \
                and not (child.type == "text" and not child.content.strip()):
            found = False
        if child.type == "text" and "](" in child.content:
            pieces = list(_STRAY_CLOSE_RE.finditer(child.content))
            if pieces:
                found = not child.content[pieces[-1].end():].strip()
                child.content = _STRAY_CLOSE_RE.sub("", child.content)
    return found


def _wrap_cards(tokens: list["Token"]) -> list["Token"]:
    """Each card a stray `[` opens and a stray `](target)` closes, with the blocks between,
    inside one `<div>`, when both lie within one parent block and `CARD_MAX_TOKENS`."""
    from markdown_it.token import Token

    opened: int | None = None  # the index of the open card's first block
    wraps: list[tuple[int, int]] = []
    for index, block in enumerate(tokens):
        if block.type != "inline":
            continue
        if opened is not None and (index - opened > CARD_MAX_TOKENS
                                   or min(t.level for t in tokens[opened:index]) < tokens[opened].level):
            opened = None  # too long, or it left the parent the card opened in
        closes = _stray_close(block)
        if closes is False:
            opened = None  # the next card opens inside this block: no block holds it alone
        elif closes and opened is not None:
            level = tokens[opened].level
            end = next((k for k in range(index, len(tokens))
                        if tokens[k].level == level and tokens[k].nesting == -1), None)
            if end is not None:
                wraps.append((opened, end))
            opened = None
        if _stray_open(block) and index > 0 and tokens[index - 1].nesting == 1:
            opened = index - 1
        for child in (block.children or ())[1:]:
            if child.type == "text" and child.content.strip() == "[":
                child.content = ""  # a card opening inside a block: its `[` goes, the block stays
    for first, last in reversed(wraps):
        tokens[last + 1:last + 1] = [Token("card_close", "div", -1)]
        tokens[first:first] = [Token("card_open", "div", 1)]
    return tokens


def _outline_sections(tokens: list["Token"]) -> list["Token"]:
    """Each heading with the blocks under it, up to the next heading of its rank or higher,
    a thematic break (`---`) or the end of its parent block, inside one `<section>` of class
    `OUTLINE_CLASS`: the outline a Markdown document states, and the box a card's heading,
    teaser and stamp shared in the page the converter read (its `<article>` is gone)."""
    from markdown_it.token import Token

    out: list[Token] = []
    depth = 0  # blocks open around the current token (lists, quotes, cards)
    sections: list[tuple[int, int]] = []  # (depth, heading rank) of the open sections, innermost last

    def close(keep: Callable[[int, int], bool]) -> None:
        while sections and not keep(*sections[-1]):
            sections.pop()
            out.append(Token("section_close", "section", -1))

    for index, token in enumerate(tokens):
        if token.nesting == -1:
            close(lambda at, rank: at < depth)  # the block that holds them ends
            depth -= 1
        elif token.type == "hr":
            close(lambda at, rank: at < depth)
        elif token.type == "heading_open" and tokens[index + 1].content.strip():  # "##### " heads nothing
            rank = int(token.tag[1:])
            close(lambda at, r: at < depth or r < rank)
            section = Token("section_open", "section", 1)
            section.attrSet("class", OUTLINE_CLASS)
            out.append(section)
            sections.append((depth, rank))
        out.append(token)
        if token.nesting == 1:
            depth += 1
    close(lambda at, rank: False)
    return out


def _head(fields: dict[str, str]) -> str:
    from html import escape

    head = []
    if "title" in fields:
        head.append(f"<title>{escape(fields['title'])}</title>")
    if "url" in fields:
        head.append(f'<link rel="canonical" href="{escape(fields["url"])}">')
    if "published" in fields:
        head.append(f'<meta property="article:published_time" content="{escape(fields["published"])}">')
    return "".join(head)
