"""Report records: what an Excel export shows, as plain data.

A report is built by a service (ledger, turnover sheet, registers, ...) and
handed to a writer. The writer never queries anything: every value it puts in
a cell is here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from backoffice.errors import BackofficeError


class ColumnKind(StrEnum):
    """What a column holds; decides the cell type, number format and width."""

    TEXT = "text"  # str (other values are shown with str())
    DATE = "date"  # dt.date, shown DD.MM.YYYY
    MONEY = "money"  # Decimal UAH, two places, #,##0.00
    EUR = "eur"  # Decimal EUR, two places, #,##0.00
    RATE = "rate"  # Decimal exchange rate, four places, 0.0000
    INTEGER = "integer"  # int (ids, counts)
    DATETIME = "datetime"  # dt.datetime, shown DD.MM.YYYY HH:MM
    MONTH = "month"  # dt.date, the 1st of a month, shown MM.YYYY (a real date)


# Kinds whose cells are numbers and so can carry a totals formula.
NUMERIC_KINDS = frozenset({ColumnKind.MONEY, ColumnKind.EUR, ColumnKind.RATE, ColumnKind.INTEGER})


@dataclass(frozen=True)
class Column:
    """One column of a report."""

    title: str
    """Header text, e.g. 'Сума, грн'."""
    kind: ColumnKind
    """Cell type and format of the values."""
    width: float | None = None
    """Least width in Excel character units; the writer widens the column to
    its longest value (up to MAX_AUTO_WIDTH). None: from the title and values."""
    total: bool = False
    """Put a SUBTOTAL formula for this column in the totals row under the data."""


@dataclass(frozen=True)
class Report:
    """One sheet: title rows, a header, data rows and an optional totals row."""

    title: str
    """Report name, e.g. 'Оборотно-сальдова відомість'."""
    company: str
    """Company name, the first title row."""
    period: str
    """e.g. '01.11.2026 – 30.11.2026'; '' for reports without a period."""
    made_at: dt.datetime
    """When the report was made (shown, and the workbook's 'created' property)."""
    made_by: str
    """Who made it (shown, and the workbook's author)."""
    columns: tuple[Column, ...]
    """The columns, left to right."""
    rows: Iterable[Sequence[object]]
    """Data rows, one value per column: str, Decimal, int, date, datetime or None.
    May be a generator; it is read once, in order."""
    sheet_name: str = "Звіт"
    """Sheet tab name (at most 31 characters, none of []:*?/\\)."""
    subject: str = ""
    """Workbook 'subject' property."""
    keywords: str = ""
    """Workbook 'keywords' property."""
    draw: Callable[..., int] | None = None
    """A sheet with its own layout (the reconciliation statement): called as
    `draw(book, styles, report)` instead of the table layout, it adds the
    sheet and returns its data row count. `columns` and `rows` then go unused."""


@dataclass(frozen=True)
class WriteResult:
    """What a writer produced."""

    rows: int
    """Data rows written (all sheets together)."""
    path: Path
    """The finished file."""


class ExportCancelled(BackofficeError):
    """The user cancelled an export; no file was left behind."""
