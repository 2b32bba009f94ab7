"""Renderers on hand-built timelines: schema, round trips, hostile text, a golden table.

Regenerate the golden table after an intended change with
`FEEDLINE_UPDATE_GOLDEN=1 python -m pytest tests/test_render.py`, and review the diff.
"""
from __future__ import annotations

import csv
import io
import json
import os
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console

from feedline.errors import UsageError
from feedline.model import (
    FORMAT_VERSION,
    DateFix,
    DateStatus,
    Entry,
    Page,
    Role,
    Source,
    Stamp,
    StampKind,
    Timeline,
)
from feedline.render import FORMATS, render
from feedline.render._text import clean, clip, one_line
from feedline.render.csv_format import HEADER, neutralise
from feedline.render.json_format import render_json, render_jsonl, timeline_to_dict
from feedline.render.markdown import escape
from feedline.render.table import render_table, render_table_text

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = json.loads((ROOT / "docs" / "timeline.schema.json").read_text(encoding="utf-8"))
GOLDEN = Path(__file__).parent / "golden"
KYIV = timezone(timedelta(hours=3))
HOSTILE = "Hostile [bold red]x[/] [link=http://evil]click[/link] \x1b[31mred\x1b[0m bell\x07 end"


# ---------------------------------------------------------------- hand-built timelines


def make_entry(
    id: str,
    stamp_text: str,
    text: str,
    *,
    headline: str | None = None,
    at: time | None = None,
    fix: DateFix = DateFix(DateStatus.UNKNOWN),
    moment: datetime | None = None,
    sources: tuple[Source, ...] = (),
    kind: StampKind = StampKind.CLOCK,
    zone: str | None = None,
    relative: float | None = None,
    position: int = 0,
) -> Entry:
    stamp = Stamp(
        text=stamp_text,
        span=(0, len(stamp_text)),
        kind=kind,
        hour=at.hour if at else None,
        minute=at.minute if at else None,
        zone=zone,
        relative_minutes=relative,
    )
    return Entry(
        id=id,
        stamp=stamp,
        headline=headline,
        text=text,
        span=(0, len(stamp_text) + 1 + len(text)),
        feed=0,
        position=position,
        local_time=at,
        date=fix,
        datetime=moment,
        sources=sources,
    )


def origin(name: str, canonical: str | None = None, cue: str = "reported") -> Source:
    return Source(name, canonical or name, Role.ORIGIN, cue, (0, len(name)))


def cited(name: str, canonical: str | None = None) -> Source:
    return Source(name, canonical or name, Role.CITED, "citing", (0, len(name)))


def small_timeline() -> Timeline:
    """Four entries, in timeline order: exact floating, inferred aware, year-less, undated relative."""
    entries = (
        make_entry(
            "e-germany",
            "2023-10-03 00:13",
            "Germany has transferred over 32,000 rounds of ammunition, the German government reported.",
            at=time(0, 13),
            kind=StampKind.DATETIME,
            fix=DateFix(DateStatus.EXACT, date(2023, 10, 3), confidence=1.0, evidence=("printed date",)),
            moment=datetime(2023, 10, 3, 0, 13),
            sources=(origin("the German government", "German government"),),
            position=0,
        ),
        make_entry(
            "e-atacms",
            "4:00 PM",
            "The U.S. Army is ready to send Ukraine some of its long-range missiles, "
            "Bloomberg reported on Oct. 3, citing the Army's chief weapons buyer.",
            headline="Army ready to send ATACMS",
            at=time(16, 0),
            fix=DateFix(DateStatus.INFERRED, date(2023, 10, 3), confidence=0.9,
                        evidence=("capture time 2023-10-03T18:05+03:00",)),
            moment=datetime(2023, 10, 3, 16, 0, tzinfo=KYIV),
            sources=(origin("Bloomberg"), cited("the Army's chief weapons buyer", "Army chief weapons buyer")),
            position=1,
        ),
        make_entry(
            "e-bst",
            "8 Oct 17:46 BST",
            "Kyiv — Київ: a year-less stamp.",
            at=time(17, 46),
            kind=StampKind.DATETIME,
            zone="BST",
            fix=DateFix(DateStatus.PARTIAL, month_day=(10, 8), confidence=0.5, evidence=("printed month and day",)),
            position=2,
        ),
        make_entry(
            "e-relative",
            "21 mins ago",
            "A relative stamp in blind mode.",
            kind=StampKind.RELATIVE,
            relative=21.0,
            position=3,
        ),
    )
    page = Page("…", name="samples/small.txt", title="Small feed", lang="en")
    return Timeline(page, entries, now=datetime(2023, 10, 3, 18, 5, tzinfo=KYIV), tz="Europe/Kyiv",
                    diagnostics=("1 feed region",))


def hostile_timeline() -> Timeline:
    """Scraped strings full of markup, escapes, controls and spreadsheet formulas."""
    entries = (
        make_entry(
            "e1",
            "4:00 PM\x1b]0;pwned\x07",
            HOSTILE,
            headline='=HYPERLINK("http://evil", "[bold red]x[/]")',
            at=time(16, 0),
            fix=DateFix(DateStatus.EXACT, date(2023, 10, 3), confidence=1.0, evidence=("[link=http://evil]ev[/link]",)),
            moment=datetime(2023, 10, 3, 16, 0, tzinfo=timezone.utc),
            sources=(origin("[bold]Reuters[/bold]\x1b[5m"), origin("@evil"), cited("+cmd")),
        ),
        make_entry(
            "e2",
            "5:00 PM",
            "-2+3 <script>alert(1)</script> *em* _u_ `code` ![img](http://evil/i.png) &amp; \\ # | ~~s~~\nsecond\x9b31mline",
            headline="@SUM(A1)",
            at=time(17, 0),
            fix=DateFix(DateStatus.UNKNOWN),
        ),
    )
    page = Page("…", name="evil\x1b[2J.html", title="[blink]Title[/blink]\x1b[31m")
    return Timeline(page, entries, diagnostics=("diag \x1b[31m[red]x[/red]",))


def empty_timeline() -> Timeline:
    return Timeline(Page("", name="-"), ())


TIMELINES = {"small": small_timeline, "hostile": hostile_timeline, "empty": empty_timeline}
ESCAPES_AND_CONTROLS = [chr(c) for c in range(0x20) if c != 0x0A] + [chr(c) for c in range(0x7F, 0xA0)]


# ---------------------------------------------------------------- cleaning scraped text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("\x1b[31mred\x1b[0m", "red"),
        ("a\x07b", "ab"),
        ("\x1b]8;;http://evil\x1b\\click\x1b]8;;\x1b\\", "click"),
        ("\x1b]0;title\x07rest", "rest"),
        ("\x9b31mx", "x"),
        ("\x1bPdevice\x1b\\ok", "ok"),
        ("cut\x1b[", "cut"),
        ("\x1b]0;unterminated", "0;unterminated"),
        ("x\x00y\x7f\x85z", "xyz"),
        ("a\r\nb\rc\td", "a\nb\nc d"),
        ("lone \ud800 surrogate", "lone \ufffd surrogate"),
        ("[bold red]x[/]", "[bold red]x[/]"),
        ("Київ — ok", "Київ — ok"),
    ],
    ids=["csi", "bel", "osc8-link", "osc-title", "c1-csi", "dcs", "cut-csi", "open-osc", "controls",
         "newlines-tabs", "surrogate", "markup-kept", "unicode-kept"],
)
def test_clean(raw: str, expected: str) -> None:
    assert clean(raw) == expected


@given(st.text())
def test_clean_leaves_no_control_characters(raw: str) -> None:
    cleaned = clean(raw)
    assert not any(c in cleaned for c in ESCAPES_AND_CONTROLS)
    assert "\n" not in one_line(raw)


def test_clip_cuts_at_a_word_and_marks_it() -> None:
    text = "word " * 100
    clipped = clip(text, 200)
    assert len(clipped) <= 200 and clipped.endswith("…") and not clipped.endswith(" …")
    assert clip("short", 200) == "short"


# ---------------------------------------------------------------- json / jsonl


def validator() -> jsonschema.Draft202012Validator:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    return jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker())


@pytest.mark.parametrize("name", TIMELINES)
def test_json_is_valid_against_the_schema(name: str) -> None:
    doc = json.loads(render_json(TIMELINES[name]()))
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator().iter_errors(doc)]
    assert not errors, "\n".join(errors)


def test_schema_pins_the_format_version() -> None:
    assert SCHEMA["properties"]["format_version"]["const"] == FORMAT_VERSION


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("local_date", "2023-13-01"),
        ("local_time", "24:00"),
        ("local_date", "10-03"),
        ("datetime", "2023-10-03 16:00"),
        ("confidence", 1.5),
        ("date_status", "guessed"),
        ("extra", True),
    ],
)
def test_schema_rejects_a_bad_entry(field: str, value: object) -> None:
    doc = json.loads(render_json(small_timeline()))
    doc["entries"][0][field] = value
    assert not validator().is_valid(doc)


def test_json_document_fields() -> None:
    doc = timeline_to_dict(small_timeline())
    assert doc["format_version"] == FORMAT_VERSION
    assert doc["generator"].startswith("feedline ")
    assert doc["mode"] == "capture" and doc["now"] == "2023-10-03T18:05:00+03:00"
    assert doc["page"] == {"name": "samples/small.txt", "kind": "text", "encoding": "utf-8",
                           "url": None, "title": "Small feed", "lang": "en",
                           "published": None, "modified": None}
    floating, aware, partial, relative = doc["entries"]
    assert [e["id"] for e in doc["entries"]] == ["e-germany", "e-atacms", "e-bst", "e-relative"]
    assert aware["datetime"] == "2023-10-03T16:00:00+03:00" and aware["floating"] is False
    assert aware["local_time"] == "16:00" and aware["local_date"] == "2023-10-03"
    assert aware["sources"][1] == {"name": "the Army's chief weapons buyer", "canonical": "Army chief weapons buyer",
                                   "role": "cited", "cue": "citing", "span": [0, 30]}
    assert floating["datetime"] == "2023-10-03T00:13:00" and floating["floating"] is True
    assert partial["local_date"] == "--10-08" and partial["datetime"] is None and partial["zone"] == "BST"
    assert relative["local_date"] is None and relative["local_time"] is None
    assert relative["relative_minutes"] == 21.0 and relative["stamp_kind"] == "relative"
    assert relative["date_status"] == "unknown" and relative["confidence"] == 0.0


def test_json_is_deterministic_utf8_and_terminal_safe() -> None:
    out = render_json(hostile_timeline())
    assert out == render_json(hostile_timeline()) and out.endswith("}\n")
    assert "generated" not in out
    assert not any(c in out for c in ESCAPES_AND_CONTROLS[:9] + ESCAPES_AND_CONTROLS[10:])
    assert "\\u009b" in out and "\\u001b" in out  # escaped, not dropped
    assert json.loads(out)["entries"][1]["text"].endswith("second\x9b31mline")
    assert "Київ" in render_json(small_timeline())  # ensure_ascii=False


def test_json_writes_non_finite_numbers_as_null() -> None:
    entry = make_entry("e", "5 mins ago", "t", kind=StampKind.RELATIVE, relative=float("nan"))
    doc = json.loads(render_json(Timeline(Page(""), (entry,))))
    assert doc["entries"][0]["relative_minutes"] is None


def test_jsonl_lines_parse_and_match_the_schema() -> None:
    line_schema = {"$defs": SCHEMA["$defs"], "$ref": "#/$defs/jsonlEntry"}
    check = jsonschema.Draft202012Validator(line_schema)
    lines = render_jsonl(small_timeline()).splitlines()
    assert len(lines) == 4
    for line, entry in zip(lines, timeline_to_dict(small_timeline())["entries"]):
        obj = json.loads(line)
        check.validate(obj)
        assert obj.pop("page") == "samples/small.txt" and obj == entry
    assert render_jsonl(empty_timeline()) == ""


# ---------------------------------------------------------------- csv


def read_csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_csv_round_trips() -> None:
    text = render(small_timeline(), "csv")
    assert text.splitlines()[0] == ",".join(HEADER)
    rows = read_csv(text)
    assert [r["id"] for r in rows] == ["e-germany", "e-atacms", "e-bst", "e-relative"]
    first = rows[1]
    assert first["local_date"] == "2023-10-03" and first["local_time"] == "16:00"
    assert first["datetime"] == "2023-10-03T16:00:00+03:00" and first["time_text"] == "4:00 PM"
    assert first["sources"] == "Bloomberg; the Army's chief weapons buyer"
    assert first["confidence"] == "0.90" and first["date_status"] == "inferred"
    assert rows[2]["local_date"] == "'--10-08"  # a spreadsheet would compute --10-08 = 7
    assert rows[3]["local_date"] == "" and rows[3]["datetime"] == ""


def test_csv_neutralises_formulas_and_cleans_text() -> None:
    rows = read_csv(render(hostile_timeline(), "csv"))
    assert rows[0]["headline"] == "'=HYPERLINK(\"http://evil\", \"[bold red]x[/]\")"
    assert rows[0]["sources"] == "[bold]Reuters[/bold]; @evil; +cmd"
    assert rows[1]["headline"] == "'@SUM(A1)"
    assert rows[1]["text"].startswith("'-2+3") and "\nsecondline" in rows[1]["text"]
    assert rows[0]["time_text"] == "4:00 PM"
    for row in rows:
        for cell in row.values():
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))
            assert not any(c in cell for c in ESCAPES_AND_CONTROLS)


@pytest.mark.parametrize("cell", ["=1+1", "+1", "-1", "@A1", "\t=1", "\r=1"])
def test_neutralise(cell: str) -> None:
    assert neutralise(cell) == "'" + cell
    assert neutralise("plain " + cell) == "plain " + cell


# ---------------------------------------------------------------- markdown


def test_markdown_groups_days_and_lists_entries() -> None:
    text = render(small_timeline(), "markdown")
    headings = [line for line in text.splitlines() if line.startswith("#")]
    assert headings == ["# Small feed", "## 2023-10-03 Tue", "## --10-08 (year unknown)", "## Date unknown"]
    assert ("- **16:00** Army ready to send ATACMS — The U.S. Army is ready to send Ukraine some of its "
            "long-range missiles, Bloomberg reported on Oct. 3, citing the Army's chief weapons buyer. "
            "(Bloomberg; the Army's chief weapons buyer)") in text
    assert "- **21 mins ago** A relative stamp in blind mode." in text
    explained = render(small_timeline(), "markdown", explain=True)
    assert "  - date inferred (none), confidence 0.90" in explained


def test_markdown_escapes_scraped_text() -> None:
    markdown_it = pytest.importorskip("markdown_it")
    text = render(hostile_timeline(), "markdown")
    html = markdown_it.MarkdownIt("commonmark").enable(["strikethrough", "table"]).render(text)
    for tag in ("<a ", "<img", "<script", "<em>", "<code>", "<s>", "<table"):
        assert tag not in html, tag
    assert html.count("<strong>") == 2  # only the two time stamps
    assert "[bold red]x[/]" in html and "&lt;script&gt;" in html
    assert not any(c in text for c in ESCAPES_AND_CONTROLS)


def test_markdown_escape() -> None:
    assert escape("*a* [b](c) <d> `e` _f_ #g |h ~i !j &k\n l") == (
        r"\*a\* \[b\](c) \<d\> \`e\` \_f\_ \#g \|h \~i \!j \&k l"
    )


# ---------------------------------------------------------------- table


def table_text(timeline: Timeline, **options: object) -> str:
    return render_table_text(timeline, width=100, **options)  # type: ignore[arg-type]


def test_table_matches_golden() -> None:
    golden = GOLDEN / "table_small.txt"
    text = table_text(small_timeline())
    if os.environ.get("FEEDLINE_UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


def test_table_groups_by_day_with_marks() -> None:
    lines = table_text(small_timeline()).splitlines()
    rules = [line for line in lines if " ----" in line and line.endswith("----")]
    assert [r.split(" ---")[0] for r in rules] == ["2023-10-03 Tue", "--10-08 (year unknown)", "Date unknown"]
    assert any(line.startswith("16:00  *  Army ready to send ATACMS") for line in lines)
    assert any(line.startswith("00:13     Germany") for line in lines)  # printed date: no mark
    assert any(line.startswith("17:46  ~") for line in lines)
    assert any(line.startswith("21     ?") for line in lines)
    assert "* date inferred   ~ year unknown   ? date unknown" in lines


def test_plain_table_draws_in_ascii_so_byte_counting_tools_see_its_width() -> None:
    """mawk's `length` and `cut -c` count bytes: the plain table's own marks and rules are ASCII
    (scraped text is left as it is), the live terminal view keeps its Unicode marks."""
    text = render_table_text(small_timeline(), width=80, explain=True)
    assert all(len(line.encode()) <= 80 for line in text.splitlines() if line.isascii())
    drawn = text.replace("Kyiv — Київ", "")  # the fixture's scraped non-ASCII text
    assert not any(glyph in drawn for glyph in "─≈↳…·→•—")
    out = io.StringIO()
    render_table(small_timeline(), Console(file=out, width=80, markup=False), explain=True)
    assert "─" in out.getvalue() and "≈" in out.getvalue()


def test_table_shows_hostile_text_literally() -> None:
    text = table_text(hostile_timeline(), explain=True)
    assert "[bold red]x[/]" in text and "[link=http://evil]click[/link]" in text
    assert "[bold]Reuters[/bold]" in text and "[blink]Title[/blink]" in text
    assert "[link=http://evil]ev[/link]" in text  # evidence, with --explain
    assert "red bell end" in text and "secondline" in text
    assert not any(c in text for c in ESCAPES_AND_CONTROLS)


def test_table_on_a_colour_terminal_has_no_scraped_escapes() -> None:
    out = io.StringIO()
    console = Console(file=out, width=100, force_terminal=True, color_system="truecolor", markup=False)
    render_table(hostile_timeline(), console, explain=True)
    raw = out.getvalue()
    assert "\x1b]" not in raw and "\x07" not in raw and "\x9b" not in raw  # no OSC (titles, links), no bell
    assert "\x1b[5m" not in raw and "\x1b[2J" not in raw  # scraped blink / clear-screen
    assert "[bold red]x[/]" in raw


def test_table_explain_adds_evidence_and_confidence() -> None:
    plain = table_text(small_timeline())
    explained = render_table_text(small_timeline(), explain=True, width=160)
    assert "confidence" not in plain
    assert "date inferred (none), confidence 0.90, 2023-10-03T16:00:00+03:00" in explained
    assert "* capture time 2023-10-03T18:05+03:00" in explained


@pytest.mark.parametrize("width", [40, 80, 100, 160])
def test_table_fits_its_width(width: int) -> None:
    text = render_table_text(small_timeline(), width=width)
    assert max(len(line) for line in text.splitlines()) <= width


def test_table_clips_long_text() -> None:
    entry = make_entry("e", "1:00 PM", "word " * 200, at=time(13, 0))
    text = render_table_text(Timeline(Page(""), (entry,)), width=100)
    assert text.count("word") < 60 and "word word..." in text


def test_empty_timeline_renders_in_every_format() -> None:
    for fmt in FORMATS:
        assert isinstance(render(empty_timeline(), fmt), str)
    assert "No entries found." in render(empty_timeline(), "table")


def test_render_rejects_an_unknown_format() -> None:
    with pytest.raises(UsageError, match="unknown format 'yaml'"):
        render(small_timeline(), "yaml")
