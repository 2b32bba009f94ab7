"""Work counted, never timed: what a page costs in patterns compiled and lines looked at.

Speed work must not change output (benchmarks/identity_check.py guards that over the corpus
and the pool); these tests pin down the work that the speed comes from, so that a change
that quietly brings the cost back fails here.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _run(code: str) -> dict:
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_importing_the_pipeline_compiles_no_stamp_pattern() -> None:
    """The stamp, date and heading patterns are compiled when a page first needs them."""
    got = _run(
        "import json; import feedline.cli, feedline.pipeline; from feedline.patterns import LazyPattern; "
        "print(json.dumps({'compiled': LazyPattern.compiled_count}))"
    )
    assert got == {"compiled": 0}


def test_a_plain_page_compiles_no_east_asian_or_relative_pattern() -> None:
    """A page in a Latin script with clock stamps needs neither the patterns with the East
    Asian clocks and dates nor the relative-stamp grammar (the costliest to compile)."""
    got = _run(
        "import json; from feedline import extract, patterns as P; "
        "extract(b'Live updates\\n\\n10:15 Minister says talks will resume on Monday\\n"
        "09:40 Storm closes the coastal road for the night\\n08:05 Markets open lower after the vote\\n'); "
        "print(json.dumps({n: getattr(P, n).compiled for n in ('CLOCK_RE', 'DATETIME_RE', 'RELATIVE_RE', 'PLAIN_CLOCK_RE')}))"
    )
    assert got == {"CLOCK_RE": False, "DATETIME_RE": False, "RELATIVE_RE": False, "PLAIN_CLOCK_RE": True}


def test_lazy_pattern_matches_as_compiled() -> None:
    import re

    import regex

    from feedline.patterns import LazyPattern, lazy_re, lazy_regex

    lazy = lazy_regex(r"(?P<n>\d+)\s?(?P<unit>min)", regex.IGNORECASE)
    assert lazy.pattern == r"(?P<n>\d+)\s?(?P<unit>min)"  # readable before compiling
    assert not lazy.compiled  # type: ignore[attr-defined]
    before = LazyPattern.compiled_count
    assert lazy.search("in 5 MIN").group("n") == "5"
    assert lazy.compiled and LazyPattern.compiled_count == before + 1  # type: ignore[attr-defined]
    assert [m.span() for m in lazy.finditer("1min 22 min")] == [(0, 4), (5, 11)]
    assert lazy.groupindex == {"n": 1, "unit": 2}
    assert LazyPattern.compiled_count == before + 1  # compiled once
    plain = lazy_re(r"a+")
    assert plain.sub("-", "baaac") == "b-c" and plain.match("b") is None and isinstance(plain.match("aa"), re.Match)
