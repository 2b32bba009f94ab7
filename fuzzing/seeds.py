"""Real pages to fuzz from: ../shared/corpus/pages and ../shared/pool/pages, read at run time.

Nothing is copied into the repository: a case that starts from a page names it by index,
and a minimised finding keeps only the bytes it needs. Without ../shared (or `FUZZ_SHARED`)
there are no pages, and cases use their own bytes only.
"""
from __future__ import annotations

import gzip
import os
from collections import OrderedDict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_CACHE_PAGES = 48  # decompressed pages kept in memory


def shared_dir() -> Path:
    return Path(os.environ.get("FUZZ_SHARED") or ROOT.parent / "shared")


class Pages:
    """The shared pages, by index (sorted paths: stable across runs), decompressed on demand."""

    def __init__(self, folder: Path | None = None) -> None:
        base = folder if folder is not None else shared_dir()
        paths: list[Path] = []
        for sub in ("corpus/pages", "pool/pages"):
            where = base / sub
            if where.is_dir():
                paths += sorted(p for p in where.iterdir() if p.is_file() and not p.name.startswith("."))
        self.paths = paths
        self._cache: OrderedDict[int, bytes] = OrderedDict()

    def __len__(self) -> int:
        return len(self.paths)

    def get(self, index: int) -> bytes:
        """Page `index` (modulo the number of pages), decompressed; b"" when there are none."""
        if not self.paths:
            return b""
        index %= len(self.paths)
        data = self._cache.get(index)
        if data is None:
            path = self.paths[index]
            data = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
            self._cache[index] = data
            if len(self._cache) > _CACHE_PAGES:
                self._cache.popitem(last=False)
        else:
            self._cache.move_to_end(index)
        return data

    def window(self, index: int, start: float, size: int) -> bytes:
        """`size` bytes of page `index` from `start` (0-1, a fraction of its length)."""
        data = self.get(index)
        if len(data) <= size:
            return data
        first = int(start * (len(data) - size))
        return data[first:first + size]
