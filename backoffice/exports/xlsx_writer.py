"""Excel writer for reports (SPEC §13), streaming through XlsxWriter.

XlsxWriter in `constant_memory` mode keeps one row in memory and writes the
rest to a temp file, so a 1,000,000-row ledger takes the same memory as a
ten-row one, and it was faster than openpyxl's write-only mode on the same
workbook (bench/exports.py). openpyxl stays for reading workbooks.

Sheet layout: title rows (company, report, period, made at/by), a blank row,
the header (frozen, with an autofilter over header and data), the data, and a
totals row of SUBTOTAL formulas for the columns marked `total`. SUBTOTAL(9, …)
adds only the rows a filter leaves visible. Each formula carries its value
computed from the exact Decimals, so readers that do not recalculate show the
right total too.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import tempfile
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path

import xlsxwriter
from xlsxwriter.exceptions import (
    DuplicateWorksheetName,
    FileCreateError,
    FileSizeError,
    InvalidWorksheetName,
)
from xlsxwriter.utility import xl_col_to_name
from xlsxwriter.worksheet import Worksheet

from backoffice.errors import BackofficeError, InputError
from backoffice.exports.atomic import atomic_path, cannot_write
from backoffice.exports.cells import BadValue, make_put
from backoffice.exports.layout import (
    TOTALS_LABEL,
    WidthMeter,
    column_width,
    peek_rows,
    sheet_layout,
    total_width,
)
from backoffice.exports.report import (
    NUMERIC_KINDS,
    ExportCancelled,
    Report,
    WriteResult,
)
from backoffice.exports.safe_text import clean_text
from backoffice.exports.styles import Styles

PROGRESS_EVERY = 1000  # rows between progress calls and cancel checks


class _Ticker:
    """Progress and cancel, checked every PROGRESS_EVERY rows across all sheets."""

    def __init__(
        self,
        progress: Callable[[int], None] | None,
        cancelled: Callable[[], bool] | None,
    ) -> None:
        self.progress = progress
        self.cancelled = cancelled
        self.done = 0  # rows of the sheets already finished
        self.reported = 0

    def tick(self, rows_in_sheet: int) -> None:
        if self.cancelled is not None and self.cancelled():
            raise ExportCancelled("Export cancelled")
        self.report(self.done + rows_in_sheet)

    def report(self, rows: int) -> None:
        if self.progress is not None and rows != self.reported:
            self.progress(rows)
            self.reported = rows


def write_report(
    report: Report,
    path: Path,
    *,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> WriteResult:
    """Write one report as a one-sheet workbook at `path`, all or nothing.

    `progress(rows_written)` is called every 1,000 rows and at the end;
    `cancelled()` is checked as often and, once true, stops the export with
    ExportCancelled and no file. A value that does not fit its column raises
    InputError naming the row and column; a path that cannot be written raises
    BackofficeError naming the path. An existing file at `path` is replaced
    only when the new one is complete.
    """
    return write_workbook((report,), path, progress=progress, cancelled=cancelled)


def write_workbook(
    reports: Sequence[Report],
    path: Path,
    *,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> WriteResult:
    """Write several reports as sheets of one workbook, in order.

    The workbook's properties (title, author, created, company) come from the
    first report. Sheet names must differ. Otherwise as `write_report`;
    `rows` in the result counts the data rows of all sheets.
    """
    if not reports:
        raise InputError("A workbook needs at least one report")
    path = Path(path)
    ticker = _Ticker(progress, cancelled)
    with (
        tempfile.TemporaryDirectory(prefix="backoffice-xlsx-", ignore_cleanup_errors=True) as tmp,
        atomic_path(path) as temp,
    ):
        book = xlsxwriter.Workbook(
            str(temp),
            {
                "constant_memory": True,  # one row in memory; rows must come in order
                "tmpdir": tmp,
                "strings_to_numbers": False,
                "strings_to_formulas": False,
                "strings_to_urls": False,
            },
        )
        try:
            _set_properties(book, reports[0])
            styles = Styles(book)
            for report in reports:
                ticker.done += _write_sheet(book, styles, report, ticker)
            book.close()
        except FileCreateError as exc:
            raise _close_error(path, exc) from exc
        except FileSizeError as exc:
            raise BackofficeError(f"Cannot write {path}: the workbook is too large") from exc
        finally:
            if not book.fileclosed:
                _abandon(book)
    ticker.report(ticker.done)
    return WriteResult(rows=ticker.done, path=path)


def _write_sheet(book: xlsxwriter.Workbook, styles: Styles, report: Report, ticker: _Ticker) -> int:
    if report.draw is not None:  # a sheet with its own layout
        return report.draw(book, styles, report)
    columns = report.columns
    _check_columns(report)
    try:
        sheet = book.add_worksheet(clean_text(report.sheet_name))
    except (InvalidWorksheetName, DuplicateWorksheetName) as exc:
        raise InputError(f"Sheet name {report.sheet_name!r}: {exc}") from exc
    layout = sheet_layout(report)
    sample, rows = peek_rows(report.rows)
    widths = [column_width(column, i, sample) for i, column in enumerate(columns)]
    for i, width in enumerate(widths):
        sheet.set_column(i, i, width)

    for r, line in enumerate(layout.title_lines):
        sheet.write_string(r, 0, clean_text(line), styles.title_line(r))
    header = layout.header_row
    for c, column in enumerate(columns):
        sheet.write_string(header, c, clean_text(column.title), styles.header)

    totals = {c: [Decimal(0)] for c, column in enumerate(columns) if column.total}
    puts = [
        make_put(col, styles.data(col.kind), totals.get(c), styles.quoted_text)
        for c, col in enumerate(columns)
    ]
    indexes = range(len(columns))
    first = row = layout.first_data_row
    end = first + layout.max_data_rows
    width = len(columns)
    c = 0
    meter = WidthMeter(columns)
    for values in rows:
        if len(values) != width:
            raise InputError(
                f"{report.sheet_name}, data row {row - first + 1}: "
                f"{len(values)} values for {width} columns"
            )
        if row == end:
            raise InputError(f"{report.sheet_name}: more than {end - first} rows for one sheet")
        try:
            for c, put, value in zip(indexes, puts, values, strict=False):
                put(sheet, row, c, value)
        except BadValue as exc:
            raise InputError(
                f"{report.sheet_name}, data row {row - first + 1}, "
                f"column '{columns[c].title}': {exc}"
            ) from exc
        meter.see(values)
        row += 1
        if (row - first) % PROGRESS_EVERY == 0:
            ticker.tick(row - first)
    count = row - first

    widths = [meter.width(c, w) for c, w in enumerate(widths)]
    if totals:
        _write_totals(sheet, styles, report, row, first, totals)
        for c, total in totals.items():
            widths[c] = max(widths[c], total_width(f"{total[0]:,.2f}"))
    for c, fitted in enumerate(widths):
        sheet.set_column(c, c, fitted)
    _finish_sheet(sheet, header, max(row - 1, header), width)
    return count


def _check_columns(report: Report) -> None:
    if not report.columns:
        raise InputError(f"Report {report.title!r} has no columns")
    for column in report.columns:
        if column.total and column.kind not in NUMERIC_KINDS:
            raise InputError(
                f"Column '{column.title}' ({column.kind}) cannot have a total: not a number"
            )


def _write_totals(
    sheet: Worksheet,
    styles: Styles,
    report: Report,
    row: int,
    first: int,
    totals: dict[int, list[Decimal]],
) -> None:
    """The totals row right under the data: SUBTOTAL formulas with their values."""
    for c, column in enumerate(report.columns):
        fmt = styles.total(column.kind)
        if c in totals:
            value = totals[c][0]
            if row > first:
                letter = xl_col_to_name(c)
                formula = f"=SUBTOTAL(9,{letter}{first + 1}:{letter}{row})"
                sheet.write_formula(row, c, formula, fmt, float(value))
            else:
                sheet.write_number(row, c, 0, fmt)
        elif c == 0:
            sheet.write_string(row, c, TOTALS_LABEL, styles.total_label)
        else:
            sheet.write_blank(row, c, None, fmt)


def _finish_sheet(sheet: Worksheet, header: int, last_row: int, width: int) -> None:
    sheet.freeze_panes(header + 1, 0)
    sheet.autofilter(header, 0, last_row, width - 1)
    sheet.set_landscape()
    sheet.set_paper(9)  # A4
    sheet.fit_to_pages(1, 0)  # all columns on the page width, as many pages as needed
    sheet.repeat_rows(header)
    sheet.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.6)
    sheet.set_footer("&C&P / &N")


def _set_properties(book: xlsxwriter.Workbook, report: Report) -> None:
    made_at = report.made_at
    # dcterms:created is UTC; a naive made_at is local time.
    created = made_at.astimezone(dt.UTC).replace(tzinfo=None)
    comments = f"{report.title}, {report.period}" if report.period else report.title
    # The properties are XML too: a control character in a company name would
    # make Excel "repair" the file.
    book.set_properties(
        {
            "title": clean_text(report.title),
            "subject": clean_text(report.subject),
            "author": clean_text(report.made_by),
            "company": clean_text(report.company),
            "keywords": clean_text(report.keywords),
            "comments": clean_text(comments),
            "created": created,
        }
    )


def _close_error(path: Path, exc: FileCreateError) -> BackofficeError:
    cause = exc.args[0] if exc.args else None
    if isinstance(cause, OSError):
        return cannot_write(path, cause)
    return BackofficeError(f"Cannot write {path}: {exc}")


def _abandon(book: xlsxwriter.Workbook) -> None:
    """Close the row temp files of an unfinished workbook, so its temp folder can go.

    `_opt_close` is what Workbook.close() itself calls for this; packaging a
    half-written workbook just to throw it away would cost as much as finishing.
    """
    for sheet in book.worksheets():
        with contextlib.suppress(Exception):
            sheet._opt_close()
