"""Exact memoisation of extraction across successive snapshots of the same pages.

    read_cached(data, name=, lang=, charset=) ──> Page      (keyed by the bytes, lang, charset)
    entries_of(page) ──> (tokens, drafts, feeds)            (keyed by text, lang, layout, media lengths)
    dated(drafts, feeds, tokens, now=, ...) ──> [Dated]     (the same entries, a capture time that reads the same)
    clear()                                                 (forget everything, sources too)
    stats()                                                 (hits and misses of each)

A cron job, `watch` or a crawl reads the same page again and again, and most captures of a
feed are the same bytes as the last one (78% of the store benchmark's 10-minute captures).
What a page's reading and its tokens and entries are does not depend on the capture time:
only the dating that follows does. So the two stages before dating are remembered, each
keyed by everything it reads, and a hit returns what the stage returned for that key; and
dating is remembered with every read it made of the capture time:

- `read_cached`: `read.read_page` of the bytes with the given `lang` and `charset` (the
  page's name only names it: a hit returns the remembered page under the new name). The
  page keeps its parsed tree, which renderings only read (`read.render_html`).
- `entries_of`: `tokens.tokenize` (it reads the page's text and language) and
  `entries.find_entries` (the tokens, the page's layout and the stamp texts its markup names
  media lengths: `pipeline._media` of the tokens and `Markup.media_lengths`). Results are
  immutable (frozen drafts and feeds, a token table that is copied on change); the lists are
  copied on a hit.
- `dated`: `dates.date_entries` of the very objects `entries_of` and `read_cached` returned
  (drafts, feeds, tokens, markup: compared by identity) with the same language, URL and zone,
  at a capture time on a known clock. Dating reads the capture time only through the recorded
  reads of dates.py ("Reads of the capture time"): a capture time at which each read of the
  last run gives the same value takes the same path, so its result is that run's, with the
  capture's minute printed in the evidence (`dates.with_label`). Otherwise it is dated anew.

Each cache keeps the most recently used `KEPT` results, of pages up to `MAX_CHARS`
characters (bytes for `read_cached`): at most about 16 pages of 1 MB with their trees and
tokens. An exception is never remembered. `clear` forgets them all, and what is remembered
per entry or line besides (the sources and ids, `sources.find.clear_cache` and
`pipeline._remembered_id`; the stamp lines' signatures and the items' keys of `entries`; the
dates a text reports, `dates.clear_cache`; the tokenizer's lines): a benchmark calls it to
read each page as new.
"""
from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import replace
from threading import Lock
from datetime import datetime, tzinfo
from typing import Generic, TypeVar

from feedline.dates import Clock, Dated, Read, date_entries, labelled, replays, with_label
from feedline.dates import clear_cache as _clear_reports
from feedline.entries import Draft, Feed, find_entries
from feedline.entries import clear_cache as _clear_keys
from feedline.model import Markup, Page
from feedline.read import read_page
from feedline.sources.find import clear_cache as _clear_sources
from feedline.tokens import TokenTable, forget_lines, tokenize

__all__ = ["KEPT", "MAX_CHARS", "also_clear", "clear", "dated", "entries_of", "read_cached", "stats"]

KEPT = 16  # results kept per cache, the least recently used dropped first
MAX_CHARS = 1 << 20  # larger pages are not remembered

V = TypeVar("V")


class _Kept(Generic[V]):
    """The last `KEPT` results by key, with hit and miss counts (for tests and benchmarks).
    A lock guards the dictionary (threads may extract at once); `make` runs outside it."""

    def __init__(self) -> None:
        self.items: OrderedDict[Hashable, V] = OrderedDict()
        self.hits = self.misses = 0
        self._lock = Lock()

    def get(self, key: Hashable, make: Callable[[], V]) -> V:
        with self._lock:
            found = self.items.get(key)
            if found is not None:
                self.items.move_to_end(key)
                self.hits += 1
                return found
            self.misses += 1
        value = make()  # raises: nothing kept
        with self._lock:
            self.items[key] = value
            while len(self.items) > KEPT:
                self.items.popitem(last=False)
        return value

    def clear(self) -> None:
        with self._lock:
            self.items.clear()
            self.hits = self.misses = 0


_pages: _Kept[Page] = _Kept()
_entries: _Kept[tuple[TokenTable, tuple[Draft, ...], tuple[Feed, ...]]] = _Kept()


def read_cached(data: bytes, *, name: str, lang: str | None = None, charset: str | None = None,
                read: Callable[..., Page] = read_page) -> Page:
    """`read(data, name=name, lang=lang, charset=charset)`, remembered by the bytes, lang and
    charset (and `read` itself: a replaced reader remembers anew)."""
    if len(data) > MAX_CHARS:
        return read(data, name=name, lang=lang, charset=charset)
    page = _pages.get((read, data, lang, charset), lambda: read(data, name=name, lang=lang, charset=charset))
    return page if page.name == name else replace(page, name=name)


def entries_of(page: Page, tokenize: Callable[[Page], TokenTable] = tokenize,
               find_entries: Callable[..., tuple[list[Draft], list[Feed]]] = find_entries,
               media: Callable[[Page, TokenTable], frozenset[str]] | None = None,
               ) -> tuple[TokenTable, list[Draft], list[Feed]]:
    """`tokenize(page)`, then `find_entries(tokens, page.layout, media(page, tokens), times, page.title)`
    (`times`: the markup's published and modified times), remembered by what they read: the
    page's text, language, locale, layout and title, the media lengths and times of its markup
    (all `media` may read of the page besides the tokens), and the functions themselves. Without
    `media`, no stamp is a media length."""
    def make() -> tuple[TokenTable, tuple[Draft, ...], tuple[Feed, ...]]:
        tokens = tokenize(page)
        drafts, feeds = find_entries(tokens, page.layout, media(page, tokens) if media else frozenset(), times,
                                     page.title)
        return tokens, tuple(drafts), tuple(feeds)

    markup = page.markup
    times = tuple(t for t in (markup.published, markup.modified) if t) if markup is not None else ()
    if len(page.text) > MAX_CHARS:
        made = make()
    else:
        lengths = markup.media_lengths if markup is not None else ()
        made = _entries.get((tokenize, find_entries, media, page.text, page.lang, page.locale, page.layout, lengths,
                             times, page.title), make)
    tokens, drafts, feeds = made
    return tokens, list(drafts), list(feeds)


class _Dating:
    """One traced run of dating: what it read (kept, so that identity means the same
    objects) and, of the capture time, every read and its value."""

    __slots__ = ("inputs", "trace", "dated", "labels")

    def __init__(self, inputs: tuple, trace: list[Read], dated: list[Dated]) -> None:
        self.inputs, self.trace, self.dated, self.labels = inputs, trace, dated, labelled(dated)

    def fits(self, inputs: tuple) -> bool:
        mine = self.inputs
        return len(mine) == len(inputs) and all(a is b for a, b in zip(mine, inputs))


_datings: OrderedDict[Hashable, _Dating] = OrderedDict()
_dating_lock = Lock()
_dating_counts = [0, 0]  # hits, misses


def dated(drafts: list[Draft], feeds: list[Feed], tokens: TokenTable, *, now: Clock | None, zone: tzinfo | None,
          markup: Markup | None = None, lang: str | None = None, url: str | None = None,
          saved: datetime | None = None, date: Callable[..., list[Dated]] = date_entries) -> list[Dated]:
    """`date(drafts, feeds, tokens, now=now, zone=zone, markup=markup, lang=lang, url=url, saved=saved)`, the
    same as `dates.date_entries` when `date` is it; remembered as the module docstring says.
    Without a capture time, on an unknown clock (its zone is inferred) or with another `date`
    function, each call dates anew."""
    if now is None or not now.zone_known or now.from_page or date is not date_entries or now.trace is not None:
        return date(drafts, feeds, tokens, now=now, zone=zone, markup=markup, lang=lang, url=url, saved=saved)
    inputs = (tokens, markup, *drafts, None, *feeds)  # None: where the drafts end
    key = (id(tokens), id(markup), len(drafts), lang, url, zone, now.aware.tzinfo if now.aware else False)
    with _dating_lock:
        found = _datings.get(key)
        if found is not None and found.fits(inputs) and replays(found.trace, now):
            _datings.move_to_end(key)
            _dating_counts[0] += 1
            return with_label(found.dated, now, found.labels)
        _dating_counts[1] += 1
    trace: list[Read] = []
    traced = Clock(now.wall, now.aware, trace=trace)
    run = _Dating(inputs, trace, date_entries(drafts, feeds, tokens, now=traced, zone=zone, markup=markup,
                                              lang=lang, url=url))
    with _dating_lock:
        _datings[key] = run
        _datings.move_to_end(key)
        while len(_datings) > KEPT:
            _datings.popitem(last=False)
    return with_label(run.dated, now, run.labels)


def stats() -> dict[str, tuple[int, int]]:
    """(hits, misses) of each cache since it was last cleared: `read`, `entries` and `dated`."""
    return {"read": (_pages.hits, _pages.misses), "entries": (_entries.hits, _entries.misses),
            "dated": (_dating_counts[0], _dating_counts[1])}


def clear() -> None:
    """Forget every remembered result, the sources of entries too."""
    _pages.clear()
    _entries.clear()
    with _dating_lock:
        _datings.clear()
        _dating_counts[:] = [0, 0]
    _clear_sources()
    _clear_keys()
    _clear_reports()
    forget_lines()
    for forget in _also_cleared:
        forget()


_also_cleared: list[Callable[[], None]] = []  # what later modules remember (`also_clear`)


def also_clear(forget: Callable[[], None]) -> None:
    """Have `clear` call `forget` too (for a module that comes after this one: pipeline's ids)."""
    _also_cleared.append(forget)
