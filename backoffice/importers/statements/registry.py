"""Payment-processor registries: top-ups by individuals through a card processor.

Our own simple layout (processors can export custom CSV), UTF-8 or
windows-1251, `;` or `,` separated, header required, column order free:

    date;account;amount;fee;payer;reference[;currency][;comment]
    2026-03-02;100245;1000.00;39.00;Петренко Олена;LP-7781-01
    total;;1000.00;39.00;;

- `amount` is what the client asked to top up; `fee` is the processor's fee
  charged on top (3.9% by default, SPEC §8). The account is credited with
  `amount`, the fee is kept for reports.
- `account` is the personal account number; it is also put into `purpose`,
  so the ordinary "account number in the purpose" matching finds it.
- `reference` is the processor's unique transaction id.
- An optional last row starting with `total` must equal the column sums.
Ukrainian headers are accepted too (дата;рахунок;сума;комісія;платник;референс).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from backoffice.importers.statements import normalise as norm
from backoffice.importers.statements.lines import Direction, RowError, Statement, StatementLine
from backoffice.importers.statements.sheets import Grid

_ALIASES = {
    "date": ("date", "дата"),
    "account": ("account", "рахунок", "особовий рахунок", "счет", "лицевой счет"),
    "amount": ("amount", "сума", "сумма"),
    "fee": ("fee", "комісія", "комиссия"),
    "payer": ("payer", "платник", "плательщик"),
    "reference": ("reference", "референс", "id", "transaction id"),
    "currency": ("currency", "валюта"),
    "comment": ("comment", "коментар", "призначення", "purpose"),
}
_REQUIRED = ("date", "account", "amount", "fee")
_DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y", "%Y-%m-%d %H:%M:%S", "%d.%m.%Y %H:%M:%S", "%d.%m.%Y %H:%M")


def registry_columns(header: list[str]) -> dict[str, int] | None:
    """Field -> column when `header` is a registry header, else None."""
    keys = [norm.header_key(c) for c in header]
    columns = {}
    for field, names in _ALIASES.items():
        for name in names:
            if name in keys:
                columns[field] = keys.index(name)
                break
    return columns if all(f in columns for f in _REQUIRED) else None


def read_registry(grid: Grid) -> Statement:
    rows = [(n, cells) for n, cells in grid if any(cells)]
    if not rows:
        raise RowError("the file is empty")
    header_line, header = rows[0]
    columns = registry_columns(header)
    if columns is None:
        raise RowError("the header must name at least date;account;amount;fee", header_line)
    lines: list[StatementLine] = []
    total_row: tuple[int, list[str]] | None = None
    for number, cells in rows[1:]:
        if total_row is not None:
            raise RowError("rows after the total row", number)

        def get(field: str, cells: list[str] = cells) -> str:
            col = columns.get(field)
            return cells[col].strip() if col is not None and col < len(cells) else ""

        if norm.text_key(cells[0]) in ("total", "разом", "итого"):
            total_row = (number, cells)
            continue
        try:
            lines.append(_line(number, get))
        except RowError as exc:
            raise RowError(exc.reason, number) from None
    if total_row is not None:
        _check_total(total_row, columns, lines)
    return Statement("", "registry", (), tuple(lines), ())


def _line(number: int, get: Callable[[str], str]) -> StatementLine:
    account = norm.collapse(get("account"))
    if not account:
        raise RowError("the account cell is empty")
    amount = norm.parse_amount(get("amount"), what="amount")
    fee = norm.parse_amount(get("fee") or "0", what="fee")
    if amount <= 0:
        raise RowError(f"amount {amount} must be positive")
    if fee < 0:
        raise RowError(f"fee {fee} must not be negative")
    return StatementLine(
        line_no=number,
        our_account="",
        date=norm.parse_date(get("date"), _DATE_FORMATS),
        amount=amount,
        currency=norm.currency(get("currency")),
        direction=Direction.CREDIT,
        payer_name=norm.collapse(get("payer")),
        payer_code="",
        payer_iban="",
        purpose=norm.collapse(f"{account} {get('comment')}"),
        bank_reference=norm.collapse(get("reference")),
        document_number="",
        fee=fee,
        extra=(("account", account),),
    )


def _check_total(
    row: tuple[int, list[str]], columns: dict[str, int], lines: list[StatementLine]
) -> None:
    number, cells = row
    for field in ("amount", "fee"):
        col = columns[field]
        stated = cells[col].strip() if col < len(cells) else ""
        if not stated:
            continue
        try:
            value = norm.parse_amount(stated, what=f"total {field}")
        except RowError as exc:
            raise RowError(exc.reason, number) from None
        found = sum((getattr(ln, field) or Decimal(0) for ln in lines), Decimal("0.00"))
        if value != found:
            raise RowError(
                f"the total row says {field} {value}, the rows add up to {found}", number
            )
