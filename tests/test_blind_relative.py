"""Blind mode: a relative stamp read back from the newest time the page itself gives (its
latest printed date-and-clock, or its markup's published / modified time), a lower bound of
the capture, as a reader of a saved page takes it. Pages with relative feeds and such a time
in ../shared/pool (labelled, blind entries gained): cbsnews.com and kxan.com ("N hours ago"
lists beside a dated byline), lrt.lt, phys.org, philstar.com, laola1.at (cards under an article
whose markup or byline gives its time)."""
from __future__ import annotations

from datetime import datetime

from feedline.model import DateBasis, DateStatus
from feedline.pipeline import extract

FEED = ("Latest news\n\nTrains resume after the storm closes the line\n2 hours ago\n\n"
        "Council approves the budget for next year\n5 hours ago\n")


def by_stamp(page: str | bytes, **kwargs: object) -> dict:
    source = page.encode() if isinstance(page, str) else page
    return {e.stamp.text: e for e in extract(source, **kwargs).entries}  # type: ignore[arg-type]


def test_a_relative_stamp_is_read_back_from_the_newest_time_the_page_prints() -> None:
    entries = by_stamp("Updated 3 Nov 2023, 14:05\n\n" + FEED)
    two, five = entries["2 hours ago"], entries["5 hours ago"]
    assert (two.local_time.strftime("%H:%M"), five.local_time.strftime("%H:%M")) == ("12:05", "09:05")
    assert two.date.iso == "2023-11-03"
    assert two.date.status is DateStatus.INFERRED and two.date.basis is DateBasis.CAPTURE
    assert two.date.confidence < 0.5  # a lower bound of the capture: the time is at best early
    assert "lower bound of the capture" in two.date.evidence[0]


def test_the_newest_of_the_pages_times_is_the_bound() -> None:
    """An older byline and a newer dated entry: the entry's printed time is the later bound."""
    page = ("By a reporter, 1 Nov 2023, 08:00\n\nLatest news\n\nFerry service returns to the island\n3 Nov 2023, 16:40\n\n"
            "Trains resume after the storm closes the line\n2 hours ago\n\nCouncil approves the budget\n5 hours ago\n")
    entries = by_stamp(page)
    assert entries["2 hours ago"].local_time.strftime("%H:%M") == "14:40"
    assert entries["2 hours ago"].date.iso == "2023-11-03"


def test_the_markups_modified_time_is_a_bound_too() -> None:
    cards = "".join(f"<li><h3>{h}</h3><p>One sentence of summary for the card here.</p><span>{s}</span></li>"
                    for s, h in (("2 hours ago", "Trains resume after the storm closes the line"),
                                 ("5 hours ago", "Council approves the budget for next year")))
    page = ("<html lang='en'><head><meta property='article:modified_time' content='2023-11-03T14:05:00+01:00'>"
            "</head><body><h1>An article</h1><p>Body text of the article, long enough to be one.</p>"
            f"<h2>Latest</h2><ul>{cards}</ul></body></html>")
    entries = by_stamp(page)
    assert entries["2 hours ago"].local_time.strftime("%H:%M") == "12:05"
    assert "modified 2023-11-03T14:05:00+01:00" in entries["2 hours ago"].date.evidence[0]


def test_a_page_that_gives_no_time_leaves_relative_stamps_untimed() -> None:
    entries = by_stamp(FEED)
    assert all(e.local_time is None and e.date.status is DateStatus.UNKNOWN for e in entries.values())


def test_the_capture_time_when_given_is_the_reference() -> None:
    entries = by_stamp("Updated 3 Nov 2023, 14:05\n\n" + FEED, now=datetime(2023, 11, 5, 18, 0))
    assert entries["2 hours ago"].local_time.strftime("%H:%M") == "16:00"
    assert entries["2 hours ago"].date.iso == "2023-11-05"
    assert entries["2 hours ago"].date.confidence > 0.5


def test_a_clock_printed_after_the_relative_stamp_is_not_overruled_by_a_bound() -> None:
    """"2 days ago at 07:52 am": the clock the stamp did not read is the entry's time; a time
    read back from the page's newest time would contradict it, so none is given."""
    page = ("Updated 18 Nov 2019, 09:05\n\nComments\n\nI think this is a good idea for all of us\n"
            "2 days ago at 07:52 am\n\nAnother comment here on the same thing\n2 days ago at 08:58 am\n")
    assert all(e.local_time is None for e in by_stamp(page).values())


def test_a_later_day_printed_without_a_clock_leaves_the_newest_time_unknown() -> None:
    """An old article's byline under a list rendered years later, whose cards print later dates
    without a clock: the byline is no bound worth reading the stamps back from."""
    page = ("Updated 22 Dec 2016, 14:16\n\nTrending\n\nA puzzle answer for the day, with hints\n15 hours ago\n\n"
            "A puzzle answer for the day before, with hints\n09/08/2022\n\nAnother story from the week\n08/09/2022\n")
    assert by_stamp(page)["15 hours ago"].local_time is None
    assert "prints a later day (2022-09-08)" in by_stamp(page)["15 hours ago"].date.evidence[0]


def test_a_relative_group_label_is_read_back_from_the_newest_time_too() -> None:
    """Live-blog entries under "1h ago" / "42m ago" labels, their clocks printed bare: the labels
    are relative stamps like any other, read back from the page's newest time for the day (the
    mechanism of the tests above; labels of this kind in ../shared/corpus: guardian.com's text
    twin, yamnews.md's "acum 2 ore" groups)."""
    page = ("Live: the summit\n\nMon 15 May 2023 12.50 BST\n\n42m ago\n12.12 BST\nLeaders arrive for the second day "
            "of talks in the capital\n\n1h ago\n11.42 BST\nThe agenda for the day is published by the hosts\n")
    entries = sorted(extract(page.encode()).entries, key=lambda e: e.position)
    assert [(e.stamp.text, e.date.iso) for e in entries] == [("12.12 BST", "2023-05-15"), ("11.42 BST", "2023-05-15")]
    assert entries[0].date.basis is DateBasis.HEADING and entries[0].date.confidence < 0.5
    assert "lower bound of the capture" in entries[0].date.evidence[0]
