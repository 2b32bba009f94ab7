"""A page's language from its script, for text that declares none.

Text dumps carry no `lang`. Some scripts are written for one language (or one that matters
for reading dates): kana for Japanese, Hangul for Korean, Han alone for Chinese, and the
Armenian, Georgian, Thai, Hebrew and Greek alphabets. The guess serves only where the
language's custom decides something the page does not (a year-less numeric date's order,
the clock zone's prior); Latin, Cyrillic and Arabic script name no language and give None.
"""
from __future__ import annotations

import regex

SAMPLE_CHARS = 20_000  # enough letters to judge; the rest of a page says nothing new
MIN_LETTERS = 20

_LETTER_RE = regex.compile(r"\p{L}")
# Checked in this order: kana before Han (Japanese writes both), Hangul before Han.
_SCRIPTS: tuple[tuple[str, regex.Pattern[str], float], ...] = (
    ("ja", regex.compile(r"[\p{Hiragana}\p{Katakana}]"), 0.1),
    ("ko", regex.compile(r"\p{Hangul}"), 0.2),
    ("zh", regex.compile(r"\p{Han}"), 0.3),
    ("hy", regex.compile(r"\p{Armenian}"), 0.3),
    ("ka", regex.compile(r"\p{Georgian}"), 0.3),
    ("th", regex.compile(r"\p{Thai}"), 0.3),
    ("he", regex.compile(r"\p{Hebrew}"), 0.3),
    ("el", regex.compile(r"\p{Greek}"), 0.3),
)


def script_language(text: str) -> str | None:
    """The language the text's script stands for, if its letters are written mostly in one
    that names a language (the share in `_SCRIPTS`); None otherwise."""
    sample = text[:SAMPLE_CHARS]
    if sample.isascii():
        return None
    letters = len(_LETTER_RE.findall(sample))
    if letters < MIN_LETTERS:
        return None
    for lang, pattern, share in _SCRIPTS:
        if len(pattern.findall(sample)) >= share * letters:
            return lang
    return None
