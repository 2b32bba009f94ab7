"""Fetching pages (`feedline.fetch`, `extract URL`, `ingest URL`, `watch`) against a local
HTTP server on 127.0.0.1 (tests/httpserver.py): 200, 304, redirects and too many, a slow
server (timeout), a huge page (the size cap), wrong and missing charsets, 500, 404, a broken
answer, a refused connection. `watch` runs as a process of its own and is stopped by signals.
No test measures time: the slow server waits on an event, not a clock.
"""
from __future__ import annotations

import json
import os
import random
import signal
import socket
import sqlite3
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest
from typer.testing import CliRunner

import httpserver
from feedline.cli import app
from feedline.errors import EXIT_NETWORK, InputError, NetworkError
from feedline.fetch import USER_AGENT, Fetcher, Limits, Validators, body_charset, is_url
from feedline.cli_support import parse_every
from feedline.watch import Schedule, watch_loop

pytest.importorskip("httpx")
runner = CliRunner()
ROOT = Path(__file__).resolve().parents[1]
CAPTURED = "2023-10-03T15:05:00+00:00"  # httpserver.DATE


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    """127.0.0.1 directly, whatever proxy the environment names."""
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def server() -> httpserver.Server:
    with httpserver.Server() as running:
        yield running


def extract_json(*args: str) -> tuple[int, dict | None, str]:
    done = runner.invoke(app, ["extract", *args, "--format", "json"])
    return done.exit_code, json.loads(done.stdout) if done.exit_code == 0 else None, done.stderr


def entries_of(document: dict) -> list[tuple]:
    return [(e["local_date"], e["local_time"], e["headline"], e["text"], [s["name"] for s in e["sources"]])
            for e in document["entries"]]


def refused_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/page"  # nothing listens there now


# ── feedline.fetch ──────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize("text, url", [
    ("http://example.org/x", True), ("HTTPS://example.org", True), ("  https://a.b/c ", True),
    ("http://", False), ("ftp://example.org/x", False), ("page.html", False), ("-", False),
    ("snap/http-2023.html", False),
])
def test_is_url(text: str, url: bool) -> None:
    assert is_url(text) is url


def test_a_page_its_date_validators_and_user_agent(server: httpserver.Server) -> None:
    with Fetcher() as fetcher:
        fetched = fetcher.fetch(server.url("/page"))
    assert fetched.status == 200 and fetched.data == httpserver.seed_text().encode()
    assert fetched.captured_at.isoformat() == CAPTURED and fetched.dated
    assert (fetched.etag, fetched.last_modified) == ('"v1"', httpserver.LAST_MODIFIED)
    assert fetched.charset == "utf-8" and not fetched.truncated
    [(path, headers)] = server.requests
    assert headers["User-Agent"] == USER_AGENT and USER_AGENT.startswith("feedline/0.1.0")
    assert "If-None-Match" not in headers


def test_conditional_requests_get_304(server: httpserver.Server) -> None:
    with Fetcher() as fetcher:
        unchanged = fetcher.fetch(server.url("/page"), Validators('"v1"', httpserver.LAST_MODIFIED))
        server.version = 2
        changed = fetcher.fetch(server.url("/page"), Validators('"v1"', httpserver.LAST_MODIFIED))
    assert unchanged.unchanged and unchanged.data is None
    assert changed.status == 200 and b"grain corridor" in (changed.data or b"") and changed.etag == '"v2"'
    assert server.requests[0][1]["If-None-Match"] == '"v1"'
    assert server.requests[0][1]["If-Modified-Since"] == httpserver.LAST_MODIFIED


def test_odd_validators_are_not_sent(server: httpserver.Server) -> None:
    with Fetcher() as fetcher:
        fetched = fetcher.fetch(server.url("/page"), Validators('"é\u2028"', "Tue,\n 03 Oct"))
    assert fetched.status == 200
    assert "If-None-Match" not in server.requests[0][1] and "If-Modified-Since" not in server.requests[0][1]


def test_redirects_are_followed_up_to_the_limit(server: httpserver.Server) -> None:
    with Fetcher(Limits(max_redirects=3)) as fetcher:
        fetched = fetcher.fetch(server.url("/hop/2"))  # three redirects
        assert fetched.final_url == server.url("/page") and fetched.status == 200
        with pytest.raises(NetworkError, match="more than 3 redirects"):
            fetcher.fetch(server.url("/hop/3"))
        with pytest.raises(NetworkError, match="more than 3 redirects"):
            fetcher.fetch(server.url("/loop"))


def test_a_slow_server_times_out(server: httpserver.Server) -> None:
    with Fetcher(Limits(timeout=0.5)) as fetcher, pytest.raises(NetworkError, match=r"within 0\.5 s \(timeout\)"):
        fetcher.fetch(server.url("/slow"))


def test_a_huge_page_is_cut_off_at_the_cap(server: httpserver.Server) -> None:
    with Fetcher(Limits(max_bytes=100_000)) as fetcher:
        fetched = fetcher.fetch(server.url("/huge"))
    assert fetched.truncated and len(fetched.data or b"") == 100_000
    assert (fetched.data or b"").startswith(httpserver.seed_text().encode())


@pytest.mark.parametrize("path, message", [
    ("/status/500", "answered 500 Internal Server Error (the server failed)"),
    ("/status/404", "answered 404 Not Found"),
    ("/status/204", "answered 204"),
    ("/broken", "a broken answer (DecodingError"),
])
def test_error_answers(server: httpserver.Server, path: str, message: str) -> None:
    with Fetcher() as fetcher, pytest.raises(NetworkError, match=message.replace("(", r"\(").replace(")", r"\)")):
        fetcher.fetch(server.url(path))


def test_refused_connections_and_bad_urls() -> None:
    with Fetcher(Limits(timeout=5)) as fetcher:
        with pytest.raises(NetworkError, match="cannot connect"):
            fetcher.fetch(refused_url())
        for bad in ("http://127.0.0.1:abc/", "http://127.0.0.1:99999/", "http:///path", "http://[::1/"):
            with pytest.raises(InputError, match="not a valid URL|not an http"):
                fetcher.fetch(bad)
    assert runner.invoke(app, ["extract", "http://127.0.0.1:abc/"]).exit_code == 3


def test_a_304_to_an_unconditional_request_is_an_error(server: httpserver.Server) -> None:
    with Fetcher() as fetcher, pytest.raises(NetworkError, match="answered 304"):
        fetcher.fetch(server.url("/status/304"))


@pytest.mark.parametrize("declared, body, charset", [
    (None, b"plain", None),
    ("utf-8", "Zürich".encode(), "utf-8"),
    ("ISO-8859-1", "Zürich".encode(), "utf-8"),  # valid UTF-8 with non-ASCII: not Latin-1
    ("iso-8859-1", "Zürich".encode("latin-1"), "iso-8859-1"),
    ("iso-8859-1", b"plain ascii", "iso-8859-1"),
    ("windows-1251", "Київ".encode("cp1251"), "windows-1251"),
])
def test_body_charset(declared: str | None, body: bytes, charset: str | None) -> None:
    assert body_charset(declared, body) == charset


# ── feedline extract URL ────────────────────────────────────────────────────────────────────


def test_extract_url_equals_extract_file_at_the_date_header(server: httpserver.Server) -> None:
    code, fetched, _ = extract_json(server.url("/page"))
    assert code == 0 and fetched is not None
    assert fetched["now"] == CAPTURED and fetched["page"]["url"] == server.url("/page")
    _, local, _ = extract_json(str(httpserver.SEED), "--now", CAPTURED)
    assert entries_of(fetched) == entries_of(local) and len(fetched["entries"]) == 6


def test_extract_url_without_a_date_header_takes_this_machines_clock(server: httpserver.Server) -> None:
    before = datetime.now(timezone.utc).replace(microsecond=0)
    code, fetched, _ = extract_json(server.url("/nodate"))
    after = datetime.now(timezone.utc)
    assert code == 0 and fetched is not None
    assert before <= datetime.fromisoformat(fetched["now"]) <= after


def test_now_wins_over_the_date_header(server: httpserver.Server) -> None:
    code, fetched, _ = extract_json(server.url("/page"), "--now", "2023-10-04T09:00", "--tz", "Europe/Kyiv")
    assert code == 0 and fetched is not None and fetched["now"].startswith("2023-10-04T09:00")


@pytest.mark.parametrize("path", ["/utf8-header", "/no-charset"])
def test_a_wrong_or_missing_charset_falls_back_to_the_pages(server: httpserver.Server, path: str) -> None:
    code, fetched, _ = extract_json(server.url(path))
    assert code == 0 and fetched is not None and fetched["page"]["encoding"] == "cp1251"
    assert any("Україна" in e["text"] for e in fetched["entries"])


def test_a_latin_1_header_on_utf_8_bytes_reads_utf_8(server: httpserver.Server) -> None:
    code, fetched, _ = extract_json(server.url("/latin-header"))
    assert code == 0 and fetched is not None
    assert any("Ükraine" in e["text"] for e in fetched["entries"])
    assert not any("Ã" in e["text"] for e in fetched["entries"])


def test_extract_a_huge_url_says_it_was_cut_off(server: httpserver.Server) -> None:
    code, fetched, stderr = extract_json(server.url("/huge"), "--max-bytes", "100000")
    assert code == 0 and fetched is not None and len(fetched["entries"]) == 6
    assert stderr.startswith("feedline: note: ") and "cut off" in stderr and stderr.count("\n") == 1


@pytest.mark.parametrize("path, args, code, message", [
    ("/status/500", [], EXIT_NETWORK, "the server answered 500"),
    ("/loop", [], EXIT_NETWORK, "more than 5 redirects"),
    ("/hop/2", ["--max-redirects", "1"], EXIT_NETWORK, "more than 1 redirects"),
    ("/slow", ["--timeout", "0.3"], EXIT_NETWORK, "within 0.3 s (timeout)"),
    (None, [], EXIT_NETWORK, "cannot connect"),
])
def test_extract_url_errors_are_one_line_and_exit_69(server: httpserver.Server, path: str | None, args: list[str],
                                                      code: int, message: str) -> None:
    url = server.url(path) if path else refused_url()
    done = runner.invoke(app, ["extract", url, "--format", "json", *args])
    assert done.exit_code == code == 69
    assert done.stderr.startswith("feedline: error: cannot fetch") and message in done.stderr
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr and done.stdout == ""


def test_extract_takes_one_url_alone(server: httpserver.Server) -> None:
    done = runner.invoke(app, ["extract", server.url("/page"), str(httpserver.SEED)])
    assert done.exit_code == 2 and "one URL at a time" in done.stderr


# ── feedline ingest URL ─────────────────────────────────────────────────────────────────────


def ingest(db: Path, *args: str) -> tuple[int, str, str]:
    done = runner.invoke(app, ["ingest", "--db", str(db), *args])
    return done.exit_code, done.stdout, done.stderr


def rows(db: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


def test_an_unchanged_page_costs_a_304_and_stores_nothing_new(server: httpserver.Server, tmp_path: Path) -> None:
    db = tmp_path / "feed.db"
    url = server.url("/page")
    code, out, _ = ingest(db, url)
    assert code == 0 and out.startswith("ingest: 1 page added, 0 already stored; 6 new entries")
    assert rows(db, "SELECT feed, path, captured_at, capture_source FROM pages") == [(url, url, CAPTURED, "http-date")]
    code, out, _ = ingest(db, url)
    assert code == 0 and out.startswith("ingest: 0 pages added, 0 already stored, 1 unchanged; 0 new entries")
    assert server.requests[-1][1]["If-None-Match"] == '"v1"'
    assert rows(db, "SELECT count(*) FROM pages") == [(1,)]
    assert rows(db, "SELECT status, times_fetched, times_unchanged, etag FROM fetches") == [(304, 2, 1, '"v1"')]
    assert rows(db, "SELECT pages_added, pages_unchanged FROM runs ORDER BY id") == [(1, 0), (0, 1)]
    server.version = 2  # the page changes: a 200, one entry more
    code, out, _ = ingest(db, url)
    assert code == 0 and out.startswith("ingest: 1 page added, 0 already stored; 1 new entries")
    assert rows(db, "SELECT status, times_fetched, times_unchanged, etag FROM fetches") == [(200, 3, 1, '"v2"')]
    assert rows(db, "SELECT count(*) FROM entries") == [(7,)]


@pytest.fixture
def utc_machine(monkeypatch: pytest.MonkeyPatch):
    """This process's clock in UTC, the zone of the Date header (where a capture time could
    be mistaken for this machine's clock)."""
    import time

    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_a_fetched_page_is_dated_as_extract_dates_it(server: httpserver.Server, tmp_path: Path,
                                                     utc_machine: None) -> None:
    db = tmp_path / "feed.db"
    assert ingest(db, server.url("/page"))[0] == 0
    _, fetched, _ = extract_json(server.url("/page"))
    assert fetched is not None
    stored = rows(db, "SELECT local_date, local_time FROM entries ORDER BY local_date, local_time")
    assert stored == [(e["local_date"], e["local_time"]) for e in fetched["entries"]]
    assert all(day is not None for day, _ in stored)


def test_ingest_files_and_urls_together_one_failing(server: httpserver.Server, tmp_path: Path) -> None:
    db = tmp_path / "feed.db"
    snapshot = tmp_path / "local-2023-10-03T1805.txt"
    snapshot.write_text(httpserver.seed_text(), encoding="utf-8")
    code, out, err = ingest(db, str(snapshot), server.url("/status/500"), server.url("/nodate"))
    assert code == EXIT_NETWORK
    assert err.count("feedline: error: ") == 1 and "answered 500" in err
    assert out.startswith("ingest: 2 pages added, 0 already stored, 1 failed")
    assert rows(db, "SELECT capture_source FROM pages ORDER BY id") == [("name",), ("fetched",)]
    assert rows(db, "SELECT path FROM run_failures") == [(server.url("/status/500"),)]
    assert rows(db, "SELECT count(*) FROM fetches") == [(1,)]  # the failed URL keeps no validators


def test_a_redirected_url_keeps_its_own_identity(server: httpserver.Server, tmp_path: Path) -> None:
    db = tmp_path / "feed.db"
    url = server.url("/hop/1")
    assert ingest(db, url)[0] == 0
    assert rows(db, "SELECT DISTINCT feed FROM entries") == [(url,)]
    assert rows(db, "SELECT url, final_url FROM fetches") == [(url, server.url("/page"))]


# ── feedline watch ──────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize("text, seconds", [("10m", 600), ("90s", 90), ("1h30m", 5400), ("0.5s", 0.5), ("45", 45),
                                           ("1d", 86400)])
def test_parse_every(text: str, seconds: float) -> None:
    assert parse_every(text) == seconds


@pytest.mark.parametrize("text", ["", "10x", "m", "0s", "-5", "1h 30m", "nan", "inf"])
def test_parse_every_refuses(text: str) -> None:
    with pytest.raises(Exception) as caught:
        parse_every(text)
    assert getattr(caught.value, "exit_code", None) == 2


def test_backoff_doubles_on_failures_and_resets_on_success() -> None:
    schedule = Schedule(every=60.0, jitter=0.0)
    schedule.start(["u"], 0.0)
    assert [schedule.done("u", False, 0.0) for _ in range(7)] == [120, 240, 480, 960, 1920, 1920, 1920]
    assert schedule.done("u", True, 0.0) == 60


def test_jitter_stays_within_its_fraction() -> None:
    schedule = Schedule(every=100.0, jitter=0.1, rng=random.Random(7))
    schedule.start(["u"], 0.0)
    delays = [schedule.done("u", True, 0.0) for _ in range(200)]
    assert all(90 <= d <= 110 for d in delays) and len(set(delays)) > 100


class FakeOutcome:
    def __init__(self, name: str, ok: bool) -> None:
        self.page = type("P", (), {"name": name})()
        self.error = None if ok else NetworkError("down")


def test_the_loop_polls_each_url_on_its_own_schedule() -> None:
    """A fake clock: 'a' always works, 'b' fails twice then works."""
    now = [0.0]
    calls: list[tuple[float, list[str]]] = []
    fails = {"b": 2}

    def round_(ready: list[str]) -> tuple[int, list[FakeOutcome]]:
        calls.append((now[0], ready))
        outcomes = []
        for url in ready:
            ok = fails.get(url, 0) == 0
            fails[url] = max(fails.get(url, 0) - 1, 0)
            outcomes.append(FakeOutcome(url, ok))
        return 0, outcomes

    def wait(seconds: float) -> None:
        now[0] += seconds

    code = watch_loop(["a", "b"], Schedule(10.0, jitter=0.0), round_, stop=lambda: False, wait=wait, rounds=6,
                      clock=lambda: now[0])
    assert code == 0
    # b failed at 0 (next in 20) and at 20 (next in 40: at 60, after the sixth round)
    assert calls == [(0, ["a", "b"]), (10, ["a"]), (20, ["a", "b"]), (30, ["a"]), (40, ["a"]), (50, ["a"])]


def watch_process(db: Path, urls: list[str], *args: str) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    return subprocess.Popen([sys.executable, "-m", "feedline", "watch", *urls, "--db", str(db), *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)


def wait_for(condition, process: subprocess.Popen) -> None:
    """Until `condition()`; fails if the process ends first (no clock: the process's own end)."""
    import time

    while not condition():
        assert process.poll() is None, process.communicate()
        time.sleep(0.05)


def store_rows(db: Path, sql: str) -> list[tuple]:
    try:
        return rows(db, sql)
    except sqlite3.Error:
        return []


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_watch_polls_until_a_signal_between_rounds_then_exits_0(server: httpserver.Server, tmp_path: Path,
                                                                 sig: signal.Signals) -> None:
    db = tmp_path / "feed.db"
    process = watch_process(db, [server.url("/page")], "--every", "0.1s", "--quiet")
    try:
        wait_for(lambda: store_rows(db, "SELECT count(*) FROM runs WHERE status = 'done'") >= [(3,)], process)
        process.send_signal(sig)
        out, err = process.communicate(timeout=60)
    finally:
        process.kill()
    assert process.returncode == 0, err
    assert err == "" and out == ""
    assert rows(db, "SELECT count(*) FROM pages") == [(1,)]  # then 304s
    [(fetched, unchanged)] = rows(db, "SELECT times_fetched, times_unchanged FROM fetches")
    assert fetched >= 3 and unchanged == fetched - 1
    assert rows(db, "SELECT count(*) FROM runs WHERE status NOT IN ('done', 'interrupted')") == [(0,)]


def test_watch_finishes_the_page_in_flight_and_leaves_the_rest_on_a_signal(server: httpserver.Server,
                                                                           tmp_path: Path) -> None:
    server.slow_seconds = 60.0
    db = tmp_path / "feed.db"
    process = watch_process(db, [server.url("/slow"), server.url("/nodate")], "--every", "1h")
    try:
        wait_for(server.arrived.is_set, process)  # the fetch of /slow is in flight
        process.send_signal(signal.SIGINT)
        server.stopping.set()  # the slow answer now comes
        out, err = process.communicate(timeout=60)
    finally:
        process.kill()
    assert process.returncode == 130, err
    assert rows(db, "SELECT path FROM pages") == [(server.url("/slow"),)]  # finished; /nodate left
    assert rows(db, "SELECT status FROM runs") == [("interrupted",)]
    assert "Traceback" not in err


def test_watch_keeps_going_when_a_url_fails(server: httpserver.Server, tmp_path: Path) -> None:
    db = tmp_path / "feed.db"
    process = watch_process(db, [refused_url(), server.url("/page")], "--every", "0.1s", "--rounds", "2",
                            "--timeout", "5")
    out, err = process.communicate(timeout=120)
    assert process.returncode == EXIT_NETWORK  # a round's ingest code: the first round's fetch failed
    assert err.count("feedline: error: ") >= 1 and "cannot connect" in err and "Traceback" not in err
    assert rows(db, "SELECT count(*) FROM pages") == [(1,)]


def test_watch_refuses_files_and_bad_intervals(tmp_path: Path) -> None:
    done = runner.invoke(app, ["watch", str(httpserver.SEED), "--db", str(tmp_path / "f.db")])
    assert done.exit_code == 2 and "not" in done.stderr and "ingest" in done.stderr
    done = runner.invoke(app, ["watch", "http://127.0.0.1:9/", "--db", str(tmp_path / "f.db"), "--every", "soon"])
    assert done.exit_code == 2 and "--every" in done.stderr
