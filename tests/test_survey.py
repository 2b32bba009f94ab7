"""The survey's classifiers (benchmarks/survey.py) on small invented pages and entries.

The entries are built by hand, not extracted, so that these tests keep their meaning while
the extractor changes: each one states what feedline "decided" and checks that the survey
sees the contradiction (or agreement) with what the page prints.
"""
from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from datetime import date, datetime, time
from pathlib import Path

import pytest

from feedline.model import DateBasis, DateFix, DateStatus, Entry, Page, Stamp, StampKind, Timeline

_PATH = Path(__file__).resolve().parent.parent / "benchmarks" / "survey.py"
_spec = importlib.util.spec_from_file_location("survey", _PATH)
survey = importlib.util.module_from_spec(_spec)
sys.modules["survey"] = survey
_spec.loader.exec_module(survey)


def _entry(text: str, stamp_text: str, *, kind: StampKind = StampKind.CLOCK, hour: int | None = None,
           minute: int | None = None, day: date | None = None, position: int = 0, feed: int = 0,
           body: str = "Invented item text that is long enough", basis: DateBasis = DateBasis.CAPTURE,
           **stamp_fields) -> Entry:
    start = text.index(stamp_text)
    stamp = Stamp(stamp_text, (start, start + len(stamp_text)), kind, hour=hour, minute=minute, **stamp_fields)
    fix = DateFix(DateStatus.INFERRED, day, confidence=0.5, basis=basis) if day else DateFix(DateStatus.UNKNOWN)
    return Entry(id=f"e{position}", stamp=stamp, headline=None, text=body, span=(start, start + len(stamp_text) + 1),
                 feed=feed, position=position, local_time=time(hour, minute) if hour is not None else None,
                 date=fix, datetime=None)


def _check(text: str, entries: list[Entry], lang: str | None = "en") -> dict:
    timeline = Timeline(Page(text=text, lang=lang), tuple(entries))
    result = {"id": "invented", "clocks": Counter(), "findings": []}
    survey.check_page(timeline, {"blind": timeline}, lang, result)
    return result


def _classes(result: dict) -> Counter:
    return Counter(f["class"] for f in result["findings"])


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("2021/07/14 09:05", None, [(2021, 7, 14)]),  # year-first with slashes
    ("2021年7月14日9:05", "zh", [(2021, 7, 14)]),  # CJK with year: not a year and a day
    ("7月14日 09:05", "ja", [(None, 7, 14)]),
    ("2021. 07. 14. 9:05", "hu", [(2021, 7, 14)]),  # Hungarian year-first with spaces
    ("١٤/٠٧/٢٠٢١ ٠٩:٠٥", "ar", [(2021, 7, 14)]),  # Arabic-Indic digits, one reading (14 > 12)
    ("14 juillet 2021 @9h05", "fr", [(2021, 7, 14)]),  # month word, by dateparser
    ("09:05", None, []),
])
def test_printed_dates(text: str, lang: str | None, expected: list) -> None:
    assert survey.printed_dates(text, lang) == expected


def test_printed_dates_keeps_both_readings_of_an_ambiguous_numeric_date() -> None:
    assert set(survey.printed_dates("7/8/2021 10:00", None)) == {(2021, 7, 8), (2021, 8, 7)}


@pytest.mark.parametrize(("text", "expected"), [
    ("4:05 PM", (4, 5, "pm")),
    ("午後3時05分", (3, 5, "pm")),
    ("2021/07/14 09:05", (9, 5, None)),  # the date's digits are not the clock
    ("35 mins ago09:12", (9, 12, None)),  # a relative stamp glued to its clock
    ("9h05", (9, 5, None)),
    ("vor 5 Minuten", None),
])
def test_printed_clock(text: str, expected: tuple | None) -> None:
    assert survey.printed_clock(text) == expected


def test_shape_groups_forms_and_keeps_cjk_and_marker_words() -> None:
    assert survey.shape("2021/07/14 09:05") == "9999/99/99 99:99"
    assert survey.shape("7月14日 09:05") == "9月99日 99:99"
    assert survey.shape("14 juillet 2021 à 9h05") == "99 W 9999 à 9h99"


def test_safe_removes_terminal_escapes_and_bidi_marks() -> None:
    assert survey.safe("a\x1b[31mb\u202ec") == "a [31mb c"


def test_time_and_date_that_contradict_time_text_are_found() -> None:
    text = "Invented feed\n3 March 2021 16:05\nInvented item text that is long enough\n"
    wrong = _entry(text, "3 March 2021 16:05", kind=StampKind.DATETIME, hour=15, minute=5, day=date(2021, 3, 4),
                   year=2021, month=3)
    found = _classes(_check(text, [wrong]))
    assert found["time_disagrees"] == 1 and found["date_disagrees"] == 1
    right = _entry(text, "3 March 2021 16:05", kind=StampKind.DATETIME, hour=16, minute=5, day=date(2021, 3, 3),
                   year=2021, month=3, basis=DateBasis.STAMP)
    found = _classes(_check(text, [right]))
    assert found["time_disagrees"] == 0 and found["date_disagrees"] == 0


def test_date_printed_beside_the_stamp_is_found_when_the_entry_ignores_it() -> None:
    text = "Invented feed\n2021/07/14 09:05\nInvented item text that is long enough\n"
    undated = _entry(text, "09:05", hour=9, minute=5)
    findings = _check(text, [undated], lang="ja")["findings"]
    assert [(f["class"], f["string"], f["shape"]) for f in findings if f["class"] == "date_beside"] == [
        ("date_beside", "2021/07/14 09:05", "9999/99/99 99:99")]
    dated = _entry(text, "09:05", hour=9, minute=5, day=date(2021, 7, 14))
    assert _classes(_check(text, [dated], lang="ja"))["date_beside"] == 0


def test_dates_against_the_feed_order() -> None:
    text = "Feed\n10:00\nItem one text\n09:00\nItem two text\n08:00\nItem three text\n07:00\nItem four text\n"
    days = [date(2021, 5, 2), date(2021, 5, 2), date(2021, 5, 3), date(2021, 5, 1)]  # the third jumps ahead
    entries = [_entry(text, f"{h:02d}:00", hour=h, minute=0, day=d, position=i)
               for i, (h, d) in enumerate(zip((10, 9, 8, 7), days))]
    found = [f for f in _check(text, entries)["findings"] if f["class"] == "backwards"]
    assert [f["string"] for f in found] == ["09:00 → 08:00"]


def test_printed_dates_out_of_order_are_the_pages_own_order() -> None:
    stamps = ["3 May 2021 10:00", "2 May 2021 09:00", "4 May 2021 08:00", "1 May 2021 07:00"]
    text = "Feed\n" + "".join(f"{s}\nItem text\n" for s in stamps)
    entries = [_entry(text, s, kind=StampKind.DATETIME, hour=int(s[-5:-3]), minute=0, month=5, year=2021,
                      day=date(2021, 5, int(s[0])), position=i, basis=DateBasis.STAMP) for i, s in enumerate(stamps)]
    found = _classes(_check(text, entries))
    assert found["backwards"] == 0 and found["printed_unordered"] == 1


def test_entry_swallowing_another_stamp_is_merged() -> None:
    text = "Feed\n10:00\nFirst invented item\n09:40 Second invented item, glued\n"
    entry = _entry(text, "10:00", hour=10, minute=0, body="First invented item\n09:40 Second invented item, glued")
    found = [f for f in _check(text, [entry])["findings"] if f["class"] == "merged"]
    assert [f["string"] for f in found] == ["09:40"]


def test_clock_strings_are_classed_by_what_feedline_made_of_their_line() -> None:
    text = ("Invented page\n"
            "10:00\n"
            "First invented item, long enough to be one\n"
            "The meeting starts at 14:30 in the town hall, officials say\n"
            "Officials met the press until late and left at 23:15.\n"
            "7月14日 09:05\n"
            "2時間前\n")
    entry = _entry(text, "10:00", hour=10, minute=0, body="First invented item, long enough to be one")
    result = _check(text, [entry], lang="ja")
    assert result["clocks"]["entry_stamp"] == 1
    assert result["clocks"]["text_mention"] == 2  # mid-line, and a sentence's trailing clock
    # The two stamp-shaped lines are no entry: unread, or read by the tokenizer and kept by no
    # entry (which one depends on the tokenizer's forms); either way shown with the date beside.
    edge = {(f["string"], f["shape"]) for f in result["findings"] if f["class"] in ("unread_edge", "stamp_no_entry")}
    assert edge == {("7月14日 09:05", "9月99日 99:99"), ("2時間前", "9時間前")}
    assert result["clocks"]["unread_edge"] + result["clocks"]["stamp_no_entry"] == 2


def test_missed_feed_and_inline_run() -> None:
    lines = [f"{h}時{m:02d}分 Invented headline number {h}" for h, m in ((9, 5), (8, 40), (8, 1), (7, 55), (7, 30))]
    text = "Invented page\n" + "\n".join(lines) + "\n09:10 One item 09:02 Two item 08:55 Three item\n"
    found = _classes(_check(text, [], lang="ja"))
    assert found["missed_feed"] == 1 and found["inline_run"] == 1


def test_survey_page_turns_an_exception_into_a_finding(tmp_path: Path) -> None:
    result = survey.survey_page({"id": "missing", "path": str(tmp_path / "missing.html")})
    assert [f["class"] for f in result["findings"]] == ["exception"]
    assert result["findings"][0]["string"] == "FileNotFoundError"


def test_survey_page_end_to_end_on_invented_bytes() -> None:
    data = b"Invented live page\n\n16:05\nThe council approved the invented budget today.\n\n15:40\nA second invented item.\n"
    result = survey.survey_page({"id": "invented", "data": data}, timeout=30)
    assert not result["timeout"] and not [f for f in result["findings"] if f["class"] == "exception"]
    assert result["entries"]["blind"] == 2 and result["clocks"]["entry_stamp"] == 2


def test_capture_time_is_the_latest_markup_time() -> None:
    from feedline.model import Markup

    page = Page(text="x", markup=Markup(published="2021-07-14T09:05:00+02:00", modified="2021-07-15T10:00:00Z"))
    assert survey.capture_time(page) == datetime.fromisoformat("2021-07-15T10:00:00+00:00")
    assert survey.capture_time(Page(text="x")) is None


def test_main_skips_cleanly_without_shared(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(survey, "POOL", tmp_path / "absent")
    assert survey.main(["--limit", "1"]) == 0
    assert "skipped" in capsys.readouterr().out


@pytest.mark.skipif(not (survey.POOL / "pages").is_dir(), reason="../shared/pool absent")
def test_main_runs_on_two_pool_pages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "survey.json"
    assert survey.main(["--limit", "2", "--jobs", "1", "--json", str(out)]) == 0
    assert "feedline survey: 2 pages" in capsys.readouterr().out
    import json

    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["summary"]["pages"] == 2 and doc["summary"]["classes"]["exception"]["count"] == 0


@pytest.mark.parametrize(("text", "expected"), [
    ("2021/07/14 09:05", "year-first numeric date + clock (2021/07/14 09:05)"),
    ("7月14日 09:05", "CJK date + colon clock (7月14日 09:05)"),
    ("2021年7月14日 9時05分", "CJK date + CJK clock (2021年7月14日 9時05分)"),
    ("3時間前", "CJK relative (N時間前, N分前)"),
    ("vor 2 Std", "relative, Latin script (2 hours ago, vor 2 Std)"),
    ("April 22, 2020 at 7:07 am", "month word + at/@/um/à + clock (April 2, 2020 at 7:07 am)"),
    ("14.07.2021 09:05", "numeric day-month date + clock (14.07.2021 09:05)"),
    ("9h05", "bare clock (16:01, 9h05)"),
])
def test_family_groups_shapes(text: str, expected: str) -> None:
    assert survey.family(survey.shape(text)) == expected


def test_clock_shapes_around_anchors_equal_the_whole_text_scan() -> None:
    # Count words before an "ago" word, units and "ago" words on the next lines, CJK clocks,
    # a lowercase form of another length, overlapping windows and long digit-free stretches.
    prose = "A long paragraph without a single number in it, written only to be skipped. " * 8
    texts = [
        "an hour ago\nUpdated 12:30 PM\n" + prose + "vor einer Stunde\n5\nmin\nago",
        prose + "午後3時15分 新着\n3分前\nhace una hora\n" + prose + "il y a une heure · 9h05",
        "İstanbul 14.30\nBaşlık 2 saat önce\n" + prose + "10:15 10:20 10:25 " * 30,
        "12\nPM\n" + prose + "1:05am" + " x" * 40 + "2 hours ago",
        "",
    ]
    for text in texts:
        whole = [(m.span(), m.lastgroup) for m in survey.CLOCK_SHAPE_RE.finditer(text)]
        assert [(m.span(), m.lastgroup) for m in survey.clock_shapes(text)] == whole
        assert whole or not text
