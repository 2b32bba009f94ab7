"""Past one machine: feedline over many pages and web archives on Dask (or Spark).

    from feedline.distributed import extract_dataset
    summary = extract_dataset(["crawl/"], "out/", scheduler=None, workers=2)

writes three Parquet datasets under `out/` (docs/parquet.md): `entries` (each page's
entries), `timeline` (each feed's pages merged by the store's rules, `feedmerge`) and
`errors` (pages that failed or were skipped). See docs/distributed.md.

`work.py` holds the per-partition functions (no engine), `dask_engine.py` the Dask graph,
`spark.py` the PySpark adapter. Neither dask nor pyspark is imported until used.
"""
from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from feedline.distributed.work import MAX_PAGE_BYTES, Counts, Options, units
from feedline.errors import InputError, OutputError


@dataclass(frozen=True, slots=True)
class Summary:
    """What a distributed run did."""

    counts: Counts
    timeline_rows: int
    partitions: int
    output: str

    def line(self) -> str:
        """"28 pages, 412 entries, 3 skipped, 1 failed; 355 timeline entries in out/"."""
        return f"{self.counts.summary()}; {self.timeline_rows} timeline entries in {self.output}"


def extract_dataset(paths: Sequence[str], output: str, *, manifests: Sequence[str] = (), glob: Sequence[str] = (),
                    scheduler: str | None = None, workers: int | None = None, now: datetime | None = None,
                    tz: str | None = None, lang: str | None = None, feed: str | None = None,
                    max_page_bytes: int = MAX_PAGE_BYTES) -> Summary:
    """Extract the pages of `paths` (files, folders, web archives) and `manifests` on Dask and
    write the Parquet datasets to the folder `output` (created; it must be empty).

    `scheduler` is a Dask scheduler address (`tcp://HOST:8786`); None starts a LocalCluster
    of `workers` processes. The paths must be readable by the workers (a shared disk).
    """
    from feedline import inputs
    from feedline.distributed import dask_engine

    dask_engine.require()  # before anything is written
    if "-" in paths:
        raise InputError("--engine dask cannot read standard input; save it to a file and pass its path")
    prepare_output(output)
    sources = inputs.collect(list(paths), list(manifests), list(glob) or None)
    parts = units(sources)
    options = Options(now=now, tz=tz, lang=lang, feed=feed, max_page_bytes=max_page_bytes)
    counts, rows = dask_engine.run(parts, options, os.path.abspath(output), scheduler=scheduler, workers=workers)
    return Summary(counts, rows, len(parts), output)


def prepare_output(output: str) -> None:
    """Create the folder `output`, or check that it is empty (parts of two runs never mix)."""
    try:
        os.makedirs(output, exist_ok=True)
        if any(not name.startswith(".") for name in os.listdir(output)):
            raise OutputError(f"output folder {output!r} is not empty; give a new or empty folder")
    except OSError as error:
        raise OutputError(f"cannot write {output!r}: {error.strerror or error}") from None
