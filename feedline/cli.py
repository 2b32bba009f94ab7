"""The `feedline` command line: a thin skin over `feedline.pipeline.extract`.

    feedline extract PATH... [--now ISO] [--tz ZONE] [--lang xx]
                             [--format table|json|jsonl|csv|markdown|html] [-o FILE] [--explain] [--width N]
                             [--glob PATTERN]... [--manifest FILE]... [--jobs N] [--merge] [--quiet]
    feedline extract PATH... --engine dask [--scheduler tcp://HOST:PORT] --output DIR [--max-page-bytes N]
    feedline extract URL [--timeout SECONDS] [--max-bytes N] [--max-redirects N] [same options]

Parse options, call the pipeline once, render, write. Several pages (several paths, a
directory, a manifest, a web archive) go through `feedline.inputs.run` and are rendered
one after another (`feedline.render.many`), or merged. Exit codes:

    0    success
    1    any other FeedlineError
    2    usage: a bad option value (--now outside 1900-2200, --tz, --lang, --format, --width
         outside 20-1000, --jobs) or bad arguments
    3    input that cannot be read (missing file, directory, binary, undecodable); with
         several inputs: none could be read
    4    output that cannot be written (-o FILE, or stdout: a full disk says so in one line,
         a reader gone away (`| head -1`) stops quietly)
    5    one page: its extraction failed unexpectedly (ExtractionError, one line); several
         inputs: some could not be read or extracted (each said on stderr), the rest were processed
    69   a URL could not be fetched (no connection, timeout, too many redirects, an HTTP error)
    130  interrupted (Ctrl-C)

Errors are reported by `cli_support.guarded` (one line). An unexpected exception while
extracting a page is that page's failure (`errors.page_failure`), never a traceback.
The pipeline, the renderers and rich are imported inside the command, so that
`--help` and `--version` stay fast.
"""
from __future__ import annotations

import os
import sys
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any

import typer

from feedline.cli_one import extract_one, print_table, settle
from feedline.cli_support import WIDTHS, guarded, one_line, write_output
from feedline.errors import EXIT_PARTIAL, InputError, OutputError, UsageError
from feedline.datasette_meta import datasette_metadata
from feedline.store_cli import DEFAULT_LIMITS, MaxBytes, MaxRedirects, Timeout, limits
from feedline.store_cli import register as register_store_commands
from feedline.watch import watch

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence
    from typing import TextIO

    from feedline.inputs import Outcome, Tally
    from feedline.model import Timeline

class Engine(str, Enum):
    """--engine choices."""

    LOCAL = "local"
    DASK = "dask"


class Format(str, Enum):
    """--format choices: the names in `feedline.render.FORMATS`."""

    TABLE = "table"
    JSON = "json"
    JSONL = "jsonl"
    CSV = "csv"
    MARKDOWN = "markdown"
    HTML = "html"


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
    paths: Annotated[
        list[str] | None,
        typer.Argument(metavar="PATH...", show_default=False,
                       help='Pages (text or HTML), directories or web archives (WARC, ARC); "-" reads stdin.'),
    ] = None,
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
    explain: Annotated[bool, typer.Option("--explain", help="Show each entry's date evidence and confidence, and the time-like text that is no entry, with why.")] = False,
    width: Annotated[int | None, typer.Option(min=WIDTHS[0], max=WIDTHS[1], metavar="N",
                                              help="Table width in columns (20-1000).")] = None,
    glob: Annotated[
        list[str] | None,
        typer.Option("--glob", metavar="PATTERN", show_default=False,
                     help="In directories, read files whose name matches (repeatable) "
                          "[default: *.htm *.html *.xhtml *.shtml *.txt *.warc *.warc.gz *.arc *.arc.gz]."),
    ] = None,
    manifest: Annotated[
        list[str] | None,
        typer.Option("--manifest", metavar="FILE", show_default=False,
                     help='Also read the paths FILE lists, one a line, "#" comments ("-": stdin).'),
    ] = None,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", min=0, metavar="N", help="Pages extracted in parallel (0: one per CPU).")
    ] = 1,
    merge: Annotated[
        bool, typer.Option("--merge", help="Several pages: one timeline of all their entries.")
    ] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Several pages: no progress bar, no summary line.")
    ] = False,
    with_hidden: Annotated[
        bool, typer.Option("--with-hidden", help="Also the live-blog updates only the page's structured data shows.")
    ] = False,
    engine: Annotated[
        Engine, typer.Option("--engine", help="local: this process (and --jobs); dask: Parquet datasets "
                             "in --output DIR on a Dask cluster (docs/distributed.md).")
    ] = Engine.LOCAL,
    scheduler: Annotated[
        str | None, typer.Option("--scheduler", metavar="tcp://HOST:PORT",
                                 help="--engine dask: the scheduler [default: a local cluster of --jobs workers].")
    ] = None,
    max_page_bytes: Annotated[
        int, typer.Option("--max-page-bytes", min=1, metavar="N",
                          help="--engine dask: skip pages larger than N bytes (counted).")
    ] = 10_000_000,
    timeout: Timeout = DEFAULT_LIMITS.timeout,
    max_bytes: MaxBytes = DEFAULT_LIMITS.max_bytes,
    max_redirects: MaxRedirects = DEFAULT_LIMITS.max_redirects,
) -> None:
    """Extract the timeline of each page."""
    with guarded():
        paths, manifests = paths or [], manifest or []
        settled = settle(now=now, tz=tz, lang=lang, output=output, width=width,
                         fmt=fmt.value if fmt is not None else None, have_inputs=bool(paths or manifests))
        zone, moment, terminal, width, chosen = (settled.zone, settled.moment, settled.terminal, settled.width,
                                                 settled.chosen)

        if engine is Engine.DASK:
            _extract_distributed(paths, manifests, glob, output, scheduler=scheduler, jobs=jobs, now=moment,
                                 tz=zone, lang=lang, max_page_bytes=max_page_bytes, quiet=quiet)
            return
        if scheduler is not None:
            raise UsageError("--scheduler needs --engine dask")

        from feedline import inputs
        from feedline.fetch import is_url

        fetching = any(is_url(path) for path in paths)
        if fetching and (len(paths) != 1 or manifests):
            raise UsageError("extract fetches one URL at a time, without other inputs; "
                             "to fetch several, use 'feedline ingest --db FILE URL...'")
        if fetching or inputs.single_page(paths, manifests):
            extract_one(paths[0], settled, fetching=fetching, lang=lang, hidden=with_hidden, explain=explain,
                        output=output, quiet=quiet,
                        limits=limits(timeout, max_bytes, max_redirects) if fetching else None)
            return
        merge = merge or chosen == "html"  # one page of all entries: HTML documents do not concatenate
        sources = inputs.collect(paths, manifests, glob)
        outcomes = inputs.run(sources, now=moment, tz=zone, lang=lang,
                              jobs=jobs or os.cpu_count() or 1, keep_text=False, hidden=with_hidden,
                              explain=explain)
        live = chosen == "table" and terminal
        status = _Status(enabled=not quiet and not terminal and _stderr_is_tty(), total=_known_total(sources))
        tally = _extract_many(outcomes, chosen, output, merge=merge, live=live, explain=explain,
                              width=width, status=status)
        if not quiet:
            typer.echo(f"feedline: {tally.summary()}", err=True)
        if tally.failed:
            raise typer.Exit(EXIT_PARTIAL if tally.pages else InputError.exit_code)


def _extract_distributed(paths: list[str], manifests: list[str], glob: list[str] | None, output: str | None, *,
                         scheduler: str | None, jobs: int, now: Any, tz: str | None, lang: str | None,
                         max_page_bytes: int, quiet: bool) -> None:
    """`--engine dask`: the Parquet datasets in the folder `output`; one summary line on stderr;
    exit 5 when some pages failed (3 when none was read)."""
    if output in (None, "-"):
        raise UsageError("--engine dask writes Parquet datasets: give --output DIR")
    from feedline.distributed import extract_dataset

    summary = extract_dataset(paths, output, manifests=manifests, glob=glob or (), scheduler=scheduler,
                              workers=jobs or None, now=now, tz=tz, lang=lang, max_page_bytes=max_page_bytes)
    if not quiet:
        typer.echo(f"feedline: {one_line(summary.line())}", err=True)
    if summary.counts.failed:
        raise typer.Exit(EXIT_PARTIAL if summary.counts.pages else InputError.exit_code)
def _extract_many(outcomes: Iterable[Outcome], fmt: str, output: str | None, *, merge: bool, live: bool,
                  explain: bool, width: int | None, status: _Status) -> Tally:
    """Write each page's output as it comes (or all entries merged at the end); say each
    failure on stderr as it comes. Returns the counts."""
    from feedline import inputs
    from feedline.render import many

    tally = inputs.Tally()
    done: list[Timeline] = []
    with _Sink(output) as sink, status:
        if not merge and not live:
            sink.write(many.opening(fmt))
        for outcome in outcomes:
            tally.add(outcome)
            status.update(tally)
            if isinstance(outcome, inputs.Failed):
                status.say(f"feedline: error: {one_line(outcome.message)}")
            elif isinstance(outcome, inputs.Done):
                if merge:
                    done.append(outcome.timeline)
                elif live:
                    if tally.pages > 1:
                        print()
                    print_table(outcome.timeline, explain=explain, width=width)
                else:
                    sink.write(many.part(outcome.timeline, fmt, tally.pages - 1, explain=explain, width=width))
        if merge:
            order = inputs.merge(done)
            sites = _merged_sites(done, order)
            if live:
                print_table(many.merged_timeline(done, order), explain=explain, width=width, sites=sites)
            else:
                sink.write(many.render_merged(done, order, fmt, explain=explain, width=width, sites=sites))
        elif not live:
            sink.write(many.closing(fmt, tally.pages))
    return tally


def _merged_sites(timelines: Sequence[Timeline], order: Sequence[tuple[int, object]]) -> list[str]:
    """Per merged entry, a label of its feed (`ingest.page_key`: the page's URL, else its file
    name without the time stamp), so that snapshots of one feed share a label."""
    from feedline.render._view import site_labels
    from feedline.ingest import page_key

    keys = [page_key(t.page.name, t.page.url) for t in timelines]
    labels = site_labels(keys)
    return [labels[keys[index]] for index, _ in order]


def _known_total(sources: Sequence[str]) -> int | None:
    """The number of pages to come, if no source looks like an archive (by name: a guess that
    only sizes the progress bar)."""
    archive = (".warc", ".warc.gz", ".arc", ".arc.gz")
    return None if any(s == "-" or s.lower().endswith(archive) for s in sources) else len(sources)


class _Sink:
    """Standard output, or the file `-o FILE` opened at once (so that a bad path fails before
    any work is done), written piece by piece."""

    def __init__(self, output: str | None) -> None:
        self.output = output
        self.file: TextIO | None = None
        if output not in (None, "-"):
            try:
                self.file = open(output, "w", encoding="utf-8", newline="")  # noqa: SIM115
            except OSError as error:
                raise OutputError(f"cannot write {output}: {error.strerror or error}") from None

    def write(self, text: str) -> None:
        if not text:
            return
        if self.file is None:
            write_output(text, None)
            return
        try:
            self.file.write(text)
        except OSError as error:
            raise OutputError(f"cannot write {self.output}: {error.strerror or error}") from None

    def __enter__(self) -> _Sink:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.file is not None:
            try:
                self.file.close()
            except OSError as error:
                if exc[0] is None:
                    raise OutputError(f"cannot write {self.output}: {error.strerror or error}") from None


class _Status:
    """Failures as lines on stderr and, when enabled, a progress bar there (rich, shown once a
    run has taken half a second)."""

    DELAY = 0.5

    def __init__(self, *, enabled: bool, total: int | None) -> None:
        import time

        self.enabled = enabled
        self.total = total
        self.started = time.monotonic()
        self.progress: Any = None  # rich.progress.Progress, once started
        self.task: Any = None

    def update(self, tally: Tally) -> None:
        if not self.enabled:
            return
        if self.progress is None:
            import time

            if time.monotonic() - self.started < self.DELAY:
                return
            self._start(tally)
        self.progress.update(self.task, completed=tally.pages + tally.failed,
                             description=tally.summary())

    def say(self, line: str) -> None:
        if self.progress is not None:
            self.progress.console.print(line, soft_wrap=True)
        else:
            typer.echo(line, err=True)

    def _start(self, tally: Tally) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        console = Console(stderr=True, markup=False, emoji=False, highlight=False)
        self.progress = Progress(TextColumn("{task.description}", markup=False), BarColumn(), MofNCompleteColumn(),
                                 TimeElapsedColumn(), console=console, transient=True)
        self.task = self.progress.add_task(tally.summary(), total=self.total,
                                           completed=tally.pages + tally.failed)
        self.progress.start()

    def __enter__(self) -> _Status:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.progress is not None:
            self.progress.stop()


def _stderr_is_tty() -> bool:
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


def main() -> None:
    """Console-script entry point (`feedline = "feedline.cli:main"`)."""
    try:
        app()
    except KeyboardInterrupt:  # outside the command (typer maps the rest to 130 itself)
        sys.exit(130)


# The store's commands (`ingest`, `view`, `export`) live beside it; registered last so
# `extract` stays the first command in the help.
register_store_commands(app)
app.command("watch")(watch)
app.command("datasette-metadata")(datasette_metadata)
