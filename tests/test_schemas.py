"""Every JSON document feedline writes validates against its schema in docs/:

| output | schema |
|---|---|
| `extract --format json`, one page | timeline.schema.json |
| `extract --format json`, several pages | timelines.schema.json |
| `extract --format json --merge` | merged.schema.json |
| `extract --format jsonl` (one line) | timeline.schema.json `$defs/jsonlEntry` |
| `export --format json` / one `jsonl` line | export.schema.json / its `$defs/entry` |
| `feeds --format json` / one `jsonl` line | feeds.schema.json / its `$defs/feed` |

The schemas refer to one another by file name (`timeline.schema.json#/$defs/entry`), as a
validator resolves them from the docs folder or a published copy.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from referencing import Registry, Resource
from typer.testing import CliRunner

from feedline import cli

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
SEED = ROOT / "samples" / "kyiv-independent-2023-10-03.txt"
SCHEMAS = {path.name: json.loads(path.read_text(encoding="utf-8")) for path in sorted(DOCS.glob("*.schema.json"))}
REGISTRY = Registry().with_resources((name, Resource.from_contents(schema)) for name, schema in SCHEMAS.items())
runner = CliRunner()


def validator(name: str, pointer: str = "") -> jsonschema.Draft202012Validator:
    schema: dict[str, Any] = {"$ref": f"{name}#{pointer}"} if pointer else SCHEMAS[name]
    if pointer:
        schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
    return jsonschema.Draft202012Validator(schema, registry=REGISTRY)


def errors(name: str, document: Any, pointer: str = "") -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator(name, pointer).iter_errors(document)]


def invoke(*args: str) -> str:
    result = runner.invoke(cli.app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_each_schema_is_a_valid_2020_12_schema(name: str) -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMAS[name])


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("pages")
    for name in ("alpha-2023-10-03T1630.txt", "beta-2023-10-03T1700.txt"):
        shutil.copy(SEED, folder / name)
    return folder


@pytest.mark.parametrize("args", [[], ["--now", "2023-10-03T16:30", "--tz", "Europe/Kyiv"], ["--explain"]])
def test_one_page(args: list[str]) -> None:
    document = json.loads(invoke("extract", str(SEED), "-f", "json", *args))
    assert errors("timeline.schema.json", document) == []
    assert len(document["entries"]) == 6


def test_a_markdown_page(tmp_path: Path) -> None:
    page = tmp_path / "live.md"
    page.write_text("# Live\n\n[a](https://a.example/) [b](/b) [c](#c)\n\n"
                    "**17:42** The council approved the plan.\n\n**17:10** Debate resumed.\n", encoding="utf-8")
    document = json.loads(invoke("extract", str(page), "-f", "json"))
    assert document["page"]["kind"] == "markdown" and len(document["entries"]) == 2
    assert errors("timeline.schema.json", document) == []


def test_several_pages(pages: Path) -> None:
    document = json.loads(invoke("extract", str(pages), "-f", "json", "-q"))
    assert isinstance(document, list) and len(document) == 2
    assert errors("timelines.schema.json", document) == []
    assert errors("timelines.schema.json", []) == []


def test_several_pages_merged(pages: Path) -> None:
    document = json.loads(invoke("extract", str(pages), "-f", "json", "--merge", "-q", "--tz", "Europe/Kyiv"))
    assert errors("merged.schema.json", document) == []
    assert len(document["entries"]) == 12 and len(document["pages"]) == 2


def test_jsonl_lines(pages: Path) -> None:
    lines = invoke("extract", str(pages), "-f", "jsonl", "-q").splitlines()
    assert len(lines) == 12
    for line in lines:
        assert errors("timeline.schema.json", json.loads(line), "/$defs/jsonlEntry") == []


@pytest.fixture(scope="module")
def store(pages: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("store") / "feed.db"
    invoke("ingest", "--db", str(db), str(pages), "--tz", "Europe/Kyiv", "--quiet")
    return db


def test_export(store: Path) -> None:
    document = json.loads(invoke("export", "--db", str(store)))
    assert errors("export.schema.json", document) == []
    assert {entry["feed"] for entry in document["entries"]} == {"alpha", "beta"}
    filtered = json.loads(invoke("export", "--db", str(store), "--feed", "alpha", "--since", "2023-10-03"))
    assert errors("export.schema.json", filtered) == [] and filtered["query"]["feed"] == "alpha"
    for line in invoke("export", "--db", str(store), "-f", "jsonl").splitlines():
        assert errors("export.schema.json", json.loads(line), "/$defs/entry") == []


def test_feeds(store: Path) -> None:
    document = json.loads(invoke("feeds", "--db", str(store), "-f", "json"))
    assert errors("feeds.schema.json", document) == [] and len(document["feeds"]) == 2
    for line in invoke("feeds", "--db", str(store), "-f", "jsonl").splitlines():
        assert errors("feeds.schema.json", json.loads(line), "/$defs/feed") == []


def test_the_schemas_reject_what_feedline_does_not_write(store: Path, pages: Path) -> None:
    one = json.loads(invoke("extract", str(SEED), "-f", "json"))
    merged = json.loads(invoke("extract", str(pages), "-f", "json", "--merge", "-q"))
    exported = json.loads(invoke("export", "--db", str(store)))
    del one["entries"][0]["region"]
    merged["entries"][0].pop("page")
    exported["entries"][0]["feed_key"] = "old name"
    assert errors("timeline.schema.json", one)
    assert errors("timelines.schema.json", [one])
    assert errors("merged.schema.json", merged)
    assert errors("export.schema.json", exported)
    assert errors("feeds.schema.json", {"feeds": [{"feed": "x", "pages": -1, "entries": 0,
                                                   "first_capture": None, "last_capture": None}]})
    # the single-page schema does not take the other documents, nor they one another
    assert errors("timeline.schema.json", merged) and errors("merged.schema.json", exported)
