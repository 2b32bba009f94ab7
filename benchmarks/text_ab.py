"""The text path, before and after a change, in one process: CPU time per stage (not a test).

    .venv/bin/python benchmarks/text_ab.py [--base main] [--runs 7]

Extracts `feedline` as it is at the git ref `--base` into a scratch folder under another
package name (`feedline_base`: its imports rewritten), imports both, and reads every corpus
text page (../shared/corpus/pages/*.txt, as bytes) with each, alternating page by page and
which goes first, `--runs` times. Each stage the pipeline calls (`read_page`, `tokenize`,
`find_entries`, `date_entries`, `find_sources`) is timed with `time.process_time`; a page's
figures are those of its fastest run. Before each run every cache is forgotten (`memo.clear`,
as `bench.py` does), so each page is read as new.

Both sides share the process, its load and its warm caches, so the ratios hold on a busy
machine where wall-clock runs of two processes vary by 2x. Skipped, with a note, without
../shared or git.
"""
from __future__ import annotations

import argparse
import importlib
import io
import re
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT.parent / "shared" / "corpus" / "pages"
STAGES = ("read_page", "tokenize", "find_entries", "date_entries", "find_sources")
BASE = "feedline_base"


def base_package(ref: str, into: Path) -> None:
    """`feedline/` at `ref`, as the package `feedline_base` in `into`."""
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", ref, "feedline"], capture_output=True, check=True)
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(into, filter="data")
    (into / "feedline").rename(into / BASE)
    for path in (into / BASE).rglob("*.py"):
        code = path.read_text(encoding="utf-8")
        code = re.sub(r"\b(from|import) feedline\b", rf"\1 {BASE}", code)
        code = re.sub(r"\bfeedline\.(?=[a-z_])", f"{BASE}.", code)
        path.write_text(code, encoding="utf-8")


Side = tuple[Callable[[bytes], Any], Callable[[], None], dict[str, float]]  # extract, forget, CPU seconds by stage


def stage_timer(spent: dict[str, float]) -> Callable[[str, Callable[..., Any]], Callable[..., Any]]:
    """A wrapper maker: `timed(stage, func)` adds the CPU seconds of each call to `spent[stage]`."""
    def timed(stage: str, func: Callable[..., Any]) -> Callable[..., Any]:
        def call(*args: Any, **kwargs: Any) -> Any:
            start = time.process_time()
            try:
                return func(*args, **kwargs)
            finally:
                spent[stage] += time.process_time() - start
        return call
    return timed


def forgetter(package: str) -> Callable[[], None]:
    """What reads a page as new: the package's `memo.clear` (which forgets the remembered
    stages and sources), or, in code from before the memo, the sources' `clear_cache`."""
    try:
        return importlib.import_module(f"{package}.memo").clear
    except ModuleNotFoundError:
        return importlib.import_module(f"{package}.sources.find").clear_cache


def instrumented(package: str) -> Side:
    """The package's `extract`, what forgets its caches, and the per-stage CPU seconds its
    pipeline adds to (the stages wrapped where `pipeline` looks them up)."""
    pipeline = importlib.import_module(f"{package}.pipeline")
    spent = dict.fromkeys(STAGES, 0.0)
    timed = stage_timer(spent)
    for stage in STAGES:
        setattr(pipeline, stage, timed(stage, getattr(pipeline, stage)))
    return importlib.import_module(package).extract, forgetter(package), spent


def measure_against(base: str, label: str, pages: list[bytes], instrument: Callable[[str], Side],
                    stages: tuple[str, ...], runs: int) -> dict[str, tuple[float, dict[str, float]]] | None:
    """`measure` with the base ref's package written from git beside this tree; None (said on
    stdout) when git cannot give it."""
    with tempfile.TemporaryDirectory() as scratch:
        try:
            base_package(base, Path(scratch))
        except (OSError, subprocess.CalledProcessError) as error:
            print(f"{label}: cannot read feedline at {base!r} from git ({error}): skipped")
            return None
        sys.path.insert(0, scratch)
        sys.path.insert(0, str(ROOT))
        return measure(pages, instrument, stages, runs)


def measure(pages: list[bytes], instrument: Callable[[str], Side], stages: tuple[str, ...],
            runs: int) -> dict[str, tuple[float, dict[str, float]]]:
    """Total and per-stage CPU seconds of each side (the base ref's package, this tree's) over
    `pages`: each page its fastest of `runs`, the sides alternating page by page and in which
    goes first, every cache forgotten before each extraction."""
    sides = {name: instrument(name) for name in (BASE, "feedline")}
    for extract, forget, _ in sides.values():  # warm: patterns compiled, tables loaded
        for data in pages:
            forget()
            extract(data)
    best: dict[str, list[tuple[float, dict[str, float]] | None]] = {name: [None] * len(pages) for name in sides}
    for run in range(runs):
        order = list(sides.items()) if run % 2 == 0 else list(reversed(sides.items()))
        for i, data in enumerate(pages):
            for name, (extract, forget, spent) in order:
                spent.update(dict.fromkeys(stages, 0.0))
                forget()
                start = time.process_time()
                extract(data)
                took = time.process_time() - start
                if best[name][i] is None or took < best[name][i][0]:
                    best[name][i] = (took, dict(spent))
    out = {}
    for name, figures in best.items():
        total = sum(f[0] for f in figures if f)
        out[name] = (total, {s: sum(f[1][s] for f in figures if f) for s in stages})
    return out


def print_stages(results: dict[str, tuple[float, dict[str, float]]], stages: tuple[str, ...], base: str) -> None:
    """The per-stage table, base against this tree, and the total's line (without its end)."""
    (before, b), (after, a) = results[BASE], results["feedline"]
    print(f"{'stage':14s} {base[:8]:>8s} {'share':>6s} {'this':>8s} {'share':>6s} {'ratio':>6s}")
    for stage in stages:
        ratio = b[stage] / a[stage] if a[stage] > 0 else float("nan")
        print(f"{stage:14s} {b[stage] * 1000:8.1f} {b[stage] / before:6.1%} {a[stage] * 1000:8.1f} "
              f"{a[stage] / after:6.1%} {ratio:6.2f}")
    print(f"{'total':14s} {before * 1000:8.1f} {'':6s} {after * 1000:8.1f} {'':6s} {before / after:6.2f}", end="")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", default="main", help="git ref of the code to compare with (default: main)")
    parser.add_argument("--runs", type=int, default=7, help="runs per page; a page's fastest counts (default: 7)")
    args = parser.parse_args()
    if not PAGES.is_dir():
        print(f"text_ab: {PAGES} is absent: skipped")
        return 0
    pages = [p.read_bytes() for p in sorted(PAGES.glob("*.txt"))]
    results = measure_against(args.base, "text_ab", pages, instrumented, STAGES, args.runs)
    if results is None:
        return 0
    for total, stages in results.values():
        stages["other"] = total - sum(stages.values())
    size = sum(map(len, pages)) / 1e6
    before, after = results[BASE][0], results["feedline"][0]
    print(f"corpus texts: {len(pages)} pages, {size:.3f} MB; CPU ms, fastest of {args.runs} "
          f"runs per page, {args.base} and this tree alternating")
    print_stages(results, (*STAGES, "other"), args.base)
    print(f"   ({size / before:.2f} -> {size / after:.2f} MB/s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
