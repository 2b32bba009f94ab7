"""The fuzzing loop: inputs in, findings recorded, minimised and counted; state kept for the next run.

Two engines feed the same harness (`Fuzzer.one`, raw bytes -> `case.decode` -> `oracle.Runner`):

- `atheris` (the extra `fuzz`): libFuzzer, coverage-guided over feedline's own modules, with the
  tokens of `dictionary` and a corpus kept in the state folder;
- `random`: a built-in generator (pages' windows of ../shared, dictionary tokens, random bytes
  and characters, byte mutations) that needs nothing installed: CI's short run.

State (`FUZZ_STATE`, default ~/.cache/feedline-fuzz): `stats.json` (inputs run, per session and
in all; each finding's signature and count), `findings/` (the first case of each finding),
`corpus/` (atheris), `scratch/` (the ingest target's store). A run goes on from there.
Each new finding is minimised (options first, then the page bytes, delta debugging) and written
to tests/fuzz_regressions/, which tests/test_fuzz.py replays.
"""
from __future__ import annotations

import hashlib
import json
import os
import random
import re
import signal
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

from fuzzing.case import HEADER, Case, decode
from fuzzing.dictionary import TOKENS, write_dict
from fuzzing.seeds import ROOT, Pages

REGRESSIONS = ROOT / "tests" / "fuzz_regressions"
LIMIT_SECONDS = 5.0  # CPU seconds a case may take, plus one per LIMIT_BYTES_PER_SECOND of page
LIMIT_BYTES_PER_SECOND = 20_000
MAX_BODY = 65_536  # bytes the random engine generates at most (a whole shared page may be more)
CHECKPOINT = 1000  # inputs between saves of stats.json (and at least every SAVE_SECONDS)
SAVE_SECONDS = 30.0
# Modules atheris instruments for coverage: imported inside its instrumentation block.
MODULES = ("feedline.pipeline", "feedline.read", "feedline.markup", "feedline.lines", "feedline.tokens",
           "feedline.items", "feedline.entries", "feedline.claims", "feedline.days", "feedline.zone",
           "feedline.dates", "feedline.sources", "feedline.inputs", "feedline.ingest", "feedline.feedmerge",
           "feedline.store_identity", "feedline.store_dates", "feedline.store", "feedline.store_cli",
           "feedline.cli_support", "feedline.cli_one", "feedline.cli", "feedline.sniff", "feedline.render",
           "feedline.render.json_format", "feedline.render.table", "feedline.render.csv_format",
           "feedline.render.markdown")


def state_dir() -> Path:
    return Path(os.environ.get("FUZZ_STATE") or Path.home() / ".cache" / "feedline-fuzz")


class State:
    """stats.json of a state folder: inputs run (all sessions), sessions, findings."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "findings").mkdir(exist_ok=True)
        self.path = folder / "stats.json"
        self.data: dict[str, Any] = {"inputs": 0, "seconds": 0.0, "sessions": [], "findings": {}}
        if self.path.exists():
            self.data.update(json.loads(self.path.read_text(encoding="utf-8")))

    def save(self) -> None:
        temporary = self.path.with_suffix(".tmp")
        temporary.write_text(json.dumps(self.data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        temporary.replace(self.path)


class Fuzzer:
    """Runs raw inputs through the harness, keeps count, records and minimises findings."""

    def __init__(self, state: State, *, engine: str, regressions: Path | None = REGRESSIONS,
                 pages: Pages | None = None, log=sys.stderr) -> None:
        from fuzzing.oracle import Runner  # after atheris's instrumentation, when there is one

        self.state, self.regressions, self.log = state, regressions, log
        self.pages = pages if pages is not None else Pages()
        self.runner = Runner(state.folder / "scratch")
        self.started = time.monotonic()
        self.session: dict[str, Any] = {"engine": engine, "started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                                        "inputs": 0, "seconds": 0.0, "findings": 0, "pages": len(self.pages),
                                        "commit": _commit()}
        state.data["sessions"].append(self.session)
        self._saved_inputs = state.data["inputs"]
        self._saved_seconds = state.data["seconds"]
        self.findings: list[str] = []
        self.stop_after: int | None = None  # inputs after which `one` saves and ends the process
        self._saved_at = time.monotonic()

    def one(self, raw: bytes) -> None:
        """Run one raw input (atheris's TestOneInput)."""
        case = decode(raw, self.pages)
        finding = self.judge(case)
        self.session["inputs"] += 1
        if finding is not None:
            self.record(case, finding)
        if self.session["inputs"] % CHECKPOINT == 0 or time.monotonic() - self._saved_at > SAVE_SECONDS:
            self.checkpoint()
        if self.stop_after is not None and self.session["inputs"] >= self.stop_after:
            self.close()  # atheris: libFuzzer's own exit would skip the last save
            os._exit(0)

    def judge(self, case: Case):
        """The case's `Finding`, or None."""
        from fuzzing.oracle import Finding, Hang

        limit = LIMIT_SECONDS + len(case.body) / LIMIT_BYTES_PER_SECOND
        previous = signal.signal(signal.SIGPROF, _raise_hang)
        try:
            try:
                signal.setitimer(signal.ITIMER_PROF, limit)
                self.runner.run(case)
            finally:
                signal.setitimer(signal.ITIMER_PROF, 0)
                signal.signal(signal.SIGPROF, previous)
        except Finding as finding:
            return finding
        except Hang:
            self.runner.close()  # the scratch store may be mid-transaction
            return Finding("hang", f"hang@{case.target}", f"over {limit:.0f} CPU seconds")
        return None

    def checkpoint(self) -> None:
        self._saved_at = time.monotonic()
        elapsed = self._saved_at - self.started
        self.session["seconds"] = round(elapsed, 1)
        self.state.data["inputs"] = self._saved_inputs + self.session["inputs"]
        self.state.data["seconds"] = round(self._saved_seconds + elapsed, 1)
        self.state.save()
        rate = self.session["inputs"] / elapsed if elapsed else 0.0
        print(f"fuzz: {self.session['inputs']:,} inputs this session ({rate:.0f}/s), "
              f"{self.state.data['inputs']:,} in all, {self.session['findings']} new finding(s) "
              f"[{len(self.state.data['findings'])} known]", file=self.log, flush=True)

    def record(self, case: Case, finding) -> None:
        known = self.state.data["findings"]
        entry = known.get(finding.signature)
        hits = self.session.setdefault("hits", {})
        hits[finding.signature] = hits.get(finding.signature, 0) + 1
        if entry is not None:
            entry["count"] += 1
            if hits[finding.signature] == 1:  # a known finding, first seen in this session
                print(f"fuzz: known {finding.kind} again: {finding.signature}", file=self.log, flush=True)
            return
        slug = _slug(finding.signature)
        known[finding.signature] = {"kind": finding.kind, "count": 1, "file": f"findings/{slug}.json",
                                    "first_seen_at_input": self._saved_inputs + self.session["inputs"]}
        self.session["findings"] += 1
        self.findings.append(finding.signature)
        (self.state.folder / "findings" / f"{slug}.json").write_text(
            _annotated(case, finding.signature, finding.detail), encoding="utf-8")
        print(f"fuzz: NEW {finding.kind}: {finding.signature}\n{finding.detail[-1500:]}", file=self.log, flush=True)
        if self.regressions is not None:
            small = self.minimise(case, finding.signature)
            self.regressions.mkdir(parents=True, exist_ok=True)
            path = self.regressions / f"{slug}.json"
            path.write_text(_annotated(small, finding.signature, finding.detail.splitlines()[-1] if finding.detail else ""),
                            encoding="utf-8")
            known[finding.signature]["regression"] = str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)
            print(f"fuzz: minimised to {len(small.body)} bytes: {path}", file=self.log, flush=True)
        self.state.save()

    def minimise(self, case: Case, signature: str, *, tries: int = 400, seconds: float = 120.0) -> Case:
        """A smaller case with the same finding: plain options, then fewer bytes (delta debugging)."""
        deadline = time.monotonic() + seconds
        budget = [tries]

        def same(candidate: Case) -> bool:
            if budget[0] <= 0 or time.monotonic() > deadline:
                return False
            budget[0] -= 1
            found = self.judge(candidate)
            return found is not None and found.signature == signature

        for field, plain in (("now", None), ("tz", None), ("lang", None), ("hidden", False), ("fmt", "json"),
                             ("name", "page.html"), ("target", "extract")):
            if getattr(case, field) != plain and same(replace(case, **{field: plain})):
                case = replace(case, **{field: plain})
        body, parts = case.body, 2
        while len(body) >= 2 and budget[0] > 0 and time.monotonic() < deadline:
            size = -(-len(body) // parts)
            for start in range(0, len(body), size):
                candidate = body[:start] + body[start + size:]
                if same(replace(case, body=candidate)):
                    body, parts = candidate, max(parts - 1, 2)
                    break
            else:
                if parts >= len(body):
                    break
                parts = min(parts * 2, len(body))
        return replace(case, body=body)

    def close(self) -> None:
        self.checkpoint()
        self.runner.close()


def _commit() -> str | None:
    """The repository's HEAD (the code a session ran), when git can tell."""
    import subprocess

    try:
        done = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "HEAD"], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip() or None


def _raise_hang(signum: int, frame: object) -> None:
    from fuzzing.oracle import Hang

    raise Hang()


def _slug(signature: str) -> str:
    readable = re.sub(r"[^A-Za-z0-9]+", "-", signature).strip("-")[:60]
    return f"{readable}-{hashlib.sha1(signature.encode()).hexdigest()[:8]}"


def _annotated(case: Case, signature: str, detail: str) -> str:
    data = json.loads(case.to_json())
    data = {"finding": signature, "detail": detail[-2000:], **data}
    return json.dumps(data, ensure_ascii=True, indent=1) + "\n"


# ── the random engine ─────────────────────────────────────────────────────────────────────


def generate(rng: random.Random, pages: int) -> bytes:
    """One raw input: a random header, and a body that is a shared page's window with pieces
    spliced in (about half, when there are pages), or pieces alone."""
    head = bytearray(rng.getrandbits(8) for _ in range(HEADER))
    if pages and rng.random() < 0.5:
        if rng.random() < 0.004:
            head[7] = 255  # a whole page, now and then
        else:
            head[7] = (rng.randrange(4, 7) + 8 * rng.randrange(31)) % 255
        index = rng.randrange(pages)
        body = bytes((index & 0xFF, index >> 8 & 0xFF, rng.getrandbits(8), rng.getrandbits(8)))
        body += _pieces(rng, rng.randrange(0, 8))
    else:
        head[7] = rng.randrange(4) + 8 * rng.randrange(32)
        body = _pieces(rng, rng.randrange(1, 60))
    if rng.random() < 0.3:
        body = _mutate(rng, body)
    return bytes(head) + body[:MAX_BODY]


def _pieces(rng: random.Random, count: int) -> bytes:
    out = bytearray()
    for _ in range(count):
        roll = rng.random()
        if roll < 0.05:
            out += _structured(rng).encode("utf-8", "surrogatepass")
        elif roll < 0.55:
            out += rng.choice(TOKENS)
        elif roll < 0.7:
            out += " ".join(rng.choice(_WORDS) for _ in range(rng.randrange(1, 12))).encode()
        elif roll < 0.8:
            out += b"\n" * rng.randrange(1, 4)
        elif roll < 0.9:
            out += "".join(chr(rng.choice(_RANGES)[0] + rng.randrange(0x80)) for _ in range(rng.randrange(1, 20))).encode(
                "utf-8", "surrogatepass")
        elif roll < 0.97:
            out += bytes(rng.getrandbits(8) for _ in range(rng.randrange(1, 32)))
        else:  # a repeated piece: depth, long runs
            out += rng.choice(TOKENS) * rng.randrange(2, 400)
    return bytes(out)


def _stamp(rng: random.Random) -> str:
    """A machine-readable date as markup holds them: ISO forms at the edges of the calendar,
    odd offsets and fractions, and things that only look like dates."""
    year = rng.choice((1, 99, 999, 1899, 1900, 1970, 2023, 2024, 2200, 9999, 10000, rng.randrange(0, 10000)))
    month, day = rng.randrange(0, 14), rng.randrange(0, 33)
    hour, minute, second = rng.randrange(0, 26), rng.randrange(0, 62), rng.randrange(0, 62)
    offset = rng.choice(("", "Z", "+00:00", "+14:00", "-12:00", "+99:99", "+23:59", "-00:00", "+0530", "+05",
                         "+05:30:30", " GMT", "+24:00", "UTC"))
    fraction = rng.choice(("", ".5", ".123456", ".1234567891", ","))
    return rng.choice((
        f"{year:04d}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}:{second:02d}{fraction}{offset}",
        f"{year:04d}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}{offset}",
        f"{year:04d}-{month:02d}-{day:02d}",
        f"{year}{month:02d}{day:02d}",
        f"{year:04d}-W{rng.randrange(0, 60):02d}-{rng.randrange(0, 9)}",
        f"{year:04d}-{rng.randrange(0, 400):03d}",
        f"-{year:04d}-01-01T00:00Z", f"+{year:06d}-01-01",
        str(rng.randrange(-10**12, 10**13)),
        f"{day} {rng.choice(('Oct', 'March', 'Mai'))} {year} {hour}:{minute:02d}",
        "", " ", "null", "T", "2023-10-03T",
    ))


def _structured(rng: random.Random) -> str:
    """A piece of structured markup with random values: JSON-LD updates, <time> elements,
    meta dates, styles."""
    kind = rng.randrange(4)
    if kind == 0:
        updates = ",".join(
            '{"@type":"BlogPosting","datePublished":%s,"dateModified":%s,"headline":%s,"articleBody":%s}' % (
                json.dumps(_stamp(rng)), json.dumps(_stamp(rng)),
                json.dumps(" ".join(rng.choice(_WORDS) for _ in range(rng.randrange(0, 6)))),
                json.dumps(rng.choice(("", "10:05 ", "\u202e")) + " ".join(rng.choice(_WORDS) for _ in range(8))))
            for _ in range(rng.randrange(0, 12)))
        top = rng.choice(("LiveBlogPosting", "NewsArticle", ["LiveBlogPosting", "Thing"], None))
        return ('<script type="application/ld+json">{"@context":"https://schema.org","@type":%s,'
                '"datePublished":%s,"liveBlogUpdate":[%s]}</script>' % (json.dumps(top), json.dumps(_stamp(rng)), updates))
    if kind == 1:
        return f'<li><time datetime="{_stamp(rng)}">{rng.randrange(0, 25)}:{rng.randrange(0, 60):02d}</time> ' \
               f'{" ".join(rng.choice(_WORDS) for _ in range(6))}</li>'
    if kind == 2:
        return f'<meta property="article:published_time" content="{_stamp(rng)}">'
    return (f'<style>.{rng.choice(_WORDS)}{{display:{rng.choice(("none", "block", "inline", "table-row"))};'
            f'text-transform:{rng.choice(("uppercase", "capitalize", "none"))}}}</style>'
            f'<div class="{rng.choice(_WORDS)}">{rng.randrange(0, 24)}:{rng.randrange(0, 60):02d} '
            f'{" ".join(rng.choice(_WORDS) for _ in range(5))}</div>')


def _mutate(rng: random.Random, body: bytes) -> bytes:
    data = bytearray(body)
    for _ in range(rng.randrange(1, 8)):
        if not data:
            data += rng.choice(TOKENS)
            continue
        at = rng.randrange(len(data))
        roll = rng.random()
        if roll < 0.3:
            data[at] = rng.getrandbits(8)
        elif roll < 0.5:
            del data[at:at + rng.randrange(1, 64)]
        elif roll < 0.8:
            data[at:at] = rng.choice(TOKENS)
        else:
            end = min(len(data), at + rng.randrange(1, 256))
            data[at:at] = data[at:end]  # duplicate a stretch
    return bytes(data)


_WORDS = ("the", "council", "said", "on", "Monday", "police", "minister", "Reuters", "updated", "at", "live",
          "Kyiv", "attack", "report", "officials", "told", "am", "pm", "ago", "minutes", "hours", "yesterday")
_RANGES = ((0x20,), (0x400,), (0x600,), (0x3040,), (0x4E00,), (0xAC00,), (0x2000,), (0x2060,), (0xFE00,),
           (0xD800,), (0x1F300,), (0xE0000,), (0x80,), (0x0,))


def run_random(fuzzer: Fuzzer, *, runs: int | None, seconds: float | None, seed: int) -> None:
    """Generated inputs; a quarter of them mutants of the atheris corpus, when the state has one
    (inputs that reached new code in a coverage-guided run)."""
    rng = random.Random(seed)
    corpus_dir = fuzzer.state.folder / "corpus"
    corpus = sorted(corpus_dir.iterdir()) if corpus_dir.is_dir() else []
    end = time.monotonic() + seconds if seconds else None
    done = 0
    while (runs is None or done < runs) and (end is None or time.monotonic() < end):
        if corpus and rng.random() < 0.25:
            raw = bytearray(rng.choice(corpus).read_bytes()[:MAX_BODY])
            if len(raw) >= HEADER and rng.random() < 0.5:
                raw[rng.randrange(HEADER)] = rng.getrandbits(8)
            raw = bytes(raw[:HEADER]) + _mutate(rng, bytes(raw[HEADER:]))
        else:
            raw = generate(rng, len(fuzzer.pages))
        fuzzer.one(raw)
        done += 1


# ── the atheris engine ────────────────────────────────────────────────────────────────────


def run_atheris(state: State, *, runs: int | None, seconds: float | None, seed: int,
                regressions: Path | None, max_len: int = 4096) -> None:
    import atheris

    with atheris.instrument_imports(include=["feedline"]):
        import importlib

        for module in MODULES:
            importlib.import_module(module)
    fuzzer = Fuzzer(state, engine="atheris", regressions=regressions)
    corpus = state.folder / "corpus"
    corpus.mkdir(exist_ok=True)
    if not any(corpus.iterdir()):  # first run: seeds from the random generator (shared pages' windows)
        rng = random.Random(seed)
        for number in range(300):
            (corpus / f"seed-{number:04d}").write_bytes(generate(rng, len(fuzzer.pages))[:max_len])
    dictionary = state.folder / "tokens.dict"
    write_dict(dictionary)
    argv = [sys.argv[0], str(corpus), f"-dict={dictionary}", f"-max_len={max_len}", f"-seed={seed}",
            "-rss_limit_mb=4096", "-print_final_stats=1", "-timeout=1200"]
    fuzzer.stop_after = runs  # libFuzzer's -runs would end the process before the last save
    if seconds is not None:
        argv.append(f"-max_total_time={int(seconds)}")  # saved at most SAVE_SECONDS before
    atheris.Setup(argv, fuzzer.one)
    atheris.Fuzz()
