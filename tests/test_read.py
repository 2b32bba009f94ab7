"""Tests for feedline.read: sources, decoding, errors, kind sniffing, HTML → innerText-like text."""
from __future__ import annotations

import codecs
import difflib
import io
import random
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from feedline.errors import InputError
from feedline.model import PageKind
from feedline.read import decode, read_page

CORPUS = Path(__file__).parents[1].parent / "shared" / "corpus" / "pages"
RUSSIAN = (
    "Вооружённые силы нанесли удар по городу. Министр обороны заявил, что ситуация "
    "остаётся напряжённой, и пообещал новые поставки в течение недели."
)


def cases(*rows: tuple[Any, ...]) -> list[Any]:
    """Parametrize rows written as (id, *values)."""
    return [pytest.param(*values, id=case_id) for case_id, *values in rows]


def html(body: str, head: str = "", lang: str = "") -> bytes:
    """A small HTML document around `body`."""
    lang = f' lang="{lang}"' if lang else ""
    return f"<!doctype html><html{lang}><head>{head}</head><body>{body}</body></html>".encode()


def error_of(source: object, **options: Any) -> str:
    """The message of the InputError that reading `source` raises; it must be one line."""
    with pytest.raises(InputError) as caught:
        read_page(source, **options)  # type: ignore[arg-type]
    message = str(caught.value)
    assert "\n" not in message and "\r" not in message
    return message


# ── sources ──────────────────────────────────────────────────────────────────────────────────


def test_path_as_str_and_pathlike(tmp_path: Path) -> None:
    page_file = tmp_path / "page.txt"
    page_file.write_bytes(b"12:30 Breaking news\n")
    for source in (str(page_file), page_file):
        page = read_page(source)
        assert (page.text, page.name) == ("12:30 Breaking news\n", str(page_file))
        assert page.kind == "text"


@pytest.mark.parametrize("make_source", cases(
    ("bytes", bytes),
    ("bytearray", bytearray),
    ("stream", io.BytesIO),
))
def test_in_memory_sources(make_source: Any) -> None:
    page = read_page(make_source(b"hello"))
    assert (page.text, page.name, page.encoding) == ("hello", "-", "utf-8")


def test_dash_reads_stdin_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", SimpleNamespace(buffer=io.BytesIO("héllo".encode())))
    page = read_page("-")
    assert (page.text, page.name) == ("héllo", "-")


def test_open_file_keeps_its_name(tmp_path: Path) -> None:
    page_file = tmp_path / "page.txt"
    page_file.write_bytes(b"x")
    with page_file.open("rb") as stream:
        assert read_page(stream).name == str(page_file)


def test_name_and_lang_arguments_win() -> None:
    page = read_page(html("<p>x</p>", lang="en"), name="saved.html", lang="de-AT")
    assert (page.name, page.lang) == ("saved.html", "de")


def test_text_stream_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="binary stream"):
        read_page(io.StringIO("text"))  # type: ignore[arg-type]


def test_unsupported_source_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="int"):
        read_page(42)  # type: ignore[arg-type]


# ── decoding ─────────────────────────────────────────────────────────────────────────────────

META_1251 = b'<meta charset="windows-1251"><p>'
META_KOI8 = b'<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">'
XML_LATIN1 = b'<?xml version="1.0" encoding="ISO-8859-1"?>'
META_UTF8 = b'<meta charset="utf-8">'


@pytest.mark.parametrize(("data", "text", "encoding"), cases(
    ("empty", b"", "", "utf-8"),
    ("utf8", "héllo".encode(), "héllo", "utf-8"),
    ("bom-utf8", codecs.BOM_UTF8 + "héllo".encode(), "héllo", "utf-8-sig"),
    ("bom-utf16le", codecs.BOM_UTF16_LE + "héllo".encode("utf-16-le"), "héllo", "utf-16-le"),
    ("bom-utf16be", codecs.BOM_UTF16_BE + "héllo".encode("utf-16-be"), "héllo", "utf-16-be"),
    ("bom-utf32le", codecs.BOM_UTF32_LE + "héllo".encode("utf-32-le"), "héllo", "utf-32-le"),
    ("utf16le-without-bom", "hello world".encode("utf-16-le"), "hello world", "utf-16-le"),
    ("utf8-cut-mid-character", "héllo wörld".encode()[:-1], "héllo wörl", "utf-8"),
    ("cp1251-detected", RUSSIAN.encode("cp1251"), RUSSIAN, "cp1251"),
    ("meta-charset", META_1251 + "Привет".encode("cp1251"),
     META_1251.decode() + "Привет", "cp1251"),
    ("http-equiv-charset", META_KOI8 + "Мир".encode("koi8-r"),
     META_KOI8.decode() + "Мир", "koi8-r"),
    ("xml-latin1-read-as-windows-1252", XML_LATIN1 + b"caf\xe9 \x80",
     XML_LATIN1.decode() + "café €", "cp1252"),
    ("wrong-declaration-falls-to-detection", META_UTF8 + RUSSIAN.encode("cp1251"),
     META_UTF8.decode() + RUSSIAN, "cp1251"),
    # One character cut by the server inside a UTF-8 page (radiomaryja.pl): the page stays
    # UTF-8, the broken bytes a U+FFFD, as a browser shows them; a detector guessed another
    # encoding for the whole page.
    ("utf8-with-one-broken-character", META_UTF8 + ("Anioł Pański, łódź, " * 20).encode() + b"papieros\xc3...",
     META_UTF8.decode() + "Anioł Pański, łódź, " * 20 + "papieros\ufffd...", "utf-8"),
    ("newlines-normalised", b"a\r\nb\rc\n", "a\nb\nc\n", "utf-8"),
    ("controls-stripped", b"x" * 500 + b"\x00y\x07z\x0b\t\n", "x" * 500 + "yz\t\n", "utf-8"),
))
def test_decode(data: bytes, text: str, encoding: str) -> None:
    assert decode(data) == (text, encoding)


def test_cp1251_page_with_declaration() -> None:
    document = html(f"<p>{RUSSIAN}</p>", head='<meta charset="windows-1251">')
    page = read_page(document.decode().encode("cp1251"))
    assert (page.text, page.encoding, page.kind) == (RUSSIAN, "cp1251", "html")


def test_cp1251_page_without_declaration() -> None:
    page = read_page(html(f"<h1>Новости</h1><p>{RUSSIAN}</p>").decode().encode("cp1251"))
    assert (page.text, page.encoding) == (f"Новости\n\n{RUSSIAN}", "cp1251")


# ── input errors ─────────────────────────────────────────────────────────────────────────────

UTF16_LONE_SURROGATE = "hello world, ".encode("utf-16-le") * 10 + b"\x00\xd8x\x00"


@pytest.mark.parametrize(("data", "expected"), cases(
    ("png", b"\x89PNG\r\n\x1a\n" + bytes(100), "looks like a PNG image"),
    ("pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "looks like a PDF document"),
    ("gzip", b"\x1f\x8b\x08\x00" + bytes(20), "looks like gzip-compressed data"),
    ("zip", b"PK\x03\x04" + bytes(20), "looks like a ZIP archive"),
    ("nul-bytes", bytes(64), "looks like binary data"),
    ("random-bytes", random.Random(7).randbytes(4096), "looks like binary data"),
    ("bom-utf8-invalid", codecs.BOM_UTF8 + b"ok \xff\xfe broken", "cannot decode the input"),
    ("utf16-lone-surrogate", UTF16_LONE_SURROGATE, "cannot decode the input"),
))
def test_bad_bytes_are_input_errors(data: bytes, expected: str) -> None:
    assert expected in error_of(data)


def test_binary_is_sniffed_from_content_not_extension(tmp_path: Path) -> None:
    fake = tmp_path / "page.html"
    fake.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    assert error_of(fake).startswith(f"{str(fake)!r} looks like a PNG image")


def test_missing_file(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.html")
    expected = f"cannot read {missing!r}: no such file; check the path, or pass '-' to read stdin"
    assert error_of(missing) == expected


def test_directory(tmp_path: Path) -> None:
    expected = f"cannot read {str(tmp_path)!r}: it is a directory; pass one page file from it"
    assert error_of(tmp_path) == expected


def test_permission_denied(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    def denied(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("feedline.read.open", denied, raising=False)  # works even as root
    assert "permission denied; check the file's permissions" in error_of(tmp_path / "page.html")


def test_path_with_a_newline_still_gives_one_line(tmp_path: Path) -> None:
    assert "\\n" in error_of(tmp_path / "two\nlines.html")


@pytest.mark.parametrize("make_source", cases(
    ("bytes", Path.read_bytes),
    ("path", lambda path: path),
    ("stream", lambda path: io.BytesIO(path.read_bytes())),
))
def test_larger_than_max_bytes(tmp_path: Path, make_source: Any) -> None:
    page_file = tmp_path / "page.txt"
    page_file.write_bytes(b"x" * 11)
    assert "is larger than 10 bytes" in error_of(make_source(page_file), max_bytes=10)
    assert read_page(make_source(page_file), max_bytes=11).text == "x" * 11


# ── kind ─────────────────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(("data", "kind"), cases(
    ("doctype", b"<!DOCTYPE html><title>t</title>", "html"),
    ("html-after-white-space", b"\n   \n<html><body>x</body></html>", "html"),
    ("html-after-comment", b"<!-- saved --><html>x</html>", "html"),
    ("body-after-bom", codecs.BOM_UTF8 + b"<body>x", "html"),
    ("common-tags", b'<div><p>a</p><a href="/x">b</a></div>', "html"),
    ("text-dump", b"Skip to content\n12:30\nMarkets rally\n", "text"),
    ("text-mentioning-a-tag", b"Use <b> for bold.\n", "text"),
    ("cleaneval-style-dump", b"<h> Title\n<p> One\n<p> Two\n<p> Three\n", "text"),
))
def test_kind_is_sniffed_from_content(data: bytes, kind: str) -> None:
    assert read_page(data).kind == kind


def test_text_is_returned_as_is() -> None:
    text = "  Live  \n\n12:30\tGMT  <b>\n"
    assert read_page(text.encode()).text == text


# ── HTML → text ──────────────────────────────────────────────────────────────────────────────

TABLE = "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>"


@pytest.mark.parametrize(("body", "text"), cases(
    ("inline-glued", "<div><span>21 mins ago</span><time>11:48</time></div>", "21 mins ago11:48"),
    ("inline-space-kept", "<div><a>a</a> <b>b</b></div>", "a b"),
    ("white-space-collapsed", "<div>  a \n\t b  </div>", "a b"),
    ("nbsp-kept", "<div>a&nbsp;&nbsp;b</div>", "a\xa0\xa0b"),
    ("blocks-one-line-each", "<div>a</div><section>b</section>", "a\nb"),
    ("paragraph-gap", "<p>a</p><p>b</p>", "a\n\nb"),
    ("heading-no-gap", "<h2>T</h2><div>x</div>", "T\nx"),
    ("nested-blocks", "<div>a<div>b</div>c</div>", "a\nb\nc"),
    ("br", "a<br>b", "a\nb"),
    ("two-br", "a<br><br>b", "a\n\nb"),
    ("list", "<ul><li>one</li><li>two</li></ul>", "one\ntwo"),
    ("table", TABLE, "a\tb\nc\td"),
    ("pre-kept", "<pre>a\n  b</pre>", "a\n  b"),
    ("script-style-dropped", "<div>a<script>x = 1;</script><style>p {}</style>b</div>", "ab"),
    ("template-dropped", "<template><p>t</p></template>x", "x"),
    ("svg-dropped", "<p>a<svg><text>t</text></svg>b</p>", "ab"),
    ("img-alt-dropped", "<p>a<img alt='picture'>b</p>", "ab"),
    ("img-keeps-spaces", "<div>17H ago <img src=x> 50 photos</div>", "17H ago  50 photos"),
    ("noscript-kept", "<noscript><p>Enable JavaScript</p></noscript>", "Enable JavaScript"),
    ("hidden-attribute", "<div hidden>h</div><div>v</div>", "v"),
    ("display-none", '<span style="display: none">h</span>v', "v"),
    ("visibility-hidden", '<div style="visibility:hidden">h</div>v', "v"),
    ("aria-hidden-kept", '<span aria-hidden="true">★</span>x', "★x"),
    ("details-closed", "<details><summary>S</summary>more</details>", "S"),
    ("details-open", "<details open><summary>S</summary>more</details>", "S\nmore"),
    ("select-options", "<select><option>A</option><option>B</option></select>", "A\nB"),
    ("comment", "<div>a<!-- c -->b</div>", "ab"),
    ("css-class-hidden", "<style>.ad {display: none}</style><div class=ad>ad</div>x", "x"),
    ("css-media-query-for-small-screens",
     "<style>@media (max-width: 600px) {.m {display: none}}</style><div class=m>m</div>", "m"),
    ("css-media-range-for-wide-screens",
     "<style>@media (width >= 1000px) {.w {display: none}}</style><div class=w>w</div>x", "x"),
    ("css-flex-items-are-blocks",
     "<style>.f {display: flex}</style><div class=f><span>a</span><span>b</span></div>", "a\nb"),
    ("css-float-is-a-block",
     "<style>.l {float: left}</style><span class=l>a</span><span>b</span>", "a\nb"),
    ("css-uppercase", "<style>.u {text-transform: uppercase}</style><b class=u>live</b>", "LIVE"),
    ("css-specificity",
     "<style>#x {display: block} div.y {display: none}</style><div id=x class=y>shown</div>",
     "shown"),
    ("css-important",
     '<style>.y {display: none !important}</style><div class=y style="display: block">h</div>x',
     "x"),
    ("css-hover-ignored", "<style>.x:hover {display: none}</style><div class=x>x</div>", "x"),
    ("css-property-case", "<style>.a {DISPLAY: NONE}</style><div class=a>a</div>x", "x"),
    ("css-property-names-are-ascii", "<style>.a {di\u017fplay: none}</style><div class=a>a</div>", "a"),
    ("css-dotted-capital-i-in-a-name", "<style>.a {d\u0130splay: none}</style><div class=a>a</div>", "a"),
    ("css-after-a-character-lower-lengthens",
     "<style>.\u0130 {color: red} .a {display: none}</style><div class=a>a</div>x", "x"),
    ("css-rule-after-import", "<style>@import url(a.css); .a {display: none}</style><div class=a>a</div>x", "x"),
    ("css-nested-rule-ignored",
     "<style>.a {color: red; .b {display: none}}</style><div class=a><div class=b>b</div></div>", "b"),
    ("css-keyframes-ignored", "<style>@keyframes k {div {display: none}}</style><div>k</div>", "k"),
    ("css-stray-brace-ignored", "<style>} .a {display: none}</style><div class=a>a</div>x", "x"),
    ("css-unclosed-rule-ignored", "<style>.a {display: none</style><div class=a>a</div>", "a"),
))
def test_html_text(body: str, text: str) -> None:
    page = read_page(html(body))
    assert (page.kind, page.text) == ("html", text)


CANONICAL = '<link rel="canonical" href="https://a.example/p">'
OG_URL = '<meta property="og:url" content="https://a.example/og">'


@pytest.mark.parametrize(("document", "title", "lang", "url"), cases(
    ("title-and-lang", html("x", head="<title> Live:  news </title>", lang="en-GB"),
     "Live: news", "en", None),
    ("nothing-declared", html("x"), None, None, None),
    ("canonical", html("x", head=CANONICAL), None, None, "https://a.example/p"),
    ("og-url", html("x", head=OG_URL), None, None, "https://a.example/og"),
    ("absolute-url-wins", html("x", head='<link rel=canonical href="/rel">' + OG_URL),
     None, None, "https://a.example/og"),
    ("svg-title-ignored", html("<svg><title>icon</title></svg>x"), None, None, None),
))
def test_html_metadata(
    document: bytes, title: str | None, lang: str | None, url: str | None
) -> None:
    page = read_page(document)
    assert (page.title, page.lang, page.url) == (title, lang, url)


def test_lang_argument_wins_over_the_declared_one() -> None:
    assert read_page(html("x", lang="en"), lang="uk").lang == "uk"


# ── robustness ───────────────────────────────────────────────────────────────────────────────


def test_deeply_nested_html_does_not_crash() -> None:
    depth = 10_000
    page = read_page(("<div><span>" * depth + "deep" + "</span></div>" * depth).encode())
    assert page.text == "deep"


@pytest.mark.parametrize("data", cases(
    ("text", b"a" * 20_000_000),
    ("html", b"<html><body><p>" + b"word " * 4_000_000),
))
def test_a_20_mb_single_line_is_read_whole(data: bytes) -> None:
    page = read_page(data)  # time: `make bench-hostile` (about 0.02 s text, 0.3 s HTML)
    assert len(page.text) >= 19_999_999


MARKUP = st.lists(st.sampled_from([
    "<div>", "</div>", "<p>", "<span>", "</span>", "<br>", "<tr><td>", "</td>", "<pre>", "\n", " ",
    "<style>.a{display:none}@media (min-width:9px){", "}", "<div class=a>", "<details>",
    '<b style="float:left">', "<select><option>", "<!--", "&#1;", "&#13;", "x", "é", "\x00",
]), max_size=60).map("".join)


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.binary(max_size=300), MARKUP.map(str.encode)))
def test_any_input_gives_a_page_or_an_input_error(data: bytes) -> None:
    try:
        page = read_page(data)
    except InputError as error:
        assert "\n" not in str(error)
    else:
        assert not set(page.text) & set("\x00\x01\x0b\x0c\r")


def test_heavy_modules_are_imported_lazily() -> None:
    code = (
        "import sys, feedline.read\n"
        "print(sorted({'selectolax', 'charset_normalizer'} & set(sys.modules)))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "[]"


# ── the shared corpus (skipped when ../shared is absent) ─────────────────────────────────────

PAGES = sorted(CORPUS.glob("*.html")) if CORPUS.is_dir() else []
needs_corpus = pytest.mark.skipif(not PAGES, reason="the shared corpus (../shared) is absent")


def _non_blank_lines(text: str) -> list[str]:
    return [line for line in text.split("\n") if line.strip()]


@needs_corpus
def test_html_pages_read_like_their_browser_text_twins() -> None:
    ratios = {}
    for page_file in PAGES:
        twin = page_file.with_suffix(".txt")
        if twin.exists():
            ours = _non_blank_lines(read_page(page_file).text)
            theirs = _non_blank_lines(twin.read_text(encoding="utf-8"))
            matcher = difflib.SequenceMatcher(None, ours, theirs, autojunk=False)
            ratios[page_file.stem] = matcher.ratio()
    assert ratios and min(ratios.values()) >= 0.9, ratios
    assert sum(ratios.values()) / len(ratios) >= 0.98, ratios


@needs_corpus
def test_text_twins_are_read_as_text() -> None:
    for twin in sorted(CORPUS.glob("*.txt")):
        page = read_page(twin)
        assert page.kind == "text", twin.name
        assert page.text == twin.read_text(encoding="utf-8"), twin.name


@needs_corpus
def test_the_biggest_page_converts_the_same_twice() -> None:
    data = max(PAGES, key=lambda path: path.stat().st_size).read_bytes()  # its speed: `make bench`
    assert read_page(data).text == read_page(data).text


# ── what the page's CSS hides ─────────────────────────────────────────────────────────────
PAYWALLED = """<!doctype html><html><head><style>.locked{display:none}.fade{visibility:hidden}</style></head>
<body><h1>Ticker</h1><p>Subscribe to read on.</p>
<div class="locked"><h2>11.04 Uhr: Die Fähre nach Lindau fährt wieder</h2><p>Der Betrieb läuft normal.</p>
<h2>9.30 Uhr: Sperrung der Uferstrasse aufgehoben</h2><p>Die Polizei gab die Strasse frei.</p></div>
<p class="fade">Faded note</p><p hidden>Never rendered</p><template><p>Template</p></template></body></html>"""


def test_reveal_renders_what_the_pages_css_hides_but_not_what_html_hides() -> None:
    from feedline.read import html_to_text

    shown = html_to_text(PAYWALLED)[0]
    revealed = html_to_text(PAYWALLED, reveal=True)[0]
    assert "11.04 Uhr" not in shown and "Faded note" not in shown
    assert "11.04 Uhr" in revealed and "Faded note" in revealed
    assert "Never rendered" not in revealed and "Template" not in revealed


def test_a_feed_only_the_pages_css_hides_is_read_and_marked_not_visible() -> None:
    from feedline.pipeline import extract

    timeline = extract(PAYWALLED.encode())
    assert [(e.stamp.text, e.visible) for e in sorted(timeline.entries, key=lambda e: e.position)] == [
        ("11.04 Uhr", False), ("9.30 Uhr", False)]
    assert any("CSS hides" in note for note in timeline.diagnostics)
    assert timeline.page.html is None  # not carried in the result


def test_hidden_content_stays_out_when_something_visible_is_a_feed() -> None:
    from feedline.pipeline import extract

    page = PAYWALLED.replace("<p>Subscribe to read on.</p>", "<h2>12.15 Uhr: Neuer Fahrplan gilt ab Montag</h2>")
    timeline = extract(page.encode())
    assert [(e.stamp.text, e.visible) for e in timeline.entries] == [("12.15 Uhr", True)]


# ── text or HTML ─────────────────────────────────────────────────────────────────────────────
def test_a_text_dump_that_prints_markup_as_text_stays_text() -> None:
    """A browser's innerText of a page whose <noscript> notice is escaped markup (the page
    shows the tags as text): the dump opens with text, so it is read as text, not rendered."""
    notice = '<div class="alertBox"> <div class="alert"> <p>JavaScript is off.</p> </div> </div>\n'
    text = "Business news\n" + "".join(f"Headline {n} about the markets and the yen 3/9 18:{n:02d}\n" for n in range(5))
    page = read_page((text + notice * 3 + text).encode())
    assert page.kind is PageKind.TEXT and "alertBox" in page.text


def test_a_fragment_of_markup_is_html() -> None:
    page = read_page(b'<div class="feed"><p>First item</p><p>Second item</p><span>12:30</span></div>')
    assert page.kind is PageKind.HTML and "alertBox" not in page.text and "First item" in page.text
