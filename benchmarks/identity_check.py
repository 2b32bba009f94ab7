"""Byte-identity guard for speed work: the extractor's JSON output before and after a change.

    .venv/bin/python benchmarks/identity_check.py save DIR [--pool N]
    .venv/bin/python benchmarks/identity_check.py compare DIR [--pool N]

`save` writes `feedline extract PAGE --format json` for every corpus page (../shared/corpus/
pages, *.html and *.txt) in both of the scorer's modes (capture: the gold file's
`capture_time` as --now and `tz` as --tz; blind: neither), and, with --pool N, for the first
N pool pages (../shared/pool/pages, sorted, blind), one file per run into DIR. `compare` runs
the same and reports every output that differs from DIR's (exit 1 when any does, 0 when all
are byte-identical). The command is run in process through the CLI app (typer's runner), so
the bytes are what the command prints. Skipped, with a note, without ../shared.
"""
from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
POOL = ROOT.parent / "shared" / "pool" / "pages"


def runs(pool: int) -> Iterator[tuple[str, Path, list[str]]]:
    """(output name, page path, extra options) for every run the check makes."""
    for page in sorted((CORPUS / "pages").glob("*")):
        if page.suffix not in (".html", ".txt"):
            continue
        gold_path = CORPUS / "gold" / f"{page.stem}.json"
        gold = json.loads(gold_path.read_text(encoding="utf-8")) if gold_path.exists() else {}
        yield f"{page.name}.blind.json", page, []
        options = []
        if gold.get("capture_time"):
            options += ["--now", gold["capture_time"]]
        if gold.get("tz"):
            options += ["--tz", gold["tz"]]
        if options:
            yield f"{page.name}.capture.json", page, options
    if pool and POOL.is_dir():
        for page in sorted(POOL.iterdir())[:pool]:
            yield f"pool.{page.name}.blind.json", page, []


def output(page: Path, options: list[str], scratch: Path) -> bytes:
    """What `feedline extract PAGE --format json OPTIONS` prints (stdout), plus its exit code."""
    from typer.testing import CliRunner

    from feedline.cli import app

    if page.suffix == ".gz":  # pool pages are stored gzipped: the command reads the page itself
        plain = scratch / page.stem
        plain.write_bytes(gzip.decompress(page.read_bytes()))
        page = plain
    result = CliRunner().invoke(app, ["extract", str(page), "--format", "json", *options])
    return result.stdout_bytes + f"\n[exit {result.exit_code}]\n".encode()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("action", choices=("save", "compare"))
    parser.add_argument("folder", type=Path)
    parser.add_argument("--pool", type=int, default=0, help="also the first N pool pages (blind)")
    args = parser.parse_args()
    if not (CORPUS / "pages").is_dir():
        print(f"identity_check: {CORPUS} is absent: skipped")
        return 0
    args.folder.mkdir(parents=True, exist_ok=True)
    differ: list[str] = []
    count = 0
    scratch = args.folder / "_pages"  # a fixed place: the page's name is part of the output
    scratch.mkdir(exist_ok=True)
    for name, page, options in runs(args.pool):
        got = output(page, options, scratch)
        count += 1
        target = args.folder / name
        if args.action == "save":
            target.write_bytes(got)
        elif not target.exists() or target.read_bytes() != got:
            differ.append(name)
            target.with_name(name + ".new").write_bytes(got)
    if args.action == "save":
        print(f"identity_check: {count} outputs saved in {args.folder}")
        return 0
    for name in differ:
        print(f"differs: {name} (new output beside it as .new)")
    print(f"identity_check: {count - len(differ)}/{count} outputs byte-identical")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
