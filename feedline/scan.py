"""Scan first: one pass over a page's whole text, before its lines are read one by one.

Most lines of a page hold no digit and no "ago" word, and such a line can hold no stamp,
no dated heading and no dated byline. The tokenizer asks this module which lines may hold
one of a few words (the "ago" words of relative stamps), found in the whole text at C
speed (`str.find` over the lowered text), and reads only those lines, and the lines with
a digit, with its per-line patterns. The scan may name a line that turns out to hold no
such word where the tokenizer looks (a word inside another, or outside a long line's
edges): the tokenizer's own tests decide. It never misses a line that holds one.
"""
from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Iterable, Iterator

# Letters that `re.IGNORECASE` takes for an ASCII letter but that `str.lower` keeps apart
# ("İ" for "i": its lowercase is two characters; "ı", "ſ"). The Kelvin sign (for "k")
# lowers to "k" itself. Replaced before lowering, one character for one, so that the
# lowered text has the page's offsets.
_ASCII_LOOKALIKES = (("\u0130", "i"), ("\u0131", "i"), ("\u017f", "s"))


def lowered(text: str) -> str:
    """The text lowercased with every letter that a caseless ASCII pattern takes for an
    ASCII one as that ASCII letter, character for character (offsets stay valid)."""
    if not text.isascii():
        for char, ascii_letter in _ASCII_LOOKALIKES:
            if char in text:
                text = text.replace(char, ascii_letter)
    return text.lower()



def word_hits(low: str, offsets: array, words: Iterable[str]) -> Iterator[tuple[int, int, int, str]]:
    """(first line, last line, offset, word) for each place where one of `words` (lowercase,
    without line breaks) is a substring of `low` (the page's `lowered` text), word by word.

    Lines are the ones starting at `offsets`, in order; a word that runs over a line's end
    (a visual line cut inside a text line) touches every line from its first to its last.
    """
    for word in words:
        at = low.find(word)
        size = len(word) - 1
        while at >= 0:
            first = bisect_right(offsets, at) - 1
            yield first, bisect_right(offsets, at + size, first) - 1, at, word
            at = low.find(word, at + 1)


def whole_word(low: str, start: int, end: int) -> bool:
    """Whether low[start:end] stands as a whole word, as `\\b` on both sides sees it."""
    return (start == 0 or not _is_word(low[start - 1])) and (end == len(low) or not _is_word(low[end]))


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"  # re's \\w for str patterns

