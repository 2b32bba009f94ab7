"""`extract()`: the one place that knows the order of the stages.

    read ──> tokenize ──> find_entries ──> date_entries ──> find_sources ──> Timeline
"""
from __future__ import annotations

import hashlib
import os
from functools import lru_cache
from dataclasses import replace
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from typing import BinaryIO

from feedline.claims import markup_only, out_of_range
from feedline.dates import Clock, Dated, date_entries
from feedline.entries import find_entries
from feedline.errors import NOW_YEARS, UsageError, check_language_tag, outside_now_years
from feedline.lookalikes import media_marked, player_positions
from feedline.memo import also_clear, dated as remembered_dating, entries_of
from feedline.model import DateBasis, DateFix, DateStatus, Entry, Page, Stamp, StampKind, Timeline
from feedline.nonentries import not_entries
from feedline.read import read_page, render_html
from feedline.scripts import script_language
from feedline.sources import find_sources
from feedline.sources.find import CACHED_ENTRIES, MAX_CACHED
from feedline.tokens import TOKENIZE_IN_ORDER, TokenTable, order_contradicted, tokenize

Source = str | os.PathLike | bytes | BinaryIO | Page


def extract(source: Source, *, now: datetime | None = None, tz: str | None = None,
            lang: str | None = None, hidden: bool = False, explain: bool = False) -> Timeline:
    """Extract a page's dated, source-attributed timeline.

    `source` is a path (``"-"`` for stdin), raw bytes, a binary stream or a decoded `Page`.
    `now` is the capture time (naive = the page's wall clock in `tz`); without it, dates
    come from the page alone. `tz` is the IANA zone of the page's clock. With `hidden`,
    live-blog updates that only the page's structured data shows are entries too
    (`Entry.visible` False). With `explain`, `Timeline.not_entries` lists the page's
    time-like lines that are no entry, each with the reason.
    Raises `InputError` for unreadable input, `UsageError` for a bad `tz`, a `lang` that is no
    language tag or a `now` outside the years `errors.NOW_YEARS` (1900-2200), as given or
    once converted to `tz`.
    """
    zone = resolve_zone(tz)
    check_language_tag(lang)
    _check_now(now, zone)
    clock = _clock(now, zone)
    page = source if isinstance(source, Page) else read_page(source, lang=lang)
    tokens, drafts, feeds, dated = _stages(page, clock, zone)
    hidden_feed = False
    if not dated and page.html is not None:
        # Nothing visible is a feed: a paywall's styling may hide one that the HTML holds.
        shown = render_html(page.html, reveal=True, parsed=page.parsed)
        revealed = replace(page, text=shown.text, layout=shown.layout)
        # The same text and boxes give the same stages: only a rendering that differs is read.
        same = shown.text == page.text and shown.layout == page.layout
        shown_stages = ([], [], [], []) if same else _stages(revealed, clock, zone)
        if shown_stages[3]:
            page, hidden_feed = revealed, True
            tokens, drafts, feeds, dated = shown_stages
    notes = ("no visible entries: these are in content the page's CSS hides (visible: false)",) if hidden_feed else ()
    # Sources read every language's cues unless the caller names one: pages often declare
    # the wrong language (a French page marked "en") or quote in another.
    found = [_entry(d, position, lang, visible=not hidden_feed) for position, d in enumerate(dated)]
    if hidden:
        found += _markup_only_entries(drafts, page, len(feeds), len(found), zone, lang)
    entries = sorted(found, key=_chronological)
    diagnostics = (f"{len(feeds)} feed region(s), {len(entries)} entr{'y' if len(entries) == 1 else 'ies'}",) + notes
    if page.markup is not None:
        diagnostics += page.markup.notes
    dropped = out_of_range(page.markup)
    if dropped:
        diagnostics += (f"{len(dropped)} date(s) in the markup outside the computable range, not used as "
                        f"evidence (e.g. {dropped[0][:40]!r})",)
    kept = replace(page, html=None, layout=None, parsed=None,  # the scripts served the claims above
                   markup=replace(page.markup, scripts=()) if page.markup is not None else None)
    return Timeline(kept, tuple(entries), now=(clock.aware or clock.wall) if clock else None,
                    tz=tz, diagnostics=diagnostics, not_entries=not_entries(tokens, drafts, dated, _media(page, tokens),
                                                                  _page_times(page), page.title) if explain else ())


def _page_times(page: Page) -> tuple[str, ...]:
    """The page's published and modified times as its markup writes them."""
    markup = page.markup
    return tuple(t for t in (markup.published, markup.modified) if t) if markup is not None else ()


def _media(page: Page, tokens: TokenTable) -> frozenset[str]:
    """The page's stamp texts its markup names media lengths (`lookalikes.media_marked`) and
    those a player prints as its position and length (`lookalikes.player_positions`)."""
    played = player_positions(list(tokens.filled()))
    if page.markup is None or not page.markup.media_lengths:
        return played
    return played | media_marked(tokens.filled(), page.markup.media_lengths)


def _stages(page: Page, clock: Clock | None, zone: tzinfo | None) -> tuple[list, list, list, list[Dated]]:
    """Tokens, entries and dates of a page: its lines, drafts, feed regions and dated drafts."""
    # remembered: the same text, language, layout and media lengths give the same lines and entries,
    # and those entries at a capture time that reads the same (memo.dated) the same dates
    tokens, drafts, feeds = entries_of(page, tokenize, find_entries, _media)
    guessed = tokens.guessed_month_first
    if guessed is not None and clock is not None and order_contradicted(page.text, guessed, clock.wall.date()):
        # the capture time is a bound no printed date passes: the page writes dates the other way
        tokens, drafts, feeds = entries_of(page, TOKENIZE_IN_ORDER[not guessed], find_entries, _media)
    return tokens, drafts, feeds, remembered_dating(drafts, feeds, tokens, now=clock, zone=zone, markup=page.markup,
                                                    lang=page.lang or script_language(page.text), url=page.url,
                                                    saved=page.saved, date=date_entries)


def _check_now(now: datetime | None, zone: tzinfo | None) -> None:
    """UsageError unless the wall clock the page is read with (`now`, converted to `zone` when
    both are aware) falls in NOW_YEARS: the check `cli_support.parse_now` makes too."""
    if now is None:
        return
    if not isinstance(now, datetime):
        raise TypeError(f"now must be a datetime, not {type(now).__name__}")
    first, last = NOW_YEARS
    if outside_now_years(now):
        raise UsageError(f"now: {now.isoformat()} is outside the years {first}-{last}; give the page's capture time")
    if now.tzinfo is not None and zone is not None:
        local = now.astimezone(zone)
        if outside_now_years(local):
            raise UsageError(f"now: {now.isoformat()} is {local.isoformat()} in {zone}, outside the years "
                             f"{first}-{last}; give the page's capture time")


def resolve_zone(tz: str | None) -> tzinfo | None:
    """The `ZoneInfo` for an IANA name; `UsageError` when there is no such zone."""
    if tz is None:
        return None
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise UsageError(f"unknown time zone {tz!r}: use an IANA name such as Europe/Kyiv") from None


def _clock(now: datetime | None, zone: tzinfo | None) -> Clock | None:
    if now is None:
        return None
    if now.tzinfo is not None:  # an instant: without a zone, dates.py infers the page's clock
        local = now.astimezone(zone) if zone is not None else now
        return Clock(local.replace(tzinfo=None), local, zone_known=zone is not None)
    if zone is not None:
        return Clock(now, now.replace(tzinfo=zone))
    return Clock(now, None)


def _entry(dated: Dated, position: int, lang: str | None, visible: bool = True) -> Entry:
    draft = dated.draft
    return Entry(
        id=_entry_id(dated),
        stamp=draft.stamp,
        headline=draft.headline,
        text=draft.text,
        span=draft.span,
        feed=draft.feed,
        position=position,
        local_time=dated.local_time,
        date=dated.date,
        datetime=dated.datetime,
        sources=find_sources(draft.headline, draft.text, lang),
        visible=visible,
    )


def _markup_only_entries(drafts: list, page: Page, feed: int, first: int, zone: tzinfo | None,
                         lang: str | None) -> list[Entry]:
    """Entries for structured updates no visible entry shows, after the visible ones."""
    out = []
    for offset, (update, claim) in enumerate(markup_only(drafts, page.markup)):
        stamp = Stamp(update.published or update.origin, (0, 0), StampKind.DATETIME,
                      hour=claim.local_time.hour if claim else None, minute=claim.local_time.minute if claim else None,
                      year=claim.local_date.year if claim else None, month=claim.local_date.month if claim else None,
                      day=claim.local_date.day if claim else None)
        if claim is not None:
            fix = DateFix(DateStatus.INFERRED, claim.local_date, confidence=0.7, evidence=(claim.evidence,),
                          basis=DateBasis.MARKUP)
            moment = datetime.combine(claim.local_date, claim.local_time)
            moment = moment.replace(tzinfo=zone) if zone else moment.replace(
                tzinfo=timezone(timedelta(minutes=claim.utc_offset_minutes or 0)))
        else:
            fix = DateFix(DateStatus.UNKNOWN, evidence=(
                f"{update.origin} {update.published or '(no time)'}, not visible on the page: "
                "the page's clock for it is unknown",))
            moment = None
        text = update.body or ""
        words = " ".join(f"{update.headline or ''} {text}".split())[:200].casefold()
        out.append(Entry(
            id=hashlib.sha1(f"markup\x1f{stamp.text}\x1f{words}".encode()).hexdigest()[:16],
            stamp=stamp, headline=update.headline, text=text, span=(0, 0), feed=feed,
            position=first + offset, local_time=claim.local_time if claim else None, date=fix,
            datetime=moment, sources=find_sources(update.headline, text, lang), visible=False))
    return out


def _entry_id(dated: Dated) -> str:
    """Stable across scrapes of the same page: the printed stamp and the entry's opening words."""
    draft = dated.draft
    if len(draft.text) + len(draft.headline or "") <= MAX_CACHED:
        return _remembered_id(draft.stamp.text, draft.headline, draft.text)
    return _id(draft.stamp.text, draft.headline, draft.text)


def _id(stamp: str, headline: str | None, text: str) -> str:
    words = _opening_words(f"{headline or ''} {text}")
    return hashlib.sha1(f"{stamp}\x1f{words}".encode()).hexdigest()[:16]


# A feed's snapshots show the same entries again and again: their ids are remembered like their
# sources (sources.find: as many entries, of the same length; memo.clear forgets both).
_remembered_id = lru_cache(maxsize=CACHED_ENTRIES)(_id)
also_clear(_remembered_id.cache_clear)


ID_CHARS = 200  # an entry's id reads this many characters of its words


def _opening_words(raw: str) -> str:
    """The first ID_CHARS characters of `raw`'s words joined by single spaces, casefolded.

    Read from a prefix of `raw` when that gives as many: the words of a prefix, joined, are
    a prefix of all the words joined, so splitting a long text whole is not needed.
    """
    words = " ".join(raw[:5 * ID_CHARS].split())
    if len(words) < ID_CHARS:
        words = " ".join(raw.split())
    return words[:ID_CHARS].casefold()


def _chronological(entry: Entry) -> tuple:
    """Dated entries by date and time, then partial dates, then undated in page order."""
    fix = entry.date
    clock = entry.local_time or time(0, 0)
    if fix.local_date is not None:
        return (0, fix.local_date, clock, entry.position)
    if fix.month_day is not None:
        return (1, date(2000, *fix.month_day), clock, entry.position)  # 2000: a leap year
    return (2, date.min, time(0, 0), entry.position)
