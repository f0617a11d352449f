"""Usage of options per account and day (SPEC §6.3), entered or imported.

A record is a delta for the day; counters are sums over the paid period.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import Table, insert

from backoffice import validation
from backoffice.db.engine import UnitOfWork
from backoffice.db.models import UsageRecord
from backoffice.errors import InputError
from backoffice.importers.table_file import TableRow, read_table
from backoffice.permissions import Permission, require
from backoffice.services import audit, catalog, ledger, months

USAGE: Table = UsageRecord.__table__  # type: ignore[assignment]
COLUMNS = ("account", "option", "date", "quantity")


def add_usage(
    uow: UnitOfWork,
    account_number: str,
    option_code: str,
    quantity: int,
    day: dt.date,
    *,
    source: str = "manual",
) -> None:
    require(uow, Permission.RECORD_USAGE)
    quantity = validation.quantity(quantity, signed=True)  # a delta: corrections go below 0
    validation.business_date(day, what="usage date")
    account = ledger.find_account(uow, account_number)
    option = catalog.option_by_code(uow, option_code)
    months.ensure_open(uow, [day])
    uow.session.add(
        UsageRecord(
            account_id=account.id,
            option_id=option.id,
            day=day,
            quantity=quantity,
            source=source,
            created_at=audit.now(),
        )
    )
    uow.session.flush()
    audit.record(
        uow,
        "usage.add",
        f"account {account.number}",
        None,
        {"option": option.code, "quantity": quantity, "date": day, "source": source},
    )


def import_usage(uow: UnitOfWork, path: Path) -> int:
    """CSV/XLSX with columns account, option, date, quantity; all rows or none."""
    require(uow, Permission.RECORD_USAGE)
    rows = read_table(path)
    _require_columns(path, rows)
    accounts: dict[str, int] = {}
    options: dict[str, int] = {}
    records = []
    problems = []
    created = audit.now()
    for row in rows:
        values = row.values
        try:
            number = values.get("account", "").strip()
            code = values.get("option", "").strip()
            if number not in accounts:
                accounts[number] = ledger.find_account(uow, number).id
            if code not in options:
                options[code] = catalog.option_by_code(uow, code).id
            day = validation.iso_date(values.get("date", ""), what="date")
            quantity = validation.quantity(values.get("quantity", ""), signed=True)
            records.append(
                {
                    "account_id": accounts[number],
                    "option_id": options[code],
                    "day": day,
                    "quantity": quantity,
                    "source": path.name,
                    "created_at": created,
                }
            )
        except InputError as exc:
            problems.append(f"{path}: line {row.line}: {exc}")
    if problems:
        listed = "; ".join(problems[:5])
        raise InputError(f"{len(problems)} bad row(s), nothing imported: {listed}")
    months.ensure_open(uow, {r["day"] for r in records})  # type: ignore[misc]
    for start in range(0, len(records), 5_000):
        uow.session.execute(insert(USAGE), records[start : start + 5_000])
    days = [r["day"] for r in records]
    summary = {"rows": len(records), "accounts": len(accounts)}
    if days:
        summary |= {"from": min(days), "to": max(days)}  # type: ignore[type-var]
    audit.record(uow, "usage.import", path.name[:120], None, summary)
    return len(records)


def _require_columns(path: Path, rows: list[TableRow]) -> None:
    """Name the file and the header's missing columns, rather than every row's
    empty account: a wrong header is one mistake, not a thousand."""
    if not rows:
        return  # a header alone: a day without usage, nothing to check
    missing = [c for c in COLUMNS if c not in rows[0].values]
    if missing:
        raise InputError(
            f"{path}: line 1: the header lacks column(s) {', '.join(missing)} "
            f"(needs {', '.join(COLUMNS)})"
        )
