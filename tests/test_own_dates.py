"""An entry's date printed on the line above its clock (`dates._own_date_lines`).

Comment threads and news cards print the date and the clock in two elements; a text dump
(BeautifulSoup's ``get_text("\\n")``, a browser's innerText of block elements) puts them on
two lines. Seen on aclu.org and carnegieendowment.org (comment threads), coin-update.de and
investmentexecutive.com (news cards): each such line dates its own entry, even where the
clocks do not restart below it as they do below a day heading.
"""
from __future__ import annotations

from datetime import date, datetime

from feedline.pipeline import extract

THREAD = """Comments
Claire
August 06, 2019
4:14 pm
How does this work in practice? Does a large trading partner pay a lower tax?
Report
Michael
August 07, 2019
2:42 am
Until an actual bill is passed there is no way to know how it will be gamed.
Report
Claire
August 07, 2019
7:39 pm
Thanks for the replies, and for the article of course.
Report
Michael S
August 09, 2019
12:52 pm
The central bank was chosen because it tends to follow statutory mandates.
Report
"""

CARDS = """Nachrichten

27/07/2018

15:20

Hashflare kündigt laufende Bitcoin-Mining-Verträge

21/07/2018

0:06

Kryptowährungen und die Umwelt: schädlich oder super?

20/07/2018

11:58

Bitcoin steigt wieder über die Marke von 7.000 Dollar
"""


def _dates(text: str, **kw) -> dict[str, date | None]:
    return {e.stamp.text: e.date.local_date for e in extract(text.encode(), **kw).entries}


def test_a_thread_s_date_lines_above_its_clocks_date_each_comment_blind() -> None:
    # Without the rule, a date line under which the clock runs on (4:14 pm, then 2:42 am of the
    # next day) counted as no new day: every comment took the date of the one before.
    assert _dates(THREAD) == {"4:14 pm": date(2019, 8, 6), "2:42 am": date(2019, 8, 7),
                              "7:39 pm": date(2019, 8, 7), "12:52 pm": date(2019, 8, 9)}


def test_a_thread_s_date_lines_above_its_clocks_date_each_comment_at_capture() -> None:
    dates = _dates(THREAD, now=datetime(2020, 1, 1, 12, 0), tz="America/New_York")
    assert dates["2:42 am"] == date(2019, 8, 7) and dates["12:52 pm"] == date(2019, 8, 9)


def test_news_cards_with_a_numeric_date_above_each_clock() -> None:
    assert _dates(CARDS, now=datetime(2018, 7, 28, 9, 0)) == {
        "15:20": date(2018, 7, 27), "0:06": date(2018, 7, 21), "11:58": date(2018, 7, 20)}


def test_one_date_line_above_one_clock_of_a_feed_is_still_no_new_day_when_the_clocks_run_on() -> None:
    # One entry in four with a date right above it: the date of something in the entry above
    # (a linked article), not this entry's own: the clocks run on, so it is no new day.
    feed = """Live updates

10:40
Ministers meet again in the capital on the budget talks.

10:05
Talks resumed this morning. Read the background piece:
March 3, 2024
09:30
The opposition said it would table its own proposal.

09:00
Delegates arrived at the venue before dawn.
"""
    dates = _dates(feed, now=datetime(2024, 3, 20, 11, 0))
    assert set(dates.values()) == {date(2024, 3, 20)}


def test_a_day_heading_over_a_feed_still_heads_every_entry_below_it() -> None:
    feed = """Tuesday, 12 March 2024
18:20
The vote was postponed to Wednesday.
16:05
Committee members left the room without a statement.
14:30
The session opened with a minute of silence.
"""
    assert set(_dates(feed).values()) == {date(2024, 3, 12)}
