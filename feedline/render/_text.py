"""Make scraped strings safe to show: no terminal escapes, no control characters.

Scraped text is hostile. Before any of it reaches a console, a CSV cell or a
Markdown file it goes through `clean` (keeps line breaks) or `one_line`.

Removed:
- ESC / 8-bit CSI sequences (colours, cursor moves, OSC titles and OSC 8 links,
  DCS/APC/PM/SOS strings when terminated);
- every remaining C0 control except newline, DEL, and every C1 control;
- lone surrogates (replaced by U+FFFD so output always encodes as UTF-8);
- invisible format characters (`INVISIBLE`: Unicode category Cf, such as the soft hyphen,
  zero-width space, byte-order mark, word joiner, tag characters), except the zero-width
  joiner and non-joiner that Persian, Indic scripts and emoji need inside words.
Bidirectional controls (`BIDI`: U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069),
which reorder what a terminal shows (a headline could display reversed), are shown as the
text `\u202e`: the same six characters the JSON formats write for them (as JSON escapes).
Tabs become spaces; CR / CRLF and the line and paragraph separators U+2028 / U+2029
become newlines.
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
#: Bidirectional controls: escaped as "\uXXXX" in every format.
BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
#: The other format characters (category Cf, Unicode 15) but ZWNJ / ZWJ: removed in every format.
INVISIBLE = ("\u00ad\u0600-\u0605\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b\u2060-\u2064\u206a-\u206f"
             "\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3"
             "\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f")
_BIDI = re.compile(f"[{BIDI}]")
_INVISIBLE = re.compile(f"[{INVISIBLE}]")
_SURROGATES = re.compile(r"[\ud800-\udfff]")
_SPACES = re.compile(r"\s+")


def clean(text: str) -> str:
    """`text` without escape sequences, control or invisible format characters, bidirectional
    controls shown as `\\uXXXX`; line breaks kept."""
    if text.isprintable():  # no control, format, separator or surrogate code point: as it is
        return text
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n")
    text = _ESCAPES.sub("", text)
    text = _CONTROLS.sub("", text)
    text = _SURROGATES.sub("\ufffd", text)
    return inert(text)


def inert(text: str) -> str:
    """`text` with invisible format characters removed and bidirectional controls written
    as the visible text `\\u202e` (what every format shows for them)."""
    text = _INVISIBLE.sub("", text)
    return _BIDI.sub(escape_code_point, text)


def escape_code_point(match: re.Match[str]) -> str:
    """The matched code point as a JSON-style escape: `\\u202e` (a surrogate pair beyond U+FFFF)."""
    point = ord(match.group())
    if point > 0xFFFF:
        point -= 0x10000
        return f"\\u{0xD800 + (point >> 10):04x}\\u{0xDC00 + (point & 0x3FF):04x}"
    return f"\\u{point:04x}"


def one_line(text: str) -> str:
    """`clean(text)` with every run of whitespace collapsed to one space."""
    if text.isprintable():  # the only white space is " "
        return " ".join(text.split())
    return _SPACES.sub(" ", clean(text)).strip()


def clip(text: str, limit: int, mark: str = "…") -> str:
    """`text` cut to at most `limit` characters (and `mark`), at a word boundary when one is
    near, the cut shown by `mark`."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit * 0.6:
        cut = cut[:space]
    return cut.rstrip(" ,;:.-") + mark
