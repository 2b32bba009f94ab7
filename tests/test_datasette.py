"""The store as Datasette and sqlite-utils see it: the full-text index they detect, the
migration that declares it so for older stores, and `feedline datasette-metadata`.

Datasette is run in-process with its own test client (no network); sqlite-utils both as a
library and as the command users type.
"""
from __future__ import annotations

import asyncio
import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import feedline.store as store_module
from feedline.cli import app
from feedline.store import Query, Store

SEED = Path(__file__).resolve().parents[1] / "samples" / "kyiv-independent-2023-10-03.txt"
runner = CliRunner()
WORD = "Bloomberg"  # in one of the seed's six entries


def ingest(db: Path) -> None:
    done = runner.invoke(app, ["ingest", "--db", str(db), str(SEED), "--now", "2023-10-03T18:05", "--quiet"])
    assert done.exit_code == 0, done.output


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "feed.db"
    ingest(path)
    return path


def matching(db: Path, word: str) -> set[int]:
    """Ids of the entries whose headline or text holds `word`, read without the index."""
    with sqlite3.connect(db) as conn:
        return {row[0] for row in conn.execute(
            "SELECT id FROM entries WHERE instr(lower(coalesce(headline, '') || ' ' || text), lower(?))", (word,))}


def test_sqlite_utils_detects_the_index_and_searches_only_matching_rows(db: Path) -> None:
    sqlite_utils = pytest.importorskip("sqlite_utils")
    table = sqlite_utils.Database(db)["entries"]
    assert table.detect_fts() == "entries_fts"
    found = {row["id"] for row in table.search(WORD)}
    assert found == matching(db, WORD) and 0 < len(found) < table.count


def test_the_sqlite_utils_command_searches(db: Path) -> None:
    pytest.importorskip("sqlite_utils")
    command = shutil.which("sqlite-utils", path=str(Path(sys.executable).parent)) or shutil.which("sqlite-utils")
    if command is None:
        pytest.skip("the sqlite-utils command is not installed")
    done = subprocess.run([command, "search", str(db), "entries", WORD], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)
    assert {row["id"] for row in rows} == matching(db, WORD)


def datasette_get(db: Path, path: str, metadata: dict | None = None):
    datasette = pytest.importorskip("datasette.app")
    instance = datasette.Datasette([str(db)], metadata=metadata)

    async def get():
        return await instance.client.get(path)

    return asyncio.run(get())


def test_datasette_filters_with_search_and_shows_the_search_box(db: Path) -> None:
    everything = datasette_get(db, "/feed/entries.json?_shape=array&_size=max").json()
    found = datasette_get(db, f"/feed/entries.json?_search={WORD}&_shape=array").json()
    assert {row["id"] for row in found} == matching(db, WORD)
    assert len(found) < len(everything) == 6
    page = datasette_get(db, "/feed/entries").text
    assert 'name="_search"' in page


def test_datasette_serves_the_metadata(db: Path) -> None:
    done = runner.invoke(app, ["datasette-metadata", "--db", str(db)])
    assert done.exit_code == 0, done.output
    metadata = json.loads(done.stdout)
    tables = metadata["databases"]["feed"]["tables"]
    assert tables["entries"]["fts_table"] == "entries_fts"
    assert {"feed", "local_date"} <= set(tables["entries"]["facets"])
    assert "canonical" in tables["entry_sources"]["facets"]
    for name, table in tables.items():
        if not table.get("hidden"):
            assert table["description"] and table["columns"], name
    page = datasette_get(db, "/feed/entries", metadata).text
    assert tables["entries"]["description"].split(":")[0] in page  # the table's description
    assert tables["entries"]["columns"]["date_basis"].split(":")[0] in page  # a column's
    faceted = datasette_get(db, "/feed/entries.json?_extra=facet_results", metadata).json()
    facets = faceted["facet_results"]
    facets = facets.get("results", facets)  # Datasette 1.0 nests them under "results"
    assert {"feed", "local_date"} <= set(facets)
    found = datasette_get(db, f"/feed/entries.json?_search={WORD}&_shape=array", metadata).json()
    assert {row["id"] for row in found} == matching(db, WORD)


def test_metadata_errors(tmp_path: Path) -> None:
    missing = runner.invoke(app, ["datasette-metadata", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == 3 and missing.stderr.startswith("feedline: error: no such database")
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    refused = runner.invoke(app, ["datasette-metadata", "--db", str(other)])
    assert refused.exit_code == 1 and "not a feedline store" in refused.stderr


def test_a_version_3_store_is_migrated_and_searched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A store written by the code of schema 3 (its migrations only), with entries, gets the
    index Datasette detects, rebuilt: searches find the old entries and the new ones."""
    sqlite_utils = pytest.importorskip("sqlite_utils")
    db = tmp_path / "feed.db"
    with monkeypatch.context() as patched:
        patched.setattr(store_module, "SCHEMA_VERSION", 3)
        ingest(db)
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 3
        [sql] = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'entries_fts'").fetchone()
        assert "content='entries'" in sql
    assert sqlite_utils.Database(db)["entries"].detect_fts() is None  # the issue: not detected
    metadata = json.loads(runner.invoke(app, ["datasette-metadata", "--db", str(db)]).stdout)
    assert len(datasette_get(db, f"/feed/entries.json?_search={WORD}&_shape=array").json()) == 6  # unfiltered
    named = datasette_get(db, f"/feed/entries.json?_search={WORD}&_shape=array", metadata).json()
    assert {row["id"] for row in named} == matching(db, WORD)  # the metadata names the index
    with Store.open(db) as opened:  # migrates
        assert opened.conn.execute("PRAGMA user_version").fetchone()[0] == store_module.SCHEMA_VERSION == 4
        found = opened.entries(Query(search=WORD))
        assert found and len(found) < len(opened.entries())
        assert opened.conn.execute("SELECT count(*) FROM fetches").fetchone()[0] == 0
    table = sqlite_utils.Database(db)["entries"]
    assert table.detect_fts() == "entries_fts"
    assert {row["id"] for row in table.search(WORD)} == matching(db, WORD)
    with sqlite3.connect(db) as conn:  # the triggers follow edits after the migration
        conn.execute("UPDATE entries SET text = 'Kestrels nest on the harbour crane.' WHERE id = 1")
    assert [row["id"] for row in sqlite_utils.Database(db)["entries"].search("kestrels")] == [1]
    assert {row["id"] for row in sqlite_utils.Database(db)["entries"].search(WORD)} == matching(db, WORD)
