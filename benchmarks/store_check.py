"""The guard for store work: `feedline export` of stores built the same way, before and after.

    .venv/bin/python benchmarks/store_check.py save DIR      # with the code before a change
    .venv/bin/python benchmarks/store_check.py compare DIR   # with the code after it

Builds stores with the `feedline ingest` command (a process each, as a user runs it) and
writes `feedline export --format json` of each to DIR (save) or compares byte for byte
(compare; exit 1 on any difference, with the first differing lines):

- `corpus`: the corpus pages (../shared/corpus/pages, skipped when absent) captured twice,
  `--now 2023-10-03T18:00` then `--now 2023-10-04T09:30` (the same bytes at another time: every
  entry matched again), with `--tz Europe/Kyiv`;
- `corpus-blind`: the same pages without a capture time, once;
- `sim-N`: the feed simulator's snapshots (tests/feedsim.py, seeds 1-3, three days captured
  every three hours, blind captures among them) ingested as a folder, in two halves
  (the second half's folder first: pages arrive out of capture order across runs);
- `sim-N-one`: the same snapshots in one run.

The corpus pages are read where they lie; nothing of them is copied into the project.
"""
from __future__ import annotations

import argparse
import difflib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "pages"
FEEDLINE = [sys.executable, "-m", "feedline"]
sys.path.insert(0, str(ROOT / "tests"))


def run(*args: str) -> str:
    done = subprocess.run([*FEEDLINE, *args], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, "TZ": "UTC"})
    if done.returncode not in (0, 5):
        raise SystemExit(f"feedline {' '.join(args[:3])} ...: exit {done.returncode}: {done.stderr[-500:]}")
    return done.stdout


def export(db: Path) -> str:
    return run("export", "--db", str(db), "--format", "json")


def stores(work: Path) -> dict[str, str]:
    import feedsim

    found: dict[str, str] = {}
    if CORPUS.is_dir():
        pages = sorted(str(p) for p in CORPUS.iterdir() if not p.name.startswith("."))
        db = work / "corpus.db"
        for now in ("2023-10-03T18:00", "2023-10-04T09:30"):
            run("ingest", "--db", str(db), "--quiet", "--now", now, "--tz", "Europe/Kyiv", *pages)
        found["corpus"] = export(db)
        db = work / "corpus-blind.db"
        run("ingest", "--db", str(db), "--quiet", *pages)
        found["corpus-blind"] = export(db)
    else:
        print(f"store_check: {CORPUS} is absent: corpus stores skipped", file=sys.stderr)
    for seed in (1, 2, 3):
        truth = feedsim.simulate(seed=seed, days=3)
        snap = work / f"snap-{seed}"
        paths = feedsim.write_snapshots(truth, snap)
        half = len(paths) // 2
        first, second = work / f"first-{seed}", work / f"second-{seed}"
        for index, path in enumerate(paths):
            target = (first if index < half else second) / path.relative_to(snap)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target)
        db = work / f"sim-{seed}.db"
        run("ingest", "--db", str(db), "--quiet", str(second))
        run("ingest", "--db", str(db), "--quiet", str(first))
        found[f"sim-{seed}"] = export(db)
        db = work / f"sim-{seed}-one.db"
        run("ingest", "--db", str(db), "--quiet", str(snap))
        found[f"sim-{seed}-one"] = export(db)
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("action", choices=("save", "compare"))
    parser.add_argument("folder", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="feedline-store-check-") as work:
        found = stores(Path(work))
    if args.action == "save":
        args.folder.mkdir(parents=True, exist_ok=True)
        for name, text in found.items():
            (args.folder / f"{name}.json").write_text(text, encoding="utf-8")
        print(f"saved {len(found)} exports to {args.folder}")
        return 0
    differ = 0
    for name, text in found.items():
        saved = (args.folder / f"{name}.json").read_text(encoding="utf-8")
        if saved != text:
            differ += 1
            diff = list(difflib.unified_diff(saved.splitlines(), text.splitlines(), "before", "after", lineterm="", n=1))
            print(f"{name}: differs ({len(diff)} diff lines)")
            print("\n".join(diff[:40]))
        else:
            print(f"{name}: identical ({text.count(chr(10))} lines)")
    print(f"{len(found) - differ} of {len(found)} exports identical")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
