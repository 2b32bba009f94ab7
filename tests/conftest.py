"""Shared pytest configuration: markers."""
from __future__ import annotations

import pytest


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "corpus: scores the extractor on ../shared/corpus (skipped when the corpus is absent; "
        "deselect with -m 'not corpus')",
    )
