"""Where things go on a report sheet and how wide and in which format.

Shared by the writer and the tests, so both agree on the title rows and the
position of the header without repeating magic numbers.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from backoffice.exports.report import Column, ColumnKind, Report

NUMBER_FORMATS: dict[ColumnKind, str | None] = {
    ColumnKind.TEXT: None,
    ColumnKind.DATE: "DD.MM.YYYY",
    ColumnKind.DATETIME: "DD.MM.YYYY HH:MM",
    ColumnKind.MONTH: "MM.YYYY",
    ColumnKind.MONEY: "#,##0.00",
    ColumnKind.EUR: "#,##0.00",
    ColumnKind.RATE: "0.0000",
    ColumnKind.INTEGER: "0",
}

# Widths in Excel character units that fit typical values of each kind:
# '1,234,567.89' for money, '31.12.2026 23:59' for a timestamp.
MIN_WIDTHS: dict[ColumnKind, float] = {
    ColumnKind.TEXT: 10,
    ColumnKind.DATE: 12.5,
    ColumnKind.DATETIME: 17.5,
    ColumnKind.MONTH: 10,
    ColumnKind.MONEY: 14,
    ColumnKind.EUR: 12,
    ColumnKind.RATE: 9,
    ColumnKind.INTEGER: 9,
}
MAX_AUTO_WIDTH = 60.0
SAMPLE_ROWS = 200  # rows looked at to size text columns

TOTALS_LABEL = "Разом"
MADE_AT_FORMAT = "%d.%m.%Y %H:%M"

# Excel's sheet size: 1,048,576 rows.
MAX_ROWS = 1_048_576


@dataclass(frozen=True)
class SheetLayout:
    """Row numbers (zero-based) of one report sheet."""

    title_lines: tuple[str, ...]
    header_row: int

    @property
    def first_data_row(self) -> int:
        return self.header_row + 1

    @property
    def max_data_rows(self) -> int:
        return MAX_ROWS - self.first_data_row - 1  # one row kept for the totals


def sheet_layout(report: Report) -> SheetLayout:
    """Company, title, period (if any), 'Сформовано: …', a blank row, the header."""
    lines = [report.company, report.title]
    if report.period:
        lines.append(report.period)
    made = f"Сформовано: {report.made_at.strftime(MADE_AT_FORMAT)}"
    lines.append(f"{made}, {report.made_by}" if report.made_by else made)
    return SheetLayout(title_lines=tuple(lines), header_row=len(lines) + 1)


def peek_rows(
    rows: Iterable[Sequence[object]], count: int = SAMPLE_ROWS
) -> tuple[list[Sequence[object]], Iterator[Sequence[object]]]:
    """The first `count` rows, and an iterator over all rows (those included)."""
    it = iter(rows)
    head = list(itertools.islice(it, count))
    return head, itertools.chain(head, it)


def column_width(column: Column, index: int, sample: Sequence[Sequence[object]]) -> float:
    """The column's width: as given, or from its title, kind and (text) sample values."""
    if column.width is not None:
        return column.width
    # The header wraps long titles; +4 leaves room for the autofilter button.
    longest_word = max((len(w) for w in column.title.split()), default=0)
    width = max(MIN_WIDTHS[column.kind], min(len(column.title), 30) + 4, longest_word + 4)
    if column.kind is ColumnKind.TEXT:
        for row in sample:
            value = row[index] if index < len(row) else None
            if value is not None:
                width = max(width, len(str(value)) + 3)
    return min(width, MAX_AUTO_WIDTH)


class WidthMeter:
    """The widest value of every text and number column over all the rows
    written, so each column fits its longest value (SPEC §13: no '####',
    no name cut off), up to MAX_AUTO_WIDTH. Numbers are measured by their
    largest and smallest value only: cheap enough for a million rows."""

    def __init__(self, columns: Sequence[Column]) -> None:
        self.columns = columns
        self.text = [i for i, c in enumerate(columns) if c.kind is ColumnKind.TEXT]
        self.numbers = [
            i
            for i, c in enumerate(columns)
            if c.kind in (ColumnKind.MONEY, ColumnKind.EUR, ColumnKind.RATE, ColumnKind.INTEGER)
        ]
        self.longest = dict.fromkeys(self.text, 0)
        self.high: dict[int, object] = {}
        self.low: dict[int, object] = {}

    def see(self, values: Sequence[object]) -> None:
        longest = self.longest
        for i in self.text:
            value = values[i]
            if value is not None:
                size = len(value) if value.__class__ is str else len(str(value))  # type: ignore[arg-type]
                if size > longest[i]:
                    longest[i] = size
        high, low = self.high, self.low
        for i in self.numbers:
            value = values[i]
            if value is None:
                continue
            if i not in high or value > high[i]:  # type: ignore[operator]
                high[i] = value
            if i not in low or value < low[i]:  # type: ignore[operator]
                low[i] = value

    def width(self, index: int, base: float) -> float:
        """The column's width: at least `base`, wide enough for its values."""
        column = self.columns[index]
        wanted = base
        if index in self.longest:
            wanted = max(wanted, self.longest[index] + 3)
        elif index in self.high:
            places = (
                0
                if column.kind is ColumnKind.INTEGER
                else 4
                if column.kind is ColumnKind.RATE
                else 2
            )
            for value in (self.high[index], self.low[index]):
                wanted = max(wanted, len(f"{value:,.{places}f}") + 3)
        if column.width is not None and column.width >= MAX_AUTO_WIDTH:
            return column.width
        return min(wanted, MAX_AUTO_WIDTH)


def total_width(total_text: str) -> float:
    """Width that shows a total such as '1,234,567,890.12' without '####'."""
    return len(total_text) + 3
