"""The JSON document (`json`) and JSON Lines (`jsonl`) formats.

`timeline_to_dict` is the one versioned document described by
docs/timeline.schema.json (`format_version` = model.FORMAT_VERSION). It holds
no generation timestamp, so the same input always renders byte-identically.

Strings are kept as scraped (JSON escapes C0 controls itself); DEL, C1 controls,
lone surrogates, bidirectional controls (`_text.BIDI`) and the line and paragraph
separators U+2028 / U+2029 (line ends to some JSON Lines readers) are additionally
written as \\u escapes, so that the raw output is safe to print on a terminal and always
encodes as UTF-8; invisible format characters (`_text.INVISIBLE`) are removed, as in
every format.
"""
from __future__ import annotations

import json
import math
import re
from datetime import datetime
from typing import Any

from feedline.model import FORMAT_VERSION, Entry, Source, Timeline
from feedline.render._text import BIDI, INVISIBLE, escape_code_point
from feedline.render._version import feedline_version

_UNSAFE = re.compile(f"[\x7f-\x9f\ud800-\udfff\u2028\u2029{BIDI}]")
_INVISIBLE = re.compile(f"[{INVISIBLE}]")


def timeline_to_dict(timeline: Timeline) -> dict[str, Any]:
    """The timeline as the versioned JSON document (plain dicts, lists and scalars)."""
    page = timeline.page
    return {
        "format_version": FORMAT_VERSION,
        "generator": f"feedline {feedline_version()}",
        "page": {
            "name": page.name,
            "kind": str(page.kind),
            "encoding": page.encoding,
            "url": page.url,
            "title": page.title,
            "lang": page.lang,
            "published": page.markup.published if page.markup else None,
            "modified": page.markup.modified if page.markup else None,
        },
        "mode": timeline.mode,
        "now": _iso(timeline.now),
        "tz": timeline.tz,
        "entries": [entry_to_dict(entry) for entry in timeline.entries],
        "diagnostics": list(timeline.diagnostics),
    } | ({"not_entries": [{"text": item.text, "span": list(item.span), "reason": item.reason}
                          for item in timeline.not_entries]} if timeline.not_entries else {})


def entry_to_dict(entry: Entry) -> dict[str, Any]:
    """One entry object of the document."""
    stamp, fix = entry.stamp, entry.date
    return {
        "id": entry.id,
        "position": entry.position,
        "region": entry.feed,  # the feed region of the page (the store's "feed" is the page identity)
        "time_text": stamp.text,
        "stamp_kind": str(stamp.kind),
        "local_time": entry.local_time.strftime("%H:%M") if entry.local_time else None,
        "local_date": fix.iso,
        "datetime": _iso(entry.datetime),
        "floating": entry.floating,
        "zone": stamp.zone,
        "relative_minutes": _number(stamp.relative_minutes),
        "headline": entry.headline,
        "text": entry.text,
        "sources": [_source(source) for source in entry.sources],
        "date_status": str(fix.status),
        "date_basis": str(fix.basis),
        "confidence": round(_number(fix.confidence) or 0.0, 2),
        "evidence": list(fix.evidence),
        "span": list(entry.span),
        "visible": entry.visible,
    }


def render_json(timeline: Timeline) -> str:
    """The document, indented by 2, with a final newline."""
    return dumps(timeline_to_dict(timeline), indent=2) + "\n"


def render_jsonl(timeline: Timeline) -> str:
    """One entry object per line, each with `"page": <page name>`; no header line."""
    name = timeline.page.name
    return "".join(
        dumps({"page": name, **entry_to_dict(entry)}) + "\n" for entry in timeline.entries
    )


def dumps(value: Any, indent: int | None = None) -> str:
    """`json.dumps` as feedline writes it: UTF-8 text, unsafe code points escaped."""
    text = json.dumps(value, ensure_ascii=False, indent=indent, allow_nan=False)
    # These code points can only occur inside JSON strings, so escaping them is lossless.
    return _UNSAFE.sub(escape_code_point, _INVISIBLE.sub("", text))


def _source(source: Source) -> dict[str, Any]:
    return {
        "name": source.name,
        "canonical": source.canonical,
        "role": str(source.role),
        "cue": source.cue,
        "span": list(source.span),
    }


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None


def _number(value: float | None) -> float | None:
    """`value`, or None when it is missing or not finite (JSON has no NaN)."""
    return value if value is not None and math.isfinite(value) else None
