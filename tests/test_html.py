"""The `html` format: structure, scraped text kept as data, and a real browser (headless
Chromium) that opens the page, runs its script and reports its console.

The browser tests skip, with the reason, when no `chromium` is on PATH (`make test-browser`
installs the Debian package and runs them)."""
from __future__ import annotations

import html.parser
import os
import re
import shutil
import subprocess
import tempfile
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

import pytest
from typer.testing import CliRunner

from feedline import cli
from feedline.model import DateFix, DateStatus, Entry, Page, Role, Source, Stamp, StampKind, Timeline
from feedline.render import render
from feedline.render.html import CSP, SCRIPT, STYLE

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "samples" / "kyiv-independent-2023-10-03.txt"
KYIV = timezone(timedelta(hours=3))
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
runner = CliRunner()

PAYLOADS = (
    '<script>console.error("INJECTED-1");document.title="pwned"</script>',
    '<img src=x onerror="console.error(\'INJECTED-2\')">',
    '<a href="javascript:console.error(\'INJECTED-3\')">click</a> javascript:alert(1)',
    '</style><script>console.error("INJECTED-4")</script><style>',
    '"><svg onload="console.error(\'INJECTED-5\')">',
    "</script><script>console.error('INJECTED-6')</script>",
    "\u202eevil bidi\x1b[31m red",
)


def make_entry(index: int, text: str, *, headline: str | None = None, sources: tuple[Source, ...] = (),
               status: DateStatus = DateStatus.INFERRED, day: date | None = date(2023, 10, 3),
               confidence: float = 0.85, zone: str | None = None) -> Entry:
    clock = time(9 + index, 5)
    moment = datetime.combine(day, clock, KYIV) if day and status is not DateStatus.UNKNOWN else None
    fix = DateFix(status, day if status is not DateStatus.UNKNOWN else None,
                  month_day=(10, 3) if status is DateStatus.PARTIAL else None, confidence=confidence,
                  evidence=(f"because {index}",))
    return Entry(id=f"{index:016x}", position=index, feed=0, stamp=Stamp(f"{clock:%H:%M}", StampKind.CLOCK, (0, 5), zone=zone),
                 local_time=clock, date=fix, datetime=moment, headline=headline, text=text, sources=sources,
                 span=(0, 1))


def hostile_timeline() -> Timeline:
    entries = tuple(
        make_entry(index, payload, headline=payload, sources=(
            Source(payload, payload, Role.ORIGIN, "said", (0, 1)),
            Source("Reuters", "Reuters", Role.CITED, "citing", (0, 1)))) for index, payload in enumerate(PAYLOADS))
    page = Page("", name="<b>page</b>", title='</title><script>console.error("INJECTED-T")</script>',
                url='javascript:console.error("INJECTED-U")', lang='en"><script>x</script>')
    return Timeline(page, entries, tz="Europe/Kyiv", diagnostics=('<script>console.error("INJECTED-D")</script>',))


def mixed_timeline() -> Timeline:
    bloomberg = Source("Bloomberg", "Bloomberg", Role.ORIGIN, "reported", (0, 9))
    isw = Source("ISW", "Institute for the Study of War", Role.ORIGIN, "said", (0, 3))
    entries = (
        make_entry(0, "Exact one.", headline="First", sources=(bloomberg,), status=DateStatus.EXACT, confidence=1.0),
        make_entry(1, "Inferred, weak.", sources=(isw,), confidence=0.3, zone="BST"),
        make_entry(2, "Year unknown.", status=DateStatus.PARTIAL, day=None, confidence=0.5),
        make_entry(3, "No date.", sources=(bloomberg, isw), status=DateStatus.UNKNOWN, day=None, confidence=0.0),
    )
    return Timeline(Page("", name="mixed"), entries)


class Tags(html.parser.HTMLParser):
    """Elements and attributes of a document, as a browser's parser tokenizes them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def tags(document: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = Tags()
    parser.feed(document)
    return parser.tags


# ---------------------------------------------------------------- the document


def test_html_is_one_self_contained_page_with_a_strict_policy() -> None:
    document = render(mixed_timeline(), "html")
    found = tags(document)
    assert [t for t, _ in found].count("script") == 1 and [t for t, _ in found].count("style") == 1
    assert not any(a.get("src") or a.get("href") for _, a in found)  # nothing fetched, nothing linked
    policy = next(a["content"] for t, a in found if a.get("http-equiv") == "Content-Security-Policy")
    assert policy == CSP and "default-src 'none'" in policy and "unsafe" not in policy
    assert f"<style>{STYLE}</style>" in document and f"<script>{SCRIPT}</script>" in document
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in document


def test_html_has_days_entries_chips_marks_and_evidence() -> None:
    document = render(mixed_timeline(), "html")
    found = tags(document)
    sections = [a for t, a in found if t == "section"]
    assert [a.get("data-day") for a in sections] == ["2023-10-03", "--10-03", None]
    assert "undated" in (sections[-1]["class"] or "")
    articles = [a for t, a in found if t == "article"]
    assert [a["class"] for a in articles] == ["entry exact", "entry inferred doubt", "entry partial", "entry unknown doubt"]
    assert articles[3]["data-sources"] == "Bloomberg\nInstitute for the Study of War"
    assert '<li class="chip origin">Institute for the Study of War</li>' in document
    assert '<time datetime="2023-10-03T09:05:00+03:00">09:05</time>' in document
    assert '<span class="mark" title="date inferred">≈</span>' in document
    assert "date inferred (none) · confidence 0.30" in document and "<li>because 1</li>" in document
    assert '<span class="zone">BST</span>' in document
    assert '<option value="Bloomberg">Bloomberg (2)</option>' in document
    assert "<details open>" not in document and "<details open>" in render(mixed_timeline(), "html", explain=True)


def test_html_sites_only_for_several_feeds() -> None:
    timeline = mixed_timeline()
    one = render(timeline, "html", sites=["a.example"] * 4)
    two = render(timeline, "html", sites=["a.example", "b.example", "a.example", "b.example"])
    assert 'id="site"' not in one and 'data-site=' not in one
    assert '<option value="b.example">b.example (2)</option>' in two and '<li class="chip site">b.example</li>' in two


def test_scraped_text_is_data_in_the_html() -> None:
    document = render(hostile_timeline(), "html", explain=True)
    found = tags(document)
    names = [t for t, _ in found]
    assert names.count("script") == 1 and names.count("style") == 1
    assert not {"img", "svg", "a", "b", "iframe"} & set(names)
    assert not any(key.startswith("on") for _, a in found for key in a)
    assert not any((v or "").lstrip().lower().startswith("javascript:") for _, a in found
                   for k, v in a.items() if k in ("href", "src", "action"))
    assert "&lt;script&gt;console.error(&quot;INJECTED-1&quot;)" in document or \
        '&lt;script&gt;console.error("INJECTED-1")' in document
    assert "\x1b" not in document and "\u202e" not in document and "\\u202eevil bidi red" in document
    assert '<html lang="und">' in document  # a hostile lang attribute is dropped


def test_empty_timeline_in_html() -> None:
    document = render(Timeline(Page("", name="-"), ()), "html")
    assert "No entries found." in document and "<article" not in document


def test_extract_of_several_pages_in_html_is_one_merged_page(tmp_path: Path) -> None:
    for name in ("alpha-2023-10-03T1630.txt", "beta-2023-10-03T1630.txt"):
        shutil.copy(SEED, tmp_path / name)
    result = runner.invoke(cli.app, ["extract", str(tmp_path), "-f", "html", "-q"])
    assert result.exit_code == 0, result.output
    assert result.stdout.count("<!DOCTYPE html>") == 1 and result.stdout.count("<article") == 12
    assert '<option value="alpha">alpha (6)</option>' in result.stdout


# ---------------------------------------------------------------- a real browser


def chromium(page: Path, *extra: str, fragment: str = "") -> tuple[str, list[str]]:
    """(the DOM after the page's scripts ran, the console messages) of `page` in headless Chromium."""
    assert CHROMIUM is not None
    with tempfile.TemporaryDirectory() as profile:
        result = subprocess.run(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", f"--user-data-dir={profile}",
             "--enable-logging=stderr", "--v=0", "--virtual-time-budget=2000", *extra, "--dump-dom", page.as_uri() + fragment],
            capture_output=True, text=True, timeout=120, env={**os.environ, "LANG": "C.UTF-8"})
    console = [line for line in result.stderr.splitlines() if ":CONSOLE" in line]
    return result.stdout, console


needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="no chromium on PATH (make test-browser installs it)")


@needs_chromium
def test_the_browser_reports_console_errors_to_us(tmp_path: Path) -> None:
    """The probe: a page that logs an error is seen doing so (so silence below means something)."""
    probe = tmp_path / "probe.html"
    probe.write_text('<!DOCTYPE html><script>console.error("PROBE-ERROR")</script>', encoding="utf-8")
    _, console = chromium(probe)
    assert any("PROBE-ERROR" in line for line in console), console


@needs_chromium
def test_the_seed_timeline_in_a_browser(tmp_path: Path) -> None:
    target = tmp_path / "t.html"
    result = runner.invoke(cli.app, ["extract", str(SEED), "--format", "html", "-o", str(target)])
    assert result.exit_code == 0, result.output
    dom, console = chromium(target)
    assert console == []
    assert len(re.findall(r'<article class="entry', dom)) == 6
    assert '<span id="count">6 of 6 entries</span>' in dom  # the script ran (the policy let it)
    assert 'class="js"' in dom


@needs_chromium
def test_injected_markup_never_runs_in_a_browser(tmp_path: Path) -> None:
    target = tmp_path / "hostile.html"
    target.write_text(render(hostile_timeline(), "html", explain=True), encoding="utf-8")
    dom, console = chromium(target)
    assert not any("INJECTED" in line for line in console), console
    assert console == []
    assert len(re.findall(r'<article class="entry', dom)) == len(PAYLOADS)
    assert f'<span id="count">{len(PAYLOADS)} of {len(PAYLOADS)} entries</span>' in dom
    assert "<img" not in dom and "<svg" not in dom and "<a " not in dom and "pwned" not in dom.split("</title>")[0]
    assert dom.count("<script") == 1


@needs_chromium
@pytest.mark.parametrize(("fragment", "shown", "first"), [
    ("", 6, "23:35"),
    ("#q=BLOOMBERG", 1, "16:00"),  # case-insensitive, in text and chips
    ("#q=reported%20oct.%202", 3, "00:13"),  # every word must occur
    ("#source=Institute%20for%20the%20Study%20of%20War", 1, "07:32"),
    ("#source=No%20such%20source", 6, "23:35"),  # an unknown option is no filter
    ("#order=newest", 6, "16:00"),
    ("#q=nothing-matches-this", 0, None),
])
def test_search_filter_and_order_in_a_browser(tmp_path: Path, fragment: str, shown: int, first: str | None) -> None:
    """The script's state comes from the address's fragment, so the browser shows each state."""
    target = tmp_path / "t.html"
    target.write_text(render(seed_timeline(), "html"), encoding="utf-8")
    dom, console = chromium(target, fragment=fragment)
    assert console == []
    assert f'<span id="count">{shown} of 6 entries</span>' in dom
    articles = re.findall(r'<article ([^>]*)><div class="when">(?:<time[^>]*>)?([0-9:]+)', dom)
    assert len(articles) == 6
    visible = [clock for attributes, clock in articles if not re.search(r"\bhidden\b", attributes)]
    assert len(visible) == shown
    assert (visible[0] if visible else None) == first
    days = re.findall(r'<section class="day[^"]*"[^>]*>', dom)
    assert all("hidden" in day for day in days) == (shown == 0)


def seed_timeline() -> Timeline:
    from feedline.pipeline import extract

    return extract(SEED, now=datetime(2023, 10, 3, 16, 30), tz="Europe/Kyiv")
