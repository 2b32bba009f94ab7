"""The extractor on the evaluation corpus (../shared/corpus), scored by its own score.py.

Runs `score.py --cmd "<python> -m feedline" --mode capture --form html --json` and checks
floors a little below today's totals. Skipped when the corpus is absent (a fresh clone
without ../shared); deselect with `-m "not corpus"`.
"""
from __future__ import annotations

import json
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCORE = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "score.py"

# Today (capture, html): entry F1 0.949, date accuracy 0.979, time accuracy 0.941.
FLOORS = {"entry_f1": 0.90, "date_accuracy": 0.90, "time_accuracy": 0.90}

pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(not SCORE.is_file(), reason=f"corpus scorer not found: {SCORE}"),
]


def test_python_m_feedline_runs() -> None:
    """score.py calls the extractor as `python -m feedline extract PAGE --format json`."""
    seed = ROOT / "samples" / "kyiv-independent-2023-10-03.txt"
    result = subprocess.run([sys.executable, "-m", "feedline", "extract", str(seed), "--format", "json"],
                            capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)["entries"]) > 0


@pytest.fixture(scope="module")
def totals() -> dict:
    command = f"{shlex.quote(sys.executable)} -m feedline"
    result = subprocess.run(
        [sys.executable, str(SCORE), "--cmd", command, "--mode", "capture", "--form", "html", "--json"],
        capture_output=True, text=True, timeout=115, cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    report = json.loads(result.stdout)
    assert not report.get("errors"), report["errors"]
    return report["totals"]["capture"]


@pytest.mark.parametrize(("metric", "floor"), FLOORS.items(), ids=list(FLOORS))
def test_corpus_floor(totals: dict, metric: str, floor: float) -> None:
    assert totals["errors"] == 0
    assert totals["gold_entries"] > 0 and totals["predicted_entries"] > 0
    assert totals[metric] >= floor, f"{metric} {totals[metric]:.3f} < {floor} (totals: {totals})"
