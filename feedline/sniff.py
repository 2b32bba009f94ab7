"""What a path or standard input holds: one page, or a web archive (WARC or ARC) of many.

Read by `inputs` (and `ingest`) and by the launcher's fast path, which decides from it
whether `feedline extract PATH` is a one-page run before anything else is imported.
"""
from __future__ import annotations

import os
import stat
import sys
from collections.abc import Sequence

SNIFF = 512  # bytes read to recognise an archive
_ARCHIVE_STARTS = (b"WARC/", b"filedesc://")


def single_page(paths: Sequence[str], manifests: Sequence[str] = ()) -> bool:
    """True when the inputs are one page: one path, not a directory, not a web archive.

    Such a run keeps the one-page output (a single document); anything else gives the
    many-page output, even when it turns out to hold one page or none.
    """
    if manifests or len(paths) != 1:
        return False
    path = paths[0]
    if path == "-":
        return not looks_like_archive(peek_stdin())
    return not os.path.isdir(path) and not is_archive(path)


def is_archive(path: str | os.PathLike[str]) -> bool:
    """True if the file starts like a WARC or ARC file (plain or gzipped); False if it does
    not, is not a regular file (a pipe is never sniffed) or cannot be read (reading it as
    a page then reports why)."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):  # a pipe would lose what is read here
            return False
        with open(path, "rb") as file:
            head = file.read(SNIFF)
    except (OSError, ValueError):
        return False
    return looks_like_archive(head)


def looks_like_archive(head: bytes) -> bool:
    """True if `head` (the first bytes of a file or stream) starts like a WARC or ARC file."""
    if head.startswith(b"\x1f\x8b"):
        import zlib

        try:
            head = zlib.decompressobj(zlib.MAX_WBITS | 16).decompress(head, 64)
        except zlib.error:
            return False
    return head.startswith(_ARCHIVE_STARTS)


def peek_stdin() -> bytes:
    """The first bytes of standard input, left in place for whoever reads it next."""
    stream = getattr(sys.stdin, "buffer", None)
    try:
        if hasattr(stream, "peek"):
            return stream.peek(SNIFF)[:SNIFF]  # type: ignore[union-attr]
        if stream is not None and stream.seekable():
            at = stream.tell()
            head = stream.read(SNIFF)
            stream.seek(at)
            return head
    except (OSError, ValueError):
        pass
    return b""
