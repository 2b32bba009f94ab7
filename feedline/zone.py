"""The page's clock zone when only the capture instant is known (a WARC-Date, `--now` with
an offset and no `--tz`): which UTC offset makes the page's stamps consistent with it.

Evidence, strongest first:

  1. verified markup: the offset the page's `<time datetime>` / live-blog claims show
     between their instants and the visible clocks (claims.py), or between its published /
     modified instant and a byline that shows it ("November 20, 2019 / 1:07 AM" over
     06:07:01Z), or the offset the page writes in its own published / modified times;
  2. zone labels printed in the stamps ("12.50 BST", "GMT+2"; "ET" narrows to two);
  3. consistency with the capture instant: the newest entry of each feed (by the feed's
     order) lies shortly before the capture, and no stamp that prints its date lies after it;
  4. the page's language and its address's country domain, a weak prior.

Each candidate offset (those the world's zones use) gets a cost from 2-4; markup and labels
decide outright. This module only weighs numbers: dates.py gathers them from the page.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import urlsplit

# UTC offsets in use, in minutes (standard and summer time).
OFFSETS = tuple(h * 60 for h in range(-12, 15)) + (-570, -210, -150, 210, 270, 330, 345, 390, 525, 570, 630, 765)
W_GAP = 0.5  # per hour between a feed's newest entry and the capture, on the candidate's clock
W_PRIOR = 2.0  # an offset the page's language or country does not use
W_ODD = 1.0  # a half- or quarter-hour offset no prior names
W_FUTURE = 5.0  # stamps that print a date after the capture on the candidate's clock (once)
SKEW_MINUTES = 10  # a newest entry this far after the capture is clock skew, not another day

# Offsets used where a language is mostly written (weak: many languages span zones).
_LANG: dict[str, tuple[int, ...]] = {
    **{code: (60, 120) for code in ("de", "fr", "it", "nl", "pl", "cs", "sk", "hu", "sl", "hr", "sr", "bs", "da",
                                    "sv", "no", "nb", "nn", "sq", "mk", "lb")},
    **{code: (120, 180) for code in ("uk", "fi", "et", "lv", "lt", "ro", "bg", "el", "he")},
    "es": (60, 120, -180, -240, -300, -360), "pt": (0, 60, -120, -180, -240), "ca": (60, 120), "eu": (60, 120),
    "ru": (180, 120), "be": (180,), "tr": (180,), "ar": (60, 120, 180, 240), "hy": (240,), "ka": (240,),
    "az": (240,), "fa": (210, 270), "ur": (300,), "hi": (330,), "mr": (330,), "ta": (330,), "te": (330,),
    "bn": (360, 330), "ne": (345,), "th": (420,), "vi": (420,), "id": (420, 480, 540), "ms": (480,),
    "zh": (480,), "ja": (540,), "ko": (540,), "is": (0,), "ga": (0, 60), "kk": (300, 360),
}
# Country domains: the same, for the address the page came from.
_TLD: dict[str, tuple[int, ...]] = {
    **{tld: (60, 120) for tld in ("de", "fr", "it", "es", "nl", "be", "at", "ch", "pl", "cz", "sk", "hu", "si", "hr",
                                  "rs", "ba", "se", "no", "dk", "lu", "al", "mk", "me")},
    **{tld: (120, 180) for tld in ("fi", "ee", "lv", "lt", "ro", "md", "bg", "gr", "ua", "cy", "il", "lb", "jo")},
    "uk": (0, 60), "ie": (0, 60), "pt": (0, 60), "is": (0,), "ru": (180,), "by": (180,), "tr": (180,),
    "am": (240,), "ge": (240,), "az": (240,), "ae": (240,), "ir": (210, 270), "pk": (300,), "in": (330,),
    "np": (345,), "bd": (360,), "th": (420,), "vn": (420,), "cn": (480,), "hk": (480,), "tw": (480,),
    "sg": (480,), "my": (480,), "ph": (480,), "jp": (540,), "kr": (540,), "br": (-120, -180, -240),
    "ar": (-180,), "cl": (-180, -240), "co": (-300,), "pe": (-300,), "mx": (-360, -300), "ve": (-240,),
    "nz": (720, 780), "za": (120,), "ng": (60,), "ke": (180,), "eg": (120, 180),
}
# Zone labels whose meaning depends on the place: the offsets they may stand for.
_AMBIGUOUS: dict[str, tuple[int, ...]] = {
    "ET": (-300, -240), "CT": (-360, -300), "MT": (-420, -360), "PT": (-480, -420),
    "IST": (330, 60, 120), "CST": (-360, 480),
}


@dataclass(frozen=True, slots=True)
class ZoneClues:
    """What a page offers about its clock, gathered by dates.py."""

    markup_offsets: tuple[int, ...] = ()  # offsets of verified claims (the visible clock vs instants)
    shown_offsets: tuple[int, ...] = ()  # a visible page stamp vs the page's own published/modified instant
    written_offsets: tuple[int, ...] = ()  # offsets the page writes in its published / modified times
    label_offsets: tuple[int, ...] = ()  # offsets of unambiguous zone labels in the stamps
    labels: tuple[str, ...] = ()  # ambiguous labels printed in the stamps ("ET", "IST")
    newest: tuple[tuple[int, ...], ...] = ()  # per feed: the clocks (minutes) of its newest few entries
    dated: tuple[datetime, ...] = ()  # stamps that print their date, as naive date + clock
    lang: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Inferred:
    offset: int  # minutes east of UTC
    note: str  # for the evidence
    firm: bool  # from markup or labels: the datetimes may carry it


def infer_offset(clues: ZoneClues, capture_utc: datetime) -> Inferred | None:
    """The page's UTC offset at `capture_utc` (naive UTC), or None when nothing says anything."""
    if clues.markup_offsets:
        offset = Counter(clues.markup_offsets).most_common(1)[0][0]
        return Inferred(offset, f"page clock UTC{_fmt(offset)}: the offset its verified markup shows", True)
    if clues.shown_offsets:
        offset = Counter(clues.shown_offsets).most_common(1)[0][0]
        return Inferred(offset, f"page clock UTC{_fmt(offset)}: its byline shows its own published/modified "
                                "time at that offset", True)
    if clues.label_offsets:
        offset = Counter(clues.label_offsets).most_common(1)[0][0]
        return Inferred(offset, f"page clock UTC{_fmt(offset)}: the zone label its stamps print", True)
    prior, prior_note = _prior(clues)
    if not clues.newest and not clues.dated and not prior and not clues.written_offsets:
        return None
    scored = []
    for offset in OFFSETS:
        wall = capture_utc + timedelta(minutes=offset)
        now_minutes = wall.hour * 60 + wall.minute
        # A feed's newest few entries all lie shortly before the capture: the farthest counts
        # (a clock "after" the capture wraps round to almost a day).
        cost = sum(W_GAP * max(((now_minutes - clock + SKEW_MINUTES) % 1440) - SKEW_MINUTES for clock in top) / 60
                   for top in clues.newest if top)
        cost += W_FUTURE * any(moment > wall + timedelta(minutes=SKEW_MINUTES) for moment in clues.dated)
        if clues.written_offsets:
            cost += 0.0 if offset in clues.written_offsets else \
                1.0 if any(abs(offset - w) == 60 for w in clues.written_offsets) else 2 * W_PRIOR
        if prior:
            cost += 0.0 if offset in prior else W_PRIOR
        elif offset % 60:
            cost += W_ODD
        scored.append((cost, abs(offset), offset))
    scored.sort()
    offset = scored[0][2]
    why = []
    if clues.written_offsets:
        why.append("the offset of its own published/modified time")
    if clues.newest:
        why.append("its newest entries shortly before the capture")
    if clues.dated:
        why.append("no printed date after the capture")
    if prior:
        why.append(prior_note)
    return Inferred(offset, f"page clock UTC{_fmt(offset)} inferred from " + ", ".join(why), False)


def _prior(clues: ZoneClues) -> tuple[set[int], str]:
    """Offsets the language, the country domain and ambiguous labels allow (intersected when they agree)."""
    sets: list[tuple[set[int], str]] = []
    for label in dict.fromkeys(clues.labels):  # each label once, in the order printed
        if label in _AMBIGUOUS:
            sets.append((set(_AMBIGUOUS[label]), f"the label '{label}'"))
    host = urlsplit(clues.url).hostname or "" if clues.url else ""
    tld = host.rsplit(".", 1)[-1] if "." in host else ""
    if tld in _TLD:
        sets.append((set(_TLD[tld]), f"the domain .{tld}"))
    lang = (clues.lang or "").split("-")[0].lower()
    if lang in _LANG:
        sets.append((set(_LANG[lang]), f"the language '{lang}'"))
    if not sets:
        return set(), ""
    common = set.intersection(*(s for s, _ in sets))
    if common:
        return common, " and ".join(n for _, n in sets)
    return sets[0][0], sets[0][1]


def _fmt(offset: int) -> str:
    sign = "+" if offset >= 0 else "-"
    return f"{sign}{abs(offset) // 60:02d}:{abs(offset) % 60:02d}"
