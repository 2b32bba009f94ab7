"""The `csv` format: a header row, then one row per entry.

Formula injection: spreadsheets run a cell that starts with = + - @ (or TAB/CR)
as a formula. Every cell that starts with one of these gets a leading
apostrophe ("'=HYPERLINK(...)"), which spreadsheets show as text. This applies
to all cells alike, so a year-less date "--10-03" is written "'--10-03".

`sources` holds the source names as written, joined by "; ". Scraped text is
cleaned of escape sequences and control characters (line breaks inside a cell
are kept and quoted). Rows end in "\\n".
"""
from __future__ import annotations

import csv
import io

from feedline.model import Entry, Timeline
from feedline.render._text import clean
from feedline.render._view import source_names

HEADER = (
    "id",
    "local_date",
    "local_time",
    "datetime",
    "time_text",
    "headline",
    "text",
    "sources",
    "confidence",
    "date_status",
    "date_basis",
)
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def render_csv(timeline: Timeline) -> str:
    """The timeline as CSV text (header included, even when there are no entries)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(HEADER)
    for entry in timeline.entries:
        writer.writerow([neutralise(cell) for cell in _row(entry)])
    return buffer.getvalue()


def neutralise(cell: str) -> str:
    """`cell` with a leading apostrophe when a spreadsheet would take it for a formula."""
    return "'" + cell if cell.startswith(_FORMULA_STARTS) else cell


def _row(entry: Entry) -> list[str]:
    return [
        clean(entry.id),
        entry.date.iso or "",
        entry.local_time.strftime("%H:%M") if entry.local_time else "",
        entry.datetime.isoformat() if entry.datetime else "",
        clean(entry.stamp.text),
        clean(entry.headline or ""),
        clean(entry.text),
        "; ".join(source_names(entry)),
        f"{entry.date.confidence:.2f}",
        str(entry.date.status),
        str(entry.date.basis),
    ]
