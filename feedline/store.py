"""The timeline store's database: one SQLite file of many scrapes of the same feeds.

    Store.open(path) ──> add_page / add_extracted (one transaction per page)
                         add_batch (one transaction for many pages)          ──> entries(Query)
                         │ the feed's FeedState (feedmerge) merges the page; what it changed is written
                         ▼
              pages · entries · revisions · sightings · sources · runs  (+ entries_fts)

This module holds the SQL that reads and writes a store: connections (read-only too),
transactions and locks, the runs and fetches tables, and the queries of `view` and `export`.
The per-feed rules (identity across scrapes, revisions, dates, stable ids) are
`feedline.feedmerge`'s: to add a page, the store loads the feed's `FeedState` from the file
(once per connection; again only after another connection has committed), lets it merge the
page and writes the rows it changed with a few `executemany` statements, in the page's
transaction; `add_batch` merges many pages first and writes each changed row once. The
schema and its migrations are `feedline.store_schema`'s; collecting pages, their capture
times and extracting them are `feedline.ingest`'s.

Errors (defined in `feedline.errors`): `StoreError` (exit 1) for a file that is not a feedline
store, or one written by a newer feedline (refused before anything is written);
`StoreBusyError` (exit 75) when another process holds the write lock for longer than the wait.
"""
from __future__ import annotations

import json
import os
import re
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from operator import attrgetter
from typing import Any
from urllib.parse import quote

from feedline.errors import FeedlineError, InputError, StoreBusyError, StoreError
from feedline.feedmerge import (
    ENTRY_FIELDS,
    Changes,
    EntryRow,
    ExtractedPage,
    FeedState,
    Ids,
    PageRow,
    RevisionRow,
    SightingRow,
    StoredEntry,
    stored_entry,
    with_positions,
)
from feedline.model import Role, Source, Timeline
from feedline.store_dates import iso
from feedline.store_identity import page_key
from feedline.store_schema import MIGRATIONS, READABLE_FROM, SCHEMA_VERSION, statements

__all__ = ["ABANDONED_AFTER", "SCHEMA_VERSION", "ExtractedPage", "PageResult", "Query", "Store", "StoredEntry"]

#: A run of a store older than version 3 (no pid) left `running` this long ago is abandoned.
ABANDONED_AFTER = timedelta(days=1)
FEEDS_KEPT = 256  # feeds whose loaded state a connection keeps between pages (the least recently used go)


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


# ── the store ───────────────────────────────────────────────────────────────────────────────


class Store:
    """An open feedline store. Use `Store.open` (a context manager closes it)."""

    def __init__(self, conn: sqlite3.Connection, path: str) -> None:
        self.conn = conn
        self.path = path
        self.readonly = False
        self._feeds: dict[str, FeedState] = {}  # loaded feeds, the least recently used first
        self._ids: Ids | None = None  # the largest ids in the file when the feeds were loaded
        self._data_version: int | None = None

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
                for statement in statements(MIGRATIONS[number]):
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

    # adding pages ------------------------------------------------------------------------------

    def has_page(self, digest: str, captured_at: str | None) -> bool:
        """True when these bytes, captured at this time, are stored already."""
        with self._errors():
            return self.conn.execute(
                "SELECT 1 FROM pages WHERE content_hash = ? AND captured_at IS ? LIMIT 1", (digest, captured_at)
            ).fetchone() is not None

    def add_page(self, timeline: Timeline, *, name: str, digest: str, source: str,
                 feed: str | None = None, url: str | None = None, run_id: int | None = None) -> PageResult:
        """Store one extracted page and its entries, in one transaction.

        The page's identity is `feed`, else the URL the page names, else `url`, else its name
        without the time stamp (`page_key`)."""
        key = feed or page_key(name, timeline.page.url or url)
        return self._add(timeline, name, digest, source, key, run_id)

    def add_extracted(self, page: ExtractedPage, *, run_id: int | None = None) -> PageResult:
        """`add_page` for a page extracted by `ingest.extract_page` (its identity already worked out)."""
        return self._add(page.timeline, page.name, page.digest, page.source, page.feed, run_id)

    def add_batch(self, pages: Sequence[ExtractedPage], *, run_id: int | None = None) -> list[PageResult]:
        """Store extracted pages in one transaction, as `add_extracted` would one by one, in order.

        The pages are merged in memory and each row they changed is written once, at the end:
        an entry shown on every page of the batch is updated once, not once per page. Anything
        raised rolls the whole batch back (and what was merged in memory is dropped): store the
        pages one by one to find the one that fails (`ingest.ingest_pages` does)."""
        results: list[PageResult] = []
        try:
            with self.transaction():
                self._sync()
                touched: dict[str, FeedState] = {}  # the feeds merged into, kept until written
                shown: dict[int, _Shown] = {}
                seen = self._stored_captures([page.digest for page in pages])  # and those merged here
                for page in pages:
                    captured = iso(page.timeline.now)
                    if (page.digest, captured) in seen:
                        results.append(PageResult(skipped=True, blind=captured is None))
                        continue
                    seen.add((page.digest, captured))
                    state = touched[page.feed] if page.feed in touched else self._feed(page.feed)
                    touched[page.feed] = state
                    results.append(self._merge(state, page.timeline, page.name, page.digest, page.source, run_id,
                                               shown))
                self._write(_joined(state.changed() for state in touched.values()), shown)
        except BaseException:
            self._forget()  # rolled back: what was merged in memory is not stored
            raise
        return results

    def _stored_captures(self, digests: list[str]) -> set[tuple[str, str | None]]:
        """(bytes' hash, capture time) of the stored pages with any of these bytes: `has_page`
        for a batch in a query or a few (inside its transaction: nothing writes pages meanwhile)."""
        unique = list(dict.fromkeys(digests))
        found: set[tuple[str, str | None]] = set()
        for start in range(0, len(unique), 500):
            chunk = unique[start:start + 500]
            found.update(self.conn.execute(
                f"SELECT content_hash, captured_at FROM pages WHERE content_hash IN ({', '.join('?' * len(chunk))})",
                chunk))
        return found

    def _add(self, timeline: Timeline, name: str, digest: str, source: str, key: str,
             run_id: int | None) -> PageResult:
        captured = iso(timeline.now)
        try:
            with self.transaction():
                if self.has_page(digest, captured):  # another process may have stored it meanwhile
                    return PageResult(skipped=True, blind=captured is None)
                self._sync()
                state = self._feed(key)
                shown: dict[int, _Shown] = {}
                result = self._merge(state, timeline, name, digest, source, run_id, shown)
                self._write(state.changed(), shown)
        except BaseException:
            self._forget()  # the transaction was rolled back: what was merged in memory is not stored
            raise
        return result

    def _merge(self, state: FeedState, timeline: Timeline, name: str, digest: str, source: str,
               run_id: int | None, shown: dict[int, _Shown]) -> PageResult:
        """Merge one page into its feed's state (a new page id); what its `pages` row needs besides."""
        captured = iso(timeline.now)
        state.ids.pages += 1
        row = PageRow(state.ids.pages, captured, timeline.tz, len(timeline.entries))
        new, edited = state.add(row, timeline.entries)
        shown[row.id] = _Shown(state.feed, name, timeline.page.url, timeline.page.title, digest, source, run_id)
        return PageResult(blind=captured is None, entries=len(timeline.entries), new=new, edited=edited)

    def _sync(self) -> None:
        """Inside the write lock: drop the loaded feeds if another connection has committed
        since they were loaded (SQLite's data_version), and read the largest ids anew."""
        version = self.conn.execute("PRAGMA data_version").fetchone()[0]
        if version != self._data_version or self._ids is None:
            self._forget()
            self._data_version = version
            self._ids = Ids(*(self.conn.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()[0]
                              for table in ("pages", "entries", "revisions")))

    def _feed(self, key: str) -> FeedState:
        """The feed's state, loaded from the file unless this connection holds it (`_sync` first)."""
        assert self._ids is not None
        state = self._feeds.pop(key, None)
        if state is None:
            state = self._load(key, self._ids)
        self._feeds[key] = state  # the most recently used last
        while len(self._feeds) > FEEDS_KEPT:
            del self._feeds[next(iter(self._feeds))]
        return state

    def _forget(self) -> None:
        self._feeds.clear()
        self._ids = None

    def _load(self, key: str, ids: Ids) -> FeedState:
        """A feed's state from its rows (the sources of its revisions are not needed to merge)."""
        state = FeedState(key, ids)
        for row in self.conn.execute("SELECT id, captured_at, tz, entries FROM pages WHERE feed = ?", (key,)):
            state.load_page(PageRow(*row))
        for row in self.conn.execute(f"SELECT id, {', '.join(ENTRY_FIELDS)} FROM entries WHERE feed = ?", (key,)):
            values = dict(zip(ENTRY_FIELDS, row[1:]))
            values["evidence"] = tuple(json.loads(values["evidence"]))
            state.load_entry(EntryRow(row[0], key, **values))
        for row in self.conn.execute(
                "SELECT r.id, r.entry_id, r.text_hash, r.headline, r.text, r.first_seen, r.last_seen, r.times_seen "
                "FROM revisions r JOIN entries e ON e.id = r.entry_id WHERE e.feed = ? ORDER BY r.id", (key,)):
            state.load_revision(RevisionRow(*row))
        for row in self.conn.execute(
                f"SELECT {', '.join('s.' + c for c in _SIGHTING_COLUMNS)} FROM sightings s "
                "JOIN entries e ON e.id = s.entry_id WHERE e.feed = ?", (key,)):
            values = dict(zip(_SIGHTING_COLUMNS, row))
            values["evidence"] = tuple(json.loads(values["evidence"]))
            state.load_sighting(SightingRow(**values))
        return state

    def _many(self, sql: str, rows: list[tuple] | list[list[Any]]) -> None:
        if rows:  # most pages change few kinds of rows: no statement for the others
            self.conn.executemany(sql, rows)

    def _write(self, changes: Changes, shown: dict[int, _Shown]) -> None:
        """Write what merging pages changed (each row once): parents before children (foreign keys)."""
        now = _utc_now()
        self._many(
            "INSERT INTO pages (id, feed, path, url, title, content_hash, captured_at, capture_source, tz, entries, "
            "new_entries, run_id, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(page.id, (info := shown[page.id]).feed, info.name, info.url, info.title, info.digest, page.captured_at,
              str(info.source) if page.captured_at else "none", page.tz, page.entries, page.new_entries, info.run_id,
              now) for page in changes.pages])
        entries = list(changes.entries.values())
        self._many(
            f"INSERT INTO entries (id, feed, {', '.join(ENTRY_FIELDS)}) VALUES ({', '.join('?' * (len(ENTRY_FIELDS) + 2))})",
            [(e.id, e.feed, *_entry_values(e)) for e in entries if not e.stored])
        revisions = list(changes.revisions.values())
        self._many(
            "INSERT INTO revisions (id, entry_id, text_hash, headline, text, first_seen, last_seen, times_seen) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(r.id, r.entry_id, r.text_hash, r.headline, r.text, r.first_seen, r.last_seen, r.times_seen)
             for r in revisions if not r.stored])
        self._many(
            "INSERT INTO sources (entry_id, revision_id, position, name, canonical, role, cue, span_start, span_end) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(r.entry_id, r.id, i, s.name, s.canonical, str(s.role), s.cue, *s.span)
             for r in revisions if not r.stored for i, s in enumerate(r.sources)])
        self._many(
            "UPDATE revisions SET first_seen = ?, last_seen = ?, times_seen = ? WHERE id = ?",
            [(r.first_seen, r.last_seen, r.times_seen, r.id) for r in revisions if r.stored])
        sightings = list(changes.sightings.values())
        self._many(
            f"INSERT INTO sightings ({', '.join(_SIGHTING_COLUMNS)}) VALUES ({', '.join('?' * len(_SIGHTING_COLUMNS))})",
            [_sighting_values(s) for s in sightings if not s.stored])
        self._many(
            f"UPDATE sightings SET {', '.join(f'{c} = ?' for c in _SIGHTING_UPDATED)} WHERE entry_id = ? AND reading = ?",
            [_with_json(_SIGHTING_UPDATE(s), _SIGHTING_UPDATED) for s in sightings if s.stored])
        for with_text in (False, True):  # the FTS index's trigger fires when headline or text is set
            columns = _ENTRY_UPDATED[with_text]
            self._many(f"UPDATE entries SET {', '.join(f'{c} = ?' for c in columns)} WHERE id = ?",
                       [_with_json(_ENTRY_UPDATE[with_text](e), columns) for e in entries
                        if e.stored and e.text_changed == with_text])
        for item in (*entries, *revisions, *sightings):
            item.stored = True
        for entry in entries:
            entry.text_changed = False

    # reading ---------------------------------------------------------------------------------

    def entries(self, query: Query = Query()) -> list[StoredEntry]:
        """The stored entries that pass `query`, in timeline order (stable)."""
        where, params = _filters(query)
        sql = f"SELECT {_ENTRY} FROM entries e {'WHERE ' + ' AND '.join(where) if where else ''}"
        with self._errors():
            rows = self._select(sql, params, query)
            sources = self._sources([row[_E["revision_id"]] for row in rows])
        return with_positions([stored_entry(_row_fields(row), sources.get(row[_E["revision_id"]], ())) for row in rows])

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

# ── helpers ─────────────────────────────────────────────────────────────────────────────────

@dataclass(frozen=True, slots=True)
class _Shown:
    """What a page's `pages` row takes from the page itself (the rest is its `PageRow`)."""

    feed: str
    name: str
    url: str | None
    title: str | None
    digest: str
    source: str
    run_id: int | None


def _joined(changes: Iterable[Changes]) -> Changes:
    """The changes of several feeds as one (their ids never collide: the store gives them out)."""
    joined = Changes()
    for part in changes:
        joined.pages += part.pages
        joined.entries.update(part.entries)
        joined.revisions.update(part.revisions)
        joined.sightings.update(part.sightings)
    return joined


_SIGHTING_COLUMNS = ("entry_id", "revision_id", "reading", "stamp_kind", "clock", "local_date", "date_status",
                     "date_basis", "confidence", "evidence", "first_page_id", "first_seen", "last_seen", "times_seen",
                     "stamp_text", "relative_minutes", "zone", "datetime", "region", "span_start", "span_end",
                     "last_page_id")
# what a later sighting of the same reading changes
_SIGHTING_UPDATED = ("evidence", "first_page_id", "first_seen", "last_seen", "times_seen", "stamp_text",
                     "relative_minutes", "zone", "datetime", "region", "span_start", "span_end", "last_page_id")
_E = {name: index for index, name in enumerate(("feed", *ENTRY_FIELDS))}
_ENTRY = ", ".join(f"e.{c}" for c in ("feed", *ENTRY_FIELDS))


_ENTRY_ROW = attrgetter(*ENTRY_FIELDS)
_EVIDENCE = ENTRY_FIELDS.index("evidence")
_SIGHTING_ROW = attrgetter(*_SIGHTING_COLUMNS)
_SIGHTING_EVIDENCE = _SIGHTING_COLUMNS.index("evidence")


# the columns an UPDATE writes (then the row's key): sightings, entries without and with headline and text
_SIGHTING_UPDATE = attrgetter(*_SIGHTING_UPDATED, "entry_id", "reading")
_ENTRY_UPDATED = {False: tuple(c for c in ENTRY_FIELDS if c not in ("headline", "text")), True: ENTRY_FIELDS}
_ENTRY_UPDATE = {with_text: attrgetter(*columns, "id") for with_text, columns in _ENTRY_UPDATED.items()}


def _with_json(values: tuple, columns: tuple[str, ...]) -> list[Any]:
    """`values` (of `columns`, then the key) with the evidence as stored."""
    row = list(values)
    at = columns.index("evidence")
    row[at] = _json(row[at])
    return row


@lru_cache(maxsize=4096)
def _json(evidence: tuple[str, ...]) -> str:
    """Evidence as stored: a JSON list (the same few lists recur on every page)."""
    return json.dumps(list(evidence), ensure_ascii=False)


def _entry_values(entry: EntryRow) -> list[Any]:
    """The ENTRY_FIELDS of an entry as columns."""
    values = list(_ENTRY_ROW(entry))
    values[_EVIDENCE] = _json(values[_EVIDENCE])
    return values


def _sighting_values(row: SightingRow) -> list[Any]:
    values = list(_SIGHTING_ROW(row))
    values[_SIGHTING_EVIDENCE] = _json(values[_SIGHTING_EVIDENCE])
    return values


def _row_fields(row: tuple) -> dict[str, Any]:
    fields = dict(zip(_E, row))
    fields["evidence"] = tuple(json.loads(fields["evidence"]))
    return fields


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
