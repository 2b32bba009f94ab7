"""The Dask engine: extract partitions on the workers, shuffle page timelines by feed, merge.

    summary = run(units, options, output, scheduler="tcp://10.0.0.5:8786")   # or None: a LocalCluster

The graph: one task per unit (`work.extract_unit`: writes that partition's `entries` and
`errors` parts, returns counts and slim page timelines; persisted, so it runs once), a task shuffle of the timelines by
feed key (`Bag.groupby`), then per shuffle partition `work.merge_groups` and
`work.write_timeline`. Only counts come back to the client; rows go straight to the files.
dask and distributed are imported here, only when the engine is used.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from feedline.distributed.work import Counts, Options, Unit, extract_item, feed_of, merge_groups, write_timeline
from feedline.errors import FeedlineError


def require() -> None:
    """Raise a FeedlineError (exit 1) unless dask, distributed and pyarrow can be imported."""
    from importlib.util import find_spec

    if any(find_spec(name) is None for name in ("dask", "distributed", "pyarrow")):
        raise FeedlineError("--engine dask needs dask and pyarrow: pip install 'feedline[dask]'")


def run(units: Sequence[Unit], options: Options, output: str, *, scheduler: str | None = None,
        workers: int | None = None) -> tuple[Counts, int]:
    """Run the job on the cluster at `scheduler`, or on a LocalCluster of `workers` processes
    (one thread each; default: one per CPU). Returns the counts and the timeline rows written."""
    try:
        import dask
        import dask.bag as db
        from distributed import Client, LocalCluster
    except ImportError:
        raise FeedlineError("--engine dask needs dask and pyarrow: pip install 'feedline[dask]'") from None

    cluster = None
    try:
        if scheduler:
            client = Client(scheduler, timeout="20s")
        else:
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                   dashboard_address=None)
            client = Client(cluster)
    except (OSError, TimeoutError) as error:
        raise FeedlineError(f"cannot reach the Dask scheduler {scheduler!r}: {error}; check the address") from None
    try:
        with client:
            return _compute(dask, db, units, options, output, _shuffle_partitions(client, len(units)))
    finally:
        if cluster is not None:
            cluster.close()


def _compute(dask: Any, db: Any, units: Sequence[Unit], options: Options, output: str,
             partitions: int) -> tuple[Counts, int]:
    """Extraction persisted first (on a cluster: held on the workers), so that the counts and
    the shuffle both read its results: built as two graphs over one delayed task, dask would
    run each extraction twice."""
    bag = db.from_sequence(list(enumerate(units)), npartitions=max(1, len(units)))
    extracted = bag.map(extract_item, options, output).persist()
    pages = extracted.pluck(1).flatten()
    groups = pages.groupby(feed_of, shuffle="tasks", npartitions=partitions)
    merged = groups.map_partitions(merge_groups)
    written = [dask.delayed(write_timeline)(part, i, output) for i, part in enumerate(merged.to_delayed())]
    all_counts, rows = dask.compute(extracted.pluck(0), written)
    total = Counts()
    for item in all_counts:
        total = total + item
    return total, sum(rows)


def _shuffle_partitions(client: Any, units: int) -> int:
    """As many timeline parts as workers (at least 1), never more than the units."""
    workers = len(client.scheduler_info().get("workers", {})) or 1
    return max(1, min(workers, units))
