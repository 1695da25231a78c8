"""Tables printed as text: what each number in a table's cell counts.

Reports print tables as lines of cells, split by "|" or by wide gaps:

    CASUALTIES BY PROVINCE, 2023
    Province   | Killed | Injured
    Westmarch  | 4      | 19

A table is a run of at least two such lines with the same number of cells, the first of which
is a header row without digits in its cells. A number in a cell is then read as "4 killed" in
"Westmarch": its column's header says what it counts, its row's first cell where (or when), and
the title line above the table adds what no header says (the group, the period).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from analysis.extract.dates import names_a_time

# Cells are split by a pipe, a tab or a gap of two spaces or more.
_PIPE_CELL = re.compile(r"[^|\n]+")
_GAP_CELL = re.compile(r"\S+(?: \S+)*")
_RULE_LINE = re.compile(r"[\s|:+=_-]*[-=_]{3,}[\s|:+=_-]*")  # "---|---" or "======"
_DIGIT = re.compile(r"\d")
_UNIT_NAME = re.compile(r"\b(?:k?m|sq\.?\s?k?m)[2²]", re.IGNORECASE)  # a header's "(m2)"
# A note's marker after a header or a label: "Mines (1)", "Upland (b)", "Total*"
# The base of an index in a table's title or header: "(index, 2023 = 100)", "2020=100".
_INDEX_BASE = re.compile(r"\b(?:index\b|\w+\s*=\s*100\b)", re.IGNORECASE)
_NOTE_MARK = re.compile(r"\s*(?:\((?:\d{1,2}|[a-z])\)|\[\d{1,2}\]|\*+)$")
MAX_CELL = 48  # a cell longer than this is prose, not a table
MAX_PIPED_LABEL = 80  # ... but for the label of a row whose cells a pipe splits


@dataclass(frozen=True)
class Cell:
    """A numeric cell: where it is, its column's header, its row's label and the table's title."""

    start: int
    end: int
    column: str
    row: str
    title: str
    title_start: int
    headers: tuple[str, ...] = ()  # every column's header: what one row's cells count together
    index: bool = False  # the title or a header names an index's base ("2023 = 100")


@dataclass(frozen=True)
class _Row:
    line_start: int
    cells: tuple[tuple[int, int, str], ...]  # (start, end, text) of each cell


def _row(text: str, start: int, end: int) -> _Row | None:
    """The cells of a line, if it splits into at least two short ones."""
    line = text[start:end]
    if "|" in line:
        found = [(m.start(), m.group()) for m in _PIPE_CELL.finditer(line) if m.group().strip()]
    elif "\t" in line or "  " in line.strip():
        found = [(m.start(), m.group()) for m in _GAP_CELL.finditer(line)]
    else:
        return None
    cells = []
    for s, cell in found:
        stripped = cell.strip()
        offset = s + cell.index(stripped)
        cells.append((start + offset, start + offset + len(stripped), stripped))
    # (a row's label may be longer between pipes: "Survivors given rehabilitation or a grant |")
    longest_label = MAX_PIPED_LABEL if "|" in line else MAX_CELL
    if (
        len(cells) < 2
        or len(cells[0][2]) > longest_label
        or any(len(c[2]) > MAX_CELL for c in cells[1:])
    ):
        return None
    return _Row(start, tuple(cells))


def _lines(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in re.finditer(r"\n", text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


def _title_above(
    text: str, lines: list[tuple[int, int]], index: int, width: int
) -> tuple[str, int]:
    """The line above line ``index`` (over blank lines) if it is a title: no full stop at its
    end, and not a row of the table's ``width`` cells ("Table 2.1  Mines found" may have a
    gap)."""
    index -= 1
    while index >= 0 and not text[lines[index][0] : lines[index][1]].strip():
        index -= 1
    if index < 0:
        return "", -1
    start, end = lines[index]
    title = text[start:end].strip()
    row = _row(text, start, end)
    if not title or title[-1] in ".!?" or (row is not None and len(row.cells) >= width):
        return "", -1
    return title, start + text[start:end].index(title)


def _is_header(row: _Row) -> bool:
    """Whether a row heads the columns: no digits in its cells after the first (units such as
    "(m2)" and notes' markers aside), or only times ("2023  2024  2025"), each perhaps with
    what its figures are ("Target 2015 | Result 2015")."""
    columns = [_NOTE_MARK.sub("", c[2]) for c in row.cells[1:]]
    return not any(_DIGIT.search(_UNIT_NAME.sub("", c)) for c in columns) or all(
        names_a_time(column_time(c)) for c in columns
    )


# What a column's figures are, beside its time: "Target 2015", "2024 (actual)", "Result";
# goals, or what was reached.
_GOALS = "targets?|planned|plan|goals?|baseline|forecast|expected"
_REACHED = "results?|actual|achieved|achievements?|reported|delivered"
COLUMN_STATUS = re.compile(
    rf"\(?\b(?:(?P<goal>{_GOALS})|{_REACHED})\b\)?",
    re.IGNORECASE,
)


def column_time(header: str) -> str:
    """A column's header without the word that says what its figures are: "Target 2015" is a
    column of 2015."""
    return " ".join(COLUMN_STATUS.sub("", header).split())


def is_target_column(header: str) -> bool:
    """Whether a column holds goals, not results: "Target 2015", "Planned", "Baseline"."""
    return any(m["goal"] for m in COLUMN_STATUS.finditer(header))


def table_cells(text: str) -> list[Cell]:
    """Every numeric cell of every table of ``text``, in order."""
    lines = _lines(text)
    cells: list[Cell] = []
    index = 0
    while index < len(lines):
        header = _row(text, *lines[index])
        if header is None or not _is_header(header):
            index += 1
            continue
        width, body, after = len(header.cells), [], index + 1
        first = _row(text, *lines[after]) if after < len(lines) else None
        if first is not None and len(first.cells) == width + 1:
            # a header without a label over the rows' labels ("        Killed  Injured")
            header = _Row(header.line_start, ((-1, -1, ""), *header.cells))
            width += 1
        while after < len(lines):
            start, end = lines[after]
            if _RULE_LINE.fullmatch(text[start:end]):
                after += 1
                continue
            row = _row(text, start, end)
            if row is None or len(row.cells) != width:
                break
            body.append(row)
            after += 1
        numeric = [r for r in body if any(_DIGIT.search(c[2]) for c in r.cells[1:])]
        if not numeric:
            index += 1
            continue
        title, title_start = _title_above(text, lines, index, width)
        headers = tuple(_NOTE_MARK.sub("", c[2]) for c in header.cells[1:])
        index = any(_INDEX_BASE.search(name) for name in (title, *headers))
        for row in body:
            label = _NOTE_MARK.sub("", row.cells[0][2])
            for (start, end, cell), column in zip(row.cells[1:], headers, strict=True):
                if _DIGIT.search(cell):
                    cells.append(
                        Cell(start, end, column, label, title, title_start, headers, index)
                    )
        index = after
    return cells


class Cells:
    """The numeric cells of a text's tables, looked up by offset."""

    def __init__(self, text: str) -> None:
        self.cells = table_cells(text)
        self._starts = [c.start for c in self.cells]

    def within(self, start: int, end: int) -> bool:
        """Whether a cell lies in ``[start, end)``."""
        return self.first_within(start, end) is not None

    def first_within(self, start: int, end: int) -> Cell | None:
        """The first cell in ``[start, end)``, if any."""
        index = bisect.bisect_left(self._starts, start)
        if index < len(self.cells) and self.cells[index].start < end:
            return self.cells[index]
        return None

    def at(self, offset: int) -> Cell | None:
        """The cell that holds the character at ``offset``, if any."""
        index = bisect.bisect_right(self._starts, offset) - 1
        if index >= 0 and self.cells[index].start <= offset < self.cells[index].end:
            return self.cells[index]
        return None
