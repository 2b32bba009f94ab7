"""The PySpark adapter (`feedline.distributed.spark`) in local mode: the same rows as the Dask
path's functions give, nothing collected to the driver but counts.

Runs under `make test-spark` (FEEDLINE_SPARK=1, pyspark installed, java on PATH); skipped
otherwise, since a JVM start takes longer than the rest of a test.
"""
from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

import feedsim
from test_distributed import SEEDS, SIM_DAYS, _compared, _dataset, _entry_compared, _ingested, _warc

pytestmark = pytest.mark.skipif(
    os.environ.get("FEEDLINE_SPARK") != "1" or shutil.which("java") is None,
    reason="Spark tests run under `make test-spark` (FEEDLINE_SPARK=1 and java)",
)


@pytest.fixture(scope="module")
def spark_context():
    pytest.importorskip("pyspark")
    from pyspark.sql import SparkSession

    os.environ["PYSPARK_PYTHON"] = sys.executable  # the executors run this virtualenv's Python
    spark = (SparkSession.builder.master("local[2]").appName("feedline-test")
             .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2").getOrCreate())
    yield spark.sparkContext
    spark.stop()


def test_spark_gives_the_rows_of_ingest_and_of_extract(spark_context, tmp_path: Path) -> None:
    from feedline import inputs
    from feedline.distributed.spark import run
    from feedline.distributed.work import Options
    from feedline.render.json_format import entry_to_dict

    truth = feedsim.simulate(seed=SEEDS[1], days=SIM_DAYS)
    feedsim.write_snapshots(truth, tmp_path / "snap")
    ingested = _ingested(tmp_path / "snap", tmp_path / "feed.db")
    page = (b"<html><body><h1>Live</h1><p>14:05</p><p>The council approves the ferry timetable, "
            b"Reuters reported.</p><p>13:40</p><p>Rail operators delay the night bus network plan, "
            b"officials said.</p></body></html>")
    _warc(tmp_path / "crawl.warc.gz", [("https://a.example/live", "2023-10-03T15:00:00Z", page),
                                       ("https://a.example/live", "2023-10-03T16:00:00Z", page)])
    counts, rows = run(spark_context, [str(tmp_path / "snap"), str(tmp_path / "crawl.warc.gz")],
                       str(tmp_path / "out"), Options())
    timeline = _dataset(tmp_path / "out", "timeline")
    assert rows == len(timeline) and counts.failed == 0 and counts.records_skipped == 1
    snap = [row for row in timeline if row["feed"] != "https://a.example/live"]
    assert sorted(map(_compared, snap)) == sorted(map(_compared, ingested))
    live = [row for row in timeline if row["feed"] == "https://a.example/live"]
    assert sorted((r["local_time"], r["times_seen"]) for r in live) == [("13:40", 2), ("14:05", 2)]
    # the archive's page rows are what single-process `extract` gives for its records
    single = [{**entry_to_dict(e), "page_url": o.timeline.page.url}
              for o in inputs.run([str(tmp_path / "crawl.warc.gz")]) if isinstance(o, inputs.Done)
              for e in o.timeline.entries]
    spark_rows = [r for r in _dataset(tmp_path / "out", "entries") if r["page_url"] == "https://a.example/live"]
    assert len(spark_rows) == 4
    assert sorted(map(_entry_compared, spark_rows)) == sorted(map(_entry_compared, single))
