"""Turn one report value into one XlsxWriter cell, per column kind.

Each column gets a small function `put(sheet, row, col, value)`, chosen once,
so the per-cell work in a million-row export is one call and a type check.
Decimals become IEEE doubles only here, at the file-format edge: xlsx stores
numbers as doubles, and a double holds any amount up to 2^53 kopiykas closely
enough to read back the same two decimals. Floats are refused: a float
reaching an export means an amount was computed in floating point somewhere.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet

from backoffice.errors import InputError
from backoffice.exports.report import Column, ColumnKind
from backoffice.exports.safe_text import clean_text, looks_like_formula

Put = Callable[[Worksheet, int, int, object], None]

# Serial day numbers as Excel counts them: 1900-03-01 is 61 (Excel keeps
# Lotus's phantom 1900-02-29, so dates before March 1900 are refused).
_EXCEL_EPOCH_ORDINAL = dt.date(1899, 12, 30).toordinal()
_FIRST_DATE = dt.date(1900, 3, 1)
_SECONDS_PER_DAY = 86400


class BadValue(InputError):
    """A value that does not fit its column; the writer adds where it was."""


def excel_date(value: dt.date) -> int:
    if value < _FIRST_DATE:
        raise BadValue(f"date {value} is before 01.03.1900")
    return value.toordinal() - _EXCEL_EPOCH_ORDINAL


def excel_datetime(value: dt.datetime) -> float:
    """Wall-clock serial number; a time zone, if any, is dropped (not converted)."""
    seconds = value.hour * 3600 + value.minute * 60 + value.second + value.microsecond / 1e6
    return excel_date(value.date()) + seconds / _SECONDS_PER_DAY


def make_put(
    column: Column,
    fmt: Format | None,
    total: list[Decimal] | None,
    quoted: Format | None = None,
) -> Put:
    """The cell writer for `column`; `total`, if given, is a 1-item sum it adds to.

    `quoted` is the text format with Excel's quote prefix, for text that could
    be taken for a formula (see safe_text)."""
    kind = column.kind
    if kind is ColumnKind.TEXT:
        return _text_put(fmt, quoted or fmt)
    if kind in (ColumnKind.DATE, ColumnKind.MONTH):
        return _date_put(fmt)
    if kind is ColumnKind.DATETIME:
        return _datetime_put(fmt)
    return _number_put(kind, fmt, total)


def _text_put(fmt: Format | None, quoted: Format | None) -> Put:
    def put(sheet: Worksheet, row: int, col: int, value: object) -> None:
        if value is None:
            return
        text = clean_text(value if value.__class__ is str else str(value))
        # write_string, never write(): text such as '=1+1' or '0012' stays text;
        # the quote prefix keeps it text when someone edits the cell in Excel.
        sheet.write_string(row, col, text, quoted if looks_like_formula(text) else fmt)

    return put


def _date_put(fmt: Format | None) -> Put:
    def put(sheet: Worksheet, row: int, col: int, value: object) -> None:
        if value is None:
            return
        if isinstance(value, dt.datetime):
            value = value.date()
        elif not isinstance(value, dt.date):
            raise BadValue(f"{value!r} is not a date")
        sheet.write_number(row, col, excel_date(value), fmt)

    return put


def _datetime_put(fmt: Format | None) -> Put:
    def put(sheet: Worksheet, row: int, col: int, value: object) -> None:
        if value is None:
            return
        if not isinstance(value, dt.datetime):
            raise BadValue(f"{value!r} is not a date and time")
        sheet.write_number(row, col, excel_datetime(value), fmt)

    return put


def _number_put(kind: ColumnKind, fmt: Format | None, total: list[Decimal] | None) -> Put:
    decimals = kind is not ColumnKind.INTEGER
    expected = "a Decimal" if decimals else "an int"

    def put(sheet: Worksheet, row: int, col: int, value: object) -> None:
        if value is None:
            return
        number: Decimal | int
        if decimals and isinstance(value, Decimal):
            if not value.is_finite():
                raise BadValue(f"{value} is not a finite number")
            number = value
        elif isinstance(value, int) and value.__class__ is not bool:
            number = value
        else:
            raise BadValue(f"{value!r} is not {expected}")
        if total is not None:
            total[0] += number
        sheet.write_number(row, col, float(number), fmt)

    return put
