"""One page through `feedline extract`: its options settled, the pipeline run, the output written.

Shared by the typer command (`cli.extract`) and the launcher's fast path (`launch`), so
that both run the same code in the same order. Nothing here imports typer: errors are
`FeedlineError`s, reported by the caller's `cli_support.guarded()`.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from feedline.cli_support import one_line, parse_now, parse_tz, stdout_failed, stdout_is_tty, table_width, write_output
from feedline.errors import UsageError, check_language_tag, page_failure

if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import datetime

    from feedline.fetch import Limits
    from feedline.model import Timeline



class Settled:
    """The options every `extract` run reads first, checked: the zone (--tz), the capture
    time (--now), whether the output is a terminal, the table width and the format."""

    __slots__ = ("zone", "moment", "terminal", "width", "chosen")

    def __init__(self, zone: str | None, moment: datetime | None, terminal: bool, width: int | None,
                 chosen: str) -> None:
        self.zone, self.moment, self.terminal, self.width, self.chosen = zone, moment, terminal, width, chosen


def settle(*, now: str | None, tz: str | None, lang: str | None, output: str | None, width: int | None,
           fmt: str | None, have_inputs: bool) -> Settled:
    """--tz, --now and --lang checked (UsageError, in that order), then that there is an
    input; the format defaults to a table on a terminal, else JSON."""
    zone = parse_tz(tz)
    moment = parse_now(now, zone)
    check_language_tag(lang, "--lang")
    if not have_inputs:
        raise UsageError("missing PATH: give a page, a directory or a web archive (or --manifest FILE)")
    terminal = output in (None, "-") and stdout_is_tty()
    chosen = fmt if fmt is not None else ("table" if terminal else "json")
    return Settled(zone, moment, terminal, table_width(width), chosen)


def extract_one(path: str, settled: Settled, *, fetching: bool, lang: str | None, hidden: bool, explain: bool,
                output: str | None, quiet: bool, limits: Limits | None) -> None:
    """The one-page run: the page at `path` (a file, "-" for stdin, or a URL when `fetching`,
    fetched within `limits`) extracted and written as `settled.chosen` to `output`."""
    from feedline.pipeline import extract as run_pipeline

    try:
        if fetching:
            assert limits is not None
            timeline = fetched(path, now=settled.moment, tz=settled.zone, lang=lang, hidden=hidden, explain=explain,
                               limits=limits, quiet=quiet)
        else:
            timeline = run_pipeline("-" if path == "-" else Path(path), now=settled.moment, tz=settled.zone,
                                    lang=lang, hidden=hidden, explain=explain)
    except Exception as error:  # noqa: BLE001 - a FeedlineError as it is, a bug as one line
        raise page_failure(path, error) from None
    if settled.chosen == "table" and settled.terminal:  # live, in colour; elsewhere plain text
        print_table(timeline, explain=explain, width=settled.width)
    else:
        from feedline.render import render

        write_output(render(timeline, settled.chosen, explain=explain, width=settled.width), output)


def fetched(url: str, *, now: datetime | None, tz: str | None, lang: str | None, hidden: bool, explain: bool,
            limits: Limits, quiet: bool) -> Timeline:
    """The timeline of the page at `url`, fetched: read with the answer's charset, its address
    the page's canonical link else the final URL, its capture time `now`, else the answer's
    Date header, else this machine's clock (an instant in UTC, read as `extract` reads a
    web archive's WARC-Date)."""
    from dataclasses import replace

    from feedline.fetch import fetch
    from feedline.pipeline import extract as run_pipeline
    from feedline.read import read_page

    result = fetch(url, limits=limits)
    assert result.data is not None  # an unconditional fetch is a page or an error
    if result.truncated and not quiet:
        _echo_err(f"feedline: note: {one_line(url)}: larger than {limits.max_bytes} bytes: cut off there "
                  "(--max-bytes)")
    page = read_page(result.data, name=url, lang=lang, charset=result.charset)
    page = replace(page, url=page.url or result.final_url)
    return run_pipeline(page, now=now if now is not None else result.captured_at, tz=tz, lang=lang, hidden=hidden,
                        explain=explain)


def _echo_err(line: str) -> None:
    """One line on stderr, as the typer commands write them (click's echo)."""
    import typer

    typer.echo(line, err=True)


def print_table(timeline: Timeline, *, explain: bool, width: int | None, sites: Sequence[str] | None = None) -> None:
    """The table on the terminal, in colour, as wide as the terminal unless `width` is given."""
    from rich.console import Console

    from feedline.render.table import render_table

    class StdoutConsole(Console):
        def on_broken_pipe(self) -> None:  # rich's own handler exits 1
            self.quiet = True
            raise BrokenPipeError

    console = StdoutConsole(width=width, markup=False, emoji=False, highlight=False)
    try:
        render_table(timeline, console, explain=explain, sites=sites)
    except OSError as error:  # a broken pipe (quiet) or a full disk
        stdout_failed(error)
