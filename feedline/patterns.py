"""The stamp, date, heading and mention patterns of feedline, composed from named atoms.

Each atom is wrapped in ``(?:...)`` before it is composed, so an alternation inside an
atom can never leak into the pattern around it. Per-language words come from `lexicon`.
All quantifiers are bounded; no pattern nests unbounded repetition.
"""
from __future__ import annotations

import re
from typing import Any, cast

import regex

from feedline import lexicon, patcache


class LazyPattern:
    """A pattern compiled on first use, then as fast as the compiled one.

    Compiling every pattern at import was about half of a one-page process's run, and most
    pages need only some of them (the East Asian variants, the headings, the mentions).
    The first attribute read compiles the pattern and keeps its methods on the instance,
    so later calls find them without reaching `__getattr__`. `pattern` and `flags` are the
    source, readable without compiling.
    """

    compiled_count = 0  # patterns compiled so far in this process (tests count them)

    def __init__(self, engine: Any, pattern: str, flags: int = 0) -> None:
        self._engine, self.pattern, self.flags = engine, pattern, flags

    def __getattr__(self, name: str) -> Any:  # reached only until the first use
        if name.startswith("__"):
            raise AttributeError(name)
        compiled = self._engine.compile(self.pattern, self.flags)
        LazyPattern.compiled_count += 1
        for method in ("match", "fullmatch", "search", "finditer", "findall", "sub", "split", "groupindex"):
            setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)

    @property
    def compiled(self) -> bool:
        """Whether the pattern has been compiled (a test of what a path needs)."""
        return "match" in self.__dict__


def lazy_regex(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """`regex.compile(pattern, flags)`, compiled when first used (through the disk cache)."""
    return cast("regex.Pattern[str]", LazyPattern(patcache, pattern, flags))


def lazy_re(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, compiled when first used."""
    return cast("re.Pattern[str]", LazyPattern(re, pattern, flags))



def _alt(words: "list[str] | tuple[str, ...] | set[str]") -> str:
    """A non-capturing alternation of literal words, longest first."""
    return "(?:" + "|".join(regex.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w))) + ")"


# Short month forms that are ordinary words elsewhere ("2h ago", "Sie", "set", "out").
_AMBIGUOUS_MONTH_FORMS = {"ago", "set", "out", "sie", "gen", "lis", "sty", "lip", "gru", "mar", "cze", "kwi", "lut", "um"}

MONTH_NUMBER: dict[str, int] = {}
for _forms in lexicon.MONTHS.values():
    for _number, _names in enumerate(_forms, start=1):
        for _name in _names:
            if _name not in _AMBIGUOUS_MONTH_FORMS or _name == "mar":
                MONTH_NUMBER.setdefault(_name, _number)

# ── atoms ────────────────────────────────────────────────────────────────────────────
HOUR = r"(?:[01]?\d|2[0-3])"
MINUTE = r"(?:[0-5]\d)"
AMPM = r"(?:[ap]\.?\s?m\b\.?)"
ZONE_LABELS = ("GMT", "UTC", "BST", "IST", "CET", "CEST", "EET", "EEST", "WET", "WEST", "MSK",
               "ET", "EST", "EDT", "CT", "CST", "CDT", "MT", "MST", "MDT", "PT", "PST", "PDT",
               "JST", "KST", "EAT", "WAT", "CAT", "SAST", "AEST", "AEDT", "HKT", "SGT", "PKT")
ZONE = r"(?:" + _alt(ZONE_LABELS) + r"(?:[+-]\d{1,2}(?::?\d{2})?)?)"
WEEKDAY_NUMBER: dict[str, int] = {}  # form -> 0 (Monday) .. 6 (Sunday)
for _days in lexicon.WEEKDAYS.values():
    for _number, _forms in enumerate(_days):
        for _form in _forms:
            WEEKDAY_NUMBER.setdefault(_form, _number)
WEEKDAY_NAMES = frozenset(WEEKDAY_NUMBER)
# Month and weekday names are matched as any word and checked against the lexicon in code
# (`MONTH_NUMBER`, `WEEKDAY_NAMES`): a few hundred literal alternatives would cost more to
# compile at every start than the whole extraction of a page.
MONTH_NAME = r"(?:\p{L}{3,11})"
WEEKDAY = r"(?:\p{L}{2,12})"
ORDINAL = r"(?:st|nd|rd|th|er|e|\.)"
YEAR4 = r"(?:1[89]\d\d|20\d\d)"

# A time of day: "4:00 PM", "4.49pm", "16:07", "16.07 Uhr", "17h17", "00 h 58", "12.50 BST",
# "21:06 (IST)", "10am EST", "9:05 h", "21時37分". Named groups: hour, sep, minute, ampm, uhr,
# zone. An am/pm word printed before the clock ("오후 3:05") is the `period` group of JOIN
# after a date; before a lone clock the tokenizer looks for it (PERIOD_BEFORE_RE).
# The East Asian parts (hour and minute words, CJK dates, am/pm words) are left out of the
# patterns used on lines without a CJK character (`CJK_CHAR_RE`): they cost there and can
# never match.
PERIOD = _alt(lexicon.CLOCK_PERIODS)  # "오후", "下午", "午後"
CJK_CHAR_RE = re.compile("[年月日월일時时시分분午오上下]")


def _clock(cjk: bool) -> str:
    return (
        r"(?:(?<![\d,:/])(?:(?<!\.)|(?<=(?<![\d.])[0-3]?\d\.[01]?\d\.))"  # after "18.2.": a glued date
        r"|(?<=(?<![\d,:])(?:19|20)\d\d))"  # after a year: "28 luglio 202010:43", "APR 28 20232:23 PM"
        r"(?:"
        # seconds after a colon clock ("14:33:00", "8:09:56 PM"): part of the stamp, and the
        # am/pm or zone after them still read
        r"(?:(?P<hour>" + HOUR + r")(?:(?P<sep>[:.])(?P<minute>" + MINUTE + r")(?:(?<=:\d\d):[0-5]\d)?"
        r"|\s?(?P<sep>h)\s?(?P<minute>" + MINUTE + r")"
        + (r"|\s?(?P<sep>[時时시])\s?(?P<minute>[0-5]?\d)\s?[分분]" if cjk else "") + r")"  # "21時37分", "9시 5분"
        r"|(?P<hour>1[0-2]|0?[1-9])(?=\s?[ap]\.?\s?m\b))"
        r"(?!\d|[.,]\d)(?!\s?(?:min|sek|sec|s)\b)"  # not a duration ("01:09 min") nor a lap time ("1:23.456")
        r"(?:\s?(?P<ampm>" + AMPM + r"))?"
        r"(?:\s?(?P<uhr>Uhr|uhr|hs|horas|h)\b)?"  # "9:05 h", "21:30 hs": a 24-hour clock's word
        r"(?:\s?\(?(?P<zone>" + ZONE + r")\)?(?![\w]))?)"
    )


CLOCK = _clock(cjk=True)

# After a date, no digit but the start of a clock glued to it ("18.2.15:32", "5 maj 202111:15",
# "APR 28 20232:23 PM": ansa.it, cnbc.com, carnegieendowment.org, dorzeczy.pl, npr.org,
# reuters.com, slate.com print the year and the clock as two elements with no space).
_DIGIT_NOT_A_CLOCK = r"\d(?!\d?:\d\d)"

# Dates that travel with a clock (or stand alone as a heading). Groups: day, month_name,
# d1/d2 (numeric day and month in an order decided later), year, iso_*.
DATE_DMY_NAME = (
    r"(?:(?P<day>[0-3]?\d)" + ORDINAL + r"?\s?(?:de\s)?(?P<month_name>" + MONTH_NAME + r")\.?"
    r"(?:,?\s(?:de\s)?(?P<year>" + YEAR4 + r"))?(?!\p{L}|_|" + _DIGIT_NOT_A_CLOCK + r"))"
)
DATE_MDY_NAME = (
    r"(?:(?P<month_name>" + MONTH_NAME + r")\.?\s(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:]|\.\d)"
    r"(?:,?\s(?P<year>" + YEAR4 + r"|'?\d\d(?=\s?[-–,]))(?!" + _DIGIT_NOT_A_CLOCK + r"))?)"
)
DATE_NUMERIC = (
    r"(?:(?<![\d.:/])(?P<d1>[0-3]?\d)(?P<dsep>[./])\s?(?P<d2>[0-3]?\d)(?P=dsep)\s?(?P<year>" + YEAR4 + r"|\d\d)(?![.:]|" + _DIGIT_NOT_A_CLOCK + r"))"
)
# A weekday in brackets after a date, as East Asian pages print it ("3/9(木)", "7月14日（水）").
_BRACKETED_WEEKDAY = r"(?:\s?[(（]\p{L}{1,3}[)）])"
DATE_NUMERIC_SHORT = (
    r"(?:(?<![\d.:/-])(?P<d1>[0-3]?\d)(?:\.\s?(?P<d2>[0-3]?\d)\.|[-/](?P<d2>[0-3]?\d)" + _BRACKETED_WEEKDAY + r"?(?=\s))(?!" + _DIGIT_NOT_A_CLOCK + r"))"  # a clock may be glued: "18.2.15:32"
    # ("3/9(木) 18:45": a weekday in brackets after the slash form, as CJK month-days print it)
)
DATE_ISO = r"(?:(?<!\d)(?P<iso_year>" + YEAR4 + r")-(?P<iso_month>[01]\d)-(?P<iso_day>[0-3]\d)(?!\d))"
# Year first with slashes or dots, as East Asian and Hungarian pages print it: "2021/07/14",
# "2021.07.14.", "2020. 8. 27.", with the weekday in brackets as the other East Asian date
# forms take it ("2019.3.11(月) 16:10", "2022.8.10(Wed) 5:05": rbbtoday.com,
# scan.netsecurity.ne.jp; "3/9(木)" on headlines.yahoo.co.jp, "7月14日（水）" below).
DATE_YMD = (
    r"(?:(?<![\d.:/])(?P<iso_year>" + YEAR4 + r")(?P<ysep>[/.])\s?(?P<iso_month>[01]?\d)(?P=ysep)\s?"
    r"(?P<iso_day>[0-3]?\d)(?!\d)(?:\.(?!\d))?" + _BRACKETED_WEEKDAY + "?)"
)
# Chinese, Japanese and Korean dates: "2021年7月14日", "7月14日（水）", "2021년 7월 14일".
_CJK_MONTH_DAY = (
    r"(?P<iso_month>[01]?\d)\s?[月월]\s?(?P<iso_day>[0-3]?\d)\s?[日일]" + _BRACKETED_WEEKDAY + "?"
)
DATE_CJK = r"(?:(?<!\d)(?:(?P<year>" + YEAR4 + r")\s?[年년]\s?)?" + _CJK_MONTH_DAY + ")"
DATE_CJK_YEAR = r"(?:(?<!\d)(?P<year>" + YEAR4 + r")\s?[年년]\s?" + _CJK_MONTH_DAY + ")"
DATE = "(?:" + "|".join((DATE_ISO, DATE_NUMERIC, DATE_DMY_NAME, DATE_MDY_NAME)) + ")"


def _date_with_year(cjk: bool) -> str:
    """After a clock only a date with its year counts ("21:22, 6 OCT 2020"): "2:42 PM 2 min read" is no date."""
    return (
        r"(?:" + DATE_ISO + "|" + DATE_YMD + ("|" + DATE_CJK_YEAR if cjk else "") + "|" + DATE_NUMERIC
        + r"|(?P<day>[0-3]?\d)" + ORDINAL + r"?\s?(?P<month_name>" + MONTH_NAME + r")\.?,?\s(?P<year>" + YEAR4 + r")(?!\d)"
        + r"|(?P<month_name>" + MONTH_NAME + r")\.?\s(?P<day>[0-3]?\d),?\s(?P<year>" + YEAR4 + r")(?!\d))"
    )


def _date_with_short(cjk: bool) -> str:
    dates = (DATE_ISO, DATE_YMD, DATE_CJK, DATE_NUMERIC, DATE_DMY_NAME, DATE_MDY_NAME, DATE_NUMERIC_SHORT)
    return "(?:" + "|".join(d for d in dates if cjk or d is not DATE_CJK) + ")"


DATE_WITH_SHORT = _date_with_short(cjk=True)

WEEKDAY_PREFIX = r"(?:(?P<weekday>" + WEEKDAY + r")\.?,?\s)"


def _join(cjk: bool) -> str:
    # separators: one sign or a run of them ("29.07.2020 // 12:56": golfpost.de), or a word
    return (r"(?:\.?\s?(?:[,|·•/\-–—@]{1,3}|à|a\s(?:las|les)|um|at|kl\.?|klo|o|u|у|в|о|às|alle|ore|godz\.?)?\s?"
            + (r"(?:(?P<period>" + PERIOD + r")\s?)?" if cjk else "") + ")")

# Date then clock ("Nov 15, 2024, 7:34 PM EST", "08.12.2025 à 00:01", "8 января, 17:46",
# "Tue, Dec 26 2006, 12:55 GMT", "18.2. 15:32", "2021/07/14 09:05", "2021年7月14日9:05", "24.04.2024 • 23:21
# Uhr": sportschau.de, tagesschau.de, reuters.com, andaluciainformacion.es, motorsport-total.com), and
# clock then date ("21:22, 6 OCT 2020", "09:05 | 14.07.2021").
DAY_WORD = _alt(lexicon.DAY_WORDS)  # a few hundred words: literal, so no other word is taken for one


# "At" between a day word and its clock: the lexicon's words that open a line before a clock
# ("Сегодня в 14:05": mk.ru, oren.mk.ru, rzn.mk.ru; "Hier à 8h10": vosgesmatin.fr; "Heute um
# 9:05": tagesanzeiger.ch; "Hoje às", "Vandaag om", "Вчора о", "Bugün saat" alike), and the
# Spanish "a las", Czech "v", Polish "o godz.".
_DAY_WORD_AT = _alt(lexicon.LEAD_PREPOSITIONS | {"a las", "v", "ve", "o godz."})


def _datetime(cjk: bool) -> str:
    """One clock, with a date (or day word) before it, or a date after it."""
    with_year = _date_with_year(cjk)
    # Two branches (`regex` lets them share group names), so a clock that follows a date takes
    # no second one after it: "기사입력 2013-10-24 03:00:00 기사수정 2013-10-24 …".
    return (
        r"(?:" + WEEKDAY_PREFIX + r"?" + _date_with_short(cjk) + _join(cjk) + _clock(cjk)
        # a whole word: "jučer 17:59", never the end of "Olivier 17:59"
        + r"|(?:(?<!\p{L})(?P<dayword>" + DAY_WORD + r"),?\s(?:" + _DAY_WORD_AT + r"\s)?)?"  # "včera 15:35"
        + _clock(cjk) + r"(?:,?\s" + WEEKDAY_PREFIX + r"?" + with_year + r"|\s?[|·•]\s?" + with_year + r")?)"
    )


DATETIME = _datetime(cjk=True)

# Relative stamps, one grammar over the lexicon's words: count, unit and an "ago" word after
# them ("5 minutes ago", "3 jam yang lalu", "две минуты назад"), an "ago" word before them
# ("vor 5 Minuten", "منذ 5 دقائق", "قبل ساعتين": a unit that holds its count), a unit that
# says "ago" itself ("5 perce"), or a unit glued in a script without spaces ("5分前", "3시간 전").
# Groups: n, unit (and n2, unit2 for "1 hr 59 min ago").
_UNITS = _alt(lexicon.RELATIVE_UNITS)
_GLUED_UPDATE = _alt([cue.capitalize() for cue in lexicon.UPDATE_CUES if cue.isalpha()])  # "Aktualisiert"
_NUMBER = r"(?:\d{1,3}|" + _alt(lexicon.NUMBER_WORDS) + r")"
_EN_UNIT = r"(?:" + _UNITS + r"|[smhdw])"
RELATIVE = (
    # A whole word ("From 49m ago" holds no "o[ne] m[inute]"), or a card's label glued before
    # its digits or its "ago" word ("News2 hours ago": kulu-media.com; "WIRTSCHAFTvor 5
    # Stunden": dw.com; "Allgemeinvor 7 Tagen": finanzmarktwelt.de).
    r"(?:(?:(?<![\p{L}\d])|(?<=\p{L})(?=\d|" + _alt(lexicon.AGO_BEFORE) + r"\s\d))(?:"
    r"(?:(?:för|for)\s)?(?P<n>" + _NUMBER + r")\s?(?P<unit>" + _EN_UNIT + r")\.?(?:\s(?P<n2>\d{1,3})\s?(?P<unit2>" + _EN_UNIT + r")\.?)?"
    r"\s" + _alt(lexicon.AGO_AFTER)
    + r"|" + _alt(lexicon.AGO_BEFORE) + r"\s(?:(?P<n>" + _NUMBER + r")\s(?:de\s)?(?P<unit>" + _UNITS + r")|(?P<unit>" + _alt(lexicon.COUNTED_UNITS) + r"))"
    r"|(?P<n>\d{1,3})\s(?P<unit>" + _alt(lexicon.SELF_AGO_UNITS) + r")"
    # a clock may be glued after it ("21 mins ago11:48"), or a card's label that opens with a
    # capital after its lowercase end ("6m agoWatching …": inews.co.uk, "Há 2 horasMundo":
    # g1.globo.com, as a browser prints them), but an update label, whose own stamp follows
    # ("vor 9 StundenAktualisiert vor 9 Stunden": tagesanzeiger.ch)
    r")(?:(?!\p{L})|(?-i:(?<=\p{Ll})(?=\p{Lu}\p{Ll})(?!" + _GLUED_UPDATE + r")))"
    r"|(?<!\d)(?P<n>\d{1,3})\s?(?P<unit>" + _alt(lexicon.GLUED_UNITS) + r")\s?" + _alt(lexicon.GLUED_AGO)
    + r"(?![\p{Hangul}\p{Hiragana}]))"  # "15일 전남" is a date and a place; "3日前に", a sentence
)

# Standalone day words ("Yesterday", "Ieri", "včera") and date headings ("Donnerstag, 18. 7.",
# "21 сентября 2021", "Quarta, 04 de Maio"): a whole line, nothing else on it.
HEADING_DATE = (
    r"^\s{0,4}(?:" + WEEKDAY_PREFIX + r"?" + DATE_WITH_SHORT + r"|(?P<weekday>" + WEEKDAY + r"))\s{0,4}[.:]?\s{0,4}$"
)
HEADING_DAYWORD = (
    r"^\s{0,4}(?P<dayword>" + DAY_WORD + r")\b[,.]?\s?(?:" + WEEKDAY_PREFIX + r"?" + DATE_WITH_SHORT + r")?\s{0,4}[.:]?\s{0,4}$"
)

# In-text date mentions with a past-tense reporting cue: "reported on Oct. 3", "said on Monday".
MENTION = (
    r"(?:\b(?:on|as\sof)\s(?:" + _alt([forms[0] for forms in lexicon.WEEKDAYS["en"]]) + r",?\s)?(?:" + DATE_MDY_NAME + r"|" + DATE_DMY_NAME + r"))"
)

FLAGS = regex.IGNORECASE | regex.VERSION0
CLOCK_RE = lazy_regex(CLOCK, FLAGS)
DATETIME_RE = lazy_regex(DATETIME, FLAGS)
# Without the East Asian parts, for lines without a CJK character.
PLAIN_CLOCK_RE = lazy_regex(_clock(cjk=False), FLAGS)
PLAIN_DATETIME_RE = lazy_regex(_datetime(cjk=False), FLAGS)
DAY_WORD_RE = lazy_regex(DAY_WORD, FLAGS)
RELATIVE_RE = lazy_regex(RELATIVE, FLAGS)
HEADING_DATE_RE = lazy_regex(HEADING_DATE, FLAGS)
HEADING_DAYWORD_RE = lazy_regex(HEADING_DAYWORD, FLAGS)
MENTION_RE = lazy_regex(MENTION, FLAGS)
# Searched in lowercased text: a case-sensitive stdlib alternation is several times faster.
PAGE_STAMP_CUE_RE = lazy_re(r"(?:^|\b)(?:by\s|" + _alt(lexicon.PAGE_STAMP_CUES) + r")")
# "| von Inga Buller": a byline's "by" before a capitalised name (case-sensitive).
# The word opens the line or follows a separator or the stamp itself, and two capitalised
# words follow ("Rücktritt von Angela Merkel 12.05.2023" is a headline, not a byline).
BY_NAME_RE = lazy_regex(r"(?:^|[|·,–-]\s*|\d\s+|Uhr\s+)" + _alt(lexicon.BY_NAME_WORDS)
                        + r"\s+\p{Lu}\p{Ll}+[\s-]+\p{Lu}", regex.VERSION0)
# An update cue alone ("LIVE Updated 4m ago"), searched in lowercased text.
UPDATE_CUE_RE = lazy_re(r"\b" + _alt(lexicon.PAGE_STAMP_CUES))
# Prepositions that make a clock a mention ("at 4:00 PM", "um 16 Uhr", "à 18h").
PERIOD_BEFORE_RE = lazy_regex("(?P<period>" + PERIOD + r")\s?$")
MENTION_BEFORE_CLOCK_RE = lazy_regex(
    r"(?:\b(?:at|from|for|until|till|by|before|after|around|about|um|ab|bis|gegen|à|dès|vers|alle|dalle|"
    r"a\slas|desde|hasta|o|od|do|в|с|до|після|la\sora|kello|klo)\s{1,3}|[-–]\s?)$", FLAGS)
