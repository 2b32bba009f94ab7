"""Pages into the store: what `feedline ingest` reads, when each page was captured, and how.

    collect_pages(paths) ──> Collected.pages (PageInput, oldest capture first)
          │ files, folders, "-", web archives' HTML records     (fetched_page: a fetched URL)
          ▼
    ingest_pages(store, pages, extractor(lang), tz=...) ──> Ingested per page
          │ page_clock: the capture time as stored and as `extract` reads it
          ▼ extract_page ──> ExtractedPage ──> Store.add_batch, 100 pages a transaction (feedmerge's rules)

The one home of the ingest path before the database: collecting pages (the folder walker and
the standard-input reader are `feedline.inputs`', shared with `feedline extract`), the capture
time of each (`--now`, a WARC-Date, a fetched page's Date, a time stamp in the file name, the
mtime; docs/store.md "Capture time"), the one clock rule (`page_clock`), the one chronological
sort key (`capture_key`) and the page identity (`page_key`). The distributed path
(feedline/distributed) extracts its pages with the same `page_clock`, `extractor` and
`extract_page`.

A page that cannot be read yields its `InputError`, a page whose extraction raises anything
else an `ExtractionError` (`errors.page_failure`), and the other pages go on.
"""
from __future__ import annotations

import gc
import hashlib
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from threading import Lock
from typing import TYPE_CHECKING

from feedline.errors import (
    FeedlineError,
    InputError,
    PartlyReadError,
    StoreBusyError,
    StoreError,
    outside_now_years,
    page_failure,
)
from feedline.feedmerge import ExtractedPage
from feedline.model import Timeline
from feedline.store_dates import iso
from feedline.store_identity import name_stamp, page_key

if TYPE_CHECKING:
    from feedline.fetch import Fetched
    from feedline.store import PageResult, Store


# ── capture times and page identity ─────────────────────────────────────────────────────────


class CaptureSource(StrEnum):
    NOW = "now"  # --now
    NAME = "name"  # a time stamp in the file name
    MTIME = "mtime"  # the file's modification time (--capture-from mtime)
    WARC = "warc-date"  # a web archive record's WARC-Date
    HTTP = "http-date"  # a fetched page's Date header (feedline.fetch)
    FETCHED = "fetched"  # a fetched page without a Date header: this machine's clock when it came
    NONE = "none"  # unknown: the page is read in blind mode


@dataclass(frozen=True, slots=True)
class PageInput:
    """One page to ingest: where it comes from and when it was captured (None: unknown).

    A web archive's HTML response record comes in as ``PageInput("crawl.warc.gz#1234",
    <WARC-Date>, CaptureSource.WARC, data=<payload>, url=<WARC-Target-URI>, charset=<HTTP
    charset>, instant=True)``; a fetched URL with its bytes, its address after redirects and
    the answer's charset; everything downstream is the same as for files.
    """

    name: str  # the path as given, "crawl.warc.gz#1234", a URL, or "-" for stdin
    captured_at: datetime | None
    capture_source: CaptureSource
    data: bytes | None = None  # the page itself, when it is not read from `name`
    url: str | None = None  # the page's address (page identity when the page names none)
    charset: str | None = None  # of the HTTP answer that carried the page
    instant: bool = False  # the capture time is an instant (a WARC-Date, a fetch): never this machine's clock

    def read(self) -> bytes:
        if self.data is not None:
            return self.data
        if self.name == "-":
            from feedline.inputs import read_stdin

            return read_stdin()
        try:
            return Path(self.name).read_bytes()
        except OSError as error:
            raise InputError(f"cannot read {self.name!r}: {error.strerror or error}; check the path") from None


def capture_key(page: PageInput) -> tuple:
    """The one chronological order of pages: (0, UTC instant or naive wall clock, name) for a
    page with a capture time, (1, "", name) for one without (after all the others)."""
    moment = page.captured_at
    if moment is None:
        return (1, "", page.name)
    instant = moment.astimezone(timezone.utc).replace(tzinfo=None) if moment.tzinfo else moment
    return (0, instant.isoformat(), page.name)


def by_capture(pages: Iterable[PageInput]) -> list[PageInput]:
    """`pages` oldest capture first (`capture_key`)."""
    return sorted(pages, key=capture_key)


def file_capture(name: str, now: datetime | None, mtime: bool) -> tuple[datetime | None, CaptureSource]:
    """A file's capture time and its source: `now`, else a time stamp in the file name, else
    (with `mtime`) the file's modification time, else unknown."""
    if now is not None:
        return now, CaptureSource.NOW
    if name == "-":
        return None, CaptureSource.NONE
    found = name_stamp(name)
    if found:
        return found[0], CaptureSource.NAME
    if mtime:
        try:
            moment = datetime.fromtimestamp(os.stat(name).st_mtime, timezone.utc).astimezone()
        except (OSError, ValueError, OverflowError):
            pass
        else:
            if not outside_now_years(moment):
                return moment, CaptureSource.MTIME
    return None, CaptureSource.NONE


# ── the clock rule ──────────────────────────────────────────────────────────────────────────


@dataclass(frozen=True, slots=True)
class Clock:
    """A page's capture time as the store records it, and the `now` and zone `extract` reads it with."""

    captured: datetime | None  # capture_moment: what identifies the capture (with the bytes)
    now: datetime | None
    tz: str | None


def capture_moment(moment: datetime | None, tz: str | None) -> datetime | None:
    """The capture time as `extract` will read it, and as the store records it.

    As `extract` reads `now`: a naive time is the page's wall clock (in `tz`, if given); an
    aware one is converted to `tz`, or without `tz` keeps its own wall clock. (Unix seconds
    and mtimes arrive aware in this machine's zone, so their offset shows in `captured_at`.)
    None when that wall clock falls outside `NOW_YEARS` (a file name's 1900-01-01T00:00+05:15
    read in a zone west of it): as for a file-name stamp outside them, no capture time.
    """
    if moment is None:
        return None
    moment = moment.replace(microsecond=0)
    if tz is not None:
        from zoneinfo import ZoneInfo

        zone = ZoneInfo(tz)
        moment = moment.replace(tzinfo=zone) if moment.tzinfo is None else moment.astimezone(zone)
    return None if outside_now_years(moment) else moment


def page_clock(page: PageInput, tz: str | None) -> Clock:
    """The one clock rule of ingest (docs/store.md, "Capture time"): `capture_moment`, and
    without `tz` a capture time on this machine's clock (a unix-seconds file name, an mtime, a
    `--now` with this machine's offset) is read as the page's wall clock in this machine's
    zone. An instant (a WARC-Date, a fetched page's time) never is: it is read as `feedline
    extract` reads archives and URLs, on the page's own clock."""
    moment = capture_moment(page.captured_at, tz)
    if (not page.instant and tz is None and moment is not None and moment.tzinfo is not None
            and moment.utcoffset() == moment.astimezone().utcoffset()):
        return Clock(moment, moment.replace(tzinfo=None), machine_zone())
    return Clock(moment, moment, tz)


def machine_zone() -> str | None:
    """The IANA name of this machine's zone, when the TZ variable or /etc/localtime names it."""
    return _zone_named(os.environ.get("TZ", ""))


@lru_cache(maxsize=8)
def _zone_named(tz_variable: str) -> str | None:
    """`machine_zone` under this TZ variable (remembered: the C library, whose local time
    `astimezone()` reads, also reads /etc/localtime once per process and TZ value)."""
    name = tz_variable.lstrip(":")
    if not name:
        try:
            name = os.path.realpath("/etc/localtime").split("zoneinfo/", 1)[1]
        except (IndexError, OSError):
            return None
    if not name:
        return None
    from zoneinfo import ZoneInfo

    try:
        ZoneInfo(name)
    except (ValueError, OSError, LookupError):
        return None  # a POSIX TZ string, not a zone name
    return name


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# ── collecting pages ────────────────────────────────────────────────────────────────────────


@dataclass(frozen=True, slots=True)
class Ingested:
    """What happened to one input: a result, or the error that stopped it."""

    page: PageInput
    result: PageResult | None
    error: FeedlineError | None = None


@dataclass
class Collected:
    """What `ingest` reads: pages, and what of the inputs is not a page or cannot be read."""

    pages: list[PageInput] = field(default_factory=list)  # oldest capture first
    failures: list[Ingested] = field(default_factory=list)  # unreadable inputs and archive damage
    skipped: int = 0  # archive records that are no page (requests, images, redirects...)
    records: set[str] = field(default_factory=set)  # names of the pages read from archives


def page_inputs(paths: Iterable[str], *, now: datetime | None = None, mtime: bool = False,
                skip: Iterable[Path] = ()) -> list[PageInput]:
    """The files under `paths` (files, folders recursively, "-"), oldest capture first, each
    with its capture time (`file_capture`). Hidden files and the `skip` files (the database
    itself) are left out of folders. Missing paths are kept: reading them fails."""
    from feedline.inputs import resolved, walk

    excluded = {resolved(Path(p)) for p in skip}
    names = (found for name in paths
             for found in (walk(name, skip=excluded) if name != "-" and os.path.isdir(name) else (name,)))
    return by_capture(PageInput(name, *file_capture(name, now, mtime)) for name in names)


def collect_pages(paths: list[str], *, now: datetime | None = None, mtime: bool = False,
                  skip: Iterable[Path] = ()) -> Collected:
    """The pages under `paths` (`page_inputs`), each web archive among them replaced by its
    HTML response records, all oldest capture first.

    A record's capture time is `now`, else its WARC-Date (`CaptureSource.WARC`, an instant),
    else the archive file's own (a time stamp in its name, its mtime), else unknown. Its URL is
    the WARC-Target-URI. Standard input ("-") is read here, and may be an archive too.
    """
    from feedline import inputs

    found = Collected()
    for page in page_inputs(paths, now=now, mtime=mtime, skip=skip):
        data = None
        if page.name == "-":
            try:
                data = page.read()
            except InputError as error:
                found.failures.append(Ingested(page, None, error))
                continue
            if not inputs.looks_like_archive(data[:512]):
                found.pages.append(replace(page, data=data))
                continue
        elif not inputs.is_archive(page.name):
            found.pages.append(page)
            continue
        read = 0
        damage: list[str] = []
        for item in inputs.archive_pages(page.name, data):
            if isinstance(item, inputs.ArchivePage):
                found.pages.append(archive_page(item, page))
                found.records.add(item.name)
                read += 1
            elif isinstance(item, inputs.Skipped):
                found.skipped += 1
            else:
                damage.append(item.message)
        error = PartlyReadError if read else InputError  # nothing of it read: the archive is unreadable
        found.failures += [Ingested(page, None, error(message)) for message in damage]
    found.pages = by_capture(found.pages)
    return found


def archive_page(item: object, archive: PageInput) -> PageInput:
    """An archive record (`inputs.ArchivePage`) as a page: captured at `--now` (the archive's),
    else its WARC-Date, else when the archive file was."""
    from feedline.inputs import ArchivePage

    assert isinstance(item, ArchivePage)
    if archive.capture_source is CaptureSource.NOW or item.captured is None:
        return PageInput(item.name, archive.captured_at, archive.capture_source, data=item.data, url=item.url,
                         charset=item.charset)
    return PageInput(item.name, item.captured, CaptureSource.WARC, data=item.data, url=item.url,
                     charset=item.charset, instant=True)


def fetched_page(url: str, fetched: Fetched, now: datetime | None) -> PageInput:
    """A fetched URL as a page: captured at `--now`, else the answer's Date header, else this
    machine's clock when it came (all instants); read with its address after redirects and the
    answer's charset. Its identity is the URL as given (the caller's `feed`)."""
    source = CaptureSource.NOW if now else (CaptureSource.HTTP if fetched.dated else CaptureSource.FETCHED)
    return PageInput(url, now or fetched.captured_at, source, data=fetched.data, url=fetched.final_url,
                     charset=fetched.charset, instant=True)


# ── extracting and ingesting ────────────────────────────────────────────────────────────────

Extract = Callable[[PageInput, bytes, Clock], Timeline]  # (page, its bytes, its clock)


def extractor(lang: str | None = None, *, remember: bool = True) -> Extract:
    """`extract` as ingest calls it: the page's bytes read as `feedline extract` reads them (an
    archive record's or fetched page's charset honoured, its address as the page's URL), at
    the page's clock. With `remember` (a store's successive snapshots), a page whose bytes
    repeat a recent one's is not read again (`memo.read_cached`); a crawl of distinct pages
    (the distributed path) reads each anew and keeps no parsed tree."""
    from feedline.memo import read_cached
    from feedline.pipeline import extract
    from feedline.read import read_page

    read_bytes = read_cached if remember else read_page

    def run(page: PageInput, data: bytes, clock: Clock) -> Timeline:
        read = read_bytes(data, name=page.name, lang=lang, charset=page.charset)
        if page.url:
            read = replace(read, url=page.url)
        return extract(read, now=clock.now, tz=clock.tz, lang=lang)

    return run


def extract_page(page: PageInput, data: bytes, extract: Extract, *, tz: str | None = None,
                 digest: str | None = None, feed: str | None = None, clock: Clock | None = None) -> ExtractedPage:
    """Extract `data` (the bytes of `page`) at the page's clock (`page_clock`), with its identity:
    `feed`, else the URL the page names, else the input's URL, else `page_key` of its name."""
    timeline = extract(page, data, clock or page_clock(page, tz))
    key = feed or page_key(page.name, timeline.page.url or page.url)
    return ExtractedPage(timeline, page.name, digest or content_hash(data), page.capture_source, key, page.url,
                         capture_key(page))


# ── the cyclic garbage collector while pages are ingested ──────────────────────────────────

#: While pages are ingested, the cyclic garbage collector examines the objects made since
#: its last pass once this many are alive, not Python's default 700. Extraction makes and
#: drops a great many small objects a page (freed by reference counting, not by the
#: collector); each early pass walks those still alive, and promotes them into the older
#: generations that are walked again: about 6% of the store benchmark's ingest, 1% at this
#: value (docs/performance.md). Only objects in reference cycles are freed later.
YOUNG_OBJECTS = 20_000


class _YoungCollectionsDeferred:
    """A context: the collector's first threshold raised to `YOUNG_OBJECTS` while one or more
    ingests run (the thresholds are the process's: they are set when the first starts and
    restored when the last ends). A threshold of 0 (automatic collection off) or above it
    is left alone."""

    def __init__(self) -> None:
        self._running = 0
        self._saved: tuple[int, ...] = ()
        self._lock = Lock()

    def __enter__(self) -> None:
        with self._lock:
            if self._running == 0:
                self._saved = gc.get_threshold()
                if 0 < self._saved[0] < YOUNG_OBJECTS:
                    gc.set_threshold(YOUNG_OBJECTS, *self._saved[1:])
            self._running += 1

    def __exit__(self, *exc: object) -> None:
        with self._lock:
            self._running -= 1
            if self._running == 0:
                gc.set_threshold(*self._saved)


young_collections_deferred = _YoungCollectionsDeferred()


#: Extracted pages wait for their write until this many are ready, the oldest waited this
#: long or their texts hold this many characters (what waiting pages keep in memory): then
#: they are stored in one transaction (`Store.add_batch`).
BATCH_PAGES = 100
BATCH_SECONDS = 0.5
BATCH_CHARS = 16_000_000


def ingest_pages(store: Store, pages: Iterable[PageInput], extract: Extract, *, tz: str | None = None,
                 feed: str | None = None, run_id: int | None = None, batch: int | None = None,
                 seconds: float | None = None, chars: int | None = None) -> Iterator[Ingested]:
    """Ingest the pages, `batch` pages (or `seconds` of extraction, or pages whose texts hold
    `chars` characters) per transaction, by default `BATCH_PAGES`, `BATCH_SECONDS` and
    `BATCH_CHARS`; yields one `Ingested` per page, in order, once its batch is stored.

    Pages already stored (same bytes, same capture time) are skipped before extraction.
    Unreadable pages yield their `InputError`, pages whose extraction raises anything
    unexpected an `ExtractionError`, and the others go on. When storing a batch raises
    anything but a store error, its pages are stored one by one, each in its own transaction,
    so that only the page that fails fails. `StoreBusyError` and `StoreError` stop the run
    (they are raised; the batch in flight is rolled back), as does an interrupt.

    While it runs, the cyclic garbage collector looks at new objects less often
    (`YOUNG_OBJECTS`).
    """
    batch = BATCH_PAGES if batch is None else batch
    seconds = BATCH_SECONDS if seconds is None else seconds
    chars = BATCH_CHARS if chars is None else chars
    with young_collections_deferred:
        yield from _ingested(store, pages, extract, tz, feed, run_id, batch, seconds, chars)


def _ingested(store: Store, pages: Iterable[PageInput], extract: Extract, tz: str | None, feed: str | None,
              run_id: int | None, batch: int, seconds: float, chars: int) -> Iterator[Ingested]:
    """`ingest_pages`, its defaults applied."""
    waiting: list[tuple[PageInput, ExtractedPage | Ingested]] = []
    ready = held = 0
    oldest = 0.0
    for page in pages:
        try:
            item: ExtractedPage | Ingested = _extracted(store, page, extract, tz=tz, feed=feed)
        except (StoreBusyError, StoreError):
            raise
        except Exception as error:  # noqa: BLE001 - one bad page must not stop the run
            item = Ingested(page, None, page_failure(page.name, error))
        waiting.append((page, item))
        if isinstance(item, ExtractedPage):
            ready += 1
            held += len(item.timeline.page.text)
            oldest = oldest if ready > 1 else time.monotonic()
        if ready >= batch or held >= chars or (ready and time.monotonic() - oldest >= seconds) or not ready:
            yield from _stored(store, waiting, run_id)
            waiting, ready, held = [], 0, 0
    yield from _stored(store, waiting, run_id)


def _extracted(store: Store, page: PageInput, extract: Extract, *, tz: str | None,
               feed: str | None) -> ExtractedPage | Ingested:
    """The page extracted, or its outcome when it is stored already."""
    from feedline.store import PageResult

    data = page.read()
    digest = content_hash(data)
    clock = page_clock(page, tz)
    if store.has_page(digest, iso(clock.captured)):
        return Ingested(page, PageResult(skipped=True, blind=clock.captured is None))
    return extract_page(page, data, extract, digest=digest, feed=feed, clock=clock)


def _stored(store: Store, waiting: list[tuple[PageInput, ExtractedPage | Ingested]],
            run_id: int | None) -> Iterator[Ingested]:
    """Store the extracted pages of `waiting` in one transaction; each page's outcome, in order."""
    extracted = [item for _, item in waiting if isinstance(item, ExtractedPage)]
    results: Iterator[PageResult] | None = None
    if len(extracted) > 1:
        try:
            results = iter(store.add_batch(extracted, run_id=run_id))
        except (StoreBusyError, StoreError):
            raise
        except Exception:  # noqa: BLE001 - a page failed: store each alone, so that it fails alone
            results = None
    for page, item in waiting:
        if isinstance(item, Ingested):
            yield item
        elif results is not None:
            yield Ingested(page, next(results))
        else:
            yield _stored_alone(store, page, item, run_id)


def _stored_alone(store: Store, page: PageInput, extracted: ExtractedPage, run_id: int | None) -> Ingested:
    try:
        return Ingested(page, store.add_extracted(extracted, run_id=run_id))
    except (StoreBusyError, StoreError):
        raise
    except Exception as error:  # noqa: BLE001 - one bad page must not stop the run
        return Ingested(page, None, page_failure(page.name, error))


def ingest_page(store: Store, page: PageInput, extract: Extract, *, tz: str | None = None,
                feed: str | None = None, run_id: int | None = None) -> PageResult:
    """Ingest one page in its own transaction (skipped when stored already)."""
    item = _extracted(store, page, extract, tz=tz, feed=feed)
    if isinstance(item, Ingested):
        assert item.result is not None
        return item.result
    return store.add_extracted(item, run_id=run_id)
