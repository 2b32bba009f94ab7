"""The `feedline` command line: a thin skin over `feedline.pipeline.extract`.

    feedline extract PATH [--now ISO] [--tz ZONE] [--lang xx]
                          [--format table|json|jsonl|csv|markdown] [-o FILE] [--explain] [--width N]

Parse options, call the pipeline once, render, write. Exit codes:

    0    success (also when stdout's reader goes away: broken pipe)
    1    any other FeedlineError
    2    usage: a bad option value (--now, --tz, --lang, --format, --width) or bad arguments
    3    input that cannot be read (missing file, directory, binary, undecodable)
    4    output that cannot be written (-o FILE)
    130  interrupted (Ctrl-C)

Only `FeedlineError` is caught: anything else is a bug and keeps its traceback.
The pipeline, the renderers and rich are imported inside the command, so that
`--help` and `--version` stay fast.
"""
from __future__ import annotations

import os
import re
import sys
from datetime import date, datetime
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from feedline.errors import FeedlineError, OutputError, UsageError

if TYPE_CHECKING:
    from feedline.model import Timeline


class Format(str, Enum):
    """--format choices: the names in `feedline.render.FORMATS`."""

    TABLE = "table"
    JSON = "json"
    JSONL = "jsonl"
    CSV = "csv"
    MARKDOWN = "markdown"


_LANG = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*")

app = typer.Typer(
    name="feedline",
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,  # plain help and usage errors: no rich import on the start-up path
    pretty_exceptions_enable=False,
)


def _show_version(value: bool) -> None:
    if value:
        from feedline.render._version import feedline_version

        typer.echo(f"feedline {feedline_version()}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_show_version, is_eager=True, help="Show the version and exit."),
    ] = False,
) -> None:
    """Turn scraped news pages into dated, source-attributed timelines."""


@app.command()
def extract(
    path: Annotated[str, typer.Argument(metavar="PATH", help='Page to read (text or HTML); "-" reads stdin.')],
    now: Annotated[
        str | None,
        typer.Option(metavar="ISO", help="Capture time, ISO 8601, e.g. 2023-10-03T18:05 or 2023-10-03T16:30+03:00."),
    ] = None,
    tz: Annotated[
        str | None, typer.Option(metavar="ZONE", help="IANA zone of the page's clock, e.g. Europe/Kyiv.")
    ] = None,
    lang: Annotated[str | None, typer.Option(metavar="xx", help="Language of the page, e.g. en, de.")] = None,
    fmt: Annotated[
        Format | None,
        typer.Option("--format", "-f", help="Output format [default: table on a terminal, else json]."),
    ] = None,
    output: Annotated[
        str | None, typer.Option("--output", "-o", metavar="FILE", help='Write to FILE ("-": stdout).')
    ] = None,
    explain: Annotated[bool, typer.Option("--explain", help="Show each entry's date evidence and confidence.")] = False,
    width: Annotated[int | None, typer.Option(min=20, metavar="N", help="Table width in columns.")] = None,
) -> None:
    """Extract the timeline of one page."""
    try:
        zone = parse_tz(tz)
        moment = parse_now(now, zone)
        if lang is not None and not _LANG.fullmatch(lang):
            raise UsageError(f"--lang: not a language tag: {lang!r} (expected e.g. en, de, pt-BR)")
        terminal = output in (None, "-") and _is_tty()
        chosen = fmt.value if fmt is not None else ("table" if terminal else "json")

        from feedline.pipeline import extract as run_pipeline

        timeline = run_pipeline("-" if path == "-" else Path(path), now=moment, tz=zone, lang=lang)
        if chosen == "table" and terminal:  # live, in colour; elsewhere plain text
            _print_table(timeline, explain=explain, width=width)
        else:
            from feedline.render import render

            _write(render(timeline, chosen, explain=explain, width=width), output)
    except FeedlineError as error:
        _fail(error)


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


def main() -> None:
    """Console-script entry point (`feedline = "feedline.cli:main"`)."""
    try:
        app()
    except KeyboardInterrupt:  # outside the command (typer maps the rest to 130 itself)
        sys.exit(130)


def _is_tty() -> bool:
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):  # replaced or closed stdout
        return False


def _print_table(timeline: Timeline, *, explain: bool, width: int | None) -> None:
    """The table on the terminal, in colour, as wide as the terminal unless `width` is given."""
    from rich.console import Console

    from feedline.render.table import render_table

    class StdoutConsole(Console):
        def on_broken_pipe(self) -> None:  # rich's own handler exits 1
            self.quiet = True
            raise BrokenPipeError

    console = StdoutConsole(width=width, markup=False, emoji=False, highlight=False)
    try:
        render_table(timeline, console, explain=explain)
    except BrokenPipeError:
        _stdout_gone()


def _write(text: str, output: str | None) -> None:
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
            _stdout_gone()
        return
    try:
        with open(output, "w", encoding="utf-8", newline="") as file:
            file.write(text)
    except OSError as error:
        raise OutputError(f"cannot write {output}: {error.strerror or error}") from None


def _stdout_gone() -> NoReturn:
    """The reader of stdout went away (`feedline ... | head`): stop quietly."""
    try:  # keep the interpreter's final flush of stdout from failing again
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    raise typer.Exit(0)


def _fail(error: FeedlineError) -> NoReturn:
    from feedline.render._text import one_line

    message = one_line(str(error)) or type(error).__name__
    typer.echo(f"feedline: error: {message}", err=True)
    raise typer.Exit(error.exit_code)
