"""Dating remembered across capture times (`memo.dated`): at any capture time, what the memo
returns is what a fresh `dates.date_entries` call returns, byte for byte (compared by `repr`:
aware datetimes on other zones at the same instant would compare equal). The premise it rests
on — dates.py reads the capture time only through its recorded reads — is checked in the
source itself."""
from __future__ import annotations

import ast
import sys
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone, tzinfo
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from feedline import dates, memo
from feedline.entries import Draft, Feed, find_entries
from feedline.model import Page
from feedline.pipeline import _clock, _media, resolve_zone
from feedline.scripts import script_language
from feedline.tokens import TokenTable, tokenize

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "pages"
sys.path.insert(0, str(ROOT / "tests"))

import feedsim  # noqa: E402


pytestmark = pytest.mark.usefixtures("fresh_memo")


@dataclass(frozen=True)
class Prepared:
    name: str
    page: Page
    tokens: TokenTable
    drafts: tuple[Draft, ...]
    feeds: tuple[Feed, ...]
    start: datetime  # a capture time near the page's own


def prepare(name: str, data: bytes, start: datetime) -> Prepared:
    page = memo.read_cached(data, name=name)
    tokens, drafts, feeds = memo.entries_of(page, tokenize, find_entries, _media)
    return Prepared(name, page, tokens, tuple(drafts), tuple(feeds), start)


@cache
def simulated() -> tuple[Prepared, ...]:
    """The simulator's three feeds (two busy, one quiet), a few distinct snapshots of each."""
    truth = feedsim.simulate(seed=7, days=2, capture_hours=7, blind_every=0)
    out = []
    for capture in truth.captures:
        text = feedsim.render_page(truth, capture)
        name = feedsim.file_name(truth.feed(capture.feed), capture, 0)
        out.append(prepare(name, text.encode(), capture.moment))
    return tuple(out)


@cache
def corpus() -> tuple[Prepared, ...]:
    if not CORPUS.is_dir():
        return ()
    return tuple(prepare(p.name, p.read_bytes(), datetime(2023, 10, 3, 18, 0))
                 for p in sorted(CORPUS.glob("*")) if p.suffix in (".html", ".txt"))


def date_both(item: Prepared, now: datetime, tz: str | None) -> tuple[str, str]:
    """(the memo's dating, a fresh dating) of the page at `now` on `tz`'s clock, as `extract` dates it."""
    zone: tzinfo | None = resolve_zone(tz)
    clock = _clock(now, zone)
    page = item.page
    lang = page.lang or script_language(page.text)
    args = (list(item.drafts), list(item.feeds), item.tokens)
    options = dict(now=clock, zone=zone, markup=page.markup, lang=lang, url=page.url)
    remembered = memo.dated(*args, **options, date=dates.date_entries)
    return repr(remembered), repr(dates.date_entries(*args, **options))


#: how a capture time is given: naive on no zone, naive on a zone, an instant on a zone
CLOCKS = [(False, None), (False, "Europe/Kyiv"), (True, "Europe/Kyiv"), (True, "America/New_York")]


def capture(start: datetime, minutes: int, aware: bool) -> datetime:
    moment = start + timedelta(minutes=minutes)
    return moment.replace(tzinfo=timezone.utc) if aware else moment


def test_the_simulators_feeds_dated_every_ten_minutes_give_what_a_fresh_dating_gives() -> None:
    """Each snapshot of the simulator's feeds, captured every 10 minutes for a day and a half
    from its own capture time, on each kind of clock: the memo's dates are a fresh call's, and
    most captures are answered from the memo (a busy feed's bounds move seldom)."""
    for item in simulated()[::3]:
        for aware, tz in CLOCKS:
            for minutes in range(0, 36 * 60, 10):
                got, want = date_both(item, capture(item.start, minutes, aware), tz)
                assert got == want, (item.name, minutes, aware, tz)
    hits, misses = memo.stats()["dated"]
    assert hits > 2 * misses


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus not found")
def test_corpus_pages_dated_across_four_days_give_what_a_fresh_dating_gives() -> None:
    """Every corpus page captured every 97 minutes over four days around its gold capture day."""
    for item in corpus():
        for minutes in range(-2 * 1440, 2 * 1440, 97):
            got, want = date_both(item, capture(item.start, minutes, False), "Europe/Kyiv")
            assert got == want, (item.name, minutes)
    assert memo.stats()["dated"][0] > 0


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_random_capture_times_give_what_a_fresh_dating_gives(data: st.DataObject) -> None:
    """Random pages (simulated and corpus), random capture times: near ones (the same
    minute, a few minutes on, across a threshold), far ones (days, the day before), on every
    kind of clock, in any order."""
    pages = simulated() + corpus()
    item = data.draw(st.sampled_from(pages), label="page")
    aware, tz = data.draw(st.sampled_from(CLOCKS), label="clock")
    steps = data.draw(st.lists(st.one_of(st.integers(0, 30), st.integers(-3 * 1440, 3 * 1440)),
                               min_size=2, max_size=8), label="minutes")
    memo.clear()
    minutes = 0
    for step in steps:
        minutes += step
        got, want = date_both(item, capture(item.start, minutes, aware), tz)
        assert got == want, (item.name, minutes, aware, tz)


def _now_attributes(tree: ast.AST) -> list[int]:
    """Lines where an expression reads `.wall` or `.aware` of a clock."""
    return [node.lineno for node in ast.walk(tree)
            if isinstance(node, ast.Attribute) and node.attr in ("wall", "aware")]


def test_dates_reads_the_capture_time_only_through_its_recorded_reads() -> None:
    """The premise of the memo: outside the recorded reads (decorated `_read`), the printed
    label and a clock made for a page's own render moment or an inferred zone (after which
    the memo does not apply), no code of dates.py reads the capture time."""
    tree = ast.parse((ROOT / "feedline" / "dates.py").read_text(encoding="utf-8"))
    allowed: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef):
            decorated = any(isinstance(d, ast.Name) and d.id == "_read" for d in node.decorator_list)
            if decorated or node.name in ("capture_label", "_page_clock"):
                allowed.update(_now_attributes(node))
        # date_entries' zone inference: only for a clock whose zone is unknown (the memo dates those anew)
        if isinstance(node, ast.If) and "zone_known" in ast.unparse(node.test):
            allowed.update(_now_attributes(node))
    stray = sorted(set(_now_attributes(tree)) - allowed)
    assert not stray, f"dates.py reads the capture time outside its recorded reads at lines {stray}"


def test_a_traced_clock_records_each_read_and_a_changed_read_dates_anew() -> None:
    """A repeated snapshot a few minutes later is answered from the memo; a day later (another
    capture date) it is dated anew; a replaced dating function is always called."""
    item = simulated()[0]
    date_both(item, item.start, None)
    date_both(item, item.start + timedelta(minutes=3), None)
    assert memo.stats()["dated"] == (1, 1)
    date_both(item, item.start + timedelta(days=1), None)
    assert memo.stats()["dated"] == (1, 2)
    calls = []

    def counting(*args: object, **options: object) -> list[dates.Dated]:
        calls.append(1)
        return dates.date_entries(*args, **options)  # type: ignore[arg-type]

    for _ in range(2):
        memo.dated(list(item.drafts), list(item.feeds), item.tokens, now=_clock(item.start, None), zone=None,
                   date=counting)
    assert len(calls) == 2


def test_with_label_builds_every_field_of_a_date_fix() -> None:
    """`dates.with_label` builds a DateFix from its fields by position: these, in this order."""
    from dataclasses import fields

    from feedline.model import DateFix

    assert [f.name for f in fields(DateFix)] == ["status", "local_date", "month_day", "confidence", "evidence", "basis"]


def test_clear_forgets_the_entry_ids_too() -> None:
    from feedline.pipeline import _remembered_id, extract

    extract(ROOT / "samples" / "kyiv-independent-2023-10-03.txt")
    assert _remembered_id.cache_info().currsize
    memo.clear()
    assert _remembered_id.cache_info().currsize == 0
