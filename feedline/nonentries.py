"""Why time-like text of a page is no entry: the rejections `--explain` shows.

Every line that carries a stamp or a clock-shaped string and became no entry gets one
reason, from what the stages decided: the tokenizer's kind for the line (a byline, a date
heading, boilerplate, running text), whether a stamp found a feed, whether it sits inside
an entry's text, and whether the capture time made it a schedule. Computed only on request:
it costs one more pattern pass over the page's lines.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter

from feedline.dates import Dated
from feedline.entries import Draft, rejected_regions
from feedline.lookalikes import (
    DATE_TWICE, PAGE_TIME, WIDGET_ITEM, lone_reason, page_time, stamp_reason, widget_only,
)
from feedline.model import NotEntry
from feedline.patterns import CLOCK_RE, RELATIVE_RE
from feedline.tokens import AGO_WORDS, LineKind, Token, TokenTable

_DIGIT_RE = re.compile(r"\d")
MAX_NOT_ENTRIES = 500  # reasons kept per page (a hostile page can have millions of clocks)
LINE_CHARS = 80  # of the line shown with its reason
KEY_CHARS = 30  # opening characters that tell a repeated entry

PAGE_STAMP = "the page's own time: a byline, published or updated stamp"
HEADING = "a date heading: it dates the entries below it"
BOILERPLATE = "boilerplate: navigation, sharing or legal text"
LIVE_LABEL = "the page's live label (\"LIVE, updated 4 min ago\"): read for markup claims only"
SCHEDULE = "a printed date after the capture time: a scheduled event, not an entry"
INSIDE_ENTRY = "inside an entry's text: a time it mentions"
REPEAT = "repeats an entry the page shows elsewhere (listed once)"
NO_FEED = "a stamp with no feed around it: alone of its kind, a timetable, a quotation or a repeat of an entry"
LONE_DATED = "a stamp printed with its full date, alone of its kind: the page's own date line, no feed"
MID_LINE = "a time inside running text: stamps stand at a line's start or end"
UNREAD = "clock-shaped but not read as a stamp: a duration, score, range or a time of something else"


def not_entries(tokens: TokenTable, drafts: list[Draft], dated: list[Dated],
                media: frozenset[str] = frozenset(), page_times: tuple[str, ...] = (),
                title: str | None = None) -> tuple[NotEntry, ...]:
    """The page's time-like lines that are no entry, each with its reason, in page order.
    `media`: stamp texts the markup names media lengths (`lookalikes.media_marked`);
    `page_times`: the markup's published and modified times (`lookalikes.page_time`);
    `title`: the page's own title (`lookalikes.lone_reason`)."""
    kept = {d.draft.line for d in dated if not d.draft.page_label}
    shown = {_key(d.draft.stamp.text, d.draft.headline or d.draft.text) for d in dated}
    drafted = {d.line: d for d in drafts}
    twice = Counter(t.stamp.text for t in tokens if t.kind is LineKind.STAMP and t.stamp is not None and t.stamp.day)
    spans = sorted(d.draft.span for d in dated)
    starts = [s for s, _ in spans]
    regions = rejected_regions(tokens, media)
    out: list[NotEntry] = []
    for position, token in enumerate(tokens):
        if token.kind is LineKind.BLANK or token.index in kept:
            continue
        if token.kind is LineKind.STAMP and token.stamp is not None and token.index not in drafted \
                and _key(token.stamp.text, token.rest or _next_text(tokens, position)) in shown:
            reason: str | None = REPEAT
        else:
            reason = _reason(tokens, token, drafted.get(token.index), _inside(token.start, spans, starts), media,
                             regions.get(token.index), page_times, title)
            if reason == NO_FEED and token.stamp is not None and token.stamp.day and twice[token.stamp.text] == 2:
                reason = DATE_TWICE
            elif reason == NO_FEED and token.stamp is not None and token.stamp.year and token.stamp.day:
                reason = LONE_DATED  # a fully dated stamp makes a feed only with others of its shape
        if reason is not None:
            text = token.text if len(token.text) <= LINE_CHARS else token.text[:LINE_CHARS - 1] + "…"
            out.append(NotEntry(text, (token.start, token.start + len(token.text)), reason))
            if len(out) >= MAX_NOT_ENTRIES:
                break
    return tuple(out)


def _reason(tokens: TokenTable, token: Token, draft: Draft | None, inside_entry: bool,
            media: frozenset[str], region_reason: str | None, page_times: tuple[str, ...] = (),
            title: str | None = None) -> str | None:
    if token.kind is LineKind.STAMP:
        if draft is not None:
            return LIVE_LABEL if draft.page_label else SCHEDULE
        if inside_entry:
            return INSIDE_ENTRY
        return (stamp_reason(token, media) or region_reason or lone_reason(tokens, token, title)
                or (PAGE_TIME if token.stamp is not None and page_time(token.stamp, page_times) else None)
                or _widget_reason(tokens, token) or NO_FEED)
    if not _may_hold_time(token.text):
        return None
    match = CLOCK_RE.search(token.text) or RELATIVE_RE.search(token.text)
    if match is None:
        return None
    if token.kind is LineKind.PAGE_STAMP:
        return PAGE_STAMP
    if token.kind is LineKind.HEADING:
        return HEADING
    if token.kind is LineKind.BOILERPLATE:
        return BOILERPLATE
    if inside_entry:
        return INSIDE_ENTRY
    at_edge = match.start() == 0 or match.end() == len(token.text)
    return UNREAD if at_edge else MID_LINE


def _may_hold_time(line: str) -> bool:
    """A digit, or an "ago" word: what every clock and relative stamp holds (the tokenizer's
    own test). The patterns then run on a few lines, not on every line of the page: on the
    pool's 159,162 lines without either, they match nothing."""
    if _DIGIT_RE.search(line) is not None:
        return True
    low = line.lower()
    return any(word in low for word in AGO_WORDS)


def _widget_reason(tokens: list[Token], token: Token) -> str | None:
    """A stamp whose following lines (or, failing those, the lines above) are share buttons only."""
    for step in (+1, -1):
        near = range(token.index + step, token.index + 7 * step, step)
        lines = [tokens[i].text for i in near if 0 <= i < len(tokens) and tokens[i].kind is not LineKind.BLANK][:3]
        if lines and widget_only(lines):
            return WIDGET_ITEM
    return None


def _key(stamp: str, opening: str) -> tuple[str, str]:
    return stamp, " ".join(opening.split())[:KEY_CHARS].casefold()


def _next_text(tokens: list[Token], position: int) -> str:
    for token in tokens[position + 1:position + 4]:
        if token.kind is not LineKind.BLANK:
            return token.text
    return ""


def _inside(offset: int, spans: list[tuple[int, int]], starts: list[int]) -> bool:
    """Whether `offset` lies in one of the (sorted) entry spans."""
    k = bisect.bisect_right(starts, offset) - 1
    return k >= 0 and spans[k][0] <= offset < spans[k][1]
