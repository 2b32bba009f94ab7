"""What the CLI commands share: option parsing, writing output, reporting errors.

Used by `cli` (extract) and `store_cli` (ingest, view, export); nothing here extracts.
"""
from __future__ import annotations

import os
import sys
from datetime import date, datetime
from typing import NoReturn

import typer

from feedline.errors import FeedlineError, OutputError, UsageError


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
    if tz is None:
        return moment
    from zoneinfo import ZoneInfo

    zone = ZoneInfo(tz)
    return moment.replace(tzinfo=zone) if moment.tzinfo is None else moment.astimezone(zone)


def write_output(text: str, output: str | None) -> None:
    """`text` as UTF-8 to stdout, or to the file `output` (OutputError when it cannot be)."""
    if output in (None, "-"):
        try:
            buffer = getattr(sys.stdout, "buffer", None)
            if buffer is None:
                sys.stdout.write(text)
            else:
                sys.stdout.flush()
                buffer.write(text.encode("utf-8"))
            sys.stdout.flush()
        except BrokenPipeError:
            stdout_gone()
        return
    try:
        with open(output, "w", encoding="utf-8", newline="") as file:
            file.write(text)
    except OSError as error:
        raise OutputError(f"cannot write {output}: {error.strerror or error}") from None


def stdout_gone() -> NoReturn:
    """The reader of stdout went away (`feedline ... | head`): stop quietly."""
    try:  # keep the interpreter's final flush of stdout from failing again
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    raise typer.Exit(0)


def fail(error: FeedlineError) -> NoReturn:
    message = one_line(str(error)) or type(error).__name__
    typer.echo(f"feedline: error: {message}", err=True)
    raise typer.Exit(error.exit_code)
def stdout_is_tty() -> bool:
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):  # replaced or closed stdout
        return False


def one_line(message: str) -> str:
    from feedline.render._text import one_line

    return one_line(message)
