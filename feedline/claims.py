"""Markup claims checked against the visible stamps: which `<time datetime>` and live-blog
updates may date an entry.

The visible stamp is the truth for the time of day. A claim is kept only when it agrees:

  - its own wall clock equals the visible clock: the claim's date holds (also when a local
    time is wrongly suffixed `Z`); its offset is kept only when it is not `Z`;
  - or it is an instant (UTC or an offset) whose distance to the visible clock is one and
    the same whole number of quarter hours for most claims of the page: that distance is
    the page's UTC offset, and the date follows on the page's clock;
  - for a relative stamp ("21 mins ago") there is no clock to compare, but the claim plus the
    stamp's offset is the moment the page was rendered, the same for every relative stamp:
    claims whose sums agree (within the stamp's unit) with most others are kept. The local
    time is the claim's own when written with a non-UTC offset, else the instant on the
    page's clock when the page offset is known. That moment, when the relative stamps agree
    on it, is also the page's own capture time for blind mode (`Verified.rendered`): to two
    minutes from minute stamps, or where the windows of hour stamps ("3 hours ago") overlap
    (pinned by a lone minute stamp inside them). Without such claims, the items' times in
    the page's script JSON (`blobs`) are judged the same way, each time field on its own,
    and the fields that find a moment must agree on it.

The page offset comes from the distances between instants and visible clocks (two or more
agreeing), or from one such distance that equals the offset the page writes in its own
published / modified time.

Claims are all dropped when most carry one and the same instant (the page's own time put
on every update). Claims that agree with no visible stamp date nothing. A value outside the
range dates can be computed in (a year before 2 or after 9998, an offset of 24 hours or
more, minutes past 59) is no claim: `out_of_range` lists them for the page's diagnostics.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from typing import NamedTuple

from feedline.blobs import ItemTime, item_times
from feedline.entries import Draft
from feedline.model import LiveUpdate, Markup, StampKind, TimeMark

SAME_INSTANT_SHARE = 0.8  # this share of claims on one instant: the page's time, not the entries'
OFFSET_SHARE = 0.6  # this share of instants at one distance from the visible clocks: the page offset
MATCH_CHARS = 40  # opening characters compared to pair a structured update with its entry
FIELDS_AGREE = timedelta(minutes=5)  # render moments of different JSON time fields that are one
YEARS = (2, 9998)  # a claim's year: a day of shifting either way stays a representable date


@dataclass(frozen=True, slots=True)
class Claim:
    """A verified claim about one entry."""

    local_date: date
    local_time: time
    utc_offset_minutes: int | None
    evidence: str


@dataclass(frozen=True, slots=True)
class _Parsed:
    wall: datetime  # as written, naive
    offset_minutes: int | None  # None when the value has no offset
    zulu: bool
    raw: str
    origin: str


class Verified(NamedTuple):
    """What one judgement of the markup yields."""

    claims: dict[int, Claim]  # verified claims by the stamp line of the entry they date
    page_times: list[tuple[str, datetime]]  # the page's published / modified times on its clock
    rendered: datetime | None  # when the page was rendered (aware, UTC), as its relative stamps agree


def verified_claims(drafts: list[Draft], markup: Markup | None) -> Verified:
    """Verified claims, the page's own times (see `_page_times`) and its render moment."""
    paired, lying, page_offset = _judge(drafts, markup)
    claims: dict[int, Claim] = {}
    if lying:
        paired = []
    relative = [(d, p) for d, p in paired if _clock_minutes(d) is None]
    rendered = _render_moment(relative)
    if rendered is None and not lying and markup is not None and markup.scripts and any(
            d.stamp.relative_minutes is not None and _clock_minutes(d) is None for d in drafts):
        rendered, listed = _listed_moment(drafts, tuple(item_times(markup.scripts)))
        paired = paired + listed
    for draft, parsed in paired:
        if _clock_minutes(draft) is None:
            claim = _relative_claim(draft, parsed, page_offset, rendered)
        else:
            claim = _check(draft, parsed, page_offset)
        if claim is not None and draft.line not in claims:
            claims[draft.line] = claim
    moment = rendered.replace(tzinfo=timezone.utc) if rendered is not None else None
    return Verified(claims, _page_times(markup, page_offset), moment)


def markup_only(drafts: list[Draft], markup: Markup | None) -> list[tuple[LiveUpdate, Claim | None]]:
    """Structured updates that pair with no visible entry, each with its time on the page's
    clock when that can be known (an explicit offset, or the page offset the visible
    entries show); None when it cannot (UTC only, or markup that lies)."""
    if markup is None or not markup.updates:
        return []
    paired, lying, page_offset = _judge(drafts, markup)
    shown = set(_paired_updates(drafts, markup.updates))
    out: list[tuple[LiveUpdate, Claim | None]] = []
    for update in markup.updates:
        if update in shown:
            continue
        parsed = _parse(update.published, update.origin) if update.published else None
        out.append((update, None if lying or parsed is None else _hidden_claim(parsed, page_offset)))
    return out


def _page_times(markup: Markup | None, page_offset: int | None) -> list[tuple[str, datetime]]:
    """The page's published / modified times on the page's clock, where that clock is known:
    written with a local offset, or an instant when the visible entries show the page offset."""
    if markup is None:
        return []
    out = []
    for label, value in (("published", markup.published), ("modified", markup.modified)):
        parsed = _parse(value, label) if value else None
        if parsed is None or parsed.offset_minutes is None:
            continue
        if page_offset is not None:
            local = parsed.wall - timedelta(minutes=parsed.offset_minutes) + timedelta(minutes=page_offset)
        elif not parsed.zulu:
            local = parsed.wall
        else:
            continue  # UTC, and the page's own offset is unknown
        out.append((f"{label} {value}", local))
    return out


def _judge(drafts: list[Draft], markup: Markup | None) -> tuple[list[tuple[Draft, _Parsed]], bool, int | None]:
    """Claims paired with entries, whether they lie (one instant on all), the page offset."""
    if markup is None:
        return [], False, None
    paired = _pair_time_marks(drafts, markup.time_marks) + _pair_updates(drafts, markup.updates)
    kept = [(d, p) for d, p in paired if p is not None]
    return kept, _one_instant(p for _, p in kept), _page_offset(kept, markup.time_marks, _written_offsets(markup))


def _hidden_claim(parsed: _Parsed, page_offset: int | None) -> Claim | None:
    note = f"{parsed.origin} {parsed.raw}, not visible on the page"
    if parsed.offset_minutes is None:
        return None
    if page_offset is not None:
        local = parsed.wall - timedelta(minutes=parsed.offset_minutes) + timedelta(minutes=page_offset)
        return Claim(local.date(), local.time().replace(second=0), page_offset, f"{note}, at the page's UTC{page_offset / 60:+g}")
    if parsed.zulu:
        return None  # UTC, or a local time marked Z: the page's clock does not follow
    return Claim(parsed.wall.date(), parsed.wall.time().replace(second=0), parsed.offset_minutes, note)


# ── pairing claims with entries ─────────────────────────────────────────────────────────
def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def _pair_time_marks(drafts: list[Draft], marks: tuple[TimeMark, ...]) -> list[tuple[Draft, _Parsed | None]]:
    """The k-th entry showing a stamp text takes the k-th mark showing the same text. An entry
    no mark shows whole then takes the next free mark whose text holds its stamp as words
    ("11:09" in `<time datetime>11:09, today</time>`: the day word is a line of its own)."""
    queues: dict[str, list[TimeMark]] = {}
    for mark in marks:
        queues.setdefault(_norm(mark.text), []).append(mark)
    pairs, unpaired, taken = [], [], set()
    for draft in drafts:
        queue = queues.get(_norm(draft.stamp.text))
        if queue:
            mark = queue.pop(0)
            taken.add(id(mark))
            pairs.append((draft, _parse(mark.value, "time[datetime]")))
        else:
            unpaired.append(draft)
    free = [mark for mark in marks if id(mark) not in taken]
    start = 0
    for draft in unpaired:
        if start >= len(free):
            break  # no mark left to pair (the pattern below is compiled per stamp text)
        words = re.compile(r"(?<!\w)" + re.escape(_norm(draft.stamp.text)) + r"(?!\w)")
        for k in range(start, len(free)):
            if words.search(_norm(free[k].text)):
                pairs.append((draft, _parse(free[k].value, "time[datetime]")))
                start = k + 1
                break
    return pairs


def _pair_updates(drafts: list[Draft], updates: tuple[LiveUpdate, ...]) -> list[tuple[Draft, _Parsed | None]]:
    """A structured update pairs with the entry whose headline or text opens the same way."""
    return [(draft, _parse(update.published, update.origin))
            for update, draft in _paired_updates(drafts, updates).items() if update.published]


def _paired_updates(drafts: list[Draft], updates: tuple[LiveUpdate, ...]) -> dict[LiveUpdate, Draft]:
    openings: dict[str, Draft] = {}
    for draft in drafts:
        for part in (draft.headline, draft.text):
            if part and len(part) >= 12:
                openings.setdefault(_norm(part)[:MATCH_CHARS], draft)
    found: dict[LiveUpdate, Draft] = {}
    for update in updates:
        for part in (update.headline, update.body):
            draft = openings.get(_norm(part)[:MATCH_CHARS]) if part and len(part) >= 12 else None
            if draft is not None:
                found[update] = draft
                break
    return found


# ── reading and judging claims ──────────────────────────────────────────────────────────
_ISO_RE = re.compile(
    r"^\s*(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?\s*$", re.IGNORECASE)


def out_of_range(markup: Markup | None) -> list[str]:
    """The markup's date values written as ISO 8601 but outside the computable range (see
    `_in_range`): dropped as claims, for the page's diagnostics."""
    if markup is None:
        return []
    values = [markup.published, markup.modified, *(m.value for m in markup.time_marks),
              *(u.published for u in markup.updates)]
    return [value for value in values if value and (match := _ISO_RE.match(value)) and not _in_range(match.groups())]


def _in_range(groups: tuple[str | None, ...]) -> bool:
    """A year computable a day either way, an offset under 24 hours with minutes under 60."""
    year, zone = int(groups[0] or 0), groups[6]
    if not YEARS[0] <= year <= YEARS[1]:
        return False
    if zone and zone.upper() != "Z":
        digits = zone[1:].replace(":", "")
        return int(digits[:2]) < 24 and int(digits[2:]) < 60
    return True


def _parse(value: str, origin: str) -> _Parsed | None:
    match = _ISO_RE.match(value)
    if match is None or not _in_range(match.groups()):
        return None
    year, month, day, hour, minute, second, zone = match.groups()
    try:
        wall = datetime(int(year), int(month), int(day), int(hour), int(minute), int(second or 0))
    except ValueError:
        return None
    offset = None
    if zone:
        if zone.upper() == "Z":
            offset = 0
        else:
            sign = 1 if zone[0] == "+" else -1
            digits = zone[1:].replace(":", "")
            offset = sign * (int(digits[:2]) * 60 + int(digits[2:]))
    return _Parsed(wall, offset, bool(zone) and zone.upper() == "Z", value, origin)


def _one_instant(parsed: object) -> bool:
    values = [p.raw for p in parsed]  # type: ignore[attr-defined]
    if len(values) < 3:
        return False
    return Counter(values).most_common(1)[0][1] >= SAME_INSTANT_SHARE * len(values)


def _clock_minutes(draft: Draft) -> int | None:
    stamp = draft.stamp
    if stamp.kind is StampKind.RELATIVE or stamp.hour is None:
        return None
    return stamp.hour * 60 + (stamp.minute or 0)


def _distance(draft: Draft, parsed: _Parsed) -> int | None:
    """Minutes from the claim's UTC instant to the visible clock, in -12 h .. +14 h."""
    visible = _clock_minutes(draft)
    if visible is None or parsed.offset_minutes is None:
        return None
    utc = parsed.wall - timedelta(minutes=parsed.offset_minutes)
    delta = (visible - (utc.hour * 60 + utc.minute)) % 1440
    return delta - 1440 if delta > 14 * 60 else delta


_MARK_CLOCK_RE = re.compile(r"(?<![\d:.])([01]?\d|2[0-3])[:.]([0-5]\d)(?![\d:.])")


def _mark_distance(mark: TimeMark) -> int | None:
    """Minutes from a `<time>` element's instant to the one clock its text shows ("Publiziert:
    01.07.2023, 11:16"), in -12 h .. +14 h; None without exactly one clock or an instant."""
    clocks = _MARK_CLOCK_RE.findall(mark.text)
    parsed = _parse(mark.value, "time[datetime]")
    if len(clocks) != 1 or parsed is None or parsed.offset_minutes is None:
        return None
    utc = parsed.wall - timedelta(minutes=parsed.offset_minutes)
    delta = (int(clocks[0][0]) * 60 + int(clocks[0][1]) - (utc.hour * 60 + utc.minute)) % 1440
    return delta - 1440 if delta > 14 * 60 else delta


def _written_offsets(markup: Markup) -> set[int]:
    """The non-UTC offsets the page writes in its own published / modified times."""
    parsed = [_parse(value, label) for label, value in (("published", markup.published),
                                                        ("modified", markup.modified)) if value]
    return {p.offset_minutes for p in parsed if p is not None and p.offset_minutes is not None and not p.zulu}


def _page_offset(paired: list[tuple[Draft, _Parsed]], marks: tuple[TimeMark, ...] = (),
                 written: set[int] = frozenset()) -> int | None:  # type: ignore[assignment]
    distances = [d for draft, parsed in paired if (d := _distance(draft, parsed)) is not None]
    if not distances:  # no entry shows a clock: the page's other <time> elements may
        distances = [d for mark in marks if (d := _mark_distance(mark)) is not None]
    if len(distances) == 1 and distances[0] in written:
        return distances[0]  # one visible clock, confirmed by the page's own written offset
    if len(distances) < 2:
        return None
    offset, count = Counter(distances).most_common(1)[0]
    if offset % 15 or count < 2 or count < OFFSET_SHARE * len(distances):
        return None
    return offset


def _unit_minutes(minutes: float) -> float:
    """How exact a relative stamp is: "21 mins ago" to the minute, "3 hrs ago" to the hour."""
    return 2 if minutes < 60 else 60 if minutes < 1440 else 1440


def _rendered(draft: Draft, parsed: _Parsed) -> datetime | None:
    """The claim's UTC instant plus the stamp's offset: when the page said "N ago"."""
    if parsed.offset_minutes is None or draft.stamp.relative_minutes is None:
        return None
    try:
        return parsed.wall - timedelta(minutes=parsed.offset_minutes - draft.stamp.relative_minutes)
    except OverflowError:  # "N years ago" near the ends of the calendar: no moment
        return None


def _render_moment(relative: list[tuple[Draft, _Parsed]]) -> datetime | None:
    """The moment most relative claims agree the page was rendered (UTC, naive): from minute
    stamps when two or more agree to two minutes, else from hour stamps (`_render_window`),
    pinned by a lone minute stamp that falls where their windows overlap (none if it does not)."""
    moments = sorted(m for d, p in relative if d.stamp.relative_minutes is not None
                     and d.stamp.relative_minutes < 60 and (m := _rendered(d, p)) is not None)
    if len(moments) >= 2:
        middle = moments[len(moments) // 2]
        agreeing = [m for m in moments if abs((m - middle).total_seconds()) <= 120]
        if len(agreeing) >= 2 and len(agreeing) >= OFFSET_SHARE * len(moments):
            return middle
        return None  # minute stamps that disagree: hours cannot settle it
    shared = _render_window(relative)
    if shared is None:
        return None
    if moments:
        slack = timedelta(minutes=2)
        return moments[0] if shared[0] - slack <= moments[0] < shared[1] + slack else None
    return shared[0] + (shared[1] - shared[0]) / 2


def _render_window(relative: list[tuple[Draft, _Parsed]]) -> tuple[datetime, datetime] | None:
    """With hour stamps ("3 hours ago"): each claim allows the page an hour and a half of
    render moments (sites floor "N hours" or round it), [moment - 30 min, moment + 1 h).
    The stretch the most windows share, when two or more and most share it."""
    windows = [(m - timedelta(minutes=30), m + timedelta(minutes=60)) for d, p in relative
               if d.stamp.relative_minutes is not None and 60 <= d.stamp.relative_minutes < 1440
               and (m := _rendered(d, p)) is not None]
    if len(windows) < 2:
        return None
    # Ends sort before starts at one instant: the windows are half-open.
    events = sorted([(start, 1) for start, _ in windows] + [(end, -1) for _, end in windows])
    depth, best, shared = 0, 0, None
    for (at, step), (after, _) in zip(events, events[1:]):
        depth += step
        if depth > best:
            best, shared = depth, (at, after)
    if shared is None or best < 2 or best < OFFSET_SHARE * len(windows):
        return None
    return shared


def _listed_moment(drafts: list[Draft], items: tuple[ItemTime, ...]) -> tuple[datetime | None, list[tuple[Draft, _Parsed]]]:
    """The render moment the page's embedded JSON gives, with the claims that give it.

    Each time field ("metadata.lastUpdated", "contentDate") is judged on its own, like the
    `<time>` claims: one item one claim, paired with the relative stamp whose headline opens
    the same way. The fields that find a moment must agree on it (within `FIELDS_AGREE`); the
    one with most claims gives it. Fields that disagree give none."""
    found = []
    for field, pairs in _pair_item_times(drafts, items).items():
        moment = _render_moment(pairs)
        if moment is not None:
            found.append((len(pairs), moment, pairs))
    if not found:
        return None, []
    moments = [moment for _, moment, _ in found]
    if max(moments) - min(moments) > FIELDS_AGREE:
        return None, []
    best = max(found, key=lambda f: f[0])
    return best[1], [pair for _, _, pairs in found for pair in pairs]


def _pair_item_times(drafts: list[Draft], items: tuple[ItemTime, ...]) -> dict[str, list[tuple[Draft, _Parsed]]]:
    """Claims by field: a relative stamp's entry and the time of the JSON item whose title
    opens like its headline or text; the first such item, and each item only once. Two items
    with one and the same time (one story under two titles) are one claim."""
    openings: dict[str, Draft] = {}
    for draft in drafts:
        if draft.stamp.relative_minutes is None or _clock_minutes(draft) is not None:
            continue
        for part in (draft.headline, draft.text):
            if part and len(part) >= 12:
                openings.setdefault(_norm(part)[:MATCH_CHARS], draft)
    by_field: dict[str, list[tuple[Draft, _Parsed]]] = {}
    taken: set[tuple[str, object]] = set()  # (field, entry line) and (field, value): each once
    for item in items:
        draft = openings.get(_norm(item.headline)[:MATCH_CHARS])
        if draft is None or (item.field, draft.line) in taken or (item.field, item.value) in taken:
            continue
        parsed = _parse(item.value, f"script JSON {item.field}")
        if parsed is not None:
            taken.update({(item.field, draft.line), (item.field, item.value)})
            by_field.setdefault(item.field, []).append((draft, parsed))
    return by_field


def _relative_claim(draft: Draft, parsed: _Parsed, page_offset: int | None, rendered: datetime | None) -> Claim | None:
    """A claim about a relative stamp: kept when it agrees with the page's render moment
    (or, alone, when it writes a local offset); on the page's clock."""
    moment = _rendered(draft, parsed)
    if moment is None:
        return None
    if rendered is not None:
        slack = _unit_minutes(draft.stamp.relative_minutes or 0) * 60  # sites floor or round: either side
        if abs((moment - rendered).total_seconds()) > slack + 120:
            return None
        note = f"{parsed.origin} {parsed.raw} agrees with '{draft.stamp.text}' as the other relative stamps do"
    elif parsed.zulu:
        return None
    else:
        note = f"{parsed.origin} {parsed.raw}"
    if not parsed.zulu:
        return Claim(parsed.wall.date(), parsed.wall.time().replace(second=0), parsed.offset_minutes, note)
    if page_offset is None:
        return None  # UTC, and the page's own clock is unknown
    local = parsed.wall + timedelta(minutes=page_offset)
    return Claim(local.date(), local.time().replace(second=0), page_offset, f"{note}, at the page's UTC{page_offset / 60:+g}")


def _check(draft: Draft, parsed: _Parsed, page_offset: int | None) -> Claim | None:
    visible = _clock_minutes(draft)
    wall_minutes = parsed.wall.hour * 60 + parsed.wall.minute
    if wall_minutes == visible:
        offset = None if parsed.zulu else parsed.offset_minutes
        return Claim(parsed.wall.date(), parsed.wall.time().replace(second=0), offset,
                     f"{parsed.origin} {parsed.raw} agrees with the visible {draft.stamp.text}")
    if page_offset is not None and _distance(draft, parsed) == page_offset:
        local = parsed.wall - timedelta(minutes=parsed.offset_minutes or 0) + timedelta(minutes=page_offset)
        return Claim(local.date(), local.time().replace(second=0), page_offset,
                     f"{parsed.origin} {parsed.raw} is the visible {draft.stamp.text} at UTC{page_offset / 60:+g}")
    return None
