"""`--explain`: every time-like line that is no entry, with the reason (feedline.nonentries)."""
from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import jsonschema

from feedline import extract
from feedline.model import Page
from feedline.nonentries import (
    INSIDE_ENTRY, LONE_DATED, MAX_NOT_ENTRIES, MID_LINE, NO_FEED, PAGE_STAMP, REPEAT, SCHEDULE,
)
from feedline.render import render

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "docs" / "timeline.schema.json").read_text(encoding="utf-8"))

PAGE = """City live

By the city desk, Published 3 March 2024 08:15

The museum opens its doors at 10:00 every Sunday for free.

Weather

Updated 21:00

Latest

10:40
The council approved the new parking rules after a long debate.
10:05
Rail workers announced a second day of strikes on the northern line.
09:30
The ferry to the islands resumed at 9:15 after the fog lifted.

Related

10:40
The council approved the new parking rules after a long debate.
"""


def reasons(text: str, **kwargs: object) -> dict[str, str]:
    timeline = extract(Page(text), explain=True, **kwargs)  # type: ignore[arg-type]
    return {item.text: item.reason for item in timeline.not_entries}


def test_each_kind_of_left_out_line_gets_its_reason() -> None:
    got = reasons(PAGE)
    assert got["By the city desk, Published 3 March 2024 08:15"] == PAGE_STAMP
    assert got["The museum opens its doors at 10:00 every Sunday for free."] == MID_LINE
    assert got["Updated 21:00"] == NO_FEED
    assert got["The ferry to the islands resumed at 9:15 after the fog lifted."] == INSIDE_ENTRY
    assert got["10:40"] == REPEAT  # the second "10:40": the entry is listed once
    # entries themselves and lines without anything time-like are not listed
    assert "10:05" not in got and "City live" not in got


def test_a_printed_date_after_the_capture_is_a_schedule() -> None:
    text = "Live\n\n12 March 2024 18:00\nThe final kicks off in the national stadium.\n" \
           "3 March 2024 09:10\nThe squad arrived at the training camp this morning.\n" \
           "3 March 2024 08:40\nTickets for the final sold out within an hour.\n"
    assert reasons(text) == {}
    assert reasons(text, now=datetime(2024, 3, 3, 12, 0)) == {"12 March 2024 18:00": SCHEDULE}


def test_nothing_is_computed_without_explain() -> None:
    assert extract(Page(PAGE)).not_entries == ()


def test_every_renderer_shows_them_inert_and_the_json_keeps_its_schema() -> None:
    hostile = PAGE.replace("The museum opens", "[bold]The \x1b[31mmuseum\u202e opens")
    timeline = extract(Page(hostile), explain=True)
    document = json.loads(render(timeline, "json"))
    jsonschema.Draft202012Validator(SCHEMA).validate(document)
    assert {item["reason"] for item in document["not_entries"]} >= {PAGE_STAMP, MID_LINE}
    for fmt in ("table", "markdown", "json"):
        out = render(timeline, fmt, explain=True)
        assert "\x1b" not in out and "\u202e" not in out
    assert "Not entries" in render(timeline, "table", explain=True)


def test_the_list_is_capped_on_a_hostile_page() -> None:
    text = "\n".join(f"Meeting moved to {h % 24:02d}:{h % 60:02d} today for item {h}." for h in range(2 * MAX_NOT_ENTRIES))
    assert len(extract(Page(text), explain=True).not_entries) == MAX_NOT_ENTRIES


def test_a_lone_fully_dated_stamp_is_named_the_pages_date() -> None:
    # A lone stamp with its full date is the article's date line: the pool's articles print it
    # once with no cue word ("3. Mai 2024, 17:47" on 87 pages, "14.07.2021 09:05" on 70): no
    # feed, and --explain says so.
    text = ("Invented article\n\n14.07.2021 09:05\n\nThe council voted on Tuesday to close the old bridge for repairs "
            "that will take most of the summer, officials said.\n")
    reasons = {n.text: n.reason for n in extract(Page(text), explain=True).not_entries}
    assert reasons["14.07.2021 09:05"] == LONE_DATED
