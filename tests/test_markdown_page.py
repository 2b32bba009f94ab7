"""Markdown pages (a scraper's print of a page) are read through the HTML they render to.

The forms below are written here in the shapes converters print for real feeds: html2text's
card list (`## [Headline](url)` / `[Section](url) / 25 mins ago`: kron4.com in the pool),
markdownify's link drawn around a whole card, whose pieces are left as text (`[` alone or
opening the card's first line, and `32M ago](url)`: cbsnews.com, wort.lu, nrk.no,
nikkan-gendai.com, jpost.com, gizmodo.com, mk.ru in the pool; a `[Headline` opening a card's
first line on 75 of the pool's markdownify prints, pagina12.com.ar, forstpraxis.de and faz.net
among the most) and whose blocks are one card again, and a live blog with bold clocks. Measured on the pool's labelled pages printed by markdownify and html2text:
docs/evaluation.md, "Markdown twins".
"""
from __future__ import annotations

import json

import pytest
from datetime import datetime
from zoneinfo import ZoneInfo

from feedline import extract
from feedline.markdown_page import looks_like_markdown, split_envelope, to_html
from feedline.model import PageKind
from feedline.render import render

NOW = datetime(2024, 3, 7, 18, 0, tzinfo=ZoneInfo("America/Los_Angeles"))

CARDS_HTML2TEXT = """\
# [Metro Daily](https://metro.example/)

## Latest

## [ Harbour bridge to close for repairs all weekend ](https://metro.example/news/bridge/)

[Traffic](https://metro.example/traffic/) / 25 mins ago

## [ School board approves new budget after long debate ](https://metro.example/news/budget/)

[Education](https://metro.example/education/) / 2 hours ago

## [ Storm warning issued for the coast until Friday ](https://metro.example/news/storm/)

[Weather](https://metro.example/weather/) / 3 hours ago
"""

CARDS_MARKDOWNIFY = """\
[Home](https://daily.example/) [World](https://daily.example/world/)

[![a bridge](https://img.daily.example/1.jpg)

#### Harbour bridge to close for repairs all weekend

Crews will replace the deck joints on both spans, the city said

32M ago](https://daily.example/news/bridge/)

[![a school](https://img.daily.example/2.jpg)

#### School board approves new budget after long debate

The vote came after four hours of public comment

1H ago](https://daily.example/news/budget/)

[![a storm](https://img.daily.example/3.jpg)

#### Storm warning issued for the coast until Friday

Forecasters expect gusts of up to 90 km/h

2H ago](https://daily.example/news/storm/)
"""

LIVE_BLOG = """\
# Live: the council vote

[Share on X](https://x.example/share) | [Share by email](mailto:?subject=live) | [Print](/print/)

**17:42** The council has approved the plan by 31 votes to 12, the mayor's office said.

**17:10** Debate has resumed after a short break. [Watch the stream](https://council.example/live)

**16:55** Protesters have gathered outside the hall, police said.
"""


def in_page_order(timeline):
    return sorted(timeline.entries, key=lambda entry: entry.position)


def headlines(timeline) -> list[str]:
    return [entry.headline or entry.text for entry in in_page_order(timeline)]


def test_html2text_card_list_reads_as_its_headlines_and_stamps() -> None:
    timeline = extract(CARDS_HTML2TEXT.encode(), now=NOW)
    assert timeline.page.kind is PageKind.MARKDOWN
    assert [e.stamp.text for e in in_page_order(timeline)] == ["25 mins ago", "2 hours ago", "3 hours ago"]
    assert [e.local_time.strftime("%H:%M") for e in in_page_order(timeline)] == ["17:35", "16:00", "15:00"]
    assert headlines(timeline)[0] == "Harbour bridge to close for repairs all weekend"
    assert not any("](" in e.text or "[" in e.text for e in timeline.entries)


def test_a_link_drawn_around_a_card_leaves_no_syntax_in_the_entries() -> None:
    timeline = extract(CARDS_MARKDOWNIFY.encode(), now=NOW)
    assert timeline.page.kind is PageKind.MARKDOWN
    assert [e.stamp.text for e in in_page_order(timeline)] == ["32M ago", "1H ago", "2H ago"]
    assert [e.stamp.relative_minutes for e in in_page_order(timeline)] == [32, 60, 120]
    assert headlines(timeline)[1] == "School board approves new budget after long debate"
    assert not any("](" in e.text or "http" in e.text for e in timeline.entries)


BYLINED_CARDS = "".join(f"""\
[{headline}

* By  {by}
* 11/20/2019 {clock}](/Breaking-News/{n} "{headline}")

""" for n, (headline, by, clock) in enumerate((
    ("Ministers agree on the harbour budget", "METRO STAFF", "01:14 PM"),
    ("Storm closes the coastal road overnight", "WIRE", "10:08 AM"),
    ("Council: the new bridge opens in spring", "METRO STAFF", "09:39 AM")))) + \
    "[About](https://metro.example/about) [Jobs](https://metro.example/jobs) [Contact](https://metro.example/c)\n"


def test_the_blocks_a_card_link_drew_around_are_one_card() -> None:
    """`[Headline` / a list of byline and stamp / `](target)`: the headline above the list is
    the card's (jpost.com's "Breaking News" list as markdownify prints it), not the byline."""
    html = to_html(BYLINED_CARDS)
    assert html.count("<div>") == 3 and "[" not in html.replace("[About", "")
    timeline = extract(BYLINED_CARDS.encode(), now=datetime(2019, 11, 20, 14, 0))
    assert headlines(timeline) == ["Ministers agree on the harbour budget", "Storm closes the coastal road overnight",
                                   "Council: the new bridge opens in spring"]


def test_a_card_opening_inside_a_block_is_not_wrapped() -> None:
    """`1 hour ago](target)` with the next card's `[` on the line below, in one paragraph
    (phys.org's list): no block holds a card alone, so none is made; the `[` still goes."""
    page = "".join(f"[![](data:image/gif;base64,R0lGOD)\n\n##### Headline number {n} here\n\n{n} hours ago](https://x.example/{n})\n"
                   for n in range(1, 5))
    html = to_html(page)
    assert "<div>" not in html and "[" not in html


def test_read_as_plain_text_the_same_cards_keep_the_link_syntax() -> None:
    """What the Markdown reader is for: the same bytes as text put `](https://…)` in entries."""
    from feedline.read import read_page

    page = read_page(CARDS_MARKDOWNIFY.encode())
    assert "32M ago" in page.text and "](https://" not in page.text
    assert "](https://" in CARDS_MARKDOWNIFY


def test_live_blog_with_bold_clocks_and_sources() -> None:
    timeline = extract(LIVE_BLOG.encode(), now=NOW)
    assert timeline.page.kind is PageKind.MARKDOWN
    assert [e.stamp.text for e in in_page_order(timeline)] == ["17:42", "17:10", "16:55"]
    first, _, last = in_page_order(timeline)
    assert first.headline is not None and first.headline.startswith("The council has approved the plan")
    assert not any("**" in (e.headline or "") + e.text for e in timeline.entries)
    assert [s.name for s in last.sources] == ["police"]


DATED_LINES = """\
[Energy](https://trade.example/energy/) [Chemistry](https://trade.example/chem/) [Jobs](/jobs/)

### [Plant expansion approved in the port area](https://trade.example/a)

05. Dez. 2022 | 14:37 Uhr

### [New catalyst cuts energy use by a fifth](https://trade.example/b)

06. Dez. 2022 | 10:08 Uhr

### [Supplier fined for late safety reports](https://trade.example/c)

06. Dez. 2022 | 16:20 Uhr
"""


def test_a_date_opening_a_line_is_no_list_number() -> None:
    """ "05. Dez. 2022" opens the line (chemietechnik.de, derstandard.at, tageblatt.lu)."""
    timeline = extract(DATED_LINES.encode(), now=NOW)
    assert [e.date.iso for e in in_page_order(timeline)] == ["2022-12-05", "2022-12-06", "2022-12-06"]
    assert in_page_order(timeline)[0].stamp.text == "05. Dez. 2022 | 14:37 Uhr"


JINA = """\
Title: Live: the council vote

URL Source: https://news.example/live/council-vote

Published Time: Thu, 07 Mar 2024 16:02:11 GMT

Markdown Content:
**17:42** The council has approved the plan by 31 votes to 12.

**17:10** Debate has resumed after a short break, police said.
"""


def test_a_jina_reader_envelope_gives_the_page_its_title_url_and_published_time() -> None:
    timeline = extract(JINA.encode())
    page = timeline.page
    assert page.kind is PageKind.MARKDOWN  # no link at all: the envelope says it
    assert (page.title, page.url) == ("Live: the council vote", "https://news.example/live/council-vote")
    assert page.markup is not None and page.markup.published == "2024-03-07T16:02:11+00:00"
    assert [e.stamp.text for e in in_page_order(timeline)] == ["17:42", "17:10"]
    iso = JINA.replace("Thu, 07 Mar 2024 16:02:11 GMT", "2024-03-07T08:02:11-08:00")
    assert split_envelope(iso)[0]["published"] == "2024-03-07T08:02:11-08:00"
    untitled = JINA.replace("Title: Live: the council vote", "Title:")  # an empty field is left out
    assert split_envelope(untitled)[0] == {"url": "https://news.example/live/council-vote",
                                           "published": "2024-03-07T16:02:11+00:00"}


def test_no_envelope_without_its_fields() -> None:
    text = "Title: Minutes of the meeting\nAgenda: budget\n\nMarkdown Content:\n12:30 Opening\n"
    assert split_envelope(text) == ({}, text)
    assert not looks_like_markdown(text)


def test_text_with_brackets_or_few_links_stays_text() -> None:
    assert not looks_like_markdown("Footnote [1] and [2](see below)\n12:30 Headline")
    assert not looks_like_markdown("[a](https://a.example) [b](https://b.example)")
    assert looks_like_markdown("[a](https://a.example) [b](/b) [c](#c)")
    text = "12:30\nFirst headline of the feed\n12:10\nSecond headline [1]\n"
    assert extract(text.encode(), now=NOW).page.kind is PageKind.TEXT


def test_a_page_over_the_cap_is_read_as_text() -> None:
    from feedline import markdown_page

    line = "[a](/a) [b](/b) [c](/c) 12:30 Headline\n"
    assert looks_like_markdown(line * (markdown_page.MAX_CHARS // len(line)))
    assert not looks_like_markdown(line * (markdown_page.MAX_CHARS // len(line) + 1))


def test_raw_html_in_markdown_is_text_not_markup() -> None:
    html = to_html("<script>alert(1)</script>\n\n<b>bold</b> [a](/a) [b](/b) [c](/c)")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<b>" not in html


def test_json_says_markdown() -> None:
    document = json.loads(render(extract(LIVE_BLOG.encode(), now=NOW), "json"))
    assert document["page"]["kind"] == "markdown"


# Cards as markdownify prints them once their `<article>` is gone: a heading, the card's lines
# and its stamp last, one card after another (theportugalnews.com's "More in News" with a rule
# between cards, investmentexecutive.com's list, aclu.org's comments "### Name" / text /
# "reply" / date / clock; money.kompas.com, yomiuri.co.jp, accountancyage.com and br.de print
# theirs so too in the pool).
STAMPS_UNDER_HEADINGS = """\
[Home](https://harbour.example/) [News](https://harbour.example/news) [Sport](https://harbour.example/sport)

### More in News

## Ferry timetable changes for the winter season

In [News](https://harbour.example/news), [Port](https://harbour.example/port)
- 02 Feb 2025, 20:02

---

## Yellow weather warning issued for the coast

In [News](https://harbour.example/news)
- 02 Feb 2025, 19:49

---

## Fishing quotas cut again after a poor year

In [News](https://harbour.example/news), [Business](https://harbour.example/business)
- 01 Feb 2025, 18:25

### Comments

#### Anna

Couldn't the council have warned us a week earlier about the ferries?

* [reply](https://harbour.example/reply/1)
* February 2, 2025
* 9:14 PM

#### Ben

The new timetable works better for commuters, in my experience at least.

* [reply](https://harbour.example/reply/2)
* February 3, 2025
* 7:02 AM
"""

# Stamps printed over their headlines: "### [Latest](…)" / 17:35 / "## [Headline](…)" / 17:07 /
# … (elpais.com's "Últimas noticias"; diariodelsur.com.co, chemietechnik.de, radiomaryja.pl,
# ansa.it and foxnews.com lists print theirs over the headline too): the heading below each
# stamp is its item's, not the one above.
STAMPS_OVER_HEADINGS = """\
[Home](https://daily.example/) [World](https://daily.example/world) [Sport](https://daily.example/sport)

### [Latest news](https://daily.example/latest/)

17:35

## [Ministers agree on the harbour budget after a long night](https://daily.example/a)

17:07

## [Storm closes the coastal road overnight, police say](https://daily.example/b)

16:53

## [The new bridge opens in spring, the council confirms](https://daily.example/c)

### [Most read](https://daily.example/most-read/)
"""


def test_a_heading_and_the_blocks_under_it_are_one_section() -> None:
    """The outline a Markdown page states: a heading's section runs to the next heading of its
    rank or higher, a rule, or the end of the block that holds it; a heading of a lower rank
    opens a section inside it, an empty heading none."""
    html = to_html("## A\n\na\n\n### B\n\nb\n\n## C\n\nc\n\n---\n\nd\n\n* ## E\n\n  e\n* f\n\n##### \n\ng\n")
    assert html.count('<section class="md-outline">') == html.count("</section>") == 4
    assert "<h2>A</h2>\n<p>a</p>\n<section" in html and "<p>b</p>\n</section></section>" in html
    assert "<p>c</p>\n</section><hr />\n<p>d</p>" in html  # a rule ends the section
    assert "<p>e</p>\n</section></li>" in html  # so does the list item that holds it
    assert "<h5></h5>\n<p>g</p>\n</body>" in html  # an empty heading heads nothing


def test_stamps_under_their_headings_belong_to_the_heading_above() -> None:
    timeline = extract(STAMPS_UNDER_HEADINGS.encode(), now=datetime(2025, 2, 3, 12, 0))
    assert timeline.page.kind is PageKind.MARKDOWN
    pairs = [(e.stamp.text, e.headline or e.text.split("\n")[0]) for e in in_page_order(timeline)]
    assert pairs == [
        ("02 Feb 2025, 20:02", "Ferry timetable changes for the winter season"),
        ("02 Feb 2025, 19:49", "Yellow weather warning issued for the coast"),
        ("01 Feb 2025, 18:25", "Fishing quotas cut again after a poor year"),
        ("9:14 PM", "Couldn't the council have warned us a week earlier about the ferries?"),
        ("7:02 AM", "The new timetable works better for commuters, in my experience at least."),
    ]
    assert [e.datetime.date().isoformat() for e in in_page_order(timeline)][3:] == ["2025-02-02", "2025-02-03"]


@pytest.mark.parametrize("page", [STAMPS_OVER_HEADINGS, STAMPS_OVER_HEADINGS.replace(
    "### [Latest news](https://daily.example/latest/)\n\n", "")], ids=["under-a-label", "first-outside"])
def test_stamps_over_their_headings_belong_to_the_heading_below(page: str) -> None:
    timeline = extract(page.encode(), now=datetime(2024, 10, 15, 18, 0))
    pairs = [(e.stamp.text, e.headline or e.text) for e in in_page_order(timeline)]
    assert pairs == [
        ("17:35", "Ministers agree on the harbour budget after a long night"),
        ("17:07", "Storm closes the coastal road overnight, police say"),
        ("16:53", "The new bridge opens in spring, the council confirms"),
    ]


def test_a_label_heading_over_the_first_stamp_is_no_item() -> None:
    """The list's label as a heading of the items' own rank ("## Live" / first stamp / "##
    [Headline]" …, diariodelsur.com.co; dominicantoday.com and laola1.at print a label over
    the first stamp too): the stamps still stand over their headlines."""
    page = "[Home](https://daily.example/) [World](https://daily.example/w) [Sport](https://daily.example/s)\n\n" \
        "## Live\n\n" + "".join(
            f"05/12/2020 - {clock}\n\n## [{headline}](https://daily.example/{n})\n\n{teaser}\n\n"
            for n, (clock, headline, teaser) in enumerate((
                ("15:10", "Youth orchestra lights up the Christmas season", "A concert from the theatre tonight at six."),
                ("12:20", "Cases rise again in the capital, says the ministry", "The daily report counts 900 new cases."),
                ("10:47", "Volunteers honoured on their international day", "The mayor thanked two hundred helpers."),
                ("07:53", "Vaccine trials reach their last phase", "Twenty candidates are now being tested.")))) + \
        "## [The last story of the list has no stamp](https://daily.example/9)\n\nIts teaser.\n"
    timeline = extract(page.encode(), now=datetime(2020, 12, 5, 18, 0))
    assert [(e.stamp.text[-5:], e.headline) for e in in_page_order(timeline)] == [
        ("15:10", "Youth orchestra lights up the Christmas season"),
        ("12:20", "Cases rise again in the capital, says the ministry"),
        ("10:47", "Volunteers honoured on their international day"),
        ("07:53", "Vaccine trials reach their last phase"),
    ]
