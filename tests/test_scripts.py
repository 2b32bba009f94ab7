"""A text page's language from its script (feedline/scripts.py), where it declares none."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from feedline import extract
from feedline.model import Page
from feedline.scripts import script_language
from feedline.tokens import tokenize


@pytest.mark.parametrize("text, lang", [
    ("東京の天気は晴れです。明日は雨が降るでしょう。", "ja"),  # kana beside Han: Japanese
    ("서울 날씨는 맑습니다. 내일은 비가 오겠습니다.", "ko"),
    ("北京今天天气晴朗，明天有雨。这是新闻快讯。", "zh"),  # Han alone
    ("Հայաստանի կառավարությունը հայտարարել է նոր որոշման մասին", "hy"),
    ("Η κυβέρνηση ανακοίνωσε νέα μέτρα για την οικονομία", "el"),
    ("The weather in London is fine today, and rain is due tomorrow.", None),  # Latin: no language
    ("Погода в Москве сегодня хорошая, завтра ожидается дождь.", None),  # Cyrillic: several
    ("東京 Tokyo", None),  # too few letters to judge
])
def test_a_script_written_for_one_language_names_it(text: str, lang: str | None) -> None:
    assert script_language(text * 2 if len(text) > 12 else text) == lang


def test_a_japanese_text_without_lang_reads_a_year_less_numeric_date_month_first() -> None:
    """'11/02 19:16' is 2 November on Japanese pages (article.auone.jp, bookwalker.jp,
    headlines.yahoo.co.jp print it); a text dump of one declares no language."""
    text = "最新ニュース\n11/02 19:16\n政府は新しい経済対策を発表しました。\n11/02 18:40\n東京で大雨の警報が出ています。\n"
    stamp = tokenize(Page(text))[1].stamp
    assert stamp is not None and (stamp.month, stamp.day) == (11, 2)


def test_a_greek_text_without_lang_takes_the_greek_clock_for_a_utc_capture() -> None:
    """Relative stamps only, a capture instant in UTC and no --tz: the script's language is the
    zone's prior (UTC+2 first), so '2 hours ago' at 20:30 UTC is 20:30 on the page's clock
    (18:30 when the capture stays on UTC)."""
    lines = "".join(f"πριν από {n} ώρες\nΗ κυβέρνηση ανακοίνωσε νέα μέτρα για την οικονομία, αριθμός {n}\n"
                    for n in (2, 3, 4))
    timeline = extract(Page("Ειδήσεις\n" + lines), now=datetime(2024, 3, 5, 20, 30, tzinfo=timezone.utc))
    first = min(timeline.entries, key=lambda e: e.position)
    assert f"{first.local_time:%H:%M}" == "20:30", [e.date.evidence for e in timeline.entries]
