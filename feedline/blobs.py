"""HTML → the items a page's embedded JSON dates: titled objects with a time field.

Sites that render lists on the server often ship the same list as data beside it (a
`<script type="application/json">` state, `window.__STATE__ = {...}`, JSON-LD): each item's
title with its first-published / last-updated instant, next to the visible "10 mins ago" the
server computed from it. `claims` pairs these with the relative stamps by headline and uses
them only to find when the page was rendered; nothing here is trusted.

An item is a JSON object with a title (`title`, `headline`, `name`, `…Title`, `…Headline`:
a string of 12 to 300 characters; or the first string of an object under such a key,
"headlines": {"basic": …}; or, without either, the title of its one titled inner object,
"content": {"title": …}) and a time: a value written in ISO 8601 with an offset or `Z` (or
without one under a key saying GMT or UTC, "date_gmt"), or, under a key that names a date or
time (`lastUpdated`, `created_at`, `publishDate`), a Unix time in seconds or milliseconds,
read as UTC. Times in an untitled object inside the item count too ("metadata":
{"lastUpdated": …}, "dates": {"published": …}), named by their path.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any


MAX_BLOB_CHARS = 4_000_000  # characters of script text kept (and parsed when needed) per page
MAX_NODES = 200_000  # JSON values looked at per page
MAX_ITEM_TIMES = 2_000  # item times kept per page
INNER_DEPTH = 2  # untitled objects this deep inside an item still hold its times
STARTS_PER_SCRIPT = 8  # failed `= {"` / `({"` starts tried in one script that is not JSON itself
TITLE_CHARS = (12, 300)
EPOCH_YEARS = (1990, 2200)  # Unix times outside these years are counters, not dates

_TITLE_KEY_RE = re.compile(r"(?:title|headline)s?$|^name$", re.IGNORECASE)
_TIME_KEY_RE = re.compile(r"date|time|stamp|updated|published|created|modified|(?:_at|At|_on|On)$")
_ISO_RE = re.compile(r"\d{4}-\d\d-\d\d[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?\s*(?:Z|[+-]\d\d:?\d\d)", re.IGNORECASE)
_NAIVE_RE = re.compile(r"\d{4}-\d\d-\d\d[T ]\d\d:\d\d(?::\d\d)?")
_UTC_KEY_RE = re.compile(r"gmt|utc", re.IGNORECASE)
_EPOCH_RE = re.compile(r"\d{10}(?:\d{3})?")
_HAS_TIME_RE = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d|\d{10}")  # a script worth parsing
_ASSIGN_RE = re.compile(r"[=(]\s*(?=\{\s*\"|\[\s*\{\s*\")")  # `= {"…`, `({"…`: JSON assigned or passed
_SCRIPT_TYPE_RE = re.compile(r"json|javascript|ecmascript|module", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class ItemTime:
    """One time field of one titled item, an instant in ISO 8601 with its offset (Unix times as UTC)."""

    headline: str
    value: str
    field: str  # the key, after the keys of the inner objects it sits in ("metadata.lastUpdated")


def json_scripts(tree: Any) -> tuple[str, ...]:
    """The texts of the page's scripts that may hold item times (JSON or script types, a
    quoted key in them), at most MAX_BLOB_CHARS in all: kept with the markup and parsed only
    when a page's relative stamps need them (`item_times`)."""
    found = []
    budget = MAX_BLOB_CHARS
    for node in tree.css("script"):
        kind = node.attributes.get("type") or ""
        if kind and not _SCRIPT_TYPE_RE.search(kind):
            continue
        text = (node.text(deep=True) or "").strip()
        if len(text) < 20 or '":' not in text:
            continue  # no JSON key in it (a cheap test: the date-time search waits until needed)
        budget -= len(text)
        if budget < 0:
            break
        found.append(text)
    return tuple(found)


def item_times(scripts: tuple[str, ...]) -> Iterator[ItemTime]:
    """Titled items with their times, in document order, each (title, value, field) once."""
    seen: set[tuple[str, str, str]] = set()
    budget = [MAX_NODES]
    for document in _documents(scripts):
        for found in _items(document, budget):
            key = (found.headline, found.value, found.field)
            if key not in seen:
                seen.add(key)
                yield found
                if len(seen) >= MAX_ITEM_TIMES:
                    return
        if budget[0] < 0:
            return  # MAX_NODES looked at: no more documents are decoded either


def _documents(scripts: tuple[str, ...]) -> Iterator[object]:
    """The JSON values the scripts hold: a script that is JSON, or the objects assigned or
    passed in it (`window.__STATE__ = {"…`, `init({"…`) that are JSON."""
    decoder = json.JSONDecoder()
    for text in scripts:
        if not _HAS_TIME_RE.search(text):
            continue
        if text[0] in "{[":
            try:
                yield decoder.raw_decode(text)[0]
                continue
            except (ValueError, RecursionError):
                pass
        failed, done = 0, 0
        for match in _ASSIGN_RE.finditer(text):
            if match.end() < done:
                continue  # inside a value already read
            try:
                value, done = decoder.raw_decode(text, match.end())
            except (ValueError, RecursionError):
                failed += 1
                if failed >= STARTS_PER_SCRIPT:
                    break
                continue
            yield value


def _items(document: object, budget: list[int]) -> Iterator[ItemTime]:
    stack = [document]
    while stack:
        budget[0] -= 1
        if budget[0] < 0:
            return
        value = stack.pop()
        if isinstance(value, list):
            stack.extend(reversed(value))
        elif isinstance(value, dict):
            title = _title(value) or _item_title(value)
            if title is not None:
                for field, instant in _times(value, "", 0):
                    yield ItemTime(title, instant, field)
            stack.extend(reversed([v for v in value.values() if isinstance(v, (dict, list))]))


def _title(obj: dict) -> str | None:
    """The object's own title: a string under a title key."""
    for key, value in obj.items():
        if isinstance(key, str) and isinstance(value, str) and _TITLE_KEY_RE.search(key):
            return _clean(value)
    return None


def _item_title(obj: dict) -> str | None:
    """An object without a title of its own takes one from inside: the first string of an
    object under a title key ("headlines": {"basic": …}, "title": {"rendered": …}), else the
    title of its one titled inner object ("content": {"title": …}, the times beside it)."""
    inner = [(k, v) for k, v in obj.items() if isinstance(k, str) and isinstance(v, dict)]
    for key, value in inner:
        if _TITLE_KEY_RE.search(key):
            for text in value.values():
                if isinstance(text, str) and (clean := _clean(text)) is not None:
                    return clean
    titled = [title for _, value in inner if (title := _title(value)) is not None]
    return titled[0] if len(titled) == 1 else None


def _clean(value: str) -> str | None:
    from html import unescape  # on use: its entity table is a cost a text page need not pay
    text = " ".join(unescape(value).split())
    return text if TITLE_CHARS[0] <= len(text) <= TITLE_CHARS[1] and "<" not in text else None


def _times(obj: dict, path: str, depth: int) -> Iterator[tuple[str, str]]:
    """(field path, ISO instant) for the object's own times and its untitled inner objects'."""
    for key, value in obj.items():
        if not isinstance(key, str):
            continue
        field = f"{path}{key}"
        if isinstance(value, dict) and depth < INNER_DEPTH and _title(value) is None and not _TITLE_KEY_RE.search(key):
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
        if len(text) <= 40 and _UTC_KEY_RE.search(key) and _NAIVE_RE.fullmatch(text):
            return f"{text.replace(' ', 'T')}Z"  # "date_gmt": written in UTC, without the Z
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
