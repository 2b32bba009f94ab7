"""The per-partition work of the distributed paths, free of any engine.

A *unit* is one partition's input: one web archive (its records streamed, one at a time) or a
batch of page files. `extract_unit` turns a unit into the `entries` and `errors` Parquet parts
of that partition and returns the slim page timelines for the feed merge; `merge_groups`
runs `feedmerge.merge_feed` per feed and `write_timeline` writes a `timeline` part. Dask
(`dask_engine.py`) and Spark (`spark.py`) call exactly these functions.

Each page is read and extracted as `feedline ingest` does it (`feedline.ingest`: its
`archive_page`, `page_clock`, `extractor` and `extract_page`): the capture time is `--now`,
else the record's WARC-Date, else a time stamp in the file name, else none (blind mode);
the page identity is `--feed`, else its URL, else its file stem.
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from feedline.errors import FeedlineError, InputError, page_failure
from feedline.feedmerge import ExtractedPage, merge_feeds
from feedline.ingest import CaptureSource, PageInput, archive_page, extract_page, extractor, page_inputs
from feedline.parquet import PartWriter, error_row, page_rows, timeline_rows, write_part

#: Page files per partition (an archive is always a partition of its own).
FILES_PER_UNIT = 64
#: Pages larger than this are skipped with a counted reason (`--max-page-bytes`).
MAX_PAGE_BYTES = 10_000_000


@dataclass(frozen=True, slots=True)
class Options:
    """What every page of a run is extracted with (see `feedline extract` and `ingest`)."""

    now: datetime | None = None
    tz: str | None = None
    lang: str | None = None
    feed: str | None = None
    max_page_bytes: int = MAX_PAGE_BYTES


@dataclass(frozen=True, slots=True)
class Unit:
    """One partition's input: an archive path, or page file paths."""

    archive: str | None = None
    files: tuple[str, ...] = ()


@dataclass(slots=True)
class Counts:
    """What a partition (or a whole run, added up) did."""

    pages: int = 0  # pages extracted
    entries: int = 0  # entries of those pages
    failed: int = 0  # pages or inputs that could not be read or extracted (rows of `errors`)
    too_large: int = 0  # pages over the size cap, skipped (rows of `errors`, kind "skipped")
    records_skipped: int = 0  # archive records that are no page (requests, images, redirects)
    reasons: dict[str, int] = field(default_factory=dict)  # skip reason -> count

    def __add__(self, other: Counts) -> Counts:
        reasons = dict(self.reasons)
        for reason, n in other.reasons.items():
            reasons[reason] = reasons.get(reason, 0) + n
        return Counts(self.pages + other.pages, self.entries + other.entries, self.failed + other.failed,
                      self.too_large + other.too_large, self.records_skipped + other.records_skipped, reasons)

    def summary(self) -> str:
        """"28 pages, 412 entries, 3 skipped, 1 failed" (as `feedline extract` counts)."""
        skipped = self.records_skipped + self.too_large
        return (f"{self.pages} page{'' if self.pages == 1 else 's'}, "
                f"{self.entries} entr{'y' if self.entries == 1 else 'ies'}, {skipped} skipped, {self.failed} failed")


def units(sources: Sequence[str], files_per_unit: int = FILES_PER_UNIT) -> list[Unit]:
    """Partition `sources` (paths as `inputs.collect` lists them): an archive per unit, page
    files in batches. Paths are made absolute, so workers elsewhere find them on a shared disk."""
    from feedline.inputs import is_archive

    found: list[Unit] = []
    batch: list[str] = []
    for source in sources:
        path = os.path.abspath(source)
        if is_archive(path):
            found.append(Unit(archive=path))
        else:
            batch.append(path)
            if len(batch) == files_per_unit:
                found.append(Unit(files=tuple(batch)))
                batch = []
    if batch:
        found.append(Unit(files=tuple(batch)))
    return found


def extract_unit(index: int, unit: Unit, options: Options, output: str) -> tuple[Counts, list[ExtractedPage]]:
    """Extract every page of `unit`, write the partition's `entries` and `errors` parts
    (`part-<index>`), and return the counts and the slim page timelines (no page text)."""
    counts = Counts()
    pages: list[ExtractedPage] = []
    part = f"{index:05d}"
    extract = extractor(options.lang, remember=False)  # a crawl's pages seldom repeat: no cache of parsed pages
    with PartWriter(output, "entries", part) as rows, PartWriter(output, "errors", part) as errors:
        for item in _read_unit(unit, options, counts):
            if isinstance(item, dict):
                errors.add([item])
                continue
            page, data = item
            try:
                extracted = extract_page(page, data, extract, tz=options.tz, feed=options.feed)
            except InputError as error:
                counts.failed += 1
                errors.add([error_row(page.name, "failed", str(error))])
                continue
            except Exception as error:  # noqa: BLE001 - one bad page must not stop the job
                counts.failed += 1
                errors.add([error_row(page.name, "failed", str(page_failure(page.name, error)))])
                continue
            timeline = extracted.timeline
            counts.pages += 1
            counts.entries += len(timeline.entries)
            rows.add(page_rows(timeline, name=page.name, url=page.url, captured_at=timeline.now,
                               capture_source=str(page.capture_source if timeline.now else CaptureSource.NONE),
                               feed_key=extracted.feed))
            pages.append(replace(extracted, timeline=replace(timeline, page=replace(timeline.page, text=""))))
    return counts, pages


def extract_item(item: tuple[int, Unit], options: Options, output: str) -> tuple[Counts, list[ExtractedPage]]:
    """`extract_unit` of an (index, unit) pair, as a bag of units maps it."""
    return extract_unit(item[0], item[1], options, output)


def feed_of(page: ExtractedPage) -> str:
    """The shuffle key."""
    return page.feed


def merge_groups(groups: Iterable[tuple[str, list[ExtractedPage]]]) -> list[dict[str, Any]]:
    """The `timeline` rows of each feed's merged pages (`feedmerge.merge_feed`)."""
    merged = merge_feeds(pages for _, pages in sorted(groups, key=lambda group: group[0]))
    return [row for stored in merged.values() for row in timeline_rows(stored)]


def write_timeline(rows: list[dict[str, Any]], index: int, output: str) -> int:
    """Write one `timeline` part; returns its number of rows."""
    write_part(output, "timeline", f"{index:05d}", rows)
    return len(rows)


def _read_unit(unit: Unit, options: Options, counts: Counts) -> Iterator[tuple[PageInput, bytes] | dict[str, Any]]:
    """(page, its bytes) for each page of `unit`, or an `errors` row."""
    if unit.archive is not None:
        yield from _archive(unit.archive, options, counts)
        return
    for page in page_inputs(unit.files, now=options.now):
        try:
            size = os.stat(page.name).st_size
        except OSError:
            size = 0  # reading it fails below, with the reason
        if size > options.max_page_bytes:
            yield _too_large(page.name, size, options, counts)
            continue
        try:
            data = page.read()
        except FeedlineError as error:
            counts.failed += 1
            yield error_row(page.name, "failed", str(error))
            continue
        yield page, data


def _archive(path: str, options: Options, counts: Counts) -> Iterator[tuple[PageInput, bytes] | dict[str, Any]]:
    """The archive's HTML records, streamed: its capture time is --now, else the record's
    WARC-Date, else the archive's own (a time stamp in its name)."""
    from feedline import inputs

    own = page_inputs([path], now=options.now)[0]
    for item in inputs.archive_pages(path):
        if isinstance(item, inputs.ArchivePage):
            if len(item.data) > options.max_page_bytes:
                yield _too_large(item.name, len(item.data), options, counts)
                continue
            yield archive_page(item, own), item.data
        elif isinstance(item, inputs.Skipped):
            counts.records_skipped += 1
            counts.reasons[item.reason] = counts.reasons.get(item.reason, 0) + 1
        else:
            counts.failed += 1
            yield error_row(path, "failed", item.message)


def _too_large(name: str, size: int, options: Options, counts: Counts) -> dict[str, Any]:
    counts.too_large += 1
    reason = "page over the size cap"
    counts.reasons[reason] = counts.reasons.get(reason, 0) + 1
    return error_row(name, "skipped", f"{reason}: {size:,} bytes > {options.max_page_bytes:,}")
