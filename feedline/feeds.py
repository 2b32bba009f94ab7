"""The feeds of a store: one summary per feed (page identity), for `feedline feeds` and the
headers of `feedline view`.

    with Store.open("feed.db", readonly=True) as store:
        for feed in feed_summaries(store):
            print(feed.feed, feed.entries, feed.first_capture, feed.last_capture)

Capture times are stored as each page's own wall clock, some with a UTC offset and some
without (a floating clock), so they are compared as instants, not as text: a time with an
offset by its UTC instant, a floating one as if it were UTC (the best a floating clock
allows). The first and last capture are reported as stored.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

from feedline.store import Store


@dataclass(frozen=True, slots=True)
class FeedSummary:
    """One feed of a store."""

    feed: str  # the page identity: URL, else file name without time stamp
    pages: int  # snapshots stored
    entries: int  # entries stored
    first_capture: str | None  # as stored (ISO 8601); None when every page was blind
    last_capture: str | None


def feed_summaries(store: Store) -> list[FeedSummary]:
    """Every feed of `store` that has pages or entries, by key."""
    captures: dict[str, list[str]] = {}
    pages: dict[str, int] = {}
    with store._errors():  # a damaged database: one clear error, as the store's own reads
        for key, captured in store.conn.execute("SELECT feed, captured_at FROM pages"):
            pages[key] = pages.get(key, 0) + 1
            if captured:
                captures.setdefault(key, []).append(captured)
        entries = dict(store.conn.execute("SELECT feed, count(*) FROM entries GROUP BY feed").fetchall())
    summaries = []
    for key in sorted(set(pages) | set(entries)):
        times = sorted(captures.get(key, ()), key=instant)
        summaries.append(FeedSummary(key, pages.get(key, 0), entries.get(key, 0),
                                     times[0] if times else None, times[-1] if times else None))
    return summaries


def instant(stored: str) -> datetime:
    """A stored capture time as a naive UTC datetime, for ordering (floating: taken as UTC)."""
    try:
        moment = datetime.fromisoformat(stored)
    except ValueError:
        return datetime.min
    if moment.tzinfo is not None:
        moment = moment.astimezone(timezone.utc).replace(tzinfo=None)
    return moment
