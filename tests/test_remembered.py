"""What extraction and the store remember per line, item, entry and window besides `feedline.memo`
(the store benchmark's ingest speed, docs/performance.md "Store ingest, fifth pass"): a
snapshot extracted after others gives what it gives alone, a feed merged with everything
remembered gives what it gives with nothing remembered, each remembered result is its
function's own, and `memo.clear` forgets them."""
from __future__ import annotations

import gc
import sys
from dataclasses import replace
from datetime import time, timezone
from pathlib import Path

import pytest

from feedline import dates, entries, ingest, memo, store_dates, store_identity
from feedline.claims import _pair_time_marks
from feedline.entries import Draft
from feedline.feedmerge import merge_feed
from feedline.ingest import extract_page, extractor, ingest_pages, page_inputs
from feedline.lookalikes import programme
from feedline.model import Stamp, StampKind, TimeMark
from feedline.render import render
from feedline.store import Store
from feedline.store_dates import Reading
from feedline.tokens import LineKind, Placement, Token, _with_span

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import feedsim  # noqa: E402

pytestmark = pytest.mark.usefixtures("fresh_memo")


@pytest.fixture(scope="module")
def snapshots(tmp_path_factory: pytest.TempPathFactory) -> list[ingest.PageInput]:
    """A day of the simulator's three feeds captured every 40 minutes, in capture order."""
    truth = feedsim.simulate(seed=6, days=1, capture_hours=2 / 3, blind_every=0)
    folder = tmp_path_factory.mktemp("remembered")
    return page_inputs([str(p) for p in feedsim.write_snapshots(truth, folder / "snap")])


def test_snapshots_extracted_one_after_another_give_what_each_gives_alone(
        snapshots: list[ingest.PageInput]) -> None:
    """Everything remembered across snapshots (lines, region signatures, item keys, reported
    dates, sources, ids, whole pages) gives each snapshot the JSON it gives read as new."""
    extract = extractor()
    warm = [render(extract_page(page, page.read(), extract).timeline, "json") for page in snapshots]
    assert len(warm) > 60
    assert entries._remembered_key.cache_info().hits and dates._remembered_reports.cache_info().hits
    assert entries._remembered_signature.cache_info().hits
    cold = []
    for page in snapshots:
        memo.clear()
        cold.append(render(extract_page(page, page.read(), extract).timeline, "json"))
    assert warm == cold


def test_clear_forgets_the_signatures_keys_and_reported_dates(snapshots: list[ingest.PageInput]) -> None:
    extract = extractor()
    for page in snapshots[:5]:
        extract_page(page, page.read(), extract)
    caches = (entries._remembered_key, entries._remembered_signature, dates._remembered_reports)
    assert all(cache.cache_info().currsize for cache in caches)
    memo.clear()
    assert not any(cache.cache_info().currsize for cache in caches)


def test_a_feed_merged_with_its_windows_and_ids_remembered_gives_the_same_entries(
        snapshots: list[ingest.PageInput]) -> None:
    extract = extractor()
    pages = [extract_page(page, page.read(), extract) for page in snapshots]
    feeds = sorted({page.feed for page in pages})
    remembered = (store_dates._window, store_dates._clock_of, store_identity.uid_base, store_identity._clock)

    def merged() -> list:
        return [merge_feed([page for page in pages if page.feed == feed]) for feed in feeds]

    for cache in remembered:
        cache.cache_clear()
    first = merged()
    assert store_dates._window.cache_info().currsize and store_identity.uid_base.cache_info().currsize
    again = merged()  # every window, id, clock and shown time now remembered
    assert store_dates._window.cache_info().hits and store_identity.uid_base.cache_info().hits
    assert again == first


def test_a_window_is_its_functions_own() -> None:
    """`window_reading` reads of the sightings only the first datetime, and only without a zone."""
    reading = Reading(store_dates.DateStatus.INFERRED, "2023-10-02", 0.85, ("x",), "2023-10-02T18:00:00", None)
    labelled = replace(reading, datetime="2023-10-02T17:40:00+05:30")
    for tz in (None, "Europe/Kyiv"):
        for readings in ([], [reading], [reading, labelled], [labelled, reading]):
            got = store_dates.window_reading("2023-10-02T18:00:00", "2023-10-02T17:30:00", "17:45", tz, readings)
            dated = None if tz else next((r.datetime for r in readings if r.datetime), None)
            assert got == store_dates._window.__wrapped__("2023-10-02T18:00:00", "2023-10-02T17:30:00", "17:45",
                                                          tz, dated)
    shown = store_dates.window_reading("2023-10-02T18:00:00", "2023-10-02T17:30:00", "17:45", None, [labelled])
    assert shown is not None and shown.datetime == "2023-10-02T17:45:00+05:30"


def test_a_moved_stamp_is_the_stamp_with_its_span_replaced() -> None:
    stamp = Stamp("Tue, 3 Oct 2023, 4:05 PM GMT+2", (10, 40), StampKind.DATETIME, hour=16, minute=5, year=2023,
                  month=10, day=3, relative_minutes=None, days_ago=0, zone="GMT+2", utc_offset_minutes=120,
                  twelve_hour=True, weekday=1)
    assert _with_span(stamp, (12, 42)) == replace(stamp, span=(12, 42))
    assert _with_span(Stamp("5 min ago", (0, 9), StampKind.RELATIVE, relative_minutes=5.0), (3, 12)) == Stamp(
        "5 min ago", (3, 12), StampKind.RELATIVE, relative_minutes=5.0)


def test_a_sightings_clock_is_strftimes() -> None:
    for shown in (time(0, 0), time(9, 5), time(23, 59), time(7, 30, tzinfo=timezone.utc)):
        assert store_identity._clock(shown) == shown.strftime("%H:%M")


def stamp_line(index: int, text: str, hour: int, minute: int) -> Token:
    stamp = Stamp(text.split("  ")[0], (index * 100, index * 100 + 5), StampKind.CLOCK, hour=hour, minute=minute)
    return Token(index, index * 100, text, LineKind.STAMP, stamp, Placement.ALONE, "", None)


def test_a_programme_is_read_with_its_year_test_last() -> None:
    """Round clocks running forward are a programme, unless a line prints a year (a dated
    list): the year is tested after the counts, with the same answers."""
    clocks = [(9, 0), (9, 30), (10, 0), (10, 15)]
    region = [stamp_line(i, f"{h:02d}:{m:02d}", h, m) for i, (h, m) in enumerate(clocks)]
    assert programme(region)
    dated = region[:2] + [stamp_line(2, "10:00  2023", 10, 0)] + region[3:]
    assert not programme(dated)
    news = [stamp_line(i, f"{h:02d}:{m:02d}  2023", h, m) for i, (h, m) in enumerate([(9, 7), (8, 52), (8, 13)])]
    assert not programme(news)


def test_no_pattern_is_compiled_when_no_mark_is_left(monkeypatch: pytest.MonkeyPatch) -> None:
    import re
    from types import SimpleNamespace

    from feedline import claims

    compiled: list[str] = []

    def compile_counted(pattern: str, flags: int = 0) -> re.Pattern[str]:
        compiled.append(pattern)
        return re.compile(pattern, flags)

    monkeypatch.setattr(claims, "re", SimpleNamespace(compile=compile_counted, escape=re.escape))
    drafts = [Draft(Stamp(f"1{k}:05", (0, 5), StampKind.CLOCK, hour=10 + k, minute=5), k, 0, None, "x", (0, 5))
              for k in range(3)]
    assert _pair_time_marks(drafts, ()) == [] and compiled == []
    mark = TimeMark("11:05, today", "2023-10-03T11:05:00+02:00")
    pairs = _pair_time_marks(drafts, (mark,))
    assert [d.stamp.text for d, _ in pairs] == ["11:05"] and len(compiled) == 2  # 10:05 tried, 11:05 paired


def test_the_machines_zone_follows_the_tz_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    assert ingest.machine_zone() == "Asia/Tokyo"
    monkeypatch.setenv("TZ", ":Europe/Kyiv")
    assert ingest.machine_zone() == "Europe/Kyiv"
    monkeypatch.setenv("TZ", "EST5EDT,M3.2.0,M11.1.0")  # a POSIX rule, no zone name
    assert ingest.machine_zone() is None


def test_a_batch_checks_its_pages_stored_before_in_one_query(snapshots: list[ingest.PageInput],
                                                               tmp_path: Path) -> None:
    extract = extractor()
    pages = [extract_page(page, page.read(), extract) for page in snapshots[:30]]
    with Store.open(tmp_path / "feed.db") as store:
        store.add_batch(pages[:10])
        statements: list[str] = []
        store.conn.set_trace_callback(statements.append)
        results = store.add_batch(pages[5:20] + pages[12:13])
        store.conn.set_trace_callback(None)
    assert [r.skipped for r in results] == [True] * 5 + [False] * 10 + [True]
    assert len([s for s in statements if "FROM pages WHERE content_hash" in s]) == 1


def test_young_collections_are_deferred_while_pages_are_ingested(snapshots: list[ingest.PageInput],
                                                                   tmp_path: Path) -> None:
    before = gc.get_threshold()
    assert 0 < before[0] < ingest.YOUNG_OBJECTS
    seen: list[tuple[int, ...]] = []
    with Store.open(tmp_path / "feed.db") as store:
        for _ in ingest_pages(store, snapshots[:3], extractor(), batch=1):
            seen.append(gc.get_threshold())
            with ingest.young_collections_deferred:  # another ingest meanwhile: the first end restores nothing
                pass
            seen.append(gc.get_threshold())
    assert seen == [(ingest.YOUNG_OBJECTS, *before[1:])] * 6
    assert gc.get_threshold() == before
    try:
        gc.set_threshold(0)  # automatic collection off: left off
        with ingest.young_collections_deferred:
            assert gc.get_threshold()[0] == 0
    finally:
        gc.set_threshold(*before)


def test_reported_dates_are_remembered_by_text() -> None:
    text = "The port authority said on Oct. 3 that the works resume. Officials told reporters on 28 September."
    assert dates._remembered_reports(None, text) == dates._reported_dates(None, text)
    assert [found[1:] for found in dates._reported_dates(None, text)] == [(10, 3), (9, 28)]
    assert dates._reported_dates("Talks", "The union said talks would resume on Oct. 3.") == ()


def test_a_region_signature_and_an_item_key_are_their_functions_own() -> None:
    line = stamp_line(0, "10:05 •", 10, 5)
    assert entries._signature(line) == entries._shape_signature(line.text, line.rest, line.placement,
                                                                StampKind.CLOCK, "10:05", False)
    draft = Draft(line.stamp, 0, 0, "Harbour authority approves new ferry timetable", "Text.", (0, 9))
    assert entries._key(draft) == entries._opening_key(draft.headline, draft.text)
    assert entries._key(draft) == ("harbour authority approves new ferry timetable", False)
