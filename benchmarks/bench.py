"""How fast feedline is, as ratios against the general date finders (one run, not a test).

    .venv/bin/python benchmarks/bench.py [--json FILE] [--best-of 3] [--runs 7] [--batch]

Measures, each with time.perf_counter:

1. In-process, on the same text: `feedline.extract(data)` against
   `dateparser.search_dates(text, languages=['en'])` and `list(datefinder.find_dates(text))`
   a. on the seed page repeated 100 times (joined by newlines);
   b. on every corpus page in ../shared/corpus/pages (feedline on *.txt and *.html, the other
      two on *.txt only: they take text, not markup). Skipped, with a note, without ../shared.
   Best of N for each; dateparser runs once on the 100x text (it takes seconds there).
   feedline gets the page as bytes (a str means a path to it), the others the decoded text:
   decoding is part of feedline's work. Before each feedline call what it remembers of pages
   and entries seen in earlier calls is forgotten (`feedline.memo.clear`), so that
   the best of N is a page read as new, not a page whose entries were just read. Ratio = other tool's seconds / feedline's seconds
   (above 1: feedline is faster).
2. Whole process, as cron would start it: `feedline extract SEED --format json` against
   `python -c "import dateparser; dateparser.parse('4:00 PM')"` in the same venv, run in turn
   (one of each, --runs times, after a warm-up round, so that a change of load touches both);
   the median wall time (the target) and the median CPU time of each.
3. Pages per second of feedline over the corpus, and over the pool's HTML pages
   (../shared/pool/pages, gzipped: decompressed before timing; each page once, after one
   warm-up pass over the first 20), with the pool's median page size.
5. The targets of issue 9 §6 as ratios, each said met or not: corpus texts >= 10 MB/s,
   >= 100x dateparser.search_dates, >= 10x datefinder; pool HTML >= 150 pages/s; the whole
   process <= 0.8x the dateparser one-parse process.
4. With --batch (it adds about half a minute): whole CLI runs over many pages, median of
   --batch-runs each after a warm-up: `feedline extract CORPUS_DIR --jobs 1` and `--jobs 2`
   (pages per second), and `feedline extract crawl.warc.gz` on a WARC built from the corpus
   HTML pages, each with a request and a metadata record beside its response (records and
   pages per second). Skipped, with a note, without ../shared or warcio.

Progress goes to stderr, the table to stdout, and with --json FILE the results to FILE.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "samples" / "kyiv-independent-2023-10-03.txt"
CORPUS = ROOT.parent / "shared" / "corpus" / "pages"
POOL = ROOT.parent / "shared" / "pool" / "pages"
REPEAT = 100


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def best_of(n: int, call: Callable[[], object]) -> float:
    """Fastest of n timed calls, in seconds."""
    times = []
    for _ in range(max(1, n)):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return min(times)


def ratio(other: float | None, ours: float | None) -> float | None:
    return other / ours if other is not None and ours else None


# --- the contenders: feedline takes the page's bytes, the others its text ---------------------


def load_contenders() -> tuple[dict[str, Callable[[Any], object]], list[str]]:
    """feedline (required), dateparser and datefinder (each skipped with a note when missing)."""
    notes: list[str] = []
    try:
        from feedline import extract
        from feedline.memo import clear as clear_cache
    except Exception as error:  # noqa: BLE001 - any failure means "cannot benchmark"
        sys.exit(f"bench: cannot import feedline.extract ({type(error).__name__}: {error})")

    def cold_extract(data: Any) -> object:
        """`extract`, the entries' sources remembered from earlier calls forgotten first: each
        timed run reads the page as new (repeats within the page still hit, as in any run)."""
        clear_cache()
        return extract(data)

    tools: dict[str, Callable[[Any], object]] = {"feedline": cold_extract}
    try:
        from dateparser.search import search_dates

        tools["dateparser"] = lambda text: search_dates(text, languages=["en"]) or []
    except ImportError:
        notes.append("dateparser is not installed: its column is empty")
    try:
        import datefinder

        tools["datefinder"] = lambda text: list(datefinder.find_dates(text))
    except ImportError:
        notes.append("datefinder is not installed (pip install -e '.[bench]'): its column is empty")
    return tools, notes


def page_input(name: str, text: str) -> str | bytes:
    """What a tool is given for a page: bytes for feedline, text for the others."""
    return text.encode("utf-8") if name == "feedline" else text


def time_all(
    tools: dict[str, Callable[[Any], object]], text: str, n: int, once: frozenset[str] = frozenset()
) -> dict[str, float]:
    """Seconds (best of n, or of 1 for the tools in `once`) for each tool on the same text."""
    seconds = {}
    for name, tool in tools.items():
        given = page_input(name, text)
        seconds[name] = best_of(1 if name in once else n, lambda: tool(given))
    return seconds


def bench_seed(tools: dict[str, Callable[[Any], object]], n: int) -> dict[str, Any]:
    text = "\n".join([SEED.read_text(encoding="utf-8")] * REPEAT)
    progress(f"seed x{REPEAT} ({len(text):,} chars) ...")
    seconds = time_all(tools, text, n, once=frozenset({"dateparser"}))
    return {"chars": len(text), "seconds": seconds}


def bench_corpus(
    tools: dict[str, Callable[[Any], object]], n: int, pages_dir: Path, notes: list[str]
) -> dict[str, Any] | None:
    if not pages_dir.is_dir():
        notes.append(f"corpus skipped: {pages_dir} is absent")
        return None
    txt = sorted(pages_dir.glob("*.txt"))
    html = sorted(pages_dir.glob("*.html"))
    extract = tools["feedline"]
    totals: dict[str, float] = dict.fromkeys(tools, 0.0)
    html_seconds = 0.0
    failed: list[str] = []
    chars = 0
    for i, page in enumerate(txt, 1):
        progress(f"corpus txt {i}/{len(txt)} {page.name}")
        text = page.read_text(encoding="utf-8")
        chars += len(text.encode("utf-8"))
        for name, tool in tools.items():
            given = page_input(name, text)
            try:
                totals[name] += best_of(n, lambda: tool(given))
            except Exception as error:  # noqa: BLE001 - a crash is reported, not fatal here
                failed.append(f"{name} on {page.name}: {type(error).__name__}: {error}")
    for i, page in enumerate(html, 1):
        progress(f"corpus html {i}/{len(html)} {page.name}")
        data = page.read_bytes()
        try:
            html_seconds += best_of(n, lambda: extract(data))
        except Exception as error:  # noqa: BLE001
            failed.append(f"feedline on {page.name}: {type(error).__name__}: {error}")
    notes.extend(f"failed (left out of the totals): {f}" for f in failed)
    pages = len(txt) + len(html)
    feedline_seconds = totals["feedline"] + html_seconds
    return {
        "txt_pages": len(txt),
        "txt_bytes": chars,  # bytes, as UTF-8
        "html_pages": len(html),
        "txt_seconds": totals,
        "html_seconds": {"feedline": html_seconds},
        "failed": failed,
        "pages_per_second": {
            "all": pages / feedline_seconds if feedline_seconds else None,
            "txt": len(txt) / totals["feedline"] if totals["feedline"] else None,
            "html": len(html) / html_seconds if html_seconds else None,
        },
    }


def bench_pool(extract: Callable[[Any], object], pool_dir: Path, notes: list[str]) -> dict[str, Any] | None:
    if not pool_dir.is_dir():
        notes.append(f"pool skipped: {pool_dir} is absent")
        return None
    import gzip

    pages = []
    for path in sorted(pool_dir.iterdir()):
        data = path.read_bytes()
        pages.append(gzip.decompress(data) if path.suffix == ".gz" else data)
    progress(f"pool: {len(pages)} HTML pages, each once ...")
    for data in pages[:20]:
        extract(data)
    seconds = 0.0
    failed = 0
    for data in pages:
        start = time.perf_counter()
        try:
            extract(data)
        except Exception:  # noqa: BLE001 - counted, not fatal here
            failed += 1
        seconds += time.perf_counter() - start
    return {"pages": len(pages), "failed": failed, "seconds": seconds,
            "median_bytes": statistics.median(len(p) for p in pages),
            "pages_per_second": len(pages) / seconds if seconds else None}


def targets(results: dict[str, Any]) -> list[str]:
    """Issue 9 §6's speed targets as measured in this run, each with whether it is met."""
    rows = []

    def row(label: str, value: float | None, goal: float, unit: str, at_most: bool = False) -> None:
        if value is None:
            rows.append(f"  {label}: not measured")
            return
        met = value <= goal if at_most else value >= goal
        rows.append(f"  {label}: {value:.2f}{unit} (target {'<=' if at_most else '>='} {goal:g}{unit}): "
                    f"{'met' if met else 'NOT met'}")

    corpus = results.get("corpus")
    if corpus:
        seconds = corpus["txt_seconds"]
        fl = seconds.get("feedline")
        row("corpus texts", corpus["txt_bytes"] / fl / 1e6 if fl else None, 10, " MB/s")
        row("corpus texts vs search_dates", ratio(seconds.get("dateparser"), fl), 100, "x")
        row("corpus texts vs datefinder", ratio(seconds.get("datefinder"), fl), 10, "x")
    pool = results.get("pool")
    if pool:
        row(f"pool HTML (median {pool['median_bytes'] / 1000:.0f} KB)", pool["pages_per_second"], 150, " pages/s")
    proc = results["process"]
    theirs, ours = proc["dateparser_s"], proc["feedline_s"]
    row("whole process / dateparser process", ours / theirs if ours and theirs else None, 0.8, "x", at_most=True)
    return rows


def _one_run(argv: list[str]) -> tuple[float, float] | None:
    """Wall and CPU seconds (the child's user + system time) of one run, or None if it fails."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        progress(f"  {argv[0]} exited {done.returncode}: {done.stderr.decode(errors='replace')[-500:]}")
        return None
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def alternating_runs(commands: dict[str, list[str]], runs: int) -> dict[str, tuple[float, float]] | None:
    """Median wall and CPU seconds of each command, run in turn `runs` times after one warm-up
    round, so that a change of load during the measurement touches every command alike."""
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for i in range(runs + 1):
        for name, argv in commands.items():
            measured = _one_run(argv)
            if measured is None:
                return None
            if i:  # the first round warms the disk and bytecode caches
                times[name].append(measured)
    return {name: (statistics.median(w for w, _ in got), statistics.median(c for _, c in got))
            for name, got in times.items()}


def bench_process(runs: int, notes: list[str]) -> dict[str, Any]:
    bin_dir = Path(sys.executable).parent
    cli = bin_dir / "feedline"
    if not cli.exists():
        cli = ROOT / ".venv" / "bin" / "feedline"
    if not cli.exists():
        notes.append(f"process: `{cli}` not found")
        return {"feedline_s": None, "dateparser_s": None, "ratio": None}
    progress(f"process: {cli.name} extract and python -c 'import dateparser; ...', {runs} runs each, in turn ...")
    code = "import dateparser; dateparser.parse('4:00 PM')"
    medians = alternating_runs({"feedline": [str(cli), "extract", str(SEED), "--format", "json"],
                                "dateparser": [sys.executable, "-c", code]}, runs)
    if medians is None:
        notes.append(f"process: `{cli} extract ... --format json` or the dateparser process could not run")
        return {"feedline_s": None, "dateparser_s": None, "ratio": None}
    (ours, ours_cpu), (theirs, theirs_cpu) = medians["feedline"], medians["dateparser"]
    return {"feedline_s": ours, "dateparser_s": theirs, "ratio": ratio(theirs, ours),
            "feedline_cpu_s": ours_cpu, "dateparser_cpu_s": theirs_cpu, "cpu_ratio": ratio(theirs_cpu, ours_cpu)}


# --- 4. many pages per run (--batch) ------------------------------------------------------------


def timed_cli(argv: list[str], runs: int) -> tuple[float | None, str]:
    """Median seconds of `runs` runs (after a warm-up) and the last summary line on stderr."""
    times, summary = [], ""
    for i in range(runs + 1):
        start = time.perf_counter()
        done = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
        elapsed = time.perf_counter() - start
        lines = done.stderr.decode(errors="replace").splitlines()
        if done.returncode != 0:
            progress(f"  exited {done.returncode}: {lines[-1] if lines else ''}")
            return None, ""
        summary = lines[-1] if lines else ""
        if i:
            times.append(elapsed)
    return statistics.median(times), summary


def summary_count(summary: str, what: str) -> int:
    """N from "feedline: N pages, M entries, ..." for `what` = "page" / "entr"."""
    for part in summary.removeprefix("feedline: ").split(", "):
        number, _, label = part.partition(" ")
        if label.startswith(what):
            return int(number)
    return 0


def build_crawl(pages_dir: Path, target: Path) -> tuple[int, int]:
    """A gzipped WARC of every corpus HTML page: (records, HTML responses)."""
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    records = responses = 0
    with target.open("wb") as file:
        writer = WARCWriter(file, gzip=True)
        for page in sorted(pages_dir.glob("*.html")):
            uri = f"https://corpus.example/{page.name}"
            request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "corpus.example")], is_http_request=True)
            response = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(uri, "request", http_headers=request))
            writer.write_record(writer.create_warc_record(
                uri, "response", payload=io.BytesIO(page.read_bytes()), http_headers=response))
            writer.write_record(writer.create_warc_record(
                uri, "metadata", payload=io.BytesIO(b"fetchTimeMs: 100\r\n"),
                warc_content_type="application/warc-fields"))
            records += 3
            responses += 1
    return records, responses


def bench_batch(pages_dir: Path, runs: int, notes: list[str]) -> dict[str, Any] | None:
    if not pages_dir.is_dir():
        notes.append(f"batch skipped: {pages_dir} is absent")
        return None
    cli = Path(sys.executable).parent / "feedline"
    if not cli.exists():
        cli = ROOT / ".venv" / "bin" / "feedline"
    base = [str(cli), "extract", "--format", "jsonl", "-o", os.devnull]
    results: dict[str, Any] = {"cpus": os.cpu_count(), "runs": runs}
    for jobs in (1, 2):
        progress(f"batch: corpus directory, --jobs {jobs}, {runs} runs ...")
        seconds, summary = timed_cli([*base, str(pages_dir), "--jobs", str(jobs)], runs)
        pages = summary_count(summary, "page")
        results[f"jobs{jobs}"] = {"pages": pages, "seconds": seconds,
                                  "pages_per_second": pages / seconds if seconds else None}
    try:
        import warcio  # noqa: F401
    except ImportError:
        notes.append("batch: warcio is not installed: no WARC measure")
        return results
    import tempfile

    with tempfile.TemporaryDirectory() as temp:
        crawl = Path(temp) / "corpus.warc.gz"
        records, responses = build_crawl(pages_dir, crawl)
        for jobs in (1, 2):
            progress(f"batch: WARC of {records} records, --jobs {jobs}, {runs} runs ...")
            seconds, summary = timed_cli([*base, str(crawl), "--jobs", str(jobs)], runs)
            results[f"warc_jobs{jobs}"] = {
                "records": records, "pages": summary_count(summary, "page"), "seconds": seconds,
                "records_per_second": records / seconds if seconds else None,
                "pages_per_second": responses / seconds if seconds else None,
            }
    return results


def batch_table(batch: dict[str, Any]) -> str:
    lines = [f"many pages per run (whole CLI, median of {batch['runs']}, {batch['cpus']} CPUs):"]
    for jobs in (1, 2):
        row = batch.get(f"jobs{jobs}")
        if row:
            lines.append(f"  corpus directory, --jobs {jobs}: {row['pages']} pages in "
                         f"{fmt(row['seconds'], 's')} = {fmt(row['pages_per_second'])} pages/s")
    for jobs in (1, 2):
        row = batch.get(f"warc_jobs{jobs}")
        if row:
            lines.append(f"  corpus WARC, --jobs {jobs}: {row['records']} records ({row['pages']} pages) in "
                         f"{fmt(row['seconds'], 's')} = {fmt(row['records_per_second'])} records/s, "
                         f"{fmt(row['pages_per_second'])} pages/s")
    return "\n".join(lines)


# --- report -------------------------------------------------------------------------------------


def fmt(value: float | None, unit: str = "") -> str:
    if value is None:
        return "-"
    return f"{value:.3f}{unit}" if unit == "s" else f"{value:.1f}{unit}"


def table(results: dict[str, Any]) -> str:
    rows = [("what", "feedline", "dateparser", "datefinder", "dateparser/feedline", "datefinder/feedline")]

    def add(label: str, seconds: dict[str, float]) -> None:
        fl = seconds.get("feedline")
        dp, df = seconds.get("dateparser"), seconds.get("datefinder")
        rows.append((label, fmt(fl, "s"), fmt(dp, "s"), fmt(df, "s"),
                     fmt(ratio(dp, fl), "x"), fmt(ratio(df, fl), "x")))

    add(f"seed x{REPEAT} ({results['seed']['chars']:,} chars)", results["seed"]["seconds"])
    corpus = results.get("corpus")
    if corpus:
        add(f"corpus .txt ({corpus['txt_pages']} pages)", corpus["txt_seconds"])
        fl = corpus["html_seconds"]["feedline"]
        rows.append((f"corpus .html ({corpus['html_pages']} pages)", fmt(fl, "s"), "", "", "", ""))
    proc = results["process"]
    rows.append(("whole process, median", fmt(proc["feedline_s"], "s"), fmt(proc["dateparser_s"], "s"),
                 "", fmt(proc["ratio"], "x"), ""))
    if proc.get("cpu_ratio"):
        rows.append(("whole process, median CPU", fmt(proc["feedline_cpu_s"], "s"), fmt(proc["dateparser_cpu_s"], "s"),
                     "", fmt(proc["cpu_ratio"], "x"), ""))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in
                       enumerate(zip(row, widths))).rstrip() for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    if corpus:
        pps = corpus["pages_per_second"]
        lines.append("")
        lines.append(f"feedline pages/second over the corpus: {fmt(pps['all'])} "
                     f"(txt {fmt(pps['txt'])}, html {fmt(pps['html'])})")
    pool = results.get("pool")
    if pool:
        lines.append(f"feedline pages/second over the pool: {fmt(pool['pages_per_second'])} "
                     f"({pool['pages']} HTML pages, median {pool['median_bytes']:,.0f} bytes, {pool['failed']} failed)")
    lines.append("")
    lines.append("targets (issue 9 §6):")
    lines.extend(targets(results))
    lines.append("whole process: `feedline extract SEED --format json` against "
                 "`python -c \"import dateparser; dateparser.parse('4:00 PM')\"`")
    lines.extend(f"note: {note}" for note in results["notes"])
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", metavar="FILE", type=Path, help="also write the results as JSON")
    parser.add_argument("--best-of", type=int, default=3, metavar="N", help="in-process runs per timing")
    parser.add_argument("--runs", type=int, default=7, metavar="N", help="process runs per command")
    parser.add_argument("--corpus", type=Path, default=CORPUS, metavar="DIR", help="corpus pages")
    parser.add_argument("--batch", action="store_true",
                        help="also time whole runs over many pages (--jobs 1 and 2, a WARC)")
    parser.add_argument("--batch-runs", type=int, default=3, metavar="N", help="runs per batch command")
    args = parser.parse_args(argv)

    tools, notes = load_contenders()
    seed_text = SEED.read_text(encoding="utf-8")
    progress("warming up (first calls load data and compile patterns) ...")
    for name, tool in tools.items():
        tool(page_input(name, seed_text))

    started = time.perf_counter()
    import feedline

    results: dict[str, Any] = {
        "feedline_version": getattr(feedline, "__version__", None),
        "python": platform.python_version(),
        "machine": platform.machine(),
        "best_of": args.best_of,
        "runs": args.runs,
        "seed": bench_seed(tools, args.best_of),
        "corpus": bench_corpus(tools, args.best_of, args.corpus, notes),
        "pool": bench_pool(tools["feedline"], POOL, notes),
        "process": bench_process(args.runs, notes),
        "notes": notes,
    }
    if args.batch:
        results["batch"] = bench_batch(args.corpus, args.batch_runs, notes)
    results["bench_seconds"] = time.perf_counter() - started
    print(table(results))
    if results.get("batch"):
        print()
        print(batch_table(results["batch"]))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
        progress(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
