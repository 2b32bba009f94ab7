"""Make scraped strings safe to show: no terminal escapes, no control characters.

Scraped text is hostile. Before any of it reaches a console, a CSV cell or a
Markdown file it goes through `clean` (keeps line breaks) or `one_line`.

Removed:
- ESC / 8-bit CSI sequences (colours, cursor moves, OSC titles and OSC 8 links,
  DCS/APC/PM/SOS strings when terminated);
- every remaining C0 control except newline, DEL, and every C1 control;
- lone surrogates (replaced by U+FFFD so output always encodes as UTF-8).
Tabs become spaces and CR / CRLF become newlines.
"""
from __future__ import annotations

import re

_ESCAPES = re.compile(
    r"""
      (?:\x1b\[|\x9b) [0-?]* [ -/]* [@-~]                  # CSI: colours, cursor moves
    | (?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f]) .*? (?:\x07|\x1b\\|\x9c)
                                                         # terminated OSC/DCS/SOS/PM/APC strings
    | \x1b [ -/]* [0-~]                                  # any other escape (incl. bare introducers)
    """,
    re.VERBOSE | re.DOTALL,
)
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SURROGATES = re.compile(r"[\ud800-\udfff]")
_SPACES = re.compile(r"\s+")


def clean(text: str) -> str:
    """`text` without escape sequences or control characters; line breaks kept."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    text = _ESCAPES.sub("", text)
    text = _CONTROLS.sub("", text)
    return _SURROGATES.sub("\ufffd", text)


def one_line(text: str) -> str:
    """`clean(text)` with every run of whitespace collapsed to one space."""
    return _SPACES.sub(" ", clean(text)).strip()


def clip(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters, at a word boundary when one is near."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit * 0.6:
        cut = cut[:space]
    return cut.rstrip(" ,;:.-") + "…"
