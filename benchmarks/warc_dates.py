"""Dates without --tz: the corpus pages as a web archive whose WARC-Date is the capture time in UTC.

A crawler knows when it fetched a page, as an instant, but not the clock the page prints its
stamps on. This builds a WARC of the corpus's HTML pages (WARC-Date = the gold capture time
converted to UTC, WARC-Target-URI = the page's URL), runs `feedline extract THE.warc --format
jsonl` with no --tz, and counts the dated gold entries whose `local_date` is right, matching
entries as the corpus scorer does (its `score_page`, imported). Text pages cannot go into a
WARC as HTML: with `--form txt` (or `both`) each is run with `--now` set to the UTC instant and
no --tz, the same case for the CLI.

    python benchmarks/warc_dates.py [--corpus ../shared/corpus] [--form html|txt|both] [-v]

The archive is written to a temporary directory and removed: the pages belong to their
publishers and are read from the corpus only.
"""
from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
import tempfile
from datetime import datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[1]


def _capture_utc(gold: dict) -> datetime | None:
    """The gold capture time as a UTC instant (a naive one is on the gold zone's clock)."""
    value = gold.get("capture_time")
    if not value:
        return None
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is None:
        if not gold.get("tz"):
            return None
        moment = moment.replace(tzinfo=ZoneInfo(gold["tz"]))
    return moment.astimezone(timezone.utc)


def _write_warc(path: Path, pages: list[tuple[str, str, bytes, datetime]]) -> list[int]:
    """Write the archive; the offset of each page's record (feedline names a record by it)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    offsets = []
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=False)
        for _, url, payload, captured in pages:
            offsets.append(out.tell())
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(payload), http_headers=http,
                                               warc_headers_dict={"WARC-Date": captured.strftime("%Y-%m-%dT%H:%M:%SZ")})
            writer.write_record(record)
    return offsets


def _run(cmd: list[str]) -> list[dict]:
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)}: exit {proc.returncode}: {proc.stderr[-500:]}")
    return [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--cmd", default=str(ROOT / ".venv" / "bin" / "feedline"))
    parser.add_argument("--form", choices=("html", "txt", "both"), default="html")
    parser.add_argument("--only", default="", help="comma-separated page ids")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    if not (args.corpus / "score.py").exists():
        print(f"no corpus at {args.corpus}: skipped")
        return 0
    sys.path.insert(0, str(args.corpus))
    from score import Tally, score_page  # the corpus scorer's matching, imported

    only = {p for p in args.only.split(",") if p}
    golds = {}
    for path in sorted((args.corpus / "gold").glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        if (not only or path.stem in only) and _capture_utc(gold) is not None:
            golds[path.stem] = gold
    results: dict[str, Tally] = {}
    if args.form in ("html", "both"):
        pages = [(pid, f"{gold.get('url') or 'https://page.invalid/'}#{pid}",
                  (args.corpus / "pages" / f"{pid}.html").read_bytes(), _capture_utc(gold))
                 for pid, gold in golds.items() if (args.corpus / "pages" / f"{pid}.html").exists()]
        with tempfile.TemporaryDirectory() as tmp:
            archive = Path(tmp) / "corpus.warc"
            offsets = _write_warc(archive, pages)  # type: ignore[arg-type]
            rows = _run([args.cmd, "extract", str(archive), "--format", "jsonl"])
        by_record: dict[str, list[dict]] = {}
        for row in rows:
            if "time_text" in row:
                by_record.setdefault(row.get("page") or "", []).append(row)
        for (pid, _, _, _), offset in zip(pages, offsets):
            found = by_record.get(f"{archive}#{offset}", [])
            results[f"{pid}.html"] = score_page(golds[pid], found, "capture", args.verbose, f"{pid}.html")
    if args.form in ("txt", "both"):
        for pid, gold in golds.items():
            text = args.corpus / "pages" / f"{pid}.txt"
            if text.exists():
                now = _capture_utc(gold).isoformat()  # type: ignore[union-attr]
                rows = _run([args.cmd, "extract", str(text), "--now", now, "--format", "jsonl"])
                results[f"{pid}.txt"] = score_page(gold, [r for r in rows if "time_text" in r], "capture",
                                                   args.verbose, f"{pid}.txt")
    total = Tally()
    for label, tally in results.items():
        total.add(tally)
        dated = tally.date_ok + tally.date_wrong + tally.date_null
        if dated:
            print(f"{label:32} {tally.date_ok:4d} / {dated:4d} right, {tally.date_wrong:3d} wrong, {tally.date_null:3d} null")
    dated = total.date_ok + total.date_wrong + total.date_null
    if dated:
        print(f"TOTAL no --tz ({args.form}): {total.date_ok} of {dated} dated gold entries dated right "
              f"{total.date_ok / dated:.3f} | wrong {total.date_wrong / dated:.3f} | null {total.date_null / dated:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
