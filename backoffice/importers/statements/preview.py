"""What the import wizard shows before anything is imported.

`preview` reads a file the way the import would and says how: which profile
(or the reading by content), the first rows with the field each column was
read as, and every line the file makes with its fate, or why the file cannot
be read as it stands. `mapped_profile` turns the user's column choices into a
profile that can be previewed again and saved under the bank's name. Pure:
no database, no Qt.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from backoffice.errors import InputError
from backoffice.importers.statements import columns as by_content
from backoffice.importers.statements import detect
from backoffice.importers.statements.lines import (
    OwnCompany,
    RowError,
    StatementFileError,
    StatementLine,
)
from backoffice.importers.statements.profiles import BUILTIN_PROFILES, MappingProfile, names_of
from backoffice.importers.statements.reading import read_statement
from backoffice.importers.statements.sheets import Grid
from backoffice.importers.statements.tabular import Layout, bind

PREVIEW_ROWS = 12
_DEFAULT_DATES = MappingProfile.__dataclass_fields__["date_formats"].default


@dataclass(frozen=True)
class Preview:
    format: str
    """The profile (or fixed format) the file is read with; '' when nothing fits."""
    note: str
    """How it was read, or why no profile fits."""
    rows: tuple[tuple[int, tuple[str, ...]], ...]
    """The first rows of a table file (1-based row number, cells); () for 1C, MT940, camt."""
    header_row: int | None
    """1-based row of the header; None when the file has none or it was not found."""
    fields: Mapping[int, str]
    """0-based column -> the field it is read as."""
    lines: tuple[StatementLine, ...]
    """Every line the file makes, with skip reasons and hints; () when it cannot be read."""
    error: str
    """Why the file cannot be imported as it stands; '' when it can."""
    warnings: tuple[str, ...] = ()


def preview(
    data: bytes,
    file_name: str,
    format: str = "auto",
    profiles: Sequence[MappingProfile] = (),
    own: OwnCompany | None = None,
    rows: int = PREVIEW_ROWS,
) -> Preview:
    """How `data` would be read; never raises for a file it cannot read."""
    try:
        kind = detect.sniff(data)
    except RowError as exc:
        return Preview("", "", (), None, {}, (), exc.reason)
    if kind not in detect.TABLE_KINDS:
        return _whole(data, file_name, format, profiles, own, (), None, {}, "")
    known = (*profiles, *BUILTIN_PROFILES)
    by_name = {n: p for p in reversed(known) for n in reversed(names_of(p))}
    try:
        grid = detect.read_grid(data, kind, by_name.get(format))
    except RowError as exc:
        return Preview("", "", (), None, {}, (), exc.reason)
    shown = tuple((n, tuple(cells)) for n, cells in grid[: rows + _header_index(grid)])
    layout, note = _layout(grid, format, by_name, known)
    if layout is None:
        reading = by_content.read_columns(grid)
        fields = _fields_of_profile(reading.profile, grid) if reading else {}
        header = reading.header_row if reading else _first_row(grid)
        return Preview("", note, shown, header, fields, (), note)
    header = grid[layout.header_index][0] if layout.header_index is not None else None
    fields = {col: field for field, col in layout.columns.items()}
    return _whole(data, file_name, format, profiles, own, shown, header, fields, layout.note)


def _whole(
    data: bytes,
    file_name: str,
    format: str,
    profiles: Sequence[MappingProfile],
    own: OwnCompany | None,
    shown: tuple[tuple[int, tuple[str, ...]], ...],
    header: int | None,
    fields: Mapping[int, str],
    note: str,
) -> Preview:
    try:
        statement = read_statement(data, file_name, format, profiles, own)
    except StatementFileError as exc:
        where = f"line {exc.line}: " if exc.line is not None else ""
        return Preview("", note, shown, header, fields, (), where + exc.reason)
    return Preview(
        statement.format, note, shown, header, fields, statement.lines, "", statement.warnings
    )


def _layout(
    grid: Grid, format: str, by_name: dict[str, MappingProfile], known: Sequence[MappingProfile]
) -> tuple[Layout | None, str]:
    if format != "auto":
        profile = by_name.get(format)
        if profile is None:
            return None, f"unknown profile {format!r}"
        return bind(profile, grid)
    try:
        return detect.choose_profile(grid, [p for p in known if by_name[p.name] is p]), ""
    except RowError as exc:
        return None, exc.reason


def _header_index(grid: Grid) -> int:
    """Title rows above the header are shown too, so the preview starts at the top."""
    reading = by_content.read_columns(grid)
    if reading is None:
        return 0
    return next((i for i, (n, _) in enumerate(grid) if n == reading.header_row), 0)


def _first_row(grid: Grid) -> int | None:
    return next((n for n, cells in grid if any(cells)), None)


def _fields_of_profile(profile: MappingProfile, grid: Grid) -> dict[int, str]:
    layout, _ = bind(profile, grid)
    return {col: field for field, col in layout.columns.items()} if layout else {}


def mapped_profile(
    name: str,
    header: Sequence[str],
    header_row: int,
    fields: Mapping[int, str],
    data_rows: Sequence[Sequence[str]] = (),
    description: str = "",
) -> MappingProfile:
    """A profile from the user's choice of a field per column (by header text).

    The amount mode follows the columns chosen: a debit and a credit column, an
    amount with a direction column, or a signed amount. The date formats are
    the ones the date column's cells are written in, else the usual ones."""
    chosen = {field: col for col, field in sorted(fields.items()) if field}
    if "debit" in chosen and "credit" in chosen:
        mode = "debit_credit"
    elif "amount" in chosen:
        mode = "direction" if "direction" in chosen else "signed"
    else:
        raise InputError("choose the amount columns: debit and credit, or an amount")
    if "date" not in chosen:
        raise InputError("choose the date column")
    names = [header[col].strip() if col < len(header) else "" for col in chosen.values()]
    if any(not n for n in names):
        raise InputError("every chosen column needs a header text in the header row")
    dates = [
        row[chosen["date"]].strip()
        for row in data_rows
        if chosen["date"] < len(row) and row[chosen["date"]].strip()
    ]
    formats = by_content.date_formats(dates) if dates else None
    needed = {"date", *({"debit_credit": ("debit", "credit")}.get(mode, ("amount",)))}
    if mode == "direction":
        needed.add("direction")
    return MappingProfile(
        name=name.strip(),
        description=description,
        columns=tuple((field, (header[col].strip(),)) for field, col in chosen.items()),
        optional=tuple(f for f in chosen if f not in needed),
        header_row=header_row,
        date_formats=formats or _DEFAULT_DATES,
        amount_mode=mode,
    )
