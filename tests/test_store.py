"""The timeline store (`feedline.store`) and its commands (`feedline.store_cli`).

- unit rules: file-name time stamps, page identity, text likeness, the capture window;
- the identity rule on hand-made timelines: one row per entry, edits, same-minute entries,
  recurrences, printed dates, relative stamps, and dates that improve with more scrapes;
- the feed simulator (tests/feedsim.py): every snapshot ingested reproduces the ground truth,
  byte-identical exports in any order, a killed ingest, concurrent ingests, a busy database;
- the commands, on a `typer.Typer()` of our own with `register` called on it.
"""
from __future__ import annotations

import hashlib
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time as clock
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

import feedsim
from feedline.errors import StoreBusyError
from feedline.model import DateBasis, DateFix, DateStatus, Entry, Page, Role, Source, Stamp, StampKind, Timeline
from feedline.ingest import (
    CaptureSource,
    Clock,
    PageInput,
    extract_page,
    extractor,
    ingest_page,
    ingest_pages,
    name_stamp,
    page_clock,
    page_inputs,
    page_key,
)
from feedline.store import SCHEMA_VERSION, Query, Store
from feedline.store_cli import register, render_export
from feedline.store_dates import Reading, best_reading, window_day
from feedline.store_identity import fold, similarity

runner = CliRunner()
SIM_DAYS = 3
URL = "https://news.example.org/live"
APP_SCRIPT = """
import sys, time
import typer
import feedline.ingest as ingest
import feedline.store as store
from feedline.store_cli import register

delay = float(sys.argv.pop(1))
if delay:
    ingest.BATCH_PAGES = 4  # many batches, so that a kill lands in one
    write = store.Store._write
    def slow(self, changes, shown):
        time.sleep(delay * len(shown))  # inside the transaction, per page: a kill lands mid-batch
        return write(self, changes, shown)
    store.Store._write = slow

app = typer.Typer(add_completion=False, pretty_exceptions_enable=False)
@app.callback()
def root() -> None:
    pass
register(app)
app()
"""


def make_app() -> typer.Typer:
    app = typer.Typer(add_completion=False, pretty_exceptions_enable=False)

    @app.callback()
    def root() -> None:
        """feedline (test app)"""

    register(app)
    return app


APP = make_app()


# ── unit rules ──────────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("snap/2023-10-03T1800.html", datetime(2023, 10, 3, 18, 0)),
        ("snap/news-2023-10-03T18:05.html", datetime(2023, 10, 3, 18, 5)),
        ("20231003-180500.html", datetime(2023, 10, 3, 18, 5, 0)),
        ("feed_2023-10-03_18-05-30.txt", datetime(2023, 10, 3, 18, 5, 30)),
        ("20231003T1805.txt", datetime(2023, 10, 3, 18, 5)),
        ("x-2023-10-03T18:05+03:00.html", datetime(2023, 10, 3, 18, 5, tzinfo=timezone(timedelta(hours=3)))),
        ("1696345500.html", datetime.fromtimestamp(1696345500, timezone.utc)),
        ("2023-10-03T1800/page.html", None),  # only the file's own name counts
        ("report-2023.html", None),
        ("20231399-999999.txt", None),
        ("12345678901.txt", None),
        ("page.html", None),
    ],
    ids=lambda v: str(v),
)
def test_name_stamp(name: str, expected: datetime | None) -> None:
    found = name_stamp(name)
    assert (found[0] if found else None) == expected


def test_unix_names_are_read_in_this_machines_zone() -> None:
    moment = name_stamp("1696345500.txt")[0]  # type: ignore[index]
    assert moment.utcoffset() == datetime.fromtimestamp(1696345500).astimezone().utcoffset()


def test_the_clock_rule_takes_only_this_machines_times_for_the_pages_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """page_clock: a capture time on this machine's clock (a unix-seconds name, an mtime) is the
    page's wall clock in this machine's zone; an instant (a WARC-Date, a fetch) never is; --tz
    converts both."""
    import time as clock

    monkeypatch.setenv("TZ", "Asia/Tokyo")
    clock.tzset()
    try:
        mine = datetime(2023, 10, 3, 18, 5, 30, 999, tzinfo=timezone(timedelta(hours=9)))
        named = page_clock(PageInput("1696345500.txt", mine, CaptureSource.NAME), None)
        assert (named.captured, named.now, named.tz) == (mine.replace(microsecond=0),
                                                         datetime(2023, 10, 3, 18, 5, 30), "Asia/Tokyo")
        warc = page_clock(PageInput("a.warc#0", mine, CaptureSource.WARC, instant=True), None)
        assert (warc.now, warc.tz) == (mine.replace(microsecond=0), None)
        kyiv = page_clock(PageInput("1696345500.txt", mine, CaptureSource.NAME), "Europe/Kyiv")
        assert kyiv.now is not None and kyiv.now.isoformat() == "2023-10-03T12:05:30+03:00" and kyiv.tz == "Europe/Kyiv"
        assert page_clock(PageInput("x.html", None, CaptureSource.NONE), None) == Clock(None, None, None)
    finally:
        monkeypatch.undo()
        clock.tzset()


@pytest.mark.parametrize(
    ("name", "url", "key"),
    [
        ("snap/bloomberg-2023-10-03T1800.html", None, "bloomberg"),
        ("snap/bloomberg-20231003-180500.html", None, "bloomberg"),
        ("snap/2023-10-03T1800.html", None, "snap"),
        ("feeds/ticker/1696345500.txt", None, "ticker"),
        ("anything-2023-10-03T1800.html", URL, URL),
        ("-", None, "-"),
        ("page.html", None, "page"),
    ],
)
def test_page_key(name: str, url: str | None, key: str) -> None:
    assert page_key(name, url) == key


@pytest.mark.parametrize(
    ("first", "before", "at", "day"),
    [
        ("2023-10-03T16:05", "2023-10-03T13:00", "16:00", date(2023, 10, 3)),  # the example
        ("2023-10-03T01:00", "2023-10-02T22:00", "23:30", date(2023, 10, 2)),  # across midnight
        ("2023-10-03T16:05", "2023-10-03T13:00", "12:00", None),  # the clock is not in the window
        ("2023-10-03T16:05", "2023-10-02T16:05", "16:00", None),  # a day or more apart: two days fit
        ("2023-10-03T16:05", "2023-10-03T16:05", "16:00", None),
    ],
)
def test_window_day(first: str, before: str, at: str, day: date | None) -> None:
    assert window_day(datetime.fromisoformat(first), datetime.fromisoformat(before), time.fromisoformat(at)) == day


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Council approves the budget for the harbour bridge after a long debate.",
         "Council approves the budget for the harbour brigde after a long debate.", True),  # typo
        ("Council approves the budget for the harbour bridge after a long debate.",
         "Council approves the budget for the harbour bridge after a long debate. Update: it passed 12-3.", True),
        ("UPDATE: Council approves the budget for the harbour bridge after a long debate.",
         "Council approves the budget for the harbour bridge after a long debate.", True),
        ("Council approves the budget for the harbour bridge after a long debate.",
         "Rail operators delay the night bus network in the eastern suburbs.", False),
        ("Sirens in the north.", "Sirens in the south.", False),  # short texts need more than 90 %
    ],
    ids=["typo", "appended", "prepended", "different", "short"],
)
def test_similarity(a: str, b: str, same: bool) -> None:
    assert (similarity(fold(None, a), fold(None, b)) >= 0.9) is same


def test_best_reading_prefers_status_then_confidence_then_fresher_page() -> None:
    def reading(status: DateStatus, day: str, confidence: float, seen: str | None) -> Reading:
        return Reading(status, day, confidence, (day,), seen, None)

    exact = reading(DateStatus.EXACT, "2023-10-01", 1.0, "2023-10-05T00:00")
    fresh = reading(DateStatus.INFERRED, "2023-10-02", 0.85, "2023-10-02T10:00")
    stale = reading(DateStatus.INFERRED, "2023-10-03", 0.85, "2023-10-04T10:00")
    heading = reading(DateStatus.INFERRED, "2023-10-04", 0.9, "2023-10-04T10:00")
    partial = reading(DateStatus.PARTIAL, "--10-02", 0.9, "2023-10-02T10:00")
    unknown = reading(DateStatus.UNKNOWN, None, 0.0, None)  # type: ignore[arg-type]
    assert best_reading([stale, fresh, unknown]) == fresh
    assert best_reading([stale, fresh, heading]) == heading
    assert best_reading([partial, stale, exact]) == exact
    assert best_reading([partial, unknown]) == partial


def test_of_the_dates_read_back_from_a_capture_only_the_earliest_capture_counts() -> None:
    """A later page has every silence of the earlier one between the entry and its capture,
    and more: when the earliest says the day is unproven, a later reading cannot prove it."""
    def reading(status: DateStatus, day: str | None, confidence: float, seen: str | None,
                basis: DateBasis) -> Reading:
        return Reading(status, day, confidence, ("x",), seen, None, basis)

    first = reading(DateStatus.UNKNOWN, None, 0.0, "2023-10-02T04:00", DateBasis.CAPTURE)
    later = reading(DateStatus.INFERRED, "2023-10-01", 0.85, "2023-10-03T04:00", DateBasis.CAPTURE)
    heading = reading(DateStatus.INFERRED, "2023-09-30", 0.9, "2023-10-03T04:00", DateBasis.HEADING)
    blind = reading(DateStatus.INFERRED, "2023-10-01", 0.6, None, DateBasis.CAPTURE)
    assert best_reading([later, first]) == first
    assert best_reading([later, first, heading]) == heading  # another basis still competes
    assert best_reading([blind, later]) == later  # a blind page's hint is later than any capture
    assert best_reading([blind]) == blind


def test_a_version_1_store_is_migrated_in_place(tmp_path: Path) -> None:
    from feedline.store_schema import MIGRATIONS, statements

    db = tmp_path / "v1.db"
    conn = sqlite3.connect(db)
    for statement in statements(MIGRATIONS[0]):
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    with Store.open(db) as opened:
        assert opened.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 4
        columns = {row[1] for row in opened.conn.execute("PRAGMA table_info(sightings)")}
        assert "date_basis" in columns
        assert {"pid", "host"} <= {row[1] for row in opened.conn.execute("PRAGMA table_info(runs)")}
        assert opened.conn.execute("SELECT count(*) FROM run_failures").fetchone()[0] == 0
        add(opened, [Item("16:00", TEXT, D2)], at(D2, "16:05"))
        [only] = opened.entries()
        assert only.entry.date.local_date == D2 and only.entry.date.basis is DateBasis.NONE  # the test page's


# ── the identity rule, on hand-made timelines ──────────────────────────────────────────────


@dataclass(frozen=True)
class Item:
    """An entry of a hand-made page."""

    clock: str  # "16:00", or a relative stamp "21 mins ago"
    text: str
    day: date | None = None
    status: DateStatus = DateStatus.INFERRED
    confidence: float = 0.85
    headline: str | None = None
    sources: tuple[Source, ...] = ()


def page(items: list[Item], now: datetime | None) -> Timeline:
    entries = []
    for position, item in enumerate(items):
        relative = item.clock.endswith("ago")
        if relative:
            minutes = float(item.clock.split()[0]) * (60 if "hr" in item.clock else 1)
            moment = now - timedelta(minutes=minutes) if now else None  # type: ignore[operator]
            local = moment.time().replace(second=0) if moment else None
            day = moment.date() if moment else None
            stamp = Stamp(item.clock, (0, 1), StampKind.RELATIVE, relative_minutes=minutes)
        else:
            local, day = time.fromisoformat(item.clock), item.day
            stamp = Stamp(item.clock, (0, 5), StampKind.CLOCK, hour=local.hour, minute=local.minute)
        status = item.status if day else DateStatus.UNKNOWN
        fix = DateFix(status, day, confidence=item.confidence if day else 0.0, evidence=(f"test {status}",))
        entries.append(Entry(
            id=str(position), stamp=stamp, headline=item.headline, text=item.text, span=(0, 10), feed=0,
            position=position, local_time=local, date=fix,
            datetime=datetime.combine(day, local) if day and local else None, sources=item.sources,
        ))
    return Timeline(Page("…", name="feed.txt", url=URL), tuple(entries), now=now)


def add(store: Store, items: list[Item], now: datetime | None) -> None:
    timeline = page(items, now)
    digest = hashlib.sha256(repr((items, now)).encode()).hexdigest()
    store.add_page(timeline, name="feed.txt", digest=digest, source=CaptureSource.NAME)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "t.db") as opened:
        yield opened


D1, D2, D3 = date(2023, 10, 1), date(2023, 10, 2), date(2023, 10, 3)
TEXT = "The harbour authority approves the new ferry timetable after a long review of costs."
OTHER = "Rail operators delay the night bus network in the eastern suburbs, officials said."


def at(day: date, hhmm: str) -> datetime:
    return datetime.combine(day, time.fromisoformat(hhmm))


def test_the_same_entry_in_many_snapshots_is_one_row(store: Store) -> None:
    for hour in ("16:05", "18:00", "20:00"):
        add(store, [Item("16:00", TEXT, D2)], at(D2, hour))
    [only] = store.entries()
    assert (only.times_seen, only.revisions, only.first_seen, only.last_seen) == (
        3, 1, "2023-10-02T16:05:00", "2023-10-02T20:00:00")


@pytest.mark.parametrize("order", ["forward", "backward"])
def test_an_edited_entry_stays_one_entry_with_its_revisions(store: Store, order: str) -> None:
    typo = TEXT.replace("timetable", "timetalbe")
    update = TEXT + " Update: the council confirmed the figure."
    pages = [(typo, "16:05"), (TEXT, "17:00"), (update, "18:00")]
    for text, hour in (pages if order == "forward" else pages[::-1]):
        add(store, [Item("16:00", text, D2)], at(D2, hour))
    [only] = store.entries()
    assert only.revisions == 3 and only.entry.text == update
    (rows,) = store.conn.execute("SELECT count(*) FROM revisions").fetchone()
    assert rows == 3


def test_two_entries_with_the_same_minute_stay_two(store: Store) -> None:
    add(store, [Item("16:00", TEXT, D2), Item("16:00", OTHER, D2)], at(D2, "16:05"))
    add(store, [Item("16:00", OTHER, D2), Item("16:00", TEXT, D2)], at(D2, "17:05"))
    assert sorted(s.entry.text for s in store.entries()) == sorted([TEXT, OTHER])
    assert {s.times_seen for s in store.entries()} == {2}


def test_a_page_showing_an_item_twice_has_two_entries(store: Store) -> None:
    add(store, [Item("16:00", TEXT, D2), Item("16:00", TEXT, D2)], at(D2, "16:05"))
    add(store, [Item("16:00", TEXT, D2), Item("16:00", TEXT, D2)], at(D2, "17:05"))
    assert [s.times_seen for s in store.entries()] == [2, 2]


def test_the_same_text_on_another_day_is_another_entry(store: Store) -> None:
    """A daily item ("09:00 Markets open") that scrolled off in between recurs: two entries."""
    add(store, [Item("09:00", TEXT, D1)], at(D1, "09:30"))
    add(store, [Item("12:00", OTHER, D1)], at(D1, "18:00"))  # the feed moved on
    add(store, [Item("09:00", TEXT, D2)], at(D2, "09:30"))
    assert [s.entry.date.local_date for s in store.entries()] == [D1, D1, D2]


def test_a_stale_misdated_sighting_joins_its_entry_and_loses(store: Store) -> None:
    """A later page misreads an old entry's day (a missed rollover): still one entry, fresh date."""
    add(store, [Item("23:40", TEXT, D1)], at(D2, "00:30"))
    add(store, [Item("09:00", OTHER, D2), Item("23:40", TEXT, D2)], at(D2, "09:30"))
    entries = store.entries()
    assert len(entries) == 2
    assert next(s for s in entries if s.entry.text == TEXT).entry.date.local_date == D1


def test_two_printed_dates_keep_entries_apart(store: Store) -> None:
    add(store, [Item("09:00", TEXT, D1, DateStatus.EXACT, 1.0), Item("09:00", TEXT, D2, DateStatus.EXACT, 1.0)],
        None)
    add(store, [Item("09:00", TEXT, D2, DateStatus.EXACT, 1.0)], at(D3, "10:00"))
    entries = store.entries()
    assert [(s.entry.date.local_date, s.times_seen) for s in entries] == [(D1, 1), (D2, 2)]


def test_relative_stamps_are_one_entry_until_the_page_prints_the_clock(store: Store) -> None:
    add(store, [Item("21 mins ago", TEXT)], at(D2, "16:30"))
    add(store, [Item("1 hr ago", TEXT)], at(D2, "17:10"))
    add(store, [Item("16:09", TEXT, D2)], at(D2, "19:00"))  # sites switch to clocks after an hour
    [only] = store.entries()
    assert only.times_seen == 3 and only.entry.local_time == time(16, 9)


def test_a_blind_sighting_gets_its_date_from_a_timed_one(store: Store) -> None:
    add(store, [Item("16:00", TEXT)], None)
    [blind] = store.entries()
    assert blind.entry.date.status is DateStatus.UNKNOWN
    add(store, [Item("16:00", TEXT, D2)], at(D2, "18:00"))
    [dated] = store.entries()
    assert (dated.entry.date.local_date, dated.times_seen) == (D2, 2)


def test_first_seen_between_two_captures_dates_the_entry(store: Store) -> None:
    """Captured at 16:05, absent at 13:00, stamped 4:00 PM: certainly from that day."""
    add(store, [Item("12:00", OTHER, D3, confidence=0.6)], at(D3, "13:00"))
    add(store, [Item("16:00", TEXT, D2, confidence=0.6), Item("12:00", OTHER, D3, confidence=0.6)],
        at(D3, "16:05"))
    fresh = next(s for s in store.entries() if s.entry.text == TEXT)
    assert fresh.entry.date.local_date == D3 and fresh.entry.date.confidence == 0.9
    assert "not on the one of 2023-10-03T13:00" in fresh.entry.date.evidence[0]


def test_a_heading_on_a_later_page_fixes_an_earlier_guess(store: Store) -> None:
    add(store, [Item("16:00", TEXT, D2, confidence=0.6)], at(D2, "16:05"))
    [guessed] = store.entries()
    add(store, [Item("16:00", TEXT, D1, confidence=0.9)], at(D2, "20:05"))  # e.g. a date heading
    [only] = store.entries()
    assert only.entry.date.local_date == D1
    assert only.entry.id == guessed.entry.id  # the stable id does not move with the date


def test_sources_follow_the_text_shown(store: Store) -> None:
    reuters = (Source("Reuters", "Reuters", Role.ORIGIN, "reported", (0, 7)),)
    add(store, [Item("16:00", TEXT, D2)], at(D2, "16:05"))
    add(store, [Item("16:00", TEXT + " Reuters reported.", D2, sources=reuters)], at(D2, "17:05"))
    [only] = store.entries()
    assert [s.canonical for s in only.entry.sources] == ["Reuters"]
    assert [s.entry.text for s in store.entries(Query(source="reut"))] == [only.entry.text]
    assert store.entries(Query(source="Bloomberg")) == []


def test_the_same_page_twice_changes_nothing(store: Store) -> None:
    add(store, [Item("16:00", TEXT, D2)], at(D2, "16:05"))
    before = store.entries()
    add(store, [Item("16:00", TEXT, D2)], at(D2, "16:05"))
    assert store.entries() == before
    assert store.stats()["pages"] == 1


# ── the feed simulator ─────────────────────────────────────────────────────────────────────


@dataclass
class Sim:
    truth: feedsim.Truth
    folder: Path
    paths: list[Path]
    db: Path
    export: str


def ingest_folder(db: Path, pages: list, *, shuffle: int | None = None) -> str:
    """Ingest `pages` (PageInputs) in-process, in their order or shuffled; the JSON export."""
    if shuffle is not None:
        pages = pages[:]
        random.Random(shuffle).shuffle(pages)
    with Store.open(db) as opened:
        outcomes = list(ingest_pages(opened, pages, extractor()))
        assert all(o.error is None for o in outcomes), [o.error for o in outcomes if o.error]
        return render_export(opened.entries(), "json", Query())


@pytest.fixture(scope="module")
def sim(tmp_path_factory: pytest.TempPathFactory) -> Sim:
    folder = tmp_path_factory.mktemp("sim")
    truth = feedsim.simulate(seed=11, days=SIM_DAYS)
    paths = feedsim.write_snapshots(truth, folder / "snap")
    db = folder / "feed.db"
    result = runner.invoke(APP, ["ingest", "--db", str(db), str(folder / "snap"), "--quiet"])
    assert result.exit_code == 0, result.output
    export = runner.invoke(APP, ["export", "--db", str(db)])
    assert export.exit_code == 0, export.output
    return Sim(truth, folder, paths, db, export.stdout)


def feed_key(truth: feedsim.Truth, name: str) -> str:
    return truth.feed(name).url or name


def test_the_simulator_renders_pages_extract_reads(sim: Sim) -> None:
    """Each snapshot: the entries the page shows, newest first, in two page styles."""
    from feedline.pipeline import extract

    styles = set()
    for capture, path in list(zip(sim.truth.captures, sim.paths))[10:16]:
        styles.add(sim.truth.feed(capture.feed).style)
        timeline = extract(path, now=None if capture.blind else capture.moment)
        shown = sim.truth.visible(capture)
        assert len(timeline.entries) == len(shown)
        assert {e.local_time.strftime("%H:%M") for e in timeline.entries} == {t.when.strftime("%H:%M") for t in shown}
    assert len(sim.paths) > 50 and len(sim.truth.observed()) > 250


def test_ingesting_every_snapshot_reproduces_the_ground_truth(sim: Sim) -> None:
    with Store.open(sim.db) as opened:
        stored = opened.entries()
        readings = opened.conn.execute(
            "SELECT e.uid, s.local_date FROM sightings s JOIN entries e ON e.id = s.entry_id").fetchall()
    shown = sim.truth.sightings()
    by_key: dict[tuple, list] = {}
    for item in stored:
        by_key.setdefault((item.feed_key, item.entry.local_time, item.entry.headline), []).append(item)
    assert all(len(found) == 1 for found in by_key.values()), "duplicates"
    assert len(stored) == len(sim.truth.seen())  # every entry any page showed, once
    dates = texts = 0
    ambiguous = set()
    page_dates: dict[str, set] = {}
    for uid, day in readings:
        page_dates.setdefault(uid, set()).add(day)
    observed = sim.truth.observed()
    for truth in observed:
        version = sim.truth.expected_version(truth, shown)
        key = (feed_key(sim.truth, truth.feed), truth.when.time(), version.headline)
        [item] = by_key[key]
        dates += item.entry.date.local_date == truth.when.date()
        texts += item.entry.text == version.text
        if page_dates[item.entry.id] != {truth.when.date().isoformat()}:
            ambiguous.add(item.entry.id)  # some single page gave another date, or none
    assert (dates, texts) == (len(observed), len(observed))
    assert len(ambiguous) >= 20, "the simulation should hold entries a single page dates wrongly"


def stored_dates(truth: feedsim.Truth, db: Path) -> dict[str, list[tuple[str, feedsim.TrueEntry, DateFix]]]:
    """Every entry any page showed, with the date the store gives it, by kind: "observed"
    (posted after its feed's first timed capture), "blind" (shown only on pages saved without
    a capture time) or "history" (older than the first capture: its first page's)."""
    with Store.open(db) as opened:
        stored = {(s.feed_key, s.entry.local_time, s.entry.headline): s for s in opened.entries()}
    observed = {id(e) for e in truth.observed()}
    shown = truth.sightings()
    kinds: dict[str, list] = {"observed": [], "blind": [], "history": []}
    for entry in truth.seen():
        timed = any(not c.blind for c in shown[id(entry)])
        version = truth.expected_version(entry, shown) if timed else entry.versions[0]
        item = stored[(feed_key(truth, entry.feed), entry.when.time(), version.headline)]
        kind = "observed" if id(entry) in observed else "history" if timed else "blind"
        kinds[kind].append((entry.feed, entry, item.entry.date))
    return kinds


@pytest.mark.parametrize("seed", [3, 5, 17, 23, 31])
def test_every_date_the_captures_prove_and_no_confident_guess_about_history(seed: int, tmp_path: Path) -> None:
    """Entries posted between captures: 100% of dates, whatever the seed. The history a feed
    shows on its first pages: the busy feeds' dated (rollovers), the quiet feed's left
    unproven (a silence of a day more shows the same clocks); a wrong date only as a guess
    (a quiet feed's page that reads as an unsorted list: confidence 0.6)."""
    truth = feedsim.simulate(seed=seed, days=SIM_DAYS)
    feedsim.write_snapshots(truth, tmp_path / "snap")
    ingest_folder(tmp_path / "feed.db", list(page_inputs([str(tmp_path / "snap")])))
    kinds = stored_dates(truth, tmp_path / "feed.db")
    assert all(fix.local_date == entry.when.date() for _, entry, fix in kinds["observed"])
    assert all(fix.local_date is None for _, _, fix in kinds["blind"])  # nothing dates them
    busy = [(entry, fix) for feed, entry, fix in kinds["history"] if truth.feed(feed).pace == "busy"]
    assert busy and all(fix.local_date == entry.when.date() for entry, fix in busy)
    for _, entry, fix in kinds["history"]:
        assert fix.local_date in (entry.when.date(), None) or fix.confidence < 0.85, (entry.when, fix)


def test_edited_entries_keep_their_revisions(sim: Sim) -> None:
    with Store.open(sim.db) as opened:
        stored = {(s.feed_key, s.entry.local_time, s.entry.headline): s for s in opened.entries()}
    edited = 0
    for truth in sim.truth.seen():
        key = (feed_key(sim.truth, truth.feed), truth.when.time(), truth.versions[0].headline)
        assert stored[key].revisions <= len(truth.versions)
        edited += stored[key].revisions > 1
    assert edited >= 5


def test_twice_or_shuffled_gives_the_same_export_byte_for_byte(sim: Sim, tmp_path: Path) -> None:
    pages = page_inputs([str(sim.folder / "snap")])
    shuffled = ingest_folder(tmp_path / "shuffled.db", pages, shuffle=5)
    assert shuffled == sim.export
    again = ingest_folder(tmp_path / "shuffled.db", pages, shuffle=6)  # everything a second time
    assert again == sim.export
    with Store.open(tmp_path / "shuffled.db") as opened:
        assert opened.stats()["pages"] == len(sim.paths)


def test_the_export_has_extracts_fields_and_no_generation_time(sim: Sim) -> None:
    document = json.loads(sim.export)
    assert set(document) == {"format_version", "generator", "store", "query", "entries"}
    entry = document["entries"][0]
    assert {"id", "time_text", "local_date", "datetime", "headline", "text", "sources", "date_status",
            "confidence", "evidence", "feed", "region", "first_seen", "last_seen", "times_seen", "revisions"} <= set(entry)
    assert [e["position"] for e in document["entries"]] == list(range(len(document["entries"])))


def test_the_database_grows_with_entries_not_with_snapshots(sim: Sim, tmp_path: Path) -> None:
    """The same snapshots at other capture times add page rows only."""
    with Store.open(sim.db) as opened:
        before = opened.stats()
    copy = tmp_path / "copy"
    for path in sim.paths[:30]:
        found = name_stamp(path.name)
        if found is not None:  # the same bytes, captured a minute later
            (start, end), later = found[1], found[0] + timedelta(minutes=1)
            target = copy / path.relative_to(sim.folder / "snap")
            target.parent.mkdir(parents=True, exist_ok=True)
            name = path.name[:start] + later.strftime("%Y-%m-%dT%H%M%S") + path.name[end:]
            target.with_name(name).write_bytes(path.read_bytes())
    db = tmp_path / "grow.db"
    with Store.open(db) as opened:
        list(ingest_pages(opened, page_inputs([str(sim.folder / "snap")]), extractor()))
        list(ingest_pages(opened, page_inputs([str(copy)]), extractor()))
        after = opened.stats()
    assert after["entries"] == before["entries"] and after["revisions"] == before["revisions"]
    assert after["sightings"] <= before["sightings"] * 1.1


# ── crashes, concurrency, locks, versions ──────────────────────────────────────────────────


def app_command(tmp_path: Path, delay: float, *args: str) -> list[str]:
    script = tmp_path / "app.py"
    script.write_text(APP_SCRIPT, encoding="utf-8")
    return [sys.executable, str(script), str(delay), *args]


def invariants(db: Path) -> None:
    """integrity ok; every stored page is whole: its entries are all counted in the sightings."""
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        shown = conn.execute("SELECT coalesce(sum(entries), 0) FROM pages").fetchone()[0]
        counted = conn.execute("SELECT coalesce(sum(times_seen), 0) FROM sightings").fetchone()[0]
        assert shown == counted
        assert conn.execute("SELECT count(*) FROM pages GROUP BY content_hash, captured_at HAVING count(*) > 1"
                            ).fetchall() == []
    finally:
        conn.close()


def export_of(db: Path) -> str:
    result = runner.invoke(APP, ["export", "--db", str(db)])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_a_killed_ingest_loses_at_most_the_batch_in_flight(sim: Sim, tmp_path: Path) -> None:
    db = tmp_path / "killed.db"
    command = app_command(tmp_path, 0.05, "ingest", "--db", str(db), str(sim.folder / "snap"), "--quiet")
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = clock.monotonic() + 20
    while clock.monotonic() < deadline and process.poll() is None:
        if db.exists() and _pages(db) >= 5:
            break
        clock.sleep(0.02)
    assert process.poll() is None, "the ingest finished before it could be killed"
    process.send_signal(signal.SIGKILL)
    process.wait()
    stored = _pages(db)
    assert 5 <= stored < len(sim.paths)
    invariants(db)
    rerun = subprocess.run(command[:2] + ["0"] + command[3:], capture_output=True, text=True, timeout=60)
    assert rerun.returncode == 0, rerun.stderr
    invariants(db)
    assert export_of(db) == sim.export
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT status, finished_at IS NULL FROM runs ORDER BY id").fetchall() == [
        ("abandoned", 1), ("done", 0)]  # the killed run's process is gone: the rerun says so
    conn.close()


def _pages(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return conn.execute("SELECT count(*) FROM pages").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def test_two_connections_taking_turns_see_each_others_pages(sim: Sim, tmp_path: Path) -> None:
    """Each connection keeps the feeds it loaded in memory: a page another connection stored
    meanwhile must be seen (the state reloaded), or entries would be stored twice."""
    db = tmp_path / "turns.db"
    extract = extractor()
    pages = page_inputs([str(sim.folder / "snap")])
    with Store.open(db) as first, Store.open(db) as second:
        for index, page in enumerate(pages):
            assert ingest_page(first if index % 3 else second, page, extract).entries >= 0
    assert export_of(db) == sim.export


def test_a_failed_page_leaves_no_trace_in_the_connections_memory(sim: Sim, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """A page whose write fails is rolled back; what was merged in memory for it is dropped too.
    Its batch is rolled back with it, then stored page by page: only that page fails."""
    db = tmp_path / "failed.db"
    extract = extractor()
    pages = page_inputs([str(sim.folder / "snap")])
    write = Store._write
    broken = {pages[6].name}

    def flaky(self: Store, changes: object, shown: dict) -> None:
        write(self, changes, shown)  # type: ignore[arg-type]
        if broken & {info.name for info in shown.values()}:
            raise RuntimeError("disk gone")

    monkeypatch.setattr(Store, "_write", flaky)
    with Store.open(db) as opened:
        outcomes = list(ingest_pages(opened, pages, extract))
        assert [o.page for o in outcomes if o.error is not None] == [pages[6]]
        assert all(o.result is not None and not o.result.skipped for o in outcomes if o.page != pages[6])
        broken.clear()
        again = list(ingest_pages(opened, pages, extract))  # the failed page again, the others skipped
        assert [o.page for o in again if o.result is not None and not o.result.skipped] == [pages[6]]
    assert export_of(db) == sim.export


def test_a_batch_writes_each_changed_row_once(sim: Sim, tmp_path: Path) -> None:
    """Snapshots of a feed show the same entries again and again: in one batch each entry,
    revision and sighting they change is written once, not once per page; the pages given
    twice are stored once; the export is the page-by-page one."""
    pages = page_inputs([str(sim.folder / "snap")])
    extract = extractor()
    batch = [extract_page(page, page.read(), extract) for page in pages[:40]]
    statements: list[str] = []
    with Store.open(tmp_path / "batch.db") as opened:
        opened.add_batch(batch[:20])
        opened.conn.set_trace_callback(statements.append)
        results = opened.add_batch(batch[20:] + batch[30:32])
        opened.conn.set_trace_callback(None)
        assert [r.skipped for r in results] == [False] * 20 + [True, True]
        stats = opened.stats()
        rest = [extract_page(page, page.read(), extract) for page in pages[40:]]
        assert not any(r.skipped for r in opened.add_batch(rest))
        assert render_export(opened.entries(), "json", Query()) == sim.export
    shown = [entry.id for page in batch[20:] for entry in page.timeline.entries]
    assert len(set(shown)) * 2 < len(shown)  # the 20 pages show most entries more than once
    for table in ("entries", "sightings", "revisions"):  # rows updated: at most one per entry shown
        assert len([s for s in statements if s.startswith(f"UPDATE {table}")]) <= len(set(shown))
    assert len([s for s in statements if s.startswith("INSERT INTO pages")]) == 20
    assert statements.count("BEGIN IMMEDIATE") == 1 and statements.count("COMMIT") == 1


@pytest.mark.parametrize("limits, commits", [
    ({}, 1),  # fewer than BATCH_PAGES, and no time limit: one batch
    ({"batch": 4}, 3),
    ({"chars": 1}, 10),  # every page's text over the bound: a transaction each
])
def test_ingest_stores_pages_in_batches(sim: Sim, tmp_path: Path, limits: dict, commits: int) -> None:
    pages = page_inputs([str(sim.folder / "snap")])[:10]
    statements: list[str] = []
    with Store.open(tmp_path / "batches.db") as opened:
        opened.conn.set_trace_callback(statements.append)
        outcomes = list(ingest_pages(opened, pages, extractor(), seconds=3600, **limits))
        opened.conn.set_trace_callback(None)
        assert [o.page for o in outcomes] == pages and all(o.result and not o.result.skipped for o in outcomes)
        assert opened.stats()["pages"] == 10
    assert statements.count("COMMIT") == commits


def test_two_concurrent_ingests_do_not_corrupt(sim: Sim, tmp_path: Path) -> None:
    db = tmp_path / "both.db"
    Store.open(db).close()  # created: both find the schema
    command = app_command(tmp_path, 0.005, "ingest", "--db", str(db), str(sim.folder / "snap"), "--quiet",
                          "--wait", "30")
    first, second = (subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(2))
    codes = [first.wait(timeout=120), second.wait(timeout=120)]
    assert sorted(codes) in ([0, 0], [0, 75]), [p.stderr.read() for p in (first, second)]  # type: ignore[union-attr]
    invariants(db)
    assert _pages(db) == len(sim.paths)
    assert export_of(db) == sim.export


def test_a_busy_database_exits_75_after_the_wait(sim: Sim, tmp_path: Path) -> None:
    db = tmp_path / "busy.db"
    Store.open(db).close()
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        started = clock.monotonic()
        result = runner.invoke(APP, ["ingest", "--db", str(db), str(sim.paths[0]), "--wait", "0.3"])
        waited = clock.monotonic() - started
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.exit_code == 75
    assert "busy" in result.output and "--wait" in result.output
    assert waited >= 0.3
    with pytest.raises(StoreBusyError):
        locked = sqlite3.connect(db, isolation_level=None)
        locked.execute("BEGIN IMMEDIATE")
        try:
            with Store.open(db, wait=0.1) as opened:
                opened.start_run([], "test")
        finally:
            locked.execute("ROLLBACK")
            locked.close()


def test_a_newer_database_is_refused_unchanged(tmp_path: Path, sim: Sim) -> None:
    db = tmp_path / "newer.db"
    Store.open(db).close()
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = db.read_bytes()
    for command in (["ingest", "--db", str(db), str(sim.paths[0])], ["export", "--db", str(db)]):
        result = runner.invoke(APP, command)
        assert result.exit_code == 1
        assert "newer feedline" in result.output and "not changed" in result.output
    assert db.read_bytes() == before
    assert not Path(f"{db}-wal").exists()


def test_a_database_of_something_else_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "other.db"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE accounts (id INTEGER)")
    conn.close()
    result = runner.invoke(APP, ["export", "--db", str(db)])
    assert result.exit_code == 1 and "not a feedline store" in result.output
    (tmp_path / "text.db").write_text("hello " * 200)
    result = runner.invoke(APP, ["export", "--db", str(tmp_path / "text.db")])
    assert result.exit_code == 1 and "not a usable feedline store" in result.output


def test_schema_version_wal_and_plain_tables(sim: Sim) -> None:
    conn = sqlite3.connect(sim.db)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
        assert {"pages", "entries", "sightings", "sources", "revisions", "runs", "entries_fts",
                "entry_sources"} <= tables
        hits = conn.execute("SELECT count(*) FROM entries_fts WHERE entries_fts MATCH 'ferry'").fetchone()[0]
        assert hits == conn.execute("SELECT count(*) FROM entries WHERE headline LIKE '%ferry%' "
                                    "OR text LIKE '%ferry%'").fetchone()[0] > 0
    finally:
        conn.close()


# ── the commands ────────────────────────────────────────────────────────────────────────────


def test_ingest_prints_one_summary_line_or_nothing(tmp_path: Path, sim: Sim) -> None:
    db = tmp_path / "cli.db"
    some = [str(p) for p in sim.paths[:4]]
    result = runner.invoke(APP, ["ingest", "--db", str(db), *some])
    assert result.exit_code == 0, result.output
    assert result.stdout.count("\n") == 1 and result.stdout.startswith("ingest: 4 pages added, 0 already stored;")
    again = runner.invoke(APP, ["ingest", "--db", str(db), *some])
    assert "0 pages added, 4 already stored" in again.stdout
    quiet = runner.invoke(APP, ["ingest", "--db", str(db), *some, "--quiet"])
    assert quiet.exit_code == 0 and quiet.output == ""


def test_ingest_says_which_pages_are_blind(tmp_path: Path, sim: Sim) -> None:
    blind = next(p for p, c in zip(sim.paths, sim.truth.captures) if c.blind)
    result = runner.invoke(APP, ["ingest", "--db", str(tmp_path / "b.db"), str(blind)])
    assert result.exit_code == 0
    assert "blind mode" in result.stderr and "1 blind" in result.stdout
    conn = sqlite3.connect(tmp_path / "b.db")
    assert conn.execute("SELECT capture_source, captured_at FROM pages").fetchall() == [("none", None)]
    conn.close()


def test_ingest_reads_stdin_with_now_and_feed(tmp_path: Path, sim: Sim) -> None:
    data = sim.paths[5].read_bytes()
    db = tmp_path / "stdin.db"
    result = runner.invoke(APP, ["ingest", "--db", str(db), "-", "--now", "2023-10-03T18:05", "--feed", "desk"],
                           input=data)
    assert result.exit_code == 0, result.output
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT feed, path, captured_at, capture_source FROM pages").fetchall() == [
        ("desk", "-", "2023-10-03T18:05:00", "now")]
    conn.close()


def test_ingest_can_take_the_capture_time_from_mtime(tmp_path: Path, sim: Sim) -> None:
    page_file = tmp_path / "feed" / "latest.txt"
    page_file.parent.mkdir()
    page_file.write_bytes(next(p for p in sim.paths if p.suffix == ".txt").read_bytes())
    stamp = datetime(2023, 10, 3, 18, 5).timestamp()
    os.utime(page_file, (stamp, stamp))
    db = tmp_path / "m.db"
    result = runner.invoke(APP, ["ingest", "--db", str(db), str(page_file.parent), "--capture-from", "mtime",
                                 "--tz", "UTC"])
    assert result.exit_code == 0, result.output
    conn = sqlite3.connect(db)
    [(feed, captured, source, tz)] = conn.execute("SELECT feed, captured_at, capture_source, tz FROM pages")
    conn.close()
    assert (feed, source, tz) == ("latest", "mtime", "UTC")
    assert datetime.fromisoformat(captured) == datetime.fromtimestamp(stamp, timezone.utc)


def test_an_unreadable_page_fails_alone(tmp_path: Path, sim: Sim) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "good-2023-10-03T1800.txt").write_bytes(next(p for p in sim.paths if p.suffix == ".txt").read_bytes())
    (folder / "image-2023-10-03T1800.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    db = folder / "feed.db"  # inside the folder: not ingested as a page
    result = runner.invoke(APP, ["ingest", "--db", str(db), str(folder), str(tmp_path / "missing.html")])
    assert result.exit_code == 3
    assert result.stderr.count("feedline: error:") == 2
    assert "1 page added" in result.stdout and "2 failed" in result.stdout


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--now", "2023-10-03"], 2, "no time of day"),
        (["--now", "soon"], 2, "not an ISO 8601"),
        (["--tz", "Mars/Olympus"], 2, "unknown time zone"),
        (["--capture-from", "warc"], 2, ""),
        (["--lang", "english!"], 2, "not a language tag"),
    ],
)
def test_ingest_usage_errors(tmp_path: Path, args: list[str], code: int, message: str) -> None:
    result = runner.invoke(APP, ["ingest", "--db", str(tmp_path / "u.db"), "-", *args], input=b"")
    assert result.exit_code == code and message in result.output


def test_view_shows_the_stored_timeline(sim: Sim) -> None:
    result = runner.invoke(APP, ["view", "--db", str(sim.db), "--since", "2023-10-03", "--until", "2023-10-03",
                                 "--explain", "--width", "120"])
    assert result.exit_code == 0, result.output
    assert "2023-10-03 Tue" in result.stdout and "2023-10-02 Mon" not in result.stdout
    assert "feed.db:" in result.stdout and "first seen on the capture of" in result.stdout


@pytest.mark.parametrize(
    ("args", "check"),
    [
        (["--since", "2023-10-03T12:00", "--until", "2023-10-03T18:00"],
         lambda e: "2023-10-03T12:00" <= f"{e['local_date']}T{e['local_time']}" <= "2023-10-03T18:00"),
        (["--source", "reuters"], lambda e: any(s["canonical"] == "Reuters" for s in e["sources"])),
        (["--search", "ferry"], lambda e: "ferry" in (e["headline"] + e["text"]).lower()),
        (["--search", "ferry timetable:"], lambda e: "timetable" in (e["headline"] + e["text"]).lower()),
        (["--feed", "ticker"], lambda e: e["feed"] == "ticker"),
    ],
    ids=["since-until", "source", "search", "search-not-fts-syntax", "feed"],
)
def test_export_filters(sim: Sim, args: list[str], check: object) -> None:
    result = runner.invoke(APP, ["export", "--db", str(sim.db), "--format", "jsonl", *args])
    assert result.exit_code == 0, result.output
    entries = [json.loads(line) for line in result.stdout.splitlines()]
    assert entries and all(check(e) for e in entries)  # type: ignore[operator]


def test_export_csv_has_extracts_columns_and_the_stores(sim: Sim, tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    result = runner.invoke(APP, ["export", "--db", str(sim.db), "-f", "csv", "-o", str(target)])
    assert result.exit_code == 0 and result.stdout == ""
    header = target.read_text(encoding="utf-8").splitlines()[0]
    assert header == ("id,local_date,local_time,datetime,time_text,headline,text,sources,confidence,date_status,date_basis,"
                      "feed,first_seen,last_seen,times_seen,revisions")


@pytest.mark.parametrize(
    ("command", "code"),
    [(["view", "--db", "{missing}"], 3), (["ingest", "--db", "/nonexistent/dir/feed.db", "-"], 3),
     (["export", "--db", "{db}", "--since", "yesterday"], 2),
     (["export", "--db", "{db}", "-o", "/nonexistent/dir/out.json"], 4)],
    ids=["missing-db", "missing-folder", "bad-since", "unwritable"],
)
def test_view_and_export_errors(sim: Sim, tmp_path: Path, command: list[str], code: int) -> None:
    args = [a.format(missing=tmp_path / "none.db", db=sim.db) for a in command]
    result = runner.invoke(APP, args)
    assert result.exit_code == code and "feedline: error:" in result.output
    assert not (tmp_path / "none.db").exists()


# ── web archives ────────────────────────────────────────────────────────────────────────────

HARBOUR = "https://harbour.example/live"
FERRY = ("11:15", TEXT)
NIGHT_BUS = ("12:40", OTHER)
BRIDGE = ("16:05", "The bridge to the island is closed for the afternoon as winds reach 120 km/h.")


def feed_html(items: list[tuple[str, str]]) -> bytes:
    """A hand-written feed page: newest first, a clock and a text per item."""
    body = "".join(f"<div class='item'><p>{clock}</p><p>{text}</p></div>" for clock, text in items)
    return (f"<!doctype html><html lang='en'><head><title>Harbour live</title></head>"
            f"<body><h1>Harbour live</h1>{body}</body></html>").encode()


def warc(records: list[tuple[str, bytes, str, str | None]]) -> tuple[bytes, list[int]]:
    """(WARC bytes, offset of each record) for (URL, payload, Content-Type, WARC-Date) response records."""
    import io

    pytest.importorskip("warcio")
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    offsets = []
    for url, payload, content_type, when in records:
        offsets.append(buffer.tell())
        http = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(url, "response", payload=io.BytesIO(payload), http_headers=http)
        record.rec_headers.remove_header("WARC-Date")
        if when is not None:
            record.rec_headers.add_header("WARC-Date", when)
        writer.write_record(record)
    return buffer.getvalue(), offsets


def crawl() -> list[tuple[str, bytes, str, str | None]]:
    """The same feed captured twice (the second also shows a newer entry), and its logo."""
    return [
        (HARBOUR, feed_html([NIGHT_BUS, FERRY]), "text/html; charset=utf-8", "2023-10-03T13:00:00Z"),
        ("https://harbour.example/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(64), "image/png", "2023-10-03T13:00:02Z"),
        (HARBOUR, feed_html([BRIDGE, NIGHT_BUS, FERRY]), "text/html; charset=utf-8", "2023-10-03T16:10:00Z"),
    ]


def rows(db: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_a_web_archive_is_one_page_per_html_record(tmp_path: Path) -> None:
    archive = tmp_path / "crawl.warc.gz"
    data, offsets = warc(crawl())
    archive.write_bytes(data)
    db = tmp_path / "warc.db"
    result = runner.invoke(APP, ["ingest", "--db", str(db), str(archive)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("ingest: 2 pages added, 0 already stored, 1 archive record skipped; "
                                    "3 new entries, 0 edited, 3 in ")
    assert rows(db, "SELECT feed, path, url, captured_at, capture_source, entries FROM pages ORDER BY id") == [
        (HARBOUR, f"{archive}#{offsets[0]}", HARBOUR, "2023-10-03T13:00:00+00:00", "warc-date", 2),
        (HARBOUR, f"{archive}#{offsets[2]}", HARBOUR, "2023-10-03T16:10:00+00:00", "warc-date", 3),
    ]
    assert str(CaptureSource.WARC) == "warc-date"
    # deduplicated across the two records: each entry once, seen as often as it was shown
    assert rows(db, "SELECT local_date, local_time, times_seen, first_seen FROM entries ORDER BY local_time") == [
        ("2023-10-03", "11:15", 2, "2023-10-03T13:00:00+00:00"),
        ("2023-10-03", "12:40", 2, "2023-10-03T13:00:00+00:00"),
        ("2023-10-03", "16:05", 1, "2023-10-03T16:10:00+00:00"),
    ]
    again = runner.invoke(APP, ["ingest", "--db", str(db), str(tmp_path)])  # the folder: the archive and db
    assert again.exit_code == 0, again.output
    assert "0 pages added, 2 already stored, 1 archive record skipped" in again.stdout


def test_capture_time_now_then_warc_date_then_file_name(tmp_path: Path) -> None:
    records = crawl()
    records[2] = records[2][:3] + (None,)  # no WARC-Date
    folder = tmp_path / "snap"
    folder.mkdir()
    data, offsets = warc(records)
    (folder / "harbour-2023-10-03T1900.warc.gz").write_bytes(data)
    db = tmp_path / "a.db"
    assert runner.invoke(APP, ["ingest", "--db", str(db), str(folder), "--tz", "Europe/Kyiv"]).exit_code == 0
    assert rows(db, "SELECT captured_at, capture_source FROM pages ORDER BY id") == [
        ("2023-10-03T16:00:00+03:00", "warc-date"), ("2023-10-03T19:00:00+03:00", "name")]
    db = tmp_path / "b.db"
    result = runner.invoke(APP, ["ingest", "--db", str(db), "-", "--now", "2023-10-03T20:00"],
                           input=data)
    assert result.exit_code == 0, result.output
    assert rows(db, "SELECT path, captured_at, capture_source FROM pages ORDER BY id") == [
        ("-#0", "2023-10-03T20:00:00", "now"), (f"-#{offsets[2]}", "2023-10-03T20:00:00", "now")]


def test_a_truncated_archive_stores_its_readable_records_and_exits_5(tmp_path: Path) -> None:
    data, offsets = warc(crawl())
    archive = tmp_path / "cut.warc.gz"
    archive.write_bytes(data[: (offsets[2] + len(data)) // 2])  # the second capture cut in its middle
    db = tmp_path / "cut.db"
    result = runner.invoke(APP, ["ingest", "--db", str(db), str(archive)])
    assert result.exit_code == 5
    [error] = result.stderr.splitlines()
    assert error.startswith(f"feedline: error: web archive {str(archive)!r} is cut off or corrupt at offset "
                            f"{offsets[2]}: ")
    assert result.stdout.startswith("ingest: 1 page added, 0 already stored, 1 archive record skipped, 1 failed; "
                                    "2 new entries")
    assert rows(db, "SELECT path, capture_source FROM pages") == [(f"{archive}#0", "warc-date")]
    assert rows(db, "SELECT status, pages_added, pages_failed FROM runs") == [("done", 1, 1)]
    # cut in its first record: nothing of it is read, as an unreadable page (3)
    archive.write_bytes(data[: offsets[1] // 2])
    result = runner.invoke(APP, ["ingest", "--db", str(tmp_path / "none.db"), str(archive)])
    assert result.exit_code == 3 and "no record before it" in result.stderr


def test_cli_import_loads_no_archive_parser_or_terminal_library() -> None:
    code = ("import json, sys; import feedline.cli; "
            "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules} & "
            "{'warcio', 'rich', 'dateparser', 'selectolax', 'sqlite3'})))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []


def test_a_warc_date_is_an_instant_also_on_a_machine_whose_clock_is_utc(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    # Past midnight on the page's clock (01:10 and 00:40), before it in UTC (23:30Z): the page's
    # zone is inferred from its clocks, as `feedline extract` does with the same archive. On a
    # UTC machine the WARC-Date used to be taken for this machine's (and so the page's) clock.
    import time as clock

    monkeypatch.setenv("TZ", "UTC")
    clock.tzset()
    try:
        page = feed_html([("01:10", TEXT), ("00:40", OTHER)])
        data, _ = warc([(HARBOUR, page, "text/html; charset=utf-8", "2023-10-03T23:30:00Z")])
        archive = tmp_path / "late.warc.gz"
        archive.write_bytes(data)
        db = tmp_path / "late.db"
        assert runner.invoke(APP, ["ingest", "--db", str(db), str(archive), "--quiet"]).exit_code == 0
        from feedline.cli import app

        extracted = runner.invoke(app, ["extract", str(archive), "--format", "jsonl"])
        assert extracted.exit_code == 0, extracted.output
        want = sorted((e["local_date"], e["local_time"]) for e in map(json.loads, extracted.stdout.splitlines()))
        assert want == [("2023-10-04", "00:40"), ("2023-10-04", "01:10")]
        assert rows(db, "SELECT local_date, local_time FROM entries ORDER BY local_time") == want
    finally:
        monkeypatch.undo()
        clock.tzset()
