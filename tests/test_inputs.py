"""Many inputs: paths, directories, --glob, manifests, --jobs, --merge, partial failures.

The web-archive side (WARC/ARC records, truncation, the corpus round trip) is in test_warc.py.
Pages here are small hand-written live blogs, or the seed page.
"""
from __future__ import annotations

import gzip
import json
import subprocess
import sys
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from feedline import cli, inputs
from feedline.errors import InputError, UsageError
from feedline.model import DateFix, DateStatus, Entry, Page, Stamp, StampKind, Timeline
from feedline.read import decode

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "samples" / "kyiv-independent-2023-10-03.txt"
GOLDEN = ROOT / "samples" / "kyiv-independent-2023-10-03.json"
runner = CliRunner()


def live_blog(title: str, posts: list[tuple[str, str]]) -> bytes:
    """A minimal live blog: one block per post, its clock then its text."""
    items = "".join(f"<div class='post'><p>{stamp}</p><p>{text}</p></div>\n" for stamp, text in posts)
    return (f"<!doctype html><html lang='en'><head><title>{title}</title></head>"
            f"<body><h1>{title}</h1>\n{items}</body></html>").encode()


STORM = live_blog("Live: storm", [
    ("4:05 PM", "The bridge is closed, police said."),
    ("3:10 PM", "Winds reached 120 km/h, the weather service reported."),
])
FLOOD = live_blog("Live: flood", [
    ("3:40 PM", "The river rose by a metre overnight, the mayor said."),
    ("9:15 AM", "Roads near the river are shut."),
])


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    """tmp/site/{storm.html, sub/flood.htm, notes.txt, .hidden.html, image.png}"""
    site = tmp_path / "site"
    (site / "sub").mkdir(parents=True)
    (site / "storm.html").write_bytes(STORM)
    (site / "sub" / "flood.htm").write_bytes(FLOOD)
    (site / "notes.txt").write_bytes(SEED.read_bytes())
    (site / ".hidden.html").write_bytes(STORM)
    (site / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    return site


def run(*args: str, input: bytes | str | None = None) -> Any:
    return runner.invoke(cli.app, ["extract", *args], input=input)


def stderr_lines(result: Any) -> list[str]:
    return result.stderr.splitlines()


# ---------------------------------------------------------------- collecting inputs


def test_paths_keep_their_order_and_directories_are_walked_sorted(pages: Path) -> None:
    found = inputs.collect([str(pages / "notes.txt"), str(pages)])
    assert found == [
        str(pages / "notes.txt"),
        str(pages / "notes.txt"),  # named twice, read twice
        str(pages / "storm.html"),
        str(pages / "sub" / "flood.htm"),
    ]  # .hidden.html and image.png are left out


@pytest.mark.parametrize(
    ("globs", "expected"),
    [
        (["*.htm"], ["sub/flood.htm"]),
        (["*.HTML", "*.png"], ["image.png", "storm.html"]),  # case-insensitive
        (["*"], ["image.png", "notes.txt", "storm.html", "sub/flood.htm"]),
    ],
    ids=["one", "several-any-case", "all"],
)
def test_glob_chooses_the_files_of_directories(pages: Path, globs: list[str], expected: list[str]) -> None:
    found = inputs.collect([str(pages)], globs=globs)
    assert [Path(p).relative_to(pages).as_posix() for p in found] == expected


def test_files_named_directly_ignore_the_glob(pages: Path) -> None:
    assert inputs.collect([str(pages / "notes.txt")], globs=["*.html"]) == [str(pages / "notes.txt")]


def test_a_manifest_lists_paths_relative_to_the_current_directory(
        pages: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    manifest = tmp_path / "list.txt"
    manifest.write_text("# pages to read\n\nstorm.html\n  sub/flood.htm  \n# sub\n"
                        f"{pages / 'notes.txt'}\nsub\n", encoding="utf-8")
    monkeypatch.chdir(pages)
    found = inputs.collect([], [str(manifest)])
    assert found == ["storm.html", "sub/flood.htm", str(pages / "notes.txt"), "sub/flood.htm"]


def test_a_gzipped_manifest_is_read(pages: Path) -> None:
    manifest = pages / "warc.paths.gz"
    manifest.write_bytes(gzip.compress(f"{pages / 'storm.html'}\n".encode()))
    assert inputs.collect([], [str(manifest)]) == [str(pages / "storm.html")]


@pytest.mark.parametrize(
    ("paths", "manifests", "error", "words"),
    [
        ([], ["missing.txt"], InputError, "cannot read the manifest 'missing.txt'"),
        (["EMPTY"], [], InputError, "holds no file matching"),
        ([], ["EMPTY/list"], InputError, "lists no path"),
        (["-"], ["-"], UsageError, "only once"),
    ],
    ids=["missing-manifest", "empty-directory", "empty-manifest", "stdin-twice"],
)
def test_collect_refuses_what_cannot_be_read(tmp_path: Path, paths: list[str], manifests: list[str],
                                             error: type, words: str) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "list").write_text("# nothing\n", encoding="utf-8")
    fix = {"EMPTY": str(tmp_path / "empty"), "EMPTY/list": str(tmp_path / "empty" / "list")}
    with pytest.raises(error, match=words):
        inputs.collect([fix.get(p, p) for p in paths], [fix.get(m, m) for m in manifests])


def test_one_page_file_is_a_single_page(pages: Path, tmp_path: Path) -> None:
    assert inputs.single_page([str(pages / "storm.html")])
    assert inputs.single_page([str(tmp_path / "missing.html")])  # reading it says why it fails
    assert not inputs.single_page([str(pages)])
    assert not inputs.single_page([str(pages / "storm.html")] * 2)
    assert not inputs.single_page([], [str(pages / "list.txt")])


# ---------------------------------------------------------------- the HTTP charset (read.py)


CYRILLIC = "<html><body><p>10:05</p><p>Президент заявив, що переговори тривають.</p></body></html>"


@pytest.mark.parametrize(
    ("data", "charset", "expected"),
    [
        (CYRILLIC.encode("cp1251"), "windows-1251", "cp1251"),
        (CYRILLIC.encode("koi8_u"), "KOI8-U", "koi8-u"),
        # the HTTP charset wins over the page's own declaration ...
        (b"<meta charset='utf-8'>" + CYRILLIC.encode("cp1251"), "windows-1251", "cp1251"),
        # ... but not over a byte-order mark
        (b"\xef\xbb\xbf" + CYRILLIC.encode("utf-8"), "windows-1251", "utf-8-sig"),
        # a charset the bytes do not decode in is passed over
        (CYRILLIC.encode("utf-8"), "us-ascii", "utf-8"),
        (CYRILLIC.encode("utf-8"), "no-such-charset", "utf-8"),
    ],
    ids=["cp1251", "koi8-u", "beats-meta", "bom-wins", "wrong-label", "unknown-label"],
)
def test_http_charset_comes_after_the_bom_and_before_the_declaration(data: bytes, charset: str,
                                                                     expected: str) -> None:
    text, encoding = decode(data, charset=charset)
    assert encoding == expected
    assert "Президент" in text


# ---------------------------------------------------------------- merging and counting


def entry(position: int, moment: datetime | None, fix: DateFix | None = None) -> Entry:
    clock = moment.time() if moment else None
    if fix is None:
        fix = DateFix(DateStatus.EXACT, moment.date()) if moment else DateFix(DateStatus.UNKNOWN)
    stamp = Stamp("x", (0, 1), StampKind.CLOCK)
    return Entry(id=f"e{position}", stamp=stamp, headline=None, text="", span=(0, 1), feed=0,
                 position=position, local_time=clock, date=fix, datetime=moment)


def test_merge_orders_instants_across_zones_then_partial_then_undated() -> None:
    kyiv, london = timezone(timedelta(hours=3)), timezone(timedelta(hours=1))
    first = Timeline(Page("", name="a"), (
        entry(0, datetime(2023, 10, 3, 16, 0, tzinfo=kyiv)),  # 13:00 UTC
        entry(1, None, DateFix(DateStatus.PARTIAL, month_day=(1, 5))),
        entry(2, None),
    ))
    second = Timeline(Page("", name="b"), (
        entry(0, datetime(2023, 10, 3, 12, 30, tzinfo=london)),  # 11:30 UTC
        entry(1, datetime(2023, 10, 3, 14, 0)),  # floating: read as 14:00
        entry(2, None),
        entry(3, None, DateFix(DateStatus.INFERRED, date(2023, 10, 3))),  # a date, no time
    ))
    order = inputs.merge([first, second])
    assert [(index, e.id) for index, e in order] == [
        (1, "e3"), (1, "e0"), (0, "e0"), (1, "e1"), (0, "e1"), (0, "e2"), (1, "e2"),
    ]


def test_tally_counts_outcomes() -> None:
    tally = inputs.Tally()
    timeline = Timeline(Page("", name="a"), (entry(0, None),))
    for outcome in (inputs.Done(timeline), inputs.Skipped("x#0", "request record"), inputs.Failed("no")):
        tally.add(outcome)
    assert tally.summary() == "1 page, 1 entry, 1 skipped, 1 failed"


# ---------------------------------------------------------------- the command line


def test_single_file_output_is_unchanged(monkeypatch: pytest.MonkeyPatch) -> None:
    done = subprocess.run([sys.executable, "-m", "feedline", "extract", f"samples/{SEED.name}",
                           "--format", "json"], cwd=ROOT, capture_output=True, timeout=60)
    assert done.returncode == 0 and done.stderr == b""  # no summary line for one page
    assert done.stdout == GOLDEN.read_bytes()
    monkeypatch.chdir(ROOT)
    result = run(f"samples/{SEED.name}", "--format", "json", "--jobs", "2", "--glob", "*.x")
    assert result.stdout_bytes == GOLDEN.read_bytes() and result.stderr == ""


def test_one_file_run_imports_neither_warcio_nor_a_process_pool() -> None:
    code = (
        "import sys; from feedline.cli import main\n"
        f"sys.argv = ['feedline', 'extract', {str(SEED)!r}, '-f', 'json', '-o', {'/dev/null'!r}]\n"
        "try: main()\nexcept SystemExit: pass\n"
        "heavy = ('warcio', 'concurrent', 'multiprocessing')\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy))"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_several_paths_give_a_json_array_of_the_one_page_documents(pages: Path) -> None:
    storm, seed = str(pages / "storm.html"), str(pages / "notes.txt")
    result = run(storm, seed, "--format", "json")
    assert result.exit_code == 0, result.output
    documents = json.loads(result.stdout)
    singles = [json.loads(run(path, "--format", "json").stdout) for path in (storm, seed)]
    assert documents == singles
    assert stderr_lines(result) == ["feedline: 2 pages, 8 entries, 0 skipped, 0 failed"]


def test_a_directory_with_glob_in_each_format(pages: Path) -> None:
    base = ["--glob", "*.htm*", str(pages)]
    documents = json.loads(run(*base, "-f", "json").stdout)
    assert [d["page"]["title"] for d in documents] == ["Live: storm", "Live: flood"]
    lines = [json.loads(line) for line in run(*base, "-f", "jsonl").stdout.splitlines()]
    assert [line["page"] for line in lines] == [str(pages / "storm.html")] * 2 + [str(pages / "sub" / "flood.htm")] * 2
    rows = run(*base, "-f", "csv").stdout.splitlines()
    assert rows[0].startswith("page,id,local_date") and len(rows) == 5
    assert rows[1].startswith(str(pages / "storm.html") + ",")
    table = run(*base, "-f", "table", "--width", "70").stdout
    assert table.index("Live: storm") < table.index("Live: flood")
    markdown = run(*base, "-f", "markdown").stdout
    assert "# Live: storm" in markdown and "\n\n# Live: flood" in markdown


def test_a_directory_of_no_matching_file_exits_3(pages: Path) -> None:
    result = run(str(pages), "--glob", "*.pdf")
    assert result.exit_code == 3 and result.stdout == ""
    assert stderr_lines(result) == [
        f"feedline: error: nothing to read: {str(pages)!r} holds no file matching *.pdf; "
        "pass --glob PATTERN to choose other files"
    ]


def test_a_manifest_on_the_command_line(pages: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    manifest = pages / "list.txt"
    manifest.write_text("# two pages\nsub/flood.htm\nstorm.html\n", encoding="utf-8")
    monkeypatch.chdir(pages)
    for args, given in (([str(manifest)], None), (["-"], manifest.read_bytes())):
        result = run("--manifest", *args, "-f", "json", input=given)
        assert result.exit_code == 0, result.output
        assert [d["page"]["name"] for d in json.loads(result.stdout)] == ["sub/flood.htm", "storm.html"]


def test_no_path_at_all_is_a_usage_error() -> None:
    result = run("--format", "json")
    assert result.exit_code == 2 and "missing PATH" in result.stderr


def test_a_failing_page_among_good_ones_exits_5_and_loses_nothing(pages: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    result = run(str(pages / "storm.html"), str(pages / "image.png"), str(tmp_path / "missing.html"),
                 str(pages / "sub" / "flood.htm"), "-o", str(target))
    assert result.exit_code == 5, result.output
    documents = json.loads(target.read_text(encoding="utf-8"))
    assert [d["page"]["title"] for d in documents] == ["Live: storm", "Live: flood"]
    lines = stderr_lines(result)
    assert lines[0].startswith(f"feedline: error: {str(pages / 'image.png')!r} looks like a PNG image")
    assert lines[1].startswith("feedline: error: cannot read ") and "missing.html" in lines[1]
    assert lines[2:] == ["feedline: 2 pages, 4 entries, 0 skipped, 2 failed"]


def test_when_every_input_fails_the_exit_code_is_3(tmp_path: Path) -> None:
    result = run(str(tmp_path / "a.html"), str(tmp_path / "b.html"), "-f", "json")
    assert result.exit_code == 3
    assert result.stdout == "[]\n"
    assert stderr_lines(result)[-1] == "feedline: 0 pages, 0 entries, 0 skipped, 2 failed"


def test_quiet_drops_the_summary_but_not_the_errors(pages: Path, tmp_path: Path) -> None:
    result = run(str(pages / "storm.html"), str(tmp_path / "missing.html"), "--quiet", "-f", "jsonl")
    assert result.exit_code == 5
    assert len(stderr_lines(result)) == 1 and "missing.html" in result.stderr


def test_an_unwritable_output_fails_before_any_page_is_read(pages: Path, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    def never(*args: Any, **options: Any) -> Any:
        pytest.fail("pages were read")
        yield

    monkeypatch.setattr(inputs, "run", never)
    result = run(str(pages), "-o", str(tmp_path / "missing" / "out.json"))
    assert result.exit_code == 4 and stderr_lines(result)[0].startswith("feedline: error: cannot write")


def test_jobs_2_gives_the_same_output_as_jobs_1(pages: Path, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    pools = []
    in_pool = inputs._in_pool

    def spy(items: Any, options: Any, jobs: int) -> Any:
        pools.append(jobs)
        return in_pool(items, options, jobs)

    monkeypatch.setattr(inputs, "_in_pool", spy)
    args = [str(pages), str(tmp_path / "missing.html"), "--glob", "*", "-f", "jsonl"]
    serial, parallel = run(*args, "--jobs", "1"), run(*args, "--jobs", "2")
    assert pools == [2]
    assert serial.exit_code == parallel.exit_code == 5
    assert parallel.stdout == serial.stdout and parallel.stderr == serial.stderr
    assert len(serial.stdout.splitlines()) == 10  # storm 2 + flood 2 + seed 6


def test_the_pool_is_not_started_for_one_page(pages: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(inputs, "_in_pool", lambda *a: pytest.fail("a pool for one page"))
    outcomes = list(inputs.run([str(pages / "storm.html")], jobs=4))
    assert [type(o) for o in outcomes] == [inputs.Done]


def test_merge_sorts_all_entries_and_keeps_their_pages(pages: Path) -> None:
    storm, flood = str(pages / "storm.html"), str(pages / "sub" / "flood.htm")
    common = [storm, flood, "--now", "2023-10-03T17:00", "--tz", "Europe/London", "--merge"]
    lines = [json.loads(line) for line in run(*common, "-f", "jsonl").stdout.splitlines()]
    assert [(line["local_time"], line["page"]) for line in lines] == [
        ("09:15", flood), ("15:10", storm), ("15:40", flood), ("16:05", storm),
    ]
    document = json.loads(run(*common, "-f", "json").stdout)
    assert [p["page"]["name"] for p in document["pages"]] == [storm, flood]
    assert document["pages"][0]["mode"] == "capture" and document["pages"][0]["tz"] == "Europe/London"
    assert [e["page"] for e in document["entries"]] == [line["page"] for line in lines]
    assert [e["id"] for e in document["entries"]] == [line["id"] for line in lines]
    assert document["diagnostics"] == ["4 entries merged from 2 pages"]
    rows = run(*common, "-f", "csv").stdout.splitlines()
    assert [row.split(",")[0] for row in rows] == ["page", flood, storm, flood, storm]
    table = run(*common, "-f", "table", "--width", "80").stdout
    assert table.startswith("2 pages merged") and table.index("09:15") < table.index("16:05")


def test_stdin_still_reads_one_page() -> None:
    result = run("-", "--format", "json", input=SEED.read_bytes())
    assert result.exit_code == 0 and result.stderr == ""
    document = json.loads(result.stdout)
    assert document["page"]["name"] == "-" and len(document["entries"]) == 6
