"""Tokens the mutators insert: stamps, HTML and JSON-LD pieces, extreme dates, hostile characters.

The same list is libFuzzer's `-dict` file (`write_dict`) and the built-in mutator's vocabulary.
"""
from __future__ import annotations

from pathlib import Path

_TEXT = [
    # stamps and dates
    "10:05", "09:40 BST", "23:59", "00:00", "12:00 PM", "7.15am", "18.05 Uhr", "14h30", "3 mins ago",
    "1h ago", "2 hours ago", "vor 5 Minuten", "il y a 3 heures", "Updated", "Yesterday", "Today",
    "Oct 3, 2023", "3 October 2023", "29 February 2023", "31 April", "2023-10-03", "03.10.2023",
    "10/03/23", "Monday", "Tuesday, 3 October", "heute", "сегодня", "14 августа", "2023年10月3日",
    "午後3時", "오후 3:05", "+++", "Live", "BREAKING", "0001", "9999", "1899", "2200", "Dec 31, 9999",
    "Jan 1, 1 AD", "99:99", "25:61", "12:00 AM", "noon", "midnight", "GMT+14", "UTC-12", "(IST)", "EDT",
    # HTML
    "<li>", "</li>", "<ul>", "</ul>", "<ol>", "<div>", "</div>", "<span>", "<p>", "</p>", "<h2>", "</h2>",
    "<h3>", "<article>", "</article>", "<section>", "<details>", "<summary>", "<table><tr><td>",
    "</td><td>", "<br>", "<pre>", "</pre>", "<!--", "-->", "<html lang=\"", "<meta charset=\"",
    "<meta http-equiv=\"content-type\" content=\"text/html; charset=", "<link rel=\"canonical\" href=\"",
    "<time datetime=\"", "\">", "<style>", "</style>", "{display:none}", " style=\"display:none\"",
    "<script type=\"application/ld+json\">", "</script>", "<noscript>", "<template>", "<svg>", "<math>",
    "<![CDATA[", "<title>", "</title>", "<body>", "<head>", "<b>", "<i>", "<a href=\"", "\" hidden>",
    "@media (max-width: 600px){", "text-transform:uppercase", "::before{content:\"", "&#x202e;", "&#0;",
    "&nbsp;", "&amp;", "&#xD800;", "&#1114112;",
    # JSON-LD
    "{\"@context\":\"https://schema.org\",\"@type\":\"LiveBlogPosting\",\"liveBlogUpdate\":[",
    "{\"@type\":\"BlogPosting\",\"datePublished\":\"", "\"dateModified\":\"", "\"headline\":\"",
    "\"articleBody\":\"", "\"@graph\":[", "]}", "},{", "\"uploadDate\":\"", "\"inLanguage\":\"",
    "0001-01-01T00:00:00+14:00", "9999-12-31T23:59-12:00", "2023-10-03T18:05:00+99:99",
    "2023-10-03T18:05:00Z", "2023-10-03T18:05:00.000+05:30", "1900-01-01T00:00:22+05:15", "P1D",
    # sources
    " said", " according to ", " told Reuters", " — AP", " via ", " said in a statement", "sagte",
    "selon", "заявил", "Quelle:", "(AFP)", "Photo: ", "By ",
    # hostile characters
    "\u202e", "\u2066", "\u2069", "\u200f", "\u061c", "\x1b[31m", "\x1b]8;;http://x\x07", "\x1b[2J",
    "\x9b31m", "\u2028", "\u2029", "\ufeff", "\u00ad", "\u200b", "\U000e0041", "\x00", "\r\n", "\r",
    "\t", "\x0c", "[bold red]", "[/]", ":smile:", "=cmd|' /C calc'!A0", "\n\n\n\n",
    # archives
    "WARC/1.0\r\n", "WARC-Type: response\r\n", "WARC-Type: request\r\n", "WARC-Date: ",
    "WARC-Target-URI: ", "Content-Length: ", "Content-Type: application/http; msgtype=response\r\n",
    "HTTP/1.1 200 OK\r\n", "HTTP/1.1 301 Moved\r\nLocation: /\r\n", "Content-Type: text/html; charset=",
    "Transfer-Encoding: chunked\r\n", "Content-Encoding: gzip\r\n",
]
TOKENS: tuple[bytes, ...] = tuple(t.encode("utf-8") for t in _TEXT) + (
    b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf", b"\x80", b"\xc3", b"\xed\xa0\x80", b"\x1f\x8b", b"%PDF-",
)


def write_dict(path: Path) -> None:
    """`TOKENS` as a libFuzzer dictionary file."""
    lines = []
    for token in TOKENS:
        escaped = "".join(chr(b) if 32 <= b < 127 and b not in (34, 92) else f"\\x{b:02x}" for b in token)
        lines.append(f'"{escaped}"')
    path.write_text("\n".join(lines) + "\n", encoding="ascii")
