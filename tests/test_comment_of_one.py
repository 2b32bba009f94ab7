"""A lone stamp a reply or report action follows is a comment thread of one, not the page's
byline, even where it prints a full date (which a lone byline does). The shape on lapresse.tn,
wyborcza.pl, wday.ru, simplyscience.ch, journelles.de, basicthinking.de and
theantijunecleaver.com in ../shared/pool: name / "18.02.2020 à 16:42" / text / "Répondre"."""
from __future__ import annotations

import pytest

from feedline.pipeline import extract

ARTICLE = ("A long article\n\nBy A. Writer\n\nThe first paragraph of the article says what happened in the town "
           "and why it matters to the people who live there.\n\nA second paragraph with more detail.\n\n")


@pytest.mark.parametrize("stamp, action", [
    ("18/02/2020 à 16:42", "Répondre"),
    ("05.11.2014 um 14:25 Uhr", "Kommentar melden."),
    ("September 17, 2014 - 1:01 pm", "Reply"),
    ("31.01.2020, 23:03", "Odpowiedz"),
    ("11:15 05.10.18", "ОтветитьПожаловаться"),
])
def test_a_lone_dated_stamp_answered_by_a_reply_action_is_a_comment(stamp: str, action: str) -> None:
    page = ARTICLE + f"1 comment\n\nReader42\n{stamp}\nI disagree with the second point of the article.\n{action}\n"
    entries = extract(page.encode()).entries
    assert [e.stamp.text for e in entries] == [stamp]
    assert "I disagree" in entries[0].text


def test_the_same_stamp_without_a_reply_action_stays_a_byline() -> None:
    page = ARTICLE.replace("By A. Writer", "By A. Writer\n18/02/2020 à 16:42")
    assert not extract(page.encode()).entries


def test_a_bare_clock_answered_is_a_time_inside_the_thread_not_a_comment() -> None:
    page = ARTICLE + "Reader42\n14:30 on the sports channel\nReply\n"
    assert not extract(page.encode()).entries
