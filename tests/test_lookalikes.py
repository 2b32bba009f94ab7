"""Stamps that time no feed item (feedline.lookalikes): schedules, media players, a lone stamp
in the page's byline block, an item of share buttons. Every page here is invented; each rule
names the pool sites (../shared/pool) whose false one-entry feeds it stands on."""
from __future__ import annotations

import pytest

from feedline import extract
from feedline.lookalikes import (
    AUTHOR_BYLINE, CLIP_LENGTHS, DATE_TWICE, DATED_BYLINE, EMBED, MEDIA, PROGRAMME, READING_BYLINE, SCHEDULE, TITLE_BYLINE,
    WIDGET_ITEM,
    widget_only,
)
from feedline.model import Page

ARTICLE = "The council approved the new parking rules after a long and heated debate on Monday."


def stamps(text: str) -> list[str]:
    return [e.stamp.text for e in extract(Page(text)).entries]


def reasons(text: str) -> dict[str, str]:
    return {n.text: n.reason for n in extract(Page(text), explain=True).not_entries}


# A lone stamp under or beside a date with its year, or beside an author line: the page's byline.
# Seen on politics.co.uk, die-tagespost.de, kleinezeitung.at, wired.com, thenextweb.com,
# apartmenttherapy.com, divyabhaskar.co.in, citizen.co.za, coin-update.de (dated);
# tagesspiegel.de, kut.org, ebike-mtb.com, oregonlive.com, stluciatimes.com, wochenblatt.com (author).
@pytest.mark.parametrize(("lines", "line", "reason"), [
    (["By City staff", "Friday, 3 Nov, 2023", "9:59 am"], "9:59 am", DATED_BYLINE),
    (["Anna Beispiel", "24. April 2020", "08:30 Uhr"], "08:30 Uhr", DATED_BYLINE),
    (["Anna Beispiel", "30. Juni 2025,", "15:59 Uhr"], "15:59 Uhr", DATED_BYLINE),
    (["JANE DOE GEAR TEAM", "GEARAPR 28, 2024 10:00 AM"], "GEARAPR 28, 2024 10:00 AM", DATED_BYLINE),
    (["Jane Doe", "14 January '15, 11:57pm"], "14 January '15, 11:57pm", DATED_BYLINE),
    (["Jane is our family editor and lives in a small flat.", "12.16.14   9:30AM"], "12.16.14   9:30AM", DATED_BYLINE),
    (["Von Jan Beispiel", "Heute, 12:37 Uhr"], "Heute, 12:37 Uhr", AUTHOR_BYLINE),
    (["By Jane Doe | City Radio • 16 hours ago"], "By Jane Doe | City Radio • 16 hours ago", AUTHOR_BYLINE),
    (["Today 12:01 AM", "By Jane Q Doe"], "Today 12:01 AM", AUTHOR_BYLINE),
    (["vor 11 Minuten", "von Rudolf Beispiel, Simon Muster"], "vor 11 Minuten", AUTHOR_BYLINE),
    (["By", "Editorial Staff", "6 hours ago"], "6 hours ago", AUTHOR_BYLINE),
    (["vor 18 Tagen von Patrick Beispiel"], "vor 18 Tagen von Patrick Beispiel", AUTHOR_BYLINE),
])
def test_a_lone_stamp_in_the_byline_block_is_the_pages_own(lines: list[str], line: str, reason: str) -> None:
    page = "\n".join(["A headline over the article", *lines, ARTICLE, ""])
    assert stamps(page) == []
    assert reasons(page)[line] == reason


@pytest.mark.parametrize("page", [
    # a single comment: a name (no "By") over its stamp
    "Comments\n\nLuripu\nvor 1 Stunde\nSo ähnlich lief es bei mir mit dem ersten Spiel, das ich lange spielte.\n",
    # a card led by its stamp, its author under the headline
    "Latest\n\n23 Hours Ago If You Have More Than $1,000 in Your Account, Do These Things\n"
    "by The Money Desk\nAugust 8, 2022 Nine Steps That Help You Manage Money\n",
    # a lone clock with am/pm and no date or author near
    "Latest\n\nSeptember news\n\n5:00 AM\nThe county will host a public hearing on the flood works next month.\n",
])
def test_a_real_lone_item_stays(page: str) -> None:
    assert len(stamps(page)) == 1


# The page's date printed twice, over the headline and under the text: stuttgarter-zeitung.de,
# lrt.lt, net.hr, swr.de, sportsnet.ca, latribuna.hn, getnews.jp, tennisnet.com.
def test_one_date_and_time_printed_twice_is_the_pages_own() -> None:
    page = "A headline over the article\n25.10.2025 - 15:26 Uhr\n" + ARTICLE + "\n" + ARTICLE.replace("Monday", "Tuesday") \
        + "\n25.10.2025 - 15:26 Uhr\nMore from the region\n"
    assert stamps(page) == []
    assert set(reasons(page).values()) == {DATE_TWICE}


def test_one_clock_printed_twice_under_the_pages_date_is_the_pages_own() -> None:
    page = "A headline over the article\n6 August 2020\n13:16 CEST\n\n" + ARTICLE + "\n\n" \
        + ARTICLE.replace("Monday", "Tuesday") + "\n13:16 CEST\n" + ARTICLE.replace("Monday", "Friday") + "\n"
    assert stamps(page) == []
    assert stamps(page.replace("6 August 2020", "Our reporter writes")) != []


def test_two_different_stamps_of_one_shape_are_still_a_feed() -> None:
    page = "Live\n\n25.10.2025 - 15:26 Uhr\n" + ARTICLE + "\n25.10.2025 - 15:02 Uhr\n" \
        + "The ferry resumed after the fog lifted over the bay this morning.\n"
    assert len(stamps(page)) == 2


def test_two_stamps_under_dates_are_still_a_feed() -> None:
    page = "Live\n\n3 Nov 2023\n9:59 am\n" + ARTICLE + "\n3 Nov 2023\n9:40 am\nThe ferry resumed after the fog lifted over the bay.\n"
    assert len(stamps(page)) == 2


# Schedules: a clock range, or a clock after recurring or coming days. Seen on msnbc.com
# ("Weeknights 10PM ET"), bostonherald.com ("Weekdays 6am to 6pm"), channel4.com ("Tonight
# 7.00pm"), heartlandnewsfeed.com ("8 AM to 8 PM"), wildundhund.de ("… um 12:00 bis 17. November
# um 16:00"), hundeverein-kreisunna.de ("Sonntags, ab … 10:00 Uhr").
@pytest.mark.parametrize("line", [
    "Evening ShowWeeknights 10PM ET",
    "Listen LiveWeekdays 6am to 6pm",
    "Tonight 7.00pm",
    "Office Hours: 8 AM to 8 PM",
    "13. November um 12:00 bis 17. November um 16:00",
    "Sonntags, ab 05.03.2017 10:00 Uhr",
    "Rachel MaddowMondays 9PM ET",
])
def test_a_schedule_is_no_entry(line: str) -> None:
    page = f"Programme\n\n{line}\nThe show looks at the week's politics with guests from all parties.\n"
    assert stamps(page) == []
    assert reasons(page)[line] == SCHEDULE


# A player's clock: cbc.ca ("Duration 1:30"), cnbc.com ("VIDEO04:42"), bloomberg.com and
# stern.de ("Current Time 0:00", "Video02:53 21.01.2023").
@pytest.mark.parametrize("line", ["Duration 1:30", "VIDEO04:42", "Current Time 1:05 PM", "Video02:53 21.01.2023"])
def test_a_media_players_time_is_no_entry(line: str) -> None:
    page = f"Watch\n\n{line}\nThe minister explains the new budget in a short interview with our reporter.\n"
    assert stamps(page) == []
    assert reasons(page)[line] == MEDIA


def test_a_feed_of_clocks_is_untouched_by_the_schedule_words() -> None:
    page = "Live\n\n10:40 Daily briefing: the council meets tonight to vote on parking rules\n" \
           "10:05 Rail workers announced a second day of strikes on the northern line\n"
    assert stamps(page) == ["10:40", "10:05"]


# An item of share buttons: tucson.com, sandiegouniontribune.com, trinidadexpress.com.
@pytest.mark.parametrize(("lines", "expected"), [
    (["Facebook", "Twitter", "WhatsApp"], True),
    (["Facebook", "Twitter", "Show more sharing options"], True),
    (["ShareTweetEmail"], True),
    (["Twitter", "The mayor said the rules take effect in May."], False),
    ([], False),
])
def test_widget_only(lines: list[str], expected: bool) -> None:
    assert widget_only(lines) is expected


def test_a_stamp_over_share_buttons_is_no_entry() -> None:
    page = "Most read\n\n5 PM\nFacebook\nTwitter\nShow more sharing options\n\nMonday, 3 March 2024\n\n" + ARTICLE + "\n"
    assert stamps(page) == []
    assert reasons(page)["5 PM"] == WIDGET_ITEM


# A programme of planned times: bare clocks that run forward on round minutes. Seen on nrk.no
# (an Olympic TV grid: "24. jul." / "15:00" / "Kanal: …", 192 false entries), libero.pe (kick-off
# per country: "España: 18:30 horas"), skateboardmsm.de ("Contest 12:00 Uhr", "Siegerehrung 18:30
# Uhr") and wevolver.com (a podcast's chapter times "(6:00) …").
@pytest.mark.parametrize("page", [
    "Programme\n\n24 July\n15:00\nChannel: Sport One\nFootball, group stage\n15:30\nChannel: Sport One\n"
    "Archery, qualifying\n25 July\n09:30\nChannel: Sport Two\nRugby sevens\n14:00\nChannel: Sport One\n"
    "Archery, qualifying\n19:00\nChannel: Radio, Sport One\nFootball, group stage\n",
    "When does the match start?\n\nPeru, Ecuador, Colombia and Mexico: 11:30 horas\n"
    "Bolivia, Venezuela, Chile and Paraguay: 12:30 horas\nArgentina, Brazil and Uruguay: 13:30 horas\n"
    "Spain: 18:30 horas\nUnited States: 12:30 horas\nWhich channel shows the match?\n",
    "Festival day\n\nDoors 11:00 Uhr\nThe riders warm up on the floating ramp in the harbour.\n"
    "Contest 12:00 Uhr\nEight teams skate three rounds each in front of the judges.\n"
    "Prize giving 18:30 Uhr\nThe winners get their trophies on the main stage.\n",
])
def test_a_programme_of_planned_times_is_no_feed(page: str) -> None:
    assert stamps(page) == []
    # --explain names the reason, not only the lack of a feed
    assert PROGRAMME in {n.reason for n in extract(Page(page), explain=True).not_entries}


@pytest.mark.parametrize(("page", "count"), [
    # newest first, on round minutes: a feed
    ("Live\n\n10:45 The council meets tonight to vote on the new parking rules\n"
     "10:30 Rail workers announced a second day of strikes on the northern line\n"
     "10:15 The ferry resumed after the fog lifted over the bay this morning\n", 3),
    # forward, but stamped to the minute: a feed in reading order
    ("Live\n\n10:02 The council meets tonight to vote on the new parking rules\n"
     "10:17 Rail workers announced a second day of strikes on the northern line\n"
     "10:41 The ferry resumed after the fog lifted over the bay this morning\n", 3),
    # one clock repeated: a site that publishes on the hour
    ("Latest\n\n5:00 am\nInside the union vote that split the drivers\n5:00 am\n"
     "What the new budget means for rural schools\n5:00 am\nThe long road back for the river town\n", 3),
])
def test_a_feed_on_round_minutes_stays(page: str, count: int) -> None:
    assert len(stamps(page)) == count


# Clip lengths in page text: bare "0m:ss" clocks in no time order under their clips' titles.
# Seen on bbc.co.uk/zhongwen ("视频：…收看" / "01:49", "06:46", "05:49"), mk.ru ("Видео" /
# "00:40", "00:52", "02:27", "00:09") and deadspin.com ("00:50", "01:40", "00:50", "01:40").
CLIPS = ("Videos\n\nThe goal that won the cup in the last minute\n01:49\nFans storm the pitch after the final\n"
         "06:46\nCoach explains the late substitution\n05:49\nHighlights of the second half\n02:21\n"
         "The keeper's three saves\n07:56\n")


def test_clip_lengths_in_no_time_order_are_no_feed() -> None:
    assert stamps(CLIPS) == []
    assert CLIP_LENGTHS in {n.reason for n in extract(Page(CLIPS), explain=True).not_entries}


@pytest.mark.parametrize("page", [
    # newest first across midnight, then a second list: a feed turns once where two lists meet
    "Latest\n\n06:26 The storm reached the coast overnight\n05:14 Trains cancelled on the northern line\n"
    "05:11 Schools stay shut in three districts\nRegion\n06:40 The mayor opened the new bridge\n"
    "05:46 Snow closes the mountain pass\n05:05 Power cut in the old town\n",
    # alone on their lines but newest first: a feed in the small hours
    "Latest\n\n04:50\nThe storm reached the coast overnight\n03:12\nTrains cancelled on the northern line\n"
    "02:40\nSchools stay shut in three districts\n01:05\nPower cut in the old town\n",
])
def test_a_feed_of_small_hours_stays(page: str) -> None:
    assert len(stamps(page)) in (4, 6)


# Lengths in elements the markup names a player's time: wccftech.com and globalnews.ca
# (`class="duration"`, "c-video__duration" over video cards), nu.nl ("media-duration"),
# bbc.com/zhongwen ("duration"), expressen.se ("audio-player__duration__total-time"),
# crn.com (video.js: "vjs-current-time-display", "vjs-duration-display", "vjs-remaining-time-display").
_VIDEO_CARDS = "".join(
    f'<div class="card"><a href="/v{n}"><span class="{cls}">{length}</span>'
    f"<p>{title}</p></a></div>"
    for n, (cls, length, title) in enumerate([
        ("video-duration", "4:11", "Ministers meet in Brussels to agree on the new fishing quotas for next year"),
        ("video-duration", "2:34", "Storm warning for the coast as the first winter gale approaches tonight"),
        ("c-video__duration", "2:05", "Fans queue overnight for the cup final tickets outside the stadium")]))


def _html(body: str) -> bytes:
    return f"<html><head><title>Videos</title></head><body><h1>Latest videos</h1>{body}</body></html>".encode()


def test_lengths_the_markup_names_a_duration_are_no_entries() -> None:
    timeline = extract(_html(_VIDEO_CARDS), explain=True)
    assert timeline.entries == ()
    assert {n.text: n.reason for n in timeline.not_entries}["4:11"] == MEDIA
    # Without the class names the same cards read as a feed of three items.
    assert len(extract(_html(_VIDEO_CARDS.replace("duration", "stamp"))).entries) == 3


def test_a_players_position_and_length_are_no_entries() -> None:
    # video.js shows its position, length and time left as "0:00" each before it plays.
    bar = "".join(f'<div class="vjs-{name}"><span class="vjs-{name}-display">0:00</span></div><div>{label}</div>'
                  for name, label in [("current-time", "Playback position of the clip shown here"),
                                      ("duration", "Loaded: 0% of the stream from the start"),
                                      ("remaining-time", "Playback rate and captions settings")])
    assert extract(_html(bar)).entries == ()
    assert len(extract(_html(bar.replace("-time", "-clock").replace("duration", "length"))).entries) == 3


def test_a_time_of_day_equal_to_a_length_elsewhere_stays() -> None:
    # "10:15" on two stamp lines (a feed item and a video card), in one element named a
    # duration: which line is the length cannot be told, so both stay.
    feed = "".join(f"<div><p>{t}</p><p>{text}</p></div>" for t, text in [
        ("10:40", "Rail workers announced a second day of strikes on the northern line"),
        ("10:15", "The council meets tonight to vote on the new parking rules downtown"),
        ("10:05", "Police closed the bridge after a crash involving two lorries this morning")])
    page = _html(feed + '<div><span class="video-duration">10:15</span><p>Watch the vote</p></div>')
    assert [e.stamp.text for e in extract(page).entries][:3] == ["10:40", "10:15", "10:05"]


# A player's position over its length, as its text prints them: "0:00" / "/" / "Duration 0:00"
# (bloomberg.com's video.js bar), "00:38 / 01:22" (elle.com's video), "0:00" / "/" / "0:00"
# (radio.cz's audio player), "Temps écoulé … 01:20" / "/" / "Durée … 07:53" (arteradio.com,
# whose mini-player repeats both clocks without the slash).
@pytest.mark.parametrize("player", [
    "Elapsed 01:20\n/\nTotal 07:53\nShuffle Share Expand the player\nElapsed 01:20\nTotal 07:53\n",
    "0:00\n/\n0:00\nvolume\nThe minister answers questions on the new budget\n",
    "Now watching\n00:38 / 01:22\nWhat to wear to every kind of winter party this year\n",
])
def test_a_players_position_over_its_length_is_no_entry(player: str) -> None:
    page = f"Listen\n\nPrevious track Play the current track Next track\n{player}\n{ARTICLE}\n"
    timeline = extract(Page(page), explain=True)
    assert timeline.entries == ()
    assert MEDIA in {n.reason for n in timeline.not_entries}
    # A slash between a feed's lines makes no player: a long headline ending in a clock is no
    # player's label.
    feed = ("Live\n\n10:40 Rail workers announced a second day of strikes on the northern line at 09:15\n/\n"
            "10:05 The council meets tonight to vote on the new parking rules for the old town\n"
            "09:45 Police closed the bridge after a crash involving two lorries this morning\n")
    assert stamps(feed) == ["10:40", "10:05", "09:45"]


# An embedded social post's attribution: the account's handle in brackets, then the post's
# time. Seen on wunderweib.de and refinery29.com ("Ein Beitrag geteilt von … (@…) am … um …
# PDT"), laprensafl.com, mashable.com, usmagazine.com and jolie.de ("A post shared by … (@…)
# on … at …").
@pytest.mark.parametrize("line", [
    "Ein Beitrag geteilt von Jana Muster (@janamuster) am Jun 3, 2019 um 12:17 PDT",
    "Ein Beitrag geteilt von jo beispiel (@jo.beispiel) am Mär 4, 2018 um 9:08 PST",
])
def test_an_embedded_posts_own_time_is_no_entry(line: str) -> None:
    second = line.replace("12:17", "12:26").replace("9:08", "9:41").replace("Jana Muster", "Tom Probe")
    page = f"Gallery\n\n#wedding #summer\n{line}\n{ARTICLE}\n#friends\n{second}\n{ARTICLE}\n"
    timeline = extract(Page(page), explain=True)
    assert timeline.entries == ()
    assert {n.text: n.reason for n in timeline.not_entries}[line] == EMBED
    # A handle in an item's text, after its stamp, leaves the stamp.
    feed = ("Live\n\n10:40 The mayor (@citymayor) said the bridge reopens at noon\n"
            "10:05 Rail workers announced a second day of strikes on the northern line\n")
    assert stamps(feed) == ["10:40", "10:05"]


# A lone stamp beside a person's name, no "By", over the article's first paragraph: the page's
# own byline. Seen on standard.co.uk ("JANE DOE" / "2 MINUTES AGO"), novinky.cz ("Dnes 9:44" /
# name / share buttons), newsday.co.tt ("9 Hrs Ago" / "Jane Doe -") and sport.aktualne.cz
# (name / "před 2 hodinami").
LEDE = ("The council approved the new parking rules on Monday after a long debate, and the first "
        "meters go up in the old town next spring.")


@pytest.mark.parametrize("lines", [
    ["Jane Doe", "2 hours ago"],
    ["JANE DOE", "2 MINUTES AGO"],
    ["Heute 9:44", "Ana María Beispiel", "FacebookTwitter"],
    ["9 Hrs Ago", "Jane Doe -"],
])
def test_a_lone_stamp_by_a_name_over_the_article_is_its_byline(lines: list[str]) -> None:
    page = "\n".join(["Parking rules approved after a long debate", *lines, LEDE, ARTICLE, ""])
    stamp_line = next(line for line in lines if any(ch.isdigit() for ch in line))
    assert stamps(page) == []
    assert reasons(page)[stamp_line] == AUTHOR_BYLINE
    # A card's byline, over the next card's headline, stays an item.
    card = "\n".join(["Parking rules approved after a long debate", *lines,
                      "Rail workers announce a second strike day", "Police close the bridge after a crash", ""])
    assert len(stamps(card)) == 1


# A lone stamp beside the article's reading time: the page's byline block. Seen on heise.de
# ("13:37 Uhr" / "Lesezeit: 2 Min."), citizen.co.za ("4 minute read" over the date and clock),
# latercera.com ("Hace 13 horas" / "Tiempo de lectura: 8 minutos"); the same block, its stamp
# already read otherwise, on t-online.de ("Lesedauer: 8 Min."), globalnews.ca and threatpost.com.
@pytest.mark.parametrize("lines", [
    ["14:12 Uhr", "Lesezeit: 3 Min.", "Politik"],
    ["By Jo Muster", "5 minute read", "11:02 am"],
    ["Vor 3 Stunden", "Lesedauer: 4 Min."],
])
def test_a_lone_stamp_beside_the_reading_time_is_the_pages_byline(lines: list[str]) -> None:
    page = "\n".join(["A headline over the article", *lines, ARTICLE, ""])
    stamp_line = next(line for line in lines if any(ch.isdigit() for ch in line) and "Min" not in line
                      and "minute" not in line)
    assert stamps(page) == []
    assert reasons(page)[stamp_line] == READING_BYLINE
    # A line that mentions reading at length is no reading time.
    long_line = "Reading time for the children of the town library doubled this year"
    assert len(stamps("\n".join(["A headline over the article", lines[0] if lines[0] != "By Jo Muster"
                                 else "11:02 am", long_line, ARTICLE, ""]))) == 1


def html_page(title: str, body: str) -> bytes:
    return f"<html><head><title>{title}</title></head><body>{body}</body></html>".encode()


# A lone stamp under the first printing of the page's own title (<title>, with or without the
# site's name) is the article's byline. Pool sites: infranken.de ("Title" / "MÜNCHEN" /
# "vor 23 Minuten"), cbsnews.com ("Title" / "Jane Doe" / "1 day ago"), avaz.ba ("Title" /
# "prije 26 minuta"), headlines.yahoo.co.jp ("Title" / "3/9(木) 18:45" under a site label).
@pytest.mark.parametrize(("title", "body"), [
    ("Tatort aus München: 30 Jahre Leitmayr und Batic",
     "<nav>Boulevard</nav><h1>Tatort aus München: 30 Jahre Leitmayr und Batic</h1><p>MÜNCHEN</p>"
     "<p>vor 23 Minuten</p><p>Kurz nach den Feierlichkeiten zum Jubiläum der Krimireihe gibt es schon wieder "
     "einen Grund zu feiern, denn die beiden Kommissare ermitteln seit drei Jahrzehnten.</p>"),
    ("Doctors offer to give free flu shots to detained migrants - CBS News",
     "<h1>Doctors offer to give free flu shots to detained migrants</h1><p>Jane Roe</p><p>1 day ago</p>"
     "<p>A group of physicians, alarmed that the government will not vaccinate detained migrants, "
     "offered to do it for free.</p>"),
    ("Generalni direktor EPRS pozitivan na koronavirus",
     "<h1>Generalni direktor EPRS pozitivan na koronavirus</h1><p>prije 26 minuta</p>"
     "<p>Generalni direktor Elektroprivrede potvrdio je da je pozitivan na koronavirus i da se osjeća dobro.</p>"),
])
def test_a_lone_stamp_under_the_pages_own_title_is_its_byline(title: str, body: str) -> None:
    timeline = extract(html_page(title, body), explain=True)
    assert timeline.entries == ()
    assert TITLE_BYLINE in {n.reason for n in timeline.not_entries}


# The page's own story listed again under "Latest" (its title's second printing) is a list's
# item, as the pool's baltimoresun.com prints it ("LATEST HOWARD COUNTY" / "Title" / "5:00 AM").
def test_the_pages_title_printed_again_in_a_list_keeps_its_stamp() -> None:
    title = "County to host public hearing next month on historical permits"
    body = (f"<h1>{title}</h1><p>The county will hold a public hearing next month on permits for "
            "historical buildings, officials said on Tuesday in a statement.</p>"
            f"<h3>LATEST COUNTY NEWS</h3><ul><li><a>{title}</a><span>5:00 AM</span></li></ul>")
    assert [e.stamp.text for e in extract(html_page(title, body)).entries] == ["5:00 AM"]
