"""Generate feedline/daywords_data.py: "today" / "yesterday" words from dateparser's locale data.

    .venv/bin/python benchmarks/gen_daywords.py [--check] [--all]

dateparser (a declared dependency) lists, per language, the words of its "relative-type"
entries "0 day ago" (today) and "1 day ago" (yesterday). feedline reads them from a generated
module so that it never imports dateparser at start-up. A word is kept only when it is
unambiguous as a day word:

- three letters or more, no digit and no bracket ("ma", Hungarian "today", is Italian "but");
- one value in every language that lists it (not "today" in one, "yesterday" or "tomorrow"
  in another: Hindi "कल" is both yesterday and tomorrow);
- no other word of dateparser's data in any language (a month, a weekday, a unit, a word
  dateparser skips) and no word of feedline's own word lists (`feedline.sources.words`);
- not in `NOT_DAY_WORDS` below (a common name or word the data cannot tell).

The hand list `feedline.lexicon.HAND_DAY_WORDS` wins over this table (tests compare the two).
`--check` exits 1 when the module on disk differs from what would be written.
"""
from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
OUT = ROOT / "feedline" / "daywords_data.py"

DAY_KEYS = {"0 day ago": 0, "1 day ago": 1}
MIN_LETTERS = 3
# The languages the pool shows (../shared/pool/SITES.tsv lang_guess; "no" as nb/nn, "sh" as
# hr/sr/bs, "tl" as fil). All 200 languages made DAY_WORD a 2,000-character alternation and
# the one-page process 4% slower (five patterns compile it); `--all` writes them all.
POOL_LANGUAGES = frozenset("""
ar bg bn bs cs da de el en es fa fi fil fr he hi hr hu hy id is it ja ko lt lv my nb nl nn pl pt ro ru
sq sr sv th tr uk zh
""".split())
# Day words the data cannot tell from a common name or word elsewhere.
NOT_DAY_WORDS = frozenset({
    "leo", "jana", "cora",  # Swahili "today", "yesterday", Lower Sorbian "yesterday": first names
    "danes",  # Slovenian "today": English "Danes"
    "pan", "duo", "lido", "haut", "eile", "yer", "sot", "hui", "inu",  # English, Italian, French, German,
    # Turkish, Chinese-name and Indonesian words too
    "ier",  # Romansh "yesterday": the end of "Olivier", "Xavier"
    "wcz",  # an abbreviation of "wczoraj"
    "till date",  # "to date", not "today"
})


def _locales(every: bool) -> list[tuple[str, dict]]:
    """(language, its data and each locale-specific part) for every dateparser language
    (`every`) or those of POOL_LANGUAGES (a script variant too: "sr-Latn")."""
    from dateparser.data import date_translation_data as data

    out: list[tuple[str, dict]] = []
    for module in sorted(pkgutil.iter_modules(data.__path__), key=lambda m: m.name):
        if not every and module.name.split("-")[0] not in POOL_LANGUAGES:
            continue
        info = importlib.import_module(f"{data.__name__}.{module.name}").info
        out.append((module.name, info))
        out.extend((module.name, part) for _, part in sorted(info.get("locale_specific", {}).items()))
    return out


def _words(value: object) -> list[str]:
    """Every string held in a locale entry (lists and dicts of lists)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [w for v in value.values() for w in _words(v)]
    if isinstance(value, (list, tuple)):
        return [w for v in value for w in _words(v)]
    return []


def _project_words() -> set[str]:
    """feedline's own word lists (function words, verbs, prepositions...), casefolded."""
    from feedline.sources import words

    found: set[str] = set()
    for name in dir(words):
        if name.isupper():
            found.update(w.casefold() for w in _words(getattr(words, name)) if " " not in w)
    return found


def day_words(every: bool = False) -> tuple[dict[str, int], dict[str, list[str]]]:
    """The kept words (casefolded -> days back) and, per word, the languages that list it.
    Conflicts are looked for in every language, whatever `every` keeps."""
    values: dict[str, set[int]] = defaultdict(set)
    langs: dict[str, set[str]] = defaultdict(set)
    other: set[str] = set()
    kept_langs = {lang for lang, _ in _locales(every)}
    for lang, info in _locales(True):
        for key, words in info.get("relative-type", {}).items():
            for word in words:
                folded = word.casefold().strip()
                if key in DAY_KEYS and lang not in kept_langs:
                    values[folded].add(DAY_KEYS[key])  # a conflict still counts
                elif key in DAY_KEYS:
                    values[folded].add(DAY_KEYS[key])
                    langs[folded].add(lang)
                else:
                    other.add(folded)
        for key, value in info.items():
            if key not in {"relative-type", "relative-type-regex", "locale_specific", "name", "date_order",
                           "simplifications", "sentence_splitter_group"}:
                other.update(w.casefold().strip() for w in _words(value))
    other |= _project_words()
    kept = {w: next(iter(v)) for w, v in values.items()
            if len(v) == 1 and langs[w] and w not in other and w not in NOT_DAY_WORDS
            and sum(c.isalpha() for c in w) >= MIN_LETTERS and not any(c.isdigit() or c in "()" for c in w)}
    return dict(sorted(kept.items())), {w: sorted(langs[w]) for w in kept}


def render(every: bool = False) -> str:
    """The module's text."""
    import dateparser

    kept, langs = day_words(every)
    lines = [
        '"""GENERATED by benchmarks/gen_daywords.py from dateparser '
        f"{dateparser.__version__}'s locale data: do not edit.",
        "",
        "Regenerate: .venv/bin/python benchmarks/gen_daywords.py (--check: is it current?).",
        f"Languages: {'all of dateparser' if every else 'those the pool shows (POOL_LANGUAGES there)'}.",
        '"today" / "yesterday" words (casefolded) -> days back; languages in the comments.',
        "`feedline.lexicon.DAY_WORDS` adds the hand list over these.",
        '"""',
        "from __future__ import annotations",
        "",
        f'DATEPARSER_VERSION = "{dateparser.__version__}"',
        "",
        "GENERATED_DAY_WORDS: dict[str, int] = {",
    ]
    lines += [f"    {w!r}: {v},  # {' '.join(langs[w])}" for w, v in kept.items()]
    lines += ["}", ""]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when the module on disk is stale")
    parser.add_argument("--all", action="store_true", help="every dateparser language, not the pool's")
    args = parser.parse_args()
    text = render(args.all)
    if args.check:
        current = OUT.read_text(encoding="utf-8") if OUT.exists() else ""
        print("current" if current == text else f"{OUT.relative_to(ROOT)} is stale: regenerate it")
        return 0 if current == text else 1
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}: {text.count(chr(10) + '    ')} words")
    return 0


if __name__ == "__main__":
    sys.exit(main())
