"""Pick the next batch of pool pages to label, and write what its annotators read.

A batch is a seeded random sample of pool pages that no gold set holds yet and whose text
shows at least two clock-shaped strings at a line's edge (pages without any would mostly be
labelled empty). For each page the folder gets its HTML and, as `make eval-pool` makes them,
its Chromium text twin. The annotators' brief and the protocol: docs/evaluation.md.

    python benchmarks/pool_batch.py --seed 777 --count 30 --out /tmp/batch   # prints the page ids
"""
from __future__ import annotations

import argparse
import gzip
import json
import random
import re
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

import eval_pool

# A clock or a relative stamp at a line's start or end: a rough filter, not feedline's reading.
EDGE_CLOCK_RE = re.compile(
    r"(?m)(^[ \t]*\S{0,12}[ \t]*\d{1,2}[:.h]\d{2}\b|\b\d{1,2}[:.h]\d{2}[ \t]*(?:[ap]\.?m\.?|Uhr|h)?[ \t]*$"
    r"|\b\d+[ \t]*(?:min|mins|minutes|hours?|hrs?|h|Std\.?|Stunden|heures?)\b.{0,8}$)", re.IGNORECASE)
MIN_EDGE_CLOCKS = 2


def labelled() -> set[str]:
    return {path.stem for folder in eval_pool.GOLD_SETS.values() for path in folder.glob("*.json")}


def edge_clocks(page_id: str) -> int:
    html = gzip.decompress((eval_pool.POOL / f"{page_id}.html.gz").read_bytes()).decode("utf-8", "replace")
    tree = LexborHTMLParser(html)
    for node in tree.css("script, style, noscript"):
        node.decompose()
    return len(EDGE_CLOCK_RE.findall(tree.body.text(separator="\n") if tree.body else ""))


def pick(seed: int, count: int, min_clocks: int = MIN_EDGE_CLOCKS) -> list[str]:
    ids = sorted(path.name.removesuffix(".html.gz") for path in eval_pool.POOL.glob("*.html.gz"))
    random.Random(seed).shuffle(ids)
    done = labelled()
    batch: list[str] = []
    for page_id in ids:
        if len(batch) == count:
            break
        if page_id not in done and edge_clocks(page_id) >= min_clocks:
            batch.append(page_id)
    return batch


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--count", type=int, default=30)
    parser.add_argument("--out", type=Path, required=True, help="folder for the pages (HTML and text twins)")
    parser.add_argument("--min-clocks", type=int, default=MIN_EDGE_CLOCKS,
                        help="edge clocks a page needs (more: pages richer in feeds, for a dev batch)")
    args = parser.parse_args()
    batch = pick(args.seed, args.count, args.min_clocks)
    eval_pool.write_html(batch, args.out)
    eval_pool.write_text_twins(batch, args.out)
    print(json.dumps(batch))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
