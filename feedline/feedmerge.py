"""One feed's timeline from its pages: the store's per-feed rules as a function.

    entries = merge_feed(pages)   # ExtractedPage values of one feed, any order

The store's rules (docs/store.md: identity across scrapes, revisions, dates that improve
with later captures, stable ids) depend only on the pages of one feed, taken in capture
order. `merge_feed` applies them to one feed's pages and returns that feed's entries,
without touching anything outside it: the rules run in a private in-memory store, the very
code `feedline ingest` runs on its SQLite file, so the two cannot drift apart. The
distributed path (feedline/distributed) shuffles page timelines by feed key and calls it
once per feed.

It gives what `ingest` gives when the pages are ingested in capture order (as one `ingest`
run orders them). Two inputs with the same bytes and capture time are one page, as in the
store; unlike the store, such a pair under two feed keys is kept in each feed.
"""
from __future__ import annotations

from collections.abc import Iterable

from feedline.store import ExtractedPage, Query, Store, StoredEntry


def merge_feed(pages: Iterable[ExtractedPage]) -> list[StoredEntry]:
    """The entries of the feed whose pages are `pages` (all of one feed key), in timeline order.

    Pages are taken oldest capture first (`store.capture_key`; pages without a capture time
    last), whatever order they come in; positions count from 0 within the feed.
    """
    ordered = list(pages)
    feeds = {page.feed for page in ordered}
    if len(feeds) > 1:
        raise ValueError(f"merge_feed takes the pages of one feed; got {len(feeds)} feed keys")
    return next(iter(merge_feeds([ordered]).values()), [])


def merge_feeds(groups: Iterable[Iterable[ExtractedPage]]) -> dict[str, list[StoredEntry]]:
    """`merge_feed` of each group of pages (one feed each), by feed key, in one private store:
    the rules never look across feeds, and one store for many small feeds saves setting up
    a store per feed (about 10 ms each)."""
    merged: dict[str, list[StoredEntry]] = {}
    with Store.open(":memory:") as store:
        for group in groups:
            ordered = sorted(group, key=lambda page: page.order)
            for page in ordered:
                store.add_extracted(page)
            if ordered:
                merged[ordered[0].feed] = store.entries(Query(feed=ordered[0].feed))
    return merged
