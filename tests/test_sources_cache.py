"""The sources remembered per entry (`sources.find`): the same answer as reading it anew,
bounded, and never a regex timeout remembered."""
from __future__ import annotations

from collections.abc import Iterator

import pytest

from feedline.sources import find
from feedline.sources.find import CACHED_ENTRIES, MAX_CACHED, clear_cache, find_sources

TEXT = "Ukraine's air force said on Tuesday it had shot down 20 drones, Reuters reported."


@pytest.fixture(autouse=True)
def fresh() -> Iterator[None]:
    clear_cache()
    yield
    clear_cache()


def test_a_remembered_entry_gives_what_reading_it_gives() -> None:
    first = find_sources("Air defence", TEXT, "en")
    assert [s.name for s in first] == ["Ukraine's air force", "Reuters"]
    assert find_sources("Air defence", TEXT, "en") == first == find._sources("Air defence", TEXT, "en")
    assert find._cached_sources.cache_info().hits == 1
    # The language and the headline are part of what is remembered.
    assert find_sources(None, TEXT, "en") == find._sources(None, TEXT, "en")
    assert find._cached_sources.cache_info().misses == 2


def test_the_memory_is_bounded() -> None:
    assert find._cached_sources.cache_info().maxsize == CACHED_ENTRIES
    long_text = TEXT + " x" * MAX_CACHED
    assert [s.name for s in find_sources(None, long_text, "en")] == ["Ukraine's air force", "Reuters"]
    assert find._cached_sources.cache_info().currsize == 0  # too long to keep


def test_a_timeout_is_not_remembered(monkeypatch: pytest.MonkeyPatch) -> None:
    real = find._collect

    def slow(*args: object) -> Iterator[object]:
        raise TimeoutError
        yield  # a generator, as _collect is

    monkeypatch.setattr(find, "_collect", slow)
    assert find_sources(None, TEXT, "en") == ()
    monkeypatch.setattr(find, "_collect", real)
    assert [s.name for s in find_sources(None, TEXT, "en")] == ["Ukraine's air force", "Reuters"]
