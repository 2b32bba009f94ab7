"""How fast feedline is, as ratios against the general date finders (one run, not a test).

    .venv/bin/python benchmarks/bench.py [--json FILE] [--best-of 3] [--runs 7]

Measures, each with time.perf_counter:

1. In-process, on the same text: `feedline.extract(data)` against
   `dateparser.search_dates(text, languages=['en'])` and `list(datefinder.find_dates(text))`
   a. on the seed page repeated 100 times (joined by newlines);
   b. on every corpus page in ../shared/corpus/pages (feedline on *.txt and *.html, the other
      two on *.txt only: they take text, not markup). Skipped, with a note, without ../shared.
   Best of N for each; dateparser runs once on the 100x text (it takes seconds there).
   feedline gets the page as bytes (a str means a path to it), the others the decoded text:
   decoding is part of feedline's work. Ratio = other tool's seconds / feedline's seconds
   (above 1: feedline is faster).
2. Whole process, as cron would start it: `feedline extract SEED --format json` against
   `python -c "import dateparser; dateparser.parse('4:00 PM')"` in the same venv, median of
   --runs each, after one warm-up run.
3. Pages per second of feedline over the corpus.

Progress goes to stderr, the table to stdout, and with --json FILE the results to FILE.
"""
from __future__ import annotations

import argparse
import json
import platform
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
    except Exception as error:  # noqa: BLE001 - any failure means "cannot benchmark"
        sys.exit(f"bench: cannot import feedline.extract ({type(error).__name__}: {error})")
    tools: dict[str, Callable[[Any], object]] = {"feedline": extract}
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
    for i, page in enumerate(txt, 1):
        progress(f"corpus txt {i}/{len(txt)} {page.name}")
        text = page.read_text(encoding="utf-8")
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


def median_run(argv: list[str], runs: int) -> float | None:
    """Median wall time of `runs` runs of a command (after one warm-up), or None if it fails."""
    times = []
    for i in range(runs + 1):
        start = time.perf_counter()
        done = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
        elapsed = time.perf_counter() - start
        if done.returncode != 0:
            progress(f"  {argv[0]} exited {done.returncode}: {done.stderr.decode(errors='replace')[-500:]}")
            return None
        if i:  # the first run warms the disk and bytecode caches
            times.append(elapsed)
    return statistics.median(times)


def bench_process(runs: int, notes: list[str]) -> dict[str, Any]:
    bin_dir = Path(sys.executable).parent
    cli = bin_dir / "feedline"
    if not cli.exists():
        cli = ROOT / ".venv" / "bin" / "feedline"
    progress(f"process: {cli.name} extract, {runs} runs ...")
    ours = median_run([str(cli), "extract", str(SEED), "--format", "json"], runs) if cli.exists() else None
    if ours is None:
        notes.append(f"process: `{cli} extract ... --format json` could not run")
    progress(f"process: python -c 'import dateparser; ...', {runs} runs ...")
    code = "import dateparser; dateparser.parse('4:00 PM')"
    theirs = median_run([sys.executable, "-c", code], runs)
    return {"feedline_s": ours, "dateparser_s": theirs, "ratio": ratio(theirs, ours)}


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
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in
                       enumerate(zip(row, widths))).rstrip() for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    if corpus:
        pps = corpus["pages_per_second"]
        lines.append("")
        lines.append(f"feedline pages/second over the corpus: {fmt(pps['all'])} "
                     f"(txt {fmt(pps['txt'])}, html {fmt(pps['html'])})")
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
        "process": bench_process(args.runs, notes),
        "notes": notes,
    }
    results["bench_seconds"] = time.perf_counter() - started
    print(table(results))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
        progress(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
