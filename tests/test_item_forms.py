"""Item forms that whole feeds on unseen pages depend on, each from several pool sites.

Invented pages, read end to end through `feedline.extract`; the comment above each test names
the pool sites (../shared/pool/SITES.tsv) that print the form.
"""
from __future__ import annotations

from datetime import datetime

from feedline import extract

NOW = datetime(2024, 5, 6, 12, 0)


def entries(text: str) -> list[tuple[str, str]]:
    timeline = extract(text.encode(), now=NOW, tz="UTC")
    return [(e.stamp.text, e.headline or e.text) for e in sorted(timeline.entries, key=lambda e: e.position)]


# One-line items in Japanese or Chinese are short in characters but long in words: a list of
# them is a feed, not a world clock of labels (asahi.com, prtimes.jp, news.mynavi.jp).
def test_cjk_one_line_items_are_not_labels() -> None:
    page = ("最新ニュース\n3時間前\n警察が嵐の後で市内の主要な橋を閉鎖したと発表した\n"
            "5時間前\n強い嵐が大雨とともに南部の海岸に到達した\n8時間前\n教育省は学校が月曜日も休校になると決定した\n")
    got = entries(page)
    assert [stamp for stamp, _ in got] == ["3時間前", "5時間前", "8時間前"]
    assert got[0][1].startswith("警察が")
    chinese = "最新消息\n3小时前\n警方宣布在风暴过后关闭了市内的主要桥梁\n5小时前\n强烈风暴带着大雨抵达南部海岸地区\n"
    assert len(entries(chinese)) == 2


def test_a_world_clock_of_labels_is_still_no_feed() -> None:
    assert entries("World clock\nLondon 15:00\nNew York 10:00\nTokyo 23:00\n") == []


# "+++ Headline +++" and "*** … ***" ticker markers are not part of the item's words
# (mdr.de, agrarheute.com, lokalo.de, express.de, jagderleben.de, rtl.de).
def test_ticker_markers_are_unwrapped() -> None:
    page = ("Live\n*** 10:15 Police close the main bridge after the storm ***\nTraffic is diverted.\n"
            "+++ 09:50 Storm reaches the coast with heavy rain +++\nWinds up to 120 km/h.\n")
    assert [headline for _, headline in entries(page)] == [
        "Police close the main bridge after the storm", "Storm reaches the coast with heavy rain"]


# Clocks led by an "at" word open each item of a chronology ("À 00h49, les gendarmes …" on
# paris-luttes.info; the report names French and German tickers on unseen sites). The
# word is part of the stamp's place only where it opens three lines or more: a lone sentence
# that starts "À 10h15," in an article stays text.
def test_clock_after_an_at_word_opens_items_on_a_page_of_them() -> None:
    french = ("En direct\nÀ 10h15, la police a fermé le pont principal après la tempête.\n"
              "À 9h50, la tempête a atteint la côte avec de fortes pluies.\n"
              "À 9h20, les écoles restent fermées lundi matin selon le ministère.\n")
    got = entries(french)
    assert [stamp for stamp, _ in got] == ["10h15", "9h50", "9h20"]
    assert got[0][1].startswith("À 10h15, la police")  # the sentence stays whole
    german = ("Liveticker\nUm 10.15 Uhr hat die Polizei die Hauptbrücke gesperrt.\n"
              "Um 9.50 Uhr erreichte der Sturm die Küste mit starkem Regen.\n"
              "Um 9.20 Uhr teilte das Ministerium mit, die Schulen blieben zu.\n")
    assert [stamp for stamp, _ in entries(german)] == ["10.15 Uhr", "9.50 Uhr", "9.20 Uhr"]


def test_one_or_two_at_clocks_stay_text() -> None:
    article = ("Le récit\nÀ 10h15, la police a fermé le pont principal après la tempête.\n"
               "Les habitants ont attendu toute la journée.\nÀ 9h50, la tempête a atteint la côte.\n")
    assert entries(article) == []
    english = ("Curfews\nA 10 p.m. to 5 a.m. curfew took effect over the weekend in the city.\n"
               "A 9 p.m. curfew follows next week in the suburbs of the capital.\n"
               "A 11 p.m. curfew was lifted on Monday after protests.\n")
    assert entries(english) == []
