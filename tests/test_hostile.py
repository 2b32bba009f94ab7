"""Hostile input (issue 10): one bad page never stops a batch or a cron store.

- pages whose markup dates fall outside the computable range are read, the dates dropped
  with a diagnostic;
- an unexpected error in one page's extraction is that page's failure, in every kind of run
  (one page, a folder, --jobs 2, --merge, a web archive, ingest), never a traceback;
- --now and --width are bounded; JSON-LD is read in linear time and capped;
- stdout write failures exit 4 (a full disk with one line, a closed pipe quietly);
- bidirectional controls and invisible format characters are inert in every format;
- view / export open the store read-only; runs whose process died are marked abandoned;
- one error tree in `feedline.errors`.

A fault is injected by wrapping `feedline.pipeline.tokenize` so that a page holding the word
POISONPAGE raises: in-process with monkeypatch, in subprocesses (and their spawned workers)
with a small launcher script that patches on import.
"""
from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from datetime import date, datetime, time as clock_time, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from feedline import cli, cli_support, errors, ingest, inputs, pipeline, store, store_cli, store_schema
from feedline.claims import _parse, out_of_range
from feedline.errors import (
    ExtractionError,
    FeedlineError,
    InputError,
    NetworkError,
    OutputError,
    PartlyReadError,
    StoreBusyError,
    StoreError,
    UsageError,
)
from feedline.markup import MAX_JSON_LD_ITEMS, read_markup
from feedline.model import DateFix, DateStatus, Entry, Markup, Page, Stamp, StampKind, Timeline
from feedline.render import FORMATS, render

ROOT = Path(__file__).resolve().parents[1]
FEEDLINE = [sys.executable, "-m", "feedline"]
runner = CliRunner()

GOOD = ("<html><body><h1>Live: the harbour</h1><ul>"
        "<li>10:05 The ferry resumed service after the storm, the operator said.</li>"
        "<li>09:40 Winds dropped below gale force along the coast this morning.</li>"
        "</ul></body></html>")
OTHER = GOOD.replace("ferry", "tram").replace("Winds", "Rains")
POISON = GOOD.replace("The ferry", "POISONPAGE The ferry")

# In a subprocess: pages holding POISONPAGE raise inside extraction (also in --jobs workers,
# which import this script again as __mp_main__).
LAUNCHER = """
import feedline.pipeline as _pipeline
_tokenize = _pipeline.tokenize

def _poisoned(page):
    if "POISONPAGE" in page.text:
        raise RuntimeError("injected fault")
    return _tokenize(page)

_pipeline.tokenize = _poisoned

if __name__ == "__main__":
    from feedline.cli import main
    main()
"""


@pytest.fixture
def poisoned(monkeypatch: pytest.MonkeyPatch) -> None:
    real = pipeline.tokenize

    def tokenize(page: Page) -> Any:
        if "POISONPAGE" in page.text:
            raise RuntimeError("injected fault")
        return real(page)

    monkeypatch.setattr(pipeline, "tokenize", tokenize)


@pytest.fixture
def launcher(tmp_path: Path) -> list[str]:
    script = tmp_path / "poisoned_feedline.py"
    script.write_text(LAUNCHER, encoding="utf-8")
    return [sys.executable, str(script)]


def folder(tmp_path: Path, pages: dict[str, str]) -> Path:
    where = tmp_path / "pages"
    where.mkdir(exist_ok=True)
    for name, html in pages.items():
        (where / name).write_text(html, encoding="utf-8")
    return where


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("feedline: error:")]


# ── 1. the issue's pages: dates out of range are dropped, with a diagnostic ───────────────

PAGES = {
    "time-year-1": ('<html><body><ul><li><time datetime="0001-01-01T00:00:00+14:00">10:05</time> '
                    "The ferry resumed service after the storm.</li>"
                    '<li><time datetime="2023-10-03T09:40:00+03:00">09:40</time> Winds dropped below gale '
                    "force along the coast.</li></ul></body></html>", False),
    "json-ld-9999": ('<html><head><script type="application/ld+json">{"@type": "LiveBlogPosting", '
                     '"datePublished": "9999-12-31T23:59-12:00", "liveBlogUpdate": ['
                     '{"headline": "The ferry resumed service", "datePublished": "9999-12-31T23:59-12:00"},'
                     '{"headline": "Winds dropped below gale force", "datePublished": "9999-12-31T22:00-12:00"}]}'
                     "</script></head><body><p>23:59 The ferry resumed service</p>"
                     "<p>22:00 Winds dropped below gale force</p></body></html>", False),
    "offset-99:99": ('<html><head><script type="application/ld+json">{"@type": "LiveBlogPosting", '
                     '"liveBlogUpdate": [{"headline": "Only the markup has this one", "articleBody": "Body", '
                     '"datePublished": "2023-10-03T10:05+99:99"}]}</script></head><body>'
                     "<p>10:05 The ferry resumed service after the storm.</p>"
                     "<p>09:40 Winds dropped below gale force along the coast.</p></body></html>", True),
}


@pytest.mark.parametrize("name", list(PAGES))
def test_markup_dates_out_of_range_are_dropped_with_a_diagnostic(name: str) -> None:
    html, hidden = PAGES[name]
    timeline = pipeline.extract(html.encode(), hidden=hidden)
    assert len([e for e in timeline.entries if e.visible]) == 2
    assert any("outside the computable range" in d for d in timeline.diagnostics), timeline.diagnostics
    for entry in timeline.entries:
        assert entry.date.local_date is None or 1900 < entry.date.local_date.year < 2200
        assert not any("9999" in reason or "0001-" in reason for reason in entry.date.evidence)


@pytest.mark.parametrize("name", list(PAGES))
def test_the_issue_pages_exit_0_on_the_command_line(name: str, tmp_path: Path) -> None:
    html, hidden = PAGES[name]
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    result = runner.invoke(cli.app, ["extract", str(path), "-f", "json", *(["--with-hidden"] if hidden else [])])
    assert result.exit_code == 0 and result.exception is None, result.output
    assert result.stderr == ""
    json.loads(result.stdout)


@pytest.mark.parametrize("value", ["0001-01-01T00:00:00+14:00", "9999-12-31T23:59-12:00", "0001-01-01T00:00Z",
                                   "2023-10-03T10:05+99:99", "2023-10-03T10:05+24:00", "2023-10-03T10:05+05:75"])
def test_claims_outside_the_computable_range_are_no_claims(value: str) -> None:
    assert _parse(value, "test") is None
    assert out_of_range(Markup(published=value)) == [value]


@pytest.mark.parametrize("value", ["0002-01-01T00:00:00+14:00", "9998-12-31T23:59-12:00", "2023-10-03T10:05+14:00",
                                   "2023-10-03T10:05-12:00", "2023-10-03T10:05Z"])
def test_claims_inside_the_range_are_read(value: str) -> None:
    assert _parse(value, "test") is not None
    assert out_of_range(Markup(published=value)) == []


# ── 1. isolation: one bad page is that page's failure ─────────────────────────────────────


def test_run_yields_a_failure_for_the_bad_page_and_goes_on(tmp_path: Path, poisoned: None) -> None:
    where = folder(tmp_path, {"a.html": GOOD, "b.html": POISON, "c.html": OTHER})
    outcomes = list(inputs.run(inputs.collect([str(where)])))
    assert [type(o).__name__ for o in outcomes] == ["Done", "Failed", "Done"]
    failed = outcomes[1]
    assert isinstance(failed, inputs.Failed)
    assert "b.html" in failed.message and "RuntimeError: injected fault" in failed.message
    assert "\n" not in failed.message


def test_page_failure_keeps_feedline_errors_and_names_the_page() -> None:
    usage = UsageError("bad")
    assert errors.page_failure("p.html", usage) is usage
    made = errors.page_failure("p.html", OverflowError("date value out of range"))
    assert isinstance(made, ExtractionError) and made.exit_code == 5
    assert str(made).startswith("'p.html': extraction failed (OverflowError: date value out of range)")
    assert "\n" not in str(errors.page_failure("p", ValueError("a\nb")))


@pytest.mark.parametrize("options", [["--jobs", "2"], ["--merge"], []], ids=["jobs-2", "merge", "jobs-1"])
def test_a_folder_with_a_bad_page_exits_5_and_writes_the_others(tmp_path: Path, launcher: list[str],
                                                                options: list[str]) -> None:
    where = folder(tmp_path, {"a.html": GOOD, "b.html": POISON, "c.html": OTHER})
    done = subprocess.run([*launcher, "extract", str(where), "-f", "jsonl", "-q", *options],
                          capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert done.returncode == 5, done.stderr
    assert "Traceback" not in done.stderr
    lines = error_lines(done.stderr)
    assert len(lines) == 1 and "b.html" in lines[0] and "injected fault" in lines[0], done.stderr
    pages = {json.loads(line)["page"] for line in done.stdout.splitlines()}
    assert pages == {str(where / "a.html"), str(where / "c.html")}


def test_a_bad_record_of_a_web_archive_is_one_failure(tmp_path: Path, launcher: list[str]) -> None:
    from test_warc import page, write_archive

    data, _ = write_archive([page("https://a.example/", GOOD.encode()), page("https://b.example/", POISON.encode()),
                             page("https://c.example/", OTHER.encode())])
    archive = tmp_path / "crawl.warc.gz"
    archive.write_bytes(data)
    done = subprocess.run([*launcher, "extract", str(archive), "-f", "jsonl", "-q"],
                          capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert done.returncode == 5, done.stderr
    assert len(error_lines(done.stderr)) == 1 and "Traceback" not in done.stderr
    urls = {json.loads(line)["page"] for line in done.stdout.splitlines()}
    assert len(urls) == 2


def test_one_bad_page_alone_is_a_one_line_error(tmp_path: Path, launcher: list[str]) -> None:
    path = tmp_path / "bad.html"
    path.write_text(POISON, encoding="utf-8")
    done = subprocess.run([*launcher, "extract", str(path), "-f", "json"], capture_output=True, text=True,
                          timeout=60, cwd=ROOT)
    assert done.returncode == 5 and done.stdout == ""
    assert done.stderr.splitlines() == error_lines(done.stderr) and len(error_lines(done.stderr)) == 1
    assert "bad.html" in done.stderr and "extraction failed" in done.stderr


def _ingest(db: Path, *paths: str) -> Any:
    return runner.invoke(cli.app, ["ingest", "--db", str(db), *paths])


def test_ingest_stores_the_pages_after_a_bad_one_and_records_it(tmp_path: Path, poisoned: None) -> None:
    where = folder(tmp_path, {"feed-2023-10-03T1000.html": GOOD, "feed-2023-10-03T1100.html": POISON,
                              "feed-2023-10-03T1200.html": OTHER})
    db = tmp_path / "feed.db"
    result = _ingest(db, str(where))
    assert result.exit_code == 5, result.output
    lines = error_lines(result.stderr)
    assert len(lines) == 1 and "T1100" in lines[0] and "injected fault" in lines[0]
    assert "Traceback" not in result.output
    conn = sqlite3.connect(db)
    stored = sorted(Path(p).name for (p,) in conn.execute("SELECT path FROM pages"))
    assert stored == ["feed-2023-10-03T1000.html", "feed-2023-10-03T1200.html"]
    runs = conn.execute("SELECT id, status, pages_added, pages_failed FROM runs").fetchall()
    assert [run[1:] for run in runs] == [("done", 2, 1)]
    failures = conn.execute("SELECT run_id, path, reason FROM run_failures").fetchall()
    assert len(failures) == 1 and failures[0][0] == runs[0][0]
    assert failures[0][1].endswith("T1100.html") and "RuntimeError: injected fault" in failures[0][2]
    conn.close()
    again = _ingest(db, str(where))  # the next cron run: the good pages are stored, the bad one fails again
    assert again.exit_code == 5 and "2 already stored, 1 failed" in again.stdout


# ── 2. bounds ──────────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize("now", ["0001-01-01T00:30", "9999-12-31T23:30", "1899-12-31T23:59", "2201-01-01T00:00",
                                 "0001-01-01T00:30+14:00"])
def test_now_outside_1900_2200_is_a_usage_error(now: str, tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(GOOD, encoding="utf-8")
    result = runner.invoke(cli.app, ["extract", str(path), "--now", now, "-f", "json"])
    assert result.exit_code == 2 and error_lines(result.stderr)[0].startswith("feedline: error: --now:")
    result = _ingest(tmp_path / "x.db", str(path), "--now", now)
    assert result.exit_code == 2 and "--now" in result.stderr
    assert not (tmp_path / "x.db").exists()


@pytest.mark.parametrize("now", ["1900-01-01T00:00", "2200-12-31T23:59"])
def test_now_at_the_ends_of_the_range_is_read(now: str, tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(GOOD, encoding="utf-8")
    result = runner.invoke(cli.app, ["extract", str(path), "--now", now, "-f", "json"])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("now", [datetime(1, 1, 1, 0, 30), datetime(9999, 12, 31, 23, 30),
                                 datetime(1, 1, 1, tzinfo=timezone(timedelta(hours=14)))])
def test_the_api_refuses_an_extreme_now(now: datetime) -> None:
    with pytest.raises(UsageError, match="1900-2200"):
        pipeline.extract(GOOD.encode(), now=now)


@pytest.mark.parametrize("width", ["19", "1001", "99999999999999999999", "-5"])
def test_width_outside_20_1000_is_a_usage_error(width: str, tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(GOOD, encoding="utf-8")
    assert runner.invoke(cli.app, ["extract", str(path), "--width", width, "-f", "table"]).exit_code == 2
    assert runner.invoke(cli.app, ["view", "--db", str(tmp_path / "x.db"), "--width", width]).exit_code == 2


def test_capture_times_out_of_range_in_names_and_archives_are_unknown() -> None:
    assert ingest.name_stamp("feed-0001-01-01T0030.html") is None
    assert ingest.name_stamp("feed-9999-12-31T2330.html") is None
    assert ingest.name_stamp("feed-2023-10-03T1800.html") is not None

    class Headers:
        def __init__(self, value: str) -> None:
            self.value = value

        def get_header(self, name: str) -> str:
            return self.value

    class Record:
        def __init__(self, value: str) -> None:
            self.rec_headers = Headers(value)

    assert inputs._warc_date(Record("0001-01-01T00:30:00Z")) is None  # type: ignore[arg-type]
    assert inputs._warc_date(Record("2023-10-03T15:30:00Z")) == datetime(2023, 10, 3, 15, 30, tzinfo=timezone.utc)  # type: ignore[arg-type]


# ── 3. JSON-LD: linear, capped ─────────────────────────────────────────────────────────────


def test_a_huge_json_ld_array_is_capped_with_a_note() -> None:
    # Its time grows linearly with the array (a list.pop(0) queue took minutes): measured by
    # `make bench-hostile`, not here (a timed assertion flakes on a loaded machine).
    items = ",".join(["{}"] * 600_000)
    html = f'<html><head><script type="application/ld+json">[{items}]</script></head><body></body></html>'
    markup = read_markup(html)
    assert markup.notes == (f"markup: only the first {MAX_JSON_LD_ITEMS:,} JSON-LD items read",)
    timeline = pipeline.extract(html.encode())
    assert any("JSON-LD items" in d for d in timeline.diagnostics)


def test_json_ld_graph_members_keep_their_order() -> None:
    graph = {"@graph": [{"datePublished": "2023-10-03T10:00Z"}, {"datePublished": "2023-10-04T10:00Z"}]}
    html = f'<script type="application/ld+json">{json.dumps([graph, {"dateModified": "2023-10-05T10:00Z"}])}</script>'
    markup = read_markup(html)
    assert markup.published == "2023-10-03T10:00Z" and markup.modified == "2023-10-05T10:00Z"
    assert markup.notes == ()


# ── 4. write errors ────────────────────────────────────────────────────────────────────────


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    where = tmp_path_factory.mktemp("store")
    pages = where / "pages"
    pages.mkdir()
    (pages / "feed-2023-10-03T1000.html").write_text(GOOD, encoding="utf-8")
    (pages / "feed-2023-10-03T1200.html").write_text(OTHER, encoding="utf-8")
    path = where / "feed.db"
    done = subprocess.run([*FEEDLINE, "ingest", "--db", str(path), str(pages)], capture_output=True, text=True,
                          timeout=60, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    return path


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
@pytest.mark.parametrize("command", ["extract", "export", "view", "ingest"])
def test_a_full_disk_on_stdout_exits_4_with_one_line(command: str, db: Path, tmp_path: Path) -> None:
    page = tmp_path / "feed-2023-10-03T1300.html"
    page.write_text(GOOD.replace("ferry", "bus"), encoding="utf-8")
    arguments = {"extract": ["extract", str(page), "-f", "json"], "export": ["export", "--db", str(db)],
                 "view": ["view", "--db", str(db)], "ingest": ["ingest", "--db", str(db), str(page)]}[command]
    with open("/dev/full", "w") as full:
        done = subprocess.run([*FEEDLINE, *arguments], stdout=full, stderr=subprocess.PIPE, text=True,
                              timeout=60, cwd=ROOT)
    assert done.returncode == 4, done.stderr
    assert done.stderr.splitlines() == ["feedline: error: cannot write to standard output: No space left on device"]


@pytest.mark.parametrize("command", ["extract", "export", "view"])
def test_a_closed_pipe_exits_4_quietly(command: str, db: Path, tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(GOOD, encoding="utf-8")
    arguments = {"extract": ["extract", str(page), "-f", "json"], "export": ["export", "--db", str(db)],
                 "view": ["view", "--db", str(db)]}[command]
    process = subprocess.Popen([*FEEDLINE, *arguments], stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # the reader is gone before anything is written
    stderr = process.stderr.read()
    assert process.wait(timeout=60) == 4
    assert stderr == b""


def test_a_pipe_closed_midway_through_a_large_write_is_noticed(monkeypatch: pytest.MonkeyPatch) -> None:
    class HalfPipe:  # the kernel takes part of a large write, then the reader is gone
        def __init__(self) -> None:
            self.calls = 0

        def write(self, data: memoryview) -> int:
            self.calls += 1
            if self.calls > 1:
                raise BrokenPipeError
            return len(data) // 2

        def flush(self) -> None:
            pass

    class Stdout:
        buffer = HalfPipe()

        def flush(self) -> None:
            pass

        def fileno(self) -> int:
            raise ValueError("no descriptor")

    monkeypatch.setattr(sys, "stdout", Stdout())
    with pytest.raises(typer.Exit) as stopped:
        cli_support.write_output("x" * 1000, None)
    assert stopped.value.exit_code == 4 and Stdout.buffer.calls == 2


def test_a_full_disk_is_an_output_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    class Full:
        def write(self, data: memoryview) -> int:
            raise OSError(errno.ENOSPC, "No space left on device")

        def flush(self) -> None:
            pass

    class Stdout:
        buffer = Full()

        def flush(self) -> None:
            pass

        def fileno(self) -> int:
            raise ValueError("no descriptor")

    monkeypatch.setattr(sys, "stdout", Stdout())
    with pytest.raises(OutputError, match="No space left on device"):
        cli_support.write_output("{}", None)


# ── 5. terminal safety ─────────────────────────────────────────────────────────────────────

BIDI = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069",
        "\u200e", "\u200f", "\u061c"]
INVISIBLE = ["\u00ad", "\u200b", "\u2060", "\ufeff", "\U000e0041", "\u2064", "\u206a"]
HOSTILE = ("Price \u202eredaolnwod\u202c in \u2066RTL\u2069 soft\u00adhy\u200bphen\u2060 tag\U000e0041 "
           "line\u2028sep para\u2029sep \u200f\u200e\u061c می\u200cخواهم")


def hostile_timeline() -> Timeline:
    stamp = Stamp("10:05\u202e", (0, 5), StampKind.CLOCK, hour=10, minute=5)
    entry = Entry(id="e1", stamp=stamp, headline="Head \u2067line\u2069", text=HOSTILE, span=(0, 10), feed=0,
                  position=0, local_time=clock_time(10, 5),
                  date=DateFix(DateStatus.EXACT, date(2023, 10, 3), confidence=1.0,
                               evidence=("printed \u202e",)),
                  datetime=None, sources=())
    return Timeline(Page("", name="page\u202e.html", title="Title \u202e"), (entry,),
                    diagnostics=("note \u202e",))


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_shows_bidi_controls_escaped_and_invisible_characters_removed(fmt: str) -> None:
    output = render(hostile_timeline(), fmt, explain=True, width=200)
    for char in BIDI + INVISIBLE + ["\u2028", "\u2029"]:
        assert char not in output, (fmt, f"U+{ord(char):04X}")
    assert "\u200c" in output  # the zero-width non-joiner a Persian word needs stays
    assert "\\u202e" in output and "\\u2066" in output
    assert "softhyphen" in output.replace("\\", "")
    if fmt in ("json", "jsonl"):
        document = json.loads(output.splitlines()[0] if fmt == "jsonl" else output)
        text = document["text"] if fmt == "jsonl" else document["entries"][0]["text"]
        assert "\u202e" in text and "\u2028" in text  # escapes: the JSON reader gets them back
        assert "\u00ad" not in text and "\u200b" not in text


def test_json_lines_are_one_record_each_whatever_the_separators() -> None:
    output = render(hostile_timeline(), "jsonl")
    assert "\u2028" not in output and "\u2029" not in output and "\\u2028" in output
    assert len(output.splitlines()) == 1  # str.splitlines would split at U+2028 too


def test_the_many_page_and_merged_outputs_are_inert_too(tmp_path: Path) -> None:
    from feedline.render import many

    timeline = hostile_timeline()
    for fmt in FORMATS:
        text = many.opening(fmt) + many.part(timeline, fmt, 0, explain=True, width=200) + many.closing(fmt, 1)
        merged = many.render_merged([timeline], inputs.merge([timeline]), fmt, explain=True, width=200)
        for output in (text, merged):
            assert not any(char in output for char in BIDI + INVISIBLE + ["\u2028", "\u2029"]), fmt


def test_the_error_reporter_is_inert(capsys: pytest.CaptureFixture[str]) -> None:
    cli_support.report(InputError("cannot read 'evil\u202e.html'\nsecond line"))
    err = capsys.readouterr().err
    assert err == "feedline: error: cannot read 'evil\\u202e.html' second line\n"


# ── 6. the store: read-only readers, abandoned runs ────────────────────────────────────────


def _export(db: Path) -> Any:
    return runner.invoke(cli.app, ["export", "--db", str(db), "-f", "jsonl"])


def test_view_and_export_open_the_store_read_only(db: Path) -> None:
    with store.Store.open(db, readonly=True) as opened:
        assert opened.readonly and opened.entries()
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            opened.conn.execute("DELETE FROM runs")


def test_a_store_in_a_folder_that_cannot_be_written_is_read_immutable(db: Path, monkeypatch: pytest.MonkeyPatch
                                                                      ) -> None:
    expected = _export(db)
    assert expected.exit_code == 0 and expected.stdout
    opened: list[str] = []
    real = store._connect

    def connect(uri: str, wait: float) -> sqlite3.Connection:
        opened.append(uri.rsplit("?", 1)[1])
        return real(uri, wait)

    monkeypatch.setattr(store, "_connect", connect)
    monkeypatch.setattr(store, "_folder_writable", lambda path: False)  # as root, chmod would not stop us
    result = _export(db)
    assert result.exit_code == 0 and result.stdout == expected.stdout
    assert opened == ["immutable=1"]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root writes read-only folders")
def test_a_store_in_a_chmod_read_only_folder_can_be_exported(db: Path, tmp_path: Path) -> None:
    import shutil

    folder = tmp_path / "ro"
    folder.mkdir()
    copy = folder / "feed.db"
    shutil.copy(db, copy)
    expected = _export(db).stdout
    folder.chmod(0o555)
    try:
        result = _export(copy)
    finally:
        folder.chmod(0o755)
    assert result.exit_code == 0 and result.stdout == expected


def test_read_only_falls_back_to_immutable_when_mode_ro_cannot_open(db: Path, monkeypatch: pytest.MonkeyPatch
                                                                   ) -> None:
    expected = _export(db).stdout
    opened: list[str] = []
    real = store._connect

    def connect(uri: str, wait: float) -> sqlite3.Connection:
        query = uri.rsplit("?", 1)[1]
        opened.append(query)
        if query == "mode=ro":  # what SQLite says when the WAL's -shm file cannot be made
            conn = sqlite3.connect(":memory:")
            conn.close()
            return conn  # a closed connection: its first query fails like an unopenable file
        return real(uri, wait)

    monkeypatch.setattr(store, "_connect", connect)
    result = _export(db)
    assert result.exit_code == 0 and result.stdout == expected
    assert opened == ["mode=ro", "immutable=1"]


def test_reading_a_missing_store_is_an_input_error(tmp_path: Path) -> None:
    result = _export(tmp_path / "none.db")
    assert result.exit_code == 3 and "no such database" in result.stderr
    assert not (tmp_path / "none.db").exists()


def test_reading_a_store_too_old_to_read_without_migrating_is_refused_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "v1.db"
    conn = sqlite3.connect(path)
    for statement in store_schema.statements(store_schema.MIGRATIONS[0]):
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="schema version 1"):
        store.Store.open(path, readonly=True)
    assert path.read_bytes() == before


def _dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_runs_whose_process_died_are_marked_abandoned(tmp_path: Path) -> None:
    path = tmp_path / "runs.db"
    with store.Store.open(path) as opened:
        host = store._host()
        long_ago = (datetime.now(timezone.utc) - timedelta(days=2)).isoformat(timespec="seconds")
        recently = datetime.now(timezone.utc).isoformat(timespec="seconds")
        rows = [(long_ago, _dead_pid(), host), (recently, os.getpid(), host), (long_ago, None, None),
                (recently, None, None), (long_ago, 1, "another-host.example")]
        for started, pid, run_host in rows:
            opened.conn.execute("INSERT INTO runs (started_at, status, feedline_version, arguments, pid, host) "
                                "VALUES (?, 'running', 'test', '[]', ?, ?)", (started, pid, run_host))
        new = opened.start_run(["ingest"], "test")
        statuses = [status for (status,) in opened.conn.execute("SELECT status FROM runs ORDER BY id")]
    assert statuses == ["abandoned", "running", "abandoned", "running", "running", "running"]
    assert new == 6


# ── 7. one error tree ──────────────────────────────────────────────────────────────────────


def test_one_error_tree_in_errors_py() -> None:
    assert store.StoreError is StoreError and store.StoreBusyError is StoreBusyError
    assert ingest.PartlyReadError is PartlyReadError
    codes = {FeedlineError: 1, UsageError: 2, InputError: 3, OutputError: 4, PartlyReadError: 5,
             ExtractionError: 5, StoreError: 1, StoreBusyError: 75, NetworkError: 69}
    assert {cls: cls.exit_code for cls in codes} == codes
    classes = {cls.__name__ for cls in vars(errors).values()
               if isinstance(cls, type) and issubclass(cls, FeedlineError)}
    assert classes == {cls.__name__ for cls in codes}
    architecture = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    errors_section = architecture.split("## Errors", 1)[1].split("\n## ", 1)[0]
    for name in classes:
        assert name in (errors.__doc__ or ""), name
        assert name in errors_section, name
    assert errors.EXIT_PARTIAL == cli.EXIT_PARTIAL == store_cli.EXIT_PARTIAL == 5
