"""Rows of a CSV or XLSX file as text, with their line numbers.

Numbers from spreadsheet cells arrive as floats; they are turned into their
shortest decimal text here, at the edge, so no float travels further.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

from backoffice.errors import InputError
from backoffice.importers.archive_guard import ArchiveRefused, bounded_rows, check_archive

MAX_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class TableRow:
    line: int
    values: dict[str, str]


def read_table(path: Path) -> list[TableRow]:
    """Rows keyed by the header's (lower-cased, trimmed) column names."""
    if not path.is_file():
        raise InputError(f"{path}: file not found")
    if path.stat().st_size > MAX_BYTES:
        raise InputError(f"{path}: file is larger than {MAX_BYTES // (1024 * 1024)} MB")
    data = path.read_bytes()
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return _read_xlsx(path, data)
    return _read_csv(path, data)


def _read_csv(path: Path, data: bytes) -> list[TableRow]:
    text = _decode(path, data)
    first_line = text.split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        lines = list(reader)
    except csv.Error as exc:
        raise InputError(f"{path}: line {reader.line_num}: {exc}") from None
    return _rows(path, [[cell.strip() for cell in line] for line in lines])


def _decode(path: Path, data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if b"\x00" in data:
        raise InputError(f"{path}: not a text table (binary data)")
    return data.decode("cp1251")


def _read_xlsx(path: Path, data: bytes) -> list[TableRow]:
    from zipfile import BadZipFile

    from openpyxl import load_workbook

    try:
        check_archive(data)  # before a byte is inflated: no zip bombs
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except ArchiveRefused as exc:
        raise InputError(f"{path}: {exc}") from None
    except (BadZipFile, KeyError, ValueError, OSError) as exc:
        raise InputError(f"{path}: not a readable XLSX workbook ({exc})") from None
    try:
        sheet = workbook.worksheets[0]
        rows = bounded_rows(sheet.iter_rows(values_only=True))
        lines = [[_cell_text(cell) for cell in row] for row in rows]
    except ArchiveRefused as exc:
        raise InputError(f"{path}: {exc}") from None
    except (BadZipFile, KeyError, ValueError, OSError) as exc:  # a lying size: bad CRC
        raise InputError(f"{path}: not a readable XLSX workbook ({exc})") from None
    finally:
        workbook.close()
    return _rows(path, lines)


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        # repr is the shortest text that reads back as the same float: 1234.5,
        # never 1234.4999999; a whole number loses its ".0".
        text = repr(value)
        return text[:-2] if text.endswith(".0") else text
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def _rows(path: Path, lines: list[list[str]]) -> list[TableRow]:
    while lines and not any(lines[0]):
        lines.pop(0)
    if not lines:
        raise InputError(f"{path}: the file is empty")
    header = [name.strip().lower() for name in lines[0]]
    rows = []
    for number, cells in enumerate(lines[1:], start=2):
        if not any(cells):
            continue
        if len(cells) > len(header) and any(cells[len(header) :]):
            raise InputError(f"{path}: line {number}: more cells than header columns")
        values = {name: cells[i] if i < len(cells) else "" for i, name in enumerate(header)}
        rows.append(TableRow(number, values))
    return rows
