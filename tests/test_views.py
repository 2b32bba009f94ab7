"""The readable views: a table that fits its width, sites of several feeds, `feedline feeds`,
`view`'s per-feed header, and the formats `view` and `export` share with `extract`."""
from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
from datetime import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from typer.testing import CliRunner

from feedline import cli
from feedline.model import DateFix, DateStatus, Entry, Page, Role, Source, Stamp, StampKind, Timeline
from feedline.render import render
from feedline.render._view import site_labels
from feedline.render.table import render_table_text, wrap

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "samples" / "kyiv-independent-2023-10-03.txt"
runner = CliRunner()

WORDS = st.sampled_from([
    "a", "Kyiv", "reported", "Bundesverteidigungsministerium", "Verkehrsinfrastrukturfinanzierungsgesellschaft",
    "https://example.org/a/very/long/path/that/goes/on/and/on?with=query&and=more", "東京都", "ウクライナ情勢",
    "Ελλάδα", "—", "(Reuters)", "x" * 60,
])


def entry(text: str, *, headline: str | None = None, sources: tuple[str, ...] = (), clock: time = time(9, 5),
          stamp: str = "9:05") -> Entry:
    found = tuple(Source(name, name, Role.CITED if index else Role.ORIGIN, "said", (0, 0))
                  for index, name in enumerate(sources))
    return Entry(id="e", position=0, feed=0, stamp=Stamp(stamp, StampKind.CLOCK, (0, 4)), local_time=clock,
                 date=DateFix(DateStatus.UNKNOWN), datetime=None, headline=headline, text=text, sources=found,
                 span=(0, 1))


def longest(text: str) -> int:
    return max(cell_len(line) for line in text.splitlines())


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(WORDS, min_size=1, max_size=40).map(" ".join), min_size=1, max_size=4),
       st.lists(st.lists(WORDS, min_size=1, max_size=6).map(" ".join), max_size=3),
       st.integers(min_value=20, max_value=220), st.booleans())
def test_no_line_is_wider_than_the_table(texts: list[str], names: list[str], width: int, several: bool) -> None:
    entries = tuple(entry(text, headline=text[:80], sources=tuple(names)) for text in texts)
    sites = [f"https://site{index % 2}.example/live" for index in range(len(entries))] if several else None
    text = render_table_text(Timeline(Page("", name="p", url="https://example.org/" + "x" * 300), entries),
                             width=width, sites=sites)
    assert longest(text) <= width


@given(st.lists(WORDS, min_size=1, max_size=50).map(" ".join), st.integers(min_value=2, max_value=120))
def test_wrap_breaks_only_at_spaces_when_words_fit(text: str, width: int) -> None:
    lines = wrap(text, width)
    assert all(cell_len(line) <= width for line in lines)
    fitting = [word for word in text.split() if cell_len(word) <= width]
    pieces = [word for line in lines for word in line.split()]
    assert all(word in pieces for word in fitting)  # a word that fits is never cut


def test_a_url_is_shortened_never_wrapped() -> None:
    url = "https://example.org/" + "segment/" * 20
    lines = wrap(f"see {url} now", 40)
    assert [line for line in lines if "example.org" in line] == ["https://example.org/segment/segment/seg…"]
    assert not any(line.startswith("segment") for line in lines)


def test_sources_are_one_per_line_and_a_long_word_is_not_broken() -> None:
    sources = ("Bundesverteidigungsministerium", "Associated Press", "the Army's chief weapons buyer")
    text = render_table_text(Timeline(Page(""), (entry("Text " * 30, sources=sources),)), width=160)
    right = [line[line.index("  ", 60):].strip() for line in text.splitlines()[3:] if "  " in line[60:]]
    assert right[:3] == ["Bundesverteidigungsministerium", "> Associated Press", "> the Army's chief weapons buyer"]


def test_a_source_that_wraps_has_indented_continuation_lines() -> None:
    text = render_table_text(Timeline(Page(""), (entry("Text " * 30, sources=(
        "Pentagon Comptroller Michael McCord of the Department", "Associated Press")),)), width=70)
    lines = text.splitlines()
    first = next(index for index, line in enumerate(lines) if "Pentagon" in line)
    column = lines[first].index("Pentagon")
    right = [line[column:] for line in lines[first:] if len(line) > column and line[column:].strip()]
    assert right[0].startswith("Pentagon") and right[1].startswith("  ") and not right[1].startswith("   ")
    assert right[-1] == "> Associated Press"  # the next source starts flush


def test_a_site_column_only_for_several_feeds() -> None:
    entries = (entry("one"), entry("two"))
    one = render_table_text(Timeline(Page(""), entries), width=80, sites=["a.example", "a.example"])
    two = render_table_text(Timeline(Page(""), entries), width=80, sites=["a.example", "b.example"])
    assert "a.example" not in one
    assert any(line.rstrip().endswith("a.example") for line in two.splitlines())
    assert any(line.rstrip().endswith("b.example") for line in two.splitlines())
    markdown = render(Timeline(Page(""), entries), "markdown", sites=["a.example", "b.example"])
    assert "- **09:05** two · b.example" in markdown


def test_site_labels() -> None:
    labels = site_labels(["https://www.a.com/live", "https://c.net/1", "https://c.net/2/", "snap/kyiv", "b/kyiv"])
    assert labels == {"https://www.a.com/live": "a.com", "https://c.net/1": "c.net/1", "https://c.net/2/": "c.net/2",
                      "snap/kyiv": "snap/kyiv", "b/kyiv": "b/kyiv"}


def test_piped_table_takes_its_width_from_columns(tmp_path: Path) -> None:
    for columns in ("40", "80", "130"):
        result = runner.invoke(cli.app, ["extract", str(SEED), "-f", "table"], env={"COLUMNS": columns})
        assert result.exit_code == 0, result.output
        assert longest(result.stdout) == int(columns)  # the day rules span the width
    result = runner.invoke(cli.app, ["extract", str(SEED), "-f", "table"], env={"COLUMNS": ""})
    assert longest(result.stdout) == 100


def test_piped_table_is_as_wide_in_bytes_as_in_characters() -> None:
    """`COLUMNS=80 feedline extract SEED -f table | awk '{ print length }'`: mawk counts bytes,
    so the piped table's own rules and marks are ASCII (the seed's scraped text is too, but for
    one "…" on a shorter line)."""
    result = runner.invoke(cli.app, ["extract", str(SEED), "-f", "table"], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    assert max(len(line.encode()) for line in result.stdout.splitlines()) == 80


def test_merged_pages_of_two_feeds_show_their_sites(tmp_path: Path) -> None:
    for name in ("alpha-2023-10-03T1630.txt", "beta-2023-10-03T1630.txt"):
        shutil.copy(SEED, tmp_path / name)
    result = runner.invoke(cli.app, ["extract", str(tmp_path), "--merge", "-f", "table", "-q", "--width", "100"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert sum(line.rstrip().endswith("alpha") for line in lines) == 6
    assert sum(line.rstrip().endswith("beta") for line in lines) == 6


# ---------------------------------------------------------------- a store of two feeds


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two feeds: "kyiv" captured 18:00 +03:00 (15:00 UTC) and 17:00 +03:00, "ny" captured
    17:00 -05:00 (22:00 UTC): as text, kyiv's is the later; as instants, ny's."""
    folder = tmp_path_factory.mktemp("two-feeds")
    db = folder / "feed.db"
    for name, zone in (("kyiv-2023-10-03T1800.txt", "Europe/Kyiv"), ("kyiv-2023-10-03T1700.txt", "Europe/Kyiv"),
                       ("ny-2023-10-03T1700.txt", "America/New_York")):
        page = folder / name
        page.write_bytes(SEED.read_bytes() + (b"\n" if name.endswith("1700.txt") else b""))
        result = runner.invoke(cli.app, ["ingest", "--db", str(db), str(page), "--tz", zone, "--quiet"])
        assert result.exit_code == 0, result.output
    return db


def test_feeds_lists_each_feed_with_counts_and_captures(store: Path) -> None:
    result = runner.invoke(cli.app, ["feeds", "--db", str(store), "-f", "json"])
    assert result.exit_code == 0, result.output
    feeds = {row["feed"]: row for row in json.loads(result.stdout)["feeds"]}
    assert feeds["kyiv"] == {"feed": "kyiv", "pages": 2, "entries": 6, "first_capture": "2023-10-03T17:00:00+03:00",
                             "last_capture": "2023-10-03T18:00:00+03:00"}
    assert feeds["ny"]["pages"] == 1 and feeds["ny"]["last_capture"] == "2023-10-03T17:00:00-04:00"
    table = runner.invoke(cli.app, ["feeds", "--db", str(store)])
    assert table.stdout.splitlines()[0].split() == ["feed", "pages", "entries", "first", "capture", "last", "capture"]
    assert table.stdout.splitlines()[1].split()[:3] == ["kyiv", "2", "6"]
    csv_out = runner.invoke(cli.app, ["feeds", "--db", str(store), "-f", "csv"]).stdout
    assert csv_out.splitlines()[0] == "feed,pages,entries,first_capture,last_capture"
    assert runner.invoke(cli.app, ["feeds", "--db", str(store.parent / "none.db")]).exit_code == 3


def test_view_of_one_feed_shows_that_feeds_capture(store: Path) -> None:
    kyiv = runner.invoke(cli.app, ["view", "--db", str(store), "--feed", "kyiv"]).stdout
    ny = runner.invoke(cli.app, ["view", "--db", str(store), "--feed", "ny"]).stdout
    assert "captured 2023-10-03T18:00:00+03:00 | 6 entries" in kyiv
    assert "captured 2023-10-03T17:00:00-04:00 | 6 entries" in ny


def test_view_of_several_feeds_lists_their_captures_and_sites(store: Path) -> None:
    result = runner.invoke(cli.app, ["view", "--db", str(store), "--width", "120"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert "kyiv: last captured 2023-10-03T18:00:00+03:00" in lines
    assert "ny: last captured 2023-10-03T17:00:00-04:00" in lines
    assert sum(line.rstrip().endswith("  kyiv") for line in lines) == 6
    assert sum(line.rstrip().endswith("  ny") for line in lines) == 6


@pytest.mark.parametrize("command", ["view", "export"])
def test_view_and_export_write_markdown_and_table(store: Path, command: str) -> None:
    markdown = runner.invoke(cli.app, [command, "--db", str(store), "-f", "markdown"])
    assert markdown.exit_code == 0, markdown.output
    assert markdown.stdout.startswith("# feed.db: 3 pages of 2 feeds") and "## 2023-10-03 Tue" in markdown.stdout
    assert "· kyiv" in markdown.stdout and "· ny" in markdown.stdout
    table = runner.invoke(cli.app, [command, "--db", str(store), "-f", "table"], env={"COLUMNS": "72"})
    assert table.exit_code == 0 and longest(table.stdout) == 72


def test_export_names_the_feed_and_the_region(store: Path) -> None:
    document = json.loads(runner.invoke(cli.app, ["export", "--db", str(store)]).stdout)
    assert {e["feed"] for e in document["entries"]} == {"kyiv", "ny"}
    assert {e["region"] for e in document["entries"]} == {0}
    assert "feed_key" not in document["entries"][0]


def test_view_on_a_terminal_draws_the_same_table(store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from feedline import store_cli

    piped = runner.invoke(cli.app, ["view", "--db", str(store), "--width", "90"]).stdout
    monkeypatch.setattr(store_cli, "stdout_is_tty", lambda: True)
    live = runner.invoke(cli.app, ["view", "--db", str(store), "--width", "90"])
    assert live.exit_code == 0, live.output
    drawn_in_ascii = str.maketrans({"─": "-", "≈": "*", "·": "|", "↳": ">", "…": "..."})  # the live view draws in Unicode

    def drawn(text: str) -> list[str]:
        return [line.rstrip().translate(drawn_in_ascii) for line in text.splitlines()]

    assert drawn(live.stdout) == drawn(piped)


# ---------------------------------------------------------------- view --follow
NEW_PAGE = ("Harbour live\n\n19:20\nThe ferry to the islands resumed after the fog lifted this evening.\n"
            "19:05\nPort workers agreed to end the strike after talks with the city.\n")


def test_view_follow_shows_entries_as_later_ingests_store_them(store: Path, tmp_path: Path) -> None:
    db = tmp_path / "follow.db"
    shutil.copy(store, db)
    # Ctrl-C as at a terminal: a test run started in the background (`make test &`) ignores
    # SIGINT, which its children inherit, and Python then installs no KeyboardInterrupt handler
    view = subprocess.Popen([sys.executable, "-m", "feedline", "view", "--db", str(db), "--follow", "--every", "0.1s",
                             "-f", "markdown"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        first = view.stdout.readline()  # the view as it was: its title line
        assert first.startswith("# ")
        page = tmp_path / "harbour-2023-10-03T1930.txt"
        page.write_text(NEW_PAGE, encoding="utf-8")
        ingest = subprocess.run([sys.executable, "-m", "feedline", "ingest", "--db", str(db), str(page),
                                 "--tz", "Europe/Kyiv", "--quiet"], capture_output=True, text=True, timeout=120)
        assert ingest.returncode == 0, ingest.stderr
        seen = []
        for line in view.stdout:  # the follow's batch: a title "2 new at HH:MM:SS", then the entries
            seen.append(line)
            if "The ferry to the islands resumed" in line:  # the later of the two (chronological order)
                break
        batch = "".join(seen)
        assert "# 2 new at " in batch and "Port workers agreed" in batch.split("# 2 new at ")[1]
        assert "Bloomberg" not in batch.split("# 2 new at ")[1]  # entries already shown are not repeated
    finally:
        view.send_signal(signal.SIGINT)
        # communicate, not wait: both pipes drained, so a child with output left to write
        # cannot block on a full pipe and outlive its Ctrl-C
        try:
            _, errors = view.communicate(timeout=60)
        finally:
            view.kill()
    assert view.returncode == 0, errors


def test_view_follow_refuses_html_and_files(store: Path, tmp_path: Path) -> None:
    html = runner.invoke(cli.app, ["view", "--db", str(store), "--follow", "-f", "html"])
    to_file = runner.invoke(cli.app, ["view", "--db", str(store), "--follow", "-o", str(tmp_path / "v.txt")])
    assert html.exit_code == 2 and to_file.exit_code == 2
    assert "--follow" in html.output


def test_a_table_past_its_cap_shows_the_last_entries_and_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    from feedline.render import table

    monkeypatch.setattr(table, "MAX_TABLE_ENTRIES", 2)
    entries = tuple(entry(f"Item number {n} of the desk.", clock=time(9, n), stamp=f"9:0{n}") for n in range(5))
    text = render_table_text(Timeline(Page("", name="p"), entries), width=100)
    assert "the table shows the last 2 entries of the timeline; the first 3 are left out" in text
    assert "Item number 4" in text and "Item number 3" in text and "Item number 2" not in text
