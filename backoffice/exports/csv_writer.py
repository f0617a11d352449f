"""CSV exports of a report, as Excel opens them in a Ukrainian locale.

UTF-8 with BOM, `;` between fields, a decimal comma and no thousands
separator in amounts, ISO dates. The same `Report` record the XLSX writer
takes, so the window and the command line hand one record to one writer and
only the file's suffix decides the format (`write_table`). Title rows are left
out: a CSV is read by other programs, which want the header first.

Text goes through `safe_text.csv_text` (formula injection, control
characters); numbers and dates are written from their typed values, so a
negative amount stays a number. All or nothing through `atomic_path`.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from backoffice.errors import InputError
from backoffice.exports.atomic import atomic_path, cannot_write
from backoffice.exports.report import ColumnKind, ExportCancelled, Report, WriteResult
from backoffice.exports.safe_text import csv_text

PROGRESS_EVERY = 1000
_PLACES = {
    ColumnKind.MONEY: Decimal("0.01"),
    ColumnKind.EUR: Decimal("0.01"),
    ColumnKind.RATE: Decimal("0.0001"),
}

Cell = Callable[[object], str]


def write_csv(
    report: Report,
    path: Path,
    *,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> WriteResult:
    """Write the report's header and rows as CSV at `path`, all or nothing."""
    path = Path(path)
    cells = [_cell_writer(column.kind) for column in report.columns]
    width = len(cells)
    count = 0
    with atomic_path(path) as temp:
        try:
            with open(temp, "w", encoding="utf-8-sig", newline="") as handle:
                writer = csv.writer(handle, delimiter=";")
                writer.writerow([csv_text(column.title) for column in report.columns])
                for count, values in enumerate(report.rows, start=1):
                    if len(values) != width:
                        raise InputError(
                            f"{report.sheet_name}, data row {count}: "
                            f"{len(values)} values for {width} columns"
                        )
                    writer.writerow(
                        [cell(value) for cell, value in zip(cells, values, strict=True)]
                    )
                    if count % PROGRESS_EVERY == 0:
                        _tick(count, progress, cancelled)
        except OSError as exc:
            raise cannot_write(path, exc) from exc
    if progress is not None:
        progress(count)
    return WriteResult(rows=count, path=path)


def write_table(
    report: Report,
    path: Path,
    *,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> WriteResult:
    """The one export writer: CSV for a `.csv` path, else an XLSX workbook."""
    from backoffice.exports.xlsx_writer import write_report

    writer = write_csv if Path(path).suffix.lower() == ".csv" else write_report
    return writer(report, path, progress=progress, cancelled=cancelled)


def csv_number(value: Decimal, kind: ColumnKind = ColumnKind.MONEY) -> str:
    """`-1234.5` → `-1234,50`: what a Ukrainian-locale spreadsheet reads as a number."""
    places = _PLACES.get(kind)
    if places is not None:
        value = value.quantize(places)
    return f"{value:f}".replace(".", ",")


def _tick(
    count: int,
    progress: Callable[[int], None] | None,
    cancelled: Callable[[], bool] | None,
) -> None:
    if cancelled is not None and cancelled():
        raise ExportCancelled("Export cancelled")
    if progress is not None:
        progress(count)


def _cell_writer(kind: ColumnKind) -> Cell:
    if kind is ColumnKind.TEXT:
        return _text
    if kind is ColumnKind.DATE:
        return _date
    if kind is ColumnKind.DATETIME:
        return _datetime
    return lambda value: _number(value, kind)


def _text(value: object) -> str:
    return "" if value is None else csv_text(str(value))


def _date(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = value.date()
    if not isinstance(value, dt.date):
        raise InputError(f"{value!r} is not a date")
    return value.isoformat()


def _datetime(value: object) -> str:
    if value is None:
        return ""
    if not isinstance(value, dt.datetime):
        raise InputError(f"{value!r} is not a date and time")
    return value.strftime("%Y-%m-%d %H:%M")


def _number(value: object, kind: ColumnKind) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal) and value.is_finite():
        return csv_number(value, kind)
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    raise InputError(f"{value!r} is not a number")
