"""The fuzzing harness (fuzzing/, `make fuzz`): its regressions replay clean, a short run finds
nothing, and its oracle and minimiser catch what they are meant to catch.

Also the findings it made: capture times that a zone conversion moves out of NOW_YEARS.
"""
from __future__ import annotations

import json
import sys
from datetime import datetime
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from feedline import pipeline  # noqa: E402
from feedline.cli_support import parse_now  # noqa: E402
from feedline.errors import UsageError  # noqa: E402
from feedline.ingest import capture_moment  # noqa: E402
from fuzzing import engine  # noqa: E402
from fuzzing.case import HEADER, Case, decode  # noqa: E402
from fuzzing.engine import REGRESSIONS, Fuzzer, State, generate  # noqa: E402
from fuzzing.oracle import Finding, check_output  # noqa: E402
from fuzzing.seeds import Pages  # noqa: E402

NO_PAGES = Pages(Path("/nonexistent-shared"))
PAGE = b"<ul><li>10:05 The ferry resumed service, the operator said.</li><li>09:40 Winds dropped.</li></ul>"


@pytest.fixture
def fuzzer(tmp_path: Path) -> Fuzzer:
    made = Fuzzer(State(tmp_path / "state"), engine="test", regressions=None, pages=NO_PAGES)
    yield made
    made.runner.close()


@pytest.fixture
def poisoned(monkeypatch: pytest.MonkeyPatch) -> None:
    tokenize = pipeline.tokenize

    def poisoned_tokenize(page):
        if "POISONPAGE" in page.text:
            raise RuntimeError("injected fault")
        return tokenize(page)

    monkeypatch.setattr(pipeline, "tokenize", poisoned_tokenize)


# ── regressions and a short run ───────────────────────────────────────────────────────────


@pytest.mark.parametrize("path", sorted(REGRESSIONS.glob("*.json")), ids=lambda p: p.stem)
def test_regression_replays_without_finding(path: Path, fuzzer: Fuzzer) -> None:
    case = Case.from_json(path.read_text(encoding="utf-8"))
    assert fuzzer.judge(case) is None


def test_regressions_exist() -> None:
    assert list(REGRESSIONS.glob("*.json")), "tests/fuzz_regressions/ holds the minimised findings"


def test_short_run_finds_nothing_and_counts(tmp_path: Path) -> None:
    """CI's fuzz run: 150 generated inputs (shared pages' windows when ../shared is there)."""
    state = State(tmp_path / "state")
    fuzzer = Fuzzer(state, engine="random", regressions=None)
    engine.run_random(fuzzer, runs=150, seconds=None, seed=3)
    fuzzer.close()
    saved = json.loads((tmp_path / "state" / "stats.json").read_text())
    assert saved["inputs"] == 150
    assert saved["findings"] == {}, saved["findings"]
    resumed = Fuzzer(State(tmp_path / "state"), engine="random", regressions=None, pages=NO_PAGES)
    engine.run_random(resumed, runs=10, seconds=None, seed=4)
    resumed.close()
    assert State(tmp_path / "state").data["inputs"] == 160
    assert len(State(tmp_path / "state").data["sessions"]) == 2


# ── the oracle ────────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize("target", ["extract", "warc", "ingest"])
def test_unexpected_exception_is_a_finding_in_every_target(target: str, fuzzer: Fuzzer, poisoned: None) -> None:
    finding = fuzzer.judge(Case(target, b"POISONPAGE " + PAGE, fmt="jsonl"))
    assert finding is not None and finding.kind == "exception"
    assert finding.signature.startswith("RuntimeError@feedline/")
    assert fuzzer.judge(Case(target, PAGE, fmt="jsonl")) is None


def test_answers_are_not_findings(fuzzer: Fuzzer) -> None:
    assert fuzzer.judge(Case("extract", b"\x00\x01\x02binary\x00" * 50)) is None  # InputError
    assert fuzzer.judge(Case("extract", PAGE, now="0001-01-01T00:30")) is None  # rejected option
    assert fuzzer.judge(Case("extract", PAGE, tz="No/Such_Zone")) is None
    assert fuzzer.judge(Case("warc", b"WARC/1.0\r\nbroken")) is None  # archive damage


def test_hang_is_a_finding(fuzzer: Fuzzer, monkeypatch: pytest.MonkeyPatch) -> None:
    def endless(page):
        while True:
            pass

    monkeypatch.setattr(engine, "LIMIT_SECONDS", 0.2)
    monkeypatch.setattr(pipeline, "tokenize", endless)
    finding = fuzzer.judge(Case("extract", PAGE))
    assert finding is not None and finding.kind == "hang"


@pytest.mark.parametrize("text, fmt", [("a\u202eb", "table"), ("x\u2066y", "markdown"), ("a\x1b[31mb", "csv"),
                                       ('{"a": "\u2028"}', "json"), ("a\u00adb", "jsonl"), ("a\tb", "table")])
def test_unsafe_output_is_a_finding(text: str, fmt: str) -> None:
    with pytest.raises(Finding) as raised:
        check_output(text, fmt)
    assert raised.value.kind == "leak"


def test_safe_output_and_bad_json() -> None:
    check_output("a,b\r\n1,2\r\n", "csv")
    check_output('{"a": "\\u202e"}\n', "json")
    with pytest.raises(Finding) as raised:
        check_output('{"a": ', "json")
    assert raised.value.kind == "bad-json"


# ── cases and the minimiser ───────────────────────────────────────────────────────────────


def test_case_round_trips_through_json() -> None:
    case = Case("warc", b"\xff\xfe<p>\x00\xe2\x80\xae", now="2023-10-03T18:05", tz="Europe/Kyiv", lang="uk",
                hidden=True, fmt="csv", name="a-2023-10-03T1800.html")
    assert Case.from_json(case.to_json()) == case
    text = Case("extract", "10:05 Київ".encode()).to_json()
    assert Case.from_json(text).body == "10:05 Київ".encode()


def test_decode_is_total_and_deterministic() -> None:
    import random

    rng = random.Random(5)
    for _ in range(200):
        raw = generate(rng, 0)
        assert decode(raw, NO_PAGES) == decode(raw, NO_PAGES)
    assert decode(b"", NO_PAGES).body == b""
    assert decode(bytes(HEADER) + b"abc", NO_PAGES).body == b"abc"


def test_minimiser_keeps_the_finding_and_drops_the_rest(fuzzer: Fuzzer, poisoned: None) -> None:
    case = Case("ingest", PAGE + b" POISONPAGE " + PAGE, now="2023-10-03T18:05:00", tz="Europe/Kyiv", fmt="csv")
    finding = fuzzer.judge(case)
    assert finding is not None
    small = fuzzer.minimise(case, finding.signature)
    assert b"POISONPAGE" in small.body and len(small.body) <= 16
    assert (small.target, small.now, small.tz, small.fmt) == ("extract", None, None, "json")
    assert fuzzer.judge(small).signature == finding.signature


def test_new_finding_is_recorded_once_and_minimised(tmp_path: Path, poisoned: None) -> None:
    fuzzer = Fuzzer(State(tmp_path / "state"), engine="test", regressions=tmp_path / "regressions", pages=NO_PAGES)
    raw = bytes(HEADER) + b"POISONPAGE " + PAGE
    fuzzer.one(raw)
    fuzzer.one(raw)
    fuzzer.close()
    findings = fuzzer.state.data["findings"]
    assert [entry["count"] for entry in findings.values()] == [2]
    written = list((tmp_path / "regressions").glob("*.json"))
    assert len(written) == 1
    assert Case.from_json(written[0].read_text()).body.strip() == b"POISONPAGE"


# ── findings: a capture time a zone conversion moves out of NOW_YEARS ─────────────────────


def test_now_converted_out_of_range_names_what_was_typed() -> None:
    with pytest.raises(UsageError) as raised:
        parse_now("1900-01-01T00:00:22+05:15", "Africa/Casablanca")
    message = str(raised.value)
    assert message.startswith("--now: 1900-01-01T00:00:22+05:15 is 1899-12-31")
    assert "Africa/Casablanca" in message
    assert parse_now("1900-01-01T06:00:00+05:15", "Africa/Casablanca").year == 1900


def test_now_converted_past_2200_is_refused() -> None:
    with pytest.raises(UsageError, match="2201-01-01"):
        parse_now("2200-12-31T23:00:00-05:00", "Europe/Kyiv")


def test_file_name_capture_converted_out_of_range_is_no_capture_time() -> None:
    stamped = datetime.fromisoformat("1900-01-01T00:00:22+05:15")
    assert capture_moment(stamped, "Africa/Casablanca") is None
    assert capture_moment(stamped, "Asia/Tokyo").year == 1900
    assert capture_moment(stamped, None) == stamped


@pytest.mark.parametrize("body", [PAGE, PAGE + b"<p>x</p>"[: 3 - len(PAGE) % 3 or 3]], ids=["plain", "gzip"])
def test_wrapped_archive_holds_the_body_in_records(body: bytes) -> None:
    from feedline.inputs import ArchivePage, Skipped, archive_pages
    from fuzzing.oracle import wrap_warc

    case = Case("warc", body, name="ab")  # len 2: three records, the second a request
    data = wrap_warc(case)
    assert (data[:2] == b"\x1f\x8b") == (len(body) % 3 == 0)
    items = list(archive_pages("t.warc", data))
    assert [type(item) for item in items] == [ArchivePage, Skipped, ArchivePage]
    cut = list(archive_pages("t.warc", wrap_warc(Case("warc", body, name="abc", fmt="csv"))))  # one record
    assert type(cut[-1]).__name__ == "Failed"


def test_ingest_of_an_archive_stores_its_pages(fuzzer: Fuzzer) -> None:
    assert fuzzer.judge(Case("ingest", PAGE, hidden=True, fmt="jsonl", now="2023-10-03T18:05")) is None
    store = fuzzer.runner._store
    assert store.stats()["pages"] >= 1


# ── findings: a web archive cut off inside a record's header block ────────────────────────

RECORD = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.org/\r\n"
          b"WARC-Date: 2023-10-03T18:05:00Z\r\nContent-Type: application/http; msgtype=response\r\n"
          b"Content-Length: 96\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
          b"<ul><li>10:05 The ferry resumed service.</li></ul>\r\n\r\n")


@pytest.mark.parametrize("cut", [RECORD.index(b"WARC-Target"), RECORD.index(b"Content-Type"),
                                 RECORD.index(b"Content-Length: ") + len(b"Content-Length:")])
def test_archive_cut_inside_a_header_block_is_damage(cut: int) -> None:
    from feedline.inputs import ArchivePage, Failed, archive_pages

    items = list(archive_pages("t.warc", RECORD + RECORD[:cut]))
    assert isinstance(items[0], ArchivePage)
    assert isinstance(items[-1], Failed) and "cut off or corrupt" in items[-1].message


def test_nondeterminism_is_a_finding(fuzzer: Fuzzer, monkeypatch: pytest.MonkeyPatch) -> None:
    from dataclasses import replace

    tokenize, calls = pipeline.tokenize, []

    def forgetful(page):  # every second extraction sees an empty page
        calls.append(1)
        return tokenize(replace(page, text="") if len(calls) % 2 == 0 else page)

    monkeypatch.setattr(pipeline, "tokenize", forgetful)
    body = PAGE.ljust(8 * (len(PAGE) // 8 + 1))  # a length the check runs on
    finding = fuzzer.judge(Case("extract", body))
    assert finding is not None and finding.kind == "nondeterministic"


def test_ingest_that_stores_a_page_twice_is_a_finding(fuzzer: Fuzzer, monkeypatch: pytest.MonkeyPatch) -> None:
    from feedline.store import Store

    assert fuzzer.judge(Case("ingest", PAGE, now="2023-10-03T18:05")) is None
    monkeypatch.setattr(Store, "has_page", lambda self, digest, captured_at: False)
    finding = fuzzer.judge(Case("ingest", PAGE + b" ", now="2023-10-03T18:05"))
    assert finding is not None and finding.kind == "not-idempotent"


def test_extract_checks_now_on_the_pages_clock() -> None:
    from datetime import timezone

    edge = datetime(1900, 1, 1, 0, 0, 22, tzinfo=timezone.utc)
    with pytest.raises(UsageError, match=r"now: 1900-01-01T00:00:22\+00:00 is 1899-12-31T.* in America/New_York"):
        pipeline.extract(PAGE, now=edge, tz="America/New_York")
    assert pipeline.extract(PAGE, now=edge, tz="Asia/Tokyo").now.year == 1900
    assert pipeline.extract(PAGE, now=edge).now == edge


def test_archive_date_that_the_zone_moves_out_of_range_is_no_capture_time(tmp_path: Path) -> None:
    import subprocess

    from fuzzing.oracle import wrap_warc

    archive = tmp_path / "edge.warc"
    archive.write_bytes(wrap_warc(Case("warc", PAGE + b"  ", now="1900-01-01T00:00:00Z", name="abc")))
    done = subprocess.run([sys.executable, "-m", "feedline", "extract", str(archive), "--tz", "America/New_York",
                           "--format", "json"], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    [document] = json.loads(done.stdout)  # an archive: one document per page record
    assert document["now"] is None and len(document["entries"]) == 2
    kept = subprocess.run([sys.executable, "-m", "feedline", "extract", str(archive), "--tz", "Asia/Tokyo",
                           "--format", "json"], capture_output=True, text=True, cwd=ROOT)
    assert json.loads(kept.stdout)[0]["now"].startswith("1900-01-01T09:00")


def test_atheris_engine_runs_and_counts(tmp_path: Path) -> None:
    """The coverage-guided engine (extra `fuzz`): a short run saves its count and its corpus."""
    pytest.importorskip("atheris")
    import os
    import subprocess

    env = {**os.environ, "FUZZ_STATE": str(tmp_path / "state")}
    done = subprocess.run([sys.executable, "-m", "fuzzing", "run", "--engine", "atheris", "--runs", "60",
                           "--no-regressions"], capture_output=True, text=True, cwd=ROOT, env=env)
    assert done.returncode == 0, done.stderr[-2000:]
    state = State(tmp_path / "state")
    assert state.data["inputs"] == 60 and state.data["sessions"][0]["engine"] == "atheris"
    assert any((tmp_path / "state" / "corpus").iterdir())


# ── findings: ticker markers around a line, a long run of them inside it ──────────────────


def test_ticker_markers_are_stripped_as_before() -> None:
    """`entries._unwrap` strips what the regex it replaced stripped (that regex backtracked
    exponentially on a run of markers inside a line, so it is only run on short lines here)."""
    import random
    import re

    from feedline.entries import _unwrap

    reference = re.compile(r"^(?:[+*#]{2,}\s*)+|(?:\s*[+*#]{2,})+$")
    openings = ("++", "**", "##")
    rng = random.Random(11)
    for _ in range(20_000):
        line = "".join(rng.choice("++*#  ab1\t") for _ in range(rng.randrange(0, 13)))
        expected = reference.sub("", line).strip() if line[:2] in openings or line[-2:] in openings else line
        assert _unwrap(line) == expected, repr(line)
    assert _unwrap("+++ Ceasefire holds in the north +++") == "Ceasefire holds in the north"
    assert _unwrap("*** 10:15 Markets open ***") == "10:15 Markets open"


def test_a_long_run_of_markers_inside_a_line_is_kept() -> None:
    from feedline.entries import _unwrap

    run = "+" * 400
    assert _unwrap(f"++ Breaking {run}x") == f"Breaking {run}x"
    assert _unwrap(f"{run}::before{{content:\"{run}2200 ++") == f"::before{{content:\"{run}2200"


def test_each_session_counts_its_own_hits(tmp_path: Path, poisoned: None) -> None:
    raw = bytes(HEADER) + b"POISONPAGE " + PAGE
    for _ in range(2):
        fuzzer = Fuzzer(State(tmp_path / "state"), engine="test", regressions=None, pages=NO_PAGES)
        fuzzer.one(raw)
        fuzzer.one(raw)
        fuzzer.close()
    data = State(tmp_path / "state").data
    assert [session["hits"] for session in data["sessions"]] == [{sig: 2} for sig in data["findings"]] * 2
    assert [entry["count"] for entry in data["findings"].values()] == [4]
