"""Render a Timeline as text, in one of `FORMATS` (html: one self-contained page).

    render(timeline, "json")  ->  str

Each format lives in its own module, imported on first use (rich only for
"table"), so importing this package is cheap.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from feedline.errors import UsageError

if TYPE_CHECKING:
    from collections.abc import Sequence

    from feedline.model import Timeline

FORMATS: tuple[str, ...] = ("table", "json", "jsonl", "csv", "markdown", "html")


def render(timeline: Timeline, fmt: str, *, explain: bool = False, width: int | None = None,
           sites: Sequence[str] | None = None, header: Sequence[str] = ()) -> str:
    """`timeline` in format `fmt`. `explain` affects table and markdown, `width` the table;
    `sites` (one label per entry: which feed it is from) shows in table, markdown and HTML
    when the labels differ; `header` lines (such as each feed's capture time) follow the title."""
    if fmt == "table":
        from feedline.render.table import render_table_text

        return render_table_text(timeline, explain=explain, width=width, sites=sites, header=header)
    if fmt == "json":
        from feedline.render.json_format import render_json

        return render_json(timeline)
    if fmt == "jsonl":
        from feedline.render.json_format import render_jsonl

        return render_jsonl(timeline)
    if fmt == "csv":
        from feedline.render.csv_format import render_csv

        return render_csv(timeline)
    if fmt == "markdown":
        from feedline.render.markdown import render_markdown

        return render_markdown(timeline, explain=explain, sites=sites, header=header)
    if fmt == "html":
        from feedline.render.html import render_html

        return render_html(timeline, explain=explain, sites=sites, header=header)
    raise UsageError(f"unknown format {fmt!r} (expected one of: {', '.join(FORMATS)})")
