"""Distances between lines count content, not padding (`lines.one_blank_a_run`).

A page's text saved from its HTML text nodes (BeautifulSoup's `get_text("\\n")`, a crawler's
dump) holds hundreds of white-space lines between two items of one feed, where a browser's
text holds one blank line. Measured on the labelled pool pages printed that way: whole feeds
fell apart into "lone" stamps on sportschau.de, monsterdealz.de, cicero.de, mtb-news.de and
eastbaytimes.com (entry F1 0.834 -> 0.871; the browser twins and the corpus unchanged).
Examples are invented.
"""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from feedline import extract
from feedline.lines import line_table, one_blank_a_run

NOW = datetime(2024, 4, 25, 9, 0, tzinfo=ZoneInfo("Europe/Berlin"))
ITEMS = [("24.04.2024 • 23:21 Uhr", "Derby ends level after late penalty save"),
         ("24.04.2024 • 21:49 Uhr", "Coach extends contract until the summer of 2027"),
         ("24.04.2024 • 16:52 Uhr", "Cup final moved to the evening for television"),
         ("24.04.2024 • 11:31 Uhr", "Two goals in four minutes decide the replay")]
PADDING = "\n                    " * 120 + "\n"


def _page(padding: str) -> str:
    parts = ["Mehr zum Thema"]
    for stamp, headline in ITEMS:
        parts += [padding + stamp, "Fußball", headline]
    return "\n".join(parts) + padding + "Impressum\n"


def test_a_feed_padded_with_white_space_lines_is_one_feed() -> None:
    padded = extract(_page(PADDING).encode(), now=NOW)
    plain = extract(_page("\n").encode(), now=NOW)
    assert len(plain.entries) == len(ITEMS)
    assert sorted((e.stamp.text, e.headline or e.text) for e in padded.entries) == \
        sorted((e.stamp.text, e.headline or e.text) for e in plain.entries)


def test_runs_are_cut_to_their_first_line_and_offsets_kept() -> None:
    text = "a\n\n \n\t\nb\n\nc\n\n\n"
    offsets, raws = one_blank_a_run(*line_table(text))
    assert raws == ["a", "", "b", "", "c", ""]
    assert [text[o:o + len(r)] for o, r in zip(offsets, raws)] == raws
    unchanged = line_table("a\n\nb\nc")
    assert one_blank_a_run(*unchanged) == unchanged
