"""Lines of a page → tokens: stamps (with their placement), date headings, text, boilerplate.

The tokenizer decides what a line *is*, never what date anything has. A stamp is a feed
candidate only where feeds put stamps: alone on its line, leading it ("12.31 Uhr: Headline",
"02:03Headline") or trailing it ("Author, 8 января, 17:46"). A clock in the middle of a
sentence ("at 4:00 PM") is a mention and stays text.

Long lines are only searched near their ends, so a 20 MB single-line input costs no more
than a short one.
"""
from __future__ import annotations

import functools
import operator
import re
from array import array
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, fields
from datetime import date, datetime
from enum import StrEnum
from itertools import compress
from typing import NamedTuple

import regex

from feedline import lexicon
from feedline.lines import line_table, one_blank_a_run
from feedline.scan import lowered, whole_word, word_hits
from feedline.model import Page, Stamp, StampKind
from feedline.scripts import script_language
from feedline.patterns import (
    CJK_CHAR_RE,
    CLOCK_RE,
    FLAGS,
    DATETIME_RE,
    DAY_WORD,
    DAY_WORD_RE,
    HEADING_DATE_RE,
    HEADING_DAYWORD_RE,
    MENTION_BEFORE_CLOCK_RE,
    MONTH_NUMBER,
    PAGE_STAMP_CUE_RE,
    BY_NAME_RE,
    PERIOD_BEFORE_RE,
    PLAIN_CLOCK_RE,
    PLAIN_DATETIME_RE,
    RELATIVE_RE,
    WEEKDAY_NAMES,
    WEEKDAY_NUMBER,
    ZONE_LABELS,
    lazy_re,
    lazy_regex,
)

# Lines longer than this are only searched within EDGE characters of either end.
SHORT_LINE = 180
EDGE = 90
DATE_REACH = 48  # a date printed with a clock lies within this many characters of it
SHORT_REST = 40  # a dated stamp may sit inside a line with this much other text
BOILERPLATE_MAX = 80  # longer lines are never boilerplate
PAGE_STAMP_REACH = 300  # a byline's stamp lies within this many characters of its start
REPEATED_BYLINES = 3  # this many different byline stamps of one shape are a comment thread's stamps

# Offsets in minutes for zone labels that name one offset only ("IST" and "CST" are ambiguous).
ZONE_OFFSETS: dict[str, int] = {
    "GMT": 0, "UTC": 0, "BST": 60, "CET": 60, "CEST": 120, "EET": 120, "EEST": 180, "WET": 0,
    "WEST": 60, "MSK": 180, "EST": -300, "EDT": -240, "CDT": -300, "MST": -420, "MDT": -360,
    "PST": -480, "PDT": -420, "JST": 540, "KST": 540, "EAT": 180, "WAT": 60, "CAT": 120,
    "SAST": 120, "AEST": 600, "AEDT": 660, "HKT": 480, "SGT": 480, "PKT": 300,
}
assert set(ZONE_OFFSETS) <= set(ZONE_LABELS)

_BOILERPLATE = (
    r"^[\W_]{0,3}(?:subscribe|sign\s?up|sign\sin|log\s?in|newsletter|advertisement|advertising|anzeige|werbung|"
    r"publicité|pubblicità|publicidad|reklama|реклама|read\smore|more\s(?:news|videos|stories)|show\smore|"
    r"load\smore|(?:show|load)\s\d{1,5}\smore\b.*|zobrazit\s(?:další|dalších|více)\b.*|view\sall\b.*|see\sall\b.*|©.*|copyright\b.*|all\srights\sreserved.*|"
    r"weiterlesen|mehr\sladen|lire\sla\ssuite|leggi\sanche|share|teilen|partager|condividi|"
    r"enter\syour\semail.*|please,?\senter.*|.*indicates\srequired|thank\syou\sfor\ssigning\sup.*|"
    r"successfully\ssubscribed|successfuly\ssubscribed|skip\sto\s(?:content|main\scontent)|"
    r"follow\sus.*|watch\sus\son.*|cookie.*|accept|close|menu|search|comments?|\d+\scomments?|"
    + "|".join(lexicon.REPLY_WORDS) + r")\W{0,3}$"
)
_BOILERPLATE_RE = lazy_re(_BOILERPLATE, re.IGNORECASE)
_BOILERPLATE_LOWERED_RE = lazy_re(_BOILERPLATE)  # for lowered ASCII lines


class LineKind(StrEnum):
    BLANK = "blank"
    TEXT = "text"
    STAMP = "stamp"  # carries a feed-candidate stamp
    HEADING = "heading"  # a date heading or day word alone on its line
    PAGE_STAMP = "page_stamp"  # byline / updated / published stamp: a page date, not an entry
    BOILERPLATE = "boilerplate"


# The kinds as plain names for the per-line code: on Python 3.11 each `LineKind.X` is a
# slow enum member lookup, which shows in a loop over every line of a page.
_TEXT, _BLANK, _STAMP = LineKind.TEXT, LineKind.BLANK, LineKind.STAMP
_HEADING, _PAGE_STAMP, _BOILERPLATE = LineKind.HEADING, LineKind.PAGE_STAMP, LineKind.BOILERPLATE


class Placement(StrEnum):
    ALONE = "alone"
    LEAD = "lead"
    TRAIL = "trail"
    INSIDE = "inside"  # a dated stamp between a short label and a short note


@dataclass(frozen=True, slots=True)
class Heading:
    """What a heading line states: a date (possibly without year) or a day word."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    days_ago: int | None = None  # "Yesterday" = 1
    relative_minutes: float | None = None  # a relative group label ("Acum 2 ore")
    weekday: int | None = None  # 0 = Monday, when the heading names the day of the week


class Token(NamedTuple):
    """One line of the page and what it is (a named tuple: a page makes thousands)."""

    index: int
    start: int  # offset of the stripped line in Page.text
    text: str  # the line, stripped
    kind: LineKind
    stamp: Stamp | None = None
    placement: Placement | None = None
    rest: str = ""  # the line without its stamp
    heading: Heading | None = None

    @property
    def end(self) -> int:
        return self.start + len(self.text)


# A token made without its constructor's Python frame (a NamedTuple's `__new__` is a Python
# function), all eight fields given: for the lines every page has many of.
_new = tuple.__new__


class TokenTable(Sequence[Token]):
    """A page's tokens, one per visual line, in a compact table.

    Most lines of a hostile page (and many of a real one) are blank: those are kept as
    their start offset alone (8 bytes in an array, beside a shared `None` in the token list)
    and made into a `Token` when read. A page of 16 MB of bare newlines costs about 16 bytes
    a line here, where a list of tokens cost about 190. Reads like a list of tokens; a
    token is replaced with `replace`, which copies the table on first change.
    """

    __slots__ = ("_kept", "_starts", "guessed_month_first")

    def __init__(self, kept: list[Token | None], starts: array) -> None:
        self._kept = kept  # the token of each line, None for a blank line
        self._starts = starts  # each line's start offset (read for the blank lines)
        # The order its numeric dates were read in when only a custom decided it (nothing
        # on the page or in its locale did); None when no line asked, or evidence settled it.
        self.guessed_month_first: bool | None = None

    def __len__(self) -> int:
        return len(self._kept)

    def __getitem__(self, index):  # type: ignore[override]  # an int: a Token; a slice: a list
        if type(index) is int:  # the common case first: the stages walk lines one by one
            token = self._kept[index]
            if token is not None:
                return token
            if index < 0:
                index += len(self._kept)
            return tuple.__new__(Token, (index, self._starts[index], "", _BLANK, None, None, "", None))
        if isinstance(index, slice):
            kept = self._kept[index]
            if None not in kept:  # no blank line in the slice (a C-speed test)
                return kept
            first, _, step = index.indices(len(self._kept))
            make, blank, starts = tuple.__new__, _BLANK, self._starts
            return [make(Token, (i, starts[i], "", blank, None, None, "", None)) if token is None else token
                    for i, token in zip(range(first, first + step * len(kept), step), kept)]
        if index < 0:
            index += len(self._kept)
        return self._token(index)

    def __iter__(self) -> Iterator[Token]:
        if None not in self._kept:  # no blank line (a C-speed test)
            yield from self._kept
            return
        make, blank, starts = tuple.__new__, _BLANK, self._starts  # a Token without its constructor's frame
        for i, token in enumerate(self._kept):
            yield make(Token, (i, starts[i], "", blank, None, None, "", None)) if token is None else token

    def filled(self) -> Iterator[Token]:
        """The tokens of the lines that are not blank, in order, at C speed."""
        return filter(None, self._kept)

    def between(self, start: int, stop: int) -> list[Token]:
        """The tokens of the lines in [start, stop) that are not blank, in order, at C speed
        (a slice would make a token for each blank line first)."""
        return list(filter(None, self._kept[start:stop]))

    def filled_from(self, start: int, step: int) -> Iterator[Token]:
        """The tokens of the lines that are not blank from line `start` on, going down
        (`step` 1) or up (-1), nearest first, at C speed: the iterator starts at `start`
        without stepping over the lines before it."""
        lines = iter(self._kept) if step > 0 else reversed(self._kept)
        if start < 0 or start >= len(self._kept):
            return iter(())
        lines.__setstate__(start)  # the position to read next (both iterators pickle so)
        return filter(None, lines)

    def nonblank(self) -> Iterator[tuple[int, Token]]:
        """(index, token) of the lines that are not blank, in order (the blank ones unmade)."""
        return compress(enumerate(self._kept), self._kept)

    def _token(self, i: int) -> Token:
        token = self._kept[i]
        return tuple.__new__(Token, (i, self._starts[i], "", _BLANK, None, None, "", None)) if token is None else token

    def replace(self, changes: dict[int, Token]) -> TokenTable:
        """A table with the tokens at the given indices replaced (this one unchanged)."""
        kept = list(self._kept)
        for i, token in changes.items():
            kept[i] = token
        table = TokenTable(kept, self._starts)
        table.guessed_month_first = self.guessed_month_first
        return table


def tokenize(page: Page, *, month_first: bool | None = None) -> TokenTable:
    """Split the page into its visual lines (see `lines`) and classify each one; `month_first`
    sets the order of its numeric dates (by default the page's own evidence decides)."""
    ctx = Context(page.text, page.lang or script_language(page.text), page.locale, month_first)
    offsets, raws = line_table(page.text)
    cut = len(raws) != page.text.count("\n") + 1  # inline runs split (`lines`)
    offsets, raws = one_blank_a_run(offsets, raws)
    # Scan first: the lines where an "ago" word may be, from one pass over the whole text.
    relative = _relative_lines(page.text, offsets, raws, cut)
    # Each line's start (after its leading white space) and stripped text, at C speed; Python
    # looks only at the lines that are not blank.
    starts = array("q", map(operator.add, offsets, map(operator.sub, map(len, raws), map(len, map(str.lstrip, raws)))))
    del offsets
    kept: list[Token | None] = [None] * len(raws)
    has_digit = _DIGITS_RE.search
    # A line's token depends on its text and the page alone, its offsets aside: a line
    # printed again on the page ("Reply", "12:30", a byline) is read once (see `_moved`);
    # one read on a recent page with the same language, again when what it read of that page
    # is the same here (`_remembered`).
    read: dict[tuple[str, bool], Token] = {}
    lang = ctx.lang
    for index in compress(range(len(raws)), map(str.strip, raws)):
        line = raws[index].strip()
        ago = index in relative
        may_stamp = ago or has_digit(line) is not None
        if not may_stamp and len(line) > BOILERPLATE_MAX:  # plain text (see `_plain_line`)
            kept[index] = _new(Token, (index, starts[index], line, _TEXT, None, None, "", None))
            continue
        known = read.get((line, ago))
        if known is None:
            known = _remembered(line, ago, lang, ctx)
        if known is not None:
            kept[index] = token = _moved(known, index, starts[index])
        elif may_stamp:
            kept[index] = token = _remember(line, ago, ctx, lambda: _classify(index, starts[index], line, ctx,
                                                                              relative=ago))
        else:  # what `_classify` does with a line without digits or "ago" words
            kept[index] = token = _remember(line, ago, ctx, lambda: _plain_line(index, starts[index], line, ctx))
        if len(read) < READ_LINES_KEPT:
            read[line, ago] = token
    del raws
    tokens = TokenTable(kept, starts)
    tokens = _compact_relatives_to_stamps(_cued_stamps_to_page_stamps(
        _relative_labels_to_headings(_clocks_beside_checked(_repeated_bylines_to_stamps(tokens, ctx), ctx))), ctx)
    tokens.guessed_month_first = ctx.guessed_month_first()
    return tokens


# `tokenize` with the order of numeric dates set (see `order_contradicted`): one function
# each, so that what they read is remembered apart (`memo.entries_of`).
TOKENIZE_IN_ORDER: dict[bool, Callable[[Page], TokenTable]] = {
    True: functools.partial(tokenize, month_first=True),
    False: functools.partial(tokenize, month_first=False),
}


READ_LINES_KEPT = 4096  # distinct lines a page's tokenizer remembers (a bound on its memory)

# Lines read on recent pages (a feed's snapshots repeat most of their lines): by text, "ago"
# scan and page language, each token with what its reading asked of its page (`Context.asked`).
# All are forgotten when REMEMBERED_LINES are held (or by `forget_lines`: memo.clear); lines
# over REMEMBERED_CHARS characters are not kept.
REMEMBERED_LINES = 16_384
REMEMBERED_CHARS = 500
_lines: dict[tuple[str, bool, str | None], tuple[Token, tuple[tuple[str, object], ...]]] = {}


def _remembered(line: str, ago: bool, lang: str | None, ctx: Context) -> Token | None:
    """The token of `line` read on a recent page, when all it asked of that page is the same on this one."""
    found = _lines.get((line, ago, lang))
    if found is None:
        return None
    token, asked = found
    if not asked:  # most lines ask nothing of their page
        return token
    return token if all(getattr(ctx, name)() == value for name, value in asked) else None


def _remember(line: str, ago: bool, ctx: Context, read: Callable[[], Token]) -> Token:
    """`read()`, the token of `line` on this page, kept with what it asked of the page."""
    if len(line) > REMEMBERED_CHARS:
        return read()
    ctx.asked = []
    try:
        token = read()
        asked = tuple(ctx.asked)
    finally:
        ctx.asked = None
    if len(_lines) >= REMEMBERED_LINES:
        _lines.clear()
    _lines[line, ago, ctx.lang] = (token, asked)
    return token


def forget_lines() -> None:
    """Forget the lines read on earlier pages."""
    _lines.clear()


def _moved(token: Token, index: int, start: int) -> Token:
    """The token of a line read elsewhere on the page, for the same text at `index`, `start`:
    its offsets, and its stamp's, moved."""
    stamp = token.stamp
    if stamp is not None:
        shift = start - token.start
        stamp = _with_span(stamp, (stamp.span[0] + shift, stamp.span[1] + shift))
    return _new(Token, (index, start, token.text, token.kind, stamp, token.placement, token.rest, token.heading))


_STAMP_FIELDS = operator.attrgetter(*(f.name for f in fields(Stamp)))
assert fields(Stamp)[1].name == "span", "_with_span rebuilds a Stamp with `span` its second field"


def _with_span(stamp: Stamp, span: tuple[int, int]) -> Stamp:
    """`replace(stamp, span=span)` in a third of its time (no keyword dictionary built)."""
    values = _STAMP_FIELDS(stamp)
    return Stamp(values[0], span, *values[2:])


def _classify(index: int, start: int, line: str, ctx: Context, relative: bool = True) -> Token:
    """What the line is. `relative` False: the scan found no "ago" word in it (`_relative_lines`)."""
    if not line:
        return Token(index, start, line, _BLANK)
    shown = line
    line = western_digits(line)  # matched in Western digits, shown as printed
    # A long line holds a stamp only near an end: look there only.
    edges = line if len(line) <= SHORT_LINE else f"{line[:EDGE]}\n{line[-EDGE:]}"
    # Most lines carry no digit: then only a day word, a weekday or a worded relative
    # stamp ("an hour ago") can make them more than text.
    digits = _DIGITS_RE.search(edges) is not None
    if not digits and not (relative and _has_relative_word(edges)):
        return _plain_line(index, start, shown, ctx)
    heading = _heading(line, ctx) if len(line) <= 60 and (digits or _may_be_day_heading(line)) else None
    if heading is not None:
        return Token(index, start, shown, _HEADING, heading=heading)
    clock = digits and _may_hold_clock(line, 0, PAGE_STAMP_REACH)
    if clock and (PAGE_STAMP_CUE_RE.search(line[:200].lower()) or BY_NAME_RE.search(line, 0, 200)
                  or _CUE_AFTER_CLOCK_RE.search(line, 0, 200)):
        page_stamp = _page_stamp(shown, start, ctx)
        if page_stamp is not None:
            return Token(index, start, shown, _PAGE_STAMP, page_stamp)
    # A short line is one window, the whole line, which the clock test above read already.
    found = _find_stamp(shown, start, ctx, ago_word=relative, line=line,
                        clock=clock if digits and len(line) <= SHORT_LINE else None)
    if found is not None:
        stamp, placement, rest = found
        return _new(Token, (index, start, shown, _STAMP, stamp, placement, rest, None))
    return _plain_line(index, start, shown, ctx, may_head=False)


# Digits of other scripts (Arabic-Indic, Persian, Devanagari, Bengali, Thai, full-width) and
# the full-width colon, slash, hyphen and wave dashes, one character for one: offsets into
# the line stay valid.
_DIGIT_MAP = {base + i: ord("0") + i for base in (0x0660, 0x06F0, 0x0966, 0x09E6, 0x0E50, 0xFF10) for i in range(10)}
_DIGIT_MAP |= {0xFF1A: ord(":"), 0xFF0F: ord("/"), 0xFF0D: ord("-"), 0xFF5E: ord("~"), 0x301C: ord("~")}


_MAPPED_RE = lazy_re("[" + "".join(re.escape(chr(c)) for c in _DIGIT_MAP) + "]")


def western_digits(text: str) -> str:
    """The text with other scripts' digits as ASCII digits, character for character."""
    if text.isascii() or _MAPPED_RE.search(text) is None:  # a scan far cheaper than the translation
        return text
    return text.translate(_DIGIT_MAP)


# East Asian page-stamp cues follow the clock, often glued to it: "21時57分現在" (as of),
# "01時40分更新", "22:08 更新" (updated), "02:19 기준" (as of): asahi.com, chunichi.co.jp,
# nikkan-gendai.com, weekly.ascii.jp, cna.com.tw, mk.co.kr.
_CUE_AFTER_CLOCK_RE = lazy_re(r"\d(?::\d\d|[時时]\d{1,2}分|시(?:\s?\d{1,2}분)?)\s?(?:現在|現時点|時点|更新|기준)")


def _plain_line(index: int, start: int, line: str, ctx: Context, may_head: bool = True) -> Token:
    """A line without a stamp: a day heading ("Yesterday"), boilerplate or text."""
    heading = _heading(line, ctx) if may_head and len(line) <= 60 and _may_be_day_heading(line) else None
    if heading is not None:
        return Token(index, start, line, _HEADING, heading=heading)
    if len(line) <= BOILERPLATE_MAX and _is_boilerplate(line):
        return _new(Token, (index, start, line, _BOILERPLATE, None, None, "", None))
    return _new(Token, (index, start, line, _TEXT, None, None, "", None))


def _is_boilerplate(line: str) -> bool:
    # Case-insensitive matching costs several times more than matching lowered text. The
    # two agree on ASCII text; elsewhere Unicode case folding has its oddities ("ſ" ~ "s").
    if line.isascii():
        return _BOILERPLATE_LOWERED_RE.match(line.lower()) is not None
    return _BOILERPLATE_RE.match(line) is not None


def _page_stamp(shown: str, start: int, ctx: Context) -> Stamp | None:
    """A dated stamp anywhere near the start of a byline / "Updated" line."""
    line = western_digits(shown)
    pattern = DATETIME_RE if CJK_CHAR_RE.search(line, 0, PAGE_STAMP_REACH) else PLAIN_DATETIME_RE
    for match in pattern.finditer(line, 0, PAGE_STAMP_REACH):
        s = _skip_false_weekday(line, match, match.start())
        if s is None:
            continue
        stamp = _stamp(match, StampKind.DATETIME, shown[s:match.end()], start + s, ctx)
        if stamp is not None:
            return stamp
    return None


def _find_stamp(shown: str, start: int, ctx: Context, beside: bool = True,
                ago_word: bool = True, line: str | None = None,
                clock: bool | None = None) -> tuple[Stamp, Placement, str] | None:
    """The first stamp that sits where feeds put stamps: alone, leading or trailing.

    `beside`: a clock printed right after a relative stamp is read as the stamp.
    `ago_word` False: the line holds no "ago" word (the scan says so), so no relative stamp.
    `line`: `western_digits(shown)`, when the caller has it; `clock`: for a short line,
    `_may_hold_clock` over the whole line, when the caller has asked it.
    """
    line = western_digits(shown) if line is None else line
    windows = [(0, len(line))] if len(line) <= SHORT_LINE else [(0, EDGE), (len(line) - EDGE, len(line))]
    for lo, hi in windows:
        # Every stamp but a relative one contains a clock, and sits at an edge of its line
        # (or fills most of it): the costlier patterns run only around such clocks.
        clocks = _clock_hints(line, lo, hi, clock)
        word = _relative_word(line, lo, hi) if ago_word else None
        relative = [] if word is None else [(max(lo, word[0] - RELATIVE_REACH), min(hi, word[1] + RELATIVE_REACH))]
        if not clocks and not relative:
            continue
        spots = [(max(lo, m.start() - DATE_REACH), min(hi, m.end() + DATE_REACH)) for m in clocks]
        # A date travels with its clock as digits beside it or a day word before it; without
        # either the costly date pattern cannot match there.
        dated = [spot for spot, m in zip(spots, clocks) if _may_carry_date(line, spot, m)]
        kinds = _ALL_KINDS if CJK_CHAR_RE.search(line, lo, hi) else _PLAIN_KINDS
        for pattern, kind in kinds:
            for a, b in dated if kind is StampKind.DATETIME else relative if kind is StampKind.RELATIVE else spots:
                for match in pattern.finditer(line, a, b):
                    found = _accept(line, shown, start, match, kind, ctx, beside)
                    if found is not None:
                        return found
    return None


def _clock_hints(line: str, lo: int, hi: int, may: bool | None = None) -> list[re.Match[str]]:
    """Where a clock may be in line[lo:hi], near an end of the line (`may`: what
    `_may_hold_clock(line, lo, hi)` says, when known)."""
    if not (_may_hold_clock(line, lo, hi) if may is None else may):
        return []
    hints = _CLOCK_HINT_RE if line.isascii() else _ANY_CLOCK_HINT_RE
    return [m for m in hints.finditer(line, lo, hi) if m.start() <= EDGE or len(line) - m.end() <= EDGE]


def _may_carry_date(line: str, spot: tuple[int, int], clock: re.Match[str]) -> bool:
    """Whether digits other than the clock's, or a day word before it, lie in the spot."""
    a, b = spot
    return (_DIGITS_RE.search(line, a, clock.start()) is not None or _DIGITS_RE.search(line, clock.end(), b) is not None
            or DAY_WORD_RE.search(line, a, clock.start()) is not None)


def _accept(line: str, shown: str, start: int, match: regex.Match, kind: StampKind,
            ctx: Context, beside: bool = True) -> tuple[Stamp, Placement, str] | None:
    """The match as a feed stamp, if it sits where a feed stamp sits and reads as one.

    `line` is matched (Western digits), `shown` is the line as printed: the stamp's text.
    """
    if kind is StampKind.RELATIVE and beside:
        clock = _clock_beside(line, match)
        if clock is not None:  # "35 mins ago09:12": the clock is the truth, the offset its rounding
            return _accept_clock_beside(line, shown, start, match, clock, ctx)
    s, e = match.start(), match.end()
    if kind is StampKind.DATETIME:
        s = _skip_false_weekday(line, match, s)
        if s is None:
            return None
    period = None
    if kind is StampKind.CLOCK and s and not line[max(0, s - 2):s].isascii():
        before = PERIOD_BEFORE_RE.search(line, max(0, s - 4), s)  # "오후 3:05", "下午3:05"
        if before is not None:
            s, period = before.start(), lexicon.CLOCK_PERIODS[before.group("period")]
    placement = _placement(line, s, e)
    led = placement is None and kind is not StampKind.RELATIVE and _led_by_word(line, s, e, ctx)
    if led:
        placement = Placement.LEAD
    if (placement is None and kind is StampKind.DATETIME and len(line) - (e - s) <= SHORT_REST
            and not line.endswith("。")):  # a Chinese or Japanese sentence is short in characters
        placement = Placement.INSIDE  # "Panorama 31.03.2023 12:40 01:09 min"
    if placement is None:
        return None
    if kind is StampKind.CLOCK and not led and not _plausible_clock(line, s, match, placement):
        return None
    if kind is StampKind.DATETIME and _CLOCK_RANGE_AFTER_RE.match(line, e):
        return None  # "October 31 @ 5:00 PM - 7:00 PM", "3月6日 13:00-16:40": an event's hours
    if kind is StampKind.RELATIVE and placement is Placement.TRAIL and _RELATIVE_MENTION_RE.search(line, max(0, s - 20), s):
        return None  # "Show updates from 49m ago": a control, not an item's stamp
    if placement is Placement.TRAIL and _ends_sentence(line, s, e):
        return None  # "... reopened just two weeks ago.": a sentence's own words, not a stamp
    if line[e - 1] == ")" and "(" not in line[s:e]:
        e -= 1  # "(04:32 GMT)": the opening parenthesis is outside the stamp, so is the closing one
    stamp = _stamp(match, kind, shown[s:e], start + s, ctx, period)
    if stamp is None:
        return None
    # A clock led by its "at" word is part of the sentence, which stays whole ("À 9h05, la …").
    rest = shown if led else shown[:s] + " " + shown[e:]
    return stamp, placement, _trim_rest(rest)


def _led_by_word(line: str, s: int, e: int, ctx: Context) -> bool:
    """ "À 9h05, la police …": only an "at" word before the clock, text after it, on a page
    where that word opens several lines so (see `Context.lead_words`)."""
    before = line[:s].strip(_LEAD_JUNK).casefold()
    return (bool(before) and " " not in before and bool(line[e:].strip(_TRAIL_JUNK))
            and before in ctx.lead_words())


_BESIDE = " \t\xa0·•|,-–"  # what may separate a relative stamp from the clock it rounds


def _clock_beside(line: str, match: regex.Match) -> regex.Match | None:
    """A clock right after the relative stamp, glued or across a space or a bullet.

    Only after it: a clock before a relative stamp is as often a video's length
    ("Video02:21 Vor 14 Stunden").
    """
    after = match.end()
    while after < len(line) and after - match.end() < 3 and line[after] in _BESIDE:
        after += 1
    clock = CLOCK_RE.match(line, after)
    if clock is None or not clock.group("minute") or line.startswith(":", clock.end()):
        return None  # "9H ago  01:01:43": a video's length
    return clock


ROUNDING_SLACK = 2  # minutes: sites floor or round a relative stamp


def _clocks_beside_checked(tokens: TokenTable, ctx: Context) -> TokenTable:
    """Clocks read beside relative stamps stay clocks only if they tell one capture time.

    "35 mins ago09:12" and "2 hours ago 10:05" on one page both put the capture near 09:47
    to 12:05 give or take a unit: the clocks are the items' times. "7H ago  08:51" and
    "10H ago  01:09" put it at 15:51 and 11:09: the clocks are videos' lengths, and the
    relative stamps are the stamps.
    """
    pairs: list[tuple[int, int, int]] = []  # token index, implied capture minute, tolerance
    for i, token in tokens.nonblank():  # a blank line has no stamp
        stamp = token.stamp
        if stamp is None or stamp.kind is not StampKind.CLOCK or token.kind is not _STAMP or stamp.hour is None:
            continue
        s = stamp.span[0] - token.start
        if s == 0 or not _has_relative_word(token.text[max(0, s - 40):s]):  # the cheap test first
            continue
        line = western_digits(token.text)
        relative = next((m for m in RELATIVE_RE.finditer(line, max(0, s - 40), s) if s - m.end() <= 3), None)
        minutes = _relative_minutes(relative) if relative is not None else None
        if minutes is None or minutes >= 1440:
            continue  # "2 days ago" says nothing about the clock
        clock = stamp.hour * 60 + (stamp.minute or 0)
        pairs.append((i, round(clock + minutes) % 1440, (60 if minutes >= 60 else 1) + ROUNDING_SLACK))
    if len(pairs) < 2 or all(min(abs(a - b), 1440 - abs(a - b)) <= ta + tb
                             for n, (_, a, ta) in enumerate(pairs) for _, b, tb in pairs[n + 1:n + 50]):
        return tokens
    changes: dict[int, Token] = {}
    for i, _, _ in pairs:
        token = tokens[i]
        found = _find_stamp(token.text, token.start, ctx, beside=False)
        if found is not None:
            stamp, placement, rest = found
            changes[i] = Token(token.index, token.start, token.text, _STAMP, stamp, placement, rest)
    return tokens.replace(changes)


def _accept_clock_beside(line: str, shown: str, start: int, relative: regex.Match, clock: regex.Match,
                         ctx: Context) -> tuple[Stamp, Placement, str] | None:
    """The clock beside a relative stamp as the stamp; both leave the rest of the line."""
    s, e = min(relative.start(), clock.start()), max(relative.end(), clock.end())
    placement = _placement(line, s, e)
    if placement is None:
        return None
    stamp = _stamp(clock, StampKind.CLOCK, shown[clock.start():clock.end()], start + clock.start(), ctx)
    if stamp is None:
        return None
    return stamp, placement, _trim_rest(shown[:s] + " " + shown[e:])


# A second clock after a dash or "to": the stamp is the start of a range of hours.
_CLOCK_RANGE_AFTER_RE = lazy_re(r"\s?(?:[-–—~]|bis|to|till|until)\s?\d{1,2}(?:[:.h]\d\d|\s?[ap]\.?m\b)", re.IGNORECASE)
# A range goes on with a connector and a number, or with a second clock; a number alone after
# a leading clock opens the headline ("18:17 107 invitaciones…": larepublica.net; "09:09 15 maja
# ruszają…": portalspozywczy.pl).
_RANGE_AFTER_RE = lazy_re(r"\s?(?:(?:[-–—]|bis|to|till|until|à|a|al|do|до)\s?\d|\d{1,2}(?:[:.h]\d\d|\s?[ap]\.?m\b))",
                          re.IGNORECASE)
_RELATIVE_MENTION_RE = lazy_regex(
    r"\b(?:from|since|seit|depuis|desde)\s{1,3}$",
    re.IGNORECASE)
_ALL_KINDS = ((DATETIME_RE, StampKind.DATETIME), (RELATIVE_RE, StampKind.RELATIVE), (CLOCK_RE, StampKind.CLOCK))
_PLAIN_KINDS = ((PLAIN_DATETIME_RE, StampKind.DATETIME), (RELATIVE_RE, StampKind.RELATIVE), (PLAIN_CLOCK_RE, StampKind.CLOCK))
_RELATIVE_ONLY = ((RELATIVE_RE, StampKind.RELATIVE),)
_DIGITS_RE = lazy_re(r"\d+")
_LETTERS_RE = lazy_re(r"[^\W\d_]+")
# Where a clock may be (a superset of CLOCK_RE's hits, found at stdlib speed; a dot
# after a digit may precede one: "18.2.15:32"); the same with East Asian clocks ("21時37分",
# "9시 5분"), for lines that are not ASCII. These are what the hints mean:
_CLOCK_HINT_SPEC = (r"(?:(?<![\d,:/])|(?<=(?<![\d,:])(?:19|20)\d\d))(?<!\D\.)(?<!^\.)(?:[01]?\d|2[0-3])(?:[:.h]|\s?h\s?)[0-5]\d(?!\d)"
                    r"|(?<!\d)(?:1[0-2]|0?[1-9])\s?[ap]\.?\s?m\b")
_ANY_CLOCK_HINT_SPEC = _CLOCK_HINT_SPEC + r"|(?<!\d)(?:[01]?\d|2[0-3])\s?[時时시]\s?[0-5]?\d\s?[分분]"
# ... and this is how they are searched: every hint starts with a digit, so that digit comes
# first, which lets the stdlib engine skip to the digits of a line at C speed (a pattern that
# opens with a look-behind is tried at every character: five times the cost). Each
# look-behind then spans the digit too, and the hour's alternatives, in their order, test
# the digit already read: the same matches, the same spans (tests/test_hotpath.py).
_HINT_HOUR = r"(?:(?<=[01])\d|(?<=\d)|(?<=2)[0-3])"  # [01]?\d | 2[0-3], its first digit read
# (a clock glued to a year, "5 maj 202111:15", as CLOCK_RE reads it: patterns._DIGIT_NOT_A_CLOCK)
_HINT_CLOCK = (r"(?:(?<![\d,:/]\d)|(?<=(?<![\d,:])(?:19|20)\d\d\d))(?<!\D\.\d)(?<!^\.\d)" + _HINT_HOUR
               + r"(?:[:.h]|\s?h\s?)[0-5]\d(?!\d)")
_HINT_AMPM = r"(?<!\d\d)(?:(?<=1)[0-2]|(?<=0)[1-9]|(?<=[1-9]))\s?[ap]\.?\s?m\b"  # 1[0-2] | 0?[1-9]
_HINT_CJK = r"(?<!\d\d)" + _HINT_HOUR + r"\s?[時时시]\s?[0-5]?\d\s?[分분]"
_CLOCK_HINT_RE = lazy_re(rf"\d(?:{_HINT_CLOCK}|{_HINT_AMPM})", re.IGNORECASE)
_ANY_CLOCK_HINT_RE = lazy_re(rf"\d(?:{_HINT_CLOCK}|{_HINT_AMPM}|{_HINT_CJK})", re.IGNORECASE)
# What every clock hint contains, digit first: a scan about eight times cheaper than the hint's.
_CLOCK_CUE_RE = lazy_re(r"\d(?:[:.]\d|\s?h\s?\d|\s?[ap]\.?\s?m)", re.IGNORECASE)
_CJK_CLOCK_CUE_RE = lazy_re(r"\d\s?[時时시]\s?\d")


def _may_hold_clock(line: str, lo: int, hi: int) -> bool:
    """False when no clock can sit in line[lo:hi] (most lines with digits hold none)."""
    if _CLOCK_CUE_RE.search(line, lo, hi) is not None:
        return True
    return not line.isascii() and _CJK_CLOCK_CUE_RE.search(line, lo, hi) is not None


def _ago_words(words: list[str]) -> str:
    """An alternation of "ago" words; Latin ones only as whole words ("vor", not "favor"; "perce", not "percent")."""
    def one(word: str) -> str:
        if word == "ago":
            return r"ago(?![^\W\d_])|(?-i:ago(?=[A-Z][a-z]))"  # "32Mago" too, and "6m agoWatching"
        if word in _GLUED_BEFORE:  # "Allgemeinvor 7 Tagen": a card's label glued before it
            return rf"\b{re.escape(word)}\b|(?<=[^\W\d_]){re.escape(word)}(?=\s\d)"
        return rf"\b{re.escape(word)}\b" if word.isascii() else re.escape(word)
    return "|".join(one(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


# "Ago" words before the count, which a label may be glued to (patterns.RELATIVE).
_GLUED_BEFORE = frozenset(w.lower() for w in lexicon.AGO_BEFORE)


# Every relative stamp contains one of these ("ago" words, and units that say "ago"). The
# ASCII ones are looked for in every line, plain substrings first (in lowered text); the
# others only in lines holding one of their non-ASCII characters.
_AGO_WORDS = [w.lower() for w in (*lexicon.AGO_AFTER, *lexicon.AGO_BEFORE, *lexicon.GLUED_AGO)]
_AGO_WORDS += [w.split()[-1] for w in lexicon.SELF_AGO_UNITS]
# A word that contains another ("yang lalu", "lalu") adds nothing to the test.
_AGO_WORDS = sorted({w for w in _AGO_WORDS if not any(o != w and o in w for o in _AGO_WORDS)})
AGO_WORDS: tuple[str, ...] = tuple(_AGO_WORDS)  # lowercase; a relative stamp holds one, or a digit
_ASCII_AGO = [w for w in _AGO_WORDS if w.isascii()]
_OTHER_AGO = [w for w in _AGO_WORDS if not w.isascii()]
_RELATIVE_WORD_RE = lazy_re(_ago_words(_ASCII_AGO), re.IGNORECASE)
# For the scan (`_relative_lines`): the ASCII words that pattern takes only as whole words;
# the other words in scripts written with Latin letters (and punctuation), and the rest,
# which only a page with a character of another script can hold.
_WHOLE_AGO = frozenset(w for w in _ASCII_AGO if w != "ago")
_LATIN_RANGES = ((0, 0x370), (0x1E00, 0x1F00), (0x2000, 0x2C00))
_LATIN_AGO = [w for w in _OTHER_AGO if all(any(a <= ord(c) < b for a, b in _LATIN_RANGES) for c in w)]
_SCRIPT_AGO = [w for w in _OTHER_AGO if w not in _LATIN_AGO]
# Each of those with a letter of its own outside ASCII: a page without that letter holds no such word.
_LATIN_AGO_MARKS = [(w, next(c for c in w if not c.isascii())) for w in _LATIN_AGO]
# Outside _LATIN_RANGES: U+0370-1DFF, U+1F00-1FFF and U+2C00 on, written as the complement
# (the same characters: the stdlib compiles a class reaching U+10FFFF seven times slower).
_SCRIPT_CHAR_RE = lazy_re("[^\x00-\u036f\u1e00-\u1eff\u2000-\u2bff]")
# The hint holds each ASCII word after the count with the space a stamp puts before it
# ("5 mins ago", "5 perce" at a line's end), searched in the lowered text padded with
# spaces (other spaces made plain): "president" and "percent" do not pass it.
_HINTS = (list(lexicon.AGO_BEFORE) + [" " + w for w in lexicon.AGO_AFTER]
          + [" " + w.split()[-1] + " " for w in lexicon.SELF_AGO_UNITS])
# Plain substrings: one `in` test per hint costs a third of a stdlib alternation's search.
_RELATIVE_HINTS = tuple(sorted({h.lower() for h in _HINTS if h.isascii()}, key=len, reverse=True))
_PLAIN_SPACES = {ord(c): " " for c in "\xa0\u2009\u202f\u3000\t"}
_OTHER_AGO_CHARS_RE = lazy_re("[" + "".join(sorted({re.escape(c) for w in _OTHER_AGO for c in w if not c.isascii()})) + "]")
_OTHER_AGO_RE = lazy_re(_ago_words(_OTHER_AGO))  # in lowered text


def _relative_lines(text: str, offsets: array, raws: list[str], cut: bool) -> set[int]:
    """The lines (visual lines starting at `offsets`, `raws`) where `_relative_word` may find
    an "ago" word: a line holding an ASCII one caselessly, or another in the lowered text.

    An ASCII word that `_RELATIVE_WORD_RE` takes only whole ("fa", not "family") counts
    only whole in a short line, where that pattern reads the whole line; a long line is read
    in parts, whose ends may cut a word, and a page whose lines were cut (`cut`: inline runs
    split by `lines`) keeps every place.
    """
    low = lowered(text)
    if low.isascii():
        words = _ASCII_AGO
    else:
        latin = [word for word, mark in _LATIN_AGO_MARKS if mark in low]  # a one-character scan each
        words = _ASCII_AGO + latin + (_SCRIPT_AGO if _SCRIPT_CHAR_RE.search(low) else [])
    found: set[int] = set()
    for first, last, at, word in word_hits(low, offsets, words):
        if (first == last and not cut and word in _WHOLE_AGO and len(raws[first]) <= SHORT_LINE
                and not whole_word(low, at, at + len(word)) and not _glued_before(low, at, word)):
            continue
        found.update(range(first, last + 1))
    return found


def _glued_before(low: str, at: int, word: str) -> bool:
    """An "ago" word before its count, glued to a label ("allgemeinvor 7 tagen")."""
    end = at + len(word)
    return word in _GLUED_BEFORE and low[end:end + 1].isspace() and low[end + 1:end + 2].isdigit()


def _has_relative_word(text: str) -> bool:
    return _relative_word(text) is not None


RELATIVE_REACH = 40  # a relative stamp lies within this many characters of its "ago" word


def _relative_word(text: str, lo: int = 0, hi: int | None = None) -> tuple[int, int] | None:
    """Where the first "ago" word of text[lo:hi] is, if any."""
    hi = len(text) if hi is None else hi
    lowered = text[lo:hi].lower()
    padded = f" {lowered} " if lowered.isascii() else f" {lowered.translate(_PLAIN_SPACES)} "
    if _any_in(_RELATIVE_HINTS, padded):
        found = _first_ascii_ago(text, lo, hi)
        if found is not None:
            return found.span()
    if not lowered.isascii() and _OTHER_AGO_CHARS_RE.search(lowered) is not None:
        found = _OTHER_AGO_RE.search(lowered)
        if found is not None:
            return found.start() + lo, found.end() + lo
    return None


# Where a match of _RELATIVE_WORD_RE may start: each of its alternatives opens with its word
# (after look-behinds only), matched caselessly, so at a place where the window's `lowered`
# form holds one of _ASCII_AGO. Plain words: the stdlib scans for them at C speed, where the
# whole pattern (a look-behind or `\b` first) is tried at every character.
_ASCII_AGO_AT_RE = lazy_re("|".join(map(re.escape, _ASCII_AGO)))


def _first_ascii_ago(text: str, lo: int, hi: int) -> re.Match[str] | None:
    """`_RELATIVE_WORD_RE.search(text, lo, hi)`, the pattern tried only where one of its
    words starts, in order: the first place it matches is the search's match."""
    low = lowered(text[lo:hi])
    find, match = _ASCII_AGO_AT_RE.search, _RELATIVE_WORD_RE.match
    at = find(low)
    while at is not None:
        start = at.start()
        found = match(text, lo + start, hi)
        if found is not None:
            return found
        at = find(low, start + 1)
    return None


def _any_in(words: tuple[str, ...], text: str) -> bool:
    """Whether one of `words` is a substring of `text`."""
    for word in words:
        if word in text:
            return True
    return False


def _may_be_day_heading(line: str) -> bool:
    """A digit-free line can only head a day as a day word or a weekday ("Yesterday", "Ieri")."""
    first = line.split(maxsplit=1)[0].strip(",.:").casefold()
    return first in lexicon.DAY_WORDS or first in WEEKDAY_NAMES


_SPACES = " \t\xa0\u2009\u202f\u3000"  # a stamp glued to a bullet by a no-break space is still alone
_LEAD_JUNK = _SPACES + "([（•·|-–—>*+"
_TRAIL_JUNK = _SPACES + ")]）:|-–—•·,."
_REST_JUNK = _SPACES + ":|-–—•·,"
_BRACKETS = {"(": ")", "[": "]", "（": "）"}
_CLOSERS = {close: open_ for open_, close in _BRACKETS.items()}
_EMPTY_BRACKETS_RE = lazy_re(r"\([\s,:|•·–—-]*\)|\[[\s,:|•·–—-]*\]|（[\s,:|•·–—-]*）")  # where the stamp was


def _trim_rest(rest: str) -> str:
    """The line without its stamp, less the separators and the brackets the stamp sat in:
    the pairs it left empty, and a bracket at an edge that pairs with nothing in the rest
    ("Title (AP) 3h ago" keeps its parenthesis, "Title (3h ago)" loses both)."""
    while _has_bracket(rest) and (emptied := _EMPTY_BRACKETS_RE.sub(" ", rest)) != rest:
        rest = emptied
    rest = rest.strip(_REST_JUNK)
    while rest:
        first, last = rest[0], rest[-1]
        if first in _CLOSERS or (first in _BRACKETS and rest.count(first) > rest.count(_BRACKETS[first])):
            rest = rest[1:].strip(_REST_JUNK)
        elif last in _BRACKETS or ((opening := _CLOSERS.get(last)) and rest.count(last) > rest.count(opening)):
            rest = rest[:-1].strip(_REST_JUNK)
        else:
            return rest
    return rest


def _has_bracket(text: str) -> bool:
    return any(bracket in text for bracket in _BRACKETS)


def _skip_false_weekday(line: str, match: regex.Match, s: int) -> int | None:
    """The stamp's start once a word taken for a weekday turns out not to be one.

    None when the false weekday sits inside the stamp ("12:40, Panorama 31.03.2023").
    """
    word = match.group("weekday")
    if word is None or word.casefold() in WEEKDAY_NAMES:
        return s
    if match.start("weekday") != match.start():
        return None
    start = match.end("weekday")
    while start < len(line) and (line[start] in ".," or line[start].isspace()):
        start += 1
    return start


SENTENCE_WORDS = 4  # words before a trailing stamp that, with a full stop after it, make a sentence


def _ends_sentence(line: str, s: int, e: int) -> bool:
    """A full stop right after the stamp, and a sentence's worth of words before it."""
    return line[e:].strip(_SPACES) == "." and len(line[:s].split(None, SENTENCE_WORDS)) >= SENTENCE_WORDS


# A date preposition alone before a stamp that opens its line, a permalink's "#" or a reply's
# "^" before that ("# Le 17 juillet à 22:09, par …": la-bas.org; "on 11/08/2020 at 9:52":
# theoriginalcopy.de; "Am 29. Mai 2017 um 14:38": zdnet.de, jaegermagazin.de).
_DATE_PREPOSITIONS = frozenset({"le", "on", "am", "el", "il", "em", "op"})
_LEAD_MARKS = _LEAD_JUNK + "#^"


def _placement(line: str, s: int, e: int) -> Placement | None:
    before = line[:s].strip(_LEAD_MARKS)
    if before.casefold() in _DATE_PREPOSITIONS:
        before = ""
    after = line[e:].strip(_TRAIL_JUNK)
    if not before and not after:
        return Placement.ALONE
    if not before:
        return Placement.LEAD
    if not after:
        return Placement.TRAIL
    return None


def _plausible_clock(line: str, s: int, match: regex.Match, placement: Placement) -> bool:
    """Reject clock look-alikes: dotted numbers without a clock word, mentions, scores."""
    has_marker = bool(match.group("ampm") or match.group("uhr") or match.group("zone"))
    if match.group("sep") == "." and not has_marker and placement is not Placement.ALONE:
        return False
    if placement is Placement.TRAIL and MENTION_BEFORE_CLOCK_RE.search(line[max(0, s - 12):s]):
        return False
    if placement is Placement.LEAD and _RANGE_AFTER_RE.match(line, match.end()):
        return False  # a range: "10:00-12:00", "10:00 – 12:00 Uhr", "10:00 bis 12:00"
    return True


def _stamp(match: regex.Match, kind: StampKind, text: str, offset: int, ctx: Context,
           period: bool | None = None) -> Stamp | None:
    """What the matched stamp states; `period` is an am/pm word printed before a lone clock."""
    span = (offset, offset + len(text))
    if kind is StampKind.RELATIVE:
        minutes = _relative_minutes(match)
        if minutes is None:
            return None
        return Stamp(text, span, kind, relative_minutes=minutes)
    hour, minute, twelve = _clock_fields(match, period)
    if hour is None:
        return None
    label, offset = _zone(match.group("zone"))
    year = month = day = days_ago = weekday = None
    if kind is StampKind.DATETIME:
        word = match.group("dayword")
        if word is not None:
            days_ago = lexicon.DAY_WORDS.get(word.casefold())
            if days_ago is None:
                return None  # not a day word: the plain clock is found on its own
        else:
            year, month, day = date_fields(match, ctx.month_first, ctx.lang)
            if month is None:
                return None  # the word was no month: the plain clock is found on its own
            named = match.group("weekday")
            weekday = WEEKDAY_NUMBER.get(named.casefold()) if named else None
    return Stamp(text, span, kind, hour=hour, minute=minute, year=year, month=month, day=day,
                 days_ago=days_ago, zone=label, utc_offset_minutes=offset, twelve_hour=twelve, weekday=weekday)


def _zone(printed: str | None) -> tuple[str | None, int | None]:
    """The zone label as printed ("GMT+1") and its UTC offset in minutes, when it names one."""
    if not printed:
        return None, None
    label = printed.upper()
    match = _ZONE_OFFSET_RE.match(label)
    if match is None:
        return label, ZONE_OFFSETS.get(label)
    base, sign, hours, minutes = match.groups()
    offset = int(hours) * 60 + int(minutes or 0)
    return label, ZONE_OFFSETS.get(base, 0) + (offset if sign == "+" else -offset)


_ZONE_OFFSET_RE = lazy_re(r"^(GMT|UTC)([+-])(\d{1,2}):?(\d{2})?$")


def _clock_fields(match: regex.Match, period: bool | None = None) -> tuple[int | None, int, bool]:
    hour = int(match.group("hour"))
    minute = int(match.group("minute") or 0)
    ampm = (match.group("ampm") or "").lower()
    if period is None and "period" in match.re.groupindex and match.group("period"):
        period = lexicon.CLOCK_PERIODS[match.group("period")]
    if ampm or period is not None:
        if hour > 12 or (hour == 0 and period is None):  # "午前0時5分" is 00:05
            return None, 0, True
        pm = ampm.startswith("p") if ampm else period
        hour = hour % 12 + (12 if pm else 0)
    return hour, minute, bool(ampm) or period is not None


def date_fields(match: regex.Match, month_first: bool | Callable[[], bool],
                lang: str | None = None) -> tuple[int | None, int | None, int | None]:
    """(year, month, day) of a matched date; Nones when it is no date.

    A month word missing from the lexicon is handed, with the page's language, to
    dateparser: only this short candidate, never the page.
    """
    groups = match.capturesdict()
    year = _year(groups.get("year") or groups.get("iso_year") or [])
    if groups.get("iso_month"):
        month, day = int(groups["iso_month"][0]), int(groups["iso_day"][0])
        return (year, month, day) if _real_day(year, month, day) else (None, None, None)
    if groups.get("month_name"):
        word = groups["month_name"][0]
        day = int(groups["day"][0]) if groups.get("day") else None
        month = MONTH_NUMBER.get(word.casefold().rstrip("."))
        if month is None and lang and day:
            month = _month_by_dateparser(f"{day} {word}", lang)
        return (year, month, day) if month and day and _real_day(year, month, day) else (None, None, None)
    if groups.get("d1"):
        a, b = int(groups["d1"][0]), int(groups["d2"][0])
        if a > 12 or b > 12:  # only one reading is a date: no need to ask the page
            day, month = (b, a) if a <= 12 < b or a > 31 else (a, b)
        else:
            first = month_first() if callable(month_first) else month_first  # asked only when needed
            day, month = (b, a) if first else (a, b)
        if _real_day(year, month, day):
            return year, month, day
    return None, None, None


def _real_day(year: int | None, month: int, day: int) -> bool:
    """Whether the calendar has this day ("31 April" is no date; 29 February only in leap years)."""
    try:
        date(year or 2000, month, day)  # 2000: a leap year, for dates printed without one
    except ValueError:
        return False
    return True


@functools.lru_cache(maxsize=512)
def _month_by_dateparser(candidate: str, lang: str) -> int | None:
    """The month of "18 Ağustos" in `lang`, by dateparser, for languages the lexicon lacks."""
    if lang in lexicon.MONTHS or not candidate[-1:].isalpha():
        return None
    import dateparser  # heavy: imported only when a page needs it

    try:
        parsed = dateparser.parse(candidate, languages=[lang], settings=_DATEPARSER_SETTINGS)
    except (ValueError, LookupError, OverflowError):  # an unknown language code, an odd date
        return None
    return parsed.month if parsed is not None else None


# Fixed settings: no dependence on the machine's clock or zone, dates only.
_DATEPARSER_SETTINGS = {
    "RELATIVE_BASE": datetime(2000, 1, 1),
    "PREFER_DATES_FROM": "past",
    "REQUIRE_PARTS": ["day", "month"],
    "PARSERS": ["absolute-time"],
}


class Context:
    """What the tokenizer knows of the whole page while it reads one line."""

    __slots__ = ("_text", "_month_first", "_order_guessed", "_lead_words", "lang", "locale", "asked")

    def __init__(self, text: str, lang: str | None, locale: str | None = None,
                 month_first: bool | None = None) -> None:
        self._text = text
        self._month_first = month_first  # None: decided when first needed
        self._order_guessed = False
        self._lead_words: frozenset[str] | None = None
        self.lang = lang  # the page's language, for dateparser's fallback
        self.locale = locale  # its language with a region ("en-US"), if declared
        # While a line is read to be remembered (`_remember`): each question asked of the page
        # and its answer. The page's text is read only through these methods.
        self.asked: list[tuple[str, object]] | None = None

    def month_first(self) -> bool:
        """Numeric dates read month-first (5.18.2005): decided once per page, when first needed."""
        if self._month_first is None:
            self._month_first, self._order_guessed = _prefers_month_first(self._text, self.lang, self.locale)
        if self.asked is not None:
            self.asked.append(("month_first", self._month_first))
        return self._month_first

    def guessed_month_first(self) -> bool | None:
        """The order numeric dates were read in, when only the language's custom chose it."""
        return self._month_first if self._order_guessed else None

    def lead_words(self) -> frozenset[str]:
        """The "at" words that open several of the page's lines before a clock ("À 9h05, …"):
        on this page they are part of the stamp's place, not text before it."""
        if self._lead_words is None:
            self._lead_words = _lead_words(self._text)
        if self.asked is not None:
            self.asked.append(("lead_words", self._lead_words))
        return self._lead_words


LEAD_WORD_LINES = 3  # lines opening with one "at" word and a clock that make it a stamp's lead
_LEAD_WORD_RE = lazy_regex(
    r"(?m)^[ \t]*(\p{L}{1,6}\.?)[ \t\xa0]+\d{1,2}(?:[:.hH]\d{2}(?![\d.:])|[ \t]*(?:Uhr|h)\b)")


def _lead_words(text: str) -> frozenset[str]:
    counts: dict[str, int] = {}
    for match in _LEAD_WORD_RE.finditer(text):
        word = match.group(1).casefold()
        if word in lexicon.LEAD_PREPOSITIONS:
            counts[word] = counts.get(word, 0) + 1
    return frozenset(word for word, count in counts.items() if count >= LEAD_WORD_LINES)


def _year(captures: list[str]) -> int | None:
    if not captures:
        return None
    text = captures[0].lstrip("'")
    value = int(text)
    if len(text) == 2:
        value += 2000 if value < 70 else 1900
    return value


def _relative_minutes(match: regex.Match) -> float | None:
    total = 0.0
    for n_group, unit_group in (("n", "unit"), ("n2", "unit2")):
        n, unit = match.group(n_group), match.group(unit_group)
        if unit is None:
            continue
        word = unit.lower()
        if n is None:  # "منذ ساعة": the unit holds its count
            count, per = 1, lexicon.COUNTED_UNITS.get(word)
        else:
            count = int(n) if n.isdigit() else lexicon.NUMBER_WORDS.get(n.lower())
            per = (lexicon.RELATIVE_UNITS.get(word) or lexicon.SELF_AGO_UNITS.get(word)
                   or lexicon.GLUED_UNITS.get(unit))
        if count is None or per is None:
            return None
        total += count * per
    return total


def _heading(line: str, ctx: Context) -> Heading | None:
    """A date heading ("Dienstag, 27. August 2024"), a weekday, or a day word ("Yesterday")."""
    if _HEADING_CHARS_RE.fullmatch(line) is None:
        return None
    line = _once(line)
    match = HEADING_DATE_RE.match(line) if len(_LETTERS_RE.findall(line)) <= HEADING_DATE_WORDS else None
    if match is not None and _known_weekday(match):
        year, month, day = date_fields(match, ctx.month_first, ctx.lang)
        if month is not None:
            weekday = match.group("weekday")
            return Heading(year=year, month=month, day=day,
                           weekday=WEEKDAY_NUMBER.get(weekday.casefold()) if weekday else None)
        if match.group("weekday") == match.group(0).strip(" .:"):
            return Heading()  # a weekday alone: a boundary, no date
    match = HEADING_DAYWORD_RE.match(line) if _DAY_WORD_START_RE.match(line) is not None else None
    if match is None or not _known_weekday(match):
        return None
    days_ago = lexicon.DAY_WORDS.get(match.group("dayword").casefold())
    if days_ago is None:
        return None
    year, month, day = date_fields(match, ctx.month_first, ctx.lang)
    return Heading(year=year, month=month, day=day, days_ago=days_ago)


# A line that prints one text twice, as two spans of a page (one for each screen size, or the
# published time's `<time>` and its shown text) do: "October 12, 2022 October 12, 2022" over
# each card's clock on investmentexecutive.com; the bylines of popsugar.com, befifty.de,
# islamische-zeitung.de, desdechinandega.com and pamelaandersonfoundation.org print theirs so too.
def _once(line: str) -> str:
    """The text a line prints twice, white space between ("October 12, 2022 October 12, 2022"),
    else the line."""
    text = line.strip()
    first = text[:len(text) // 2].rstrip()
    if first and text.endswith(first) and text[len(first):len(text) - len(first)].isspace():
        return first
    return line


# Cheap tests before the two heading patterns, each a condition that a match of the pattern
# meets (so that most lines, and most one-page runs, never compile them). A date heading
# holds at most five runs of letters: a weekday, an ordinal ("3rd"), "de", a month, "de"
# ("Quarta, 04 de Maio de 2024"), or a weekday and the four of a CJK date ("年", "月", "日",
# "(水)"); a day-word heading opens with the day word, as HEADING_DAYWORD does.
HEADING_DATE_WORDS = 5
_DAY_WORD_START_RE = lazy_regex(r"\s{0,4}" + DAY_WORD, FLAGS)

# All a heading line can hold: letters, digits, spaces and date punctuation, a colon only at
# its end. A cheap test that spares most short lines with digits (clocks, counts) the two
# heading patterns.
_HEADING_CHARS_RE = lazy_regex(r"[\p{L}\d\s.,/'’-]+(?::\s{0,4})?", FLAGS)


def _known_weekday(match: regex.Match) -> bool:
    weekday = match.group("weekday")
    return weekday is None or weekday.casefold() in WEEKDAY_NAMES


def _repeated_bylines_to_stamps(tokens: TokenTable, ctx: Context) -> TokenTable:
    """Byline-like lines that repeat ("Posted by: NAME | 5.18.2005 6:34pm") stamp a comment thread."""
    shapes: dict[str, list[int]] = {}
    for i, token in tokens.nonblank():  # a blank line has no stamp
        if token.stamp is not None and token.kind is _PAGE_STAMP:  # the cheap test first
            shape = _LETTERS_RE.sub("a", _DIGITS_RE.sub("9", token.stamp.text))  # "6:34pm" ~ "8:15am"
            shapes.setdefault(shape, []).append(i)
    changes: dict[int, Token] = {}
    for indices in shapes.values():
        if len({tokens[i].stamp.text for i in indices if tokens[i].stamp}) < REPEATED_BYLINES:
            continue  # the page's own byline, printed twice, is still one byline
        for i in indices:
            token = tokens[i]
            found = _find_stamp(token.text, token.start, ctx)
            if found is not None:
                stamp, placement, rest = found
                changes[i] = Token(token.index, token.start, token.text, _STAMP, stamp, placement, rest)
    return tokens.replace(changes) if changes else tokens



# A compact relative stamp alone on its line, without "ago": "33m", "3h", "5d" under each card
# (baltimoresun.com, chicagotribune.com, flavorwire.com, ign.com). "14h" is a clock in French,
# Portuguese or Spanish, so hours count only on an English page or beside stamps in other units
# ("13h" over "3d": flavorwire.com, fandom.wikia.com, ign.com in text dumps, which name no
# language); and a page needs two of them.
_COMPACT_RELATIVE_RE = lazy_re(r"(\d{1,2})\s?(m|min|h|hr|d)")
_HOURS = frozenset({"h", "hr"})
COMPACT_MIN_STAMPS = 2


def _compact_relatives_to_stamps(tokens: TokenTable, ctx: Context) -> TokenTable:
    """Lines that are only a compact relative stamp are stamps, when the page has several."""
    matches = {}
    for i, token in tokens.nonblank():
        if token.kind is not _TEXT or len(token.text) > 6 or not token.text[0].isdigit():
            continue
        match = _COMPACT_RELATIVE_RE.fullmatch(token.text)
        if match is not None:
            matches[i] = (token, match)
    # "14h" is an hour ago on an English page, or beside "3d" / "45m" (a text dump names no language)
    hours = (ctx.lang or "").lower().startswith("en") or any(m.group(2) not in _HOURS for _, m in matches.values())
    found: dict[int, Token] = {}
    for i, (token, match) in matches.items():
        if match.group(2) in _HOURS and not hours:
            continue
        minutes = int(match.group(1)) * lexicon.RELATIVE_UNITS[match.group(2)]
        stamp = Stamp(token.text, (token.start, token.start + len(token.text)), StampKind.RELATIVE,
                      relative_minutes=minutes)
        found[i] = _new(Token, (token.index, token.start, token.text, _STAMP, stamp, Placement.ALONE, "", None))
    return tokens.replace(found) if len(found) >= COMPACT_MIN_STAMPS else tokens


# A page-stamp cue alone on its line ("입력", "STAND", "Updated:"), the dated stamp on the next:
# hankookilbo.com, mk.co.kr, swr.de (gelbe-liste.de and spdfraktion.de print a date alone there).
_LONE_CUES = frozenset(cue.rstrip(":") for cue in lexicon.PAGE_STAMP_CUES)
LONE_CUE_REACH = 2  # the cue's line is the one above, a blank line between them at most


def _cued_stamps_to_page_stamps(tokens: TokenTable) -> TokenTable:
    """A dated stamp right under a line that is a page-stamp cue alone is the page's own stamp."""
    changes: dict[int, Token] = {}
    for i, token in tokens.nonblank():
        stamp = token.stamp
        if token.kind is not _STAMP or stamp is None or stamp.kind is not StampKind.DATETIME or stamp.month is None:
            continue
        above = next((t for t in tokens[max(0, i - LONE_CUE_REACH):i][::-1] if t.kind is not _BLANK), None)
        if above is not None and above.kind is _TEXT and above.text.lower().rstrip(": ") in _LONE_CUES:
            changes[i] = Token(token.index, token.start, token.text, _PAGE_STAMP, stamp)
    return tokens.replace(changes) if changes else tokens


def _relative_labels_to_headings(tokens: TokenTable) -> TokenTable:
    """A relative stamp alone on its line, followed by a clock line, is a group label."""
    changes: dict[int, Token] = {}
    for i, token in tokens.nonblank():  # a blank line has no stamp
        if token.stamp is None or token.stamp.kind is not StampKind.RELATIVE:  # the cheap test first
            continue
        if token.kind is not _STAMP or token.placement is not Placement.ALONE:
            continue
        nxt = next((t for t in tokens[i + 1:i + 4] if t.kind is not _BLANK), None)
        if nxt is not None and nxt.kind is _STAMP and nxt.stamp is not None and nxt.stamp.kind is not StampKind.RELATIVE:
            changes[i] = Token(token.index, token.start, token.text, _HEADING,
                               heading=Heading(relative_minutes=token.stamp.relative_minutes))
    return tokens.replace(changes) if changes else tokens


# A numeric date beside a clock: before it ("12/31/2014 11:35") or after it, the year then
# required ("11:35 AM 12/31/2014": dailycaller.com; "17:37 06.08.2020": net.hr, ln-online.de).
_NUMERIC_DATE_RE = lazy_re(
    r"(?<![\d.:/-])([0-3]?\d)[./-]([0-3]?\d)(?:[./-](\d{4}|\d\d))?[\s,]{1,3}\d\d?[:.]\d\d(?!\d)"
    r"|(?<![\d.:/-])\d\d?:\d\d(?:\s?[AaPp]\.?[Mm]\.?)?[\s,]{1,3}([0-3]?\d)[./-]([0-3]?\d)[./-](\d{4})(?!\d)")


def _numeric_fields(match: re.Match[str]) -> tuple[int, int, str | None]:
    """A `_NUMERIC_DATE_RE` match's two first fields, in print order, and its year as printed (if any)."""
    a, b, year = match.group(1, 2, 3) if match.group(1) else match.group(4, 5, 6)
    return int(a), int(b), year


def _prefers_month_first(text: str, lang: str | None, locale: str | None) -> tuple[bool, bool]:
    """(month-first, guessed): True when the page's numeric dates are month-first (5.18.2005)
    rather than day-first: by its unambiguous numeric dates, else by the date order of its
    locale ("en-US" month-first, "en-GB" day-first: dateparser's CLDR data), else by the custom
    of its language, which is a guess."""
    month_first = day_first = 0
    for match in _NUMERIC_DATE_RE.finditer(text[:2_000_000]):
        a, b, _ = _numeric_fields(match)
        if a > 12 >= b:
            day_first += 1
        elif b > 12 >= a:
            month_first += 1
    if month_first != day_first:
        return month_first > day_first, False
    by_locale = lexicon.locale_month_first(locale) if locale else None
    if by_locale is not None:
        return by_locale, False
    return (lang or "").split("-")[0].lower() in lexicon.MONTH_FIRST_LANGUAGES, True


# Days a printed date may lie past the capture's own day before that reading is ruled out
# (the page's zone may be a day ahead of the capture clock's).
CAPTURE_DATE_SLACK_DAYS = 1


def order_contradicted(text: str, month_first: bool, capture: date) -> bool:
    """True when the capture time rules out the order a page's numeric dates were guessed in:
    read so, one of its dated stamps lies after the capture ("3/09/15 8:12am" read 3 September
    on a page captured on 25 March 2015) while read the other way none does."""
    late = {True: False, False: False}
    for match in _NUMERIC_DATE_RE.finditer(text[:2_000_000]):
        a, b, year = _numeric_fields(match)
        if year is None:
            continue  # a year-less date takes its year from the capture: it cannot lie after it
        full_year = int(year) if len(year) == 4 else 2000 + int(year)
        for order in (True, False):
            month, day = (a, b) if order else (b, a)
            try:
                printed = date(full_year, month, day)
            except ValueError:
                continue
            if (printed - capture).days > CAPTURE_DATE_SLACK_DAYS:
                late[order] = True
    return late[month_first] and not late[not month_first]
