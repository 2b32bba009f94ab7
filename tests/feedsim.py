"""A feed simulator: a known timeline, scraped again and again, as a cron job would.

    truth = simulate(seed=7, days=4)        # the ground truth: every entry, its date, its edits
    paths = write_snapshots(truth, folder)   # one file per capture, timestamp in the file name

A `Feed` posts entries (generated text, never corpus text) at random times from two days
before the first capture on: a busy feed every 6-40 minutes by day and hours apart by night,
sometimes two in the same minute; a quiet feed hours apart, now and then silent for more
than a day (its pages span days: a single page often misdates their older entries). Some
entries are edited later (a typo fixed, an update appended). A snapshot is the feed's page
at a capture time: the newest `window` entries, newest first, each in its text as of the
capture. Captures come every `capture_hours` (default 3), with jitter; every `blind_every`th
capture of the HTML feed is saved without a timestamp in its file name (blind).

`Truth.observed()` is what the captures can prove: the entries posted after their feed's
first capture (the first page also shows older entries, the feed's history).

Three feeds (`DEFAULT_FEEDS`) in two page styles:

- ``clock12``: HTML, a 12-hour clock on its own line ("4:00 PM"), the headline, the text;
  the page names its canonical URL;
- ``ticker24``: plain text, a 24-hour clock leading the headline ("16:07 Headline"), the
  text on the next line.

File names use the forms `feedline ingest` reads: ``newsdesk-2023-10-03T1800.html``,
``newsdesk-2023-10-03T18:05.html``, ``ticker/20231003-180500.txt``, ``ticker/1696345500.txt``
(unix seconds: the capture time read as this machine's local time).
"""
from __future__ import annotations

import bisect
import html
import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

START = datetime(2023, 10, 2, 0, 0)

_SUBJECTS = (
    "The harbour authority", "City council", "The regional governor", "Rail operators",
    "The central bank", "Farmers' unions", "The health ministry", "Local firefighters",
    "The port workers' union", "A coalition of charities", "The national weather office",
    "Airport managers", "The energy regulator", "School inspectors", "The coast guard",
    "Water engineers", "The transport ministry", "Bridge contractors", "The parliament speaker",
    "Museum curators", "Grain exporters", "The statistics office", "Police investigators",
    "The football federation",
)
_VERBS = (
    "approves", "delays", "announces", "rejects", "expands", "suspends", "reviews", "funds",
    "defends", "questions", "completes", "pauses", "revises", "unveils", "extends", "cancels",
    "backs", "inspects",
)
_OBJECTS = (
    "new ferry timetable", "flood barrier repairs", "grain storage plan", "night bus network",
    "tram line extension", "emergency shelter budget", "wind farm permits", "bridge toll rise",
    "hospital wing opening", "fishing quota talks", "school meal programme", "tax relief scheme",
    "rail freight corridor", "river dredging works", "solar roof subsidy", "airport runway study",
    "housing loan rules", "water pipe renewal", "cargo inspection rules", "border crossing hours",
    "library closure plan", "forest fire patrols",
)
_PLACES = (
    "in the north", "near the old port", "across the valley", "in the capital", "along the coast",
    "in three districts", "on the island", "in the eastern suburbs", "at the main station",
    "in the river delta", "for the whole region", "in the industrial zone",
)
_DETAILS = (
    "The decision affects about {n} thousand residents, {src} said.",
    "Officials expect the work to take {n} weeks, according to {src}.",
    "The cost is estimated at {n} million, {src} reported.",
    "Critics say the plan leaves {n} villages without service, {src} said.",
    "A vote is expected after {n} more hearings, {src} reported.",
    "The measure follows {n} complaints filed this year, according to {src}.",
)
_OPENINGS = (
    "The {thing} question has been debated for {n} months.",
    "Residents had asked for changes to the {thing} rules for years.",
    "It is decision number {n} on {thing} matters since the spring.",
    "The announcement came after a long meeting on {thing} costs.",
    "Observers had expected a different outcome on the {thing} file.",
    "Talks on the {thing} issue resumed earlier in the week.",
)
_SOURCES = ("Reuters", "the Associated Press", "Bloomberg", "local officials", "the ministry", "AFP")
_UPDATES = (
    "Update: officials later confirmed the figure.",
    "Update: a spokesperson declined to comment further.",
    "Update: the meeting has been moved to the afternoon.",
    "Update: more details are expected this evening.",
)


@dataclass(frozen=True, slots=True)
class Version:
    since: datetime  # shown from this capture time on
    headline: str
    text: str


@dataclass(frozen=True, slots=True)
class TrueEntry:
    """One entry of the ground truth: when it was posted and its versions over time."""

    feed: str
    when: datetime  # the page's wall clock (no zone)
    versions: tuple[Version, ...]

    def version_at(self, moment: datetime) -> Version:
        current = self.versions[0]
        for version in self.versions:
            if version.since <= moment:
                current = version
        return current


@dataclass(frozen=True, slots=True)
class Capture:
    feed: str
    moment: datetime
    blind: bool = False  # saved without a timestamp in its file name


@dataclass(frozen=True, slots=True)
class Feed:
    name: str  # the page identity feedline derives: a file-name stem, a folder or a URL
    style: str  # "clock12" or "ticker24"
    window: int = 20  # entries shown on a page
    url: str | None = None
    pace: str = "busy"  # "busy": every 6-40 minutes by day; "quiet": hours apart, some silent days


@dataclass
class Truth:
    feeds: tuple[Feed, ...]
    entries: list[TrueEntry] = field(default_factory=list)  # by feed, then time
    captures: list[Capture] = field(default_factory=list)  # by time
    _posted: dict[str, tuple[list[datetime], list[TrueEntry]]] = field(default_factory=dict, repr=False)

    def feed(self, name: str) -> Feed:
        return next(feed for feed in self.feeds if feed.name == name)

    def visible(self, capture: Capture) -> list[TrueEntry]:
        """The entries the page shows at `capture`, newest first."""
        if capture.feed not in self._posted:
            mine = sorted((e for e in self.entries if e.feed == capture.feed), key=lambda e: e.when)
            self._posted[capture.feed] = ([e.when for e in mine], mine)
        whens, mine = self._posted[capture.feed]
        end = bisect.bisect_right(whens, capture.moment)
        start = max(0, end - self.feed(capture.feed).window)
        return mine[start:end][::-1]

    def sightings(self) -> dict[int, list[Capture]]:
        """id(entry) -> the captures that show it, in time order."""
        shown: dict[int, list[Capture]] = {}
        for capture in self.captures:
            for entry in self.visible(capture):
                shown.setdefault(id(entry), []).append(capture)
        return shown

    def seen(self) -> list[TrueEntry]:
        """Entries shown on at least one capture."""
        shown = self.sightings()
        return [e for e in self.entries if id(e) in shown]

    def observed(self) -> list[TrueEntry]:
        """Entries posted after their feed's first timed capture and shown on a timed one: the
        timeline the captures can prove. (Older ones are the feed's history, which the first
        page shows with whatever dates extract gives it.)"""
        first = {f.name: min(c.moment for c in self.captures if c.feed == f.name and not c.blind)
                 for f in self.feeds}
        shown = self.sightings()
        return [e for e in self.entries if e.when > first[e.feed]
                and any(not c.blind for c in shown.get(id(e), []))]

    def expected_version(self, entry: TrueEntry, shown: dict[int, list[Capture]] | None = None) -> Version:
        """The text the store should show: as on the last timed capture that showed it."""
        timed = [c.moment for c in (shown or self.sightings())[id(entry)] if not c.blind]
        return entry.version_at(max(timed))


DEFAULT_FEEDS = (
    Feed("newsdesk", "clock12", window=20, url="https://news.example.org/live"),
    Feed("ticker", "ticker24", window=25),
    Feed("wire", "ticker24", window=10, pace="quiet"),
)


def simulate(seed: int = 7, days: float = 4, feeds: tuple[Feed, ...] = DEFAULT_FEEDS,
             capture_hours: float = 3.0, blind_every: int = 9) -> Truth:
    """A ground truth of `days` days of posting on each feed, and its capture schedule."""
    truth = Truth(feeds)
    phrases = _phrase_pool(random.Random(seed))
    for feed in feeds:  # posting and captures drawn apart: other schedules, the same posts
        truth.entries += _post(random.Random(f"{seed}/{feed.name}/posts"), feed, days, phrases)
        truth.captures += _captures(random.Random(f"{seed}/{feed.name}/captures"), feed, days, capture_hours,
                                    blind_every)
    truth.entries.sort(key=lambda e: (e.feed, e.when))
    truth.captures.sort(key=lambda c: (c.moment, c.feed))
    return truth


def _phrase_pool(rng: random.Random) -> list[tuple[str, str, str, str]]:
    pool = [(s, v, o, p) for s in _SUBJECTS for v in _VERBS for o in _OBJECTS for p in _PLACES]
    rng.shuffle(pool)
    return pool


def _post(rng: random.Random, feed: Feed, days: float, phrases: list) -> list[TrueEntry]:
    entries: list[TrueEntry] = []
    moment = START - timedelta(days=2) + timedelta(minutes=rng.randint(0, 120))
    end = START + timedelta(days=days)
    while moment < end:
        entries.append(_entry(rng, feed, moment, phrases.pop()))
        moment += timedelta(minutes=_gap(rng, moment) if feed.pace == "busy" else _quiet_gap(rng))
    return entries


def _gap(rng: random.Random, moment: datetime) -> int:
    """Minutes to the next post: 0 now and then (the same minute), long at night."""
    if rng.random() < 0.04:
        return 0
    if moment.hour < 6:
        return rng.randint(60, 420)
    return rng.randint(6, 40)


def _quiet_gap(rng: random.Random) -> int:
    """Minutes to the next post of a quiet feed: hours, and now and then more than a day."""
    if rng.random() < 0.1:
        return rng.randint(1500, 2000)
    return rng.randint(60, 900)


def _entry(rng: random.Random, feed: Feed, moment: datetime, phrase: tuple) -> TrueEntry:
    subject, verb, obj, place = phrase
    headline = f"{subject} {verb} {obj} {place}"
    detail = rng.choice(_DETAILS).format(n=rng.randint(2, 90), src=rng.choice(_SOURCES))
    opening = rng.choice(_OPENINGS).format(n=rng.randint(2, 40), thing=obj.split()[-1])
    text = f"{opening} {detail}"
    versions = [Version(moment, headline, text)]
    roll = rng.random()
    if roll < 0.05:  # posted with a typo, fixed later
        versions = [Version(moment, headline, _typo(text)),
                    Version(moment + timedelta(minutes=rng.randint(10, 150)), headline, text)]
    elif roll < 0.10:  # an update appended later
        update = f"{text} {rng.choice(_UPDATES)}"
        versions.append(Version(moment + timedelta(minutes=rng.randint(10, 200)), headline, update))
    return TrueEntry(feed.name, moment, tuple(versions))


def _typo(text: str) -> str:
    """`text` with two letters of its longest word swapped."""
    words = text.split(" ")
    longest = max(range(len(words)), key=lambda i: len(words[i]))
    word = words[longest]
    words[longest] = word[:2] + word[3] + word[2] + word[4:]
    return " ".join(words)


def _captures(rng: random.Random, feed: Feed, days: float, hours: float, blind_every: int) -> list[Capture]:
    captures: list[Capture] = []
    moment = START + timedelta(hours=4, minutes=rng.randint(0, 59))
    end = START + timedelta(days=days)
    count = 0
    while moment < end:
        count += 1
        blind = blind_every > 0 and feed.url is not None and count % blind_every == 0
        captures.append(Capture(feed.name, moment, blind))
        jitter = rng.randint(-1, 1) * rng.random() * hours * 12  # up to a fifth of the interval
        moment += timedelta(minutes=hours * 60 + jitter, seconds=rng.randint(0, 59))
    return captures


# ── pages ──────────────────────────────────────────────────────────────────────────────────


def render_page(truth: Truth, capture: Capture) -> str:
    """The page of `capture.feed` as it looked at `capture.moment`."""
    feed = truth.feed(capture.feed)
    shown = [(e, e.version_at(capture.moment)) for e in truth.visible(capture)]
    if feed.style == "clock12":
        return _clock12(feed, shown)
    return _ticker24(feed, shown)


def _clock12(feed: Feed, shown: list[tuple[TrueEntry, Version]]) -> str:
    items = "\n".join(
        f'<article class="post"><div class="time">{_twelve(e.when)}</div>'
        f"<h3>{html.escape(v.headline)}</h3><p>{html.escape(v.text)}</p></article>"
        for e, v in shown
    )
    return (
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>Live: the news as it happens</title><link rel=\"canonical\" href=\"{feed.url}\">"
        "</head><body>\n<nav><a href=\"#main\">Skip to content</a></nav>\n"
        "<h1>Live: the news as it happens</h1>\n<main id=\"main\">\n"
        f"{items}\n</main>\n<footer><p>MORE NEWS</p><p>Follow us on social media</p></footer>\n"
        "</body></html>\n"
    )


def _ticker24(feed: Feed, shown: list[tuple[TrueEntry, Version]]) -> str:
    lines = ["Regional ticker", "", "Latest"]
    for e, v in shown:
        lines += ["", f"{e.when:%H:%M} {v.headline}", v.text]
    lines += ["", "Subscribe", ""]
    return "\n".join(lines)


def _twelve(moment: datetime) -> str:
    hour = moment.hour % 12 or 12
    return f"{hour}:{moment.minute:02d} {'AM' if moment.hour < 12 else 'PM'}"


# ── files ──────────────────────────────────────────────────────────────────────────────────


def file_name(feed: Feed, capture: Capture, index: int) -> str:
    """A path relative to the snapshot folder, in one of the time stamp forms of ingest."""
    moment = capture.moment
    if feed.style == "clock12":
        if capture.blind:
            return f"{feed.name}-copy{index}.html"
        if index % 2:
            return f"{feed.name}-{moment:%Y-%m-%dT%H%M}.html"
        return f"{feed.name}-{moment:%Y-%m-%dT%H:%M}.html"
    if index % 3 == 0:
        return f"{feed.name}/{int(moment.timestamp())}.txt"  # unix seconds (moment read as local time)
    return f"{feed.name}/{moment:%Y%m%d-%H%M%S}.txt"


def write_snapshots(truth: Truth, folder: Path, captures: list[Capture] | None = None) -> list[Path]:
    """Write one file per capture under `folder`; the paths, in capture order."""
    paths = []
    for index, capture in enumerate(captures if captures is not None else truth.captures):
        feed = truth.feed(capture.feed)
        path = folder / file_name(feed, capture, index)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render_page(truth, capture), encoding="utf-8")
        paths.append(path)
    return paths

