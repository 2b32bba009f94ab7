"""A fuzz input decoded into a `Case`: which part of feedline to run, with which options, on what.

Raw input layout (what the fuzzer mutates): an 8-byte header, then the body.

    byte 0  target: extract (4 in 8), html (HTML reader), warc (archive reader + extract),
            ingest (2 in 8: into a scratch store, then export)
    1-3     --now: none (1 in 4), else an ISO string from extreme and ordinary years, odd
            offsets, impossible days; sometimes not ISO at all
    4       --tz (a list with odd zones, an unknown one, an empty one)
    5       --lang (bit 7: --with-hidden)
    6       output format; the file name ingest sees (names that carry a capture time)
    7       where the page comes from: the body itself, or a window of a shared page with the
            body spliced in (body bytes 0-3 pick page, offset, size); 255: a whole shared page

A `Case` holds the page bytes themselves (a shared page's window is read at decode time), so
a minimised case replays without ../shared.
"""
from __future__ import annotations

import base64
import json
from dataclasses import asdict, dataclass

from fuzzing.seeds import Pages

HEADER = 8
TARGETS = ("extract", "extract", "extract", "extract", "html", "warc", "ingest", "ingest")
FORMATS = ("json", "table", "jsonl", "csv", "markdown", "html")
YEARS = (1, 2, 999, 1000, 1752, 1899, 1900, 1901, 1970, 1999, 2000, 2001, 2023, 2024, 2038,
         2199, 2200, 2201, 9998, 9999)
OFFSETS = ("", "", "", "Z", "+00:00", "+05:15", "+05:30", "-03:30", "+14:00", "-12:00", "+12:45",
           "-00:01", "+23:59", "-23:59", "+00:00:22", "+01")
ZONES = (None, None, None, "UTC", "Europe/Kyiv", "Africa/Casablanca", "Pacific/Kiritimati",
         "America/St_Johns", "Asia/Kathmandu", "Australia/Lord_Howe", "America/Santiago", "Etc/GMT+12",
         "Etc/GMT-14", "Europe/London", "America/New_York", "Asia/Tokyo", "Europe/Berlin",
         "Antarctica/Troll", "America/Scoresbysund", "Pacific/Apia", "Europe/Dublin", "Asia/Tehran",
         "No/Such_Zone", "", "utc", "../etc/passwd", "Europe/Kyiv\x00", "EST5EDT", "Factory", "localtime")
LANGS = (None, None, None, "en", "de", "fr", "ru", "uk", "ja", "zh", "ar", "es", "pt-BR", "he", "fa",
         "tr", "pl", "xx", "", "EN-us", "zz-Latn-ZZ", "en\u202e", "1", "x" * 40)
NAMES = ("page.html", "feed-2023-10-03T1800.html", "snap/2024-02-29T23:59:59+05:15.html",
         "1700000000.txt", "a/b/live_20231003_180500.htm", "x-1900-01-01T00:00:22+05:15.html",
         "y-2200-12-31T23:59-12:00.txt", "z-2023-02-30T10:00.html", "-", "crawl.warc.gz#1234",
         "\u202egnp.html", "9999999999.html", "page-2023-10-03.html", "..html")
GARBAGE_NOW = ("now", "", " ", "2023-10-03", "T18:05", "2023-10-03T25:00", "2023-13-01T00:00",
               "+002023-10-03T18:05", "2023-10-03T18:05\x00", "２０２３-10-03T18:05", "2023-W40-2T18:05",
               "2023-10-03T18:05:00.123456789", "0000-01-01T00:00", "2023-10-03 18:05+99:99")


@dataclass(frozen=True)
class Case:
    target: str
    body: bytes
    now: str | None = None
    tz: str | None = None
    lang: str | None = None
    hidden: bool = False
    fmt: str = "json"
    name: str = "page.html"

    def to_json(self) -> str:
        data = asdict(self)
        body = data.pop("body")
        try:
            data["body"] = body.decode("utf-8")
        except UnicodeDecodeError:
            data["body_base64"] = base64.b64encode(body).decode("ascii")
        return json.dumps(data, ensure_ascii=True, indent=1) + "\n"

    @classmethod
    def from_json(cls, text: str) -> Case:
        """A case from `to_json`'s text; other keys (a regression file's notes) are ignored."""
        data = {k: v for k, v in json.loads(text).items() if k in _FIELDS}
        if "body_base64" in data:
            body = base64.b64decode(data.pop("body_base64"))
        else:
            body = data.pop("body").encode("utf-8")
        return cls(body=body, **data)


_FIELDS = {"target", "body", "body_base64", "now", "tz", "lang", "hidden", "fmt", "name"}


def _now(b1: int, b2: int, b3: int) -> str | None:
    if b1 % 8 < 2:
        return None
    if b1 % 8 == 7 and b2 >= 224:
        return GARBAGE_NOW[b3 % len(GARBAGE_NOW)]
    year = YEARS[b2 % len(YEARS)] if b1 & 0x80 else 1900 + (b2 * 7 + b3) % 301
    month, day = 1 + b3 % 12, 1 + (b1 >> 3) % 31
    hour, minute, second = b2 % 24, b3 % 60, (b1 * b2) % 60
    offset = OFFSETS[(b3 >> 4) % len(OFFSETS)]
    return f"{year:04d}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}:{second:02d}{offset}"


def decode(raw: bytes, pages: Pages | None = None) -> Case:
    """The case that `raw` (a fuzzer's bytes) stands for."""
    head = raw[:HEADER].ljust(HEADER, b"\0")
    body = raw[HEADER:]
    source = head[7]
    if pages is not None and len(pages) and source % 8 >= 4 and len(body) >= 4:
        index = body[0] | body[1] << 8
        if source == 255:
            page = pages.get(index)
        else:
            page = pages.window(index, body[2] / 255, 256 << (body[3] % 5))
        cut = len(page) * (body[3] >> 3) // 31
        body = page[:cut] + body[4:] + page[cut:]
    return Case(
        target=TARGETS[head[0] % len(TARGETS)],
        body=body,
        now=_now(head[1], head[2], head[3]),
        tz=ZONES[head[4] % len(ZONES)],
        lang=LANGS[head[5] % len(LANGS)],
        hidden=bool(head[5] & 0x80),
        fmt=FORMATS[head[6] % len(FORMATS)],
        name=NAMES[(head[6] >> 3) % len(NAMES)],
    )
