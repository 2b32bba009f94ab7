"""Stamps that read well but time no feed item: schedules, media players, and a lone
stamp in the page's byline block.

The tokenizer reads each line alone; these checks look at a stamp with its line and its
neighbours. Two layers:

- `stamp_reason`: any stamp line. A clock that opens or closes a range ("Weekdays 6am to 6pm",
  "13. November um 12:00 bis 17. November um 16:00"), one after a recurring or coming day
  ("Weeknights 10PM ET", "Sonntags, ab … 10:00 Uhr", "Tonight 7.00pm"), one after a player's
  word ("Duration 1:30", "Current Time 0:00", "VIDEO04:42") or in an element the markup names a
  duration (`<span class="video-duration">4:11</span>`: `media_marked`) is no item's stamp.
- `lone_reason`: a stamp that is its region's only one. Printed beside a year the stamp
  reader did not take ("GEARAPR 28, 2024 10:00 AM", "14 January '15, 11:57pm"), right under a
  date line ("Friday, 3 Nov, 2023" / "9:59 am"), or beside an author line ("Von Jan Kixmüller"
  / "Heute, 12:37 Uhr"), beside a bare name over the article's first paragraph ("Jane Doe" /
  "2 hours ago" / a long paragraph), beside the article's reading time ("Lesezeit: 2 Min.") or
  right under the first printing of the page's own title (HTML `<title>`: "Headline" / "MÜNCHEN"
  / "vor 23 Minuten"), it is the page's own byline: fully dated, like the lone dated stamps that
  never make a feed.
- `player_positions`: the clocks a player prints as its position over its length ("00:38 /
  01:22"): media lengths wherever the page's stamp lines carry them.

`printed_twice` tells a region of one date and time printed twice: the page's own date.
`widget_only` tells an item made only of share and navigation words ("Facebook / Twitter /
WhatsApp"): no entry. `programme` tells a region of bare clocks that run forward on round minutes
("15:00", "15:30", "19:00"): a TV programme or timetable of planned times, not a feed. Each reason is a sentence for `--explain` (see `nonentries`).
"""
from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import datetime, time, timedelta

import regex

from feedline import lexicon
from feedline.model import Stamp, StampKind
from feedline.patterns import lazy_re, lazy_regex
from feedline.tokens import LineKind, Placement, Token, western_digits

SCHEDULE = "a schedule: a clock range, or a time on recurring or coming days (\"Weekdays 6am to 6pm\")"
EMBED = "an embedded social post's own time (\"A post shared by Jane (@jane) on …\"), not an item of the page"
MEDIA = "a media player's time (\"Duration 1:30\"), not an item's stamp"
DATED_BYLINE = "the page's byline: a lone stamp printed with a full date (on its line or the line above)"
AUTHOR_BYLINE = "the page's byline: a lone stamp beside an author line (\"By …\", \"Von …\")"
READING_BYLINE = "the page's byline: a lone stamp beside the article's reading time (\"4 min read\")"
WIDGET_ITEM = "its item holds only share or navigation buttons"
DATE_TWICE = "the page's own date, printed twice (at the top and the foot of the article)"
PAGE_TIME = "the page's byline: a lone stamp printing the page's published or modified time (its markup)"
TITLE_BYLINE = "the page's byline: a lone stamp right under the page's own title (its first printing)"
PROGRAMME = "a programme or timetable: bare clocks running forward on round minutes, planned times"
CALENDAR = "a calendar: table rows whose stamps run forward in time, upcoming events"
CLIP_LENGTHS = "clip lengths: bare zero-padded clocks under ten hours, in no time order (a video or audio list)"

NEAR = 24  # characters before or after a stamp searched for a schedule's or player's word
YEAR_REACH = 30  # characters either side of a lone stamp searched for a year it did not take
LINES_ABOVE = 2  # non-blank lines above a lone stamp that may hold its date or author
DATE_LINE_MAX = 40  # characters: a longer line above is text, not the byline's date
AUTHOR_LINE_MAX = 80
NAME_LINE_MAX = 40
ARTICLE_LINE_MIN = 100  # characters: a paragraph of the article, not a card's headline
PAGE_TIME_HOURS = 14  # a UTC time this many hours or fewer from a visible clock may be the same moment
PROGRAMME_MIN = 3  # stamps (and distinct clocks) of a region read as a programme
TITLE_LINE_MIN = 15  # characters: a shorter line is no headline to match with the page's title
TITLE_LINES_ABOVE = 3  # non-blank lines above a lone stamp that may be the page's title (a dateline between)
ROUND_SHARE = 0.9  # of its clocks on a multiple of five minutes
QUARTER_SHARE = 0.5  # of its clocks on the hour or a quarter past, half past, a quarter to
FORWARD_SHARE = 0.75  # of its steps that go forward in time (or stay)
CLIP_LIST_MIN = 4  # bare clocks of a region read as clip lengths
CLIP_AGAINST = 1  # steps against the list's main direction (or more) that make it no feed of such clocks

_RECURRING_RE = lazy_regex(r"\b(?:" + "|".join(sorted(map(regex.escape, lexicon.RECURRING_DAY_WORDS),
                                                        key=len, reverse=True)) + r")\b", regex.IGNORECASE)
# Glued to a label ("Listen LiveWeekdays 6am"): the word may start inside another word.
_RECURRING_GLUED_RE = lazy_regex(r"(?:" + "|".join(w for w in map(regex.escape, lexicon.RECURRING_DAY_WORDS)
                                                   if len(w) >= 7) + r")\b", regex.IGNORECASE)
_MEDIA_RE = lazy_regex(r"(?:" + "|".join(map(regex.escape, lexicon.MEDIA_TIME_WORDS)) + r")\W{0,3}$",
                       regex.IGNORECASE)
_CLOCK = r"\d{1,2}(?:[:.h]\d\d|\s?[ap]\.?m\b)"
# A connector and a second clock after the stamp, a date allowed between ("bis 17. November um 16:00").
_RANGE_AFTER_RE = lazy_regex(r"^\s?(?:[-–—~]|\b(?:bis|to|till|until|au|al|hasta|a)\b)\s?[^\d\n]{0,24}?"
                             r"(?:\d{1,2}\.?\s?[^\W\d]{3,12}\.?\s(?:um|at|à|a las)\s)?" + _CLOCK, regex.IGNORECASE)
_RANGE_BEFORE_RE = lazy_regex(_CLOCK + r"\s?(?:[-–—~]|\b(?:bis|to|till|until)\b)\s?$", regex.IGNORECASE)
_YEAR_RE = lazy_regex(r"(?<![\d.,:/])(?:19|20)\d\d(?![\d:])|\b[A-Z][a-z]{2,8}\.? '\d\d\b"
                      r"|(?<![\d.:])\d{1,2}[./-]\d{1,2}[./-]\d\d(?:\d\d)?(?![\d:])")
_AUTHOR_RE = lazy_regex(r"^(?:(?i:by|von|par|por|door|di|av|af)\s+\p{Lu}|(?i:by|von)\s+\p{L}+,)"
                        r"[^\d]{0,70}$")
_LONE_CUE_RE = lazy_regex(r"^(?i:by|von|par|por|door|av|af):?$")
_AUTHOR_AFTER_RE = lazy_regex(r"^\W{0,3}(?i:by|von|par|por|door)\s+\p{Lu}\p{L}+(?:[\s-]\p{Lu}\p{L}+){1,3}\W{0,3}$")
_AUTHOR_OPENS_RE = lazy_regex(r"^(?i:by|von|par|por|door|av|af)\s+\p{Lu}")
_WIDGET_WORDS = frozenset(lexicon.WIDGET_WORDS)
_READING_RE = lazy_regex(r"(?:" + "|".join(map(regex.escape, lexicon.READING_TIME_WORDS)) + r")", regex.IGNORECASE)
READING_LINE_MAX = 40  # characters: a longer line is text that mentions reading
_WORD_RE = lazy_regex(r"[\p{L}\p{N}+]+")
_LENGTH_RE = lazy_regex(r"(?<![\d:])\d{1,2}(?::\d\d){1,2}(?![\d:])")  # a clip's length or position: "4:11", "1:02:33"
_POSITION = r"(?<![\d:.])(\d{1,2}:\d\d(?::\d\d)?)(?![\d:])"
# A player's position over its length: "00:38 / 01:22" on one line ...
_PAIR_RE = lazy_regex(_POSITION + r"\s?/\s?" + _POSITION)
# ... or "0:00" / "/" / "Duration 0:00", the slash on a line of its own.
_ENDS_POSITION_RE = lazy_regex(_POSITION + r"$")
# An embedded post's attribution: the account's handle in brackets just before the stamp.
_HANDLE_BEFORE_RE = lazy_regex(r"\(@[\p{L}\p{N}_.]{1,30}\)[^\d()]{0,12}$")
PAIR_LINE_MAX = 60  # characters: a longer line ending in a clock is text, not a player's label


def media_marked(tokens: Iterable[Token], lengths: Sequence[str]) -> frozenset[str]:
    """The stamp texts the page's markup shows as media lengths (`Markup.media_lengths`).

    A stamp text counts when elements named a duration show it at least as often as stamp
    lines carry it: every such line is then a clip's length. A time of day that happens to
    equal a length elsewhere on the page outnumbers it and stays.
    """
    if not lengths:
        return frozenset()
    # The lengths each element shows ("Duration 0:00" shows "0:00"), counted: one lookup a
    # stamp text, however many elements a hostile page names a duration.
    shown = Counter(found for length in lengths for found in _LENGTH_RE.findall(length))
    stamped = Counter(t.stamp.text.strip() for t in tokens if t.stamp is not None and t.kind is LineKind.STAMP)
    return frozenset(text for text, lines in stamped.items() if text and lines <= shown[text])


def player_positions(tokens: Sequence[Token]) -> frozenset[str]:
    """Of the page's non-blank lines, the clocks a media player prints as its position over its length ("00:38 / 01:22", or
    "0:00" / "/" / "Duration 0:00" over three lines). Every stamp line of the page that carries
    one of them is the player's: a mini-player repeats them without the slash."""
    found: set[str] = set()
    for k, token in enumerate(tokens):
        text = token.text
        if "/" not in text:
            continue
        for match in _PAIR_RE.finditer(text):
            found.update(match.groups())
        if text == "/" and 0 < k < len(tokens) - 1:
            above, below = tokens[k - 1].text, tokens[k + 1].text
            first = _ENDS_POSITION_RE.search(above) if len(above) <= PAIR_LINE_MAX else None
            second = _ENDS_POSITION_RE.search(below) if len(below) <= PAIR_LINE_MAX else None
            if first is not None and second is not None:
                found.update((first[1], second[1]))
    return frozenset(found)


def stamp_reason(token: Token, media: frozenset[str] = frozenset()) -> str | None:
    """Why a stamp line's stamp times no item (a schedule, a player), or None. `media`: the
    stamp texts the markup names media lengths (`media_marked`)."""
    stamp = token.stamp
    if stamp is None:
        return None
    if media and stamp.text.strip() in media:
        return MEDIA
    line = token.text
    s = max(0, stamp.span[0] - token.start)
    e = min(len(line), stamp.span[1] - token.start)
    before, after = line[max(0, s - NEAR):s], line[e:e + 40]
    if _MEDIA_RE.search(before):
        return MEDIA
    if _HANDLE_BEFORE_RE.search(line[:s]):
        return EMBED
    if _RANGE_AFTER_RE.match(after) or _RANGE_BEFORE_RE.search(before):
        return SCHEDULE
    if _RECURRING_RE.search(before) or _RECURRING_GLUED_RE.search(before):
        return SCHEDULE
    return None


def lone_reason(tokens: Sequence[Token], token: Token, title: str | None = None) -> str | None:
    """Why the only stamp of its region is the page's byline, not a feed's item, or None.
    `title`: the page's own title (HTML `<title>`), when it has one."""
    stamp = token.stamp
    if stamp is None:
        return None
    line = western_digits(token.text)
    s = max(0, stamp.span[0] - token.start)
    e = min(len(line), stamp.span[1] - token.start)
    if stamp.year is None and (_YEAR_RE.search(line[max(0, s - YEAR_REACH):s])
                               or _YEAR_RE.search(line[e:e + YEAR_REACH])):
        return DATED_BYLINE
    above = _neighbours(tokens, token.index, -1, LINES_ABOVE)
    if stamp.year is None and stamp.day is None and token.placement is Placement.ALONE and above \
            and _is_date_line(above[0]):
        return DATED_BYLINE  # "Friday, 3 Nov, 2023" / "9:59 am": one date over two lines
    if _AUTHOR_OPENS_RE.match(token.text) or _AUTHOR_AFTER_RE.match(token.text[e:]):
        return AUTHOR_BYLINE  # "By Jane Doe | City Radio • 16 hours ago", "vor 18 Tagen von Jane Doe"
    if title and _under_own_title(tokens, token, _plain(title)):
        return TITLE_BYLINE
    if token.placement is Placement.LEAD:
        return None  # "23 Hours Ago Headline / by Site": a card's own author, under its headline
    if any(len(t.text) <= READING_LINE_MAX and _READING_RE.search(t.text)
           for t in (*above, *_neighbours(tokens, token.index, +1, LINES_ABOVE))):
        return READING_BYLINE  # "13:37 Uhr" / "Lesezeit: 2 Min."
    below = _neighbours(tokens, token.index, +1, 1)
    if any(_is_author(t) for t in above) or (below and _is_author(below[0])):
        return AUTHOR_BYLINE
    if token.placement is Placement.ALONE and _named_over_article(tokens, token, above, below):
        return AUTHOR_BYLINE  # "Jane Doe" / "2 hours ago" over the article's first paragraph
    return None


def page_time(stamp: Stamp, times: Sequence[str]) -> bool:
    """Whether the stamp prints the page's own published or modified time as its markup writes
    it (`Markup.published`, `modified`): "Dnes 9:44" for `2020-01-30T08:44:01Z`. The markup's
    wall clock must equal the stamp's; a UTC time may lie a whole number of half hours away,
    within PAGE_TIME_HOURS (the page's offset); a printed month and day must agree."""
    if stamp.hour is None or stamp.minute is None or stamp.relative_minutes is not None:
        return False
    for value in times:
        try:
            moment = datetime.fromisoformat(value.strip())
        except ValueError:
            continue
        wall = moment.replace(tzinfo=None, second=0, microsecond=0)
        shown = datetime.combine(wall.date(), time(stamp.hour, stamp.minute))
        distance = ((shown - wall).total_seconds() // 60 + 720) % 1440 - 720  # to the nearest day's
        if moment.utcoffset() == timedelta(0):
            if distance % 30 or abs(distance) > PAGE_TIME_HOURS * 60:
                continue
        elif distance:
            continue
        local = wall + timedelta(minutes=distance)
        if stamp.month is None or stamp.day is None or (stamp.month, stamp.day) == (local.month, local.day):
            return True
    return False


def printed_twice(region: Sequence[Token], tokens: Sequence[Token]) -> bool:
    """Two stamps, both the same date and time ("25.10.2025 - 15:26 Uhr" over the headline and
    again under the text), and no other of their shape: the page's date, not two items. A
    clock without a date counts when one of the two is a byline (see `lone_reason`)."""
    if len(region) != 2:
        return False
    a, b = (t.stamp for t in region)
    if a is None or b is None or a.text != b.text:
        return False
    return a.day is not None or any(lone_reason(tokens, t) is not None for t in region)


def programme(region: Sequence[Token]) -> bool:
    """Bare clocks (no date on their lines) that run forward and fall on round minutes ("15:00",
    "15:30", "09:30" under "25. jul."; "Perú: 11:30 horas" / "España: 18:30 horas"): planned times
    of a TV programme or timetable. News is stamped to the minute and newest first, so a feed
    seldom has both; a site that publishes on the hour repeats one clock, not three."""
    if len(region) < PROGRAMME_MIN:
        return False
    clocks: list[tuple[int, int]] = []
    for token in region:
        stamp = token.stamp
        if stamp is None or stamp.kind is not StampKind.CLOCK or stamp.hour is None or stamp.minute is None \
                or stamp.days_ago is not None:
            return False
        clocks.append((stamp.hour, stamp.minute))
    n = len(clocks)
    round_ = sum(m % 5 == 0 for _, m in clocks)
    quarter = sum(m % 15 == 0 for _, m in clocks)
    forward = sum(a <= b for a, b in zip(clocks, clocks[1:]))
    # The year test last: a regex per line, where the counts above rule out most feeds at once.
    return (len(set(clocks)) >= PROGRAMME_MIN and round_ >= ROUND_SHARE * n and quarter >= QUARTER_SHARE * n
            and forward >= FORWARD_SHARE * (n - 1)
            and not any(_YEAR_RE.search(western_digits(token.text)) for token in region))


def clip_lengths(region: Sequence[Token]) -> bool:
    """Bare clocks printed "0m:ss" (a zero-padded hour under ten, nothing else on the stamp),
    none leading its line's text, whose order goes both up and down: the lengths of a list of
    clips ("Видео" / "00:40" / "02:27" / "00:09" on mk.ru; audio "05:02", "02:52", "07:15" on
    bbc.co.uk; "00:50", "01:40" on deadspin.com). A feed of such clocks, newest first in the
    small hours, runs one way; clocks that lead their headlines stay a feed's even where two
    lists meet; a list of the most read keeps the hours of the day, not all under ten."""
    if len(region) < CLIP_LIST_MIN:
        return False
    minutes: list[int] = []
    for token in region:
        stamp = token.stamp
        if stamp is None or stamp.kind is not StampKind.CLOCK or stamp.hour is None or stamp.minute is None \
                or token.placement is Placement.LEAD or not _CLIP_LENGTH_RE.fullmatch(western_digits(stamp.text)):
            return False  # a clock leading its line's text times that text: a feed's stamp
        minutes.append(stamp.hour * 60 + stamp.minute)
    ups = sum(1 for a, b in zip(minutes, minutes[1:]) if b > a)
    downs = sum(1 for a, b in zip(minutes, minutes[1:]) if b < a)
    return min(ups, downs) >= CLIP_AGAINST


_CLIP_LENGTH_RE = lazy_re(r"0\d:[0-5]\d")


def widget_only(lines: Sequence[str]) -> bool:
    """Every line is share or navigation words only ("Facebook", "Twitter", "Show more sharing options")."""
    if not lines:
        return False
    for line in lines:
        # Word by word, done at the first that is no widget word or the sixth: an item's
        # first line is seldom read past its first word.
        count = 0
        for word in _WORD_RE.finditer(line.casefold()):
            count += 1
            if count > 5 or word[0] not in _WIDGET_WORDS:
                return False
        if not count:
            return False
    return True


def _under_own_title(tokens: Sequence[Token], token: Token, wanted: str) -> bool:
    """One of the `TITLE_LINES_ABOVE` lines above the stamp is the page's title (`wanted`,
    made `_plain`) printed for the first time: the article's own headline over its byline
    ("Headline" / "MÜNCHEN" / "vor 23 Minuten", "Headline" / its lead paragraph / "Piše: Jane
    Doe prije 26 minuta"). The `<title>` may add the site's name ("Headline - Site") and the
    line a label ("Live: Headline"), so either may hold the other (`_names_title`). A later
    printing of the title heads an item of a list: the page's own story listed among the
    latest ("Headline" / "5:00 AM" under "Latest"), a feed's item; so does a stamp whose own
    line prints the title ("Headline 5:00 AM")."""
    if _names_title(_plain(token.rest), wanted):
        return False
    for line in _neighbours(tokens, token.index, -1, TITLE_LINES_ABOVE):
        text = _plain(line.text)
        if _names_title(text, wanted):
            return not any(_plain(t.text) == text for t in tokens[:line.index] if t.kind is not LineKind.BLANK)
    return False


def _names_title(text: str, wanted: str) -> bool:
    """`text` (plain) is the page's title `wanted` (plain), or holds it or is held by it, as half or more."""
    if len(text) < TITLE_LINE_MIN or len(wanted) < TITLE_LINE_MIN:
        return False
    return text == wanted or (text in wanted and 2 * len(text) >= len(wanted)) \
        or (wanted in text and 2 * len(wanted) >= len(text))


def _plain(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split()).casefold()


def _neighbours(tokens: Sequence[Token], index: int, step: int, count: int) -> list[Token]:
    """Up to `count` non-blank lines from `index` (exclusive) in direction `step`, within 2 × count lines."""
    out: list[Token] = []
    i = index + step
    while 0 <= i < len(tokens) and len(out) < count and abs(i - index) <= 2 * count:
        if tokens[i].kind is not LineKind.BLANK:
            out.append(tokens[i])
        i += step
    return out


def _is_date_line(token: Token) -> bool:
    """A short line that prints a date with its year and no clock: "Friday, 3 Nov, 2023"."""
    if token.kind is LineKind.HEADING:
        return token.heading is not None and token.heading.year is not None
    text = western_digits(token.text)
    return (token.kind is LineKind.TEXT and len(text) <= DATE_LINE_MAX
            and _YEAR_RE.search(text) is not None and not regex.search(r"\d[:.]\d\d(?!\d)", text))


_NAME_RE = lazy_regex(r"^\p{Lu}[\p{L}'’-]+(?:[ \u00a0]\p{Lu}[\p{L}'’-]+){1,2}(?:\s[-–|])?$")


def _named_over_article(tokens: Sequence[Token], token: Token, above: list[Token], below: list[Token]) -> bool:
    """A person's name right above or below the stamp, and the article's first paragraph within
    two lines under both (share buttons skipped): the byline block of the page's own article,
    not a card's, whose next line is another headline."""
    if above and _is_name(above[0]):
        start = token.index
    elif below and _is_name(below[0]):
        start = below[0].index
    else:
        return False
    following = [t for t in _neighbours(tokens, start, +1, 3) if not widget_only([t.text])][:2]
    return any(len(t.text) >= ARTICLE_LINE_MIN for t in following)


def _is_name(token: Token) -> bool:
    """Two or three capitalised words alone on a line ("Jane Doe", "JANE DOE", "Ana María Ruiz -")."""
    return token.kind is LineKind.TEXT and len(token.text) <= NAME_LINE_MAX and _NAME_RE.match(token.text) is not None


def _is_author(token: Token) -> bool:
    """ "By Jane Doe", "von Anna Muster, Simon Beispiel", or the cue alone over the name ("By" / "Jane Doe")."""
    if token.kind is not LineKind.TEXT or len(token.text) > AUTHOR_LINE_MAX:
        return False
    return _AUTHOR_RE.match(token.text) is not None or _LONE_CUE_RE.match(token.text) is not None
