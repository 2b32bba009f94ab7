"""Stamp forms across languages: one table row per printed form, with its language.

Every row is an invented line read alone through the public tokenizer. The comment above
each group names sites of the survey pool (../shared/pool) that print the form; relative
stamps in languages the pool barely has are read by the same grammar, with their words from
the lexicon (taken from dateparser's locale data and checked by hand), and say so.
tests/test_stamps.py holds the older rows (English, German, French, ...): the two tables
together cover the languages counted in `test_the_table_spans_thirty_languages`.
"""
from __future__ import annotations

from typing import Any

import pytest

from feedline.model import Page, StampKind
from feedline.tokens import LineKind, Placement, tokenize, western_digits

CLOCK, DATETIME, RELATIVE = StampKind.CLOCK, StampKind.DATETIME, StampKind.RELATIVE


def row(lang: str, line: str, **fields: Any) -> Any:
    return pytest.param(lang, line, fields, id=f"{lang}:{line}")


FORMS = [
    # ── printed dates ─────────────────────────────────────────────────────────────────
    # Year first with slashes: cna.com.tw, getnews.jp, news.mynavi.jp, sankei.com, yomiuri.co.jp.
    row("ja", "2021/07/14 09:05", kind=DATETIME, year=2021, month=7, day=14, hour=9, minute=5),
    row("zh", "2021/7/4 21:20", kind=DATETIME, year=2021, month=7, day=4, hour=21, minute=20),
    # Year first with dots, a dot after the day or spaces inside: gizmodo.jp, hankookilbo.com,
    # news.chosun.com, lrt.lt, baon.hu, sonline.hu.
    row("ko", "2021.07.14 09:05", kind=DATETIME, year=2021, month=7, day=14, hour=9, minute=5),
    # ... and with the weekday in brackets: rbbtoday.com, scan.netsecurity.ne.jp.
    row("ja", "2019.3.11(月) 16:10", kind=DATETIME, year=2019, month=3, day=11, hour=16, minute=10),
    row("ja", "2022.8.10(Wed) 5:05", kind=DATETIME, year=2022, month=8, day=10, hour=5, minute=5),
    row("hu", "2021. 07. 14. 09:05", kind=DATETIME, year=2021, month=7, day=14, hour=9, minute=5),
    row("lt", "2021.07.14. 09:05", kind=DATETIME, year=2021, month=7, day=14, hour=9, minute=5),
    # A middle dot or a bullet between the date and its clock: sportschau.de, tagesschau.de,
    # reuters.com, andaluciainformacion.es, motorsport-total.com.
    row("de", "24.04.2024 • 23:21 Uhr", kind=DATETIME, year=2024, month=4, day=24, hour=23, minute=21),
    row("en", "March 7, 2024 · 11:32", kind=DATETIME, year=2024, month=3, day=7, hour=11, minute=32),
    row("es", "06/05/2020 · 10:07", kind=DATETIME, year=2020, month=5, day=6, hour=10, minute=7),
    # ... or a run of such signs, the separator doubled: golfpost.de (one site: the general form
    # of the separators above, not a rule of its own).
    row("de", "29.07.2020 // 12:56", kind=DATETIME, year=2020, month=7, day=29, hour=12, minute=56),
    # Seconds after the minutes are part of the clock, and the am/pm or zone after them is
    # still read: a1plus.am, royalroad.com, juventudrebelde.cu, guineenews.org, proplanta.de.
    row("hy", "14:33:00", kind=CLOCK, hour=14, minute=33),
    row("en", "Wednesday, December 20, 2023 8:09:56 PM", kind=DATETIME, year=2023, month=12, day=20, hour=20,
        minute=9),
    row("es", "02:26:59 am", kind=CLOCK, hour=2, minute=26),
    row("fr", "mercredi, 04 novembre 2020 19:19:27", kind=DATETIME, year=2020, month=11, day=4, hour=19, minute=19),
    row("de", "12.12.2022 | 12:48:15", kind=DATETIME, year=2022, month=12, day=12, hour=12, minute=48),
    # A clock glued to the date's year, two elements printed with no space between:
    # dorzeczy.pl, ansa.it, carnegieendowment.org, cnbc.com, npr.org, reuters.com, slate.com.
    row("pl", "5 maj 202111:15", kind=DATETIME, year=2021, month=5, day=5, hour=11, minute=15),
    row("en", "August 06, 20194:14 pm", kind=DATETIME, year=2019, month=8, day=6, hour=16, minute=14),
    row("de", "26.10.202310:05", kind=DATETIME, year=2023, month=10, day=26, hour=10, minute=5),
    # ISO with a space (already read): many sites.
    row("en", "2021-07-14 09:05", kind=DATETIME, year=2021, month=7, day=14, hour=9, minute=5),
    # A year-less numeric date in Chinese, Japanese and Korean is month first ("11/02" is
    # 2 November), as their year-first full dates are: article.auone.jp, bookwalker.jp,
    # cna.com.tw, headlines.yahoo.co.jp (weekday in brackets). English keeps day first.
    row("ja", "11/02 19:16", kind=DATETIME, year=None, month=11, day=2, hour=19, minute=16),
    row("zh", "2/11 22:08", kind=DATETIME, year=None, month=2, day=11, hour=22, minute=8),
    row("ja", "3/9(木) 18:45", kind=DATETIME, year=None, month=3, day=9, hour=18, minute=45),
    row("en", "11/02 19:16", kind=DATETIME, year=None, month=2, day=11, hour=19, minute=16),
    # CJK dates, with or without the year, glued to the clock or not, a weekday in brackets:
    # afpbb.com, nikkei.com, ossnews.jp, politics.people.com.cn, upmedia.mg, chunichi.co.jp,
    # news.biglobe.ne.jp, www3.nhk.or.jp, rbbtoday.com; Korean dates: entermedia.co.kr,
    # news.donga.com, mk.co.kr.
    row("ja", "7月14日 09:05", kind=DATETIME, year=None, month=7, day=14, hour=9, minute=5),
    row("zh", "2021年7月14日9:05", kind=DATETIME, year=2021, month=7, day=14, hour=9, minute=5),
    row("ja", "2021年7月14日（水） 09:05", kind=DATETIME, year=2021, month=7, day=14, hour=9, minute=5),
    row("ko", "7월 14일 09:05", kind=DATETIME, year=None, month=7, day=14, hour=9, minute=5),
    row("ko", "2021년 7월 14일 09:05", kind=DATETIME, year=2021, month=7, day=14, hour=9, minute=5),
    # CJK clocks with hour and minute words: asahi.com, chunichi.co.jp, itmedia.co.jp,
    # japan.cnet.com, japan.zdnet.com, prtimes.jp, rbbtoday.com, tokyo-np.co.jp.
    row("ja", "2021年7月14日 21時05分", kind=DATETIME, year=2021, month=7, day=14, hour=21, minute=5),
    row("ja", "9時5分", kind=CLOCK, hour=9, minute=5),
    row("ko", "9시 5분", kind=CLOCK, hour=9, minute=5),
    # Am/pm words before the clock: asahi.com, chunichi.co.jp, tokyo-np.co.jp (午後); the
    # Korean and Chinese words by the same rule.
    row("ja", "午後9時5分", kind=CLOCK, hour=21, minute=5, twelve_hour=True),
    row("ja", "午前0時5分", kind=CLOCK, hour=0, minute=5),
    row("ko", "오후 3:05", kind=CLOCK, hour=15, minute=5),
    row("ko", "2021. 7. 14. 오전 9:05", kind=DATETIME, year=2021, month=7, day=14, hour=9, minute=5),
    row("zh", "下午3:05", kind=CLOCK, hour=15, minute=5),
    # "u" ("at") between date and clock in Bosnian, Croatian, Serbian: avaz.ba, bug.hr, vecernji.hr.
    row("bs", "09.08.2020 u 10:52", kind=DATETIME, year=2020, month=8, day=9, hour=10, minute=52),
    row("hr", "4. kolovoza 2020. u 06:00", kind=DATETIME, year=2020, month=8, day=4, hour=6, minute=0),
    # Numeric date before a French decorated clock: seven pool sites print "AAAA à 9h05";
    # "@" joins a date and its clock on digg.com, instyle.com, kiow.com.
    row("fr", "14/07/2021 à 09h05", kind=DATETIME, year=2021, month=7, day=14, hour=9, minute=5),
    row("fr", "14 juillet 2021 @9h05", kind=DATETIME, year=2021, month=7, day=14, hour=9, minute=5),
    row("en", "Jul 14, 2021 @ 9:05 pm", kind=DATETIME, year=2021, month=7, day=14, hour=21, minute=5),
    # Spanish month-comma-day, "a las", and an "h" / "horas" after the clock:
    # diariodelsur.com.co, noticierodigital.com (month-comma-day); cooperativa.cl,
    # cubadebate.cu, publimetro.cl (a las); eldiario.es, elmundo.es, ultimahora.es, libero.pe (h).
    row("es", "julio 14, 2021 a las 9:05", kind=DATETIME, year=2021, month=7, day=14, hour=9, minute=5),
    row("es", "14 de julio de 2021, 9:05 h", kind=DATETIME, year=2021, month=7, day=14, hour=9, minute=5),
    row("es", "14/07/2021 09:05 horas", kind=DATETIME, year=2021, month=7, day=14, hour=9, minute=5),
    row("pt", "14 de julho de 2021, 09:05 h", kind=DATETIME, year=2021, month=7, day=14, hour=9, minute=5),
    # The date after the clock: belfastlive.co.uk, birminghammail.co.uk, businessinsider.de,
    # ln-online.de; a bar or a bullet between them is read like the comma.
    row("en", "09:05, 14 July 2021", kind=DATETIME, year=2021, month=7, day=14, hour=9, minute=5),
    row("de", "09:05 14.07.2021", kind=DATETIME, year=2021, month=7, day=14, hour=9, minute=5),
    row("de", "09:05 | 14.07.2021", kind=DATETIME, year=2021, month=7, day=14, hour=9, minute=5),
    # Other scripts' digits, read as digits (the stamp's text stays as printed): Arabic-Indic
    # on akhbarelyom.com, aryanews.com, beirutobserver.com; Persian on khabaronline.ir, yjc.ir;
    # full-width on jnsa.org, nikkei.com, news.biglobe.ne.jp.
    row("ar", "١٤/٠٧/٢٠٢١ ٠٩:٠٥", kind=DATETIME, year=2021, month=7, day=14, hour=9, minute=5),
    row("fa", "۰۹:۰۵", kind=CLOCK, hour=9, minute=5),
    row("ja", "２０２１年７月１４日 ０９：０５", kind=DATETIME, year=2021, month=7, day=14, hour=9, minute=5),
    row("hi", "०९:०५", kind=CLOCK, hour=9, minute=5),
    # ── relative stamps ───────────────────────────────────────────────────────────────
    # Japanese: asahi.com, prtimes.jp, blog.goo.ne.jp, news.mynavi.jp; Chinese and Korean by
    # the same glued-unit rule.
    row("ja", "5分前", kind=RELATIVE, relative_minutes=5),
    row("ja", "3時間前", kind=RELATIVE, relative_minutes=180),
    row("ja", "2日前", kind=RELATIVE, relative_minutes=2880),
    row("ko", "5분 전", kind=RELATIVE, relative_minutes=5),
    row("ko", "3시간 전", kind=RELATIVE, relative_minutes=180),
    row("zh", "5分钟前", kind=RELATIVE, relative_minutes=5),
    row("zh", "3小时前", kind=RELATIVE, relative_minutes=180),
    row("zh", "3小時前", kind=RELATIVE, relative_minutes=180),
    row("th", "5 นาทีที่แล้ว", kind=RELATIVE, relative_minutes=5),
    # "Ago" word before the count: g1.globo.com (Há), lrt.lt (Prieš), avaz.ba and
    # slobodnaevropa.org (prije), and the older vor / il y a / hace sites; the other
    # languages' words from the lexicon.
    # German "Std." (dateparser's de hour words: std, stunde, stunden): berliner-zeitung.de
    # prints "vor 2 Std." (the abbreviation's period stays outside the stamp, as with "Min.").
    row("de", "vor 2 Std", kind=RELATIVE, relative_minutes=120),
    row("pt", "Há 3 minutos", kind=RELATIVE, relative_minutes=3),
    row("lt", "Prieš 8 min", kind=RELATIVE, relative_minutes=8),
    row("bs", "prije 2 sata", kind=RELATIVE, relative_minutes=120),
    row("hr", "prije 5 minuta", kind=RELATIVE, relative_minutes=5),
    row("ar", "منذ 5 دقائق", kind=RELATIVE, relative_minutes=5),
    row("ar", "قبل ساعتين", kind=RELATIVE, relative_minutes=120),
    row("ar", "منذ ساعة", kind=RELATIVE, relative_minutes=60),
    row("he", "לפני 5 דקות", kind=RELATIVE, relative_minutes=5),
    # Hebrew's words that hold their count, as Arabic's: "an hour ago", its dual "two hours ago"
    row("he", "לפני שעה", kind=RELATIVE, relative_minutes=60),
    row("he", "לפני שעתיים", kind=RELATIVE, relative_minutes=120),
    row("he", "לפני יומיים", kind=RELATIVE, relative_minutes=2880),
    row("bg", "преди 2 часа", kind=RELATIVE, relative_minutes=120),
    row("el", "πριν από 2 ώρες", kind=RELATIVE, relative_minutes=120),
    row("sk", "pred 5 minútami", kind=RELATIVE, relative_minutes=5),
    row("sl", "pred 2 urami", kind=RELATIVE, relative_minutes=120),
    row("ro", "acum 25 de minute", kind=RELATIVE, relative_minutes=25),
    # "Ago" word after the count: the many "N hours ago" sites of the pool; the other
    # languages' words from the lexicon.
    row("id", "5 menit lalu", kind=RELATIVE, relative_minutes=5),
    row("id", "3 jam yang lalu", kind=RELATIVE, relative_minutes=180),
    row("ms", "2 hari lalu", kind=RELATIVE, relative_minutes=2880),
    row("tr", "5 dakika önce", kind=RELATIVE, relative_minutes=5),
    row("tr", "3 saat önce", kind=RELATIVE, relative_minutes=180),
    row("vi", "5 phút trước", kind=RELATIVE, relative_minutes=5),
    row("hi", "5 मिनट पहले", kind=RELATIVE, relative_minutes=5),
    row("bn", "৫ মিনিট আগে", kind=RELATIVE, relative_minutes=5),
    row("ur", "3 گھنٹے پہلے", kind=RELATIVE, relative_minutes=180),
    row("fa", "۵ دقیقه پیش", kind=RELATIVE, relative_minutes=5),
    row("sv", "för 5 minuter sedan", kind=RELATIVE, relative_minutes=5),
    row("da", "for 2 timer siden", kind=RELATIVE, relative_minutes=120),
    row("nb", "3 dager siden", kind=RELATIVE, relative_minutes=4320),
    row("et", "5 minuti eest", kind=RELATIVE, relative_minutes=5),
    row("sq", "2 orë më parë", kind=RELATIVE, relative_minutes=120),
    row("nl", "5 minuten geleden", kind=RELATIVE, relative_minutes=5),
    row("it", "2 ore fa", kind=RELATIVE, relative_minutes=120),
    # Units that say "ago" themselves: baon.hu, sonline.hu.
    row("hu", "5 perce", kind=RELATIVE, relative_minutes=5),
    row("hu", "2 órája", kind=RELATIVE, relative_minutes=120),
    # Number words instead of digits (bike-magazin.de, gamestar.de, kotaku.com and more).
    row("es", "hace una hora", kind=RELATIVE, relative_minutes=60),
    row("fr", "il y a une heure", kind=RELATIVE, relative_minutes=60),
    row("en", "an hour ago", kind=RELATIVE, relative_minutes=60),
    row("de", "vor einer Stunde", kind=RELATIVE, relative_minutes=60),
    row("ru", "две минуты назад", kind=RELATIVE, relative_minutes=2),
    row("pl", "dwie godziny temu", kind=RELATIVE, relative_minutes=120),
    row("cs", "před dvěma hodinami", kind=RELATIVE, relative_minutes=120),
    # One capital letter for the unit: cbsnews.com, cricket.com.au, nine.com.au.
    row("en", "45M ago", kind=RELATIVE, relative_minutes=45),
    row("en", "3H ago", kind=RELATIVE, relative_minutes=180),
    row("en", "2D ago", kind=RELATIVE, relative_minutes=2880),
]


@pytest.mark.parametrize(("lang", "line", "expected"), FORMS)
def test_form_alone_on_its_line(lang: str, line: str, expected: dict[str, Any]) -> None:
    tokens = tokenize(Page(line, lang=lang))
    assert len(tokens) == 1
    token = tokens[0]
    assert token.kind is LineKind.STAMP, token
    assert token.placement is Placement.ALONE, token
    stamp = token.stamp
    assert stamp is not None and stamp.text == line and stamp.span == (0, len(line))  # verbatim, as printed
    assert {name: getattr(stamp, name) for name in expected} == expected


# Look-alikes of the new forms that must stay text.
NOT_STAMPS = [
    pytest.param("ko", "15일 전남 순천시에서 열린 행사", id="ko-day-then-place"),  # "15일 전" + "남": a date and a place
    pytest.param("ja", "3日前に発表された計画が変更", id="ja-days-before-in-a-sentence"),
    pytest.param("ja", "2021年3月6日（土）13：00－16：40", id="ja-hours-of-an-event"),
    pytest.param("en", "October 31 @ 5:00 PM - 7:00 PM", id="en-hours-of-an-event"),
    pytest.param("ar", "منذ ساعات", id="ar-hours-ago-without-a-count"),
    pytest.param("es", "hace horas", id="es-hours-ago-without-a-count"),
    pytest.param("ja", "所要時間 3時間", id="ja-duration"),
    pytest.param("fa", "۱۴۰۰ تومان", id="fa-price"),
]


@pytest.mark.parametrize(("lang", "line"), NOT_STAMPS)
def test_look_alike_stays_text(lang: str, line: str) -> None:
    token = tokenize(Page(line, lang=lang))[0]
    assert token.kind is not LineKind.STAMP, (token.stamp, token.placement)


def test_other_digits_keep_offsets() -> None:
    """Digits are matched in Western form, character for character: spans stay valid."""
    text = "Headline\n٠٩:٠٥ الخبر الأول\n２１：３０　次のニュース\n"
    assert len(western_digits(text)) == len(text)
    stamps = [t.stamp for t in tokenize(Page(text)) if t.stamp is not None]
    assert [(s.text, s.hour, s.minute) for s in stamps] == [("٠٩:٠٥", 9, 5), ("２１：３０", 21, 30)]
    for stamp in stamps:
        assert text[stamp.span[0]:stamp.span[1]] == stamp.text


def test_the_table_spans_thirty_languages() -> None:
    older = {"en", "de", "fr", "es", "ro", "ru", "uk", "pl", "cs", "lv", "it"}  # rows of test_stamps.py
    languages = {param.values[0] for param in FORMS} | older
    assert len(languages) >= 30, sorted(languages)


# ── cross-check against dateparser's locale data ─────────────────────────────────────
# The relative words of the lexicon were taken from dateparser's locale data by hand. Each
# "N <unit> ago" form that dateparser lists for these languages, read with N = 5, must come
# out as 5 units or not at all, and every language must read its minutes, hours and days.
XCHECK_LANGUAGES = ("en de fr es it pt nl pl cs ro ru uk lv fi ja ko zh th ar fa id ms tr vi hi bn ur "
                    "sv da nb hu hr bs el bg he sk sl lt et sq").split()
UNIT_MINUTES = {"second": 1 / 60, "minute": 1, "hour": 60, "day": 1440, "week": 10080}
# Where the one flat table of units cannot follow dateparser: a one-letter "h" is an hour
# in most languages, a day in Indonesian; "saat" is a Turkish hour and a Malay second.
KNOWN_CONFLICTS = {"5 h lalu", "5 saat lalu"}


def _dateparser_forms(lang: str) -> list[tuple[str, float]]:
    import importlib

    info = importlib.import_module(f"dateparser.data.date_translation_data.{lang}").info
    number = r"(\d++[.,]?\d*+)"
    forms = []
    for unit, minutes in UNIT_MINUTES.items():
        for pattern in info.get("relative-type-regex", {}).get(f"\\1 {unit} ago", []):
            literal = pattern.replace(number, "5")
            if number in pattern and "\\" not in literal and "(" not in literal:
                forms.append((literal, 5 * minutes))
    return forms


@pytest.mark.parametrize("lang", XCHECK_LANGUAGES)
def test_relative_words_agree_with_dateparser(lang: str) -> None:
    read: dict[str, float] = {}
    wrong = []
    for line, minutes in _dateparser_forms(lang):
        token = tokenize(Page(line, lang=lang))[0]
        if token.kind is not LineKind.STAMP or token.stamp is None or token.stamp.text != line:
            continue
        if token.stamp.relative_minutes != pytest.approx(minutes):
            if line not in KNOWN_CONFLICTS:
                wrong.append((line, token.stamp.relative_minutes, minutes))
            continue
        read[line] = minutes
    assert not wrong
    assert {5, 300, 7200} <= {round(m) for m in read.values()}, (lang, sorted(read))
