"""Extraction remembered across snapshots (`feedline.memo`): a page extracted warm gives what it
gives cold, byte for byte; the caches are keyed by all they read, bounded, and cleared."""
from __future__ import annotations

import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from feedline import memo
from feedline.ingest import CaptureSource, PageInput, extractor, page_clock, page_inputs
from feedline.model import Markup, Timeline
from feedline.pipeline import _media, extract
from feedline.render import render
from feedline.sources import find

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "samples" / "kyiv-independent-2023-10-03.txt"
CORPUS = ROOT.parent / "shared" / "corpus" / "pages"
sys.path.insert(0, str(ROOT / "tests"))

import feedsim  # noqa: E402


pytestmark = pytest.mark.usefixtures("fresh_memo")


def shown(timeline: Timeline) -> str:
    return render(timeline, "json", explain=True)


def ingest_extract(page: PageInput, data: bytes) -> Timeline:
    return extractor()(page, data, page_clock(page, None))


def test_a_page_extracted_warm_gives_what_it_gives_cold(tmp_path: Path) -> None:
    """The simulator's snapshots (HTML and text), each extracted cold (everything forgotten),
    then warm at a later capture time and under another name: the same JSON as cold there."""
    truth = feedsim.simulate(seed=5, days=1, capture_hours=1)
    pages = page_inputs([str(p) for p in feedsim.write_snapshots(truth, tmp_path / "snap")])
    assert len(pages) > 20
    differ = 0
    for page in pages:
        data = page.read()
        later = PageInput(page.name + ".again", page.captured_at and page.captured_at + timedelta(days=1),
                          page.capture_source)
        cold = []
        for each in (page, later):
            memo.clear()
            cold.append(shown(ingest_extract(each, data)))
        warm = [shown(ingest_extract(each, data)) for each in (page, later)]
        assert warm == cold
        differ += cold[0] != cold[1]
    assert differ == len(pages)  # the capture time is read anew: a day later, other dates
    assert memo._pages.hits and memo._entries.hits


def corpus_pages() -> list[Path]:
    return sorted(p for p in CORPUS.glob("*") if p.suffix in (".html", ".txt")) if CORPUS.is_dir() else []


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus not found")
def test_corpus_pages_warm_and_cold_are_byte_identical() -> None:
    """Every corpus page (the ones whose feed only hidden content shows included), blind and at
    a capture time, through `extract`: warm (remembered) output equals cold output."""
    now = datetime(2023, 10, 3, 18, 0)
    for path in corpus_pages():
        data = path.read_bytes()
        for options in ({}, {"now": now, "tz": "Europe/Kyiv"}, {"hidden": True, "explain": True}):
            memo.clear()
            cold = shown(extract(data, **options))
            warm = shown(extract(data, **options))
            assert warm == cold, (path.name, options)
        # as ingest reads it (the reading remembered too, its parsed tree read again by a
        # reveal when no visible feed), blind then captured
        pages = [PageInput(str(path), None, CaptureSource.NONE), PageInput(str(path), now, CaptureSource.NOW)]
        cold_runs = []
        for page in pages:
            memo.clear()
            cold_runs.append(shown(ingest_extract(page, data)))
        assert [shown(ingest_extract(page, data)) for page in pages] == cold_runs, path.name


def test_what_a_stage_reads_is_its_key() -> None:
    data = SEED.read_bytes()
    page = memo.read_cached(data, name="a.txt")
    assert memo.read_cached(data, name="b.txt").name == "b.txt"  # a hit, under its own name
    assert memo.read_cached(data, name="a.txt", lang="de").lang == "de"  # another language: read anew
    assert (memo._pages.hits, memo._pages.misses) == (1, 2)
    memo.entries_of(page)
    memo.entries_of(memo.read_cached(data, name="c.txt"))
    assert memo.stats() == {"read": (2, 2), "entries": (1, 1), "dated": (0, 0)}
    from dataclasses import replace

    memo.entries_of(replace(page, lang="fr"))  # the language is read by tokenize
    memo.entries_of(replace(page, text=page.text + "\n12:00 One more line"))
    memo.entries_of(page, tokenize=lambda p: memo.tokenize(p))  # another tokenizer: its own results
    marked = replace(page, markup=Markup(media_lengths=("16:00",)))  # the stamps its markup names clip lengths
    memo.entries_of(marked, media=_media)
    memo.entries_of(marked, media=_media)
    assert memo.stats() == {"read": (2, 2), "entries": (2, 5), "dated": (0, 0)}
    memo.entries_of(replace(marked, markup=Markup(media_lengths=("16:05",))), media=_media)
    assert memo.stats()["entries"] == (2, 6)


def test_a_hit_returns_lists_the_caller_may_change() -> None:
    page = memo.read_cached(SEED.read_bytes(), name="seed.txt")
    _, drafts, feeds = memo.entries_of(page)
    drafts.clear(), feeds.clear()
    _, again, regions = memo.entries_of(page)
    assert again and regions


def test_the_caches_are_bounded_and_skip_large_pages() -> None:
    base = SEED.read_text(encoding="utf-8")
    for n in range(memo.KEPT + 5):
        page = memo.read_cached(f"{base}\nline {n}".encode(), name=f"p{n}.txt")
        memo.entries_of(page)
    assert len(memo._pages.items) == len(memo._entries.items) == memo.KEPT
    memo.clear()
    large = ("12:00 A line of a very long page\n" * (memo.MAX_CHARS // 30)).encode()
    memo.entries_of(memo.read_cached(large, name="large.txt"))
    assert not memo._pages.items and not memo._entries.items


def test_an_exception_is_not_remembered() -> None:
    calls: list[int] = []

    def failing(page: object) -> object:
        calls.append(1)
        raise RuntimeError("injected")

    page = memo.read_cached(SEED.read_bytes(), name="seed.txt")
    for _ in range(2):
        with pytest.raises(RuntimeError):
            memo.entries_of(page, tokenize=failing)  # type: ignore[arg-type]
    assert len(calls) == 2 and not memo._entries.items


def test_clear_forgets_the_sources_too() -> None:
    extract(SEED.read_bytes())
    assert memo._entries.items and find._cached_sources.cache_info().currsize
    memo.clear()
    assert not memo._entries.items and not memo._pages.items
    assert find._cached_sources.cache_info().currsize == 0


def test_an_extractor_that_does_not_remember_reads_each_page_anew() -> None:
    # The distributed path: a crawl's pages seldom repeat, so no parsed page is kept.
    page = PageInput("card.html", datetime(2024, 5, 15, 12, 0), CaptureSource.NOW)
    data = b"<html><body><p>10:05</p><p>The council voted to close the old bridge for repairs.</p></body></html>"
    memo.clear()
    for _ in range(2):
        extractor(remember=False)(page, data, page_clock(page, None))
    assert memo.stats()["read"] == (0, 0)
    for _ in range(2):
        extractor()(page, data, page_clock(page, None))
    assert memo.stats()["read"] == (1, 1)
