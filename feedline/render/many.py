"""Several timelines in one output: streamed page by page, or merged into one.

    opening(fmt) + part(t0, fmt, 0) + part(t1, fmt, 1) + ... + closing(fmt, n)
    render_merged(timelines, order, fmt)

Page by page, each format is the one-page format repeated, joined so that the whole is
still one valid document of its kind:

- json: a JSON array of the one-page documents (each exactly `timeline_to_dict`);
- jsonl: the one-page lines, one after another (each line already names its page);
- csv: one header, with a first column `page`, then every page's rows;
- table, markdown: each page's output, separated by a blank line.

Merged (`render_merged`), the entries of all pages form one chronological list and each
keeps the name of its page: json gets a document with `pages` (each page's metadata,
mode, capture time, zone and diagnostics) and `entries` (as the jsonl lines: the entry
with `"page"` first); jsonl and csv are as above but in the merged order; table and
markdown show the entries as one timeline, with each entry's site when they come from
several feeds.
"""
from __future__ import annotations

import csv
import io
import textwrap
from collections.abc import Sequence
from typing import Any

from feedline.model import FORMAT_VERSION, Entry, Page, PageKind, Timeline
from feedline.render._text import clean
from feedline.render._version import feedline_version
from feedline.render.csv_format import HEADER, _row, neutralise
from feedline.render.json_format import dumps, entry_to_dict, timeline_to_dict

#: (timeline index, entry) in merged order: see `feedline.inputs.merge`.
Order = Sequence[tuple[int, Entry]]


def opening(fmt: str) -> str:
    """What comes before the first page."""
    if fmt == "json":
        return "["
    if fmt == "csv":
        return _csv_rows([("page", *HEADER)])
    return ""


def part(timeline: Timeline, fmt: str, index: int, *, explain: bool = False,
         width: int | None = None) -> str:
    """The output of the `index`-th page (from 0), separators included."""
    if fmt == "json":
        document = textwrap.indent(dumps(timeline_to_dict(timeline), indent=2), "  ")
        return ("\n" if index == 0 else ",\n") + document
    if fmt == "csv":
        return _csv_rows(_page_row(timeline, entry) for entry in timeline.entries)
    from feedline.render import render

    text = render(timeline, fmt, explain=explain, width=width)
    return text if index == 0 or fmt == "jsonl" else "\n" + text


def closing(fmt: str, count: int) -> str:
    """What comes after the last of `count` pages."""
    if fmt == "json":
        return "\n]\n" if count else "]\n"
    return ""


def render_merged(timelines: Sequence[Timeline], order: Order, fmt: str, *,
                  explain: bool = False, width: int | None = None, sites: Sequence[str] | None = None) -> str:
    """The entries of `timelines` in `order` as one output in format `fmt`; `sites` (one label
    per entry in `order`) for the table, Markdown and HTML."""
    if fmt == "json":
        return dumps(merged_to_dict(timelines, order), indent=2) + "\n"
    if fmt == "jsonl":
        return "".join(dumps({"page": timelines[i].page.name, **entry_to_dict(entry)}) + "\n"
                       for i, entry in order)
    if fmt == "csv":
        rows = [_page_row(timelines[i], entry) for i, entry in order]
        return opening("csv") + _csv_rows(rows)
    from feedline.render import render

    return render(merged_timeline(timelines, order), fmt, explain=explain, width=width, sites=sites)


def merged_to_dict(timelines: Sequence[Timeline], order: Order) -> dict[str, Any]:
    """The merged JSON document (plain dicts, lists and scalars)."""
    pages = []
    for timeline in timelines:
        document = timeline_to_dict(timeline)
        pages.append({key: document[key] for key in ("page", "mode", "now", "tz", "diagnostics")})
    return {
        "format_version": FORMAT_VERSION,
        "generator": f"feedline {feedline_version()}",
        "pages": pages,
        "entries": [{"page": timelines[i].page.name, **entry_to_dict(entry)} for i, entry in order],
        "diagnostics": [_merged_note(timelines, order)],
    }


def merged_timeline(timelines: Sequence[Timeline], order: Order) -> Timeline:
    """One `Timeline` holding the merged entries, for the table and Markdown views."""
    count = len(timelines)
    page = Page(text="", name=f"{count} page{'' if count == 1 else 's'} merged", kind=PageKind.TEXT)
    return Timeline(page, tuple(entry for _, entry in order),
                    diagnostics=(_merged_note(timelines, order),))


def _merged_note(timelines: Sequence[Timeline], order: Order) -> str:
    count = len(order)
    pages = len(timelines)
    return (f"{count} entr{'y' if count == 1 else 'ies'} merged from "
            f"{pages} page{'' if pages == 1 else 's'}")


def _page_row(timeline: Timeline, entry: Entry) -> list[str]:
    return [neutralise(cell) for cell in (clean(timeline.page.name), *_row(entry))]


def _csv_rows(rows: Any) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue()
