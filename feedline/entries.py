"""Tokens → feed entries: stamp + headline + body, grouped into feed regions.

A feed region is a run of stamps of one shape (same format, same placement on the line)
close to each other. Within a region the stamp sits either before its item (most feeds)
or after it (comment threads, "Author, 8 января, 17:46" under a headline); the side is
chosen by where the content is. An entry's body runs from its stamp to the next boundary
(another stamp, a heading, a page stamp), widget fragments trimmed. An item the page shows
twice (key-events list, a repeated widget) is kept once.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import islice

import regex

from feedline import lexicon
from feedline.items import ItemBoxes
from feedline.lookalikes import (
    CALENDAR, CLIP_LENGTHS, PROGRAMME, clip_lengths, lone_reason, page_time, printed_twice, programme, stamp_reason,
    widget_only,
)
from feedline.model import Layout, Span, Stamp, StampKind
from feedline.patterns import UPDATE_CUE_RE, lazy_re, lazy_regex
from feedline.tokens import LineKind, Placement, Token, TokenTable

# The line kinds as plain names: on Python 3.11 each `LineKind.X` is a slow enum member
# lookup, and the tests below run for every line a walk or a scan passes.
_TEXT, _BLANK, _STAMP = LineKind.TEXT, LineKind.BLANK, LineKind.STAMP
_HEADING, _PAGE_STAMP, _BOILERPLATE = LineKind.HEADING, LineKind.PAGE_STAMP, LineKind.BOILERPLATE

MAX_GAP_LINES = 60  # a longer stretch without a stamp of the same shape ends a region
STRAY_MIN_LINES = 12  # an edge stamp this far from the next, and
STRAY_FACTOR = 4  # this many times the region's median gap away, stands apart
MIN_CONTENT = 20  # characters for a line to count as content, not a fragment
HEADLINE_MAX = 160
SHORT_ITEMS = 2  # a region whose items have at most this many text lines (median) lists short items
LABEL_ONLY_CHARS = 25  # a one-line entry this short is a label
RELATIVE_SLACK_MINUTES = 60  # two relative stamps this close may be one moment printed twice
ONE_LINE_GAP = 2  # stamp lines this close (median) list one-line items
KEY_WORDS = 12  # opening words that identify an item shown twice
QUOTED_MIN = 4  # trailing stamp lines that make a region's opening word a rule
TITLED_MIN = 3  # trailing stamps that make a stamp-first region's line texts titles
KIN_MAX_STAMPS = 2  # a region this short may be the clock-stamped head of a list of dated items
KIN_MIN = 2  # date lines in a row that make such a list
PAIRED_MIN = 3  # clocks with their own date line beside them (two: a byline's "Published" / "Updated")
KIN_GAP_LINES = 4  # text lines at most between two of its stamps or dates
UNDER_STAMP_LINES = 1  # a stamp this close under another is its update ("12:43" / "aktualizováno • 12:56")
PAGE_LABEL_LINES = 3  # two stamps after update cues this close ("Published …" / "Updated …") are the page's own


@dataclass(frozen=True, slots=True)
class Feed:
    """A feed region: its stamp lines, in page order, and the side its stamps sit on."""

    id: int
    lines: tuple[int, ...]
    stamp_first: bool


@dataclass(frozen=True, slots=True)
class Draft:
    """An entry before dating: what the page shows."""

    stamp: Stamp
    line: int  # token index of the stamp line
    feed: int
    headline: str | None
    text: str
    span: Span
    body_lines: tuple[int, ...] = field(default=())
    page_label: bool = False  # "LIVE Updated 4m ago": the page's own label, for claims only


def find_entries(tokens: TokenTable, layout: Layout | None = None,
                 media: frozenset[str] = frozenset(), page_times: tuple[str, ...] = (),
                 title: str | None = None) -> tuple[list[Draft], list[Feed]]:
    """Feed entries in page order (duplicates removed) and the feed regions they belong to.

    `layout` (HTML pages) gives the page's own boxes: where they bound a region's items
    (see `items`), they decide each item's lines; the text-layout rules decide the rest.
    `media`: stamp texts the markup names media lengths (`lookalikes.media_marked`).
    `page_times`: the page's published and modified times as its markup writes them: a
    region's only stamp that prints one is the page's byline (`lookalikes.page_time`).
    `title`: the page's own title: a region's only stamp right under its first printing is the
    page's byline (`lookalikes.lone_reason`).
    """
    stamp_tokens = _stamp_tokens(tokens, media)
    found = _regions(stamp_tokens)
    kin = {id(r): _dated_kin(r, tokens) for r in found if len(r) <= KIN_MAX_STAMPS}
    answered = {id(r) for r in found if _answered(r, tokens)}  # a comment of one
    regions = [_without_quoted(r) for r in found
               if (_is_feed(r) or kin.get(id(r)) or id(r) in answered)
               and not _is_schedule(r) and not programme(r) and not clip_lengths(r)
               and (id(r) in answered or not _lone_byline(r, tokens, title))
               and not (len(r) == 1 and r[0].stamp is not None and page_time(r[0].stamp, page_times)
                        and not kin.get(id(r)))]  # heading a list of dated items: the page's own article listed
    boundaries = {t.index for r in regions for t in r}
    boundaries |= {t.index for t in tokens.filled() if t.kind in _BOUNDARY_KINDS}
    boxes = ItemBoxes(tokens, layout) if layout is not None else None
    drafts: list[Draft] = []
    feeds: list[Feed] = []
    for feed_id, region in enumerate(regions):
        boxed = _boxed_drafts(region, tokens, feed_id, boxes) if boxes is not None else {}
        # Date lines in the stamps' slot are the list's other stamps: they vote on the side too.
        dated = kin.get(id(region))
        stamp_first = _stamp_first(sorted(region + dated, key=lambda t: t.index) if dated else region,
                                   tokens, boundaries)
        if boxed:
            # The side most boxed items hold more of their lines on decides for the rest.
            stamp_first = sum(1 for line, d in boxed.items() if _lines_below(d, line)) * 2 >= len(boxed)
        feeds.append(Feed(feed_id, tuple(t.index for t in region), stamp_first))
        heads = {} if boxed else _straddle_heads(region, tokens, stamp_first)
        boundaries |= {head.index for head in heads.values()} | (set() if boxed else _author_lines(region, tokens, stamp_first))
        gap = _median_gap(region)
        one_liners = gap <= ONE_LINE_GAP and _distinct_rests(region)
        # The boxed items tell the size of the rest: a stray paragraph between two cards is no item's.
        size = MAX_GAP_LINES if stamp_first else (
            int(median([len(d.body_lines) for d in boxed.values()])) if boxed else _item_size(region, tokens))
        region_drafts = []
        for position, token in enumerate(region):
            if token.index in boxed:
                region_drafts.append(boxed[token.index])
                continue
            edge = position == (len(region) - 1 if stamp_first else 0)
            limit = max(4, 2 * gap) if edge else MAX_GAP_LINES
            # In a list of short items above their stamps, an item as long as the list's
            # items goes on only with lines longer than a fragment.
            short = size if not stamp_first and size <= SHORT_ITEMS else None
            draft = _draft(tokens, token, feed_id, stamp_first, boundaries, limit, edge, short,
                           one_liners=one_liners, head=heads.get(token.index), listed=len(region) >= 2,
                           titled=stamp_first and _titles_trail(region))
            if draft is not None:
                region_drafts.append(draft)
        if _page_labels(region):
            region_drafts = [replace(d, page_label=True) for d in region_drafts]
        region_drafts = [d for d in region_drafts if not widget_only(_lines(d))]  # a share bar
        if not _labels_only(region_drafts):
            drafts.extend(region_drafts)
    drafts.sort(key=lambda d: d.line)
    return _dedupe(drafts), feeds


_BOUNDARY_KINDS = frozenset({_HEADING, _PAGE_STAMP})  # lines no entry runs across


def rejected_regions(tokens: TokenTable, media: frozenset[str] = frozenset()) -> dict[int, str]:
    """The stamp lines of the regions `find_entries` leaves out as a whole for a named reason
    (a programme of planned times, a calendar's rows, clip lengths), by line: what `--explain` shows."""
    out: dict[int, str] = {}
    for region in _regions(_stamp_tokens(tokens, media)):
        if not _is_feed(region):
            continue
        reason = CALENDAR if _is_schedule(region) else PROGRAMME if programme(region) else \
            CLIP_LENGTHS if clip_lengths(region) else None
        if reason is not None:
            out.update((t.index, reason) for t in region)
    return out


def _stamp_tokens(tokens: TokenTable, media: frozenset[str]) -> list[Token]:
    """The stamp lines that may time an item: not a schedule's or a player's time."""
    return [t for t in tokens.filled() if t.stamp is not None and t.kind is _STAMP and stamp_reason(t, media) is None]


REPLY_REACH = 6  # non-blank lines below a lone stamp within which a reply action makes it a comment
_REPLY_ACTION_RE = lazy_regex(
    r"[\W\d_]{0,3}(?:(?:" + "|".join(lexicon.REPLY_WORDS) + r")(?:\W{0,3}(?:" + "|".join(lexicon.REPORT_WORDS) + r"))?"
    r"|" + "|".join(phrase.replace(" ", r"\s") for phrase in lexicon.REPORT_PHRASES) + r")\W{0,3}",
    regex.IGNORECASE)


def _answered(region: list[Token], tokens: TokenTable) -> bool:
    """A lone stamp whose text a reply or report action follows ("Reply", "Antworten", "Répondre",
    "Odpowiedz", "ОтветитьПожаловаться", "Kommentar melden"): a comment thread of one, not the page's byline,
    when its stamp prints a day (a full date and clock, like most comment stamps). Seen on
    lapresse.tn, wyborcza.pl, wday.ru, simplyscience.ch and WordPress blogs (journelles.de,
    basicthinking.de, theantijunecleaver.com)."""
    if len(region) != 1 or (stamp := region[0].stamp) is None or (
            stamp.month is None and stamp.days_ago is None and stamp.kind is not StampKind.RELATIVE):
        return False  # a bare clock answered ("14:30 auf Sky"): a time inside a thread's text
    below = tokens.between(region[0].index + 1, region[0].index + 2 * REPLY_REACH + 1)[:REPLY_REACH]
    return any(_REPLY_ACTION_RE.fullmatch(t.text.strip()) for t in below)


def _lone_byline(region: list[Token], tokens: TokenTable, title: str | None = None) -> bool:
    """The only stamp of its region, in the page's byline block, or the page's date printed twice
    (see `lookalikes`)."""
    return printed_twice(region, tokens) or (len(region) == 1 and lone_reason(tokens, region[0], title) is not None)


def _page_labels(region: list[Token]) -> bool:
    """A region that is only the page's own "Updated" / "Published" stamps: one such stamp, or
    two on neighbouring lines ("Erstellt: vor 4 Stunden" / "Aktualisiert: vor 20 Stunden")."""
    if len(region) == 2 and region[1].index - region[0].index > PAGE_LABEL_LINES:
        return False  # one item shown in two lists ("updated 15M ago" twice), not the page
    return len(region) <= 2 and all(_is_page_label(token) for token in region)


def _is_page_label(token: Token) -> bool:
    """A stamp after an update or publication cue ("LIVE Updated 4m ago", "Updated: 9.45pm",
    "Publiziert vor einer Stunde"): when the page was published or last changed, not an item.
    Markup claims may still pair with it."""
    assert token.stamp is not None
    return UPDATE_CUE_RE.search(token.rest.lower()) is not None


def _lines(draft: Draft) -> list[str]:
    """The draft's non-empty lines, headline first."""
    return [line for line in (draft.headline or "", *draft.text.split("\n")) if line]


def _labels_only(drafts: list[Draft]) -> bool:
    """Clocks beside bare labels ("London 15:00", "New York 10:00"): a world clock, not a feed."""
    def label(d: Draft) -> bool:
        lines = _lines(d)
        return len(lines) == 1 and _weight(lines[0]) < LABEL_ONLY_CHARS

    return len(drafts) >= 2 and all(label(d) for d in drafts)


# ── regions ─────────────────────────────────────────────────────────────────────────────
def _signature(token: Token, under_stamp: bool = False) -> tuple:
    """What makes stamps one region's: their kind, printed shape and place on the line."""
    stamp = token.stamp
    assert stamp is not None
    if len(token.text) > REMEMBERED_CHARS:
        return _shape_signature(token.text, token.rest, token.placement, stamp.kind, stamp.text, under_stamp)
    return _remembered_signature(token.text, token.rest, token.placement, stamp.kind, stamp.text, under_stamp)


def _shape_signature(text: str, rest: str, placement: Placement | None, kind: StampKind, printed: str,
                     under_stamp: bool) -> tuple:
    """`_signature` of a stamp line from what it reads of it: the line's text and rest, its
    placement, and the stamp's kind and text."""
    # A stamp beside an update label only ("dnes 08:23Aktualizováno", "Actualizado 25 de abril
    # …") is one of its list's stamps, as if alone on its line; not right under another stamp
    # ("12:43" / "aktualizováno • 12:56": that stamp's update), nor a clock or a relative stamp
    # after the label ("Updated 21:00", "Updated 4m ago": the page's own label).
    labelled = bool(rest) and not under_stamp and _UPDATE_LABEL_RE.fullmatch(rest) is not None \
        and (placement is Placement.LEAD or kind is StampKind.DATETIME)
    place = "alone" if labelled else placement.value if placement else ""
    if kind is StampKind.RELATIVE:
        return ("relative", place)
    # A stamp alone on its line keeps its decorations: "6:53" and "6:53 •" are two lists.
    shown = text if placement is Placement.ALONE else printed
    shape = _LETTERS_RE.sub("a", _NUMBER_RE.sub("9", _SPACE_RE.sub(" ", shown.strip("()[] "))))
    return (kind.value, shape, place)


# A feed's snapshots show the same stamp lines and items again and again: their signatures and
# keys are remembered by what they read (lines and items up to REMEMBERED_CHARS characters).
REMEMBERED_CHARS = 4_000
REMEMBERED = 4_096
_remembered_signature = lru_cache(maxsize=REMEMBERED)(_shape_signature)


def clear_cache() -> None:
    """Forget the remembered signatures and keys (`memo.clear`: each page read as new)."""
    _remembered_signature.cache_clear()
    _remembered_key.cache_clear()


_UPDATE_LABEL_RE = lazy_regex(r"\W*(?:" + "|".join(map(regex.escape, lexicon.UPDATE_CUES)) + r")\W*", regex.IGNORECASE)


_NUMBER_RE = lazy_re(r"\d+")
_LETTERS_RE = lazy_re(r"[^\W\d_]+")
_NON_WORD_RE = lazy_re(r"[\W_]+")
_SPACE_RE = lazy_re(r"\s+")


def _regions(stamp_tokens: list[Token]) -> list[list[Token]]:
    open_regions: dict[tuple, list[Token]] = {}
    done: list[list[Token]] = []
    previous = -10
    for token in stamp_tokens:
        key = _signature(token, token.index - previous <= UNDER_STAMP_LINES)
        previous = token.index
        region = open_regions.get(key)
        if region is not None and token.index - region[-1].index <= MAX_GAP_LINES:
            region.append(token)
            continue
        if region is not None:
            done.append(region)
        open_regions[key] = [token]
    done.extend(open_regions.values())
    return sorted((part for region in done for part in _split_strays(region)), key=lambda r: r[0].index)


def _dated_kin(region: list[Token], tokens: TokenTable) -> list[Token]:
    """Date lines that carry on a short region's rhythm: a list whose newest items print a
    clock and the older ones only a date ("5:00 AM", then "Aug 15, 2020" and "Aug 14, 2020"
    an item apart each: baltimoresun.com; "09:21", "Avant-hier", "24 mars 2020": sudouest.fr;
    "06:45", "29.06.2025": wort.lu), the dates in the stamps' slot. Empty unless the clocks
    (no date of their own) head the list at one end, KIN_MIN dates follow at the other, each a
    few text lines after the last, and each no later than the one before it."""
    if any(t.stamp is None or t.stamp.day is not None or t.stamp.year is not None for t in region):
        return []
    sides = [_dates_in_rhythm(tokens, region[-1].index, +1), _dates_in_rhythm(tokens, region[0].index, -1)]
    if all(sides):  # dates on both sides: the clocks sit inside a dated list (a calendar's "today")
        return []
    kin = sides[0] or sides[1]
    return kin if len(kin) >= KIN_MIN and _older_and_older(kin) else []


def _dates_in_rhythm(tokens: TokenTable, start: int, step: int) -> list[Token]:
    found: list[Token] = []
    lines = 0
    for token in tokens.filled_from(start + step, step):
        if token.kind is _TEXT:
            lines += 1
            if lines > KIN_GAP_LINES:
                break
        elif token.kind is _HEADING and token.heading is not None:
            found.append(token)  # right beside the clock: its own date, which no rhythm explains
            if not lines:
                return [token]
            lines = 0
        else:
            break
    return found


def _older_and_older(kin: list[Token]) -> bool:
    """Each date line no later than the one before it (nearer the clocks): "Avant-hier", then
    "24 mars 2020", "23 mars 2020". Day words and printed dates are compared among their kind."""
    ages = [-h.days_ago for h in (t.heading for t in kin) if h is not None and h.days_ago is not None]
    dates = [(h.year or 0, h.month, h.day) for h in (t.heading for t in kin)
             if h is not None and h.days_ago is None and h.month is not None and h.day is not None]
    return all(a >= b for seq in (ages, dates) for a, b in zip(seq, seq[1:]))


def _split_strays(region: list[Token]) -> list[list[Token]]:
    """A first stamp far above a tight list (an article's date above a "read also" list) is
    a region of its own; so is the article's date printed twice there (over the headline
    and in the byline block), which `printed_twice` then leaves out."""
    if len(region) < 3:
        return [region]
    gaps = [b.index - a.index for a, b in zip(region, region[1:])]
    if _stray(gaps[0], gaps[1:]):
        return [[region[0]], region[1:]]
    if len(region) >= 4 and _one_date_time(region[0], region[1]) and _stray(gaps[1], gaps[2:]):
        return [region[:2], region[2:]]
    return [region]


def _one_date_time(a: Token, b: Token) -> bool:
    """Two stamps that print one date and time ("19 May 2020, 5:16" twice)."""
    return a.stamp is not None and b.stamp is not None and a.stamp.day is not None and a.stamp.text == b.stamp.text


def _stray(gap: int, others: list[int]) -> bool:
    return gap >= STRAY_MIN_LINES and gap >= STRAY_FACTOR * median(others)


def _without_quoted(region: list[Token]) -> list[Token]:
    """Trailing stamp lines that mostly open with one word ("Comment: From: Ann, Jun 3, 8:09 am"):
    one that opens otherwise ("From: Ann, Jun 3, 5:21 am") is a post quoted inside an item."""
    if len(region) < QUOTED_MIN or any(t.placement is not Placement.TRAIL for t in region):
        return region
    openings = [t.rest.split(maxsplit=1)[0] if t.rest else "" for t in region]
    word, count = Counter(openings).most_common(1)[0]
    if count * 5 < len(region) * 4:
        return region
    return [t for t, opening in zip(region, openings) if opening == word]


def _is_schedule(region: list[Token]) -> bool:
    """Table rows (three or more tab-separated cells) whose stamps run forward in time: a
    calendar of upcoming events, not a feed."""
    if len(region) < 2 or any(t.text.count("\t") < 2 for t in region):
        return False
    moments = [_moment(t.stamp) for t in region if t.stamp is not None]
    return all(a <= b for a, b in zip(moments, moments[1:]))


def _moment(stamp: Stamp) -> tuple[int, int, int, int, int]:
    return (stamp.year or 0, stamp.month or 0, stamp.day or 0, stamp.hour or 0, stamp.minute or 0)


def _is_feed(region: list[Token]) -> bool:
    """Several stamps of one shape make a feed; a lone stamp only if it looks like a feed stamp."""
    if len(region) >= 2:
        return True
    stamp = region[0].stamp
    assert stamp is not None
    if stamp.kind is StampKind.RELATIVE:
        return True
    if stamp.kind is StampKind.DATETIME:
        return stamp.year is None
    return stamp.twelve_hour or stamp.zone is not None or "uhr" in stamp.text.lower()


def median(values: list[int]) -> float:
    """The median of a non-empty list (the `statistics` module costs 10 ms to import)."""
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def _median_gap(region: list[Token]) -> int:
    if len(region) < 2:
        return 2
    return max(1, int(median([b.index - a.index - 1 for a, b in zip(region, region[1:])])))


def _item_size(region: list[Token], tokens: list[Token]) -> int:
    """The median number of text lines between two stamps of the region."""
    if len(region) < 2:
        return MAX_GAP_LINES
    return int(median([sum(map(_is_item_line, _filled(tokens, a.index + 1, b.index)))
                       for a, b in zip(region, region[1:])]))


def _filled(tokens: list[Token], start: int, stop: int) -> list[Token]:
    """The lines in [start, stop) that are not blank (a `TokenTable` skips them at C speed)."""
    if isinstance(tokens, TokenTable):
        return tokens.between(start, stop)
    return [t for t in tokens[start:stop] if t.kind is not _BLANK]


def _filled_from(tokens: list[Token], start: int, step: int) -> Iterator[Token]:
    """The lines that are not blank from `start` on in direction `step`, nearest first."""
    if isinstance(tokens, TokenTable):
        return tokens.filled_from(start, step)
    if not 0 <= start < len(tokens):
        return iter(())
    indices = range(start, len(tokens)) if step > 0 else range(start, -1, -1)
    return (tokens[i] for i in indices if tokens[i].kind is not _BLANK)


def _ends_short_item(token: Token) -> bool:
    """A widget line or a fragment (not a bare count): the end of a short item, walking away."""
    return token.kind is _BOILERPLATE or (_is_item_line(token) and _is_fragment(token.text))


def _is_item_line(token: Token) -> bool:
    """A text line that is not a bare comment or share count ("28")."""
    text = token.text
    return token.kind is _TEXT and not (len(text) <= 6 and text.isdigit())


def _stamp_first(region: list[Token], tokens: list[Token], boundaries: set[int]) -> bool:
    """Does the stamp come before its item? Decided by where the content is.

    Evidence, summed: text on the stamp's own line after it (a lead stamp); content beyond
    one edge of the region but not the other; and, per stamp, a label or section heading
    right above it (an item starts at the stamp) or a list footer / "Name:" line right
    below it (an item ends at the stamp). A line repeated under many stamps is a kicker
    and votes for nothing. A bracketed stamp line, a byline name under the stamp with a
    headline above, or a headline glued above the stamp with a blank line below, votes
    for the stamp closing its item. A label under content right above half the stamps or more
    ("Headline / Section / stamp", again and again) is the layout of every item, which
    either side explains: those labels vote for nothing, and the edges decide.
    """
    # A label after the stamp ("Há 2 horas Mundo", "19:38 06.08.2020 Hrvatska") is the card's
    # section, not a headline the stamp leads: it says nothing about the side.
    leads = sum(1 for t in region if t.placement is Placement.LEAD and not _is_label_line(t.rest))
    if leads * 2 >= len(region):
        return True
    reach = _median_gap(region)
    # A date line beside most clocks, on one side, is each stamp's own (a stamp printed on two
    # lines): the lines beyond it are the stamp's neighbours.
    above, below = _paired_date_lines(region, tokens, -1), _paired_date_lines(region, tokens, +1)
    # Content beyond an edge is a line as long as half the items' lines at least: "Subscribe
    # for $1.25/week" under a list of long headlines is none.
    floor = _typical_line(region, tokens) / 2
    before = _content(_walk(tokens, _past_own_date(tokens, region[0].index, -1, above), -1, boundaries, reach), floor)
    after = _content(_walk(tokens, _past_own_date(tokens, region[-1].index, +1, below), +1, boundaries, reach), floor)
    trails = sum(1 for t in region if t.placement is Placement.TRAIL)
    score = -1 if trails * 2 > len(region) else 0  # "Author, 8 января, 17:46" closes its item
    if before >= MIN_CONTENT > after:
        score -= 2
    elif after >= MIN_CONTENT > before:
        score += 2
    score += _edge_kinship(region, tokens) or _shape_kinship(region, tokens)
    if _label_heads_first_item(region, tokens):
        score -= 2  # "Read also / Headline / 6:53 / Headline / 7:10": the label opens the list
    score += _list_ends(region, tokens)
    nexts = [_neighbour(tokens, _past_own_date(tokens, t.index, +1, below), +1) for t in region]
    repeats = Counter(n.text for n in nexts if n is not None)
    stacked = 0
    for token, nxt in zip(region, nexts):
        if nxt is not None and repeats[nxt.text] < 3 and _ends_item(nxt):
            score -= 1
        prev = _neighbour(tokens, _past_own_date(tokens, token.index, -1, above), -1)
        if _bracketed(token):
            score -= 1  # "(04:32 GMT)" alone on its line: an aside to the item above it
        elif prev is not None and _BYLINE_RE.match(prev.text):
            score -= 1  # "Headline / By Jane Doe / 13 hours ago": the author and the stamp close a card
        elif prev is not None and _starts_item(prev):
            if _under_content(tokens, prev):
                stacked += 1  # "Headline / Politics / 6:53": a section or author of either item
            else:
                score += 1  # "Reply / Ann says: / 6:53", a list's label: an item starts at the stamp
        elif prev is not None and nxt is not None and _is_byline_name(nxt) and _is_headline(prev):
            score -= 1  # "Headline / 6:53 / Jane Doe": the stamp and its author close a card
        elif len(region) >= 2 and _glued_above(tokens, token.index):
            score -= 1  # "Headline / 6:53 / (blank) / paragraph": the stamp closes the headline's block
        elif prev is not None and _printed_twice(tokens, prev):
            score -= 1  # "Headline / Headline / 2 hours ago": a card's title and link, closed by the stamp
    # Stacked labels over a few stamps open those items (a section's label over its first
    # item); over half of them or more they are the shape of every item: the edges decide.
    score += stacked if len(region) < 3 or stacked * 2 < len(region) else 0
    return score >= 0


def _paired_date_lines(region: list[Token], tokens: list[Token], step: int) -> bool:
    """Do most of the region's clocks (at least `PAIRED_MIN`, none printing a day) have a date line of
    their own right beside them on the `step` side ("By: Jane Doe / October 12, 2022 / 15:10",
    each card's stamp on two lines)? Such a date belongs to its clock: no day heading that
    opens or closes an item, it says nothing of the side the item is on."""
    clocks = [t for t in region if t.stamp is not None and t.stamp.day is None]
    if len(clocks) < PAIRED_MIN or len(clocks) * 2 < len(region):
        return False
    paired = sum(1 for t in clocks if _own_date_line(tokens, t.index, step) != t.index)
    return paired >= PAIRED_MIN and paired * 3 >= len(clocks) * 2


def _past_own_date(tokens: list[Token], index: int, step: int, paired: bool) -> int:
    """Where a stamp's neighbours begin on the `step` side: past its own date line when the
    region's clocks have theirs on that side (`_paired_date_lines`)."""
    return _own_date_line(tokens, index, step) if paired else index


def _straddle_heads(region: list[Token], tokens: list[Token], stamp_first: bool) -> dict[int, Token]:
    """In a list whose items follow their stamps, the headlines printed right above the
    stamps ("Headline / April 24, 2020 at 4:43 a.m. / Teaser sentence."): stamp line →
    headline line, when most stamps of the region have one.

    A line above a stamp that reads as a headline, with a sentence below the stamp, is
    the start of the stamp's item, not the end of the item before it; the item before
    keeps a line of its own.
    """
    if not stamp_first or len(region) < 3:
        return {}
    heads: dict[int, Token] = {}
    previous = -1
    for token in region:
        floor, previous = previous, token.index
        if token.placement is Placement.LEAD and token.rest and not _is_label_line(token.rest):
            continue
        above = _neighbour(tokens, token.index, -1)
        below = _neighbour(tokens, token.index, +1)
        if above is None or below is None or not _is_headline(above) or below.kind not in (_TEXT, _BOILERPLATE):
            continue
        if _is_headline(below) and not _BY_RE.match(below.text):
            continue  # "stamp / Headline" below as above: the items follow their stamps
        if floor >= 0 and not any(_is_item_line(t) for t in tokens[floor + 1:above.index]):
            continue  # the item before would be left with nothing
        heads[token.index] = above
    return heads if len(heads) * 3 >= len(region) * 2 else {}


def _author_lines(region: list[Token], tokens: list[Token], stamp_first: bool) -> set[int]:
    """In a list whose items follow their stamps, the "Name says:" lines right above most
    stamps ("Reply / Bebs says: / October 8, 2018 at 2:37 pm / comment"): each opens the
    comment under it, so the comment before ends above it."""
    if not stamp_first or len(region) < 3:
        return set()
    found = set()
    for token in region:
        above = _neighbour(tokens, token.index, -1)
        if above is not None and above.kind is _TEXT and _is_author_line(above.text):
            found.add(above.index)
    return found if len(found) * 3 >= len(region) * 2 else set()


AUTHOR_LINE_WORDS = 8


def _is_author_line(text: str) -> bool:
    """ "Bebs says:", "Thomas (sphericon auf twitter) sagt:", "Ramón dijo:": a short line that
    opens with a capital and ends with a colon."""
    return text.endswith(":") and text[:1].isupper() and len(text.split()) <= AUTHOR_LINE_WORDS \
        and _weight(text) < HEADLINE_MAX // 2


def _under_content(tokens: list[Token], label: Token) -> bool:
    """A text label right under a line of content ("Headline / Politics"), not under a
    widget line, another label or a stamp."""
    above = _neighbour(tokens, label.index, -1)
    return label.kind is _TEXT and above is not None and above.kind is _TEXT and _weight(above.text) >= MIN_CONTENT


def _label_heads_first_item(region: list[Token], tokens: list[Token]) -> bool:
    """In a list of one-line items, a headline right above the first stamp and a label
    right above that headline: the label opens the list, so the headline is its first item.
    A label under another headline ("Headline / By staff / Headline / 4:53 pm") is that
    headline's byline, not the list's."""
    if len(region) < 2 or _item_size(region, tokens) != 1:
        return False
    above = _neighbour(tokens, region[0].index, -1)
    if above is None or not _is_headline(above):
        return False
    label = _neighbour(tokens, above.index, -1)
    if label is None or not _starts_item(label):
        return False
    over = _neighbour(tokens, label.index, -1)
    return over is None or not _is_headline(over)


def _list_ends(region: list[Token], tokens: list[Token]) -> int:
    """In a list of one-line items, -2 / +2 when only the first / last stamp has an item's
    line beyond it with a non-item line (a label, a widget, nothing) beyond that.

    "Popular posts / Headline / 6:53 / … / Headline / 7:10 / Most read": the list's own
    labels bracket it, so the line between the label and the outer stamp is an item, and
    that stamp's. An item's line is as long as half the list's items at least.
    """
    if len(region) < 2 or _item_size(region, tokens) != 1:
        return 0
    typical = _typical_line(region, tokens)

    def item_like(token: Token | None) -> bool:
        return token is not None and token.kind is _TEXT and _weight(token.text) * 2 > typical

    def closed(edge: Token, step: int) -> bool:
        line = _neighbour(tokens, edge.index, step)
        if not item_like(line):
            return False
        beyond = _neighbour(tokens, line.index, step)
        # "Headline / By staff / Teaser / 4:53 pm": an author line is an article's, not a list's label
        return not item_like(beyond) and (beyond is None or not _BY_RE.match(beyond.text))

    head, tail = closed(region[0], -1), closed(region[-1], +1)
    return -2 if head and not tail else 2 if tail and not head else 0


def _printed_twice(tokens: list[Token], token: Token) -> bool:
    """The line right above repeats this headline."""
    above = _neighbour(tokens, token.index, -1)
    return above is not None and above.text == token.text and _is_headline(token)


def _edge_kinship(region: list[Token], tokens: list[Token]) -> int:
    """+2 / -2 when only the line after / before the region opens like its items do.

    Items of one list often share an opening word ("Żużel. …", "<p> …"): the edge line
    that shares it is an item of the list, which tells on which side of the stamps the
    items are.
    """
    if len(region) < 3:
        return 0
    openings = Counter(_opening(_neighbour(tokens, t.index, +1)) for t in region[:-1])
    opening, count = openings.most_common(1)[0]
    if opening and count * 2 >= len(region) - 1:
        before = _opening(_neighbour(tokens, region[0].index, -1)) == opening
        after = _opening(_neighbour(tokens, region[-1].index, +1)) == opening
        return 2 if after and not before else -2 if before and not after else 0
    return _kicker_kinship(region, tokens)


def _shape_kinship(region: list[Token], tokens: list[Token]) -> int:
    """+2 / -2 when only the lines after / before the region have the shape of its items.

    Between two stamps lies one item; when most of those stretches have one shape (a
    headline then a teaser, say), the region's outer item has it too: on the side of the
    region where the same shape repeats lies the item that the edge stamp owns.
    """
    if len(region) < 3:
        return 0
    shapes = Counter(_shape(_filled(tokens, a.index + 1, b.index)) for a, b in zip(region, region[1:]))
    shape, count = shapes.most_common(1)[0]
    if not shape or count * 5 < (len(region) - 1) * 3:
        return 0
    # One line more: an item that a date line beyond it closes or opens ("Headline / Teaser
    # / Nov 16", a card older than the relative stamps go) is that date's, not the region's.
    before = _shape(_lines_toward(tokens, region[0].index, -1, len(shape) + 1))
    after = _shape(_lines_toward(tokens, region[-1].index, +1, len(shape) + 1))
    before_fits = before == shape or (before[1:] == shape and before[0] not in _DATED)  # (at the page's top)
    after_fits = after == shape or (after[:-1] == shape and after[-1] not in _DATED)
    return 2 if after_fits and not before_fits else -2 if before_fits and not after_fits else 0


_DATED = frozenset({"heading", "stamp", "page_stamp"})


def _shape(lines: list[Token]) -> tuple[str, ...]:
    """The kinds of the non-blank lines: content, label, or the token kind."""
    out = []
    for t in lines:
        if t.kind is _BLANK:
            continue
        if t.kind is not _TEXT:
            out.append(t.kind.value)
        elif _weight(t.text) >= MIN_CONTENT:
            out.append("content")
        else:
            out.append("label")
    return tuple(out)


def _lines_toward(tokens: list[Token], index: int, step: int, count: int) -> list[Token]:
    """Up to `count` non-blank lines next to a stamp line, in page order."""
    out = list(islice(_filled_from(tokens, index + step, step), count))
    return out if step > 0 else out[::-1]


def _kicker_kinship(region: list[Token], tokens: list[Token]) -> int:
    """The same for a kicker line ("Women's World Cup") that opens every item of the list."""
    windows = [_window(tokens, t.index, +1) for t in region[:-1]]
    counts = Counter(text for window in windows for text in set(window))
    if not counts:
        return 0
    kicker, count = counts.most_common(1)[0]
    if count < 2 or count * 5 < (len(region) - 1) * 3:
        return 0
    reach = _median_gap(region) + 2  # a kicker opens its item: it may sit a whole item above
    before = kicker in _window(tokens, region[0].index, -1, reach)
    after = kicker in _window(tokens, region[-1].index, +1, reach)
    return 2 if after and not before else -2 if before and not after else 0


def _window(tokens: list[Token], index: int, step: int, size: int = 3) -> list[str]:
    """Up to `size` non-blank lines next to a stamp, stopping at the next stamp."""
    out: list[str] = []
    for token in _filled_from(tokens, index + step, step):
        if len(out) >= size or token.kind is _STAMP:
            break
        out.append(token.text)
    return out


def _opening(token: Token | None) -> str:
    if token is None or token.kind is not _TEXT:
        return ""
    words = token.text.split(maxsplit=1)
    return words[0].casefold() if words and len(token.text) >= MIN_CONTENT else ""


def _neighbour(tokens: list[Token], index: int, step: int) -> Token | None:
    """The nearest line that is not blank and not a bare number or credit."""
    i = index + step
    while 0 <= i < len(tokens) and abs(i - index) <= 4:
        token = tokens[i]
        if token.kind is not _BLANK and not _is_noise(token.text):
            return token
        i += step
    return None


#: An author line: "By Jane Doe", "Von Jana Muster", "Par Jean Dupont", "Por Ana Pérez".
_BYLINE_RE = lazy_regex(r"(?i:by|von|par|por|door|di|av|af)\s\p{Lu}\p{L}*(?:\s\p{Lu}[\p{L}.'’-]*){0,3}$")
_BY_RE = lazy_regex(r"(?i:by|von|par|por|door|di|av|af)\s\S")  # "By TOI staff", "von Jana"
_NOISE_LINE_RE = lazy_regex(r"^(?:\d{1,12}|\([^()]{0,40}\))$")


def _is_noise(text: str) -> bool:
    """A bare number or a short bracketed credit (`_NOISE_LINE_RE`), tested only for a line
    that opens as one can: with a bracket or a digit (`str.isdigit` takes more than `\\d`)."""
    head = text[:1]
    return (head == "(" or head.isdigit()) and _NOISE_LINE_RE.match(text) is not None


def _is_label(token: Token) -> bool:
    text = token.text
    return token.kind is _TEXT and (_is_caps(text) or (_weight(text) < 25 and not text.endswith((".", "!", "?", "…", "\"", "”"))))


_SENTENCE_END = (".", "!", "?", "…", "\"", "”")


def _is_headline(token: Token) -> bool:
    """A line of content that does not end like a sentence."""
    return (token.kind is _TEXT and _weight(token.text) >= MIN_CONTENT
            and len(token.text) <= HEADLINE_MAX and not token.text.endswith(_SENTENCE_END))


def _bracketed(token: Token) -> bool:
    """ "(04:32 GMT)" alone on its line."""
    return token.placement is Placement.ALONE and token.text.startswith(("(", "[")) and token.text.endswith((")", "]"))


def _glued_above(tokens: list[Token], index: int) -> bool:
    """A headline right above the stamp, and a blank line right below it."""
    if index + 1 < len(tokens) and tokens[index + 1].kind is not _BLANK:
        return False
    return index > 0 and _is_headline(tokens[index - 1])


def _is_byline_name(token: Token) -> bool:
    """ "Jane Doe": two to four capitalised words alone on their line."""
    words = token.text.split()
    return (token.kind is _TEXT and 2 <= len(words) <= 4 and len(token.text) < LABEL_ONLY_CHARS
            and all(w[:1].isupper() and w.isalpha() for w in words))


def _starts_item(token: Token) -> bool:
    """A section heading or label: what comes before a stamp that opens an item."""
    return token.kind in (_HEADING, _BOILERPLATE) or _is_label(token)


def _ends_item(token: Token) -> bool:
    """A list footer, heading or "Name:" line: what follows a stamp that closes an item."""
    if token.kind in (_HEADING, _BOILERPLATE, _PAGE_STAMP):
        return True
    return token.kind is _TEXT and token.text.endswith(":") and _is_name_line(token.text)


_MARKUP_RE = lazy_regex(r"<[a-z]{1,3}>\s*")


def _is_name_line(text: str) -> bool:
    """ "Jana:", "<h> Kelly Smith:": a commenter's name, mostly capitalised words."""
    words = _MARKUP_RE.sub("", text).rstrip(":").split()
    capitalised = sum(1 for w in words if w[:1].isupper())
    return 0 < len(words) <= 8 and capitalised * 5 >= len(words) * 3


def _content(lines: list[Token], floor: float = 0) -> int:
    """Characters of headline- or sentence-like text (not labels in capitals), counting lines
    of `floor` weight or more only."""
    return sum(_weight(t.text) for t in lines
               if t.kind is _TEXT and _weight(t.text) >= max(MIN_CONTENT, floor) and not _is_caps(t.text))


def _typical_line(region: list[Token], tokens: list[Token]) -> float:
    """The median weight of the text lines between the region's stamps: its items' lines."""
    weights = [_weight(t.text) for a, b in zip(region, region[1:])
               for t in _filled(tokens, a.index + 1, b.index) if _is_item_line(t)]
    return median(weights) if weights else 0


_DENSE_SCRIPT_RE = lazy_regex(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")


def _is_caps(text: str) -> bool:
    """A label in capitals ("LOCAL SPORTS"), not a line that merely contains an acronym."""
    head = text[:200]
    if not head.isupper():
        return False
    upper = sum(1 for c in head if c.isupper())
    # Capitals for most letters: a CJK line holding an acronym ("DMARC") is no label.
    return upper >= 3 and upper * 2 > sum(1 for c in head if c.isalpha())


# Below this code point no character is Han, Hiragana, Katakana or Hangul (Hangul Jamo
# start there): a line whose head stays below it is weighed without the pattern.
_DENSE_SCRIPT_FLOOR = "\u1100"


def _weight(text: str) -> int:
    """Length in Latin-letter equivalents: a CJK character carries about a word."""
    head = text[:200]
    if head.isascii() or max(head) < _DENSE_SCRIPT_FLOOR:  # C-speed tests: most lines
        return len(text)
    return len(text) + 2 * len(_DENSE_SCRIPT_RE.findall(head))


def _walk(tokens: list[Token], start: int, step: int, boundaries: set[int], limit: int,
          *, edge: bool = True, short: int | None = None, block: bool = False) -> list[Token]:
    """Text and stamp lines from `start` (exclusive) in direction `step`, up to a boundary or
    limit; blank lines and bare counts are skipped.

    A walk up ends at a widget line, and so does an `edge` walk (the region's outermost
    item) going down; an edge walk up also ends at a label; a `short` one, once it has that many lines, at a fragment; a
    `block` one at the first blank line.
    """
    out: list[Token] = []
    i = start + step
    while 0 <= i < len(tokens) and len(out) < limit and i not in boundaries:
        token = tokens[i]
        if block and token.kind is _BLANK:
            break
        if token.kind is _BOILERPLATE and out and (step < 0 or edge):
            break  # a widget line ends the last entry of a region, and any item above its stamp
        if step < 0 and out and edge and short is None and _starts_item(token):
            break  # a label above the first item of a region is the region's, not the item's
        if short is not None and len(out) >= short and _ends_short_item(token):
            break  # "Section label / Headline / 2 hours ago": the label is not the item's
        if token.kind is _STAMP or (_is_item_line(token) and not _CREDIT_RE.match(token.text)):
            out.append(token)
        i += step
    return out if step > 0 else out[::-1]


# ── one entry ───────────────────────────────────────────────────────────────────────────
def _draft(tokens: list[Token], token: Token, feed: int, stamp_first: bool,
           boundaries: set[int], limit: int, edge: bool, short: int | None,
           one_liners: bool = False, head: Token | None = None, listed: bool = False,
           titled: bool = False) -> Draft | None:
    """The entry of a stamp the text layout bounds. `titled`: the region's stamps close their
    items' titles ("Title 12:56 PM" / "Uploaded by …"), the rest of a trailing stamp's line is
    its headline."""
    assert token.stamp is not None
    # A card ("Headline / 6:53 / (blank)") is the block the stamp closes, no more.
    lead = token.rest if token.rest and (token.placement is Placement.LEAD or titled) else None
    if one_liners and _headline_before(token, listed):
        # "Headline 17:24" in a list of one-line items: the line is the whole item.
        lead, body = token.rest, []
    else:
        card = not stamp_first and _glued_above(tokens, token.index)
        step = +1 if stamp_first else -1
        origin = _own_date_line(tokens, token.index, step) if listed else token.index
        body = _walk(tokens, origin, step, boundaries, limit,
                     edge=edge, short=short, block=card)
        body = _trim_fragments(body) if stamp_first else _trim_fragments(body[::-1])[::-1]
    if head is not None:
        body = [head, *body]  # "Headline / stamp / Teaser": the item straddles its stamp
    return _compose(token, feed, body, [t.text for t in body], lead)


def _own_date_line(tokens: list[Token], index: int, step: int) -> int:
    """Where the walk from a listed stamp to its item starts: past a date alone on the line
    right next to the stamp, on the item's side. That is the stamp's own date on a line of
    its own ("14:33:00 / 2020-09-15 / Headline", a1plus.am's whole feed); a day heading there
    would leave the stamp an empty item. (A lone stamp keeps the stop: "1:26 pm ET / Jun 3,
    2014" over a page's own headline is its byline.)"""
    beside = index + step
    if 0 <= beside < len(tokens):
        line = tokens[beside]
        if line.kind is _HEADING and line.heading is not None and line.heading.day is not None:
            return beside
    return index


def _compose(token: Token, feed: int, body: list[Token], lines: list[str], lead: str | None,
             set_as_heading: bool = False) -> Draft | None:
    """The draft of a stamp and its item's lines: the lead text, else a first line that
    reads as a headline (or, `set_as_heading`, is set as one), is the headline."""
    assert token.stamp is not None
    lead = _unwrap(lead) if lead else lead
    lines = [line for line in map(_unwrap, lines) if line]
    if lead:
        headline, text_lines = lead, lines
    elif len(lines) >= 2 and len(lines[0]) <= HEADLINE_MAX and (
            set_as_heading or not lines[0].endswith((".", "!", "?", "…"))):
        headline, text_lines = lines[0], lines[1:]
    else:
        headline, text_lines = None, lines
    text = "\n".join(text_lines)
    if not headline and not text:
        return None
    span_tokens = [token, *body]
    span = (min(t.start for t in span_tokens), max(t.end for t in span_tokens))
    return Draft(token.stamp, token.index, feed, headline, text, span, tuple(t.index for t in body))


# Ticker markers around an item's line: "+++ Headline +++", "*** 10:15 Headline ***": runs of
# two or more marker characters, with spaces between them. Possessive, and the trailing ones
# found walking back from the end: a regex search for them backtracks exponentially on a
# long run of markers inside a line ("++++…++x").
_LEADING_MARKERS_RE = lazy_re(r"(?:[+*#]{2,}+\s*+)++")
_MARKER_CHARS = frozenset("+*#")


def _unwrap(line: str) -> str:
    if line[:2] not in _MARKER_OPENINGS and line[-2:] not in _MARKER_OPENINGS:
        return line
    lead = _LEADING_MARKERS_RE.match(line)
    if lead:
        line = line[lead.end():]
    end = len(line)  # where the trailing markers (each run with the spaces before it) start
    while True:
        start = end
        while start and line[start - 1] in _MARKER_CHARS:
            start -= 1
        if end - start < 2:
            break
        end = start
        while end and line[end - 1].isspace():
            end -= 1
    return line[:end].strip()


_MARKER_OPENINGS = frozenset({"++", "**", "##"})


def _boxed_drafts(region: list[Token], tokens: list[Token], feed: int, boxes: ItemBoxes) -> dict[int, Draft]:
    """The drafts of the region's stamps whose items the page's boxes bound, by stamp line;
    none unless they are most of the region's items. Boxes that mostly hold labels only
    ("6:52 / Agency name") are the cards' bylines, not the cards: the text layout finds
    those items."""
    drafts: dict[int, Draft] = {}
    for line, (first, last) in boxes.item_lines(region).items():
        draft = _boxed_draft(tokens, tokens[line], feed, first, last, boxes.is_heading)
        if draft is not None:
            drafts[line] = draft
    drafts = _without_label_shapes(drafts, boxes)
    if len(drafts) < 2 or len(drafts) * 3 < len(region) * 2:
        return {}  # the boxes bound too few of the region's items to be its list
    labels = sum(1 for d in drafts.values() if _labels_alone(d))
    return {} if labels * 2 >= len(drafts) else drafts


def _labels_alone(draft: Draft) -> bool:
    return all(_is_label_line(text) for text in _lines(draft))


def _without_label_shapes(drafts: dict[int, Draft], boxes: ItemBoxes) -> dict[int, Draft]:
    """Among boxes of several shapes, those of a shape that mostly hold labels only are no
    items: a threaded comment's header (`div.comment-meta`: "Claire" / "August 06, 2019 4:14 pm")
    is its own box where the comment holds replies, its text outside it (carnegieendowment.org),
    beside whole replies boxed as items."""
    shapes = {line: boxes.shape_of(line) for line in drafts}
    if len(set(shapes.values())) < 2:
        return drafts
    labels: Counter[str] = Counter()
    counts: Counter[str] = Counter(shapes.values())
    for line, draft in drafts.items():
        if _labels_alone(draft):
            labels[shapes[line]] += 1
    return {line: d for line, d in drafts.items() if labels[shapes[line]] * 2 < counts[shapes[line]]}


def _lines_below(draft: Draft, line: int) -> bool:
    """Whether most of the draft's lines lie below its stamp line."""
    below = sum(1 for i in draft.body_lines if i > line)
    return below * 2 >= len(draft.body_lines)


def _is_boxed_line(token: Token) -> bool:
    """A line of a boxed item's content: not a widget, count, photo credit or bare URL."""
    return _is_item_line(token) and not _CREDIT_RE.match(token.text) and not _URL_LINE_RE.match(token.text)


_URL_LINE_RE = lazy_regex(r"(?:https?://|www\.)\S+$")
#: A photo credit line: "Photo: Jane Doe", "Bildrechte: IMAGO / Name", "Jane Doe/Getty Images".
_CREDIT_RE = lazy_regex(
    r"(?:photo(?:graph)?s?|images?|pictures?|credits?|fotos?|bild(?:rechte)?|fotó|zdjęcie|фото)\s?[:|]"
    r"|\p{Lu}[\p{L} .'’-]{1,40}/\s?(?:Getty Images|AP|AFP|Reuters|EPA|dpa|Shutterstock|Alamy|PA)$",
    regex.IGNORECASE)


def _is_kicker(text: str) -> bool:
    """A line over a headline that labels it: a label, capitals, or a short phrase in lower
    case ("coming soon to the court")."""
    return (_is_label_line(text) or _is_caps(text)
            or (text[:1].islower() and len(text.split()) <= 6 and not text.endswith(_SENTENCE_END)))


def _is_label_line(text: str) -> bool:
    """A label, a name or a kicker: at most three words, short, not a sentence."""
    return len(text.split()) <= 3 and _weight(text) < 30 and not text.endswith(_SENTENCE_END)


def _boxed_draft(tokens: list[Token], token: Token, feed: int, first: int, last: int,
                 heading: Callable[[Token], bool]) -> Draft | None:
    """The entry of a stamp whose item the page's boxes bound to lines first..last.

    The item's lines on either side of the stamp are its content (widget lines and bare
    counts skipped; a lone label on one side of the stamp, with the content on the other,
    is the card's kicker or byline and left out); the rest of a leading stamp's line is the
    headline, else the item's first line when it reads as one or is set as a heading.
    """
    assert token.stamp is not None
    above = [t for t in tokens[first:token.index] if _is_boxed_line(t)]
    below = [t for t in tokens[token.index + 1:last + 1] if _is_boxed_line(t)]
    lead = token.rest if token.placement is Placement.LEAD and token.rest else None
    if lead and _is_label_line(lead) and any(not _is_label_line(t.text) for t in above):
        lead = None  # "Headline / dnes 08:23 Aktualizováno": the stamp's label, under the item's headline
    # Labels on one side of the stamp, the content on the other: a card's kicker or
    # category ("World / 2h ago / Headline"), its author or a "Read more" under it.
    if not lead and not token.rest and above and below:
        if len(below) == 1 and _is_label_line(below[0].text) and not all(_is_label_line(t.text) for t in above):
            below = []
    # Labels over the item ("Politics / Edit / Headline / 5:28 p.m. / Body"): its kickers;
    # labels only, over content below the stamp: the comment's author, the card's section.
    while len(above) >= 2 and _is_label_line(above[0].text) and not _is_label_line(above[-1].text):
        above = above[1:]
    titled = next((k for k, t in enumerate(above) if heading(t)), None)
    if titled and not lead and all(_is_kicker(t.text) for t in above[:titled]):
        above = above[titled:]  # labels over the item's heading element are its kickers
    # A label leading the stamp ("2 days ago at 07:52 am", "3:42 pm | Reply") is no headline
    # that would make the author over it the item's.
    if above and below and (not lead or _is_label_line(lead)) and all(_is_label_line(t.text) for t in above) \
            and not all(_is_label_line(t.text) for t in below):
        above = []
    lines = [t.text for t in above]
    if token.rest and not lead and not (_is_label_line(token.rest) and (above or below)) and not _byline_stamp(token):
        lines.append(token.rest)  # "Headline 17:24": the stamp closes its line's text, "Ann on 17:24" is a byline
    lines += [t.text for t in below]
    body = [*above, *below]
    # A heading element is a headline, "Goal!" too.
    titled_first = bool(body) and bool(lines) and body[0].text == lines[0] and heading(body[0])
    return _compose(token, feed, body, lines, lead, set_as_heading=titled_first)


def _byline_stamp(token: Token) -> bool:
    """The stamp line says who wrote the item and when: a name and a connector before the
    stamp ("Jane Doe on 12 May 2019 at 9:05 said:", "Par Jean Dupont, le …", "Ann Muster am
    … Permanenter Link", "Rolf Muster 29.07.2020 // 12:56"), not a headline the stamp closes."""
    assert token.stamp is not None
    words = token.text[:max(0, token.stamp.span[0] - token.start)].split()
    if not 2 <= len(words) <= BYLINE_WORDS:
        return False
    connector = words[-1]
    if not (_CONNECTOR_RE.fullmatch(connector) or not any(c.isalnum() for c in connector)):
        return False
    names = [w.strip("(),") for w in words[:-1] if any(c.isalpha() for c in w)]
    return 0 < len(names) <= BYLINE_WORDS - 2 and all(w[:1].isupper() for w in names)


BYLINE_WORDS = 6  # a name, a connector, perhaps a date word: longer text before a stamp is a headline
#: A short lowercase word, or a name ending in a comma, right before the stamp: "on", "am", "le", "Gobin,".
_CONNECTOR_RE = lazy_regex(r"\p{Ll}{1,3}|\p{Lu}\p{L}*,")


def _titles_trail(region: list[Token]) -> bool:
    """Every stamp closes a title on its line ("Clip title 12:56 PM", "Gallery 2:05 PM"), no
    byline or label that repeats ("Jane Doe 12:56"): the item's title, with its lines under it."""
    if len(region) < TITLED_MIN or any(t.placement is not Placement.TRAIL for t in region):
        return False
    names = sum(1 for t in region if _byline_stamp(t) or _bare_name(t.rest) or _KICKER_END_RE.search(t.rest))
    return _distinct_rests(region) and names * 2 < len(region)


#: A separator closing the text before a stamp: a kicker ("felmérés / 41 perce"), no title.
_KICKER_END_RE = lazy_re(r"[/|•·:–-]\s*$")


def _bare_name(text: str) -> bool:
    """One to four words, each capitalised: "Jane Doe", "Ann" (a commenter before the stamp)."""
    words = text.rstrip(":,").split()
    return 0 < len(words) <= NAME_WORDS and all(w[:1].isupper() for w in words)


def _distinct_rests(region: list[Token]) -> bool:
    """No two stamp lines share their other text: "SI - NFL / 2 days ago" repeats a label, not a headline."""
    rests = [t.rest for t in region]
    return len(set(rests)) == len(rests)


def _headline_before(token: Token, listed: bool = False) -> bool:
    """A trailing stamp after a headline, not after an author's name. In a list of such
    lines a name is a few capitalised words: a headline in Title Case ("White Castle Unveils
    a New Veggie Slider") is longer; a lone line of them may be a byline of several authors."""
    rest = token.rest
    return (token.placement is Placement.TRAIL and _weight(rest) >= MIN_CONTENT and not rest.endswith(":")
            and not (_is_name_line(rest) and (not listed or len(rest.split()) <= NAME_WORDS)))


NAME_WORDS = 4  # "Jane Doe on", "Catherine (GiveWell) on": more capitalised words are a headline


def _trim_fragments(body: list[Token]) -> list[Token]:
    """Drop widget fragments ("Ukraine Daily", "News from") after real content, at the end
    farthest from the stamp."""
    end = len(body)
    while end > 1 and _is_fragment(body[end - 1].text) and any(not _is_fragment(t.text) for t in body[:end - 1]):
        end -= 1
    return body[:end]


def _is_fragment(line: str) -> bool:
    return len(line) < 30 and not line.endswith((".", "!", "?", "…", "\"", "”", ":"))


# ── duplicates ──────────────────────────────────────────────────────────────────────────
_KIND_RANK = {StampKind.DATETIME: 0, StampKind.CLOCK: 1, StampKind.RELATIVE: 2}


def _key(draft: Draft) -> tuple[str, bool]:
    """The opening words of the entry's first real line (labels and author names skipped),
    and whether that line is cut short ("Leaders Must Prolong Brotherly R .."): then its
    last, partial word is left out and the key is a prefix."""
    if len(draft.text) + len(draft.headline or "") > REMEMBERED_CHARS:
        return _opening_key(draft.headline, draft.text)
    return _remembered_key(draft.headline, draft.text)


def _opening_key(headline: str | None, text: str) -> tuple[str, bool]:
    """`_key` of an item's headline and text."""
    lines = [headline or "", *text.split("\n", 6)[:6]]
    core = next((line for line in lines if len(line.split()) >= 4), headline or text)
    words = _NON_WORD_RE.sub(" ", core[:200]).casefold().split()
    cut = len(words) <= KEY_WORDS and core.rstrip().endswith(_CUT_MARKS)
    if cut:
        words = words[:-1]
    return " ".join(words[:KEY_WORDS]), cut


_remembered_key = lru_cache(maxsize=REMEMBERED)(_opening_key)
_CUT_MARKS = ("..", "…")


def _dedupe(drafts: list[Draft]) -> list[Draft]:
    """Keep one draft per item: the most specific stamp, then the longest text.

    Two drafts are one item when they open with the same words and their clocks agree
    (a relative stamp agrees with any): two comments that both begin "I didn't change my
    name" at different times are two items.
    """
    kept: dict[str, list[Draft]] = {}
    cut_keys: list[tuple[str, Draft]] = []
    for draft in drafts:
        key, cut = _key(draft)
        if len(key) < 12:
            key = f"#{draft.line}"
        elif cut:
            cut_keys.append((key, draft))
            continue
        same = kept.setdefault(key, [])
        twin = next((i for i, other in enumerate(same) if _same_moment(draft.stamp, other.stamp)), None)
        if twin is None:
            same.append(draft)
        elif _better(draft, same[twin]):
            same[twin] = draft
    for key, draft in cut_keys:
        _add_cut(kept, key, draft)
    return sorted((d for group in kept.values() for d in group), key=lambda d: d.line)


def _add_cut(kept: dict[str, list[Draft]], key: str, draft: Draft) -> None:
    """A cut-short item is the full item whose key it begins, at the same moment."""
    for full, group in kept.items():
        if full.startswith(key) and full != key:
            twin = next((i for i, other in enumerate(group) if _same_moment(draft.stamp, other.stamp)), None)
            if twin is not None:
                if _better(draft, group[twin]):
                    group[twin] = draft
                return
    kept.setdefault(key, []).append(draft)


def _same_moment(a: Stamp, b: Stamp) -> bool:
    if a.relative_minutes is not None and b.relative_minutes is not None:
        return _same_offset(a.relative_minutes, b.relative_minutes)
    if a.hour is None or b.hour is None:
        return True
    if (a.month, a.day) != (b.month, b.day) and a.month and b.month:
        return False
    return abs((a.hour * 60 + (a.minute or 0)) - (b.hour * 60 + (b.minute or 0))) <= 2


def _same_offset(a: float, b: float) -> bool:
    """ "2 hours ago" and "6 hours ago" are two moments; "59 minutes ago" and "1 hour ago" one."""
    return abs(a - b) <= max(RELATIVE_SLACK_MINUTES, 0.25 * max(a, b))


def _better(a: Draft, b: Draft) -> bool:
    ra, rb = _KIND_RANK[a.stamp.kind], _KIND_RANK[b.stamp.kind]
    if ra != rb:
        return ra < rb
    return len(a.text) > len(b.text)
