"""Visual lines: inline runs of stamped items split (`feedline.lines`).

An inline ticker printed by innerText as one line was reported on several unseen sites
(issue 8, class 3) and is on the dev corpus page newsam-1 (a "news feed" sidebar of inline
links, its lines broken anywhere). The 1,075 pool pages show no run: none of their lines
is split (prices, opening hours and bylines with several clocks stay whole, measured when
this rule went in). Examples are invented.
"""
from __future__ import annotations

from feedline.lines import visual_lines


def _lines(text: str) -> list[str]:
    return [line for _, line in visual_lines(text)]


def test_a_run_of_items_splits_before_each_clock_and_keeps_offsets() -> None:
    text = "Latest\n08:45 Bridge reopens after long repairs 08:38 Council approves the new budget 08:31 Storm warning issued for the coast\n"
    pieces = list(visual_lines(text))
    assert [line.strip() for _, line in pieces] == [
        "Latest", "08:45 Bridge reopens after long repairs", "08:38 Council approves the new budget",
        "08:31 Storm warning issued for the coast", ""]
    assert all(text[offset:offset + len(line)] == line for offset, line in pieces)


def test_once_a_page_has_a_run_its_broken_lines_are_cut_too() -> None:
    text = ("09:10 First item of the ticker here 09:02 Second item of the ticker 08:55 Third item of the ticker\n"
            "08:50 Fourth item of the ticker 08:41 Fifth item that wraps onto\n"
            "the next line 08:30 Sixth item of the ticker")
    assert [line.strip() for line in _lines(text)][3:] == [
        "08:50 Fourth item of the ticker", "08:41 Fifth item that wraps onto", "the next line",
        "08:30 Sixth item of the ticker"]


def test_a_turn_over_midnight_is_still_a_run() -> None:
    text = "00:20 One item of the night list 23:58 Another item of the night 23:40 A third item of the night"
    assert len(_lines(text)) == 3


def test_sentences_hours_and_prices_are_not_runs() -> None:
    for line in (
        "Open between 07:00 and 14:00 on weekdays and 09:00 to 13:00 on Saturdays, closed on Sundays",
        "10.00 Uhr bis 18.00 Uhr und am Sonntag von 10.00 Uhr bis 17.00 Uhr geöffnet, der Eintritt ist frei",
        "Shares rose 0.77 at 63.03 with the range 52.97 to 63.34 and volume well below the daily average",
        "12:10 Headline one here 12:20 Headline two here 12:05 Headline three here 12:30 Headline four here",
    ):
        assert _lines(line) == [line], line


def test_a_clock_after_a_preposition_is_not_cut() -> None:
    text = ("11:00 Minister visits the northern region 10:45 Trains resume on the main line 10:30 Talks to resume "
            "at 14:00 in the capital city today")
    assert [line.strip() for line in _lines(text)][-1] == "10:30 Talks to resume at 14:00 in the capital city today"
