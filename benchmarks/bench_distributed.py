"""The distributed path, measured (docs/performance.md, "Scaling out"; docs/distributed.md).

    python benchmarks/bench_distributed.py [--part corpus,scaling,memory] [--pool DIR] [--limit N]
                                           [--records 10000] [--json FILE]

- corpus:  the corpus's HTML pages as one WARC (WARC-Date = the gold capture time in UTC),
           through `--engine dask` on 2 workers and through single-process `extract`: the
           `entries` rows must equal the extracted entries (compared after sorting).
- scaling: the pool's pages (../shared/pool/pages/*.html.gz, decompressed into 8 WARC files)
           in one process (`inputs.run`), then on a LocalCluster of 1 and of 2 workers (the
           cluster started before the clock runs): pages/s, speed-up, efficiency.
- memory:  a generated WARC of --records HTML response records (generated text, about 3 KB a
           page) extracted by `work.extract_unit` in a fresh process, as one worker does it: its
           peak resident set (ru_maxrss) against the 500 MB cap.

Archives are written to a temporary folder and removed; corpus and pool pages are only read.
The machine's load average is printed with the figures: on a shared machine they move.
"""
from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
RSS_CAP_MB = 500


def _warc(path: Path, pages: list[tuple[str, bytes, datetime]]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for url, payload, captured in pages:
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(payload), http_headers=http,
                                               warc_headers_dict={"WARC-Date": captured.strftime("%Y-%m-%dT%H:%M:%SZ")})
            writer.write_record(record)


def _rows_key(row: dict) -> tuple:
    return (row["page_name"], row["id"], row["local_date"], row["local_time"], row["datetime"], row["date_status"],
            row["confidence"], row["headline"], row["text"], json.dumps(row["sources"], sort_keys=True))


def corpus(args: argparse.Namespace, tmp: Path) -> dict:
    from warc_dates import _capture_utc

    import pyarrow.dataset as ds

    from feedline import inputs
    from feedline.distributed import extract_dataset
    from feedline.render.json_format import entry_to_dict

    pages = []
    for path in sorted((args.corpus / "gold").glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        html = args.corpus / "pages" / f"{path.stem}.html"
        if html.exists() and _capture_utc(gold) is not None:
            pages.append((f"{gold.get('url') or 'https://page.invalid/'}#{path.stem}", html.read_bytes(),
                          _capture_utc(gold)))
    archive = tmp / "corpus.warc.gz"
    _warc(archive, pages)
    single = [{**entry_to_dict(e), "page_name": o.timeline.page.name}
              for o in inputs.run([str(archive)]) if isinstance(o, inputs.Done) for e in o.timeline.entries]
    summary = extract_dataset([str(archive)], str(tmp / "corpus-out"), workers=2)
    rows = ds.dataset(tmp / "corpus-out" / "entries", format="parquet").to_table().to_pylist()
    same = sorted(map(_rows_key, rows)) == sorted(map(_rows_key, single))
    print(f"corpus WARC: {len(pages)} pages; dask (2 workers) {len(rows)} entries, extract {len(single)}: "
          f"{'the same' if same else 'DIFFERENT'} after sorting; {summary.line()}")
    return {"pages": len(pages), "dask_entries": len(rows), "extract_entries": len(single), "same": same}


def scaling(args: argparse.Namespace, tmp: Path) -> dict:
    from distributed import Client, LocalCluster

    from feedline import inputs
    from feedline.distributed import extract_dataset

    files = sorted(args.pool.glob("*.html.gz"))[: args.limit or None]
    moment = datetime(2026, 1, 1, 12, tzinfo=timezone.utc)
    pages = [(f"https://pool.invalid/{f.name}", gzip.decompress(f.read_bytes()), moment) for f in files]
    sizes = sorted(len(p[1]) for p in pages)
    archives = []
    for n in range(8):
        archive = tmp / f"pool-{n}.warc.gz"
        _warc(archive, pages[n::8])
        archives.append(str(archive))
    result: dict = {"pages": len(pages), "median_page_bytes": sizes[len(sizes) // 2]}
    start = time.perf_counter()
    done = sum(isinstance(o, inputs.Done) for o in inputs.run(archives, keep_text=False))
    result["in_process"] = done / (time.perf_counter() - start)
    for workers in (1, 2):
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
            with Client(cluster) as client:
                client.run(lambda: __import__("feedline.pipeline"))  # imports warm, as in a long job
                start = time.perf_counter()
                summary = extract_dataset(archives, str(tmp / f"pool-out-{workers}"), scheduler=cluster.scheduler_address)
                elapsed = time.perf_counter() - start
        result[f"dask_{workers}"] = summary.counts.pages / elapsed
    one, two = result["dask_1"], result["dask_2"]
    result["speedup"] = two / one
    result["efficiency"] = two / one / 2
    print(f"pool: {len(pages)} pages (median {result['median_page_bytes'] / 1000:.0f} KB), 8 WARC files; "
          f"load average {os.getloadavg()[0]:.1f}")
    print(f"  in process (1 core) {result['in_process']:6.1f} pages/s")
    print(f"  dask, 1 worker      {one:6.1f} pages/s")
    print(f"  dask, 2 workers     {two:6.1f} pages/s   speed-up {result['speedup']:.2f}, efficiency {result['efficiency']:.2f}")
    return result


_MEMORY_SCRIPT = """
import resource, sys, time
from feedline.distributed.work import Options, Unit, extract_unit
start = time.perf_counter()
counts, pages = extract_unit(0, Unit(archive=sys.argv[1]), Options(), sys.argv[2])
elapsed = time.perf_counter() - start
print(counts.pages, counts.entries, len(pages), elapsed, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def _generated_page(rng: random.Random, number: int, when: datetime) -> bytes:
    items = []
    for k in range(8):
        moment = when - timedelta(minutes=17 * k + rng.randrange(10))
        words = " ".join(rng.choice(("council", "harbour", "rail", "budget", "vote", "storm", "grain", "bridge",
                                     "ministry", "delay", "plan", "talks", "workers", "north", "coast"))
                         for _ in range(rng.randrange(25, 60)))
        items.append(f"<article><time>{moment:%H:%M}</time><h2>Update {number}-{k}</h2><p>{words}.</p></article>")
    return (f"<html><head><title>Live {number}</title></head><body><h1>Live</h1>{''.join(items)}"
            "</body></html>").encode()


def memory(args: argparse.Namespace, tmp: Path) -> dict:
    rng = random.Random(7)
    base = datetime(2026, 1, 1, 18, tzinfo=timezone.utc)
    archive = tmp / "memory.warc.gz"
    pages = [(f"https://gen.invalid/live/{n % 500}", _generated_page(rng, n, base + timedelta(minutes=n)),
              base + timedelta(minutes=n)) for n in range(args.records)]
    _warc(archive, pages)
    del pages
    size = archive.stat().st_size
    proc = subprocess.run([sys.executable, "-c", _MEMORY_SCRIPT, str(archive), str(tmp / "memory-out")],
                          capture_output=True, text=True, check=True)
    count, entries, kept, elapsed, rss_kb = proc.stdout.split()
    rss_mb = int(rss_kb) / 1024
    print(f"memory: a WARC of {args.records:,} records ({size / 1e6:.1f} MB gzipped) in one worker process: "
          f"{int(count):,} pages, {int(entries):,} entries in {float(elapsed):.0f} s; peak RSS {rss_mb:.0f} MB "
          f"({'under' if rss_mb < RSS_CAP_MB else 'OVER'} the {RSS_CAP_MB} MB cap)")
    return {"records": args.records, "pages": int(count), "entries": int(entries), "seconds": float(elapsed),
            "peak_rss_mb": rss_mb, "under_cap": rss_mb < RSS_CAP_MB}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--part", default="corpus,scaling,memory")
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--pool", type=Path, default=ROOT.parent / "shared" / "pool" / "pages")
    parser.add_argument("--limit", type=int, default=0, help="pool pages to use (0: all)")
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    results: dict = {}
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        for part in args.part.split(","):
            if part == "corpus" and not (args.corpus / "gold").is_dir():
                print(f"corpus: {args.corpus} not found: skipped")
            elif part == "scaling" and not args.pool.is_dir():
                print(f"scaling: {args.pool} not found: skipped")
            else:
                results[part] = {"corpus": corpus, "scaling": scaling, "memory": memory}[part](args, tmp)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0 if results.get("corpus", {}).get("same", True) and results.get("memory", {}).get("under_cap", True) else 1


if __name__ == "__main__":
    raise SystemExit(main())
