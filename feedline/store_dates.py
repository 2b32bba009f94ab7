"""Date readings: the dates an entry was given, and the one it shows (docs/store.md, "Dates get
better with more scrapes").

    Reading (one per way a page showed the entry, plus the capture window) ──> best_reading

Each sighting keeps the date its page gave; the entry shows the best-supported of them, or
the date the store works out from two captures (`window_reading`). Rules only, no state (a
window, a function of its arguments alone, is remembered).
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from datetime import date, datetime, time, timedelta

from feedline.model import DateBasis, DateStatus

WINDOW_CONFIDENCE = 0.9  # "first seen on this capture, absent from the one before"

_STATUS_RANK = {DateStatus.EXACT: 3, DateStatus.INFERRED: 2, DateStatus.PARTIAL: 1, DateStatus.UNKNOWN: 0}


@dataclass(frozen=True, slots=True)
class Reading:
    """One date an entry was given: by a page (a sighting) or by the store (the window)."""

    status: DateStatus
    local_date: str | None  # DateFix.iso
    confidence: float
    evidence: tuple[str, ...]
    seen: str | None  # capture of the earliest page that gave it (None: blind pages only)
    datetime: str | None
    basis: DateBasis = DateBasis.NONE
    by_page: bool = True


def best_reading(readings: Iterable[Reading]) -> Reading:
    """The best-supported date: exact > inferred > partial > unknown, then the highest
    confidence, then the earliest capture (a fresher page guesses less: on a later one the
    entry sits further from the capture time, behind more rollovers), page before store.

    Of the dates read back from a capture time, only the earliest capture's count: every
    silence between the entry and that capture also lies before any later one, so a later
    page cannot know better (and a page too far from the entry says "unknown" for a reason).
    """
    readings = list(readings)
    walked = [r.seen or "~" for r in readings if r.basis is DateBasis.CAPTURE]
    if walked:
        first = min(walked)
        readings = [r for r in readings if r.basis is not DateBasis.CAPTURE or (r.seen or "~") == first]
    return min(readings, key=lambda r: (
        -_STATUS_RANK[r.status], -round(r.confidence, 2), r.seen or "~", not r.by_page,
        r.local_date or "", r.evidence,
    ))


def window_day(first: datetime, before: datetime, clock: time) -> date | None:
    """The day an entry with `clock` was posted, if it is first seen on the capture `first`
    and absent from the capture `before`: the only day on which the clock falls between them."""
    if not before < first < before + timedelta(days=1):
        return None
    day = first.date() if datetime.combine(first.date(), clock) <= first else first.date() - timedelta(days=1)
    return day if datetime.combine(day, clock) > before else None


def window_reading(first_seen: str, before: str, clock: str, tz: str | None,
                   readings: list[Reading]) -> Reading | None:
    """First seen on the capture `first_seen`, absent from the feed's capture `before` (a
    latest-N feed shows a new entry at once): posted between them. With less than a day
    between, one day fits; None otherwise."""
    # Of the sightings, only the first datetime is read (for its offset), and only without `tz`.
    dated = None if tz is not None else next((r.datetime for r in readings if r.datetime is not None), None)
    return _window(first_seen, before, clock, tz, dated)


@lru_cache(maxsize=4096)  # an entry is re-derived again and again with the same window (a Reading is immutable)
def _window(first_seen: str, before: str, clock: str, tz: str | None, dated: str | None) -> Reading | None:
    """`window_reading`, given the first datetime of the sightings (None: none, or a `tz`)."""
    day = window_day(wall(first_seen), wall(before), time.fromisoformat(clock))
    if day is None:
        return None
    evidence = (f"first seen on the capture of {first_seen[:16]}, not on the one of {before[:16]}: "
                "posted between them",)
    moment = _window_datetime(day, clock, tz, dated)
    return Reading(DateStatus.INFERRED, day.isoformat(), WINDOW_CONFIDENCE, evidence, first_seen, moment,
                   DateBasis.WINDOW, by_page=False)


def _window_datetime(day: date, clock: str, tz: str | None, dated: str | None) -> str:
    """`day` at `clock`: in the zone `tz`, else with the fixed offset of a printed zone label
    the sightings carry (`dated`, the first of their datetimes), else floating."""
    moment = datetime.combine(day, time.fromisoformat(clock))
    if tz is not None:
        from zoneinfo import ZoneInfo

        return moment.replace(tzinfo=ZoneInfo(tz)).isoformat()
    if dated is not None:
        return moment.replace(tzinfo=datetime.fromisoformat(dated).tzinfo).isoformat()
    return moment.isoformat()


def shown_time(best: Reading, clock: str | None, latest_clock: str | None) -> str | None:
    """The entry's local time: the best reading's, else its printed clock, else the latest page's."""
    if best.datetime is not None:
        return _clock_of(best.datetime)
    return clock or latest_clock


@lru_cache(maxsize=4096)  # an entry is re-derived again and again with the same datetime
def _clock_of(moment: str) -> str:
    """ "HH:MM" of a stored datetime."""
    return datetime.fromisoformat(moment).strftime("%H:%M")


def wall(iso: str) -> datetime:
    """A stored capture time as its wall clock (offset dropped)."""
    return datetime.fromisoformat(iso).replace(tzinfo=None)


def iso(moment: datetime | None) -> str | None:
    """A capture time or datetime as stored: ISO 8601 to the second."""
    return moment.isoformat(timespec="seconds") if moment is not None else None
