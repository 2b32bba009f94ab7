"""HTML → the items a page's embedded JSON dates: titled objects with a time field.

Sites that render lists on the server often ship the same list as data beside it (a
`<script type="application/json">` state, `window.__STATE__ = {...}`, JSON-LD): each item's
title with its first-published / last-updated instant, next to the visible "10 mins ago" the
server computed from it. `claims` pairs these with the relative stamps by headline and uses
them only to find when the page was rendered; nothing here is trusted.

An item is a JSON object with a title (`title`, `headline`, `name`, `…Title`, `…Headline`:
a string of 12 to 300 characters) and a time: a value written in ISO 8601 with an offset or
`Z`, or, under a key that names a date or time (`lastUpdated`, `created_at`, `publishDate`),
a Unix time in seconds or milliseconds, read as UTC. Times in an untitled object inside the
item count too ("metadata": {"lastUpdated": …}), named by their path.
"""
from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any

from feedline.model import ItemTime

MAX_BLOB_CHARS = 4_000_000  # characters of script JSON parsed per page
MAX_NODES = 200_000  # JSON values looked at per page
MAX_ITEM_TIMES = 2_000  # item times kept per page
INNER_DEPTH = 2  # untitled objects this deep inside an item still hold its times
STARTS_PER_SCRIPT = 4  # `= {` assignments tried in one script that is not JSON itself
TITLE_CHARS = (12, 300)
EPOCH_YEARS = (1990, 2200)  # Unix times outside these years are counters, not dates

_TITLE_KEY_RE = re.compile(r"(?:title|headline)$|^name$", re.IGNORECASE)
_TIME_KEY_RE = re.compile(r"date|time|stamp|updated|published|created|modified|(?:_at|At|_on|On)$")
_ISO_RE = re.compile(r"\d{4}-\d\d-\d\d[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?\s*(?:Z|[+-]\d\d:?\d\d)", re.IGNORECASE)
_EPOCH_RE = re.compile(r"\d{10}(?:\d{3})?")
_HAS_TIME_RE = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d|\d{10}")  # a script worth parsing
_ASSIGN_RE = re.compile(r"=\s*(?=[{\[])")
_SCRIPT_TYPE_RE = re.compile(r"json|javascript|ecmascript|module", re.IGNORECASE)


def item_times(tree: Any) -> Iterator[ItemTime]:
    """Titled items with their times, in document order, each (title, value, field) once."""
    seen: set[tuple[str, str, str]] = set()
    budget = [MAX_BLOB_CHARS, MAX_NODES]
    for document in _documents(tree, budget):
        for found in _items(document, budget):
            key = (found.headline, found.value, found.field)
            if key not in seen:
                seen.add(key)
                yield found
                if len(seen) >= MAX_ITEM_TIMES:
                    return


def _documents(tree: Any, budget: list[int]) -> Iterator[object]:
    """The JSON values the page's scripts hold: a script that is JSON, or the object literals
    assigned in it (`window.__STATE__ = {...}`) that happen to be JSON."""
    decoder = json.JSONDecoder()
    for node in tree.css("script"):
        kind = node.attributes.get("type") or ""
        if kind and not _SCRIPT_TYPE_RE.search(kind):
            continue
        text = (node.text(deep=True) or "").strip()
        if len(text) < 20 or not _HAS_TIME_RE.search(text):
            continue
        budget[0] -= len(text)
        if budget[0] < 0:
            return
        starts = [0] if text[0] in "{[" else [m.end() for m in _ASSIGN_RE.finditer(text)][:STARTS_PER_SCRIPT]
        for start in starts:
            try:
                value, _ = decoder.raw_decode(text, start)
            except (ValueError, RecursionError):
                continue
            yield value


def _items(document: object, budget: list[int]) -> Iterator[ItemTime]:
    stack = [document]
    while stack:
        budget[1] -= 1
        if budget[1] < 0:
            return
        value = stack.pop()
        if isinstance(value, list):
            stack.extend(reversed(value))
        elif isinstance(value, dict):
            title = _title(value)
            if title is not None:
                for field, instant in _times(value, "", 0):
                    yield ItemTime(title, instant, field)
            stack.extend(reversed([v for v in value.values() if isinstance(v, (dict, list))]))


def _title(obj: dict) -> str | None:
    for key, value in obj.items():
        if isinstance(key, str) and isinstance(value, str) and _TITLE_KEY_RE.search(key):
            text = " ".join(html.unescape(value).split())
            if TITLE_CHARS[0] <= len(text) <= TITLE_CHARS[1] and "<" not in text:
                return text
    return None


def _times(obj: dict, path: str, depth: int) -> Iterator[tuple[str, str]]:
    """(field path, ISO instant) for the object's own times and its untitled inner objects'."""
    for key, value in obj.items():
        if not isinstance(key, str):
            continue
        field = f"{path}{key}"
        if isinstance(value, dict) and depth < INNER_DEPTH and _title(value) is None:
            yield from _times(value, f"{field}.", depth + 1)
            continue
        instant = _instant(key, value)
        if instant is not None:
            yield field, instant


def _instant(key: str, value: object) -> str | None:
    """An ISO instant as written; a Unix time under a time-like key as a UTC ISO value."""
    if isinstance(value, str):
        text = value.strip()
        if len(text) <= 40 and _ISO_RE.fullmatch(text):
            return text
        if not _EPOCH_RE.fullmatch(text):
            return None
    elif isinstance(value, int) and not isinstance(value, bool):
        text = str(value)
        if not _EPOCH_RE.fullmatch(text):
            return None
    else:
        return None
    if not _TIME_KEY_RE.search(key):
        return None  # a bare number under any other key is an id or a count
    moment = datetime(1970, 1, 1) + timedelta(seconds=int(text) // (1000 if len(text) == 13 else 1))
    return f"{moment:%Y-%m-%dT%H:%M:%S}Z" if EPOCH_YEARS[0] <= moment.year <= EPOCH_YEARS[1] else None
