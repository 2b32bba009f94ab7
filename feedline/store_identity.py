"""Identity across scrapes: which feed a page is, and when two sightings are one entry
(docs/store.md, "Identity").

    sighting(entry) ──> Sighting ──> compatible(sighting, candidate, gap) · closeness(...)
                                     similarity(folded, folded) ≥ SIMILAR

`page_key` is a page's feed: its URL, else its file name without the time stamp that
`name_stamp` finds (feedline.ingest re-exports both and decides which capture time wins).
The rest are the entry rules: what makes a text an edit of another, which stored entries a
sighting may join and which of them it prefers, and the stable id's hash. `feedline.feedmerge`
applies them to one feed's entries; nothing here holds state or SQL.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from datetime import date, datetime, time, timedelta, timezone
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import PurePath
from typing import NamedTuple, Protocol

from feedline.errors import NOW_YEARS
from feedline.model import DateStatus, Entry, StampKind

SIMILAR = 0.9  # difflib ratio of the first COMPARE_CHARS folded characters: an edit of the same entry
COMPARE_CHARS = 200
PREFIX_MIN = 40  # a text that starts (or holds) another this long is that one, updated
CONFIDENT = 0.85  # readings at least this sure may keep two identical texts apart (recurrence)

_SPACES = re.compile(r"\s+")


# ── page identity ───────────────────────────────────────────────────────────────────────────

_OFFSET = r"(?P<off>Z|[+-]\d{2}:?\d{2})?"
_NAME_STAMPS = (
    # 2023-10-03T1800, 2023-10-03T18:05, 2023-10-03_18-05-30, 2023-10-03T18:05Z
    re.compile(r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})[T_ ](?P<H>\d{2})[:.h-]?(?P<M>\d{2})"
               r"(?:[:.-]?(?P<S>\d{2}))?" + _OFFSET + r"(?!\d)"),
    # 20231003-180500, 20231003T1805
    re.compile(r"(?<!\d)(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})[T_-]?(?P<H>\d{2})(?P<M>\d{2})(?P<S>\d{2})?"
               + _OFFSET + r"(?!\d)"),
)
_UNIX_STAMP = re.compile(r"(?<!\d)1\d{9}(?!\d)")  # unix seconds, 2001-09-09 to 2033-05-18
_EXTENSION = re.compile(r"\.[A-Za-z][A-Za-z0-9]{0,5}$")


def name_stamp(name: str) -> tuple[datetime, tuple[int, int]] | None:
    """The capture time a file name carries, and its span in the name's last component.

    Naive for the calendar forms (the page's wall clock), aware with the printed offset for
    calendar forms that carry one, aware in this machine's zone for unix seconds.
    """
    base = PurePath(name).name
    for pattern in _NAME_STAMPS:
        for match in pattern.finditer(base):
            moment = _calendar_stamp(match)
            if moment is not None:
                return moment, match.span()
    match = _UNIX_STAMP.search(base)
    if match:  # an instant without a zone: this machine's clock, as `date` names files
        return datetime.fromtimestamp(int(match.group()), timezone.utc).astimezone(), match.span()
    return None


def _calendar_stamp(match: re.Match[str]) -> datetime | None:
    parts = [int(match.group(g) or 0) for g in ("y", "m", "d", "H", "M", "S")]
    if not NOW_YEARS[0] <= parts[0] <= NOW_YEARS[1]:
        return None  # no capture time: a page captured then is not read (nor stored) as such
    try:
        moment = datetime(*parts)
    except ValueError:
        return None
    offset = match.group("off")
    if offset:
        sign = -1 if offset[0] == "-" else 1
        digits = offset[1:].replace(":", "") if offset != "Z" else "0000"
        minutes = sign * (int(digits[:2]) * 60 + int(digits[2:]))
        moment = moment.replace(tzinfo=timezone(timedelta(minutes=minutes)))
    return moment


def page_key(name: str, url: str | None = None) -> str:
    """A page's identity across scrapes: its URL, else its file name without the time stamp.

    "snap/bloomberg-2023-10-03T1800.html" -> "bloomberg"; a name that is only a time stamp
    ("snap/2023-10-03T1800.html") takes its folder's name ("snap"); stdin is "-".
    """
    if url:
        return url.strip()
    if name == "-":
        return "-"
    path = PurePath(name)
    base = path.name
    found = name_stamp(base)
    if found:
        start, end = found[1]
        base = base[:start] + " " + base[end:]
    stem = _EXTENSION.sub("", base.strip()).strip(" -_.")
    return stem or path.parent.name or "-"


# ── entry identity ──────────────────────────────────────────────────────────────────────────



@lru_cache(maxsize=8192)  # a feed's snapshots show the same texts again and again
def text_hash(headline: str | None, text: str) -> str:
    """A revision's identity: headline and text with whitespace runs made one space."""
    return hashlib.sha1(f"{_squash(headline or '')}\x1f{_squash(text)}".encode()).hexdigest()


def fold(headline: str | None, text: str) -> str:
    """Headline and text as compared for edits: casefolded, whitespace made one space."""
    return _squash(f"{headline or ''} {text}").casefold()


def similarity(a: str, b: str) -> float:
    """How alike two folded texts are: 1 equal, 0.99 one holds the other, else a difflib ratio
    of their openings; 0 when the shorter is under PREFIX_MIN characters ("Sirens in the north."
    and "... south." differ by one word, like a typo: too short to tell)."""
    if a == b:
        return 1.0
    short, long = sorted((a, b), key=len)
    if len(short) < PREFIX_MIN:
        return 0.0
    if short in long:
        return 0.99
    return SequenceMatcher(None, a[:COMPARE_CHARS], b[:COMPARE_CHARS], autojunk=False).ratio()


def _squash(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


@lru_cache(maxsize=4096)  # an entry is re-derived again and again with the same id
def uid_base(feed: str, first_seen: str | None, clock: str, first_text: str) -> str:
    """The stable id before any suffix: feed, first capture, clock and the first text seen (its
    `text_hash`). Not the date: that may improve with later pages, and the id must not move with it."""
    return hashlib.sha1("\x1f".join((feed, first_seen or "", clock, first_text)).encode()).hexdigest()[:16]


class Sighting(NamedTuple):
    """An entry of the page being merged, ready to match (a named tuple: one is made per entry
    of every page merged, and a tuple is made several times faster than a frozen dataclass)."""

    entry: Entry
    text_hash: str
    clock: str | None  # "16:00"
    relative: bool  # a relative stamp ("21 mins ago")
    day: str | None  # its date as stored (`DateFix.iso`), read once

    @property
    def folded(self) -> str:
        """`fold` of its headline and text (needed only when no text matches exactly)."""
        return fold(self.entry.headline, self.entry.text)


def sighting(entry: Entry) -> Sighting:
    shown = entry.local_time
    return Sighting(entry, text_hash(entry.headline, entry.text), _clock(shown) if shown else None,
                    entry.stamp.kind is StampKind.RELATIVE, entry.date.iso)


@lru_cache(maxsize=2048)  # a day's minutes: every entry of every page is merged with its clock
def _clock(shown: time) -> str:
    """ "HH:MM" (strftime("%H:%M") without its cost)."""
    return f"{shown.hour:02d}:{shown.minute:02d}"


class Candidate(Protocol):
    """What the rules read of a stored entry (feedmerge.EntryRow has these)."""

    uid: str | None
    clock: str | None
    first_seen: str | None
    last_seen: str | None
    local_date: str | None
    date_status: str
    confidence: float
    datetime: str | None
    relative_minutes: float | None


def near_days(day: date | None) -> list[str | None]:
    """The day before, the day and the day after (None three times without a day)."""
    if day is None:
        return [None, None, None]
    return [(day + timedelta(days=d)).isoformat() for d in (-1, 0, 1)]


def compatible(seen: Sighting, stored: Candidate, gap: Callable[[str | None, str | None], bool]) -> bool:
    """May `seen` be the stored entry? Same clock, no contrary printed date, no recurrence.
    `gap(first, last)`: did a page of the feed captured between the entry's sightings and
    this page lack it?"""
    if not seen.relative and stored.clock is not None:
        if stored.clock != seen.clock:
            return False
    elif not times_fit(seen, stored.datetime, stored.relative_minutes):
        return False
    if seen.day is None or stored.local_date is None or seen.day == stored.local_date:
        return True
    mine = seen.entry.date
    if mine.status is DateStatus.EXACT and stored.date_status == DateStatus.EXACT:
        return False  # two printed dates that differ
    if mine.confidence >= CONFIDENT and stored.confidence >= CONFIDENT:
        return not gap(stored.first_seen, stored.last_seen)  # the same text again, on another day
    return True


def times_fit(seen: Sighting, stored: str | None, stored_relative: float | None) -> bool:
    """Relative stamps ("2 hours ago") are coarse: datetimes within their own offset fit."""
    mine = seen.entry.datetime
    if mine is None or stored is None:
        return True
    other = datetime.fromisoformat(stored)
    if (mine.tzinfo is None) != (other.tzinfo is None):
        mine, other = mine.replace(tzinfo=None), other.replace(tzinfo=None)
    slack = max(3.0, seen.entry.stamp.relative_minutes or 0.0, stored_relative or 0.0)
    return abs((mine - other).total_seconds()) <= slack * 60


def closeness(captured_at: str | None, seen: Sighting, stored: Candidate) -> tuple:
    """Among fitting candidates: the same date first, then the one seen nearest in time."""
    same_day = stored.local_date is not None and stored.local_date == seen.day
    now, first, last = captured_at, stored.first_seen, stored.last_seen
    if now is None or first is None or last is None:
        distance = float("inf")
    elif first <= now <= last:
        distance = 0.0
    else:
        edge = last if now > last else first
        distance = abs((_wall(now) - _wall(edge)).total_seconds())
    return (not same_day, distance, stored.uid or "")


@lru_cache(maxsize=4096)  # the same few captures are compared for every entry of a page
def _wall(iso: str) -> datetime:
    return datetime.fromisoformat(iso).replace(tzinfo=None)
