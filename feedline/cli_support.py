"""What the CLI commands share: option parsing, writing output, reporting errors.

Used by `cli` (extract) and `store_cli` (ingest, view, export); nothing here extracts.
typer is imported only when an error is reported, so that a one-page `extract` run by
the launcher's fast path (`feedline.launch`) never loads it.
Every command runs inside `guarded()`, the one error reporter: a `FeedlineError` becomes one
line on stderr (`feedline: error: <message>`) and its exit code. Writing to stdout goes
through `write_output` (or `stdout_failed` for rich's console): a full disk is exit 4 with
one line, a closed pipe (`feedline ... | head -1`) exit 4 quietly, as Unix tools stop.
"""
from __future__ import annotations

import errno
import os
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from typing import BinaryIO, NoReturn

from feedline.errors import EXIT_OUTPUT, NOW_YEARS, FeedlineError, OutputError, UsageError, outside_now_years

WIDTHS = (20, 1000)  # --width: narrower cannot show a row, wider is no terminal


def table_width(width: int | None) -> int | None:
    """The table's width: `width` (--width) if given, else `COLUMNS` when it holds a width in
    WIDTHS, else None (the terminal's width on a terminal, 100 elsewhere)."""
    if width is not None:
        return width
    value = os.environ.get("COLUMNS", "").strip()
    if value.isdigit() and WIDTHS[0] <= int(value) <= WIDTHS[1]:
        return int(value)
    return None


def parse_tz(value: str | None) -> str | None:
    """`value` if it names an IANA time zone; UsageError otherwise."""
    if value is None:
        return None
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise UsageError(f"--tz: unknown time zone {value!r} (expected an IANA name such as Europe/Kyiv)") from None
    return value


def parse_now(value: str | None, tz: str | None) -> datetime | None:
    """--now as a datetime: aware if it has an offset or `tz` is given, floating otherwise.

    A naive value is read as `tz`'s wall clock; an aware one is converted to `tz`.
    """
    if value is None:
        return None
    text = value.strip()
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise UsageError(f"--now: not an ISO 8601 date and time: {value!r} (e.g. 2023-10-03T18:05)") from None
    try:
        date.fromisoformat(text)
    except ValueError:
        pass
    else:
        raise UsageError(f"--now: {value!r} has no time of day (e.g. {text}T18:05)")
    check_now(moment, "--now")
    if tz is None:
        return moment
    from zoneinfo import ZoneInfo

    zone = ZoneInfo(tz)
    if moment.tzinfo is None:
        return moment.replace(tzinfo=zone)
    local = moment.astimezone(zone)
    if outside_now_years(local):  # the page's wall clock: what extract reads and checks
        first, last = NOW_YEARS
        raise UsageError(f"--now: {text} is {local.isoformat()} in {tz}, outside the years {first}-{last}; "
                         "give the page's capture time")
    return local


def check_now(moment: datetime, label: str = "--now") -> None:
    """UsageError unless `moment` falls in the years NOW_YEARS (dates near year 1 or 9999
    cannot be computed with)."""
    if outside_now_years(moment):
        first, last = NOW_YEARS
        raise UsageError(f"{label}: {moment.isoformat()} is outside the years {first}-{last}; "
                         "give the page's capture time")


def write_output(text: str, output: str | None) -> None:
    """`text` as UTF-8 to stdout, or to the file `output` (OutputError when it cannot be)."""
    if output in (None, "-"):
        try:
            buffer = getattr(sys.stdout, "buffer", None)
            if buffer is None:
                sys.stdout.write(text)
            else:
                sys.stdout.flush()
                _write_all(buffer, text.encode("utf-8"))
            sys.stdout.flush()
        except OSError as error:
            stdout_failed(error)
        return
    try:
        with open(output, "w", encoding="utf-8", newline="") as file:
            file.write(text)
    except OSError as error:
        raise OutputError(f"cannot write {output}: {error.strerror or error}") from None


def _write_all(buffer: BinaryIO, data: bytes) -> None:
    """All of `data`: a large write to a pipe whose reader goes away midway returns the part
    written, without an error (the error comes with the next write)."""
    view = memoryview(data)
    while view:
        written = buffer.write(view)
        if not written:  # a non-blocking stream that is full: not what a command writes to
            raise OSError(errno.EAGAIN, "standard output takes no more (non-blocking)")
        view = view[written:]


def write_line(line: str) -> None:
    """One line of text to stdout (a summary), as `write_output` writes."""
    write_output(line + "\n", None)


def stdout_failed(error: OSError) -> NoReturn:
    """Writing stdout failed: its reader went away (quietly), or the disk is full (one line).
    Either way exit 4, with stdout pointed at /dev/null so the interpreter's final flush
    does not fail again."""
    if isinstance(error, BrokenPipeError) or error.errno == errno.EPIPE:
        stdout_gone()
    _drop_stdout()
    raise OutputError(f"cannot write to standard output: {error.strerror or error}")


def stdout_gone() -> NoReturn:
    """The reader of stdout went away (`feedline ... | head`): stop quietly, exit 4."""
    import typer

    _drop_stdout()
    raise typer.Exit(EXIT_OUTPUT)


def _drop_stdout() -> None:
    try:  # keep the interpreter's final flush of stdout from failing again
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


@contextmanager
def guarded() -> Iterator[None]:
    """The commands' one error reporter: a FeedlineError raised inside becomes one line on
    stderr and its exit code (`typer.Exit`)."""
    try:
        yield
    except FeedlineError as error:
        fail(error)


def fail(error: FeedlineError) -> NoReturn:
    """Report `error` (`report`) and exit with its code."""
    import typer

    report(error)
    raise typer.Exit(error.exit_code) from None


def report(error: FeedlineError) -> None:
    """`feedline: error: <message>` on stderr, one line."""
    import typer

    typer.echo(f"feedline: error: {one_line(str(error)) or type(error).__name__}", err=True)


def stdout_is_tty() -> bool:
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):  # replaced or closed stdout
        return False


def one_line(message: str) -> str:
    from feedline.render._text import one_line

    return one_line(message)


# Intervals for `watch --every` and `view --follow --every`.
_PART = re.compile(r"(\d+(?:\.\d+)?)([smhd])")
_UNIT = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_every(text: str) -> float:
    """An interval as seconds: "10m", "90s", "1h30m", "0.5s", or plain seconds ("600")."""
    value = text.strip().lower()
    try:
        seconds = float(value)
    except ValueError:
        parts = _PART.findall(value)
        if not parts or "".join(n + u for n, u in parts) != value:
            raise UsageError(f"--every: not an interval: {text!r} (e.g. 10m, 90s, 1h30m)") from None
        seconds = sum(float(n) * _UNIT[u] for n, u in parts)
    if not seconds > 0 or seconds != seconds or seconds == float("inf"):
        raise UsageError(f"--every: the interval must be more than 0: {text!r}")
    return seconds
