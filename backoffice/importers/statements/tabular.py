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
_EQUIVALENT_NOTE = "the amount is read from the equivalent columns (the account-currency pair is 0)"


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
    note: str = ""
    """How the layout was found, when the result should say it (columns read by content)."""


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
    """Statement lines of the data rows, every one of them, or a RowError.

    A data row is any non-blank row after the header that is not a footer
    (Разом, Сальдо ...). Each becomes a line or the file is refused: a row
    with no amount or no direction is named, never dropped with a warning.
    """
    profile = layout.profile
    fixed_account = _fixed_account(grid, layout)
    if layout.header_index is not None:
        _check_gap(grid, layout)
    lines: list[StatementLine] = []
    no_amount: list[int] = []
    accounts: dict[str, None] = dict.fromkeys([fixed_account] if fixed_account else [])
    on_equivalent = 0
    joined = "purpose_extra" in layout.columns
    for number, cells in grid[layout.data_from :]:
        if not any(cells):
            continue

        def get(field: str, cells: list[str] = cells) -> str:
            col = layout.columns.get(field)
            return cells[col].strip() if col is not None and col < len(cells) else ""

        date_text = get("date")
        # a data row mostly starts with a digit (a date, a number, a code): no footer test
        if not cells[0][:1].isdigit() and _is_footer(cells, date_text, profile):
            continue
        try:
            if not date_text:
                raise RowError("the date cell is empty")
            line = _line(number, get, profile, fixed_account, joined)
        except RowError as exc:
            # the rows not read still name our account: the "ours" check needs it
            accounts.setdefault(norm.account(get("our_account")) or fixed_account)
            raise RowError(exc.reason, number, tuple(a for a in accounts if a)) from None
        if line is None:
            no_amount.append(number)
            accounts.setdefault(norm.account(get("our_account")) or fixed_account)
            continue
        accounts.setdefault(line.our_account)
        on_equivalent += line.warnings[-1:] == (_EQUIVALENT_NOTE,)
        lines.append(line)
    ours = tuple(a for a in accounts if a)
    if no_amount:
        raise RowError(_no_amount_reason(layout, no_amount), no_amount[0], ours)
    if not lines:
        raise RowError(f"profile {profile.name} found no statement line in this file", None, ours)
    _check_count(layout, lines)
    warnings = [layout.note] if layout.note else []
    if layout.note and not ours:
        warnings.append("the file names no account of ours: check that it is our statement")
    if on_equivalent:
        debit, credit = (" / ".join(profile.column(f)) for f in ("debit", "credit"))
        debit_eq, credit_eq = (
            " / ".join(profile.column(f)) for f in ("debit_equivalent", "credit_equivalent")
        )
        warnings.append(
            f"{debit}/{credit} are zero on {on_equivalent} of {len(lines)} rows: their amounts "
            f"were read from {debit_eq}/{credit_eq}, the same amounts in UAH"
        )
    return Statement("", profile.name, ours, tuple(lines), tuple(warnings))


def _is_footer(cells: list[str], date_text: str, profile: MappingProfile) -> bool:
    """A "Разом"/"Сальдо" row: its first cell says so and its date cell holds no date
    (a payment whose first cell happens to start with such a word is still read)."""
    first = cells[0] if cells[0] else next(c for c in cells if c)
    if first[:1].isdigit():  # the usual data row: no footer word starts with a digit
        return False
    if not any(norm.text_key(first).startswith(w) for w in profile.footer_words):
        return False
    if not date_text:
        return True
    try:
        norm.parse_date(date_text, profile.date_formats)
    except RowError:
        return True
    return False


def _no_amount_reason(layout: Layout, rows: list[int]) -> str:
    profile = layout.profile
    if profile.amount_mode == "debit_credit":
        where = " / ".join((*profile.column("debit"), *profile.column("credit")))
    else:
        where = " / ".join(profile.column("amount"))
    others = ""
    if len(rows) > 1:
        shown = ", ".join(str(n) for n in rows[1:11])
        more = f" and {len(rows) - 11} more" if len(rows) > 11 else ""
        others = f" (also lines {shown}{more})"
    return (
        f"no amount in {where}{others}: the file is refused rather than a row lost; "
        "check the export or map the amount columns in a profile"
    )


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
    number: int, get: Getter, profile: MappingProfile, fixed_account: str, joined: bool
) -> StatementLine | None:
    amount, direction, equivalent = _amount(get, profile)
    if amount is None or direction is None:
        return None
    code, warnings = norm.payer_code(get("payer_code"))
    if equivalent:
        warnings = (*warnings, _EQUIVALENT_NOTE)
    our_code = norm.payer_code(get("our_code"))[0]
    purpose = get("purpose")
    if joined:  # a second purpose column (Crédit Agricole)
        purpose = f"{purpose} {get('purpose_extra')}"
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
        purpose=norm.collapse(purpose),
        bank_reference=norm.collapse(get("bank_reference")),
        document_number=norm.collapse(get("document_number")),
        warnings=warnings,
        our_code=our_code,
    )


def _parse(text: str, profile: MappingProfile, what: str) -> Decimal:
    if profile.kopiykas:
        return norm.kopiykas(text, what=what)
    return norm.parse_amount(text, what=what, decimal_comma=profile.decimal_comma)


def _pair(
    get: Getter, profile: MappingProfile, debit_field: str, credit_field: str
) -> tuple[Decimal, Decimal]:
    debit = _parse(get(debit_field), profile, "debit") if get(debit_field) else Decimal(0)
    credit = _parse(get(credit_field), profile, "credit") if get(credit_field) else Decimal(0)
    if debit and credit:
        raise RowError(f"both debit ({debit}) and credit ({credit}) hold an amount")
    return debit, credit


def _amount(get: Getter, profile: MappingProfile) -> tuple[Decimal | None, Direction | None, bool]:
    """(positive amount, direction, read from the equivalent columns), or
    (None, None, False) for a row with no amount."""
    if profile.amount_mode == "debit_credit":
        debit, credit = _pair(get, profile, "debit", "credit")
        equivalent = False
        if not debit and not credit and profile.column("credit_equivalent"):
            # PUMB: DB/CR in the account currency are 0, UDB/UCR hold the UAH amounts.
            debit, credit = _pair(get, profile, "debit_equivalent", "credit_equivalent")
            equivalent = bool(debit or credit)
        if credit:
            return abs(credit), Direction.CREDIT, equivalent
        if debit:
            return abs(debit), Direction.DEBIT, equivalent
        return None, None, False
    if not get("amount"):
        return None, None, False
    amount = _parse(get("amount"), profile, "amount")
    if profile.amount_mode == "signed":
        if not amount:
            return None, None, False
        return abs(amount), Direction.CREDIT if amount > 0 else Direction.DEBIT, False
    word = norm.text_key(get("direction"))
    if amount < 0:
        raise RowError(f"amount {amount} is negative, but the direction column gives the sign")
    if not amount:
        return None, None, False
    if word in profile.credit_words:
        return amount, Direction.CREDIT, False
    if word in profile.debit_words:
        return amount, Direction.DEBIT, False
    raise RowError(
        f"direction {get('direction')!r} is neither credit "
        f"({', '.join(profile.credit_words)}) nor debit "
        f"({', '.join(profile.debit_words)})"
    )
