"""The per-feed merge (`feedline.feedmerge`), the Parquet datasets (`feedline.parquet`) and the
Dask path (`feedline.distributed`).

- the feed simulator's snapshots through `ingest` (SQLite) and through `merge_feed` per feed
  give the same entries, dates and ids, for several seeds;
- the same through `feedline extract --engine dask` on a 2-worker LocalCluster (Parquet);
- pages that fail or are over the size cap become `errors` rows, never a failed job;
- `export --format parquet` writes the `timeline` schema.

The Dask tests skip when the `dask` extra is not installed.
"""
from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import feedsim
from feedline.feedmerge import merge_feed
from feedline.ingest import extract_page, extractor, ingest_pages, page_inputs
from feedline.store import Query, Store
from feedline.store_cli import render_export

SIM_DAYS = 3  # as tests/test_store.py
SEEDS = [3, 5, 11, 17, 23, 31]  # every seed tests/test_store.py simulates
runner = CliRunner()


def _key(row: dict) -> tuple:
    return (row["feed"], row["id"])


def _compared(row: dict) -> tuple:
    """What must agree: identity, text, date reading and sources (not the export position)."""
    return (row["feed"], row["id"], row["local_date"], row["local_time"], row["datetime"], row["date_status"],
            row["confidence"], row["headline"], row["text"], json.dumps(row["sources"], sort_keys=True),
            row["first_seen"], row["last_seen"], row["times_seen"], row["revisions"])


def _entry_compared(row: dict) -> tuple:
    """An entry as one page gives it: what `extract` and the `entries` dataset must agree on."""
    return (row["page_url"], row["local_date"], row["local_time"], row["datetime"], row["date_status"],
            row["confidence"], row["headline"], row["text"], json.dumps(row["sources"], sort_keys=True),
            row["id"], row["span"])


def _ingested(folder: Path, db: Path) -> list[dict]:
    pages = page_inputs([str(folder)])
    with Store.open(db) as store:
        outcomes = list(ingest_pages(store, pages, extractor()))
        assert all(o.error is None for o in outcomes)
        return json.loads(render_export(store.entries(), "json", Query()))["entries"]


def _merged(folder: Path) -> list[dict]:
    """Each page extracted on its own, grouped by feed, merged: in reverse order, to show the
    order the pages come in does not matter."""
    extract = extractor()
    feeds: dict[str, list] = {}
    for page in reversed(page_inputs([str(folder)])):
        data = page.read()
        extracted = extract_page(page, data, extract)
        feeds.setdefault(extracted.feed, []).append(extracted)
    rows = []
    for pages in feeds.values():
        rows += json.loads(render_export(merge_feed(pages), "json", Query()))["entries"]
    return rows


@pytest.mark.parametrize("seed", SEEDS)
def test_merge_feed_gives_what_ingest_gives(seed: int, tmp_path: Path) -> None:
    truth = feedsim.simulate(seed=seed, days=SIM_DAYS)
    feedsim.write_snapshots(truth, tmp_path / "snap")
    ingested = _ingested(tmp_path / "snap", tmp_path / "feed.db")
    merged = _merged(tmp_path / "snap")
    assert len(ingested) > 100
    assert sorted(map(_compared, merged)) == sorted(map(_compared, ingested))


def test_merge_feed_takes_one_feed(tmp_path: Path) -> None:
    truth = feedsim.simulate(seed=3, days=1)
    feedsim.write_snapshots(truth, tmp_path / "snap")
    extract = extractor()
    pages = [extract_page(p, p.read(), extract)
             for p in page_inputs([str(tmp_path / "snap")])]
    assert len({p.feed for p in pages}) > 1
    with pytest.raises(ValueError, match="one feed"):
        merge_feed(pages)


# ── Parquet ──────────────────────────────────────────────────────────────────────────────────


def test_parquet_schemas_are_versioned_and_hold_the_export_fields() -> None:
    pa = pytest.importorskip("pyarrow")
    from feedline.parquet import PARQUET_SCHEMA_VERSION, schema
    from feedline.render.json_format import entry_to_dict
    from feedline.store_cli import STORE_FIELDS

    from feedline.pipeline import extract

    seed = Path(__file__).resolve().parent.parent / "samples" / "kyiv-independent-2023-10-03.txt"
    entry = extract(seed).entries[0]
    fields = list(entry_to_dict(entry))
    assert schema("timeline").names[:len(fields)] == fields  # the export's entry fields, in order
    assert schema("entries").names[:len(fields)] == fields
    assert set(STORE_FIELDS) <= set(schema("timeline").names)  # the export's store fields, "feed" the page identity
    assert {"page_url", "captured_at", "feed"} <= set(schema("entries").names)
    for dataset in ("entries", "timeline", "errors"):
        meta = schema(dataset).metadata[b"feedline.parquet"].decode()
        assert meta == f"{dataset}/{PARQUET_SCHEMA_VERSION}"
    assert schema("timeline").field("sources").type.value_type.num_fields == 5
    assert isinstance(schema("errors"), pa.Schema)


def test_export_parquet_writes_the_timeline_schema(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    import typer

    from feedline.parquet import schema
    from feedline.store_cli import register

    app = typer.Typer()
    register(app)
    truth = feedsim.simulate(seed=5, days=1)
    feedsim.write_snapshots(truth, tmp_path / "snap")
    exported = _ingested(tmp_path / "snap", tmp_path / "feed.db")
    out = tmp_path / "timeline.parquet"
    result = runner.invoke(app, ["export", "--db", str(tmp_path / "feed.db"), "--format", "parquet", "-o", str(out)])
    assert result.exit_code == 0, result.output
    table = pq.read_table(out)
    assert table.schema.equals(schema("timeline"), check_metadata=False)
    assert sorted(map(_compared, table.to_pylist())) == sorted(map(_compared, exported))
    refused = runner.invoke(app, ["export", "--db", str(tmp_path / "feed.db"), "--format", "parquet"])
    assert refused.exit_code == 2 and "-o FILE" in refused.output


# ── the Dask path ────────────────────────────────────────────────────────────────────────────


def _dataset(folder: Path, name: str) -> list[dict]:
    import pyarrow.dataset as ds

    return ds.dataset(folder / name, format="parquet").to_table().to_pylist()


def _warc(path: Path, pages: list[tuple[str, str, bytes]]) -> None:
    """A gzipped WARC of HTML response records (URL, WARC-Date, body), and a request record."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as file:
        writer = WARCWriter(file, gzip=True)
        for url, when, body in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                       protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers,
                                               warc_headers_dict={"WARC-Date": when})
            writer.write_record(record)
        writer.write_record(writer.create_warc_record("https://x.example/", "request",
                                                      payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))


@pytest.fixture(scope="module")
def dask_run(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """One 2-worker LocalCluster run over the simulator's snapshots plus a small WARC with a
    page over the size cap and a non-HTML record; and the same snapshots ingested."""
    pytest.importorskip("distributed")
    pytest.importorskip("pyarrow")
    from feedline.cli import app

    folder = tmp_path_factory.mktemp("dask")
    truth = feedsim.simulate(seed=SEEDS[0], days=SIM_DAYS)
    feedsim.write_snapshots(truth, folder / "snap")
    ingested = _ingested(folder / "snap", folder / "feed.db")
    big = b"<html><body><p>09:00 Big page</p>" + b"<p>filler</p>" * 2000 + b"</body></html>"
    small = (b"<html><body><h1>Live</h1><p>14:05</p><p>The council approves the ferry timetable, "
             b"Reuters reported.</p><p>13:40</p><p>Rail operators delay the night bus network plan, "
             b"officials said.</p></body></html>")
    _warc(folder / "crawl.warc.gz", [("https://a.example/live", "2023-10-03T15:00:00Z", small),
                                     ("https://b.example/big", "2023-10-03T15:00:00Z", big)])
    (folder / "broken.html").write_bytes(b"\x00\x01\x02binary")
    out = folder / "out"
    result = runner.invoke(app, ["extract", str(folder / "snap"), str(folder / "crawl.warc.gz"),
                                 str(folder / "broken.html"), "--engine", "dask", "--jobs", "2",
                                 "--max-page-bytes", "20000", "--output", str(out)])
    return {"result": result, "out": out, "ingested": ingested, "folder": folder}


def test_dask_timeline_equals_ingest(dask_run: dict) -> None:
    result = dask_run["result"]
    assert result.exit_code == 5, result.output  # one unreadable page: partial, the job went on
    timeline = [row for row in _dataset(dask_run["out"], "timeline") if row["feed"] != "https://a.example/live"]
    assert len(timeline) > 100
    assert sorted(map(_compared, timeline)) == sorted(map(_compared, dask_run["ingested"]))


def test_dask_entries_errors_and_skips(dask_run: dict) -> None:
    out = dask_run["out"]
    entries = _dataset(out, "entries")
    live = [row for row in entries if row["page_url"] == "https://a.example/live"]
    assert sorted((r["local_time"], r["captured_at"], r["capture_source"]) for r in live) == [
        ("13:40", "2023-10-03T15:00:00+00:00", "warc-date"), ("14:05", "2023-10-03T15:00:00+00:00", "warc-date")]
    assert [s["name"] for r in live for s in r["sources"]] == ["Reuters"]
    # the archive's rows are what single-process `extract` gives for its records
    from feedline import inputs
    from feedline.render.json_format import entry_to_dict

    single = [{**entry_to_dict(e), "page_url": o.timeline.page.url}
              for o in inputs.run([str(dask_run["folder"] / "crawl.warc.gz")]) if isinstance(o, inputs.Done)
              for e in o.timeline.entries]
    assert sorted(map(_entry_compared, live)) == sorted(map(_entry_compared, single))
    errors = {row["name"].rsplit("/", 1)[-1].split("#")[0]: row for row in _dataset(out, "errors")}
    assert errors["broken.html"]["kind"] == "failed"
    assert errors["crawl.warc.gz"]["kind"] == "skipped" and "size cap" in errors["crawl.warc.gz"]["reason"]
    assert "2 skipped, 1 failed" in dask_run["result"].output  # the request record and the big page
    assert len({row["page_name"] for row in entries}) == len(list((dask_run["folder"] / "snap").rglob("*.*"))) + 1


def test_dask_output_folder_must_be_empty(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    from feedline.cli import app

    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "old.parquet").write_bytes(b"x")
    (tmp_path / "page.txt").write_text("09:00 A headline\nSome text.\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(tmp_path / "page.txt"), "--engine", "dask",
                                 "--output", str(tmp_path / "out")])
    assert result.exit_code == 4 and "not empty" in result.output


def test_dask_engine_needs_an_output_folder(tmp_path: Path) -> None:
    from feedline.cli import app

    (tmp_path / "page.txt").write_text("09:00 A headline\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(tmp_path / "page.txt"), "--engine", "dask"])
    assert result.exit_code == 2 and "--output DIR" in result.output


def test_gzip_is_what_the_archive_reader_sees(tmp_path: Path) -> None:
    """The helper above writes real gzipped WARC members (guards the fixture itself)."""
    pytest.importorskip("warcio")
    _warc(tmp_path / "x.warc.gz", [("https://a.example/", "2023-10-03T15:00:00Z", b"<p>x</p>")])
    with gzip.open(tmp_path / "x.warc.gz") as file:
        assert file.read(5) == b"WARC/"


def test_each_unit_is_extracted_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The counts and the shuffle read one extraction (a graph built twice over one task
    would run it twice, and two attempts would write the same part)."""
    pytest.importorskip("distributed")
    import dask
    import dask.bag as db

    from feedline.distributed import dask_engine, work

    truth = feedsim.simulate(seed=3, days=1)
    feedsim.write_snapshots(truth, tmp_path / "snap")
    calls: list[int] = []

    def counted(item, options, output):  # noqa: ANN001, ANN202
        calls.append(item[0])
        return work.extract_item(item, options, output)

    monkeypatch.setattr(dask_engine, "extract_item", counted)
    parts = work.units([str(p) for p in sorted((tmp_path / "snap").rglob("*.*"))], files_per_unit=8)
    with dask.config.set(scheduler="sync"):
        counts, rows = dask_engine._compute(dask, db, parts, work.Options(), str(tmp_path / "out"), 2)
    assert sorted(calls) == list(range(len(parts))) and len(parts) > 2
    assert counts.pages == len(list((tmp_path / "snap").rglob("*.*"))) and rows > 0
