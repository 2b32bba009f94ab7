"""Blind mode: when the page gives no time of its own, a relative stamp is read back from when
its input was saved, a file's modification time or the moment stdin was read: an upper bound
of the capture that a scraper's fresh file meets. Not when the page shows it was saved long
after its capture (a day it prints lies more than `SAVED_SLACK_DAYS` earlier).

Feeds of relative stamps alone, copied out of their pages (eval_pool.py --twins snippets), were
lost whole in blind mode before: kxan.com, kron4.com and whnt.com ("19 mins ago" cards),
foxnews.com, politico.eu, asahi.com, sportsnet.ca, gamestar.de, technologyreview.com."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

from feedline.dates import SAVED_SLACK_DAYS
from feedline.model import DateBasis, DateStatus
from feedline.pipeline import extract
from feedline.read import read_page

FEED = ("Latest news\n\nTrains resume after the storm closes the line\n2 hours ago\n\n"
        "Council approves the budget for next year\n45 mins ago\n")
SAVED = datetime(2023, 11, 3, 14, 5, tzinfo=timezone.utc)


def saved_file(tmp_path: Path, text: str, when: datetime = SAVED) -> Path:
    path = tmp_path / "feed.txt"
    path.write_text(text, encoding="utf-8")
    os.utime(path, (when.timestamp(), when.timestamp()))
    return path


def by_stamp(source: object, **kwargs: object) -> dict:
    return {e.stamp.text: e for e in extract(source, **kwargs).entries}  # type: ignore[arg-type]


def test_a_files_modification_time_is_its_saved_time(tmp_path: Path) -> None:
    assert read_page(saved_file(tmp_path, FEED)).saved == SAVED
    assert read_page(FEED.encode()).saved is None  # bytes say nothing of when


def test_a_relative_stamp_is_read_back_from_when_the_file_was_saved(tmp_path: Path) -> None:
    entries = by_stamp(saved_file(tmp_path, FEED))
    two, recent = entries["2 hours ago"], entries["45 mins ago"]
    assert (two.local_time.strftime("%H:%M"), recent.local_time.strftime("%H:%M")) == ("12:05", "13:20")
    assert two.date.iso == "2023-11-03" and two.date.status is DateStatus.INFERRED
    assert two.date.basis is DateBasis.CAPTURE and two.date.confidence < 0.3
    assert "before the input was saved, 2023-11-03 14:05 UTC" in two.date.evidence[0]


def test_the_same_bytes_without_a_file_stay_untimed() -> None:
    assert all(e.local_time is None for e in by_stamp(FEED.encode()).values())


def test_the_saved_time_is_read_on_the_pages_zone_when_given(tmp_path: Path) -> None:
    two = by_stamp(saved_file(tmp_path, FEED), tz="Europe/Berlin")["2 hours ago"]
    assert two.local_time.strftime("%H:%M") == "13:05"  # 15:05 CET minus two hours
    assert "Europe/Berlin" in two.date.evidence[0]


def test_a_page_that_prints_an_older_day_is_no_fresh_copy(tmp_path: Path) -> None:
    """Saved three years after its own byline: the file's time bounds nothing, and the byline
    (a lower bound of the capture) is read back from instead."""
    page = "Updated 3 Nov 2020, 14:05\n\n" + FEED
    two = by_stamp(saved_file(tmp_path, page))["2 hours ago"]
    assert two.date.iso == "2020-11-03" and "lower bound of the capture" in two.date.evidence[0]


def test_a_page_that_prints_a_later_day_than_its_file_time_shows_a_wrong_file_clock(tmp_path: Path) -> None:
    """A file dated 1980 (an unzipped archive's default) over a page of 2023: not the capture."""
    page = "Updated 3 Nov 2023, 14:05\n\n" + FEED
    two = by_stamp(saved_file(tmp_path, page, datetime(1980, 1, 1, tzinfo=timezone.utc)))["2 hours ago"]
    assert two.date.iso == "2023-11-03" and "lower bound of the capture" in two.date.evidence[0]


def test_a_day_within_the_slack_keeps_the_saved_time(tmp_path: Path) -> None:
    page = f"Updated 2 Nov 2023, 23:50\n\n{FEED}"
    assert SAVED_SLACK_DAYS >= 1
    two = by_stamp(saved_file(tmp_path, page))["2 hours ago"]
    assert two.local_time.strftime("%H:%M") == "12:05" and "input was saved" in two.date.evidence[0]


def test_a_given_capture_time_wins(tmp_path: Path) -> None:
    two = by_stamp(saved_file(tmp_path, FEED), now=datetime(2023, 11, 5, 18, 0))["2 hours ago"]
    assert two.local_time.strftime("%H:%M") == "16:00" and two.date.iso == "2023-11-05"


def test_a_clock_beside_the_relative_stamp_is_not_overridden(tmp_path: Path) -> None:
    """'2 days ago at 07:52 am': the clock is the entry's time; the saved time would only
    contradict it (the stamp's day is unknown without a capture time)."""
    page = ("Top comments\n\nJane\n2 days ago at 07:52 am\nThe keyboard alone is a reason to upgrade.\n\n"
            "Tom\n2 days ago at 08:12 am\nI would wait for the next model, honestly.\n")
    for entry in by_stamp(saved_file(tmp_path, page)).values():
        assert "input was saved" not in " ".join(entry.date.evidence)


def test_stdin_is_saved_when_it_is_read() -> None:
    before = datetime.now(timezone.utc).replace(second=0, microsecond=0)
    run = subprocess.run([sys.executable, "-m", "feedline", "extract", "-", "--format", "jsonl"],
                         input=FEED.encode(), capture_output=True, check=True)
    after = datetime.now(timezone.utc)
    first = run.stdout.decode().splitlines()[0]
    assert "before the input was saved" in first
    entry = json.loads(first)
    stamp = datetime.fromisoformat(entry["datetime"]).replace(tzinfo=timezone.utc)
    minutes = entry["relative_minutes"]
    assert before.timestamp() - 60 * (minutes + 1) <= stamp.timestamp() <= after.timestamp() - 60 * (minutes - 1)
