"""Shared views of entries for the human-readable formats: day groups, labels, sources."""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date
from urllib.parse import urlsplit

from feedline.model import DateStatus, Entry
from feedline.render._text import one_line

_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")  # fixed: no locale


def group_by_day(entries: Iterable[Entry]) -> list[tuple[str | None, list[Entry]]]:
    """(DateFix.iso or None, entries) per day, in order of first appearance; undated last.

    Entries keep their timeline order inside each group.
    """
    groups: dict[str | None, list[Entry]] = {}
    for entry in entries:
        key = None if entry.date.status is DateStatus.UNKNOWN else entry.date.iso
        groups.setdefault(key, []).append(entry)
    undated = groups.pop(None, None)
    ordered = list(groups.items())
    if undated:
        ordered.append((None, undated))
    return ordered


def day_label(key: str | None) -> str:
    """"2023-10-03 Tue", "--10-03 (year unknown)" or "Date unknown"."""
    if key is None:
        return "Date unknown"
    if key.startswith("--"):
        return f"{key} (year unknown)"
    return f"{key} {_WEEKDAYS[date.fromisoformat(key).weekday()]}"


def source_names(entry: Entry, *, canonical: bool = False) -> list[str]:
    """Cleaned source names of an entry (as written, or canonical), deduplicated, in order."""
    names = (one_line(s.canonical if canonical else s.name) for s in entry.sources)
    return list(dict.fromkeys(name for name in names if name))


def site_labels(keys: Iterable[str]) -> dict[str, str]:
    """A short label for each feed key (a URL or a file name): a URL's host without "www.",
    or, when two keys share a host, the URL without its scheme; a file name's last part."""
    keys = list(dict.fromkeys(keys))
    hosts = {key: _host(key) for key in keys}
    shared = Counter(host for host in hosts.values() if host)
    labels = {}
    for key in keys:
        host = hosts[key]
        if host and shared[host] == 1:
            labels[key] = host
        elif host:
            labels[key] = key.split("://", 1)[1].rstrip("/")
        else:
            labels[key] = key.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1] or key
    taken = Counter(labels.values())
    labels = {key: key if taken[label] > 1 else label for key, label in labels.items()}
    return {key: one_line(label) for key, label in labels.items()}


def _host(key: str) -> str | None:
    if "://" not in key:
        return None
    host = urlsplit(key).hostname or ""
    return host.removeprefix("www.") or None


def time_label(entry: Entry) -> str:
    """"HH:MM" of the entry's local clock, else its stamp as printed (cleaned)."""
    if entry.local_time is not None:
        return entry.local_time.strftime("%H:%M")
    return one_line(entry.stamp.text)
