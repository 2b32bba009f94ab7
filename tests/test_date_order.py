"""The order of a numeric date ("3/09/15": 9 March or 3 September) when the page's own digits
do not settle it: the locale it declares, then the capture time as a bound.

US pages write month first and often declare it ("en-US": lifehacker.com comments
"3/09/15 8:12am", kotaku.com bylines "9/11/13 10:00AM", dailyherald.com "Updated 11/8/2023
10:46 PM"); a page that declares only "en" (politico.com "10/11/2022 08:00 AM EDT") or none
(a text dump) is left to its language's custom, unless the capture time rules a reading out.
"""
from __future__ import annotations

from datetime import date, datetime

import pytest

from feedline import lexicon
from feedline.model import Page
from feedline.pipeline import extract
from feedline.read import read_page
from feedline.tokens import order_contradicted, tokenize

COMMENTS = "".join(f"reader{n}\n3/09/15 8:{10 + n}am\nI keep a list of what I own, number {n}.\n" for n in range(4))


@pytest.mark.parametrize(("locale", "month_first"), [
    ("en-US", True), ("es-PR", True), ("fil-PH", True),
    ("en-GB", False), ("en-IN", False), ("pt-BR", False), ("de-DE", False),
    ("en-CA", None),  # year first
    ("xx-YY", None),
])
def test_a_locale_s_date_order_comes_from_dateparser_s_data(locale: str, month_first: bool | None) -> None:
    assert lexicon.locale_month_first(locale) is month_first


@pytest.mark.parametrize(("html", "locale"), [
    ('<html lang="en-US"><body><p>x</p></body></html>', "en-US"),
    ('<html lang="en-us"><body><p>x</p></body></html>', "en-US"),
    ('<html lang="en"><head><meta property="og:locale" content="en_GB"></head><body><p>x</p></body></html>', "en-GB"),
    # a CMS's default og:locale on a page in another language says nothing of the page
    ('<html lang="de"><head><meta property="og:locale" content="en_US"></head><body><p>x</p></body></html>', None),
    ('<html lang="en"><body><p>x</p></body></html>', None),
])
def test_the_page_s_locale_is_its_language_tag_with_a_region(html: str, locale: str | None) -> None:
    assert read_page(html.encode()).locale == locale


def test_a_given_lang_with_a_region_is_the_page_s_locale() -> None:
    page = read_page(b"3/09/15 8:12am\nhello\n", lang="en-US")
    assert (page.lang, page.locale) == ("en", "en-US")


def _first_date(page: Page) -> tuple[int | None, int | None]:
    stamp = next(token.stamp for token in tokenize(page) if token.stamp is not None)
    return stamp.month, stamp.day


def test_a_declared_us_locale_reads_an_ambiguous_numeric_date_month_first() -> None:
    assert _first_date(Page(COMMENTS, lang="en", locale="en-US")) == (3, 9)
    assert _first_date(Page(COMMENTS, lang="en", locale="en-GB")) == (9, 3)


def test_the_page_s_own_unambiguous_dates_outrank_its_locale() -> None:
    text = COMMENTS + "reader9\n25/09/15 9:40am\nA late reply.\n"
    assert _first_date(Page(text, lang="en", locale="en-US")) == (9, 3)


def test_a_guessed_order_is_ruled_out_by_a_capture_before_its_dates() -> None:
    assert order_contradicted(COMMENTS, False, date(2015, 3, 25))  # 3 September: after the capture
    assert not order_contradicted(COMMENTS, False, date(2015, 9, 25))  # both readings possible
    assert not order_contradicted(COMMENTS, True, date(2015, 3, 25))


def test_capture_mode_dates_a_text_dump_s_numeric_stamps_in_the_order_the_capture_allows() -> None:
    captured = extract(Page(COMMENTS), now=datetime(2015, 3, 25, 10, 40), tz="America/Los_Angeles")
    assert [e.date.iso for e in captured.entries] == ["2015-03-09"] * 4
    # blind, nothing rules the custom out: day first, as before
    blind = extract(Page(COMMENTS))
    assert {e.date.iso for e in blind.entries} == {"2015-09-03"}
