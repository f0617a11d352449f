"""Reading a table file (CSV, BIFF8 XLS, XLSX, HTML saved as .xls) into text cells.

Every reader returns `Grid`: rows of text cells with their 1-based line (CSV)
or row (spreadsheets) number. Numbers and dates from spreadsheet cells become
text here, at the edge (`float_text`, ISO dates), so no float travels further.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import TYPE_CHECKING

from backoffice.importers.archive_guard import (
    ArchiveRefused,
    bounded_rows,
    check_archive,
    check_sheet_size,
)
from backoffice.importers.statements.encoding import decode_text
from backoffice.importers.statements.lines import RowError
from backoffice.importers.statements.normalise import float_text

if TYPE_CHECKING:
    from xlrd.sheet import Cell

Row = tuple[int, list[str]]
Grid = list[Row]

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"


def read_csv(text: str, delimiter: str = "auto") -> Grid:
    """Rows of a CSV text; the line number is where each row starts."""
    if delimiter == "auto":
        delimiter = sniff_delimiter(text)
    # Track where each row starts: a quoted cell may span lines.
    reader = csv.reader(_lines_with_ends(text), delimiter=delimiter)
    grid: Grid = []
    start = 1
    try:
        for cells in reader:
            grid.append((start, [c.strip() for c in cells]))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise RowError(f"not a readable CSV row ({exc})", reader.line_num) from None
    return _trim(grid)


# A line and its end as io.StringIO(newline="") gives them: LF, CRLF or a lone CR.
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")


def _lines_with_ends(text: str, block: int = 1 << 20) -> Iterator[str]:
    """The lines of `text` with their endings, as csv.reader wants them, a
    block of about a megabyte at a time (a StringIO copy of a 20 MB
    statement took four times its size). Blocks end after an LF, so a CRLF
    is never cut in two."""
    start, size = 0, len(text)
    while start < size:
        end = text.find("\n", start + block)
        end = size if end < 0 else end + 1
        yield from _LINE.findall(text, start, end)
        start = end


def sniff_delimiter(text: str) -> str:
    """The separator that splits the first non-empty lines most consistently."""
    lines = [ln for ln in text.splitlines() if ln.strip()][:5]
    if not lines:
        return ";"
    return max(
        (";", "\t", ",", "|"), key=lambda d: (min(ln.count(d) for ln in lines), lines[0].count(d))
    )


def read_xls(data: bytes) -> Grid:
    """A real BIFF8 workbook (first sheet) through xlrd."""
    import xlrd

    try:
        # ragged_rows: a row holds the cells it has, not the sheet's widest
        # row's count (one stray cell in column IV would pad every row).
        book = xlrd.open_workbook(file_contents=data, on_demand=True, ragged_rows=True)
        sheet = book.sheet_by_index(0)
    except Exception as exc:  # xlrd raises bare XLRDError, struct.error, AssertionError...
        raise RowError(f"not a readable XLS workbook ({exc})") from None
    try:
        check_sheet_size(sheet.nrows, sum(sheet.row_len(r) for r in range(sheet.nrows)))
    except ArchiveRefused as exc:
        raise RowError(str(exc)) from None
    grid: Grid = []
    for r in range(sheet.nrows):
        cells = []
        for c, cell in enumerate(sheet.row(r)):
            try:
                cells.append(_xls_cell(cell, book.datemode))
            except RowError as exc:
                raise RowError(f"column {c + 1}: {exc.reason}", r + 1) from None
        grid.append((r + 1, cells))
    book.release_resources()
    return _trim(grid)


def _xls_cell(cell: Cell, datemode: int) -> str:
    import xlrd

    kind = cell.ctype
    value = cell.value
    if kind == xlrd.XL_CELL_NUMBER:
        return float_text(value)
    if kind == xlrd.XL_CELL_DATE:
        moment = xlrd.xldate_as_datetime(value, datemode)
        return moment.date().isoformat() if moment.time() == dt.time() else moment.isoformat()
    if kind == xlrd.XL_CELL_BOOLEAN:
        return "true" if value else "false"
    if kind == xlrd.XL_CELL_ERROR:
        return ""
    return str(value).strip()


def read_xlsx(data: bytes) -> Grid:
    """The first sheet of an XLSX workbook, read-only (big files stay cheap)."""
    from zipfile import BadZipFile

    from openpyxl import load_workbook

    try:
        check_archive(data)  # before a byte is inflated: no zip bombs
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except ArchiveRefused as exc:
        raise RowError(str(exc)) from None
    except (BadZipFile, KeyError, ValueError, OSError, TypeError) as exc:
        raise RowError(f"not a readable XLSX workbook ({exc})") from None
    try:
        sheet = book.worksheets[0]
        grid: Grid = []
        rows = bounded_rows(sheet.iter_rows(values_only=True))
        for number, values in enumerate(rows, start=1):
            try:
                grid.append((number, [_xlsx_cell(v) for v in values]))
            except RowError as exc:
                raise RowError(exc.reason, number) from None
    except ArchiveRefused as exc:
        raise RowError(str(exc)) from None
    except (BadZipFile, KeyError, OSError, TypeError) as exc:  # a lying size: bad CRC
        raise RowError(f"not a readable XLSX workbook ({exc})") from None
    finally:
        book.close()
    return _trim(grid)


def _xlsx_cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return float_text(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


class _TableParser(HTMLParser):
    """Collects the cells of every <tr>; nested markup inside a cell is flattened."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[tuple[int, list[str]]] = []
        self._row: list[str] | None = None
        self._cell: list[str] | None = None
        self._row_line = 0
        self._pad = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self._close_row()
            self._row, self._row_line = [], self.getpos()[0]
        elif tag in ("td", "th"):
            if self._row is None:
                self._row, self._row_line = [], self.getpos()[0]
            self._close_cell()
            self._cell = []
            span = dict(attrs).get("colspan") or "1"
            self._pad = int(span) - 1 if span.isdigit() else 0
        elif tag == "br" and self._cell is not None:
            self._cell.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th"):
            self._close_cell()
        elif tag in ("tr", "table"):
            self._close_row()

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)

    def _close_cell(self) -> None:
        if self._cell is not None and self._row is not None:
            self._row.append(" ".join("".join(self._cell).split()))
            self._row.extend([""] * self._pad)
        self._cell = None

    def _close_row(self) -> None:
        self._close_cell()
        if self._row is not None:
            self.rows.append((self._row_line, self._row))
        self._row = None


def read_html(text: str) -> Grid:
    """An HTML table saved with an .xls name (several banks do this).

    Row numbers count table rows (as Excel shows them when it opens the file),
    not lines of HTML source.
    """
    parser = _TableParser()
    parser.feed(text)
    parser.close()
    parser._close_row()
    if not parser.rows:
        raise RowError("the HTML file holds no table rows")
    return _trim([(n, cells) for n, (_, cells) in enumerate(parser.rows, start=1)])


def looks_like_html(text: str) -> bool:
    head = text[:4096].lower()
    return "<html" in head or "<table" in head or "<!doctype html" in head


def read_text_table(data: bytes, delimiter: str = "auto", encoding: str = "auto") -> Grid:
    """CSV or HTML from raw bytes, decoding them first."""
    if encoding == "auto":
        text, _ = decode_text(data)
    else:
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError) as exc:
            raise RowError(f"the file is not {encoding} text ({exc})") from None
    text = text.lstrip("\ufeff")
    return read_html(text) if looks_like_html(text) else read_csv(text, delimiter)


def _trim(grid: Grid) -> Grid:
    """Drop trailing empty cells (rows ending in ';'), keep empty rows as []."""
    out: Grid = []
    for number, cells in grid:
        while cells and not cells[-1]:
            cells = cells[:-1]
        out.append((number, cells))
    return out
