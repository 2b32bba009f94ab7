"""Survey: run feedline over unlabeled pages and report what the pages themselves contradict.

    .venv/bin/python benchmarks/survey.py [--corpus] [--jobs 2] [--limit N] [--only ID,ID]
                                          [--examples 5] [--timeout 20] [--json FILE]

No gold is used. Each page of ../shared/pool/pages (and, with --corpus, of
../shared/corpus/pages) is read and extracted in process, in blind mode and in capture mode
when the page's markup states a time (see `capture_time`), then checked for:

- exception        an exception anywhere in reading, extracting or surveying the page;
- timeout          the page took longer than --timeout seconds (its other findings are lost);
- time_disagrees   the clock printed in an entry's own time_text (read alone) is not the
                   entry's local_time;
- date_disagrees   a date printed in time_text (read alone) is not the entry's date;
- date_unread      time_text prints a date that feedline's own stamp reader, given time_text
                   alone, does not read;
- date_beside      a date printed right beside the stamp on its line, outside time_text,
                   that the entry's date does not agree with;
- modes_disagree   an entry dated in both modes with two different dates;
- backwards        in one feed, a date later (newest-first feed) or earlier (oldest-first)
                   than the entry above it, one of the two dated by inference;
- printed_unordered the same with both dates printed in the stamps: the page's own order;
- merged           an entry's text has a line opening with a stamp-shaped string;
- inline_run       a line opening with a clock and holding three or more: items on one line;
- missed_feed      no entry on the page, yet many clock-shaped strings at line edges;
- stamp_no_entry   a stamp the tokenizer read that no entry kept (lone or several, dated or not);
- clock strings    every clock-shaped string of the page text, classed by what feedline made
                   of its line (see `CLOCK_CLASSES`); `unread_edge` (a clock at the edge of
                   a text line: where feeds put stamps, but no stamp was read) is grouped by
                   shape, and stamp forms are grouped into families (see `family`).

The capture time of a pool page is unknown: capture mode uses the latest time the page's
markup states (see `capture_time`), a lower bound. docs/survey.md defines every class and
holds the pool's baseline.

Findings name the page, the string and a line of context (trimmed, control characters
removed: scraped text is never printed raw). Readable report to stdout, --json FILE for
machine use. Uses feedline internals read-only: `feedline.tokens.tokenize` and its
`LineKind`, `feedline.patterns.CLOCK_RE / DATETIME_RE / RELATIVE_RE`.
"""
from __future__ import annotations

import argparse
import bisect
import functools
import gzip
import json
import multiprocessing as mp
import os
import queue
import re
import signal
import sys
import time
import unicodedata
from collections import Counter, defaultdict
from datetime import date, datetime, time as dtime
from pathlib import Path
from typing import Any, Iterator

import regex

from feedline import extract, read_page
from feedline.model import Entry, Page, StampKind, Timeline
from feedline.patterns import CLOCK_RE, DATETIME_RE, RELATIVE_RE
from feedline.tokens import LineKind, Token, tokenize

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
POOL = SHARED / "pool"
CORPUS = SHARED / "corpus"

MISSED_FEED_MIN = 5  # clock strings at line edges on a page without entries that make a missed feed
CONTEXT = 120  # characters of context per example
GRACE = 15  # seconds after --timeout before a stuck worker is killed

# ── reading strings ─────────────────────────────────────────────────────────────────────
# Digits of other scripts and full-width forms, mapped one character to one: offsets stay.
_DIGITS = {**{0x660 + i: 0x30 + i for i in range(10)}, **{0x6F0 + i: 0x30 + i for i in range(10)},
           **{0x966 + i: 0x30 + i for i in range(10)}, **{0x9E6 + i: 0x30 + i for i in range(10)},
           **{0xFF10 + i: 0x30 + i for i in range(10)}, 0xFF1A: ord(":"), 0xFF0E: ord("."), 0xFF0F: ord("/")}


def normalise(text: str) -> str:
    """ASCII digits (and colon, dot, slash) for Arabic-Indic, Persian, Devanagari, Bengali and full-width ones."""
    return text.translate(_DIGITS)


_UNITS_LATIN = (
    r"s|secs?|seconds?|m|mins?|minutes?|minute|minuten|minutos?|minuti|minut\w{0,3}|perc\w{0,3}|dakika|menit|phút|"
    r"h|hrs?|hours?|std|stunden?|heures?|horas?|ore|or[aă]|godzin\w{0,2}|hodin\w{0,2}|óra\w{0,3}|saat|jam|giờ|"
    r"d|days?|tagen?|jours?|días?|dias?|giorni|zile|dni|dn[ií]|gün|hari|ngày|"
    r"λεπτ\w{0,3}|ώρ\w{0,3}|мин\w{0,4}|час\w{0,3}|хв\w{0,5}|годин\w{0,2}|дн\w{0,3}|"
    r"دقيقة|دقائق|دقيقتين|ساعة|ساعات|ساعتين|يوم|أيام"
)
_AGO_AFTER = r"ago|lalu|yang\s?lalu|назад|тому|önce|temu|geleden|sitten|siden|sedan|trước|πριν|fa|zpět|atrás"
_AGO_BEFORE = r"vor|il\s?y\s?a|hace|há|ha|acum|před|pred|πριν|قبل|منذ|since"
_COUNT = r"(?:\d{1,3}|an?|one|un|una|une|uno|einer|einem|einigen|ein|bir|một)"
# Clock-shaped strings, language-agnostic (on normalised text). Kinds by named group.
CLOCK_SHAPE_RE = re.compile(
    r"(?P<clock>(?<![\d.,:/])(?:[01]?\d|2[0-3])(?:[:.]|\s?[hH]\s?)[0-5]\d(?::[0-5]\d)?(?![\d]|[.,]\d)"
    r"(?:\s?[aApP]\.?\s?[mM]\b\.?)?)"
    r"|(?P<ampm>(?<![\d.,:/])(?:1[0-2]|0?[1-9])\s?[aApP]\.?\s?[mM](?![^\W\d_]))"
    r"|(?P<cjk>(?:午前|午後|上午|下午|中午|晚上|早上|凌晨|오전|오후)?\s?(?<!\d)(?:[01]?\d|2[0-3])\s?(?:時(?!間)|时(?!间)|点|點|시(?!간))\s?(?:[0-5]?\d\s?(?:分|분)?)?)"
    r"|(?P<rel_after>(?<![\d.])" + _COUNT + r"\s?(?:" + _UNITS_LATIN + r")\.?\s?(?:" + _AGO_AFTER + r")(?![^\W\d_]))"
    r"|(?P<rel_cjk>(?<![\d.])\d{1,3}\s?(?:秒|分钟|分鐘|分|小时|小時|時間|天|日|초|분|시간|일)\s?(?:前|전|以前))"
    r"|(?P<rel_before>(?<![^\W\d_])(?:" + _AGO_BEFORE + r")\s" + _COUNT + r"\s?(?:" + _UNITS_LATIN + r")(?![^\W\d_]))",
    re.IGNORECASE,
)

# Where a clock-shaped string can be, found at C speed: every one holds a digit, a CJK clock
# or "ago" character, or an "ago" word (the longest literal piece of each stands for it).
_SHAPE_ANCHOR_RE = re.compile(r"[\d時时点點시분分前전]")
_AGO_PIECES = tuple(sorted({max(regex.split(r"\\s\?", word), key=len) for word in (_AGO_AFTER + "|" + _AGO_BEFORE).split("|")}))
# How far a clock-shaped string reaches from an anchor it holds: back to a count word before
# its "ago" word ("an hour ago"), on to its unit and "ago" word after a digit ("5 minutes ago").
SHAPE_REACH_BACK, SHAPE_REACH_ON = 40, 64


def _letter(char: str) -> bool:
    """`[^\\W\\d_]`: a word character that is not a digit."""
    return char.isalnum() and not char.isdecimal()


def clock_shapes(text: str) -> Iterator[re.Match[str]]:
    """`CLOCK_SHAPE_RE.finditer(text)`, run only around the anchors.

    The whole-text scan tried six alternatives at every character and was a third of the
    survey's time; most lines hold no digit and no "ago" word.
    """
    low = text.lower()
    if len(low) != len(text):  # a lowercase form of another length ("İ"): offsets would differ
        yield from CLOCK_SHAPE_RE.finditer(text)
        return
    marked = [m.start() for m in _SHAPE_ANCHOR_RE.finditer(text)]
    for piece in _AGO_PIECES:
        at = low.find(piece)
        while at >= 0:
            if not (at and _letter(low[at - 1])) or not (at + len(piece) < len(low) and _letter(low[at + len(piece)])):
                marked.append(at)
            at = low.find(piece, at + 1)
    windows: list[list[int]] = []
    for at in sorted(marked):
        lo, hi = max(0, at - SHAPE_REACH_BACK), at + SHAPE_REACH_ON
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = hi
        else:
            windows.append([lo, hi])
    done = 0  # where the last match ended: the next window starts no match inside it
    for lo, hi in windows:
        # a few characters past the end for the lookaheads; matches must start before it
        for m in CLOCK_SHAPE_RE.finditer(text, max(lo, done), min(len(text), hi + 8)):
            if m.start() >= hi:
                break
            done = m.end()
            yield m

# Dates printed in a short string (a stamp's text or the few characters beside it).
_YMD_RE = regex.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)\s?[-/.年년]\s?(?P<m>\d{1,2})\s?[-/.月월]\s?(?P<d>\d{1,2})(?!\d)")
_CJK_MD_RE = regex.compile(r"(?:(?P<y>(?:19|20)\d\d)\s?[年년]\s?)?(?<!\d)(?P<m>\d{1,2})\s?[月월]\s?(?P<d>\d{1,2})\s?[日일]")
_NUM_RE = regex.compile(
    r"(?<![\d:.,/])(?P<a>\d{1,2})(?P<sep>[./-])(?P<b>\d{1,2})(?:(?P=sep)(?P<y>(?:19|20)?\d\d)(?![\d:.])|(?P<dot>\.)(?!\d)|(?<=/\d{1,2})(?![\d:.]))"
)
_YEAR_RE = regex.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_LETTERS_RE = regex.compile(r"\p{L}{3,}")

Reading = tuple[int | None, int, int]  # (year or None, month, day)


def printed_dates(text: str, lang: str | None) -> list[Reading]:
    """The readings of a date printed in `text` (two for an ambiguous 7/8), [] when none.

    Structure first (year-first, CJK, numeric), then dateparser for month words. dateparser
    alone reads a CJK month-day as a year and a day, so it is asked only when no structure
    matched."""
    text = normalise(text)
    for pattern in (_YMD_RE, _CJK_MD_RE):
        m = pattern.search(text)
        if m is not None:
            y = int(m["y"]) if m["y"] else None
            return [r for r in [(y, int(m["m"]), int(m["d"]))] if _real(r)]
    m = _NUM_RE.search(text)
    if m is not None:
        a, b = int(m["a"]), int(m["b"])
        y = int(m["y"]) if m["y"] else None
        if y is not None and y < 100:
            y += 2000
        return [r for r in {(y, b, a), (y, a, b)} if _real(r)]
    if _LETTERS_RE.search(text):
        return _dateparser_reading(text, lang)
    return []


def _real(reading: Reading) -> bool:
    y, m, d = reading
    try:
        date(y or 2000, m, d)
    except ValueError:
        return False
    return True


@functools.lru_cache(maxsize=4096)
def _dateparser_reading_cached(text: str, lang: str | None) -> tuple[Reading, ...]:
    import dateparser

    settings = {"RELATIVE_BASE": datetime(2000, 1, 1), "PREFER_DATES_FROM": "past",
                "REQUIRE_PARTS": ["day", "month"], "PARSERS": ["absolute-time"]}
    try:  # one language only: dateparser's language detection costs seconds per string
        parsed = dateparser.parse(text, languages=[lang or "en"], settings=settings)
    except Exception:  # an unknown language code, an odd date
        return ()
    if parsed is None:
        return ()
    year = parsed.year if _YEAR_RE.search(text) else None
    return ((year, parsed.month, parsed.day),)


def _dateparser_reading(text: str, lang: str | None) -> list[Reading]:
    # The clock is left out: dateparser reads "14 juil. 09:05" and "14 juil." alike.
    bare = CLOCK_SHAPE_RE.sub(" ", text).strip(" ,.-|@")
    if not bare or len(bare) > 60:
        return []
    return list(_dateparser_reading_cached(bare, (lang or "").split("-")[0] or None))


def printed_clock(text: str) -> tuple[int, int, str | None] | None:
    """(hour, minute, "am"/"pm"/None) of the first clock printed in `text`, dates left out."""
    text = normalise(text)
    for pattern in (_YMD_RE, _CJK_MD_RE, _NUM_RE):
        text = pattern.sub(lambda m: " " * len(m[0]), text)
    for m in CLOCK_SHAPE_RE.finditer(text):
        s = m[0]
        if m["clock"]:
            digits = regex.findall(r"\d+", s)
            hour, minute = int(digits[0]), int(digits[1])
        elif m["cjk"]:
            digits = regex.findall(r"\d+", s)
            hour, minute = int(digits[0]), int(digits[1]) if len(digits) > 1 else 0
        elif m["ampm"]:
            hour, minute = int(regex.findall(r"\d+", s)[0]), 0
        else:
            continue
        low = s.lower().replace(".", "").replace(" ", "")
        half = "pm" if ("pm" in low or any(w in s for w in ("午後", "下午", "晚上", "오후"))) else (
            "am" if ("am" in low or any(w in s for w in ("午前", "上午", "早上", "凌晨", "오전"))) else None)
        return hour, minute, half
    return None


def clock_agrees(printed: tuple[int, int, str | None], local: dtime) -> bool:
    hour, minute, half = printed
    if minute != local.minute:
        return False
    if half == "pm":
        return local.hour == hour % 12 + 12
    if half == "am":
        return local.hour == hour % 12
    return local.hour in (hour, (hour + 12) % 24) or (hour == 12 and local.hour == 0)


def date_agrees(readings: list[Reading], entry: Entry) -> bool | None:
    """Whether the entry's date is one of the readings; None when the entry has no date."""
    fix = entry.date
    if fix.local_date is not None:
        d = fix.local_date
        return any((y is None or y == d.year) and (m, dd) == (d.month, d.day) for y, m, dd in readings)
    if fix.month_day is not None:
        return any((m, dd) == fix.month_day for _, m, dd in readings)
    return None


@functools.lru_cache(maxsize=4096)
def feedline_reading(text: str, lang: str | None) -> tuple[int | None, ...] | None:
    """What feedline's own tokenizer reads in `text` alone: (year, month, day, hour, minute, weekday)."""
    for token in tokenize(Page(text=text, lang=lang)):
        if token.stamp is not None:
            s = token.stamp
            return s.year, s.month, s.day, s.hour, s.minute, s.weekday
    return None


# ── shapes and context ──────────────────────────────────────────────────────────────────
_KEEP_WORDS = frozenset({"am", "pm", "a.m", "p.m", "h", "uhr", "ago", "min", "mins", "hrs", "hr", "hours", "hour",
                         "minutes", "minute", "et", "gmt", "utc", "bst", "cet", "cest", "est", "edt", "pst", "pdt",
                         "ist", "vor", "hace", "il", "y", "a", "à", "um", "at", "de", "del", "las", "le", "às"})
_TOKEN_RE = regex.compile(r"\d+|\p{L}+|\s+|.", regex.V0)
_DATEISH_LEFT_RE = regex.compile(
    r"(?:(?:\d{1,4}[-/.年月년월]\s?){1,3}\d{0,4}[日일]?|\d{1,2}\.?\s?\p{L}{3,12}\.?,?(?:\s\d{4})?|\p{L}{3,12}\.?\s\d{1,2},?(?:\s\d{4})?)"
    r"[\s,@|–-]{0,4}(?:\p{L}{1,6}\s)?$", regex.V0)
_DATEISH_RIGHT_RE = regex.compile(
    r"^[\s,|–-]{0,3}(?:\p{L}{1,6}\.?\s?)?(?:\(?[A-Z]{2,5}\)?|(?:\d{1,4}[-/.年月년월]\s?){1,3}\d{0,4}[日일]?|\d{1,2}\.?\s?\p{L}{3,12}\.?(?:\s\d{4})?)",
    regex.V0)


def stamp_candidate(line: str, s: int, e: int) -> tuple[int, int]:
    """The clock's span widened over a date or marker printed right beside it."""
    left = _DATEISH_LEFT_RE.search(line[max(0, s - 30):s])
    if left is not None and left[0].strip():
        s -= len(left[0])
    right = _DATEISH_RIGHT_RE.match(line, e, min(len(line), e + 24))
    if right is not None and right[0].strip():
        e = right.end()
    return s, e


def shape(text: str) -> str:
    """A string's shape: digits as 9, words as W (marker words and CJK kept), spaces single."""
    out = []
    for part in _TOKEN_RE.findall(normalise(text.strip())):
        if part.isdigit():
            out.append("9" * min(len(part), 4))
        elif part[0].isspace():
            out.append(" ")
        elif part[0].isalpha():
            if part.lower() in _KEEP_WORDS or not part.isascii() and unicodedata.east_asian_width(part[0]) == "W":
                out.append(part.lower())
            else:
                out.append("W")
        else:
            out.append(part)
    return "".join(out)


# Families of stamp forms, by shape: coarser than shapes, for "which rule would generalise".
_FAMILIES = (
    ("CJK relative (N時間前, N分前)", regex.compile(r"前|전")),
    ("CJK date + CJK clock (2021年7月14日 9時05分)", regex.compile(r"[年月].*[時时點点시분分]")),
    ("CJK clock (9時05分, 13點)", regex.compile(r"[時时點点시분分]")),
    ("CJK date + colon clock (7月14日 09:05)", regex.compile(r"[年月]")),
    ("year-first numeric date + clock (2021/07/14 09:05)", regex.compile(r"^9999[-/.] ?99?[-/.]")),
    ("relative, Latin script (2 hours ago, vor 2 Std)", regex.compile(r"ago|\bvor\b|hace|il y a|há|acum", regex.I)),
    ("month word + at/@/um/à + clock (April 2, 2020 at 7:07 am)", regex.compile(r"W.*(?: at | @|@| um | à | às )")),
    ("month word + clock (3. Mai 2024, 17:47)", regex.compile(r"W.*9999|9999.*W|99? W")),
    ("numeric day-month date + clock (14.07.2021 09:05)", regex.compile(r"99?[./-] ?99?[./-]")),
    ("clock with am/pm (7:00 PM)", regex.compile(r"[ap]m|[ap]\.W|W\.W")),
    ("bare clock (16:01, 9h05)", regex.compile(r"^9?9(?::|h| h )99$")),
)


def family(shape_text: str) -> str:
    """The family of a stamp form's shape (see `_FAMILIES`); "other" when none fits."""
    for name, pattern in _FAMILIES:
        if pattern.search(shape_text):
            return name
    return "other"


def safe(text: str) -> str:
    """Printable text: control and format characters (escapes, bidi marks) become spaces."""
    return "".join(" " if unicodedata.category(c)[0] in "CZ" and c != " " else c for c in text)


def context(line: str, s: int, e: int, width: int = CONTEXT) -> str:
    """The line around [s, e), at most `width` characters, made printable."""
    if len(line) > width:
        pad = max(0, (width - (e - s)) // 2)
        a = max(0, min(s - pad, len(line) - width))
        line, prefix, suffix = line[a:a + width], "…" if a > 0 else "", "…" if a + width < len(line) else ""
        line = prefix + line + suffix
    return safe(line)


# ── one page ────────────────────────────────────────────────────────────────────────────
# What feedline made of the line holding a clock-shaped string.
CLOCK_CLASSES = {
    "entry_stamp": "an entry's stamp",
    "entry_text": "inside an entry's headline or text",
    "page_stamp": "on a line the tokenizer names a page stamp (byline, published, updated)",
    "heading": "on a line the tokenizer names a date heading",
    "stamp_no_entry": "read as a stamp, but no entry kept it (lone stamp, world clock, schedule, label)",
    "stamp_line_other": "on a stamp line, not the stamp (a range's end, a duration beside it)",
    "boilerplate": "on a line the tokenizer names boilerplate",
    "text_mention": "mid-line in a text line (feedline's rule: a mention, stays text)",
    "unread_edge": "at the edge of a text line (alone, leading or trailing): where feeds put stamps, none read",
}
_LEAD_JUNK = " \t\xa0\u2009\u202f([•·|-–—>*»"
_TRAIL_JUNK = " \t\xa0\u2009\u202f)]:|-–—•·,.«"


def _edge(line: str, s: int, e: int) -> str | None:
    before, after = line[:s].strip(_LEAD_JUNK), line[e:].strip(_TRAIL_JUNK)
    if not before and not after:
        return "alone"
    if not before:
        return "lead"
    if not after:
        return "trail"
    return None


def _ends_sentence(line: str, s: int, e: int) -> bool:
    """"... suivies des auditions à partir de 03h45.": a sentence's own clock (feedline's rule too)."""
    return line[e:].strip(" \t\xa0)\"'”»") in (".", "!", "?") and len(line[:s].split(None, 4)) >= 4


def _look_alike(line: str, s: int, e: int, m: re.Match[str]) -> str:
    """Why an unread edge clock may be no clock at all: the survey's guess, for reading the counts."""
    string = m[0]
    after = line[e:e + 8].lower().lstrip()
    if regex.match(r"(?:-|–|—|bis|to|a|à)\s?\d", after):
        return "range"
    if regex.match(r"(?:min|sek|sec|s|mins|minutes)\b", after) or string.count(":") == 2:
        return "duration"
    if m["clock"] and regex.match(r"\d{1,2}\.\d", string) and not regex.search(r"[ap]\.?\s?m|uhr|h", line[e:e + 6].lower()):
        return "dotted, no marker"
    if regex.search(r"\d\s?[-:]\s?\d", line[max(0, s - 6):s]) or regex.match(r"\s?[-–]\s?\d", line[e:e + 4]):
        return "score-like"
    return "clock-like"


def _known_to_patterns(line: str, s: int, e: int) -> bool:
    """Whether one of feedline's own stamp patterns matches over this string's place in its line."""
    for pattern in (DATETIME_RE, RELATIVE_RE, CLOCK_RE):
        for m in pattern.finditer(line, max(0, s - 40), min(len(line), e + 40)):
            if m.start() < e and s < m.end():
                return True
    return False


def capture_time(page: Page) -> datetime | None:
    """The latest time the page's markup states (published / modified): a lower bound of its capture.

    The pool's capture times are unknown; this is the latest instant the page vouches for.
    With its UTC offset it stands for the page's clock; a date alone is read as that day's end."""
    found = []
    markup = page.markup
    for value in (markup.modified, markup.published) if markup else ():
        if not value:
            continue
        text = value.strip().replace("Z", "+00:00")
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            continue
        if len(text) <= 10:
            moment = moment.replace(hour=23, minute=59)
        if 1995 <= moment.year <= 2030:
            found.append(moment)
    if not found:
        return None
    return max(found, key=lambda d: (d.replace(tzinfo=None) if d.tzinfo is None else d.astimezone().replace(tzinfo=None)))


class PageTimeout(Exception):
    pass


def _alarm(signum: int, frame: Any) -> None:
    raise PageTimeout()


def survey_page(task: dict[str, Any], timeout: float = 0) -> dict[str, Any]:
    """Read, extract and check one page; never raises (exceptions are findings)."""
    page_id = task["id"]
    result: dict[str, Any] = {"id": page_id, "host": task.get("host"), "size": 0, "seconds": 0.0,
                              "entries": {}, "clocks": Counter(), "findings": [], "timeout": False}
    started, cpu = time.perf_counter(), time.process_time()
    if timeout:
        signal.signal(signal.SIGALRM, _alarm)
        signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        data = task.get("data")
        if data is None:
            raw = Path(task["path"]).read_bytes()
            data = gzip.decompress(raw) if task["path"].endswith(".gz") else raw
        result["size"] = len(data)
        page = read_page(data, name=page_id)
        lang = page.lang or task.get("lang")
        blind = extract(page)
        result["entries"]["blind"] = len(blind.entries)
        timelines = {"blind": blind}
        now = capture_time(page)
        if now is not None:
            result["now"] = now.isoformat()
            # A capture time only dates the entries and drops schedules; it finds none that
            # blind mode missed, so a page without entries is not extracted again.
            if blind.entries:
                timelines["capture"] = extract(page, now=now)
            result["entries"]["capture"] = len(timelines["capture"].entries) if blind.entries else 0
        check_page(blind, timelines, lang, result)
    except PageTimeout:
        result["timeout"] = True
        result["findings"].append(_finding("timeout", page_id, f"> {timeout:g} s", ""))
    except Exception as error:  # every exception is a finding; the survey goes on
        first = (str(error).splitlines() or [""])[0][:200]
        result["findings"].append(_finding("exception", page_id, type(error).__name__, safe(first)))
    finally:
        if timeout:
            signal.setitimer(signal.ITIMER_REAL, 0)
    result["seconds"] = round(time.perf_counter() - started, 3)
    result["cpu"] = round(time.process_time() - cpu, 3)
    result["clocks"] = dict(result["clocks"])
    return result


def _finding(kind: str, page: str, string: str, ctx: str, **extra: Any) -> dict[str, Any]:
    return {"class": kind, "page": page, "string": safe(string)[:80], "context": ctx, **extra}


def check_page(blind: Timeline, timelines: dict[str, Timeline], lang: str | None, result: dict[str, Any]) -> None:
    """All checks of one page, into `result` (findings and clock-string counts)."""
    page_id = result["id"]
    findings = result["findings"]
    tokens = tokenize(blind.page)
    starts = [t.start for t in tokens]
    text = blind.page.text
    for mode, timeline in timelines.items():
        for entry in timeline.entries:
            if entry.visible:
                findings.extend(check_stamp(entry, tokens, starts, text, lang, mode, page_id))
        findings.extend(check_order(timeline, mode, page_id))
    if "capture" in timelines:
        findings.extend(check_modes(blind, timelines["capture"], page_id))
    findings.extend(check_merged(blind, page_id))
    edge = classify_clocks(blind, tokens, starts, result)
    if not blind.entries and len(edge) >= MISSED_FEED_MIN:
        examples = ", ".join(s for s, _ in edge[:6])
        findings.append(_finding("missed_feed", page_id, f"{len(edge)} edge clocks", safe(examples)[:CONTEXT],
                                 count=len(edge)))


def _line_of(tokens: list[Token], starts: list[int], offset: int) -> Token:
    return tokens[max(0, bisect.bisect_right(starts, offset) - 1)]


def check_stamp(entry: Entry, tokens: list[Token], starts: list[int], text: str, lang: str | None,
                mode: str, page_id: str) -> list[dict[str, Any]]:
    """An entry's time and date against what its own time_text (and the line beside it) prints."""
    out = []
    stamp = entry.stamp
    time_text = stamp.text
    line = _line_of(tokens, starts, stamp.span[0])
    s, e = stamp.span[0] - line.start, stamp.span[1] - line.start
    ctx = context(line.text, s, e) if 0 <= s <= len(line.text) else safe(time_text)
    clock = printed_clock(time_text)
    if clock is not None and mode == "blind":
        if entry.local_time is None or not clock_agrees(clock, entry.local_time):
            got = entry.local_time.strftime("%H:%M") if entry.local_time else "none"
            out.append(_finding("time_disagrees", page_id, time_text, ctx, mode=mode, got=got, shape=shape(time_text)))
    if stamp.kind is StampKind.RELATIVE or stamp.days_ago is not None:
        return out
    readings = printed_dates(time_text, lang)
    own = feedline_reading(time_text, lang)
    if readings:
        agrees = date_agrees(readings, entry)
        if agrees is False:
            out.append(_finding("date_disagrees", page_id, time_text, ctx, mode=mode, got=entry.date.iso,
                                basis=entry.date.basis.value, shape=shape(time_text)))
        if mode == "blind" and (own is None or own[1] is None):  # the survey reads a date, feedline none
            out.append(_finding("date_unread", page_id, time_text, ctx, mode=mode, got=entry.date.iso,
                                shape=shape(time_text)))
    if own is not None and own[5] is not None and entry.date.local_date is not None \
            and entry.date.local_date.weekday() != own[5]:
        out.append(_finding("date_disagrees", page_id, time_text, ctx, mode=mode, got=entry.date.iso,
                            basis=entry.date.basis.value, shape=shape(time_text) + " (weekday)"))
    if 0 <= s <= len(line.text):
        # The stamp widened over a date printed beside it ("2024/12/03" + time_text "23:58"),
        # read as a whole: "2020. 06. 04." before "06. 04. 11:27" makes it year-month-day.
        a, b = stamp_candidate(line.text, s, e)
        beside = line.text[a:s] + line.text[e:b]
        near = printed_dates(line.text[a:b], lang) if regex.search(r"\d", beside) else []
        if near and date_agrees(near, entry) is not True and (not readings or set(near) != set(readings)):
            out.append(_finding("date_beside", page_id, line.text[a:b], ctx, mode=mode, got=entry.date.iso,
                                shape=shape(line.text[a:b])))
    return out


def check_order(timeline: Timeline, mode: str, page_id: str) -> list[dict[str, Any]]:
    """Dates against the feed's order: in a newest-first feed no date is later than the one above."""
    out = []
    feeds: dict[int, list[Entry]] = defaultdict(list)
    for entry in sorted(timeline.entries, key=lambda x: x.position):
        if entry.visible and entry.date.local_date is not None:
            feeds[entry.feed].append(entry)
    for members in feeds.values():
        if len(members) < 3:
            continue
        moments = [datetime.combine(x.date.local_date, x.local_time or dtime(0)) for x in members]
        down = sum(b < a for a, b in zip(moments, moments[1:]))
        up = sum(b > a for a, b in zip(moments, moments[1:]))
        if down == up:
            continue
        newest_first = down > up
        for a, b in zip(members, members[1:]):
            da, db = a.date.local_date, b.date.local_date
            if (newest_first and db > da) or (not newest_first and db < da):
                kind = "printed_unordered" if _printed(a) and _printed(b) else "backwards"
                string = f"{a.stamp.text} → {b.stamp.text}"
                ctx = f"{da} ({a.date.basis.value}) then {db} ({b.date.basis.value}), {'newest' if newest_first else 'oldest'}-first feed"
                out.append(_finding(kind, page_id, string, safe(ctx), mode=mode))
    return out


def _printed(entry: Entry) -> bool:
    """The entry's stamp states its own date or offset: the page's order, not feedline's dating."""
    stamp = entry.stamp
    return stamp.month is not None or stamp.kind is StampKind.RELATIVE or stamp.days_ago is not None


def check_modes(blind: Timeline, capture: Timeline, page_id: str) -> list[dict[str, Any]]:
    """Entries dated in both modes with two different dates."""
    out = []
    dated = {x.id: x for x in capture.entries if x.date.local_date is not None}
    for entry in blind.entries:
        other = dated.get(entry.id)
        if other is not None and entry.date.local_date is not None and other.date.local_date != entry.date.local_date:
            ctx = (f"blind {entry.date.local_date} ({entry.date.basis.value}), capture {other.date.local_date} "
                   f"({other.date.basis.value}), now {capture.now:%Y-%m-%d %H:%M}")
            out.append(_finding("modes_disagree", page_id, entry.stamp.text, safe(ctx)))
    return out


def check_merged(timeline: Timeline, page_id: str) -> list[dict[str, Any]]:
    """Lines of an entry's text that open with a stamp-shaped string: another item swallowed."""
    out = []
    for entry in timeline.entries:
        for line in (entry.text or "").split("\n"):
            body = normalise(line).lstrip(_LEAD_JUNK)
            m = CLOCK_SHAPE_RE.match(body)
            if m is None or len(body) - m.end() < 3:  # a stamp alone under a stamp is not an item
                continue
            offset = len(line) - len(body)
            out.append(_finding("merged", page_id, m[0], context(line, offset + m.start(), offset + m.end()),
                                stamp=safe(entry.stamp.text), shape=shape(m[0])))
    return out


def classify_clocks(timeline: Timeline, tokens: list[Token], starts: list[int],
                    result: dict[str, Any]) -> list[tuple[str, str]]:
    """Count every clock-shaped string by class; unread edge ones become findings. Returns the
    page's edge clocks outside entries, for the missed-feed test."""
    text = normalise(timeline.page.text)
    stamps = [x.stamp.span for x in timeline.entries if x.visible]
    spans = sorted(x.span for x in timeline.entries if x.visible)
    span_starts = [a for a, _ in spans]
    counts: Counter = result["clocks"]
    edge_clocks: list[tuple[str, str]] = []
    stamp_shapes = Counter(shape(t.stamp.text) for t in tokens if t.kind is LineKind.STAMP and t.stamp is not None)
    per_line: dict[int, list[tuple[str, str]]] = defaultdict(list)  # (string, class) by line, decimals left out
    for m in clock_shapes(text):
        s, e = m.span()
        if not m[0].strip():
            continue
        s += len(m[0]) - len(m[0].lstrip())
        token = _line_of(tokens, starts, s)
        ls, le = s - token.start, e - token.start
        if any(a < e and s < b for a, b in stamps):
            kind = "entry_stamp"
        elif (i := bisect.bisect_right(span_starts, s) - 1) >= 0 and spans[i][1] > s:
            kind = "entry_text"
        elif token.kind is LineKind.PAGE_STAMP:
            kind = "page_stamp"
        elif token.kind is LineKind.HEADING:
            kind = "heading"
        elif token.kind is LineKind.BOILERPLATE:
            kind = "boilerplate"
        elif token.kind is LineKind.STAMP and token.stamp is not None:
            a, b = token.stamp.span
            kind = "stamp_no_entry" if a < e and s < b else "stamp_line_other"
            if kind == "stamp_no_entry":
                edge_clocks.append((m[0], token.text))
                a, b = stamp_candidate(token.text, ls, le)
                many = stamp_shapes[shape(token.stamp.text)] > 1
                dated = "dated" if token.stamp.month is not None or printed_dates(token.text[a:b], None) else "clock"
                if dated == "clock" and _under_date_line(tokens, token.index):
                    dated = "clock under a date line"  # "Publicado: 06/05/2020 ·" / "10:07": a byline split in two
                result["findings"].append(_finding(
                    "stamp_no_entry", result["id"], token.text[a:b], context(token.text, ls, le), shape=shape(token.text[a:b]),
                    guess=("several" if many else "lone") + ", " + dated,
                    place=token.placement.value if token.placement else None))
        elif _edge(token.text, ls, le) is None or _ends_sentence(token.text, ls, le):
            kind = "text_mention"
        else:
            kind = "unread_edge"
            edge_clocks.append((m[0], token.text))
            a, b = stamp_candidate(token.text, ls, le)
            result["findings"].append(_finding(
                "unread_edge", result["id"], token.text[a:b], context(token.text, ls, le),
                shape=shape(token.text[a:b]), form=_form(m), place=_edge(token.text, ls, le),
                guess=_look_alike(token.text, ls, le, m), patterns=_known_to_patterns(token.text, ls, le)))
        counts[kind] += 1
        if kind not in ("page_stamp", "heading") and not _bare_dotted(m):
            per_line[token.index].append((m[0], kind))
    for index, found in per_line.items():
        line = tokens[index].text
        first = CLOCK_SHAPE_RE.match(normalise(line).lstrip(_LEAD_JUNK))
        strings = [string for string, _ in found]
        # Three clocks or more, the first opening the line and two at least no entry's stamp:
        # items run together on one line, not prose (which seldom opens with a clock).
        if len(found) >= 3 and first is not None and first[0] == strings[0] \
                and sum(kind != "entry_stamp" for _, kind in found) >= 2:
            result["findings"].append(_finding(
                "inline_run", result["id"], " … ".join(strings[:4]), context(line, 0, 0), shape=shape(strings[0]),
                count=len(strings), guess="in an entry" if any(a <= tokens[index].start < b for a, b in spans) else "outside entries"))
    return edge_clocks


def _under_date_line(tokens: list[Token], index: int) -> bool:
    """Whether the nearest non-blank line above is a page stamp or ends with a printed date."""
    for token in reversed(tokens[max(0, index - 3):index]):
        if token.kind is LineKind.BLANK:
            continue
        return token.kind is LineKind.PAGE_STAMP or bool(printed_dates(token.text.rstrip(" ·|,-–")[-24:], None))
    return False


def _bare_dotted(m: re.Match[str]) -> bool:
    """"0.49", "12.43": a dotted number without a clock word, a decimal more often than a clock."""
    return bool(m["clock"]) and ":" not in m[0] and not regex.search(r"[hH]|[aApP]\.?\s?[mM]", m[0])


def _form(m: re.Match[str]) -> str:
    for name in ("clock", "ampm", "cjk", "rel_after", "rel_cjk", "rel_before"):
        if m[name]:
            return "relative" if name.startswith("rel") else name
    return "?"


# ── many pages ──────────────────────────────────────────────────────────────────────────
def pool_tasks(corpus: bool) -> list[dict[str, Any]]:
    """The pages to survey, biggest first (so the slowest do not come last)."""
    tasks = []
    sites = {}
    sites_file = POOL / "SITES.tsv"
    if sites_file.exists():
        for row in sites_file.read_text(encoding="utf-8").splitlines()[1:]:
            cells = row.split("\t")
            if len(cells) >= 3:
                sites[Path(cells[0]).name] = (cells[1], cells[2].rstrip("?") or None)
    for path in sorted((POOL / "pages").glob("*.html.gz")):
        host, lang = sites.get(path.name, (None, None))
        tasks.append({"id": path.name.removesuffix(".html.gz"), "path": str(path), "host": host, "lang": lang})
    if corpus:
        for path in sorted((CORPUS / "pages").glob("*")):
            if path.suffix in (".html", ".txt"):
                tasks.append({"id": f"corpus/{path.name}", "path": str(path), "host": f"corpus/{path.stem}", "lang": None})
    for task in tasks:
        task["bytes"] = os.path.getsize(task["path"])
    return sorted(tasks, key=lambda t: -t["bytes"])


def _worker(tasks: Any, results: Any, wid: int, timeout: float) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    while True:
        task = tasks.get()
        if task is None:
            return
        results.put(("start", wid, task["id"]))
        results.put(("done", wid, survey_page(task, timeout)))


def run_all(tasks: list[dict[str, Any]], jobs: int, timeout: float, progress: bool = True) -> list[dict[str, Any]]:
    """Survey every task in `jobs` worker processes; a worker stuck past the timeout is killed."""
    ctx = mp.get_context("fork")
    task_q, result_q = ctx.Queue(), ctx.Queue()
    for task in tasks:
        task_q.put(task)
    for _ in range(jobs):
        task_q.put(None)
    by_id = {t["id"]: t for t in tasks}
    workers: dict[int, Any] = {}
    current: dict[int, tuple[str, float]] = {}

    def start(wid: int) -> None:
        proc = ctx.Process(target=_worker, args=(task_q, result_q, wid, timeout), daemon=True)
        proc.start()
        workers[wid] = proc

    for wid in range(jobs):
        start(wid)
    results: list[dict[str, Any]] = []
    next_id = jobs
    while len(results) < len(tasks):
        try:
            kind, wid, payload = result_q.get(timeout=1)
            if kind == "start":
                current[wid] = (payload, time.monotonic())
            else:
                current.pop(wid, None)
                results.append(payload)
                if progress and len(results) % 100 == 0:
                    print(f"survey: {len(results)}/{len(tasks)} pages", file=sys.stderr)
        except queue.Empty:
            pass
        for wid, (page_id, began) in list(current.items()):
            proc = workers[wid]
            stuck = time.monotonic() - began > timeout + GRACE
            if stuck or not proc.is_alive():
                proc.kill()
                proc.join()
                current.pop(wid)
                why = "timeout" if stuck else "exception"
                string = f"> {timeout + GRACE:g} s (worker killed)" if stuck else f"worker died (exit {proc.exitcode})"
                results.append({"id": page_id, "host": by_id[page_id].get("host"), "size": by_id[page_id]["bytes"],
                                "seconds": round(time.monotonic() - began, 3), "entries": {}, "clocks": {},
                                "timeout": stuck, "findings": [_finding(why, page_id, string, "")]})
                start(next_id)  # it takes over the dead worker's end-of-queue marker
                next_id += 1
    for proc in workers.values():
        proc.join(timeout=5)
    return results


# ── report ──────────────────────────────────────────────────────────────────────────────
FINDING_CLASSES = {
    "exception": "exceptions (page, exception type, first line)",
    "timeout": "pages that hit the per-page timeout",
    "time_disagrees": "entry local_time differs from the clock its own time_text prints (blind)",
    "date_disagrees": "entry date differs from the date its own time_text prints",
    "date_unread": "time_text prints a date; feedline's stamp reader, given time_text alone, reads none",
    "date_beside": "a date printed right beside the stamp on its line, outside time_text, that the entry's date does not match",
    "modes_disagree": "entry dated in both modes, two different dates",
    "backwards": "a date feedline inferred runs against the feed's order (later date below in a newest-first feed, or the reverse)",
    "printed_unordered": "two neighbours whose stamps print their dates (or offsets) run against the feed's order: the page's own order",
    "inline_run": "a line opening with a clock string, holding 3+ of them, 2+ no entry's stamp: items printed on one visual line",
    "stamp_no_entry": "a stamp the tokenizer read that no entry kept (lone: the only stamp of its shape on the page)",
    "merged": "entry text with a line opening with a stamp-shaped string",
    "missed_feed": f"no entry, yet >= {MISSED_FEED_MIN} clock strings at line edges",
    "unread_edge": "clock-shaped string at a text line's edge, not read as a stamp",
}


SHAPED = ("unread_edge", "unread_edge_lookalike", "stamp_no_entry", "inline_run", "date_unread", "date_disagrees", "date_beside",
          "time_disagrees", "merged")  # classes whose report groups strings by shape


_LOOK_ALIKES = frozenset({"dotted, no marker", "range", "duration", "score-like"})


def _in_table(table: str, finding: dict[str, Any]) -> bool:
    """Unread edge clocks the survey guesses to be look-alikes (ranges, durations, decimals) have their own table."""
    if not table.startswith("unread_edge"):
        return True
    return (finding.get("guess") != "clock-like") == table.endswith("_lookalike")


def summarise(results: list[dict[str, Any]], elapsed: float, jobs: int,
              load: tuple[float, float] = (0.0, 0.0)) -> dict[str, Any]:
    findings = [f for r in results for f in r["findings"]]
    hosts = {r["id"]: r.get("host") or r["id"] for r in results}
    classes: dict[str, dict[str, Any]] = {}
    for kind in FINDING_CLASSES:
        items = [f for f in findings if f["class"] == kind]
        modes = Counter(f.get("mode", "-") for f in items)
        classes[kind] = {"count": len(items), "pages": len({f["page"] for f in items}),
                         "sites": len({hosts.get(f["page"], f["page"]) for f in items}), "by_mode": dict(modes)}
    clocks: Counter = Counter()
    clock_pages: Counter = Counter()
    for r in results:
        clocks.update(r["clocks"])
        clock_pages.update(k for k, v in r["clocks"].items() if v)
    shapes: dict[str, dict[str, Any]] = {}
    for kind in SHAPED:
        groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for f in findings:
            if f["class"] == kind.removesuffix("_lookalike") and _in_table(kind, f):
                groups[f.get("shape", "")].append(f)
        shapes[kind] = sorted(({"shape": sh, "count": len(items), "sites": len({hosts.get(f["page"], f["page"]) for f in items}),
                                "pages": sorted({f["page"] for f in items})[:20],
                                "guess": Counter(f.get("guess") for f in items).most_common(1)[0][0],
                                "known_to_patterns": sum(bool(f.get("patterns")) for f in items),
                                "example": f"{items[0]['page']}: {items[0]['string']}"}
                               for sh, items in groups.items()), key=lambda g: (-g["sites"], -g["count"], g["shape"]))
    guesses = Counter((f.get("guess"), f.get("form")) for f in findings if f["class"] == "unread_edge")
    families: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for f in findings:
        if f["class"] in ("unread_edge", "stamp_no_entry", "date_beside") and f.get("guess") not in _LOOK_ALIKES:
            label = f["class"] if f["class"] != "stamp_no_entry" else f"stamp_no_entry ({f.get('guess')})"
            families[(label, family(f.get("shape", "")))].append(f)
    family_rows = sorted(({"class": c, "family": fam, "count": len(items),
                           "sites": len({hosts.get(f["page"], f["page"]) for f in items}),
                           "pages": sorted({f["page"] for f in items})}
                          for (c, fam), items in families.items()), key=lambda r: (r["class"], -r["sites"], r["family"]))
    slow = sorted(results, key=lambda r: -r["seconds"])[:10]
    return {
        "pages": len(results), "elapsed_seconds": round(elapsed, 1), "jobs": jobs,
        "cpu_seconds": round(sum(r.get("cpu", 0.0) for r in results), 1), "load": load,
        "entries": {m: sum(r["entries"].get(m, 0) for r in results) for m in ("blind", "capture")},
        "pages_with_entries": sum(1 for r in results if r["entries"].get("blind")),
        "pages_with_capture": sum(1 for r in results if "capture" in r["entries"]),
        "classes": classes,
        "clocks": {k: {"count": clocks[k], "pages": clock_pages[k]} for k in CLOCK_CLASSES},
        "families": family_rows,
        "unread_edge_guesses": [{"guess": g, "form": f, "count": n} for (g, f), n in guesses.most_common()],
        "shapes": shapes,
        "slowest": [{"page": r["id"], "seconds": r["seconds"], "cpu": r.get("cpu"), "bytes": r["size"]} for r in slow],
    }


def report(summary: dict[str, Any], findings: list[dict[str, Any]], examples: int, out: Any = None) -> None:
    out = out or sys.stdout
    w = lambda s="": print(s, file=out)  # noqa: E731
    w(f"feedline survey: {summary['pages']} pages in {summary['elapsed_seconds']} s (--jobs {summary['jobs']}, "
      f"{summary['cpu_seconds']} s CPU in the workers, load average {summary['load'][0]:.1f} before, {summary['load'][1]:.1f} after); "
      f"entries blind {summary['entries']['blind']} on {summary['pages_with_entries']} pages, "
      f"capture {summary['entries']['capture']} ({summary['pages_with_capture']} pages with a markup time)")
    w()
    w("Findings (count / pages / sites; by mode):")
    for kind, label in FINDING_CLASSES.items():
        c = summary["classes"][kind]
        modes = ", ".join(f"{m} {n}" for m, n in sorted(c["by_mode"].items()) if m != "-")
        w(f"  {kind:<17} {c['count']:>6} {c['pages']:>5} {c['sites']:>5}  {label}" + (f" [{modes}]" if modes else ""))
    w()
    w("Clock-shaped strings in page text (count / pages):")
    for kind, label in CLOCK_CLASSES.items():
        c = summary["clocks"][kind]
        w(f"  {kind:<17} {c['count']:>7} {c['pages']:>5}  {label}")
    w()
    w("Unread edge clocks, by the survey's guess of what they are (guess / form: count):")
    for g in summary["unread_edge_guesses"][:12]:
        w(f"  {g['guess']:<18} {g['form']:<9} {g['count']:>6}")
    w()
    w("Slowest pages:")
    for s in summary["slowest"]:
        w(f"  {s['seconds']:>7.2f} s ({s['cpu'] or 0:.2f} s CPU)  {s['bytes']:>9} bytes  {s['page']}")
    w()
    w("Stamp forms by family (class / family: count, sites, first pages):")
    for r in summary["families"]:
        w(f"  {r['class'][:34]:<34} {r['family'][:58]:<58} {r['count']:>5} {r['sites']:>4}  {', '.join(r['pages'][:6])}")
    for kind in SHAPED:
        groups = summary["shapes"][kind]
        if not groups:
            continue
        w()
        w(f"{kind}: shapes by number of sites (sites / count / known to feedline's patterns / guess / example):")
        for g in groups[:max(examples * 3, 10)]:
            w(f"  {g['sites']:>4} {g['count']:>5} {g['known_to_patterns']:>4}  {g['guess'] or '':<17} {safe(g['shape'])[:40]:<40}  {g['example'][:60]}")
    for kind in FINDING_CLASSES:
        items = [f for f in findings if f["class"] == kind]
        if not items:
            continue
        w()
        w(f"{kind} — examples ({min(examples, len(items))} of {len(items)}):")
        seen_pages: set[str] = set()
        shown = 0
        for f in sorted(items, key=lambda f: f["page"]):
            if f["page"] in seen_pages:
                continue  # one example per page: the classes are about breadth
            seen_pages.add(f["page"])
            extra = "".join(f" {k}={f[k]}" for k in ("mode", "got", "basis", "guess") if f.get(k) is not None)
            w(f"  {f['page']} | {f['string']} |{extra}")
            if f["context"]:
                w(f"      {f['context']}")
            shown += 1
            if shown >= examples:
                break


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", action="store_true", help="also survey ../shared/corpus/pages (HTML and text)")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes (default 2)")
    parser.add_argument("--limit", type=int, default=0, help="survey only the first N pages (by name)")
    parser.add_argument("--only", default="", help="comma-separated page ids (fundus-1, corpus/bbc-1.html)")
    parser.add_argument("--examples", type=int, default=5, help="examples per class in the report")
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds per page before it is given up")
    parser.add_argument("--json", metavar="FILE", help="write the summary and every finding to FILE")
    args = parser.parse_args(argv)
    if not (POOL / "pages").is_dir():
        print(f"survey: {POOL / 'pages'} not found (no ../shared here): skipped")
        return 0
    tasks = pool_tasks(args.corpus)
    if args.only:
        wanted = {x.strip() for x in args.only.split(",") if x.strip()}
        tasks = [t for t in tasks if t["id"] in wanted]
    if args.limit:
        tasks = sorted(tasks, key=lambda t: t["id"])[:args.limit]
    load_before = os.getloadavg()[0]
    started = time.perf_counter()
    results = run_all(tasks, max(1, args.jobs), args.timeout)
    elapsed = time.perf_counter() - started
    summary = summarise(results, elapsed, max(1, args.jobs), (load_before, os.getloadavg()[0]))
    findings = [f for r in sorted(results, key=lambda r: r["id"]) for f in r["findings"]]
    report(summary, findings, args.examples)
    if args.json:
        Path(args.json).write_text(json.dumps({"summary": summary, "findings": findings,
                                               "pages": [{k: r.get(k) for k in ("id", "host", "size", "seconds", "cpu", "entries", "clocks")}
                                                         | {"now": r.get("now")} for r in results]},
                                              ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
