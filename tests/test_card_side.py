"""Which side of its stamp a card sits on, in page text (no HTML boxes).

Card lists print headline, teaser, then the stamp ("Headline / Teaser / 2H ago"), with
a section label over the list and older cards carrying only a date: cbsnews-1 (dev
corpus), htmldate-78 and zyte-7 in the pool ("Headline / 7 hours ago"). Author lines
over the stamp ("Headline / By Jane Doe / 13 hours ago") close a card: newspaper-25 in
the pool, theweek-1's cards in the corpus. Examples are invented.
"""
from __future__ import annotations

from datetime import datetime

import feedline

NOW = datetime(2024, 3, 5, 12, 0)


def _items(text: str) -> list[tuple[str, str]]:
    timeline = feedline.extract(text.encode(), now=NOW, tz="UTC")
    entries = sorted(timeline.entries, key=lambda e: e.position)
    return [(e.stamp.text, (e.headline or e.text).splitlines()[0]) for e in entries]


CARDS = [("Bridge reopens to traffic after months of repairs", "Drivers can use the crossing again from today", "32M ago"),
         ("Council approves the new city budget at last", "The vote passed by a narrow margin on Monday", "1H ago"),
         ("Storm warning issued for the whole coast tonight", "Forecasters expect strong winds and heavy rain", "2H ago"),
         ("Schools to reopen after the long winter break", "Pupils return on Wednesday, officials confirmed", "5H ago")]


def test_cards_closed_by_their_stamp_with_a_dated_card_after_them() -> None:
    text = "".join(f"{h}\n\n{d}\n\n{s}\n" for h, d, s in CARDS) + \
        "Harbour festival draws record crowds this year\n\nOrganisers counted visitors all weekend\n\nNov 16\n"
    assert _items(text) == [(s, h) for h, _, s in CARDS]


def test_an_author_line_over_the_stamp_closes_the_card() -> None:
    text = "More Stories Like This\n\n" + "".join(f"{h}\nBy Jane Doe\n{s}\n\n" for h, _, s in CARDS) + "TRENDING\n"
    assert _items(text) == [(s, h) for h, _, s in CARDS]


# "Headline / Section / stamp" (or "Kicker / Headline / Author / stamp") over and over: a
# label right above every stamp, under the previous line of content. It says an item starts
# at the stamp no more than that it ends there, so it votes for nothing; the edges decide
# (content above the first stamp, only page numbers below the last). Seen in the pool on
# money.kompas.com (section), losandes.com.ar (author), indiewire.com and dw.com (source,
# section), prtimes.jp and indiapost.com.
SECTIONS = ["Politics", "Business", "Weather", "Culture", "Sport"]


def test_a_label_over_every_stamp_is_the_cards_not_the_next_items() -> None:
    cards = [(h, s) for h, _, s in CARDS] + [("Harbour festival draws record crowds this year", "6H ago")]
    text = "Latest news\n" + "".join(f"{h}\n{sec}\n{s}\n" for (h, s), sec in zip(cards, SECTIONS)) + "1\n2\n3\nNext\n"
    assert _items(text) == [(s, h) for h, s in cards]


# A label that opens its item stays a vote for the stamp leading: "Ann says:" under the
# "Reply" of the comment above (netzpolitik.org, golfpost.de, cicero.de in the pool).
def test_a_commenter_under_a_reply_link_opens_the_comment() -> None:
    comments = [("Anna says:", "10:17", "The figures in the second table do not add up at all."),
                ("Bert says:", "11:12", "Thanks for the clear summary, it helped me a great deal."),
                ("Cleo says:", "12:40", "Does anyone know when the full report will be published?")]
    text = "3 comments\n" + "".join(f"{n}\n{s}\n\n{c}\n\nReply\n" for n, s, c in comments)
    assert _items(text) == [(s, c) for _, s, c in comments]


# A list of one-line items between two labels of the page ("Our readers read next / Headline
# / 1 HR ago / … / Headline / 6 HRS ago / More from Jane Doe"): the line between the top
# label and the first stamp is an item as long as the others, the line under the last
# stamp is no item (half their length at most), so the stamps close their items, whatever
# stands above the top label. Seen in the pool on politico.eu, zitrod.com ("Popular Posts")
# and 24ora.com ("POPULAR POSTS / … / POPULAR CATEGORY", headlines in capitals too).
def test_one_line_items_between_two_labels_are_above_their_stamps() -> None:
    items = [("Bridge reopens to traffic after months of repairs on the crossing", "1 HR ago"),
             ("Council approves the new city budget at last after a long debate", "3 HRS ago"),
             ("Storm warning issued for the whole coast tonight by forecasters", "6 HRS ago")]
    text = ("Related people\nJane Doe John Smith Ann Example Bert Sample\nOur readers read next\n"
            + "".join(f"{h}\n{s}\n" for h, s in items) + "More from Jane Doe Smith\n"
            + "The harbour festival drew record crowds this year, organisers said on Sunday.\n")
    assert _items(text) == [(s, h) for h, s in items]


# The line over the top label must be no author's: "Headline / By Times staff / Teaser /
# 4:53 pm / Headline / 4:17 pm / …" is an article's card above a list whose stamps lead.
def test_an_author_line_over_the_first_item_is_no_list_label() -> None:
    items = [("4:53 pm", "Stocks open higher after a two-day rout on virus fears"),
             ("4:17 pm", "Capital orders quarantine for all arrivals from hard-hit areas"),
             ("4:08 pm", "Border crossings to reopen as the calm holds for a third day")]
    text = ("Live\nBorder crossings to reopen as the calm holds\nBy Times staff\n"
            "Army will ease restrictions on Thursday morning unless rocket fire resumes\n"
            + "".join(f"{s}\n{h}\n" for s, h in items)
            + "Minister condemns the senator's shocking comment on the embassy\nBy Times staff\n")
    assert _items(text) == items


# What lies beyond a list's edge counts as content only when it is as long as half the
# items' lines: "Members only: today's recipes" under long headlines is a widget's line, so
# the only content beyond the list is above its first stamp, and the stamps close their
# items. Seen in the pool on yomiuri.co.jp ("会員限定 / きょうのひと皿"), nationalpost.com
# ("Subscribe for $1.25/week") and wort.lu.
def test_a_short_line_beyond_the_last_stamp_is_no_item() -> None:
    items = [("Police close the main bridge after the storm hits the city hard", "09:12"),
             ("Storm reaches the coast with heavy rain and strong winds tonight", "08:50"),
             ("Schools stay closed on Monday after the flooding, officials say", "08:31")]
    text = ("Read the full story of the flood recovery in our special report\n" + "".join(f"{h}\n{s}\n" for h, s in items)
            + "Members only: today's recipes\nPasta bake with spinach and ricotta cheese for four people tonight\n")
    timeline = feedline.extract(text.encode(), now=NOW, tz="UTC")
    last_lines = [(e.stamp.text, f"{e.headline or ''}\n{e.text}".strip().splitlines()[-1])
                  for e in sorted(timeline.entries, key=lambda e: e.position)]
    assert last_lines == [(s, h) for h, s in items]  # the line right above each stamp is its item's


# A line in Japanese or Chinese that holds a Latin acronym ("「DMARC」の設定") is content, not a
# label in capitals: str.isupper() alone says it is (news.mynavi.jp's ranking).
def test_a_cjk_headline_with_an_acronym_is_content() -> None:
    items = [("迷惑メールが受信箱に届く、「DMARC」の設定が完了していないのが原因かも", "2022/08/09 20:46"),
             ("スマートフォンに緊急のセキュリティ脆弱性、ただちにアップデートを", "2022/08/04 11:59"),
             ("パスワードを推測するマルウェアが急成長、家庭用ルーターは注意", "2022/08/08 10:16"),
             ("数百万台のルーターに緊急の脆弱性が発覚、何年も続く可能性あり", "2022/08/03 08:43")]
    text = ("アクセスランキング\n\n" + "".join(f"{h}\n\n{s}\n\n" for h, s in items)
            + "認証データを盗むパッケージが複数見つかる、ただちに確認を\n\n12時間前\nランキングをもっと見る\nもっと見る\n")
    assert _items(text)[:4] == [(s, h) for h, s in items]


# A list whose newest items print a clock and the older ones a date only: the dates stand in
# the stamps' slot and tell the side (baltimoresun.com "Headline / 5:00 AM / Section /
# Headline / Aug 15, 2020"; sudouest.fr "Dernières actus / 09:21 / Headline / Avant-hier /
# Headline / 24 mars 2020"; wort.lu "06:45 / Headline / 29.06.2025 / Headline").
DATED_AFTER = ("LATEST\nCounty\nCounty to host public hearing next month on flood permits\n5:00 AM\n"
               "Obituaries\nAnna Smith, social worker and church singer, dies at 90\nMar 3, 2024\n"
               "Baseball\nOrioles lose again to the Rays in extra innings at home\nMar 2, 2024\n"
               "Politics\nCouncil votes to delay the budget for another two weeks\nMar 2, 2024\n")
DATED_BELOW = ("Latest news\n09:21\nHospital calls on firms and people to give what they can\nYesterday\n"
               "Third resident of the care home taken to hospital this week\n1 March 2024\n"
               "A thousand protective masks stolen from a hospital store\n29 February 2024\n")


def test_a_clock_over_dated_items_closes_its_card_when_the_dates_close_theirs() -> None:
    assert _items(DATED_AFTER) == [("5:00 AM", "County to host public hearing next month on flood permits")]


def test_a_lone_clock_heading_a_list_of_dated_items_is_an_entry() -> None:
    assert _items(DATED_BELOW) == [("09:21", "Hospital calls on firms and people to give what they can")]


def test_dates_on_both_sides_of_a_clock_make_a_calendar_not_a_list_of_dated_items() -> None:
    calendar = ("Coming up\nSki bus to the mountain\nLeaves at the station\n12.02.2024\n"
                "Ski bus to the valley\nLeaves at the bridge\n13.02.2024\nA film about climbing\nTV 20:15\n"
                "14.02.2024\nSki bus to the lake\nLeaves at the square\n27.02.2024\n")
    assert _items(calendar) == []


def test_the_page_s_own_article_heading_a_list_of_dated_items_is_listed_not_its_byline() -> None:
    """The list's one clock prints the page's published time: the page's article listed first
    (baltimoresun.com, sudouest.fr), not a byline, when dated items follow in its rhythm."""
    items = "".join(f"<p>{line}</p>" for line in DATED_AFTER.splitlines())
    html = ('<html><head><meta property="article:published_time" content="2024-03-04T05:00:00-05:00"></head>'
            f"<body><article><h1>County to host public hearing</h1><p>By Jane Doe</p><p>Mar 4, 2024 at 5:00 AM</p>"
            f"<p>The hearing on the permits will be held online next month, officials said.</p></article>"
            f"<aside>{items}</aside></body></html>")
    assert _items(html) == [("5:00 AM", "County to host public hearing next month on flood permits")]


# A card's stamp on two lines, its date over its clock ("By: Jane Doe / October 13, 2022 /
# 14:40", every card): the date is the clock's own, no day heading that opens the next item,
# and the author line above it closes the card (investmentexecutive.com in the pool; a1plus.am
# prints "14:33:00 / 2020-09-15" with the date under the clock, aclu.org's comments "reply /
# April 6, 2018 / 2:20 AM").
def test_a_date_over_every_clock_is_the_stamps_own() -> None:
    days = ["October 13, 2022", "October 12, 2022", "October 11, 2022", "October 11, 2022"]
    clocks = ["14:40", "15:10", "16:45", "14:51"]
    text = "Latest news\n" + "".join(f"{h}\n\n{d}\n\nBy: Jane Doe\n{day}\n{clock}\n"
                                    for (h, d, _), day, clock in zip(CARDS, days, clocks)) + "Newsletters\nMy account\n"
    timeline = feedline.extract(text.encode(), now=datetime(2022, 10, 14, 14, 29), tz="UTC")
    entries = sorted(timeline.entries, key=lambda e: e.position)
    assert [(e.stamp.text, e.headline) for e in entries] == [(c, h) for (h, _, _), c in zip(CARDS, clocks)]
    assert [e.datetime.date().isoformat() for e in entries] == ["2022-10-13", "2022-10-12", "2022-10-11", "2022-10-11"]
