"""Blank photo credits, bylines and the quote marks around short quoted names, keeping
every offset, before an entry is read for its sources."""
from __future__ import annotations

from typing import Iterator

import regex

from feedline.sources.atoms import (
    REGEX_TIMEOUT, _BY, _MASKED_LINE, _PHOTO_MARKS, _PHOTO_PAREN, _REPORTING_BY, _SIGNATURE_LINE, _SIGNATURE_VERBS,
    _VIA_CREDIT,
    _has_any, _lazy,
)

_OPENING_QUOTES = ('"', "«", "„", "“")
#: A short capitalised name in quotes after a lowercase word: the outlet or agency of
#: "die Nachrichtenagentur "Acme"", "агентство «Акме»", "le journal « Le Acme »". Groups 1
#: and 3 are the marks, blanked so that the name reads like any other.
_QUOTED_NAME = _lazy(
    r"(?<=\p{Ll}\s)([\"«„“]\s?)(\p{Lu}[\p{L}\d'’.\-]*(?:\s[\p{Lu}\d][\p{L}\d'’.\-]*){0,3})(\s?[\"»“”])"
    r"(?![\p{L}\d])")


def _mask(text: str) -> str:
    """Blank photo credits and bylines, and the marks around quoted names, keeping every offset.

    Each pattern is scanned for only where it may match: a credit in brackets needs a
    bracket, "Reporting by ..." a "by", an inline "/ Pool via X" a "/" and " via ", and
    credit and byline lines start at a line start.
    (What is blanked is the union of all matches, so the scans may overlap.)
    """
    found = [m.span() for m in _line_matches(_MASKED_LINE, text)]
    found += _signatures(text)
    if _has_any(text, _OPENING_QUOTES):  # the marks around a quoted name: "die Agentur «Acme»"
        found += (m.span(group) for m in _QUOTED_NAME.finditer(text, timeout=REGEX_TIMEOUT) for group in (1, 3))
    if "(" in text and ")" in text and _has_any(text.casefold(), _PHOTO_MARKS):
        found += (m.span() for m in _PHOTO_PAREN.finditer(text, timeout=REGEX_TIMEOUT))
    if _BY.search(text):
        found += (m.span() for m in _REPORTING_BY.finditer(text, timeout=REGEX_TIMEOUT))
    if "/" in text and " via " in text:
        found += (m.span() for m in _VIA_CREDIT.finditer(text, timeout=REGEX_TIMEOUT))
    if not found:
        return text
    chars = list(text)
    for start, end in found:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def _signatures(text: str) -> list[tuple[int, int]]:
    """A comment's signature ("Jane Doe sagt:") on the entry's first or last non-blank line."""
    body = text.strip()
    if not body:
        return []
    first = len(text) - len(text.lstrip())
    last = len(text.rstrip()) - 1
    out = []
    for start in dict.fromkeys((text.rfind("\n", 0, first) + 1, text.rfind("\n", 0, last) + 1)):
        if not _may_sign(text, start):
            continue
        m = _SIGNATURE_LINE.match(text, start)
        if m:
            out.append(m.span())
    return out


#: The longest line `_SIGNATURE_LINE` matches (see atoms._SIGNATURE): 8 spaces, a word of 31
#: characters and four more after up to 3 spaces each, then up to 3 spaces, the verb (or
#: "on" and the verb) with its spaces and colon, and 8 spaces. Its chunks (runs between
#: white space): the five words, a verb of up to two words and a colon, or "on" and the verb.
SIGNATURE_MAX_CHARS = 8 + 31 + 4 * (3 + 31) + max(3 + 3 + 1, 3 + 2 + 3) + max(map(len, _SIGNATURE_VERBS.split("|"))) + 8
SIGNATURE_MAX_CHUNKS = 8


def _may_sign(text: str, start: int) -> bool:
    """False when the line at `start` cannot be a signature: too long, too many words, or
    neither a colon nor "on" in it (each a condition every match of `_SIGNATURE_LINE` meets;
    no other character matches ":", "o" or "n" caselessly)."""
    end = text.find("\n", start)
    line = text[start:] if end < 0 else text[start:end]
    return (len(line) <= SIGNATURE_MAX_CHARS and len(line.split(None, SIGNATURE_MAX_CHUNKS)) <= SIGNATURE_MAX_CHUNKS
            and (":" in line or "on" in line.casefold()))


def _line_matches(rx: regex.Pattern[str], text: str) -> Iterator[regex.Match[str]]:
    """`rx.finditer(text)` for a pattern that matches only from a line start to its end.

    No timeout: one position at a time, a bounded pattern cannot run long (and a timeout
    costs more than the match itself).
    """
    start = 0
    while True:
        m = rx.match(text, start)
        if m:
            yield m
        start = text.find("\n", start) + 1
        if not start:
            return
