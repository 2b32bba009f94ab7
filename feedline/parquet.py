"""The Parquet datasets: their versioned schemas, rows from timelines, and writing a part.

Three schemas (docs/parquet.md), each carrying `feedline.parquet` = "<dataset>/<version>"
in its key-value metadata:

- `entries`: one row per entry of one page: the JSON export's entry fields plus the page's
  name, URL, capture time and feed key (`feed`) (the Dask and Spark paths' per-page output);
- `timeline`: one row per entry of a feed's merged timeline: the entry fields plus the
  store's fields (`feed`: the page identity, `first_seen`, `last_seen`, `times_seen`, `revisions`), as
  `feedline export --format parquet` writes them from the SQLite store;
- `errors`: one row per page or input that failed or was skipped, never a failed job.

pyarrow is imported only when a table is built (the `dask` extra installs it). Strings are
stored as scraped: Parquet readers get data, never markup.
"""
from __future__ import annotations

import os
import uuid
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from feedline.model import Entry, Timeline
from feedline.render.json_format import entry_to_dict
from feedline.feedmerge import StoredEntry

PARQUET_SCHEMA_VERSION = 1
METADATA_KEY = b"feedline.parquet"

# (column, arrow type name) of the entry fields, in the JSON export's order.
_SOURCE = "struct<name: string, canonical: string, role: string, cue: string, span: list<int64>>"
ENTRY_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "string"), ("position", "int64"), ("region", "int64"), ("time_text", "string"),
    ("stamp_kind", "string"), ("local_time", "string"), ("local_date", "string"), ("datetime", "string"),
    ("floating", "bool"), ("zone", "string"), ("relative_minutes", "float64"), ("headline", "string"),
    ("text", "string"), ("sources", f"list<{_SOURCE}>"), ("date_status", "string"), ("date_basis", "string"),
    ("confidence", "float64"), ("evidence", "list<string>"), ("span", "list<int64>"), ("visible", "bool"),
)
PAGE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("page_name", "string"), ("page_url", "string"), ("captured_at", "string"), ("capture_source", "string"),
    ("feed", "string"),
)
STORE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("feed", "string"), ("first_seen", "string"), ("last_seen", "string"), ("times_seen", "int64"),
    ("revisions", "int64"),
)
ERROR_COLUMNS: tuple[tuple[str, str], ...] = (
    ("name", "string"), ("kind", "string"), ("reason", "string"),
)
DATASETS: dict[str, tuple[tuple[str, str], ...]] = {
    "entries": ENTRY_COLUMNS + PAGE_COLUMNS,
    "timeline": ENTRY_COLUMNS + STORE_COLUMNS,
    "errors": ERROR_COLUMNS,
}


def schema(dataset: str) -> Any:
    """The pyarrow schema of `dataset` ("entries", "timeline" or "errors"), with its version."""
    import pyarrow as pa

    source = pa.struct([("name", pa.string()), ("canonical", pa.string()), ("role", pa.string()),
                        ("cue", pa.string()), ("span", pa.list_(pa.int64()))])
    types = {"string": pa.string(), "int64": pa.int64(), "bool": pa.bool_(), "float64": pa.float64(),
             "list<string>": pa.list_(pa.string()), "list<int64>": pa.list_(pa.int64()),
             f"list<{_SOURCE}>": pa.list_(source)}
    fields = [pa.field(name, types[kind]) for name, kind in DATASETS[dataset]]
    return pa.schema(fields, metadata={METADATA_KEY: f"{dataset}/{PARQUET_SCHEMA_VERSION}".encode()})


def page_rows(timeline: Timeline, *, name: str, url: str | None, captured_at: datetime | None,
              capture_source: str, feed_key: str) -> list[dict[str, Any]]:
    """The `entries` rows of one extracted page."""
    page = {"page_name": name, "page_url": timeline.page.url or url,
            "captured_at": captured_at.isoformat() if captured_at else None,
            "capture_source": capture_source, "feed": feed_key}
    return [{**_entry(entry), **page} for entry in timeline.entries]


def timeline_rows(stored: Iterable[StoredEntry]) -> list[dict[str, Any]]:
    """The `timeline` rows of stored (merged) entries."""
    return [{**_entry(item.entry), "feed": item.feed_key, "first_seen": item.first_seen,
             "last_seen": item.last_seen, "times_seen": item.times_seen, "revisions": item.revisions}
            for item in stored]


def error_row(name: str, kind: str, reason: str) -> dict[str, Any]:
    """An `errors` row: `kind` is "failed" (unreadable, or extraction raised) or "skipped"."""
    return {"name": name, "kind": kind, "reason": reason}


def table(dataset: str, rows: Sequence[dict[str, Any]]) -> Any:
    """A pyarrow Table of `rows` in the schema of `dataset`."""
    import pyarrow as pa

    return pa.Table.from_pylist(list(rows), schema=schema(dataset))


def write_part(folder: str | os.PathLike[str], dataset: str, part: str, rows: Sequence[dict[str, Any]]) -> str:
    """Write `rows` as `folder/dataset/part-<part>.parquet` (written even when empty, so a
    dataset always has its schema); returns the path."""
    with PartWriter(folder, dataset, part) as writer:
        writer.add(rows)
    return writer.path


class PartWriter:
    """One part file of a dataset, written a row group at a time (`ROW_GROUP` rows), so a
    partition of any length holds only one group of rows in memory. The file appears under
    its name only when closed without an error (a reader never sees half a part)."""

    ROW_GROUP = 2_000

    def __init__(self, folder: str | os.PathLike[str], dataset: str, part: str) -> None:
        target = os.path.join(os.fspath(folder), dataset)
        os.makedirs(target, exist_ok=True)
        self.dataset = dataset
        self.path = os.path.join(target, f"part-{part}.parquet")
        # Hidden from dataset readers, and its own per attempt: a scheduler may run a task again
        # while a first attempt (on a worker it took for lost) still writes the same part.
        self.temporary = os.path.join(target, f".part-{part}.{os.getpid()}.{uuid.uuid4().hex}.tmp")
        self.pending: list[dict[str, Any]] = []
        self.rows = 0
        self.writer: Any = None

    def add(self, rows: Iterable[dict[str, Any]]) -> None:
        for row in rows:
            self.pending.append(row)
            if len(self.pending) >= self.ROW_GROUP:
                self._flush()

    def _flush(self) -> None:
        import pyarrow.parquet as pq

        if self.writer is None:
            self.writer = pq.ParquetWriter(self.temporary, schema(self.dataset), compression="zstd")
        if self.pending:
            self.writer.write_table(table(self.dataset, self.pending))
            self.rows += len(self.pending)
            self.pending = []

    def __enter__(self) -> PartWriter:
        return self

    def __exit__(self, kind: object, *exc: object) -> None:
        if kind is not None:
            if self.writer is not None:
                self.writer.close()
            if os.path.exists(self.temporary):
                os.remove(self.temporary)
            return
        self._flush()
        self.writer.close()
        os.replace(self.temporary, self.path)


def _entry(entry: Entry) -> dict[str, Any]:
    row = entry_to_dict(entry)
    return {name: row[name] for name, _ in ENTRY_COLUMNS}
