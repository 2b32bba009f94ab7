"""Entries + page context + capture time → full dates, each with its evidence.

Per feed region, entries are cut into *segments* by date headings and the feed's order
(newest-first or oldest-first) is read from its clocks.

With a capture time (`now`), each feed is dated as one decision (`date_feed_at_capture`):
candidate days per entry, costs for the evidence each day contradicts (a printed date is
fixed, the capture time a hard bound; then verified markup, the heading, a page stamp with
the same clock, firm in-text mentions, the capture window) and for how neighbours' days fit
the order (midnight rollovers, entries out of order); days.best_days finds the least-cost
assignment and each entry's margin. A capture instant without a zone is first put on the
page's clock (zone.py).

Without one (blind mode), each entry gets a day offset from its segment's first entry (a
clock that jumps the wrong way by more than an hour is a midnight rollover) and each
segment a base date from the first anchor that answers:

  1. dates printed in the stamps themselves (or verified markup);
  2. the segment's heading ("Dienstag, 27. August 2024");
  3. a page stamp (byline, "Updated") whose clock equals an entry's clock; the page's
     modified time just after the newest entry; a page stamp opening a live blog;
  5. firm in-text mentions ("reported on Oct. 3"), for the reporting entry's day run only.

Each date names its basis (model.DateBasis). A quiet feed (one entry per QUIET_HOURS or
slower) read back from the capture time gets no date: any of its gaps could be a day longer.

Years missing from a date come from the capture time, else from the page's own dates
(the feed does not predate its page), else stay unknown ("--MM-DD"). A date the page does
not support is None, never a guess.
"""
from __future__ import annotations

import bisect
import os
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from typing import NamedTuple

import regex

from feedline import lexicon
from feedline.claims import Claim, verified_claims
from feedline.days import INFEASIBLE, Choice, best_days
from feedline.zone import OFFSETS, ZoneClues, infer_offset
from feedline.entries import Draft, Feed, median
from feedline.errors import outside_now_years
from feedline.model import DateBasis, DateFix, DateStatus, Markup, Stamp, StampKind
from feedline.patterns import MENTION_RE, lazy_regex
from feedline.tokens import Heading, LineKind, Token, TokenTable, date_fields

ROLLOVER_MINUTES = 60  # a clock running the wrong way by more than this crossed midnight
NIGHT_FROM_MINUTES = 18 * 60  # a clock this late, followed by one before NIGHT_UNTIL, spans a night
NIGHT_UNTIL_MINUTES = 10 * 60
MAX_SILENCE_MINUTES = 360  # feeds are not silent for longer than this (unless their steps are long)
QUIET_HOURS = 6  # a feed this slow (hours per entry) can hide a whole day in any gap (e^-4: one gap in 55)
QUIET_MIN_ENTRIES = 3  # entries needed to judge a feed's pace
LOWER_BOUND_SLACK_DAYS = 31  # a feed may show items up to a month older than its page's byline
MODIFIED_HINT_MINUTES = 30  # a modified time this soon after the newest entry is the page's last update
LIVE_START_MINUTES = 120  # a live blog's first entry follows its page's publication stamp
SCHEDULE_SLACK_MINUTES = 10  # a dated stamp this far after the capture time is a schedule
ORDER_SLACK_MINUTES = 10  # neighbours this much out of order are noise, not another half-day
TWELVE_HOUR_MIN_ENTRIES = 8  # bare clocks all within 1-12 this many times: a 12-hour feed
LATE_CAPTURE_MENTIONS = 2  # entries firmly reporting older dates that show a late capture
LATE_CAPTURE_DAYS = 2  # ... when their dates lie this many days before the capture-time bound
WEEKDAY_YEARS = 12  # years searched for one whose calendar has the printed weekday
HEADING_REACH = 2  # lines of text allowed between a date heading and the entry it heads
NEWEST_RUN = 3  # a feed's newest entries (one may be pinned out of order): none lies after the capture

# The date must hang on the reporting verb ("said on Oct. 3", "told reporters on Oct. 3"):
# words between them that open a clause of its own about what is to come ("said talks would
# resume on Oct. 3", "announced plans to vote on Oct. 3") make it the date of that, not the report.
_REPORTED_RIGHT_BEFORE_RE = lazy_regex(
    r"\b(?:reported|said|stated|announced|told|wrote|confirmed|warned|claimed|published|released|added)"
    r"(?:\s(?!(?:will|would|shall|could|may|might|to|plans?|planned|expected|scheduled|due|set|next|until|by)\b)"
    r"[\w'’-]+){0,6}\s?$", regex.IGNORECASE)
_REPORTING_BEFORE_RE = lazy_regex(
    r"\b(?:\w{3,}ed|said|says|told|wrote|held|gave|spoke|met|assessment|statement|conference|report)\b[^.!?]{0,80}$",
    regex.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Dated:
    draft: Draft
    local_time: time | None
    date: DateFix
    datetime: datetime | None


@dataclass(frozen=True, slots=True)
class Clock:
    """The capture time as the page's wall clock, and as an instant when the zone is known."""

    wall: datetime  # naive: the page's local clock
    aware: datetime | None
    zone_known: bool = True  # False: an instant whose page clock is unknown (WARC-Date, --now with an offset)
    from_page: bool = False  # read from the page itself (blind mode: its render moment), not given
    # Every read of the capture time, when dating records them (`dating_trace`): see "Reads of the
    # capture time" below. Not part of the clock's value.
    trace: list | None = field(default=None, compare=False, repr=False)


@dataclass(slots=True)
class _Item:
    draft: Draft
    segment: int
    offset: int = 0


def date_entries(drafts: list[Draft], feeds: list[Feed], tokens: TokenTable, *,
                 now: Clock | None, zone: tzinfo | None, markup: Markup | None = None,
                 lang: str | None = None, url: str | None = None, saved: datetime | None = None) -> list[Dated]:
    """Date every draft; the result is in the drafts' order.

    With a capture time, stamps that print a date after it are dropped: they are
    scheduled times (a calendar, a kick-off), not entries. A capture instant whose page
    clock is unknown is first put on the clock the page's stamps suggest (zone.py).
    Without one, `saved` (`Page.saved`, an aware instant) may date relative stamps
    (*Relative stamps* in docs/dates.md).
    """
    page = _page_dates(tokens, drafts, markup)
    if now is None and saved is not None:
        page = replace(page, saved=saved.astimezone(zone or timezone.utc))
    page_note = None
    if now is None and page.rendered is not None and not outside_now_years(page.rendered):
        # blind: the page says when it was rendered (in the years a capture time may be)
        now, page_note = _page_clock(page.rendered, zone)
    # Cheap tests first, and no `LineKind.X` per line: on Python 3.11 an enum member lookup
    # is slow enough to show in a loop over every line of a page.
    headings = {t.index: t for t in tokens.filled() if t.heading is not None and t.kind is LineKind.HEADING}
    nonblank = [t.index for t in tokens.filled() if t.kind not in _UNCOUNTED_KINDS]
    headings = _feed_headings(headings, tokens, nonblank, drafts)
    zone_note = None
    if now is not None and not now.zone_known and now.aware is not None:
        clues = _zone_clues(drafts, feeds, page, markup, lang, url, headings, nonblank)
        inferred = infer_offset(clues, now.aware.astimezone(timezone.utc).replace(tzinfo=None))
        if inferred is not None and now.from_page and not inferred.firm:
            inferred = None  # blind mode dates only on a clock the markup or the stamps' labels show
        if inferred is not None:
            fixed = timezone(timedelta(minutes=inferred.offset))
            local = now.aware.astimezone(fixed)
            now, zone_note = Clock(local.replace(tzinfo=None), local, from_page=now.from_page), inferred.note
            if inferred.firm and zone is None:
                zone = fixed
        elif now.from_page:  # a render moment on no known clock: its dates would be UTC days
            now, page_note = None, None
    fixes: dict[int, tuple[time | None, DateFix]] = {}
    for feed in feeds:
        members = [d for d in drafts if d.feed == feed.id]
        if members:
            fixes.update(_date_feed(members, headings, nonblank, now, page))
    out = []
    for draft in drafts:
        if draft.page_label:
            continue  # it served the claims above, and is no entry
        local_time, fix = fixes.get(draft.line, (_clock_time(draft.stamp), DateFix(DateStatus.UNKNOWN)))
        if now is not None and _scheduled(draft.stamp, fix, local_time, now):
            continue
        claim = page.claims.get(draft.line)
        offset = claim.utc_offset_minutes if claim is not None else None
        if fix.basis is DateBasis.CAPTURE and (page_note or zone_note):
            fix = replace(fix, evidence=fix.evidence + tuple(n for n in (page_note, zone_note) if n))
        out.append(Dated(draft, local_time, fix, _instant(fix, local_time, draft.stamp, zone, offset)))
    return out


_UNCOUNTED_KINDS = frozenset({LineKind.BLANK, LineKind.BOILERPLATE})  # not counted in a heading's reach
CARD_TEXT_MIN = 80  # characters of a sentence under a date line that make it a card's or an article's date


def _feed_headings(headings: dict[int, Token], tokens: TokenTable, nonblank: list[int],
                   drafts: list[Draft]) -> dict[int, Token]:
    """The date lines that may head a feed's entries: not one right over a paragraph that is
    no entry's ("Monday 18 April, 2022" / "Despite the attack, …": a card's or an article's
    date and its teaser), which dates that text, not a list further down."""
    owned = {line for d in drafts for line in (d.line, *d.body_lines)}
    kept = {}
    for index, heading in headings.items():
        k = bisect.bisect_right(nonblank, index)
        below = tokens[nonblank[k]] if k < len(nonblank) else None
        if below is not None and below.kind is LineKind.TEXT and below.index not in owned \
                and len(below.text) >= CARD_TEXT_MIN and below.text.rstrip().endswith(_SENTENCE_ENDS):
            continue
        kept[index] = heading
    return kept


_SENTENCE_ENDS = (".", "!", "?", "…", ".\u201d", ".\"")


def _page_clock(rendered: datetime, zone: tzinfo | None) -> tuple[Clock, str]:
    """The page's render moment as the capture time of blind mode: on the given zone's
    clock, else an instant whose clock is inferred like a WARC-Date's (zone.py)."""
    note = (f"no capture time given: the page's relative stamps and their markup agree it was rendered "
            f"at {rendered:%Y-%m-%d %H:%M} UTC")
    if zone is None:
        return Clock(rendered.replace(tzinfo=None), rendered, zone_known=False, from_page=True), note
    local = rendered.astimezone(zone)
    return Clock(local.replace(tzinfo=None), local, from_page=True), note


def _scheduled(stamp: Stamp, fix: DateFix, local_time: time | None, now: Clock) -> bool:
    """A stamp that prints its own date and lies after the capture: a schedule, not an entry."""
    if fix.status is not DateStatus.EXACT and not (stamp.month and fix.local_date):
        return False
    if fix.local_date is None or local_time is None:
        return False
    return _after_capture(now, datetime.combine(fix.local_date, local_time))


# ── one feed ────────────────────────────────────────────────────────────────────────────
def _date_feed(members: list[Draft], headings: dict[int, Token], nonblank: list[int],
               now: Clock | None, page: PageDates) -> dict[int, tuple[time | None, DateFix]]:
    result: dict[int, tuple[time | None, DateFix]] = {}
    clocked = []
    for draft in members:
        if draft.stamp.kind is StampKind.RELATIVE:
            result[draft.line] = _relative(draft, now, page)
        else:
            clocked.append(draft)
    if not clocked:
        return result
    if now is not None and _twelve_hour_without_marker(clocked, headings):
        result.update(_date_twelve_hour(clocked, now))
        return result
    newest_first = _newest_first([_Item(d, 0) for d in clocked])
    items, segment_headings = _segments(clocked, headings, nonblank, newest_first)
    sorted_feed = _assign_offsets(items, newest_first)
    if now is not None:
        result.update(date_feed_at_capture(items, segment_headings, now, page, newest_first, sorted_feed))
        return result
    for segment in sorted({i.segment for i in items}):
        group = [i for i in items if i.segment == segment]
        heading = segment_headings.get(segment)
        if sorted_feed:
            result.update(_date_segment(group, heading, now, page, newest_first))
        else:
            for item in group:
                item.offset = 0
                result.update(_date_segment([item], heading, now, page, newest_first,
                                            unsorted=True))
    return result


def _twelve_hour_without_marker(drafts: list[Draft], headings: dict[int, Token]) -> bool:
    """A feed printed on a 12-hour clock without am/pm: many bare clocks, none past 12:59.

    A 24-hour feed of that length spans the afternoon too; one that never shows an hour
    above 12 (nor 0) is read as 12-hour.
    """
    if len(drafts) < TWELVE_HOUR_MIN_ENTRIES or any(h for h in headings if drafts[0].line < h < drafts[-1].line):
        return False
    return all(d.stamp.kind is StampKind.CLOCK and not d.stamp.twelve_hour and d.stamp.hour is not None
               and 1 <= d.stamp.hour <= 12 for d in drafts)


def _date_twelve_hour(drafts: list[Draft], now: Clock) -> dict[int, tuple[time | None, DateFix]]:
    """Walk down a newest-first feed: each entry is the latest am/pm reading not after the one above."""
    out: dict[int, tuple[time | None, DateFix]] = {}
    clocks = tuple(((d.stamp.hour or 0) % 12, d.stamp.minute or 0) for d in drafts)
    for draft, moment in zip(drafts, _twelve_hour_moments(now, clocks)):
        if moment is None:
            continue
        out[draft.line] = (moment.time(), DateFix(DateStatus.INFERRED, moment.date(), confidence=0.6, evidence=(
            "12-hour clock without am/pm: the latest reading not after the capture time and the entry above",),
            basis=DateBasis.CAPTURE))
    return out


def _segments(drafts: list[Draft], headings: dict[int, Token], nonblank: list[int],
              newest_first: bool) -> tuple[list[_Item], dict[int, Token]]:
    """Cut the feed at date headings; a heading applies to the entries below it.

    Only a heading right above an entry counts (at most HEADING_REACH lines of text
    between): a date line further up belongs to some other list. Between two entries, a
    dated heading must also agree with the clocks: a new day restarts the clock order
    (otherwise it is the date of something inside the entry, such as a linked article);
    an entry's own date line (`_own_date_lines`) need not.
    """
    items: list[_Item] = []
    segment_headings: dict[int, Token] = {}
    segment = 0
    previous: Draft | None = None
    own = _own_date_lines(drafts, headings, nonblank)
    for draft in drafts:
        heading = own.get(draft.line) or _heading_above(draft, previous, headings, nonblank, newest_first)
        if heading is not None:
            segment += 1
            segment_headings[segment] = heading
        items.append(_Item(draft, segment))
        previous = draft
    return items, segment_headings


def _heading_above(draft: Draft, previous: Draft | None, headings: dict[int, Token], nonblank: list[int],
                   newest_first: bool) -> Token | None:
    """The dated heading that starts a segment at `draft` (`_segments`), if any."""
    start = previous.line if previous else draft.line - 12
    between = [headings[i] for i in range(start + 1, draft.line) if i in headings]
    dated = [h for h in between if _heading_has_date(h.heading)
             and bisect.bisect_left(nonblank, draft.line) - bisect.bisect_right(nonblank, h.index) <= HEADING_REACH]
    if not dated:
        return None
    if previous is not None and dated[-1].heading and dated[-1].heading.month is not None:
        delta = _minutes(draft) - _minutes(previous)
        if (delta <= 0) if newest_first else (delta >= 0):
            return None
    return dated[-1]


OWN_DATES_MIN = 2  # entries with a date line right above their clock that make a feed print them apart


def _own_date_lines(drafts: list[Draft], headings: dict[int, Token], nonblank: list[int]) -> dict[int, Token]:
    """The entries whose own date is the line right above their clock: that heading, by stamp line.

    A page may print each entry's date and clock in two elements that a text dump puts on two
    lines ("August 06, 2019" / "4:14 pm": comment threads and news cards on aclu.org,
    carnegieendowment.org, coin-update.de, investmentexecutive.com). When at least
    OWN_DATES_MIN entries of a feed, and half of them, have a date line (a month and a day)
    right above a clock that prints no date, each such line is its entry's date: the clocks
    need not restart below it as below a dated heading, since each entry prints its own. (A
    day word's heading, "Yesterday", is never held to the clock order: it needs no such rule.)
    """
    own: dict[int, Token] = {}
    for draft in drafts:
        if draft.stamp.kind is not StampKind.CLOCK or draft.stamp.month is not None:
            continue
        k = bisect.bisect_left(nonblank, draft.line)
        token = headings.get(nonblank[k - 1]) if k > 0 else None
        heading = token.heading if token is not None else None
        if heading is not None and heading.month is not None and heading.day is not None:
            own[draft.line] = token
    return own if len(own) >= OWN_DATES_MIN and 2 * len(own) >= len(drafts) else {}


def _heading_has_date(heading: Heading | None) -> bool:
    return heading is not None and (heading.month is not None or heading.days_ago is not None
                                    or heading.relative_minutes is not None)


def _minutes(draft: Draft) -> int:
    return (draft.stamp.hour or 0) * 60 + (draft.stamp.minute or 0)


def _newest_first(items: list[_Item]) -> bool:
    """Newest-first, the way feeds run, unless the clocks rise more often than they fall and
    at least twice: one rising step between two entries is as likely a midnight."""
    down = up = 0
    for a, b in zip(items, items[1:]):
        if a.segment == b.segment:
            delta = _minutes(b.draft) - _minutes(a.draft)
            down += delta < 0
            up += delta > 0
    return not (up > down and up >= 2)


def _assign_offsets(items: list[_Item], newest_first: bool) -> bool:
    """Day offsets within each segment; False when the clocks are not in feed order."""
    # A "rollover" implying a longer silence than the feed ever has is a boundary between
    # two lists, not a new day.
    longest_gap = _longest_silence(items)
    against = pairs = 0  # neighbours whose clocks run against the feed's order
    for a, b in zip(items, items[1:]):
        if a.segment != b.segment:
            b.offset = 0
            continue
        pairs += 1
        delta = _minutes(b.draft) - _minutes(a.draft)
        jump = delta if newest_first else -delta
        short = jump > ROLLOVER_MINUTES and 1440 - jump <= longest_gap
        # A silence longer than the feed's pace allows, from one evening to the next morning:
        # the night's pause of a feed in order (a short step across midnight keeps counting
        # against the order, as in lists that hop around midnight).
        night = jump > ROLLOVER_MINUTES and not short and _overnight(a, b, newest_first)
        crossed = short or night
        b.offset = a.offset + ((-1 if newest_first else 1) if crossed else 0)
        against += jump > 5 and not night
    return against <= max(1, pairs // 4)


def _steps_against(items: list[_Item], newest_first: bool) -> int:
    """Neighbours (in one segment) whose clocks step against the feed's order by more than
    ORDER_SLACK_MINUTES, a night's pause aside."""
    against = 0
    for a, b in zip(items, items[1:]):
        if a.segment == b.segment:
            jump = _minutes(b.draft) - _minutes(a.draft)
            jump = jump if newest_first else -jump
            against += jump > ORDER_SLACK_MINUTES and not _overnight(a, b, newest_first)
    return against


def _overnight(a: _Item, b: _Item, newest_first: bool) -> bool:
    """Neighbours across a night's pause: the older one in the evening, the newer the next
    morning (feeds and comment threads go quiet at night, whatever their pace by day)."""
    older, newer = (b, a) if newest_first else (a, b)
    return _minutes(older.draft) >= NIGHT_FROM_MINUTES and _minutes(newer.draft) <= NIGHT_UNTIL_MINUTES


def _median_step(items: list[_Item]) -> float | None:
    """The feed's pace: the median distance between neighbours' clocks, in minutes."""
    steps = [abs(_minutes(b.draft) - _minutes(a.draft)) for a, b in zip(items, items[1:]) if a.segment == b.segment]
    return median(steps) if steps else None


def _longest_silence(items: list[_Item]) -> float:
    """The longest gap between neighbours the feed's pace makes plausible, in minutes."""
    step = _median_step(items)
    return max(MAX_SILENCE_MINUTES, 8 * step) if step is not None else MAX_SILENCE_MINUTES


def _quiet_pace(group: list[_Item], base: date, bound: datetime) -> float | None:
    """Hours per entry when the segment, read back from the capture time, is a quiet feed.

    A clock repeats every day: a silence of a day more looks the same. Taking the gaps as
    random (exponential) at the segment's mean pace, a gap hides another day e^(-24/mean)
    as often as not: at one entry per QUIET_HOURS (6) or slower that is one gap in 55 or
    more, too often across a page's gaps, and nothing on the page proves the day of any
    entry read back across them.
    """
    if len(group) < QUIET_MIN_ENTRIES:  # too few entries to judge a pace
        return None
    hours = (bound - _oldest(group, base)).total_seconds() / 3600 / len(group)
    return hours if hours >= QUIET_HOURS else None


def _oldest(group: list[_Item], base: date) -> datetime:
    """The moment of the segment's oldest entry, its days counted from `base`."""
    return min(datetime.combine(base + timedelta(days=i.offset), _clock_time(i.draft.stamp) or time()) for i in group)


def _date_segment(group: list[_Item], heading: Token | None, now: Clock | None, page: PageDates, newest_first: bool,
                  unsorted: bool = False) -> dict[int, tuple[time | None, DateFix]]:
    base, status, confidence, evidence, basis, bound, run = _anchor(group, heading, now, page, unsorted)
    quiet = _quiet_pace(group, base, bound) if bound is not None and isinstance(base, date) else None
    out: dict[int, tuple[time | None, DateFix]] = {}
    for item in group:
        stamp = item.draft.stamp
        local_time = _clock_time(stamp)
        own = _stamp_date(stamp, now, page)
        claim = page.claims.get(item.draft.line)
        if own is not None and isinstance(own, date):
            fix = DateFix(DateStatus.EXACT if stamp.year else DateStatus.INFERRED, own,
                          confidence=1.0 if stamp.year else 0.85,
                          evidence=(_own_date_note(stamp),), basis=DateBasis.STAMP)
        elif claim is not None:
            fix = DateFix(DateStatus.INFERRED, claim.local_date, confidence=0.9, evidence=(claim.evidence,),
                          basis=DateBasis.MARKUP)
        elif run is not None and item.offset != run:
            fix = DateFix(DateStatus.UNKNOWN, evidence=evidence + (
                "a midnight rollover lies between this entry and the one that reports the date: not dated",), basis=basis)
        elif quiet is not None and isinstance(base, date):
            likely = base + timedelta(days=item.offset)
            fix = DateFix(DateStatus.UNKNOWN, evidence=evidence + (
                f"a quiet feed (one entry per {quiet:.0f} h): a silence of a day more would show the same clocks; "
                f"most likely {likely.isoformat()}, not proven",), basis=basis)
        elif isinstance(base, date):
            day = base + timedelta(days=item.offset)
            notes = evidence + (_rollover_note(item, newest_first),) if item.offset else evidence
            fix = DateFix(status, day, confidence=confidence, evidence=notes, basis=basis)
        elif isinstance(base, tuple):
            md = _shift_month_day(base, item.offset)
            fix = DateFix(DateStatus.PARTIAL, month_day=md, confidence=confidence,
                          evidence=evidence + ("year unknown",), basis=basis)
        elif own is not None:  # month and day printed, year unknown
            fix = DateFix(DateStatus.PARTIAL, month_day=own, confidence=0.8,
                          evidence=("month and day printed in the stamp; year unknown",), basis=DateBasis.STAMP)
        else:
            fix = DateFix(DateStatus.UNKNOWN, evidence=evidence or ("no date evidence on the page",))
        out[item.draft.line] = (local_time, fix)
    return out


def _own_date_note(stamp: Stamp) -> str:
    if stamp.days_ago is not None:
        return f"day word in the stamp: {stamp.days_ago} day(s) before the capture date"
    return "date printed in the stamp" + ("" if stamp.year else "; year inferred")


def _rollover_note(item: _Item, newest_first: bool) -> str:
    days = abs(item.offset)
    side = "earlier" if item.offset < 0 else "later"
    return f"{days} midnight rollover{'s' if days > 1 else ''} in the feed order ({side} day)"


class Anchor(NamedTuple):
    """A segment's base date (of offset 0) and how it was reached."""

    base: "date | tuple[int, int] | None"
    status: DateStatus
    confidence: float
    evidence: tuple[str, ...]
    basis: DateBasis
    bound: datetime | None = None  # the capture time (or its stand-in) the base was read back from
    run: int | None = None  # a mention dates only the entries of its own day run (this offset)


def _anchor(group: list[_Item], heading: Token | None, now: Clock | None,
            page: PageDates, unsorted: bool) -> Anchor:
    """The segment's base date (of offset 0), by the cascade in the module docstring."""
    inferred = DateStatus.INFERRED
    for item in group:  # 1. a date printed in a stamp, or verified in the markup
        own = _stamp_date(item.draft.stamp, now, page)
        if isinstance(own, date):
            return Anchor(own - timedelta(days=item.offset), inferred, 0.9,
                          (f"stamp '{item.draft.stamp.text}' prints the date",), DateBasis.STAMP)
        claim = page.claims.get(item.draft.line)
        if claim is not None:
            return Anchor(claim.local_date - timedelta(days=item.offset), inferred, 0.85, (
                f"entry at {item.draft.stamp.text}: {claim.evidence}",), DateBasis.MARKUP)
    if heading is not None and heading.heading is not None:  # 2. the heading above
        found = _heading_date(heading.heading, now, page)
        if found is not None:
            back = _rendered_days_before(group, found, heading.heading, now)
            note = (f"heading '{heading.text}'",) + ((
                f"its clocks run past the capture time: the page said it {back} day(s) before",) if back else ())
            if back and isinstance(found, date):
                found -= timedelta(days=back)
            return Anchor(found, inferred, 0.9, note, DateBasis.HEADING)
        bound = _page_bound(page) if now is None and heading.heading.relative_minutes is not None else None
        if bound is not None:  # blind: a relative label read back from the page's newest time, like a stamp
            moment, what = bound
            return Anchor((moment - timedelta(minutes=heading.heading.relative_minutes)).date(), inferred,
                          BLIND_RELATIVE_CONFIDENCE, (f"heading '{heading.text}' before the page's newest time, "
                                                      f"{what} ({moment:%Y-%m-%d %H:%M}), a lower bound of the capture",),
                          DateBasis.HEADING)
        return Anchor(None, DateStatus.UNKNOWN, 0.0, (f"heading '{heading.text}' needs the capture time (--now)",),
                      DateBasis.NONE)
    for item in group:  # 3. a page stamp with the same clock
        for stamp in page.stamps:
            if (stamp.hour, stamp.minute) == (item.draft.stamp.hour, item.draft.stamp.minute):
                day = date(stamp.year, stamp.month, stamp.day)
                return Anchor(day - timedelta(days=item.offset), inferred, 0.85,
                              (f"page stamp '{stamp.text}' has the same clock",), DateBasis.PAGE_STAMP)
    if now is None:  # 3a. the page's modified time as a capture-time hint
        hinted = _modified_hint(group, page)
        if hinted is not None:
            return hinted
    opened = _opening_stamp(group, page)  # 3b. the page stamp that opened a live blog
    if opened is not None:
        stamp, item = opened
        day = date(stamp.year or 1, stamp.month or 1, stamp.day or 1)
        return Anchor(day - timedelta(days=item.offset), inferred, 0.75, (
            f"page stamp '{stamp.text}' opens the feed: its oldest entry follows within {LIVE_START_MINUTES // 60} h",),
            DateBasis.PAGE_STAMP)
    mention_base, mention_note, run = _mention_bound(group, now, page)
    if mention_base is not None:  # 5. in-text mentions, firm ones, within their day run
        return Anchor(mention_base, inferred, 0.6, (mention_note,), DateBasis.MENTION, run=run)
    return Anchor(None, DateStatus.UNKNOWN, 0.0, ("no date evidence on the page",), DateBasis.NONE)


def _update_cue(line: str) -> bool:
    """Whether a page stamp's line says the page was changed ("Updated:", "Aggiornato")."""
    low = line.lower()
    return any(cue in low for cue in lexicon.UPDATE_CUES)


def _modified_hint(group: list[_Item], page: PageDates) -> Anchor | None:
    """The page's modified time (on its clock), or a dated stamp on a line of its own or after
    an update cue, just after the newest entry: the page's last update, which that entry made. The page was
    captured after it. Dated like capture mode. The last update is not older than any date
    the page prints: a stamp that is belongs to some older item."""
    newest = max(group, key=lambda i: (i.offset, _minutes(i.draft)))
    for stamp, plain, updated in zip(page.stamps, page.plain, page.updated):
        if not (stamp.text.startswith("modified ") or plain or updated) or stamp.hour is None:
            continue
        lead = (stamp.hour * 60 + (stamp.minute or 0)) - _minutes(newest.draft)
        day = date(stamp.year or 1, stamp.month or 1, stamp.day or 1)
        if 0 <= lead <= MODIFIED_HINT_MINUTES and (page.latest is None or day >= page.latest):
            hint = datetime(day.year, day.month, day.day, stamp.hour, stamp.minute or 0)
            return Anchor(day - timedelta(days=newest.offset), DateStatus.INFERRED, 0.6, (
                f"page {'' if stamp.text.startswith('modified ') else 'stamp '}{stamp.text} follows the newest "
                f"entry within {MODIFIED_HINT_MINUTES} min: taken as a capture-time hint",), DateBasis.CAPTURE, hint)
    return None


def _opening_stamp(group: list[_Item], page: PageDates) -> tuple[Stamp, _Item] | None:
    """A dated page stamp printed above the feed whose clock just precedes the feed's oldest entry.

    Bylines are left out: an article's byline says when the article was written, while a
    sidebar feed beside it can be from any later day.
    """
    oldest = min(group, key=lambda i: (i.offset, _minutes(i.draft)))
    for stamp, line, plain in zip(page.stamps, page.stamp_lines, page.plain):
        if not plain or line >= oldest.draft.line or stamp.hour is None:
            continue
        lead = _minutes(oldest.draft) - (stamp.hour * 60 + (stamp.minute or 0))
        if 0 <= lead <= LIVE_START_MINUTES:
            return stamp, oldest
    return None


def _mention_bound(group: list[_Item], now: Clock | None,
                   page: PageDates) -> tuple["date | tuple[int, int] | None", str, int | None]:
    """The latest date the entries firmly report ("Bloomberg reported on Oct. 3", "stated at
    a press conference on Oct. 2"), as a base date, and the day run (offset) of the entry that
    reports it. A date named in passing ("met in New York on Sept. 14") names an event, not
    the post, and counts for nothing; nor does a report cross a midnight to its neighbours.
    """
    best: date | tuple[int, int] | None = None
    note = ""
    run = None
    for item in group:
        text = f"{item.draft.headline or ''}\n{item.draft.text}"[:5000]
        for match in MENTION_RE.finditer(text):
            before = text[max(0, match.start() - 120):match.start()]
            if not _REPORTING_BEFORE_RE.search(before) or not _REPORTED_RIGHT_BEFORE_RE.search(before):
                continue
            year, month, day = date_fields(match, False)
            if month is None or day is None:
                continue
            resolved = _resolve_year(year, month, day, now, page)
            candidate: date | tuple[int, int]
            if isinstance(resolved, date):
                candidate = resolved - timedelta(days=item.offset)
            else:
                candidate = _shift_month_day(resolved, -item.offset)
            if best is None or _later(candidate, best):
                best, run = candidate, item.offset
                note = f"text mentions '{match.group(0).strip()}': an entry is not older than what it reports"
    return best, note, run


def _later(a: "date | tuple[int, int]", b: "date | tuple[int, int]") -> bool:
    ka = (a.month, a.day) if isinstance(a, date) else a
    kb = (b.month, b.day) if isinstance(b, date) else b
    if isinstance(a, date) and isinstance(b, date):
        return a > b
    return ka > kb


# ── pieces ──────────────────────────────────────────────────────────────────────────────
def _clock_time(stamp: Stamp) -> time | None:
    if stamp.hour is None:
        return None
    return time(stamp.hour, stamp.minute or 0)


def _stamp_date(stamp: Stamp, now: Clock | None, page: PageDates) -> "date | tuple[int, int] | None":
    if stamp.days_ago is not None:
        return _today(now) - timedelta(days=stamp.days_ago) if now is not None else None
    if stamp.month is None or stamp.day is None:
        return None
    return _resolve_year(stamp.year, stamp.month, stamp.day, now, page, stamp.weekday, in_stamp=True)


def _resolve_year(year: int | None, month: int, day: int, now: Clock | None,
                  page: PageDates, weekday: int | None = None, in_stamp: bool = False) -> "date | tuple[int, int]":
    """A full date when the year is printed or inferable; else (month, day).

    With a capture time: for a stamp's date (`in_stamp`), or one with a weekday, the year that
    puts it nearest the capture date, the year after included (an upcoming date is a
    schedule); for any other date the latest not more than a day after the capture date.
    Without: the first not before the page's byline, else the one nearest the page's other
    dates. A printed weekday ("Quarta, 04 de Maio") must agree with the year chosen.
    """
    if year is not None:
        return _safe_date(year, month, day) or (month, day)
    if now is not None and (weekday is not None or in_stamp):
        # A stamp's date: the year nearest the capture, a schedule's (after it) included
        today = _today(now)
        candidates = sorted((d for y in range(today.year + 1, today.year - WEEKDAY_YEARS, -1)
                             if (d := _safe_date(y, month, day)) is not None), key=lambda d: abs((d - today).days))
    elif now is not None:
        latest = _today(now) + timedelta(days=1)
        candidates = [d for y in range(latest.year, latest.year - WEEKDAY_YEARS, -1)
                      if (d := _safe_date(y, month, day)) is not None and d <= latest]
    elif page.lower is not None:  # not older than the page (less a month: teasers of the days before)
        floor = page.lower - timedelta(days=LOWER_BOUND_SLACK_DAYS)
        candidates = [d for y in range(floor.year, floor.year + WEEKDAY_YEARS)
                      if (d := _safe_date(y, month, day)) is not None and d >= floor]
    elif page.typical is not None:
        typical = page.typical
        candidates = sorted((d for y in range(typical.year - 1, typical.year + 2)
                             if (d := _safe_date(y, month, day)) is not None), key=lambda d: abs((d - typical).days))
    else:
        return (month, day)
    if weekday is not None:
        candidates = [d for d in candidates if d.weekday() == weekday]
    elif now is not None or page.lower is not None:
        candidates = candidates[:1]
    return candidates[0] if candidates else (month, day)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _shift_month_day(md: tuple[int, int], days: int) -> tuple[int, int]:
    """Shift a month-day by whole days in a leap year (Feb 29 stays reachable)."""
    shifted = date(2024, md[0], md[1]) + timedelta(days=days) if _safe_date(2024, *md) else None
    return (shifted.month, shifted.day) if shifted else md


def _heading_date(heading: Heading, now: Clock | None, page: PageDates) -> "date | tuple[int, int] | None":
    if heading.month is not None and heading.day is not None:
        return _resolve_year(heading.year, heading.month, heading.day, now, page, heading.weekday)
    if now is None:
        return None
    if heading.days_ago is not None:
        return _today(now) - timedelta(days=heading.days_ago)
    if heading.relative_minutes is not None:
        return _day_before(now, heading.relative_minutes)
    return None


def _rendered_days_before(group: list[_Item], base: "date | tuple[int, int]", heading: Heading,
                          now: Clock | None) -> int:
    """Days before the capture that a day word or relative label ("Today", "2 hours ago")
    was written: 0, unless the clocks under it would run past the capture time."""
    if now is None or not isinstance(base, date) or (heading.days_ago is None and heading.relative_minutes is None):
        return 0
    newest = max(datetime.combine(base + timedelta(days=i.offset), _clock_time(i.draft.stamp) or time()) for i in group)
    return _days_late(now, newest)


def _relative(draft: Draft, now: Clock | None, page: PageDates) -> tuple[time | None, DateFix]:
    stamp = draft.stamp
    minutes = stamp.relative_minutes or 0.0
    claim = page.claims.get(draft.line)
    if claim is not None and (now is None or now.from_page):
        return claim.local_time, DateFix(DateStatus.INFERRED, claim.local_date, confidence=0.8, evidence=(claim.evidence,),
                                         basis=DateBasis.MARKUP)
    if now is None:
        if draft.headline is not None and _CLOCK_AFTER.match(draft.headline) is not None:
            return _before_newest(stamp, minutes, None)  # the clock the stamp did not read is the time
        saved = _saved_bound(page)
        if saved is not None:
            return _before_saved(stamp, minutes, saved)
        later = _later_day(page)
        if later is not None and page.newest is not None:
            return None, DateFix(DateStatus.UNKNOWN, evidence=(
                f"no capture time given, and the page prints a later day ({later}) than its newest time "
                f"({page.newest[0]:%Y-%m-%d %H:%M}): no bound to read '{stamp.text}' back from",))
        return _before_newest(stamp, minutes, _page_bound(page))
    clock, day = _minutes_before(now, minutes)
    confidence = 0.95 if minutes < 60 else 0.8 if minutes < 1440 else 0.6
    return clock, DateFix(
        DateStatus.INFERRED, day, confidence=confidence,
        evidence=(f"capture time {_label(now)} minus '{stamp.text}'",), basis=DateBasis.CAPTURE)


# A clock right after a relative stamp on its line ("2 days ago at 07:52 am"): the clock is the
# entry's time, which the stamp did not read; a bound from the page would only contradict it.
_CLOCK_AFTER = lazy_regex(r"[\s,·|-]*(?:\p{L}{1,5}\.?\s+)?\d{1,2}[:.h]\d\d(?!\d)")
BLIND_RELATIVE_CONFIDENCE = 0.3  # a relative stamp read back from the page's newest time: a lower bound of the capture


def _page_bound(page: PageDates) -> tuple[datetime, str] | None:
    """Blind mode: the page's newest time as a lower bound of its capture, where it may serve:
    not when a render moment exists on an unknown clock (no wall time to give), nor when the
    page prints a later day without a clock (its newest time is then not known)."""
    newest = page.newest
    if page.rendered is not None or newest is None or outside_now_years(newest[0]) or _later_day(page) is not None:
        return None
    return newest


SAVED_SLACK_DAYS = 1  # the page's last day may lie this many days before the day its file was saved
SAVED_RELATIVE_CONFIDENCE = 0.2  # a relative stamp read back from when its file was saved


def _saved_bound(page: PageDates) -> datetime | None:
    """Blind mode: when the page's input was saved, as the capture time of its relative stamps,
    where nothing the page shows contradicts it: the latest day the page prints or declares
    lies within `SAVED_SLACK_DAYS` of the saved day — not long before it (an archived copy of
    an old page), nor after it (a file clock that is wrong: the page cannot show a later day
    than it was saved on) — no render moment on an unknown clock stands against it, and it
    lies in the years a capture time may."""
    saved = page.saved
    if saved is None or page.rendered is not None or outside_now_years(saved):
        return None
    days = [d for d in (page.lower, page.latest, page.newest[0].date() if page.newest else None) if d is not None]
    if days and abs((saved.date() - max(days)).days) > SAVED_SLACK_DAYS:
        return None
    return saved


def _before_saved(stamp: Stamp, minutes: float, saved: datetime) -> tuple[time, DateFix]:
    wall = saved.replace(tzinfo=None) - timedelta(minutes=minutes)  # on the saved time's clock
    return wall.time().replace(second=0, microsecond=0), DateFix(
        DateStatus.INFERRED, wall.date(), confidence=SAVED_RELATIVE_CONFIDENCE, evidence=(
            f"no capture time given: '{stamp.text}' before the input was saved, {saved:%Y-%m-%d %H:%M} {saved.tzinfo} "
            f"(the file's modification time, or when stdin was read), taken as the capture",), basis=DateBasis.CAPTURE)


def _later_day(page: PageDates) -> date | None:
    """A day the page prints, without a clock, after its newest time: that time bounds nothing then."""
    newest, latest = page.newest, page.latest
    return latest if newest is not None and latest is not None and newest[0].date() < latest else None


def _before_newest(stamp: Stamp, minutes: float,
                   newest: tuple[datetime, str] | None) -> tuple[time | None, DateFix]:
    """Blind mode, no render moment: a relative stamp read back from the newest time the page
    itself prints or declares (a lower bound of its capture, as a reader of a saved page takes
    it), said so in evidence and with a low confidence; unknown when the page gives no time."""
    if newest is None:
        return None, DateFix(DateStatus.UNKNOWN, evidence=("a relative stamp needs the capture time (--now)",))
    moment, what = newest
    wall = moment - timedelta(minutes=minutes)
    return wall.time().replace(second=0, microsecond=0), DateFix(
        DateStatus.INFERRED, wall.date(), confidence=BLIND_RELATIVE_CONFIDENCE, evidence=(
            f"no capture time given: '{stamp.text}' before the page's newest time, {what} "
            f"({moment:%Y-%m-%d %H:%M}), a lower bound of the capture",), basis=DateBasis.CAPTURE)


@dataclass(frozen=True, slots=True)
class PageDates:
    """What the page says about when it is, outside its feeds."""

    lower: date | None = None  # latest byline / "Updated" date: the feeds are not older
    typical: date | None = None  # median of every full date printed on the page
    latest: date | None = None  # the latest of them, and of the dated headings
    stamps: tuple[Stamp, ...] = ()  # fully dated stamps that are not entries
    stamp_lines: tuple[int, ...] = ()  # their line numbers
    plain: tuple[bool, ...] = ()  # printed on a line of its own, not in a byline
    updated: tuple[bool, ...] = ()  # a page stamp after an update cue ("Updated: …"): the page's last change
    claims: dict[int, Claim] = field(default_factory=dict)  # verified markup, by stamp line
    rendered: datetime | None = None  # when the page was rendered, as relative stamps and markup agree (UTC)
    newest: tuple[datetime, str] | None = None  # the latest dated clock the page prints or its markup declares, and which
    saved: datetime | None = None  # blind mode: when the input was saved (`Page.saved`), on the given zone or UTC


def _page_dates(tokens: TokenTable, drafts: list[Draft], markup: Markup | None) -> PageDates:
    entry_lines = {d.line for d in drafts}
    bylines: list[date] = []
    everything: list[date] = []
    others: list[Stamp] = []
    other_lines: list[int] = []
    plain: list[bool] = []
    updated: list[bool] = []
    headed: list[date] = []  # full dates of headings
    newest: tuple[datetime, str] | None = None
    for token in tokens.filled():
        heading = token.heading
        if heading is not None and heading.year and heading.month and heading.day:
            headed += filter(None, [_safe_date(heading.year, heading.month, heading.day)])
        stamp = token.stamp
        if stamp is None or not (stamp.year and stamp.month and stamp.day):
            continue
        found = _safe_date(stamp.year, stamp.month, stamp.day)
        if found is None:
            continue
        everything.append(found)
        if stamp.hour is not None and 0 <= stamp.hour < 24 and 0 <= (stamp.minute or 0) < 60:
            moment = datetime.combine(found, time(stamp.hour, stamp.minute or 0))
            if newest is None or moment > newest[0]:
                newest = (moment, f"'{stamp.text}'")
        if token.index in entry_lines:
            continue
        others.append(stamp)
        other_lines.append(token.index)
        plain.append(token.kind is LineKind.STAMP)
        updated.append(token.kind is LineKind.PAGE_STAMP and _update_cue(token.text))
        if token.kind is LineKind.PAGE_STAMP:
            bylines.append(found)
    for label, value in (("published", markup.published), ("modified", markup.modified)) if markup else ():
        day = _iso_day(value)
        if day is not None:
            everything.append(day)
        moment = _iso_wall(value)
        if moment is not None and (newest is None or moment > newest[0]):
            newest = (moment, f"{label} {value}")
    claims, page_times, rendered = verified_claims(drafts, markup)
    for text, moment in page_times:  # markup page dates, on the page's clock
        if text.startswith("published "):
            bylines.append(moment.date())  # a bound like a byline
        others.append(Stamp(text, (0, 0), StampKind.DATETIME, hour=moment.hour, minute=moment.minute,
                            year=moment.year, month=moment.month, day=moment.day))
        other_lines.append(-1)
        plain.append(False)
        updated.append(False)
    ordered = sorted(everything)
    typical = ordered[len(ordered) // 2] if ordered else None
    latest = max(ordered + headed, default=None)
    return PageDates(max(bylines) if bylines else None, typical, latest, tuple(others), tuple(other_lines),
                     tuple(plain), tuple(updated), claims, rendered, newest)


def _iso_day(value: str | None) -> date | None:
    """The calendar day an ISO 8601 page date is written with (its own offset)."""
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _iso_wall(value: str | None) -> datetime | None:
    """The wall-clock time an ISO 8601 page time is written with (its own offset), when it has one."""
    if not value or len(value) < 16 or value[10:11] not in ("T", " "):
        return None
    try:
        return datetime.fromisoformat(value[:16])
    except ValueError:
        return None


def _instant(fix: DateFix, local_time: time | None, stamp: Stamp, zone: tzinfo | None,
             claimed_offset: int | None) -> datetime | None:
    """Aware when the page's zone, the stamp's zone label or verified markup gives the offset."""
    if fix.local_date is None or local_time is None:
        return None
    naive = datetime.combine(fix.local_date, local_time)
    if stamp.utc_offset_minutes is not None and stamp.zone:
        return naive.replace(tzinfo=timezone(timedelta(minutes=stamp.utc_offset_minutes), stamp.zone))
    if zone is not None:
        return naive.replace(tzinfo=zone)
    if claimed_offset is not None:
        return naive.replace(tzinfo=timezone(timedelta(minutes=claimed_offset)))
    return naive


# ── capture mode: one decision for the whole feed ────────────────────────────────────────
# Costs of the evidence an assignment of days contradicts (see days.py). A printed date is
# fixed; the capture time is a hard bound; the rest is weighed.
W_MARKUP = 50.0  # a verified markup claim about the entry
W_HEADING = 20.0  # the date heading above the segment's first entry
W_PAGE_STAMP = 5.0  # a page stamp with the entry's clock (the first entry showing it)
W_OPENING = 4.0  # the page stamp that opened a live blog, for its oldest entry
W_MENTION = 0.5  # an entry firmly reports a later date than the one given to it
W_RECENT = 1.0  # per day the feed's newest entry lies before the latest day the capture allows ...
RECENT_CAP_DAYS = 3  # ... counted up to this many days (older pages: other evidence decides)
W_ROLLOVER = 1.0  # a midnight between neighbours
SILENCE_SCALE = 180.0  # minutes of silence beyond the feed's longest plausible gap costing 1
W_DISORDER = 2.0  # neighbours out of order by more than ORDER_SLACK_MINUTES ...
DISORDER_SCALE = 240.0  # ... plus 1 per this many minutes
W_STRICT_DISORDER = 6.0  # ... instead, by more than ROLLOVER_MINUTES in a feed otherwise in order, when ...
STRICT_PACE_STEPS = 40  # ... the day's silence that would explain it is at most this many of its median steps
W_ACROSS = 1.0  # a heading's segment running against the order of the one above
BACK_DAYS = 1  # days before the latest allowed one that an entry may take besides those its feed's order suggests
CAPTURE_SKEW_MINUTES = 0  # a clock this far after the capture time is still the capture's day (0: the
# project holds that no entry lies after the capture; a skewed site clock is read as the day before)
_CAPTURE_SKEW = timedelta(minutes=CAPTURE_SKEW_MINUTES)
_ONE_DAY = timedelta(days=1)
FIRM_MARGIN = 0.5  # a day preferred by less than this over the next best is capped at 0.6
TIE_MARGIN = 0.05  # ... and by less than this is not decided: unknown


@dataclass(slots=True)
class _Evidence:
    """What one entry's own surroundings say about its day (ordinals), for the costs."""

    latest: int  # the capture's hard bound
    pinned: int | None = None  # a date printed in the stamp
    claim: int | None = None
    claim_note: str = ""
    heading: int | None = None
    heading_note: str = ""
    page_stamp: int | None = None
    page_note: str = ""
    opening: int | None = None
    opening_note: str = ""
    mention: int | None = None


def date_feed_at_capture(items: list[_Item], segment_headings: dict[int, Token], now: Clock, page: PageDates,
                         newest_first: bool, sorted_feed: bool) -> dict[int, tuple[time | None, DateFix]]:
    """Date a feed's clocked entries in capture mode as one decision (days.best_days).

    Candidate days per entry run back from the latest the capture time allows; the costs
    weigh a printed date (fixed), a verified claim, the segment's heading, a page stamp
    with the same clock, the page stamp opening a live blog, firm in-text mentions, the
    feed's order and midnight rollovers, and closeness to the capture. A heading or page
    stamp that would put an entry after the capture time loses: the capture is a bound.
    """
    out: dict[int, tuple[time | None, DateFix]] = {}
    live: list[_Item] = []
    facts: list[_Evidence] = []
    first_of_segment = {}
    for item in items:
        first_of_segment.setdefault(item.segment, item)
    opened = _opening_stamp(items, page) if sorted_feed else None
    used_stamps: set[int] = set()  # a page stamp dates one entry: the first showing its clock
    for item in items:
        stamp = item.draft.stamp
        own = _stamp_date(stamp, now, page)
        if isinstance(own, date) and _scheduled(stamp, DateFix(DateStatus.EXACT, own), _clock_time(stamp), now):
            out[item.draft.line] = (_clock_time(stamp), DateFix(DateStatus.EXACT, own))  # dropped as a schedule
            continue
        fact = _Evidence(_latest_allowed(item.draft, now).toordinal())
        if isinstance(own, date):
            fact.pinned = own.toordinal()
        claim = page.claims.get(item.draft.line)
        if claim is not None:
            fact.claim, fact.claim_note = claim.local_date.toordinal(), claim.evidence
        heading = segment_headings.get(item.segment)
        # A heading dates its segment's first entry; the others follow it by the feed's order
        # (or, in a list that has none, each take it).
        if heading is not None and heading.heading is not None and (first_of_segment[item.segment] is item
                                                                    or not sorted_feed):
            found = _heading_date(heading.heading, now, page)
            if isinstance(found, date):
                fact.heading, fact.heading_note = found.toordinal(), f"heading '{heading.text}'"
        for k, other in enumerate(page.stamps):
            if (other.hour, other.minute) == (stamp.hour, stamp.minute) and other.year and other.month and other.day \
                    and k not in used_stamps:
                used_stamps.add(k)
                fact.page_stamp = date(other.year, other.month, other.day).toordinal()
                fact.page_note = f"page stamp '{other.text}' has the same clock"
                break
        if opened is not None and opened[1] is item:
            other = opened[0]
            fact.opening = date(other.year or 1, other.month or 1, other.day or 1).toordinal()
            fact.opening_note = (f"page stamp '{other.text}' opens the feed: its oldest entry follows "
                                 f"within {LIVE_START_MINUTES // 60} h")
        fact.mention = _firm_mention(item, now, page)
        live.append(item)
        facts.append(fact)
    if not live:
        return out
    longest = _longest_silence(live)
    # One step back of more than an hour in a feed whose other steps all keep its order
    # (night pauses aside) is where a day turned, when the silence that implies is one the
    # feed's pace allows (a feed posting every 10 minutes is not silent for 18 hours: that
    # step joins two lists of one day).
    pace = _median_step(live)
    strict = sorted_feed and pace is not None and _steps_against(live, newest_first) <= 1
    pool = {d + step for f in facts for d in (f.claim, f.heading, f.page_stamp, f.opening, f.mention)
            if d is not None for step in (-1, 0, 1)}
    # The days the feed's own order suggests (rollovers counted from its first entry), so that a
    # feed running over many days can follow itself back: the first entry's latest day that
    # keeps every entry within its bound (in an oldest-first feed, the newest entry's bound).
    start = min(f.latest - item.offset for f, item in zip(facts, live))
    candidates = [_candidates(f, pool, start + item.offset if sorted_feed else None) for f, item in zip(facts, live)]
    newest = (0 if newest_first else len(live) - 1) if sorted_feed else None
    firm = [f.mention for f in facts if f.mention is not None]
    late = max(firm) if len(firm) >= LATE_CAPTURE_MENTIONS and newest is not None \
        and max(firm) < facts[newest].latest - LATE_CAPTURE_DAYS else None

    def unary(i: int, day: int) -> float:
        f = facts[i]
        if f.pinned is not None:
            return 0.0 if day == f.pinned else INFEASIBLE
        if day > f.latest:
            return INFEASIBLE
        ref = f.latest if late is None else min(f.latest, late)  # a late capture: the mentions' day instead
        cost = W_RECENT * min(abs(ref - day), RECENT_CAP_DAYS) if newest in (None, i) else 0.0
        cost += W_MARKUP * (f.claim is not None and day != f.claim)
        cost += W_HEADING * (f.heading is not None and day != f.heading)
        cost += W_PAGE_STAMP * (f.page_stamp is not None and day != f.page_stamp)
        cost += W_OPENING * (f.opening is not None and day != f.opening)
        cost += W_MENTION * (f.mention is not None and day < f.mention)
        return cost

    minutes = [_minutes(item.draft) for item in live]  # each entry's clock, read once for all its pairs

    def pairwise(i: int, shift: int) -> float:
        if not sorted_feed:
            return 0.0
        above, below = live[i - 1], live[i]
        step = shift * 1440 + minutes[i - 1] - minutes[i]  # minutes from below to above
        if not newest_first:
            step = -step
        if above.segment != below.segment:
            return 0.0 if step >= -ORDER_SLACK_MINUTES else W_ACROSS
        if step < -ORDER_SLACK_MINUTES:
            turn = strict and ROLLOVER_MINUTES < -step and 1440 + step <= STRICT_PACE_STEPS * pace
            weight = W_STRICT_DISORDER if turn else W_DISORDER
            return weight + -step / DISORDER_SCALE
        crossed = abs(shift)
        if not crossed:
            return 0.0
        return W_ROLLOVER * crossed + max(0.0, step - longest) / SILENCE_SCALE

    choices = best_days(candidates, unary, pairwise)
    if choices is None:  # printed dates that contradict one another across the bound: each on its own
        choices = [Choice(f.pinned if f.pinned is not None else f.latest, INFEASIBLE) for f in facts]
    anchors = _segment_anchors(live, facts, choices, now, sorted_feed)
    if late is not None:
        for segment, anchor in anchors.items():
            if anchor.basis is DateBasis.CAPTURE:
                anchors[segment] = _SegmentAnchor((
                    f"text mentions a date on {date.fromordinal(late).isoformat()}: an entry is not older than what it reports",
                    f"{len(firm)} entries report dates well before the capture time {_label(now)}: "
                    "the page was captured late"), DateBasis.MENTION, 0.6)
    groups: dict[int, list[_Item]] = {}
    first_day: dict[int, int] = {}
    for item, choice in zip(live, choices):
        item.offset = choice.day - first_day.setdefault(item.segment, choice.day)
        groups.setdefault(item.segment, []).append(item)
    quiet: dict[int, str | None] = {}
    for segment, group in groups.items():
        anchor = anchors[segment]
        if anchor.basis is DateBasis.CAPTURE and sorted_feed:
            base = date.fromordinal(choices[live.index(group[0])].day) - timedelta(days=group[0].offset)
            quiet[segment] = _quiet_hours(now, _oldest(group, base), len(group))
    for item, fact, choice in zip(live, facts, choices):
        out[item.draft.line] = (_clock_time(item.draft.stamp),
                                _capture_fix(item, fact, choice, anchors[item.segment], quiet.get(item.segment),
                                             newest_first))
    return out


def _latest_allowed(draft: Draft, now: Clock) -> date:
    """The latest day on which the entry's clock is not after the capture time (less a
    small skew: a clock a few minutes past the capture is the capture's own day)."""
    return _latest_day(now, draft.stamp.utc_offset_minutes, time(draft.stamp.hour or 0, draft.stamp.minute or 0))


def _candidates(fact: _Evidence, pool: set[int], ordered: int | None) -> list[int]:
    """The days an entry may take: a few before the latest the capture allows, those around
    the day the feed's order suggests, and those around any day the feed's evidence names
    (so that neighbours can follow it)."""
    if fact.pinned is not None:
        return [fact.pinned]
    days = set(pool)
    if ordered is None or ordered + 1 >= fact.latest - BACK_DAYS - 1:  # (far down a long feed: its order only)
        days.update(range(fact.latest - BACK_DAYS, fact.latest + 1))
    if ordered is not None:
        days.update(range(ordered - 1, ordered + 2))
    return sorted((d for d in days if d <= fact.latest), reverse=True)


def _firm_mention(item: _Item, now: Clock, page: PageDates) -> int | None:
    """The latest date the entry reports right after a reporting verb ("said on Oct. 3")."""
    draft = item.draft
    short = len(draft.text) + len(draft.headline or "") <= REMEMBERED_CHARS
    best = None
    for year, month, day in (_remembered_reports if short else _reported_dates)(draft.headline, draft.text):
        found = _resolve_year(year, month, day, now, page)
        if isinstance(found, date) and (best is None or found.toordinal() > best):
            best = found.toordinal()
    return best


def _reported_dates(headline: str | None, text: str) -> tuple[tuple[int | None, int, int], ...]:
    """(year, month, day) of each date the entry reports right after a reporting verb, in order
    (the year None when not printed): what `_firm_mention` reads of its text."""
    text = f"{headline or ''}\n{text}"[:5000]
    found = []
    for match in MENTION_RE.finditer(text):
        if _REPORTED_RIGHT_BEFORE_RE.search(text[max(0, match.start() - 120):match.start()]) is None:
            continue
        year, month, day = date_fields(match, False)
        if month is not None and day is not None:
            found.append((year, month, day))
    return tuple(found)


# A feed's snapshots show the same entries again and again: the dates their texts report are
# remembered (texts up to REMEMBERED_CHARS characters, the last REMEMBERED of them).
REMEMBERED_CHARS = 4_000
REMEMBERED = 4_096
_remembered_reports = lru_cache(maxsize=REMEMBERED)(_reported_dates)


def clear_cache() -> None:
    """Forget the remembered reported dates (`memo.clear`: each page read as new)."""
    _remembered_reports.cache_clear()


class _SegmentAnchor(NamedTuple):
    evidence: tuple[str, ...]
    basis: DateBasis
    confidence: float


def _segment_anchors(items: list[_Item], facts: list[_Evidence], choices: list[Choice], now: Clock,
                     sorted_feed: bool) -> dict[int, _SegmentAnchor]:
    """What each segment's dates rest on: its strongest evidence that the decision kept."""
    out: dict[int, _SegmentAnchor] = {}
    ranked: dict[int, tuple[int, _SegmentAnchor]] = {}
    for item, fact, choice in zip(items, facts, choices):
        day = choice.day
        options = []
        if fact.pinned is not None:
            options.append((5, _SegmentAnchor((f"stamp '{item.draft.stamp.text}' prints the date",), DateBasis.STAMP, 0.9)))
        if fact.claim == day:
            claim_note = f"entry at {item.draft.stamp.text}: {fact.claim_note}"
            options.append((4, _SegmentAnchor((claim_note,), DateBasis.MARKUP, 0.85)))
        if fact.heading == day:
            options.append((3, _SegmentAnchor((fact.heading_note,), DateBasis.HEADING, 0.9)))
        elif fact.heading is not None:
            note = f"{fact.heading_note} would put entries after the capture time {_label(now)}: overruled"
            options.append((0, _SegmentAnchor(_capture_notes(now) + (note,), DateBasis.CAPTURE, 0.85)))
        if fact.page_stamp == day:
            options.append((2, _SegmentAnchor((fact.page_note,), DateBasis.PAGE_STAMP, 0.85)))
        if fact.opening == day:
            options.append((1, _SegmentAnchor((fact.opening_note,), DateBasis.PAGE_STAMP, 0.75)))
        for rank, anchor in options:
            if item.segment not in ranked or rank > ranked[item.segment][0]:
                ranked[item.segment] = (rank, anchor)
    for item in items:
        if item.segment in ranked:
            out[item.segment] = ranked[item.segment][1]
        else:
            out[item.segment] = _SegmentAnchor(_capture_notes(now), DateBasis.CAPTURE, 0.85 if sorted_feed else 0.6)
    return out


def _capture_notes(now: Clock) -> tuple[str, ...]:
    return (f"capture time {_label(now)}: the newest entry is not after it",)


def _capture_fix(item: _Item, fact: _Evidence, choice: Choice, anchor: _SegmentAnchor, quiet: str | None,
                 newest_first: bool) -> DateFix:
    stamp = item.draft.stamp
    day = date.fromordinal(choice.day)
    if fact.pinned is not None:
        return DateFix(DateStatus.EXACT if stamp.year else DateStatus.INFERRED, day,
                       confidence=1.0 if stamp.year else 0.85, evidence=(_own_date_note(stamp),), basis=DateBasis.STAMP)
    evidence, basis, confidence = anchor
    if fact.claim == choice.day:
        return DateFix(DateStatus.INFERRED, day, confidence=0.9, evidence=(fact.claim_note,), basis=DateBasis.MARKUP)
    if quiet is not None:
        return DateFix(DateStatus.UNKNOWN, evidence=evidence + (
            f"a quiet feed (one entry per {quiet} h): a silence of a day more would show the same clocks; "
            f"most likely {day.isoformat()}, not proven",), basis=basis)
    if choice.margin < TIE_MARGIN:
        return DateFix(DateStatus.UNKNOWN, evidence=evidence + (
            f"as likely another day as {day.isoformat()}: not decided",), basis=basis)
    if choice.margin < FIRM_MARGIN:
        confidence = min(confidence, 0.6)
    notes = evidence + (_rollover_note(item, newest_first),) if item.offset else evidence
    return DateFix(DateStatus.INFERRED, day, confidence=confidence, evidence=notes, basis=basis)


# ── reads of the capture time ─────────────────────────────────────────────────────────────
# Dating at a capture time reads it only through the functions below (the zone inference of a
# capture instant on an unknown clock aside: it makes a clock of its own). Each is a pure
# function of the clock and its arguments; on a clock with a `trace`, each call is recorded
# with its arguments and value. Dating is deterministic, so a second capture time at which
# every recorded read gives the same value takes the same path to the same result
# (`replays`): the memo (feedline/memo.py) dates a repeated page once per such run of capture
# times. The capture time's own minute, which evidence prints, is a placeholder in a traced
# run (`LABEL`, with a random part no page can contain), filled in by `with_label`.

LABEL = f"\x00capture {os.urandom(16).hex()}\x00"  # as secrets.token_hex(16), without its imports

Read = tuple[Callable, tuple, object]  # (function, its arguments after the clock, its value)


def _read(fn: Callable) -> Callable:
    def read(now: Clock, *args: object) -> object:
        value = fn(now, *args)
        if now.trace is not None:
            now.trace.append((fn, args, value))
        return value
    read.__doc__, read.__name__ = fn.__doc__, fn.__name__
    return read


def replays(trace: list[Read], now: Clock) -> bool:
    """Whether every read recorded in `trace` gives the same value at `now`."""
    return all(fn(now, *args) == value for fn, args, value in trace)


def capture_label(now: Clock) -> str:
    """The capture time as evidence prints it."""
    return f"{now.wall:%Y-%m-%d %H:%M}"


def _label(now: Clock) -> str:
    return LABEL if now.trace is not None else capture_label(now)


def labelled(dated: list[Dated]) -> list[int]:
    """Where `dated` (from a traced run) has `LABEL` in its evidence."""
    return [i for i, item in enumerate(dated) if any(LABEL in note for note in item.date.evidence)]


def with_label(dated: list[Dated], now: Clock, where: list[int]) -> list[Dated]:
    """`dated` (from a traced run) with the capture time printed for `LABEL` at `where` (`labelled`)."""
    label = capture_label(now)
    done: dict[tuple[str, ...], tuple[str, ...]] = {}
    out = list(dated)
    for i in where:
        item = dated[i]
        fix = item.date
        evidence = done.get(fix.evidence)
        if evidence is None:
            evidence = done[fix.evidence] = tuple(note.replace(LABEL, label) for note in fix.evidence)
        # (every field of DateFix, the evidence replaced: `replace` takes twice as long)
        out[i] = Dated(item.draft, item.local_time,
                       DateFix(fix.status, fix.local_date, fix.month_day, fix.confidence, evidence, fix.basis),
                       item.datetime)
    return out


@_read
def _today(now: Clock) -> date:
    """The capture's date on the page's clock."""
    return now.wall.date()


@_read
def _day_before(now: Clock, minutes: float) -> date:
    """The date `minutes` before the capture."""
    return (now.wall - timedelta(minutes=minutes)).date()


@_read
def _minutes_before(now: Clock, minutes: float) -> tuple[time, date]:
    """The page's clock (to the minute) and date `minutes` before the capture."""
    moment = (now.aware - timedelta(minutes=minutes)) if now.aware else now.wall - timedelta(minutes=minutes)
    wall = moment.astimezone(now.aware.tzinfo).replace(tzinfo=None) if now.aware else moment
    return wall.time().replace(second=0, microsecond=0), wall.date()


@_read
def _after_capture(now: Clock, moment: datetime) -> bool:
    """Whether `moment` lies more than SCHEDULE_SLACK_MINUTES after the capture."""
    return moment > now.wall + timedelta(minutes=SCHEDULE_SLACK_MINUTES)


@_read
def _days_late(now: Clock, newest: datetime) -> int:
    """Whole days (rounded up) by which `newest` lies more than SCHEDULE_SLACK_MINUTES after the capture."""
    late = newest - (now.wall + timedelta(minutes=SCHEDULE_SLACK_MINUTES))
    return late.days + 1 if late > timedelta(0) else 0


@_read
def _latest_day(now: Clock, offset: int | None, clock: time) -> date:
    """The latest day on which `clock` (at UTC `offset`, else the page's clock) is not after the capture."""
    wall = now.wall
    if offset is not None and now.aware is not None:
        wall = now.aware.astimezone(timezone(timedelta(minutes=offset))).replace(tzinfo=None)
    day = wall.date()  # (read for every entry of every dating and replay: the constants made once)
    return day if datetime.combine(day, clock) <= wall + _CAPTURE_SKEW else day - _ONE_DAY


@_read
def _twelve_hour_moments(now: Clock, clocks: tuple[tuple[int, int], ...]) -> tuple[datetime | None, ...]:
    """Down a newest-first feed of 12-hour (hour % 12, minute) clocks: each the latest am/pm
    reading not after the one above (the first: the capture), None when none fits."""
    bound = now.wall
    out: list[datetime | None] = []
    for hour, minute in clocks:
        moment = None
        for back in range(0, 3):
            day = bound.date() - timedelta(days=back)
            readings = [datetime.combine(day, time(h, minute)) for h in (hour + 12, hour)]
            fitting = [r for r in readings if r <= bound + timedelta(minutes=ORDER_SLACK_MINUTES)]
            if fitting:
                moment = max(fitting)
                break
        out.append(moment)
        if moment is not None:
            bound = moment
    return tuple(out)


@_read
def _quiet_hours(now: Clock, oldest: datetime, count: int) -> str | None:
    """Hours per entry as evidence prints them when a segment of `count` entries from
    `oldest` to the capture is a quiet feed (`_quiet_pace`), else None."""
    if count < QUIET_MIN_ENTRIES:
        return None
    hours = (now.wall - oldest).total_seconds() / 3600 / count
    return f"{hours:.0f}" if hours >= QUIET_HOURS else None


# ── the page's clock zone, when only the capture instant is known ─────────────────────────
_WRITTEN_OFFSET_RE = lazy_regex(r"T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?([+-])(\d{2}):?(\d{2})\s*$")


def _shown_offsets(page: PageDates, markup: Markup | None) -> tuple[int, ...]:
    """UTC offsets at which a visible, fully dated page stamp (a byline) shows the page's own
    published / modified instant, written in UTC, to the minute. Only clocks off the quarter
    hour count ("1:07 AM" over 06:07:01Z): a round "10:00" could meet an instant hours away by
    chance. A time written with a local offset says the page's clock itself (`written`), and a
    byline that disagrees with it is the site's bug, not its clock."""
    instants = []
    for value in (markup.published, markup.modified) if markup is not None else ():
        try:
            moment = datetime.fromisoformat((value or "").strip())
        except ValueError:
            continue
        if moment.utcoffset() == timedelta(0):
            instants.append(moment.replace(tzinfo=None, second=0, microsecond=0))
    found = []
    for stamp, line in zip(page.stamps, page.stamp_lines):
        if line < 0 or stamp.hour is None or stamp.minute is None or stamp.minute % 5 == 0:
            continue  # (line -1: the markup's own times, put among the page stamps)
        shown = datetime(stamp.year or 1, stamp.month or 1, stamp.day or 1, stamp.hour, stamp.minute)
        # "5:09" without am/pm may be 17:09: when both readings give an offset, neither counts.
        either = not stamp.twelve_hour and 1 <= stamp.hour <= 12
        for instant in instants:
            minutes = int((shown - instant).total_seconds() // 60)
            if minutes in OFFSETS and not (either and (minutes + 720 in OFFSETS or minutes - 720 in OFFSETS)):
                found.append(minutes)
    return tuple(found)


def _zone_clues(drafts: list[Draft], feeds: list[Feed], page: PageDates, markup: Markup | None,
                lang: str | None, url: str | None, headings: dict[int, Token], nonblank: list[int]) -> ZoneClues:
    """What the page says about its clock (see zone.py): verified markup, written offsets,
    zone labels, each sorted feed's newest entry, the stamps that print their date and the
    entries right below a heading that prints its full date ("Wednesday 20 Nov 2019")."""
    written = []
    for value in (markup.published, markup.modified) if markup is not None else ():
        match = _WRITTEN_OFFSET_RE.search(value or "")
        if match:
            minutes = int(match.group(2)) * 60 + int(match.group(3))
            written.append(minutes if match.group(1) == "+" else -minutes)
    newest = []
    dated = [datetime(s.year, s.month, s.day, s.hour, s.minute or 0) for d in drafts
             if (s := d.stamp).year and s.month and s.day and s.hour is not None and s.utc_offset_minutes is None
             and _safe_date(s.year, s.month, s.day)]
    for feed in feeds:
        clocked = [d for d in drafts if d.feed == feed.id and d.stamp.kind is StampKind.CLOCK
                   and d.stamp.hour is not None and d.stamp.utc_offset_minutes is None]
        if not clocked:
            continue
        items = [_Item(d, 0) for d in clocked]
        newest_first = _newest_first(items)
        if len(clocked) >= 2 and not _twelve_hour_without_marker(clocked, {}) and _assign_offsets(items, newest_first):
            top = clocked[:NEWEST_RUN] if newest_first else clocked[-NEWEST_RUN:]
            newest.append(tuple(_minutes(d) for d in top))
        # The entry right below a heading that prints its full date is dated by it.
        segmented, segment_headings = _segments(clocked, headings, nonblank, newest_first)
        heads: dict[int, Draft] = {}
        for item in segmented:
            heads.setdefault(item.segment, item.draft)
        for segment, heading in segment_headings.items():
            h = heading.heading
            day = _safe_date(h.year, h.month, h.day) if h and h.year and h.month and h.day else None
            if day is not None and segment in heads:
                dated.append(datetime.combine(day, _clock_time(heads[segment].stamp) or time(0)))
    return ZoneClues(
        markup_offsets=tuple(c.utc_offset_minutes for c in page.claims.values() if c.utc_offset_minutes is not None),
        shown_offsets=_shown_offsets(page, markup),
        written_offsets=tuple(written),
        label_offsets=tuple(d.stamp.utc_offset_minutes for d in drafts if d.stamp.utc_offset_minutes is not None),
        labels=tuple(d.stamp.zone for d in drafts if d.stamp.zone and d.stamp.utc_offset_minutes is None),
        newest=tuple(newest), dated=tuple(dated), lang=lang, url=url)
