"""One feed's timeline from its pages: the store's per-feed rules as pure Python.

    entries = merge_feed(pages)            # ExtractedPage values of one feed, any order
    state = FeedState(feed); state.add(page_row, timeline.entries)   # one page at a time

The store's rules (docs/store.md: identity across scrapes, revisions, dates that improve
with later captures, stable ids) depend only on the pages of one feed. `FeedState` holds one
feed's entries, their revisions and sightings, and the feed's captures; `FeedState.add`
merges one page into it. Nothing here touches a file or a database:

- `merge_feed` folds the pages of one feed (oldest capture first) into a fresh state and
  returns its entries; the distributed path (feedline/distributed) shuffles page timelines
  by feed key and calls it once per feed;
- `feedline.store` keeps a `FeedState` per feed it has loaded from the SQLite file, calls
  the same `add` for each page it ingests and writes what changed (`FeedState.changed`).

So `ingest` and the distributed path run one implementation of the rules. `add` takes pages
in any order (an older capture ingested later re-derives the entries it touches), as a
store filled by several runs needs; `merge_feed` gives what `ingest` gives when the pages are
ingested in capture order.

Two inputs with the same bytes and capture time are one page (`merge_feed` keeps the first).
The stable id gets a suffix when another entry of the same feed has it; it hashes the feed key,
so two feeds share an id only through a 64-bit hash collision.
"""
from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from typing import Any

from feedline.model import DateBasis, DateFix, DateStatus, Entry, Source, Stamp, StampKind, Timeline
from feedline.store_dates import Reading, best_reading, iso, shown_time, window_reading
from feedline.store_identity import (
    SIMILAR,
    Sighting,
    closeness,
    compatible,
    fold,
    near_days,
    sighting,
    similarity,
    uid_base,
)

#: Did a page of the feed with entries, captured strictly between an entry's first and last
#: sightings (the arguments) and the page being merged, lack it? (`FeedState._gap_at`)
Gap = Callable[[str | None, str | None], bool]

# ── what goes in and what comes out ─────────────────────────────────────────────────────────


@dataclass(frozen=True, slots=True)
class ExtractedPage:
    """One page's timeline with what the rules need to place it: the per-page half of an
    ingest, done wherever the page was read (here, or in a Dask or Spark worker)."""

    timeline: Timeline
    name: str  # the path, or "crawl.warc.gz#1234"
    digest: str  # SHA-256 of the bytes
    source: str  # how its capture time was found (ingest.CaptureSource)
    feed: str  # the page identity (page_key, or --feed)
    url: str | None  # the URL the input gave (a WARC-Target-URI)
    order: tuple  # the input's chronological sort key (ingest.capture_key)


@dataclass(frozen=True, slots=True)
class StoredEntry:
    """An entry as stored: a model `Entry` (its id is the stable uid) and what the store adds."""

    entry: Entry
    feed_key: str
    first_seen: str | None
    last_seen: str | None
    times_seen: int
    revisions: int


# ── one feed's state ────────────────────────────────────────────────────────────────────────


@dataclass(slots=True)
class PageRow:
    """A page of the feed (a `pages` row): what the rules read of it."""

    id: int
    captured_at: str | None  # None: blind
    tz: str | None
    entries: int  # entries found on the page
    new_entries: int = 0


@dataclass(slots=True)
class RevisionRow:
    """A text an entry had (a `revisions` row)."""

    id: int
    entry_id: int
    text_hash: str
    headline: str | None
    text: str
    first_seen: str | None
    last_seen: str | None
    times_seen: int
    sources: tuple[Source, ...] = ()  # of a revision made here; not loaded back by the store
    folded: str | None = None  # `fold` of headline and text, once needed
    stored: bool = False  # already in the database


@dataclass(slots=True)
class SightingRow:
    """A way the entry was shown, run-length over the pages that showed it so (a `sightings` row)."""

    entry_id: int
    revision_id: int
    reading: str  # what makes two sightings alike
    stamp_kind: str
    clock: str | None
    local_date: str | None
    date_status: str
    date_basis: str
    confidence: float
    evidence: tuple[str, ...]  # from the earliest page
    first_page_id: int
    first_seen: str | None
    last_seen: str | None
    times_seen: int
    # as the latest page showed it
    stamp_text: str
    relative_minutes: float | None
    zone: str | None
    datetime: str | None
    region: int
    span_start: int
    span_end: int
    last_page_id: int
    stored: bool = False


#: The columns of `entries` an EntryRow holds (all but `id` and `feed`, in schema order).
ENTRY_FIELDS = ("uid", "clock", "local_date", "local_time", "datetime", "zone", "tz", "headline", "text",
                "stamp_text", "stamp_kind", "relative_minutes", "date_status", "confidence", "evidence",
                "first_seen", "last_seen", "times_seen", "revisions", "revision_id", "region", "span_start",
                "span_end", "date_basis")


@dataclass(slots=True)
class EntryRow:
    """An entry (an `entries` row), derived from its revisions and sightings by `_refresh`."""

    id: int
    feed: str
    uid: str | None = None
    clock: str | None = None  # "HH:MM" as printed (None: only relative stamps)
    local_date: str | None = None
    local_time: str | None = None
    datetime: str | None = None
    zone: str | None = None
    tz: str | None = None
    headline: str | None = None
    text: str = ""
    stamp_text: str = ""
    stamp_kind: str = ""
    relative_minutes: float | None = None
    date_status: str = DateStatus.UNKNOWN
    confidence: float = 0.0
    evidence: tuple[str, ...] = ()
    first_seen: str | None = None
    last_seen: str | None = None
    times_seen: int = 0
    revisions: int = 1
    revision_id: int | None = None
    region: int = 0
    span_start: int = 0
    span_end: int = 0
    date_basis: str = DateBasis.NONE
    texts: dict[str, RevisionRow] = field(default_factory=dict)  # by text hash
    groups: dict[str, SightingRow] = field(default_factory=dict)  # by reading
    latest_reading: str | None = None  # the reading of the latest sighting row, once derived here
    stored: bool = False
    text_changed: bool = False  # headline or text changed since stored (the FTS index follows them)


@dataclass(slots=True)
class Ids:
    """The last id given out per table: a store starts from its largest ids, `merge_feed` from 0."""

    pages: int = 0
    entries: int = 0
    revisions: int = 0


@dataclass(slots=True)
class Changes:
    """What `FeedState.add` changed since the last `FeedState.changed()`: for the store to write."""

    pages: list[PageRow] = field(default_factory=list)
    entries: dict[int, EntryRow] = field(default_factory=dict)
    revisions: dict[int, RevisionRow] = field(default_factory=dict)
    sightings: dict[tuple[int, str], SightingRow] = field(default_factory=dict)


class FeedState:
    """One feed's entries, revisions, sightings and captures, and the rules that merge a page in."""

    def __init__(self, feed: str, ids: Ids | None = None) -> None:
        self.feed = feed
        self.ids = ids if ids is not None else Ids()
        self.entries: dict[int, EntryRow] = {}
        self.page_tz: dict[int, str | None] = {}
        self.captures: list[str] = []  # captured_at of the pages with entries, sorted (duplicates kept)
        self._by_hash: dict[str, list[int]] = {}
        self._by_clock: dict[str, set[int]] = {}
        self._by_date: dict[str, set[int]] = {}
        self._by_first: dict[str, set[int]] = {}
        self._uids: dict[str, int] = {}
        self._changes = Changes()

    # loading (the store fills a state from its rows) -------------------------------------------

    def load_page(self, page: PageRow) -> None:
        self.page_tz[page.id] = page.tz
        if page.entries > 0 and page.captured_at is not None:
            bisect.insort(self.captures, page.captured_at)

    def load_entry(self, entry: EntryRow) -> None:
        entry.stored = True
        self.entries[entry.id] = entry
        self._index(entry, None, None, None)
        if entry.uid is not None:
            self._uids[entry.uid] = entry.id

    def load_revision(self, revision: RevisionRow) -> None:
        revision.stored = True
        self.entries[revision.entry_id].texts[revision.text_hash] = revision
        self._by_hash.setdefault(revision.text_hash, []).append(revision.entry_id)

    def load_sighting(self, row: SightingRow) -> None:
        row.stored = True
        self.entries[row.entry_id].groups[row.reading] = row

    def changed(self) -> Changes:
        """What changed since the last call (and forget it)."""
        changes, self._changes = self._changes, Changes()
        return changes

    # merging a page ----------------------------------------------------------------------------

    def add(self, page: PageRow, entries: Iterable[Entry]) -> tuple[int, int]:
        """Merge one page (a new `pages` row of this feed, id given) and its entries; returns
        (entries new to the feed, matched entries whose text was new)."""
        self.load_page(page)
        self._changes.pages.append(page)
        sightings = [sighting(entry) for entry in entries]
        placed, new = self._place(page, sightings)
        edited = 0
        # entries shown as on their latest page, on a later page: that sighting row and the text shown
        again: dict[int, tuple[SightingRow, RevisionRow]] = {}
        for seen, entry_id in zip(sightings, placed):
            revision, created = self._revision(page, seen, entry_id)
            edited += created and entry_id not in new
            entry = self.entries[entry_id]
            before = entry.groups.get(entry.latest_reading or "")
            shown = (before.datetime, self.page_tz.get(before.last_page_id)) if before is not None else None
            row = self._sighting_row(page, seen, entry_id, revision.id)
            if (not created and row is before and shown == (row.datetime, page.tz) and page.captured_at is not None
                    and entry.last_seen is not None and page.captured_at > entry.last_seen):
                again[entry_id] = (row, revision)
        self._refresh_all(page, set(placed), again)
        page.new_entries = len(new)
        return len(new), edited

    def _place(self, page: PageRow, sightings: list[Sighting]) -> tuple[list[int], set[int]]:
        """The stored entry of each sighting (created when none matches), and the new ones.
        Exact text matches first for every sighting, then edits; one entry per sighting per page."""
        claimed: set[int] = set()
        found: list[int | None] = [None] * len(sightings)
        gap = self._gap_at(page)
        for matcher in (self._exact_match, self._fuzzy_match):
            for index, seen in enumerate(sightings):
                if found[index] is None:
                    found[index] = matcher(page, seen, claimed, gap)
                    if found[index] is not None:
                        claimed.add(found[index])  # type: ignore[arg-type]
        new: set[int] = set()
        for index, seen in enumerate(sightings):
            if found[index] is None:
                found[index] = self._new_entry(seen)
                new.add(found[index])  # type: ignore[arg-type]
        return [f for f in found if f is not None], new

    def _exact_match(self, page: PageRow, seen: Sighting, claimed: set[int], gap: Gap) -> int | None:
        ids = self._by_hash.get(seen.text_hash)
        if not ids:
            return None
        fits = [self.entries[i] for i in ids if i not in claimed and compatible(seen, self.entries[i], gap)]
        if len(fits) == 1:  # the common case: no closeness to weigh
            return fits[0].id
        return min(fits, key=lambda e: closeness(page.captured_at, seen, e)).id if fits else None

    def _fuzzy_match(self, page: PageRow, seen: Sighting, claimed: set[int], gap: Gap) -> int | None:
        days = near_days(seen.entry.date.local_date)
        if seen.relative:
            if seen.entry.date.local_date is None:
                return None
            ids = set().union(*(self._by_date.get(day, ()) for day in days))  # type: ignore[arg-type]
        else:
            ids = set(self._by_clock.get(seen.clock, ())) if seen.clock is not None else set()
            ids |= {i for day in days if day is not None for i in self._by_date.get(day, ())
                    if self.entries[i].clock is None}
        scored = []
        folded = seen.folded if ids else ""
        for entry_id in ids:
            entry = self.entries[entry_id]
            if entry_id in claimed or not compatible(seen, entry, gap):
                continue
            score = max(similarity(folded, _folded(revision)) for revision in entry.texts.values())
            if score >= SIMILAR:
                scored.append((-score, closeness(page.captured_at, seen, entry), entry_id))
        return min(scored)[2] if scored else None

    def _gap_at(self, page: PageRow) -> Gap:
        def gap(first: str | None, last: str | None) -> bool:
            """Did a page of this feed with entries, captured strictly between the entry's
            sightings and this page, lack it?"""
            now = page.captured_at
            if now is None or first is None or last is None or first <= now <= last:
                return False
            low, high = (last, now) if now > last else (now, first)
            at = bisect.bisect_right(self.captures, low)
            return at < len(self.captures) and self.captures[at] < high

        return gap

    def _new_entry(self, seen: Sighting) -> int:
        self.ids.entries += 1
        entry = seen.entry
        row = EntryRow(self.ids.entries, self.feed, clock=seen.clock, headline=entry.headline, text=entry.text,
                       stamp_text=entry.stamp.text, stamp_kind=str(entry.stamp.kind),
                       date_status=str(entry.date.status), confidence=_real(entry.date.confidence))
        self.entries[row.id] = row
        self._index(row, None, None, None)
        self._changes.entries[row.id] = row
        return row.id

    def _revision(self, page: PageRow, seen: Sighting, entry_id: int) -> tuple[RevisionRow, bool]:
        """The revision of the sighting's text (made when new); True when made."""
        entry = self.entries[entry_id]
        at = page.captured_at
        revision = entry.texts.get(seen.text_hash)
        if revision is not None:
            revision.times_seen += 1
            revision.first_seen = _earlier(revision.first_seen, at)
            revision.last_seen = _later(revision.last_seen, at)
            self._changes.revisions[revision.id] = revision
            return revision, False
        self.ids.revisions += 1
        shown = seen.entry
        revision = RevisionRow(self.ids.revisions, entry_id, seen.text_hash, shown.headline, shown.text, at, at, 1,
                               shown.sources)
        entry.texts[seen.text_hash] = revision
        self._by_hash.setdefault(seen.text_hash, []).append(entry_id)
        self._changes.revisions[revision.id] = revision
        return revision, True

    def _sighting_row(self, page: PageRow, seen: Sighting, entry_id: int, revision_id: int) -> SightingRow:
        entry, fix = seen.entry, seen.entry.date
        stamp = entry.stamp
        # what makes two sightings alike (the fields joined by "|", None as "None"; %-formatting
        # writes the same text as an f-string, faster for the three enums)
        reading = "%d|%s|%s|%s|%s|%s|%.2f|%s" % (revision_id, stamp.kind, "" if seen.relative else stamp.text,
                                                  seen.clock, seen.day, fix.status, fix.confidence, fix.basis)
        at = page.captured_at
        groups = self.entries[entry_id].groups
        row = groups.get(reading)
        if row is None:
            row = SightingRow(entry_id, revision_id, reading, str(stamp.kind), seen.clock, seen.day, str(fix.status),
                              str(fix.basis), float(round(fix.confidence, 2)), tuple(fix.evidence), page.id, at, at, 1,
                              stamp.text, _real(stamp.relative_minutes), stamp.zone, iso(entry.datetime), entry.feed,
                              entry.span[0], entry.span[1], page.id)
            groups[reading] = row
        else:
            row.times_seen += 1
            if _is_earlier(at, row.first_seen):
                row.evidence, row.first_page_id = tuple(fix.evidence), page.id
            if _is_later(at, row.last_seen):  # as the latest page shows it
                row.stamp_text, row.relative_minutes, row.zone = stamp.text, _real(stamp.relative_minutes), stamp.zone
                row.datetime, row.region, row.last_page_id = iso(entry.datetime), entry.feed, page.id
                row.span_start, row.span_end = entry.span
            row.first_seen = _earlier(row.first_seen, at)
            row.last_seen = _later(row.last_seen, at)
        self._changes.sightings[(entry_id, reading)] = row
        return row

    # deriving an entry from its sightings --------------------------------------------------------

    def _refresh_all(self, page: PageRow, touched: set[int], again: dict[int, tuple[SightingRow, RevisionRow]]) -> None:
        """Re-derive the touched entries, and those first seen on the next capture of the feed
        (whose "capture before" this page may have become). An entry in `again` is one shown
        on a capture after all its others exactly as on its latest one (same text, stamp, date
        reading, datetime and zone): only what the latest page shows of it changes."""
        for entry_id in sorted(touched):
            if entry_id in again:
                self._seen_again(self.entries[entry_id], *again[entry_id])
            else:
                self._refresh(entry_id)
        if page.captured_at is None:
            return
        at = bisect.bisect_right(self.captures, page.captured_at)
        if at == len(self.captures):
            return
        for entry_id in sorted(self._by_first.get(self.captures[at], ())):
            if entry_id not in touched:
                self._refresh(entry_id)

    def _refresh(self, entry_id: int) -> None:
        """Derive an entry from its revisions and sightings: a function of them alone, so
        that the order in which pages arrive does not matter."""
        entry = self.entries[entry_id]
        revisions = list(entry.texts.values())
        groups = sorted(entry.groups.values(), key=lambda g: g.reading)  # as the store's index lists them
        current = max(revisions, key=lambda r: (r.last_seen or "", r.first_seen or "", r.text_hash))  # latest text
        earliest = min(revisions, key=lambda r: (r.first_seen or "~", r.text_hash))
        latest = max(groups, key=lambda g: (g.last_seen or "", g.stamp_text, g.reading))
        entry.latest_reading = latest.reading
        clocks = sorted({g.clock for g in groups if g.stamp_kind != StampKind.RELATIVE} - {None})
        clock = clocks[0] if clocks else None
        tz = self.page_tz.get(latest.last_page_id)
        first_seen = min((g.first_seen for g in groups if g.first_seen), default=None)
        old = (entry.clock, entry.local_date, entry.first_seen)
        entry.zone, entry.stamp_text, entry.stamp_kind = latest.zone, latest.stamp_text, latest.stamp_kind
        entry.relative_minutes, entry.region = latest.relative_minutes, latest.region
        entry.span_start, entry.span_end = latest.span_start, latest.span_end
        entry.first_seen = first_seen
        entry.last_seen = max((g.last_seen for g in groups if g.last_seen), default=None)
        entry.times_seen = sum(g.times_seen for g in groups)
        entry.clock, entry.tz, entry.revisions, entry.revision_id = clock, tz, len(revisions), current.id
        self._date(entry, clock, first_seen, tz, groups, latest)
        if (entry.headline, entry.text) != (current.headline, current.text):
            entry.headline, entry.text = current.headline, current.text
            entry.text_changed = entry.stored
        self._index(entry, *old)
        self._set_uid(entry, uid_base(self.feed, first_seen, clock or entry.local_time or "", earliest.text_hash))
        self._changes.entries[entry_id] = entry

    def _seen_again(self, entry: EntryRow, latest: SightingRow, current: RevisionRow) -> None:
        """What `_refresh` gives an entry whose latest sighting row `latest` was seen again on a
        later capture, showing the text `current` (the row's revision, now the latest text): its
        dates, clock, first capture and id depend on nothing that changed."""
        entry.last_seen = latest.last_seen
        entry.times_seen += 1
        entry.zone, entry.stamp_text, entry.stamp_kind = latest.zone, latest.stamp_text, latest.stamp_kind
        entry.relative_minutes, entry.region = latest.relative_minutes, latest.region
        entry.span_start, entry.span_end = latest.span_start, latest.span_end
        entry.revision_id = current.id
        if (entry.headline, entry.text) != (current.headline, current.text):
            entry.headline, entry.text = current.headline, current.text
            entry.text_changed = entry.stored
        self._changes.entries[entry.id] = entry

    def _date(self, entry: EntryRow, clock: str | None, first_seen: str | None, tz: str | None,
              groups: list[SightingRow], latest: SightingRow) -> None:
        """The date fields: the best reading of the sightings and the capture window."""
        readings = [Reading(DateStatus(g.date_status), g.local_date, g.confidence, g.evidence, g.first_seen,
                            g.datetime, DateBasis(g.date_basis)) for g in groups]
        window = None
        if clock is not None and first_seen is not None:
            at = bisect.bisect_left(self.captures, first_seen)
            if at > 0:  # the feed's capture before the first sighting
                window = window_reading(first_seen, self.captures[at - 1], clock, tz, readings)
        best = best_reading(readings + ([window] if window else []))
        entry.local_date, entry.datetime = best.local_date, best.datetime
        entry.local_time = shown_time(best, clock, latest.clock)
        entry.date_status, entry.date_basis = str(best.status), str(best.basis)
        entry.confidence, entry.evidence = float(round(best.confidence, 2)), tuple(best.evidence)

    def _set_uid(self, entry: EntryRow, base: str) -> None:
        """The stable id, with a suffix when another entry of the feed has it."""
        uid, n = base, 1
        while self._uids.get(uid, entry.id) != entry.id:
            n += 1
            uid = f"{base}-{n}"
        if entry.uid is not None and self._uids.get(entry.uid) == entry.id:
            del self._uids[entry.uid]
        entry.uid = uid
        self._uids[uid] = entry.id

    def _index(self, entry: EntryRow, clock: str | None, local_date: str | None, first_seen: str | None) -> None:
        """Move the entry in the clock, date and first-capture indexes from the old values given."""
        for index, old, new in ((self._by_clock, clock, entry.clock), (self._by_date, local_date, entry.local_date),
                                (self._by_first, first_seen, entry.first_seen)):
            if old == new and entry.id in index.get(new or "", ()):  # type: ignore[arg-type]
                continue
            if old is not None:
                index.get(old, set()).discard(entry.id)
            if new is not None:
                index.setdefault(new, set()).add(entry.id)

    # reading -----------------------------------------------------------------------------------

    def stored_entries(self) -> list[StoredEntry]:
        """The feed's entries in timeline order, positions from 0 (as `Store.entries` gives them)."""
        items = []
        for entry in self.entries.values():
            revision = next((r for r in entry.texts.values() if r.id == entry.revision_id), None)
            items.append(stored_entry(_fields(entry), revision.sources if revision else ()))
        return with_positions(items)


def merge_feed(pages: Iterable[ExtractedPage]) -> list[StoredEntry]:
    """The entries of the feed whose pages are `pages` (all of one feed key), in timeline order.

    Pages are taken oldest capture first (`order`, the ingest's sort key; pages without a
    capture time last), whatever order they come in; positions count from 0 within the feed.
    """
    ordered = sorted(pages, key=lambda page: page.order)
    feeds = {page.feed for page in ordered}
    if len(feeds) > 1:
        raise ValueError(f"merge_feed takes the pages of one feed; got {len(feeds)} feed keys")
    if not ordered:
        return []
    state = FeedState(ordered[0].feed)
    seen: set[tuple[str, str | None]] = set()
    for page in ordered:
        captured = iso(page.timeline.now)
        if (page.digest, captured) in seen:
            continue  # the same bytes captured at the same time: one page
        seen.add((page.digest, captured))
        state.ids.pages += 1
        state.add(PageRow(state.ids.pages, captured, page.timeline.tz, len(page.timeline.entries)),
                  page.timeline.entries)
        state.changed()
    return state.stored_entries()


def merge_feeds(groups: Iterable[Iterable[ExtractedPage]]) -> dict[str, list[StoredEntry]]:
    """`merge_feed` of each group of pages (one feed each), by feed key."""
    merged: dict[str, list[StoredEntry]] = {}
    for group in groups:
        pages = list(group)
        if pages:
            merged[pages[0].feed] = merge_feed(pages)
    return merged


# ── stored entries ──────────────────────────────────────────────────────────────────────────


def stored_entry(row: dict[str, Any], sources: tuple[Source, ...]) -> StoredEntry:
    """An entry's fields (ENTRY_FIELDS and `feed`; evidence a tuple) as a StoredEntry."""
    clock = row["local_time"] or row["clock"]
    hour, minute = (int(clock[:2]), int(clock[3:5])) if clock else (None, None)
    stamp = Stamp(row["stamp_text"], (row["span_start"], row["span_start"]), StampKind(row["stamp_kind"]),
                  hour=hour, minute=minute, zone=row["zone"], relative_minutes=row["relative_minutes"])
    day = row["local_date"]
    fix = DateFix(DateStatus(row["date_status"]),
                  date.fromisoformat(day) if day and not day.startswith("--") else None,
                  (int(day[2:4]), int(day[5:7])) if day and day.startswith("--") else None,
                  row["confidence"], tuple(row["evidence"]), DateBasis(row["date_basis"]))
    entry = Entry(
        id=row["uid"], stamp=stamp, headline=row["headline"], text=row["text"],
        span=(row["span_start"], row["span_end"]), feed=row["region"], position=0,
        local_time=time.fromisoformat(clock) if clock else None, date=fix,
        datetime=datetime.fromisoformat(row["datetime"]) if row["datetime"] else None, sources=sources,
    )
    return StoredEntry(entry, row["feed"], row["first_seen"], row["last_seen"], row["times_seen"], row["revisions"])


def timeline_order(item: StoredEntry) -> tuple:
    """Dated entries by date and time, then year-less ones, then undated; ties by feed and uid."""
    entry = item.entry
    clock = entry.local_time.isoformat() if entry.local_time else ""
    if entry.date.local_date is not None:
        return (0, entry.date.local_date.isoformat(), clock, item.feed_key, entry.id)
    if entry.date.month_day is not None:
        return (1, "%02d-%02d" % entry.date.month_day, clock, item.feed_key, entry.id)
    return (2, item.feed_key, item.first_seen or "", clock, entry.id)


def with_positions(items: list[StoredEntry]) -> list[StoredEntry]:
    """`items` in timeline order, each entry's position its index."""
    ordered = sorted(items, key=timeline_order)
    return [replace(item, entry=replace(item.entry, position=index)) for index, item in enumerate(ordered)]


# ── helpers ─────────────────────────────────────────────────────────────────────────────────


def _fields(entry: EntryRow) -> dict[str, Any]:
    return {"feed": entry.feed, **{name: getattr(entry, name) for name in ENTRY_FIELDS}}


def _folded(revision: RevisionRow) -> str:
    if revision.folded is None:
        revision.folded = fold(revision.headline, revision.text)
    return revision.folded


def _real(value: float | None) -> float | None:
    """A number as an SQLite REAL column gives it back."""
    return float(value) if value is not None else None


def _earlier(stored: str | None, new: str | None) -> str | None:
    """The earlier of two captures, a blind one (None) counting as absent."""
    return new if stored is None else stored if new is None else min(stored, new)


def _later(stored: str | None, new: str | None) -> str | None:
    return new if stored is None else stored if new is None else max(stored, new)


def _is_earlier(new: str | None, stored: str | None) -> bool:
    """Is the capture `new` before `stored` (a timed one before any blind one)?"""
    if new is not None and stored is not None:
        return new < stored
    return stored is None and new is not None


def _is_later(new: str | None, stored: str | None) -> bool:
    """Is the capture `new` at or after `stored` (anything after a blind one)?"""
    if new is not None and stored is not None:
        return new >= stored
    return stored is None
