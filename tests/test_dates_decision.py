"""Dates as one decision per feed (days.py, dates.date_feed_at_capture), the page's clock zone
when only the capture instant is known (zone.py), and blind-mode mentions.

Pages here are invented. The shapes come from real pages: a newest-first ticker whose older
run lies before a night's silence (zaxid.net, noticialdia.com, lenouvelliste.com); capture
instants without a zone (any WARC: WARC-Date is UTC).
"""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from feedline import extract
from feedline.days import best_days
from feedline.model import DateBasis, DateStatus, Page
from feedline.zone import ZoneClues, infer_offset


def page(text: str, lang: str | None = None, url: str | None = None) -> Page:
    return Page(text, lang=lang, url=url)


def feed(*clocks: str) -> str:
    return "Latest news\n\n" + "".join(f"{clock}\nItem {n} of the city desk about the harbour works.\n"
                                       for n, clock in enumerate(clocks))


def dates(timeline) -> list[tuple[str, str | None]]:
    by_position = sorted(timeline.entries, key=lambda e: e.position)
    return [(e.stamp.text, e.date.iso) for e in by_position]


# ── the least-cost assignment ──────────────────────────────────────────────────────────
def test_best_days_follows_a_pinned_day_through_free_steps() -> None:
    candidates = [[10], [10, 9], [10, 9]]
    choices = best_days(candidates, lambda i, d: 0.0, lambda i, shift: 0.0 if shift == 0 else 1.0)
    assert [c.day for c in choices] == [10, 10, 10]
    assert all(c.margin == 1.0 for c in choices[1:])


def test_best_days_pays_for_a_step_when_the_evidence_outweighs_it() -> None:
    unary = {(2, 10): 5.0}  # the third entry cannot be on day 10
    choices = best_days([[10], [10, 9], [10, 9]], lambda i, d: unary.get((i, d), 0.0),
                        lambda i, shift: 0.0 if shift == 0 else 1.0)
    assert [c.day for c in choices] == [10, 10, 9]


def test_best_days_without_a_feasible_assignment_is_none() -> None:
    assert best_days([[3], [2]], lambda i, d: float("inf") if i else 0.0, lambda i, s: 0.0) is None
    assert best_days([], lambda i, d: 0.0, lambda i, s: 0.0) == []


# ── capture mode ───────────────────────────────────────────────────────────────────────
def test_a_run_after_a_night_of_silence_is_the_day_before_not_the_whole_feed() -> None:
    """Newest first: today's run down to 08:50, then yesterday evening's (after a silent night)."""
    text = feed("18:10", "16:40", "15:05", "12:30", "10:05", "08:50", "21:30", "20:40", "19:05")
    timeline = extract(page(text), now=datetime(2024, 6, 7, 18, 50))
    assert dates(timeline) == [(c, "2024-06-07") for c in ("18:10", "16:40", "15:05", "12:30", "10:05", "08:50")] \
        + [(c, "2024-06-06") for c in ("21:30", "20:40", "19:05")]
    evening = [e for e in timeline.entries if e.date.local_date and e.date.local_date.day == 6]
    assert all("midnight rollover" in e.date.evidence[-1] for e in evening)
    assert all(e.date.basis is DateBasis.CAPTURE for e in timeline.entries)


def test_a_twelve_hour_feed_with_am_pm_crosses_its_night_the_same_way() -> None:
    text = feed("3:20 pm", "1:05 pm", "11:40 am", "9:15 am", "7:02 am", "6:40 pm", "5:10 pm", "2:55 pm")
    timeline = extract(page(text), now=datetime(2020, 4, 15, 15, 32))
    assert [d for _, d in dates(timeline)] == ["2020-04-15"] * 5 + ["2020-04-14"] * 3


def test_two_lists_one_after_the_other_are_not_a_night_apart() -> None:
    """A jump back up to an earlier hour in a feed posting every 10 minutes is another list of
    the same day: reading it as a midnight would mean 19 silent hours."""
    text = feed("09:00", "08:50", "08:40", "08:30", "14:00", "13:50", "13:40")
    timeline = extract(page(text), now=datetime(2024, 5, 2, 15, 0))
    assert {d for _, d in dates(timeline)} == {"2024-05-02"}


def test_a_feed_running_back_over_several_days_follows_its_rollovers() -> None:
    clocks = ("20:00", "17:00", "14:00", "11:00", "08:00", "21:00", "18:00", "15:00", "12:00", "09:00",
              "22:00", "19:00", "16:00", "13:00", "10:00", "23:00")
    timeline = extract(page(feed(*clocks)), now=datetime(2024, 3, 10, 21, 0))
    assert [d for _, d in dates(timeline)] == ["2024-03-10"] * 5 + ["2024-03-09"] * 5 + ["2024-03-08"] * 5 \
        + ["2024-03-07"]


def test_an_oldest_first_thread_pausing_overnight_rolls_over_at_the_night() -> None:
    """Comments in page order, oldest first, quiet from evening to the next morning: a silence
    longer than the thread's pace by day, still its order, not a list out of order (seen with
    printed dates on cicero.de, uebermedien.de and lokalo.de, whose clocks alone say the same).
    The feed's own order also starts from the newest entry's bound, not the oldest's."""
    text = feed("16:40", "17:07", "18:01", "19:08", "08:59", "09:56", "15:44", "15:02")
    timeline = extract(page(text), now=datetime(2020, 4, 23, 15, 30))
    # (the last step, 15:44 to 15:02, is a day's silence or 42 minutes out of order: either)
    assert [d for _, d in dates(timeline)][:7] == ["2020-04-21"] * 4 + ["2020-04-22"] * 3


def test_one_step_back_in_a_thread_otherwise_in_order_is_a_day_turning() -> None:
    """Oldest first, every other step in order: 15:44 then 14:27 is the next afternoon (a day's
    silence this slow thread allows), not 77 minutes out of order, even when the capture comes
    hours later and would fit both on one day. Printed dates show such day turns away from the
    night on uebermedien.de, cicero.de, chemietechnik.de, frau-sabienes.de, thisisjanewayne.com
    and gizmodo.com."""
    text = feed("16:40", "17:07", "18:01", "19:08", "20:15", "21:30", "08:59", "09:56", "11:20", "12:45",
                "15:44", "14:27", "15:10", "16:05")
    timeline = extract(page(text), now=datetime(2020, 4, 23, 19, 5))
    assert [d for _, d in dates(timeline)] == ["2020-04-21"] * 6 + ["2020-04-22"] * 5 + ["2020-04-23"] * 3


def test_steps_back_in_a_list_often_out_of_order_stay_on_one_day() -> None:
    """Newest first with three steps against the order (a pinned item, items bumped by an
    update): none of them is read as a day turning."""
    text = feed("15:32", "19:45", "19:00", "18:33", "17:30", "14:32", "12:51", "10:18", "11:29", "09:40",
                "08:32", "16:00")
    timeline = extract(page(text), now=datetime(2020, 2, 19, 20, 4))
    assert {d for _, d in dates(timeline)} == {"2020-02-19"}


def test_a_short_step_across_midnight_still_counts_against_a_list_s_order() -> None:
    """A ranking list hopping around midnight (21:31, 0:51, 1:26, 21:45 ...) is no feed with
    rollovers: only a long evening-to-morning silence is read as the feed's night."""
    text = feed("21:31", "0:51", "1:26", "21:45", "1:09", "21:02", "21:16", "02:03", "00:24")
    timeline = extract(page(text), now=datetime(2022, 8, 11, 2, 14))
    assert {d for _, d in dates(timeline)} <= {"2022-08-10", "2022-08-11"}


def test_every_capture_date_is_not_after_the_capture_time() -> None:
    now = datetime(2024, 5, 2, 8, 30)
    text = "Tuesday, 2 May 2024\n" + feed("23:40", "21:15", "08:10", "07:30")
    for entry in extract(page(text), now=now).entries:
        if entry.date.local_date is not None:
            assert datetime.combine(entry.date.local_date, entry.local_time) <= now


# ── the page's clock zone ──────────────────────────────────────────────────────────────
def test_a_capture_instant_without_a_zone_is_put_on_the_clock_the_feed_fits() -> None:
    """15:50 UTC: at UTC+3 the newest entry (18:10) is 40 minutes old; at UTC+0 to +2 it would
    lie in the future, making the whole feed a day older."""
    text = feed("18:10", "16:40", "15:05", "12:30", "10:05", "08:50", "21:30", "20:40", "19:05")
    for lang in (None, "uk"):
        timeline = extract(page(text, lang=lang), now=datetime(2024, 6, 7, 15, 50, tzinfo=timezone.utc))
        assert [d for _, d in dates(timeline)] == ["2024-06-07"] * 6 + ["2024-06-06"] * 3
        assert any("page clock UTC+03:00" in note for note in timeline.entries[0].date.evidence)
        assert all(e.floating for e in timeline.entries)  # inferred from consistency: no offset claimed


def test_the_page_language_moves_the_clock_later_within_a_few_hours_of_the_feed() -> None:
    capture = datetime(2024, 1, 15, 4, 0)  # 04:00 UTC, newest entries at 06:30
    alone = infer_offset(ZoneClues(newest=((390, 380),)), capture)
    assert alone is not None and alone.offset == 180  # the closest clock on which nothing lies ahead
    hindi = infer_offset(ZoneClues(newest=((390, 380),), lang="hi"), capture)
    assert hindi is not None and hindi.offset == 330 and "language 'hi'" in hindi.note
    german = infer_offset(ZoneClues(newest=((390, 380),), lang="de"), capture)
    assert german is not None and german.offset == 180  # at UTC+1 or +2 the entries would lie ahead
    assert infer_offset(ZoneClues(lang="de"), capture).offset == 60  # only the prior: its first offset
    assert infer_offset(ZoneClues(url="https://news.example.in/live"), capture).offset == 330


def test_markup_and_zone_labels_decide_the_zone_outright() -> None:
    capture = datetime(2024, 1, 15, 6, 0)
    found = infer_offset(ZoneClues(markup_offsets=(120, 120), newest=((600,),), lang="en"), capture)
    assert found is not None and (found.offset, found.firm) == (120, True) and "markup" in found.note
    found = infer_offset(ZoneClues(label_offsets=(60,), newest=((600,),)), capture)
    assert found is not None and (found.offset, found.firm) == (60, True)


# Stamps carrying a label that names several zones ("IST": India, Ireland, Israel; "ET"):
# timesofindia.indiatimes.com, news18.com, divyabhaskar.co.in (IST) and abcnews.go.com (ET)
# in the pool print them. The label narrows the clock; the stamps still tell which one.
def test_stamps_with_an_ambiguous_zone_label_still_place_the_clock() -> None:
    text = "Live updates\n\n" + "".join(f"{clock} (IST)\nOver {n}: two runs off the bowling, then a dot ball.\n"
                                        for n, clock in enumerate(("21:06", "20:51", "20:35", "20:12")))
    timeline = extract(page(text), now=datetime(2023, 11, 2, 15, 50, tzinfo=timezone.utc))  # 21:20 in India
    assert [d for _, d in dates(timeline)] == ["2023-11-02"] * 4
    notes = [n for n in timeline.entries[0].date.evidence if "page clock" in n]
    assert notes and "UTC+05:30" in notes[0] and notes[0].count("'IST'") == 1


def _byline_page(byline: str, published: str) -> bytes:
    items = "".join(f"<article><p>{stamp}</p><h3>Story {n} about the county budget and its schools</h3></article>"
                    for n, stamp in enumerate(("5H ago", "7H ago", "9H ago")))
    return (f'<html><head><meta property="article:published_time" content="{published}"></head><body>'
            f"<h1>Council approves the budget</h1><p>By Jane Doe</p><p>{byline}</p>"
            f"<p>The council approved the budget on Tuesday night after a long debate.</p>{items}</body></html>").encode()


# A byline showing the page's own published instant, which the markup writes in UTC, at a
# whole offset: cbsnews.com, washingtonpost.com, marketwatch.com, huffpost.com (US clocks),
# derstandard.at, bild.de, br.de (Central Europe), revistaforum.com.br (-3) in the pool.
def test_a_byline_showing_the_utc_published_time_gives_the_page_clock() -> None:
    capture = datetime(2019, 11, 20, 11, 30, tzinfo=timezone.utc)  # a WARC-Date: 06:30 on the page's clock
    timeline = extract(_byline_page("November 20, 2019 / 1:07 AM", "2019-11-20T06:07:01Z"), now=capture)
    times = sorted(f"{e.date.iso} {e.local_time:%H:%M}" for e in timeline.entries)
    assert times == ["2019-11-19 21:30", "2019-11-19 23:30", "2019-11-20 01:30"]
    assert any("byline shows its own published" in n for n in timeline.entries[0].date.evidence)


@pytest.mark.parametrize("byline, published", [
    ("November 20, 2019 / 1:00 AM", "2019-11-20T06:00:00Z"),  # a round clock may meet an instant by chance
    ("November 20, 2019 / 5:07", "2019-11-20T17:07:00Z"),  # no am/pm: 5:07 or 17:07, either offset
    ("November 20, 2019 / 1:07 AM", "2019-11-20T08:07:01+02:00"),  # a local offset written: the page's own
])
def test_a_byline_that_cannot_tell_the_offset_gives_none(byline: str, published: str) -> None:
    timeline = extract(_byline_page(byline, published), now=datetime(2019, 11, 20, 11, 30, tzinfo=timezone.utc))
    assert not any("byline shows" in n for e in timeline.entries for n in e.date.evidence)


def test_a_page_without_any_clue_keeps_the_capture_instant_as_given() -> None:
    assert infer_offset(ZoneClues(), datetime(2024, 1, 15, 6, 0)) is None


def test_a_printed_date_after_the_capture_rules_out_a_clock() -> None:
    clues = ZoneClues(newest=((1380,),), dated=(datetime(2024, 1, 15, 23, 0),))
    found = infer_offset(clues, datetime(2024, 1, 15, 21, 0))  # 23:00 printed: the page is 2 h or more ahead
    assert found is not None and found.offset >= 120


def test_a_dated_heading_above_an_entry_is_a_printed_date_for_the_zone() -> None:
    # A heading printing its full date over clocked entries, the page's own times written
    # in UTC: the entry, like a stamp printing its date, may not lie after the capture on the
    # page's clock (citizen.co.za, deccanherald.com, unn.com.ua print such headings). Two
    # entries: a lone clock under a date line is the page's byline (see lookalikes).
    html = ('<html><head><meta property="article:published_time" content="2025-11-28T08:00:00+00:00">'
            '<link rel="canonical" href="https://www.example.co.za/live"></head>'
            "<body><h1>Live</h1><h2>28 November 2025</h2><p>03:26 pm</p>"
            "<p>Load shedding suspended for the weekend, the utility said.</p><p>01:10 pm</p>"
            "<p>Water restrictions eased in three suburbs after the repairs.</p>"
            "<p>3 days ago</p><p>Taxi strike called off after talks with the province.</p></body></html>")
    capture = datetime(2025, 11, 28, 13, 30, tzinfo=timezone.utc)  # 15:30 in Johannesburg
    timeline = extract(html.encode(), now=capture)
    clocked = [e for e in timeline.entries if e.stamp.text == "03:26 pm"]
    assert clocked and clocked[0].date.iso == "2025-11-28"
    assert clocked[0].local_time is not None and clocked[0].local_time.hour == 15
    notes = [note for e in timeline.entries for note in e.date.evidence]
    assert any(note.startswith("page clock UTC+02:00") for note in notes)


# ── blind mode: mentions ───────────────────────────────────────────────────────────────
def test_a_date_named_in_passing_does_not_date_the_post() -> None:
    text = feed("02:10", "01:30").replace(
        "Item 0 of the city desk about the harbour works.",
        "The two leaders met in New York on Sept. 14 to discuss the harbour works.")
    timeline = extract(page(text))
    assert all(e.date.local_date is None and e.date.status is DateStatus.UNKNOWN for e in timeline.entries)


# A reporting verb, then a clause about what is to come, then the date ("announced that he will
# leave the agency on Jan. 20", "confirmed ... the government will lift the instruction on Dec. 2",
# "announcing that investors will now have until Nov. 3"): recode.net, hutchnews.com,
# politico.com, gma.yahoo.com, recordonline.com in the pool.
@pytest.mark.parametrize("sentence", [
    "The minister said talks would resume on Oct. 3 in Geneva.",
    "The council announced plans to vote on Oct. 3 on the harbour works.",
    "Officials said the road will stay closed until Oct. 3 at the earliest.",
])
def test_a_reported_future_date_does_not_date_the_post(sentence: str) -> None:
    text = feed("02:10", "01:30").replace("Item 0 of the city desk about the harbour works.", sentence)
    assert all(e.date.iso is None for e in extract(page(text)).entries)


def test_a_date_hanging_on_the_reporting_verb_still_counts() -> None:
    text = feed("02:10", "01:30").replace("Item 0 of the city desk about the harbour works.",
                                          "Container traffic rose, the port authority told reporters on Oct. 3.")
    got = dict(dates(extract(page(text))))
    assert got["02:10"] is not None and got["02:10"].endswith("10-03")


def test_a_reported_date_does_not_cross_a_midnight_to_its_neighbours() -> None:
    text = "Published March 3, 2023 9:00 AM by the desk\n\n" + feed("00:40", "00:15", "23:50", "23:20").replace(
        "Item 0 of the city desk about the harbour works.",
        "Container traffic rose for a third month, the port authority reported on Oct. 3.")
    timeline = extract(page(text))
    got = dict(dates(timeline))
    assert got["00:40"] == "2023-10-03" and got["00:15"] == "2023-10-03"
    assert got["23:50"] is None and got["23:20"] is None
