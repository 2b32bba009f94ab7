"""The PySpark adapter: the Dask path's per-partition functions over an RDD of web archives.

    from pyspark.sql import SparkSession
    from feedline.distributed.spark import run
    counts, rows = run(SparkSession.builder.getOrCreate().sparkContext, ["crawl/a.warc.gz"], "out/")

or, as a job (docs/distributed.md):

    spark-submit "$(python -c 'import feedline.distributed.spark as s; print(s.__file__)')" \\
        --output /shared/out /shared/crawl/*.warc.gz

One RDD partition per unit (a web archive, its records streamed on the executor; or a batch
of page files): `work.extract_unit` writes its `entries` and `errors` parts and yields the
slim page timelines keyed by feed; `groupByKey` shuffles them; each shuffle partition runs
`work.merge_groups` and `work.write_timeline`. Only counts reach the driver (an accumulator
and a sum): no row is collected. The paths must be readable by every executor.
"""
from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator, Sequence
from typing import Any

from feedline.distributed.work import Counts, Options, Unit, extract_unit, merge_groups, units, write_timeline


def run(context: Any, paths: Sequence[str], output: str, options: Options = Options(), *,
        manifests: Sequence[str] = (), partitions: int | None = None) -> tuple[Counts, int]:
    """Run the job on the SparkContext `context`; `output` is a new or empty folder on a disk
    every executor writes to. Returns the counts and the number of timeline rows written."""
    from feedline import inputs
    from feedline.distributed import prepare_output

    prepare_output(output)
    target = os.path.abspath(output)
    parts = units(inputs.collect(list(paths), list(manifests)))
    counts = context.accumulator(Counts(), _CountsParam())

    def extract(items: Iterator[tuple[int, Unit]]) -> Iterator[tuple[str, Any]]:
        for index, unit in items:
            found, pages = extract_unit(index, unit, options, target)
            counts.add(found)
            for page in pages:
                yield page.feed, page

    def merge(index: int, groups: Iterator[tuple[str, Any]]) -> Iterator[int]:
        rows = merge_groups((feed, list(pages)) for feed, pages in groups)
        yield write_timeline(rows, index, target)

    shuffled = (context.parallelize(list(enumerate(parts)), len(parts))
                .mapPartitions(extract)
                .groupByKey(partitions or max(1, min(context.defaultParallelism, len(parts)))))
    written = shuffled.mapPartitionsWithIndex(merge).sum()
    return counts.value, int(written)


class _CountsParam:
    """Adds up the partitions' `Counts` (pyspark's AccumulatorParam protocol)."""

    def zero(self, value: Counts) -> Counts:
        return Counts()

    def addInPlace(self, first: Counts, second: Counts) -> Counts:  # noqa: N802 - pyspark's name
        return first + second


def main(argv: Sequence[str] | None = None) -> int:
    """`spark-submit spark.py --output DIR PATH...`: one summary line; exit 5 when pages failed."""
    parser = argparse.ArgumentParser(prog="feedline-spark", description="feedline over web archives on Spark")
    parser.add_argument("paths", nargs="+", help="web archives, page files or folders")
    parser.add_argument("--output", required=True, help="a new or empty folder for the Parquet datasets")
    parser.add_argument("--manifest", action="append", default=[], help="a file listing paths, one a line")
    parser.add_argument("--tz", help="IANA zone of the pages' clock")
    parser.add_argument("--lang", help="language of the pages")
    parser.add_argument("--max-page-bytes", type=int, default=Options().max_page_bytes)
    args = parser.parse_args(argv)
    from pyspark.sql import SparkSession

    from feedline.cli_support import parse_tz
    from feedline.errors import FeedlineError

    try:
        options = Options(tz=parse_tz(args.tz), lang=args.lang, max_page_bytes=args.max_page_bytes)
        spark = SparkSession.builder.appName("feedline").getOrCreate()
        try:
            counts, rows = run(spark.sparkContext, args.paths, args.output, options, manifests=args.manifest)
        finally:
            spark.stop()
    except FeedlineError as error:
        print(f"feedline: error: {error}", file=sys.stderr)
        return error.exit_code
    print(f"feedline: {counts.summary()}; {rows} timeline entries in {args.output}", file=sys.stderr)
    return 5 if counts.failed else 0


if __name__ == "__main__":
    sys.exit(main())
