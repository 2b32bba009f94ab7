"""The text path's shortcuts give what the patterns they stand in for give.

Each shortcut of the text-speed work (docs/performance.md, "Text path, second pass") answers
a question a pattern answered before, at C speed: these tests hold the shortcut to the
pattern's answer, on chosen and generated text, so that a change to either shows here.
"""
from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from feedline import entries as E
from feedline import tokens as T

_TEXT = st.text(st.characters(max_codepoint=0x3100, exclude_categories=("Cs",)), max_size=260)


def test_no_dense_script_character_lies_below_the_floor() -> None:
    """Every code point under `_DENSE_SCRIPT_FLOOR` is outside the pattern's class."""
    below = "".join(chr(c) for c in range(ord(E._DENSE_SCRIPT_FLOOR)) if not 0xD800 <= c < 0xE000)
    assert E._DENSE_SCRIPT_RE.findall(below) == []
    assert E._DENSE_SCRIPT_RE.findall(E._DENSE_SCRIPT_FLOOR) == [E._DENSE_SCRIPT_FLOOR]  # a Hangul jamo


@settings(max_examples=300, deadline=None)
@given(_TEXT)
@example("東京 2024年")
@example("é" * 199 + "한")
@example("é" * 200 + "한")
def test_weight_is_the_patterns(text: str) -> None:
    assert E._weight(text) == len(text) + 2 * len(E._DENSE_SCRIPT_RE.findall(text[:200]))


_HINT_RE = re.compile("|".join(map(re.escape, T._RELATIVE_HINTS)))


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(list("agovrfhcepilyt ")), max_size=40))
@example(" 5 min ago ")
@example(" vor ")
@example(" fare ")
def test_hint_words_as_the_alternation(text: str) -> None:
    assert T._any_in(T._RELATIVE_HINTS, text) == (_HINT_RE.search(text) is not None)
