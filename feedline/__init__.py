"""feedline: dated, source-attributed timelines from scraped news pages.

    >>> import feedline
    >>> timeline = feedline.extract("page.html", now=None, tz="Europe/Kyiv")
    >>> [(e.date.iso, e.local_time, e.headline) for e in timeline.entries]

`extract`, `read_page` and the `render` package (`feedline.render.render(timeline, "html")`)
are imported on first use, so `import feedline` stays cheap.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from feedline.errors import FeedlineError, InputError, OutputError, UsageError
from feedline.model import (
    FORMAT_VERSION,
    DateFix,
    DateBasis,
    DateStatus,
    Entry,
    NotEntry,
    Page,
    PageKind,
    Role,
    Source,
    Stamp,
    StampKind,
    Timeline,
)

if TYPE_CHECKING:
    from feedline.pipeline import extract
    from feedline.read import read_page

__version__ = "0.1.0"

__all__ = [
    "extract",
    "read_page",
    "Timeline",
    "Entry",
    "NotEntry",
    "Stamp",
    "Source",
    "DateFix",
    "Page",
    "Role",
    "StampKind",
    "DateBasis",
    "DateStatus",
    "PageKind",
    "FeedlineError",
    "InputError",
    "UsageError",
    "OutputError",
    "FORMAT_VERSION",
    "__version__",
]


def __getattr__(name: str) -> Any:
    if name == "extract":
        from feedline.pipeline import extract

        return extract
    if name == "read_page":
        from feedline.read import read_page

        return read_page
    if name == "render":  # the subpackage, as `feedline.render.render(...)` in docs/usage.md
        import importlib

        return importlib.import_module("feedline.render")
    raise AttributeError(f"module 'feedline' has no attribute {name!r}")
