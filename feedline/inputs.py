"""Many inputs in, one `Timeline` per page out: paths, directories, manifests and web archives.

    collect(paths, manifests, globs) ──> sources ──> run(sources, ...) ──> Done | Skipped | Failed

`collect` turns the command line's inputs into a list of sources: files as given,
directories walked recursively (sorted, hidden entries left out) for files matching
`globs`, manifest files read for more paths (one a line, `#` comments). `run` reads
each source and extracts its pages in order:

- a page file (text or HTML) is one page, read by `pipeline.extract` as it would be alone;
- a web archive (WARC or ARC, gzipped or not, recognised from its first bytes whatever its
  name) gives one page per HTML response record, with `WARC-Target-URI` as the page's URL,
  `WARC-Date` as its capture time (unless `now` is given) and the HTTP charset honoured.
  Other records (requests, metadata, images, redirects...) are `Skipped`; a cut-off or
  corrupt archive ends in a `Failed` after every record before the damage.

`archive_pages` gives an archive's records without extracting them (`feedline ingest` stores
them its own way). A page that cannot be read is a `Failed` outcome, not an exception: the rest go on.
So is a page whose extraction raises anything unexpected (a bug; `errors.page_failure` names
the page and the exception), and a page whose worker process died. With `jobs` > 1 pages are extracted in a
process pool (spawned workers, results in input order); a run of one page never starts one.

warcio, concurrent.futures and multiprocessing are imported only when needed: the CLI
imports this module on every run, also for a single page.
"""
from __future__ import annotations

import fnmatch
import itertools
import os
import sys
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, time, timezone
from pathlib import Path
from typing import IO, TYPE_CHECKING

from feedline.errors import InputError, UsageError, outside_now_years, page_failure
from feedline.model import Entry, Timeline
from feedline.sniff import SNIFF as _SNIFF, is_archive, looks_like_archive, single_page

if TYPE_CHECKING:
    from concurrent.futures import Future

    from warcio.archiveiterator import ArchiveIterator
    from warcio.recordloader import ArcWarcRecord

__all__ = [
    "DEFAULT_GLOBS",
    "Done",
    "Failed",
    "Outcome",
    "Skipped",
    "ArchivePage",
    "Tally",
    "archive_pages",
    "collect",
    "is_archive",
    "looks_like_archive",
    "merge",
    "read_stdin",
    "resolved",
    "run",
    "single_page",
    "walk",
]

#: File names a directory is searched for when no --glob is given (case-insensitive).
DEFAULT_GLOBS: tuple[str, ...] = (
    "*.htm", "*.html", "*.xhtml", "*.shtml", "*.txt", "*.warc", "*.warc.gz", "*.arc", "*.arc.gz",
)
#: Media types of the archive records that are read as pages.
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
MAX_PAGE_BYTES = 50_000_000  # as read_page's default


# ── outcomes ─────────────────────────────────────────────────────────────────────────────────


@dataclass(frozen=True, slots=True)
class Done:
    """A page read and extracted."""

    timeline: Timeline


@dataclass(frozen=True, slots=True)
class Skipped:
    """An archive record that is not a page (a request, an image, a redirect...)."""

    name: str  # "crawl.warc.gz#1234"
    reason: str  # "request record", "image/png response", "HTTP 301 response"


@dataclass(frozen=True, slots=True)
class Failed:
    """An input, a page or the rest of an archive that could not be read."""

    message: str  # one line: what, where, what to try


Outcome = Done | Skipped | Failed


@dataclass(frozen=True, slots=True)
class ArchivePage:
    """An HTML response record of a web archive, not yet extracted (see `archive_pages`)."""

    name: str  # "crawl.warc.gz#1234": the archive and the record's offset
    data: bytes  # the HTTP payload, decoded from its Content-Encoding
    url: str | None  # WARC-Target-URI
    captured: datetime | None  # WARC-Date, aware (UTC when it has no offset); None when missing
    charset: str | None  # of the HTTP Content-Type


@dataclass(slots=True)
class Tally:
    """Counts of a run's outcomes, for the summary line."""

    pages: int = 0
    entries: int = 0
    skipped: int = 0
    failed: int = 0

    def add(self, outcome: Outcome) -> None:
        if isinstance(outcome, Done):
            self.pages += 1
            self.entries += len(outcome.timeline.entries)
        elif isinstance(outcome, Skipped):
            self.skipped += 1
        else:
            self.failed += 1

    def summary(self) -> str:
        """"28 pages, 412 entries, 3 skipped, 1 failed"."""
        return (f"{self.pages} page{'' if self.pages == 1 else 's'}, "
                f"{self.entries} entr{'y' if self.entries == 1 else 'ies'}, "
                f"{self.skipped} skipped, {self.failed} failed")


# ── collecting the inputs ────────────────────────────────────────────────────────────────────


def collect(paths: Sequence[str], manifests: Sequence[str] = (),
            globs: Sequence[str] | None = None) -> list[str]:
    """The sources to read, in order: `paths`, then the paths each manifest lists.

    Directories are walked recursively, in sorted order, for files whose name matches one
    of `globs` (default `DEFAULT_GLOBS`; case-insensitive); hidden files and directories
    are left out. Files named directly are always read. A manifest holds one path a line;
    blank lines and lines starting with `#` are ignored, relative paths are relative to
    the current directory (as `xargs` would read them), and a gzipped manifest
    (`warc.paths.gz`) is read as well.
    `"-"` is standard input: as a path, a page or archive; as a manifest, a list of paths.

    Raises `InputError` when a manifest cannot be read or nothing at all is left to read,
    `UsageError` when standard input is asked for twice.
    """
    patterns = tuple(p.lower() for p in (globs or DEFAULT_GLOBS))
    if list(paths).count("-") + list(manifests).count("-") > 1:
        raise UsageError("standard input ('-') can be read only once: pass it as one PATH or "
                         "one --manifest")
    sources: list[str] = []
    empty: list[str] = []  # what yielded nothing, for the error message
    for path in paths:
        found = _expand(path, patterns)
        sources += found
        if not found:
            empty.append(f"{path!r} holds no file matching {', '.join(patterns)}")
    for manifest in manifests:
        listed = _manifest(manifest)
        if not listed:
            empty.append(f"the manifest {manifest!r} lists no path")
        for path in listed:
            sources += _expand(path, patterns)
    if not sources:
        hint = "; pass --glob PATTERN to choose other files" if any("matching" in e for e in empty) else ""
        raise InputError(f"nothing to read: {'; '.join(empty) or 'no input given'}{hint}")
    return sources


def _expand(path: str, patterns: tuple[str, ...]) -> list[str]:
    """[path] for anything but a directory; a directory's matching files, sorted."""
    if path == "-" or not os.path.isdir(path):
        return [path]
    return list(walk(path, patterns))


def walk(folder: str, patterns: Sequence[str] | None = None, skip: Collection[Path] = ()) -> Iterator[str]:
    """The files under `folder`, recursively, in sorted order; hidden files and directories are
    left out, and so are the files in `skip` (resolved paths: `feedline ingest`'s database).
    With `patterns` (lowercase globs), only the files whose name matches one, case-insensitively
    (`feedline extract` looks for pages and archives; `ingest` takes every file). Symlinked
    directories are not followed. The one folder walker of both commands.
    """
    for root, dirs, files in os.walk(folder, onerror=None):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            if patterns is not None and not any(fnmatch.fnmatchcase(name.lower(), p) for p in patterns):
                continue
            path = os.path.join(root, name)
            if skip and resolved(Path(path)) in skip:
                continue
            yield path


def resolved(path: Path) -> Path:
    """`path` made absolute with its links resolved (as given when that fails)."""
    try:
        return path.resolve()
    except OSError:
        return path


def _manifest(manifest: str) -> list[str]:
    label = "the manifest on stdin" if manifest == "-" else f"the manifest {manifest!r}"
    if manifest == "-":
        data = read_stdin()
    else:
        try:
            with open(manifest, "rb") as file:
                data = file.read(MAX_PAGE_BYTES + 1)
        except OSError as error:
            raise InputError(f"cannot read {label}: {error.strerror or error}; check the path") from None
    if data.startswith(b"\x1f\x8b"):
        import gzip
        import zlib

        try:
            data = gzip.decompress(data)
        except (OSError, EOFError, zlib.error):
            raise InputError(f"cannot read {label}: it is gzip-compressed but damaged") from None
    if len(data) > MAX_PAGE_BYTES:
        raise InputError(f"{label} is larger than {MAX_PAGE_BYTES:,} bytes; split it")
    lines = (line.strip() for line in data.decode("utf-8", "surrogateescape").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


# ── recognising web archives ─────────────────────────────────────────────────────────────────


# ── running ──────────────────────────────────────────────────────────────────────────────────


@dataclass(frozen=True, slots=True)
class _Options:
    now: datetime | None
    tz: str | None
    lang: str | None
    keep_text: bool
    hidden: bool = False
    explain: bool = False


@dataclass(frozen=True, slots=True)
class _Task:
    """One page to extract: a path that the worker reads, or bytes read from an archive."""

    source: str | bytes
    name: str
    url: str | None = None
    captured: datetime | None = None  # WARC-Date
    charset: str | None = None  # of the HTTP Content-Type


def run(sources: Iterable[str], *, now: datetime | None = None, tz: str | None = None,
        lang: str | None = None, jobs: int = 1, keep_text: bool = True, hidden: bool = False,
        explain: bool = False) -> Iterator[Outcome]:
    """Extract every page of `sources` (see `collect`), yielding one outcome each, in order.

    `now`, `tz`, `lang`, `hidden` and `explain` are as for `pipeline.extract`; `now` applies to every page and
    wins over an archive's `WARC-Date`. `jobs` > 1 extracts in that many worker processes
    once there are two pages or more. `keep_text=False` drops each page's text from the
    timelines (the renderers do not use it; it saves memory and pickling).
    """
    options = _Options(now, tz, lang, keep_text, hidden, explain)
    items = _items(sources)
    if jobs > 1:
        ahead, enough = _look_ahead(items, 2)
        items = itertools.chain(ahead, items)
        if enough:
            yield from _in_pool(items, options, jobs)
            return
    for item in items:
        yield _extract(item, options) if isinstance(item, _Task) else item


def _items(sources: Iterable[str]) -> Iterator[_Task | Skipped | Failed]:
    for source in sources:
        if source == "-":
            try:
                data = read_stdin()
            except InputError as error:
                yield Failed(str(error))
                continue
            if looks_like_archive(data[:_SNIFF]):
                import io

                yield from _records(io.BytesIO(data), "-", len(data))
            else:
                yield _Task(data, "-")
        elif is_archive(source):
            yield from _archive_file(source)
        else:
            yield _Task(source, source)


def read_stdin() -> bytes:
    """All of standard input (a page, an archive or a manifest), up to 4 x MAX_PAGE_BYTES: the
    one place feedline reads it. `InputError` when there is none, it fails or it is larger."""
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise InputError("cannot read stdin: no binary stdin is available; pass a file path")
    try:
        data = stream.read(4 * MAX_PAGE_BYTES + 1)  # an archive may hold several pages
    except OSError as error:
        raise InputError(f"cannot read stdin: {error.strerror or error}; save the input to a "
                         "file and pass its path") from None
    if len(data) > 4 * MAX_PAGE_BYTES:
        raise InputError(f"stdin is larger than {4 * MAX_PAGE_BYTES:,} bytes; save it to a file "
                         "and pass its path")
    return data


def _look_ahead(items: Iterator[_Task | Skipped | Failed], tasks: int
                ) -> tuple[list[_Task | Skipped | Failed], bool]:
    """Items up to and including the `tasks`-th task, and whether there were that many."""
    ahead: list[_Task | Skipped | Failed] = []
    seen = 0
    for item in items:
        ahead.append(item)
        seen += isinstance(item, _Task)
        if seen == tasks:
            return ahead, True
    return ahead, False


def _extract(task: _Task, options: _Options) -> Done | Failed:
    """Read and extract one page (in a worker process with --jobs): `Failed` if unreadable."""
    from feedline.pipeline import extract

    try:
        if isinstance(task.source, str):  # a page file: exactly as `feedline extract PATH` reads it
            timeline = extract(Path(task.source), now=options.now, tz=options.tz, lang=options.lang,
                               hidden=options.hidden, explain=options.explain)
        else:
            from feedline.read import read_page

            page = read_page(task.source, name=task.name, lang=options.lang, charset=task.charset)
            if task.url:
                page = replace(page, url=task.url)
            now = options.now if options.now is not None else _capture_time(task.captured, options.tz)
            timeline = extract(page, now=now, tz=options.tz, lang=options.lang, hidden=options.hidden,
                               explain=options.explain)
    except InputError as error:
        return Failed(str(error))
    except Exception as error:  # noqa: BLE001 - one bad page must not stop the run
        return Failed(str(page_failure(task.name, error)))
    if not options.keep_text:
        timeline = replace(timeline, page=replace(timeline.page, text=""))
    return Done(timeline)


def _capture_time(moment: datetime | None, tz: str | None) -> datetime | None:
    """A WARC-Date as the capture time, None when it falls outside NOW_YEARS on the page's
    clock (converted to `tz`): 1900-01-01T00:00Z read in America/New_York is 1899."""
    if moment is None or tz is None:
        return moment
    from zoneinfo import ZoneInfo

    try:
        local = moment.astimezone(ZoneInfo(tz))
    except (ValueError, OSError, OverflowError, LookupError):
        return moment  # an unknown zone: extract says so
    return None if outside_now_years(local) else moment


def _in_pool(items: Iterator[_Task | Skipped | Failed], options: _Options, jobs: int
             ) -> Iterator[Outcome]:
    """`_extract` every task in `jobs` spawned processes; outcomes in input order.

    At most 4 x `jobs` pages are in flight, so a long archive is not read into memory ahead
    of the workers.
    """
    import multiprocessing
    from collections import deque
    from concurrent.futures import Future, ProcessPoolExecutor

    pool = ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("spawn"))
    pending: deque[tuple[Future[Done | Failed], str] | Skipped | Failed] = deque()
    in_flight = 0
    try:
        for item in items:
            if isinstance(item, _Task):
                pending.append((pool.submit(_extract, item, options), item.name))
                in_flight += 1
            else:
                pending.append(item)
            while pending and (in_flight >= 4 * jobs or not isinstance(pending[0], tuple)
                               or pending[0][0].done()):
                head = pending.popleft()
                if isinstance(head, tuple):
                    in_flight -= 1
                    head = _result(*head)
                yield head
        while pending:
            head = pending.popleft()
            yield _result(*head) if isinstance(head, tuple) else head
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _result(future: Future[Done | Failed], name: str) -> Done | Failed:
    """A worker's outcome; `Failed` when the worker died (killed, out of memory) or its result
    could not be sent back. After a death the pool is broken: the pages still in it fail too."""
    try:
        return future.result()
    except Exception as error:  # noqa: BLE001 - BrokenProcessPool, a pickling error...
        return Failed(str(page_failure(name, error)))


# ── web archives ─────────────────────────────────────────────────────────────────────────────


def archive_pages(source: str, data: bytes | None = None) -> Iterator[ArchivePage | Skipped | Failed]:
    """The records of the web archive at path `source` (or in `data`, named `source`), in order.

    An `ArchivePage` per HTML response record, a `Skipped` per other record (its name and
    why), and a `Failed` where a record's payload cannot be decoded or where the archive is
    cut off or corrupt (then nothing follows): the records `feedline extract` reads, for
    callers that extract them their own way (`feedline ingest`). Does not check that
    `source` is an archive (see `is_archive`, `looks_like_archive`).
    """
    import io

    items = _records(io.BytesIO(data), source, len(data)) if data is not None else _archive_file(source)
    for item in items:
        if isinstance(item, _Task):
            assert isinstance(item.source, bytes)
            yield ArchivePage(item.name, item.source, item.url, item.captured, item.charset)
        else:
            yield item


def _archive_file(path: str) -> Iterator[_Task | Skipped | Failed]:
    try:
        file = open(path, "rb")  # noqa: SIM115 - closed below, after the generator
    except OSError as error:
        yield Failed(f"cannot read {path!r}: {error.strerror or error}")
        return
    with file:
        yield from _records(file, path, os.fstat(file.fileno()).st_size)


def _records(stream: IO[bytes], archive: str, size: int | None) -> Iterator[_Task | Skipped | Failed]:
    """A task per HTML response record of a WARC/ARC stream, `Skipped` for the others, and a
    `Failed` (then the end) where the archive is cut off or corrupt."""
    import contextlib
    import io

    from warcio.archiveiterator import ArchiveIterator

    records = ArchiveIterator(stream, arc2warc=True)
    count = 0
    end = 0  # where the last whole record ends
    warnings = io.StringIO()  # warcio writes its warnings to stderr itself
    while True:
        try:
            with contextlib.redirect_stderr(warnings):
                read = _next_record(records)
        except Exception as error:  # noqa: BLE001 - see _next_record
            yield Failed(_damaged(archive, end, count, _reason(error)))
            return
        if read is None:
            break
        record, offset, skip, charset, payload = read
        missing = getattr(record.raw_stream, "limit", 0)
        if missing:
            yield Failed(_damaged(archive, offset, count, f"a record cut off {missing:,} bytes short"))
            return
        count += 1
        end = records.offset
        name = f"{archive}#{offset}"
        if payload is None:
            yield Skipped(name, skip or "")
        elif skip is not None:
            yield Failed(f"cannot read {name!r}: {skip}")
        else:
            uri = (record.rec_headers.get_header("WARC-Target-URI") or "").strip().strip("<>")
            yield _Task(payload, name, uri or None, _warc_date(record), charset)
    if warnings.getvalue():
        yield Failed(_damaged(archive, end, count, "a record's Content-Length does not match "
                              "its content"))
    elif size is not None and end < size and not _blank_tail(stream, end):
        yield Failed(_damaged(archive, end, count, "what follows is no readable record"))


def _next_record(records: ArchiveIterator
                 ) -> tuple[ArcWarcRecord, int, str | None, str | None, bytes | None] | None:
    """(record, offset, why skipped, HTTP charset, payload) of the next record, None at the end.

    The payload is None for a skipped record; for a page whose payload cannot be decoded
    (a bad Content-Encoding) it is b"" with the reason. Past warcio's boundary anything
    may be raised on a damaged archive (even AttributeError): the caller takes every
    exception to mean "unreadable from here on".
    """
    record = next(records, None)
    if record is None:
        return None
    if record.rec_type is None:
        raise ValueError("no record header")
    if not (record.rec_headers.get_header("Content-Length") or "").strip().isdigit():
        raise ValueError("a record header without Content-Length")  # mandatory: the header block is cut off
    skip, charset = _classify(record)
    payload = None
    if skip is None:
        try:
            payload = record.content_stream().read(MAX_PAGE_BYTES + 1)
        except Exception as error:  # noqa: BLE001 - a bad Content-Encoding, say
            payload, skip = b"", f"its payload cannot be decoded ({_reason(error)})"
    offset = records.get_record_offset()  # reads the rest of the record
    return record, offset, skip, charset, payload


def _classify(record: ArcWarcRecord) -> tuple[str | None, str | None]:
    """(why the record is skipped or None, the HTTP charset) for a WARC/ARC record."""
    kind = record.rec_type
    if kind == "response" and record.http_headers is not None:
        status = record.http_headers.get_statuscode() or "?"
        content_type = record.http_headers.get_header("Content-Type")
        if not status.startswith("2"):
            return f"HTTP {status} response", None
    elif kind in ("response", "resource"):
        content_type = record.rec_headers.get_header("Content-Type")
    else:
        return f"{kind} record", None
    media, charset = _media_type(content_type)
    if media not in HTML_TYPES:
        return f"{media or 'untyped'} {kind}", None
    return None, charset


def _media_type(content_type: str | None) -> tuple[str, str | None]:
    """("text/html", "utf-8") from "text/html; charset=UTF-8"."""
    media, *parameters = (content_type or "").split(";")
    charset = None
    for parameter in parameters:
        key, _, value = parameter.partition("=")
        if key.strip().lower() == "charset":
            charset = value.strip().strip("\"'") or None
    return media.strip().lower(), charset


def _warc_date(record: ArcWarcRecord) -> datetime | None:
    """WARC-Date as an aware datetime (UTC), or None when missing or unreadable."""
    value = (record.rec_headers.get_header("WARC-Date") or "").strip()
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    if outside_now_years(moment):
        return None  # no capture time rather than one nothing can be computed with
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=timezone.utc)


def _blank_tail(stream: IO[bytes], end: int) -> bool:
    """True if all after `end` is white space or NUL padding (or cannot be looked at)."""
    try:
        stream.seek(end)
        tail = stream.read(1 << 16)
    except (OSError, ValueError):
        return True
    return len(tail) < 1 << 16 and not tail.strip(b" \t\r\n\x00")


def _reason(error: Exception) -> str:
    text = " ".join(str(error).split())
    if "non-chunked gzip" in text:
        return ("it is one gzip stream, not one gzip member per record "
                "(re-compress it with `warcio recompress`)")
    return f"{type(error).__name__}: {text[:100]}" if text else type(error).__name__


def _damaged(archive: str, offset: int, count: int, reason: str) -> str:
    records = {0: "no record before it", 1: "the record before it was read"}.get(
        count, f"the {count} records before it were read")
    return f"web archive {archive!r} is cut off or corrupt at offset {offset}: {reason}; {records}"


# ── merging ──────────────────────────────────────────────────────────────────────────────────


def merge(timelines: Sequence[Timeline]) -> list[tuple[int, Entry]]:
    """All entries of `timelines` as (timeline index, entry), in one chronological order.

    Entries with a datetime come first, by the instant when it has a UTC offset, else by
    the wall-clock reading as if it were UTC (a floating time has no better place); then
    entries with a date but no time, at midnight; then year-less dates (by month, day and
    time); then undated entries. Ties keep input order, then each timeline's own order.
    """
    keyed = []
    for index, timeline in enumerate(timelines):
        for order, entry in enumerate(timeline.entries):
            keyed.append((_moment(entry), index, order, entry))
    keyed.sort(key=lambda item: item[:3])
    return [(index, entry) for _, index, _, entry in keyed]


def _moment(entry: Entry) -> tuple[int, datetime]:
    moment = entry.datetime
    if moment is not None:
        if moment.tzinfo is not None:
            try:
                moment = moment.astimezone(timezone.utc).replace(tzinfo=None)
            except OverflowError:  # within a day of year 1 or 9999: its wall clock will do
                moment = moment.replace(tzinfo=None)
        return 0, moment
    clock = entry.local_time or time(0, 0)
    fix = entry.date
    if fix.local_date is not None:
        return 0, datetime.combine(fix.local_date, clock)
    if fix.month_day is not None:
        return 1, datetime(2000, *fix.month_day, clock.hour, clock.minute)  # 2000: a leap year
    return 2, datetime.min
