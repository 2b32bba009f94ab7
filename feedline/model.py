"""The values that flow through the pipeline: frozen, typed, free of I/O.

    Page ──> Stamp / Token ──> Entry (+ Source) ──> Timeline

Every stage returns new values; nothing here parses, prints or reads files.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date, datetime, time
from enum import StrEnum
from typing import Any

#: Version of the JSON document that `render.json` writes (bump on breaking changes).
FORMAT_VERSION = 2

Span = tuple[int, int]


class PageKind(StrEnum):
    TEXT = "text"
    HTML = "html"
    MARKDOWN = "markdown"  # read through the HTML it renders to (`markdown_page`)


class StampKind(StrEnum):
    CLOCK = "clock"  # a time of day only: "4:00 PM", "16.07 Uhr"
    DATETIME = "datetime"  # a time of day with (part of) a date: "8 января, 17:46"
    RELATIVE = "relative"  # an offset back from the capture time: "21 mins ago"


class Role(StrEnum):
    ORIGIN = "origin"  # who reported, said or published the information
    CITED = "cited"  # whom the origin cites ("..., citing Y")


class DateStatus(StrEnum):
    EXACT = "exact"  # printed in the stamp itself
    INFERRED = "inferred"  # derived from order, rollovers, headings, mentions or capture time
    PARTIAL = "partial"  # month and day known, year unknown
    UNKNOWN = "unknown"  # the page does not support a date


class DateBasis(StrEnum):
    """What an entry's date rests on (the first link of its evidence)."""

    STAMP = "stamp"  # the stamp prints the date ("8 января, 17:46", "Yesterday 9:15")
    MARKUP = "markup"  # the page's structured data, checked against the visible clock
    HEADING = "heading"  # a date heading above the entry
    PAGE_STAMP = "page-stamp"  # a byline / "Updated" / publication stamp of the page
    CAPTURE = "capture"  # read back from the capture time (or the page's modified time)
    MENTION = "mention"  # a date the entries' text reports
    WINDOW = "window"  # store: first seen on one capture, absent from the one before
    NONE = "none"  # nothing: the date is unknown


@dataclass(frozen=True, slots=True)
class TimeMark:
    """A `<time datetime>` element: what it shows and what its attribute claims."""

    text: str  # visible text, white space collapsed
    value: str  # the datetime attribute as written


@dataclass(frozen=True, slots=True)
class LiveUpdate:
    """A live-blog update as structured data describes it (JSON-LD or microdata)."""

    headline: str | None
    body: str | None
    published: str | None  # datePublished as written
    origin: str  # "json-ld liveBlogUpdate", "microdata liveBlogUpdate"


@dataclass(frozen=True, slots=True)
class Markup:
    """Time claims of a page's HTML, unverified (see `markup` and `dates`)."""

    published: str | None = None
    modified: str | None = None
    time_marks: tuple[TimeMark, ...] = ()
    updates: tuple[LiveUpdate, ...] = ()
    scripts: tuple[str, ...] = ()  # script texts that may hold items' times (`blobs`), read only when needed
    notes: tuple[str, ...] = ()  # what a size cap left unread (diagnostics of the timeline)
    # Short texts of elements the page names a player's time (`class="video-duration"`,
    # "vjs-current-time", `itemprop="duration"`): a clip's length or position, "4:11", not a
    # time of day.
    media_lengths: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Layout:
    """An HTML page's block boxes as spans of `Page.text`: how the page itself groups lines.

    Box `i` spans `starts[i]:ends[i]` of the text (leading line breaks included), lies inside
    box `parents[i]` (-1: none) and has the shape `shapes[i]` ("article.item": tag and first
    class). Text from `mark_at[k]` on, up to the next mark, lies directly in box `mark_box[k]`.
    """

    starts: tuple[int, ...]
    ends: tuple[int, ...]
    parents: tuple[int, ...]
    shapes: tuple[str, ...]
    mark_at: tuple[int, ...]
    mark_box: tuple[int, ...]

    def innermost(self, offset: int) -> int:
        """The innermost box holding the text at `offset` (-1: none)."""
        k = bisect_right(self.mark_at, offset) - 1
        return self.mark_box[k] if k >= 0 else -1


@dataclass(frozen=True, slots=True)
class Page:
    """A decoded page as block-structured text: one line per visual block."""

    text: str
    name: str = "-"  # path, or "-" for stdin / in-memory input
    kind: PageKind = PageKind.TEXT
    encoding: str = "utf-8"
    url: str | None = None
    title: str | None = None
    lang: str | None = None  # BCP 47 primary tag ("en", "de"), if declared or given
    # The declared or given tag when it names a region ("en-US", "pt-BR"): its customs, such as
    # the order of a numeric date, are the region's (see `tokens.Context.month_first`).
    locale: str | None = None
    markup: Markup | None = None  # HTML pages only
    # The decoded HTML (HTML pages read by feedline only): to read again what the page's CSS
    # hides when nothing visible is a feed. Not kept in the timelines `extract` returns.
    html: str | None = field(default=None, repr=False, compare=False)
    # Its block boxes (HTML pages read by feedline only): which lines the page groups as one
    # item. Not kept in the timelines `extract` returns.
    layout: Layout | None = field(default=None, repr=False, compare=False)
    # Its parsed document (`htmltree.ParsedHTML`, HTML pages read by feedline only): parsed
    # once, read again for the hidden content. Not kept in the timelines `extract` returns.
    parsed: Any = field(default=None, repr=False, compare=False)
    # When the input was saved (UTC): a file's modification time, or when stdin was read; None
    # for bytes and streams. An upper bound of the capture, where the page itself gives none.
    saved: datetime | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class Stamp:
    """A time stamp as printed, with what it states (and nothing it does not)."""

    text: str
    span: Span  # character offsets in Page.text
    kind: StampKind
    hour: int | None = None  # 0-23, local clock of the page (None for relative stamps)
    minute: int | None = None
    year: int | None = None
    month: int | None = None
    day: int | None = None
    relative_minutes: float | None = None  # "21 mins ago" -> 21.0
    days_ago: int | None = None  # a day word before the clock: "Yesterday 15:35" -> 1
    zone: str | None = None  # zone label as printed: "BST", "GMT", "EST"
    utc_offset_minutes: int | None = None  # offset stated by the label, when it is unambiguous
    twelve_hour: bool = False  # printed with am/pm
    weekday: int | None = None  # 0 = Monday, when the stamp names the day of the week ("Tue, Jan 2")


@dataclass(frozen=True, slots=True)
class Source:
    """Who an entry attributes its information to."""

    name: str  # as written, trimmed ("the Associated Press")
    canonical: str  # for grouping ("Associated Press")
    role: Role
    cue: str  # the words that attribute: "reported", "according to", "(Reuters)"
    span: Span  # character offsets in the entry's headline + "\n" + text


@dataclass(frozen=True, slots=True)
class DateFix:
    """An entry's reconstructed date and how it was reached."""

    status: DateStatus
    local_date: date | None = None
    month_day: tuple[int, int] | None = None  # when only the year is unknown
    confidence: float = 0.0  # 0..1
    evidence: tuple[str, ...] = ()
    basis: DateBasis = DateBasis.NONE

    @property
    def iso(self) -> str | None:
        """"YYYY-MM-DD", "--MM-DD" when only the year is unknown, else None."""
        if self.local_date is not None:
            return self.local_date.isoformat()
        if self.month_day is not None:
            return f"--{self.month_day[0]:02d}-{self.month_day[1]:02d}"
        return None


@dataclass(frozen=True, slots=True)
class Entry:
    """One feed item: its stamp, headline, text, date and sources."""

    id: str
    stamp: Stamp
    headline: str | None
    text: str
    span: Span  # offsets of the whole entry (stamp included) in Page.text
    feed: int  # index of the feed region the entry belongs to
    position: int  # order of appearance on the page
    local_time: time | None  # wall clock of the page
    date: DateFix
    datetime: datetime | None  # aware when the zone is known, naive ("floating") otherwise
    sources: tuple[Source, ...] = ()
    visible: bool = True  # False: an update only the page's structured data shows

    @property
    def floating(self) -> bool:
        """True when the datetime is a local clock reading of unknown zone."""
        return self.datetime is not None and self.datetime.tzinfo is None


@dataclass(frozen=True, slots=True)
class NotEntry:
    """A time-like string of the page that is no entry, and why (`extract(..., explain=True)`)."""

    text: str  # the line it is on, as printed (cut to a few dozen characters)
    span: Span  # of that line in Page.text
    reason: str


@dataclass(frozen=True, slots=True)
class Timeline:
    """The result of `feedline.extract`: a page's entries in chronological order."""

    page: Page
    entries: tuple[Entry, ...]
    now: datetime | None = None  # the capture time used, if any
    tz: str | None = None  # IANA zone of the page's clock, if known
    diagnostics: tuple[str, ...] = field(default=())
    not_entries: tuple[NotEntry, ...] = field(default=())  # with `explain`: time-like text left out, and why

    @property
    def mode(self) -> str:
        return "capture" if self.now is not None else "blind"
