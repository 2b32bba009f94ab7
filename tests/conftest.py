"""Shared pytest configuration: markers, each test tokenizing without the lines earlier
tests read (a test that replaces part of the tokenizer sees it run), and `fresh_memo` for
the modules that test what feedline.memo remembers. Compiled patterns are cached in a
directory of the session's own (FEEDLINE_CACHE_DIR, inherited by the processes tests start),
never the user's."""
from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator

import pytest

from feedline import memo
from feedline.tokens import forget_lines


_CACHE_DIR = tempfile.mkdtemp(prefix="feedline-test-cache-")
os.environ["FEEDLINE_CACHE_DIR"] = _CACHE_DIR


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(_CACHE_DIR, ignore_errors=True)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "corpus: scores the extractor on ../shared/corpus (skipped when the corpus is absent; "
        "deselect with -m 'not corpus')",
    )


@pytest.fixture(autouse=True)
def _fresh_lines() -> Iterator[None]:
    forget_lines()
    yield


@pytest.fixture
def fresh_memo() -> Iterator[None]:
    """Nothing remembered before the test, nothing left after it."""
    memo.clear()
    yield
    memo.clear()
