"""Item boundaries and the page's own stamps (pool pages labelled apart from the code).

Each rule rests on pool sites named in its test; the pages below are invented.
"""
from __future__ import annotations

import json
from datetime import datetime

import feedline
from feedline.lookalikes import PAGE_TIME


def _extract(page: str, now: str | None = "2024-03-05T12:00", tz: str | None = "Europe/London"):
    when = datetime.fromisoformat(now) if now else None
    timeline = feedline.extract(page.encode(), now=when, tz=tz)
    return sorted(timeline.entries, key=lambda e: e.position)


def _page(body: str, head: str = "") -> str:
    return f"<!doctype html><html><head>{head}</head><body>{body}</body></html>"


def test_items_of_one_list_whose_stamps_differ_by_a_label_are_bounded_by_their_boxes():
    # One list's cards, some stamps glued to an update label and some bare: two stamp forms,
    # two regions, each with the other's cards between its own. Seen on novinky.cz ("dnes
    # 08:23Aktualizováno" beside "dnes 08:53"), elnuevoherald.com ("Actualizado …" cards
    # beside plain ones), sport.aktualne.cz ("Aktualizováno před 21 minutami" beside "před
    # 42 minutami") and cbsnews.com ("updated 16M ago" beside "25M ago").
    cards = [("Ferry service resumes after the storm", "11:05", True),
             ("Museum reopens its east wing to visitors", "10:40", False),
             ("Rail strike called off after late talks", "10:12", True),
             ("Harbour festival draws record crowds", "09:31", False)]
    items = "".join(
        f"<li class='item'><div class='card'><h3>{title}</h3><div class='meta'><span>today {stamp}</span>"
        f"{'<span>Revised</span>' if revised else ''}</div>"
        f"<p>A teaser sentence about the story, long enough to read as text.</p></div></li>"
        for title, stamp, revised in cards)
    html = _page(f"<main><p>An article about something else entirely, with its own text.</p></main>"
                 f"<aside><h2>Top stories</h2><ul class='list'>{items}</ul></aside>")
    got = sorted((e.local_time.strftime("%H:%M"), e.headline) for e in _extract(html))
    assert got == sorted((stamp, title) for title, stamp, _ in cards)


def test_a_label_the_stamp_leads_under_a_boxed_headline_is_no_headline():
    # "Headline / 2 hours ago World": the stamp's line ends with the card's section or source,
    # the headline stands above. Seen on g1.globo.com ("Há 2 horas Mundo"), nationalpost.com
    # ("17 hours ago Shopping Essentials"), macrumors.com ("16 hours ago on iOS Blog"),
    # alarmeringen.nl ("9 oktober 2020 09:55 Ambulance") and money.kompas.com ("… 17:56 WIB").
    cards = [("Ferry service resumes after the storm", "2 hours ago", "World"),
             ("Museum reopens its east wing to visitors", "3 hours ago", "Culture"),
             ("Rail strike called off after late talks", "5 hours ago", "Politics")]
    items = "".join(f"<article class='card'><h3>{title}</h3><div class='meta'>{stamp} {label}</div></article>"
                    for title, stamp, label in cards)
    html = _page(f"<section class='feed'>{items}</section>")
    assert [e.headline or e.text for e in _extract(html)] == [title for title, _, _ in cards]


def test_the_pages_date_printed_twice_over_a_related_list_is_no_entry():
    # The article's stamp over its headline and again in its byline block, a related list of
    # the same stamp form far below: the pair stands apart, as one date printed twice does
    # (tvn24.pl; printed twice alone: lrt.lt, net.hr, latribuna.hn, tennisnet.com).
    body = "\n\n".join(f"Paragraph {i} of the article goes on about the harbour and the ferries in it." for i in range(12))
    related = [("Ferry prices go up for the summer season", "13 May 2020, 6:29"),
               ("New harbour master named by the council", "7 May 2020, 15:33"),
               ("Fishing fleet returns early from the north", "11 May 2020, 20:55")]
    text = ("Crowds fill the harbour as the ferries sail again\n\n19 May 2020, 5:16\n\nNews | World\n\n"
            "19 May 2020, 5:16\nAuthor: staff\n\n" + body + "\n\nRelated\n"
            + "\n".join(f"{title}\n{stamp}" for title, stamp in related) + "\nMore news\n")
    got = [(e.stamp.text, e.headline or e.text) for e in _extract(text, now="2020-05-19T08:00")]
    assert sorted(got) == sorted((stamp, title) for title, stamp in related)


def test_trailing_stamps_that_close_titles_give_their_titles_as_headlines():
    # "Title 12:56 PM / Uploaded by …": each stamp closes its item's title on its line, and the
    # item's other lines follow. Seen on nola.com (a photo and video list) and reuters.com
    # ("Headline10:34 AM UTC" / "World" / "category"); the one-line form on appleinsider.com,
    # roughdraftatlanta.com and self.com.
    items = [("Parade.zip", "12:56 PM", "Uploaded by Jane Roe"), ("Harbour gala", "9:54 PM", None),
             ("Band rehearsal clips", "2:05 PM", "Uploaded by Sam Poe")]
    lines = []
    for title, stamp, uploader in items:
        lines.append(f"{title} {stamp}")
        if uploader:
            lines.append(uploader)
    text = "Videos\nPhotos\n" + "\n".join(lines) + "\n"
    assert [e.headline for e in _extract(text, now=None, tz=None)] == [title for title, _, _ in items]


def test_a_date_line_over_a_teaser_heads_no_feed_below_it():
    # A card's date line and its teaser, then a section title and a list of bare clocks: the
    # date is the card's, not the list's day (larepublica.net); a date line over a teaser
    # paragraph is common (tucson.com, broadwayworld.com, kdvr.com).
    text = ("Hackers ask the ministry for a ransom\nMonday 18 April, 2022\n\n"
            "Although the attack came to light today, it would have started the day before, the "
            "ministry said in a statement.\n\nLATEST\n\n"
            "19:00 School reading contest returns in person this year\n\n"
            "18:44 Debtors of the fund will be spared the interest charges\n\n"
            "18:17 Invitations sent abroad for the change of government\n")
    entries = _extract(text, now="2022-04-22T00:05", tz="America/Costa_Rica")
    assert [e.local_time.strftime("%H:%M") for e in entries] == ["19:00", "18:44", "18:17"]
    assert {str(e.date.local_date) for e in entries} == {"2022-04-21"}


def test_a_lone_stamp_printing_the_markup_time_is_the_pages_byline():
    # "Today 9:44" beside the author, JSON-LD datePublished 08:44:01Z: the article's own stamp,
    # no entry. Seen on novinky.cz, orf.at ("heute, 7.57 Uhr"), vg.no ("kl. 14:47"), mk.ru
    # ("сегодня в 20:12"), heise.de ("13:37 Uhr"), news.biglobe.ne.jp, elle.com and citylab.com.
    def page(published: str) -> str:
        ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "datePublished": published})
        return _page("<article><h1>Library opens an exhibition on mountain smugglers</h1>"
                     "<div class='byline'><div>Today 9:44</div><div>Jane Roe</div></div>"
                     "<p>The exhibition opens next week in the town hall, the library said.</p></article>",
                     head=f"<script type='application/ld+json'>{ld}</script>")
    assert _extract(page("2020-01-30T08:44:01.000Z"), now="2020-01-30T09:55", tz="Europe/Prague") == []
    explained = feedline.extract(page("2020-01-30T08:44:01.000Z").encode(), explain=True).not_entries
    assert [n.reason for n in explained if "9:44" in n.text] == [PAGE_TIME]
    assert _extract(page("2020-01-30T09:44:00+01:00"), now="2020-01-30T09:55", tz="Europe/Prague") == []
    kept = _extract(page("2020-01-30T08:17:01.000Z"), now="2020-01-30T09:55", tz="Europe/Prague")
    assert [e.local_time.strftime("%H:%M") for e in kept] == ["09:44"]


def test_a_stamp_the_boxes_miss_in_a_list_of_short_boxed_items_is_cut_as_short():
    # Cards of a kicker, a headline and a stamp inside an article's paragraphs and a trending
    # list, both boxed, and one more card the boxes miss (a "related" block of another shape):
    # its item is as short as the boxed ones and takes none of the paragraphs above it, however
    # long the stretches between the region's stamps. Seen on elnuevoherald.com; short boxed
    # items with a stamp the boxes miss: yomiuri.co.jp, cbsnews.com, mk.co.kr, gizmodo.com,
    # folha.uol.com.br, abcnews.go.com.
    def paragraphs(k: int) -> str:
        return "".join(f"<p>Paragraph {k}.{i} of the article on the harbour plan, as the council said.</p>"
                       for i in range(3))
    cards = [("Ferry service resumes after the storm", "2 May 2022 1:02 PM"),
             ("Museum reopens its east wing to visitors", "10 April 2022 7:30 AM"),
             ("Rail strike called off after late talks", "15 April 2022 1:02 PM")]
    boxed = "".join(f"<div class='readmore'><div>Local news</div><div>{t}</div><div>{s}</div></div>{paragraphs(k)}"
                    for k, (t, s) in enumerate(cards))
    related = ("<section class='related'><div>Related</div><div>Local news</div>"
               "<div>Harbour gala draws a record crowd</div><div>22 April 2022 6:46 PM</div>"
               "<div>Jane Roe</div><div>Jane Roe covers the port and the harbour for the paper.</div></section>")
    trending = "".join(f"<li class='trend'><div>{t}</div><div>{d} April 2022 {h}:15 AM</div></li>"
                       for t, d, h in (("Storm warning for the coast", 25, 9), ("New bridge toll starts", 24, 8),
                                       ("Schools close early for the summer", 23, 7), ("Port workers agree a pay deal", 21, 6),
                                       ("Old lighthouse to become a museum", 20, 5)))
    html = _page(f"<article><h1>The harbour plan</h1><div class='meta'>26 April 2022 1:04 PM</div>"
                 f"{paragraphs(9)}{boxed}{related}</article>"
                 f"<aside><div>Trending</div><ul>{trending}</ul></aside>")
    got = {e.stamp.text: (e.headline or e.text) for e in _extract(html, now="2022-04-27T12:00")}
    assert got["22 April 2022 6:46 PM"] == "Harbour gala draws a record crowd"


def test_a_stamp_beside_an_update_label_stays_in_its_list():
    # "Actualizado 25 de abril de 2022 10:08 AM" among "25 de abril de 2022 8:00 PM" cards: an
    # update label beside some stamps of a list does not make them another list. Seen on
    # elnuevoherald.com, novinky.cz ("dnes 08:23Aktualizováno"), sport.aktualne.cz
    # ("Aktualizováno před 21 minutami") and cbsnews.com ("updated 16M ago"). An update right
    # under the page's own stamp ("12:43" / "aktualizováno • 12:56", seznamzpravy.cz) stays
    # apart, and so does a bare clock after the label ("Updated 21:00": the page's label).
    cards = [("Ferry service resumes after the long storm", "25 April 2022 8:00 PM", False),
             ("Museum reopens its east wing to the visitors", "25 April 2022 10:08 AM", True),
             ("Rail strike called off after the late talks", "26 April 2022 1:45 PM", False),
             ("Harbour festival draws a record crowd again", "24 April 2022 9:00 AM", True),
             ("Schools close early for the summer this year", "23 April 2022 7:15 AM", False),
             ("Port workers agree a new pay deal with owners", "22 April 2022 6:40 PM", True)]
    text = ("Harbour plan approved\n12:43\nUpdated • 12:56\n\nThe council approved the plan on Tuesday, "
            "officials said in a statement.\n\nTrending\n"
            + "\n".join(f"{title}\n{'Updated ' if updated else ''}{stamp}" for title, stamp, updated in cards)
            + "\nMore news\n")
    got = [(e.stamp.text, e.headline or e.text) for e in _extract(text, now="2022-04-27T12:00")]
    assert sorted(got) == sorted((stamp, title) for title, stamp, _ in cards)


def test_a_listed_stamp_with_its_date_on_the_next_line_keeps_its_item():
    # "14:33:00 / 2020-09-15 / Headline", a whole news feed of a1plus.am: the date alone under
    # each clock is the stamp's own, not a day heading that would leave every item empty.
    # (One site: it mends the item walk that a date line beside its stamp stopped dead.)
    items = [("14:33:00", "Wrestling championship for juniors is cancelled"),
             ("14:27:00", "Parliament debates the new budget in a late session"),
             ("14:18:00", "Storm warning issued for the northern provinces")]
    text = "Feed\n\n" + "".join(f"{clock}\n2020-09-15\n{headline}\n" for clock, headline in items)
    entries = sorted(feedline.extract(text.encode(), now=datetime(2020, 9, 15, 15, 0)).entries,
                     key=lambda e: e.position)
    assert [(e.stamp.text, e.headline or e.text) for e in entries] == items
    assert {e.date.iso for e in entries} == {"2020-09-15"}
