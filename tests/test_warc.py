"""Web archives: `feedline extract crawl.warc.gz` gives one timeline per HTML response record.

Archives are built here with warcio's writer, from hand-written pages (always) and from the
corpus pages that have gold files (skipped when ../shared is absent).
"""
from __future__ import annotations

import io
import json
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from feedline import cli, inputs

warcio = pytest.importorskip("warcio")
from warcio.statusandheaders import StatusAndHeaders  # noqa: E402
from warcio.warcwriter import WARCWriter  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
runner = CliRunner()

STORM = (b"<!doctype html><html lang='en'><head><title>Live: storm</title></head><body>"
         b"<div><p>4:05 PM</p><p>The bridge is closed, police said.</p></div>"
         b"<div><p>3:10 PM</p><p>Winds reached 120 km/h, the weather service reported.</p></div>"
         b"</body></html>")
# No <meta charset>: only the HTTP header says windows-1251.
KYIV = ("<html><head><title>Стрічка новин</title></head><body>"
        "<div><p>18:20</p><p>Повітряну тривогу скасовано, повідомили у міській адміністрації.</p></div>"
        "<div><p>17:55</p><p>У Києві оголошено повітряну тривогу.</p></div>"
        "</body></html>").encode("cp1251")
CAPTURED = "2023-10-03T15:30:00Z"


def http(status: str, content_type: str | None) -> StatusAndHeaders:
    headers = [("Content-Type", content_type)] if content_type else []
    return StatusAndHeaders(status, headers, protocol="HTTP/1.1")


def write_archive(records: list[tuple[str, str, dict[str, Any]]], *, gzip: bool = True
                  ) -> tuple[bytes, list[int]]:
    """(archive bytes, offset of each record) for (kind, uri, options) records."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    offsets = []
    for kind, uri, options in records:
        offsets.append(buffer.tell())
        if kind == "warcinfo":
            record = writer.create_warcinfo_record("crawl.warc.gz", {"software": "test"})
        else:
            payload = io.BytesIO(options.pop("payload", b""))
            record = writer.create_warc_record(uri, kind, payload=payload, **options)
        writer.write_record(record)
    return buffer.getvalue(), offsets


def page(uri: str, body: bytes, content_type: str = "text/html", status: str = "200 OK",
         date: str = CAPTURED) -> tuple[str, str, dict[str, Any]]:
    return ("response", uri, {"payload": body, "http_headers": http(status, content_type),
                              "warc_headers_dict": {"WARC-Date": date}})


def crawl() -> list[tuple[str, str, dict[str, Any]]]:
    """A crawl of two pages, with the records around them that are not pages."""
    request = StatusAndHeaders("GET /live HTTP/1.1", [("Host", "news.example")], is_http_request=True)
    return [
        ("warcinfo", "", {}),
        ("request", "https://news.example/live", {"http_headers": request}),
        page("https://news.example/live", STORM, "text/html; charset=utf-8"),
        ("metadata", "https://news.example/live", {"payload": b"fetchTimeMs: 120\r\n",
                                                   "warc_content_type": "application/warc-fields"}),
        page("https://news.example/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(64), "image/png"),
        page("https://news.example/gone", b"<html><body>Not found</body></html>", status="404 Not Found"),
        page("https://kyiv.example/feed", KYIV, 'text/html; charset="windows-1251"',
             date="2023-10-03T15:45:00Z"),
    ]


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(write_archive(crawl())[0])
    return path


def run(*args: str, input: bytes | None = None) -> Any:
    return runner.invoke(cli.app, ["extract", *args], input=input)


def documents(result: Any) -> list[dict[str, Any]]:
    assert result.exit_code in (0, 5), (result.exit_code, result.output, result.exception)
    return json.loads(result.stdout)


# ---------------------------------------------------------------- reading records


def test_each_html_response_record_is_a_page(archive: Path) -> None:
    result = run(str(archive), "-f", "json")
    assert result.exit_code == 0, result.output
    storm, kyiv = documents(result)
    assert storm["page"]["url"] == "https://news.example/live"
    assert storm["page"]["name"].startswith(f"{archive}#")
    assert storm["mode"] == "capture" and storm["now"] == "2023-10-03T15:30:00+00:00"
    assert [e["local_time"] for e in storm["entries"]] == ["15:10", "16:05"]
    assert kyiv["page"]["url"] == "https://kyiv.example/feed"
    assert kyiv["page"]["encoding"] == "cp1251"  # the HTTP charset, not a guess
    assert kyiv["entries"][0]["text"] == "У Києві оголошено повітряну тривогу."
    assert kyiv["now"] == "2023-10-03T15:45:00+00:00"
    # warcinfo, request, metadata, image/png, 404: counted, not read
    assert result.stderr.splitlines() == ["feedline: 2 pages, 4 entries, 5 skipped, 0 failed"]


def test_record_names_are_archive_offsets(tmp_path: Path) -> None:
    data, offsets = write_archive(crawl())
    archive = tmp_path / "crawl.warc.gz"
    archive.write_bytes(data)
    outcomes = list(inputs.run([str(archive)]))
    assert [type(o).__name__ for o in outcomes] == ["Skipped"] * 2 + ["Done"] + ["Skipped"] * 3 + ["Done"]
    names = [o.timeline.page.name if isinstance(o, inputs.Done) else o.name for o in outcomes]
    assert names == [f"{archive}#{offset}" for offset in offsets]
    reasons = [o.reason for o in outcomes if isinstance(o, inputs.Skipped)]
    assert reasons == ["warcinfo record", "request record", "metadata record", "image/png response",
                       "HTTP 404 response"]


@pytest.mark.parametrize(
    ("args", "now"),
    [
        (["--now", "2023-10-03T19:00"], "2023-10-03T19:00:00"),
        (["--tz", "Europe/Kyiv"], "2023-10-03T18:30:00+03:00"),
        (["--now", "2023-10-03T19:00", "--tz", "Europe/Kyiv"], "2023-10-03T19:00:00+03:00"),
    ],
    ids=["now-wins", "tz-converts", "both"],
)
def test_now_wins_over_warc_date_and_tz_converts_it(archive: Path, args: list[str], now: str) -> None:
    storm = documents(run(str(archive), "-f", "json", *args))[0]
    assert storm["now"] == now


def test_an_archive_is_recognised_by_its_content(archive: Path, tmp_path: Path) -> None:
    expected = [d["entries"] for d in documents(run(str(archive), "-f", "json"))]
    renamed = tmp_path / "crawl.dat"
    renamed.write_bytes(archive.read_bytes())
    assert [d["entries"] for d in documents(run(str(renamed), "-f", "json"))] == expected
    from_stdin = documents(run("-", "-f", "json", input=archive.read_bytes()))
    assert [d["page"]["name"].split("#")[0] for d in from_stdin] == ["-", "-"]
    assert [d["entries"] for d in from_stdin] == expected
    plain = tmp_path / "crawl.warc"
    plain.write_bytes(write_archive(crawl(), gzip=False)[0])
    assert [d["entries"] for d in documents(run(str(plain), "-f", "json"))] == expected
    assert inputs.is_archive(archive) and inputs.is_archive(plain) and inputs.is_archive(renamed)


def test_an_archive_in_a_directory_and_beside_pages(archive: Path, tmp_path: Path) -> None:
    (tmp_path / "storm.html").write_bytes(STORM)
    result = run(str(tmp_path), "-f", "jsonl", "--now", "2023-10-03T17:00")
    pages = [json.loads(line)["page"] for line in result.stdout.splitlines()]
    assert pages[:4] == [pages[0], pages[0], pages[2], pages[2]]
    assert pages[0].startswith(f"{archive}#") and pages[4:] == [str(tmp_path / "storm.html")] * 2
    assert result.stderr.splitlines() == ["feedline: 3 pages, 6 entries, 5 skipped, 0 failed"]


def test_arc_files_are_read_too(tmp_path: Path) -> None:
    response = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + STORM
    description = b"1 0 Test\nURL IP-address Archive-date Content-type Archive-length\n"
    arc = (b"filedesc://crawl.arc 0.0.0.0 20231003153000 text/plain %d\n%s\n" % (len(description), description)
           + b"https://news.example/live 192.0.2.1 20231003153000 text/html %d\n%s\n" % (len(response), response))
    path = tmp_path / "crawl.arc"
    path.write_bytes(arc)
    result = run(str(path), "-f", "json")
    (storm,) = documents(result)
    assert storm["page"]["url"] == "https://news.example/live"
    assert storm["now"] == "2023-10-03T15:30:00+00:00" and len(storm["entries"]) == 2
    assert result.stderr.splitlines() == ["feedline: 1 page, 2 entries, 1 skipped, 0 failed"]


def test_jobs_2_reads_an_archive_as_jobs_1(archive: Path) -> None:
    serial, parallel = run(str(archive), "-f", "jsonl"), run(str(archive), "-f", "jsonl", "--jobs", "2")
    assert parallel.exit_code == serial.exit_code == 0
    assert parallel.stdout == serial.stdout and parallel.stderr == serial.stderr


# ---------------------------------------------------------------- damaged archives


def cut(data: bytes, at: int, path: Path) -> Path:
    path.write_bytes(data[:at])
    return path


@pytest.mark.parametrize("gzip", [True, False], ids=["warc.gz", "warc"])
def test_a_truncated_archive_keeps_what_it_read_and_exits_5(tmp_path: Path, gzip: bool) -> None:
    data, offsets = write_archive(crawl(), gzip=gzip)
    last = offsets[-1]  # the Kyiv page: cut in its middle
    path = cut(data, (last + len(data)) // 2, tmp_path / "cut.warc")
    result = run(str(path), "-f", "json")
    assert result.exit_code == 5
    (storm,) = json.loads(result.stdout)  # the output is complete JSON all the same
    assert storm["page"]["url"] == "https://news.example/live"
    error, summary = result.stderr.splitlines()
    assert error.startswith(f"feedline: error: web archive {str(path)!r} is cut off or corrupt at offset {last}: ")
    assert error.endswith("; the 6 records before it were read")
    assert summary == "feedline: 1 page, 2 entries, 5 skipped, 1 failed"


def test_corrupt_bytes_between_records_end_the_archive(tmp_path: Path) -> None:
    data, offsets = write_archive(crawl())
    damaged = data[: offsets[3]] + b"\x1f\x8b\x08garbage" * 20 + data[offsets[3]:]
    path = tmp_path / "bad.warc.gz"
    path.write_bytes(damaged)
    result = run(str(path), "-f", "jsonl")
    assert result.exit_code == 5
    # The page before the damage is read. Where warcio notices the damage depends on how the
    # garbage and the next member decode (record ids are random), so the offset is not pinned.
    assert f"{path}#{offsets[2]}" in {json.loads(line)["page"] for line in result.stdout.splitlines()}
    assert "is cut off or corrupt at offset " in result.stderr.splitlines()[0]


def test_an_archive_cut_in_its_first_record_reads_nothing_and_exits_3(tmp_path: Path) -> None:
    data, offsets = write_archive([page("https://news.example/live", STORM)])
    path = cut(data, len(data) // 2, tmp_path / "cut.warc.gz")
    assert inputs.is_archive(path)
    result = run(str(path), "-f", "json")
    assert result.exit_code == 3 and result.stdout == "[]\n"
    assert "no record before it" in result.stderr.splitlines()[0]


def test_an_undecodable_page_record_is_a_failure_not_the_end(tmp_path: Path) -> None:
    records = [page("https://a.example/", b"\x89PNG\r\n\x1a\n" + bytes(64)), page("https://b.example/", STORM)]
    path = tmp_path / "mixed.warc.gz"
    path.write_bytes(write_archive(records)[0])
    result = run(str(path), "-f", "json")
    assert result.exit_code == 5
    assert [d["page"]["url"] for d in json.loads(result.stdout)] == ["https://b.example/"]
    assert "looks like a PNG image" in result.stderr.splitlines()[0]


# ---------------------------------------------------------------- the corpus, as a crawl


def corpus_pages() -> list[tuple[Path, str, str | None, str]]:
    """(page, capture instant as WARC-Date, gold zone, url) for the corpus HTML pages with gold."""
    found = []
    for gold_file in sorted((CORPUS / "gold").glob("*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        html = CORPUS / "pages" / gold["page"]
        captured = datetime.fromisoformat(gold["capture_time"]) if gold.get("capture_time") else None
        if html.suffix == ".html" and html.is_file() and captured and captured.tzinfo:
            stamp = captured.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
            found.append((html, stamp, gold.get("tz"), gold.get("url") or f"https://corpus.example/{html.name}"))
    return found


@pytest.mark.corpus
@pytest.mark.parametrize("with_tz", [False, True], ids=["warc-date-only", "with-tz"])
def test_a_crawl_of_the_corpus_gives_the_timelines_of_capture_mode(tmp_path: Path, with_tz: bool) -> None:
    """Each page as a WARC response (WARC-Date = its gold capture time in UTC) gives the
    timeline that `feedline extract PAGE --now <that instant>` gives; with --tz, both runs
    get the page's zone (one archive per zone: --tz applies to a whole run)."""
    if not (CORPUS / "gold").is_dir():
        pytest.skip(f"{CORPUS} is absent")
    pages = corpus_pages()
    assert len(pages) >= 20
    groups: dict[str | None, list[tuple[Path, str, str | None, str]]] = {}
    for item in pages:
        if with_tz and item[2] is None:
            continue
        groups.setdefault(item[2] if with_tz else None, []).append(item)
    for zone, group in groups.items():
        path = tmp_path / f"crawl-{len(group)}.warc.gz"
        path.write_bytes(write_archive([page(url, html.read_bytes(), date=stamp)
                                        for html, stamp, _, url in group])[0])
        extra = ["--tz", zone] if zone else []
        crawled = documents(run(str(path), "-f", "json", *extra))
        assert len(crawled) == len(group)
        for document, (html, stamp, _, url) in zip(crawled, group):
            alone = run(str(html), "-f", "json", "--now", stamp, *extra)
            assert alone.exit_code == 0, alone.output
            expected = json.loads(alone.stdout)
            assert document["page"]["url"] == url
            for doc in (document, expected):
                del doc["page"]["name"], doc["page"]["url"]
            assert document == expected, html.name
