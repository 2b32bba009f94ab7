"""The store's SQLite schema and its migrations: what a feedline store file holds, by version.

`MIGRATIONS[i]` takes a store from `PRAGMA user_version` i to i + 1; `feedline.store` runs
the ones a file lacks, each in one transaction, the first time a newer feedline opens it.
Only SQL text and the version numbers live here (docs/store.md, "Schema" and "Versions").
"""
from __future__ import annotations

import sqlite3
from collections.abc import Iterator

SCHEMA_VERSION = 4  # PRAGMA user_version written by the last migration in MIGRATIONS

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
assert len(MIGRATIONS) == SCHEMA_VERSION


def statements(script: str) -> Iterator[str]:
    """The SQL statements of `script`, trigger bodies kept whole."""
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            yield pending.strip()
            pending = ""
    if pending.strip():
        yield pending.strip()
