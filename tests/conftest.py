"""Shared pytest configuration: markers, each test tokenizing without the lines earlier
tests read (a test that replaces part of the tokenizer sees it run), and `fresh_memo` for
the modules that test what feedline.memo remembers."""
from __future__ import annotations

from collections.abc import Iterator

import pytest

from feedline import memo
from feedline.tokens import forget_lines


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
