"""The timeline store: many scrapes of the same feeds, kept as one deduplicated timeline in SQLite.

    page_inputs(paths) ──> PageInput ──> ingest_pages(store, pages, extract) ──> Store.entries(Query)
                                         │ one transaction per page
                                         ▼
              pages · entries · revisions · sightings · sources · runs  (+ entries_fts)

A cron job scrapes the same feeds again and again; each scrape shows the newest few entries.
`Store.add_page` matches every entry of a page against what is stored (the identity rule in
docs/store.md): the same entry in a hundred snapshots is one row, an edited entry keeps one
row and gains a revision, two entries with the same minute stay two. Each entry keeps the
best-supported date of all its sightings, plus one date of the store's own: an entry first
seen on a capture and absent from the one before it was posted in between.

This is the only module that holds SQL. It imports no extraction stage: the caller passes
`extract` (a function of bytes, page name and capture time) to `ingest_pages`.

Errors (defined in `feedline.errors`): `StoreError` (exit 1) for a file that is not a feedline
store, or one written by a newer feedline (refused before anything is written);
`StoreBusyError` (exit 75) when another process holds the write lock for longer than the wait.
A page whose extraction raises anything else is that page's failure (`ExtractionError`): it
is recorded in the run (`run_failures`) and the other pages go on.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta, timezone
from difflib import SequenceMatcher
from enum import StrEnum
from pathlib import Path, PurePath
from typing import Any
from urllib.parse import quote

from feedline.errors import NOW_YEARS, FeedlineError, InputError, StoreBusyError, StoreError, page_failure, outside_now_years
from feedline.model import DateBasis, DateFix, DateStatus, Entry, Role, Source, Stamp, StampKind, Timeline

SCHEMA_VERSION = 4  # PRAGMA user_version written by the last migration in MIGRATIONS

SIMILAR = 0.9  # difflib ratio of the first COMPARE_CHARS folded characters: an edit of the same entry
COMPARE_CHARS = 200
PREFIX_MIN = 40  # a text that starts (or holds) another this long is that one, updated
CONFIDENT = 0.85  # readings at least this sure may keep two identical texts apart (recurrence)
WINDOW_CONFIDENCE = 0.9  # "first seen on this capture, absent from the one before"

_STATUS_RANK = {DateStatus.EXACT: 3, DateStatus.INFERRED: 2, DateStatus.PARTIAL: 1, DateStatus.UNKNOWN: 0}
_SPACES = re.compile(r"\s+")


# ── capture times and page identity ─────────────────────────────────────────────────────────


class CaptureSource(StrEnum):
    NOW = "now"  # --now
    NAME = "name"  # a time stamp in the file name
    MTIME = "mtime"  # the file's modification time (--capture-from mtime)
    WARC = "warc-date"  # a web archive record's WARC-Date (feedline.store_cli reads archives)
    HTTP = "http-date"  # a fetched page's Date header (feedline.fetch)
    FETCHED = "fetched"  # a fetched page without a Date header: this machine's clock when it came
    NONE = "none"  # unknown: the page is read in blind mode


_OFFSET = r"(?P<off>Z|[+-]\d{2}:?\d{2})?"
_NAME_STAMPS = (
    # 2023-10-03T1800, 2023-10-03T18:05, 2023-10-03_18-05-30, 2023-10-03T18:05Z
    re.compile(r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})[T_ ](?P<H>\d{2})[:.h-]?(?P<M>\d{2})"
               r"(?:[:.-]?(?P<S>\d{2}))?" + _OFFSET + r"(?!\d)"),
    # 20231003-180500, 20231003T1805
    re.compile(r"(?<!\d)(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})[T_-]?(?P<H>\d{2})(?P<M>\d{2})(?P<S>\d{2})?"
               + _OFFSET + r"(?!\d)"),
)
_UNIX_STAMP = re.compile(r"(?<!\d)1\d{9}(?!\d)")  # unix seconds, 2001-09-09 to 2033-05-18
_EXTENSION = re.compile(r"\.[A-Za-z][A-Za-z0-9]{0,5}$")


def name_stamp(name: str) -> tuple[datetime, tuple[int, int]] | None:
    """The capture time a file name carries, and its span in the name's last component.

    Naive for the calendar forms (the page's wall clock), aware with the printed offset for
    calendar forms that carry one, aware in this machine's zone for unix seconds.
    """
    base = PurePath(name).name
    for pattern in _NAME_STAMPS:
        for match in pattern.finditer(base):
            moment = _calendar_stamp(match)
            if moment is not None:
                return moment, match.span()
    match = _UNIX_STAMP.search(base)
    if match:  # an instant without a zone: this machine's clock, as `date` names files
        return datetime.fromtimestamp(int(match.group()), timezone.utc).astimezone(), match.span()
    return None


def _calendar_stamp(match: re.Match[str]) -> datetime | None:
    parts = [int(match.group(g) or 0) for g in ("y", "m", "d", "H", "M", "S")]
    if not NOW_YEARS[0] <= parts[0] <= NOW_YEARS[1]:
        return None  # no capture time: a page captured then is not read (nor stored) as such
    try:
        moment = datetime(*parts)
    except ValueError:
        return None
    offset = match.group("off")
    if offset:
        sign = -1 if offset[0] == "-" else 1
        digits = offset[1:].replace(":", "") if offset != "Z" else "0000"
        minutes = sign * (int(digits[:2]) * 60 + int(digits[2:]))
        moment = moment.replace(tzinfo=timezone(timedelta(minutes=minutes)))
    return moment


def page_key(name: str, url: str | None = None) -> str:
    """A page's identity across scrapes: its URL, else its file name without the time stamp.

    "snap/bloomberg-2023-10-03T1800.html" -> "bloomberg"; a name that is only a time stamp
    ("snap/2023-10-03T1800.html") takes its folder's name ("snap"); stdin is "-".
    """
    if url:
        return url.strip()
    if name == "-":
        return "-"
    path = PurePath(name)
    base = path.name
    found = name_stamp(base)
    if found:
        start, end = found[1]
        base = base[:start] + " " + base[end:]
    stem = _EXTENSION.sub("", base.strip()).strip(" -_.")
    return stem or path.parent.name or "-"


@dataclass(frozen=True, slots=True)
class PageInput:
    """One page to ingest: where it comes from and when it was captured (None: unknown).

    A web archive's HTML response record comes in as ``PageInput("crawl.warc.gz#1234",
    <WARC-Date>, CaptureSource.WARC, data=<payload>, url=<WARC-Target-URI>)`` (built by
    feedline.store_cli, which reads archives with feedline.inputs: this module reads none);
    everything downstream is the same as for files.
    """

    name: str  # the path as given, or "-" for stdin
    captured_at: datetime | None
    capture_source: CaptureSource
    data: bytes | None = None  # the page itself, when it is not read from `name`
    url: str | None = None  # the page's URL when the page does not name one (page identity)

    def read(self) -> bytes:
        if self.data is not None:
            return self.data
        if self.name == "-":
            stream = getattr(sys.stdin, "buffer", None)
            if stream is None:
                raise InputError("cannot read stdin: no binary stdin is available; pass a file path")
            return stream.read()
        try:
            return Path(self.name).read_bytes()
        except OSError as error:
            raise InputError(f"cannot read {self.name!r}: {error.strerror or error}; check the path") from None


def page_inputs(paths: Iterable[str], *, now: datetime | None = None, mtime: bool = False,
           skip: Iterable[Path] = ()) -> list[PageInput]:
    """The pages under `paths` (files, folders recursively, "-"), oldest capture first.

    Capture time per page: `now`, else a time stamp in the file name, else (with `mtime`)
    the file's modification time, else unknown. Hidden files and the `skip` files (the
    database itself) are left out of folders. Missing paths are kept: reading them fails.
    """
    excluded = {_resolved(p) for p in skip}
    return by_capture(PageInput(name, *_capture(name, now, mtime)) for name in _walk(paths, excluded))


def by_capture(pages: Iterable[PageInput]) -> list[PageInput]:
    """`pages` oldest capture first (by instant when aware), then those without one; ties by name."""
    return sorted(pages, key=capture_key)


def _walk(paths: Iterable[str], excluded: set[Path]) -> Iterator[str]:
    for name in paths:
        if name != "-" and os.path.isdir(name):
            for folder, dirs, files in os.walk(name):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for file in sorted(f for f in files if not f.startswith(".")):
                    path = os.path.join(folder, file)
                    if _resolved(Path(path)) not in excluded:
                        yield path
        else:
            yield name


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:
        return path


def _capture(name: str, now: datetime | None, mtime: bool) -> tuple[datetime | None, CaptureSource]:
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


def capture_key(page: PageInput) -> tuple:
    """The sort key of `by_capture`: (0, UTC instant or naive wall clock, name), or (1, "", name)."""
    moment = page.captured_at
    if moment is None:
        return (1, "", page.name)
    instant = moment.astimezone(timezone.utc).replace(tzinfo=None) if moment.tzinfo else moment
    return (0, instant.isoformat(), page.name)


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


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# ── text identity ───────────────────────────────────────────────────────────────────────────


def text_hash(headline: str | None, text: str) -> str:
    """A revision's identity: headline and text with whitespace runs made one space."""
    return hashlib.sha1(f"{_squash(headline or '')}\x1f{_squash(text)}".encode()).hexdigest()


def fold(headline: str | None, text: str) -> str:
    """Headline and text as compared for edits: casefolded, whitespace made one space."""
    return _squash(f"{headline or ''} {text}").casefold()


def similarity(a: str, b: str) -> float:
    """How alike two folded texts are: 1 equal, 0.99 one holds the other, else a difflib ratio
    of their openings; 0 when the shorter is under PREFIX_MIN characters ("Sirens in the north."
    and "... south." differ by one word, like a typo: too short to tell)."""
    if a == b:
        return 1.0
    short, long = sorted((a, b), key=len)
    if len(short) < PREFIX_MIN:
        return 0.0
    if short in long:
        return 0.99
    return SequenceMatcher(None, a[:COMPARE_CHARS], b[:COMPARE_CHARS], autojunk=False).ratio()


def _squash(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


# ── dates ───────────────────────────────────────────────────────────────────────────────────


@dataclass(frozen=True, slots=True)
class Reading:
    """One date an entry was given: by a page (a sighting) or by the store (the window)."""

    status: DateStatus
    local_date: str | None  # DateFix.iso
    confidence: float
    evidence: tuple[str, ...]
    seen: str | None  # capture of the earliest page that gave it (None: blind pages only)
    datetime: str | None
    basis: DateBasis = DateBasis.NONE
    by_page: bool = True


def best_reading(readings: Iterable[Reading]) -> Reading:
    """The best-supported date: exact > inferred > partial > unknown, then the highest
    confidence, then the earliest capture (a fresher page guesses less: on a later one the
    entry sits further from the capture time, behind more rollovers), page before store.

    Of the dates read back from a capture time, only the earliest capture's count: every
    silence between the entry and that capture also lies before any later one, so a later
    page cannot know better (and a page too far from the entry says "unknown" for a reason).
    """
    readings = list(readings)
    walked = [r.seen or "~" for r in readings if r.basis is DateBasis.CAPTURE]
    if walked:
        first = min(walked)
        readings = [r for r in readings if r.basis is not DateBasis.CAPTURE or (r.seen or "~") == first]
    return min(readings, key=lambda r: (
        -_STATUS_RANK[r.status], -round(r.confidence, 2), r.seen or "~", not r.by_page,
        r.local_date or "", r.evidence,
    ))


def window_day(first: datetime, before: datetime, clock: time) -> date | None:
    """The day an entry with `clock` was posted, if it is first seen on the capture `first`
    and absent from the capture `before`: the only day on which the clock falls between them."""
    if not before < first < before + timedelta(days=1):
        return None
    day = first.date() if datetime.combine(first.date(), clock) <= first else first.date() - timedelta(days=1)
    return day if datetime.combine(day, clock) > before else None


def _wall(iso: str) -> datetime:
    return datetime.fromisoformat(iso).replace(tzinfo=None)


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat(timespec="seconds") if moment is not None else None


# ── schema ──────────────────────────────────────────────────────────────────────────────────

# The triggers that keep the external-content full-text index in step with `entries` (the
# same in schema 1 and in the index rebuilt by migration 4).
_FTS_TRIGGERS = """
CREATE TRIGGER entries_fts_insert AFTER INSERT ON entries BEGIN
    INSERT INTO entries_fts(rowid, headline, text) VALUES (new.id, new.headline, new.text);
END;
CREATE TRIGGER entries_fts_delete AFTER DELETE ON entries BEGIN
    INSERT INTO entries_fts(entries_fts, rowid, headline, text) VALUES ('delete', old.id, old.headline, old.text);
END;
CREATE TRIGGER entries_fts_update AFTER UPDATE OF headline, text ON entries BEGIN
    INSERT INTO entries_fts(entries_fts, rowid, headline, text) VALUES ('delete', old.id, old.headline, old.text);
    INSERT INTO entries_fts(rowid, headline, text) VALUES (new.id, new.headline, new.text);
END;
"""

_SCHEMA_V1 = """
CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,           -- UTC
    finished_at TEXT,                   -- NULL: still running, or killed
    status TEXT NOT NULL,               -- running (or killed) | done | busy | failed | interrupted
    feedline_version TEXT NOT NULL,
    arguments TEXT NOT NULL,            -- JSON list
    pages_added INTEGER NOT NULL DEFAULT 0,
    pages_skipped INTEGER NOT NULL DEFAULT 0,
    pages_blind INTEGER NOT NULL DEFAULT 0,
    pages_failed INTEGER NOT NULL DEFAULT 0,
    entries_new INTEGER NOT NULL DEFAULT 0,
    entries_edited INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE pages (
    id INTEGER PRIMARY KEY,
    feed TEXT NOT NULL,                 -- page identity: URL, else file name without time stamp
    path TEXT NOT NULL,
    url TEXT,
    title TEXT,
    content_hash TEXT NOT NULL,         -- sha256 of the bytes
    captured_at TEXT,                   -- the page's wall clock (offset if known); NULL: blind
    capture_source TEXT NOT NULL,       -- now | name | mtime | warc-date | none
    tz TEXT,
    entries INTEGER NOT NULL,           -- entries found on the page
    new_entries INTEGER NOT NULL DEFAULT 0,
    run_id INTEGER REFERENCES runs(id),
    ingested_at TEXT NOT NULL           -- UTC
);
CREATE INDEX pages_content ON pages(content_hash);
CREATE INDEX pages_feed_capture ON pages(feed, captured_at);
CREATE TABLE entries (
    id INTEGER PRIMARY KEY,
    uid TEXT UNIQUE,                    -- the stable id of exports
    feed TEXT NOT NULL,
    clock TEXT,                         -- HH:MM as printed (NULL: only relative stamps)
    local_date TEXT,                    -- YYYY-MM-DD, --MM-DD (year unknown) or NULL
    local_time TEXT,
    datetime TEXT,                      -- with offset when the zone is known, else floating
    zone TEXT,                          -- zone label as printed
    tz TEXT,                            -- --tz of the latest page
    headline TEXT,
    text TEXT NOT NULL,
    stamp_text TEXT NOT NULL,
    stamp_kind TEXT NOT NULL,
    relative_minutes REAL,
    date_status TEXT NOT NULL,
    confidence REAL NOT NULL,
    evidence TEXT NOT NULL,             -- JSON list
    first_seen TEXT,
    last_seen TEXT,
    times_seen INTEGER NOT NULL DEFAULT 0,
    revisions INTEGER NOT NULL DEFAULT 1,
    revision_id INTEGER,                -- the text shown now
    region INTEGER NOT NULL DEFAULT 0,  -- feed region index on the latest page
    span_start INTEGER NOT NULL DEFAULT 0,
    span_end INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX entries_feed_clock ON entries(feed, clock);
CREATE INDEX entries_feed_first ON entries(feed, first_seen);
CREATE INDEX entries_day ON entries(local_date, local_time);
CREATE TABLE revisions (
    id INTEGER PRIMARY KEY,
    entry_id INTEGER NOT NULL REFERENCES entries(id),
    text_hash TEXT NOT NULL,
    headline TEXT,
    text TEXT NOT NULL,
    first_seen TEXT,
    last_seen TEXT,
    times_seen INTEGER NOT NULL DEFAULT 0,
    UNIQUE (entry_id, text_hash)
);
CREATE INDEX revisions_hash ON revisions(text_hash);
CREATE TABLE sightings (
    id INTEGER PRIMARY KEY,
    entry_id INTEGER NOT NULL REFERENCES entries(id),
    revision_id INTEGER NOT NULL REFERENCES revisions(id),
    reading TEXT NOT NULL,              -- what makes two sightings alike
    stamp_text TEXT NOT NULL,           -- as printed
    stamp_kind TEXT NOT NULL,
    clock TEXT,
    relative_minutes REAL,
    zone TEXT,
    local_date TEXT,
    datetime TEXT,
    date_status TEXT NOT NULL,
    confidence REAL NOT NULL,
    evidence TEXT NOT NULL,             -- JSON list, from the earliest page
    first_page_id INTEGER NOT NULL REFERENCES pages(id),
    last_page_id INTEGER NOT NULL REFERENCES pages(id),
    first_seen TEXT,
    last_seen TEXT,
    times_seen INTEGER NOT NULL DEFAULT 0,
    region INTEGER NOT NULL,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    UNIQUE (entry_id, reading)
);
CREATE TABLE sources (
    id INTEGER PRIMARY KEY,
    entry_id INTEGER NOT NULL REFERENCES entries(id),
    revision_id INTEGER NOT NULL REFERENCES revisions(id),
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    canonical TEXT NOT NULL,
    role TEXT NOT NULL,
    cue TEXT NOT NULL,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL
);
CREATE INDEX sources_revision ON sources(revision_id, position);
CREATE INDEX sources_entry ON sources(entry_id);
CREATE VIEW entry_sources AS
    SELECT e.uid, e.feed, e.local_date, e.local_time, s.name, s.canonical, s.role, s.cue
    FROM sources s JOIN entries e ON s.revision_id = e.revision_id;
CREATE VIRTUAL TABLE entries_fts USING fts5(headline, text, content='entries', content_rowid='id');
""" + _FTS_TRIGGERS

# 2: what each date rests on (model.DateBasis); rows of version 1 read "none".
_DATE_BASIS_V2 = """
ALTER TABLE sightings ADD COLUMN date_basis TEXT NOT NULL DEFAULT 'none';
ALTER TABLE entries ADD COLUMN date_basis TEXT NOT NULL DEFAULT 'none';
"""

# 3: which process runs an ingest (a run whose process is gone is marked abandoned), and the
# pages each run could not ingest, with the reason.
_RUN_FAILURES_V3 = """
ALTER TABLE runs ADD COLUMN pid INTEGER;
ALTER TABLE runs ADD COLUMN host TEXT;
CREATE TABLE run_failures (
    id INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES runs(id),
    path TEXT NOT NULL,                 -- the page, archive record or input as named
    reason TEXT NOT NULL,               -- the one-line error
    failed_at TEXT NOT NULL             -- UTC
);
CREATE INDEX run_failures_run ON run_failures(run_id);
"""

# 4: the full-text index declared as Datasette and sqlite-utils detect it (`content="entries"`,
# double quotes: they look for that or `content=[entries]`, not single quotes), rebuilt from
# `entries`; what each fetched URL answered last (its validators for conditional requests);
# how many fetched pages of a run were unchanged (HTTP 304).
_DETECTED_FTS_V4 = """
DROP TRIGGER entries_fts_insert;
DROP TRIGGER entries_fts_delete;
DROP TRIGGER entries_fts_update;
DROP TABLE entries_fts;
CREATE VIRTUAL TABLE entries_fts USING fts5(headline, text, content="entries", content_rowid="id");
""" + _FTS_TRIGGERS + """INSERT INTO entries_fts(entries_fts) VALUES ('rebuild');
CREATE TABLE fetches (
    url TEXT PRIMARY KEY,               -- as requested
    final_url TEXT,                     -- after redirects
    status INTEGER,                     -- HTTP status of the last answer (304: unchanged)
    etag TEXT,                          -- validators of the last 200, sent back as If-None-Match
    last_modified TEXT,                 -- ... and If-Modified-Since
    content_hash TEXT,                  -- sha256 of the last 200's body
    fetched_at TEXT NOT NULL,           -- UTC, the last answer
    changed_at TEXT,                    -- UTC, the last 200
    times_fetched INTEGER NOT NULL DEFAULT 0,
    times_unchanged INTEGER NOT NULL DEFAULT 0
);
ALTER TABLE runs ADD COLUMN pages_unchanged INTEGER NOT NULL DEFAULT 0;
"""

#: Ordered migrations: MIGRATIONS[i] takes a store from user_version i to i + 1.
MIGRATIONS: tuple[str, ...] = (_SCHEMA_V1, _DATE_BASIS_V2, _RUN_FAILURES_V3, _DETECTED_FTS_V4)
#: The oldest schema `view` and `export` read without migrating (they open the store read-only).
READABLE_FROM = 2
#: A run of a store older than version 3 (no pid) left `running` this long ago is abandoned.
ABANDONED_AFTER = timedelta(days=1)
assert len(MIGRATIONS) == SCHEMA_VERSION


def _statements(script: str) -> Iterator[str]:
    """The SQL statements of `script`, trigger bodies kept whole."""
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            yield pending.strip()
            pending = ""
    if pending.strip():
        yield pending.strip()


# ── results ─────────────────────────────────────────────────────────────────────────────────


@dataclass(frozen=True, slots=True)
class PageResult:
    skipped: bool = False  # already stored (same bytes, same capture time)
    blind: bool = False
    entries: int = 0
    new: int = 0
    edited: int = 0  # matched entries whose text was new
    unchanged: bool = False  # a fetched page the server said was unchanged (HTTP 304): nothing stored


@dataclass(frozen=True, slots=True)
class Query:
    since: str | None = None  # YYYY-MM-DD or YYYY-MM-DDTHH:MM, inclusive
    until: str | None = None
    source: str | None = None  # a part of a source's name or canonical name
    search: str | None = None  # an FTS5 query over headline and text
    feed: str | None = None  # one feed key


@dataclass(frozen=True, slots=True)
class StoredEntry:
    """An entry as stored: a model `Entry` (its id is the stable uid) and what the store adds."""

    entry: Entry
    feed_key: str
    first_seen: str | None
    last_seen: str | None
    times_seen: int
    revisions: int


@dataclass(frozen=True, slots=True)
class _Sighting:
    """An entry of the page being ingested, ready to match."""

    entry: Entry
    text_hash: str
    folded: str
    clock: str | None
    relative: bool


@dataclass(frozen=True, slots=True)
class _PageRow:
    id: int
    feed: str
    captured_at: str | None
    tz: str | None


# ── the store ───────────────────────────────────────────────────────────────────────────────


class Store:
    """An open feedline store. Use `Store.open` (a context manager closes it)."""

    def __init__(self, conn: sqlite3.Connection, path: str) -> None:
        self.conn = conn
        self.path = path
        self.readonly = False

    # opening ---------------------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | os.PathLike[str], *, wait: float = 30.0, create: bool = True,
             readonly: bool = False) -> Store:
        """Open (and create or migrate) the store at `path`, waiting up to `wait` seconds for locks.

        `readonly` (for `view` and `export`) opens an existing store without writing anything:
        SQLite's `mode=ro`, or `immutable=1` when that cannot open it (the store's folder is not
        writable, so the WAL's shared-memory file cannot be made; see `_open_readonly`).
        """
        shown = os.fspath(path)
        if (readonly or not create) and not os.path.exists(shown):
            raise InputError(f"no such database: {shown!r}; create it with 'feedline ingest --db {shown} PATHS'")
        if readonly:
            return cls._open_readonly(shown, wait)
        try:
            conn = sqlite3.connect(shown, timeout=max(wait, 0.0), isolation_level=None)
        except sqlite3.Error as error:
            raise InputError(f"cannot open {shown!r}: {error}; check the path and its folder") from None
        return cls._prepared(conn, shown, readonly=False)

    @classmethod
    def _open_readonly(cls, shown: str, wait: float) -> Store:
        """`mode=ro` first: it sees the WAL's latest commits. It needs to create or write the
        `-shm` file beside the database; where the folder forbids that, `immutable=1` reads the
        main file alone (commits still in the WAL are not seen until a writer checkpoints)."""
        uri = "file:" + quote(os.path.abspath(shown))
        attempts = ("mode=ro", "immutable=1") if _folder_writable(shown) else ("immutable=1",)
        failure: FeedlineError | None = None
        for query in attempts:
            try:
                conn = _connect(f"{uri}?{query}", wait)
            except sqlite3.Error as error:
                failure = InputError(f"cannot open {shown!r}: {error}; check the path and its folder")
                continue
            try:
                return cls._prepared(conn, shown, readonly=True)
            except StoreError as error:  # "unable to open database file": the -shm cannot be made
                failure = error
        assert failure is not None
        raise failure

    @classmethod
    def _prepared(cls, conn: sqlite3.Connection, shown: str, *, readonly: bool) -> Store:
        store = cls(conn, shown)
        store.readonly = readonly
        try:
            store._prepare()
        except BaseException:
            conn.close()
            raise
        return store

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    def _prepare(self) -> None:
        with self._errors():
            version = self._version()  # read before anything is written
            if self.readonly:
                if version < READABLE_FROM:
                    raise StoreError(f"{self.path!r} is a store of schema version {version}: run "
                                     "'feedline ingest' on it once to upgrade it, then read it")
                return
            self.conn.execute("PRAGMA foreign_keys = ON")
            if version < SCHEMA_VERSION:
                self.conn.execute("PRAGMA journal_mode = WAL")
                self._migrate()
            self.conn.execute("PRAGMA synchronous = NORMAL")

    def _version(self) -> int:
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path!r} is a store of schema version {version}, written by a newer feedline "
                f"(this one knows up to {SCHEMA_VERSION}); upgrade feedline to use it. The file was not changed."
            )
        if version == 0 and self.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            raise StoreError(f"{self.path!r} is an SQLite database but not a feedline store; pass another --db")
        return version

    def _migrate(self) -> None:
        with self.transaction():
            version = self._version()  # another process may have migrated meanwhile
            for number in range(version, SCHEMA_VERSION):
                for statement in _statements(MIGRATIONS[number]):
                    self.conn.execute(statement)
                self.conn.execute(f"PRAGMA user_version = {number + 1}")

    @contextmanager
    def _errors(self) -> Iterator[None]:
        """sqlite3's errors as feedline's: busy (75), not a database (1)."""
        try:
            yield
        except sqlite3.OperationalError as error:
            if "locked" in str(error) or "busy" in str(error):
                raise StoreBusyError(
                    f"{self.path!r} is busy: another process holds its write lock; try again later or raise --wait"
                ) from None
            raise StoreError(f"{self.path!r}: {error}") from None
        except sqlite3.DatabaseError as error:
            raise StoreError(f"{self.path!r} is not a usable feedline store: {error}") from None

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction (BEGIN IMMEDIATE: waits for the lock, then holds it)."""
        with self._errors():
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")

    # runs ------------------------------------------------------------------------------------

    def start_run(self, arguments: list[str], version: str) -> int:
        """A new `runs` row, status `running`; runs that died before they finished (their
        process is gone) are marked `abandoned` first."""
        with self.transaction():
            self._abandon_dead_runs()
            cursor = self.conn.execute(
                "INSERT INTO runs (started_at, status, feedline_version, arguments, pid, host) "
                "VALUES (?, 'running', ?, ?, ?, ?)",
                (_utc_now(), version, json.dumps(arguments, ensure_ascii=False), os.getpid(), _host()),
            )
        return int(cursor.lastrowid or 0)

    def _abandon_dead_runs(self) -> None:
        """`running` runs whose process is known to be gone become `abandoned`: those of this
        host whose pid no longer exists, and those without a pid (an older store) started more
        than ABANDONED_AFTER ago. Runs of other hosts are left alone (their pids mean nothing here)."""
        host = _host()
        cutoff = (datetime.now(timezone.utc) - ABANDONED_AFTER).isoformat(timespec="seconds")
        dead = [run_id for run_id, pid, run_host, started in self.conn.execute(
                    "SELECT id, pid, host, started_at FROM runs WHERE status = 'running'").fetchall()
                if (pid is None and started < cutoff) or (pid is not None and run_host == host and not _alive(pid))]
        for run_id in dead:
            self.conn.execute("UPDATE runs SET status = 'abandoned' WHERE id = ?", (run_id,))

    def record_failure(self, run_id: int, path: str, reason: str) -> None:
        """One page (or input) the run could not ingest, and why (a `run_failures` row)."""
        with self.transaction():
            self.conn.execute("INSERT INTO run_failures (run_id, path, reason, failed_at) VALUES (?, ?, ?, ?)",
                              (run_id, path, reason, _utc_now()))

    def finish_run(self, run_id: int, status: str, results: list[PageResult], failed: int) -> None:
        added = [r for r in results if not r.skipped and not r.unchanged]
        totals = (
            len(added), sum(r.skipped for r in results), sum(r.blind for r in added), failed,
            sum(r.new for r in results), sum(r.edited for r in results), sum(r.unchanged for r in results),
        )
        with self.transaction():
            self.conn.execute(
                "UPDATE runs SET finished_at = ?, status = ?, pages_added = ?, pages_skipped = ?, "
                "pages_blind = ?, pages_failed = ?, entries_new = ?, entries_edited = ?, pages_unchanged = ? "
                "WHERE id = ?",
                (_utc_now(), status, *totals, run_id),
            )

    # fetched URLs ----------------------------------------------------------------------------

    def validators(self, url: str) -> tuple[str | None, str | None]:
        """The ETag and Last-Modified of the last 200 fetched from `url` (None, None: never fetched)."""
        with self._errors():
            row = self.conn.execute("SELECT etag, last_modified FROM fetches WHERE url = ?", (url,)).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def record_fetch(self, url: str, *, final_url: str, status: int, etag: str | None = None,
                     last_modified: str | None = None, digest: str | None = None) -> None:
        """What `url` answered: a 200 (its validators and body hash replace the old ones) or a
        304 (counted as unchanged; the validators stay)."""
        now = _utc_now()
        changed = status != 304
        with self.transaction():
            self.conn.execute(
                "INSERT INTO fetches (url, final_url, status, etag, last_modified, content_hash, fetched_at, "
                "changed_at, times_fetched, times_unchanged) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?) "
                "ON CONFLICT (url) DO UPDATE SET final_url = excluded.final_url, status = excluded.status, "
                "fetched_at = excluded.fetched_at, times_fetched = times_fetched + 1, "
                "times_unchanged = times_unchanged + excluded.times_unchanged, "
                + ("etag = excluded.etag, last_modified = excluded.last_modified, content_hash = excluded.content_hash, "
                   "changed_at = excluded.changed_at" if changed else
                   "etag = coalesce(excluded.etag, etag), last_modified = coalesce(excluded.last_modified, last_modified)"),
                (url, final_url, status, etag, last_modified, digest, now, now if changed else None, int(not changed)),
            )

    # ingesting -------------------------------------------------------------------------------

    def has_page(self, digest: str, captured_at: str | None) -> bool:
        """True when these bytes, captured at this time, are stored already."""
        with self._errors():
            return self.conn.execute(
                "SELECT 1 FROM pages WHERE content_hash = ? AND captured_at IS ? LIMIT 1", (digest, captured_at)
            ).fetchone() is not None

    def add_page(self, timeline: Timeline, *, name: str, digest: str, source: CaptureSource,
                 feed: str | None = None, url: str | None = None, run_id: int | None = None) -> PageResult:
        """Store one extracted page and its entries, in one transaction.

        The page's identity is `feed`, else the URL the page names, else `url`, else its name
        without the time stamp (`page_key`)."""
        key = feed or page_key(name, timeline.page.url or url)
        return self._add(timeline, name, digest, source, key, run_id)

    def add_extracted(self, page: ExtractedPage, *, run_id: int | None = None) -> PageResult:
        """`add_page` for a page extracted by `extract_page` (its identity already worked out)."""
        return self._add(page.timeline, page.name, page.digest, page.source, page.feed, run_id)

    def _add(self, timeline: Timeline, name: str, digest: str, source: CaptureSource, key: str,
             run_id: int | None) -> PageResult:
        captured = _iso(timeline.now)
        with self.transaction():
            if self.has_page(digest, captured):  # another process may have stored it meanwhile
                return PageResult(skipped=True, blind=captured is None)
            page = self._insert_page(timeline, key, name, digest, source, run_id)
            sightings = [_sighting(entry) for entry in timeline.entries]
            placed, new = self._place(page, sightings)
            edited = self._record(page, sightings, placed, new)
            self._refresh_all(page, set(placed))
            self.conn.execute("UPDATE pages SET new_entries = ? WHERE id = ?", (len(new), page.id))
        return PageResult(blind=captured is None, entries=len(sightings), new=len(new), edited=edited)

    def _insert_page(self, timeline: Timeline, key: str, name: str, digest: str, source: CaptureSource,
                     run_id: int | None) -> _PageRow:
        page = timeline.page
        captured = _iso(timeline.now)
        cursor = self.conn.execute(
            "INSERT INTO pages (feed, path, url, title, content_hash, captured_at, capture_source, tz, entries, "
            "run_id, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (key, name, page.url, page.title, digest, captured, str(source if captured else CaptureSource.NONE),
             timeline.tz, len(timeline.entries), run_id, _utc_now()),
        )
        return _PageRow(int(cursor.lastrowid or 0), key, captured, timeline.tz)

    # matching: the identity rule (docs/store.md) -----------------------------------------------

    def _place(self, page: _PageRow, sightings: list[_Sighting]) -> tuple[list[int], set[int]]:
        """The stored entry of each sighting (created when none matches), and the new ones."""
        claimed: set[int] = set()
        found: list[int | None] = [None] * len(sightings)
        for matcher in (self._exact_match, self._fuzzy_match):
            for index, sighting in enumerate(sightings):
                if found[index] is None:
                    found[index] = matcher(page, sighting, claimed)
                    if found[index] is not None:
                        claimed.add(found[index])  # type: ignore[arg-type]
        new: set[int] = set()
        for index, sighting in enumerate(sightings):
            if found[index] is None:
                found[index] = self._new_entry(page, sighting)
                new.add(found[index])  # type: ignore[arg-type]
        return [f for f in found if f is not None], new

    def _exact_match(self, page: _PageRow, sighting: _Sighting, claimed: set[int]) -> int | None:
        rows = self.conn.execute(
            f"SELECT {_CANDIDATE} FROM revisions r CROSS JOIN entries e ON e.id = r.entry_id "  # hash index first
            "WHERE r.text_hash = ? AND e.feed = ?", (sighting.text_hash, page.feed),
        ).fetchall()
        fits = [row for row in rows if row[0] not in claimed and self._compatible(page, sighting, row)]
        return min(fits, key=lambda row: _closeness(page, sighting, row))[0] if fits else None

    def _fuzzy_match(self, page: _PageRow, sighting: _Sighting, claimed: set[int]) -> int | None:
        if sighting.relative:
            if sighting.entry.date.local_date is None:
                return None
            days = _near_days(sighting.entry.date.local_date)
            rows = self.conn.execute(
                f"SELECT {_CANDIDATE} FROM entries e WHERE e.feed = ? AND e.local_date IN (?, ?, ?)",
                (page.feed, *days),
            ).fetchall()
        else:
            days = _near_days(sighting.entry.date.local_date)
            rows = self.conn.execute(
                f"SELECT {_CANDIDATE} FROM entries e WHERE e.feed = ? AND (e.clock = ? OR "
                "(e.clock IS NULL AND e.local_date IN (?, ?, ?)))", (page.feed, sighting.clock, *days),
            ).fetchall()
        scored = []
        for row in rows:
            if row[0] in claimed or not self._compatible(page, sighting, row):
                continue
            score = max(similarity(sighting.folded, fold(h, t)) for h, t in self.conn.execute(
                "SELECT headline, text FROM revisions WHERE entry_id = ?", (row[0],)))
            if score >= SIMILAR:
                scored.append((-score, _closeness(page, sighting, row), row[0]))
        return min(scored)[2] if scored else None

    def _compatible(self, page: _PageRow, sighting: _Sighting, row: tuple) -> bool:
        """May `sighting` be the stored entry `row`? Same clock, no contrary printed date, no recurrence."""
        _, _, clock, first, last, local_date, status, confidence, moment, relative_minutes = row
        if not sighting.relative and clock is not None:
            if clock != sighting.clock:
                return False
        elif not _times_fit(sighting, moment, relative_minutes):
            return False
        mine = sighting.entry.date
        if mine.iso is None or local_date is None or mine.iso == local_date:
            return True
        if mine.status is DateStatus.EXACT and status == DateStatus.EXACT:
            return False  # two printed dates that differ
        if mine.confidence >= CONFIDENT and confidence >= CONFIDENT:
            return not self._gap(page, first, last)  # the same text again, on another day
        return True

    def _gap(self, page: _PageRow, first: str | None, last: str | None) -> bool:
        """Did a page of this feed, captured between the entry's sightings and this page, lack it?"""
        now = page.captured_at
        if now is None or first is None or last is None or first <= now <= last:
            return False
        low, high = (last, now) if now > last else (now, first)
        return self.conn.execute(
            "SELECT 1 FROM pages WHERE feed = ? AND entries > 0 AND captured_at > ? AND captured_at < ? LIMIT 1",
            (page.feed, low, high),
        ).fetchone() is not None

    def _new_entry(self, page: _PageRow, sighting: _Sighting) -> int:
        entry = sighting.entry
        cursor = self.conn.execute(
            "INSERT INTO entries (feed, clock, headline, text, stamp_text, stamp_kind, date_status, confidence, "
            "evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, '[]')",
            (page.feed, sighting.clock, entry.headline, entry.text, entry.stamp.text, str(entry.stamp.kind),
             str(entry.date.status), entry.date.confidence),
        )
        return int(cursor.lastrowid or 0)

    # recording -------------------------------------------------------------------------------

    def _record(self, page: _PageRow, sightings: list[_Sighting], placed: list[int], new: set[int]) -> int:
        """Upsert each sighting's revision and sighting row; the number of edits seen."""
        edited = 0
        for sighting, entry_id in zip(sightings, placed):
            revision_id, created = self._revision(page, sighting, entry_id)
            edited += created and entry_id not in new
            self._sighting_row(page, sighting, entry_id, revision_id)
        return edited

    def _revision(self, page: _PageRow, sighting: _Sighting, entry_id: int) -> tuple[int, bool]:
        row = self.conn.execute(
            "SELECT id FROM revisions WHERE entry_id = ? AND text_hash = ?", (entry_id, sighting.text_hash)
        ).fetchone()
        seen = page.captured_at
        if row is not None:
            self.conn.execute(
                "UPDATE revisions SET times_seen = times_seen + 1, "
                f"first_seen = {_EARLIER.format(col='first_seen')}, last_seen = {_LATER.format(col='last_seen')} "
                "WHERE id = ?", (seen, seen, seen, seen, row[0]),
            )
            return int(row[0]), False
        entry = sighting.entry
        cursor = self.conn.execute(
            "INSERT INTO revisions (entry_id, text_hash, headline, text, first_seen, last_seen, times_seen) "
            "VALUES (?, ?, ?, ?, ?, ?, 1)", (entry_id, sighting.text_hash, entry.headline, entry.text, seen, seen),
        )
        revision_id = int(cursor.lastrowid or 0)
        self.conn.executemany(
            "INSERT INTO sources (entry_id, revision_id, position, name, canonical, role, cue, span_start, span_end) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(entry_id, revision_id, i, s.name, s.canonical, str(s.role), s.cue, *s.span)
             for i, s in enumerate(entry.sources)],
        )
        return revision_id, True

    def _sighting_row(self, page: _PageRow, sighting: _Sighting, entry_id: int, revision_id: int) -> None:
        entry, fix = sighting.entry, sighting.entry.date
        stamp = entry.stamp
        reading = "|".join(map(str, (
            revision_id, stamp.kind, "" if sighting.relative else stamp.text, sighting.clock, fix.iso,
            fix.status, f"{fix.confidence:.2f}", fix.basis,
        )))
        seen = page.captured_at
        latest = {"stamp_text": stamp.text, "relative_minutes": stamp.relative_minutes, "zone": stamp.zone,
                  "datetime": _iso(entry.datetime), "region": entry.feed, "span_start": entry.span[0],
                  "span_end": entry.span[1], "last_page_id": page.id}
        sets = ", ".join(f"{col} = CASE WHEN {_IS_LATER} THEN excluded.{col} ELSE {col} END" for col in latest)
        self.conn.execute(
            "INSERT INTO sightings (entry_id, revision_id, reading, stamp_kind, clock, local_date, date_status, "
            "date_basis, confidence, evidence, first_page_id, first_seen, last_seen, times_seen, "
            f"{', '.join(latest)}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, {', '.join('?' * len(latest))}) "
            "ON CONFLICT (entry_id, reading) DO UPDATE SET times_seen = times_seen + 1, "
            f"evidence = CASE WHEN {_IS_EARLIER} THEN excluded.evidence ELSE evidence END, "
            f"first_page_id = CASE WHEN {_IS_EARLIER} THEN excluded.first_page_id ELSE first_page_id END, "
            f"{sets}, "
            "first_seen = coalesce(min(first_seen, excluded.first_seen), first_seen, excluded.first_seen), "
            "last_seen = coalesce(max(last_seen, excluded.last_seen), last_seen, excluded.last_seen)",
            (entry_id, revision_id, reading, str(stamp.kind), sighting.clock, fix.iso, str(fix.status),
             str(fix.basis), round(fix.confidence, 2), json.dumps(list(fix.evidence), ensure_ascii=False), page.id, seen, seen,
             *latest.values()),
        )

    # deriving an entry from its sightings ------------------------------------------------------

    def _refresh_all(self, page: _PageRow, touched: set[int]) -> None:
        """Re-derive the touched entries, and those first seen on the next capture of the feed
        (whose "capture before" this page may have become)."""
        for entry_id in sorted(touched):
            self._refresh(entry_id)
        if page.captured_at is None:
            return
        following = self.conn.execute(
            "SELECT id FROM entries WHERE feed = ? AND first_seen = (SELECT min(captured_at) FROM pages "
            "WHERE feed = ? AND entries > 0 AND captured_at > ?)", (page.feed, page.feed, page.captured_at),
        ).fetchall()
        for (entry_id,) in following:
            if entry_id not in touched:
                self._refresh(entry_id)

    def _refresh(self, entry_id: int) -> None:
        """Derive an entry's row from its revisions and sightings: a function of them alone,
        so that the order in which pages arrive does not matter."""
        feed, headline, text = self.conn.execute(
            "SELECT feed, headline, text FROM entries WHERE id = ?", (entry_id,)).fetchone()
        revisions = self.conn.execute(
            "SELECT id, headline, text, first_seen, last_seen, text_hash FROM revisions WHERE entry_id = ?", (entry_id,)
        ).fetchall()
        groups = self.conn.execute(f"SELECT {_GROUP} FROM sightings WHERE entry_id = ?", (entry_id,)).fetchall()
        current = max(revisions, key=lambda r: (r[4] or "", r[3] or "", r[5]))  # the latest capture's text
        earliest = min(revisions, key=lambda r: (r[3] or "~", r[5]))
        latest = max(groups, key=lambda g: (g[_G["last_seen"]] or "", g[_G["stamp_text"]], g[_G["reading"]]))
        clock = _clock(groups)
        tz = self._page_tz(latest[_G["last_page_id"]])
        fields = {**_shown(latest), **_seen(groups), "clock": clock, "tz": tz, "revisions": len(revisions),
                  "revision_id": current[0]}
        fields.update(self._dated(feed, clock, fields["first_seen"], tz, groups, latest))
        if (headline, text) != (current[1], current[2]):  # only then: the FTS index follows these columns
            fields.update(headline=current[1], text=current[2])
        fields["uid"] = self._uid(entry_id, feed, fields["first_seen"], clock or fields["local_time"] or "", earliest)
        self.conn.execute(
            f"UPDATE entries SET {', '.join(f'{k} = ?' for k in fields)} WHERE id = ?", (*fields.values(), entry_id)
        )

    def _dated(self, feed: str, clock: str | None, first_seen: str | None, tz: str | None, groups: list[tuple],
               latest: tuple) -> dict[str, Any]:
        """The date columns: the best reading of the sightings and the capture window."""
        readings = [_group_reading(g) for g in groups]
        window = self._window_reading(feed, clock, first_seen, tz, readings)
        best = best_reading(readings + ([window] if window else []))
        return {
            "local_date": best.local_date, "datetime": best.datetime, "local_time": _local_time(best, clock, latest),
            "date_status": str(best.status), "date_basis": str(best.basis), "confidence": round(best.confidence, 2),
            "evidence": json.dumps(list(best.evidence), ensure_ascii=False),
        }

    def _window_reading(self, feed: str, clock: str | None, first_seen: str | None, tz: str | None,
                        readings: list[Reading]) -> Reading | None:
        """First seen on capture C, absent from the feed's capture before (a latest-N feed shows a
        new entry at once): posted between them. With less than a day between, one day fits."""
        if clock is None or first_seen is None:
            return None
        row = self.conn.execute(
            "SELECT max(captured_at) FROM pages WHERE feed = ? AND entries > 0 AND captured_at < ?", (feed, first_seen)
        ).fetchone()
        if row is None or row[0] is None:
            return None
        day = window_day(_wall(first_seen), _wall(row[0]), time.fromisoformat(clock))
        if day is None:
            return None
        evidence = (f"first seen on the capture of {first_seen[:16]}, not on the one of {row[0][:16]}: "
                    "posted between them",)
        moment = _window_datetime(day, clock, tz, readings)
        return Reading(DateStatus.INFERRED, day.isoformat(), WINDOW_CONFIDENCE, evidence, first_seen, moment,
                       DateBasis.WINDOW, by_page=False)

    def _page_tz(self, page_id: int) -> str | None:
        row = self.conn.execute("SELECT tz FROM pages WHERE id = ?", (page_id,)).fetchone()
        return row[0] if row else None

    def _uid(self, entry_id: int, feed: str, first_seen: str | None, clock: str, earliest: tuple) -> str:
        """Stable id: feed, first capture, clock and the first text seen (a suffix if ever taken).
        Not the date: that may improve with later pages, and the id must not move with it."""
        base = hashlib.sha1(
            "\x1f".join((feed, first_seen or "", clock, text_hash(earliest[1], earliest[2]))).encode()
        ).hexdigest()[:16]
        uid, n = base, 1
        while self.conn.execute("SELECT 1 FROM entries WHERE uid = ? AND id != ?", (uid, entry_id)).fetchone():
            n += 1
            uid = f"{base}-{n}"
        return uid

    # reading ---------------------------------------------------------------------------------

    def entries(self, query: Query = Query()) -> list[StoredEntry]:
        """The stored entries that pass `query`, in timeline order (stable)."""
        where, params = _filters(query)
        sql = f"SELECT {_ENTRY} FROM entries e {'WHERE ' + ' AND '.join(where) if where else ''}"
        with self._errors():
            rows = self._select(sql, params, query)
            sources = self._sources([row[_E["revision_id"]] for row in rows])
        stored = [_stored(row, sources.get(row[_E["revision_id"]], ())) for row in rows]
        stored.sort(key=_timeline_order)
        return [_with_position(item, index) for index, item in enumerate(stored)]

    def _select(self, sql: str, params: list[Any], query: Query) -> list[tuple]:
        try:
            return self.conn.execute(sql, params).fetchall()
        except sqlite3.OperationalError:
            if query.search is None:
                raise
        # not FTS5 syntax: search for the words as written
        quoted = " ".join('"' + word.replace('"', '""') + '"' for word in query.search.split())
        return self.conn.execute(sql, [quoted if p == query.search else p for p in params]).fetchall()

    def _sources(self, revision_ids: list[int]) -> dict[int, tuple[Source, ...]]:
        found: dict[int, list[Source]] = {}
        for start in range(0, len(revision_ids), 500):
            chunk = revision_ids[start:start + 500]
            for rev, name, canonical, role, cue, s, e in self.conn.execute(
                "SELECT revision_id, name, canonical, role, cue, span_start, span_end FROM sources "
                f"WHERE revision_id IN ({', '.join('?' * len(chunk))}) ORDER BY revision_id, position", chunk,
            ):
                found.setdefault(rev, []).append(Source(name, canonical, Role(role), cue, (s, e)))
        return {rev: tuple(items) for rev, items in found.items()}

    def stats(self) -> dict[str, int | str | None]:
        """Counts for headers and benchmarks: pages, feeds, entries, revisions, sightings, bytes."""
        one = lambda sql: self.conn.execute(sql).fetchone()[0]  # noqa: E731
        with self._errors():
            return {
                "pages": one("SELECT count(*) FROM pages"),
                "feeds": one("SELECT count(DISTINCT feed) FROM entries"),
                "entries": one("SELECT count(*) FROM entries"),
                "revisions": one("SELECT count(*) FROM revisions"),
                "sightings": one("SELECT count(*) FROM sightings"),
                "last_capture": one("SELECT max(captured_at) FROM pages"),
                "bytes": one("PRAGMA page_count") * one("PRAGMA page_size"),
            }

    def page_bytes(self) -> int | None:
        """Bytes the `pages` table and its indexes take (None without SQLite's dbstat)."""
        try:
            return self.conn.execute(
                "SELECT sum(pgsize) FROM dbstat WHERE name = 'pages' OR name IN "
                "(SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'pages')").fetchone()[0]
        except sqlite3.OperationalError:
            return None

    def checkpoint(self) -> None:
        """Fold the write-ahead log into the database file (for measuring its size)."""
        with self._errors():
            self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


# ── ingesting many pages ────────────────────────────────────────────────────────────────────

Extract = Callable[[bytes, str, datetime | None], Timeline]  # (bytes, page name, capture time)


@dataclass(frozen=True, slots=True)
class Ingested:
    """What happened to one input: a result, or the error that stopped it."""

    page: PageInput
    result: PageResult | None
    error: FeedlineError | None = None


def ingest_pages(store: Store, pages: Iterable[PageInput], extract: Extract, *, tz: str | None = None,
                 feed: str | None = None, run_id: int | None = None) -> Iterator[Ingested]:
    """Ingest each page in its own transaction; yields one `Ingested` per page.

    Pages already stored (same bytes, same capture time) are skipped before extraction.
    Unreadable pages yield their `InputError`, pages whose extraction raises anything
    unexpected an `ExtractionError` (the page's transaction is rolled back), and the others
    go on; `StoreBusyError` and `StoreError` stop the run (they are raised).
    """
    for page in pages:
        try:
            yield Ingested(page, ingest_page(store, page, extract, tz=tz, feed=feed, run_id=run_id))
        except (StoreBusyError, StoreError):
            raise
        except Exception as error:  # noqa: BLE001 - one bad page must not stop the run
            yield Ingested(page, None, page_failure(page.name, error))


def ingest_page(store: Store, page: PageInput, extract: Extract, *, tz: str | None = None,
                feed: str | None = None, run_id: int | None = None) -> PageResult:
    data = page.read()
    digest = content_hash(data)
    moment = capture_moment(page.captured_at, tz)
    if store.has_page(digest, _iso(moment)):
        return PageResult(skipped=True, blind=moment is None)
    return store.add_extracted(extract_page(page, data, extract, moment=moment, digest=digest, feed=feed),
                               run_id=run_id)


@dataclass(frozen=True, slots=True)
class ExtractedPage:
    """One page's timeline with what the store needs to place it: the per-page half of an
    ingest, done wherever the page was read (here, or in a Dask or Spark worker)."""

    timeline: Timeline
    name: str  # the path, or "crawl.warc.gz#1234"
    digest: str  # content_hash of the bytes
    source: CaptureSource
    feed: str  # the page identity (page_key, or --feed)
    url: str | None  # the URL the input gave (a WARC-Target-URI)
    order: tuple  # capture_key of the input: pages of a feed are merged in this order


def extract_page(page: PageInput, data: bytes, extract: Extract, *, moment: datetime | None,
                 digest: str | None = None, feed: str | None = None) -> ExtractedPage:
    """Extract `data` (the bytes of `page`) at capture time `moment` (see `capture_moment`)."""
    timeline = extract(data, page.name, moment)
    key = feed or page_key(page.name, timeline.page.url or page.url)
    return ExtractedPage(timeline, page.name, digest or content_hash(data), page.capture_source, key, page.url,
                         capture_key(page))


# ── helpers ─────────────────────────────────────────────────────────────────────────────────

_CANDIDATE = ("e.id, e.uid, e.clock, e.first_seen, e.last_seen, e.local_date, e.date_status, e.confidence, "
              "e.datetime, e.relative_minutes")
_GROUP_COLUMNS = ("reading", "stamp_text", "stamp_kind", "clock", "relative_minutes", "zone", "local_date",
                  "datetime", "date_status", "confidence", "evidence", "first_seen", "last_seen", "times_seen",
                  "region", "span_start", "span_end", "last_page_id", "date_basis")
_GROUP = ", ".join(_GROUP_COLUMNS)
_G = {name: index for index, name in enumerate(_GROUP_COLUMNS)}
_ENTRY_COLUMNS = ("uid", "feed", "clock", "local_date", "local_time", "datetime", "zone", "headline", "text",
                  "stamp_text", "stamp_kind", "relative_minutes", "date_status", "confidence", "evidence",
                  "first_seen", "last_seen", "times_seen", "revisions", "revision_id", "region", "span_start",
                  "span_end", "date_basis")
_ENTRY = ", ".join(f"e.{c}" for c in _ENTRY_COLUMNS)
_E = {name: index for index, name in enumerate(_ENTRY_COLUMNS)}
# min / max of a stored capture and a new one, NULL (blind) counting as absent
_EARLIER = "coalesce(min({col}, ?), {col}, ?)"
_LATER = "coalesce(max({col}, ?), {col}, ?)"
_IS_LATER = "coalesce(excluded.last_seen >= last_seen, last_seen IS NULL)"
_IS_EARLIER = "coalesce(excluded.first_seen < first_seen, first_seen IS NULL AND excluded.first_seen IS NOT NULL)"


def _sighting(entry: Entry) -> _Sighting:
    relative = entry.stamp.kind is StampKind.RELATIVE
    clock = entry.local_time.strftime("%H:%M") if entry.local_time else None
    return _Sighting(entry, text_hash(entry.headline, entry.text), fold(entry.headline, entry.text), clock, relative)


def _times_fit(sighting: _Sighting, stored: str | None, stored_relative: float | None) -> bool:
    """Relative stamps ("2 hours ago") are coarse: datetimes within their own offset fit."""
    mine = sighting.entry.datetime
    if mine is None or stored is None:
        return True
    other = datetime.fromisoformat(stored)
    if (mine.tzinfo is None) != (other.tzinfo is None):
        mine, other = mine.replace(tzinfo=None), other.replace(tzinfo=None)
    slack = max(3.0, sighting.entry.stamp.relative_minutes or 0.0, stored_relative or 0.0)
    return abs((mine - other).total_seconds()) <= slack * 60


def _near_days(day: date | None) -> list[str | None]:
    """The day before, the day and the day after (None three times without a day)."""
    if day is None:
        return [None, None, None]
    return [(day + timedelta(days=d)).isoformat() for d in (-1, 0, 1)]


def _closeness(page: _PageRow, sighting: _Sighting, row: tuple) -> tuple:
    """Among fitting candidates: the same date first, then the one seen nearest in time."""
    same_day = row[5] is not None and row[5] == sighting.entry.date.iso
    now, first, last = page.captured_at, row[3], row[4]
    if now is None or first is None or last is None:
        distance = float("inf")
    elif first <= now <= last:
        distance = 0.0
    else:
        edge = last if now > last else first
        distance = abs((_wall(now) - _wall(edge)).total_seconds())
    return (not same_day, distance, row[1] or "")


def _clock(groups: list[tuple]) -> str | None:
    """The entry's printed clock ("16:00"); None when only relative stamps showed it."""
    clocks = sorted({g[_G["clock"]] for g in groups if g[_G["stamp_kind"]] != StampKind.RELATIVE} - {None})
    return clocks[0] if clocks else None


def _seen(groups: list[tuple]) -> dict[str, Any]:
    firsts = [g[_G["first_seen"]] for g in groups if g[_G["first_seen"]]]
    lasts = [g[_G["last_seen"]] for g in groups if g[_G["last_seen"]]]
    return {"first_seen": min(firsts, default=None), "last_seen": max(lasts, default=None),
            "times_seen": sum(g[_G["times_seen"]] for g in groups)}


def _shown(latest: tuple) -> dict[str, Any]:
    """How the latest page showed the entry: its stamp and place on the page."""
    return {name: latest[_G[name]] for name in ("zone", "stamp_text", "stamp_kind", "relative_minutes", "region",
                                                 "span_start", "span_end")}


def _group_reading(group: tuple) -> Reading:
    return Reading(
        DateStatus(group[_G["date_status"]]), group[_G["local_date"]], group[_G["confidence"]],
        tuple(json.loads(group[_G["evidence"]])), group[_G["first_seen"]], group[_G["datetime"]],
        DateBasis(group[_G["date_basis"]]),
    )


def _window_datetime(day: date, clock: str, tz: str | None, readings: list[Reading]) -> str:
    """`day` at `clock`: in the zone `tz`, else with the fixed offset of a printed zone label
    the sightings carry, else floating."""
    moment = datetime.combine(day, time.fromisoformat(clock))
    if tz is not None:
        from zoneinfo import ZoneInfo

        return moment.replace(tzinfo=ZoneInfo(tz)).isoformat()
    for reading in readings:
        if reading.datetime is not None:
            return moment.replace(tzinfo=datetime.fromisoformat(reading.datetime).tzinfo).isoformat()
    return moment.isoformat()


def _local_time(best: Reading, clock: str | None, latest: tuple) -> str | None:
    if best.datetime is not None:
        return datetime.fromisoformat(best.datetime).strftime("%H:%M")
    return clock or latest[_G["clock"]]


def _filters(query: Query) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if query.since:
        where.append("e.local_date GLOB '[0-9]*' AND e.local_date || 'T' || coalesce(e.local_time, '00:00') >= ?")
        params.append(query.since if "T" in query.since else f"{query.since}T00:00")
    if query.until:
        where.append("e.local_date GLOB '[0-9]*' AND e.local_date || 'T' || coalesce(e.local_time, '00:00') <= ?")
        params.append(query.until if "T" in query.until else f"{query.until}T99:99")
    if query.source:
        where.append("EXISTS (SELECT 1 FROM sources s WHERE s.revision_id = e.revision_id AND "
                     "(s.canonical LIKE ? ESCAPE '\\' OR s.name LIKE ? ESCAPE '\\'))")
        pattern = "%" + re.sub(r"([\\%_])", r"\\\1", query.source.strip()) + "%"
        params += [pattern, pattern]
    if query.feed:
        where.append("e.feed = ?")
        params.append(query.feed)
    if query.search:
        where.append("e.id IN (SELECT rowid FROM entries_fts WHERE entries_fts MATCH ?)")
        params.append(query.search)
    return where, params


def _stored(row: tuple, sources: tuple[Source, ...]) -> StoredEntry:
    get = lambda name: row[_E[name]]  # noqa: E731
    clock = get("local_time") or get("clock")
    hour, minute = (int(clock[:2]), int(clock[3:5])) if clock else (None, None)
    stamp = Stamp(get("stamp_text"), (get("span_start"), get("span_start")), StampKind(get("stamp_kind")),
                  hour=hour, minute=minute, zone=get("zone"), relative_minutes=get("relative_minutes"))
    entry = Entry(
        id=get("uid"), stamp=stamp, headline=get("headline"), text=get("text"),
        span=(get("span_start"), get("span_end")), feed=get("region"), position=0,
        local_time=time.fromisoformat(clock) if clock else None, date=_date_fix(row),
        datetime=datetime.fromisoformat(get("datetime")) if get("datetime") else None, sources=sources,
    )
    return StoredEntry(entry, get("feed"), get("first_seen"), get("last_seen"), get("times_seen"), get("revisions"))


def _date_fix(row: tuple) -> DateFix:
    iso = row[_E["local_date"]]
    local_date = date.fromisoformat(iso) if iso and not iso.startswith("--") else None
    month_day = (int(iso[2:4]), int(iso[5:7])) if iso and iso.startswith("--") else None
    return DateFix(DateStatus(row[_E["date_status"]]), local_date, month_day, row[_E["confidence"]],
                   tuple(json.loads(row[_E["evidence"]])), DateBasis(row[_E["date_basis"]]))


def _timeline_order(item: StoredEntry) -> tuple:
    """Dated entries by date and time, then year-less ones, then undated; ties by feed and uid."""
    entry = item.entry
    clock = entry.local_time.isoformat() if entry.local_time else ""
    if entry.date.local_date is not None:
        return (0, entry.date.local_date.isoformat(), clock, item.feed_key, entry.id)
    if entry.date.month_day is not None:
        return (1, "%02d-%02d" % entry.date.month_day, clock, item.feed_key, entry.id)
    return (2, item.feed_key, item.first_seen or "", clock, entry.id)


def _with_position(item: StoredEntry, position: int) -> StoredEntry:
    return replace(item, entry=replace(item.entry, position=position))


def _host() -> str:
    import socket

    return socket.gethostname()


def _alive(pid: int) -> bool:
    """True unless no process `pid` exists on this machine."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError, OverflowError):
        return True  # exists (another user's), or cannot tell
    return True


def _folder_writable(path: str) -> bool:
    return os.access(os.path.dirname(os.path.abspath(path)) or ".", os.W_OK)


def _connect(uri: str, wait: float) -> sqlite3.Connection:
    return sqlite3.connect(uri, uri=True, timeout=max(wait, 0.0), isolation_level=None)


def _utc_now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
