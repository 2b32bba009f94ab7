"""Exact memoisation of extraction across successive snapshots of the same pages.

    read_cached(data, name=, lang=, charset=) ──> Page      (keyed by the bytes, lang, charset)
    entries_of(page) ──> (tokens, drafts, feeds)            (keyed by text, lang, layout, media lengths)
    clear()                                                 (forget everything, sources too)
    stats()                                                 (hits and misses of each)

A cron job, `watch` or a crawl reads the same page again and again, and most captures of a
feed are the same bytes as the last one (78% of the store benchmark's 10-minute captures).
What a page's reading and its tokens and entries are does not depend on the capture time:
only the dating that follows does. So the two stages before dating are remembered, each
keyed by everything it reads, and a hit returns what the stage returned for that key:

- `read_cached`: `read.read_page` of the bytes with the given `lang` and `charset` (the
  page's name only names it: a hit returns the remembered page under the new name). The
  page keeps its parsed tree, which renderings only read (`read.render_html`).
- `entries_of`: `tokens.tokenize` (it reads the page's text and language) and
  `entries.find_entries` (the tokens, the page's layout and the stamp texts its markup names
  media lengths: `pipeline._media` of the tokens and `Markup.media_lengths`). Results are
  immutable (frozen drafts and feeds, a token table that is copied on change); the lists are
  copied on a hit.

Each cache keeps the most recently used `KEPT` results, of pages up to `MAX_CHARS`
characters (bytes for `read_cached`): at most about 16 pages of 1 MB with their trees and
tokens. An exception is never remembered. `clear` forgets both, and the sources remembered
per entry (`sources.find.clear_cache`): a benchmark calls it to read each page as new.
"""
from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import replace
from threading import Lock
from typing import Generic, TypeVar

from feedline.entries import Draft, Feed, find_entries
from feedline.model import Page
from feedline.read import read_page
from feedline.sources.find import clear_cache as _clear_sources
from feedline.tokens import TokenTable, tokenize

__all__ = ["KEPT", "MAX_CHARS", "clear", "entries_of", "read_cached", "stats"]

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
    """`tokenize(page)`, then `find_entries(tokens, page.layout, media(page, tokens))`,
    remembered by what they read: the page's text, language and layout, the media lengths of
    its markup (all `media` may read of the page besides the tokens), and the functions
    themselves. Without `media`, no stamp is a media length."""
    def make() -> tuple[TokenTable, tuple[Draft, ...], tuple[Feed, ...]]:
        tokens = tokenize(page)
        drafts, feeds = find_entries(tokens, page.layout, media(page, tokens) if media else frozenset())
        return tokens, tuple(drafts), tuple(feeds)

    if len(page.text) > MAX_CHARS:
        made = make()
    else:
        lengths = page.markup.media_lengths if page.markup is not None else ()
        made = _entries.get((tokenize, find_entries, media, page.text, page.lang, page.layout, lengths), make)
    tokens, drafts, feeds = made
    return tokens, list(drafts), list(feeds)


def stats() -> dict[str, tuple[int, int]]:
    """(hits, misses) of each cache since it was last cleared: `read` and `entries`."""
    return {"read": (_pages.hits, _pages.misses), "entries": (_entries.hits, _entries.misses)}


def clear() -> None:
    """Forget every remembered result, the sources of entries too."""
    _pages.clear()
    _entries.clear()
    _clear_sources()
