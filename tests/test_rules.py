"""One small page per dating / entry rule, written for the rule (no corpus text)."""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from feedline.lookalikes import CALENDAR
from feedline.nonentries import PAGE_STAMP
from feedline.model import DateStatus, Page
from feedline.patterns import BY_NAME_RE
from feedline.pipeline import extract


def dated(text: str, **kwargs: object) -> list[tuple[str, str | None, str | None]]:
    """(stamp, HH:MM, date) per entry, in page order."""
    timeline = extract(Page(text, lang=kwargs.pop("lang", None)), **kwargs)  # type: ignore[arg-type]
    entries = sorted(timeline.entries, key=lambda e: e.position)
    return [(e.stamp.text, e.local_time.strftime("%H:%M") if e.local_time else None, e.date.iso) for e in entries]


TWELVE_HOUR_FEED = "\n".join(
    f"{clock}\nHeadline number {i} about the harbour works and the new ferry timetable."
    for i, clock in enumerate(["09:35", "06:28", "06:17", "05:12", "04:03", "01:10", "10:36", "08:28", "08:20", "08:24"])
)


def test_twelve_hour_feed_without_am_pm_is_read_against_the_capture_time() -> None:
    rows = dated(TWELVE_HOUR_FEED, now=datetime(2022, 4, 27, 2, 12))
    assert rows[0] == ("09:35", "21:35", "2022-04-26")
    assert rows[5] == ("01:10", "13:10", "2022-04-26")
    assert rows[6] == ("10:36", "10:36", "2022-04-26")  # the morning, below the afternoon
    assert rows[9] == ("08:24", "08:24", "2022-04-26")  # a few minutes out of order: same half-day


def test_twelve_hour_feed_is_left_alone_without_a_capture_time() -> None:
    rows = dated(TWELVE_HOUR_FEED)
    assert [r[1] for r in rows][:2] == ["09:35", "06:28"]
    assert all(r[2] is None for r in rows)


SCHEDULE = """Upcoming events
Dec 27, 05:00 GMT
Housing starts (YoY) 2.20 % 1.10 %
Dec 27, 12:00 GMT
Mortgage applications -10.20 %
Latest news
Dec 26, 23:10 GMT
Markets close quietly after the holiday session in Asia and Europe.
Dec 26, 22:40 GMT
Oil slips as traders square positions before the year end.
"""


def test_dated_stamps_after_the_capture_time_are_schedules_not_entries() -> None:
    rows = dated(SCHEDULE, now=datetime(2006, 12, 27, 4, 38))
    assert [r[0] for r in rows] == ["Dec 26, 23:10 GMT", "Dec 26, 22:40 GMT"]


@pytest.mark.parametrize(("stamp", "expected"), [
    ("11.3. 15:32", None),  # tomorrow: a schedule, dropped
    ("14.3. 15:32", None),  # in four days: still a schedule, not last year's item
    ("9.3. 15:32", "2024-03-09"),  # the day before
    ("20.12. 15:32", "2023-12-20"),  # last December
])
def test_a_month_day_stamp_takes_the_year_nearest_the_capture(stamp: str, expected: str | None) -> None:
    rows = dated(f"Ticker\n{stamp}\nRail workers announced a second day of strikes on the coast.\n",
                 now=datetime(2024, 3, 10, 8, 0))
    assert [r[2] for r in rows] == ([expected] if expected else [])


def test_in_blind_mode_nothing_tells_a_schedule_apart() -> None:
    assert len(dated(SCHEDULE)) == 4


WEEKDAY_SCHEDULE = """Webinars
Tue, Jan 2, 11:00 GMT
What moves the markets in the new year, with our chief analyst
Wed, Jan 3, 14:00 GMT
Chart patterns for beginners, live questions and answers
Latest news
Dec 26, 23:10 GMT
Markets close quietly after the holiday session in Asia and Europe.
"""


def test_a_printed_weekday_picks_the_year_even_after_the_capture() -> None:
    """"Tue, Jan 2" seen on 27 December 2006 is 2 January 2007 (a Tuesday), not 2006 (a
    Monday): a schedule, dropped in capture mode."""
    assert [r[0] for r in dated(WEEKDAY_SCHEDULE, now=datetime(2006, 12, 27, 4, 38))] == ["Dec 26, 23:10 GMT"]


def test_a_printed_weekday_picks_the_nearest_year_that_has_it() -> None:
    rows = dated("Archive\nFri, Mar 3, 09:15\nThe ferry timetable changes for the spring season.\n",
                 now=datetime(2024, 11, 2, 12, 0))
    assert rows == [("Fri, Mar 3, 09:15", "09:15", "2023-03-03")]  # 2023, not 2024: 3 March 2023 was a Friday


UPDATED_LINE = """Harbour ticker
27.08.2024, 12:32 Uhr
12.31 Uhr: Die Fähre nach Lindau fährt wieder nach Fahrplan
Der Betrieb läuft seit dem Mittag wieder normal, teilte die Reederei mit.
11.13 Uhr: Sperrung der Uferstraße aufgehoben
Die Polizei hat die Straße nach dem Unfall am Morgen wieder freigegeben.
"""


def test_a_dated_line_just_after_the_newest_entry_dates_the_feed_in_blind_mode() -> None:
    """The page's last update (12:32) came a minute after its newest entry (12.31)."""
    assert [r[2] for r in dated(UPDATED_LINE)] == ["2024-08-27", "2024-08-27"]


def test_a_dated_line_older_than_other_dates_on_the_page_is_no_update_time() -> None:
    page = UPDATED_LINE.replace("27.08.2024, 12:32", "15.08.2016, 12:32") + "Montag, 26. August 2024\n"
    assert [r[2] for r in dated(page)] == [None, None]


LINKED_ARTICLE_DATE = """Live
15:20
Talks resume in the capital after a night of shelling near the border towns.
15:05
A reporter's long read from last week, linked below.
Earlier coverage: the border towns
26 October 2023
14:59
Aid convoys wait at the crossing for a second day, officials said.
"""


def test_a_date_line_inside_an_entry_is_not_a_heading_when_the_clocks_run_on() -> None:
    rows = dated(LINKED_ARTICLE_DATE, now=datetime(2023, 11, 2, 16, 58))
    assert {r[2] for r in rows} == {"2023-11-02"}


DAY_HEADINGS = """Latest
21 September 2021
09:10
Club confirms the signing of a new goalkeeper on a two-year deal.
08:45
Coach says the squad is ready for the derby on Saturday night.
20 September 2021
22:30
Late goal sends the visitors top of the table after a tense match.
"""


def test_a_dated_heading_applies_to_the_entries_below_it() -> None:
    assert [r[2] for r in dated(DAY_HEADINGS)] == ["2021-09-21", "2021-09-21", "2021-09-20"]


LIVE_BLOG = """Match report
28 September 2020, 18:00
19:30
Last heat: the home side wins it and the tie.
19:05
Track work delays heat twelve by a few minutes.
18:05
Riders are out for the first heat of the evening.
"""


def test_a_plain_page_stamp_just_before_the_oldest_entry_opens_the_live_blog() -> None:
    rows = dated(LIVE_BLOG, now=datetime(2020, 10, 6, 17, 50))
    assert {r[2] for r in rows} == {"2020-09-28"}


def test_a_byline_does_not_open_a_sidebar_feed() -> None:
    text = LIVE_BLOG.replace("28 September 2020, 18:00", "By Jo Writer 28 September 2020, 18:00")
    rows = dated(text, now=datetime(2020, 10, 6, 20, 50))
    assert {r[2] for r in rows} == {"2020-10-06"}


@pytest.mark.parametrize("byline", [
    "28.09.2020 | 18:00 Uhr | von Jo Schreiber",  # chemietechnik.de, chip.de ("19.03.2019 11:45 | von ...")
    "28.09.2020 18:00 von Jo Schreiber Lesezeit: 4 Min.",  # tarnkappe.info
    "von Jo Schreiber am 28. September 2020, 18:00 Uhr",  # cnet.de, zdnet.de, wmn.de
])
def test_a_german_byline_by_name_does_not_open_a_sidebar_feed(byline: str) -> None:
    text = LIVE_BLOG.replace("28 September 2020, 18:00", byline)
    rows = dated(text, now=datetime(2020, 10, 6, 20, 50))
    assert {r[2] for r in rows} == {"2020-10-06"}


@pytest.mark.parametrize("line", ["Rücktritt von Angela Merkel 28.09.2020, 18:00", "Am 28.09.2020 von 18:00 bis 20:00"])
def test_von_in_a_headline_or_a_time_range_is_no_byline(line: str) -> None:
    assert not BY_NAME_RE.search(line)


CARDS_WITH_SECTION_AFTER_STAMP = """Latest news

Police close the harbour bridge after a lorry crash this morning
19:38 06.08.2020 Croatia

City council approves the new tram line budget for next year
19:13 06.08.2020 Zagreb

Heatwave warning issued for the whole coast this weekend
19:00 06.08.2020 Croatia

Ferry services resume between the islands after the storm
18:39 06.08.2020 Split

More from the region
"""


def test_a_section_label_after_the_stamp_does_not_make_it_lead_its_item() -> None:
    """ "19:38 06.08.2020 Hrvatska", "Há 2 horas Mundo", "9 oktober 2020 09:35 Den Haag": a card's
    section after its stamp is no headline the stamp leads; the item is the headline above
    (net.hr, unn.com.ua, alarmeringen.nl, cbsnews.com, where the HTML's own item bounds agree)."""
    timeline = extract(Page(CARDS_WITH_SECTION_AFTER_STAMP))
    texts = {e.stamp.text[:5]: e.text for e in timeline.entries}
    assert texts["19:38"].startswith("Police close the harbour bridge")
    assert texts["18:39"].startswith("Ferry services resume")


COMMENTS = """Reader comments
Ann Smith:
I kept my own name and nobody at work ever noticed the difference.
5.18.2005 6:34pm
Bob Jones:
We both took a new name that we chose together after the wedding.
5.18.2005 7:05pm
Carla Diaz:
My bank still refuses the paperwork, ten years on, which is absurd.
5.19.2005 1:02am
"""


def test_a_comment_thread_stamp_closes_its_comment() -> None:
    timeline = extract(Page(COMMENTS))
    by_stamp = {e.stamp.text: f"{e.headline or ''} {e.text}" for e in timeline.entries}
    assert "nobody at work" in by_stamp["5.18.2005 6:34pm"]
    assert "ten years on" in by_stamp["5.19.2005 1:02am"]
    assert [e.date.iso for e in timeline.entries] == ["2005-05-18", "2005-05-18", "2005-05-19"]


def test_a_day_word_before_the_clock_dates_the_entry_in_capture_mode() -> None:
    text = "Most read\nvčera 16:35\nVláda schválila nový rozpočet na příští rok po dlouhé debatě.\n" \
           "včera 15:35\nPolicie vyšetřuje požár skladu na okraji města a hledá svědky."
    rows = dated(text, now=datetime(2025, 4, 8, 6, 54))
    assert [r[2] for r in rows] == ["2025-04-07", "2025-04-07"]
    assert {r[2] for r in dated(text)} == {None}


def test_a_month_word_the_lexicon_lacks_is_read_by_dateparser_in_the_page_language() -> None:
    text = "Son dakika\n18 Ağustos 2023\n14:05\nDeprem sonrası yeni açıklama geldi ve çalışmalar sürüyor.\n" \
           "13:40\nMerkez Bankası faiz kararını açıkladı, piyasalar tepki verdi."
    assert {r[2] for r in dated(text, lang="tr")} == {"2023-08-18"}
    assert {r[2] for r in dated(text)} == {None}  # without a language, no guess


def test_a_year_missing_from_a_stamp_comes_from_the_page_dates_nearby() -> None:
    text = "Reports\nMarket wrap for the week by Desk Team\nTue, Dec 26 2006, 12:55 GMT\n" \
           "Strategy notes for the holiday week, with charts and levels.\nSat, Dec 23 2006, 06:38 GMT\n" \
           "Current topics\nDecember 26, 17:20 GMT\nQuiet trading day expected after the holiday."
    rows = dict((r[0], r[2]) for r in dated(text))
    assert rows["December 26, 17:20 GMT"] == "2006-12-26"


@pytest.mark.parametrize("now", [None, datetime(2023, 5, 15, 12, 55)], ids=["blind", "capture"])
def test_an_item_repeated_in_a_key_events_list_is_one_entry(now: datetime | None) -> None:
    text = ("Key events\n30m ago\nMinisters agree on the new aid package for the region\n"
            "Live\n12.24 BST\nMinisters agree on the new aid package for the region\n"
            "The package was agreed after two days of talks, a spokesperson said.\n"
            "12.05 BST\nThe summit opens with a minute of silence for the victims.")
    timeline = extract(Page(text), now=now, tz="Europe/London" if now else None)
    stamps = [e.stamp.text for e in sorted(timeline.entries, key=lambda e: e.position)]
    assert stamps == ["12.24 BST", "12.05 BST"]
    assert all(e.date.status is not DateStatus.EXACT for e in timeline.entries)


KICKER_LIST = """Live coverage
Harbour news
The ferry timetable changes from Monday, with two extra crossings a day.
Extra boats will run in the evenings during the summer season.
Ana Writer12 June 2023 10:01
Harbour news
The fish market reopens after its renovation, traders said on Sunday.
Stalls keep their old places and the car park doubles in size.
Ana Writer12 June 2023 09:01
Harbour news
A new footbridge will link the two quays by the end of the year.
Ana Writer12 June 2023 08:01
More about the harbour
"""


def test_a_kicker_that_opens_every_item_shows_the_stamp_closes_it() -> None:
    timeline = extract(Page(KICKER_LIST))
    by_time = {e.local_time.strftime("%H:%M"): e.text for e in timeline.entries if e.local_time}
    assert "ferry timetable" in by_time["10:01"]
    assert "fish market" in by_time["09:01"]
    assert "footbridge" in by_time["08:01"]


@pytest.mark.parametrize("text", [
    "World clock\nLondon 15:00\nNew York 10:00\nTokyo 23:00\nSydney 00:00\n",
    "World clock\nLondon\n15:00\nNew York\n10:00\nTokyo\n23:00\n",
], ids=["label-and-clock-lines", "label-then-clock-lines"])
def test_a_world_clock_is_not_a_feed(text: str) -> None:
    assert extract(Page(text)).entries == ()


def test_firm_mentions_well_before_the_capture_time_show_a_late_capture() -> None:
    seed = (Path(__file__).resolve().parents[1] / "samples" / "kyiv-independent-2023-10-03.txt").read_text()
    rows = dated(seed, now=datetime(2023, 10, 10, 12, 0))
    assert sorted(r[2] for r in rows) == ["2023-10-02"] + ["2023-10-03"] * 5


def test_one_loose_mention_does_not_outweigh_the_capture_time() -> None:
    text = ("Live\n17:20\nVolunteers clean the streets after the unrest since the attack on July 29.\n"
            "16:50\nCouncil leaders meet the police to plan the weekend.\n")
    assert {r[2] for r in dated(text, now=datetime(2024, 8, 5, 21, 0))} == {"2024-08-05"}


def test_a_weekday_in_a_heading_picks_the_year() -> None:
    text = ("Últimas\nQuarta, 04 de Maio\n09:02\nLeilão do tribunal tem veículos a partir de mil reais.\n"
            "08:51\nMotorista é denunciado depois de acidente na avenida.\n")
    assert {r[2] for r in dated(text, now=datetime(2023, 1, 10, 12, 0))} == {"2022-05-04"}  # 4 May 2022: a Wednesday


def test_two_entries_with_a_rising_clock_are_a_newest_first_feed_across_midnight() -> None:
    text = "Latest\n00:10\nNight trains resume after the storm damage is cleared.\n" \
           "23:50\nPower returns to most homes in the north of the county.\n"
    assert [r[2] for r in dated(text, now=datetime(2023, 3, 2, 6, 0))] == ["2023-03-02", "2023-03-01"]


CARDS = """Top stories
Harbour board approves the new ferry timetable for the summer
6:53 •
Ana Writer
Fish market reopens after a month of repairs to its roof
5:30 •
Ben Reporter
Council delays the vote on the footbridge over the river
4:10 •
Cleo Editor
Most read this week across the whole of the site
"""


def test_a_byline_name_under_the_stamp_shows_the_stamp_closes_its_card() -> None:
    timeline = extract(Page(CARDS), now=datetime(2024, 6, 3, 7, 0))
    by_time = {e.local_time.strftime("%H:%M"): f"{e.headline or ''} {e.text}" for e in timeline.entries if e.local_time}
    assert "ferry timetable" in by_time["06:53"]
    assert "Fish market" in by_time["05:30"]
    assert "footbridge" in by_time["04:10"]


def test_a_bare_clock_list_and_a_bulleted_one_are_two_regions() -> None:
    latest = """Latest
6:58
Tram line to the airport opens two weeks ahead of schedule
6:41
Storm warning lifted for the coast as the wind drops
6:02
Lifeboat crew rescues two kayakers near the lighthouse
"""
    timeline = extract(Page(latest + CARDS), now=datetime(2024, 6, 3, 7, 0))
    by_time = {e.local_time.strftime("%H:%M"): f"{e.headline or ''} {e.text}" for e in timeline.entries if e.local_time}
    assert "Tram line" in by_time["06:58"]
    assert "Lifeboat" in by_time["06:02"]
    assert "ferry timetable" in by_time["06:53"]
    assert "footbridge" in by_time["04:10"]
    assert len({e.feed for e in timeline.entries}) == 2


RELATED_CARDS = """The court heard the expert reports on Tuesday and adjourned until next month.

Harbour owner sells the old ferry terminal to the city
12. 3. 2024 13:31

The sale closed after months of talks, the city council confirmed in a statement.

The judge asked both sides to file their final written submissions by the spring.

Second expert report finds the owner fit to stand trial
5. 9. 2023 8:15

The defence had argued that the owner was too ill to attend the hearings in person.
"""


def test_a_headline_glued_above_its_stamp_is_a_card_the_stamp_closes() -> None:
    timeline = extract(Page(RELATED_CARDS), now=datetime(2025, 4, 8, 9, 0))
    texts = {e.stamp.text: f"{e.headline or ''} {e.text}".strip() for e in timeline.entries}
    assert texts == {"12. 3. 2024 13:31": "Harbour owner sells the old ferry terminal to the city",
                     "5. 9. 2023 8:15": "Second expert report finds the owner fit to stand trial"}


def test_a_bracketed_stamp_closes_the_short_item_above_it() -> None:
    text = """Markets at a glance
EUR/USD
Drops below 1.3150
(04:32 GMT)
GBP/USD
Trades below 1.9600
(04:34 GMT)
USD/JPY
Moves up toward 119.00
(04:36 GMT)

Follow all currency pairs in real time in the charts section of the site
"""
    timeline = extract(Page(text), now=datetime(2024, 6, 3, 5, 0))
    by_time = {e.local_time.strftime("%H:%M"): f"{e.headline or ''} {e.text}" for e in timeline.entries if e.local_time}
    assert by_time["04:32"] == "EUR/USD Drops below 1.3150"
    assert by_time["04:36"] == "USD/JPY Moves up toward 119.00"


SECTIONED_LIST = """Holiday deals
Best garden chairs reviewed for the summer
Home / 2 hours ago
14
Best barbecue grills for small balconies
Home / 3 hours ago
8
LOCAL SPORTS
Rowing club wins the regional cup for the third year running
Sports / 4 hours ago
Cycling race closes the old bridge road on Sunday morning
Sports / 5 hours ago
SPORT VIDEOS
Rowing club wins the regional cup for the third year running
Sports / 9 hours ago
"""


def test_a_section_label_between_short_items_belongs_to_no_item() -> None:
    timeline = extract(Page(SECTIONED_LIST), now=datetime(2024, 6, 3, 12, 0))
    texts = [f"{e.headline or ''} {e.text}".strip() for e in sorted(timeline.entries, key=lambda e: e.position)]
    assert not any("LOCAL SPORTS" in t or "SPORT VIDEOS" in t for t in texts), texts
    assert not any(t[:2].isdigit() for t in texts), texts  # a bare comment count is no item's


def test_one_headline_with_far_apart_relative_stamps_is_two_items() -> None:
    timeline = extract(Page(SECTIONED_LIST), now=datetime(2024, 6, 3, 12, 0))
    rowing = [e.stamp.text for e in timeline.entries if "Rowing club" in f"{e.headline} {e.text}"]
    assert sorted(rowing) == ["4 hours ago", "9 hours ago"]
    twice = SECTIONED_LIST.replace("9 hours ago", "4 hours ago")
    rowing = [e for e in extract(Page(twice), now=datetime(2024, 6, 3, 12, 0)).entries if "Rowing club" in e.text]
    assert len(rowing) == 1


READ_ALSO = """The harbour authority said the new ferry timetable starts in the spring, after the works.

Share
Print
see also
Ferry timetable changes again after the harbour works

12 March 2024, 10:15

Council approves the budget for the new bridge

4 March 2024, 16:40

Rowing club wins the regional cup for the third year

28 February 2024, 09:05



Opinion, Interviews, Long Reads
Columns

Why the bridge budget is a test for the whole council
"""


def test_a_label_one_item_above_the_first_stamp_opens_a_list_of_items_above_their_stamps() -> None:
    timeline = extract(Page(READ_ALSO), now=datetime(2024, 6, 3, 12, 0))
    rows = {e.stamp.text: e.headline or e.text for e in timeline.entries}
    assert rows == {"12 March 2024, 10:15": "Ferry timetable changes again after the harbour works",
                    "4 March 2024, 16:40": "Council approves the budget for the new bridge",
                    "28 February 2024, 09:05": "Rowing club wins the regional cup for the third year"}, rows


UPDATE_LABEL = """Harbour works live: ferries resume after the storm
LIVE Updated 5m ago
12m ago
Ferry operator confirms the first crossing leaves at noon
40m ago
Harbour master says the quay is safe again after inspection
"""


def test_an_update_label_with_a_relative_stamp_is_the_pages_not_an_entry() -> None:
    stamps = [e.stamp.text for e in extract(Page(UPDATE_LABEL), now=datetime(2024, 6, 3, 12, 0)).entries]
    assert sorted(stamps) == ["12m ago", "40m ago"], stamps


ARTICLE_WITH_CUED_STAMPS = """Ferries resume after the storm
By Ann Lee
{cue}
The ferry operator confirmed on Monday that the first crossing leaves at noon.
The harbour master said the quay is safe again after an inspection on Sunday.
"""


# The page's own stamps after an update or publication cue, without a date: pe.com
# ("Updated: 4:49 p.m."), breakingnews.ie ("Updated: 9.45pm"), deccanherald.com ("updated: 3:26
# pm IST"), andaluciainformacion.es ("Actualizado: 11:17 CET"), weinkenner.de ("Erstellt: vor 4
# Stunden" over "Aktualisiert: vor 20 Stunden"); with one, in Norwegian: dagbladet.no ("Sist
# oppdatert torsdag 09. mai 2024 - 20:24"), with nrk.no, nettavisen.no, vg.no printing the words.
@pytest.mark.parametrize("cue", ["Updated: 9.45pm", "updated: 3:26 pm IST", "Actualizado: 11:17 CET",
                                 "Erstellt: vor 4 Stunden\nAktualisiert: vor 2 Stunden",
                                 "Sist oppdatert torsdag 09. mai 2024 - 20:24"])
def test_the_pages_own_cued_stamps_are_no_entries(cue: str) -> None:
    text = ARTICLE_WITH_CUED_STAMPS.format(cue=cue.replace("\\n", "\n"))
    assert extract(Page(text), now=datetime(2024, 5, 9, 22, 0)).entries == ()


def test_one_item_shown_in_two_lists_keeps_its_update_stamp() -> None:
    """Cards whose stamp reads "updated 15M ago" repeat in two lists far apart: still items."""
    card = "updated 15M ago\nKey moments from the testimony of the two witnesses today\n\n"
    filler = "".join(f"A paragraph of the article body, number {n}, long enough to read.\n\n" for n in range(6))
    entries = extract(Page(card + filler + card), now=datetime(2024, 5, 9, 22, 0)).entries
    assert [e.stamp.text for e in entries] == ["15M ago"]


COMMENTS_WITH_MORE = """Readers' comments
The ferry should have been back on the water weeks ago.
Everyone on the island has been waiting for it.
The council was far too slow to act on the repairs.
Ann Lee, 8 March, 17:46
Good to see the quay open again after the storm damage.
My children can get to school on time again.
Let us hope the next storm is kinder to the harbour.
Tom Ray, 8 March, 18:02
The new timetable suits commuters far better than the old one.
Show 4 more comments
The harbour master deserves credit for the quick repairs.
His crew worked through two weekends to finish the quay.
Nobody expected the ferry back before the summer.
Eva Kim, 8 March, 18:20
"""


def test_a_show_more_widget_ends_an_item_above_its_stamp() -> None:
    timeline = extract(Page(COMMENTS_WITH_MORE), now=datetime(2024, 3, 9, 12, 0))
    last = max(timeline.entries, key=lambda e: e.position)
    assert last.stamp.text == "8 March, 18:20"
    assert "timetable" not in f"{last.headline} {last.text}" and "Show 4" not in last.text, last


@pytest.mark.parametrize("line", ["Show 4 more comments", "Load 12 more stories", "Zobrazit dalších 20 článků"])
def test_a_show_n_more_line_is_a_widget(line: str) -> None:
    from feedline.tokens import LineKind, tokenize

    assert tokenize(Page(line))[0].kind is LineKind.BOILERPLATE


QUOTED_POST = """Comment: From: Ann  Mar 08, 24 - 08:09 am

The ferry should have been back on the water weeks ago.

Comment: From: Tom  Mar 08, 24 - 08:43 am

As I wrote this morning, quoting myself:

From: Tom Mar 08, 24 - 05:21 am

The council was far too slow to act on the quay repairs.

Comment: From: Eva  Mar 08, 24 - 09:02 am

Good to see the quay open again after the storm damage.

Comment: From: Bo  Mar 08, 24 - 09:30 am

The new timetable suits commuters far better than the old one.
"""


def test_a_stamp_line_opening_unlike_the_rest_of_its_thread_is_a_quoted_post() -> None:
    stamps = [e.stamp.text for e in extract(Page(QUOTED_POST), now=datetime(2024, 3, 8, 12, 0)).entries]
    assert "Mar 08, 24 - 05:21 am" not in stamps and len(stamps) == 4, stamps


def _calendar(clocks: list[str]) -> str:
    rows = [f"Mar {day}, {clock} GMT\tHarbour\tFerry timetable vote number {i}\t{i}.50 %"
            for i, (day, clock) in enumerate(zip((12, 12, 13, 14), clocks))]
    return "Upcoming events\nDate\tPlace\tEvent\tPrevious\n" + "\n".join(rows) + "\n"


def test_table_rows_running_forward_in_time_are_a_schedule_not_a_feed() -> None:
    calendar = extract(Page(_calendar(["09:00", "14:00", "08:30", "10:00"])), explain=True)
    assert calendar.entries == ()
    assert {n.reason for n in calendar.not_entries} == {CALENDAR}
    backwards = _calendar(["09:00", "14:00", "08:30", "10:00"]).replace("Mar 14", "Mar 11")
    assert len(extract(Page(backwards)).entries) == 4


# Swedish page stamps: aftonbladet.se ("Uppdaterad 15.59 | Publicerad 14.14"), expressen.se
# ("Publicerad 23 okt 2025 kl 10.23" over "Uppdaterad kl 12.17"), hbl.fi ("28.5.2020 17:43
# Uppdaterad 28.5.2020 17:43"): the page's own time, named so in --explain.
@pytest.mark.parametrize("cue", ["Publicerad 9 maj 2024 kl 20.24", "Uppdaterad 9.5.2024 20:24"])
def test_swedish_page_stamp_cues(cue: str) -> None:
    text = ARTICLE_WITH_CUED_STAMPS.format(cue=cue)
    timeline = extract(Page(text, lang="sv"), now=datetime(2024, 5, 9, 22, 0), explain=True)
    assert timeline.entries == ()
    assert {n.text: n.reason for n in timeline.not_entries}[cue] == PAGE_STAMP
