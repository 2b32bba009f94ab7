"""A page's language from its script, for text that declares none.

Text dumps carry no `lang`. Some scripts are written for one language (or one that matters
for reading dates): kana for Japanese, Hangul for Korean, Han alone for Chinese, and the
Armenian, Georgian, Thai, Hebrew and Greek alphabets. The guess serves only where the
language's custom decides something the page does not (a year-less numeric date's order,
the clock zone's prior); Latin, Cyrillic and Arabic script name no language and give None.
"""
from __future__ import annotations

import re
from functools import lru_cache

import regex

from feedline import patcache

SAMPLE_CHARS = 4_000  # enough letters to judge; the rest of a page says nothing new
MIN_LETTERS = 20

# Code point blocks rather than Unicode script properties: the standard library's `re`
# scans ranges at C speed, and these blocks hold the scripts' letters. Compiled on first
# use (their character sets take milliseconds to build): most pages never need them.
_LETTER = r"[^\W\d_]+"
# Any letter of those scripts: one scan that most pages (Latin, Cyrillic, Arabic) pass through;
# a `regex` pattern kept compiled on disk (`_any_letter`): `re` takes about 3 ms to build
# this set, which any page with a dash or a curly quote in it needs.
_ANY = ("[\u0370-\u03ff\u0531-\u0587\u05d0-\u05ea\u0e01-\u0e5b\u10a0-\u10ff\u1100-\u11ff\u1f00-\u1fff"
        "\u3040-\u30ff\u3130-\u318f\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\uff66-\uff9d]")
# Checked in this order: kana before Han (Japanese writes both), Hangul before Han.
_SCRIPTS: tuple[tuple[str, str, float], ...] = (
    ("ja", "[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9d]+", 0.1),
    ("ko", "[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]+", 0.2),
    ("zh", "[\u4e00-\u9fff\u3400-\u4dbf]+", 0.3),
    ("hy", "[\u0531-\u0587]+", 0.3),
    ("ka", "[\u10a0-\u10ff]+", 0.3),
    ("th", "[\u0e01-\u0e5b]+", 0.3),
    ("he", "[\u05d0-\u05ea]+", 0.3),
    ("el", "[\u0370-\u03ff\u1f00-\u1fff]+", 0.3),
)


def script_language(text: str) -> str | None:
    """The language the text's script stands for, if its letters are written mostly in one
    that names a language (the share in `_SCRIPTS`); None otherwise."""
    return _sample_language(text[:SAMPLE_CHARS])


@lru_cache(maxsize=8)  # the tokenizer and the dates ask about the same page (a sample: memory stays small)
def _sample_language(sample: str) -> str | None:
    if sample.isascii() or max(sample) < "\u0370" or _any_letter().search(sample) is None:
        return None  # (Latin letters alone end before Greek, the first of the blocks)
    letters = _count(_LETTER, sample)
    if letters < MIN_LETTERS:
        return None
    for lang, pattern, share in _SCRIPTS:
        if _count(pattern, sample) >= share * letters:
            return lang
    return None


@lru_cache(maxsize=1)
def _any_letter() -> regex.Pattern[str]:
    return patcache.compile(_ANY)


def _count(pattern: str, text: str) -> int:
    """Characters in the pattern's runs (runs, not characters, are what Python iterates);
    `re` keeps the compiled patterns in its cache."""
    return sum(map(len, re.findall(pattern, text)))
