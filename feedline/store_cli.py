"""The store's commands, for the `feedline` command line: `register(app)` adds them.

    feedline ingest --db FILE PATHS... [--now ISO] [--tz ZONE] [--lang xx] [--feed KEY]
                    [--capture-from name|mtime] [--wait SECONDS] [--quiet]
                    [--timeout SECONDS] [--max-bytes N] [--max-redirects N]
    feedline view   --db FILE [--since D] [--until D] [--source NAME] [--search WORDS] [--feed KEY]
                    [--format table|markdown|html] [-o FILE] [--explain] [--width N]
    feedline export --db FILE [--format json|jsonl|csv|parquet|table|markdown|html] [same filters] [-o FILE]
    feedline feeds  --db FILE [--format table|json|jsonl|csv]

Only the command line: each command parses its options, makes its calls, renders and writes.
`ingest` collects its pages (files, folders, "-", the HTML records of web archives) with
`feedline.ingest`, which also owns their capture times and their extraction, and stores them
with `feedline.store`; the http(s) URLs among the paths are fetched and stored after the
files (`feedline.store_fetch`); `ingest_run` is one run, which `feedline.watch` repeats.
Exit codes (also in docs/store.md):

    0    success (ingest: every page stored or already stored)
    1    the database is no feedline store, or a newer feedline's (it is left unchanged)
    2    usage: a bad option value or bad arguments
    3    a page, a whole web archive or the database could not be read (ingest stores the
         other pages first)
    4    output that cannot be written (-o FILE, or stdout: a full disk, a closed pipe)
    5    ingest: a web archive was read only in part (cut off or corrupt after some records,
         or records that cannot be read), or a page's extraction failed unexpectedly; every
         other page was stored. 3 wins over 5.
    69   ingest: a URL could not be fetched (every other page and URL was stored); 3 wins over 69,
         69 over 5.

Each page that fails is one `feedline: error:` line and a `run_failures` row of the run.
`view` and `export` open the store read-only (`Store.open(readonly=True)`).
    75   the database stayed locked by another process for longer than --wait (EX_TEMPFAIL)
    130  interrupted (the page in flight is rolled back)

The pipeline, sqlite3, the store, warcio and rich are imported inside the commands:
`feedline --help` and every cron start stay fast.
"""
from __future__ import annotations

import itertools
import os
import sys
from contextlib import contextmanager
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import replace
from datetime import date, datetime
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any

import typer

from feedline.cli_support import (
    WIDTHS,
    guarded,
    one_line,
    parse_every,
    parse_now,
    parse_tz,
    report,
    stdout_failed,
    stdout_is_tty,
    table_width,
    write_line,
    write_output,
)
from feedline.errors import (
    EXIT_PARTIAL,
    check_language_tag,
    FeedlineError,
    InputError,
    OutputError,
    StoreBusyError,
    UsageError,
)
from feedline.fetch import Limits

if TYPE_CHECKING:
    from feedline.fetch import Fetcher
    from feedline.model import Timeline
    from feedline.ingest import Ingested
    from feedline.store import Query, StoredEntry, Store


class CaptureFrom(str, Enum):
    """Where a page's capture time may come from after --now and the file name."""

    NAME = "name"
    MTIME = "mtime"


class ExportFormat(str, Enum):
    """export --format: the machine formats, and the readable ones `extract` has."""

    JSON = "json"
    JSONL = "jsonl"
    CSV = "csv"
    PARQUET = "parquet"
    TABLE = "table"
    MARKDOWN = "markdown"
    HTML = "html"


class FeedsFormat(str, Enum):
    """feeds --format: a table, or the feed summaries as data."""

    TABLE = "table"
    JSON = "json"
    JSONL = "jsonl"
    CSV = "csv"


class ViewFormat(str, Enum):
    """view --format: the readable formats."""

    TABLE = "table"
    MARKDOWN = "markdown"
    HTML = "html"


STORE_FIELDS = ("feed", "first_seen", "last_seen", "times_seen", "revisions")  # added to each entry

# The fetch options of ingest, watch and extract (feedline.fetch.Limits; defaults there).
DEFAULT_LIMITS = Limits()
Timeout = Annotated[float, typer.Option(min=0.1, metavar="SECONDS",
                                        help="URLs: the longest a fetch may take (connect, redirects, body).")]
MaxBytes = Annotated[int, typer.Option(min=1, metavar="N", help="URLs: a page longer than N bytes is cut off there.")]
MaxRedirects = Annotated[int, typer.Option(min=0, metavar="N", help="URLs: follow at most N redirects.")]
Db = Annotated[str, typer.Option("--db", metavar="FILE", help="The SQLite store (ingest creates it).")]
# Options that `ingest` and `watch` share.
PagesZone = Annotated[str | None, typer.Option("--tz", metavar="ZONE", help="IANA zone of the pages' clock, e.g. Europe/Kyiv.")]
PagesLang = Annotated[str | None, typer.Option("--lang", metavar="xx", help="Language of the pages, e.g. en, de.")]
Wait = Annotated[float, typer.Option("--wait", min=0, metavar="SECONDS", help="How long to wait for a busy database.")]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="Print errors only.")]
Since = Annotated[str | None, typer.Option(metavar="DATE", help="Entries on or after DATE (YYYY-MM-DD[THH:MM]).")]
Until = Annotated[str | None, typer.Option(metavar="DATE", help="Entries on or before DATE (YYYY-MM-DD[THH:MM]).")]
SourceName = Annotated[str | None, typer.Option("--source", metavar="NAME", help="Entries citing NAME (a part of it).")]
Search = Annotated[str | None, typer.Option(metavar="WORDS", help="Full-text search in headline and text (FTS5).")]
FeedKey = Annotated[str | None, typer.Option("--feed", metavar="KEY", help="Only the feed KEY (URL or file stem).")]


def register(app: typer.Typer) -> None:
    """Add `ingest`, `view`, `export` and `feeds` to `app`."""
    app.command("ingest")(ingest)
    app.command("view")(view)
    app.command("export")(export)
    app.command("feeds")(feeds)


# ── ingest ──────────────────────────────────────────────────────────────────────────────────


def ingest(
    db: Db,
    paths: Annotated[list[str], typer.Argument(
        metavar="PATHS...", help='Pages, web archives (WARC/ARC), folders (recursively), http(s) URLs, "-" for stdin.')],
    now: Annotated[str | None, typer.Option(metavar="ISO", help="Capture time of every page, e.g. 2023-10-03T18:05.")] = None,
    tz: PagesZone = None,
    lang: PagesLang = None,
    feed: Annotated[str | None, typer.Option(metavar="KEY", help="Page identity for all pages (default: URL or file stem).")] = None,
    capture_from: Annotated[
        CaptureFrom,
        typer.Option(help="After --now, WARC-Date and a time stamp in the file name, also the file's mtime."),
    ] = CaptureFrom.NAME,
    wait: Wait = 30.0,
    quiet: Quiet = False,
    timeout: Timeout = DEFAULT_LIMITS.timeout,
    max_bytes: MaxBytes = DEFAULT_LIMITS.max_bytes,
    max_redirects: MaxRedirects = DEFAULT_LIMITS.max_redirects,
) -> None:
    """Add scraped pages (files, web archives' HTML records, fetched URLs) to the store; re-ingesting a page changes nothing."""
    with guarded():
        code, _ = ingest_run(db, paths, now=now, tz=tz, lang=lang, feed=feed, mtime=capture_from is CaptureFrom.MTIME,
                             wait=wait, quiet=quiet, limits=limits(timeout, max_bytes, max_redirects))
    if code:
        raise typer.Exit(code)


def limits(timeout: float, max_bytes: int, max_redirects: int) -> Limits:
    """The fetch limits of the options --timeout, --max-bytes and --max-redirects."""
    return Limits(timeout=timeout, max_bytes=max_bytes, max_redirects=max_redirects)


def ingest_run(db: str, paths: list[str], *, now: str | None = None, tz: str | None = None, lang: str | None = None,
               feed: str | None = None, mtime: bool = False, wait: float = 30.0, quiet: bool = False,
               limits: Limits | None = None, fetcher: Fetcher | None = None,
               stop: Callable[[], bool] = lambda: False) -> tuple[int, list[Ingested]]:
    """One ingest run (a `runs` row): the pages under `paths`, then the URLs among them fetched
    (with `fetcher`, else a client of its own). Stops between pages once `stop()` is true (the
    run is then `interrupted`). Returns the exit code and what happened to each input done;
    raises FeedlineError for what stops the run."""
    from feedline.fetch import is_url
    from feedline.ingest import Collected, collect_pages, extractor, ingest_pages
    from feedline.render._version import feedline_version
    from feedline.store import Store

    zone, moment = parse_tz(tz), parse_now(now, None)
    check_language_tag(lang, "--lang")
    urls = [path for path in paths if is_url(path)]
    files = [path for path in paths if not is_url(path)]
    found = collect_pages(files, now=moment, mtime=mtime, skip=_db_files(db)) if files else Collected()
    with Store.open(db, wait=wait) as store, _fetching(urls, fetcher, limits) as client:
        run_id = store.start_run(sys.argv[1:], feedline_version())
        extract = extractor(lang)
        pages = itertools.takewhile(lambda _: not stop(), found.pages)
        ingesting = ingest_pages(store, pages, extract, tz=zone, feed=feed, run_id=run_id)
        fetched: Iterable[Ingested] = ()
        if client is not None:
            from feedline.store_fetch import ingest_urls

            fetched = ingest_urls(store, urls, extract, client, now=moment, tz=zone, feed=feed,
                                  run_id=run_id, note=(lambda line: None) if quiet else _note, stop=stop)
        outcomes = _run(store, itertools.chain(found.failures, ingesting, fetched), run_id, quiet,
                        stopped=stop)
        if not quiet:
            write_line(_summary(db, outcomes, store.stats(), found.skipped))
    return _exit_code(outcomes, found.records), outcomes


@contextmanager
def _fetching(urls: list[str], fetcher: Fetcher | None, limits: Limits | None) -> Iterator[Fetcher | None]:
    """The client that fetches `urls`: `fetcher`, else one of its own (closed after); None without URLs."""
    if not urls:
        yield None
    elif fetcher is not None:
        yield fetcher
    else:
        from feedline.fetch import Fetcher

        with Fetcher(limits or Limits()) as own:
            yield own


def _note(line: str) -> None:
    typer.echo(f"feedline: note: {one_line(line)}", err=True)


def _run(store: Store, outcomes: Iterator[Ingested], run_id: int, quiet: bool,
         stopped: Callable[[], bool] = lambda: False) -> list[Ingested]:
    """Consume the ingest, reporting per page (a failed page also in the run's `run_failures`);
    the run row says how it ended (`interrupted` when `stopped()` cut it short)."""
    done: list[Ingested] = []
    status = "interrupted"
    try:
        for outcome in outcomes:
            done.append(outcome)
            _report(outcome, quiet)
            if outcome.error is not None:
                store.record_failure(run_id, outcome.page.name, one_line(str(outcome.error)))
        status = "interrupted" if stopped() else "done"
    except StoreBusyError:
        status = "busy"
        raise
    except FeedlineError:
        status = "failed"
        raise
    finally:
        results = [o.result for o in done if o.result is not None]
        try:
            store.finish_run(run_id, status, results, sum(o.error is not None for o in done))
        except FeedlineError:
            pass  # the run row stays "running": it says the run did not finish
    return done


def _report(outcome: Ingested, quiet: bool) -> None:
    if outcome.error is not None:
        report(outcome.error)
    elif outcome.result is not None and outcome.result.blind and not outcome.result.skipped and not quiet:
        typer.echo(
            f"feedline: note: {one_line(outcome.page.name)}: no capture time, ingested in blind mode "
            "(put a time stamp in the file name, or pass --now or --capture-from mtime)",
            err=True,
        )


def _exit_code(outcomes: list[Ingested], records: Collection[str]) -> int:
    """0; 3 when an input could not be read at all; else 5 when an archive was read in part."""
    codes = set()
    for outcome in outcomes:
        if outcome.error is not None:
            code = outcome.error.exit_code
            if code == InputError.exit_code and outcome.page.name in records:
                code = EXIT_PARTIAL  # one record of an archive whose other records were read
            codes.add(code)
    if InputError.exit_code in codes:
        return InputError.exit_code
    return max(codes, default=0)


def _summary(db: str, outcomes: list[Ingested], stats: dict[str, Any], skipped: int = 0) -> str:
    results = [o.result for o in outcomes if o.result is not None]
    added = [r for r in results if not r.skipped and not r.unchanged]
    parts = [
        f"{len(added)} page{'s' * (len(added) != 1)} added",
        f"{sum(r.skipped for r in results)} already stored",
    ]
    unchanged = sum(r.unchanged for r in results)
    if unchanged:
        parts.append(f"{unchanged} unchanged")
    blind = sum(r.blind for r in added)
    if blind:
        parts.append(f"{blind} blind")
    if skipped:
        parts.append(f"{skipped} archive record{'s' * (skipped != 1)} skipped")
    failed = sum(o.error is not None for o in outcomes)
    if failed:
        parts.append(f"{failed} failed")
    entries = (f"{sum(r.new for r in added)} new entries, {sum(r.edited for r in added)} edited, "
               f"{stats['entries']} in {one_line(db)}")
    return f"ingest: {', '.join(parts)}; {entries}"


def _db_files(db: str) -> list[Any]:
    from pathlib import Path

    return [Path(db + suffix) for suffix in ("", "-wal", "-shm", "-journal")]


# ── view and export ─────────────────────────────────────────────────────────────────────────


def view(
    db: Db,
    since: Since = None,
    until: Until = None,
    source: SourceName = None,
    search: Search = None,
    feed: FeedKey = None,
    fmt: Annotated[ViewFormat, typer.Option("--format", "-f", help="Output format.")] = ViewFormat.TABLE,
    output: Annotated[str | None, typer.Option("--output", "-o", metavar="FILE", help='Write to FILE ("-": stdout).')] = None,
    explain: Annotated[bool, typer.Option("--explain", help="Show each entry's date evidence and confidence.")] = False,
    width: Annotated[int | None, typer.Option(min=WIDTHS[0], max=WIDTHS[1], metavar="N",
                                              help="Table width in columns (20-1000).")] = None,
    follow: Annotated[bool, typer.Option("--follow", help="Stay open: show entries that later ingests store, "
                                         "as they land (Ctrl-C ends it).")] = False,
    every: Annotated[str, typer.Option(metavar="INTERVAL", help="With --follow: how often to look (2s, 1m).")] = "2s",
) -> None:
    """Show the stored timeline, a rule per day (each feed's last capture in the header)."""
    with guarded():
        query = _query(since, until, source, search, feed)
        interval = parse_every(every)
        if follow and (fmt is ViewFormat.HTML or output not in (None, "-")):
            raise UsageError("--follow writes table or markdown to standard output (an HTML page cannot grow)")
        stored, summaries = _load(db, query, feeds=True)
        timeline, sites, header = _timeline(db, stored, summaries)
        if fmt is ViewFormat.TABLE and output in (None, "-") and stdout_is_tty():
            _print_table(timeline, explain=explain, width=width, sites=sites, header=header)
        else:
            from feedline.render import render

            write_output(render(timeline, fmt.value, explain=explain, width=table_width(width), sites=sites,
                                header=header), output)
        if follow:
            _follow(db, query, {item.entry.id for item in stored}, fmt, explain=explain, width=width,
                    interval=interval)


def _follow(db: str, query: Query, seen: set[str], fmt: ViewFormat, *, explain: bool, width: int | None,
            interval: float) -> None:
    """Poll the store (one read-only connection; SQLite's data_version tells when another
    connection committed) and print each batch of entries not shown yet, until Ctrl-C."""
    import time as clock

    from feedline.render import render
    from feedline.store import Store

    try:
        with Store.open(db, readonly=True) as store:
            version = store.conn.execute("PRAGMA data_version").fetchone()[0]
            while True:
                clock.sleep(interval)
                now = store.conn.execute("PRAGMA data_version").fetchone()[0]
                if now == version:
                    continue
                version = now
                fresh = [item for item in store.entries(query) if item.entry.id not in seen]
                if not fresh:
                    continue
                seen.update(item.entry.id for item in fresh)
                timeline, sites, _ = _timeline(db, fresh, [])
                stamp = datetime.now().astimezone().strftime("%H:%M:%S")
                timeline = replace(timeline, page=replace(timeline.page, title=f"{len(fresh)} new at {stamp}"))
                if fmt is ViewFormat.TABLE and stdout_is_tty():
                    _print_table(timeline, explain=explain, width=width, sites=sites, header=())
                else:
                    write_output(render(timeline, fmt.value, explain=explain, width=table_width(width),
                                        sites=sites), None)
    except KeyboardInterrupt:
        return  # the way to end a follow: not an interruption of work


def export(
    db: Db,
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="Output format.")] = ExportFormat.JSON,
    since: Since = None,
    until: Until = None,
    source: SourceName = None,
    search: Search = None,
    feed: FeedKey = None,
    output: Annotated[str | None, typer.Option("--output", "-o", metavar="FILE", help='Write to FILE ("-": stdout).')] = None,
) -> None:
    """Write the stored timeline as JSON, JSON Lines, CSV, Parquet (-o FILE) or a readable format (stable order, no generation time)."""
    with guarded():
        query = _query(since, until, source, search, feed)
        if fmt is ExportFormat.PARQUET and output in (None, "-"):
            raise UsageError("--format parquet writes a file: give -o FILE")
        stored, summaries = _load(db, query, feeds=fmt.value not in ("json", "jsonl", "csv", "parquet"))
        if fmt is ExportFormat.PARQUET:
            _write_parquet(stored, output)
            return
        if fmt.value in ("json", "jsonl", "csv"):
            write_output(render_export(stored, fmt.value, query), output)
            return
        from feedline.render import render

        timeline, sites, header = _timeline(db, stored, summaries)
        write_output(render(timeline, fmt.value, width=table_width(None), sites=sites, header=header), output)


def feeds(
    db: Db,
    fmt: Annotated[FeedsFormat, typer.Option("--format", "-f", help="table, or json / jsonl / csv.")] = FeedsFormat.TABLE,
) -> None:
    """List the store's feeds: pages, entries, first and last capture."""
    with guarded():
        _, summaries = _load(db, None, feeds=True)
        write_output(render_feeds(summaries, fmt.value), None)


def render_feeds(summaries: list[Any], fmt: str) -> str:
    """The feed summaries (`feeds.FeedSummary`) as an aligned table, JSON, JSON Lines or CSV."""
    from dataclasses import asdict

    from feedline.render.json_format import dumps

    rows = [asdict(summary) for summary in summaries]
    if fmt == "json":
        return dumps({"feeds": rows}, indent=2) + "\n"
    if fmt == "jsonl":
        return "".join(dumps(row) + "\n" for row in rows)
    from feedline.render._text import clean, one_line

    if fmt == "csv":
        import csv
        import io

        from feedline.render.csv_format import neutralise

        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(["feed", "pages", "entries", "first_capture", "last_capture"])
        for row in rows:
            writer.writerow([neutralise(clean(str(value if value is not None else ""))) for value in row.values()])
        return buffer.getvalue()
    table = [("feed", "pages", "entries", "first capture", "last capture")]
    table += [(one_line(s.feed), str(s.pages), str(s.entries), s.first_capture or "-", s.last_capture or "-")
              for s in summaries]
    widths = [max(len(row[i]) for row in table) for i in range(5)]
    return "".join("  ".join(cell.ljust(w) if i == 0 else cell.rjust(w) if i < 3 else cell.ljust(w)
                             for i, (cell, w) in enumerate(zip(row, widths))).rstrip() + "\n" for row in table)


def _write_parquet(stored: list[StoredEntry], output: str) -> None:
    """The `timeline` Parquet schema (docs/parquet.md), as the distributed path writes it."""
    try:
        import pyarrow.parquet as pq

        from feedline.parquet import table, timeline_rows
    except ImportError:
        raise FeedlineError("--format parquet needs pyarrow: pip install 'feedline[dask]'") from None
    try:
        pq.write_table(table("timeline", timeline_rows(stored)), output, compression="zstd")
    except OSError as error:
        raise OutputError(f"cannot write {output}: {error.strerror or error}") from None


def render_export(stored: list[StoredEntry], fmt: str, query: Query) -> str:
    """The entries in `fmt`: the fields of `extract`'s entries plus STORE_FIELDS."""
    if fmt == "csv":
        return _csv(stored)
    from dataclasses import asdict

    from feedline.model import FORMAT_VERSION
    from feedline.render._version import feedline_version
    from feedline.render.json_format import dumps
    from feedline.store import SCHEMA_VERSION

    objects = [_entry_object(item) for item in stored]
    if fmt == "jsonl":
        return "".join(dumps(obj) + "\n" for obj in objects)
    document = {
        "format_version": FORMAT_VERSION,
        "generator": f"feedline {feedline_version()}",
        "store": {"schema_version": SCHEMA_VERSION},
        "query": asdict(query),
        "entries": objects,
    }
    return dumps(document, indent=2) + "\n"


def _entry_object(item: StoredEntry) -> dict[str, Any]:
    from feedline.render.json_format import entry_to_dict

    return {**entry_to_dict(item.entry), "feed": item.feed_key,
            **{name: getattr(item, name) for name in STORE_FIELDS[1:]}}


def _csv(stored: list[StoredEntry]) -> str:
    import csv
    import io

    from feedline.model import Page, Timeline
    from feedline.render._text import clean
    from feedline.render.csv_format import neutralise, render_csv

    extracted = Timeline(Page(text="", name="-"), tuple(item.entry for item in stored))
    rows = csv.reader(io.StringIO(render_csv(extracted)))  # extract's columns
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(next(rows) + list(STORE_FIELDS))
    values = {"feed": lambda item: item.feed_key}
    for item, row in zip(stored, rows):
        cells = [values.get(name, lambda item, name=name: getattr(item, name))(item) for name in STORE_FIELDS]
        writer.writerow(row + [neutralise(clean(str(cell or ""))) for cell in cells])
    return buffer.getvalue()


def _load(db: str, query: Query | None, *, feeds: bool = False) -> tuple[list[StoredEntry], list[Any]]:
    """The entries passing `query` (none when it is None) and, when `feeds`, the store's feed
    summaries (`feeds.FeedSummary`)."""
    from feedline.feeds import feed_summaries
    from feedline.store import Store

    with Store.open(db, readonly=True) as store:
        return (store.entries(query) if query is not None else [],
                feed_summaries(store) if feeds else [])


def _timeline(db: str, stored: list[StoredEntry], summaries: list[Any]) -> tuple[Timeline, list[str], list[str]]:
    """The stored entries as one Timeline, each entry's site label, and header lines: the last
    capture of each feed shown (of every feed when no entry is shown)."""
    from feedline.model import Page, Timeline
    from feedline.render._view import site_labels

    shown = {item.feed_key for item in stored}
    listed = [s for s in summaries if s.feed in shown] or summaries
    labels = site_labels([s.feed for s in summaries] + list(shown))
    pages = sum(s.pages for s in summaries)
    title = f"{os.path.basename(db)}: {pages} page{'s' * (pages != 1)} of {len(summaries)} feed{'s' * (len(summaries) != 1)}"
    now = None
    header = []
    if len(listed) == 1 and listed[0].last_capture:
        now = datetime.fromisoformat(listed[0].last_capture)
    else:
        for summary in listed[:FEEDS_IN_HEADER]:
            header.append(f"{labels[summary.feed]}: last captured {summary.last_capture or 'never (blind pages only)'}")
        if len(listed) > FEEDS_IN_HEADER:
            header.append(f"… and {len(listed) - FEEDS_IN_HEADER} more feeds (feedline feeds --db {os.path.basename(db)})")
    timeline = Timeline(page=Page(text="", name=db or "-", title=title),
                        entries=tuple(item.entry for item in stored), now=now)
    return timeline, [labels[item.feed_key] for item in stored], header


FEEDS_IN_HEADER = 5  # feeds whose capture `view`'s header lists; `feedline feeds` lists all


def _print_table(timeline: Timeline, *, explain: bool, width: int | None, sites: list[str],
                 header: list[str]) -> None:
    from rich.console import Console

    from feedline.render.table import render_table

    class StdoutConsole(Console):
        def on_broken_pipe(self) -> None:  # rich's own handler exits 1
            self.quiet = True
            raise BrokenPipeError

    try:
        render_table(timeline, StdoutConsole(width=width, markup=False, emoji=False, highlight=False),
                     explain=explain, sites=sites, header=header)
    except OSError as error:  # a broken pipe (quiet) or a full disk
        stdout_failed(error)


# ── option parsing and output ───────────────────────────────────────────────────────────────


def _query(since: str | None, until: str | None, source: str | None, search: str | None,
           feed: str | None) -> Query:
    from feedline.store import Query

    return Query(since=_day_or_time(since, "--since"), until=_day_or_time(until, "--until"),
                 source=source or None, search=search or None, feed=feed or None)


def _day_or_time(value: str | None, option: str) -> str | None:
    """"YYYY-MM-DD" or "YYYY-MM-DDTHH:MM" (seconds dropped); UsageError otherwise."""
    if value is None:
        return None
    text = value.strip()
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text).replace(tzinfo=None).isoformat(timespec="minutes")
    except ValueError:
        raise UsageError(f"{option}: not a date: {value!r} (expected e.g. 2023-10-02 or 2023-10-02T18:00)") from None
