"""The HTML path, before and after a change, in one process: CPU time per stage (not a test).

    .venv/bin/python benchmarks/html_ab.py [--base main] [--pages 150] [--runs 3]

The HTML twin of `text_ab.py` (whose `base_package` it uses): `feedline` at the git ref
`--base` is imported as `feedline_base` beside this tree's, and `--pages` pool pages (every
k-th of ../shared/pool/pages, decompressed before timing) are extracted with each, alternating
page by page and which goes first, `--runs` times, after one warm-up pass. Each page's
figures are those of its fastest run; CPU time (`time.process_time`), so the ratios hold on a
busy machine. Stages timed where the code looks them up: in `read`, `decode`, `parse_html`
(with the depth guard), the CSS (`Styles`), the walk (`_Lines.render`) and `read_markup`; in
`pipeline`, the reveal rendering (`render_html`: its CSS and walk are counted there too) and
the text stages. Stages nest (the reveal's CSS and walk are in `render_html` too), so the
shares do not add up to the total. Skipped, with a note, without ../shared or git.
"""
from __future__ import annotations

import argparse
import gzip
import importlib
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from text_ab import BASE, ROOT, base_package  # noqa: E402

POOL = ROOT.parent / "shared" / "pool" / "pages"
READ_STAGES = ("decode", "parse_html", "Styles", "walk", "read_markup")
PIPELINE_STAGES = ("render_html", "tokenize", "find_entries", "date_entries", "find_sources")
STAGES = (*READ_STAGES, *PIPELINE_STAGES)


def instrumented(package: str) -> tuple[Callable[[bytes], Any], Callable[[], None], dict[str, float]]:
    """The package's `extract`, its sources cache's `clear_cache`, and the per-stage CPU seconds."""
    read = importlib.import_module(f"{package}.read")
    pipeline = importlib.import_module(f"{package}.pipeline")
    spent = dict.fromkeys(STAGES, 0.0)

    def timed(stage: str, func: Callable[..., Any]) -> Callable[..., Any]:
        def call(*args: Any, **kwargs: Any) -> Any:
            start = time.process_time()
            try:
                return func(*args, **kwargs)
            finally:
                spent[stage] += time.process_time() - start
        return call

    for stage in READ_STAGES:
        if stage == "walk":
            read._Lines.render = timed("walk", read._Lines.render)
        else:
            setattr(read, stage, timed(stage, getattr(read, stage)))
    for stage in PIPELINE_STAGES:
        setattr(pipeline, stage, timed(stage, getattr(pipeline, stage)))
    clear = importlib.import_module(f"{package}.sources.find").clear_cache
    return importlib.import_module(package).extract, clear, spent


def measure(pages: list[bytes], runs: int) -> dict[str, tuple[float, dict[str, float]]]:
    sides = {name: instrumented(name) for name in (BASE, "feedline")}
    for extract, clear, _ in sides.values():  # warm: patterns compiled, tables loaded
        for data in pages:
            clear()
            extract(data)
    best: dict[str, list[tuple[float, dict[str, float]] | None]] = {name: [None] * len(pages) for name in sides}
    for run in range(runs):
        order = list(sides.items()) if run % 2 == 0 else list(reversed(sides.items()))
        for i, data in enumerate(pages):
            for name, (extract, clear, spent) in order:
                spent.update(dict.fromkeys(STAGES, 0.0))
                clear()
                start = time.process_time()
                extract(data)
                took = time.process_time() - start
                if best[name][i] is None or took < best[name][i][0]:
                    best[name][i] = (took, dict(spent))
    out = {}
    for name, figures in best.items():
        total = sum(f[0] for f in figures if f)
        stages = {s: sum(f[1][s] for f in figures if f) for s in STAGES}
        out[name] = (total, stages)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", default="main", help="git ref of the code to compare with (default: main)")
    parser.add_argument("--pages", type=int, default=150, help="pool pages, spread over the pool (default: 150)")
    parser.add_argument("--runs", type=int, default=3, help="runs per page; a page's fastest counts (default: 3)")
    args = parser.parse_args()
    if not POOL.is_dir():
        print(f"html_ab: {POOL} is absent: skipped")
        return 0
    paths = sorted(POOL.iterdir())
    paths = paths[::max(len(paths) // max(args.pages, 1), 1)][:args.pages]
    pages = [gzip.decompress(path.read_bytes()) for path in paths]
    with tempfile.TemporaryDirectory() as scratch:
        try:
            base_package(args.base, Path(scratch))
        except (OSError, subprocess.CalledProcessError) as error:
            print(f"html_ab: cannot read feedline at {args.base!r} from git ({error}): skipped")
            return 0
        sys.path.insert(0, scratch)
        sys.path.insert(0, str(ROOT))
        results = measure(pages, args.runs)
    size = sum(map(len, pages)) / 1e6
    (before, b), (after, a) = results[BASE], results["feedline"]
    print(f"pool HTML: {len(pages)} pages, {size:.2f} MB; CPU ms, fastest of {args.runs} runs per page, "
          f"{args.base} and this tree alternating (Styles and walk: both renderings, also inside render_html)")
    print(f"{'stage':14s} {args.base[:8]:>8s} {'share':>6s} {'this':>8s} {'share':>6s} {'ratio':>6s}")
    for stage in STAGES:
        ratio = b[stage] / a[stage] if a[stage] > 0 else float("nan")
        print(f"{stage:14s} {b[stage] * 1000:8.1f} {b[stage] / before:6.1%} {a[stage] * 1000:8.1f} "
              f"{a[stage] / after:6.1%} {ratio:6.2f}")
    print(f"{'total':14s} {before * 1000:8.1f} {'':6s} {after * 1000:8.1f} {'':6s} {before / after:6.2f}"
          f"   ({len(pages) / before:.1f} -> {len(pages) / after:.1f} pages/s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
