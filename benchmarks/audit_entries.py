"""Audit entries for precision: list entries of pool pages with the lines around them, for a
person to judge, and compare two runs.

    .venv/bin/python benchmarks/audit_entries.py list [--max 5] [--sample 20] [--seed 1]
                     [--jobs 2] [--context 3] [--json FILE] [--only ID,ID]
    .venv/bin/python benchmarks/audit_entries.py compare BEFORE.json AFTER.json [--judged FILE]

`list` extracts (blind mode) every page of ../shared/pool/pages and prints, for each page with
1..--max entries and for a seeded random sample of --sample bigger pages, each entry: its
stamp, its stamp line and --context lines either side (control characters removed: scraped
text is never printed raw). --json FILE keeps every page's entries (page, stamp, stamp line)
for `compare`.

`compare` lists the entries that one run has and the other lacks. With --judged FILE (lines
`page<TAB>time_text<TAB>true|false<TAB>class`, a person's verdicts on the `list` output; `#`
comments), it counts, per class, the false entries removed and the true entries lost.
"""
from __future__ import annotations

import argparse
import gzip
import json
import multiprocessing as mp
import random
import sys
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

from feedline import extract, read_page

ROOT = Path(__file__).resolve().parent.parent
POOL = ROOT.parent / "shared" / "pool" / "pages"


def safe(text: str, limit: int = 160) -> str:
    """One printable line: control and format characters dropped, cut to `limit`."""
    text = "".join(c if unicodedata.category(c)[0] != "C" else " " for c in text)
    return text if len(text) <= limit else text[:limit - 1] + "…"


def audit_page(path: str, context: int = 3) -> dict[str, Any]:
    """The page's entries, each with its stamp line and the lines around it."""
    page_id = Path(path).name.split(".")[0]
    try:
        page = read_page(gzip.decompress(Path(path).read_bytes()), name=page_id)
        timeline = extract(page)
    except Exception as error:  # an audit goes on; the survey reports exceptions
        return {"id": page_id, "error": type(error).__name__, "entries": []}
    text = page.text
    starts = [0]
    for k, ch in enumerate(text):
        if ch == "\n":
            starts.append(k + 1)
    lines = text.split("\n")
    entries = []
    for entry in timeline.entries:
        offset = entry.stamp.span[0] if entry.stamp.span else entry.span[0]
        line = _line_of(starts, offset)
        entries.append({
            "time_text": entry.stamp.text,
            "line": safe(lines[line].strip()),
            "headline": safe(entry.headline or ""),
            "before": [safe(s.strip()) for s in lines[max(0, line - context):line] if s.strip()],
            "after": [safe(s.strip()) for s in lines[line + 1:line + 1 + context] if s.strip()],
        })
    return {"id": page_id, "entries": entries}


def _line_of(starts: list[int], offset: int) -> int:
    import bisect
    return bisect.bisect_right(starts, offset) - 1


def run_list(args: argparse.Namespace) -> int:
    paths = sorted(str(p) for p in POOL.glob("*.html.gz"))
    if args.only:
        wanted = set(args.only.split(","))
        paths = [p for p in paths if Path(p).name.split(".")[0] in wanted]
    if not paths:
        print("audit: no pool pages found", file=sys.stderr)
        return 3
    with mp.Pool(args.jobs) as pool:
        pages = pool.starmap(audit_page, [(p, args.context) for p in paths], chunksize=4)
    if args.json:
        Path(args.json).write_text(json.dumps(pages, ensure_ascii=False, indent=0))
    small = [p for p in pages if 1 <= len(p["entries"]) <= args.max]
    big = [p for p in pages if len(p["entries"]) > args.max]
    sample = random.Random(args.seed).sample(big, min(args.sample, len(big)))
    counts = Counter(len(p["entries"]) for p in small)
    print(f"# {len(pages)} pages; entries: {sum(len(p['entries']) for p in pages)}; "
          f"pages with 1..{args.max} entries: {len(small)} "
          f"({', '.join(f'{k}: {v}' for k, v in sorted(counts.items()))}); sample of bigger: {len(sample)}")
    for page in [*small, *sorted(sample, key=lambda p: p["id"])]:
        print(f"\n## {page['id']} ({len(page['entries'])} entries)")
        for e in page["entries"]:
            print(f"- [{e['time_text']}]")
            for s in e["before"]:
                print(f"      {s}")
            print(f"   >> {e['line']}")
            for s in e["after"]:
                print(f"      {s}")
    return 0


def _keys(path: str) -> Counter:
    return Counter((p["id"], e["time_text"]) for p in json.loads(Path(path).read_text()) for e in p["entries"])


def run_compare(args: argparse.Namespace) -> int:
    before, after = _keys(args.before), _keys(args.after)
    removed, added = before - after, after - before
    print(f"entries: before {sum(before.values())}, after {sum(after.values())}; "
          f"removed {sum(removed.values())}, added {sum(added.values())}")
    judged: dict[tuple[str, str], tuple[bool, str]] = {}
    if args.judged:
        for raw in Path(args.judged).read_text().splitlines():
            if not raw.strip() or raw.startswith("#"):
                continue
            page, stamp, verdict, cls = (raw.split("\t") + ["", "", "", ""])[:4]
            judged[(page, stamp)] = (verdict.strip() == "true", cls.strip() or "-")
        falses = Counter(cls for ok, cls in judged.values() if not ok)
        gone = Counter(judged[k][1] for k in removed if k in judged and not judged[k][0])
        lost = [k for k in removed if k in judged and judged[k][0]]
        print(f"judged: {len(judged)} ({sum(falses.values())} false, {len(judged) - sum(falses.values())} true)")
        print("false entries removed, per class:")
        for cls, n in falses.most_common():
            print(f"  {cls:<14} {gone[cls]:>3} of {n}")
        print(f"true entries lost: {len(lost)}")
        for page, stamp in sorted(lost):
            print(f"  LOST   {page}  {safe(stamp)}")
    for sign, keys in (("-", removed), ("+", added)):
        for page, stamp in sorted(keys):
            mark = ""
            if (page, stamp) in judged:
                mark = " (judged " + ("true" if judged[(page, stamp)][0] else "false") + ")"
            print(f"{sign} {page}  {safe(stamp)}{mark}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    listing = sub.add_parser("list")
    listing.add_argument("--max", type=int, default=5)
    listing.add_argument("--sample", type=int, default=20)
    listing.add_argument("--seed", type=int, default=1)
    listing.add_argument("--jobs", type=int, default=2)
    listing.add_argument("--context", type=int, default=3)
    listing.add_argument("--json")
    listing.add_argument("--only")
    compare = sub.add_parser("compare")
    compare.add_argument("before")
    compare.add_argument("after")
    compare.add_argument("--judged")
    args = parser.parse_args(argv)
    return run_list(args) if args.command == "list" else run_compare(args)


if __name__ == "__main__":
    sys.exit(main())
