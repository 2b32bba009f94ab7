"""HTML → what the markup says about time: page dates, `<time datetime>`, live-blog updates.

Read from the page's parsed tree, beside the visible text (`read.render_html`, the same tree). Nothing here is
trusted yet: `dates` compares each claim with the visible stamps and keeps only the ones
that agree (pages stamp every update with the page's own time, suffix local times with
`Z`, or carry JSON-LD that matches nothing visible).

Sources of claims:
  - `<meta>`: article:published_time / article:modified_time / og:updated_time,
    itemprop datePublished / dateModified, name=date / pubdate;
  - JSON-LD (`<script type="application/ld+json">`, including `@graph` and arrays):
    datePublished / dateModified of the page's main object and its `liveBlogUpdate[]`;
  - microdata `itemprop="liveBlogUpdate"` blocks with a `datePublished` (`<meta content>`
    or `<time datetime>`) and a headline;
  - every `<time datetime>` element with its visible text.
"""
from __future__ import annotations

import html
import json
from collections import deque
from collections.abc import Iterator
from itertools import islice
from typing import Any

from feedline.htmltree import parse_html
from feedline.model import LiveUpdate, Markup, TimeMark

MAX_MARKS = 2_000  # claims kept per page: enough for any feed, bounded for hostile pages
MAX_JSON_LD = 2_000_000  # characters of JSON-LD parsed per page
MAX_JSON_LD_ITEMS = 20_000  # JSON-LD objects (array members, @graph members) looked at per page

_PUBLISHED_META = ("article:published_time", "datepublished", "date", "pubdate", "dc.date.issued",
                   "og:published_time", "publish-date", "sailthru.date")
_MODIFIED_META = ("article:modified_time", "og:updated_time", "datemodified", "last-modified", "dc.date.modified")


def read_markup(html: str, tree: Any = None) -> Markup:
    """Every time claim the HTML makes, unverified. `tree`: the page's parsed tree
    (`htmltree.parse_html`), when the caller has it; else `html` is parsed here."""
    if tree is None:
        tree = parse_html(html).tree
    published = _meta(tree, _PUBLISHED_META)
    modified = _meta(tree, _MODIFIED_META)
    updates: list[LiveUpdate] = []
    notes: list[str] = []
    for obj in _json_ld_objects(tree, notes):
        published = published or _text(obj.get("datePublished"))
        modified = modified or _text(obj.get("dateModified"))
        for update in _as_list(obj.get("liveBlogUpdate")):
            if isinstance(update, dict) and len(updates) <= MAX_MARKS:
                updates.append(_update(update, "json-ld liveBlogUpdate"))
    updates.extend(islice(_microdata_updates(tree), MAX_MARKS + 1))
    marks = tuple(islice(_time_marks(tree), MAX_MARKS + 1))
    if len(updates) > MAX_MARKS:
        notes.append(f"markup: only the first {MAX_MARKS:,} live-blog updates read")
    if len(marks) > MAX_MARKS:
        notes.append(f"markup: only the first {MAX_MARKS:,} <time datetime> elements read")
    return Markup(published=published, modified=modified, time_marks=marks[:MAX_MARKS],
                  updates=tuple(updates[:MAX_MARKS]), notes=tuple(notes))


def _meta(tree: Any, names: tuple[str, ...]) -> str | None:
    for node in tree.css("meta"):
        attrs = node.attributes
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").strip().lower()
        if key in names and attrs.get("content"):
            return attrs["content"].strip()
    return None


def _json_ld_objects(tree: Any, notes: list[str]) -> Iterator[dict]:
    """Top-level JSON-LD objects, with `@graph` members and arrays flattened, in document
    order (breadth first within a script); at most MAX_JSON_LD characters and
    MAX_JSON_LD_ITEMS items per page, a note in `notes` when a cap cuts."""
    budget = MAX_JSON_LD
    items = MAX_JSON_LD_ITEMS
    for node in tree.css('script[type="application/ld+json"]'):
        raw = node.text(deep=True) or ""
        budget -= len(raw)
        if budget < 0:
            notes.append(f"markup: JSON-LD beyond {MAX_JSON_LD:,} characters not read")
            return
        try:
            data = json.loads(raw)
        except (ValueError, RecursionError):
            continue
        queue = deque(_as_list(data))
        while queue:
            items -= 1
            if items < 0:
                notes.append(f"markup: only the first {MAX_JSON_LD_ITEMS:,} JSON-LD items read")
                return
            obj = queue.popleft()
            if isinstance(obj, dict):
                yield obj
                queue.extend(_as_list(obj.get("@graph")))


def _as_list(value: object) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _text(value: object) -> str | None:
    """A JSON-LD string, character references decoded (sites escape them twice)."""
    return html.unescape(value).strip() or None if isinstance(value, str) else None


def _update(obj: dict, origin: str) -> LiveUpdate:
    return LiveUpdate(headline=_text(obj.get("headline")), body=_text(obj.get("articleBody")),
                      published=_text(obj.get("datePublished")), origin=origin)


def _microdata_updates(tree: Any) -> Iterator[LiveUpdate]:
    for node in tree.css('[itemprop~="liveBlogUpdate"]'):
        published = None
        for inner in node.css('[itemprop~="datePublished"]'):
            published = inner.attributes.get("content") or inner.attributes.get("datetime")
            if published:
                break
        headline_node = node.css_first('[itemprop~="headline"]')
        headline = headline_node.text(deep=True, separator=" ").strip() if headline_node else None
        yield LiveUpdate(headline=headline or None, body=None, published=_text(published),
                         origin="microdata liveBlogUpdate")


def _time_marks(tree: Any) -> Iterator[TimeMark]:
    for node in tree.css("time[datetime]"):
        value = (node.attributes.get("datetime") or "").strip()
        if value:
            yield TimeMark(text=" ".join(node.text(deep=True).split()), value=value)
