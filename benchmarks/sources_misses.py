"""Where the sources pass misses and over-reaches on the dev corpus (../shared/corpus), or on
another labelled set in the corpus format (``--gold`` and ``--pages``: the pool pages with gold).

Two steps, so that a change to feedline/sources/ is measured in seconds:

1. ``--refresh``: run ``feedline extract`` on every corpus page (both forms, capture mode,
   the gold capture time and zone), match its entries to the gold entries as score.py
   does, and keep each matched pair (headline, text, gold sources) in a cache file.
2. Every run: read the cache, call `find_sources` on each cached entry in this process,
   and score the names with score.py's own matching rule. Prints the totals, a table by
   page and by language, and with ``-v`` every missed (``-``) and extra (``+``) name with
   its entry's opening words.

The totals equal the sources columns of ``make eval``'s capture line as long as the
entries themselves do not change (refresh the cache when they do). With ``--pool`` (short for
``--gold benchmarks/poolgold --pages .cache/poolgold/pages``, the folder ``make eval-pool``
writes: run it once first) they equal ``make eval-pool``'s capture sources columns. Each gold
folder has its own cache file.

    python benchmarks/sources_misses.py --refresh          # ~3 minutes on 2 cores
    python benchmarks/sources_misses.py -v --only repubblica-1
    python benchmarks/sources_misses.py --pool --refresh -v
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
CACHE = ROOT / ".bench" / "sources-cache.json"
POOL_GOLD = ROOT / "benchmarks" / "poolgold"
POOL_PAGES = ROOT / ".cache" / "poolgold" / "pages"


def cache_path(gold_dir: Path) -> Path:
    """The cache file of a gold folder: the corpus keeps its old name, others are named by folder."""
    if gold_dir == (CORPUS / "gold").resolve():
        return CACHE
    return CACHE.with_name(f"sources-cache-{gold_dir.name}.json")


def scorer() -> ModuleType:
    """The corpus scorer (../shared/corpus/score.py) as a module: its name matching is the judge."""
    spec = importlib.util.spec_from_file_location("score", CORPUS / "score.py")
    if spec is None or spec.loader is None:
        raise SystemExit(f"sources_misses: no scorer at {CORPUS / 'score.py'}")
    mod = importlib.util.module_from_spec(spec)
    sys.modules["score"] = mod  # its dataclasses look their module up
    spec.loader.exec_module(mod)
    return mod


def _extract(page: Path, gold: dict) -> list[dict]:
    argv = [str(ROOT / ".venv" / "bin" / "feedline"), "extract", str(page), "--format", "json"]
    if gold.get("capture_time"):
        argv += ["--now", gold["capture_time"]]
    if gold.get("tz"):
        argv += ["--tz", gold["tz"]]
    out = subprocess.run(argv, capture_output=True, text=True, timeout=300)
    if out.returncode != 0:
        print(f"sources_misses: {page.name}: exit {out.returncode}", file=sys.stderr)
        return []
    return json.loads(out.stdout)["entries"]


def _pairs(score: ModuleType, gold: dict, preds: list[dict]) -> list[dict]:
    """Gold entries and the predicted entries score.py matches them to."""
    preds = [p for p in preds if p.get("local_time")]
    norm = score.norm
    hay = [norm(f"{p.get('headline') or ''} {p.get('text') or ''}")[:700] for p in preds]
    hay_text = [norm(p.get("text") or "")[:700] for p in preds]
    used: set[int] = set()
    out = []
    for g in gold["entries"]:
        key = norm(g["first_words"])
        cands = [i for i in range(len(preds)) if i not in used and (key in hay[i] or key in hay_text[i])]
        same_time = [i for i in cands if preds[i].get("local_time") == g.get("time")]
        pick = (same_time or cands or [None])[0]
        if pick is None:
            continue
        used.add(pick)
        p = preds[pick]
        out.append({"first_words": g["first_words"], "gold": [s for s in g.get("sources") or [] if s],
                    "headline": p.get("headline"), "text": p.get("text") or ""})
    return out


def refresh(score: ModuleType, jobs: int, gold_dir: Path, pages_dir: Path, cache: Path) -> None:
    tasks = []
    for gpath in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gpath.read_text(encoding="utf-8"))
        page = pages_dir / gold["page"]
        for path in (page, page.with_suffix(".txt")):
            if path.exists() and (path == page or page.suffix != ".txt"):
                tasks.append((gpath.stem, gold, path))
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        outs = list(pool.map(lambda t: _extract(t[2], t[1]), tasks))
    rows = [{"id": gid, "page": path.name, "lang": gold.get("lang") or "?",
             "pairs": _pairs(score, gold, preds)} for (gid, gold, path), preds in zip(tasks, outs)]
    cache.parent.mkdir(exist_ok=True)
    cache.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--refresh", action="store_true", help="run the extractor again and cache its entries")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--only", default="", help="page ids, comma-separated")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every missed and extra name")
    ap.add_argument("--words", type=int, default=0, metavar="N",
                    help="with -v, print under each entry with a miss or an extra its first N characters")
    ap.add_argument("--by-cue", action="store_true",
                    help="count right and extra names by the form that found them")
    ap.add_argument("--gold", type=Path, default=CORPUS / "gold", help="a folder of gold files (default: the corpus's)")
    ap.add_argument("--pages", type=Path, default=CORPUS / "pages", help="the folder of the pages they name")
    ap.add_argument("--pool", action="store_true",
                    help=f"the pool pages with gold: --gold {POOL_GOLD.relative_to(ROOT)} --pages {POOL_PAGES.relative_to(ROOT)}")
    a = ap.parse_args(argv)
    if a.pool:
        a.gold, a.pages = POOL_GOLD, POOL_PAGES
    gold_dir, pages_dir = a.gold.resolve(), a.pages.resolve()
    if not (CORPUS / "score.py").exists():
        print(f"sources_misses: {CORPUS} not found: skipped")
        return 0
    if not pages_dir.is_dir():
        print(f"sources_misses: no pages at {pages_dir} (for the pool set, run make eval-pool once first)")
        return 1
    score = scorer()
    cache = cache_path(gold_dir)
    if a.refresh or not cache.exists():
        refresh(score, a.jobs, gold_dir, pages_dir, cache)
    sys.path.insert(0, str(ROOT))
    from feedline.sources import find_sources

    only = {s for s in a.only.split(",") if s}
    match = score.sources_match
    by_page: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    by_lang: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    total = [0, 0, 0, 0]  # gold, predicted, gold found, predicted right
    by_cue: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # right, extra
    for page in json.loads(cache.read_text(encoding="utf-8")):
        if only and page["id"] not in only:
            continue
        for pair in page["pairs"]:
            found = find_sources(pair["headline"], pair["text"], None)
            got = [s.name for s in found]
            gold = pair["gold"]
            for src in found:
                by_cue[_cue_form(src.cue)][0 if any(match(src.name, g) for g in gold) else 1] += 1
            hit, right = name_hits(gold, got, match)
            row = (len(gold), len(got), len(hit), len(right))
            for acc in (by_page[page["page"]], by_lang[page["lang"]], total):
                for k, v in enumerate(row):
                    acc[k] += v
            if a.verbose:
                wrong = [("-", g) for g in gold if g not in hit] + [("+", p) for p in got if p not in right]
                for sign, name in wrong:
                    print(f"{sign} {page['page']:28} {name!r:50} | {pair['first_words'][:50]!r}")
                if wrong and a.words:
                    entry = f"{pair['headline']}\n{pair['text']}" if pair["headline"] else pair["text"]
                    print(f"    {' '.join(entry.split())[:a.words]!r}")

    def f1(acc: list[int]) -> str:
        p = acc[3] / acc[1] if acc[1] else 0.0
        r = acc[2] / acc[0] if acc[0] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return (f"gold {acc[0]:4d} pred {acc[1]:4d} missed {acc[0] - acc[2]:4d} "
                f"extra {acc[1] - acc[3]:4d} | P {p:.3f} R {r:.3f} F1 {f:.3f}")

    for title, table in (("page", by_page), ("language", by_lang)):
        print(f"by {title}:")
        for key, acc in sorted(table.items(), key=lambda kv: -(kv[1][0] - kv[1][2] + kv[1][1] - kv[1][3])):
            if acc[0] or acc[1]:
                print(f"  {key:28} {f1(acc)}")
    if a.by_cue:
        print("by form (right, extra):")
        for form, (right, extra) in sorted(by_cue.items(), key=lambda kv: -sum(kv[1])):
            print(f"  {form:40} {right:5d} {extra:5d}")
    print(f"TOTAL {f1(total)}")
    return 0


def name_hits(gold: list[str], got: list[str], match: Any) -> tuple[list[str], list[str]]:
    """The gold names found and the found names that are right, by the scorer's `match`."""
    return [g for g in gold if any(match(p, g) for p in got)], [p for p in got if any(match(p, g) for g in gold)]


def _cue_form(cue: str) -> str:
    """The form a source's cue stands for: a headline form by its mark, a wire tag, or the
    cue word itself (casefolded)."""
    if cue.startswith("…:"):
        return "headline closing speaker (…: X)"
    if cue.startswith("- "):
        return "headline suffix (… - X)"
    if cue in (":", "—"):
        return f"headline speaker (X{cue} …)"
    if cue.startswith("(") or cue.endswith(")"):
        return "wire tag / post signature"
    return cue.casefold()


if __name__ == "__main__":
    sys.exit(main())
