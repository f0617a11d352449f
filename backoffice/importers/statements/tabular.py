"""Applying a mapping profile to the cells of a table file.

`bind` finds where a profile's columns are in a given file (or says why they
are not there); `read_rows` turns the data rows into statement lines. Both
are used by auto-detection, which tries every profile and keeps the one that
recognises the most columns.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from backoffice.importers.statements import normalise as norm
from backoffice.importers.statements.lines import Direction, RowError, Statement, StatementLine
from backoffice.importers.statements.profiles import MappingProfile
from backoffice.importers.statements.sheets import Grid

_HEADER_SEARCH_ROWS = 30
Getter = Callable[[str], str]
_TITLE_IBAN = re.compile(r"\bUA\d{2}[0-9A-Z*]{10,27}\b")


@dataclass(frozen=True)
class Layout:
    """A profile bound to one file: where its header, columns and data are."""

    profile: MappingProfile
    columns: dict[str, int]
    """Field -> 0-based column."""
    data_from: int
    """Index into the grid of the first data row."""
    header_index: int | None
    summary: dict[str, str]


def bind(profile: MappingProfile, grid: Grid) -> tuple[Layout | None, str]:
    """The layout of `grid` under `profile`, or (None, why it does not fit)."""
    if profile.positional:
        return _bind_positional(profile, grid)
    if profile.header_row:
        candidates = [i for i, (n, _) in enumerate(grid) if n == profile.header_row]
    else:
        candidates = list(range(min(len(grid), _HEADER_SEARCH_ROWS)))
    best_missing: list[str] | None = None
    for index in candidates:
        keys = [norm.header_key(c) for c in grid[index][1]]
        columns: dict[str, int] = {}
        for field, alternatives in profile.columns:
            for name in alternatives:
                key = norm.header_key(name)
                if key in keys:
                    columns[field] = keys.index(key)
                    break
        missing = [f for f, _ in profile.columns if f not in columns and f not in profile.optional]
        if not missing:
            layout = Layout(profile, columns, index + profile.data_offset, index, {})
            return layout, ""
        if best_missing is None or len(missing) < len(best_missing):
            best_missing = missing
    if best_missing is None:
        return None, f"no header row found for profile {profile.name}"
    wanted = ", ".join(f"{f} ({' / '.join(profile.column(f))})" for f in best_missing)
    return None, f"profile {profile.name}: the header has no column for {wanted}"


def _bind_positional(profile: MappingProfile, grid: Grid) -> tuple[Layout | None, str]:
    columns = {field: int(alts[0][1:]) - 1 for field, alts in profile.columns}
    summary: dict[str, str] = {}
    start = 0
    if profile.summary_row:
        rows = [i for i, (n, _) in enumerate(grid) if n == profile.summary_row]
        if not rows:
            return None, f"profile {profile.name}: no summary row {profile.summary_row}"
        cells = grid[rows[0]][1]
        summary = {
            k: cells[p - 1] if p - 1 < len(cells) else "" for k, p in profile.summary_columns
        }
        start = rows[0] + 1
    data = [cells for _, cells in grid[start:] if any(cells)]
    if not data:
        return None, f"profile {profile.name}: no data rows"
    widest = max(len(c) for c in data)
    if profile.column_count and widest > profile.column_count:
        return (
            None,
            f"profile {profile.name}: rows have {widest} columns, expected at most "
            f"{profile.column_count}",
        )
    words = {*profile.credit_words, *profile.debit_words}
    if "direction" in columns:
        col = columns["direction"]
        if any(norm.text_key(c[col] if col < len(c) else "") not in words for c in data):
            return None, f"profile {profile.name}: column {col + 1} is not a C/D flag everywhere"
    return Layout(profile, columns, start + profile.data_offset - 1, None, summary), ""


def read_rows(grid: Grid, layout: Layout) -> Statement:
    """Statement lines of the data rows; RowError(reason, line) on the first bad row."""
    profile = layout.profile
    warnings: list[str] = []
    fixed_account = _fixed_account(grid, layout)
    if layout.header_index is not None:
        _check_gap(grid, layout)
    lines: list[StatementLine] = []
    for number, cells in grid[layout.data_from :]:
        if not any(cells):
            continue

        def get(field: str, cells: list[str] = cells) -> str:
            col = layout.columns.get(field)
            return cells[col].strip() if col is not None and col < len(cells) else ""

        if not get("date"):
            first = norm.text_key(next(c for c in cells if c))
            if any(first.startswith(w) for w in profile.footer_words):
                continue
            raise RowError("the date cell is empty", number)
        try:
            line = _line(number, get, profile, fixed_account)
        except RowError as exc:
            raise RowError(exc.reason, number) from None
        if line is None:
            warnings.append(f"line {number}: no amount; the row is ignored")
            continue
        lines.append(line)
    _check_count(layout, lines)
    accounts = tuple(dict.fromkeys(ln.our_account for ln in lines if ln.our_account))
    return Statement("", profile.name, accounts, tuple(lines), tuple(warnings))


def _fixed_account(grid: Grid, layout: Layout) -> str:
    """Our account when no column holds it: the profile, the summary row, or a title row."""
    if layout.profile.our_account:
        return norm.account(layout.profile.our_account)
    if layout.summary.get("account"):
        return norm.account(layout.summary["account"])
    end = layout.header_index if layout.header_index is not None else 0
    for _, cells in grid[:end]:
        found = _TITLE_IBAN.search(" ".join(cells).upper())
        if found:
            return found.group(0)
    return ""


def _check_gap(grid: Grid, layout: Layout) -> None:
    """Rows the profile skips after the header must not hold a date: that would be lost data."""
    col = layout.columns["date"]
    assert layout.header_index is not None
    for number, cells in grid[layout.header_index + 1 : layout.data_from]:
        cell = cells[col] if col < len(cells) else ""
        try:
            norm.parse_date(cell, layout.profile.date_formats)
        except RowError:
            continue
        raise RowError(
            f"this row holds a date but profile {layout.profile.name} expects data "
            f"only from {layout.profile.data_offset} rows below the header",
            number,
        )


def _check_count(layout: Layout, lines: list[StatementLine]) -> None:
    stated = layout.summary.get("count", "").strip()
    if not stated:
        return
    if not stated.isdigit() or int(stated) != len(lines):
        raise RowError(
            f"the first row says {stated} documents but the file holds {len(lines)}: "
            "the file is truncated or edited",
            layout.profile.summary_row,
        )


def _line(
    number: int, get: Getter, profile: MappingProfile, fixed_account: str
) -> StatementLine | None:
    amount, direction = _amount(get, profile)
    if amount is None or direction is None:
        return None
    code, warnings = norm.payer_code(get("payer_code"))
    our_code = norm.payer_code(get("our_code"))[0]
    return StatementLine(
        line_no=number,
        our_account=norm.account(get("our_account")) or fixed_account,
        date=norm.parse_date(get("date"), profile.date_formats),
        amount=amount,
        currency=norm.currency(get("currency"), profile.default_currency),
        direction=direction,
        payer_name=norm.collapse(get("payer_name")),
        payer_code=code,
        payer_iban=norm.account(get("payer_iban")),
        purpose=norm.collapse(get("purpose")),
        bank_reference=norm.collapse(get("bank_reference")),
        document_number=norm.collapse(get("document_number")),
        warnings=warnings,
        our_code=our_code,
    )


def _parse(text: str, profile: MappingProfile, what: str) -> Decimal:
    if profile.kopiykas:
        return norm.kopiykas(text, what=what)
    return norm.parse_amount(text, what=what, decimal_comma=profile.decimal_comma)


def _amount(get: Getter, profile: MappingProfile) -> tuple[Decimal | None, Direction | None]:
    """(positive amount, direction), or (None, None) for a row with no amount."""
    if profile.amount_mode == "debit_credit":
        debit = _parse(get("debit"), profile, "debit") if get("debit") else Decimal(0)
        credit = _parse(get("credit"), profile, "credit") if get("credit") else Decimal(0)
        if debit and credit:
            raise RowError(f"both debit ({debit}) and credit ({credit}) hold an amount")
        if credit:
            return abs(credit), Direction.CREDIT
        if debit:
            return abs(debit), Direction.DEBIT
        return None, None
    if not get("amount"):
        raise RowError("the amount cell is empty")
    amount = _parse(get("amount"), profile, "amount")
    if profile.amount_mode == "signed":
        if not amount:
            return None, None
        return abs(amount), Direction.CREDIT if amount > 0 else Direction.DEBIT
    word = norm.text_key(get("direction"))
    if amount < 0:
        raise RowError(f"amount {amount} is negative, but the direction column gives the sign")
    if word in profile.credit_words:
        return (amount or None), Direction.CREDIT
    if word in profile.debit_words:
        return (amount or None), Direction.DEBIT
    raise RowError(
        f"direction {get('direction')!r} is neither credit "
        f"({', '.join(profile.credit_words)}) nor debit "
        f"({', '.join(profile.debit_words)})"
    )
