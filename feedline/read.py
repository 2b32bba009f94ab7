"""Read a page: a path, stdin, bytes or a binary stream in; a decoded `Page` out.

Bytes become text in this order (the first step that applies wins):

1. a byte-order mark (UTF-8, UTF-16 or UTF-32, either byte order);
2. the charset of an HTTP `Content-Type` header, when the caller passes it (`charset=`, e.g.
   from a web archive's response record), if the bytes decode strictly in it;
3. a declared charset in the first 4 KB (`<meta charset>`, `<meta http-equiv=content-type
   content="...; charset=...">` or the XML declaration), if the bytes decode strictly in it;
   labels map as browsers map them (iso-8859-1 and ascii mean windows-1252, shift_jis cp932...);
4. UTF-8, if it decodes strictly (a multi-byte character cut off at the very end is dropped);
5. detection with charset-normalizer.

Input that looks binary (a known magic number such as PNG, PDF or gzip, or a high share of
control bytes) is refused before decoding; UTF-16 without a BOM is recognised first. The text
then gets "\\n" newlines and loses C0 control characters other than "\\n" and "\\t".

The kind is sniffed from the content, never from a file name. Plain text is returned as it is.
HTML becomes block-structured text that emulates a browser's `document.body.innerText` with
JavaScript off (the form in which pages are often saved): see `html_to_text`. Markdown (a
scraper's print of a page, recognised by its inline links or a Jina Reader envelope:
`markdown_page`) is rendered to HTML first and read the same way.

Every problem with the input raises `InputError` with a one-line message (what, where, what to
try). selectolax and charset-normalizer are imported lazily: CLI start-up time matters.
"""
from __future__ import annotations

import codecs
import os
import re
import sys
from collections.abc import Collection
from dataclasses import replace
from datetime import datetime, timezone
from typing import TYPE_CHECKING, BinaryIO, NamedTuple

from feedline import markdown_page
from feedline.css import Computed, Styles, class_attributes
from feedline.errors import InputError, check_language_tag
from feedline.htmltree import ParsedHTML, parse_html
from feedline.markup import read_markup
from feedline.model import Layout, Page, PageKind
from feedline.patterns import lazy_re

if TYPE_CHECKING:
    from selectolax.lexbor import LexborHTMLParser, LexborNode

__all__ = ["decode", "html_to_text", "read_page", "render_html"]

_CHUNK = 1 << 20

# ── loading ──────────────────────────────────────────────────────────────────────────────────


def read_page(
    source: str | os.PathLike[str] | os.PathLike[bytes] | bytes | BinaryIO,
    *,
    name: str | None = None,
    lang: str | None = None,
    max_bytes: int = 50_000_000,
    charset: str | None = None,
) -> Page:
    """Read `source` (a path, "-" for stdin, raw bytes or a binary stream) into a `Page`.

    `name` overrides the page's name (default: the path, or "-"); `lang` overrides the
    language the page declares; `charset` is the charset of the HTTP `Content-Type` the
    page was served with, if known. A path's modification time, or the moment stdin was read,
    is the page's `saved` time. Raises `InputError` for input that cannot be read,
    `UsageError` for a `lang` that is no language tag.
    """
    check_language_tag(lang)
    data, default_name, label, saved = _load(source, max_bytes)
    if name is not None:
        label = repr(name)
    text, encoding = decode(data, label, charset=charset)
    page_name = name if name is not None else default_name
    given_lang = (_primary_tag(lang) or lang.strip().lower()) if lang else None
    given_locale = _regional_tag(lang) if lang else None
    if _looks_like_html(text):
        kind, html = PageKind.HTML, text
    elif markdown_page.looks_like_markdown(text):
        kind, html = PageKind.MARKDOWN, markdown_page.to_html(text)
    else:
        return Page(text=text, name=page_name, kind=PageKind.TEXT, encoding=encoding,
                    lang=given_lang, locale=given_locale, saved=saved)
    parsed = parse_html(html)  # parsed once: the text, the markup and a reveal pass share it
    body, title, declared_lang, url, layout = render_html(html, parsed=parsed)
    markup = read_markup(html, parsed.tree, parsed.classes)
    if parsed.notes:
        markup = replace(markup, notes=parsed.notes + markup.notes)
    return Page(
        text=body,
        name=page_name,
        kind=kind,
        encoding=encoding,
        url=url,
        title=title,
        lang=given_lang or declared_lang,
        locale=given_locale if lang else _declared_locale(parsed.tree, declared_lang),
        markup=markup,
        html=html if kind is PageKind.HTML else None,  # Markdown has no CSS to hide anything
        layout=layout,
        parsed=parsed,
        saved=saved,
    )


class _Loaded(NamedTuple):
    data: bytes
    name: str  # the page's default name
    label: str  # how messages name the input
    saved: datetime | None = None  # `Page.saved`


def _load(source: object, max_bytes: int) -> _Loaded:
    """The bytes of any accepted source, its names and when it was saved."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        _check_size(len(data), max_bytes, "the input")
        return _Loaded(data, "-", "the input")
    if isinstance(source, (str, os.PathLike)):
        path = os.fspath(source)
        if path in ("-", b"-"):
            data = _read_stdin(max_bytes)
            return _Loaded(data, "-", "stdin", datetime.now(timezone.utc))
        shown = os.fsdecode(path)
        data, saved = _read_path(path, shown, max_bytes)
        return _Loaded(data, shown, repr(shown), saved)
    if callable(getattr(source, "read", None)):
        stream_name = getattr(source, "name", None)
        shown = stream_name if isinstance(stream_name, str) else "-"
        label = repr(shown) if shown != "-" else "the input stream"
        return _Loaded(_read_stream(source, label, max_bytes), shown, label)  # type: ignore[arg-type]
    kind = type(source).__name__
    raise TypeError(f"read_page() needs a path, bytes or a binary stream, not {kind}")


def _read_path(path: str | bytes, shown: str, max_bytes: int) -> tuple[bytes, datetime | None]:
    """The file's bytes and its modification time (None when the clock cannot say)."""
    label = repr(shown)
    hint = " (to read a page held in memory, pass bytes)" if "<" in shown or "\n" in shown else ""
    try:
        with open(path, "rb") as f:
            status = os.fstat(f.fileno())
            _check_size(status.st_size, max_bytes, label)
            return _read_stream(f, label, max_bytes), _modified(status.st_mtime)
    except FileNotFoundError:
        message = "no such file; check the path, or pass '-' to read stdin"
    except IsADirectoryError:
        message = "it is a directory; pass one page file from it"
    except PermissionError:
        message = "permission denied; check the file's permissions"
    except OSError as err:
        message = f"{err.strerror or type(err).__name__}; check the path"
    raise InputError(f"cannot read {label}: {message}{hint}")


def _modified(mtime: float) -> datetime | None:
    """A file's modification time as a UTC instant; None for a time no clock gives (0, overflow)."""
    try:
        return datetime.fromtimestamp(mtime, timezone.utc) if mtime > 0 else None
    except (OverflowError, OSError, ValueError):
        return None


def _read_stdin(max_bytes: int) -> bytes:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise InputError("cannot read stdin: no binary stdin is available; pass a file path")
    return _read_stream(stream, "stdin", max_bytes)


def _read_stream(stream: BinaryIO, label: str, max_bytes: int) -> bytes:
    """Read to EOF in chunks, stopping as soon as the input exceeds `max_bytes`."""
    chunks: list[bytes] = []
    size = 0
    try:
        while size <= max_bytes:
            chunk = stream.read(min(_CHUNK, max_bytes + 1 - size))
            if not chunk:
                break
            if isinstance(chunk, str):
                raise TypeError("read_page() needs a binary stream: open the file in 'rb' mode")
            chunks.append(chunk)
            size += len(chunk)
    except OSError as err:
        reason = err.strerror or type(err).__name__
        message = f"cannot read {label}: {reason}; save the page to a file and pass its path"
        raise InputError(message) from None
    _check_size(size, max_bytes, label)
    return b"".join(chunks)


def _check_size(size: int, max_bytes: int, label: str) -> None:
    if size > max_bytes:
        raise InputError(f"{label} is larger than {max_bytes:,} bytes; cut it or raise the limit")


# ── decoding ─────────────────────────────────────────────────────────────────────────────────

_BOMS = (  # UTF-32 first: its little-endian BOM starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_MAGIC = (  # (prefix, what it is, what to try)
    (b"\x1f\x8b", "gzip-compressed data", "decompress it first (gunzip)"),
    (b"%PDF-", "a PDF document", "convert it to text first (e.g. pdftotext)"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image", "pass the page's HTML or text instead"),
    (b"\xff\xd8\xff", "a JPEG image", "pass the page's HTML or text instead"),
    (b"GIF8", "a GIF image", "pass the page's HTML or text instead"),
    (b"PK\x03\x04", "a ZIP archive", "extract the page from it first"),
    (b"BZh", "bzip2-compressed data", "decompress it first (bunzip2)"),
    (b"\xfd7zXZ\x00", "xz-compressed data", "decompress it first (unxz)"),
    (b"\x28\xb5\x2f\xfd", "zstd-compressed data", "decompress it first (unzstd)"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive", "extract the page from it first"),
    (b"\x7fELF", "an executable", "pass the page's HTML or text instead"),
    (b"SQLite format 3\x00", "an SQLite database", "pass the page's HTML or text instead"),
)

#: Control bytes that text does not contain (all of C0 but \t \n \v \f \r and ESC).
_CONTROL_BYTES = bytes([*range(0, 9), *range(14, 27), *range(28, 32)])
_NOT_CONTROL = bytes(b for b in range(256) if b not in _CONTROL_BYTES)
_SAMPLE = 65_536
_HIGH_BYTES = bytes(range(128, 256))  # deleted by `translate`: what is left is the ASCII

_META_CHARSET = lazy_re(
    rb"""<meta\b[^>]{0,512}?\bcharset\s*=\s*["']?\s*([a-z0-9_.:+-]{1,40})""", re.I)
_XML_ENCODING = lazy_re(
    rb"""\A\s*<\?xml\b[^>]{0,200}?\bencoding\s*=\s*["']([a-z0-9_.:+-]{1,40})""", re.I)

#: Labels browsers read differently from Python (WHATWG Encoding Standard), and labels
#: that cannot be right once an ASCII-compatible declaration has been read.
_LABELS = {
    "iso-8859-1": "cp1252", "iso8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252",
    "l1": "cp1252", "ascii": "cp1252", "us-ascii": "cp1252", "iso-8859-9": "cp1254",
    "latin5": "cp1254", "iso-8859-11": "cp874", "tis-620": "cp874", "gb2312": "gb18030",
    "gbk": "gb18030", "x-gbk": "gb18030", "shift_jis": "cp932", "shift-jis": "cp932",
    "sjis": "cp932", "x-sjis": "cp932", "windows-31j": "cp932", "euc-kr": "cp949",
    "ks_c_5601-1987": "cp949", "big5": "big5hkscs", "utf-16": "utf-8", "utf-16le": "utf-8",
    "utf-16be": "utf-8", "utf-32": "utf-8",
}

_CONTROLS = lazy_re("[\x00-\x08\x0b-\x1f]+")
#: Bytes other than those that decode to C0 controls (but \t \n \r) in ASCII-compatible encodings.
_NOT_STRIPPED = bytes(b for b in range(256) if b not in (*range(0, 9), 11, 12, *range(14, 32)))


def decode(data: bytes, label: str = "the input", *, charset: str | None = None) -> tuple[str, str]:
    """Decode `data` to clean text; return (text, Python codec name used).

    `label` names the input in error messages; `charset` is an HTTP `Content-Type` charset,
    tried after a byte-order mark and before the page's own declaration. Raises `InputError`
    for binary or undecodable data. Empty input is "" in UTF-8.
    """
    text, encoding = _decode(data, label, charset)
    # Most pages hold no control characters: a fast test on the bytes spares a regex pass.
    wide = encoding.startswith(("utf-16", "utf-32"))
    controls = wide or bool(data.translate(None, _NOT_STRIPPED))
    return _clean(text, controls), encoding


def _decode(data: bytes, label: str, charset: str | None = None) -> tuple[str, str]:
    bom = _bom(data)
    if bom is not None:
        encoding, size = bom
        try:
            text = _strict(data[size:], encoding)
        except UnicodeDecodeError:
            raise InputError(f"cannot decode {label}: it starts with a {encoding} byte-order mark "
                             f"but is not valid {encoding}; re-save it as UTF-8") from None
        return text, "utf-8-sig" if encoding == "utf-8" else encoding
    _refuse_magic(data, label)
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        try:
            return _strict(data, utf16), utf16
        except UnicodeDecodeError:
            raise InputError(f"cannot decode {label}: it looks like {utf16} without a byte-order "
                             "mark but is not valid; re-save it as UTF-8") from None
    _refuse_controls(data, label)
    given = _codec(charset) if charset else None
    for encoding in dict.fromkeys((given, _declared(data), "utf-8")):  # in order, without repeats
        if encoding is not None:
            try:
                return _strict(data, encoding), encoding
            except UnicodeDecodeError:
                pass
    mended = _mostly_utf8(data)
    return (mended, "utf-8") if mended is not None else _detect(data, label)


# UTF-8 checks itself: text in another encoding breaks it at nearly every non-ASCII byte. So
# a few broken sequences among many good ones (a title cut inside a character by the server,
# radiomaryja.pl) are damage to a UTF-8 page, which a browser shows as U+FFFD; a detector
# guessing again would misread the whole page.
MAX_BROKEN_SHARE = 0.01  # of the non-ASCII bytes


def _mostly_utf8(data: bytes) -> str | None:
    text = data.decode("utf-8", "replace")
    broken = text.count("\ufffd") - data.count("\ufffd".encode())
    high = len(data) - len(data.translate(None, _HIGH_BYTES))
    return text if broken <= MAX_BROKEN_SHARE * high else None


def _bom(data: bytes) -> tuple[str, int] | None:
    """(encoding, BOM length) if `data` starts with a byte-order mark."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding, len(bom)
    return None


def _strict(data: bytes, encoding: str) -> str:
    """Decode strictly; for UTF-8, tolerate a character cut off at the very end."""
    if encoding != "utf-8":
        return data.decode(encoding)
    return codecs.getincrementaldecoder("utf-8")().decode(data, final=False)


def _refuse_magic(data: bytes, label: str) -> None:
    for magic, what, hint in _MAGIC:
        if data.startswith(magic):
            raise InputError(f"{label} looks like {what}, not a web page or text; {hint}")


def _refuse_controls(data: bytes, label: str) -> None:
    """Refuse data whose first 64 KB are more than 5% control bytes (text has next to none)."""
    sample = data[:_SAMPLE]
    if sample and len(sample.translate(None, _NOT_CONTROL)) > 0.05 * len(sample):
        raise InputError(f"{label} looks like binary data (control bytes), not a web page or text; "
                         "pass the page's HTML or text")


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when NULs sit on one side of mostly-ASCII pairs, else None."""
    sample = data[: _SAMPLE & ~1]
    half = len(sample) // 2
    if half < 2:
        return None
    even, odd = sample[0::2].count(0) / half, sample[1::2].count(0) / half
    if odd > 0.4 and even < 0.02:
        return "utf-16-le"
    if even > 0.4 and odd < 0.02:
        return "utf-16-be"
    return None


def _declared(data: bytes) -> str | None:
    """The charset a page declares in its first 4 KB, as a Python codec name."""
    head = data[:4096]
    match = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    if match is None:
        return None
    return _codec(match.group(1).decode("ascii"))


def _codec(label: str) -> str | None:
    """The Python codec for a charset label, read as browsers read it; None if unknown or
    no text encoding (Python's `zip`, `base64`, `rot13` codecs are bytes or str transforms)."""
    label = label.strip().strip("\"'").lower()
    try:
        info = codecs.lookup(_LABELS.get(label, label))
    except LookupError:
        return None
    return info.name if getattr(info, "_is_text_encoding", True) else None


def _detect(data: bytes, label: str) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(f"cannot decode {label}: no text encoding fits its bytes; "
                         "re-save it as UTF-8")
    return str(best), codecs.lookup(best.encoding).name


def _clean(text: str, controls: bool = True) -> str:
    """Newlines to "\\n"; drop a leading BOM and (if `controls`) C0 controls but \\n and \\t."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.removeprefix("\ufeff")
    return _CONTROLS.sub("", text) if controls else text


# ── kind ─────────────────────────────────────────────────────────────────────────────────────

_HTML_START = lazy_re(r"<(?:!doctype\s+html|html|head|body)[\s>/]", re.I)
_COMMON_TAG = lazy_re(
    r"<(div|p|a\s+href|span|br|li|ul|table|script|meta|link|h[1-6])[\s>/=]", re.I)
_END_TAG = lazy_re(r"</[a-z][a-z0-9]*\s*>", re.I)


def _looks_like_html(text: str) -> bool:
    """HTML if its first 2 KB (after white space) hold a document tag, or open with markup and
    hold several common tags of more than one kind or with an end tag. (Text dumps that mark
    paragraphs with a bare "<p>", as CleanEval's do, stay text, and so does a browser's text
    of a page that prints markup as text: an escaped `<noscript>` notice, a code sample.)"""
    head = text[:65_536].lstrip()[:2048]
    if _HTML_START.search(head):
        return True
    if not head.startswith("<"):
        return False
    tags = [name.lower() for name in _COMMON_TAG.findall(head)]
    return len(tags) >= 3 and (len(set(tags)) > 1 or _END_TAG.search(head) is not None)


# ── HTML → text ──────────────────────────────────────────────────────────────────────────────

#: Elements the default style sheet does not render (display: none).
_SKIP = frozenset({
    "head", "title", "script", "style", "template", "noembed", "noframes", "datalist", "rp",
})
#: Replaced elements: an inline box of their own, with no text content.
_REPLACED = frozenset({
    "img", "svg", "iframe", "textarea", "video", "audio", "input", "embed", "meter", "progress",
})
#: `display` in the browser's default style sheet, for the elements that are not inline.
_TAG_DISPLAY = {
    **dict.fromkeys((
        "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog",
        "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "frameset",
        "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "listing",
        "main", "menu", "nav", "ol", "optgroup", "option", "p", "plaintext", "pre", "search",
        "section", "summary", "ul", "xmp",
    ), "block"),
    "li": "list-item", "table": "table", "caption": "table-caption", "thead": "table-header-group",
    "tbody": "table-row-group", "tfoot": "table-footer-group", "tr": "table-row",
    "td": "table-cell", "th": "table-cell", "button": "inline-block", "select": "inline-block",
    "marquee": "inline-block",
}
#: Values of `display` that make a block-level box: a line of its own.
_BLOCK_DISPLAY = frozenset({
    "block", "flex", "grid", "list-item", "table", "table-caption", "flow-root", "-webkit-box",
    "-ms-flexbox",
})
#: Values of `display` that make an atomic inline box: white space does not collapse across it.
_ATOMIC_DISPLAY = frozenset({
    "inline-block", "inline-flex", "inline-grid", "inline-table", "-webkit-inline-box",
})
#: Values of `display` whose children are "blockified": flex and grid items are block-level.
_BLOCKIFYING = frozenset({
    "flex", "grid", "inline-flex", "inline-grid", "-webkit-box", "-webkit-inline-box",
    "-ms-flexbox",
})
_ROW_GROUPS = frozenset({"table-header-group", "table-row-group", "table-footer-group"})
_PREFORMATTED = frozenset({"pre", "listing", "xmp", "plaintext"})

# What an element adds around its content (a paragraph and a block double as the number of
# newlines the innerText algorithm requires around them).
_INLINE, _BLOCK, _PARAGRAPH, _CELL, _ROW, _ATOMIC = 0, 1, 2, 3, 4, 5
_BOXED = frozenset({_BLOCK, _PARAGRAPH, _ATOMIC})  # the boxes `Layout` records: text breaks around them

_Context = tuple[bool, bool, bool, str | None]  # blockify children, pre, visible, text-transform

_COLLAPSIBLE = " \t\n\r\f"  # CSS collapsible white space (NBSP is not)
#: Runs of collapsible white space other than a lone space, which needs no change.
_SPACES = lazy_re(r" [ \t\n\r\f]+|[\t\n\r\f][ \t\n\r\f]*")
#: A numeric character reference to a code point up to U+001F (decimal or hex, any zeros
#: before it, with or without its ";"): what can put a C0 control into the rendered text.
_C0_REFERENCE = lazy_re(r"&#(?:[xX]0*1?[0-9a-fA-F](?![0-9a-fA-F])|0*(?:[12]?[0-9]|3[01])(?![0-9]))")
_WORD_START = lazy_re(r"(?<![\w'’])\w")
_LANG = lazy_re(r"\s*([a-z]{2,3})(?![a-z])", re.I)
_REGIONAL = lazy_re(r"\s*([a-z]{2,3})[-_]([a-z]{2})(?![a-z0-9])", re.I)  # "en-US", "pt_BR"
_CANONICAL = 'link[rel~="canonical" i], meta[property="og:url" i]'  # read: href, content


def html_to_text(html: str, *, reveal: bool = False) -> tuple[str, str | None, str | None, str | None]:
    """Convert an HTML document to (text, title, lang, canonical URL): see `render_html`."""
    rendered = render_html(html, reveal=reveal)
    return rendered.text, rendered.title, rendered.lang, rendered.url


class Rendered(NamedTuple):
    """An HTML document as text, with what the page says about itself."""

    text: str
    title: str | None
    lang: str | None
    url: str | None  # canonical URL
    layout: Layout | None  # its block boxes over `text` (None when the text had to be cleaned)


def render_html(html: str, *, reveal: bool = False, parsed: ParsedHTML | None = None) -> Rendered:
    """Convert an HTML document to text, title, lang, canonical URL and block layout.

    With `reveal`, what the page's own CSS hides (`display: none`, `visibility: hidden` in
    its style sheets and `style` attributes: a paywall's styling) is rendered too; what HTML
    itself does not render (below) stays out.

    The text emulates Chromium's `document.body.innerText` with JavaScript off and no
    network, so only the page's own `<style>` elements and `style` attributes apply: one
    line per block-level box, a blank line around paragraphs, inline elements glued without
    added spaces ("21 mins ago" + "11:48" → "21 mins ago11:48"), white space collapsed,
    tabs between table cells, `<br>` as a newline, `<pre>` kept as it is.

    Not rendered, so dropped: head, script, style, template, the content of replaced
    elements (svg, iframe, textarea, video...), `hidden` elements, content hidden by CSS
    (see `css.Styles` for how much CSS is understood) and a closed `<details>` but its summary.
    Kept: `<noscript>` (rendered when JavaScript is off), `aria-hidden` content and the
    options of a `<select>`, one per line. Images add nothing (not even their alt text).

    Parsed by selectolax's lexbor backend with scripting off, as the browser parsed it:
    about 3 ms for the 1.3 MB corpus page, whose whole conversion takes about 15 ms. (The
    Modest backend is gone from selectolax 1.0: importing it raises, so there was no other
    to measure.) `parsed` is the document parsed by `htmltree.parse_html` (nesting deeper than
    a browser's cap flattened), when the caller has it; else `html` is parsed here. The tree
    is only read, never changed: one tree serves the visible and the revealed text, and the
    page's style declarations, read on the first rendering, are kept in `parsed` for the
    second. The tree is walked with an explicit stack.
    """
    if parsed is None:
        parsed = parse_html(html)
    tree = parsed.tree
    body = tree.body
    text, layout = "", None
    if body is not None:
        if parsed.classes is None:
            parsed.classes = class_attributes(tree)
        styles = Styles(tree, reveal=reveal, declared=parsed.styles, classes=parsed.classes)
        parsed.styles = styles.declared
        if reveal and not styles.ignored and parsed.visible is not None:
            return parsed.visible  # the page's CSS hides nothing: revealing changes nothing
        if parsed.closed is None:
            parsed.closed = _closed_details(body)
        lines = _Lines(styles.computed(), parsed.closed, parsed.classes)
        text = lines.render(body)
        layout = lines.layout()
    # Control characters were removed from the input: only numeric character references to
    # them make more (most pages hold "&#" references, few to a C0 control).
    if parsed.c0_reference is None:
        parsed.c0_reference = "&#" in html and _C0_REFERENCE.search(html) is not None
    cleaned = _clean(text, controls=parsed.c0_reference)
    if len(cleaned) != len(text):
        layout = None  # its offsets no longer hold
    seen = parsed.visible  # the same tree says the same about itself, revealed or not
    about = seen[1:4] if seen is not None else (_title(tree), _declared_lang(tree), _canonical_url(tree))
    rendered = Rendered(cleaned, *about, layout)
    if not reveal:
        parsed.visible = rendered
    return rendered


def _closed_details(body: LexborNode) -> set[int]:
    """mem_ids of the children of a closed `<details>`, but its summary."""
    closed: set[int] = set()
    for details in body.css("details:not([open])"):
        summary_seen = False
        for child in details.iter(include_text=True):
            if child.tag == "summary" and not summary_seen:
                summary_seen = True
            else:
                closed.add(child.mem_id)
    return closed


class _Lines:
    """Builds innerText-like text from a walk over the tree.

    As in the innerText algorithm, blocks require line breaks around them (2 around a
    paragraph, 1 around other blocks): a run of requirements becomes as many newlines as
    the largest and vanishes at the start and end, while a `<br>` is a literal newline.
    White space collapses as CSS collapses it, so not across an atomic inline box (an
    image, a button, an inline-block): "ago <img> 50" keeps both spaces.
    """

    def __init__(self, styles: dict[int, Computed], closed: set[int], classes: dict[int, str]) -> None:
        self.styles = styles
        self.closed = closed
        self.classes = classes  # mem_id → class attribute (`css.class_attributes`)
        self.out: list[str] = []
        self.run: list[str] = []  # collapsible text not yet flushed
        self.required = 0  # the line breaks required since the last text
        self.strip_left = True  # at the start of a line, a cell or an inline-block
        self.length = 0  # characters emitted so far
        # Block and inline-block boxes (see `Layout`), and the boxes open now.
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.parents: list[int] = []
        self.shapes: list[str] = []
        self.open_boxes: list[int] = [-1]
        self.mark_at: list[int] = []
        self.mark_box: list[int] = []

    def render(self, root: LexborNode) -> str:
        """Walk `root`'s subtree in document order, iteratively.

        The common steps (a text node, an inline element, a block, a paragraph) are written
        out here rather than in method calls: the walk visits every node of the page.
        """
        styles = self.styles.get
        closed = self.closed
        run = self.run  # cleared in place by `flush`, never replaced
        box_classes = self.classes.get
        parents, open_boxes, starts, ends, shapes = self.parents, self.open_boxes, self.starts, self.ends, self.shapes
        stack: list[tuple[int, _Context]] = []  # per open element: its kind, its parent's context
        context: _Context = (False, False, True, None)
        node = root.child
        while node is not None:
            tag = node.tag or ""
            if tag == "-text":
                if context[2] and not (closed and node.mem_id in closed):
                    text = node.text_content or ""
                    if context[3] is not None:
                        text = _transform(text, context[3])
                    if not context[1]:
                        run.append(text)
                    elif text:
                        self.flush(line_end=False)
                        self.emit(text)
            elif tag[:1] != "-" and tag not in _SKIP:  # an element, not a comment
                mem_id = node.mem_id
                style = styles(mem_id)
                if style is None and not context[0]:  # most elements: a default box, in flow
                    kind = _TAG_KIND.get(tag, _INLINE) if context[2] else _INLINE
                    inner = context if context[1] or tag not in _PREFORMATTED else (False, True, *context[2:])
                else:
                    kind, inner = _element_box(tag, style, context)
                if kind is not None and not (closed and mem_id in closed):
                    if kind == _BLOCK or kind == _PARAGRAPH:  # as `open` does, written out
                        if run:  # at a line's end, white space alone (indentation) adds nothing
                            if len(run) == 1 and not run[0].strip(_COLLAPSIBLE):
                                run.clear()
                            else:
                                self.flush(line_end=True)
                        self.strip_left = True
                        if kind > self.required:
                            self.required = kind
                    elif kind != _INLINE or tag == "br":
                        self.open(kind, tag == "br" and inner[2])
                    child = node.child
                    if child is not None and tag not in _REPLACED:
                        if kind in _BOXED:  # a box of the layout opens: shaped by its first class
                            classes = box_classes(mem_id) if tag != "p" else None
                            first = classes.split(None, 1) if classes else None
                            parents.append(open_boxes[-1])
                            open_boxes.append(len(starts))
                            starts.append(self.length)
                            ends.append(self.length)
                            shapes.append(f"{tag}.{first[0]}" if first else tag)
                        stack.append((kind, context))
                        context = inner
                        node = child
                        continue
                    if kind != _INLINE:
                        self.close(kind, node)
            # Nothing to enter: on to the next sibling, closing the ancestors that end here.
            sibling = node.next
            while sibling is None:
                if not stack:  # back at `root`
                    return self.result()
                node = node.parent
                kind, context = stack.pop()
                if kind == _BLOCK or kind == _PARAGRAPH:  # as `close` does, written out
                    if run:
                        if len(run) == 1 and not run[0].strip(_COLLAPSIBLE):
                            run.clear()
                        else:
                            self.flush(line_end=True)
                    self.strip_left = True
                    if kind > self.required:
                        self.required = kind
                elif kind != _INLINE:
                    self.close(kind, node)
                if kind in _BOXED:
                    ends[open_boxes.pop()] = self.length
                sibling = node.next
            node = sibling
        return self.result()

    def layout(self) -> Layout:
        return Layout(tuple(self.starts), tuple(self.ends), tuple(self.parents), tuple(self.shapes),
                      tuple(self.mark_at), tuple(self.mark_box))

    def open(self, kind: int, line_break: bool) -> None:
        if kind == _BLOCK or kind == _PARAGRAPH:
            self.block(kind)
        elif kind == _ATOMIC:
            self.flush(line_end=False)
            self.strip_left = True
        elif line_break:
            self.line_break()

    def close(self, kind: int, node: LexborNode) -> None:
        if kind == _BLOCK or kind == _PARAGRAPH:
            self.block(kind)
        elif kind == _ATOMIC:
            self.flush(line_end=True)
            self.strip_left = False
        elif kind == _CELL:
            self.flush(line_end=True)
            if self.followed_by(node, ("table-cell",)):  # a tab between cells, not after the last
                self.emit("\t")
        elif kind == _ROW:
            self.flush(line_end=True)
            if self.followed_by(node, ("table-row",)) or self.row_group_follows(node):
                self.line_break()  # a newline between rows, not after the last

    def followed_by(self, node: LexborNode, displays: Collection[str]) -> bool:
        """Whether a later sibling of `node` is displayed as one of `displays`."""
        sibling = node.next
        while sibling is not None:
            tag = sibling.tag or ""
            if tag[:1] != "-" and _display(tag, self.styles.get(sibling.mem_id)) in displays:
                return True
            sibling = sibling.next
        return False

    def row_group_follows(self, row: LexborNode) -> bool:
        """Whether the rows after `row`'s group (a thead, tbody...) continue its table."""
        group = row.parent
        if group is None or _TAG_DISPLAY.get(group.tag or "") not in _ROW_GROUPS:
            return False
        return self.followed_by(group, _ROW_GROUPS)

    def flush(self, *, line_end: bool) -> None:
        """Collapse the pending inline text; strip spaces at line, cell and box edges."""
        if not self.run:
            return
        text = "".join(self.run)
        self.run.clear()
        if not text.strip(_COLLAPSIBLE):  # only white space (the indentation between blocks)
            if text and not self.strip_left and not line_end:
                self.emit(" ")
            return
        if "  " in text or not text.isprintable():  # else no run to collapse: spare the regex
            text = _SPACES.sub(" ", text)
        if self.strip_left:
            text = text.lstrip(" ")
        if line_end:
            text = text.rstrip(" ")
        if text:
            self.emit(text)

    def emit(self, text: str) -> None:
        if self.required:
            if self.out:
                self.out.append("\n" * self.required)
                self.length += self.required
            self.required = 0
        box = self.open_boxes[-1]
        if not self.mark_box or self.mark_box[-1] != box:
            self.mark_at.append(self.length)
            self.mark_box.append(box)
        self.strip_left = text[-1] in "\t\n"
        self.out.append(text)
        self.length += len(text)

    def end_line(self) -> None:
        self.flush(line_end=True)
        self.strip_left = True

    def block(self, breaks: int) -> None:
        self.end_line()
        self.required = max(self.required, breaks)

    def line_break(self) -> None:
        self.end_line()
        self.emit("\n")

    def result(self) -> str:
        self.end_line()
        return "".join(self.out)


def _display(tag: str, style: Computed | None) -> str:
    """An element's `display`: from the page's CSS, else the default style sheet's."""
    return (style and style[0]) or _TAG_DISPLAY.get(tag, "inline")


def _element_box(tag: str, style: Computed | None, outer: _Context) -> tuple[int | None, _Context]:
    """An element's box kind (None: not rendered, `display: none`) and the context it sets for
    its children: inherited properties, and flex or grid items made blocks."""
    display = (style and style[0]) or _TAG_DISPLAY.get(tag, "inline")
    if display == "none":
        return None, outer
    blockify, pre, visible, transform = outer
    if style is not None:
        if style[1] is not None:
            visible = style[1] == "visible"
        if style[2] is not None:
            transform = style[2]
        blockify = blockify or style[3]
    kind = _box_kind(tag, display, blockify) if visible else _INLINE
    return kind, (display in _BLOCKIFYING, pre or tag in _PREFORMATTED, visible, transform)


def _box_kind(tag: str, display: str, blockified: bool) -> int:
    if tag == "p":
        return _PARAGRAPH  # innerText puts a blank line around every rendered <p>
    if blockified or display in _BLOCK_DISPLAY:
        return _BLOCK
    if display == "table-cell":
        return _CELL
    if display == "table-row":
        return _ROW
    return _ATOMIC if display in _ATOMIC_DISPLAY or tag in _REPLACED else _INLINE


#: The box of an element that the page's CSS leaves alone, outside flex and grid (default: inline).
_TAG_KIND = {tag: _box_kind(tag, _TAG_DISPLAY.get(tag, "inline"), False) for tag in (*_TAG_DISPLAY, *_REPLACED, "p")}


def _transform(text: str, transform: str | None) -> str:
    """Apply CSS text-transform, as innerText does."""
    if transform is None or transform == "none":
        return text
    if transform == "uppercase":
        return text.upper()
    if transform == "lowercase":
        return text.lower()
    return _WORD_START.sub(lambda match: match.group().upper(), text)  # capitalize


# ── page metadata ────────────────────────────────────────────────────────────────────────────


def _title(tree: LexborHTMLParser) -> str | None:
    node = tree.css_first("head > title") or tree.css_first("title:not(svg *)")
    title = _SPACES.sub(" ", node.text()).strip() if node is not None else ""
    return title or None


def _declared_lang(tree: LexborHTMLParser) -> str | None:
    root = tree.root
    if root is None:
        return None
    attributes = root.attributes
    return _primary_tag(attributes.get("lang") or attributes.get("xml:lang") or "")


def _declared_locale(tree: LexborHTMLParser, lang: str | None) -> str | None:
    """The page's language tag with its region: `<html lang="en-US">`, else `og:locale`
    ("en_US") when it is of the declared language (a CMS's default "en_US" on a German page
    is not); None when neither names a region."""
    root = tree.root
    if root is not None:
        attributes = root.attributes
        tag = _regional_tag(attributes.get("lang") or attributes.get("xml:lang") or "")
        if tag is not None:
            return tag
    node = tree.css_first('meta[property="og:locale" i]')
    tag = _regional_tag(node.attributes.get("content") or "") if node is not None else None
    return tag if tag is not None and lang in (None, tag.split("-")[0]) else None


def _regional_tag(value: str) -> str | None:
    """"en-us", "en_US" → "en-US"; None for a tag without a two-letter region ("en", "zh-Hant")."""
    match = _REGIONAL.match(value)
    return f"{match.group(1).lower()}-{match.group(2).upper()}" if match else None


def _primary_tag(value: str) -> str | None:
    """The BCP 47 primary language subtag, lower-cased: "en-GB" → "en"."""
    match = _LANG.match(value)
    return match.group(1).lower() if match else None


def _canonical_url(tree: LexborHTMLParser) -> str | None:
    """`<link rel=canonical>` or else `og:url`; an absolute URL wins over a relative one."""
    first: dict[str, str] = {}  # tag → its first element's URL: the first link, the first meta
    for node in tree.css(_CANONICAL):  # both selectors in one walk of the tree
        tag = node.tag or ""
        if tag not in first:
            first[tag] = (node.attributes.get("href" if tag == "link" else "content") or "").strip()
    found = [url for url in (first.get("link"), first.get("meta")) if url]
    absolute = [url for url in found if url.lower().startswith(("http://", "https://"))]
    return (absolute or found or [None])[0]
