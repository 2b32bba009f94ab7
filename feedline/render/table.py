"""The `table` format: a rich timeline, a rule per day, one row per entry.

    2023-10-03 Tue ──────────────────────────────────────────────
    16:00  ≈  Headline (bold)                         Bloomberg
              First ~200 characters of the text…      ↳ cited source

Marks: "≈" date inferred, "~" year unknown, "?" date unknown; printed dates
have none. Scraped text is hostile: every scraped string is cleaned
(`_text.clean`) and wrapped in a `rich.text.Text`, never passed as markup.
"""
from __future__ import annotations

import io

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from feedline.model import DateStatus, Entry, Role, Timeline
from feedline.render._text import clip, one_line
from feedline.render._view import day_label, group_by_day, time_label

TEXT_LIMIT = 200  # characters of entry text shown under the headline
DEFAULT_WIDTH = 100  # of the string form, when no width is given

MARKS = {
    DateStatus.EXACT: "",
    DateStatus.INFERRED: "≈",
    DateStatus.PARTIAL: "~",
    DateStatus.UNKNOWN: "?",
}
_LEGEND = {
    DateStatus.INFERRED: "≈ date inferred",
    DateStatus.PARTIAL: "~ year unknown",
    DateStatus.UNKNOWN: "? date unknown",
}


def render_table(timeline: Timeline, console: Console, *, explain: bool = False) -> None:
    """Print the timeline on `console`."""
    console.print(_header(timeline))
    if not timeline.entries:
        console.print(Text("No entries found.", style="dim"))
    for key, entries in group_by_day(timeline.entries):
        console.print()
        console.rule(Text(day_label(key), style="bold"), align="left", style="dim")
        console.print(_day_table(entries, explain))
    statuses = {entry.date.status for entry in timeline.entries}
    legend = [text for status, text in _LEGEND.items() if status in statuses]
    if legend:
        console.print()
        console.print(Text("   ".join(legend), style="dim"))
    for message in timeline.diagnostics:
        console.print(Text(f"! {one_line(message)}", style="yellow"))
    if timeline.not_entries:
        console.print()
        console.print(Text("Not entries (time-like text left out, and why)", style="bold"))
        for item in timeline.not_entries:
            console.print(Text(f"  {one_line(item.text)}"))
            console.print(Text(f"    → {item.reason}", style="dim"))


def render_table_text(timeline: Timeline, *, explain: bool = False, width: int | None = None) -> str:
    """The table as plain text (no styles, no escapes), `width` columns wide."""
    console = Console(
        file=io.StringIO(),
        record=True,
        width=width or DEFAULT_WIDTH,
        color_system=None,
        force_terminal=False,
        force_jupyter=False,
        force_interactive=False,
        legacy_windows=False,
        markup=False,
        emoji=False,
        highlight=False,
    )
    render_table(timeline, console, explain=explain)
    lines = console.export_text(styles=False).splitlines()
    return "".join(line.rstrip() + "\n" for line in lines)


def _header(timeline: Timeline) -> Group:
    page = timeline.page
    title = Text(one_line(page.title or "") or one_line(page.name) or "-", style="bold")
    facts = [f"captured {timeline.now.isoformat()}" if timeline.now else "no capture time"]
    if timeline.tz:
        facts.append(f"tz {one_line(timeline.tz)}")
    count = len(timeline.entries)
    facts.append(f"{count} entr{'y' if count == 1 else 'ies'}")
    lines = [title]
    if page.url:
        lines.append(Text(one_line(page.url), style="dim"))
    lines.append(Text(" · ".join(facts), style="dim"))
    return Group(*lines)


def _day_table(entries: list[Entry], explain: bool) -> Table:
    table = Table(box=None, show_header=False, expand=True, padding=(0, 1), pad_edge=False)
    table.add_column("time", width=5)
    table.add_column("mark", width=1, no_wrap=True)
    table.add_column("entry", ratio=1, overflow="fold")
    table.add_column("sources", width=22, overflow="fold")
    for index, entry in enumerate(entries):
        if index:
            table.add_row()  # a blank line between entries
        table.add_row(
            _time_cell(entry),
            Text(MARKS.get(entry.date.status, "?"), style="yellow"),
            _entry_cell(entry, explain),
            _sources_cell(entry),
        )
    return table


def _time_cell(entry: Entry) -> Text:
    cell = Text(time_label(entry), style="bold")
    if entry.stamp.zone:
        cell.append("\n" + one_line(entry.stamp.zone), style="dim")
    return cell


def _entry_cell(entry: Entry, explain: bool) -> Text:
    cell = Text()
    headline = one_line(entry.headline or "")
    text = clip(one_line(entry.text), TEXT_LIMIT)
    if headline:
        cell.append(headline, style="bold")
    if headline and text:
        cell.append("\n")
    cell.append(text)
    if not entry.visible:
        where = "in the page's structured data only" if entry.span == (0, 0) else "hidden by the page's CSS"
        cell.append(f"\n({where})", style="dim")
    if explain:
        fix = entry.date
        cell.append(f"\ndate {fix.status} ({fix.basis}), confidence {fix.confidence:.2f}", style="dim")
        if entry.datetime is not None:
            cell.append(f", {entry.datetime.isoformat()}", style="dim")
        for reason in fix.evidence:
            cell.append(f"\n• {one_line(reason)}", style="dim italic")
    return cell


def _sources_cell(entry: Entry) -> Text:
    cell = Text()
    seen: set[tuple[str, Role]] = set()
    for source in entry.sources:
        name = one_line(source.canonical or source.name)
        if not name or (name, source.role) in seen:
            continue
        seen.add((name, source.role))
        if cell:
            cell.append("\n")
        if source.role is Role.CITED:
            cell.append(f"↳ {name}", style="dim")
        else:
            cell.append(name, style="cyan")
    return cell
