"""The launcher's fast path (`feedline.launch`): what it takes, typer parses the same; what it
runs, prints and exits as the typer command does; and it never loads typer."""
from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer._click.exceptions import ClickException
from typer.exceptions import Exit
from typer.main import get_command

from feedline.cli import Engine, app
from feedline.launch import fast_options

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "samples" / "kyiv-independent-2023-10-03.txt"


def typer_values(args: list[str]) -> dict[str, Any] | None:
    """The values typer's `extract` command parses from `args` (after "extract"), or None
    when it refuses them."""
    command = get_command(app).commands["extract"]  # type: ignore[attr-defined]
    try:
        with command.make_context("extract", list(args)) as ctx:
            return dict(ctx.params)
    except (ClickException, Exit):
        return None


def as_typer_would(options: dict[str, object]) -> dict[str, Any]:
    """The fast path's options in typer's names and types, the others at their defaults."""
    values = typer_values([str(options["path"])])
    assert values is not None
    values.update(paths=[options["path"]], now=options["now"], tz=options["tz"], lang=options["lang"],
                  output=options["output"], width=options["width"], explain=options["explain"],
                  with_hidden=options["hidden"], quiet=options["quiet"])
    values["fmt"] = None if options["fmt"] is None else options["fmt"]
    return values


def comparable(values: dict[str, Any]) -> dict[str, Any]:
    fmt = values["fmt"]
    return {**values, "paths": list(values["paths"]), "fmt": getattr(fmt, "value", fmt),
            "engine": Engine(values["engine"])}


TAKEN = [
    ["extract", "page.txt"],
    ["extract", "page.txt", "--format", "json"],
    ["extract", "--format=jsonl", "page.html"],
    ["extract", "-f", "csv", "page.txt", "-o", "out.csv"],
    ["extract", "page.txt", "--now", "2023-10-03T18:05", "--tz", "Europe/Kyiv", "--lang", "uk"],
    ["extract", "page.txt", "--now=2023-10-03T16:30+03:00", "--tz=UTC"],
    ["extract", "page.txt", "--explain", "--width", "80", "-f", "table"],
    ["extract", "page.txt", "--with-hidden", "-q", "--output=-"],
    ["extract", "page.txt", "--tz", "Not/AZone", "--lang", "x"],  # bad values typer takes as text
    ["extract", "page.txt", "--width", "020"],
    ["extract", ""],
]

REFUSED = [
    [], ["--version"], ["--help"], ["extract"], ["extract", "--help"], ["ingest", "page.txt"],
    ["extract", "a.txt", "b.txt"], ["extract", "-"], ["extract", "https://example.com/"],
    ["extract", "page.txt", "--format", "JSON"], ["extract", "page.txt", "--format", "xml"],
    ["extract", "page.txt", "-fjson"], ["extract", "page.txt", "-f=json"],
    ["extract", "page.txt", "--width", "19"], ["extract", "page.txt", "--width", "1001"],
    ["extract", "page.txt", "--width", "+80"], ["extract", "page.txt", "--width", "\u0668\u0660"],
    ["extract", "page.txt", "--explain=1"], ["extract", "page.txt", "--tz"],
    ["extract", "page.txt", "--now", "-1"], ["extract", "page.txt", "--tz", "UTC", "--tz", "UTC"],
    ["extract", "page.txt", "--jobs", "2"], ["extract", "page.txt", "--merge"], ["extract", "--", "page.txt"],
    ["extract", "-x"], ["extract", "page.txt", "--expl"],
]


@pytest.mark.parametrize("args", TAKEN, ids=[" ".join(a[1:]) or "empty path" for a in TAKEN])
def test_what_the_fast_path_takes_typer_parses_the_same(args: list[str]) -> None:
    options = fast_options(args)
    assert options is not None
    parsed = typer_values(args[1:])
    assert parsed is not None
    assert comparable(parsed) == comparable(as_typer_would(options))


# `extract`'s options that only the typer command reads: given, they send the run there; not
# given, their defaults must leave a one-page run as the fast path runs it.
TYPER_ONLY = {"glob", "manifest", "jobs", "merge", "engine", "scheduler", "max_page_bytes", "timeout", "max_bytes",
              "max_redirects"}


def test_every_extract_option_is_known_to_the_launcher() -> None:
    """A new `extract` option fails here until launch.py takes it or it is listed above."""
    command = get_command(app).commands["extract"]  # type: ignore[attr-defined]
    fast = {"paths", "now", "tz", "lang", "fmt", "output", "width", "explain", "with_hidden", "quiet"}
    assert {p.name for p in command.params} == fast | TYPER_ONLY


@pytest.mark.parametrize("args", REFUSED, ids=[" ".join(a) or "nothing" for a in REFUSED])
def test_anything_else_goes_to_typer(args: list[str]) -> None:
    assert fast_options(args) is None


def test_random_command_lines_taken_are_parsed_alike() -> None:
    """Command lines made of options, values and paths in any order: each one the fast path
    takes, typer parses to the same values (and many are taken)."""
    pieces = ["page.txt", "other.html", "-", "--format", "-f", "json", "table", "JSON", "--now", "2023-10-03T18:05",
              "--tz", "UTC", "--lang", "en", "--output", "-o", "out.json", "--width", "80", "5", "--explain",
              "--with-hidden", "--quiet", "-q", "--format=csv", "--tz=Europe/Kyiv", "--width=100", "--", "-x",
              "--jobs", "1", "=", "--explain=", ""]
    rng = random.Random(9)
    taken = 0
    for _ in range(3000):
        args = ["extract", *rng.choices(pieces, k=rng.randint(0, 7))]
        options = fast_options(args)
        if options is None:
            continue
        taken += 1
        parsed = typer_values(args[1:])
        assert parsed is not None, args
        assert comparable(parsed) == comparable(as_typer_would(options)), args
    assert taken >= 100


def run(code: str, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, capture_output=True, timeout=120,
                          input=None if stdin is None else stdin.encode())


LAUNCH = "from feedline.launch import main; main()"
TYPER = "from feedline.cli import main; main()"


@pytest.mark.parametrize("args", [
    [str(SEED), "--format", "json"],
    [str(SEED), "-f", "markdown", "--explain", "--now", "2023-10-03T18:05", "--tz", "Europe/Kyiv"],
    [str(SEED), "--format=table", "--width", "60"],
    ["missing-page.txt"],
    [str(SEED), "--tz", "Not/AZone"],
    [str(SEED), "--now", "yesterday"],
    [str(SEED), "--lang", "not a tag"],
    [str(SEED), "--now", "1700-01-01T00:00"],
    [str(ROOT / "samples")],  # a directory: taken, then handed to typer
], ids=["json", "markdown", "table", "missing", "bad-tz", "bad-now", "bad-lang", "old-now", "directory"])
def test_the_launcher_prints_and_exits_as_the_typer_command(args: list[str]) -> None:
    fast = run(LAUNCH, "extract", *args)
    full = run(TYPER, "extract", *args)
    assert (fast.returncode, fast.stdout, fast.stderr) == (full.returncode, full.stdout, full.stderr)
    assert fast.returncode in (0, 2, 3)


def test_the_fast_path_loads_no_typer() -> None:
    code = (
        "import sys; from feedline.launch import main\n"
        f"sys.argv = ['feedline', 'extract', {str(SEED)!r}, '-f', 'json', '-o', '/dev/null']\n"
        "main()\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'typer', 'click', 'rich', 'feedline.cli'}),"
        " 'feedline.cli' in sys.modules, 'feedline.store_cli' in sys.modules)"
    )
    done = run(code)
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode().split() == ["[]", "False", "False"]


def test_the_launcher_falls_back_for_help_and_errors_of_the_command_line() -> None:
    help_text = run(LAUNCH, "extract", "--help")
    assert help_text.returncode == 0 and b"--format" in help_text.stdout
    usage = run(LAUNCH, "extract", str(SEED), "--width", "5")
    assert usage.returncode == 2 and b"--width" in usage.stderr
