"""The disk cache of compiled `regex` patterns (feedline/patcache.py): a pattern rebuilt from
it is the pattern `regex.compile` makes, and anything wrong with the cache costs only a compile."""
from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import regex

from feedline import patcache, patterns
from feedline.patterns import LazyPattern

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "samples" / "kyiv-independent-2023-10-03.txt"


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty cache directory for this test alone."""
    monkeypatch.setenv("FEEDLINE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("FEEDLINE_NO_CACHE", raising=False)
    monkeypatch.setattr(patcache, "_written_ok", True)
    patcache._base_dir.cache_clear()
    patcache._directory.cache_clear()
    yield tmp_path / "cache"
    patcache._base_dir.cache_clear()
    patcache._directory.cache_clear()


def _files(cache: Path) -> list[Path]:
    return sorted(p for p in cache.rglob("*") if p.is_file())


def _no_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("regex.compile called: the pattern was not rebuilt from the cache")
    monkeypatch.setattr(regex, "compile", refuse)


def test_every_stamp_pattern_is_rebuilt_as_compiled(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each module pattern, written on its first compile and rebuilt from disk on the second,
    has the very compiled form `regex.compile` gives it and matches alike."""
    lazies = {name: p for name, p in vars(patterns).items()
              if isinstance(p, LazyPattern) and p._engine is patcache}
    assert len(lazies) >= 10
    fresh = {name: regex.compile(p.pattern, p.flags) for name, p in lazies.items()}
    for name, p in lazies.items():
        patcache.compile(p.pattern, p.flags)  # a miss: compiled and written
    assert len(_files(cache)) == len(lazies)
    _no_parsing(monkeypatch)
    text = "Updated Tuesday, 3 October 2023, 14:05 GMT+3 · 2 hours ago · 9:30 p.m. on Monday"
    for name, p in lazies.items():
        rebuilt = patcache.compile(p.pattern, p.flags)
        assert rebuilt._pickled_data == fresh[name]._pickled_data, name  # type: ignore[attr-defined]
        assert (rebuilt.pattern, rebuilt.flags, rebuilt.groupindex) == \
            (fresh[name].pattern, fresh[name].flags, fresh[name].groupindex), name
        assert [m.group() for m in rebuilt.finditer(text)] == [m.group() for m in fresh[name].finditer(text)], name


@pytest.mark.parametrize("damage", ["truncated", "flipped", "foreign", "empty"])
def test_a_damaged_file_is_compiled_anew_and_written_again(cache: Path, damage: str) -> None:
    pattern, flags = r"(?P<h>\d{1,2}):(?P<m>\d\d)\s?(?:a\.m\.|p\.m\.)?", int(regex.I)
    patcache.compile(pattern, flags)
    [path] = _files(cache)
    good = path.read_bytes()
    if damage == "truncated":
        path.write_bytes(good[:-7])
    elif damage == "flipped":
        path.write_bytes(good[:-3] + bytes([good[-3] ^ 1]) + good[-2:])
    elif damage == "foreign":  # a valid file of another pattern under this one's name
        patcache.compile(r"\d+ min", 0)
        other = next(p for p in _files(cache) if p != path)
        path.write_bytes(other.read_bytes())
    else:
        path.write_bytes(b"")
    got = patcache.compile(pattern, flags)
    assert got._pickled_data == regex.compile(pattern, flags)._pickled_data  # type: ignore[attr-defined]
    assert got.match("9:30 p.m.").group("m") == "30"
    assert path.read_bytes() == good


def test_no_cache_when_turned_off_unwritable_or_shared(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pattern = r"\b(?:yesterday|today)\b"
    monkeypatch.setenv("FEEDLINE_NO_CACHE", "1")
    patcache._base_dir.cache_clear()
    assert patcache.compile(pattern).search("Posted today").group() == "today"
    assert not cache.exists()

    monkeypatch.delenv("FEEDLINE_NO_CACHE")
    cache.write_text("a file where the directory would be")
    patcache._base_dir.cache_clear()
    patcache._directory.cache_clear()
    assert patcache.compile(pattern).search("Posted yesterday").group() == "yesterday"

    cache.unlink()
    cache.mkdir(mode=0o777)
    os.chmod(cache, 0o777)  # others may write here: the directory is not trusted
    patcache._directory.cache_clear()
    if hasattr(os, "getuid"):
        folder = patcache._directory(int(regex.DEFAULT_VERSION))
        assert folder is not None  # made 0700 inside
        os.chmod(folder, 0o777)
        patcache._directory.cache_clear()
        assert patcache._directory(int(regex.DEFAULT_VERSION)) is None
        assert patcache.compile(pattern).search("today").group() == "today"
        assert not any(folder.iterdir())


def test_another_engine_gets_another_directory(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    patcache.compile(r"\d+")
    monkeypatch.setattr(regex, "__version__", "0.0.0")
    patcache._directory.cache_clear()
    patcache.compile(r"\d+")
    assert len({p.parent for p in _files(cache)}) == 2


def test_the_same_patterns_in_every_process(cache: Path) -> None:
    """A process builds the same pattern texts whatever its string hash seed, so the cache
    holds one file per pattern and does not grow run after run (the cue alternations were
    once ordered by a set's iteration where lengths tie)."""
    listed = []
    for seed in ("1", "2"):
        folder = cache / seed
        env = dict(os.environ, FEEDLINE_CACHE_DIR=str(folder), PYTHONHASHSEED=seed)
        done = subprocess.run([sys.executable, "-m", "feedline", "extract", str(SEED), "--format", "json"],
                              cwd=ROOT, env=env, capture_output=True, timeout=120)
        assert done.returncode == 0, done.stderr
        listed.append([p.name for p in _files(folder)])
    assert listed[0] and listed[0] == listed[1]
