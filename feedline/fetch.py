"""Fetching a page over HTTP(S), for `extract URL`, `ingest URL` and `watch`.

    Fetcher(Limits()).fetch(url, Validators(etag, last_modified)) -> Fetched (200 or 304)

One GET with httpx (imported here, only when a URL is fetched): a User-Agent naming feedline
and its version, redirects followed up to `Limits.max_redirects`, the whole fetch bounded by
`Limits.timeout` seconds, the body streamed and cut off after `Limits.max_bytes` (decoded
bytes: a gzip bomb stops there too). With validators (the ETag and Last-Modified of the
last 200, kept in the store) the request is conditional: an unchanged page is a 304 and no
body. The capture time is the response's `Date` header (when the server produced the page),
else this machine's clock. Everything that goes wrong is one `NetworkError` line (exit 69);
a malformed URL is an `InputError` (exit 3).
"""
from __future__ import annotations

import re
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

from feedline import __version__
from feedline.errors import InputError, NetworkError, outside_now_years

if TYPE_CHECKING:
    import httpx

USER_AGENT = f"feedline/{__version__} (news timeline extractor)"
_URL = re.compile(r"(?i)https?://\S")
_SINGLE_BYTE = {"latin-1", "iso8859-1", "cp1252", "windows-1252", "ascii", "us-ascii", "iso-8859-1", "iso8859-15"}


def is_url(text: str) -> bool:
    """True for an http:// or https:// URL (what feedline fetches instead of reading a file)."""
    return bool(_URL.match(text.strip()))


@dataclass(frozen=True, slots=True)
class Limits:
    timeout: float = 30.0  # seconds for the whole fetch: connecting, redirects, the body
    max_redirects: int = 5
    max_bytes: int = 20_000_000  # of the (decoded) body; the rest is cut off


@dataclass(frozen=True, slots=True)
class Validators:
    """What the last 200 of a URL said, sent back to make the request conditional."""

    etag: str | None = None
    last_modified: str | None = None

    def headers(self) -> dict[str, str]:
        """The conditional headers; a validator that is not printable ASCII (a server's
        odd bytes, kept in the store) is left out: the request is then less conditional."""
        found = {}
        if self.etag and _header_safe(self.etag):
            found["If-None-Match"] = self.etag
        if self.last_modified and _header_safe(self.last_modified):
            found["If-Modified-Since"] = self.last_modified
        return found


def _header_safe(value: str) -> bool:
    return value.isascii() and value.isprintable() and len(value) <= 1000


@dataclass(frozen=True, slots=True)
class Fetched:
    """A server's answer: a page (200) or "unchanged" (304, no body)."""

    url: str  # as requested
    final_url: str  # after redirects
    status: int  # 200 or 304
    data: bytes | None  # the body (None for 304)
    charset: str | None  # the charset to read it with (see `body_charset`), None: detect
    captured_at: datetime  # aware (UTC): the Date header, else this machine's clock
    dated: bool  # True when captured_at is the response's Date header
    etag: str | None = None
    last_modified: str | None = None
    truncated: bool = False  # the body was longer than Limits.max_bytes and is cut off there

    @property
    def unchanged(self) -> bool:
        return self.status == 304


class Fetcher:
    """An HTTP client for many fetches (connections are reused); close it, or use `with`."""

    def __init__(self, limits: Limits = Limits(), *, transport: Any = None) -> None:
        import httpx

        self.limits = limits
        self._httpx = httpx
        self.client = httpx.Client(
            headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5"},
            follow_redirects=True, max_redirects=limits.max_redirects, timeout=httpx.Timeout(limits.timeout),
            transport=transport,
        )

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.client.close()

    def fetch(self, url: str, validators: Validators | None = None) -> Fetched:
        """GET `url` (conditional with `validators`). Raises NetworkError, or InputError for a
        URL that is no valid http(s) URL."""
        httpx = self._httpx
        url = url.strip()
        conditional = validators.headers() if validators else {}
        try:
            parsed = httpx.URL(url)
        except (httpx.InvalidURL, TypeError, ValueError) as error:
            raise InputError(f"cannot fetch {url!r}: not a valid URL ({_reason(error)})") from None
        if parsed.scheme not in ("http", "https") or not parsed.host or not 0 < (parsed.port or 80) < 65536:
            raise InputError(f"cannot fetch {url!r}: not an http(s) URL with a host (and a port up to 65535)")
        started = time.monotonic()
        try:
            with self.client.stream("GET", parsed, headers=conditional) as response:
                return self._answer(url, response, bool(conditional), started)
        except (httpx.InvalidURL, httpx.UnsupportedProtocol) as error:  # the URL was checked: a redirect's
            raise NetworkError(f"cannot fetch {url!r}: a redirect leads to an address feedline cannot fetch "
                               f"({_reason(error)})") from None
        except httpx.TooManyRedirects:
            raise NetworkError(f"cannot fetch {url!r}: more than {self.limits.max_redirects} redirects") from None
        except httpx.TimeoutException:
            raise NetworkError(f"cannot fetch {url!r}: no answer within {self.limits.timeout:g} s (timeout)") from None
        except httpx.ConnectError as error:
            raise NetworkError(f"cannot fetch {url!r}: cannot connect ({_reason(error)})") from None
        except httpx.HTTPError as error:  # broken answers: protocol errors, bad compression, ...
            raise NetworkError(f"cannot fetch {url!r}: a broken answer ({type(error).__name__}: {_reason(error)})") \
                from None

    def _answer(self, url: str, response: httpx.Response, conditional: bool, started: float) -> Fetched:
        status = response.status_code
        final = str(response.url)
        if status == 304 and conditional:
            return Fetched(url, final, 304, None, None, *_capture(response), etag=response.headers.get("ETag"),
                           last_modified=response.headers.get("Last-Modified"))
        if status not in (200, 203):
            phrase = _reason_phrase(response)
            why = "the page was not found or is not allowed" if 400 <= status < 500 else (
                "the server failed" if status >= 500 else "no page in the answer")
            raise NetworkError(f"cannot fetch {url!r}: the server answered {status} {phrase} ({why})")
        data, truncated = self._body(url, response, started)
        return Fetched(url, final, 200, data, body_charset(response.charset_encoding, data), *_capture(response),
                       etag=response.headers.get("ETag"), last_modified=response.headers.get("Last-Modified"),
                       truncated=truncated)

    def _body(self, url: str, response: httpx.Response, started: float) -> tuple[bytes, bool]:
        """The body, streamed: at most max_bytes of it, within the fetch's time."""
        limit = self.limits.max_bytes
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            if time.monotonic() - started > self.limits.timeout:
                raise NetworkError(f"cannot fetch {url!r}: the page took longer than {self.limits.timeout:g} s "
                                   "to arrive (timeout)")
            if size + len(chunk) > limit:
                chunks.append(chunk[:limit - size])
                return b"".join(chunks), True
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks), False


def fetch(url: str, validators: Validators | None = None, limits: Limits = Limits()) -> Fetched:
    """One fetch with a client of its own (see `Fetcher.fetch`)."""
    with Fetcher(limits) as fetcher:
        return fetcher.fetch(url, validators)


def body_charset(declared: str | None, data: bytes) -> str | None:
    """The charset to decode a body with: the Content-Type's, unless it is a single-byte
    Latin charset (often a server's default, not the page's) and the body is valid UTF-8
    with non-ASCII characters, which a Latin text practically never is: then UTF-8. A
    charset that is wrong otherwise (the body is not valid in it) is dropped by the reader,
    which then tries the page's own declaration and detection (`feedline.read.decode`)."""
    if not declared:
        return None
    label = declared.strip().strip("\"'").lower()
    if label in _SINGLE_BYTE and not data.isascii():
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            return label
        return "utf-8"
    return label


def _capture(response: httpx.Response) -> tuple[datetime, bool]:
    """The Date header as an aware UTC time, else this machine's clock (and which one)."""
    from email.utils import parsedate_to_datetime

    value = response.headers.get("Date")
    if value:
        try:
            moment = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError, OverflowError):
            moment = None
        if moment is not None:
            moment = moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment.astimezone(timezone.utc)
            if not outside_now_years(moment):
                return moment, True
    return datetime.now(timezone.utc).replace(microsecond=0), False


def _reason_phrase(response: httpx.Response) -> str:
    phrase = " ".join(str(response.reason_phrase or "").split())[:60]
    return phrase if phrase.isprintable() else ""


def _reason(error: Exception) -> str:
    text = " ".join(str(error).split())[:160]
    return text or type(error).__name__
