"""The `markdown` format: a heading per day, then one list item per entry.

    ## 2023-10-03 Tue

    - **16:00** Headline — text (Bloomberg; ISW)

With entries from several feeds (`sites` differ), each item ends in " · site".

Scraped text is cleaned, put on one line and escaped, so that it can never
open emphasis, links, images, code, raw HTML or entities: every character
CommonMark/GFM could read as inline syntax gets a backslash.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from feedline.model import Entry, Timeline
from feedline.render._text import one_line
from feedline.render._view import day_label, group_by_day, source_names, time_label

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~!&$])")


def escape(text: str) -> str:
    """`text` on one line, safe as inline Markdown."""
    return _SPECIAL.sub(r"\\\1", one_line(text))


def render_markdown(timeline: Timeline, *, explain: bool = False, sites: Sequence[str] | None = None,
                    header: Sequence[str] = ()) -> str:
    """The timeline as a Markdown document, ending in a newline. `sites`: one label per entry;
    `header`: lines shown under the title."""
    site_of: dict[int, str] = {}
    if sites is not None and len(set(sites)) > 1:
        site_of = {id(entry): site for entry, site in zip(timeline.entries, sites)}
    page = timeline.page
    lines = [f"# {escape(page.title or page.name) or 'Timeline'}", ""]
    if header:
        lines += [*(f"- {escape(line)}" for line in header), ""]
    if not timeline.entries:
        lines += ["No entries found.", ""]
    for key, entries in group_by_day(timeline.entries):
        lines += [f"## {day_label(key)}", ""]  # generated, nothing to escape
        for entry in entries:
            item = _item(entry)
            if id(entry) in site_of:
                item += f" · {escape(site_of[id(entry)])}"
            lines.append(item)
            if explain:
                lines += _explanation(entry)
        lines.append("")
    if timeline.not_entries:
        lines += ["## Not entries", ""]
        lines += [f"- {escape(item.text)}: {escape(item.reason)}" for item in timeline.not_entries]
        lines.append("")
    return "\n".join(lines)


def _item(entry: Entry) -> str:
    body = " — ".join(escape(part) for part in (entry.headline or "", entry.text) if one_line(part))
    names = source_names(entry)
    if names:
        body += f" ({escape('; '.join(names))})"
    return f"- **{escape(time_label(entry))}** {body}".rstrip()


def _explanation(entry: Entry) -> list[str]:
    fix = entry.date
    lines = [f"  - date {escape(str(fix.status))} ({escape(str(fix.basis))}), confidence {fix.confidence:.2f}"]
    lines += [f"  - {escape(reason)}" for reason in fix.evidence if one_line(reason)]
    return lines
