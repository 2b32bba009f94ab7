"""`feedline watch URL... --db FILE --every 10m`: fetch and ingest pages again and again,
for users without cron.

    round:  the URLs that are due ──> store_cli.ingest_run (one `runs` row) ──> schedule each again

Each URL is due again `--every` later, stretched or shrunk at random by up to `--jitter`
(0.1: ±10%) so that polls do not fall on the same second; after k failures in a row it waits
2^k times as long (at most 32 times `--every`), and the first success resets it. A busy
store (another ingest holds the lock) is a failure of every URL of the round.

Stopping: SIGINT (Ctrl-C) or SIGTERM while waiting ends at once with exit 0. During a round
the page in flight is finished (a fetch ends within --timeout) and the rest of the round is
left: exit 130 when the round was cut short after its first page, 0 when it had not begun
or was done. A second signal abandons the page in flight: its transaction is rolled back,
exit 130. Other exits: 1, 2, 3 as `ingest` (a store that is no feedline store, bad options,
a --db that cannot be opened); never for a failed fetch or a busy store (reported, one line,
and tried again later). `--rounds N` stops after N rounds: exit 0 when every round's ingest
exited 0, else the last non-zero code of one (69: a fetch failed; 75: the store was busy).
"""
from __future__ import annotations

import random
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Annotated, Any

import typer

from feedline.cli_support import guarded, parse_every, parse_tz, report
from feedline.errors import EXIT_INTERRUPTED, EXIT_OK, StoreBusyError, UsageError
from feedline.store_cli import (DEFAULT_LIMITS, Db, MaxBytes, MaxRedirects, PagesLang, PagesZone, Quiet, Timeout,
                                Wait, ingest_run, limits)

MAX_BACKOFF = 5  # at most 2**5 = 32 intervals between two tries of a failing URL


@dataclass
class Schedule:
    """When each URL is due next (monotonic seconds), and how many times in a row it failed."""

    every: float
    jitter: float = 0.1
    rng: random.Random = field(default_factory=random.Random)
    due: dict[str, float] = field(default_factory=dict)
    failures: dict[str, int] = field(default_factory=dict)

    def start(self, urls: list[str], now: float) -> None:
        for url in urls:
            self.due.setdefault(url, now)
            self.failures.setdefault(url, 0)

    def ready(self, now: float) -> list[str]:
        return [url for url, at in self.due.items() if at <= now]

    def next_at(self) -> float:
        return min(self.due.values())

    def done(self, url: str, ok: bool, now: float) -> float:
        """Schedule `url` again after a success or a failure; the delay chosen."""
        self.failures[url] = 0 if ok else self.failures[url] + 1
        delay = self.every * 2 ** min(self.failures[url], MAX_BACKOFF)
        delay *= 1 + self.rng.uniform(-self.jitter, self.jitter)
        self.due[url] = now + delay
        return delay


class _Stop:
    """SIGINT / SIGTERM: the first asks to stop (an Event the loop waits on), the second
    abandons the page in flight (KeyboardInterrupt)."""

    def __init__(self) -> None:
        self.event = threading.Event()

    def handle(self, signum: int, frame: Any) -> None:
        if self.event.is_set():
            raise KeyboardInterrupt
        self.event.set()

    def __call__(self) -> bool:
        return self.event.is_set()


@contextmanager
def _signals(stop: _Stop) -> Iterator[None]:
    previous = {sig: signal.signal(sig, stop.handle) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def watch_loop(urls: list[str], schedule: Schedule, round_: Callable[[list[str]], tuple[int, list[Any]]],
               *, stop: Callable[[], bool], wait: Callable[[float], Any], rounds: int = 0,
               clock: Callable[[], float] = time.monotonic) -> int:
    """Run rounds until `stop()` or `rounds` rounds; the exit code (see the module's doc)."""
    schedule.start(urls, clock())
    done = 0
    worst = EXIT_OK  # the last non-zero exit code of a round (for --rounds)
    while not stop():
        ready = schedule.ready(clock())
        if not ready:
            wait(max(schedule.next_at() - clock(), 0.0))
            continue
        try:
            code, outcomes = round_(ready)
        except StoreBusyError as error:
            report(error)
            code, outcomes = error.exit_code, []
        finished = {o.page.name: o.error is None for o in outcomes}
        now = clock()
        for url in ready:
            if url in finished:
                schedule.done(url, finished[url], now)
            elif not stop():  # not reached: the store was busy
                schedule.done(url, False, now)
        if stop():  # cut short partway: 130; before it began or after it ended: 0
            return EXIT_INTERRUPTED if 0 < len(finished) < len(ready) else EXIT_OK
        worst = code or worst
        done += 1
        if rounds and done >= rounds:
            return worst
    return EXIT_OK


def watch(
    urls: Annotated[list[str], typer.Argument(metavar="URL...", help="The pages to poll (http or https).")],
    db: Db,
    every: Annotated[str, typer.Option(metavar="INTERVAL", help="How often to fetch each URL: 10m, 90s, 1h.")] = "10m",
    jitter: Annotated[float, typer.Option(min=0, max=0.5, metavar="FRACTION",
                                          help="Vary each interval at random by up to this fraction.")] = 0.1,
    rounds: Annotated[int, typer.Option(min=0, metavar="N", help="Stop after N rounds (0: never).")] = 0,
    tz: PagesZone = None,
    lang: PagesLang = None,
    wait: Wait = 30.0,
    quiet: Quiet = False,
    timeout: Timeout = DEFAULT_LIMITS.timeout,
    max_bytes: MaxBytes = DEFAULT_LIMITS.max_bytes,
    max_redirects: MaxRedirects = DEFAULT_LIMITS.max_redirects,
) -> None:
    """Fetch URLs into the store every INTERVAL until stopped (SIGINT, SIGTERM): cron without cron."""
    from feedline.fetch import Fetcher, is_url

    with guarded():
        interval = parse_every(every)
        parse_tz(tz)
        files = [url for url in urls if not is_url(url)]
        if files:
            raise UsageError(f"watch fetches http(s) URLs, not {files[0]!r}; for files use 'feedline ingest'")
        stop = _Stop()
        with _signals(stop), Fetcher(limits(timeout, max_bytes, max_redirects)) as fetcher:
            try:
                code = watch_loop(
                    list(dict.fromkeys(urls)), Schedule(interval, jitter),
                    lambda ready: ingest_run(db, ready, tz=tz, lang=lang, wait=wait, quiet=quiet, fetcher=fetcher,
                                             stop=stop),
                    stop=stop, wait=lambda seconds: stop.event.wait(seconds), rounds=rounds)
            except KeyboardInterrupt:
                code = EXIT_INTERRUPTED
    if code:
        raise typer.Exit(code)
