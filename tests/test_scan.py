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

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from feedline import tokens as T
from feedline.model import Page
from feedline.scan import lowered, whole_word, word_hits

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
    Asian clocks and dates nor the relative-stamp grammar (the costliest to compile), nor
    the heading patterns when no short line can be a heading."""
    names = ("CLOCK_RE", "DATETIME_RE", "RELATIVE_RE", "HEADING_DATE_RE", "HEADING_DAYWORD_RE", "PLAIN_CLOCK_RE")
    got = _run(
        "import json; from feedline import extract, patterns as P; "
        "extract(b'Live updates\\n\\n10:15 Minister says talks will resume on Monday\\n"
        "09:40 Storm closes the coastal road for the night\\nXi Jinping to visit Russia on March 20-22\\n"
        "08:05 Markets open lower after the vote\\n'); "
        f"print(json.dumps({{n: getattr(P, n).compiled for n in {names!r}}}))"
    )
    assert got == {"CLOCK_RE": False, "DATETIME_RE": False, "RELATIVE_RE": False, "HEADING_DATE_RE": False,
                   "HEADING_DAYWORD_RE": False, "PLAIN_CLOCK_RE": True}


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


# --- scan first: the tokenizer reads in full only the lines the whole-text scan names --------



def _page(text: str, lang: str | None = None) -> Page:
    return Page(text=text, lang=lang)


def _unscanned(page: Page) -> list:
    """The tokens with every line read in full, as before the scan."""
    with pytest.MonkeyPatch.context() as m:
        m.setattr(T, "_relative_lines", lambda text, offsets, raws, cut: set(range(len(raws))))
        return list(T.tokenize(page))


def _classified(page: Page) -> list[str]:
    """The lines that `tokenize` reads in full (`_classify`)."""
    seen: list[str] = []
    real = T._classify
    with pytest.MonkeyPatch.context() as m:
        m.setattr(T, "_classify", lambda index, start, line, ctx, **kw: seen.append(line) or real(index, start, line, ctx, **kw))
        T.tokenize(page)
    return seen


def test_a_page_without_digits_or_ago_words_reads_no_line_in_full() -> None:
    text = "\n".join(["Headline about the family farm", "", "A long paragraph of plain text, " * 8,
                      "Subscribe", "Yesterday"] * 50)
    assert _classified(_page(text)) == []


def test_only_lines_with_a_digit_or_an_ago_word_are_read_in_full() -> None:
    text = "Live\n10:15 Storm closes the road\nThe family farm\nUpdated 5 minuti fa\nTotal 12 votes\nfavour\n"
    assert _classified(_page(text)) == ["10:15 Storm closes the road", "Updated 5 minuti fa", "Total 12 votes"]


def test_word_hits_and_whole_words() -> None:
    from array import array

    low = lowered("İl y a 2 heures\nthe FAMILY\nſedan x")
    assert low.startswith("il y a") and len(low) == len("İl y a 2 heures\nthe FAMILY\nſedan x")
    offsets = array("q", [0, 16, 27])
    hits = {(first, word) for first, _, _, word in word_hits(low, offsets, ["il y a", "fa", "sedan"])}
    assert hits == {(0, "il y a"), (1, "fa"), (2, "sedan")}
    assert whole_word(low, 0, 6) and not whole_word(low, 20, 22)


# Pieces that sit at the edges of the scan's reasoning: words inside words, letters that a
# caseless pattern takes for ASCII ones, other scripts' digits and colons, long lines cut
# at their edges, clocks, relative stamps, headings.
_PIECES = ["fa", "FA", "family", "ago", "AGO", "3Mago", "vor", "favor", "İl y a", "ıl y a", "il y a", "ſedan",
           "siden", "perce", "5 minuti fa", "vor 5 Minuten", "2 hours ago", "il y a 2 heures", "назад", "5 минут назад",
           "前", "5分前", "3시간 전", "πριν", "12:30", "１２：３０", "١٢:٣٠", "4.49pm", "17h17", "21時37分", "Yesterday",
           "Monday, 3 May 2024", "18.2.", " ", "  ", "\n", "\n\n", "\t", "\xa0", "word", "x" * 95, "y" * 60, ".", ",", ":", "-",
           "Updated", "By Jane Doe", "há 2 horas", "HÁ", "2 saat önce", "ÖNCE", "před 5 minutami", "3 órája",
           "5 phút trước", "prieš 2 val.", "2 ditë më parë", "10 perce", "ezelőtt"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=60), st.sampled_from([None, "en", "it", "de", "ja"]))
def test_the_scan_changes_no_token(pieces: list[str], lang: str | None) -> None:
    page = _page("".join(pieces), lang)
    assert list(T.tokenize(page)) == _unscanned(page)


def test_the_scan_changes_no_token_of_a_ticker_page() -> None:
    """A page whose inline runs are cut into visual lines (`lines`) keeps every place."""
    run = "08:45 Minister says the talks will go on 08:38 Storm closes the family road 08:31 Vor 5 Minuten fa"
    page = _page(f"Ticker\n{run}\n{run} ago\nfa\n")
    assert list(T.tokenize(page)) == _unscanned(page)


def _windows(line: str) -> list[tuple[int, int]]:
    """The parts of a line that `_classify` and `_find_stamp` read (as they compute them)."""
    return [(0, len(line))] if len(line) <= T.SHORT_LINE else [(0, T.EDGE), (len(line) - T.EDGE, len(line))]


def _scan_misses(text: str) -> list[str]:
    """Lines where the tokenizer's own tests find an "ago" word that the scan did not name
    (the scan must name a superset)."""
    from feedline.lines import line_table

    offsets, raws = line_table(text)
    relative = T._relative_lines(text, offsets, raws, len(raws) != text.count("\n") + 1)
    misses = []
    for index, raw in enumerate(raws):
        line = T.western_digits(raw.strip())
        if not line:
            continue
        edges = line if len(line) <= T.SHORT_LINE else f"{line[:T.EDGE]}\n{line[-T.EDGE:]}"
        if index not in relative and (T._has_relative_word(edges)
                                       or any(T._relative_word(line, lo, hi) for lo, hi in _windows(line))):
            misses.append(f"relative: {raw!r}")
    return misses


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=60))
@example(["x" * 87, " ", "family", " ", "x" * 95, "y" * 60])  # a word cut by a long line's first part
@example(["y" * 60, "x" * 95, "fa", "mily"])  # ... and by its last part
@example(["08:45 Minister says the talks will go on 08:38 Storm closes the road 08:31 Vor 5 Minuten", "fa",
          "mily says the 5 minuti"])  # a run of items cut into visual lines
def test_the_scan_names_every_line_the_tokenizer_would_find_an_ago_word_in(pieces: list[str]) -> None:
    assert _scan_misses("".join(pieces)) == []


_HEADING_PIECES = ["Monday", "Mo", "Quarta", "Dienstag", "yesterday", "Yesterday", "vor", "Today", "hier", "včera",
                   "вчера", "3", "03", "21", "2024", "'24", "3rd", "1st", "2e", "er", "de", "Maio", "May", "October",
                   "Oct", "сентября", "Ağustos", "年", "月", "日", "년", "월", "일", "(水)", "（木）", "2021", "7", "14",
                   " ", "  ", ",", ".", "/", "-", ":", "’", "x²y"]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_HEADING_PIECES), min_size=1, max_size=12))
@example(["Quarta", ",", " ", "04", " ", "de", " ", "Maio", " ", "de", " ", "2024"])
@example(["Monday", " ", "2021", "年", "7", "月", "14", "日", "(水)"])
@example(["Dienstag", ",", " ", "3rd", " ", "de", " ", "Maio", ",", " ", "de", " ", "2024"])
def test_the_heading_prefilters_pass_every_heading(pieces: list[str]) -> None:
    """The cheap tests before the heading patterns (`tokens._heading`) let every line through
    that the patterns match."""
    from feedline.patterns import HEADING_DATE_RE, HEADING_DAYWORD_RE

    line = "".join(pieces)
    if HEADING_DATE_RE.match(line):
        assert len(T._LETTERS_RE.findall(line)) <= T.HEADING_DATE_WORDS
    if HEADING_DAYWORD_RE.match(line):
        assert T._DAY_WORD_START_RE.match(line)


def test_a_relative_stamp_at_a_long_lines_end_is_found() -> None:
    """A long line is read in two parts: the second part's "ago" word is looked for even when
    the first part has none (and the scan named the line)."""
    line = "Markets " + "word " * 40 + "Updated · 5 minutes ago"
    token = next(t for t in T.tokenize(_page(line + "\n")) if t.text)
    assert len(line) > T.SHORT_LINE
    assert (token.kind, token.stamp.text if token.stamp else None, token.placement) == (
        T.LineKind.STAMP, "5 minutes ago", T.Placement.TRAIL)


def test_token_table_reads_like_a_list() -> None:
    """Indices and slices of every step give what a list of the same tokens gives."""
    import itertools

    table = T.tokenize(_page("a\n\n12:30 x\n\nb\n"))
    tokens = [table[i] for i in range(len(table))]
    assert [t.kind for t in tokens] == [T.LineKind.TEXT, T.LineKind.BLANK, T.LineKind.STAMP, T.LineKind.BLANK,
                                        T.LineKind.TEXT, T.LineKind.BLANK]
    assert list(table) == tokens and [table[i] for i in range(-len(table), 0)] == tokens
    for a, b, step in itertools.product([None, -7, -3, -1, 0, 1, 2, 5, 9], [None, -7, -2, 0, 1, 3, 6, 9],
                                        [None, 1, 2, 3, -1, -2]):
        assert table[a:b:step] == tokens[a:b:step], (a, b, step)
