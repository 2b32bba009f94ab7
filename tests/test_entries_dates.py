"""Entries and their dates on small hand-written pages, through `feedline.pipeline.extract`.

The pages are written for these tests (no corpus text). Each test states what a careful
reader of the page would conclude; rows marked xfail are known bugs (strict: they fail
loudly once fixed, so the marker can go).
"""
from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

import pytest

from feedline.model import DateBasis, DateStatus, Page, Timeline
from feedline.pipeline import extract


def page(text: str) -> Page:
    return Page(text.strip("\n") + "\n", name="test.txt")


def dated(timeline: Timeline) -> list[tuple[str, str | None, str | None]]:
    """(stamp as printed, "HH:MM", date ISO) per entry, in the timeline's order."""
    return [(e.stamp.text, e.local_time.strftime("%H:%M") if e.local_time else None, e.date.iso)
            for e in timeline.entries]


def in_page_order(timeline: Timeline) -> list:
    return sorted(timeline.entries, key=lambda e: e.span[0])


def full_text(entry) -> str:
    return f"{entry.headline or ''}\n{entry.text}"


def known_bug(reason: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(reason=reason, strict=True)


# ── feed order and midnight ────────────────────────────────────────────────────────────
NEWEST_FIRST = """
Harbour live

01:20
Harbour officials reopened the northern ferry terminal after the overnight storm passed.
00:45
Rescue crews reached the stranded fishing boat off the cape late in the night.
23:50
Wind gusts of over 120 km/h were measured at the lighthouse station before midnight.
22:15
The regional council ordered schools in the coastal districts to stay closed tomorrow.
"""

OLDEST_FIRST = """
Election night as it happened

21:40
Polling stations in the capital closed on time and counting began in the sports hall.
22:55
First partial results from the rural districts showed a narrow lead for the incumbent.
23:48
Turnout was put at 61 percent with most districts counted.
00:30
The challenger conceded in a short speech to supporters at her campaign office.
01:05
The incumbent thanked voters and promised a cabinet reshuffle within weeks.
"""


def test_newest_first_feed_rolls_back_across_midnight() -> None:
    timeline = extract(page(NEWEST_FIRST), now=datetime(2024, 2, 10, 2, 0))
    assert dated(timeline) == [
        ("22:15", "22:15", "2024-02-09"),
        ("23:50", "23:50", "2024-02-09"),
        ("00:45", "00:45", "2024-02-10"),
        ("01:20", "01:20", "2024-02-10"),
    ]
    assert all(e.date.status is DateStatus.INFERRED for e in timeline.entries)
    assert [e.datetime for e in timeline.entries] == sorted(e.datetime for e in timeline.entries)


def test_oldest_first_feed_rolls_forward_across_midnight() -> None:
    timeline = extract(page(OLDEST_FIRST), now=datetime(2024, 11, 6, 1, 30))
    assert dated(timeline) == [
        ("21:40", "21:40", "2024-11-05"),
        ("22:55", "22:55", "2024-11-05"),
        ("23:48", "23:48", "2024-11-05"),
        ("00:30", "00:30", "2024-11-06"),
        ("01:05", "01:05", "2024-11-06"),
    ]


def test_timeline_is_chronological_whatever_the_page_order() -> None:
    newest = extract(page(NEWEST_FIRST), now=datetime(2024, 2, 10, 2, 0))
    positions = [e.position for e in newest.entries]
    assert positions == sorted(positions, reverse=True)  # page order was newest first
    oldest = extract(page(OLDEST_FIRST), now=datetime(2024, 11, 6, 1, 30))
    assert [e.position for e in oldest.entries] == sorted(e.position for e in oldest.entries)


def test_no_entry_after_now_in_capture_mode() -> None:
    """Clocks later than the capture time's clock belong to the day before."""
    now = datetime(2024, 3, 10, 8, 0)
    text = """
Latest

07:45
Morning trains are running on time after yesterday's signal repairs.
23:10
The city council approved the new parking rules late in the evening.
22:00
A concert in the main square drew a crowd of several thousand people.
"""
    timeline = extract(page(text), now=now)
    assert dated(timeline) == [
        ("22:00", "22:00", "2024-03-09"),
        ("23:10", "23:10", "2024-03-09"),
        ("07:45", "07:45", "2024-03-10"),
    ]
    assert all(e.datetime is not None and e.datetime <= now for e in timeline.entries)


QUIET = """
Wire

23:43
The harbour authority approved the new ferry timetable for the winter.
16:37
Rail operators suspended night services on the coastal line for repairs.
01:49
The statistics office revised its estimate of last quarter's growth.
"""


def test_a_quiet_feed_read_back_from_the_capture_time_leaves_the_day_unproven() -> None:
    """Three entries over a day (one per 8 h): any gap could be a day longer, so no date."""
    timeline = extract(page(QUIET), now=datetime(2023, 10, 2, 4, 1))
    assert [d for _, _, d in dated(timeline)] == [None, None, None]
    for entry in timeline.entries:
        assert entry.date.status is DateStatus.UNKNOWN and entry.date.basis is DateBasis.CAPTURE
        assert "quiet feed" in entry.date.evidence[-1] and "most likely 2023-10-01" in entry.date.evidence[-1]


def test_a_feed_posting_every_few_hours_keeps_its_dates_across_a_night() -> None:
    text = "Latest\n\n" + "".join(f"{clock}\nItem number {n} of the evening and morning news here.\n"
                                    for n, clock in enumerate(("08:10", "07:30", "23:40", "21:15", "19:00", "17:20")))
    timeline = extract(page(text), now=datetime(2024, 5, 2, 8, 30))
    assert [d for _, _, d in dated(timeline)] == ["2024-05-01"] * 4 + ["2024-05-02"] * 2
    assert {e.date.basis for e in timeline.entries} == {DateBasis.CAPTURE}


def test_a_quiet_feed_under_a_date_heading_keeps_its_dates() -> None:
    timeline = extract(page("Wire\n\nMonday, 2 October 2023\n" + QUIET.split("Wire", 1)[1]),
                       now=datetime(2023, 10, 3, 4, 1))
    assert all(e.date.local_date is not None and e.date.basis is DateBasis.HEADING for e in timeline.entries)


def test_a_heading_that_would_put_entries_after_the_capture_time_loses_to_it() -> None:
    """The capture time is a bound: 23:43 under "2 October" cannot be seen at 04:01 that day."""
    timeline = extract(page("Wire\n\nMonday, 2 October 2023\n" + QUIET.split("Wire", 1)[1]),
                       now=datetime(2023, 10, 2, 4, 1))
    for entry in timeline.entries:
        assert entry.date.local_date is None or datetime.combine(entry.date.local_date, entry.local_time) \
            <= datetime(2023, 10, 2, 4, 1)
        assert entry.date.basis is DateBasis.CAPTURE and "overruled" in " ".join(entry.date.evidence)


# ── headings ───────────────────────────────────────────────────────────────────────────
YESTERDAY = """
Latest

Yesterday

18:30
The city library extended its opening hours for the exam season.
16:10
A burst water main flooded two streets in the old town during the afternoon rush.
"""

DATED_HEADINGS = """
News ticker

Tuesday, 27 August 2024

18:30
The city library extended its opening hours for the exam season.
16:10
A burst water main flooded two streets in the old town during the afternoon rush.

Monday, 26 August 2024

21:05
Firefighters contained a warehouse blaze near the river port after four hours.
09:40
The transport authority presented new night bus routes starting next month.
"""


def test_yesterday_heading_dates_the_entries_below_it() -> None:
    timeline = extract(page(YESTERDAY), now=datetime(2024, 3, 14, 9, 0))
    assert dated(timeline) == [("16:10", "16:10", "2024-03-13"), ("18:30", "18:30", "2024-03-13")]


def test_yesterday_heading_without_now_gives_no_date() -> None:
    timeline = extract(page(YESTERDAY))
    assert dated(timeline) == [("18:30", "18:30", None), ("16:10", "16:10", None)]
    assert all(e.date.status is DateStatus.UNKNOWN and e.datetime is None for e in timeline.entries)


@pytest.mark.parametrize("now", [None, datetime(2024, 8, 28, 7, 0)], ids=["blind", "capture"])
def test_dated_headings_cut_the_feed_into_days(now: datetime | None) -> None:
    timeline = extract(page(DATED_HEADINGS), now=now)
    assert dated(timeline) == [
        ("09:40", "09:40", "2024-08-26"),
        ("21:05", "21:05", "2024-08-26"),
        ("16:10", "16:10", "2024-08-27"),
        ("18:30", "18:30", "2024-08-27"),
    ]


# ── relative stamps ────────────────────────────────────────────────────────────────────
RELATIVE = """
Most read

5 mins ago
Ferry services to the islands resume after the morning fog lifted over the strait.

2 hours ago
A new cycling bridge over the canal opened to the public with a small ceremony.

1 day ago
The zoo welcomed twin red panda cubs, the first born there in a decade.
"""


def test_relative_stamps_count_back_from_now() -> None:
    timeline = extract(page(RELATIVE), now=datetime(2024, 1, 1, 1, 0))
    assert dated(timeline) == [
        ("1 day ago", "01:00", "2023-12-31"),
        ("2 hours ago", "23:00", "2023-12-31"),
        ("5 mins ago", "00:55", "2024-01-01"),
    ]
    assert [e.stamp.relative_minutes for e in timeline.entries] == [1440, 120, 5]


def test_relative_stamps_without_now_have_no_date_and_no_time() -> None:
    timeline = extract(page(RELATIVE))
    assert len(timeline.entries) == 3
    for entry in timeline.entries:
        assert entry.local_time is None and entry.date.iso is None and entry.datetime is None
        assert entry.date.status is DateStatus.UNKNOWN


def test_relative_stamps_with_a_zone_are_aware() -> None:
    timeline = extract(page(RELATIVE), now=datetime(2024, 7, 1, 12, 0), tz="Europe/Berlin")
    newest = timeline.entries[-1]
    assert newest.datetime is not None and newest.datetime.utcoffset() == timedelta(hours=2)
    assert newest.datetime.replace(tzinfo=None) == datetime(2024, 7, 1, 11, 55)


# ── blind mode ─────────────────────────────────────────────────────────────────────────
BLIND_WITH_EVIDENCE = """
Bridge repairs to take two years

By Jane Doe March 17, 2023 2:42 PM

The main road bridge will close in stages while engineers replace its bearings.

Latest news

9:15 PM
The port authority reported on Oct. 3 that container traffic rose for a third month.
6:40 PM
Local buses will run a reduced timetable during the holiday weekend.
"""


def test_blind_mention_and_byline_year_give_the_full_date() -> None:
    timeline = extract(page(BLIND_WITH_EVIDENCE))
    assert timeline.mode == "blind"
    assert dated(timeline) == [("6:40 PM", "18:40", "2023-10-03"), ("9:15 PM", "21:15", "2023-10-03")]
    assert all(e.date.status is DateStatus.INFERRED for e in timeline.entries)
    assert all(e.floating for e in timeline.entries)


def test_byline_is_not_an_entry() -> None:
    for now in (None, datetime(2023, 10, 3, 22, 0)):
        timeline = extract(page(BLIND_WITH_EVIDENCE), now=now)
        assert sorted(e.stamp.text for e in timeline.entries) == ["6:40 PM", "9:15 PM"]
        assert all("2:42" not in e.stamp.text and "Jane Doe" not in full_text(e) for e in timeline.entries)


def test_blind_sentence_final_mention_gives_the_date() -> None:
    text = BLIND_WITH_EVIDENCE.replace(
        "The port authority reported on Oct. 3 that container traffic rose for a third month.",
        "Container traffic rose for a third month, the port authority reported on October 3.")
    timeline = extract(page(text))
    assert dated(timeline) == [("6:40 PM", "18:40", "2023-10-03"), ("9:15 PM", "21:15", "2023-10-03")]


def test_blind_without_evidence_leaves_the_date_unknown() -> None:
    timeline = extract(page(NEWEST_FIRST))
    assert [e.local_time for e in timeline.entries] == [time(1, 20), time(0, 45), time(23, 50), time(22, 15)]
    for entry in timeline.entries:
        assert entry.date.local_date is None and entry.date.iso is None
        assert entry.date.status is DateStatus.UNKNOWN
        assert entry.datetime is None


# ── layouts ────────────────────────────────────────────────────────────────────────────
COMMENTS = """
Comments

I switched to the new keyboard last week and my wrists already feel better.
5.18.2005 6:34pm

Does anyone know whether the battery can be replaced without a service visit?
5.18.2005 7:02pm

Mine lasted four years before it needed a new cell, so no complaints here.
5.19.2005 8:15am
"""


def test_stamp_after_its_item_in_a_comment_thread() -> None:
    timeline = extract(page(COMMENTS))
    assert dated(timeline) == [
        ("5.18.2005 6:34pm", "18:34", "2005-05-18"),
        ("5.18.2005 7:02pm", "19:02", "2005-05-18"),
        ("5.19.2005 8:15am", "08:15", "2005-05-19"),
    ]
    assert all(e.date.status is DateStatus.EXACT for e in timeline.entries)
    openings = [full_text(e).strip().split()[:3] for e in timeline.entries]
    assert openings == [["I", "switched", "to"], ["Does", "anyone", "know"], ["Mine", "lasted", "four"]]


# The clock printed before the date (dailycaller.com month-first; net.hr, ln-online.de
# day-first, in the pool): one unambiguous date settles the order of the page's others.
@pytest.mark.parametrize("stamps, dates", [
    (("11:35 AM 12/31/2014", "9:10 AM 12/10/2014", "8:05 AM 12/03/2014"), ["2014-12-31", "2014-12-10", "2014-12-03"]),
    (("17:37 31.12.2014", "09:10 12.10.2014", "08:05 12.03.2014"), ["2014-12-31", "2014-10-12", "2014-03-12"]),
])
def test_a_clock_before_its_numeric_date_still_settles_the_date_order(stamps: tuple[str, ...],
                                                                       dates: list[str]) -> None:
    text = "More from this columnist\n\n" + "".join(
        f"Column number {n} on the state of the budget talks\n{stamp}\n\n" for n, stamp in enumerate(stamps))
    timeline = extract(page(text), now=datetime(2015, 1, 2, 12, 0))
    assert [e.date.iso for e in in_page_order(timeline)] == dates


def test_section_label_above_a_comment_thread_is_not_the_first_comment() -> None:
    timeline = extract(page(COMMENTS.replace("\nComments\n", "\nReader comments\n")))
    first = in_page_order(timeline)[0]
    assert "Reader comments" not in full_text(first)


def test_posted_by_comment_stamps_are_entries() -> None:
    text = """
Comments

I switched to the new keyboard last week and my wrists already feel better.
Posted by: pixelpusher | 5.18.2005 6:34pm

Does anyone know whether the battery can be replaced without a service visit?
Posted by: quietmouse | 5.18.2005 7:02pm

Mine lasted four years before it needed a new cell, so no complaints here.
Posted by: orchard | 5.19.2005 8:15am
"""
    timeline = extract(page(text))
    assert [e.stamp.text for e in timeline.entries] == ["5.18.2005 6:34pm", "5.18.2005 7:02pm", "5.19.2005 8:15am"]


def test_newsletter_widget_is_not_entry_text() -> None:
    text = """
Market wrap

3:45 PM
Shares of the regional bank fell sharply after it cut its dividend forecast.
Daily Briefing
Get the news
in your inbox
2:10 PM
Oil prices steadied as traders awaited the weekly inventory report.

Subscribe

* indicates required
Enter your email to subscribe
"""
    timeline = extract(page(text), now=datetime(2024, 5, 2, 16, 0))
    assert dated(timeline) == [("2:10 PM", "14:10", "2024-05-02"), ("3:45 PM", "15:45", "2024-05-02")]
    for entry in timeline.entries:
        body = full_text(entry)
        for widget in ("Subscribe", "indicates required", "Daily Briefing", "inbox", "Enter your email"):
            assert widget not in body, (entry.stamp.text, body)


def test_item_shown_twice_is_one_entry() -> None:
    text = """
Key events

2:15 PM
Parliament approves the budget after a marathon overnight session
11:05 AM
Storm warning issued for the northern coast

Live

2:15 PM
Parliament approves the budget after a marathon overnight session
The vote passed by 212 to 188 after more than fourteen hours of debate.
1:30 PM
Train services between the two largest cities were suspended because of a signal fault.
11:05 AM
Storm warning issued for the northern coast
Forecasters expect gusts of up to 110 km/h from the early evening onwards.
"""
    timeline = extract(page(text), now=datetime(2024, 5, 2, 16, 0))
    assert dated(timeline) == [
        ("11:05 AM", "11:05", "2024-05-02"),
        ("1:30 PM", "13:30", "2024-05-02"),
        ("2:15 PM", "14:15", "2024-05-02"),
    ]
    budget = timeline.entries[-1]
    assert "212 to 188" in budget.text  # the full entry is kept, not the key-events line
    storm = timeline.entries[0]
    assert "110 km/h" in storm.text


# ── zones ──────────────────────────────────────────────────────────────────────────────
LONDON = """
Live

14:20
Rail workers announced a second day of strikes for later this month.
13:05
The central bank held interest rates at their current level.
"""


@pytest.mark.parametrize(
    ("now", "offset"),
    [
        pytest.param(datetime(2024, 7, 15, 15, 0), timedelta(hours=1), id="summer-BST"),
        pytest.param(datetime(2024, 1, 15, 15, 0), timedelta(0), id="winter-GMT"),
        pytest.param(datetime(2024, 7, 15, 14, 0, tzinfo=timezone.utc), timedelta(hours=1), id="summer-aware-now"),
    ],
)
def test_tz_makes_datetimes_aware_with_the_dst_offset(now: datetime, offset: timedelta) -> None:
    timeline = extract(page(LONDON), now=now, tz="Europe/London")
    assert timeline.tz == "Europe/London"
    day = now.date().isoformat()
    assert dated(timeline) == [("13:05", "13:05", day), ("14:20", "14:20", day)]
    for entry in timeline.entries:
        assert not entry.floating
        assert entry.datetime is not None and entry.datetime.utcoffset() == offset
        assert entry.datetime.astimezone(timezone.utc) <= now.replace(tzinfo=now.tzinfo or entry.datetime.tzinfo)


def test_without_tz_datetimes_float() -> None:
    timeline = extract(page(LONDON), now=datetime(2024, 7, 15, 15, 0))
    assert all(e.floating and e.datetime.tzinfo is None for e in timeline.entries)


ZONE_LABELS = [
    pytest.param("12.50 BST", "12.34 BST", timedelta(hours=1), id="BST"),
    pytest.param("12:50 EDT", "12:34 EDT", timedelta(hours=-4), id="EDT"),
    pytest.param("12:50 GMT", "12:34 GMT", timedelta(0), id="GMT"),
    pytest.param("12:50 GMT+2", "12:34 GMT+2", timedelta(hours=2), id="GMT+2"),
]


@pytest.mark.parametrize(("newer", "older", "offset"), ZONE_LABELS)
def test_stamp_zone_label_sets_the_offset(newer: str, older: str, offset: timedelta) -> None:
    text = f"""
Live

{newer}
Rail workers announced a second day of strikes for later this month.
{older}
The central bank held interest rates at their current level.
"""
    timeline = extract(page(text), now=datetime(2023, 5, 15, 13, 0))
    assert [e.stamp.text for e in timeline.entries] == [older, newer]
    for entry in timeline.entries:
        assert entry.date.local_date == date(2023, 5, 15)
        assert entry.datetime is not None and entry.datetime.utcoffset() == offset


HIGHLIGHTS_THEN_BYLINE = """
Highlights
Harbour bridge reopens after overnight repairs 14:05
City council approves new cycling lanes 13:40
By
Ann Example Staff Writer
Ben Sample Staff Writer

14:05 Ann Example
Harbour bridge reopens after overnight repairs
The bridge reopened to traffic shortly after two o'clock.

13:40 Ben Sample
City council approves new cycling lanes
Councillors voted in favour of the plan by a wide margin.
"""


def test_one_line_items_with_trailing_stamps_keep_their_own_headline() -> None:
    """The last line of a highlights list does not take the byline below it as its item."""
    timeline = extract(page(HIGHLIGHTS_THEN_BYLINE), now=datetime(2024, 3, 5, 15, 0))
    assert sorted(e.stamp.text for e in timeline.entries) == ["13:40", "14:05"]
    assert all("Staff Writer" not in full_text(e) for e in timeline.entries)


SUMMARY_THEN_TICKER = """
Key points
Listen to this story in our evening radio bulletin every weekday.
Bridge reopens after overnight repairs (14.05 BST)
Council approves new cycling lanes (13.40 BST)

14.05 BST: Bridge reopens after overnight repairs
The bridge reopened to traffic shortly after two o'clock.

13.40 BST: Council approves new cycling lanes
Councillors voted in favour of the plan by a wide margin.
"""


def test_a_summary_list_item_with_a_trailing_stamp_is_its_own_line() -> None:
    """The first line of a summary list does not take the note above the list as its text."""
    timeline = extract(page(SUMMARY_THEN_TICKER), now=datetime(2024, 3, 5, 15, 0))
    assert sorted(e.stamp.text for e in timeline.entries) == ["13.40 BST", "14.05 BST"]
    assert all("radio bulletin" not in full_text(e) for e in timeline.entries)


SOURCE_LABEL_LIST = """
Harbour bridge reopens after overnight repairs
via the sports desk of our partner site / 2 hours ago
City council approves new cycling lanes
via the sports desk of our partner site / 5 hours ago
Local school wins regional chess final
via the sports desk of our partner site / 8 hours ago
View All
"""


def test_a_label_repeated_before_each_trailing_stamp_is_not_a_headline() -> None:
    timeline = extract(page(SOURCE_LABEL_LIST), now=datetime(2024, 3, 5, 15, 0))
    texts = [full_text(e) for e in in_page_order(timeline)]
    assert len(texts) == 3
    assert all("Harbour bridge" in t for t in texts[:1]) and "chess final" in texts[2]


SHORT_HEADLINE_ABOVE_STAMP = """
Top news
Storm closes two motorways in the north overnight
21:31
Related
Rail union calls off next week's planned strike action
Ferry fares rise for the summer season ahead of time
Bridge repairs finish early
0:51
Museum reopens after a long renovation of its halls
1:26
Stadium plans approved by the city council on Monday
21:45
"""


def test_a_short_headline_right_above_its_stamp_is_kept() -> None:
    """Fragments are trimmed at the far end of an item, not next to its stamp."""
    timeline = extract(page(SHORT_HEADLINE_ABOVE_STAMP), now=datetime(2024, 3, 5, 2, 0))
    by_stamp = {e.stamp.text: full_text(e) for e in timeline.entries}
    assert "Bridge repairs finish early" in by_stamp["0:51"]


CUT_SHORT_TWICE = """
Latest
Harbour authority and ferry operators agree new summer R ..
4 minutes ago
City council approves new cycling lanes for the old ..
9 minutes ago

More news
Harbour authority and ferry operators agree new summer Rota for crossings
4 minutes ago
City council approves new cycling lanes for the old town centre
9 minutes ago
"""


def test_a_headline_cut_short_with_dots_is_the_same_item_as_the_full_one() -> None:
    timeline = extract(page(CUT_SHORT_TWICE), now=datetime(2024, 3, 5, 15, 0))
    assert len(timeline.entries) == 2


TITLE_TWICE_CARDS = """
Most read
Harbour bridge reopens after a week of overnight repairs
Harbour bridge reopens after a week of overnight repairs
3 hours ago
Transport
City council approves new cycling lanes for the old town
City council approves new cycling lanes for the old town
5 hours ago
Local politics
Regional chess final won by a village school team
Regional chess final won by a village school team
6 hours ago
Education
Your comments
Please keep the discussion civil; comments are moderated before they appear.
"""


def test_a_headline_printed_twice_above_its_stamp_is_the_stamps_item() -> None:
    timeline = extract(page(TITLE_TWICE_CARDS), now=datetime(2024, 3, 5, 15, 0))
    items = {e.stamp.text: full_text(e) for e in timeline.entries}
    assert "Harbour bridge" in items["3 hours ago"]
    assert "chess final" in items["6 hours ago"]
    assert all("comments are moderated" not in t for t in items.values())


STRAY_ABOVE_LIST = """
Editor's pick
Is there reason to worry about rates?
15:32
COLUMN
Partner blogs
Jump into the unknown without any tricks at all
SPONSORED
Jump into the unknown without any tricks at all
Say only what your listeners want to hear
SPONSORED
Say only what your listeners want to hear
Studio
Your next car could be a leased one this year
All
Followed
Latest
19:45
EU
Budget talks stall as leaders fail to agree on spending
19:00
HEALTH
Professor warns about nurse staffing levels in hospitals
18:33
BUSINESS
Merger deal was ready to be signed last week
"""


def test_a_stamp_far_above_a_tight_list_is_not_its_first_item() -> None:
    timeline = extract(page(STRAY_ABOVE_LIST), now=datetime(2024, 3, 5, 20, 0))
    assert sorted(e.stamp.text for e in timeline.entries) == ["18:33", "19:00", "19:45"]


# A visible "Updated" stamp shows the page's modified time, as the markup does: pool pages show
# the same instant in both (metro.co.uk "Updated Jul 17, 2024, 6:39pm", zeit.de "Aktualisiert
# am 28. April 2023, 20:22 Uhr", eldiario.es "Actualizado el 25/05/2025 21:57 h", dagbladet.no
# "Sist oppdatert … 20:24", thesun.co.uk, inews.co.uk). In a text page it is the capture-time
# hint the markup's modified time is in HTML: just after the newest entry, the page's last update.
_LIVE_TEXT = ("Cricket World Cup: India v Sri Lanka live\n\n{line}\n\n"
              "21:06 India win by 302 runs to reach the semi-finals.\n\n"
              "20:51 Shami takes his fifth wicket as Sri Lanka collapse.\n\n"
              "20:39 Siraj strikes twice in an over to leave the visitors reeling.\n")


@pytest.mark.parametrize("line", ["Updated: November 02, 2023 09:20 PM IST", "Aggiornato il 2 novembre 2023 alle 21:20"])
def test_an_updated_page_stamp_just_after_the_newest_entry_dates_a_text_feed(line: str) -> None:
    assert {d for _, _, d in dated(extract(page(_LIVE_TEXT.format(line=line))))} == {"2023-11-02"}


def test_a_published_byline_is_no_update_hint() -> None:
    # An article's first publication says nothing of when a feed beside it last changed.
    text = _LIVE_TEXT.format(line="By Jane Doe · Published: November 02, 2023 09:20 PM IST")
    assert {d for _, _, d in dated(extract(page(text)))} == {None}
