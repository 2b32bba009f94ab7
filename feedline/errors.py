"""feedline's exceptions and exit codes: one root, each class with the exit code it maps to.

    FeedlineError (exit 1)            root of every error feedline raises on purpose
     ├── UsageError      (exit 2)     a bad option value: --now, --tz, --lang, --width (typer rejects
     │                                the rest, also exit 2); `extract(now=...)` outside 1900-2200
     ├── InputError      (exit 3)     input that cannot be read: missing, binary, undecodable, nothing to read (an
     │                                empty directory; `read_page` of a directory)
     ├── OutputError     (exit 4)     output that cannot be written: -o FILE, or stdout (a full disk,
     │                                a closed pipe)
     ├── PartlyReadError (exit 5)     a web archive read in part: every record before the damage was used
     ├── ExtractionError (exit 5)     a page whose extraction failed unexpectedly (a bug in feedline,
     │                                caught at the page boundary): that page fails, the others go on
     ├── StoreError      (exit 1)     a file that is no feedline store, or a newer feedline's (unchanged)
     ├── StoreBusyError  (exit 75)    another process held the store's write lock for longer than --wait
     └── NetworkError    (exit 69)    a URL could not be fetched: no connection, a timeout, too many
                                      redirects, an HTTP error status (4xx, 5xx), a broken answer

"Nothing found" is not an error: it is an empty timeline. A run of many pages exits
`EXIT_PARTIAL` when some pages failed (each said on stderr) and the rest were processed.
Every command reports an error the same way (`feedline.cli_support.guarded`): one line,
``feedline: error: <message>``, on stderr, then the class's exit code.
"""
from __future__ import annotations

import re
from datetime import datetime

EXIT_OK = 0
EXIT_FAILURE = 1  # FeedlineError, StoreError
EXIT_USAGE = 2
EXIT_INPUT = 3
EXIT_OUTPUT = 4
EXIT_PARTIAL = 5  # many inputs: some failed (each said on stderr), the rest were processed
EXIT_NETWORK = 69  # EX_UNAVAILABLE: a URL could not be fetched (the server, or the way to it)
EXIT_BUSY = 75  # EX_TEMPFAIL: try again later
EXIT_INTERRUPTED = 130  # Ctrl-C

#: Years a capture time (`--now`, `extract(now=...)`) may fall in; outside them it is a UsageError
#: (file-name stamps and WARC-Dates outside them are taken as no capture time). Checked on the
#: wall clock the page is read with: after conversion to --tz, so 1900-01-01T00:00+05:15 read in
#: Africa/Casablanca (1899-12-31) is outside (`outside_now_years`).
NOW_YEARS = (1900, 2200)


def outside_now_years(moment: datetime) -> bool:
    """Whether `moment`'s wall clock (its year as written) falls outside `NOW_YEARS`: the one
    test of every capture-time check."""
    return not NOW_YEARS[0] <= moment.year <= NOW_YEARS[1]


_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*")


def check_language_tag(lang: str | None, option: str = "lang") -> None:
    """`UsageError` unless `lang` is None or shaped like a BCP 47 tag ("en", "pt-BR"): the
    one check of `extract(lang=...)`, `read_page(lang=...)` and every `--lang`."""
    if lang is not None and not _LANGUAGE_TAG.fullmatch(lang):
        raise UsageError(f"{option}: not a language tag: {lang!r} (expected e.g. en, de, pt-BR)")


class FeedlineError(Exception):
    """Root of every error feedline raises on purpose."""

    exit_code = EXIT_FAILURE


class UsageError(FeedlineError):
    exit_code = EXIT_USAGE


class InputError(FeedlineError):
    exit_code = EXIT_INPUT


class OutputError(FeedlineError):
    exit_code = EXIT_OUTPUT


class PartlyReadError(FeedlineError):
    """A web archive read in part: every record before the damage was stored."""

    exit_code = EXIT_PARTIAL


class ExtractionError(FeedlineError):
    """A page's extraction raised something unexpected: that page fails, the run goes on.

    Made at the page boundary (`page_failure`) from any exception that is not a
    `FeedlineError`; the message names the page and the exception.
    """

    exit_code = EXIT_PARTIAL


class StoreError(FeedlineError):
    """The file is no feedline store, or a newer feedline's: nothing was written."""

    exit_code = EXIT_FAILURE


class StoreBusyError(FeedlineError):
    """Another process held the database's write lock for longer than the wait."""

    exit_code = EXIT_BUSY


class NetworkError(FeedlineError):
    """A URL could not be fetched: the connection, a timeout, redirects, or the server's answer."""

    exit_code = EXIT_NETWORK


def page_failure(name: str, error: BaseException) -> FeedlineError:
    """`error`, raised while extracting the page `name`, as that page's failure.

    A `FeedlineError` is kept as it is; anything else (a bug) becomes an `ExtractionError`
    whose one-line message names the page and the exception.
    """
    if isinstance(error, FeedlineError):
        return error
    detail = " ".join(str(error).split())[:200]
    reason = f"{type(error).__name__}: {detail}" if detail else type(error).__name__
    return ExtractionError(f"{name!r}: extraction failed ({reason}); the page was skipped "
                           "(a bug in feedline: please report it with the page)")
