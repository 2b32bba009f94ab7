"""Run a `Case` against feedline and judge it.

A `Finding` is raised for:
- an unexpected exception: anything but the documented `FeedlineError` family; of that
  family only `InputError` and `PartlyReadError` are answers here (input that cannot be
  read). An `ExtractionError` is how a run of many pages reports a bug, a `StoreError` from
  the private scratch store one too, and a `UsageError` raised after the options were
  accepted means two checks disagree (e.g. on a capture time that converts to another year);
- unsafe characters in an output (`UNSAFE`: terminal escapes and other controls, bidi and
  invisible format characters, lone surrogates, raw U+2028/U+2029), or JSON that does not parse;
- an archive cut inside a record (`wrap_warc`) read without a word of damage;
- a page extracted twice that renders differently (one extract case in eight), a page
  ingested twice that is stored twice;
- a hang: `engine` interrupts a case that runs past its CPU-time limit (`Hang`).

The options go through the CLI's own parsers (`cli_support.parse_now`, `parse_tz`, the
--lang pattern): values they reject with a `UsageError` end the case there, as they end a
command.
"""
from __future__ import annotations

import json
import re
import traceback
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from feedline import cli_support
from feedline.errors import InputError, PartlyReadError, UsageError, check_language_tag
from feedline.render import render
from feedline.render._text import BIDI, INVISIBLE

from fuzzing.case import Case

UNSAFE = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff{BIDI}{INVISIBLE}]")
_ANSWERS = (InputError, PartlyReadError)  # a page that cannot be read is told so: not a finding
_CHARSETS = (None, "utf-8", "iso-8859-1", "windows-1251", "shift_jis", "utf-16", "x-unknown", "utf-7",
             "\u202eutf-8", "koi8-u", "gb18030", "euc-kr", "utf-8; q=1", "", "ascii")


class Hang(BaseException):
    """Raised into a case that ran past its time limit (a BaseException: `except Exception`
    inside feedline must not swallow it)."""


class Finding(Exception):
    def __init__(self, kind: str, signature: str, detail: str) -> None:
        super().__init__(f"{kind}: {signature}")
        self.kind, self.signature, self.detail = kind, signature, detail


class Options:
    """The case's options as the CLI parses them; `None` from `parse` when it rejects them."""

    def __init__(self, now: datetime | None, tz: str | None, lang: str | None) -> None:
        self.now, self.tz, self.lang = now, tz, lang

    @classmethod
    def parse(cls, case: Case) -> Options | None:
        try:
            tz = cli_support.parse_tz(case.tz)
            now = cli_support.parse_now(case.now, tz)
            check_language_tag(case.lang, "--lang")
        except UsageError:
            return None
        return cls(now, tz, case.lang)


class Runner:
    """Runs cases; `store_dir` holds the scratch store of the ingest target."""

    def __init__(self, store_dir: Path) -> None:
        self.store_dir = store_dir
        self._store = None
        self._ingested = 0

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    def run(self, case: Case) -> None:
        """Run `case`: a `Finding` if it shows a bug; `Hang` passes through."""
        try:
            options = Options.parse(replace(case, now=None) if _warc_date_only(case) else case)
            if options is None:
                return
            getattr(self, f"_{case.target}")(case, options)
        except Finding:
            raise
        except _ANSWERS:
            return
        except UsageError as error:  # the options were accepted: this one came from deeper
            raise Finding("usage-after-accept", signature(error), _trace(error)) from None
        except Exception as error:  # noqa: BLE001 - that is what the fuzzer looks for
            raise Finding("exception", signature(error), _trace(error)) from None

    # ── targets ─────────────────────────────────────────────────────────────────────────

    def _extract(self, case: Case, options: Options) -> None:
        from feedline.pipeline import extract

        timeline = extract(case.body, now=options.now, tz=options.tz, lang=options.lang, hidden=case.hidden,
                           explain=case.hidden)
        shown = render(timeline, case.fmt, explain=case.hidden, width=_width(case))
        check_output(shown, case.fmt)
        if len(case.body) % 8 == 0:  # one case in eight, twice: the same page, the same answer
            from feedline.memo import clear

            clear()  # read as new: every stage runs again
            again = extract(case.body, now=options.now, tz=options.tz, lang=options.lang, hidden=case.hidden,
                            explain=case.hidden)
            if render(again, case.fmt, explain=case.hidden, width=_width(case)) != shown:
                raise Finding("nondeterministic", "nondeterministic@extract", "a second extraction differs")

    def _html(self, case: Case, options: Options) -> None:
        from feedline.read import read_page, render_html

        render_html(case.body.decode("utf-8", "replace"), reveal=case.hidden)
        read_page(case.body, name=case.name, lang=options.lang, charset=_charset(case))

    def _warc(self, case: Case, options: Options) -> None:
        from feedline.inputs import ArchivePage, _capture_time, archive_pages
        from feedline.pipeline import extract
        from feedline.read import read_page

        data, damaged = _archive_and_damage(case)
        last = None
        for item in archive_pages("fuzz.warc", data):
            last = item
            if not isinstance(item, ArchivePage):
                continue
            try:
                page = read_page(item.data, name=item.name, lang=options.lang, charset=item.charset)
            except InputError:
                continue
            if item.url:
                page = replace(page, url=item.url)
            now = options.now if options.now is not None else _capture_time(item.captured, options.tz)  # as inputs._extract
            timeline = extract(page, now=now, tz=options.tz, lang=options.lang, hidden=case.hidden, explain=case.hidden)
            check_output(render(timeline, case.fmt, explain=case.hidden, width=_width(case)), case.fmt)
        if damaged and type(last).__name__ != "Failed":
            raise Finding("silent-damage", "silent-damage@warc",
                          f"an archive cut inside a record read without a word of damage: {last!r}"[:2000])

    def _ingest(self, case: Case, options: Options) -> None:
        from feedline.ingest import PageInput, archive_page, extractor, file_capture, ingest_page, page_key
        from feedline.store import Query, Store
        from feedline.store_cli import render_export

        if self._store is None or self._ingested >= 300:  # a fresh store now and then: bounded size
            self.close()
            self.store_dir.mkdir(parents=True, exist_ok=True)
            for old in self.store_dir.glob("fuzz.db*"):
                old.unlink()
            self._store = Store.open(self.store_dir / "fuzz.db", wait=5)
            self._ingested = 0
        self._ingested += 1
        store = self._store
        run_id = store.start_run(["fuzz"], "fuzz")
        run = extractor(options.lang)
        if case.hidden:  # the pages of an archive, as ingest.collect_pages reads them
            from feedline.inputs import ArchivePage, archive_pages

            archive = PageInput("fuzz.warc", *file_capture("fuzz.warc", options.now, False))
            for item in archive_pages("fuzz.warc", _archive(case)):
                if isinstance(item, ArchivePage):
                    ingest_page(store, archive_page(item, archive), run, tz=options.tz, run_id=run_id)
        else:
            page = PageInput(case.name, *file_capture(case.name, options.now, False), data=case.body)
            ingest_page(store, page, run, tz=options.tz, run_id=run_id)
            if not ingest_page(store, page, run, tz=options.tz, run_id=run_id).skipped:
                raise Finding("not-idempotent", "not-idempotent@ingest", "the same page ingested twice was stored twice")
        store.finish_run(run_id, "ok", [], 0)
        if case.fmt in ("json", "jsonl", "csv"):
            key = page_key(case.name)
            query = Query(feed=key)
            check_output(render_export(store.entries(query), case.fmt, query), case.fmt)


def _warc_date_only(case: Case) -> bool:
    """Whether the case's `now` is only its archive's WARC-Date (no --now given): archive cases
    without --with-hidden, and ingest of an archive when the file name's length is even."""
    return (case.target == "warc" and not case.hidden) or (
        case.target == "ingest" and case.hidden and len(case.name) % 2 == 0)


def wrap_warc(case: Case) -> bytes:
    """The case's body as a web archive: one to three records (the body split among them, the
    second a request record), each the HTTP response of the body's piece with the case's --now
    string as its WARC-Date and a charset from `_CHARSETS`; gzipped record by record when the
    body's length is a multiple of 3; cut short (damage) when the format is csv."""
    return _wrapped(case)[0]


def _wrapped(case: Case) -> tuple[bytes, bool]:
    """`wrap_warc`'s archive, and whether its cut falls inside a plain record's header or
    content (where the reader must report damage: not in the blank lines that end a record)."""
    count = 1 + len(case.name) % 3
    size = -(-len(case.body) // count) if case.body else 0
    pieces = [case.body[i * size:(i + 1) * size] for i in range(count)]
    records = [_record(case, piece, request=number == 1) for number, piece in enumerate(pieces)]
    zipped = len(case.body) % 3 == 0
    if zipped:
        import gzip

        records = [gzip.compress(record, mtime=0) for record in records]
    data = b"".join(records)
    if case.fmt != "csv":
        return data, False
    cut, start = len(data) * 3 // 4, 0
    for record in records:
        if start <= cut < start + len(record) - 4:
            return data[:cut], not zipped
        start += len(record)
    return data[:cut], False


def _record(case: Case, piece: bytes, *, request: bool) -> bytes:
    charset = _charset(case)
    if request:
        kind, http = "request", b"GET / HTTP/1.1\r\nHost: example.org\r\n\r\n" + piece
    else:
        content_type = "text/html" + (f"; charset={charset}" if charset is not None else "")
        kind, http = "response", f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\n\r\n".encode(
            "utf-8", "replace") + piece
    date = case.now if case.now is not None else "2023-10-03T18:05:00Z"
    head = (f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:fuzz>\r\n"
            f"WARC-Target-URI: https://example.org/{case.name}\r\nWARC-Date: {date}\r\n"
            f"Content-Type: application/http; msgtype={kind}\r\nContent-Length: {len(http)}\r\n\r\n")
    return head.encode("utf-8", "replace") + http + b"\r\n\r\n"


def _archive(case: Case) -> bytes:
    """The body itself when it looks like an archive, else the body wrapped as one."""
    return _archive_and_damage(case)[0]


def _archive_and_damage(case: Case) -> tuple[bytes, bool]:
    if case.body[:5] in (b"WARC/", b"filed") or case.body[:2] == b"\x1f\x8b":
        return case.body, False
    return _wrapped(case)


def check_output(text: str, fmt: str) -> None:
    """A `Finding` if `text` (an output in `fmt`) holds an unsafe character or is bad JSON."""
    allowed_cr = fmt == "csv"
    for match in UNSAFE.finditer(text):
        if allowed_cr and match.group() == "\r":
            continue
        start = max(0, match.start() - 30)
        raise Finding("leak", f"leak:{fmt}:U+{ord(match.group()):04X}",
                      f"U+{ord(match.group()):04X} in {fmt} output: {text[start:match.end() + 30]!r}")
    if "\t" in text and fmt not in ("csv",):
        raise Finding("leak", f"leak:{fmt}:tab", f"a tab in {fmt} output")
    try:
        if fmt == "json":
            json.loads(text)
        elif fmt == "jsonl":
            for line in text.splitlines():
                json.loads(line)
    except ValueError as error:
        raise Finding("bad-json", f"bad-json:{fmt}", f"{error}: {text[:300]!r}") from None


def _width(case: Case) -> int | None:
    return (None, 20, 40, 1000)[len(case.body) % 4] if case.fmt == "table" else None


def _charset(case: Case) -> str | None:
    return _CHARSETS[(len(case.name) + len(case.body)) % len(_CHARSETS)]


def signature(error: BaseException) -> str:
    """Type and innermost feedline frame of `error`: one finding per place, not per input."""
    place = "?"
    for frame in traceback.extract_tb(error.__traceback__):
        path = Path(frame.filename)
        if "feedline" in path.parts:
            place = f"{'/'.join(path.parts[path.parts.index('feedline'):])}:{frame.name}"
    return f"{type(error).__name__}@{place}"


def _trace(error: BaseException) -> str:
    return "".join(traceback.format_exception(type(error), error, error.__traceback__))[-4000:]
