"""The HTML path, before and after a change, in one process: CPU time per stage (not a test).

    .venv/bin/python benchmarks/html_ab.py [--base main] [--pages 150] [--runs 3]

The HTML twin of `text_ab.py` (whose package copy, timers and table it uses): `feedline` at the git ref
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
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from text_ab import BASE, ROOT, Side, forgetter, measure_against, print_stages, stage_timer  # noqa: E402

POOL = ROOT.parent / "shared" / "pool" / "pages"
READ_STAGES = ("decode", "parse_html", "Styles", "walk", "read_markup")
PIPELINE_STAGES = ("render_html", "tokenize", "find_entries", "date_entries", "find_sources")
STAGES = (*READ_STAGES, *PIPELINE_STAGES)


def instrumented(package: str) -> Side:
    """The package's `extract`, what forgets its caches, and the per-stage CPU seconds."""
    read = importlib.import_module(f"{package}.read")
    pipeline = importlib.import_module(f"{package}.pipeline")
    spent = dict.fromkeys(STAGES, 0.0)
    timed = stage_timer(spent)
    for stage in READ_STAGES:
        if stage == "walk":
            read._Lines.render = timed("walk", read._Lines.render)
        else:
            setattr(read, stage, timed(stage, getattr(read, stage)))
    for stage in PIPELINE_STAGES:
        setattr(pipeline, stage, timed(stage, getattr(pipeline, stage)))
    return importlib.import_module(package).extract, forgetter(package), spent


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
    results = measure_against(args.base, "html_ab", pages, instrumented, STAGES, args.runs)
    if results is None:
        return 0
    size = sum(map(len, pages)) / 1e6
    before, after = results[BASE][0], results["feedline"][0]
    print(f"pool HTML: {len(pages)} pages, {size:.2f} MB; CPU ms, fastest of {args.runs} runs per page, "
          f"{args.base} and this tree alternating (Styles and walk: both renderings, also inside render_html)")
    print_stages(results, STAGES, args.base)
    print(f"   ({len(pages) / before:.1f} -> {len(pages) / after:.1f} pages/s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
