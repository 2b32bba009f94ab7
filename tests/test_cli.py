"""The command line, with typer's CliRunner.

Most tests replace `feedline.pipeline` by a stub (the CLI imports it inside the
command), so they check only the skin: option parsing, formats, output, exit
codes. The tests marked `pipeline` run the real extractor and skip until it exists.
"""
from __future__ import annotations

import json
import subprocess
import sys
import types
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from feedline import cli, cli_one, cli_support
from feedline.errors import FeedlineError, InputError
from feedline.model import FORMAT_VERSION, DateFix, DateStatus, Entry, Page, Role, Source, Stamp, StampKind, Timeline
from feedline.render import FORMATS

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "samples" / "kyiv-independent-2023-10-03.txt"
runner = CliRunner()


def one_timeline(name: str = "page.txt") -> Timeline:
    stamp = Stamp("4:00 PM", (0, 7), StampKind.CLOCK, hour=16, minute=0, twelve_hour=True)
    entry = Entry(
        id="e1",
        stamp=stamp,
        headline=None,
        text="=cmd [bold red]x[/] \x1b[31mred\x1b[0m, Bloomberg reported.",
        span=(0, 60),
        feed=0,
        position=0,
        local_time=time(16, 0),
        date=DateFix(DateStatus.INFERRED, date(2023, 10, 3), confidence=0.8, evidence=("capture time",)),
        datetime=datetime(2023, 10, 3, 16, 0, tzinfo=timezone(timedelta(hours=3))),
        sources=(Source("Bloomberg", "Bloomberg", Role.ORIGIN, "reported", (40, 49)),),
    )
    return Timeline(Page("…", name=name), (entry,))


class StubPipeline:
    """Stands in for `feedline.pipeline`: records calls, returns or raises what it is told."""

    def __init__(self) -> None:
        self.calls: list[tuple[Any, dict[str, Any]]] = []
        self.result: Timeline | BaseException = one_timeline()

    def extract(self, source: Any, **options: Any) -> Timeline:
        self.calls.append((source, options))
        if isinstance(self.result, BaseException):
            raise self.result
        return self.result


@pytest.fixture
def stub(monkeypatch: pytest.MonkeyPatch) -> StubPipeline:
    pipeline = StubPipeline()
    module = types.ModuleType("feedline.pipeline")
    module.extract = pipeline.extract  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "feedline.pipeline", module)
    return pipeline


def run(*args: str, input: str | None = None) -> Any:
    return runner.invoke(cli.app, list(args), input=input)


def assert_one_line_error(result: Any, code: int, starts: str) -> None:
    assert result.exit_code == code, (result.exit_code, result.output, result.exception)
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"feedline: error: {starts}"), lines[0]


# ---------------------------------------------------------------- options


@pytest.mark.parametrize("zone", ["Mars/Base", "America", "../etc/passwd", "", "Europe/Kyiv\x1b[31m"],
                         ids=["unknown", "directory", "escape", "empty", "terminal-escape"])
def test_bad_tz_is_a_usage_error(stub: StubPipeline, zone: str) -> None:
    result = run("extract", "page.txt", "--tz", zone)
    assert_one_line_error(result, 2, "--tz: unknown time zone")
    assert "\x1b" not in result.stderr
    assert stub.calls == []  # rejected before any input is read


@pytest.mark.parametrize("now", ["yesterday", "2023-13-01T10:00", "2023-10-03", "18:05", ""],
                         ids=["words", "bad-month", "date-only", "time-only", "empty"])
def test_bad_now_is_a_usage_error(stub: StubPipeline, now: str) -> None:
    result = run("extract", "page.txt", "--now", now)
    assert_one_line_error(result, 2, "--now:")
    assert stub.calls == []


@pytest.mark.parametrize(
    ("now", "tz", "expected"),
    [
        ("2023-10-03T18:05", None, datetime(2023, 10, 3, 18, 5)),
        ("2023-10-03T16:30:00+03:00", None, datetime(2023, 10, 3, 16, 30, tzinfo=timezone(timedelta(hours=3)))),
        ("2023-10-03T18:05", "Europe/Kyiv", datetime(2023, 10, 3, 18, 5, tzinfo=timezone(timedelta(hours=3)))),
        ("2023-10-03T15:05Z", "Europe/Kyiv", datetime(2023, 10, 3, 18, 5, tzinfo=timezone(timedelta(hours=3)))),
        ("2023-10-03T16:30:00+03:00", "America/New_York",
         datetime(2023, 10, 3, 9, 30, tzinfo=timezone(timedelta(hours=-4)))),
    ],
    ids=["floating", "aware", "naive-in-zone", "utc-to-zone", "aware-to-zone"],
)
def test_now_and_tz_reach_the_pipeline(stub: StubPipeline, now: str, tz: str | None, expected: datetime) -> None:
    args = ["extract", "page.txt", "--now", now] + (["--tz", tz] if tz else [])
    assert run(*args).exit_code == 0
    source, options = stub.calls[0]
    moment = options["now"]
    assert source == Path("page.txt") and options["tz"] == tz and options["lang"] is None
    assert moment == expected and moment.utcoffset() == expected.utcoffset()
    if tz:
        assert str(moment.tzinfo) == tz  # the zone itself, not a fixed offset
    else:
        assert (moment.tzinfo is None) == (expected.tzinfo is None)


def test_stdin_and_lang_are_passed_through(stub: StubPipeline) -> None:
    assert run("extract", "-", "--lang", "de").exit_code == 0
    assert stub.calls == [("-", {"now": None, "tz": None, "lang": "de", "hidden": False, "explain": False})]


@pytest.mark.parametrize(
    ("args", "what"),
    [
        (["extract", "page.txt", "--lang", "not a tag"], "feedline: error: --lang"),
        (["extract", "page.txt", "--format", "yaml"], "--format"),
        (["extract", "page.txt", "--width", "5"], "--width"),
        (["extract"], "PATH"),
        (["extract", "page.txt", "--bogus"], "--bogus"),
    ],
    ids=["lang", "format", "width", "no-path", "unknown-option"],
)
def test_usage_errors_exit_2(stub: StubPipeline, args: list[str], what: str) -> None:
    result = run(*args)
    assert result.exit_code == 2 and what in result.stderr
    assert stub.calls == []


def test_format_choices_are_the_renderers() -> None:
    assert [choice.value for choice in cli.Format] == list(FORMATS)


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0 and result.stdout.startswith("feedline ")


# ---------------------------------------------------------------- formats and output


def test_default_format_off_a_terminal_is_json(stub: StubPipeline) -> None:
    result = run("extract", "page.txt")
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    assert doc["entries"][0]["id"] == "e1" and result.stderr == ""


def test_default_format_on_a_terminal_is_a_table(stub: StubPipeline, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli_one, "stdout_is_tty", lambda: True)
    result = run("extract", "page.txt", "--width", "80", "--explain")
    assert result.exit_code == 0
    assert "2023-10-03 Tue" in result.stdout and "[bold red]x[/]" in result.stdout
    assert "confidence 0.80" in result.stdout
    assert "\x1b[31mred" not in result.stdout


@pytest.mark.parametrize(
    ("fmt", "check"),
    [
        ("json", lambda out: json.loads(out)["format_version"] == FORMAT_VERSION),
        ("jsonl", lambda out: json.loads(out.splitlines()[0])["page"] == "page.txt"),
        ("csv", lambda out: out.splitlines()[1].startswith("e1,2023-10-03,16:00,") and "'=cmd" in out),
        ("markdown", lambda out: "## 2023-10-03 Tue" in out and "\\[bold red\\]" in out),
        ("table", lambda out: "16:00" in out and "\x1b" not in out),
    ],
)
def test_each_format(stub: StubPipeline, fmt: str, check: Any) -> None:
    result = run("extract", "page.txt", "--format", fmt)
    assert result.exit_code == 0, result.output
    assert check(result.stdout)


def test_output_file(stub: StubPipeline, tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    result = run("extract", "page.txt", "-o", str(target))
    assert result.exit_code == 0 and result.stdout == ""
    assert json.loads(target.read_text(encoding="utf-8"))["entries"][0]["id"] == "e1"


def test_table_into_a_file_is_plain_text(stub: StubPipeline, tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    assert run("extract", "page.txt", "-f", "table", "--width", "60", "-o", str(target)).exit_code == 0
    text = target.read_text(encoding="utf-8")
    assert "16:00" in text and "\x1b" not in text
    assert max(len(line) for line in text.splitlines()) <= 60


def test_output_into_a_missing_directory_exits_4(stub: StubPipeline, tmp_path: Path) -> None:
    result = run("extract", "page.txt", "-o", str(tmp_path / "missing" / "out.json"))
    assert_one_line_error(result, 4, "cannot write")


# ---------------------------------------------------------------- errors from the pipeline


@pytest.mark.parametrize(
    ("error", "code"),
    [
        (InputError("cannot read page.txt: no such file\n(check the path)"), 3),
        (FeedlineError("something else"), 1),
    ],
    ids=["input", "root"],
)
def test_feedline_errors_map_to_exit_codes(stub: StubPipeline, error: FeedlineError, code: int) -> None:
    stub.result = error
    result = run("extract", "page.txt")
    assert_one_line_error(result, code, str(error).split("\n")[0])


def test_an_unexpected_error_in_a_page_is_one_line_exit_5(stub: StubPipeline) -> None:
    stub.result = RuntimeError("bug\nsecond line")
    result = run("extract", "page.txt")
    assert_one_line_error(result, 5, "'page.txt': extraction failed (RuntimeError: bug second line)")
    assert "Traceback" not in result.output


def test_interrupt_exits_130(stub: StubPipeline) -> None:
    stub.result = KeyboardInterrupt()
    result = run("extract", "page.txt")
    assert result.exit_code == 130 and "Traceback" not in result.output


def test_broken_pipe_exits_quietly(monkeypatch: pytest.MonkeyPatch) -> None:
    class ClosedPipe:
        def write(self, data: bytes) -> int:
            raise BrokenPipeError

        def flush(self) -> None:
            pass

    class Stdout:
        buffer = ClosedPipe()

        def flush(self) -> None:
            pass

        def fileno(self) -> int:
            raise ValueError("no descriptor")

    monkeypatch.setattr(sys, "stdout", Stdout())
    with pytest.raises(typer.Exit) as stopped:
        cli_support.write_output("{}", None)
    assert stopped.value.exit_code == 4


# ---------------------------------------------------------------- the real thing


def test_python_dash_m() -> None:
    done = subprocess.run([sys.executable, "-m", "feedline", "--version"], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stdout.startswith("feedline ")


@pytest.mark.parametrize("target", ["missing.txt", "."], ids=["missing", "directory"])
def test_unreadable_input_exits_3(tmp_path: Path, target: str) -> None:
    pytest.importorskip("feedline.pipeline")
    result = run("extract", str(tmp_path / target))
    assert result.exit_code == 3, (result.output, result.exception)
    assert result.stderr.startswith("feedline: error: ") and len(result.stderr.splitlines()) == 1


def test_seed_page_renders_as_valid_json() -> None:
    pytest.importorskip("feedline.pipeline")
    jsonschema = pytest.importorskip("jsonschema")
    result = run("extract", str(SEED), "--now", "2023-10-03T18:05", "--tz", "Europe/Kyiv", "-f", "json")
    assert result.exit_code == 0, (result.output, result.exception)
    schema = json.loads((ROOT / "docs" / "timeline.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(json.loads(result.stdout))


def test_the_api_checks_lang_as_the_command_line_does() -> None:
    from feedline import extract, read_page
    from feedline.errors import UsageError

    for call in (lambda: extract(b"10:05 Headline of the day\n", lang="123"),
                 lambda: read_page(b"10:05 Headline of the day\n", lang="en gb")):
        with pytest.raises(UsageError, match="not a language tag"):
            call()
    assert read_page(b"10:05 Headline of the day\n", lang="pt-BR").lang == "pt"
