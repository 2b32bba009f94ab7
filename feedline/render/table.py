"""The `table` format: a timeline for the terminal, a rule per day, one row per entry.

    2023-10-03 Tue ──────────────────────────────────────────────
    16:00  ≈  Headline (bold)                         Bloomberg
              First ~200 characters of the text…      ↳ cited source

Layout (`layout`, linear in the number of entries): the columns are sized from the width
(the terminal's, `COLUMNS`, or `DEFAULT_WIDTH`): time, date mark, entry, sources (as wide
as the longest name, up to `SOURCES_SHARE` of the width), and a site column when the
entries come from several feeds (`sites`; a label longer than its column ends in "…"). Cells wrap at spaces only (a source's
continuation lines are indented, so each source starts flush); a word wider than its
column is cut into pieces, except a URL, which is never wrapped: it is shortened with "…".
Below `STACK_BELOW` columns for the entry text, sources and site go under the entry.
No line is wider than the width.

Marks: "≈" date inferred, "~" year unknown, "?" date unknown; printed dates have none.
The plain text (`render_table_text`: pipes and files) draws its rules and marks in ASCII
(`ASCII`: "*" date inferred, "-" rules, "..." cuts), so tools that count bytes, not
characters (mawk, `cut -c`), see the same widths; scraped text is never transliterated.
Scraped text is hostile: every scraped string is cleaned (`_text.one_line`) and reaches
rich only as a `Segment` of plain text (never markup).
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import zip_longest
from typing import NamedTuple

from rich.cells import cell_len as _rich_cell_len
from rich.cells import chop_cells, set_cell_size
from rich.console import Console, ConsoleOptions
from rich.segment import Segment
from rich.style import Style

from feedline.model import DateStatus, Entry, Role, Timeline
from feedline.render._text import clip, one_line
from feedline.render._view import day_label, group_by_day, time_label

TEXT_LIMIT = 200  # characters of entry text shown under the headline
DEFAULT_WIDTH = 100  # of the string form, when no width is given
MAX_TABLE_ENTRIES = 20_000  # entries drawn (the last in timeline order); json, csv and export hold them all
SOURCES_SHARE = 0.3  # of the width, at most, for the sources column
SITES_SHARE = 0.2  # and for the site column
STACK_BELOW = 24  # entry columns narrower than this: sources and site go under the entry
GAP = "  "

_MEANINGS = {DateStatus.INFERRED: "date inferred", DateStatus.PARTIAL: "year unknown",
             DateStatus.UNKNOWN: "date unknown"}


class Glyphs(NamedTuple):
    """The table's own drawing characters (never scraped text)."""

    rule: str  # repeated after a day's label
    marks: dict[DateStatus, str]  # one cell each
    cited: str  # before a cited source
    cut: str  # the end of a shortened string
    dot: str  # between header facts
    arrow: str  # before a reason a text is not an entry
    bullet: str  # before a piece of date evidence
    dash: str  # before a source under the entry (narrow tables)

    def legend(self) -> dict[DateStatus, str]:
        return {status: f"{self.marks[status]} {meaning}" for status, meaning in _MEANINGS.items()}


UNICODE = Glyphs("─", {DateStatus.EXACT: "", DateStatus.INFERRED: "≈", DateStatus.PARTIAL: "~",
                       DateStatus.UNKNOWN: "?"}, "↳ ", "…", " · ", "→ ", "• ", "— ")
ASCII = Glyphs("-", {DateStatus.EXACT: "", DateStatus.INFERRED: "*", DateStatus.PARTIAL: "~",
                     DateStatus.UNKNOWN: "?"}, "> ", "...", " | ", "-> ", "* ", "- ")

#: A styled piece of a line: (text, rich style or "").
Piece = tuple[str, str]
Line = list[Piece]
_URL_STARTS = ("http://", "https://", "www.", "ftp://")


def render_table(timeline: Timeline, console: Console, *, explain: bool = False,
                 sites: Sequence[str] | None = None, header: Sequence[str] = ()) -> None:
    """Print the timeline on `console`, as wide as the console."""
    console.print(_Lines(layout(timeline, console.width, explain=explain, sites=sites, header=header,
                                glyphs=UNICODE)),
                  soft_wrap=True, crop=False)


class _Lines:
    """Laid-out lines as a rich renderable: plain segments, no re-wrapping (linear)."""

    def __init__(self, lines: list[Line]) -> None:
        self.lines = lines

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        styles: dict[str, Style | None] = {"": None}
        newline = Segment("\n")
        for line in self.lines:
            text, current = "", ""
            for part, style in line:
                if style == current or not part.strip():  # blanks take any style (no backgrounds)
                    text += part
                    continue
                if text:
                    yield Segment(text, styles[current])
                if style not in styles:
                    styles[style] = Style.parse(style)
                text, current = part, style
            if text:
                yield Segment(text, styles[current])
            yield newline


def render_table_text(timeline: Timeline, *, explain: bool = False, width: int | None = None,
                      sites: Sequence[str] | None = None, header: Sequence[str] = ()) -> str:
    """The table as plain text (no styles, no escapes, ASCII drawing), `width` columns wide."""
    lines = layout(timeline, width or DEFAULT_WIDTH, explain=explain, sites=sites, header=header, glyphs=ASCII)
    return "".join("".join(part for part, _ in line).rstrip() + "\n" for line in lines)


def layout(timeline: Timeline, width: int, *, explain: bool = False, sites: Sequence[str] | None = None,
           header: Sequence[str] = (), glyphs: Glyphs = UNICODE) -> list[Line]:
    """The table's lines. `sites`, one label per entry of `timeline`, adds the site column when
    they name more than one site; `header` lines (already clean) follow the capture facts."""
    width = max(width, 20)
    lines = _header(timeline, width, header, glyphs)
    if not timeline.entries:
        lines.append([("No entries found.", "dim")])
    shown = timeline.entries[-MAX_TABLE_ENTRIES:]  # timeline order: the newest dated, then the undated
    site_of: dict[int, str] = {}
    if sites is not None and len(set(sites)) > 1:
        site_of = {id(entry): one_line(site) for entry, site in zip(timeline.entries, sites)}
    if len(shown) < len(timeline.entries):
        left_out = len(timeline.entries) - len(shown)
        lines += _styled(wrap(f"! the table shows the last {MAX_TABLE_ENTRIES:,} entries of the timeline; the first "
                              f"{left_out:,} are left out (json, csv and export hold them all)", width, glyphs.cut),
                         "yellow")
    columns = _Columns.fit(shown, width, site_of, glyphs)
    for key, entries in group_by_day(shown):
        label = day_label(key)
        lines.append([])
        lines.append([(label, "bold"), (" " + glyphs.rule * max(0, width - cell_len(label) - 1), "dim")])
        for index, entry in enumerate(entries):
            if index:
                lines.append([])  # a blank line between entries
            lines += columns.row(entry, explain, site_of.get(id(entry)))
    statuses = {entry.date.status for entry in timeline.entries}
    legend = [text for status, text in glyphs.legend().items() if status in statuses]
    if legend:
        lines.append([])
        lines += _styled(wrap("   ".join(legend), width), "dim")
    for message in timeline.diagnostics:
        lines += _styled(wrap(f"! {one_line(message)}", width, glyphs.cut), "yellow")
    if timeline.not_entries:
        lines.append([])
        lines += _styled(wrap("Not entries (time-like text left out, and why)", width), "bold")
        for item in timeline.not_entries:
            lines += _styled(wrap(f"  {one_line(item.text)}", width, glyphs.cut), "")
            lines += _styled(wrap(f"    {glyphs.arrow}{item.reason}", width, glyphs.cut), "dim")
    return lines


class _Columns:
    """Column widths for one table, and rows laid out in them."""

    def __init__(self, time: int, entry: int, sources: int, site: int, stacked: bool, glyphs: Glyphs) -> None:
        self.time, self.entry, self.sources, self.site, self.stacked = time, entry, sources, site, stacked
        self.glyphs = glyphs

    @classmethod
    def fit(cls, entries: Sequence[Entry], width: int, site_of: dict[int, str], glyphs: Glyphs) -> _Columns:
        words = [cell_len(word) for entry in entries for word in time_label(entry).split()]
        time = min(max([5, *words]), 10)
        rest = width - time - len(GAP) - 1 - len(GAP)  # after time and mark
        names = [cell_len(line) for entry in entries for line in _source_lines(entry, glyphs)]
        sources = min(max(names, default=0), max(12, int(width * SOURCES_SHARE))) if names else 0
        site = min(max(map(cell_len, site_of.values()), default=0), max(10, int(width * SITES_SHARE)))
        entry = rest - (sources + len(GAP) if sources else 0) - (site + len(GAP) if site else 0)
        if entry < STACK_BELOW:
            return cls(time, max(rest, 1), 0, 0, stacked=True, glyphs=glyphs)
        return cls(time, entry, sources, site, stacked=False, glyphs=glyphs)

    def row(self, entry: Entry, explain: bool, site: str | None) -> list[Line]:
        """The lines of one entry."""
        glyphs = self.glyphs
        cells: list[list[Piece]] = [
            _styled_cells(wrap(time_label(entry), self.time, glyphs.cut), "bold")
            + _styled_cells(wrap(one_line(entry.stamp.zone or ""), self.time, glyphs.cut), "dim"),
            [(glyphs.marks.get(entry.date.status, "?"), "yellow")],
            _entry_lines(entry, explain, self.entry, glyphs),
        ]
        names = [(part, style) for line, style in _source_lines(entry, glyphs).items()
                 for part in hanging(line, self.sources if not self.stacked else self.entry - 2, glyphs.cut)]
        if self.stacked:
            cells[2] += [(glyphs.dash + part, style) for part, style in names]
            if site:
                cells[2].append((_shortened(f"@ {site}", self.entry, glyphs.cut), "magenta"))
            widths = [self.time, 1, self.entry]
        else:
            widths = [self.time, 1, self.entry]
            if self.sources:
                cells.append(names)
                widths.append(self.sources)
            if self.site:
                cells.append([(_shortened(site or "", self.site, glyphs.cut), "magenta")])
                widths.append(self.site)
        lines: list[Line] = []
        for parts in zip_longest(*cells, fillvalue=("", "")):
            line: Line = []
            for column, ((text, style), cell_width) in enumerate(zip(parts, widths)):
                if column:
                    line.append((GAP, ""))
                line.append((_fitted(text, cell_width), style))
            while line and not line[-1][0].strip():  # no trailing blanks
                line.pop()
            if line:
                line[-1] = (line[-1][0].rstrip(), line[-1][1])
            lines.append(line)
        return lines


def cell_len(text: str) -> int:
    """Terminal cells `text` takes (wide East Asian characters two)."""
    return len(text) if text.isascii() else _rich_cell_len(text)


def _fitted(text: str, width: int) -> str:
    """`text` padded with spaces to `width` cells (it is never longer)."""
    return text.ljust(width) if text.isascii() else set_cell_size(text, width)


def wrap(text: str, width: int, cut: str = "…") -> list[str]:
    """`text` (one line) in lines of at most `width` cells, broken at spaces. A word wider
    than `width` is cut in pieces, unless it is a URL: that is shortened, ending in `cut`."""
    width = max(width, 1)
    ascii_only = text.isascii()
    if (len(text) if ascii_only else _rich_cell_len(text)) <= width:
        return [text] if text else []
    lines: list[str] = []
    current: list[str] = []
    used = -1  # cells of `current` joined by spaces
    for word in text.split():
        size = len(word) if ascii_only else _rich_cell_len(word)
        if size <= width:
            pieces: list[str] = [word]
        elif word.startswith(_URL_STARTS) or "://" in word:
            pieces = [_shortened(word, width, cut)]
        else:
            pieces = chop_cells(word, width)
        for piece in pieces:
            if len(pieces) > 1 or size > width:
                size = cell_len(piece)
            if used + 1 + size <= width:
                current.append(piece)
                used += 1 + size
            else:
                if current:
                    lines.append(" ".join(current))
                current, used = [piece], size
    if current:
        lines.append(" ".join(current))
    return lines


def hanging(text: str, width: int, cut: str = "…") -> list[str]:
    """`wrap(text, width)` with the lines after the first indented by two spaces."""
    lines = wrap(text, width, cut)
    if len(lines) < 2 or width < 6:
        return lines
    return [lines[0], *("  " + line for line in wrap(" ".join(lines[1:]), width - 2, cut))]


def _header(timeline: Timeline, width: int, extra: Sequence[str], glyphs: Glyphs) -> list[Line]:
    page = timeline.page
    title = one_line(page.title or "") or one_line(page.name) or "-"
    lines = _styled(wrap(title, width, glyphs.cut), "bold")
    if page.url:
        lines += _styled(wrap(one_line(page.url), width, glyphs.cut), "dim")
    facts = []
    if timeline.now:
        facts.append(f"captured {timeline.now.isoformat()}")
    elif not extra:
        facts.append("no capture time")
    if timeline.tz:
        facts.append(f"tz {one_line(timeline.tz)}")
    count = len(timeline.entries)
    facts.append(f"{count} entr{'y' if count == 1 else 'ies'}")
    lines += _styled(wrap(glyphs.dot.join(facts), width, glyphs.cut), "dim")
    for line in extra:
        lines += _styled(wrap(line, width, glyphs.cut), "dim")
    return lines


def _entry_lines(entry: Entry, explain: bool, width: int, glyphs: Glyphs) -> list[Piece]:
    cut = glyphs.cut
    cell = _styled_cells(wrap(one_line(entry.headline or ""), width, cut), "bold")
    cell += _styled_cells(wrap(clip(one_line(entry.text), TEXT_LIMIT, cut), width, cut), "")
    if not entry.visible:
        where = "in the page's structured data only" if entry.span == (0, 0) else "hidden by the page's CSS"
        cell += _styled_cells(wrap(f"({where})", width), "dim")
    if explain:
        fix = entry.date
        note = f"date {fix.status} ({fix.basis}), confidence {fix.confidence:.2f}"
        if entry.datetime is not None:
            note += f", {entry.datetime.isoformat()}"
        cell += _styled_cells(wrap(note, width, cut), "dim")
        for reason in fix.evidence:
            cell += _styled_cells(wrap(f"{glyphs.bullet}{one_line(reason)}", width, cut), "dim italic")
    return cell


def _source_lines(entry: Entry, glyphs: Glyphs) -> dict[str, str]:
    """Each distinct source of the entry as a line, with its style: origins by name,
    cited sources after `glyphs.cited` ("↳")."""
    lines: dict[str, str] = {}
    for source in entry.sources:
        name = one_line(source.canonical or source.name)
        if not name:
            continue
        if source.role is Role.CITED:
            lines.setdefault(f"{glyphs.cited}{name}", "dim")
        else:
            lines.setdefault(name, "cyan")
    return lines


def _shortened(text: str, width: int, cut: str = "…") -> str:
    """`text` in at most `width` cells, its end replaced by `cut` when it is longer."""
    if cell_len(text) <= width:
        return text
    return set_cell_size(text, max(width - len(cut), 0)) + cut[:width]


def _styled_cells(parts: list[str], style: str) -> list[Piece]:
    return [(part, style) for part in parts]


def _styled(parts: list[str], style: str) -> list[Line]:
    return [[(part, style)] for part in parts]
