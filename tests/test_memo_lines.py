"""Lines remembered across pages by the tokenizer (`tokens._remembered`): a page tokenized after
others gives the tokens it gives alone, byte for byte, and a line whose reading asked
something of its page is read anew on a page that answers otherwise."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from feedline import memo
from feedline import tokens as T
from feedline.model import Page

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "pages"
sys.path.insert(0, str(ROOT / "tests"))

import feedsim  # noqa: E402


def cold(page: Page) -> str:
    T.forget_lines()
    return repr(list(T.tokenize(page)))


def pages() -> list[Page]:
    """The simulator's snapshots in capture order (a feed's pages share most lines), then the
    corpus pages, each read as `extract` reads it."""
    truth = feedsim.simulate(seed=4, days=1, capture_hours=1, blind_every=0)
    out = [memo.read_cached(feedsim.render_page(truth, c).encode(), name=feedsim.file_name(truth.feed(c.feed), c, 0))
           for c in truth.captures]
    if CORPUS.is_dir():
        out += [memo.read_cached(p.read_bytes(), name=p.name) for p in sorted(CORPUS.glob("*"))
                if p.suffix in (".html", ".txt")]
    return out


def test_pages_tokenized_one_after_another_give_what_each_gives_alone() -> None:
    memo.clear()
    read = pages()
    assert len(read) > 20
    T.forget_lines()
    warm = [repr(list(T.tokenize(page))) for page in read]
    assert warm == [cold(page) for page in read]


def test_a_line_read_on_a_page_is_not_read_again_on_the_next(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    classify = T._classify

    def counted(index, start, line, ctx, relative=True):  # type: ignore[no-untyped-def]
        calls.append(line)
        return classify(index, start, line, ctx, relative)

    monkeypatch.setattr(T, "_classify", counted)
    T.tokenize(Page(text="Storm closes the coast road\n09:40\n"))
    T.tokenize(Page(text="Ferry service resumes\n10:05\n\nStorm closes the coast road\n09:40\n"))
    assert calls == ["09:40", "10:05"]


def test_a_line_is_read_anew_where_the_page_orders_its_dates_otherwise() -> None:
    """The same byline on a day-first page, then on a month-first one (invented text)."""
    day_first = Page(text="Filed 13/05/2024 09:15\n\nUpdated 05/06/2024 10:00\n\nThe council met.\n")
    month_first = Page(text="Filed 05/13/2024 09:15\n\nUpdated 05/06/2024 10:00\n\nThe council met.\n")
    alone = cold(month_first)
    assert alone != cold(day_first).replace("13/05", "05/13")  # the byline reads June 5 here, May 6 there
    T.forget_lines()
    T.tokenize(day_first)
    assert repr(list(T.tokenize(month_first))) == alone


def test_the_lines_kept_are_bounded_and_long_lines_not_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(T, "REMEMBERED_LINES", 5)
    T.tokenize(Page(text="".join(f"Item {n} at 10:{n:02d}\n" for n in range(12))))
    assert 0 < len(T._lines) <= 5
    T.forget_lines()
    T.tokenize(Page(text="12:00 " + "word " * T.REMEMBERED_CHARS + "\n"))
    assert not T._lines
    memo.clear()
    assert not T._lines
