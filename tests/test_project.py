"""Project-level checks: the import direction of the pipeline, the public surface, start-up cost.

The pipeline runs one way (see ../shared/DESIGN.md, section 2):

    model / errors -> lexicon -> patterns -> read -> tokens -> entries -> dates
        -> sources -> pipeline -> render (store) -> cli

A module may import the model, the errors, the patterns, the lexicon's per-language words and the stages
before its own, never a later one; the output layer (render / store) imports no
extraction stage; nothing imports the CLI (except `python -m feedline`'s `__main__`).
"""
from __future__ import annotations

import ast
import json
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PKG = ROOT / "feedline"

# Rank of each top-level part of the package: a module may import a part of lower rank.
# A new module must be placed here; the test below says so when one is missing.
RANK: dict[str, float] = {
    "model": 0,
    "daywords_data": 0,  # generated day words (benchmarks/gen_daywords.py), data for lexicon
    "errors": 0,
    "patcache": 0.5,  # compiled `regex` patterns kept on disk between processes
    "lexicon": 1,
    "scripts": 1,  # a page's language from its script, for text that declares none
    "sniff": 1,  # a path or stdin: one page or a web archive (read before anything else is imported)
    "patterns": 2,
    "lines": 2.5,  # the page's visual lines: inline runs of stamped items split
    "scan": 2.6,  # scan first: the lines that may hold given words, from one pass over the whole text
    "htmltree": 2.7,  # the page parsed once, with a nesting-depth guard before the parser
    "markdown_page": 2.8,  # Markdown pages recognised and rendered to HTML for the reader
    "blobs": 2.9,  # items' times in the page's embedded script JSON
    "markup": 3,  # time claims of the HTML, read beside the visible text
    "css": 3.5,  # the page's own style sheets and style attributes, read statically
    "read": 4,
    "tokens": 5,
    "items": 5.5,  # feed items as the HTML's boxes bound them
    "lookalikes": 5.7,  # stamps that time no item: schedules, players, logs, a lone stamp in the byline
    "entries": 6,
    "claims": 7,  # markup claims checked against the visible stamps
    "days": 7,  # one least-cost choice of day per entry over a feed
    "zone": 7,  # the page's UTC offset from its clues, when only the capture instant is known
    "dates": 8,
    "sources": 9,
    "nonentries": 9.5,  # why time-like lines are no entry (--explain)
    "memo": 9.7,  # exact memoisation of the stages before dating, across successive snapshots
    "pipeline": 10,
    "inputs": 11,  # many pages: paths, directories, manifests, web archives
    "render": 11,
    "store_schema": 10.2,  # the store's SQLite schema and migrations, as SQL text
    "store_identity": 10.2,  # when two sightings are one entry: text identity, matching, stable-id hash
    "store_dates": 10.2,  # date readings: the best-supported date, the capture window
    "feedmerge": 10.5,  # one feed's state and the per-feed rules as pure Python (ingest and distributed)
    "store": 11,  # the store's database: connections, transactions, feed states loaded and written, queries
    "ingest": 12,  # pages into the store: collecting them, capture times, the clock rule, extraction
    "parquet": 11.5,  # the Parquet datasets' schemas and rows (timelines and stored entries)
    "fetch": 11,  # one HTTP(S) fetch: limits, charset, Date, conditional requests (httpx)
    "feeds": 11.5,  # the store's feeds summarised (counts, first and last capture), for `feeds` and `view`
    "cli_support": 12,  # option parsing and output shared by the commands
    "store_fetch": 12.5,  # fetched URLs into the store: validators kept, 304s counted
    "datasette_meta": 12.5,  # Datasette metadata for a store (the datasette-metadata command)
    "store_cli": 13,
    "distributed": 13.5,  # Dask / Spark: per-partition work reusing ingest's extraction and feedmerge
    "watch": 13.5,  # the polling loop: schedule, jitter, backoff, signals
    "cli_one": 13,  # one page through `extract`: options settled, pipeline run, output written (no typer)
    "cli": 14,
    "launch": 15,  # the console script: a one-page `extract` without typer, else the typer app
}
# Rank of each module of the `sources` package (see docs/sources.md): a module may import
# a sibling of lower rank; the package's `__init__` re-exports `find_sources`.
SOURCES_RANK: dict[str, int] = {
    "words": 0,  # per-language word lists, as data
    "atoms": 1,  # regexes and small string tests
    "masking": 2,  # credits and bylines blanked
    "cuewords": 2,  # the cue tables compiled
    "tokens": 3,  # chunks, tokens, the entry being read
    "names": 4,  # canonical names, outlets
    "phrases": 4,  # noun phrases
    "unspaced": 4,  # cues of scripts without spaces (Japanese)
    "headlines": 5,  # headline forms
    "cues": 5,  # cues in running text
    "find": 6,  # find_sources
}
FOUNDATION = {"model", "errors"}  # may import each other
EXTRACTION = {"htmltree", "markdown_page", "markup", "css", "read", "lines", "tokens", "items", "entries", "claims", "days", "zone", "dates", "sources",
              "nonentries", "memo", "pipeline"}
OUTPUT = {"render", "store"}
# Names of the package root that any module may take from it (metadata, not behaviour).
ROOT_METADATA = {"__version__"}

EXPECTED_ALL = [
    "extract",
    "read_page",
    "Timeline",
    "Entry",
    "NotEntry",
    "Stamp",
    "Source",
    "DateFix",
    "Page",
    "Role",
    "StampKind",
    "DateBasis",
    "DateStatus",
    "PageKind",
    "FeedlineError",
    "InputError",
    "UsageError",
    "OutputError",
    "FORMAT_VERSION",
    "__version__",
]

HEAVY = ("dateparser", "selectolax", "rich", "httpx")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> list[Path]:
    return sorted(p for p in PKG.rglob("*.py") if "__pycache__" not in p.parts)


def _is_module(dotted: str) -> bool:
    base = ROOT.joinpath(*dotted.split("."))
    return base.with_suffix(".py").is_file() or (base / "__init__.py").is_file() or base.is_dir()


def _imports(path: Path) -> list[tuple[int, str, str | None]]:
    """(line, imported module, name taken from it) for every feedline import in the file."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: list[tuple[int, str, str | None]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name, None) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1])
                module = f"{base}.{node.module}" if node.module else base
            else:
                module = node.module or ""
            for alias in node.names:
                # `from feedline import dates` imports a module; `from feedline import extract` a name
                if _is_module(f"{module}.{alias.name}") or (module == "feedline" and alias.name in RANK):
                    found.append((node.lineno, f"{module}.{alias.name}", None))
                else:
                    found.append((node.lineno, module, alias.name))
    return [f for f in found if f[1] == "feedline" or f[1].startswith("feedline.")]


def _part(dotted: str) -> str | None:
    """The top-level part of the package a dotted name belongs to ("feedline.render.x" -> "render")."""
    parts = dotted.split(".")
    return parts[1] if len(parts) > 1 else None


MODULES = _modules()


def test_every_module_has_a_place_in_the_pipeline() -> None:
    special = {"feedline", "feedline.__main__"}
    unplaced = [
        _module_name(p)
        for p in MODULES
        if _module_name(p) not in special and _part(_module_name(p)) not in RANK
    ]
    assert not unplaced, f"modules missing from RANK in {Path(__file__).name}: {unplaced}"


@pytest.mark.parametrize("path", MODULES, ids=[_module_name(p) for p in MODULES])
def test_imports_follow_the_pipeline(path: Path) -> None:
    me = _module_name(path)
    mine = _part(me)
    bad: list[str] = []
    for line, target, taken in _imports(path):
        theirs = _part(target)
        where = f"{path.relative_to(ROOT)}:{line} imports {target}" + (f".{taken}" if taken else "")
        if theirs == "cli":
            if me != "feedline.launch":  # the console script falls back to the typer app
                bad.append(f"{where}: nothing imports the CLI")
            continue
        if me in {"feedline", "feedline.__main__"}:
            continue  # the package root re-exports; __main__ starts the CLI
        if theirs is None:  # the package root
            if taken not in ROOT_METADATA and mine != "cli":
                bad.append(f"{where}: import from the module that defines it, not the package root")
            continue
        if mine in OUTPUT and theirs in EXTRACTION:
            bad.append(f"{where}: output code must not import extraction stages")
            continue
        if theirs == mine or (mine in FOUNDATION and theirs in FOUNDATION):
            continue
        if theirs not in RANK or mine not in RANK:
            continue  # reported by test_every_module_has_a_place_in_the_pipeline
        if RANK[theirs] >= RANK[mine]:
            bad.append(f"{where}: '{mine}' comes before '{theirs}' in the pipeline")
    assert not bad, "\n".join(bad)


SOURCES_MODULES = [p for p in MODULES if _module_name(p).startswith("feedline.sources.")]


def test_every_sources_module_has_a_rank() -> None:
    unplaced = [_module_name(p) for p in SOURCES_MODULES if p.stem not in SOURCES_RANK]
    assert not unplaced, f"modules missing from SOURCES_RANK in {Path(__file__).name}: {unplaced}"


@pytest.mark.parametrize("path", SOURCES_MODULES, ids=[_module_name(p) for p in SOURCES_MODULES])
def test_sources_modules_import_lower_ranks(path: Path) -> None:
    mine = SOURCES_RANK.get(path.stem)
    bad: list[str] = []
    for line, target, taken in _imports(path):
        parts = target.split(".")
        if parts[:2] != ["feedline", "sources"]:
            continue
        theirs = SOURCES_RANK.get(parts[2]) if len(parts) > 2 else None
        where = f"{path.relative_to(ROOT)}:{line} imports {target}" + (f".{taken}" if taken else "")
        if theirs is None:
            bad.append(f"{where}: import from the module that defines it, not the package")
        elif mine is not None and theirs >= mine:
            bad.append(f"{where}: '{path.stem}' does not come after '{parts[2]}'")
    assert not bad, "\n".join(bad)


def _package_root() -> object:
    if not (PKG / "__init__.py").is_file():
        pytest.skip("feedline/__init__.py does not exist yet")
    import feedline

    return feedline


def test_public_surface_is_the_curated_list() -> None:
    feedline = _package_root()
    exported = list(feedline.__all__)  # type: ignore[attr-defined]
    assert len(exported) == len(set(exported)), "duplicates in feedline.__all__"
    extra, missing = sorted(set(exported) - set(EXPECTED_ALL)), sorted(set(EXPECTED_ALL) - set(exported))
    assert not extra and not missing, f"feedline.__all__: not curated {extra}, missing {missing}"
    missing = [name for name in EXPECTED_ALL if not hasattr(feedline, name)]
    assert not missing, f"in __all__ but not defined: {missing}"


def test_version_matches_pyproject() -> None:
    feedline = _package_root()
    with (ROOT / "pyproject.toml").open("rb") as f:
        version = tomllib.load(f)["project"]["version"]
    assert feedline.__version__ == version  # type: ignore[attr-defined]


def test_cli_import_stays_light() -> None:
    """`import feedline.cli` (every cron start) loads no parser, HTML or terminal library."""
    if not (PKG / "cli.py").is_file():
        pytest.skip("feedline/cli.py does not exist yet")
    code = (
        "import json, sys; import feedline.cli; "
        f"print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in {HEAVY!r})))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []
