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
  - every `<time datetime>` element with its visible text;
  - elements that carry their own time in a data attribute and show a short text, the stamp
    (`<span data-timestamp="1714487917">16:38</span>`, `data-time="2020-08-18 19:46:24"`,
    `data-date`, `data-utime`, `data-publish-date` ...): ISO values as written, Unix times
    (seconds or milliseconds) as UTC instants. Read like `<time datetime>`;
  - titled items with a time in the page's embedded JSON (`blobs`): used only to find when
    the page was rendered, beside its relative stamps.

Not a claim, but read here too: the times media players show in elements named a duration,
a current or a remaining time (`<span class="video-duration">4:11</span>`), which the entries
stage keeps apart from stamps.
"""
from __future__ import annotations

import json
import re
from collections import deque
from collections.abc import Iterator
from datetime import datetime, timedelta
from itertools import islice
from typing import Any

from feedline.blobs import json_scripts
from feedline.htmltree import class_attributes, parse_html
from feedline.model import LiveUpdate, Markup, TimeMark

MAX_MARKS = 2_000  # claims kept per page: enough for any feed, bounded for hostile pages
MAX_JSON_LD = 2_000_000  # characters of JSON-LD parsed per page
MAX_JSON_LD_ITEMS = 20_000  # JSON-LD objects (array members, @graph members) looked at per page

# A data attribute whose name speaks of a date or time and whose value is an ISO date-time or a
# Unix time: the names present on the page are found in the raw HTML, then selected.
_DATA_VALUE_RE = re.compile(r"""data-([\w-]{0,40})=["']?(?:\d{10}(?:\d{3})?["'\s>]|\d{4}-\d\d-\d\d[T ]\d)""")
_TIME_NAME_RE = re.compile(r"date|time|stamp", re.IGNORECASE)
_EPOCH_RE = re.compile(r"\d{10}(?:\d{3})?")
# A player's length, position and time left: "video-duration", "vjs-current-time",
# "jeg_player_bar__current_time", "audioplayer-time-current", "vjs-remaining-time".
_PLAYER_TIME_CLASSES = ("duration", "current-time", "current_time", "currenttime", "time-current",
                        "remaining-time", "remaining_time")
MEDIA_LENGTH_CHARS = 20  # longer text in such an element is a card, not a length
MARK_TEXT_CHARS = 40  # an element showing more than this is a whole item, not its stamp
EPOCH_YEARS = (1990, 2200)  # Unix times outside these years are counters, not dates

_PUBLISHED_META = ("article:published_time", "datepublished", "date", "pubdate", "dc.date.issued",
                   "og:published_time", "publish-date", "sailthru.date")
_MODIFIED_META = ("article:modified_time", "og:updated_time", "datemodified", "last-modified", "dc.date.modified")


def read_markup(source: str, tree: Any = None, classes: dict[int, str] | None = None) -> Markup:
    """Every time claim the HTML makes, unverified. `tree`: the page's parsed tree
    (`htmltree.parse_html`), when the caller has it; else `source` is parsed here.
    `classes`: the tree's class attributes (`htmltree.class_attributes`), when read already."""
    if tree is None:
        tree = parse_html(source).tree
    published, modified = _meta(tree, _PUBLISHED_META, _MODIFIED_META)
    updates: list[LiveUpdate] = []
    notes: list[str] = []
    for obj in _json_ld_objects(tree, notes):
        published = published or _text(obj.get("datePublished"))
        modified = modified or _text(obj.get("dateModified"))
        for update in _as_list(obj.get("liveBlogUpdate")):
            if isinstance(update, dict) and len(updates) <= MAX_MARKS:
                updates.append(_update(update, "json-ld liveBlogUpdate"))
    updates.extend(islice(_microdata_updates(tree), MAX_MARKS + 1))
    marks = tuple(islice(_time_marks(tree, source), MAX_MARKS + 1))
    if len(updates) > MAX_MARKS:
        notes.append(f"markup: only the first {MAX_MARKS:,} live-blog updates read")
    if len(marks) > MAX_MARKS:
        notes.append(f"markup: only the first {MAX_MARKS:,} <time datetime> elements read")
    return Markup(published=published, modified=modified, time_marks=marks[:MAX_MARKS],
                  updates=tuple(updates[:MAX_MARKS]), notes=tuple(notes),
                  media_lengths=tuple(islice(_media_lengths(tree, classes), MAX_MARKS)), scripts=json_scripts(tree))


def _media_lengths(tree: Any, classes: dict[int, str] | None = None) -> Iterator[str]:
    """The short texts with a digit of elements the page names a player's time (a class naming
    a duration, the current or the remaining time, any case, or `itemprop="duration"`): video
    and audio players' lengths and positions.

    lexbor is asked to match only the class names some class attribute of the page holds
    (lowered: ASCII letters as lexbor's `i` compares them), and the itemprop: a selector that
    no element can match is left out, which changes neither the result nor its order."""
    if classes is None:
        classes = class_attributes(tree)
    held = "\x00".join(classes.values()).lower()
    parts = [f'[class*="{name}" i]' for name in _PLAYER_TIME_CLASSES if name in held]
    for node in tree.css(", ".join([*parts, '[itemprop="duration" i]'])):
        text = " ".join(node.text(deep=True).split())
        if len(text) <= MEDIA_LENGTH_CHARS and any(c.isdigit() for c in text):
            yield text


def _meta(tree: Any, *kinds: tuple[str, ...]) -> list[str | None]:
    """For each tuple of names, the content of the first `<meta>` named one of them (by
    property, name or itemprop) that has a content; the page's metas read once for all."""
    found: list[str | None] = [None] * len(kinds)
    for node in tree.css("meta"):
        attrs = node.attributes
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").strip().lower()
        for index, names in enumerate(kinds):
            if found[index] is None and key in names and attrs.get("content"):
                found[index] = attrs["content"].strip()
    return found


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
    from html import unescape  # on use: its entity table is a cost a text page need not pay
    return unescape(value).strip() or None if isinstance(value, str) else None


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


def _time_marks(tree: Any, source: str) -> Iterator[TimeMark]:
    shown: set[str] = set()
    for node in tree.css("time[datetime]"):
        value = (node.attributes.get("datetime") or "").strip()
        if value:
            text = " ".join(node.text(deep=True).split())
            shown.add(text)
            yield TimeMark(text=text, value=value)
    names = sorted({f"data-{name.lower()}" for name in _DATA_VALUE_RE.findall(source) if _TIME_NAME_RE.search(name)})
    if not names:
        return
    for node in tree.css(", ".join(f"[{name}]" for name in names)):
        if node.tag == "time":
            continue
        text = " ".join(node.text(deep=True).split())
        if not text or len(text) > MARK_TEXT_CHARS or text in shown:
            continue  # a whole item, or a stamp its <time datetime> already claims
        for name in names:
            value = _data_time_value(node.attributes.get(name))
            if value is not None:
                yield TimeMark(text=text, value=value)
                break


def _data_time_value(raw: str | None) -> str | None:
    """An ISO date-time as written, a Unix time (seconds or milliseconds) as a UTC ISO value."""
    value = (raw or "").strip()
    if _EPOCH_RE.fullmatch(value):
        seconds = int(value) // (1000 if len(value) == 13 else 1)
        moment = datetime(1970, 1, 1) + timedelta(seconds=seconds)
        return f"{moment:%Y-%m-%dT%H:%M:%S}Z" if EPOCH_YEARS[0] <= moment.year <= EPOCH_YEARS[1] else None
    return value if len(value) >= 16 and value[4] == "-" and value[10] in "T " else None
