"""Items that straddle their stamp in page text: the headline above it, the rest below.

"Headline / April 24, 2020 at 4:43 a.m. / Teaser sentence." over and over: the stamps lead
their items (the content below each), but the line right above each stamp is the next
item's headline, not the end of the item before. Seen in the pool on eastbaytimes.com
(headline / stamp / teaser), finanzmarktwelt.de (headline / "Veröffentlicht am …" / "von
Name"), alarmeringen.nl (headline / stamp / "Lees verder" / place), news.biglobe.ne.jp
(headline / source and stamp / tags), islamische-zeitung.de (headline / "Posted … ago" /
views) and avaz.ba. Examples are invented.
"""
from __future__ import annotations

from datetime import datetime

import feedline

NOW = datetime(2024, 3, 5, 12, 0)

CARDS = [("Bridge reopens to traffic after months of repairs", "The crossing is open again from today, the city said."),
         ("Council approves the new city budget at last", "The vote passed by a narrow margin on Monday evening."),
         ("Storm warning issued for the whole coast tonight", "Forecasters expect strong winds and heavy rain."),
         ("Schools to reopen after the long winter break", "Pupils return on Wednesday, officials confirmed.")]
STAMPS = ["March 5, 2024 at 10:26 a.m.", "March 5, 2024 at 8:43 a.m.", "March 5, 2024 at 6:10 a.m.",
          "March 4, 2024 at 9:55 p.m."]


def _items(text: str) -> list[tuple[str, str | None, str]]:
    timeline = feedline.extract(text.encode(), now=NOW, tz="UTC")
    entries = sorted(timeline.entries, key=lambda e: e.position)
    return [(e.stamp.text, e.headline, e.text.split("\n")[0]) for e in entries]


def test_headline_above_the_stamp_and_teaser_below_are_one_item() -> None:
    text = "Latest news\n" + "".join(f"{h}\n{s}\n{t}\n" for (h, t), s in zip(CARDS, STAMPS)) + "Member Services\n"
    assert _items(text) == [(s, h, t) for (h, t), s in zip(CARDS, STAMPS)]


def test_labels_under_the_stamp_keep_the_headline_above() -> None:
    # "Headline / stamp / Read more / Place": the widget and the place close the item.
    text = ("".join(f"Read more\nHarbour City\n{h}\n{s}\n" for (h, _), s in zip(CARDS, STAMPS))
            + "Read more\nHarbour City\nEarlier reports from Harbour City\nAmbulance called to the harbour front in Harbour City\n")
    assert [(s, h) for s, h, _ in _items(text)] == [(s, h) for (h, _), s in zip(CARDS, STAMPS)]


def test_an_author_under_the_stamp_keeps_the_headline_above() -> None:
    text = "Markets\n" + "".join(f"Economy\n{h}\nPublished {s}\nby Jane Doe Smith, markets editor\n"
                                 for (h, _), s in zip(CARDS, STAMPS)) + "Most read\n"
    assert [(s, h) for s, h, _ in _items(text)] == [(s, h) for (h, _), s in zip(CARDS, STAMPS)]


def test_items_that_follow_their_stamps_keep_their_headlines() -> None:
    # "stamp / Headline / Teaser": the line above each stamp is the item before's teaser.
    text = "Latest news\n" + "".join(f"{s}\n{h}\n{t}\n" for (h, t), s in zip(CARDS, STAMPS))
    assert _items(text) == [(s, h, t) for (h, t), s in zip(CARDS, STAMPS)]


# "Reply / Bebs says: / October 8, 2018 at 2:37 pm / comment": the author line over each
# stamp opens the comment under it, so the comment above ends before it, however short.
# Seen in the pool on foxyfolksy.com, anchor.ch ("Name sagt:"), dailymaverick.co.za,
# dietagespresse.com, netzpolitik.org, youhadmeatgardening.com.
def test_a_name_says_line_over_each_stamp_ends_the_comment_above() -> None:
    comments = [("Amna says:", "October 8, 2018 at 7:34 am", "I have to wait 7 days??"),
                ("Bebs says:", "October 8, 2018 at 2:37 pm", "Yes, a week is best."),
                ("Jessica says:", "January 2, 2019 at 4:16 am", "I love this recipe Thanks"),
                ("Thomas (sphericon) says:", "January 3, 2019 at 12:05 pm", "You are welcome!")]
    text = "12 comments\n" + "".join(f"{n}\n{s}\n\n{c}\n\nReply\n" for n, s, c in comments)
    assert [(h, t) for _, h, t in _items(text)] == [(None, c) for _, _, c in comments]


# "Headline In Title Case 15 hours ago", one a line: a headline in capitalised words is no
# author's name before the stamp (self.com, breitbart.com: "… Live Updates34,659 comments -
# 3 days ago", headlines.yahoo.co.jp: a ranking with the source in capitals). A lone such line
# may be a byline of several authors (the dev corpus's ukrpravda-1, kept by `make eval`).
def test_title_case_headlines_the_stamps_close_are_items() -> None:
    items = [("Your Weekend Plan For A Better Morning Run", "15 hours ago"),
             ("Harbour Town Unveils a New Floating Market", "15 hours ago"),
             ("Five Easy Ways to Save on Your Energy Bill", "18 hours ago")]
    text = "Latest Stories\n" + "".join(f"{h} {s}\n" for h, s in items) + "More Blog Posts\n"
    assert [(s, h) for s, h, _ in _items(text)] == [(s, h) for h, s in items]



# Photo credits over a card ("Bildrechte: MDR/Name", "Bild: Name/picture alliance",
# "Trybunał Konstytucyjny / Shutterstock": mdr.de, dw.com, wiadomosci.dziennik.pl in the
# pool) are no item's content in text, as in HTML items.
def test_photo_credits_are_no_part_of_an_item() -> None:
    cards = [("Bildrechte: MDR/Jane Doe", "Harbour bridge reopens to traffic after repairs", "20.04.2023 | 11:05 Uhr"),
             ("Bildrechte: IMAGO / John Smith", "Council approves the new city budget at last", "21.04.2023 | 10:40 Uhr"),
             ("Photo: Ann Example/Reuters", "Storm warning issued for the whole coast tonight", "21.04.2023 | 09:15 Uhr")]
    text = "Mehr aus der Region\n" + "".join(
        f"mit Video\n{c}\nmit Video\nRegion {h}\n{h}\n{s}\n\nThe story in one sentence, as a teaser.\n\nmehr\n"
        for c, h, s in cards)
    assert [(s, h) for s, h, _ in _items(text)] == [(s, f"Region {h}") for _, h, s in cards]
