"""Compiled `regex` patterns kept on disk between processes, like Python's bytecode cache.

The `regex` module parses a pattern in Python: the date-and-time pattern alone takes about
10 ms to compile, and the ~50 patterns a one-page `extract` needs were about a third of
its process. A compiled pattern is rebuilt from its compiled form with no parsing — that
is how `regex` itself unpickles a pattern (`_regex.compile(*pattern._pickled_data)`) — in
about 0.1 ms. So `compile` keeps that form, per pattern, in a file under the user's cache
directory and rebuilds the pattern from it in later processes.

Robust by construction:
- The files live in a directory named by everything the compiled form depends on: this
  module's format, the `regex` version, its C engine's `MAGIC` and `CODE_SIZE` and file
  (path, size, modification time), the Python build and `regex.DEFAULT_VERSION`. Another
  `regex` or Python gets another directory, never a stale form.
- A file holds a magic tag, the SHA-256 of its body and the body (`marshal`: data only,
  no pickle), whose first fields are the pattern text and flags it was compiled from; a
  file that fails any check is ignored and written again. Files are written to a temporary
  name and renamed, so a reader never sees half a file.
- The directory is used only when it belongs to the current user and no one else may
  write to it (it is made 0700).
- Any error reading, rebuilding or writing falls back to `regex.compile`; a read-only or
  full disk only costs the compile. Locale-dependent patterns (the `L` flag) are never kept.

`FEEDLINE_CACHE_DIR` names the cache directory (default `$XDG_CACHE_HOME/feedline`, else
`~/.cache/feedline`); `FEEDLINE_NO_CACHE=1` turns the cache off.
"""
from __future__ import annotations

import hashlib
import marshal
import os
import sys
from functools import lru_cache
from pathlib import Path

import regex
from regex import _regex

FORMAT = 1
_TAG = b"feedline-regex\x00"
_DIGEST = 32  # bytes of SHA-256 after the tag
_FIELDS = 11  # length of a `regex` pattern's compiled form (regex 2021-2026)

_written_ok = True  # cleared after a failed write: no second try in this process


def _engine_key() -> str:
    """What a compiled form depends on, as one digest."""
    engine = Path(_regex.__file__)
    stat = engine.stat()
    parts = (FORMAT, regex.__version__, _regex.MAGIC, _regex.CODE_SIZE, str(engine), stat.st_size,
             stat.st_mtime_ns, sys.version, sys.implementation.cache_tag, int(regex.DEFAULT_VERSION))
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:24]


@lru_cache(maxsize=1)
def _base_dir() -> Path | None:
    if os.environ.get("FEEDLINE_NO_CACHE", "") not in ("", "0"):
        return None
    named = os.environ.get("FEEDLINE_CACHE_DIR")
    if named:
        return Path(named)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return Path(xdg) / "feedline" if xdg else Path.home() / ".cache" / "feedline"


@lru_cache(maxsize=4)
def _directory(default_version: int) -> Path | None:
    """This engine's directory of compiled forms, made if missing; None when the cache is off
    or the directory is not the current user's alone."""
    try:
        base = _base_dir()
        if base is None:
            return None
        folder = base / f"regex-{_engine_key()}"
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        stat = folder.stat()
        if hasattr(os, "getuid") and (stat.st_uid != os.getuid() or stat.st_mode & 0o022):
            return None
        return folder
    except (OSError, RuntimeError, AttributeError):
        return None


def _path(folder: Path, pattern: str, flags: int) -> Path:
    return folder / hashlib.sha256(f"{flags}\x00{pattern}".encode("utf-8", "surrogatepass")).hexdigest()


def _read(path: Path, pattern: str, flags: int) -> regex.Pattern[str] | None:
    try:
        data = path.read_bytes()
    except OSError:
        return None
    try:
        body = data[len(_TAG) + _DIGEST:]
        if not data.startswith(_TAG) or hashlib.sha256(body).digest() != data[len(_TAG):len(_TAG) + _DIGEST]:
            return None
        source, source_flags, form = marshal.loads(body)
        if source != pattern or source_flags != flags or not isinstance(form, tuple) or len(form) != _FIELDS \
                or form[0] != pattern:
            return None
        compiled = _regex.compile(*form)
        return compiled if compiled.pattern == pattern else None
    except Exception:  # a damaged or foreign file: compiled anew and written again
        return None


def _write(path: Path, pattern: str, flags: int, compiled: regex.Pattern[str]) -> None:
    global _written_ok
    if not _written_ok or compiled.flags & regex.LOCALE:
        return
    try:
        form = compiled._pickled_data  # type: ignore[attr-defined]
        if not isinstance(form, tuple) or len(form) != _FIELDS:
            return
        body = marshal.dumps((pattern, flags, form), 4)
        temporary = path.with_name(f".{path.name}.{os.getpid()}.{os.urandom(4).hex()}")
        try:
            temporary.write_bytes(_TAG + hashlib.sha256(body).digest() + body)
            os.replace(temporary, path)
        finally:
            temporary.unlink(missing_ok=True)
    except (OSError, ValueError, AttributeError):
        _written_ok = False


def compile(pattern: str, flags: int = 0) -> regex.Pattern[str]:  # noqa: A001 - regex's name
    """`regex.compile(pattern, flags)`, rebuilt from the disk cache when it holds the pattern."""
    flags = int(flags)
    folder = _directory(int(regex.DEFAULT_VERSION))
    if folder is None:
        return regex.compile(pattern, flags)
    path = _path(folder, pattern, flags)
    compiled = _read(path, pattern, flags)
    if compiled is None:
        compiled = regex.compile(pattern, flags)
        _write(path, pattern, flags, compiled)
    return compiled
