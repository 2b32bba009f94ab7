"""`feedline datasette-metadata --db FILE`: Datasette's metadata for a feedline store.

    feedline datasette-metadata --db feed.db > metadata.json
    datasette feed.db --metadata metadata.json

The JSON describes the store's tables and columns, offers facets (feed, date, source, ...),
names the full-text index of `entries` and sorts the timeline newest first. It is built from
the store's own schema (`metadata(db)` reads which tables and columns the file has), so a
column Datasette shows is described only if the store has it. The database key is the
file's stem, the name Datasette gives the database (`feed.db` -> `feed`).
Exit codes: 0, 1 (not a feedline store, or a newer one's), 3 (the file cannot be read),
4 (standard output cannot be written).
"""
from __future__ import annotations

import json
from pathlib import PurePath
from typing import Annotated, Any

import typer

from feedline.cli_support import guarded, write_output

FTS_TABLE = "entries_fts"

_TABLES: dict[str, tuple[str, dict[str, str]]] = {
    "entries": ("One row per feed entry, however many scrapes showed it: its best-supported date, "
                "its current text. Search it with the search box (headline and text).", {
        "uid": "Stable id of the entry (as in `feedline export`)",
        "feed": "The page it was found on: its URL, else its file name without the time stamp",
        "clock": "HH:MM as the page printed it (empty: only relative stamps such as '2h ago')",
        "local_date": "Its day (YYYY-MM-DD), --MM-DD when the year is unknown, empty when unknown",
        "local_time": "Its time of day, HH:MM, the page's clock",
        "datetime": "Date and time, with the UTC offset when the zone is known",
        "zone": "The zone label the page printed (BST, MEZ, ...)",
        "tz": "The IANA zone the pages were read in (--tz)",
        "headline": "The entry's headline, if it has one",
        "text": "The entry's text as last seen",
        "stamp_text": "The time stamp as printed",
        "stamp_kind": "clock, datetime, relative, ...",
        "relative_minutes": "For a relative stamp: how many minutes ago",
        "date_status": "exact, inferred, partial or unknown",
        "date_basis": "What the date rests on: stamp, markup, heading, page-stamp, capture, mention, window",
        "confidence": "How sure the date is, 0 to 1",
        "evidence": "Why that date (JSON list)",
        "first_seen": "Capture time of the first page that showed it",
        "last_seen": "Capture time of the last page that showed it",
        "times_seen": "How many pages showed it",
        "revisions": "How many texts it has had (edits)",
        "revision_id": "The current text (revisions.id)",
        "region": "Feed region index on the latest page",
    }),
    "pages": ("One row per page ingested (a scrape).", {
        "feed": "The page identity: URL, else file name without the time stamp",
        "path": "The file, archive record (archive#offset) or URL ingested",
        "url": "The page's URL",
        "captured_at": "When the page was captured (empty: unknown, read in blind mode)",
        "capture_source": "Where the capture time came from: now, warc-date, name, mtime, http-date, none",
        "content_hash": "sha256 of the page's bytes",
        "entries": "Entries found on the page",
        "new_entries": "Of them, entries not stored before",
        "ingested_at": "When it was ingested (UTC)",
    }),
    "revisions": ("Every text an entry has had (its edits).", {
        "entry_id": "The entry (entries.id)",
        "times_seen": "How many pages showed this text",
    }),
    "sightings": ("Each way pages showed an entry (stamp, clock, date reading), run-length: "
                  "first and last page and how many.", {
        "entry_id": "The entry (entries.id)",
        "stamp_text": "The time stamp as printed",
        "local_date": "The date this page gave the entry",
        "date_status": "exact, inferred, partial or unknown",
        "confidence": "How sure that page's date is, 0 to 1",
    }),
    "sources": ("Who each revision of an entry cites (Reuters, the ministry, ...).", {
        "name": "The source as the text names it",
        "canonical": "Its canonical name",
        "role": "How it is cited",
        "cue": "The words that cite it ('according to', 'citing', ...)",
    }),
    "entry_sources": ("The current sources of each entry, with its date (a view).", {
        "canonical": "The source's canonical name",
        "role": "How it is cited",
    }),
    "runs": ("Each `feedline ingest` or `watch` round: when, how it ended, what it added.", {
        "status": "running, done, busy, failed, interrupted or abandoned",
        "pages_unchanged": "Fetched pages the server said were unchanged (HTTP 304)",
    }),
    "run_failures": ("Pages a run could not ingest, and why.", {
        "reason": "The error, one line",
    }),
    "fetches": ("What each fetched URL answered last (feedline fetches pages itself).", {
        "url": "The URL as requested",
        "final_url": "The URL after redirects",
        "status": "HTTP status of the last answer (304: unchanged)",
        "etag": "ETag of the last 200, sent back as If-None-Match",
        "last_modified": "Last-Modified of the last 200, sent back as If-Modified-Since",
        "times_unchanged": "How many answers were 304 Not Modified",
    }),
}

_FACETS = {
    "entries": ["feed", "local_date", "date_status", "date_basis"],
    "pages": ["feed", "capture_source"],
    "sources": ["canonical", "role"],
    "entry_sources": ["canonical", "feed", "local_date"],
    "runs": ["status"],
    "fetches": ["status"],
}
_SORT_DESC = {"entries": "datetime", "pages": "captured_at", "runs": "started_at"}
_LABELS = {"entries": "headline"}
_HIDDEN = ("entries_fts",)  # plus SQLite's own shadow tables, which Datasette hides itself


def metadata(db: str) -> dict[str, Any]:
    """Datasette metadata for the store `db` (opened read-only: nothing is written)."""
    from feedline.store import Store

    with Store.open(db, readonly=True) as store:
        columns = {
            table: [row[1] for row in store.conn.execute(f"PRAGMA table_info([{table}])")]
            for (table,) in store.conn.execute(
                "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') ORDER BY name")
        }
    tables: dict[str, Any] = {}
    for table, (description, described) in _TABLES.items():
        if table not in columns:
            continue
        have = columns[table]
        entry: dict[str, Any] = {
            "description": description,
            "columns": {name: text for name, text in described.items() if name in have},
        }
        facets = [name for name in _FACETS.get(table, []) if name in have]
        if facets:
            entry["facets"] = facets
        if _SORT_DESC.get(table) in have:
            entry["sort_desc"] = _SORT_DESC[table]
        if _LABELS.get(table) in have:
            entry["label_column"] = _LABELS[table]
        if table == "entries" and FTS_TABLE in columns:
            entry.update(fts_table=FTS_TABLE, fts_pk="id")
        tables[table] = entry
    for table in _HIDDEN:
        if table in columns:
            tables[table] = {"hidden": True}
    return {
        "title": "feedline timeline store",
        "description": "Entries of scraped news pages, deduplicated across scrapes, with their dates and sources.",
        "databases": {PurePath(db).stem: {"tables": tables}},
    }


def datasette_metadata(
    db: Annotated[str, typer.Option("--db", metavar="FILE", help="The SQLite store.")],
) -> None:
    """Print Datasette metadata (JSON) for the store: table and column descriptions, facets, search."""
    with guarded():
        write_output(json.dumps(metadata(db), indent=2, ensure_ascii=False) + "\n", None)
