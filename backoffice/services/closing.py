"""The monthly closing (SPEC §12): catch up the daily runs, make the acts,
lock the month, write the journal. All or nothing; a dry run writes nothing.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    BigInteger,
    Table,
    column,
    func,
    insert,
    select,
    table,
    text,
    type_coerce,
)
from sqlalchemy.orm import aliased

from backoffice.billing.periods import month_bounds
from backoffice.db.engine import UnitOfWork
from backoffice.db.models import Account, Act, ActLine, Client, Closing, DailyRun, LedgerEntry
from backoffice.errors import BackofficeError
from backoffice.money import from_minor
from backoffice.services import audit, daily, months, sequences, settings

ACT_KINDS = (*daily.DEBIT_KINDS, "refund_proration")
ACTS: Table = Act.__table__  # type: ignore[assignment]
ACT_LINES: Table = ActLine.__table__  # type: ignore[assignment]
# act_lines with its money columns as stored (exact integers in minor units,
# see db/types.py), for copying ledger amounts without a Decimal round trip
RAW_ACT_LINES = table(
    "act_lines",
    column("act_id"),
    column("entry_id"),
    column("service"),
    column("eur", BigInteger),
    column("rate", BigInteger),
    column("uah", BigInteger),
)


@dataclass(frozen=True)
class AccountClosing:
    account: str
    client: str
    debited: Decimal  # UAH of services in the month (what the act says)
    act_number: str | None
    access: str
    block_reason: str | None


@dataclass
class ClosingResult:
    month: str
    dry_run: bool
    already_closed: bool = False
    accounts: list[AccountClosing] = field(default_factory=list)
    acts: int = 0
    total_uah: Decimal = Decimal("0.00")
    daily_days: int = 0


class ClosingRefused(BackofficeError):
    def __init__(self, month: str, errors: list[tuple[str, str, str]]):
        self.errors = errors
        first = "; ".join(f"{account} ({day}): {why}" for day, account, why in errors[:3])
        super().__init__(
            f"month {month} not closed: {len(errors)} account error(s) in the daily runs: {first}"
        )


def close_month(uow: UnitOfWork, month: str, *, dry_run: bool = False) -> ClosingResult:
    month = months.parse_month(month)
    result = ClosingResult(month, dry_run)
    _exclusive(uow)
    if month in months.locked_months(uow):
        result.already_closed = True
        return result
    first = months.first_entry_month(uow)
    if first is None:
        raise BackofficeError("the ledger is empty: there is no month to close")
    if month < first:
        raise BackofficeError(f"month {month} is before the first entry ({first})")
    start, end = month_bounds(month)
    previous = months.locked_months(uow)
    expected_first = first if not previous else months.next_month(previous[-1])
    if month != expected_first:
        raise BackofficeError(
            f"month {expected_first} is still open: months close in order, so {month} cannot"
        )
    last_day = end - dt.timedelta(days=1)
    last_run = uow.session.execute(select(func.max(DailyRun.day))).scalar()
    if last_run is not None and last_run >= last_day:
        run = daily.DailyResult(())  # every day of the month has run already
    else:
        run = daily.run_daily(uow, last_day, since=start)
    result.daily_days = len(run.days)
    if run.errors:
        uow.rollback()
        raise ClosingRefused(month, run.errors)
    _make_acts(uow, month, start, end, result)
    months.lock_month(uow, month)
    uow.session.add(
        Closing(
            month=month,
            closed_at=audit.now(),
            closed_by=uow.actor,
            accounts=len(result.accounts),
            acts=result.acts,
            total_uah=result.total_uah,
            summary=json.dumps({"daily_days": result.daily_days}),
        )
    )
    uow.session.flush()
    if dry_run:
        uow.rollback()
    return result


def _exclusive(uow: UnitOfWork) -> None:
    """Two closings never run at once. PostgreSQL: a transaction-scoped
    advisory lock; SQLite: the writer's BEGIN IMMEDIATE already serialises."""
    if uow.dialect == "postgresql":
        got = uow.session.execute(
            text("SELECT pg_try_advisory_xact_lock(hashtext('backoffice.close_month'))")
        ).scalar()
        if not got:
            raise BackofficeError("another monthly closing is running; try again when it ends")


def _make_acts(
    uow: UnitOfWork, month: str, start: dt.date, end: dt.date, result: ClosingResult
) -> None:
    original = aliased(LedgerEntry)
    # Money as stored (minor units): the lines are copied as they are, and
    # only the totals become Decimal.
    rows = uow.session.execute(
        select(
            LedgerEntry.id,
            LedgerEntry.account_id,
            LedgerEntry.kind,
            type_coerce(LedgerEntry.amount, BigInteger).label("amount"),
            type_coerce(LedgerEntry.eur, BigInteger).label("eur"),
            type_coerce(LedgerEntry.rate, BigInteger).label("rate"),
            LedgerEntry.comment,
            Account.number,
            Client.name,
            Account.access,
            Account.block_reason,
        )
        .join(Account, Account.id == LedgerEntry.account_id)
        .join(Client, Client.id == Account.client_id)
        .outerjoin(original, original.id == LedgerEntry.reverses_id)
        .where(
            LedgerEntry.business_date >= start,
            LedgerEntry.business_date < end,
            (LedgerEntry.kind.in_(ACT_KINDS))
            | ((LedgerEntry.kind == "reversal") & original.kind.in_(ACT_KINDS)),
        )
        .order_by(LedgerEntry.account_id, LedgerEntry.business_date, LedgerEntry.id)
    ).all()
    by_account: dict[int, list[Any]] = defaultdict(list)  # rows
    info: dict[int, tuple[str, str, str, str | None]] = {}
    for entry in rows:
        by_account[entry.account_id].append(entry)
        info[entry.account_id] = (entry.number, entry.name, entry.access, entry.block_reason)
    del rows
    # Sums in minor units; as Decimal, `-from_minor(sum)` is `-sum(Decimals)`
    # (a month that nets to zero reads -0.00, as before).
    amounts = {
        account_id: sum(e.amount for e in entries) for account_id, entries in by_account.items()
    }
    billable = sorted(account_id for account_id, kopiykas in amounts.items() if -kopiykas > 0)
    pattern = settings.get_setting(uow, "act.pattern")
    year = start.year
    first_number = sequences.take_numbers(uow, f"act:{year}", len(billable)) if billable else 0
    act_rows: list[dict[str, Any]] = []
    for offset, account_id in enumerate(billable):
        cents = sum(e.eur for e in by_account[account_id] if e.eur is not None)
        act_rows.append(
            {
                "number": sequences.format_number(pattern, first_number + offset, year=year),
                "account_id": account_id,
                "month": month,
                "act_date": end - dt.timedelta(days=1),
                "total_eur": -from_minor(cents, 2),
                "total_uah": -from_minor(amounts[account_id], 2),
            }
        )
    for chunk in range(0, len(act_rows), 5_000):
        uow.session.execute(insert(ACTS), act_rows[chunk : chunk + 5_000])
    # The month has no other acts (one per account and month): read the new ids
    # back, rather than a RETURNING that SQLite would run one row at a time.
    act_ids = dict(
        uow.session.execute(select(ACTS.c.account_id, ACTS.c.id).where(ACTS.c.month == month)).all()
    )
    line_rows = [
        {
            "act_id": act_ids[account_id],
            "entry_id": entry.id,
            "service": entry.comment or entry.kind,
            "eur": -entry.eur if entry.eur is not None else None,
            "rate": entry.rate,
            "uah": -entry.amount,
        }
        for account_id in billable
        for entry in by_account[account_id]
    ]
    for chunk in range(0, len(line_rows), 5_000):
        uow.session.execute(RAW_ACT_LINES.insert(), line_rows[chunk : chunk + 5_000])
    numbers = {a["account_id"]: a["number"] for a in act_rows}
    for account_id, (number, client, access, reason) in sorted(info.items()):
        result.accounts.append(
            AccountClosing(
                number,
                client,
                -from_minor(amounts[account_id], 2),
                numbers.get(account_id),
                access,
                reason,
            )
        )
    result.acts = len(act_rows)
    result.total_uah = sum((a["total_uah"] for a in act_rows), Decimal("0.00"))


def list_acts(uow: UnitOfWork, month: str) -> list[tuple[Act, str, str]]:
    month = months.parse_month(month)
    return [
        (act, number, client)
        for act, number, client in uow.session.execute(
            select(Act, Account.number, Client.name)
            .join(Account, Account.id == Act.account_id)
            .join(Client, Client.id == Account.client_id)
            .where(Act.month == month)
            .order_by(Act.number)
        ).all()
    ]


def journal(uow: UnitOfWork) -> list[Closing]:
    return list(uow.session.execute(select(Closing).order_by(Closing.month)).scalars())


__all__ = ["ClosingRefused", "close_month", "journal", "list_acts"]
