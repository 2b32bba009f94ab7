"""The text path's shortcuts give what the patterns they stand in for give.

Each shortcut of the text-speed work (docs/performance.md, "Text path, second pass") answers
a question a pattern answered before, at C speed: these tests hold the shortcut to the
pattern's answer, on chosen and generated text, so that a change to either shows here.
"""
from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from feedline import entries as E
from feedline import tokens as T

_TEXT = st.text(st.characters(max_codepoint=0x3100, exclude_categories=("Cs",)), max_size=260)


def test_no_dense_script_character_lies_below_the_floor() -> None:
    """Every code point under `_DENSE_SCRIPT_FLOOR` is outside the pattern's class."""
    below = "".join(chr(c) for c in range(ord(E._DENSE_SCRIPT_FLOOR)) if not 0xD800 <= c < 0xE000)
    assert E._DENSE_SCRIPT_RE.findall(below) == []
    assert E._DENSE_SCRIPT_RE.findall(E._DENSE_SCRIPT_FLOOR) == [E._DENSE_SCRIPT_FLOOR]  # a Hangul jamo


@settings(max_examples=300, deadline=None)
@given(_TEXT)
@example("東京 2024年")
@example("é" * 199 + "한")
@example("é" * 200 + "한")
def test_weight_is_the_patterns(text: str) -> None:
    assert E._weight(text) == len(text) + 2 * len(E._DENSE_SCRIPT_RE.findall(text[:200]))


_HINT_RE = re.compile("|".join(map(re.escape, T._RELATIVE_HINTS)))


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(list("agovrfhcepilyt ")), max_size=40))
@example(" 5 min ago ")
@example(" vor ")
@example(" fare ")
def test_hint_words_as_the_alternation(text: str) -> None:
    assert T._any_in(T._RELATIVE_HINTS, text) == (_HINT_RE.search(text) is not None)


from feedline.sources import atoms as A  # noqa: E402
from feedline.sources import masking as M  # noqa: E402

_VERBS = A._SIGNATURE_VERBS.split("|")


def test_the_longest_signature_line_is_the_bound() -> None:
    """Every part at its longest: the line matches, and is `SIGNATURE_MAX_CHARS` long (the
    "on" form; the colon form is a character shorter)."""
    words = "   ".join(["J" + "é" * 30] * 5)
    for tail, size in (("   ha scritto   :", M.SIGNATURE_MAX_CHARS - 1), ("   on   ha scritto", M.SIGNATURE_MAX_CHARS)):
        line = " " * 8 + words + tail + " " * 8
        assert len(line) == size
        assert M._SIGNATURE_LINE.match(line + "\nmore") is not None
        assert M._may_sign(line + "\nmore", 0)
        assert M._SIGNATURE_LINE.match("x" + line) is None and not M._may_sign("x" + line, 0)


_WORD = st.text(st.sampled_from(list("aZé1@_'.-(ONon:ſ\u212a")), min_size=1, max_size=34)


@settings(max_examples=400, deadline=None)
@given(st.lists(_WORD, min_size=1, max_size=7), st.sampled_from(_VERBS), st.booleans(),
       st.text(" \t", max_size=10), st.text(" \t\xa0:", max_size=4))
@example(["Jane", "Doe"], "says", True, "", "")
@example(["janedoe"], "said", False, " ", "")
def test_may_sign_keeps_every_signature(words: list[str], verb: str, colon: bool, pad: str, gap: str) -> None:
    """Whenever the signature pattern matches a line, `_may_sign` lets it through."""
    tail = f" {verb}{gap}:" if colon else f" on{gap or ' '}{verb}"
    for line in (pad + " ".join(words) + tail + pad, " ".join(words), pad + "\t".join(words) + tail):
        text = f"{line}\nnext line"
        if M._SIGNATURE_LINE.match(text, 0) is not None:
            assert M._may_sign(text, 0), line


from feedline import lookalikes as L  # noqa: E402


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(list("(0)١٣²x ")), max_size=50))
@example("12")
@example("(Photo: AP)")
@example("١٢")
def test_noise_lines_as_the_pattern(text: str) -> None:
    assert E._is_noise(text) == (E._NOISE_LINE_RE.match(text) is not None)


def _widget_only_by_words(lines: list[str]) -> bool:
    if not lines:
        return False
    for line in lines:
        words = L._WORD_RE.findall(line.casefold())
        if not words or len(words) > 5 or any(w not in L._WIDGET_WORDS for w in words):
            return False
    return True


_WIDGETS = sorted(L._WIDGET_WORDS)[:40]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_WIDGETS + ["Headline", "", "!", "FACEBOOK"]), max_size=8).map(" ".join),
                max_size=3))
@example(["Facebook Twitter"])
@example(["Facebook Twitter Facebook Twitter Facebook Twitter"])
def test_widget_only_as_word_lists(lines: list[str]) -> None:
    assert L.widget_only(lines) == _widget_only_by_words(lines)


from feedline.sources import tokens as ST  # noqa: E402


def test_chunks_split_where_str_split_does() -> None:
    """`re`'s \\s and `str.isspace` name the same characters, so the chunks' starts found by
    the pattern are those of `str.split`'s chunks."""
    import sys
    spaces = [c for c in range(sys.maxunicode + 1) if chr(c).isspace()]
    assert spaces == [c for c in range(sys.maxunicode + 1) if re.match(r"\s", chr(c))]


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(list("ab \t\n\xa0\u2009\u3000\x1c.")), max_size=40))
def test_part_starts_are_the_chunks(text: str) -> None:
    parts = text.split()
    starts = ST._part_starts(text, parts)
    assert [text[s:s + len(p)] for s, p in zip(starts, parts)] == parts and len(starts) == len(parts)
    assert starts == sorted(starts) and all(not text[s - 1:s].strip() for s in starts)


from feedline import pipeline as PL  # noqa: E402


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(list("aB ß\n\t\xa0")), max_size=1400))
@example("x " * 600)
@example(" " * 999 + "word " * 100)
def test_opening_words_as_the_whole_split(raw: str) -> None:
    assert PL._opening_words(raw) == " ".join(raw.split())[:200].casefold()


from feedline.model import Page  # noqa: E402


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["", "Headline here", "12:30", "  ", "Yesterday", "text line."]), max_size=25))
def test_filled_from_walks_as_the_list_does(lines: list[str]) -> None:
    """From every line, both ways: the non-blank tokens, nearest first, as read one by one."""
    table = T.tokenize(Page(text="\n".join(lines)))
    tokens = list(table)
    for start in range(-2, len(tokens) + 2):
        for step in (1, -1):
            inside = 0 <= start < len(tokens)  # a walk from outside the page reads nothing
            by_hand = [tokens[i] for i in (range(start, len(tokens)) if step > 0 else range(start, -1, -1))
                       if inside and tokens[i].kind is not T.LineKind.BLANK]
            assert list(table.filled_from(start, step)) == by_hand
            assert list(E._filled_from(tokens, start, step)) == by_hand
    for a in range(len(tokens) + 1):
        for b in range(a, len(tokens) + 1):
            assert table.between(a, b) == [t for t in tokens[a:b] if t.kind is not T.LineKind.BLANK]


_REPEATS = ("Reply\n12:30\nA headline of some length\nJane Doe says:\n\n12:30\nAnother headline here\nReply\n"
            "Updated 5 March 2024, 10:00 BST\n  12:30 \n2 hours ago\n2 hours ago\nYesterday\nYesterday\n")


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_REPEATS.split("\n")), max_size=30))
@example(_REPEATS.split("\n"))
def test_a_line_read_again_is_the_line_read_anew(lines: list[str]) -> None:
    """The tokens of a page whose lines repeat are those made reading every line anew."""
    page = Page(text="\n".join(lines))
    kept = T.READ_LINES_KEPT
    try:
        T.READ_LINES_KEPT = 0  # nothing remembered: every line read
        anew = list(T.tokenize(page))
    finally:
        T.READ_LINES_KEPT = kept
    assert list(T.tokenize(page)) == anew


def test_a_repeated_line_is_classified_once(monkeypatch) -> None:
    calls: list[str] = []
    classify = T._classify

    def counted(index, start, line, ctx, relative=True):
        calls.append(line)
        return classify(index, start, line, ctx, relative)

    monkeypatch.setattr(T, "_classify", counted)
    tokens = T.tokenize(Page(text="Headline one\n12:30\n\nHeadline two\n12:30\nThird\n12:30\n"))
    assert calls == ["12:30"]
    stamps = [t for t in tokens if t.stamp is not None]
    assert [t.stamp.span for t in stamps] == [(t.start, t.start + 5) for t in stamps] and len(stamps) == 3


def test_unspaced_forms_need_a_mark_outside_ascii() -> None:
    """`_unspaced_cands` returns at once for ASCII text: each form is tried only when the
    text holds one of its marks, and none is ASCII."""
    from feedline.sources import unspaced as U
    assert all(not mark.isascii() for _, marks in U._MARKS for mark in marks)
    assert not "、".isascii() and not "が".isascii()


import itertools  # noqa: E402

_HINT_PAIRS = ((T._CLOCK_HINT_SPEC, T._CLOCK_HINT_RE), (T._ANY_CLOCK_HINT_SPEC, T._ANY_CLOCK_HINT_RE))
_HINT_CHARS = "0129:.hH apm,/\n٣時分x"


def _hint_spans(pattern, text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text, lo, hi)]


def test_digit_first_hints_match_as_written_on_every_short_text() -> None:
    """Every text of up to four characters from the hints' alphabet: the same matches."""
    pairs = [(re.compile(spec, re.IGNORECASE), fast) for spec, fast in _HINT_PAIRS]
    for size in range(1, 5):
        for chars in itertools.product(_HINT_CHARS, repeat=size):
            text = "".join(chars)
            for spec, fast in pairs:
                assert _hint_spans(fast, text, 0, size) == _hint_spans(spec, text, 0, size), text


@settings(max_examples=500, deadline=None)
@given(st.text(st.sampled_from(list(_HINT_CHARS + "345678AMP.h時시분")), max_size=40), st.data())
@example("18.2.15:32 and 9 am, 21時37分", None)
@example(".12:30", None)
def test_digit_first_hints_match_as_written(text: str, data) -> None:
    lo = data.draw(st.integers(0, len(text))) if data else 0
    hi = data.draw(st.integers(lo, len(text))) if data else len(text)
    for spec, fast in _HINT_PAIRS:
        assert _hint_spans(fast, text, lo, hi) == _hint_spans(re.compile(spec, re.IGNORECASE), text, lo, hi)


from feedline import markup as MK  # noqa: E402
from feedline.htmltree import class_attributes, parse_html  # noqa: E402

_FULL_DURATION_SELECTOR = ", ".join([f'[class*="{name}" i]' for name in MK._PLAYER_TIME_CLASSES]
                                    + ['[itemprop="duration" i]'])
_CLASS_WORDS = st.sampled_from(["Video-DURATION", "vjs-current-time-display", "card", "Remaining_Time", "x",
                                "timecurrent", "CurrentTime", "dur&#97;tion", "durat\u0130on", "\u212aduration"])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.lists(_CLASS_WORDS, max_size=3), st.booleans(), st.sampled_from(["4:11", "12", "x"])),
                max_size=6))
def test_media_lengths_as_the_whole_selector(items: list[tuple[list[str], bool, str]]) -> None:
    """Asking lexbor only for the class names the page holds finds what the whole selector finds, in order."""
    html = "<body>" + "".join(
        f'<span class="{" ".join(words)}"{" itemprop=DURATION" if prop else ""}>{text}</span>'
        for words, prop, text in items) + "</body>"
    tree = parse_html(html).tree
    expected = [" ".join(node.text(deep=True).split()) for node in tree.css(_FULL_DURATION_SELECTOR)]
    expected = [text for text in expected if len(text) <= MK.MEDIA_LENGTH_CHARS and any(c.isdigit() for c in text)]
    assert list(MK._media_lengths(tree)) == expected


def test_media_lengths_skip_names_no_class_holds() -> None:
    """A page whose classes name no player time asks lexbor for the itemprop alone."""
    tree = parse_html('<body><span class="card">4:11</span><span itemprop="duration">2:05</span></body>').tree
    asked: list[str] = []

    class Recording:  # the tree, with the selectors asked of it recorded
        def css(self, selector: str) -> list:
            asked.append(selector)
            return tree.css(selector)

    assert list(MK._media_lengths(Recording(), MK.class_attributes(tree))) == ["2:05"]
    assert asked == ['[itemprop="duration" i]']



from feedline import read as RD  # noqa: E402


def test_every_reference_that_renders_a_c0_control_is_found() -> None:
    """The rendered text is cleaned of C0 controls whenever a reference can have made one."""
    forms = [f"&#{n}" for n in range(0, 300)] + [f"&#{n:03d};" for n in range(0, 40)] + \
        [f"&#x{n:x};" for n in range(0, 300)] + [f"&#X{n:04X}" for n in range(0, 40)] + ["&#x1F600;", "&#1234;", "&#"]
    for form in forms:
        for after in (";", " ", "z", "9", "f"):
            html = f"<p>a{form}{after}b</p>"
            rendered = parse_html(html).tree.body.text()
            if RD._CONTROLS.search(rendered):
                assert RD._C0_REFERENCE.search(html), html


# Pieces of the "ago" words and what the caseless pattern takes around them: upper case, the
# letters `re.IGNORECASE` takes for ASCII ones ("İ", "ı", "ſ", the Kelvin sign), glued labels,
# digits, spaces and word characters on either side.
_AGO_PIECES = st.sampled_from([*T._ASCII_AGO, "AGO", "Vor", "İl y a", "ıl", "ſiden", "\u212aa", "x", "é",
                               "3", " ", "  ", "_", "-", "\n", "allgemein", "Fa", "favor"])


@settings(max_examples=500, deadline=None)
@given(st.lists(_AGO_PIECES, max_size=12).map("".join), st.data())
@example("favor 3 fa", None)
@example("Allgemeinvor 7 Tagen", None)
@example("İl y a 3 jours", None)
def test_first_ascii_ago_is_the_search(text: str, data) -> None:
    """The "ago" word found where one of its words starts is the pattern's search, span and
    text, in any window of the text (`_first_ascii_ago`)."""
    lo, hi = 0, len(text)
    if data is not None and text:
        lo = data.draw(st.integers(0, len(text)))
        hi = data.draw(st.integers(lo, len(text)))
    expected = T._RELATIVE_WORD_RE.search(text, lo, hi)
    found = T._first_ascii_ago(text, lo, hi)
    assert (found and (found.span(), found.group())) == (expected and (expected.span(), expected.group()))


def test_class_attributes_as_the_attribute_dict_reads_them() -> None:
    """The class attributes read one by one (`attrs`) are what each element's attribute dict
    says: an empty or valueless attribute, upper-case names, a repeated attribute (the first
    wins), SVG and unknown elements."""
    html = ('<html><body><div class>a</div><p class="">b</p><span CLASS="Big  x">c</span>'
            '<i class=one class=two>d</i><svg class="icon"><path class="p"/></svg>'
            '<my-card class="card">e</my-card><b id=x>f</b></body></html>')
    tree = parse_html(html).tree
    expected = {node.mem_id: node.attributes.get("class") or "" for node in tree.css("[class]")}
    assert sorted(expected.values()) == ["", "", "Big  x", "card", "icon", "one", "p"]
    assert class_attributes(tree) == expected


def test_a_page_rendered_twice_looks_for_c0_references_once(monkeypatch) -> None:
    """The reveal rendering reuses the first rendering's answer to whether the page holds a
    numeric reference to a C0 control (one search of the HTML per page)."""
    searches = []
    real = RD._C0_REFERENCE.search
    monkeypatch.setattr(RD, "_C0_REFERENCE", type("Spy", (), {"search": staticmethod(
        lambda text: searches.append(1) or real(text))})())
    html = "<html><head><style>.x{display:none}</style></head><body><p>a&#1;b &#38;</p><i class=x>ad</i></body></html>"
    parsed = parse_html(html)
    visible = RD.render_html(html, parsed=parsed)
    revealed = RD.render_html(html, reveal=True, parsed=parsed)
    assert (visible.text, revealed.text) == ("ab &", "ab &\n\nad")  # the control &#1; cleaned away
    assert len(searches) == 1


from feedline import htmltree as HT  # noqa: E402


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["<div>", "</div>", "<img>", "</p>", "x", "<!-- c -->", "</ 1>", "<a>", "</a>"]),
                max_size=60), st.integers(0, 12))
@example(["</div>"] * 5 + ["<div>"] * 3, 4)  # range 5 (its high point, 0, before its low one), rise 3
@example(["<div>"] * 3 + ["</div>"] * 5, 4)  # range 5 (its high point, 3, before its low one), rise 3
def test_bound_at_most_as_the_bound(pieces: list[str], depth: int) -> None:
    """The depth guard's quick test (the count's range first) says what its bound says."""
    html = "".join(pieces)
    assert HT._bound_at_most(html, depth) == (HT._depth_bound(html) <= depth)
