"""Adversarial pages (issue 10 §3) as growth ratios and peak memory (one run, not a test).

    .venv/bin/python benchmarks/hostile.py [--scale 16] [--only NAME] [--json FILE]

Each case builds a page at a base size (1×) and at `--scale` times it, and runs
`feedline.extract` on it in a fresh process (so that the peak resident set is that page's
alone), timed with time.perf_counter around the call. Reported per case: seconds at 1× and
at N×, the growth ratio (time at N× ÷ time at 1×: N for linear work, N² for quadratic) and
the child's peak RSS (ru_maxrss) at N×. The cases:

    nested-divs     <div> nested 6,250 deep (1×), closed at the end
    unclosed-runs   an unclosed <div><span>x run of 6,250
    json-ld-array   one JSON-LD array of 40,000 small objects
    newlines        1 MB of bare newlines (text)
    entries         12,500 stamped entries, one a line ("12:34 Item 7 said ...")

Issue 10's targets: 8× nesting and 8× JSON-LD array in at most 12× their 1× time; 16 MB of
newlines under 1 GB.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

BASE = {"nested-divs": 6_250, "unclosed-runs": 6_250, "json-ld-array": 40_000, "newlines": 1 << 20, "entries": 12_500}

# Run in the child: build the page of case CASE at size N, extract it, print seconds and RSS.
_CHILD = r"""
import json, resource, sys, time
case, n = sys.argv[1], int(sys.argv[2])
if case == "nested-divs":
    data = ("<html><body>" + "<div>" * n + "12:30 Deepest item text here" + "</div>" * n + "</body></html>").encode()
elif case == "unclosed-runs":
    data = ("<html><body>" + "<div><span>x" * n + "</body></html>").encode()
elif case == "json-ld-array":
    items = ",".join('{"@type":"Thing","name":"t%d"}' % i for i in range(n))
    data = ('<html><head><script type="application/ld+json">[' + items + ']</script></head>'
            '<body><p>Nothing here.</p></body></html>').encode()
elif case == "newlines":
    data = b"\n" * n
elif case == "entries":
    data = "\n".join("%02d:%02d Item %d said the minister in a statement today" % ((i // 60) % 24, i % 60, i)
                     for i in range(n)).encode()
from feedline import extract
start = time.perf_counter()
timeline = extract(data)
seconds = time.perf_counter() - start
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
print(json.dumps({"seconds": seconds, "rss": rss, "bytes": len(data), "entries": len(timeline.entries)}))
"""


def run(case: str, n: int) -> dict:
    proc = subprocess.run([sys.executable, "-c", _CHILD, case, str(n)], capture_output=True, text=True, cwd=ROOT)
    if proc.returncode != 0:
        return {"error": (proc.stderr.strip().splitlines() or ["exit %d" % proc.returncode])[-1]}
    return json.loads(proc.stdout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=int, default=16)
    parser.add_argument("--only", action="append", choices=sorted(BASE))
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    results = {}
    print(f"{'case':<15} {'1x size':>11} {'1x s':>8} {f'{args.scale}x s':>8} {'ratio':>7} {f'{args.scale}x RSS MB':>12}")
    for case, base in BASE.items():
        if args.only and case not in args.only:
            continue
        small, big = run(case, base), run(case, base * args.scale)
        results[case] = {"base": base, "scale": args.scale, "1x": small, "Nx": big}
        if "error" in small or "error" in big:
            print(f"{case:<15} error: {small.get('error') or big.get('error')}")
            continue
        ratio = big["seconds"] / small["seconds"] if small["seconds"] else float("nan")
        results[case]["ratio"] = ratio
        print(f"{case:<15} {small['bytes']:>11,} {small['seconds']:>8.2f} {big['seconds']:>8.2f} {ratio:>7.1f} "
              f"{big['rss'] / 1e6:>12,.0f}", flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
