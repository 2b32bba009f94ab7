"""Sources on pages no rule was written for: a hand-labelled sample of pool entries (issue 8).

The dev corpus's source F1 describes the pages the rules were written from. This audit
measures the pass on entries of ../shared/pool instead, against names labelled by hand
(following the corpus README's "Rules for sources") in `benchmarks/audit_sources.json`.

Three steps:

1. ``--refresh``: extract every pool page in blind mode (in process, ``--jobs`` workers,
   ``--timeout`` seconds a page) and keep each entry's page id, language, stamp, headline and
   text in ``.bench/pool-entries.json`` (outside git: the pool's text stays in ../shared).
2. ``--sample``: draw the seeded sample (``--seed``, at most ``--per-lang`` entries a
   language) among entries whose headline or text holds a cue word (the lexicon's verbs,
   prepositions and citing words of every language, plus `EXTRA_CUES` for languages the
   lexicon has none for yet), and print each one with the sources feedline finds now, for
   labelling. Entries already labelled are marked.
3. Every run (default): score `find_sources` on each labelled entry against its labels with
   score.py's own name matching: P, R, F1 in total and per language; ``-v`` lists every
   missed (``-``) and extra (``+``) name.

An entry is found again by its key: page id, stamp as printed and the first eight words of
its headline and text (no more of the page is kept in the project).

    python benchmarks/audit_sources.py --refresh          # a few minutes on 2 cores
    python benchmarks/audit_sources.py --sample --lang de
    python benchmarks/audit_sources.py -v
"""
from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import signal
import sys
import unicodedata
from collections import defaultdict
from multiprocessing import Pool
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
POOL = SHARED / "pool"
CACHE = ROOT / ".bench" / "pool-entries.json"
LABELS = Path(__file__).resolve().parent / "audit_sources.json"
MAX_SHOWN = 1500  # longer entries are left out of the sample: a person reads each one whole

#: Cue words for sampling in languages the lexicon has no cues for (sampling only).
EXTRA_CUES: dict[str, tuple[str, ...]] = {
    "nl": ("volgens", "zei", "zegt", "meldt", "meldde", "aldus", "liet weten", "verklaarde"),
    "ja": ("によると", "と述べ", "と発表", "と話し", "と明らかに"),
    "zh": ("表示", "据", "报道", "称"),
    "tr": ("göre", "açıkladı", "dedi"),
}

sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from sources_misses import name_hits, scorer  # noqa: E402  (the scorer and its name matching, shared)


class _Timeout(Exception):
    pass


def _alarm(signum: int, frame: Any) -> None:
    raise _Timeout


def _page_entries(task: tuple[str, str, float]) -> list[dict[str, Any]]:
    """The entries of one pool page (blind mode); none when it fails or runs out of time."""
    from feedline import extract, read_page

    path, lang_guess, timeout = task
    page_id = Path(path).name.removesuffix(".html.gz")
    signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        page = read_page(gzip.decompress(Path(path).read_bytes()), name=page_id)
        timeline = extract(page)
        lang = (page.lang or lang_guess or "?").split("-")[0].casefold()
        return [{"page": page_id, "lang": lang, "stamp": e.stamp.text, "headline": e.headline,
                 "text": e.text} for e in timeline.entries]
    except Exception:  # a failed page gives no entries; the survey reports failures
        return []
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


def refresh(jobs: int, timeout: float) -> None:
    sites = {}
    for line in (POOL / "SITES.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        cols = line.split("\t")
        sites[cols[0]] = cols[2].rstrip("?") if len(cols) > 2 else ""
    tasks = [(str(POOL / name), guess, timeout) for name, guess in sorted(sites.items())]
    with Pool(jobs) as pool:
        rows = [e for page in pool.imap(_page_entries, tasks, chunksize=4) for e in page]
    CACHE.parent.mkdir(exist_ok=True)
    CACHE.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    print(f"audit_sources: {len(rows)} entries from {len(tasks)} pages -> {CACHE}")


def key(entry: dict[str, Any]) -> str:
    """Page id, stamp and the first eight words of headline and text: enough to find it again."""
    words = f"{entry.get('headline') or ''} {entry['text']}".split()[:8]
    return f"{entry['page']} | {entry['stamp']} | {' '.join(words)}"


def _cue_regex() -> re.Pattern[str]:
    from feedline.sources import words

    forms: set[str] = set()
    for table in (words.VERBS, words.PREPOSITIONS, words.CITING, EXTRA_CUES):
        for items in table.values():
            forms.update(f for f in items if f.strip())
    spaced = sorted((f for f in forms if f.isascii() or " " in f or not _unspaced(f)), key=len,
                    reverse=True)
    unspaced = sorted((f for f in forms if f not in spaced), key=len, reverse=True)
    parts = [r"(?<!\w)(?:" + "|".join(map(re.escape, spaced)) + r")(?!\w)"]
    if unspaced:
        parts.append("|".join(map(re.escape, unspaced)))
    return re.compile("|".join(parts), re.IGNORECASE)


def _unspaced(form: str) -> bool:
    return all(unicodedata.name(c, "").startswith(("CJK", "HIRAGANA", "KATAKANA")) for c in form)


def sample(entries: list[dict[str, Any]], seed: int, per_lang: int) -> list[dict[str, Any]]:
    """Seeded draw among cue-bearing entries, at most `per_lang` per language, one key each."""
    cue = _cue_regex()
    seen: set[str] = set()
    by_lang: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for e in entries:
        body = f"{e.get('headline') or ''}\n{e['text']}"
        k = key(e)
        if k in seen or len(body) > MAX_SHOWN or not cue.search(body):
            continue
        seen.add(k)
        by_lang[e["lang"]].append(e)
    rng = random.Random(seed)
    out = []
    for lang in sorted(by_lang):
        pool = by_lang[lang]
        out += rng.sample(pool, min(per_lang, len(pool)))
    return out


def _safe(text: str) -> str:
    """Scraped text for a terminal: control characters (escapes included) removed."""
    return "".join(c if c == "\n" or unicodedata.category(c)[0] != "C" else " " for c in text)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--refresh", action="store_true", help="extract the pool again")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=30.0)
    ap.add_argument("--sample", action="store_true", help="print the sample for labelling")
    ap.add_argument("--seed", type=int, default=8)
    ap.add_argument("--per-lang", type=int, default=25)
    ap.add_argument("--lang", default="", help="languages to print, comma-separated")
    ap.add_argument("--unlabelled", action="store_true", help="print only entries not labelled yet")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every missed and extra name")
    a = ap.parse_args(argv)
    if not (POOL / "pages").is_dir():
        print(f"audit_sources: {POOL} not found: skipped")
        return 0
    if a.refresh or not CACHE.exists():
        refresh(a.jobs, a.timeout)
    from feedline.sources import find_sources

    entries = json.loads(CACHE.read_text(encoding="utf-8"))
    labels: dict[str, dict[str, Any]] = (json.loads(LABELS.read_text(encoding="utf-8"))
                                         if LABELS.exists() else {})
    langs = {s for s in a.lang.split(",") if s}
    if a.sample:
        for e in sample(entries, a.seed, a.per_lang):
            k = key(e)
            if (langs and e["lang"] not in langs) or (a.unlabelled and k in labels):
                continue
            got = [s.name for s in find_sources(e.get("headline"), e["text"], None)]
            mark = "LABELLED" if k in labels else "new"
            print(f"=== [{e['lang']}] {mark} {json.dumps(k, ensure_ascii=False)}")
            if e.get("headline"):
                print(f"H: {_safe(e['headline'])}")
            print(f"T: {_safe(e['text'])}")
            print(f"feedline: {json.dumps(got, ensure_ascii=False)}")
        return 0
    score = scorer()
    match = score.sources_match
    by_key = {key(e): e for e in entries}
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # gold, pred, found, right
    absent = 0
    for k, label in labels.items():
        e = by_key.get(k)
        if e is None:
            absent += 1
            continue
        got = [s.name for s in find_sources(e.get("headline"), e["text"], None)]
        gold = label["sources"]
        hit, right = name_hits(gold, got, match)
        for acc in (totals[label["lang"]], totals["TOTAL"]):
            for i, v in enumerate((len(gold), len(got), len(hit), len(right))):
                acc[i] += v
        if a.verbose:
            for g in gold:
                if g not in hit:
                    print(f"- [{label['lang']}] {g!r:45} | {k[:90]}")
            for p in got:
                if p not in right:
                    print(f"+ [{label['lang']}] {_safe(p)!r:45} | {k[:90]}")
    counts: dict[str, int] = defaultdict(int)
    for label in labels.values():
        counts[label["lang"]] += 1
        counts["TOTAL"] += 1
    for lang in sorted(totals, key=lambda g: (g == "TOTAL", g)):
        acc = totals[lang]
        p = acc[3] / acc[1] if acc[1] else 1.0
        r = acc[2] / acc[0] if acc[0] else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{lang:6} entries {counts[lang]:4d} gold {acc[0]:4d} pred {acc[1]:4d} "
              f"missed {acc[0] - acc[2]:4d} extra {acc[1] - acc[3]:4d} | P {p:.3f} R {r:.3f} F1 {f:.3f}")
    if absent:
        print(f"audit_sources: {absent} labelled entries not in the pool cache (refresh?)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
